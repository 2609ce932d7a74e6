/* md_read.c: Markdown files with YAML front matter into model objects. */
#include <stdlib.h>
#include <string.h>

#include "fm.h"
#include "read.h"

/* A front matter map being turned into an object of one kind. */
struct fields {
	struct gt_fm	*map;
	const char	*file;
};

int
gt_id_valid(const char *s)
{
	/* Ids name output files: ".." must never be one, nor a long one. */
	if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
	    (*s >= '0' && *s <= '9')) || strlen(s) > GT_MAX_ID_BYTES)
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= '0' && *s <= '9') || *s == '-' || *s == '_' ||
		    *s == '.'))
			return 0;
	return 1;
}

static const char *
kind_name(enum gt_fm_kind k)
{
	return k == GT_FM_SEQ ? "a list" : k == GT_FM_MAP ? "a mapping" :
	    "text";
}

/* The scalar text of n, or NULL (reported) if n is not a scalar. */
static const char *
scalar(const struct gt_fm *n, const char *name)
{
	if (n->kind != GT_FM_SCALAR) {
		gt_msg(n->diag, GT_E_FIELD_TYPE, &n->loc, "%s: expected text, "
		    "found %s", name, kind_name(n->kind));
		return NULL;
	}
	return n->value;
}

/* The field's node, or NULL if absent or null; reports a missing required one. */
static struct gt_fm *
field(struct fields *f, const char *name, int required)
{
	struct gt_fm	*n = gt_fm_get(f->map, name);

	if (n != NULL && gt_fm_is_null(n))
		n = NULL;
	if (n == NULL && required)
		gt_msg(f->map->diag, GT_E_FIELD_MISSING, &f->map->loc, "%s", name);
	return n;
}

static char *
get_text(struct fields *f, const char *name, int required)
{
	struct gt_fm	*n = field(f, name, required);
	const char	*s;

	if (n == NULL || (s = scalar(n, name)) == NULL)
		return NULL;
	return gt_xstrdup(s);
}

static char *
get_id(struct fields *f, const char *name, int required, struct gt_loc *loc)
{
	struct gt_fm	*n = field(f, name, required);
	const char	*s;

	if (n == NULL || (s = scalar(n, name)) == NULL)
		return NULL;
	if (!gt_id_valid(s)) {
		gt_msg(f->map->diag, GT_E_ID_SYNTAX, &n->loc, "'%s'", s);
		return NULL;
	}
	if (loc != NULL)
		*loc = n->loc;
	return gt_xstrdup(s);
}

/* Is key written in the map? Unlike gt_fm_get, it does not ask for it. */
static int
has_key(const struct gt_fm *map, const char *key)
{
	size_t	 i;

	for (i = 0; i < map->n; i++)
		if (strcmp(map->keys[i], key) == 0)
			return 1;
	return 0;
}

/*
 * An object's id: its id field, or else the name of its file without
 * ".md" (hs05.md is "hs05"), if that is an id.
 */
static char *
get_own_id(struct fields *f, struct gt_loc *loc)
{
	const char	*base, *dot;
	char		*id;

	if (has_key(f->map, "id"))
		return get_id(f, "id", 1, loc);
	base = strrchr(f->file, '/');
	base = base != NULL ? base + 1 : f->file;
	dot = strrchr(base, '.');
	id = gt_xstrndup(base, dot != NULL ? (size_t)(dot - base) :
	    strlen(base));
	if (!gt_id_valid(id)) {
		gt_msg(f->map->diag, GT_E_FIELD_MISSING, &f->map->loc, "id (the "
		    "file name '%s' is not one: an id holds letters, digits, "
		    "'-', '_' and '.')", id);
		free(id);
		return NULL;
	}
	return id;
}

static void
get_ref(struct fields *f, const char *name, struct gt_ref *r)
{
	r->id = get_id(f, name, 0, &r->loc);
}

/* A number, checked against [lo, hi]; returns 0, or -1 if absent or bad. */
static int
number_at(const struct gt_fm *n, const char *name, double lo, double hi,
    double *out)
{
	const char	*s;

	if ((s = scalar(n, name)) == NULL)
		return -1;
	if (gt_number_parse(s, out) == -1) {
		gt_msg(n->diag, GT_E_NUMBER, &n->loc, "%s: '%s'", name, s);
		return -1;
	}
	if (*out < lo || *out > hi) {
		gt_msg(n->diag, GT_E_RANGE, &n->loc, "%s: %s is outside %g to %g",
		    name, s, lo, hi);
		return -1;
	}
	return 0;
}

