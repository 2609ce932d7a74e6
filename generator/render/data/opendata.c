/*
 * opendata.c: the open data files (see opendata.h). Each part of the
 * JSON is written by a function of its own (plan, measures, actions,
 * risks, finance), in the order performance.schema.json lists them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv_write.h"
#include "format.h"
#include "json_out.h"
#include "md_walk.h"
#include "opendata.h"
#include "words.h"

struct opendata {
	const struct gt_model		*m;
	const struct gt_judgement	*j;
};

static char *
plain_number(char *buf, size_t sz, double v, int decimals)
{
	gt_format_plain(buf, sz, v, decimals);
	if (strcmp(buf, "-0") == 0 || strspn(buf, "-0.") == strlen(buf))
		gt_format_plain(buf, sz, 0.0, decimals);
	return buf;
}

/* A period's first and last days, "2025-07-01" and "2025-09-30". */
static void
period_dates(const struct gt_model *m, const struct gt_period *p,
    char start[16], char end[16])
{
	struct gt_date	 d;

	d = gt_period_start_date(&m->conf.cal, p);
	gt_date_format(&d, start, 16);
	d = gt_period_end_date(&m->conf.cal, p);
	gt_date_format(&d, end, 16);
}

/*
 * Every figure with its target and status, one row per measure and period:
 * a measure's own fields are written once and copied to each of its rows.
 * Columns added since the first release go at the end.
 */
static int
write_csv(const struct opendata *d, struct gt_sink *sink)
{
	const struct gt_model	*m = d->m;
	struct gt_buf		 b = { 0 }, head = { 0 }, unit = { 0 },
				 pol = { 0 };
	char			 per[GT_PERIOD_MAX], v[GT_NUMBER_MAX],
				 lo[GT_NUMBER_MAX], hi[GT_NUMBER_MAX], *fig,
				 start[16], end[16];
	size_t			 i, k;
	int			 rc;

	gt_buf_puts(&b, "measure,title,period,value,value_text,unit,target,"
	    "target_high,status,flag,period_start,period_end,polarity,"
	    "note,revised_from\r\n");
	for (i = 0; i < m->nmeasures; i++) {
		const struct gt_measure *me = m->measures[i];
		const struct gt_jmeasure *jm = gt_judged_measure(d->j, me);

		gt_buf_reset(&head);
		gt_csv_field(&head, me->id, 0);
		gt_csv_field(&head, me->title, 0);
		gt_buf_reset(&unit);
		gt_csv_field(&unit, me->unit, 0);
		gt_buf_reset(&pol);
		gt_csv_field(&pol, gt_polarity_name(me->polarity), 0);
		for (k = 0; k < jm->shown; k++) {
			const struct gt_obs	*o = me->obs[k];
			const struct gt_eval	*e = &jm->evals[k];

			gt_period_format(&o->period, per, sizeof(per));
			period_dates(m, &o->period, start, end);
			fig = gt_figure_text(me, &o->value);
			gt_buf_addq(&b, head.data, head.len);
			gt_csv_field(&b, per, 0);
			gt_csv_field(&b, o->value.kind == GT_VAL_NUMBER ?
			    plain_number(v, sizeof(v), o->value.num,
			    me->decimals) : "", 0);
			gt_csv_field(&b, fig, 0);
			gt_buf_addq(&b, unit.data, unit.len);
			gt_csv_field(&b, e->has_target ? plain_number(lo,
			    sizeof(lo), e->lo, me->decimals) : "", 0);
			gt_csv_field(&b, e->has_target && e->hi != e->lo ?
			    plain_number(hi, sizeof(hi), e->hi,
			    me->decimals) : "", 0);
			gt_csv_field(&b, gt_status_name(e->status), 0);
			gt_csv_field(&b, gt_flag_name(o->flag), 0);
			gt_csv_field(&b, start, 0);
			gt_csv_field(&b, end, 0);
			gt_buf_addq(&b, pol.data, pol.len);
			gt_csv_field(&b, o->note, 0);
			gt_csv_field(&b, o->earlier != NULL &&
			    o->earlier->value.kind == GT_VAL_NUMBER ?
			    plain_number(v, sizeof(v), o->earlier->value.num,
			    me->decimals) : "", 1);
			free(fig);
		}
	}
	rc = sink->write(sink->ctx, "data/performance.csv", b.data, b.len);
	gt_buf_free(&b);
	gt_buf_free(&head);
	gt_buf_free(&unit);
	gt_buf_free(&pol);
	return rc;
}

