/* test_status.c: the status rules, table by table, with their edges. */
#include <criterion/criterion.h>

#include "format.h"
#include "link.h"
#include "read.h"
#include "glance.h"
#include "judge.h"
#include "words.h"
#include "helpers.h"

static struct gt_model *m;
static struct gt_judgement *j;

/* What the judgement says of a measure, action or risk. */
#define JM(me)	gt_judged_measure(j, (me))
#define JA(a)	gt_judged_action(j, (a))
#define JR(k)	gt_judged_risk(j, (k))

/* A site with one priority and objective; conf_extra adds settings. */
static void
site(const char *conf_extra)
{
	char	*c = gt_xasprintf("[site]\ntitle=t\norganisation=o\n"
	    "as_at=2025/26 Q2\n[status]\n%s", conf_extra);

	diag_reset();
	m = test_model(".");
	gt_conf_read(m, "site.conf", c, strlen(c));
	free(c);
	const char *p = "---\nid: p\ntitle: P\n---\n";
	const char *o = "---\nid: o\ntitle: O\npriority: p\n---\n";

	gt_md_read(m, GT_KIND_PRIORITY, "p.md", p, strlen(p));
	gt_md_read(m, GT_KIND_OBJECTIVE, "o.md", o, strlen(o));
}

/* A measure from front matter lines; the rest is filled in. */
static void
measure(const char *id, const char *fields)
{
	char	*t = gt_xasprintf("---\nid: %s\ntitle: T\n%s%s\n---\nDef.\n",
	    id, strstr(fields, "objectives:") ? "" : "objective: o\n", fields);
	char	*p = gt_xasprintf("%s.md", id);

	gt_md_read(m, GT_KIND_MEASURE, p, t, strlen(t));
	free(t);
	free(p);
}

static void
data(const char *rows)
{
	char	*t = gt_xasprintf("measure,period,value,note,flag\n%s", rows);

	gt_csv_read(m, "d.csv", t, strlen(t));
	free(t);
}

static void
run(void)
{
	char	*d;

	cr_assert_eq(gt_link(m), 0);
	d = diag_text();
	cr_assert_str_eq(d, "");
	free(d);
	j = gt_judge(m, &m->conf.as_at);
}

static void
done(void)
{
	gt_judgement_free(j);
	j = NULL;
	gt_model_free(m);
	m = NULL;
	diag_reset();
}

TestSuite(status, .fini = done);

/* One latest value against one target: every polarity and tolerance. */
Test(status, judged_against_target)
{
	static const struct {
		const char	*pol, *tol, *target, *value;
		enum gt_status	 want;
	} t[] = {
		{ "higher", "5%", "80", "80", GT_STATUS_ON_TARGET },
		{ "higher", "5%", "80", "81", GT_STATUS_ON_TARGET },
		{ "higher", "5%", "80", "76", GT_STATUS_WITHIN_TOLERANCE },
		{ "higher", "5%", "80", "75.9", GT_STATUS_OFF_TARGET },
		{ "higher", "2", "80", "78", GT_STATUS_WITHIN_TOLERANCE },
		{ "higher", "2", "80", "77.9", GT_STATUS_OFF_TARGET },
		{ "higher", "0", "80", "79.9", GT_STATUS_OFF_TARGET },
		{ "lower", "5%", "20", "20", GT_STATUS_ON_TARGET },
		{ "lower", "5%", "20", "21", GT_STATUS_WITHIN_TOLERANCE },
		{ "lower", "5%", "20", "21.1", GT_STATUS_OFF_TARGET },
		{ "lower", "3", "20", "23", GT_STATUS_WITHIN_TOLERANCE },
		{ "lower", "3", "20", "23.5", GT_STATUS_OFF_TARGET },
		/* A zero target has no relative tolerance; absolute still works. */
		{ "lower", "5%", "0", "0", GT_STATUS_ON_TARGET },
		{ "lower", "5%", "0", "1", GT_STATUS_OFF_TARGET },
		{ "lower", "1", "0", "1", GT_STATUS_WITHIN_TOLERANCE },
		/* Negative targets: tolerance is of the size of the target. */
		{ "higher", "10%", "-10", "-11", GT_STATUS_WITHIN_TOLERANCE },
		{ "higher", "10%", "-10", "-11.1", GT_STATUS_OFF_TARGET },
		{ "lower", "10%", "-10", "-9", GT_STATUS_WITHIN_TOLERANCE },
		/* Bands: inside, near either edge, and beyond. */
		{ "band", "5%", "[95, 105]", "95", GT_STATUS_ON_TARGET },
		{ "band", "5%", "[95, 105]", "105", GT_STATUS_ON_TARGET },
		{ "band", "5%", "[95, 105]", "91", GT_STATUS_WITHIN_TOLERANCE },
		{ "band", "5%", "[95, 105]", "90", GT_STATUS_OFF_TARGET },
		{ "band", "5%", "[95, 105]", "110", GT_STATUS_WITHIN_TOLERANCE },
		{ "band", "5%", "[95, 105]", "110.3", GT_STATUS_OFF_TARGET },
		{ "band", "1", "[-1, 1]", "-2", GT_STATUS_WITHIN_TOLERANCE },
		{ "band", "1", "[-1, 1]", "2.1", GT_STATUS_OFF_TARGET },
		/* Relative tolerance of a negative edge: 5% of 10. */
		{ "band", "5%", "[-10, 10]", "-10.5", GT_STATUS_WITHIN_TOLERANCE },
		{ "band", "5%", "[-10, 10]", "-10.6", GT_STATUS_OFF_TARGET },
		{ "higher", "5%", "0", "0", GT_STATUS_ON_TARGET },
		{ "higher", "5%", "0", "-0.1", GT_STATUS_OFF_TARGET },
		{ "higher", "2", "0", "-2", GT_STATUS_WITHIN_TOLERANCE },
		/* Targets are judged as shown too: 72.24 is shown as 72.2. */
		{ "higher", "0", "72.24", "72.2", GT_STATUS_ON_TARGET },
		{ "higher", "0", "72.25", "72.2", GT_STATUS_OFF_TARGET },
		{ "lower", "0", "9.96", "10.04", GT_STATUS_ON_TARGET },
	};
	size_t	 i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		char *f = gt_xasprintf("unit: count\ndecimals: 1\npolarity: %s\n"
		    "frequency: quarterly\ntolerance: \"%s\"\ntargets:\n"
		    "  2025/26: %s", t[i].pol, t[i].tol, t[i].target);
		char *d = gt_xasprintf("M,2025/26 Q2,%s,,\n", t[i].value);

		site("");
		measure("M", f);
		data(d);
		run();
		cr_expect_eq(JM(m->measures[0])->status, t[i].want,
		    "case %zu: %s %s target %s value %s: got %s", i, t[i].pol,
		    t[i].tol, t[i].target, t[i].value,
		    gt_status_name(JM(m->measures[0])->status));
		done();
		free(f);
		free(d);
	}
}

