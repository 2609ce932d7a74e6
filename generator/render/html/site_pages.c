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
 * A measure's sparkline, worked out once however many pages list it (the
 * pages that show them are judged at the site's period).
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
		gt_trend_data(&td, s->j, me);
		if (td.trend.npoints > 1) {
			c.type = GT_CHART_SPARK;
			c.u.trend = &td.trend;
			sp->alt = gt_chart_describe(&c);
			sp->svg = gt_chart_inline(s, &c, SPARK_W, SPARK_H);
		}
		gt_trend_data_free(&td);
	}
	gt_map_put(&s->sparks, me->id, sp);
	return sp;
}

static json_t *
measure_row(struct page *pg, const struct gt_measure *me, int spark)
{
	const struct spark	*sp;
	struct gt_mrow		 r;
	char			 per[GT_PERIOD_MAX];
	json_t			*j;

	gt_mrow(&r, pg->j, me);
	/* Thousands of rows: set directly, not through json_pack. */
	j = json_object();
	gt_jset(j, "id", gt_jstr(me->id));
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
	gt_jset(j, "spark", json_null());
	if (spark && (sp = spark_get(pg->s, me))->alt != NULL &&
	    !json_is_null(sp->svg))
		gt_jset(j, "spark", gt_jset(gt_jset(json_object(), "svg",
		    json_incref(sp->svg)), "alt", gt_jstr(sp->alt)));
	gt_mrow_free(&r);
	return j;
}

static json_t *
action_row(struct page *pg, const struct gt_action *a)
{
	struct gt_arow	 r;
	json_t		*j;

	gt_arow(&r, pg->j, a);
	j = json_object();
	gt_jset(j, "id", gt_jstr(a->id));
	gt_jset(j, "title", gt_jstr(a->title));
	gt_jset(j, "href", gt_href(pg, "action/%s.html", a->id));
	gt_jset(j, "lead", gt_jstr(a->lead));
	gt_jset(j, "due", gt_jstr(r.due));
	gt_jset(j, "milestones", gt_jstr(r.milestones));
	gt_jset(j, "status", json_incref(pg->s->astatuses[r.j->status]));
	gt_arow_free(&r);
	return j;
}

static json_t *
risk_row(struct page *pg, const struct gt_risk *k)
{
	struct gt_rrow	 r;
	json_t		*j;

	gt_rrow(&r, pg->j, k);
	j = json_pack("{s:s,s:o,s:o,s:o,s:i,s:i,s:i,s:o,s:o,s:o,s:o,s:o}",
	    "id", k->id, "anchor", gt_jfmt("risk-%s", k->id),
	    "title", gt_jstr(k->title), "owner", gt_jstr(k->owner),
	    "likelihood", k->likelihood, "impact", k->impact,
	    "score", r.j->score, "rating", gt_jstr(r.rating),
	    "target_score", r.j->target_score > 0 ?
	    json_integer(r.j->target_score) : gt_jstr(r.target),
	    "explanation", gt_jstr(r.j->explanation),
	    "controls", gt_jstr(r.controls),
	    "href", gt_href(pg, "risks.html#risk-%s", k->id));
	gt_rrow_free(&r);
	return j;
}

static json_t *
objective_ref(const struct page *pg, const struct gt_objective *o)
{
	json_t	*j = json_object();

	gt_jset(j, "id", gt_jstr(o->id));
	gt_jset(j, "title", gt_jstr(o->title));
	gt_jset(j, "href", gt_href(pg, "objective/%s.html", o->id));
	gt_jset(j, "lead", gt_jstr(o->lead));
	gt_jset(j, "portfolio", gt_jstr(o->portfolio));
	return j;
}

static json_t *
summary(const struct gt_rollup *r)
{
	char	*t = gt_rollup_words(r, 0);
	json_t	*j = gt_jstr(t);

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
	return gt_chart_img(pg, &c, name, w, h, 0);
}

