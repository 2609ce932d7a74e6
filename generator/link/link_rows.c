/* link_rows.c: data rows linked to their measures (see link_int.h). */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "link_int.h"

static const struct gt_calendar *sort_cal;

static int
obs_cmp(const void *va, const void *vb)
{
	const struct gt_obs *a = *(struct gt_obs *const *)va;
	const struct gt_obs *b = *(struct gt_obs *const *)vb;
	int c = gt_period_cmp(sort_cal, &a->period, &b->period);

	/* Equal periods stay in the order read, so the second is the duplicate. */
	return c != 0 ? c : (a->seq < b->seq ? -1 : a->seq > b->seq);
}

static int
comparator_cmp(const void *va, const void *vb)
{
	const struct gt_comparator *a = *(struct gt_comparator *const *)va;
	const struct gt_comparator *b = *(struct gt_comparator *const *)vb;
	int c = strcmp(a->group, b->group);

	if (c == 0)
		c = gt_period_cmp(sort_cal, &a->period, &b->period);
	return c != 0 ? c : (a->seq < b->seq ? -1 : a->seq > b->seq);
}

/* The same value: what is shown, or its kind where it has no figure. */
static int
same_value(const struct gt_value *a, const struct gt_value *b)
{
	return a->kind == b->kind && (a->kind != GT_VAL_NUMBER ||
	    a->num == b->num);
}

static int
same_file(const struct gt_loc *a, const struct gt_loc *b)
{
	return strcmp(a->file, b->file) == 0;
}

/* Outside the measure's min and max? Reported. */
static int
out_of_range(struct gt_diag *d, const struct gt_measure *me,
    const struct gt_obs *o)
{
	if (o->value.kind != GT_VAL_NUMBER || ((!me->has_min ||
	    o->value.num >= me->min) && (!me->has_max ||
	    o->value.num <= me->max)))
		return 0;
	if (me->has_min && me->has_max)
		gt_msg(d, GT_E_RANGE, &o->loc, "measure '%s' takes figures "
		    "from %g to %g (its min and max): %s is outside", me->id,
		    me->min, me->max, o->raw);
	else
		gt_msg(d, GT_E_RANGE, &o->loc, "measure '%s' takes figures "
		    "%s %g (its %s): %s is %s", me->id, me->has_min ?
		    "from" : "up to", me->has_min ? me->min : me->max,
		    me->has_min ? "min" : "max", o->raw, me->has_min ?
		    "below" : "above");
	return 1;
}

/*
 * A second figure for a period (sorted after the first): the same figure
 * again (each quarter's export repeats the last quarter's) is taken
 * quietly; a different one from a later file revises it; a different one
 * in the same file is an error. Returns the figure that stands.
 */
static struct gt_obs *
settle(struct gt_model *m, const struct gt_measure *me, struct gt_obs *prev,
    struct gt_obs *o)
{
	if (same_value(&prev->value, &o->value)) {
		/* The later row stands, revising what its first did. */
		if (o->earlier == NULL && prev->earlier != NULL) {
			o->earlier = prev->earlier;
			if (o->flag == GT_FLAG_NONE)
				o->flag = GT_FLAG_REVISED;
		}
		/* A source's status is kept, whichever file gave it. */
		if (o->source == NULL) {
			o->source = prev->source;
			prev->source = NULL;
		}
		return o;
	}
	if (same_file(&prev->loc, &o->loc)) {
		gt_msg(m->diag, GT_E_DUP_VALUE, &o->loc, "measure '%s': the "
		    "first is at %s:%d", me->id, prev->loc.file,
		    prev->loc.line);
		return prev;
	}
	o->earlier = prev;
	if (o->flag == GT_FLAG_NONE)
		o->flag = GT_FLAG_REVISED;
	return o;
}

