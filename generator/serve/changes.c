/*
 * changes.c: what a build changed in the output (see serve.h). A build
 * keeps the files it did not make again, but a file can also come back
 * from the cache as a new copy of what it was: the contents decide, and
 * only files whose inode, size or times moved are read again.
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <xxhash.h>

#include "serve.h"

struct file {
	char			*rel;		/* "/"-led */
	unsigned long long	 ino, size;
	struct timespec		 mtime, ctime;
	XXH64_hash_t		 hash;
	int			 hashed;	/* hash is known */
};

struct gt_serve_tree {
	struct file	*v;
	size_t		 n, cap;
};

static int
file_cmp(const void *a, const void *b)
{
	return strcmp(((const struct file *)a)->rel,
	    ((const struct file *)b)->rel);
}

/* The regular files in the folder open at fd (closed here), as rel. */
static void
walk(struct gt_serve_tree *t, int fd, const char *rel, int depth)
{
	DIR		*d;
	struct dirent	*e;
	struct stat	 st;
	struct file	*f;
	char		*sub;
	int		 subfd;

	if ((d = fdopendir(fd)) == NULL) {
		close(fd);
		return;
	}
	while ((e = readdir(d)) != NULL) {
		/* ".", "..", and the marker: never served. */
		if (e->d_name[0] == '.' ||
		    fstatat(fd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) == -1)
			continue;
		sub = gt_xasprintf("%s/%s", rel, e->d_name);
		if (S_ISDIR(st.st_mode) && depth < GT_MAX_DEPTH &&
		    (subfd = openat(fd, e->d_name, O_RDONLY | O_DIRECTORY |
		    O_NOFOLLOW | O_CLOEXEC)) != -1)
			walk(t, subfd, sub, depth + 1);
		if (!S_ISREG(st.st_mode)) {
			free(sub);
			continue;
		}
		f = GT_PUSH(t->v, t->n, t->cap);
		memset(f, 0, sizeof(*f));
		f->rel = sub;
		f->ino = st.st_ino;
		f->size = (unsigned long long)st.st_size;
		f->mtime = st.st_mtim;
		f->ctime = st.st_ctim;
	}
	closedir(d);
}

static struct gt_serve_tree *
tree_of(const char *dir)
{
	struct gt_serve_tree	*t = gt_xcalloc(1, sizeof(*t));
	int			 fd;

	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) != -1)
		walk(t, fd, "", 0);
	gt_sort(t->v, t->n, sizeof(*t->v), file_cmp);
	return t;
}

/* The hash of f's contents (in the output open at dirfd), once. */
static void
hash(struct file *f, int dirfd)
{
	char	*data;
	size_t	 len;

	if (f->hashed || gt_read_own(dirfd, f->rel + 1, &data, &len) == -1)
		return;
	f->hash = XXH3_64bits(data, len);
	f->hashed = 1;
	free(data);
}

/* Whether f is as it was in was (hashing what must be). */
static int
same(struct file *f, const struct file *was, int dirfd)
{
	if (f->ino == was->ino && f->size == was->size &&
	    f->mtime.tv_sec == was->mtime.tv_sec &&
	    f->mtime.tv_nsec == was->mtime.tv_nsec &&
	    f->ctime.tv_sec == was->ctime.tv_sec &&
	    f->ctime.tv_nsec == was->ctime.tv_nsec) {
		f->hash = was->hash;
		f->hashed = was->hashed;
		return 1;
	}
	hash(f, dirfd);
	return f->size == was->size && f->hashed && was->hashed &&
	    f->hash == was->hash;
}

int
gt_serve_is_page(const char *rel)
{
	size_t	 n = strlen(rel);

	return n > 5 && strcmp(rel + n - 5, ".html") == 0;
}

struct gt_serve_tree *
gt_serve_tree_new(const char *dir)
{
	struct gt_serve_tree	*t = tree_of(dir);
	size_t			 i;
	int			 fd;

	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) != -1) {
		for (i = 0; i < t->n; i++)
			hash(&t->v[i], fd);
		close(fd);
	}
	return t;
}

struct gt_serve_tree *
gt_serve_tree_diff(const struct gt_serve_tree *before, const char *dir,
    char ***changed, size_t *nchanged, size_t *pages)
{
	struct gt_serve_tree	*t = tree_of(dir);
	size_t			 i = 0, k = 0, cap = 0;
	int			 c, fd;

	*changed = NULL;
	*nchanged = *pages = 0;
	fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	/* Both sorted: one pass, a file of either side at a time. */
	while (i < t->n || k < before->n) {
		c = i == t->n ? 1 : k == before->n ? -1 :
		    strcmp(t->v[i].rel, before->v[k].rel);
		if (c == 0 && same(&t->v[i], &before->v[k], fd)) {
			*pages += gt_serve_is_page(t->v[i].rel);
			i++, k++;
			continue;
		}
		if (c <= 0) {
			/* Made or changed: its hash for the next time. */
			hash(&t->v[i], fd);
			*pages += gt_serve_is_page(t->v[i].rel);
			*GT_PUSH(*changed, *nchanged, cap) =
			    gt_xstrdup(t->v[i++].rel);
			k += c == 0;
		} else
			*GT_PUSH(*changed, *nchanged, cap) =
			    gt_xstrdup(before->v[k++].rel);
	}
	if (fd != -1)
		close(fd);
	return t;
}

void
gt_serve_tree_free(struct gt_serve_tree *t)
{
	size_t	 i;

	if (t == NULL)
		return;
	for (i = 0; i < t->n; i++)
		free(t->v[i].rel);
	free(t->v);
	free(t);
}
