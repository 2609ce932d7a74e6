/* judge.c: targets, statuses, directions, lateness, explanations, roll-ups (see judge.h). */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "judge.h"
#include "words.h"

struct gt_judgement {
	const struct gt_model	*m;
	struct gt_period	 as_at;
	struct gt_jmeasure	*measures;	/* by the model's ix */
	struct gt_jaction	*actions;
	struct gt_jrisk		*risks;
	struct gt_rollup	*objectives, *priorities;
	struct gt_jfinance	 finance;
};

/* a <= b, forgiving the last bits of binary fractions ("69.35"). */
static int
le(double a, double b)
{
	return a <= b + 1e-9 * fmax(1, fabs(b));
}

static const struct gt_target *
target_at(const struct gt_measure *me, const struct gt_period *p)
{
	size_t	 i;

	for (i = 0; i < me->ntargets; i++)
		if (gt_period_eq(&me->targets[i].period, p))
			return &me->targets[i];
	return NULL;
}

/* The year's target a quarter or month falls back on; NULL if none. */
static const struct gt_target *
year_target(const struct gt_model *m, const struct gt_measure *me,
    const struct gt_period *p)
{
	struct gt_period	 fy;

	if (p->type != GT_PERIOD_MONTH && p->type != GT_PERIOD_QUARTER)
		return NULL;
	fy = gt_period_fyear_of(&m->conf.cal, p);
	return target_at(me, &fy);
}

static int
periods_in_year(const struct gt_period *p)
{
	return p->type == GT_PERIOD_QUARTER ? 4 : 12;
}

/* The figure for exactly period p, or NULL. */
static const struct gt_obs *
figure_at(const struct gt_measure *me, const struct gt_period *p)
{
	size_t	 i;

	for (i = me->nobs; i > 0; i--)
		if (gt_period_eq(&me->obs[i - 1]->period, p))
			return me->obs[i - 1]->value.kind == GT_VAL_NUMBER ?
			    me->obs[i - 1] : NULL;
	return NULL;
}

/* A comparator's figure for period p, or NULL. */
static const struct gt_comparator *
comparator_at(const struct gt_measure *me, const char *group,
    const struct gt_period *p)
{
	size_t	 i;

	for (i = 0; i < me->ncomparators; i++)
		if (strcmp(me->comparators[i]->group, group) == 0 &&
		    gt_period_eq(&me->comparators[i]->period, p))
			return me->comparators[i]->value.kind ==
			    GT_VAL_NUMBER ? me->comparators[i] : NULL;
	return NULL;
}

/* A group's members' figures for period p, or NULL. */
static const struct gt_cohort *
cohort_at(const struct gt_measure *me, const char *group,
    const struct gt_period *p)
{
	size_t	 i;

	for (i = 0; i < me->ncohorts; i++)
		if (strcmp(me->cohorts[i]->group, group) == 0 &&
		    gt_period_eq(&me->cohorts[i]->period, p))
			return me->cohorts[i];
	return NULL;
}

/*
 * The edge of a group's top quartile: the value a quarter of the way
 * down its members' figures from the best (interpolated between the two
 * nearest, as spreadsheets' QUARTILE.INC does); 0 if it has none.
 */
static int
quartile_edge(const struct gt_measure *me, const struct gt_cohort *c,
    double *edge)
{
	double	*v, at;
	size_t	 lo;

	if (c == NULL || c->nvalues == 0)
		return 0;
	v = gt_xcalloc(c->nvalues, sizeof(*v));
	memcpy(v, c->values, c->nvalues * sizeof(*v));
	gt_sort(v, c->nvalues, sizeof(*v), gt_dbl_cmp);
	at = (double)(c->nvalues - 1) * (me->polarity == GT_POL_LOWER ? 0.25 :
	    0.75);
	lo = (size_t)at;
	*edge = lo + 1 < c->nvalues ? v[lo] + (at - lo) * (v[lo + 1] - v[lo]) :
	    v[lo];
	free(v);
	return 1;
}

