/*
 * chartbench.c: how fast the trend chart renders, against bare Cairo loops
 * drawing a similar line chart on the same surfaces, so the cost of layout
 * (Pango, the key, label placement) and of encoding is visible.
 *
 *   chartbench [N]              N charts of each kind (default 200)
 *   chartbench --png-matrix [N] PNG size and time per zlib level, filter
 *                               and strategy for one 2x trend chart,
 *                               N encodes each (default 20)
 *
 * Each chart: 20 quarterly points, a target, one comparator, a source
 * footer, 720x360 px (the site's size): PNG at 2x (1440x720 pixels, the
 * site's fallback), SVG at 1x. The bare PNG goes through the same writer as the charts
 * (gt_chart_png), so the ratio measures only what goldthread adds.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cairo-svg.h>
#include <png.h>
#include <zlib.h>

#include "chart_int.h"
#include "util.h"

#define NP	20
#define W	720
#define H	360
#define SCALE	2

static char		 names[NP][16];
static char		 years[NP][8];
static struct gt_chart_point points[NP];
static double		 england[NP];
static const char *const quarters[] = { "Q1", "Q2", "Q3", "Q4" };

static void
fixture(struct gt_chart_trend *t, struct gt_chart_comparator *c)
{
	size_t	 i;

	for (i = 0; i < NP; i++) {
		int	 y = 2020 + (int)(i / 4);

		snprintf(names[i], sizeof(names[i]), "%d/%02d Q%zu", y,
		    (y + 1) % 100, i % 4 + 1);
		snprintf(years[i], sizeof(years[i]), "%d/%02d", y,
		    (y + 1) % 100);
		points[i].period = names[i];
		points[i].year = years[i];
		points[i].in_year = (int)(i % 4) + 1;
		points[i].value = 58 + i * 0.8 + 3 * sin((double)i);
		points[i].target.set = 1;
		points[i].target.lo = points[i].target.hi = 65;
		points[i].status = points[i].value >= 65 ?
		    GT_CHART_ON_TARGET : GT_CHART_OFF_TARGET;
		england[i] = 63 + i * 0.3;
	}
	c->name = "England";
	c->values = england;
	t->title = "Households prevented from becoming homeless";
	t->unit = "%";
	t->decimals = 1;
	t->periods_per_year = 4;
	t->points = points;
	t->npoints = NP;
	t->comparators = c;
	t->ncomparators = 1;
	t->slot_names = quarters;
	/* Every chart of the site has its footer. */
	t->source = "Source: Homelessness case management system (H-CLIC); "
	    "Harrowby Borough Council; figures to March 2025";
}

static double
now(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static cairo_status_t
discard(void *closure, const unsigned char *data GT_UNUSED, unsigned int len)
{
	*(size_t *)closure += len;
	return CAIRO_STATUS_SUCCESS;
}

/*
 * A plain line chart in W x H user units: white page, gridlines, tick
 * labels, a polyline, a target, a title; Cairo's toy text, no layout.
 */
static void
bare_draw(cairo_t *cr)
{
	size_t		 i;
	char		 buf[32];

	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
	    CAIRO_FONT_WEIGHT_NORMAL);
	cairo_set_font_size(cr, 12);
	cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
	cairo_move_to(cr, 0, 16);
	cairo_show_text(cr, "Households prevented from becoming homeless");
	for (i = 0; i < 6; i++) {
		double	 y = 320 - i * 56;

		cairo_set_source_rgb(cr, 0.89, 0.89, 0.89);
		cairo_move_to(cr, 40, y);
		cairo_line_to(cr, W - 10, y);
		cairo_stroke(cr);
		snprintf(buf, sizeof(buf), "%zu%%", 50 + i * 5);
		cairo_set_source_rgb(cr, 0.35, 0.35, 0.35);
		cairo_move_to(cr, 4, y + 4);
		cairo_show_text(cr, buf);
	}
	for (i = 0; i < NP; i += 4) {
		cairo_move_to(cr, 40 + i * 33.5, 340);
		cairo_show_text(cr, years[i]);
	}
	cairo_set_source_rgb(cr, 0.11, 0.31, 0.54);
	cairo_set_line_width(cr, 2.5);
	for (i = 0; i < NP; i++)
		cairo_line_to(cr, 55 + i * 33.5, 320 -
		    (points[i].value - 50) * 11.2);
	cairo_stroke(cr);
	cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
	cairo_move_to(cr, 40, 320 - 15 * 11.2);
	cairo_line_to(cr, W - 10, 320 - 15 * 11.2);
	cairo_stroke(cr);
}

