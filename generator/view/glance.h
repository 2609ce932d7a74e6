/*
 * glance.h: what a reader sees first, chosen once for every back-end (the
 * site's home page now, a pack's summary later): the whole plan's
 * position, its exceptions, the biggest movers since the previous period,
 * and each priority's headline measures.
 *
 * Exceptions: measures off target and getting worse (against the previous
 * period, or a year earlier for year-to-date measures), strategic ones
 * first; actions overdue; risks above the appetite, highest score first. Movers: measures whose latest figure
 * moved furthest, relative to the figure of the period before, among
 * those improving and those worsening (figures as shown, rounded; none
 * from a zero). Headline measures of a priority: those marked headline
 * under it (sub-objectives included), else its strategic measures, off
 * target first, then within tolerance, on target, no target, suppressed,
 * no data; within a status in the model's order.
 *
 * Lists hold the model's own pointers, as its lists do.
 *
 * Ownership: a glance borrows the judgement and its model, which must
 * outlive it; gt_glance_free() frees its lists.
 */
#ifndef GT_GLANCE_H
#define GT_GLANCE_H

#include "judge.h"

struct gt_mover {
	const struct gt_measure	*me;
	double			 change;	/* (latest - previous) / |previous| */
};

struct gt_glance {
	struct gt_rollup	  all;		/* the whole plan */
	struct gt_measure	**worse_off;	/* off target and worsening */
	size_t			  nworse_off;
	struct gt_action	**overdue;
	size_t			  noverdue;
	struct gt_risk		**above;	/* above appetite, highest first */
	size_t			  nabove;
	struct gt_mover		 *better, *worse;	/* largest change first */
	size_t			  nbetter, nworse;
};

/* At most movers of each kind. */
void	gt_glance(struct gt_glance *, const struct gt_judgement *,
	    size_t movers);
void	gt_glance_free(struct gt_glance *);

/*
 * A priority's headline measures, at most max of them, into v (room for
 * max); returns how many. *total: how many measures the priority has.
 */
size_t	gt_headline(const struct gt_judgement *, const struct gt_priority *,
	    struct gt_measure **v, size_t max, size_t *total);

#endif