/* The figure a relative target stands on for period p: 1, or 0 if not in. */
static int
rel_base(const struct gt_measure *me, const struct gt_target *t,
    const struct gt_period *p, double *base)
{
	const struct gt_comparator	*c;
	const struct gt_obs		*o;
	struct gt_period		 ago;

	switch (t->rel) {
	case GT_REL_COMPARATOR:
		if ((c = comparator_at(me, t->group, p)) == NULL)
			return 0;
		*base = c->value.num;
		return 1;
	case GT_REL_QUARTILE:
		return quartile_edge(me, cohort_at(me, t->group, p), base);
	case GT_REL_LAST_YEAR:
		ago = gt_period_year_ago(p);
		if ((o = figure_at(me, &ago)) == NULL)
			return 0;
		*base = o->value.num * (1 + t->pct / 100);
		return 1;
	case GT_REL_NONE:
		break;
	}
	return 0;
}

/*
 * The target that applies to period p, profiled for year-to-date figures
 * (a relative target stands on a figure of the same period, so never).
 */
static void
target_for(const struct gt_model *m, const struct gt_measure *me,
    const struct gt_period *p, struct gt_eval *e)
{
	const struct gt_target	*t;
	double			 share = 1;

	e->has_target = e->profiled = 0;
	e->t = NULL;
	if ((t = target_at(me, p)) == NULL) {
		if ((t = year_target(m, me, p)) == NULL)
			return;
		if (me->cumulative && t->rel == GT_REL_NONE) {
			share = (double)gt_period_index_in_year(&m->conf.cal,
			    p) / periods_in_year(p);
			e->profiled = 1;
		}
	}
	e->t = t;
	if (t->rel != GT_REL_NONE) {
		e->has_target = rel_base(me, t, p, &e->lo);
		e->hi = e->lo;
		return;
	}
	e->has_target = 1;
	e->lo = t->lo * share;
	e->hi = t->hi * share;
}

static struct gt_tolerance
tolerance_of(const struct gt_model *m, const struct gt_measure *me)
{
	return me->tolerance.kind != GT_TOL_DEFAULT ? me->tolerance :
	    m->conf.tolerance;
}

/* How far a figure may miss the target edge and still be within tolerance. */
static double
slack(const struct gt_tolerance *tol, double edge)
{
	return tol->kind == GT_TOL_RELATIVE ? fabs(edge) * tol->value / 100 :
	    tol->value;
}

static enum gt_status
judge(const struct gt_model *m, const struct gt_measure *me, double v,
    const struct gt_eval *e)
{
	struct gt_tolerance	 tol = tolerance_of(m, me);
	/* Judge the figures as shown, so the status agrees with them. */
	double			 lo = gt_round(e->lo, me->decimals);
	double			 hi = gt_round(e->hi, me->decimals);

	v = gt_round(v, me->decimals);
	switch (me->polarity) {
	case GT_POL_LOWER:
		if (le(v, hi))
			return GT_STATUS_ON_TARGET;
		return le(v, hi + slack(&tol, hi)) ?
		    GT_STATUS_WITHIN_TOLERANCE : GT_STATUS_OFF_TARGET;
	case GT_POL_BAND:
		if (le(lo, v) && le(v, hi))
			return GT_STATUS_ON_TARGET;
		if (v < lo)
			return le(lo - slack(&tol, lo), v) ?
			    GT_STATUS_WITHIN_TOLERANCE : GT_STATUS_OFF_TARGET;
		return le(v, hi + slack(&tol, hi)) ?
		    GT_STATUS_WITHIN_TOLERANCE : GT_STATUS_OFF_TARGET;
	default:
		if (le(lo, v))
			return GT_STATUS_ON_TARGET;
		return le(lo - slack(&tol, lo), v) ?
		    GT_STATUS_WITHIN_TOLERANCE : GT_STATUS_OFF_TARGET;
	}
}

static void
evaluate(const struct gt_model *m, const struct gt_measure *me,
    const struct gt_obs *o, struct gt_eval *e)
{
	e->obs = o;
	target_for(m, me, &o->period, e);
	if (o->value.kind == GT_VAL_SUPPRESSED)
		e->status = GT_STATUS_SUPPRESSED;
	else if (o->value.kind == GT_VAL_MISSING)
		e->status = GT_STATUS_NO_DATA;
	else if (me->polarity == GT_POL_INFO)
		e->status = GT_STATUS_INFO;
	else if (!e->has_target)
		e->status = GT_STATUS_NO_TARGET;
	else
		e->status = judge(m, me, o->value.num, e);
}

/* Distance outside a band; 0 inside. */
static double
off_band(double v, double lo, double hi)
{
	return v < lo ? lo - v : v > hi ? v - hi : 0;
}

