/*
 * pdf_pack.c: a pack put together (see pdf_int.h): its cover, its
 * recommendations and foreword, then its sections in the order its
 * site.conf section gives; the priorities and the appendix, and the
 * tables every part shares.
 */
#include <stdlib.h>
#include <string.h>

#include "chartdata.h"
#include "pdf_int.h"

char *
gt_pdf_name(const struct pdf *p, const char *id, const char *title)
{
	return p->pack->ids ? gt_xasprintf("%s %s", id, title) :
	    gt_xstrdup(title);
}

/* A pack for residents has no ids: the columns less the first, widened. */
static size_t
columns(const struct pdf *p, const struct col *all, size_t n, struct col *use)
{
	if (p->pack->ids) {
		memcpy(use, all, n * sizeof(*use));
		return n;
	}
	memcpy(use, all + 1, (n - 1) * sizeof(*use));
	use[0].share += all[0].share;
	return n - 1;
}

/* Set cells (nrows of n, the first an id) as a table of the pack's columns. */
static void
id_table(struct pdf *p, const char *caption, const struct col *all,
    size_t n, char **cells, size_t nrows)
{
	struct col	 use[16];
	size_t		 k = columns(p, all, n, use), i;

	if (k < n)
		for (i = 0; i < nrows; i++) {
			free(cells[i * n]);
			memmove(cells + i * k, cells + i * n + 1,
			    k * sizeof(*cells));
		}
	gt_pdf_table(p, caption, use, k, cells, nrows);
	gt_pdf_cells_free(cells, nrows * k);
}

/* Fills the cells of row i of a table of v's members. */
typedef void (*fill_fn)(const struct pdf *, const void *v, size_t i,
    char **cells);

/* A table of n rows of all's columns, the first an id; v is fill's. */
static void
rows_table(struct pdf *p, const char *caption, const struct col *all,
    size_t ncols, const void *v, size_t n, fill_fn fill)
{
	char	**cells = gt_xcalloc(n * ncols + 1, sizeof(char *));
	size_t	 i;

	for (i = 0; i < n; i++)
		fill(p, v, i, cells + i * ncols);
	id_table(p, caption, all, ncols, cells, n);
}

static const struct col measure_cols[] = {
	{ "Id", 0.08, 0 }, { "Measure", 0.23, 0 }, { "Latest", 0.15, 1 },
	{ "Target", 0.14, 1 }, { "Status", 0.15, 0 },
	{ "Since last period", 0.125, 0 }, { "Since last year", 0.125, 0 }
};

static void
measure_cells(const struct pdf *p, const void *v, size_t i, char **c)
{
	const struct gt_measure	*me = ((struct gt_measure *const *)v)[i];
	struct gt_mrow		 r;
	char			 per[GT_WORDS_PERIOD_MAX];

	gt_mrow(&r, p->j, me);
	c[0] = gt_xstrdup(r.code);
	c[1] = gt_xstrdup(me->title);
	c[2] = r.j->latest != NULL ? gt_xasprintf("%s (%s%s%s)", r.latest,
	    gt_pdf_period(p, &r.j->latest->obs->period, per), r.revised !=
	    NULL ? "; " : "", r.revised != NULL ? r.revised : "") :
	    gt_xstrdup(r.latest);
	c[3] = gt_xstrdup(r.target);
	c[4] = gt_xasprintf("%s%s%s", gt_status_symbol(r.j->status),
	    gt_status_label(r.j->status), r.j->late ? "; figures late" : "");
	c[5] = gt_xstrdup(r.direction);
	c[6] = gt_xstrdup(r.direction_year);
	gt_mrow_free(&r);
}

void
gt_pdf_measure_table(struct pdf *p, const char *caption,
    struct gt_measure *const *v, size_t n)
{
	rows_table(p, caption, measure_cols, sizeof(measure_cols) /
	    sizeof(measure_cols[0]), v, n, measure_cells);
}

static const struct col action_cols[] = {
	{ "Id", 0.09, 0 }, { "Action", 0.26, 0 }, { "Lead", 0.17, 0 },
	{ "Due", 0.13, 0 }, { "Status", 0.12, 0 },
	{ "Latest progress", 0.23, 0 }
};

static void
action_cells(const struct pdf *p, const void *v, size_t i, char **c)
{
	const struct gt_action	*a = ((struct gt_action *const *)v)[i];
	struct gt_arow		 r;

	gt_arow(&r, p->j, a);
	c[0] = gt_xstrdup(a->id);
	c[1] = gt_xstrdup(a->title);
	c[2] = gt_xstrdup(a->lead != NULL ? a->lead : "");
	c[3] = gt_xstrdup(r.due);
	c[4] = gt_xasprintf("%s%s", gt_astatus_symbol(r.j->status), r.status);
	c[5] = gt_xstrdup(r.j->latest != NULL && r.j->latest->note != NULL ?
	    r.j->latest->note : "");
	gt_arow_free(&r);
}

