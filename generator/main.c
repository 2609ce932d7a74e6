/* main.c: the command line. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "chartdata.h"
#include "csv_write.h"
#include "format.h"
#include "pdf.h"
#include "site.h"
#include "timing.h"
#include "link.h"
#include "own.h"
#include "read.h"
#include "status.h"

#define GT_VERSION	"0.1.0"

enum {
	EXIT_INPUT = 1,		/* the input has errors (or warnings, --strict) */
	EXIT_USAGE = 2,		/* the command line is wrong */
	EXIT_BUSY = 75		/* sysexits.h's EX_TEMPFAIL: another build of
				   the output runs (--no-wait); try later */
};

/* Options shared by the commands that read a site. */
struct opts {
	const char		*dir;
	const char		*as_at;
	int			 strict;
	enum gt_diag_format	 diag_format;
	size_t			 max_diags;
	int			 csv;		/* status --format=csv */
	const char		*output;	/* build -o, chart -o */
	const char		*pack;		/* build --pack */
	const char		*measure;	/* chart MEASURE_ID */
	int			 alt;		/* chart --alt */
	int			 no_cache;	/* build --no-cache */
	int			 force;		/* build --force */
	int			 no_wait;	/* build --no-wait */
	double			 scale, width, height;	/* chart */
};

static void
usage(FILE *f)
{
	fputs("usage: goldthread check [DIR] [--as-at PERIOD] [--strict]\n"
	    "                        [--diagnostics=text|json] "
	    "[--max-diagnostics=N]\n"
	    "       goldthread status [DIR] [--as-at PERIOD] "
	    "[--format=table|csv]\n"
	    "       goldthread build [DIR] [--as-at PERIOD] [-o OUTDIR] "
	    "[--no-cache]\n"
	    "                        [--force] [--no-wait]\n"
	    "       goldthread build [DIR] --pack NAME [-o FILE.pdf]\n"
	    "       goldthread chart MEASURE_ID [DIR] -o FILE.png|.svg|.pdf "
	    "[--scale N]\n"
	    "                        [--width PX] [--height PX] [--alt]\n"
	    "       goldthread --help | --version\n"
	    "\n"
	    "DIR is the site folder holding site.conf (default: .).\n"
	    "\n"
	    "commands:\n"
	    "  check   read and validate the plan and data; print every problem\n"
	    "  status  print every measure's latest figure, target, status and\n"
	    "          direction of travel (--format=csv for scripts)\n"
	    "  build   write the website and every report pack's PDF into the\n"
	    "          output folder (site.conf [paths] output, or -o), swapped\n"
	    "          in only when complete; --pack NAME writes one pack's PDF\n"
	    "          (to NAME.pdf, or -o FILE); charts drawn before are\n"
	    "          reused from .OUTDIR.cache beside it unless --no-cache.\n"
	    "          The output folder must be new, empty or made by\n"
	    "          goldthread (it holds a .goldthread file), and apart\n"
	    "          from the site folder and its inputs; a link to a folder\n"
	    "          is followed\n"
	    "  chart   draw a measure's trend chart into a file; --alt prints\n"
	    "          its text description\n"
	    "\n"
	    "options:\n"
	    "  --as-at PERIOD        report as at PERIOD (e.g. '2025/26 Q2'),\n"
	    "                        overriding site.conf\n"
	    "  --strict              treat warnings as errors\n"
	    "  --diagnostics=FORMAT  text (path:line:col: error: message) or json\n"
	    "  --max-diagnostics=N   print at most N diagnostics (0: all; "
	    "default 200)\n"
	    "  --force               build: adopt an output folder goldthread\n"
	    "                        did not make, moving what is in it aside\n"
	    "                        to OUTDIR.orig (never removed)\n"
	    "  --no-wait             build: if another build of the same output\n"
	    "                        is running, stop (exit 75) instead of\n"
	    "                        waiting for it\n"
	    "\n"
	    "exit status: 0 clean, 1 input errors (or warnings with --strict),\n"
	    "2 usage errors (an output goldthread must not write), 75 another\n"
	    "build of the output is running (--no-wait).\n", f);
}

static int
usage_error(const char *fmt, const char *arg)
{
	fputs("goldthread: ", stderr);
	fprintf(stderr, fmt, arg);
	fputs("\nTry 'goldthread --help'.\n", stderr);
	return EXIT_USAGE;
}

