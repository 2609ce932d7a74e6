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
	/*
	 * The files of the tree taken over from an earlier build (see
	 * gt_out_reused), and those this build made (with the second
	 * process's, once imported): the tree's list when it is done.
	 */
	struct gt_map	 prev_ix, made_ix;
	struct file	**prev, **files;
	size_t		 nprev, capprev, nfiles, capfiles;
};

static void	drop(struct gt_out *, char *);

/* A file of a tree: its path in it and the cache key it was made from. */
struct file {
	char	*rel;
	char	*key;		/* or NULL: not from the cache */
	int	 gone;		/* of the earlier tree: removed or taken */
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

static struct file *
file_add(struct gt_map *ix, struct file ***v, size_t *n, size_t *cap,
    const char *rel, const char *key)
{
	struct file	*f = gt_map_get(ix, rel);

	if (f == NULL) {
		f = gt_xcalloc(1, sizeof(*f));
		f->rel = gt_xstrdup(rel);
		gt_map_put(ix, f->rel, f);
		*GT_PUSH(*v, *n, *cap) = f;
	}
	if (f->key == NULL || key == NULL || strcmp(f->key, key) != 0) {
		free(f->key);
		f->key = key != NULL ? gt_xstrdup(key) : NULL;
	}
	return f;
}

static void
files_free(struct gt_map *ix, struct file **v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		free(v[i]->rel);
		free(v[i]->key);
		free(v[i]);
	}
	free(v);
	gt_map_free(ix);
}

static void
made(struct gt_out *o, const char *rel, const char *key)
{
	file_add(&o->made_ix, &o->files, &o->nfiles, &o->capfiles, rel, key);
}

/* Before rel is written anew: the earlier tree's file there goes. */
static void
clear(struct gt_out *o, const char *rel)
{
	struct file	*f = gt_map_get(&o->prev_ix, rel);

	if (f != NULL && !f->gone) {
		unlinkat(o->lock, rel, 0);
		f->gone = 1;
	}
}

/*
 * A folder's identity for its list: device, inode and birth time, which
 * no rename changes and no later folder shares. NULL where the file
 * system keeps no birth time (then no tree is taken over).
 */
static char *
identity(const char *path)
{
	struct statx	 st;

	if (statx(AT_FDCWD, path, AT_SYMLINK_NOFOLLOW, STATX_INO |
	    STATX_BTIME, &st) == -1 || !(st.stx_mask & STATX_BTIME))
		return NULL;
	return gt_xasprintf("%x.%x-%llx-%lld.%09u", st.stx_dev_major,
	    st.stx_dev_minor, (unsigned long long)st.stx_ino,
	    (long long)st.stx_btime.tv_sec, st.stx_btime.tv_nsec);
}

/* The list of the tree at path: ".NAME.list-ID" beside the output. */
static char *
list_path(const struct gt_out *o, const char *path)
{
	char	*id = identity(path), *suffix, *list;

	if (id == NULL)
		return NULL;
	suffix = gt_xasprintf(".list-%s", id);
	list = gt_out_beside(o->dir, suffix);
	free(suffix);
	free(id);
	return list;
}

/*
 * Every line "KEY<tab>REL", REL a path inside the tree: no empty, "." or
 * ".." component, so nothing outside it is ever removed.
 */
static int
list_ok(const char *text)
{
	const char	*line, *end, *tab, *p, *q;

	for (line = text; *line != '\0'; line = end + 1) {
		if ((end = strchr(line, '\n')) == NULL ||
		    (tab = memchr(line, '\t', (size_t)(end - line))) == NULL ||
		    tab + 1 == end)
			return 0;
		for (p = tab + 1; p < end; p = q + 1) {
			if ((q = memchr(p, '/', (size_t)(end - p))) == NULL)
				q = end;
			if (q == p || (q - p == 1 && p[0] == '.') ||
			    (q - p == 2 && p[0] == '.' && p[1] == '.'))
				return 0;
		}
		if (end[-1] == '/')
			return 0;
	}
	return 1;
}

/*
 * Take over the tree the build before last published (".NAME.prev"), as
 * this build's staging folder, if its list says what each file was made
 * from: files with the same key stay where they are, instead of thousands
 * of links made and removed a build. The list is removed first, so a
 * tree this build has begun to change is never trusted again (a killed
 * build's is removed as stale); without a list it is removed.
 */