static int
get_int(struct fields *f, const char *name, int required, int lo, int hi,
    int *out)
{
	struct gt_fm	*n = field(f, name, required);
	double		 d;

	if (n == NULL || number_at(n, name, lo, hi, &d) == -1)
		return -1;
	if (d != (int)d) {
		gt_msg(f->map->diag, GT_E_NUMBER, &n->loc, "%s: expected a whole number, "
		    "found '%s'", name, n->value);
		return -1;
	}
	*out = (int)d;
	return 0;
}

static void
get_bool(struct fields *f, const char *name, int *out)
{
	struct gt_fm	*n = field(f, name, 0);
	const char	*s;

	if (n == NULL || (s = scalar(n, name)) == NULL)
		return;
	if (gt_strieq(s, "true") || gt_strieq(s, "yes"))
		*out = 1;
	else if (gt_strieq(s, "false") || gt_strieq(s, "no"))
		*out = 0;
	else
		gt_msg(f->map->diag, GT_E_FIELD_TYPE, &n->loc, "%s: expected true or false, "
		    "found '%s'", name, s);
}

/* A name compared with others (a portfolio): in NFC, as all are. */
static char *
get_name(struct fields *f, const char *name, struct gt_loc *loc)
{
	struct gt_fm	*n = field(f, name, 0);
	const char	*s;

	if (n == NULL || (s = scalar(n, name)) == NULL)
		return NULL;
	*loc = n->loc;
	return gt_xnfc(s);
}

/* A list of text; a single text is taken as a list of one. */
static void
get_list(struct fields *f, const char *name, struct gt_strlist *l)
{
	struct gt_fm	*n = field(f, name, 0);
	const char	*s;
	size_t		 i;

	if (n == NULL)
		return;
	if (n->kind == GT_FM_SCALAR) {
		gt_strlist_add(l, n->value);
		return;
	}
	if (n->kind != GT_FM_SEQ) {
		gt_msg(f->map->diag, GT_E_FIELD_TYPE, &n->loc, "%s: expected a list, "
		    "found %s", name, kind_name(n->kind));
		return;
	}
	for (i = 0; i < n->n; i++)
		if ((s = scalar(n->items[i], name)) != NULL)
			gt_strlist_add(l, s);
}

/* A list of names compared with others (tags), in NFC. */
static void
get_names(struct fields *f, const char *name, struct gt_strlist *l)
{
	size_t	 i;
	char	*n;

	get_list(f, name, l);
	for (i = 0; i < l->n; i++) {
		n = gt_xnfc(l->v[i]);
		free(l->v[i]);
		l->v[i] = n;
	}
}

/* A list of ids as references; a single id is a list of one. */
static struct gt_ref *
get_refs(struct fields *f, const char *name, size_t *np)
{
	struct gt_fm	*n = field(f, name, 0), *it;
	struct gt_ref	*r;
	const char	*s;
	size_t		 i, cnt = 0, one = 1;

	*np = 0;
	if (n == NULL)
		return NULL;
	if (n->kind == GT_FM_MAP) {
		gt_msg(f->map->diag, GT_E_FIELD_TYPE, &n->loc, "%s: expected a list of ids, "
		    "found a mapping", name);
		return NULL;
	}
	r = gt_xcalloc(n->kind == GT_FM_SEQ ? n->n : one, sizeof(*r));
	for (i = 0; i < (n->kind == GT_FM_SEQ ? n->n : one); i++) {
		it = n->kind == GT_FM_SEQ ? n->items[i] : n;
		if ((s = scalar(it, name)) == NULL)
			continue;
		if (!gt_id_valid(s)) {
			gt_msg(f->map->diag, GT_E_ID_SYNTAX, &it->loc, "'%s'", s);
			continue;
		}
		r[cnt].id = gt_xstrdup(s);
		r[cnt].loc = it->loc;
		cnt++;
	}
	*np = cnt;
	return r;
}

static int
date_at(const struct gt_fm *n, const char *name, struct gt_date *d)
{
	const char	*s;

	if ((s = scalar(n, name)) == NULL)
		return -1;
	if (gt_date_parse(s, d) == -1) {
		gt_msg(n->diag, GT_E_DATE, &n->loc, "%s: '%s'", name, s);
		return -1;
	}
	return 0;
}

