/*
 * cache.h: files a build made before, found again by the key of what they
 * were made from, so that a rebuild after a small change redraws only the
 * charts whose input changed. The output is byte-identical with or without
 * the cache.
 *
 * Keys are combined with the program's own identity (a hash of the
 * running executable and of the pinned font files' sizes and dates), so a
 * new build of goldthread or new fonts never reuse old files. Entries are
 * written whole (temporary file, then rename) and copied into the output
 * (never linked: an edit of a published file must not reach the cache),
 * in folders with goldthread's marker (own.h). Entries not used by a
 * successful build are removed by gt_cache_sweep(), so the cache holds one
 * build's worth. Safe for several processes of one build at once, which
 * hand their use of entries to the one that sweeps (gt_cache_export).
 *
 * Ownership: gt_cache_new() returns a handle the caller frees with
 * gt_cache_free(); NULL-safe throughout (a NULL cache caches nothing).
 */
#ifndef GT_CACHE_H
#define GT_CACHE_H

#include <stddef.h>
#include <stdio.h>

#include "out.h"

struct gt_cache;

/*
 * A cache in the folder dir (made as needed); NULL if it cannot be used
 * (said on stderr if dir is there but not goldthread's).
 */
struct gt_cache	*gt_cache_new(const char *dir);
/* The cache for an output folder: ".NAME.cache" beside it. */
struct gt_cache	*gt_cache_new_beside(const char *outdir);
/* Put the entry for key at rel in out; 0 if it was there, else -1. */
int		 gt_cache_get(struct gt_cache *, const char *key,
		    struct gt_out *, const char *rel);
/* Whether there is an entry for key (marked used if so): 1 or 0. */
int		 gt_cache_has(struct gt_cache *, const char *key);
/* The entry for key into *data (malloc'd, NUL-ended) and *len; 0 or -1. */
int		 gt_cache_read(struct gt_cache *, const char *key,
		    char **data, size_t *len);
/* Keep data as the entry for key; 0, or -1 if it could not be kept. */
int		 gt_cache_put(struct gt_cache *, const char *key,
		    const void *data, size_t len);
/*
 * Keep data, just written at rel in out, as the entry for key (a copy),
 * and note in out that rel is that entry's.
 */
void		 gt_cache_keep(struct gt_cache *, const char *key,
		    struct gt_out *, const char *rel, const void *data,
		    size_t len);
/*
 * The keys used so far, a line each, for another process of the build to
 * import: a second process's use is known only to it.
 */
void		 gt_cache_export(const struct gt_cache *, FILE *);
void		 gt_cache_import(struct gt_cache *, const char *, size_t);
/* Remove the entries this build (with what it imported) did not use. */
void		 gt_cache_sweep(struct gt_cache *);
void		 gt_cache_free(struct gt_cache *);

#endif
