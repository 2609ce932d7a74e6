/*
 * pdf_sections.c: the parts of a pack that report across its priorities
 * (see pdf_int.h): the summary, the residents' highlights, the changes
 * since the last report, the exceptions with their story, finance and
 * the risks.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chartdata.h"
#include "format.h"
#include "pdf_int.h"

/* The pack's counts, then each priority's, of what the pack covers. */
void
gt_pdf_summary(struct pdf *p)
{
	struct gt_chart_statusbar	 sb;
	struct gt_chart			 c;
	struct gt_scope			 one;
	struct gt_rollup		 r;
	char				*s;
	size_t				 i;

	gt_pdf_heading(p, 1, gt_section_title(GT_SECTION_SUMMARY));
	gt_judge_rollup(p->j, p->sc, &r);
	s = gt_rollup_words(&r, 1);
	gt_pdf_para(p, s, BODY_PT, INK);
	free(s);
	/* A pack scoped by tags counts its own measures of a priority. */
	gt_scope_init(&one, p->m, p->sc);
	for (i = 0; i < p->m->npriorities; i++) {
		const struct gt_priority *pr = p->m->priorities[i];

		if (!gt_scope_has_priority(p->sc, pr))
			continue;
		gt_scope_clear(&one);
		gt_scope_priority(&one, pr);
		gt_judge_rollup(p->j, &one, &r);
		gt_pdf_heading(p, 3, pr->title);
		if (r.measures > 0) {
			gt_statusbar_data(&sb, NULL, &r);
			c.type = GT_CHART_STATUSBAR;
			c.u.statusbar = &sb;
			gt_pdf_figure(p, &c, BAR_H, 0, NULL);
		}
		s = gt_rollup_words(&r, 1);
		gt_pdf_para(p, s, BODY_PT, INK);
		free(s);
	}
	gt_scope_free(&one);
}

/* A measure in a sentence, with what was said about its figure. */
static void
story(struct pdf *p, const struct gt_measure *me, int said)
{
	const struct gt_jmeasure	*jm = gt_judged_measure(p->j, me);
	const struct gt_obs		*o = jm->latest != NULL ?
					    jm->latest->obs : NULL;
	char				*s = gt_measure_story(&p->m->conf.cal, p->j, me), *t, *l;

	l = gt_xasprintf("%s:", me->title);
	t = gt_xasprintf("%s%s%s%s%s", s, said && o != NULL &&
	    o->note != NULL ? " " : "", said && o != NULL && o->note != NULL ?
	    o->note : "", said && o != NULL && o->response != NULL ?
	    ". What we are doing: " : "", said && o != NULL &&
	    o->response != NULL ? o->response : "");
	gt_pdf_labelled(p, l, t);
	free(l);
	free(t);
	free(s);
}

/*
 * For residents, each priority's news in plain words, a year on: where
 * the council must do better (off target, or worse than a year earlier),
 * with what it is doing about it, and what went well (else on target or
 * better than a year earlier). Headline (strategic) measures only, if it
 * has any.
 */
void
gt_pdf_highlights(struct pdf *p)
{
	const struct gt_model	*m = p->m;
	struct gt_scope		 one;
	size_t			 i, k, n, strategic;
	int			 better, well, pass;

	gt_pdf_heading(p, 1, gt_section_title(GT_SECTION_HIGHLIGHTS));
	gt_scope_init(&one, m, p->sc);
	for (i = 0; i < m->npriorities; i++) {
		const struct gt_priority *pr = m->priorities[i];

		if (!gt_scope_has_priority(p->sc, pr))
			continue;
		gt_scope_clear(&one);
		gt_scope_priority(&one, pr);
		for (strategic = 0, k = 0; k < one.measures.n; k++)
			strategic += m->measures[one.measures.v[k]]->level ==
			    GT_LEVEL_STRATEGIC;
		gt_pdf_heading(p, 2, pr->title);
		for (pass = 0; pass < 2; pass++) {
			gt_pdf_heading(p, 3, pass == 0 ? "What went well" :
			    "Where we need to do better");
			for (n = 0, k = 0; k < one.measures.n; k++) {
				const struct gt_measure *me =
				    m->measures[one.measures.v[k]];
				const struct gt_jmeasure *jm =
				    gt_judged_measure(p->j, me);

				if (strategic > 0 &&
				    me->level != GT_LEVEL_STRATEGIC)
					continue;
				better = jm->status == GT_STATUS_OFF_TARGET ||
				    jm->dir_year == GT_DIR_WORSENING;
				well = !better && (jm->status ==
				    GT_STATUS_ON_TARGET || jm->dir_year ==
				    GT_DIR_IMPROVING);
				if (pass == 0 ? !well : !better)
					continue;
				story(p, me, pass == 1);
				n++;
			}
			if (n == 0)
				gt_pdf_para(p, gt_word(GT_WORD_NONE_LISTED),
				    BODY_PT, INK);
		}
	}
	gt_scope_free(&one);
}