void
gt_pdf_action_table(struct pdf *p, const char *caption,
    struct gt_action *const *v, size_t n)
{
	rows_table(p, caption, action_cols, sizeof(action_cols) /
	    sizeof(action_cols[0]), v, n, action_cells);
}

static const struct col risk_cols[] = {
	{ "Id", 0.07, 0 }, { "Risk", 0.31, 0 },
	{ "Likelihood \u00d7 impact", 0.15, 1 }, { "Score", 0.16, 0 },
	{ "Target", 0.11, 1 }, { "Trend", 0.20, 0 }
};

static void
risk_cells(const struct pdf *p, const void *v, size_t i, char **c)
{
	const struct gt_risk	*k = ((struct gt_risk *const *)v)[i];
	struct gt_rrow		 r;

	gt_rrow(&r, p->j, k);
	c[0] = gt_xstrdup(k->id);
	c[1] = gt_xstrdup(k->title);
	c[2] = gt_xasprintf("%d \u00d7 %d", r.j->likelihood, r.j->impact);
	c[3] = gt_xasprintf("%d %s", r.j->score, r.rating);
	c[4] = gt_xstrdup(r.target);
	if ((c[5] = gt_pdf_trend(p, &r)) == NULL)
		c[5] = gt_xstrdup(gt_word(GT_WORD_NOT_KNOWN));
	gt_rrow_free(&r);
}

void
gt_pdf_risk_table(struct pdf *p, const char *caption,
    struct gt_risk *const *v, size_t n)
{
	rows_table(p, caption, risk_cols, sizeof(risk_cols) /
	    sizeof(risk_cols[0]), v, n, risk_cells);
}

void
gt_pdf_cover(struct pdf *p)
{
	const struct gt_model	*m = p->m;
	const struct gt_pack	*pk = p->pack;
	char			*s, date[32];
	int			 per;

	p->y = 150;
	gt_pdf_tag_begin(p, "P", NULL);
	gt_pdf_flow(p, gt_pdf_text(p, m->conf.organisation != NULL ?
	    m->conf.organisation : m->conf.title, T_BOLD, 16, TEXT_W), LEFT,
	    MUTED);
	gt_pdf_tag_end(p, "P");
	p->y += 24;
	gt_pdf_tag_begin(p, "H1", NULL);
	gt_pdf_flow(p, gt_pdf_text(p, pk->title, T_BOLD, 28, TEXT_W), LEFT,
	    BRAND);
	gt_pdf_tag_end(p, "H1");
	p->y += 30;
	if (pk->meeting != NULL) {
		s = gt_xasprintf("Report to %s%s%s", pk->meeting,
		    pk->date.y != 0 ? ", " : "", pk->date.y != 0 ?
		    gt_date_words(&pk->date, date, sizeof(date)) : "");
		gt_pdf_para(p, s, 13, INK);
		free(s);
	} else if (gt_pack_for(pk) != NULL) {
		s = gt_xasprintf("For: %s", gt_pack_for(pk));
		gt_pdf_para(p, s, 13, INK);
		free(s);
	}
	if (pk->author != NULL) {
		s = gt_xasprintf("Report of: %s", pk->author);
		gt_pdf_para(p, s, 13, INK);
		free(s);
	}
	if (pk->kind == GT_AUDIENCE_RESIDENTS)
		gt_pdf_para(p, p->when, 13, INK);
	else {
		s = gt_xasprintf("Performance as at %s", p->as_at);
		gt_pdf_para(p, s, 13, INK);
		free(s);
	}
	if (m->plan != NULL && m->plan->title != NULL) {
		/* Plan titles often carry their period already. */
		per = m->plan->period != NULL &&
		    strstr(m->plan->title, m->plan->period) == NULL;
		s = gt_xasprintf("Reporting on %s%s%s", m->plan->title,
		    per ? ", " : "", per ? m->plan->period : "");
		gt_pdf_para(p, s, 13, INK);
		free(s);
	}
	p->y = BOTTOM - 60;
	gt_pdf_para(p, gt_word(GT_WORD_STATUS_KEY), SMALL_PT, MUTED);
	gt_pdf_new_page(p);
}

/* What a pack that shows exceptions only leaves out. */
static int
shows_measure(const struct pdf *p, const struct gt_measure *me)
{
	return gt_scope_has_measure(p->sc, me) && (!p->pack->exceptions_only ||
	    gt_exception_measure(p->j, me) != 0);
}

