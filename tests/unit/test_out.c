/* test_out.c: atomic output, what it may write, and the small utilities. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <criterion/criterion.h>
#include <criterion/redirect.h>

#include "out.h"
#include "own.h"
#include "util.h"
#include "helpers.h"

/* Does the file hold exactly want (NULL: does it not exist)? */
static void
expect_file(const char *path, const char *want)
{
	char	*data = NULL;
	size_t	 len;
	int	 rc = gt_read_file(path, &data, &len);

	if (want == NULL)
		cr_expect_eq(rc, -1, "%s should not exist", path);
	else {
		cr_assert_eq(rc, 0, "%s should exist", path);
		cr_expect_str_eq(data, want);
	}
	free(data);
}

Test(out, build_aside_then_swap)
{
	char		 dir[] = "/tmp/gt-out-XXXXXX", *pub, *got;
	struct gt_out	*o;
	struct stat	 st;

	cr_assert_not_null(mkdtemp(dir));
	pub = gt_xasprintf("%s/public", dir);

	o = gt_out_new(pub, diags());
	cr_assert_not_null(o);
	cr_assert_eq(gt_out_write(o, "a/b/index.html", "one", 3), 0);
	/* Nothing shows until the commit. */
	cr_expect_eq(stat(pub, &st), -1);
	cr_assert_eq(gt_out_commit(o), 0);
	gt_out_free(o);
	got = gt_xasprintf("%s/a/b/index.html", pub);
	expect_file(got, "one");

	/* A build that fails leaves the last good output exactly as it was. */
	o = gt_out_new(pub, diags());
	cr_assert_eq(gt_out_write(o, "a/b/index.html", "two", 3), 0);
	gt_out_free(o);
	expect_file(got, "one");

	/* A second good build replaces it whole: stale files go. */
	o = gt_out_new(pub, diags());
	cr_assert_eq(gt_out_write(o, "c.html", "three", 5), 0);
	cr_assert_eq(gt_out_commit(o), 0);
	gt_out_free(o);
	expect_file(got, NULL);
	free(got);
	free(pub);
}

/* Folders are made once each, at every depth, whatever the order. */
Test(out, nested_folders)
{
	static const char *const rel[] = { "x.html", "a/b/c/1.html",
	    "a/b/2.html", "a/b/c/3.html", "a/4.html", "a/bc/5.html",
	    "a/b/6.html" };
	char		 dir[] = "/tmp/gt-out-XXXXXX", *pub, *path;
	struct gt_out	*o;
	size_t		 i;

	cr_assert_not_null(mkdtemp(dir));
	pub = gt_xasprintf("%s/public", dir);
	o = gt_out_new(pub, diags());
	cr_assert_not_null(o);
	for (i = 0; i < sizeof(rel) / sizeof(rel[0]); i++)
		cr_assert_eq(gt_out_write(o, rel[i], rel[i], strlen(rel[i])),
		    0, "%s", rel[i]);
	cr_assert_eq(gt_out_commit(o), 0);
	gt_out_free(o);
	for (i = 0; i < sizeof(rel) / sizeof(rel[0]); i++) {
		path = gt_xasprintf("%s/%s", pub, rel[i]);
		expect_file(path, rel[i]);
		free(path);
	}
	path = gt_xasprintf("rm -rf %s", dir);
	cr_assert_eq(system(path), 0);
	free(path);
	free(pub);
}

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

static void
expect_at(const char *dir, const char *rel, const char *want)
{
	char	*path = gt_xasprintf("%s/%s", dir, rel);

	expect_file(path, want);
	free(path);
}

/* One build of files name: content, keyed (or not, key NULL). */
static void
build(const char *pub, const char *const *files, size_t n, int commit)
{
	struct gt_out	*o = gt_out_new(pub, diags());
	size_t		 i;

	cr_assert_not_null(o);
	for (i = 0; i < n; i += 3) {
		if (files[i + 2] != NULL && gt_out_reused(o, files[i],
		    files[i + 2]))
			continue;
		cr_assert_eq(gt_out_write(o, files[i], files[i + 1],
		    strlen(files[i + 1])), 0);
		if (files[i + 2] != NULL)
			gt_out_keyed(o, files[i], files[i + 2]);
	}
	if (commit)
		cr_assert_eq(gt_out_commit(o), 0);
	gt_out_free(o);
}

/*
 * The tree of the build before last is taken over: files of the same key
 * stay (not written again), others are replaced, files no longer made go
 * with the folders they empty; a tree whose build stopped part way, or a
 * second process's files once imported, are handled too.
 */