static int
parse_opts(int argc, char *argv[], struct opts *o, int chart)
{
	static const struct option longopts[] = {
		{ "as-at", required_argument, NULL, 'a' },
		{ "strict", no_argument, NULL, 's' },
		{ "diagnostics", required_argument, NULL, 'd' },
		{ "max-diagnostics", required_argument, NULL, 'm' },
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "pack", required_argument, NULL, 'p' },
		{ "alt", no_argument, NULL, 'A' },
		{ "no-cache", no_argument, NULL, 'N' },
		{ "force", no_argument, NULL, 'F' },
		{ "no-wait", no_argument, NULL, 'w' },
		{ "scale", required_argument, NULL, 'S' },
		{ "width", required_argument, NULL, 'W' },
		{ "height", required_argument, NULL, 'H' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct gt_period	 p;
	struct stat		 st;
	char			*end;
	double			 d;
	long			 n;
	int			 c;

	memset(o, 0, sizeof(*o));
	o->dir = ".";
	o->max_diags = GT_MAX_DIAGS_SHOWN;
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, "o:", longopts, NULL)) != -1) {
		switch (c) {
		case 'a':
			if (gt_period_parse(optarg, &p) == -1)
				return usage_error("--as-at '%s' is not a "
				    "period (e.g. 2025/26 Q2, 2025-09, "
				    "2025/26)", optarg);
			o->as_at = optarg;
			break;
		case 's':
			o->strict = 1;
			break;
		case 'd':
			if (strcmp(optarg, "text") == 0)
				o->diag_format = GT_DIAG_TEXT;
			else if (strcmp(optarg, "json") == 0)
				o->diag_format = GT_DIAG_JSON;
			else
				return usage_error("--diagnostics takes text "
				    "or json, not '%s'", optarg);
			break;
		case 'm':
			errno = 0;
			n = strtol(optarg, &end, 10);
			if (errno != 0 || *end != '\0' || end == optarg ||
			    n < 0)
				return usage_error("--max-diagnostics takes a "
				    "number, not '%s'", optarg);
			o->max_diags = (size_t)n;
			break;
		case 'f':
			if (strcmp(optarg, "table") == 0)
				o->csv = 0;
			else if (strcmp(optarg, "csv") == 0)
				o->csv = 1;
			else
				return usage_error("--format takes table or "
				    "csv, not '%s'", optarg);
			break;
		case 'o':
			o->output = optarg;
			break;
		case 'p':
			o->pack = optarg;
			break;
		case 'A':
			o->alt = 1;
			break;
		case 'N':
			o->no_cache = 1;
			break;
		case 'F':
			o->force = 1;
			break;
		case 'w':
			o->no_wait = 1;
			break;
		case 'S':
		case 'W':
		case 'H':
			errno = 0;
			d = strtod(optarg, &end);
			if (errno != 0 || *end != '\0' || end == optarg ||
			    !(d > 0) || d > (c == 'S' ? 8 : 10000))
				return usage_error("--scale, --width and "
				    "--height take a positive number, not '%s'",
				    optarg);
			*(c == 'S' ? &o->scale : c == 'W' ? &o->width :
			    &o->height) = d;
			break;
		case 'h':
			usage(stdout);
			exit(0);
		default:
			return usage_error("unknown or incomplete option '%s'",
			    argv[optind - 1]);
		}
	}
	/* The chart command names its measure before the folder. */
	if (chart) {
		if (optind == argc)
			return usage_error("%s", "chart needs a measure id");
		o->measure = argv[optind++];
	}
	if (optind < argc)
		o->dir = argv[optind++];
	if (optind < argc)
		return usage_error("unexpected argument '%s'", argv[optind]);
	if (stat(o->dir, &st) == -1 || !S_ISDIR(st.st_mode))
		return usage_error("'%s' is not a folder", o->dir);
	return 0;
}

/* Print what was found and turn it into the exit status. */
static int
finish(const struct opts *o)
{
	enum gt_sev	 worst = gt_diag_worst();

	if (worst != GT_SEV_OK || o->diag_format == GT_DIAG_JSON)
		gt_diag_print(stderr, o->diag_format, o->max_diags);
	if (worst == GT_SEV_ERROR || (worst == GT_SEV_WARNING && o->strict))
		return EXIT_INPUT;
	return 0;
}

