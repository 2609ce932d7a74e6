/*
 * test_chart.c: the charts: palette contrast, ticks and the y axis rule,
 * x labels, descriptions, edge cases drawn without error, byte-identical
 * output, and reference images.
 *
 * Reference images live in tests/charts/ref/NAME.png. A render matches if
 * at most REF_SHARE of its pixels differ from the reference by more than
 * REF_DELTA in any channel (room for a Pango or Cairo point release). Run
 * with GT_BLESS=1 (make charts-ref) to write them after a deliberate
 * change, and look at every one before committing.
 */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "chart_int.h"
#include "format.h"
#include "util.h"

#define REF_DIR		"tests/charts/ref"
#define REF_DELTA	16
#define REF_SHARE	0.005

/* --- Fixtures -------------------------------------------------------- */

#define MAXP	240

#define MAXC	17

struct fix {
	char			 period[MAXP][24];
	char			 year[MAXP][16];
	struct gt_chart_point	 p[MAXP];
	double			 cmp[MAXP];
	struct gt_chart_comparator c;
	struct gt_chart_trend	 t;
	double			 cmps[MAXC][MAXP];	/* many comparators */
	struct gt_chart_comparator cs[MAXC];
};

static const char *const mon[] = { "Apr", "May", "Jun", "Jul", "Aug",
    "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar" };
static const char *const qtr[] = { "Q1", "Q2", "Q3", "Q4" };

/* n quarters from 2020/21 Q1 (or months from April 2005 if monthly). */
static void
periods(struct fix *f, size_t n, int monthly)
{
	size_t	 i, per = monthly ? 12 : 4;
	int	 y;

	memset(f, 0, sizeof(*f));
	for (i = 0; i < n; i++) {
		y = (monthly ? 2005 : 2020) + (int)(i / per);
		if (monthly)
			snprintf(f->period[i], sizeof(f->period[i]), "%s %d",
			    mon[i % 12], i % 12 < 9 ? y : y + 1);
		else
			snprintf(f->period[i], sizeof(f->period[i]),
			    "%d/%02d Q%zu", y, (y + 1) % 100, i % 4 + 1);
		snprintf(f->year[i], sizeof(f->year[i]), "%d/%02d", y,
		    (y + 1) % 100);
		f->p[i].period = f->period[i];
		f->p[i].year = f->year[i];
		f->p[i].in_year = (int)(i % per) + 1;
		f->p[i].status = GT_CHART_NO_TARGET;
		f->cmp[i] = NAN;
	}
	f->t.points = f->p;
	f->t.npoints = n;
	f->t.periods_per_year = (int)per;
	f->t.slot_names = monthly ? mon : qtr;
	f->t.decimals = 1;
	f->t.unit = "%";
}

/* Status of a higher-is-better figure against a lo target with slack. */
static void
judge(struct gt_chart_point *p, enum gt_chart_polarity pol)
{
	const struct gt_chart_target *g = &p->target;
	double	 v = p->value;
	int	 in, near;

	if (p->kind != GT_CHART_VALUE) {
		p->status = p->kind == GT_CHART_WITHHELD ?
		    GT_CHART_SUPPRESSED : GT_CHART_NO_DATA;
		return;
	}
	if (!g->set) {
		p->status = GT_CHART_NO_TARGET;
		return;
	}
	in = pol == GT_CHART_HIGHER ? v >= g->lo : pol == GT_CHART_LOWER ?
	    v <= g->hi : v >= g->lo && v <= g->hi;
	near = pol == GT_CHART_HIGHER ? v >= g->lo - g->slack :
	    pol == GT_CHART_LOWER ? v <= g->hi + g->slack :
	    v >= g->lo - g->slack && v <= g->hi + g->slack;
	p->status = in ? GT_CHART_ON_TARGET : near ?
	    GT_CHART_WITHIN_TOLERANCE : GT_CHART_OFF_TARGET;
}

/* 20 quarters of a rising percentage, a target from the third year, a
 * comparator, the latest provisional. */
static void
fix_quarterly(struct fix *f)
{
	size_t	 i;

	periods(f, 20, 0);
	f->t.title = "Households prevented from becoming homeless";
	for (i = 0; i < 20; i++) {
		f->p[i].value = 58 + i * 0.8 + 3 * sin((double)i);
		if (i >= 8) {
			f->p[i].target.set = 1;
			f->p[i].target.lo = f->p[i].target.hi =
			    i < 12 ? 65 : i < 16 ? 68 : 72;
			f->p[i].target.slack = 2;
		}
		judge(&f->p[i], GT_CHART_HIGHER);
		f->cmp[i] = 63 + i * 0.3;
	}
	f->p[19].flag = GT_CHART_PROVISIONAL;
	f->c.name = "England";
	f->c.values = f->cmp;
	f->t.comparators = &f->c;
	f->t.ncomparators = 1;
}

/* 240 months, lower is better, no target. */
static void
fix_monthly(struct fix *f)
{
	size_t	 i;

	periods(f, 240, 1);
	f->t.title = "Average days to process a new benefit claim";
	f->t.unit = "days";
	f->t.decimals = 0;
	f->t.polarity = GT_CHART_LOWER;
	for (i = 0; i < 240; i++)
		f->p[i].value = 30 + 10 * sin(i / 9.0) + i / 12.0;
}

/* Six years as bars, a count with a lower-is-better target. */
static void
fix_annual(struct fix *f)
{
	static const double v[] = { 182, 171, 140, 128, 96, 81 };
	size_t	 i;

	periods(f, 6, 0);
	f->t.title = "Killed or seriously injured on the roads";
	f->t.unit = "count";
	f->t.decimals = 0;
	f->t.polarity = GT_CHART_LOWER;
	f->t.periods_per_year = 1;
	for (i = 0; i < 6; i++) {
		snprintf(f->period[i], sizeof(f->period[i]), "%zu/%02zu",
		    2019 + i, (20 + i) % 100);
		f->p[i].year = NULL;
		f->p[i].in_year = 0;
		f->p[i].value = v[i];
		f->p[i].target.set = i >= 2;
		f->p[i].target.lo = f->p[i].target.hi = 170 - 15.0 * i;
		judge(&f->p[i], GT_CHART_LOWER);
	}
}

/* A band target with gaps, a withheld figure and estimates. */
static void
fix_band(struct fix *f)
{
	size_t	 i;

	periods(f, 18, 1);
	f->t.title = "Council tax collected against profile";
	f->t.polarity = GT_CHART_BAND;
	for (i = 0; i < 18; i++) {
		f->p[i].value = 100 + 6 * sin(i / 2.0);
		f->p[i].target.set = 1;
		f->p[i].target.lo = 97;
		f->p[i].target.hi = 103;
		f->p[i].target.slack = 2;
	}
	f->p[5].kind = GT_CHART_MISSING;
	f->p[6].kind = GT_CHART_MISSING;
	f->p[11].kind = GT_CHART_WITHHELD;
	f->p[16].flag = GT_CHART_ESTIMATED;
	f->p[17].flag = GT_CHART_ESTIMATED;
	for (i = 0; i < 18; i++)
		judge(&f->p[i], GT_CHART_BAND);
}

/* Money from a deficit to a billion. */
static void
fix_money(struct fix *f)
{
	static const double v[] = { -2.5e8, -1e8, 1.2e8, 4e8, 7.5e8, 1e9 };
	size_t	 i;

	periods(f, 6, 0);
	f->t.title = "Capital programme balance";
	f->t.unit = "\xc2\xa3";
	f->t.decimals = 0;
	for (i = 0; i < 6; i++) {
		f->p[i].value = v[i];
		f->p[i].target.set = 1;
		f->p[i].target.lo = f->p[i].target.hi = 5e8;
		judge(&f->p[i], GT_CHART_HIGHER);
	}
}

/* Sixteen neighbours (one their average) and England, as a council's
 * benchmarking club reports them; England and the average named. */
static void
fix_many(struct fix *f)
{
	static const char *const names[MAXC] = { "England",
	    "Nearest neighbours average", "Ashford", "Basingstoke", "Bedford",
	    "Braintree", "Cheltenham", "Chelmsford", "Colchester", "Dacorum",
	    "Gloucester", "Maidstone", "Milton Keynes", "Swindon", "Tewkesbury",
	    "Warwick", "Wychavon" };
	size_t	 i, c;

	fix_quarterly(f);
	f->t.title = "Household waste sent for reuse, recycling or composting";
	f->t.ncomparators = MAXC;
	f->t.comparators = f->cs;
	for (c = 0; c < MAXC; c++) {
		f->cs[c].name = names[c];
		f->cs[c].values = f->cmps[c];
		f->cs[c].named = c < 2;
		for (i = 0; i < 20; i++)
			f->cmps[c][i] = c == 0 ? 44 + i * 0.1 : c == 1 ?
			    50 + i * 0.4 : 38 + (double)((c * 37 + i * 11) % 29) +
			    i * 0.3;
	}
	/* A neighbour late with its latest figure. */
	f->cmps[9][19] = NAN;
	for (i = 0; i < 20; i++) {
		f->p[i].value = 46 + i * 0.6 + 2 * sin((double)i);
		judge(&f->p[i], GT_CHART_HIGHER);
	}
	f->p[19].flag = GT_CHART_FINAL;
}

