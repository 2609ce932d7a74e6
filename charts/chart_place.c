/*
 * chart_place.c: labels that keep clear of what is drawn. Lines are kept
 * as segments and markers as boxes while the plot is drawn; a label tries
 * spots around its point and takes the first that touches none of them.
 * Labels at the right of the plot (the target, comparators' lines, last
 * year's line) are spread apart as near their values as they can be.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chart_int.h"
#include "format.h"
#include "util.h"

void
gt_segs_add(struct gt_segs *s, double x0, double y0, double x1, double y1)
{
	double	*v = *GT_PUSH(s->v, s->n, s->cap);

	v[0] = x0;
	v[1] = y0;
	v[2] = x1;
	v[3] = y1;
}

/* Liang-Barsky: does the segment cross the box? */
static int
seg_in_box(const double *s, struct gt_box b)
{
	double	 dx = s[2] - s[0], dy = s[3] - s[1], t0 = 0, t1 = 1, r;
	double	 p[4] = { -dx, dx, -dy, dy };
	double	 q[4] = { s[0] - b.x0, b.x1 - s[0], s[1] - b.y0, b.y1 - s[1] };
	int	 k;

	for (k = 0; k < 4; k++) {
		if (p[k] == 0) {
			if (q[k] < 0)
				return 0;
			continue;
		}
		r = q[k] / p[k];
		if (p[k] < 0) {
			if (r > t1)
				return 0;
			if (r > t0)
				t0 = r;
		} else {
			if (r < t0)
				return 0;
			if (r < t1)
				t1 = r;
		}
	}
	return 1;
}

int
gt_segs_hit(const struct gt_segs *s, struct gt_box b, double pad)
{
	size_t	 i;

	b.x0 -= pad;
	b.y0 -= pad;
	b.x1 += pad;
	b.y1 += pad;
	for (i = 0; i < s->n; i++)
		if (seg_in_box(s->v[i], b))
			return 1;
	return 0;
}

void
gt_segs_free(struct gt_segs *s)
{
	free(s->v);
	s->v = NULL;
	s->n = s->cap = 0;
}

/*
 * Spots around a point: a direction and the label's anchor there. The
 * first two are swapped when the label would rather go below.
 */
static const double spots[8][4] = {
	{ 0, -1, 0.5, 1 },		/* above */
	{ 0, 1, 0.5, 0 },		/* below */
	{ 1, 0, 0, 0.5 },		/* right */
	{ -1, 0, 1, 0.5 },		/* left */
	{ 0.7, -0.7, 0, 1 },		/* above right */
	{ -0.7, -0.7, 1, 1 },		/* above left */
	{ 0.7, 0.7, 0, 0 },		/* below right */
	{ -0.7, 0.7, 1, 0 },		/* below left */
};
/* How far out: just clear of the marker, then further. */
static const double rings[] = { GT_MARK / 2 + 4, GT_MARK / 2 + 12,
    GT_MARK / 2 + 24, GT_MARK / 2 + 40 };

int
gt_place_label(struct gt_frame *f, PangoLayout *l, double cx, double cy,
    int above, int one_side, double x0, double x1, uint32_t colour)
{
	double	 w, h, sx, sy;
	size_t	 r, k, s;
	int	 strict;

	gt_chart_text_size(l, &w, &h);
	/* Strict first: nothing touched; then lines, then markers too. */
	for (strict = 2; strict >= 0; strict--)
		for (r = 0; r < sizeof(rings) / sizeof(rings[0]); r++)
			for (k = 0; k < (one_side ? 1u : 8u); k++) {
				const double *d;
				struct gt_box b;

				s = k;
				if (!above && k < 2)
					s = 1 - k;
				else if (!above && k >= 4)
					s = k < 6 ? k + 2 : k - 2;
				d = spots[s];
				sx = cx + d[0] * rings[r];
				sy = cy + d[1] * rings[r];
				b.x0 = sx - d[2] * w;
				b.y0 = sy - d[3] * h;
				/* Above or below: slide along to fit. */
				if (d[0] == 0 && b.x0 + w > x1)
					b.x0 = x1 - w;
				if (d[0] == 0 && b.x0 < x0)
					b.x0 = x0;
				b.x1 = b.x0 + w;
				b.y1 = b.y0 + h;
				if (b.x0 < x0 || b.x1 > x1 ||
				    b.y0 < f->py - 8 || b.y1 > f->py + f->ph)
					continue;
				if (gt_boxes_hit(&f->boxes, b, 2))
					continue;
				if (strict > 0 && gt_boxes_hit(&f->marks, b, 1))
					continue;
				if (strict > 1 && gt_segs_hit(&f->lines, b, 1.5))
					continue;
				gt_boxes_add(&f->boxes, b);
				gt_boxes_add(&f->values, b);
				gt_chart_show(f->cr, l, b.x0, b.y0, 0, 0,
				    colour, 1);
				return 1;
			}
	return 0;
}

