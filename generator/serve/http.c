/*
 * http.c: the output folder served over HTTP with libmicrohttpd, a thread
 * a connection (see serve.h). Only GET and HEAD; only regular files under
 * the output, opened a folder at a time without following links; every
 * response uncached. Pages get the banner and the reload script as they
 * are served, and no policy of serve's own: a site's layouts run as they
 * will on the web server. Open pages wait on GT_SERVE_PREFIX "events"
 * (Server-Sent Events) for the builds that change them.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <microhttpd.h>

#include "read.h"
#include "serve.h"

/* Open pages are told at most this many paths; more: every page reloads. */
#define EVENT_PATHS	1000
/* An open page with nothing to hear is sent a comment this often (s). */
#define EVENT_QUIET	15
#define CONNECTIONS	64

struct gt_http {
	struct MHD_Daemon	*d;
	char			*root;
	int			 local;	/* only this machine's names in Host */
	pthread_mutex_t		 mu;	/* guards what follows */
	pthread_cond_t		 cv;	/* gen moved, or stopping */
	unsigned long		 gen;	/* builds that changed what is shown */
	char			*banner;
	char			*event;	/* gen's "data:" lines; NULL: "*" */
	int			 stopping;
};

static const struct {
	const char	*ext;
	const char	*type;
} types[] = {
	{ ".html", "text/html; charset=utf-8" },
	{ ".css", "text/css; charset=utf-8" },
	{ ".js", "text/javascript; charset=utf-8" },
	{ ".svg", "image/svg+xml" },
	{ ".png", "image/png" },
	{ ".jpg", "image/jpeg" },
	{ ".jpeg", "image/jpeg" },
	{ ".gif", "image/gif" },
	{ ".webp", "image/webp" },
	{ ".ico", "image/x-icon" },
	{ ".woff2", "font/woff2" },
	{ ".pdf", "application/pdf" },
	{ ".csv", "text/csv; charset=utf-8" },
	{ ".json", "application/json" },
	{ ".xml", "application/xml" },
	{ ".txt", "text/plain; charset=utf-8" },
};

#define HTML_TYPE	"text/html; charset=utf-8"

static const char *
type_of(const char *rel)
{
	const char	*dot = strrchr(rel, '.');
	size_t		 i;

	for (i = 0; dot != NULL && i < sizeof(types) / sizeof(types[0]); i++)
		if (strcasecmp(dot, types[i].ext) == 0)
			return types[i].type;
	return "application/octet-stream";
}

/* Queue r (destroyed here) with the headers every response has. */
static enum MHD_Result
respond(struct MHD_Connection *c, unsigned status, struct MHD_Response *r,
    const char *type)
{
	enum MHD_Result	 rc;

	if (r == NULL)
		return MHD_NO;
	MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, type);
	MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
	rc = MHD_queue_response(c, status, r);
	MHD_destroy_response(r);
	return rc;
}

/* len bytes at data (malloc'd, taken) as the response. */
static enum MHD_Result
respond_buf(struct MHD_Connection *c, unsigned status, char *data,
    size_t len, const char *type)
{
	return respond(c, status, MHD_create_response_from_buffer(len, data,
	    MHD_RESPMEM_MUST_FREE), type);
}

static enum MHD_Result
text(struct MHD_Connection *c, unsigned status, const char *msg)
{
	return respond_buf(c, status, gt_xstrdup(msg), strlen(msg),
	    "text/plain; charset=utf-8");
}

/* A page (html, len bytes) as served: with the banner and the script. */
static enum MHD_Result
page(struct gt_http *h, struct MHD_Connection *c, unsigned status,
    const char *html, size_t len)
{
	struct gt_buf	 b = { 0 };
	unsigned long	 gen;
	char		*banner;

	pthread_mutex_lock(&h->mu);
	banner = h->banner != NULL ? gt_xstrdup(h->banner) : NULL;
	gen = h->gen;
	pthread_mutex_unlock(&h->mu);
	gt_serve_page(&b, html, len, banner, gen);
	free(banner);
	len = b.len;
	return respond_buf(c, status, gt_buf_steal(&b), len, HTML_TYPE);
}

