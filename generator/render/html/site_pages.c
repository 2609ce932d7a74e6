/* site_pages.c: what each kind of page of the site shows (see site.h). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chartdata.h"
#include "format.h"
#include "site.h"
#include "site_int.h"

/* Chart sizes in CSS pixels (the layouts' width and height match). */
#define SPARK_W		120
#define SPARK_H		32
#define BAR_W		640
#define BAR_H		100
#define HEAT_W		640
#define HEAT_H		520
#define PROG_W		480
#define PROG_H		64

char *
gt_site_portfolio_path(const char *name)
{
	char	*sl = gt_slug(name), *path;

	path = gt_xasprintf("portfolio/%s.html", sl);
	free(sl);
	return path;
}

/* Rows ----------------------------------------------------------------- */

/*
 * A measure's sparkline, drawn once however many pages list it (the
 * pages that show them are judged at the site's period): null if it has
 * fewer than two figures. Hidden from screen readers: the row beside it
 * says everything in words.
 */
static json_t *
spark_get(struct gt_site *s, const struct gt_measure *me)
{
	struct gt_trend_data	 td;
	struct gt_chart		 c;
	json_t			*sp;

	if ((sp = gt_map_get(&s->sparks, me->id)) != NULL)
		return sp;
	sp = json_null();
	if (me->nobs > 0) {
		gt_trend_data(&td, s->j, me);
		if (td.trend.npoints > 1) {
			c.type = GT_CHART_SPARK;
			c.u.trend = &td.trend;
			sp = gt_chart_inline(s, &c, SPARK_W, SPARK_H);
		}
		gt_trend_data_free(&td);
	}
	gt_map_put(&s->sparks, me->id, sp);
	return sp;
}

json_t *
gt_site_measure_row(struct page *pg, const struct gt_measure *me, int spark)
{
	struct gt_mrow		 r;
	char			 per[GT_WORDS_PERIOD_MAX];
	json_t			*j;

	gt_mrow(&r, pg->j, me);
	/* Thousands of rows: set directly, not through json_pack. */
	j = json_object();
	if (pg->s->m->conf.indicator_codes)
		gt_jset(j, "code", gt_jstr(r.code));
	gt_jset(j, "title", gt_jstr(me->title));
	gt_jset(j, "href", gt_href(pg, "measure/%s.html", me->id));
	gt_jset(j, "late", json_boolean(r.j->late));
	gt_jset(j, "latest", gt_jstr(r.latest));
	if (r.j->latest != NULL) {
		gt_site_period(pg->s, &r.j->latest->obs->period, per);
		gt_jset(j, "latest_period", gt_jstr(per));
	} else
		gt_jset(j, "latest_period", json_null());
	gt_jset(j, "target", gt_jstr(r.target));
	gt_jset(j, "status", json_incref(pg->s->statuses[r.j->status]));
	gt_jset(j, "direction", json_string(r.direction));
	gt_jset(j, "direction_year", json_string(r.direction_year));
	gt_jset(j, "spark", spark ? json_incref(spark_get(pg->s, me)) :
	    json_null());
	gt_mrow_free(&r);
	return j;
}

json_t *
gt_site_action_row(struct page *pg, const struct gt_action *a)
{
	struct gt_arow	 r;
	json_t		*j;

	gt_arow(&r, pg->j, a);
	j = json_object();
	gt_jset(j, "title", gt_jstr(a->title));
	gt_jset(j, "href", gt_href(pg, "action/%s.html", a->id));
	gt_jset(j, "lead", gt_jstr(a->lead));
	gt_jset(j, "due", gt_jstr(r.due));
	gt_jset(j, "milestones", gt_jstr(r.milestones));
	gt_jset(j, "status", json_incref(pg->s->astatuses[r.j->status]));
	gt_arow_free(&r);
	return j;
}

