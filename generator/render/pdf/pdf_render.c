/* pdf_render.c: report packs typeset with Pango on Cairo (see pdf.h). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cairo-pdf.h>

#include "chart.h"
#include "chartdata.h"
#include "md_pango.h"
#include "pdf.h"
#include "pdf_ua.h"
#include "rows.h"
#include "timing.h"

/* A4 in points; the text block leaves 20 mm at the sides. */
#define PAGE_W		595.276
#define PAGE_H		841.890
#define LEFT		56.7
#define TEXT_W		(PAGE_W - 2 * LEFT)
#define TOP		70.0
#define BOTTOM		(PAGE_H - 62.0)
#define BODY_PT		10.5
#define SMALL_PT	9.0
#define GAP		7.0	/* between blocks */
#define KEEP		100.0	/* room a heading needs below it */
#define CELL_PAD	4.0
#define CHART_H		210.0
#define BAR_H		70.0
#define INK		0x0B0C0C
#define MUTED		0x484949
#define BRAND		0x1D4E89
#define RULE		0xB1B4B6

/* Passes: one to measure (headings and their pages), one to draw. */
#define PASSES		2
/* Layouts kept for reuse (some 3 KB each): a bound for very long packs. */
#define KEPT_MAX	20000

/*
 * The layouts of text(), kept across renders, in the one context they are
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

/* A heading in the contents and the bookmarks. */
struct entry {
	int	 level;		/* 1 or 2 */
	char	*title;
	int	 page;		/* from the previous pass */
	int	 next;		/* found in this pass */
};

/* A rule under a table row, where the measuring pass put it. */
struct rule {
	int	 page;		/* the measuring pass's */
	double	 y;
	int	 head;		/* under the header row */
};

/* The back-end: what every pack's render shares. */
struct pdfs {
	const struct gt_model		 *m;
	const struct gt_judgement *const *packs;	/* each pack's */
	struct texts		 *text;		/* the packs' layouts */
};

/* One pack's render. */
struct pdf {
	const struct gt_model	*m;
	const struct gt_judgement *j;		/* at the pack's period */
	const struct gt_pack	*pack;
	const struct gt_scope	*sc;		/* what it covers */
	cairo_surface_t		*surf;
	cairo_t			*cr;
	struct texts	*t;		/* text()'s */
	int			 pass;
	int			 draw;		/* the last pass */
	int			 page, npages;
	double			 y;
	struct entry		*toc;
	size_t			 ntoc, captoc, at;
	int			 outline[3];
	int			 hlevel;	/* the last heading's tag */
	int			 shift;		/* the drawing pass's pages ahead */
	struct rule		*rules;		/* in order */
	size_t			 nrules, caprules, rule;	/* the next drawn */
	struct gt_pdf_ua	 ua;		/* what the drawing pass drew */
	char			 as_at[GT_PERIOD_MAX];
	char			 date[32];
};

/* One column of a table: heading, share of the width, alignment. */
struct col {
	const char	*head;
	double		 share;
	int		 right;
};

static void
rgb(cairo_t *cr, unsigned c)
{
	cairo_set_source_rgb(cr, ((c >> 16) & 0xFF) / 255.0,
	    ((c >> 8) & 0xFF) / 255.0, (c & 0xFF) / 255.0);
}

/* How text() sets a layout, besides its size and width. */
#define T_MARKUP	0x1	/* the text is Pango markup */
#define T_BOLD		0x2
#define T_RIGHT		0x4	/* aligned right */
#define T_ELLIPSIZE	0x8	/* cut short with an ellipsis */

/* What a layout of text() is made from: its key in the table. */
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
static PangoLayout *
text(struct pdf *p, const char *s, int flags, double pt, double width)
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

static double
height(PangoLayout *l)
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
	l = text(p, s, T_ELLIPSIZE, SMALL_PT, TEXT_W);
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
	s = gt_xasprintf("As at %s", p->as_at);
	l = text(p, s, 0, SMALL_PT, TEXT_W);
	cairo_move_to(p->cr, LEFT, PAGE_H - 42);
	pango_cairo_show_layout(p->cr, l);
	g_object_unref(l);
	free(s);
	s = gt_xasprintf("Page %d of %d", p->page, p->npages);
	l = text(p, s, T_RIGHT, SMALL_PT, TEXT_W);
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