/* One of a fixed set of names; returns its index or -1 (reported). */
static int
get_enum(struct fields *f, const char *name, int required,
    const char *const *names, int nnames, const char *expect)
{
	struct gt_fm	*n = field(f, name, required);
	const char	*s;
	int		 i;

	if (n == NULL || (s = scalar(n, name)) == NULL)
		return -1;
	for (i = 0; i < nnames; i++)
		if (strcmp(s, names[i]) == 0)
			return i;
	gt_msg(f->map->diag, GT_E_ENUM, &n->loc, "%s '%s': expected %s", name, s, expect);
	return -1;
}

static int
is_percent_unit(const char *unit)
{
	return unit != NULL && strcmp(unit, "%") == 0;
}

static void
read_plan(struct gt_model *m, struct fields *f, struct gt_body *body)
{
	struct gt_plan	*p;

	if (m->plan != NULL) {
		/* Only content/plan.md is read as the plan. */
		return;
	}
	p = gt_xcalloc(1, sizeof(*p));
	p->loc = f->map->loc;
	p->title = get_text(f, "title", 1);
	p->organisation = get_text(f, "organisation", 0);
	p->period = get_text(f, "period", 0);
	p->vision = get_text(f, "vision", 0);
	get_list(f, "values", &p->values);
	p->body = *body;
	body->doc = NULL;
	m->plan = p;
}

static void
read_priority(struct gt_model *m, struct fields *f, struct gt_body *body)
{
	struct gt_priority	*p = gt_xcalloc(1, sizeof(*p));

	p->loc = f->map->loc;
	p->id = get_own_id(f, &p->loc);
	p->title = get_text(f, "title", 1);
	/* "position" is what some plans call it. */
	if (has_key(f->map, "order") && has_key(f->map, "position"))
		gt_msg(m->diag, GT_E_FIELD_CONFLICT, (gt_fm_get(f->map,
		    "order"), &gt_fm_get(f->map, "position")->loc),
		    "order and position: use one of them");
	else
		get_int(f, has_key(f->map, "position") ? "position" : "order",
		    0, -1000000, 1000000, &p->order);
	p->body = *body;
	body->doc = NULL;
	*GT_PUSH(m->priorities, m->npriorities, m->cappriorities) = p;
}

static void
read_objective(struct gt_model *m, struct fields *f, struct gt_body *body)
{
	struct gt_objective	*o = gt_xcalloc(1, sizeof(*o));

	o->loc = f->map->loc;
	o->id = get_own_id(f, &o->loc);
	o->title = get_text(f, "title", 1);
	get_ref(f, "priority", &o->priority_ref);
	get_ref(f, "parent", &o->parent_ref);
	if (o->priority_ref.id != NULL && o->parent_ref.id != NULL) {
		gt_msg(m->diag, GT_E_FIELD_CONFLICT, &o->parent_ref.loc,
		    "priority and parent: an objective sits under one of them");
		free(o->parent_ref.id);
		o->parent_ref.id = NULL;
	} else if (o->priority_ref.id == NULL && o->parent_ref.id == NULL &&
	    gt_fm_get(f->map, "priority") == NULL &&
	    gt_fm_get(f->map, "parent") == NULL)
		gt_msg(m->diag, GT_E_FIELD_MISSING, &f->map->loc, "priority or parent");
	o->portfolio = get_name(f, "portfolio", &o->portfolio_loc);
	o->lead = get_text(f, "lead", 0);
	get_names(f, "tags", &o->tags);
	o->body = *body;
	body->doc = NULL;
	*GT_PUSH(m->objectives, m->nobjectives, m->capobjectives) = o;
}

static void
read_tolerance(struct fields *f, struct gt_tolerance *t)
{
	struct gt_fm	*n = field(f, "tolerance", 0);
	struct gt_value	 v;
	const char	*s;

	if (n == NULL || (s = scalar(n, "tolerance")) == NULL)
		return;
	if (gt_value_parse(s, &v) == -1 || v.kind != GT_VAL_NUMBER ||
	    v.money || v.num < 0) {
		gt_msg(f->map->diag, GT_E_TOLERANCE, &n->loc, "'%s'", s);
		return;
	}
	t->kind = v.percent ? GT_TOL_RELATIVE : GT_TOL_ABSOLUTE;
	t->value = v.num;
}

/*
 * A number the measure's min and max must hold (a target, its baseline);
 * 0, or -1 if absent, bad or outside them (reported).
 */
