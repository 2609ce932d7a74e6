/* chartdata.c: chart inputs from the finished model (see chartdata.h). */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "chartdata.h"
#include "words.h"
#include "judge.h"

/* More periods than any trend needs (a century of months). */
#define MAX_POINTS	1200

static enum gt_chart_status
chart_status(enum gt_status s)
{
	switch (s) {
	case GT_STATUS_ON_TARGET:
		return GT_CHART_ON_TARGET;
	case GT_STATUS_WITHIN_TOLERANCE:
		return GT_CHART_WITHIN_TOLERANCE;
	case GT_STATUS_OFF_TARGET:
		return GT_CHART_OFF_TARGET;
	case GT_STATUS_NO_TARGET:
	case GT_STATUS_INFO:
		return GT_CHART_NO_TARGET;
	case GT_STATUS_SUPPRESSED:
		return GT_CHART_SUPPRESSED;
	default:
		return GT_CHART_NO_DATA;
	}
}

static void
point_value(struct gt_chart_point *pt, const struct gt_obs *o,
    const struct gt_eval *e)
{
	pt->status = chart_status(e->status);
	switch (o->value.kind) {
	case GT_VAL_NUMBER:
		pt->kind = GT_CHART_VALUE;
		pt->value = o->value.num;
		break;
	case GT_VAL_SUPPRESSED:
		pt->kind = GT_CHART_WITHHELD;
		break;
	default:
		pt->kind = GT_CHART_MISSING;
		break;
	}
	if (o->flag == GT_FLAG_PROVISIONAL)
		pt->flag = GT_CHART_PROVISIONAL;
	else if (o->flag == GT_FLAG_ESTIMATED)
		pt->flag = GT_CHART_ESTIMATED;
}

/*
 * The periods shown, oldest first, into *out; returns their count. For a
 * year-to-date measure the rest of the latest year follows (*ahead of
 * them), for its target path.
 */
static size_t
periods(const struct gt_model *m, const struct gt_measure *me, size_t last,
    struct gt_period **out, size_t *ahead)
{
	const struct gt_calendar *cal = &m->conf.cal;
	struct gt_period	*v = gt_xcalloc(MAX_POINTS + 12, sizeof(*v));
	struct gt_period	 p = me->obs[last]->period;
	size_t			 n = 0, i, per = p.type == GT_PERIOD_MONTH ? 12 :
				    4;
	int			 k;

	while (n < MAX_POINTS &&
	    gt_period_cmp(cal, &p, &me->obs[0]->period) >= 0) {
		v[n++] = p;
		/* A survey every two or three years: one point a survey. */
		for (k = me->frequency == GT_FREQ_BIENNIAL ? 2 :
		    me->frequency == GT_FREQ_TRIENNIAL ? 3 : 1; k > 0; k--)
			p = gt_period_prev(&p);
	}
	for (i = 0; i < n / 2; i++) {
		p = v[i];
		v[i] = v[n - 1 - i];
		v[n - 1 - i] = p;
	}
	*ahead = 0;
	p = v[n - 1];
	while (me->cumulative && (p.type == GT_PERIOD_MONTH ||
	    p.type == GT_PERIOD_QUARTER) &&
	    (size_t)gt_period_index_in_year(cal, &p) < per) {
		/* The period after p, within its year. */
		if (++p.sub > (int)per) {
			p.sub = 1;
			p.year++;
		}
		v[n++] = p;
		(*ahead)++;
	}
	*out = v;
	return n;
}

static void
targets(const struct gt_model *m, const struct gt_measure *me,
    const struct gt_period *p, struct gt_chart_target *t)
{
	if (!gt_judge_target(m, me, p, &t->lo, &t->hi))
		return;
	t->set = 1;
	t->slack = gt_judge_slack(m, me,
	    me->polarity == GT_POL_LOWER ? t->hi : t->lo);
}

/* "England", "England average", "Wales": a whole nation's figure. */
static int
is_national(const char *name)
{
	static const char *const nations[] = { "England and Wales",
	    "England", "Wales", "Scotland", "Northern Ireland",
	    "United Kingdom", "UK", "Great Britain", "GB", "National" };
	size_t	 i, n;

	for (i = 0; i < sizeof(nations) / sizeof(nations[0]); i++) {
		n = strlen(nations[i]);
		if (strncasecmp(name, nations[i], n) == 0 &&
		    (name[n] == '\0' || name[n] == ' '))
			return 1;
	}
	return 0;
}

/* "Nearest neighbours average", "CIPFA median", "Group mean". */
static int
is_average(const char *name)
{
	static const char *const words[] = { "average", "median", "mean" };
	size_t	 i, k, n;

	for (i = 0; name[i] != '\0'; i++)
		for (k = 0; k < sizeof(words) / sizeof(words[0]); k++) {
			n = strlen(words[k]);
			if (strncasecmp(name + i, words[k], n) == 0 &&
			    (i == 0 || name[i - 1] == ' '))
				return 1;
		}
	return 0;
}

