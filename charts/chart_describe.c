/*
 * chart_describe.c: plain-English text alternatives, saying in words what
 * the chart shows: what is measured, the trend (for a year-to-date
 * measure, against the same point last year), the latest figure, its
 * target and status, the comparators and our rank among the others.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "chart_int.h"
#include "format.h"
#include "util.h"

/* Status words as they read mid-sentence ("3 off target"). */
static const char *
status_words(enum gt_chart_status s)
{
	static const char *const words[GT_CHART_STATUS_MAX] = {
		[GT_CHART_ON_TARGET] = "on target",
		[GT_CHART_WITHIN_TOLERANCE] = "within tolerance",
		[GT_CHART_OFF_TARGET] = "off target",
		[GT_CHART_NO_TARGET] = "no target",
		[GT_CHART_NO_DATA] = "no data",
		[GT_CHART_SUPPRESSED] = "suppressed",
	};

	return (unsigned)s < GT_CHART_STATUS_MAX ? words[s] : "no data";
}

static const char *
action_words(enum gt_chart_action a)
{
	static const char *const words[GT_CHART_ACTION_MAX] = {
		[GT_CHART_NOT_STARTED] = "not started",
		[GT_CHART_ON_TRACK] = "on track",
		[GT_CHART_AT_RISK] = "at risk",
		[GT_CHART_OVERDUE] = "overdue",
		[GT_CHART_COMPLETE] = "complete",
	};

	return (unsigned)a < GT_CHART_ACTION_MAX ? words[a] : "not started";
}

/* The title as a sentence opening, without a doubled full stop. */
static void
put_title(struct gt_buf *b, const char *title)
{
	size_t	 n;

	if (title == NULL || *title == '\0')
		return;
	n = strlen(title);
	while (n > 0 && (title[n - 1] == '.' ||
	    isspace((unsigned char)title[n - 1])))
		n--;
	gt_buf_add(b, title, n);
	gt_buf_puts(b, ". ");
}

static const char *
fmt(char *buf, const struct gt_chart_trend *t, double v)
{
	return gt_format_value(buf, GT_NUMBER_MAX + 64, v, t->decimals,
	    t->unit);
}

/* A period as the description says it. */
static const char *
said(const struct gt_chart_point *p)
{
	return p->said != NULL ? p->said : p->period;
}

/*
 * "up from 60% in 2022/23 Q1", "the same as in 2022/23 Q1", compared as
 * the figures are written; with last_year, "down from 182 at the same
 * point last year (March 2025)".
 */
static void
put_change(struct gt_buf *b, const struct gt_chart_trend *t, size_t from,
    size_t to, int last_year)
{
	char	 v[GT_NUMBER_MAX + 64];
	double	 a = gt_round(t->points[from].value, t->decimals);
	double	 z = gt_round(t->points[to].value, t->decimals);

	if (z != a)
		gt_buf_printf(b, "%s %s ", z > a ? "up from" : "down from",
		    fmt(v, t, t->points[from].value));
	else
		gt_buf_puts(b, "the same as ");
	if (last_year)
		gt_buf_printf(b, "at the same point last year (%s)",
		    said(&t->points[from]));
	else
		gt_buf_printf(b, "in %s", said(&t->points[from]));
}

static const char *
flag_words(enum gt_chart_flag f)
{
	return f == GT_CHART_PROVISIONAL ? " (provisional)" :
	    f == GT_CHART_ESTIMATED ? " (estimated)" : "";
}

/* The target for the latest period and its status. */
static void
put_target(struct gt_buf *b, const struct gt_chart_trend *t, size_t i)
{
	const struct gt_chart_point *p = &t->points[i];
	const struct gt_chart_target *g = &p->target;
	char	 v[GT_NUMBER_MAX + 64], w[GT_NUMBER_MAX + 64];

	if (t->polarity == GT_CHART_NEITHER)
		return;
	if (!g->set) {
		gt_buf_printf(b, "No target for %s", said(p));
	} else if (t->polarity == GT_CHART_BAND) {
		gt_buf_printf(b, "The target for %s is between %s and %s",
		    said(p), fmt(v, t, g->lo), fmt(w, t, g->hi));
	} else {
		gt_buf_printf(b, "The target for %s is %s or %s", said(p),
		    fmt(v, t, t->polarity == GT_CHART_LOWER ? g->hi : g->lo),
		    t->polarity == GT_CHART_LOWER ? "less" : "more");
	}
	/* A tolerance on a percentage is in points, not a percentage of it. */
	if (g->set && g->slack > 0 && t->unit != NULL &&
	    strcmp(t->unit, "%") == 0)
		gt_buf_printf(b, ", with a tolerance of %s percentage points",
		    gt_format_number(v, sizeof(v), g->slack, t->decimals));
	else if (g->set && g->slack > 0)
		gt_buf_printf(b, ", with a tolerance of %s",
		    gt_format_value(v, sizeof(v), g->slack, t->decimals,
		    t->unit));
	gt_buf_printf(b, "; status: %s. ", status_words(p->status));
}