static int
limited_at(const struct gt_fm *n, const struct gt_measure *me,
    const char *name, double *out)
{
	if (number_at(n, name, -1e300, 1e300, out) == -1)
		return -1;
	if ((me->has_min && *out < me->min) || (me->has_max &&
	    *out > me->max)) {
		gt_msg(n->diag, GT_E_RANGE, &n->loc, "%s: %s is %s the "
		    "measure's %s of %g", name, n->value, me->has_min &&
		    *out < me->min ? "below" : "above", me->has_min &&
		    *out < me->min ? "min" : "max", me->has_min &&
		    *out < me->min ? me->min : me->max);
		return -1;
	}
	return 0;
}

/*
 * A target value: a number, [low, high] for a band, or a target relative
 * to another figure. Returns 0 or -1.
 */
static int
read_target_value(const struct gt_fm *n, const struct gt_measure *me,
    struct gt_target *t)
{
	if (n->kind == GT_FM_SEQ) {
		if (n->n != 2) {
			gt_msg(n->diag, GT_E_TARGET_BAND, &n->loc, "a range has two "
			    "values, [low, high]; found %zu", n->n);
			return -1;
		}
		if (limited_at(n->items[0], me, "targets", &t->lo) == -1 ||
		    limited_at(n->items[1], me, "targets", &t->hi) == -1)
			return -1;
		if (t->lo > t->hi) {
			gt_msg(n->diag, GT_E_RANGE, &n->loc, "targets: the range's low "
			    "end is above its high end");
			return -1;
		}
		return 0;
	}
	if (n->kind == GT_FM_SCALAR && gt_number_parse(n->value, &t->lo) ==
	    -1) {
		if (gt_target_rel_parse(n->value, t) == -1) {
			gt_msg(n->diag, GT_E_NUMBER, &n->loc, "targets: '%s': "
			    "expected a number, [low, high] for a band, or a "
			    "target such as 'better than England', 'top "
			    "quartile of GROUP' or '10%% above last year'",
			    n->value);
			return -1;
		}
		if (me->polarity == GT_POL_BAND) {
			gt_msg(n->diag, GT_E_TARGET_BAND, &n->loc, "a band's "
			    "target is a range, [low, high]; '%s' is not one",
			    n->value);
			free(t->group);
			t->group = NULL;
			return -1;
		}
		return 0;
	}
	if (limited_at(n, me, "targets", &t->lo) == -1)
		return -1;
	t->hi = t->lo;
	return 0;
}

static void
read_targets(struct gt_model *m, struct fields *f, struct gt_measure *me)
{
	struct gt_fm	*n = field(f, "targets", 0);
	struct gt_target t;
	size_t		 i, cap = 0;

	if (n == NULL)
		return;
	if (n->kind != GT_FM_MAP) {
		gt_msg(f->map->diag, GT_E_FIELD_TYPE, &n->loc, "targets: expected a mapping "
		    "of period to target, found %s", kind_name(n->kind));
		return;
	}
	if (me->polarity == GT_POL_INFO && n->n > 0) {
		gt_msg(f->map->diag, GT_E_TARGET_BAND, &n->loc, "a measure "
		    "for information only (polarity none) is never judged, "
		    "so it has no targets");
		for (i = 0; i < n->n; i++)
			n->used[i] = 1;
		return;
	}
	for (i = 0; i < n->n; i++) {
		n->used[i] = 1;
		memset(&t, 0, sizeof(t));
		t.loc = n->keylocs[i];
		/* A key reads as the measure's figures do ("2010-11"). */
		if (gt_period_read(n->keys[i], me->frequency, &m->conf.cal,
		    &t.period) == -1) {
			gt_msg(f->map->diag, GT_E_TARGET_KEY, &n->keylocs[i], "'%s'",
			    n->keys[i]);
			continue;
		}
		if (read_target_value(n->items[i], me, &t) == -1)
			continue;
		if (me->polarity == GT_POL_BAND && t.lo == t.hi &&
		    n->items[i]->kind != GT_FM_SEQ) {
			gt_msg(f->map->diag, GT_E_TARGET_BAND, &n->items[i]->loc, "band "
			    "polarity needs a range such as [95, 105]");
			continue;
		}
		if (me->polarity != GT_POL_BAND && me->polarity !=
		    GT_POL_NONE && n->items[i]->kind == GT_FM_SEQ) {
			gt_msg(f->map->diag, GT_E_TARGET_BAND, &n->items[i]->loc, "a range "
			    "suits only band polarity");
			continue;
		}
		*GT_PUSH(me->targets, me->ntargets, cap) = t;
	}
}

