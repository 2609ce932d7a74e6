/* read.c: walk a site folder and hand each file to its reader. */
#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "read.h"

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

/* Report a file that cannot be read, as a limit if it is too large. */
static void
read_failed(struct gt_model *m, const char *rel)
{
	struct gt_loc	 loc = { gt_model_file(m, rel), 0, 0 };

	if (errno == EFBIG)
		gt_msg(GT_E_LIMIT, &loc, "file larger than %ld bytes",
		    (long)GT_MAX_FILE_BYTES);
	else
		gt_msg(GT_E_READ, &loc, "%s", strerror(errno));
}

/* Read root/rel and pass it to fn; 0, or -1 if it does not exist. */
static int
read_one(struct gt_model *m, const char *rel, enum gt_kind kind,
    file_reader fn, int must_exist)
{
	char	*path = gt_xasprintf("%s/%s", m->root, rel), *data;
	size_t	 len;
	int	 rc = 0;

	if (gt_read_file(path, &data, &len) == -1) {
		if (errno != ENOENT || must_exist)
			read_failed(m, rel);
		rc = -1;
	} else {
		fn(m, kind, rel, data, len);
		free(data);
	}
	free(path);
	return rc;
}

/* List files ending in suffix below root/rel, sorted, recursing into folders. */
static void
list_files(struct gt_model *m, const char *rel, const char *suffix,
    int depth, struct gt_strlist *out)
{
	char		*dir = gt_xasprintf("%s/%s", m->root, rel), *sub, *full;
	DIR		*d;
	struct dirent	*de;
	struct stat	 st;
	struct gt_loc	 loc = { NULL, 0, 0 };

	if ((d = opendir(dir)) == NULL) {
		if (errno != ENOENT) {
			loc.file = gt_model_file(m, rel);
			gt_msg(GT_E_READ, &loc, "%s", strerror(errno));
		}
		free(dir);
		return;
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
				list_files(m, sub, suffix, depth + 1, out);
			else {
				loc.file = gt_model_file(m, sub);
				gt_msg(GT_E_LIMIT, &loc, "folders nested deeper "
				    "than %d levels", GT_MAX_DEPTH);
			}
		} else if (has_suffix(de->d_name, suffix))
			gt_strlist_add(out, sub);
		free(sub);
		free(full);
	}
	closedir(d);
	free(dir);
}

static void
read_md(struct gt_model *m, enum gt_kind kind, const char *rel,
    const char *text, size_t len)
{
	gt_md_read(m, kind, rel, text, len);
}

static void
read_conf(struct gt_model *m, enum gt_kind kind, const char *rel,
    const char *text, size_t len)
{
	gt_conf_read(m, rel, text, len);
}

static void
read_folder(struct gt_model *m, const char *rel, const char *suffix,
    enum gt_kind kind, file_reader fn)
{
	struct gt_strlist	 files = { NULL, 0 };
	size_t			 i;

	list_files(m, rel, suffix, 0, &files);
	/* Sorted, so that output never depends on the directory order. */
	gt_sort(files.v, files.n, sizeof(*files.v), str_cmp);
	for (i = 0; i < files.n; i++)
		read_one(m, files.v[i], kind, fn, 1);
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
	struct gt_model		*rows;
	struct gt_held		 held;
	const char		**files;	/* the model's names */
	char			**texts;
	size_t			*lens;
	size_t			 n;
	pthread_t		 thread;
	int			 started;
};

static void *
csv_parse(void *arg)
{
	struct csv_job	*j = arg;
	size_t		 i;

	for (i = 0; i < j->n; i++)
		gt_csv_read_apart(j->rows, j->files[i], j->texts[i], j->lens[i],
		    &j->held);
	return NULL;
}

static void
csv_begin(struct gt_model *m, struct csv_job *j)
{
	struct gt_strlist	 list = { NULL, 0 };
	char			*path;
	size_t			 i;

	memset(j, 0, sizeof(*j));
	j->rows = gt_model_new(m->root);
	list_files(m, m->conf.data_dir, ".csv", 0, &list);
	/* Sorted, so that output never depends on the directory order. */
	gt_sort(list.v, list.n, sizeof(*list.v), str_cmp);
	j->files = gt_xcalloc(list.n + 1, sizeof(*j->files));
	j->texts = gt_xcalloc(list.n + 1, sizeof(*j->texts));
	j->lens = gt_xcalloc(list.n + 1, sizeof(*j->lens));
	for (i = 0; i < list.n; i++) {
		path = gt_xasprintf("%s/%s", m->root, list.v[i]);
		if (gt_read_file(path, &j->texts[j->n], &j->lens[j->n]) == -1)
			read_failed(m, list.v[i]);
		else
			j->files[j->n++] = gt_model_file(m, list.v[i]);
		free(path);
	}
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
	gt_held_report(&j->held);
	m->obs = move_rows(m->obs, &m->nobs, &m->capobs, r->obs, r->nobs);
	m->progress = move_rows(m->progress, &m->nprogress, &m->capprogress,
	    r->progress, r->nprogress);
	m->comparators = move_rows(m->comparators, &m->ncomparators,
	    &m->capcomparators, r->comparators, r->ncomparators);
	m->finance = move_rows(m->finance, &m->nfinance, &m->capfinance,
	    r->finance, r->nfinance);
	/* Now the site's: the rows model keeps none of them. */
	r->obs = NULL;
	r->progress = NULL;
	r->comparators = NULL;
	r->finance = NULL;
	r->nobs = r->nprogress = r->ncomparators = r->nfinance = 0;
	gt_model_free(r);
	for (i = 0; i < j->n; i++)
		free(j->texts[i]);
	free(j->files);
	free(j->texts);
	free(j->lens);
}

struct gt_model *
gt_read_site(const char *root, const char *as_at)
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
	struct csv_job	 csv;
	char		*rel;
	size_t		 i;

	if (as_at != NULL) {
		/* The command line wins: site.conf's as_at is not even parsed. */
		c->as_at_text = gt_xstrdup(as_at);
		gt_period_parse(as_at, &c->as_at);
		c->as_at_cli = 1;
	}
	if (read_one(m, "site.conf", GT_KIND_PLAN, read_conf, 1) == -1) {
		/* Carry on with the defaults, to report the content's problems too. */
		gt_conf_read(m, "site.conf", "", 0);
	}
	if (c->as_at_text == NULL) {
		loc.file = gt_model_file(m, "site.conf");
		gt_msg(GT_E_CONF_MISSING, &loc, "as_at in [site] (or give "
		    "--as-at)");
	}

	csv_begin(m, &csv);
	rel = gt_xasprintf("%s/plan.md", c->content_dir);
	if (read_one(m, rel, GT_KIND_PLAN, read_md, 0) == -1 && errno == ENOENT) {
		loc.file = gt_model_file(m, rel);
		gt_msg(GT_E_NO_PLAN, &loc, NULL);
	}
	free(rel);
	for (i = 0; i < sizeof(folders) / sizeof(folders[0]); i++) {
		rel = gt_xasprintf("%s/%s", c->content_dir, folders[i].folder);
		read_folder(m, rel, ".md", folders[i].kind, read_md);
		free(rel);
	}
	csv_end(m, &csv);
	return m;
}