Test(out, earlier_tree_taken_over)
{
	static const char *const one[] = {
		"a.html", "A", "k1", "d/b.html", "B", "k2",
		"c.txt", "C", NULL, "gone/x.html", "X", "k3",
	};
	static const char *const two[] = {
		"a.html", "not written", "k1", "d/b.html", "B2", "k9",
		"e.html", "E", "k4",
	};
	char		 dir[] = "/tmp/gt-out-XXXXXX", *pub, *path, *text;
	size_t		 len;
	struct gt_out	*o;
	FILE		*f;

	cr_assert_not_null(mkdtemp(dir));
	pub = gt_xasprintf("%s/public", dir);
	build(pub, one, NELEM(one), 1);
	build(pub, one, NELEM(one), 1);
	build(pub, two, NELEM(two), 1);
	expect_at(pub, "a.html", "A");
	expect_at(pub, "d/b.html", "B2");
	expect_at(pub, "e.html", "E");
	expect_at(pub, "c.txt", NULL);
	path = gt_xasprintf("test ! -e %s/gone", pub);
	cr_expect_eq(system(path), 0, "an emptied folder goes too");
	free(path);

	/* Stopped part way: its tree is never taken over again. */
	build(pub, one, NELEM(one), 0);
	build(pub, two, NELEM(two), 1);
	expect_at(pub, "a.html", "not written");

	/*
	 * A second process's files, handed over, stay: the other process
	 * of the build took a.html over.
	 */
	build(pub, two, NELEM(two), 1);
	o = gt_out_new(pub, diags());
	cr_assert_eq(gt_out_write(o, "e.html", "E", 1), 0);
	f = open_memstream(&text, &len);
	gt_out_export(o, f);
	fclose(f);
	cr_expect_str_eq(text, "\t\t.goldthread\n\t\te.html\n");
	free(text);
	gt_out_import(o, "k1\t\ta.html\n", 12);
	cr_assert_eq(gt_out_commit(o), 0);
	gt_out_free(o);
	expect_at(pub, "a.html", "not written");
	expect_at(pub, "d/b.html", NULL);

	/* A first build leaves its tree for the next to take over too. */
	path = gt_xasprintf("%s/first", dir);
	build(path, one, NELEM(one), 1);
	build(path, two, NELEM(two), 1);
	expect_at(path, "a.html", "A");
	expect_at(path, "c.txt", NULL);
	free(path);

	/* A list naming a file outside its tree is not trusted at all. */
	build(pub, one, NELEM(one), 1);
	build(pub, one, NELEM(one), 1);
	path = gt_xasprintf("echo keep > %s/outside && for f in %s/.public."
	    "list-*; do printf 'k\\t\\t../outside\\n' >> $f; done", dir, dir);
	cr_assert_eq(system(path), 0);
	free(path);
	build(pub, two, NELEM(two), 1);
	expect_at(dir, "outside", "keep\n");
	expect_at(pub, "a.html", "not written");
	path = gt_xasprintf("rm -rf %s", dir);
	cr_assert_eq(system(path), 0);
	free(path);
	free(pub);
}

/*
 * A file of an earlier tree edited in place since it was made, keeping
 * its size and modification time (rsync --inplace, touch -r), is made
 * anew, not kept: in the tree before last (a link of the same file, as a
 * first build leaves it) and in the last.
 */
Test(out, edited_file_not_kept)
{
	static const char *const one[] = { "a.html", "A", "k1" };
	static const char *const two[] = { "a.html", "B", "k1" };
	char		 dir[] = "/tmp/gt-out-XXXXXX", *pub, *path;
	struct timespec	 ts[2];
	struct stat	 st;
	FILE		*f;

	cr_assert_not_null(mkdtemp(dir));
	pub = gt_xasprintf("%s/public", dir);
	build(pub, one, NELEM(one), 1);
	build(pub, one, NELEM(one), 1);
	path = gt_xasprintf("%s/a.html", pub);
	cr_assert_eq(stat(path, &st), 0);
	f = fopen(path, "r+");
	cr_assert_not_null(f);
	fputs("Z", f);
	fclose(f);
	ts[0] = st.st_atim;
	ts[1] = st.st_mtim;
	cr_assert_eq(utimensat(AT_FDCWD, path, ts, 0), 0);
	expect_file(path, "Z");
	build(pub, two, NELEM(two), 1);
	expect_file(path, "B");
	build(pub, two, NELEM(two), 1);
	expect_file(path, "B");
	free(path);
	path = gt_xasprintf("rm -rf %s", dir);
	cr_assert_eq(system(path), 0);
	free(path);
	free(pub);
}

