/* read.c: walk a site folder and hand each file to its reader. */
#include <dirent.h>
#include <errno.h>
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
		if (stat(full, &st) == 0 && S_ISDIR(st.st_mode)) {
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
read_csv(struct gt_model *m, enum gt_kind kind, const char *rel,
    const char *text, size_t len)
{
	gt_csv_read(m, rel, text, len);
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
	read_folder(m, c->data_dir, ".csv", GT_KIND_PLAN, read_csv);
	return m;
}
