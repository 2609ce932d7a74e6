/* md_walk.c: one walk of a Markdown body for every back-end (see md_walk.h). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "md_walk.h"
#include "util.h"

int
gt_url_safe(const char *u)
{
	static const char *const schemes[] = { "http:", "https:", "mailto:" };
	const char	*p;
	size_t		 i, n;

	if (u == NULL || *u == '\0')
		return 0;
	for (p = u; *p != '\0'; p++)
		if ((unsigned char)*p <= ' ' || *p == 0x7f)
			return 0;
	/* Browsers read a backslash as a slash. */
	if ((u[0] == '/' || u[0] == '\\') && (u[1] == '/' || u[1] == '\\'))
		return 0;
	n = strcspn(u, ":/?#\\");
	if (u[n] != ':')
		return 1;	/* relative */
	for (i = 0; i < sizeof(schemes) / sizeof(schemes[0]); i++)
		if (strncasecmp(u, schemes[i], strlen(schemes[i])) == 0)
			return 1;
	return 0;
}

/* The words under n (text and code), as alt text or to tell a link has any. */
static void
words(cmark_node *n, struct gt_buf *b)
{
	cmark_iter	*it = cmark_iter_new(n);
	cmark_node	*c;

	while (cmark_iter_next(it) != CMARK_EVENT_DONE) {
		c = cmark_iter_get_node(it);
		if (cmark_node_get_type(c) == CMARK_NODE_TEXT ||
		    cmark_node_get_type(c) == CMARK_NODE_CODE)
			gt_buf_puts(b, cmark_node_get_literal(c));
	}
	cmark_iter_free(it);
}

static int
has_words(cmark_node *n)
{
	struct gt_buf	 b = { 0 };
	size_t		 i;
	int		 any = 0;

	words(n, &b);
	for (i = 0; i < b.len && !any; i++)
		any = b.data[i] != ' ' && b.data[i] != '\t';
	gt_buf_free(&b);
	return any;
}

/*
 * n as a walk node: 1 for a container to enter, 0 for a leaf, -1 for
 * what the walk leaves out (but whose text it keeps).
 */
static int
node_of(cmark_node *n, struct gt_md_node *v)
{
	cmark_node	*list;

	memset(v, 0, sizeof(*v));
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_PARAGRAPH:
		v->type = GT_MD_PARAGRAPH;
		/* Tight list items hold their text without a paragraph. */
		list = cmark_node_parent(n);
		v->tight = list != NULL &&
		    cmark_node_get_type(list) == CMARK_NODE_ITEM &&
		    cmark_node_get_list_tight(cmark_node_parent(list));
		return 1;
	case CMARK_NODE_HEADING:
		v->type = GT_MD_HEADING;
		v->level = cmark_node_get_heading_level(n);
		return 1;
	case CMARK_NODE_BLOCK_QUOTE:
		v->type = GT_MD_QUOTE;
		return 1;
	case CMARK_NODE_LIST:
	case CMARK_NODE_ITEM:
		list = cmark_node_get_type(n) == CMARK_NODE_LIST ? n :
		    cmark_node_parent(n);
		v->type = list == n ? GT_MD_LIST : GT_MD_ITEM;
		v->ordered = cmark_node_get_list_type(list) ==
		    CMARK_ORDERED_LIST;
		v->start = cmark_node_get_list_start(list);
		v->tight = cmark_node_get_list_tight(list);
		return 1;
	case CMARK_NODE_EMPH:
		v->type = GT_MD_EMPH;
		return 1;
	case CMARK_NODE_STRONG:
		v->type = GT_MD_STRONG;
		return 1;
	case CMARK_NODE_LINK:
		v->type = GT_MD_LINK;
		v->url = cmark_node_get_url(n);
		v->title = cmark_node_get_title(n);
		if (v->title != NULL && *v->title == '\0')
			v->title = NULL;
		return gt_url_safe(v->url) && has_words(n) ? 1 : -1;
	case CMARK_NODE_TEXT:
		v->type = GT_MD_TEXT;
		break;
	case CMARK_NODE_CODE:
		v->type = GT_MD_CODE;
		break;
	case CMARK_NODE_CODE_BLOCK:
		v->type = GT_MD_CODE_BLOCK;
		break;
	case CMARK_NODE_SOFTBREAK:
		v->type = GT_MD_SOFTBREAK;
		return 0;
	case CMARK_NODE_LINEBREAK:
		v->type = GT_MD_LINEBREAK;
		return 0;
	case CMARK_NODE_THEMATIC_BREAK:
		v->type = GT_MD_RULE;
		return 0;
	case CMARK_NODE_IMAGE:
		v->type = GT_MD_IMAGE;
		v->url = gt_url_safe(cmark_node_get_url(n)) ?
		    cmark_node_get_url(n) : NULL;
		return 0;
	default:
		/* The document itself, and raw HTML. */
		return -1;
	}
	v->text = cmark_node_get_literal(n);
	if (v->text == NULL)
		v->text = "";
	return 0;
}