/*
 * Read and link the site; NULL (with diagnostics printed and *rc set) if
 * the input has errors, since nothing may run on a broken model.
 */
static struct gt_model *
load(const struct opts *o, int *rc)
{
	struct gt_model	*m;

	gt_diag_reset();
	gt_timing_start("read");
	m = gt_read_site(o->dir, o->as_at);
	gt_timing_start("link");
	gt_link(m);
	if (gt_diag_worst() == GT_SEV_ERROR ||
	    (gt_diag_worst() == GT_SEV_WARNING && o->strict)) {
		*rc = finish(o);
		gt_model_free(m);
		return NULL;
	}
	return m;
}

static int
cmd_check(int argc, char *argv[])
{
	struct opts	 o;
	struct gt_model	*m;
	int		 rc;

	if ((rc = parse_opts(argc, argv, &o, 0)) != 0)
		return rc;
	if ((m = load(&o, &rc)) == NULL)
		return rc;
	gt_status(m);
	rc = finish(&o);
	gt_model_free(m);
	return rc;
}

/*
 * The period, figure and target of a measure's latest value, for scripts
 * (plain: digits at the measure's decimals, no unit) or for people. For
 * people a long unit ("per 1,000 population") is written once, at the end
 * of the target, so that the table fits a terminal. v and t are malloc'd.
 */
struct latest {
	char	 p[GT_PERIOD_MAX];
	char	*v, *t;
};

static char *
figure(const struct gt_measure *me, double x, int plain, int unit)
{
	char	 buf[GT_NUMBER_MAX];

	if (plain)
		return gt_xstrdup(gt_format_plain(buf, sizeof(buf), x,
		    me->decimals));
	if (unit)
		return gt_figure_number(me, x);
	return gt_xstrdup(gt_format_value(buf, sizeof(buf), x, me->decimals,
	    NULL));
}

static void
latest_text(const struct gt_measure *me, int plain, struct latest *l)
{
	const struct gt_eval	*e = me->latest;
	int			 once = 1;
	char			*lo, *hi;

	l->p[0] = '\0';
	l->v = l->t = NULL;
	if (e == NULL) {
		l->v = gt_xstrdup("");
		l->t = gt_xstrdup("");
		return;
	}
	if (me->unit != NULL && strlen(me->unit) > 5 && e->has_target)
		once = 0;
	gt_period_format(&e->obs->period, l->p, GT_PERIOD_MAX);
	if (e->obs->value.kind == GT_VAL_NUMBER)
		l->v = figure(me, e->obs->value.num, plain, once);
	else
		l->v = gt_xstrdup(e->obs->raw != NULL ? e->obs->raw : "");
	if (!e->has_target) {
		l->t = gt_xstrdup("");
		return;
	}
	hi = figure(me, e->hi, plain, 1);
	if (me->polarity == GT_POL_BAND) {
		lo = figure(me, e->lo, plain, once);
		l->t = gt_xasprintf("%s to %s", lo, hi);
		free(lo);
		free(hi);
	} else
		l->t = hi;
}

static void
latest_free(struct latest *l)
{
	free(l->v);
	free(l->t);
}

static void
status_csv(const struct gt_model *m)
{
	struct gt_buf	 b = { 0 };
	struct latest	 l;
	size_t		 i;

	gt_buf_puts(&b, "measure,period,value,target,status,direction,"
	    "year_ago_direction,late,explanation\r\n");
	for (i = 0; i < m->nmeasures; i++) {
		const struct gt_measure *me = m->measures[i];

		latest_text(me, 1, &l);
		gt_csv_field(&b, me->id, 0);
		gt_csv_field(&b, l.p, 0);
		gt_csv_field(&b, l.v, 0);
		gt_csv_field(&b, l.t, 0);
		gt_csv_field(&b, gt_status_name(me->status), 0);
		gt_csv_field(&b, gt_dir_name(me->dir_prev), 0);
		gt_csv_field(&b, gt_dir_name(me->dir_year), 0);
		gt_csv_field(&b, me->late ? "yes" : "no", 0);
		gt_csv_field(&b, me->explanation, 1);
		latest_free(&l);
	}
	fwrite(b.data, 1, b.len, stdout);
	gt_buf_free(&b);
}