/* A count beside a national count a thousand times it, and a median. */
static void
fix_national(struct fix *f)
{
	static const char *const names[2] = { "England",
	    "Nearest neighbours median" };
	size_t	 i, c;

	fix_quarterly(f);
	f->t.title = "Households in temporary accommodation";
	f->t.unit = "count";
	f->t.decimals = 0;
	f->t.polarity = GT_CHART_LOWER;
	f->t.ncomparators = 2;
	f->t.comparators = f->cs;
	for (c = 0; c < 2; c++) {
		f->cs[c].name = names[c];
		f->cs[c].values = f->cmps[c];
		f->cs[c].named = 1;
	}
	for (i = 0; i < 20; i++) {
		f->p[i].value = 150 + i * 7 + 6 * sin((double)i);
		f->cmps[0][i] = 1000 * (95 + i * 3.5);
		f->cmps[1][i] = 140 + i * 5;
		f->p[i].target.set = i >= 12;
		f->p[i].target.lo = f->p[i].target.hi = 250;
		f->p[i].target.slack = 12.5;
		judge(&f->p[i], GT_CHART_LOWER);
	}
}

/* Three years of monthly year-to-date figures; the rest of this year
 * ahead with its target path. */
static void
fix_ytd(struct fix *f)
{
	static const double per_month[12] = { 19, 14, 16, 12, 15, 18, 13, 17,
	    11, 14, 16, 17 };
	double	 sum = 0;
	size_t	 i;

	periods(f, 36, 1);
	f->t.title = "Affordable homes delivered (year to date)";
	f->t.unit = "count";
	f->t.decimals = 0;
	f->t.year_to_date = 1;
	for (i = 0; i < 36; i++) {
		sum = i % 12 == 0 ? 0 : sum;
		sum += per_month[i % 12] * (1 + 0.15 * (double)(i / 12));
		f->p[i].value = round(sum);
		if (i >= 24) {
			f->p[i].target.set = 1;
			f->p[i].target.lo = f->p[i].target.hi = 20.0 *
			    (double)(i - 23);
			f->p[i].target.slack = 5;
		}
		if (i >= 30)
			f->p[i].kind = GT_CHART_AHEAD;
		judge(&f->p[i], GT_CHART_HIGHER);
	}
}

/* A count that is mostly zero, higher is better, a target of 2 with a
 * tolerance of 3: a zone from -1 to 2 that must not take the axis below
 * zero. */
static void
fix_near_zero(struct fix *f)
{
	static const double v[12] = { 0, 1, 0, 0, 2, 0, 1, 3, 0, 0, 1, 2 };
	size_t	 i;

	periods(f, 12, 0);
	f->t.title = "Community energy schemes started";
	f->t.unit = "count";
	f->t.decimals = 0;
	for (i = 0; i < 12; i++) {
		f->p[i].value = v[i];
		f->p[i].target.set = i >= 4;
		f->p[i].target.lo = f->p[i].target.hi = 2;
		f->p[i].target.slack = 3;
		judge(&f->p[i], GT_CHART_HIGHER);
	}
}

/* England's one figure, for the latest quarter. */
static void
fix_single(struct fix *f)
{
	size_t	 i;

	fix_quarterly(f);
	for (i = 0; i < 20; i++)
		f->cmp[i] = i == 19 ? 69.5 : NAN;
}

/* A message title, the measure under it and a long source. */
static void
fix_long_title(struct fix *f)
{
	fix_quarterly(f);
	f->t.title = "Fewer households are being prevented from becoming "
	    "homeless than the council planned, though more than in England";
	f->t.subtitle = "Households prevented from becoming homeless, as a "
	    "percentage of those owed a prevention duty";
	f->t.source = "Source: Homelessness case management system (H-CLIC "
	    "quarterly returns to the Department for Levelling Up, Housing "
	    "and Communities); Harrowby Borough Council; figures to March 2025";
}

/* The latest figure on its target, a comparator through the spot above
 * it and one below: every first choice for its label is taken. */
static void
fix_collide(struct fix *f)
{
	size_t	 i;

	periods(f, 8, 0);
	f->t.title = "Average days to relet council homes";
	f->t.unit = "days";
	f->t.decimals = 1;
	f->t.polarity = GT_CHART_LOWER;
	f->t.ncomparators = 2;
	f->t.comparators = f->cs;
	f->cs[0].name = "England";
	f->cs[1].name = "Nearest neighbours median";
	f->cs[0].values = f->cmps[0];
	f->cs[1].values = f->cmps[1];
	for (i = 0; i < 8; i++) {
		f->p[i].value = 30 - 0.8 * (double)i;
		f->p[i].target.set = 1;
		f->p[i].target.lo = f->p[i].target.hi = 23.9;
		f->p[i].target.slack = 1;
		f->cmps[0][i] = 23.9 + 1.2 - 0.05 * (double)i;
		f->cmps[1][i] = 23.9 - 1.0 + 0.05 * (double)i;
	}
	f->p[7].value = 23.9;
	for (i = 0; i < 8; i++)
		judge(&f->p[i], GT_CHART_LOWER);
}

static const struct gt_chart_band bands[] = {
	{ "Low", 1, 4 }, { "Medium", 5, 9 }, { "High", 10, 15 },
	{ "Very high", 16, 25 },
};

static const struct gt_chart_risk risks[] = {
	{ "R1", "Cyber attack on council systems", 4, 5, 2, 4 },
	{ "R2", "Social care market failure", 4, 4, 3, 3 },
	{ "R3", "Budget gap not closed", 5, 4, 3, 4 },
	{ "R4", "Temporary accommodation costs", 4, 4, 0, 0 },
	{ "R5", "Data protection breach", 2, 3, 1, 3 },
	{ "R6", "Flooding", 2, 3, 0, 0 },
	{ "R7", "Workforce shortages", 3, 4, 2, 2 },
};

static const struct gt_chart_heatmap heat = {
	"Corporate risk register", bands, 4, risks, 7
};

static const struct gt_chart_statusbar bar = {
	"Thriving places: 23 measures", { 11, 4, 5, 2, 1, 0 }
};

static const struct gt_chart_progress prog = {
	"Open three new family hubs", 3, 5, GT_CHART_ON_TRACK
};

/* --- Helpers --------------------------------------------------------- */

/* Draw into a w x h image; returns how many pixels are not white. */
static size_t
ink(const struct gt_chart *c, int w, int h)
{
	cairo_surface_t	*s = cairo_image_surface_create(CAIRO_FORMAT_RGB24,
	    w, h);
	cairo_t		*cr = cairo_create(s);
	unsigned char	*d;
	size_t		 n = 0;
	int		 x, y, stride;

	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	gt_chart_draw(cr, 0, 0, w, h, c);
	cr_expect_eq(cairo_status(cr), CAIRO_STATUS_SUCCESS);
	cairo_destroy(cr);
	cairo_surface_flush(s);
	d = cairo_image_surface_get_data(s);
	stride = cairo_image_surface_get_stride(s);
	for (y = 0; y < h; y++)
		for (x = 0; x < w; x++)
			n += (((uint32_t *)(d + y * stride))[x] & 0xFFFFFF) !=
			    0xFFFFFF;
	cairo_surface_destroy(s);
	return n;
}

static struct gt_chart
trend_chart(const struct gt_chart_trend *t)
{
	struct gt_chart	 c = { .type = GT_CHART_TREND };

	c.u.trend = t;
	return c;
}

static void
expect_has(const char *s, const char *want)
{
	cr_expect(strstr(s, want) != NULL, "\"%s\" not in \"%s\"", want, s);
}

/* memmem() without _GNU_SOURCE. */
static int
contains(const unsigned char *p, size_t n, const char *want)
{
	size_t	 k = strlen(want), i;

	for (i = 0; i + k <= n; i++)
		if (memcmp(p + i, want, k) == 0)
			return 1;
	return 0;
}

static void
cleanup(void)
{
	gt_chart_cleanup();
}

TestSuite(chart, .fini = cleanup);

/* --- Palette --------------------------------------------------------- */

Test(chart, contrast_table)
{
	size_t	 i;

	cr_assert_gt(gt_chart_ncontrasts, 20);
	for (i = 0; i < gt_chart_ncontrasts; i++) {
		const struct gt_contrast *c = &gt_chart_contrasts[i];

		cr_expect_geq(gt_chart_contrast(c->fg, c->bg), c->min,
		    "%s: %06X on %06X is %.2f, needs %.1f", c->use, c->fg,
		    c->bg, gt_chart_contrast(c->fg, c->bg), c->min);
	}
	cr_expect_float_eq(gt_chart_contrast(0x000000, 0xFFFFFF), 21, 1e-9);
	cr_expect_float_eq(gt_chart_contrast(0x777777, 0x777777), 1, 1e-9);
}

