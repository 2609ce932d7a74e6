/*
 * timing.c: stage timings for GT_TIMINGS=1 (see timing.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "timing.h"

#define MAX_STAGES	32

static struct stage {
	const char	*name;
	char		*copy;		/* name, if it is a copy: freed with it */
	double		 seconds;
} stages[MAX_STAGES];
static size_t	 nstages;
static long	 current = -1;	/* index into stages, or -1 */
static double	 started;
static int	 enabled = -1;	/* -1: not yet read from the environment */

static double
now(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int
gt_timing_enabled(void)
{
	const char	*e;

	if (enabled < 0) {
		e = getenv("GT_TIMINGS");
		enabled = e != NULL && strcmp(e, "1") == 0;
	}
	return enabled;
}

/* Forget every stage; a process that builds again and again starts afresh. */
static void
forget_stages(void)
{
	while (nstages > 0) {
		free(stages[--nstages].copy);
		stages[nstages].copy = NULL;
	}
	current = -1;
}

void
gt_timing_enable(int on)
{
	enabled = on < 0 ? -1 : on != 0;
	forget_stages();
}

static void
stop(double t)
{
	if (current >= 0)
		stages[current].seconds += t - started;
	current = -1;
}

/*
 * The index of the stage named by the len bytes at name, added if new
 * (then named by name itself, or a copy if copy is set); -1 if full.
 */
static long
stage_of(const char *name, size_t len, int copy)
{
	char	*s;
	size_t	 i;

	for (i = 0; i < nstages; i++)
		if (strncmp(stages[i].name, name, len) == 0 &&
		    stages[i].name[len] == '\0')
			return (long)i;
	if (nstages == MAX_STAGES)
		return -1;		/* more stages than anyone reads */
	stages[nstages].copy = NULL;
	if (copy) {
		/* stages[] holds it until the stages are forgotten. */
		if ((s = malloc(len + 1)) == NULL)
			return -1;
		memcpy(s, name, len);
		s[len] = '\0';
		name = stages[nstages].copy = s;
	}
	stages[nstages].name = name;
	stages[nstages].seconds = 0;
	return (long)nstages++;
}

void
gt_timing_start(const char *stage)
{
	double	 t;
	long	 i;

	if (!gt_timing_enabled())
		return;
	t = now();
	stop(t);
	if (stage == NULL || (i = stage_of(stage, strlen(stage), 0)) < 0)
		return;
	current = i;
	started = t;
}

void
gt_timing_report(FILE *f)
{
	size_t	 i;

	if (!gt_timing_enabled())
		return;
	stop(now());
	for (i = 0; i < nstages; i++)
		fprintf(f, "%s %.6f\n", stages[i].name, stages[i].seconds);
	fflush(f);
	forget_stages();
}

void
gt_timing_forget(void)
{
	size_t	 i;

	for (i = 0; i < nstages; i++)
		stages[i].seconds = 0;
	started = now();
}

void
gt_timing_import(const char *text, size_t len)
{
	const char	*p = text, *end = text + len, *nl, *sp;
	long		 i;

	if (!gt_timing_enabled())
		return;
	for (; p < end; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			break;
		if ((sp = memchr(p, ' ', (size_t)(nl - p))) == NULL || sp == p)
			continue;
		if ((i = stage_of(p, (size_t)(sp - p), 1)) >= 0)
			stages[i].seconds += strtod(sp + 1, NULL);
	}
}