static enum gt_dir
direction(const struct gt_model *m, const struct gt_measure *me,
    const struct gt_eval *now, const struct gt_obs *then)
{
	double	 v, pv, lo, hi, gain, thr;

	if (then == NULL || me->polarity == GT_POL_INFO)
		return GT_DIR_NONE;
	v = gt_round(now->obs->value.num, me->decimals);
	pv = gt_round(then->value.num, me->decimals);
	switch (me->polarity) {
	case GT_POL_LOWER:
		gain = pv - v;
		break;
	case GT_POL_BAND:
		if (!now->has_target)
			return GT_DIR_NONE;
		lo = gt_round(now->lo, me->decimals);
		hi = gt_round(now->hi, me->decimals);
		gain = off_band(pv, lo, hi) - off_band(v, lo, hi);
		break;
	default:
		gain = v - pv;
		break;
	}
	thr = fabs(pv) * m->conf.no_change / 100;
	if (fabs(gain) <= thr + 1e-9 * fmax(1, fabs(pv)))
		return GT_DIR_NO_CHANGE;
	return gain > 0 ? GT_DIR_IMPROVING : GT_DIR_WORSENING;
}

/* Years between a measure's figures: 2 biennial, 3 triennial, else 1. */
static int
cycle_of(const struct gt_measure *me)
{
	return me->frequency == GT_FREQ_BIENNIAL ? 2 :
	    me->frequency == GT_FREQ_TRIENNIAL ? 3 : 1;
}

/* The figure before the latest, whatever its period (surveys now and then). */
static const struct gt_obs *
figure_before(const struct gt_measure *me, const struct gt_jmeasure *j)
{
	size_t	 i = (size_t)(j->latest - j->evals);

	while (i-- > 0)
		if (me->obs[i]->value.kind == GT_VAL_NUMBER)
			return me->obs[i];
	return NULL;
}

/* Direction against the previous period and a year earlier. */
static void
compare(const struct gt_model *m, const struct gt_measure *me,
    struct gt_jmeasure *j)
{
	const struct gt_period	*p = &j->latest->obs->period;
	struct gt_period	 then = *p;
	int			 k;

	if (me->frequency == GT_FREQ_IRREGULAR) {
		j->prev = figure_before(me, j);
		j->dir_prev = direction(m, me, j->latest, j->prev);
		return;
	}
	/* Year-to-date figures restart each year: only a year apart compare. */
	if (!me->cumulative) {
		/* A biennial survey's previous one is two years before. */
		for (k = 0; k < cycle_of(me); k++)
			then = gt_period_prev(&then);
		j->prev = figure_at(me, &then);
		j->dir_prev = direction(m, me, j->latest, j->prev);
	}
	if (cycle_of(me) == 1) {
		then = gt_period_year_ago(p);
		j->year_ago = figure_at(me, &then);
		j->dir_year = direction(m, me, j->latest, j->year_ago);
	}
}

/* The period the measure should have reached, and whether it has. */
static void
expect(const struct gt_model *m, const struct gt_measure *me,
    struct gt_jmeasure *j, const struct gt_period *as_at)
{
	const struct gt_period	*p;
	enum gt_ptype		 like;

	int			 d;

	like = me->nobs > 0 ? me->obs[0]->period.type : GT_PERIOD_FYEAR;
	j->expected = gt_period_expected(&m->conf.cal, me->frequency, like,
	    as_at, me->lag >= 0 ? me->lag : m->conf.lag_months[me->frequency]);
	/* A survey now and then is never late, even with none yet. */
	if (me->frequency == GT_FREQ_IRREGULAR)
		return;
	if (j->latest == NULL) {
		j->late = 1;
		return;
	}
	p = &j->latest->obs->period;
	/* A biennial series runs in odd or in even years: expect its own. */
	if ((d = (j->expected.year - p->year) % cycle_of(me)) < 0)
		d += cycle_of(me);
	j->expected.year -= d;
	j->late = j->expected.type != GT_PERIOD_NONE &&
	    gt_period_cmp(&m->conf.cal, p, &j->expected) < 0;
}

/* Decimals a setting was written with (5, 2.5, 0.25): at most 3. */
static int
decimals_of(double v)
{
	int	 d;

	for (d = 0; d < 3 && gt_round(v, d) != v; d++)
		continue;
	return d;
}

