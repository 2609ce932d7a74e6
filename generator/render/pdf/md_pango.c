/* md_pango.c: Markdown blocks as Pango markup (see md_pango.h). */
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "md_pango.h"

#define LINK_OPEN	"<span foreground=\"#1d4e89\" underline=\"single\">"

struct walk {
	const struct gt_md_blocks	*ops;
	void				*ctx;
	struct gt_md_text		 t;
	struct gt_md_node		 block;		/* the one whose text is open */
	int				 in_text;	/* a block's text is open */
	int				 loose;		/* text outside any block */
	struct gt_md_node		 open[GT_MAX_DEPTH + 1];	/* inlines open */
	size_t				 nopen;
};

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

void
gt_pango_breakable(struct gt_buf *b, const char *s)
{
	const char	*run, *p;
	size_t		 chars;

	while (*s != '\0') {
		for (run = s; *s != '\0' && !is_space(*s); s++)
			continue;
		if ((size_t)(s - run) <= GT_PANGO_RUN)
			gt_buf_add(b, run, (size_t)(s - run));
		else
			for (p = run, chars = 0; p < s; p++) {
				/* Between characters: never in a UTF-8 sequence. */
				if ((*p & 0xc0) != 0x80 && chars++ > 0 &&
				    chars % GT_PANGO_CHUNK == 1)
					gt_buf_puts(b, "\xe2\x80\x8b");
				gt_buf_putc(b, *p);
			}
		for (run = s; is_space(*s); s++)
			continue;
		gt_buf_add(b, run, (size_t)(s - run));
	}
}

static void
text_reset(struct gt_md_text *t)
{
	gt_buf_reset(&t->markup);
	gt_buf_reset(&t->plain);
	/* Never NULL, for the callbacks. */
	gt_buf_puts(&t->markup, "");
	gt_buf_puts(&t->plain, "");
	t->nlinks = 0;
}

/* The markup that opens or closes an inline container. */
static void
put_tag(struct gt_md_text *t, const struct gt_md_node *v, int open)
{
	struct gt_md_link	*l;

	switch (v->type) {
	case GT_MD_EMPH:
		gt_buf_puts(&t->markup, open ? "<i>" : "</i>");
		break;
	case GT_MD_STRONG:
		gt_buf_puts(&t->markup, open ? "<b>" : "</b>");
		break;
	case GT_MD_LINK:
		if (!open) {
			gt_buf_puts(&t->markup, "</span>");
			t->links[t->nlinks - 1].end = (int)t->plain.len;
			break;
		}
		gt_buf_puts(&t->markup, LINK_OPEN);
		l = GT_PUSH(t->links, t->nlinks, t->cap);
		l->start = l->end = (int)t->plain.len;
		l->url = v->url;
		break;
	default:	/* code spans */
		gt_buf_puts(&t->markup, open ? "<tt>" : "</tt>");
		break;
	}
}

/*
 * Hand the block's text over so far and go on in a new one of the same
 * kind, with the inlines open closed and opened again.
 */
static void
cut(struct walk *w)
{
	size_t	 i;

	for (i = w->nopen; i > 0; i--)
		put_tag(&w->t, &w->open[i - 1], 0);
	w->ops->block(w->ctx, &w->block, &w->t);
	text_reset(&w->t);
	for (i = 0; i < w->nopen; i++)
		put_tag(&w->t, &w->open[i], 1);
}

/*
 * The end of the longest piece of s (n bytes) that a block of shown
 * text, now at len, can still take: at a space or a break put in by
 * gt_pango_breakable, else between characters.
 */
static size_t
piece(const char *s, size_t n, size_t len)
{
	size_t	 room = len < GT_PANGO_BLOCK ? GT_PANGO_BLOCK - len : 0, k;

	if (n <= room)
		return n;
	for (k = room; k > room / 2; k--)
		if (s[k] == ' ' || strncmp(s + k, "\xe2\x80\x8b", 3) == 0)
			return k;
	for (k = room; k > 0 && (s[k] & 0xc0) == 0x80; k--)
		continue;
	return k;
}

/*
 * Text as shown, into both the markup (escaped) and the plain text; a
 * block that grows past GT_PANGO_BLOCK bytes is cut (see md_pango.h).
 */
