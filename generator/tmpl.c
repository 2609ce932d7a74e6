/*
 * tmpl.c: fill HTML layouts (vocabulary in tmpl.h). A layout is parsed by
 * libxml2 once and compiled: the parts no data can change become their
 * HTML bytes, the rest stays elements that a render fills and writes out
 * itself. The bytes are those libxml2's HTML serializer (2.9, no
 * formatting) gives for the tree the data make, which the engine used to
 * build and save: escaping, end tags, the Content-Type <meta> it adds.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/parser.h>

#include "diag.h"
#include "md_html.h"
#include "tmpl.h"

/* An attribute; value NULL for one written without a value. */
struct cattr {
	const char	*name;
	const char	*value;
};

struct clist {
	struct cnode	*v;
	size_t		 n, cap;
};

/*
 * A compiled node: fixed bytes (one or more nodes of the layout) or an
 * element some data reach, at itself or below.
 */
struct cnode {
	char			*bytes;		/* non-NULL: fixed output */
	size_t			 len;
	xmlNodePtr		 el;		/* else the layout's element */
	const htmlElemDesc	*info;		/* HTML's rules for it, if known */
	int			 raw;		/* script, style: text as is */
	char			*stag;		/* no directives: its start tag */
	size_t			 stag_len;
	struct cattr		*attrs;		/* else its attributes */
	size_t			 nattrs;
	struct clist		 kids;
};

struct layout {
	char		*name;
	char		*path;
	htmlDocPtr	 doc;		/* NULL: could not be read */
	char		*doctype;	/* as written before the nodes */
	struct clist	 top;		/* the document's nodes */
	/*
	 * What an include of it takes: [1] the head's nodes, [0] the
	 * body's, [][1] for an element whose text is raw.
	 */
	struct clist	 part[2][2];
	int		 has_part[2];
};

struct gt_tmpl {
	char		*dir;
	struct layout	*v;
	size_t		 n, cap;
	gt_tmpl_svg_fn	 svg;		/* see gt_tmpl_svg_source */
	void		*svg_ctx;
	struct gt_map	 tags;		/* element name: its htmlElemDesc */
	xmlDocPtr	 scratch;	/* Markdown bodies are built in it */
	struct gt_buf	 svgout;	/* an inline SVG's drawing, written */
	struct gt_buf	 svgtext;	/* its text or an attribute's */
};

/* The chain of items a path is looked up in, innermost first. */
struct scope {
	json_t			*v;
	const struct scope	*up;
};

/*
 * Where the Content-Type <meta> libxml2 adds goes: first in the <head>,
 * or in the <html> if a <meta> comes before any <head> there.
 */
enum meta {
	META_HTML,		/* looking for the <html> */
	META_HEAD,		/* for its <head> or a <meta> in it */
	META_SEEK,		/* for a <meta> that has one, at meta_at */
	META_DONE
};

/* The place of the elements of a list, for the <meta>. */
enum at {
	AT_DOC, AT_HTML, AT_HEAD, AT_OTHER
};

/* One render's state. */
struct fill {
	struct gt_tmpl		*t;
	const struct layout	*lay;		/* for messages */
	cmark_node *const	*bodies;
	size_t			 nbodies;
	const char		*root;		/* "../" for the page's depth */
	struct gt_buf		*out;
	int			 depth;		/* of includes */
	int			 nsvg;		/* inline SVGs so far */
	int			 failed;
	enum meta		 meta;
	enum at			 meta_at;
};

/* An element's attributes as a render changes them; it frees own. */
struct wattrs {
	struct cattr	*v;
	size_t		 n, cap;
	char		**own;
	size_t		 nown, capown;
};

#define MAX_INCLUDE_DEPTH	8
#define CONTENT_TYPE		"text/html; charset=UTF-8"
#define META_CONTENT_TYPE	"<meta http-equiv=\"Content-Type\" " \
				"content=\"" CONTENT_TYPE "\">"

/* Stands in the tag map for names HTML does not know. */
static const htmlElemDesc	unknown_tag;

static void	compile_list(struct gt_tmpl *, xmlNodePtr, int,
		    struct clist *);

struct gt_tmpl *
gt_tmpl_new(const char *dir)
{
	struct gt_tmpl	*t = gt_xcalloc(1, sizeof(*t));

	t->dir = gt_xstrdup(dir);
	t->scratch = htmlNewDocNoDtD(NULL, NULL);
	xmlDocSetRootElement(t->scratch,
	    xmlNewDocNode(t->scratch, NULL, (const xmlChar *)"div", NULL));
	return t;
}

void
gt_tmpl_svg_source(struct gt_tmpl *t, gt_tmpl_svg_fn fn, void *ctx)
{
	t->svg = fn;
	t->svg_ctx = ctx;
}

static void
clist_free(struct clist *l)
{
	struct cnode	*c;
	size_t		 i, k;

	for (i = 0; i < l->n; i++) {
		c = &l->v[i];
		free(c->bytes);
		free(c->stag);
		for (k = 0; k < c->nattrs; k++)
			free((char *)c->attrs[k].value);
		free(c->attrs);
		clist_free(&c->kids);
	}
	free(l->v);
}

void
gt_tmpl_free(struct gt_tmpl *t)
{
	size_t	 i, k;

	if (t == NULL)
		return;
	for (i = 0; i < t->n; i++) {
		free(t->v[i].name);
		free(t->v[i].path);
		free(t->v[i].doctype);
		clist_free(&t->v[i].top);
		for (k = 0; k < 4; k++)
			clist_free(&t->v[i].part[k / 2][k % 2]);
		if (t->v[i].doc != NULL)
			xmlFreeDoc(t->v[i].doc);
	}
	for (i = 0; i < t->tags.cap; i++)
		free((char *)t->tags.ents[i].key);
	gt_map_free(&t->tags);
	xmlFreeDoc(t->scratch);
	gt_buf_free(&t->svgout);
	gt_buf_free(&t->svgtext);
	free(t->v);
	free(t->dir);
	free(t);
}

