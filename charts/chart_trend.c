/*
 * chart_trend.c: a measure's trend, as a line, as bars, or for a
 * year-to-date measure a line per year. Laid out first (title, footer,
 * key below or beside, axes), then drawn.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart_int.h"
#include "format.h"
#include "util.h"

#define DENSE		10.0	/* slots narrower than this get few markers */
#define LINE_W		2.5
#define TICK_GAP	36.0	/* least px between y ticks */
#define XLABELS		24.0	/* room for the x labels */
#define KEY_BESIDE	0.2	/* the most of the width a key beside takes */

int
gt_chart_has_value(const struct gt_chart_trend *t, size_t i)
{
	return i < t->npoints && t->points[i].kind == GT_CHART_VALUE &&
	    isfinite(t->points[i].value);
}

double
gt_target_line(const struct gt_chart_trend *t, const struct gt_chart_target *g)
{
	return t->polarity == GT_CHART_LOWER ? g->hi : g->lo;
}

/* The tolerance zone beyond the target: lo..hi; two zones for a band. */
static int
tolerance_zones(const struct gt_chart_trend *t,
    const struct gt_chart_target *g, double z[2][2])
{
	if (!g->set || !(g->slack > 0))
		return 0;
	switch (t->polarity) {
	case GT_CHART_LOWER:
		z[0][0] = g->hi;
		z[0][1] = g->hi + g->slack;
		return 1;
	case GT_CHART_BAND:
		z[0][0] = g->lo - g->slack;
		z[0][1] = g->lo;
		z[1][0] = g->hi;
		z[1][1] = g->hi + g->slack;
		return 2;
	default:
		z[0][0] = g->lo - g->slack;
		z[0][1] = g->lo;
		return 1;
	}
}

long
gt_chart_latest(const struct gt_chart_trend *t)
{
	size_t	 i;

	for (i = t->npoints; i > 0; i--)
		if (gt_chart_has_value(t, i - 1))
			return (long)(i - 1);
	return -1;
}

int
gt_chart_by_year(const struct gt_chart_trend *t, size_t *first,
    size_t *this_year)
{
	const struct gt_chart_point *p = t->points;
	size_t	 i, years = 1;

	*first = *this_year = 0;
	if (!t->year_to_date || t->npoints == 0 ||
	    (t->periods_per_year != 4 && t->periods_per_year != 12))
		return 0;
	for (i = 0; i < t->npoints; i++)
		if (p[i].in_year < 1 || p[i].in_year > t->periods_per_year)
			return 0;
	/* Back from the end to the second year start. */
	for (i = t->npoints - 1; i > 0; i--)
		if (p[i - 1].in_year >= p[i].in_year) {
			if (years++ == 2)
				break;
			*this_year = i;
		}
	*first = i;
	return 1;
}

const char *
gt_trend_year(const struct gt_chart_trend *t, size_t i, const char *dflt)
{
	return i < t->npoints && t->points[i].year != NULL ?
	    t->points[i].year : dflt;
}

static void
widen(double v, double *lo, double *hi, size_t *n)
{
	if (!isfinite(v))
		return;
	if (*n == 0 || v < *lo)
		*lo = v;
	if (*n == 0 || v > *hi)
		*hi = v;
	(*n)++;
}

/* Comparators drawn: every line's figures and the others' range. */
static void
widen_comparators(const struct gt_chart_trend *t, size_t from, double *lo,
    double *hi, size_t *n)
{
	struct gt_roles	 r;
	double		 a, b;
	size_t		 c, i;

	gt_chart_roles(t, &r);
	for (c = 0; c < t->ncomparators; c++)
		for (i = from; r.role[c] == GT_ROLE_LINE && i < t->npoints;
		    i++)
			widen(t->comparators[c].values[i], lo, hi, n);
	for (i = from; r.nrange > 0 && i < t->npoints; i++)
		if (gt_chart_range_at(t, &r, i, &a, &b) > 0) {
			widen(a, lo, hi, n);
			widen(b, lo, hi, n);
		}
	gt_roles_free(&r);
}

