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
#include <png.h>

#include "chart_int.h"
#include "util.h"

void
gt_chart_draw(cairo_t *cr, double x, double y, double w, double h,
    const struct gt_chart *c)
{
	cairo_save(cr);
	cairo_set_miter_limit(cr, GT_MITER_LIMIT);
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
	cairo_restore(cr);
}

cairo_status_t
gt_chart_to_buf(void *closure, const unsigned char *data, unsigned int len)
{
	gt_buf_add(closure, data, len);
	return CAIRO_STATUS_SUCCESS;
}

/*
 * The charts' PNG settings, measured with `build/chartbench --png-matrix`
 * on a 1440x720 trend chart (the site's 2x fallback): see that program.
 * Cairo's own writer (zlib level 6, every filter tried per row) spends
 * ten times as long as drawing the chart for a file about the same size.
 */
const struct gt_png_opts gt_png_default = { 1, PNG_FILTER_NONE, -1 };

static void
png_out(png_structp png, png_bytep data, size_t len)
{
	gt_buf_add(png_get_io_ptr(png), data, len);
}

static void
png_flush(png_structp png GT_UNUSED)
{
}

static void
png_fail(png_structp png, png_const_charp msg GT_UNUSED)
{
	png_longjmp(png, 1);
}

static void
png_warn(png_structp png GT_UNUSED, png_const_charp msg GT_UNUSED)
{
}

/* One row of the surface as 8-bit RGB or RGBA (straight alpha). */
static void
png_row(unsigned char *dst, const unsigned char *src, int w, int alpha)
{
	const uint32_t	*p = (const uint32_t *)(const void *)src;
	int		 i;

	for (i = 0; i < w; i++) {
		uint32_t	 px = p[i];
		unsigned	 a = px >> 24, r = (px >> 16) & 0xff,
				 g = (px >> 8) & 0xff, b = px & 0xff;

		if (!alpha) {
			*dst++ = (unsigned char)r;
			*dst++ = (unsigned char)g;
			*dst++ = (unsigned char)b;
			continue;
		}
		if (a != 0 && a != 255) {	/* premultiplied: undo */
			r = (r * 255 + a / 2) / a;
			g = (g * 255 + a / 2) / a;
			b = (b * 255 + a / 2) / a;
		}
		*dst++ = (unsigned char)r;
		*dst++ = (unsigned char)g;
		*dst++ = (unsigned char)b;
		*dst++ = (unsigned char)a;
	}
}

/* The libpng part; returns 0, or -1 through png_fail's longjmp. */
static int
png_encode(png_structp png, png_infop info, const struct gt_png_opts *opt,
    struct gt_buf *out, const unsigned char *data, int w, int h,
    int stride, int alpha, unsigned char *row)
{
	int	 y;

	if (setjmp(png_jmpbuf(png)))
		return -1;
	png_set_write_fn(png, out, png_out, png_flush);
	png_set_compression_level(png, opt->level);
	if (opt->filters != 0)
		png_set_filter(png, PNG_FILTER_TYPE_BASE, opt->filters);
	if (opt->strategy >= 0)
		png_set_compression_strategy(png, opt->strategy);
	/* One IDAT per 64 KiB rather than per 8 KiB. */
	png_set_compression_buffer_size(png, 64 * 1024);
	png_set_IHDR(png, info, (png_uint_32)w, (png_uint_32)h, 8,
	    alpha ? PNG_COLOR_TYPE_RGB_ALPHA : PNG_COLOR_TYPE_RGB,
	    PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_BASE,
	    PNG_FILTER_TYPE_BASE);
	png_write_info(png, info);
	for (y = 0; y < h; y++) {
		png_row(row, data + (size_t)y * (size_t)stride, w, alpha);
		png_write_row(png, row);
	}
	png_write_end(png, NULL);
	return 0;
}

int
gt_chart_png(cairo_surface_t *s, const struct gt_png_opts *opt,
    struct gt_buf *out)
{
	png_structp		 png;
	png_infop		 info = NULL;
	const unsigned char	*data;
	unsigned char		*row;
	cairo_format_t		 fmt;
	int			 w, h, stride, alpha, rc;