/* "1st", "2nd", "3rd", "4th", "11th", "21st". */
static void
put_ordinal(struct gt_buf *b, size_t n)
{
	static const char *const ends[] = { "th", "st", "nd", "rd" };

	gt_buf_printf(b, "%zu%s", n, n % 100 / 10 == 1 || n % 10 > 3 ?
	    "th" : ends[n % 10]);
}

/*
 * The others, at the latest period they have figures for: their range
 * (or middle half) and, where better is one way, our rank among them.
 */
static void
put_others(struct gt_buf *b, const struct gt_chart_trend *t,
    struct gt_roles *r, size_t from, long latest)
{
	char	 v[GT_NUMBER_MAX + 64], w[GT_NUMBER_MAX + 64];
	double	 lo, hi, ours;
	size_t	 i, c, n = 0, better = 0;

	for (i = t->npoints; i > from; i--)
		if ((n = gt_chart_range_at(t, r, i - 1, &lo, &hi)) > 0)
			break;
	if (n == 0)
		return;
	i--;
	gt_buf_printf(b, "The %s%zu other comparators ", r->quartiles ?
	    "middle half of the " : "", r->nrange);
	if (r->quartiles)
		gt_buf_printf(b, "lies between %s and %s", fmt(v, t, lo),
		    fmt(w, t, hi));
	else if (n == 1)
		gt_buf_printf(b, "have one figure, %s,", fmt(v, t, lo));
	else
		gt_buf_printf(b, "range from %s to %s", fmt(v, t, lo),
		    fmt(w, t, hi));
	gt_buf_printf(b, " in %s", said(&t->points[i]));
	if ((long)i != latest || !gt_chart_has_value(t, i) ||
	    t->polarity == GT_CHART_BAND) {
		gt_buf_puts(b, ". ");
		return;
	}
	ours = gt_round(t->points[i].value, t->decimals);
	for (c = 0; c < t->ncomparators; c++) {
		double	 x;

		if (r->role[c] != GT_ROLE_RANGE ||
		    !isfinite(t->comparators[c].values[i]))
			continue;
		x = gt_round(t->comparators[c].values[i], t->decimals);
		better += t->polarity == GT_CHART_LOWER ? x < ours : x > ours;
	}
	gt_buf_puts(b, "; ours is ");
	put_ordinal(b, better + 1);
	gt_buf_printf(b, " best of %zu. ", n + 1);
}

/*
 * Each comparator drawn as a line or on another scale: its latest figure;
 * then the others together.
 */
static void
put_comparators(struct gt_buf *b, const struct gt_chart_trend *t,
    size_t from, long latest)
{
	struct gt_roles	 r;
	char		 v[GT_NUMBER_MAX + 64];
	size_t		 c, i;

	gt_chart_roles(t, &r);
	for (c = 0; c < t->ncomparators; c++) {
		const struct gt_chart_comparator *k = &t->comparators[c];
		const char *name = k->name != NULL ? k->name : "Comparator";

		if (r.role[c] == GT_ROLE_RANGE)
			continue;
		for (i = t->npoints; k->values != NULL && i > from; i--)
			if (isfinite(k->values[i - 1]))
				break;
		if (r.role[c] == GT_ROLE_NONE) {
			gt_buf_printf(b, "%s: no figures. ", name);
			continue;
		}
		gt_buf_printf(b, "%s: %s", name, fmt(v, t, k->values[i - 1]));
		if ((long)(i - 1) != latest)
			gt_buf_printf(b, " in %s", said(&t->points[i - 1]));
		if (r.role[c] == GT_ROLE_APART)
			gt_buf_puts(b, " (on another scale from ours, so not "
			    "drawn)");
		gt_buf_puts(b, ". ");
	}
	if (r.nrange > 0)
		put_others(b, t, &r, from, latest);
	gt_roles_free(&r);
}

/* Periods with no figure: missing and withheld. */
static void
put_gaps(struct gt_buf *b, const struct gt_chart_trend *t)
{
	size_t	 i, missing = 0, held = 0;

	for (i = 0; i < t->npoints; i++) {
		if (t->points[i].kind == GT_CHART_WITHHELD)
			held++;
		else if (t->points[i].kind != GT_CHART_AHEAD &&
		    !gt_chart_has_value(t, i))
			missing++;
	}
	if (missing > 0)
		gt_buf_printf(b, "No figure for %zu period%s. ", missing,
		    missing == 1 ? "" : "s");
	if (held > 0)
		gt_buf_printf(b, "Figure withheld for %zu period%s. ", held,
		    held == 1 ? "" : "s");
}