size_t
gt_chart_trend_range(const struct gt_chart_trend *t, int extras, double *lo,
    double *hi)
{
	double	 z[2][2], a, b;
	size_t	 first, from, i, n = 0, figures;
	int	 k, nz;

	from = gt_chart_by_year(t, &first, &from) ? from : first;
	for (i = first; i < t->npoints; i++)
		if (gt_chart_has_value(t, i))
			widen(t->points[i].value, lo, hi, &n);
	for (i = from; i < t->npoints; i++) {
		const struct gt_chart_target *g = &t->points[i].target;

		if (!g->set)
			continue;
		if (t->polarity == GT_CHART_BAND) {
			widen(g->lo, lo, hi, &n);
			widen(g->hi, lo, hi, &n);
		} else
			widen(gt_target_line(t, g), lo, hi, &n);
	}
	if (!extras)
		return n;
	widen_comparators(t, from, lo, hi, &n);
	/* Zones stop at zero where no figure crosses it. */
	figures = n;
	for (i = from; i < t->npoints; i++) {
		nz = tolerance_zones(t, &t->points[i].target, z);
		for (k = 0; k < nz; k++) {
			a = z[k][0];
			b = z[k][1];
			if (figures > 0 && *lo >= 0) {
				a = fmax(a, 0);
				b = fmax(b, 0);
			} else if (figures > 0 && *hi <= 0) {
				a = fmin(a, 0);
				b = fmin(b, 0);
			}
			widen(a, lo, hi, &n);
			widen(b, lo, hi, &n);
		}
	}
	return n;
}

int
gt_chart_use_bars(const struct gt_chart_trend *t)
{
	struct gt_yaxis	 y;
	double		 lo = 0, hi = 0;

	if (t->form != GT_CHART_AUTO)
		return t->form == GT_CHART_BARS;
	if (t->periods_per_year > 1 || t->npoints > 12 || t->npoints == 0)
		return 0;
	if (gt_chart_trend_range(t, 1, &lo, &hi) == 0)
		return 0;
	gt_chart_yaxis(lo, hi, 6, 0, pow(10, -t->decimals), &y);
	return !y.broken;
}

double
gt_frame_x(const struct gt_frame *f, size_t i)
{
	size_t	 s = f->by_year ? (size_t)(f->t->points[i].in_year - 1) :
	    i - f->first;

	return f->px + ((double)s + 0.5) * f->slot;
}

double
gt_frame_y(const struct gt_frame *f, double v)
{
	return f->py + f->ph * (f->ax.hi - v) / (f->ax.hi - f->ax.lo);
}

static int
uncertain(const struct gt_chart_point *p)
{
	return p->flag == GT_CHART_PROVISIONAL || p->flag == GT_CHART_ESTIMATED;
}

/* Points a and a + 1 are joined by the line (not across a year end). */
static int
joined(const struct gt_frame *f, size_t a)
{
	const struct gt_chart_trend *t = f->t;

	return a >= f->first && gt_chart_has_value(t, a) &&
	    gt_chart_has_value(t, a + 1) && (!f->by_year ||
	    t->points[a + 1].in_year > t->points[a].in_year);
}

static int
lone(const struct gt_frame *f, size_t i)
{
	return (i == f->first || !joined(f, i - 1)) && !joined(f, i);
}

enum gt_chart_status
gt_chart_status_of(const struct gt_chart_point *p)
{
	return (unsigned)p->status < GT_CHART_STATUS_MAX ? p->status :
	    GT_CHART_NO_DATA;
}

int
gt_trend_marker(const struct gt_frame *f, size_t i)
{
	const struct gt_chart_trend *t = f->t;
	enum gt_chart_status s;

	if (!gt_chart_has_value(t, i) || i < (f->by_year ? f->this_year :
	    f->first))
		return 0;
	if ((long)i == f->latest || uncertain(&t->points[i]) ||
	    lone(f, i))
		return 1;
	s = gt_chart_status_of(&t->points[i]);
	return !f->dense && (s == GT_CHART_ON_TARGET ||
	    s == GT_CHART_WITHIN_TOLERANCE || s == GT_CHART_OFF_TARGET);
}