/* A risk as the register and objective pages show it. */
static json_t *
risk_row(struct page *pg, const struct gt_risk *k)
{
	struct gt_rrow	 r;
	json_t		*j, *controls = json_array();
	size_t		 i;

	gt_rrow(&r, pg->j, k);
	for (i = 0; i < k->controls.n; i++)
		json_array_append_new(controls, gt_jstr(k->controls.v[i]));
	j = json_pack("{s:s,s:o,s:o,s:o,s:i,s:i,s:i,s:o,s:o,s:o,s:o,s:o,"
	    "s:o}", "reference", k->id, "anchor", gt_jfmt("risk-%s", k->id),
	    "title", gt_jstr(k->title), "owner", gt_jstr(k->owner),
	    "likelihood", k->likelihood, "impact", k->impact,
	    "score", r.j->score, "rating", gt_jstr(r.rating),
	    "target_score", r.j->target_score > 0 ?
	    json_integer(r.j->target_score) : gt_jstr(r.target),
	    "target_rating", r.j->target_score > 0 ?
	    gt_jstr(r.target_rating) : json_null(),
	    "explanation", gt_jstr(r.j->explanation),
	    "controls", controls,
	    "href", gt_href(pg, "risks.html#risk-%s", k->id));
	json_object_set_new(j, "above", json_boolean(r.j->above_appetite));
	gt_rrow_free(&r);
	return j;
}

json_t *
gt_site_objective_ref(const struct page *pg, const struct gt_objective *o)
{
	json_t	*j = json_object();

	gt_jset(j, "title", gt_jstr(o->title));
	gt_jset(j, "href", gt_href(pg, "objective/%s.html", o->id));
	gt_jset(j, "lead", gt_jstr(o->lead));
	gt_jset(j, "portfolio", gt_jstr(o->portfolio));
	return j;
}

json_t *
gt_site_summary(const struct gt_rollup *r)
{
	char	*t = gt_rollup_words(r, 0);
	json_t	*j = gt_jstr(t);

	free(t);
	return j;
}

/* Sparklines show the site's as-at period: none on a pack's own. */
json_t *
gt_site_measure_rows(struct page *pg, struct gt_measure *const *v, size_t n,
    int spark)
{
	json_t	*a = json_array();
	size_t	 i;

	for (i = 0; i < n; i++)
		json_array_append_new(a, gt_site_measure_row(pg, v[i], spark));
	return a;
}

json_t *
gt_site_action_rows(struct page *pg, struct gt_action *const *v, size_t n)
{
	json_t	*a = json_array();
	size_t	 i;

	for (i = 0; i < n; i++)
		json_array_append_new(a, gt_site_action_row(pg, v[i]));
	return a;
}

json_t *
gt_site_statusbar(struct page *pg, const char *title,
    const struct gt_rollup *r, const char *name, double w, double h)
{
	struct gt_chart_statusbar	 sb;
	struct gt_chart			 c;

	if (r->measures == 0)
		return json_null();
	gt_statusbar_data(&sb, title, r);
	c.type = GT_CHART_STATUSBAR;
	c.u.statusbar = &sb;
	return gt_chart_img(pg, &c, name, gt_word(GT_WORD_STATUS_CHART), w, h,
	    0);
}

/*
 * Table captions and the ids that label their scroll regions: unique on
 * a page, however many objectives it shows.
 */
static void
captions(json_t *j, const struct gt_objective *o)
{
	gt_jset(j, "measures_caption", gt_jfmt("%s%s",
	    gt_word(GT_WORD_MEASURES_FOR), o->title));
	gt_jset(j, "measures_id", gt_jfmt("measures-%s", o->id));
	gt_jset(j, "actions_caption", gt_jfmt("%s%s",
	    gt_word(GT_WORD_ACTIONS_FOR), o->title));
	gt_jset(j, "actions_id", gt_jfmt("actions-%s", o->id));
}

