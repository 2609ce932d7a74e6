/*
 * opendata.h: the open data back-end (render.h's shape): every published
 * figure with its target and status, judged at the site's period, as
 * data/performance.csv (one row a measure and period; csv_write.h) and
 * the plan, its figures and statuses as data/performance.json.
 */
#ifndef GT_OPENDATA_H
#define GT_OPENDATA_H

#include "render.h"

extern const struct gt_backend	gt_opendata_backend;

#endif