Test(status, rounded_to_display_before_judging)
{
	site("");
	measure("M", "unit: \"%\"\ndecimals: 1\npolarity: higher\n"
	    "frequency: quarterly\ntolerance: 0\ntargets:\n  2025/26: 73");
	data("M,2025/26 Q2,72.96,,\n");
	run();
	/* Shown as 73.0%, so it must not be judged as short of 73.0%. */
	cr_expect_eq(JM(m->measures[0])->status, GT_STATUS_ON_TARGET);
}

Test(status, targets_year_period_and_profile)
{
	const struct gt_measure	*me;

	site("");
	measure("Y", "unit: count\npolarity: higher\nfrequency: quarterly\n"
	    "targets:\n  2025/26: 100\n  2025/26 Q2: 50");
	measure("C", "unit: count\npolarity: higher\nfrequency: quarterly\n"
	    "cumulative: true\ntargets:\n  2025/26: 400");
	measure("CM", "unit: count\npolarity: higher\nfrequency: monthly\n"
	    "cumulative: true\ntargets:\n  2025/26: 1200\n  2025-08: 10");
	data("Y,2025/26 Q1,90,,\nY,2025/26 Q2,60,,\n"
	    "C,2025/26 Q1,100,,\nC,2025/26 Q2,190,,\n"
	    "CM,2025-04,100,,\nCM,2025-08,50,,\nCM,2025-09,850,,\n");
	run();
	me = gt_measure_get(m, "Y");
	cr_expect_eq(JM(me)->evals[0].lo, 100);	/* the year's */
	cr_expect_eq(JM(me)->evals[1].lo, 50);	/* the quarter's own */
	cr_expect_eq(JM(me)->evals[0].status, GT_STATUS_OFF_TARGET);
	cr_expect_eq(JM(me)->status, GT_STATUS_ON_TARGET);
	me = gt_measure_get(m, "C");
	cr_expect_eq(JM(me)->evals[0].lo, 100);	/* 1/4 of 400 */
	cr_expect(JM(me)->evals[0].profiled);
	cr_expect_eq(JM(me)->evals[1].lo, 200);	/* 2/4 of 400 */
	cr_expect_eq(JM(me)->status, GT_STATUS_WITHIN_TOLERANCE);
	me = gt_measure_get(m, "CM");
	cr_expect_eq(JM(me)->evals[0].lo, 100);	/* April: 1/12 */
	cr_expect_eq(JM(me)->evals[1].lo, 10);	/* August's own */
	cr_expect(!JM(me)->evals[1].profiled);
	cr_expect_eq(JM(me)->evals[2].lo, 600);	/* September: 6/12 */
	cr_expect_eq(JM(me)->status, GT_STATUS_ON_TARGET);
}

Test(status, year_start_january)
{
	const struct gt_measure	*me;

	site("");
	m->conf.cal.year_start = 1;
	measure("C", "unit: count\npolarity: higher\nfrequency: quarterly\n"
	    "cumulative: true\ntargets:\n  2025/26: 400");
	data("C,2025/26 Q1,100,,\nC,2025/26 Q3,290,,\n");
	run();
	me = gt_measure_get(m, "C");
	/* With a January year, as at 2025/26 Q2 means up to June 2025. */
	cr_expect_eq(JM(me)->latest, &JM(me)->evals[0]);
	cr_expect_eq(JM(me)->evals[1].lo, 300);
}

Test(status, latest_no_data_suppressed_no_target)
{
	site("");
	measure("A", "unit: count\npolarity: higher\nfrequency: quarterly\n"
	    "targets:\n  2025/26: 10");
	measure("B", "unit: count\npolarity: higher\nfrequency: quarterly\n"
	    "targets:\n  2025/26: 10");
	measure("C", "unit: count\npolarity: higher\nfrequency: quarterly");
	measure("D", "unit: count\npolarity: higher\nfrequency: quarterly\n"
	    "targets:\n  2025/26: 10");
	data("A,2025/26 Q1,12,,\nA,2025/26 Q2,,,\nA,2025/26 Q3,1,,\n"
	    "B,2025/26 Q1,12,,\nB,2025/26 Q2,<5,,\n"
	    "C,2025/26 Q2,12,,\n"
	    "D,2025/26 Q3,12,,\n");
	run();
	/* A blank row is skipped; a later period is beyond the as-at. */
	cr_expect_eq(JM(gt_measure_get(m, "A"))->status, GT_STATUS_ON_TARGET);
	cr_expect_eq(JM(gt_measure_get(m, "A"))->latest->obs->value.num, 12);
	cr_expect(JM(gt_measure_get(m, "A"))->late);
	cr_expect_eq(JM(gt_measure_get(m, "B"))->status, GT_STATUS_SUPPRESSED);
	cr_expect_eq(JM(gt_measure_get(m, "B"))->dir_prev, GT_DIR_NONE);
	cr_expect_eq(JM(gt_measure_get(m, "C"))->status, GT_STATUS_NO_TARGET);
	cr_expect_eq(JM(gt_measure_get(m, "D"))->status, GT_STATUS_NO_DATA);
	cr_expect(JM(gt_measure_get(m, "D"))->late);
	cr_expect_str_eq(JM(gt_measure_get(m, "D"))->explanation, "No figure has "
	    "been reported for any period up to July to September 2025 "
	    "(quarter 2): no data.");
}

