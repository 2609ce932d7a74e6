/* pdf_render.c: report packs typeset with Pango on Cairo (see pdf.h). */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cairo-pdf.h>

#include "chart.h"
#include "chartdata.h"
#include "md_pango.h"
#include "pdf.h"
#include "pdf_int.h"
#include "timing.h"

#define CELL_PAD	3.0
#define RULE		0xB1B4B6

/* Passes: one to measure (headings and their pages), one to draw. */
#define PASSES		2
/* Layouts kept for reuse (some 3 KB each): a bound for very long packs. */
#define KEPT_MAX	20000

/*
 * The layouts of gt_pdf_text(), kept across renders, in the one context they are
 * made in: the table's own, so that the charts' (updated for every chart)
 * leaves them be. When KEPT_MAX are kept, those the render under way has
 * not used go; a render that fills the table alone keeps no more.
 */
struct texts {
	PangoContext		*pc;		/* NULL until the first render */
	struct gt_pango_seen	 seen;		/* what pc was last set for */
	GHashTable		*layouts;	/* by their struct key */
	unsigned		 render;	/* renders begun */
	int			 full;		/* nothing to drop in this one */
};

/* The back-end: what every pack's render shares. */
struct pdfs {
	const struct gt_model		 *m;
	const struct gt_judgement *const *packs;	/* each pack's */
	const struct gt_judgement *const *since;	/* and its since's */
	struct texts		 *text;		/* the packs' layouts */
};

static void
rgb(cairo_t *cr, unsigned c)
{
	cairo_set_source_rgb(cr, ((c >> 16) & 0xFF) / 255.0,
	    ((c >> 8) & 0xFF) / 255.0, (c & 0xFF) / 255.0);
}

/* What a layout of gt_pdf_text() is made from: its key in the table. */
struct key {
	const char	*s;
	int		 flags;
	double		 pt, width;
	unsigned	 used;		/* the last render that set it */
};

static guint
key_hash(gconstpointer v)
{
	const struct key	*k = v;

	return g_str_hash(k->s) ^ (guint)k->flags;
}

static gboolean
key_equal(gconstpointer v1, gconstpointer v2)
{
	const struct key	*a = v1, *b = v2;

	return a->flags == b->flags && a->pt == b->pt &&
	    a->width == b->width && strcmp(a->s, b->s) == 0;
}

static gboolean
stale(gpointer k, gpointer l GT_UNUSED, gpointer render)
{
	return ((struct key *)k)->used != *(unsigned *)render;
}

/* Whether t may keep one more layout, making room if need be. */
static int
room(struct texts *t)
{
	if (g_hash_table_size(t->layouts) < KEPT_MAX)
		return 1;
	if (!t->full &&
	    g_hash_table_foreach_remove(t->layouts, stale, &t->render) > 0)
		return 1;
	t->full = 1;
	return 0;
}

/*
 * The layout of s, made once: the drawing pass and every repeat (a
 * table's header row, a status, the running header, the same text in
 * another pack) reuse what was shaped first, while it is kept. The
 * caller owns a reference and must not change the layout.
 */