/* Append a figure in the measure's unit: "72.1%", "£1,234", "3 tonnes". */
static void
put_figure(struct gt_buf *b, const struct gt_measure *me, double v,
    int decimals)
{
	char	*s = gt_figure_at(me, v, decimals);

	gt_buf_puts(b, s);
	free(s);
}

/* A label mid-sentence: "Within tolerance" -> "within tolerance". */
static void
put_lower(struct gt_buf *b, const char *label)
{
	gt_buf_putc(b, tolower((unsigned char)*label));
	gt_buf_puts(b, label + 1);
}

/* "95 to 105" for a band, else the one target. */
static void
put_range(struct gt_buf *b, const struct gt_measure *me, double lo, double hi)
{
	put_figure(b, me, lo, me->decimals);
	if (me->polarity == GT_POL_BAND) {
		gt_buf_puts(b, " to ");
		put_figure(b, me, hi, me->decimals);
	}
}

/* "5% tolerance", "tolerance of 2 days", "tolerance of 1 percentage point". */
static void
put_tolerance(struct gt_buf *b, const struct gt_model *m,
    const struct gt_measure *me)
{
	struct gt_tolerance	 tol = tolerance_of(m, me);
	char			 t[GT_NUMBER_MAX];
	int			 d = decimals_of(tol.value);

	if (tol.kind == GT_TOL_RELATIVE)
		gt_buf_printf(b, "%s%% tolerance", gt_format_number(t,
		    sizeof(t), tol.value, d));
	else if (me->unit != NULL && strcmp(me->unit, "%") == 0)
		gt_buf_printf(b, "tolerance of %s percentage point%s",
		    gt_format_number(t, sizeof(t), tol.value, d),
		    tol.value == 1 ? "" : "s");
	else {
		gt_buf_puts(b, "tolerance of ");
		put_figure(b, me, tol.value, d);
	}
}

/*
 * What a relative target stood on: "England's figure for 2025/26 Q2",
 * "the edge of the top quartile of Nearest neighbours in 2025/26 Q2",
 * "10% above the figure for 2024/25 Q2".
 */
static void
put_basis(struct gt_buf *b, const struct gt_calendar *cal,
    const struct gt_target *t, const struct gt_period *p)
{
	char			 w[GT_WORDS_PERIOD_MAX], n[GT_NUMBER_MAX];
	struct gt_period	 ago = gt_period_year_ago(p);

	switch (t->rel) {
	case GT_REL_COMPARATOR:
		gt_buf_printf(b, "%s's figure for %s", t->group,
		    gt_period_words(cal, p, w, sizeof(w)));
		break;
	case GT_REL_QUARTILE:
		gt_buf_printf(b, "the edge of the top quartile of %s in %s",
		    t->group, gt_period_words(cal, p, w, sizeof(w)));
		break;
	case GT_REL_LAST_YEAR:
		if (t->pct != 0)
			gt_buf_printf(b, "%s%% %s ", gt_format_number(n,
			    sizeof(n), fabs(t->pct), decimals_of(fabs(t->pct))),
			    t->pct > 0 ? "above" : "below");
		gt_buf_printf(b, "the figure for %s",
		    gt_period_words(cal, &ago, w, sizeof(w)));
		break;
	case GT_REL_NONE:
		break;
	}
}

