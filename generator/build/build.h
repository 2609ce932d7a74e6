/*
 * build.h: the build driver. It runs the stages in order (read, link,
 * judge, then every back-end) and owns what lies between them: the
 * judgements each output is made from, the list of jobs, the processes
 * that take them, and where their files go (the output folder, swapped
 * in whole, with its cache; a file; standard output). Back-ends are
 * reached only through render.h. Every function may be called again and
 * again in one process (a preview server rebuilds with gt_build).
 *
 * Diagnostics are reported into the set each function is given (a worker
 * process reports into one of its own, merged back with exact totals);
 * the caller prints them once and turns them into the exit status.
 */
#ifndef GT_BUILD_H
#define GT_BUILD_H

#include "judge.h"

struct gt_build_site;

struct gt_build_opts {
	const char	*dir;		/* the site folder */
	const char	*as_at;		/* --as-at, or NULL: site.conf's */
	int		 strict;	/* warnings stop it too */
	const char	*output;	/* -o, or NULL: [paths] output */
	const char	*pack;		/* --pack NAME, or NULL: the site */
	int		 no_cache;
	int		 force;		/* adopt an output folder not ours */
	int		 no_wait;	/* another build of it: stop */
	/*
	 * For a caller that builds again and again (serve): it holds the
	 * output's lock (gt_build_claim) and says what was built (no
	 * "built" line); the site's folders as this build read them are
	 * put in seen, if set, whatever the outcome. With keep_packs, each
	 * pack's PDF the output has already is copied from it, not typeset
	 * again (the pages first: a build without it brings the packs up
	 * to date after); how many is put in seen.
	 */
	int			 locked;
	int			 keep_packs;
	struct gt_build_site	*seen;
};

/*
 * Read and link the site; NULL if it has errors (or warnings, with
 * strict), since nothing may run on a broken model. The caller frees the
 * model with gt_model_free().
 */
struct gt_model	*gt_load(const struct gt_build_opts *, struct gt_diag *);

/*
 * The judgements the outputs are made from: the site's, and one a pack
 * at its own period and one at the period it compares with (judgements
 * of one period are shared). Free with gt_judgements_free().
 */
struct gt_judgements {
	struct gt_judgement	 *site;
	struct gt_judgement	**packs;	/* one a pack */
	struct gt_judgement	**since;	/* one a pack: its since */
	struct gt_judgement	**own;		/* those to free */
	size_t			  nown;
};

void	gt_judgements(struct gt_judgements *, const struct gt_model *);
void	gt_judgements_free(struct gt_judgements *);

/* The status table (csv 0) or CSV (1) on standard output; 0 or -1. */
int	gt_build_status(const struct gt_model *, int csv, struct gt_diag *);

/*
 * What changed from the period since to the site's as-at period, as a
 * table (csv 0) or CSV (1) on standard output; 0 or -1.
 */
int	gt_build_changes(const struct gt_model *, const struct gt_period *since,
	    int csv, struct gt_diag *);

/* Each pack's name, periods, audience, title and PDF as CSV; 0 or -1. */
int	gt_build_packs(const struct gt_model *, struct gt_diag *);

/* What a chart command draws: the format comes from path's end. */
struct gt_chart_opts {
	const char	*measure;	/* its id */
	const char	*path;		/* .png, .svg or .pdf; NULL: none */
	int		 alt;		/* print the description */
	int		 no_source;	/* no footer (source, date) */
	double		 width, height, scale;	/* 0: the default */
};

/* One measure's trend chart; 0, -1 (reported) or GT_BUILD_NO_MEASURE. */
int	gt_build_chart(const struct gt_model *, const struct gt_chart_opts *,
	    struct gt_diag *);

enum {
	GT_BUILD_NO_PACK = -2,		/* no [pack NAME] in site.conf */
	GT_BUILD_NO_MEASURE = -3,	/* no measure with the id */
	GT_BUILD_REFUSED = -4,		/* not an output to write (said) */
	GT_BUILD_BUSY = -5		/* another build of it runs (said) */
};

/*
 * Build the site into the output folder (opts: output, pack, no_cache,
 * force, no_wait), or one pack's PDF into a file (-o, or NAME.pdf): read,
 * link, judge, render, swap in. The output must be goldthread's and
 * apart from the site's inputs (own.h); it is locked while it is built.
 * 0, -1 with the problems reported, or one of the GT_BUILD_ above.
 */
int	gt_build(const struct gt_build_opts *, struct gt_diag *);

/*
 * A site as a caller that builds it again and again sees it: the folders
 * it is read from ([paths], relative to the site folder) and the output
 * folder, held (its lock) from gt_build_claim() to gt_build_site_free().
 */
struct gt_build_site {
	char	*content;
	char	*data;
	char	*layouts;
	char	*output;	/* resolved (links followed) */
	int	 lock;		/* the output's lock (own.h), or -1 */
	size_t	 packs_kept;	/* by the last build, with keep_packs */
};

/*
 * Claim the output folder opts names (-o, or [paths] output) as gt_build
 * claims it: apart from the site's inputs, locked (waiting for a build
 * of it that runs, or with no_wait GT_BUILD_BUSY), goldthread's; the
 * lock is kept in site. The site is read for its settings only: its
 * problems, reported into diag, are for the caller to drop (the builds
 * report them). 0, or a GT_BUILD_ code (said); site is filled either
 * way, for gt_build_site_free().
 */
int	gt_build_claim(const struct gt_build_opts *, struct gt_build_site *,
	    struct gt_diag *);
/* Free what site holds and let its lock go; NULL-safe. */
void	gt_build_site_free(struct gt_build_site *);

#endif
