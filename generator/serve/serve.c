/* serve.c: goldthread serve, the loop (see serve.h). */
#include <errno.h>
#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "serve.h"
#include "timing.h"

/*
 * A change is built once the inputs have been still this long (an editor
 * saves in steps: a new file, then a rename), or this long after the
 * first change whatever follows (ms).
 */
#define STILL_MS	30
#define WAIT_MS		300

enum { EXIT_INPUT = 1, EXIT_USAGE = 2 };

struct state {
	const struct gt_serve_opts *so;
	struct gt_build_opts	 o;	/* the builds: into the output held */
	struct gt_build_site	 site;
	struct gt_watch		*watch;
	struct gt_http		*http;
	struct gt_serve_tree	*tree;	/* the output as the last good build left it */
	char			*said;	/* the diagnostics printed last */
	int			 failing;	/* the last build failed */
};

static double
now(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/*
 * A socket listening on addr (numeric) and port, the address pages are
 * served at into *url, and whether only this machine can reach it into
 * *local; -1 (said) if it cannot be had.
 */
static int
listen_on(const char *addr, const char *port, char **url, int *local)
{
	struct addrinfo		 hints, *ai = NULL;
	struct sockaddr_storage	 ss;
	socklen_t		 sl = sizeof(ss);
	char			 host[NI_MAXHOST], serv[NI_MAXSERV];
	int			 fd = -1, on = 1, e;

	memset(&hints, 0, sizeof(hints));
	hints.ai_flags = AI_NUMERICHOST | AI_NUMERICSERV | AI_PASSIVE;
	hints.ai_socktype = SOCK_STREAM;
	if ((e = getaddrinfo(addr, port, &hints, &ai)) != 0) {
		fprintf(stderr, "goldthread: cannot serve on '%s' port '%s': "
		    "%s (--bind takes a numeric address such as 127.0.0.1 or "
		    "::1)\n", addr, port, gai_strerror(e));
		return -1;
	}
	if ((fd = socket(ai->ai_family, SOCK_STREAM | SOCK_CLOEXEC, 0)) == -1 ||
	    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on)) == -1 ||
	    bind(fd, ai->ai_addr, ai->ai_addrlen) == -1 ||
	    listen(fd, 64) == -1 ||
	    getsockname(fd, (struct sockaddr *)&ss, &sl) == -1 ||
	    getnameinfo((struct sockaddr *)&ss, sl, host, sizeof(host), serv,
	    sizeof(serv), NI_NUMERICHOST | NI_NUMERICSERV) != 0) {
		fprintf(stderr, "goldthread: cannot serve on %s port %s: %s%s\n",
		    addr, port, strerror(errno), errno == EADDRINUSE ?
		    " (name another with --port N, or --port 0 for any free "
		    "port)" : "");
		if (fd != -1)
			close(fd);
		fd = -1;
	} else {
		*url = gt_xasprintf(ss.ss_family == AF_INET6 ?
		    "http://[%s]:%s/" : "http://%s:%s/", host, serv);
		*local = ss.ss_family == AF_INET6 ? IN6_IS_ADDR_LOOPBACK(
		    &((struct sockaddr_in6 *)&ss)->sin6_addr) :
		    (ntohl(((struct sockaddr_in *)&ss)->sin_addr.s_addr) >>
		    24) == 127;
	}
	freeaddrinfo(ai);
	return fd;
}

/* The inputs named (n of them, or none: the first build), for a summary. */
static void
say_names(FILE *f, char **names, size_t n)
{
	struct gt_buf	 b = { 0 };
	struct tm	 tm;
	time_t		 t = time(NULL);
	char		 hms[16];

	localtime_r(&t, &tm);
	strftime(hms, sizeof(hms), "%H:%M:%S", &tm);
	if (n == 0)
		fprintf(f, "goldthread: ");
	else if (n == 1)
		fprintf(f, "%s %s: ", hms, gt_diag_escaped(&b, names[0]));
	else
		fprintf(f, "%s %s and %zu more: ", hms,
		    gt_diag_escaped(&b, names[0]), n - 1);
	gt_buf_free(&b);
}

