/* import_rows.c: an export read through its mapping (see import.h). */
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "import.h"

/* A column of figures or targets, and the period it is for. */
struct cellsrc {
	int			 col;
	enum gt_import_cell	 kind;
	int			 fixed;		/* else the row's period */
	struct gt_period	 period;	/* fixed */
	char			*text;		/* fixed, to read again at link */
	struct gt_loc		 head;		/* its header */
};

/* A group's figures for one measure and period, gathered from the rows. */
struct acc {
	char			*measure;
	struct gt_period	 period;
	struct gt_period_src	*psrc;
	size_t			 group;
	double			*v;
	size_t			 n, cap;
};

struct gt_import_run {
	const struct gt_import	*imp;
	struct gt_model		*m;
	const char		*file;
	gt_report_fn		 fn;
	void			*ctx;
	int			 bad;		/* the header failed */
	size_t			 rows;
	int			 ix[GT_ROLE_MAX];	/* columns, or -1 */
	struct cellsrc		*cells;
	size_t			 ncells;
	int			*keep_ix;	/* [keep]'s columns */
	unsigned char		*code_used, *area_used, **member_used;
	int			 us_seen;
	struct acc		**accs;
	size_t			 naccs, capaccs;
	struct gt_map		 acc_ix;
	struct gt_strlist	 acc_keys;
	struct gt_map		 claimed;	/* measures an export described */
	struct gt_strlist	 claimed_ids;
};

/* One row being read: its fields and whose figures they are. */
struct row {
	const struct gt_csv_field *f;
	size_t			 n;
	int			 line;
	const char		*id;		/* the measure */
	struct gt_loc		 idloc;
	int			 us;
	const char		*comparator;	/* its name, or NULL */
	unsigned char		*groups;	/* member of each group */
	struct gt_obs		*main;		/* where note and status go */
};

static void
report(struct gt_import_run *r, enum gt_msgid id, const struct gt_loc *loc,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void
report(struct gt_import_run *r, enum gt_msgid id, const struct gt_loc *loc,
    const char *fmt, ...)
{
	va_list	 ap;
	char	*s;

	va_start(ap, fmt);
	s = gt_xvasprintf(fmt, ap);
	va_end(ap);
	r->fn(r->ctx, id, loc, s, 0);
	free(s);
}

/* The trimmed text of a row's column c, or "" if there is none. */
static const char *
text(const struct row *w, int c)
{
	return c >= 0 && (size_t)c < w->n ? gt_trim(w->f[c].text) : "";
}

static struct gt_loc
cell_loc(const struct gt_import_run *r, const struct row *w, int c)
{
	struct gt_loc	 loc = { r->file, w->line, 0 };

	if (c >= 0 && (size_t)c < w->n)
		loc.col = w->f[c].col;
	return loc;
}

struct gt_import_run *
gt_import_begin(const struct gt_import *imp, struct gt_model *m,
    const char *file, gt_report_fn fn, void *ctx)
{
	struct gt_import_run	*r = gt_xcalloc(1, sizeof(*r));
	size_t			 i;

	r->imp = imp;
	r->m = m;
	r->file = file;
	r->fn = fn;
	r->ctx = ctx;
	r->code_used = gt_xcalloc(imp->codes.n + 1, 1);
	r->area_used = gt_xcalloc(imp->areas.n + 1, 1);
	r->member_used = gt_xcalloc(imp->ngroups + 1, sizeof(*r->member_used));
	for (i = 0; i < imp->ngroups; i++)
		r->member_used[i] = gt_xcalloc(imp->groups[i].members.n + 1, 1);
	for (i = 0; i < GT_ROLE_MAX; i++)
		r->ix[i] = -1;
	r->keep_ix = gt_xcalloc(imp->nkeeps + 1, sizeof(*r->keep_ix));
	return r;
}

static int
column_of(const struct gt_csv_field *f, size_t n, const char *header)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (gt_strieq(gt_trim(f[i].text), header))
			return (int)i;
	return -1;
}

