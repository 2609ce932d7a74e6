/* util.c: allocation that cannot fail, buffers, files, UTF-8. */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib.h>
#include <xxhash.h>

#include "util.h"

void
gt_oom(void)
{
	fputs("goldthread: out of memory\n", stderr);
	abort();
}

void *
gt_xmalloc(size_t n)
{
	void	*p = malloc(n ? n : 1);

	if (p == NULL)
		gt_oom();
	return p;
}

void *
gt_xcalloc(size_t n, size_t sz)
{
	void	*p = calloc(n ? n : 1, sz ? sz : 1);

	if (p == NULL)
		gt_oom();
	return p;
}

void *
gt_xrealloc(void *p, size_t n)
{
	if ((p = realloc(p, n ? n : 1)) == NULL)
		gt_oom();
	return p;
}

void *
gt_xgrow(void *p, size_t *cap, size_t want, size_t sz)
{
	size_t	 ncap;

	if (want <= *cap)
		return p;
	ncap = *cap ? *cap : 8;
	while (ncap < want) {
		if (ncap > SIZE_MAX / 2)
			gt_oom();
		ncap *= 2;
	}
	if (ncap > SIZE_MAX / sz)
		gt_oom();
	p = gt_xrealloc(p, ncap * sz);
	*cap = ncap;
	return p;
}

char *
gt_xstrdup(const char *s)
{
	return gt_xstrndup(s, strlen(s));
}

char *
gt_xstrndup(const char *s, size_t n)
{
	char	*p = gt_xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
gt_xvasprintf(const char *fmt, va_list ap)
{
	char	*s;
	va_list	 copy;
	int	 n;

	va_copy(copy, ap);
	n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n < 0)
		gt_oom();
	s = gt_xmalloc((size_t)n + 1);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	return s;
}

char *
gt_xasprintf(const char *fmt, ...)
{
	char	*s;
	va_list	 ap;

	va_start(ap, fmt);
	s = gt_xvasprintf(fmt, ap);
	va_end(ap);
	return s;
}

void
gt_buf_add(struct gt_buf *b, const void *p, size_t n)
{
	b->data = gt_xgrow(b->data, &b->cap, b->len + n + 1, 1);
	if (n > 0)	/* p may be an empty buffer's NULL */
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
gt_buf_puts(struct gt_buf *b, const char *s)
{
	gt_buf_add(b, s, strlen(s));
}

void
gt_buf_putc(struct gt_buf *b, int c)
{
	char	 ch = (char)c;

	gt_buf_add(b, &ch, 1);
}

void
gt_buf_vprintf(struct gt_buf *b, const char *fmt, va_list ap)
{
	va_list	 copy;
	int	 n;

	va_copy(copy, ap);
	n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n < 0)
		gt_oom();
	b->data = gt_xgrow(b->data, &b->cap, b->len + (size_t)n + 1, 1);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void
gt_buf_printf(struct gt_buf *b, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	gt_buf_vprintf(b, fmt, ap);
	va_end(ap);
}

void
gt_buf_reset(struct gt_buf *b)
{
	b->len = 0;
	if (b->data != NULL)
		b->data[0] = '\0';
}

char *
gt_buf_steal(struct gt_buf *b)
{
	char	*s = b->data != NULL ? b->data : gt_xstrdup("");

	b->data = NULL;
	b->len = b->cap = 0;
	return s;
}

void
gt_buf_free(struct gt_buf *b)
{
	if (b == NULL)
		return;
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

/*
 * The file open at fd (closed here) into *data and *len; a folder is
 * refused, and with own anything but a regular file of this user.
 */
static int
read_fd(int fd, int own, char **data, size_t *len)
{
	struct stat	 st;
	char		*p = NULL;
	size_t		 cap = 0, n = 0;
	ssize_t		 r;
	int		 rc = -1, saved;

	if (fstat(fd, &st) == -1)
		goto out;
	if (S_ISDIR(st.st_mode)) {
		errno = EISDIR;
		goto out;
	}
	if (own && (!S_ISREG(st.st_mode) || st.st_uid != geteuid())) {
		errno = EPERM;
		goto out;
	}
	if (st.st_size > GT_MAX_FILE_BYTES) {
		errno = EFBIG;
		goto out;
	}
	/*
	 * Room for the size it has, and read to the end: a file may grow, or
	 * (in /proc) say it has no size. Thousands of small files a build:
	 * no stdio buffer each.
	 */
	p = gt_xgrow(p, &cap, (size_t)st.st_size + 2, 1);
	for (;;) {
		if (n + 1 == cap)
			p = gt_xgrow(p, &cap, cap + 65536, 1);
		if ((r = read(fd, p + n, cap - n - 1)) == -1) {
			if (errno == EINTR)
				continue;
			goto out;
		}
		if (r == 0)
			break;
		n += (size_t)r;
		if (n > (size_t)GT_MAX_FILE_BYTES) {
			errno = EFBIG;
			goto out;
		}
	}
	p[n] = '\0';
	*data = p;
	*len = n;
	p = NULL;
	rc = 0;
out:
	saved = errno;
	free(p);
	close(fd);
	errno = saved;
	return rc;
}

int
gt_write_all(int fd, const void *data, size_t len)
{
	const char	*p = data;
	ssize_t		 n;

	while (len > 0) {
		if ((n = write(fd, p, len)) > 0) {
			p += n;
			len -= (size_t)n;
		} else if (n == 0 || errno != EINTR) {
			if (n == 0)
				errno = EIO;
			return -1;
		}
	}
	return 0;
}

int
gt_write_file(const char *path, const void *data, size_t len)
{
	int	 fd, rc, e;

	if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
	    0666)) == -1)
		return -1;
	rc = gt_write_all(fd, data, len);
	e = errno;
	if (close(fd) == -1 && rc == 0) {
		rc = -1;
		e = errno;
	}
	errno = e;
	return rc;
}