/* "Rising over the periods shown: up from 29 in ..., and up from ...". */
static void
put_trend(struct gt_buf *b, const struct gt_chart_trend *t, size_t first,
    long latest, int brief)
{
	double	 a = gt_round(t->points[first].value, t->decimals);
	double	 z = gt_round(t->points[latest].value, t->decimals);
	size_t	 prev;

	for (prev = (size_t)latest - 1; !gt_chart_has_value(t, prev); prev--)
		continue;
	gt_buf_printf(b, "%s over the periods shown: ", z > a ? "Rising" :
	    z < a ? "Falling" : "Steady");
	put_change(b, t, first, (size_t)latest, 0);
	if (prev != first && !brief) {
		gt_buf_puts(b, ", and ");
		put_change(b, t, prev, (size_t)latest, 0);
	}
	gt_buf_puts(b, ". ");
}

static const char *
polarity_words(const struct gt_chart_trend *t)
{
	return t->polarity == GT_CHART_LOWER ? "Lower is better" :
	    t->polarity == GT_CHART_BAND ? "The aim is to stay in the target "
	    "range" : t->polarity == GT_CHART_NEITHER ? "For information: "
	    "neither higher nor lower is better" : "Higher is better";
}

static char *
describe_trend(const struct gt_chart_trend *t, int brief)
{
	struct gt_buf	 b = { 0 };
	char		 v[GT_NUMBER_MAX + 64];
	long		 latest = gt_chart_latest(t);
	size_t		 i, first = 0, this_year, shown, nvalues = 0, ago;
	int		 by_year;

	put_title(&b, t->title);
	put_title(&b, t->subtitle);
	if (t->npoints == 0 || latest < 0) {
		gt_buf_puts(&b, "No figures to show.");
		return gt_buf_steal(&b);
	}
	by_year = gt_chart_by_year(t, &shown, &this_year);
	for (i = t->npoints; i > shown; i--)
		if (gt_chart_has_value(t, i - 1)) {
			first = i - 1;
			nvalues++;
		}
	if (!brief && by_year)
		gt_buf_printf(&b, "%s. Figures for the year to date, a line a "
		    "year: %s so far%s%s. ", polarity_words(t),
		    gt_trend_year(t, this_year, "this year"),
		    shown < this_year ? " against " : "", shown < this_year ?
		    gt_trend_year(t, shown, "last year") : "");
	else if (!brief)
		gt_buf_printf(&b, "%s, %zu period%s from %s to %s. ",
		    polarity_words(t), t->npoints, t->npoints == 1 ? "" : "s",
		    said(&t->points[0]), said(&t->points[t->npoints - 1]));
	gt_buf_printf(&b, "Latest figure %s in %s%s", fmt(v, t,
	    t->points[latest].value), said(&t->points[latest]),
	    flag_words(t->points[latest].flag));
	if (by_year) {
		/* The same point last year: a year of periods before. */
		ago = (size_t)latest - (size_t)t->periods_per_year;
		if ((size_t)latest >= (size_t)t->periods_per_year &&
		    gt_chart_has_value(t, ago)) {
			gt_buf_puts(&b, ", ");
			put_change(&b, t, ago, (size_t)latest, 1);
			gt_buf_puts(&b, ". ");
		} else
			gt_buf_puts(&b, "; no figure for the same point last "
			    "year. ");
	} else {
		gt_buf_puts(&b, ". ");
		if (nvalues > 1)
			put_trend(&b, t, first, latest, brief);
		else
			gt_buf_puts(&b, "Only one figure. ");
	}
	put_target(&b, t, (size_t)latest);
	if (!brief) {
		put_comparators(&b, t, by_year ? this_year : shown, latest);
		put_gaps(&b, t);
	}
	/* No trailing space. */
	while (b.len > 0 && b.data[b.len - 1] == ' ')
		b.data[--b.len] = '\0';
	return gt_buf_steal(&b);
}

char *
gt_chart_describe_trend(const struct gt_chart_trend *t)
{
	return describe_trend(t, 0);
}

char *
gt_chart_describe_spark(const struct gt_chart_trend *t)
{
	return describe_trend(t, 1);
}

