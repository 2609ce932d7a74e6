/*
 * test_packs.c: what committee packs add: risk histories judged by
 * period, finance against budget, changes between two judgements,
 * targets over time, exceptions and their commentary, and each pack's
 * composition read from site.conf.
 */
#include <criterion/criterion.h>

#include "judge.h"
#include "link.h"
#include "read.h"
#include "rows.h"
#include "words.h"
#include "helpers.h"

static struct gt_model *m;

/* A site with one priority and objective; conf_extra ends site.conf. */
static void
site(const char *conf_extra)
{
	char		*c = gt_xasprintf("[site]\ntitle=t\norganisation=o\n"
			    "as_at=2025/26 Q2\n%s", conf_extra);
	const char	*p = "---\nid: p\ntitle: P\n---\n";
	const char	*o = "---\nid: o\ntitle: O\npriority: p\n---\n";
	/* Never due, never reported: it keeps the objective from empty. */
	const char	*a = "---\nid: A0\nobjective: o\ntitle: Plan\n---\n";

	diag_reset();
	m = test_model(".");
	gt_conf_read(m, "site.conf", c, strlen(c));
	free(c);
	gt_md_read(m, GT_KIND_PRIORITY, "p.md", p, strlen(p));
	gt_md_read(m, GT_KIND_OBJECTIVE, "o.md", o, strlen(o));
	gt_md_read(m, GT_KIND_ACTION, "a0.md", a, strlen(a));
}

static void
file(enum gt_kind kind, const char *name, const char *text)
{
	gt_md_read(m, kind, name, text, strlen(text));
}

static void
csv(const char *name, const char *text)
{
	gt_csv_read(m, name, text, strlen(text));
}

/* Link; what was reported must be want. */
static void
linked(const char *want)
{
	char	*d;

	gt_link(m);
	d = diag_text();
	cr_assert_str_eq(d, want);
	free(d);
}

static struct gt_judgement *
judged(const char *period)
{
	struct gt_period	 p;

	cr_assert_eq(gt_period_parse(period, &p), 0);
	return gt_judge(m, &p);
}

static void
done(void)
{
	gt_model_free(m);
	m = NULL;
	diag_reset();
}

static const char *const risk = "---\nid: R1\ntitle: Costs rise\n"
    "objectives: [o]\nlikelihood: 4\nimpact: 5\ntarget_likelihood: 2\n"
    "target_impact: 2\nactions: [A1]\n---\nWe manage it.\n";
static const char *const action = "---\nid: A1\nobjective: o\n"
    "title: Build\ndue: 2025-08-31\n---\n";

Test(packs, risk_scored_by_its_history)
{
	struct gt_judgement	*q4, *q1, *q2, *q3;
	struct gt_rrow		 r;
	struct gt_rhrow		 h;
	char			 per[GT_PERIOD_MAX], *t;

	site("[status]\nrisk_appetite = 12\n");
	file(GT_KIND_RISK, "r.md", risk);
	file(GT_KIND_ACTION, "a.md", action);
	/* Out of order in the file: sorted by period. */
	csv("h.csv", "risk,period,likelihood,impact,note\n"
	    "R1,2025/26 Q2,4,5,Tenders over budget\nR1,2025/26 Q1,3,4,\n");
	linked("");
	cr_assert_eq(m->risks[0]->nactions, 1);
	cr_expect_str_eq(m->risks[0]->actions[0]->id, "A1");
	/* Before any row: the risk's own assessment. */
	q4 = judged("2024/25 Q4");
	cr_expect_eq(gt_judged_risk(q4, m->risks[0])->score, 20);
	cr_expect_null(gt_judged_risk(q4, m->risks[0])->assessed);
	q1 = judged("2025/26 Q1");
	cr_expect_eq(gt_judged_risk(q1, m->risks[0])->likelihood, 3);
	cr_expect_eq(gt_judged_risk(q1, m->risks[0])->score, 12);
	cr_expect(!gt_judged_risk(q1, m->risks[0])->above_appetite);
	cr_expect_str_eq(gt_judged_risk(q1, m->risks[0])->explanation,
	    "Likelihood 3 \xc3\x97 impact 4 gives 12: High, 8 above its "
	    "target score of 4 (Low).");
	q2 = judged("2025/26 Q2");
	cr_expect_eq(gt_judged_risk(q2, m->risks[0])->score, 20);
	cr_expect_eq(gt_judged_risk(q2, m->risks[0])->shown, 2);
	gt_rrow(&r, q2, m->risks[0]);
	cr_assert_not_null(r.since);
	gt_period_format(r.since, per, sizeof(per));
	cr_expect_str_eq(per, "2025/26 Q1");
	cr_expect_eq(r.was, 12);
	t = gt_trend_words(r.j->score, r.was, per);
	cr_expect_str_eq(t, "Up from 12 in 2025/26 Q1");
	free(t);
	t = gt_trend_words(12, 12, per);
	cr_expect_str_eq(t, "No change since 2025/26 Q1");
	free(t);
	gt_rrow_free(&r);
	gt_rhrow(&h, q2, m->risks[0], 1);
	cr_expect_eq(h.h->period.sub, 2);
	cr_expect_str_eq(h.score, "20 Very high");
	cr_expect_str_eq(h.note, "Tenders over budget");
	gt_rhrow_free(&h);
	/* The latest row stands until a later one. */
	q3 = judged("2025/26 Q3");
	cr_expect_eq(gt_judged_risk(q3, m->risks[0])->score, 20);
	gt_judgement_free(q4);
	gt_judgement_free(q1);
	gt_judgement_free(q2);
	gt_judgement_free(q3);
	done();
}

