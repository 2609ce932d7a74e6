/* md_html.c: cmark documents into libxml2 elements (see md_html.h). */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "md_html.h"
#include "util.h"

int
gt_md_safe_url(const char *u)
{
	static const char *const schemes[] = {
		"http:", "https:", "mailto:", "tel:"
	};
	size_t	 i, n;

	n = strcspn(u, ":/?#");
	if (u[n] != ':')
		return 1;	/* relative */
	for (i = 0; i < sizeof(schemes) / sizeof(schemes[0]); i++)
		if (strncasecmp(u, schemes[i], strlen(schemes[i])) == 0)
			return 1;
	return 0;
}

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

/* A block element, on a line of its own in the page's source. */
static xmlNodePtr
add_block(xmlNodePtr parent, const char *name)
{
	xmlNodePtr	 e = add(parent, name);

	add_text(parent, "\n");
	return e;
}

/* An image's alt text: the plain text of its description. */
static void
plain_text(cmark_node *n, struct gt_buf *b)
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

/*
 * Add n under parent; returns the element its children go into (parent
 * itself where n adds none).
 */
static xmlNodePtr
element(xmlNodePtr parent, cmark_node *n)
{
	xmlNodePtr	 e;
	cmark_node	*c;
	struct gt_buf	 b = { 0 };
	char		 num[32];
	const char	*url;
	int		 level;

	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_PARAGRAPH:
		/* Tight list items hold their text without a <p>. */
		c = cmark_node_parent(n);
		if (c != NULL && cmark_node_get_type(c) == CMARK_NODE_ITEM &&
		    cmark_node_get_list_tight(cmark_node_parent(c)))
			return parent;
		return add_block(parent, "p");
	case CMARK_NODE_HEADING:
		level = cmark_node_get_heading_level(n) + 1;
		snprintf(num, sizeof(num), "h%d", level > 6 ? 6 : level);
		return add_block(parent, num);
	case CMARK_NODE_BLOCK_QUOTE:
		return add_block(parent, "blockquote");
	case CMARK_NODE_LIST:
		if (cmark_node_get_list_type(n) != CMARK_ORDERED_LIST)
			return add_block(parent, "ul");
		e = add_block(parent, "ol");
		if (cmark_node_get_list_start(n) != 1) {
			snprintf(num, sizeof(num), "%d",
			    cmark_node_get_list_start(n));
			xmlNewProp(e, (const xmlChar *)"start",
			    (const xmlChar *)num);
		}
		return e;
	case CMARK_NODE_ITEM:
		return add_block(parent, "li");
	case CMARK_NODE_EMPH:
		return add(parent, "em");
	case CMARK_NODE_STRONG:
		return add(parent, "strong");
	case CMARK_NODE_LINK:
		url = cmark_node_get_url(n);
		if (url == NULL || !gt_md_safe_url(url))
			return parent;	/* keep the words, drop the link */
		e = add(parent, "a");
		xmlNewProp(e, (const xmlChar *)"href", (const xmlChar *)url);
		if (cmark_node_get_title(n) != NULL &&
		    *cmark_node_get_title(n) != '\0')
			xmlNewProp(e, (const xmlChar *)"title",
			    (const xmlChar *)cmark_node_get_title(n));
		return e;
	case CMARK_NODE_CODE_BLOCK:
		add_text(add(add_block(parent, "pre"), "code"),
		    cmark_node_get_literal(n));
		return parent;
	case CMARK_NODE_THEMATIC_BREAK:
		add_block(parent, "hr");
		return parent;
	case CMARK_NODE_TEXT:
		add_text(parent, cmark_node_get_literal(n));
		return parent;
	case CMARK_NODE_SOFTBREAK:
		add_text(parent, "\n");
		return parent;
	case CMARK_NODE_LINEBREAK:
		add(parent, "br");
		return parent;
	case CMARK_NODE_CODE:
		add_text(add(parent, "code"), cmark_node_get_literal(n));
		return parent;
	case CMARK_NODE_IMAGE:
		url = cmark_node_get_url(n);
		if (url == NULL || !gt_md_safe_url(url))
			return parent;
		e = add(parent, "img");
		xmlNewProp(e, (const xmlChar *)"src", (const xmlChar *)url);
		plain_text(n, &b);
		xmlNewProp(e, (const xmlChar *)"alt",
		    (const xmlChar *)(b.data != NULL ? b.data : ""));
		gt_buf_free(&b);
		return parent;
	default:
		/* The document itself adds nothing; raw HTML is dropped. */
		return parent;
	}
}

void
gt_md_html(xmlNodePtr parent, cmark_node *doc)
{
	cmark_iter		*it;
	cmark_event_type	 ev;
	cmark_node		*n;
	xmlNodePtr		*stack = NULL, cur = parent;
	size_t			 depth = 0, cap = 0;

	if (doc == NULL)
		return;
	/*
	 * Walked with an iterator, not recursion: bodies may nest thousands
	 * deep. Past GT_MAX_DEPTH levels the text is kept, flattened.
	 */
	it = cmark_iter_new(doc);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		if (ev == CMARK_EVENT_EXIT)
			cur = stack[--depth];
		else if (cmark_node_get_type(n) == CMARK_NODE_IMAGE) {
			/* Its children became the alt text. */
			element(cur, n);
			cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
		} else if (!has_exit(n))
			element(cur, n);
		else {
			*GT_PUSH(stack, depth, cap) = cur;
			if (depth <= GT_MAX_DEPTH)
				cur = element(cur, n);
		}
	}
	cmark_iter_free(it);
	free(stack);
}
