/* md_html.c: Markdown bodies as libxml2 elements (see md_html.h). */
#include <stdio.h>
#include <stdlib.h>

#include "md_html.h"
#include "md_walk.h"
#include "util.h"

/* The elements being filled, innermost last. */
struct html {
	xmlNodePtr	*stack;
	size_t		 n, cap;
};

static xmlNodePtr
add(xmlNodePtr parent, const char *name)
{
	return xmlNewChild(parent, NULL, (const xmlChar *)name, NULL);
}

static void
add_text(xmlNodePtr parent, const char *s)
{
	xmlAddChild(parent, xmlNewDocText(parent->doc, (const xmlChar *)s));
}

static void
set(xmlNodePtr e, const char *name, const char *value)
{
	xmlNewProp(e, (const xmlChar *)name, (const xmlChar *)value);
}

/* A block element, on a line of its own in the page's source. */
static xmlNodePtr
add_block(xmlNodePtr parent, const char *name)
{
	xmlNodePtr	 e = add(parent, name);

	add_text(parent, "\n");
	return e;
}

/* The element a container's children go into (its parent's own for some). */
static xmlNodePtr
container(xmlNodePtr parent, const struct gt_md_node *v)
{
	xmlNodePtr	 e;
	char		 num[32];

	switch (v->type) {
	case GT_MD_PARAGRAPH:
		return v->tight ? parent : add_block(parent, "p");
	case GT_MD_HEADING:
		/* Body headings sit under the page's own <h1>. */
		snprintf(num, sizeof(num), "h%d", v->level >= 6 ? 6 :
		    v->level + 1);
		return add_block(parent, num);
	case GT_MD_QUOTE:
		return add_block(parent, "blockquote");
	case GT_MD_LIST:
		e = add_block(parent, v->ordered ? "ol" : "ul");
		if (v->ordered && v->start != 1) {
			snprintf(num, sizeof(num), "%d", v->start);
			set(e, "start", num);
		}
		return e;
	case GT_MD_ITEM:
		return add_block(parent, "li");
	case GT_MD_EMPH:
		return add(parent, "em");
	case GT_MD_STRONG:
		return add(parent, "strong");
	case GT_MD_LINK:
		e = add(parent, "a");
		set(e, "href", v->url);
		if (v->title != NULL)
			set(e, "title", v->title);
		return e;
	default:
		return parent;
	}
}

static void
leaf(xmlNodePtr parent, const struct gt_md_node *v)
{
	xmlNodePtr	 e;

	switch (v->type) {
	case GT_MD_TEXT:
		add_text(parent, v->text);
		break;
	case GT_MD_CODE:
		add_text(add(parent, "code"), v->text);
		break;
	case GT_MD_CODE_BLOCK:
		add_text(add(add_block(parent, "pre"), "code"), v->text);
		break;
	case GT_MD_SOFTBREAK:
		add_text(parent, "\n");
		break;
	case GT_MD_LINEBREAK:
		add(parent, "br");
		break;
	case GT_MD_RULE:
		add_block(parent, "hr");
		break;
	case GT_MD_IMAGE:
		if (v->url == NULL)
			break;
		e = add(parent, "img");
		set(e, "src", v->url);
		set(e, "alt", v->text);
		break;
	default:
		break;
	}
}

static void
enter(void *ctx, const struct gt_md_node *v)
{
	struct html	*h = ctx;
	xmlNodePtr	 cur = h->stack[h->n - 1];

	switch (v->type) {
	case GT_MD_PARAGRAPH:
	case GT_MD_HEADING:
	case GT_MD_QUOTE:
	case GT_MD_LIST:
	case GT_MD_ITEM:
	case GT_MD_EMPH:
	case GT_MD_STRONG:
	case GT_MD_LINK:
		*GT_PUSH(h->stack, h->n, h->cap) = container(cur, v);
		break;
	default:
		leaf(cur, v);
		break;
	}
}

static void
leave(void *ctx, const struct gt_md_node *v GT_UNUSED)
{
	struct html	*h = ctx;

	h->n--;
}

void
gt_md_html(xmlNodePtr parent, cmark_node *doc)
{
	static const struct gt_md_ops	 ops = { enter, leave };
	struct html			 h = { NULL, 0, 0 };

	*GT_PUSH(h.stack, h.n, h.cap) = parent;
	gt_md_walk(doc, &ops, &h);
	free(h.stack);
}
