/*
 * render.h: the one shape of every back-end (the site's pages, the PDF
 * packs, open data, feeds). A back-end is made for one build from the
 * finished model and its judgements, both const: no back-end changes
 * either. It says how many jobs it has and renders any one of them into
 * a sink; a job is independent of every other, so the build driver
 * (build.h) may give them to any process in any order. The driver
 * reaches back-ends only through this interface.
 *
 * Ownership: what new() returns is the back-end's, freed by free(); it
 * borrows everything in gt_render_in, which must outlive it.
 */
#ifndef GT_RENDER_H
#define GT_RENDER_H

#include <stddef.h>

#include "cache.h"
#include "judge.h"

/* What a back-end is made from. */
struct gt_render_in {
	const struct gt_model		 *m;
	const struct gt_judgement	 *site;		/* at the site's as-at */
	const struct gt_judgement *const *packs;	/* one a pack, at its own */
	const struct gt_judgement *const *since;	/* one a pack, at its since;
							   or status --since's */
	const char			 *layouts;	/* the layouts folder */
	struct gt_cache			 *cache;	/* NULL: none */
};

/*
 * Where a job's files go, and its problems (diag: the set of the process
 * it runs in). write: 0, or -1 (reported). reuse: put the
 * file kept for key at rel instead of making it (0), or -1 if none is
 * kept. keep: keep the file just written at rel (its bytes too) as the
 * one for key. size: the size of a file this build wrote, or -1.
 */
struct gt_sink {
	int	 (*write)(void *, const char *rel, const void *, size_t);
	int	 (*reuse)(void *, const char *key, const char *rel);
	void	 (*keep)(void *, const char *key, const char *rel,
		    const void *, size_t);
	long long (*size)(void *, const char *rel);
	void	  *ctx;
	struct gt_diag *diag;
};

/* When a job may run. */
enum gt_when {
	GT_JOB_ANY,		/* any process, any time */
	GT_JOB_SPARKS,		/* likewise; it shows sparklines (see build.c) */
	GT_JOB_LAST		/* after every other job (it reads their files) */
};

struct gt_backend {
	const char	*name;
	void		*(*new)(const struct gt_render_in *);
	size_t		 (*jobs)(void *);
	enum gt_when	 (*when)(void *, size_t job);	/* NULL: any */
	/* 0, or -1 with the problem reported. */
	int		 (*render)(void *, size_t job, struct gt_sink *);
	void		 (*free)(void *);
};

#endif