Test(packs, risk_history_problems)
{
	site("");
	file(GT_KIND_RISK, "r.md", risk);
	file(GT_KIND_ACTION, "a.md", action);
	csv("h.csv", "risk,period,likelihood,impact\n"
	    "R1,2025/26 Q1,3,4\nR1,2025/26 Q1,3,4\nR9,2025/26 Q1,1,1\n"
	    "R1,2025/26 Q2,6,1\nR1,2025/26 Q2,2.5,1\n");
	linked("h.csv:3:15: error: second value for the same period: score "
	    "of risk 'R1': the first is at h.csv:2\n"
	    "h.csv:4:1: error: no risk has this id: 'R9'\n"
	    "h.csv:5:15: error: value out of range: likelihood '6': expected "
	    "a whole number from 1 to 5\n"
	    "h.csv:6:15: error: value out of range: likelihood '2.5': "
	    "expected a whole number from 1 to 5\n"
	    "r.md:2:5: warning: risk's likelihood and impact differ from its "
	    "latest history row: 'R1' is 4 x 5; its row for 2025/26 Q1 "
	    "(h.csv:3) says 3 x 4\n");
	done();
}

Test(packs, risk_mitigated_by_unknown_action)
{
	site("");
	file(GT_KIND_RISK, "r.md", risk);
	linked("r.md:9:11: error: no action has this id: 'A1'\n");
	done();
}

static const char *const fin = "directorate,period,budget,forecast\n"
    "Place,2025/26 Q1,1000000,1200000\n"
    "Place,2025/26 Q2,1000000,1019999\n"
    "People,2025/26 Q2,\"£2,000,000\",\"£1,959,000\"\n"
    "Care,2025/26 Q2,0,5000\n"
    "Place,2025/26 Q3,1000000,9000000\n";

Test(packs, finance_against_budget)
{
	struct gt_judgement		*j;
	const struct gt_jfinance	*f;
	struct gt_brow			 b;

	site("[status]\nbudget_tolerance = 2%\n");
	csv("f.csv", fin);
	linked("");
	j = judged("2025/26 Q2");
	f = gt_judged_finance(j);
	/* The latest period by the as-at period: not Q1's, nor Q3's. */
	cr_assert_eq(f->n, 3);
	cr_expect_str_eq(f->rows[0].directorate, "Place");
	cr_expect_eq(f->rows[0].variance, 19999);
	cr_expect_eq(f->rows[0].status, GT_BUDGET_ON);
	cr_expect_eq(f->rows[1].status, GT_BUDGET_UNDER);
	cr_expect_str_eq(f->rows[1].explanation, "Forecast \xc2\xa3" "1,959,000 "
	    "against a budget of \xc2\xa3" "2,000,000: \xc2\xa3" "41,000 (2.1%) "
	    "under budget, more than the tolerance of 2%: under budget.");
	/* No budget: no percentage, and any overspend is over. */
	cr_expect(!f->rows[2].has_percent);
	cr_expect_eq(f->rows[2].status, GT_BUDGET_OVER);
	cr_expect_eq(f->total.budget, 3000000);
	cr_expect_eq(f->total.forecast, 2983999);
	cr_expect_eq(f->total.status, GT_BUDGET_ON);
	gt_brow(&b, &f->rows[1]);
	cr_expect_str_eq(b.variance, "-\xc2\xa3" "41,000");
	cr_expect_str_eq(b.percent, "-2.1%");
	cr_expect_str_eq(b.status, "Under budget");
	gt_brow_free(&b);
	gt_brow(&b, &f->total);
	cr_expect_str_eq(b.name, "Total");
	cr_expect_str_eq(b.budget, "\xc2\xa3" "3,000,000");
	gt_brow_free(&b);
	gt_judgement_free(j);
	/* Before any row: none. */
	j = judged("2024/25 Q4");
	cr_expect_eq(gt_judged_finance(j)->n, 0);
	gt_judgement_free(j);
	done();
}

