/*
 * opendata.h: the open data back-end (render.h's shape): every published
 * figure with its target and status, judged at the site's period, as
 * data/performance.csv (one row a measure and period; csv_write.h); the
 * whole plan with every figure, target, comparison, action, risk and
 * finance row as data/performance.json; and that file's JSON Schema
 * (performance.schema.json beside this file, which the Makefile builds
 * into the program) as data/performance.schema.json.
 */
#ifndef GT_OPENDATA_H
#define GT_OPENDATA_H

#include <stddef.h>

#include "render.h"

extern const struct gt_backend	gt_opendata_backend;

/* performance.schema.json as committed (the Makefile's schema_json.c). */
extern const unsigned char	gt_schema_json[];
extern const size_t		gt_schema_json_len;

#endif
