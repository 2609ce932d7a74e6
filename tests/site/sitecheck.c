/* sitecheck: checks a static HTML site folder.
 *
 *   sitecheck DIR
 *
 * Walks every *.html file under DIR (sorted by path, so the output is the
 * same on every run) and reports, in GCC style (path:line[:col]: error: ...):
 *
 *   - internal references (a/area/link href, img/script/source/iframe/
 *     video/audio/track/embed src, img/source srcset, object data,
 *     video poster, svg use/image href, url(...) in style attributes and
 *     <style>) that do not resolve to a file in DIR (query and fragment
 *     stripped, percent-decoded; a directory needs an index.html; a path
 *     beginning with '/' is taken from the root of DIR);
 *   - fragments (#frag, page.html#frag) with no element of that id (or
 *     <a name>) in the target page;
 *   - references that leave DIR through '../';
 *   - assets (stylesheets and other asset <link>s, scripts, images, media,
 *     embedded objects, CSS url() and @import, so fonts too) loaded from
 *     another site (http:, https:, or scheme-relative //host); external
 *     <a href> links are allowed;
 *   - a page without a non-empty <title>, without <html lang="..."> (or,
 *     with --lang TAG, with another), or
 *     without exactly one <h1>; an <img> without an alt attribute (alt=""
 *     is allowed); an empty or duplicated id;
 *   - a heading more than one level below the one before it (<h1> then
 *     <h3>); a role="region" without a name, and aria-labelledby or
 *     aria-describedby naming no element of the page;
 *   - url(...) and @import references in CSS files that pages use, resolved
 *     against the CSS file (imported CSS files are checked too).
 *
 * Prints every problem of the run, then "sitecheck: N pages, M links,
 * K problems" on stdout. Exit status: 0 no problem, 1 problems, 2 bad usage.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE 1
#endif

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include <jansson.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#define MAX_CSS_BYTES (16L * 1024 * 1024)

/* ---- small helpers ------------------------------------------------------ */

static void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p) {
		fputs("sitecheck: out of memory\n", stderr);
		exit(2);
	}
	return p;
}

static void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p) {
		fputs("sitecheck: out of memory\n", stderr);
		exit(2);
	}
	return p;
}

static char *xstrndup(const char *s, size_t n)
{
	char *d = xmalloc(n + 1);
	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

static char *xstrdup(const char *s) { return xstrndup(s, strlen(s)); }

static char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		n = 0;
	char *s = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}

/* Push onto a growable array of elements of size sz. */
static void *grow(void *arr, size_t *cap, size_t len, size_t sz)
{
	if (len < *cap)
		return arr;
	*cap = *cap ? *cap * 2 : 16;
	return xrealloc(arr, *cap * sz);
}

static int is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Copy of s without leading and trailing ASCII whitespace. */
static char *trim_dup(const char *s)
{
	while (*s && is_space((unsigned char)*s))
		s++;
	size_t n = strlen(s);
	while (n > 0 && is_space((unsigned char)s[n - 1]))
		n--;
	return xstrndup(s, n);
}

static int ends_with_ci(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);
	return a >= b && strcasecmp(s + a - b, suffix) == 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Percent-decodes s; returns NULL if the result would hold a NUL byte. */
static char *pct_decode(const char *s)
{
	size_t n = strlen(s);
	char *d = xmalloc(n + 1), *o = d;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '%' && i + 2 < n && isxdigit((unsigned char)s[i + 1]) &&
		    isxdigit((unsigned char)s[i + 2])) {
			char hex[3] = { s[i + 1], s[i + 2], 0 };
			int v = (int)strtol(hex, NULL, 16);
			if (v == 0) {
				free(d);
				return NULL;
			}
			*o++ = (char)v;
			i += 2;
		} else {
			*o++ = s[i];
		}
	}
	*o = '\0';
	return d;
}

/* ---- problems ----------------------------------------------------------- */

typedef struct {
	char *path;
	long line;
	long col;
	size_t seq;
	char *msg;
} Problem;

typedef struct {
	char *root;      /* DIR as given, trailing slashes removed */
	const char *lang; /* --lang: what every <html lang> says, or NULL */
	char **pages;    /* relative paths of the *.html files, sorted */
	size_t npages;
	size_t pages_cap;
	struct PageInfo *info; /* parallel to pages */
	Problem *probs;
	size_t nprobs, probs_cap;
	char **css;      /* CSS files to check (relative), in order found */
	size_t ncss, css_cap;
	long nlinks;
} Ctx;

typedef struct {
	char *name;
	long line;
} Anchor;

typedef enum { REF_NAV, REF_ASSET, REF_CSS } RefKind;

typedef struct {
	char *url;
	long line;
	long col;
	RefKind kind;
	const char *what; /* e.g. "<img src>" */
} Ref;

