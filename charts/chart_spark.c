/*
 * chart_spark.c: a sparkline for tables. No axes and no text (the table
 * gives the numbers); the line spans its own range, the target is a thin
 * step, and the latest figure carries its status marker.
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
	size_t	 i;
	int	 open;

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
	slot = (w - 2 * pad) / t->npoints;
	py = y + pad;
	ph = h - 2 * pad;
#define SX(i)	(x + pad + ((i) + 0.5) * slot)
#define SY(v)	(py + ph * (hi - (v)) / (hi - lo))
	/* The target as a thin step, so the line reads against it. */
	gt_chart_rgb(cr, GT_TARGET);
	cairo_set_line_width(cr, 1);
	for (open = 0, i = 0; i < t->npoints; i++) {
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
	gt_chart_rgb(cr, GT_SERIES);
	cairo_set_line_width(cr, 1.5);
	cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
	for (open = 0, i = 0; i < t->npoints; i++) {
		if (p[i].kind != GT_CHART_VALUE || !isfinite(p[i].value)) {
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
	gt_chart_marker(cr, SX(latest), SY(p[latest].value), SPARK_MARK,
	    gt_chart_status_shape(p[latest].status),
	    gt_chart_status_colours[(unsigned)p[latest].status <
	    GT_CHART_STATUS_MAX ? p[latest].status : GT_CHART_NO_DATA],
	    p[latest].flag != GT_CHART_FINAL);
#undef SX
#undef SY
	cairo_restore(cr);
}