/* The figure, the target it was judged against, and how. */
static void
put_judgement(struct gt_buf *b, const struct gt_model *m,
    const struct gt_measure *me, const struct gt_eval *e, const char *p)
{
	const struct gt_target	*year;

	put_figure(b, me, e->obs->value.num, me->decimals);
	/* Before the period, whose words may end in brackets of their own. */
	if (e->obs->flag == GT_FLAG_PROVISIONAL ||
	    e->obs->flag == GT_FLAG_ESTIMATED)
		gt_buf_printf(b, " (%s)", gt_flag_name(e->obs->flag));
	gt_buf_printf(b, " in %s", p);
	if (me->polarity == GT_POL_INFO) {
		gt_buf_puts(b, ", for information only (neither higher nor "
		    "lower is better), so no status is given");
		return;
	}
	if (!e->has_target && e->t != NULL) {
		gt_buf_puts(b, ", and its target is set against ");
		put_basis(b, &m->conf.cal, e->t, &e->obs->period);
		gt_buf_puts(b, ", which is not in: no target");
		return;
	}
	if (!e->has_target) {
		gt_buf_printf(b, ", and no target is set for %s: no target", p);
		return;
	}
	gt_buf_printf(b, " against a %starget %s", e->profiled ?
	    "year-to-date " : "", me->polarity == GT_POL_BAND ? "range of " :
	    "of ");
	put_range(b, me, e->lo, e->hi);
	gt_buf_puts(b, " (");
	if (e->t->rel != GT_REL_NONE) {
		put_basis(b, &m->conf.cal, e->t, &e->obs->period);
		gt_buf_puts(b, "; ");
	}
	if (e->profiled) {
		year = year_target(m, me, &e->obs->period);
		gt_buf_printf(b, "%d/%d of ", gt_period_index_in_year(
		    &m->conf.cal, &e->obs->period),
		    periods_in_year(&e->obs->period));
		put_range(b, me, year->lo, year->hi);
		gt_buf_puts(b, " for the year; ");
	}
	gt_buf_printf(b, "%s, ", gt_polarity_words(me->polarity));
	put_tolerance(b, m, me);
	gt_buf_puts(b, "): ");
	put_lower(b, gt_status_label(e->status));
}

/* "1st", "2nd", "3rd", "11th", "22nd". */
static void
put_ordinal(struct gt_buf *b, size_t n)
{
	const char	*sfx = "th";

	if (n % 100 < 11 || n % 100 > 13)
		sfx = n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" :
		    n % 10 == 3 ? "rd" : "th";
	gt_buf_printf(b, "%zu%s", n, sfx);
}

/* " Ranked 3rd of 16 in Nearest neighbours (top quartile)." */
static void
put_ranks(struct gt_buf *b, const struct gt_jmeasure *j)
{
	static const char *const quartiles[] = {
		"", "top", "second", "third", "bottom"
	};
	size_t	 i;

	for (i = 0; i < j->nranks; i++) {
		gt_buf_puts(b, " Ranked ");
		put_ordinal(b, j->ranks[i].rank);
		gt_buf_printf(b, " of %zu in %s (%s quartile).",
		    j->ranks[i].of, j->ranks[i].group,
		    quartiles[j->ranks[i].quartile]);
	}
}

static char *
explain(const struct gt_model *m, const struct gt_measure *me,
    const struct gt_jmeasure *j, const struct gt_period *as_at)
{
	const struct gt_eval	*e = j->latest;
	const struct gt_calendar *cal = &m->conf.cal;
	struct gt_buf		 b = { 0 };
	char			 p[GT_WORDS_PERIOD_MAX];

	if (e == NULL)
		return gt_xasprintf("No figure has been reported for any "
		    "period up to %s: no data.",
		    gt_period_words(cal, as_at, p, sizeof(p)));
	gt_period_words(cal, &e->obs->period, p, sizeof(p));
	if (e->status == GT_STATUS_SUPPRESSED)
		gt_buf_printf(&b, "The figure for %s is withheld (%s) to "
		    "protect the people it counts: suppressed, so no status "
		    "is given", p, e->obs->raw ? e->obs->raw : "");
	else
		put_judgement(&b, m, me, e, p);
	if (j->late)
		gt_buf_printf(&b, "; the figure for %s is late",
		    gt_period_words(cal, &j->expected, p, sizeof(p)));
	gt_buf_putc(&b, '.');
	put_ranks(&b, j);
	return gt_buf_steal(&b);
}

/*
 * Where the latest figure ranks in each group whose members' figures for
 * its period are in: 1 is the best, by the polarity; a figure equal to a
 * member's shares its rank.
 */
static void
rank(const struct gt_measure *me, struct gt_jmeasure *j)
{
	const struct gt_cohort	*c;
	struct gt_rank		*r;
	double			 v;
	size_t			 i, k;

	if (j->latest == NULL || j->latest->obs->value.kind != GT_VAL_NUMBER ||
	    (me->polarity != GT_POL_HIGHER && me->polarity != GT_POL_LOWER))
		return;
	v = j->latest->obs->value.num;
	j->ranks = gt_xcalloc(me->ncohorts + 1, sizeof(*j->ranks));
	for (i = 0; i < me->ncohorts; i++) {
		c = me->cohorts[i];
		if (!gt_period_eq(&c->period, &j->latest->obs->period))
			continue;
		r = &j->ranks[j->nranks++];
		r->group = c->group;
		r->of = c->nvalues + 1;
		r->rank = 1;
		for (k = 0; k < c->nvalues; k++)
			r->rank += me->polarity == GT_POL_LOWER ?
			    c->values[k] < v : c->values[k] > v;
		r->quartile = 1 + (int)(4 * (r->rank - 1) / r->of);
	}
}

