/* rows.c: the rows of every table, in words (see rows.h). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "rows.h"

/* "revised from 58.9" for a figure a later file revised; NULL if none. */
static char *
revised_words(const struct gt_measure *me, const struct gt_obs *o)
{
	char	*was, *s;

	if (o->earlier == NULL)
		return NULL;
	was = gt_figure_text(me, &o->earlier->value);
	s = gt_xasprintf("revised from %s", was);
	free(was);
	return s;
}

void
gt_mrow(struct gt_mrow *r, const struct gt_judgement *jg,
    const struct gt_measure *me)
{
	const struct gt_eval	*e;

	memset(r, 0, sizeof(*r));
	r->me = me;
	r->j = gt_judged_measure(jg, me);
	r->code = me->code != NULL ? me->code : me->id;
	if ((e = r->j->latest) != NULL) {
		r->latest = gt_figure_text(me, &e->obs->value);
		r->revised = revised_words(me, e->obs);
		gt_period_format(&e->obs->period, r->period,
		    sizeof(r->period));
		r->target = gt_target_text(me, e->has_target, e->lo, e->hi);
	} else {
		r->latest = gt_xstrdup(gt_word(GT_WORD_NO_DATA));
		r->target = gt_xstrdup(gt_word(GT_WORD_NO_FIGURE));
	}
	/* Year-to-date figures restart each year: only a year apart compare. */
	r->direction = me->cumulative ? gt_word(GT_WORD_NOT_COMPARED) :
	    r->j->dir_prev == GT_DIR_NONE ? gt_word(GT_WORD_NOT_KNOWN) :
	    gt_dir_label(r->j->dir_prev);
	r->direction_year = r->j->dir_year == GT_DIR_NONE ?
	    gt_word(GT_WORD_NOT_KNOWN) : gt_dir_label(r->j->dir_year);
}

void
gt_mrow_free(struct gt_mrow *r)
{
	free(r->latest);
	free(r->revised);
	free(r->target);
}

void
gt_hrow(struct gt_hrow *r, const struct gt_judgement *jg,
    const struct gt_measure *me, size_t k)
{
	const struct gt_obs	*o = me->obs[k];
	const char		*flag;

	memset(r, 0, sizeof(*r));
	r->obs = o;
	r->e = &gt_judged_measure(jg, me)->evals[k];
	gt_period_format(&o->period, r->period, sizeof(r->period));
	r->value = gt_figure_text(me, &o->value);
	r->target = gt_target_text(me, r->e->has_target, r->e->lo, r->e->hi);
	r->revised = revised_words(me, o);
	if (o->flag == GT_FLAG_NONE) {
		r->note = gt_xstrdup(o->note != NULL ? o->note : "");
		return;
	}
	/* "Revised from 58.9" says more than "Revised". */
	flag = r->revised != NULL && o->flag == GT_FLAG_REVISED ? r->revised :
	    gt_flag_name(o->flag);
	r->note = gt_xasprintf("%c%s%s%s", toupper((unsigned char)flag[0]),
	    flag + 1, o->note != NULL ? ". " : "", o->note != NULL ? o->note :
	    "");
}

void
gt_hrow_free(struct gt_hrow *r)
{
	free(r->value);
	free(r->target);
	free(r->note);
	free(r->revised);
}

void
gt_arow(struct gt_arow *r, const struct gt_judgement *jg,
    const struct gt_action *a)
{
	memset(r, 0, sizeof(*r));
	r->a = a;
	r->j = gt_judged_action(jg, a);
	r->due = gt_due_words(&a->due, r->duebuf);
	r->milestones = a->nmilestones == 0 ?
	    gt_xstrdup(gt_word(GT_WORD_NONE)) :
	    gt_xasprintf("%zu of %zu due%s", r->j->milestones_due,
	    a->nmilestones, r->j->milestones_overdue > 0 ?
	    ", some overdue" : "");
	r->status = gt_astatus_label(r->j->status);
}

void
gt_arow_free(struct gt_arow *r)
{
	free(r->milestones);
}

/* The assessment before the one judged, into r. */
static void
risk_before(struct gt_rrow *r, const struct gt_risk *k)
{
	const struct gt_riskobs	*before;
	size_t			 n = r->j->shown;

	/* The row judged is the last shown; one of the risk's own follows them. */
	if (r->j->assessed != NULL)
		n--;
	if (n == 0)
		return;
	before = k->history[n - 1];
	r->since = &before->period;
	r->was = before->likelihood * before->impact;
}

