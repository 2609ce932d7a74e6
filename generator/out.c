/* out.c: build aside, then swap in. */
#define _GNU_SOURCE		/* nftw(), renameat2() */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "out.h"
#include "util.h"

struct gt_out {
	char	*dir;		/* the output folder as given */
	char	*tmp;		/* staging folder beside it */
	int	 lock;		/* held on the staging folder while building */
	int	 committed;
	char	*old;		/* the replaced folder, being removed */
	pthread_t remover;	/* by this thread, if old is set */
	char	**made;		/* folders in tmp known to exist, as rel */
	size_t	 nmade, cap;
};

static void
report(const char *path, const char *what)
{
	struct gt_loc	 loc = { path, 0, 0 };

	gt_msg(GT_E_WRITE, &loc, "%s: %s", what, strerror(errno));
}

static int
rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	return remove(path);
}

void
gt_out_rm_tree(const char *path)
{
	nftw(path, rm_entry, 32, FTW_DEPTH | FTW_PHYS);
}

static void *
remove_old(void *path)
{
	gt_out_rm_tree(path);
	return NULL;
}

/*
 * The folder a commit replaced (path, taken) is not needed by anything
 * after: it is removed (thousands of files) while the caller goes on, and
 * waited for by gt_out_free(). Removed here and now if no thread starts.
 */
static void
drop(struct gt_out *o, char *path)
{
	o->old = path;
	if (pthread_create(&o->remover, NULL, remove_old, path) != 0) {
		gt_out_rm_tree(path);
		o->old = NULL;
		free(path);
	}
}

/* mkdir -p for the folders above the last slash of path, after from. */
static int
make_parents(char *path, size_t from)
{
	char	*p;

	for (p = strchr(path + from + 1, '/'); p != NULL;
	    p = strchr(p + 1, '/')) {
		*p = '\0';
		if (mkdir(path, 0777) == -1 && errno != EEXIST) {
			*p = '/';
			return -1;
		}
		*p = '/';
	}
	return 0;
}

/*
 * Staging folders of builds that were killed (".NAME.tmp-PID", and the
 * ".old-PID" a swap leaves) are removed: a running build holds a lock on
 * its own, which the kernel drops when it dies (a process id could be
 * reused, or linger as a zombie).
 */
static void
rm_stale(const char *parent, const char *name)
{
	DIR		*d = opendir(parent);
	struct dirent	*e;
	char		**dead = NULL;
	char		*prefix = gt_xasprintf(".%s.tmp-", name), *path;
	size_t		 n = strlen(prefix), i, ndead = 0, cap = 0;
	int		 fd;

	while (d != NULL && (e = readdir(d)) != NULL) {
		if (strncmp(e->d_name, prefix, n) != 0)
			continue;
		path = gt_xasprintf("%s/%s", parent, e->d_name);
		fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		if (fd != -1 && flock(fd, LOCK_EX | LOCK_NB) == 0)
			/* Removed after the walk: readdir may skip what changes. */
			*GT_PUSH(dead, ndead, cap) = path;
		else
			free(path);
		if (fd != -1)
			close(fd);
	}
	if (d != NULL)
		closedir(d);
	for (i = 0; i < ndead; i++) {
		gt_out_rm_tree(dead[i]);
		free(dead[i]);
	}
	free(dead);
	free(prefix);
}

/* The folder above dir ("." if none) and dir's own name; the caller frees both. */
static void
split(const char *dir, char **parent, char **name)
{
	char	*d = gt_xstrdup(dir), *slash;

	while (strlen(d) > 1 && d[strlen(d) - 1] == '/')
		d[strlen(d) - 1] = '\0';
	if ((slash = strrchr(d, '/')) == NULL) {
		*parent = gt_xstrdup(".");
		*name = d;
		return;
	}
	*name = gt_xstrdup(slash + 1);
	*parent = slash == d ? gt_xstrdup("/") :
	    gt_xstrndup(d, (size_t)(slash - d));
	free(d);
}

char *
gt_out_beside(const char *dir, const char *suffix)
{
	char	*parent, *name, *path;

	split(dir, &parent, &name);
	path = gt_xasprintf("%s/.%s%s", strcmp(parent, "/") == 0 ? "" : parent,
	    name, suffix);
	free(parent);
	free(name);
	return path;
}

