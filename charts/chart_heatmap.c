/*
 * chart_heatmap.c: the 5x5 risk matrix. Likelihood runs left to right,
 * impact bottom to top; each cell has its band's colour and its score
 * written in the corner (so the band never rests on colour alone), each
 * risk sits in its current cell as a labelled box, with an arrow to a
 * dashed box at its target score.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "chart_int.h"
#include "util.h"

#define N		5
#define PILL_H		20.0
#define PILL_PAD	5.0
#define CELL_GAP	3.0
#define BELOW		52.0	/* under the grid: axis numbers, title, gaps */

struct pill {
	const struct gt_chart_risk *risk;	/* NULL: "+n" overflow */
	int		 ghost;
	char		 text[16];
	double		 x, y, w;	/* placed; w 0 if hidden */
};

struct cell {
	struct pill	*p[64];
	size_t		 n;
};

static int
on_grid(int l, int i)
{
	return l >= 1 && l <= N && i >= 1 && i <= N;
}

static int
has_target(const struct gt_chart_risk *r)
{
	return on_grid(r->target_likelihood, r->target_impact) &&
	    (r->target_likelihood != r->likelihood ||
	    r->target_impact != r->impact);
}

/* The band index of a score, or -1. */
static long
band_of(const struct gt_chart_heatmap *m, int score)
{
	size_t	 i;

	for (i = 0; i < m->nbands; i++)
		if (score >= m->bands[i].lo && score <= m->bands[i].hi)
			return (long)i;
	return -1;
}

static void
pill_path(cairo_t *cr, double x, double y, double w, double h)
{
	double	 r = 4;

	cairo_new_sub_path(cr);
	cairo_arc(cr, x + w - r, y + r, r, -M_PI / 2, 0);
	cairo_arc(cr, x + w - r, y + h - r, r, 0, M_PI / 2);
	cairo_arc(cr, x + r, y + h - r, r, M_PI / 2, M_PI);
	cairo_arc(cr, x + r, y + r, r, M_PI, 3 * M_PI / 2);
	cairo_close_path(cr);
}

static void
draw_pill(cairo_t *cr, PangoContext *pc, const char *text, double x,
    double y, double w, int ghost)
{
	static const double dash[] = { 3, 2 };
	PangoLayout	*l = gt_chart_text(pc, text, GT_TEXT_MIN, !ghost,
	    w - 2 * PILL_PAD + 1, 1);

	cairo_save(cr);
	pill_path(cr, x, y, w, PILL_H);
	gt_chart_rgb(cr, GT_PAPER);
	gt_chart_paint(cr, GT_FILL | GT_KEEP);
	cairo_set_line_width(cr, 1.5);
	if (ghost)
		cairo_set_dash(cr, dash, 2, 0);
	gt_chart_rgb(cr, ghost ? GT_MUTED : GT_INK);
	gt_chart_paint(cr, GT_STROKE);
	cairo_restore(cr);
	gt_chart_show(cr, l, x + w / 2, y + PILL_H / 2, 0.5, 0.5,
	    ghost ? GT_MUTED : GT_INK, 0);
	g_object_unref(l);
}

static double
pill_width(PangoContext *pc, const char *text)
{
	return gt_chart_text_width(pc, text, GT_TEXT_MIN, 1) + 2 * PILL_PAD;
}

/*
 * Lay a cell's boxes out in rows below its score. If they do not all fit,
 * the last that does becomes "+n" for it and the rest (w 0: hidden).
 */
