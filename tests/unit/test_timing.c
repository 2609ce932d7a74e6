/* test_timing.c: stage timings (GT_TIMINGS=1). */
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <criterion/criterion.h>

#include "timing.h"

static char *
report(void)
{
	char	*buf = NULL;
	size_t	 len = 0;
	FILE	*f = open_memstream(&buf, &len);

	cr_assert_not_null(f);
	gt_timing_report(f);
	fclose(f);
	return buf;
}

/* A report of three stages, in order. */
struct stage {
	char	 name[16];
	double	 s;
};

static void
three(const char *r, struct stage v[3])
{
	cr_assert_eq(sscanf(r, "%15s %lf\n%15s %lf\n%15s %lf\n", v[0].name,
	    &v[0].s, v[1].name, &v[1].s, v[2].name, &v[2].s), 6, "report: %s",
	    r);
}

static void
nap(long ms)
{
	struct timespec	 ts = { 0, ms * 1000000L };

	nanosleep(&ts, NULL);
}

Test(timing, off_unless_enabled)
{
	char	*r;

	unsetenv("GT_TIMINGS");
	gt_timing_enable(-1);
	cr_expect_eq(gt_timing_enabled(), 0);
	gt_timing_start("read");
	r = report();
	cr_expect_str_eq(r, "");
	free(r);
	setenv("GT_TIMINGS", "0", 1);
	gt_timing_enable(-1);
	cr_expect_eq(gt_timing_enabled(), 0);
	setenv("GT_TIMINGS", "1", 1);
	gt_timing_enable(-1);
	cr_expect_eq(gt_timing_enabled(), 1);
	unsetenv("GT_TIMINGS");
	gt_timing_enable(-1);
}

Test(timing, stages_in_order_and_summed)
{
	struct stage	 v[3];
	char		*r;

	gt_timing_enable(1);
	gt_timing_start("read");
	nap(20);
	gt_timing_start("link");
	nap(5);
	gt_timing_start("read");	/* adds to read, keeps its place */
	nap(20);
	gt_timing_start("site");
	r = report();
	three(r, v);
	cr_expect_str_eq(v[0].name, "read");
	cr_expect_str_eq(v[1].name, "link");
	cr_expect_str_eq(v[2].name, "site");
	cr_expect(v[0].s >= 0.039 && v[0].s < 1, "read %f", v[0].s);
	cr_expect(v[1].s >= 0.004 && v[1].s < v[0].s, "link %f", v[1].s);
	cr_expect(v[2].s >= 0 && v[2].s < 0.5, "site %f", v[2].s);
	free(r);
	/* The report forgets what it printed. */
	r = report();
	cr_expect_str_eq(r, "");
	free(r);
	gt_timing_enable(-1);
}

/* A second process's report adds to the stages of the same name. */
Test(timing, forget_and_import)
{
	static const char lines[] = "html 1.5\ncharts 2.25\nbroken\n no-name 1\n";
	struct stage	 v[3];
	char		*r;

	gt_timing_enable(1);
	gt_timing_start("read");
	nap(20);
	gt_timing_start("html");
	gt_timing_forget();		/* as a forked process does */
	gt_timing_start(NULL);
	gt_timing_import(lines, strlen(lines));
	r = report();
	three(r, v);
	cr_expect_str_eq(v[0].name, "read");
	cr_expect(v[0].s == 0, "read was before the fork: %f", v[0].s);
	cr_expect_str_eq(v[1].name, "html");
	cr_expect(v[1].s >= 1.5 && v[1].s < 1.6, "%f", v[1].s);
	cr_expect_str_eq(v[2].name, "charts");
	cr_expect(v[2].s == 2.25, "%f", v[2].s);
	free(r);
	gt_timing_enable(-1);
}

/*
 * A process that builds again and again (serve) imports and reports the
 * stages of every build: the names it copied go with each report.
 */
Test(timing, again_and_again_without_growth)
{
	static const char lines[] = "html 1.5\ncharts 2.25\n";
	size_t	 before, i;
	char	*r;

	gt_timing_enable(1);
	for (i = 0; i < 1001; i++) {
		if (i == 1)
			before = mallinfo2().uordblks;
		gt_timing_start("read");
		gt_timing_import(lines, strlen(lines));
		r = report();
		cr_assert(strstr(r, "charts 2.25") != NULL, "%s", r);
		free(r);
	}
	cr_expect(mallinfo2().uordblks <= before + 256, "%zu bytes more after "
	    "1,000 reports", mallinfo2().uordblks - before);
	gt_timing_enable(-1);
}
