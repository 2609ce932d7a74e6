/* html_write.c: HTML as libxml2's serializer writes it (see html_write.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLtree.h>

#include "html_write.h"

/* An element name and HTML's rules for it (NULL: none known). */
struct tag {
	char			*name;
	const htmlElemDesc	*desc;
};

struct gt_html {
	struct gt_map	 tags;		/* element name: its struct tag */
	struct tag	**v;		/* the tags, for freeing */
	size_t		 n, cap;
	xmlDocPtr	 scratch;	/* for attribute values' entities */
};

struct gt_html *
gt_html_new(void)
{
	struct gt_html	*h = gt_xcalloc(1, sizeof(*h));

	h->scratch = htmlNewDocNoDtD(NULL, NULL);
	return h;
}

void
gt_html_free(struct gt_html *h)
{
	size_t	 i;

	if (h == NULL)
		return;
	for (i = 0; i < h->n; i++) {
		free(h->v[i]->name);
		free(h->v[i]);
	}
	free(h->v);
	gt_map_free(&h->tags);
	xmlFreeDoc(h->scratch);
	free(h);
}

/* htmlTagLookup (a scan of HTML's table), once a name. */
const htmlElemDesc *
gt_html_tag(struct gt_html *h, const xmlChar *name)
{
	struct tag	*t = gt_map_get(&h->tags, (const char *)name);

	if (t == NULL) {
		t = *GT_PUSH(h->v, h->n, h->cap) = gt_xcalloc(1, sizeof(*t));
		t->name = gt_xstrdup((const char *)name);
		t->desc = htmlTagLookup(name);
		gt_map_put(&h->tags, t->name, t);
	}
	return t->desc;
}

int
gt_html_is_raw(const xmlChar *name)
{
	return xmlStrcasecmp(name, (const xmlChar *)"script") == 0 ||
	    xmlStrcasecmp(name, (const xmlChar *)"style") == 0;
}

/*
 * s escaped as xmlEncodeEntitiesReentrant does in an HTML document: <, >
 * and & (in attributes, not <!--...--> or &{...}), control characters
 * other than tab and line ends dropped.
 */
void
gt_html_escaped(struct gt_buf *b, const char *s, int attr)
{
	const char	*run = s, *end;
	unsigned char	 c;

	for (; (c = (unsigned char)*s) != '\0'; s++) {
		if (c >= 0x20 && c != '<' && c != '>' && c != '&')
			continue;
		if (c == '\t' || c == '\n' || c == '\r')
			continue;
		gt_buf_add(b, run, (size_t)(s - run));
		run = s + 1;
		if (attr && c == '<' && strncmp(s + 1, "!--", 3) == 0 &&
		    (end = strstr(s, "-->")) != NULL) {
			run = s;
			s = end + 2;
		} else if (attr && c == '&' && s[1] == '{' &&
		    (end = strchr(s, '}')) != NULL) {
			run = s;
			s = end;
		} else if (c == '<')
			gt_buf_add(b, "&lt;", 4);
		else if (c == '>')
			gt_buf_add(b, "&gt;", 4);
		else if (c == '&')
			gt_buf_add(b, "&amp;", 5);
	}
	gt_buf_add(b, run, (size_t)(s - run));
}

/* xmlBufWriteQuotedString: "..." unless the text has '"' and no '\''. */
void
gt_html_quoted(struct gt_buf *b, const char *s, size_t len)
{
	const char	*p, *q;

	if (memchr(s, '"', len) == NULL) {
		gt_buf_putc(b, '"');
		gt_buf_add(b, s, len);
		gt_buf_putc(b, '"');
	} else if (memchr(s, '\'', len) == NULL) {
		gt_buf_putc(b, '\'');
		gt_buf_add(b, s, len);
		gt_buf_putc(b, '\'');
	} else {
		gt_buf_putc(b, '"');
		for (p = s; (q = memchr(p, '"', len - (size_t)(p - s))) != NULL;
		    p = q + 1) {
			gt_buf_add(b, p, (size_t)(q - p));
			gt_buf_add(b, "&quot;", 6);
		}
		gt_buf_add(b, p, len - (size_t)(p - s));
		gt_buf_putc(b, '"');
	}
}