static void
place_cell(PangoContext *pc, struct cell *c, double cx, double cy,
    double size)
{
	double	 x = cx + 4, y = cy + 20, w, right = cx + size - 4;
	size_t	 i, j;

	for (i = 0; i < c->n; i++) {
		w = fmin(pill_width(pc, c->p[i]->text), right - cx - 4);
		if (x > cx + 4 && x + w > right) {
			x = cx + 4;
			y += PILL_H + 3;
		}
		if (y + PILL_H > cy + size - 3)
			break;
		c->p[i]->x = x;
		c->p[i]->y = y;
		c->p[i]->w = w;
		x += w + 3;
	}
	for (j = i; j < c->n; j++)
		c->p[j]->w = 0;
	if (i == c->n || i == 0)
		return;
	snprintf(c->p[i - 1]->text, sizeof(c->p[i - 1]->text), "+%zu",
	    c->n - i + 1);
	c->p[i - 1]->risk = NULL;
	c->p[i - 1]->ghost = 0;
	c->p[i - 1]->w = pill_width(pc, c->p[i - 1]->text);
}

/* Where the segment from a to b leaves the box around a (t of a..b). */
static double
leave(double ax, double ay, double bx, double by, double hw, double hh)
{
	double	 tx = fabs(bx - ax) > 1e-9 ? hw / fabs(bx - ax) : 1e9;
	double	 ty = fabs(by - ay) > 1e-9 ? hh / fabs(by - ay) : 1e9;

	return fmin(fmin(tx, ty), 1);
}

/*
 * An arrow from a risk's box to its target box. It bows to one side, so
 * that one passing along a row runs below the boxes between, not through.
 */
static void
arrow(cairo_t *cr, const struct pill *from, const struct pill *to)
{
	double	 ax = from->x + from->w / 2, ay = from->y + PILL_H / 2;
	double	 bx = to->x + to->w / 2, by = to->y + PILL_H / 2;
	double	 len = hypot(bx - ax, by - ay), bow, mx, my;
	double	 t0, t1, x0, y0, x1, y1, ang;

	if (len < 1)
		return;
	bow = fmin(0.2 * len, 28);
	/* The control point, to the left of the way from a to b. */
	mx = (ax + bx) / 2 + bow * (by - ay) / len;
	my = (ay + by) / 2 - bow * (bx - ax) / len;
	t0 = leave(ax, ay, mx, my, from->w / 2 + 2, PILL_H / 2 + 2);
	t1 = leave(bx, by, mx, my, to->w / 2 + 2, PILL_H / 2 + 2);
	x0 = ax + (mx - ax) * t0;
	y0 = ay + (my - ay) * t0;
	x1 = bx + (mx - bx) * t1;
	y1 = by + (my - by) * t1;
	ang = atan2(y1 - my, x1 - mx);
	cairo_save(cr);
	cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
	gt_chart_rgb(cr, GT_PAPER);
	cairo_set_line_width(cr, 4);
	cairo_move_to(cr, x0, y0);
	cairo_curve_to(cr, (x0 + 2 * mx) / 3, (y0 + 2 * my) / 3,
	    (x1 + 2 * mx) / 3, (y1 + 2 * my) / 3, x1, y1);
	gt_chart_paint(cr, GT_STROKE);
	gt_chart_rgb(cr, GT_INK);
	cairo_set_line_width(cr, 1.5);
	cairo_move_to(cr, x0, y0);
	cairo_curve_to(cr, (x0 + 2 * mx) / 3, (y0 + 2 * my) / 3,
	    (x1 + 2 * mx) / 3, (y1 + 2 * my) / 3, x1 - 6 * cos(ang),
	    y1 - 6 * sin(ang));
	gt_chart_paint(cr, GT_STROKE);
	cairo_move_to(cr, x1, y1);
	cairo_line_to(cr, x1 - 9 * cos(ang - 0.4), y1 - 9 * sin(ang - 0.4));
	cairo_line_to(cr, x1 - 9 * cos(ang + 0.4), y1 - 9 * sin(ang + 0.4));
	cairo_close_path(cr);
	gt_chart_paint(cr, GT_FILL);
	cairo_restore(cr);
}