static void
read_baseline(struct gt_model *m, struct fields *f, struct gt_measure *me)
{
	struct gt_fm	*n = field(f, "baseline", 0), *v, *p;
	const char	*s;

	if (n == NULL)
		return;
	if (n->kind != GT_FM_MAP) {
		gt_msg(f->map->diag, GT_E_FIELD_TYPE, &n->loc, "baseline: expected a mapping "
		    "with value and period, found %s", kind_name(n->kind));
		return;
	}
	v = gt_fm_get(n, "value");
	p = gt_fm_get(n, "period");
	gt_fm_unused(n);
	if (v == NULL || gt_fm_is_null(v)) {
		gt_msg(f->map->diag, GT_E_FIELD_MISSING, &n->loc, "baseline value");
		return;
	}
	if (limited_at(v, me, "baseline", &me->baseline) == -1)
		return;
	if (p != NULL && !gt_fm_is_null(p)) {
		if ((s = scalar(p, "baseline period")) == NULL)
			return;
		if (gt_period_read(s, me->frequency, &m->conf.cal,
		    &me->baseline_period) == -1) {
			gt_msg(p->diag, GT_E_PERIOD, &p->loc, "baseline period: "
			    "'%s'", s);
			return;
		}
	}
	me->has_baseline = 1;
}

/* min and max: the range a measure's figures must lie in, if it has one. */
static void
read_limits(struct fields *f, struct gt_measure *me)
{
	struct gt_fm	*lo = field(f, "min", 0), *hi = field(f, "max", 0);

	if (lo != NULL && number_at(lo, "min", -1e300, 1e300, &me->min) == 0)
		me->has_min = 1;
	if (hi != NULL && number_at(hi, "max", -1e300, 1e300, &me->max) == 0)
		me->has_max = 1;
	if (me->has_min && me->has_max && me->min > me->max) {
		gt_msg(f->map->diag, GT_E_RANGE, &hi->loc, "max is below min");
		me->has_min = me->has_max = 0;
	}
}

static const char *const freq_names[] = {
	"monthly", "quarterly", "annual", "biennial", "triennial", "irregular"
};
static const char *const level_names[] = { "strategic", "operational" };

static void
read_measure(struct gt_model *m, struct fields *f, struct gt_body *body)
{
	struct gt_measure	*me = gt_xcalloc(1, sizeof(*me));
	struct gt_fm		*one, *many, *n;
	const char		*s;
	int			 k;

	me->loc = f->map->loc;
	me->id = get_own_id(f, &me->loc);
	if ((n = field(f, "code", 0)) != NULL &&
	    (me->code = get_text(f, "code", 0)) != NULL) {
		me->code_loc = n->loc;
		/* It names the measure in data files, as an id does. */
		if (strlen(me->code) > GT_MAX_ID_BYTES) {
			gt_msg(m->diag, GT_E_ID_SYNTAX, &n->loc, "code longer "
			    "than %d bytes", GT_MAX_ID_BYTES);
			free(me->code);
			me->code = NULL;
		}
	}
	me->title = get_text(f, "title", 1);
	one = gt_fm_get(f->map, "objective");
	many = gt_fm_get(f->map, "objectives");
	if (one != NULL && many != NULL)
		gt_msg(m->diag, GT_E_FIELD_CONFLICT, &many->loc,
		    "objective and objectives: use one of them");
	else if (one == NULL && many == NULL)
		gt_msg(m->diag, GT_E_FIELD_MISSING, &f->map->loc,
		    "objective (or objectives)");
	else
		me->objective_refs = get_refs(f, one != NULL ? "objective" :
		    "objectives", &me->nobjective_refs);
	me->unit = get_text(f, "unit", 0);
	me->decimals = is_percent_unit(me->unit) ? 1 : 0;
	get_int(f, "decimals", 0, 0, 6, &me->decimals);
	read_limits(f, me);
	if ((n = field(f, "polarity", 1)) != NULL &&
	    (s = scalar(n, "polarity")) != NULL &&
	    (me->polarity = gt_polarity_parse(s)) == GT_POL_NONE)
		gt_msg(m->diag, GT_E_ENUM, &n->loc, "polarity '%s': expected "
		    "higher, lower, band or none", s);
	if ((k = get_enum(f, "frequency", 1, freq_names, 6,
	    "monthly, quarterly, annual, biennial, triennial or irregular")) >=
	    0)
		me->frequency = (enum gt_freq)(k + GT_FREQ_MONTHLY);
	me->lag = -1;
	get_int(f, "lag", 0, 0, 36, &me->lag);
	get_bool(f, "cumulative", &me->cumulative);
	read_tolerance(f, &me->tolerance);
	read_baseline(m, f, me);
	read_targets(m, f, me);
	me->source = get_text(f, "source", 0);
	me->owner = get_text(f, "owner", 0);
	me->chart_title = get_text(f, "chart_title", 0);
	if ((one = gt_fm_get(f->map, "chart_comparators")) != NULL)
		me->chart_comparators_loc = one->loc;
	get_names(f, "chart_comparators", &me->chart_comparators);
	if ((k = get_enum(f, "level", 0, level_names, 2,
	    "strategic or operational")) >= 0)
		me->level = (enum gt_level)k;
	get_bool(f, "headline", &me->headline);
	get_names(f, "tags", &me->tags);
	if (body->doc == NULL)
		gt_msg(m->diag, GT_W_NO_BODY, &f->map->loc, "a measure's text is its "
		    "definition and why it matters");
	me->body = *body;
	body->doc = NULL;
	*GT_PUSH(m->measures, m->nmeasures, m->capmeasures) = me;
}