char *
gt_chart_describe_statusbar(const struct gt_chart_statusbar *s)
{
	struct gt_buf	 b = { 0 };
	size_t		 i, total = 0, parts = 0, left;

	put_title(&b, s->title);
	for (i = 0; i < GT_CHART_STATUS_MAX; i++)
		total += s->counts[i];
	if (total == 0) {
		gt_buf_puts(&b, "No measures to summarise.");
		return gt_buf_steal(&b);
	}
	gt_buf_printf(&b, "%zu measure%s: ", total, total == 1 ? "" : "s");
	for (i = 0; i < GT_CHART_STATUS_MAX; i++)
		parts += s->counts[i] > 0;
	for (left = parts, i = 0; i < GT_CHART_STATUS_MAX; i++) {
		if (s->counts[i] == 0)
			continue;
		gt_buf_printf(&b, "%s%zu %s%s", left == parts ? "" : left == 1 ?
		    " and " : ", ", s->counts[i],
		    i == GT_CHART_NO_TARGET || i == GT_CHART_NO_DATA ?
		    "with " : "", status_words(i));
		left--;
	}
	gt_buf_puts(&b, ".");
	return gt_buf_steal(&b);
}

static int
scored(int l, int i)
{
	return l >= 1 && l <= 5 && i >= 1 && i <= 5;
}

static void
put_score(struct gt_buf *b, const struct gt_chart_heatmap *m, int l, int im)
{
	size_t	 k;

	gt_buf_printf(b, "likelihood %d, impact %d, score %d", l, im, l * im);
	for (k = 0; k < m->nbands; k++)
		if (l * im >= m->bands[k].lo && l * im <= m->bands[k].hi) {
			gt_buf_printf(b, " (%s)", m->bands[k].name != NULL ?
			    m->bands[k].name : "Band");
			break;
		}
}

char *
gt_chart_describe_heatmap(const struct gt_chart_heatmap *m)
{
	struct gt_buf	 b = { 0 };
	size_t		 i;

	put_title(&b, m->title);
	gt_buf_printf(&b, "Risk matrix of likelihood by impact, each 1 to 5, "
	    "showing %zu risk%s. ", m->nrisks, m->nrisks == 1 ? "" : "s");
	for (i = 0; i < m->nbands; i++)
		gt_buf_printf(&b, "%s%s scores %d to %d%s",
		    i == 0 ? "Bands: " : "; ", m->bands[i].name != NULL ?
		    m->bands[i].name : "Band", m->bands[i].lo, m->bands[i].hi,
		    i + 1 == m->nbands ? ". " : "");
	for (i = 0; i < m->nrisks; i++) {
		const struct gt_chart_risk *r = &m->risks[i];

		gt_buf_puts(&b, r->id != NULL ? r->id : "Risk");
		if (r->title != NULL && *r->title != '\0')
			gt_buf_printf(&b, " %s", r->title);
		gt_buf_puts(&b, ": ");
		if (!scored(r->likelihood, r->impact)) {
			gt_buf_puts(&b, "not scored. ");
			continue;
		}
		gt_buf_puts(&b, "now ");
		put_score(&b, m, r->likelihood, r->impact);
		if (scored(r->target_likelihood, r->target_impact)) {
			gt_buf_puts(&b, "; target ");
			put_score(&b, m, r->target_likelihood,
			    r->target_impact);
		} else
			gt_buf_puts(&b, "; no target");
		gt_buf_puts(&b, ". ");
	}
	while (b.len > 0 && b.data[b.len - 1] == ' ')
		b.data[--b.len] = '\0';
	return gt_buf_steal(&b);
}

char *
gt_chart_describe_progress(const struct gt_chart_progress *p)
{
	struct gt_buf	 b = { 0 };
	size_t		 done = p->done > p->total ? p->total : p->done;

	put_title(&b, p->title);
	if (p->total == 0)
		gt_buf_printf(&b, "No milestones, %s.", action_words(p->status));
	else
		gt_buf_printf(&b, "%zu of %zu milestone%s done, %s.", done,
		    p->total, p->total == 1 ? "" : "s",
		    action_words(p->status));
	return gt_buf_steal(&b);
}

char *
gt_chart_describe(const struct gt_chart *c)
{
	switch (c->type) {
	case GT_CHART_TREND:
		return gt_chart_describe_trend(c->u.trend);
	case GT_CHART_SPARK:
		return gt_chart_describe_spark(c->u.trend);
	case GT_CHART_STATUSBAR:
		return gt_chart_describe_statusbar(c->u.statusbar);
	case GT_CHART_HEATMAP:
		return gt_chart_describe_heatmap(c->u.heatmap);
	case GT_CHART_PROGRESS:
		return gt_chart_describe_progress(c->u.progress);
	}
	return gt_xstrdup("");
}
