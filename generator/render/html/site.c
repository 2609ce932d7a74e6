/*
 * site.c: the website back-end (see site.h): the machinery every page
 * shares (its data, key, breadcrumbs and charts) and the job list.
 * site_pages.c says what each kind of page shows.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "chartdata.h"
#include "site.h"
#include "site_int.h"
#include "svg_inline.h"
#include "timing.h"

json_t *
gt_jstr(const char *s)
{
	json_t	*j = s != NULL ? json_string(s) : NULL;

	return j != NULL ? j : json_null();
}

static json_t	*vjfmt(const char *, const char *, va_list)
		    __attribute__((format(printf, 2, 0)));

/*
 * A string made from fmt after prefix: in one pass where it fits the
 * stack buffer, else built once on the heap (titles have no length limit).
 */
static json_t *
vjfmt(const char *prefix, const char *fmt, va_list ap)
{
	char		 buf[512];
	struct gt_buf	 b = { 0 };
	size_t		 n = strlen(prefix);
	va_list		 copy;
	int		 len;
	json_t		*j;

	if (n < sizeof(buf)) {
		memcpy(buf, prefix, n);
		va_copy(copy, ap);
		len = vsnprintf(buf + n, sizeof(buf) - n, fmt, copy);
		va_end(copy);
		if (len >= 0 && (size_t)len < sizeof(buf) - n)
			return gt_jstr(buf);
	}
	gt_buf_puts(&b, prefix);
	gt_buf_vprintf(&b, fmt, ap);
	j = gt_jstr(b.data);
	gt_buf_free(&b);
	return j;
}

json_t *
gt_jfmt(const char *fmt, ...)
{
	va_list	 ap;
	json_t	*j;

	va_start(ap, fmt);
	j = vjfmt("", fmt, ap);
	va_end(ap);
	return j;
}

json_t *
gt_jset(json_t *o, const char *key, json_t *v)
{
	json_object_set_new_nocheck(o, key, v);
	return o;
}

/*
 * gt_period_words, from a table: the pages name the same few dozen
 * periods tens of thousands of times.
 */
void
gt_site_period(struct gt_site *s, const struct gt_period *p,
    char per[GT_WORDS_PERIOD_MAX])
{
	struct period_text	*t = &s->periods[((unsigned)p->year * 31 +
	    (unsigned)p->sub * 7 + (unsigned)p->type) % PERIODS];

	if (!t->set || t->p.type != p->type || t->p.year != p->year ||
	    t->p.sub != p->sub) {
		t->p = *p;
		t->set = 1;
		gt_period_words(&s->m->conf.cal, p, t->text,
		    sizeof(t->text));
	}
	memcpy(per, t->text, sizeof(t->text));
}

void
gt_page_init(struct page *pg, struct gt_site *s, const char *path,
    const char *title)
{
	const char	*p;
	size_t		 n = 0;

	memset(pg, 0, sizeof(*pg));
	pg->s = s;
	pg->j = s->j;
	pg->path = path;
	for (p = path; (p = strchr(p, '/')) != NULL; p++)
		if (n + 3 < sizeof(pg->rootbuf)) {
			memcpy(pg->rootbuf + n, "../", 3);
			n += 3;
		}
	pg->rootbuf[n] = '\0';
	pg->root = pg->rootbuf;
	/*
	 * A server returns the 404 page at whatever address was asked for:
	 * its links start from base_url's path ("/", "/performance/").
	 */
	if (strcmp(path, "404.html") == 0 && s->base_path != NULL)
		pg->root = s->base_path;
	pg->data = json_object();
	json_object_set_new(pg->data, "root", json_string(pg->root));
	json_object_set_new(pg->data, "sparks", json_true());
	json_object_set_new(pg->data, "codes",
	    json_boolean(s->m->conf.indicator_codes));
	json_object_set_new(pg->data, "page_title", title == NULL ?
	    gt_jstr(s->m->conf.title) : gt_jfmt("%s - %s", title,
	    s->m->conf.title));
}