/* Text drawn on a fill (heat map scores, status bar counts) reads. */
Test(chart, text_on_fills)
{
	size_t	 i;

	for (i = 0; i < GT_HEAT_RAMP; i++)
		cr_expect_geq(gt_chart_contrast(gt_chart_text_on(
		    gt_chart_heat_ramp[i]), gt_chart_heat_ramp[i]), 4.5,
		    "heat %zu", i);
	for (i = 0; i < GT_CHART_STATUS_MAX; i++)
		cr_expect_geq(gt_chart_contrast(gt_chart_text_on(
		    gt_chart_status_colours[i]), gt_chart_status_colours[i]),
		    4.5, "status %zu", i);
	cr_expect_eq(gt_chart_band_colour(0, 3), gt_chart_heat_ramp[0]);
	cr_expect_eq(gt_chart_band_colour(2, 3),
	    gt_chart_heat_ramp[GT_HEAT_RAMP - 1]);
}

Test(chart, shapes_differ)
{
	size_t	 i, j;

	for (i = 0; i < GT_CHART_STATUS_MAX; i++)
		for (j = i + 1; j < GT_CHART_STATUS_MAX; j++)
			cr_expect_neq(gt_chart_status_shape(i),
			    gt_chart_status_shape(j));
	for (i = 0; i < GT_CHART_ACTION_MAX; i++)
		for (j = i + 1; j < GT_CHART_ACTION_MAX; j++)
			cr_expect_neq(gt_chart_action_shape(i),
			    gt_chart_action_shape(j));
}

/* --- Axes ------------------------------------------------------------ */

Test(chart, ticks)
{
	struct gt_ticks	 t;

	gt_chart_ticks(0, 100, 6, &t);
	cr_expect_float_eq(t.step, 20, 1e-9);
	cr_expect_float_eq(t.first, 0, 1e-9);
	cr_expect_eq(t.n, 6);
	gt_chart_ticks(0, 73, 6, &t);
	cr_expect_float_eq(t.step, 20, 1e-9);
	cr_expect_eq(t.n, 5);
	cr_expect_float_eq(gt_tick_value(&t, 4), 80, 1e-9);
	gt_chart_ticks(0.12, 0.58, 6, &t);
	cr_expect_float_eq(t.step, 0.1, 1e-12);
	cr_expect_eq(t.decimals, 1);
	cr_expect_float_eq(gt_tick_value(&t, 0), 0.1, 1e-12);
	/* 250 is not 1-2-5: 200 from -400 reaches 1,000 in 8 ticks. */
	gt_chart_ticks(-250, 1000, 8, &t);
	cr_expect_float_eq(t.step, 200, 1e-9);
	cr_expect_float_eq(t.first, -400, 1e-9);
	cr_expect_eq(t.n, 8);
	/* Degenerate range: still ticks. */
	gt_chart_ticks(5, 5, 6, &t);
	cr_expect_geq(t.n, 2);
	cr_expect_gt(t.step, 0);
}

Test(chart, tick_labels)
{
	struct gt_ticks	 t;
	char		 buf[GT_NUMBER_MAX];

	gt_chart_ticks(0, 1e9, 6, &t);
	gt_chart_tick_label(buf, sizeof(buf), 1e9, &t, "\xc2\xa3");
	cr_expect_str_eq(buf, "\xc2\xa3" "1bn");
	gt_chart_tick_label(buf, sizeof(buf), 4e8, &t, "\xc2\xa3");
	cr_expect_str_eq(buf, "\xc2\xa3" "400m");
	gt_chart_ticks(0, 80, 6, &t);
	gt_chart_tick_label(buf, sizeof(buf), 60, &t, "%");
	cr_expect_str_eq(buf, "60%");
	gt_chart_tick_label(buf, sizeof(buf), 60, &t, "days");
	cr_expect_str_eq(buf, "60");
	cr_expect_str_eq(gt_chart_unit_caption("days"), "days");
	cr_expect_null(gt_chart_unit_caption("%"));
	/* Every value axis shows its unit: on the ticks or above them. */
	cr_expect_str_eq(gt_chart_unit_caption("count"), "Number");
	cr_expect_str_eq(gt_chart_unit_caption("rate"), "Rate");
	cr_expect_str_eq(gt_chart_unit_caption("% of budget"), "% of budget");
	cr_expect_null(gt_chart_unit_caption("\xc2\xa3"));
	cr_expect_null(gt_chart_unit_caption(NULL));
}

Test(chart, yaxis_zero_rule)
{
	struct gt_yaxis	 y;

	/* Wide range: from zero. */
	gt_chart_yaxis(10, 80, 6, 0, 0, &y);
	cr_expect_float_eq(y.lo, 0, 1e-9);
	cr_expect_not(y.broken);
	cr_expect_geq(y.hi, 80);
	/* Exactly half: still from zero (the rule needs more than half). */
	gt_chart_yaxis(40, 80, 6, 0, 0, &y);
	cr_expect_float_eq(y.lo, 0, 1e-9);
	cr_expect_not(y.broken);
	/* Narrow: a round start below the data, with a break. */
	gt_chart_yaxis(61.3, 78.2, 6, 0, 0, &y);
	cr_expect(y.broken);
	cr_expect_gt(y.lo, 0);
	cr_expect_leq(y.lo, 61.3);
	cr_expect_geq(y.hi, 78.2);
	/* Bars always from zero. */
	gt_chart_yaxis(61.3, 78.2, 6, 1, 0, &y);
	cr_expect_float_eq(y.lo, 0, 1e-9);
	cr_expect_not(y.broken);
	/* All negative and narrow: ends below zero. */
	gt_chart_yaxis(-80, -60, 6, 0, 0, &y);
	cr_expect(y.broken);
	cr_expect_lt(y.hi, 0);
	cr_expect_leq(y.lo, -80);
	/* Across zero: covers both sides. */
	gt_chart_yaxis(-2.5e8, 1e9, 6, 0, 0, &y);
	cr_expect_leq(y.lo, -2.5e8);
	cr_expect_geq(y.hi, 1e9);
	cr_expect_not(y.broken);
	/* All zero. */
	gt_chart_yaxis(0, 0, 6, 0, 0, &y);
	cr_expect_float_eq(y.lo, 0, 1e-9);
	cr_expect_gt(y.hi, 0);
	/* All equal and positive: from zero. */
	gt_chart_yaxis(50, 50, 6, 0, 0, &y);
	cr_expect_float_eq(y.lo, 0, 1e-9);
	cr_expect_geq(y.hi, 50);
}

Test(chart, bars_or_line)
{
	static struct fix f;

	fix_annual(&f);
	cr_expect(gt_chart_use_bars(&f.t));
	f.t.form = GT_CHART_LINE;
	cr_expect_not(gt_chart_use_bars(&f.t));
	fix_quarterly(&f);
	cr_expect_not(gt_chart_use_bars(&f.t));
	f.t.form = GT_CHART_BARS;
	cr_expect(gt_chart_use_bars(&f.t));
	/* Annual but narrow: a line, so the range is not hidden. */
	fix_annual(&f);
	f.p[0].value = f.p[1].value = 170;
	f.p[2].value = f.p[3].value = f.p[4].value = f.p[5].value = 160;
	for (size_t i = 0; i < 6; i++)
		f.p[i].target.set = 0;
	cr_expect_not(gt_chart_use_bars(&f.t));
}

/* Whether the labels shown, centred in slots, overlap; how many there are. */
static size_t
labels_apart(PangoContext *pc, const char **labels, size_t n, double slot)
{
	double	 w, end = -1e9, cx;
	size_t	 i, k = 0;

	for (i = 0; i < n; i++) {
		PangoLayout	*l;

		if (labels[i] == NULL)
			continue;
		k++;
		cx = (i + 0.5) * slot;
		l = gt_chart_text(pc, labels[i], GT_TEXT_MIN, 0, 0, 1);
		gt_chart_text_size(l, &w, NULL);
		g_object_unref(l);
		cr_expect_geq(cx - w / 2, end, "slot %.0f: label %zu (%s) "
		    "overlaps", slot, i, labels[i]);
		end = cx + w / 2;
	}
	return k;
}

/*
 * Labels of 240 months thin out to years that do not touch; with room,
 * every year and the quarters between; a series that starts part way
 * through a year names that year too.
 */
