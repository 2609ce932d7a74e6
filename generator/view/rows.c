/* rows.c: the rows of every table, in words (see rows.h). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
	r->direction = r->j->dir_prev == GT_DIR_NONE ?
	    gt_word(GT_WORD_NOT_KNOWN) : gt_dir_label(r->j->dir_prev);
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
}

void
gt_rrow_free(struct gt_rrow *r)
{
	free(r->target);
	free(r->controls);
}