int
gt_read_own(int dirfd, const char *path, char **data, size_t *len)
{
	int	 fd;

	/* O_NONBLOCK: a FIFO put there must not stop the build. */
	if ((fd = openat(dirfd, path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK |
	    O_CLOEXEC)) == -1)
		return -1;
	return read_fd(fd, 1, data, len);
}

int
gt_read_file(const char *path, char **data, size_t *len)
{
	int	 fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return -1;
	return read_fd(fd, 0, data, len);
}

struct gt_fence {
	char	*real;		/* the folder's real path; NULL: see err */
	size_t	 nreal;
	int	 err;
	char	*dir;		/* the last folder found to be inside */
};

struct gt_fence *
gt_fence_new(const char *root)
{
	struct gt_fence	*f = gt_xcalloc(1, sizeof(*f));

	if ((f->real = realpath(root, NULL)) == NULL)
		f->err = errno;
	else
		f->nreal = strlen(f->real);
	return f;
}

void
gt_fence_free(struct gt_fence *f)
{
	if (f == NULL)
		return;
	free(f->real);
	free(f->dir);
	free(f);
}

/* The real path of path, if it is inside the fence; NULL with errno if not. */
static char *
fence_real(const struct gt_fence *f, const char *path)
{
	char	*real;

	if (f->real == NULL) {
		errno = f->err;
		return NULL;
	}
	if ((real = realpath(path, NULL)) == NULL)
		return NULL;
	/* The folder itself, or below it ("/" holds everything). */
	if (f->nreal > 1 && (strncmp(real, f->real, f->nreal) != 0 ||
	    (real[f->nreal] != '\0' && real[f->nreal] != '/'))) {
		free(real);
		errno = EXDEV;
		return NULL;
	}
	return real;
}

int
gt_fence_stat(struct gt_fence *f, const char *path, struct stat *st)
{
	char	*real;
	int	 rc;

	if ((real = fence_real(f, path)) == NULL)
		return -1;
	rc = stat(real, st);
	free(real);
	return rc;
}

/*
 * Is the folder that path is in inside the fence? Files are mostly read a
 * folder at a time, so the last folder found inside is remembered.
 */
static int
fence_dir(struct gt_fence *f, const char *path)
{
	const char	*slash = strrchr(path, '/');
	char		*dir, *real;

	dir = slash == NULL ? gt_xstrdup(".") : slash == path ?
	    gt_xstrdup("/") : gt_xstrndup(path, (size_t)(slash - path));
	if (f->dir != NULL && strcmp(f->dir, dir) == 0) {
		free(dir);
		return 0;
	}
	if ((real = fence_real(f, dir)) == NULL) {
		free(dir);
		return -1;
	}
	free(real);
	free(f->dir);
	f->dir = dir;
	return 0;
}

int
gt_fence_open(struct gt_fence *f, const char *path)
{
	struct stat	 st;
	char		*real;
	int		 fd, saved;
	/* A FIFO opened so returns at once; a link is not followed. */
	const int	 flags = O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY |
			    O_CLOEXEC;

	if (fence_dir(f, path) == -1)
		return -1;
	if ((fd = open(path, flags)) == -1 && errno == ELOOP) {
		/* A link: followed only if it leads somewhere inside. */
		if ((real = fence_real(f, path)) == NULL)
			return -1;
		fd = open(real, flags);
		free(real);
	}
	if (fd == -1) {
		if (errno == ENXIO)	/* a socket, or a device without one */
			errno = ENODEV;
		return -1;
	}
	if (fstat(fd, &st) == 0) {
		if (S_ISREG(st.st_mode))
			return fd;
		errno = S_ISDIR(st.st_mode) ? EISDIR : ENODEV;
	}
	saved = errno;
	close(fd);
	errno = saved;
	return -1;
}

