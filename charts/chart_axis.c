/* chart_axis.c: nice ticks, the y axis rule, and x labels that thin out. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart_int.h"
#include "format.h"
#include "util.h"

static void
ticks(double lo, double hi, int max, double min_step, struct gt_ticks *t)
{
	static const double mult[] = { 1, 2, 5 };
	double	 mag, step = 0;
	int	 i, k;

	if (max < 2)
		max = 2;
	if (!(hi > lo)) {
		hi = lo + 1;
	}
	/* Start one decade below the rough step and walk up 1, 2, 5. */
	mag = pow(10, floor(log10((hi - lo) / (max - 1))) - 1);
	for (k = 0; k < 40; k++, mag *= 10) {
		for (i = 0; i < 3; i++) {
			step = mult[i] * mag;
			if (step >= min_step * (1 - 1e-9) &&
			    ceil(hi / step - 1e-9) - floor(lo / step + 1e-9) +
			    1 <= max)
				goto found;
		}
	}
found:
	t->step = step;
	t->first = floor(lo / step + 1e-9) * step;
	t->n = (int)(ceil(hi / step - 1e-9) - floor(lo / step + 1e-9)) + 1;
	t->decimals = step >= 1 ? 0 : (int)ceil(-log10(step) - 1e-9);
}

void
gt_chart_ticks(double lo, double hi, int max, struct gt_ticks *t)
{
	ticks(lo, hi, max, 0, t);
}

double
gt_tick_value(const struct gt_ticks *t, int i)
{
	/* From the integer multiple, so rounding does not accumulate. */
	return (round(t->first / t->step) + i) * t->step;
}

void
gt_chart_tick_label(char *buf, size_t sz, double v, const struct gt_ticks *t,
    const char *unit)
{
	double	 top = fmax(fabs(t->first), fabs(gt_tick_value(t, t->n - 1)));

	if (top >= 1e4)
		gt_format_compact(buf, sz, v, gt_chart_tick_unit(unit));
	else
		gt_format_value(buf, sz, v, t->decimals,
		    gt_chart_tick_unit(unit));
}

const char *
gt_chart_tick_unit(const char *unit)
{
	if (unit != NULL && (unit[0] == '%' || strcmp(unit, "\xc2\xa3") == 0))
		return unit[0] == '%' ? "%" : unit;
	return NULL;
}

const char *
gt_chart_unit_caption(const char *unit)
{
	const char	*on_ticks = gt_chart_tick_unit(unit);

	if (unit == NULL || *unit == '\0' || (on_ticks != NULL &&
	    strcmp(unit, on_ticks) == 0))
		return NULL;
	if (strcmp(unit, "count") == 0)
		return "Number";
	if (strcmp(unit, "rate") == 0)
		return "Rate";
	return unit;
}

void
gt_chart_yaxis(double dlo, double dhi, int max, int bars, double min_step,
    struct gt_yaxis *y)
{
	double	 small = fmin(fabs(dlo), fabs(dhi));
	double	 big = fmax(fabs(dlo), fabs(dhi));
	int	 one_side = dlo >= 0 || dhi <= 0;

	y->broken = 0;
	if (dlo == 0 && dhi == 0) {
		dhi = 1;
	} else if (one_side && small > big / 2 && dhi > dlo && !bars) {
		/*
		 * Narrow for its size: a round start below the data, with a
		 * little room so the lowest figure does not sit on the axis.
		 */
		y->broken = 1;
		if (dlo > 0)
			dlo -= (dhi - dlo) * 0.05;
		else
			dhi += (dhi - dlo) * 0.05;
	} else if (dlo >= 0) {
		dlo = 0;
	} else if (dhi <= 0) {
		dhi = 0;
	}
	ticks(dlo, dhi, max, min_step, &y->ticks);
	if (y->broken && dlo > 0 && y->ticks.first <= 0)
		y->broken = 0;	/* the round start reached zero anyway */
	if (y->broken && dhi < 0 && gt_tick_value(&y->ticks,
	    y->ticks.n - 1) >= 0)
		y->broken = 0;
	y->lo = y->ticks.first;
	y->hi = gt_tick_value(&y->ticks, y->ticks.n - 1);
}

/*
 * Whether labels[0..n-1], centred in their slots, keep GT_TEXT_GAP apart;
 * the widths are kept in w (negative: not yet measured).
 */
static int
apart(PangoContext *pc, const char **labels, size_t n, double slot,
    double *w)
{
	double	 end = -1e300, cx;
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (labels[i] == NULL)
			continue;
		if (w[i] < 0)
			w[i] = gt_chart_text_width(pc, labels[i], GT_TEXT_MIN, 0);
		cx = ((double)i + 0.5) * slot;
		if (cx - w[i] / 2 < end + GT_TEXT_GAP)
			return 0;
		end = cx + w[i] / 2;
	}
	return 1;
}

/* The next of 1, 2, 5, 10, 20, 50... */
static size_t
next_every(size_t k)
{
	size_t	 d = 1;

	while (k >= d * 10)
		d *= 10;
	return k / d == 1 ? 2 * d : k / d == 2 ? 5 * d : 10 * d;
}

/* Years at their first periods, every k-th; with sub, the periods whose
 * place in the year is 1 + a multiple of sub are named between. */