static void
jw_pair(struct gt_json_w *w, const char *k, const char *v)
{
	gt_jw_key(w, k);
	gt_jw_str(w, v);
}

static void
jw_bool(struct gt_json_w *w, const char *k, int v)
{
	gt_jw_key(w, k);
	gt_jw_bool(w, v);
}

static void
jw_int(struct gt_json_w *w, const char *k, long long v)
{
	gt_jw_key(w, k);
	gt_jw_int(w, v);
}

/* A figure at its measure's decimals. */
static void
jw_num(struct gt_json_w *w, const char *k, double v, int decimals)
{
	gt_jw_key(w, k);
	gt_jw_real(w, gt_round(v, decimals));
}

/* A value as read: a number, or null (not available, withheld). */
static void
jw_value(struct gt_json_w *w, const char *k, const struct gt_value *v,
    int decimals)
{
	if (v->kind == GT_VAL_NUMBER)
		jw_num(w, k, v->num, decimals);
	else
		jw_pair(w, k, NULL);
}

/* "period" as the council writes it, with its first and last days. */
static void
jw_period(struct gt_json_w *w, const struct gt_model *m,
    const struct gt_period *p)
{
	char	 per[GT_PERIOD_MAX], start[16], end[16];

	gt_period_format(p, per, sizeof(per));
	period_dates(m, p, start, end);
	jw_pair(w, "period", per);
	jw_pair(w, "start", start);
	jw_pair(w, "end", end);
}

/* A date "2025-11-14", a month "2026-02" (d 0), or null if not given. */
static void
jw_date(struct gt_json_w *w, const char *k, const struct gt_date *d)
{
	char	 buf[16];

	if (d->y == 0)
		buf[0] = '\0';
	else if (d->d == 0)
		snprintf(buf, sizeof(buf), "%04d-%02d", d->y, d->m);
	else
		gt_date_format(d, buf, sizeof(buf));
	jw_pair(w, k, buf[0] != '\0' ? buf : NULL);
}

static void
jw_strings(struct gt_json_w *w, const char *k, const struct gt_strlist *l)
{
	size_t	 i;

	gt_jw_key(w, k);
	gt_jw_begin(w, '[');
	for (i = 0; i < l->n; i++)
		gt_jw_str(w, l->v[i]);
	gt_jw_end(w);
}

/* A Markdown body as plain text, or null. */
static void
jw_text(struct gt_json_w *w, const char *k, const struct gt_body *body)
{
	char	*t = gt_md_text(body->doc);

	jw_pair(w, k, t);
	free(t);
}

static void
figures_json(struct gt_json_w *w, const struct opendata *d,
    const struct gt_measure *me)
{
	const struct gt_jmeasure	*jm = gt_judged_measure(d->j, me);
	char				*fig;
	size_t				 k;

	gt_jw_key(w, "figures");
	gt_jw_begin(w, '[');
	for (k = 0; k < jm->shown; k++) {
		const struct gt_obs	*o = me->obs[k];
		const struct gt_eval	*e = &jm->evals[k];

		gt_jw_begin(w, '{');
		jw_period(w, d->m, &o->period);
		jw_value(w, "value", &o->value, me->decimals);
		fig = gt_figure_text(me, &o->value);
		jw_pair(w, "value_text", fig);
		free(fig);
		jw_bool(w, "suppressed", o->value.kind == GT_VAL_SUPPRESSED);
		jw_pair(w, "status", gt_status_name(e->status));
		if (e->has_target)
			jw_num(w, "target", e->lo, me->decimals);
		else
			jw_pair(w, "target", NULL);
		if (e->has_target && e->hi != e->lo)
			jw_num(w, "target_high", e->hi, me->decimals);
		else
			jw_pair(w, "target_high", NULL);
		jw_bool(w, "profiled", e->profiled);
		jw_pair(w, "flag", o->flag != GT_FLAG_NONE ?
		    gt_flag_name(o->flag) : NULL);
		jw_pair(w, "note", o->note);
		/* Only where there is one: most figures have none. */
		if (o->response != NULL)
			jw_pair(w, "response", o->response);
		if (o->earlier != NULL && o->earlier->value.kind ==
		    GT_VAL_NUMBER)
			jw_num(w, "revised_from", o->earlier->value.num,
			    me->decimals);
		if (o->source != NULL)
			jw_pair(w, "source_status", o->source->text);
		gt_jw_end(w);
	}
	gt_jw_end(w);
}

