/* read.c: walk a site folder and hand each file to its reader. */
#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "import.h"

typedef void (*file_reader)(struct gt_model *, enum gt_kind, const char *,
    const char *, size_t);

static int
str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
has_suffix(const char *s, const char *suffix)
{
	size_t	 n = strlen(s), k = strlen(suffix);

	return n > k && strcmp(s + n - k, suffix) == 0;
}

static int
has_suffix_nocase(const char *s, const char *suffix)
{
	size_t	 n = strlen(s), k = strlen(suffix);

	return n > k && strcasecmp(s + n - k, suffix) == 0;
}

#define SITE	"the site folder"
#define LAYOUTS	"the layouts folder"

/* Report that root/rel cannot be read (errno says why); in is its bounds. */
static void
read_failed(struct gt_model *m, const char *rel, const char *in)
{
	struct gt_loc	 loc = { gt_model_file(m, rel), 0, 0 };
	char		*path, *to;
	int		 e = errno;

	if (e == EFBIG)
		gt_msg(m->diag, GT_E_LIMIT, &loc, "file larger than %ld bytes",
		    (long)GT_MAX_FILE_BYTES);
	else if (e == EXDEV) {
		path = gt_xasprintf("%s/%s", m->root, rel);
		to = realpath(path, NULL);
		gt_msg(m->diag, GT_E_LINK_OUTSIDE, &loc, "'%s' is not in %s",
		    to != NULL ? to : path, in);
		free(to);
		free(path);
	} else if (e == ENODEV)
		gt_msg(m->diag, GT_E_NOT_REGULAR, &loc, NULL);
	else
		gt_msg(m->diag, GT_E_READ, &loc, "%s", strerror(e));
}

/* Read root/rel and pass it to fn; 0, or -1 if it does not exist. */
static int
read_one(struct gt_model *m, struct gt_fence *fence, const char *rel,
    enum gt_kind kind, file_reader fn, int must_exist)
{
	char	*path = gt_xasprintf("%s/%s", m->root, rel), *data;
	size_t	 len;
	int	 rc = 0;

	if (gt_fence_read(fence, path, &data, &len) == -1) {
		if (errno != ENOENT || must_exist)
			read_failed(m, rel, SITE);
		rc = -1;
	} else {
		fn(m, kind, rel, data, len);
		free(data);
	}
	free(path);
	return rc;
}

/*
 * A walk down a folder of the site, listing the files it holds. Links
 * are followed where they stay inside the fence; each folder is walked
 * once, however many links lead to it, so a loop ends.
 */
struct walk {
	struct gt_model		*m;
	struct gt_fence		*fence;
	const char		*in;		/* its name, for messages */
	const char		*suffix;	/* of the files listed */
	struct gt_strlist	*out;
	struct gt_map		 seen;		/* folders, by "device:inode" */
	struct gt_strlist	 keys;		/* seen's */
};

static void
walk_folder(struct walk *w, const char *rel, int depth)
{
	char		*dir = gt_xasprintf("%s/%s", w->m->root, rel);
	char		*sub, *full, *key;
	DIR		*d = NULL;
	struct dirent	*de;
	struct stat	 st;
	struct gt_loc	 loc = { NULL, 0, 0 };

	if (gt_fence_stat(w->fence, dir, &st) == -1) {
		if (errno != ENOENT)
			read_failed(w->m, rel, w->in);
		goto out;
	}
	key = gt_xasprintf("%jx:%jx", (uintmax_t)st.st_dev,
	    (uintmax_t)st.st_ino);
	if (gt_map_get(&w->seen, key) != NULL) {
		loc.file = gt_model_file(w->m, rel);
		gt_msg(w->m->diag, GT_W_FOLDER_LOOP, &loc, NULL);
		free(key);
		goto out;
	}
	gt_strlist_add(&w->keys, key);
	free(key);
	key = w->keys.v[w->keys.n - 1];
	gt_map_put(&w->seen, key, key);
	if ((d = opendir(dir)) == NULL) {
		read_failed(w->m, rel, w->in);
		goto out;
	}
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		sub = gt_xasprintf("%s/%s", rel, de->d_name);
		full = gt_xasprintf("%s/%s", dir, de->d_name);
		/* Thousands of files: stat only what readdir cannot tell. */
		if (de->d_type == DT_DIR || ((de->d_type == DT_UNKNOWN ||
		    de->d_type == DT_LNK) && stat(full, &st) == 0 &&
		    S_ISDIR(st.st_mode))) {
			if (depth < GT_MAX_DEPTH)
				walk_folder(w, sub, depth + 1);
			else {
				loc.file = gt_model_file(w->m, sub);
				gt_msg(w->m->diag, GT_E_LIMIT, &loc, "folders nested deeper "
				    "than %d levels", GT_MAX_DEPTH);
			}
		} else if (has_suffix(de->d_name, w->suffix))
			gt_strlist_add(w->out, sub);
		else if (strcmp(w->suffix, ".md") == 0 &&
		    (has_suffix_nocase(de->d_name, ".markdown") ||
		    has_suffix_nocase(de->d_name, ".md"))) {
			/* Silently unread, a page would just be missing. */
			loc.file = gt_model_file(w->m, sub);
			gt_msg(w->m->diag, GT_W_NOT_MD, &loc, NULL);
		}
		free(sub);
		free(full);
	}