struct PageInfo {
	Anchor *anchors; /* ids and <a name>, sorted by name */
	size_t nanchors, anchors_cap;
	Ref *refs;
	size_t nrefs, refs_cap;
};

static void problem(Ctx *c, const char *rel, long line, long col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
static void problem(Ctx *c, const char *rel, long line, long col, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		n = 0;
	char *msg = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(msg, (size_t)n + 1, fmt, ap);
	va_end(ap);

	c->probs = grow(c->probs, &c->probs_cap, c->nprobs, sizeof *c->probs);
	Problem *p = &c->probs[c->nprobs];
	p->path = rel ? xasprintf("%s/%s", c->root, rel) : xstrdup(c->root);
	p->line = line;
	p->col = col;
	p->seq = c->nprobs;
	p->msg = msg;
	c->nprobs++;
}

static int cmp_problem(const void *a, const void *b)
{
	const Problem *x = a, *y = b;
	int r = strcmp(x->path, y->path);
	if (r)
		return r;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* ---- walking DIR -------------------------------------------------------- */

static void walk(Ctx *c, const char *rel, int depth)
{
	if (depth > 64)
		return;
	char *full = rel[0] ? xasprintf("%s/%s", c->root, rel) : xstrdup(c->root);
	DIR *d = opendir(full);
	if (!d) {
		problem(c, rel[0] ? rel : NULL, 0, 0, "cannot read folder: %s", strerror(errno));
		free(full);
		return;
	}
	struct dirent *e;
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		char *crel = rel[0] ? xasprintf("%s/%s", rel, e->d_name) : xstrdup(e->d_name);
		char *cfull = xasprintf("%s/%s", c->root, crel);
		struct stat lst, st;
		if (lstat(cfull, &lst) != 0) {
			free(crel);
			free(cfull);
			continue;
		}
		int is_link = S_ISLNK(lst.st_mode);
		if (stat(cfull, &st) != 0) {
			free(crel);
			free(cfull);
			continue;
		}
		if (S_ISDIR(st.st_mode)) {
			if (!is_link) /* symlinked folders could loop */
				walk(c, crel, depth + 1);
			free(crel);
		} else if (S_ISREG(st.st_mode) && ends_with_ci(crel, ".html")) {
			c->pages = grow(c->pages, &c->pages_cap, c->npages, sizeof *c->pages);
			c->pages[c->npages++] = crel;
		} else {
			free(crel);
		}
		free(cfull);
	}
	closedir(d);
	free(full);
}

static long page_index(const Ctx *c, const char *rel)
{
	if (!c->npages)
		return -1;
	char *const *hit = bsearch(&rel, c->pages, c->npages, sizeof *c->pages, cmp_str);
	return hit ? (long)(hit - c->pages) : -1;
}

/* ---- collecting from a page --------------------------------------------- */

static void add_ref(struct PageInfo *pi, const char *url, long line, long col, RefKind kind,
		    const char *what)
{
	pi->refs = grow(pi->refs, &pi->refs_cap, pi->nrefs, sizeof *pi->refs);
	Ref *r = &pi->refs[pi->nrefs++];
	r->url = trim_dup(url);
	r->line = line;
	r->col = col;
	r->kind = kind;
	r->what = what;
}

static void add_anchor(struct PageInfo *pi, const char *name, long line)
{
	pi->anchors = grow(pi->anchors, &pi->anchors_cap, pi->nanchors, sizeof *pi->anchors);
	pi->anchors[pi->nanchors].name = xstrdup(name);
	pi->anchors[pi->nanchors].line = line;
	pi->nanchors++;
}

/* srcset: comma-separated "URL [descriptor]" candidates. */
static void add_srcset(struct PageInfo *pi, const char *v, long line, const char *what)
{
	const char *p = v;
	for (;;) {
		while (*p && (is_space((unsigned char)*p) || *p == ','))
			p++;
		if (!*p)
			break;
		const char *start = p;
		while (*p && !is_space((unsigned char)*p))
			p++;
		size_t n = (size_t)(p - start);
		int ended_by_comma = 0;
		while (n > 0 && start[n - 1] == ',') {
			n--;
			ended_by_comma = 1;
		}
		char *url = xstrndup(start, n);
		if (n > 0)
			add_ref(pi, url, line, 0, REF_ASSET, what);
		free(url);
		if (ended_by_comma)
			continue;
		/* skip the descriptor up to the next comma outside parentheses */
		int paren = 0;
		while (*p && (paren || *p != ',')) {
			if (*p == '(')
				paren = 1;
			else if (*p == ')')
				paren = 0;
			p++;
		}
	}
}

/* Finds url(...) and @import "..." in CSS text; calls fn for each with the
 * line and column (1-based) of the reference. Comments are skipped. */
typedef void (*css_ref_fn)(void *arg, const char *url, long line, long col);

static void scan_css(const char *s, size_t len, long line0, css_ref_fn fn, void *arg)
{
	long line = line0, col = 1;
	size_t i = 0;
#define ADV() do { if (s[i] == '\n') { line++; col = 1; } else col++; i++; } while (0)
	while (i < len) {
		if (s[i] == '/' && i + 1 < len && s[i + 1] == '*') {
			ADV();
			ADV();
			while (i < len && !(s[i] == '*' && i + 1 < len && s[i + 1] == '/'))
				ADV();
			if (i < len) {
				ADV();
				ADV();
			}
			continue;
		}
		int is_url = i + 4 <= len && strncasecmp(s + i, "url(", 4) == 0 &&
			     (i == 0 || !(isalnum((unsigned char)s[i - 1]) || s[i - 1] == '-' ||
					  s[i - 1] == '_'));
		int is_import = i + 7 <= len && strncasecmp(s + i, "@import", 7) == 0;
		if (!is_url && !is_import) {
			if (s[i] == '"' || s[i] == '\'') { /* skip strings */
				char q = s[i];
				ADV();
				while (i < len && s[i] != q && s[i] != '\n') {
					if (s[i] == '\\' && i + 1 < len)
						ADV();
					ADV();
				}
				if (i < len)
					ADV();
				continue;
			}
			ADV();
			continue;
		}
		long rline = line, rcol = col;
		size_t skip = is_url ? 4 : 7;
		for (size_t k = 0; k < skip; k++)
			ADV();
		while (i < len && is_space((unsigned char)s[i]))
			ADV();
		if (is_import && i + 4 <= len && strncasecmp(s + i, "url(", 4) == 0)
			continue; /* handled as url( on the next round */
		if (i < len && (s[i] == '"' || s[i] == '\'')) {
			char q = s[i];
			ADV();
			size_t st = i;
			while (i < len && s[i] != q && s[i] != '\n') {
				if (s[i] == '\\' && i + 1 < len)
					ADV();
				ADV();
			}
			char *u = xstrndup(s + st, i - st);
			fn(arg, u, rline, rcol);
			free(u);
			if (i < len)
				ADV();
		} else if (is_url) {
			size_t st = i;
			while (i < len && s[i] != ')' && !is_space((unsigned char)s[i]))
				ADV();
			char *u = xstrndup(s + st, i - st);
			fn(arg, u, rline, rcol);
			free(u);
		}
	}
#undef ADV
}

typedef struct {
	struct PageInfo *pi;
	int in_attr; /* style="" : one line, no useful column */
} InlineCss;

static void inline_css_ref(void *arg, const char *url, long line, long col)
{
	InlineCss *ic = arg;
	add_ref(ic->pi, url, line, ic->in_attr ? 0 : col, REF_CSS, "CSS url()");
}

static char *attr(xmlNodePtr n, const char *name)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	if (!v)
		return NULL;
	char *s = xstrdup((const char *)v);
	xmlFree(v);
	return s;
}