static const struct col change_cols[] = {
	{ "Id", 0.09, 0 }, { "Title", 0.39, 0 }, { "Period", 0.14, 0 },
	{ "Before", 0.19, 0 }, { "Now", 0.19, 0 }
};
#define CHANGE_COLS	(sizeof(change_cols) / sizeof(change_cols[0]))

/* What changed since the period the pack compares with, kind by kind. */
void
gt_pdf_changes(struct pdf *p)
{
	struct gt_changes	 c;
	struct gt_crow		 r;
	struct col		 use[CHANGE_COLS];
	char			**cells, *s, per[GT_WORDS_PERIOD_MAX];
	size_t			 i, k, n, at, off = p->pack->ids ? 0 : 1;

	gt_pdf_heading(p, 1, gt_section_title(GT_SECTION_CHANGES));
	gt_changes(&c, p->j, p->then, p->sc);
	s = gt_changes_words(&p->m->conf.cal, &c);
	gt_pdf_para(p, s, BODY_PT, INK);
	free(s);
	memcpy(use, change_cols + off, (CHANGE_COLS - off) * sizeof(*use));
	use[0].share += off ? change_cols[0].share : 0;
	for (k = 0, at = 0; k < GT_CHANGE_MAX; at += c.count[k], k++) {
		if ((n = c.count[k]) == 0)
			continue;
		gt_pdf_heading(p, 2, gt_change_label((enum gt_change_kind)k));
		cells = gt_xcalloc(n * CHANGE_COLS + 1, sizeof(char *));
		for (i = 0; i < n; i++) {
			char **row = cells + i * (CHANGE_COLS - off);

			gt_crow(&r, p->j, &c.v[at + i]);
			if (!off)
				*row++ = gt_xstrdup(r.id);
			row[0] = gt_xstrdup(r.title);
			row[1] = gt_xstrdup(r.when != NULL ?
			    gt_pdf_period(p, r.when, per) : "");
			row[2] = r.from;
			row[3] = r.to;
			r.from = r.to = NULL;
			gt_crow_free(&r);
		}
		gt_pdf_table(p, NULL, use, CHANGE_COLS - off, cells, n);
		gt_pdf_cells_free(cells, n * (CHANGE_COLS - off));
	}
	gt_changes_free(&c);
}

/* Figure, target, explanation, what was said and done, owner. */
static void
measure_exception(struct pdf *p, const struct gt_measure *me, unsigned why)
{
	const struct gt_jmeasure	*jm = gt_judged_measure(p->j, me);
	const struct gt_obs		*o = jm->latest != NULL ?
					    jm->latest->obs : NULL;
	struct gt_mrow			 r;
	struct gt_trows			 tr;
	char				*s, *w;

	s = gt_pdf_name(p, me->id, me->title);
	gt_pdf_heading(p, 3, s);
	free(s);
	w = gt_exception_words(why);
	gt_mrow(&r, p->j, me);
	gt_trows(&tr, p->j, me);
	s = gt_xasprintf("Listed as: %s. Since last period: %s. Since last "
	    "year: %s. Target for the year: %s.", w, r.direction,
	    r.direction_year, tr.year_end);
	gt_pdf_para(p, s, TABLE_PT, MUTED);
	free(s);
	free(w);
	gt_trows_free(&tr);
	gt_mrow_free(&r);
	gt_pdf_para(p, jm->explanation, BODY_PT, INK);
	gt_pdf_labelled(p, "Commentary:", o != NULL && o->note != NULL ?
	    o->note : gt_word(GT_WORD_NO_COMMENTARY));
	gt_pdf_labelled(p, "What we are doing:", o != NULL &&
	    o->response != NULL ? o->response :
	    gt_word(GT_WORD_NO_COMMENTARY));
	if (me->owner != NULL)
		gt_pdf_labelled(p, "Owner:", me->owner);
}