static struct cellsrc *
add_cell(struct gt_import_run *r, int col, enum gt_import_cell kind,
    const struct gt_csv_field *f)
{
	struct cellsrc	*c;

	r->cells = gt_xrealloc(r->cells, (r->ncells + 1) * sizeof(*r->cells));
	c = &r->cells[r->ncells++];
	memset(c, 0, sizeof(*c));
	c->col = col;
	c->kind = kind;
	c->head.file = r->file;
	c->head.line = f[col].line;
	c->head.col = f[col].col;
	return c;
}

/* A period fixed by a header or [columns]: kept as text where link must read it again. */
static void
fix_period(struct gt_import_run *r, struct cellsrc *c, const char *s)
{
	if (gt_period_read(s, GT_FREQ_NONE, &r->m->conf.cal, &c->period) ==
	    GT_PERIOD_BY_FREQ || r->imp->ending)
		c->text = gt_xstrdup(s);
	c->fixed = 1;
}

void
gt_import_header(struct gt_import_run *r, const struct gt_csv_field *f,
    size_t n)
{
	const struct gt_import	*imp = r->imp;
	const struct gt_import_column *ic;
	struct gt_period	 p;
	struct gt_loc		 loc = { r->file, n > 0 ? f[0].line : 1, 1 };
	unsigned char		*taken = gt_xcalloc(n + 1, 1);
	struct cellsrc		*c;
	size_t			 i, figures = 0;
	int			 k;

	for (k = 0; k < GT_ROLE_MAX; k++) {
		if (imp->col[k] == NULL)
			continue;
		if ((r->ix[k] = column_of(f, n, imp->col[k])) < 0) {
			report(r, GT_E_MAPPING, &imp->col_loc[k], "no column "
			    "'%s' in the header of %s", imp->col[k], r->file);
			r->bad = 1;
		} else
			taken[r->ix[k]] = 1;
	}
	for (i = 0; i < imp->nkeeps; i++)
		if ((r->keep_ix[i] = column_of(f, n, imp->keeps[i].header)) <
		    0) {
			report(r, GT_E_MAPPING, &imp->keeps[i].loc, "no column "
			    "'%s' in the header of %s", imp->keeps[i].header,
			    r->file);
			r->bad = 1;
		}
	if (r->ix[GT_ROLE_VALUE] >= 0)
		add_cell(r, r->ix[GT_ROLE_VALUE], GT_CELL_VALUE, f);
	if (r->ix[GT_ROLE_TARGET] >= 0)
		add_cell(r, r->ix[GT_ROLE_TARGET], GT_CELL_TARGET, f);
	for (i = 0; i < imp->ncolumns; i++) {
		ic = &imp->columns[i];
		if ((k = column_of(f, n, ic->header)) < 0) {
			report(r, GT_E_MAPPING, &ic->loc, "no column '%s' in "
			    "the header of %s", ic->header, r->file);
			r->bad = 1;
			continue;
		}
		taken[k] = 1;
		c = add_cell(r, k, ic->kind, f);
		if (ic->period != NULL)
			fix_period(r, c, ic->period);
	}
	/* A wide file's headers that are periods are columns of figures. */
	for (i = 0; imp->wide && i < n; i++)
		if (!taken[i] && gt_period_read(gt_trim(f[i].text),
		    GT_FREQ_NONE, &r->m->conf.cal, &p) != -1)
			fix_period(r, add_cell(r, (int)i, GT_CELL_VALUE, f),
			    gt_trim(f[i].text));
	for (i = 0; i < r->ncells; i++)
		figures += r->cells[i].kind != GT_CELL_TARGET;
	if (figures == 0 && !r->bad) {
		report(r, GT_E_MAPPING, &loc, "no column holds figures: name "
		    "one in %s (value = COLUMN, or [columns]), or give a wide "
		    "file headers that are periods", imp->file);
		r->bad = 1;
	}
	free(taken);
}

