/* feeds.c: sitemap.xml and feed.xml (see feeds.h). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "feeds.h"
#include "site.h"
#include "words.h"

struct feeds {
	const struct gt_model	*m;
	struct gt_strlist	 ports;		/* portfolio pages' paths */
};

static char *
absolute(const struct gt_conf *c, const char *path)
{
	size_t	 n = strlen(c->base_url);

	return gt_xasprintf("%s%s%s", c->base_url,
	    n > 0 && c->base_url[n - 1] == '/' ? "" : "/", path);
}

static int
write_xml(struct gt_sink *sink, const char *rel, xmlDocPtr doc)
{
	xmlChar	*text;
	int	 len, rc;

	xmlDocDumpFormatMemoryEnc(doc, &text, &len, "UTF-8", 1);
	rc = sink->write(sink->ctx, rel, text, (size_t)len);
	xmlFree(text);
	xmlFreeDoc(doc);
	return rc;
}

static void
sitemap_url(const struct feeds *f, xmlNodePtr set, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
sitemap_url(const struct feeds *f, xmlNodePtr set, const char *fmt, ...)
{
	xmlNodePtr	 url = xmlNewChild(set, NULL, (const xmlChar *)"url", NULL);
	va_list		 ap;
	char		*path, *loc;

	va_start(ap, fmt);
	path = gt_xvasprintf(fmt, ap);
	va_end(ap);
	loc = absolute(&f->m->conf, path);
	xmlNewTextChild(url, NULL, (const xmlChar *)"loc", (const xmlChar *)loc);
	free(loc);
	free(path);
}

/* Every page but 404.html, listed from the model: pages come from two processes. */
static int
write_sitemap(const struct feeds *f, struct gt_sink *sink)
{
	const struct gt_model	*m = f->m;
	xmlDocPtr		 doc = xmlNewDoc((const xmlChar *)"1.0");
	xmlNodePtr		 set;
	size_t			 i;

	set = xmlNewNode(NULL, (const xmlChar *)"urlset");
	xmlNewProp(set, (const xmlChar *)"xmlns",
	    (const xmlChar *)"http://www.sitemaps.org/schemas/sitemap/0.9");
	xmlDocSetRootElement(doc, set);
	sitemap_url(f, set, "index.html");
	for (i = 0; i < m->npriorities; i++)
		sitemap_url(f, set, "priority/%s.html", m->priorities[i]->id);
	for (i = 0; i < m->nobjectives; i++)
		sitemap_url(f, set, "objective/%s.html", m->objectives[i]->id);
	for (i = 0; i < m->nmeasures; i++)
		sitemap_url(f, set, "measure/%s.html", m->measures[i]->id);
	for (i = 0; i < m->nactions; i++)
		sitemap_url(f, set, "action/%s.html", m->actions[i]->id);
	for (i = 0; i < f->ports.n; i++)
		sitemap_url(f, set, "%s", f->ports.v[i]);
	sitemap_url(f, set, "risks.html");
	sitemap_url(f, set, "how-we-measure.html");
	sitemap_url(f, set, "reports.html");
	sitemap_url(f, set, "finance.html");
	for (i = 0; i < m->conf.npacks; i++)
		sitemap_url(f, set, "reports/%s.html", m->conf.packs[i].name);
	sitemap_url(f, set, "data/index.html");
	return write_xml(sink, "sitemap.xml", doc);
}

/* "2025-09-30T00:00:00Z": the end of a period, not the clock. */
static void
when(const struct gt_model *m, const struct gt_period *p, char buf[32])
{
	struct gt_date	 d = gt_period_end_date(&m->conf.cal, p);

	snprintf(buf, 32, "%04d-%02d-%02dT00:00:00Z", d.y, d.m, d.d);
}

static int
write_feed(const struct feeds *f, struct gt_sink *sink)
{
	const struct gt_model	*m = f->m;
	xmlDocPtr		 doc = xmlNewDoc((const xmlChar *)"1.0");
	xmlNodePtr		 feed, e, l;
	char			 date[32], per[GT_WORDS_PERIOD_MAX], *u, *rel, *sum;
	size_t			 i;

	feed = xmlNewNode(NULL, (const xmlChar *)"feed");
	xmlNewProp(feed, (const xmlChar *)"xmlns",
	    (const xmlChar *)"http://www.w3.org/2005/Atom");
	/* The language of the titles and summaries, as the pages say. */
	xmlNodeSetLang(feed, (const xmlChar *)m->conf.language);
	xmlDocSetRootElement(doc, feed);
	xmlNewTextChild(feed, NULL, (const xmlChar *)"title",
	    (const xmlChar *)m->conf.title);
	u = absolute(&m->conf, "");
	xmlNewTextChild(feed, NULL, (const xmlChar *)"id", (const xmlChar *)u);
	l = xmlNewChild(feed, NULL, (const xmlChar *)"link", NULL);
	xmlNewProp(l, (const xmlChar *)"href", (const xmlChar *)u);
	free(u);
	when(m, &m->conf.as_at, date);
	xmlNewTextChild(feed, NULL, (const xmlChar *)"updated",
	    (const xmlChar *)date);
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
		when(m, &p->as_at, date);
		xmlNewTextChild(e, NULL, (const xmlChar *)"updated",
		    (const xmlChar *)date);
		gt_period_end_words(&m->conf.cal, &p->as_at, per, sizeof(per));
		sum = gt_xasprintf("%s%s%sfigures to %s", p->audience != NULL ?
		    "For " : "", p->audience != NULL ? p->audience : "",
		    p->audience != NULL ? ", " : "", per);
		xmlNewTextChild(e, NULL, (const xmlChar *)"summary",
		    (const xmlChar *)sum);
		free(sum);
		free(u);
		free(rel);
	}
	return write_xml(sink, "feed.xml", doc);
}

static void *
feeds_new(const struct gt_render_in *in)
{
	const struct gt_model	*m = in->m;
	struct feeds		*f = gt_xcalloc(1, sizeof(*f));
	char			*path;
	size_t			 i;

	f->m = m;
	for (i = 0; i < m->portfolios.n; i++) {
		path = gt_site_portfolio_path(m->portfolios.v[i]);
		gt_strlist_add(&f->ports, path);
		free(path);
	}
	return f;
}

static size_t
feeds_jobs(void *v)
{
	return ((struct feeds *)v)->m->conf.base_url != NULL ? 2 : 0;
}

static int
feeds_render(void *v, size_t job, struct gt_sink *sink)
{
	return job == 0 ? write_sitemap(v, sink) : write_feed(v, sink);
}

static void
feeds_free(void *v)
{
	struct feeds	*f = v;

	if (f == NULL)
		return;
	gt_strlist_free(&f->ports);
	free(f);
}

const struct gt_backend gt_feeds_backend = {
	"feeds", feeds_new, feeds_jobs, NULL, feeds_render, feeds_free
};