static void
new_page(struct pdf *p)
{
	if (p->draw)
		cairo_show_page(p->cr);
	p->page++;
	p->y = TOP;
	furniture(p);
}

/* Start a new page unless h more points fit on this one. */
static void
need(struct pdf *p, double h)
{
	if (p->y + h > BOTTOM && p->y > TOP)
		new_page(p);
}

static void
tag_begin(struct pdf *p, const char *tag, const char *attrs)
{
	if (p->draw)
		cairo_tag_begin(p->cr, tag, attrs != NULL ? attrs : "");
}

static void
tag_end(struct pdf *p, const char *tag)
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
			new_page(p);
			origin = p->y - top;
		}
		if (p->draw) {
			if (spans)
				tag_begin(p, "Span", NULL);
			rgb(p->cr, colour);
			cairo_move_to(p->cr, x, origin + (double)
			    pango_layout_iter_get_baseline(it) / PANGO_SCALE);
			pango_cairo_show_layout_line(p->cr,
			    pango_layout_iter_get_line_readonly(it));
			if (spans)
				tag_end(p, "Span");
			if (lk != NULL)
				link_areas(p, pango_layout_iter_get_line(it),
				    x, origin + top, bottom - top, lk);
		}
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	p->y = origin + bottom;
	g_object_unref(l);
}

static void
flow(struct pdf *p, PangoLayout *l, double x, unsigned colour)
{
	flow_links(p, l, x, colour, NULL);
}

static void
para(struct pdf *p, const char *s, double pt, unsigned colour)
{
	tag_begin(p, "P", NULL);
	flow(p, text(p, s, 0, pt, TEXT_W), LEFT, colour);
	tag_end(p, "P");
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
	tag_begin(p, "P", NULL);
	flow_links(p, text(p, t->markup.data, T_MARKUP, BODY_PT, w), x, INK,
	    t);
	tag_end(p, "P");
	p->y += gap;
}

