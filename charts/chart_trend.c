/* chart_trend.c: a measure's trend, as a line or as bars. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart_int.h"
#include "format.h"
#include "util.h"

#define MARK		9.0	/* marker diameter */
#define DENSE		10.0	/* slots narrower than this get few markers */
#define LINE_W		2.5
#define TICK_GAP	36.0	/* least px between y ticks */
#define LEGEND_SAMPLE	24.0

/* Dash patterns tell the comparators apart without colour. */
static const double dashes[GT_NCOMPARE][4] = {
	{ 6, 3 }, { 1.5, 3 }, { 8, 3, 1.5, 3 }
};
static const int ndashes[GT_NCOMPARE] = { 2, 2, 4 };

struct frame {
	cairo_t				*cr;
	PangoContext			*pc;
	const struct gt_chart_trend	*t;
	double				 px, py, pw, ph;	/* plot area */
	double				 slot;
	struct gt_yaxis			 y;
	int				 bars;
	int				 dense;
	struct gt_boxes			 boxes;		/* text placed */
};

static double
xat(const struct frame *f, size_t i)
{
	return f->px + (i + 0.5) * f->slot;
}

static double
yat(const struct frame *f, double v)
{
	return f->py + f->ph * (f->y.hi - v) / (f->y.hi - f->y.lo);
}

static int
has_value(const struct gt_chart_trend *t, size_t i)
{
	return i < t->npoints && t->points[i].kind == GT_CHART_VALUE &&
	    isfinite(t->points[i].value);
}

/* The target's edge that the measure aims at (higher: lo; lower: hi). */
static double
target_line(const struct gt_chart_trend *t, const struct gt_chart_target *g)
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
		if (has_value(t, i - 1))
			return (long)(i - 1);
	return -1;
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

size_t
gt_chart_trend_range(const struct gt_chart_trend *t, int extras, double *lo,
    double *hi)
{
	double	 z[2][2];
	size_t	 i, c, n = 0;
	int	 k, nz;

	for (i = 0; i < t->npoints; i++) {
		const struct gt_chart_target *g = &t->points[i].target;

		if (has_value(t, i))
			widen(t->points[i].value, lo, hi, &n);
		if (!g->set)
			continue;
		if (t->polarity == GT_CHART_BAND) {
			widen(g->lo, lo, hi, &n);
			widen(g->hi, lo, hi, &n);
		} else
			widen(target_line(t, g), lo, hi, &n);
		if (!extras)
			continue;
		nz = tolerance_zones(t, g, z);
		for (k = 0; k < nz; k++) {
			widen(z[k][0], lo, hi, &n);
			widen(z[k][1], lo, hi, &n);
		}
	}
	for (c = 0; extras && c < t->ncomparators; c++)
		for (i = 0; t->comparators[c].values != NULL &&
		    i < t->npoints; i++)
			widen(t->comparators[c].values[i], lo, hi, &n);
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
	gt_chart_yaxis(lo, hi, 6, 0, &y);
	return !y.broken;
}

static int		 has_marker(const struct frame *, size_t);
static enum gt_chart_status status_of(const struct gt_chart_point *);

/* Legend (key) items, laid out in rows under the plot. */
enum sample {
	SAMPLE_LINE,
	SAMPLE_STEP,
	SAMPLE_FILL,
	SAMPLE_MARKER,
	SAMPLE_BREAK
};

struct item {
	enum sample	 sample;
	uint32_t	 colour;
	int		 dash;		/* comparator index + 1; -1: provisional */
	enum gt_shape	 shape;
	int		 hollow;
	char		 text[160];
	double		 w;		/* text width */
};

struct legend {
	struct item	 v[24];
	size_t		 n;
	double		 h;		/* total height */
	double		 row;
};

static void
add_item(struct legend *lg, enum sample s, uint32_t colour, int dash,
    enum gt_shape shape, int hollow, const char *text)
{
	struct item	*it;

	if (lg->n == sizeof(lg->v) / sizeof(lg->v[0]))
		return;
	it = &lg->v[lg->n++];
	it->sample = s;
	it->colour = colour;
	it->dash = dash;
	it->shape = shape;
	it->hollow = hollow;
	snprintf(it->text, sizeof(it->text), "%s", text);
}

static void
set_dash(cairo_t *cr, int dash)
{
	static const double provisional[] = { 4, 3 };

	if (dash > 0)
		cairo_set_dash(cr, dashes[(dash - 1) % GT_NCOMPARE],
		    ndashes[(dash - 1) % GT_NCOMPARE], 0);
	else if (dash < 0)
		cairo_set_dash(cr, provisional, 2, 0);
	else
		cairo_set_dash(cr, NULL, 0, 0);
}

