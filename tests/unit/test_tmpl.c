/* test_tmpl.c: the layout vocabulary and Markdown bodies in the tree. */
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <criterion/criterion.h>

#include "md_html.h"
#include "svg_inline.h"
#include "tmpl.h"
#include "svg_ref.h"
#include "util.h"
#include "helpers.h"

static char	 dir[] = "/tmp/gt-tmpl-XXXXXX";
static struct gt_tmpl	*t;

static void
setup(void)
{
	strcpy(dir, "/tmp/gt-tmpl-XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
	t = gt_tmpl_new(dir);
	diag_reset();
}

static void
teardown(void)
{
	char	*cmd = gt_xasprintf("rm -rf %s", dir);

	gt_tmpl_free(t);
	cr_assert_eq(system(cmd), 0);
	free(cmd);
}

TestSuite(tmpl, .init = setup, .fini = teardown);

static void
layout(const char *name, const char *body)
{
	char	*path = gt_xasprintf("%s/%s", dir, name);
	FILE	*f = fopen(path, "w");

	cr_assert_not_null(f);
	fprintf(f, "<!DOCTYPE html>\n<html lang=\"en\">\n<head><title>t"
	    "</title></head>\n<body>\n%s\n</body>\n</html>\n", body);
	fclose(f);
	free(path);
}

/* Render name with the JSON data; the <body>'s inside, or NULL on failure. */
static char *
render(const char *name, const char *json, cmark_node *const *bodies,
    size_t n)
{
	json_error_t	 err;
	json_t		*data = json_loads(json, 0, &err);
	struct gt_buf	 b = { 0 };
	char		*s, *e, *r = NULL;

	cr_assert_not_null(data, "%s", err.text);
	if (gt_tmpl_render(t, name, data, bodies, n, &b, diags()) == 0) {
		s = strstr(b.data, "<body>\n");
		e = strstr(b.data, "\n</body>");
		cr_assert(s != NULL && e != NULL, "%s", b.data);
		r = gt_xstrndup(s + 7, (size_t)(e - s - 7));
	}
	gt_buf_free(&b);
	json_decref(data);
	return r;
}

Test(tmpl, text_is_escaped_by_construction)
{
	char	*got;

	layout("p.html", "<p data-text=\"a\">placeholder</p>");
	got = render("p.html", "{\"a\": \"<script>alert('x')</script> & co\"}",
	    NULL, 0);
	cr_expect_str_eq(got, "<p>&lt;script&gt;alert('x')&lt;/script&gt; "
	    "&amp; co</p>");
	free(got);
}

Test(tmpl, each_if_unless_and_scopes)
{
	char	*got;

	layout("p.html", "<ul><li data-each=\"items\"><b data-text=\"name\">"
	    "</b> <i data-if=\"late\">late</i><i data-unless=\"late\">ok</i>"
	    " <s data-text=\"site\"></s></li></ul>"
	    "<p data-if=\"none\">gone</p><p data-unless=\"none\">empty</p>");
	got = render("p.html", "{\"site\": \"S\", \"none\": [], \"items\": ["
	    "{\"name\": \"A\", \"late\": true}, {\"name\": \"B\", "
	    "\"late\": 0}]}", NULL, 0);
	cr_expect_str_eq(got, "<ul><li><b>A</b> <i>late</i> <s>S</s></li>"
	    "<li><b>B</b> <i>ok</i> <s>S</s></li></ul><p>empty</p>");
	free(got);
}

Test(tmpl, each_of_strings_uses_dot)
{
	char	*got;

	layout("p.html", "<ol><li data-each=\"v\" data-text=\".\"></li></ol>");
	got = render("p.html", "{\"v\": [\"x\", \"y\"]}", NULL, 0);
	cr_expect_str_eq(got, "<ol><li>x</li><li>y</li></ol>");
	free(got);
}

Test(tmpl, attributes_set_and_removed)
{
	char	*got;

	layout("p.html", "<a class=\"k\" data-attr-href=\"u\" "
	    "data-attr-title=\"n\" title=\"old\">x</a>");
	got = render("p.html", "{\"u\": \"a b&c.html\", \"n\": null}", NULL,
	    0);
	cr_expect_str_eq(got, "<a class=\"k\" href=\"a%20b&amp;c.html\">x</a>");
	free(got);
}

Test(tmpl, layout_links_follow_the_page_depth)
{
	char	*got;

	layout("p.html", "<a href=\"index.html\">h</a><a href=\"#main\">m</a>"
	    "<a href=\"https://x.org/\">x</a><a href=\"mailto:a@b\">e</a>"
	    "<img src=\"a/b.png\" alt=\"\"><a data-attr-href=\"u\">d</a>");
	got = render("p.html", "{\"root\": \"../\", \"u\": \"../x.html\"}",
	    NULL, 0);
	cr_expect_str_eq(got, "<a href=\"../index.html\">h</a><a href=\"#main\">"
	    "m</a><a href=\"https://x.org/\">x</a><a href=\"mailto:a@b\">e</a>"
	    "<img src=\"../a/b.png\" alt=\"\"><a href=\"../x.html\">d</a>");
	free(got);
}

Test(tmpl, includes_and_head_partials)
{
	char		*got;
	struct gt_buf	 b = { 0 };
	json_t		*data = json_pack("{s:s}", "title", "T<1>");
	char		*path = gt_xasprintf("%s/page.html", dir);
	FILE		*f = fopen(path, "w");

	layout("_part.html", "<em data-text=\"title\"></em>");
	layout("p.html", "<div data-include=\"_part.html\">x</div>");
	got = render("p.html", "{\"title\": \"T\"}", NULL, 0);
	cr_expect_str_eq(got, "<div>\n<em>T</em>\n</div>");
	free(got);

	cr_assert_not_null(f);
	fputs("<!DOCTYPE html>\n<html lang=\"en\"><head data-include="
	    "\"_head.html\"></head><body><p>b</p></body></html>\n", f);
	fclose(f);
	free(path);
	path = gt_xasprintf("%s/_head.html", dir);
	f = fopen(path, "w");
	fputs("<!DOCTYPE html>\n<html><head><title data-text=\"title\">"
	    "</title></head><body></body></html>\n", f);
	fclose(f);
	free(path);
	cr_assert_eq(gt_tmpl_render(t, "page.html", data, NULL, 0, &b, diags()), 0);
	cr_expect(strstr(b.data, "<title>T&lt;1&gt;</title>") != NULL, "%s",
	    b.data);
	gt_buf_free(&b);
	json_decref(data);
}

/* A chart made ready: the layout's attributes, the chart's viewBox. */
Test(tmpl, inline_svg)
{
	static const char	 svg[] = "<?xml version=\"1.0\"?>"
	    "<svg xmlns=\"http://www.w3.org/2000/svg\" "
	    "viewBox=\"0 0 10 5\"><g fill=\"#fff\"><rect width=\"5\"/>"
	    "<text x=\"1\">a &amp; b</text></g></svg>";
	struct gt_html		*h = gt_html_new();
	struct gt_buf		 ready = { 0 };
	json_t			*data;
	char			*json, *got;

	cr_assert_eq(gt_svg_inline(h, svg, &ready), 0);
	cr_expect_str_eq(ready.data, "0 0 10 5\n1\n<g fill=\"#fff\">"
	    "<rect width=\"5\"></rect><text x=\"1\">a &amp; b</text></g>");
	layout("p.html", "<p data-each=\"v\"><svg class=\"k\" role=\"img\" "
	    "data-svg=\".\" data-attr-aria-label=\"alt\">old</svg></p>"
	    "<svg data-svg=\"none\"></svg>");
	data = json_pack("{s:s,s:n,s:[s,s]}", "alt", "A", "none", "v",
	    ready.data, ready.data);
	json = json_dumps(data, 0);
	got = render("p.html", json, NULL, 0);
	cr_expect_str_eq(got, "<p><svg class=\"k\" role=\"img\" "
	    "aria-label=\"A\" viewBox=\"0 0 10 5\"><g fill=\"#fff\">"
	    "<rect width=\"5\"></rect><text x=\"1\">a &amp; b</text></g></svg>"
	    "</p><p><svg class=\"k\" role=\"img\" aria-label=\"A\" "
	    "viewBox=\"0 0 10 5\"><g fill=\"#fff\"><rect width=\"5\"></rect>"
	    "<text x=\"1\">a &amp; b</text></g></svg></p><svg></svg>");
	free(got);
	free(json);
	json_decref(data);

	/* Images with ids to share a page are not charts'. */
	gt_buf_reset(&ready);
	cr_expect_eq(gt_svg_inline(h, "<svg><clipPath id=\"c\"/></svg>",
	    &ready), -1);
	cr_expect_eq(gt_svg_inline(h, "<svg><g clip-path=\"url(#c)\"/></svg>",
	    &ready), -1);
	layout("q.html", "<svg data-svg=\"v\"></svg>");
	cr_expect_null(render("q.html", "{\"v\": \"<p>not\\n\\nsvg</p>\"}",
	    NULL, 0));
	got = diag_text();
	cr_expect(strstr(got, "q.html:5: error: layout: data-svg needs a "
	    "chart: 'v'") != NULL, "%s", got);
	free(got);
	gt_buf_free(&ready);
	gt_html_free(h);
}

/* The site names its cached charts; the source gives them. */
static char *
source(void *ctx, const char *name)
{
	++*(int *)ctx;
	return strcmp(name, "k1") == 0 ? gt_xstrdup("0 0 2 1\n1\n"
	    "<path d=\"M0 0\"></path>") : NULL;
}

Test(tmpl, inline_svg_by_name)
{
	char	*got;
	int	 calls = 0;

	layout("p.html", "<svg data-svg=\"a\"></svg>");
	cr_expect_null(render("p.html", "{\"a\": \"k1\"}", NULL, 0),
	    "a name without a source is an error");
	diag_reset();
	gt_tmpl_svg_source(t, source, &calls);
	got = render("p.html", "{\"a\": \"k1\"}", NULL, 0);
	cr_expect_str_eq(got, "<svg viewBox=\"0 0 2 1\"><path d=\"M0 0\">"
	    "</path></svg>");
	free(got);
	cr_expect_null(render("p.html", "{\"a\": \"k2\"}", NULL, 0));
	cr_expect_eq(calls, 2);
	got = diag_text();
	cr_expect(strstr(got, "p.html:5: error: layout: no SVG image for "
	    "'k2'") != NULL, "%s", got);
	free(got);
}

/*
 * A chart is made ready without a libxml2 tree; what it writes must be
 * what libxml2's reading of it written by html_write.c gives, and what
 * libxml2 cannot read it must refuse.
 */
Test(tmpl, svg_inline_as_libxml2_reads_it)
{
	static const char *const svgs[] = {
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\""
		"http://www.w3.org/2000/svg\" width=\"4px\" viewBox=\"0 0 4 2\">"
		"\n<path d=\"M0 0L1 1\" fill=\"#fff\"/>\n<g font-size=\"12\">\n"
		"<text x=\"1\" y=\"2\" fill=\"#1a1a1a\">a &amp; b &lt;c&gt; "
		"\"q\" 'a' \xc3\xa9\t></text>\n</g>\n</svg>\n",
		"<svg><rect title='say \"hi\"' data-x=\"a&amp;b&lt;&apos;\" "
		"data-y = \"&quot;\" /><br/><p></p><title>T &amp; U</title>"
		"<li/><g><g><g/></g></g></svg>",
		"<svg viewBox=\"0 0 1 1\"/>",
		"<svg viewBox=\"0 0 1 1\"></svg>",
		"<svg vie=\"0 url(0 #G2 1\"></svg>",
		"<svg><g data-x=\"a\nb\"/></svg>",
		"<svg><text>a]]>b</text></svg>",
		"<svg><g></svg>",
		"<svg><g>&nbsp;</g></svg>",
		"<svg><path d=\"a\"/></svg>trailing",
		"<svg><path d=\"a\" d=\"b\"/></svg>",
		"<svg><path d=\"a<b\"/></svg>",
		"<svg><1path/></svg>",
		"<svg><g><g><g><g><g><g><g><g><g><g><g><g><g><g><g><g><g><g>"
		"<g><g><g><g><g><g><g><g><g><g><g><g><g><g><g><g><path/>"
		"</g></g></g></g></g></g></g></g></g></g></g></g></g></g></g>"
		"</g></g></g></g></g></g></g></g></g></g></g></g></g></g></g>"
		"</g></g><text>deep</text></svg>",
	};
	struct gt_html	*h = gt_html_new();
	struct gt_buf	 got = { 0 };
	char		*want;
	size_t		 i, made = 0;

	for (i = 0; i < sizeof(svgs) / sizeof(svgs[0]); i++) {
		gt_buf_reset(&got);
		want = svg_ref(h, svgs[i]);
		if (gt_svg_inline(h, svgs[i], &got) == 0) {
			made++;
			cr_expect_not_null(want, "case %zu: libxml2 refuses "
			    "it", i);
			if (want != NULL)
				cr_expect_str_eq(got.data, want, "case %zu", i);
		}
		free(want);
	}
	cr_expect_geq(made, 4, "most of them are charts' kind: %zu", made);
	gt_buf_free(&got);
	gt_html_free(h);
}

Test(tmpl, layout_errors_are_reported_with_their_line)
{
	char	*got, *want;

	layout("p.html", "<p>ok</p>\n<p data-text=\"nope\"></p>\n"
	    "<div data-include=\"missing.html\"></div>\n"
	    "<ul><li data-each=\"s\"></li></ul>");
	cr_expect_null(render("p.html", "{\"s\": \"text\"}", NULL, 0));
	got = diag_text();
	want = gt_xasprintf("%s/p.html:6: error: layout: no such name 'nope'\n"
	    "%s/p.html:7: error: layout: cannot read layout "
	    "'%s/missing.html': No such file or directory\n"
	    "%s/p.html:8: error: layout: data-each needs a list: 's'\n",
	    dir, dir, dir, dir);
	cr_expect_str_eq(got, want);
	free(got);
	free(want);
}

/*
 * Regression: layouts were kept in one array that an include, compiled
 * the first time a page needs it, could move while the page's own layout
 * was being filled from it (a build's report page crashed when its
 * process had made no page with those partials yet). Run under ASan.
 */
Test(tmpl, includes_compiled_while_filling)
{
	struct gt_buf	 page = { 0 };
	char		*name, *body, *got;
	int		 i;

	for (i = 0; i < 40; i++) {
		gt_buf_printf(&page, "<div data-include=\"_%d.html\"></div>",
		    i);
		name = gt_xasprintf("_%d.html", i);
		body = gt_xasprintf("<b>%d</b>", i);
		layout(name, body);
		free(name);
		free(body);
	}
	gt_buf_puts(&page, "<p>after</p>");
	layout("p.html", page.data);
	got = render("p.html", "{}", NULL, 0);
	cr_assert_not_null(got);
	cr_expect(strstr(got, "<b>39</b>\n</div><p>after</p>") != NULL, "%s",
	    got);
	free(got);
	gt_buf_free(&page);
}

Test(tmpl, includes_cannot_loop)
{
	char	*got;

	layout("p.html", "<div data-include=\"p.html\"></div>");
	cr_expect_null(render("p.html", "{}", NULL, 0));
	got = diag_text();
	cr_expect(strstr(got, "includes nested too deep") != NULL, "%s", got);
	free(got);
}

Test(tmpl, markdown_bodies_without_raw_html)
{
	const char	*md = "# Heading\n\nSome *emphasis* and "
	    "[a link](https://example.org \"T\") and "
	    "[bad](javascript:alert(1)).\n\n<script>alert(1)</script>\n\n"
	    "Inline <b>html</b> too.\n\n- one\n- two\n\n"
	    "![A chart](c.png)\n";
	cmark_node	*doc = cmark_parse_document(md, strlen(md), 0);
	char		*got;

	layout("p.html", "<div data-md=\"body\"></div>");
	got = render("p.html", "{\"body\": 0}", &doc, 1);
	cr_expect_str_eq(got, "<div><h2>Heading</h2>\n<p>Some <em>emphasis"
	    "</em> and <a href=\"https://example.org\" title=\"T\">a link</a> "
	    "and bad.</p>\n<p>Inline html too.</p>\n<ul><li>one</li>\n"
	    "<li>two</li>\n</ul>\n<p><img src=\"c.png\" alt=\"A chart\"></p>\n"
	    "</div>");
	free(got);
	cmark_node_free(doc);
}

Test(tmpl, markdown_nested_deeper_than_the_limit_is_flattened)
{
	struct gt_buf	 b = { 0 };
	cmark_node	*doc;
	char		*got;
	int		 i;

	for (i = 0; i < 100000; i++)
		gt_buf_puts(&b, "> ");
	gt_buf_puts(&b, "deep\n");
	doc = cmark_parse_document(b.data, b.len, 0);
	layout("p.html", "<div data-md=\"body\"></div>");
	got = render("p.html", "{\"body\": 0}", &doc, 1);
	cr_assert_not_null(got);
	cr_expect(strstr(got, "deep") != NULL);
	free(got);
	gt_buf_free(&b);
	cmark_node_free(doc);
}

/* Bytes as libxml2's HTML serializer gave them when it wrote the pages. */
Test(tmpl, html_as_libxml2_writes_it)
{
	char	*got;

	layout("_js.html", "<p>a &amp; b</p>x &lt; y");
	layout("p.html", "<script data-include=\"_js.html\"></script>"
	    "<li data-text=\"nul\">x</li><td data-text=\"nul\">x</td>"
	    "<dd data-text=\"e\">x</dd>"
	    "<p data-attr-title=\"q1\" data-attr-class=\"q2\">k</p>"
	    "<a data-attr-href=\"u\" data-attr-name=\"u\">n</a>"
	    "<input checked data-attr-disabled=\"t\">"
	    "<style data-text=\"css\"></style>");
	got = render("p.html", "{\"nul\": null, \"e\": \"\", "
	    "\"q1\": \"say \\\"hi\\\"\", \"q2\": \"it's \\\"x\\\"\", "
	    "\"u\": \" a b\\\"<>{}$&{x}.html\", \"t\": true, "
	    "\"css\": \"a > b { x: \\\"&\\\" }\"}", NULL, 0);
	cr_expect_str_eq(got, "<script>\n<p>a &amp; b</p>x < y\n</script>"
	    "<li><td></td><dd></dd>"
	    "<p title='say \"hi\"' class=\"it's &quot;x&quot;\">k</p>"
	    "<a href=\"a%20b%22&lt;&gt;%7B%7D%24&%7Bx%7D.html\" "
	    "name=\"a%20b%22&lt;&gt;%7B%7D%24&%7Bx%7D.html\">n</a>"
	    "<input checked disabled><style>a > b { x: \"&\" }</style>");
	free(got);
}

/* The page's own Content-Type <meta> is kept, made to say UTF-8. */
static char *
page(const char *name, const char *text, const char *json)
{
	char		*path = gt_xasprintf("%s/%s", dir, name);
	FILE		*f = fopen(path, "w");
	json_t		*data = json_loads(json, 0, NULL);
	struct gt_buf	 b = { 0 };

	cr_assert_not_null(f);
	cr_assert_not_null(data);
	fputs(text, f);
	fclose(f);
	free(path);
	cr_assert_eq(gt_tmpl_render(t, name, data, NULL, 0, &b, diags()), 0);
	json_decref(data);
	return gt_buf_steal(&b);
}

Test(tmpl, content_type_meta)
{
	char	*got;

	got = page("m1.html", "<!DOCTYPE html>\n<html lang=\"en\">\n<head>"
	    "<meta http-equiv=\"Content-Type\" content=\"text/html; "
	    "charset=latin1\"><title>t</title></head>\n<body></body>\n"
	    "</html>\n", "{}");
	cr_expect_str_eq(got, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>"
	    "<meta http-equiv=\"Content-Type\" content=\"text/html; "
	    "charset=UTF-8\"><title>t</title></head>\n<body></body>\n"
	    "</html>\n");
	free(got);
	got = page("m2.html", "<!DOCTYPE html>\n<html lang=\"en\">\n<head>"
	    "<title>t</title><meta data-attr-http-equiv=\"ct\" "
	    "data-attr-content=\"utf\"></head>\n<body></body>\n</html>\n",
	    "{\"ct\": \"content-type\", "
	    "\"utf\": \"text/html; charset=utf-8\"}");
	cr_expect_str_eq(got, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>"
	    "<title>t</title><meta http-equiv=\"content-type\" "
	    "content=\"text/html; charset=utf-8\"></head>\n<body></body>\n"
	    "</html>\n");
	free(got);
	got = page("m3.html", "<!DOCTYPE html>\n<html lang=\"en\">\n"
	    "<head data-if=\"no\"><title>t</title></head>\n<body></body>\n"
	    "</html>\n", "{\"no\": false}");
	cr_expect_str_eq(got, "<!DOCTYPE html>\n<html lang=\"en\">\n\n"
	    "<body></body>\n</html>\n");
	free(got);
}

/* Built from the installed layouts too: nothing but their own files. */
Test(tmpl, layouts_only_regular_files_inside)
{
	char	*got, *want, *p;

	layout("inside.html", "<p>in</p>");
	p = gt_xasprintf("%s/linked.html", dir);
	cr_assert_eq(symlink("inside.html", p), 0);
	free(p);
	p = gt_xasprintf("%s/out.html", dir);
	cr_assert_eq(symlink("/etc/hostname", p), 0);
	free(p);
	p = gt_xasprintf("%s/pipe.html", dir);
	cr_assert_eq(mkfifo(p, 0644), 0);
	free(p);
	got = render("linked.html", "{}", NULL, 0);
	cr_expect_str_eq(got, "<p>in</p>");
	free(got);
	cr_expect_null(render("out.html", "{}", NULL, 0));
	cr_expect_null(render("pipe.html", "{}", NULL, 0));
	got = diag_text();
	want = gt_xasprintf("%s/out.html: error: layout: cannot read layout "
	    "'%s/out.html': a link leading out of its folder\n"
	    "%s/pipe.html: error: layout: cannot read layout '%s/pipe.html': "
	    "not a regular file (a FIFO, socket or device)\n", dir, dir, dir,
	    dir);
	cr_expect_str_eq(got, want);
	free(got);
	free(want);
}