/* Texts above and below the plot. */
struct heads {
	PangoLayout	*title, *subtitle, *caption, *footer;
	double		 title_y, subtitle_y, caption_y, footer_y;
};

struct layout {
	struct heads	 heads;
	struct gt_key	 key;
	double		 key_x, key_y;
	struct gt_sides	 side;
	double		 top;		/* the plot's, less a marker's room */
};

/* The title, subtitle and unit at the top, the source at the foot. */
static void
layout_heads(struct gt_frame *f, struct heads *hd, double *top,
    double *bottom)
{
	const struct gt_chart_trend *t = f->t;
	const char	*caption = gt_chart_unit_caption(t->unit);
	double		 th;

	if (t->title != NULL) {
		hd->title = gt_chart_text(f->pc, t->title, GT_TEXT_TITLE, 1,
		    f->w, 4);
		gt_chart_text_size(hd->title, NULL, &th);
		hd->title_y = *top;
		*top += th + (t->subtitle != NULL ? 2 : 8);
	}
	if (t->subtitle != NULL) {
		hd->subtitle = gt_chart_text(f->pc, t->subtitle, 13, 0, f->w,
		    3);
		gt_chart_text_size(hd->subtitle, NULL, &th);
		hd->subtitle_y = *top;
		*top += th + 8;
	}
	if (t->source != NULL) {
		/* Whole: a provenance cut short is none. */
		hd->footer = gt_chart_text(f->pc, t->source, GT_TEXT_MIN, 0,
		    f->w, 6);
		gt_chart_text_size(hd->footer, NULL, &th);
		*bottom -= th;
		hd->footer_y = *bottom;
		*bottom -= 6;
	}
	if (caption != NULL && t->npoints > 0) {
		hd->caption = gt_chart_text(f->pc, caption, GT_TEXT_MIN, 0,
		    f->w, 1);
		gt_chart_text_size(hd->caption, NULL, &th);
		hd->caption_y = *top;
		*top += th + 4;
	}
}

static void
yaxis(struct gt_frame *f, double lo, double hi)
{
	gt_chart_yaxis(lo, hi, (int)fmax(2, f->ph / TICK_GAP + 1), f->bars,
	    pow(10, -f->t->decimals), &f->ax);
}

/*
 * The key below, or beside where below would leave the plot shorter than
 * GT_PLOT_MIN and every item fits whole in a column of KEY_BESIDE of the
 * width. The axis is chosen for the plot's height and the key names the
 * axis start, so the key is made again for the axis (and goes below if
 * that no longer fits beside).
 */
static void
layout_key(struct gt_frame *f, struct layout *lo, double lo_v, double hi_v,
    double bottom)
{
	struct gt_key	*k = &lo->key;
	double		 full = f->ph, column = f->w * KEY_BESIDE;
	int		 beside = 0, pass;

	gt_key_build(f, k);
	gt_key_place(f, k, f->w, 0);
	if (k->h > 0 && full - k->h - 8 < GT_PLOT_MIN && f->w >= 480) {
		gt_key_place(f, k, column, 1);
		beside = k->w <= column && k->h <= bottom - lo->top;
		if (!beside)
			gt_key_place(f, k, f->w, 0);
	}
	for (pass = 0; pass < 2; pass++) {
		f->ph = full - (!beside && k->h > 0 ? k->h + 8 : 0);
		yaxis(f, lo_v, hi_v);
		gt_key_build(f, k);
		gt_key_place(f, k, beside ? column : f->w, beside);
		if (!beside || (k->w <= column && k->h <= bottom - lo->top))
			break;
		beside = 0;
		gt_key_place(f, k, f->w, 0);
	}
	if (beside) {
		lo->key_x = f->x + f->w - k->w;
		lo->key_y = lo->top;
	} else {
		/* The axis note may take a row more or less than it did. */
		f->ph = full - (k->h > 0 ? k->h + 8 : 0);
		lo->key_x = f->x;
		lo->key_y = bottom - k->h;
	}
}

