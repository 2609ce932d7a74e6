/*
 * chart_font.c: text with Pango on a private font map that holds only
 * DejaVu Sans from fonts-dejavu-core, so output never depends on what
 * other fonts or fontconfig settings a machine has.
 */
#include <stdlib.h>
#include <string.h>

#include <fontconfig/fontconfig.h>
#include <pango/pangofc-fontmap.h>

#include "chart_int.h"
#include "util.h"

#ifndef GT_FONT_DIR
#define GT_FONT_DIR	"/usr/share/fonts/truetype/dejavu"
#endif
#define GT_FONT_FAMILY	"DejaVu Sans"

static const char *const font_files[] = {
	GT_FONT_DIR "/DejaVuSans.ttf",
	GT_FONT_DIR "/DejaVuSans-Bold.ttf",
	GT_FONT_DIR "/DejaVuSansMono.ttf",	/* code in PDF reports */
	/* Emphasis in PDF reports (fonts-dejavu-extra). */
	GT_FONT_DIR "/DejaVuSans-Oblique.ttf",
	GT_FONT_DIR "/DejaVuSans-BoldOblique.ttf",
};

static PangoFontMap	*fontmap;

static PangoFontMap *
fonts(void)
{
	FcConfig	*config;
	size_t		 i;

	if (fontmap != NULL)
		return fontmap;
	/* A fresh configuration: no system directories, no user rules. */
	if ((config = FcConfigCreate()) == NULL)
		return NULL;
	for (i = 0; i < sizeof(font_files) / sizeof(font_files[0]); i++)
		if (!FcConfigAppFontAddFile(config,
		    (const FcChar8 *)font_files[i])) {
			FcConfigDestroy(config);
			return NULL;
		}
	fontmap = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
	if (fontmap == NULL) {
		FcConfigDestroy(config);
		return NULL;
	}
	pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(fontmap), config);
	FcConfigDestroy(config);	/* the font map holds its own reference */
	return fontmap;
}

void
gt_chart_cleanup(void)
{
	if (fontmap != NULL) {
		g_object_unref(fontmap);
		fontmap = NULL;
	}
}

PangoContext *
gt_chart_pango(cairo_t *cr)
{
	PangoFontMap		*map = fonts();
	PangoContext		*pc;
	cairo_font_options_t	*fo;

	if (map == NULL)
		return NULL;
	pc = pango_font_map_create_context(map);
	/*
	 * Outlines exactly as designed, placed at fractional positions: the
	 * layout is then the same at every scale and on every surface.
	 */
	fo = cairo_font_options_create();
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_antialias(fo, CAIRO_ANTIALIAS_GRAY);
	cairo_font_options_set_subpixel_order(fo, CAIRO_SUBPIXEL_ORDER_DEFAULT);
	pango_cairo_context_set_font_options(pc, fo);
	cairo_font_options_destroy(fo);
	pango_context_set_round_glyph_positions(pc, FALSE);
	pango_context_set_language(pc, pango_language_from_string("en-gb"));
	pango_cairo_update_context(cr, pc);
	return pc;
}

PangoLayout *
gt_chart_text(PangoContext *pc, const char *text, double px, int bold,
    double width, int lines)
{
	PangoLayout		*l = pango_layout_new(pc);
	PangoFontDescription	*fd = pango_font_description_new();

	if (px < GT_TEXT_MIN)
		px = GT_TEXT_MIN;
	pango_font_description_set_family_static(fd, GT_FONT_FAMILY);
	pango_font_description_set_weight(fd, bold ? PANGO_WEIGHT_BOLD :
	    PANGO_WEIGHT_NORMAL);
	pango_font_description_set_absolute_size(fd, px * PANGO_SCALE);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	if (width > 0) {
		pango_layout_set_width(l, (int)(width * PANGO_SCALE));
		pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
		/* Negative: a limit in lines, not in height. */
		pango_layout_set_height(l, -(lines > 0 ? lines : 1));
		pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
	}
	pango_layout_set_text(l, text != NULL ? text : "", -1);
	return l;
}

void
gt_chart_text_size(PangoLayout *l, double *w, double *h)
{
	PangoRectangle	 r;

	pango_layout_get_extents(l, NULL, &r);
	if (w != NULL)
		*w = (double)r.width / PANGO_SCALE;
	if (h != NULL)
		*h = (double)r.height / PANGO_SCALE;
}

void
gt_chart_show(cairo_t *cr, PangoLayout *l, double x, double y, double ax,
    double ay, uint32_t colour, int halo)
{
	PangoRectangle	 r;

	pango_layout_get_extents(l, NULL, &r);
	cairo_save(cr);
	cairo_new_path(cr);
	cairo_move_to(cr, x - ax * r.width / PANGO_SCALE -
	    (double)r.x / PANGO_SCALE, y - ay * r.height / PANGO_SCALE -
	    (double)r.y / PANGO_SCALE);
	if (halo) {
		pango_cairo_layout_path(cr, l);
		gt_chart_rgb(cr, GT_PAPER);
		cairo_set_line_width(cr, 4);
		cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
		cairo_stroke_preserve(cr);
		gt_chart_rgb(cr, colour);
		cairo_fill(cr);
	} else {
		gt_chart_rgb(cr, colour);
		pango_cairo_show_layout(cr, l);
	}
	cairo_restore(cr);
}

void
gt_chart_message(cairo_t *cr, PangoContext *pc, double x, double y,
    double w, double h, const char *text)
{
	PangoLayout	*l = gt_chart_text(pc, text, 14, 0, w - 16, 3);

	pango_layout_set_alignment(l, PANGO_ALIGN_CENTER);
	gt_chart_show(cr, l, x + w / 2, y + h / 2, 0.5, 0.5, GT_MUTED, 0);
	g_object_unref(l);
}

int
gt_boxes_claim(struct gt_boxes *bs, struct gt_box b, double gap)
{
	size_t	 i;

	for (i = 0; i < bs->n; i++)
		if (b.x0 < bs->v[i].x1 + gap && bs->v[i].x0 < b.x1 + gap &&
		    b.y0 < bs->v[i].y1 + gap && bs->v[i].y0 < b.y1 + gap)
			return 0;
	*GT_PUSH(bs->v, bs->n, bs->cap) = b;
	return 1;
}

void
gt_boxes_free(struct gt_boxes *bs)
{
	free(bs->v);
	bs->v = NULL;
	bs->n = bs->cap = 0;
}