/* A figure as the mapping and the export write it; 0, or -1 (reported). */
static int
read_value(struct gt_import_run *r, const char *s, const struct gt_loc *loc,
    struct gt_value *v)
{
	size_t	 i;

	memset(v, 0, sizeof(*v));
	for (i = 0; i < r->imp->missing.n; i++)
		if (gt_strieq(s, r->imp->missing.v[i]))
			return 0;
	for (i = 0; i < r->imp->suppressed.n; i++)
		if (gt_strieq(s, r->imp->suppressed.v[i])) {
			v->kind = GT_VAL_SUPPRESSED;
			return 0;
		}
	if (gt_value_parse(s, v) == -1) {
		report(r, GT_E_NUMBER, loc, "value '%s'", s);
		return -1;
	}
	return 0;
}

static double
scale_of(const struct gt_import_run *r, const char *id)
{
	const struct gt_import_entry *e = gt_map_get(&r->imp->scales.ix, id);

	return e != NULL ? e->num : r->imp->scale;
}

/* The period of a cell: its column's, or the row's (reported if bad). */
static int
cell_period(struct gt_import_run *r, const struct row *w,
    const struct cellsrc *c, struct gt_period *p, struct gt_period_src **ps,
    struct gt_loc *ploc)
{
	const char	*s;
	int		 rc;

	*ps = NULL;
	if (c->fixed) {
		*p = c->period;
		*ploc = c->head;
		s = c->text;
	} else {
		s = text(w, r->ix[GT_ROLE_PERIOD]);
		*ploc = cell_loc(r, w, r->ix[GT_ROLE_PERIOD]);
		if ((rc = gt_period_read(s, GT_FREQ_NONE, &r->m->conf.cal,
		    p)) == -1) {
			report(r, GT_E_PERIOD, ploc, "'%s'", s);
			return -1;
		}
		if (rc != GT_PERIOD_BY_FREQ && !r->imp->ending)
			s = NULL;
	}
	if (s != NULL || c->kind == GT_CELL_PREVIOUS) {
		*ps = gt_xcalloc(1, sizeof(**ps));
		(*ps)->text = s != NULL ? gt_xstrdup(s) : NULL;
		(*ps)->ending = s != NULL && r->imp->ending;
		(*ps)->shift = c->kind == GT_CELL_PREVIOUS ? -1 : 0;
	}
	return 0;
}

static struct gt_period_src *
psrc_dup(const struct gt_period_src *ps)
{
	struct gt_period_src	*d;

	if (ps == NULL)
		return NULL;
	d = gt_xcalloc(1, sizeof(*d));
	*d = *ps;
	d->text = ps->text != NULL ? gt_xstrdup(ps->text) : NULL;
	return d;
}

static void
gather(struct gt_import_run *r, const struct row *w, size_t g,
    const struct gt_period *p, const struct gt_period_src *ps, double v)
{
	struct acc	*a;
	char		*key;

	key = gt_xasprintf("%s\x1f%d.%d.%d\x1f%s\x1f%d\x1f%zu", w->id, p->type,
	    p->year, p->sub, ps != NULL && ps->text != NULL ? ps->text : "",
	    ps != NULL ? ps->shift : 0, g);
	if ((a = gt_map_get(&r->acc_ix, key)) == NULL) {
		a = gt_xcalloc(1, sizeof(*a));
		a->measure = gt_xstrdup(w->id);
		a->period = *p;
		a->psrc = psrc_dup(ps);
		a->group = g;
		*GT_PUSH(r->accs, r->naccs, r->capaccs) = a;
		gt_strlist_add(&r->acc_keys, key);
		gt_map_put(&r->acc_ix, r->acc_keys.v[r->acc_keys.n - 1], a);
	}
	free(key);
	*GT_PUSH(a->v, a->n, a->cap) = v;
}

static struct gt_ref
ref(const struct row *w)
{
	struct gt_ref	 rf;

	rf.id = gt_xstrdup(w->id);
	rf.loc = w->idloc;
	return rf;
}