Test(status, direction_of_travel)
{
	static const struct {
		const char	*pol, *conf, *rows;
		enum gt_dir	 prev, year;
	} t[] = {
		{ "higher", "", "M,2024/25 Q2,40,,\nM,2025/26 Q1,50,,\n"
		    "M,2025/26 Q2,55,,\n", GT_DIR_IMPROVING, GT_DIR_IMPROVING },
		{ "lower", "", "M,2024/25 Q2,40,,\nM,2025/26 Q1,50,,\n"
		    "M,2025/26 Q2,55,,\n", GT_DIR_WORSENING, GT_DIR_WORSENING },
		{ "higher", "", "M,2025/26 Q1,55,,\nM,2025/26 Q2,55,,\n",
		    GT_DIR_NO_CHANGE, GT_DIR_NONE },
		/* The previous period missing: no direction, even with older rows. */
		{ "higher", "", "M,2024/25 Q4,50,,\nM,2025/26 Q2,55,,\n",
		    GT_DIR_NONE, GT_DIR_NONE },
		/* Across the financial year: Q1's previous is last year's Q4. */
		{ "higher", "", "M,2024/25 Q4,60,,\nM,2025/26 Q1,55,,\n"
		    "M,2025/26 Q3,70,,\n", GT_DIR_WORSENING, GT_DIR_NONE },
		{ "higher", "no_change = 2%\n", "M,2025/26 Q1,100,,\n"
		    "M,2025/26 Q2,101.9,,\n", GT_DIR_NO_CHANGE, GT_DIR_NONE },
		{ "higher", "no_change = 2%\n", "M,2025/26 Q1,100,,\n"
		    "M,2025/26 Q2,102.1,,\n", GT_DIR_IMPROVING, GT_DIR_NONE },
		{ "band", "", "M,2025/26 Q1,110,,\nM,2025/26 Q2,106,,\n",
		    GT_DIR_IMPROVING, GT_DIR_NONE },
		{ "band", "", "M,2025/26 Q1,96,,\nM,2025/26 Q2,104,,\n",
		    GT_DIR_NO_CHANGE, GT_DIR_NONE },
		{ "band", "", "M,2025/26 Q1,100,,\nM,2025/26 Q2,90,,\n",
		    GT_DIR_WORSENING, GT_DIR_NONE },
	};
	size_t	 i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		char *f = gt_xasprintf("unit: count\ndecimals: 1\npolarity: %s\n"
		    "frequency: quarterly\ntargets:\n  2025/26: %s", t[i].pol,
		    strcmp(t[i].pol, "band") == 0 ? "[95, 105]" : "50");

		site(t[i].conf);
		measure("M", f);
		data(t[i].rows);
		run();
		cr_expect_eq(JM(m->measures[0])->dir_prev, t[i].prev,
		    "case %zu: prev %s", i, gt_dir_name(JM(m->measures[0])->dir_prev));
		cr_expect_eq(JM(m->measures[0])->dir_year, t[i].year,
		    "case %zu: year %s", i, gt_dir_name(JM(m->measures[0])->dir_year));
		done();
		free(f);
	}
}

Test(status, cumulative_has_only_year_ago_direction)
{
	site("");
	measure("C", "unit: count\npolarity: higher\nfrequency: quarterly\n"
	    "cumulative: true");
	data("C,2024/25 Q2,80,,\nC,2025/26 Q1,50,,\nC,2025/26 Q2,100,,\n");
	run();
	cr_expect_eq(JM(m->measures[0])->dir_prev, GT_DIR_NONE);
	cr_expect_eq(JM(m->measures[0])->dir_year, GT_DIR_IMPROVING);
}

Test(status, late_data)
{
	static const struct {
		const char	*freq, *rows, *conf;
		int		 late;
		const char	*expected;
	} t[] = {
		{ "monthly", "M,2025-09,1,,\n", "", 0, "2025-09" },
		{ "monthly", "M,2025-08,1,,\n", "", 1, "2025-09" },
		{ "monthly", "M,2025-08,1,,\n", "lag_monthly = 1\n", 0, "2025-08" },
		{ "quarterly", "M,2025/26 Q1,1,,\n", "", 1, "2025/26 Q2" },
		{ "annual", "M,2024/25,1,,\n", "", 0, "2024/25" },
		{ "annual", "M,2023/24,1,,\n", "", 1, "2024/25" },
		{ "annual", "M,2023/24,1,,\n", "lag_annual = 7\n", 0, "2023/24" },
		{ "annual", "M,2024,1,,\n", "", 0, "2024" },
		/* A series in odd years should have reached 2023/24, not 2024/25. */
		{ "biennial", "M,2023/24,1,,\n", "", 0, "2023/24" },
		{ "biennial", "M,2024/25,1,,\n", "", 0, "2024/25" },
		{ "biennial", "M,2022/23,1,,\n", "", 1, "2024/25" },
		/* Every third year, in its own place in the cycle. */
		{ "triennial", "M,2022/23,1,,\n", "", 0, "2022/23" },
		{ "triennial", "M,2021/22,1,,\n", "", 1, "2024/25" },
		/* A survey now and then is never late, even with none yet. */
		{ "irregular", "M,2019-10,1,,\n", "", 0, "" },
		{ "irregular", "M,2019-10,,,\n", "", 0, "" },
		/* A measure's own lag overrides the site's. */
		{ "monthly\nlag: 2", "M,2025-07,1,,\n", "", 0, "2025-07" },
		{ "annual\nlag: 0", "M,2023/24,1,,\n", "lag_annual = 7\n", 1,
		    "2024/25" },
	};
	char	 buf[GT_PERIOD_MAX];
	size_t	 i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		char *f = gt_xasprintf("unit: count\npolarity: higher\n"
		    "frequency: %s", t[i].freq);

		site(t[i].conf);
		measure("M", f);
		data(t[i].rows);
		run();
		cr_expect_eq(JM(m->measures[0])->late, t[i].late, "case %zu", i);
		gt_period_format(&JM(m->measures[0])->expected, buf, sizeof(buf));
		cr_expect_str_eq(buf, t[i].expected, "case %zu", i);
		done();
		free(f);
	}
}

Test(status, explanations)
{
	site("");
	measure("P", "unit: \"%\"\ndecimals: 1\npolarity: higher\n"
	    "frequency: quarterly\ntolerance: 2\ntargets:\n  2024/25: 73");
	measure("B", "unit: \"\xc2\xa3\"\npolarity: band\nfrequency: quarterly\n"
	    "targets:\n  2024/25: [1000, 2000]");
	measure("C", "unit: count\npolarity: higher\nfrequency: quarterly\n"
	    "cumulative: true\ntargets:\n  2024/25: 400");
	measure("S", "unit: count\npolarity: lower\nfrequency: quarterly");
	data("P,2024/25 Q2,72.1,,provisional\nB,2024/25 Q2,\"2,500\",,\n"
	    "C,2024/25 Q2,150,,\nS,2024/25 Q2,<5,,\n");
	m->conf.as_at.year = 2024;	/* as at 2024/25 Q2: nothing late */
	run();
	cr_expect_str_eq(JM(gt_measure_get(m, "P"))->explanation,
	    "72.1% (provisional) in July to September 2024 (quarter 2) "
	    "against a target of 73.0% (higher is better, tolerance of 2 percentage points): within "
	    "tolerance.");
	cr_expect_str_eq(JM(gt_measure_get(m, "B"))->explanation,
	    "\xc2\xa3" "2,500 in July to September 2024 (quarter 2) against a "
	    "target range of "
	    "\xc2\xa3" "1,000 to \xc2\xa3" "2,000 (the target is a range, 5% "
	    "tolerance): off target.");
	cr_expect_str_eq(JM(gt_measure_get(m, "C"))->explanation,
	    "150 in July to September 2024 (quarter 2) against a year-to-date "
	    "target of 200 (2/4 of "
	    "400 for the year; higher is better, 5% tolerance): off target.");
	cr_expect_str_eq(JM(gt_measure_get(m, "S"))->explanation,
	    "The figure for July to September 2024 (quarter 2) is withheld "
	    "(<5) to protect the people "
	    "it counts: suppressed, so no status is given.");
}