struct gt_out *
gt_out_new(const char *dir)
{
	struct gt_out	*o = gt_xcalloc(1, sizeof(*o));
	char		*d, *parent, *name;

	o->dir = gt_xstrdup(dir);
	while (strlen(o->dir) > 1 && o->dir[strlen(o->dir) - 1] == '/')
		o->dir[strlen(o->dir) - 1] = '\0';
	d = gt_xasprintf(".tmp-%ld", (long)getpid());
	o->tmp = gt_out_beside(o->dir, d);
	free(d);
	split(o->dir, &parent, &name);
	rm_stale(parent, name);
	free(parent);
	free(name);
	d = gt_xasprintf("%s/", o->tmp);
	gt_out_rm_tree(o->tmp);
	o->lock = -1;
	if (make_parents(d, 0) == -1 || (o->lock = open(o->tmp,
	    O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1 ||
	    flock(o->lock, LOCK_EX) == -1) {
		report(o->dir, "cannot create the output folder");
		free(d);
		gt_out_free(o);
		return NULL;
	}
	free(d);
	return o;
}

const char *
gt_out_root(const struct gt_out *o)
{
	return o->tmp;
}

/*
 * The folders of rel are made once: a mkdir of a folder that exists still
 * locks its parent, which two processes writing thousands of files then
 * queue on.
 */
int
gt_out_dirs(struct gt_out *o, const char *rel)
{
	const char	*slash = strrchr(rel, '/');
	size_t		 n = slash != NULL ? (size_t)(slash - rel) : 0, i;
	char		*path;
	int		 rc;

	if (n == 0)
		return 0;
	for (i = 0; i < o->nmade; i++)
		if (strncmp(o->made[i], rel, n) == 0 && o->made[i][n] == '\0')
			return 0;
	/* From the staging folder's own slash: it exists. */
	path = gt_xasprintf("%s/%s", o->tmp, rel);
	if ((rc = make_parents(path, strlen(o->tmp))) == -1)
		report(rel, "cannot create folder");
	else
		*GT_PUSH(o->made, o->nmade, o->cap) = gt_xstrndup(rel, n);
	free(path);
	return rc;
}

char *
gt_out_path(struct gt_out *o, const char *rel)
{
	if (gt_out_dirs(o, rel) == -1)
		return NULL;
	return gt_xasprintf("%s/%s", o->tmp, rel);
}

int
gt_out_fd(const struct gt_out *o)
{
	return o->lock;
}

int
gt_out_write(struct gt_out *o, const char *rel, const void *data, size_t len)
{
	char	*path;
	FILE	*f;
	int	 rc = -1;

	if ((path = gt_out_path(o, rel)) == NULL)
		return -1;
	if ((f = fopen(path, "wb")) == NULL) {
		report(rel, "cannot write");
		goto out;
	}
	if (fwrite(data, 1, len, f) != len) {
		report(rel, "cannot write");
		fclose(f);
		goto out;
	}
	if (fclose(f) == EOF) {
		report(rel, "cannot write");
		goto out;
	}
	rc = 0;
out:
	free(path);
	return rc;
}

int
gt_out_commit(struct gt_out *o)
{
	char		*old;
	struct stat	 st;
	int		 rc = -1;

	old = gt_xasprintf("%s.old-%ld", o->tmp, (long)getpid());
	if (lstat(o->dir, &st) == -1) {
		if (errno != ENOENT) {
			report(o->dir, "cannot replace the output folder");
			goto out;
		}
	} else if (renameat2(AT_FDCWD, o->tmp, AT_FDCWD, o->dir,
	    RENAME_EXCHANGE) == 0) {
		/* One step: the output folder is never absent. */
		drop(o, gt_xstrdup(o->tmp));
		o->committed = 1;
		rc = 0;
		goto out;
	} else if (errno != EINVAL && errno != ENOSYS) {
		report(o->dir, "cannot replace the output folder");
		goto out;
	} else if (rename(o->dir, old) == -1) {
		report(o->dir, "cannot replace the output folder");
		goto out;
	}
	/*
	 * Where the file system cannot exchange two names the folder is
	 * briefly absent; if the second rename fails the old one goes back.
	 */
	if (rename(o->tmp, o->dir) == -1) {
		report(o->dir, "cannot replace the output folder");
		rename(old, o->dir);
		goto out;
	}
	drop(o, old);
	old = NULL;
	o->committed = 1;
	rc = 0;
out:
	free(old);
	return rc;
}

void
gt_out_free(struct gt_out *o)
{
	if (o == NULL)
		return;
	if (o->old != NULL) {
		pthread_join(o->remover, NULL);
		free(o->old);
	}
	if (!o->committed && o->tmp != NULL)
		gt_out_rm_tree(o->tmp);
	if (o->lock != -1)
		close(o->lock);
	while (o->nmade > 0)
		free(o->made[--o->nmade]);
	free(o->made);
	free(o->dir);
	free(o->tmp);
	free(o);
}