static void
layout(struct gt_frame *f, struct layout *lo)
{
	const struct gt_chart_trend *t = f->t;
	char	 buf[GT_NUMBER_MAX];
	double	 top = f->y, bottom = f->y + f->h, lo_v = 0, hi_v = 0, ylw = 0;
	double	 gw = 0, right;
	size_t	 i;

	layout_heads(f, &lo->heads, &top, &bottom);
	top += 8;		/* room for a marker on the top tick */
	lo->top = top;
	f->by_year = gt_chart_by_year(t, &f->first, &f->this_year);
	f->latest = gt_chart_latest(t);
	f->nslots = f->by_year ? (size_t)t->periods_per_year :
	    t->npoints - f->first;
	f->bars = gt_chart_use_bars(t);
	gt_chart_roles(t, &f->roles);
	if (gt_chart_trend_range(t, 1, &lo_v, &hi_v) == 0)
		lo_v = hi_v = 0;
	f->py = top;
	f->ph = bottom - top - XLABELS;
	yaxis(f, lo_v, hi_v);
	/* The key lists the markers drawn, which depend on the slots. */
	f->dense = !f->bars && (f->w - 80 - (f->w >= 480 ? f->w * 0.15 :
	    0)) / (double)(f->nslots ? f->nslots : 1) < DENSE;
	layout_key(f, lo, lo_v, hi_v, bottom);
	for (i = 0; i < (size_t)f->ax.ticks.n; i++) {
		gt_chart_tick_label(buf, sizeof(buf),
		    gt_tick_value(&f->ax.ticks, (int)i), &f->ax.ticks, t->unit);
		ylw = fmax(ylw, gt_chart_text_width(f->pc, buf, GT_TEXT_MIN, 0));
	}
	f->px = f->x + ylw + 8;
	right = f->x + f->w - (lo->key.beside ? lo->key.w + 12 : 0);
	f->pw = right - f->px - 4;
	/* Direct labels at the right when the chart is wide enough. */
	if (f->w >= 480) {
		gt_sides_make(f, &lo->side, f->w * 0.25);
		for (i = 0; i < lo->side.n; i++)
			gw = fmax(gw, lo->side.v[i].w + 8);
		f->pw -= gw;
	}
	f->slot = f->pw / (double)(f->nslots ? f->nslots : 1);
}

static void
layout_free(struct layout *lo)
{
	gt_sides_free(&lo->side);
	if (lo->heads.title != NULL)
		g_object_unref(lo->heads.title);
	if (lo->heads.subtitle != NULL)
		g_object_unref(lo->heads.subtitle);
	if (lo->heads.caption != NULL)
		g_object_unref(lo->heads.caption);
	if (lo->heads.footer != NULL)
		g_object_unref(lo->heads.footer);
	gt_key_free(&lo->key);
}

static void
draw_grid(struct gt_frame *f)
{
	cairo_t		*cr = f->cr;
	char		 buf[GT_NUMBER_MAX];
	int		 i;

	cairo_save(cr);
	cairo_set_line_width(cr, 1);
	gt_chart_rgb(cr, GT_GRID);
	/* One path: every drawing operation costs in SVG and PDF. */
	for (i = 0; i < f->ax.ticks.n; i++) {
		double	 yy = round(gt_frame_y(f,
		    gt_tick_value(&f->ax.ticks, i))) + 0.5;

		cairo_move_to(cr, f->px, yy);
		cairo_line_to(cr, f->px + f->pw, yy);
	}
	gt_chart_paint(cr, GT_STROKE);
	for (i = 0; i < f->ax.ticks.n && f->latest >= 0; i++) {
		double		 v = gt_tick_value(&f->ax.ticks, i);
		PangoLayout	*l;

		gt_chart_tick_label(buf, sizeof(buf), v, &f->ax.ticks,
		    f->t->unit);
		l = gt_chart_text(f->pc, buf, GT_TEXT_MIN, 0, 0, 1);
		gt_chart_show(cr, l, f->px - 6, round(gt_frame_y(f, v)) + 0.5,
		    1, 0.5, GT_MUTED, 0);
		g_object_unref(l);
	}
	cairo_restore(cr);
}

