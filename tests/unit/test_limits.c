/*
 * test_limits.c: every stated limit, and hostile input that must end in a
 * diagnostic rather than a crash, a hang or a memory blow-up.
 */
#include <fcntl.h>
#include <unistd.h>

#include <criterion/criterion.h>

#include "link.h"
#include "read.h"
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

TestSuite(limits, .init = setup, .fini = teardown);

Test(limits, file_size)
{
	char	 dir[] = "/tmp/gt-limit-XXXXXX", *p, *got;
	int	 fd;

	cr_assert_not_null(mkdtemp(dir));
	p = gt_xasprintf("mkdir -p %s/content/data && printf '[site]\\n' > "
	    "%s/site.conf", dir, dir);
	cr_assert_eq(system(p), 0);
	free(p);
	p = gt_xasprintf("%s/content/data/huge.csv", dir);
	fd = open(p, O_CREAT | O_WRONLY, 0644);
	cr_assert(fd >= 0);
	/* Sparse: the size is refused before a byte is read. */
	cr_assert_eq(ftruncate(fd, GT_MAX_FILE_BYTES + 1), 0);
	close(fd);
	gt_model_free(m);
	m = gt_read_site(dir, "2025/26 Q2", diags());
	got = diag_text();
	cr_expect(strstr(got, "content/data/huge.csv: error: input exceeds a "
	    "limit: file larger than 67108864 bytes\n") != NULL, "%s", got);
	free(got);
	unlink(p);
	free(p);
	p = gt_xasprintf("rm -rf %s", dir);
	cr_assert_eq(system(p), 0);
	free(p);
}

Test(limits, field_length_50mb)
{
	size_t	 n = 50 * 1024 * 1024;
	char	*s = malloc(n + 64), *got;

	cr_assert_not_null(s);
	strcpy(s, "measure,period,value\nM1,2025/26 Q1,\"");
	memset(s + strlen(s), 'x', n);
	strcpy(s + 35 + n, "\"\n");
	gt_csv_read(m, "big.csv", s, strlen(s));
	got = diag_text();
	cr_expect_str_eq(got, "big.csv:2: error: input exceeds a limit: field "
	    "longer than 65536 bytes\n");
	free(got);
	free(s);
}

Test(limits, yaml_value_length)
{
	size_t	 n = GT_MAX_FIELD_BYTES + 10;
	char	*s = malloc(n + 64), *got;

	strcpy(s, "---\nid: ");
	memset(s + 8, 'a', n);
	strcpy(s + 8 + n, "\n---\n");
	gt_md_read(m, GT_KIND_PRIORITY, "p.md", s, strlen(s));
	got = diag_text();
	cr_expect_str_eq(got, "p.md:2:5: error: input exceeds a limit: value "
	    "longer than 65536 bytes\n");
	free(got);
	free(s);
}

Test(limits, million_bad_rows_are_counted_not_kept)
{
	struct gt_buf	 b = { 0 };
	char		*got;
	size_t		 i, lines = 0;

	gt_buf_puts(&b, "measure,period,value\n");
	for (i = 0; i < 1000000; i++)
		gt_buf_puts(&b, "M1,2025/26 Q1,bad\n");
	gt_csv_read(m, "bad.csv", b.data, b.len);
	cr_expect_eq(gt_diag_count(diags(), GT_SEV_ERROR), 1000000);
	got = diag_text();
	for (i = 0; got[i]; i++)
		lines += got[i] == '\n';
	/* The kept 20, then one note for the rest and one for the total. */
	cr_expect_eq(lines, GT_MAX_DIAGS_KEPT + 2);
	cr_expect(strstr(got, "bad.csv: note: 999980 more 'not a number' not "
	    "shown\n") != NULL);
	free(got);
	gt_buf_free(&b);
}

