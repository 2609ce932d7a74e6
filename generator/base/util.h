/*
 * util.h: allocation wrappers, growable buffers and arrays.
 *
 * Allocation failure is not an input error: every x*() function aborts the
 * program with a message instead of returning NULL, so callers never test.
 */
#ifndef GT_UTIL_H
#define GT_UTIL_H

#include <stddef.h>
#include <stdarg.h>
#include <string.h>
#include <sys/stat.h>

/* A parameter a callback is given and does not need. */
#define GT_UNUSED	__attribute__((unused))

/* Abort as they do: for libraries that report failure as a status. */
void	 gt_oom(void) __attribute__((noreturn));
void	*gt_xmalloc(size_t);
void	*gt_xcalloc(size_t, size_t);
void	*gt_xrealloc(void *, size_t);
/* Grow an array of n elements of size sz to hold at least want; *cap updated. */
void	*gt_xgrow(void *, size_t *cap, size_t want, size_t sz);
char	*gt_xstrdup(const char *);
char	*gt_xstrndup(const char *, size_t);
char	*gt_xvasprintf(const char *, va_list)
	    __attribute__((format(printf, 1, 0)));
char	*gt_xasprintf(const char *, ...)
	    __attribute__((format(printf, 1, 2)));

/* Append-only byte buffer; data is always NUL-terminated. Caller frees. */
struct gt_buf {
	char	*data;
	size_t	 len;
	size_t	 cap;
};

void	 gt_buf_add(struct gt_buf *, const void *, size_t);
/* gt_buf_add without a call where there is room: for writers that add
   millions of small pieces. */
static inline void
gt_buf_addq(struct gt_buf *b, const void *p, size_t n)
{
	if (b->len + n >= b->cap) {
		gt_buf_add(b, p, n);
		return;
	}
	memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}
