/*
 * chartbench.c: how fast the trend chart renders, against a bare Cairo
 * loop drawing a similar line chart, so the cost of layout (Pango, the
 * key, label placement) is visible.
 *
 *   chartbench [N]    N charts of each kind (default 200)
 *
 * Each chart: 20 quarterly points, a target, one comparator, 640x360 px.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "chart.h"

#define NP	20

static char		 names[NP][16];
static char		 years[NP][8];
static struct gt_chart_point points[NP];
static double		 england[NP];

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
		points[i].year = i % 4 == 0 ? years[i] : NULL;
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
}

static double
now(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static cairo_status_t
discard(void *closure, const unsigned char *data, unsigned int len)
{
	*(size_t *)closure += len;
	return CAIRO_STATUS_SUCCESS;
}

/* A plain line chart: gridlines, a polyline, a target, a few labels. */
static size_t
bare(void)
{
	cairo_surface_t	*s = cairo_image_surface_create(CAIRO_FORMAT_RGB24,
	    640, 360);
	cairo_t		*cr = cairo_create(s);
	size_t		 i, len = 0;
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
		cairo_line_to(cr, 630, y);
		cairo_stroke(cr);
		snprintf(buf, sizeof(buf), "%zu%%", 50 + i * 5);
		cairo_set_source_rgb(cr, 0.35, 0.35, 0.35);
		cairo_move_to(cr, 4, y + 4);
		cairo_show_text(cr, buf);
	}
	for (i = 0; i < NP; i += 4) {
		cairo_move_to(cr, 40 + i * 29.5, 340);
		cairo_show_text(cr, years[i]);
	}
	cairo_set_source_rgb(cr, 0.11, 0.31, 0.54);
	cairo_set_line_width(cr, 2.5);
	for (i = 0; i < NP; i++)
		cairo_line_to(cr, 55 + i * 29.5, 320 -
		    (points[i].value - 50) * 11.2);
	cairo_stroke(cr);
	cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
	cairo_move_to(cr, 40, 320 - 15 * 11.2);
	cairo_line_to(cr, 630, 320 - 15 * 11.2);
	cairo_stroke(cr);
	cairo_destroy(cr);
	cairo_surface_write_to_png_stream(s, discard, &len);
	cairo_surface_destroy(s);
	return len;
}

int
main(int argc, char **argv)
{
	struct gt_chart_trend		 t = { 0 };
	struct gt_chart_comparator	 c;
	struct gt_chart			 chart = { .type = GT_CHART_TREND };
	struct gt_chart_output		 o = { .width = 640, .height = 360 };
	int				 n = argc > 1 ? atoi(argv[1]) : 200;
	double				 t0, png, svg, base;
	size_t				 len, bytes = 0;
	int				 i;

	if (n <= 0)
		n = 200;
	fixture(&t, &c);
	chart.u.trend = &t;
	/* Warm up: the font map and glyph caches load once per process. */
	free(gt_chart_render(&chart, &o, &len));
	bare();

	t0 = now();
	for (i = 0; i < n; i++) {
		free(gt_chart_render(&chart, &o, &len));
		bytes += len;
	}
	png = n / (now() - t0);
	o.format = GT_CHART_SVG;
	t0 = now();
	for (i = 0; i < n; i++) {
		free(gt_chart_render(&chart, &o, &len));
		bytes += len;
	}
	svg = n / (now() - t0);
	t0 = now();
	for (i = 0; i < n; i++)
		bytes += bare();
	base = n / (now() - t0);

	printf("charts            %d of each, 640x360, 20 points\n", n);
	printf("trend PNG         %8.1f charts/s\n", png);
	printf("trend SVG         %8.1f charts/s\n", svg);
	printf("bare Cairo PNG    %8.1f charts/s\n", base);
	printf("bare / trend PNG  %8.2f\n", base / png);
	printf("bare / trend SVG  %8.2f\n", base / svg);
	fprintf(stderr, "(%zu bytes rendered)\n", bytes);
	gt_chart_cleanup();
	return 0;
}
