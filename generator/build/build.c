/* build.c: the build driver (see build.h). */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "build.h"
#include "chartdata.h"
#include "feeds.h"
#include "link.h"
#include "opendata.h"
#include "out.h"
#include "own.h"
#include "pdf.h"
#include "pdf_ua.h"
#include "read.h"
#include "site.h"
#include "status_text.h"
#include "timing.h"

/* The folders m's site.conf names, into s (what it held is freed). */
static void
seen_folders(const struct gt_model *m, struct gt_build_site *s)
{
	free(s->content);
	free(s->data);
	free(s->layouts);
	s->content = gt_xstrdup(m->conf.content_dir);
	s->data = gt_xstrdup(m->conf.data_dir);
	s->layouts = gt_xstrdup(m->conf.layouts_dir);
	s->packs_kept = 0;
}

struct gt_model *
gt_load(const struct gt_build_opts *o, struct gt_diag *diag)
{
	struct gt_model	*m;
	enum gt_sev	 worst;

	gt_timing_start("read");
	m = gt_read_site(o->dir, o->as_at, diag);
	if (o->seen != NULL)
		seen_folders(m, o->seen);
	gt_timing_start("link");
	/* Nothing is judged on a model with errors, not even to check it. */
	if (gt_link(m) == 0 && gt_diag_worst(diag) != GT_SEV_ERROR)
		gt_judge_check(m, diag);
	worst = gt_diag_worst(diag);
	if (worst == GT_SEV_ERROR || (worst == GT_SEV_WARNING && o->strict)) {
		gt_model_free(m);
		return NULL;
	}
	return m;
}

/* The judgement at period p: one made already, or a new one of js's own. */
static struct gt_judgement *
judged_at(struct gt_judgements *js, const struct gt_model *m,
    const struct gt_period *p)
{
	size_t	 i;

	if (gt_period_eq(p, gt_judged_as_at(js->site)))
		return js->site;
	for (i = 0; i < js->nown; i++)
		if (gt_period_eq(p, gt_judged_as_at(js->own[i])))
			return js->own[i];
	return js->own[js->nown++] = gt_judge(m, p);
}

void
gt_judgements(struct gt_judgements *js, const struct gt_model *m)
{
	size_t	 i;

	gt_timing_start("status");
	memset(js, 0, sizeof(*js));
	js->site = gt_judge(m, &m->conf.as_at);
	js->packs = gt_xcalloc(m->conf.npacks + 1, sizeof(*js->packs));
	js->since = gt_xcalloc(m->conf.npacks + 1, sizeof(*js->since));
	js->own = gt_xcalloc(2 * m->conf.npacks + 1, sizeof(*js->own));
	for (i = 0; i < m->conf.npacks; i++) {
		js->packs[i] = judged_at(js, m, &m->conf.packs[i].as_at);
		js->since[i] = judged_at(js, m, &m->conf.packs[i].since);
	}
}

void
gt_judgements_free(struct gt_judgements *js)
{
	size_t	 i;

	gt_judgement_free(js->site);
	for (i = 0; i < js->nown; i++)
		gt_judgement_free(js->own[i]);
	free(js->own);
	free(js->packs);
	free(js->since);
	memset(js, 0, sizeof(*js));
}

/* Sinks ------------------------------------------------------------------ */

/* The output folder, with the cache its files are kept in. */
struct outsink {
	struct gt_out	*out;
	struct gt_cache	*cache;
};

static int
out_write(void *v, const char *rel, const void *data, size_t len)
{
	return gt_out_write(((struct outsink *)v)->out, rel, data, len);
}

static int
out_reuse(void *v, const char *key, const char *rel)
{
	struct outsink	*o = v;

	return gt_cache_get(o->cache, key, o->out, rel);
}

static void
out_keep(void *v, const char *key, const char *rel, const void *data,
    size_t len)
{
	struct outsink	*o = v;

	gt_cache_keep(o->cache, key, o->out, rel, data, len);
}