static void
read_milestones(struct fields *f, struct gt_action *a)
{
	struct gt_fm		*n = field(f, "milestones", 0), *it, *t, *d;
	struct gt_milestone	 ms;
	size_t			 i, cap = 0;

	if (n == NULL)
		return;
	if (n->kind != GT_FM_SEQ) {
		gt_msg(f->map->diag, GT_E_FIELD_TYPE, &n->loc, "milestones: expected a list, "
		    "found %s", kind_name(n->kind));
		return;
	}
	for (i = 0; i < n->n; i++) {
		it = n->items[i];
		if (it->kind != GT_FM_MAP) {
			gt_msg(f->map->diag, GT_E_FIELD_TYPE, &it->loc, "milestone: expected "
			    "a mapping with title and due, found %s",
			    kind_name(it->kind));
			continue;
		}
		memset(&ms, 0, sizeof(ms));
		ms.loc = it->loc;
		t = gt_fm_get(it, "title");
		d = gt_fm_get(it, "due");
		gt_fm_unused(it);
		if (t == NULL || gt_fm_is_null(t)) {
			gt_msg(f->map->diag, GT_E_FIELD_MISSING, &it->loc, "milestone title");
			continue;
		}
		if (scalar(t, "milestone title") == NULL)
			continue;
		if (d != NULL && !gt_fm_is_null(d) &&
		    date_at(d, "milestone due", &ms.due) == -1)
			continue;
		ms.title = gt_xstrdup(t->value);
		*GT_PUSH(a->milestones, a->nmilestones, cap) = ms;
	}
}

static void
read_action(struct gt_model *m, struct fields *f, struct gt_body *body)
{
	struct gt_action	*a = gt_xcalloc(1, sizeof(*a));
	struct gt_fm		*n;
	size_t			 i;

	a->loc = f->map->loc;
	a->id = get_own_id(f, &a->loc);
	a->objective_ref.id = get_id(f, "objective", 1, &a->objective_ref.loc);
	a->title = get_text(f, "title", 1);
	a->lead = get_text(f, "lead", 0);
	if ((n = field(f, "due", 0)) != NULL)
		date_at(n, "due", &a->due);
	read_milestones(f, a);
	get_names(f, "tags", &a->tags);
	get_bool(f, "eia", &a->eia);
	for (i = 0; i < a->nmilestones; i++)
		if (a->due.y != 0 && a->milestones[i].due.y != 0 &&
		    gt_date_cmp(&a->milestones[i].due, &a->due) > 0)
			gt_msg(m->diag, GT_W_MILESTONE_LATE, &a->milestones[i].loc,
			    "'%s'", a->milestones[i].title);
	a->body = *body;
	body->doc = NULL;
	*GT_PUSH(m->actions, m->nactions, m->capactions) = a;
}

