/*
 * chart_legend.c: a trend chart's key, below the plot in rows or beside
 * it in a column, and the line styles it shares with the plot.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart_int.h"
#include "format.h"
#include "util.h"

#define SAMPLE		24.0	/* a sample's width */
#define SAMPLE_GAP	6.0	/* between a sample and its text */
#define ITEM_GAP	16.0	/* between items in a row */

/* Dash patterns tell the comparators apart without colour. */
static const double dashes[GT_NCOMPARE][4] = {
	{ 6, 3 }, { 1.5, 3 }, { 8, 3, 1.5, 3 }
};
static const int ndashes[GT_NCOMPARE] = { 2, 2, 4 };

enum sample {
	SAMPLE_LINE,
	SAMPLE_STEP,
	SAMPLE_FILL,
	SAMPLE_MARKER,
	SAMPLE_BREAK,
	SAMPLE_NONE
};

struct gt_key_item {
	enum sample	 sample;
	uint32_t	 colour;
	int		 dash;		/* comparator style + 1; -1: provisional */
	double		 width;		/* a line's */
	enum gt_shape	 shape;
	int		 hollow;
	char		*text;
	double		 w;		/* text width */
};

uint32_t
gt_compare_colour(size_t style)
{
	return gt_chart_compare_colours[style % GT_NCOMPARE];
}

void
gt_chart_dash(cairo_t *cr, int dash)
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

void
gt_chart_break_mark(cairo_t *cr, double x, double y)
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

/* Add an item; text is taken over (malloc'd). */
static struct gt_key_item *
add(struct gt_key *k, enum sample s, uint32_t colour, char *text)
{
	struct gt_key_item *it = GT_PUSH(k->v, k->n, k->cap);

	memset(it, 0, sizeof(*it));
	it->sample = s;
	it->colour = colour;
	it->width = 2.5;
	it->text = text;
	return it;
}

/* The room before an item's text: its sample, if it has one. */
static double
lead(const struct gt_key_item *it)
{
	return it->sample == SAMPLE_NONE ? 0 : SAMPLE + SAMPLE_GAP;
}

static void
add_comparators(struct gt_frame *f, struct gt_key *k)
{
	const struct gt_chart_trend *t = f->t;
	struct gt_buf	 apart = { 0 };
	size_t		 c;

	for (c = 0; c < t->ncomparators; c++) {
		const char *name = t->comparators[c].name != NULL ?
		    t->comparators[c].name : "Comparator";
		struct gt_key_item *it;

		if (f->roles.role[c] == GT_ROLE_LINE) {
			it = add(k, SAMPLE_LINE,
			    gt_compare_colour(f->roles.style[c]),
			    gt_xstrdup(name));
			it->dash = (int)f->roles.style[c] + 1;
			it->width = 1.5;
		} else if (f->roles.role[c] == GT_ROLE_APART)
			gt_buf_printf(&apart, "%s%s", apart.len ? ", " : "",
			    name);
	}
	if (f->roles.nrange > 0)
		add(k, SAMPLE_FILL, GT_OTHERS_FILL, gt_xasprintf("%s of %zu "
		    "other%s", f->roles.quartiles ? "Middle half" : "Range",
		    f->roles.nrange, f->roles.nrange == 1 ? "" : "s"));
	if (apart.len > 0)
		add(k, SAMPLE_NONE, 0, gt_xasprintf("Not drawn, on another "
		    "scale: %s", apart.data));
	gt_buf_free(&apart);
}