Test(status, actions_and_risks)
{
	const char	*a = "---\nid: A1\nobjective: o\ntitle: T\ndue: 2025-09-29\n"
	    "milestones:\n  - {title: One, due: 2025-06-30}\n"
	    "  - {title: Two, due: 2025-09-15}\n---\n";
	const char	*b = "---\nid: A2\nobjective: o\ntitle: T\ndue: 2025-09-30\n"
	    "---\n";
	const char	*r = "---\nid: R1\ntitle: T\nobjectives: [o]\n"
	    "likelihood: 4\nimpact: 4\ntarget_likelihood: 2\n"
	    "target_impact: 2\n---\n";
	const char	*p = "action,period,status,note\n"
	    "A1,2025/26 Q1,on track,\nA1,2025/26 Q2,at risk,\n"
	    "A1,2025/26 Q3,complete,\nA2,2025/26 Q2,on track,\n";
	const struct gt_action	*x;

	site("risk_appetite = 12\n");
	gt_md_read(m, GT_KIND_ACTION, "a.md", a, strlen(a));
	gt_md_read(m, GT_KIND_ACTION, "b.md", b, strlen(b));
	gt_md_read(m, GT_KIND_RISK, "r.md", r, strlen(r));
	gt_csv_read(m, "p.csv", p, strlen(p));
	run();
	x = gt_action_get(m, "A1");
	/* Due the day before the quarter ends and not complete by then. */
	cr_expect_eq(JA(x)->status, GT_ASTATUS_OVERDUE);
	cr_expect_eq(JA(x)->milestones_due, 2);
	cr_expect_eq(JA(x)->milestones_overdue, 2);
	cr_expect_str_eq(JA(x)->explanation, "Due 29 September 2025 and not "
	    "complete (reported at risk in July to September 2025 (quarter 2)), "
	    "with 2 milestones past "
	    "their due dates: overdue.");
	/* Due on the last day: not yet overdue. */
	cr_expect_eq(JA(gt_action_get(m, "A2"))->status, GT_ASTATUS_ON_TRACK);
	cr_expect_eq(JR(m->risks[0])->score, 16);
	cr_expect_eq(JR(m->risks[0])->target_score, 4);
	cr_expect_str_eq(m->conf.bands[JR(m->risks[0])->band].name, "Very high");
	cr_expect_str_eq(m->conf.bands[JR(m->risks[0])->target_band].name, "Low");
	cr_expect(JR(m->risks[0])->above_appetite);
	cr_expect_eq(JR(m->risks[0])->gap, 12);
	cr_expect_str_eq(JR(m->risks[0])->explanation, "Likelihood 4 \xc3\x97 "
	    "impact 4 gives 16: Very high, 12 above its target score of 4 "
	    "(Low), and above the risk appetite of 12.");
	cr_expect_eq(gt_judged_objective(j, gt_objective_get(m, "o"))->astatus[GT_ASTATUS_OVERDUE],
	    1);
	cr_expect_eq(gt_judged_priority(j, gt_priority_get(m, "p"))->risks, 1);
	cr_expect_eq(gt_judged_priority(j, gt_priority_get(m, "p"))->above_appetite, 1);
}

Test(status, rollups_count_each_measure_once)
{
	const char	*sub = "---\nid: s\ntitle: S\nparent: o\n---\n";
	const struct gt_rollup *r;

	site("");
	gt_md_read(m, GT_KIND_OBJECTIVE, "s.md", sub, strlen(sub));
	measure("A", "unit: count\npolarity: higher\nfrequency: quarterly\n"
	    "targets:\n  2025/26: 10");
	measure("B", "objectives: [o, s]\nunit: count\npolarity: higher\n"
	    "frequency: quarterly\ntargets:\n  2025/26: 10");
	data("A,2025/26 Q2,12,,\n");
	/* B names both the objective and its sub-objective. */
	run();
	r = gt_judged_objective(j, gt_objective_get(m, "o"));
	cr_expect_eq(r->measures, 2);
	cr_expect_eq(r->status[GT_STATUS_ON_TARGET], 1);
	cr_expect_eq(r->status[GT_STATUS_NO_DATA], 1);
	cr_expect_eq(r->late, 1);
	cr_expect_eq(gt_judged_objective(j, gt_objective_get(m, "s"))->measures, 1);
	cr_expect_eq(gt_judged_priority(j, gt_priority_get(m, "p"))->measures, 2);
}

/*
 * Which year's target a month or quarter takes, and its place in the year
 * for the profile, as the financial year moves.
 */