/* A figure: ours, a comparator's, and a group member's. */
static void
figure(struct gt_import_run *r, struct row *w, const struct cellsrc *c)
{
	const char		*s = text(w, c->col);
	struct gt_loc		 loc = cell_loc(r, w, c->col), ploc;
	struct gt_value		 v;
	struct gt_period	 p;
	struct gt_period_src	*ps;
	struct gt_obs		*o;
	struct gt_comparator	*k;
	size_t			 g;

	/* A wide file's empty cell is a period it does not cover. */
	if ((*s == '\0' && c->fixed) || read_value(r, s, &loc, &v) == -1 ||
	    cell_period(r, w, c, &p, &ps, &ploc) == -1)
		return;
	if (v.kind == GT_VAL_NUMBER)
		v.num *= scale_of(r, w->id);
	for (g = 0; g < r->imp->ngroups; g++)
		if (w->groups[g] && v.kind == GT_VAL_NUMBER)
			gather(r, w, g, &p, ps, v.num);
	if (w->comparator != NULL) {
		k = gt_xcalloc(1, sizeof(*k));
		k->loc = loc;
		k->measure_ref = ref(w);
		k->period = p;
		k->period_loc = ploc;
		k->group = gt_xstrdup(w->comparator);
		k->value = v;
		k->psrc = psrc_dup(ps);
		*GT_PUSH(r->m->comparators, r->m->ncomparators,
		    r->m->capcomparators) = k;
	}
	if (!w->us) {
		gt_period_src_free(ps);
		return;
	}
	o = gt_xcalloc(1, sizeof(*o));
	o->loc = loc;
	o->measure_ref = ref(w);
	o->period = p;
	o->period_loc = ploc;
	o->value = v;
	o->raw = *s != '\0' ? gt_xstrdup(s) : NULL;
	o->psrc = ps;
	*GT_PUSH(r->m->obs, r->m->nobs, r->m->capobs) = o;
	/* Notes and statuses go with the row's own period, or its latest. */
	if (c->kind == GT_CELL_VALUE && (w->main == NULL || (c->fixed &&
	    gt_period_cmp(&r->m->conf.cal, &w->main->period, &p) < 0)))
		w->main = o;
}

static void
target(struct gt_import_run *r, const struct row *w, const struct cellsrc *c)
{
	const char		*s = text(w, c->col);
	struct gt_loc		 loc = cell_loc(r, w, c->col), ploc;
	struct gt_xtarget	*x;
	struct gt_target	 t;
	struct gt_value		 v;

	if (!w->us || (gt_value_parse(s, &v) == 0 && v.kind ==
	    GT_VAL_MISSING))
		return;
	memset(&t, 0, sizeof(t));
	if (v.kind == GT_VAL_NUMBER) {
		t.lo = t.hi = v.num * scale_of(r, w->id);
	} else if (gt_target_rel_parse(s, &t) == -1) {
		report(r, GT_E_NUMBER, &loc, "target '%s': expected a figure, "
		    "or a target such as 'better than England'", s);
		return;
	}
	x = gt_xcalloc(1, sizeof(*x));
	if (cell_period(r, w, c, &t.period, &x->psrc, &ploc) == -1) {
		free(t.group);
		free(x);
		return;
	}
	t.loc = loc;
	x->t = t;
	x->measure_ref = ref(w);
	*GT_PUSH(r->m->xtargets, r->m->nxtargets, r->m->capxtargets) = x;
}

/* A code of the export's, through its table or else goldthread's words. */
static int
code_of(const struct gt_import_table *t, const char *s)
{
	char			*lc = gt_xstrdup(s), *c;
	struct gt_import_entry	*e;

	for (c = lc; *c != '\0'; c++)
		if (*c >= 'A' && *c <= 'Z')
			*c += 'a' - 'A';
	e = gt_map_get(&t->ix, lc);
	free(lc);
	return e != NULL ? e->what : -1;
}