static int
shows_action(const struct pdf *p, const struct gt_action *a)
{
	return gt_scope_has_action(p->sc, a) && (!p->pack->exceptions_only ||
	    gt_exception_action(p->j, a));
}

static int
shows_risk(const struct pdf *p, const struct gt_risk *k)
{
	return gt_scope_has_risk(p->sc, k) && (!p->pack->exceptions_only ||
	    gt_exception_risk(p->j, k));
}

/* Whether the objective, or one under it, shows anything. */
static int
shows_objective(const struct pdf *p, const struct gt_objective *o)
{
	size_t	 i;

	for (i = 0; i < o->nmeasures; i++)
		if (shows_measure(p, o->measures[i]))
			return 1;
	for (i = 0; i < o->nactions; i++)
		if (shows_action(p, o->actions[i]))
			return 1;
	for (i = 0; i < o->nrisks; i++)
		if (shows_risk(p, o->risks[i]))
			return 1;
	for (i = 0; i < o->nchildren; i++)
		if (shows_objective(p, o->children[i]))
			return 1;
	return 0;
}

/* A strategic measure's chart with its targets over time and commentary. */
static void
measure_chart(struct pdf *p, const struct gt_measure *me)
{
	const struct gt_jmeasure	*jm = gt_judged_measure(p->j, me);
	struct gt_trend_data		 td;
	struct gt_trows			 tr;
	struct gt_chart			 c;
	char				*after;
	size_t				 i;

	gt_trend_data(&td, p->j, me);
	if (td.trend.npoints == 0) {
		gt_trend_data_free(&td);
		return;
	}
	gt_trows(&tr, p->j, me);
	for (i = 0; i < tr.n && !tr.v[i].current; i++)
		continue;
	after = gt_xasprintf("Target for the year%s%s%s: %s. Later years: "
	    "%s.", i < tr.n ? " (" : "", i < tr.n ? tr.v[i].period : "",
	    i < tr.n ? ")" : "", tr.year_end, tr.future);
	c.type = GT_CHART_TREND;
	c.u.trend = &td.trend;
	gt_pdf_figure(p, &c, CHART_H, 1, after);
	if (jm->latest != NULL && jm->latest->obs->note != NULL)
		gt_pdf_labelled(p, "Commentary:", jm->latest->obs->note);
	if (jm->latest != NULL && jm->latest->obs->response != NULL)
		gt_pdf_labelled(p, "What we are doing:",
		    jm->latest->obs->response);
	free(after);
	gt_trows_free(&tr);
	gt_trend_data_free(&td);
}

static void
objective(struct pdf *p, const struct gt_objective *o)
{
	struct gt_measure	**mv = gt_xcalloc(o->nmeasures + 1, sizeof(*mv));
	struct gt_action	**av = gt_xcalloc(o->nactions + 1, sizeof(*av));
	struct gt_risk		**rv = gt_xcalloc(o->nrisks + 1, sizeof(*rv));
	struct gt_buf		 b = { 0 };
	size_t			 i, nm = 0, na = 0, nr = 0;

	if (!shows_objective(p, o))
		goto out;
	gt_pdf_heading(p, o->depth == 0 ? 2 : 3, o->title);
	if (p->pack->ids)
		gt_buf_printf(&b, "Objective %s. ", o->id);
	if (o->lead != NULL)
		gt_buf_printf(&b, "Lead: %s. ", o->lead);
	if (o->portfolio != NULL)
		gt_buf_printf(&b, "Portfolio: %s.", o->portfolio);
	if (b.len > 0)
		gt_pdf_para(p, b.data, TABLE_PT, MUTED);
	gt_pdf_body(p, &o->body, o->title);
	for (i = 0; i < o->nmeasures; i++)
		if (shows_measure(p, o->measures[i]))
			mv[nm++] = o->measures[i];
	for (i = 0; i < o->nactions; i++)
		if (shows_action(p, o->actions[i]))
			av[na++] = o->actions[i];
	for (i = 0; i < o->nrisks; i++)
		if (shows_risk(p, o->risks[i]))
			rv[nr++] = o->risks[i];
	if (nm > 0)
		gt_pdf_measure_table(p, "Measures", mv, nm);
	for (i = 0; i < nm; i++)
		if (mv[i]->level == GT_LEVEL_STRATEGIC && mv[i]->nobs > 0)
			measure_chart(p, mv[i]);
	if (na > 0)
		gt_pdf_action_table(p, "Delivery plan actions", av, na);
	if (nr > 0)
		gt_pdf_risk_table(p, "Risks", rv, nr);
	for (i = 0; i < o->nchildren; i++)
		objective(p, o->children[i]);
out:
	gt_buf_free(&b);
	free(mv);
	free(av);
	free(rv);
}