static uint32_t
compare_colour(size_t c)
{
	return gt_chart_compare_colours[c % GT_NCOMPARE];
}

static void
build_legend(struct frame *f, struct legend *lg)
{
	const struct gt_chart_trend *t = f->t;
	char	 buf[GT_NUMBER_MAX + 64], v[GT_NUMBER_MAX];
	int	 targets = 0, zones = 0, prov = 0, est = 0, held = 0;
	int	 shown[GT_CHART_STATUS_MAX] = { 0 };
	size_t	 i;
	double	 z[2][2];

	for (i = 0; i < t->npoints; i++) {
		const struct gt_chart_point *p = &t->points[i];

		if (has_marker(f, i))
			shown[status_of(p)] = 1;
		targets |= p->target.set;
		zones |= tolerance_zones(t, &p->target, z) > 0;
		held |= p->kind == GT_CHART_WITHHELD;
		if (has_value(t, i)) {
			prov |= p->flag == GT_CHART_PROVISIONAL;
			est |= p->flag == GT_CHART_ESTIMATED;
		}
	}
	if (gt_chart_latest(t) >= 0)
		add_item(lg, f->bars ? SAMPLE_FILL : SAMPLE_LINE, GT_SERIES, 0,
		    0, 0, "Actual");
	if (targets && t->polarity == GT_CHART_BAND)
		add_item(lg, SAMPLE_FILL, GT_RANGE_FILL, 0, 0, 0,
		    "Target range");
	else if (targets)
		add_item(lg, SAMPLE_STEP, GT_TARGET, 0, 0, 0, "Target");
	if (zones)
		/* Not "Within tolerance": that names a status marker. */
		add_item(lg, SAMPLE_FILL, GT_TOL_FILL, 0, 0, 0,
		    "Tolerance zone");
	for (i = 0; i < t->ncomparators; i++)
		add_item(lg, SAMPLE_LINE, compare_colour(i), (int)i + 1, 0, 0,
		    t->comparators[i].name != NULL ? t->comparators[i].name :
		    "Comparator");
	for (i = 0; i < GT_CHART_STATUS_MAX; i++)
		if (shown[i] && i != GT_CHART_SUPPRESSED)
			add_item(lg, SAMPLE_MARKER, gt_chart_status_colours[i],
			    0, gt_chart_status_shape(i), 0,
			    gt_chart_status_label(i));
	if (prov || est)
		add_item(lg, SAMPLE_MARKER, GT_SERIES, -1, GT_SHAPE_CIRCLE, 1,
		    prov && est ? "Provisional or estimated" : prov ?
		    "Provisional" : "Estimated");
	if (held)
		add_item(lg, SAMPLE_MARKER,
		    gt_chart_status_colours[GT_CHART_SUPPRESSED], 0,
		    GT_SHAPE_BOX, 1, "Suppressed (figure withheld)");
	if (f->y.broken) {
		gt_chart_tick_label(v, sizeof(v), f->y.lo, &f->y.ticks,
		    t->unit);
		snprintf(buf, sizeof(buf), "Axis starts at %s, not zero", v);
		add_item(lg, SAMPLE_BREAK, GT_AXIS, 0, 0, 0, buf);
	}
}

/* Lay the items out in rows of width w; returns the height. */
static double
place_legend(struct frame *f, struct legend *lg, double w)
{
	double	 x = 0, rows = 1, th;
	size_t	 i;

	lg->row = 18;
	for (i = 0; i < lg->n; i++) {
		PangoLayout	*l = gt_chart_text(f->pc, lg->v[i].text,
		    GT_TEXT_MIN, 0, w - LEGEND_SAMPLE - 6, 1);

		gt_chart_text_size(l, &lg->v[i].w, &th);
		g_object_unref(l);
		if (th + 4 > lg->row)
			lg->row = th + 4;
		if (x > 0 && x + LEGEND_SAMPLE + 6 + lg->v[i].w > w) {
			rows++;
			x = 0;
		}
		x += LEGEND_SAMPLE + 6 + lg->v[i].w + 16;
	}
	lg->h = lg->n ? rows * lg->row : 0;
	return lg->h;
}

