/* tmpl.c: fill HTML layouts through libxml2's tree (vocabulary in tmpl.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/parser.h>
#include <libxml/xmlsave.h>

#include "diag.h"
#include "md_html.h"
#include "tmpl.h"

struct layout {
	char		*name;
	char		*path;
	htmlDocPtr	 doc;		/* NULL: could not be read */
};

struct gt_tmpl {
	char		*dir;
	struct layout	*v;
	size_t		 n, cap;
	gt_tmpl_svg_fn	 svg;		/* see gt_tmpl_svg_source */
	void		*svg_ctx;
};

/* The chain of items a path is looked up in, innermost first. */
struct scope {
	json_t			*v;
	const struct scope	*up;
};

/* One render's state. */
struct fill {
	struct gt_tmpl		*t;
	const struct layout	*lay;		/* for messages */
	cmark_node *const	*bodies;
	size_t			 nbodies;
	const char		*root;		/* "../" for the page's depth */
	int			 depth;		/* of includes */
	int			 nsvg;		/* inline SVGs so far */
	int			 failed;
};

#define MAX_INCLUDE_DEPTH	8

struct gt_tmpl *
gt_tmpl_new(const char *dir)
{
	struct gt_tmpl	*t = gt_xcalloc(1, sizeof(*t));

	t->dir = gt_xstrdup(dir);
	return t;
}

void
gt_tmpl_svg_source(struct gt_tmpl *t, gt_tmpl_svg_fn fn, void *ctx)
{
	t->svg = fn;
	t->svg_ctx = ctx;
}

void
gt_tmpl_free(struct gt_tmpl *t)
{
	size_t	 i;

	if (t == NULL)
		return;
	for (i = 0; i < t->n; i++) {
		free(t->v[i].name);
		free(t->v[i].path);
		if (t->v[i].doc != NULL)
			xmlFreeDoc(t->v[i].doc);
	}
	free(t->v);
	free(t->dir);
	free(t);
}

