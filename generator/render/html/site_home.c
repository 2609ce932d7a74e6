/*
 * site_home.c: the home page (see site.h): the plan's position at a
 * glance first (glance.h), then the priorities with their headline
 * measures, and the plan's foreword and values below.
 */
#include <stdlib.h>

#include "glance.h"
#include "site.h"
#include "site_int.h"

#define CARD_W		300	/* the status bar on a priority's card */
#define CARD_H		80
#define HEADLINES	4	/* headline measures on a priority's card */
#define MOVERS		3	/* biggest movers each way */
#define LISTED		5	/* exceptions of each kind listed */

/* Each status with measures, in the order reports list them. */
static json_t *
tally(const struct gt_site *s, const struct gt_rollup *r)
{
	json_t	*a = json_array();
	int	 st;

	for (st = 0; st < GT_STATUS_MAX; st++)
		if (r->status[st] > 0)
			json_array_append_new(a, json_pack("{s:I,s:O}",
			    "count", (json_int_t)r->status[st], "status",
			    s->statuses[st]));
	return a;
}

/* A mover: its row, with the change from the period before in words. */
static json_t *
mover(struct page *pg, const struct gt_mover *mv)
{
	const struct gt_jmeasure *jm = gt_judged_measure(pg->j, mv->me);
	char			 per[GT_WORDS_PERIOD_MAX], *t;
	json_t			*j = gt_site_measure_row(pg, mv->me, 0);

	gt_site_period(pg->s, &jm->prev->period, per);
	t = gt_change_words(mv->me, jm->latest->obs->value.num,
	    jm->prev->value.num, per);
	gt_jset(j, "change", gt_jstr(t));
	free(t);
	return j;
}

/* "And 3 more.", past the LISTED shown; null if none. */
static json_t *
more(size_t n)
{
	return n > LISTED ? gt_jfmt("And %zu more.", n - LISTED) :
	    json_null();
}

static json_t *
glance_json(struct page *pg)
{
	struct gt_glance	 g;
	json_t			*j = json_object(), *a;
	char			*t;
	size_t			 i;

	gt_glance(&g, pg->j, MOVERS);
	gt_jset(j, "measures", json_integer((json_int_t)g.all.measures));
	gt_jset(j, "tally", tally(pg->s, &g.all));
	t = gt_travel_words(&g.all);
	gt_jset(j, "travel", gt_jstr(t));
	free(t);
	gt_jset(j, "worse_off", gt_site_measure_rows(pg, g.worse_off,
	    g.nworse_off < LISTED ? g.nworse_off : LISTED, 0));
	gt_jset(j, "worse_off_more", more(g.nworse_off));
	gt_jset(j, "overdue", gt_site_action_rows(pg, g.overdue,
	    g.noverdue < LISTED ? g.noverdue : LISTED));
	gt_jset(j, "overdue_more", more(g.noverdue));
	gt_jset(j, "above_more", more(g.nabove));
	a = json_array();
	for (i = 0; i < g.nabove && i < LISTED; i++)
		json_array_append_new(a, json_pack("{s:o,s:o,s:i}", "title",
		    gt_jstr(g.above[i]->title), "href", gt_href(pg,
		    "risks.html#risk-%s", g.above[i]->id), "score",
		    gt_judged_risk(pg->j, g.above[i])->score));
	gt_jset(j, "above", a);
	gt_jset(j, "attention", json_boolean(g.nworse_off + g.noverdue +
	    g.nabove > 0));
	a = json_array();
	for (i = 0; i < g.nworse; i++)
		json_array_append_new(a, mover(pg, &g.worse[i]));
	for (i = 0; i < g.nbetter; i++)
		json_array_append_new(a, mover(pg, &g.better[i]));
	gt_jset(j, "movers", a);
	gt_glance_free(&g);
	return j;
}

static json_t *
priority_card(struct page *pg, const struct gt_priority *p)
{
	const struct gt_rollup	*r = gt_judged_priority(pg->j, p);
	struct gt_measure	*hl[HEADLINES];
	char			*name = gt_xasprintf("summary/%s", p->id);
	size_t			 n, total;
	json_t			*j;

	n = gt_headline(pg->j, p, hl, HEADLINES, &total);
	j = json_pack("{s:o,s:o,s:o,s:o,s:o,s:o}", "title", gt_jstr(p->title),
	    "href", gt_href(pg, "priority/%s.html", p->id), "summary",
	    gt_site_summary(r), "summary_id", gt_jfmt("summary-%s", p->id),
	    "statusbar", gt_site_statusbar(pg, NULL, r,
	    name, CARD_W, CARD_H), "headline", gt_site_measure_rows(pg,
	    hl, n, 0));
	free(name);
	return j;
}

void
gt_page_home(struct gt_site *s)
{
	const struct gt_model	*m = s->m;
	const struct gt_plan	*pl = m->plan;
	struct page		 pg;
	json_t			*a = json_array(), *vals = json_array();
	char			*path;
	size_t			 i;

	gt_page_init(&pg, s, "index.html", NULL);
	for (i = 0; i < pl->values.n; i++)
		json_array_append_new(vals, gt_jstr(pl->values.v[i]));
	json_object_set_new(pg.data, "plan", json_pack("{s:o,s:o,s:o,s:o}",
	    "title", gt_jstr(pl->title), "vision", gt_jstr(pl->vision),
	    "values", vals, "body", gt_page_body(&pg, &pl->body)));
	json_object_set_new(pg.data, "glance", glance_json(&pg));
	for (i = 0; i < m->npriorities; i++)
		json_array_append_new(a, priority_card(&pg, m->priorities[i]));
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
	json_object_set_new(pg.data, "reports", gt_site_reports(&pg));
	json_object_set_new(pg.data, "description", gt_jstr(pl->vision));
	gt_page_finish(&pg, "index.html", NULL);
}
