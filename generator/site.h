/*
 * site.h: the website back-end. Renders a finished model (linked, judged by
 * status.c, no errors) into an output folder: a page per priority,
 * objective, measure, action, portfolio and report pack, the risk register,
 * the home, "how we measure" and 404 pages, charts (SVG and PNG), open data
 * (CSV and JSON), sitemap.xml and an Atom feed. Links inside the site are
 * relative, so the folder works from any sub-path and from file://;
 * canonical URLs come from base_url.
 *
 * Ownership: gt_site_new() borrows the model (it must outlive the site
 * and may be re-judged for report packs, then judged again at the site's
 * as-at period) and owns its layouts; gt_site_free() releases it.
 */
#ifndef GT_SITE_H
#define GT_SITE_H

#include "cache.h"
#include "model.h"
#include "out.h"

struct gt_site;

/*
 * layouts: the folder of layout files (see tmpl.h); cache: charts drawn
 * by earlier builds (borrowed; NULL draws every chart).
 */
struct gt_site	*gt_site_new(struct gt_model *, const char *layouts,
		    struct gt_cache *);
/* Write everything into out; 0, or -1 with the problems reported. */
int		 gt_site_render(struct gt_site *, struct gt_out *);
void		 gt_site_free(struct gt_site *);

#endif
