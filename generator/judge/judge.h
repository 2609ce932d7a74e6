/*
 * judge.h: the judge stage. A pure function of a linked model and an
 * as-at period: it judges every measure, action and risk and rolls them
 * up, into a judgement of its own, and changes nothing else. Several
 * judgements can stand at once (the site's, each pack's, the period
 * before); every back-end reads the model and a judgement, both const.
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
 * [status] risk_appetite (if set). The likelihood and impact are those of
 * the risk's latest history row at or before the as-at period, or its
 * own (the current assessment) if it has none by then.
 *
 * Finance (finance.c): each directorate's latest row at or before the
 * as-at period; variance = forecast - budget, as an amount and a
 * percentage of the budget; over or under budget when the variance is
 * more than [status] budget_tolerance (a percentage of the budget, or an
 * amount), else on budget.
 *
 * Exceptions (exceptions.c): a measure off target, worsening (against the
 * previous period, or for a year-to-date measure a year earlier) or with
 * its figures late; an action overdue; a risk above appetite.
 *
 * Every measure, action and risk gets one plain-English sentence saying
 * how its status was decided (in the words of words.h).
 *
 * Published: what a back-end shows of a measure's figures and an action's
 * progress is what is known at the as-at period, no later (gt_shown_*).
 *
 * Ownership: gt_judge() returns a judgement that borrows the model (which
 * must outlive it) and owns everything else; free it with
 * gt_judgement_free(). Pointers the accessors return are the judgement's.
 */
#ifndef GT_JUDGE_H
#define GT_JUDGE_H

#include "model.h"
#include "scope.h"

/* Where a measure's latest figure ranks among a group's (an import's). */
struct gt_rank {
	const char		*group;		/* the model's */
	size_t			 rank, of;	/* 1 is the best */
	int			 quartile;	/* 1 top .. 4 bottom */
};

/* A measure at the as-at period. */
struct gt_jmeasure {
	struct gt_eval		*evals;		/* parallel to the measure's obs */
	const struct gt_eval	*latest;	/* NULL: no data */
	enum gt_status		 status;
	enum gt_dir		 dir_prev, dir_year;
	const struct gt_obs	*prev, *year_ago;	/* compared with */
	int			 late;
	struct gt_period	 expected;	/* the period it should reach */
	char			*explanation;
	size_t			 shown;		/* obs up to the as-at period */
	struct gt_rank		*ranks;		/* in its groups, best first */
	size_t			 nranks;
};

/* An action at the as-at period. */
struct gt_jaction {
	const struct gt_progress *latest;	/* NULL: no progress yet */
	enum gt_astatus		 status;
	size_t			 milestones_due;	/* by the as-at date */
	size_t			 milestones_overdue;
	char			*explanation;
	size_t			 shown;		/* progress rows up to it */
};

/* A risk, rated. */
struct gt_jrisk {
	int			 likelihood, impact;	/* at the as-at period */
	const struct gt_riskobs	*assessed;	/* the row; NULL: the risk's own */
	size_t			 shown;		/* history rows up to it */
	int			 score, target_score;
	int			 gap;		/* score - target_score */
	size_t			 band, target_band;	/* in the conf's bands */
	int			 above_appetite;
	char			*explanation;
};

/* A forecast against its budget. */
enum gt_budget {
	GT_BUDGET_OVER = 0,
	GT_BUDGET_UNDER,
	GT_BUDGET_ON,
	GT_BUDGET_NO_DATA,	/* a figure is not available */
	GT_BUDGET_MAX
};

struct gt_jbudget {
	const char		*directorate;	/* NULL: the total */
	const struct gt_finance	*row;		/* NULL: the total */
	double			 budget, forecast;
	double			 variance;	/* forecast - budget */
	double			 percent;	/* of the budget */
	int			 has_percent;	/* the budget is not 0 */
	enum gt_budget		 status;
	char			*explanation;
};

/* The finance rows of the latest period with any, by the as-at period. */
struct gt_jfinance {
	struct gt_period	 period;	/* type NONE: none by then */
	struct gt_jbudget	*rows;		/* as the data first lists them */
	size_t			 n;
	struct gt_jbudget	 total;
};

struct gt_judgement;

struct gt_judgement	*gt_judge(const struct gt_model *,
			    const struct gt_period *as_at);
void			 gt_judgement_free(struct gt_judgement *);

const struct gt_model	*gt_judged_model(const struct gt_judgement *);
const struct gt_period	*gt_judged_as_at(const struct gt_judgement *);
const struct gt_jmeasure *gt_judged_measure(const struct gt_judgement *,
			    const struct gt_measure *);