/* Display width of UTF-8 text, counting code points. */
static int
width(const char *s)
{
	int	 n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

static void
pad(const char *s, int w, int right)
{
	int	 n = w - width(s);

	if (right)
		printf("%*s%s", n > 0 ? n : 0, "", s);
	else
		printf("%s%*s", s, n > 0 ? n : 0, "");
}

/* A measure's row of the status table. */
static void
table_row(const struct gt_measure *me, struct latest *l, const char *cell[7])
{
	latest_text(me, 0, l);
	cell[0] = me->id;
	cell[1] = l->p;
	cell[2] = l->v;
	cell[3] = l->t;
	cell[4] = gt_status_label(me->status);
	cell[5] = gt_dir_label(me->dir_prev);
	cell[6] = me->late ? "late" : "";
}

static void
status_table(const struct gt_model *m)
{
	static const char *const head[] = {
		"Measure", "Period", "Value", "Target", "Status", "Direction",
		"Late"
	};
	const char	*cell[7];
	struct latest	 l;
	char		 asat[GT_PERIOD_MAX];
	int		 w[7], k;
	size_t		 i, late = 0, counts[GT_STATUS_MAX] = { 0 };

	for (k = 0; k < 7; k++)
		w[k] = width(head[k]);
	for (i = 0; i < m->nmeasures; i++) {
		table_row(m->measures[i], &l, cell);
		for (k = 0; k < 7; k++)
			if (width(cell[k]) > w[k])
				w[k] = width(cell[k]);
		latest_free(&l);
	}
	gt_period_format(&m->conf.as_at, asat, sizeof(asat));
	printf("%s: %zu measures as at %s\n\n", m->conf.title ?
	    m->conf.title : "", m->nmeasures, asat);
	for (k = 0; k < 7; k++) {
		pad(head[k], w[k], k == 2 || k == 3);
		fputs(k < 6 ? "  " : "\n", stdout);
	}
	for (i = 0; i < m->nmeasures; i++) {
		const struct gt_measure *me = m->measures[i];

		table_row(me, &l, cell);
		for (k = 0; k < 7; k++) {
			if (k == 6)
				fputs(cell[k], stdout);
			else
				pad(cell[k], w[k], k == 2 || k == 3);
			fputs(k < 6 ? "  " : "\n", stdout);
		}
		latest_free(&l);
		counts[me->status]++;
		late += me->late != 0;
	}
	fputc('\n', stdout);
	for (k = 0; k < GT_STATUS_MAX; k++)
		if (counts[k] > 0)
			printf("%s: %zu, ", gt_status_label((enum gt_status)k),
			    counts[k]);
	printf("Late: %zu\n", late);
}

static int
cmd_status(int argc, char *argv[])
{
	struct opts	 o;
	struct gt_model	*m;
	int		 rc;

	if ((rc = parse_opts(argc, argv, &o, 0)) != 0)
		return rc;
	if ((m = load(&o, &rc)) == NULL)
		return rc;
	gt_status(m);
	if (o.csv)
		status_csv(m);
	else
		status_table(m);
	rc = finish(&o);
	gt_model_free(m);
	return rc;
}

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
 * followed, not replaced. 0, or EXIT_USAGE (said) if it is no place to
 * write: a link to nothing, one of the site's inputs or in one, holding
 * one, or (a file) one there that is not a PDF.
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
		return EXIT_USAGE;
	}
	n = inputs(m, layouts, in, paths);
	if (gt_own_apart(*real, shown, file ? "file" : "folder", in, n) == -1)
		rc = EXIT_USAGE;
	for (i = 0; i < n; i++)
		free(paths[i]);
	if (rc != 0 || !file || lstat(*real, &st) == -1)
		return rc;
	/* Only a PDF is replaced: -o site.conf must not lose the file. */
	if (!S_ISREG(st.st_mode) || (fd = open(*real, O_RDONLY | O_NOFOLLOW |
	    O_NONBLOCK | O_CLOEXEC)) == -1)
		rc = EXIT_USAGE;
	else {
		if (read(fd, head, sizeof(head)) != (ssize_t)sizeof(head) ||
		    memcmp(head, "%PDF-", sizeof(head)) != 0)
			rc = EXIT_USAGE;
		close(fd);
	}
	if (rc != 0)
		fprintf(stderr, "goldthread: '%s' exists and is not a PDF file: "
		    "a build replaces only a PDF; name a new file\n", shown);
	return rc;
}