int
gt_fence_read(struct gt_fence *f, const char *path, char **data, size_t *len)
{
	int	 fd;

	if ((fd = gt_fence_open(f, path)) == -1)
		return -1;
	return read_fd(fd, 0, data, len);
}

int
gt_read_in(const char *root, const char *path, char **data, size_t *len)
{
	struct gt_fence	*f = gt_fence_new(root);
	int		 rc, saved;

	rc = gt_fence_read(f, path, data, len);
	saved = errno;
	gt_fence_free(f);
	errno = saved;
	return rc;
}

const char *
gt_read_strerror(int e)
{
	if (e == EXDEV)
		return "a link leading out of its folder";
	if (e == ENODEV)
		return "not a regular file (a FIFO, socket or device)";
	return strerror(e);
}

void
gt_text_scan(struct gt_text_scan *t, const char *s, size_t n)
{
	t->s = (const unsigned char *)s;
	t->n = n;
	t->i = t->ls = 0;
	t->line = 1;
}

size_t
gt_utf8_get(const char *s, size_t n, unsigned long *cp)
{
	const unsigned char	*p = (const unsigned char *)s;
	unsigned long		 c;
	size_t			 len, k;

	if (n == 0)
		return 0;
	if ((c = p[0]) < 0x80)
		len = 1;
	else if (c >= 0xc2 && c <= 0xdf) {
		len = 2;
		c &= 0x1f;
	} else if (c >= 0xe0 && c <= 0xef) {
		len = 3;
		c &= 0x0f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		len = 4;
		c &= 0x07;
	} else
		return 0;
	if (len > n)
		return 0;
	for (k = 1; k < len; k++) {
		if ((p[k] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (p[k] & 0x3f);
	}
	if ((len == 3 && c < 0x800) || (len == 4 && c < 0x10000) ||
	    c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return len;
}

enum gt_text_fault
gt_char_fault(unsigned long c)
{
	if (c < 0x20 ? c != '\t' && c != '\n' && c != '\r' :
	    (c >= 0x7f && c <= 0x9f) || (c >= 0xfdd0 && c <= 0xfdef) ||
	    (c & 0xfffe) == 0xfffe)
		return GT_TEXT_CONTROL;
	if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) ||
	    (c >= 0x200b && c <= 0x200d) || c == 0x2060 || c == 0xfeff)
		return GT_TEXT_HIDDEN;
	return GT_TEXT_END;
}

enum gt_text_fault
gt_text_next(struct gt_text_scan *t, int *line, int *col, unsigned long *cp)
{
	const unsigned char	*p = t->s;
	enum gt_text_fault	 f;
	unsigned long		 c;
	size_t			 at, len;

	while ((at = t->i) < t->n) {
		c = p[at];
		/* CR alone ends a line too, as in CSV, YAML and CommonMark. */
		if (c == '\n' || (c == '\r' && (at + 1 == t->n ||
		    p[at + 1] != '\n'))) {
			t->line++;
			t->ls = ++t->i;
			continue;
		}
		if (c >= 0x20 && c < 0x7f) {
			t->i++;
			continue;
		}
		if (c == 0 || (len = gt_utf8_get((const char *)p + at,
		    t->n - at, &c)) == 0) {
			f = GT_TEXT_UTF8;
			c = p[at];
			t->i = t->n;	/* nothing after it is text */
			goto out;
		}
		t->i += len;
		/* A byte-order mark is one at the start. */
		if ((f = gt_char_fault(c)) != GT_TEXT_END &&
		    (c != 0xfeff || at > 0))
			goto out;
	}
	return GT_TEXT_END;
out:
	*line = t->line;
	*col = (int)(at - t->ls) + 1;
	*cp = c;
	return f;
}

int
gt_utf8_check(const char *s, size_t n, int *line, int *col)
{
	struct gt_text_scan	 t;
	enum gt_text_fault	 f;
	unsigned long		 cp;

	gt_text_scan(&t, s, n);
	while ((f = gt_text_next(&t, line, col, &cp)) != GT_TEXT_END)
		if (f == GT_TEXT_UTF8)
			return -1;
	return 0;
}

char *
gt_xnfc(const char *s)
{
	const char	*p;
	char		*n, *v;

	for (p = s; *p != '\0' && (unsigned char)*p < 0x80; p++)
		continue;
	if (*p == '\0' || (n = g_utf8_normalize(s, -1, G_NORMALIZE_NFC)) ==
	    NULL)
		return gt_xstrdup(s);
	v = gt_xstrdup(n);
	g_free(n);
	return v;
}

char *
gt_slug(const char *s)
{
	char	*v = gt_xmalloc(strlen(s) + 2), *p = v;

	for (; *s != '\0'; s++)
		if (isalnum((unsigned char)*s))
			*p++ = (char)tolower((unsigned char)*s);
		else if (p > v && p[-1] != '-')
			*p++ = '-';
	while (p > v && p[-1] == '-')
		p--;
	if (p == v)
		*p++ = 'x';
	*p = '\0';
	return v;
}

void
gt_sort(void *base, size_t n, size_t sz, int (*cmp)(const void *, const void *))
{
	if (n > 1)
		qsort(base, n, sz, cmp);
}

int
gt_dbl_cmp(const void *va, const void *vb)
{
	double	 a = *(const double *)va, b = *(const double *)vb;

	return a < b ? -1 : a > b;
}

double
gt_median(double *v, size_t n)
{
	gt_sort(v, n, sizeof(*v), gt_dbl_cmp);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

int
gt_strieq(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		int ca = (unsigned char)*a, cb = (unsigned char)*b;

		if (ca >= 'A' && ca <= 'Z')
			ca += 'a' - 'A';
		if (cb >= 'A' && cb <= 'Z')
			cb += 'a' - 'A';
		if (ca != cb)
			return 0;
	}
	return *a == *b;
}

char *
gt_trim(char *s)
{
	char	*e;

	while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' ||
	    e[-1] == '\n'))
		*--e = '\0';
	return s;
}