static void
heading(struct pdf *p, int level, const char *title)
{
	static const double	 sizes[] = { 0, 20, 14, 12 };
	static const char *const tags[] = { "", "H1", "H2", "H3" };
	PangoLayout		*l = text(p, title, T_BOLD, sizes[level], TEXT_W);
	struct entry		*e = NULL;
	char			 dest[32];
	/* Its tag skips no level (a summary's H3 under its H1 is an H2). */
	int			 tag = level > p->hlevel + 1 ? p->hlevel + 1 : level;

	if (level == 1 && p->y > TOP)
		new_page(p);
	else {
		p->y += level == 2 ? 10 : 4;
		need(p, height(l) + KEEP);
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
		tag_begin(p, CAIRO_TAG_DEST, dest);
		if (p->draw) {
			snprintf(dest, sizeof(dest), "dest='s%zu'", p->at);
			p->outline[level] = cairo_pdf_surface_add_outline(
			    p->surf, level == 1 ? CAIRO_PDF_OUTLINE_ROOT :
			    p->outline[1], title, dest, 0);
		}
		p->at++;
	}
	p->hlevel = tag;
	tag_begin(p, tags[tag], NULL);
	flow(p, l, LEFT, level == 1 ? BRAND : INK);
	tag_end(p, tags[tag]);
	if (e != NULL)
		tag_end(p, CAIRO_TAG_DEST);
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
		r->l[c] = text(p, cells[c] != NULL ? cells[c] : "",
		    (head ? T_BOLD : 0) | (cols[c].right ? T_RIGHT : 0),
		    SMALL_PT, TEXT_W * cols[c].share - 2 * CELL_PAD);
		if (height(r->l[c]) > r->h)
			r->h = height(r->l[c]);
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
			tag_begin(p, "TR", NULL);
		else
			artifact_begin(p, GT_PDF_PAGINATION);
		for (c = 0; c < r->n; c++) {
			if (tagged)
				tag_begin(p, tag, NULL);
			rgb(p->cr, INK);
			cairo_move_to(p->cr, x + CELL_PAD, p->y + CELL_PAD);
			pango_cairo_show_layout(p->cr, r->l[c]);
			if (tagged)
				tag_end(p, tag);
			x += TEXT_W * cols[c].share;
		}
		if (tagged)
			tag_end(p, "TR");
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
static void
table(struct pdf *p, const char *caption, const struct col *cols,
    size_t ncols, char *const *cells, size_t nrows)
{
	char		*heads[16];
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
	need(p, BODY_PT * 2 + hr.h + (nrows > 0 ? r.h : 0));
	tag_begin(p, "Table", NULL);
	if (caption != NULL) {
		tag_begin(p, "Caption", NULL);
		flow(p, text(p, caption, T_BOLD, BODY_PT, TEXT_W), LEFT, INK);
		tag_end(p, "Caption");
		p->y += 3;
	}
	row_draw(p, cols, &hr, 1, 1);
	for (i = 0; i < nrows; i++) {
		if (i > 0)
			row_make(p, cols, ncols, cells + i * ncols, 0, &r);
		if (p->y + r.h > BOTTOM) {
			new_page(p);
			/* The repeated header is page furniture, not content. */
			row_draw(p, cols, &hr, 1, 0);
		}
		row_draw(p, cols, &r, 0, 1);
		row_free(&r);
	}
	row_free(&hr);
	tag_end(p, "Table");
	p->y += GAP * 2;
}

/*
 * A chart, with its description for its alternative text, then the
 * description again for sighted readers unless the text beside it says
 * it all.
 */
static void
figure(struct pdf *p, const struct gt_chart *c, double h, int describe)
{
	char	*d = p->draw || describe ? gt_chart_describe(c) : NULL;

	/* Tall enough that a long key leaves the plot its height. */
	h = gt_chart_height(c, TEXT_W, h);
	need(p, h + 3 * SMALL_PT * 1.4);
	tag_begin(p, "Figure", NULL);
	if (p->draw) {
		gt_pdf_ua_figure(&p->ua, d, LEFT, p->y, TEXT_W, h, PAGE_H);
		gt_chart_draw(p->cr, LEFT, p->y, TEXT_W, h, c);
	}
	p->y += h + 4;
	tag_end(p, "Figure");
	if (describe)
		para(p, d, SMALL_PT, MUTED);
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
		if (first && gt_strieq(t->plain.data, d->title))
			break;
		/* Under the section's own heading; plain, as bookmarks are. */
		heading(p, v->level + 2 > 3 ? 3 : v->level + 2, t->plain.data);
		break;
	case GT_MD_CODE_BLOCK:
		tag_begin(p, "P", NULL);
		flow(p, text(p, t->plain.data, 0, SMALL_PT, LEFT + TEXT_W - x),
		    x, INK);
		tag_end(p, "P");
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
		tag_begin(p, "L", NULL);
		d->next[d->lists] = v->start;
		d->ordered[d->lists++] = v->ordered;
		break;
	case GT_MD_ITEM:
		tag_begin(p, "LI", NULL);
		need(p, BODY_PT * 1.5);
		tag_begin(p, "Lbl", NULL);
		if (d->ordered[d->lists - 1])
			snprintf(num, sizeof(num), "%d.",
			    d->next[d->lists - 1]++);
		if (p->draw) {
			l = text(p, d->ordered[d->lists - 1] ? num : "\u2022", 0,
			    BODY_PT, INDENT);
			rgb(p->cr, INK);
			cairo_move_to(p->cr, md_x(d) + 4, p->y);
			pango_cairo_show_layout(p->cr, l);
			g_object_unref(l);
		}
		tag_end(p, "Lbl");
		tag_begin(p, "LBody", NULL);
		d->depth++;
		d->items++;
		break;
	default:
		tag_begin(p, "BlockQuote", NULL);
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
		tag_end(p, "L");
		if (--d->lists == 0)
			p->y += GAP;
		break;
	case GT_MD_ITEM:
		tag_end(p, "LBody");
		tag_end(p, "LI");
		d->depth--;
		d->items--;
		break;
	default:
		tag_end(p, "BlockQuote");
		d->depth--;
		break;
	}
}

