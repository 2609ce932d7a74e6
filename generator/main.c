/* main.c: the command line. */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "build.h"
#include "serve.h"
#include "timing.h"

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
	const char		*since;		/* status --since */
	const char		*output;	/* build -o, chart -o */
	const char		*pack;		/* build --pack */
	const char		*measure;	/* chart MEASURE_ID */
	int			 alt;		/* chart --alt */
	int			 no_source;	/* chart --no-source */
	int			 no_cache;	/* build --no-cache */
	int			 force;		/* build --force */
	int			 no_wait;	/* build --no-wait */
	double			 scale, width, height;	/* chart */
	const char		*port;		/* serve --port */
	const char		*bind;		/* serve --bind */
};

static void
usage(FILE *f)
{
	fputs("usage: goldthread check [DIR] [--as-at PERIOD] [--strict]\n"
	    "                        [--diagnostics=text|json|github|gitlab]\n"
	    "                        "
	    "[--max-diagnostics=N]\n"
	    "       goldthread status [DIR] [--as-at PERIOD] [--since PERIOD]\n"
	    "                        [--format=table|csv]\n"
	    "       goldthread build [DIR] [--as-at PERIOD] [-o OUTDIR] "
	    "[--no-cache]\n"
	    "                        [--force] [--no-wait]\n"
	    "       goldthread build [DIR] --pack NAME [-o FILE.pdf]\n"
	    "       goldthread packs [DIR]\n"
	    "       goldthread serve [DIR] [--port N] [--bind ADDR] "
	    "[--as-at PERIOD]\n"
	    "                        [-o OUTDIR]\n"
	    "       goldthread chart MEASURE_ID [DIR] -o FILE.png|.svg|.pdf "
	    "[--scale N]\n"
	    "                        [--width PX] [--height PX] [--alt]\n"
	    "                        [--no-source]\n"
	    "       goldthread --help | --version\n"
	    "\n"
	    "DIR is the site folder holding site.conf (default: .).\n"
	    "\n"
	    "commands:\n"
	    "  check   read and validate the plan and data; print every problem\n"
	    "  status  print every measure's latest figure, target, status and\n"
	    "          direction of travel (--format=csv for scripts); with\n"
	    "          --since PERIOD, what changed since that period\n"
	    "  build   write the website and every report pack's PDF into the\n"
	    "          output folder (site.conf [paths] output, or -o), swapped\n"
	    "          in only when complete; --pack NAME writes one pack's PDF\n"
	    "          (to NAME.pdf, or -o FILE); charts drawn before are\n"
	    "          reused from .OUTDIR.cache beside it unless --no-cache.\n"
	    "          The output folder must be new, empty or made by\n"
	    "          goldthread (it holds a .goldthread file), and apart\n"
	    "          from the site folder and its inputs; a link to a folder\n"
	    "          is followed\n"
	    "  packs   list each pack as CSV (pack, as_at, since, audience,\n"
	    "          title, pdf), for scripts such as CI jobs\n"
	    "  serve   build, serve the output folder on http://127.0.0.1:"
	    GT_SERVE_PORT "/\n"
	    "          and build again whenever site.conf, content/ or layouts/\n"
	    "          change; open pages reload by themselves, and show the\n"
	    "          problems of a change that does not build\n"
	    "  chart   draw a measure's trend chart into a file, with a footer\n"
	    "          naming its source, organisation and latest period\n"
	    "          (--no-source leaves it out); --alt prints its text\n"
	    "          description\n"
	    "\n"
	    "options:\n"
	    "  --as-at PERIOD        report as at PERIOD (e.g. '2025/26 Q2'),\n"
	    "                        overriding site.conf\n"
	    "  --strict              treat warnings as errors\n"
	    "  --diagnostics=FORMAT  text (path:line:col: error: message), json,\n"
	    "                        github (workflow commands) or gitlab (a\n"
	    "                        Code Quality report)\n"
	    "  --max-diagnostics=N   print at most N diagnostics (0: all; "
	    "default 200)\n"
	    "  --force               build: adopt an output folder goldthread\n"
	    "                        did not make, moving what is in it aside\n"
	    "                        to OUTDIR.orig (never removed)\n"
	    "  --no-wait             build: if another build of the same output\n"
	    "                        is running, stop (exit 75) instead of\n"
	    "                        waiting for it\n"
	    "  --port N              serve: the port (default " GT_SERVE_PORT
	    "; 0: any free one)\n"
	    "  --bind ADDR           serve: the address (default 127.0.0.1, "
	    "this machine\n"
	    "                        only; 0.0.0.0 for every network)\n"
	    "\n"
	    "exit status: 0 clean, 1 input errors (or warnings with --strict),\n"
	    "2 usage errors (an output goldthread must not write; for serve an\n"
	    "address it cannot listen on), 75 another build of the output is\n"
	    "running (--no-wait).\n", f);
}