static void
take_prev(struct gt_out *o)
{
	char		*prev = gt_out_beside(o->dir, ".prev"), *list;
	char		*text = NULL, *line, *tab, *end;
	size_t		 len;
	struct stat	 st;

	if (lstat(prev, &st) == -1) {
		free(prev);
		return;
	}
	/* Only a folder, and a list naming files inside it, are trusted. */
	if (!S_ISDIR(st.st_mode) || (list = list_path(o, prev)) == NULL) {
		drop(o, prev);
		return;
	}
	if (gt_read_file(list, &text, &len) == -1 || !list_ok(text) ||
	    unlink(list) == -1 || rename(prev, o->tmp) == -1) {
		free(list);
		free(text);
		drop(o, prev);
		return;
	}
	for (line = text; (end = strchr(line, '\n')) != NULL; line = end + 1) {
		*end = '\0';
		tab = strchr(line, '\t');
		*tab = '\0';
		file_add(&o->prev_ix, &o->prev, &o->nprev, &o->capprev,
		    tab + 1, *line != '\0' ? line : NULL);
	}
	free(text);
	free(list);
	free(prev);
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
	if (o->old != NULL) {	/* one at a time */
		pthread_join(o->remover, NULL);
		free(o->old);
	}
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
	take_prev(o);
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
 * The folders above rel in root, made once (made lists those known to
 * exist, as rel): a mkdir of a folder that exists still locks its parent,
 * which two processes writing thousands of files then queue on.
 */
static int
dirs_once(const char *root, const char *rel, char ***made, size_t *n,
    size_t *cap)
{
	const char	*slash = strrchr(rel, '/');
	size_t		 len = slash != NULL ? (size_t)(slash - rel) : 0, i;
	char		*path;
	int		 rc;

	if (len == 0)
		return 0;
	for (i = 0; i < *n; i++)
		if (strncmp((*made)[i], rel, len) == 0 &&
		    (*made)[i][len] == '\0')
			return 0;
	/* From root's own slash: it exists. */
	path = gt_xasprintf("%s/%s", root, rel);
	if ((rc = make_parents(path, strlen(root))) == 0)
		*GT_PUSH(*made, *n, *cap) = gt_xstrndup(rel, len);
	free(path);
	return rc;
}

int
gt_out_dirs(struct gt_out *o, const char *rel)
{
	int	 rc;

	if ((rc = dirs_once(o->tmp, rel, &o->made, &o->nmade, &o->cap)) == -1)
		report(rel, "cannot create folder");
	return rc;
}

char *
gt_out_path(struct gt_out *o, const char *rel)
{
	if (gt_out_dirs(o, rel) == -1)
		return NULL;
	/* Never written in place: an earlier tree's file shares its inode. */
	clear(o, rel);
	made(o, rel, NULL);
	return gt_xasprintf("%s/%s", o->tmp, rel);
}

int
gt_out_reused(struct gt_out *o, const char *rel, const char *key)
{
	struct file	*f = gt_map_get(&o->prev_ix, rel);

	if (f != NULL && !f->gone && f->key != NULL &&
	    strcmp(f->key, key) == 0) {
		f->gone = 1;
		made(o, rel, key);
		return 1;
	}
	clear(o, rel);
	return 0;
}

void
gt_out_keyed(struct gt_out *o, const char *rel, const char *key)
{
	made(o, rel, key);
}

void
gt_out_export(const struct gt_out *o, FILE *f)
{
	size_t	 i;

	for (i = 0; i < o->nfiles; i++)
		fprintf(f, "%s\t%s\n", o->files[i]->key != NULL ?
		    o->files[i]->key : "", o->files[i]->rel);
}

void
gt_out_import(struct gt_out *o, const char *text, size_t len)
{
	const char	*end = text + len, *nl, *tab;
	char		*key, *rel;

	for (; text < end; text = nl + 1) {
		if ((nl = memchr(text, '\n', (size_t)(end - text))) == NULL)
			nl = end;
		if ((tab = memchr(text, '\t', (size_t)(nl - text))) == NULL)
			continue;
		key = gt_xstrndup(text, (size_t)(tab - text));
		rel = gt_xstrndup(tab + 1, (size_t)(nl - tab - 1));
		made(o, rel, *key != '\0' ? key : NULL);
		free(key);
		free(rel);
	}
}

/* The list of the tree at path: this build's files and their keys. */
static void
write_list(struct gt_out *o, const char *path)
{
	struct gt_buf	 b = { 0 };
	char		*list, *tmp;
	size_t		 i;
	int		 fd, ok;

	if ((list = list_path(o, path)) == NULL)
		return;
	for (i = 0; i < o->nfiles; i++)
		gt_buf_printf(&b, "%s\t%s\n", o->files[i]->key != NULL ?
		    o->files[i]->key : "", o->files[i]->rel);
	tmp = gt_xasprintf("%s.tmp", list);
	if (b.data == NULL || (fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC |
	    O_CLOEXEC, 0666)) == -1)
		ok = 0;
	else {
		ok = write(fd, b.data, b.len) == (ssize_t)b.len;
		ok = close(fd) == 0 && ok;
	}
	if (!ok || rename(tmp, list) == -1)
		unlink(tmp);
	free(tmp);
	free(list);
	gt_buf_free(&b);
}

