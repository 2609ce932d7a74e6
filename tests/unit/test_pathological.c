/*
 * test_pathological.c: inputs shaped to make a reader take time that grows
 * faster than the input, after cmark's pathological tests. Each is made
 * here, large enough that a quadratic reader takes minutes, and must be
 * read within the suite's timeout (10 s: a slow machine or a sanitizer
 * passes, a quadratic regression does not).
 */
#include <criterion/criterion.h>

#include "link.h"
#include "read.h"
#include "helpers.h"

static struct gt_model	*m;
static struct gt_buf	 b;

static void
setup(void)
{
	diag_reset();
	m = test_model(".");
	memset(&b, 0, sizeof(b));
}

static void
teardown(void)
{
	gt_buf_free(&b);
	gt_model_free(m);
	diag_reset();
}

TestSuite(pathological, .init = setup, .fini = teardown, .timeout = 10);

/* n copies of unit into b. */
static void
repeat(const char *unit, size_t n)
{
	size_t	 k = strlen(unit), i;

	for (i = 0; i < n; i++)
		gt_buf_add(&b, unit, k);
}

static int
has(const char *needle)
{
	char	*got = diag_text();
	int	 r = strstr(got, needle) != NULL;

	if (!r)
		cr_log_error("no '%s' in:\n%s", needle, got);
	free(got);
	return r;
}

/* The column of each field was found by scanning the row again. */
Test(pathological, csv_16384_columns)
{
	size_t	 row;

	gt_buf_puts(&b, "measure,period");
	repeat(",x", 16384 - 3);
	gt_buf_puts(&b, ",value\n");
	for (row = 0; row < 200; row++) {
		gt_buf_printf(&b, "M%zu,2025/26 Q1", row);
		repeat(",", 16384 - 2);
		/* The last field is bad, so its column is reported. */
		gt_buf_puts(&b, "bad\n");
	}
	gt_csv_read(m, "wide.csv", b.data, b.len);
	cr_expect(has("wide.csv:1:16: warning: unknown column, ignored: 'x' "
	    "in a measure values file\n"));
	cr_expect(has("wide.csv:2:16396: error: not a number: value 'bad'\n"));
	cr_expect(has("wide.csv: note: 180 more 'not a number' not shown\n"));
}

/* A row of nothing but commas is a blank line. */
Test(pathological, csv_line_of_commas)
{
	gt_buf_puts(&b, "measure,period,value\n");
	repeat(",", 10 * 1024 * 1024);
	gt_buf_puts(&b, "\nM,2025/26 Q1,1\n");
	gt_csv_read(m, "commas.csv", b.data, b.len);
	cr_expect_eq(gt_diag_count(diags(), GT_SEV_ERROR), 0);
	cr_expect_eq(m->nobs, 1);
}

/* Ten million empty columns, each a warning: counted, not kept. */
Test(pathological, csv_header_of_commas)
{
	gt_buf_puts(&b, "measure,period,value");
	repeat(",", 10 * 1024 * 1024);
	gt_buf_puts(&b, "\nM,2025/26 Q1,1\n");
	gt_csv_read(m, "header.csv", b.data, b.len);
	cr_expect_eq(gt_diag_count(diags(), GT_SEV_WARNING), 10 * 1024 * 1024);
	cr_expect(has("header.csv: note: 10485740 more 'unknown column, "
	    "ignored' not shown\n"));
}

Test(pathological, csv_quoted_field)
{
	gt_buf_puts(&b, "measure,period,value,note\nM,2025/26 Q1,1,\"");
	repeat("a,\"\"b\n", 10 * 1024 * 1024 / 6);
	gt_buf_puts(&b, "\"\n");
	gt_csv_read(m, "quoted.csv", b.data, b.len);
	cr_expect(has("quoted.csv:2: error: input exceeds a limit: field "
	    "longer than 65536 bytes\n"));
}

Test(pathological, csv_many_short_rows)
{
	gt_buf_puts(&b, "measure,period,value\n");
	repeat("M,2025/26 Q1,1\n", 1000000);
	gt_csv_read(m, "rows.csv", b.data, b.len);
	cr_expect_eq(m->nobs, 1000000);
}