static int
usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static int
usage_error(const char *fmt, ...)
{
	va_list	 ap;

	fputs("goldthread: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs("\nTry 'goldthread --help'.\n", stderr);
	return EXIT_USAGE;
}

static int
parse_opts(int argc, char *argv[], struct opts *o, int chart)
{
	static const struct option longopts[] = {
		{ "as-at", required_argument, NULL, 'a' },
		{ "since", required_argument, NULL, 'c' },
		{ "strict", no_argument, NULL, 's' },
		{ "diagnostics", required_argument, NULL, 'd' },
		{ "max-diagnostics", required_argument, NULL, 'm' },
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "pack", required_argument, NULL, 'p' },
		{ "alt", no_argument, NULL, 'A' },
		{ "no-source", no_argument, NULL, 'n' },
		{ "no-cache", no_argument, NULL, 'N' },
		{ "force", no_argument, NULL, 'F' },
		{ "no-wait", no_argument, NULL, 'w' },
		{ "scale", required_argument, NULL, 'S' },
		{ "width", required_argument, NULL, 'W' },
		{ "height", required_argument, NULL, 'H' },
		{ "port", required_argument, NULL, 'P' },
		{ "bind", required_argument, NULL, 'B' },
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
		case 'c':
			if (gt_period_parse(optarg, &p) == -1)
				return usage_error("--since '%s' is not a "
				    "period (e.g. 2025/26 Q1, 2025-06, "
				    "2024/25)", optarg);
			o->since = optarg;
			break;
		case 's':
			o->strict = 1;
			break;
		case 'd':
			if (strcmp(optarg, "text") == 0)
				o->diag_format = GT_DIAG_TEXT;
			else if (strcmp(optarg, "json") == 0)
				o->diag_format = GT_DIAG_JSON;
			else if (strcmp(optarg, "github") == 0)
				o->diag_format = GT_DIAG_GITHUB;
			else if (strcmp(optarg, "gitlab") == 0)
				o->diag_format = GT_DIAG_GITLAB;
			else
				return usage_error("--diagnostics takes text, "
				    "json, github or gitlab, not '%s'", optarg);
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
		case 'n':
			o->no_source = 1;
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
		case 'P':
			errno = 0;
			n = strtol(optarg, &end, 10);
			if (errno != 0 || *end != '\0' || end == optarg ||
			    n < 0 || n > 65535)
				return usage_error("--port takes a number from 0 "
				    "to 65535, not '%s'", optarg);
			o->port = optarg;
			break;
		case 'B':
			o->bind = optarg;
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

/*
 * Print what the run found, once, and turn it into the exit status (or
 * keep rc, a status the run chose); the set is freed.
 */
static int
finish(const struct opts *o, struct gt_diag *d, int rc)
{
	enum gt_sev	 worst = gt_diag_worst(d);

	/* A JSON array is written even when empty: CI reads the file. */
	if (worst != GT_SEV_OK || o->diag_format == GT_DIAG_JSON ||
	    o->diag_format == GT_DIAG_GITLAB)
		gt_diag_print(d, stderr, o->diag_format, o->max_diags);
	gt_diag_free(d);
	if (rc != 0)
		return rc;
	if (worst == GT_SEV_ERROR || (worst == GT_SEV_WARNING && o->strict))
		return EXIT_INPUT;
	return 0;
}

static void
build_opts(const struct opts *o, struct gt_build_opts *b)
{
	memset(b, 0, sizeof(*b));
	b->dir = o->dir;
	b->as_at = o->as_at;
	b->strict = o->strict;
	b->output = o->output;
	b->pack = o->pack;
	b->no_cache = o->no_cache;
	b->force = o->force;
	b->no_wait = o->no_wait;
}

/* Read and link into a new model and set d; NULL if it has errors. */
static struct gt_model *
load(const struct opts *o, struct gt_diag **d)
{
	struct gt_build_opts	 b;

	*d = gt_diag_new();
	build_opts(o, &b);
	return gt_load(&b, *d);
}

static int
cmd_check(int argc, char *argv[])
{
	struct opts		 o;
	struct gt_model		*m;
	struct gt_judgements	 js;
	struct gt_diag		*d;
	int			 rc;

	if ((rc = parse_opts(argc, argv, &o, 0)) != 0)
		return rc;
	if ((m = load(&o, &d)) != NULL) {
		/* Every period anything is judged at, as a build would. */
		gt_judgements(&js, m);
		gt_check_commentary(js.site, d);
		gt_judgements_free(&js);
		gt_model_free(m);
	}
	return finish(&o, d, 0);
}

static int
cmd_status(int argc, char *argv[])
{
	struct opts		 o;
	struct gt_model		*m;
	struct gt_diag		*d;
	struct gt_period	 since;
	char			 asat[GT_PERIOD_MAX];
	int			 rc;

	if ((rc = parse_opts(argc, argv, &o, 0)) != 0)
		return rc;
	if ((m = load(&o, &d)) == NULL)
		return finish(&o, d, 0);
	if (o.since == NULL)
		gt_build_status(m, o.csv, d);
	else if (gt_period_parse(o.since, &since), gt_period_cmp(&m->conf.cal,
	    &since, &m->conf.as_at) >= 0) {
		gt_period_format(&m->conf.as_at, asat, sizeof(asat));
		gt_model_free(m);
		gt_diag_free(d);
		return usage_error("--since '%s' is not before the period "
		    "reported on, %s", o.since, asat);
	} else
		gt_build_changes(m, &since, o.csv, d);
	gt_model_free(m);
	return finish(&o, d, 0);
}

static int
cmd_packs(int argc, char *argv[])
{
	struct opts	 o;
	struct gt_model	*m;
	struct gt_diag	*d;
	int		 rc;

	if ((rc = parse_opts(argc, argv, &o, 0)) != 0)
		return rc;
	if ((m = load(&o, &d)) != NULL) {
		gt_build_packs(m, d);
		gt_model_free(m);
	}
	return finish(&o, d, 0);
}

static int
cmd_build(int argc, char *argv[])
{
	struct opts		 o;
	struct gt_build_opts	 b;
	struct gt_diag		*d;
	int			 rc;

	if ((rc = parse_opts(argc, argv, &o, 0)) != 0)
		return rc;
	d = gt_diag_new();
	build_opts(&o, &b);
	switch (gt_build(&b, d)) {
	case GT_BUILD_NO_PACK:
		gt_diag_free(d);
		return usage_error("no [pack %s] in site.conf", o.pack);
	case GT_BUILD_REFUSED:
		return finish(&o, d, EXIT_USAGE);
	case GT_BUILD_BUSY:
		return finish(&o, d, EXIT_BUSY);
	default:
		break;
	}
	gt_timing_report(stderr);
	return finish(&o, d, 0);
}

static int
cmd_serve(int argc, char *argv[])
{
	struct opts		 o;
	struct gt_serve_opts	 so;
	int			 rc;

	if ((rc = parse_opts(argc, argv, &o, 0)) != 0)
		return rc;
	if (o.pack != NULL)
		return usage_error("%s", "serve builds the whole site: --pack "
		    "is for build");
	memset(&so, 0, sizeof(so));
	build_opts(&o, &so.build);
	so.port = o.port;
	so.bind = o.bind;
	so.max_diags = o.max_diags;
	return gt_serve(&so);
}

static int
cmd_chart(int argc, char *argv[])
{
	struct opts		 o;
	struct gt_model		*m;
	struct gt_chart_opts	 c;
	struct gt_diag		*d;
	const char		*ext;
	int			 rc;

	if ((rc = parse_opts(argc, argv, &o, 1)) != 0)
		return rc;
	if (!o.alt && o.output == NULL)
		return usage_error("%s", "chart needs -o FILE (.png, .svg or "
		    ".pdf) or --alt");
	ext = o.output != NULL ? strrchr(o.output, '.') : NULL;
	if (o.output != NULL && (ext == NULL || (strcmp(ext, ".png") != 0 &&
	    strcmp(ext, ".svg") != 0 && strcmp(ext, ".pdf") != 0)))
		return usage_error("-o '%s' must end in .png, .svg or .pdf",
		    o.output);
	if ((m = load(&o, &d)) == NULL)
		return finish(&o, d, 0);
	memset(&c, 0, sizeof(c));
	c.measure = o.measure;
	c.path = o.output;
	c.alt = o.alt;
	c.no_source = o.no_source;
	c.width = o.width;
	c.height = o.height;
	c.scale = o.scale;
	if (gt_build_chart(m, &c, d) == GT_BUILD_NO_MEASURE) {
		gt_model_free(m);
		gt_diag_free(d);
		return usage_error("no measure '%s' in this site", o.measure);
	}
	gt_model_free(m);
	return finish(&o, d, 0);
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
		{ "packs", cmd_packs },
		{ "build", cmd_build },
		{ "serve", cmd_serve },
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