/* Status markers drawn, and the other marks that need a word. */
static void
add_marks(struct gt_frame *f, struct gt_key *k)
{
	const struct gt_chart_trend *t = f->t;
	int	 shown[GT_CHART_STATUS_MAX] = { 0 }, prov = 0, est = 0;
	int	 held = 0;
	size_t	 i;
	struct gt_key_item *it;

	for (i = f->first; i < t->npoints; i++) {
		const struct gt_chart_point *p = &t->points[i];

		if (gt_trend_marker(f, i)) {
			shown[gt_chart_status_of(p)] = 1;
			prov |= p->flag == GT_CHART_PROVISIONAL;
			est |= p->flag == GT_CHART_ESTIMATED;
		}
		held |= p->kind == GT_CHART_WITHHELD &&
		    (!f->by_year || i >= f->this_year);
	}
	for (i = 0; i < GT_CHART_STATUS_MAX; i++)
		if (shown[i] && i != GT_CHART_SUPPRESSED) {
			it = add(k, SAMPLE_MARKER, gt_chart_status_colours[i],
			    gt_xstrdup(gt_chart_status_label(i)));
			it->shape = gt_chart_status_shape(i);
		}
	if (prov || est) {
		it = add(k, SAMPLE_MARKER, GT_SERIES, gt_xstrdup(prov && est ?
		    "Provisional or estimated" : prov ? "Provisional" :
		    "Estimated"));
		it->dash = -1;
		it->hollow = 1;
	}
	if (held) {
		it = add(k, SAMPLE_MARKER,
		    gt_chart_status_colours[GT_CHART_SUPPRESSED],
		    gt_xstrdup("Suppressed (figure withheld)"));
		it->shape = GT_SHAPE_BOX;
		it->hollow = 1;
	}
}

void
gt_key_build(struct gt_frame *f, struct gt_key *k)
{
	const struct gt_chart_trend *t = f->t;
	char	 v[GT_NUMBER_MAX];
	int	 targets = 0, zones = 0;
	size_t	 i, from = f->by_year ? f->this_year : f->first;
	struct gt_key_item *it;

	gt_key_free(k);
	for (i = from; i < t->npoints; i++) {
		targets |= t->points[i].target.set;
		zones |= t->points[i].target.set &&
		    t->points[i].target.slack > 0;
	}
	if (f->by_year) {
		add(k, SAMPLE_LINE, GT_SERIES, gt_xstrdup(
		    gt_trend_year(t, f->this_year, "This year")));
		if (f->first < f->this_year) {
			it = add(k, SAMPLE_LINE, GT_LAST_YEAR, gt_xstrdup(
			    gt_trend_year(t, f->first, "Last year")));
			it->width = 2;
		}
	} else if (f->latest >= 0)
		add(k, f->bars ? SAMPLE_FILL : SAMPLE_LINE, GT_SERIES,
		    gt_xstrdup("Actual"));
	if (targets && t->polarity == GT_CHART_BAND)
		add(k, SAMPLE_FILL, GT_RANGE_FILL, gt_xstrdup("Target range"));
	else if (targets)
		add(k, SAMPLE_STEP, GT_TARGET, gt_xstrdup("Target"));
	if (zones)
		/* Not "Within tolerance": that names a status marker. */
		add(k, SAMPLE_FILL, GT_TOL_FILL, gt_xstrdup("Tolerance zone"));
	add_comparators(f, k);
	add_marks(f, k);
	if (f->ax.broken) {
		gt_chart_tick_label(v, sizeof(v), f->ax.lo, &f->ax.ticks,
		    t->unit);
		add(k, SAMPLE_BREAK, GT_AXIS, gt_xasprintf("Axis starts at %s, "
		    "not zero", v));
	}
}

void
gt_key_place(struct gt_frame *f, struct gt_key *k, double w, int beside)
{
	double	 x = 0, rows = 1, th, most = 0, whole;
	size_t	 i;

	k->row = 18;
	k->beside = beside;
	for (i = 0; i < k->n; i++) {
		/* Its whole width: a key beside must not cut it. */
		PangoLayout	*l = gt_chart_text(f->pc, k->v[i].text,
		    GT_TEXT_MIN, 0, 0, 1);

		gt_chart_text_size(l, &whole, &th);
		g_object_unref(l);
		most = fmax(most, lead(&k->v[i]) + whole);
		k->v[i].w = fmin(whole, w - SAMPLE - SAMPLE_GAP);
		if (th + 4 > k->row)
			k->row = th + 4;
		if (beside)
			continue;
		if (x > 0 && x + lead(&k->v[i]) + k->v[i].w > w) {
			rows++;
			x = 0;
		}
		x += lead(&k->v[i]) + k->v[i].w + ITEM_GAP;
	}
	if (beside) {
		k->w = most;	/* more than w: some text would be cut */
		k->h = k->n * k->row;
	} else {
		k->w = w;
		k->h = k->n ? rows * k->row : 0;
	}
}