/* The bare chart on the PNG surface (2x); encoded by gt_chart_png or not. */
static size_t
bare_png(int encode)
{
	cairo_surface_t	*s = cairo_image_surface_create(CAIRO_FORMAT_RGB24,
	    W * SCALE, H * SCALE);
	cairo_t		*cr = cairo_create(s);
	struct gt_buf	 b = { 0 };
	size_t		 len;

	cairo_scale(cr, SCALE, SCALE);
	bare_draw(cr);
	cairo_destroy(cr);
	if (encode)
		gt_chart_png(s, &gt_png_default, &b);
	else
		cairo_surface_flush(s);
	cairo_surface_destroy(s);
	len = b.len;
	gt_buf_free(&b);
	return len;
}

static size_t
bare_svg(void)
{
	size_t		 len = 0;
	cairo_surface_t	*s = cairo_svg_surface_create_for_stream(discard,
	    &len, W, H);
	cairo_t		*cr;

	cairo_svg_surface_restrict_to_version(s, CAIRO_SVG_VERSION_1_1);
	cairo_svg_surface_set_document_unit(s, CAIRO_SVG_UNIT_PX);
	cr = cairo_create(s);
	bare_draw(cr);
	cairo_destroy(cr);
	cairo_surface_finish(s);
	cairo_surface_destroy(s);
	return len;
}

/* The trend chart drawn on the PNG surface without encoding it. */
static size_t
trend_draw_only(const struct gt_chart *c)
{
	cairo_surface_t	*s = cairo_image_surface_create(CAIRO_FORMAT_RGB24,
	    W * SCALE, H * SCALE);
	cairo_t		*cr = cairo_create(s);

	cairo_scale(cr, SCALE, SCALE);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	gt_chart_draw(cr, 0, 0, W, H, c);
	cairo_destroy(cr);
	cairo_surface_flush(s);
	cairo_surface_destroy(s);
	return 0;
}

/* Per chart, in ms. */
struct run {
	double	 ms;
	size_t	 bytes;	/* of one chart */
};

enum job { TREND_PNG, TREND_SVG, TREND_DRAW, BARE_PNG, BARE_SVG, BARE_DRAW };

static struct run
timed(enum job j, const struct gt_chart *c, int n)
{
	struct gt_chart_output	 o = { GT_CHART_PNG, W, H, SCALE, NULL, 0 };
	struct run		 r = { 0, 0 };
	double			 t0;
	size_t			 len = 0;
	int			 i;

	if (j == TREND_SVG) {
		o.format = GT_CHART_SVG;
		o.scale = 1;
	}
	t0 = now();
	for (i = 0; i < n; i++) {
		switch (j) {
		case TREND_PNG:
		case TREND_SVG:
			free(gt_chart_render(c, &o, &len));
			break;
		case TREND_DRAW:
			len = trend_draw_only(c);
			break;
		case BARE_PNG:
			len = bare_png(1);
			break;
		case BARE_SVG:
			len = bare_svg();
			break;
		case BARE_DRAW:
			len = bare_png(0);
			break;
		}
	}
	r.ms = (now() - t0) * 1000 / n;
	r.bytes = len;
	return r;
}

static void
row(const char *what, struct run r)
{
	printf("%-22s %8.1f charts/s %7.2f ms", what, 1000 / r.ms, r.ms);
	if (r.bytes > 0)
		printf(" %8zu bytes", r.bytes);
	putchar('\n');
}

static int
bench(const struct gt_chart *c, int n)
{
	struct run	 tp, ts, td, bp, bs, bd;
	double		 worst;

	tp = timed(TREND_PNG, c, n);
	ts = timed(TREND_SVG, c, n);
	td = timed(TREND_DRAW, c, n);
	bp = timed(BARE_PNG, c, n);
	bs = timed(BARE_SVG, c, n);
	bd = timed(BARE_DRAW, c, n);

	printf("charts                 %d of each, %dx%d px, 20 points; PNG "
	    "at %dx (%dx%d)\n", n, W, H, SCALE, W * SCALE, H * SCALE);
	row("trend PNG", tp);
	row("trend SVG", ts);
	row("trend draw (no PNG)", td);
	row("bare Cairo PNG", bp);
	row("bare Cairo SVG", bs);
	row("bare draw (no PNG)", bd);
	printf("PNG encode             %7.2f ms (bare PNG - bare draw)\n",
	    bp.ms - bd.ms);
	printf("trend / bare PNG       %8.2f  (target <= 1.5)\n", tp.ms / bp.ms);
	printf("trend / bare SVG       %8.2f  (target <= 1.5)\n", ts.ms / bs.ms);
	printf("trend / bare draw      %8.2f  (layout only, no encoder)\n",
	    td.ms / bd.ms);
	worst = fmax(tp.ms / bp.ms, ts.ms / bs.ms);
	printf("within 1.5x            %s\n", worst <= 1.5 ? "yes" : "NO");
	return 0;
}