/* One of serve's own pages, made in b (freed here). */
static enum MHD_Result
own_page(struct gt_http *h, struct MHD_Connection *c, struct gt_buf *b)
{
	enum MHD_Result	 rc = page(h, c, MHD_HTTP_OK, b->data, b->len);

	gt_buf_free(b);
	return rc;
}

/*
 * The folder holding rel's last part in the output (opened a part at a
 * time, never through a link), and *name that part; -1 (errno) if none:
 * EACCES for a link.
 */
static int
parent_of(const char *root, const char *rel, const char **name)
{
	const char	*p = rel, *slash;
	struct stat	 st;
	char		*part;
	int		 fd, sub, err;

	fd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	for (; fd != -1 && (slash = strchr(p, '/')) != NULL; p = slash + 1) {
		part = gt_xstrndup(p, (size_t)(slash - p));
		sub = openat(fd, part, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
		    O_CLOEXEC);
		err = errno;
		if (sub == -1 && fstatat(fd, part, &st, AT_SYMLINK_NOFOLLOW) ==
		    0 && S_ISLNK(st.st_mode))
			err = EACCES;
		free(part);
		close(fd);
		fd = sub;
		errno = err;
	}
	*name = p;
	return fd;
}

static enum MHD_Result
not_found(struct gt_http *h, struct MHD_Connection *c)
{
	struct gt_buf	 b = { 0 };
	enum MHD_Result	 rc;
	char		*path = gt_xasprintf("%s/404.html", h->root);

	/*
	 * The site's own 404 page, as a web server would show it; before a
	 * first good build, a page of serve's own (with the banner).
	 */
	if (gt_read_own(AT_FDCWD, path, &b.data, &b.len) == -1)
		gt_serve_missing(&b);
	rc = page(h, c, MHD_HTTP_NOT_FOUND, b.data, b.len);
	gt_buf_free(&b);
	free(path);
	return rc;
}