/* Every target set, for every period, as written in the measure. */
static void
targets_json(struct gt_json_w *w, const struct opendata *d,
    const struct gt_measure *me)
{
	size_t	 k;

	gt_jw_key(w, "targets");
	gt_jw_begin(w, '[');
	for (k = 0; k < me->ntargets; k++) {
		gt_jw_begin(w, '{');
		jw_period(w, d->m, &me->targets[k].period);
		jw_num(w, "value", me->targets[k].lo, me->decimals);
		if (me->targets[k].hi != me->targets[k].lo)
			jw_num(w, "value_high", me->targets[k].hi,
			    me->decimals);
		else
			jw_pair(w, "value_high", NULL);
		gt_jw_end(w);
	}
	gt_jw_end(w);
}

/* The comparisons published by the as-at period. */
static void
comparators_json(struct gt_json_w *w, const struct opendata *d,
    const struct gt_measure *me)
{
	size_t	 k;

	gt_jw_key(w, "comparators");
	gt_jw_begin(w, '[');
	for (k = 0; k < me->ncomparators; k++) {
		const struct gt_comparator *c = me->comparators[k];

		if (!gt_shown_period(d->j, &c->period))
			continue;
		gt_jw_begin(w, '{');
		jw_pair(w, "group", c->group);
		jw_period(w, d->m, &c->period);
		jw_value(w, "value", &c->value, me->decimals);
		gt_jw_end(w);
	}
	gt_jw_end(w);
}

static void
measure_json(struct gt_json_w *w, const struct opendata *d,
    const struct gt_measure *me)
{
	const struct gt_jmeasure	*jm = gt_judged_measure(d->j, me);
	char				 per[GT_PERIOD_MAX];
	size_t				 k;

	gt_jw_begin(w, '{');
	jw_pair(w, "id", me->id);
	jw_pair(w, "code", me->code);
	jw_pair(w, "title", me->title);
	gt_jw_key(w, "objectives");
	gt_jw_begin(w, '[');
	for (k = 0; k < me->nobjectives; k++)
		gt_jw_str(w, me->objectives[k]->id);
	gt_jw_end(w);
	jw_pair(w, "unit", me->unit);
	jw_int(w, "decimals", me->decimals);
	jw_pair(w, "polarity", gt_polarity_name(me->polarity));
	jw_pair(w, "frequency", gt_freq_name(me->frequency));
	jw_bool(w, "cumulative", me->cumulative);
	gt_jw_key(w, "tolerance");
	if (me->tolerance.kind == GT_TOL_DEFAULT)
		gt_jw_null(w);
	else {
		gt_jw_begin(w, '{');
		jw_pair(w, "kind", me->tolerance.kind == GT_TOL_RELATIVE ?
		    "relative" : "absolute");
		gt_jw_key(w, "value");
		gt_jw_real(w, me->tolerance.value);
		gt_jw_end(w);
	}
	jw_pair(w, "level", me->level == GT_LEVEL_STRATEGIC ? "strategic" :
	    "operational");
	jw_bool(w, "headline", me->headline);
	jw_strings(w, "tags", &me->tags);
	jw_pair(w, "source", me->source);
	jw_pair(w, "owner", me->owner);
	jw_text(w, "text", &me->body);
	gt_jw_key(w, "baseline");
	if (!me->has_baseline)
		gt_jw_null(w);
	else {
		gt_jw_begin(w, '{');
		jw_num(w, "value", me->baseline, me->decimals);
		if (me->baseline_period.type != GT_PERIOD_NONE)
			jw_period(w, d->m, &me->baseline_period);
		else {
			jw_pair(w, "period", NULL);
			jw_pair(w, "start", NULL);
			jw_pair(w, "end", NULL);
		}
		gt_jw_end(w);
	}
	targets_json(w, d, me);
	jw_pair(w, "explanation", jm->explanation);
	jw_pair(w, "status", gt_status_name(jm->status));
	jw_pair(w, "direction", jm->dir_prev != GT_DIR_NONE ?
	    gt_dir_name(jm->dir_prev) : NULL);
	jw_pair(w, "direction_year", jm->dir_year != GT_DIR_NONE ?
	    gt_dir_name(jm->dir_year) : NULL);
	jw_bool(w, "late", jm->late);
	gt_period_format(&jm->expected, per, sizeof(per));
	jw_pair(w, "expected", per[0] != '\0' ? per : NULL);
	figures_json(w, d, me);
	comparators_json(w, d, me);
	gt_jw_end(w);
}

