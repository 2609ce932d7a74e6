/*
 * test_md_walk.c: the one Markdown walk and its link policy, and the PDF's
 * side of it (md_pango): each address with its own words, headings as
 * plain text, long runs and long blocks made fit for Pango.
 */
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include "md_pango.h"
#include "md_walk.h"
#include "util.h"

Test(md_walk, url_policy)
{
	cr_expect(gt_url_safe("page.html"));
	cr_expect(gt_url_safe("../a/b.html#x"));
	cr_expect(gt_url_safe("/measure/x.html"));
	cr_expect(gt_url_safe("https://example.org/"));
	cr_expect(gt_url_safe("HTTP://example.org/"));
	cr_expect(gt_url_safe("MAILTO:x@y"));
	cr_expect(gt_url_safe("?q=1"));
	cr_expect_not(gt_url_safe("javascript:alert(1)"));
	cr_expect_not(gt_url_safe("JavaScript:alert(1)"));
	cr_expect_not(gt_url_safe("vbscript:x"));
	cr_expect_not(gt_url_safe("data:text/html,x"));
	cr_expect_not(gt_url_safe("file:///etc/passwd"));
	cr_expect_not(gt_url_safe("smb://host/share"));
	cr_expect_not(gt_url_safe("tel:01234"));
	cr_expect_not(gt_url_safe("//tracker.example/pixel.gif"));
	cr_expect_not(gt_url_safe("/\\tracker.example/x"));
	cr_expect_not(gt_url_safe("\\\\host\\share"));
	cr_expect_not(gt_url_safe("java\tscript:x"));
	cr_expect_not(gt_url_safe(" javascript:x"));
	cr_expect_not(gt_url_safe(""));
	cr_expect_not(gt_url_safe(NULL));
}

/* The walk's events as text: "<p>", "</p>", "t:words", "a:URL", ... */
static void
ev(void *ctx, const struct gt_md_node *v, int in)
{
	static const char *const names[] = {
		"p", "h", "q", "list", "li", "em", "strong", "a", "t", "code",
		"pre", "soft", "br", "hr", "img"
	};
	struct gt_buf	*b = ctx;

	gt_buf_printf(b, "%s%s", in ? "<" : "</", names[v->type]);
	if (in && v->url != NULL)
		gt_buf_printf(b, " %s", v->url);
	if (in && v->text != NULL)
		gt_buf_printf(b, " '%s'", v->text);
	gt_buf_puts(b, ">");
}

static void
ev_in(void *ctx, const struct gt_md_node *v)
{
	ev(ctx, v, 1);
}

static void
ev_out(void *ctx, const struct gt_md_node *v)
{
	ev(ctx, v, 0);
}

static char *
walk(const char *md)
{
	static const struct gt_md_ops	 ops = { ev_in, ev_out };
	cmark_node			*doc = cmark_parse_document(md,
					    strlen(md), CMARK_OPT_DEFAULT);
	struct gt_buf			 b = { 0 };

	gt_buf_puts(&b, "");
	gt_md_walk(doc, &ops, &b);
	cmark_node_free(doc);
	return gt_buf_steal(&b);
}

Test(md_walk, unsafe_links_keep_words_empty_links_go)
{
	char	*s = walk("[run](javascript:x) [](https://empty.example) "
	    "[Council website](https://c.example) <b>raw</b> "
	    "![map](//t.example/p.gif)");

	cr_expect_str_eq(s, "<p><t 'run'><t ' '><t ' '>"
	    "<a https://c.example><t 'Council website'></a><t ' '><t 'raw'>"
	    "<t ' '><img 'map'></p>");
	free(s);
}

/* What md_pango hands over: each block's markup, plain text and links. */
struct got {
	struct gt_buf	 b;
	size_t		 blocks;
};

static void
blk(void *ctx, const struct gt_md_node *v, const struct gt_md_text *t)
{
	struct got	*g = ctx;
	size_t		 i;

	g->blocks++;
	gt_buf_printf(&g->b, "[%d|%s|%s", (int)v->type, t->markup.data,
	    t->plain.data);
	for (i = 0; i < t->nlinks; i++)
		gt_buf_printf(&g->b, "|%.*s>%s",
		    t->links[i].end - t->links[i].start,
		    t->plain.data + t->links[i].start, t->links[i].url);
	gt_buf_puts(&g->b, "]");
}

static void
nothing(void *ctx GT_UNUSED, const struct gt_md_node *v GT_UNUSED)
{
}