static void
break_mark(cairo_t *cr, double x, double y)
{
	cairo_save(cr);
	gt_chart_rgb(cr, GT_PAPER);
	cairo_rectangle(cr, x - 6, y - 3, 12, 6);
	gt_chart_paint(cr, GT_FILL);
	gt_chart_rgb(cr, GT_AXIS);
	cairo_set_line_width(cr, 1.5);
	cairo_move_to(cr, x - 6, y - 1);
	cairo_line_to(cr, x + 6, y - 5);
	cairo_move_to(cr, x - 6, y + 5);
	cairo_line_to(cr, x + 6, y + 1);
	gt_chart_paint(cr, GT_STROKE);
	cairo_restore(cr);
}

static void
draw_legend(struct frame *f, const struct legend *lg, double x0, double y0,
    double w)
{
	cairo_t	*cr = f->cr;
	double	 x = x0, y = y0, cy;
	size_t	 i;

	for (i = 0; i < lg->n; i++) {
		const struct item *it = &lg->v[i];
		PangoLayout	*l;

		if (x > x0 && x + LEGEND_SAMPLE + 6 + it->w > x0 + w) {
			x = x0;
			y += lg->row;
		}
		cy = y + lg->row / 2;
		cairo_save(cr);
		cairo_new_path(cr);
		switch (it->sample) {
		case SAMPLE_LINE:
			gt_chart_rgb(cr, it->colour);
			cairo_set_line_width(cr, it->dash ? 1.5 : LINE_W);
			set_dash(cr, it->dash);
			cairo_move_to(cr, x, cy);
			cairo_line_to(cr, x + LEGEND_SAMPLE, cy);
			gt_chart_paint(cr, GT_STROKE);
			break;
		case SAMPLE_STEP:
			gt_chart_rgb(cr, it->colour);
			cairo_set_line_width(cr, 2);
			cairo_move_to(cr, x, cy + 4);
			cairo_line_to(cr, x + 12, cy + 4);
			cairo_line_to(cr, x + 12, cy - 4);
			cairo_line_to(cr, x + LEGEND_SAMPLE, cy - 4);
			gt_chart_paint(cr, GT_STROKE);
			break;
		case SAMPLE_FILL:
			gt_chart_rgb(cr, it->colour);
			cairo_rectangle(cr, x + 2, cy - 6, LEGEND_SAMPLE - 4,
			    12);
			gt_chart_paint(cr, GT_FILL);
			if (it->colour == GT_RANGE_FILL) {
				/* The range's edges, as drawn in the plot. */
				gt_chart_rgb(cr, GT_TARGET);
				cairo_set_line_width(cr, 1.5);
				cairo_move_to(cr, x + 2, cy - 6);
				cairo_line_to(cr, x + LEGEND_SAMPLE - 2, cy - 6);
				cairo_move_to(cr, x + 2, cy + 6);
				cairo_line_to(cr, x + LEGEND_SAMPLE - 2, cy + 6);
				gt_chart_paint(cr, GT_STROKE);
			}
			break;
		case SAMPLE_MARKER:
			if (it->dash < 0) {
				gt_chart_rgb(cr, it->colour);
				cairo_set_line_width(cr, LINE_W);
				set_dash(cr, -1);
				cairo_move_to(cr, x, cy);
				cairo_line_to(cr, x + LEGEND_SAMPLE / 2, cy);
				gt_chart_paint(cr, GT_STROKE);
			}
			gt_chart_marker(cr, x + LEGEND_SAMPLE / 2, cy, MARK,
			    it->shape, it->colour, it->hollow);
			break;
		case SAMPLE_BREAK:
			gt_chart_rgb(cr, GT_AXIS);
			cairo_set_line_width(cr, 1);
			cairo_move_to(cr, x + LEGEND_SAMPLE / 2, cy - 8);
			cairo_line_to(cr, x + LEGEND_SAMPLE / 2, cy + 8);
			gt_chart_paint(cr, GT_STROKE);
			break_mark(cr, x + LEGEND_SAMPLE / 2, cy);
			break;
		}
		cairo_restore(cr);
		l = gt_chart_text(f->pc, it->text, GT_TEXT_MIN, 0,
		    w - LEGEND_SAMPLE - 6, 1);
		gt_chart_show(cr, l, x + LEGEND_SAMPLE + 6, cy, 0, 0.5,
		    GT_INK, 0);
		g_object_unref(l);
		x += LEGEND_SAMPLE + 6 + it->w + 16;
	}
}

/* Labels at the right of the plot: the target and comparators. */
struct side {
	char		 text[200];
	uint32_t	 colour;
	double		 want, y, h, w;
	PangoLayout	*l;
};

static int
by_want(const void *a, const void *b)
{
	const struct side *x = a, *y = b;

	return x->want < y->want ? -1 : x->want > y->want;
}

