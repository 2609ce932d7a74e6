/*
 * chart_progress.c: an action's milestones done of total as a bar, with
 * its status as shape and words above it.
 */
#include <math.h>
#include <stdio.h>

#include "chart_int.h"

#define MARK	10.0

void
gt_chart_draw_progress(cairo_t *cr, double x, double y, double w, double h,
    const struct gt_chart_progress *p)
{
	enum gt_chart_action st = (unsigned)p->status < GT_CHART_ACTION_MAX ?
	    p->status : GT_CHART_NOT_STARTED;
	uint32_t	 colour = gt_chart_action_colours[st];
	PangoContext	*pc;
	PangoLayout	*l, *r;
	double		 top = y, th, rw, bh, bw, done;
	size_t		 i;
	char		 buf[96];

	cairo_save(cr);
	if ((pc = gt_chart_pango(cr)) == NULL) {
		cairo_restore(cr);
		return;
	}
	if (p->title != NULL) {
		l = gt_chart_text(pc, p->title, 13, 1, w, 2);
		gt_chart_text_size(l, NULL, &th);
		gt_chart_show(cr, l, x, top, 0, 0, GT_INK, 0);
		g_object_unref(l);
		top += th + 4;
	}
	if (p->total == 0)
		snprintf(buf, sizeof(buf), "No milestones");
	else
		snprintf(buf, sizeof(buf), "%zu of %zu milestone%s",
		    p->done > p->total ? p->total : p->done, p->total,
		    p->total == 1 ? "" : "s");
	r = gt_chart_text(pc, buf, GT_TEXT_MIN, 0, 0, 1);
	gt_chart_text_size(r, &rw, &th);
	l = gt_chart_text(pc, gt_chart_action_label(st), GT_TEXT_MIN, 1,
	    w - rw - MARK - 16, 1);
	gt_chart_marker(cr, x + MARK / 2 + 1, top + th / 2, MARK,
	    gt_chart_action_shape(st), colour, 0);
	gt_chart_show(cr, l, x + MARK + 6, top + th / 2, 0, 0.5, GT_INK, 0);
	gt_chart_show(cr, r, x + w, top + th / 2, 1, 0.5, GT_INK, 0);
	g_object_unref(l);
	g_object_unref(r);
	top += th + 4;
	bh = fmin(14, y + h - top);
	if (p->total == 0 || bh < 4)
		goto done;
	bw = w - 1;
	done = bw * (double)(p->done > p->total ? p->total : p->done) /
	    (double)p->total;
	gt_chart_rgb(cr, colour);
	cairo_rectangle(cr, x + 0.5, top, done, bh);
	gt_chart_paint(cr, GT_FILL);
	/* Divisions let the milestones be counted, while they are few. */
	if (p->total <= 20 && bw / (double)p->total >= 6) {
		cairo_set_line_width(cr, 1);
		for (i = 1; i < p->total; i++) {
			double	 dx = round(x + 0.5 + bw * (double)i /
			    (double)p->total) + 0.5;

			gt_chart_rgb(cr, dx < x + 0.5 + done ? GT_PAPER :
			    GT_AXIS);
			cairo_move_to(cr, dx, top);
			cairo_line_to(cr, dx, top + bh);
			gt_chart_paint(cr, GT_STROKE);
		}
	}
	gt_chart_rgb(cr, GT_AXIS);
	cairo_set_line_width(cr, 1);
	cairo_rectangle(cr, x + 0.5, top + 0.5, bw, bh - 1);
	gt_chart_paint(cr, GT_STROKE);
done:
	g_object_unref(pc);
	cairo_restore(cr);
}
