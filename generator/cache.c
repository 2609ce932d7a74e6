/* cache.c: chart files by content key (see cache.h). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <xxhash.h>

#include "cache.h"
#include "util.h"

struct gt_cache {
	char		*dir;		/* dir/SALT: this program's entries */
	int		 fd;		/* dir, open: entries are named in it */
	char		*top;
	struct timespec	 start;		/* entries older than this are unused */
};

#ifndef GT_FONT_DIR
#define GT_FONT_DIR	"/usr/share/fonts/truetype/dejavu"
#endif

/*
 * The program and its fonts: what the keys do not say. The program is a
 * megabyte read on every build: XXH3, not SHA-256, a chance collision as
 * unlikely in practice and the hash many times quicker.
 */
static char *
salt(void)
{
	static const char *const fonts[] = {
		GT_FONT_DIR "/DejaVuSans.ttf",
		GT_FONT_DIR "/DejaVuSans-Bold.ttf",
		GT_FONT_DIR "/DejaVuSansMono.ttf",
		GT_FONT_DIR "/DejaVuSans-Oblique.ttf",
		GT_FONT_DIR "/DejaVuSans-BoldOblique.ttf",
	};
	XXH3_state_t	*h = NULL;
	XXH128_hash_t	 sum;
	struct stat	 st;
	char		*exe = NULL, *s = NULL;
	size_t		 len, i;

	if (gt_read_file("/proc/self/exe", &exe, &len) == -1 ||
	    (h = XXH3_createState()) == NULL)
		goto out;
	XXH3_128bits_reset(h);
	XXH3_128bits_update(h, exe, len);
	for (i = 0; i < sizeof(fonts) / sizeof(fonts[0]); i++) {
		if (stat(fonts[i], &st) == -1)
			goto out;
		XXH3_128bits_update(h, &st.st_size, sizeof(st.st_size));
		XXH3_128bits_update(h, &st.st_mtim, sizeof(st.st_mtim));
	}
	sum = XXH3_128bits_digest(h);
	s = gt_xasprintf("%016llx", (unsigned long long)sum.high64);
out:
	XXH3_freeState(h);
	free(exe);
	return s;
}

