/* site_render.c: the website back-end (see site.h). */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdatomic.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <libxml/tree.h>

#include "chart.h"
#include "chartdata.h"
#include "csv_write.h"
#include "format.h"
#include "json_out.h"
#include "pdf.h"
#include "site.h"
#include "status.h"
#include "timing.h"
#include "tmpl.h"

/* Chart sizes in CSS pixels (the layouts' width and height match). */
#define TREND_W		720
#define TREND_H		360
#define NARROW_W	340	/* the trend chart for phones */
#define NARROW_H	300
#define SPARK_W		120
#define SPARK_H		32
#define BAR_W		640
#define BAR_H		100
#define CARD_W		300	/* the status bar on a home page card */
#define CARD_H		80
#define HEAT_W		640
#define HEAT_H		520
#define PROG_W		480
#define PROG_H		64
#define HEADLINES	4	/* headline measures per priority on the home page */
#define PERIODS		64	/* period texts kept (a power of two) */

/* A period's text, kept: see period_text. */
struct period_text {
	struct gt_period	 p;
	int			 set;
	char			 text[GT_PERIOD_MAX];
};

struct gt_site {
	struct gt_model		*m;
	struct gt_cache		*cache;
	struct gt_map		 sparks;	/* measure id to struct spark */
	char			*layouts;
	char			 layouts_key[65];	/* what they say */
	struct gt_buf		 keybuf;	/* page_key's, kept for its room */
	struct gt_tmpl		*t;
	struct gt_out		*out;
	struct gt_pdf_text	*text;		/* the packs' layouts */
	/*
	 * Each status as a row shows it, one object shared by every row
	 * (tens of thousands of rows, six statuses): not to be changed.
	 */
	json_t			*statuses[GT_STATUS_MAX];
	json_t			*astatuses[GT_ASTATUS_OVERDUE + 1];
	struct period_text	 periods[PERIODS];
	int			 failed;
};

/* A measure's sparkline, drawn once for all the pages that list it. */
struct spark {
	char	*alt;		/* NULL: none (fewer than two figures) */
	json_t	*svg;		/* chart_inline's */
};

/* One page being made: its data and the Markdown bodies it shows. */
struct page {
	struct gt_site	*s;
	const char	*path;		/* relative to the site root */
	char		 root[3 * GT_MAX_DEPTH + 1];	/* "../" per level */
	json_t		*data;
	cmark_node	**bodies;
	size_t		 nbodies, cap;
	struct gt_buf	 body_keys;	/* their gt_body keys, in order */
};

static const char *const meanings[GT_STATUS_MAX] = {
	[GT_STATUS_OFF_TARGET] = "The figure misses its target by more than "
	    "the tolerance.",
	[GT_STATUS_WITHIN_TOLERANCE] = "The figure misses its target, but by "
	    "no more than the tolerance.",
	[GT_STATUS_ON_TARGET] = "The figure meets or beats its target.",
	[GT_STATUS_NO_TARGET] = "There is a figure but no target to judge it "
	    "by.",
	[GT_STATUS_SUPPRESSED] = "The figure is withheld, usually because it "
	    "is small enough to identify people.",
	[GT_STATUS_NO_DATA] = "No figure has been reported yet."
};

static json_t *
jstr(const char *s)
{
	json_t	*j = s != NULL ? json_string(s) : NULL;

	return j != NULL ? j : json_null();
}

static json_t *
jfmt(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

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
			return jstr(buf);
	}
	gt_buf_puts(&b, prefix);
	gt_buf_vprintf(&b, fmt, ap);
	j = jstr(b.data);
	gt_buf_free(&b);
	return j;
}

static json_t *
jfmt(const char *fmt, ...)
{
	va_list	 ap;
	json_t	*j;

	va_start(ap, fmt);
	j = vjfmt("", fmt, ap);
	va_end(ap);
	return j;
}

/*
 * gt_period_format, from a table: the pages and the open data name the
 * same few dozen periods tens of thousands of times.
 */
static void
period_text(struct gt_site *s, const struct gt_period *p,
    char per[GT_PERIOD_MAX])
{
	struct period_text	*t = &s->periods[((unsigned)p->year * 31 +
	    (unsigned)p->sub * 7 + (unsigned)p->type) % PERIODS];

	if (!t->set || t->p.type != p->type || t->p.year != p->year ||
	    t->p.sub != p->sub) {
		t->p = *p;
		t->set = 1;
		gt_period_format(p, t->text, sizeof(t->text));
	}
	memcpy(per, t->text, sizeof(t->text));
}

static void
page_init(struct page *pg, struct gt_site *s, const char *path,
    const char *title)
{
	const char	*p;
	size_t		 n = 0;

	memset(pg, 0, sizeof(*pg));
	pg->s = s;
	pg->path = path;
	for (p = path; (p = strchr(p, '/')) != NULL; p++)
		if (n + 3 < sizeof(pg->root)) {
			memcpy(pg->root + n, "../", 3);
			n += 3;
		}
	pg->root[n] = '\0';
	pg->data = json_object();
	json_object_set_new(pg->data, "root", json_string(pg->root));
	json_object_set_new(pg->data, "sparks", json_true());
	json_object_set_new(pg->data, "page_title", title == NULL ?
	    jstr(s->m->conf.title) : jfmt("%s - %s", title,
	    s->m->conf.title));
}

