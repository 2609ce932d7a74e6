/* out.c: build aside, then swap in. */
#define _XOPEN_SOURCE 700	/* nftw() */
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "out.h"
#include "util.h"

struct gt_out {
	char	*dir;		/* the output folder as given */
	char	*tmp;		/* staging folder beside it */
	int	 committed;
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

static void
rm_tree(const char *path)
{
	nftw(path, rm_entry, 32, FTW_DEPTH | FTW_PHYS);
}

/* mkdir -p for the folders above the last slash of path. */
static int
make_parents(char *path)
{
	char	*p;

	for (p = strchr(path + 1, '/'); p != NULL; p = strchr(p + 1, '/')) {
		*p = '\0';
		if (mkdir(path, 0777) == -1 && errno != EEXIST) {
			*p = '/';
			return -1;
		}
		*p = '/';
	}
	return 0;
}

struct gt_out *
gt_out_new(const char *dir)
{
	struct gt_out	*o = gt_xcalloc(1, sizeof(*o));
	const char	*slash;
	char		*d;

	o->dir = gt_xstrdup(dir);
	while (strlen(o->dir) > 1 && o->dir[strlen(o->dir) - 1] == '/')
		o->dir[strlen(o->dir) - 1] = '\0';
	slash = strrchr(o->dir, '/');
	if (slash == NULL)
		o->tmp = gt_xasprintf(".%s.tmp-%ld", o->dir, (long)getpid());
	else
		o->tmp = gt_xasprintf("%.*s/.%s.tmp-%ld",
		    (int)(slash - o->dir), o->dir, slash + 1, (long)getpid());
	d = gt_xasprintf("%s/", o->tmp);
	rm_tree(o->tmp);
	if (make_parents(d) == -1) {
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

char *
gt_out_path(struct gt_out *o, const char *rel)
{
	char	*path = gt_xasprintf("%s/%s", o->tmp, rel);

	if (make_parents(path) == -1) {
		report(rel, "cannot create folder");
		free(path);
		return NULL;
	}
	return path;
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
	} else if (rename(o->dir, old) == -1) {
		report(o->dir, "cannot replace the output folder");
		goto out;
	}
	/*
	 * Between the two renames the output folder is briefly absent; if the
	 * second fails the old one is put back.
	 */
	if (rename(o->tmp, o->dir) == -1) {
		report(o->dir, "cannot replace the output folder");
		rename(old, o->dir);
		goto out;
	}
	rm_tree(old);
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
	if (!o->committed && o->tmp != NULL)
		rm_tree(o->tmp);
	free(o->dir);
	free(o->tmp);
	free(o);
}