	cairo_surface_flush(s);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS ||
	    cairo_surface_get_type(s) != CAIRO_SURFACE_TYPE_IMAGE)
		return -1;
	fmt = cairo_image_surface_get_format(s);
	if (fmt != CAIRO_FORMAT_RGB24 && fmt != CAIRO_FORMAT_ARGB32)
		return -1;
	alpha = fmt == CAIRO_FORMAT_ARGB32;
	w = cairo_image_surface_get_width(s);
	h = cairo_image_surface_get_height(s);
	stride = cairo_image_surface_get_stride(s);
	data = cairo_image_surface_get_data(s);
	if (w <= 0 || h <= 0 || data == NULL)
		return -1;
	if ((row = malloc((size_t)w * (alpha ? 4 : 3))) == NULL)
		return -1;
	if ((png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL,
	    png_fail, png_warn)) == NULL ||
	    (info = png_create_info_struct(png)) == NULL) {
		png_destroy_write_struct(&png, NULL);
		free(row);
		return -1;
	}
	rc = png_encode(png, info, opt != NULL ? opt : &gt_png_default, out,
	    data, w, h, stride, alpha, row);
	png_destroy_write_struct(&png, &info);
	free(row);
	return rc;
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
	struct gt_buf		 b = { 0 };
	struct gt_svg		 svg;
	cairo_rectangle_t	 box = { 0, 0, o->width, o->height };
	cairo_surface_t		*s;
	cairo_t			*cr;
	PangoContext		*pc;
	double			 scale = o->scale > 0 ? o->scale : 1;
	double			 height = o->height;
	int			 ok;

	*len = 0;
	if (!(o->width > 0) || !(o->height > 0) || o->width > 1e5 ||
	    o->height > 1e5)
		return NULL;
	if (o->grow)
		box.height = height = gt_chart_height(c, o->width, o->height);
	switch (o->format) {
	case GT_CHART_SVG:
		/* Drawn by chart_svg.c: nothing reaches the surface. */
		s = cairo_recording_surface_create(CAIRO_CONTENT_COLOR, &box);
		break;
	case GT_CHART_PDF:
		s = cairo_pdf_surface_create_for_stream(gt_chart_to_buf, &b, o->width,
		    height);
		pdf_date(s, o->date);
		break;
	default:
		s = cairo_image_surface_create(CAIRO_FORMAT_RGB24,
		    (int)ceil(o->width * scale), (int)ceil(height * scale));
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
	if (o->format == GT_CHART_SVG) {
		gt_svg_begin(&svg, o->width, height);
		cairo_set_user_data(cr, &gt_svg_key, &svg, NULL);
	} else if (o->format == GT_CHART_PNG) {
		cairo_set_source_rgb(cr, 1, 1, 1);
		cairo_paint(cr);
	} else {
		/*
		 * Tagged for pdf_ua.h: a Document of one Figure, on a page
		 * left white, as the packs' are (in Cairo 1.16 a paint of the
		 * whole page undoes the tags begun before it).
		 */
		cairo_tag_begin(cr, "Document", "");
		cairo_tag_begin(cr, "Figure", "");
	}
	gt_chart_draw(cr, 0, 0, o->width, height, c);
	if (o->format == GT_CHART_PDF) {
		/* Cairo 1.16 ends a tagged page only inside its tags. */
		cairo_tag_end(cr, "Figure");
		cairo_show_page(cr);
		cairo_tag_end(cr, "Document");
	}
	ok = cairo_status(cr) == CAIRO_STATUS_SUCCESS;
	cairo_destroy(cr);
	if (ok && o->format == GT_CHART_PNG)
		ok = gt_chart_png(s, &gt_png_default, &b) == 0;
	cairo_surface_finish(s);
	ok = ok && cairo_surface_status(s) == CAIRO_STATUS_SUCCESS;
	cairo_surface_destroy(s);
	if (o->format == GT_CHART_SVG) {
		if (ok)
			return (unsigned char *)gt_svg_end(&svg, len);
		gt_svg_free(&svg);
		return NULL;
	}
	if (!ok) {
		gt_buf_free(&b);
		return NULL;
	}
	*len = b.len;
	return (unsigned char *)gt_buf_steal(&b);
}