/* --- Writing HTML as libxml2 does ------------------------------------ */

/* htmlTagLookup (a scan of HTML's table), once a name. */
static const htmlElemDesc *
tag_info(struct gt_tmpl *t, const xmlChar *name)
{
	const htmlElemDesc	*d = gt_map_get(&t->tags, (const char *)name);

	if (d == NULL) {
		d = htmlTagLookup(name);
		if (d == NULL)
			d = &unknown_tag;
		gt_map_put(&t->tags, gt_xstrdup((const char *)name),
		    (void *)d);
	}
	return d != &unknown_tag ? d : NULL;
}

static int
is_raw(const xmlChar *name)
{
	return xmlStrcasecmp(name, (const xmlChar *)"script") == 0 ||
	    xmlStrcasecmp(name, (const xmlChar *)"style") == 0;
}

/*
 * s escaped as xmlEncodeEntitiesReentrant does in an HTML document: <, >
 * and & (in attributes, not <!--...--> or &{...}), control characters
 * other than tab and line ends dropped.
 */
static void
put_escaped(struct gt_buf *b, const char *s, int attr)
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
static void
put_quoted(struct gt_buf *b, const char *s, size_t len)
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
static void
put_attr_value(struct gt_buf *b, const char *el, const char *name,
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
		put_escaped(b, value, 1);
		gt_buf_putc(b, '"');
		return;
	}
	if (!enc) {
		put_escaped(&e, value, 1);
		value = e.data != NULL ? e.data : "";
	}
	if (link)
		put_uri(b, value);
	else
		put_quoted(b, value, strlen(value));
	gt_buf_free(&e);
}

/* After an element's content (n nodes) from offset body: its end. */
static void
put_end(struct gt_buf *b, const xmlChar *name, const htmlElemDesc *info,
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

static void	put_node(struct gt_tmpl *, struct gt_buf *, xmlNodePtr, int);

/* The nodes from n on, in an element whose text is raw or not. */
static size_t
put_nodes(struct gt_tmpl *t, struct gt_buf *b, xmlNodePtr n, int raw)
{
	size_t	 k = 0;

	for (; n != NULL; n = n->next, k++)
		put_node(t, b, n, raw);
	return k;
}

/* Element n's start tag. */
static void
put_stag(struct gt_tmpl *t, struct gt_buf *b, xmlNodePtr n)
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
			put_attr_value(b, (const char *)n->name,
			    (const char *)a->name,
			    (const char *)a->children->content, 0);
			continue;
		} else	/* entity references: not from HTML's parser */
			v = xmlNodeListGetString(t->scratch, a->children, 0);
		put_attr_value(b, (const char *)n->name, (const char *)a->name,
		    (const char *)v, 1);
		xmlFree(v);
	}
	gt_buf_putc(b, '>');
}