/* Nodes that may have children get an exit event from the iterator. */
static int
has_exit(cmark_node *n)
{
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_HTML_BLOCK:
	case CMARK_NODE_THEMATIC_BREAK:
	case CMARK_NODE_CODE_BLOCK:
	case CMARK_NODE_TEXT:
	case CMARK_NODE_SOFTBREAK:
	case CMARK_NODE_LINEBREAK:
	case CMARK_NODE_CODE:
	case CMARK_NODE_HTML_INLINE:
		return 0;
	default:
		return 1;
	}
}

void
gt_md_walk(cmark_node *doc, const struct gt_md_ops *ops, void *ctx)
{
	cmark_iter		*it;
	cmark_event_type	 ev;
	cmark_node		*n;
	struct gt_md_node	 v;
	struct gt_buf		 alt = { 0 };
	unsigned char		*entered = NULL;
	size_t			 depth = 0, open = 0, cap = 0;
	int			 kind;

	if (doc == NULL)
		return;
	/*
	 * Walked with an iterator, not recursion: bodies may nest thousands
	 * deep. entered says, per level, whether its enter was sent.
	 */
	it = cmark_iter_new(doc);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		kind = node_of(n, &v);
		if (ev == CMARK_EVENT_EXIT) {
			if (entered[--depth]) {
				open--;
				ops->leave(ctx, &v);
			}
			continue;
		}
		if (v.type == GT_MD_IMAGE && kind == 0) {
			/* Its description is the alt text, not text. */
			gt_buf_reset(&alt);
			words(n, &alt);
			v.text = alt.data != NULL ? alt.data : "";
			ops->enter(ctx, &v);
			cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
			continue;
		}
		if (!has_exit(n)) {
			if (kind == 0)
				ops->enter(ctx, &v);
			continue;
		}
		*GT_PUSH(entered, depth, cap) = kind == 1 &&
		    open < GT_MAX_DEPTH;
		if (entered[depth - 1]) {
			open++;
			ops->enter(ctx, &v);
		}
	}
	cmark_iter_free(it);
	free(entered);
	gt_buf_free(&alt);
}

/* A body as plain text (gt_md_text): the text so far and what it needs. */
struct text {
	struct gt_buf	 b;
	int		 fresh;		/* an item's marker was just written */
	int		 item[GT_MAX_DEPTH];	/* next number, or 0: "- " */
	int		 depth;		/* of lists */
};

/* A block starts: a blank line between blocks, a line break in tight lists. */
static void
text_block(struct text *t, int tight)
{
	if (t->fresh || t->b.len == 0)
		t->fresh = 0;
	else
		gt_buf_puts(&t->b, tight ? "\n" : "\n\n");
}

static void
text_enter(void *ctx, const struct gt_md_node *n)
{
	struct text	*t = ctx;

	switch (n->type) {
	case GT_MD_PARAGRAPH:
	case GT_MD_HEADING:
	case GT_MD_CODE_BLOCK:
		text_block(t, n->tight);
		if (n->type == GT_MD_CODE_BLOCK)
			gt_buf_puts(&t->b, n->text);
		break;
	case GT_MD_LIST:
		/* Apart from the text before it; a list in an item, by a line. */
		text_block(t, t->depth > 0 && n->tight);
		t->fresh = 1;
		if (t->depth < GT_MAX_DEPTH)
			t->item[t->depth] = n->ordered ? n->start : 0;
		t->depth++;
		break;
	case GT_MD_ITEM:
		text_block(t, n->tight);
		if (t->depth > 0 && t->depth <= GT_MAX_DEPTH &&
		    t->item[t->depth - 1] > 0)
			gt_buf_printf(&t->b, "%d. ", t->item[t->depth - 1]++);
		else
			gt_buf_puts(&t->b, "- ");
		t->fresh = 1;
		break;
	case GT_MD_TEXT:
	case GT_MD_CODE:
		gt_buf_puts(&t->b, n->text);
		break;
	case GT_MD_SOFTBREAK:
		gt_buf_putc(&t->b, ' ');
		break;
	case GT_MD_LINEBREAK:
		gt_buf_putc(&t->b, '\n');
		break;
	case GT_MD_IMAGE:
		if (n->text != NULL)
			gt_buf_puts(&t->b, n->text);
		break;
	default:
		break;
	}
}

static void
text_leave(void *ctx, const struct gt_md_node *n)
{
	struct text	*t = ctx;

	if (n->type == GT_MD_LIST)
		t->depth--;
	else if (n->type == GT_MD_LINK && n->url != NULL)
		gt_buf_printf(&t->b, " (%s)", n->url);
}

char *
gt_md_text(cmark_node *doc)
{
	static const struct gt_md_ops ops = { text_enter, text_leave };
	struct text	 t;

	if (doc == NULL)
		return NULL;
	memset(&t, 0, sizeof(t));
	gt_md_walk(doc, &ops, &t);
	return t.b.data != NULL ? gt_buf_steal(&t.b) : gt_xstrdup("");
}