out:
	if (d != NULL)
		closedir(d);
	free(dir);
}

/* The files ending in suffix below root/rel, sorted. */
static void
list_files(struct gt_model *m, struct gt_fence *fence, const char *in,
    const char *rel, const char *suffix, struct gt_strlist *out)
{
	struct walk	 w;

	memset(&w, 0, sizeof(w));
	w.m = m;
	w.fence = fence;
	w.in = in;
	w.suffix = suffix;
	w.out = out;
	walk_folder(&w, rel, 0);
	gt_map_free(&w.seen);
	gt_strlist_free(&w.keys);
	/* Sorted, so that output never depends on the directory order. */
	gt_sort(out->v, out->n, sizeof(*out->v), str_cmp);
}

/*
 * The site's own layouts are read by build, which must find nothing in
 * them that it would refuse: every file a regular one, inside the
 * layouts folder, which is inside the site.
 */
static void
check_layouts(struct gt_model *m, struct gt_fence *site)
{
	struct gt_strlist	 files = { NULL, 0 };
	struct gt_fence		*fence;
	struct stat		 st;
	char			*dir, *path;
	size_t			 i;
	int			 fd;

	dir = gt_xasprintf("%s/%s", m->root, m->conf.layouts_dir);
	if (gt_fence_stat(site, dir, &st) == -1) {
		if (errno != ENOENT)
			read_failed(m, m->conf.layouts_dir, SITE);
		free(dir);
		return;
	}
	fence = gt_fence_new(dir);
	if (S_ISDIR(st.st_mode))
		list_files(m, fence, LAYOUTS, m->conf.layouts_dir, "", &files);
	for (i = 0; i < files.n; i++) {
		path = gt_xasprintf("%s/%s", m->root, files.v[i]);
		if ((fd = gt_fence_open(fence, path)) == -1)
			read_failed(m, files.v[i], LAYOUTS);
		else
			close(fd);
		free(path);
	}
	gt_strlist_free(&files);
	gt_fence_free(fence);
	free(dir);
}