/* Due, lead, the latest progress and the milestones. */
static void
action_exception(struct pdf *p, const struct gt_action *a)
{
	const struct gt_jaction	*ja = gt_judged_action(p->j, a);
	struct gt_buf		 b = { 0 };
	char			*s, per[GT_WORDS_PERIOD_MAX], due[64];
	size_t			 i;

	s = gt_pdf_name(p, a->id, a->title);
	gt_pdf_heading(p, 3, s);
	free(s);
	gt_pdf_para(p, ja->explanation, BODY_PT, INK);
	if (ja->latest != NULL && ja->latest->note != NULL) {
		s = gt_xasprintf("Progress reported in %s:", gt_pdf_period(p,
		    &ja->latest->period, per));
		gt_pdf_labelled(p, s, ja->latest->note);
		free(s);
	}
	for (i = 0; i < a->nmilestones; i++)
		gt_buf_printf(&b, "%s%s (due %s)", i > 0 ? "; " : "",
		    a->milestones[i].title, gt_due_words(&a->milestones[i].due,
		    due));
	if (b.len > 0)
		gt_pdf_labelled(p, "Milestones:", b.data);
	if (a->lead != NULL)
		gt_pdf_labelled(p, "Lead:", a->lead);
	gt_buf_free(&b);
}

/* "A-H04 Open Harrowby House (Overdue); ..." */
static void
mitigation(struct pdf *p, const struct gt_risk *k)
{
	struct gt_buf	 b = { 0 };
	char		*s;
	size_t		 i;

	for (i = 0; i < k->nactions; i++) {
		s = gt_pdf_name(p, k->actions[i]->id, k->actions[i]->title);
		gt_buf_printf(&b, "%s%s (%s)", i > 0 ? "; " : "", s,
		    gt_astatus_label(gt_judged_action(p->j,
		    k->actions[i])->status));
		free(s);
	}
	if (b.len > 0)
		gt_pdf_labelled(p, "Actions that mitigate it:", b.data);
	gt_buf_free(&b);
}

/* The score, its trend and owner; with full, controls and mitigation too. */
static void
risk_story(struct pdf *p, const struct gt_risk *k, int full)
{
	struct gt_rrow	 r;
	struct gt_rhrow	 h;
	char		*s, *t, **cells, per[GT_WORDS_PERIOD_MAX];
	size_t		 i;
	static const struct col cols[] = {
		{ "Period", 0.2, 0 }, { "Likelihood \u00d7 impact", 0.2, 1 },
		{ "Score", 0.2, 0 }, { "Note", 0.4, 0 }
	};

	gt_rrow(&r, p->j, k);
	s = gt_pdf_name(p, k->id, k->title);
	gt_pdf_heading(p, 3, s);
	free(s);
	gt_pdf_para(p, r.j->explanation, BODY_PT, INK);
	if ((t = gt_pdf_trend(p, &r)) != NULL)
		gt_pdf_labelled(p, "Trend:", t);
	free(t);
	if (k->owner != NULL)
		gt_pdf_labelled(p, "Owner:", k->owner);
	if (full && r.controls != NULL)
		gt_pdf_labelled(p, "Controls:", r.controls);
	if (full && k->body.doc != NULL) {
		/* The label stays with the first lines of the mitigation. */
		gt_pdf_need(p, 4 * BODY_PT * 1.5);
		gt_pdf_labelled(p, "Mitigation:", "");
		gt_pdf_body(p, &k->body, NULL);
	}
	mitigation(p, k);
	if (full && r.j->shown > 0) {
		cells = gt_xcalloc(4 * r.j->shown + 1, sizeof(char *));
		for (i = 0; i < r.j->shown; i++) {
			gt_rhrow(&h, p->j, k, i);
			cells[4 * i] = gt_xstrdup(gt_pdf_period(p, &h.h->period,
			    per));
			cells[4 * i + 1] = gt_xasprintf("%d \u00d7 %d",
			    h.h->likelihood, h.h->impact);
			cells[4 * i + 2] = h.score;
			cells[4 * i + 3] = gt_xstrdup(h.note);
			h.score = NULL;
			gt_rhrow_free(&h);
		}
		gt_pdf_table(p, "Score history", cols, 4, cells, r.j->shown);
		gt_pdf_cells_free(cells, 4 * r.j->shown);
	}
	gt_rrow_free(&r);
}

