/* test_serve.c: the paths serve takes, what it adds to pages, what changed. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <criterion/criterion.h>

#include "serve.h"
#include "util.h"

static void
expect_path(const char *raw, enum gt_serve_path want, const char *rel)
{
	enum gt_serve_path	 got;
	char			*r;

	got = gt_serve_path(raw, &r);
	cr_expect_eq(got, want, "'%s': %d, not %d", raw, got, want);
	if (want == GT_SERVE_PATH_BAD)
		cr_expect_null(r, "'%s' gave '%s'", raw, r);
	else
		cr_expect_str_eq(r != NULL ? r : "(null)", rel, "'%s'", raw);
	free(r);
}

Test(serve, paths_taken)
{
	expect_path("/", GT_SERVE_PATH_OK, "index.html");
	expect_path("/index.html", GT_SERVE_PATH_OK, "index.html");
	expect_path("/measure/HS01.html", GT_SERVE_PATH_OK, "measure/HS01.html");
	expect_path("/data/", GT_SERVE_PATH_OK, "data/index.html");
	expect_path("/data", GT_SERVE_PATH_OK, "data");
	expect_path("/portfolio/Caf%C3%A9%20et%20th%c3%a9.html",
	    GT_SERVE_PATH_OK, "portfolio/Caf\xc3\xa9 et th\xc3\xa9.html");
	expect_path("/a%2eb/%2Ehtml.x", GT_SERVE_PATH_HIDDEN, "a.b/.html.x");
	expect_path("/.goldthread", GT_SERVE_PATH_HIDDEN, ".goldthread");
	expect_path("/%2egit/config", GT_SERVE_PATH_HIDDEN, ".git/config");
	expect_path("/a+b%25.csv", GT_SERVE_PATH_OK, "a+b%.csv");
	expect_path("/...", GT_SERVE_PATH_HIDDEN, "...");
}

Test(serve, paths_refused)
{
	static const char *const bad[] = {
		"", "index.html", "..", "/..", "/../site.conf", "/%2e%2e/x",
		"/%2E%2e/x", "/.%2e/x", "/%2e./x", "/a/../b", "/a/./b",
		"/./", "/.", "/a/..", "//", "//etc/passwd", "/a//b",
		"/a%2fb", "/a%2F..%2Fb", "/%2f", "/a%5cb", "/a%5C..%5Cb",
		"/a\\b", "/..\\x", "/a%00.png", "/%00", "/a%0ab", "/a\nb",
		"/a%7f", "/a\tb", "/a%1b[31m", "/%", "/%2", "/%g0", "/%0g",
		"/a%", "/a%2",
	};
	size_t	 i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		expect_path(bad[i], GT_SERVE_PATH_BAD, NULL);
}

static char *
served(const char *html, const char *banner, unsigned long gen)
{
	struct gt_buf	 b = { 0 };

	gt_serve_page(&b, html, strlen(html), banner, gen);
	return gt_buf_steal(&b);
}

#define SCRIPT(g) "<script src=\"/_goldthread/reload.js\" " \
	"data-generation=\"" #g "\"></script>"

Test(serve, page_gets_banner_and_script)
{
	char	*s;

	s = served("<html><head><title>x</title></head><body class=\"a>b\">"
	    "<p>text</p></body></html>", "<div>B</div>", 7);
	cr_expect_str_eq(s, "<html><head><title>x</title></head><body "
	    "class=\"a>b\"><div>B</div><p>text</p>" SCRIPT(7)
	    "</body></html>");
	free(s);
	/* No banner: only the script; a body tag in capitals; the last end tag. */
	s = served("<BODY>\n<p>&lt;/body&gt; </bodyx></p></Body >\n", NULL, 0);
	cr_expect_str_eq(s, "<BODY>\n<p>&lt;/body&gt; </bodyx></p>" SCRIPT(0)
	    "</Body >\n");
	free(s);
	/* A page with neither: the banner first, the script last. */
	s = served("<p>bare</p>", "<div>B</div>", 2);
	cr_expect_str_eq(s, "<div>B</div><p>bare</p>" SCRIPT(2));
	free(s);
	/* <bodyx> is not <body>; an unclosed tag is not one. */
	s = served("<bodyx><p>x</p><body", NULL, 1);
	cr_expect_str_eq(s, "<bodyx><p>x</p><body" SCRIPT(1));
	free(s);
}

