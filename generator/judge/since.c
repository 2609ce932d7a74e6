/* since.c: what changed since the last report (see judge.h). */
#include <stdlib.h>
#include <string.h>

#include "judge.h"

/* Off target < within tolerance < on target; other statuses do not rank. */
static int
rank(int s)
{
	return s <= GT_STATUS_ON_TARGET ? s : -1;
}

static struct gt_change *
add(struct gt_changes *c, size_t *cap, enum gt_change_kind kind, int from,
    int to)
{
	struct gt_change	*x = GT_PUSH(c->v, c->n, *cap);

	memset(x, 0, sizeof(*x));
	x->kind = kind;
	x->from = from;
	x->to = to;
	c->count[kind]++;
	return x;
}

/* Count a change that has a better and a worse way. */
static void
way(struct gt_changes *c, struct gt_change *x, int better)
{
	x->better = better;
	c->better += better > 0;
	c->worse += better < 0;
}

static void
measures(struct gt_changes *c, size_t *cap, const struct gt_judgement *now,
    const struct gt_judgement *then, const struct gt_scope *sc)
{
	const struct gt_model		*m = gt_judged_model(now);
	const struct gt_jmeasure	*a, *b;
	struct gt_change		*x;
	size_t				 i, k;
	int				 ra, rb;

	for (i = 0; i < m->nmeasures; i++) {
		const struct gt_measure *me = m->measures[i];

		if (sc != NULL && !gt_scope_has_measure(sc, me))
			continue;
		a = gt_judged_measure(then, me);
		b = gt_judged_measure(now, me);
		if (a->status != b->status) {
			x = add(c, cap, GT_CHANGE_STATUS, (int)a->status,
			    (int)b->status);
			x->me = me;
			ra = rank((int)a->status);
			rb = rank((int)b->status);
			way(c, x, ra < 0 || rb < 0 ? 0 : rb > ra ? 1 : -1);
		}
		if (b->late && !a->late)
			add(c, cap, GT_CHANGE_LATE, 0, 1)->me = me;
		for (k = 0; k < b->shown; k++)
			if (me->obs[k]->flag == GT_FLAG_REVISED &&
			    gt_shown_period(then, &me->obs[k]->period)) {
				x = add(c, cap, GT_CHANGE_RESTATED, 0, 0);
				x->me = me;
				x->obs = me->obs[k];
			}
	}
}

static void
actions(struct gt_changes *c, size_t *cap, const struct gt_judgement *now,
    const struct gt_judgement *then, const struct gt_scope *sc)
{
	const struct gt_model	*m = gt_judged_model(now);
	enum gt_astatus		 a, b;
	size_t			 i;

	for (i = 0; i < m->nactions; i++) {
		const struct gt_action *ac = m->actions[i];

		if (sc != NULL && !gt_scope_has_action(sc, ac))
			continue;
		a = gt_judged_action(then, ac)->status;
		b = gt_judged_action(now, ac)->status;
		if (b == GT_ASTATUS_COMPLETE && a != GT_ASTATUS_COMPLETE)
			add(c, cap, GT_CHANGE_COMPLETED, (int)a, (int)b)->a = ac;
		if (b == GT_ASTATUS_OVERDUE && a != GT_ASTATUS_OVERDUE)
			add(c, cap, GT_CHANGE_OVERDUE, (int)a, (int)b)->a = ac;
	}
}

static void
risks(struct gt_changes *c, size_t *cap, const struct gt_judgement *now,
    const struct gt_judgement *then, const struct gt_scope *sc)
{
	const struct gt_model	*m = gt_judged_model(now);
	struct gt_change	*x;
	int			 a, b;
	size_t			 i;

	for (i = 0; i < m->nrisks; i++) {
		const struct gt_risk *k = m->risks[i];

		if (sc != NULL && !gt_scope_has_risk(sc, k))
			continue;
		a = gt_judged_risk(then, k)->score;
		b = gt_judged_risk(now, k)->score;
		if (a == b)
			continue;
		x = add(c, cap, GT_CHANGE_SCORE, a, b);
		x->k = k;
		/* A higher score is a greater risk. */
		way(c, x, b < a ? 1 : -1);
	}
}

void
gt_changes(struct gt_changes *c, const struct gt_judgement *now,
    const struct gt_judgement *then, const struct gt_scope *sc)
{
	struct gt_change	*sorted;
	size_t			 cap = 0, i, k, at[GT_CHANGE_MAX + 1];

	memset(c, 0, sizeof(*c));
	c->since = *gt_judged_as_at(then);
	c->as_at = *gt_judged_as_at(now);
	measures(c, &cap, now, then, sc);
	actions(c, &cap, now, then, sc);
	risks(c, &cap, now, then, sc);
	/* By kind, each kind in the model's order: a counting sort. */
	at[0] = 0;
	for (k = 0; k < GT_CHANGE_MAX; k++)
		at[k + 1] = at[k] + c->count[k];
	sorted = gt_xcalloc(c->n + 1, sizeof(*sorted));
	for (i = 0; i < c->n; i++)
		sorted[at[c->v[i].kind]++] = c->v[i];
	free(c->v);
	c->v = sorted;
}

void
gt_changes_free(struct gt_changes *c)
{
	free(c->v);
	memset(c, 0, sizeof(*c));
}