struct gt_cache *
gt_cache_new(const char *dir)
{
	struct gt_cache	*c;
	DIR		*d;
	struct dirent	*e;
	struct stat	 st;
	char		*s, *path, *mark;
	int		 fd;

	if ((s = salt()) == NULL)
		return NULL;
	if (mkdir(dir, 0777) == -1 && errno != EEXIST) {
		free(s);
		return NULL;
	}
	/* Entries of other builds of goldthread will never be used again. */
	if ((d = opendir(dir)) != NULL) {
		while ((e = readdir(d)) != NULL) {
			if (e->d_name[0] == '.' || strcmp(e->d_name, s) == 0)
				continue;
			path = gt_xasprintf("%s/%s", dir, e->d_name);
			gt_out_rm_tree(path);
			free(path);
		}
		closedir(d);
	}
	c = gt_xcalloc(1, sizeof(*c));
	c->fd = -1;
	c->top = gt_xstrdup(dir);
	c->dir = gt_xasprintf("%s/%s", dir, s);
	free(s);
	if ((mkdir(c->dir, 0777) == -1 && errno != EEXIST) ||
	    (c->fd = open(c->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1) {
		gt_cache_free(c);
		return NULL;
	}
	/*
	 * The file system's own clock, which runs a tick behind the system's:
	 * a marker file's time is what entries touched later are compared to.
	 */
	mark = gt_xasprintf("%s/.start-%ld", c->dir, (long)getpid());
	if ((fd = open(mark, O_WRONLY | O_CREAT | O_TRUNC, 0666)) == -1 ||
	    fstat(fd, &st) == -1) {
		if (fd != -1)
			close(fd);
		free(mark);
		gt_cache_free(c);
		return NULL;
	}
	c->start = st.st_mtim;
	close(fd);
	unlink(mark);
	free(mark);
	return c;
}

struct gt_cache *
gt_cache_new_beside(const char *outdir)
{
	char		*dir = gt_out_beside(outdir, ".cache");
	struct gt_cache	*c = gt_cache_new(dir);

	free(dir);
	return c;
}

static char *
entry(const struct gt_cache *c, const char *key)
{
	return gt_xasprintf("%s/%s", c->dir, key);
}

/*
 * Mark key's entry used, for the sweep: 0, or -1 if there is none.
 * Thousands of entries a build: named in the cache's folder, not by path.
 */
static int
used(const struct gt_cache *c, const char *key)
{
	if (c == NULL)
		return -1;
	return utimensat(c->fd, key, NULL, 0);
}

int
gt_cache_get(struct gt_cache *c, const char *key, struct gt_out *out,
    const char *rel)
{
	char	*src, *data;
	size_t	 len;
	int	 rc;

	if (used(c, key) == -1 || gt_out_dirs(out, rel) == -1)
		return -1;
	if (linkat(c->fd, key, gt_out_fd(out), rel, 0) == 0)
		return 0;
	src = entry(c, key);
	if ((rc = gt_read_file(src, &data, &len)) == 0) {
		rc = gt_out_write(out, rel, data, len);
		free(data);
	}
	free(src);
	return rc;
}

int
gt_cache_has(struct gt_cache *c, const char *key)
{
	return used(c, key) == 0;
}

int
gt_cache_read(struct gt_cache *c, const char *key, char **data, size_t *len)
{
	char	*path;
	int	 rc;

	if (used(c, key) == -1)
		return -1;
	path = entry(c, key);
	rc = gt_read_file(path, data, len);
	free(path);
	return rc;
}

/* The name an entry for key is made under before it is renamed to key. */
static char *
tmp_name(const char *key)
{
	return gt_xasprintf("%s.tmp-%ld", key, (long)getpid());
}

/* Move the entry made as tmp into place for key; 0 or -1. */
static int
settle(const struct gt_cache *c, char *tmp, const char *key)
{
	int	 rc = renameat(c->fd, tmp, c->fd, key);

	/* Not unlinked by rename if both were one file already. */
	if (rc == -1 || faccessat(c->fd, tmp, F_OK, 0) == 0)
		unlinkat(c->fd, tmp, 0);
	free(tmp);
	return rc;
}

void
gt_cache_keep(struct gt_cache *c, const char *key, struct gt_out *out,
    const char *rel)
{
	char	*tmp, *src, *data;
	size_t	 len;

	if (c == NULL)
		return;
	tmp = tmp_name(key);
	if (linkat(gt_out_fd(out), rel, c->fd, tmp, 0) == 0) {
		settle(c, tmp, key);
		return;
	}
	free(tmp);
	/* A file system without links (a network share): a copy. */
	if ((src = gt_out_path(out, rel)) != NULL &&
	    gt_read_file(src, &data, &len) == 0) {
		gt_cache_put(c, key, data, len);
		free(data);
	}
	free(src);
}

int
gt_cache_put(struct gt_cache *c, const char *key, const void *data,
    size_t len)
{
	char	*tmp;
	FILE	*f = NULL;
	int	 fd, ok;

	if (c == NULL)
		return -1;
	tmp = tmp_name(key);
	if ((fd = openat(c->fd, tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
	    0666)) == -1 || (f = fdopen(fd, "wb")) == NULL)
		ok = 0;
	else {
		ok = fwrite(data, 1, len, f) == len;
		ok = fclose(f) == 0 && ok;
		fd = -1;
	}
	if (f == NULL && fd != -1)
		close(fd);
	if (!ok) {
		unlinkat(c->fd, tmp, 0);
		free(tmp);
		return -1;
	}
	return settle(c, tmp, key);
}

void
gt_cache_sweep(struct gt_cache *c)
{
	DIR		*d;
	struct dirent	*e;
	struct stat	 st;
	char		**old = NULL;
	size_t		 i, n = 0, cap = 0;
	int		 fd;

	if (c == NULL || (d = opendir(c->dir)) == NULL)
		return;
	/* Thousands of entries: looked at by name in the folder, not by path. */
	fd = dirfd(d);
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		if (fstatat(fd, e->d_name, &st, 0) == 0 && (st.st_mtim.tv_sec <
		    c->start.tv_sec || (st.st_mtim.tv_sec == c->start.tv_sec &&
		    st.st_mtim.tv_nsec < c->start.tv_nsec)))
			*GT_PUSH(old, n, cap) = gt_xstrdup(e->d_name);
	}
	/* Removed after the walk: readdir may skip what changes under it. */
	for (i = 0; i < n; i++) {
		unlinkat(fd, old[i], 0);
		free(old[i]);
	}
	closedir(d);
	free(old);
}

void
gt_cache_free(struct gt_cache *c)
{
	if (c == NULL)
		return;
	if (c->fd != -1)
		close(c->fd);
	free(c->dir);
	free(c->top);
	free(c);
}
