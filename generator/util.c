/* util.c: allocation that cannot fail, buffers, files, UTF-8. */
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
gt_buf_printf(struct gt_buf *b, const char *fmt, ...)
{
	va_list	 ap;
	int	 n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		gt_oom();
	b->data = gt_xgrow(b->data, &b->cap, b->len + (size_t)n + 1, 1);
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
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
gt_read_file(const char *path, char **data, size_t *len)
{
	int	 fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return -1;
	return read_fd(fd, 0, data, len);
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
gt_utf8_check(const char *s, size_t n, int *line, int *col)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i = 0, ls = 0;
	int			 ln = 1, len, k;
	uint32_t		 cp;

	while (i < n) {
		unsigned char c = p[i];

		if (c == '\n') {
			ln++;
			ls = ++i;
			continue;
		}
		if (c == 0)
			goto bad;
		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf) {
			len = 2;
			cp = c & 0x1f;
		} else if (c >= 0xe0 && c <= 0xef) {
			len = 3;
			cp = c & 0x0f;
		} else if (c >= 0xf0 && c <= 0xf4) {
			len = 4;
			cp = c & 0x07;
		} else
			goto bad;
		if (i + (size_t)len > n)
			goto bad;
		for (k = 1; k < len; k++) {
			if ((p[i + k] & 0xc0) != 0x80)
				goto bad;
			cp = (cp << 6) | (p[i + k] & 0x3f);
		}
		if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
		    cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			goto bad;
		i += (size_t)len;
	}
	return 0;
bad:
	*line = ln;
	*col = (int)(i - ls) + 1;
	return -1;
}

void
gt_sort(void *base, size_t n, size_t sz, int (*cmp)(const void *, const void *))
{
	if (n > 1)
		qsort(base, n, sz, cmp);
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