/* The file rel in the output (the request's path: url). */
static enum MHD_Result
file(struct gt_http *h, struct MHD_Connection *c, const char *rel,
    const char *url)
{
	struct MHD_Response	*r;
	enum MHD_Result		 rc;
	struct stat		 st;
	const char		*name;
	char			*data, *index;
	size_t			 len;
	int			 dir, fd;

	if ((dir = parent_of(h->root, rel, &name)) == -1)
		return errno == EACCES ? text(c, MHD_HTTP_FORBIDDEN,
		    "forbidden: a link\n") : not_found(h, c);
	if (fstatat(dir, name, &st, AT_SYMLINK_NOFOLLOW) == -1 ||
	    !(S_ISREG(st.st_mode) || S_ISDIR(st.st_mode) ||
	    S_ISLNK(st.st_mode))) {
		close(dir);
		return not_found(h, c);
	}
	if (S_ISLNK(st.st_mode)) {
		close(dir);
		return text(c, MHD_HTTP_FORBIDDEN, "forbidden: a link\n");
	}
	if (S_ISDIR(st.st_mode)) {
		/* Relative links need the '/': "/data" is "/data/". */
		index = gt_xasprintf("%s/index.html", name);
		rc = fstatat(dir, index, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
		    S_ISREG(st.st_mode) ? MHD_YES : MHD_NO;
		free(index);
		close(dir);
		if (rc == MHD_NO)
			return not_found(h, c);
		index = gt_xasprintf("%s/", url);
		r = MHD_create_response_from_buffer(0, NULL,
		    MHD_RESPMEM_PERSISTENT);
		if (r != NULL)
			MHD_add_response_header(r, MHD_HTTP_HEADER_LOCATION,
			    index);
		free(index);
		return respond(c, MHD_HTTP_MOVED_PERMANENTLY, r,
		    "text/plain; charset=utf-8");
	}
	if (strcmp(type_of(name), HTML_TYPE) == 0) {
		fd = gt_read_own(dir, name, &data, &len);
		close(dir);
		if (fd == -1)
			return not_found(h, c);
		rc = page(h, c, MHD_HTTP_OK, data, len);
		free(data);
		return rc;
	}
	fd = openat(dir, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	close(dir);
	if (fd == -1 || fstat(fd, &st) == -1 || !S_ISREG(st.st_mode)) {
		if (fd != -1)
			close(fd);
		return not_found(h, c);
	}
	/* The descriptor is the response's now: it closes it. */
	if ((r = MHD_create_response_from_fd64((uint64_t)st.st_size, fd)) ==
	    NULL)
		close(fd);
	return respond(c, MHD_HTTP_OK, r, type_of(name));
}

/* An open page waiting for builds: what it has been told and is told. */
struct listener {
	struct gt_http	*h;
	unsigned long	 told;		/* the generation it has */
	struct gt_buf	 out;		/* to send, from off */
	size_t		 off;
};

/* Wait (at most EVENT_QUIET s) for a build, then say what it changed. */
static void
listen_next(struct listener *l)
{
	struct gt_http	*h = l->h;
	struct timespec	 until;

	clock_gettime(CLOCK_MONOTONIC, &until);
	until.tv_sec += EVENT_QUIET;
	pthread_mutex_lock(&h->mu);
	while (!h->stopping && l->told == h->gen &&
	    pthread_cond_timedwait(&h->cv, &h->mu, &until) != ETIMEDOUT)
		continue;
	if (!h->stopping && l->told != h->gen) {
		/* A page more than one build behind reloads whatever. */
		gt_buf_printf(&l->out, "id: %lu\nevent: reload\n%s\n", h->gen,
		    l->told + 1 == h->gen && h->event != NULL ? h->event :
		    "data: *\n");
		l->told = h->gen;
	} else if (!h->stopping)
		gt_buf_puts(&l->out, ": nothing yet\n\n");
	pthread_mutex_unlock(&h->mu);
}

static ssize_t
listen_read(void *cls, uint64_t pos GT_UNUSED, char *buf, size_t max)
{
	struct listener	*l = cls;
	size_t		 n;

	if (l->off == l->out.len) {
		gt_buf_reset(&l->out);
		l->off = 0;
		listen_next(l);
		if (l->out.len == 0)
			return MHD_CONTENT_READER_END_OF_STREAM;
	}
	n = l->out.len - l->off < max ? l->out.len - l->off : max;
	memcpy(buf, l->out.data + l->off, n);
	l->off += n;
	return (ssize_t)n;
}

static void
listen_free(void *cls)
{
	struct listener	*l = cls;

	gt_buf_free(&l->out);
	free(l);
}

/* A generation as the page sent it, or as now if it sent none. */
static unsigned long
told_of(struct MHD_Connection *c, unsigned long now)
{
	const char	*s;
	char		*end;
	unsigned long	 v;

	/* A reconnection says the last event it had. */
	if ((s = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
	    "Last-Event-ID")) == NULL)
		s = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND,
		    "since");
	if (s == NULL || *s < '0' || *s > '9')
		return now;
	errno = 0;
	v = strtoul(s, &end, 10);
	return errno != 0 || *end != '\0' ? now : v;
}

static enum MHD_Result
events(struct gt_http *h, struct MHD_Connection *c)
{
	struct listener	*l = gt_xcalloc(1, sizeof(*l));
	struct MHD_Response *r;

	l->h = h;
	pthread_mutex_lock(&h->mu);
	l->told = told_of(c, h->gen);
	pthread_mutex_unlock(&h->mu);
	gt_buf_puts(&l->out, "retry: 1000\n\n");
	if ((r = MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 4096,
	    listen_read, l, listen_free)) == NULL)
		listen_free(l);
	return respond(c, MHD_HTTP_OK, r, "text/event-stream; charset=utf-8");
}

