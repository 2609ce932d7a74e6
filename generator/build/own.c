/* own.c: what goldthread may write and remove (see own.h). */
#define _GNU_SOURCE		/* renameat2() */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "own.h"
#include "util.h"

static const char marker_text[] =
    "goldthread output: each build replaces everything in this folder\n";

void
gt_own_split(const char *dir, char **parent, char **name)
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
gt_own_beside(const char *dir, const char *suffix)
{
	char	*parent, *name, *path;

	gt_own_split(dir, &parent, &name);
	path = gt_xasprintf("%s/.%s%s", strcmp(parent, "/") == 0 ? "" : parent,
	    name, suffix);
	free(parent);
	free(name);
	return path;
}

DIR *
gt_own_list(int fd)
{
	DIR	*d;
	int	 own = openat(fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (own == -1)
		return NULL;
	if ((d = fdopendir(own)) == NULL)
		close(own);
	return d;
}

int
gt_own_marked(int fd)
{
	struct stat	 st;

	return fstatat(fd, GT_MARKER, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
	    S_ISREG(st.st_mode) && st.st_uid == geteuid();
}

int
gt_own_open(int dirfd, const char *name)
{
	struct stat	 st;
	int		 fd;

	if ((fd = openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
	    O_CLOEXEC)) == -1) {
		if (errno != ENOENT)
			errno = EPERM;
		return -1;
	}
	if (fstat(fd, &st) == -1 || st.st_uid != geteuid() ||
	    !gt_own_marked(fd)) {
		close(fd);
		errno = EPERM;
		return -1;
	}
	return fd;
}

int
gt_own_mark(int fd)
{
	int	 m, ok;

	if ((m = openat(fd, GT_MARKER, O_WRONLY | O_CREAT | O_EXCL |
	    O_NOFOLLOW | O_CLOEXEC, 0666)) == -1)
		return errno == EEXIST && gt_own_marked(fd) ? 0 : -1;
	ok = gt_write_all(m, marker_text, sizeof(marker_text) - 1) == 0;
	if (close(m) == -1 || !ok) {
		unlinkat(fd, GT_MARKER, 0);
		return -1;
	}
	return 0;
}

int
gt_own_mkdir(int dirfd, const char *name)
{
	int	 fd;

	if (mkdirat(dirfd, name, 0777) == -1)
		return -1;
	if ((fd = openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
	    O_CLOEXEC)) == -1 || gt_own_mark(fd) == -1) {
		if (fd != -1)
			close(fd);
		unlinkat(dirfd, name, AT_REMOVEDIR);
		return -1;
	}
	return fd;
}

int
gt_own_rename(int fromfd, const char *from, int tofd, const char *to)
{
	struct stat	 st;

	if (renameat2(fromfd, from, tofd, to, RENAME_NOREPLACE) == 0)
		return 0;
	/* A file system without the flag: look first (under the lock). */
	if (errno != EINVAL)
		return -1;
	if (fstatat(tofd, to, &st, AT_SYMLINK_NOFOLLOW) == 0) {
		errno = EEXIST;
		return -1;
	}
	return renameat(fromfd, from, tofd, to);
}

/*
 * Everything in the folder open at fd (closed here), depth first, at the
 * top the marker last; links are removed, not followed.
 */
static void
rm_in(int fd, int depth)
{
	DIR		*d;
	struct dirent	*e;
	int		 sub, top = depth == 0;

	if ((d = fdopendir(fd)) == NULL) {
		close(fd);
		return;
	}
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 ||
		    strcmp(e->d_name, "..") == 0 ||
		    (top && strcmp(e->d_name, GT_MARKER) == 0))
			continue;
		/* Not a folder (or a link to one): one call removes it. */
		if (e->d_type != DT_DIR && e->d_type != DT_UNKNOWN &&
		    unlinkat(fd, e->d_name, 0) == 0)
			continue;
		if (depth < GT_MAX_DEPTH + 8 && (sub = openat(fd, e->d_name,
		    O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)) != -1) {
			rm_in(sub, depth + 1);
			unlinkat(fd, e->d_name, AT_REMOVEDIR);
		} else
			unlinkat(fd, e->d_name, 0);
	}
	if (top)
		unlinkat(fd, GT_MARKER, 0);
	closedir(d);
}

