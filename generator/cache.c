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

/* An entry by name: there when the build began or made by it since. */
struct entry {
	char	*name;
	int	 used;		/* by this build: kept by the sweep */
};

/*
 * The entries are listed once, when the cache is opened, and their use
 * is kept here (and handed between a build's processes by export and
 * import): a rebuild looks at thousands of entries, and a system call
 * each to mark them and another to sweep was a tenth of its time.
 */
struct gt_cache {
	char		*dir;		/* dir/SALT: this program's entries */
	int		 fd;		/* dir, open: entries are named in it */
	char		*top;
	struct gt_map	 ix;		/* name: struct entry */
	struct entry	**v;
	size_t		 n, cap;
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

static struct entry *
add(struct gt_cache *c, const char *name)
{
	struct entry	*e = gt_map_get(&c->ix, name);

	if (e == NULL) {
		e = gt_xcalloc(1, sizeof(*e));
		e->name = gt_xstrdup(name);
		gt_map_put(&c->ix, e->name, e);
		*GT_PUSH(c->v, c->n, c->cap) = e;
	}
	return e;
}

struct gt_cache *
gt_cache_new(const char *dir)
{
	struct gt_cache	*c;
	DIR		*d;
	struct dirent	*e;
	char		*s, *path;

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
	if ((d = fdopendir(dup(c->fd))) == NULL) {
		gt_cache_free(c);
		return NULL;
	}
	while ((e = readdir(d)) != NULL)
		if (e->d_name[0] != '.')
			add(c, e->d_name);
	closedir(d);
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

/* Mark key's entry used, for the sweep: 0, or -1 if there is none. */
static int
used(const struct gt_cache *c, const char *key)
{
	struct entry	*e;

	if (c == NULL || (e = gt_map_get(&c->ix, key)) == NULL)
		return -1;
	e->used = 1;
	return 0;
}

int
gt_cache_get(struct gt_cache *c, const char *key, struct gt_out *out,
    const char *rel)
{
	char	*src, *data = NULL;
	size_t	 len;
	int	 rc;

	if (c == NULL)
		return -1;
	if (gt_out_reused(out, rel, key)) {
		used(c, key);
		return 0;
	}
	if (used(c, key) == -1 || gt_out_dirs(out, rel) == -1)
		return -1;
	if (linkat(c->fd, key, gt_out_fd(out), rel, 0) == 0) {
		gt_out_keyed(out, rel, key);
		return 0;
	}
	src = entry(c, key);
	if ((rc = gt_read_file(src, &data, &len)) == 0 &&
	    (rc = gt_out_write(out, rel, data, len)) == 0)
		gt_out_keyed(out, rel, key);
	free(data);
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
settle(struct gt_cache *c, char *tmp, const char *key)
{
	int	 rc = renameat(c->fd, tmp, c->fd, key);

	/* Not unlinked by rename if both were one file already. */
	if (rc == -1 || faccessat(c->fd, tmp, F_OK, 0) == 0)
		unlinkat(c->fd, tmp, 0);
	free(tmp);
	if (rc == 0)
		add(c, key)->used = 1;
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
	gt_out_keyed(out, rel, key);
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
gt_cache_export(const struct gt_cache *c, FILE *f)
{
	size_t	 i;

	for (i = 0; c != NULL && i < c->n; i++)
		if (c->v[i]->used)
			fprintf(f, "%s\n", c->v[i]->name);
}

void
gt_cache_import(struct gt_cache *c, const char *text, size_t len)
{
	const char	*end = text + len, *nl;
	char		*name;

	for (; c != NULL && text < end; text = nl + 1) {
		if ((nl = memchr(text, '\n', (size_t)(end - text))) == NULL)
			nl = end;
		if (nl > text) {
			name = gt_xstrndup(text, (size_t)(nl - text));
			add(c, name)->used = 1;
			free(name);
		}
	}
}

void
gt_cache_sweep(struct gt_cache *c)
{
	DIR		*d;
	struct dirent	*e;
	struct entry	*en;
	char		**old = NULL;
	size_t		 i, n = 0, cap = 0;
	int		 fd;

	if (c == NULL || (d = opendir(c->dir)) == NULL)
		return;
	fd = dirfd(d);
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		/* Temporary names of a build that was stopped are unused too. */
		if ((en = gt_map_get(&c->ix, e->d_name)) == NULL || !en->used)
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
	size_t	 i;

	if (c == NULL)
		return;
	if (c->fd != -1)
		close(c->fd);
	for (i = 0; i < c->n; i++) {
		free(c->v[i]->name);
		free(c->v[i]);
	}
	free(c->v);
	gt_map_free(&c->ix);
	free(c->dir);
	free(c->top);
	free(c);
}