/* The rectangle of lo..hi in point i's slot, cut to the axis. */
static void
slot_rect(struct gt_frame *f, size_t i, double lo, double hi)
{
	lo = fmax(lo, f->ax.lo);
	hi = fmin(hi, f->ax.hi);
	if (hi > lo)
		cairo_rectangle(f->cr, gt_frame_x(f, i) - f->slot / 2,
		    gt_frame_y(f, hi), f->slot, gt_frame_y(f, lo) -
		    gt_frame_y(f, hi));
}

static void
draw_zones(struct gt_frame *f)
{
	const struct gt_chart_trend *t = f->t;
	cairo_t	*cr = f->cr;
	double	 z[2][2];
	size_t	 i, from = f->by_year ? f->this_year : f->first;
	int	 k, nz;

	/* Each kind in one path (no seams between periods), ranges under. */
	cairo_save(cr);
	if (t->polarity == GT_CHART_BAND) {
		for (i = from; i < t->npoints; i++)
			if (t->points[i].target.set)
				slot_rect(f, i, t->points[i].target.lo,
				    t->points[i].target.hi);
		gt_chart_rgb(cr, GT_RANGE_FILL);
		gt_chart_paint(cr, GT_FILL);
	}
	for (i = from; i < t->npoints; i++) {
		nz = tolerance_zones(t, &t->points[i].target, z);
		for (k = 0; k < nz; k++)
			slot_rect(f, i, z[k][0], z[k][1]);
	}
	gt_chart_rgb(cr, GT_TOL_FILL);
	gt_chart_paint(cr, GT_FILL);
	cairo_restore(cr);
}

static void
draw_axes(struct gt_frame *f)
{
	cairo_t	*cr = f->cr;
	double	 bottom = round(f->py + f->ph) + 0.5;
	double	 left = round(f->px) + 0.5;

	cairo_save(cr);
	gt_chart_rgb(cr, GT_AXIS);
	cairo_set_line_width(cr, 1);
	cairo_move_to(cr, left, f->py);
	cairo_line_to(cr, left, bottom);
	cairo_line_to(cr, f->px + f->pw, bottom);
	if (f->ax.lo < 0 && f->ax.hi > 0) {
		double	 zero = round(gt_frame_y(f, 0)) + 0.5;

		cairo_move_to(cr, f->px, zero);
		cairo_line_to(cr, f->px + f->pw, zero);
	}
	gt_chart_paint(cr, GT_STROKE);
	cairo_restore(cr);
	if (f->ax.broken)
		gt_chart_break_mark(cr, left, bottom - 10);
}

/* One step per period: the target as the reader's eye should follow it. */
static void
draw_targets(struct gt_frame *f)
{
	const struct gt_chart_trend *t = f->t;
	cairo_t	*cr = f->cr;
	int	 pass, edge, open;
	size_t	 i, from = f->by_year ? f->this_year : f->first;
	double	 v, x0, y, py = 0;

	cairo_save(cr);
	cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER);
	for (pass = 0; pass < 2; pass++) {
		/* A white underlay keeps the target visible over bars. */
		gt_chart_rgb(cr, pass == 0 ? GT_PAPER : GT_TARGET);
		cairo_set_line_width(cr, pass == 0 ? 5 : 2);
		if (pass == 0 && !f->bars)
			continue;
		for (edge = 0; edge < (t->polarity == GT_CHART_BAND ? 2 : 1);
		    edge++) {
			for (open = 0, i = from; i < t->npoints; i++) {
				const struct gt_chart_target *g =
				    &t->points[i].target;

				if (!g->set) {
					open = 0;
					continue;
				}
				v = t->polarity == GT_CHART_BAND ?
				    (edge ? g->hi : g->lo) : gt_target_line(t, g);
				x0 = gt_frame_x(f, i) - f->slot / 2;
				y = gt_frame_y(f, v);
				if (open)
					cairo_line_to(cr, x0, y);
				else
					cairo_move_to(cr, x0, y);
				cairo_line_to(cr, x0 + f->slot, y);
				if (pass == 1 && open)
					gt_segs_add(&f->lines, x0, py, x0, y);
				if (pass == 1)
					gt_segs_add(&f->lines, x0, y,
					    x0 + f->slot, y);
				py = y;
				open = 1;
			}
			gt_chart_paint(cr, GT_STROKE);
		}
	}
	cairo_restore(cr);
}