/*
 * One pack's PDF into a file (path, links resolved; shown as named),
 * swapped in whole: for CI and committee papers.
 */
static void
build_pack(struct gt_model *m, const struct gt_pack *pk, const char *path,
    const char *shown)
{
	struct gt_pdf	*pdf = gt_pdf_new(m, pk, NULL);
	struct gt_buf	 b = { 0 };
	struct gt_loc	 loc = { shown, 0, 0 };
	char		*tmp = gt_xasprintf("%s.tmp-%ld", path, (long)getpid());
	int		 fd, ok;

	gt_timing_start("pdf");
	if (gt_pdf_render(pdf, &b) == 0) {
		gt_timing_start("write");
		/* A new file: never written through a link put at its name. */
		if ((fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
		    O_CLOEXEC, 0666)) == -1)
			ok = 0;
		else {
			ok = gt_write_all(fd, b.data, b.len) == 0;
			ok = close(fd) == 0 && ok;
			ok = ok && rename(tmp, path) == 0;
		}
		if (!ok) {
			gt_msg(GT_E_WRITE, &loc, "%s", strerror(errno));
			if (fd != -1)
				unlink(tmp);
		}
	}
	gt_buf_free(&b);
	gt_pdf_free(pdf);
	free(tmp);
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
 * The output folder made the build's: resolved, apart from the inputs,
 * locked (*lock, for the caller to close) and goldthread's. 0 with *dir
 * (the caller frees it), or an exit status (said).
 */
static int
claim(const struct gt_model *m, const char *layouts, const struct opts *o,
    const char *path, const char *shown, char **dir, int *lock)
{
	int	 rc;

	*lock = -1;
	if ((rc = resolve_output(m, layouts, path, shown, 0, dir)) != 0)
		return rc;
	if ((*lock = gt_own_lock(*dir, shown, !o->no_wait)) == -1)
		return errno == EWOULDBLOCK ? EXIT_BUSY : EXIT_INPUT;
	return gt_own_adopt(*dir, shown, o->force) == 0 ? 0 : EXIT_USAGE;
}

static int
cmd_build(int argc, char *argv[])
{
	struct opts	 o;
	struct gt_model	*m;
	struct gt_site	*site = NULL;
	struct gt_out	*out = NULL;
	struct gt_cache	*cache = NULL;
	struct cache_job cj = { NULL, NULL, 0, 0 };
	struct gt_loc	 loc = { NULL, 0, 0 };
	const char	*shown;
	char		*path = NULL, *dir = NULL, *layouts = NULL;
	size_t		 i;
	int		 rc, lock = -1, refused = 0;

	if ((rc = parse_opts(argc, argv, &o, 0)) != 0)
		return rc;
	if ((m = load(&o, &rc)) == NULL)
		return rc;
	gt_timing_start("status");
	gt_status(m);
	if (o.pack != NULL) {
		for (i = 0; i < m->conf.npacks; i++)
			if (strcmp(m->conf.packs[i].name, o.pack) == 0)
				break;
		if (i == m->conf.npacks) {
			gt_model_free(m);
			return usage_error("no [pack %s] in site.conf", o.pack);
		}
		path = o.output != NULL ? gt_xstrdup(o.output) :
		    gt_xasprintf("%s.pdf", o.pack);
		if ((refused = resolve_output(m, NULL, path, path, 1,
		    &dir)) == 0)
			build_pack(m, &m->conf.packs[i], dir, path);
		goto out;
	}
	shown = o.output != NULL ? o.output : m->conf.output_dir;
	path = o.output != NULL ? gt_xstrdup(o.output) :
	    gt_xasprintf("%s/%s", m->root, m->conf.output_dir);
	if ((layouts = find_layouts(m)) == NULL) {
		loc.file = m->conf.path;
		gt_msg(GT_E_LAYOUT, &loc, "no layouts folder: neither '%s' in "
		    "the site nor the one installed with goldthread ('%s')",
		    m->conf.layouts_dir, GT_LAYOUTS_DIR);
		goto out;
	}
	if ((refused = claim(m, layouts, &o, path, shown, &dir, &lock)) != 0)
		goto out;
	if (!o.no_cache) {
		cj.outdir = dir;
		if (!(cj.started = pthread_create(&cj.thread, NULL, cache_open,
		    &cj) == 0))
			cj.cache = gt_cache_new_beside(dir);
	}
	if ((out = gt_out_new(dir)) == NULL)
		goto out;
	cache = cache_join(&cj);
	site = gt_site_new(m, layouts, cache);
	gt_timing_start("html");
	if (gt_site_render(site, out) == 0) {
		gt_timing_start("write");
		if (gt_out_commit(out) == 0) {
			gt_cache_sweep(cache);
			if (isatty(STDERR_FILENO))
				fprintf(stderr, "goldthread: built %s\n", path);
		}
	}
out:
	gt_site_free(site);
	/* Opened for a build that did not get so far, or used. */
	gt_cache_free(cache != NULL ? cache : cache_join(&cj));
	gt_timing_report(stderr);
	rc = finish(&o);
	free(layouts);
	free(path);
	free(dir);
	gt_model_free(m);
	/* Last: it waits for the old output's removal, begun at the commit. */
	gt_out_free(out);
	if (lock != -1)
		close(lock);
	return refused != 0 ? refused : rc;
}

