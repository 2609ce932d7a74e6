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
#include "own.h"
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
	int		 fd;		/* DIR/SALT, open: this program's entries */
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

/* The folder name in dirfd if it is goldthread's, else made; or -1. */
static int
own_dir(int dirfd, const char *name)
{
	int	 fd;

	if ((fd = gt_own_open(dirfd, name)) == -1 && errno == ENOENT)
		fd = gt_own_mkdir(dirfd, name);
	return fd;
}

struct gt_cache *
gt_cache_new(const char *dir)
{
	struct gt_cache	*c = NULL;
	DIR		*d;
	struct dirent	*e;
	char		*s;
	int		 top;

	if ((s = salt()) == NULL)
		return NULL;
	if ((top = own_dir(AT_FDCWD, dir)) == -1) {
		if (errno == EPERM)
			fprintf(stderr, "goldthread: not using the cache '%s': "
			    "goldthread did not make it (remove it, and a build "
			    "makes a new one)\n", dir);
		free(s);
		return NULL;
	}
	/* Entries of other builds of goldthread will never be used again. */
	if ((d = gt_own_list(top)) != NULL) {
		while ((e = readdir(d)) != NULL)
			if (e->d_name[0] != '.' && strcmp(e->d_name, s) != 0)
				gt_own_rm(top, e->d_name);
		closedir(d);
	}
	c = gt_xcalloc(1, sizeof(*c));
	if ((c->fd = own_dir(top, s)) == -1 ||
	    (d = gt_own_list(c->fd)) == NULL) {
		gt_cache_free(c);
		c = NULL;
		goto out;
	}
	while ((e = readdir(d)) != NULL)
		if (e->d_name[0] != '.')
			add(c, e->d_name);
	closedir(d);
out:
	close(top);
	free(s);
	return c;
}

struct gt_cache *
gt_cache_new_beside(const char *outdir)
{
	char		*dir = gt_own_beside(outdir, ".cache");
	struct gt_cache	*c = gt_cache_new(dir);

	free(dir);
	return c;
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
	int	 from, rc;

	if (c == NULL)
		return -1;
	if (gt_out_reused(out, rel, key)) {
		used(c, key);
		return 0;
	}
	/* A copy, not a link: an edit of the output never reaches the cache. */
	if (used(c, key) == -1 || (from = openat(c->fd, key, O_RDONLY |
	    O_NOFOLLOW | O_CLOEXEC)) == -1)
		return -1;
	if ((rc = gt_out_copy(out, rel, from)) == 0)
		gt_out_keyed(out, rel, key);
	close(from);
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
	if (used(c, key) == -1)
		return -1;
	return gt_read_own(c->fd, key, data, len);
}

/* The name an entry for key is made under before it is renamed to key. */
static char *
tmp_name(const char *key)
{
	return gt_xasprintf("%s.tmp-%ld", key, (long)getpid());
}

void
gt_cache_keep(struct gt_cache *c, const char *key, struct gt_out *out,
    const char *rel, const void *data, size_t len)
{
	if (c == NULL)
		return;
	gt_out_keyed(out, rel, key);
	gt_cache_put(c, key, data, len);
}

int
gt_cache_put(struct gt_cache *c, const char *key, const void *data,
    size_t len)
{
	char	*tmp;
	int	 fd, ok, flags = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
		    O_CLOEXEC;

	if (c == NULL)
		return -1;
	tmp = tmp_name(key);
	if ((fd = openat(c->fd, tmp, flags, 0666)) == -1 && errno == EEXIST &&
	    unlinkat(c->fd, tmp, 0) == 0)
		fd = openat(c->fd, tmp, flags, 0666);
	if (fd == -1) {
		free(tmp);
		return -1;
	}
	ok = gt_write_all(fd, data, len) == 0;
	ok = close(fd) == 0 && ok;
	if (!ok || renameat(c->fd, tmp, c->fd, key) == -1) {
		unlinkat(c->fd, tmp, 0);
		free(tmp);
		return -1;
	}
	free(tmp);
	add(c, key)->used = 1;
	return 0;
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

	if (c == NULL || (d = gt_own_list(c->fd)) == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		/* Temporary names of a build that was stopped are unused too. */
		if ((en = gt_map_get(&c->ix, e->d_name)) == NULL || !en->used)
			*GT_PUSH(old, n, cap) = gt_xstrdup(e->d_name);
	}
	/* Removed after the walk: readdir may skip what changes under it. */
	for (i = 0; i < n; i++) {
		unlinkat(c->fd, old[i], 0);
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
	free(c);
}