Test(limits, rows)
{
	struct gt_buf	 b = { 0 };
	char		*got;
	long		 i;

	gt_buf_puts(&b, "measure,period,value\n");
	for (i = 0; i <= GT_MAX_ROWS; i++)
		gt_buf_puts(&b, "M,2025/26 Q1,1\n");
	gt_csv_read(m, "rows.csv", b.data, b.len);
	got = diag_text();
	cr_expect(strstr(got, "error: input exceeds a limit: more than "
	    "4194304 rows\n") != NULL, "%s", got);
	free(got);
	gt_buf_free(&b);
}

Test(limits, objective_depth)
{
	char	*t, *p;
	int	 i;

	t = gt_xasprintf("---\nid: p\ntitle: P\n---\n");
	gt_md_read(m, GT_KIND_PRIORITY, "p.md", t, strlen(t));
	free(t);
	for (i = 0; i <= GT_MAX_DEPTH + 1; i++) {
		t = i == 0 ? gt_xasprintf("---\nid: o0\ntitle: O\npriority: p\n"
		    "---\n") : gt_xasprintf("---\nid: o%d\ntitle: O\n"
		    "parent: o%d\n---\n", i, i - 1);
		p = gt_xasprintf("o%d.md", i);
		gt_md_read(m, GT_KIND_OBJECTIVE, p, t, strlen(t));
		free(t);
		free(p);
	}
	gt_link(m);
	t = diag_text();
	cr_expect(strstr(t, "error: input exceeds a limit: objective nested "
	    "deeper than 64 levels\n") != NULL, "%s", t);
	free(t);
}

/* A measure whose body is the n copies of unit, then tail. */
static void
body_of(struct gt_buf *b, const char *unit, size_t n, const char *tail)
{
	size_t	 i;

	gt_buf_reset(b);
	gt_buf_puts(b, "---\nid: p\ntitle: P\n---\n");
	for (i = 0; i < n; i++)
		gt_buf_puts(b, unit);
	gt_buf_puts(b, tail);
}

Test(limits, markdown_nesting)
{
	struct gt_buf	 b = { 0 };
	char		*got;

	/* Quotes, a paragraph and its text: 64 levels, then 65. */
	body_of(&b, "> ", GT_MAX_DEPTH - 2, "deep\n");
	gt_md_read(m, GT_KIND_PRIORITY, "p.md", b.data, b.len);
	got = diag_text();
	cr_expect_str_eq(got, "");
	free(got);
	cr_assert_eq(m->npriorities, 1);
	cr_expect_not_null(m->priorities[0]->body.doc);
	body_of(&b, "> ", GT_MAX_DEPTH - 1, "deep\n");
	gt_md_read(m, GT_KIND_PRIORITY, "q.md", b.data, b.len);
	/* Nesting that would exhaust a recursive parser's stack. */
	body_of(&b, "- ", 50000, "deep\n");
	gt_md_read(m, GT_KIND_PRIORITY, "r.md", b.data, b.len);
	got = diag_text();
	cr_expect_str_eq(got, "q.md:5:127: error: input exceeds a limit: "
	    "Markdown nested deeper than 64 levels\n"
	    "r.md:5:65: error: input exceeds a limit: Markdown nested deeper "
	    "than 64 levels\n");
	free(got);
	cr_expect_eq(m->npriorities, 1);
	gt_buf_free(&b);
}

Test(limits, markdown_body)
{
	struct gt_buf	 b = { 0 };
	char		*got;
	size_t		 n = GT_MAX_BODY_BYTES;

	/* The pattern cmark 0.30 is slowest on, up to the limit. */
	body_of(&b, "![[]()", n / 6, "");
	gt_buf_add(&b, "xxxxxxxx", n % 6);
	gt_md_read(m, GT_KIND_PRIORITY, "p.md", b.data, b.len);
	gt_buf_putc(&b, '\n');
	gt_md_read(m, GT_KIND_PRIORITY, "q.md", b.data, b.len);
	got = diag_text();
	cr_expect_str_eq(got, "q.md:5:1: error: input exceeds a limit: "
	    "Markdown body longer than 131072 bytes\n");
	free(got);
	cr_expect_eq(m->npriorities, 1);
	gt_buf_free(&b);
}
