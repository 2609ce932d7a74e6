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

/* The target that applies to period p, profiled for year-to-date figures. */
static void
target_for(const struct gt_model *m, const struct gt_measure *me,
    const struct gt_period *p, struct gt_eval *e)
{
	const struct gt_target	*t;
	double			 share = 1;

	e->has_target = e->profiled = 0;
	if ((t = target_at(me, p)) == NULL) {
		if ((t = year_target(m, me, p)) == NULL)
			return;
		if (me->cumulative) {
			share = (double)gt_period_index_in_year(&m->conf.cal,
			    p) / periods_in_year(p);
			e->profiled = 1;
		}
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
	else if (!e->has_target)
		e->status = GT_STATUS_NO_TARGET;
	else
		e->status = judge(m, me, o->value.num, e);
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

	if (then == NULL)
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

/* Direction against the previous period and a year earlier. */
static void
compare(const struct gt_model *m, const struct gt_measure *me,
    struct gt_jmeasure *j)
{
	const struct gt_period	*p = &j->latest->obs->period;
	struct gt_period	 then;

	/* Year-to-date figures restart each year: only a year apart compare. */
	if (!me->cumulative) {
		then = gt_period_prev(p);
		/* A biennial survey's previous one is two years before. */
		if (me->frequency == GT_FREQ_BIENNIAL)
			then = gt_period_prev(&then);
		j->prev = figure_at(me, &then);
		j->dir_prev = direction(m, me, j->latest, j->prev);
	}
	if (me->frequency != GT_FREQ_BIENNIAL) {
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

	like = me->nobs > 0 ? me->obs[0]->period.type : GT_PERIOD_FYEAR;
	j->expected = gt_period_expected(&m->conf.cal, me->frequency, like,
	    as_at, m->conf.lag_months[me->frequency]);
	if (j->latest == NULL) {
		j->late = 1;
		return;
	}
	p = &j->latest->obs->period;
	/* A biennial series runs in odd or in even years: expect its own. */
	if (me->frequency == GT_FREQ_BIENNIAL &&
	    (j->expected.year - p->year) % 2 != 0)
		j->expected.year--;
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
	if (!e->has_target) {
		gt_buf_printf(b, ", and no target is set for %s: no target", p);
		return;
	}
	gt_buf_printf(b, " against a %starget %s", e->profiled ?
	    "year-to-date " : "", me->polarity == GT_POL_BAND ? "range of " :
	    "of ");
	put_range(b, me, e->lo, e->hi);
	gt_buf_puts(b, " (");
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
	return gt_buf_steal(&b);
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
    struct gt_jrisk *j)
{
	const struct gt_conf	*c = &m->conf;
	struct gt_buf		 b = { 0 };

	j->score = r->likelihood * r->impact;
	j->target_score = r->target_likelihood * r->target_impact;
	j->gap = j->score - j->target_score;
	j->band = band_of(c, j->score);
	j->target_band = band_of(c, j->target_score);
	j->above_appetite = c->risk_appetite > 0 &&
	    j->score > c->risk_appetite;
	gt_buf_printf(&b, "Likelihood %d \xc3\x97 impact %d gives %d: %s",
	    r->likelihood, r->impact, j->score, c->bands[j->band].name);
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
		judge_risk(m, m->risks[i], &j->risks[i]);
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
