/* opendata.c: the open data files (see opendata.h). */
#include <stdlib.h>
#include <string.h>

#include "csv_write.h"
#include "format.h"
#include "json_out.h"
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

/*
 * Every figure with its target and status, one row per measure and period:
 * a measure's own fields are written once and copied to each of its rows.
 */
static int
write_csv(const struct opendata *d, struct gt_sink *sink)
{
	const struct gt_model	*m = d->m;
	struct gt_buf		 b = { 0 }, head = { 0 }, unit = { 0 };
	char			 per[GT_PERIOD_MAX], v[GT_NUMBER_MAX],
				 lo[GT_NUMBER_MAX], hi[GT_NUMBER_MAX], *fig;
	size_t			 i, k;
	int			 rc;

	gt_buf_puts(&b, "measure,title,period,value,value_text,unit,target,"
	    "target_high,status,flag,revised_from\r\n");
	for (i = 0; i < m->nmeasures; i++) {
		const struct gt_measure *me = m->measures[i];
		const struct gt_jmeasure *jm = gt_judged_measure(d->j, me);

		gt_buf_reset(&head);
		gt_csv_field(&head, me->id, 0);
		gt_csv_field(&head, me->title, 0);
		gt_buf_reset(&unit);
		gt_csv_field(&unit, me->unit, 0);
		for (k = 0; k < jm->shown; k++) {
			const struct gt_obs	*o = me->obs[k];
			const struct gt_eval	*e = &jm->evals[k];

			gt_period_format(&o->period, per, sizeof(per));
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
	return rc;
}

static void
jw_pair(struct gt_json_w *w, const char *k, const char *v)
{
	gt_jw_key(w, k);
	gt_jw_str(w, v);
}

/* A figure at its measure's decimals. */
static void
jw_num(struct gt_json_w *w, const char *k, double v, int decimals)
{
	gt_jw_key(w, k);
	gt_jw_real(w, gt_round(v, decimals));
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
	if (me->code != NULL)
		jw_pair(w, "code", me->code);
	jw_pair(w, "title", me->title);
	gt_jw_key(w, "objectives");
	gt_jw_begin(w, '[');
	for (k = 0; k < me->nobjectives; k++)
		gt_jw_str(w, me->objectives[k]->id);
	gt_jw_end(w);
	jw_pair(w, "unit", me->unit);
	jw_pair(w, "polarity", gt_polarity_name(me->polarity));
	jw_pair(w, "frequency", gt_freq_name(me->frequency));
	jw_pair(w, "explanation", jm->explanation);
	jw_pair(w, "status", gt_status_name(jm->status));
	jw_pair(w, "direction", jm->dir_prev != GT_DIR_NONE ?
	    gt_dir_name(jm->dir_prev) : NULL);
	gt_jw_key(w, "late");
	gt_jw_bool(w, jm->late);
	gt_jw_key(w, "figures");
	gt_jw_begin(w, '[');
	for (k = 0; k < jm->shown; k++) {
		const struct gt_obs	*o = me->obs[k];
		const struct gt_eval	*e = &jm->evals[k];

		gt_period_format(&o->period, per, sizeof(per));
		gt_jw_begin(w, '{');
		jw_pair(w, "period", per);
		if (o->value.kind == GT_VAL_NUMBER)
			jw_num(w, "value", o->value.num, me->decimals);
		else
			jw_pair(w, "value", NULL);
		gt_jw_key(w, "suppressed");
		gt_jw_bool(w, o->value.kind == GT_VAL_SUPPRESSED);
		jw_pair(w, "status", gt_status_name(e->status));
		if (e->has_target)
			jw_num(w, "target", e->lo, me->decimals);
		else
			jw_pair(w, "target", NULL);
		jw_pair(w, "flag", o->flag != GT_FLAG_NONE ?
		    gt_flag_name(o->flag) : NULL);
		if (e->has_target && e->hi != e->lo)
			jw_num(w, "target_high", e->hi, me->decimals);
		/* The figure a later file revised, as first reported. */
		if (o->earlier != NULL && o->earlier->value.kind ==
		    GT_VAL_NUMBER)
			jw_num(w, "revised_from", o->earlier->value.num,
			    me->decimals);
		/* The status its source gave it (a RAG), beside ours. */
		if (o->source != NULL)
			jw_pair(w, "source_status", o->source->text);
		gt_jw_end(w);
	}
	gt_jw_end(w);
	gt_jw_end(w);
}

static void
plan_json(struct gt_json_w *w, const struct gt_model *m)
{
	size_t	 i, k;

	gt_jw_key(w, "priorities");
	gt_jw_begin(w, '[');
	for (i = 0; i < m->npriorities; i++) {
		const struct gt_priority *p = m->priorities[i];

		gt_jw_begin(w, '{');
		jw_pair(w, "id", p->id);
		jw_pair(w, "title", p->title);
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
		gt_jw_end(w);
	}
	gt_jw_end(w);
}

static void
actions_json(struct gt_json_w *w, const struct opendata *d)
{
	const struct gt_model	*m = d->m;
	char			 due[16];
	size_t			 i;

	gt_jw_key(w, "actions");
	gt_jw_begin(w, '[');
	for (i = 0; i < m->nactions; i++) {
		const struct gt_action *a = m->actions[i];
		enum gt_astatus st = gt_judged_action(d->j, a)->status;

		due[0] = '\0';
		gt_date_format(&a->due, due, sizeof(due));
		gt_jw_begin(w, '{');
		jw_pair(w, "id", a->id);
		jw_pair(w, "title", a->title);
		jw_pair(w, "objective", a->objective->id);
		jw_pair(w, "lead", a->lead);
		jw_pair(w, "due", due[0] != '\0' ? due : NULL);
		jw_pair(w, "status", st == GT_ASTATUS_NONE ? "not started" :
		    gt_astatus_name(st));
		gt_jw_end(w);
	}
	gt_jw_end(w);
}

static void
risks_json(struct gt_json_w *w, const struct opendata *d)
{
	const struct gt_model	*m = d->m;
	size_t			 i;

	gt_jw_key(w, "risks");
	gt_jw_begin(w, '[');
	for (i = 0; i < m->nrisks; i++) {
		const struct gt_risk *k = m->risks[i];
		const struct gt_jrisk *jr = gt_judged_risk(d->j, k);

		gt_jw_begin(w, '{');
		jw_pair(w, "id", k->id);
		jw_pair(w, "title", k->title);
		gt_jw_key(w, "likelihood");
		gt_jw_int(w, k->likelihood);
		gt_jw_key(w, "impact");
		gt_jw_int(w, k->impact);
		gt_jw_key(w, "score");
		gt_jw_int(w, jr->score);
		gt_jw_key(w, "target_score");
		if (jr->target_score > 0)
			gt_jw_int(w, jr->target_score);
		else
			gt_jw_null(w);
		gt_jw_key(w, "above_appetite");
		gt_jw_bool(w, jr->above_appetite);
		gt_jw_end(w);
	}
	gt_jw_end(w);
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
	char			 per[GT_PERIOD_MAX];
	size_t			 i;
	int			 rc;

	w.b = &b;
	gt_period_format(gt_judged_as_at(d->j), per, sizeof(per));
	gt_jw_begin(&w, '{');
	jw_pair(&w, "organisation", m->conf.organisation);
	jw_pair(&w, "title", m->conf.title);
	jw_pair(&w, "as_at", per);
	plan_json(&w, m);
	gt_jw_key(&w, "measures");
	gt_jw_begin(&w, '[');
	for (i = 0; i < m->nmeasures; i++)
		measure_json(&w, d, m->measures[i]);
	gt_jw_end(&w);
	actions_json(&w, d);
	risks_json(&w, d);
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

static size_t
opendata_jobs(void *v GT_UNUSED)
{
	return 2;
}

static int
opendata_render(void *v, size_t job, struct gt_sink *sink)
{
	return job == 0 ? write_json(v, sink) : write_csv(v, sink);
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
