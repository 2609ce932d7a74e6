/* test_read.c: the readers, one input form at a time. */
#include <criterion/criterion.h>

#include "fm.h"
#include "read.h"
#include "helpers.h"

static struct gt_model *m;

static void
setup(void)
{
	diag_reset();
	m = test_model(".");
	const char	*c = "[site]\ntitle=t\norganisation=o\n";

	gt_conf_read(m, "site.conf", c, strlen(c));
}

static void
teardown(void)
{
	gt_model_free(m);
	diag_reset();
}

#define MD(kind, path, text) gt_md_read(m, kind, path, text, strlen(text))
#define CSV(path, text) gt_csv_read(m, path, text, strlen(text))

static void
expect_diags(const char *want)
{
	char	*got = diag_text();

	cr_expect_str_eq(got, want);
	free(got);
}

TestSuite(fm, .init = setup, .fini = teardown);

Test(fm, tree_and_locations)
{
	const char	*y = "id: M1\ntargets:\n  2025/26: 80\nlist: [a, 'b']\n";
	struct gt_fm	*t = gt_fm_parse(y, strlen(y), "f.md", 2, diags()), *v;

	cr_assert_not_null(t);
	cr_assert_eq(t->kind, GT_FM_MAP);
	cr_assert_eq(t->n, 3);
	v = gt_fm_get(t, "targets");
	cr_assert_eq(v->kind, GT_FM_MAP);
	cr_expect_str_eq(v->keys[0], "2025/26");
	cr_expect_eq(v->keylocs[0].line, 4);
	cr_expect_eq(v->keylocs[0].col, 3);
	cr_expect_eq(v->items[0]->loc.col, 12);
	v = gt_fm_get(t, "list");
	cr_assert_eq(v->kind, GT_FM_SEQ);
	cr_expect_str_eq(v->items[1]->value, "b");
	cr_expect(!v->items[1]->plain);
	gt_fm_free(t);
}

Test(fm, aliases_refused)
{
	const char	*y = "a: &x 1\nb: *x\n";

	cr_expect_null(gt_fm_parse(y, strlen(y), "f.md", 2, diags()));
	expect_diags("f.md:2:4: error: YAML syntax error: anchors (&name) "
	    "are not supported\n");
}

Test(fm, nesting_limit)
{
	char	*y = malloc(200001);
	size_t	 i;

	for (i = 0; i < 100000; i++)
		y[i] = '[';
	for (; i < 200000; i++)
		y[i] = ']';
	y[i] = '\0';
	cr_expect_null(gt_fm_parse(y, strlen(y), "f.md", 2, diags()));
	cr_expect_eq(gt_diag_count(diags(), GT_SEV_ERROR), 1);
	free(y);
}

Test(fm, empty_is_empty_map)
{
	struct gt_fm	*t = gt_fm_parse("", 0, "f.md", 2, diags());

	cr_assert_not_null(t);
	cr_expect_eq(t->kind, GT_FM_MAP);
	cr_expect_eq(t->n, 0);
	gt_fm_free(t);
}

TestSuite(md, .init = setup, .fini = teardown);

Test(md, measure_fields)
{
	struct gt_measure	*me;

	MD(GT_KIND_MEASURE, "content/measures/m.md",
	    "---\nid: M1\ntitle: Homes\nobjective: o1\nunit: \"%\"\n"
	    "polarity: band\nfrequency: quarterly\ncumulative: yes\n"
	    "tolerance: 2\nbaseline: {value: 50, period: 2020/21}\n"
	    "targets:\n  2025/26: [40, 60]\n  \"2025/26 Q3\": [45, 55]\n"
	    "level: operational\ntags: [LAA]\n---\nDefinition.\n");
	expect_diags("");
	cr_assert_eq(m->nmeasures, 1);
	me = m->measures[0];
	cr_expect_str_eq(me->id, "M1");
	cr_expect_eq(me->polarity, GT_POL_BAND);
	cr_expect_eq(me->frequency, GT_FREQ_QUARTERLY);
	cr_expect_eq(me->cumulative, 1);
	cr_expect_eq(me->decimals, 1);
	cr_expect_eq(me->tolerance.kind, GT_TOL_ABSOLUTE);
	cr_expect_eq(me->tolerance.value, 2);
	cr_expect(me->has_baseline);
	cr_expect_eq(me->baseline, 50);
	cr_assert_eq(me->ntargets, 2);
	cr_expect_eq(me->targets[1].period.type, GT_PERIOD_QUARTER);
	cr_expect_eq(me->targets[1].lo, 45);
	cr_expect_eq(me->targets[1].hi, 55);
	cr_expect_eq(me->level, GT_LEVEL_OPERATIONAL);
	cr_expect_not_null(me->body.doc);
	cr_expect_eq(me->body.line, 17);
	cr_expect_eq(me->nobjective_refs, 1);
	cr_expect_eq(me->objective_refs[0].loc.line, 4);
	cr_expect_eq(me->objective_refs[0].loc.col, 12);
}