/* The packs of the last good build: reports/NAME.pdf. */
static enum MHD_Result
pack_list(struct gt_http *h, struct MHD_Connection *c)
{
	struct gt_buf	 b = { 0 };
	struct dirent	*e;
	const char	*name;
	DIR		*d = NULL;
	char		**v = NULL;
	size_t		  n = 0, cap = 0, len;
	int		  fd;

	if ((fd = parent_of(h->root, "reports/", &name)) != -1 &&
	    (d = fdopendir(fd)) == NULL)
		close(fd);
	while (d != NULL && (e = readdir(d)) != NULL)
		if ((len = strlen(e->d_name)) > 4 &&
		    strcmp(e->d_name + len - 4, ".pdf") == 0)
			*GT_PUSH(v, n, cap) = gt_xstrndup(e->d_name, len - 4);
	if (d != NULL)
		closedir(d);
	gt_sort(v, n, sizeof(*v), gt_serve_name_cmp);
	gt_serve_pack_list(&b, v, n);
	while (n > 0)
		free(v[--n]);
	free(v);
	return own_page(h, c, &b);
}

/* The preview of the pack name, if the last good build made it. */
static enum MHD_Result
pack(struct gt_http *h, struct MHD_Connection *c, const char *name)
{
	struct gt_buf	 b = { 0 };
	struct stat	 st;
	const char	*file;
	char		*rel;
	int		 fd, ok = 0;

	if (!gt_id_valid(name))
		return not_found(h, c);
	rel = gt_xasprintf("reports/%s.pdf", name);
	if ((fd = parent_of(h->root, rel, &file)) != -1) {
		ok = fstatat(fd, file, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
		    S_ISREG(st.st_mode);
		close(fd);
	}
	free(rel);
	if (!ok)
		return not_found(h, c);
	gt_serve_pack_page(&b, name, (long long)st.st_size);
	return own_page(h, c, &b);
}

/* What serve adds: GT_SERVE_PREFIX what. */
static enum MHD_Result
serves_own(struct gt_http *h, struct MHD_Connection *c, const char *what)
{
	if (strcmp(what, "events") == 0)
		return events(h, c);
	if (strcmp(what, "reload.js") == 0)
		return respond_buf(c, MHD_HTTP_OK,
		    gt_xstrdup(gt_serve_reload_js),
		    strlen(gt_serve_reload_js),
		    "text/javascript; charset=utf-8");
	if (*what == '\0')
		return pack_list(h, c);
	if (strncmp(what, "pack/", 5) == 0)
		return pack(h, c, what + 5);
	return not_found(h, c);
}

/*
 * Whether the request names this machine (Host): a page of another site
 * whose name is made to lead here (DNS rebinding) cannot read the
 * preview through the browser of someone running it.
 */
static int
local_host(struct MHD_Connection *c)
{
	static const char *const names[] = { "127.0.0.1", "[::1]",
	    "localhost" };
	const char	*host = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
			    MHD_HTTP_HEADER_HOST);
	size_t		 i, n;

	if (host == NULL)
		return 0;
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		n = strlen(names[i]);
		if (strncasecmp(host, names[i], n) == 0 &&
		    (host[n] == '\0' || host[n] == ':'))
			return 1;
	}
	return 0;
}