void
gt_own_rm(int dirfd, const char *name)
{
	int	 fd;

	if ((fd = gt_own_open(dirfd, name)) == -1)
		return;
	rm_in(fd, 0);
	unlinkat(dirfd, name, AT_REMOVEDIR);
}

char *
gt_own_resolve(const char *path)
{
	struct stat	 st;
	char		*p = gt_xstrdup(*path != '\0' ? path : "."), *real;
	char		*rest = gt_xstrdup(""), *slash, *s, *part, *save;

	/* The longest part of path that exists, resolved by the kernel. */
	while ((real = realpath(p, NULL)) == NULL) {
		/* A link to nothing (ENOENT), or a part that is no folder. */
		if (errno != ENOENT || lstat(p, &st) == 0) {
			free(p);
			free(rest);
			return NULL;
		}
		slash = strrchr(p, '/');
		s = gt_xasprintf("%s/%s", slash != NULL ? slash + 1 : p, rest);
		free(rest);
		rest = s;
		if (slash == NULL)
			strcpy(p, ".");
		else if (slash == p)
			strcpy(p, "/");
		else
			*slash = '\0';
	}
	free(p);
	/* The rest does not exist, so holds no link: taken as written. */
	for (part = strtok_r(rest, "/", &save); part != NULL;
	    part = strtok_r(NULL, "/", &save)) {
		if (strcmp(part, ".") == 0)
			continue;
		if (strcmp(part, "..") == 0) {
			if ((slash = strrchr(real, '/')) != NULL)
				slash[slash == real] = '\0';
			continue;
		}
		s = gt_xasprintf("%s%s%s", real, strcmp(real, "/") == 0 ? "" :
		    "/", part);
		free(real);
		real = s;
	}
	free(rest);
	return real;
}

/* Whether the resolved path a is b or inside it. */
static int
within(const char *a, const char *b)
{
	size_t	 n = strlen(b);

	if (strcmp(b, "/") == 0)
		return 1;
	return strncmp(a, b, n) == 0 && (a[n] == '\0' || a[n] == '/');
}

int
gt_own_apart(const char *out, const char *shown, const char *noun,
    const struct gt_own_input *in, size_t n)
{
	const char	*how;
	size_t		 i;

	for (i = 0; i < n; i++) {
		if (strcmp(out, in[i].path) == 0)
			how = "is";
		else if (within(in[i].path, out))
			how = "contains";
		else if (within(out, in[i].path) && !in[i].may_hold)
			how = "is inside";
		else
			continue;
		fprintf(stderr, "goldthread: the output %s '%s' %s %s "
		    "('%s'): goldthread never writes over or into the site's "
		    "inputs.\nName a %s apart from them%s.\n", noun, shown,
		    how, in[i].what, in[i].path, noun, strcmp(noun, "folder") ==
		    0 ? " (such as the default, 'public' in the site folder)" :
		    "");
		return -1;
	}
	return 0;
}

/* mkdir -p for the folders above the last slash of path. */
static void
make_parents(char *path)
{
	char	*p;

	for (p = strchr(path + 1, '/'); p != NULL; p = strchr(p + 1, '/')) {
		*p = '\0';
		mkdir(path, 0777);
		*p = '/';
	}
}