/*
 * The line, or by year a line a year: solid runs in one path, dashed
 * ones (a segment touching an uncertain point) in another; a figure
 * with no neighbour and no marker is a dot.
 */
static void
draw_line(struct gt_frame *f)
{
	const struct gt_chart_trend *t = f->t;
	cairo_t	*cr = f->cr;
	size_t	 i, end, lo, hi;
	int	 dashed, year;
	double	 x, y;

	cairo_save(cr);
	cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
	cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
	for (year = f->by_year ? 1 : 0; year >= 0; year--) {
		/* year 1: last year's points; 0: this year's, or all. */
		lo = year ? f->first : f->by_year ? f->this_year : f->first;
		hi = year ? f->this_year : t->npoints;
		gt_chart_rgb(cr, year ? GT_LAST_YEAR : GT_SERIES);
		cairo_set_line_width(cr, year ? 2 : LINE_W);
		for (dashed = 0; dashed < 2; dashed++) {
			end = (size_t)-1;
			gt_chart_dash(cr, dashed ? -1 : 0);
			for (i = lo + 1; i < hi; i++) {
				if (!joined(f, i - 1) ||
				    (uncertain(&t->points[i - 1]) ||
				    uncertain(&t->points[i])) != dashed)
					continue;
				x = gt_frame_x(f, i - 1);
				y = gt_frame_y(f, t->points[i - 1].value);
				if (end != i - 1)
					cairo_move_to(cr, x, y);
				cairo_line_to(cr, gt_frame_x(f, i),
				    gt_frame_y(f, t->points[i].value));
				gt_segs_add(&f->lines, x, y, gt_frame_x(f, i),
				    gt_frame_y(f, t->points[i].value));
				end = i;
			}
			gt_chart_paint(cr, GT_STROKE);
		}
		for (i = lo; i < hi; i++) {
			if (!gt_chart_has_value(t, i) || !lone(f, i) ||
			    gt_trend_marker(f, i))
				continue;
			cairo_new_sub_path(cr);
			cairo_arc(cr, gt_frame_x(f, i), gt_frame_y(f,
			    t->points[i].value), 3, 0, 2 * M_PI);
		}
		gt_chart_paint(cr, GT_FILL);
	}
	cairo_restore(cr);
}

static void
draw_bars(struct gt_frame *f)
{
	const struct gt_chart_trend *t = f->t;
	cairo_t	*cr = f->cr;
	double	 bw = fmin(f->slot * 0.6, 64), base, top;
	size_t	 i;

	base = gt_frame_y(f, fmax(f->ax.lo, fmin(0, f->ax.hi)));
	cairo_save(cr);
	for (i = f->first; i < t->npoints; i++) {
		if (!gt_chart_has_value(t, i))
			continue;
		top = gt_frame_y(f, t->points[i].value);
		cairo_rectangle(cr, gt_frame_x(f, i) - bw / 2, fmin(base, top),
		    bw, fabs(base - top));
		if (uncertain(&t->points[i])) {
			gt_chart_rgb(cr, GT_PAPER);
			gt_chart_paint(cr, GT_FILL | GT_KEEP);
			gt_chart_rgb(cr, GT_SERIES);
			cairo_set_line_width(cr, 2);
			gt_chart_dash(cr, -1);
			gt_chart_paint(cr, GT_STROKE);
			gt_chart_dash(cr, 0);
		} else {
			gt_chart_rgb(cr, GT_SERIES);
			gt_chart_paint(cr, GT_FILL);
		}
		/* A bar's labels keep off its top edge. */
		gt_segs_add(&f->lines, gt_frame_x(f, i) - bw / 2, top,
		    gt_frame_x(f, i) + bw / 2, top);
	}
	cairo_restore(cr);
}

