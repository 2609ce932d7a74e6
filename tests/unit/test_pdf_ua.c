/*
 * test_pdf_ua.c: the PDF/UA post-processing (pdf_ua.h) on small PDFs that
 * Cairo tags here, read back with libqpdf's C API; and the tokens of
 * content streams (pdf_tok.h).
 */
#define _GNU_SOURCE		/* memmem() */
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <criterion/criterion.h>
#include <qpdf/qpdf-c.h>

#include "chart.h"
#include "pdf_tok.h"
#include "pdf_ua.h"
#include "util.h"

/* Tokens ------------------------------------------------------------------ */

struct seen {
	const char		*s;
	char			 types[64];
	size_t			 n;
};

static int
note(void *ctx, const struct gt_pdf_tok *t)
{
	struct seen	*w = ctx;

	cr_assert_lt(w->n, sizeof(w->types) - 1);
	w->types[w->n++] = "NWbnirs<>[]IO"[t->type];
	/* Offsets are the token's own bytes. */
	if (t->type == GT_TOK_NAME || t->type == GT_TOK_WORD ||
	    t->type == GT_TOK_INTEGER)
		cr_expect(t->len == t->vlen && memcmp(w->s + t->off, t->value,
		    t->len) == 0, "'%.*s' at %zu", (int)t->len, w->s + t->off,
		    t->off);
	return 0;
}

Test(pdf_tok, every_kind)
{
	/* A string holding what looks like marked content is one token. */
	static const char s[] = "/P << /MCID 3 >> BDC (a\\) /Private << "
	    "/MCID 0 >> BDC) Tj [(x) -20.5 <41>] TJ EMC true null "
	    "BI /W 1 /H 1 /BPC 1 /IM true ID \x01 EI";
	struct seen	 w = { s, "", 0 };

	cr_assert_eq(gt_pdf_tokens((const unsigned char *)s, strlen(s), note,
	    &w), 0);
	cr_expect_str_eq(w.types, "N<Ni>WsW[srs]WWbnWNiNiNiNbWIW");
}

static int
stop(void *ctx, const struct gt_pdf_tok *t GT_UNUSED)
{
	return ++*(int *)ctx == 2 ? 7 : 0;
}

Test(pdf_tok, stops_and_fails)
{
	static const char ok[] = "1 2 3", bad[] = "q (unterminated",
			  stray[] = "q > Q";
	int		 n = 0;

	cr_expect_eq(gt_pdf_tokens((const unsigned char *)ok, strlen(ok),
	    stop, &n), 7, "the callback's value ends the walk");
	cr_expect_eq(n, 2);
	n = 0;
	cr_expect_eq(gt_pdf_tokens((const unsigned char *)bad, strlen(bad),
	    stop, &n), -1);
	n = -100;
	cr_expect_eq(gt_pdf_tokens((const unsigned char *)stray,
	    strlen(stray), stop, &n), -1);
	cr_expect_eq(gt_pdf_tokens(NULL, 0, stop, &n), 0);
}

/* The post-processing ----------------------------------------------------- */

#define HOSTILE	"/Private << /MCID 0 >> BDC"

static void
box(cairo_t *cr, const char *tag, double y)
{
	cairo_tag_begin(cr, tag, "");
	cairo_rectangle(cr, 10, y, 50, 10);
	cairo_fill(cr);
	cairo_tag_end(cr, tag);
}

/*
 * A page Cairo tags as the packs are: a heading whose text reads like the
 * marked content of an artifact, an artifact (GT_PDF_ARTIFACT), nfigs
 * Figures and a link; tagged 0: no tags at all.
 */
static unsigned char *
drawn(int tagged, int nfigs, size_t *len)
{
	struct gt_buf	 b = { 0 };
	cairo_surface_t	*s = cairo_pdf_surface_create_for_stream(
			    gt_chart_to_buf, &b, 200, 200);
	cairo_t		*cr = cairo_create(s);
	int		 i;

	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE,
	    "A title & <more>");
	if (tagged) {
		cairo_tag_begin(cr, "Document", "");
		cairo_tag_begin(cr, "H1", "");
	}
	cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
	    CAIRO_FONT_WEIGHT_NORMAL);
	cairo_move_to(cr, 10, 20);
	cairo_show_text(cr, HOSTILE);
	if (tagged) {
		cairo_tag_end(cr, "H1");
		box(cr, GT_PDF_ARTIFACT, 30);
		for (i = 0; i < nfigs; i++)
			box(cr, "Figure", 50 + 20 * i);
		cairo_tag_begin(cr, CAIRO_TAG_LINK,
		    "uri='https://example.org/' rect=[10 150 50 10]");
		cairo_tag_end(cr, CAIRO_TAG_LINK);
	}
	cairo_show_page(cr);
	if (tagged)
		cairo_tag_end(cr, "Document");
	cairo_destroy(cr);
	cairo_surface_finish(s);
	cr_assert_eq(cairo_surface_status(s), CAIRO_STATUS_SUCCESS);
	cairo_surface_destroy(s);
	*len = b.len;
	return (unsigned char *)gt_buf_steal(&b);
}