/*
 * An output path resolved once: links followed (the last part too), the
 * parts that do not exist yet taken as written, a link to nothing refused.
 */
Test(own, resolve)
{
	static const char *const cases[][2] = {
		{ "link", "/a/b" }, { "link/", "/a/b" },
		{ "link/new/../x", "/a/b/x" }, { "a/./b/../new/", "/a/new" },
		{ "new/deeper", "/new/deeper" }, { "a/b/../..", "" },
	};
	char	 dir[] = "/tmp/gt-own-XXXXXX", *real, *got, *want, *cmd;
	size_t	 i;

	cr_assert_not_null(mkdtemp(dir));
	real = realpath(dir, NULL);
	cmd = gt_xasprintf("cd %s && mkdir -p a/b && ln -s a/b link && "
	    "ln -s nowhere dangling", dir);
	cr_assert_eq(system(cmd), 0);
	free(cmd);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		cmd = gt_xasprintf("%s/%s", dir, cases[i][0]);
		got = gt_own_resolve(cmd);
		want = gt_xasprintf("%s%s", real, cases[i][1]);
		cr_expect(got != NULL && strcmp(got, want) == 0,
		    "%s: got %s, want %s", cases[i][0], got, want);
		free(got);
		free(want);
		free(cmd);
	}
	cmd = gt_xasprintf("%s/dangling", dir);
	cr_expect_null(gt_own_resolve(cmd), "a link to nothing");
	free(cmd);
	cmd = gt_xasprintf("rm -rf %s", dir);
	cr_assert_eq(system(cmd), 0);
	free(cmd);
	free(real);
}

/* The output apart from the inputs: not one, not in one, holding none. */
Test(own, apart, .init = cr_redirect_stderr)
{
	static const struct gt_own_input in[] = {
		{ "/s", "the site folder", 1 },
		{ "/s/content", "the content folder", 0 },
	};
	static const struct {
		const char	*out;
		int		 rc;
	} t[] = {
		{ "/s/public", 0 }, { "/elsewhere", 0 }, { "/s/contents", 0 },
		{ "/s", -1 }, { "/", -1 }, { "/s/content", -1 },
		{ "/s/content/sub", -1 },
	};
	size_t	 i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		cr_expect_eq(gt_own_apart(t[i].out, t[i].out, "folder", in, 2),
		    t[i].rc, "%s", t[i].out);
}

Test(util, utf8_check)
{
	static const struct {
		const char	*s;
		size_t		 n;
		int		 ok, line, col;
	} t[] = {
		{ "plain\n", 6, 1, 0, 0 },
		{ "\xc2\xa3 and \xe2\x80\x99 and \xf0\x9f\x98\x80", 19, 1, 0, 0 },
		{ "a\nb\xff", 4, 0, 2, 2 },
		{ "\xc0\xaf", 2, 0, 1, 1 },		/* overlong */
		{ "x\xed\xa0\x80", 4, 0, 1, 2 },	/* surrogate */
		{ "ab\xe2\x80", 4, 0, 1, 3 },		/* truncated */
		{ "a\0b", 3, 0, 1, 2 },			/* NUL */
		{ "\xf4\x90\x80\x80", 4, 0, 1, 1 },	/* above U+10FFFF */
	};
	size_t	 i;
	int	 line, col;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		int rc = gt_utf8_check(t[i].s, t[i].n, &line, &col);

		cr_expect_eq(rc == 0, t[i].ok, "case %zu", i);
		if (!t[i].ok) {
			cr_expect_eq(line, t[i].line, "case %zu line", i);
			cr_expect_eq(col, t[i].col, "case %zu col", i);
		}
	}
}

Test(util, map_grows_and_keeps_first)
{
	struct gt_map	 m = { 0 };
	char		 keys[1000][8];
	size_t		 i;

	for (i = 0; i < 1000; i++) {
		snprintf(keys[i], sizeof(keys[i]), "k%zu", i);
		cr_assert_null(gt_map_put(&m, keys[i], keys[i]));
	}
	cr_expect_eq(gt_map_put(&m, "k5", keys[6]), keys[5]);
	for (i = 0; i < 1000; i++)
		cr_expect_eq(gt_map_get(&m, keys[i]), keys[i]);
	cr_expect_null(gt_map_get(&m, "k1000"));
	gt_map_free(&m);
}