/*
 * What needs attention, each with its story: measures off target,
 * worsening or with figures late (each once, under the first that
 * applies), actions overdue, risks above the council's appetite.
 */
void
gt_pdf_exceptions(struct pdf *p)
{
	static const char *const heads[] = {
		"Measures off target", "Measures worsening", "Figures late"
	};
	const struct gt_model	*m = p->m;
	unsigned		 why;
	size_t			 i, g, n;

	gt_pdf_heading(p, 1, gt_section_title(GT_SECTION_EXCEPTIONS));
	gt_pdf_para(p, "What needs attention: measures off target, worsening "
	    "or with figures late, each with what is being done about it; "
	    "actions overdue; risks above the council's appetite.", BODY_PT,
	    INK);
	for (g = 0; g < 3; g++) {
		gt_pdf_heading(p, 2, heads[g]);
		for (n = 0, i = 0; i < m->nmeasures; i++) {
			if (!gt_scope_has_measure(p->sc, m->measures[i]))
				continue;
			why = gt_exception_measure(p->j, m->measures[i]);
			/* Its first reason is this group's. */
			if (why == 0 || (why & -why) != 1u << g)
				continue;
			measure_exception(p, m->measures[i], why);
			n++;
		}
		if (n == 0)
			gt_pdf_para(p, gt_word(GT_WORD_NONE_LISTED), BODY_PT,
			    INK);
	}
	gt_pdf_heading(p, 2, "Actions overdue");
	for (n = 0, i = 0; i < m->nactions; i++)
		if (gt_scope_has_action(p->sc, m->actions[i]) &&
		    gt_exception_action(p->j, m->actions[i])) {
			action_exception(p, m->actions[i]);
			n++;
		}
	if (n == 0)
		gt_pdf_para(p, gt_word(GT_WORD_NONE_LISTED), BODY_PT, INK);
	gt_pdf_heading(p, 2, "Risks above appetite");
	for (n = 0, i = 0; i < m->nrisks; i++)
		if (gt_scope_has_risk(p->sc, m->risks[i]) &&
		    gt_exception_risk(p->j, m->risks[i])) {
			risk_story(p, m->risks[i], 0);
			n++;
		}
	if (n == 0)
		gt_pdf_para(p, gt_word(m->conf.risk_appetite > 0 ?
		    GT_WORD_NONE_LISTED : GT_WORD_NO_APPETITE), BODY_PT, INK);
}

static const struct col finance_cols[] = {
	{ "Directorate", 0.20, 0 }, { "Budget", 0.165, 1 },
	{ "Forecast", 0.165, 1 }, { "Variance", 0.165, 1 },
	{ "Per cent", 0.115, 1 }, { "Status", 0.19, 0 }
};
#define FINANCE_COLS	(sizeof(finance_cols) / sizeof(finance_cols[0]))