/* The row's note, flag and source status, with its own (or latest) figure. */
static void
extras(struct gt_import_run *r, const struct row *w)
{
	static const char *const rag[][3] = {
		{ "r", "red", "off target" },
		{ "a", "amber", "within tolerance" },
		{ "g", "green", "on target" },
	};
	struct gt_obs	*o = w->main;
	struct gt_loc	 loc;
	const char	*s;
	int		 k, i;

	if (o == NULL)
		return;
	if (*(s = text(w, r->ix[GT_ROLE_NOTE])) != '\0')
		o->note = gt_xstrdup(s);
	if (*(s = text(w, r->ix[GT_ROLE_RESPONSE])) != '\0')
		o->response = gt_xstrdup(s);
	if (*(s = text(w, r->ix[GT_ROLE_FLAG])) != '\0') {
		if ((k = code_of(&r->imp->flags, s)) < 0)
			for (k = GT_FLAG_REVISED; k > 0; k--)
				if (gt_strieq(s, gt_flag_name((enum gt_flag)k)))
					break;
		loc = cell_loc(r, w, r->ix[GT_ROLE_FLAG]);
		if (k <= 0)
			report(r, GT_E_ENUM, &loc, "flag '%s': expected one of "
			    "[flags] in %s, or provisional, estimated or "
			    "revised", s, r->imp->file);
		else
			o->flag = (enum gt_flag)k;
	}
	if (*(s = text(w, r->ix[GT_ROLE_STATUS])) == '\0')
		return;
	if ((k = code_of(&r->imp->statuses, s)) < 0)
		for (k = 0; k < 3; k++) {
			for (i = 0; i < 3 && !gt_strieq(s, rag[k][i]); i++)
				continue;
			if (i < 3)
				break;
		}
	loc = cell_loc(r, w, r->ix[GT_ROLE_STATUS]);
	if (k >= 3) {
		report(r, GT_E_ENUM, &loc, "status '%s': expected one of "
		    "[status] in %s, or R, A, G", s, r->imp->file);
		return;
	}
	o->source = gt_xcalloc(1, sizeof(*o->source));
	o->source->loc = loc;
	o->source->text = gt_xstrdup(s);
	o->source->status = k == 0 ? GT_STATUS_OFF_TARGET : k == 1 ?
	    GT_STATUS_WITHIN_TOLERANCE : GT_STATUS_ON_TARGET;
}

/* What the export says of the measure, once a file. */
static void
claim(struct gt_import_run *r, const struct row *w)
{
	const char	*pol = text(w, r->ix[GT_ROLE_POLARITY]);
	const char	*unit = text(w, r->ix[GT_ROLE_UNIT]);
	struct gt_claim	*c;

	if ((*pol == '\0' && *unit == '\0') ||
	    gt_map_get(&r->claimed, w->id) != NULL)
		return;
	gt_strlist_add(&r->claimed_ids, w->id);
	gt_map_put(&r->claimed, r->claimed_ids.v[r->claimed_ids.n - 1],
	    r->claimed_ids.v[r->claimed_ids.n - 1]);
	c = gt_xcalloc(1, sizeof(*c));
	c->measure_ref = ref(w);
	c->polarity_loc = cell_loc(r, w, r->ix[GT_ROLE_POLARITY]);
	if (*pol != '\0' && (c->polarity = gt_polarity_parse(pol)) ==
	    GT_POL_NONE)
		report(r, GT_E_ENUM, &c->polarity_loc, "polarity '%s': "
		    "expected higher, lower, band or none", pol);
	c->unit_loc = cell_loc(r, w, r->ix[GT_ROLE_UNIT]);
	if (*unit != '\0')
		c->unit = gt_xstrdup(unit);
	*GT_PUSH(r->m->claims, r->m->nclaims, r->m->capclaims) = c;
}

/*
 * Is the area (code, name) in a group? Marks the member as seen. "all"
 * is every area but ours and those [areas] names (England is no council).
 */
