/* test_import.c: import mappings, their limits and what they make. */
#include <criterion/criterion.h>

#include "import.h"
#include "link.h"
#include "helpers.h"

static struct gt_model *m;

static void
setup(void)
{
	diag_reset();
	m = test_model(".");
}

static void
teardown(void)
{
	gt_model_free(m);
	diag_reset();
}

TestSuite(import, .init = setup, .fini = teardown);

static struct gt_import *
parse(const char *text)
{
	return gt_import_parse(diags(), "x.map", "x.map", &m->conf.cal, text,
	    strlen(text));
}

static void
expect_diags(const char *want)
{
	char	*got = diag_text();

	cr_expect_str_eq(got, want);
	free(got);
}

/* A mapping of one line (a, i, b, i, c) repeated n times under a section. */
static char *
repeated(const char *head, const char *const part[3], size_t n)
{
	struct gt_buf	 b = { 0 };
	size_t		 i;

	gt_buf_puts(&b, "[import]\nmeasure = Code\narea = Area\nus = U\n"
	    "period = When\nvalue = Figure\n");
	gt_buf_puts(&b, head);
	for (i = 0; i < n; i++)
		gt_buf_printf(&b, "%s%zu%s%zu%s", part[0], i, part[1], i,
		    part[2]);
	return gt_buf_steal(&b);
}

/* Each limit holds at its size and is an error one past it. */
Test(import, limits)
{
	static const struct {
		const char	*head, *part[3];
		size_t		 max;		/* lines at the limit */
		const char	*what;
	} t[] = {
		{ "[measures]\n", { "M", " = c", "\n" }, GT_MAX_MAP_CODES,
		    "codes in [measures]" },
		{ "[areas]\n", { "A", " = a", "\n" }, GT_MAX_MAP_AREAS,
		    "areas in [areas] and groups" },
		{ "[group G]\n", { "members = a", ", b", "\n" },
		    GT_MAX_MAP_AREAS / 2, "areas in [areas] and groups" },
		{ "", { "[group G", "]\nmembers = a", "\n" },
		    GT_MAX_MAP_GROUPS, "groups" },
	};
	struct gt_import	*imp;
	char			*text, *got, *want;
	size_t			 i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		text = repeated(t[i].head, t[i].part, t[i].max);
		imp = parse(text);
		got = diag_text();
		cr_expect_str_eq(got, "", "%s at the limit", t[i].what);
		cr_expect(!gt_import_broken(imp));
		free(got);
		gt_import_free(imp);
		free(text);
		diag_reset();
		text = repeated(t[i].head, t[i].part, t[i].max + 1);
		imp = parse(text);
		got = diag_text();
		/* Two members a line: the limit is on members. */
		want = gt_xasprintf("error: input exceeds a limit: more than %zu "
		    "%s in a mapping\n", t[i].part[1][0] == ',' ? 2 * t[i].max :
		    t[i].max, t[i].what);
		cr_expect(strstr(got, want) != NULL, "%s: %s", t[i].what, got);
		cr_expect(gt_import_broken(imp));
		free(want);
		free(got);
		gt_import_free(imp);
		free(text);
		diag_reset();
	}
}

/* [columns] takes periods as keys: at its limit of them, and one past. */
Test(import, columns_limit)
{
	struct gt_buf		 b = { 0 };
	struct gt_import	*imp;
	char			*got;
	size_t			 i;

	gt_buf_puts(&b, "[import]\nshape = wide\nmeasure = Code\n[columns]\n");
	for (i = 0; i < GT_MAX_MAP_COLUMNS + 1; i++)
		gt_buf_printf(&b, "%04zu-%02zu = c%zu\n", 1900 + i / 12,
		    i % 12 + 1, i);
	imp = parse(b.data);
	got = diag_text();
	cr_expect(strstr(got, "x.map:1005:1: error: input exceeds a limit: "
	    "more than 1000 columns in a mapping\n") != NULL, "%s", got);
	free(got);
	gt_import_free(imp);
	gt_buf_free(&b);
}

/* Which files a mapping reads: its own name's, or those it names. */
Test(import, files_it_reads)
{
	struct gt_import	*a, *b;
	const char		*t = "[import]\nmeasure = C\nperiod = P\n"
	    "value = V\n";
	const char		*u = "[import]\nfiles = kpi-*.csv\nmeasure = C\n"
	    "period = P\nvalue = V\n";

	a = gt_import_parse(diags(), "d/lg.map", "sub/lg.map", &m->conf.cal,
	    t, strlen(t));
	b = gt_import_parse(diags(), "d/kpi.map", "kpi.map", &m->conf.cal,
	    u, strlen(u));
	cr_expect(gt_import_reads(a, "sub/lg.csv"));
	cr_expect(!gt_import_reads(a, "lg.csv"));
	cr_expect(!gt_import_reads(a, "sub/lg.csv.bak"));
	cr_expect(gt_import_reads(b, "kpi-2025-q1.csv"));
	cr_expect(!gt_import_reads(b, "sub/kpi-2025-q1.csv"));
	cr_expect(!gt_import_reads(b, "kpi.csv"));
	expect_diags("");
	gt_import_free(a);
	gt_import_free(b);
}

/* Names with commas are quoted in lists; a quote left open is an error. */
Test(import, quoted_members)
{
	const char		*t = "[import]\nmeasure = C\nperiod = P\n"
	    "value = V\narea_name = A\nus = Ourtown\n[group Family]\n"
	    "members = \"Carrick, Kyle and Doon\", Dalriada, \"A \"\"Q\"\"\"\n"
	    "members = \"Open, never closed\n";
	struct gt_import	*imp = parse(t);

	cr_assert_eq(imp->ngroups, 1);
	cr_expect_eq(imp->groups[0].members.n, 3);
	cr_expect_str_eq(imp->groups[0].members.v[0],
	    "Carrick, Kyle and Doon");
	cr_expect_str_eq(imp->groups[0].members.v[1], "Dalriada");
	cr_expect_str_eq(imp->groups[0].members.v[2], "A \"Q\"");
	expect_diags("x.map:9:11: error: bad import mapping: members: a "
	    "quote is not closed\n");
	gt_import_free(imp);
}

/*
 * A wide file read through a mapping: headers that are periods hold
 * figures, blank cells are periods not covered, section rows are
 * skipped, the note and status go with the latest figure.
 */
Test(import, wide_rows)
{
	const char		*map = "[import]\nshape = wide\nskip = 1\n"
	    "measure = Ref\nstatus = RAG\nnote = Note\n";
	const char		*csv = "Our dashboard,,,,\nRef,2024/25 Q1,"
	    "2024/25 Q2,2024/25 Q3,RAG,Note\nHousing,,,,,\nH1,5,6,,G,Fine\n"
	    "H2,n/a,,,,\n";
	struct gt_import	*imp = parse(map);

	gt_csv_read_mapped(m, "x.csv", csv, strlen(csv), imp);
	expect_diags("");
	cr_assert_eq(m->nobs, 3);
	cr_expect_str_eq(m->obs[0]->measure_ref.id, "H1");
	cr_expect_eq(m->obs[1]->period.sub, 2);
	cr_expect_null(m->obs[0]->note);
	cr_expect_str_eq(m->obs[1]->note, "Fine");
	cr_assert_not_null(m->obs[1]->source);
	cr_expect_eq(m->obs[1]->source->status, GT_STATUS_ON_TARGET);
	cr_expect_eq(m->obs[2]->value.kind, GT_VAL_MISSING);
	gt_import_free(imp);
}
