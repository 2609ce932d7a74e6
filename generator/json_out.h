/*
 * json_out.h: a JSON value as text, byte for byte what jansson's
 * json_dumps(v, JSON_INDENT(1) | JSON_REAL_PRECISION(15)) writes, in a
 * fraction of its time: the open data hold tens of thousands of figures,
 * and most reals are written from their digits, not through printf.
 * Objects keep their order.
 *
 * Ownership: the value is borrowed; the text is appended to the caller's
 * buffer.
 */
#ifndef GT_JSON_OUT_H
#define GT_JSON_OUT_H

#include <jansson.h>

#include "util.h"

void	 gt_json_out(struct gt_buf *, const json_t *);

#endif
