/* watch.c: the site's inputs watched with inotify (see serve.h). */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#include "serve.h"

/* A folder watched: its watch and its path in the site ("" the site). */
struct dir {
	int	 wd;
	char	*rel;
};

enum { CONTENT, DATA, LAYOUTS, TOPS };

struct gt_watch {
	char		*root;		/* the site folder */
	int		 fd;
	struct dir	*v;
	size_t		 n, cap;
	char		*top[TOPS];	/* the folders watched through, as named */
};

/* What a change to a file or folder in a watched folder is. */
#define CHANGES	(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | \
		    IN_DELETE)

static struct dir *
dir_of(const struct gt_watch *w, int wd)
{
	size_t	 i;

	for (i = 0; i < w->n; i++)
		if (w->v[i].wd == wd)
			return &w->v[i];
	return NULL;
}

/* Watch the folder rel (and, if deep, every folder in it) into v. */
static void
add(struct gt_watch *w, struct dir **v, size_t *n, size_t *cap,
    const char *rel, int deep, int depth)
{
	char		*path, *sub;
	struct dirent	*e;
	struct stat	 st;
	DIR		*d;
	size_t		 i;
	int		 wd;

	path = *rel != '\0' ? gt_xasprintf("%s/%s", w->root, rel) :
	    gt_xstrdup(w->root);
	wd = inotify_add_watch(w->fd, path, CHANGES | IN_ONLYDIR |
	    (deep ? IN_DELETE_SELF | IN_MOVE_SELF : 0));
	for (i = 0; wd != -1 && i < *n; i++)
		if ((*v)[i].wd == wd)	/* reached twice, through a link */
			wd = -1;
	if (wd == -1) {
		free(path);
		return;
	}
	*GT_PUSH(*v, *n, *cap) = (struct dir){ wd, gt_xstrdup(rel) };
	if (deep && depth < GT_MAX_DEPTH && (d = opendir(path)) != NULL) {
		while ((e = readdir(d)) != NULL) {
			if (e->d_name[0] == '.')
				continue;
			sub = gt_xasprintf("%s/%s", path, e->d_name);
			if (stat(sub, &st) == 0 && S_ISDIR(st.st_mode)) {
				free(sub);
				sub = gt_xasprintf("%s/%s", rel, e->d_name);
				add(w, v, n, cap, sub, deep, depth + 1);
			}
			free(sub);
		}
		closedir(d);
	}
	free(path);
}

/* Watch the site folder and every folder under the tops, as they are now. */
static void
rescan(struct gt_watch *w)
{
	struct dir	*v = NULL;
	size_t		 n = 0, cap = 0, i, k;

	add(w, &v, &n, &cap, "", 0, 0);
	for (i = 0; i < TOPS; i++)
		add(w, &v, &n, &cap, w->top[i], 1, 0);
	/* Folders no longer in the site (moved out, or a link gone). */
	for (i = 0; i < w->n; i++) {
		for (k = 0; k < n && v[k].wd != w->v[i].wd; k++)
			continue;
		if (k == n)
			inotify_rm_watch(w->fd, w->v[i].wd);
		free(w->v[i].rel);
	}
	free(w->v);
	w->v = v;
	w->n = n;
	w->cap = cap;
}

static int
set_tops(struct gt_watch *w, const struct gt_build_site *s)
{
	const char	*now[TOPS] = { s->content, s->data, s->layouts };
	int		 i, changed = 0;

	for (i = 0; i < TOPS; i++) {
		if (now[i] == NULL || (w->top[i] != NULL &&
		    strcmp(w->top[i], now[i]) == 0))
			continue;
		free(w->top[i]);
		w->top[i] = gt_xstrdup(now[i]);
		changed = 1;
	}
	return changed;
}

struct gt_watch *
gt_watch_new(const char *dir, const struct gt_build_site *s)
{
	struct gt_watch	*w;
	int		 fd;

	if ((fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) == -1) {
		fprintf(stderr, "goldthread: cannot watch the site for "
		    "changes: %s\n", strerror(errno));
		return NULL;
	}
	w = gt_xcalloc(1, sizeof(*w));
	w->fd = fd;
	w->root = gt_xstrdup(dir);
	set_tops(w, s);
	rescan(w);
	return w;
}

