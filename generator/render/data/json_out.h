/*
 * json_out.h: a JSON value as text, byte for byte what jansson's
 * json_dumps(v, JSON_INDENT(1) | JSON_REAL_PRECISION(15)) writes, in a
 * fraction of its time: the open data hold tens of thousands of figures,
 * and most reals are written from their digits, not through printf.
 * Objects keep their order.
 *
 * The same text can be written as it is made, without a tree: begin an
 * object or array, then a key (in objects) before each value, then end.
 *
 *	struct gt_json_w w = { &buf };
 *	gt_jw_begin(&w, '{'); gt_jw_key(&w, "id"); gt_jw_str(&w, id);
 *	gt_jw_end(&w);
 *
 * Ownership: the value is borrowed; the text is appended to the caller's
 * buffer, which the writer borrows.
 */
#ifndef GT_JSON_OUT_H
#define GT_JSON_OUT_H

#include <jansson.h>

#include "util.h"

/* j is not changed (jansson iterates objects only through non-const). */
void	 gt_json_out(struct gt_buf *, json_t *);

/* Objects and arrays nest at most this deep. */
#define GT_JSON_W_DEPTH	32

/* A writer: zero it, then set b. */
struct gt_json_w {
	struct gt_buf	*b;
	size_t		 depth;		/* open objects and arrays */
	char		 open[GT_JSON_W_DEPTH];		/* each one's '{' or '[' */
	char		 items[GT_JSON_W_DEPTH];	/* whether it has any */
	int		 keyed;		/* a key waits for its value */
};

/* Start an object ('{') or an array ('['); end the innermost one. */
void	 gt_jw_begin(struct gt_json_w *, char);
void	 gt_jw_end(struct gt_json_w *);
void	 gt_jw_key(struct gt_json_w *, const char *);
/* A string, or null for NULL. */
void	 gt_jw_str(struct gt_json_w *, const char *);
/* A real; null if it is not finite (jansson has no such reals). */
void	 gt_jw_real(struct gt_json_w *, double);
void	 gt_jw_int(struct gt_json_w *, long long);
void	 gt_jw_bool(struct gt_json_w *, int);
void	 gt_jw_null(struct gt_json_w *);

#endif
