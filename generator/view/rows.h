/*
 * rows.h: measures, actions and risks as the rows of a table, in words,
 * made once for every back-end (the site's tables, the packs', the status
 * table): the same figure, target, status and direction, worded the same
 * way everywhere. Each back-end chooses the columns it shows and how.
 *
 * Ownership: a row borrows the model and the judgement, which must outlive
 * it; the strings it made are freed by the matching _free().
 */
#ifndef GT_ROWS_H
#define GT_ROWS_H

#include "judge.h"
#include "words.h"

/* A measure at the judgement's period. */
struct gt_mrow {
	const struct gt_measure		*me;
	const struct gt_jmeasure	*j;
	const char			*code;	/* its code, else its id */
	char				*latest;	/* figure, or "No data" */
	char				*revised;	/* "revised from 58.9", or NULL */
	char				 period[GT_PERIOD_MAX];	/* "" if none */
	char				*target;	/* "No target"; "-" if no figure */
	const char			*direction;	/* or "Not known"; "Not
							   compared" year to date */
	const char			*direction_year;	/* a year before */
};

void	gt_mrow(struct gt_mrow *, const struct gt_judgement *,
	    const struct gt_measure *);
void	gt_mrow_free(struct gt_mrow *);

/* One period of a measure's history, up to the judgement's period. */
struct gt_hrow {
	const struct gt_obs	*obs;
	const struct gt_eval	*e;
	char			 period[GT_PERIOD_MAX];
	char			*value;		/* figure, "Withheld", ... */
	char			*target;	/* see gt_target_text */
	char			*note;		/* "Provisional. note", or "" */
	char			*revised;	/* "revised from 58.9", or NULL */
};

/* Row k (below the measure's gt_jmeasure shown) of its history. */
void	gt_hrow(struct gt_hrow *, const struct gt_judgement *,
	    const struct gt_measure *, size_t k);
void	gt_hrow_free(struct gt_hrow *);

/* An action at the judgement's period. */
struct gt_arow {
	const struct gt_action		*a;
	const struct gt_jaction		*j;
	const char			*due;		/* or "Not set" */
	char				 duebuf[64];
	char				*milestones;	/* "2 of 5 due", "None" */
	const char			*status;	/* "On track" */
};

void	gt_arow(struct gt_arow *, const struct gt_judgement *,
	    const struct gt_action *);
void	gt_arow_free(struct gt_arow *);

/* A risk, rated. */
struct gt_rrow {
	const struct gt_risk		*k;
	const struct gt_jrisk		*j;
	const char			*rating;	/* band, or "Not rated" */
	char				*target;	/* target score, or "None set" */
	const char			*target_rating;	/* its band, likewise */
	char				*controls;	/* "a; b", or NULL */
	/* The assessment before the one judged (gt_trend_words): */
	const struct gt_period		*since;		/* its period; NULL if
							   none */
	int				 was;		/* its score */
};

void	gt_rrow(struct gt_rrow *, const struct gt_judgement *,
	    const struct gt_risk *);
void	gt_rrow_free(struct gt_rrow *);

/* Row k (below the risk's gt_jrisk shown) of its score history. */
struct gt_rhrow {
	const struct gt_riskobs		*h;
	char				*score;		/* "20 Very high" */
	const char			*note;		/* or "" */
};

void	gt_rhrow(struct gt_rhrow *, const struct gt_judgement *,
	    const struct gt_risk *, size_t k);
void	gt_rhrow_free(struct gt_rhrow *);

/*
 * A measure's targets for whole years, from the year the judgement's
 * period is in (its year-end target) on.
 */
struct gt_trow {
	char		 period[GT_PERIOD_MAX];
	char		*target;
	int		 current;	/* the year of the as-at period */
};

struct gt_trows {
	struct gt_trow	*v;
	size_t		 n;
	char		*year_end;	/* this year's target, or "No target" */
	char		*future;	/* "2026/27: 260; 2027/28: 280", or
					   "None set" */
};

void	gt_trows(struct gt_trows *, const struct gt_judgement *,
	    const struct gt_measure *);
void	gt_trows_free(struct gt_trows *);

/* One change since the last report (judge.h), judged now. */
struct gt_crow {
	const struct gt_change		*c;
	const char			*id;
	const char			*title;
	char				 period[GT_PERIOD_MAX];	/* the figure's,
							   for measures */
	const struct gt_period		*when;		/* the same; NULL if
							   none */
	char				*from, *to;	/* "Off target", "16" */
	const char			*detail;	/* why, as now judged */
};

void	gt_crow(struct gt_crow *, const struct gt_judgement *now,
	    const struct gt_change *);
void	gt_crow_free(struct gt_crow *);

/* A directorate's (or the total's) budget, forecast and variance. */
struct gt_brow {
	const struct gt_jbudget		*b;
	const char			*name;		/* or "Total" */
	char				*budget, *forecast;
	char				*variance;	/* "+£1,090,000" */
	char				*percent;	/* "+23.6%", or "-" */
	const char			*status;	/* "Over budget" */
};

void	gt_brow(struct gt_brow *, const struct gt_jbudget *);
void	gt_brow_free(struct gt_brow *);

#endif
