/*
 * link_int.h: shared by the link stage's files (link.c: ids, the golden
 * thread, targets, packs; link_rows.c: the data rows; link_report.c:
 * what report packs add).
 */
#ifndef GT_LINK_INT_H
#define GT_LINK_INT_H

#include "link.h"

#define ADD(arr, n, item) do {						\
	(arr) = gt_xrealloc((arr), ((n) + 1) * sizeof(*(arr)));		\
	(arr)[(n)++] = (item);						\
} while (0)

/* A measure by id, or else by its published code; NULL if neither. */
struct gt_measure *gt_measure_find(const struct gt_model *, const char *);
/* The measure a data row names, or NULL (reported, unless its file broke). */
struct gt_measure *gt_link_measure(struct gt_model *, const struct gt_ref *);
/*
 * A data row's period read again in the light of its measure, as ps says
 * (ps NULL: as it was read); gt_link_period also checks that it fits the
 * measure's frequency. 1, or 0 (reported at loc).
 */
int	gt_link_reread(struct gt_model *, const struct gt_measure *,
	    struct gt_period *, const struct gt_period_src *ps,
	    const struct gt_loc *loc);
int	gt_link_period(struct gt_model *, const struct gt_measure *,
	    struct gt_period *, const struct gt_period_src *ps,
	    const struct gt_loc *loc);
/* "a month", "a quarter", ... for messages. */
const char *gt_ptype_name(enum gt_ptype);

/*
 * Each measure's figures (one a period: repeats and revisions settled)
 * and comparators; the groups' figures, targets and claims of exports;
 * then warnings for the implausible: a percentage's figures that look
 * like fractions, a comparator on another scale from the measure's own.
 */
void	gt_link_obs(struct gt_model *);
void	gt_link_comparators(struct gt_model *);
void	gt_link_imports(struct gt_model *);
void	gt_link_plausible(struct gt_model *);

#endif