/* A link from this page to a path from the site root. */
json_t *
gt_href(const struct page *pg, const char *fmt, ...)
{
	va_list	 ap;
	json_t	*j;

	va_start(ap, fmt);
	j = vjfmt(pg->root, fmt, ap);
	va_end(ap);
	return j;
}

json_t *
gt_page_body(struct page *pg, const struct gt_body *b)
{
	if (b->doc == NULL)
		return json_null();
	*GT_PUSH(pg->bodies, pg->nbodies, pg->cap) = b->doc;
	gt_buf_puts(&pg->body_keys, b->key);
	return json_integer((json_int_t)pg->nbodies - 1);
}

static json_t *
crumb(const char *title, json_t *link)
{
	return json_pack("{s:o,s:o}", "title", gt_jstr(title), "href", link);
}

/* Breadcrumbs from the home page down to (not including) the page. */
json_t *
gt_crumbs_home(const struct page *pg)
{
	json_t	*a = json_array();

	json_array_append_new(a, crumb("Home", gt_href(pg, "index.html")));
	return a;
}

/* Home, the priority, then the objective chain from the top down to o. */
json_t *
gt_crumbs_thread(const struct page *pg, const struct gt_priority *p,
    const struct gt_objective *o)
{
	json_t	*a = gt_crumbs_home(pg);
	size_t	 at;

	if (p != NULL)
		json_array_append_new(a, crumb(p->title,
		    gt_href(pg, "priority/%s.html", p->id)));
	at = json_array_size(a);
	for (; o != NULL; o = o->parent)
		json_array_insert_new(a, at, crumb(o->title,
		    gt_href(pg, "objective/%s.html", o->id)));
	return a;
}

/*
 * Data as bytes to be hashed, with types and lengths so that different
 * data never give the same bytes; objects in their order, which is fixed.
 */
static void
key_json(struct gt_buf *b, json_t *j)
{
	const char	*k;
	json_t		*v;
	json_int_t	 i;
	double		 d;
	size_t		 n, x;
	char		 type = (char)('0' + json_typeof(j));

	gt_buf_addq(b, &type, 1);
	switch (json_typeof(j)) {
	case JSON_OBJECT:
		n = json_object_size(j);
		gt_buf_addq(b, &n, sizeof(n));
		json_object_foreach(j, k, v) {
			n = strlen(k);
			gt_buf_addq(b, &n, sizeof(n));
			gt_buf_addq(b, k, n);
			key_json(b, v);
		}
		break;
	case JSON_ARRAY:
		n = json_array_size(j);
		gt_buf_addq(b, &n, sizeof(n));
		json_array_foreach(j, x, v)
			key_json(b, v);
		break;
	case JSON_STRING:
		n = json_string_length(j);
		gt_buf_addq(b, &n, sizeof(n));
		gt_buf_addq(b, json_string_value(j), n);
		break;
	case JSON_INTEGER:
		i = json_integer_value(j);
		gt_buf_addq(b, &i, sizeof(i));
		break;
	case JSON_REAL:
		d = json_real_value(j);
		gt_buf_addq(b, &d, sizeof(d));
		break;
	default:
		break;
	}
}

/*
 * A page is what its layouts make of its data and bodies: the key it is
 * cached by (gt_hash_hex: pages carry megabytes in all). 0, or -1 (key
 * empty) with no cache.
 */
static int
page_key(struct page *pg, const char *layout, char key[65])
{
	struct gt_buf		*b = &pg->s->keybuf;

	*key = '\0';
	if (pg->s->cache == NULL)
		return -1;
	gt_buf_reset(b);
	gt_buf_printf(b, "%s\n%s\n", pg->s->layouts_key, layout);
	if (pg->body_keys.data != NULL)
		gt_buf_add(b, pg->body_keys.data, pg->body_keys.len);
	gt_buf_putc(b, '\n');
	key_json(b, pg->data);
	gt_hash_hex(b->data, b->len, key);
	return 0;
}