static int has_attr(xmlNodePtr n, const char *name)
{
	return xmlHasProp(n, (const xmlChar *)name) != NULL;
}

static int name_is(xmlNodePtr n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && n->name &&
	       strcasecmp((const char *)n->name, name) == 0;
}

/* Whether a <link rel=...> loads an asset (else it is a navigation link such
 * as canonical or alternate, which may point to another site). */
static int link_rel_is_asset(const char *rel)
{
	static const char *const assets[] = { "stylesheet", "icon", "preload", "modulepreload",
		"prefetch", "manifest", "apple-touch-icon", "apple-touch-icon-precomposed",
		"mask-icon", NULL };
	if (!rel)
		return 0;
	const char *p = rel;
	while (*p) {
		while (*p && is_space((unsigned char)*p))
			p++;
		const char *st = p;
		while (*p && !is_space((unsigned char)*p))
			p++;
		size_t n = (size_t)(p - st);
		for (int i = 0; assets[i]; i++)
			if (n == strlen(assets[i]) && strncasecmp(st, assets[i], n) == 0)
				return 1;
	}
	return 0;
}

static const char *src_what(xmlNodePtr n)
{
	static const char *const names[] = { "script", "<script src>", "iframe", "<iframe src>",
		"video", "<video src>", "audio", "<audio src>", "track", "<track src>", "embed",
		"<embed src>", "input", "<input src>", NULL };
	for (int i = 0; names[i]; i += 2)
		if (name_is(n, names[i]))
			return names[i + 1];
	return "src";
}

typedef struct {
	long h1_count;
	long first_h1_line;
	xmlNodePtr title;   /* first <title> not inside <svg> */
	long html_line;
	int heading;        /* the level of the last heading, 0 before any */
} PageFacts;