/* Each priority's story: why it matters, then each objective's. */
static void
priorities(struct pdf *p)
{
	size_t	 i, k;

	for (i = 0; i < p->m->npriorities; i++) {
		const struct gt_priority *pr = p->m->priorities[i];

		if (!gt_scope_has_priority(p->sc, pr))
			continue;
		gt_pdf_heading(p, 1, pr->title);
		gt_pdf_body(p, &pr->body, pr->title);
		for (k = 0; k < pr->nobjectives; k++)
			objective(p, pr->objectives[k]);
	}
}

static const struct col target_cols[] = {
	{ "Id", 0.08, 0 }, { "Measure", 0.34, 0 }, { "Baseline", 0.16, 1 },
	{ "This year", 0.14, 1 }, { "Later years", 0.28, 0 }
};

static void
target_cells(const struct pdf *p, const void *v, size_t i, char **c)
{
	const struct gt_measure	*me = ((struct gt_measure *const *)v)[i];
	struct gt_trows		 tr;
	char			*fig, per[GT_WORDS_PERIOD_MAX];
	size_t			 k;

	gt_trows(&tr, p->j, me);
	for (k = 0; k < tr.n && !tr.v[k].current; k++)
		continue;
	c[0] = gt_xstrdup(me->code != NULL ? me->code : me->id);
	c[1] = gt_xstrdup(me->title);
	if (me->has_baseline) {
		fig = gt_figure_number(me, me->baseline);
		c[2] = gt_xasprintf("%s (%s)", fig, gt_pdf_period(p,
		    &me->baseline_period, per));
		free(fig);
	} else
		c[2] = gt_xstrdup(gt_word(GT_WORD_NO_FIGURE));
	c[3] = k < tr.n ? gt_xasprintf("%s (%s)", tr.year_end,
	    tr.v[k].period) : gt_xstrdup(tr.year_end);
	c[4] = gt_xstrdup(tr.future);
	gt_trows_free(&tr);
}

/* Every measure the pack covers (or its exceptions), and their targets. */
static void
appendix(struct pdf *p)
{
	const struct gt_model	*m = p->m;
	struct gt_measure	**v = gt_xcalloc(m->nmeasures + 1, sizeof(*v));
	size_t			 i, n = 0;

	gt_pdf_heading(p, 1, p->pack->exceptions_only ?
	    gt_word(GT_WORD_APPENDIX_EXCEPTIONS) :
	    gt_section_title(GT_SECTION_APPENDIX));
	for (i = 0; i < m->nmeasures; i++)
		if (shows_measure(p, m->measures[i]))
			v[n++] = m->measures[i];
	if (n == 0)
		gt_pdf_para(p, gt_word(GT_WORD_NONE_LISTED), BODY_PT, INK);
	else {
		gt_pdf_measure_table(p, "Latest figures", v, n);
		rows_table(p, "Targets over time", target_cols,
		    sizeof(target_cols) / sizeof(target_cols[0]), v, n,
		    target_cells);
	}
	free(v);
}

void
gt_pdf_parts(struct pdf *p)
{
	const struct gt_pack	*pk = p->pack;
	size_t			 i;

	if (pk->recommendations_body.doc != NULL) {
		gt_pdf_heading(p, 1, "Recommendations");
		gt_pdf_body(p, &pk->recommendations_body, "Recommendations");
	}
	if (pk->foreword && p->m->plan != NULL &&
	    p->m->plan->body.doc != NULL) {
		gt_pdf_heading(p, 1, "Foreword");
		gt_pdf_body(p, &p->m->plan->body, "Foreword");
	}
	for (i = 0; i < pk->nsections; i++)
		switch (pk->sections[i]) {
		case GT_SECTION_SUMMARY:
			gt_pdf_summary(p);
			break;
		case GT_SECTION_HIGHLIGHTS:
			gt_pdf_highlights(p);
			break;
		case GT_SECTION_CHANGES:
			gt_pdf_changes(p);
			break;
		case GT_SECTION_EXCEPTIONS:
			gt_pdf_exceptions(p);
			break;
		case GT_SECTION_PRIORITIES:
			priorities(p);
			break;
		case GT_SECTION_FINANCE:
			gt_pdf_finance(p);
			break;
		case GT_SECTION_RISKS:
			gt_pdf_risks(p);
			break;
		default:
			appendix(p);
			break;
		}
}