/* An objective and, after it, its sub-objectives, each as a section. */
static void
objective_sections(struct page *pg, json_t *a, const struct gt_objective *o)
{
	json_t	*j = objective_ref(pg, o), *kids = json_array();
	size_t	 i;

	json_object_set_new(j, "measures_caption",
	    gt_jfmt("Measures of objective %s", o->id));
	json_object_set_new(j, "measures", measure_rows(pg, o->measures,
	    o->nmeasures, 1));
	json_object_set_new(j, "actions_caption",
	    gt_jfmt("Actions for objective %s", o->id));
	json_object_set_new(j, "actions", action_rows(pg, o->actions,
	    o->nactions));
	json_object_set_new(j, "priority", json_pack("{s:o,s:o}", "title",
	    gt_jstr(o->priority->title), "href",
	    gt_href(pg, "priority/%s.html", o->priority->id)));
	for (i = 0; i < o->nchildren; i++)
		json_array_append_new(kids, objective_ref(pg,
		    o->children[i]));
	json_object_set_new(j, "children", kids);
	json_array_append_new(a, j);
}

/* Pages ---------------------------------------------------------------- */

void
gt_page_measure(struct gt_site *s, const struct gt_measure *me)
{
	const struct gt_jmeasure	*jm = gt_judged_measure(s->j, me);
	struct page			 pg;
	struct gt_trend_data		 td;
	struct gt_chart			 c;
	struct gt_hrow			 h;
	const struct gt_eval		*last = NULL;
	char				*path, per[GT_PERIOD_MAX], *fig, *name;
	json_t				*rows, *row, *cmp, *objs;
	json_t				*target = NULL;
	size_t				 i;

	path = gt_xasprintf("measure/%s.html", me->id);
	gt_page_init(&pg, s, path, me->title);
	json_object_set_new(pg.data, "measure", measure_row(&pg, me, 0));
	row = json_object_get(pg.data, "measure");
	json_object_set_new(row, "explanation", gt_jstr(jm->explanation));
	json_object_set_new(row, "body", gt_page_body(&pg, &me->body));
	json_object_set_new(row, "source", gt_jstr(me->source));
	json_object_set_new(row, "owner", gt_jstr(me->owner));
	json_object_set_new(row, "polarity",
	    json_string(gt_polarity_label(me->polarity)));
	json_object_set_new(row, "frequency",
	    json_string(gt_freq_label(me->frequency)));
	gt_period_format(&jm->expected, per, sizeof(per));
	json_object_set_new(row, "expected", gt_jstr(per));
	if (me->has_baseline) {
		fig = gt_figure_number(me, me->baseline);
		gt_period_format(&me->baseline_period, per, sizeof(per));
		json_object_set_new(row, "baseline", gt_jfmt("%s in %s", fig,
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
	gt_trend_data(&td, s->j, me);
	if (td.trend.npoints > 0) {
		c.type = GT_CHART_TREND;
		c.u.trend = &td.trend;
		/* A folder a kind: no id of one names another's chart. */
		name = gt_xasprintf("measure/%s", me->id);
		json_object_set_new(pg.data, "chart",
		    gt_chart_img(&pg, &c, name, TREND_W, TREND_H, 1));
		free(name);
		/* Drawn again for phones, where the wide one's text is tiny. */
		json_object_set_new(pg.data, "chart_narrow",
		    gt_chart_inline(s, &c, NARROW_W, NARROW_H));
	}
	gt_trend_data_free(&td);
	json_object_set_new(pg.data, "data_csv",
	    gt_href(&pg, "data/performance.csv"));

	rows = json_array();
	for (i = 0; i < jm->shown; i++) {
		gt_hrow(&h, s->j, me, i);
		/* A year's periods share a target: one string for them. */
		if (target == NULL || h.e->has_target != last->has_target ||
		    h.e->lo != last->lo || h.e->hi != last->hi) {
			json_decref(target);
			target = gt_jstr(h.target);
			last = h.e;
		}
		gt_site_period(s, &h.obs->period, per);
		/* Twenty thousand rows: set directly, not through json_pack. */
		row = json_object();
		gt_jset(row, "period", gt_jstr(per));
		gt_jset(row, "value", gt_jstr(h.value));
		gt_jset(row, "target", json_incref(target));
		gt_jset(row, "status", json_incref(s->statuses[h.e->status]));
		gt_jset(row, "note", gt_jstr(h.note));
		json_array_append_new(rows, row);
		gt_hrow_free(&h);
	}
	json_decref(target);
	json_object_set_new(pg.data, "rows", rows);
	cmp = json_array();
	for (i = 0; i < me->ncomparators; i++) {
		const struct gt_comparator *k = me->comparators[i];

		if (!gt_shown_period(s->j, &k->period))
			continue;
		fig = gt_figure_text(me, &k->value);
		gt_period_format(&k->period, per, sizeof(per));
		json_array_append_new(cmp, json_pack("{s:o,s:s,s:o}", "group",
		    gt_jstr(k->group), "period", per, "value", gt_jstr(fig)));
		free(fig);
	}
	json_object_set_new(pg.data, "comparators", cmp);
	gt_page_finish(&pg, "measure.html", gt_crumbs_thread(&pg,
	    me->nobjectives > 0 ? me->objectives[0]->priority : NULL,
	    me->nobjectives > 0 ? me->objectives[0] : NULL));
	free(path);
}

void
gt_page_objective(struct gt_site *s, const struct gt_objective *o)
{
	struct page	 pg;
	char		*path = gt_xasprintf("objective/%s.html", o->id);
	json_t		*j, *a;
	size_t		 i;

	gt_page_init(&pg, s, path, o->title);
	j = objective_ref(&pg, o);
	json_object_set_new(j, "body", gt_page_body(&pg, &o->body));
	json_object_set_new(j, "priority", json_pack("{s:o,s:o}", "title",
	    gt_jstr(o->priority->title), "href",
	    gt_href(&pg, "priority/%s.html", o->priority->id)));
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
		json_object_set_new(j, "summary", summary(
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
	json_object_set_new(pg.data, "priority", json_pack("{s:s,s:o,s:o}",
	    "id", p->id, "title", gt_jstr(p->title), "body",
	    gt_page_body(&pg, &p->body)));
	json_object_set_new(pg.data, "statusbar", statusbar_img(&pg,
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
	char			*d, due[64], per[GT_PERIOD_MAX];
	json_t			*j, *arr, *svg;
	size_t			 i;

	gt_page_init(&pg, s, path, a->title);
	j = action_row(&pg, a);
	json_object_set_new(j, "explanation", gt_jstr(ja->explanation));
	json_object_set_new(j, "body", gt_page_body(&pg, &a->body));
	json_object_set_new(j, "objective", objective_ref(&pg, a->objective));
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

		gt_period_format(&p->period, per, sizeof(per));
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
	    "an arrow leads to it. The table below gives every risk's "
	    "scores.");
	j = gt_jstr(b.data);
	gt_buf_free(&b);
	return j;
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
		json_array_append_new(a, risk_row(&pg, v[i]));
	}
	free(sv);
	json_object_set_new(pg.data, "risks", a);
	json_object_set_new(pg.data, "appetite", m->conf.risk_appetite > 0 ?
	    json_integer(m->conf.risk_appetite) : json_null());
	json_object_set_new(pg.data, "heatmap", json_null());
	if (m->nrisks > 0) {
		gt_heatmap_data(&hd, m, v, m->nrisks);
		c.type = GT_CHART_HEATMAP;
		c.u.heatmap = &hd.heatmap;
		hm = gt_chart_img(&pg, &c, "risks", HEAT_W, HEAT_H, 0);
		/* The table beside it has every figure: say what it shows. */
		json_object_set_new(hm, "alt", json_string("Heat map placing "
		    "each risk by likelihood and impact, described below"));
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
	json_object_set_new(pg.data, "summary", summary(&r));
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
	char			 per[GT_PERIOD_MAX];
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
	gt_period_format(&p->as_at, per, sizeof(per));
	json_object_set_new(pg.data, "report", json_pack(
	    "{s:o,s:o,s:s,s:o,s:o,s:o}", "title", gt_jstr(p->title),
	    "audience", gt_jstr(p->audience), "as_at", per,
	    "scope", pack_words(p),
	    "pdf", size >= 0 ? gt_href(&pg, "%s", pdf) : json_null(),
	    "pdf_size", size >= 0 ? gt_jfmt("%lld KB", (size + 1023) / 1024) :
	    json_null()));
	gt_judge_rollup(pg.j, sc, &r);
	json_object_set_new(pg.data, "summary", summary(&r));
	json_object_set_new(pg.data, "measures_caption",
	    json_string("Measures in this report"));
	json_object_set_new(pg.data, "measures", measure_rows(&pg, mv, nm, 0));
	json_object_set_new(pg.data, "sparks", json_false());
	json_object_set_new(pg.data, "actions_caption",
	    json_string("Actions in this report"));
	json_object_set_new(pg.data, "actions", action_rows(&pg, av, na));
	gt_page_finish(&pg, "report.html", gt_crumbs_thread(&pg, NULL, NULL));
	free(mv);
	free(av);
	free(pdf);
	free(path);
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

		gt_period_format(&p->as_at, per, sizeof(per));
		json_array_append_new(a, json_pack("{s:o,s:o,s:o,s:s}",
		    "title", gt_jstr(p->title), "href",
		    gt_href(pg, "reports/%s.html", p->name), "audience",
		    gt_jstr(p->audience), "as_at", per));
	}
	return a;
}

void
gt_page_reports(struct gt_site *s)
{
	struct page	 pg;

	gt_page_init(&pg, s, "reports.html", "Reports");
	json_object_set_new(pg.data, "reports", report_list(&pg));
	gt_page_finish(&pg, "reports.html", gt_crumbs_home(&pg));
}

void
gt_page_home(struct gt_site *s)
{
	const struct gt_model	*m = s->m;
	const struct gt_plan	*pl = m->plan;
	struct page		 pg;
	json_t			*a = json_array(), *vals = json_array(), *j;
	json_t			*hl;
	char			*name, *path;
	size_t			 i, k, l;

	gt_page_init(&pg, s, "index.html", NULL);
	for (i = 0; i < pl->values.n; i++)
		json_array_append_new(vals, gt_jstr(pl->values.v[i]));
	json_object_set_new(pg.data, "plan", json_pack("{s:o,s:o,s:o,s:o}",
	    "title", gt_jstr(pl->title), "vision", gt_jstr(pl->vision),
	    "values", vals, "body", gt_page_body(&pg, &pl->body)));
	for (i = 0; i < m->npriorities; i++) {
		const struct gt_priority *p = m->priorities[i];
		const struct gt_rollup *r = gt_judged_priority(s->j, p);

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
		    "title", gt_jstr(p->title), "href",
		    gt_href(&pg, "priority/%s.html", p->id), "summary",
		    summary(r), "statusbar", statusbar_img(&pg, NULL, r, name,
		    CARD_W, CARD_H), "headline", hl);
		json_array_append_new(a, j);
		free(name);
	}
	json_object_set_new(pg.data, "priorities", a);
	a = json_array();
	for (i = 0; i < m->portfolios.n; i++) {
		path = gt_site_portfolio_path(m->portfolios.v[i]);
		json_array_append_new(a, json_pack("{s:o,s:o}", "title",
		    gt_jstr(m->portfolios.v[i]), "href", gt_href(&pg, "%s",
		    path)));
		free(path);
	}
	json_object_set_new(pg.data, "portfolios", a);
	json_object_set_new(pg.data, "reports", report_list(&pg));
	json_object_set_new(pg.data, "description", gt_jstr(pl->vision));
	gt_page_finish(&pg, "index.html", NULL);
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

void
gt_page_simple(struct gt_site *s, const char *path, const char *layout,
    const char *title)
{
	struct page	 pg;

	gt_page_init(&pg, s, path, title);
	gt_page_finish(&pg, layout, strcmp(path, "404.html") == 0 ? NULL :
	    gt_crumbs_home(&pg));
}
