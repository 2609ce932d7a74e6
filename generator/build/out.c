/* out.c: build aside, then swap in. */
#define _GNU_SOURCE		/* renameat2(), statx(), copy_file_range() */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "out.h"
#include "own.h"
#include "util.h"

/* The first line of a tree's list: a file without it is not one. */
#define LIST_HEAD	"goldthread list 2\n"

/*
 * A file as goldthread last wrote or checked it. An edit changes the
 * change time, which no program can set back (touch -r and rsync set
 * only the modification time), and a replacement the inode.
 */
struct stamp {
	unsigned long long	 ino, size, sec, nsec;
};

/* A file of a tree: its path in it and the cache key it was made from. */
struct file {
	char		*rel;
	char		*key;		/* or NULL: not from the cache */
	struct stamp	 st;
	int		 stamped;	/* st is known */
	int		 gone;		/* of the earlier tree: removed or taken */
};

struct gt_out {
	struct gt_diag	*diag;		/* where its problems are reported */
	char		*dir;		/* the output (links resolved) */
	char		*name;		/* its name, for side entries */
	int		 parent;	/* the folder holding them, open */
	char		*tmpname;	/* the staging folder, in parent */
	char		*tmp;		/* its path */
	int		 fd;		/* it, open */
	int		 committed;
	unsigned	 ntrash;	/* trees renamed aside to be removed */
	char		*old;		/* the one being removed */
	pthread_t	 remover;	/* by this thread, if old is set */
	char		**made;		/* folders in tmp known to exist, as rel */
	size_t		 nmade, cap;
	/*
	 * The files of the tree taken over from an earlier build (see
	 * gt_out_reused), and those this build made (with the second
	 * process's, once imported): the tree's list when it is done.
	 */
	struct gt_map	 prev_ix, made_ix;
	struct file	**prev, **files;
	size_t		 nprev, capprev, nfiles, capfiles;
};

static void
report(struct gt_out *o, const char *path, const char *what)
{
	struct gt_loc	 loc = { path, 0, 0 };

	gt_msg(o->diag, GT_E_WRITE, &loc, "%s: %s", what, strerror(errno));
}

static void
stamp_of(struct stamp *s, const struct stat *st)
{
	s->ino = st->st_ino;
	s->size = (unsigned long long)st->st_size;
	s->sec = (unsigned long long)st->st_ctim.tv_sec;
	s->nsec = (unsigned long long)st->st_ctim.tv_nsec;
}

static struct file *
file_add(struct gt_map *ix, struct file ***v, size_t *n, size_t *cap,
    const char *rel, const char *key, const struct stamp *st)
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
	if ((f->stamped = st != NULL))
		f->st = *st;
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
made(struct gt_out *o, const char *rel, const char *key,
    const struct stamp *st)
{
	file_add(&o->made_ix, &o->files, &o->nfiles, &o->capfiles, rel, key,
	    st);
}

/* Before rel is written anew: the earlier tree's file there goes. */
static void
clear(struct gt_out *o, const char *rel)
{
	struct file	*f = gt_map_get(&o->prev_ix, rel);

	if (f != NULL && !f->gone) {
		unlinkat(o->fd, rel, 0);
		f->gone = 1;
	}
}

/* ".NAME" + suffix: a side entry's name in the parent folder. */
static char *
side(const struct gt_out *o, const char *suffix)
{
	return gt_xasprintf(".%s%s", o->name, suffix);
}

/*
 * The list of the tree open at fd: ".NAME.list-ID", ID its device, inode
 * and birth time, which no rename changes and no later folder shares.
 * NULL where the file system keeps no birth time (then no tree is taken
 * over).
 */
static char *
list_name(const struct gt_out *o, int fd)
{
	struct statx	 st;
	char		*id, *list;

	if (statx(fd, "", AT_EMPTY_PATH, STATX_INO | STATX_BTIME, &st) == -1 ||
	    !(st.stx_mask & STATX_BTIME))
		return NULL;
	id = gt_xasprintf(".list-%x.%x-%llx-%lld.%09u", st.stx_dev_major,
	    st.stx_dev_minor, (unsigned long long)st.stx_ino,
	    (long long)st.stx_btime.tv_sec, st.stx_btime.tv_nsec);
	list = side(o, id);
	free(id);
	return list;
}