Test(status, financial_year_boundaries)
{
	static const struct {
		int		 year_start;
		const char	*period;
		double		 plain, profiled;	/* the targets */
	} t[] = {
		/* April years: March 2025 closes 2024/25, April opens 2025/26. */
		{ 4, "2025-03", 120, 120 },
		{ 4, "2025-04", 240, 20 },
		{ 4, "2024/25 Q4", 120, 120 },
		{ 4, "2025/26 Q1", 240, 60 },
		/* January years: 2025/26 is January to December 2025. */
		{ 1, "2025-03", 240, 60 },
		{ 1, "2024-12", 120, 120 },
		{ 1, "2025/26 Q1", 240, 60 },
		/* July years: March 2025 is month 9 of 2024/25. */
		{ 7, "2025-03", 120, 90 },
		{ 7, "2025-06", 120, 120 },
		{ 7, "2025-07", 240, 20 },
	};
	char	 rows[256];
	size_t	 i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		const char *freq = strchr(t[i].period, 'Q') ? "quarterly" :
		    "monthly";
		char *plain = gt_xasprintf("unit: count\npolarity: higher\n"
		    "frequency: %s\ntargets:\n  2024/25: 120\n  2025/26: 240",
		    freq);
		char *cum = gt_xasprintf("%s\ncumulative: true", plain);

		site("");
		m->conf.cal.year_start = t[i].year_start;
		measure("P", plain);
		measure("C", cum);
		snprintf(rows, sizeof(rows), "P,%s,1,,\nC,%s,1,,\n",
		    t[i].period, t[i].period);
		data(rows);
		run();
		cr_expect_eq(JM(gt_measure_get(m, "P"))->evals[0].lo, t[i].plain,
		    "case %zu: %s from %d: %g", i, t[i].period, t[i].year_start,
		    JM(gt_measure_get(m, "P"))->evals[0].lo);
		cr_expect_eq(JM(gt_measure_get(m, "C"))->evals[0].lo, t[i].profiled,
		    "case %zu: %s profiled from %d: %g", i, t[i].period,
		    t[i].year_start, JM(gt_measure_get(m, "C"))->evals[0].lo);
		done();
		free(plain);
		free(cum);
	}
}

/* Which figures count as at the as-at period, with each year start. */
Test(status, as_at_boundaries)
{
	static const struct {
		int		 year_start;
		const char	*rows, *latest;
	} t[] = {
		{ 4, "M,2025-09,1,,\nM,2025-10,2,,\n", "2025-09" },
		{ 1, "M,2025-06,1,,\nM,2025-07,2,,\n", "2025-06" },
		{ 7, "M,2025-12,1,,\nM,2026-01,2,,\n", "2025-12" },
	};
	char	 buf[GT_PERIOD_MAX];
	size_t	 i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		site("");
		m->conf.cal.year_start = t[i].year_start;
		measure("M", "unit: count\npolarity: higher\nfrequency: monthly");
		data(t[i].rows);
		run();
		gt_period_format(&JM(m->measures[0])->latest->obs->period, buf,
		    sizeof(buf));
		cr_expect_str_eq(buf, t[i].latest, "case %zu", i);
		cr_expect(!JM(m->measures[0])->late, "case %zu", i);
		done();
	}
}

/* Months compare across the year end: April's previous month is March. */
Test(status, month_direction_across_year_end)
{
	site("");
	measure("M", "unit: count\npolarity: lower\nfrequency: monthly");
	data("M,2024-04,9,,\nM,2025-03,12,,\nM,2025-04,10,,\n");
	m->conf.as_at.sub = 1;		/* as at 2025/26 Q1 */
	run();
	cr_expect_eq(JM(m->measures[0])->prev->value.num, 12);
	cr_expect_eq(JM(m->measures[0])->dir_prev, GT_DIR_IMPROVING);
	cr_expect_eq(JM(m->measures[0])->year_ago->value.num, 9);
	cr_expect_eq(JM(m->measures[0])->dir_year, GT_DIR_WORSENING);
}

/* Withheld and flagged figures: which is latest, and what it compares with. */
Test(status, suppressed_and_provisional)
{
	const struct gt_measure	*me;

	site("");
	measure("A", "unit: count\npolarity: higher\nfrequency: quarterly\n"
	    "targets:\n  2025/26: 10");
	measure("B", "unit: count\npolarity: higher\nfrequency: quarterly\n"
	    "targets:\n  2025/26: 10");
	/* A: a figure after a withheld one has nothing to compare with. */
	data("A,2025/26 Q1,c,,\nA,2025/26 Q2,12,,\n"
	    "B,2025/26 Q1,8,,\nB,2025/26 Q2,11,,estimated\n");
	run();
	me = gt_measure_get(m, "A");
	cr_expect_eq(JM(me)->status, GT_STATUS_ON_TARGET);
	cr_expect_eq(JM(me)->dir_prev, GT_DIR_NONE);
	cr_expect_eq(JM(me)->evals[0].status, GT_STATUS_SUPPRESSED);
	me = gt_measure_get(m, "B");
	cr_expect_eq(JM(me)->status, GT_STATUS_ON_TARGET);
	cr_expect_eq(JM(me)->dir_prev, GT_DIR_IMPROVING);
	cr_expect_str_eq(JM(me)->explanation, "11 (estimated) in July to "
	    "September 2025 (quarter 2) against a target of 10 (higher is better, 5% tolerance): on "
	    "target.");
}

Test(status, biennial_compares_with_the_survey_before)
{
	site("");
	measure("M", "unit: \"%\"\npolarity: higher\nfrequency: biennial\n"
	    "targets:\n  2024/25: 60");
	data("M,2022/23,55,,\nM,2024/25,58,,\n");
	run();
	cr_expect_eq(JM(m->measures[0])->dir_prev, GT_DIR_IMPROVING);
	cr_expect_eq(JM(m->measures[0])->prev->value.num, 55);
	cr_expect_eq(JM(m->measures[0])->dir_year, GT_DIR_NONE);
}

Test(status, triennial_and_irregular_compare_with_the_figure_before)
{
	site("");
	measure("T", "unit: \"%\"\npolarity: higher\nfrequency: triennial");
	measure("I", "unit: \"%\"\npolarity: lower\nfrequency: irregular");
	data("T,2021/22,55,,\nT,2024/25,54,,\nI,2019-10,30,,\n"
	    "I,2024-03,25,,\n");
	run();
	cr_expect_eq(JM(gt_measure_get(m, "T"))->dir_prev, GT_DIR_WORSENING);
	cr_expect_eq(JM(gt_measure_get(m, "T"))->dir_year, GT_DIR_NONE);
	cr_expect_eq(JM(gt_measure_get(m, "I"))->dir_prev, GT_DIR_IMPROVING);
	cr_expect_eq(JM(gt_measure_get(m, "I"))->prev->value.num, 30);
	cr_expect_eq(JM(gt_measure_get(m, "I"))->late, 0);
}

/* Information only: figures and a trend, never a status or a direction. */
Test(status, information_only_is_never_judged)
{
	site("");
	measure("N", "unit: count\npolarity: none\nfrequency: quarterly");
	data("N,2025/26 Q1,10,,\nN,2025/26 Q2,11,,\nN,2024/25 Q2,9,,\n");
	run();
	cr_expect_eq(JM(m->measures[0])->status, GT_STATUS_INFO);
	cr_expect_eq(JM(m->measures[0])->dir_prev, GT_DIR_NONE);
	cr_expect_eq(JM(m->measures[0])->dir_year, GT_DIR_NONE);
	cr_expect_str_eq(JM(m->measures[0])->explanation, "11 in July to "
	    "September 2025 (quarter 2), for information only (neither higher nor lower is better), so "
	    "no status is given.");
}