Test(serve, banner_escapes_and_links_nothing)
{
	char	*b = gt_serve_banner("a.csv:2:3: error: not a number: value "
	    "'<a href=\"javascript:x\">&</a>'\nb.md:1:1: warning: w\n");

	cr_expect(strstr(b, "<li>a.csv:2:3: error: not a number: value "
	    "'&lt;a href=\"javascript:x\"&gt;&amp;&lt;/a&gt;'</li><li>b.md:1:1:"
	    " warning: w</li></ul></div>") != NULL, "%s", b);
	cr_expect_null(strstr(b, "<a "));
	cr_expect(strncmp(b, "<div id=\"goldthread-serve\" role=\"alert\" ",
	    40) == 0, "%s", b);
	free(b);
}

Test(serve, pack_pages)
{
	struct gt_buf	 b = { 0 };
	char		 a[] = "annual", c[] = "cabinet-q2", *names[] = { a, c };

	gt_serve_pack_page(&b, "cabinet-q2", 2048);
	cr_expect(strstr(b.data, "<iframe src=\"/reports/cabinet-q2.pdf\" "
	    "title=\"cabinet-q2.pdf\"") != NULL, "%s", b.data);
	cr_expect(strstr(b.data, "(2 KB)") != NULL, "%s", b.data);
	cr_expect(strstr(b.data, "<html lang=\"en\">") != NULL);
	gt_buf_free(&b);
	gt_serve_pack_list(&b, names, 2);
	cr_expect(strstr(b.data, "<li><a href=\"/_goldthread/pack/annual\">"
	    "annual</a> (<a href=\"/reports/annual.pdf\">PDF</a>)</li><li>")
	    != NULL, "%s", b.data);
	gt_buf_free(&b);
	gt_serve_pack_list(&b, NULL, 0);
	cr_expect(strstr(b.data, "no packs") != NULL, "%s", b.data);
	gt_buf_free(&b);
}

static void
put(const char *dir, const char *rel, const char *text)
{
	char	*p = gt_xasprintf("%s/%s", dir, rel);
	FILE	*f = fopen(p, "w");

	cr_assert_not_null(f, "%s", p);
	fputs(text, f);
	fclose(f);
	free(p);
}

/* A build's changes: what it made, changed and removed, by content. */
Test(serve, tree_diff_by_content)
{
	char			 dir[] = "/tmp/gt-serve-XXXXXX", *p, *q;
	struct gt_serve_tree	*t, *u;
	char			**ch;
	size_t			  n, pages, i;

	cr_assert_not_null(mkdtemp(dir));
	p = gt_xasprintf("%s/m", dir);
	cr_assert_eq(mkdir(p, 0777), 0);
	free(p);
	put(dir, "index.html", "<p>1</p>");
	put(dir, "m/a.html", "<p>a</p>");
	put(dir, "m/b.html", "<p>b</p>");
	put(dir, "style.css", "p{}");
	put(dir, ".goldthread", "marker");
	t = gt_serve_tree_new(dir);
	/* A new copy with the same bytes (a new inode) is no change. */
	put(dir, "m/a.html.new", "<p>a</p>");
	p = gt_xasprintf("%s/m/a.html.new", dir);
	q = gt_xasprintf("%s/m/a.html", dir);
	cr_assert_eq(rename(p, q), 0);
	free(p);
	free(q);
	put(dir, "m/b.html", "<p>c</p>");	/* same size, other bytes */
	p = gt_xasprintf("%s/style.css", dir);
	cr_assert_eq(unlink(p), 0);
	free(p);
	put(dir, "m/new.svg", "<svg/>");
	put(dir, ".goldthread", "marker, changed");	/* never served */
	u = gt_serve_tree_diff(t, dir, &ch, &n, &pages);
	cr_assert_eq(n, 3, "%zu changed", n);
	cr_expect_str_eq(ch[0], "/m/b.html");
	cr_expect_str_eq(ch[1], "/m/new.svg");
	cr_expect_str_eq(ch[2], "/style.css");
	cr_expect_eq(pages, 3);
	cr_expect(gt_serve_is_page(ch[0]) && !gt_serve_is_page(ch[1]) &&
	    !gt_serve_is_page(ch[2]));
	for (i = 0; i < n; i++)
		free(ch[i]);
	free(ch);
	gt_serve_tree_free(t);
	/* Nothing since: nothing read again, nothing changed. */
	t = gt_serve_tree_diff(u, dir, &ch, &n, &pages);
	cr_expect_eq(n, 0);
	cr_expect_eq(pages, 3);
	free(ch);
	gt_serve_tree_free(t);
	gt_serve_tree_free(u);
	p = gt_xasprintf("rm -rf %s", dir);
	cr_expect_eq(system(p), 0);
	free(p);
}
