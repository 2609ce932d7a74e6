/*
 * chart_svg.c: the shapes of an SVG chart, written as the chart draws.
 *
 * The drawing code is written once against a cairo_t and fills and
 * strokes through gt_chart_paint(). On a PNG or PDF chart that is
 * cairo_fill() or cairo_stroke(). On an SVG chart
 * (gt_svg_key set on the cairo_t, which then targets a surface nothing is
 * drawn on) each becomes one <path> element, written from the current
 * path, source colour and line settings. Cairo's own SVG surface records
 * the drawing, replays it twice and prints every number through printf:
 * a quarter of a site build went there.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chart_int.h"
#include "util.h"

const cairo_user_data_key_t gt_svg_key;


struct gt_svg *
gt_svg_of(cairo_t *cr)
{
	return cairo_get_user_data(cr, &gt_svg_key);
}

/*
 * A coordinate with at most two decimals and no trailing zeros, from
 * integers: the same digits as "%.2f" then trimmed.
 */
void
gt_svg_num(struct gt_buf *b, double v)
{
	char		 s[32];
	size_t		 n = 0;
	long long	 c;

	if (!isfinite(v) || fabs(v) > 1e12)
		v = 0;
	c = llround(v * 100);
	if (c < 0) {
		s[n++] = '-';
		c = -c;
	}
	n += gt_put_uint(s + n, (unsigned long long)(c / 100), 0);
	if ((c %= 100) != 0) {
		s[n++] = '.';
		n += gt_put_uint(s + n, (unsigned long long)(c % 10 != 0 ? c :
		    c / 10), c % 10 != 0 ? 2 : 1);
	}
	gt_buf_add(b, s, n);
}

static void
colour(struct gt_buf *b, cairo_t *cr, const char *paint)
{
	double	 r = 0, g = 0, bl = 0, a = 1;

	cairo_pattern_get_rgba(cairo_get_source(cr), &r, &g, &bl, &a);
	gt_buf_printf(b, " %s=\"#%02lx%02lx%02lx\"", paint,
	    (unsigned long)lround(r * 255), (unsigned long)lround(g * 255),
	    (unsigned long)lround(bl * 255));
	if (a < 1) {
		gt_buf_printf(b, " %s-opacity=\"", paint);
		gt_svg_num(b, a);
		gt_buf_putc(b, '"');
	}
}

/*
 * The current path in device space (the SVG's user space) as d; returns
 * how many segments it has (0: nothing would be drawn).
 */
static int
path_data(struct gt_buf *b, cairo_t *cr)
{
	static const char	 ops[] = { 'M', 'L', 'C', 'Z' };
	cairo_path_t		*p = cairo_copy_path(cr);
	cairo_matrix_t		 m;
	int			 i, k, n = 0;

	if (p->status == CAIRO_STATUS_NO_MEMORY)
		gt_oom();
	/* Otherwise cr is in error, and gt_chart_render gives no chart. */
	if (p->status != CAIRO_STATUS_SUCCESS) {
		cairo_path_destroy(p);
		return 0;
	}
	cairo_get_matrix(cr, &m);
	gt_buf_puts(b, "<path d=\"");
	for (i = 0; i < p->num_data; i += p->data[i].header.length) {
		const cairo_path_data_t	*d = &p->data[i];
		int			 next = i + d->header.length;

		/* Cairo moves to the start after each close: nothing drawn. */
		if (d->header.type == CAIRO_PATH_MOVE_TO &&
		    (next >= p->num_data ||
		    p->data[next].header.type == CAIRO_PATH_MOVE_TO))
			continue;
		if (d->header.type != CAIRO_PATH_MOVE_TO)
			n++;
		gt_buf_putc(b, ops[d->header.type]);
		for (k = 1; k < d->header.length; k++) {
			double	 x = d[k].point.x, y = d[k].point.y;

			cairo_matrix_transform_point(&m, &x, &y);
			if (k > 1)
				gt_buf_putc(b, ' ');
			gt_svg_num(b, x);
			gt_buf_putc(b, ' ');
			gt_svg_num(b, y);
		}
	}
	gt_buf_putc(b, '"');
	cairo_path_destroy(p);
	return n;
}

static void
fill_attrs(struct gt_buf *b, cairo_t *cr)
{
	colour(b, cr, "fill");
	if (cairo_get_fill_rule(cr) == CAIRO_FILL_RULE_EVEN_ODD)
		gt_buf_puts(b, " fill-rule=\"evenodd\"");
}