/* A node of a tree (layout, Markdown body, SVG image) and its subtree. */
static void
put_node(struct gt_tmpl *t, struct gt_buf *b, xmlNodePtr n, int raw)
{
	const htmlElemDesc	*info;
	size_t			 body, k;

	switch (n->type) {
	case XML_ELEMENT_NODE:
		info = tag_info(t, n->name);
		put_stag(t, b, n);
		body = b->len;
		k = put_nodes(t, b, n->children, is_raw(n->name));
		put_end(b, n->name, info, k, body);
		break;
	case XML_TEXT_NODE:
		if (n->content == NULL)
			break;
		if (raw)
			gt_buf_puts(b, (const char *)n->content);
		else
			put_escaped(b, (const char *)n->content, 0);
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

/* --- Compiling layouts ----------------------------------------------- */

/* The layout's text of attribute a, as xmlGetProp gives it; NULL: none. */
static char *
attr_text(xmlAttrPtr a)
{
	xmlChar	*v;
	char	*s;

	if (a->children == NULL)
		return NULL;
	v = xmlNodeGetContent((xmlNodePtr)a);
	s = gt_xstrdup(v != NULL ? (const char *)v : "");
	xmlFree(v);
	return s;
}

/*
 * Whether element n is written as the layout has it: no attribute this
 * engine reads, and not one the <meta> is looked for through.
 */
static int
plain(xmlNodePtr n)
{
	static const char *const meta_path[] = { "html", "head", "meta" };
	xmlAttrPtr	 a;
	size_t		 i;

	for (i = 0; i < sizeof(meta_path) / sizeof(meta_path[0]); i++)
		if (xmlStrcasecmp(n->name, (const xmlChar *)meta_path[i]) == 0)
			return 0;
	for (a = n->properties; a != NULL; a = a->next)
		if (strncmp((const char *)a->name, "data-", 5) == 0 ||
		    xmlStrcmp(a->name, (const xmlChar *)"href") == 0 ||
		    xmlStrcmp(a->name, (const xmlChar *)"src") == 0)
			return 0;
	return 1;
}

/* Whether no data reach n or anything in it. */
static int
fixed(xmlNodePtr n)
{
	xmlNodePtr	 c;

	if (n->type != XML_ELEMENT_NODE)
		return 1;
	if (!plain(n))
		return 0;
	for (c = n->children; c != NULL; c = c->next)
		if (!fixed(c))
			return 0;
	return 1;
}

static void
compile_elem(struct gt_tmpl *t, xmlNodePtr n, struct cnode *c)
{
	struct gt_buf	 b = { 0 };
	xmlAttrPtr	 a;
	size_t		 i = 0;

	memset(c, 0, sizeof(*c));
	c->el = n;
	c->info = tag_info(t, n->name);
	c->raw = is_raw(n->name);
	if (plain(n)) {
		put_stag(t, &b, n);
		c->stag_len = b.len;
		c->stag = gt_buf_steal(&b);
	} else {
		for (a = n->properties; a != NULL; a = a->next)
			c->nattrs++;
		c->attrs = gt_xcalloc(c->nattrs, sizeof(*c->attrs));
		for (a = n->properties; a != NULL; a = a->next, i++) {
			c->attrs[i].name = (const char *)a->name;
			c->attrs[i].value = attr_text(a);
		}
	}
	compile_list(t, n->children, c->raw, &c->kids);
}

/* The nodes written into run (if any) as one fixed node of l. */
static void
end_run(struct clist *l, struct gt_buf *run, int *open)
{
	struct cnode	*c;

	if (!*open)
		return;
	c = GT_PUSH(l->v, l->n, l->cap);
	memset(c, 0, sizeof(*c));
	c->len = run->len;
	c->bytes = run->data != NULL ? gt_buf_steal(run) : gt_xstrdup("");
	*open = 0;
}

/*
 * The nodes from n on; the fixed ones become runs of bytes. At the top
 * of the document only the root element is filled, as it always was.
 */
static void
compile_list(struct gt_tmpl *t, xmlNodePtr n, int raw, struct clist *l)
{
	struct gt_buf	 run = { 0 };
	int		 open = 0, top = n != NULL &&
			    n->parent == (xmlNodePtr)n->doc;

	for (; n != NULL; n = n->next) {
		if (n->type == XML_DTD_NODE)
			continue;	/* written before the nodes */
		if (fixed(n) || (top && n != xmlDocGetRootElement(n->doc))) {
			put_node(t, &run, n, raw);
			open = 1;
			continue;
		}
		end_run(l, &run, &open);
		compile_elem(t, n, GT_PUSH(l->v, l->n, l->cap));
	}
	end_run(l, &run, &open);
}

/* htmlDtdDumpOutput. */
static char *
doctype(xmlDtdPtr d)
{
	struct gt_buf	 b = { 0 };

	if (d == NULL)
		return gt_xstrdup("");
	gt_buf_printf(&b, "<!DOCTYPE %s", (const char *)d->name);
	if (d->ExternalID != NULL) {
		gt_buf_puts(&b, " PUBLIC ");
		put_quoted(&b, (const char *)d->ExternalID,
		    strlen((const char *)d->ExternalID));
		if (d->SystemID != NULL) {
			gt_buf_putc(&b, ' ');
			put_quoted(&b, (const char *)d->SystemID,
			    strlen((const char *)d->SystemID));
		}
	} else if (d->SystemID != NULL && xmlStrcmp(d->SystemID,
	    (const xmlChar *)"about:legacy-compat") != 0) {
		gt_buf_puts(&b, " SYSTEM ");
		put_quoted(&b, (const char *)d->SystemID,
		    strlen((const char *)d->SystemID));
	}
	gt_buf_puts(&b, ">\n");
	return gt_buf_steal(&b);
}

static void
compile(struct gt_tmpl *t, struct layout *l)
{
	xmlNodePtr	 c;
	int		 head;

	l->doctype = doctype(l->doc->intSubset);
	compile_list(t, l->doc->children, 0, &l->top);
	/* An include takes the first <head> or <body> in the <html>. */
	for (c = xmlDocGetRootElement(l->doc)->children; c != NULL;
	    c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		head = xmlStrcmp(c->name, (const xmlChar *)"head") == 0;
		if ((head || xmlStrcmp(c->name, (const xmlChar *)"body") == 0) &&
		    !l->has_part[head]) {
			l->has_part[head] = 1;
			compile_list(t, c->children, 0, &l->part[head][0]);
			compile_list(t, c->children, 1, &l->part[head][1]);
		}
	}
}

static const struct layout *
layout_get(struct gt_tmpl *t, const char *name, const struct gt_loc *from)
{
	struct layout	*l;
	struct gt_loc	 loc;
	size_t		 i, len;
	char		*data;
	int		 e = ENOENT;

	for (i = 0; i < t->n; i++)
		if (strcmp(t->v[i].name, name) == 0)
			return t->v[i].doc != NULL ? &t->v[i] : NULL;
	l = GT_PUSH(t->v, t->n, t->cap);
	memset(l, 0, sizeof(*l));
	l->name = gt_xstrdup(name);
	l->path = gt_xasprintf("%s/%s", t->dir, name);
	/* Read here: only a regular file of the layouts folder is one. */
	if (strstr(name, "..") == NULL && strchr(name, '/') == NULL) {
		if ((e = gt_read_in(t->dir, l->path, &data, &len)) == 0) {
			l->doc = htmlReadMemory(data, (int)len, l->path,
			    "UTF-8", HTML_PARSE_NOERROR |
			    HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
			free(data);
		} else
			e = errno;
	}
	if (l->doc != NULL && xmlDocGetRootElement(l->doc) == NULL) {
		xmlFreeDoc(l->doc);
		l->doc = NULL;
	}
	if (l->doc == NULL) {
		if (from != NULL)
			loc = *from;
		else {
			loc.file = l->path;
			loc.line = loc.col = 0;
		}
		gt_msg(GT_E_LAYOUT, &loc, "cannot read layout '%s'%s%s",
		    l->path, e != 0 ? ": " : "", e != 0 ?
		    gt_read_strerror(e) : "");
		return NULL;
	}
	compile(t, l);
	return l;
}

/* --- Filling --------------------------------------------------------- */

static void
fail(struct fill *f, xmlNodePtr n, const char *what, const char *path)
{
	struct gt_loc	 loc = { f->lay->path, (int)xmlGetLineNo(n), 0 };

	gt_msg(GT_E_LAYOUT, &loc, "%s '%s'", what, path);
	f->failed = 1;
}

/* The value at a dotted path, or NULL if some name is found nowhere. */
static json_t *
lookup(const struct scope *s, const char *path)
{
	const char	*dot, *p;
	char		 key[128];
	json_t		*v = NULL;
	size_t		 len;

	if (strcmp(path, ".") == 0)
		return s->v;
	dot = strchr(path, '.');
	len = dot != NULL ? (size_t)(dot - path) : strlen(path);
	if (len == 0 || len >= sizeof(key))
		return NULL;
	memcpy(key, path, len);
	key[len] = '\0';
	for (; s != NULL && v == NULL; s = s->up)
		if (json_is_object(s->v))
			v = json_object_get(s->v, key);
	for (p = dot; v != NULL && p != NULL; p = dot) {
		p++;
		dot = strchr(p, '.');
		len = dot != NULL ? (size_t)(dot - p) : strlen(p);
		if (len == 0 || len >= sizeof(key))
			return NULL;
		memcpy(key, p, len);
		key[len] = '\0';
		v = json_is_object(v) ? json_object_get(v, key) : NULL;
	}
	return v;
}

static int
truthy(const json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT:
		return json_object_size(v) > 0;
	case JSON_ARRAY:
		return json_array_size(v) > 0;
	case JSON_STRING:
		return json_string_length(v) > 0;
	case JSON_INTEGER:
		return json_integer_value(v) != 0;
	case JSON_REAL:
		return json_real_value(v) != 0;
	case JSON_TRUE:
		return 1;
	default:
		return 0;
	}
}

/* The value as text, into buf if it must be made; NULL for null. */
static const char *
text_of(const json_t *v, char *buf, size_t sz)
{
	switch (json_typeof(v)) {
	case JSON_STRING:
		return json_string_value(v);
	case JSON_INTEGER:
		snprintf(buf, sz, "%lld", (long long)json_integer_value(v));
		return buf;
	case JSON_REAL:
		snprintf(buf, sz, "%g", json_real_value(v));
		return buf;
	case JSON_TRUE:
		return "true";
	case JSON_FALSE:
		return "false";
	default:
		return NULL;
	}
}

static struct cattr *
wfind(struct wattrs *w, const char *name)
{
	size_t	 i;

	for (i = 0; i < w->n; i++)
		if (strcmp(w->v[i].name, name) == 0)
			return &w->v[i];
	return NULL;
}

static void
wremove(struct wattrs *w, struct cattr *a)
{
	memmove(a, a + 1, (size_t)(&w->v[w->n] - (a + 1)) * sizeof(*a));
	w->n--;
}

/* Take attribute name off; its value ("" if written without), or NULL. */
static const char *
take(struct wattrs *w, const char *name)
{
	struct cattr	*a = wfind(w, name);
	const char	*v;

	if (a == NULL)
		return NULL;
	v = a->value != NULL ? a->value : "";
	wremove(w, a);
	return v;
}

/* xmlSetProp: the value replaced where it stands, or added last. */
static void
wset(struct wattrs *w, const char *name, const char *value)
{
	struct cattr	*a = wfind(w, name);
	char		*own = gt_xstrdup(value);

	*GT_PUSH(w->own, w->nown, w->capown) = own;
	if (a == NULL) {
		a = GT_PUSH(w->v, w->n, w->cap);
		a->name = name;
	}
	a->value = own;
}

static void
wunset(struct wattrs *w, const char *name)
{
	struct cattr	*a = wfind(w, name);

	if (a != NULL)
		wremove(w, a);
}

static void
wcopy(struct wattrs *w, const struct cattr *v, size_t n)
{
	memset(w, 0, sizeof(*w));
	w->v = gt_xgrow(NULL, &w->cap, n + 2, sizeof(*w->v));
	memcpy(w->v, v, n * sizeof(*v));
	w->n = n;
}

static void
wfree(struct wattrs *w)
{
	size_t	 i;

	for (i = 0; i < w->nown; i++)
		free(w->own[i]);
	free(w->own);
	free(w->v);
}

static int
is_relative(const char *u)
{
	const char	*p;

	if (*u == '\0' || *u == '#' || *u == '/' || *u == '?')
		return 0;
	/* A scheme is letters, digits, '+', '-' or '.' before a ':'. */
	for (p = u; *p != '\0' && *p != '/' && *p != '?' && *p != '#'; p++)
		if (*p == ':')
			return 0;
	return 1;
}

/* Links written in the layout are relative to the site root. */
static void
rebase(struct fill *f, struct wattrs *w)
{
	static const char *const names[] = { "href", "src" };
	struct cattr	*a;
	char		*nv;
	size_t		 i;

	if (f->root[0] == '\0')
		return;
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if ((a = wfind(w, names[i])) != NULL && a->value != NULL &&
		    is_relative(a->value)) {
			nv = gt_xasprintf("%s%s", f->root, a->value);
			*GT_PUSH(w->own, w->nown, w->capown) = nv;
			a->value = nv;
		}
}

static void
do_attrs(struct fill *f, xmlNodePtr n, struct wattrs *w,
    const struct scope *s)
{
	struct cattr	*v = NULL;
	const char	*text;
	json_t		*j;
	char		 buf[64];
	size_t		 i, k = 0, cap = 0;

	/* Taken off first: setting one may replace an attribute after it. */
	for (i = 0; i < w->n;)
		if (strncmp(w->v[i].name, "data-attr-", 10) == 0 &&
		    w->v[i].name[10] != '\0') {
			*GT_PUSH(v, k, cap) = w->v[i];
			wremove(w, &w->v[i]);
		} else
			i++;
	for (i = 0; i < k; i++) {
		text = v[i].value != NULL ? v[i].value : "";
		j = lookup(s, text);
		if (j == NULL)
			fail(f, n, "no such name", text);
		else if ((text = text_of(j, buf, sizeof(buf))) != NULL &&
		    !json_is_false(j))
			wset(w, v[i].name + 10, text);
		else
			wunset(w, v[i].name + 10);
	}
	free(v);
}

/* id, url(#id) and #id made "PREFIXid", so many SVGs share one page. */
static void
svg_ids(xmlNodePtr n, const char *prefix)
{
	xmlAttrPtr	 a;
	xmlChar		*v;
	struct gt_buf	 b = { 0 };
	const char	*p, *q;

	for (a = n->properties; a != NULL; a = a->next) {
		a->ns = NULL;		/* xlink:href is href in HTML */
		if ((v = xmlNodeGetContent((xmlNodePtr)a)) == NULL)
			continue;
		gt_buf_reset(&b);
		if (xmlStrcmp(a->name, (const xmlChar *)"id") == 0)
			gt_buf_printf(&b, "%s%s", prefix, (const char *)v);
		else if (v[0] == '#' &&
		    xmlStrcmp(a->name, (const xmlChar *)"href") == 0)
			gt_buf_printf(&b, "#%s%s", prefix, (const char *)v + 1);
		else if (strstr((const char *)v, "url(#") != NULL)
			for (p = (const char *)v; *p != '\0'; p = q + 5) {
				if ((q = strstr(p, "url(#")) == NULL) {
					gt_buf_puts(&b, p);
					break;
				}
				gt_buf_add(&b, p, (size_t)(q - p));
				gt_buf_printf(&b, "url(#%s", prefix);
			}
		if (b.len > 0)
			xmlSetProp(n, a->name, (const xmlChar *)b.data);
		xmlFree(v);
	}
	gt_buf_free(&b);
}

/* Strip namespaces (HTML knows SVG by name) and prefix ids, depth first. */
static void
svg_adopt(xmlNodePtr n, const char *prefix)
{
	xmlNodePtr	 c;

	for (c = n->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			svg_adopt(c, prefix);
	n->ns = NULL;
	svg_ids(n, prefix);
	/* After the children: they may have used these. */
	if (n->nsDef != NULL) {
		xmlFreeNsList(n->nsDef);
		n->nsDef = NULL;
	}
}

/*
 * The SVG charts draw (chart_svg.c) use a small part of XML: elements,
 * attributes in quotes and text, no ids to prefix. svg_direct writes the
 * drawing of such an image as put_node would write its parsed tree,
 * without building one: the tree was a twentieth of a build. Anything
 * else, including anything that is not well-formed, returns -1 for
 * libxml2 to read (and to report).
 */
#define SVG_DEPTH	32

/* XML's white space and name bytes (ASCII, whatever the locale). */
static int
xml_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int
xml_name_start(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static int
svg_name(const char **sp, char *name, size_t sz)
{
	const char	*s = *sp;
	size_t		 n = 0;

	if (!xml_name_start(*s))
		return -1;
	while (xml_name_start(s[n]) || (s[n] >= '0' && s[n] <= '9') ||
	    s[n] == '-' || s[n] == '.')
		n++;
	if (n >= sz || s[n] == ':')
		return -1;
	memcpy(name, s, n);
	name[n] = '\0';
	*sp = s + n;
	return 0;
}

/* Text up to stop, its five entities replaced, into out (reset first). */
static int
svg_chars(const char **sp, int stop, struct gt_buf *out)
{
	static const char *const ents[] = { "amp;&", "lt;<", "gt;>",
	    "quot;\"", "apos;'" };
	const char	*s = *sp, *run = s;
	size_t		 i, n;

	gt_buf_reset(out);
	for (; *s != stop; s++) {
		/* What XML forbids, and what it would change (\r, attribute
		 * values' white space): libxml2's to report or to do. */
		if (((unsigned char)*s < 0x20 && *s != '\t' && *s != '\n') ||
		    *s == '<' || (stop != '<' && (*s == '\t' || *s == '\n')) ||
		    (*s == ']' && strncmp(s, "]]>", 3) == 0) ||
		    strncmp(s, "\xef\xbf\xbe", 3) == 0 ||
		    strncmp(s, "\xef\xbf\xbf", 3) == 0)
			return -1;
		if (*s != '&')
			continue;
		gt_buf_add(out, run, (size_t)(s - run));
		for (i = 0; i < sizeof(ents) / sizeof(ents[0]); i++) {
			n = strlen(ents[i]) - 1;
			if (strncmp(s + 1, ents[i], n) == 0)
				break;
		}
		if (i == sizeof(ents) / sizeof(ents[0]))
			return -1;
		gt_buf_putc(out, ents[i][n]);
		s += n;
		run = s + 1;
	}
	gt_buf_add(out, run, (size_t)(s - run));
	*sp = s;
	return 0;
}

/*
 * The attributes of the start tag at *sp, up to its '>' or "/>" (*empty
 * set): written to out unless root, where only viewBox is kept.
 */
static int
svg_attrs(struct gt_tmpl *t, const char **sp, const char *el, int root,
    struct gt_buf *out, char **viewbox, int *empty)
{
	char		 names[16][32], name[32];
	const char	*s = *sp;
	size_t		 n = 0, i;
	int		 q;

	for (;;) {
		if (!xml_space(*s)) {
			if (*s == '>' || (*s == '/' && s[1] == '>'))
				break;
			return -1;
		}
		while (xml_space(*s))
			s++;
		if (*s == '>' || (*s == '/' && s[1] == '>'))
			break;
		/* The root's own namespace: HTML knows SVG by name. */
		if (root && strncmp(s, "xmlns", 5) == 0 &&
		    (s[5] == '=' || xml_space(s[5]))) {
			strcpy(name, "xmlns");
			s += 5;
		} else if (svg_name(&s, name, sizeof(name)) == -1 ||
		    strncmp(name, "xmlns", 5) == 0)
			return -1;
		for (i = 0; i < n; i++)
			if (strcmp(names[i], name) == 0)
				return -1;
		if (n == sizeof(names) / sizeof(names[0]))
			return -1;
		strcpy(names[n++], name);
		while (xml_space(*s))
			s++;
		if (*s++ != '=')
			return -1;
		while (xml_space(*s))
			s++;
		if ((q = *s++) != '"' && q != '\'')
			return -1;
		if (svg_chars(&s, q, &t->svgtext) == -1)
			return -1;
		s++;
		if (strcmp(name, "id") == 0 || strcmp(name, "href") == 0 ||
		    strstr(t->svgtext.data, "url(#") != NULL)
			return -1;	/* ids to prefix: libxml2's tree */
		if (!root)
			put_attr_value(out, el, name, t->svgtext.data, 0);
		else if (strcmp(name, "viewBox") == 0) {
			free(*viewbox);
			*viewbox = gt_xstrdup(t->svgtext.data);
		}
	}
	*empty = *s == '/';
	*sp = s + (*empty ? 2 : 1);
	return 0;
}

static int
svg_direct(struct gt_tmpl *t, const char *s, struct gt_buf *out,
    char **viewbox, size_t *kids)
{
	struct {
		char			 name[32];
		const htmlElemDesc	*info;
		size_t			 body, kids;
	} st[SVG_DEPTH];
	static const char *const decls[] = {
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
		"<?xml version=\"1.0\"?>"
	};
	size_t		 depth = 0, len = strlen(s), i;
	int		 empty;

	*viewbox = NULL;
	*kids = 0;
	if (gt_utf8_check(s, len, &(int){ 0 }, &(int){ 0 }) == -1)
		return -1;
	for (i = 0; i < sizeof(decls) / sizeof(decls[0]); i++)
		if (strncmp(s, decls[i], strlen(decls[i])) == 0) {
			s += strlen(decls[i]);
			break;
		}
	while (xml_space(*s))
		s++;
	if (strncmp(s, "<svg", 4) != 0)
		goto fail;
	s += 4;
	if (svg_attrs(t, &s, "svg", 1, out, viewbox, &empty) == -1 || empty)
		goto fail;
	for (;;) {
		if (*s != '<') {
			if (svg_chars(&s, '<', &t->svgtext) == -1)
				goto fail;
			put_escaped(out, t->svgtext.data, 0);
			*(depth > 0 ? &st[depth - 1].kids : kids) += 1;
			continue;
		}
		if (s[1] == '/') {
			s += 2;
			if (depth == 0) {
				if (strncmp(s, "svg>", 4) != 0)
					goto fail;
				s += 4;
				break;
			}
			depth--;
			len = strlen(st[depth].name);
			if (strncmp(s, st[depth].name, len) != 0 ||
			    s[len] != '>')
				goto fail;
			s += len + 1;
			put_end(out, (const xmlChar *)st[depth].name,
			    st[depth].info, st[depth].kids, st[depth].body);
			continue;
		}
		if (depth == SVG_DEPTH)
			goto fail;
		s++;
		if (svg_name(&s, st[depth].name, sizeof(st[depth].name)) ==
		    -1 || is_raw((const xmlChar *)st[depth].name))
			goto fail;
		*(depth > 0 ? &st[depth - 1].kids : kids) += 1;
		st[depth].info = tag_info(t, (const xmlChar *)st[depth].name);
		gt_buf_putc(out, '<');
		gt_buf_puts(out, st[depth].name);
		if (svg_attrs(t, &s, st[depth].name, 0, out, viewbox,
		    &empty) == -1)
			goto fail;
		gt_buf_putc(out, '>');
		st[depth].body = out->len;
		st[depth].kids = 0;
		if (empty)
			put_end(out, (const xmlChar *)st[depth].name,
			    st[depth].info, 0, st[depth].body);
		else
			depth++;
	}
	while (xml_space(*s))
		s++;
	if (*s == '\0')
		return 0;
fail:
	free(*viewbox);
	*viewbox = NULL;
	gt_buf_reset(out);
	return -1;
}

/*
 * The drawing of the SVG image for the layout's <svg> n, written to out
 * as its content (raw: in a raw text element) of *kids nodes, the
 * image's viewBox set on w; -1 if none (a failure, or null).
 */
static int
do_svg(struct fill *f, xmlNodePtr n, struct wattrs *w, const json_t *j,
    const char *path, int raw, struct gt_buf *out, size_t *kids)
{
	xmlDocPtr	 doc;
	xmlNodePtr	 root, c;
	char		*vb = NULL;
	const char	*text;
	char		 prefix[32], *made = NULL;
	int		 rc = -1;

	gt_buf_reset(out);
	if (json_is_null(j))
		return -1;
	if (!json_is_string(j)) {
		fail(f, n, "data-svg needs an SVG image:", path);
		return -1;
	}
	text = json_string_value(j);
	if (*text != '<' && (f->t->svg == NULL ||
	    (text = made = f->t->svg(f->t->svg_ctx, text)) == NULL)) {
		fail(f, n, "no SVG image for", json_string_value(j));
		return -1;
	}
	++f->nsvg;
	if (!raw && svg_direct(f->t, text, out, &vb, kids) == 0) {
		rc = 0;
		goto out;
	}
	doc = xmlReadMemory(text, (int)strlen(text), NULL, "UTF-8",
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	root = doc != NULL ? xmlDocGetRootElement(doc) : NULL;
	if (root == NULL || xmlStrcmp(root->name, (const xmlChar *)"svg")) {
		fail(f, n, "data-svg needs an SVG image:", path);
		xmlFreeDoc(doc);
		goto out;
	}
	vb = (char *)xmlGetProp(root, (const xmlChar *)"viewBox");
	snprintf(prefix, sizeof(prefix), "svg%d-", f->nsvg);
	for (c = root->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			svg_adopt(c, prefix);
	*kids = put_nodes(f->t, out, root->children, raw);
	xmlFreeDoc(doc);
	rc = 0;
out:
	if (vb != NULL) {
		wunset(w, "viewbox");
		wset(w, "viewBox", vb);
	}
	free(vb);
	free(made);
	return rc;
}

static size_t	render_list(struct fill *, const struct clist *,
		    const struct scope *, enum at);

static size_t
do_include(struct fill *f, const struct cnode *e, const struct scope *s,
    const char *name, enum at at)
{
	xmlNodePtr		 n = e->el;
	const struct layout	*inc, *was = f->lay;
	struct gt_loc		 loc = { f->lay->path, (int)xmlGetLineNo(n), 0 };
	size_t			 k;
	int			 head;

	if (f->depth >= MAX_INCLUDE_DEPTH) {
		fail(f, n, "includes nested too deep at", name);
		return 0;
	}
	if ((inc = layout_get(f->t, name, &loc)) == NULL) {
		f->failed = 1;
		return 0;
	}
	/* A <head> takes the partial's head, anything else its body. */
	head = xmlStrcmp(n->name, (const xmlChar *)"head") == 0;
	if (!inc->has_part[head])
		return 0;
	f->lay = inc;
	f->depth++;
	k = render_list(f, &inc->part[head][e->raw], s, at);
	f->depth--;
	f->lay = was;
	return k;
}

/*
 * The <meta> libxml2 looks for: the first in the <head> that has
 * http-equiv="Content-Type" and a content, which it makes say UTF-8.
 */
static void
meta_check(struct fill *f, struct wattrs *w)
{
	const char	*content = NULL;
	size_t		 i;
	int		 http = 0;

	for (i = 0; i < w->n && !(http && content != NULL); i++) {
		if (w->v[i].value == NULL)
			continue;
		if (xmlStrcasecmp((const xmlChar *)w->v[i].name,
		    (const xmlChar *)"http-equiv") == 0 &&
		    xmlStrcasecmp((const xmlChar *)w->v[i].value,
		    (const xmlChar *)"Content-Type") == 0)
			http = 1;
		else if (xmlStrcasecmp((const xmlChar *)w->v[i].name,
		    (const xmlChar *)"content") == 0)
			content = w->v[i].value;
	}
	if (!http || content == NULL)
		return;
	f->meta = META_DONE;
	if (xmlStrcasestr((const xmlChar *)content,
	    (const xmlChar *)"UTF-8") == NULL)
		wset(w, "content", CONTENT_TYPE);
}

/* The place of element e's children, following the <meta>'s way. */
static enum at
place(struct fill *f, const struct cnode *e, enum at at)
{
	if (at == AT_DOC && f->meta == META_HTML &&
	    xmlStrcasecmp(e->el->name, (const xmlChar *)"html") == 0) {
		f->meta = META_HEAD;
		return AT_HTML;
	}
	if (at == AT_HTML && f->meta == META_HEAD &&
	    xmlStrcasecmp(e->el->name, (const xmlChar *)"head") == 0) {
		f->meta = META_SEEK;
		f->meta_at = AT_HEAD;
		return AT_HEAD;
	}
	if (at == AT_HTML && f->meta == META_HEAD &&
	    xmlStrcasecmp(e->el->name, (const xmlChar *)"meta") == 0) {
		f->meta = META_SEEK;
		f->meta_at = AT_HTML;
	}
	return AT_OTHER;
}

/* After the content (k nodes) of element e, placed in, from body on. */
static void
finish(struct fill *f, const struct cnode *e, enum at in, size_t k,
    size_t body)
{
	struct gt_buf	*b = f->out;
	size_t		 len = sizeof(META_CONTENT_TYPE) - 1;

	if (in != AT_OTHER && f->meta == META_SEEK && f->meta_at == in) {
		/* None there: libxml2 adds one first. */
		gt_buf_add(b, META_CONTENT_TYPE, len);
		memmove(b->data + body + len, b->data + body,
		    b->len - len - body);
		memcpy(b->data + body, META_CONTENT_TYPE, len);
		k++;
		f->meta = META_DONE;
	} else if (in == AT_HTML && f->meta == META_HEAD)
		f->meta = META_DONE;	/* an <html> without a <head> */
	put_end(b, e->el->name, e->info, k, body);
}

/* Element e with its attributes as w has them (freed), after data-each. */
static size_t
fill_elem(struct fill *f, const struct cnode *e, struct wattrs *w,
    const struct scope *s, enum at at)
{
	struct gt_buf	*b = f->out;
	xmlNodePtr	 n = e->el, root;
	json_t		*j = NULL;
	const char	*v, *text = NULL;
	char		 buf[64];
	size_t		 i, k = 0, body, svgkids = 0;
	int		 keep, neg = 0;
	enum at		 in;
	enum { CHILDREN, INCLUDE, TEXT, SVG, MD } what = CHILDREN;

	if ((v = take(w, "data-if")) == NULL &&
	    (v = take(w, "data-unless")) != NULL)
		neg = 1;
	if (v != NULL) {
		keep = 1;
		if ((j = lookup(s, v)) == NULL)
			fail(f, n, "no such name", v);
		else
			keep = truthy(j) != neg;
		if (!keep) {
			wfree(w);
			return 0;
		}
	}
	rebase(f, w);
	do_attrs(f, n, w, s);
	if ((v = take(w, "data-include")) != NULL)
		what = INCLUDE;
	else if ((v = take(w, "data-text")) != NULL) {
		if ((j = lookup(s, v)) == NULL)
			fail(f, n, "no such name", v);
		else {
			what = TEXT;
			text = text_of(j, buf, sizeof(buf));
		}
	} else if ((v = take(w, "data-svg")) != NULL) {
		if ((j = lookup(s, v)) == NULL)
			fail(f, n, "no such name", v);
		else if (do_svg(f, n, w, j, v, e->raw, &f->t->svgout,
		    &svgkids) == 0)
			what = SVG;
	} else if ((v = take(w, "data-md")) != NULL) {
		if ((j = lookup(s, v)) == NULL)
			fail(f, n, "no such name", v);
		else
			what = MD;
	}
	in = place(f, e, at);
	if (f->meta == META_SEEK && at == f->meta_at &&
	    xmlStrcasecmp(n->name, (const xmlChar *)"meta") == 0)
		meta_check(f, w);
	gt_buf_putc(b, '<');
	gt_buf_puts(b, (const char *)n->name);
	for (i = 0; i < w->n; i++)
		put_attr_value(b, (const char *)n->name, w->v[i].name,
		    w->v[i].value, 0);
	gt_buf_putc(b, '>');
	body = b->len;
	switch (what) {
	case INCLUDE:
		k = do_include(f, e, s, v, in);
		break;
	case TEXT:
		if (text != NULL) {
			if (e->raw)
				gt_buf_puts(b, text);
			else
				put_escaped(b, text, 0);
			k = 1;
		}
		break;
	case SVG:
		gt_buf_add(b, f->t->svgout.data, f->t->svgout.len);
		k = svgkids;
		break;
	case MD:
		if (json_is_integer(j) && json_integer_value(j) >= 0 &&
		    (size_t)json_integer_value(j) < f->nbodies) {
			root = xmlDocGetRootElement(f->t->scratch);
			gt_md_html(root, f->bodies[json_integer_value(j)]);
			k = put_nodes(f->t, b, root->children, e->raw);
			xmlFreeNodeList(root->children);
			root->children = root->last = NULL;
		}
		break;
	case CHILDREN:
		k = render_list(f, &e->kids, s, in);
		break;
	}
	finish(f, e, in, k, body);
	wfree(w);
	return 1;
}

static size_t
render_elem(struct fill *f, const struct cnode *e, const struct scope *s,
    enum at at)
{
	struct wattrs	 w, item;
	struct scope	 in;
	json_t		*arr;
	const char	*path;
	size_t		 i, k = 0, body;

	if (e->stag != NULL) {
		gt_buf_add(f->out, e->stag, e->stag_len);
		body = f->out->len;
		put_end(f->out, e->el->name, e->info,
		    render_list(f, &e->kids, s, AT_OTHER), body);
		return 1;
	}
	wcopy(&w, e->attrs, e->nattrs);
	if ((path = take(&w, "data-each")) == NULL)
		return fill_elem(f, e, &w, s, at);
	arr = lookup(s, path);
	if (arr == NULL)
		fail(f, e->el, "no such name", path);
	else if (!json_is_array(arr) && !json_is_null(arr))
		fail(f, e->el, "data-each needs a list:", path);
	else
		for (i = 0; i < json_array_size(arr); i++) {
			wcopy(&item, w.v, w.n);
			in.v = json_array_get(arr, i);
			in.up = s;
			k += fill_elem(f, e, &item, &in, at);
		}
	wfree(&w);
	return k;
}

/* The nodes of l; returns how many the page has for them. */
static size_t
render_list(struct fill *f, const struct clist *l, const struct scope *s,
    enum at at)
{
	size_t	 i, k = 0;

	for (i = 0; i < l->n; i++)
		if (l->v[i].bytes != NULL) {
			gt_buf_add(f->out, l->v[i].bytes, l->v[i].len);
			k++;
		} else
			k += render_elem(f, &l->v[i], s, at);
	return k;
}

int
gt_tmpl_render(struct gt_tmpl *t, const char *name, json_t *data,
    cmark_node *const *bodies, size_t nbodies, struct gt_buf *out)
{
	const struct layout	*lay;
	struct fill		 f;
	struct scope		 top = { data, NULL };
	json_t			*root;
	size_t			 start = out->len;

	if ((lay = layout_get(t, name, NULL)) == NULL)
		return -1;
	memset(&f, 0, sizeof(f));
	f.t = t;
	f.lay = lay;
	f.bodies = bodies;
	f.nbodies = nbodies;
	root = json_object_get(data, "root");
	f.root = json_is_string(root) ? json_string_value(root) : "";
	f.out = out;
	f.meta = META_HTML;
	gt_buf_puts(out, lay->doctype);
	render_list(&f, &lay->top, &top, AT_DOC);
	gt_buf_putc(out, '\n');
	if (!f.failed)
		return 0;
	out->len = start;
	out->data[start] = '\0';
	return -1;
}
