/* exceptions.c: what needs a committee's attention (see judge.h). */
#include "judge.h"

int
gt_worsening(const struct gt_measure *me, const struct gt_jmeasure *jm)
{
	return jm->dir_prev == GT_DIR_WORSENING ||
	    (me->cumulative && jm->dir_year == GT_DIR_WORSENING);
}

unsigned
gt_exception_measure(const struct gt_judgement *j,
    const struct gt_measure *me)
{
	const struct gt_jmeasure	*jm = gt_judged_measure(j, me);
	unsigned			 why = 0;

	if (jm->status == GT_STATUS_OFF_TARGET)
		why |= GT_EXC_OFF_TARGET;
	if (gt_worsening(me, jm))
		why |= GT_EXC_WORSENING;
	if (jm->late)
		why |= GT_EXC_LATE;
	return why;
}

int
gt_exception_action(const struct gt_judgement *j, const struct gt_action *a)
{
	return gt_judged_action(j, a)->status == GT_ASTATUS_OVERDUE;
}

int
gt_exception_risk(const struct gt_judgement *j, const struct gt_risk *k)
{
	return gt_judged_risk(j, k)->above_appetite;
}

void
gt_check_commentary(const struct gt_judgement *j, struct gt_diag *diag)
{
	const struct gt_model	*m = gt_judged_model(j);
	const struct gt_obs	*o;
	char			 per[GT_PERIOD_MAX];
	size_t			 i;

	for (i = 0; i < m->nmeasures; i++) {
		const struct gt_measure *me = m->measures[i];
		const struct gt_jmeasure *jm = gt_judged_measure(j, me);

		if (me->level != GT_LEVEL_STRATEGIC ||
		    jm->status != GT_STATUS_OFF_TARGET)
			continue;
		o = jm->latest->obs;
		if (o->note != NULL || o->response != NULL)
			continue;
		gt_period_format(&o->period, per, sizeof(per));
		gt_msg(diag, GT_W_NO_COMMENTARY, &o->loc, "'%s' in %s",
		    me->id, per);
	}
}