Test(chart, xlabels_thin_out)
{
	static struct fix f;
	const char	**labels = gt_xcalloc(MAXP, sizeof(*labels));
	char		*ticks = gt_xcalloc(MAXP, 1);
	cairo_surface_t	*s = cairo_image_surface_create(CAIRO_FORMAT_RGB24,
	    10, 10);
	cairo_t		*cr = cairo_create(s);
	PangoContext	*pc = gt_chart_pango(cr);
	double		 slot;
	size_t		 i, years;

	cr_assert_not_null(pc, "fonts");
	fix_monthly(&f);
	for (slot = 2; slot <= 40; slot *= 2) {
		gt_chart_xlabels(pc, &f.t, 0, slot, labels, ticks);
		cr_expect_gt(labels_apart(pc, labels, 240, slot), 1,
		    "slot %.0f: too few labels", slot);
		/* Every year start has a tick, labelled or not. */
		for (i = 0; i < 240; i++)
			if (f.p[i].in_year == 1)
				cr_expect(ticks[i] || labels[i] != NULL,
				    "slot %.0f: no tick for %s", slot,
				    f.p[i].period);
		/* With a year's room for a year's label, every year. */
		for (i = 0, years = 0; slot >= 8 && i < 240; i++)
			years += f.p[i].in_year == 1 && labels[i] ==
			    f.p[i].year;
		cr_expect(slot < 8 || years == 20, "slot %.0f: %zu years "
		    "labelled", slot, years);
	}
	/* Room for quarters: years, and "Jul", "Oct", "Jan" between. */
	gt_chart_xlabels(pc, &f.t, 0, 16, labels, ticks);
	cr_expect_str_eq(labels[0], "2005/06");
	cr_expect_str_eq(labels[3], "Jul");
	cr_expect_str_eq(labels[9], "Jan");
	cr_expect_null(labels[1]);
	/* Roomy: every period labelled by its own name. */
	f.t.npoints = 12;
	gt_chart_xlabels(pc, &f.t, 0, 200, labels, ticks);
	cr_expect_str_eq(labels[0], "Apr 2005");
	cr_expect_str_eq(labels[11], "Mar 2006");
	/* Crowded: years, never a month. */
	f.t.npoints = 240;
	gt_chart_xlabels(pc, &f.t, 0, 3, labels, ticks);
	for (i = 0; i < 240; i++)
		if (labels[i] != NULL)
			cr_expect(f.p[i].in_year == 1 && labels[i] ==
			    f.p[i].year);
	/* 16 months from December: both years are named (first: 8). */
	f.t.npoints = 24;
	gt_chart_xlabels(pc, &f.t, 8, 20, labels, ticks);
	cr_expect_str_eq(labels[0], "2005/06");
	cr_expect_str_eq(labels[4], "2006/07");
	labels_apart(pc, labels, 16, 20);
	g_object_unref(pc);
	cairo_destroy(cr);
	cairo_surface_destroy(s);
	free(labels);
	free(ticks);
}

Test(chart, boxes_claim)
{
	struct gt_boxes	 bs = { 0 };
	struct gt_box	 a = { 0, 0, 10, 10 }, b = { 12, 0, 20, 10 };
	int		 i;

	cr_expect(gt_boxes_claim(&bs, a, 0));
	cr_expect_not(gt_boxes_claim(&bs, a, 0));
	cr_expect_not(gt_boxes_claim(&bs, b, 4));
	cr_expect(gt_boxes_claim(&bs, b, 1));
	for (i = 0; i < 100; i++) {
		struct gt_box c = { 100 + 20 * i, 0, 110 + 20 * i, 10 };

		cr_expect(gt_boxes_claim(&bs, c, 2));
	}
	gt_boxes_free(&bs);
}

/* --- Edge cases, drawn --------------------------------------------- */

Test(chart, edge_no_points)
{
	struct gt_chart_trend	 t = { .title = "Nothing yet", .unit = "%" };
	struct gt_chart		 c = trend_chart(&t);
	char			*d;

	cr_expect_gt(ink(&c, 480, 300), 100);
	c.type = GT_CHART_SPARK;
	cr_expect_gt(ink(&c, 120, 32), 0);
	d = gt_chart_describe_trend(&t);
	expect_has(d, "No figures");
	free(d);
}

Test(chart, edge_one_point)
{
	static struct fix f;
	struct gt_chart	 c;
	char		*d;

	fix_quarterly(&f);
	f.t.npoints = 1;
	f.p[0].flag = GT_CHART_FINAL;
	c = trend_chart(&f.t);
	cr_expect_gt(ink(&c, 480, 300), 100);
	cr_expect_gt(ink(&c, 240, 200), 100);
	d = gt_chart_describe_trend(&f.t);
	expect_has(d, "Only one figure");
	expect_has(d, "2020/21 Q1");
	free(d);
}

Test(chart, edge_all_equal)
{
	static struct fix f;
	struct gt_chart	 c;
	struct gt_yaxis	 y;
	double		 lo = 0, hi = 0;
	char		*d;
	size_t		 i;

	fix_quarterly(&f);
	for (i = 0; i < f.t.npoints; i++) {
		f.p[i].value = 42;
		f.p[i].target.set = 0;
	}
	f.t.ncomparators = 0;
	cr_expect_eq(gt_chart_trend_range(&f.t, 1, &lo, &hi), 20);
	gt_chart_yaxis(lo, hi, 6, 0, 0, &y);
	cr_expect_float_eq(y.lo, 0, 1e-9);
	cr_expect_gt(y.hi, 42);
	c = trend_chart(&f.t);
	cr_expect_gt(ink(&c, 640, 360), 100);
	c.type = GT_CHART_SPARK;
	cr_expect_gt(ink(&c, 120, 32), 10);
	d = gt_chart_describe_trend(&f.t);
	expect_has(d, "Steady");
	expect_has(d, "No target for 2024/25 Q4");
	free(d);
}

Test(chart, edge_negative_and_large)
{
	static struct fix f;
	struct gt_chart	 c;
	char		*d;

	fix_money(&f);
	c = trend_chart(&f.t);
	cr_expect_gt(ink(&c, 640, 360), 100);
	d = gt_chart_describe_trend(&f.t);
	expect_has(d, "\xc2\xa3" "1,000,000,000");
	expect_has(d, "-\xc2\xa3" "250,000,000");
	expect_has(d, "Rising");
	expect_has(d, "\xc2\xa3" "500,000,000 or more");
	expect_has(d, "on target");
	free(d);
	/* All negative. */
	for (size_t i = 0; i < 6; i++)
		f.p[i].value = -1000 - 10.0 * i;
	f.p[0].target.set = 0;
	cr_expect_gt(ink(&c, 640, 360), 100);
	d = gt_chart_describe_trend(&f.t);
	expect_has(d, "Falling");
	free(d);
}

Test(chart, edge_many_points)
{
	static struct fix f;
	struct gt_chart	 c;

	fix_monthly(&f);
	c = trend_chart(&f.t);
	cr_expect_gt(ink(&c, 800, 400), 1000);
	cr_expect_gt(ink(&c, 320, 240), 500);
}

Test(chart, edge_long_text)
{
	static struct fix f;
	struct gt_chart	 c;
	static const char title[] = "Percentage of residents who say they "
	    "feel safe outside in their local area after dark, from the "
	    "annual residents' survey, weighted to the population";
	char		*d;

	fix_quarterly(&f);
	f.t.title = title;
	f.t.unit = "per 100,000 population aged 16 and over";
	f.c.name = "Chartered Institute of Public Finance and Accountancy "
	    "nearest neighbours";
	c = trend_chart(&f.t);
	cr_expect_gt(ink(&c, 320, 280), 100);
	cr_expect_gt(ink(&c, 640, 360), 100);
	d = gt_chart_describe_trend(&f.t);
	expect_has(d, title);
	expect_has(d, "nearest neighbours");
	free(d);
}

Test(chart, edge_gaps_band_provisional)
{
	static struct fix f;
	struct gt_chart	 c;
	char		*d;

	fix_band(&f);
	c = trend_chart(&f.t);
	cr_expect_gt(ink(&c, 640, 360), 100);
	d = gt_chart_describe_trend(&f.t);
	expect_has(d, "between 97.0% and 103.0%");
	expect_has(d, "(estimated)");
	expect_has(d, "No figure for 2 periods");
	expect_has(d, "withheld for 1 period");
	free(d);
	/* The latest missing: the figure before it is the latest. */
	f.p[17].kind = GT_CHART_MISSING;
	cr_expect_eq(gt_chart_latest(&f.t), 16);
	/* Nothing but gaps. */
	for (size_t i = 0; i < 18; i++)
		f.p[i].kind = GT_CHART_MISSING;
	cr_expect_eq(gt_chart_latest(&f.t), -1);
	cr_expect_gt(ink(&c, 640, 360), 100);
}

Test(chart, edge_other_charts)
{
	struct gt_chart_statusbar	 none = { "Empty", { 0 } };
	struct gt_chart_statusbar	 one = { NULL, { 0, 0, 0, 0, 0, 1 } };
	struct gt_chart_progress	 p0 = { NULL, 0, 0, 99 };
	struct gt_chart_progress	 over = { "Done", 7, 5,
					     GT_CHART_COMPLETE };
	struct gt_chart_risk		 off = { "X", NULL, 0, 9, 0, 0 };
	struct gt_chart_heatmap		 hm = { NULL, NULL, 0, &off, 1 };
	struct gt_chart			 c = { .type = GT_CHART_STATUSBAR };
	char				*d;

	c.u.statusbar = &none;
	cr_expect_gt(ink(&c, 400, 80), 10);
	c.u.statusbar = &one;
	cr_expect_gt(ink(&c, 400, 80), 10);
	c.type = GT_CHART_PROGRESS;
	c.u.progress = &p0;
	cr_expect_gt(ink(&c, 300, 50), 10);
	c.u.progress = &over;
	cr_expect_gt(ink(&c, 300, 50), 10);
	d = gt_chart_describe(&c);
	cr_expect_str_eq(d, "Done. 5 of 5 milestones done, complete.");
	free(d);
	c.type = GT_CHART_HEATMAP;
	c.u.heatmap = &hm;
	cr_expect_gt(ink(&c, 400, 400), 100);
	d = gt_chart_describe(&c);
	expect_has(d, "X: not scored");
	free(d);
}