static void
plan_json(struct gt_json_w *w, const struct gt_model *m)
{
	const struct gt_plan	*pl = m->plan;
	size_t			 i, k;

	gt_jw_key(w, "plan");
	gt_jw_begin(w, '{');
	jw_pair(w, "title", pl->title);
	jw_pair(w, "organisation", pl->organisation);
	jw_pair(w, "period", pl->period);
	jw_pair(w, "vision", pl->vision);
	jw_strings(w, "values", &pl->values);
	jw_text(w, "foreword", &pl->body);
	gt_jw_end(w);
	gt_jw_key(w, "priorities");
	gt_jw_begin(w, '[');
	for (i = 0; i < m->npriorities; i++) {
		const struct gt_priority *p = m->priorities[i];

		gt_jw_begin(w, '{');
		jw_pair(w, "id", p->id);
		jw_pair(w, "title", p->title);
		jw_int(w, "order", p->order);
		jw_text(w, "text", &p->body);
		gt_jw_key(w, "objectives");
		gt_jw_begin(w, '[');
		for (k = 0; k < p->nobjectives; k++)
			gt_jw_str(w, p->objectives[k]->id);
		gt_jw_end(w);
		gt_jw_end(w);
	}
	gt_jw_end(w);
	gt_jw_key(w, "objectives");
	gt_jw_begin(w, '[');
	for (i = 0; i < m->nobjectives; i++) {
		const struct gt_objective *o = m->objectives[i];

		gt_jw_begin(w, '{');
		jw_pair(w, "id", o->id);
		jw_pair(w, "title", o->title);
		jw_pair(w, "priority", o->priority->id);
		jw_pair(w, "parent", o->parent != NULL ? o->parent->id : NULL);
		jw_pair(w, "lead", o->lead);
		jw_pair(w, "portfolio", o->portfolio);
		jw_strings(w, "tags", &o->tags);
		jw_text(w, "text", &o->body);
		gt_jw_end(w);
	}
	gt_jw_end(w);
}

static void
action_json(struct gt_json_w *w, const struct opendata *d,
    const struct gt_action *a)
{
	const struct gt_jaction	*ja = gt_judged_action(d->j, a);
	size_t			 k;

	gt_jw_begin(w, '{');
	jw_pair(w, "id", a->id);
	jw_pair(w, "title", a->title);
	jw_pair(w, "objective", a->objective->id);
	jw_pair(w, "lead", a->lead);
	jw_date(w, "due", &a->due);
	jw_pair(w, "status", ja->status == GT_ASTATUS_NONE ? "not started" :
	    gt_astatus_name(ja->status));
	jw_pair(w, "explanation", ja->explanation);
	jw_bool(w, "eia", a->eia);
	jw_strings(w, "tags", &a->tags);
	jw_text(w, "text", &a->body);
	gt_jw_key(w, "milestones");
	gt_jw_begin(w, '[');
	for (k = 0; k < a->nmilestones; k++) {
		gt_jw_begin(w, '{');
		jw_pair(w, "title", a->milestones[k].title);
		jw_date(w, "due", &a->milestones[k].due);
		gt_jw_end(w);
	}
	gt_jw_end(w);
	gt_jw_key(w, "progress");
	gt_jw_begin(w, '[');
	for (k = 0; k < ja->shown; k++) {
		gt_jw_begin(w, '{');
		jw_period(w, d->m, &a->progress[k]->period);
		jw_pair(w, "status", gt_astatus_name(a->progress[k]->status));
		jw_pair(w, "note", a->progress[k]->note);
		gt_jw_end(w);
	}
	gt_jw_end(w);
	gt_jw_end(w);
}

