/*
 * site.h: the website back-end (render.h's shape). From the finished
 * model and its judgements it makes a page per priority, objective,
 * measure, action, portfolio and report pack, the risk register, the
 * home, "how we measure", open data and 404 pages, with their charts (SVG,
 * and PNG on request), and copies the layouts' style sheet. Links inside
 * the site are relative, so the folder works from any sub-path and from
 * file://; canonical URLs come from base_url. A report pack's page is
 * judged at the pack's period, every other page at the site's.
 *
 * Pages and charts are keyed by everything they are made from, so a
 * build with a cache (render.h's gt_render_in) reuses what an earlier one
 * made: the output is byte-identical with or without it.
 */
#ifndef GT_SITE_H
#define GT_SITE_H

#include "render.h"

extern const struct gt_backend	gt_site_backend;

/* The path of a portfolio's page from the site root; the caller frees. */
char	*gt_site_portfolio_path(const char *portfolio);

#endif