/* Bytes xmlURIEscapeStr leaves in a link (HTML's serializer's list). */
static int
uri_keeps(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || (c != '\0' &&
	    strchr("-_.!~*'()@/:=?;#%&,+<>", c) != NULL);
}

/*
 * An encoded link value as the serializer writes it: %XX-escaped, so
 * with no '"' to choose quotes for.
 */
static void
put_uri(struct gt_buf *b, const char *s)
{
	static const char	 hex[] = "0123456789ABCDEF";
	char			 esc[3] = { '%' };

	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	gt_buf_putc(b, '"');
	for (; *s != '\0'; s++)
		if (uri_keeps((unsigned char)*s))
			gt_buf_putc(b, *s);
		else {
			esc[1] = hex[(unsigned char)*s >> 4];
			esc[2] = hex[(unsigned char)*s & 0xf];
			gt_buf_add(b, esc, 3);
		}
	gt_buf_putc(b, '"');
}

/* htmlIsBooleanAttr: written without their value. */
static int
is_boolean(const char *name)
{
	static const char *const names[] = {
		"checked", "compact", "declare", "defer", "disabled", "ismap",
		"multiple", "nohref", "noresize", "noshade", "nowrap",
		"readonly", "selected"
	};
	size_t	 i;

	if (strchr("cdimnrsCDIMNRS", name[0]) == NULL)
		return 0;	/* the common case, quickly */
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (xmlStrcasecmp((const xmlChar *)name,
		    (const xmlChar *)names[i]) == 0)
			return 1;
	return 0;
}

/* Whether the serializer writes attribute name of element el as a link. */
static int
is_link(const char *el, const char *name)
{
	const xmlChar	*n = (const xmlChar *)name;

	if (strchr("ahnsAHNS", name[0]) == NULL)
		return 0;	/* the common case, quickly */
	return xmlStrcasecmp(n, (const xmlChar *)"href") == 0 ||
	    xmlStrcasecmp(n, (const xmlChar *)"action") == 0 ||
	    xmlStrcasecmp(n, (const xmlChar *)"src") == 0 ||
	    (xmlStrcasecmp(n, (const xmlChar *)"name") == 0 &&
	    xmlStrcasecmp((const xmlChar *)el, (const xmlChar *)"a") == 0);
}

/*
 * Attribute name of element el as htmlAttrDumpOutput writes it; value
 * NULL: one without a value; enc: the value is escaped already.
 */
void
gt_html_attr(struct gt_buf *b, const char *el, const char *name,
    const char *value, int enc)
{
	struct gt_buf	 e = { 0 };
	int		 link;

	gt_buf_putc(b, ' ');
	gt_buf_puts(b, name);
	if (value == NULL || is_boolean(name))
		return;
	gt_buf_putc(b, '=');
	link = is_link(el, name);
	if (!enc && !link && strchr(value, '"') == NULL) {
		/* Escaping adds no quotes: written straight in. */
		gt_buf_putc(b, '"');
		gt_html_escaped(b, value, 1);
		gt_buf_putc(b, '"');
		return;
	}
	if (!enc) {
		gt_html_escaped(&e, value, 1);
		value = e.data != NULL ? e.data : "";
	}
	if (link)
		put_uri(b, value);
	else
		gt_html_quoted(b, value, strlen(value));
	gt_buf_free(&e);
}

/* After an element's content (n nodes) from offset body: its end. */
void
gt_html_end(struct gt_buf *b, const xmlChar *name, const htmlElemDesc *info,
    size_t n, size_t body)
{
	if (info != NULL && info->empty) {
		/* Written as a void element, its content left out. */
		b->len = body;
		if (b->data != NULL)
			b->data[body] = '\0';
		return;
	}
	if (n == 0 && info != NULL && info->saveEndTag &&
	    strcmp(info->name, "html") != 0 && strcmp(info->name, "body") != 0)
		return;
	gt_buf_add(b, "</", 2);
	gt_buf_puts(b, (const char *)name);
	gt_buf_putc(b, '>');
}