/* The key: each band's colour, name and scores; the target box. */
static double
key(cairo_t *cr, PangoContext *pc, const struct gt_chart_heatmap *m,
    double x, double y, double w, int draw)
{
	char	 buf[160];
	double	 kx = x, ky = y, row = 22, tw, iw;
	size_t	 i;

	for (i = 0; i <= m->nbands; i++) {
		PangoLayout	*l;

		if (i < m->nbands)
			snprintf(buf, sizeof(buf), "%s (%d to %d)",
			    m->bands[i].name != NULL ? m->bands[i].name : "Band",
			    m->bands[i].lo, m->bands[i].hi);
		else
			snprintf(buf, sizeof(buf), "Target score");
		l = gt_chart_text(pc, buf, GT_TEXT_MIN, 0, w - 40, 1);
		gt_chart_text_size(l, &tw, NULL);
		iw = (i < m->nbands ? 18 : 28) + 6 + tw;
		if (kx > x && kx + iw > x + w) {
			kx = x;
			ky += row;
		}
		if (draw && i < m->nbands) {
			gt_chart_rgb(cr, gt_chart_band_colour(i, m->nbands));
			cairo_rectangle(cr, kx, ky + 4, 18, 14);
			gt_chart_paint(cr, GT_FILL);
		} else if (draw)
			draw_pill(cr, pc, "", kx, ky + 1, 28, 1);
		if (draw)
			gt_chart_show(cr, l, kx + iw - tw, ky + row / 2, 0,
			    0.5, GT_INK, 0);
		g_object_unref(l);
		kx += iw + 16;
	}
	return ky - y + row;
}

/* A cell holds two rows of boxes below its score. */
#define CELL_MIN	(20 + 2 * PILL_H + 3 + 3)

double
gt_chart_heatmap_height(const struct gt_chart_heatmap *m, double w)
{
	cairo_surface_t	*s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 1,
			    1);
	cairo_t		*cr = cairo_create(s);
	PangoContext	*pc;
	PangoLayout	*l;
	double		 th = 0, h = 0;

	if ((pc = gt_chart_pango(cr)) != NULL) {
		if (m->title != NULL) {
			l = gt_chart_text(pc, m->title, GT_TEXT_TITLE, 1, w, 2);
			gt_chart_text_size(l, NULL, &th);
			g_object_unref(l);
			th += 8;
		}
		/* As gt_chart_draw_heatmap lays it out. */
		h = th + N * CELL_MIN + BELOW + key(cr, pc, m, 0, 0, w, 0);
		g_object_unref(pc);
	}
	cairo_destroy(cr);
	cairo_surface_destroy(s);
	return h;
}

