/*
 * chart_spark.c: a sparkline for tables. No axes and no text (the table
 * gives the numbers); the line spans its own range, the target is a thin
 * step, and the latest figure carries its status marker. A year-to-date
 * measure is this year against last year, as its trend chart is.
 */
#include <math.h>

#include "chart_int.h"

#define SPARK_MARK	8.0

void
gt_chart_draw_spark(cairo_t *cr, double x, double y, double w, double h,
    const struct gt_chart_trend *t)
{
	const struct gt_chart_point *p = t->points;
	double	 lo = 0, hi = 0, pad = SPARK_MARK / 2 + 2, slot, py, ph;
	long	 latest = gt_chart_latest(t);
	size_t	 i, first, this_year, from, to;
	int	 open, by_year = gt_chart_by_year(t, &first, &this_year), year;

	cairo_save(cr);
	if (latest < 0 || gt_chart_trend_range(t, 0, &lo, &hi) == 0) {
		gt_chart_marker(cr, x + w - pad, y + h / 2, SPARK_MARK,
		    GT_SHAPE_RING, gt_chart_status_colours[GT_CHART_NO_DATA],
		    1);
		cairo_restore(cr);
		return;
	}
	if (hi == lo) {
		lo -= 1;
		hi += 1;
	}
	/* By year, a slot a period of the year; else a slot a point. */
	slot = (w - 2 * pad) / (by_year ? t->periods_per_year :
	    (int)t->npoints);
	py = y + pad;
	ph = h - 2 * pad;
#define SX(i)	(x + pad + ((by_year ? p[i].in_year - 1 : (double)(i)) + \
		    0.5) * slot)
#define SY(v)	(py + ph * (hi - (v)) / (hi - lo))
	/* The target as a thin step, so the line reads against it. */
	gt_chart_rgb(cr, GT_TARGET);
	cairo_set_line_width(cr, 1);
	for (open = 0, i = this_year; i < t->npoints; i++) {
		const struct gt_chart_target *g = &p[i].target;
		double	 v = t->polarity == GT_CHART_LOWER ? g->hi : g->lo;

		if (!g->set || t->polarity == GT_CHART_BAND) {
			open = 0;
			continue;
		}
		if (open)
			cairo_line_to(cr, SX(i) - slot / 2, SY(v));
		else
			cairo_move_to(cr, SX(i) - slot / 2, SY(v));
		cairo_line_to(cr, SX(i) + slot / 2, SY(v));
		open = 1;
	}
	gt_chart_paint(cr, GT_STROKE);
	cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
	/* Last year (by year) under this year: never joined across. */
	for (year = by_year; year >= 0; year--) {
		from = year ? first : this_year;
		to = year ? this_year : t->npoints;
		gt_chart_rgb(cr, year ? GT_LAST_YEAR : GT_SERIES);
		cairo_set_line_width(cr, year ? 1 : 1.5);
		for (open = 0, i = from; i < to; i++) {
			if (!gt_chart_has_value(t, i)) {
				open = 0;
				continue;
			}
			if (open)
				cairo_line_to(cr, SX(i), SY(p[i].value));
			else
				cairo_move_to(cr, SX(i), SY(p[i].value));
			open = 1;
		}
		gt_chart_paint(cr, GT_STROKE);
	}
	gt_chart_marker(cr, SX(latest), SY(p[latest].value), SPARK_MARK,
	    gt_chart_status_shape(p[latest].status),
	    gt_chart_status_colours[gt_chart_status_of(&p[latest])],
	    p[latest].flag != GT_CHART_FINAL);
#undef SX
#undef SY
	cairo_restore(cr);
}