/*
 * A first build (no output before it) leaves a copy of its tree in links
 * as ".NAME.prev", for the next build to take over: the first rebuild
 * would otherwise link every file anew. Any failure: no copy.
 */
static void
seed_prev(struct gt_out *o)
{
	char		*prev = gt_out_beside(o->dir, ".prev"), *path;
	char		**dirs = NULL;
	size_t		 i, ndirs = 0, cap = 0;
	int		 from = -1, ok = 0, linked;

	gt_out_rm_tree(prev);
	if (mkdir(prev, 0777) == -1 ||
	    (from = open(o->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1)
		goto out;
	for (i = 0; i < o->nfiles; i++) {
		if (dirs_once(prev, o->files[i]->rel, &dirs, &ndirs, &cap) == -1)
			goto out;
		path = gt_xasprintf("%s/%s", prev, o->files[i]->rel);
		linked = linkat(from, o->files[i]->rel, AT_FDCWD, path, 0) == 0;
		free(path);
		if (!linked)
			goto out;
	}
	write_list(o, prev);
	ok = 1;
out:
	if (!ok)
		gt_out_rm_tree(prev);
	if (from != -1)
		close(from);
	while (ndirs > 0)
		free(dirs[--ndirs]);
	free(dirs);
	free(prev);
}

/*
 * The taken-over tree's files that this build did not make are removed,
 * with the folders they leave empty; then the finished tree's list is
 * written, for the build that takes it over. Without a list it is not.
 */
static void
finish_tree(struct gt_out *o)
{
	char		*slash, *dir;
	size_t		 i;

	for (i = 0; i < o->nprev; i++) {
		if (o->prev[i]->gone ||
		    gt_map_get(&o->made_ix, o->prev[i]->rel) != NULL)
			continue;
		unlinkat(o->lock, o->prev[i]->rel, 0);
		dir = gt_xstrdup(o->prev[i]->rel);
		while ((slash = strrchr(dir, '/')) != NULL) {
			*slash = '\0';
			if (unlinkat(o->lock, dir, AT_REMOVEDIR) == -1)
				break;
		}
		free(dir);
	}
	write_list(o, o->tmp);
}

/* Whether path (or NULL) names the file name. */
static int
same_name(const char *path, const char *name)
{
	return path != NULL && strcmp(strrchr(path, '/') + 1, name) == 0;
}

/*
 * The tree a commit replaced (path, taken) is kept as ".NAME.prev" for
 * the next build to take over; lists of trees gone are removed.
 */
static void
retire(struct gt_out *o, char *path)
{
	char		*prev = gt_out_beside(o->dir, ".prev"), *keep[2], *parent;
	char		*name, *prefix;
	DIR		*d;
	struct dirent	*e;
	size_t		 n;

	if (rename(path, prev) == -1)
		drop(o, path);
	else
		free(path);
	keep[0] = list_path(o, o->dir);
	keep[1] = list_path(o, prev);
	split(o->dir, &parent, &name);
	prefix = gt_xasprintf(".%s.list-", name);
	n = strlen(prefix);
	while ((d = opendir(parent)) != NULL) {
		while ((e = readdir(d)) != NULL)
			if (strncmp(e->d_name, prefix, n) == 0 &&
			    !same_name(keep[0], e->d_name) &&
			    !same_name(keep[1], e->d_name))
				break;
		/* One at a time, the walk begun again: it may skip changes. */
		if (e != NULL)
			unlinkat(dirfd(d), e->d_name, 0);
		closedir(d);
		if (e == NULL)
			break;
	}
	free(keep[0]);
	free(keep[1]);
	free(prefix);
	free(parent);
	free(name);
	free(prev);
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
	finish_tree(o);
	if (lstat(o->dir, &st) == -1) {
		if (errno != ENOENT) {
			report(o->dir, "cannot replace the output folder");
			goto out;
		}
		if (rename(o->tmp, o->dir) == -1) {
			report(o->dir, "cannot replace the output folder");
			goto out;
		}
		o->committed = 1;
		rc = 0;
		seed_prev(o);
		goto out;
	} else if (renameat2(AT_FDCWD, o->tmp, AT_FDCWD, o->dir,
	    RENAME_EXCHANGE) == 0) {
		/* One step: the output folder is never absent. */
		retire(o, gt_xstrdup(o->tmp));
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
	retire(o, old);
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
	files_free(&o->prev_ix, o->prev, o->nprev);
	files_free(&o->made_ix, o->files, o->nfiles);
	free(o->dir);
	free(o->tmp);
	free(o);
}