Test(packs, finance_tolerance_in_pounds_and_missing_figures)
{
	struct gt_judgement		*j;
	const struct gt_jfinance	*f;

	site("[status]\nbudget_tolerance = \xc2\xa3" "20,000\n");
	csv("f.csv", "directorate,period,budget,forecast\n"
	    "Place,2025/26 Q2,1000000,1020000\nPeople,2025/26 Q2,500000,NA\n"
	    "Place,2025/26 Q2,1,1\n");
	linked("f.csv:4:1: error: second value for the same period: finance "
	    "of 'Place' for 2025/26 Q2: the first is at f.csv:2\n");
	j = judged("2025/26 Q2");
	f = gt_judged_finance(j);
	cr_expect_eq(f->rows[0].status, GT_BUDGET_ON);
	cr_expect_eq(f->rows[1].status, GT_BUDGET_NO_DATA);
	cr_expect_eq(f->total.status, GT_BUDGET_NO_DATA);
	gt_judgement_free(j);
	done();
}

static const char *const measures[] = {
	/* Off target at Q2, within tolerance at Q1. */
	("---\nid: M1\ntitle: Homes\nobjective: o\npolarity: higher\n"
	"frequency: quarterly\ntargets: {2024/25: 100, 2025/26: 100, "
	"2026/27: 110, 2027/28: 120}\nowner: Head of Homes\n---\nDef.\n"),
	/* Year to date, worse than a year earlier. */
	("---\nid: M2\ntitle: Jobs\nobjective: o\npolarity: higher\n"
	"frequency: quarterly\ncumulative: true\ntargets: {2025/26: 400}\n"
	"level: operational\n---\nDef.\n"),
	/* Monthly, late at Q2. */
	("---\nid: M3\ntitle: Visits\nobjective: o\npolarity: higher\n"
	"frequency: monthly\ntargets: {2025/26: 10}\n---\nDef.\n")
};

static void
plan(void)
{
	size_t	 i;
	char	 name[16];

	for (i = 0; i < sizeof(measures) / sizeof(measures[0]); i++) {
		snprintf(name, sizeof(name), "m%zu.md", i + 1);
		file(GT_KIND_MEASURE, name, measures[i]);
	}
	file(GT_KIND_RISK, "r.md", risk);
	file(GT_KIND_ACTION, "a.md", action);
	csv("v.csv", "measure,period,value,note,flag,response\n"
	    "M1,2025/26 Q1,96,,,\nM1,2025/26 Q2,80,Two sites slipped,,"
	    "Weekly meetings\nM2,2024/25 Q2,300,,,\nM2,2025/26 Q1,100,,"
	    "revised,\nM2,2025/26 Q2,150,,,\nM3,2025-06,12,,,\n");
	csv("p.csv", "action,period,status\nA1,2025/26 Q1,on track\n");
	csv("h.csv", "risk,period,likelihood,impact\nR1,2025/26 Q1,3,4\n"
	    "R1,2025/26 Q2,4,5\n");
}