/* A link from this page to a path from the site root. */
static json_t *
href(const struct page *pg, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static json_t *
href(const struct page *pg, const char *fmt, ...)
{
	va_list	 ap;
	json_t	*j;

	va_start(ap, fmt);
	j = vjfmt(pg->root, fmt, ap);
	va_end(ap);
	return j;
}

static json_t *
body(struct page *pg, const struct gt_body *b)
{
	if (b->doc == NULL)
		return json_null();
	*GT_PUSH(pg->bodies, pg->nbodies, pg->cap) = b->doc;
	gt_buf_puts(&pg->body_keys, b->key);
	return json_integer((json_int_t)pg->nbodies - 1);
}

static json_t *
crumb(const struct page *pg, const char *title, json_t *link)
{
	return json_pack("{s:o,s:o}", "title", jstr(title), "href", link);
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

static void
page_finish(struct page *pg, const char *layout, json_t *crumbs)
{
	struct gt_site		*s = pg->s;
	const struct gt_conf	*c = &s->m->conf;
	struct gt_buf		 b = { 0 };
	char			 as_at[GT_PERIOD_MAX], key[65];

	period_text(s, &c->as_at, as_at);
	json_object_set_new(pg->data, "site", json_pack("{s:o,s:o,s:s}",
	    "title", jstr(c->title), "organisation", jstr(c->organisation),
	    "as_at", as_at));
	json_object_set_new(pg->data, "canonical", c->base_url != NULL ?
	    jfmt("%s%s%s", c->base_url, c->base_url[0] != '\0' &&
	    c->base_url[strlen(c->base_url) - 1] == '/' ? "" : "/",
	    pg->path) : json_null());
	if (json_object_get(pg->data, "description") == NULL)
		json_object_set_new(pg->data, "description",
		    jfmt("%s: performance as at %s", c->organisation != NULL ?
		    c->organisation : "", as_at));
	json_object_set_new(pg->data, "breadcrumbs",
	    crumbs != NULL ? crumbs : json_array());
	json_object_set_new(pg->data, "feed", json_boolean(c->base_url != NULL));
	if (page_key(pg, layout, key) == 0 &&
	    gt_cache_get(s->cache, key, s->out, pg->path) == 0)
		goto out;
	if (gt_tmpl_render(s->t, layout, pg->data, pg->bodies, pg->nbodies,
	    &b) == -1 || gt_out_write(s->out, pg->path, b.data, b.len) == -1)
		s->failed = 1;
	else if (*key != '\0')
		gt_cache_keep(s->cache, key, s->out, pg->path, b.data, b.len);
out:
	gt_buf_free(&b);
	gt_buf_free(&pg->body_keys);
	json_decref(pg->data);
	free(pg->bodies);
}

/* Breadcrumbs from the home page down to (not including) the page. */
static json_t *
crumbs_home(const struct page *pg)
{
	json_t	*a = json_array();

	json_array_append_new(a, crumb(pg, "Home", href(pg, "index.html")));
	return a;
}

/* Home, the priority, then the objective chain from the top down to o. */
static json_t *
crumbs_thread(const struct page *pg, const struct gt_priority *p,
    const struct gt_objective *o)
{
	json_t	*a = crumbs_home(pg);
	size_t	 at;

	if (p != NULL)
		json_array_append_new(a, crumb(pg, p->title,
		    href(pg, "priority/%s.html", p->id)));
	at = json_array_size(a);
	for (; o != NULL; o = o->parent)
		json_array_insert_new(a, at, crumb(pg, o->title,
		    href(pg, "objective/%s.html", o->id)));
	return a;
}

/* Charts ------------------------------------------------------------- */

static void
chart_file(struct gt_site *s, const struct gt_chart *c, const char *rel,
    enum gt_chart_format f, double w, double h, double scale)
{
	struct gt_chart_output	 o = { f, w, h, scale, NULL };
	unsigned char		*bytes;
	size_t			 len;
	struct gt_loc		 loc = { rel, 0, 0 };
	char			 key[65];

	gt_timing_start("charts");
	if (s->cache != NULL) {
		gt_chart_key(c, &o, key);
		if (gt_cache_get(s->cache, key, s->out, rel) == 0)
			goto out;
	}
	if ((bytes = gt_chart_render(c, &o, &len)) == NULL) {
		gt_msg(GT_E_WRITE, &loc, "the chart could not be drawn");
		s->failed = 1;
		goto out;
	}
	if (gt_out_write(s->out, rel, bytes, len) == -1)
		s->failed = 1;
	else if (s->cache != NULL)
		gt_cache_keep(s->cache, key, s->out, rel, bytes, len);
	free(bytes);
out:
	gt_timing_start("html");
}

/*
 * A chart drawn into the page, for data-svg: by its key where the cache
 * holds it (chart_svg gives the text when the page is made), so that the
 * page's own key needs no drawing and a page taken from the cache never
 * reads its charts; else its SVG text. Null if it could not be drawn.
 */
static json_t *
chart_inline(struct gt_site *s, const struct gt_chart *c, double w, double h)
{
	struct gt_chart_output	 o = { GT_CHART_SVG, w, h, 1, NULL };
	struct gt_loc		 loc = { "charts", 0, 0 };
	char			 key[65], *data;
	size_t			 len;
	json_t			*j;

	gt_timing_start("charts");
	if (s->cache != NULL) {
		gt_chart_key(c, &o, key);
		if (gt_cache_has(s->cache, key)) {
			j = json_string(key);
			goto out;
		}
	}
	if ((data = (char *)gt_chart_render(c, &o, &len)) == NULL) {
		gt_msg(GT_E_WRITE, &loc, "a chart could not be drawn");
		s->failed = 1;
		j = json_null();
		goto out;
	}
	if (s->cache != NULL && gt_cache_put(s->cache, key, data, len) == 0)
		j = json_string(key);
	else
		j = jstr(data);
	free(data);
out:
	gt_timing_start("html");
	return j;
}

/* The text of a chart chart_inline named by its key. */
static char *
chart_svg(void *ctx, const char *key)
{
	struct gt_site	*s = ctx;
	char		*data;
	size_t		 len;

	return gt_cache_read(s->cache, key, &data, &len) == 0 ? data : NULL;
}

/* An <img>'s data: its source and a short alt; the description too. */
static json_t *
chart_img(struct page *pg, const struct gt_chart *c, const char *name,
    double w, double h, int png)
{
	char	*rel = gt_xasprintf("charts/%s.svg", name);
	char	*d = gt_chart_describe(c);
	json_t	*j;

	chart_file(pg->s, c, rel, GT_CHART_SVG, w, h, 1);
	j = json_pack("{s:o,s:o,s:o}", "src", href(pg, "%s", rel),
	    "svg", href(pg, "%s", rel), "description", jstr(d));
	json_object_set_new(j, "alt", jstr(d));
	json_object_set_new(j, "png", json_null());
	if (png && pg->s->m->conf.chart_png) {
		free(rel);
		rel = gt_xasprintf("charts/%s.png", name);
		/* For tools that take no SVG: 6 ms a chart, so on request. */
		chart_file(pg->s, c, rel, GT_CHART_PNG, w, h, 1);
		json_object_set_new(j, "png", href(pg, "%s", rel));
	}
	free(rel);
	free(d);
	return j;
}

/* Objects as rows -------------------------------------------------------- */

static json_t *
status_json(enum gt_status st)
{
	return json_pack("{s:s,s:o,s:s,s:s}", "name", gt_status_name(st),
	    "class", jfmt("status status-%s", gt_status_name(st)),
	    "label", gt_status_label(st), "symbol", gt_status_symbol(st));
}

static json_t *
jset(json_t *o, const char *key, json_t *v)
{
	json_object_set_new_nocheck(o, key, v);
	return o;
}

static json_t *
astatus_json(enum gt_astatus st)
{
	const char	*name = st == GT_ASTATUS_NONE ? "not started" :
	    gt_astatus_name(st);
	char		 cls[32], *p;

	snprintf(cls, sizeof(cls), "%s", name);
	for (p = cls; *p != '\0'; p++)
		if (*p == ' ')
			*p = '-';
	return json_pack("{s:o,s:o,s:s}", "class",
	    jfmt("status astatus-%s", cls), "label",
	    jfmt("%c%s", toupper((unsigned char)name[0]), name + 1),
	    "symbol", gt_astatus_symbol(st));
}

static json_t *
target_json(const struct gt_measure *me, int has, double lo, double hi)
{
	char	*t = gt_target_text(me, has, lo, hi);
	json_t	*j = jstr(t);

	free(t);
	return j;
}

/*
 * A measure's sparkline, worked out once however many pages list it (the
 * site is judged at one as-at period while pages with sparklines are made).
 */
static const struct spark *
spark_get(struct gt_site *s, const struct gt_measure *me)
{
	struct gt_trend_data	 td;
	struct gt_chart		 c;
	struct spark		*sp;

	if ((sp = gt_map_get(&s->sparks, me->id)) != NULL)
		return sp;
	sp = gt_xcalloc(1, sizeof(*sp));
	if (me->nobs > 0) {
		gt_trend_data(&td, s->m, me);
		if (td.trend.npoints > 1) {
			c.type = GT_CHART_SPARK;
			c.u.trend = &td.trend;
			sp->alt = gt_chart_describe(&c);
			sp->svg = chart_inline(s, &c, SPARK_W, SPARK_H);
		}
		gt_trend_data_free(&td);
	}
	gt_map_put(&s->sparks, me->id, sp);
	return sp;
}

static json_t *
measure_row(struct page *pg, const struct gt_measure *me, int spark)
{
	const struct gt_eval	*e = me->latest;
	const struct spark	*sp;
	char			 per[GT_PERIOD_MAX], *fig;
	json_t			*j;

	/* Thousands of rows: set directly, not through json_pack. */
	j = json_object();
	jset(j, "id", jstr(me->id));
	jset(j, "title", jstr(me->title));
	jset(j, "href", href(pg, "measure/%s.html", me->id));
	jset(j, "late", json_boolean(me->late));
	if (e != NULL) {
		fig = gt_figure_text(me, &e->obs->value);
		jset(j, "latest", jstr(fig));
		free(fig);
		period_text(pg->s, &e->obs->period, per);
		jset(j, "latest_period", jstr(per));
		jset(j, "target", target_json(me, e->has_target, e->lo,
		    e->hi));
	} else {
		jset(j, "latest", json_string("No data"));
		jset(j, "latest_period", json_null());
		jset(j, "target", json_string("-"));
	}
	jset(j, "status", json_incref(pg->s->statuses[me->status]));
	jset(j, "direction", json_string(me->dir_prev == GT_DIR_NONE ?
	    "Not known" : gt_dir_label(me->dir_prev)));
	jset(j, "spark", json_null());
	if (spark && (sp = spark_get(pg->s, me))->alt != NULL &&
	    !json_is_null(sp->svg))
		jset(j, "spark", jset(jset(json_object(), "svg",
		    json_incref(sp->svg)), "alt", jstr(sp->alt)));
	return j;
}

static json_t *
action_row(struct page *pg, const struct gt_action *a)
{
	char	 due[64];
	json_t	*j;

	if (a->due.y != 0)
		gt_date_words(&a->due, due, sizeof(due));
	else
		snprintf(due, sizeof(due), "Not set");
	j = json_object();
	jset(j, "id", jstr(a->id));
	jset(j, "title", jstr(a->title));
	jset(j, "href", href(pg, "action/%s.html", a->id));
	jset(j, "lead", jstr(a->lead));
	jset(j, "due", jstr(due));
	jset(j, "milestones", a->nmilestones == 0 ? json_string("None") :
	    jfmt("%zu of %zu due%s", a->milestones_due, a->nmilestones,
	    a->milestones_overdue > 0 ? ", some overdue" : ""));
	jset(j, "status", json_incref(pg->s->astatuses[a->status]));
	return j;
}

static json_t *
objective_ref(const struct page *pg, const struct gt_objective *o)
{
	json_t	*j = json_object();

	jset(j, "id", jstr(o->id));
	jset(j, "title", jstr(o->title));
	jset(j, "href", href(pg, "objective/%s.html", o->id));
	jset(j, "lead", jstr(o->lead));
	jset(j, "portfolio", jstr(o->portfolio));
	return j;
}

static json_t *
summary(const struct gt_rollup *r)
{
	char	*t = gt_rollup_words(r, 0);
	json_t	*j = jstr(t);

	free(t);
	return j;
}

/* Sparklines show the site's as-at period: none on a pack's own. */
static json_t *
measure_rows(struct page *pg, struct gt_measure *const *v, size_t n,
    int spark)
{
	json_t	*a = json_array();
	size_t	 i;

	for (i = 0; i < n; i++)
		json_array_append_new(a, measure_row(pg, v[i], spark));
	return a;
}

static json_t *
action_rows(struct page *pg, struct gt_action *const *v, size_t n)
{
	json_t	*a = json_array();
	size_t	 i;

	for (i = 0; i < n; i++)
		json_array_append_new(a, action_row(pg, v[i]));
	return a;
}

/* Pages ---------------------------------------------------------------- */

static void
render_measure(struct gt_site *s, const struct gt_measure *me)
{
	const struct gt_model	*m = s->m;
	struct page		 pg;
	struct gt_trend_data	 td;
	struct gt_chart		 c;
	const struct gt_eval	*last = NULL;
	char			*path, per[GT_PERIOD_MAX], *fig, *note, *name;
	json_t			*rows, *row, *cmp, *objs, *target = NULL;
	size_t			 i;

	path = gt_xasprintf("measure/%s.html", me->id);
	page_init(&pg, s, path, me->title);
	json_object_set_new(pg.data, "measure", measure_row(&pg, me, 0));
	row = json_object_get(pg.data, "measure");
	json_object_set_new(row, "explanation", jstr(me->explanation));
	json_object_set_new(row, "body", body(&pg, &me->body));
	json_object_set_new(row, "source", jstr(me->source));
	json_object_set_new(row, "owner", jstr(me->owner));
	json_object_set_new(row, "polarity", json_string(
	    me->polarity == GT_POL_LOWER ? "Lower is better" :
	    me->polarity == GT_POL_BAND ? "Within the target range" :
	    "Higher is better"));
	json_object_set_new(row, "frequency", jfmt("%c%s",
	    toupper((unsigned char)gt_freq_name(me->frequency)[0]),
	    gt_freq_name(me->frequency) + 1));
	gt_period_format(&me->expected, per, sizeof(per));
	json_object_set_new(row, "expected", jstr(per));
	if (me->has_baseline) {
		fig = gt_figure_number(me, me->baseline);
		gt_period_format(&me->baseline_period, per, sizeof(per));
		json_object_set_new(row, "baseline", jfmt("%s in %s", fig,
		    per));
		free(fig);
	} else
		json_object_set_new(row, "baseline", json_null());
	objs = json_array();
	for (i = 0; i < me->nobjectives; i++)
		json_array_append_new(objs, objective_ref(&pg,
		    me->objectives[i]));
	json_object_set_new(row, "objectives", objs);

	json_object_set_new(pg.data, "chart", json_null());
	json_object_set_new(pg.data, "chart_narrow", json_null());
	gt_trend_data(&td, m, me);
	if (td.trend.npoints > 0) {
		c.type = GT_CHART_TREND;
		c.u.trend = &td.trend;
		/* A folder a kind: no id of one names another's chart. */
		name = gt_xasprintf("measure/%s", me->id);
		json_object_set_new(pg.data, "chart",
		    chart_img(&pg, &c, name, TREND_W, TREND_H, 1));
		free(name);
		/* Drawn again for phones, where the wide one's text is tiny. */
		json_object_set_new(pg.data, "chart_narrow",
		    chart_inline(s, &c, NARROW_W, NARROW_H));
	}
	gt_trend_data_free(&td);
	json_object_set_new(pg.data, "data_csv",
	    href(&pg, "data/performance.csv"));

	rows = json_array();
	for (i = 0; i < me->nobs; i++) {
		const struct gt_obs	*o = me->obs[i];
		const struct gt_eval	*e = &me->evals[i];

		if (!gt_period_by(&m->conf.cal, &o->period,
		    &m->judged))
			break;
		fig = gt_figure_text(me, &o->value);
		period_text(s, &o->period, per);
		note = o->flag != GT_FLAG_NONE ? gt_xasprintf("%c%s%s%s",
		    toupper((unsigned char)gt_flag_name(o->flag)[0]),
		    gt_flag_name(o->flag) + 1, o->note != NULL ? ". " : "",
		    o->note != NULL ? o->note : "") :
		    gt_xstrdup(o->note != NULL ? o->note : "");
		/* A year's periods share a target: its text is made once. */
		if (target == NULL || e->has_target != last->has_target ||
		    e->lo != last->lo || e->hi != last->hi) {
			json_decref(target);
			target = target_json(me, e->has_target, e->lo, e->hi);
			last = e;
		}
		/* Twenty thousand rows: set directly, not through json_pack. */
		row = json_object();
		jset(row, "period", jstr(per));
		jset(row, "value", jstr(fig));
		jset(row, "target", json_incref(target));
		jset(row, "status", json_incref(s->statuses[e->status]));
		jset(row, "note", jstr(note));
		json_array_append_new(rows, row);
		free(fig);
		free(note);
	}
	json_decref(target);
	json_object_set_new(pg.data, "rows", rows);
	cmp = json_array();
	for (i = 0; i < me->ncomparators; i++) {
		const struct gt_comparator *k = me->comparators[i];

		if (!gt_period_by(&m->conf.cal, &k->period, &m->judged))
			continue;
		fig = gt_figure_text(me, &k->value);
		gt_period_format(&k->period, per, sizeof(per));
		json_array_append_new(cmp, json_pack("{s:o,s:s,s:o}", "group",
		    jstr(k->group), "period", per, "value", jstr(fig)));
		free(fig);
	}
	json_object_set_new(pg.data, "comparators", cmp);
	page_finish(&pg, "measure.html", crumbs_thread(&pg,
	    me->nobjectives > 0 ? me->objectives[0]->priority : NULL,
	    me->nobjectives > 0 ? me->objectives[0] : NULL));
	free(path);
}

static json_t *
risk_row(struct page *pg, const struct gt_risk *k)
{
	const struct gt_conf	*c = &pg->s->m->conf;
	struct gt_buf		 b = { 0 };
	size_t			 i;
	json_t			*j;

	for (i = 0; i < k->controls.n; i++)
		gt_buf_printf(&b, "%s%s", i > 0 ? "; " : "", k->controls.v[i]);
	j = json_pack("{s:s,s:o,s:o,s:o,s:i,s:i,s:i,s:o,s:o,s:o,s:o,s:o}",
	    "id", k->id, "anchor", jfmt("risk-%s", k->id),
	    "title", jstr(k->title), "owner", jstr(k->owner),
	    "likelihood", k->likelihood, "impact", k->impact,
	    "score", k->score,
	    "rating", k->band < c->nbands ? jstr(c->bands[k->band].name) :
	    json_string("Not rated"),
	    "target_score", k->target_score > 0 ?
	    json_integer(k->target_score) : json_string("None set"),
	    "explanation", jstr(k->explanation),
	    "controls", jstr(b.data),
	    "href", href(pg, "risks.html#risk-%s", k->id));
	gt_buf_free(&b);
	return j;
}

static void
render_objective(struct gt_site *s, const struct gt_objective *o)
{
	struct page	 pg;
	char		*path = gt_xasprintf("objective/%s.html", o->id);
	json_t		*j, *a;
	size_t		 i;

	page_init(&pg, s, path, o->title);
	j = objective_ref(&pg, o);
	json_object_set_new(j, "body", body(&pg, &o->body));
	json_object_set_new(j, "priority", json_pack("{s:o,s:o}", "title",
	    jstr(o->priority->title), "href",
	    href(&pg, "priority/%s.html", o->priority->id)));
	json_object_set_new(j, "parent", o->parent == NULL ? json_null() :
	    objective_ref(&pg, o->parent));
	json_object_set_new(pg.data, "objective", j);
	json_object_set_new(pg.data, "measures_caption",
	    json_string("Measures of this objective"));
	json_object_set_new(pg.data, "measures", measure_rows(&pg,
	    o->measures, o->nmeasures, 1));
	json_object_set_new(pg.data, "actions_caption",
	    json_string("Delivery plan actions for this objective"));
	json_object_set_new(pg.data, "actions", action_rows(&pg, o->actions,
	    o->nactions));
	a = json_array();
	for (i = 0; i < o->nchildren; i++) {
		j = objective_ref(&pg, o->children[i]);
		json_object_set_new(j, "summary",
		    summary(&o->children[i]->rollup));
		json_array_append_new(a, j);
	}
	json_object_set_new(pg.data, "children", a);
	a = json_array();
	for (i = 0; i < o->nrisks; i++)
		json_array_append_new(a, risk_row(&pg, o->risks[i]));
	json_object_set_new(pg.data, "risks", a);
	page_finish(&pg, "objective.html", crumbs_thread(&pg, o->priority,
	    o->parent));
	free(path);
}

static json_t *
statusbar_img(struct page *pg, const char *title, const struct gt_rollup *r,
    const char *name, double w, double h)
{
	struct gt_chart_statusbar	 sb;
	struct gt_chart			 c;

	if (r->measures == 0)
		return json_null();
	gt_statusbar_data(&sb, title, r);
	c.type = GT_CHART_STATUSBAR;
	c.u.statusbar = &sb;
	return chart_img(pg, &c, name, w, h, 0);
}

/* An objective and, after it, its sub-objectives, each as a section. */
static void
objective_sections(struct page *pg, json_t *a, const struct gt_objective *o)
{
	json_t	*j = objective_ref(pg, o), *kids = json_array();
	size_t	 i;

	json_object_set_new(j, "measures_caption",
	    jfmt("Measures of objective %s", o->id));
	json_object_set_new(j, "measures", measure_rows(pg, o->measures,
	    o->nmeasures, 1));
	json_object_set_new(j, "actions_caption",
	    jfmt("Actions for objective %s", o->id));
	json_object_set_new(j, "actions", action_rows(pg, o->actions,
	    o->nactions));
	json_object_set_new(j, "priority", json_pack("{s:o,s:o}", "title",
	    jstr(o->priority->title), "href",
	    href(pg, "priority/%s.html", o->priority->id)));
	for (i = 0; i < o->nchildren; i++)
		json_array_append_new(kids, objective_ref(pg,
		    o->children[i]));
	json_object_set_new(j, "children", kids);
	json_array_append_new(a, j);
}

static void
render_priority(struct gt_site *s, const struct gt_priority *p)
{
	struct page	 pg;
	char		*path = gt_xasprintf("priority/%s.html", p->id);
	char		*name = gt_xasprintf("priority/%s", p->id);
	json_t		*a = json_array();
	size_t		 i;

	page_init(&pg, s, path, p->title);
	json_object_set_new(pg.data, "priority", json_pack("{s:s,s:o,s:o}",
	    "id", p->id, "title", jstr(p->title), "body",
	    body(&pg, &p->body)));
	json_object_set_new(pg.data, "statusbar", statusbar_img(&pg,
	    "Measures by status", &p->rollup, name, BAR_W, BAR_H));
	for (i = 0; i < p->nobjectives; i++)
		objective_sections(&pg, a, p->objectives[i]);
	json_object_set_new(pg.data, "objectives", a);
	page_finish(&pg, "priority.html", crumbs_home(&pg));
	free(name);
	free(path);
}

static void
render_action(struct gt_site *s, const struct gt_action *a)
{
	struct page		 pg;
	struct gt_chart_progress pr;
	struct gt_chart		 c;
	char			*path = gt_xasprintf("action/%s.html", a->id);
	char			*d, due[64], per[GT_PERIOD_MAX];
	json_t			*j, *arr, *svg;
	size_t			 i;

	page_init(&pg, s, path, a->title);
	j = action_row(&pg, a);
	json_object_set_new(j, "explanation", jstr(a->explanation));
	json_object_set_new(j, "body", body(&pg, &a->body));
	json_object_set_new(j, "objective", objective_ref(&pg, a->objective));
	json_object_set_new(pg.data, "action", j);
	json_object_set_new(pg.data, "progress", json_null());
	if (a->nmilestones > 0) {
		gt_progress_data(&pr, a);
		c.type = GT_CHART_PROGRESS;
		c.u.progress = &pr;
		d = gt_chart_describe(&c);
		svg = chart_inline(s, &c, PROG_W, PROG_H);
		if (!json_is_null(svg))
			json_object_set_new(pg.data, "progress", json_pack(
			    "{s:O,s:o}", "svg", svg, "alt", jstr(d)));
		json_decref(svg);
		free(d);
	}
	arr = json_array();
	for (i = 0; i < a->nmilestones; i++) {
		gt_date_words(&a->milestones[i].due, due, sizeof(due));
		json_array_append_new(arr, json_pack("{s:o,s:s}", "title",
		    jstr(a->milestones[i].title), "due", due));
	}
	json_object_set_new(pg.data, "milestones", arr);
	arr = json_array();
	for (i = 0; i < a->nprogress; i++) {
		const struct gt_progress *p = a->progress[i];
		const char *n = gt_astatus_name(p->status);

		if (!gt_period_by(&s->m->conf.cal, &p->period, &s->m->judged))
			break;	/* sorted by period: nothing later is published */
		gt_period_format(&p->period, per, sizeof(per));
		json_array_append_new(arr, json_pack("{s:s,s:o,s:o}",
		    "period", per, "status", jfmt("%c%s",
		    toupper((unsigned char)n[0]), n + 1), "note",
		    jstr(p->note)));
	}
	json_object_set_new(pg.data, "progress_rows", arr);
	page_finish(&pg, "action.html", crumbs_thread(&pg,
	    a->objective->priority, a->objective));
	free(path);
}

static int
by_score(const void *a, const void *b)
{
	const struct gt_risk	*x = *(struct gt_risk *const *)a;
	const struct gt_risk	*y = *(struct gt_risk *const *)b;

	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return strcmp(x->id, y->id);
}

/* "12 risks by their current score: 2 Very high, 5 High, ..." */
static json_t *
band_counts(const struct gt_model *m)
{
	struct gt_buf	 b = { 0 };
	size_t		 i, k, n;
	json_t		*j;

	gt_buf_printf(&b, "%zu risk%s by current score:", m->nrisks,
	    m->nrisks == 1 ? "" : "s");
	for (k = m->conf.nbands; k > 0; k--) {
		for (i = n = 0; i < m->nrisks; i++)
			n += m->risks[i]->band == k - 1;
		gt_buf_printf(&b, "%s %zu %s", k == m->conf.nbands ? "" : ",",
		    n, m->conf.bands[k - 1].name);
	}
	gt_buf_puts(&b, ". A dashed box marks each risk's target score and "
	    "an arrow leads to it. The table below gives every risk's "
	    "scores.");
	j = jstr(b.data);
	gt_buf_free(&b);
	return j;
}

static void
render_risks(struct gt_site *s)
{
	struct gt_model		*m = s->m;
	struct page		 pg;
	struct gt_heatmap_data	 hd;
	struct gt_chart		 c;
	struct gt_risk		**v;
	json_t			*a = json_array(), *hm;
	size_t			 i;

	page_init(&pg, s, "risks.html", "Risk register");
	v = gt_xcalloc(m->nrisks + 1, sizeof(*v));
	memcpy(v, m->risks, m->nrisks * sizeof(*v));
	gt_sort(v, m->nrisks, sizeof(*v), by_score);
	for (i = 0; i < m->nrisks; i++)
		json_array_append_new(a, risk_row(&pg, v[i]));
	json_object_set_new(pg.data, "risks", a);
	json_object_set_new(pg.data, "appetite", m->conf.risk_appetite > 0 ?
	    json_integer(m->conf.risk_appetite) : json_null());
	json_object_set_new(pg.data, "heatmap", json_null());
	if (m->nrisks > 0) {
		gt_heatmap_data(&hd, m, v, m->nrisks);
		c.type = GT_CHART_HEATMAP;
		c.u.heatmap = &hd.heatmap;
		hm = chart_img(&pg, &c, "risks", HEAT_W, HEAT_H, 0);
		/* The table beside it has every figure: say what it shows. */
		json_object_set_new(hm, "alt", json_string("Heat map placing "
		    "each risk by likelihood and impact, described below"));
		json_object_set_new(hm, "description", band_counts(m));
		json_object_set_new(pg.data, "heatmap", hm);
		gt_heatmap_data_free(&hd);
	}
	page_finish(&pg, "risks.html", crumbs_home(&pg));
	free(v);
}

static int
by_string(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Cabinet portfolios, in name order, each once. */
static void
portfolios(const struct gt_model *m, struct gt_strlist *out)
{
	size_t	 i;

	for (i = 0; i < m->nobjectives; i++)
		if (m->objectives[i]->portfolio != NULL &&
		    !gt_strlist_has(out, m->objectives[i]->portfolio))
			gt_strlist_add(out, m->objectives[i]->portfolio);
	gt_sort(out->v, out->n, sizeof(*out->v), by_string);
}

static void
render_portfolio(struct gt_site *s, const char *name)
{
	struct gt_model	*m = s->m;
	struct gt_scope	 sc;
	struct page	 pg;
	char		*sl = gt_slug(name);
	char		*path = gt_xasprintf("portfolio/%s.html", sl);
	json_t		*a = json_array();
	size_t		 i;

	page_init(&pg, s, path, name);
	memset(&sc, 0, sizeof(sc));
	gt_scope_portfolio(&sc, m, name);
	json_object_set_new(pg.data, "portfolio", json_pack("{s:o}", "title",
	    jstr(name)));
	json_object_set_new(pg.data, "summary", summary(&sc.rollup));
	for (i = 0; i < m->nobjectives; i++)
		if (m->objectives[i]->portfolio != NULL &&
		    strcmp(m->objectives[i]->portfolio, name) == 0)
			objective_sections(&pg, a, m->objectives[i]);
	json_object_set_new(pg.data, "objectives", a);
	page_finish(&pg, "portfolio.html", crumbs_home(&pg));
	gt_scope_free(&sc);
	free(path);
	free(sl);
}

static json_t *
pack_words(const struct gt_model *m, const struct gt_pack *p)
{
	const struct gt_priority	*pr;
	struct gt_buf			 b = { 0 };
	size_t				 i;
	json_t				*j;

	for (i = 0; i < p->npriority_refs; i++)
		if ((pr = gt_map_get(&m->priority_ix,
		    p->priority_refs[i].id)) != NULL)
			gt_buf_printf(&b, "%s%s", b.len > 0 ? "; " : "",
			    pr->title);
	for (i = 0; i < p->portfolios.n; i++)
		gt_buf_printf(&b, "%sthe %s portfolio", b.len > 0 ? "; " : "",
		    p->portfolios.v[i]);
	for (i = 0; i < p->tags.n; i++)
		gt_buf_printf(&b, "%swork tagged %s", b.len > 0 ? "; " : "",
		    p->tags.v[i]);
	j = b.len > 0 ? jfmt("%c%s", toupper((unsigned char)b.data[0]),
	    b.data + 1) : json_string("The whole plan");
	gt_buf_free(&b);
	return j;
}

static void
render_pack(struct gt_site *s, const struct gt_pack *p)
{
	struct gt_model		*m = s->m;
	struct gt_scope		 sc;
	struct page		 pg;
	struct gt_measure	**mv;
	struct gt_action	**av;
	char			*path = gt_xasprintf("reports/%s.html", p->name);
	char			*pdf = gt_xasprintf("reports/%s.pdf", p->name);
	char			*full, per[GT_PERIOD_MAX];
	struct stat		 st;
	size_t			 i, nm = 0, na = 0;

	page_init(&pg, s, path, p->title);
	memset(&sc, 0, sizeof(sc));
	gt_scope_pack(&sc, m, p);
	mv = gt_xcalloc(m->nmeasures + 1, sizeof(*mv));
	av = gt_xcalloc(m->nactions + 1, sizeof(*av));
	for (i = 0; i < m->nmeasures; i++)
		if (gt_map_get(&sc.measures, m->measures[i]->id) != NULL)
			mv[nm++] = m->measures[i];
	for (i = 0; i < m->nactions; i++)
		if (gt_map_get(&sc.actions, m->actions[i]->id) != NULL)
			av[na++] = m->actions[i];
	gt_period_format(&m->judged, per, sizeof(per));
	full = gt_out_path(s->out, pdf);
	json_object_set_new(pg.data, "report", json_pack(
	    "{s:o,s:o,s:s,s:o,s:o,s:o}", "title", jstr(p->title),
	    "audience", jstr(p->audience), "as_at", per,
	    "scope", pack_words(m, p),
	    "pdf", stat(full, &st) == 0 ? href(&pg, "%s", pdf) : json_null(),
	    "pdf_size", stat(full, &st) == 0 ?
	    jfmt("%lld KB", ((long long)st.st_size + 1023) / 1024) :
	    json_null()));
	free(full);
	json_object_set_new(pg.data, "summary", summary(&sc.rollup));
	json_object_set_new(pg.data, "measures_caption",
	    json_string("Measures in this report"));
	json_object_set_new(pg.data, "measures", measure_rows(&pg, mv, nm, 0));
	json_object_set_new(pg.data, "sparks", json_false());
	json_object_set_new(pg.data, "actions_caption",
	    json_string("Actions in this report"));
	json_object_set_new(pg.data, "actions", action_rows(&pg, av, na));
	page_finish(&pg, "report.html", crumbs_thread(&pg, NULL, NULL));
	gt_scope_free(&sc);
	free(mv);
	free(av);
	free(pdf);
	free(path);
}

/* The pack's PDF; leaves the model judged at the pack's as-at period. */
static void
write_pdf(struct gt_site *s, const struct gt_pack *p)
{
	struct gt_pdf	*pdf = gt_pdf_new(s->m, p, s->text);
	struct gt_buf	 b = { 0 };
	char		*rel = gt_xasprintf("reports/%s.pdf", p->name);

	gt_timing_start("pdf");
	if (gt_pdf_render(pdf, &b) == -1 ||
	    gt_out_write(s->out, rel, b.data, b.len) == -1)
		s->failed = 1;
	gt_buf_free(&b);
	gt_pdf_free(pdf);
	free(rel);
	gt_timing_start("html");
}

static json_t *
report_list(const struct page *pg)
{
	const struct gt_model	*m = pg->s->m;
	json_t			*a = json_array();
	char			 per[GT_PERIOD_MAX];
	size_t			 i;

	for (i = 0; i < m->conf.npacks; i++) {
		const struct gt_pack *p = &m->conf.packs[i];

		gt_period_format(p->as_at_text != NULL ? &p->as_at :
		    &m->conf.as_at, per, sizeof(per));
		json_array_append_new(a, json_pack("{s:o,s:o,s:o,s:s}",
		    "title", jstr(p->title), "href",
		    href(pg, "reports/%s.html", p->name), "audience",
		    jstr(p->audience), "as_at", per));
	}
	return a;
}

static void
render_reports(struct gt_site *s)
{
	struct page	 pg;

	page_init(&pg, s, "reports.html", "Reports");
	json_object_set_new(pg.data, "reports", report_list(&pg));
	page_finish(&pg, "reports.html", crumbs_home(&pg));
}

static void
render_home(struct gt_site *s, const struct gt_strlist *ports)
{
	struct gt_model		*m = s->m;
	const struct gt_plan	*pl = m->plan;
	struct page		 pg;
	json_t			*a = json_array(), *vals = json_array(), *j;
	json_t			*hl;
	char			*name, *sl;
	size_t			 i, k, l;

	page_init(&pg, s, "index.html", NULL);
	for (i = 0; i < pl->values.n; i++)
		json_array_append_new(vals, jstr(pl->values.v[i]));
	json_object_set_new(pg.data, "plan", json_pack("{s:o,s:o,s:o,s:o}",
	    "title", jstr(pl->title), "vision", jstr(pl->vision), "values",
	    vals, "body", body(&pg, &pl->body)));
	for (i = 0; i < m->npriorities; i++) {
		const struct gt_priority *p = m->priorities[i];

		name = gt_xasprintf("summary/%s", p->id);
		hl = json_array();
		for (k = 0; k < p->nobjectives; k++)
			for (l = 0; l < p->objectives[k]->nmeasures &&
			    json_array_size(hl) < HEADLINES; l++)
				if (p->objectives[k]->measures[l]->level ==
				    GT_LEVEL_STRATEGIC)
					json_array_append_new(hl, measure_row(
					    &pg, p->objectives[k]->measures[l],
					    0));
		j = json_pack("{s:s,s:o,s:o,s:o,s:o,s:o}", "id", p->id,
		    "title", jstr(p->title), "href",
		    href(&pg, "priority/%s.html", p->id), "summary",
		    summary(&p->rollup), "statusbar", statusbar_img(&pg, NULL,
		    &p->rollup, name, CARD_W, CARD_H), "headline", hl);
		json_array_append_new(a, j);
		free(name);
	}
	json_object_set_new(pg.data, "priorities", a);
	a = json_array();
	for (i = 0; i < ports->n; i++) {
		sl = gt_slug(ports->v[i]);
		json_array_append_new(a, json_pack("{s:o,s:o}", "title",
		    jstr(ports->v[i]), "href",
		    href(&pg, "portfolio/%s.html", sl)));
		free(sl);
	}
	json_object_set_new(pg.data, "portfolios", a);
	json_object_set_new(pg.data, "reports", report_list(&pg));
	json_object_set_new(pg.data, "description", jstr(pl->vision));
	page_finish(&pg, "index.html", NULL);
}

static void
render_how(struct gt_site *s)
{
	const struct gt_conf	*c = &s->m->conf;
	struct page		 pg;
	json_t			*a = json_array(), *j;
	char			 num[GT_NUMBER_MAX];
	size_t			 i;
	int			 st;

	page_init(&pg, s, "how-we-measure.html",
	    "How we measure performance");
	for (st = 0; st < GT_STATUS_MAX; st++) {
		j = status_json((enum gt_status)st);
		json_object_set_new(j, "meaning", json_string(meanings[st]));
		json_array_append_new(a, j);
	}
	json_object_set_new(pg.data, "statuses", a);
	/* "5", "2.5": as few places as the setting has. */
	snprintf(num, sizeof(num), "%g", c->tolerance.value);
	json_object_set_new(pg.data, "tolerance", c->tolerance.kind ==
	    GT_TOL_ABSOLUTE ? jfmt("Unless a measure sets its own, a figure "
	    "that misses its target by no more than %s (in the measure's "
	    "units, or percentage points) is within tolerance.", num) :
	    jfmt("Unless a measure sets its own, a figure that misses its "
	    "target by no more than %s%% of the target is within "
	    "tolerance.", num));
	a = json_array();
	for (i = 0; i < c->nbands; i++)
		json_array_append_new(a, json_pack("{s:o,s:o}", "name",
		    jstr(c->bands[i].name), "range", jfmt("%d to %d",
		    c->bands[i].lo, c->bands[i].hi)));
	json_object_set_new(pg.data, "bands", a);
	page_finish(&pg, "how-we-measure.html", crumbs_home(&pg));
}

static void
render_simple(struct gt_site *s, const char *path, const char *layout,
    const char *title)
{
	struct page	 pg;

	page_init(&pg, s, path, title);
	page_finish(&pg, layout, strcmp(path, "404.html") == 0 ? NULL :
	    crumbs_home(&pg));
}

/* Open data ------------------------------------------------------------ */

static char *
plain_number(char *buf, size_t sz, double v, int decimals)
{
	gt_format_plain(buf, sz, v, decimals);
	if (strcmp(buf, "-0") == 0 || strspn(buf, "-0.") == strlen(buf))
		gt_format_plain(buf, sz, 0.0, decimals);
	return buf;
}

/*
 * Every figure with its target and status, one row per measure and period:
 * a measure's own fields are written once and copied to each of its rows.
 */
static void
write_csv(struct gt_site *s)
{
	const struct gt_model	*m = s->m;
	struct gt_buf		 b = { 0 }, head = { 0 }, unit = { 0 };
	char			 per[GT_PERIOD_MAX], v[GT_NUMBER_MAX],
				 lo[GT_NUMBER_MAX], hi[GT_NUMBER_MAX], *fig;
	size_t			 i, k;

	gt_buf_puts(&b, "measure,title,period,value,value_text,unit,target,"
	    "target_high,status,flag\r\n");
	for (i = 0; i < m->nmeasures; i++) {
		const struct gt_measure *me = m->measures[i];

		gt_buf_reset(&head);
		gt_csv_field(&head, me->id, 0);
		gt_csv_field(&head, me->title, 0);
		gt_buf_reset(&unit);
		gt_csv_field(&unit, me->unit, 0);
		for (k = 0; k < me->nobs; k++) {
			const struct gt_obs	*o = me->obs[k];
			const struct gt_eval	*e = &me->evals[k];

			if (!gt_period_by(&m->conf.cal, &o->period,
			    &m->conf.as_at))
				break;
			period_text(s, &o->period, per);
			fig = gt_figure_text(me, &o->value);
			gt_buf_addq(&b, head.data, head.len);
			gt_csv_field(&b, per, 0);
			gt_csv_field(&b, o->value.kind == GT_VAL_NUMBER ?
			    plain_number(v, sizeof(v), o->value.num,
			    me->decimals) : "", 0);
			gt_csv_field(&b, fig, 0);
			gt_buf_addq(&b, unit.data, unit.len);
			gt_csv_field(&b, e->has_target ? plain_number(lo,
			    sizeof(lo), e->lo, me->decimals) : "", 0);
			gt_csv_field(&b, e->has_target && e->hi != e->lo ?
			    plain_number(hi, sizeof(hi), e->hi,
			    me->decimals) : "", 0);
			gt_csv_field(&b, gt_status_name(e->status), 0);
			gt_csv_field(&b, gt_flag_name(o->flag), 1);
			free(fig);
		}
	}
	if (gt_out_write(s->out, "data/performance.csv", b.data, b.len) == -1)
		s->failed = 1;
	gt_buf_free(&b);
	gt_buf_free(&head);
	gt_buf_free(&unit);
}

static void
jw_pair(struct gt_json_w *w, const char *k, const char *v)
{
	gt_jw_key(w, k);
	gt_jw_str(w, v);
}

/* A figure at its measure's decimals. */
static void
jw_num(struct gt_json_w *w, const char *k, double v, int decimals)
{
	gt_jw_key(w, k);
	gt_jw_real(w, gt_round(v, decimals));
}

static void
measure_json(struct gt_json_w *w, struct gt_site *s,
    const struct gt_measure *me)
{
	const struct gt_model	*m = s->m;
	char			 per[GT_PERIOD_MAX];
	size_t			 k;

	gt_jw_begin(w, '{');
	jw_pair(w, "id", me->id);
	jw_pair(w, "title", me->title);
	gt_jw_key(w, "objectives");
	gt_jw_begin(w, '[');
	for (k = 0; k < me->nobjectives; k++)
		gt_jw_str(w, me->objectives[k]->id);
	gt_jw_end(w);
	jw_pair(w, "unit", me->unit);
	jw_pair(w, "polarity", gt_polarity_name(me->polarity));
	jw_pair(w, "frequency", gt_freq_name(me->frequency));
	jw_pair(w, "explanation", me->explanation);
	jw_pair(w, "status", gt_status_name(me->status));
	jw_pair(w, "direction", me->dir_prev != GT_DIR_NONE ?
	    gt_dir_name(me->dir_prev) : NULL);
	gt_jw_key(w, "late");
	gt_jw_bool(w, me->late);
	gt_jw_key(w, "figures");
	gt_jw_begin(w, '[');
	for (k = 0; k < me->nobs; k++) {
		const struct gt_obs	*o = me->obs[k];
		const struct gt_eval	*e = &me->evals[k];

		if (!gt_period_by(&m->conf.cal, &o->period,
		    &m->conf.as_at))
			break;
		period_text(s, &o->period, per);
		gt_jw_begin(w, '{');
		jw_pair(w, "period", per);
		if (o->value.kind == GT_VAL_NUMBER)
			jw_num(w, "value", o->value.num, me->decimals);
		else
			jw_pair(w, "value", NULL);
		gt_jw_key(w, "suppressed");
		gt_jw_bool(w, o->value.kind == GT_VAL_SUPPRESSED);
		jw_pair(w, "status", gt_status_name(e->status));
		if (e->has_target)
			jw_num(w, "target", e->lo, me->decimals);
		else
			jw_pair(w, "target", NULL);
		jw_pair(w, "flag", o->flag != GT_FLAG_NONE ?
		    gt_flag_name(o->flag) : NULL);
		if (e->has_target && e->hi != e->lo)
			jw_num(w, "target_high", e->hi, me->decimals);
		gt_jw_end(w);
	}
	gt_jw_end(w);
	gt_jw_end(w);
}

/*
 * The plan, its figures and statuses, for reuse: written as it is made,
 * tens of thousands of figures with no tree between.
 */
static void
write_json(struct gt_site *s)
{
	const struct gt_model	*m = s->m;
	struct gt_buf		 b = { 0 };
	struct gt_json_w	 w = { 0 };
	char			 per[GT_PERIOD_MAX], due[16];
	size_t			 i, k;

	w.b = &b;
	gt_period_format(&m->conf.as_at, per, sizeof(per));
	gt_jw_begin(&w, '{');
	jw_pair(&w, "organisation", m->conf.organisation);
	jw_pair(&w, "title", m->conf.title);
	jw_pair(&w, "as_at", per);
	gt_jw_key(&w, "priorities");
	gt_jw_begin(&w, '[');
	for (i = 0; i < m->npriorities; i++) {
		const struct gt_priority *p = m->priorities[i];

		gt_jw_begin(&w, '{');
		jw_pair(&w, "id", p->id);
		jw_pair(&w, "title", p->title);
		gt_jw_key(&w, "objectives");
		gt_jw_begin(&w, '[');
		for (k = 0; k < p->nobjectives; k++)
			gt_jw_str(&w, p->objectives[k]->id);
		gt_jw_end(&w);
		gt_jw_end(&w);
	}
	gt_jw_end(&w);
	gt_jw_key(&w, "objectives");
	gt_jw_begin(&w, '[');
	for (i = 0; i < m->nobjectives; i++) {
		const struct gt_objective *o = m->objectives[i];

		gt_jw_begin(&w, '{');
		jw_pair(&w, "id", o->id);
		jw_pair(&w, "title", o->title);
		jw_pair(&w, "priority", o->priority->id);
		jw_pair(&w, "parent", o->parent != NULL ? o->parent->id : NULL);
		jw_pair(&w, "lead", o->lead);
		jw_pair(&w, "portfolio", o->portfolio);
		gt_jw_end(&w);
	}
	gt_jw_end(&w);
	gt_jw_key(&w, "measures");
	gt_jw_begin(&w, '[');
	for (i = 0; i < m->nmeasures; i++)
		measure_json(&w, s, m->measures[i]);
	gt_jw_end(&w);
	gt_jw_key(&w, "actions");
	gt_jw_begin(&w, '[');
	for (i = 0; i < m->nactions; i++) {
		const struct gt_action *ac = m->actions[i];

		due[0] = '\0';
		gt_date_format(&ac->due, due, sizeof(due));
		gt_jw_begin(&w, '{');
		jw_pair(&w, "id", ac->id);
		jw_pair(&w, "title", ac->title);
		jw_pair(&w, "objective", ac->objective->id);
		jw_pair(&w, "lead", ac->lead);
		jw_pair(&w, "due", due[0] != '\0' ? due : NULL);
		jw_pair(&w, "status", ac->status == GT_ASTATUS_NONE ?
		    "not started" : gt_astatus_name(ac->status));
		gt_jw_end(&w);
	}
	gt_jw_end(&w);
	gt_jw_key(&w, "risks");
	gt_jw_begin(&w, '[');
	for (i = 0; i < m->nrisks; i++) {
		const struct gt_risk *k2 = m->risks[i];

		gt_jw_begin(&w, '{');
		jw_pair(&w, "id", k2->id);
		jw_pair(&w, "title", k2->title);
		gt_jw_key(&w, "likelihood");
		gt_jw_int(&w, k2->likelihood);
		gt_jw_key(&w, "impact");
		gt_jw_int(&w, k2->impact);
		gt_jw_key(&w, "score");
		gt_jw_int(&w, k2->score);
		gt_jw_key(&w, "target_score");
		if (k2->target_score > 0)
			gt_jw_int(&w, k2->target_score);
		else
			gt_jw_null(&w);
		gt_jw_key(&w, "above_appetite");
		gt_jw_bool(&w, k2->above_appetite);
		gt_jw_end(&w);
	}
	gt_jw_end(&w);
	gt_jw_end(&w);
	if (gt_out_write(s->out, "data/performance.json", b.data, b.len) == -1)
		s->failed = 1;
	gt_buf_free(&b);
}

/* sitemap.xml and feed.xml --------------------------------------------- */

static char *
absolute(const struct gt_conf *c, const char *path)
{
	size_t	 n = strlen(c->base_url);

	return gt_xasprintf("%s%s%s", c->base_url,
	    n > 0 && c->base_url[n - 1] == '/' ? "" : "/", path);
}

static void
write_xml(struct gt_site *s, const char *rel, xmlDocPtr doc)
{
	xmlChar	*text;
	int	 len;

	xmlDocDumpFormatMemoryEnc(doc, &text, &len, "UTF-8", 1);
	if (gt_out_write(s->out, rel, text, (size_t)len) == -1)
		s->failed = 1;
	xmlFree(text);
	xmlFreeDoc(doc);
}

static void
sitemap_url(struct gt_site *s, xmlNodePtr set, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
sitemap_url(struct gt_site *s, xmlNodePtr set, const char *fmt, ...)
{
	xmlNodePtr	 url = xmlNewChild(set, NULL, (const xmlChar *)"url", NULL);
	va_list		 ap;
	char		*path, *loc;

	va_start(ap, fmt);
	path = gt_xvasprintf(fmt, ap);
	va_end(ap);
	loc = absolute(&s->m->conf, path);
	xmlNewTextChild(url, NULL, (const xmlChar *)"loc", (const xmlChar *)loc);
	free(loc);
	free(path);
}

/* Every page but 404.html, listed from the model: pages come from two processes. */
static void
write_sitemap(struct gt_site *s, const struct gt_strlist *ports)
{
	const struct gt_model	*m = s->m;
	xmlDocPtr		 doc = xmlNewDoc((const xmlChar *)"1.0");
	xmlNodePtr		 set;
	char			*sl;
	size_t			 i;

	set = xmlNewNode(NULL, (const xmlChar *)"urlset");
	xmlNewProp(set, (const xmlChar *)"xmlns",
	    (const xmlChar *)"http://www.sitemaps.org/schemas/sitemap/0.9");
	xmlDocSetRootElement(doc, set);
	sitemap_url(s, set, "index.html");
	for (i = 0; i < m->npriorities; i++)
		sitemap_url(s, set, "priority/%s.html", m->priorities[i]->id);
	for (i = 0; i < m->nobjectives; i++)
		sitemap_url(s, set, "objective/%s.html", m->objectives[i]->id);
	for (i = 0; i < m->nmeasures; i++)
		sitemap_url(s, set, "measure/%s.html", m->measures[i]->id);
	for (i = 0; i < m->nactions; i++)
		sitemap_url(s, set, "action/%s.html", m->actions[i]->id);
	for (i = 0; i < ports->n; i++) {
		sl = gt_slug(ports->v[i]);
		sitemap_url(s, set, "portfolio/%s.html", sl);
		free(sl);
	}
	sitemap_url(s, set, "risks.html");
	sitemap_url(s, set, "how-we-measure.html");
	sitemap_url(s, set, "reports.html");
	for (i = 0; i < m->conf.npacks; i++)
		sitemap_url(s, set, "reports/%s.html", m->conf.packs[i].name);
	sitemap_url(s, set, "data/index.html");
	write_xml(s, "sitemap.xml", doc);
}

static void
write_feed(struct gt_site *s)
{
	const struct gt_model	*m = s->m;
	xmlDocPtr		 doc = xmlNewDoc((const xmlChar *)"1.0");
	xmlNodePtr		 feed, e, l;
	const struct gt_period	*as_at;
	struct gt_date		 d;
	char			 when[32], pwhen[32], per[GT_PERIOD_MAX], *u,
				*rel, *sum;
	size_t			 i;

	/* Dated by the as-at period, not the clock: builds reproduce. */
	d = gt_period_end_date(&m->conf.cal, &m->conf.as_at);
	snprintf(when, sizeof(when), "%04d-%02d-%02dT00:00:00Z", d.y, d.m,
	    d.d);
	feed = xmlNewNode(NULL, (const xmlChar *)"feed");
	xmlNewProp(feed, (const xmlChar *)"xmlns",
	    (const xmlChar *)"http://www.w3.org/2005/Atom");
	xmlDocSetRootElement(doc, feed);
	xmlNewTextChild(feed, NULL, (const xmlChar *)"title",
	    (const xmlChar *)m->conf.title);
	u = absolute(&m->conf, "");
	xmlNewTextChild(feed, NULL, (const xmlChar *)"id", (const xmlChar *)u);
	l = xmlNewChild(feed, NULL, (const xmlChar *)"link", NULL);
	xmlNewProp(l, (const xmlChar *)"href", (const xmlChar *)u);
	free(u);
	xmlNewTextChild(feed, NULL, (const xmlChar *)"updated",
	    (const xmlChar *)when);
	e = xmlNewChild(feed, NULL, (const xmlChar *)"author", NULL);
	xmlNewTextChild(e, NULL, (const xmlChar *)"name",
	    (const xmlChar *)(m->conf.organisation != NULL ?
	    m->conf.organisation : m->conf.title));
	for (i = 0; i < m->conf.npacks; i++) {
		const struct gt_pack *p = &m->conf.packs[i];

		rel = gt_xasprintf("reports/%s.html", p->name);
		u = absolute(&m->conf, rel);
		e = xmlNewChild(feed, NULL, (const xmlChar *)"entry", NULL);
		xmlNewTextChild(e, NULL, (const xmlChar *)"title",
		    (const xmlChar *)p->title);
		xmlNewTextChild(e, NULL, (const xmlChar *)"id",
		    (const xmlChar *)u);
		l = xmlNewChild(e, NULL, (const xmlChar *)"link", NULL);
		xmlNewProp(l, (const xmlChar *)"href", (const xmlChar *)u);
		/* Each report is dated by its own as-at period. */
		as_at = p->as_at_text != NULL ? &p->as_at : &m->conf.as_at;
		d = gt_period_end_date(&m->conf.cal, as_at);
		snprintf(pwhen, sizeof(pwhen), "%04d-%02d-%02dT00:00:00Z", d.y,
		    d.m, d.d);
		xmlNewTextChild(e, NULL, (const xmlChar *)"updated",
		    (const xmlChar *)pwhen);
		gt_period_format(as_at, per, sizeof(per));
		sum = gt_xasprintf("%s%s%sas at %s", p->audience != NULL ?
		    "For " : "", p->audience != NULL ? p->audience : "",
		    p->audience != NULL ? ", " : "", per);
		xmlNewTextChild(e, NULL, (const xmlChar *)"summary",
		    (const xmlChar *)sum);
		free(sum);
		free(u);
		free(rel);
	}
	write_xml(s, "feed.xml", doc);
}

/* The layouts' own files (the style sheet, images) go out as they are. */
static void
copy_assets(struct gt_site *s, const char *layouts)
{
	static const char *const files[] = { "assets/style.css" };
	char	*src, *data;
	size_t	 i, len;
	struct gt_loc	 loc = { NULL, 0, 0 };

	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		src = gt_xasprintf("%s/%s", layouts, files[i]);
		if (gt_read_in(layouts, src, &data, &len) == -1) {
			loc.file = src;
			gt_msg(GT_E_LAYOUT, &loc, "cannot read '%s': %s", src,
			    gt_read_strerror(errno));
			s->failed = 1;
		} else {
			if (gt_out_write(s->out, files[i], data, len) == -1)
				s->failed = 1;
			free(data);
		}
		free(src);
	}
}

/*
 * The jobs are of two kinds: pages that list measures with sparklines
 * (SPARKS), whose sparklines a process works out once for all the pages
 * it makes, and the rest (OTHER). Each kind is numbered in one fixed
 * order, and a process takes the next job not yet taken from a counter
 * per kind that the two share, its own kind first: neither waits on the
 * other while work is left, and a sparkline is seldom worked out twice.
 */
enum kind { OTHER, SPARKS };

struct jobs {
	atomic_size_t	*next;		/* shared, per kind: the first not taken */
	enum kind	 kind;		/* the kind being taken */
	size_t		 at;		/* the job of that kind being counted */
	size_t		 mine;		/* the one this process took */
	int		 taken;		/* whether mine is set */
};

/* Whether the job of kind k counted next is this process's. */
static int
mine(struct jobs *j, enum kind k)
{
	if (k != j->kind)
		return 0;
	if (!j->taken) {
		j->mine = atomic_fetch_add(&j->next[k], 1);
		j->taken = 1;
	}
	if (j->at++ != j->mine)
		return 0;
	j->taken = 0;
	return 1;
}

/*
 * Every page and file of kind j->kind. The biggest jobs go first, so that
 * the last ones are small and neither process is left working alone.
 */
static void
render_kind(struct gt_site *s, const struct gt_strlist *ports,
    struct jobs *j)
{
	struct gt_model	*m = s->m;
	size_t		 i;

	j->at = 0;
	j->taken = 0;
	/* A pack judges the model at its own as-at period, then again. */
	for (i = 0; i < m->conf.npacks; i++)
		if (mine(j, OTHER)) {
			write_pdf(s, &m->conf.packs[i]);
			render_pack(s, &m->conf.packs[i]);
			if (m->conf.packs[i].as_at_text != NULL)
				gt_status(m);
		}
	if (mine(j, OTHER))
		write_json(s);
	if (mine(j, OTHER))
		write_csv(s);
	/* Both need absolute addresses: only with a base_url. */
	if (mine(j, OTHER) && m->conf.base_url != NULL)
		write_sitemap(s, ports);
	if (mine(j, OTHER) && m->conf.base_url != NULL)
		write_feed(s);
	if (mine(j, OTHER))
		render_home(s, ports);
	for (i = 0; i < m->npriorities; i++)
		if (mine(j, SPARKS))
			render_priority(s, m->priorities[i]);
	for (i = 0; i < ports->n; i++)
		if (mine(j, SPARKS))
			render_portfolio(s, ports->v[i]);
	for (i = 0; i < m->nobjectives; i++)
		if (mine(j, SPARKS))
			render_objective(s, m->objectives[i]);
	if (mine(j, OTHER))
		render_risks(s);
	for (i = 0; i < m->nmeasures; i++)
		if (mine(j, OTHER))
			render_measure(s, m->measures[i]);
	for (i = 0; i < m->nactions; i++)
		if (mine(j, OTHER))
			render_action(s, m->actions[i]);
	if (mine(j, OTHER))
		render_how(s);
	if (mine(j, OTHER))
		render_reports(s);
	if (mine(j, OTHER))
		render_simple(s, "data/index.html", "data.html", "Open data");
	if (mine(j, OTHER))
		render_simple(s, "404.html", "404.html", "Page not found");
	if (mine(j, OTHER))
		copy_assets(s, s->layouts);
}

/* Every job this process takes, kind first, then the other kind. */
static void
render_part(struct gt_site *s, const struct gt_strlist *ports,
    struct jobs *j, enum kind first)
{
	j->kind = first;
	render_kind(s, ports, j);
	j->kind = first == OTHER ? SPARKS : OTHER;
	render_kind(s, ports, j);
}

/*
 * The pages and files are independent of each other: a second process
 * shares the jobs out with this one, and hands its diagnostics back
 * through a pipe. Without fork, one process makes them all.
 */
static void
render_shared(struct gt_site *s, const struct gt_strlist *ports)
{
	struct gt_model	*m = s->m;
	struct gt_buf	 b = { 0 };
	struct gt_loc	 loc = { "goldthread", 0, 0 };
	struct jobs	 j = { 0 };
	atomic_size_t	 own[2], *shared;
	char		 chunk[4096], *nul, *keys, *files;
	const char	*e;
	FILE		*f;
	ssize_t		 n;
	pid_t		 pid = -1;
	int		 fds[2], st;

	atomic_init(&own[OTHER], 0);
	atomic_init(&own[SPARKS], 0);
	j.next = own;
	fflush(NULL);
	/* GT_JOBS=1: one process, for profiles and timings of every stage. */
	if (((e = getenv("GT_JOBS")) == NULL || strcmp(e, "1") != 0) &&
	    m->nmeasures > 1 && (shared = mmap(NULL, sizeof(own),
	    PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0)) !=
	    MAP_FAILED) {
		atomic_init(&shared[OTHER], 0);
		atomic_init(&shared[SPARKS], 0);
		if (pipe(fds) == 0 && (pid = fork()) == -1) {
			close(fds[0]);
			close(fds[1]);
		}
		if (pid != -1)
			j.next = shared;
		else
			munmap(shared, sizeof(own));
	}
	if (pid == 0) {
		close(fds[0]);
		gt_timing_forget();
		render_part(s, ports, &j, SPARKS);
		/*
		 * Diagnostics, a NUL, the stage timings (if on), a NUL, the
		 * cache entries used, a NUL, then the files made.
		 */
		if ((f = fdopen(fds[1], "w")) != NULL) {
			gt_diag_export(f);
			fputc('\0', f);
			gt_timing_report(f);
			fputc('\0', f);
			gt_cache_export(s->cache, f);
			fputc('\0', f);
			gt_out_export(s->out, f);
			fclose(f);
		}
		_exit(s->failed ? 1 : 0);
	}
	if (pid > 0)
		close(fds[1]);
	render_part(s, ports, &j, OTHER);
	if (pid <= 0)
		return;
	munmap(shared, sizeof(own));
	while ((n = read(fds[0], chunk, sizeof(chunk))) > 0 ||
	    (n == -1 && errno == EINTR))
		if (n > 0)
			gt_buf_add(&b, chunk, (size_t)n);
	close(fds[0]);
	while (waitpid(pid, &st, 0) == -1 && errno == EINTR)
		continue;
	if (b.len > 0 && (nul = memchr(b.data, '\0', b.len)) != NULL &&
	    (keys = memchr(nul + 1, '\0', b.len - (size_t)(nul + 1 -
	    b.data))) != NULL && (files = memchr(keys + 1, '\0',
	    b.len - (size_t)(keys + 1 - b.data))) != NULL) {
		gt_out_import(s->out, files + 1,
		    b.len - (size_t)(files + 1 - b.data));
		gt_cache_import(s->cache, keys + 1, (size_t)(files - (keys + 1)));
		gt_timing_import(nul + 1, (size_t)(keys - (nul + 1)));
		b.len = (size_t)(nul - b.data);
	}
	if (!WIFEXITED(st) || WEXITSTATUS(st) != 0 || b.len == 0 ||
	    gt_diag_import(b.data, b.len) == -1) {
		if (!WIFEXITED(st) || b.len == 0)
			gt_msg(GT_E_WRITE, &loc, "a worker process failed");
		s->failed = 1;
	}
	gt_buf_free(&b);
}

/* The back-end ----------------------------------------------------------- */

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

struct gt_site *
gt_site_new(struct gt_model *m, const char *layouts, struct gt_cache *cache)
{
	struct gt_site	*s = gt_xcalloc(1, sizeof(*s));
	int		 i;

	s->m = m;
	s->cache = cache;
	s->layouts = gt_xstrdup(layouts);
	s->t = gt_tmpl_new(layouts);
	s->text = gt_pdf_text_new();
	for (i = 0; i < GT_STATUS_MAX; i++)
		s->statuses[i] = status_json((enum gt_status)i);
	for (i = 0; i <= GT_ASTATUS_OVERDUE; i++)
		s->astatuses[i] = astatus_json((enum gt_astatus)i);
	if (cache != NULL) {
		layouts_key(layouts, s->layouts_key);
		gt_tmpl_svg_source(s->t, chart_svg, s);
	}
	return s;
}

int
gt_site_render(struct gt_site *s, struct gt_out *out)
{
	struct gt_model		*m = s->m;
	struct gt_strlist	 ports = { 0 };

	s->out = out;
	s->failed = 0;
	portfolios(m, &ports);
	render_shared(s, &ports);
	gt_strlist_free(&ports);
	return s->failed ? -1 : 0;
}

void
gt_site_free(struct gt_site *s)
{
	size_t	 i;

	if (s == NULL)
		return;
	gt_tmpl_free(s->t);
	for (i = 0; i < GT_STATUS_MAX; i++)
		json_decref(s->statuses[i]);
	for (i = 0; i <= GT_ASTATUS_OVERDUE; i++)
		json_decref(s->astatuses[i]);
	for (i = 0; i < s->sparks.cap; i++)
		if (s->sparks.ents != NULL && s->sparks.ents[i].key != NULL) {
			struct spark	*sp = s->sparks.ents[i].val;

			free(sp->alt);
			json_decref(sp->svg);
			free(sp);
		}
	gt_map_free(&s->sparks);
	gt_buf_free(&s->keybuf);
	gt_pdf_text_free(s->text);
	free(s->layouts);
	free(s);
}
