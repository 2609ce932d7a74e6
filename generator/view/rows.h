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
	const char			*direction;	/* or "Not known" */
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
};

void	gt_rrow(struct gt_rrow *, const struct gt_judgement *,
	    const struct gt_risk *);
void	gt_rrow_free(struct gt_rrow *);

#endif
