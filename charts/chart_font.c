/*
 * chart_font.c: text with Pango on a private font map that holds only
 * DejaVu Sans from fonts-dejavu-core, so output never depends on what
 * other fonts or fontconfig settings a machine has.
 */
#include <math.h>
#include <stdio.h>
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
/*
 * One context for every chart, so that the layouts of texts that recur
 * (ticks, years, keys, a measure's title in its wide and narrow charts)
 * are shaped once: kept by size, weight, wrap and text, dropped all
 * together when there are too many.
 */
static PangoContext	*context;
static struct gt_pango_seen seen;	/* what context is set for */
static GHashTable	*layouts;
#define LAYOUTS_KEPT	4096

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
	if (layouts != NULL) {
		g_hash_table_destroy(layouts);
		layouts = NULL;
	}
	if (context != NULL) {
		g_object_unref(context);
		context = NULL;
	}
	gt_chart_pango_seen_free(&seen);
	if (fontmap != NULL) {
		g_object_unref(fontmap);
		fontmap = NULL;
	}
}

PangoContext *
gt_chart_pango_new(void)
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
	return pc;
}

PangoContext *
gt_chart_pango(cairo_t *cr)
{
	if (context == NULL) {
		if ((context = gt_chart_pango_new()) == NULL)
			return NULL;
		layouts = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
		    g_object_unref);
	}
	gt_chart_pango_set(cr, context, &seen);
	return g_object_ref(context);
}

void
gt_chart_pango_set(cairo_t *cr, PangoContext *pc, struct gt_pango_seen *s)
{
	cairo_font_options_t	*fo = cairo_font_options_create();
	cairo_matrix_t		 m;

	cairo_surface_get_font_options(cairo_get_target(cr), fo);
	cairo_get_matrix(cr, &m);
	/* Pango takes no translation from cr. */
	if (s->options != NULL && cairo_font_options_equal(fo, s->options) &&
	    m.xx == s->xx && m.yx == s->yx && m.xy == s->xy && m.yy == s->yy) {
		cairo_font_options_destroy(fo);
		return;
	}
	pango_cairo_update_context(cr, pc);
	gt_chart_pango_seen_free(s);
	s->options = fo;
	s->xx = m.xx;
	s->yx = m.yx;
	s->xy = m.xy;
	s->yy = m.yy;
}

void
gt_chart_pango_seen_free(struct gt_pango_seen *s)
{
	if (s->options != NULL)
		cairo_font_options_destroy(s->options);
	s->options = NULL;
}