/*
 * Which comparators are reference lines (chart.h): those the measure's
 * chart_comparators names, else site.conf's, else a national one and a
 * group average.
 */
static void
name_comparators(const struct gt_model *m, const struct gt_measure *me,
    struct gt_chart_comparator *c, size_t n)
{
	const struct gt_strlist *want = me->chart_comparators.n > 0 ?
	    &me->chart_comparators : &m->conf.chart_comparators;
	size_t	 i, national = n, average = n;

	if (want->n > 0) {
		for (i = 0; i < n; i++)
			c[i].named = gt_strlist_has(want, c[i].name);
		return;
	}
	for (i = 0; i < n; i++) {
		if (national == n && is_national(c[i].name))
			national = i;
		else if (average == n && is_average(c[i].name))
			average = i;
	}
	if (national < n)
		c[national].named = 1;
	if (average < n)
		c[average].named = 1;
}

/*
 * Comparators' figures up to the as-at period: a group with figures only
 * for later periods is not named, as nothing later is published.
 */
static void
comparators(struct gt_trend_data *d, const struct gt_judgement *j,
    const struct gt_measure *me, const struct gt_period *pv, size_t n)
{
	struct gt_chart_comparator	*c = NULL;
	const struct gt_comparator	*k;
	const char			*group = NULL;
	size_t				 i, x, ngroups = 0;

	for (i = 0; i < me->ncomparators; i++) {
		k = me->comparators[i];
		if (!gt_shown_period(j, &k->period))
			continue;
		if (group == NULL || strcmp(k->group, group) != 0)
			ngroups++;
		group = k->group;
	}
	if (ngroups == 0 || n == 0)
		return;
	d->comparators = gt_xcalloc(ngroups, sizeof(*d->comparators));
	d->values = gt_xcalloc(ngroups * n, sizeof(*d->values));
	for (i = 0; i < ngroups * n; i++)
		d->values[i] = NAN;
	for (i = 0; i < me->ncomparators; i++) {
		k = me->comparators[i];
		if (!gt_shown_period(j, &k->period))
			continue;
		if (c == NULL || strcmp(k->group, c->name) != 0) {
			c = c == NULL ? d->comparators : c + 1;
			c->name = k->group;
			c->values = d->values + (size_t)(c - d->comparators) * n;
		}
		if (k->value.kind != GT_VAL_NUMBER)
			continue;
		for (x = 0; x < n; x++)
			if (gt_period_eq(&pv[x], &k->period))
				d->values[(size_t)(c - d->comparators) * n + x] =
				    k->value.num;
	}
	name_comparators(gt_judged_model(j), me, d->comparators, ngroups);
	d->trend.comparators = d->comparators;
	d->trend.ncomparators = ngroups;
}

void
gt_trend_data(struct gt_trend_data *d, const struct gt_judgement *jg,
    const struct gt_measure *me)
{
	const struct gt_model		*m = gt_judged_model(jg);
	const struct gt_jmeasure	*jm = gt_judged_measure(jg, me);
	static const int	 per_year[] = { 0, 12, 4, 1, 0 };
	struct gt_period	*pv = NULL, fy;
	struct gt_chart_point	*pt;
	size_t			 i, j, n = 0, last, ahead;

	memset(d, 0, sizeof(*d));
	/* A message title, with the measure named under it. */
	d->trend.title = me->chart_title != NULL ? me->chart_title :
	    me->title;
	d->trend.subtitle = me->chart_title != NULL ? me->title : NULL;
	d->trend.unit = me->unit;
	d->trend.decimals = me->decimals;
	d->trend.polarity = me->polarity == GT_POL_LOWER ? GT_CHART_LOWER :
	    me->polarity == GT_POL_BAND ? GT_CHART_BAND :
	    me->polarity == GT_POL_INFO ? GT_CHART_NEITHER : GT_CHART_HIGHER;
	d->trend.periods_per_year = per_year[me->frequency];
	d->trend.form = GT_CHART_AUTO;
	d->trend.year_to_date = me->cumulative;
	d->trend.slot_names = gt_year_period_names(&m->conf.cal,
	    me->frequency);
	if (jm->shown == 0)
		return;
	last = jm->shown - 1;
	n = periods(m, me, last, &pv, &ahead);
	d->source = gt_provenance_words(m, me, &me->obs[last]->period);
	d->trend.source = d->source;
	d->points = gt_xcalloc(n, sizeof(*d->points));
	d->labels = gt_xcalloc(n, 2 * GT_PERIOD_MAX);
	d->said = gt_xcalloc(n, GT_WORDS_PERIOD_MAX);
	for (i = j = 0; i < n; i++) {
		pt = &d->points[i];
		gt_period_format(&pv[i], d->labels + 2 * i * GT_PERIOD_MAX,
		    GT_PERIOD_MAX);
		pt->period = d->labels + 2 * i * GT_PERIOD_MAX;
		/* The description says periods as residents read them. */
		pt->said = gt_period_words(&m->conf.cal, &pv[i],
		    d->said + i * GT_WORDS_PERIOD_MAX, GT_WORDS_PERIOD_MAX);
		if (pv[i].type == GT_PERIOD_QUARTER ||
		    pv[i].type == GT_PERIOD_MONTH) {
			pt->in_year = gt_period_index_in_year(&m->conf.cal,
			    &pv[i]);
			fy = gt_period_fyear_of(&m->conf.cal, &pv[i]);
			gt_period_format(&fy, d->labels +
			    (2 * i + 1) * GT_PERIOD_MAX, GT_PERIOD_MAX);
			pt->year = d->labels + (2 * i + 1) * GT_PERIOD_MAX;
		}
		pt->kind = i < n - ahead ? GT_CHART_MISSING : GT_CHART_AHEAD;
		pt->status = GT_CHART_NO_DATA;
		targets(m, me, &pv[i], &pt->target);
		while (j <= last && gt_period_cmp(&m->conf.cal,
		    &me->obs[j]->period, &pv[i]) < 0)
			j++;
		if (j <= last && gt_period_eq(&me->obs[j]->period, &pv[i]))
			point_value(pt, me->obs[j], &jm->evals[j]);
	}
	d->trend.points = d->points;
	d->trend.npoints = n;
	comparators(d, jg, me, pv, n);
	free(pv);
}