static void
judge_measure(const struct gt_model *m, const struct gt_measure *me,
    struct gt_jmeasure *j, const struct gt_period *as_at)
{
	int	 last = gt_period_last_month(&m->conf.cal, as_at);
	size_t	 i;

	j->evals = gt_xcalloc(me->nobs + 1, sizeof(*j->evals));
	for (i = 0; i < me->nobs; i++) {
		evaluate(m, me, me->obs[i], &j->evals[i]);
		if (gt_period_last_month(&m->conf.cal,
		    &me->obs[i]->period) > last)
			continue;
		/* Sorted by period: those published are the first. */
		j->shown = i + 1;
		if (me->obs[i]->value.kind != GT_VAL_MISSING)
			j->latest = &j->evals[i];
	}
	j->status = j->latest != NULL ? j->latest->status :
	    GT_STATUS_NO_DATA;
	if (j->latest != NULL && j->status != GT_STATUS_SUPPRESSED)
		compare(m, me, j);
	expect(m, me, j, as_at);
	rank(me, j);
	j->explanation = explain(m, me, j, as_at);
}

static char *
explain_action(const struct gt_calendar *cal, const struct gt_action *a,
    const struct gt_jaction *j, enum gt_astatus reported)
{
	struct gt_buf	 b = { 0 };
	char		 p[GT_WORDS_PERIOD_MAX], due[32];
	size_t		 n = j->milestones_overdue;

	if (j->latest != NULL)
		gt_period_words(cal, &j->latest->period, p, sizeof(p));
	if (j->status == GT_ASTATUS_OVERDUE) {
		gt_buf_printf(&b, "Due %s and not complete",
		    gt_date_words(&a->due, due, sizeof(due)));
		if (j->latest != NULL)
			gt_buf_printf(&b, " (reported %s in %s)",
			    gt_astatus_name(reported), p);
		else
			gt_buf_puts(&b, " (no progress reported)");
	} else if (j->latest != NULL)
		gt_buf_printf(&b, "Reported %s in %s",
		    gt_astatus_name(reported), p);
	else
		gt_buf_puts(&b, "No progress reported yet");
	if (n > 0)
		gt_buf_printf(&b, ", with %zu milestone%s past %s due date%s",
		    n, n == 1 ? "" : "s", n == 1 ? "its" : "their",
		    n == 1 ? "" : "s");
	if (j->status == GT_ASTATUS_OVERDUE)
		gt_buf_puts(&b, ": overdue");
	else if (j->latest == NULL)
		gt_buf_puts(&b, ": not started");
	gt_buf_putc(&b, '.');
	return gt_buf_steal(&b);
}

static void
judge_action(const struct gt_model *m, const struct gt_action *a,
    struct gt_jaction *j, const struct gt_period *as_at)
{
	const struct gt_calendar *cal = &m->conf.cal;
	struct gt_date		 end = gt_period_end_date(cal, as_at);
	int			 last = gt_period_last_month(cal, as_at);
	enum gt_astatus		 reported;
	size_t			 i;

	for (i = 0; i < a->nprogress; i++)
		if (gt_period_last_month(cal, &a->progress[i]->period) <= last) {
			j->latest = a->progress[i];
			j->shown = i + 1;
		}
	reported = j->latest != NULL ? j->latest->status :
	    GT_ASTATUS_NOT_STARTED;
	j->status = reported;
	if (reported != GT_ASTATUS_COMPLETE && a->due.y != 0 &&
	    gt_date_cmp(&a->due, &end) < 0)
		j->status = GT_ASTATUS_OVERDUE;
	for (i = 0; i < a->nmilestones; i++) {
		if (a->milestones[i].due.y == 0 ||
		    gt_date_cmp(&a->milestones[i].due, &end) > 0)
			continue;
		j->milestones_due++;
		/* No record of milestones met: "on track" vouches for them. */
		if (j->status != GT_ASTATUS_COMPLETE &&
		    j->status != GT_ASTATUS_ON_TRACK)
			j->milestones_overdue++;
	}
	j->explanation = explain_action(cal, a, j, reported);
}