static enum MHD_Result
handle(void *cls, struct MHD_Connection *c, const char *url,
    const char *method, const char *version GT_UNUSED,
    const char *upload GT_UNUSED, size_t *uplen, void **req)
{
	struct gt_http		*h = cls;
	struct MHD_Response	*r;
	enum MHD_Result		 rc;
	char			*rel;

	/*
	 * Answered once the request is read: an answer before then (the
	 * first call) closes the connection, and a page's styles and images
	 * would each open one.
	 */
	if (*req == NULL) {
		*req = h;
		return MHD_YES;
	}
	if (*uplen != 0) {
		*uplen = 0;	/* a body: not read */
		return MHD_YES;
	}

	if (strcmp(method, MHD_HTTP_METHOD_GET) != 0 &&
	    strcmp(method, MHD_HTTP_METHOD_HEAD) != 0) {
		r = MHD_create_response_from_buffer(0, NULL,
		    MHD_RESPMEM_PERSISTENT);
		if (r != NULL)
			MHD_add_response_header(r, MHD_HTTP_HEADER_ALLOW,
			    "GET, HEAD");
		return respond(c, MHD_HTTP_METHOD_NOT_ALLOWED, r,
		    "text/plain; charset=utf-8");
	}
	if (h->local && !local_host(c))
		return text(c, MHD_HTTP_FORBIDDEN, "forbidden: this server "
		    "answers to 127.0.0.1, [::1] and localhost only\n");
	if (strncmp(url, GT_SERVE_PREFIX, strlen(GT_SERVE_PREFIX)) == 0)
		return serves_own(h, c, url + strlen(GT_SERVE_PREFIX));
	switch (gt_serve_path(url, &rel)) {
	case GT_SERVE_PATH_BAD:
		return text(c, MHD_HTTP_BAD_REQUEST, "bad request: a path "
		    "that leaves the site, or that no file of it has\n");
	case GT_SERVE_PATH_HIDDEN:
		free(rel);
		return not_found(h, c);
	default:
		break;
	}
	rc = file(h, c, rel, url);
	free(rel);
	return rc;
}

/* The path as sent: gt_serve_path reads its escapes, strictly. */
static size_t
as_sent(void *cls GT_UNUSED, struct MHD_Connection *c GT_UNUSED, char *s)
{
	return strlen(s);
}

struct gt_http *
gt_http_new(int fd, const char *root, int local)
{
	struct gt_http		*h = gt_xcalloc(1, sizeof(*h));
	pthread_condattr_t	 ca;

	h->root = gt_xstrdup(root);
	h->local = local;
	pthread_mutex_init(&h->mu, NULL);
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&h->cv, &ca);
	pthread_condattr_destroy(&ca);
	/* ITC: a pipe that wakes every thread at once when it stops. */
	h->d = MHD_start_daemon(MHD_USE_THREAD_PER_CONNECTION |
	    MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ITC, 0, NULL, NULL, handle, h,
	    MHD_OPTION_LISTEN_SOCKET, (MHD_socket)fd,
	    MHD_OPTION_UNESCAPE_CALLBACK, as_sent, NULL,
	    MHD_OPTION_CONNECTION_LIMIT, (unsigned)CONNECTIONS,
	    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)(4 * EVENT_QUIET),
	    MHD_OPTION_END);
	if (h->d == NULL) {
		fprintf(stderr, "goldthread: cannot start the server\n");
		close(fd);
		gt_http_free(h);
		return NULL;
	}
	return h;
}

void
gt_http_publish(struct gt_http *h, char *banner, char *const *changed,
    size_t n)
{
	struct gt_buf	 b = { 0 };
	size_t		 i;

	/* A path that could end a line would end the event: every page. */
	for (i = 0; changed != NULL && n <= EVENT_PATHS && i < n; i++) {
		if (strpbrk(changed[i], "\r\n") != NULL)
			break;
		gt_buf_printf(&b, "data: %s\n", changed[i]);
	}
	if (changed == NULL || i < n)
		gt_buf_free(&b);
	pthread_mutex_lock(&h->mu);
	free(h->banner);
	h->banner = banner;
	free(h->event);
	h->event = b.data;
	h->gen++;
	pthread_cond_broadcast(&h->cv);
	pthread_mutex_unlock(&h->mu);
}

void
gt_http_free(struct gt_http *h)
{
	if (h == NULL)
		return;
	pthread_mutex_lock(&h->mu);
	h->stopping = 1;
	pthread_cond_broadcast(&h->cv);
	pthread_mutex_unlock(&h->mu);
	if (h->d != NULL)
		MHD_stop_daemon(h->d);
	pthread_cond_destroy(&h->cv);
	pthread_mutex_destroy(&h->mu);
	free(h->banner);
	free(h->event);
	free(h->root);
	free(h);
}
