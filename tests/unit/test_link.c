/* test_link.c: the golden-thread checks, on small in-memory sites. */
#include <criterion/criterion.h>

#include "link.h"
#include "read.h"
#include "helpers.h"

static struct gt_model *m;

static void
setup(void)
{
	const char *c = "[site]\ntitle=t\norganisation=o\nas_at=2025/26 Q2\n";

	diag_reset();
	m = test_model(".");
	gt_conf_read(m, "site.conf", c, strlen(c));
}

static void
teardown(void)
{
	gt_model_free(m);
	diag_reset();
}

TestSuite(link, .init = setup, .fini = teardown);

#define MD(kind, path, text) gt_md_read(m, kind, path, text, strlen(text))
#define CSV(path, text) gt_csv_read(m, path, text, strlen(text))

static void
priority(const char *id)
{
	char	*t = gt_xasprintf("---\nid: %s\ntitle: P\n---\n", id);
	char	*p = gt_xasprintf("p/%s.md", id);

	MD(GT_KIND_PRIORITY, p, t);
	free(t);
	free(p);
}

static void
objective(const char *id, const char *field, const char *up)
{
	char	*t = gt_xasprintf("---\nid: %s\ntitle: O\n%s: %s\n"
	    "portfolio: Housing\n---\n", id, field, up);
	char	*p = gt_xasprintf("o/%s.md", id);

	MD(GT_KIND_OBJECTIVE, p, t);
	free(t);
	free(p);
}

static void
measure(const char *id, const char *obj, const char *freq, const char *unit)
{
	char	*t = gt_xasprintf("---\nid: %s\ntitle: M\nobjective: %s\n"
	    "polarity: higher\nfrequency: %s\nunit: \"%s\"\n---\nDef.\n",
	    id, obj, freq, unit);
	char	*p = gt_xasprintf("m/%s.md", id);

	MD(GT_KIND_MEASURE, p, t);
	free(t);
	free(p);
}

static void
expect_link(int rc, const char *want)
{
	char	*got;

	cr_expect_eq(gt_link(m), rc);
	got = diag_text();
	cr_expect_str_eq(got, want);
	free(got);
}

Test(link, clean_thread)
{
	priority("p1");
	objective("o1", "priority", "p1");
	objective("o2", "parent", "o1");
	objective("o3", "parent", "o2");
	measure("M2", "o3", "quarterly", "count");
	measure("M10", "o1", "monthly", "%");
	expect_link(0, "");
	cr_expect_eq(gt_objective_get(m, "o3")->depth, 2);
	cr_expect_eq(gt_objective_get(m, "o3")->priority,
	    gt_priority_get(m, "p1"));
	cr_expect_eq(gt_priority_get(m, "p1")->nobjectives, 1);
	cr_expect_eq(gt_objective_get(m, "o1")->nchildren, 1);
	/* Ids sort naturally: M2 before M10. */
	cr_expect_str_eq(m->measures[0]->id, "M2");
}

Test(link, missing_objective_named_at_its_line)
{
	priority("p1");
	objective("o1", "priority", "p1");
	measure("M1", "o1", "quarterly", "count");
	measure("M2", "nowhere", "quarterly", "count");
	expect_link(-1, "m/M2.md:4:12: error: no objective has this id: "
	    "'nowhere'\n");
}

Test(link, duplicates_cycles_and_orphans)
{
	priority("p1");
	MD(GT_KIND_PRIORITY, "p/p1-again.md", "---\nid: p1\ntitle: Again\n---\n");
	objective("a", "parent", "b");
	objective("b", "parent", "a");
	objective("c", "parent", "c");
	objective("d", "priority", "p9");
	objective("e", "parent", "zz");
	measure("M1", "a", "quarterly", "count");
	measure("M2", "b", "quarterly", "count");
	measure("M3", "c", "quarterly", "count");
	measure("M4", "d", "quarterly", "count");
	measure("M5", "e", "quarterly", "count");
	expect_link(-1,
	    "o/a.md:4:9: error: objective parents form a cycle: a -> b -> a\n"
	    "o/c.md:4:9: error: objective parents form a cycle: 'c' is its own "
	    "parent\n"
	    "o/d.md:4:11: error: no priority has this id: 'p9'\n"
	    "o/e.md:4:9: error: no objective has this id: 'zz'\n"
	    "p/p1-again.md:2:5: warning: priority has no objectives: 'p1'\n"
	    "p/p1.md:2:5: error: duplicate id: priority 'p1' is already "
	    "defined at p/p1-again.md:2\n");
}

