/* status.c: targets, statuses, directions, lateness, explanations, roll-ups. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "status.h"

static const char *const status_names[GT_STATUS_MAX] = {
	"off-target", "within-tolerance", "on-target", "no-target",
	"suppressed", "no-data"
};
static const char *const status_labels[GT_STATUS_MAX] = {
	"Off target", "Within tolerance", "On target", "No target",
	"Suppressed", "No data"
};
static const char *const dir_names[GT_DIR_MAX] = {
	"", "improving", "no-change", "worsening"
};
static const char *const dir_labels[GT_DIR_MAX] = {
	"", "Improving", "No change", "Worsening"
};
static const char *const month_names[12] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"
};

const char *
gt_status_name(enum gt_status s)
{
	return status_names[s];
}

const char *
gt_status_label(enum gt_status s)
{
	return status_labels[s];
}

const char *
gt_dir_name(enum gt_dir d)
{
	return dir_names[d];
}

const char *
gt_dir_label(enum gt_dir d)
{
	return dir_labels[d];
}

/* a <= b, forgiving the last bits of binary fractions ("69.35"). */
static int
le(double a, double b)
{
	return a <= b + 1e-9 * fmax(1, fabs(b));
}

/* A period as residents read it: "September 2025"; other kinds as written. */
char *
gt_period_words(const struct gt_period *p, char *buf, size_t sz)
{
	if (p->type == GT_PERIOD_MONTH)
		snprintf(buf, sz, "%s %d", month_names[p->sub - 1], p->year);
	else
		gt_period_format(p, buf, sz);
	return buf;
}

/* "30 September 2025". */
char *
gt_date_words(const struct gt_date *d, char *buf, size_t sz)
{
	snprintf(buf, sz, "%d %s %d", d->d, month_names[d->m - 1], d->y);
	return buf;
}

/* A figure in the measure's unit at the given decimals; caller frees. */
static char *
figure_text(const struct gt_measure *me, double v, int decimals)
{
	/* Units are free text of any length. */
	size_t	 sz = GT_NUMBER_MAX + (me->unit ? strlen(me->unit) : 0);

	return gt_format_value(gt_xmalloc(sz), sz, v, decimals, me->unit);
}

