/*
 * status.h: the status stage. Runs on a linked model without errors and
 * judges every measure, action and risk at an as-at period, storing the
 * results in the model (the "Computed by status.c" fields) for renderers.
 *
 * The rules, as the README states them for performance officers:
 *
 * Which figure: the latest period ending at or before the as-at period
 * that has a figure; blank ("not yet available") rows are skipped. If that
 * figure is withheld ("<5", "c") the status is "suppressed" (the latest
 * wins, even over an older number); with no figure at all, "no data".
 * Provisional and estimated figures count, and the explanation says so.
 *
 * Target for a period: a target set for that exact period; otherwise the
 * target of the year it belongs to (a quarter or month belongs to its
 * financial year; annual figures match the year key of their own kind,
 * 2024/25, 2024 or AY2024/25). A cumulative (year-to-date) measure with
 * only a year target is compared with a straight-line profile: quarter n
 * of 4 with n/4 of the year's target, month n of 12 with n/12. No target:
 * "no target".
 *
 * Status of a figure v against target t, both first rounded to the
 * measure's decimals (so the status agrees with the figures shown), with
 * tolerance tol = |t| x p / 100 (relative, "5%") or tol = a (absolute,
 * "2"; percentage points for a % measure):
 *   higher is better  v >= t on target; v >= t - tol within tolerance
 *   lower is better   v <= t on target; v <= t + tol within tolerance
 *   band [lo, hi]     lo <= v <= hi on target; within tolerance of the
 *                     nearer edge (relative: of that edge) within tolerance
 *   otherwise off target. A zero target has no relative tolerance: with
 *   one, a figure is on or off target. Negative targets use |t|.
 *
 * Direction of travel compares the figure (rounded as shown) with the
 * previous period's (the period just before it, not merely the previous
 * row: if that period has no figure, there is no direction; for a
 * biennial measure the survey two years before) and with the same period
 * a year earlier (none for biennial measures). Improving and worsening
 * follow the polarity; for a band, nearer to or further from the latest
 * range (no direction without a range). A change no larger than [status]
 * no_change percent of the earlier figure is "no change" (default 0: only
 * equal figures). Cumulative figures restart each year, so they have a
 * direction only against a year earlier.
 *
 * Late: the latest figure is for an earlier period than the one the
 * measure should have reached at the as-at period, allowing [status]
 * lag_monthly, lag_quarterly, lag_annual, lag_biennial months for figures
 * to arrive (defaults 0, 0, 6, 6). A biennial measure should have reached
 * the latest year of its own series' parity. A measure with no figure at
 * all is late (its status already says "no data").
 *
 * Actions: the status of the latest progress row at or before the as-at
 * period (none: not started). An action not complete whose due date is
 * before the last day of the as-at period is overdue. There is no record
 * of milestones met, so milestones due by that day are counted, and are
 * overdue unless the action is complete or on track (and not overdue).
 *
 * Risks: score = likelihood x impact, rated by the [status] risk_bands;
 * the gap is score - target score; above appetite when the score exceeds
 * [status] risk_appetite (if set).
 *
 * Every measure, action and risk gets one plain-English sentence saying
 * how its status was decided (en-GB figures, months and dates in words).
 */
#ifndef GT_STATUS_H
#define GT_STATUS_H

#include "model.h"

/* Judge everything at the site's as-at period. */
void	gt_status(struct gt_model *);

/*
 * Judge everything again at another as-at period (a pack's): every
 * computed field, objective and priority roll-ups included, is replaced.
 */
void	gt_status_at(struct gt_model *, const struct gt_period *as_at);

/*
 * A set of measures, actions and risks counted together, each once however
 * many ways it is reached (a pack's priorities, portfolios and tags may
 * overlap). Start from all zero; what is added is counted with the status
 * it has then. The maps hold the members by id, for asking "is this in?".
 */
struct gt_scope {
	struct gt_map		 measures, actions, risks;
	struct gt_rollup	 rollup;
};

/* An objective with everything under it and under its sub-objectives. */
void	gt_scope_objective(struct gt_scope *, const struct gt_objective *);
void	gt_scope_priority(struct gt_scope *, const struct gt_priority *);
/* Objectives of a Cabinet portfolio (exact name), with their sub-objectives. */
void	gt_scope_portfolio(struct gt_scope *, const struct gt_model *,
	    const char *portfolio);
/* Objectives with the tag (with everything under them), measures and actions with it. */
void	gt_scope_tag(struct gt_scope *, const struct gt_model *,
	    const char *tag);
void	gt_scope_measure(struct gt_scope *, const struct gt_measure *);
void	gt_scope_action(struct gt_scope *, const struct gt_action *);
void	gt_scope_risk(struct gt_scope *, const struct gt_risk *);
/* A report pack: its priorities, portfolios and tags; the whole plan if none. */
void	gt_scope_pack(struct gt_scope *, const struct gt_model *,
	    const struct gt_pack *);
void	gt_scope_free(struct gt_scope *);

/*
 * The target for period p, profiled for year-to-date measures: 1 with the
 * target (a range if banded) in *lo and *hi, or 0 if none applies.
 */
int	gt_status_target(const struct gt_model *, const struct gt_measure *,
	    const struct gt_period *, double *lo, double *hi);
/* How far a figure may miss a target edge and still be within tolerance. */
double	gt_status_slack(const struct gt_model *, const struct gt_measure *,
	    double edge);

/* A period as residents read it ("September 2025"); a date ("30 September 2025"). */
char	*gt_period_words(const struct gt_period *, char *, size_t);
char	*gt_date_words(const struct gt_date *, char *, size_t);

/*
 * Figures as people read them, malloc'd (the caller frees): a number in
 * the measure's unit ("72.8%"); a value, or "Withheld" or "Not
 * available"; a target, a range "60% to 70%" if banded, or "No target".
 */
char	*gt_figure_number(const struct gt_measure *, double);
char	*gt_figure_text(const struct gt_measure *, const struct gt_value *);
char	*gt_target_text(const struct gt_measure *, int has, double lo,
	    double hi);
/*
 * A roll-up in words: "14 measures: 5 off target, 6 within tolerance, 3
 * on target. 7 actions, 2 overdue."; with more, directions and late
 * figures too. The caller frees.
 */
char	*gt_rollup_words(const struct gt_rollup *, int more);
/* The shape that goes with a status in words, so colour is never alone. */
const char	*gt_status_symbol(enum gt_status);
const char	*gt_astatus_symbol(enum gt_astatus);

/* Names for data ("on-target") and words for people ("On target"). */
const char	*gt_status_name(enum gt_status);
const char	*gt_status_label(enum gt_status);
const char	*gt_dir_name(enum gt_dir);
const char	*gt_dir_label(enum gt_dir);

#endif
