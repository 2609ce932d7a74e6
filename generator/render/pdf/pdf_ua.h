/*
 * pdf_ua.h: a finished, tagged PDF made to PDF/UA-1 (ISO 14289-1), in
 * memory, before the build keeps it: what Cairo 1.16 cannot write. The
 * objects are edited with libqpdf (Debian's libqpdf-dev; pdf_qpdf.cc says
 * why through its C++ API) and the file written again by libqpdf,
 * deterministically (its /ID made from the content, no clock), so that
 * identical input still gives identical bytes.
 *
 * The drawing code records what only it knows, in the order it draws
 * (struct gt_pdf_ua): each Figure's alternative text and box, the words
 * of each link and the kind of each artifact. Then gt_pdf_ua_apply() gives
 * - the catalog /Lang, /ViewerPreferences /DisplayDocTitle true,
 *   /PageMode /UseOutlines (with bookmarks), and XMP metadata (dc:title,
 *   dc:creator, dc:description, dc:language, pdf:Keywords, the dates,
 *   pdfuaid:part 1) from the Info dictionary, whose dates it also gives
 *   in PDF's D: form;
 * - each Figure structure element /Alt and /A << /O /Layout /BBox >>;
 * - each TH /Scope: /Column in a row of header cells only, else /Row;
 * - each Link's annotations /Contents (its words), and the Link /Alt
 *   when its words were drawn outside it (in the paragraph around it);
 * - each page with annotations /Tabs /S;
 * - artifacts: what was drawn inside a GT_PDF_ARTIFACT structure tag
 *   becomes an /Artifact marked-content sequence of the kind recorded for
 *   it, and its element leaves the structure tree. Page content is read
 *   with qpdf's tokenizer (pdf_tok.h), never by hand, up to the page's last
 *   artifact: drawn before the rest, they keep that short.
 */
#ifndef GT_PDF_UA_H
#define GT_PDF_UA_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * The structure tag (cairo_tag_begin) for content that is not read. Cairo
 * 1.16 takes only the standard structure types (not yet "Artifact"):
 * this one, ISO 32000's content private to the program that made the
 * file, is otherwise unused.
 */
#define GT_PDF_ARTIFACT		"Private"

/* What an artifact is, as ISO 32000-1 14.8.2.2 names them. */
enum gt_pdf_artifact {
	GT_PDF_LAYOUT,		/* a rule */
	GT_PDF_PAGINATION,	/* repeated on each page: a table's header */
	GT_PDF_HEADER,		/* the running header */
	GT_PDF_FOOTER		/* the running footer and page number */
};

struct gt_pdf_figure {
	char	*alt;
	double	 box[4];	/* left, bottom, right, top: PDF points */
};

struct gt_pdf_link {
	char	*words;
	int	 inside;	/* the words were drawn inside the Link tag */
};

struct gt_pdf_ua {
	/* Borrowed, set by the caller. */
	const char		*lang;	/* BCP 47, e.g. "en-GB" */
	const char		*date;	/* "2025-09-30T00:00:00Z" */
	const char		*title;	/* NULL: the Info dictionary's */
	/* Owned: filled while drawing, freed by gt_pdf_ua_clear(). */
	struct gt_pdf_figure	*figs;
	size_t			 nfigs, capfigs;
	struct gt_pdf_link	*links;
	size_t			 nlinks, caplinks;
	enum gt_pdf_artifact	*arts;
	size_t			 narts, caparts;
};

/*
 * The next Figure tag: alt, drawn at x, y (from the top of a page_h high
 * page, as Cairo measures), w by h.
 */
void	gt_pdf_ua_figure(struct gt_pdf_ua *, const char *alt, double x,
	    double y, double w, double h, double page_h);
/* The next link tag, with its words. */
void	gt_pdf_ua_link(struct gt_pdf_ua *, const char *words, int inside);
/* The next GT_PDF_ARTIFACT tag's kind. */
void	gt_pdf_ua_artifact(struct gt_pdf_ua *, enum gt_pdf_artifact);
/* Free what was recorded (NULL-safe); the borrowed fields stay. */
void	gt_pdf_ua_clear(struct gt_pdf_ua *);

/*
 * The n bytes of pdf made accessible as above, into *out (malloc'd; the
 * caller frees) and *outlen: 0, or -1 with *why (the caller frees) saying
 * why: a PDF that libqpdf cannot read or had to mend, or figures, links
 * and artifacts that do not match those recorded.
 */
int	gt_pdf_ua_apply(const struct gt_pdf_ua *, const unsigned char *pdf,
	    size_t n, unsigned char **out, size_t *outlen, char **why);

#ifdef __cplusplus
}
#endif

#endif