Test(packs, changes_since_the_last_report)
{
	struct gt_judgement	*now, *then;
	struct gt_changes	 c;
	struct gt_crow		 r;
	struct gt_scope		 none;
	char			*s;

	site("");
	plan();
	linked("");
	now = judged("2025/26 Q2");
	then = judged("2025/26 Q1");
	gt_changes(&c, now, then, NULL);
	cr_assert_eq(c.n, 6);
	/* By kind, each in the model's order. */
	cr_expect_eq(c.v[0].kind, GT_CHANGE_STATUS);
	cr_expect_str_eq(c.v[0].me->id, "M1");
	cr_expect_eq(c.v[0].from, GT_STATUS_WITHIN_TOLERANCE);
	cr_expect_eq(c.v[0].to, GT_STATUS_OFF_TARGET);
	cr_expect_eq(c.v[0].better, -1);
	cr_expect_eq(c.v[1].kind, GT_CHANGE_STATUS);
	cr_expect_str_eq(c.v[1].me->id, "M2");
	cr_expect_eq(c.v[2].kind, GT_CHANGE_LATE);
	cr_expect_str_eq(c.v[2].me->id, "M3");
	cr_expect_eq(c.v[3].kind, GT_CHANGE_RESTATED);
	cr_expect_str_eq(c.v[3].obs->measure_ref.id, "M2");
	cr_expect_eq(c.v[4].kind, GT_CHANGE_OVERDUE);
	cr_expect_eq(c.v[5].kind, GT_CHANGE_SCORE);
	cr_expect_eq(c.v[5].from, 12);
	cr_expect_eq(c.v[5].to, 20);
	cr_expect_eq(c.v[5].better, -1);
	s = gt_changes_words(&m->conf.cal, &c);
	cr_expect_str_eq(s, "Since April to June 2025 (quarter 1): 2 measures "
	    "changed status (0 better, 2 worse); 1 measure's figures newly "
	    "late; 1 figure restated; 1 action newly overdue; 1 risk's score "
	    "moved (1 up, 0 down).");
	free(s);
	gt_crow(&r, now, &c.v[0]);
	cr_expect_str_eq(r.from, "Within tolerance");
	cr_expect_str_eq(r.to, "Off target");
	cr_expect_str_eq(r.period, "2025/26 Q2");
	gt_crow_free(&r);
	gt_crow(&r, now, &c.v[5]);
	cr_expect_str_eq(r.from, "12 High");
	cr_expect_str_eq(r.to, "20 Very high");
	gt_crow_free(&r);
	gt_changes_free(&c);
	/*
	 * Between a judgement and itself only the revised figure is listed:
	 * the data keep one figure a period, flagged revised.
	 */
	gt_changes(&c, now, now, NULL);
	cr_expect_eq(c.n, 1);
	cr_expect_eq(c.count[GT_CHANGE_RESTATED], 1);
	gt_changes_free(&c);
	gt_changes(&c, then, then, NULL);
	s = gt_changes_words(&m->conf.cal, &c);
	cr_expect_str_eq(s, "Since April to June 2025 (quarter 1): 1 figure "
	    "restated.");
	free(s);
	gt_changes_free(&c);
	/* Within a scope of nothing, nothing changed. */
	gt_scope_init(&none, m, NULL);
	gt_changes(&c, now, then, &none);
	s = gt_changes_words(&m->conf.cal, &c);
	cr_expect_str_eq(s, "Since April to June 2025 (quarter 1): nothing "
	    "has changed.");
	free(s);
	gt_changes_free(&c);
	gt_scope_free(&none);
	gt_judgement_free(now);
	gt_judgement_free(then);
	done();
}

Test(packs, changes_within_a_pack_of_one_level)
{
	struct gt_judgement	*now, *then;
	struct gt_changes	 c;

	site("[pack p]\ntitle = T\nlevel = operational\n");
	plan();
	linked("");
	now = judged("2025/26 Q2");
	then = judged("2025/26 Q1");
	gt_changes(&c, now, then, m->conf.packs[0].scope);
	/* Only M2 is operational; the risk and action are in scope. */
	cr_expect_eq(c.count[GT_CHANGE_STATUS], 1);
	cr_expect_eq(c.count[GT_CHANGE_LATE], 0);
	cr_expect_eq(c.count[GT_CHANGE_SCORE], 1);
	cr_expect_eq(c.count[GT_CHANGE_OVERDUE], 1);
	gt_changes_free(&c);
	gt_judgement_free(now);
	gt_judgement_free(then);
	done();
}