static int
by_want(const void *a, const void *b)
{
	const struct gt_side *x = a, *y = b;

	return x->want < y->want ? -1 : x->want > y->want;
}

/* The last finite of v[from..n-1], or -1. */
static long
last_of(const double *v, size_t from, size_t n)
{
	for (; n > from; n--)
		if (isfinite(v[n - 1]))
			return (long)(n - 1);
	return -1;
}

static void
add_side(struct gt_sides *lo, char *text, uint32_t colour, double want)
{
	struct gt_side	*s = &lo->v[lo->n++];

	s->text = text;
	s->colour = colour;
	s->want = want;
}

void
gt_sides_make(struct gt_frame *f, struct gt_sides *lo, double width)
{
	const struct gt_chart_trend *t = f->t;
	char	 a[GT_NUMBER_MAX], b[GT_NUMBER_MAX];
	double	*v;
	size_t	 i, c, from = f->by_year ? f->this_year : f->first;
	long	 k;

	lo->v = gt_xcalloc(t->ncomparators + 2, sizeof(*lo->v));
	for (i = t->npoints; i > from; i--) {
		const struct gt_chart_target *g = &t->points[i - 1].target;

		if (!g->set)
			continue;
		gt_format_value(a, sizeof(a), gt_target_line(t, g), t->decimals,
		    t->unit);
		if (t->polarity == GT_CHART_BAND) {
			gt_format_value(b, sizeof(b), g->hi, t->decimals,
			    t->unit);
			add_side(lo, gt_xasprintf("Target %s to %s", a, b),
			    GT_TARGET, (g->lo + g->hi) / 2);
		} else
			add_side(lo, gt_xasprintf("Target %s", a), GT_TARGET,
			    gt_target_line(t, g));
		break;
	}
	/* Last year's line ends at the right: its year and final figure. */
	if (f->by_year && f->first < f->this_year) {
		v = gt_xcalloc(t->npoints, sizeof(*v));
		for (i = 0; i < t->npoints; i++)
			v[i] = gt_chart_has_value(t, i) ? t->points[i].value :
			    NAN;
		if ((k = last_of(v, f->first, f->this_year)) >= 0) {
			gt_format_value(a, sizeof(a), v[k], t->decimals,
			    t->unit);
			add_side(lo, gt_xasprintf("%s %s", gt_trend_year(t,
			    f->first, "Last year"), a), GT_LAST_YEAR, v[k]);
		}
		free(v);
	}
	for (c = 0; c < t->ncomparators; c++) {
		if (f->roles.role[c] != GT_ROLE_LINE ||
		    (k = last_of(t->comparators[c].values, from,
		    t->npoints)) < 0)
			continue;
		gt_format_value(a, sizeof(a), t->comparators[c].values[k],
		    t->decimals, t->unit);
		add_side(lo, gt_xasprintf("%s %s", t->comparators[c].name !=
		    NULL ? t->comparators[c].name : "Comparator", a),
		    gt_compare_colour(f->roles.style[c]),
		    t->comparators[c].values[k]);
	}
	for (i = 0; i < lo->n; i++) {
		lo->v[i].l = gt_chart_text(f->pc, lo->v[i].text,
		    GT_TEXT_MIN, 0, width, 2);
		gt_chart_text_size(lo->v[i].l, &lo->v[i].w,
		    &lo->v[i].h);
	}
}

/* Spread the side labels so none overlap, as near their values as can be. */
static void
spread(struct gt_frame *f, struct gt_side *s, size_t n)
{
	double	 top = f->py - 6, bottom = f->py + f->ph + 6;
	size_t	 i;

	for (i = 0; i < n; i++)
		s[i].want = gt_frame_y(f, s[i].want);
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

void
gt_sides_draw(struct gt_frame *f, struct gt_sides *lo)
{
	size_t	 i;

	if (lo->n == 0)
		return;
	spread(f, lo->v, lo->n);
	for (i = 0; i < lo->n; i++) {
		struct gt_box b = { f->px + f->pw + 6, lo->v[i].y,
		    f->px + f->pw + 6 + lo->v[i].w,
		    lo->v[i].y + lo->v[i].h };

		gt_boxes_add(&f->boxes, b);
		gt_chart_show(f->cr, lo->v[i].l, b.x0, b.y0, 0, 0,
		    lo->v[i].colour, 0);
	}
}

void
gt_sides_free(struct gt_sides *lo)
{
	size_t	 i;

	for (i = 0; i < lo->n; i++) {
		g_object_unref(lo->v[i].l);
		free(lo->v[i].text);
	}
	free(lo->v);
	memset(lo, 0, sizeof(*lo));
}