static const struct layout *
layout_get(struct gt_tmpl *t, const char *name, const struct gt_loc *from)
{
	struct layout	*l;
	struct gt_loc	 loc;
	size_t		 i;

	for (i = 0; i < t->n; i++)
		if (strcmp(t->v[i].name, name) == 0)
			return t->v[i].doc != NULL ? &t->v[i] : NULL;
	l = GT_PUSH(t->v, t->n, t->cap);
	l->name = gt_xstrdup(name);
	l->path = gt_xasprintf("%s/%s", t->dir, name);
	l->doc = NULL;
	/* Tested first: libxml2 would print its own message for a missing file. */
	if (strstr(name, "..") == NULL && strchr(name, '/') == NULL &&
	    access(l->path, R_OK) == 0)
		l->doc = htmlReadFile(l->path, "UTF-8", HTML_PARSE_NOERROR |
		    HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
	if (l->doc == NULL || xmlDocGetRootElement(l->doc) == NULL) {
		if (from != NULL)
			loc = *from;
		else {
			loc.file = l->path;
			loc.line = loc.col = 0;
		}
		gt_msg(GT_E_LAYOUT, &loc, "cannot read layout '%s'", l->path);
		return NULL;
	}
	return l;
}

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

/* Take attribute name off n; returns its value (xmlFree) or NULL. */
static xmlChar *
take(xmlNodePtr n, const char *name)
{
	xmlChar	*v = xmlGetProp(n, (const xmlChar *)name);

	if (v != NULL)
		xmlUnsetProp(n, (const xmlChar *)name);
	return v;
}

static void
clear_children(xmlNodePtr n)
{
	xmlNodePtr	 c, next;

	for (c = n->children; c != NULL; c = next) {
		next = c->next;
		xmlUnlinkNode(c);
		xmlFreeNode(c);
	}
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
rebase(struct fill *f, xmlNodePtr n)
{
	static const char *const attrs[] = { "href", "src" };
	xmlChar		*v;
	char		*nv;
	size_t		 i;

	if (f->root[0] == '\0')
		return;
	for (i = 0; i < sizeof(attrs) / sizeof(attrs[0]); i++) {
		v = xmlGetProp(n, (const xmlChar *)attrs[i]);
		if (v != NULL && is_relative((const char *)v)) {
			nv = gt_xasprintf("%s%s", f->root, (const char *)v);
			xmlSetProp(n, (const xmlChar *)attrs[i],
			    (const xmlChar *)nv);
			free(nv);
		}
		xmlFree(v);
	}
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

/* The layout's <svg> n takes the drawing of an SVG file's text. */
static void
do_svg(struct fill *f, xmlNodePtr n, const json_t *j, const char *path)
{
	xmlDocPtr	 doc;
	xmlNodePtr	 root, c, copy;
	xmlChar		*vb;
	const char	*text;
	char		 prefix[32], *made = NULL;

	clear_children(n);
	if (json_is_null(j))
		return;
	if (!json_is_string(j)) {
		fail(f, n, "data-svg needs an SVG image:", path);
		return;
	}
	text = json_string_value(j);
	if (*text != '<' && (f->t->svg == NULL ||
	    (text = made = f->t->svg(f->t->svg_ctx, text)) == NULL)) {
		fail(f, n, "no SVG image for", json_string_value(j));
		return;
	}
	doc = xmlReadMemory(text, (int)strlen(text), NULL, "UTF-8",
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	free(made);
	if (doc == NULL) {
		fail(f, n, "data-svg needs an SVG image:", path);
		return;
	}
	root = xmlDocGetRootElement(doc);
	if (root == NULL || xmlStrcmp(root->name, (const xmlChar *)"svg")) {
		fail(f, n, "data-svg needs an SVG image:", path);
		xmlFreeDoc(doc);
		return;
	}
	if ((vb = xmlGetProp(root, (const xmlChar *)"viewBox")) != NULL) {
		xmlUnsetProp(n, (const xmlChar *)"viewbox");
		xmlSetProp(n, (const xmlChar *)"viewBox", vb);
		xmlFree(vb);
	}
	snprintf(prefix, sizeof(prefix), "svg%d-", ++f->nsvg);
	for (c = root->children; c != NULL; c = c->next) {
		copy = xmlDocCopyNode(c, n->doc, 1);
		if (copy->type == XML_ELEMENT_NODE)
			svg_adopt(copy, prefix);
		xmlAddChild(n, copy);
	}
	xmlFreeDoc(doc);
}

static void	fill_node(struct fill *, xmlNodePtr, const struct scope *);

static void
fill_children(struct fill *f, xmlNodePtr n, const struct scope *s)
{
	xmlNodePtr	 c, next;

	for (c = n->children; c != NULL; c = next) {
		next = c->next;
		if (c->type == XML_ELEMENT_NODE)
			fill_node(f, c, s);
	}
}

static void
do_each(struct fill *f, xmlNodePtr n, const struct scope *s, xmlChar *path)
{
	json_t		*arr = lookup(s, (const char *)path);
	struct scope	 in;
	xmlNodePtr	 copy;
	size_t		 i;

	if (arr == NULL)
		fail(f, n, "no such name", (const char *)path);
	else if (!json_is_array(arr) && !json_is_null(arr))
		fail(f, n, "data-each needs a list:", (const char *)path);
	else
		for (i = 0; i < json_array_size(arr); i++) {
			copy = xmlDocCopyNode(n, n->doc, 1);
			xmlAddPrevSibling(n, copy);
			in.v = json_array_get(arr, i);
			in.up = s;
			fill_node(f, copy, &in);
		}
	xmlUnlinkNode(n);
	xmlFreeNode(n);
}

static void
do_include(struct fill *f, xmlNodePtr n, const struct scope *s,
    const char *name)
{
	const struct layout	*inc, *was = f->lay;
	struct gt_loc		 loc = { f->lay->path, (int)xmlGetLineNo(n), 0 };
	xmlNodePtr		 body, c;
	const char		*part;

	if (f->depth >= MAX_INCLUDE_DEPTH) {
		fail(f, n, "includes nested too deep at", name);
		return;
	}
	if ((inc = layout_get(f->t, name, &loc)) == NULL) {
		f->failed = 1;
		return;
	}
	clear_children(n);
	/* A <head> takes the partial's head, anything else its body. */
	part = xmlStrcmp(n->name, (const xmlChar *)"head") == 0 ?
	    "head" : "body";
	body = xmlDocGetRootElement(inc->doc);
	for (c = body->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE &&
		    xmlStrcmp(c->name, (const xmlChar *)part) == 0)
			break;
	if (c == NULL)
		return;
	for (c = c->children; c != NULL; c = c->next)
		xmlAddChild(n, xmlDocCopyNode(c, n->doc, 1));
	f->lay = inc;
	f->depth++;
	fill_children(f, n, s);
	f->depth--;
	f->lay = was;
}

static void
do_attrs(struct fill *f, xmlNodePtr n, const struct scope *s)
{
	struct set {
		xmlChar	*name, *path;
	}		*v = NULL;
	xmlAttrPtr	 a, next;
	const char	*text;
	json_t		*j;
	char		 buf[64];
	size_t		 i, k = 0, cap = 0;

	/* Taken off first: setting one may replace an attribute after it. */
	for (a = n->properties; a != NULL; a = next) {
		next = a->next;
		if (strncmp((const char *)a->name, "data-attr-", 10) != 0 ||
		    a->name[10] == '\0')
			continue;
		GT_PUSH(v, k, cap)->name = xmlStrdup(a->name + 10);
		v[k - 1].path = xmlNodeGetContent((xmlNodePtr)a);
		xmlRemoveProp(a);
	}
	for (i = 0; i < k; i++) {
		j = lookup(s, (const char *)v[i].path);
		if (j == NULL)
			fail(f, n, "no such name", (const char *)v[i].path);
		else if ((text = text_of(j, buf, sizeof(buf))) != NULL &&
		    !json_is_false(j))
			xmlSetProp(n, v[i].name, (const xmlChar *)text);
		else
			xmlUnsetProp(n, v[i].name);
		xmlFree(v[i].name);
		xmlFree(v[i].path);
	}
	free(v);
}

/* Whether n has no attribute this engine reads, as most elements. */
static int
plain(xmlNodePtr n)
{
	xmlAttrPtr	 a;

	for (a = n->properties; a != NULL; a = a->next)
		if (strncmp((const char *)a->name, "data-", 5) == 0 ||
		    xmlStrcmp(a->name, (const xmlChar *)"href") == 0 ||
		    xmlStrcmp(a->name, (const xmlChar *)"src") == 0)
			return 0;
	return 1;
}

static void
fill_node(struct fill *f, xmlNodePtr n, const struct scope *s)
{
	xmlChar		*v;
	json_t		*j;
	const char	*text;
	char		 buf[64];
	int		 keep, neg;

	if (plain(n)) {
		fill_children(f, n, s);
		return;
	}
	if ((v = take(n, "data-each")) != NULL) {
		do_each(f, n, s, v);
		xmlFree(v);
		return;
	}
	neg = 0;
	if ((v = take(n, "data-if")) == NULL &&
	    (v = take(n, "data-unless")) != NULL)
		neg = 1;
	if (v != NULL) {
		keep = 1;
		if ((j = lookup(s, (const char *)v)) == NULL)
			fail(f, n, "no such name", (const char *)v);
		else
			keep = truthy(j) != neg;
		xmlFree(v);
		if (!keep) {
			xmlUnlinkNode(n);
			xmlFreeNode(n);
			return;
		}
	}
	rebase(f, n);
	do_attrs(f, n, s);
	if ((v = take(n, "data-include")) != NULL) {
		do_include(f, n, s, (const char *)v);
		xmlFree(v);
		return;
	}
	if ((v = take(n, "data-text")) != NULL) {
		if ((j = lookup(s, (const char *)v)) == NULL)
			fail(f, n, "no such name", (const char *)v);
		else {
			clear_children(n);
			if ((text = text_of(j, buf, sizeof(buf))) != NULL)
				xmlAddChild(n, xmlNewDocText(n->doc,
				    (const xmlChar *)text));
		}
		xmlFree(v);
		return;
	}
	if ((v = take(n, "data-svg")) != NULL) {
		if ((j = lookup(s, (const char *)v)) == NULL)
			fail(f, n, "no such name", (const char *)v);
		else
			do_svg(f, n, j, (const char *)v);
		xmlFree(v);
		return;
	}
	if ((v = take(n, "data-md")) != NULL) {
		if ((j = lookup(s, (const char *)v)) == NULL)
			fail(f, n, "no such name", (const char *)v);
		else {
			clear_children(n);
			if (json_is_integer(j) && json_integer_value(j) >= 0 &&
			    (size_t)json_integer_value(j) < f->nbodies)
				gt_md_html(n,
				    f->bodies[json_integer_value(j)]);
		}
		xmlFree(v);
		return;
	}
	fill_children(f, n, s);
}

int
gt_tmpl_render(struct gt_tmpl *t, const char *name, json_t *data,
    cmark_node *const *bodies, size_t nbodies, struct gt_buf *out)
{
	const struct layout	*lay;
	struct fill		 f;
	struct scope		 top = { data, NULL };
	xmlDocPtr		 doc = NULL;
	xmlBufferPtr		 buf = NULL;
	xmlSaveCtxtPtr		 save;
	json_t			*root;
	int			 rc = -1;

	if ((lay = layout_get(t, name, NULL)) == NULL)
		goto out;
	memset(&f, 0, sizeof(f));
	f.t = t;
	f.lay = lay;
	f.bodies = bodies;
	f.nbodies = nbodies;
	root = json_object_get(data, "root");
	f.root = json_is_string(root) ? json_string_value(root) : "";
	doc = xmlCopyDoc(lay->doc, 1);
	fill_node(&f, xmlDocGetRootElement(doc), &top);
	if (f.failed)
		goto out;
	buf = xmlBufferCreate();
	save = xmlSaveToBuffer(buf, "UTF-8", XML_SAVE_AS_HTML |
	    XML_SAVE_NO_DECL);
	xmlSaveDoc(save, doc);
	xmlSaveClose(save);
	gt_buf_add(out, xmlBufferContent(buf), (size_t)xmlBufferLength(buf));
	rc = 0;
out:
	if (buf != NULL)
		xmlBufferFree(buf);
	if (doc != NULL)
		xmlFreeDoc(doc);
	return rc;
}