/* Each id an ARIA attribute names must be in the page: checked as #id. */
static void add_idrefs(struct PageInfo *pi, xmlNodePtr n, const char *name, long line)
{
	char *v = attr(n, name);
	char *save = NULL;

	for (char *t = v ? strtok_r(v, " \t\n", &save) : NULL; t; t = strtok_r(NULL, " \t\n", &save)) {
		char *frag = xasprintf("#%s", t);
		add_ref(pi, frag, line, 0, REF_NAV, name);
		free(frag);
	}
	free(v);
}

static void collect(Ctx *c, const char *rel, struct PageInfo *pi, PageFacts *pf, xmlNodePtr n,
		    int in_svg)
{
	for (; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		long line = (long)xmlGetLineNo(n);
		if (line < 0)
			line = 0;
		int svg = in_svg || name_is(n, "svg");

		char *id = attr(n, "id");
		if (id) {
			if (id[0] == '\0')
				problem(c, rel, line, 0, "empty id attribute on <%s>", n->name);
			else {
				if (strpbrk(id, " \t\n\r\f"))
					problem(c, rel, line, 0, "id '%s' on <%s> contains whitespace", id,
						n->name);
				add_anchor(pi, id, line);
			}
			free(id);
		}

		if (name_is(n, "a") || name_is(n, "area")) {
			char *v = attr(n, "href");
			if (v)
				add_ref(pi, v, line, 0, REF_NAV, name_is(n, "a") ? "<a href>" : "<area href>");
			free(v);
			if (name_is(n, "a")) {
				/* <a name> is a fragment target too; kept apart from ids so that
				 * duplicates are only reported for ids. */
				char *nm = attr(n, "name");
				if (nm && nm[0]) {
					size_t len = strlen(nm);
					char *tag = xmalloc(len + 2);
					tag[0] = '\x01';
					memcpy(tag + 1, nm, len + 1);
					add_anchor(pi, tag, -1);
					free(tag);
				}
				free(nm);
			}
		} else if (name_is(n, "link")) {
			char *v = attr(n, "href");
			char *relv = attr(n, "rel");
			if (v)
				add_ref(pi, v, line, 0, link_rel_is_asset(relv) ? REF_ASSET : REF_NAV,
					"<link href>");
			free(v);
			free(relv);
		} else if (name_is(n, "img") || name_is(n, "source")) {
			char *v = attr(n, "src");
			if (v)
				add_ref(pi, v, line, 0, REF_ASSET,
					name_is(n, "img") ? "<img src>" : "<source src>");
			free(v);
			v = attr(n, "srcset");
			if (v)
				add_srcset(pi, v, line, name_is(n, "img") ? "<img srcset>" : "<source srcset>");
			free(v);
			if (name_is(n, "img") && !has_attr(n, "alt")) {
				char *src = attr(n, "src");
				problem(c, rel, line, 0, "<img%s%s%s> has no alt attribute (use alt=\"\" for a decorative image)",
					src ? " src=\"" : "", src ? src : "", src ? "\"" : "");
				free(src);
			}
		} else if (name_is(n, "script") || name_is(n, "iframe") || name_is(n, "video") ||
			   name_is(n, "audio") || name_is(n, "track") || name_is(n, "embed") ||
			   name_is(n, "input")) {
			char *v = attr(n, "src");
			int is_iframe = name_is(n, "iframe");
			if (v)
				add_ref(pi, v, line, 0, is_iframe ? REF_NAV : REF_ASSET, src_what(n));
			free(v);
			v = attr(n, "poster");
			if (v)
				add_ref(pi, v, line, 0, REF_ASSET, "<video poster>");
			free(v);
		} else if (name_is(n, "object")) {
			char *v = attr(n, "data");
			if (v)
				add_ref(pi, v, line, 0, REF_ASSET, "<object data>");
			free(v);
		} else if (svg && (name_is(n, "use") || name_is(n, "image"))) {
			char *v = attr(n, "href");
			if (!v)
				v = attr(n, "xlink:href");
			if (v)
				add_ref(pi, v, line, 0, REF_ASSET, name_is(n, "use") ? "<use href>" : "<image href>");
			free(v);
		} else if (name_is(n, "h1")) {
			pf->h1_count++;
			if (pf->h1_count == 1)
				pf->first_h1_line = line;
			else
				problem(c, rel, line, 0, "more than one <h1> in the page (first at line %ld)",
					pf->first_h1_line);
		} else if (name_is(n, "title") && !svg && !pf->title) {
			pf->title = n;
		} else if (name_is(n, "style")) {
			xmlChar *txt = xmlNodeGetContent(n);
			if (txt) {
				InlineCss ic = { pi, 0 };
				/* the text begins on the line of <style> itself or later */
				long l0 = line;
				if (n->children && n->children->line > 0)
					l0 = (long)xmlGetLineNo(n->children);
				scan_css((const char *)txt, strlen((const char *)txt), l0, inline_css_ref, &ic);
				xmlFree(txt);
			}
		}

		char *style = attr(n, "style");
		if (style) {
			InlineCss ic = { pi, 1 };
			scan_css(style, strlen(style), line, inline_css_ref, &ic);
			free(style);
		}

		if (!svg && n->name[0] == 'h' && n->name[1] >= '1' && n->name[1] <= '6' &&
		    n->name[2] == '\0') {
			int level = n->name[1] - '0';
			if (level > pf->heading + 1)
				problem(c, rel, line, 0, "<%s> follows %s: a heading level is skipped",
					n->name, pf->heading ? (pf->heading == 1 ? "<h1>" :
					pf->heading == 2 ? "<h2>" : pf->heading == 3 ? "<h3>" :
					pf->heading == 4 ? "<h4>" : "<h5>") : "no heading");
			pf->heading = level;
		}
		char *role = attr(n, "role");
		if (role && strcmp(role, "region") == 0 && !has_attr(n, "aria-labelledby") &&
		    !has_attr(n, "aria-label"))
			problem(c, rel, line, 0, "a role=\"region\" has no name (aria-labelledby)");
		free(role);
		add_idrefs(pi, n, "aria-labelledby", line);
		add_idrefs(pi, n, "aria-describedby", line);

		if (n->children)
			collect(c, rel, pi, pf, n->children, svg);
	}
}