/* Targets relative to a comparator and to last year, each explained. */
Test(status, relative_targets)
{
	const char	*c = "measure,period,group,value\n"
	    "E,2025/26 Q2,England,70\n";

	site("");
	measure("E", "unit: \"%\"\npolarity: higher\nfrequency: quarterly\n"
	    "targets:\n  2025/26: better than England");
	measure("Y", "unit: count\npolarity: higher\nfrequency: quarterly\n"
	    "targets:\n  2025/26: at least 10% above last year");
	measure("Z", "unit: count\npolarity: lower\nfrequency: quarterly\n"
	    "targets:\n  2025/26: 5% below last year");
	measure("G", "unit: count\npolarity: lower\nfrequency: quarterly\n"
	    "targets:\n  2025/26: better than Wales");
	data("E,2025/26 Q2,71.5,,\nY,2024/25 Q2,100,,\nY,2025/26 Q2,108,,\n"
	    "Z,2024/25 Q2,200,,\nZ,2025/26 Q2,185,,\nG,2025/26 Q2,3,,\n");
	gt_csv_read(m, "c.csv", c, strlen(c));
	run();
	cr_expect_eq(JM(gt_measure_get(m, "E"))->status, GT_STATUS_ON_TARGET);
	cr_expect_str_eq(JM(gt_measure_get(m, "E"))->explanation, "71.5% in "
	    "July to September 2025 (quarter 2) against a target of 70.0% "
	    "(England's figure for July to September 2025 (quarter 2); higher "
	    "is better, 5% tolerance): on target.");
	cr_expect_eq(JM(gt_measure_get(m, "Y"))->status,
	    GT_STATUS_WITHIN_TOLERANCE);
	cr_expect_str_eq(JM(gt_measure_get(m, "Y"))->explanation, "108 in "
	    "July to September 2025 (quarter 2) against a target of 110 (10% "
	    "above the figure for July to September 2024 (quarter 2); higher "
	    "is better, 5% tolerance): within tolerance.");
	cr_expect_eq(JM(gt_measure_get(m, "Z"))->status, GT_STATUS_ON_TARGET);
	cr_expect_eq(JM(gt_measure_get(m, "G"))->status, GT_STATUS_NO_TARGET);
	cr_expect_str_eq(JM(gt_measure_get(m, "G"))->explanation, "3 in "
	    "July to September 2025 (quarter 2), and its target is set against "
	    "Wales's figure for July to September 2025 (quarter 2), which is "
	    "not in: no target.");
}

Test(status, band_without_target_has_no_direction)
{
	site("");
	measure("M", "unit: count\npolarity: band\nfrequency: quarterly");
	data("M,2025/26 Q1,10,,\nM,2025/26 Q2,11,,\n");
	run();
	cr_expect_eq(JM(m->measures[0])->status, GT_STATUS_NO_TARGET);
	cr_expect_eq(JM(m->measures[0])->dir_prev, GT_DIR_NONE);
}

Test(status, late_and_no_target_explained)
{
	site("");
	measure("L", "unit: count\npolarity: higher\nfrequency: monthly\n"
	    "targets:\n  2025/26: 10");
	measure("N", "unit: days\npolarity: lower\nfrequency: monthly");
	data("L,2025-07,12,,\nN,2025-09,1,,\n");
	run();
	cr_expect_str_eq(JM(gt_measure_get(m, "L"))->explanation, "12 in July "
	    "2025 against a target of 10 (higher is better, 5% tolerance): on "
	    "target; the figure for September 2025 is late.");
	cr_expect_str_eq(JM(gt_measure_get(m, "N"))->explanation, "1 day in "
	    "September 2025, and no target is set for September 2025: no "
	    "target.");
}

/* Milestones past due are overdue unless the action vouches for them. */
Test(status, milestones)
{
	static const struct {
		const char	*due, *reported;
		enum gt_astatus	 want;
		size_t		 due_by_now, overdue;
	} t[] = {
		{ "2026-03-31", "on track", GT_ASTATUS_ON_TRACK, 1, 0 },
		{ "2026-03-31", "at risk", GT_ASTATUS_AT_RISK, 1, 1 },
		{ "2026-03-31", "not started", GT_ASTATUS_NOT_STARTED, 1, 1 },
		{ "2026-03-31", "complete", GT_ASTATUS_COMPLETE, 1, 0 },
		{ "2026-03-31", NULL, GT_ASTATUS_NOT_STARTED, 1, 1 },
		/* On track, but the action itself is past due. */
		{ "2025-08-31", "on track", GT_ASTATUS_OVERDUE, 2, 2 },
		{ "2025-08-31", "complete", GT_ASTATUS_COMPLETE, 2, 0 },
	};
	size_t	 i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		char *a = gt_xasprintf("---\nid: A\nobjective: o\ntitle: T\n"
		    "due: %s\nmilestones:\n  - {title: One, due: 2025-07-31}\n"
		    "  - {title: Two, due: %s}\n---\n", t[i].due, t[i].due);
		char *p = gt_xasprintf("action,period,status,note\n%s%s%s",
		    t[i].reported ? "A,2025/26 Q2," : "",
		    t[i].reported ? t[i].reported : "",
		    t[i].reported ? ",\n" : "");

		site("");
		gt_md_read(m, GT_KIND_ACTION, "a.md", a, strlen(a));
		if (t[i].reported != NULL)
			gt_csv_read(m, "p.csv", p, strlen(p));
		run();
		cr_expect_eq(JA(m->actions[0])->status, t[i].want, "case %zu: %s",
		    i, gt_astatus_name(JA(m->actions[0])->status));
		cr_expect_eq(JA(m->actions[0])->milestones_due, t[i].due_by_now,
		    "case %zu", i);
		cr_expect_eq(JA(m->actions[0])->milestones_overdue, t[i].overdue,
		    "case %zu", i);
		done();
		free(a);
		free(p);
	}
}

