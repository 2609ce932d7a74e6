/*
 * pdf.h: the PDF back-end (render.h's shape): a job a report pack (a
 * [pack NAME] section of site.conf), written to reports/NAME.pdf. Each
 * pack is typeset from the finished model and the pack's own judgement
 * (at its as_at) with Pango on Cairo's PDF surface: A4, a cover, contents
 * with page numbers and links, bookmarks, running header and "Page N of
 * M" footer, headings kept with what follows, tables that break between
 * rows with their header repeated, and charts drawn as vectors by
 * charts/. The PDF is tagged (headings, paragraphs, lists, tables with
 * header cells, figures) in reading order, carries title, author, subject
 * and keywords, and is dated from the pack's as-at period (or
 * SOURCE_DATE_EPOCH), so two builds are byte-identical.
 *
 * Every pack has the same parts: cover, contents, the foreword (packs that
 * cover the whole plan), a summary of each priority in scope (counting
 * what the pack covers), the exceptions (measures off target, worsening
 * or late; actions overdue; risks above appetite), then each priority in
 * scope with its objectives, measure tables, trend charts of strategic
 * measures, actions and risks.
 *
 * The back-end keeps the layouts of the text it sets, with the Pango
 * context they are made in, across the packs of a build (up to a bound):
 * text is shaped once, then set in every pack that shows it. A forked
 * process works on a copy of its own.
 */
#ifndef GT_PDF_H
#define GT_PDF_H

#include "render.h"

extern const struct gt_backend	gt_pdf_backend;

#endif