static long long
out_size(void *v, const char *rel)
{
	return gt_out_size(((struct outsink *)v)->out, rel);
}

/* Memory: what a back-end writes, for a file or standard output. */
static int
mem_write(void *v, const char *rel GT_UNUSED, const void *data, size_t len)
{
	gt_buf_add(v, data, len);
	return 0;
}

static int
mem_reuse(void *v GT_UNUSED, const char *key GT_UNUSED,
    const char *rel GT_UNUSED)
{
	return -1;
}

static void
mem_keep(void *v GT_UNUSED, const char *key GT_UNUSED,
    const char *rel GT_UNUSED, const void *data GT_UNUSED,
    size_t len GT_UNUSED)
{
}

static long long
mem_size(void *v GT_UNUSED, const char *rel GT_UNUSED)
{
	return -1;
}

/* Every job of a back-end (or only one), here and now, into memory; 0 or -1. */
static int
render_to(const struct gt_backend *be, const struct gt_render_in *in,
    size_t only, struct gt_buf *b, struct gt_diag *diag)
{
	struct gt_sink	 sink = { mem_write, mem_reuse, mem_keep, mem_size, b,
			    diag };
	void		*obj = be->new(in);
	size_t		 i, n = be->jobs(obj);
	int		 rc = 0;

	for (i = 0; i < n; i++)
		if ((only == (size_t)-1 || i == only) &&
		    be->render(obj, i, &sink) == -1)
			rc = -1;
	be->free(obj);
	return rc;
}

/* A text back-end's one job on standard output; 0 or -1. */
static int
print_text(const struct gt_backend *be, const struct gt_render_in *in,
    struct gt_diag *diag)
{
	struct gt_buf	 b = { 0 };
	int		 rc;

	rc = render_to(be, in, (size_t)-1, &b, diag);
	if (b.len > 0)
		fwrite(b.data, 1, b.len, stdout);
	gt_buf_free(&b);
	return rc;
}

int
gt_build_status(const struct gt_model *m, int csv, struct gt_diag *diag)
{
	struct gt_render_in	 in;
	struct gt_judgement	*j = gt_judge(m, &m->conf.as_at);
	int			 rc;

	memset(&in, 0, sizeof(in));
	in.m = m;
	in.site = j;
	rc = print_text(csv ? &gt_status_csv_backend :
	    &gt_status_table_backend, &in, diag);
	gt_judgement_free(j);
	return rc;
}

int
gt_build_packs(const struct gt_model *m, struct gt_diag *diag)
{
	struct gt_render_in	 in;

	memset(&in, 0, sizeof(in));
	in.m = m;
	return print_text(&gt_packs_csv_backend, &in, diag);
}

int
gt_build_changes(const struct gt_model *m, const struct gt_period *since,
    int csv, struct gt_diag *diag)
{
	struct gt_render_in	 in;
	struct gt_judgement	*now = gt_judge(m, &m->conf.as_at);
	struct gt_judgement	*then = gt_judge(m, since);
	const struct gt_judgement *thens[1] = { then };
	int			 rc;

	memset(&in, 0, sizeof(in));
	in.m = m;
	in.site = now;
	in.since = thens;
	rc = print_text(csv ? &gt_changes_csv_backend :
	    &gt_changes_table_backend, &in, diag);
	gt_judgement_free(then);
	gt_judgement_free(now);
	return rc;
}

int
gt_build_chart(const struct gt_model *m, const struct gt_chart_opts *o,
    struct gt_diag *diag)
{
	struct gt_judgement	*j;
	struct gt_measure	*me;
	struct gt_trend_data	 td;
	struct gt_chart		 c;
	struct gt_chart_output	 co;
	struct gt_date		 d;
	struct gt_loc		 loc = { o->path, 0, 0 };
	struct gt_pdf_ua	 ua;
	const char		*ext;
	unsigned char		*bytes = NULL, *pdf = NULL;
	char			*text, *why = NULL, date[16], iso[32];
	size_t			 len = 0;
	int			 rc = 0;