/* --- Layout: labels, axes, key, footer -------------------------------- */

/* Lay t out at w x h and hand back what it placed. */
static void
probe(const struct gt_chart_trend *t, double w, double h,
    struct gt_trend_probe *p)
{
	cairo_surface_t	*s = cairo_image_surface_create(CAIRO_FORMAT_RGB24,
	    (int)w, (int)h);
	cairo_t		*cr = cairo_create(s);

	gt_chart_trend_probe(cr, 0, 0, w, h, t, p);
	cr_expect_eq(cairo_status(cr), CAIRO_STATUS_SUCCESS);
	cairo_destroy(cr);
	cairo_surface_destroy(s);
}

/* The value labels touch no line, marker or other text. */
static void
expect_labels_clear(const char *name, const struct gt_trend_probe *p)
{
	size_t	 i, k, same;

	cr_expect_gt(p->values.n, 0, "%s: no value label", name);
	for (i = 0; i < p->values.n; i++) {
		struct gt_box b = p->values.v[i];

		cr_expect_not(gt_segs_hit(&p->lines, b, 0), "%s: label %zu "
		    "on a line", name, i);
		cr_expect_not(gt_boxes_hit(&p->marks, b, 0), "%s: label %zu "
		    "on a marker", name, i);
		for (k = same = 0; k < p->text.n; k++) {
			const struct gt_box *o = &p->text.v[k];

			if (o->x0 == b.x0 && o->y0 == b.y0 && o->x1 == b.x1 &&
			    o->y1 == b.y1)
				same++;
			else
				cr_expect_not(b.x0 < o->x1 && o->x0 < b.x1 &&
				    b.y0 < o->y1 && o->y0 < b.y1, "%s: label "
				    "%zu on other text", name, i);
		}
		cr_expect_eq(same, 1, "%s", name);
	}
}

/*
 * Awkward series at the site's, phones' and packs' sizes: the latest
 * figure on its target with comparators either side, ending at the top
 * of the axis, among many comparators, bars under a target, a count at
 * zero, a year-to-date year: every value label is clear.
 */
Test(chart, labels_clear_of_lines)
{
	static struct fix f;
	static void (*const fixtures[])(struct fix *) = { fix_collide,
	    fix_quarterly, fix_many, fix_national, fix_ytd, fix_near_zero,
	    fix_single, fix_annual, fix_band, fix_money, fix_monthly };
	static const double sizes[][2] = { { 720, 360 }, { 640, 360 },
	    { 340, 300 }, { 482, 210 } };
	struct gt_trend_probe	 p;
	struct gt_chart		 c;
	char			 name[64];
	size_t			 i, k;

	for (i = 0; i < sizeof(fixtures) / sizeof(fixtures[0]); i++)
		for (k = 0; k < sizeof(sizes) / sizeof(sizes[0]); k++) {
			fixtures[i](&f);
			c = trend_chart(&f.t);
			snprintf(name, sizeof(name), "fixture %zu at %.0fx%.0f",
			    i, sizes[k][0], sizes[k][1]);
			probe(&f.t, sizes[k][0], gt_chart_height(&c,
			    sizes[k][0], sizes[k][1]), &p);
			expect_labels_clear(name, &p);
			cr_expect_geq(p.ph, GT_PLOT_MIN - 1, "%s: plot %.0f "
			    "high", name, p.ph);
			gt_trend_probe_free(&p);
		}
	/* The latest figure exactly on its target: not drawn over it. */
	fix_collide(&f);
	probe(&f.t, 640, 360, &p);
	cr_expect_eq(p.values.n, 1);
	gt_trend_probe_free(&p);
}

/*
 * Honest axes: figures that are not below zero get no tick below it,
 * whatever the tolerance zone under a target near zero; figures below
 * zero do.
 */
Test(chart, no_negative_ticks)
{
	static struct fix f;
	struct gt_trend_probe	 p;
	double			 lo = 0, hi = 0;

	fix_near_zero(&f);
	cr_expect_gt(gt_chart_trend_range(&f.t, 1, &lo, &hi), 0);
	cr_expect_float_eq(lo, 0, 1e-9);
	probe(&f.t, 640, 360, &p);
	cr_expect_geq(p.ax.lo, 0);
	/* Whole-number ticks for a count. */
	cr_expect_geq(p.ax.ticks.step, 1);
	gt_trend_probe_free(&p);
	probe(&f.t, 482, 210, &p);
	cr_expect_geq(p.ax.lo, 0);
	gt_trend_probe_free(&p);
	/* Lower is better with a zone above zero: still from zero. */
	f.t.polarity = GT_CHART_LOWER;
	probe(&f.t, 340, 300, &p);
	cr_expect_geq(p.ax.lo, 0);
	gt_trend_probe_free(&p);
	/* A figure below zero: the axis goes below too. */
	f.t.polarity = GT_CHART_HIGHER;
	f.p[3].value = -2;
	probe(&f.t, 640, 360, &p);
	cr_expect_lt(p.ax.lo, 0);
	gt_trend_probe_free(&p);
	/* All below zero: zones above it are cut at zero. */
	fix_money(&f);
	for (size_t i = 0; i < 6; i++) {
		f.p[i].value = -100 - 10.0 * i;
		f.p[i].target.lo = f.p[i].target.hi = -20;
		f.p[i].target.slack = 50;
		f.t.polarity = GT_CHART_LOWER;
	}
	lo = hi = 0;
	gt_chart_trend_range(&f.t, 1, &lo, &hi);
	cr_expect_float_eq(hi, 0, 1e-9);
}

/* A key too long for below goes beside a wide, short chart; a pack's
 * chart grows instead; the footer is drawn when there is a source. */
Test(chart, key_beside_or_below)
{
	static struct fix f;
	struct gt_trend_probe	 p;
	struct gt_chart		 c;
	double			 h;

	fix_many(&f);
	c = trend_chart(&f.t);
	probe(&f.t, 1200, 190, &p);
	cr_expect(p.key_beside);
	cr_expect_geq(p.ph, GT_PLOT_MIN);
	cr_expect_not(p.footer);
	gt_trend_probe_free(&p);
	/* A pack's width: below, and the chart taller than asked. */
	h = gt_chart_height(&c, 482, 210);
	cr_expect_gt(h, 210);
	probe(&f.t, 482, h, &p);
	cr_expect_not(p.key_beside);
	cr_expect_geq(p.ph, GT_PLOT_MIN - 1);
	gt_trend_probe_free(&p);
	/* Room enough: as asked. */
	fix_quarterly(&f);
	c = trend_chart(&f.t);
	cr_expect_float_eq(gt_chart_height(&c, 720, 360), 360, 1e-9);
	f.t.source = "Source: Housing register; Harrowby Borough Council; "
	    "figures to March 2025";
	probe(&f.t, 720, 360, &p);
	cr_expect(p.footer);
	gt_trend_probe_free(&p);
	c.type = GT_CHART_STATUSBAR;
	c.u.statusbar = &bar;
	cr_expect_float_eq(gt_chart_height(&c, 100, 50), 50, 1e-9);
}

/* Another scale: the medians of nonzero magnitudes twenty times apart. */
Test(chart, other_scale)
{
	static const double ours[] = { 150, 160, NAN, 0, 170 };
	static const double england[] = { 150000, 161000, 170000 };
	static const double neighbours[] = { 140, 155, 900 };
	static const double zeros[] = { 0, 0, NAN };

	cr_expect(gt_chart_other_scale(ours, 5, england, 3));
	cr_expect(gt_chart_other_scale(england, 3, ours, 5));
	cr_expect_not(gt_chart_other_scale(ours, 5, neighbours, 3));
	/* Nothing to compare: never apart. */
	cr_expect_not(gt_chart_other_scale(ours, 5, zeros, 3));
	cr_expect_not(gt_chart_other_scale(zeros, 3, england, 3));
}

/* --- Descriptions ------------------------------------------------------ */