/* One 2x trend chart, encoded with each setting. */
static int
matrix(const struct gt_chart *c, int n)
{
	static const struct {
		const char	*name;
		int		 filters;
	} filters[] = {
		{ "none", PNG_FILTER_NONE },
		{ "sub", PNG_FILTER_SUB },
		{ "up", PNG_FILTER_UP },
		{ "paeth", PNG_FILTER_PAETH },
		{ "all", PNG_ALL_FILTERS },
	};
	static const struct {
		const char	*name;
		int		 strategy;
	} strategies[] = {
		{ "default", -1 },	/* libpng: FILTERED when filtering */
		{ "rle", Z_RLE },
	};
	static const int levels[] = { 1, 3, 6, 9 };
	cairo_surface_t	*s = cairo_image_surface_create(CAIRO_FORMAT_RGB24,
	    W * SCALE, H * SCALE);
	cairo_t		*cr = cairo_create(s);
	struct gt_buf	 b = { 0 };
	struct gt_png_opts o;
	size_t		 li, fi, si, len = 0;
	double		 t0, draw;
	int		 i;

	cairo_scale(cr, SCALE, SCALE);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	gt_chart_draw(cr, 0, 0, W, H, c);
	cairo_destroy(cr);
	cairo_surface_flush(s);
	draw = timed(TREND_DRAW, c, n).ms;

	printf("PNG of one trend chart, %dx%d pixels, %d encodes each; "
	    "drawing it: %.2f ms\n", W * SCALE, H * SCALE, n, draw);
	printf("%-28s %6s %9s %9s\n", "writer", "level", "ms", "bytes");
	t0 = now();
	for (i = 0; i < n; i++) {
		len = 0;
		cairo_surface_write_to_png_stream(s, discard, &len);
	}
	printf("%-28s %6s %9.2f %9zu\n", "cairo (libpng defaults)", "6",
	    (now() - t0) * 1000 / n, len);
	for (li = 0; li < sizeof(levels) / sizeof(levels[0]); li++)
		for (fi = 0; fi < sizeof(filters) / sizeof(filters[0]); fi++)
			for (si = 0; si < sizeof(strategies) /
			    sizeof(strategies[0]); si++) {
				char	 name[64];

				o.level = levels[li];
				o.filters = filters[fi].filters;
				o.strategy = strategies[si].strategy;
				t0 = now();
				for (i = 0; i < n; i++) {
					gt_buf_reset(&b);
					gt_chart_png(s, &o, &b);
				}
				snprintf(name, sizeof(name), "filter %s, %s%s",
				    filters[fi].name, strategies[si].name,
				    o.level == gt_png_default.level &&
				    o.filters == gt_png_default.filters &&
				    o.strategy == gt_png_default.strategy ?
				    " *" : "");
				printf("%-28s %6d %9.2f %9zu\n", name, o.level,
				    (now() - t0) * 1000 / n, b.len);
			}
	printf("* the charts' setting (gt_png_default)\n");
	gt_buf_free(&b);
	cairo_surface_destroy(s);
	return 0;
}

int
main(int argc, char **argv)
{
	struct gt_chart_trend		 t = { 0 };
	struct gt_chart_comparator	 c;
	struct gt_chart			 chart = { .type = GT_CHART_TREND };
	struct gt_chart_output		 o = { GT_CHART_PNG, W, H, SCALE, NULL, 0 };
	int				 mx = 0, n, rc;
	size_t				 len;

	if (argc > 1 && strcmp(argv[1], "--png-matrix") == 0) {
		mx = 1;
		argc--;
		argv++;
	}
	n = argc > 1 ? atoi(argv[1]) : mx ? 20 : 200;
	if (n <= 0)
		n = mx ? 20 : 200;
	fixture(&t, &c);
	chart.u.trend = &t;
	/* Warm up: the font maps and glyph caches load once per process. */
	free(gt_chart_render(&chart, &o, &len));
	o.format = GT_CHART_SVG;
	free(gt_chart_render(&chart, &o, &len));
	bare_png(1);
	bare_svg();

	rc = mx ? matrix(&chart, n) : bench(&chart, n);
	gt_chart_cleanup();
	cairo_debug_reset_static_data();
	return rc;
}
