/*
 * tmpl_compile.c: layouts read and compiled (see tmpl.h). A layout is
 * parsed by libxml2 once and compiled: the parts no data can change
 * become their HTML bytes (html_write.h), the rest stays elements that a
 * render fills (tmpl_fill.c).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLtree.h>

#include "tmpl_int.h"

static void	compile_list(struct gt_tmpl *, xmlNodePtr, int,
		    struct clist *);

struct gt_tmpl *
gt_tmpl_new(const char *dir)
{
	struct gt_tmpl	*t = gt_xcalloc(1, sizeof(*t));

	t->dir = gt_xstrdup(dir);
	t->html = gt_html_new();
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
			free(c->attrs[k].value);
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
		free(t->v[i]->name);
		free(t->v[i]->path);
		free(t->v[i]->doctype);
		clist_free(&t->v[i]->top);
		for (k = 0; k < 4; k++)
			clist_free(&t->v[i]->part[k / 2][k % 2]);
		if (t->v[i]->doc != NULL)
			xmlFreeDoc(t->v[i]->doc);
		free(t->v[i]);
	}
	gt_html_free(t->html);
	xmlFreeDoc(t->scratch);
	gt_buf_free(&t->svgout);
	free(t->v);
	free(t->dir);
	free(t);
}

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
	c->info = gt_html_tag(t->html, n->name);
	c->raw = gt_html_is_raw(n->name);
	if (plain(n)) {
		gt_html_stag(t->html, &b, n);
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
			gt_html_node(t->html, &run, n, raw);
			open = 1;
			continue;
		}
		end_run(l, &run, &open);
		compile_elem(t, n, GT_PUSH(l->v, l->n, l->cap));
	}
	end_run(l, &run, &open);
}

static void
compile(struct gt_tmpl *t, struct layout *l)
{
	xmlNodePtr	 c;
	int		 head;

	l->doctype = gt_html_doctype(l->doc->intSubset);
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

const struct layout *
gt_tmpl_layout(struct gt_tmpl *t, const char *name, const struct gt_loc *from,
    struct gt_diag *diag)
{
	struct layout	*l;
	struct gt_loc	 loc;
	size_t		 i, len;
	char		*data;
	int		 e = ENOENT;

	for (i = 0; i < t->n; i++)
		if (strcmp(t->v[i]->name, name) == 0)
			return t->v[i]->doc != NULL ? t->v[i] : NULL;
	/* Each its own: a render holds its layout while includes add more. */
	l = *GT_PUSH(t->v, t->n, t->cap) = gt_xcalloc(1, sizeof(*l));
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
		gt_msg(diag, GT_E_LAYOUT, &loc, "cannot read layout '%s'%s%s",
		    l->path, e != 0 ? ": " : "", e != 0 ?
		    gt_read_strerror(e) : "");
		return NULL;
	}
	compile(t, l);
	return l;
}