static int cmp_anchor(const void *a, const void *b)
{
	const Anchor *x = a, *y = b;
	int r = strcmp(x->name, y->name);
	if (r)
		return r;
	return x->line < y->line ? -1 : x->line > y->line;
}

static void error_silencer(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }

static void structured_silencer(void *ctx, xmlErrorPtr e) { (void)ctx; (void)e; }

static void read_page(Ctx *c, size_t idx)
{
	const char *rel = c->pages[idx];
	struct PageInfo *pi = &c->info[idx];
	char *full = xasprintf("%s/%s", c->root, rel);
	htmlDocPtr doc = htmlReadFile(full, "UTF-8",
		HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
	free(full);
	if (!doc) {
		problem(c, rel, 1, 0, "cannot read or parse the page");
		return;
	}
	xmlNodePtr root = xmlDocGetRootElement(doc);
	PageFacts pf = { 0, 0, NULL, 1, 0 };
	if (root) {
		long l = (long)xmlGetLineNo(root);
		if (l > 0)
			pf.html_line = l;
	}
	if (!root || !name_is(root, "html")) {
		problem(c, rel, 1, 0, "page has no <html> element");
	} else {
		char *lang = attr(root, "lang");
		char *t = lang ? trim_dup(lang) : NULL;
		if (!lang)
			problem(c, rel, pf.html_line, 0, "<html> has no lang attribute");
		else if (!t[0])
			problem(c, rel, pf.html_line, 0, "<html lang> is empty");
		else if (c->lang && strcmp(t, c->lang) != 0)
			problem(c, rel, pf.html_line, 0, "<html lang=\"%s\">, not \"%s\"", t, c->lang);
		free(lang);
		free(t);
	}
	if (root)
		collect(c, rel, pi, &pf, root, 0);

	if (!pf.title) {
		problem(c, rel, pf.html_line, 0, "page has no <title>");
	} else {
		xmlChar *txt = xmlNodeGetContent(pf.title);
		char *t = trim_dup(txt ? (const char *)txt : "");
		if (!t[0]) {
			long l = (long)xmlGetLineNo(pf.title);
			problem(c, rel, l > 0 ? l : pf.html_line, 0, "<title> is empty");
		}
		free(t);
		xmlFree(txt);
	}
	if (pf.h1_count == 0)
		problem(c, rel, pf.html_line, 0, "page has no <h1>");

	/* duplicate ids: sort, then report every later occurrence */
	if (pi->nanchors > 1)
		qsort(pi->anchors, pi->nanchors, sizeof *pi->anchors, cmp_anchor);
	for (size_t i = 1; i < pi->nanchors; i++) {
		Anchor *a = &pi->anchors[i], *b = &pi->anchors[i - 1];
		if (a->name[0] != '\x01' && strcmp(a->name, b->name) == 0) {
			/* find the first of the run */
			size_t j = i - 1;
			while (j > 0 && strcmp(pi->anchors[j - 1].name, a->name) == 0)
				j--;
			problem(c, rel, a->line, 0, "duplicate id '%s' (first at line %ld)", a->name,
				pi->anchors[j].line);
		}
	}
	xmlFreeDoc(doc);
}

static int page_has_anchor(const struct PageInfo *pi, const char *frag)
{
	for (int pass = 0; pass < 2; pass++) {
		char *key = pass ? xasprintf("\x01%s", frag) : xstrdup(frag);
		size_t lo = 0, hi = pi->nanchors;
		int found = 0;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			int r = strcmp(pi->anchors[mid].name, key);
			if (r == 0) {
				found = 1;
				break;
			}
			if (r < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		free(key);
		if (found)
			return 1;
	}
	return 0;
}

/* ---- resolving references ----------------------------------------------- */

/* Resolves path (percent-decoded) against the folder of from_rel (or the root
 * when path begins with '/'). Returns the normalised relative path ("" for
 * the root), or NULL when it climbs out of the root. */
static char *resolve(const char *from_rel, const char *path)
{
	char *buf;
	if (path[0] == '/') {
		buf = xstrdup(path + 1);
	} else {
		const char *slash = strrchr(from_rel, '/');
		buf = slash ? xasprintf("%.*s/%s", (int)(slash - from_rel), from_rel, path) : xstrdup(path);
	}
	size_t n = strlen(buf);
	char **segs = xmalloc((n + 2) * sizeof *segs);
	size_t ns = 0;
	int escaped = 0;
	char *save = NULL;
	for (char *tok = strtok_r(buf, "/", &save); tok; tok = strtok_r(NULL, "/", &save)) {
		if (!strcmp(tok, "."))
			continue;
		if (!strcmp(tok, "..")) {
			if (ns == 0) {
				escaped = 1;
				break;
			}
			ns--;
			continue;
		}
		segs[ns++] = tok;
	}
	char *out = NULL;
	if (!escaped) {
		out = xmalloc(n + 2);
		out[0] = '\0';
		size_t o = 0;
		for (size_t i = 0; i < ns; i++) {
			size_t l = strlen(segs[i]);
			if (i)
				out[o++] = '/';
			memcpy(out + o, segs[i], l);
			o += l;
		}
		out[o] = '\0';
	}
	free(segs);
	free(buf);
	return out;
}

static void queue_css(Ctx *c, const char *rel)
{
	for (size_t i = 0; i < c->ncss; i++)
		if (!strcmp(c->css[i], rel))
			return;
	c->css = grow(c->css, &c->css_cap, c->ncss, sizeof *c->css);
	c->css[c->ncss++] = xstrdup(rel);
}

/* Checks one reference written in file from_rel (a page or a CSS file). */
static void check_ref(Ctx *c, const char *from_rel, const Ref *r)
{
	const char *url = r->url;
	if (!url[0])
		return; /* href="": the page itself */
	c->nlinks++;

	/* scheme-relative or with a scheme */
	int external = 0;
	char scheme[32] = "";
	if (url[0] == '/' && url[1] == '/') {
		external = 1;
	} else if (isalpha((unsigned char)url[0])) {
		size_t i = 1;
		while (url[i] && (isalnum((unsigned char)url[i]) || url[i] == '+' || url[i] == '-' ||
				  url[i] == '.'))
			i++;
		if (url[i] == ':') {
			size_t k = i < sizeof scheme - 1 ? i : sizeof scheme - 1;
			for (size_t j = 0; j < k; j++)
				scheme[j] = (char)tolower((unsigned char)url[j]);
			scheme[k] = '\0';
			if (!strcmp(scheme, "http") || !strcmp(scheme, "https"))
				external = 1;
			else
				return; /* mailto:, tel:, data:, javascript: ... */
		}
	}
	if (external) {
		if (r->kind != REF_NAV)
			problem(c, from_rel, r->line, r->col,
				"%s loads '%s' from another site; assets must be served from the site itself",
				r->what, url);
		return;
	}

	/* split off the fragment and query */
	const char *hash = strchr(url, '#');
	char *frag_raw = hash ? xstrdup(hash + 1) : NULL;
	size_t plen = hash ? (size_t)(hash - url) : strlen(url);
	char *path_raw = xstrndup(url, plen);
	char *q = strchr(path_raw, '?');
	if (q)
		*q = '\0';

	char *target = NULL; /* relative path of the file referred to */
	if (!path_raw[0]) {
		if (r->kind == REF_CSS && frag_raw) {
			/* url(#id) in CSS refers to the document using it: skip */
			goto done;
		}
		target = xstrdup(from_rel);
	} else {
		char *path = pct_decode(path_raw);
		if (!path) {
			problem(c, from_rel, r->line, r->col, "%s '%s' has an encoded NUL byte", r->what, url);
			goto done;
		}
		int want_dir = path[strlen(path) - 1] == '/';
		char *res = resolve(from_rel, path);
		free(path);
		if (!res) {
			problem(c, from_rel, r->line, r->col, "%s '%s' leaves the site folder", r->what, url);
			goto done;
		}
		char *full = res[0] ? xasprintf("%s/%s", c->root, res) : xstrdup(c->root);
		struct stat st;
		if (stat(full, &st) != 0) {
			problem(c, from_rel, r->line, r->col, "%s '%s': no such file '%s'", r->what, url,
				res[0] ? res : ".");
			free(full);
			free(res);
			goto done;
		}
		free(full);
		if (S_ISDIR(st.st_mode)) {
			char *idx = res[0] ? xasprintf("%s/index.html", res) : xstrdup("index.html");
			char *ifull = xasprintf("%s/%s", c->root, idx);
			struct stat ist;
			if (stat(ifull, &ist) != 0 || !S_ISREG(ist.st_mode)) {
				problem(c, from_rel, r->line, r->col,
					"%s '%s' is a folder with no index.html", r->what, url);
				free(ifull);
				free(idx);
				free(res);
				goto done;
			}
			free(ifull);
			free(res);
			target = idx;
		} else {
			if (want_dir) {
				problem(c, from_rel, r->line, r->col, "%s '%s': '%s' is a file, not a folder",
					r->what, url, res);
				free(res);
				goto done;
			}
			target = res;
		}
	}

	if (ends_with_ci(target, ".css") && r->kind != REF_NAV)
		queue_css(c, target);

	if (frag_raw && frag_raw[0] && ends_with_ci(target, ".html")) {
		long pidx = page_index(c, target);
		if (pidx >= 0) {
			char *frag = pct_decode(frag_raw);
			int ok = page_has_anchor(&c->info[pidx], frag_raw) ||
				 (frag && page_has_anchor(&c->info[pidx], frag)) ||
				 strcasecmp(frag_raw, "top") == 0;
			if (!ok)
				problem(c, from_rel, r->line, r->col, "%s '%s': no element with id '%s' in '%s'",
					r->what, url, frag ? frag : frag_raw, target);
			free(frag);
		}
	}
done:
	free(target);
	free(frag_raw);
	free(path_raw);
}

/* ---- CSS files ---------------------------------------------------------- */

typedef struct {
	Ctx *c;
	const char *rel;
} CssArg;

static void css_file_ref(void *arg, const char *url, long line, long col)
{
	CssArg *a = arg;
	Ref r;
	r.url = trim_dup(url);
	r.line = line;
	r.col = col;
	r.kind = REF_CSS;
	r.what = "CSS url()";
	check_ref(a->c, a->rel, &r);
	free(r.url);
}

static void check_css(Ctx *c, const char *rel)
{
	char *full = xasprintf("%s/%s", c->root, rel);
	FILE *f = fopen(full, "rb");
	free(full);
	if (!f) {
		problem(c, rel, 0, 0, "cannot read CSS file: %s", strerror(errno));
		return;
	}
	size_t cap = 8192, len = 0;
	char *buf = xmalloc(cap);
	size_t got;
	while ((got = fread(buf + len, 1, cap - len, f)) > 0) {
		len += got;
		if (len == cap) {
			if (cap >= (size_t)MAX_CSS_BYTES) {
				problem(c, rel, 0, 0, "CSS file larger than %ld bytes; not checked", MAX_CSS_BYTES);
				free(buf);
				fclose(f);
				return;
			}
			cap *= 2;
			buf = xrealloc(buf, cap);
		}
	}
	fclose(f);
	CssArg a = { c, rel };
	scan_css(buf, len, 1, css_file_ref, &a);
	free(buf);
}

/* ---- open data ---------------------------------------------------------- */

static int has_page(const Ctx *c, const char *rel)
{
	return bsearch(&rel, c->pages, c->npages, sizeof *c->pages, cmp_str) != NULL;
}

/* Records in a CSV file (quoted fields may hold newlines), less the header. */
static long csv_records(const char *path)
{
	FILE *f = fopen(path, "rb");
	long n = 0;
	int ch, quoted = 0, any = 0;

	if (f == NULL)
		return -1;
	while ((ch = getc(f)) != EOF) {
		if (ch == '"')
			quoted = !quoted;
		else if (ch == '\n' && !quoted) {
			n++;
			any = 0;
			continue;
		}
		any = 1;
	}
	fclose(f);
	return n + any - 1;
}

/*
 * data/performance.json, where there is one, is JSON with a page for each
 * measure it lists, and data/performance.csv has a row for each figure.
 */
static void check_open_data(Ctx *c)
{
	char *path = xasprintf("%s/data/performance.json", c->root);
	json_error_t err;
	json_t *root, *ms, *m, *figs;
	struct stat st;
	size_t i, nfigs = 0;
	long rows;

	/* Not a goldthread site (the links say whether it should be). */
	if (stat(path, &st) != 0) {
		free(path);
		return;
	}
	root = json_load_file(path, 0, &err);
	free(path);
	if (root == NULL) {
		problem(c, "data/performance.json", err.line, err.column, "%s", err.text);
		return;
	}
	ms = json_object_get(root, "measures");
	if (!json_is_array(ms))
		problem(c, "data/performance.json", 0, 0, "no \"measures\" list");
	json_array_foreach(ms, i, m) {
		const char *id = json_string_value(json_object_get(m, "id"));
		char *rel;

		figs = json_object_get(m, "figures");
		if (id == NULL || !json_is_array(figs)) {
			problem(c, "data/performance.json", 0, 0,
			    "measure %zu has no id or no figures", i + 1);
			continue;
		}
		nfigs += json_array_size(figs);
		rel = xasprintf("measure/%s.html", id);
		if (!has_page(c, rel))
			problem(c, "data/performance.json", 0, 0,
			    "measure %s has no page %s", id, rel);
		free(rel);
	}
	path = xasprintf("%s/data/performance.csv", c->root);
	rows = csv_records(path);
	free(path);
	if (rows != (long)nfigs)
		problem(c, "data/performance.csv", 0, 0,
		    "%ld rows, but the JSON has %zu figures", rows, nfigs);
	json_decref(root);
}

/* ---- main --------------------------------------------------------------- */

static void usage(FILE *f)
{
	fputs("usage: sitecheck [--lang TAG] DIR\n"
	      "Checks the static site in DIR: internal links, anchors, assets from other\n"
	      "sites, titles, lang, one <h1>, img alt, unique ids, CSS url()s, and that\n"
	      "the open data (data/performance.json and .csv) agree with the pages.\n", f);
}

int main(int argc, char **argv)
{
	if (argc == 2 && (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help"))) {
		usage(stdout);
		return 0;
	}
	const char *lang = NULL;
	if (argc == 4 && strcmp(argv[1], "--lang") == 0) {
		lang = argv[2];
		argv += 2;
		argc -= 2;
	}
	if (argc != 2 || argv[1][0] == '\0') {
		usage(stderr);
		return 2;
	}
	struct stat st;
	if (stat(argv[1], &st) != 0 || !S_ISDIR(st.st_mode)) {
		fprintf(stderr, "sitecheck: %s: not a folder\n", argv[1]);
		return 2;
	}

	LIBXML_TEST_VERSION
	xmlSetGenericErrorFunc(NULL, error_silencer);
	xmlSetStructuredErrorFunc(NULL, structured_silencer);

	Ctx c;
	memset(&c, 0, sizeof c);
	c.root = xstrdup(argv[1]);
	c.lang = lang;
	size_t rl = strlen(c.root);
	while (rl > 1 && c.root[rl - 1] == '/')
		c.root[--rl] = '\0';

	walk(&c, "", 0);
	if (c.npages > 1)
		qsort(c.pages, c.npages, sizeof *c.pages, cmp_str);
	c.info = xmalloc((c.npages ? c.npages : 1) * sizeof *c.info);
	memset(c.info, 0, (c.npages ? c.npages : 1) * sizeof *c.info);

	if (c.npages == 0)
		problem(&c, NULL, 0, 0, "no .html pages in the folder");

	for (size_t i = 0; i < c.npages; i++)
		read_page(&c, i);
	for (size_t i = 0; i < c.npages; i++)
		for (size_t k = 0; k < c.info[i].nrefs; k++)
			check_ref(&c, c.pages[i], &c.info[i].refs[k]);
	for (size_t i = 0; i < c.ncss; i++) /* check_css may queue more */
		check_css(&c, c.css[i]);
	check_open_data(&c);

	if (c.nprobs > 1)
		qsort(c.probs, c.nprobs, sizeof *c.probs, cmp_problem);
	for (size_t i = 0; i < c.nprobs; i++) {
		Problem *p = &c.probs[i];
		if (p->line <= 0)
			printf("%s: error: %s\n", p->path, p->msg);
		else if (p->col <= 0)
			printf("%s:%ld: error: %s\n", p->path, p->line, p->msg);
		else
			printf("%s:%ld:%ld: error: %s\n", p->path, p->line, p->col, p->msg);
	}
	printf("sitecheck: %zu pages, %ld links, %zu problems\n", c.npages, c.nlinks, c.nprobs);
	int rc = c.nprobs ? 1 : 0;

	for (size_t i = 0; i < c.nprobs; i++) {
		free(c.probs[i].path);
		free(c.probs[i].msg);
	}
	free(c.probs);
	for (size_t i = 0; i < c.npages; i++) {
		struct PageInfo *pi = &c.info[i];
		for (size_t k = 0; k < pi->nanchors; k++)
			free(pi->anchors[k].name);
		free(pi->anchors);
		for (size_t k = 0; k < pi->nrefs; k++)
			free(pi->refs[k].url);
		free(pi->refs);
		free(c.pages[i]);
	}
	free(c.pages);
	free(c.info);
	for (size_t i = 0; i < c.ncss; i++)
		free(c.css[i]);
	free(c.css);
	free(c.root);
	xmlCleanupParser();
	return rc;
}