/* An objective and, after it, its sub-objectives, each as a section. */
static void
objective_sections(struct page *pg, json_t *a, const struct gt_objective *o)
{
	json_t	*j = gt_site_objective_ref(pg, o), *kids = json_array();
	size_t	 i;

	captions(j, o);
	json_object_set_new(j, "measures", gt_site_measure_rows(pg,
	    o->measures, o->nmeasures, 1));
	json_object_set_new(j, "actions", gt_site_action_rows(pg, o->actions,
	    o->nactions));
	json_object_set_new(j, "priority", json_pack("{s:o,s:o}", "title",
	    gt_jstr(o->priority->title), "href",
	    gt_href(pg, "priority/%s.html", o->priority->id)));
	for (i = 0; i < o->nchildren; i++)
		json_array_append_new(kids, gt_site_objective_ref(pg,
		    o->children[i]));
	json_object_set_new(j, "children", kids);
	json_array_append_new(a, j);
}

/* Pages ---------------------------------------------------------------- */

void
gt_page_objective(struct gt_site *s, const struct gt_objective *o)
{
	struct page	 pg;
	char		*path = gt_xasprintf("objective/%s.html", o->id);
	json_t		*j, *a;
	size_t		 i;

	gt_page_init(&pg, s, path, o->title);
	j = gt_site_objective_ref(&pg, o);
	json_object_set_new(j, "body", gt_page_body(&pg, &o->body));
	json_object_set_new(j, "priority", json_pack("{s:o,s:o}", "title",
	    gt_jstr(o->priority->title), "href",
	    gt_href(&pg, "priority/%s.html", o->priority->id)));
	json_object_set_new(j, "parent", o->parent == NULL ? json_null() :
	    gt_site_objective_ref(&pg, o->parent));
	json_object_set_new(pg.data, "objective", j);
	captions(pg.data, o);
	json_object_set_new(pg.data, "measures", gt_site_measure_rows(&pg,
	    o->measures, o->nmeasures, 1));
	json_object_set_new(pg.data, "actions", gt_site_action_rows(&pg,
	    o->actions, o->nactions));
	a = json_array();
	for (i = 0; i < o->nchildren; i++) {
		j = gt_site_objective_ref(&pg, o->children[i]);
		json_object_set_new(j, "summary", gt_site_summary(
		    gt_judged_objective(s->j, o->children[i])));
		json_array_append_new(a, j);
	}
	json_object_set_new(pg.data, "children", a);
	a = json_array();
	for (i = 0; i < o->nrisks; i++)
		json_array_append_new(a, risk_row(&pg, o->risks[i]));
	json_object_set_new(pg.data, "risks", a);
	gt_page_finish(&pg, "objective.html", gt_crumbs_thread(&pg,
	    o->priority, o->parent));
	free(path);
}

void
gt_page_priority(struct gt_site *s, const struct gt_priority *p)
{
	struct page	 pg;
	char		*path = gt_xasprintf("priority/%s.html", p->id);
	char		*name = gt_xasprintf("priority/%s", p->id);
	json_t		*a = json_array();
	size_t		 i;

	gt_page_init(&pg, s, path, p->title);
	json_object_set_new(pg.data, "priority", json_pack("{s:o,s:o}",
	    "title", gt_jstr(p->title), "body",
	    gt_page_body(&pg, &p->body)));
	json_object_set_new(pg.data, "statusbar", gt_site_statusbar(&pg,
	    "Measures by status", gt_judged_priority(s->j, p), name, BAR_W,
	    BAR_H));
	for (i = 0; i < p->nobjectives; i++)
		objective_sections(&pg, a, p->objectives[i]);
	json_object_set_new(pg.data, "objectives", a);
	gt_page_finish(&pg, "priority.html", gt_crumbs_home(&pg));
	free(name);
	free(path);
}