void
gt_page_finish(struct page *pg, const char *layout, json_t *crumbs)
{
	struct gt_site		*s = pg->s;
	struct gt_sink		*k = s->sink;
	const struct gt_conf	*c = &s->m->conf;
	struct gt_buf		 b = { 0 };
	char			 key[65];

	json_object_set_new(pg->data, "site", json_incref(s->site));
	json_object_set_new(pg->data, "canonical", c->base_url != NULL ?
	    gt_jfmt("%s%s", c->base_url, pg->path) : json_null());
	if (json_object_get(pg->data, "description") == NULL)
		json_object_set_new(pg->data, "description",
		    json_incref(s->description));
	json_object_set_new(pg->data, "breadcrumbs",
	    crumbs != NULL ? crumbs : json_array());
	json_object_set_new(pg->data, "feed", json_boolean(c->base_url != NULL));
	if (page_key(pg, layout, key) == 0 &&
	    k->reuse(k->ctx, key, pg->path) == 0)
		goto out;
	if (gt_tmpl_render(s->t, layout, pg->data, pg->bodies, pg->nbodies,
	    &b, k->diag) == -1 || k->write(k->ctx, pg->path, b.data,
	    b.len) == -1)
		s->failed = 1;
	else if (*key != '\0')
		k->keep(k->ctx, key, pg->path, b.data, b.len);
out:
	gt_buf_free(&b);
	gt_buf_free(&pg->body_keys);
	json_decref(pg->data);
	free(pg->bodies);
}

/* Charts ------------------------------------------------------------- */

static void
chart_file(struct gt_site *s, const struct gt_chart *c, const char *rel,
    enum gt_chart_format f, double w, double h, double scale)
{
	/* As tall as the chart needs, drawn only on a miss in the cache. */
	struct gt_chart_output	 o = { f, w, h, scale, NULL, 1 };
	struct gt_sink		*k = s->sink;
	unsigned char		*bytes;
	size_t			 len;
	struct gt_loc		 loc = { rel, 0, 0 };
	char			 key[65];

	gt_timing_start("charts");
	if (s->cache != NULL) {
		gt_chart_key(c, &o, key);
		if (k->reuse(k->ctx, key, rel) == 0)
			goto out;
	}
	if ((bytes = gt_chart_render(c, &o, &len)) == NULL) {
		gt_msg(s->sink->diag, GT_E_WRITE, &loc, "the chart could not be drawn");
		s->failed = 1;
		goto out;
	}
	if (k->write(k->ctx, rel, bytes, len) == -1)
		s->failed = 1;
	else if (s->cache != NULL)
		k->keep(k->ctx, key, rel, bytes, len);
	free(bytes);
out:
	gt_timing_start("html");
}

/*
 * A chart drawn into the page, for data-svg, made ready to inline once
 * (svg_inline.h): by its key where the cache holds it (chart_svg gives
 * the text when the page is made), so that the page's own key needs no
 * drawing and a page taken from the cache never reads its charts; else
 * the text itself. Null if it could not be drawn.
 */
json_t *
gt_chart_inline(struct gt_site *s, const struct gt_chart *c, double w,
    double h)
{
	struct gt_chart_output	 o = { GT_CHART_SVG, w, h, 1, NULL, 1 };
	struct gt_loc		 loc = { "charts", 0, 0 };
	struct gt_buf		 b = { 0 };
	char			 key[65], *data;
	size_t			 len;
	json_t			*j = NULL;

	gt_timing_start("charts");
	if (s->cache != NULL) {
		gt_chart_key(c, &o, key);
		if (gt_cache_has(s->cache, key)) {
			j = json_string(key);
			goto out;
		}
	}
	if ((data = (char *)gt_chart_render(c, &o, &len)) == NULL ||
	    gt_svg_inline(s->html, data, &b) == -1) {
		gt_msg(s->sink->diag, GT_E_WRITE, &loc, "a chart could not be drawn");
		s->failed = 1;
		j = json_null();
	} else if (s->cache != NULL && gt_cache_put(s->cache, key, b.data,
	    b.len) == 0)
		j = json_string(key);
	else
		j = gt_jstr(b.data);
	free(data);
	gt_buf_free(&b);
out:
	gt_timing_start("html");
	return j;
}