Test(chart, describe_trend)
{
	static struct fix f;
	char		 v[GT_NUMBER_MAX], want[128];
	char		*d;

	fix_quarterly(&f);
	d = gt_chart_describe_trend(&f.t);
	gt_format_value(v, sizeof(v), f.p[19].value, 1, "%");
	snprintf(want, sizeof(want), "Latest figure %s in 2024/25 Q4 "
	    "(provisional)", v);
	expect_has(d, "Households prevented from becoming homeless. ");
	expect_has(d, want);
	expect_has(d, "Higher is better, 20 periods from 2020/21 Q1 to "
	    "2024/25 Q4");
	expect_has(d, "Rising over the periods shown");
	expect_has(d, "in 2020/21 Q1");
	expect_has(d, "in 2024/25 Q3");
	expect_has(d, "target for 2024/25 Q4 is 72.0% or more");
	expect_has(d, "tolerance of 2.0 percentage points");
	expect_has(d, gt_chart_status_label(f.p[19].status) + 1);
	expect_has(d, "England: 68.7%");
	free(d);
	d = gt_chart_describe_spark(&f.t);
	expect_has(d, want);
	cr_expect_null(strstr(d, "England"));
	free(d);
	f.t.polarity = GT_CHART_LOWER;
	d = gt_chart_describe_trend(&f.t);
	expect_has(d, "Lower is better");
	expect_has(d, "72.0% or less");
	free(d);
	/* Periods in words where the adapter gives them (chartdata.c). */
	f.p[0].said = "April to June 2020 (quarter 1)";
	f.p[19].said = "January to March 2025 (quarter 4)";
	d = gt_chart_describe_trend(&f.t);
	expect_has(d, "20 periods from April to June 2020 (quarter 1) to "
	    "January to March 2025 (quarter 4)");
	expect_has(d, "target for January to March 2025 (quarter 4) is");
	expect_has(d, "in 2024/25 Q3");
	free(d);
}

/* Named lines, the others' range and our rank, another scale. */
Test(chart, describe_comparators)
{
	static struct fix f;
	char		*d;

	fix_many(&f);
	d = gt_chart_describe_trend(&f.t);
	expect_has(d, "England: 45.9%. Nearest neighbours average: 57.6%. ");
	/* Neighbour 9 has no latest figure: 14 others and ours. */
	expect_has(d, "The middle half of the 15 other comparators lies "
	    "between ");
	expect_has(d, "in 2024/25 Q4; ours is ");
	expect_has(d, " best of 15.");
	cr_expect_null(strstr(d, "Ashford"), "%s", d);
	free(d);
	f.p[19].value = 99;
	d = gt_chart_describe_trend(&f.t);
	expect_has(d, "ours is 1st best of 15.");
	free(d);
	f.p[19].value = 1;
	d = gt_chart_describe_trend(&f.t);
	expect_has(d, "ours is 15th best of 15.");
	free(d);
	/* Lower is better: the order turns round. */
	f.t.polarity = GT_CHART_LOWER;
	d = gt_chart_describe_trend(&f.t);
	expect_has(d, "ours is 1st best of 15.");
	free(d);
	/* A band has no best: the range alone. */
	f.t.polarity = GT_CHART_BAND;
	d = gt_chart_describe_trend(&f.t);
	cr_expect_null(strstr(d, "best of"), "%s", d);
	expect_has(d, "lies between");
	free(d);
	/* Four others, none named: lowest to highest, not the middle half. */
	fix_many(&f);
	f.t.ncomparators = 6;
	d = gt_chart_describe_trend(&f.t);
	expect_has(d, "The 4 other comparators range from ");
	free(d);
	/* Three in all: each a line of its own. */
	f.t.ncomparators = 3;
	d = gt_chart_describe_trend(&f.t);
	expect_has(d, "Ashford: ");
	cr_expect_null(strstr(d, "other comparators"), "%s", d);
	free(d);

	fix_national(&f);
	d = gt_chart_describe_trend(&f.t);
	expect_has(d, "England: 161,500 (on another scale from ours, so not "
	    "drawn). Nearest neighbours median: 235.");
	free(d);
}

/* A year-to-date measure: against the same point last year. */
Test(chart, describe_year_to_date)
{
	static struct fix f;
	char		*d;

	fix_ytd(&f);
	d = gt_chart_describe_trend(&f.t);
	expect_has(d, "Higher is better. Figures for the year to date, a line "
	    "a year: 2007/08 so far against 2006/07. ");
	expect_has(d, "Latest figure 122 in Sep 2007, up from 108 at the same "
	    "point last year (Sep 2006). ");
	expect_has(d, "The target for Sep 2007 is 120 or more");
	/* No trend across years, and the months ahead are not gaps. */
	cr_expect_null(strstr(d, "over the periods shown"), "%s", d);
	cr_expect_null(strstr(d, "No figure for"), "%s", d);
	free(d);
	f.p[17].kind = GT_CHART_MISSING;
	d = gt_chart_describe_trend(&f.t);
	expect_has(d, "Latest figure 122 in Sep 2007; no figure for the same "
	    "point last year. ");
	free(d);
	/* Not cumulative: one line, the trend over the periods. */
	f.t.year_to_date = 0;
	d = gt_chart_describe_trend(&f.t);
	expect_has(d, "over the periods shown");
	free(d);
}

Test(chart, describe_others)
{
	struct gt_chart	 c = { .type = GT_CHART_STATUSBAR };
	char		*d;

	c.u.statusbar = &bar;
	d = gt_chart_describe(&c);
	cr_expect_str_eq(d, "Thriving places: 23 measures. 23 measures: "
	    "11 on target, 4 within tolerance, 5 off target, 2 with no "
	    "target and 1 with no data.");
	free(d);
	c.type = GT_CHART_PROGRESS;
	c.u.progress = &prog;
	d = gt_chart_describe(&c);
	cr_expect_str_eq(d, "Open three new family hubs. 3 of 5 milestones "
	    "done, on track.");
	free(d);
	c.type = GT_CHART_HEATMAP;
	c.u.heatmap = &heat;
	d = gt_chart_describe(&c);
	expect_has(d, "Corporate risk register. ");
	expect_has(d, "showing 7 risks");
	expect_has(d, "R1 Cyber attack on council systems: now likelihood 4, "
	    "impact 5, score 20 (Very high); target likelihood 2, impact 4, "
	    "score 8 (Medium).");
	expect_has(d, "R4 Temporary accommodation costs: now likelihood 4, "
	    "impact 4, score 16 (Very high); no target.");
	expect_has(d, "Low scores 1 to 4");
	free(d);
}

/* --- Output ------------------------------------------------------------ */

/* Identical input, byte-identical PNG, SVG and PDF: for every fixture. */
Test(chart, render_deterministic)
{
	static struct fix f, g;
	static void (*const fixtures[])(struct fix *) = { fix_quarterly,
	    fix_many, fix_national, fix_ytd, fix_near_zero, fix_single,
	    fix_long_title, fix_collide };
	struct gt_chart		 c, other;
	struct gt_chart_output	 o = { .width = 640, .height = 360,
				     .date = "2025-04-01", .grow = 1 };
	unsigned char		*a, *b;
	size_t			 na, nb, i;
	int			 fmt;

	fix_band(&g);
	other = trend_chart(&g.t);
	for (i = 0; i < sizeof(fixtures) / sizeof(fixtures[0]); i++) {
		fixtures[i](&f);
		c = trend_chart(&f.t);
		for (fmt = GT_CHART_PNG; fmt <= GT_CHART_PDF; fmt++) {
			o.format = fmt;
			a = gt_chart_render(&c, &o, &na);
			cr_assert_not_null(a);
			/* Something else between, to move global counters. */
			free(gt_chart_render(&other, &o, &nb));
			b = gt_chart_render(&c, &o, &nb);
			cr_assert_not_null(b);
			cr_expect_eq(na, nb, "fixture %zu, format %d: %zu vs "
			    "%zu bytes", i, fmt, na, nb);
			cr_expect(na == nb && memcmp(a, b, na) == 0,
			    "fixture %zu, format %d differs", i, fmt);
			free(a);
			free(b);
		}
	}
}

/* One drawing on an SVG chart's cairo_t, as chart_svg.c writes it. */
static char *
svg_drawn(void (*draw)(cairo_t *))
{
	cairo_rectangle_t	 box = { 0, 0, 100, 50 };
	cairo_surface_t		*s = cairo_recording_surface_create(
				    CAIRO_CONTENT_COLOR, &box);
	cairo_t			*cr = cairo_create(s);
	struct gt_svg		 svg;
	size_t			 n;
	char			*out;

	gt_svg_begin(&svg, 100, 50);
	cairo_set_user_data(cr, &gt_svg_key, &svg, NULL);
	cairo_set_miter_limit(cr, GT_MITER_LIMIT);	/* as gt_chart_draw */
	draw(cr);
	cr_expect_eq(cairo_status(cr), CAIRO_STATUS_SUCCESS);
	cairo_destroy(cr);
	cairo_surface_destroy(s);
	out = gt_svg_end(&svg, &n);
	cr_expect_eq(strlen(out), n);
	return out;
}

static void
draw_marker(cairo_t *cr)
{
	cairo_rectangle(cr, 10, 10, 5.125, 5);
	gt_chart_rgb(cr, 0x0072B2);
	gt_chart_paint(cr, GT_FILL | GT_KEEP);
	gt_chart_rgb(cr, GT_PAPER);
	cairo_set_line_width(cr, 1.5);
	gt_chart_paint(cr, GT_STROKE);
	/* Nothing drawn, nothing written. */
	cairo_move_to(cr, 1, 1);
	gt_chart_paint(cr, GT_STROKE);
}