void
gt_page_action(struct gt_site *s, const struct gt_action *a)
{
	const struct gt_jaction	*ja = gt_judged_action(s->j, a);
	struct page		 pg;
	struct gt_chart_progress pr;
	struct gt_chart		 c;
	char			*path = gt_xasprintf("action/%s.html", a->id);
	char			*d, due[64], per[GT_WORDS_PERIOD_MAX];
	json_t			*j, *arr, *svg;
	size_t			 i;

	gt_page_init(&pg, s, path, a->title);
	j = gt_site_action_row(&pg, a);
	json_object_set_new(j, "explanation", gt_jstr(ja->explanation));
	json_object_set_new(j, "body", gt_page_body(&pg, &a->body));
	json_object_set_new(j, "objective", gt_site_objective_ref(&pg,
	    a->objective));
	json_object_set_new(pg.data, "action", j);
	json_object_set_new(pg.data, "progress", json_null());
	if (a->nmilestones > 0) {
		gt_progress_data(&pr, s->j, a);
		c.type = GT_CHART_PROGRESS;
		c.u.progress = &pr;
		d = gt_chart_describe(&c);
		svg = gt_chart_inline(s, &c, PROG_W, PROG_H);
		if (!json_is_null(svg))
			json_object_set_new(pg.data, "progress", json_pack(
			    "{s:O,s:o}", "svg", svg, "alt", gt_jstr(d)));
		json_decref(svg);
		free(d);
	}
	arr = json_array();
	for (i = 0; i < a->nmilestones; i++) {
		gt_date_words(&a->milestones[i].due, due, sizeof(due));
		json_array_append_new(arr, json_pack("{s:o,s:s}", "title",
		    gt_jstr(a->milestones[i].title), "due", due));
	}
	json_object_set_new(pg.data, "milestones", arr);
	arr = json_array();
	/* Published: the progress reported up to the as-at period. */
	for (i = 0; i < ja->shown; i++) {
		const struct gt_progress *p = a->progress[i];

		gt_site_period(s, &p->period, per);
		json_array_append_new(arr, json_pack("{s:s,s:s,s:o}",
		    "period", per, "status", gt_astatus_label(p->status),
		    "note", gt_jstr(p->note)));
	}
	json_object_set_new(pg.data, "progress_rows", arr);
	gt_page_finish(&pg, "action.html", gt_crumbs_thread(&pg,
	    a->objective->priority, a->objective));
	free(path);
}

/* A risk and its score, to sort the register by. */
struct scored {
	int			 score;
	struct gt_risk		*k;
};

/* Highest score first, then by id. */
static int
by_score(const void *a, const void *b)
{
	const struct scored	*x = a, *y = b;

	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return strcmp(x->k->id, y->k->id);
}

/* "12 risks by their current score: 2 Very high, 5 High, ..." */
static json_t *
band_counts(const struct gt_site *s)
{
	const struct gt_model	*m = s->m;
	struct gt_buf		 b = { 0 };
	size_t			 i, k, n;
	json_t			*j;

	gt_buf_printf(&b, "%zu risk%s by current score:", m->nrisks,
	    m->nrisks == 1 ? "" : "s");
	for (k = m->conf.nbands; k > 0; k--) {
		for (i = n = 0; i < m->nrisks; i++)
			n += gt_judged_risk(s->j, m->risks[i])->band == k - 1;
		gt_buf_printf(&b, "%s %zu %s", k == m->conf.nbands ? "" : ",",
		    n, m->conf.bands[k - 1].name);
	}
	gt_buf_puts(&b, ". A dashed box marks each risk's target score and "
	    "an arrow leads to it. Every risk's scores are given below.");
	j = gt_jstr(b.data);
	gt_buf_free(&b);
	return j;
}

/*
 * The heat map as a list, for phones: each rating, highest first, with
 * its risks (v: highest score first).
 */
static json_t *
by_rating(struct page *pg, struct gt_risk *const *v, size_t n)
{
	const struct gt_conf	*c = &pg->s->m->conf;
	const struct gt_jrisk	*jr;
	json_t			*a = json_array(), *band, *list;
	size_t			 b, i;

	for (b = c->nbands; b > 0; b--) {
		list = json_array();
		for (i = 0; i < n; i++)
			if ((jr = gt_judged_risk(pg->j, v[i]))->band == b - 1)
				json_array_append_new(list, json_pack(
				    "{s:o,s:o,s:i}", "title",
				    gt_jstr(v[i]->title), "href",
				    gt_jfmt("#risk-%s", v[i]->id), "score",
				    jr->score));
		band = json_pack("{s:o,s:o}", "name", gt_jstr(c->bands[b -
		    1].name), "risks", list);
		if (json_array_size(list) > 0)
			json_array_append(a, band);
		json_decref(band);
	}
	return a;
}

