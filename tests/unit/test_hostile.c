/*
 * test_hostile.c: a site folder made to hurt: links out of it, FIFOs and
 * sockets where files should be, names and values made to pose as lines
 * of their own, text that is not what it looks like.
 */
#include <errno.h>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <criterion/criterion.h>

#include "link.h"
#include "read.h"
#include "helpers.h"

static char	 dir[] = "/tmp/gt-hostile-XXXXXX";

/* A copy of the golden cases' valid site. */
static void
setup(void)
{
	char	*cmd;

	diag_reset();
	strcpy(dir, "/tmp/gt-hostile-XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
	cmd = gt_xasprintf("cp -R tests/cases/_base/. %s/", dir);
	cr_assert_eq(system(cmd), 0);
	free(cmd);
}

static void
teardown(void)
{
	char	*cmd = gt_xasprintf("rm -rf %s", dir);

	cr_assert_eq(system(cmd), 0);
	free(cmd);
	diag_reset();
}

static char *
at(const char *rel)
{
	return gt_xasprintf("%s/%s", dir, rel);
}

/* Read and link the site; what it reported. */
static char *
check_site(void)
{
	struct gt_model	*m = gt_read_site(dir, NULL, diags());

	gt_link(m);
	gt_model_free(m);
	return diag_text();
}

static void
make_fifo(const char *rel)
{
	char	*p = at(rel);

	unlink(p);
	cr_assert_eq(mkfifo(p, 0644), 0, "%s", strerror(errno));
	free(p);
}

static void
make_socket(const char *rel, int *fd)
{
	struct sockaddr_un	 sa;
	char			*p = at(rel);

	memset(&sa, 0, sizeof(sa));
	sa.sun_family = AF_UNIX;
	cr_assert_lt(strlen(p), sizeof(sa.sun_path));
	strcpy(sa.sun_path, p);
	*fd = socket(AF_UNIX, SOCK_STREAM, 0);
	cr_assert_geq(*fd, 0);
	cr_assert_eq(bind(*fd, (struct sockaddr *)&sa, sizeof(sa)), 0);
	free(p);
}

TestSuite(hostile, .init = setup, .fini = teardown, .timeout = 10);

/* A FIFO with no writer would block a reader for ever. */
Test(hostile, fifo_and_socket_refused)
{
	char	*got, *p;
	int	 fd;

	make_fifo("content/measures/h03.md");
	make_fifo("content/data/more.csv");
	make_socket("content/risks/r02.md", &fd);
	make_fifo("content/plan.md");
	p = at("layouts");
	cr_assert_eq(mkdir(p, 0755), 0);
	free(p);
	make_fifo("layouts/page.html");
	got = check_site();
	close(fd);
	cr_expect_str_eq(got,
	    "content/data/more.csv: error: not a regular file (a FIFO, "
	    "socket or device), not read\n"
	    "content/measures/h03.md: error: not a regular file (a FIFO, "
	    "socket or device), not read\n"
	    "content/plan.md: error: not a regular file (a FIFO, socket or "
	    "device), not read\n"
	    "content/risks/r02.md: error: not a regular file (a FIFO, socket "
	    "or device), not read\n"
	    "layouts/page.html: error: not a regular file (a FIFO, socket or "
	    "device), not read\n");
	free(got);
}

Test(hostile, site_conf_fifo_refused)
{
	char	*got;

	make_fifo("site.conf");
	got = check_site();
	cr_expect(strstr(got, "site.conf: error: not a regular file (a FIFO, "
	    "socket or device), not read\n") != NULL, "%s", got);
	free(got);
}

/* The one helper every reader of the site and its layouts goes through. */
Test(hostile, read_in_stays_inside)
{
	char	*root = at("content"), *p, *data;
	size_t	 len;

	cr_assert_eq(symlink("/etc/passwd", (p = at("content/out.md"))), 0);
	cr_expect_eq(gt_read_in(root, p, &data, &len), -1);
	cr_expect_eq(errno, EXDEV);
	cr_expect_str_eq(gt_read_strerror(errno),
	    "a link leading out of its folder");
	free(p);
	/* Inside the folder, a link is followed. */
	cr_assert_eq(symlink("measures/h01.md", (p = at("content/in.md"))), 0);
	cr_assert_eq(gt_read_in(root, p, &data, &len), 0);
	cr_expect(strncmp(data, "---\nid: H01\n", 12) == 0);
	free(data);
	free(p);
	/* So is a folder, but not one that leads out. */
	cr_assert_eq(symlink("/etc", (p = at("content/etc"))), 0);
	free(p);
	p = at("content/etc/passwd");
	cr_expect_eq(gt_read_in(root, p, &data, &len), -1);
	cr_expect_eq(errno, EXDEV);
	free(p);
	/* Out of the folder is out, even inside the site. */
	p = at("site.conf");
	cr_expect_eq(gt_read_in(root, p, &data, &len), -1);
	cr_expect_eq(errno, EXDEV);
	free(p);
	p = at("content/measures");
	cr_expect_eq(gt_read_in(root, p, &data, &len), -1);
	cr_expect_eq(errno, EISDIR);
	free(p);
	make_fifo("content/pipe.md");
	p = at("content/pipe.md");
	cr_expect_eq(gt_read_in(root, p, &data, &len), -1);
	cr_expect_eq(errno, ENODEV);
	free(p);
	free(root);
}

/* Two links to "." made the walk take 2^64 steps; here are eight. */
Test(hostile, folder_loop_walked_once)
{
	struct gt_buf	 want = { 0 };
	char		*got, *p;
	int		 i;

	for (i = 0; i < 8; i++) {
		p = gt_xasprintf("%s/content/objectives/l%d", dir, i);
		cr_assert_eq(symlink(".", p), 0);
		free(p);
		gt_buf_printf(&want, "content/objectives/l%d: warning: folder "
		    "already read through another link, skipped\n", i);
	}
	got = check_site();
	cr_expect_str_eq(got, want.data);
	free(got);
	gt_buf_free(&want);
}

/* A name is printed escaped, so that it cannot pose as a line of its own. */
Test(hostile, file_name_escaped)
{
	char	*p = at("content/measures/a\n::error file=x::b\x1b[2J.md");
	char	*got;
	FILE	*f = fopen(p, "w");

	cr_assert_not_null(f);
	fputs("no front matter\n", f);
	fclose(f);
	got = check_site();
	cr_expect_str_eq(got, "content/measures/a\\n::error file=x::b\\x1b[2J.md"
	    ":1:1: error: file does not start with front matter (a line "
	    "'---')\n");
	free(got);
	free(p);
}

Test(diag, details_escaped_in_text_and_json)
{
	struct gt_loc	 loc = { "f\x7f.md", 1, 2 };
	char		*s = NULL;
	size_t		 n = 0;
	FILE		*f;

	diag_reset();
	gt_msg(diags(), GT_E_ENUM, &loc, "'%s'", "a\nb\rc\td\x1b[0m\xe2\x80\xae"
	    "e\xe2\x80\xa8" "f\xc2\x9b" "g\xff h \xc3\xa9");
	s = diag_text();
	cr_expect_str_eq(s, "f\\x7f.md:1:2: error: unknown value: "
	    "'a\\nb\\rc\\td\\x1b[0m\\u202ee\\u2028f\\u009bg\\xff h \xc3\xa9'\n");
	free(s);
	s = NULL;
	f = open_memstream(&s, &n);
	gt_diag_print(diags(), f, GT_DIAG_JSON, 0);
	fclose(f);
	cr_expect(strstr(s, "\"file\": \"f\\\\x7f.md\"") != NULL, "%s", s);
	cr_expect(strstr(s, "\"detail\": \"'a\\\\nb\\\\rc\\\\td\\\\x1b[0m"
	    "\\\\u202ee\\\\u2028f\\\\u009bg\\\\xff h \xc3\xa9'\"") != NULL,
	    "%s", s);
	free(s);
	diag_reset();
}

Test(util, text_faults)
{
	static const struct {
		const char		*s;
		enum gt_text_fault	 f;
		int			 line, col;
		unsigned long		 cp;
	} t[] = {
		{ "plain \xc3\xa9 text\n", GT_TEXT_END, 0, 0, 0 },
		{ "\xef\xbb\xbftext", GT_TEXT_END, 0, 0, 0 },	/* a BOM */
		{ "a\xef\xbb\xbf", GT_TEXT_HIDDEN, 1, 2, 0xfeff },
		{ "ab\ncd\xef\xbf\xbe", GT_TEXT_CONTROL, 2, 3, 0xfffe },
		{ "\xef\xbf\xbf", GT_TEXT_CONTROL, 1, 1, 0xffff },
		{ "\xf0\x9f\xbf\xbe", GT_TEXT_CONTROL, 1, 1, 0x1fffe },
		{ "\xef\xb7\x90", GT_TEXT_CONTROL, 1, 1, 0xfdd0 },
		{ "x\x1b", GT_TEXT_CONTROL, 1, 2, 0x1b },
		{ "x\x0c", GT_TEXT_CONTROL, 1, 2, 0x0c },
		{ "x\x7f", GT_TEXT_CONTROL, 1, 2, 0x7f },
		{ "\xc2\x85", GT_TEXT_CONTROL, 1, 1, 0x85 },
		{ "a\rb\x01", GT_TEXT_CONTROL, 2, 2, 0x01 },	/* CR ends a line */
		{ "a\r\nb\x01", GT_TEXT_CONTROL, 2, 2, 0x01 },
		{ "tab\tok\r\n", GT_TEXT_END, 0, 0, 0 },
		{ "\xe2\x80\xae", GT_TEXT_HIDDEN, 1, 1, 0x202e },
		{ "\xe2\x81\xa6", GT_TEXT_HIDDEN, 1, 1, 0x2066 },
		{ "\xe2\x80\x8b", GT_TEXT_HIDDEN, 1, 1, 0x200b },
		{ "\xe2\x81\xa0", GT_TEXT_HIDDEN, 1, 1, 0x2060 },
		{ "ab\xff", GT_TEXT_UTF8, 1, 3, 0xff },
	};
	struct gt_text_scan	 s;
	enum gt_text_fault	 f;
	unsigned long		 cp = 0;
	size_t			 i;
	int			 line = 0, col = 0;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		gt_text_scan(&s, t[i].s, strlen(t[i].s));
		f = gt_text_next(&s, &line, &col, &cp);
		cr_expect_eq(f, t[i].f, "case %zu", i);
		if (f == GT_TEXT_END)
			continue;
		cr_expect_eq(line, t[i].line, "case %zu line", i);
		cr_expect_eq(col, t[i].col, "case %zu col", i);
		cr_expect_eq(cp, t[i].cp, "case %zu code point", i);
	}
}

Test(util, nfc_and_slug)
{
	static const struct {
		char		*(*fn)(const char *);
		const char	*in, *out;
	} t[] = {
		{ gt_xnfc, "Cafe\xcc\x81 culture", "Caf\xc3\xa9 culture" },
		{ gt_xnfc, "plain", "plain" },
		{ gt_slug, "Housing and Planning", "housing-and-planning" },
		{ gt_slug, "  --Caf\xc3\xa9 & Bars!  ", "caf-bars" },
		{ gt_slug, "\xc3\xa9\xc3\xa9", "x" },
	};
	size_t	 i;
	char	*s;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		s = t[i].fn(t[i].in);
		cr_expect_str_eq(s, t[i].out, "case %zu", i);
		free(s);
	}
}