/*
 * A Markdown body's blocks: headings, paragraphs, lists, quotes, code. A
 * first heading that repeats the section's own title is left out.
 */
static void
body(struct pdf *p, const struct gt_body *bd, const char *title)
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

/* Report parts ------------------------------------------------------------ */

static void
cover(struct pdf *p)
{
	const struct gt_model	*m = p->m;
	char			*s;
	int			 per;

	p->y = 150;
	tag_begin(p, "P", NULL);
	flow(p, text(p, m->conf.organisation != NULL ? m->conf.organisation :
	    m->conf.title, T_BOLD, 16, TEXT_W), LEFT, MUTED);
	tag_end(p, "P");
	p->y += 24;
	tag_begin(p, "H1", NULL);
	flow(p, text(p, p->pack->title, T_BOLD, 28, TEXT_W), LEFT, BRAND);
	tag_end(p, "H1");
	p->y += 30;
	if (p->pack->audience != NULL) {
		s = gt_xasprintf("For: %s", p->pack->audience);
		para(p, s, 13, INK);
		free(s);
	}
	s = gt_xasprintf("Performance as at %s", p->as_at);
	para(p, s, 13, INK);
	free(s);
	if (m->plan != NULL && m->plan->title != NULL) {
		/* Plan titles often carry their period already. */
		per = m->plan->period != NULL &&
		    strstr(m->plan->title, m->plan->period) == NULL;
		s = gt_xasprintf("Reporting on %s%s%s", m->plan->title,
		    per ? ", " : "", per ? m->plan->period : "");
		para(p, s, 13, INK);
		free(s);
	}
	p->y = BOTTOM - 60;
	para(p, gt_word(GT_WORD_STATUS_KEY), SMALL_PT, MUTED);
	new_page(p);
}