void
gt_page_risks(struct gt_site *s)
{
	const struct gt_model	*m = s->m;
	struct page		 pg;
	struct gt_heatmap_data	 hd;
	struct gt_chart		 c;
	struct scored		*sv;
	struct gt_risk		**v;
	json_t			*a = json_array(), *hm;
	size_t			 i;

	gt_page_init(&pg, s, "risks.html", "Risk register");
	sv = gt_xcalloc(m->nrisks + 1, sizeof(*sv));
	v = gt_xcalloc(m->nrisks + 1, sizeof(*v));
	for (i = 0; i < m->nrisks; i++) {
		sv[i].k = m->risks[i];
		sv[i].score = gt_judged_risk(s->j, m->risks[i])->score;
	}
	gt_sort(sv, m->nrisks, sizeof(*sv), by_score);
	for (i = 0; i < m->nrisks; i++) {
		v[i] = sv[i].k;
		hm = risk_row(&pg, v[i]);
		json_object_set_new(hm, "body", gt_page_body(&pg, &v[i]->body));
		json_object_set_new(hm, "managing", json_boolean(
		    v[i]->controls.n > 0 || v[i]->body.doc != NULL));
		json_array_append_new(a, hm);
	}
	free(sv);
	json_object_set_new(pg.data, "risks", a);
	json_object_set_new(pg.data, "by_rating", by_rating(&pg, v,
	    m->nrisks));
	json_object_set_new(pg.data, "appetite", m->conf.risk_appetite > 0 ?
	    json_integer(m->conf.risk_appetite) : json_null());
	json_object_set_new(pg.data, "heatmap", json_null());
	if (m->nrisks > 0) {
		gt_heatmap_data(&hd, m, v, m->nrisks);
		c.type = GT_CHART_HEATMAP;
		c.u.heatmap = &hd.heatmap;
		hm = gt_chart_img(&pg, &c, "risks", gt_word(GT_WORD_HEAT_MAP),
		    HEAT_W, HEAT_H, 0);
		/* The register below has every figure: say what it shows. */
		json_object_set_new(hm, "description", band_counts(s));
		json_object_set_new(pg.data, "heatmap", hm);
		gt_heatmap_data_free(&hd);
	}
	gt_page_finish(&pg, "risks.html", gt_crumbs_home(&pg));
	free(v);
}

void
gt_page_portfolio(struct gt_site *s, const char *name)
{
	const struct gt_model	*m = s->m;
	struct gt_scope		 sc;
	struct gt_rollup	 r;
	struct page		 pg;
	char			*path = gt_site_portfolio_path(name);
	json_t			*a = json_array();
	size_t			 i;

	gt_page_init(&pg, s, path, name);
	gt_scope_init(&sc, m, NULL);
	gt_scope_portfolio(&sc, m, name);
	gt_judge_rollup(s->j, &sc, &r);
	json_object_set_new(pg.data, "portfolio", json_pack("{s:o}", "title",
	    gt_jstr(name)));
	json_object_set_new(pg.data, "summary", gt_site_summary(&r));
	for (i = 0; i < m->nobjectives; i++)
		if (m->objectives[i]->portfolio != NULL &&
		    strcmp(m->objectives[i]->portfolio, name) == 0)
			objective_sections(&pg, a, m->objectives[i]);
	json_object_set_new(pg.data, "objectives", a);
	gt_page_finish(&pg, "portfolio.html", gt_crumbs_home(&pg));
	gt_scope_free(&sc);
	free(path);
}