static int
member(struct gt_import_run *r, size_t g, const char *code, const char *name,
    int named)
{
	const struct gt_import_group *gr = &r->imp->groups[g];
	uintptr_t	 k;

	if ((k = (uintptr_t)gt_map_get(&gr->ix, code)) == 0 &&
	    (k = (uintptr_t)gt_map_get(&gr->ix, name)) == 0)
		return gr->all && !named;
	r->member_used[g][k - 1] = 1;
	return 1;
}

/* Whose figures a row holds: ours, a comparator's, groups' members'. */
static int
whose(struct gt_import_run *r, struct row *w)
{
	const struct gt_import	*imp = r->imp;
	const struct gt_import_entry *e;
	const char		*code, *name;
	size_t			 g;
	int			 any = 0;

	w->us = 1;
	if (r->ix[GT_ROLE_AREA] < 0 && r->ix[GT_ROLE_AREA_NAME] < 0)
		return 1;
	code = text(w, r->ix[GT_ROLE_AREA]);
	name = text(w, r->ix[GT_ROLE_AREA_NAME]);
	w->us = gt_strieq(code, imp->us) || gt_strieq(name, imp->us);
	r->us_seen |= w->us;
	if ((e = gt_map_get(&imp->areas.ix, code)) != NULL ||
	    (e = gt_map_get(&imp->areas.ix, name)) != NULL) {
		r->area_used[e->n] = 1;
		w->comparator = e->ours;
	} else if (!w->us && !imp->named)
		w->comparator = *name != '\0' ? name : code;
	for (g = 0; g < imp->ngroups; g++)
		any |= w->groups[g] = !w->us && member(r, g, code, name,
		    e != NULL);
	return w->us || w->comparator != NULL || any;
}

static int
kept(const struct gt_strlist *values, const char *s)
{
	size_t	 i;

	for (i = 0; i < values->n; i++)
		if (gt_strieq(values->v[i], s))
			return 1;
	return 0;
}

void
gt_import_row(struct gt_import_run *r, const struct gt_csv_field *f,
    size_t n, int line)
{
	const struct gt_import	*imp = r->imp;
	const struct gt_import_entry *e;
	struct row		 w;
	size_t			 i;

	if (r->bad)
		return;
	r->rows++;
	memset(&w, 0, sizeof(w));
	w.f = f;
	w.n = n;
	w.line = line;
	for (i = 0; i < imp->nkeeps; i++)
		if (!kept(&imp->keeps[i].values, text(&w, r->keep_ix[i])))
			return;
	w.id = imp->measure_id != NULL ? imp->measure_id :
	    text(&w, r->ix[GT_ROLE_MEASURE]);
	w.idloc = cell_loc(r, &w, r->ix[GT_ROLE_MEASURE]);
	/* Rows with no measure are headings or notes. */
	if (*w.id == '\0')
		return;
	if (imp->codes.n > 0) {
		/* A table of codes says which of the export's are ours. */
		if ((e = gt_map_get(&imp->codes.ix, w.id)) == NULL)
			return;
		r->code_used[e->n] = 1;
		w.id = e->ours;
	}
	w.groups = gt_xcalloc(imp->ngroups + 1, 1);
	if (whose(r, &w)) {
		for (i = 0; i < r->ncells; i++)
			if (r->cells[i].kind == GT_CELL_TARGET)
				target(r, &w, &r->cells[i]);
			else
				figure(r, &w, &r->cells[i]);
		if (w.us) {
			extras(r, &w);
			claim(r, &w);
		}
	}
	free(w.groups);
}

static double
mean(const double *v, size_t n)
{
	double	 s = 0;
	size_t	 i;

	for (i = 0; i < n; i++)
		s += v[i];
	return s / (double)n;
}

