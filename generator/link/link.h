/*
 * link.h: the link stage. After every file is read, index the ids, resolve
 * every reference, and check the golden thread: each measure, action and
 * risk reaches a priority through its objectives. Problems are reported
 * through gt_msg(); the stage always runs to the end to find them all.
 */
#ifndef GT_LINK_H
#define GT_LINK_H

#include "model.h"

/* Link and validate m in place. Returns 0, or -1 if any error was found. */
int	gt_link(struct gt_model *m);

/*
 * The part of gt_link() for report packs (link_report.c), run after each
 * pack's period and scope are resolved: risk histories and mitigating
 * actions, finance rows, each pack's composition (the audience's defaults
 * for what its section leaves out) and the period it compares with.
 */
void	gt_link_report(struct gt_model *m);

/* Objects by id, after gt_link(); NULL if there is none. */
struct gt_priority	*gt_priority_get(const struct gt_model *, const char *);
struct gt_objective	*gt_objective_get(const struct gt_model *, const char *);
struct gt_measure	*gt_measure_get(const struct gt_model *, const char *);
struct gt_action	*gt_action_get(const struct gt_model *, const char *);
struct gt_risk		*gt_risk_get(const struct gt_model *, const char *);

/* Compare ids so that "HS2" sorts before "HS10". */
int	gt_id_cmp(const char *, const char *);

#endif