void
gt_watch_update(struct gt_watch *w, const struct gt_build_site *s)
{
	if (set_tops(w, s))
		rescan(w);
}

int
gt_watch_fd(const struct gt_watch *w)
{
	return w->fd;
}

/* Whether a change to name in the site folder is one to an input. */
static int
input_at_top(const struct gt_watch *w, const char *name)
{
	size_t	 i, n;

	if (strcmp(name, "site.conf") == 0)
		return 1;
	for (i = 0; i < TOPS; i++) {
		n = strcspn(w->top[i], "/");
		if (strlen(name) == n && strncmp(w->top[i], name, n) == 0)
			return 1;
	}
	return 0;
}

static int
ends(const char *s, const char *suffix)
{
	size_t	 n = strlen(s), k = strlen(suffix);

	return n > k && strcmp(s + n - k, suffix) == 0;
}

/*
 * Whether name (a folder if dir), in the watched folder d, is something
 * a build reads: in the layouts folder every file, in the content and
 * data folders only what the readers take (not an editor's or sed's
 * file on the way to becoming one), and every folder but hidden ones.
 */
static int
input(const struct gt_watch *w, const struct dir *d, const char *name,
    int dir)
{
	const char	*l = w->top[LAYOUTS];
	size_t		 n = strlen(l);

	if (name[0] == '.' || name[0] == '#' || ends(name, "~"))
		return 0;
	if (*d->rel == '\0')
		return input_at_top(w, name);
	if (dir || (strncmp(d->rel, l, n) == 0 && (d->rel[n] == '\0' ||
	    d->rel[n] == '/')))
		return 1;
	return ends(name, ".md") || ends(name, ".csv");
}

int
gt_serve_name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

size_t
gt_watch_read(struct gt_watch *w, char ***names, size_t *n)
{
	char				 buf[16384]
					    __attribute__((aligned(8)));
	const struct inotify_event	*ev;
	const struct dir		*d;
	size_t				 cap = *n, seen = 0, i, k;
	ssize_t				 len;
	char				*p;
	int				 again = 0;

	while ((len = read(w->fd, buf, sizeof(buf))) > 0) {
		for (p = buf; p < buf + len; p += sizeof(*ev) + ev->len) {
			ev = (const struct inotify_event *)(void *)p;
			if (ev->mask & IN_Q_OVERFLOW) {
				*GT_PUSH(*names, *n, cap) =
				    gt_xstrdup("(too many to list)");
				again = 1;
				seen++;
				continue;
			}
			if ((d = dir_of(w, ev->wd)) == NULL)
				continue;
			if (ev->mask & (IN_DELETE_SELF | IN_MOVE_SELF |
			    IN_IGNORED)) {
				again = 1;
				continue;
			}
			if (ev->len == 0 || !input(w, d, ev->name,
			    (ev->mask & IN_ISDIR) != 0))
				continue;
			if (ev->mask & IN_ISDIR)
				again = 1;
			seen++;
			*GT_PUSH(*names, *n, cap) = *d->rel == '\0' ?
			    gt_xstrdup(ev->name) : gt_xasprintf("%s/%s",
			    d->rel, ev->name);
		}
	}
	if (again)
		rescan(w);
	/* Sorted, each once. */
	gt_sort(*names, *n, sizeof(**names), gt_serve_name_cmp);
	for (i = k = 0; i < *n; i++) {
		if (k > 0 && strcmp((*names)[k - 1], (*names)[i]) == 0)
			free((*names)[i]);
		else
			(*names)[k++] = (*names)[i];
	}
	*n = k;
	return seen;
}

void
gt_watch_free(struct gt_watch *w)
{
	size_t	 i;

	if (w == NULL)
		return;
	for (i = 0; i < w->n; i++)
		free(w->v[i].rel);
	free(w->v);
	for (i = 0; i < TOPS; i++)
		free(w->top[i]);
	free(w->root);
	close(w->fd);
	free(w);
}
