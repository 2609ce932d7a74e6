/*
 * out.h: the write stage. Output goes into a fresh folder beside the
 * target (".NAME.tmp-PID"), and only a finished build is swapped in, in
 * one rename, so a failed or killed build leaves the last good output
 * exactly as it was. Every folder it makes holds goldthread's marker
 * (own.h), files are made new (never written through a link or into one
 * there before), and only trees with the marker are ever removed. The
 * caller holds the output's lock (gt_own_lock) and has made sure the
 * output folder is goldthread's (gt_own_adopt).
 *
 * Ownership: gt_out_new() returns a handle the caller ends with either
 * gt_out_commit() or gt_out_free() (which discards the unfinished folder).
 */
#ifndef GT_OUT_H
#define GT_OUT_H

#include <stddef.h>
#include <stdio.h>

#include "diag.h"

struct gt_out;

/*
 * Start an output for the folder dir (links resolved, its parent there),
 * reporting into diag;
 * NULL (reported) if it cannot be made.
 */
struct gt_out	*gt_out_new(const char *dir, struct gt_diag *);
/*
 * Where its problems are reported from now on (gt_out_new's diag until
 * then): a worker process reports into a set of its own.
 */
void		 gt_out_report_to(struct gt_out *, struct gt_diag *);
/* Write a file at rel (folders made as needed); 0, or -1 (reported). */
int		 gt_out_write(struct gt_out *, const char *rel, const void *,
		    size_t);
/*
 * A copy of the file open at from at rel (a new file); 0, or -1 (if the
 * file cannot be made, reported; if the copy fails part way, not: the
 * caller writes it instead).
 */
int		 gt_out_copy(struct gt_out *, const char *rel, int from);
/* A new file at rel, open for writing, for the caller to close; or -1. */
int		 gt_out_open(struct gt_out *, const char *rel);
/* The size of the file this build made at rel, or -1. */
long long	 gt_out_size(const struct gt_out *, const char *rel);
/* Make the folders above rel and return the full staging path; caller frees. */
char		*gt_out_path(struct gt_out *, const char *rel);
/*
 * Whether the file at rel in a tree an earlier build made was made from
 * the cache entry key, as this build's would be, and is as that build
 * left it (the same inode, size and change time: not edited in place
 * since): then it stays (1), else it is removed for the new one (0).
 * gt_out_new() takes over the tree the build before last published,
 * where its list of keys survives: only the files that changed are made
 * and removed.
 */
int		 gt_out_reused(struct gt_out *, const char *rel,
		    const char *key);
/* Note that the file at rel is a copy of the cache entry key. */
void		 gt_out_keyed(struct gt_out *, const char *rel,
		    const char *key);
/*
 * The files made so far, a line each, for the process that commits to
 * import: a second process's files are known only to it.
 */
void		 gt_out_export(const struct gt_out *, FILE *);
void		 gt_out_import(struct gt_out *, const char *, size_t);
/*
 * Swap the finished folder in; 0, or -1 (reported, old output kept). The
 * old output is kept as ".NAME.prev" for the next build to take over,
 * with ".NAME.list-ID" files saying what each tree was made from.
 */
int		 gt_out_commit(struct gt_out *);
/*
 * Discard an unfinished output (NULL-safe); after commit, wait for the old
 * output's removal and free.
 */
void		 gt_out_free(struct gt_out *);

#endif
