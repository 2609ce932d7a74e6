/*
 * feeds.h: the feeds back-end (render.h's shape): sitemap.xml, every
 * page but 404.html with its absolute address, and feed.xml, an Atom feed
 * of the report packs, each dated by its own as-at period (never the
 * clock, so builds reproduce). Both need absolute addresses, so there are
 * no jobs without a base_url.
 */
#ifndef GT_FEEDS_H
#define GT_FEEDS_H

#include "render.h"

extern const struct gt_backend	gt_feeds_backend;

#endif