static int
cmd_chart(int argc, char *argv[])
{
	struct opts		 o;
	struct gt_model		*m;
	struct gt_measure	*me;
	struct gt_trend_data	 td;
	struct gt_chart		 c;
	struct gt_chart_output	 co;
	struct gt_date		 d;
	struct gt_loc		 loc = { NULL, 0, 0 };
	const char		*ext;
	char			*text, date[16];
	int			 rc;

	if ((rc = parse_opts(argc, argv, &o, 1)) != 0)
		return rc;
	if (!o.alt && o.output == NULL)
		return usage_error("%s", "chart needs -o FILE (.png, .svg or "
		    ".pdf) or --alt");
	memset(&co, 0, sizeof(co));
	ext = o.output != NULL ? strrchr(o.output, '.') : NULL;
	if (o.output != NULL) {
		if (ext != NULL && strcmp(ext, ".png") == 0)
			co.format = GT_CHART_PNG;
		else if (ext != NULL && strcmp(ext, ".svg") == 0)
			co.format = GT_CHART_SVG;
		else if (ext != NULL && strcmp(ext, ".pdf") == 0)
			co.format = GT_CHART_PDF;
		else
			return usage_error("-o '%s' must end in .png, .svg "
			    "or .pdf", o.output);
	}
	if ((m = load(&o, &rc)) == NULL)
		return rc;
	if ((me = gt_map_get(&m->measure_ix, o.measure)) == NULL) {
		gt_model_free(m);
		return usage_error("no measure '%s' in this site", o.measure);
	}
	gt_status(m);
	gt_trend_data(&td, m, me);
	c.type = GT_CHART_TREND;
	c.u.trend = &td.trend;
	if (o.alt) {
		text = gt_chart_describe(&c);
		puts(text);
		free(text);
	}
	if (o.output != NULL) {
		co.width = o.width > 0 ? o.width : 720;
		co.height = o.height > 0 ? o.height : 360;
		co.scale = o.scale > 0 ? o.scale : 1;
		/* Dated by the as-at period, so the file is reproducible. */
		d = gt_period_end_date(&m->conf.cal, &m->conf.as_at);
		gt_date_format(&d, date, sizeof(date));
		co.date = date;
		if (gt_chart_write(&c, &co, o.output) == -1) {
			loc.file = o.output;
			gt_msg(GT_E_WRITE, &loc, "%s", strerror(errno));
		}
	}
	gt_trend_data_free(&td);
	rc = finish(&o);
	gt_model_free(m);
	return rc;
}

int
main(int argc, char *argv[])
{
	static const struct {
		const char	*name;
		int		(*fn)(int, char *[]);
	} cmds[] = {
		{ "check", cmd_check },
		{ "status", cmd_status },
		{ "build", cmd_build },
		{ "chart", cmd_chart },
	};
	size_t	 i;

	if (argc < 2) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		usage(stdout);
		return 0;
	}
	if (strcmp(argv[1], "--version") == 0) {
		puts("goldthread " GT_VERSION);
		return 0;
	}
	for (i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
		if (strcmp(argv[1], cmds[i].name) == 0)
			return cmds[i].fn(argc - 1, argv + 1);
	return usage_error("unknown command '%s'", argv[1]);
}