/* A risk's scores by period, up to the as-at period. */
static void
history_json(struct gt_json_w *w, const struct opendata *d,
    const struct gt_risk *k, const struct gt_jrisk *jr)
{
	size_t	 i;

	gt_jw_key(w, "history");
	gt_jw_begin(w, '[');
	for (i = 0; i < jr->shown; i++) {
		gt_jw_begin(w, '{');
		jw_period(w, d->m, &k->history[i]->period);
		jw_int(w, "likelihood", k->history[i]->likelihood);
		jw_int(w, "impact", k->history[i]->impact);
		jw_pair(w, "note", k->history[i]->note);
		gt_jw_end(w);
	}
	gt_jw_end(w);
}

static void
risk_json(struct gt_json_w *w, const struct opendata *d,
    const struct gt_risk *k)
{
	const struct gt_conf	*c = &d->m->conf;
	const struct gt_jrisk	*jr = gt_judged_risk(d->j, k);
	size_t			 i;

	gt_jw_begin(w, '{');
	jw_pair(w, "id", k->id);
	jw_pair(w, "title", k->title);
	jw_pair(w, "owner", k->owner);
	gt_jw_key(w, "objectives");
	gt_jw_begin(w, '[');
	for (i = 0; i < k->nobjectives; i++)
		gt_jw_str(w, k->objectives[i]->id);
	gt_jw_end(w);
	/* The latest history row's, else the risk's own. */
	jw_int(w, "likelihood", jr->likelihood);
	jw_int(w, "impact", jr->impact);
	jw_int(w, "score", jr->score);
	jw_pair(w, "rating", jr->band < c->nbands ? c->bands[jr->band].name :
	    NULL);
	jw_int(w, "target_likelihood", k->target_likelihood);
	jw_int(w, "target_impact", k->target_impact);
	gt_jw_key(w, "target_score");
	if (jr->target_score > 0)
		gt_jw_int(w, jr->target_score);
	else
		gt_jw_null(w);
	jw_pair(w, "target_rating", jr->target_score > 0 &&
	    jr->target_band < c->nbands ? c->bands[jr->target_band].name :
	    NULL);
	jw_bool(w, "above_appetite", jr->above_appetite);
	jw_pair(w, "explanation", jr->explanation);
	jw_strings(w, "controls", &k->controls);
	jw_text(w, "text", &k->body);
	history_json(w, d, k, jr);
	gt_jw_end(w);
}

/*
 * Budgets and forecasts published by the as-at period, as read, with
 * their variance and its status.
 */
static void
finance_json(struct gt_json_w *w, const struct opendata *d)
{
	const struct gt_model	*m = d->m;
	struct gt_jbudget	 r;
	size_t			 i;

	gt_jw_key(w, "finance");
	gt_jw_begin(w, '[');
	for (i = 0; i < m->nfinance; i++) {
		const struct gt_finance *f = m->finance[i];

		if (!gt_shown_period(d->j, &f->period))
			continue;
		gt_jw_begin(w, '{');
		jw_pair(w, "directorate", f->directorate);
		jw_period(w, m, &f->period);
		jw_value(w, "budget", &f->budget, 2);
		jw_value(w, "forecast", &f->forecast, 2);
		gt_judge_budget(m, f, &r);
		if (r.status != GT_BUDGET_NO_DATA)
			jw_num(w, "variance", r.variance, 2);
		else
			jw_pair(w, "variance", NULL);
		if (r.status != GT_BUDGET_NO_DATA && r.has_percent)
			jw_num(w, "variance_percent", r.percent, 1);
		else
			jw_pair(w, "variance_percent", NULL);
		jw_pair(w, "status", gt_budget_name(r.status));
		free(r.explanation);
		gt_jw_end(w);
	}
	gt_jw_end(w);
}

/*
 * Every finance row by the as-at period, one a directorate and period:
 * directorate,period,budget,forecast,variance,variance_percent,status.
 */
