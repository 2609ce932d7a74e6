/*
 * serve.h: the preview server (goldthread serve). It claims the output
 * folder as a build does and holds it (its lock) while it runs; builds;
 * serves the output over HTTP; watches site.conf and the content, data
 * and layouts folders (inotify) and builds again in this process
 * (gt_build, which reuses what has not changed) after each change; then
 * tells open pages to reload (Server-Sent Events). When a build fails
 * the last good output stays and is served, with a banner of the
 * diagnostics. The banner and the reload script are added to pages as
 * they are served, never to the built files.
 *
 * Ownership: strings returned are the caller's to free; handles from a
 * _new() function are freed by its _free() (NULL-safe).
 */
#ifndef GT_SERVE_H
#define GT_SERVE_H

#include <stddef.h>

#include "build.h"
#include "util.h"

struct gt_serve_opts {
	struct gt_build_opts	 build;		/* dir, as_at, output, no_cache */
	const char		*bind;		/* a numeric address; NULL: 127.0.0.1 */
	const char		*port;		/* NULL: GT_SERVE_PORT; "0": any free */
	size_t			 max_diags;	/* diagnostics shown (0: all) */
};

#define GT_SERVE_PORT	"8080"
/* What serve adds to the output's paths: never a name a build makes. */
#define GT_SERVE_PREFIX	"/_goldthread/"

/*
 * Serve until SIGINT, SIGTERM or SIGHUP (a build under way is finished
 * first). The exit status: 0, or 2 for an output or address it cannot
 * use (said), 1 if it cannot start otherwise (said).
 */
int	gt_serve(const struct gt_serve_opts *);

/* Pages (page.c) ---------------------------------------------------------- */

enum gt_serve_path {
	GT_SERVE_PATH_OK,
	GT_SERVE_PATH_BAD,	/* refused: 400 */
	GT_SERVE_PATH_HIDDEN	/* a part starting with '.': not served */
};

/*
 * The file in the output a request's path names, from the path as sent
 * (%-escapes and all; no query): into *rel, relative, "/" and a trailing
 * '/' naming a folder's index.html. Refused: a path not starting with
 * '/'; a malformed %-escape; an escaped '/', '\', NUL or control
 * character; a '\' or control character; an empty, "." or ".." part,
 * escaped or not.
 */
enum gt_serve_path gt_serve_path(const char *raw, char **rel);

/*
 * A page as served, into b: html (len bytes) with the banner (HTML, or
 * NULL) after its <body> start tag and the reload script, told the
 * build generation gen the page is of, before its </body>.
 */
void	gt_serve_page(struct gt_buf *b, const char *html, size_t len,
	    const char *banner, unsigned long gen);
/*
 * The banner of a failed build (malloc'd): diags (its diagnostics as
 * printed, a line each) as text, no links.
 */
char	*gt_serve_banner(const char *diags);
/* The reload script (served as GT_SERVE_PREFIX "reload.js"). */
extern const char gt_serve_reload_js[];
/* The page for a path the output has no file at (and no 404.html). */
void	gt_serve_missing(struct gt_buf *);
/* The page that shows pack name's PDF (size bytes) in the browser's viewer. */
void	gt_serve_pack_page(struct gt_buf *, const char *name, long long size);
/* The page listing the packs (names, sorted) with their previews. */
void	gt_serve_pack_list(struct gt_buf *, char *const *names, size_t n);

/* What changed in the output (changes.c) ------------------------------------ */

struct gt_serve_tree;

/* The files of the output folder dir: kind, size, inode, content hash. */
struct gt_serve_tree	*gt_serve_tree_new(const char *dir);
/*
 * The files of dir now, compared with before (whose hashes are reused
 * for files not touched since): the paths of those made, changed or
 * removed into *changed (sorted, malloc'd, "/"-led), *nchanged, and
 * how many pages the output has.
 */
struct gt_serve_tree	*gt_serve_tree_diff(const struct gt_serve_tree *before,
			    const char *dir, char ***changed, size_t *nchanged,
			    size_t *pages);
/* Whether the path is of a page (.html). */
int			 gt_serve_is_page(const char *);
void			 gt_serve_tree_free(struct gt_serve_tree *);

/* Watching the inputs (watch.c) -------------------------------------------- */

struct gt_watch;

/*
 * Watch the site in folder dir: site.conf (through the site folder) and
 * site's content, data and layouts folders, every folder in them. NULL
 * (said) if inotify cannot be used.
 */
struct gt_watch	*gt_watch_new(const char *dir, const struct gt_build_site *);
/* Watch the folders site names now, if they differ from those watched. */
void		 gt_watch_update(struct gt_watch *, const struct gt_build_site *);
/* A descriptor to poll for events. */
int		 gt_watch_fd(const struct gt_watch *);
/*
 * Take the events waiting: the inputs changed (relative to the site
 * folder) are added to *names (sorted, each once); folders made, moved
 * or removed are watched anew. How many changes to inputs there were.
 */
size_t		 gt_watch_read(struct gt_watch *, char ***names, size_t *n);
void		 gt_watch_free(struct gt_watch *);
/* For gt_sort() of names (char *). */
int		 gt_serve_name_cmp(const void *, const void *);

/* The server (http.c) ------------------------------------------------------ */

struct gt_http;

/*
 * Serve the output folder root (resolved) on the listening socket fd
 * (taken: closed by gt_http_free, or here on failure); with local, only
 * requests naming this machine (Host). NULL if the server cannot start
 * (said).
 */
struct gt_http	*gt_http_new(int fd, const char *root, int local);
/*
 * A build has ended: banner (HTML, taken; NULL after a good build) is
 * shown on every page, and open pages showing any of changed (n paths,
 * "/"-led; NULL: every page) reload.
 */
void		 gt_http_publish(struct gt_http *, char *banner,
		    char *const *changed, size_t n);
/* Stop: open pages are let go, then the server. */
void		 gt_http_free(struct gt_http *);

#endif