void
gt_rrow(struct gt_rrow *r, const struct gt_judgement *jg,
    const struct gt_risk *k)
{
	const struct gt_conf	*c = &gt_judged_model(jg)->conf;
	struct gt_buf		 b = { 0 };
	size_t			 i;

	memset(r, 0, sizeof(*r));
	r->k = k;
	r->j = gt_judged_risk(jg, k);
	r->rating = r->j->band < c->nbands ? c->bands[r->j->band].name :
	    gt_word(GT_WORD_NOT_RATED);
	r->target_rating = r->j->target_band < c->nbands ?
	    c->bands[r->j->target_band].name : gt_word(GT_WORD_NOT_RATED);
	r->target = r->j->target_score > 0 ?
	    gt_xasprintf("%d", r->j->target_score) :
	    gt_xstrdup(gt_word(GT_WORD_NONE_SET));
	for (i = 0; i < k->controls.n; i++)
		gt_buf_printf(&b, "%s%s", i > 0 ? "; " : "", k->controls.v[i]);
	r->controls = b.data;
	risk_before(r, k);
}

void
gt_rrow_free(struct gt_rrow *r)
{
	free(r->target);
	free(r->controls);
}

/* "20 Very high": a score and its band. */
static char *
score_words(const struct gt_conf *c, int score)
{
	size_t	 i;

	for (i = 0; i < c->nbands; i++)
		if (score >= c->bands[i].lo && score <= c->bands[i].hi)
			return gt_xasprintf("%d %s", score, c->bands[i].name);
	return gt_xasprintf("%d", score);
}

void
gt_rhrow(struct gt_rhrow *r, const struct gt_judgement *jg,
    const struct gt_risk *k, size_t i)
{
	memset(r, 0, sizeof(*r));
	r->h = k->history[i];
	r->score = score_words(&gt_judged_model(jg)->conf,
	    r->h->likelihood * r->h->impact);
	r->note = r->h->note != NULL ? r->h->note : "";
}

void
gt_rhrow_free(struct gt_rhrow *r)
{
	free(r->score);
}

static int
is_year(const struct gt_period *p)
{
	return p->type == GT_PERIOD_FYEAR || p->type == GT_PERIOD_YEAR ||
	    p->type == GT_PERIOD_AYEAR;
}

static const struct gt_calendar *trow_cal;

static int
target_first(const void *va, const void *vb)
{
	const struct gt_target *a = *(const struct gt_target *const *)va;
	const struct gt_target *b = *(const struct gt_target *const *)vb;

	return gt_period_cmp(trow_cal, &a->period, &b->period);
}

void
gt_trows(struct gt_trows *r, const struct gt_judgement *jg,
    const struct gt_measure *me)
{
	const struct gt_calendar	*cal = &gt_judged_model(jg)->conf.cal;
	const struct gt_target		**v;
	struct gt_buf			 b = { 0 };
	struct gt_trow			*t;
	int				 now = gt_period_last_month(cal,
					    gt_judged_as_at(jg));
	size_t				 i, n = 0;

	memset(r, 0, sizeof(*r));
	v = gt_xcalloc(me->ntargets + 1, sizeof(*v));
	for (i = 0; i < me->ntargets; i++)
		if (is_year(&me->targets[i].period) &&
		    gt_period_last_month(cal, &me->targets[i].period) >= now)
			v[n++] = &me->targets[i];
	trow_cal = cal;
	gt_sort(v, n, sizeof(*v), target_first);
	r->v = gt_xcalloc(n + 1, sizeof(*r->v));
	for (i = 0; i < n; i++) {
		t = &r->v[r->n++];
		gt_period_format(&v[i]->period, t->period, sizeof(t->period));
		t->target = gt_target_text(me, 1, v[i]->lo, v[i]->hi);
		t->current = gt_period_first_month(cal, &v[i]->period) <= now;
		if (t->current && r->year_end == NULL)
			r->year_end = gt_xstrdup(t->target);
		else if (!t->current)
			gt_buf_printf(&b, "%s%s: %s", b.len > 0 ? "; " : "",
			    t->period, t->target);
	}
	if (r->year_end == NULL)
		r->year_end = gt_target_text(me, 0, 0, 0);
	r->future = b.len > 0 ? gt_buf_steal(&b) :
	    gt_xstrdup(gt_word(GT_WORD_NONE_SET));
	free(v);
}

void
gt_trows_free(struct gt_trows *r)
{
	size_t	 i;

	for (i = 0; i < r->n; i++)
		free(r->v[i].target);
	free(r->v);
	free(r->year_end);
	free(r->future);
}