void
gt_link_obs(struct gt_model *m)
{
	struct gt_measure	*me;
	struct gt_obs		*o, *first;
	size_t			 i, k, n;

	for (i = 0; i < m->nobs; i++) {
		o = m->obs[i];
		o->seq = i;
		if ((me = gt_link_measure(m, &o->measure_ref)) == NULL ||
		    !gt_link_period(m, me, &o->period, o->psrc,
		    &o->period_loc) || out_of_range(m->diag, me, o))
			continue;
		ADD(me->obs, me->nobs, o);
	}
	sort_cal = &m->conf.cal;
	for (i = 0; i < m->nmeasures; i++) {
		me = m->measures[i];
		/* The first row read sets the kind of period the rest must share. */
		for (first = NULL, k = 0; k < me->nobs; k++)
			if (first == NULL || me->obs[k]->seq < first->seq)
				first = me->obs[k];
		for (k = 0; k < me->nobs; k++)
			if (me->obs[k]->period.type != first->period.type)
				gt_msg(m->diag, GT_E_PERIOD_MIXED, &me->obs[k]->period_loc,
				    "measure '%s' has %s and %s", me->id,
				    gt_ptype_name(first->period.type),
				    gt_ptype_name(me->obs[k]->period.type));
		gt_sort(me->obs, me->nobs, sizeof(*me->obs), obs_cmp);
		/* One figure a period stands. */
		for (n = 0, k = 0; k < me->nobs; k++) {
			o = me->obs[k];
			if (n > 0 && gt_period_eq(&o->period,
			    &me->obs[n - 1]->period))
				me->obs[n - 1] = settle(m, me, me->obs[n - 1],
				    o);
			else
				me->obs[n++] = o;
		}
		me->nobs = n;
	}
}

/* A group a measure names for its chart that it has no figures of. */
static void
check_chart_comparators(struct gt_model *m, const struct gt_measure *me)
{
	size_t	 i, k;

	for (i = 0; i < me->chart_comparators.n; i++) {
		for (k = 0; k < me->ncomparators; k++)
			if (strcmp(me->comparators[k]->group,
			    me->chart_comparators.v[i]) == 0)
				break;
		if (k == me->ncomparators)
			gt_msg(m->diag, GT_W_CHART_COMPARATOR,
			    &me->chart_comparators_loc, "'%s'",
			    me->chart_comparators.v[i]);
	}
}

/*
 * Comparators are restated by their sources too: the same figure again
 * is taken quietly, a different one from a later file stands, a different
 * one in the same file is an error.
 */
void
gt_link_comparators(struct gt_model *m)
{
	struct gt_measure	*me;
	struct gt_comparator	*c, *prev;
	size_t			 i, k, n;

	for (i = 0; i < m->ncomparators; i++) {
		c = m->comparators[i];
		c->seq = i;
		if ((me = gt_link_measure(m, &c->measure_ref)) == NULL ||
		    !gt_link_period(m, me, &c->period, c->psrc,
		    &c->period_loc))
			continue;
		ADD(me->comparators, me->ncomparators, c);
	}
	sort_cal = &m->conf.cal;
	for (i = 0; i < m->nmeasures; i++) {
		me = m->measures[i];
		gt_sort(me->comparators, me->ncomparators, sizeof(c),
		    comparator_cmp);
		for (n = 0, k = 0; k < me->ncomparators; k++) {
			c = me->comparators[k];
			prev = n > 0 ? me->comparators[n - 1] : NULL;
			if (prev == NULL || strcmp(c->group, prev->group) != 0 ||
			    !gt_period_eq(&c->period, &prev->period))
				me->comparators[n++] = c;
			else if (same_value(&c->value, &prev->value) ||
			    !same_file(&c->loc, &prev->loc))
				me->comparators[n - 1] = c;
			else
				gt_msg(m->diag, GT_E_DUP_VALUE, &c->loc,
				    "comparator '%s' for measure '%s'",
				    c->group, me->id);
		}
		me->ncomparators = n;
		check_chart_comparators(m, me);
	}
}


static int
cohort_cmp(const void *va, const void *vb)
{
	const struct gt_cohort *a = *(struct gt_cohort *const *)va;
	const struct gt_cohort *b = *(struct gt_cohort *const *)vb;
	int c = strcmp(a->group, b->group);

	if (c == 0)
		c = gt_period_cmp(sort_cal, &a->period, &b->period);
	return c != 0 ? c : (a->seq < b->seq ? -1 : a->seq > b->seq);
}