PangoLayout *
gt_pdf_text(struct pdf *p, const char *s, int flags, double pt, double width)
{
	struct key		 find = { s, flags, pt, width, 0 }, *k;
	struct texts	*t = p->t;
	struct gt_buf		 b = { 0 };
	PangoLayout		*l;
	PangoFontDescription	*fd;
	gpointer		 kv, lv;
	size_t			 len;

	if (g_hash_table_lookup_extended(t->layouts, &find, &kv, &lv)) {
		((struct key *)kv)->used = t->render;
		return g_object_ref(lv);
	}
	l = pango_layout_new(t->pc);
	fd = pango_font_description_new();
	pango_font_description_set_family_static(fd, "DejaVu Sans");
	pango_font_description_set_absolute_size(fd, pt * PANGO_SCALE);
	pango_font_description_set_weight(fd, flags & T_BOLD ?
	    PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	pango_layout_set_width(l, (int)(width * PANGO_SCALE));
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_spacing(l, (int)(pt * 0.25 * PANGO_SCALE));
	if (flags & T_MARKUP)
		pango_layout_set_markup(l, s, -1);
	else {
		gt_pango_breakable(&b, s);
		pango_layout_set_text(l, b.data != NULL ? b.data : "", -1);
		gt_buf_free(&b);
	}
	if (flags & T_RIGHT)
		pango_layout_set_alignment(l, PANGO_ALIGN_RIGHT);
	if (flags & T_ELLIPSIZE)
		pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
	if (!room(t))
		return l;
	/* The key and a copy of s in one block. */
	len = strlen(s) + 1;
	k = gt_xmalloc(sizeof(*k) + len);
	*k = find;
	k->s = memcpy(k + 1, s, len);
	k->used = t->render;
	g_hash_table_insert(t->layouts, k, l);
	return g_object_ref(l);
}

double
gt_pdf_height(PangoLayout *l)
{
	int	 w, h;

	pango_layout_get_size(l, &w, &h);
	return (double)h / PANGO_SCALE;
}

/* Begin what is not read (pdf_ua.h): an artifact of this kind. */
static void
artifact_begin(struct pdf *p, enum gt_pdf_artifact kind)
{
	if (!p->draw)
		return;
	gt_pdf_ua_artifact(&p->ua, kind);
	cairo_tag_begin(p->cr, GT_PDF_ARTIFACT, "");
}

static void
artifact_end(struct pdf *p)
{
	if (p->draw)
		cairo_tag_end(p->cr, GT_PDF_ARTIFACT);
}

static void
stroke_rule(struct pdf *p, double y, int head)
{
	cairo_set_line_width(p->cr, head ? 1.0 : 0.5);
	rgb(p->cr, head ? INK : RULE);
	cairo_move_to(p->cr, LEFT, y);
	cairo_line_to(p->cr, LEFT + TEXT_W, y);
	cairo_stroke(p->cr);
}

/*
 * Running header and footer, and the rules under the page's table rows,
 * drawn as each page begins: every artifact of a page comes before its
 * content, so the PDF/UA post-processing reads the start of each page's
 * content only (pdf_ua.h). The rules are where the measuring pass put
 * them, on its page p->shift pages back: both passes lay out alike.
 */
static void
furniture(struct pdf *p)
{
	PangoLayout	*l;
	char		*s;

	if (!p->draw || p->page == 1)
		return;
	artifact_begin(p, GT_PDF_HEADER);
	rgb(p->cr, MUTED);
	s = gt_xasprintf("%s: %s", p->m->conf.organisation != NULL ?
	    p->m->conf.organisation : p->m->conf.title, p->pack->title);
	l = gt_pdf_text(p, s, T_ELLIPSIZE, SMALL_PT, TEXT_W);
	cairo_move_to(p->cr, LEFT, 36);
	pango_cairo_show_layout(p->cr, l);
	g_object_unref(l);
	free(s);
	cairo_set_line_width(p->cr, 0.5);
	rgb(p->cr, RULE);
	cairo_move_to(p->cr, LEFT, 52);
	cairo_line_to(p->cr, LEFT + TEXT_W, 52);
	cairo_stroke(p->cr);
	artifact_end(p);
	artifact_begin(p, GT_PDF_FOOTER);
	rgb(p->cr, MUTED);
	l = gt_pdf_text(p, p->when, 0, SMALL_PT, TEXT_W);
	cairo_move_to(p->cr, LEFT, PAGE_H - 42);
	pango_cairo_show_layout(p->cr, l);
	g_object_unref(l);
	s = gt_xasprintf("Page %d of %d", p->page, p->npages);
	l = gt_pdf_text(p, s, T_RIGHT, SMALL_PT, TEXT_W);
	cairo_move_to(p->cr, LEFT, PAGE_H - 42);
	pango_cairo_show_layout(p->cr, l);
	g_object_unref(l);
	free(s);
	artifact_end(p);
	if (p->rule == p->nrules || p->rules[p->rule].page + p->shift != p->page)
		return;
	artifact_begin(p, GT_PDF_LAYOUT);
	for (; p->rule < p->nrules &&
	    p->rules[p->rule].page + p->shift == p->page; p->rule++)
		stroke_rule(p, p->rules[p->rule].y, p->rules[p->rule].head);
	artifact_end(p);
}

void
gt_pdf_new_page(struct pdf *p)
{
	if (p->draw)
		cairo_show_page(p->cr);
	p->page++;
	p->y = TOP;
	furniture(p);
}

/* Start a new page unless h more points fit on this one. */
void
gt_pdf_need(struct pdf *p, double h)
{
	if (p->y + h > BOTTOM && p->y > TOP)
		gt_pdf_new_page(p);
}

void
gt_pdf_tag_begin(struct pdf *p, const char *tag, const char *attrs)
{
	if (p->draw)
		cairo_tag_begin(p->cr, tag, attrs != NULL ? attrs : "");
}

void
gt_pdf_tag_end(struct pdf *p, const char *tag)
{
	if (p->draw)
		cairo_tag_end(p->cr, tag);
}

/* cairo's attribute strings quote with ' and escape with \. */
static char *
quoted(const char *s)
{
	struct gt_buf	 b = { 0 };

	for (; *s != '\0'; s++) {
		if (*s == '\'' || *s == '\\')
			gt_buf_putc(&b, '\\');
		gt_buf_putc(&b, *s);
	}
	gt_buf_putc(&b, '\0');
	return gt_buf_steal(&b);
}

/* Make the parts of a drawn line that show links link annotations. */
static void
link_areas(struct pdf *p, PangoLayoutLine *line, double x, double top,
    double h, const struct gt_md_text *lk)
{
	const struct gt_md_link	*l;
	int			*r, nr, i;
	size_t			 k;
	char			*u, *attrs, *words;

	for (k = 0; k < lk->nlinks; k++) {
		l = &lk->links[k];
		if (l->end <= line->start_index ||
		    l->start >= line->start_index + line->length)
			continue;
		pango_layout_line_get_x_ranges(line, l->start, l->end, &r, &nr);
		u = quoted(l->url);
		words = gt_xstrndup(pango_layout_get_text(line->layout) +
		    l->start, (size_t)(l->end - l->start));
		for (i = 0; i + 1 < 2 * nr; i += 2) {
			attrs = gt_xasprintf("uri='%s' rect=[%.2f %.2f %.2f %.2f]",
			    u, x + (double)r[i] / PANGO_SCALE, top,
			    (double)(r[i + 1] - r[i]) / PANGO_SCALE, h);
			/* Pango draws the words with the line, outside. */
			gt_pdf_ua_link(&p->ua, words, 0);
			cairo_tag_begin(p->cr, CAIRO_TAG_LINK, attrs);
			cairo_tag_end(p->cr, CAIRO_TAG_LINK);
			free(attrs);
		}
		free(words);
		free(u);
		g_free(r);
	}
}

/* Whether a line from top to bottom, set from origin, needs a new page. */
static int
overflows(double origin, PangoLayoutIter *it)
{
	PangoRectangle	 r;

	pango_layout_iter_get_line_extents(it, NULL, &r);
	return origin + (double)(r.y + r.height) / PANGO_SCALE > BOTTOM &&
	    origin + (double)r.y / PANGO_SCALE > TOP;
}

/* Whether l, set from p->y, runs onto a new page. */
static int
breaks(const struct pdf *p, PangoLayout *l)
{
	PangoLayoutIter	*it = pango_layout_get_iter(l);
	int		 b;

	while (!(b = overflows(p->y, it)) && pango_layout_iter_next_line(it))
		;
	pango_layout_iter_free(it);
	return b;
}

/*
 * Set a layout at x from the current position, line by line, breaking
 * pages between lines, with the links of its text (NULL: none); consumes
 * l.
 */
static void
flow_links(struct pdf *p, PangoLayout *l, double x, unsigned colour,
    const struct gt_md_text *lk)
{
	PangoLayoutIter	*it = pango_layout_get_iter(l);
	PangoRectangle	 r;
	double		 origin = p->y, top, bottom = 0;
	/*
	 * Cairo 1.16 marks the content of elements without kids only: the
	 * lines of text that holds links, or running header and footer
	 * artifacts where a page breaks, are Spans of their own, or a screen
	 * reader would not read them.
	 */
	int		 spans = p->draw && ((lk != NULL && lk->nlinks > 0) ||
			    breaks(p, l));

	do {
		pango_layout_iter_get_line_extents(it, NULL, &r);
		top = (double)r.y / PANGO_SCALE;
		bottom = (double)(r.y + r.height) / PANGO_SCALE;
		if (overflows(origin, it)) {
			gt_pdf_new_page(p);
			origin = p->y - top;
		}
		if (p->draw) {
			if (spans)
				gt_pdf_tag_begin(p, "Span", NULL);
			rgb(p->cr, colour);
			cairo_move_to(p->cr, x, origin + (double)
			    pango_layout_iter_get_baseline(it) / PANGO_SCALE);
			pango_cairo_show_layout_line(p->cr,
			    pango_layout_iter_get_line_readonly(it));
			if (spans)
				gt_pdf_tag_end(p, "Span");
			if (lk != NULL)
				link_areas(p, pango_layout_iter_get_line(it),
				    x, origin + top, bottom - top, lk);
		}
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	p->y = origin + bottom;
	g_object_unref(l);
}

void
gt_pdf_flow(struct pdf *p, PangoLayout *l, double x, unsigned colour)
{
	flow_links(p, l, x, colour, NULL);
}

void
gt_pdf_para(struct pdf *p, const char *s, double pt, unsigned colour)
{
	gt_pdf_tag_begin(p, "P", NULL);
	gt_pdf_flow(p, gt_pdf_text(p, s, 0, pt, TEXT_W), LEFT, colour);
	gt_pdf_tag_end(p, "P");
	p->y += GAP;
}

/*
 * A block of Markdown text at x, w wide, with its links live; gap is the
 * space after it.
 */
static void
para_links(struct pdf *p, const struct gt_md_text *t, double x, double w,
    double gap)
{
	gt_pdf_tag_begin(p, "P", NULL);
	flow_links(p, gt_pdf_text(p, t->markup.data, T_MARKUP, BODY_PT, w), x, INK,
	    t);
	gt_pdf_tag_end(p, "P");
	p->y += gap;
}

void
gt_pdf_heading(struct pdf *p, int level, const char *title)
{
	/* A section's heading also keeps its first subheading's room. */
	gt_pdf_heading_keep(p, level, title, level < 3 ? KEEP + 40 : KEEP);
}

void
gt_pdf_heading_keep(struct pdf *p, int level, const char *title,
    double keep)
{
	static const double	 sizes[] = { 0, 20, 14, 12 };
	static const char *const tags[] = { "", "H1", "H2", "H3" };
	PangoLayout		*l = gt_pdf_text(p, title, T_BOLD, sizes[level], TEXT_W);
	struct entry		*e = NULL;
	char			 dest[32];
	/* Its tag skips no level (a summary's H3 under its H1 is an H2). */
	int			 tag = level > p->hlevel + 1 ? p->hlevel + 1 : level;

	/* A short section before it does not leave a page mostly empty. */
	if (level == 1 && p->y > TOP + (BOTTOM - TOP) / 2)
		gt_pdf_new_page(p);
	else if (p->y > TOP) {
		p->y += level == 1 ? 24 : level == 2 ? 10 : 4;
		gt_pdf_need(p, gt_pdf_height(l) + keep);
	}
	/* Later passes meet the same headings in the same order. */
	if (level <= 2 && (p->pass == 0 || p->at < p->ntoc)) {
		if (p->pass == 0) {
			e = GT_PUSH(p->toc, p->ntoc, p->captoc);
			e->level = level;
			e->title = gt_xstrdup(title);
			e->page = 0;
		} else
			e = &p->toc[p->at];
		e->next = p->page;
		snprintf(dest, sizeof(dest), "name='s%zu'", p->at);
		gt_pdf_tag_begin(p, CAIRO_TAG_DEST, dest);
		if (p->draw) {
			snprintf(dest, sizeof(dest), "dest='s%zu'", p->at);
			p->outline[level] = cairo_pdf_surface_add_outline(
			    p->surf, level == 1 ? CAIRO_PDF_OUTLINE_ROOT :
			    p->outline[1], title, dest, 0);
		}
		p->at++;
	}
	p->hlevel = tag;
	gt_pdf_tag_begin(p, tags[tag], NULL);
	gt_pdf_flow(p, l, LEFT, level == 1 ? BRAND : INK);
	gt_pdf_tag_end(p, tags[tag]);
	if (e != NULL)
		gt_pdf_tag_end(p, CAIRO_TAG_DEST);
	p->y += GAP;
}

/* A table row laid out once, for measuring and drawing. */
struct row {
	PangoLayout	*l[16];
	size_t		 n;
	double		 h;
};

static void
row_make(struct pdf *p, const struct col *cols, size_t ncols,
    char *const *cells, int head, struct row *r)
{
	size_t	 c;

	r->n = ncols;
	r->h = 0;
	for (c = 0; c < ncols; c++) {
		r->l[c] = gt_pdf_text(p, cells[c] != NULL ? cells[c] : "",
		    (head ? T_BOLD : 0) | (cols[c].right ? T_RIGHT : 0),
		    TABLE_PT, TEXT_W * cols[c].share - 2 * CELL_PAD);
		if (gt_pdf_height(r->l[c]) > r->h)
			r->h = gt_pdf_height(r->l[c]);
	}
	r->h += 2 * CELL_PAD;
}

static void
row_free(struct row *r)
{
	size_t	 c;

	for (c = 0; c < r->n; c++)
		g_object_unref(r->l[c]);
	r->n = 0;
}

/*
 * Draw at p->y and move down: TH or TD cells in a TR, or, repeated at the
 * top of a page (tagged 0), an artifact. The measuring pass notes the rule
 * below, for furniture() to draw.
 */
static void
row_draw(struct pdf *p, const struct col *cols, const struct row *r,
    int head, int tagged)
{
	const char	*tag = head ? "TH" : "TD";
	double		 x = LEFT;
	size_t		 c;

	if (p->draw) {
		if (tagged)
			gt_pdf_tag_begin(p, "TR", NULL);
		else
			artifact_begin(p, GT_PDF_PAGINATION);
		for (c = 0; c < r->n; c++) {
			if (tagged)
				gt_pdf_tag_begin(p, tag, NULL);
			rgb(p->cr, INK);
			cairo_move_to(p->cr, x + CELL_PAD, p->y + CELL_PAD);
			pango_cairo_show_layout(p->cr, r->l[c]);
			if (tagged)
				gt_pdf_tag_end(p, tag);
			x += TEXT_W * cols[c].share;
		}
		if (tagged)
			gt_pdf_tag_end(p, "TR");
		else
			artifact_end(p);
	} else {
		struct rule	*u = GT_PUSH(p->rules, p->nrules, p->caprules);

		u->page = p->page;
		u->y = p->y + r->h;
		u->head = head;
	}
	p->y += r->h;
}

/*
 * A table: rows never split; a row that does not fit starts a new page,
 * which repeats the header row first. cells holds nrows x ncols strings.
 */
void
gt_pdf_table(struct pdf *p, const char *caption, const struct col *cols,
    size_t ncols, char *const *cells, size_t nrows)
{
	char		*heads[16] = { NULL };
	struct row	 hr, r;
	size_t		 c, i;

	for (c = 0; c < ncols; c++)
		heads[c] = gt_xstrdup(cols[c].head);
	row_make(p, cols, ncols, heads, 1, &hr);
	for (c = 0; c < ncols; c++)
		free(heads[c]);
	r.n = 0;
	if (nrows > 0)
		row_make(p, cols, ncols, cells, 0, &r);
	/* The caption, the header and a first row stay together. */
	gt_pdf_need(p, BODY_PT * 2 + hr.h + (nrows > 0 ? r.h : 0));
	gt_pdf_tag_begin(p, "Table", NULL);
	if (caption != NULL) {
		gt_pdf_tag_begin(p, "Caption", NULL);
		gt_pdf_flow(p, gt_pdf_text(p, caption, T_BOLD, BODY_PT, TEXT_W), LEFT, INK);
		gt_pdf_tag_end(p, "Caption");
		p->y += 3;
	}
	row_draw(p, cols, &hr, 1, 1);
	for (i = 0; i < nrows; i++) {
		if (i > 0)
			row_make(p, cols, ncols, cells + i * ncols, 0, &r);
		if (p->y + r.h > BOTTOM) {
			gt_pdf_new_page(p);
			/* The repeated header is page furniture, not content. */
			row_draw(p, cols, &hr, 1, 0);
		}
		row_draw(p, cols, &r, 0, 1);
		row_free(&r);
	}
	row_free(&hr);
	gt_pdf_tag_end(p, "Table");
	p->y += GAP * 2;
}

const char *
gt_pdf_period(const struct pdf *p, const struct gt_period *per,
    char buf[GT_WORDS_PERIOD_MAX])
{
	if (p->pack->kind == GT_AUDIENCE_RESIDENTS)
		return gt_period_words(&p->m->conf.cal, per, buf,
		    GT_WORDS_PERIOD_MAX);
	gt_period_format(per, buf, GT_WORDS_PERIOD_MAX);
	return buf;
}

char *
gt_pdf_trend(const struct pdf *p, const struct gt_rrow *r)
{
	char	 per[GT_WORDS_PERIOD_MAX];

	if (r->since == NULL)
		return NULL;
	return gt_trend_words(r->j->score, r->was, gt_pdf_period(p, r->since,
	    per));
}

void
gt_pdf_cells_free(char **cells, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		free(cells[i]);
	free(cells);
}

/*
 * A chart, with its description for its alternative text, then the
 * description again for sighted readers unless the text beside it says
 * it all, and a line after; the three are measured first and kept
 * together.
 */
void
gt_pdf_figure(struct pdf *p, const struct gt_chart *c, double h,
    int describe, const char *after)
{
	PangoLayout	*l;
	char		*d = p->draw || describe ? gt_chart_describe(c) : NULL;
	double		 rest = 4, tail = 0, room = BOTTOM - p->y, least;

	if (describe) {
		l = gt_pdf_text(p, d, 0, TABLE_PT, TEXT_W);
		rest += gt_pdf_height(l) + GAP;
		g_object_unref(l);
	}
	if (after != NULL) {
		l = gt_pdf_text(p, after, 0, TABLE_PT, TEXT_W);
		tail = gt_pdf_height(l) + GAP;
		g_object_unref(l);
	}
	/* Tall enough that a long key leaves the plot its height. */
	h = gt_chart_height(c, TEXT_W, h);
	/*
	 * Rather than move on and leave a page about half empty (p->y counts
	 * the gaps after the last text), the line after it may start the
	 * next page, and the chart be drawn shorter, its plot down to
	 * PLOT_SQUEEZED; both passes alike.
	 */
	if (h + rest + tail > room && p->y > TOP &&
	    p->y < TOP + 0.6 * (BOTTOM - TOP)) {
		least = gt_chart_height(c, TEXT_W, GT_PLOT_MIN) - GT_PLOT_MIN +
		    PLOT_SQUEEZED;
		if (least <= room - rest) {
			h = fmin(h, room - rest);
			tail = 0;
		}
	}
	gt_pdf_need(p, h + rest + tail);
	gt_pdf_tag_begin(p, "Figure", NULL);
	if (p->draw) {
		gt_pdf_ua_figure(&p->ua, d, LEFT, p->y, TEXT_W, h, PAGE_H);
		gt_chart_draw(p->cr, LEFT, p->y, TEXT_W, h, c);
	}
	p->y += h + 4;
	gt_pdf_tag_end(p, "Figure");
	if (describe)
		gt_pdf_para(p, d, TABLE_PT, MUTED);
	if (after != NULL)
		gt_pdf_para(p, after, TABLE_PT, INK);
	free(d);
}

/* Markdown --------------------------------------------------------------- */

#define INDENT		18.0	/* a list item's text, from its bullet's side */
#define INDENTS		6	/* deeper items are set at this depth */

/* Where a Markdown body's blocks go (md_pango.h). */
struct md {
	struct pdf	*p;
	const char	*title;		/* a first heading repeating it is left out */
	int		 first;		/* no block set yet */
	int		 depth;		/* items and quotes open */
	int		 items;		/* items open */
	int		 lists;		/* lists open */
	int		 next[GT_MAX_DEPTH + 1];	/* per list: the next number */
	int		 ordered[GT_MAX_DEPTH + 1];
};

static double
md_x(const struct md *d)
{
	return LEFT + INDENT * (d->depth < INDENTS ? d->depth : INDENTS);
}

static void
md_block(void *ctx, const struct gt_md_node *v, const struct gt_md_text *t)
{
	struct md	*d = ctx;
	struct pdf	*p = d->p;
	int		 first = d->first;
	double		 x = md_x(d), gap = d->items > 0 ? 3 : GAP;

	d->first = 0;
	switch (v->type) {
	case GT_MD_HEADING:
		if (first && d->title != NULL &&
		    gt_strieq(t->plain.data, d->title))
			break;
		/* Under the section's own heading; plain, as bookmarks are. */
		gt_pdf_heading(p, v->level + 2 > 3 ? 3 : v->level + 2, t->plain.data);
		break;
	case GT_MD_CODE_BLOCK:
		gt_pdf_tag_begin(p, "P", NULL);
		gt_pdf_flow(p, gt_pdf_text(p, t->plain.data, 0, SMALL_PT, LEFT + TEXT_W - x),
		    x, INK);
		gt_pdf_tag_end(p, "P");
		p->y += gap;
		break;
	default:
		para_links(p, t, x, LEFT + TEXT_W - x, gap);
		break;
	}
}

static void
md_open(void *ctx, const struct gt_md_node *v)
{
	struct md	*d = ctx;
	struct pdf	*p = d->p;
	PangoLayout	*l;
	char		 num[16];

	switch (v->type) {
	case GT_MD_LIST:
		gt_pdf_tag_begin(p, "L", NULL);
		d->next[d->lists] = v->start;
		d->ordered[d->lists++] = v->ordered;
		break;
	case GT_MD_ITEM:
		gt_pdf_tag_begin(p, "LI", NULL);
		gt_pdf_need(p, BODY_PT * 1.5);
		gt_pdf_tag_begin(p, "Lbl", NULL);
		if (d->ordered[d->lists - 1])
			snprintf(num, sizeof(num), "%d.",
			    d->next[d->lists - 1]++);
		if (p->draw) {
			l = gt_pdf_text(p, d->ordered[d->lists - 1] ? num : "\u2022", 0,
			    BODY_PT, INDENT);
			rgb(p->cr, INK);
			cairo_move_to(p->cr, md_x(d) + 4, p->y);
			pango_cairo_show_layout(p->cr, l);
			g_object_unref(l);
		}
		gt_pdf_tag_end(p, "Lbl");
		gt_pdf_tag_begin(p, "LBody", NULL);
		d->depth++;
		d->items++;
		break;
	default:
		gt_pdf_tag_begin(p, "BlockQuote", NULL);
		d->depth++;
		break;
	}
}

static void
md_close(void *ctx, const struct gt_md_node *v)
{
	struct md	*d = ctx;
	struct pdf	*p = d->p;

	switch (v->type) {
	case GT_MD_LIST:
		gt_pdf_tag_end(p, "L");
		if (--d->lists == 0)
			p->y += GAP;
		break;
	case GT_MD_ITEM:
		gt_pdf_tag_end(p, "LBody");
		gt_pdf_tag_end(p, "LI");
		d->depth--;
		d->items--;
		break;
	default:
		gt_pdf_tag_end(p, "BlockQuote");
		d->depth--;
		break;
	}
}

/*
 * A Markdown body's blocks: headings, paragraphs, lists, quotes, code. A
 * first heading that repeats the section's own title is left out.
 */
void
gt_pdf_body(struct pdf *p, const struct gt_body *bd, const char *title)
{
	static const struct gt_md_blocks	 ops = {
		md_block, md_open, md_close
	};
	struct md				 d;

	memset(&d, 0, sizeof(d));
	d.p = p;
	d.title = title;
	d.first = 1;
	gt_md_pango(bd->doc, &ops, &d);
}

/*
 * Text people wrote, as a Markdown paragraph of one text node (not
 * parsed: a note is not Markdown), so that it is set as bodies are,
 * whatever its length.
 */
void
gt_pdf_labelled(struct pdf *p, const char *label, const char *s)
{
	struct gt_body	 b = { NULL, 0, "" };
	cmark_node	*para, *n;

	b.doc = cmark_node_new(CMARK_NODE_DOCUMENT);
	para = cmark_node_new(CMARK_NODE_PARAGRAPH);
	cmark_node_append_child(b.doc, para);
	if (label != NULL) {
		n = cmark_node_new(CMARK_NODE_STRONG);
		cmark_node_append_child(para, n);
		cmark_node_append_child(n, cmark_node_new(CMARK_NODE_TEXT));
		cmark_node_set_literal(cmark_node_first_child(n), label);
		n = cmark_node_new(CMARK_NODE_TEXT);
		cmark_node_set_literal(n, " ");
		cmark_node_append_child(para, n);
	}
	n = cmark_node_new(CMARK_NODE_TEXT);
	cmark_node_set_literal(n, s);
	cmark_node_append_child(para, n);
	gt_pdf_body(p, &b, NULL);
	cmark_node_free(b.doc);
}

static void
contents(struct pdf *p)
{
	PangoLayout	*l, *n;
	char		 num[16], dest[32];
	size_t		 i;
	double		 indent, h;

	gt_pdf_tag_begin(p, "H1", NULL);
	gt_pdf_flow(p, gt_pdf_text(p, "Contents", T_BOLD, 20, TEXT_W), LEFT, BRAND);
	gt_pdf_tag_end(p, "H1");
	p->y += GAP * 2;
	gt_pdf_tag_begin(p, "TOC", NULL);
	for (i = 0; i < p->ntoc; i++) {
		indent = p->toc[i].level == 1 ? 0 : 18;
		l = gt_pdf_text(p, p->toc[i].title, p->toc[i].level == 1 ? T_BOLD : 0,
		    BODY_PT, TEXT_W - indent - 40);
		h = gt_pdf_height(l);
		gt_pdf_need(p, h);
		snprintf(num, sizeof(num), "%d", p->toc[i].page);
		n = gt_pdf_text(p, num, T_RIGHT, BODY_PT, 40);
		/* A TOCI holds a Reference, which holds the link. */
		gt_pdf_tag_begin(p, "TOCI", NULL);
		gt_pdf_tag_begin(p, "Reference", NULL);
		snprintf(dest, sizeof(dest), "dest='s%zu'", i);
		if (p->draw)
			gt_pdf_ua_link(&p->ua, p->toc[i].title, 1);
		gt_pdf_tag_begin(p, CAIRO_TAG_LINK, dest);
		if (p->draw) {
			rgb(p->cr, INK);
			cairo_move_to(p->cr, LEFT + indent, p->y);
			pango_cairo_show_layout(p->cr, l);
			cairo_move_to(p->cr, LEFT + TEXT_W - 40, p->y);
			pango_cairo_show_layout(p->cr, n);
		}
		gt_pdf_tag_end(p, CAIRO_TAG_LINK);
		gt_pdf_tag_end(p, "Reference");
		gt_pdf_tag_end(p, "TOCI");
		g_object_unref(l);
		g_object_unref(n);
		p->y += h + (p->toc[i].level == 1 ? 6 : 3);
	}
	gt_pdf_tag_end(p, "TOC");
}

/* How many pages the contents takes, laid out alone. */
static int
contents_pages(struct pdf *p)
{
	int	 page = p->page, n;
	double	 y = p->y;

	p->page = 2;
	p->y = TOP;
	contents(p);
	n = p->page - 1;
	p->page = page;
	p->y = y;
	return n;
}

/* One pass over the whole report. */
static void
report(struct pdf *p)
{
	p->page = 1;
	p->at = 0;
	p->y = TOP;
	p->hlevel = 1;		/* the cover's title */
	gt_pdf_cover(p);
	contents(p);
	/* The measuring pass's contents are empty: the parts start anew. */
	gt_pdf_new_page(p);
	gt_pdf_parts(p);
	if (p->draw)
		cairo_show_page(p->cr);
}

/* The back-end ------------------------------------------------------------ */

static struct texts *
text_new(void)
{
	struct texts	*t = gt_xcalloc(1, sizeof(*t));

	t->layouts = g_hash_table_new_full(key_hash, key_equal, free,
	    g_object_unref);
	return t;
}

static void
text_free(struct texts *t)
{
	if (t == NULL)
		return;
	g_hash_table_destroy(t->layouts);
	if (t->pc != NULL)
		g_object_unref(t->pc);
	gt_chart_pango_seen_free(&t->seen);
	free(t);
}

/*
 * Begin a render on cr: its text is laid out in t's context, set for cr's
 * surface (see gt_chart_pango_set: a context set already for the same is
 * left as it is, so its layouts are not shaped again). -1 if the fonts
 * cannot be loaded.
 */
static int
text_begin(struct texts *t, cairo_t *cr)
{
	if (t->pc == NULL) {
		if ((t->pc = gt_chart_pango_new()) == NULL)
			return -1;
		pango_cairo_context_set_resolution(t->pc, 72);
	}
	gt_chart_pango_set(cr, t->pc, &t->seen);
	t->render++;
	t->full = 0;
	return 0;
}

/* "2025-09-30T00:00:00Z": SOURCE_DATE_EPOCH, else the as-at period's end. */
static void
pdf_date(struct pdf *p, const struct gt_period *as_at)
{
	const char	*sde = getenv("SOURCE_DATE_EPOCH");
	struct gt_date	 d;
	struct tm	 tm;
	time_t		 t;
	char		*end;

	if (sde != NULL && *sde != '\0' &&
	    (t = (time_t)strtoll(sde, &end, 10), *end == '\0') &&
	    gmtime_r(&t, &tm) != NULL) {
		strftime(p->date, sizeof(p->date), "%Y-%m-%dT%H:%M:%SZ", &tm);
		return;
	}
	d = gt_period_end_date(&p->m->conf.cal, as_at);
	snprintf(p->date, sizeof(p->date), "%04d-%02d-%02dT00:00:00Z",
	    d.y, d.m, d.d);
}

static void
metadata(struct pdf *p)
{
	const struct gt_pack	*pk = p->pack;
	struct gt_buf		 kw = { 0 };
	size_t			 i;

	cairo_pdf_surface_set_metadata(p->surf, CAIRO_PDF_METADATA_TITLE,
	    pk->title);
	cairo_pdf_surface_set_metadata(p->surf, CAIRO_PDF_METADATA_AUTHOR,
	    p->m->conf.organisation != NULL ? p->m->conf.organisation :
	    p->m->conf.title);
	cairo_pdf_surface_set_metadata(p->surf, CAIRO_PDF_METADATA_SUBJECT,
	    p->m->plan != NULL && p->m->plan->title != NULL ?
	    p->m->plan->title : "Performance report");
	gt_buf_printf(&kw, "performance, %s", p->as_at);
	for (i = 0; i < pk->tags.n; i++)
		gt_buf_printf(&kw, ", %s", pk->tags.v[i]);
	cairo_pdf_surface_set_metadata(p->surf, CAIRO_PDF_METADATA_KEYWORDS,
	    kw.data);
	cairo_pdf_surface_set_metadata(p->surf, CAIRO_PDF_METADATA_CREATOR,
	    "goldthread");
	cairo_pdf_surface_set_metadata(p->surf, CAIRO_PDF_METADATA_CREATE_DATE,
	    p->date);
	cairo_pdf_surface_set_metadata(p->surf, CAIRO_PDF_METADATA_MOD_DATE,
	    p->date);
	gt_buf_free(&kw);
}

/*
 * Pack ix, judged at its own period, appended to out (made to PDF/UA by
 * pdf_ua.h); 0 or -1 (reported into diag).
 */
static int
render_pack(struct pdfs *ps, size_t ix, struct gt_buf *out,
    struct gt_diag *diag)
{
	struct pdf		 pdf, *p = &pdf;
	const struct gt_pack	*pk = &ps->m->conf.packs[ix];
	struct gt_loc		 loc = { pk->loc.file, 0, 0 };
	struct gt_buf		 raw = { 0 };
	unsigned char		*ua = NULL;
	size_t			 i, n;
	char			*why = NULL;
	int			 rc = -1, shift;

	memset(p, 0, sizeof(*p));
	p->m = ps->m;
	p->j = ps->packs[ix];
	p->then = ps->since[ix];
	p->pack = pk;
	p->sc = pk->scope;
	p->t = ps->text;
	gt_period_format(&pk->as_at, p->as_at, sizeof(p->as_at));
	if (pk->kind == GT_AUDIENCE_RESIDENTS) {
		char	 end[GT_WORDS_PERIOD_MAX];

		snprintf(p->when, sizeof(p->when), "Figures to %s",
		    gt_period_end_words(&p->m->conf.cal, &pk->as_at, end,
		    sizeof(end)));
	} else
		snprintf(p->when, sizeof(p->when), "As at %.*s",
		    (int)sizeof(p->as_at), p->as_at);
	pdf_date(p, &pk->as_at);
	p->ua.lang = p->m->conf.language;
	p->ua.date = p->date;
	p->surf = cairo_pdf_surface_create_for_stream(gt_chart_to_buf, &raw,
	    PAGE_W, PAGE_H);
	metadata(p);
	/*
	 * Both passes lay text out in one context, the table's, set for this
	 * PDF surface, so the drawing pass can set the layouts the measuring
	 * pass (or an earlier pack) made; the measuring pass draws nothing.
	 */
	p->cr = cairo_create(p->surf);
	if (text_begin(p->t, p->cr) == -1) {
		gt_msg(diag, GT_E_WRITE, &loc, "report %s: the fonts of "
		    "fonts-dejavu-core cannot be loaded", pk->name);
		goto out;
	}
	for (p->pass = 0; p->pass < PASSES; p->pass++) {
		p->draw = p->pass == PASSES - 1;
		if (p->draw)
			cairo_tag_begin(p->cr, "Document", "");
		report(p);
		if (p->draw)
			cairo_tag_end(p->cr, "Document");
		/*
		 * The measuring pass set an empty contents page; the real one
		 * takes whole pages of its own, so what follows moves on by
		 * the difference.
		 */
		shift = p->draw ? 0 : contents_pages(p) - 1;
		if (!p->draw)
			p->shift = shift;
		p->npages = p->page + shift;
		for (i = 0; i < p->ntoc; i++)
			p->toc[i].page = p->toc[i].next + shift;
	}
	cairo_surface_finish(p->surf);
	if (cairo_surface_status(p->surf) != CAIRO_STATUS_SUCCESS) {
		gt_msg(diag, GT_E_WRITE, &loc, "report %s: %s", pk->name,
		    cairo_status_to_string(cairo_surface_status(p->surf)));
		goto out;
	}
	if (gt_pdf_ua_apply(&p->ua, (unsigned char *)raw.data, raw.len, &ua,
	    &n, &why) == -1) {
		gt_msg(diag, GT_E_WRITE, &loc, "report %s: PDF/UA: %s",
		    pk->name, why);
		goto out;
	}
	gt_buf_add(out, ua, n);
	rc = 0;
out:
	free(ua);
	free(why);
	gt_buf_free(&raw);
	gt_pdf_ua_clear(&p->ua);
	cairo_destroy(p->cr);
	cairo_surface_destroy(p->surf);
	for (i = 0; i < p->ntoc; i++)
		free(p->toc[i].title);
	free(p->toc);
	free(p->rules);
	return rc;
}

static void *
pdf_new(const struct gt_render_in *in)
{
	struct pdfs	*ps = gt_xcalloc(1, sizeof(*ps));

	ps->m = in->m;
	ps->packs = in->packs;
	ps->since = in->since;
	ps->text = text_new();
	return ps;
}

static size_t
pdf_jobs(void *v)
{
	return ((struct pdfs *)v)->m->conf.npacks;
}

static int
pdf_render(void *v, size_t job, struct gt_sink *sink)
{
	struct pdfs	*ps = v;
	struct gt_buf	 b = { 0 };
	char		*rel = gt_xasprintf("reports/%s.pdf",
			    ps->m->conf.packs[job].name);
	int		 rc;

	gt_timing_start("pdf");
	rc = render_pack(ps, job, &b, sink->diag);
	if (rc == 0)
		rc = sink->write(sink->ctx, rel, b.data, b.len);
	gt_buf_free(&b);
	free(rel);
	return rc;
}

static void
pdf_free(void *v)
{
	struct pdfs	*ps = v;

	if (ps == NULL)
		return;
	text_free(ps->text);
	free(ps);
}

const struct gt_backend gt_pdf_backend = {
	"pdf", pdf_new, pdf_jobs, NULL, pdf_render, pdf_free
};