/* The band a score falls in; bands cover 1 to 25 (conf_read sees to it). */
static size_t
band_of(const struct gt_conf *c, int score)
{
	size_t	 i;

	for (i = 0; i + 1 < c->nbands; i++)
		if (score <= c->bands[i].hi)
			break;
	return i;
}

static void
judge_risk(const struct gt_model *m, const struct gt_risk *r,
    struct gt_jrisk *j, const struct gt_period *as_at)
{
	const struct gt_conf	*c = &m->conf;
	struct gt_buf		 b = { 0 };
	size_t			 i;

	/* Sorted by period: those by the as-at period are the first. */
	for (i = 0; i < r->nhistory; i++)
		if (gt_period_by(&c->cal, &r->history[i]->period, as_at)) {
			j->assessed = r->history[i];
			j->shown = i + 1;
		}
	j->likelihood = j->assessed != NULL ? j->assessed->likelihood :
	    r->likelihood;
	j->impact = j->assessed != NULL ? j->assessed->impact : r->impact;
	j->score = j->likelihood * j->impact;
	j->target_score = r->target_likelihood * r->target_impact;
	j->gap = j->score - j->target_score;
	j->band = band_of(c, j->score);
	j->target_band = band_of(c, j->target_score);
	j->above_appetite = c->risk_appetite > 0 &&
	    j->score > c->risk_appetite;
	gt_buf_printf(&b, "Likelihood %d \xc3\x97 impact %d gives %d: %s",
	    j->likelihood, j->impact, j->score, c->bands[j->band].name);
	if (j->gap == 0)
		gt_buf_puts(&b, ", at its target score");
	else
		gt_buf_printf(&b, ", %d %s its target score of %d (%s)",
		    abs(j->gap), j->gap > 0 ? "above" : "below",
		    j->target_score, c->bands[j->target_band].name);
	if (j->above_appetite)
		gt_buf_printf(&b, ", and above the risk appetite of %d",
		    c->risk_appetite);
	gt_buf_putc(&b, '.');
	j->explanation = gt_buf_steal(&b);
}

void
gt_judge_rollup(const struct gt_judgement *j, const struct gt_scope *s,
    struct gt_rollup *r)
{
	const struct gt_jmeasure	*jm;
	const struct gt_jrisk		*jr;
	size_t				 i;

	memset(r, 0, sizeof(*r));
	for (i = 0; i < s->measures.n; i++) {
		jm = &j->measures[s->measures.v[i]];
		r->measures++;
		r->status[jm->status]++;
		r->dir[jm->dir_prev]++;
		r->dir_year[jm->dir_year]++;
		r->late += jm->late != 0;
	}
	for (i = 0; i < s->actions.n; i++) {
		r->actions++;
		r->astatus[j->actions[s->actions.v[i]].status]++;
	}
	for (i = 0; i < s->risks.n; i++) {
		jr = &j->risks[s->risks.v[i]];
		r->risks++;
		r->rating[jr->band]++;
		r->above_appetite += jr->above_appetite != 0;
	}
}

struct gt_judgement *
gt_judge(const struct gt_model *m, const struct gt_period *as_at)
{
	struct gt_judgement	*j = gt_xcalloc(1, sizeof(*j));
	struct gt_scope		 s;
	size_t			 i;

	j->m = m;
	j->as_at = *as_at;
	j->measures = gt_xcalloc(m->nmeasures + 1, sizeof(*j->measures));
	j->actions = gt_xcalloc(m->nactions + 1, sizeof(*j->actions));
	j->risks = gt_xcalloc(m->nrisks + 1, sizeof(*j->risks));
	j->objectives = gt_xcalloc(m->nobjectives + 1, sizeof(*j->objectives));
	j->priorities = gt_xcalloc(m->npriorities + 1, sizeof(*j->priorities));
	for (i = 0; i < m->nmeasures; i++)
		judge_measure(m, m->measures[i], &j->measures[i], as_at);
	for (i = 0; i < m->nactions; i++)
		judge_action(m, m->actions[i], &j->actions[i], as_at);
	for (i = 0; i < m->nrisks; i++)
		judge_risk(m, m->risks[i], &j->risks[i], as_at);
	gt_judge_finance(m, as_at, &j->finance);
	/* One scope for thousands of roll-ups: each is cleared in no time. */
	gt_scope_init(&s, m, NULL);
	for (i = 0; i < m->nobjectives; i++) {
		gt_scope_clear(&s);
		gt_scope_objective(&s, m->objectives[i]);
		gt_judge_rollup(j, &s, &j->objectives[i]);
	}
	for (i = 0; i < m->npriorities; i++) {
		gt_scope_clear(&s);
		gt_scope_priority(&s, m->priorities[i]);
		gt_judge_rollup(j, &s, &j->priorities[i]);
	}
	gt_scope_free(&s);
	return j;
}