static void
draw_halo(cairo_t *cr)
{
	static const double	 dash[] = { 2, 1 };

	cairo_translate(cr, 20, 5);
	cairo_scale(cr, 2, 2);
	cairo_move_to(cr, -1, 0);
	cairo_line_to(cr, 3, 4.5);
	cairo_set_line_width(cr, 0.5);
	cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
	cairo_set_dash(cr, dash, 2, 0);
	gt_chart_rgb(cr, GT_PAPER);
	gt_chart_paint(cr, GT_STROKE | GT_KEEP);
	gt_chart_rgb(cr, GT_INK);
	gt_chart_paint(cr, GT_FILL);
	/* A different path: its own element. */
	cairo_set_dash(cr, NULL, 0, 0);
	cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
	cairo_move_to(cr, 0, 0);
	cairo_line_to(cr, 1, 0);
	gt_chart_paint(cr, GT_STROKE | GT_KEEP);
	cairo_line_to(cr, 1, 1);
	cairo_set_source_rgba(cr, 0, 0, 0, 0.5);
	gt_chart_paint(cr, GT_FILL);
}

Test(chart, svg_writer)
{
	static const struct { double v; const char *want; } nums[] = {
		{ 0, "0" }, { -0.004, "0" }, { 1.5, "1.5" }, { -2.25, "-2.25" },
		{ 10.1, "10.1" }, { 99.999, "100" }, { 0.05, "0.05" },
		{ 123456.78, "123456.78" }, { -0.5, "-0.5" }, { NAN, "0" },
	};
	struct gt_buf	 b = { 0 };
	char		*svg;
	size_t		 i;

	for (i = 0; i < sizeof(nums) / sizeof(nums[0]); i++) {
		gt_buf_reset(&b);
		gt_svg_num(&b, nums[i].v);
		cr_expect_str_eq(b.data, nums[i].want, "%g", nums[i].v);
	}
	gt_buf_free(&b);

	/* A marker and its rim: one element, fill then stroke. */
	svg = svg_drawn(draw_marker);
	expect_has(svg, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
	    "width=\"100px\" height=\"50px\" viewBox=\"0 0 100 50\"");
	expect_has(svg, "<rect width=\"100\" height=\"50\" "
	    "fill=\"#ffffff\"/>\n<path d=\"M10 10L15.13 10L15.13 15L10 15Z\" "
	    "fill=\"#0072b2\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>\n"
	    "</svg>\n");
	free(svg);

	/*
	 * A halo: stroke first, then the fill over it. Points and widths
	 * in device space; a see-through source keeps its alpha.
	 */
	svg = svg_drawn(draw_halo);
	expect_has(svg, "<path d=\"M18 5L26 14\" stroke=\"#ffffff\" "
	    "stroke-width=\"1\" stroke-linecap=\"round\" "
	    "stroke-dasharray=\"4 2\" fill=\"#1a1a1a\" "
	    "paint-order=\"stroke\"/>\n");
	expect_has(svg, "<path d=\"M20 5L22 5\" stroke=\"#1a1a1a\" "
	    "stroke-width=\"1\" stroke-linecap=\"round\" "
	    "stroke-linejoin=\"round\" fill=\"none\"/>\n"
	    "<path d=\"M20 5L22 5L22 7\" fill=\"#000000\" "
	    "fill-opacity=\"0.5\"/>\n");
	free(svg);
}

/* A chart rendered into the file path, as the chart command writes it. */
static int
write_chart(const struct gt_chart *c, const struct gt_chart_output *o,
    const char *path)
{
	unsigned char	*a;
	size_t		 n;
	int		 rc;

	if ((a = gt_chart_render(c, o, &n)) == NULL)
		return -1;
	rc = gt_write_file(path, a, n);
	free(a);
	return rc;
}

Test(chart, render_formats)
{
	static struct fix f;
	struct gt_chart		 c;
	struct gt_chart_output	 o = { .width = 400, .height = 250,
				     .scale = 2, .date = "2025-04-01" };
	cairo_surface_t		*s;
	unsigned char		*a;
	size_t			 n;
	char			 path[] = "/tmp/gt_chart_XXXXXX";
	int			 fd;

	fix_quarterly(&f);
	c = trend_chart(&f.t);
	a = gt_chart_render(&c, &o, &n);
	cr_assert_not_null(a);
	cr_expect(n > 8 && memcmp(a, "\x89PNG", 4) == 0);
	cr_assert_neq(fd = mkstemp(path), -1);
	close(fd);
	cr_assert_eq(gt_write_file(path, a, n), 0);
	free(a);
	s = cairo_image_surface_create_from_png(path);
	cr_expect_eq(cairo_image_surface_get_width(s), 800);
	cr_expect_eq(cairo_image_surface_get_height(s), 500);
	cairo_surface_destroy(s);
	unlink(path);
	o.format = GT_CHART_SVG;
	a = gt_chart_render(&c, &o, &n);
	cr_assert_not_null(a);
	expect_has((char *)a, "<svg");
	expect_has((char *)a, "width=\"400px\"");
	/* Text as text, a <text> a line, not as glyph outlines. */
	expect_has((char *)a, ">Households prevented from becoming</text>");
	expect_has((char *)a, ">homeless</text>");
	cr_expect(strstr((char *)a, "fill=\"#1a1a1a\"/>") == NULL, "%s",
	    (char *)a);
	free(a);
	/* Cut short with an ellipsis: glyph outlines, as a path. */
	f.t.title = "Households & families prevented from becoming homeless "
	    "in the borough, counted every quarter by the housing options "
	    "team, including those helped to stay in their own home and "
	    "those found somewhere new to live before their notice ran out";
	a = gt_chart_render(&c, &o, &n);
	cr_assert_not_null(a);
	cr_expect(strstr((char *)a, "Households &amp; families") == NULL);
	/* The title's outlines: the one filled path in ink. */
	expect_has((char *)a, "Z\" fill=\"#1a1a1a\"/>");
	free(a);
	o.format = GT_CHART_PDF;
	a = gt_chart_render(&c, &o, &n);
	cr_assert_not_null(a);
	/* Cairo 1.16 writes no "D:" before a date it is given. */
	cr_expect(contains(a, n, "/CreationDate (20250401") ||
	    contains(a, n, "/CreationDate (D:20250401"));
	free(a);
	/* grow: as tall as the chart needs, and no taller. */
	o.format = GT_CHART_PNG;
	o.scale = 1;
	o.width = 482;
	o.height = 300;
	o.grow = 1;
	fix_quarterly(&f);
	cr_assert_eq(write_chart(&c, &o, path), 0);
	s = cairo_image_surface_create_from_png(path);
	cr_expect_eq(cairo_image_surface_get_height(s), 300);
	cairo_surface_destroy(s);
	fix_many(&f);
	o.height = 210;
	cr_assert_eq(write_chart(&c, &o, path), 0);
	s = cairo_image_surface_create_from_png(path);
	cr_expect_eq(cairo_image_surface_get_height(s),
	    (int)ceil(gt_chart_height(&c, 482, 210)));
	cr_expect_gt(cairo_image_surface_get_height(s), 210);
	cairo_surface_destroy(s);
	unlink(path);
	o.width = 0;
	cr_expect_null(gt_chart_render(&c, &o, &n));
	cr_expect_eq(gt_write_file("/nonexistent/x.pdf", "x", 1), -1);
}

/* --- Reference images --------------------------------------------------- */

struct mem {
	const unsigned char	*p;
	size_t			 n;
};

static cairo_status_t
mem_read(void *closure, unsigned char *data, unsigned int len)
{
	struct mem	*m = closure;

	if (len > m->n)
		return CAIRO_STATUS_READ_ERROR;
	memcpy(data, m->p, len);
	m->p += len;
	m->n -= len;
	return CAIRO_STATUS_SUCCESS;
}

/* Pixels of a and b that differ by more than REF_DELTA in a channel. */
static size_t
differ(cairo_surface_t *a, cairo_surface_t *b)
{
	int		 w = cairo_image_surface_get_width(a);
	int		 h = cairo_image_surface_get_height(a);
	unsigned char	*da = cairo_image_surface_get_data(a);
	unsigned char	*db = cairo_image_surface_get_data(b);
	int		 sa = cairo_image_surface_get_stride(a);
	int		 sb = cairo_image_surface_get_stride(b);
	size_t		 n = 0;
	int		 x, y, k;

	for (y = 0; y < h; y++)
		for (x = 0; x < w; x++) {
			uint32_t pa = ((uint32_t *)(da + y * sa))[x];
			uint32_t pb = ((uint32_t *)(db + y * sb))[x];

			for (k = 0; k < 24; k += 8)
				if (abs((int)((pa >> k) & 0xFF) -
				    (int)((pb >> k) & 0xFF)) > REF_DELTA) {
					n++;
					break;
				}
		}
	return n;
}