void	 gt_buf_puts(struct gt_buf *, const char *);
void	 gt_buf_putc(struct gt_buf *, int);
void	 gt_buf_printf(struct gt_buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 gt_buf_vprintf(struct gt_buf *, const char *, va_list)
	    __attribute__((format(printf, 2, 0)));
void	 gt_buf_reset(struct gt_buf *);
/* Hand the string over to the caller and leave the buffer empty. */
char	*gt_buf_steal(struct gt_buf *);
void	 gt_buf_free(struct gt_buf *);

/* The SHA-256 of data as 64 hex digits and a NUL. */
void	 gt_sha256_hex(const void *, size_t, char hex[65]);
/*
 * XXH3's 128 bits of data as 32 hex digits and a NUL: for cache keys of
 * large or many inputs, where SHA-256 costs many times as much and a
 * chance collision is as unlikely in practice.
 */
void	 gt_hash_hex(const void *, size_t, char hex[65]);

/* Grow arr by one element and point at it: *GT_PUSH(a, n, cap) = x. */
#define GT_PUSH(arr, n, cap) \
	((arr) = gt_xgrow((arr), &(cap), (n) + 1, sizeof(*(arr))), &(arr)[(n)++])

/* Read a whole file into *data (NUL-terminated, caller frees) and *len; 0 or -1 with errno. */
int	 gt_read_file(const char *path, char **data, size_t *len);
/* All len bytes of data to fd, whatever write() takes at a time; 0 or -1. */
int	 gt_write_all(int fd, const void *data, size_t len);
/* len bytes of data as the file path (made, or emptied first); 0 or -1 with errno. */
int	 gt_write_file(const char *path, const void *data, size_t len);
/*
 * gt_read_file for a file goldthread made, at path in the folder dirfd
 * (or AT_FDCWD): a link is not followed, and anything but a regular file
 * of this user is refused (EPERM).
 */
int	 gt_read_own(int dirfd, const char *path, char **data, size_t *len);

/*
 * Files of a folder that outside input controls (a site, its layouts),
 * read without leaving it. A fence holds the folder's real path; a link
 * may lead anywhere inside it. Refusals are -1 with errno EXDEV for a
 * path leading out of the folder and ENODEV for a FIFO, socket or device
 * (opened without blocking and never read); gt_read_strerror() words
 * them. Not for use by two threads at once.
 */
struct gt_fence;

/* A fence round the folder root; gt_fence_free() is NULL-safe. */
struct gt_fence	*gt_fence_new(const char *root);
void		 gt_fence_free(struct gt_fence *);
/* stat(2) of path with every link followed, if that is inside: 0 or -1. */
int		 gt_fence_stat(struct gt_fence *, const char *path,
		    struct stat *);
/* A descriptor of the regular file path inside the fence, or -1. */
int		 gt_fence_open(struct gt_fence *, const char *path);
/* gt_read_file of a regular file inside the fence. */
int		 gt_fence_read(struct gt_fence *, const char *path,
		    char **data, size_t *len);
/* gt_fence_read with a fence round root for this one file. */
int		 gt_read_in(const char *root, const char *path, char **data,
		    size_t *len);
/* strerror(3), and the fence's refusals in words. */
const char	*gt_read_strerror(int);

/*
 * What a scan of text finds, from the least to the worst: characters
 * that can disguise text (bidirectional controls, zero-width ones, a
 * U+FEFF after the start), characters web pages and XML cannot carry (C0
 * controls but tab, LF and CR; DEL, C1 controls; the Unicode
 * noncharacters), and bytes that are not UTF-8 (or NUL), past which the
 * scan does not go.
 */
enum gt_text_fault {
	GT_TEXT_END = 0,
	GT_TEXT_HIDDEN,
	GT_TEXT_CONTROL,
	GT_TEXT_UTF8
};

struct gt_text_scan {
	const unsigned char	*s;
	size_t			 n;
	size_t			 i;	/* where the scan is */
	size_t			 ls;	/* where its line starts */
	int			 line;
};

/* The code point at s, n bytes left: its length in bytes, 0 if not UTF-8. */
size_t	 gt_utf8_get(const char *s, size_t n, unsigned long *cp);
/* What the code point c would be in text (a U+FEFF is always HIDDEN). */
enum gt_text_fault gt_char_fault(unsigned long c);
void	 gt_text_scan(struct gt_text_scan *, const char *, size_t);
/*
 * The next fault, with *line and *col (1-based, col in bytes) and the
 * code point (for GT_TEXT_UTF8, the byte); GT_TEXT_END at the end.
 */
enum gt_text_fault gt_text_next(struct gt_text_scan *, int *line, int *col,
	    unsigned long *cp);
/*
 * Return 0 if the n bytes are valid UTF-8 (no NUL, no overlongs, no
 * surrogates), else -1 with *line and *col (1-based, col in bytes) at the
 * first bad byte.
 */
int	 gt_utf8_check(const char *, size_t, int *line, int *col);
/* s in Unicode's NFC (valid UTF-8 in; caller frees): names compare so. */
char	*gt_xnfc(const char *);
/*
 * A file name from a name: ASCII letters and digits lower-cased, runs of
 * anything else one '-', never empty. Caller frees.
 */
char	*gt_slug(const char *);

/*
 * Digits for printf's "%0*llu" without printf (thousands of figures and
 * periods a page): v's decimal digits at p, zero-padded to width, no NUL;
 * returns how many.
 */
size_t	 gt_put_uint(char *p, unsigned long long v, int width);
/* s (n bytes) into buf as snprintf would; returns n. */
size_t	 gt_copy_out(char *buf, size_t sz, const char *s, size_t n);

/* qsort() that accepts an empty (NULL) array. */
void	 gt_sort(void *, size_t n, size_t sz, int (*)(const void *, const void *));
/* Compare doubles, for gt_sort. */
int	 gt_dbl_cmp(const void *, const void *);
/* The median of n > 0 figures (sorted in place). */
double	 gt_median(double *, size_t n);

/* Case-insensitive ASCII comparison helpers. */
int	 gt_strieq(const char *, const char *);
/* Trim ASCII white space in place; returns s. */
char	*gt_trim(char *);

/*
 * String-keyed hash map for id look-ups. Keys and values are borrowed: the
 * map owns only its table, freed by gt_map_free().
 */
struct gt_map_ent {
	const char	*key;
	void		*val;
};

struct gt_map {
	struct gt_map_ent	*ents;
	size_t			 len;
	size_t			 cap;
};

void	*gt_map_get(const struct gt_map *, const char *key);
/* Insert key if absent and return NULL; if present, keep it and return its value. */
void	*gt_map_put(struct gt_map *, const char *key, void *val);
void	 gt_map_free(struct gt_map *);

#endif
