/*
 * chart_compare.c: comparators at any number. A few are lines of their
 * own; the rest make one grey range; any on another scale from ours are
 * named but not drawn (chart.h).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chart_int.h"
#include "util.h"

/* The median of the finite nonzero magnitudes of v, or 0 if none. */
static double
median_magnitude(const double *v, size_t n, double *tmp)
{
	size_t	 i, k = 0;

	for (i = 0; i < n; i++)
		if (isfinite(v[i]) && v[i] != 0)
			tmp[k++] = fabs(v[i]);
	return k == 0 ? 0 : gt_median(tmp, k);
}

int
gt_chart_other_scale(const double *ours, size_t nours, const double *theirs,
    size_t ntheirs)
{
	double	*tmp = gt_xcalloc((nours > ntheirs ? nours : ntheirs) + 1,
	    sizeof(*tmp));
	double	 a = median_magnitude(ours, nours, tmp);
	double	 b = median_magnitude(theirs, ntheirs, tmp);

	free(tmp);
	if (!(a > 0) || !(b > 0))
		return 0;
	return fmax(a, b) / fmin(a, b) >= GT_OTHER_SCALE;
}

void
gt_chart_roles(const struct gt_chart_trend *t, struct gt_roles *r)
{
	size_t	 first, this_year, from, c, i, n = t->ncomparators, lines = 0;
	size_t	 eligible = 0;
	double	*ours;

	memset(r, 0, sizeof(*r));
	if (n == 0)
		return;
	r->role = gt_xcalloc(n, sizeof(*r->role));
	r->style = gt_xcalloc(n, sizeof(*r->style));
	r->scratch = gt_xcalloc(n, sizeof(*r->scratch));
	/* By year, comparators are drawn for this year only. */
	from = gt_chart_by_year(t, &first, &this_year) ? this_year : first;
	ours = gt_xcalloc(t->npoints + 1, sizeof(*ours));
	for (i = first; i < t->npoints; i++)
		ours[i - first] = gt_chart_has_value(t, i) ?
		    t->points[i].value : NAN;
	for (c = 0; c < n; c++) {
		const double *v = t->comparators[c].values;

		for (i = from; v != NULL && i < t->npoints; i++)
			if (isfinite(v[i]))
				break;
		if (v == NULL || i == t->npoints)
			r->role[c] = GT_ROLE_NONE;
		else if (gt_chart_other_scale(ours, t->npoints - first,
		    v + from, t->npoints - from))
			r->role[c] = GT_ROLE_APART;
		else {
			r->role[c] = GT_ROLE_RANGE;
			eligible++;
		}
	}
	free(ours);
	/* As many as there are styles are all lines; else the named. */
	for (c = 0; c < n; c++) {
		if (r->role[c] != GT_ROLE_RANGE)
			continue;
		if (eligible <= GT_NCOMPARE || (t->comparators[c].named &&
		    lines < GT_NAMED)) {
			r->role[c] = GT_ROLE_LINE;
			r->style[c] = lines++;
		}
	}
	for (c = 0; c < n; c++) {
		r->nline += r->role[c] == GT_ROLE_LINE;
		r->nrange += r->role[c] == GT_ROLE_RANGE;
		r->napart += r->role[c] == GT_ROLE_APART;
	}
	/* Many: the middle half, so that one outlier does not set it. */
	r->quartiles = r->nrange >= 8;
}

void
gt_roles_free(struct gt_roles *r)
{
	free(r->role);
	free(r->style);
	free(r->scratch);
	memset(r, 0, sizeof(*r));
}

/* The q-quantile of sorted v[0..n-1], between neighbours. */
static double
quantile(const double *v, size_t n, double q)
{
	double	 at = q * (double)(n - 1);
	size_t	 k = (size_t)floor(at);

	if (k + 1 >= n)
		return v[n - 1];
	return v[k] + (at - (double)k) * (v[k + 1] - v[k]);
}

size_t
gt_chart_range_at(const struct gt_chart_trend *t, struct gt_roles *r,
    size_t i, double *lo, double *hi)
{
	size_t	 c, k = 0;

	for (c = 0; c < t->ncomparators; c++)
		if (r->role[c] == GT_ROLE_RANGE &&
		    isfinite(t->comparators[c].values[i]))
			r->scratch[k++] = t->comparators[c].values[i];
	if (k == 0)
		return 0;
	gt_sort(r->scratch, k, sizeof(*r->scratch), gt_dbl_cmp);
	*lo = r->quartiles ? quantile(r->scratch, k, 0.25) : r->scratch[0];
	*hi = r->quartiles ? quantile(r->scratch, k, 0.75) :
	    r->scratch[k - 1];
	return k;
}

