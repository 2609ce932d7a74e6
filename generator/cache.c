/* cache.c: chart files by content key (see cache.h). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib.h>

#include "cache.h"
#include "util.h"

struct gt_cache {
	char		*dir;		/* dir/SALT: this program's entries */
	char		*top;
	struct timespec	 start;		/* entries older than this are unused */
};

#ifndef GT_FONT_DIR
#define GT_FONT_DIR	"/usr/share/fonts/truetype/dejavu"
#endif

/* The program and its fonts: what the keys do not say. */
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
	GChecksum	*h;
	struct stat	 st;
	char		*exe, *s;
	size_t		 len, i;

	if (gt_read_file("/proc/self/exe", &exe, &len) == -1)
		return NULL;
	h = g_checksum_new(G_CHECKSUM_SHA256);
	g_checksum_update(h, (const guchar *)exe, (gssize)len);
	free(exe);
	for (i = 0; i < sizeof(fonts) / sizeof(fonts[0]); i++) {
		if (stat(fonts[i], &st) == -1) {
			g_checksum_free(h);
			return NULL;
		}
		g_checksum_update(h, (const guchar *)&st.st_size,
		    sizeof(st.st_size));
		g_checksum_update(h, (const guchar *)&st.st_mtim,
		    sizeof(st.st_mtim));
	}
	s = gt_xstrndup(g_checksum_get_string(h), 16);
	g_checksum_free(h);
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
	c->top = gt_xstrdup(dir);
	c->dir = gt_xasprintf("%s/%s", dir, s);
	free(s);
	if (mkdir(c->dir, 0777) == -1 && errno != EEXIST) {
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

/* The path of key's entry, marked used for the sweep; NULL if none. */
static char *
used(const struct gt_cache *c, const char *key)
{
	char	*path;

	if (c == NULL)
		return NULL;
	path = entry(c, key);
	if (utimensat(AT_FDCWD, path, NULL, 0) == -1) {
		free(path);
		return NULL;
	}
	return path;
}

int
gt_cache_get(struct gt_cache *c, const char *key, struct gt_out *out,
    const char *rel)
{
	char	*src, *dst, *data;
	size_t	 len;
	int	 rc = -1;

	if ((src = used(c, key)) == NULL)
		return -1;
	if ((dst = gt_out_path(out, rel)) != NULL && link(src, dst) == 0)
		rc = 0;
	else if (dst != NULL && gt_read_file(src, &data, &len) == 0) {
		rc = gt_out_write(out, rel, data, len);
		free(data);
	}
	free(dst);
	free(src);
	return rc;
}

int
gt_cache_has(struct gt_cache *c, const char *key)
{
	char	*path = used(c, key);
	int	 has = path != NULL;

	free(path);
	return has;
}

int
gt_cache_read(struct gt_cache *c, const char *key, char **data, size_t *len)
{
	char	*path;
	int	 rc;

	if ((path = used(c, key)) == NULL)
		return -1;
	rc = gt_read_file(path, data, len);
	free(path);
	return rc;
}

/* Move the entry made at tmp into place for key; 0 or -1. */
static int
settle(char *tmp, char *path)
{
	int	 rc = rename(tmp, path);

	/* Not unlinked by rename if both were one file already. */
	if (rc == -1 || access(tmp, F_OK) == 0)
		unlink(tmp);
	free(tmp);
	free(path);
	return rc;
}

void
gt_cache_keep(struct gt_cache *c, const char *key, struct gt_out *out,
    const char *rel)
{
	char	*src, *path, *tmp, *data;
	size_t	 len;

	if (c == NULL || (src = gt_out_path(out, rel)) == NULL)
		return;
	path = entry(c, key);
	tmp = gt_xasprintf("%s.tmp-%ld", path, (long)getpid());
	if (link(src, tmp) == 0)
		settle(tmp, path);
	else {
		free(tmp);
		free(path);
		/* A file system without links (a network share): a copy. */
		if (gt_read_file(src, &data, &len) == 0) {
			gt_cache_put(c, key, data, len);
			free(data);
		}
	}
	free(src);
}

int
gt_cache_put(struct gt_cache *c, const char *key, const void *data,
    size_t len)
{
	char	*path, *tmp;
	FILE	*f;
	int	 ok;

	if (c == NULL)
		return -1;
	path = entry(c, key);
	tmp = gt_xasprintf("%s.tmp-%ld", path, (long)getpid());
	if ((f = fopen(tmp, "wb")) == NULL)
		ok = 0;
	else {
		ok = fwrite(data, 1, len, f) == len;
		ok = fclose(f) == 0 && ok;
		if (!ok)
			unlink(tmp);
	}
	if (!ok) {
		free(tmp);
		free(path);
		return -1;
	}
	return settle(tmp, path);
}

void
gt_cache_sweep(struct gt_cache *c)
{
	DIR		*d;
	struct dirent	*e;
	struct stat	 st;
	char		**old = NULL, *path;
	size_t		 i, n = 0, cap = 0;

	if (c == NULL || (d = opendir(c->dir)) == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		path = gt_xasprintf("%s/%s", c->dir, e->d_name);
		if (stat(path, &st) == 0 && (st.st_mtim.tv_sec <
		    c->start.tv_sec || (st.st_mtim.tv_sec == c->start.tv_sec &&
		    st.st_mtim.tv_nsec < c->start.tv_nsec)))
			*GT_PUSH(old, n, cap) = path;
		else
			free(path);
	}
	closedir(d);
	/* Removed after the walk: readdir may skip what changes under it. */
	for (i = 0; i < n; i++) {
		unlink(old[i]);
		free(old[i]);
	}
	free(old);
}

void
gt_cache_free(struct gt_cache *c)
{
	if (c == NULL)
		return;
	free(c->dir);
	free(c->top);
	free(c);
}