/* The text of a chart gt_chart_inline named by its key. */
static char *
chart_svg(void *ctx, const char *key)
{
	struct gt_site	*s = ctx;
	char		*data;
	size_t		 len;

	return gt_cache_read(s->cache, key, &data, &len) == 0 ? data : NULL;
}

/*
 * An <img>'s data: its source, the short alt given, and the chart's
 * description with the id that links it (aria-describedby): a screen
 * reader hears the description once.
 */
json_t *
gt_chart_img(struct page *pg, const struct gt_chart *c, const char *name,
    const char *alt, double w, double h, int png)
{
	char	*rel = gt_xasprintf("charts/%s.svg", name);
	char	*d = gt_chart_describe(c);
	char	*id = gt_xasprintf("chart-%s", name), *p;
	json_t	*j;

	chart_file(pg->s, c, rel, GT_CHART_SVG, w, h, 1);
	j = json_pack("{s:o,s:o,s:o,s:o}", "src", gt_href(pg, "%s", rel),
	    "svg", gt_href(pg, "%s", rel), "description", gt_jstr(d),
	    "alt", gt_jstr(alt));
	/* "chart-measure-HS05": unique on the page, as names are. */
	for (p = id; *p != '\0'; p++)
		if (*p == '/')
			*p = '-';
	json_object_set_new(j, "desc_id", gt_jstr(id));
	free(id);
	json_object_set_new(j, "png", json_null());
	if (png && pg->s->m->conf.chart_png) {
		free(rel);
		rel = gt_xasprintf("charts/%s.png", name);
		/* For tools that take no SVG: 6 ms a chart, so on request. */
		chart_file(pg->s, c, rel, GT_CHART_PNG, w, h, 1);
		json_object_set_new(j, "png", gt_href(pg, "%s", rel));
	}
	free(rel);
	free(d);
	return j;
}

/* The back-end ----------------------------------------------------------- */

/* The layouts' own files (the style sheet, images) go out as they are. */
static void
copy_assets(struct gt_site *s)
{
	static const char *const files[] = { "assets/style.css" };
	struct gt_sink	*k = s->sink;
	char		*src, *data;
	size_t		 i, len;
	struct gt_loc	 loc = { NULL, 0, 0 };

	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		src = gt_xasprintf("%s/%s", s->layouts, files[i]);
		if (gt_read_in(s->layouts, src, &data, &len) == -1) {
			loc.file = src;
			gt_msg(s->sink->diag, GT_E_LAYOUT, &loc, "cannot read '%s': %s", src,
			    gt_read_strerror(errno));
			s->failed = 1;
		} else {
			if (k->write(k->ctx, files[i], data, len) == -1)
				s->failed = 1;
			free(data);
		}
		free(src);
	}
}

/* Every file of the layouts folder, by name, for the keys of pages. */
static void
layouts_key(const char *dir, char key[65])
{
	struct dirent	**names = NULL;
	struct gt_buf	 b = { 0 };
	char		*path, *data;
	size_t		 len;
	int		 i, n;

	n = scandir(dir, &names, NULL, alphasort);
	for (i = 0; i < n; i++) {
		path = gt_xasprintf("%s/%s", dir, names[i]->d_name);
		if (gt_read_in(dir, path, &data, &len) == 0) {
			gt_buf_printf(&b, "%s\n%zu\n", names[i]->d_name, len);
			gt_buf_add(&b, data, len);
			free(data);
		}
		free(path);
		free(names[i]);
	}
	free(names);
	gt_sha256_hex(b.data != NULL ? b.data : "", b.len, key);
	gt_buf_free(&b);
}

static json_t *
status_json(enum gt_status st)
{
	return json_pack("{s:s,s:o,s:s,s:s}", "name", gt_status_name(st),
	    "class", gt_jfmt("tag tag-%s", gt_status_name(st)),
	    "label", gt_status_label(st), "symbol", gt_status_symbol(st));
}