static size_t
side_labels(struct frame *f, struct side *s, size_t max, double width)
{
	const struct gt_chart_trend *t = f->t;
	char	 a[GT_NUMBER_MAX], b[GT_NUMBER_MAX];
	size_t	 n = 0, i, c;

	for (i = t->npoints; i > 0; i--) {
		const struct gt_chart_target *g = &t->points[i - 1].target;

		if (!g->set)
			continue;
		gt_format_value(a, sizeof(a), target_line(t, g), t->decimals,
		    t->unit);
		if (t->polarity == GT_CHART_BAND) {
			gt_format_value(b, sizeof(b), g->hi, t->decimals,
			    t->unit);
			snprintf(s[n].text, sizeof(s[n].text),
			    "Target %s to %s", a, b);
			s[n].want = (g->lo + g->hi) / 2;
		} else {
			snprintf(s[n].text, sizeof(s[n].text), "Target %s", a);
			s[n].want = target_line(t, g);
		}
		s[n++].colour = GT_TARGET;
		break;
	}
	for (c = 0; c < t->ncomparators && n < max; c++) {
		const double *v = t->comparators[c].values;

		for (i = t->npoints; v != NULL && i > 0; i--)
			if (isfinite(v[i - 1]))
				break;
		if (v == NULL || i == 0)
			continue;
		gt_format_value(a, sizeof(a), v[i - 1], t->decimals, t->unit);
		snprintf(s[n].text, sizeof(s[n].text), "%s %s",
		    t->comparators[c].name != NULL ? t->comparators[c].name :
		    "Comparator", a);
		s[n].want = v[i - 1];
		s[n++].colour = compare_colour(c);
	}
	for (i = 0; i < n; i++) {
		s[i].l = gt_chart_text(f->pc, s[i].text, GT_TEXT_MIN, 0,
		    width, 2);
		gt_chart_text_size(s[i].l, &s[i].w, &s[i].h);
	}
	return n;
}

/* Spread the labels so none overlap, as near their values as can be. */
static void
spread(struct frame *f, struct side *s, size_t n)
{
	double	 top = f->py - 6, bottom = f->py + f->ph + 6;
	size_t	 i;

	for (i = 0; i < n; i++)
		s[i].want = yat(f, s[i].want);
	qsort(s, n, sizeof(*s), by_want);
	for (i = 0; i < n; i++) {
		s[i].y = s[i].want - s[i].h / 2;
		if (s[i].y < top)
			s[i].y = top;
		if (i > 0 && s[i].y < s[i - 1].y + s[i - 1].h + 2)
			s[i].y = s[i - 1].y + s[i - 1].h + 2;
	}
	for (i = n; i > 0; i--) {
		if (s[i - 1].y + s[i - 1].h > bottom)
			s[i - 1].y = bottom - s[i - 1].h;
		if (i < n && s[i - 1].y + s[i - 1].h + 2 > s[i].y)
			s[i - 1].y = s[i].y - s[i - 1].h - 2;
	}
}

static void
draw_grid(struct frame *f)
{
	cairo_t		*cr = f->cr;
	char		 buf[GT_NUMBER_MAX];
	int		 i;

	cairo_save(cr);
	cairo_set_line_width(cr, 1);
	gt_chart_rgb(cr, GT_GRID);
	/* One path: every drawing operation costs in SVG and PDF. */
	for (i = 0; i < f->y.ticks.n; i++) {
		double	 yy = round(yat(f, gt_tick_value(&f->y.ticks, i))) + 0.5;

		cairo_move_to(cr, f->px, yy);
		cairo_line_to(cr, f->px + f->pw, yy);
	}
	gt_chart_paint(cr, GT_STROKE);
	for (i = 0; i < f->y.ticks.n; i++) {
		double		 v = gt_tick_value(&f->y.ticks, i);
		PangoLayout	*l;

		if (f->t->npoints == 0 || gt_chart_latest(f->t) < 0)
			break;
		gt_chart_tick_label(buf, sizeof(buf), v, &f->y.ticks,
		    f->t->unit);
		l = gt_chart_text(f->pc, buf, GT_TEXT_MIN, 0, 0, 1);
		gt_chart_show(cr, l, f->px - 6, round(yat(f, v)) + 0.5, 1, 0.5,
		    GT_MUTED, 0);
		g_object_unref(l);
	}
	cairo_restore(cr);
}