static json_t *
pack_words(const struct gt_pack *p)
{
	struct gt_buf	 b = { 0 };
	size_t		 i;
	json_t		*j;

	for (i = 0; i < p->npriorities; i++)
		gt_buf_printf(&b, "%s%s", b.len > 0 ? "; " : "",
		    p->priorities[i]->title);
	for (i = 0; i < p->portfolios.n; i++)
		gt_buf_printf(&b, "%sthe %s portfolio", b.len > 0 ? "; " : "",
		    p->portfolios.v[i]);
	for (i = 0; i < p->tags.n; i++)
		gt_buf_printf(&b, "%swork tagged %s", b.len > 0 ? "; " : "",
		    p->tags.v[i]);
	j = b.len > 0 ? gt_jfmt("%c%s", toupper((unsigned char)b.data[0]),
	    b.data + 1) : json_string("The whole plan");
	gt_buf_free(&b);
	return j;
}

/* A report pack's page, judged at the pack's period, with its PDF's size. */
void
gt_page_pack(struct gt_site *s, size_t ix)
{
	const struct gt_model	*m = s->m;
	const struct gt_pack	*p = &m->conf.packs[ix];
	const struct gt_scope	*sc = p->scope;
	struct gt_rollup	 r;
	struct page		 pg;
	struct gt_measure	**mv;
	struct gt_action	**av;
	char			*path = gt_xasprintf("reports/%s.html", p->name);
	char			*pdf = gt_xasprintf("reports/%s.pdf", p->name);
	char			 per[GT_WORDS_PERIOD_MAX], sz[32];
	long long		 size = s->sink->size(s->sink->ctx, pdf);
	size_t			 i, nm = 0, na = 0;

	gt_page_init(&pg, s, path, p->title);
	pg.j = s->packs[ix];
	mv = gt_xcalloc(m->nmeasures + 1, sizeof(*mv));
	av = gt_xcalloc(m->nactions + 1, sizeof(*av));
	for (i = 0; i < m->nmeasures; i++)
		if (gt_scope_has_measure(sc, m->measures[i]))
			mv[nm++] = m->measures[i];
	for (i = 0; i < m->nactions; i++)
		if (gt_scope_has_action(sc, m->actions[i]))
			av[na++] = m->actions[i];
	gt_period_end_words(&m->conf.cal, &p->as_at, per, sizeof(per));
	json_object_set_new(pg.data, "report", json_pack(
	    "{s:o,s:o,s:s,s:o,s:o,s:o}", "title", gt_jstr(p->title),
	    "audience", gt_jstr(gt_pack_for(p)), "as_at", per,
	    "scope", pack_words(p),
	    "pdf", size >= 0 ? gt_href(&pg, "%s", pdf) : json_null(),
	    "pdf_size", size >= 0 ? gt_jstr(gt_size_words(size, sz,
	    sizeof(sz))) : json_null()));
	gt_judge_rollup(pg.j, sc, &r);
	json_object_set_new(pg.data, "summary", gt_site_summary(&r));
	json_object_set_new(pg.data, "changes", gt_changes_json(&pg,
	    s->since[ix], sc));
	json_object_set_new(pg.data, "measures_caption",
	    json_string("Measures in this report"));
	json_object_set_new(pg.data, "measures_id", json_string("measures"));
	json_object_set_new(pg.data, "measures", gt_site_measure_rows(&pg, mv,
	    nm, 0));
	json_object_set_new(pg.data, "sparks", json_false());
	json_object_set_new(pg.data, "actions_caption",
	    json_string("Actions in this report"));
	json_object_set_new(pg.data, "actions_id", json_string("actions"));
	json_object_set_new(pg.data, "actions", gt_site_action_rows(&pg, av,
	    na));
	gt_page_finish(&pg, "report.html", gt_crumbs_thread(&pg, NULL, NULL));
	free(mv);
	free(av);
	free(pdf);
	free(path);
}

json_t *
gt_site_reports(const struct page *pg)
{
	const struct gt_model	*m = pg->s->m;
	json_t			*a = json_array();
	char			 per[GT_WORDS_PERIOD_MAX];
	size_t			 i;

	for (i = 0; i < m->conf.npacks; i++) {
		const struct gt_pack *p = &m->conf.packs[i];

		gt_period_end_words(&m->conf.cal, &p->as_at, per, sizeof(per));
		json_array_append_new(a, json_pack("{s:o,s:o,s:o,s:s}",
		    "title", gt_jstr(p->title), "href",
		    gt_href(pg, "reports/%s.html", p->name), "audience",
		    gt_jstr(gt_pack_for(p)), "as_at", per));
	}
	return a;
}