void
gt_judgement_free(struct gt_judgement *j)
{
	size_t	 i;

	if (j == NULL)
		return;
	for (i = 0; i < j->m->nmeasures; i++) {
		free(j->measures[i].evals);
		free(j->measures[i].explanation);
		free(j->measures[i].ranks);
	}
	for (i = 0; i < j->m->nactions; i++)
		free(j->actions[i].explanation);
	for (i = 0; i < j->m->nrisks; i++)
		free(j->risks[i].explanation);
	free(j->measures);
	free(j->actions);
	free(j->risks);
	free(j->objectives);
	free(j->priorities);
	gt_jfinance_free(&j->finance);
	free(j);
}

const struct gt_model *
gt_judged_model(const struct gt_judgement *j)
{
	return j->m;
}

const struct gt_period *
gt_judged_as_at(const struct gt_judgement *j)
{
	return &j->as_at;
}

const struct gt_jmeasure *
gt_judged_measure(const struct gt_judgement *j, const struct gt_measure *me)
{
	return &j->measures[me->ix];
}

const struct gt_jaction *
gt_judged_action(const struct gt_judgement *j, const struct gt_action *a)
{
	return &j->actions[a->ix];
}

const struct gt_jrisk *
gt_judged_risk(const struct gt_judgement *j, const struct gt_risk *k)
{
	return &j->risks[k->ix];
}

const struct gt_jfinance *
gt_judged_finance(const struct gt_judgement *j)
{
	return &j->finance;
}

const struct gt_rollup *
gt_judged_objective(const struct gt_judgement *j, const struct gt_objective *o)
{
	return &j->objectives[o->ix];
}

const struct gt_rollup *
gt_judged_priority(const struct gt_judgement *j, const struct gt_priority *p)
{
	return &j->priorities[p->ix];
}

int
gt_shown_period(const struct gt_judgement *j, const struct gt_period *p)
{
	return gt_period_by(&j->m->conf.cal, p, &j->as_at);
}

int
gt_judge_target(const struct gt_model *m, const struct gt_measure *me,
    const struct gt_period *p, double *lo, double *hi)
{
	struct gt_eval	 e = { 0 };

	target_for(m, me, p, &e);
	*lo = e.lo;
	*hi = e.hi;
	return e.has_target;
}

double
gt_judge_slack(const struct gt_model *m, const struct gt_measure *me,
    double edge)
{
	struct gt_tolerance	 tol = tolerance_of(m, me);

	return slack(&tol, edge);
}

void
gt_judge_check(const struct gt_model *m, struct gt_diag *d)
{
	const struct gt_measure	*me;
	const struct gt_obs	*o;
	struct gt_eval		 e;
	struct gt_buf		 b = { 0 };
	char			 p[GT_WORDS_PERIOD_MAX];
	size_t			 i, k;

	for (i = 0; i < m->nmeasures; i++) {
		me = m->measures[i];
		for (k = 0; k < me->nobs; k++) {
			o = me->obs[k];
			if (o->source == NULL || o->value.kind != GT_VAL_NUMBER)
				continue;
			evaluate(m, me, o, &e);
			if (e.status == o->source->status)
				continue;
			gt_buf_reset(&b);
			gt_buf_printf(&b, "'%s' (", o->source->text);
			put_lower(&b, gt_status_label(o->source->status));
			gt_buf_printf(&b, ") for measure '%s'; goldthread finds ",
			    me->id);
			put_judgement(&b, m, me, &e, gt_period_words(&m->conf.cal,
			    &o->period, p, sizeof(p)));
			gt_msg(d, GT_W_SOURCE_STATUS, &o->source->loc, "%s",
			    b.data);
		}
	}
	gt_buf_free(&b);
}