static void
draw_zones(struct frame *f)
{
	const struct gt_chart_trend *t = f->t;
	cairo_t	*cr = f->cr;
	double	 z[2][2], x0;
	size_t	 i;
	int	 k, nz;

	/* Each kind in one path (no seams between periods), ranges under. */
	cairo_save(cr);
	if (t->polarity == GT_CHART_BAND) {
		for (i = 0; i < t->npoints; i++) {
			const struct gt_chart_target *g = &t->points[i].target;

			if (g->set)
				cairo_rectangle(cr, f->px + i * f->slot,
				    yat(f, g->hi), f->slot,
				    yat(f, g->lo) - yat(f, g->hi));
		}
		gt_chart_rgb(cr, GT_RANGE_FILL);
		gt_chart_paint(cr, GT_FILL);
	}
	for (i = 0; i < t->npoints; i++) {
		x0 = f->px + i * f->slot;
		nz = tolerance_zones(t, &t->points[i].target, z);
		for (k = 0; k < nz; k++)
			cairo_rectangle(cr, x0, yat(f, z[k][1]), f->slot,
			    yat(f, z[k][0]) - yat(f, z[k][1]));
	}
	gt_chart_rgb(cr, GT_TOL_FILL);
	gt_chart_paint(cr, GT_FILL);
	cairo_restore(cr);
}

static void
draw_axes(struct frame *f)
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
	if (f->y.lo < 0 && f->y.hi > 0) {
		double	 zero = round(yat(f, 0)) + 0.5;

		cairo_move_to(cr, f->px, zero);
		cairo_line_to(cr, f->px + f->pw, zero);
	}
	gt_chart_paint(cr, GT_STROKE);
	cairo_restore(cr);
	if (f->y.broken)
		break_mark(cr, left, bottom - 10);
}

/* One step per period: the target as the reader's eye should follow it. */
static void
draw_targets(struct frame *f)
{
	const struct gt_chart_trend *t = f->t;
	cairo_t	*cr = f->cr;
	int	 pass, edge, open;
	size_t	 i;

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
			open = 0;
			for (i = 0; i < t->npoints; i++) {
				const struct gt_chart_target *g =
				    &t->points[i].target;
				double v, x0 = f->px + i * f->slot;

				if (!g->set) {
					open = 0;
					continue;
				}
				v = t->polarity == GT_CHART_BAND ?
				    (edge ? g->hi : g->lo) :
				    target_line(t, g);
				if (open)
					cairo_line_to(cr, x0, yat(f, v));
				else
					cairo_move_to(cr, x0, yat(f, v));
				cairo_line_to(cr, x0 + f->slot, yat(f, v));
				open = 1;
			}
			gt_chart_paint(cr, GT_STROKE);
		}
	}
	cairo_restore(cr);
}

static void
draw_comparators(struct frame *f)
{
	const struct gt_chart_trend *t = f->t;
	cairo_t	*cr = f->cr;
	size_t	 c, i;
	int	 open;

	cairo_save(cr);
	cairo_set_line_width(cr, 1.5);
	cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
	for (c = 0; c < t->ncomparators; c++) {
		const double *v = t->comparators[c].values;

		if (v == NULL)
			continue;
		gt_chart_rgb(cr, compare_colour(c));
		set_dash(cr, (int)c + 1);
		open = 0;
		for (i = 0; i < t->npoints; i++) {
			if (!isfinite(v[i])) {
				open = 0;
				continue;
			}
			if (open)
				cairo_line_to(cr, xat(f, i), yat(f, v[i]));
			else
				cairo_move_to(cr, xat(f, i), yat(f, v[i]));
			/* A lone value still shows, as a short dash. */
			if (!open && (i + 1 >= t->npoints ||
			    !isfinite(v[i + 1]))) {
				cairo_rel_move_to(cr, -4, 0);
				cairo_rel_line_to(cr, 8, 0);
			}
			open = 1;
		}
		gt_chart_paint(cr, GT_STROKE);
	}
	cairo_restore(cr);
}

static int
uncertain(const struct gt_chart_point *p)
{
	return p->flag == GT_CHART_PROVISIONAL || p->flag == GT_CHART_ESTIMATED;
}

static void
draw_line(struct frame *f)
{
	const struct gt_chart_trend *t = f->t;
	cairo_t	*cr = f->cr;
	size_t	 i, end;		/* end: the point the path stops at */
	int	 dashed;

	cairo_save(cr);
	gt_chart_rgb(cr, GT_SERIES);
	cairo_set_line_width(cr, LINE_W);
	cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
	cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
	/* Solid runs in one path, dashed ones (a segment touching an
	 * uncertain point) in another. */
	for (dashed = 0; dashed < 2; dashed++) {
		end = (size_t)-1;
		set_dash(cr, dashed ? -1 : 0);
		for (i = 1; i < t->npoints; i++) {
			if (!has_value(t, i - 1) || !has_value(t, i))
				continue;
			if ((uncertain(&t->points[i - 1]) ||
			    uncertain(&t->points[i])) != dashed)
				continue;
			/* A run goes on from where the last segment ended. */
			if (end != i - 1)
				cairo_move_to(cr, xat(f, i - 1),
				    yat(f, t->points[i - 1].value));
			cairo_line_to(cr, xat(f, i),
			    yat(f, t->points[i].value));
			end = i;
		}
		gt_chart_paint(cr, GT_STROKE);
	}
	cairo_restore(cr);
}