	if ((me = gt_map_get(&m->measure_ix, o->measure)) == NULL)
		return GT_BUILD_NO_MEASURE;
	j = gt_judge(m, &m->conf.as_at);
	gt_trend_data(&td, j, me);
	if (o->no_source)
		td.trend.source = NULL;
	c.type = GT_CHART_TREND;
	c.u.trend = &td.trend;
	text = gt_chart_describe(&c);
	if (o->alt)
		puts(text);
	if (o->path != NULL) {
		memset(&co, 0, sizeof(co));
		ext = strrchr(o->path, '.');
		co.format = strcmp(ext, ".png") == 0 ? GT_CHART_PNG :
		    strcmp(ext, ".svg") == 0 ? GT_CHART_SVG : GT_CHART_PDF;
		co.width = o->width > 0 ? o->width : 720;
		co.height = o->height > 0 ? o->height : 360;
		/* Unless told, tall enough for the plot to keep its height. */
		co.grow = o->height == 0;
		co.scale = o->scale > 0 ? o->scale : 1;
		/* Dated by the as-at period, so the file is reproducible. */
		d = gt_period_end_date(&m->conf.cal, &m->conf.as_at);
		gt_date_format(&d, date, sizeof(date));
		co.date = date;
		bytes = gt_chart_render(&c, &co, &len);
		/* A PDF with its language, title and text alternative. */
		memset(&ua, 0, sizeof(ua));
		ua.lang = m->conf.language;
		ua.title = me->title;
		snprintf(iso, sizeof(iso), "%sT00:00:00Z", date);
		ua.date = iso;
		gt_pdf_ua_figure(&ua, text, 0, 0, co.width, co.height,
		    co.height);
		if (bytes == NULL) {
			errno = EINVAL;
			gt_msg(diag, GT_E_WRITE, &loc, "%s", strerror(errno));
			rc = -1;
		} else if (co.format == GT_CHART_PDF && gt_pdf_ua_apply(&ua,
		    bytes, len, &pdf, &len, &why) == -1) {
			gt_msg(diag, GT_E_WRITE, &loc, "PDF/UA: %s", why);
			rc = -1;
		} else if (gt_write_file(o->path, pdf != NULL ? pdf : bytes,
		    len) == -1) {
			gt_msg(diag, GT_E_WRITE, &loc, "%s", strerror(errno));
			rc = -1;
		}
		gt_pdf_ua_clear(&ua);
	}
	free(bytes);
	free(pdf);
	free(why);
	free(text);
	gt_trend_data_free(&td);
	gt_judgement_free(j);
	return rc;
}

/* Jobs ------------------------------------------------------------------- */

/* The back-ends of a site, in the order their biggest jobs go first. */
static const struct gt_backend *const site_backends[] = {
	&gt_pdf_backend, &gt_opendata_backend, &gt_feeds_backend,
	&gt_site_backend
};
#define NBACKENDS	(sizeof(site_backends) / sizeof(site_backends[0]))

struct job {
	size_t		 be;		/* in site_backends */
	size_t		 ix;		/* its job */
};

/*
 * The jobs of a build. ANY and SPARKS jobs are numbered in one list each;
 * a process takes the next job not yet taken from a counter per list
 * that the processes share, its own list first. Pages that show
 * sparklines go to one process first, which works each out once for all
 * it makes, and neither process waits while work is left. LAST jobs run
 * after the others, in the process that commits.
 */
enum { ANY, SPARKS, LAST, LISTS };

struct run {
	void			*obj[NBACKENDS];
	struct job		*list[LISTS];
	size_t			 n[LISTS], cap[LISTS];
	atomic_size_t		*next;		/* per list but LAST */
	struct gt_sink		*sink;
	int			 failed;
};

static void
run_one(struct run *r, const struct job *j)
{
	const struct gt_backend	*be = site_backends[j->be];

	gt_timing_start(be == &gt_pdf_backend ? "pdf" : "html");
	if (be->render(r->obj[j->be], j->ix, r->sink) == -1)
		r->failed = 1;
}