int
gt_text_check(const char *text, size_t len, const struct gt_loc *at,
    unsigned *found, gt_report_fn fn, void *ctx)
{
	static const enum gt_msgid text_msgid[] = {
		[GT_TEXT_HIDDEN] = GT_W_HIDDEN_CHAR,
		[GT_TEXT_CONTROL] = GT_E_CONTROL_CHAR,
	};
	struct {
		struct gt_loc		 loc;
		enum gt_text_fault	 f;
		unsigned long		 cp;
		int			 byte;	/* cp is a byte, not UTF-8 */
	}			 kept[2 * GT_MAX_DIAGS_KEPT];
	struct gt_text_scan	 t;
	struct gt_loc		 loc = *at;
	enum gt_text_fault	 f;
	unsigned long		 cp;
	size_t			 n[GT_TEXT_UTF8 + 1] = { 0 }, nkept = 0, i;
	unsigned		 before = *found;
	int			 line, col, byte;
	char			 u[32];

	gt_text_scan(&t, text, len);
	while ((f = gt_text_next(&t, &line, &col, &cp)) != GT_TEXT_END) {
		byte = f == GT_TEXT_UTF8;
		if (at->line == 0) {
			loc.line = line;
			loc.col = col;
		} else if (byte)
			f = GT_TEXT_CONTROL;	/* a decoded escape */
		*found |= 1u << f;
		if (f == GT_TEXT_UTF8) {
			/* Most likely not text at all: that alone is said. */
			fn(ctx, GT_E_UTF8, &loc, NULL, 0);
			return -1;
		}
		/* Files of nothing else are no reason for millions of calls. */
		if ((at->line == 0 || !(before & (1u << f))) &&
		    n[f]++ < GT_MAX_DIAGS_KEPT) {
			kept[nkept].loc = loc;
			kept[nkept].f = f;
			kept[nkept].byte = byte && cp != 0;	/* NUL is U+0000 */
			kept[nkept++].cp = cp;
		}
	}
	for (i = 0; i < nkept; i++) {
		snprintf(u, sizeof(u), kept[i].byte ? "byte 0x%02lX, not UTF-8" :
		    "U+%04lX", kept[i].cp);
		fn(ctx, text_msgid[kept[i].f], &kept[i].loc, u, 0);
	}
	for (f = GT_TEXT_HIDDEN; f <= GT_TEXT_CONTROL; f++)
		if (n[f] > GT_MAX_DIAGS_KEPT)
			fn(ctx, text_msgid[f], at, NULL,
			    n[f] - GT_MAX_DIAGS_KEPT);
	return 0;
}

void
gt_report_msg(void *diag, enum gt_msgid id, const struct gt_loc *loc,
    const char *detail, size_t more)
{
	if (more > 0)
		gt_msg_more(diag, id, loc->file, more);
	else if (detail != NULL)
		gt_msg(diag, id, loc, "%s", detail);
	else
		gt_msg(diag, id, loc, NULL);
}

static void
read_md(struct gt_model *m, enum gt_kind kind, const char *rel,
    const char *text, size_t len)
{
	gt_md_read(m, kind, rel, text, len);
}

static void
read_conf(struct gt_model *m, enum gt_kind kind GT_UNUSED, const char *rel,
    const char *text, size_t len)
{
	gt_conf_read(m, rel, text, len);
}

static void
read_folder(struct gt_model *m, struct gt_fence *fence, const char *rel,
    enum gt_kind kind)
{
	struct gt_strlist	 files = { NULL, 0 };
	size_t			 i;

	list_files(m, fence, SITE, rel, ".md", &files);
	for (i = 0; i < files.n; i++)
		read_one(m, fence, files.v[i], kind, read_md, 1);
	gt_strlist_free(&files);
}

/*
 * The data files, parsed on a thread of their own while the Markdown is
 * read on the main one: a fifth of a big site's read, from a few large
 * files. They are read from disk and named in the model first, then the
 * thread parses them into a model of its own, holding its messages back;
 * csv_end adds both to the site's model as if read after the Markdown.
 */
struct csv_job {
	struct gt_model		*rows;		/* with its own diagnostics */
	const char		**files;	/* the model's names */
	char			**texts;
	size_t			*lens;
	const struct gt_import	**imports;	/* the mapping each is read by */
	size_t			 n;
	struct gt_import	**maps;		/* every mapping */
	size_t			 nmaps;
	pthread_t		 thread;
	int			 started;
};

static void *
csv_parse(void *arg)
{
	struct csv_job	*j = arg;
	size_t		 i;

	for (i = 0; i < j->n; i++)
		gt_csv_read_mapped(j->rows, j->files[i], j->texts[i],
		    j->lens[i], j->imports[i]);
	return NULL;
}

/* A path in the data folder, as a mapping names it. */
static const char *
in_data(const struct gt_model *m, const char *rel)
{
	size_t	 n = strlen(m->conf.data_dir);

	return strncmp(rel, m->conf.data_dir, n) == 0 && rel[n] == '/' ?
	    rel + n + 1 : rel;
}

/*
 * The import mappings (NAME.map) of the data folder, read on the main
 * thread before the data files; their messages go with the data files'.
 */