static void
draw_bars(struct frame *f)
{
	const struct gt_chart_trend *t = f->t;
	cairo_t	*cr = f->cr;
	double	 bw = fmin(f->slot * 0.6, 64), base, top;
	size_t	 i;

	base = yat(f, fmax(f->y.lo, fmin(0, f->y.hi)));
	cairo_save(cr);
	for (i = 0; i < t->npoints; i++) {
		if (!has_value(t, i))
			continue;
		top = yat(f, t->points[i].value);
		cairo_rectangle(cr, xat(f, i) - bw / 2, fmin(base, top), bw,
		    fabs(base - top));
		if (uncertain(&t->points[i])) {
			gt_chart_rgb(cr, GT_PAPER);
			gt_chart_paint(cr, GT_FILL | GT_KEEP);
			gt_chart_rgb(cr, GT_SERIES);
			cairo_set_line_width(cr, 2);
			set_dash(cr, -1);
			gt_chart_paint(cr, GT_STROKE);
			set_dash(cr, 0);
		} else {
			gt_chart_rgb(cr, GT_SERIES);
			gt_chart_paint(cr, GT_FILL);
		}
	}
	cairo_restore(cr);
}

/* Markers: every point if there is room, else only those that matter. */
static int
has_marker(const struct frame *f, size_t i)
{
	const struct gt_chart_trend *t = f->t;
	int	 lone;

	if (!has_value(t, i))
		return 0;
	lone = (i == 0 || !has_value(t, i - 1)) && !has_value(t, i + 1);
	return !f->dense || (long)i == gt_chart_latest(t) ||
	    uncertain(&t->points[i]) || lone;
}

static enum gt_chart_status
status_of(const struct gt_chart_point *p)
{
	return (unsigned)p->status < GT_CHART_STATUS_MAX ? p->status :
	    GT_CHART_NO_DATA;
}

static void
draw_markers(struct frame *f)
{
	const struct gt_chart_trend *t = f->t;
	size_t	 i;

	for (i = 0; i < t->npoints; i++) {
		const struct gt_chart_point *p = &t->points[i];

		if (p->kind == GT_CHART_WITHHELD)
			gt_chart_marker(f->cr, xat(f, i),
			    f->py + f->ph - MARK, MARK, GT_SHAPE_BOX,
			    gt_chart_status_colours[GT_CHART_SUPPRESSED], 1);
		else if (has_marker(f, i))
			gt_chart_marker(f->cr, xat(f, i), yat(f, p->value),
			    MARK, gt_chart_status_shape(status_of(p)),
			    gt_chart_status_colours[status_of(p)],
			    uncertain(p));
	}
}

/* Put a value label at the first of the candidate spots that is free. */
static int
label_near(struct frame *f, const char *text, double cx, double cy,
    int prefer_above, int bold, double x0, double x1)
{
	PangoLayout	*l = gt_chart_text(f->pc, text, bold ? 13 : GT_TEXT_MIN,
	    bold, 0, 1);
	double		 w, h, off = MARK / 2 + 4;
	/* Anchor offsets: above, below, right, left. */
	double		 spot[4][4] = {
		{ cx, cy - off, 0.5, 1 }, { cx, cy + off, 0.5, 0 },
		{ cx + off, cy, 0, 0.5 }, { cx - off, cy, 1, 0.5 },
	};
	int		 k, order[4] = { 0, 1, 2, 3 }, ok = 0;

	if (!prefer_above) {
		order[0] = 1;
		order[1] = 0;
	}
	gt_chart_text_size(l, &w, &h);
	for (k = 0; k < 4 && !ok; k++) {
		double *s = spot[order[k]];
		struct gt_box b = { s[0] - s[2] * w, s[1] - s[3] * h,
		    s[0] - s[2] * w + w, s[1] - s[3] * h + h };

		/* Above or below, slide along to stay inside the chart. */
		if (order[k] < 2 && b.x1 > x1) {
			s[0] -= b.x1 - x1;
			b.x0 -= b.x1 - x1;
			b.x1 = x1;
		}
		if (order[k] < 2 && b.x0 < x0) {
			s[0] += x0 - b.x0;
			b.x1 += x0 - b.x0;
			b.x0 = x0;
		}
		if (b.x0 < x0 || b.x1 > x1 || b.y0 < f->py - 8 ||
		    b.y1 > f->py + f->ph)
			continue;
		if (!gt_boxes_claim(&f->boxes, b, 2))
			continue;
		gt_chart_show(f->cr, l, s[0], s[1], s[2], s[3], GT_SERIES, 1);
		ok = 1;
	}
	g_object_unref(l);
	return ok;
}

