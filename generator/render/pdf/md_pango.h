/*
 * md_pango.h: a Markdown body for the PDF back-end, through the walk every
 * back-end shares (md_walk.h). Each block of text (a paragraph, heading
 * or code block) is handed over whole, as Pango markup with its links;
 * lists, items and quotes are announced as they open and close. The
 * laying out is the back-end's.
 *
 * A link is a byte range of the text Pango shows for the markup (what
 * pango_layout_get_text() returns), so each address goes with its own
 * words whatever else the paragraph holds. After a link's words its
 * address follows in brackets, for readers of a printed page. Text is
 * made fit for Pango on the way (gt_pango_breakable, GT_PANGO_BLOCK).
 */
#ifndef GT_MD_PANGO_H
#define GT_MD_PANGO_H

#include "md_walk.h"
#include "util.h"

struct gt_md_link {
	int		 start, end;	/* bytes of the shown text */
	const char	*url;		/* borrowed from the document */
};

/* One block of text: its markup, the same as plain text, and its links. */
struct gt_md_text {
	struct gt_buf		 markup;
	struct gt_buf		 plain;
	struct gt_md_link	*links;
	size_t			 nlinks, cap;
};

struct gt_md_blocks {
	/* A paragraph, heading or code block (v says which), with its text. */
	void	(*block)(void *, const struct gt_md_node *,
		    const struct gt_md_text *);
	/* A list, item or quote opens, and closes. */
	void	(*open)(void *, const struct gt_md_node *);
	void	(*close)(void *, const struct gt_md_node *);
};

/*
 * Append s to b, as gt_md_pango does with every text: where a run of more
 * than GT_PANGO_RUN bytes has no space to break a line at, a zero-width
 * space (U+200B) is put between every GT_PANGO_CHUNK characters of it.
 * Pango's line breaking takes time quadratic in the length of an
 * unbroken run (32 s for one of 200 KB), and no word or address is so
 * long; text of Pango markup must be added before it is escaped.
 */
#define GT_PANGO_RUN	1000
#define GT_PANGO_CHUNK	32
/*
 * Pango 1.50 lays a text of some hundreds of kilobytes out as one line
 * that runs off the page: a block is handed over in pieces of at most
 * this many bytes of shown text (cut at a space where it can be), each
 * laid out on its own.
 */
#define GT_PANGO_BLOCK	32768
void	gt_pango_breakable(struct gt_buf *b, const char *s);

/* Walk doc (NULL: nothing), handing its blocks to ops with ctx. */
void	gt_md_pango(cmark_node *doc, const struct gt_md_blocks *, void *ctx);

#endif