static json_t *
astatus_json(enum gt_astatus st)
{
	const char	*label = gt_astatus_label(st);
	char		 cls[32], *p;

	snprintf(cls, sizeof(cls), "%s", label);
	for (p = cls; *p != '\0'; p++)
		*p = *p == ' ' ? '-' : (char)tolower((unsigned char)*p);
	return json_pack("{s:o,s:s,s:s}", "class",
	    gt_jfmt("tag tag-%s", cls), "label", label,
	    "symbol", gt_astatus_symbol(st));
}

/*
 * What every page says of the site: its names, its language, and the
 * dates of its figures in words ("the end of September 2025").
 */
static json_t *
site_json(struct gt_site *s)
{
	const struct gt_conf	*c = &s->m->conf;
	char			 per[GT_WORDS_PERIOD_MAX], to[GT_WORDS_PERIOD_MAX],
				 pub[64], next[64];

	gt_site_period(s, &c->as_at, per);
	gt_period_end_words(&c->cal, &c->as_at, to, sizeof(to));
	return json_pack("{s:o,s:o,s:s,s:s,s:s,s:o,s:o}",
	    "title", gt_jstr(c->title),
	    "organisation", gt_jstr(c->organisation),
	    "lang", c->language, "as_at", per, "figures_to", to,
	    "published", c->published.y != 0 ?
	    gt_jstr(gt_date_words(&c->published, pub, sizeof(pub))) :
	    json_null(),
	    "next_update", c->next_update.y != 0 ?
	    gt_jstr(gt_date_words(&c->next_update, next, sizeof(next))) :
	    json_null());
}

/* "https://host/performance/" gives "/performance/"; none gives NULL. */
static char *
base_path(const char *url)
{
	const char	*p;

	if (url == NULL || (p = strstr(url, "://")) == NULL)
		return NULL;
	p = strchr(p + 3, '/');
	return gt_xstrdup(p != NULL ? p : "/");
}

static void *
site_new(const struct gt_render_in *in)
{
	struct gt_site	*s = gt_xcalloc(1, sizeof(*s));
	char		 to[GT_WORDS_PERIOD_MAX];
	int		 i;

	s->m = in->m;
	s->j = in->site;
	s->packs = in->packs;
	s->since = in->since;
	s->cache = in->cache;
	s->layouts = gt_xstrdup(in->layouts);
	s->t = gt_tmpl_new(in->layouts);
	s->html = gt_html_new();
	for (i = 0; i < GT_STATUS_MAX; i++)
		s->statuses[i] = status_json((enum gt_status)i);
	for (i = 0; i <= GT_ASTATUS_OVERDUE; i++)
		s->astatuses[i] = astatus_json((enum gt_astatus)i);
	s->site = site_json(s);
	s->base_path = base_path(s->m->conf.base_url);
	gt_period_end_words(&s->m->conf.cal, &s->m->conf.as_at, to,
	    sizeof(to));
	s->description = gt_jfmt("%s: performance to %s",
	    s->m->conf.organisation != NULL ? s->m->conf.organisation : "",
	    to);
	if (s->cache != NULL) {
		layouts_key(in->layouts, s->layouts_key);
		gt_tmpl_svg_source(s->t, chart_svg, s);
	}
	return s;
}

/*
 * The jobs, in an order that puts the biggest first, so that the last
 * ones are small and no process is left working alone: each kind of page
 * is a range of job numbers.
 */
enum site_job {
	JOB_PACKS, JOB_HOME, JOB_PRIORITIES, JOB_PORTFOLIOS, JOB_OBJECTIVES,
	JOB_RISKS, JOB_MEASURES, JOB_ACTIONS, JOB_HOW, JOB_REPORTS,
	JOB_DATA, JOB_404, JOB_FINANCE, JOB_ASSETS, JOB_KINDS
};