static PangoLayout *
new_layout(PangoContext *pc, const char *text, double px, int bold,
    double width, int lines)
{
	PangoLayout		*l = pango_layout_new(pc);
	PangoFontDescription	*fd = pango_font_description_new();

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

PangoLayout *
gt_chart_text(PangoContext *pc, const char *text, double px, int bold,
    double width, int lines)
{
	PangoLayout	*l;
	char		*key;

	if (px < GT_TEXT_MIN)
		px = GT_TEXT_MIN;
	if (width <= 0)
		lines = 1;
	if (pc != context)
		return new_layout(pc, text, px, bold, width, lines);
	/* %a: exact, and quick to write. */
	key = g_strdup_printf("%a %d %a %d %s", px, bold, width > 0 ?
	    width : 0, lines, text != NULL ? text : "");
	if ((l = g_hash_table_lookup(layouts, key)) != NULL) {
		g_free(key);
		return g_object_ref(l);
	}
	if (g_hash_table_size(layouts) >= LAYOUTS_KEPT)
		g_hash_table_remove_all(layouts);
	l = new_layout(pc, text, px, bold, width, lines);
	g_hash_table_insert(layouts, key, g_object_ref(l));
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

double
gt_chart_text_width(PangoContext *pc, const char *text, double px, int bold)
{
	PangoLayout	*l = gt_chart_text(pc, text, px, bold, 0, 1);
	double		 w;

	gt_chart_text_size(l, &w, NULL);
	g_object_unref(l);
	return w;
}

static void
svg_escape(struct gt_buf *b, const char *s, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		switch (s[i]) {
		case '&':
			gt_buf_puts(b, "&amp;");
			break;
		case '<':
			gt_buf_puts(b, "&lt;");
			break;
		case '>':
			gt_buf_puts(b, "&gt;");
			break;
		default:
			/* Control characters are not allowed in XML. */
			gt_buf_putc(b, (unsigned char)s[i] < 0x20 ? ' ' : s[i]);
		}
}

/*
 * On an SVG chart (see chart_svg.c), text becomes <text> elements kept
 * aside for gt_chart_render to append: a few hundred bytes
 * instead of every glyph's outline, and text a reader can select and
 * search. A line keeps the anchor it was placed by (its left edge, centre
 * or right edge), so a browser's fallback font of another width still
 * lines up. Ellipsized and rotated text are drawn as outlines (0 returned).
 */
static int
svg_text(cairo_t *cr, PangoLayout *l, double ox, double oy, double ax,
    uint32_t colour, int halo)
{
	struct gt_svg			*s = gt_svg_of(cr);
	struct gt_buf			*b;
	const PangoFontDescription	*fd;
	PangoLayoutIter			*it;
	cairo_matrix_t			 m;
	const char			*text = pango_layout_get_text(l);
	double				 px;
	int				 bold, nlines;

	if (s == NULL || pango_layout_is_ellipsized(l))
		return 0;
	b = &s->text;
	cairo_get_matrix(cr, &m);
	if (m.xx != 1 || m.yy != 1 || m.xy != 0 || m.yx != 0)
		return 0;
	fd = pango_layout_get_font_description(l);
	px = (double)pango_font_description_get_size(fd) / PANGO_SCALE;
	bold = pango_font_description_get_weight(fd) >= PANGO_WEIGHT_BOLD;
	if ((nlines = pango_layout_get_line_count(l)) > 1)
		switch (pango_layout_get_alignment(l)) {
		case PANGO_ALIGN_CENTER:
			ax = 0.5;
			break;
		case PANGO_ALIGN_RIGHT:
			ax = 1;
			break;
		default:
			ax = 0;
		}
	it = pango_layout_get_iter(l);
	do {
		PangoLayoutLine	*line = pango_layout_iter_get_line_readonly(it);
		PangoRectangle	 lr;
		int		 n = line->length;

		while (n > 0 && (text[line->start_index + n - 1] == ' ' ||
		    text[line->start_index + n - 1] == '\n'))
			n--;
		if (n == 0)
			continue;
		pango_layout_iter_get_line_extents(it, NULL, &lr);
		gt_buf_puts(b, "<text x=\"");
		gt_svg_num(b, m.x0 + ox + (lr.x + ax * lr.width) / PANGO_SCALE);
		gt_buf_puts(b, "\" y=\"");
		gt_svg_num(b, m.y0 + oy +
		    (double)pango_layout_iter_get_baseline(it) / PANGO_SCALE);
		gt_buf_puts(b, "\"");
		if (ax > 0.75)
			gt_buf_puts(b, " text-anchor=\"end\"");
		else if (ax > 0.25)
			gt_buf_puts(b, " text-anchor=\"middle\"");
		if (px != GT_TEXT_MIN) {
			gt_buf_puts(b, " font-size=\"");
			gt_svg_num(b, px);
			gt_buf_puts(b, "\"");
		}
		if (bold)
			gt_buf_puts(b, " font-weight=\"bold\"");
		gt_buf_printf(b, " fill=\"#%06x\"", (unsigned)colour & 0xFFFFFF);
		if (halo)
			gt_buf_printf(b, " stroke=\"#%06x\" stroke-width=\"4\""
			    " stroke-linejoin=\"round\" paint-order=\"stroke\"",
			    (unsigned)GT_PAPER);
		gt_buf_puts(b, ">");
		svg_escape(b, text + line->start_index, (size_t)n);
		gt_buf_puts(b, "</text>\n");
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	return 1;
}

void
gt_chart_show(cairo_t *cr, PangoLayout *l, double x, double y, double ax,
    double ay, uint32_t colour, int halo)
{
	PangoRectangle	 r;
	double		 ox, oy;

	pango_layout_get_extents(l, NULL, &r);
	ox = x - ax * r.width / PANGO_SCALE - (double)r.x / PANGO_SCALE;
	oy = y - ay * r.height / PANGO_SCALE - (double)r.y / PANGO_SCALE;
	if (svg_text(cr, l, ox, oy, ax, colour, halo))
		return;
	cairo_save(cr);
	cairo_new_path(cr);
	cairo_move_to(cr, ox, oy);
	if (halo) {
		pango_cairo_layout_path(cr, l);
		gt_chart_rgb(cr, GT_PAPER);
		cairo_set_line_width(cr, 4);
		cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
		gt_chart_paint(cr, GT_STROKE | GT_KEEP);
		gt_chart_rgb(cr, colour);
		gt_chart_paint(cr, GT_FILL);
	} else if (gt_svg_of(cr) != NULL) {
		pango_cairo_layout_path(cr, l);
		gt_chart_rgb(cr, colour);
		gt_chart_paint(cr, GT_FILL);
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
	/* Not a kept layout: this one is changed. */
	PangoLayout	*l = new_layout(pc, text, 14, 0, w - 16, 3);

	pango_layout_set_alignment(l, PANGO_ALIGN_CENTER);
	gt_chart_show(cr, l, x + w / 2, y + h / 2, 0.5, 0.5, GT_MUTED, 0);
	g_object_unref(l);
}

int
gt_boxes_hit(const struct gt_boxes *bs, struct gt_box b, double gap)
{
	size_t	 i;

	for (i = 0; i < bs->n; i++)
		if (b.x0 < bs->v[i].x1 + gap && bs->v[i].x0 < b.x1 + gap &&
		    b.y0 < bs->v[i].y1 + gap && bs->v[i].y0 < b.y1 + gap)
			return 1;
	return 0;
}

void
gt_boxes_add(struct gt_boxes *bs, struct gt_box b)
{
	*GT_PUSH(bs->v, bs->n, bs->cap) = b;
}

int
gt_boxes_claim(struct gt_boxes *bs, struct gt_box b, double gap)
{
	if (gt_boxes_hit(bs, b, gap))
		return 0;
	gt_boxes_add(bs, b);
	return 1;
}

void
gt_boxes_free(struct gt_boxes *bs)
{
	free(bs->v);
	bs->v = NULL;
	bs->n = bs->cap = 0;
}