/* Take and run every job left in list k. */
static void
run_list(struct run *r, int k)
{
	size_t	 i;

	while ((i = atomic_fetch_add(&r->next[k], 1)) < r->n[k])
		run_one(r, &r->list[k][i]);
}

/* The jobs of the back-ends, but the PDFs of the packs kept[] says. */
static void
jobs_list(struct run *r, const char *kept)
{
	enum gt_when	 w;
	size_t		 b, i, n;
	int		 k;

	for (b = 0; b < NBACKENDS; b++) {
		n = site_backends[b]->jobs(r->obj[b]);
		for (i = 0; i < n; i++) {
			if (site_backends[b] == &gt_pdf_backend && kept[i])
				continue;
			w = site_backends[b]->when == NULL ? GT_JOB_ANY :
			    site_backends[b]->when(r->obj[b], i);
			k = w == GT_JOB_LAST ? LAST : w == GT_JOB_SPARKS ?
			    SPARKS : ANY;
			*GT_PUSH(r->list[k], r->n[k], r->cap[k]) =
			    (struct job){ b, i };
		}
	}
}

/*
 * The worker's report to the process that commits: diagnostics, a NUL,
 * the stage timings (if on), a NUL, the cache entries used, a NUL, then
 * the files made.
 */
static void
report_send(int fd, const struct gt_diag *diag, struct gt_cache *cache,
    struct gt_out *out)
{
	FILE	*f;

	if ((f = fdopen(fd, "w")) == NULL)
		return;
	gt_diag_export(diag, f);
	fputc('\0', f);
	gt_timing_report(f);
	fputc('\0', f);
	gt_cache_export(cache, f);
	fputc('\0', f);
	gt_out_export(out, f);
	fclose(f);
}

/*
 * The worker's report into this process's set diag, its cache and
 * output; 0, or -1 (reported) if the worker failed or its report is not
 * whole.
 */
static int
report_take(int fd, pid_t pid, struct gt_diag *diag, struct gt_cache *cache,
    struct gt_out *out)
{
	struct gt_buf	 b = { 0 };
	struct gt_loc	 loc = { "goldthread", 0, 0 };
	char		 chunk[4096], *nul, *keys, *files;
	ssize_t		 n;
	int		 st, rc = -1;

	while ((n = read(fd, chunk, sizeof(chunk))) > 0 ||
	    (n == -1 && errno == EINTR))
		if (n > 0)
			gt_buf_add(&b, chunk, (size_t)n);
	close(fd);
	while (waitpid(pid, &st, 0) == -1 && errno == EINTR)
		continue;
	if (b.len > 0 && (nul = memchr(b.data, '\0', b.len)) != NULL &&
	    (keys = memchr(nul + 1, '\0', b.len - (size_t)(nul + 1 -
	    b.data))) != NULL && (files = memchr(keys + 1, '\0',
	    b.len - (size_t)(keys + 1 - b.data))) != NULL) {
		gt_out_import(out, files + 1,
		    b.len - (size_t)(files + 1 - b.data));
		gt_cache_import(cache, keys + 1, (size_t)(files - (keys + 1)));
		gt_timing_import(nul + 1, (size_t)(keys - (nul + 1)));
		b.len = (size_t)(nul - b.data);
	}
	if (b.len == 0 || gt_diag_import(diag, b.data, b.len) == -1)
		gt_msg(diag, GT_E_WRITE, &loc, "a worker process failed "
		    "without a report");
	else if (WIFEXITED(st) && WEXITSTATUS(st) == 0)
		rc = 0;
	/* Its reasons came with its report; if none, say it failed. */
	if (rc == -1 && gt_diag_worst(diag) != GT_SEV_ERROR)
		gt_msg(diag, GT_E_WRITE, &loc, "a worker process failed");
	gt_buf_free(&b);
	return rc;
}