static void
read_risk(struct gt_model *m, struct fields *f, struct gt_body *body)
{
	struct gt_risk	*r = gt_xcalloc(1, sizeof(*r));

	r->loc = f->map->loc;
	r->id = get_own_id(f, &r->loc);
	r->title = get_text(f, "title", 1);
	r->owner = get_text(f, "owner", 0);
	r->objective_refs = get_refs(f, "objectives", &r->nobjective_refs);
	if (r->nobjective_refs == 0 && gt_fm_get(f->map, "objectives") == NULL)
		gt_msg(m->diag, GT_E_FIELD_MISSING, &f->map->loc, "objectives");
	get_int(f, "likelihood", 1, 1, 5, &r->likelihood);
	get_int(f, "impact", 1, 1, 5, &r->impact);
	r->target_likelihood = r->likelihood;
	r->target_impact = r->impact;
	get_int(f, "target_likelihood", 0, 1, 5, &r->target_likelihood);
	get_int(f, "target_impact", 0, 1, 5, &r->target_impact);
	get_list(f, "controls", &r->controls);
	r->action_refs = get_refs(f, "actions", &r->naction_refs);
	r->body = *body;
	body->doc = NULL;
	*GT_PUSH(m->risks, m->nrisks, m->caprisks) = r;
}

/* Length of the line at p (without its end) and where the next one starts. */
static size_t
line_len(const char *p, const char *end, const char **next)
{
	const char	*q = memchr(p, '\n', (size_t)(end - p));
	size_t		 n;

	if (q == NULL)
		q = end;
	*next = q < end ? q + 1 : end;
	n = (size_t)(q - p);
	while (n > 0 && (p[n - 1] == '\r' || p[n - 1] == ' ' ||
	    p[n - 1] == '\t'))
		n--;
	return n;
}

static const char *const kind_names[] = {
	"plan", "priority", "objective", "measure", "action", "risk"
};

/*
 * A file that could not be read as an object still has an id to the eye:
 * remember it, so that references to it are not reported a second time.
 */
static void
remember_broken(struct gt_model *m, enum gt_kind kind, const char *text,
    const char *end)
{
	const char	*p, *next, *s;
	char		*key;
	size_t		 n;

	for (p = text; p < end; p = next) {
		n = line_len(p, end, &next);
		if (n < 4 || memcmp(p, "id:", 3) != 0)
			continue;
		for (s = p + 3; s < p + n && (*s == ' ' || *s == '\t'); s++)
			continue;
		key = gt_xasprintf("%s:%.*s", kind_names[kind],
		    (int)(p + n - s), s);
		if (gt_map_get(&m->broken_ix, key) == NULL) {
			gt_strlist_add(&m->broken, key);
			gt_map_put(&m->broken_ix, m->broken.v[m->broken.n - 1],
			    m->broken.v[m->broken.n - 1]);
		}
		free(key);
		return;
	}
}

int
gt_md_broken(const struct gt_model *m, enum gt_kind kind, const char *id)
{
	char	*key = gt_xasprintf("%s:%s", kind_names[kind], id);
	int	 found = gt_map_get(&m->broken_ix, key) != NULL;

	free(key);
	return found;
}

/*
 * What cmark decoded (character references in text, link destinations
 * and titles, fence info) must be text too, where the file's own
 * characters were (raw: the kinds of fault found in them); and a body
 * nested deeper than GT_MAX_DEPTH is refused, as its page could not hold
 * it. Returns -1 if the body is refused.
 */
int
gt_md_check_body(struct gt_diag *diag, cmark_node *doc, const char *file,
    int bodyline, unsigned raw, int decoded)
{
	cmark_iter		*it = cmark_iter_new(doc);
	cmark_event_type	 ev;
	cmark_node		*n, *up;
	struct gt_loc		 loc = { file, 0, 0 };
	const char		*v[3];
	unsigned		 found;
	int			 depth, rc = 0, i;

	while (rc == 0 && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		if (ev != CMARK_EVENT_ENTER)
			continue;
		n = cmark_iter_get_node(it);
		loc.line = bodyline - 1 + cmark_node_get_start_line(n);
		loc.col = cmark_node_get_start_column(n);
		for (depth = 0, up = n; (up = cmark_node_parent(up)) != NULL &&
		    depth <= GT_MAX_DEPTH; )
			depth++;
		if (depth > GT_MAX_DEPTH) {
			gt_msg(diag, GT_E_LIMIT, &loc, "Markdown nested deeper than "
			    "%d levels", GT_MAX_DEPTH);
			rc = -1;
		}
		if (!decoded)
			continue;
		v[0] = cmark_node_get_type(n) == CMARK_NODE_TEXT ?
		    cmark_node_get_literal(n) : NULL;
		v[1] = cmark_node_get_url(n);
		v[2] = cmark_node_get_type(n) == CMARK_NODE_CODE_BLOCK ?
		    cmark_node_get_fence_info(n) : cmark_node_get_title(n);
		for (i = 0; i < 3; i++)
			if (v[i] != NULL) {
				found = raw;
				gt_text_check(v[i], strlen(v[i]), &loc, &found,
				    gt_report_msg, diag);
			}
	}
	cmark_iter_free(it);
	return rc;
}