/* Text that is all faults is reported 20 times and counted. */
Test(pathological, control_characters)
{
	gt_buf_puts(&b, "measure,period,value\n");
	repeat("\x1b", 10 * 1024 * 1024);
	gt_csv_read(m, "esc.csv", b.data, b.len);
	/* And the field they make is over the limit. */
	cr_expect_eq(gt_diag_count(diags(), GT_SEV_ERROR), 10 * 1024 * 1024 + 1);
	gt_buf_reset(&b);
	gt_buf_puts(&b, "---\nid: p\ntitle: P\n---\n");
	repeat("\xe2\x80\xae", 10 * 1024 * 1024);
	gt_md_read(m, GT_KIND_PRIORITY, "rlo.md", b.data, b.len);
	cr_expect_eq(gt_diag_count(diags(), GT_SEV_WARNING), 10 * 1024 * 1024);
	cr_expect(has("rlo.md: note: 10485740 more 'text holds an invisible "));
}

static void
read_body(const char *file)
{
	gt_md_read(m, GT_KIND_PRIORITY, file, b.data, b.len);
	gt_buf_reset(&b);
	gt_buf_puts(&b, "---\nid: p\ntitle: P\n---\n");
}

Test(pathological, markdown)
{
	size_t	 n = GT_MAX_BODY_BYTES;

	gt_buf_puts(&b, "---\nid: p\ntitle: P\n---\n");
	repeat("a", 2 * 1024 * 1024);
	read_body("line.md");
	repeat("a", n - 1);
	read_body("line-at-limit.md");
	repeat("- a\n", 100000);
	read_body("items.md");
	repeat("- a\n", n / 4);
	read_body("items-at-limit.md");
	repeat("> ", 60000);
	read_body("quotes.md");
	repeat("  ", 10000);
	repeat("- a\n", 1);
	read_body("indent.md");
	repeat("*a **a ", n / 7);
	read_body("emphasis.md");
	repeat("[", n);
	read_body("brackets.md");
	/* cmark 0.30.2 is quadratic here: bounded by the body's limit. */
	repeat("![[]()", n / 6);
	read_body("images.md");
	repeat("&#x202e;", n / 8);
	read_body("entities.md");
	cr_expect(has("line.md:5:1: error: input exceeds a limit: Markdown "
	    "body longer than 131072 bytes\n"));
	cr_expect(has("items.md:5:1: error: input exceeds a limit: Markdown "
	    "body longer than 131072 bytes\n"));
	cr_expect(has("quotes.md:5:129: error: input exceeds a limit: "
	    "Markdown nested deeper than 64 levels\n"));
	cr_expect(has("entities.md: note: 16364 more 'text holds an "
	    "invisible"));
	/* The rest were read. */
	cr_expect_eq(m->npriorities, 7);
}

/* Each target was compared with every one before it. */
Test(pathological, front_matter_targets)
{
	size_t	 i;

	gt_buf_puts(&b, "---\nid: M\ntitle: T\nobjective: o\npolarity: higher\n"
	    "frequency: monthly\ntargets:\n");
	for (i = 0; i < 100000; i++)
		gt_buf_printf(&b, "  %zu-%02zu: %zu\n", 2000 + i / 12 % 100,
		    1 + i % 12, i);
	gt_buf_puts(&b, "---\nText.\n");
	gt_md_read(m, GT_KIND_MEASURE, "m.md", b.data, b.len);
	cr_assert_eq(m->nmeasures, 1);
	cr_expect_eq(m->measures[0]->ntargets, 100000);
	gt_link(m);
	/* 1,200 months, then each again: 98,800 duplicates. */
	cr_expect(has("m.md: note: 98780 more 'second value for the same "
	    "period' not shown\n"));
}

Test(pathological, front_matter_keys_and_lists)
{
	size_t	 i;

	gt_buf_puts(&b, "---\nid: p\ntitle: P\n");
	for (i = 0; i < 100000; i++)
		gt_buf_printf(&b, "k%zu: v\n", i);
	gt_buf_puts(&b, "---\n");
	read_body("keys.md");
	gt_buf_reset(&b);
	gt_buf_puts(&b, "---\nid: o\ntitle: O\npriority: p\ntags: [");
	repeat("t, ", 100000);
	gt_buf_puts(&b, "t]\n---\n");
	gt_md_read(m, GT_KIND_OBJECTIVE, "tags.md", b.data, b.len);
	cr_expect(has("keys.md: note: 99980 more 'unknown field, ignored' not "
	    "shown\n"));
	cr_assert_eq(m->nobjectives, 1);
	cr_expect_eq(m->objectives[0]->tags.n, 100001);
}