/*
 * The jobs are independent of each other: a second process shares them
 * out with this one and reports back through a pipe. Without fork, or
 * with GT_JOBS=1 (for profiles of every stage), one process runs them.
 */
static void
run_jobs(struct run *r, const struct gt_model *m, struct gt_cache *cache,
    struct gt_out *out)
{
	struct gt_diag	*mine;
	atomic_size_t	 own[LAST], *shared = NULL;
	const char	*e;
	pid_t		 pid = -1;
	int		 fds[2], k;

	for (k = 0; k < LAST; k++)
		atomic_init(&own[k], 0);
	r->next = own;
	fflush(NULL);
	if (((e = getenv("GT_JOBS")) == NULL || strcmp(e, "1") != 0) &&
	    m->nmeasures > 1 && (shared = mmap(NULL, sizeof(own),
	    PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0)) !=
	    MAP_FAILED) {
		for (k = 0; k < LAST; k++)
			atomic_init(&shared[k], 0);
		if (pipe(fds) == 0 && (pid = fork()) == -1) {
			close(fds[0]);
			close(fds[1]);
		}
		if (pid != -1)
			r->next = shared;
	}
	if (pid == 0) {
		/* A set of its own: what came before is the parent's. */
		close(fds[0]);
		r->sink->diag = mine = gt_diag_new();
		gt_out_report_to(out, mine);
		gt_timing_forget();
		run_list(r, SPARKS);
		run_list(r, ANY);
		report_send(fds[1], mine, cache, out);
		_exit(r->failed ? 1 : 0);
	}
	if (pid > 0)
		close(fds[1]);
	run_list(r, ANY);
	run_list(r, SPARKS);
	if (pid > 0 && report_take(fds[0], pid, r->sink->diag, cache,
	    out) == -1)
		r->failed = 1;
	if (shared != NULL && shared != MAP_FAILED)
		munmap(shared, sizeof(own));
	for (k = 0; k < (int)r->n[LAST]; k++)
		run_one(r, &r->list[LAST][k]);
}

/* Building ---------------------------------------------------------------- */