Test(packs, exceptions_targets_and_stories)
{
	struct gt_judgement	*j;
	struct gt_trows		 t;
	struct gt_mrow		 r;
	char			*s;

	site("");
	plan();
	linked("");
	j = judged("2025/26 Q2");
	cr_expect_eq(gt_exception_measure(j, m->measures[0]),
	    GT_EXC_OFF_TARGET | GT_EXC_WORSENING);
	/* A year-to-date measure worsens against the same point last year. */
	cr_expect_eq(gt_exception_measure(j, m->measures[1]),
	    GT_EXC_OFF_TARGET | GT_EXC_WORSENING);
	cr_expect_eq(gt_exception_measure(j, m->measures[2]), GT_EXC_LATE);
	cr_expect(gt_exception_action(j, gt_action_get(m, "A1")));
	cr_expect(!gt_exception_action(j, gt_action_get(m, "A0")));
	s = gt_exception_words(GT_EXC_OFF_TARGET | GT_EXC_LATE);
	cr_expect_str_eq(s, "Off target; figures late");
	free(s);
	gt_mrow(&r, j, m->measures[1]);
	cr_expect_str_eq(r.direction, "Not compared");
	cr_expect_str_eq(r.direction_year, "Worsening");
	gt_mrow_free(&r);
	gt_trows(&t, j, m->measures[0]);
	cr_expect_eq(t.n, 3);
	cr_expect(t.v[0].current);
	cr_expect_str_eq(t.year_end, "100");
	cr_expect_str_eq(t.future, "2026/27: 110; 2027/28: 120");
	gt_trows_free(&t);
	gt_trows(&t, j, m->measures[2]);
	cr_expect_str_eq(t.future, "None set");
	gt_trows_free(&t);
	s = gt_measure_story(&m->conf.cal, j, m->measures[0]);
	cr_expect_str_eq(s, "80 in July to September 2025 (quarter 2) against "
	    "a target of 100: off target.");
	free(s);
	gt_judgement_free(j);
	done();
}

Test(packs, commentary_wanted_for_strategic_measures_off_target)
{
	struct gt_judgement	*j;
	char			*d;

	site("");
	plan();
	linked("");
	/* M1 has a note, M2 is operational, M3 is on target. */
	j = judged("2025/26 Q2");
	gt_check_commentary(j, diags());
	d = diag_text();
	cr_expect_str_eq(d, "");
	free(d);
	gt_judgement_free(j);
	done();
}

Test(packs, commentary_missing_is_warned)
{
	struct gt_judgement	*j;
	char			*d;

	site("");
	file(GT_KIND_MEASURE, "m.md", measures[0]);
	csv("v.csv", "measure,period,value,note\nM1,2025/26 Q2,80,\n");
	linked("");
	j = judged("2025/26 Q2");
	gt_check_commentary(j, diags());
	d = diag_text();
	cr_expect_str_eq(d, "v.csv:2:15: warning: off-target strategic "
	    "measure has no commentary (a note or response) for the figure it "
	    "is judged on: 'M1' in 2025/26 Q2\n");
	free(d);
	gt_judgement_free(j);
	done();
}

Test(packs, composition_defaults_by_audience)
{
	const struct gt_pack	*c, *r;

	site("[pack c]\ntitle = C\naudience = Cabinet\n"
	    "[pack r]\ntitle = R\naudience = Residents\n");
	linked("");
	c = &m->conf.packs[0];
	r = &m->conf.packs[1];
	cr_expect_eq(c->kind, GT_AUDIENCE_COMMITTEE);
	cr_expect_eq(c->sections[0], GT_SECTION_EXCEPTIONS);
	cr_expect(c->ids);
	cr_expect(!c->foreword);
	cr_expect_eq(c->since.type, GT_PERIOD_QUARTER);
	cr_expect_eq(c->since.sub, 1);
	cr_expect_eq(r->kind, GT_AUDIENCE_RESIDENTS);
	cr_expect_eq(r->sections[1], GT_SECTION_HIGHLIGHTS);
	cr_expect(!r->ids);
	cr_expect(r->foreword);
	/* A year's report looks back a year. */
	cr_expect_eq(r->since.year, 2024);
	cr_expect_eq(r->since.sub, 2);
	cr_expect_str_eq(gt_pack_for(r), "Residents");
	cr_expect_str_eq(gt_pack_for(c), "Cabinet");
	done();
}

