/*
 * timing.h: wall-clock time per stage of a run, for finding where a build
 * spends its time. Process-wide and off unless enabled: with GT_TIMINGS=1
 * in the environment (or gt_timing_enable(1)), gt_timing_start() marks
 * the end of the stage before and the start of the next, and
 * gt_timing_report() prints "stage seconds" lines in the order the stages
 * first started (a stage started twice adds up). Monotonic clock. Not
 * thread-safe: call from one thread. A build's second process sends its
 * stages to the first, so the report is the time spent per stage in both.
 *
 *	gt_timing_start("read");  ...  gt_timing_start("link");  ...
 *	gt_timing_report(stderr);	(ends the last stage)
 */
#ifndef GT_TIMING_H
#define GT_TIMING_H

#include <stdio.h>

/* Start stage (a string that outlives the report; NULL ends the current
   one); does nothing unless enabled. */
void	 gt_timing_start(const char *stage);
/* End the current stage and print every stage's seconds to f, if enabled;
   then forget them. */
void	 gt_timing_report(FILE *f);
/*
 * In a forked process: count only from now on (the parent has what came
 * before), so that its report can be added to the parent's.
 */
void	 gt_timing_forget(void);
/* Add another process's gt_timing_report() lines to this one's stages. */
void	 gt_timing_import(const char *, size_t);
/* Whether timing is on: GT_TIMINGS=1 unless gt_timing_enable overrode it. */
int	 gt_timing_enabled(void);
/* 1 on, 0 off, -1 back to the environment; forgets any stages. */
void	 gt_timing_enable(int);

#endif