/* A target from an export, among the measure's own. */
static void
link_xtarget(struct gt_model *m, struct gt_xtarget *x)
{
	struct gt_measure	*me;
	struct gt_target	*t = &x->t;

	if ((me = gt_link_measure(m, &x->measure_ref)) == NULL ||
	    !gt_link_reread(m, me, &t->period, x->psrc, &t->loc))
		return;
	if (me->polarity == GT_POL_INFO || me->polarity == GT_POL_BAND) {
		gt_msg(m->diag, GT_E_TARGET_BAND, &t->loc, "measure '%s' %s",
		    me->id, me->polarity == GT_POL_INFO ? "is for information "
		    "only (polarity none), so it has no targets" : "has a "
		    "range for its targets, which an export's target gives "
		    "as one figure");
		return;
	}
	if (t->rel == GT_REL_NONE && ((me->has_min && t->lo < me->min) ||
	    (me->has_max && t->lo > me->max))) {
		gt_msg(m->diag, GT_E_RANGE, &t->loc, "target %g of measure "
		    "'%s' is outside its min and max", t->lo, me->id);
		return;
	}
	me->targets = gt_xrealloc(me->targets, (me->ntargets + 1) *
	    sizeof(*me->targets));
	me->targets[me->ntargets] = *t;
	if (t->group != NULL)
		me->targets[me->ntargets].group = gt_xstrdup(t->group);
	me->ntargets++;
}

/* Is a unit a percentage ("%", "Percentage", "% of budget")? */
static int
percentish(const char *u)
{
	const char	*p;

	if (strchr(u, '%') != NULL)
		return 1;
	for (p = u; *p != '\0'; p++)
		if (strncasecmp(p, "percent", 7) == 0)
			return 1;
	return 0;
}

/* What an export says of a measure, against what the measure says. */
static void
link_claim(struct gt_model *m, const struct gt_claim *c)
{
	struct gt_measure	*me;

	/* A measure no one has is said at its figures. */
	if ((me = gt_measure_find(m, c->measure_ref.id)) == NULL)
		return;
	if (c->polarity != GT_POL_NONE && me->polarity != GT_POL_NONE &&
	    c->polarity != me->polarity)
		gt_msg(m->diag, GT_W_SOURCE_DIFFERS, &c->polarity_loc, "it "
		    "says %s, measure '%s' (%s:%d) says %s",
		    gt_polarity_name(c->polarity), me->id, me->loc.file,
		    me->loc.line, gt_polarity_name(me->polarity));
	if (c->unit != NULL && percentish(c->unit) != (me->unit != NULL &&
	    percentish(me->unit)))
		gt_msg(m->diag, GT_W_SOURCE_DIFFERS, &c->unit_loc, "its unit "
		    "is '%s', measure '%s' (%s:%d) has %s%s%s", c->unit,
		    me->id, me->loc.file, me->loc.line, me->unit != NULL ?
		    "'" : "none", me->unit != NULL ? me->unit : "",
		    me->unit != NULL ? "'" : "");
}

void
gt_link_imports(struct gt_model *m)
{
	struct gt_measure	*me;
	struct gt_cohort	*c;
	size_t			 i, k, n;

	for (i = 0; i < m->nxtargets; i++) {
		m->xtargets[i]->seq = i;
		link_xtarget(m, m->xtargets[i]);
	}
	for (i = 0; i < m->nclaims; i++)
		link_claim(m, m->claims[i]);
	for (i = 0; i < m->ncohorts; i++) {
		c = m->cohorts[i];
		c->seq = i;
		if ((me = gt_link_measure(m, &c->measure_ref)) != NULL &&
		    gt_link_period(m, me, &c->period, c->psrc, &c->loc))
			ADD(me->cohorts, me->ncohorts, c);
	}
	sort_cal = &m->conf.cal;
	for (i = 0; i < m->nmeasures; i++) {
		me = m->measures[i];
		gt_sort(me->cohorts, me->ncohorts, sizeof(c), cohort_cmp);
		/* A later file's group figures stand. */
		for (n = 0, k = 0; k < me->ncohorts; k++) {
			c = me->cohorts[k];
			if (n > 0 && strcmp(c->group, me->cohorts[n - 1]->group) ==
			    0 && gt_period_eq(&c->period,
			    &me->cohorts[n - 1]->period))
				me->cohorts[n - 1] = c;
			else
				me->cohorts[n++] = c;
		}
		me->ncohorts = n;
	}
}