static void
contents(struct pdf *p)
{
	PangoLayout	*l, *n;
	char		 num[16], dest[32];
	size_t		 i;
	double		 indent, h;

	tag_begin(p, "H1", NULL);
	flow(p, text(p, "Contents", T_BOLD, 20, TEXT_W), LEFT, BRAND);
	tag_end(p, "H1");
	p->y += GAP * 2;
	tag_begin(p, "TOC", NULL);
	for (i = 0; i < p->ntoc; i++) {
		indent = p->toc[i].level == 1 ? 0 : 18;
		l = text(p, p->toc[i].title, p->toc[i].level == 1 ? T_BOLD : 0,
		    BODY_PT, TEXT_W - indent - 40);
		h = height(l);
		need(p, h);
		snprintf(num, sizeof(num), "%d", p->toc[i].page);
		n = text(p, num, T_RIGHT, BODY_PT, 40);
		/* A TOCI holds a Reference, which holds the link. */
		tag_begin(p, "TOCI", NULL);
		tag_begin(p, "Reference", NULL);
		snprintf(dest, sizeof(dest), "dest='s%zu'", i);
		if (p->draw)
			gt_pdf_ua_link(&p->ua, p->toc[i].title, 1);
		tag_begin(p, CAIRO_TAG_LINK, dest);
		if (p->draw) {
			rgb(p->cr, INK);
			cairo_move_to(p->cr, LEFT + indent, p->y);
			pango_cairo_show_layout(p->cr, l);
			cairo_move_to(p->cr, LEFT + TEXT_W - 40, p->y);
			pango_cairo_show_layout(p->cr, n);
		}
		tag_end(p, CAIRO_TAG_LINK);
		tag_end(p, "Reference");
		tag_end(p, "TOCI");
		g_object_unref(l);
		g_object_unref(n);
		p->y += h + (p->toc[i].level == 1 ? 6 : 3);
	}
	tag_end(p, "TOC");
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

static const struct col measure_cols[] = {
	{ "Id", 0.09, 0 }, { "Measure", 0.33, 0 }, { "Latest", 0.15, 1 },
	{ "Target", 0.13, 1 }, { "Status", 0.17, 0 }, { "Direction", 0.13, 0 }
};
#define MEASURE_COLS	(sizeof(measure_cols) / sizeof(measure_cols[0]))

static void
measure_table(struct pdf *p, const char *caption,
    struct gt_measure *const *v, size_t n)
{
	char		**cells = gt_xcalloc(n * MEASURE_COLS + 1, sizeof(char *));
	struct gt_mrow	 r;
	size_t		 i, k;

	for (i = 0; i < n; i++) {
		char	**c = cells + i * MEASURE_COLS;

		gt_mrow(&r, p->j, v[i]);
		c[0] = gt_xstrdup(r.code);
		c[1] = gt_xstrdup(v[i]->title);
		c[2] = r.j->latest != NULL ? gt_xasprintf("%s (%s%s%s)",
		    r.latest, r.period, r.revised != NULL ? "; " : "",
		    r.revised != NULL ? r.revised : "") : gt_xstrdup(r.latest);
		c[3] = gt_xstrdup(r.target);
		c[4] = gt_xasprintf("%s%s%s", gt_status_symbol(r.j->status),
		    gt_status_label(r.j->status), r.j->late ?
		    "; figures late" : "");
		c[5] = gt_xstrdup(r.direction);
		gt_mrow_free(&r);
	}
	table(p, caption, measure_cols, MEASURE_COLS, cells, n);
	for (k = 0; k < n * MEASURE_COLS; k++)
		free(cells[k]);
	free(cells);
}

static const struct col action_cols[] = {
	{ "Id", 0.10, 0 }, { "Action", 0.42, 0 }, { "Lead", 0.18, 0 },
	{ "Due", 0.14, 0 }, { "Status", 0.16, 0 }
};
#define ACTION_COLS	(sizeof(action_cols) / sizeof(action_cols[0]))

static void
action_table(struct pdf *p, const char *caption,
    struct gt_action *const *v, size_t n)
{
	char		**cells = gt_xcalloc(n * ACTION_COLS + 1, sizeof(char *));
	struct gt_arow	 r;
	size_t		 i, k;

	for (i = 0; i < n; i++) {
		char **c = cells + i * ACTION_COLS;

		gt_arow(&r, p->j, v[i]);
		c[0] = gt_xstrdup(v[i]->id);
		c[1] = gt_xstrdup(v[i]->title);
		c[2] = gt_xstrdup(v[i]->lead != NULL ? v[i]->lead : "");
		c[3] = gt_xstrdup(r.due);
		c[4] = gt_xasprintf("%s%s", gt_astatus_symbol(r.j->status),
		    r.status);
		gt_arow_free(&r);
	}
	table(p, caption, action_cols, ACTION_COLS, cells, n);
	for (k = 0; k < n * ACTION_COLS; k++)
		free(cells[k]);
	free(cells);
}

static const struct col risk_cols[] = {
	{ "Id", 0.07, 0 }, { "Risk", 0.42, 0 }, { "Likelihood", 0.14, 1 },
	{ "Impact", 0.10, 1 }, { "Score", 0.15, 1 }, { "Target", 0.12, 1 }
};
#define RISK_COLS	(sizeof(risk_cols) / sizeof(risk_cols[0]))

static void
risk_table(struct pdf *p, const char *caption, struct gt_risk *const *v,
    size_t n)
{
	char		**cells = gt_xcalloc(n * RISK_COLS + 1, sizeof(char *));
	struct gt_rrow	 r;
	size_t		 i, k;

	for (i = 0; i < n; i++) {
		char **c = cells + i * RISK_COLS;

		gt_rrow(&r, p->j, v[i]);
		c[0] = gt_xstrdup(v[i]->id);
		c[1] = gt_xstrdup(v[i]->title);
		c[2] = gt_xasprintf("%d", v[i]->likelihood);
		c[3] = gt_xasprintf("%d", v[i]->impact);
		c[4] = gt_xasprintf("%d %s", r.j->score, r.rating);
		c[5] = gt_xstrdup(r.target);
		gt_rrow_free(&r);
	}
	table(p, caption, risk_cols, RISK_COLS, cells, n);
	for (k = 0; k < n * RISK_COLS; k++)
		free(cells[k]);
	free(cells);
}

/*
 * The pack's counts, then each priority's, of what the pack covers: a
 * pack scoped by tags counts its own measures of a priority, not all.
 */
static void
summary(struct pdf *p)
{
	struct gt_chart_statusbar	 sb;
	struct gt_chart			 c;
	struct gt_scope			 one;
	struct gt_rollup		 r;
	char				*s;
	size_t				 i;

	heading(p, 1, "Summary");
	gt_judge_rollup(p->j, p->sc, &r);
	s = gt_rollup_words(&r, 1);
	para(p, s, BODY_PT, INK);
	free(s);
	gt_scope_init(&one, p->m, p->sc);
	for (i = 0; i < p->m->npriorities; i++) {
		const struct gt_priority *pr = p->m->priorities[i];

		if (!gt_scope_has_priority(p->sc, pr))
			continue;
		gt_scope_clear(&one);
		gt_scope_priority(&one, pr);
		gt_judge_rollup(p->j, &one, &r);
		heading(p, 3, pr->title);
		if (r.measures > 0) {
			gt_statusbar_data(&sb, NULL, &r);
			c.type = GT_CHART_STATUSBAR;
			c.u.statusbar = &sb;
			figure(p, &c, BAR_H, 0);
		}
		s = gt_rollup_words(&r, 1);
		para(p, s, BODY_PT, INK);
		free(s);
	}
	gt_scope_free(&one);
}

static void
measure_section(struct pdf *p, const char *title,
    struct gt_measure *const *v, size_t n)
{
	heading(p, 2, title);
	if (n > 0)
		measure_table(p, NULL, v, n);
	else
		para(p, gt_word(GT_WORD_NONE_LISTED), BODY_PT, INK);
}

static void
exceptions(struct pdf *p)
{
	const struct gt_model	*m = p->m;
	struct gt_measure	**off, **worse, **late;
	struct gt_action	**overdue;
	struct gt_risk		**above;
	size_t			 i, noff = 0, nworse = 0, nlate = 0, nover = 0,
				 nabove = 0;

	off = gt_xcalloc(m->nmeasures + 1, sizeof(*off));
	worse = gt_xcalloc(m->nmeasures + 1, sizeof(*worse));
	late = gt_xcalloc(m->nmeasures + 1, sizeof(*late));
	overdue = gt_xcalloc(m->nactions + 1, sizeof(*overdue));
	above = gt_xcalloc(m->nrisks + 1, sizeof(*above));
	for (i = 0; i < m->nmeasures; i++) {
		struct gt_measure		*me = m->measures[i];
		const struct gt_jmeasure	*jm = gt_judged_measure(p->j, me);

		if (!gt_scope_has_measure(p->sc, me))
			continue;
		if (jm->status == GT_STATUS_OFF_TARGET)
			off[noff++] = me;
		if (jm->dir_prev == GT_DIR_WORSENING)
			worse[nworse++] = me;
		if (jm->late)
			late[nlate++] = me;
	}
	for (i = 0; i < m->nactions; i++)
		if (gt_scope_has_action(p->sc, m->actions[i]) &&
		    gt_judged_action(p->j, m->actions[i])->status ==
		    GT_ASTATUS_OVERDUE)
			overdue[nover++] = m->actions[i];
	for (i = 0; i < m->nrisks; i++)
		if (gt_scope_has_risk(p->sc, m->risks[i]) &&
		    gt_judged_risk(p->j, m->risks[i])->above_appetite)
			above[nabove++] = m->risks[i];
	heading(p, 1, "Exceptions");
	para(p, "What needs attention: measures off target, worsening or "
	    "with figures late; actions overdue; risks above the council's "
	    "appetite.", BODY_PT, INK);
	measure_section(p, "Measures off target", off, noff);
	measure_section(p, "Measures worsening", worse, nworse);
	measure_section(p, "Figures late", late, nlate);
	heading(p, 2, "Actions overdue");
	if (nover > 0)
		action_table(p, NULL, overdue, nover);
	else
		para(p, gt_word(GT_WORD_NONE_LISTED), BODY_PT, INK);
	heading(p, 2, "Risks above appetite");
	if (nabove > 0)
		risk_table(p, NULL, above, nabove);
	else
		para(p, gt_word(m->conf.risk_appetite > 0 ?
		    GT_WORD_NONE_LISTED : GT_WORD_NO_APPETITE), BODY_PT, INK);
	free(off);
	free(worse);
	free(late);
	free(overdue);
	free(above);
}

static void
objective(struct pdf *p, const struct gt_objective *o)
{
	struct gt_measure	**mv = gt_xcalloc(o->nmeasures + 1, sizeof(*mv));
	struct gt_action	**av = gt_xcalloc(o->nactions + 1, sizeof(*av));
	struct gt_trend_data	 td;
	struct gt_chart		 c;
	char			*s;
	size_t			 i, nm = 0, na = 0;

	if (!gt_scope_has_objective(p->sc, o))
		goto out;
	heading(p, o->depth == 0 ? 2 : 3, o->title);
	s = gt_xasprintf("Objective %s%s%s%s%s", o->id,
	    o->lead != NULL ? ". Lead: " : "", o->lead != NULL ? o->lead : "",
	    o->portfolio != NULL ? ". Portfolio: " : "",
	    o->portfolio != NULL ? o->portfolio : "");
	para(p, s, SMALL_PT, MUTED);
	free(s);
	body(p, &o->body, o->title);
	for (i = 0; i < o->nmeasures; i++)
		if (gt_scope_has_measure(p->sc, o->measures[i]))
			mv[nm++] = o->measures[i];
	for (i = 0; i < o->nactions; i++)
		if (gt_scope_has_action(p->sc, o->actions[i]))
			av[na++] = o->actions[i];
	if (nm > 0)
		measure_table(p, "Measures", mv, nm);
	for (i = 0; i < nm; i++) {
		if (mv[i]->level != GT_LEVEL_STRATEGIC || mv[i]->nobs == 0)
			continue;
		gt_trend_data(&td, p->j, mv[i]);
		if (td.trend.npoints > 0) {
			c.type = GT_CHART_TREND;
			c.u.trend = &td.trend;
			figure(p, &c, CHART_H, 1);
		}
		gt_trend_data_free(&td);
	}
	if (na > 0)
		action_table(p, "Delivery plan actions", av, na);
	if (o->nrisks > 0)
		risk_table(p, "Risks", o->risks, o->nrisks);
	for (i = 0; i < o->nchildren; i++)
		objective(p, o->children[i]);
out:
	free(mv);
	free(av);
}

static void
priorities(struct pdf *p)
{
	size_t	 i, k;

	for (i = 0; i < p->m->npriorities; i++) {
		const struct gt_priority *pr = p->m->priorities[i];

		if (!gt_scope_has_priority(p->sc, pr))
			continue;
		heading(p, 1, pr->title);
		body(p, &pr->body, pr->title);
		for (k = 0; k < pr->nobjectives; k++)
			objective(p, pr->objectives[k]);
	}
}

static int
whole_plan(const struct pdf *p)
{
	size_t	 i;

	for (i = 0; i < p->m->npriorities; i++)
		if (!gt_scope_has_priority(p->sc, p->m->priorities[i]) ||
		    p->pack->portfolios.n > 0 || p->pack->tags.n > 0)
			return 0;
	return 1;
}

/* One pass over the whole report. */
static void
report(struct pdf *p)
{
	p->page = 1;
	p->at = 0;
	p->y = TOP;
	p->hlevel = 1;		/* the cover's title */
	cover(p);
	contents(p);
	if (whole_plan(p) && p->m->plan != NULL &&
	    p->m->plan->body.doc != NULL) {
		heading(p, 1, "Foreword");
		body(p, &p->m->plan->body, "Foreword");
	}
	summary(p);
	exceptions(p);
	priorities(p);
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
	p->pack = pk;
	p->sc = pk->scope;
	p->t = ps->text;
	gt_period_format(&pk->as_at, p->as_at, sizeof(p->as_at));
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