static void
draw_value_labels(struct frame *f, double x0, double x1)
{
	const struct gt_chart_trend *t = f->t;
	long	 latest = gt_chart_latest(t);
	char	 buf[GT_NUMBER_MAX + 64];
	size_t	 i;
	int	 above;

	if (latest < 0)
		return;
	gt_format_value(buf, sizeof(buf), t->points[latest].value,
	    t->decimals, t->unit);
	if (f->bars)
		above = t->points[latest].value >= 0;
	else {
		/* Away from the line: above if it comes up from below. */
		long	 prev = latest - 1;

		while (prev >= 0 && !has_value(t, (size_t)prev))
			prev--;
		above = prev < 0 || t->points[prev].value <=
		    t->points[latest].value;
	}
	label_near(f, buf, xat(f, (size_t)latest),
	    yat(f, t->points[latest].value), above, 1, x0, x1);
	if (!f->bars)
		return;
	/* Bars are few: label each that has room, newest first. */
	for (i = (size_t)latest; i > 0; i--) {
		const struct gt_chart_point *p = &t->points[i - 1];

		if (!has_value(t, i - 1))
			continue;
		gt_format_value(buf, sizeof(buf), p->value, t->decimals,
		    t->unit);
		label_near(f, buf, xat(f, i - 1), yat(f, p->value),
		    p->value >= 0, 0, xat(f, i - 1) - f->slot / 2,
		    xat(f, i - 1) + f->slot / 2);
	}
}

static void
draw_xlabels(struct frame *f, double x0, double x1)
{
	const struct gt_chart_trend *t = f->t;
	const char	**labels = gt_xcalloc(t->npoints, sizeof(*labels));
	cairo_t		*cr = f->cr;
	double		 bottom = round(f->py + f->ph) + 0.5, w, h;
	size_t		 i;

	gt_chart_xlabels(f->pc, t->points, t->npoints, f->slot, labels);
	cairo_save(cr);
	for (i = 0; i < t->npoints; i++) {
		PangoLayout	*l;
		struct gt_box	 b;
		double		 cx = xat(f, i);

		if (labels[i] == NULL)
			continue;
		l = gt_chart_text(f->pc, labels[i], GT_TEXT_MIN, 0, 0, 1);
		gt_chart_text_size(l, &w, &h);
		b.x0 = cx - w / 2;
		b.x1 = cx + w / 2;
		b.y0 = bottom + 6;
		b.y1 = b.y0 + h;
		/* Keep inside the chart: nudge the ends in, else skip. */
		if (b.x0 < x0) {
			b.x1 += x0 - b.x0;
			b.x0 = x0;
		}
		if (b.x1 > x1) {
			b.x0 -= b.x1 - x1;
			b.x1 = x1;
		}
		if (b.x0 >= x0 && gt_boxes_claim(&f->boxes, b, GT_TEXT_GAP))
			gt_chart_show(cr, l, b.x0, b.y0, 0, 0, GT_MUTED, 0);
		else
			labels[i] = NULL;
		g_object_unref(l);
	}
	/* The ticks of the labels shown, in one path. */
	for (i = 0; i < t->npoints; i++)
		if (labels[i] != NULL) {
			cairo_move_to(cr, round(xat(f, i)) + 0.5, bottom);
			cairo_line_to(cr, round(xat(f, i)) + 0.5, bottom + 4);
		}
	gt_chart_rgb(cr, GT_AXIS);
	cairo_set_line_width(cr, 1);
	gt_chart_paint(cr, GT_STROKE);
	cairo_restore(cr);
	free(labels);
}