static struct got
pango(const char *md)
{
	static const struct gt_md_blocks ops = { blk, nothing, nothing };
	cmark_node	*doc = cmark_parse_document(md, strlen(md),
			    CMARK_OPT_DEFAULT);
	struct got	 g = { { NULL, 0, 0 }, 0 };

	gt_buf_puts(&g.b, "");
	gt_md_pango(doc, &ops, &g);
	cmark_node_free(doc);
	return g;
}

/* Regression: an empty link shifted every later link to the wrong words. */
Test(md_pango, each_address_with_its_own_words)
{
	struct got	 g = pango("[](https://x.example) a *[Council "
	    "website](https://c.example)* and [js](javascript:y) "
	    "[b](mailto:b@c)");

	cr_expect_str_eq(g.b.data, "[0| a <i><span foreground=\"#1d4e89\" "
	    "underline=\"single\">Council website</span> (https://c.example)"
	    "</i> and js <span foreground=\"#1d4e89\" underline=\"single\">b"
	    "</span> (mailto:b@c)| a Council website (https://c.example) and "
	    "js b (mailto:b@c)|Council website>https://c.example|b>mailto:b@c]");
	gt_buf_free(&g.b);
}

/* Regression: "## *Key* & x" was printed as "<i>Key</i> &amp; x". */
Test(md_pango, headings_as_plain_text)
{
	struct got	 g = pango("## *Key* & x\n");

	cr_expect(strstr(g.b.data, "|Key & x]") != NULL, "%s", g.b.data);
	gt_buf_free(&g.b);
}

Test(md_pango, long_runs_get_break_points)
{
	struct gt_buf	 b = { 0 };
	char		*run = malloc(GT_PANGO_RUN + 2);
	size_t		 i, zw = 0;

	memset(run, 'x', GT_PANGO_RUN);
	run[GT_PANGO_RUN] = '\0';
	gt_pango_breakable(&b, run);
	cr_expect_str_eq(b.data, run, "a run at the limit is kept as it is");
	gt_buf_reset(&b);
	strcpy(run + GT_PANGO_RUN - 2, "\xc3\xa9x");	/* one more byte */
	gt_pango_breakable(&b, run);
	for (i = 0; i + 2 < b.len; i++)
		if (memcmp(b.data + i, "\xe2\x80\x8b", 3) == 0) {
			zw++;
			/* Never inside a character. */
			cr_assert((b.data[i - 1] & 0xc0) != 0xc0);
		}
	cr_expect_eq(zw, (GT_PANGO_RUN - 1) / GT_PANGO_CHUNK);
	cr_expect_eq(b.len, GT_PANGO_RUN + 1 + 3 * zw);
	gt_buf_free(&b);
	free(run);
}

/* Regression: Pango set a paragraph of 2 MB as one line, most of it lost. */
Test(md_pango, long_blocks_are_cut_with_their_links)
{
	/* Three blocks and a bit of a link's words, then more. */
	size_t		 n = 3 * GT_PANGO_BLOCK + 80, len, i;
	char		*md = malloc(n + 64), *p;
	struct got	 g;

	p = md + sprintf(md, "[");
	for (i = 0; i < n / 8; i++)
		p += sprintf(p, "abcdefg ");
	sprintf(p, "](https://c.example) *end*\n");
	g = pango(md);
	cr_expect_eq(g.blocks, 4, "%zu blocks", g.blocks);
	/* Each piece closes the link and the next opens it again. */
	for (p = g.b.data, len = 0; (p = strstr(p, ">https://c.example")) !=
	    NULL; p++)
		len++;
	cr_expect_eq(len, 4, "%zu links", len);
	cr_expect(strstr(g.b.data, "<i>end</i>") != NULL);
	gt_buf_free(&g.b);
	free(md);
}

/* A body as plain text for the open data: blocks, lists, safe links. */
Test(md_walk, plain_text)
{
	const char	*md = "# Why\n\nIt *matters*: see [the plan](plan.html)"
	    " and [x](javascript:alert(1)).\nNext line.\n\n- one\n- two\n\n"
	    "3. three\n4. four\n\n<b>raw</b>\n";
	/* Raw HTML tags are dropped, their words kept. */
	cmark_node	*doc = cmark_parse_document(md, strlen(md), 0);
	char		*t = gt_md_text(doc);

	cr_expect_str_eq(t, "Why\n\nIt matters: see the plan (plan.html) and "
	    "x. Next line.\n\n- one\n- two\n\n3. three\n4. four\n\nraw");
	free(t);
	cmark_node_free(doc);
	cr_expect_null(gt_md_text(NULL));
}