const struct gt_jaction	*gt_judged_action(const struct gt_judgement *,
			    const struct gt_action *);
const struct gt_jrisk	*gt_judged_risk(const struct gt_judgement *,
			    const struct gt_risk *);
const struct gt_jfinance	*gt_judged_finance(const struct gt_judgement *);
/* With everything under them (sub-objectives, each member once). */
const struct gt_rollup	*gt_judged_objective(const struct gt_judgement *,
			    const struct gt_objective *);
const struct gt_rollup	*gt_judged_priority(const struct gt_judgement *,
			    const struct gt_priority *);
/* The members of a scope counted by what they are judged. */
void			 gt_judge_rollup(const struct gt_judgement *,
			    const struct gt_scope *, struct gt_rollup *);

/*
 * What a linked model earns once its figures are judged, into d: each
 * figure its source gave a status (an export's RAG column) that differs
 * from goldthread's, at the source's status. Changes nothing.
 */
void			 gt_judge_check(const struct gt_model *,
			    struct gt_diag *);

/* Whether a period is published at the as-at period (ends by its end). */
int			 gt_shown_period(const struct gt_judgement *,
			    const struct gt_period *);

/*
 * The target for period p, profiled for year-to-date measures: 1 with the
 * target (a range if banded) in *lo and *hi, or 0 if none applies.
 */
int	gt_judge_target(const struct gt_model *, const struct gt_measure *,
	    const struct gt_period *, double *lo, double *hi);
/* How far a figure may miss a target edge and still be within tolerance. */
double	gt_judge_slack(const struct gt_model *, const struct gt_measure *,
	    double edge);

/*
 * since.c: what changed between two judgements of one model, then (an
 * earlier period: the last report's) and now, among the members of a
 * scope (NULL: everything). A measure's status changed (from, to: enum
 * gt_status); its figures newly late; a figure marked revised for a
 * period already reported by then; an action completed or newly overdue
 * (enum gt_astatus); a risk's score moved (scores). In the model's order,
 * by kind.
 */
enum gt_change_kind {
	GT_CHANGE_STATUS = 0,
	GT_CHANGE_LATE,
	GT_CHANGE_RESTATED,
	GT_CHANGE_COMPLETED,
	GT_CHANGE_OVERDUE,
	GT_CHANGE_SCORE,
	GT_CHANGE_MAX
};

struct gt_change {
	enum gt_change_kind	 kind;
	const struct gt_measure	*me;	/* STATUS, LATE, RESTATED */
	const struct gt_obs	*obs;	/* RESTATED: the revised figure */
	const struct gt_action	*a;	/* COMPLETED, OVERDUE */
	const struct gt_risk	*k;	/* SCORE */
	int			 from, to;
	int			 better;	/* 1 better, -1 worse, 0 neither */
};

struct gt_changes {
	struct gt_period	 since, as_at;
	struct gt_change	*v;
	size_t			 n;
	size_t			 count[GT_CHANGE_MAX];
	size_t			 better, worse;	/* status and score changes */
};

void	gt_changes(struct gt_changes *, const struct gt_judgement *now,
	    const struct gt_judgement *then, const struct gt_scope *);
void	gt_changes_free(struct gt_changes *);

/* finance.c: the finance part of gt_judge(), and its release. */
void	gt_judge_finance(const struct gt_model *, const struct gt_period *,
	    struct gt_jfinance *);
/* One finance row judged alone; free its explanation. */
void	gt_judge_budget(const struct gt_model *, const struct gt_finance *,
	    struct gt_jbudget *);
void	gt_jfinance_free(struct gt_jfinance *);

/* exceptions.c: why each is an exception at its judgement's period. */
enum {
	GT_EXC_OFF_TARGET = 1,
	GT_EXC_WORSENING = 2,
	GT_EXC_LATE = 4
};
/* GT_EXC_ bits for a measure; 0 if it is not an exception. */
unsigned	gt_exception_measure(const struct gt_judgement *,
		    const struct gt_measure *);
int		gt_exception_action(const struct gt_judgement *,
		    const struct gt_action *);
int		gt_exception_risk(const struct gt_judgement *,
		    const struct gt_risk *);
/* Worsening against the period before, or a year-to-date measure's year. */
int		gt_worsening(const struct gt_measure *,
		    const struct gt_jmeasure *);
/*
 * Warn (GT_W_NO_COMMENTARY, at the figure's row) for each strategic
 * measure off target at the judgement's period whose figure has neither
 * a note nor a response.
 */
void		gt_check_commentary(const struct gt_judgement *,
		    struct gt_diag *);

#endif