static int
write_finance(const struct opendata *d, struct gt_sink *sink)
{
	const struct gt_model	*m = d->m;
	struct gt_jbudget	 r;
	struct gt_buf		 b = { 0 };
	char			 per[GT_PERIOD_MAX], v[GT_NUMBER_MAX];
	size_t			 i;
	int			 rc;

	gt_buf_puts(&b, "directorate,period,budget,forecast,variance,"
	    "variance_percent,status\r\n");
	for (i = 0; i < m->nfinance; i++) {
		if (!gt_shown_period(d->j, &m->finance[i]->period))
			continue;
		gt_judge_budget(m, m->finance[i], &r);
		gt_period_format(&r.row->period, per, sizeof(per));
		gt_csv_field(&b, r.directorate, 0);
		gt_csv_field(&b, per, 0);
		if (r.status == GT_BUDGET_NO_DATA)
			gt_buf_puts(&b, ",,,,");
		else {
			gt_csv_field(&b, plain_number(v, sizeof(v), r.budget,
			    0), 0);
			gt_csv_field(&b, plain_number(v, sizeof(v), r.forecast,
			    0), 0);
			gt_csv_field(&b, plain_number(v, sizeof(v), r.variance,
			    0), 0);
			gt_csv_field(&b, r.has_percent ? plain_number(v,
			    sizeof(v), r.percent, 1) : "", 0);
		}
		gt_csv_field(&b, gt_budget_name(r.status), 1);
		free(r.explanation);
	}
	rc = sink->write(sink->ctx, "data/finance.csv", b.data, b.len);
	gt_buf_free(&b);
	return rc;
}

/*
 * The plan, its figures and statuses, for reuse: written as it is made,
 * tens of thousands of figures with no tree between.
 */
static int
write_json(const struct opendata *d, struct gt_sink *sink)
{
	const struct gt_model	*m = d->m;
	struct gt_buf		 b = { 0 };
	struct gt_json_w	 w = { 0 };
	char			 per[GT_PERIOD_MAX], start[16], end[16];
	size_t			 i;
	int			 rc;

	w.b = &b;
	gt_period_format(gt_judged_as_at(d->j), per, sizeof(per));
	period_dates(m, gt_judged_as_at(d->j), start, end);
	gt_jw_begin(&w, '{');
	jw_pair(&w, "organisation", m->conf.organisation);
	jw_pair(&w, "title", m->conf.title);
	jw_pair(&w, "as_at", per);
	jw_pair(&w, "figures_to", end);
	jw_date(&w, "published", &m->conf.published);
	jw_date(&w, "next_update", &m->conf.next_update);
	jw_pair(&w, "language", m->conf.language);
	gt_jw_key(&w, "licence");
	gt_jw_begin(&w, '{');
	jw_pair(&w, "name", m->conf.licence);
	jw_pair(&w, "url", m->conf.licence_url);
	gt_jw_end(&w);
	plan_json(&w, m);
	gt_jw_key(&w, "measures");
	gt_jw_begin(&w, '[');
	for (i = 0; i < m->nmeasures; i++)
		measure_json(&w, d, m->measures[i]);
	gt_jw_end(&w);
	gt_jw_key(&w, "actions");
	gt_jw_begin(&w, '[');
	for (i = 0; i < m->nactions; i++)
		action_json(&w, d, m->actions[i]);
	gt_jw_end(&w);
	gt_jw_key(&w, "risks");
	gt_jw_begin(&w, '[');
	for (i = 0; i < m->nrisks; i++)
		risk_json(&w, d, m->risks[i]);
	gt_jw_end(&w);
	finance_json(&w, d);
	gt_jw_end(&w);
	rc = sink->write(sink->ctx, "data/performance.json", b.data, b.len);
	gt_buf_free(&b);
	return rc;
}

static void *
opendata_new(const struct gt_render_in *in)
{
	struct opendata	*d = gt_xcalloc(1, sizeof(*d));

	d->m = in->m;
	d->j = in->site;
	return d;
}

/* The JSON, the CSV, the JSON's schema and the finance CSV. */
static size_t
opendata_jobs(void *v GT_UNUSED)
{
	return 4;
}

static int
opendata_render(void *v, size_t job, struct gt_sink *sink)
{
	if (job == 2)
		return sink->write(sink->ctx, "data/performance.schema.json",
		    gt_schema_json, gt_schema_json_len);
	return job == 0 ? write_json(v, sink) : job == 1 ? write_csv(v, sink) :
	    write_finance(v, sink);
}

static void
opendata_free(void *v)
{
	free(v);
}

const struct gt_backend gt_opendata_backend = {
	"opendata", opendata_new, opendata_jobs, NULL,
	opendata_render, opendata_free
};
