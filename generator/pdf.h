/*
 * pdf.h: the PDF back-end. Typesets a report pack (a [pack NAME] section
 * of site.conf) from the finished model with Pango on Cairo's PDF surface:
 * A4, a cover, contents with page numbers and links, bookmarks, running
 * header and "Page N of M" footer, headings kept with what follows, tables
 * that break between rows with their header repeated, and charts drawn as
 * vectors by charts/. The PDF is tagged (headings, paragraphs, lists,
 * tables with header cells, figures) in reading order, carries title,
 * author, subject and keywords, and is dated from the pack's as-at period
 * (or SOURCE_DATE_EPOCH), so two builds are byte-identical.
 *
 * Every pack has the same parts: cover, contents, the foreword (packs that
 * cover the whole plan), a summary of each priority in scope, the
 * exceptions (measures off target, worsening or late; actions overdue;
 * risks above appetite), then each priority in scope with its objectives,
 * measure tables, trend charts of strategic measures, actions and risks.
 *
 * Ownership: gt_pdf_new() borrows the model, which the render re-judges at
 * the pack's as-at period (the caller judges it again afterwards if it
 * needs the site's), and the text table if any; the bytes written to out
 * belong to the caller.
 *
 * A text table keeps the layouts of the text the renders set, with the
 * Pango context they are made in, across the packs of a build (up to a
 * bound): text is shaped once, then set in every pack that shows it. The
 * caller owns it and frees it after every gt_pdf that uses it. It is for
 * one process: a forked child works on a copy of its own.
 */
#ifndef GT_PDF_H
#define GT_PDF_H

#include "model.h"
#include "util.h"

struct gt_pdf;
struct gt_pdf_text;

struct gt_pdf_text	*gt_pdf_text_new(void);
void			 gt_pdf_text_free(struct gt_pdf_text *);

/* Text NULL: the render keeps its text for this pack only. */
struct gt_pdf	*gt_pdf_new(struct gt_model *, const struct gt_pack *,
		    struct gt_pdf_text *);
/* Append the PDF to out; 0, or -1 with the problem reported. */
int		 gt_pdf_render(struct gt_pdf *, struct gt_buf *out);
void		 gt_pdf_free(struct gt_pdf *);

#endif