Test(md, every_problem_in_one_file)
{
	MD(GT_KIND_MEASURE, "m.md",
	    "---\nid: M 1\nobjective: o1\npolarity: up\nfrequency: weekly\n"
	    "max: 100\ntargets:\n  2025/27: 5\n  2025/26: 140\n"
	    "colour: red\n---\nText\n");
	expect_diags(
	    "m.md:1:1: error: required field is missing: title\n"
	    "m.md:2:5: error: id must be at most 100 bytes, start with a "
	    "letter or digit and hold "
	    "only letters, digits, '-', '_' and "
	    "'.': 'M 1'\n"
	    "m.md:4:11: error: unknown value: polarity 'up': expected higher, "
	    "lower, band or none\n"
	    "m.md:5:12: error: unknown value: frequency 'weekly': expected "
	    "monthly, quarterly, annual, biennial, triennial or irregular\n"
	    "m.md:8:3: error: target key is not a period: '2025/27'\n"
	    "m.md:9:12: error: value out of range: targets: 140 is above the "
	    "measure's max of 100\n"
	    "m.md:10:1: warning: unknown field, ignored: colour\n");
}

Test(md, front_matter_shapes)
{
	MD(GT_KIND_PRIORITY, "a.md", "no front matter\n");
	MD(GT_KIND_PRIORITY, "b.md", "---\nid: x\n");
	MD(GT_KIND_PRIORITY, "c.md", "---\n- a\n- b\n---\n");
	MD(GT_KIND_PRIORITY, "d.md", "---\nid: [\n---\n");
	expect_diags(
	    "a.md:1:1: error: file does not start with front matter (a line "
	    "'---')\n"
	    "b.md:1:1: error: front matter is not closed by a line '---'\n"
	    "c.md:2:1: error: front matter must be a mapping of field names "
	    "to values\n"
	    "d.md:3:1: error: YAML syntax error: did not find expected node "
	    "content while parsing a flow node that starts at line 3\n");
}

Test(md, bom_crlf_and_utf8)
{
	MD(GT_KIND_PRIORITY, "a.md",
	    "\xef\xbb\xbf---\r\nid: p1\r\ntitle: T\xc3\xa9\r\n---\r\nBody\r\n");
	MD(GT_KIND_PRIORITY, "b.md", "---\nid: p2\ntitle: ab\xff\n---\n");
	expect_diags("b.md:3:10: error: text is not valid UTF-8\n");
	cr_assert_eq(m->npriorities, 1);
	cr_expect_str_eq(m->priorities[0]->title, "T\xc3\xa9");
}

TestSuite(csv, .init = setup, .fini = teardown);

Test(csv, real_export_quirks)
{
	CSV("d.csv", "\xef\xbb\xbfMeasure,Period,Value,Note,Flag\r\n"
	    "M1,2025/26 Q1,72.8%,\"Up, again\",provisional\r\n"
	    "M1,2025/26 Q2,\"1,234\",\"two\nlines\",\r\n"
	    "M2,2025-05,£1,,\r\n"
	    "M2,2025-06,NA,,\r\n"
	    "M2,2025-07,<5,,\r\n"
	    "\r\n\r\n");
	expect_diags("");
	cr_assert_eq(m->nobs, 5);
	cr_expect_eq(m->obs[0]->value.num, 72.8);
	cr_expect_eq(m->obs[0]->flag, GT_FLAG_PROVISIONAL);
	cr_expect_str_eq(m->obs[0]->note, "Up, again");
	cr_expect_eq(m->obs[1]->value.num, 1234);
	cr_expect_str_eq(m->obs[1]->note, "two\nlines");
	cr_expect_eq(m->obs[2]->loc.line, 5);
	cr_expect_eq(m->obs[2]->value.num, 1);
	cr_expect_eq(m->obs[3]->value.kind, GT_VAL_MISSING);
	cr_expect_eq(m->obs[4]->value.kind, GT_VAL_SUPPRESSED);
	cr_expect_str_eq(m->obs[4]->raw, "<5");
}

Test(csv, shapes_recognised)
{
	CSV("p.csv", "action,period,status,note\nA1,2025/26 Q1,at risk,x\n");
	CSV("c.csv", "measure,period,group,value\nM1,2025/26 Q1,England,4\n");
	CSV("f.csv", "directorate,period,budget,forecast\nPlace,2025/26 Q1,"
	    "\"£1,000\",1100\n");
	expect_diags("");
	cr_assert_eq(m->nprogress, 1);
	cr_expect_eq(m->progress[0]->status, GT_ASTATUS_AT_RISK);
	cr_assert_eq(m->ncomparators, 1);
	cr_expect_str_eq(m->comparators[0]->group, "England");
	cr_assert_eq(m->nfinance, 1);
	cr_expect_eq(m->finance[0]->budget.num, 1000);
}