void
gt_chart_draw_trend(cairo_t *cr, double x, double y, double w, double h,
    const struct gt_chart_trend *t)
{
	struct frame	 f = { .cr = cr, .t = t };
	struct legend	 lg = { .n = 0 };
	struct side	 side[GT_NCOMPARE + 1];
	const char	*caption = gt_chart_unit_caption(t->unit);
	double		 top = y, bottom = y + h, lo = 0, hi = 0, gw = 0,
			 tw, th, ylw = 0;
	size_t		 nside = 0, i;
	PangoLayout	*l;
	char		 buf[GT_NUMBER_MAX];

	cairo_save(cr);
	if ((f.pc = gt_chart_pango(cr)) == NULL) {
		cairo_restore(cr);
		return;
	}
	if (t->title != NULL) {
		l = gt_chart_text(f.pc, t->title, GT_TEXT_TITLE, 1, w, 2);
		gt_chart_text_size(l, NULL, &th);
		gt_chart_show(cr, l, x, top, 0, 0, GT_INK, 0);
		g_object_unref(l);
		top += th + 8;
	}
	if (t->npoints == 0) {
		gt_chart_message(cr, f.pc, x, top, w, bottom - top,
		    "No figures to show");
		goto done;
	}
	if (caption != NULL) {
		l = gt_chart_text(f.pc, caption, GT_TEXT_MIN, 0, w, 1);
		gt_chart_text_size(l, NULL, &th);
		gt_chart_show(cr, l, x, top, 0, 0, GT_MUTED, 0);
		g_object_unref(l);
		top += th + 4;
	}
	top += 8;		/* room for a marker on the top tick */
	f.bars = gt_chart_use_bars(t);
	if (gt_chart_trend_range(t, 1, &lo, &hi) == 0)
		lo = hi = 0;

	/* Height first (it sets the ticks), then the key with the axis. */
	f.py = top;
	f.ph = bottom - top - 24;	/* x labels */
	gt_chart_yaxis(lo, hi, (int)fmax(2, f.ph / TICK_GAP + 1), f.bars,
	    &f.y);
	/*
	 * The key lists the markers drawn, which depends on the slot width,
	 * which the key's height changes only slightly: estimate it.
	 */
	f.dense = !f.bars && (w - 80 - (w >= 480 ? w * 0.15 : 0)) /
	    t->npoints < DENSE;
	build_legend(&f, &lg);
	place_legend(&f, &lg, w);
	if (lg.h > 0) {
		f.ph -= lg.h + 8;
		gt_chart_yaxis(lo, hi, (int)fmax(2, f.ph / TICK_GAP + 1),
		    f.bars, &f.y);
		/* The key names the axis start, which may have moved. */
		th = lg.h;
		lg.n = 0;
		build_legend(&f, &lg);
		f.ph += th - place_legend(&f, &lg, w);
	}
	for (i = 0; i < (size_t)f.y.ticks.n; i++) {
		gt_chart_tick_label(buf, sizeof(buf),
		    gt_tick_value(&f.y.ticks, (int)i), &f.y.ticks, t->unit);
		l = gt_chart_text(f.pc, buf, GT_TEXT_MIN, 0, 0, 1);
		gt_chart_text_size(l, &tw, NULL);
		g_object_unref(l);
		ylw = fmax(ylw, tw);
	}
	f.px = x + ylw + 8;
	f.pw = x + w - f.px - 4;
	/* Direct labels at the right when the chart is wide enough. */
	if (w >= 480) {
		nside = side_labels(&f, side, GT_NCOMPARE + 1, w * 0.25);
		for (i = 0; i < nside; i++)
			gw = fmax(gw, side[i].w + 8);
		f.pw -= gw;
	}
	f.slot = f.pw / t->npoints;

	draw_grid(&f);
	draw_zones(&f);
	draw_axes(&f);
	draw_comparators(&f);
	if (f.bars) {
		draw_bars(&f);
		draw_targets(&f);
	} else {
		draw_targets(&f);
		draw_line(&f);
	}
	draw_markers(&f);
	if (nside > 0) {
		spread(&f, side, nside);
		for (i = 0; i < nside; i++) {
			struct gt_box b = { f.px + f.pw + 6, side[i].y,
			    f.px + f.pw + 6 + side[i].w, side[i].y + side[i].h };

			gt_boxes_claim(&f.boxes, b, 0);
			gt_chart_show(cr, side[i].l, b.x0, b.y0, 0, 0,
			    side[i].colour, 0);
		}
	}
	draw_value_labels(&f, x, x + w);
	draw_xlabels(&f, x, x + w);
	if (gt_chart_latest(t) < 0)
		gt_chart_message(cr, f.pc, f.px, f.py, f.pw, f.ph,
		    "No figures to show");
	draw_legend(&f, &lg, x, bottom - lg.h, w);
done:
	for (i = 0; i < nside; i++)
		g_object_unref(side[i].l);
	gt_boxes_free(&f.boxes);
	g_object_unref(f.pc);
	cairo_restore(cr);
}
