/* chart_axis.c: nice ticks, the y axis rule, and x labels that thin out. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "chart_int.h"
#include "format.h"

void
gt_chart_ticks(double lo, double hi, int max, struct gt_ticks *t)
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
			if (ceil(hi / step - 1e-9) - floor(lo / step + 1e-9) +
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
	if (unit == NULL || *unit == '\0' || gt_chart_tick_unit(unit) != NULL ||
	    strcmp(unit, "count") == 0 || strcmp(unit, "rate") == 0)
		return NULL;
	return unit;
}

void
gt_chart_yaxis(double dlo, double dhi, int max, int bars, struct gt_yaxis *y)
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
	gt_chart_ticks(dlo, dhi, max, &y->ticks);
	if (y->broken && dlo > 0 && y->ticks.first <= 0)
		y->broken = 0;	/* the round start reached zero anyway */
	if (y->broken && dhi < 0 && gt_tick_value(&y->ticks,
	    y->ticks.n - 1) >= 0)
		y->broken = 0;
	y->lo = y->ticks.first;
	y->hi = gt_tick_value(&y->ticks, y->ticks.n - 1);
}

/*
 * The widest label, in px, with the gap labels need between them. Labels
 * of one length are alike ("2024/25 Q2"), so one of each length is
 * measured.
 */
static double
widest(PangoContext *pc, const struct gt_chart_point *p, size_t n,
    int use_year)
{
	unsigned char	 seen[256] = { 0 };
	double		 w, most = 0;
	size_t		 i, len;

	for (i = 0; i < n; i++) {
		const char	*s = use_year ? p[i].year : p[i].period;
		PangoLayout	*l;

		if (s == NULL)
			continue;
		len = strlen(s);
		if (len < sizeof(seen) && seen[len]++)
			continue;
		l = gt_chart_text(pc, s, GT_TEXT_MIN, 0, 0, 1);
		gt_chart_text_size(l, &w, NULL);
		g_object_unref(l);
		if (w > most)
			most = w;
	}
	return most + GT_TEXT_GAP;
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

void
gt_chart_xlabels(PangoContext *pc, const struct gt_chart_point *p, size_t n,
    double slot, const char **labels)
{
	double	 wide = widest(pc, p, n, 0);
	size_t	 i, k, m, first = n, second = n, span;

	for (i = 0; i < n; i++)
		labels[i] = wide <= slot ? p[i].period : NULL;
	if (wide <= slot)
		return;
	for (i = 0; i < n && second == n; i++)
		if (p[i].year != NULL) {
			if (first == n)
				first = i;
			else
				second = i;
		}
	if (first == n) {
		/* No years given: every k-th period, counted from the last. */
		for (k = 1; (double)k * slot < wide; k = next_every(k))
			continue;
		for (i = 0; i < n; i++)
			labels[i] = (n - 1 - i) % k == 0 ? p[i].period : NULL;
		return;
	}
	/* Year labels, every k-th year; span is the slots in a year. */
	wide = widest(pc, p, n, 1);
	span = second < n ? second - first : n;
	for (k = 1; (double)(k * span) * slot < wide; k = next_every(k))
		continue;
	for (i = first, m = 0; i < n; i++)
		if (p[i].year != NULL && m++ % k == 0)
			labels[i] = p[i].year;
}