/* FNV-1a: cheap, and good enough for ids. */
static uint64_t
hash_str(const char *s)
{
	uint64_t	 h = 1469598103934665603ULL;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

static struct gt_map_ent *
map_find(const struct gt_map *m, const char *key)
{
	size_t	 i;

	if (m->cap == 0)
		return NULL;
	for (i = hash_str(key) & (m->cap - 1); m->ents[i].key != NULL;
	    i = (i + 1) & (m->cap - 1))
		if (strcmp(m->ents[i].key, key) == 0)
			return &m->ents[i];
	return &m->ents[i];
}

void *
gt_map_get(const struct gt_map *m, const char *key)
{
	struct gt_map_ent	*e = map_find(m, key);

	return e != NULL && e->key != NULL ? e->val : NULL;
}

void *
gt_map_put(struct gt_map *m, const char *key, void *val)
{
	struct gt_map_ent	*e, *old;
	size_t			 i, ocap;

	if ((m->len + 1) * 2 > m->cap) {
		old = m->ents;
		ocap = m->cap;
		m->cap = ocap ? ocap * 2 : 64;
		m->ents = gt_xcalloc(m->cap, sizeof(*m->ents));
		for (i = 0; i < ocap; i++)
			if (old[i].key != NULL)
				*map_find(m, old[i].key) = old[i];
		free(old);
	}
	e = map_find(m, key);
	if (e->key != NULL)
		return e->val;
	e->key = key;
	e->val = val;
	m->len++;
	return NULL;
}

void
gt_map_free(struct gt_map *m)
{
	if (m == NULL)
		return;
	free(m->ents);
	m->ents = NULL;
	m->len = m->cap = 0;
}

void
gt_sha256_hex(const void *data, size_t len, char hex[65])
{
	GChecksum	*h = g_checksum_new(G_CHECKSUM_SHA256);

	g_checksum_update(h, data, (gssize)len);
	g_strlcpy(hex, g_checksum_get_string(h), 65);
	g_checksum_free(h);
}

void
gt_hash_hex(const void *data, size_t len, char hex[65])
{
	XXH128_hash_t	 h = XXH3_128bits(data, len);

	snprintf(hex, 65, "%016llx%016llx", (unsigned long long)h.high64,
	    (unsigned long long)h.low64);
}

size_t
gt_put_uint(char *p, unsigned long long v, int width)
{
	char	 d[24];
	size_t	 n = 0, i;

	do
		d[n++] = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	while (n < (size_t)width && n < sizeof(d))
		d[n++] = '0';
	for (i = 0; i < n; i++)
		p[i] = d[n - 1 - i];
	return n;
}

size_t
gt_copy_out(char *buf, size_t sz, const char *s, size_t n)
{
	if (sz > 0) {
		memcpy(buf, s, n < sz ? n : sz - 1);
		buf[n < sz ? n : sz - 1] = '\0';
	}
	return n;
}