static void
draw_markers(struct gt_frame *f)
{
	const struct gt_chart_trend *t = f->t;
	size_t	 i, from = f->by_year ? f->this_year : f->first;
	double	 x, y, r = GT_MARK / 2 + 1.5;

	for (i = from; i < t->npoints; i++) {
		const struct gt_chart_point *p = &t->points[i];
		enum gt_chart_status s = gt_chart_status_of(p);

		x = gt_frame_x(f, i);
		if (p->kind == GT_CHART_WITHHELD) {
			y = f->py + f->ph - GT_MARK;
			gt_chart_marker(f->cr, x, y, GT_MARK, GT_SHAPE_BOX,
			    gt_chart_status_colours[GT_CHART_SUPPRESSED], 1);
		} else if (gt_trend_marker(f, i)) {
			y = gt_frame_y(f, p->value);
			gt_chart_marker(f->cr, x, y, GT_MARK,
			    gt_chart_status_shape(s),
			    gt_chart_status_colours[s], uncertain(p));
		} else
			continue;
		gt_boxes_add(&f->marks, (struct gt_box){ x - r, y - r, x + r,
		    y + r });
	}
}

static void
draw_value_labels(struct gt_frame *f)
{
	const struct gt_chart_trend *t = f->t;
	long		 latest = f->latest, prev;
	char		 buf[GT_NUMBER_MAX + 64];
	PangoLayout	*l;
	size_t		 i;
	int		 above;

	if (latest < 0)
		return;
	gt_format_value(buf, sizeof(buf), t->points[latest].value,
	    t->decimals, t->unit);
	if (f->bars)
		above = t->points[latest].value >= 0;
	else {
		/* Away from the line: above if it comes up from below. */
		for (prev = latest - 1; prev >= (long)f->first &&
		    !gt_chart_has_value(t, (size_t)prev); prev--)
			continue;
		if (f->by_year && prev < (long)f->this_year)
			prev = -1;
		above = prev < (long)f->first || t->points[prev].value <=
		    t->points[latest].value;
	}
	/* In the plot, clear of the labels beside it. */
	l = gt_chart_text(f->pc, buf, 13, 1, 0, 1);
	gt_place_label(f, l, gt_frame_x(f, (size_t)latest), gt_frame_y(f,
	    t->points[latest].value), above, f->bars, f->px, f->px + f->pw + 4,
	    GT_SERIES);
	g_object_unref(l);
	if (!f->bars)
		return;
	/* Bars are few: label each that has room, newest first. */
	for (i = (size_t)latest; i > f->first; i--) {
		const struct gt_chart_point *p = &t->points[i - 1];
		double	 x = gt_frame_x(f, i - 1);

		if (!gt_chart_has_value(t, i - 1))
			continue;
		gt_format_value(buf, sizeof(buf), p->value, t->decimals,
		    t->unit);
		l = gt_chart_text(f->pc, buf, GT_TEXT_MIN, 0, 0, 1);
		gt_place_label(f, l, x, gt_frame_y(f, p->value),
		    p->value >= 0, 1, x - f->slot / 2, x + f->slot / 2,
		    GT_SERIES);
		g_object_unref(l);
	}
}

static void
draw_heads(struct gt_frame *f, const struct heads *hd)
{
	if (hd->title != NULL)
		gt_chart_show(f->cr, hd->title, f->x, hd->title_y, 0, 0,
		    GT_INK, 0);
	if (hd->subtitle != NULL)
		gt_chart_show(f->cr, hd->subtitle, f->x, hd->subtitle_y, 0, 0,
		    GT_MUTED, 0);
	if (hd->caption != NULL)
		gt_chart_show(f->cr, hd->caption, f->x, hd->caption_y, 0, 0,
		    GT_MUTED, 0);
	if (hd->footer != NULL)
		gt_chart_show(f->cr, hd->footer, f->x, hd->footer_y, 0, 0,
		    GT_MUTED, 0);
}

static void
paint(struct gt_frame *f, struct layout *lo)
{
	draw_grid(f);
	draw_zones(f);
	gt_draw_others(f);
	draw_axes(f);
	gt_draw_comparators(f);
	if (f->bars) {
		draw_bars(f);
		draw_targets(f);
	} else {
		draw_targets(f);
		draw_line(f);
	}
	draw_markers(f);
	gt_sides_draw(f, &lo->side);
	draw_value_labels(f);
	gt_draw_xlabels(f);
	if (f->latest < 0)
		gt_chart_message(f->cr, f->pc, f->px, f->py, f->pw, f->ph,
		    "No figures to show");
	gt_key_draw(f, &lo->key, lo->key_x, lo->key_y);
}