/*
 * A stamp "INO.SIZE.SEC.NSEC" (hex) of len bytes at s; 0, or -1 if it is
 * not one. Thousands a rebuild: no sscanf.
 */
static int
stamp_parse(struct stamp *st, const char *s, size_t len)
{
	unsigned long long	*v[4] = { &st->ino, &st->size, &st->sec,
				    &st->nsec };
	const char		*end = s + len;
	int			 i, d;

	for (i = 0; i < 4; i++) {
		if (i > 0 && (s == end || *s++ != '.'))
			return -1;
		for (*v[i] = 0, d = 0; s < end && d < 16 &&
		    strchr("0123456789abcdef", *s) != NULL && *s != '\0';
		    s++, d++)
			*v[i] = *v[i] << 4 | (unsigned long long)(*s <= '9' ?
			    *s - '0' : *s - 'a' + 10);
		if (d == 0)
			return -1;
	}
	return s == end ? 0 : -1;
}

/*
 * Lines "KEY<tab>STAMP<tab>REL" (KEY, STAMP empty if none) into the files
 * of ix: 0, or -1 if one is not such a line or its REL leaves the tree
 * (an empty, "." or ".." part), so nothing outside it is ever removed.
 */
static int
parse(struct gt_map *ix, struct file ***v, size_t *n, size_t *cap,
    const char *text, size_t len)
{
	const char	*end = text + len, *nl, *t1, *t2, *p, *q;
	struct stamp	 st;
	char		*key, *rel;
	int		 stamped;

	for (; text < end; text = nl + 1) {
		if ((nl = memchr(text, '\n', (size_t)(end - text))) == NULL ||
		    (t1 = memchr(text, '\t', (size_t)(nl - text))) == NULL ||
		    (t2 = memchr(t1 + 1, '\t', (size_t)(nl - t1 - 1))) == NULL)
			return -1;
		if ((stamped = t2 > t1 + 1) &&
		    stamp_parse(&st, t1 + 1, (size_t)(t2 - t1 - 1)) == -1)
			return -1;
		for (p = t2 + 1; p <= nl; p = q + 1) {
			if ((q = memchr(p, '/', (size_t)(nl - p))) == NULL)
				q = nl;
			if (q == p || (q - p == 1 && p[0] == '.') ||
			    (q - p == 2 && p[0] == '.' && p[1] == '.'))
				return -1;
		}
		key = gt_xstrndup(text, (size_t)(t1 - text));
		rel = gt_xstrndup(t2 + 1, (size_t)(nl - t2 - 1));
		file_add(ix, v, n, cap, rel, *key != '\0' ? key : NULL,
		    stamped ? &st : NULL);
		free(key);
		free(rel);
	}
	return 0;
}

/* The files made, a line each as parse() reads them. */
static void
lines(const struct gt_out *o, struct gt_buf *b)
{
	const struct file	*f;
	size_t			 i;

	for (i = 0; i < o->nfiles; i++) {
		f = o->files[i];
		gt_buf_puts(b, f->key != NULL ? f->key : "");
		if (f->stamped)
			gt_buf_printf(b, "\t%llx.%llx.%llx.%llx\t", f->st.ino,
			    f->st.size, f->st.sec, f->st.nsec);
		else
			gt_buf_puts(b, "\t\t");
		gt_buf_puts(b, f->rel);
		gt_buf_putc(b, '\n');
	}
}

/*
 * Whether the tree open at fd holds only folders and regular files:
 * anything else (a link put there) is removed first, so that no path
 * into the tree leads out of it. 0, or -1 if it cannot be made so.
 */
