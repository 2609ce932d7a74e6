/* format.c: en-GB number formatting. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "util.h"

#define POUND	"\xc2\xa3"

const double gt_tens[16] = {
	1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
	1e13, 1e14, 1e15
};

static int
clamp_decimals(int decimals)
{
	return decimals < 0 ? 0 : decimals > 15 ? 15 : decimals;
}

/*
 * Rounding works on the decimal digits the figure was written with, not on
 * v * 10^d in binary (where 72.85 is 72.8499999... and would round down):
 * the shortest of 15 to 17 significant digits that reads back as v is
 * rounded as a string and read back.
 */
double
gt_round(double v, int decimals)
{
	char	 s[40], digits[24], *e;
	int	 p, exp, keep, n, i;
	double	 r, x;

	if (!isfinite(v) || v == 0)
		return v == 0 ? 0 : v;
	decimals = clamp_decimals(decimals);
	/*
	 * Mostly the binary product is far enough from a half for its
	 * error to decide nothing: then an exact integer over an exact power
	 * of ten reads the same as the string would (both correctly rounded).
	 */
	x = fabs(v) * gt_tens[decimals];
	if (x < 1e7 && fabs(x - floor(x) - 0.5) > 1e-6) {
		r = floor(x + 0.5) / gt_tens[decimals];
		return r == 0 ? 0 : v < 0 ? -r : r;
	}
	for (p = 15; p < 17; p++) {
		snprintf(s, sizeof(s), "%.*e", p - 1, fabs(v));
		if (strtod(s, NULL) == fabs(v))
			break;
	}
	snprintf(s, sizeof(s), "%.*e", p - 1, fabs(v));
	/* s is "d.ddde+XX": digit j is worth 10^(exp - j). */
	e = strchr(s, 'e');
	exp = atoi(e + 1);
	for (n = 0, i = 0; s + i < e; i++)
		if (s[i] != '.')
			digits[n++] = s[i];
	keep = exp + decimals + 1;
	if (keep >= n)
		return v;
	if (keep < 0)
		return 0;
	/* Half away from zero: on the magnitude, a 5 or more rounds up. */
	if (digits[keep] >= '5') {
		for (i = keep - 1; i >= 0 && digits[i] == '9'; i--)
			digits[i] = '0';
		if (i >= 0)
			digits[i]++;
		else {
			memmove(digits + 1, digits, (size_t)keep);
			digits[0] = '1';
			keep++;
			exp++;
		}
	}
	if (keep == 0)
		return 0;
	digits[keep] = '\0';
	snprintf(s, sizeof(s), "%se%d", digits, exp - keep + 1);
	r = strtod(s, NULL);
	return v < 0 ? -r : r;
}

/*
 * r is the double nearest some R / 10^d; below 1e15 R is read back
 * exactly from r * 10^d, and printf would write R's digits (r is far
 * nearer to them than half a unit in the last decimal), so R is written
 * as integers.
 */
char *
gt_format_fixed(char *buf, size_t sz, double r, int d)
{
	double		 x = fabs(r) * gt_tens[d];
	long long	 q, p = (long long)gt_tens[d];
	char		 s[48];
	size_t		 n = 0;

	if (!(x < 1e15)) {
		snprintf(buf, sz, "%.*f", d, r);
		return buf;
	}
	q = llround(x);
	if (signbit(r))
		s[n++] = '-';
	n += gt_put_uint(s + n, (unsigned long long)(q / p), 0);
	if (d > 0) {
		s[n++] = '.';
		n += gt_put_uint(s + n, (unsigned long long)(q % p), d);
	}
	gt_copy_out(buf, sz, s, n);
	return buf;
}

char *
gt_format_plain(char *buf, size_t sz, double v, int decimals)
{
	decimals = clamp_decimals(decimals);
	return gt_format_fixed(buf, sz, gt_round(v, decimals), decimals);
}

char *
gt_format_number(char *buf, size_t sz, double v, int decimals)
{
	char	 digits[GT_NUMBER_MAX], *dot, *p;
	size_t	 intlen, i, o = 0;
	double	 r;

	decimals = clamp_decimals(decimals);
	r = gt_round(v, decimals);
	if (sz == 0)
		return buf;
	if (!isfinite(r) || fabs(r) >= 1e18) {
		snprintf(buf, sz, "%s", "-");
		return buf;
	}
	gt_format_fixed(digits, sizeof(digits), fabs(r), decimals);
	dot = strchr(digits, '.');
	intlen = dot != NULL ? (size_t)(dot - digits) : strlen(digits);
	if (r < 0 && o + 1 < sz)
		buf[o++] = '-';
	for (i = 0, p = digits; *p != '\0' && o + 1 < sz; p++, i++) {
		if (i < intlen && i > 0 && (intlen - i) % 3 == 0 && o + 2 < sz)
			buf[o++] = ',';
		buf[o++] = *p;
	}
	buf[o] = '\0';
	return buf;
}

/*
 * Write the sign, a prefix, the magnitude of r and two suffix parts; the
 * sign leads ("-£5").
 */
static char *
assemble(char *buf, size_t sz, double r, int decimals, const char *prefix,
    const char *suffix, const char *unit)
{
	char	 num[GT_NUMBER_MAX];

	gt_format_number(num, sizeof(num), fabs(r), decimals);
	if (strcmp(num, "-") == 0)
		snprintf(buf, sz, "%s", num);
	else
		snprintf(buf, sz, "%s%s%s%s%s", r < 0 ? "-" : "", prefix, num,
		    suffix, unit);
	return buf;
}

char *
gt_format_value(char *buf, size_t sz, double v, int decimals,
    const char *unit)
{
	double	 r;

	decimals = clamp_decimals(decimals);
	r = gt_round(v, decimals);
	if (unit == NULL || *unit == '\0' || strcmp(unit, "count") == 0 ||
	    strcmp(unit, "rate") == 0)
		return assemble(buf, sz, r, decimals, "", "", "");
	if (unit[0] == '%')
		return assemble(buf, sz, r, decimals, "", "", unit);
	if (strcmp(unit, POUND) == 0)
		return assemble(buf, sz, r, decimals, POUND, "", "");
	if (strcmp(unit, "days") == 0)
		return assemble(buf, sz, r, decimals, "", "",
		    fabs(r) == 1 ? " day" : " days");
	return assemble(buf, sz, r, decimals, "", " ", unit);
}

char *
gt_format_compact(char *buf, size_t sz, double v, const char *unit)
{
	static const struct {
		double		 div;
		const char	*suffix;
	} scales[] = {
		{ 1e9, "bn" }, { 1e6, "m" }, { 1e3, "k" }
	};
	const char	*suffix = "";
	double		 x = v, r;
	int		 maxd = 6, d;
	size_t		 i;

	if (fabs(v) >= 1e4)
		for (i = 0; i < sizeof(scales) / sizeof(scales[0]); i++)
			if (fabs(v) >= scales[i].div) {
				x = v / scales[i].div;
				suffix = scales[i].suffix;
				maxd = 2;
				break;
			}
	for (d = 0; d < maxd && gt_round(x, d) != gt_round(x, maxd); d++)
		continue;
	r = gt_round(x, d);
	return assemble(buf, sz, r, d, unit != NULL && strcmp(unit, POUND) ==
	    0 ? POUND : "", suffix, unit != NULL && unit[0] == '%' ? "%" : "");
}