static void
sample(cairo_t *cr, const struct gt_key_item *it, double x, double cy)
{
	cairo_save(cr);
	cairo_new_path(cr);
	switch (it->sample) {
	case SAMPLE_LINE:
		gt_chart_rgb(cr, it->colour);
		cairo_set_line_width(cr, it->width);
		gt_chart_dash(cr, it->dash);
		cairo_move_to(cr, x, cy);
		cairo_line_to(cr, x + SAMPLE, cy);
		gt_chart_paint(cr, GT_STROKE);
		break;
	case SAMPLE_STEP:
		gt_chart_rgb(cr, it->colour);
		cairo_set_line_width(cr, 2);
		cairo_move_to(cr, x, cy + 4);
		cairo_line_to(cr, x + 12, cy + 4);
		cairo_line_to(cr, x + 12, cy - 4);
		cairo_line_to(cr, x + SAMPLE, cy - 4);
		gt_chart_paint(cr, GT_STROKE);
		break;
	case SAMPLE_FILL:
		gt_chart_rgb(cr, it->colour);
		cairo_rectangle(cr, x + 2, cy - 6, SAMPLE - 4, 12);
		gt_chart_paint(cr, GT_FILL);
		if (it->colour == GT_RANGE_FILL) {
			/* The range's edges, as drawn in the plot. */
			gt_chart_rgb(cr, GT_TARGET);
			cairo_set_line_width(cr, 1.5);
			cairo_move_to(cr, x + 2, cy - 6);
			cairo_line_to(cr, x + SAMPLE - 2, cy - 6);
			cairo_move_to(cr, x + 2, cy + 6);
			cairo_line_to(cr, x + SAMPLE - 2, cy + 6);
			gt_chart_paint(cr, GT_STROKE);
		}
		break;
	case SAMPLE_MARKER:
		if (it->dash < 0) {
			gt_chart_rgb(cr, it->colour);
			cairo_set_line_width(cr, 2.5);
			gt_chart_dash(cr, -1);
			cairo_move_to(cr, x, cy);
			cairo_line_to(cr, x + SAMPLE / 2, cy);
			gt_chart_paint(cr, GT_STROKE);
		}
		gt_chart_marker(cr, x + SAMPLE / 2, cy, GT_MARK, it->shape,
		    it->colour, it->hollow);
		break;
	case SAMPLE_BREAK:
		gt_chart_rgb(cr, GT_AXIS);
		cairo_set_line_width(cr, 1);
		cairo_move_to(cr, x + SAMPLE / 2, cy - 8);
		cairo_line_to(cr, x + SAMPLE / 2, cy + 8);
		gt_chart_paint(cr, GT_STROKE);
		gt_chart_break_mark(cr, x + SAMPLE / 2, cy);
		break;
	case SAMPLE_NONE:
		break;
	}
	cairo_restore(cr);
}

void
gt_key_draw(struct gt_frame *f, const struct gt_key *k, double x0, double y0)
{
	double	 x = x0, y = y0, cy, tx;
	size_t	 i;

	for (i = 0; i < k->n; i++) {
		const struct gt_key_item *it = &k->v[i];
		PangoLayout	*l;

		if (k->beside && i > 0) {
			y += k->row;
		} else if (!k->beside && x > x0 &&
		    x + lead(it) + it->w > x0 + k->w) {
			x = x0;
			y += k->row;
		}
		cy = y + k->row / 2;
		sample(f->cr, it, x, cy);
		tx = x + lead(it);
		l = gt_chart_text(f->pc, it->text, GT_TEXT_MIN, 0,
		    k->w - SAMPLE - SAMPLE_GAP, 1);
		gt_chart_show(f->cr, l, tx, cy, 0, 0.5, GT_INK, 0);
		g_object_unref(l);
		if (!k->beside)
			x += lead(it) + it->w + ITEM_GAP;
	}
}

void
gt_key_free(struct gt_key *k)
{
	size_t	 i;

	for (i = 0; i < k->n; i++)
		free(k->v[i].text);
	free(k->v);
	k->v = NULL;
	k->n = k->cap = 0;
	k->h = k->w = 0;
}
