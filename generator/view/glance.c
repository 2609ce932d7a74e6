/* glance.c: what a reader sees first (see glance.h). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "glance.h"
#include "scope.h"

/* The whole plan: everything under its priorities. */
static void
whole_plan(struct gt_scope *sc, const struct gt_model *m)
{
	size_t	 i;

	gt_scope_init(sc, m, NULL);
	for (i = 0; i < m->npriorities; i++)
		gt_scope_priority(sc, m->priorities[i]);
}

static enum gt_dir
heading(const struct gt_jmeasure *jm)
{
	return jm->dir_prev != GT_DIR_NONE ? jm->dir_prev : jm->dir_year;
}

/* Largest change first, then in the model's order. */
static int
by_change(const void *a, const void *b)
{
	const struct gt_mover	*x = a, *y = b;

	if (fabs(x->change) != fabs(y->change))
		return fabs(x->change) > fabs(y->change) ? -1 : 1;
	return x->me->ix < y->me->ix ? -1 : x->me->ix > y->me->ix;
}

/* The change since the previous period, as shown; 0 if there is none. */
static int
moved(const struct gt_measure *me, const struct gt_jmeasure *jm,
    double *change)
{
	double	 now, then;

	if (jm->latest == NULL || jm->prev == NULL ||
	    (jm->dir_prev != GT_DIR_IMPROVING &&
	    jm->dir_prev != GT_DIR_WORSENING) ||
	    jm->latest->obs->value.kind != GT_VAL_NUMBER ||
	    jm->prev->value.kind != GT_VAL_NUMBER)
		return 0;
	now = gt_round(jm->latest->obs->value.num, me->decimals);
	then = gt_round(jm->prev->value.num, me->decimals);
	if (then == 0)
		return 0;
	*change = (now - then) / fabs(then);
	return 1;
}

/* A member to sort: by key, then by its index in the model's list. */
struct ranked {
	int	 key;
	size_t	 ix;
};

static int
by_key(const void *a, const void *b)
{
	const struct ranked	*x = a, *y = b;

	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return x->ix < y->ix ? -1 : x->ix > y->ix;
}

void
gt_glance(struct gt_glance *g, const struct gt_judgement *j, size_t movers)
{
	const struct gt_model		*m = gt_judged_model(j);
	const struct gt_jmeasure	*jm;
	const struct gt_jrisk		*jr;
	struct gt_scope			 sc;
	struct gt_mover			*up, *down, mv;
	struct ranked			*rv;
	size_t				 i, nup = 0, ndown = 0, nrv = 0;

	memset(g, 0, sizeof(*g));
	whole_plan(&sc, m);
	gt_judge_rollup(j, &sc, &g->all);
	g->worse_off = gt_xcalloc(sc.measures.n + 1, sizeof(*g->worse_off));
	up = gt_xcalloc(sc.measures.n + 1, sizeof(*up));
	down = gt_xcalloc(sc.measures.n + 1, sizeof(*down));
	/* Strategic measures first, then operational ones. */
	for (i = 0; i < 2 * sc.measures.n; i++) {
		mv.me = m->measures[sc.measures.v[i % sc.measures.n]];
		jm = gt_judged_measure(j, mv.me);
		if (jm->status == GT_STATUS_OFF_TARGET &&
		    heading(jm) == GT_DIR_WORSENING &&
		    (mv.me->level == GT_LEVEL_STRATEGIC) == (i < sc.measures.n))
			g->worse_off[g->nworse_off++] =
			    m->measures[sc.measures.v[i % sc.measures.n]];
		if (i >= sc.measures.n || !moved(mv.me, jm, &mv.change))
			continue;
		if (jm->dir_prev == GT_DIR_IMPROVING)
			up[nup++] = mv;
		else
			down[ndown++] = mv;
	}
	gt_sort(up, nup, sizeof(*up), by_change);
	gt_sort(down, ndown, sizeof(*down), by_change);
	g->better = up;
	g->nbetter = nup < movers ? nup : movers;
	g->worse = down;
	g->nworse = ndown < movers ? ndown : movers;
	g->overdue = gt_xcalloc(sc.actions.n + 1, sizeof(*g->overdue));
	for (i = 0; i < sc.actions.n; i++)
		if (gt_judged_action(j, m->actions[sc.actions.v[i]])->status ==
		    GT_ASTATUS_OVERDUE)
			g->overdue[g->noverdue++] = m->actions[sc.actions.v[i]];
	rv = gt_xcalloc(sc.risks.n + 1, sizeof(*rv));
	for (i = 0; i < sc.risks.n; i++) {
		jr = gt_judged_risk(j, m->risks[sc.risks.v[i]]);
		if (!jr->above_appetite)
			continue;
		rv[nrv].key = -jr->score;
		rv[nrv++].ix = sc.risks.v[i];
	}
	gt_sort(rv, nrv, sizeof(*rv), by_key);
	g->above = gt_xcalloc(nrv + 1, sizeof(*g->above));
	for (i = 0; i < nrv; i++)
		g->above[g->nabove++] = m->risks[rv[i].ix];
	free(rv);
	gt_scope_free(&sc);
}

void
gt_glance_free(struct gt_glance *g)
{
	if (g == NULL)
		return;
	free(g->worse_off);
	free(g->overdue);
	free(g->above);
	free(g->better);
	free(g->worse);
}

size_t
gt_headline(const struct gt_judgement *j, const struct gt_priority *p,
    struct gt_measure **v, size_t max, size_t *total)
{
	const struct gt_model	*m = gt_judged_model(j);
	const struct gt_measure	*me;
	struct gt_scope		 sc;
	struct ranked		*rv;
	size_t			 i, n = 0, marked = 0, strategic = 0;

	gt_scope_init(&sc, m, NULL);
	gt_scope_priority(&sc, p);
	*total = sc.measures.n;
	for (i = 0; i < sc.measures.n; i++) {
		me = m->measures[sc.measures.v[i]];
		marked += me->headline != 0;
		strategic += me->level == GT_LEVEL_STRATEGIC;
	}
	rv = gt_xcalloc(sc.measures.n + 1, sizeof(*rv));
	for (i = 0; i < sc.measures.n; i++) {
		me = m->measures[sc.measures.v[i]];
		/* Chosen on purpose, else strategic ones, else any. */
		if (marked > 0 ? !me->headline : strategic > 0 &&
		    me->level != GT_LEVEL_STRATEGIC)
			continue;
		rv[n].key = marked > 0 ? 0 : (int)gt_judged_measure(j,
		    me)->status;
		rv[n++].ix = sc.measures.v[i];
	}
	gt_sort(rv, n, sizeof(*rv), by_key);
	if (n > max)
		n = max;
	for (i = 0; i < n; i++)
		v[i] = m->measures[rv[i].ix];
	free(rv);
	gt_scope_free(&sc);
	return n;
}