static const char *
plural(size_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

/* What the builds after a change changed: paths, sorted, each once. */
struct changes {
	char	**v;
	size_t	  n, cap;
	size_t	  pages;	/* in the output */
};

/* Add the n paths of v (sorted; the strings taken) to c. */
static void
changes_add(struct changes *c, char **v, size_t n)
{
	char	**all = NULL;
	size_t	  i = 0, k = 0, m = 0, cap = 0;
	int	  cmp;

	while (i < c->n || k < n) {
		cmp = i == c->n ? 1 : k == n ? -1 : strcmp(c->v[i], v[k]);
		if (cmp == 0)
			free(v[k++]);
		*GT_PUSH(all, m, cap) = cmp <= 0 ? c->v[i++] : v[k++];
	}
	free(c->v);
	c->v = all;
	c->n = m;
	c->cap = cap;
}

static void
changes_free(struct changes *c)
{
	while (c->n > 0)
		free(c->v[--c->n]);
	free(c->v);
}

/*
 * A good build: what it changed is told to open pages (every page after
 * a failed build: the banner goes) and added to c.
 */
static void
built(struct state *s, struct changes *c)
{
	struct gt_serve_tree	*tree;
	char			**changed;
	size_t			  n;

	tree = gt_serve_tree_diff(s->tree, s->site.output, &changed, &n,
	    &c->pages);
	gt_serve_tree_free(s->tree);
	s->tree = tree;
	if (s->http != NULL && (n > 0 || s->failing))
		gt_http_publish(s->http, NULL, s->failing ? NULL : changed, n);
	s->failing = 0;
	changes_add(c, changed, n);
	free(changed);
}

static void
say_built(FILE *f, const struct changes *c, double secs, double packs,
    int banner)
{
	size_t	 i, pages = 0;

	for (i = 0; i < c->n; i++)
		pages += gt_serve_is_page(c->v[i]);
	fprintf(f, "built in %.2f s", secs);
	if (packs > 0)
		fprintf(f, ", its packs in %.2f s more", packs);
	if (c->n == 0)
		fprintf(f, ": nothing changed");
	else
		fprintf(f, ": %zu of %zu %s changed, %zu other %s", pages,
		    c->pages, plural(c->pages, "page", "pages"), c->n - pages,
		    plural(c->n - pages, "file", "files"));
	fprintf(f, "%s\n", banner ? "; the banner is gone" : "");
}

/* A failed build: its diagnostics (text) on every page. */
static void
failed(FILE *f, struct state *s, double secs, const char *text,
    size_t errors)
{
	int	 same = s->failing && s->said != NULL &&
		    strcmp(s->said, text) == 0;

	fprintf(f, "failed in %.2f s (%zu %s%s); serving the last good "
	    "build, with a banner\n", secs, errors, plural(errors, "error",
	    "errors"), same ? ", as before" : "");
	if (s->http != NULL && !same)
		gt_http_publish(s->http, gt_serve_banner(*text != '\0' ? text :
		    "goldthread: the reasons are on the terminal\n"), NULL, 0);
	s->failing = 1;
}

/*
 * Build after a change to names (n of them; none: the first build). The
 * pages first, with the packs' PDFs as they were, so that open pages
 * reload at once; then, if any pack was kept, the packs typeset again.
 */
static int
rebuild(struct state *s, char **names, size_t n)
{
	struct changes	 c = { NULL, 0, 0, 0 };
	struct gt_diag	*d = gt_diag_new();
	char		*text = NULL, *lines = NULL;
	size_t		 len = 0, nlines = 0;
	double		 t0 = now(), secs = 0, packs = 0;
	FILE		*f, *out;
	int		 rc, banner = s->failing;

	s->o.keep_packs = 1;
	if ((rc = gt_build(&s->o, d)) == 0) {
		secs = now() - t0;
		built(s, &c);
		if (s->site.packs_kept > 0) {
			gt_diag_free(d);
			d = gt_diag_new();
			s->o.keep_packs = 0;
			if ((rc = gt_build(&s->o, d)) == 0)
				built(s, &c);
			packs = now() - t0 - secs;
		}
	}
	if ((f = open_memstream(&text, &len)) == NULL ||
	    (out = open_memstream(&lines, &nlines)) == NULL)
		gt_oom();
	if (gt_diag_worst(d) != GT_SEV_OK)
		gt_diag_print(d, f, GT_DIAG_TEXT, s->so->max_diags);
	fclose(f);
	/* The summary and the diagnostics in one write. */
	say_names(out, names, n);
	if (rc == 0)
		say_built(out, &c, secs, packs, banner);
	else
		failed(out, s, now() - t0, text, gt_diag_count(d,
		    GT_SEV_ERROR));
	/* Each set of diagnostics once, however often it recurs. */
	if (s->said == NULL || strcmp(s->said, text) != 0)
		fputs(text, out);
	fclose(out);
	gt_write_all(STDERR_FILENO, lines, nlines);
	free(lines);
	free(s->said);
	s->said = text;
	gt_timing_report(stderr);
	gt_diag_free(d);
	changes_free(&c);
	/* site.conf may name other folders now. */
	if (s->watch != NULL)
		gt_watch_update(s->watch, &s->site);
	return rc;
}

/* Build whenever the inputs change, until a signal. */
static void
loop(struct state *s, int sigfd)
{
	struct pollfd		 p[2];
	struct signalfd_siginfo	 si;
	char			**names = NULL;
	size_t			  n = 0, i;
	double			  first = 0, last = 0, t;
	int			  timeout;

	p[0].fd = sigfd;
	p[0].events = POLLIN;
	p[1].events = POLLIN;
	for (;;) {
		p[1].fd = gt_watch_fd(s->watch);
		timeout = -1;
		if (n > 0) {
			t = now();
			t = (last + STILL_MS / 1e3 < first + WAIT_MS / 1e3 ?
			    last + STILL_MS / 1e3 : first + WAIT_MS / 1e3) - t;
			timeout = t > 0 ? (int)(t * 1e3) + 1 : 0;
		}
		if (poll(p, 2, timeout) == -1 && errno != EINTR)
			break;
		if (p[0].revents & POLLIN) {
			if (read(sigfd, &si, sizeof(si)) > 0)
				fprintf(stderr, "goldthread: stopping (%s)\n",
				    strsignal((int)si.ssi_signo));
			break;
		}
		if ((p[1].revents & POLLIN) && gt_watch_read(s->watch,
		    &names, &n) > 0) {
			last = now();
			if (first == 0)
				first = last;
		}
		t = now();
		if (n > 0 && (t >= last + STILL_MS / 1e3 ||
		    t >= first + WAIT_MS / 1e3)) {
			rebuild(s, names, n);
			for (i = 0; i < n; i++)
				free(names[i]);
			n = 0;
			first = 0;
		}
	}
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

int
gt_serve(const struct gt_serve_opts *so)
{
	struct state	 s;
	struct gt_diag	*d;
	sigset_t	 stop;
	char		*url = NULL;
	int		 fd, sigfd = -1, rc, local = 0;

	memset(&s, 0, sizeof(s));
	s.so = so;
	s.site.lock = -1;
	/*
	 * Ctrl-C stops it, even started in the background of a script (which
	 * ignores it), also while it waits for a build of its output.
	 */
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	if ((fd = listen_on(so->bind != NULL ? so->bind : "127.0.0.1",
	    so->port != NULL ? so->port : GT_SERVE_PORT, &url, &local)) == -1)
		return EXIT_USAGE;
	/* The output is serve's while it runs: a build of it waits. */
	d = gt_diag_new();
	rc = gt_build_claim(&so->build, &s.site, d);
	gt_diag_free(d);
	if (rc != 0) {
		close(fd);
		rc = rc == GT_BUILD_REFUSED ? EXIT_USAGE : EXIT_INPUT;
		goto out;
	}
	/*
	 * A signal waits for the build under way (which finishes, so the
	 * output stays whole), in every thread and the build's worker.
	 */
	sigemptyset(&stop);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGTERM);
	sigaddset(&stop, SIGHUP);
	signal(SIGPIPE, SIG_IGN);
	if (pthread_sigmask(SIG_BLOCK, &stop, NULL) != 0 ||
	    (sigfd = signalfd(-1, &stop, SFD_CLOEXEC)) == -1 ||
	    (s.watch = gt_watch_new(so->build.dir, &s.site)) == NULL) {
		close(fd);
		rc = EXIT_INPUT;
		goto out;
	}
	s.o = so->build;
	s.o.output = s.site.output;
	s.o.locked = 1;
	s.o.seen = &s.site;
	/* What the output holds now, for the first build to compare with. */
	s.tree = gt_serve_tree_new(s.site.output);
	if ((s.http = gt_http_new(fd, s.site.output, local)) == NULL) {
		rc = EXIT_INPUT;
		goto out;
	}
	rebuild(&s, NULL, 0);
	fprintf(stderr, "goldthread: serving %s (the output folder '%s'; "
	    "packs at %s%s); Ctrl-C stops\n", url, s.site.output, url,
	    &GT_SERVE_PREFIX[1]);
	loop(&s, sigfd);
	rc = 0;
	fprintf(stderr, "goldthread: stopped; '%s' holds the last good build\n",
	    s.site.output);
out:
	gt_http_free(s.http);
	gt_watch_free(s.watch);
	gt_serve_tree_free(s.tree);
	gt_build_site_free(&s.site);
	free(s.said);
	free(url);
	if (sigfd != -1)
		close(sigfd);
	return rc;
}
