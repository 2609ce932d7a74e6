/* test_timing.c: stage timings (GT_TIMINGS=1). */
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
	char	 a[16], b[16], c[16];
	double	 ra, rb, rc;
	char	*r;

	gt_timing_enable(1);
	gt_timing_start("read");
	nap(20);
	gt_timing_start("link");
	nap(5);
	gt_timing_start("read");	/* adds to read, keeps its place */
	nap(20);
	gt_timing_start("site");
	r = report();
	cr_assert_eq(sscanf(r, "%15s %lf\n%15s %lf\n%15s %lf\n", a, &ra, b,
	    &rb, c, &rc), 6, "report: %s", r);
	cr_expect_str_eq(a, "read");
	cr_expect_str_eq(b, "link");
	cr_expect_str_eq(c, "site");
	cr_expect(ra >= 0.039 && ra < 1, "read %f", ra);
	cr_expect(rb >= 0.004 && rb < ra, "link %f", rb);
	cr_expect(rc >= 0 && rc < 0.5, "site %f", rc);
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
	char	 a[16], b[16], c[16];
	double	 ra, rb, rc;
	char	*r;

	gt_timing_enable(1);
	gt_timing_start("read");
	nap(20);
	gt_timing_start("html");
	gt_timing_forget();		/* as a forked process does */
	gt_timing_start(NULL);
	gt_timing_import(lines, strlen(lines));
	r = report();
	cr_assert_eq(sscanf(r, "%15s %lf\n%15s %lf\n%15s %lf\n", a, &ra, b, &rb,
	    c, &rc), 6, "%s", r);
	cr_expect_str_eq(a, "read");
	cr_expect(ra == 0, "read was before the fork: %f", ra);
	cr_expect_str_eq(b, "html");
	cr_expect(rb >= 1.5 && rb < 1.6, "%f", rb);
	cr_expect_str_eq(c, "charts");
	cr_expect(rc == 2.25, "%f", rc);
	free(r);
	gt_timing_enable(-1);
}