/* Append a figure in the measure's unit: "72.1%", "£1,234", "3 tonnes". */
static void
put_figure(struct gt_buf *b, const struct gt_measure *me, double v,
    int decimals)
{
	char	*s = figure_text(me, v, decimals);

	gt_buf_puts(b, s);
	free(s);
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
compare(const struct gt_model *m, struct gt_measure *me)
{
	const struct gt_period	*p = &me->latest->obs->period;
	struct gt_period	 then;

	/* Year-to-date figures restart each year: only a year apart compare. */
	if (!me->cumulative) {
		then = gt_period_prev(p);
		/* A biennial survey's previous one is two years before. */
		if (me->frequency == GT_FREQ_BIENNIAL)
			then = gt_period_prev(&then);
		me->prev = figure_at(me, &then);
		me->dir_prev = direction(m, me, me->latest, me->prev);
	}
	if (me->frequency != GT_FREQ_BIENNIAL) {
		then = gt_period_year_ago(p);
		me->year_ago = figure_at(me, &then);
		me->dir_year = direction(m, me, me->latest, me->year_ago);
	}
}

/* The period the measure should have reached, and whether it has. */
static void
expect(const struct gt_model *m, struct gt_measure *me,
    const struct gt_period *as_at)
{
	const struct gt_period	*p;
	enum gt_ptype		 like;

	like = me->nobs > 0 ? me->obs[0]->period.type : GT_PERIOD_FYEAR;
	me->expected = gt_period_expected(&m->conf.cal, me->frequency, like,
	    as_at, m->conf.lag_months[me->frequency]);
	if (me->latest == NULL) {
		me->late = 1;
		return;
	}
	p = &me->latest->obs->period;
	/* A biennial series runs in odd or in even years: expect its own. */
	if (me->frequency == GT_FREQ_BIENNIAL &&
	    (me->expected.year - p->year) % 2 != 0)
		me->expected.year--;
	me->late = me->expected.type != GT_PERIOD_NONE &&
	    gt_period_cmp(&m->conf.cal, p, &me->expected) < 0;
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

static const char *
polarity_words(enum gt_polarity p)
{
	return p == GT_POL_LOWER ? "lower is better" : p == GT_POL_BAND ?
	    "the target is a range" : "higher is better";
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
	gt_buf_printf(b, " in %s", p);
	if (e->obs->flag == GT_FLAG_PROVISIONAL ||
	    e->obs->flag == GT_FLAG_ESTIMATED)
		gt_buf_printf(b, " (%s)", gt_flag_name(e->obs->flag));
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
	gt_buf_printf(b, "%s, ", polarity_words(me->polarity));
	put_tolerance(b, m, me);
	gt_buf_puts(b, "): ");
	put_lower(b, status_labels[e->status]);
}

static void
explain(const struct gt_model *m, struct gt_measure *me,
    const struct gt_period *as_at)
{
	const struct gt_eval	*e = me->latest;
	struct gt_buf		 b = { 0 };
	char			 p[GT_PERIOD_MAX];

	free(me->explanation);
	if (e == NULL) {
		me->explanation = gt_xasprintf("No figure has been reported "
		    "for any period up to %s: no data.",
		    gt_period_words(as_at, p, sizeof(p)));
		return;
	}
	gt_period_words(&e->obs->period, p, sizeof(p));
	if (e->status == GT_STATUS_SUPPRESSED)
		gt_buf_printf(&b, "The figure for %s is withheld (%s) to "
		    "protect the people it counts: suppressed, so no status "
		    "is given", p, e->obs->raw ? e->obs->raw : "");
	else
		put_judgement(&b, m, me, e, p);
	if (me->late)
		gt_buf_printf(&b, "; the figure for %s is late",
		    gt_period_words(&me->expected, p, sizeof(p)));
	gt_buf_putc(&b, '.');
	me->explanation = gt_buf_steal(&b);
}

static void
status_measure(const struct gt_model *m, struct gt_measure *me,
    const struct gt_period *as_at)
{
	int	 last = gt_period_last_month(&m->conf.cal, as_at);
	size_t	 i;

	free(me->evals);
	me->evals = gt_xcalloc(me->nobs, sizeof(*me->evals));
	me->latest = NULL;
	for (i = 0; i < me->nobs; i++) {
		evaluate(m, me, me->obs[i], &me->evals[i]);
		if (gt_period_last_month(&m->conf.cal,
		    &me->obs[i]->period) <= last &&
		    me->obs[i]->value.kind != GT_VAL_MISSING)
			me->latest = &me->evals[i];
	}
	me->status = me->latest != NULL ? me->latest->status :
	    GT_STATUS_NO_DATA;
	me->dir_prev = me->dir_year = GT_DIR_NONE;
	me->prev = me->year_ago = NULL;
	if (me->latest != NULL && me->status != GT_STATUS_SUPPRESSED)
		compare(m, me);
	expect(m, me, as_at);
	explain(m, me, as_at);
}

static void
explain_action(struct gt_action *a, enum gt_astatus reported)
{
	struct gt_buf	 b = { 0 };
	char		 p[GT_PERIOD_MAX], due[32];
	size_t		 n = a->milestones_overdue;

	if (a->latest != NULL)
		gt_period_words(&a->latest->period, p, sizeof(p));
	if (a->status == GT_ASTATUS_OVERDUE) {
		gt_buf_printf(&b, "Due %s and not complete",
		    gt_date_words(&a->due, due, sizeof(due)));
		if (a->latest != NULL)
			gt_buf_printf(&b, " (reported %s in %s)",
			    gt_astatus_name(reported), p);
		else
			gt_buf_puts(&b, " (no progress reported)");
	} else if (a->latest != NULL)
		gt_buf_printf(&b, "Reported %s in %s",
		    gt_astatus_name(reported), p);
	else
		gt_buf_puts(&b, "No progress reported yet");
	if (n > 0)
		gt_buf_printf(&b, ", with %zu milestone%s past %s due date%s",
		    n, n == 1 ? "" : "s", n == 1 ? "its" : "their",
		    n == 1 ? "" : "s");
	if (a->status == GT_ASTATUS_OVERDUE)
		gt_buf_puts(&b, ": overdue");
	else if (a->latest == NULL)
		gt_buf_puts(&b, ": not started");
	gt_buf_putc(&b, '.');
	free(a->explanation);
	a->explanation = gt_buf_steal(&b);
}

static void
status_action(const struct gt_model *m, struct gt_action *a,
    const struct gt_period *as_at)
{
	const struct gt_calendar *cal = &m->conf.cal;
	struct gt_date		 end = gt_period_end_date(cal, as_at);
	int			 last = gt_period_last_month(cal, as_at);
	enum gt_astatus		 reported;
	size_t			 i;

	a->latest = NULL;
	for (i = 0; i < a->nprogress; i++)
		if (gt_period_last_month(cal, &a->progress[i]->period) <= last)
			a->latest = a->progress[i];
	reported = a->latest != NULL ? a->latest->status :
	    GT_ASTATUS_NOT_STARTED;
	a->status = reported;
	if (reported != GT_ASTATUS_COMPLETE && a->due.y != 0 &&
	    gt_date_cmp(&a->due, &end) < 0)
		a->status = GT_ASTATUS_OVERDUE;
	a->milestones_due = a->milestones_overdue = 0;
	for (i = 0; i < a->nmilestones; i++) {
		if (a->milestones[i].due.y == 0 ||
		    gt_date_cmp(&a->milestones[i].due, &end) > 0)
			continue;
		a->milestones_due++;
		/* No record of milestones met: "on track" vouches for them. */
		if (a->status != GT_ASTATUS_COMPLETE &&
		    a->status != GT_ASTATUS_ON_TRACK)
			a->milestones_overdue++;
	}
	explain_action(a, reported);
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
status_risk(const struct gt_model *m, struct gt_risk *r)
{
	const struct gt_conf	*c = &m->conf;
	struct gt_buf		 b = { 0 };

	r->score = r->likelihood * r->impact;
	r->target_score = r->target_likelihood * r->target_impact;
	r->gap = r->score - r->target_score;
	r->band = band_of(c, r->score);
	r->target_band = band_of(c, r->target_score);
	r->above_appetite = c->risk_appetite > 0 &&
	    r->score > c->risk_appetite;
	gt_buf_printf(&b, "Likelihood %d \xc3\x97 impact %d gives %d: %s",
	    r->likelihood, r->impact, r->score, c->bands[r->band].name);
	if (r->gap == 0)
		gt_buf_puts(&b, ", at its target score");
	else
		gt_buf_printf(&b, ", %d %s its target score of %d (%s)",
		    abs(r->gap), r->gap > 0 ? "above" : "below",
		    r->target_score, c->bands[r->target_band].name);
	if (r->above_appetite)
		gt_buf_printf(&b, ", and above the risk appetite of %d",
		    c->risk_appetite);
	gt_buf_putc(&b, '.');
	free(r->explanation);
	r->explanation = gt_buf_steal(&b);
}

/* The maps borrow members to answer "is it in?"; nothing changes them. */
void
gt_scope_measure(struct gt_scope *s, const struct gt_measure *me)
{
	struct gt_rollup	*r = &s->rollup;

	if (gt_map_put(&s->measures, me->id, (void *)me) != NULL)
		return;
	r->measures++;
	r->status[me->status]++;
	r->dir[me->dir_prev]++;
	r->dir_year[me->dir_year]++;
	r->late += me->late != 0;
}

void
gt_scope_action(struct gt_scope *s, const struct gt_action *a)
{
	if (gt_map_put(&s->actions, a->id, (void *)a) != NULL)
		return;
	s->rollup.actions++;
	s->rollup.astatus[a->status]++;
}

void
gt_scope_risk(struct gt_scope *s, const struct gt_risk *k)
{
	if (gt_map_put(&s->risks, k->id, (void *)k) != NULL)
		return;
	s->rollup.risks++;
	s->rollup.rating[k->band]++;
	s->rollup.above_appetite += k->above_appetite != 0;
}

void
gt_scope_objective(struct gt_scope *s, const struct gt_objective *o)
{
	size_t	 i;

	for (i = 0; i < o->nmeasures; i++)
		gt_scope_measure(s, o->measures[i]);
	for (i = 0; i < o->nactions; i++)
		gt_scope_action(s, o->actions[i]);
	for (i = 0; i < o->nrisks; i++)
		gt_scope_risk(s, o->risks[i]);
	for (i = 0; i < o->nchildren; i++)
		gt_scope_objective(s, o->children[i]);
}

void
gt_scope_priority(struct gt_scope *s, const struct gt_priority *p)
{
	size_t	 i;

	for (i = 0; i < p->nobjectives; i++)
		gt_scope_objective(s, p->objectives[i]);
}

void
gt_scope_portfolio(struct gt_scope *s, const struct gt_model *m,
    const char *portfolio)
{
	size_t	 i;

	for (i = 0; i < m->nobjectives; i++)
		if (m->objectives[i]->portfolio != NULL &&
		    strcmp(m->objectives[i]->portfolio, portfolio) == 0)
			gt_scope_objective(s, m->objectives[i]);
}

void
gt_scope_tag(struct gt_scope *s, const struct gt_model *m, const char *tag)
{
	size_t	 i;

	for (i = 0; i < m->nobjectives; i++)
		if (gt_strlist_has(&m->objectives[i]->tags, tag))
			gt_scope_objective(s, m->objectives[i]);
	for (i = 0; i < m->nmeasures; i++)
		if (gt_strlist_has(&m->measures[i]->tags, tag))
			gt_scope_measure(s, m->measures[i]);
	for (i = 0; i < m->nactions; i++)
		if (gt_strlist_has(&m->actions[i]->tags, tag))
			gt_scope_action(s, m->actions[i]);
}

void
gt_scope_pack(struct gt_scope *s, const struct gt_model *m,
    const struct gt_pack *p)
{
	const struct gt_priority	*pr;
	size_t				 i;

	for (i = 0; i < p->npriority_refs; i++)
		if ((pr = gt_map_get(&m->priority_ix,
		    p->priority_refs[i].id)) != NULL)
			gt_scope_priority(s, pr);
	for (i = 0; i < p->portfolios.n; i++)
		gt_scope_portfolio(s, m, p->portfolios.v[i]);
	for (i = 0; i < p->tags.n; i++)
		gt_scope_tag(s, m, p->tags.v[i]);
	if (p->npriority_refs == 0 && p->portfolios.n == 0 &&
	    p->tags.n == 0)
		for (i = 0; i < m->npriorities; i++)
			gt_scope_priority(s, m->priorities[i]);
}

void
gt_scope_free(struct gt_scope *s)
{
	gt_map_free(&s->measures);
	gt_map_free(&s->actions);
	gt_map_free(&s->risks);
	memset(s, 0, sizeof(*s));
}

void
gt_status_at(struct gt_model *m, const struct gt_period *as_at)
{
	struct gt_scope	 s = { 0 };
	size_t		 i;

	m->judged = *as_at;
	for (i = 0; i < m->nmeasures; i++)
		status_measure(m, m->measures[i], as_at);
	for (i = 0; i < m->nactions; i++)
		status_action(m, m->actions[i], as_at);
	for (i = 0; i < m->nrisks; i++)
		status_risk(m, m->risks[i]);
	for (i = 0; i < m->nobjectives; i++) {
		gt_scope_objective(&s, m->objectives[i]);
		m->objectives[i]->rollup = s.rollup;
		gt_scope_free(&s);
	}
	for (i = 0; i < m->npriorities; i++) {
		gt_scope_priority(&s, m->priorities[i]);
		m->priorities[i]->rollup = s.rollup;
		gt_scope_free(&s);
	}
}

void
gt_status(struct gt_model *m)
{
	gt_status_at(m, &m->conf.as_at);
}

int
gt_status_target(const struct gt_model *m, const struct gt_measure *me,
    const struct gt_period *p, double *lo, double *hi)
{
	struct gt_eval	 e = { 0 };

	target_for(m, me, p, &e);
	*lo = e.lo;
	*hi = e.hi;
	return e.has_target;
}

double
gt_status_slack(const struct gt_model *m, const struct gt_measure *me,
    double edge)
{
	struct gt_tolerance	 tol = tolerance_of(m, me);

	return slack(&tol, edge);
}

static const char *const status_symbols[GT_STATUS_MAX] = {
	[GT_STATUS_OFF_TARGET] = "\u25B2 ",
	[GT_STATUS_WITHIN_TOLERANCE] = "\u25C6 ",
	[GT_STATUS_ON_TARGET] = "\u25CF ",
	[GT_STATUS_NO_TARGET] = "\u25A0 ",
	[GT_STATUS_SUPPRESSED] = "\u25A1 ",
	[GT_STATUS_NO_DATA] = "\u25CB "
};

static const char *const astatus_symbols[] = {
	[GT_ASTATUS_NONE] = "\u25CB ",
	[GT_ASTATUS_NOT_STARTED] = "\u25CB ",
	[GT_ASTATUS_ON_TRACK] = "\u25CF ",
	[GT_ASTATUS_AT_RISK] = "\u25C6 ",
	[GT_ASTATUS_COMPLETE] = "\u2714 ",
	[GT_ASTATUS_OVERDUE] = "\u25B2 "
};

const char *
gt_status_symbol(enum gt_status s)
{
	return status_symbols[s];
}

const char *
gt_astatus_symbol(enum gt_astatus s)
{
	return astatus_symbols[s];
}

char *
gt_figure_number(const struct gt_measure *me, double v)
{
	return figure_text(me, v, me->decimals);
}

char *
gt_figure_text(const struct gt_measure *me, const struct gt_value *v)
{
	if (v->kind == GT_VAL_SUPPRESSED)
		return gt_xstrdup("Withheld");
	if (v->kind != GT_VAL_NUMBER)
		return gt_xstrdup("Not available");
	return gt_figure_number(me, v->num);
}

char *
gt_target_text(const struct gt_measure *me, int has, double lo, double hi)
{
	char	*x, *y, *t;

	if (!has)
		return gt_xstrdup("No target");
	x = gt_figure_number(me, lo);
	if (me->polarity != GT_POL_BAND || lo == hi)
		return x;
	y = gt_figure_number(me, hi);
	t = gt_xasprintf("%s to %s", x, y);
	free(x);
	free(y);
	return t;
}

char *
gt_rollup_words(const struct gt_rollup *r, int more)
{
	struct gt_buf	 b = { 0 };
	const char	*label;
	int		 i, first = 1;

	gt_buf_printf(&b, "%zu measure%s", r->measures,
	    r->measures == 1 ? "" : "s");
	for (i = 0; i < GT_STATUS_MAX; i++) {
		if (r->status[i] == 0)
			continue;
		label = gt_status_label((enum gt_status)i);
		gt_buf_printf(&b, "%s%zu %c%s", first ? ": " : ", ",
		    r->status[i], tolower((unsigned char)label[0]), label + 1);
		first = 0;
	}
	if (more)
		gt_buf_printf(&b, ". %zu improving and %zu worsening since "
		    "the previous period; %zu with figures late",
		    r->dir[GT_DIR_IMPROVING], r->dir[GT_DIR_WORSENING],
		    r->late);
	gt_buf_printf(&b, ". %zu action%s", r->actions,
	    r->actions == 1 ? "" : "s");
	if (r->astatus[GT_ASTATUS_OVERDUE] > 0)
		gt_buf_printf(&b, ", %zu overdue",
		    r->astatus[GT_ASTATUS_OVERDUE]);
	gt_buf_puts(&b, ".");
	return gt_buf_steal(&b);
}