static void
put_text(struct walk *w, const char *s)
{
	struct gt_md_text	*t = &w->t;
	struct gt_buf		 b = { 0 };
	const char		*at;
	size_t			 n, k;
	char			*e;

	gt_pango_breakable(&b, s);
	for (at = b.data, n = b.len; n > 0; at += k, n -= k) {
		if ((k = piece(at, n, t->plain.len)) == 0) {
			cut(w);
			continue;
		}
		gt_buf_add(&t->plain, at, k);
		e = g_markup_escape_text(at, (gssize)k);
		gt_buf_puts(&t->markup, e);
		g_free(e);
	}
	gt_buf_free(&b);
}

static void
inline_enter(struct walk *w, const struct gt_md_node *v)
{
	switch (v->type) {
	case GT_MD_EMPH:
	case GT_MD_STRONG:
	case GT_MD_LINK:
		put_tag(&w->t, v, 1);
		w->open[w->nopen++] = *v;
		break;
	case GT_MD_TEXT:
	case GT_MD_IMAGE:	/* print keeps an image's words */
		put_text(w, v->text);
		break;
	case GT_MD_CODE:
		w->open[w->nopen].type = GT_MD_CODE;
		put_tag(&w->t, &w->open[w->nopen++], 1);
		put_text(w, v->text);
		put_tag(&w->t, &w->open[--w->nopen], 0);
		break;
	case GT_MD_SOFTBREAK:
		put_text(w, " ");
		break;
	case GT_MD_LINEBREAK:
		put_text(w, "\n");
		break;
	default:
		break;
	}
}

static void
inline_leave(struct walk *w, const struct gt_md_node *v)
{
	switch (v->type) {
	case GT_MD_EMPH:
	case GT_MD_STRONG:
	case GT_MD_LINK:
		put_tag(&w->t, &w->open[--w->nopen], 0);
		if (v->type != GT_MD_LINK)
			break;
		/* Print readers cannot follow a link. */
		put_text(w, " (");
		put_text(w, v->url);
		put_text(w, ")");
		break;
	default:
		break;
	}
}

static int
is_block(enum gt_md_type type)
{
	return type == GT_MD_PARAGRAPH || type == GT_MD_HEADING;
}

static int
is_container(enum gt_md_type type)
{
	return type == GT_MD_LIST || type == GT_MD_ITEM || type == GT_MD_QUOTE;
}

static void
text_begin(struct walk *w, const struct gt_md_node *v)
{
	text_reset(&w->t);
	w->block = *v;
	w->in_text = 1;
	w->nopen = 0;
}

/*
 * Text the walk flattened out of blocks nested too deep arrives outside
 * any paragraph: it is handed over as one when something else begins.
 */
static void
flush_loose(struct walk *w)
{
	if (!w->loose)
		return;
	while (w->nopen > 0)
		put_tag(&w->t, &w->open[--w->nopen], 0);
	w->loose = w->in_text = 0;
	w->ops->block(w->ctx, &w->block, &w->t);
}

static void
enter(void *ctx, const struct gt_md_node *v)
{
	static const struct gt_md_node	 para = { GT_MD_PARAGRAPH, NULL,
					    NULL, NULL, 0, 0, 0, 0 };
	struct walk			*w = ctx;
	int				 inl = !is_block(v->type) &&
					    !is_container(v->type) &&
					    v->type != GT_MD_CODE_BLOCK;

	if (!inl)
		flush_loose(w);
	else if (!w->in_text) {
		text_begin(w, &para);
		w->loose = 1;
	}
	if (is_block(v->type))
		text_begin(w, v);
	else if (is_container(v->type))
		w->ops->open(w->ctx, v);
	else if (v->type == GT_MD_CODE_BLOCK) {
		text_begin(w, v);
		put_text(w, v->text);
		w->in_text = 0;
		w->ops->block(w->ctx, v, &w->t);
	} else
		inline_enter(w, v);
}

static void
leave(void *ctx, const struct gt_md_node *v)
{
	struct walk	*w = ctx;

	if (is_block(v->type) || is_container(v->type))
		flush_loose(w);
	if (is_block(v->type)) {
		w->in_text = 0;
		w->ops->block(w->ctx, v, &w->t);
	} else if (is_container(v->type))
		w->ops->close(w->ctx, v);
	else if (w->in_text)
		inline_leave(w, v);
}

void
gt_md_pango(cmark_node *doc, const struct gt_md_blocks *ops, void *ctx)
{
	static const struct gt_md_ops	 walk_ops = { enter, leave };
	struct walk			 w;

	memset(&w, 0, sizeof(w));
	w.ops = ops;
	w.ctx = ctx;
	gt_md_walk(doc, &walk_ops, &w);
	flush_loose(&w);
	gt_buf_free(&w.t.markup);
	gt_buf_free(&w.t.plain);
	free(w.t.links);
}
