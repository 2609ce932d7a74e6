/* link.c: index, resolve and check the golden thread. */
#include <stdlib.h>
#include <string.h>

#include "link_int.h"
#include "scope.h"
#include "read.h"

int
gt_id_cmp(const char *a, const char *b)
{
	while (*a && *b) {
		if (*a >= '0' && *a <= '9' && *b >= '0' && *b <= '9') {
			const char *ea = a, *eb = b;
			size_t la, lb;

			while (*a == '0')
				a++;
			while (*b == '0')
				b++;
			for (ea = a; *ea >= '0' && *ea <= '9'; ea++)
				continue;
			for (eb = b; *eb >= '0' && *eb <= '9'; eb++)
				continue;
			la = (size_t)(ea - a);
			lb = (size_t)(eb - b);
			if (la != lb)
				return la < lb ? -1 : 1;
			if (la > 0 && memcmp(a, b, la) != 0)
				return memcmp(a, b, la);
			a = ea;
			b = eb;
			continue;
		}
		if (*a != *b)
			return (unsigned char)*a < (unsigned char)*b ? -1 : 1;
		a++;
		b++;
	}
	if (*a || *b)
		return *a ? 1 : -1;
	return 0;
}

/* Objects with equal ids keep the order they were read in. */
static int
loc_cmp(const struct gt_loc *a, const struct gt_loc *b)
{
	int	 c = strcmp(a->file, b->file);

	if (c != 0)
		return c;
	return a->line < b->line ? -1 : a->line > b->line;
}

/* Sort helpers: every object type starts with its loc, then its id. */
#define ID_CMP(name, type)						\
static int								\
name(const void *va, const void *vb)					\
{									\
	const struct type *a = *(struct type *const *)va;		\
	const struct type *b = *(struct type *const *)vb;		\
	int c = gt_id_cmp(a->id ? a->id : "", b->id ? b->id : "");	\
	return c != 0 ? c : loc_cmp(&a->loc, &b->loc);			\
}
ID_CMP(objective_cmp, gt_objective)
ID_CMP(measure_cmp, gt_measure)
ID_CMP(action_cmp, gt_action)
ID_CMP(risk_cmp, gt_risk)

static int
priority_cmp(const void *va, const void *vb)
{
	const struct gt_priority *a = *(struct gt_priority *const *)va;
	const struct gt_priority *b = *(struct gt_priority *const *)vb;

	int c;

	if (a->order != b->order)
		return a->order < b->order ? -1 : 1;
	c = gt_id_cmp(a->id ? a->id : "", b->id ? b->id : "");
	return c != 0 ? c : loc_cmp(&a->loc, &b->loc);
}

/* Index objects by id, reporting duplicates at the second definition. */
static void
index_ids(struct gt_diag *d, struct gt_map *ix, void **objs, size_t n,
    const char *(*id_of)(const void *), const struct gt_loc *(*loc_of)(const void *),
    const char *what)
{
	const struct gt_loc	*first;
	void			*prev;
	size_t			 i;

	for (i = 0; i < n; i++) {
		const char *id = id_of(objs[i]);

		if (id == NULL)
			continue;
		if ((prev = gt_map_put(ix, id, objs[i])) != NULL) {
			first = loc_of(prev);
			gt_msg(d, GT_E_ID_DUP, loc_of(objs[i]), "%s '%s' is "
			    "already defined at %s:%d", what, id, first->file,
			    first->line);
		}
	}
}