static void
read_maps(struct gt_model *m, struct gt_fence *fence, struct csv_job *j,
    const struct gt_strlist *list)
{
	char			*path, *text;
	size_t			 i, len;

	j->maps = gt_xcalloc(list->n + 1, sizeof(*j->maps));
	for (i = 0; i < list->n; i++) {
		if (!has_suffix(list->v[i], ".map"))
			continue;
		path = gt_xasprintf("%s/%s", m->root, list->v[i]);
		if (gt_fence_read(fence, path, &text, &len) == -1)
			read_failed(m, list->v[i], SITE);
		else {
			j->maps[j->nmaps++] = gt_import_parse(j->rows->diag,
			    gt_model_file(m, list->v[i]),
			    in_data(m, list->v[i]), &m->conf.cal, text, len);
			free(text);
		}
		free(path);
	}
}

/*
 * The mapping that reads a data file, or NULL; a file two mappings claim
 * is an error, and is read by neither. *skip is set if the file is not
 * to be read as a plain data file.
 */
static const struct gt_import *
mapping_of(struct gt_model *m, struct csv_job *j, const char *rel,
    unsigned char *used, int *skip)
{
	struct gt_loc		 loc = { gt_model_file(m, rel), 0, 0 };
	const struct gt_import	*found = NULL;
	size_t			 i;

	*skip = 0;
	for (i = 0; i < j->nmaps; i++) {
		if (!gt_import_reads(j->maps[i], in_data(m, rel)))
			continue;
		used[i] = 1;
		if (found != NULL) {
			gt_msg(j->rows->diag, GT_E_MAPPING, &loc, "read by two "
			    "mappings, %s and %s", gt_import_file(found),
			    gt_import_file(j->maps[i]));
			*skip = 1;
		}
		found = j->maps[i];
	}
	if (found != NULL && gt_import_broken(found))
		*skip = 1;
	return *skip ? NULL : found;
}

static void
csv_begin(struct gt_model *m, struct gt_fence *fence, struct csv_job *j)
{
	struct gt_strlist	 list = { NULL, 0 };
	struct gt_loc		 loc = { NULL, 0, 0 };
	unsigned char		*used;
	char			*path;
	size_t			 i;
	int			 skip;

	memset(j, 0, sizeof(*j));
	j->rows = gt_model_new(m->root);
	j->rows->diag = gt_diag_new();
	j->rows->conf.cal = m->conf.cal;
	/* One walk finds the data files and the mappings that read some. */
	list_files(m, fence, SITE, m->conf.data_dir, "", &list);
	read_maps(m, fence, j, &list);
	used = gt_xcalloc(j->nmaps + 1, 1);
	j->files = gt_xcalloc(list.n + 1, sizeof(*j->files));
	j->texts = gt_xcalloc(list.n + 1, sizeof(*j->texts));
	j->lens = gt_xcalloc(list.n + 1, sizeof(*j->lens));
	j->imports = gt_xcalloc(list.n + 1, sizeof(*j->imports));
	for (i = 0; i < list.n; i++) {
		if (!has_suffix(list.v[i], ".csv"))
			continue;
		j->imports[j->n] = mapping_of(m, j, list.v[i], used, &skip);
		path = gt_xasprintf("%s/%s", m->root, list.v[i]);
		/* A file its mapping cannot read is read by none. */
		if (!skip && gt_fence_read(fence, path, &j->texts[j->n],
		    &j->lens[j->n]) == -1)
			read_failed(m, list.v[i], SITE);
		else if (!skip)
			j->files[j->n++] = gt_model_file(m, list.v[i]);
		free(path);
	}
	for (i = 0; i < j->nmaps; i++)
		if (!used[i]) {
			loc.file = gt_import_file(j->maps[i]);
			gt_msg(j->rows->diag, GT_W_MAP_UNUSED, &loc, "it reads "
			    "no data file (NAME.map reads NAME.csv, unless "
			    "files = PATTERN says which)");
		}
	free(used);
	gt_strlist_free(&list);
	j->started = pthread_create(&j->thread, NULL, csv_parse, j) == 0;
}

/* Add the n pointers of from (then freed) to the end of to; the new to. */
static void *
move_rows(void *to, size_t *nto, size_t *cap, void *from, size_t n)
{
	to = gt_xgrow(to, cap, *nto + n, sizeof(void *));
	if (n > 0)
		memcpy((void **)to + *nto, from, n * sizeof(void *));
	*nto += n;
	free(from);
	return to;
}