void
gt_chart_draw_heatmap(cairo_t *cr, double x, double y, double w, double h,
    const struct gt_chart_heatmap *m)
{
	PangoContext	*pc;
	PangoLayout	*l;
	struct cell	 cells[N][N];
	struct pill	*pills;
	double		 top = y, th, kh, size, gx, gy, left;
	size_t		 i, np = 0;
	int		 li, im;
	char		 buf[8];

	cairo_save(cr);
	if ((pc = gt_chart_pango(cr)) == NULL) {
		cairo_restore(cr);
		return;
	}
	pills = gt_xcalloc(2 * m->nrisks + 1, sizeof(*pills));
	if (m->title != NULL) {
		l = gt_chart_text(pc, m->title, GT_TEXT_TITLE, 1, w, 2);
		gt_chart_text_size(l, NULL, &th);
		gt_chart_show(cr, l, x, top, 0, 0, GT_INK, 0);
		g_object_unref(l);
		top += th + 8;
	}
	kh = key(cr, pc, m, x, 0, w, 0);
	/* Impact title (turned) and numbers at the left; likelihood below. */
	left = x + 20 + 14;
	size = fmin((x + w - left) / N, (y + h - kh - BELOW - top) / N);
	if (size < 24)
		size = 24;
	gx = left;
	gy = top;
	for (li = 0; li < N; li++)
		for (im = 0; im < N; im++)
			cells[li][im].n = 0;
	/* Current boxes first, then the targets, each in input order. */
	for (i = 0; i < 2 * m->nrisks; i++) {
		const struct gt_chart_risk *r = &m->risks[i % m->nrisks];
		int	 ghost = i >= m->nrisks;
		struct cell *c;

		if (!on_grid(r->likelihood, r->impact) ||
		    (ghost && !has_target(r)))
			continue;
		c = ghost ? &cells[r->target_likelihood - 1]
		    [r->target_impact - 1] : &cells[r->likelihood - 1]
		    [r->impact - 1];
		if (c->n == sizeof(c->p) / sizeof(c->p[0]))
			continue;
		pills[np].risk = r;
		pills[np].ghost = ghost;
		snprintf(pills[np].text, sizeof(pills[np].text), "%s",
		    r->id != NULL ? r->id : "?");
		c->p[c->n++] = &pills[np++];
	}
	for (li = 0; li < N; li++)
		for (im = 0; im < N; im++) {
			double	 cx = gx + li * size, cy = gy + (N - 1 - im) * size;
			long	 b = band_of(m, (li + 1) * (im + 1));
			uint32_t fill = b < 0 ? GT_PAPER :
			    gt_chart_band_colour((size_t)b, m->nbands);

			gt_chart_rgb(cr, fill);
			cairo_rectangle(cr, cx + CELL_GAP / 2,
			    cy + CELL_GAP / 2, size - CELL_GAP,
			    size - CELL_GAP);
			gt_chart_paint(cr, GT_FILL | GT_KEEP);
			gt_chart_rgb(cr, GT_AXIS);
			cairo_set_line_width(cr, 1);
			if (b < 0)
				gt_chart_paint(cr, GT_STROKE);
			cairo_new_path(cr);
			snprintf(buf, sizeof(buf), "%d", (li + 1) * (im + 1));
			l = gt_chart_text(pc, buf, GT_TEXT_MIN, 0, 0, 1);
			gt_chart_show(cr, l, cx + 5, cy + 3, 0, 0,
			    gt_chart_text_on(fill), 0);
			g_object_unref(l);
			place_cell(pc, &cells[li][im], cx, cy, size);
		}
	/* Arrows under the boxes, from each risk to its target. */
	for (i = 0; i < np; i++) {
		size_t	 j;

		if (!pills[i].ghost || pills[i].w == 0)
			continue;
		for (j = 0; j < np; j++)
			if (!pills[j].ghost && pills[j].risk ==
			    pills[i].risk && pills[j].w > 0)
				arrow(cr, &pills[j], &pills[i]);
	}
	for (i = 0; i < np; i++)
		if (pills[i].w > 0)
			draw_pill(cr, pc, pills[i].text, pills[i].x,
			    pills[i].y, pills[i].w, pills[i].ghost);
	/* Axis numbers and titles. */
	for (i = 0; i < N; i++) {
		snprintf(buf, sizeof(buf), "%zu", i + 1);
		l = gt_chart_text(pc, buf, GT_TEXT_MIN, 0, 0, 1);
		gt_chart_show(cr, l, gx + (i + 0.5) * size, gy + N * size + 4,
		    0.5, 0, GT_MUTED, 0);
		gt_chart_show(cr, l, gx - 6, gy + (N - 1 - i + 0.5) * size,
		    1, 0.5, GT_MUTED, 0);
		g_object_unref(l);
	}
	l = gt_chart_text(pc, "Likelihood", GT_TEXT_MIN, 1, 0, 1);
	gt_chart_show(cr, l, gx + N * size / 2, gy + N * size + 22, 0.5, 0,
	    GT_INK, 0);
	g_object_unref(l);
	l = gt_chart_text(pc, "Impact", GT_TEXT_MIN, 1, 0, 1);
	cairo_save(cr);
	cairo_translate(cr, x, gy + N * size / 2);
	cairo_rotate(cr, -M_PI / 2);
	gt_chart_show(cr, l, 0, 0, 0.5, 0, GT_INK, 0);
	cairo_restore(cr);
	g_object_unref(l);
	key(cr, pc, m, x, gy + N * size + 44, w, 1);
	free(pills);
	g_object_unref(pc);
	cairo_restore(cr);
}
