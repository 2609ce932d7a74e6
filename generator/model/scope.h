/*
 * scope.h: a set of measures, actions and risks, each once however many
 * ways it is reached (a pack's priorities, portfolios and tags overlap; a
 * measure may serve two objectives of one priority): what a pack, a
 * portfolio page or a priority within a pack covers. The link pass gives
 * each pack its scope; back-ends make others as they need them, and the
 * judge counts a scope's members by status (gt_judge_rollup).
 *
 * Members are listed by their index in the model (the ix the link pass
 * sets), in the order they were added, and marked in tables by a
 * generation, so that a scope is emptied in no time and used again (the
 * judge rolls up thousands of objectives with one). A scope may be made
 * within another: then only the other's members are added.
 *
 * Ownership: a scope owns its tables and lists and borrows nothing; start
 * with gt_scope_init() on a linked model, end with gt_scope_free().
 */
#ifndef GT_SCOPE_H
#define GT_SCOPE_H

#include "model.h"

struct gt_members {
	unsigned	*mark;		/* per model index: gen if a member */
	size_t		*v;		/* the members' indexes, as added */
	size_t		 n;
	size_t		 size;		/* of the model's objects */
};

struct gt_scope {
	struct gt_members	 measures, actions, risks;
	unsigned		 gen;
	const struct gt_scope	*within;	/* NULL: anything may be added */
};

void	gt_scope_init(struct gt_scope *, const struct gt_model *,
	    const struct gt_scope *within);
/* Empty it, keeping its tables. */
void	gt_scope_clear(struct gt_scope *);
void	gt_scope_free(struct gt_scope *);

void	gt_scope_measure(struct gt_scope *, const struct gt_measure *);
void	gt_scope_action(struct gt_scope *, const struct gt_action *);
void	gt_scope_risk(struct gt_scope *, const struct gt_risk *);
/* An objective with everything under it and under its sub-objectives. */
void	gt_scope_objective(struct gt_scope *, const struct gt_objective *);
void	gt_scope_priority(struct gt_scope *, const struct gt_priority *);
/* Objectives of a Cabinet portfolio (exact name), with their sub-objectives. */
void	gt_scope_portfolio(struct gt_scope *, const struct gt_model *,
	    const char *portfolio);
/* Objectives with the tag (with everything under them), measures and actions with it. */
void	gt_scope_tag(struct gt_scope *, const struct gt_model *,
	    const char *tag);
/*
 * A report pack: its priorities, portfolios and tags (the whole plan if
 * none), with only the measures of its level if it sets one.
 */
void	gt_scope_pack(struct gt_scope *, const struct gt_model *,
	    const struct gt_pack *);

int	gt_scope_has_measure(const struct gt_scope *, const struct gt_measure *);
int	gt_scope_has_action(const struct gt_scope *, const struct gt_action *);
int	gt_scope_has_risk(const struct gt_scope *, const struct gt_risk *);
/* Whether anything under the objective (or the priority) is a member. */
int	gt_scope_has_objective(const struct gt_scope *,
	    const struct gt_objective *);
int	gt_scope_has_priority(const struct gt_scope *,
	    const struct gt_priority *);

#endif