static void
years(const struct gt_chart_trend *t, const struct gt_chart_point *p,
    size_t n, size_t k, size_t sub, const char **labels, char *ticks)
{
	size_t	 i, m = 0;

	for (i = 0; i < n; i++) {
		labels[i] = NULL;
		if (p[i].in_year == 1) {
			ticks[i] = 1;
			if (m++ % k == 0)
				labels[i] = p[i].year;
		} else if (sub > 0 && t->slot_names != NULL &&
		    (size_t)(p[i].in_year - 1) % sub == 0)
			labels[i] = t->slot_names[p[i].in_year - 1];
	}
}

void
gt_chart_xlabels(PangoContext *pc, const struct gt_chart_trend *t,
    size_t first, double slot, const char **labels, char *ticks)
{
	static const size_t months[] = { 3, 6 }, quarters[] = { 1, 2 };
	const struct gt_chart_point *p = t->points + first;
	const size_t	*subs = t->periods_per_year == 12 ? months : quarters;
	size_t		 n = t->npoints - first, i, j, k, nyears = 0;
	double		*w = gt_xcalloc(n + 1, sizeof(*w));

	memset(ticks, 0, n);
	for (i = 0; i < n; i++) {
		labels[i] = p[i].period;
		w[i] = -1;
		nyears += p[i].in_year == 1 && p[i].year != NULL;
	}
	if (apart(pc, labels, n, slot, w))
		goto out;
	for (i = 0; i < n; i++)
		w[i] = -1;
	if (nyears == 0) {
		/* No years given: every k-th period, counted from the last. */
		for (k = 2; ; k = next_every(k)) {
			for (i = 0; i < n; i++)
				labels[i] = (n - 1 - i) % k == 0 ?
				    p[i].period : NULL;
			if (apart(pc, labels, n, slot, w) || k > n)
				goto out;
		}
	}
	/* Each year with periods named between, then years alone. */
	for (j = 0; j < 2 && t->periods_per_year > 1; j++) {
		years(t, p, n, 1, subs[j], labels, ticks);
		if (apart(pc, labels, n, slot, w))
			goto first_year;
		for (i = 0; i < n; i++)
			w[i] = -1;
	}
	for (k = 1; ; k = next_every(k)) {
		for (i = 0; i < n; i++)
			w[i] = -1;
		years(t, p, n, k, 0, labels, ticks);
		if (apart(pc, labels, n, slot, w) || k > nyears)
			break;
	}
first_year:
	/*
	 * The first point's year, when it starts part way: periods named
	 * after it give way to it, a year does not.
	 */
	if (p[0].in_year > 1 && p[0].year != NULL) {
		const char **had = gt_xcalloc(n + 1, sizeof(*had));

		memcpy(had, labels, n * sizeof(*labels));
		labels[0] = p[0].year;
		for (i = 0; i < n; i++)
			w[i] = -1;
		for (i = 1; i < n && !apart(pc, labels, n, slot, w); i++) {
			if (labels[i] == NULL)
				continue;
			if (p[i].in_year == 1) {
				memcpy(labels, had, n * sizeof(*labels));
				break;
			}
			labels[i] = NULL;
		}
		free(had);
	}
out:
	free(w);
}

/* By year: the year's periods' names, every k-th as room allows. */
static void
year_labels(struct gt_frame *f, const char **labels)
{
	static const size_t months[] = { 1, 3, 6, 12 }, quarters[] = { 1, 2, 4 };
	const struct gt_chart_trend *t = f->t;
	const size_t	*every = t->periods_per_year == 12 ? months : quarters;
	size_t		 n = t->periods_per_year == 12 ? 4 : 3, s, k;
	double		 most = 0;

	if (t->slot_names == NULL)
		return;
	for (s = 0; s < f->nslots; s++)
		most = fmax(most, gt_chart_text_width(f->pc, t->slot_names[s],
		    GT_TEXT_MIN, 0));
	for (k = 0; k + 1 < n && (double)every[k] * f->slot < most +
	    GT_TEXT_GAP; k++)
		continue;
	for (s = 0; s < f->nslots; s += every[k])
		labels[s] = t->slot_names[s];
}

void
gt_draw_xlabels(struct gt_frame *f)
{
	const struct gt_chart_trend *t = f->t;
	size_t		 n = f->by_year ? f->nslots : t->npoints - f->first, i;
	const char	**labels = gt_xcalloc(n + 1, sizeof(*labels));
	char		*ticks = gt_xcalloc(n + 1, 1);
	cairo_t		*cr = f->cr;
	double		 bottom = round(f->py + f->ph) + 0.5, w, h, cx;
	double		 x0 = f->x, x1 = f->x + f->w;

	if (f->by_year)
		year_labels(f, labels);
	else
		gt_chart_xlabels(f->pc, t, f->first, f->slot, labels, ticks);
	cairo_save(cr);
	for (i = 0; i < n; i++) {
		PangoLayout	*l;
		struct gt_box	 b;

		if (labels[i] == NULL)
			continue;
		cx = f->px + ((double)i + 0.5) * f->slot;
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
	/* The ticks of the labels shown and of years, in one path. */
	for (i = 0; i < n; i++)
		if (labels[i] != NULL || ticks[i]) {
			cx = round(f->px + ((double)i + 0.5) * f->slot) + 0.5;
			cairo_move_to(cr, cx, bottom);
			cairo_line_to(cr, cx, bottom + (labels[i] ? 4 : 3));
		}
	gt_chart_rgb(cr, GT_AXIS);
	cairo_set_line_width(cr, 1);
	gt_chart_paint(cr, GT_STROKE);
	cairo_restore(cr);
	free(labels);
	free(ticks);
}