void
gt_page_reports(struct gt_site *s)
{
	struct page	 pg;

	gt_page_init(&pg, s, "reports.html", "Reports");
	json_object_set_new(pg.data, "reports", gt_site_reports(&pg));
	gt_page_finish(&pg, "reports.html", gt_crumbs_home(&pg));
}

void
gt_page_how(struct gt_site *s)
{
	const struct gt_conf	*c = &s->m->conf;
	struct page		 pg;
	json_t			*a = json_array(), *j;
	char			 num[GT_NUMBER_MAX];
	size_t			 i;
	int			 st;

	gt_page_init(&pg, s, "how-we-measure.html",
	    "How we measure performance");
	for (st = 0; st < GT_STATUS_MAX; st++) {
		j = json_deep_copy(s->statuses[st]);
		json_object_set_new(j, "meaning",
		    json_string(gt_status_meaning((enum gt_status)st)));
		json_array_append_new(a, j);
	}
	json_object_set_new(pg.data, "statuses", a);
	/* "5", "2.5": as few places as the setting has. */
	snprintf(num, sizeof(num), "%g", c->tolerance.value);
	json_object_set_new(pg.data, "tolerance", c->tolerance.kind ==
	    GT_TOL_ABSOLUTE ? gt_jfmt("Unless a measure sets its own, a "
	    "figure that misses its target by no more than %s (in the "
	    "measure's units, or percentage points) is within tolerance.",
	    num) : gt_jfmt("Unless a measure sets its own, a figure that "
	    "misses its target by no more than %s%% of the target is within "
	    "tolerance.", num));
	a = json_array();
	for (i = 0; i < c->nbands; i++)
		json_array_append_new(a, json_pack("{s:o,s:o}", "name",
		    gt_jstr(c->bands[i].name), "range", gt_jfmt("%d to %d",
		    c->bands[i].lo, c->bands[i].hi)));
	json_object_set_new(pg.data, "bands", a);
	gt_page_finish(&pg, "how-we-measure.html", gt_crumbs_home(&pg));
}

/* The open data: its files with their sizes, licence and dates. */
void
gt_page_data(struct gt_site *s)
{
	static const struct {
		const char	*key, *path;
	} files[] = {
		{ "csv", "data/performance.csv" },
		{ "json", "data/performance.json" },
		{ "schema", "data/performance.schema.json" },
		{ "finance", "data/finance.csv" }
	};
	const struct gt_conf	*c = &s->m->conf;
	struct page		 pg;
	char			 sz[32];
	long long		 size;
	size_t			 i;

	gt_page_init(&pg, s, "data/index.html", "Open data");
	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		size = s->sink->size(s->sink->ctx, files[i].path);
		json_object_set_new(pg.data, files[i].key, json_pack(
		    "{s:o,s:o}", "href", gt_href(&pg, "%s", files[i].path),
		    "size", size >= 0 ? gt_jstr(gt_size_words(size, sz,
		    sizeof(sz))) : json_null()));
	}
	json_object_set_new(pg.data, "licence", json_pack("{s:o,s:o}",
	    "name", gt_jstr(c->licence), "url", gt_jstr(c->licence_url)));
	json_object_set_new(pg.data, "address", c->base_url != NULL ?
	    gt_jfmt("%sdata/index.html", c->base_url) : json_null());
	gt_page_finish(&pg, "data.html", gt_crumbs_home(&pg));
}

void
gt_page_simple(struct gt_site *s, const char *path, const char *layout,
    const char *title)
{
	struct page	 pg;

	gt_page_init(&pg, s, path, title);
	gt_page_finish(&pg, layout, strcmp(path, "404.html") == 0 ? NULL :
	    gt_crumbs_home(&pg));
}
