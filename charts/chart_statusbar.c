/*
 * chart_statusbar.c: measures under a priority or objective by status, as
 * one stacked bar with a count and the status shape in each segment that
 * has room, and a key that names every status shown.
 */
#include <math.h>
#include <stdio.h>

#include "chart_int.h"

#define SEG_MIN		8.0	/* a segment for one measure stays visible */
#define SEG_GAP		2.0
#define CHIP		18.0	/* white disc behind a segment's marker */
#define KEY_MARK	10.0

/*
 * Segment widths for counts n[] in width w: in proportion, but none that
 * is not empty narrower than SEG_MIN (the rest shrink to make room).
 */
static void
widths(const size_t *n, double w, double *out)
{
	double	 free_w, rest;
	size_t	 i;
	int	 nseg = 0, pinned[GT_CHART_STATUS_MAX] = { 0 }, again = 1;

	for (i = 0; i < GT_CHART_STATUS_MAX; i++)
		nseg += n[i] > 0;
	free_w = w - SEG_GAP * (nseg - 1);
	while (again) {
		again = 0;
		rest = 0;
		for (i = 0; i < GT_CHART_STATUS_MAX; i++)
			if (n[i] > 0 && !pinned[i])
				rest += (double)n[i];
		for (i = 0; i < GT_CHART_STATUS_MAX; i++) {
			out[i] = n[i] == 0 ? 0 : pinned[i] ? SEG_MIN :
			    free_w * (double)n[i] / rest;
			if (n[i] > 0 && !pinned[i] && out[i] < SEG_MIN) {
				pinned[i] = 1;
				free_w -= SEG_MIN;
				again = 1;
			}
		}
	}
}

/*
 * The key (shape, name and count of every status present) in rows of
 * width w from x, y; drawn if draw is set. Returns its height.
 */
static double
key(cairo_t *cr, PangoContext *pc, const struct gt_chart_statusbar *s,
    double x, double y, double w, int draw)
{
	PangoLayout	*l;
	double		 kx = x, ky = y, row = 18, tw;
	char		 buf[64];
	size_t		 i;

	for (i = 0; i < GT_CHART_STATUS_MAX; i++) {
		if (s->counts[i] == 0)
			continue;
		snprintf(buf, sizeof(buf), "%s: %zu",
		    gt_chart_status_label(i), s->counts[i]);
		l = gt_chart_text(pc, buf, GT_TEXT_MIN, 0, 0, 1);
		gt_chart_text_size(l, &tw, NULL);
		if (kx > x && kx + KEY_MARK + 6 + tw > x + w) {
			ky += row;
			kx = x;
		}
		if (draw) {
			gt_chart_marker(cr, kx + KEY_MARK / 2, ky + row / 2,
			    KEY_MARK, gt_chart_status_shape(i),
			    gt_chart_status_colours[i], 0);
			gt_chart_show(cr, l, kx + KEY_MARK + 6, ky + row / 2,
			    0, 0.5, GT_INK, 0);
		}
		g_object_unref(l);
		kx += KEY_MARK + 6 + tw + 16;
	}
	return ky - y + row;
}

void
gt_chart_draw_statusbar(cairo_t *cr, double x, double y, double w, double h,
    const struct gt_chart_statusbar *s)
{
	PangoContext	*pc;
	PangoLayout	*l;
	double		 top = y, seg[GT_CHART_STATUS_MAX], bh, kh, tw, th, sx;
	size_t		 i, total = 0;
	char		 buf[64];

	cairo_save(cr);
	if ((pc = gt_chart_pango(cr)) == NULL) {
		cairo_restore(cr);
		return;
	}
	if (s->title != NULL) {
		l = gt_chart_text(pc, s->title, GT_TEXT_TITLE, 1, w, 2);
		gt_chart_text_size(l, NULL, &th);
		gt_chart_show(cr, l, x, top, 0, 0, GT_INK, 0);
		g_object_unref(l);
		top += th + 8;
	}
	for (i = 0; i < GT_CHART_STATUS_MAX; i++)
		total += s->counts[i];
	if (total == 0) {
		gt_chart_message(cr, pc, x, top, w, y + h - top,
		    "No measures to summarise");
		goto done;
	}
	/* The key's height first: it sits under the bar. */
	kh = key(cr, pc, s, x, 0, w, 0);
	bh = fmin(32, fmax(16, y + h - top - kh - 8));
	widths(s->counts, w, seg);
	for (sx = x, i = 0; i < GT_CHART_STATUS_MAX; i++) {
		uint32_t	 fill = gt_chart_status_colours[i];
		double		 need;

		if (s->counts[i] == 0)
			continue;
		gt_chart_rgb(cr, fill);
		cairo_rectangle(cr, sx, top, seg[i], bh);
		gt_chart_paint(cr, GT_FILL);
		snprintf(buf, sizeof(buf), "%zu", s->counts[i]);
		l = gt_chart_text(pc, buf, GT_TEXT_MIN, 1, 0, 1);
		gt_chart_text_size(l, &tw, &th);
		need = CHIP + 4 + tw + 8;
		if (need <= seg[i] && bh >= CHIP + 2) {
			double	 cx = sx + (seg[i] - need) / 2 + 4;

			gt_chart_rgb(cr, GT_PAPER);
			cairo_arc(cr, cx + CHIP / 2, top + bh / 2, CHIP / 2, 0,
			    2 * M_PI);
			gt_chart_paint(cr, GT_FILL);
			gt_chart_marker(cr, cx + CHIP / 2, top + bh / 2,
			    KEY_MARK, gt_chart_status_shape(i), fill, 0);
			gt_chart_show(cr, l, cx + CHIP + 4, top + bh / 2, 0,
			    0.5, gt_chart_text_on(fill), 0);
		}
		g_object_unref(l);
		sx += seg[i] + SEG_GAP;
	}
	key(cr, pc, s, x, top + bh + 8, w, 1);
done:
	g_object_unref(pc);
	cairo_restore(cr);
}