Test(packs, composition_read_from_the_section)
{
	const struct gt_pack	*p;

	site("[pack c]\ntitle = C\naudience = committee\n"
	    "sections = finance, summary, appendix\nexceptions_only = yes\n"
	    "level = strategic\nforeword = yes\nids = no\n"
	    "date = 2025-11-12\nauthor = Chief Executive\n"
	    "recommendations = Cabinet is asked to:\n"
	    "    1. note the **report**;\n"
	    "  ; a comment between\n"
	    "    2. agree it.\n"
	    "since = 2024/25 Q4\n");
	linked("");
	p = &m->conf.packs[0];
	cr_assert_eq(p->nsections, 3);
	cr_expect_eq(p->sections[0], GT_SECTION_FINANCE);
	cr_expect_eq(p->sections[2], GT_SECTION_APPENDIX);
	cr_expect(p->exceptions_only);
	cr_expect(p->has_level);
	cr_expect(p->foreword);
	cr_expect(!p->ids);
	cr_expect_null(p->meeting);
	cr_expect_eq(p->date.d, 12);
	cr_expect_str_eq(p->author, "Chief Executive");
	cr_expect_str_eq(p->recommendations, "Cabinet is asked to:\n"
	    "1. note the **report**;\n2. agree it.");
	cr_expect_not_null(p->recommendations_body.doc);
	cr_expect_eq(cmark_node_get_type(cmark_node_last_child(
	    p->recommendations_body.doc)), CMARK_NODE_LIST);
	cr_expect_eq(p->since.year, 2024);
	cr_expect_eq(p->since.sub, 4);
	cr_expect_null(gt_pack_for(p));
	done();
}

Test(packs, composition_problems_at_their_line)
{
	site("[pack c]\ntitle = C\nsections = summary, apendix, summary\n"
	    "level = tactical\nforeword = maybe\ndate = 12/11/2025\n"
	    "since = 2025/26 Q3\ncolour = blue\n"
	    "title2 = x\n    more\n"
	    "[pack d]\ntitle = D\nsince = soon\nsections = ,\n");
	/* The site's four lines come first; "summary" twice counts once. */
	linked("site.conf:7:12: error: bad setting: sections: 'apendix' is "
	    "not a section (summary, highlights, changes, exceptions, "
	    "priorities, finance, risks, appendix)\n"
	    "site.conf:8:9: error: bad setting: level = tactical: expected "
	    "strategic or operational\n"
	    "site.conf:9:12: error: bad setting: foreword = maybe: expected "
	    "yes or no\n"
	    "site.conf:10:8: error: bad setting: date = 12/11/2025: expected "
	    "a date such as 2025-10-15\n"
	    "site.conf:11:9: error: bad setting: since = 2025/26 Q3: must be "
	    "before the pack's period, 2025/26 Q2\n"
	    "site.conf:12:1: warning: unknown setting, ignored: colour in "
	    "[pack c]\n"
	    "site.conf:13:1: warning: unknown setting, ignored: title2 in "
	    "[pack c]\n"
	    "site.conf:14:1: error: site.conf syntax error: an indented line "
	    "continues the value of title2; only recommendations may take "
	    "more than one line\n"
	    "site.conf:17:9: error: bad setting: since = soon: not a period "
	    "(forms: 2024/25, 2024/25 Q2, 2024-05, 2024, AY2024/25)\n"
	    "site.conf:18:12: error: bad setting: sections: name at least one "
	    "section\n");
	cr_expect_eq(m->conf.packs[0].nsections, 1);
	done();
}

Test(packs, level_filters_the_pack_scope)
{
	const struct gt_pack	*p;

	site("[pack s]\ntitle = S\nlevel = strategic\n");
	plan();
	linked("");
	p = &m->conf.packs[0];
	cr_expect(gt_scope_has_measure(p->scope, m->measures[0]));
	cr_expect(!gt_scope_has_measure(p->scope, m->measures[1]));
	cr_expect(gt_scope_has_action(p->scope, m->actions[0]));
	cr_expect(gt_scope_has_risk(p->scope, m->risks[0]));
	done();
}

Test(packs, recommendations_longer_than_a_body)
{
	struct gt_buf	 b = { 0 };
	char		 line[200], *want;
	size_t		 n = 0;

	memset(line, 'x', 180);
	line[180] = '\0';
	gt_buf_puts(&b, "[pack c]\ntitle = C\nrecommendations = Note:\n");
	while (n <= (size_t)GT_MAX_BODY_BYTES) {
		gt_buf_printf(&b, "    %s\n", line);
		n += 181;
	}
	site(b.data);
	want = gt_xasprintf("site.conf:7:19: error: input exceeds a limit: "
	    "recommendations longer than %ld bytes\n", (long)GT_MAX_BODY_BYTES);
	linked(want);
	cr_expect_null(m->conf.packs[0].recommendations_body.doc);
	free(want);
	gt_buf_free(&b);
	done();
}
