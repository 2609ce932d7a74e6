/*
 * chartdata.h: the charts' inputs (charts/chart.h) made from the finished
 * model and a judgement of it, for every back-end (site, PDF, the chart
 * command). Charts never see the model; these adapters are the one place
 * that knows both.
 *
 * Ownership: each *_data struct owns the arrays and strings it made; the
 * model and judgement are borrowed and must outlive it. Free with the
 * matching _free().
 */
#ifndef GT_CHARTDATA_H
#define GT_CHARTDATA_H

#include "chart.h"
#include "judge.h"

/*
 * A measure's trend: one point per period from its first figure to its
 * latest at or before the judgement's as-at period (none skipped: a
 * missing period is a gap), with targets, tolerance and the comparator
 * series published by then; titled by its chart_title (the measure's
 * title under it) or its title; its source, organisation and latest
 * period in a footer (trend.source: set it to NULL to leave it out);
 * drawn a line a year if cumulative; comparators named as lines by the
 * measure's chart_comparators, else site.conf's, else a national group
 * ("England") and a group average ("... average", "median", "mean").
 */
struct gt_trend_data {
	struct gt_chart_trend		 trend;
	struct gt_chart_point		*points;
	char				*source;
	char				*labels;	/* GT_PERIOD_MAX each */
	char				*said;	/* GT_WORDS_PERIOD_MAX each */
	struct gt_chart_comparator	*comparators;
	double				*values;	/* per comparator */
};

void	gt_trend_data(struct gt_trend_data *, const struct gt_judgement *,
	    const struct gt_measure *);
void	gt_trend_data_free(struct gt_trend_data *);

/* Counts by status of a roll-up. */
void	gt_statusbar_data(struct gt_chart_statusbar *, const char *title,
	    const struct gt_rollup *);

/* The risk heat map of the given risks, with the site's rating bands. */
struct gt_heatmap_data {
	struct gt_chart_heatmap	 heatmap;
	struct gt_chart_band	*bands;
	struct gt_chart_risk	*risks;
};

void	gt_heatmap_data(struct gt_heatmap_data *, const struct gt_model *,
	    struct gt_risk *const *, size_t);
/* The same, each risk at the score it is judged at (its history's). */
void	gt_heatmap_at(struct gt_heatmap_data *, const struct gt_judgement *,
	    struct gt_risk *const *, size_t);
void	gt_heatmap_data_free(struct gt_heatmap_data *);

/* An action's milestones: done (due and not overdue, or all if complete). */
void	gt_progress_data(struct gt_chart_progress *,
	    const struct gt_judgement *, const struct gt_action *);

#endif
