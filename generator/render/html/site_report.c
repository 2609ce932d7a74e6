/*
 * site_report.c: what the site shows of a report's kind (see
 * site_int.h): the changes since the last report and the finance page.
 */
#include <stdio.h>
#include <stdlib.h>

#include "format.h"
#include "site_int.h"

/* Where a change's measure, action or risk has its page. */
static json_t *
change_href(const struct page *pg, const struct gt_change *c)
{
	if (c->me != NULL)
		return gt_href(pg, "measure/%s.html", c->me->id);
	if (c->a != NULL)
		return gt_href(pg, "action/%s.html", c->a->id);
	return gt_href(pg, "risks.html#risk-%s", c->k->id);
}

json_t *
gt_changes_json(const struct page *pg, const struct gt_judgement *then,
    const struct gt_scope *sc)
{
	struct gt_changes	 c;
	struct gt_crow		 r;
	json_t			*rows = json_array(), *j;
	char			*s, per[GT_WORDS_PERIOD_MAX];
	size_t			 i;

	gt_changes(&c, pg->j, then, sc);
	for (i = 0; i < c.n; i++) {
		gt_crow(&r, pg->j, &c.v[i]);
		per[0] = '\0';
		if (r.when != NULL)
			gt_site_period(pg->s, r.when, per);
		json_array_append_new(rows, json_pack("{s:s,s:o,s:o,s:o,s:o,"
		    "s:o,s:o}", "change", gt_change_label(c.v[i].kind), "id",
		    gt_jstr(r.id), "title", gt_jstr(r.title), "href",
		    change_href(pg, &c.v[i]), "period", gt_jstr(per),
		    "from", gt_jstr(r.from), "to", gt_jstr(r.to)));
		gt_crow_free(&r);
	}
	s = gt_changes_words(&gt_judged_model(pg->j)->conf.cal, &c);
	j = json_pack("{s:o,s:o}", "words", gt_jstr(s), "rows", rows);
	free(s);
	gt_changes_free(&c);
	return j;
}

static json_t *
budget_json(const struct gt_jbudget *b)
{
	struct gt_brow	 r;
	json_t		*j;

	gt_brow(&r, b);
	j = json_pack("{s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o}", "name",
	    gt_jstr(r.name), "budget", gt_jstr(r.budget), "forecast",
	    gt_jstr(r.forecast), "variance", gt_jstr(r.variance), "percent",
	    gt_jstr(r.percent), "status", gt_jstr(r.status), "symbol",
	    gt_jstr(gt_budget_symbol(b->status)), "class",
	    gt_jfmt("tag tag-budget-%s", gt_budget_name(b->status)));
	json_object_set_new(j, "explanation", gt_jstr(b->explanation));
	gt_brow_free(&r);
	return j;
}

void
gt_page_finance(struct gt_site *s)
{
	const struct gt_jfinance	*f = gt_judged_finance(s->j);
	const struct gt_tolerance	*t = &s->m->conf.budget_tolerance;
	struct page			 pg;
	json_t				*rows = json_array();
	char				 per[GT_WORDS_PERIOD_MAX], tol[GT_NUMBER_MAX];
	size_t				 i;

	gt_page_init(&pg, s, "finance.html", "Finance: budget and forecast");
	for (i = 0; i < f->n; i++)
		json_array_append_new(rows, budget_json(&f->rows[i]));
	if (t->kind == GT_TOL_RELATIVE)
		snprintf(tol, sizeof(tol), "%g%%", t->value);
	else
		gt_format_value(tol, sizeof(tol), t->value, 0, "\xc2\xa3");
	per[0] = '\0';
	if (f->n > 0)
		gt_site_period(s, &f->period, per);
	json_object_set_new(pg.data, "finance", json_pack("{s:o,s:o,s:o,s:o,"
	    "s:o}", "period", f->n > 0 ? gt_jstr(per) : json_null(), "rows", rows, "total", f->n > 0 ?
	    budget_json(&f->total) : json_null(), "tolerance", gt_jstr(tol),
	    "none", gt_jstr(gt_word(GT_WORD_NO_FINANCE))));
	gt_page_finish(&pg, "finance.html", gt_crumbs_home(&pg));
}