int
gt_own_lock(const char *dir, const char *shown, int wait)
{
	char		*path = gt_own_beside(dir, ".lock"), *parent, *name;
	struct stat	 st;
	int		 fd;

	make_parents(path);
	/* Never truncated or removed: only its lock matters. */
	fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK |
	    O_CLOEXEC, 0666);
	if (fd == -1 || fstat(fd, &st) == -1 || !S_ISREG(st.st_mode) ||
	    st.st_uid != geteuid()) {
		fprintf(stderr, "goldthread: cannot lock the output folder "
		    "'%s': '%s' %s\n", shown, path, fd == -1 ? strerror(errno) :
		    "is not a lock file of goldthread's (a file of yours)");
		goto fail;
	}
	if (flock(fd, LOCK_EX | LOCK_NB) == 0)
		goto out;
	if (errno != EWOULDBLOCK)
		goto err;
	if (!wait) {
		gt_own_split(dir, &parent, &name);
		fprintf(stderr, "goldthread: another build of '%s' is running "
		    "(it holds '%s/.%s.lock'); not waiting (--no-wait)\n",
		    shown, parent, name);
		free(parent);
		free(name);
		close(fd);
		free(path);
		errno = EWOULDBLOCK;
		return -1;
	}
	fprintf(stderr, "goldthread: waiting for another build of '%s'\n",
	    shown);
	while (flock(fd, LOCK_EX) == -1)
		if (errno != EINTR)
			goto err;
	goto out;
err:
	fprintf(stderr, "goldthread: cannot lock '%s': %s\n", path,
	    strerror(errno));
fail:
	if (fd != -1)
		close(fd);
	fd = -1;
	errno = EIO;
out:
	free(path);
	return fd;
}

/* Whether the folder open at fd holds nothing. */
static int
empty(int fd)
{
	DIR		*d;
	struct dirent	*e;
	int		 none = 1;

	if ((d = gt_own_list(fd)) == NULL)
		return 0;
	while (none && (e = readdir(d)) != NULL)
		none = strcmp(e->d_name, ".") == 0 ||
		    strcmp(e->d_name, "..") == 0;
	closedir(d);
	return none;
}

/* Move the folder dir aside to "dir.orig" (or ".orig.N"); 0 or -1. */
static int
move_aside(const char *dir, const char *shown)
{
	char	*to;
	int	 i, rc, taken;

	for (i = 1; i < 1000; i++) {
		to = i == 1 ? gt_xasprintf("%s.orig", dir) :
		    gt_xasprintf("%s.orig.%d", dir, i);
		rc = gt_own_rename(AT_FDCWD, dir, AT_FDCWD, to);
		taken = rc == -1 && (errno == EEXIST || errno == ENOTEMPTY);
		if (rc == 0)
			fprintf(stderr, "goldthread: moved what was in '%s' "
			    "(not made by goldthread) to '%s'; goldthread "
			    "never removes it\n", shown, to);
		else if (!taken)
			fprintf(stderr, "goldthread: cannot move '%s' aside "
			    "to '%s': %s\n", shown, to, strerror(errno));
		free(to);
		if (!taken)
			return rc;
	}
	fprintf(stderr, "goldthread: cannot move '%s' aside: too many "
	    "'%s.orig' folders\n", shown, dir);
	return -1;
}

int
gt_own_adopt(const char *dir, const char *shown, int force)
{
	int	 fd, rc = -1;

	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
	    O_CLOEXEC)) == -1) {
		if (errno == ENOENT)
			return 0;
		fprintf(stderr, "goldthread: the output '%s' %s\n", shown,
		    errno == ENOTDIR || errno == ELOOP ? "exists and is not a "
		    "folder: name a folder" : strerror(errno));
		return -1;
	}
	if (gt_own_marked(fd))
		rc = 0;
	else if (empty(fd)) {
		if ((rc = gt_own_mark(fd)) == -1)
			fprintf(stderr, "goldthread: cannot adopt the empty "
			    "folder '%s': %s\n", shown, strerror(errno));
	} else if (force)
		rc = move_aside(dir, shown);
	else
		fprintf(stderr, "goldthread: the output folder '%s' was not "
		    "made by goldthread (it has no %s file) and is not "
		    "empty: a build replaces everything in its output folder."
		    "\nName a new or empty folder, or use --force to move "
		    "what is in it aside to '%s.orig' and build there.\n",
		    shown, GT_MARKER, shown);
	close(fd);
	return rc;
}