/* Comparators are drawn from here on (by year: this year's points). */
static size_t
drawn_from(const struct gt_frame *f)
{
	return f->by_year ? f->this_year : f->first;
}

void
gt_draw_others(struct gt_frame *f)
{
	const struct gt_chart_trend *t = f->t;
	cairo_t	*cr = f->cr;
	double	*lo, *hi, half = fmin(fmax(f->slot * 0.3, 3), 10);
	size_t	 i, k, start, from = drawn_from(f);

	if (f->roles.nrange == 0)
		return;
	lo = gt_xcalloc(t->npoints + 1, sizeof(*lo));
	hi = gt_xcalloc(t->npoints + 1, sizeof(*hi));
	cairo_save(cr);
	/* Each run of periods with figures: along the top, back along the
	 * bottom; a run of one is a short bar. One path in all. */
	for (i = from; i < t->npoints; ) {
		for (start = i; i < t->npoints && gt_chart_range_at(t,
		    &f->roles, i, &lo[i], &hi[i]) > 0; i++)
			continue;
		if (i == start) {
			i++;
			continue;
		}
		if (i - start == 1) {
			cairo_rectangle(cr, gt_frame_x(f, start) - half,
			    gt_frame_y(f, hi[start]) - 1, 2 * half,
			    gt_frame_y(f, lo[start]) - gt_frame_y(f,
			    hi[start]) + 2);
			continue;
		}
		cairo_move_to(cr, gt_frame_x(f, start), gt_frame_y(f,
		    hi[start]));
		for (k = start + 1; k < i; k++)
			cairo_line_to(cr, gt_frame_x(f, k), gt_frame_y(f,
			    hi[k]));
		for (k = i; k > start; k--)
			cairo_line_to(cr, gt_frame_x(f, k - 1),
			    gt_frame_y(f, lo[k - 1]));
		cairo_close_path(cr);
	}
	gt_chart_rgb(cr, GT_OTHERS_FILL);
	gt_chart_paint(cr, GT_FILL);
	cairo_restore(cr);
	free(lo);
	free(hi);
}

void
gt_draw_comparators(struct gt_frame *f)
{
	const struct gt_chart_trend *t = f->t;
	cairo_t	*cr = f->cr;
	double	 x, y, px = 0, py = 0, half = fmin(fmax(f->slot * 0.4, 6),
		    12);
	size_t	 c, i, from = drawn_from(f);
	int	 open;

	cairo_save(cr);
	cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
	for (c = 0; c < t->ncomparators; c++) {
		const double *v = t->comparators[c].values;

		if (f->roles.role[c] != GT_ROLE_LINE)
			continue;
		gt_chart_rgb(cr, gt_compare_colour(f->roles.style[c]));
		cairo_set_line_width(cr, 1.5);
		gt_chart_dash(cr, (int)f->roles.style[c] + 1);
		for (open = 0, i = from; i < t->npoints; i++) {
			if (!isfinite(v[i])) {
				open = 0;
				continue;
			}
			x = gt_frame_x(f, i);
			y = gt_frame_y(f, v[i]);
			if (open) {
				cairo_line_to(cr, x, y);
				gt_segs_add(&f->lines, px, py, x, y);
			} else
				cairo_move_to(cr, x, y);
			px = x;
			py = y;
			open = 1;
		}
		gt_chart_paint(cr, GT_STROKE);
		/* A figure with none beside it: a solid bar that shows. */
		cairo_set_line_width(cr, 2.5);
		gt_chart_dash(cr, 0);
		for (i = from; i < t->npoints; i++) {
			if (!isfinite(v[i]) || (i > from && isfinite(v[i - 1])) ||
			    (i + 1 < t->npoints && isfinite(v[i + 1])))
				continue;
			x = gt_frame_x(f, i);
			y = gt_frame_y(f, v[i]);
			cairo_move_to(cr, x - half, y);
			cairo_line_to(cr, x + half, y);
			gt_segs_add(&f->lines, x - half, y, x + half, y);
		}
		gt_chart_paint(cr, GT_STROKE);
	}
	cairo_restore(cr);
}
