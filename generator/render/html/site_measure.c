/*
 * site_measure.c: a measure's page (see site.h): the headline figures,
 * the verdict and what is being done about it first; then the chart, the
 * figures newest first with earlier years folded away, the targets ahead,
 * comparisons and what the measure is.
 */
#include <stdlib.h>
#include <string.h>

#include "chartdata.h"
#include "site.h"
#include "site_int.h"

/* Chart sizes in CSS pixels (the layouts' width and height match). */
#define TREND_W		720
#define TREND_H		360
#define NARROW_W	340	/* the trend chart for phones */
#define NARROW_H	300
#define OPEN_ROWS	10	/* an annual series' rows shown before folding */

/* One figure of the history, as the table shows it. */
static json_t *
history_row(struct gt_site *s, const struct gt_measure *me, size_t k)
{
	struct gt_hrow	 h;
	char		 per[GT_WORDS_PERIOD_MAX];
	json_t		*row = json_object();

	gt_hrow(&h, s->j, me, k);
	gt_site_period(s, &h.obs->period, per);
	/* Set directly, not through json_pack: twenty thousand rows. */
	gt_jset(row, "period", gt_jstr(per));
	gt_jset(row, "value", gt_jstr(h.value));
	/* "No target" once, by the status: not again as the target. */
	gt_jset(row, "target", h.e->has_target ? gt_jstr(h.target) :
	    json_null());
	gt_jset(row, "status", json_incref(s->statuses[h.e->status]));
	gt_jset(row, "note", gt_jstr(h.note));
	gt_hrow_free(&h);
	return row;
}

/*
 * The figures newest first, in groups: a financial year each for
 * monthly and quarterly measures, else the latest OPEN_ROWS and then the
 * earlier ones, each a <details>: the first open, the rest folded.
 */
static json_t *
history(struct gt_site *s, const struct gt_measure *me)
{
	const struct gt_jmeasure *jm = gt_judged_measure(s->j, me);
	const struct gt_calendar *cal = &s->m->conf.cal;
	struct gt_period	 fy, cur = { GT_PERIOD_NONE, 0, 0 };
	char			 per[GT_WORDS_PERIOD_MAX];
	int			 by_year = me->frequency == GT_FREQ_MONTHLY ||
				    me->frequency == GT_FREQ_QUARTERLY;
	json_t			*groups = json_array(), *g = NULL, *rows = NULL;
	size_t			 k, n = 0;

	for (k = jm->shown; k > 0; k--, n++) {
		fy = gt_period_fyear_of(cal, &me->obs[k - 1]->period);
		if (g == NULL || (by_year ? !gt_period_eq(&fy, &cur) :
		    n == OPEN_ROWS)) {
			g = json_object();
			rows = json_array();
			gt_site_period(s, &fy, per);
			gt_jset(g, "label", by_year ? gt_jstr(per) :
			    json_string(n == 0 ? "Latest" : "Earlier"));
			gt_jset(g, "caption", by_year ? gt_jfmt("Figures for "
			    "%s, newest first", per) : json_string(n == 0 ?
			    "Figures, newest first" : "Earlier figures, newest "
			    "first"));
			gt_jset(g, "id", gt_jfmt("figures-%zu",
			    json_array_size(groups)));
			/* The latest open; earlier ones folded away. */
			gt_jset(g, "open", n == 0 ? json_string("open") :
			    json_null());
			gt_jset(g, "rows", rows);
			json_array_append_new(groups, g);
			cur = fy;
		}
		json_array_append_new(rows, history_row(s, me, k - 1));
	}
	json_array_foreach(groups, k, g) {
		n = json_array_size(json_object_get(g, "rows"));
		gt_jset(g, "count", gt_jfmt("%zu figure%s", n, n == 1 ? "" :
		    "s"));
	}
	return groups;
}

/*
 * This year's target (the year-end one), then the targets set for periods
 * that start after the as-at period.
 */
static json_t *
targets_ahead(struct gt_site *s, const struct gt_measure *me)
{
	const struct gt_calendar *cal = &s->m->conf.cal;
	int			 end = gt_period_last_month(cal,
				    gt_judged_as_at(s->j));
	json_t			*a = json_array();
	struct gt_trows		 tr;
	char			 per[GT_WORDS_PERIOD_MAX], *t;
	size_t			 i;

	gt_trows(&tr, s->j, me);
	if (tr.n > 0 && tr.v[0].current)
		json_array_append_new(a, json_pack("{s:s,s:s,s:b}", "period",
		    tr.v[0].period, "target", tr.v[0].target, "current", 1));
	gt_trows_free(&tr);
	for (i = 0; i < me->ntargets; i++) {
		const struct gt_target *tg = &me->targets[i];

		if (gt_period_first_month(cal, &tg->period) <= end)
			continue;
		gt_site_period(s, &tg->period, per);
		t = gt_target_text(me, 1, tg->lo, tg->hi);
		json_array_append_new(a, json_pack("{s:s,s:o,s:b}", "period",
		    per, "target", gt_jstr(t), "current", 0));
		free(t);
	}
	return a;
}

/* The delivery plan actions of the measure's objectives, each once. */
static json_t *
actions(struct page *pg, const struct gt_measure *me)
{
	struct gt_action	**v;
	size_t			  i, k, l, n = 0, cap = 0;
	json_t			 *a;

	v = NULL;
	for (i = 0; i < me->nobjectives; i++)
		for (k = 0; k < me->objectives[i]->nactions; k++) {
			for (l = 0; l < n && v[l] !=
			    me->objectives[i]->actions[k]; l++)
				;
			if (l == n)
				*GT_PUSH(v, n, cap) =
				    me->objectives[i]->actions[k];
		}
	a = gt_site_action_rows(pg, v, n);
	free(v);
	return a;
}