static int
plain(int fd, int depth)
{
	DIR		*d;
	struct dirent	*e;
	struct stat	 st;
	int		 sub, type, rc = 0;

	if ((d = gt_own_list(fd)) == NULL)
		return -1;
	while (rc == 0 && (e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		if ((type = e->d_type) == DT_UNKNOWN)
			type = fstatat(fd, e->d_name, &st,
			    AT_SYMLINK_NOFOLLOW) == 0 ? IFTODT(st.st_mode) :
			    DT_UNKNOWN;
		if (type == DT_DIR) {
			if (depth > GT_MAX_DEPTH || (sub = openat(fd, e->d_name,
			    O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)) ==
			    -1)
				rc = -1;
			else {
				rc = plain(sub, depth + 1);
				close(sub);
			}
		} else if (type != DT_REG && unlinkat(fd, e->d_name, 0) == -1)
			rc = -1;
	}
	closedir(d);
	return rc;
}

static void *
remove_old(void *arg)
{
	struct gt_out	*o = arg;

	gt_own_rm(o->parent, o->old);
	return NULL;
}

static void
join_old(struct gt_out *o)
{
	if (o->old != NULL) {
		pthread_join(o->remover, NULL);
		free(o->old);
		o->old = NULL;
	}
}

/*
 * A tree of goldthread's that nothing needs (name, in the parent) is
 * renamed aside as ".NAME.tmp-PID.old-N", where a build that finds it
 * removes it if this one stops, and removed (thousands of files) while
 * the caller goes on; gt_out_free() waits for it. Removed here and now if
 * no thread starts.
 */
static void
drop(struct gt_out *o, const char *name)
{
	char	*trash = gt_xasprintf("%s.old-%u", o->tmpname, o->ntrash++);

	if (gt_own_rename(o->parent, name, o->parent, trash) == -1) {
		gt_own_rm(o->parent, name);
		free(trash);
		return;
	}
	join_old(o);	/* one at a time */
	o->old = trash;
	if (pthread_create(&o->remover, NULL, remove_old, o) != 0) {
		gt_own_rm(o->parent, trash);
		o->old = NULL;
		free(trash);
	}
}

/*
 * Take over the tree the build before last published (".NAME.prev"), as
 * this build's staging folder, if goldthread made it and its list says
 * what each file was made from: files with the same key, unchanged since,
 * stay where they are, instead of thousands of files made and removed a
 * build. The list is removed first, so a tree this build has begun to
 * change is never trusted again (a killed build's is removed as stale);
 * without a list the tree is removed.
 */
static void
take_prev(struct gt_out *o)
{
	char	*prev = side(o, ".prev"), *list = NULL, *text = NULL;
	size_t	 len, head = strlen(LIST_HEAD);
	int	 fd;

	if ((fd = gt_own_open(o->parent, prev)) == -1) {
		if (errno == EPERM)
			fprintf(stderr, "goldthread: leaving '%s' beside '%s' "
			    "alone: goldthread did not make it\n", prev,
			    o->dir);
		goto out;
	}
	if ((list = list_name(o, fd)) == NULL ||
	    gt_read_own(o->parent, list, &text, &len) == -1 || len < head ||
	    memcmp(text, LIST_HEAD, head) != 0 ||
	    unlinkat(o->parent, list, 0) == -1 ||
	    parse(&o->prev_ix, &o->prev, &o->nprev, &o->capprev, text + head,
	    len - head) == -1 || plain(fd, 0) == -1 ||
	    gt_own_rename(o->parent, prev, o->parent, o->tmpname) == -1) {
		close(fd);
		files_free(&o->prev_ix, o->prev, o->nprev);
		memset(&o->prev_ix, 0, sizeof(o->prev_ix));
		o->prev = NULL;
		o->nprev = o->capprev = 0;
		drop(o, prev);
		goto out;
	}
	o->fd = fd;
out:
	free(text);
	free(list);
	free(prev);
}

/* The names in the parent that begin with ".NAME" and suffix. */
static char **
side_names(const struct gt_out *o, const char *suffix, size_t *n)
{
	char		*prefix = side(o, suffix), **v = NULL;
	size_t		 len = strlen(prefix), cap = 0;
	DIR		*d;
	struct dirent	*e;

	*n = 0;
	if ((d = gt_own_list(o->parent)) != NULL) {
		while ((e = readdir(d)) != NULL)
			if (strncmp(e->d_name, prefix, len) == 0)
				*GT_PUSH(v, *n, cap) = gt_xstrdup(e->d_name);
		closedir(d);
	}
	free(prefix);
	return v;
}

/*
 * Staging folders of builds that were killed (".NAME.tmp-PID", and trees
 * they were removing) are removed: the build holds the output's lock, so
 * no other build is using them. Only goldthread's; an empty folder too
 * (one killed before its marker was written).
 */
static void
rm_stale(struct gt_out *o)
{
	char	**v;
	size_t	 i, n;

	/* Removed after the walk: readdir may skip what changes. */
	v = side_names(o, ".tmp-", &n);
	for (i = 0; i < n; i++) {
		gt_own_rm(o->parent, v[i]);
		unlinkat(o->parent, v[i], AT_REMOVEDIR);
		free(v[i]);
	}
	free(v);
}

struct gt_out *
gt_out_new(const char *dir, struct gt_diag *diag)
{
	struct gt_out	*o = gt_xcalloc(1, sizeof(*o));
	char		*parent;

	o->diag = diag;
	o->fd = -1;
	gt_own_split(dir, &parent, &o->name);
	o->dir = gt_xstrdup(dir);
	o->tmpname = gt_xasprintf(".%s.tmp-%ld", o->name, (long)getpid());
	o->tmp = gt_xasprintf("%s/%s", parent, o->tmpname);
	if ((o->parent = open(parent, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) ==
	    -1) {
		free(parent);
		report(o, o->dir, "cannot open the folder of the output folder");
		gt_out_free(o);
		return NULL;
	}
	free(parent);
	rm_stale(o);
	take_prev(o);
	if (o->fd == -1 && (o->fd = gt_own_mkdir(o->parent, o->tmpname)) ==
	    -1) {
		report(o, o->tmp, "cannot create the staging folder");
		gt_out_free(o);
		return NULL;
	}
	made(o, GT_MARKER, NULL, NULL);
	return o;
}

/*
 * The folders above rel in the folder root, made once (made lists those
 * known to exist, as rel): a mkdir of a folder that exists still locks
 * its parent, which two processes writing thousands of files then queue
 * on. Whatever else is in a folder's place is replaced.
 */
static int
dirs_once(int root, const char *rel, char ***made, size_t *n, size_t *cap)
{
	const char	*slash = strrchr(rel, '/');
	size_t		 len = slash != NULL ? (size_t)(slash - rel) : 0, i;
	struct stat	 st;
	char		*path, *p;
	int		 rc = 0;

	if (len == 0)
		return 0;
	for (i = 0; i < *n; i++)
		if (strncmp((*made)[i], rel, len) == 0 &&
		    (*made)[i][len] == '\0')
			return 0;
	path = gt_xstrndup(rel, len);
	for (p = path; rc == 0 && p != NULL; p = p != NULL ? p + 1 : NULL) {
		if ((p = strchr(p, '/')) != NULL)
			*p = '\0';
		if (mkdirat(root, path, 0777) == -1 && (errno != EEXIST ||
		    (fstatat(root, path, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
		    !S_ISDIR(st.st_mode) && (unlinkat(root, path, 0) == -1 ||
		    mkdirat(root, path, 0777) == -1))))
			rc = -1;
		if (p != NULL)
			*p = '/';
	}
	if (rc == 0)
		*GT_PUSH(*made, *n, *cap) = path;
	else
		free(path);
	return rc;
}

/* Make the folders above rel; 0, or -1 (reported). */
static int
out_dirs(struct gt_out *o, const char *rel)
{
	int	 rc;

	if ((rc = dirs_once(o->fd, rel, &o->made, &o->nmade, &o->cap)) == -1)
		report(o, rel, "cannot create folder");
	return rc;
}

void
gt_out_report_to(struct gt_out *o, struct gt_diag *diag)
{
	o->diag = diag;
}

long long
gt_out_size(const struct gt_out *o, const char *rel)
{
	struct stat	 st;

	return fstatat(o->fd, rel, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
	    S_ISREG(st.st_mode) ? (long long)st.st_size : -1;
}

char *
gt_out_path(struct gt_out *o, const char *rel)
{
	if (out_dirs(o, rel) == -1)
		return NULL;
	clear(o, rel);
	made(o, rel, NULL, NULL);
	return gt_xasprintf("%s/%s", o->tmp, rel);
}

int
gt_out_open(struct gt_out *o, const char *rel)
{
	int	 fd, flags = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
		    O_CLOEXEC;

	if (out_dirs(o, rel) == -1)
		return -1;
	clear(o, rel);
	made(o, rel, NULL, NULL);
	/* A new file: never one there before, nor where a link leads. */
	if ((fd = openat(o->fd, rel, flags, 0666)) == -1 && errno == EEXIST &&
	    unlinkat(o->fd, rel, 0) == 0)
		fd = openat(o->fd, rel, flags, 0666);
	if (fd == -1)
		report(o, rel, "cannot write");
	return fd;
}

int
gt_out_write(struct gt_out *o, const char *rel, const void *data, size_t len)
{
	int	 fd, rc;

	if ((fd = gt_out_open(o, rel)) == -1)
		return -1;
	rc = gt_write_all(fd, data, len);
	if (close(fd) == -1)
		rc = -1;
	if (rc == -1)
		report(o, rel, "cannot write");
	return rc;
}

/*
 * A copy of the file open at from into to: sharing its blocks where the
 * file system can (copy_file_range reflinks on btrfs, XFS), else read
 * and written. 0 or -1.
 */
static int
copy(int from, int to)
{
	char	 buf[65536];
	ssize_t	 n;

	while ((n = copy_file_range(from, NULL, to, NULL, 1L << 30, 0)) > 0)
		continue;
	if (n == 0)
		return 0;
	if (errno != EXDEV && errno != EINVAL && errno != ENOSYS &&
	    errno != EOPNOTSUPP)
		return -1;
	while ((n = read(from, buf, sizeof(buf))) > 0)
		if (gt_write_all(to, buf, (size_t)n) == -1)
			return -1;
	return n == 0 ? 0 : -1;
}

int
gt_out_copy(struct gt_out *o, const char *rel, int from)
{
	int	 to, rc;

	if ((to = gt_out_open(o, rel)) == -1)
		return -1;
	rc = copy(from, to);
	if (close(to) == -1)
		rc = -1;
	return rc;
}

int
gt_out_reused(struct gt_out *o, const char *rel, const char *key)
{
	struct file	*f = gt_map_get(&o->prev_ix, rel);
	struct stat	 st;
	struct stamp	 now;

	if (f != NULL && !f->gone && f->key != NULL && f->stamped &&
	    strcmp(f->key, key) == 0 &&
	    fstatat(o->fd, rel, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
	    S_ISREG(st.st_mode)) {
		stamp_of(&now, &st);
		if (memcmp(&now, &f->st, sizeof(now)) == 0) {
			f->gone = 1;
			made(o, rel, key, &now);
			return 1;
		}
	}
	clear(o, rel);
	return 0;
}

void
gt_out_keyed(struct gt_out *o, const char *rel, const char *key)
{
	made(o, rel, key, NULL);
}

void
gt_out_export(const struct gt_out *o, FILE *f)
{
	struct gt_buf	 b = { 0 };

	lines(o, &b);
	if (b.len > 0)
		fwrite(b.data, 1, b.len, f);
	gt_buf_free(&b);
}

void
gt_out_import(struct gt_out *o, const char *text, size_t len)
{
	parse(&o->made_ix, &o->files, &o->nfiles, &o->capfiles, text, len);
}

/*
 * The list of the tree open at fd: this build's files, their keys and
 * (for files from the cache, the ones a later build may keep) stamps.
 */
static void
write_list(struct gt_out *o, int fd)
{
	struct gt_buf	 b = { 0 };
	struct file	*f;
	struct stat	 st;
	char		*list, *tmp;
	size_t		 i;
	int		 lf, ok;

	if ((list = list_name(o, fd)) == NULL)
		return;
	for (i = 0; i < o->nfiles; i++) {
		f = o->files[i];
		if (f->key != NULL && !f->stamped &&
		    fstatat(o->fd, f->rel, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
		    S_ISREG(st.st_mode)) {
			stamp_of(&f->st, &st);
			f->stamped = 1;
		}
	}
	gt_buf_puts(&b, LIST_HEAD);
	lines(o, &b);
	tmp = gt_xasprintf("%s.tmp-%ld", list, (long)getpid());
	if ((lf = openat(o->parent, tmp, O_WRONLY | O_CREAT | O_EXCL |
	    O_NOFOLLOW | O_CLOEXEC, 0666)) != -1) {
		ok = gt_write_all(lf, b.data, b.len) == 0;
		ok = close(lf) == 0 && ok;
		if (!ok || gt_own_rename(o->parent, tmp, o->parent, list) == -1)
			unlinkat(o->parent, tmp, 0);
	}
	free(tmp);
	free(list);
	gt_buf_free(&b);
}

/* Forget the stamps: links made or removed change the files' own. */
static void
unstamp(struct gt_out *o)
{
	size_t	 i;

	for (i = 0; i < o->nfiles; i++)
		o->files[i]->stamped = 0;
}

/*
 * A first build (no output before it) leaves a copy of its tree in links
 * as ".NAME.prev", for the next build to take over: the first rebuild
 * would otherwise write every file anew. Then both trees' lists are
 * written. Any failure: no copy.
 */
static void
seed_prev(struct gt_out *o)
{
	char		*prev = side(o, ".prev");
	char		**dirs = NULL;
	size_t		 i, ndirs = 0, cap = 0;
	int		 fd, ok = 1;

	if ((fd = gt_own_mkdir(o->parent, prev)) != -1) {
		for (i = 0; ok && i < o->nfiles; i++)
			ok = strcmp(o->files[i]->rel, GT_MARKER) == 0 ||
			    (dirs_once(fd, o->files[i]->rel, &dirs, &ndirs,
			    &cap) == 0 && linkat(o->fd, o->files[i]->rel, fd,
			    o->files[i]->rel, 0) == 0);
		unstamp(o);
		if (ok)
			write_list(o, fd);
		else
			gt_own_rm(o->parent, prev);
		close(fd);
	}
	write_list(o, o->fd);
	while (ndirs > 0)
		free(dirs[--ndirs]);
	free(dirs);
	free(prev);
}

/*
 * The taken-over tree's files that this build did not make are removed,
 * with the folders they leave empty; then, if list, the finished tree's
 * list is written, for the build that takes it over.
 */
static void
finish_tree(struct gt_out *o, int list)
{
	char		*slash, *dir;
	size_t		 i;

	for (i = 0; i < o->nprev; i++) {
		if (o->prev[i]->gone ||
		    gt_map_get(&o->made_ix, o->prev[i]->rel) != NULL)
			continue;
		unlinkat(o->fd, o->prev[i]->rel, 0);
		dir = gt_xstrdup(o->prev[i]->rel);
		while ((slash = strrchr(dir, '/')) != NULL) {
			*slash = '\0';
			if (unlinkat(o->fd, dir, AT_REMOVEDIR) == -1)
				break;
		}
		free(dir);
	}
	if (list)
		write_list(o, o->fd);
}

/* Whether the file name in the parent is a list of goldthread's. */
static int
is_list(const struct gt_out *o, const char *name)
{
	char		 head[sizeof(LIST_HEAD)];
	ssize_t		 n;
	struct stat	 st;
	int		 fd, ours;

	if ((fd = openat(o->parent, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK |
	    O_CLOEXEC)) == -1)
		return 0;
	n = read(fd, head, sizeof(head) - 1);
	/* Empty: one whose writing was stopped; nothing in it is lost. */
	ours = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
	    st.st_uid == geteuid() && (n == 0 || (n == sizeof(head) - 1 &&
	    memcmp(head, LIST_HEAD, (size_t)n) == 0));
	close(fd);
	return ours;
}

/*
 * The tree a commit replaced (name, in the parent) is kept as
 * ".NAME.prev" for the next build to take over, if goldthread made it;
 * lists of trees gone are removed.
 */
static void
retire(struct gt_out *o, const char *name)
{
	char	*prev = side(o, ".prev"), *keep[2] = { NULL, NULL }, **v;
	size_t	 i, n;
	int	 fd;

	if ((fd = gt_own_open(o->parent, name)) == -1)
		fprintf(stderr, "goldthread: the folder that was '%s' during "
		    "the build was not made by goldthread: it is kept as '%s'\n",
		    o->dir, name);
	else if (gt_own_rename(o->parent, name, o->parent, prev) == -1)
		drop(o, name);
	else
		keep[1] = list_name(o, fd);
	keep[0] = list_name(o, o->fd);
	v = side_names(o, ".list-", &n);
	for (i = 0; i < n; i++) {
		if ((keep[0] == NULL || strcmp(v[i], keep[0]) != 0) &&
		    (keep[1] == NULL || strcmp(v[i], keep[1]) != 0) &&
		    is_list(o, v[i]))
			unlinkat(o->parent, v[i], 0);
		free(v[i]);
	}
	free(v);
	if (fd != -1)
		close(fd);
	free(keep[0]);
	free(keep[1]);
	free(prev);
}

int
gt_out_commit(struct gt_out *o)
{
	struct stat	 st;
	char		*old;

	if (fstatat(o->parent, o->name, &st, AT_SYMLINK_NOFOLLOW) == -1) {
		if (errno != ENOENT)
			goto fail;
		finish_tree(o, 0);
		if (gt_own_rename(o->parent, o->tmpname, o->parent,
		    o->name) == -1)
			goto fail;
		o->committed = 1;
		seed_prev(o);
		return 0;
	}
	/* A link or a file put in its place during the build stays. */
	if (!S_ISDIR(st.st_mode)) {
		errno = ENOTDIR;
		goto fail;
	}
	finish_tree(o, 1);
	if (renameat2(o->parent, o->tmpname, o->parent, o->name,
	    RENAME_EXCHANGE) == 0) {
		/* One step: the output folder is never absent. */
		o->committed = 1;
		retire(o, o->tmpname);
		return 0;
	}
	if (errno != EINVAL && errno != ENOSYS)
		goto fail;
	/*
	 * Where the file system cannot exchange two names the folder is
	 * briefly absent; if the second rename fails the old one goes back.
	 */
	old = gt_xasprintf("%s.old-%u", o->tmpname, o->ntrash++);
	if (renameat(o->parent, o->name, o->parent, old) == -1) {
		free(old);
		goto fail;
	}
	if (renameat(o->parent, o->tmpname, o->parent, o->name) == -1) {
		renameat(o->parent, old, o->parent, o->name);
		free(old);
		goto fail;
	}
	o->committed = 1;
	retire(o, old);
	free(old);
	return 0;
fail:
	report(o, o->dir, "cannot replace the output folder");
	return -1;
}

void
gt_out_free(struct gt_out *o)
{
	if (o == NULL)
		return;
	join_old(o);
	if (!o->committed && o->fd != -1)
		gt_own_rm(o->parent, o->tmpname);
	if (o->fd != -1)
		close(o->fd);
	if (o->parent != -1)
		close(o->parent);
	while (o->nmade > 0)
		free(o->made[--o->nmade]);
	free(o->made);
	files_free(&o->prev_ix, o->prev, o->nprev);
	files_free(&o->made_ix, o->files, o->nfiles);
	free(o->dir);
	free(o->name);
	free(o->tmpname);
	free(o->tmp);
	free(o);
}