static void
csv_end(struct gt_model *m, struct csv_job *j)
{
	struct gt_model	*r = j->rows;
	size_t		 i;

	if (j->started)
		pthread_join(j->thread, NULL);
	else
		csv_parse(j);
	/* Its messages as if the files were read after the Markdown. */
	gt_diag_merge(m->diag, r->diag);
	gt_diag_free(r->diag);
	m->obs = move_rows(m->obs, &m->nobs, &m->capobs, r->obs, r->nobs);
	m->progress = move_rows(m->progress, &m->nprogress, &m->capprogress,
	    r->progress, r->nprogress);
	m->comparators = move_rows(m->comparators, &m->ncomparators,
	    &m->capcomparators, r->comparators, r->ncomparators);
	m->finance = move_rows(m->finance, &m->nfinance, &m->capfinance,
	    r->finance, r->nfinance);
	m->riskobs = move_rows(m->riskobs, &m->nriskobs, &m->capriskobs,
	    r->riskobs, r->nriskobs);
	m->cohorts = move_rows(m->cohorts, &m->ncohorts, &m->capcohorts,
	    r->cohorts, r->ncohorts);
	m->xtargets = move_rows(m->xtargets, &m->nxtargets, &m->capxtargets,
	    r->xtargets, r->nxtargets);
	m->claims = move_rows(m->claims, &m->nclaims, &m->capclaims,
	    r->claims, r->nclaims);
	/* Now the site's: the rows model keeps none of them. */
	r->obs = NULL;
	r->progress = NULL;
	r->comparators = NULL;
	r->finance = NULL;
	r->riskobs = NULL;
	r->cohorts = NULL;
	r->xtargets = NULL;
	r->claims = NULL;
	r->nobs = r->nprogress = r->ncomparators = r->nfinance = 0;
	r->nriskobs = r->ncohorts = r->nxtargets = r->nclaims = 0;
	gt_model_free(r);
	for (i = 0; i < j->n; i++)
		free(j->texts[i]);
	for (i = 0; i < j->nmaps; i++)
		gt_import_free(j->maps[i]);
	free(j->maps);
	free(j->imports);
	free(j->files);
	free(j->texts);
	free(j->lens);
}

struct gt_model *
gt_read_site(const char *root, const char *as_at, struct gt_diag *diag)
{
	static const struct {
		const char	*folder;
		enum gt_kind	 kind;
	} folders[] = {
		{ "priorities", GT_KIND_PRIORITY },
		{ "objectives", GT_KIND_OBJECTIVE },
		{ "measures", GT_KIND_MEASURE },
		{ "actions", GT_KIND_ACTION },
		{ "risks", GT_KIND_RISK },
	};
	struct gt_model	*m = gt_model_new(root);
	struct gt_conf	*c = &m->conf;
	struct gt_loc	 loc = { NULL, 0, 0 };
	struct gt_fence	*fence = gt_fence_new(root);
	struct csv_job	 csv;
	char		*rel;
	size_t		 i;

	m->diag = diag;
	if (as_at != NULL) {
		/* The command line wins: site.conf's as_at is not even parsed. */
		c->as_at_text = gt_xstrdup(as_at);
		gt_period_parse(as_at, &c->as_at);
		c->as_at_cli = 1;
	}
	if (read_one(m, fence, "site.conf", GT_KIND_PLAN, read_conf, 1) == -1) {
		/* Carry on with the defaults, to report the content's problems too. */
		gt_conf_read(m, "site.conf", "", 0);
	}
	if (c->as_at_text == NULL) {
		loc.file = gt_model_file(m, "site.conf");
		gt_msg(m->diag, GT_E_CONF_MISSING, &loc, "as_at in [site] (or give "
		    "--as-at)");
	}

	csv_begin(m, fence, &csv);
	rel = gt_xasprintf("%s/plan.md", c->content_dir);
	if (read_one(m, fence, rel, GT_KIND_PLAN, read_md, 0) == -1 &&
	    errno == ENOENT) {
		loc.file = gt_model_file(m, rel);
		gt_msg(m->diag, GT_E_NO_PLAN, &loc, NULL);
	}
	free(rel);
	for (i = 0; i < sizeof(folders) / sizeof(folders[0]); i++) {
		rel = gt_xasprintf("%s/%s", c->content_dir, folders[i].folder);
		read_folder(m, fence, rel, folders[i].kind);
		free(rel);
	}
	check_layouts(m, fence);
	csv_end(m, &csv);
	gt_fence_free(fence);
	return m;
}