static void
reference(const char *name, const struct gt_chart *c, double w, double h)
{
	struct gt_chart_output	 o = { .width = w, .height = h, .scale = 1 };
	cairo_surface_t		*got, *ref;
	unsigned char		*png;
	struct mem		 m;
	char			*path = gt_xasprintf("%s/%s.png", REF_DIR, name);
	size_t			 n, bad;

	png = gt_chart_render(c, &o, &n);
	cr_assert_not_null(png, "%s: no render", name);
	if (getenv("GT_BLESS") != NULL) {
		FILE	*f;

		mkdir("tests/charts", 0777);
		mkdir(REF_DIR, 0777);
		cr_assert_not_null(f = fopen(path, "wb"), "%s", path);
		cr_expect_eq(fwrite(png, 1, n, f), n);
		fclose(f);
		free(png);
		free(path);
		return;
	}
	m.p = png;
	m.n = n;
	got = cairo_image_surface_create_from_png_stream(mem_read, &m);
	ref = cairo_image_surface_create_from_png(path);
	cr_expect_eq(cairo_surface_status(ref), CAIRO_STATUS_SUCCESS,
	    "%s missing: run make charts-ref", path);
	if (cairo_surface_status(ref) == CAIRO_STATUS_SUCCESS) {
		cr_expect_eq(cairo_image_surface_get_width(got),
		    cairo_image_surface_get_width(ref), "%s width", name);
		cr_expect_eq(cairo_image_surface_get_height(got),
		    cairo_image_surface_get_height(ref), "%s height", name);
		if (cairo_image_surface_get_width(got) ==
		    cairo_image_surface_get_width(ref) &&
		    cairo_image_surface_get_height(got) ==
		    cairo_image_surface_get_height(ref)) {
			bad = differ(got, ref);
			cr_expect_leq(bad, REF_SHARE * w * h,
			    "%s: %zu of %.0f pixels differ", name, bad, w * h);
		}
	}
	cairo_surface_destroy(got);
	cairo_surface_destroy(ref);
	free(png);
	free(path);
}

Test(chart, reference_images)
{
	static struct fix q, mo, an, bd, mn, sp, many, nat, ytd, zero, one,
			  lt, col;
	struct gt_chart	 c;

	fix_quarterly(&q);
	fix_monthly(&mo);
	fix_annual(&an);
	fix_band(&bd);
	fix_money(&mn);
	fix_quarterly(&sp);
	c = trend_chart(&q.t);
	reference("trend_quarterly", &c, 640, 360);
	reference("trend_narrow", &c, 320, 300);
	c = trend_chart(&mo.t);
	reference("trend_monthly240", &c, 800, 360);
	c = trend_chart(&an.t);
	reference("trend_bars", &c, 560, 320);
	c = trend_chart(&bd.t);
	reference("trend_band_gaps", &c, 640, 360);
	c = trend_chart(&mn.t);
	reference("trend_money", &c, 560, 320);
	c = trend_chart(&sp.t);
	fix_many(&many);
	c = trend_chart(&many.t);
	reference("trend_comparators16", &c, 720, 360);
	reference("trend_comparators16_narrow", &c, 340, 300);
	/* Wide and short: the key beside. */
	reference("trend_comparators16_wide", &c, 1200, 190);
	/* A pack's figure: its height from gt_chart_height. */
	reference("trend_comparators16_pdf", &c, 482,
	    gt_chart_height(&c, 482, 210));
	fix_national(&nat);
	c = trend_chart(&nat.t);
	reference("trend_national1000", &c, 720, 360);
	fix_ytd(&ytd);
	c = trend_chart(&ytd.t);
	reference("trend_ytd_monthly3y", &c, 720, 360);
	reference("trend_ytd_narrow", &c, 340, 300);
	fix_near_zero(&zero);
	c = trend_chart(&zero.t);
	reference("trend_count_near_zero", &c, 640, 360);
	fix_single(&one);
	c = trend_chart(&one.t);
	reference("trend_single_comparator", &c, 640, 360);
	fix_long_title(&lt);
	c = trend_chart(&lt.t);
	reference("trend_long_title", &c, 720, 360);
	/* A page's chart for phones: taller, so the plot keeps its height. */
	reference("trend_long_title_narrow", &c, 340, gt_chart_height(&c, 340,
	    300));
	fix_collide(&col);
	c = trend_chart(&col.t);
	reference("trend_collisions", &c, 640, 360);
	c = trend_chart(&sp.t);
	c.type = GT_CHART_SPARK;
	reference("spark", &c, 120, 32);
	c.u.trend = &ytd.t;
	reference("spark_ytd", &c, 120, 32);
	c.type = GT_CHART_STATUSBAR;
	c.u.statusbar = &bar;
	reference("statusbar", &c, 480, 100);
	c.type = GT_CHART_HEATMAP;
	c.u.heatmap = &heat;
	reference("heatmap", &c, 520, 560);
	c.type = GT_CHART_PROGRESS;
	c.u.progress = &prog;
	reference("progress", &c, 320, 60);
}

/* --- The PNG writer --------------------------------------------------- */

/*
 * The chart PNG holds only IHDR (8-bit RGB: the page is opaque white, so
 * no alpha), IDAT and IEND: no time or text, so the bytes depend only on
 * the pixels; and it decodes to exactly the pixels Cairo drew.
 */
Test(chart, png_chunks_and_pixels)
{
	static struct fix f;
	struct gt_chart		 c;
	struct gt_buf		 b = { 0 };
	struct mem		 m;
	cairo_surface_t		*s, *got;
	cairo_t			*cr;
	const unsigned char	*p, *end;
	unsigned char		*png;
	size_t			 n, i;
	int			 y, w = 400, h = 250, diff = 0;

	fix_quarterly(&f);
	c = trend_chart(&f.t);
	png = gt_chart_render(&c, &(struct gt_chart_output){ .width = w,
	    .height = h }, &n);
	cr_assert_not_null(png);
	cr_assert(n > 33 && memcmp(png, "\x89PNG\r\n\x1a\n", 8) == 0);
	cr_expect_eq(png[24], 8, "bit depth %d", png[24]);
	cr_expect_eq(png[25], 2, "colour type %d (2: RGB)", png[25]);
	for (p = png + 8, end = png + n, i = 0; p + 12 <= end; i++) {
		size_t	 len = (size_t)p[0] << 24 | (size_t)p[1] << 16 |
			    (size_t)p[2] << 8 | p[3];
		const char *want = i == 0 ? "IHDR" : p + 12 + len >= end ?
			    "IEND" : "IDAT";

		cr_expect(memcmp(p + 4, want, 4) == 0, "chunk %zu is %.4s",
		    i, (const char *)p + 4);
		p += 12 + len;
	}
	cr_expect_eq(p, end);

	/* Same pixels as drawing directly. */
	s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
	cr = cairo_create(s);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	gt_chart_draw(cr, 0, 0, w, h, &c);
	cairo_destroy(cr);
	cairo_surface_flush(s);
	m.p = png;
	m.n = n;
	got = cairo_image_surface_create_from_png_stream(mem_read, &m);
	cr_assert_eq(cairo_surface_status(got), CAIRO_STATUS_SUCCESS);
	cr_expect_eq(cairo_image_surface_get_format(got), CAIRO_FORMAT_RGB24);
	for (y = 0; y < h; y++) {
		const uint32_t *ra = (const uint32_t *)(const void *)
		    (cairo_image_surface_get_data(s) +
		    y * cairo_image_surface_get_stride(s));
		const uint32_t *rb = (const uint32_t *)(const void *)
		    (cairo_image_surface_get_data(got) +
		    y * cairo_image_surface_get_stride(got));

		for (i = 0; i < (size_t)w; i++)	/* RGB24: top byte unused */
			diff += ((ra[i] ^ rb[i]) & 0xffffff) != 0;
	}
	cr_expect_eq(diff, 0, "decoded pixels differ from the drawing");
	cairo_surface_destroy(got);

	/* A translucent surface comes out as straight-alpha RGBA. */
	cairo_surface_destroy(s);
	s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 4, 1);
	cr = cairo_create(s);
	cairo_set_source_rgba(cr, 0.2, 0.4, 0.6, 0.5);
	cairo_paint(cr);
	cairo_destroy(cr);
	cr_assert_eq(gt_chart_png(s, NULL, &b), 0);
	cr_expect_eq((unsigned char)b.data[25], 6, "colour type %d (6: RGBA)",
	    (unsigned char)b.data[25]);
	m.p = (unsigned char *)b.data;
	m.n = b.len;
	got = cairo_image_surface_create_from_png_stream(mem_read, &m);
	cr_assert_eq(cairo_surface_status(got), CAIRO_STATUS_SUCCESS);
	for (i = 0; i < 4; i++) {
		uint32_t a = ((uint32_t *)(void *)
			    cairo_image_surface_get_data(s))[i];
		uint32_t g = ((uint32_t *)(void *)
			    cairo_image_surface_get_data(got))[i];
		int	 k;

		for (k = 0; k < 32; k += 8)
			cr_expect(abs((int)((a >> k) & 0xff) -
			    (int)((g >> k) & 0xff)) <= 1,
			    "pixel %zu: %08x vs %08x", i, a, g);
	}
	cairo_surface_destroy(got);
	cairo_surface_destroy(s);
	gt_buf_free(&b);
	free(png);
}