Test(status, action_and_risk_explanations)
{
	const char	*a = "---\nid: A1\nobjective: o\ntitle: T\n"
	    "due: 2026-03-31\nmilestones:\n  - {title: One, due: 2025-07-31}\n"
	    "---\n";
	const char	*b = "---\nid: A2\nobjective: o\ntitle: T\n---\n";
	const char	*r = "---\nid: R1\ntitle: T\nobjectives: [o]\n"
	    "likelihood: 2\nimpact: 3\n---\n";
	const char	*p = "action,period,status,note\nA1,2025-08,at risk,\n";

	site("");
	gt_md_read(m, GT_KIND_ACTION, "a.md", a, strlen(a));
	gt_md_read(m, GT_KIND_ACTION, "b.md", b, strlen(b));
	gt_md_read(m, GT_KIND_RISK, "r.md", r, strlen(r));
	gt_csv_read(m, "p.csv", p, strlen(p));
	run();
	cr_expect_str_eq(JA(gt_action_get(m, "A1"))->explanation, "Reported at "
	    "risk in August 2025, with 1 milestone past its due date.");
	cr_expect_str_eq(JA(gt_action_get(m, "A2"))->explanation, "No progress "
	    "reported yet: not started.");
	cr_expect_eq(JR(m->risks[0])->gap, 0);
	cr_expect(!JR(m->risks[0])->above_appetite);
	cr_expect_str_eq(JR(m->risks[0])->explanation, "Likelihood 2 \xc3\x97 "
	    "impact 3 gives 6: Medium, at its target score.");
}

/* Portfolio, tag and mixed scopes count each object once. */
Test(status, scopes)
{
	const char	*x = "---\nid: x\ntitle: X\npriority: p\n"
	    "portfolio: Housing\ntags: [Climate]\n---\n";
	const char	*s = "---\nid: s\ntitle: S\nparent: x\n---\n";
	const char	*a = "---\nid: A1\nobjective: o\ntitle: T\n"
	    "tags: [Climate]\n---\n";
	const char	*r = "---\nid: R1\ntitle: T\nobjectives: [s]\n"
	    "likelihood: 5\nimpact: 5\n---\n";
	struct gt_scope	 sc;
	struct gt_rollup ru;

	site("");
	gt_md_read(m, GT_KIND_OBJECTIVE, "x.md", x, strlen(x));
	gt_md_read(m, GT_KIND_OBJECTIVE, "s.md", s, strlen(s));
	gt_md_read(m, GT_KIND_ACTION, "a.md", a, strlen(a));
	gt_md_read(m, GT_KIND_RISK, "r.md", r, strlen(r));
	measure("M1", "objectives: [s]\nunit: count\npolarity: higher\n"
	    "frequency: quarterly\ntargets:\n  2025/26: 10");
	measure("M2", "unit: count\npolarity: higher\nfrequency: quarterly\n"
	    "tags: [Climate]");
	measure("M3", "unit: count\npolarity: higher\nfrequency: quarterly");
	data("M1,2025/26 Q2,12,,\nM1,2025/26 Q1,11,,\n");
	run();

	/* Housing: objective x and, through it, s's measure and risk. */
	gt_scope_init(&sc, m, NULL);
	gt_scope_portfolio(&sc, m, "Housing");
	gt_judge_rollup(j, &sc, &ru);
	cr_expect_eq(ru.measures, 1);
	cr_expect_eq(ru.status[GT_STATUS_ON_TARGET], 1);
	cr_expect_eq(ru.dir[GT_DIR_IMPROVING], 1);
	cr_expect_eq(ru.risks, 1);
	cr_expect_eq(ru.rating[3], 1);
	cr_expect_eq(ru.actions, 0);
	gt_scope_clear(&sc);

	/* Climate: objective x (with s), measure M2 and action A1. */
	gt_scope_tag(&sc, m, "Climate");
	gt_judge_rollup(j, &sc, &ru);
	cr_expect_eq(ru.measures, 2);
	cr_expect_eq(ru.status[GT_STATUS_NO_DATA], 1);
	cr_expect_eq(ru.late, 1);
	cr_expect_eq(ru.actions, 1);
	cr_expect_eq(ru.astatus[GT_ASTATUS_NOT_STARTED], 1);
	cr_expect(gt_scope_has_measure(&sc, gt_measure_get(m, "M2")));
	cr_expect(!gt_scope_has_measure(&sc, gt_measure_get(m, "M3")));

	/* Adding an overlapping portfolio counts nothing twice. */
	gt_scope_portfolio(&sc, m, "Housing");
	gt_scope_measure(&sc, gt_measure_get(m, "M2"));
	gt_judge_rollup(j, &sc, &ru);
	cr_expect_eq(ru.measures, 2);
	cr_expect_eq(ru.risks, 1);
	gt_scope_priority(&sc, gt_priority_get(m, "p"));
	gt_judge_rollup(j, &sc, &ru);
	cr_expect_eq(ru.measures, 3);
	cr_expect_eq(ru.actions, 1);
	gt_scope_free(&sc);
	cr_expect_eq(gt_judged_priority(j, gt_priority_get(m, "p"))->measures, 3);
}

/* A pack reports at its own as-at period: a judgement of its own. */
Test(status, judged_again_at_another_period)
{
	const struct gt_period	 q4 = { GT_PERIOD_QUARTER, 2024, 4 };
	const struct gt_measure	*me;
	const struct gt_objective *o;
	struct gt_judgement	*pack;

	site("");
	measure("M", "unit: count\npolarity: higher\nfrequency: quarterly\n"
	    "targets:\n  2024/25: 10\n  2025/26: 20");
	data("M,2024/25 Q3,9,,\nM,2024/25 Q4,10,,\nM,2025/26 Q2,15,,\n");
	run();
	me = m->measures[0];
	o = gt_objective_get(m, "o");
	pack = gt_judge(m, &q4);
	cr_expect_eq(gt_judged_measure(pack, me)->status, GT_STATUS_ON_TARGET);
	cr_expect_eq(gt_judged_measure(pack, me)->dir_prev, GT_DIR_IMPROVING);
	cr_expect(!gt_judged_measure(pack, me)->late);
	cr_expect_eq(gt_judged_objective(pack, o)->status[GT_STATUS_ON_TARGET],
	    1);
	cr_expect_eq(gt_judged_objective(pack, o)->status[GT_STATUS_OFF_TARGET],
	    0);
	/* Two judgements stand at once: the site's is as it was. */
	cr_expect_eq(JM(me)->status, GT_STATUS_OFF_TARGET);
	cr_expect_eq(gt_judged_objective(j, o)->status[GT_STATUS_OFF_TARGET], 1);
	cr_expect_eq(gt_judged_measure(pack, me)->shown, 2);
	cr_expect_eq(JM(me)->shown, 3);
	gt_judgement_free(pack);
}

