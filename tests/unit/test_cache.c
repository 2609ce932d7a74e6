/* test_cache.c: chart keys and the chart cache. */
#include <sys/stat.h>
#include <unistd.h>

#include <criterion/criterion.h>

#include "cache.h"
#include "chart.h"
#include "util.h"
#include "helpers.h"

static void
key_of(const struct gt_chart_trend *t, double w, char key[65])
{
	struct gt_chart		 c = { GT_CHART_TREND, { .trend = t } };
	struct gt_chart_output	 o = { GT_CHART_SVG, w, 100, 1, NULL, 0 };

	gt_chart_key(&c, &o, key);
}

Test(cache, keys_follow_every_input)
{
	struct gt_chart_point	 p[2] = {
		{ "2024/25 Q1", "2024/25", GT_CHART_VALUE, 1.5, GT_CHART_FINAL,
		  { 1, 2, 2, 0.1 }, GT_CHART_OFF_TARGET, NULL, 1 },
		{ "2024/25 Q2", "2024/25", GT_CHART_VALUE, 2.5, GT_CHART_FINAL,
		  { 1, 2, 2, 0.1 }, GT_CHART_ON_TARGET, NULL, 2 },
	};
	static const double	 england[2] = { 1, 2 };
	struct gt_chart_comparator cmp = { "England", england, 0 };
	struct gt_chart_trend	 t = { "T", "%", 1, GT_CHART_HIGHER, 4,
	    GT_CHART_AUTO, p, 2, &cmp, 1, NULL, NULL, 0, NULL };
	struct gt_chart		 c = { GT_CHART_TREND, { .trend = &t } };
	struct gt_chart_output	 o = { GT_CHART_SVG, 200, 100, 1, NULL, 0 };
	char			 a[65], b[65];

	key_of(&t, 200, a);
	key_of(&t, 200, b);
	cr_expect_str_eq(a, b);
	cr_expect_eq(strlen(a), 32);
	p[1].value = 2.6;
	key_of(&t, 200, b);
	cr_expect_str_neq(a, b);
	p[1].value = 2.5;
	key_of(&t, 201, b);
	cr_expect_str_neq(a, b, "the size is part of the key");
	t.title = "U";
	key_of(&t, 200, b);
	cr_expect_str_neq(a, b);
	t.title = "T";
	/* The footer, subtitle, year-to-date form and named lines too. */
	t.source = "Source: X; Y; figures to June 2024";
	key_of(&t, 200, b);
	cr_expect_str_neq(a, b, "the source");
	t.source = NULL;
	t.subtitle = "S";
	key_of(&t, 200, b);
	cr_expect_str_neq(a, b, "the subtitle");
	t.subtitle = NULL;
	t.year_to_date = 1;
	key_of(&t, 200, b);
	cr_expect_str_neq(a, b, "year to date");
	t.year_to_date = 0;
	cmp.named = 1;
	key_of(&t, 200, b);
	cr_expect_str_neq(a, b, "a named comparator");
	cmp.named = 0;
	p[1].in_year = 3;
	key_of(&t, 200, b);
	cr_expect_str_neq(a, b, "a point's place in its year");
	p[1].in_year = 2;
	key_of(&t, 200, b);
	cr_expect_str_eq(a, b);
	/* A chart that may grow is another file. */
	c.u.trend = &t;
	o.grow = 1;
	gt_chart_key(&c, &o, b);
	cr_expect_str_neq(a, b, "grow");
	/* A string split differently is a different key. */
	t.title = "T%";
	t.unit = "";
	key_of(&t, 200, b);
	cr_expect_str_neq(a, b);
}