static int
is_dir(const char *path)
{
	struct stat	 st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/*
 * The site's own layouts if it has them, else the ones that ship with
 * goldthread: where it was built or installed (GT_LAYOUTS_DIR), or beside
 * the program if it has been moved. NULL if none is found.
 */
static char *
find_layouts(const struct gt_model *m)
{
	char	 exe[4096], *p, *try;
	ssize_t	 n;

	try = gt_xasprintf("%s/%s", m->root, m->conf.layouts_dir);
	if (is_dir(try))
		return try;
	free(try);
	/* An installed program's own copy first, then the build's. */
	if ((n = readlink("/proc/self/exe", exe, sizeof(exe) - 1)) > 0) {
		exe[n] = '\0';
		if ((p = strrchr(exe, '/')) != NULL)
			*p = '\0';
		try = gt_xasprintf("%s/../share/goldthread/layouts", exe);
		if (is_dir(try))
			return try;
		free(try);
	}
	if (is_dir(GT_LAYOUTS_DIR))
		return gt_xstrdup(GT_LAYOUTS_DIR);
	return NULL;
}

/*
 * The folders an output must keep apart from, resolved, into in (4 at
 * most) and paths (the caller frees them): the site folder (which may
 * hold it), its content, data and layouts folders.
 */
static size_t
inputs(const struct gt_model *m, const char *layouts,
    struct gt_own_input *in, char **paths)
{
	static const char *const what[] = { "the site folder",
	    "the content folder ([paths] content)",
	    "the data folder ([paths] data)", "the layouts folder" };
	char	*rel[4];
	size_t	 i, n = 0;

	rel[0] = gt_xstrdup(m->root);
	rel[1] = gt_xasprintf("%s/%s", m->root, m->conf.content_dir);
	rel[2] = gt_xasprintf("%s/%s", m->root, m->conf.data_dir);
	rel[3] = layouts != NULL ? gt_xstrdup(layouts) :
	    gt_xasprintf("%s/%s", m->root, m->conf.layouts_dir);
	for (i = 0; i < 4; i++) {
		if ((paths[n] = gt_own_resolve(rel[i])) != NULL) {
			in[n].path = paths[n];
			in[n].what = what[i];
			in[n++].may_hold = i == 0;
		}
		free(rel[i]);
	}
	return n;
}

/*
 * The output named path (shown as the user named it; a folder, or with
 * file a PDF file) resolved into *real (the caller frees it): a link is
 * followed, not replaced. 0, or GT_BUILD_REFUSED (said) if it is no
 * place to write: a link to nothing, one of the site's inputs or in one,
 * holding one, or (a file) one there that is not a PDF.
 */
static int
resolve_output(const struct gt_model *m, const char *layouts,
    const char *path, const char *shown, int file, char **real)
{
	struct gt_own_input	 in[4];
	struct stat		 st;
	char			*paths[4], head[5];
	size_t			 i, n;
	int			 fd, rc = 0;

	if ((*real = gt_own_resolve(path)) == NULL) {
		fprintf(stderr, "goldthread: cannot write to '%s': %s\n", shown,
		    errno == ENOENT ? "it leads through a link to nothing "
		    "(make what the link names, or remove the link)" :
		    strerror(errno));
		return GT_BUILD_REFUSED;
	}
	n = inputs(m, layouts, in, paths);
	if (gt_own_apart(*real, shown, file ? "file" : "folder", in, n) == -1)
		rc = GT_BUILD_REFUSED;
	for (i = 0; i < n; i++)
		free(paths[i]);
	if (rc != 0 || !file || lstat(*real, &st) == -1)
		return rc;
	/* Only a PDF is replaced: -o site.conf must not lose the file. */
	if (!S_ISREG(st.st_mode) || (fd = open(*real, O_RDONLY | O_NOFOLLOW |
	    O_NONBLOCK | O_CLOEXEC)) == -1)
		rc = GT_BUILD_REFUSED;
	else {
		if (read(fd, head, sizeof(head)) != (ssize_t)sizeof(head) ||
		    memcmp(head, "%PDF-", sizeof(head)) != 0)
			rc = GT_BUILD_REFUSED;
		close(fd);
	}
	if (rc != 0)
		fprintf(stderr, "goldthread: '%s' exists and is not a PDF file: "
		    "a build replaces only a PDF; name a new file\n", shown);
	return rc;
}

/*
 * The output folder made the build's: resolved, apart from the inputs,
 * locked (*lock, for the caller to close; -1 if the caller holds the
 * lock) and goldthread's. 0 with *dir (the caller frees it), or a
 * GT_BUILD_ code (said).
 */
static int
claim(const struct gt_model *m, const char *layouts,
    const struct gt_build_opts *o, const char *path, const char *shown,
    char **dir, int *lock)
{
	int	 rc;

	*lock = -1;
	if ((rc = resolve_output(m, layouts, path, shown, 0, dir)) != 0)
		return rc;
	if (!o->locked && (*lock = gt_own_lock(*dir, shown, !o->no_wait)) ==
	    -1)
		return errno == EWOULDBLOCK ? GT_BUILD_BUSY : -1;
	return gt_own_adopt(*dir, shown, o->force) == 0 ? 0 : GT_BUILD_REFUSED;
}

/*
 * One pack's PDF into a file (path, links resolved; shown as named),
 * swapped in whole: for CI and committee papers.
 */
static int
build_pack(const struct gt_render_in *in, size_t pack, const char *path,
    const char *shown, struct gt_diag *diag)
{
	struct gt_buf	 b = { 0 };
	struct gt_loc	 loc = { shown, 0, 0 };
	char		*tmp = gt_xasprintf("%s.tmp-%ld", path, (long)getpid());
	int		 fd = -1, ok = 0;

	if (render_to(&gt_pdf_backend, in, pack, &b, diag) == 0) {
		gt_timing_start("write");
		/* A new file: never written through a link put at its name. */
		if ((fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
		    O_CLOEXEC, 0666)) != -1) {
			ok = gt_write_all(fd, b.data, b.len) == 0;
			ok = close(fd) == 0 && ok;
			ok = ok && rename(tmp, path) == 0;
		}
		if (!ok) {
			gt_msg(diag, GT_E_WRITE, &loc, "%s", strerror(errno));
			if (fd != -1)
				unlink(tmp);
		}
	}
	gt_buf_free(&b);
	free(tmp);
	return ok ? 0 : -1;
}