void
gt_crow(struct gt_crow *r, const struct gt_judgement *now,
    const struct gt_change *c)
{
	const struct gt_conf	*conf = &gt_judged_model(now)->conf;
	const struct gt_jmeasure *jm;
	const struct gt_jaction	*ja;
	const struct gt_jrisk	*jr;

	memset(r, 0, sizeof(*r));
	r->c = c;
	switch (c->kind) {
	case GT_CHANGE_STATUS:
	case GT_CHANGE_LATE:
	case GT_CHANGE_RESTATED:
		jm = gt_judged_measure(now, c->me);
		r->id = c->me->id;
		r->title = c->me->title;
		r->detail = jm->explanation;
		if (c->obs != NULL || jm->latest != NULL) {
			r->when = c->obs != NULL ? &c->obs->period :
			    &jm->latest->obs->period;
			gt_period_format(r->when, r->period, sizeof(r->period));
		}
		break;
	case GT_CHANGE_COMPLETED:
	case GT_CHANGE_OVERDUE:
		ja = gt_judged_action(now, c->a);
		r->id = c->a->id;
		r->title = c->a->title;
		r->detail = ja->latest != NULL && ja->latest->note != NULL &&
		    c->kind == GT_CHANGE_COMPLETED ? ja->latest->note :
		    ja->explanation;
		break;
	default:
		jr = gt_judged_risk(now, c->k);
		r->id = c->k->id;
		r->title = c->k->title;
		r->detail = jr->assessed != NULL && jr->assessed->note != NULL ?
		    jr->assessed->note : jr->explanation;
		break;
	}
	switch (c->kind) {
	case GT_CHANGE_STATUS:
		r->from = gt_xstrdup(gt_status_label((enum gt_status)c->from));
		r->to = gt_xstrdup(gt_status_label((enum gt_status)c->to));
		break;
	case GT_CHANGE_LATE:
		r->from = gt_xstrdup("On time");
		r->to = gt_xstrdup("Late");
		break;
	case GT_CHANGE_RESTATED:
		/* The figure first read, where a later file revised it. */
		r->from = c->obs->earlier != NULL ? gt_figure_text(c->me,
		    &c->obs->earlier->value) : gt_xstrdup(gt_word(
		    GT_WORD_NO_FIGURE));
		r->to = gt_figure_text(c->me, &c->obs->value);
		r->detail = c->obs->note != NULL ? c->obs->note :
		    "The figure was revised.";
		break;
	case GT_CHANGE_COMPLETED:
	case GT_CHANGE_OVERDUE:
		r->from = gt_xstrdup(gt_astatus_label((enum gt_astatus)c->from));
		r->to = gt_xstrdup(gt_astatus_label((enum gt_astatus)c->to));
		break;
	default:
		r->from = score_words(conf, c->from);
		r->to = score_words(conf, c->to);
		break;
	}
}

void
gt_crow_free(struct gt_crow *r)
{
	free(r->from);
	free(r->to);
}

/* "+£1,090,000", "-£90,000": a variance says which way. */
static char *
money(double v, int sign)
{
	char	 s[GT_NUMBER_MAX];

	gt_format_value(s, sizeof(s), v, 0, "\xc2\xa3");
	return gt_xasprintf("%s%s", sign && v > 0 ? "+" : "", s);
}

void
gt_brow(struct gt_brow *r, const struct gt_jbudget *b)
{
	char	 n[GT_NUMBER_MAX];

	memset(r, 0, sizeof(*r));
	r->b = b;
	r->name = b->directorate != NULL ? b->directorate : "Total";
	r->status = gt_budget_label(b->status);
	if (b->status == GT_BUDGET_NO_DATA) {
		r->budget = gt_xstrdup(gt_word(GT_WORD_NO_FIGURE));
		r->forecast = gt_xstrdup(gt_word(GT_WORD_NO_FIGURE));
		r->variance = gt_xstrdup(gt_word(GT_WORD_NO_FIGURE));
		r->percent = gt_xstrdup(gt_word(GT_WORD_NO_FIGURE));
		return;
	}
	r->budget = money(b->budget, 0);
	r->forecast = money(b->forecast, 0);
	r->variance = money(b->variance, 1);
	r->percent = b->has_percent ? gt_xasprintf("%s%s%%", b->percent > 0 &&
	    gt_round(b->percent, 1) != 0 ? "+" : "", gt_format_number(n,
	    sizeof(n), b->percent, 1)) : gt_xstrdup(gt_word(GT_WORD_NO_FIGURE));
}

void
gt_brow_free(struct gt_brow *r)
{
	free(r->budget);
	free(r->forecast);
	free(r->variance);
	free(r->percent);
}