Test(cache, get_put_sweep)
{
	char		 dir[] = "/tmp/gt-cache-XXXXXX";
	char		*pub, *cdir, *got, *cmd, *data;
	size_t		 len;
	struct gt_cache	*c, *other;
	struct gt_out	*o;
	FILE		*f;

	cr_assert_not_null(mkdtemp(dir));
	pub = gt_xasprintf("%s/public", dir);
	cdir = gt_xasprintf("%s/.public.cache", dir);
	c = gt_cache_new_beside(pub);
	cr_assert_not_null(c);
	o = gt_out_new(pub, diags());
	cr_assert_not_null(o);
	cr_expect_eq(gt_cache_get(c, "k1", o, "charts/a.svg"), -1);
	gt_cache_put(c, "k1", "<svg/>", 6);
	gt_cache_put(c, "k2", "old", 3);
	gt_cache_put(c, "k3", "other", 5);
	cr_expect_eq(gt_cache_get(c, "k1", o, "charts/a.svg"), 0);
	cr_assert_eq(gt_out_commit(o), 0);
	gt_out_free(o);
	gt_cache_free(c);

	/*
	 * A later build keeps only what it used, in this process or in
	 * another of the build that hands its use over.
	 */
	c = gt_cache_new(cdir);
	other = gt_cache_new(cdir);
	o = gt_out_new(pub, diags());
	cr_expect_eq(gt_cache_get(c, "k1", o, "b.svg"), 0);
	cr_expect_eq(gt_cache_has(other, "k3"), 1);
	f = open_memstream(&data, &len);
	gt_cache_export(other, f);
	fclose(f);
	cr_expect_str_eq(data, "k3\n");
	gt_cache_import(c, data, len);
	free(data);
	gt_cache_free(other);
	gt_cache_sweep(c);
	cr_expect_eq(gt_cache_get(c, "k2", o, "c.svg"), -1, "k2 was swept");
	cr_expect_eq(gt_cache_get(c, "k3", o, "e.svg"), 0, "k3 was kept");
	cr_expect_eq(gt_cache_get(c, "k1", o, "d.svg"), 0);
	cr_assert_eq(gt_out_commit(o), 0);
	got = gt_xasprintf("%s/d.svg", pub);
	cr_assert_eq(gt_read_file(got, &data, &len), 0);
	cr_expect_eq(len, 6);
	cr_expect(memcmp(data, "<svg/>", 6) == 0);
	free(data);
	free(got);
	gt_out_free(o);
	gt_cache_free(c);
	cr_expect_eq(gt_cache_get(NULL, "k1", NULL, "x"), -1,
	    "a NULL cache caches nothing");
	cr_expect_eq(gt_cache_read(NULL, "k1", &data, &len), -1);
	gt_cache_keep(NULL, "k1", NULL, "x", "x", 1);
	cmd = gt_xasprintf("rm -rf %s", dir);
	cr_assert_eq(system(cmd), 0);
	free(cmd);
	free(pub);
	free(cdir);
}

/*
 * Kept as a copy of the output file, not a link to it: an edit of the
 * published file in place never reaches the cache. Read back whole.
 */
Test(cache, keep_and_read)
{
	char		 dir[] = "/tmp/gt-cache-XXXXXX";
	char		*pub, *cmd, *data, *path;
	size_t		 len;
	struct gt_cache	*c;
	struct gt_out	*o;
	struct stat	 st;
	FILE		*f;

	cr_assert_not_null(mkdtemp(dir));
	pub = gt_xasprintf("%s/public", dir);
	c = gt_cache_new_beside(pub);
	o = gt_out_new(pub, diags());
	cr_assert(c != NULL && o != NULL);
	cr_expect_eq(gt_cache_read(c, "k", &data, &len), -1);
	cr_assert_eq(gt_out_write(o, "page.html", "<p>x</p>", 8), 0);
	gt_cache_keep(c, "k", o, "page.html", "<p>x</p>", 8);
	/* twice: no stray files */
	gt_cache_keep(c, "k", o, "page.html", "<p>x</p>", 8);
	path = gt_out_path(o, "page.html");
	cr_assert_eq(stat(path, &st), 0);
	cr_expect_eq(st.st_nlink, 1, "the output's file is its own, not a link");
	f = fopen(path, "r+");
	cr_assert_not_null(f);
	fputs("<p>y</p>", f);
	fclose(f);
	free(path);
	cr_assert_eq(gt_cache_read(c, "k", &data, &len), 0);
	cr_expect(len == 8 && strcmp(data, "<p>x</p>") == 0);
	free(data);
	cr_expect_eq(gt_cache_get(c, "k", o, "again.html"), 0);
	cr_assert_eq(gt_out_commit(o), 0);
	gt_out_free(o);
	gt_cache_free(c);
	cmd = gt_xasprintf("test \"$(ls -A %s/.public.cache/*)\" = "
	    "\"$(printf '.goldthread\\nk')\"", dir);
	cr_expect_eq(system(cmd), 0, "only the entry, no temporary files");
	free(cmd);
	cmd = gt_xasprintf("rm -rf %s", dir);
	cr_assert_eq(system(cmd), 0);
	free(cmd);
	free(pub);
}