/* How many jobs of kind k there are. */
static size_t
kind_jobs(const struct gt_site *s, enum site_job k)
{
	const struct gt_model	*m = s->m;

	switch (k) {
	case JOB_PACKS:
		return m->conf.npacks;
	case JOB_PRIORITIES:
		return m->npriorities;
	case JOB_PORTFOLIOS:
		return m->portfolios.n;
	case JOB_OBJECTIVES:
		return m->nobjectives;
	case JOB_MEASURES:
		return m->nmeasures;
	case JOB_ACTIONS:
		return m->nactions;
	default:
		return 1;
	}
}

/* The kind of job number *n, and *n its place among them. */
static enum site_job
job_kind(const struct gt_site *s, size_t *n)
{
	enum site_job	 k;

	for (k = 0; k < JOB_KINDS && *n >= kind_jobs(s, k); k++)
		*n -= kind_jobs(s, k);
	return k;
}

static size_t
site_jobs(void *v)
{
	struct gt_site	*s = v;
	enum site_job	 k;
	size_t		 n = 0;

	for (k = 0; k < JOB_KINDS; k++)
		n += kind_jobs(s, k);
	return n;
}

static enum gt_when
site_when(void *v, size_t job)
{
	switch (job_kind(v, &job)) {
	case JOB_PACKS:
	case JOB_DATA:
		return GT_JOB_LAST;	/* they give their files' sizes */
	case JOB_PRIORITIES:
	case JOB_PORTFOLIOS:
	case JOB_OBJECTIVES:
		return GT_JOB_SPARKS;
	default:
		return GT_JOB_ANY;
	}
}

static int
site_render(void *v, size_t job, struct gt_sink *sink)
{
	struct gt_site		*s = v;
	const struct gt_model	*m = s->m;
	size_t			 i = job;

	s->sink = sink;
	s->failed = 0;
	gt_timing_start("html");
	switch (job_kind(s, &i)) {
	case JOB_PACKS:
		gt_page_pack(s, i);
		break;
	case JOB_HOME:
		gt_page_home(s);
		break;
	case JOB_PRIORITIES:
		gt_page_priority(s, m->priorities[i]);
		break;
	case JOB_PORTFOLIOS:
		gt_page_portfolio(s, m->portfolios.v[i]);
		break;
	case JOB_OBJECTIVES:
		gt_page_objective(s, m->objectives[i]);
		break;
	case JOB_RISKS:
		gt_page_risks(s);
		break;
	case JOB_MEASURES:
		gt_page_measure(s, m->measures[i]);
		break;
	case JOB_ACTIONS:
		gt_page_action(s, m->actions[i]);
		break;
	case JOB_HOW:
		gt_page_how(s);
		break;
	case JOB_REPORTS:
		gt_page_reports(s);
		break;
	case JOB_DATA:
		gt_page_data(s);
		break;
	case JOB_404:
		gt_page_simple(s, "404.html", "404.html", "Page not found");
		break;
	case JOB_FINANCE:
		gt_page_finance(s);
		break;
	default:
		copy_assets(s);
		break;
	}
	s->sink = NULL;
	return s->failed ? -1 : 0;
}

static void
site_free(void *v)
{
	struct gt_site	*s = v;
	size_t		 i;

	if (s == NULL)
		return;
	gt_tmpl_free(s->t);
	gt_html_free(s->html);
	for (i = 0; i < GT_STATUS_MAX; i++)
		json_decref(s->statuses[i]);
	for (i = 0; i <= GT_ASTATUS_OVERDUE; i++)
		json_decref(s->astatuses[i]);
	json_decref(s->site);
	json_decref(s->description);
	free(s->base_path);
	for (i = 0; i < s->sparks.cap; i++)
		if (s->sparks.ents != NULL && s->sparks.ents[i].key != NULL)
			json_decref(s->sparks.ents[i].val);
	gt_map_free(&s->sparks);
	gt_buf_free(&s->keybuf);
	free(s->layouts);
	free(s);
}

const struct gt_backend gt_site_backend = {
	"site", site_new, site_jobs, site_when, site_render, site_free
};
