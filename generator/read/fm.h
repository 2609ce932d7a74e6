/*
 * fm.h: YAML front matter as a small tree (internal to the read stage).
 *
 * gt_fm_parse() returns a tree the caller owns and frees with
 * gt_fm_free(). Every node records where it was written. Anchors, aliases,
 * tags and non-scalar keys are refused: front matter is plain data.
 */
#ifndef GT_FM_H
#define GT_FM_H

#include <stddef.h>

#include "diag.h"

enum gt_fm_kind {
	GT_FM_SCALAR,
	GT_FM_SEQ,
	GT_FM_MAP
};

struct gt_fm {
	enum gt_fm_kind	 kind;
	struct gt_loc	 loc;
	char		*value;		/* SCALAR: the text */
	int		 plain;		/* SCALAR: unquoted (so "~" is null) */
	struct gt_fm	**items;	/* SEQ: items; MAP: values */
	char		**keys;		/* MAP: keys, parallel to items */
	struct gt_loc	*keylocs;	/* MAP: where each key was written */
	size_t		 n;
	unsigned char	*used;		/* MAP: per key, set by gt_fm_get() */
	struct gt_diag	*diag;		/* where problems with it are reported */
};

/*
 * Parse len bytes of YAML that start at line first_line of file. Reports
 * problems into diag (and so do gt_fm_get and gt_fm_unused on its maps)
 * and returns NULL on error; an empty text gives an empty map.
 */
struct gt_fm	*gt_fm_parse(const char *text, size_t len, const char *file,
		    int first_line, struct gt_diag *);
void		 gt_fm_free(struct gt_fm *);

/*
 * The value of key in a map, or NULL; marks it used, and reports a key
 * written twice.
 */
struct gt_fm	*gt_fm_get(struct gt_fm *map, const char *key);
/* Warn about every key of map that no gt_fm_get() asked for. */
void		 gt_fm_unused(const struct gt_fm *map);
/* Is this scalar YAML's null (empty, "~" or "null", unquoted)? */
int		 gt_fm_is_null(const struct gt_fm *);

#endif