/*
 * The cache is opened (its folder listed, thousands of entries) on a
 * thread while the output folder is made ready.
 */
struct cache_job {
	const char	*outdir;
	struct gt_cache	*cache;
	pthread_t	 thread;
	int		 started;
};

static void *
cache_open(void *arg)
{
	struct cache_job	*j = arg;

	j->cache = gt_cache_new_beside(j->outdir);
	return NULL;
}

static struct gt_cache *
cache_join(struct cache_job *j)
{
	if (j->started)
		pthread_join(j->thread, NULL);
	j->started = 0;
	return j->cache;
}

/*
 * Each pack's PDF that the output folder dir has, copied from it into
 * out (kept[i] set for pack i); how many.
 */
static size_t
keep_packs(const struct gt_model *m, const char *dir, struct gt_out *out,
    char *kept)
{
	char	*rel, *path;
	size_t	 i, n = 0;
	int	 fd;

	for (i = 0; i < m->conf.npacks; i++) {
		rel = gt_xasprintf("reports/%s.pdf", m->conf.packs[i].name);
		path = gt_xasprintf("%s/%s", dir, rel);
		if ((fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)) != -1) {
			n += kept[i] = gt_out_copy(out, rel, fd) == 0;
			close(fd);
		}
		free(path);
		free(rel);
	}
	return n;
}

/* Every back-end's jobs into the output folder, then swapped in. */
static int
build_site(const struct gt_model *m, struct gt_render_in *in,
    const struct gt_build_opts *o, const char *dir, struct cache_job *cj,
    struct gt_diag *diag)
{
	struct gt_out	*out;
	struct gt_cache	*cache;
	struct outsink	 os;
	struct gt_sink	 sink = { out_write, out_reuse, out_keep, out_size,
			    &os, diag };
	struct run	 r;
	size_t		 b, nkept = 0;
	char		*kept;
	int		 k, rc = -1;

	out = gt_out_new(dir, diag);
	in->cache = cache = cache_join(cj);
	if (out == NULL)
		return -1;
	os.out = out;
	os.cache = cache;
	memset(&r, 0, sizeof(r));
	r.sink = &sink;
	for (b = 0; b < NBACKENDS; b++)
		r.obj[b] = site_backends[b]->new(in);
	kept = gt_xcalloc(m->conf.npacks + 1, 1);
	if (o->keep_packs)
		nkept = keep_packs(m, dir, out, kept);
	if (o->seen != NULL)
		o->seen->packs_kept = nkept;
	jobs_list(&r, kept);
	free(kept);
	run_jobs(&r, m, cache, out);
	if (!r.failed) {
		gt_timing_start("write");
		if (gt_out_commit(out) == 0) {
			gt_cache_sweep(cache);
			rc = 0;
		}
	}
	for (b = 0; b < NBACKENDS; b++)
		site_backends[b]->free(r.obj[b]);
	for (k = 0; k < LISTS; k++)
		free(r.list[k]);
	/* Last: it waits for the old output's removal, begun at the commit. */
	gt_out_free(out);
	return rc;
}

/* The output folder's path (the caller frees it), and *shown its name. */
static char *
output_path(const struct gt_build_opts *o, const struct gt_model *m,
    const char **shown)
{
	*shown = o->output != NULL ? o->output : m->conf.output_dir;
	return o->output != NULL ? gt_xstrdup(o->output) :
	    gt_xasprintf("%s/%s", m->root, m->conf.output_dir);
}