void
gt_trend_data_free(struct gt_trend_data *d)
{
	if (d == NULL)
		return;
	free(d->points);
	free(d->source);
	free(d->labels);
	free(d->said);
	free(d->comparators);
	free(d->values);
	memset(d, 0, sizeof(*d));
}

void
gt_statusbar_data(struct gt_chart_statusbar *s, const char *title,
    const struct gt_rollup *r)
{
	int	 i;

	memset(s, 0, sizeof(*s));
	s->title = title;
	/* Information-only measures have no status to count. */
	for (i = 0; i < GT_STATUS_MAX; i++)
		if (i != GT_STATUS_INFO)
			s->counts[chart_status((enum gt_status)i)] +=
			    r->status[i];
}

void
gt_heatmap_data(struct gt_heatmap_data *d, const struct gt_model *m,
    struct gt_risk *const *risks, size_t n)
{
	size_t	 i;

	memset(d, 0, sizeof(*d));
	d->bands = gt_xcalloc(m->conf.nbands + 1, sizeof(*d->bands));
	for (i = 0; i < m->conf.nbands; i++) {
		d->bands[i].name = m->conf.bands[i].name;
		d->bands[i].lo = m->conf.bands[i].lo;
		d->bands[i].hi = m->conf.bands[i].hi;
	}
	d->risks = gt_xcalloc(n + 1, sizeof(*d->risks));
	for (i = 0; i < n; i++) {
		d->risks[i].id = risks[i]->id;
		d->risks[i].title = risks[i]->title;
		d->risks[i].likelihood = risks[i]->likelihood;
		d->risks[i].impact = risks[i]->impact;
		d->risks[i].target_likelihood = risks[i]->target_likelihood;
		d->risks[i].target_impact = risks[i]->target_impact;
	}
	d->heatmap.title = "Risks by likelihood and impact";
	d->heatmap.bands = d->bands;
	d->heatmap.nbands = m->conf.nbands;
	d->heatmap.risks = d->risks;
	d->heatmap.nrisks = n;
}

void
gt_heatmap_at(struct gt_heatmap_data *d, const struct gt_judgement *j,
    struct gt_risk *const *risks, size_t n)
{
	const struct gt_jrisk	*jr;
	size_t			 i;

	gt_heatmap_data(d, gt_judged_model(j), risks, n);
	for (i = 0; i < n; i++) {
		jr = gt_judged_risk(j, risks[i]);
		d->risks[i].likelihood = jr->likelihood;
		d->risks[i].impact = jr->impact;
	}
}

void
gt_heatmap_data_free(struct gt_heatmap_data *d)
{
	if (d == NULL)
		return;
	free(d->bands);
	free(d->risks);
	memset(d, 0, sizeof(*d));
}

void
gt_progress_data(struct gt_chart_progress *p, const struct gt_judgement *jg,
    const struct gt_action *a)
{
	const struct gt_jaction	*j = gt_judged_action(jg, a);
	static const enum gt_chart_action map[] = {
		[GT_ASTATUS_NONE] = GT_CHART_NOT_STARTED,
		[GT_ASTATUS_NOT_STARTED] = GT_CHART_NOT_STARTED,
		[GT_ASTATUS_ON_TRACK] = GT_CHART_ON_TRACK,
		[GT_ASTATUS_AT_RISK] = GT_CHART_AT_RISK,
		[GT_ASTATUS_COMPLETE] = GT_CHART_COMPLETE,
		[GT_ASTATUS_OVERDUE] = GT_CHART_OVERDUE
	};

	memset(p, 0, sizeof(*p));
	p->title = a->title;
	p->total = a->nmilestones;
	p->done = j->status == GT_ASTATUS_COMPLETE ? a->nmilestones :
	    j->milestones_due - j->milestones_overdue;
	p->status = map[j->status];
}