#define ACCESSORS(type)							\
static const char *type##_id(const void *p)				\
{ return ((const struct gt_##type *)p)->id; }				\
static const struct gt_loc *type##_loc(const void *p)			\
{ return &((const struct gt_##type *)p)->loc; }
ACCESSORS(priority)
ACCESSORS(objective)
ACCESSORS(measure)
ACCESSORS(action)
ACCESSORS(risk)

struct gt_priority *
gt_priority_get(const struct gt_model *m, const char *id)
{
	return gt_map_get(&m->priority_ix, id);
}

struct gt_objective *
gt_objective_get(const struct gt_model *m, const char *id)
{
	return gt_map_get(&m->objective_ix, id);
}

struct gt_measure *
gt_measure_get(const struct gt_model *m, const char *id)
{
	return gt_map_get(&m->measure_ix, id);
}

struct gt_measure *
gt_measure_find(const struct gt_model *m, const char *id)
{
	struct gt_measure	*me = gt_measure_get(m, id);

	return me != NULL ? me : gt_map_get(&m->code_ix, id);
}

/*
 * Published codes ("C&L03", "PI 12") name measures in data files too:
 * each names one measure. Measures are sorted by id by now.
 */
static void
index_codes(struct gt_model *m)
{
	struct gt_measure	*me, *prev;
	size_t			 i;

	for (i = 0; i < m->nmeasures; i++) {
		me = m->measures[i];
		if (me->code == NULL || me->id == NULL ||
		    gt_measure_get(m, me->id) != me)
			continue;
		if ((prev = gt_map_put(&m->code_ix, me->code, me)) != NULL)
			gt_msg(m->diag, GT_E_ID_DUP, &me->code_loc, "code '%s' is "
			    "measure '%s''s already, at %s:%d", me->code,
			    prev->id, prev->loc.file, prev->loc.line);
	}
}

struct gt_measure *
gt_link_measure(struct gt_model *m, const struct gt_ref *r)
{
	struct gt_measure	*me = gt_measure_find(m, r->id);

	if (me == NULL && !gt_md_broken(m, GT_KIND_MEASURE, r->id))
		gt_msg(m->diag, GT_E_UNKNOWN_MEASURE, &r->loc, "'%s'", r->id);
	return me;
}

struct gt_action *
gt_action_get(const struct gt_model *m, const char *id)
{
	return gt_map_get(&m->action_ix, id);
}

struct gt_risk *
gt_risk_get(const struct gt_model *m, const char *id)
{
	return gt_map_get(&m->risk_ix, id);
}


static struct gt_objective *
resolve_objective(struct gt_model *m, const struct gt_ref *r)
{
	struct gt_objective	*o;

	if (r->id == NULL)
		return NULL;
	if ((o = gt_objective_get(m, r->id)) == NULL &&
	    !gt_md_broken(m, GT_KIND_OBJECTIVE, r->id))
		gt_msg(m->diag, GT_E_UNKNOWN_OBJECTIVE, &r->loc, "'%s'", r->id);
	return o;
}

/*
 * Walk each objective's parent chain to its priority. A chain that comes
 * back on itself is a cycle, reported once at the objective that closes it.
 */
static void
link_objectives(struct gt_model *m)
{
	struct gt_objective	*o, *p, **path;
	struct gt_buf		 b = { 0 };
	size_t			 i, k, n;

	/* linkstate: 0 not seen, 1 on the path being walked, 2 done. */
	path = gt_xcalloc(m->nobjectives + 1, sizeof(*path));
	for (i = 0; i < m->nobjectives; i++) {
		o = m->objectives[i];
		if (o->priority_ref.id != NULL &&
		    (o->priority = gt_priority_get(m, o->priority_ref.id)) ==
		    NULL && !gt_md_broken(m, GT_KIND_PRIORITY,
		    o->priority_ref.id))
			gt_msg(m->diag, GT_E_UNKNOWN_PRIORITY, &o->priority_ref.loc,
			    "'%s'", o->priority_ref.id);
		if (o->priority != NULL)
			ADD(o->priority->objectives, o->priority->nobjectives,
			    o);
		o->parent = resolve_objective(m, &o->parent_ref);
		if (o->parent == o) {
			gt_msg(m->diag, GT_E_CYCLE, &o->parent_ref.loc, "'%s' is its "
			    "own parent", o->id);
			o->parent = NULL;
		}
	}
	for (i = 0; i < m->nobjectives; i++) {
		n = 0;
		for (o = m->objectives[i]; o != NULL && o->parent != NULL;
		    o = o->parent) {
			if (o->linkstate == 2)
				break;
			if (o->linkstate == 1) {
				gt_buf_reset(&b);
				for (k = 0; k < n && path[k] != o; k++)
					continue;
				for (; k < n; k++)
					gt_buf_printf(&b, "%s -> ",
					    path[k]->id);
				gt_buf_puts(&b, o->id);
				gt_msg(m->diag, GT_E_CYCLE, &o->parent_ref.loc, "%s",
				    b.data);
				o->parent = NULL;
				break;
			}
			o->linkstate = 1;
			path[n++] = o;
		}
		for (k = 0; k < n; k++)
			path[k]->linkstate = 2;
	}
	/* Now every chain ends: take depth and priority from the top. */
	for (i = 0; i < m->nobjectives; i++) {
		o = m->objectives[i];
		o->depth = 0;
		for (p = o; p->parent != NULL; p = p->parent)
			o->depth++;
		if (o->parent != NULL) {
			o->priority = p->priority;
			ADD(o->parent->children, o->parent->nchildren, o);
		}
		if (o->depth >= GT_MAX_DEPTH)
			gt_msg(m->diag, GT_E_LIMIT, &o->loc, "objective nested deeper "
			    "than %d levels", GT_MAX_DEPTH);
	}
	gt_buf_free(&b);
	free(path);
}

const char *
gt_ptype_name(enum gt_ptype t)
{
	static const char *const names[] = {
		"not a period", "a month", "a quarter", "a financial year",
		"a calendar year", "an academic year"
	};

	return names[t];
}

/* Does a period fit the measure; reports it if not. */
static int
period_fits(struct gt_diag *d, const struct gt_measure *me,
    const struct gt_period *p,
    const struct gt_loc *loc)
{
	char	 buf[GT_PERIOD_MAX];

	if (me->frequency == GT_FREQ_NONE || gt_period_fits(me->frequency, p))
		return 1;
	gt_period_format(p, buf, sizeof(buf));
	gt_msg(d, GT_E_PERIOD_FREQ, loc, "'%s' is %s; measure '%s' is %s", buf,
	    gt_ptype_name(p->type), me->id, gt_freq_name(me->frequency));
	return 0;
}

int
gt_link_reread(struct gt_model *m, const struct gt_measure *me,
    struct gt_period *p, const struct gt_period_src *ps,
    const struct gt_loc *loc)
{
	const struct gt_calendar *cal = &m->conf.cal;
	int			 cycle;

	if (ps != NULL && ps->text != NULL && gt_period_read(ps->text,
	    ps->ending ? GT_FREQ_NONE : me->frequency, cal, p) == -1) {
		gt_msg(m->diag, GT_E_PERIOD, loc, "'%s' for measure '%s', "
		    "which is %s", ps->text, me->id,
		    gt_freq_name(me->frequency));
		return 0;
	}
	if (ps != NULL && ps->ending && gt_period_ending(cal, me->frequency,
	    gt_period_last_month(cal, p), p) == -1) {
		gt_msg(m->diag, GT_E_PERIOD_FREQ, loc, "'%s' ends no period of "
		    "measure '%s', which is %s", ps->text, me->id,
		    gt_freq_name(me->frequency));
		return 0;
	}
	if (ps != NULL && ps->shift < 0) {
		cycle = me->frequency == GT_FREQ_BIENNIAL ? 2 :
		    me->frequency == GT_FREQ_TRIENNIAL ? 3 : 1;
		while (cycle-- > 0)
			*p = gt_period_prev(p);
	}
	return 1;
}

int
gt_link_period(struct gt_model *m, const struct gt_measure *me,
    struct gt_period *p, const struct gt_period_src *ps,
    const struct gt_loc *loc)
{
	return gt_link_reread(m, me, p, ps, loc) &&
	    period_fits(m->diag, me, p, loc);
}

static const struct gt_calendar *sort_cal;

static int
progress_cmp(const void *va, const void *vb)
{
	const struct gt_progress *a = *(struct gt_progress *const *)va;
	const struct gt_progress *b = *(struct gt_progress *const *)vb;
	int c = gt_period_cmp(sort_cal, &a->period, &b->period);

	return c != 0 ? c : (a->seq < b->seq ? -1 : a->seq > b->seq);
}

static void
link_progress(struct gt_model *m)
{
	struct gt_action	*a;
	struct gt_progress	*p, *prev;
	size_t			 i, k;

	for (i = 0; i < m->nprogress; i++) {
		p = m->progress[i];
		p->seq = i;
		if ((a = gt_action_get(m, p->action_ref.id)) == NULL) {
			if (!gt_md_broken(m, GT_KIND_ACTION, p->action_ref.id))
				gt_msg(m->diag, GT_E_UNKNOWN_ACTION, &p->action_ref.loc,
				    "'%s'", p->action_ref.id);
			continue;
		}
		ADD(a->progress, a->nprogress, p);
	}
	sort_cal = &m->conf.cal;
	for (i = 0; i < m->nactions; i++) {
		a = m->actions[i];
		gt_sort(a->progress, a->nprogress, sizeof(p), progress_cmp);
		for (k = 1; k < a->nprogress; k++) {
			prev = a->progress[k - 1];
			p = a->progress[k];
			if (gt_period_eq(&p->period, &prev->period))
				gt_msg(m->diag, GT_E_DUP_VALUE, &p->loc,
				    "progress of action '%s'", a->id);
		}
	}
}

static int
is_year(const struct gt_period *p)
{
	return p->type == GT_PERIOD_FYEAR || p->type == GT_PERIOD_YEAR ||
	    p->type == GT_PERIOD_AYEAR;
}

/* Targets by period, then in the order written. */
static int
target_cmp(const void *va, const void *vb)
{
	const struct gt_target *a = *(struct gt_target *const *)va;
	const struct gt_target *b = *(struct gt_target *const *)vb;

	if (a->period.type != b->period.type)
		return a->period.type < b->period.type ? -1 : 1;
	if (a->period.year != b->period.year)
		return a->period.year < b->period.year ? -1 : 1;
	if (a->period.sub != b->period.sub)
		return a->period.sub < b->period.sub ? -1 : 1;
	return a < b ? -1 : a > b;
}

static int
same_target(const struct gt_target *a, const struct gt_target *b)
{
	return a->lo == b->lo && a->hi == b->hi && a->rel == b->rel &&
	    a->pct == b->pct && (a->group == NULL ? b->group == NULL :
	    b->group != NULL && strcmp(a->group, b->group) == 0);
}

static void
check_targets(struct gt_diag *d, struct gt_measure *me)
{
	struct gt_target	*t, *first, **by;
	char			 buf[GT_PERIOD_MAX];
	size_t			 i;

	for (i = 0; i < me->ntargets; i++) {
		t = &me->targets[i];
		/* A year key sets the year; shorter keys must fit the frequency. */
		if (!is_year(&t->period))
			period_fits(d, me, &t->period, &t->loc);
		else if ((me->frequency == GT_FREQ_MONTHLY ||
		    me->frequency == GT_FREQ_QUARTERLY ||
		    (me->frequency == GT_FREQ_IRREGULAR && me->nobs > 0 &&
		    !is_year(&me->obs[0]->period))) &&
		    t->period.type != GT_PERIOD_FYEAR) {
			gt_period_format(&t->period, buf, sizeof(buf));
			gt_msg(d, GT_E_PERIOD_FREQ, &t->loc, "'%s' is %s; a year's "
			    "target for a %s measure is set by financial year, "
			    "such as 2025/26", buf, gt_ptype_name(t->period.type),
			    gt_freq_name(me->frequency));
		}
	}
	/* Sorted, not each against all: thousands of targets are one line each. */
	by = gt_xcalloc(me->ntargets + 1, sizeof(*by));
	for (i = 0; i < me->ntargets; i++)
		by[i] = &me->targets[i];
	gt_sort(by, me->ntargets, sizeof(*by), target_cmp);
	for (first = NULL, i = 0; i < me->ntargets; i++) {
		t = by[i];
		if (first == NULL || !gt_period_eq(&t->period, &first->period)) {
			first = t;
			continue;
		}
		/* An export may repeat a target each quarter. */
		if (same_target(t, first))
			continue;
		gt_period_format(&t->period, buf, sizeof(buf));
		if (strcmp(t->loc.file, first->loc.file) == 0)
			gt_msg(d, GT_E_DUP_VALUE, &t->loc, "target for %s, first "
			    "set at line %d", buf, first->loc.line);
		else
			gt_msg(d, GT_E_DUP_VALUE, &t->loc, "target for %s, first "
			    "set at %s:%d", buf, first->loc.file,
			    first->loc.line);
	}
	free(by);
}

static void
link_measures(struct gt_model *m)
{
	struct gt_measure	*me;
	struct gt_objective	*o;
	size_t			 i, k;

	for (i = 0; i < m->nmeasures; i++) {
		me = m->measures[i];
		for (k = 0; k < me->nobjective_refs; k++) {
			if ((o = resolve_objective(m, &me->objective_refs[k])) ==
			    NULL)
				continue;
			ADD(me->objectives, me->nobjectives, o);
			ADD(o->measures, o->nmeasures, me);
		}
		check_targets(m->diag, me);
	}
}

static void
link_actions(struct gt_model *m)
{
	struct gt_action	*a;
	size_t			 i;

	for (i = 0; i < m->nactions; i++) {
		a = m->actions[i];
		if ((a->objective = resolve_objective(m, &a->objective_ref)) !=
		    NULL)
			ADD(a->objective->actions, a->objective->nactions, a);
	}
}

static void
link_risks(struct gt_model *m)
{
	struct gt_risk		*r;
	struct gt_objective	*o;
	size_t			 i, k;

	for (i = 0; i < m->nrisks; i++) {
		r = m->risks[i];
		for (k = 0; k < r->nobjective_refs; k++) {
			if ((o = resolve_objective(m, &r->objective_refs[k])) ==
			    NULL)
				continue;
			ADD(r->objectives, r->nobjectives, o);
			ADD(o->risks, o->nrisks, r);
		}
	}
}

static int
tag_used(const struct gt_model *m, const char *tag)
{
	size_t	 i;

	for (i = 0; i < m->nobjectives; i++)
		if (gt_strlist_has(&m->objectives[i]->tags, tag))
			return 1;
	for (i = 0; i < m->nmeasures; i++)
		if (gt_strlist_has(&m->measures[i]->tags, tag))
			return 1;
	for (i = 0; i < m->nactions; i++)
		if (gt_strlist_has(&m->actions[i]->tags, tag))
			return 1;
	return 0;
}

static int
portfolio_used(const struct gt_model *m, const char *portfolio)
{
	size_t	 i;

	for (i = 0; i < m->nobjectives; i++)
		if (m->objectives[i]->portfolio != NULL &&
		    strcmp(m->objectives[i]->portfolio, portfolio) == 0)
			return 1;
	return 0;
}

static void
link_packs(struct gt_model *m)
{
	struct gt_pack	*p;
	struct gt_loc	 loc;
	size_t		 i, k;

	for (i = 0; i < m->conf.npacks; i++) {
		p = &m->conf.packs[i];
		if (p->title == NULL) {
			loc = p->loc;
			gt_msg(m->diag, GT_E_CONF_MISSING, &loc, "title in [pack %s]",
			    p->name);
		}
		for (k = 0; k < p->npriority_refs; k++)
			if (gt_priority_get(m, p->priority_refs[k].id) == NULL &&
			    !gt_md_broken(m, GT_KIND_PRIORITY,
			    p->priority_refs[k].id))
				gt_msg(m->diag, GT_E_UNKNOWN_PRIORITY,
				    &p->priority_refs[k].loc, "'%s' in [pack %s]",
				    p->priority_refs[k].id, p->name);
		for (k = 0; k < p->portfolios.n; k++)
			if (!portfolio_used(m, p->portfolios.v[k]))
				gt_msg(m->diag, GT_E_UNKNOWN_PACK_SCOPE,
				    &p->portfolios_loc, "no objective has "
				    "portfolio '%s'", p->portfolios.v[k]);
		for (k = 0; k < p->tags.n; k++)
			if (!tag_used(m, p->tags.v[k]))
				gt_msg(m->diag, GT_E_UNKNOWN_PACK_SCOPE, &p->tags_loc,
				    "nothing is tagged '%s'", p->tags.v[k]);
	}
}

static int
by_string(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Cabinet portfolios, in name order, each once. */
static void
list_portfolios(struct gt_model *m)
{
	size_t	 i;

	for (i = 0; i < m->nobjectives; i++)
		if (m->objectives[i]->portfolio != NULL &&
		    !gt_strlist_has(&m->portfolios,
		    m->objectives[i]->portfolio))
			gt_strlist_add(&m->portfolios,
			    m->objectives[i]->portfolio);
	gt_sort(m->portfolios.v, m->portfolios.n, sizeof(*m->portfolios.v),
	    by_string);
}

/* Each object's place in its list, for the tables judgements keep by it. */
static void
number(struct gt_model *m)
{
	size_t	 i;

	for (i = 0; i < m->npriorities; i++)
		m->priorities[i]->ix = i;
	for (i = 0; i < m->nobjectives; i++)
		m->objectives[i]->ix = i;
	for (i = 0; i < m->nmeasures; i++)
		m->measures[i]->ix = i;
	for (i = 0; i < m->nactions; i++)
		m->actions[i]->ix = i;
	for (i = 0; i < m->nrisks; i++)
		m->risks[i]->ix = i;
}

/*
 * What each pack covers, once for every back-end: its priorities, its
 * period (its own as_at, else the site's) and its scope.
 */
static void
resolve_packs(struct gt_model *m)
{
	struct gt_pack		*p;
	struct gt_priority	*pr;
	size_t			 i, k;

	for (i = 0; i < m->conf.npacks; i++) {
		p = &m->conf.packs[i];
		p->priorities = gt_xcalloc(p->npriority_refs + 1,
		    sizeof(*p->priorities));
		for (k = 0; k < p->npriority_refs; k++)
			if ((pr = gt_priority_get(m,
			    p->priority_refs[k].id)) != NULL)
				p->priorities[p->npriorities++] = pr;
		if (p->as_at_text == NULL)
			p->as_at = m->conf.as_at;
		p->scope = gt_xcalloc(1, sizeof(*p->scope));
		gt_scope_init(p->scope, m, NULL);
		gt_scope_pack(p->scope, m, p);
	}
}

/*
 * Things that name an output file: a name as written, the key the file
 * is named by, and where it was written.
 */
struct named {
	const char		*name;
	char			*key;
	const struct gt_loc	*loc;
};

static int
named_cmp(const void *va, const void *vb)
{
	const struct named	*a = va, *b = vb;
	int			 c = strcmp(a->key, b->key);

	return c != 0 ? c : loc_cmp(a->loc, b->loc);
}

/*
 * Two names that differ, written to one file (dir/KEY.ext), would have one
 * overwrite the other: an error at each but the first written. Frees the
 * keys.
 */
static void
clashes(struct gt_diag *d, struct named *v, size_t n, const char *what,
    const char *dir,
    const char *ext, const char *how)
{
	size_t	 i, first = 0;

	gt_sort(v, n, sizeof(*v), named_cmp);
	for (i = 0; i < n; i++) {
		if (i == 0 || strcmp(v[i].key, v[first].key) != 0)
			first = i;
		else if (strcmp(v[i].name, v[first].name) != 0)
			gt_msg(d, GT_E_NAME_CLASH, v[i].loc, "%s '%s' and %s '%s' "
			    "(at %s:%d) would both be %s%s%s%s", what,
			    v[i].name, what, v[first].name, v[first].loc->file,
			    v[first].loc->line, dir, v[i].key, ext, how);
	}
	for (i = 0; i < n; i++)
		free(v[i].key);
}

/* A name in lower case: what a case-insensitive file system sees. */
static char *
lower(const char *s)
{
	char	*v = gt_xstrdup(s), *p;

	for (p = v; *p != '\0'; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p += 'a' - 'A';
	return v;
}

#define IGNORES_CASE	" on a web server that ignores case"

/* Ids that differ only in case name one page there. */
static void
id_clashes(struct gt_diag *d, void **objs, size_t n,
    const char *(*id_of)(const void *),
    const struct gt_loc *(*loc_of)(const void *), const char *what)
{
	struct named	*v = gt_xcalloc(n + 1, sizeof(*v));
	char		*dir = gt_xasprintf("%s/", what);
	size_t		 i, k = 0;

	for (i = 0; i < n; i++)
		if (id_of(objs[i]) != NULL) {
			v[k].name = id_of(objs[i]);
			v[k].key = lower(v[k].name);
			v[k++].loc = loc_of(objs[i]);
		}
	clashes(d, v, k, what, dir, ".html", IGNORES_CASE);
	free(dir);
	free(v);
}

/* Portfolio pages are named by a slug of the name; packs by the name. */
static void
name_clashes(struct gt_model *m)
{
	struct gt_conf	*c = &m->conf;
	struct named	*v;
	size_t		 i, k = 0;

	v = gt_xcalloc(m->nobjectives + c->npacks + 1, sizeof(*v));
	for (i = 0; i < m->nobjectives; i++) {
		struct gt_objective *o = m->objectives[i];

		if (o->portfolio == NULL)
			continue;
		v[k].name = o->portfolio;
		v[k].key = gt_slug(o->portfolio);
		v[k].loc = &o->portfolio_loc;
		if (strlen(v[k].key) > GT_MAX_ID_BYTES)
			gt_msg(m->diag, GT_E_LIMIT, v[k].loc, "portfolio '%.40s...' "
			    "names a file longer than %d bytes", o->portfolio,
			    GT_MAX_ID_BYTES);
		k++;
	}
	clashes(m->diag, v, k, "portfolio", "portfolio/", ".html", "");
	for (k = 0, i = 0; i < c->npacks; i++) {
		v[k].name = c->packs[i].name;
		v[k].key = lower(c->packs[i].name);
		v[k++].loc = &c->packs[i].loc;
	}
	clashes(m->diag, v, k, "pack", "reports/", ".pdf", IGNORES_CASE);
	free(v);
}

static void
check_coverage(struct gt_model *m)
{
	size_t	 i;

	if (m->plan != NULL && m->npriorities == 0)
		gt_msg(m->diag, GT_W_PLAN_EMPTY, &m->plan->loc, "no file in "
		    "%s/priorities names one", m->conf.content_dir);

	/* A duplicate (not the one its id finds) is reported already. */
	for (i = 0; i < m->npriorities; i++) {
		struct gt_priority *p = m->priorities[i];

		if (p->nobjectives == 0 && p->id != NULL &&
		    gt_priority_get(m, p->id) == p)
			gt_msg(m->diag, GT_W_PRIORITY_EMPTY, &p->loc, "'%s'", p->id);
	}
	for (i = 0; i < m->nobjectives; i++) {
		struct gt_objective *o = m->objectives[i];

		if (o->nmeasures == 0 && o->nactions == 0 && o->nchildren == 0 &&
		    o->id != NULL && gt_objective_get(m, o->id) == o)
			gt_msg(m->diag, GT_W_OBJECTIVE_EMPTY, &o->loc, "'%s'", o->id);
	}
}

int
gt_link(struct gt_model *m)
{
	size_t	 errors = gt_diag_count(m->diag, GT_SEV_ERROR);

	gt_sort(m->priorities, m->npriorities, sizeof(void *), priority_cmp);
	gt_sort(m->objectives, m->nobjectives, sizeof(void *), objective_cmp);
	gt_sort(m->measures, m->nmeasures, sizeof(void *), measure_cmp);
	gt_sort(m->actions, m->nactions, sizeof(void *), action_cmp);
	gt_sort(m->risks, m->nrisks, sizeof(void *), risk_cmp);
	index_ids(m->diag, &m->priority_ix, (void **)m->priorities, m->npriorities,
	    priority_id, priority_loc, "priority");
	index_ids(m->diag, &m->objective_ix, (void **)m->objectives, m->nobjectives,
	    objective_id, objective_loc, "objective");
	index_ids(m->diag, &m->measure_ix, (void **)m->measures, m->nmeasures,
	    measure_id, measure_loc, "measure");
	index_ids(m->diag, &m->action_ix, (void **)m->actions, m->nactions,
	    action_id, action_loc, "action");
	index_ids(m->diag, &m->risk_ix, (void **)m->risks, m->nrisks, risk_id,
	    risk_loc, "risk");

	index_codes(m);
	id_clashes(m->diag, (void **)m->priorities, m->npriorities, priority_id,
	    priority_loc, "priority");
	id_clashes(m->diag, (void **)m->objectives, m->nobjectives, objective_id,
	    objective_loc, "objective");
	id_clashes(m->diag, (void **)m->measures, m->nmeasures, measure_id, measure_loc,
	    "measure");
	id_clashes(m->diag, (void **)m->actions, m->nactions, action_id, action_loc,
	    "action");
	name_clashes(m);

	link_objectives(m);
	gt_link_obs(m);
	gt_link_imports(m);
	link_measures(m);
	link_actions(m);
	link_risks(m);
	gt_link_comparators(m);
	gt_link_plausible(m);
	link_progress(m);
	link_packs(m);
	check_coverage(m);
	number(m);
	list_portfolios(m);
	resolve_packs(m);
	gt_link_report(m);
	return gt_diag_count(m->diag, GT_SEV_ERROR) > errors ? -1 : 0;
}
