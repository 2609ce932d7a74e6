/*
 * tmpl_fill.c: layouts filled with a page's data (vocabulary in tmpl.h),
 * written as libxml2's HTML serializer (2.9, no formatting) wrote the
 * tree the data made when pages were built as trees: escaping, end tags,
 * the Content-Type <meta> it adds (html_write.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "md_html.h"
#include "svg_inline.h"
#include "tmpl_int.h"

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
	struct gt_diag		*diag;		/* where its problems go */
	const struct layout	*lay;		/* for messages */
	cmark_node *const	*bodies;
	size_t			 nbodies;
	const char		*root;		/* "../" for the page's depth */
	struct gt_buf		*out;
	int			 depth;		/* of includes */
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

static size_t	render_list(struct fill *, const struct clist *,
		    const struct scope *, enum at);

static void
fail(struct fill *f, xmlNodePtr n, const char *what, const char *path)
{
	struct gt_loc	 loc = { f->lay->path, (int)xmlGetLineNo(n), 0 };

	gt_msg(f->diag, GT_E_LAYOUT, &loc, "%s '%s'", what, path);
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

/*
 * The drawing of the chart image (svg_inline.h) for the layout's <svg> n,
 * into out, its viewBox set on w; *kids the drawing's top-level nodes.
 * The value is the image made ready, or a name the svg source gives it
 * for; -1 if none (a failure, or null).
 */
static int
do_svg(struct fill *f, xmlNodePtr n, struct wattrs *w, const json_t *j,
    const char *path, int raw, struct gt_buf *out, size_t *kids)
{
	const char	*text, *body;
	char		*made = NULL, *vb = NULL;
	int		 rc = -1;

	gt_buf_reset(out);
	if (json_is_null(j))
		return -1;
	if (!json_is_string(j) || raw) {
		fail(f, n, "data-svg needs a chart and an <svg> to put it in:",
		    path);
		return -1;
	}
	text = json_string_value(j);
	/* A name is one line: an image ready to inline has three. */
	if (strchr(text, '\n') == NULL && (f->t->svg == NULL ||
	    (text = made = f->t->svg(f->t->svg_ctx, text)) == NULL)) {
		fail(f, n, "no SVG image for", json_string_value(j));
		return -1;
	}
	if (gt_svg_parts(text, &vb, kids, &body) == -1) {
		fail(f, n, "data-svg needs a chart:", path);
		goto out;
	}
	gt_buf_puts(out, body);
	if (vb != NULL) {
		wunset(w, "viewbox");
		wset(w, "viewBox", vb);
	}
	rc = 0;
out:
	free(vb);
	free(made);
	return rc;
}

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
	if ((inc = gt_tmpl_layout(f->t, name, &loc, f->diag)) == NULL) {
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
	gt_html_end(b, e->el->name, e->info, k, body);
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
		gt_html_attr(b, (const char *)n->name, w->v[i].name,
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
				gt_html_escaped(b, text, 0);
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
			k = gt_html_nodes(f->t->html, b, root->children, e->raw);
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
		gt_html_end(f->out, e->el->name, e->info,
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
    cmark_node *const *bodies, size_t nbodies, struct gt_buf *out,
    struct gt_diag *diag)
{
	const struct layout	*lay;
	struct fill		 f;
	struct scope		 top = { data, NULL };
	json_t			*root;
	size_t			 start = out->len;

	if ((lay = gt_tmpl_layout(t, name, NULL, diag)) == NULL)
		return -1;
	memset(&f, 0, sizeof(f));
	f.t = t;
	f.diag = diag;
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

