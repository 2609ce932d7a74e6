/* test_format.c: rounding figures for display. */
#include <criterion/criterion.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "format.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* Halves as written, not as stored in binary; half away from zero. */
Test(format, round_known)
{
	static const struct {
		double	 v;
		int	 d;
		double	 want;
	} t[] = {
		{ 72.85, 1, 72.9 }, { -72.85, 1, -72.9 }, { 1.005, 2, 1.01 },
		{ 2.5, 0, 3 }, { -2.5, 0, -3 }, { 0.125, 2, 0.13 },
		{ 0.04, 1, 0 }, { -0.04, 1, 0 }, { 1e-20, 2, 0 },
		{ 99.95, 1, 100 }, { 9.9999, 3, 10 }, { 0.1, 5, 0.1 },
		{ 123456789.125, 2, 123456789.13 }, { 1234.5678, 0, 1235 },
		{ 72.8, 15, 72.8 }, { 3.14159, 99, 3.14159 }, { 3.6, -1, 4 },
	};
	size_t	 i;

	for (i = 0; i < NELEM(t); i++)
		cr_expect_eq(gt_round(t[i].v, t[i].d), t[i].want,
		    "gt_round(%.17g, %d) = %.17g, want %.17g", t[i].v, t[i].d,
		    gt_round(t[i].v, t[i].d), t[i].want);
}

/*
 * Figures n / 10^k with integer n: the answer is worked out in integers
 * (half away from zero at digit k - d), then made a double the one
 * correctly rounded way. Many land exactly on a half.
 */
Test(format, round_against_integers)
{
	static const double	 p10[] = { 1, 10, 100, 1e3, 1e4, 1e5, 1e6 };
	uint64_t		 seed = 42;
	int64_t			 n, q, r, div;
	int			 i, k, d, fails = 0;

	for (i = 0; i < 1000000 && fails < 10; i++) {
		seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
		n = (int64_t)((seed >> 33) % 2000000000) - 1000000000;
		k = (int)((seed >> 20) % 7);
		d = (int)((seed >> 8) % (uint64_t)(k + 1));
		div = (int64_t)p10[k - d];
		if (i % 3 == 0 && div > 1)	/* a half at the rounding digit */
			n = n / div * div + div / 2 * (n < 0 ? -1 : 1);
		q = (n < 0 ? -n : n) / div;
		r = (n < 0 ? -n : n) % div;
		if (2 * r >= div)
			q++;
		if (n < 0)
			q = -q;
		if (gt_round((double)n / p10[k], d) != (double)q / p10[d]) {
			cr_expect_fail("gt_round(%lld / 10^%d, %d) = %.17g, "
			    "want %.17g", (long long)n, k, d,
			    gt_round((double)n / p10[k], d), (double)q / p10[d]);
			fails++;
		}
	}
}

/* Plain figures read as printf writes the rounded value, every kind. */
Test(format, plain_as_printf)
{
	static const double	 p10[] = { 1, 10, 100, 1e3, 1e4, 1e5, 1e6 };
	uint64_t		 seed = 9;
	double			 v;
	char			 got[64], want[64];
	int			 i, d, fails = 0;

	for (i = 0; i < 300000 && fails < 10; i++) {
		seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
		d = (int)((seed >> 40) % 7);
		switch ((seed >> 20) % 4) {
		case 0:		/* as written in a CSV */
			v = (double)((int64_t)((seed >> 24) % 2000000) -
			    1000000) / p10[(seed >> 8) % 7];
			break;
		case 1:		/* worked out, many digits */
			v = (double)(int64_t)(seed >> 12) / 7e9 - 1e5;
			break;
		case 2:		/* large */
			v = (double)(seed >> 11) * 1e3;
			break;
		default:	/* small */
			v = (double)((seed >> 30) % 1000) * 1e-9;
		}
		gt_format_plain(got, sizeof(got), v, d);
		snprintf(want, sizeof(want), "%.*f", d, gt_round(v, d));
		if (strcmp(got, want) != 0) {
			cr_expect_fail("%.17g at %d decimals: %s, want %s", v, d,
			    got, want);
			fails++;
		}
	}
	gt_format_plain(got, sizeof(got), -0.0, 1);
	cr_expect_str_eq(got, "0.0", "gt_round makes -0 plain 0");
}