void
gt_md_read(struct gt_model *m, enum gt_kind kind, const char *path,
    const char *text, size_t len)
{
	const char	*file = gt_model_file(m, path);
	const char	*end = text + len, *p, *next, *fm_start, *fm_end = NULL;
	struct gt_loc	 loc = { file, 0, 0 };
	struct fields	 f = { NULL, file };
	struct gt_body	 body = { NULL, 0, "" };
	size_t		 n;
	unsigned	 found = 0;
	int		 line, bodyline = 0;

	if (gt_text_check(text, len, &loc, &found, gt_report_msg, m->diag) == -1)
		goto broken;
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		text += 3;
	n = line_len(text, end, &next);
	loc.line = loc.col = 1;
	if (n != 3 || memcmp(text, "---", 3) != 0) {
		gt_msg(m->diag, GT_E_FM_MISSING, &loc, NULL);
		goto broken;
	}
	fm_start = next;
	for (p = next, line = 2; p < end; p = next, line++) {
		n = line_len(p, end, &next);
		if (n == 3 && (memcmp(p, "---", 3) == 0 ||
		    memcmp(p, "...", 3) == 0)) {
			fm_end = p;
			bodyline = line + 1;
			break;
		}
	}
	if (fm_end == NULL) {
		gt_msg(m->diag, GT_E_FM_OPEN, &loc, NULL);
		goto broken;
	}
	if ((f.map = gt_fm_parse(fm_start, (size_t)(fm_end - fm_start), file,
	    2, m->diag)) == NULL)
		goto broken;
	if (f.map->kind != GT_FM_MAP) {
		gt_msg(m->diag, GT_E_FM_SHAPE, &f.map->loc, NULL);
		goto broken;
	}
	f.map->loc.line = 1;	/* missing fields belong to the whole header */
	f.map->loc.col = 1;

	/* A body of only white space is no body. */
	for (p = next; p < end && strchr(" \t\r\n", *p) != NULL; p++)
		continue;
	if (p < end) {
		/* cmark takes time that grows as the square of some bodies. */
		if ((size_t)(end - next) > (size_t)GT_MAX_BODY_BYTES) {
			loc.line = bodyline;
			gt_msg(m->diag, GT_E_LIMIT, &loc, "Markdown body longer than "
			    "%ld bytes", (long)GT_MAX_BODY_BYTES);
			goto broken;
		}
		body.doc = cmark_parse_document(next, (size_t)(end - next),
		    CMARK_OPT_DEFAULT | CMARK_OPT_SOURCEPOS);
		body.line = bodyline;
		if (gt_md_check_body(m->diag, body.doc, file, bodyline, found,
		    memchr(next, '&', (size_t)(end - next)) != NULL) == -1)
			goto broken;
		gt_md_lint(m->diag, body.doc, file, bodyline, next,
		    (size_t)(end - next));
		gt_sha256_hex(next, (size_t)(end - next), body.key);
	}

	switch (kind) {
	case GT_KIND_PLAN:
		read_plan(m, &f, &body);
		break;
	case GT_KIND_PRIORITY:
		read_priority(m, &f, &body);
		break;
	case GT_KIND_OBJECTIVE:
		read_objective(m, &f, &body);
		break;
	case GT_KIND_MEASURE:
		read_measure(m, &f, &body);
		break;
	case GT_KIND_ACTION:
		read_action(m, &f, &body);
		break;
	case GT_KIND_RISK:
		read_risk(m, &f, &body);
		break;
	}
	gt_fm_unused(f.map);
	goto out;
broken:
	remember_broken(m, kind, text, end);
out:
	if (body.doc != NULL)
		cmark_node_free(body.doc);
	gt_fm_free(f.map);
}