Test(link, data_rows)
{
	priority("p1");
	objective("o1", "priority", "p1");
	measure("Q1", "o1", "quarterly", "%");
	measure("A1", "o1", "annual", "count");
	CSV("d.csv", "measure,period,value\n"
	    "Q1,2025/26 Q1,50\n"
	    "Q1,2025-06,50\n"
	    "Q1,2025/26 Q1,51\n"
	    "Q1,2025/26 Q2,101.8\n"
	    "X9,2025/26 Q1,5\n"
	    "A1,2024/25,5\n"
	    "A1,2024,5\n");
	CSV("p.csv", "action,period,status\nA9,2025/26 Q1,on track\n");
	expect_link(-1,
	    "d.csv:3:4: error: period does not fit the measure's frequency: "
	    "'2025-06' is a month; measure 'Q1' is quarterly\n"
	    "d.csv:4:15: error: second value for the same period: measure "
	    "'Q1': the first is at d.csv:2\n"
	    "d.csv:6:1: error: no measure has this id: 'X9'\n"
	    "d.csv:8:4: error: periods of one measure must all be of one "
	    "kind: measure 'A1' has a financial year and a calendar year\n"
	    "p.csv:2:1: error: no action has this id: 'A9'\n");
}

Test(link, targets_and_packs)
{
	const char *c = "[pack x]\ntitle = X\npriorities = p1, p2\n"
	    "portfolios = Housing, Parks\ntags = Nope\n";

	gt_conf_read(m, "site.conf", c, strlen(c));
	priority("p1");
	objective("o1", "priority", "p1");
	MD(GT_KIND_MEASURE, "m/m.md", "---\nid: M\ntitle: M\nobjective: o1\n"
	    "polarity: lower\nfrequency: monthly\ntargets:\n  2025: 5\n"
	    "  2025/26 Q1: 4\n  2025-05: 3\n  2025-5: 2\n---\nDef.\n");
	MD(GT_KIND_OBJECTIVE, "o/empty.md", "---\nid: o2\ntitle: O\n"
	    "priority: p1\n---\n");
	expect_link(-1,
	    "m/m.md:8:3: error: period does not fit the measure's frequency: "
	    "'2025' is a calendar year; a year's target for a monthly measure "
	    "is set by financial year, such as 2025/26\n"
	    "m/m.md:9:3: error: period does not fit the measure's frequency: "
	    "'2025/26 Q1' is a quarter; measure 'M' is monthly\n"
	    "m/m.md:11:3: error: target key is not a period: '2025-5'\n"
	    "o/empty.md:2:5: warning: objective has no measures and no "
	    "actions: 'o2'\n"
	    "site.conf:3:14: error: no priority has this id: 'p2' in "
	    "[pack x]\n"
	    "site.conf:4:14: error: pack scope names nothing defined: no "
	    "objective has portfolio 'Parks'\n"
	    "site.conf:5:8: error: pack scope names nothing defined: nothing "
	    "is tagged 'Nope'\n");
}

/*
 * Each quarter's export repeats the last quarter's figures: the same
 * figure again is taken quietly, a different one in a later file revises
 * it (flagged, with the earlier one kept), a different one in the same
 * file is an error.
 */
Test(link, repeats_and_revisions)
{
	struct gt_measure	*me;

	priority("p1");
	objective("o1", "priority", "p1");
	measure("Q1", "o1", "quarterly", "%");
	CSV("a.csv", "measure,period,value\nQ1,2025/26 Q1,50\n"
	    "Q1,2025/26 Q2,58.9\nQ1,2025/26 Q2,58.9\n");
	CSV("b.csv", "measure,period,value\nQ1,2025/26 Q1,50\n"
	    "Q1,2025/26 Q2,60.2\nQ1,2025/26 Q2,61\n");
	expect_link(-1, "b.csv:4:15: error: second value for the same "
	    "period: measure 'Q1': the first is at b.csv:3\n");
	me = gt_measure_get(m, "Q1");
	cr_assert_eq(me->nobs, 2);
	cr_expect_eq(me->obs[0]->flag, GT_FLAG_NONE);
	cr_expect_null(me->obs[0]->earlier);
	cr_expect_eq(me->obs[1]->value.num, 60.2);
	cr_expect_eq(me->obs[1]->flag, GT_FLAG_REVISED);
	cr_assert_not_null(me->obs[1]->earlier);
	cr_expect_eq(me->obs[1]->earlier->value.num, 58.9);
}