static void
stroke_attrs(struct gt_buf *b, cairo_t *cr)
{
	static const char *const caps[] = { "butt", "round", "square" };
	static const char *const joins[] = { "miter", "round", "bevel" };
	cairo_matrix_t	 m;
	double		 scale, dash[16], off;
	int		 i, n;

	cairo_get_matrix(cr, &m);
	/* Line widths and dashes are in user space: the matrix's scale. */
	scale = sqrt(fabs(m.xx * m.yy - m.xy * m.yx));
	colour(b, cr, "stroke");
	gt_buf_puts(b, " stroke-width=\"");
	gt_svg_num(b, cairo_get_line_width(cr) * scale);
	gt_buf_putc(b, '"');
	if (cairo_get_line_cap(cr) != CAIRO_LINE_CAP_BUTT)
		gt_buf_printf(b, " stroke-linecap=\"%s\"",
		    caps[cairo_get_line_cap(cr)]);
	if (cairo_get_line_join(cr) != CAIRO_LINE_JOIN_MITER)
		gt_buf_printf(b, " stroke-linejoin=\"%s\"",
		    joins[cairo_get_line_join(cr)]);
	else if (cairo_get_miter_limit(cr) != GT_MITER_LIMIT) {
		gt_buf_puts(b, " stroke-miterlimit=\"");
		gt_svg_num(b, cairo_get_miter_limit(cr));
		gt_buf_putc(b, '"');
	}
	if ((n = cairo_get_dash_count(cr)) > 0 &&
	    n <= (int)(sizeof(dash) / sizeof(dash[0]))) {
		cairo_get_dash(cr, dash, &off);
		gt_buf_puts(b, " stroke-dasharray=\"");
		for (i = 0; i < n; i++) {
			if (i > 0)
				gt_buf_putc(b, ' ');
			gt_svg_num(b, dash[i] * scale);
		}
		gt_buf_putc(b, '"');
		if (off != 0) {
			gt_buf_puts(b, " stroke-dashoffset=\"");
			gt_svg_num(b, off * scale);
			gt_buf_putc(b, '"');
		}
	}
}

/*
 * Fill (op 'f') or stroke ('s') the current path as a <path>. A path
 * kept for a second paint of the other kind (a marker's rim, a halo)
 * becomes one element with both: paint-order keeps Cairo's order.
 */
static void
paint(struct gt_svg *s, cairo_t *cr, int op, int keep)
{
	struct gt_buf	*b = &s->body;
	size_t		 at = b->len, dlen;

	if (path_data(b, cr) == 0) {
		b->len = at;
		b->data[at] = '\0';
		s->kept_op = 0;
		return;
	}
	dlen = b->len - at;
	if (s->kept_op != 0 && s->kept_op != op && s->kept_len == dlen &&
	    memcmp(b->data + s->kept_at, b->data + at, dlen) == 0) {
		b->len = s->kept_cut;
		b->data[b->len] = '\0';
		if (op == 'f') {
			fill_attrs(b, cr);
			gt_buf_puts(b, " paint-order=\"stroke\"");
		} else
			stroke_attrs(b, cr);
		gt_buf_puts(b, "/>\n");
		s->kept_op = 0;
		return;
	}
	if (op == 'f')
		fill_attrs(b, cr);
	else
		stroke_attrs(b, cr);
	s->kept_op = keep ? op : 0;
	s->kept_at = at;
	s->kept_len = dlen;
	s->kept_cut = b->len;
	if (op == 's')
		gt_buf_puts(b, " fill=\"none\"");
	gt_buf_puts(b, "/>\n");
}

void
gt_chart_paint(cairo_t *cr, int how)
{
	struct gt_svg	*s = gt_svg_of(cr);
	int		 keep = (how & GT_KEEP) != 0;

	if (s != NULL) {
		paint(s, cr, how & GT_FILL ? 'f' : 's', keep);
		if (!keep)
			cairo_new_path(cr);
	} else if (how & GT_FILL)
		(keep ? cairo_fill_preserve : cairo_fill)(cr);
	else
		(keep ? cairo_stroke_preserve : cairo_stroke)(cr);
}

void
gt_svg_begin(struct gt_svg *s, double w, double h)
{
	memset(s, 0, sizeof(*s));
	gt_buf_puts(&s->body, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"");
	gt_svg_num(&s->body, w);
	gt_buf_puts(&s->body, "px\" height=\"");
	gt_svg_num(&s->body, h);
	gt_buf_puts(&s->body, "px\" viewBox=\"0 0 ");
	gt_svg_num(&s->body, w);
	gt_buf_putc(&s->body, ' ');
	gt_svg_num(&s->body, h);
	gt_buf_puts(&s->body, "\" version=\"1.1\">\n<rect width=\"");
	gt_svg_num(&s->body, w);
	gt_buf_puts(&s->body, "\" height=\"");
	gt_svg_num(&s->body, h);
	gt_buf_printf(&s->body, "\" fill=\"#%06x\"/>\n", (unsigned)GT_PAPER);
}

char *
gt_svg_end(struct gt_svg *s, size_t *len)
{
	if (s->text.len > 0) {
		gt_buf_printf(&s->body, "<g font-family=\"DejaVu Sans,Verdana,"
		    "sans-serif\" font-size=\"%g\">\n", GT_TEXT_MIN);
		gt_buf_add(&s->body, s->text.data, s->text.len);
		gt_buf_puts(&s->body, "</g>\n");
	}
	gt_buf_puts(&s->body, "</svg>\n");
	gt_buf_free(&s->text);
	*len = s->body.len;
	return gt_buf_steal(&s->body);
}

void
gt_svg_free(struct gt_svg *s)
{
	gt_buf_free(&s->body);
	gt_buf_free(&s->text);
}