static void
average(struct gt_import_run *r, const struct acc *a, const char *what,
    double v)
{
	const struct gt_import_group *g = &r->imp->groups[a->group];
	struct gt_comparator	*k = gt_xcalloc(1, sizeof(*k));

	k->loc = k->period_loc = k->measure_ref.loc = g->loc;
	k->measure_ref.id = gt_xstrdup(a->measure);
	k->period = a->period;
	k->group = gt_xasprintf("%s %s", g->name, what);
	k->value.kind = GT_VAL_NUMBER;
	k->value.num = v;
	k->psrc = psrc_dup(a->psrc);
	*GT_PUSH(r->m->comparators, r->m->ncomparators,
	    r->m->capcomparators) = k;
}

/* Each group's averages and members' figures, for each measure and period. */
static void
groups(struct gt_import_run *r)
{
	const struct gt_import_group *g;
	struct gt_cohort	*c;
	struct acc		*a;
	size_t			 i;

	for (i = 0; i < r->naccs; i++) {
		a = r->accs[i];
		g = &r->imp->groups[a->group];
		c = gt_xcalloc(1, sizeof(*c));
		c->loc = c->measure_ref.loc = g->loc;
		c->measure_ref.id = gt_xstrdup(a->measure);
		c->period = a->period;
		c->psrc = psrc_dup(a->psrc);
		c->group = gt_xstrdup(g->name);
		c->nvalues = a->n;
		c->values = gt_xcalloc(a->n, sizeof(*c->values));
		memcpy(c->values, a->v, a->n * sizeof(*a->v));
		*GT_PUSH(r->m->cohorts, r->m->ncohorts, r->m->capcohorts) = c;
		if (g->mean)
			average(r, a, "mean", mean(a->v, a->n));
		if (g->median)
			average(r, a, "median", gt_median(a->v, a->n));
	}
}

/* What the mapping names that the file never had: most likely a slip. */
static void
unused(struct gt_import_run *r)
{
	const struct gt_import	*imp = r->imp;
	const struct gt_import_group *g;
	size_t			 i, k;

	if (imp->us != NULL && !r->us_seen)
		report(r, GT_W_MAP_UNUSED, &imp->us_loc, "no row of %s is for "
		    "'%s'", r->file, imp->us);
	for (i = 0; i < imp->codes.n; i++)
		if (!r->code_used[i])
			report(r, GT_W_MAP_UNUSED, &imp->codes.v[i]->loc, "no "
			    "row of %s has code '%s' (measure %s)", r->file,
			    imp->codes.v[i]->theirs, imp->codes.v[i]->ours);
	for (i = 0; i < imp->areas.n; i++)
		if (!r->area_used[i])
			report(r, GT_W_MAP_UNUSED, &imp->areas.v[i]->loc, "no "
			    "row of %s is for area '%s'", r->file,
			    imp->areas.v[i]->theirs);
	for (i = 0; i < imp->ngroups; i++) {
		g = &imp->groups[i];
		for (k = 0; k < g->members.n; k++)
			if (!r->member_used[i][k])
				report(r, GT_W_MAP_UNUSED, &g->member_locs[k],
				    "no row of %s is for '%s' of group %s",
				    r->file, g->members.v[k], g->name);
	}
}

void
gt_import_end(struct gt_import_run *r)
{
	size_t	 i;

	if (r == NULL)
		return;
	if (!r->bad && r->rows > 0) {
		groups(r);
		unused(r);
	}
	for (i = 0; i < r->ncells; i++)
		free(r->cells[i].text);
	free(r->cells);
	free(r->keep_ix);
	free(r->code_used);
	free(r->area_used);
	for (i = 0; i < r->imp->ngroups; i++)
		free(r->member_used[i]);
	free(r->member_used);
	for (i = 0; i < r->naccs; i++) {
		free(r->accs[i]->measure);
		gt_period_src_free(r->accs[i]->psrc);
		free(r->accs[i]->v);
		free(r->accs[i]);
	}
	free(r->accs);
	gt_map_free(&r->acc_ix);
	gt_strlist_free(&r->acc_keys);
	gt_map_free(&r->claimed);
	gt_strlist_free(&r->claimed_ids);
	free(r);
}