/* The nodes from n on, in an element whose text is raw or not. */
size_t
gt_html_nodes(struct gt_html *h, struct gt_buf *b, xmlNodePtr n, int raw)
{
	size_t	 k = 0;

	for (; n != NULL; n = n->next, k++)
		gt_html_node(h, b, n, raw);
	return k;
}

/* Element n's start tag. */
void
gt_html_stag(struct gt_html *h, struct gt_buf *b, xmlNodePtr n)
{
	xmlAttrPtr	 a;
	xmlChar		*v;

	gt_buf_putc(b, '<');
	gt_buf_puts(b, (const char *)n->name);
	for (a = n->properties; a != NULL; a = a->next) {
		if (a->children == NULL)
			v = NULL;
		else if (a->children->next == NULL &&
		    a->children->type == XML_TEXT_NODE) {
			gt_html_attr(b, (const char *)n->name,
			    (const char *)a->name,
			    (const char *)a->children->content, 0);
			continue;
		} else	/* entity references: not from HTML's parser */
			v = xmlNodeListGetString(h->scratch, a->children, 0);
		gt_html_attr(b, (const char *)n->name, (const char *)a->name,
		    (const char *)v, 1);
		xmlFree(v);
	}
	gt_buf_putc(b, '>');
}

/* A node of a tree (layout, Markdown body, SVG image) and its subtree. */
void
gt_html_node(struct gt_html *h, struct gt_buf *b, xmlNodePtr n, int raw)
{
	const htmlElemDesc	*info;
	size_t			 body, k;

	switch (n->type) {
	case XML_ELEMENT_NODE:
		info = gt_html_tag(h, n->name);
		gt_html_stag(h, b, n);
		body = b->len;
		k = gt_html_nodes(h, b, n->children, gt_html_is_raw(n->name));
		gt_html_end(b, n->name, info, k, body);
		break;
	case XML_TEXT_NODE:
		if (n->content == NULL)
			break;
		if (raw)
			gt_buf_puts(b, (const char *)n->content);
		else
			gt_html_escaped(b, (const char *)n->content, 0);
		break;
	case XML_COMMENT_NODE:
		if (n->content != NULL)
			gt_buf_printf(b, "<!--%s-->", (const char *)n->content);
		break;
	case XML_PI_NODE:
		gt_buf_printf(b, "<?%s%s%s>", (const char *)n->name,
		    n->content != NULL ? " " : "",
		    n->content != NULL ? (const char *)n->content : "");
		break;
	case XML_ENTITY_REF_NODE:
		gt_buf_printf(b, "&%s;", (const char *)n->name);
		break;
	case XML_CDATA_SECTION_NODE:
		if (n->content != NULL)
			gt_buf_puts(b, (const char *)n->content);
		break;
	default:
		break;
	}
}

/* htmlDtdDumpOutput. */
char *
gt_html_doctype(xmlDtdPtr d)
{
	struct gt_buf	 b = { 0 };

	if (d == NULL)
		return gt_xstrdup("");
	gt_buf_printf(&b, "<!DOCTYPE %s", (const char *)d->name);
	if (d->ExternalID != NULL) {
		gt_buf_puts(&b, " PUBLIC ");
		gt_html_quoted(&b, (const char *)d->ExternalID,
		    strlen((const char *)d->ExternalID));
		if (d->SystemID != NULL) {
			gt_buf_putc(&b, ' ');
			gt_html_quoted(&b, (const char *)d->SystemID,
			    strlen((const char *)d->SystemID));
		}
	} else if (d->SystemID != NULL && xmlStrcmp(d->SystemID,
	    (const xmlChar *)"about:legacy-compat") != 0) {
		gt_buf_puts(&b, " SYSTEM ");
		gt_html_quoted(&b, (const char *)d->SystemID,
		    strlen((const char *)d->SystemID));
	}
	gt_buf_puts(&b, ">\n");
	return gt_buf_steal(&b);
}