/* What the measure is: its fields in words. */
static void
about(struct page *pg, json_t *row, const struct gt_measure *me)
{
	const struct gt_jmeasure *jm = gt_judged_measure(pg->j, me);
	char			 per[GT_WORDS_PERIOD_MAX], *fig;
	json_t			*objs = json_array();
	size_t			 i;

	json_object_set_new(row, "explanation", gt_jstr(jm->explanation));
	json_object_set_new(row, "body", gt_page_body(pg, &me->body));
	json_object_set_new(row, "source", gt_jstr(me->source));
	json_object_set_new(row, "owner", gt_jstr(me->owner));
	json_object_set_new(row, "polarity",
	    json_string(gt_polarity_label(me->polarity)));
	json_object_set_new(row, "frequency",
	    json_string(gt_freq_label(me->frequency)));
	gt_site_period(pg->s, &jm->expected, per);
	json_object_set_new(row, "expected", gt_jstr(per));
	if (me->has_baseline) {
		fig = gt_figure_number(me, me->baseline);
		gt_site_period(pg->s, &me->baseline_period, per);
		json_object_set_new(row, "baseline", gt_jfmt("%s in %s", fig,
		    per));
		free(fig);
	} else
		json_object_set_new(row, "baseline", json_null());
	for (i = 0; i < me->nobjectives; i++)
		json_array_append_new(objs, gt_site_objective_ref(pg,
		    me->objectives[i]));
	json_object_set_new(row, "objectives", objs);
}

/*
 * Each group's latest published comparison (comparators are sorted by
 * group, then period); the open data have them all.
 */
static json_t *
comparators(struct gt_site *s, const struct gt_measure *me)
{
	json_t	*cmp = json_array();
	char	 per[GT_WORDS_PERIOD_MAX], *fig;
	size_t	 i, n;

	for (i = 0; i < me->ncomparators; i++) {
		const struct gt_comparator *k = me->comparators[i];

		if (!gt_shown_period(s->j, &k->period))
			continue;
		/* A later one of the same group is shown instead. */
		n = i + 1;
		if (n < me->ncomparators && strcmp(me->comparators[n]->group,
		    k->group) == 0 && gt_shown_period(s->j,
		    &me->comparators[n]->period))
			continue;
		fig = gt_figure_text(me, &k->value);
		gt_site_period(s, &k->period, per);
		json_array_append_new(cmp, json_pack("{s:o,s:s,s:o}", "group",
		    gt_jstr(k->group), "period", per, "value", gt_jstr(fig)));
		free(fig);
	}
	return cmp;
}

void
gt_page_measure(struct gt_site *s, const struct gt_measure *me)
{
	const struct gt_jmeasure	*jm = gt_judged_measure(s->j, me);
	struct page			 pg;
	struct gt_trend_data		 td;
	struct gt_chart			 c;
	struct gt_hrow			 h;
	char				*path, *name, *alt;
	json_t				*row, *acts;

	path = gt_xasprintf("measure/%s.html", me->id);
	gt_page_init(&pg, s, path, me->title);
	row = gt_site_measure_row(&pg, me, 0);
	json_object_set_new(pg.data, "measure", row);
	about(&pg, row, me);
	json_object_set_new(pg.data, "commentary", json_null());
	json_object_set_new(pg.data, "response", gt_jstr(jm->latest != NULL ?
	    jm->latest->obs->response : NULL));
	if (jm->latest != NULL) {
		gt_hrow(&h, s->j, me, (size_t)(jm->latest - jm->evals));
		if (h.note[0] != '\0')
			json_object_set_new(pg.data, "commentary",
			    gt_jstr(h.note));
		gt_hrow_free(&h);
	}
	acts = actions(&pg, me);
	json_object_set_new(pg.data, "doing", json_boolean(
	    json_array_size(acts) > 0 || !json_is_null(json_object_get(
	    pg.data, "commentary")) || !json_is_null(json_object_get(
	    pg.data, "response"))));
	json_object_set_new(pg.data, "actions", acts);
	json_object_set_new(pg.data, "actions_caption",
	    json_string("Delivery plan actions"));
	json_object_set_new(pg.data, "actions_id", json_string("actions"));

	json_object_set_new(pg.data, "chart", json_null());
	json_object_set_new(pg.data, "chart_narrow", json_null());
	gt_trend_data(&td, s->j, me);
	if (td.trend.npoints > 0) {
		c.type = GT_CHART_TREND;
		c.u.trend = &td.trend;
		/* A folder a kind: no id of one names another's chart. */
		name = gt_xasprintf("measure/%s", me->id);
		alt = gt_xasprintf("%s%s", gt_word(GT_WORD_TREND_CHART),
		    me->title);
		json_object_set_new(pg.data, "chart", gt_chart_img(&pg, &c,
		    name, alt, TREND_W, TREND_H, 1));
		free(alt);
		free(name);
		/* Drawn again for phones, where the wide one's text is tiny. */
		json_object_set_new(pg.data, "chart_narrow",
		    gt_chart_inline(s, &c, NARROW_W, NARROW_H));
	}
	gt_trend_data_free(&td);
	json_object_set_new(pg.data, "data_csv",
	    gt_href(&pg, "data/performance.csv"));
	json_object_set_new(pg.data, "figures", history(s, me));
	json_object_set_new(pg.data, "targets_ahead", targets_ahead(s, me));
	json_object_set_new(pg.data, "comparators", comparators(s, me));
	gt_page_finish(&pg, "measure.html", gt_crumbs_thread(&pg,
	    me->nobjectives > 0 ? me->objectives[0]->priority : NULL,
	    me->nobjectives > 0 ? me->objectives[0] : NULL));
	free(path);
}