int
gt_build(const struct gt_build_opts *o, struct gt_diag *diag)
{
	struct gt_model		*m;
	struct gt_judgements	 js;
	struct gt_render_in	 in;
	struct gt_cache		*cache = NULL;
	struct cache_job	 cj = { NULL, NULL, 0, 0 };
	struct gt_loc		 loc = { NULL, 0, 0 };
	const char		*shown;
	char			*path = NULL, *dir = NULL, *layouts = NULL;
	size_t			 i;
	int			 rc = -1, lock = -1;

	if ((m = gt_load(o, diag)) == NULL)
		return -1;
	gt_judgements(&js, m);
	gt_check_commentary(js.site, diag);
	memset(&in, 0, sizeof(in));
	in.m = m;
	in.site = js.site;
	in.packs = (const struct gt_judgement *const *)js.packs;
	in.since = (const struct gt_judgement *const *)js.since;
	if (o->pack != NULL) {
		for (i = 0; i < m->conf.npacks; i++)
			if (strcmp(m->conf.packs[i].name, o->pack) == 0)
				break;
		if (i == m->conf.npacks) {
			rc = GT_BUILD_NO_PACK;
			goto out;
		}
		path = o->output != NULL ? gt_xstrdup(o->output) :
		    gt_xasprintf("%s.pdf", o->pack);
		if ((rc = resolve_output(m, NULL, path, path, 1, &dir)) == 0)
			rc = build_pack(&in, i, dir, path, diag);
		goto out;
	}
	path = output_path(o, m, &shown);
	if ((layouts = find_layouts(m)) == NULL) {
		loc.file = m->conf.path;
		gt_msg(diag, GT_E_LAYOUT, &loc, "no layouts folder: neither '%s' in "
		    "the site nor the one installed with goldthread ('%s')",
		    m->conf.layouts_dir, GT_LAYOUTS_DIR);
		goto out;
	}
	if ((rc = claim(m, layouts, o, path, shown, &dir, &lock)) != 0)
		goto out;
	if (!o->no_cache) {
		cj.outdir = dir;
		if (!(cj.started = pthread_create(&cj.thread, NULL, cache_open,
		    &cj) == 0))
			cj.cache = gt_cache_new_beside(dir);
	}
	in.layouts = layouts;
	if ((rc = build_site(m, &in, o, dir, &cj, diag)) == 0 && !o->locked &&
	    isatty(STDERR_FILENO))
		fprintf(stderr, "goldthread: built %s\n", path);
	cache = in.cache;
out:
	/* A build that failed says why, so that it never exits 0. */
	if (rc == -1 && gt_diag_worst(diag) != GT_SEV_ERROR) {
		loc.file = NULL;
		gt_msg(diag, GT_E_WRITE, &loc, "the build failed");
	}
	gt_cache_free(cache != NULL ? cache : cache_join(&cj));
	gt_judgements_free(&js);
	free(layouts);
	free(path);
	free(dir);
	gt_model_free(m);
	if (lock != -1)
		close(lock);
	return rc;
}

int
gt_build_claim(const struct gt_build_opts *o, struct gt_build_site *s,
    struct gt_diag *diag)
{
	struct gt_model	*m;
	const char	*shown;
	char		*path, *layouts;
	int		 rc;

	memset(s, 0, sizeof(*s));
	s->lock = -1;
	m = gt_read_site(o->dir, o->as_at, diag);
	seen_folders(m, s);
	path = output_path(o, m, &shown);
	layouts = find_layouts(m);
	rc = claim(m, layouts, o, path, shown, &s->output, &s->lock);
	free(layouts);
	free(path);
	gt_model_free(m);
	return rc;
}

void
gt_build_site_free(struct gt_build_site *s)
{
	if (s == NULL)
		return;
	free(s->content);
	free(s->data);
	free(s->layouts);
	free(s->output);
	if (s->lock != -1)
		close(s->lock);
	memset(s, 0, sizeof(*s));
	s->lock = -1;
}