/* What the drawing code records for drawn(1, 1, ...). */
static void
recorded(struct gt_pdf_ua *ua, int nfigs)
{
	int	 i;

	memset(ua, 0, sizeof(*ua));
	ua->lang = "cy-GB";
	ua->date = "2025-09-30T00:00:00Z";
	gt_pdf_ua_artifact(ua, GT_PDF_LAYOUT);
	for (i = 0; i < nfigs; i++)
		gt_pdf_ua_figure(ua, "Bars & lines", 10, 50, 50, 10, 200);
	gt_pdf_ua_link(ua, "Example", 0);
}

static int
has(const unsigned char *s, size_t n, const char *what)
{
	return memmem(s, n, what, strlen(what)) != NULL;
}

Test(pdf_ua, made_accessible)
{
	struct gt_pdf_ua ua;
	unsigned char	*in, *out, *page;
	size_t		 n, len, plen;
	char		*why;
	qpdf_data	 q;
	qpdf_oh		 p;

	in = drawn(1, 1, &n);
	recorded(&ua, 1);
	cr_assert_eq(gt_pdf_ua_apply(&ua, in, n, &out, &len, &why), 0, "%s",
	    why);
	cr_assert_null(why);
	/* qpdf writes objects other than streams as plain text. */
	cr_expect(has(out, len, "/Lang (cy-GB)"));
	cr_expect(has(out, len, "/DisplayDocTitle true"));
	cr_expect(has(out, len, "/Alt (Bars & lines)"));
	cr_expect(has(out, len, "/BBox [ 10.00 140.00 60.00 150.00 ]"));
	cr_expect(has(out, len, "/Contents (Example)"), "the link's words");
	cr_expect(has(out, len, "/Tabs /S"));
	cr_expect(has(out, len, "/CreationDate (D:20250930000000Z)"));
	cr_expect(has(out, len, "<pdfuaid:part>1</pdfuaid:part>"));
	cr_expect(has(out, len, "<rdf:li>cy-GB</rdf:li>"));
	cr_expect(has(out, len, "A title &amp; &lt;more&gt;"),
	    "the title escaped in XMP");
	cr_expect(!has(out, len, "/S /Private"), "the artifact's element "
	    "left the tree");
	/* The artifact is marked content; the heading's text is as it was. */
	q = qpdf_init();
	qpdf_silence_errors(q);
	cr_assert_eq(qpdf_read_memory(q, "out", (const char *)out, len, NULL) &
	    QPDF_ERRORS, 0);
	p = qpdf_get_page_n(q, 0);
	cr_assert_eq(qpdf_oh_get_page_content_data(q, p, &page, &plen) &
	    QPDF_ERRORS, 0);
	cr_expect(has(page, plen, "/Artifact << /Type /Layout >> BDC"));
	cr_expect(has(page, plen, "(" HOSTILE ")"), "the text untouched");
	cr_expect(!has(page, plen, "\n" HOSTILE), "no artifact left as Cairo "
	    "wrote it");
	free(page);
	qpdf_cleanup(&q);
	free(out);
	free(in);
	gt_pdf_ua_clear(&ua);
	gt_pdf_ua_clear(NULL);
}

Test(pdf_ua, reproducible)
{
	struct gt_pdf_ua ua;
	unsigned char	*in, *a, *b;
	size_t		 n, na, nb;
	char		*why;

	in = drawn(1, 2, &n);
	recorded(&ua, 2);
	cr_assert_eq(gt_pdf_ua_apply(&ua, in, n, &a, &na, &why), 0, "%s",
	    why);
	cr_assert_eq(gt_pdf_ua_apply(&ua, in, n, &b, &nb, &why), 0, "%s",
	    why);
	cr_expect(na == nb && memcmp(a, b, na) == 0);
	free(a);
	free(b);
	free(in);
	gt_pdf_ua_clear(&ua);
}

/* gt_pdf_ua_apply() fails, saying why: expected in the reason. */
static void
refused(const unsigned char *in, size_t n, const struct gt_pdf_ua *ua,
    const char *expected)
{
	unsigned char	*out;
	size_t		 len;
	char		*why;

	cr_expect_eq(gt_pdf_ua_apply(ua, in, n, &out, &len, &why), -1);
	cr_expect_null(out);
	cr_assert_not_null(why);
	cr_expect(strstr(why, expected) != NULL, "'%s' does not say '%s'",
	    why, expected);
	free(why);
}

Test(pdf_ua, refuses)
{
	struct gt_pdf_ua ua;
	unsigned char	*in;
	size_t		 n;

	recorded(&ua, 1);
	in = drawn(1, 2, &n);
	refused(in, n, &ua, "2 figures, 1 links and 1 artifacts; 1, 1 and 1 "
	    "were drawn");
	free(in);
	in = drawn(0, 0, &n);
	refused(in, n, &ua, "not tagged");
	refused((const unsigned char *)"%PDF-1.5 no", 11, &ua, "PDF");
	free(in);
	in = drawn(1, 1, &n);
	ua.date = "2025-09-30";
	refused(in, n, &ua, "not a date of the form");
	free(in);
	gt_pdf_ua_clear(&ua);
}