/* Periods as residents read them, under the site's calendar. */
Test(words, periods_in_plain_english)
{
	struct gt_calendar	 cal;
	struct gt_period	 p;
	struct gt_date		 d = { 2026, 2, 0 };
	char			 buf[GT_WORDS_PERIOD_MAX];
	static const struct {
		int		 year_start;
		const char	*period, *words, *end;
	} t[] = {
		{ 4, "2025-09", "September 2025", "the end of September 2025" },
		{ 4, "2025/26 Q2", "July to September 2025 (quarter 2)",
		    "the end of September 2025" },
		{ 4, "2025/26 Q4", "January to March 2026 (quarter 4)",
		    "the end of March 2026" },
		{ 2, "2025/26 Q4", "November 2025 to January 2026 (quarter 4)",
		    "the end of January 2026" },
		{ 1, "2025/26 Q1", "January to March 2025 (quarter 1)",
		    "the end of March 2025" },
		{ 4, "2024/25", "2024/25", "the end of March 2025" },
		{ 4, "2024", "2024", "the end of December 2024" },
		{ 4, "AY2024/25", "academic year 2024/25", "the end of August 2025" },
	};
	size_t	 i;

	gt_calendar_default(&cal);
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		cal.year_start = t[i].year_start;
		cr_assert_eq(gt_period_parse(t[i].period, &p), 0);
		cr_expect_str_eq(gt_period_words(&cal, &p, buf, sizeof(buf)),
		    t[i].words);
		cr_expect_str_eq(gt_period_end_words(&cal, &p, buf,
		    sizeof(buf)), t[i].end);
	}
	cr_expect_str_eq(gt_date_words(&d, buf, sizeof(buf)), "February 2026");
	d.d = 14;
	cr_expect_str_eq(gt_date_words(&d, buf, sizeof(buf)),
	    "14 February 2026");
	cr_expect_str_eq(gt_size_words(850, buf, sizeof(buf)), "850 bytes");
	cr_expect_str_eq(gt_size_words(48 * 1024 + 1, buf, sizeof(buf)),
	    "49 KB");
	cr_expect_str_eq(gt_size_words(1288490, buf, sizeof(buf)), "1.2 MB");
}

/*
 * A priority's headline measures: the ones marked headline, else its
 * strategic ones off target first, sub-objectives included.
 */
Test(status, headline_measures)
{
	const char		*sub = "---\nid: s\ntitle: S\nparent: o\n---\n";
	struct gt_measure	*v[4];
	size_t			 n, total;

	site("");
	gt_md_read(m, GT_KIND_OBJECTIVE, "s.md", sub, strlen(sub));
	measure("A", "unit: count\npolarity: higher\nfrequency: quarterly\n"
	    "targets:\n  2025/26: 10");
	measure("B", "unit: count\npolarity: higher\nfrequency: quarterly\n"
	    "level: operational\ntargets:\n  2025/26: 10");
	measure("C", "objectives: [s]\nunit: count\npolarity: higher\n"
	    "frequency: quarterly\ntargets:\n  2025/26: 10");
	measure("D", "unit: count\npolarity: higher\nfrequency: quarterly");
	data("A,2025/26 Q2,12,,\nB,2025/26 Q2,1,,\nC,2025/26 Q2,1,,\n"
	    "D,2025/26 Q2,1,,\n");
	run();
	n = gt_headline(j, m->priorities[0], v, 4, &total);
	cr_expect_eq(total, 4);
	/* C, under a sub-objective, off target first; B is operational. */
	cr_assert_eq(n, 3);
	cr_expect_str_eq(v[0]->id, "C");
	cr_expect_str_eq(v[1]->id, "A");
	cr_expect_str_eq(v[2]->id, "D");
	cr_expect_eq(gt_headline(j, m->priorities[0], v, 1, &total), 1);
	cr_expect_str_eq(v[0]->id, "C");
}

Test(status, headline_chosen_on_purpose)
{
	struct gt_measure	*v[4];
	size_t			 n, total;

	site("");
	measure("A", "unit: count\npolarity: higher\nfrequency: quarterly\n"
	    "targets:\n  2025/26: 10");
	measure("B", "unit: count\npolarity: higher\nfrequency: quarterly\n"
	    "level: operational\nheadline: true");
	data("A,2025/26 Q2,1,,\nB,2025/26 Q2,1,,\n");
	run();
	n = gt_headline(j, m->priorities[0], v, 4, &total);
	cr_assert_eq(n, 1);
	cr_expect_str_eq(v[0]->id, "B");
}

/* The whole plan at a glance: exceptions and the biggest movers. */
Test(status, glance)
{
	struct gt_glance	 g;

	site("risk_appetite = 12\n");
	measure("UP", "unit: count\npolarity: higher\nfrequency: quarterly\n"
	    "targets:\n  2025/26: 100");
	measure("BIG", "unit: count\npolarity: higher\nfrequency: quarterly\n"
	    "targets:\n  2025/26: 100");
	measure("DOWN", "unit: count\npolarity: higher\nfrequency: quarterly\n"
	    "targets:\n  2025/26: 100");
	measure("ZERO", "unit: count\npolarity: higher\nfrequency: quarterly");
	data("UP,2025/26 Q1,100,,\nUP,2025/26 Q2,110,,\n"
	    "BIG,2025/26 Q1,50,,\nBIG,2025/26 Q2,99,,\n"
	    "DOWN,2025/26 Q1,90,,\nDOWN,2025/26 Q2,45,,\n"
	    "ZERO,2025/26 Q1,0,,\nZERO,2025/26 Q2,5,,\n");
	run();
	gt_glance(&g, j, 1);
	cr_expect_eq(g.all.measures, 4);
	cr_expect_eq(g.all.status[GT_STATUS_OFF_TARGET], 1);
	cr_assert_eq(g.nworse_off, 1);
	cr_expect_str_eq(g.worse_off[0]->id, "DOWN");
	/* At most one each way; from zero there is no relative change. */
	cr_assert_eq(g.nbetter, 1);
	cr_expect_str_eq(g.better[0].me->id, "BIG");
	cr_expect_float_eq(g.better[0].change, 0.98, 1e-9);
	cr_assert_eq(g.nworse, 1);
	cr_expect_str_eq(g.worse[0].me->id, "DOWN");
	cr_expect_float_eq(g.worse[0].change, -0.5, 1e-9);
	cr_expect_eq(g.noverdue, 0);
	cr_expect_eq(g.nabove, 0);
	gt_glance_free(&g);
}