/* A published code ("C&L03") names its measure in data files. */
Test(link, codes_name_measures)
{
	priority("p1");
	objective("o1", "priority", "p1");
	MD(GT_KIND_MEASURE, "m/cl03.md", "---\ncode: C&L03\ntitle: M\n"
	    "objective: o1\npolarity: desc\nfrequency: annual\n---\nDef.\n");
	MD(GT_KIND_MEASURE, "m/cl04.md", "---\ncode: C&L03\ntitle: M\n"
	    "objective: o1\npolarity: None\nfrequency: annual\n---\nDef.\n");
	CSV("d.csv", "measure,period,value\nC&L03,2010-11,5\ncl03,2011-12,6\n"
	    "C&L 9,2012,1\n");
	expect_link(-1, "d.csv:4:1: error: no measure has this id: 'C&L 9'\n"
	    "m/cl04.md:2:7: error: duplicate id: code 'C&L03' is measure "
	    "'cl03''s already, at m/cl03.md:1\n");
	cr_expect_eq(gt_measure_get(m, "cl03")->nobs, 2);
	cr_expect_eq(gt_measure_get(m, "cl03")->polarity, GT_POL_LOWER);
	cr_expect_eq(gt_measure_get(m, "cl04")->polarity, GT_POL_INFO);
	/* An annual measure's 2010-11 is a financial year. */
	cr_expect_eq(gt_measure_get(m, "cl03")->obs[0]->period.type,
	    GT_PERIOD_FYEAR);
}

/* A percentage takes any figure; min and max check a range where wanted. */
Test(link, min_and_max)
{
	priority("p1");
	objective("o1", "priority", "p1");
	measure("P1", "o1", "annual", "%");
	MD(GT_KIND_MEASURE, "m/r.md", "---\nid: R\ntitle: M\nobjective: o1\n"
	    "polarity: higher\nfrequency: annual\nmin: 0\nmax: 100\n---\nD.\n");
	MD(GT_KIND_MEASURE, "m/s.md", "---\nid: S\ntitle: M\nobjective: o1\n"
	    "polarity: higher\nfrequency: annual\nmin: 0\n---\nD.\n");
	CSV("d.csv", "measure,period,value\nP1,2023/24,100.3%\nP1,2024/25,-16\n"
	    "R,2023/24,101.8\nS,2023/24,-0.07\n");
	expect_link(-1, "d.csv:4:11: error: value out of range: measure 'R' "
	    "takes figures from 0 to 100 (its min and max): 101.8 is outside\n"
	    "d.csv:5:11: error: value out of range: measure 'S' takes "
	    "figures from 0 (its min): -0.07 is below\n");
	cr_expect_eq(gt_measure_get(m, "P1")->nobs, 2);
}

/* Figures or comparators that cannot be what they say are warned of. */
Test(link, implausible_figures)
{
	priority("p1");
	objective("o1", "priority", "p1");
	MD(GT_KIND_MEASURE, "m/f.md", "---\nid: F\ntitle: M\nobjective: o1\n"
	    "polarity: higher\nfrequency: annual\nunit: \"%\"\ntargets:\n"
	    "  2024/25: 90\n---\nD.\n");
	measure("C", "o1", "annual", "count");
	CSV("d.csv", "measure,period,value\nF,2023/24,0.91\nF,2024/25,0.93\n"
	    "C,2023/24,48\nC,2024/25,52\n");
	CSV("c.csv", "measure,period,group,value\nC,2023/24,England,51000\n"
	    "C,2024/25,England,52500\nC,2024/25,Neighbours,50\n");
	expect_link(0, "c.csv:2:19: warning: comparator is on another scale "
	    "from the measure's own figures: 'England' is 1035 times measure "
	    "'C''s own figures (typically 51750 against 50): a figure for a "
	    "larger area, or in another unit?\n"
	    "d.csv:2:11: warning: a percentage's figures look like fractions "
	    "of one: measure 'F': 0.91, like all its figures, lies between -1 "
	    "and 1, while its targets are percentages (90, at m/f.md:9); "
	    "multiply them by 100 (an import mapping's scale = 100)\n");
}