Test(csv, row_problems_located)
{
	CSV("d.csv", "measure,period,value,extra\n"
	    "M1,2025/13,5,\n"
	    "M1,2025/26 Q1,five,\n"
	    "M1,2025/26 Q2\n"
	    ",2025/26 Q3,5,\n"
	    "M1,2025/26 Q4,5,\"open\n");
	expect_diags(
	    "d.csv:1:22: warning: unknown column, ignored: 'extra' in a "
	    "measure values file\n"
	    "d.csv:2:4: error: not a period (forms: 2024/25, 2024/25 Q2, "
	    "2024-05, 2024, AY2024/25): '2025/13'\n"
	    "d.csv:3:15: error: not a number: value 'five'\n"
	    "d.csv:4:1: error: row has the wrong number of fields: 2 fields, "
	    "the header has 4\n"
	    "d.csv:5:1: error: required field is missing: measure\n"
	    "d.csv:6: error: quoted field is not closed\n");
}

Test(csv, header_not_recognised)
{
	CSV("d.csv", "id,when,amount\n1,2,3\n");
	CSV("e.csv", "");
	expect_diags(
	    "d.csv:1:1: error: header row not recognised: expected one of "
	    "'measure,period,value[,note,flag,response]', "
	    "'action,period,status[,note]', 'measure,period,group,value', "
	    "'directorate,period,budget,forecast' or "
	    "'risk,period,likelihood,impact[,note]'\n"
	    "e.csv: error: header row not recognised: the file is empty\n");
}

Test(csv, invalid_enumerations)
{
	CSV("p.csv", "action,period,status\nA1,2025/26 Q1,done\n");
	CSV("d.csv", "measure,period,value,flag\nM1,2025/26 Q1,5,guess\n");
	expect_diags(
	    "d.csv:2:17: error: unknown value: flag 'guess': expected "
	    "provisional, estimated or revised\n"
	    "p.csv:2:15: error: unknown value: status 'done': expected not "
	    "started, on track, at risk or complete\n");
}

TestSuite(conf, .init = setup, .fini = teardown);

Test(conf, settings_and_packs)
{
	const char *c = "[site]\ntitle = T\norganisation = O\n"
	    "base_url = https://x.gov.uk\nas_at = 2025/26 Q2\nyear_start = 1\n"
	    "[status]\ntolerance = 2\nrisk_bands = Green 1-6, Amber 7-14, "
	    "Red 15-25\nrisk_appetite = 12\n"
	    "[pack cab]\ntitle = Cabinet\npriorities = a, b\ntags = LAA\n";

	gt_conf_read(m, "site.conf", c, strlen(c));
	expect_diags("");
	cr_expect_str_eq(m->conf.base_url, "https://x.gov.uk/");
	cr_expect_eq(m->conf.as_at.type, GT_PERIOD_QUARTER);
	cr_expect_eq(m->conf.cal.year_start, 1);
	cr_expect_eq(m->conf.tolerance.kind, GT_TOL_ABSOLUTE);
	cr_assert_eq(m->conf.nbands, 3);
	cr_expect_str_eq(m->conf.bands[1].name, "Amber");
	cr_expect_eq(m->conf.bands[2].lo, 15);
	cr_assert_eq(m->conf.npacks, 1);
	cr_expect_eq(m->conf.packs[0].npriority_refs, 2);
	cr_expect_eq(m->conf.packs[0].priority_refs[1].loc.line, 13);
	cr_expect_eq(m->conf.packs[0].priority_refs[1].loc.col, 14);
}

Test(conf, problems)
{
	const char *c = "[site]\ntitle = T\norganisation = O\nas_at = Q5\n"
	    "year_start = 13\nnonsense line\n[status]\n"
	    "risk_bands = Low 1-4, High 6-25\ncolour = red\n[site\n";

	gt_conf_read(m, "site.conf", c, strlen(c));
	expect_diags(
	    "site.conf:4:9: error: bad as-at period: 'Q5' is not a period "
	    "(forms: 2024/25, 2024/25 Q2, 2024-05, 2024, AY2024/25)\n"
	    "site.conf:5:14: error: bad setting: year_start = 13: expected a "
	    "whole number from 1 to 12\n"
	    "site.conf:6:1: error: site.conf syntax error: expected 'name = "
	    "value', a [section] or a ; comment\n"
	    "site.conf:8:14: error: bad setting: risk_bands: 'High 6-25' "
	    "should start at 5: bands run from 1 to 25 without gaps or "
	    "overlaps\n"
	    "site.conf:9:1: warning: unknown setting, ignored: colour in "
	    "[status]\n"
	    "site.conf:10:1: error: site.conf syntax error: section header "
	    "not closed by ']'\n");
}

Test(conf, long_line_and_binary)
{
	char	 line[400];

	memset(line, 'x', sizeof(line));
	memcpy(line, "[site]\ntitle = ", 15);
	line[sizeof(line) - 1] = '\0';
	gt_conf_read(m, "a.conf", line, strlen(line));
	gt_conf_read(m, "b.conf", "\x7f" "ELF\x00\x01", 6);
	expect_diags(
	    "a.conf:2: error: input exceeds a limit: line longer than "
	    "198 bytes\n"
	    "b.conf:1:5: error: text is not valid UTF-8\n");
}
