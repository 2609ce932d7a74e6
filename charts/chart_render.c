/*
 * chart_render.c: one chart on a white page as PNG, SVG or PDF bytes, and
 * to a file.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>

#include "chart_int.h"
#include "util.h"

void
gt_chart_draw(cairo_t *cr, double x, double y, double w, double h,
    const struct gt_chart *c)
{
	switch (c->type) {
	case GT_CHART_TREND:
		gt_chart_draw_trend(cr, x, y, w, h, c->u.trend);
		break;
	case GT_CHART_SPARK:
		gt_chart_draw_spark(cr, x, y, w, h, c->u.trend);
		break;
	case GT_CHART_STATUSBAR:
		gt_chart_draw_statusbar(cr, x, y, w, h, c->u.statusbar);
		break;
	case GT_CHART_HEATMAP:
		gt_chart_draw_heatmap(cr, x, y, w, h, c->u.heatmap);
		break;
	case GT_CHART_PROGRESS:
		gt_chart_draw_progress(cr, x, y, w, h, c->u.progress);
		break;
	}
}

static cairo_status_t
collect(void *closure, const unsigned char *data, unsigned int len)
{
	gt_buf_add(closure, data, len);
	return CAIRO_STATUS_SUCCESS;
}

/*
 * Cairo names the SVG page group "surfaceN" from a process-wide counter;
 * renumber those ids from 1 in order of appearance so the bytes depend
 * only on the chart.
 */
static void
svg_ids(struct gt_buf *b)
{
	static const char	 key[] = "surface";
	struct gt_buf		 out = { 0 };
	unsigned long		*seen = NULL, n;
	size_t			 nseen = 0, cap = 0, i, k;
	const char		*s = b->data, *p;
	char			*end;

	if (s == NULL)
		return;
	while ((p = strstr(s, key)) != NULL) {
		/* Only ids and references: id="surfaceN", #surfaceN. */
		if (p == b->data || (p[-1] != '"' && p[-1] != '#') ||
		    p[sizeof(key) - 1] < '0' || p[sizeof(key) - 1] > '9') {
			gt_buf_add(&out, s, (size_t)(p - s) + sizeof(key) - 1);
			s = p + sizeof(key) - 1;
			continue;
		}
		n = strtoul(p + sizeof(key) - 1, &end, 10);
		for (k = 0; k < nseen && seen[k] != n; k++)
			continue;
		if (k == nseen)
			*GT_PUSH(seen, nseen, cap) = n;
		gt_buf_add(&out, s, (size_t)(p - s));
		gt_buf_printf(&out, "%s%zu", key, k + 1);
		s = end;
	}
	i = strlen(s);
	gt_buf_add(&out, s, i);
	free(seen);
	gt_buf_free(b);
	*b = out;
}

/* "2025-04-01" or "2025-04-01T09:00:00Z" as cairo wants it (with time). */
static void
pdf_date(cairo_surface_t *s, const char *date)
{
	char	 buf[64];

	if (date == NULL || *date == '\0')
		return;
	if (strlen(date) == 10)
		snprintf(buf, sizeof(buf), "%sT00:00:00Z", date);
	else
		snprintf(buf, sizeof(buf), "%s", date);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, buf);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE, buf);
}

unsigned char *
gt_chart_render(const struct gt_chart *c, const struct gt_chart_output *o,
    size_t *len)
{
	struct gt_buf	 b = { 0 };
	cairo_surface_t	*s;
	cairo_t		*cr;
	PangoContext	*pc;
	double		 scale = o->scale > 0 ? o->scale : 1;
	int		 ok;

	*len = 0;
	if (!(o->width > 0) || !(o->height > 0) || o->width > 1e5 ||
	    o->height > 1e5)
		return NULL;
	switch (o->format) {
	case GT_CHART_SVG:
		s = cairo_svg_surface_create_for_stream(collect, &b, o->width,
		    o->height);
		cairo_svg_surface_restrict_to_version(s, CAIRO_SVG_VERSION_1_1);
		cairo_svg_surface_set_document_unit(s, CAIRO_SVG_UNIT_PX);
		break;
	case GT_CHART_PDF:
		s = cairo_pdf_surface_create_for_stream(collect, &b, o->width,
		    o->height);
		pdf_date(s, o->date);
		break;
	default:
		s = cairo_image_surface_create(CAIRO_FORMAT_RGB24,
		    (int)ceil(o->width * scale), (int)ceil(o->height * scale));
		break;
	}
	cr = cairo_create(s);
	/* Fonts first: without them there is no chart to give. */
	if ((pc = gt_chart_pango(cr)) == NULL) {
		cairo_destroy(cr);
		cairo_surface_destroy(s);
		gt_buf_free(&b);
		return NULL;
	}
	g_object_unref(pc);
	if (o->format == GT_CHART_PNG)
		cairo_scale(cr, scale, scale);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	gt_chart_draw(cr, 0, 0, o->width, o->height, c);
	ok = cairo_status(cr) == CAIRO_STATUS_SUCCESS;
	cairo_destroy(cr);
	if (ok && o->format == GT_CHART_PNG)
		ok = cairo_surface_write_to_png_stream(s, collect, &b) ==
		    CAIRO_STATUS_SUCCESS;
	cairo_surface_finish(s);
	ok = ok && cairo_surface_status(s) == CAIRO_STATUS_SUCCESS;
	cairo_surface_destroy(s);
	if (!ok) {
		gt_buf_free(&b);
		return NULL;
	}
	if (o->format == GT_CHART_SVG)
		svg_ids(&b);
	*len = b.len;
	return (unsigned char *)gt_buf_steal(&b);
}

int
gt_chart_write(const struct gt_chart *c, const struct gt_chart_output *o,
    const char *path)
{
	unsigned char	*data;
	size_t		 len;
	FILE		*f;
	int		 rc = 0, e;

	if ((data = gt_chart_render(c, o, &len)) == NULL) {
		errno = EINVAL;
		return -1;
	}
	if ((f = fopen(path, "wb")) == NULL) {
		e = errno;
		free(data);
		errno = e;
		return -1;
	}
	if (fwrite(data, 1, len, f) != len)
		rc = -1;
	e = errno;
	if (fclose(f) != 0 && rc == 0) {
		rc = -1;
		e = errno;
	}
	free(data);
	errno = e;
	return rc;
}