static void
frame_free(struct gt_frame *f)
{
	gt_roles_free(&f->roles);
	gt_boxes_free(&f->boxes);
	gt_boxes_free(&f->values);
	gt_boxes_free(&f->marks);
	gt_segs_free(&f->lines);
	if (f->pc != NULL)
		g_object_unref(f->pc);
}

static void
draw_trend(cairo_t *cr, double x, double y, double w, double h,
    const struct gt_chart_trend *t, struct gt_trend_probe *probe)
{
	struct gt_frame	 f = { .cr = cr, .t = t, .x = x, .y = y, .w = w,
			     .h = h };
	struct layout	 lo = { .top = 0 };

	cairo_save(cr);
	if ((f.pc = gt_chart_pango(cr)) == NULL) {
		cairo_restore(cr);
		return;
	}
	layout(&f, &lo);
	draw_heads(&f, &lo.heads);
	if (t->npoints == 0)
		gt_chart_message(cr, f.pc, x, lo.top, w, y + h - lo.top -
		    (lo.heads.footer != NULL ? y + h - lo.heads.footer_y : 0),
		    "No figures to show");
	else
		paint(&f, &lo);
	if (probe != NULL) {
		memset(probe, 0, sizeof(*probe));
		probe->text = f.boxes;
		probe->values = f.values;
		probe->marks = f.marks;
		probe->lines = f.lines;
		memset(&f.boxes, 0, sizeof(f.boxes));
		memset(&f.values, 0, sizeof(f.values));
		memset(&f.marks, 0, sizeof(f.marks));
		memset(&f.lines, 0, sizeof(f.lines));
		probe->ax = f.ax;
		probe->px = f.px;
		probe->py = f.py;
		probe->pw = f.pw;
		probe->ph = f.ph;
		probe->key_beside = lo.key.beside;
		probe->footer = lo.heads.footer != NULL;
	}
	layout_free(&lo);
	frame_free(&f);
	cairo_restore(cr);
}

void
gt_chart_draw_trend(cairo_t *cr, double x, double y, double w, double h,
    const struct gt_chart_trend *t)
{
	draw_trend(cr, x, y, w, h, t, NULL);
}

void
gt_chart_trend_probe(cairo_t *cr, double x, double y, double w, double h,
    const struct gt_chart_trend *t, struct gt_trend_probe *probe)
{
	draw_trend(cr, x, y, w, h, t, probe);
}

void
gt_trend_probe_free(struct gt_trend_probe *p)
{
	gt_boxes_free(&p->text);
	gt_boxes_free(&p->values);
	gt_boxes_free(&p->marks);
	gt_segs_free(&p->lines);
}

/* The plot's height were the chart h tall (laid out, not drawn). */
static double
plot_height(cairo_t *cr, double w, double h, const struct gt_chart_trend *t)
{
	struct gt_frame	 f = { .cr = cr, .t = t, .w = w, .h = h };
	struct layout	 lo = { .top = 0 };
	double		 ph = GT_PLOT_MIN;

	if ((f.pc = gt_chart_pango(cr)) != NULL && t->npoints > 0) {
		layout(&f, &lo);
		ph = f.ph;
		layout_free(&lo);
	}
	frame_free(&f);
	return ph;
}

double
gt_chart_height(const struct gt_chart *c, double w, double h)
{
	cairo_surface_t	*s;
	cairo_t		*cr;
	double		 ph;
	int		 k;

	if (c->type == GT_CHART_HEATMAP)
		return fmax(h, gt_chart_heatmap_height(c->u.heatmap, w));
	if (c->type != GT_CHART_TREND)
		return h;
	s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 1, 1);
	cr = cairo_create(s);
	/* Taller by what the plot lacks; the key may move, so again. */
	for (k = 0; k < 3 && (ph = plot_height(cr, w, h, c->u.trend)) <
	    GT_PLOT_MIN; k++)
		h += ceil(GT_PLOT_MIN - ph);
	cairo_destroy(cr);
	cairo_surface_destroy(s);
	return h;
}