static void
finance_row(char **c, const struct gt_jbudget *b)
{
	struct gt_brow	 r;

	gt_brow(&r, b);
	c[0] = gt_xstrdup(r.name);
	c[1] = r.budget;
	c[2] = r.forecast;
	c[3] = r.variance;
	c[4] = r.percent;
	c[5] = gt_xasprintf("%s%s", gt_budget_symbol(b->status), r.status);
}

/* Budget, forecast and variance by directorate, then the total. */
void
gt_pdf_finance(struct pdf *p)
{
	const struct gt_jfinance	*f = gt_judged_finance(p->j);
	const struct gt_tolerance	*t = &p->m->conf.budget_tolerance;
	char				**cells, *s, per[GT_WORDS_PERIOD_MAX];
	char				 tol[GT_NUMBER_MAX];
	size_t				 i;

	gt_pdf_heading(p, 1, gt_section_title(GT_SECTION_FINANCE));
	if (f->n == 0) {
		gt_pdf_para(p, gt_word(GT_WORD_NO_FINANCE), BODY_PT, INK);
		return;
	}
	if (t->kind == GT_TOL_RELATIVE)
		snprintf(tol, sizeof(tol), "%g%%", t->value);
	else
		gt_format_value(tol, sizeof(tol), t->value, 0, "\xc2\xa3");
	s = gt_xasprintf("The forecast for the year against the budget, by "
	    "directorate, as reported for %s. A forecast within %s of its "
	    "budget is on budget.", gt_period_words(&p->m->conf.cal, &f->period, per,
	    sizeof(per)), tol);
	gt_pdf_para(p, s, BODY_PT, INK);
	free(s);
	cells = gt_xcalloc((f->n + 1) * FINANCE_COLS + 1, sizeof(char *));
	for (i = 0; i < f->n; i++)
		finance_row(cells + i * FINANCE_COLS, &f->rows[i]);
	finance_row(cells + f->n * FINANCE_COLS, &f->total);
	gt_pdf_table(p, "Forecast outturn", finance_cols, FINANCE_COLS,
	    cells, f->n + 1);
	gt_pdf_cells_free(cells, (f->n + 1) * FINANCE_COLS);
	for (i = 0; i < f->n; i++)
		if (f->rows[i].status == GT_BUDGET_OVER ||
		    f->rows[i].status == GT_BUDGET_UNDER) {
			s = gt_xasprintf("%s:", f->rows[i].directorate);
			gt_pdf_labelled(p, s, f->rows[i].explanation);
			free(s);
		}
	gt_pdf_labelled(p, "Total:", f->total.explanation);
}

/* The heat map, every risk in a table, then each with its story. */
void
gt_pdf_risks(struct pdf *p)
{
	const struct gt_model	*m = p->m;
	struct gt_risk		**v = gt_xcalloc(m->nrisks + 1, sizeof(*v));
	struct gt_heatmap_data	 hd;
	struct gt_chart		 c;
	size_t			 i, n = 0;

	/* The heading stays with the heat map. */
	gt_pdf_heading_keep(p, 1, gt_section_title(GT_SECTION_RISKS),
	    HEATMAP_H + 3 * BODY_PT * 1.5);
	for (i = 0; i < m->nrisks; i++)
		if (gt_scope_has_risk(p->sc, m->risks[i]))
			v[n++] = m->risks[i];
	if (n == 0) {
		gt_pdf_para(p, gt_word(GT_WORD_NONE_LISTED), BODY_PT, INK);
		free(v);
		return;
	}
	gt_heatmap_at(&hd, p->j, v, n);
	c.type = GT_CHART_HEATMAP;
	c.u.heatmap = &hd.heatmap;
	/* The table after it gives each risk's place in words. */
	gt_pdf_figure(p, &c, HEATMAP_H, 0, "Each risk's likelihood, impact "
	    "and score are in the table below.");
	gt_heatmap_data_free(&hd);
	gt_pdf_risk_table(p, "The risks", v, n);
	gt_pdf_heading(p, 2, "Each risk, its controls and mitigation");
	for (i = 0; i < n; i++)
		risk_story(p, v[i], 1);
	free(v);
}