/*
 * Figures of a percentage that all lie between -1 and 1 while its
 * targets are percentages (0.91 against 90) were most likely written as
 * fractions of one.
 */
static void
fractions(struct gt_model *m, const struct gt_measure *me)
{
	const struct gt_target	*big = NULL;
	const struct gt_obs	*first = NULL;
	size_t			 i;

	if (me->unit == NULL || strcmp(me->unit, "%") != 0)
		return;
	for (i = 0; i < me->ntargets && big == NULL; i++)
		if (me->targets[i].rel == GT_REL_NONE &&
		    (fabs(me->targets[i].lo) > 1 || fabs(me->targets[i].hi) > 1))
			big = &me->targets[i];
	for (i = 0; i < me->nobs && big != NULL; i++) {
		if (me->obs[i]->value.kind != GT_VAL_NUMBER)
			continue;
		if (fabs(me->obs[i]->value.num) > 1)
			return;
		if (first == NULL && me->obs[i]->value.num != 0)
			first = me->obs[i];
	}
	if (first != NULL)
		gt_msg(m->diag, GT_W_FRACTION, &first->loc, "measure '%s': %s, "
		    "like all its figures, lies between -1 and 1, while its "
		    "targets are percentages (%g, at %s:%d); multiply them by "
		    "100 (an import mapping's scale = 100)", me->id, first->raw,
		    big->hi, big->loc.file, big->loc.line);
}

/*
 * A comparator a hundred times larger or smaller than the measure's own
 * figures (England's count beside ours) flattens one of them on a chart,
 * and is most likely for another area or in another unit.
 */
static void
scales(struct gt_model *m, const struct gt_measure *me)
{
	double		*v = gt_xcalloc(me->nobs + me->ncomparators + 1,
			    sizeof(*v)), ours, theirs, r;
	size_t		 i, k, n = 0;

	for (i = 0; i < me->nobs; i++)
		if (me->obs[i]->value.kind == GT_VAL_NUMBER &&
		    me->obs[i]->value.num != 0)
			v[n++] = fabs(me->obs[i]->value.num);
	if (n == 0 || (ours = gt_median(v, n)) == 0)
		goto out;
	for (i = 0; i < me->ncomparators; i = k) {
		n = 0;
		for (k = i; k < me->ncomparators && strcmp(me->comparators[k]->group,
		    me->comparators[i]->group) == 0; k++)
			if (me->comparators[k]->value.kind == GT_VAL_NUMBER &&
			    me->comparators[k]->value.num != 0)
				v[n++] = fabs(me->comparators[k]->value.num);
		if (n == 0 || (theirs = gt_median(v, n)) == 0 ||
		    ((r = theirs / ours) < 100 && r > 0.01))
			continue;
		gt_msg(m->diag, GT_W_COMPARATOR_SCALE, &me->comparators[i]->loc,
		    "'%s' is %s%.0f times measure '%s''s own figures (typically "
		    "%g against %g): a figure for a larger area, or in another "
		    "unit?", me->comparators[i]->group, r < 1 ? "1/" : "",
		    r < 1 ? 1 / r : r, me->id, theirs, ours);
	}
out:
	free(v);
}

void
gt_link_plausible(struct gt_model *m)
{
	size_t	 i;

	for (i = 0; i < m->nmeasures; i++) {
		fractions(m, m->measures[i]);
		scales(m, m->measures[i]);
	}
}
