/* number.c: figures as written by people and spreadsheets. */
#include <stdlib.h>
#include <string.h>

#include "number.h"

#define POUND		"\xc2\xa3"
#define MINUS		"\xe2\x88\x92"	/* U+2212 */
#define INT_DIGITS	15	/* below 1e15 every whole number is exact */
#define SIG_DIGITS	17	/* as many as a double tells apart */
#define FRAC_DIGITS	20

/* Compared without regard to case. */
static const char *const missing[] = {
	"", "na", "n/a", "-", "..", "[x]", "[z]", "null", "nan", "#n/a", ":"
};
static const char *const suppressed[] = { "*", "c", "[c]", "~" };

/* ASCII white space, whatever the locale says. */
static int
space(int c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

static int
digit(int c)
{
	return c >= '0' && c <= '9';
}

/* Is s (n bytes) in list, exactly or (anycase) whatever the case? */
static int
in_list(const char *s, size_t n, const char *const *list, size_t nlist,
    int anycase)
{
	size_t	 i, k;

	for (i = 0; i < nlist; i++) {
		if (strlen(list[i]) != n)
			continue;
		for (k = 0; k < n; k++)
			if (s[k] != list[i][k] && (!anycase || s[k] < 'A' ||
			    s[k] > 'Z' || s[k] + ('a' - 'A') != list[i][k]))
				break;
		if (k == n)
			return 1;
	}
	return 0;
}

/* A sign at s: '-', U+2212 (a typographic minus) or '+'; its length. */
static size_t
sign(const char *s, size_t n, int *neg)
{
	if (n > 0 && (*s == '-' || *s == '+')) {
		*neg = *s == '-';
		return 1;
	}
	if (n >= 3 && memcmp(s, MINUS, 3) == 0) {
		*neg = 1;
		return 3;
	}
	return 0;
}

/*
 * A plain decimal: digits with optional comma thousands separators in the
 * right places, and an optional fraction. No sign, exponent, hex or locale:
 * "1,234.5" is 1234.5 everywhere. Digits past what a double holds are an
 * error rather than a silent rounding, but 17 significant ones are allowed
 * because that is what programs write ("0.30000000000000004").
 */
static int
decimal(const char *s, size_t n, double *out)
{
	/* The digits then "e-N": strtod never meets the locale's radix. */
	char	 buf[INT_DIGITS + FRAC_DIGITS + 8];
	size_t	 i, f, end, len = 0, run = 0, groups = 0, scale = 0, lead;
	int	 seen = 0;

	for (i = 0; i < n && s[i] != '.'; i++) {
		if (s[i] == ',') {
			/* The first group has 1-3 digits, later ones 3. */
			if (run == 0 || run > 3 || (groups > 0 && run != 3))
				return -1;
			groups++;
			run = 0;
			continue;
		}
		if (!digit(s[i]))
			return -1;
		run++;
		seen = 1;
		if (len == 0 && s[i] == '0')
			continue;
		if (len == INT_DIGITS)
			return -1;
		buf[len++] = s[i];
	}
	/* "0,123" is a European decimal, not 123. */
	if (groups > 0 && (run != 3 || s[0] == '0'))
		return -1;
	/* ".5" is half; "12." is a typing slip, or lost digits. */
	if ((!seen && (i + 1 >= n || groups > 0)) || (seen && i < n &&
	    i + 1 == n))
		return -1;
	if (i < n) {
		f = end = ++i;
		for (; i < n; i++) {
			if (!digit(s[i]))
				return -1;
			if (s[i] != '0')
				end = i + 1;
		}
		/* Trailing zeros say nothing, so they do not count. */
		if ((scale = end - f) > FRAC_DIGITS)
			return -1;
		memcpy(buf + len, s + f, scale);
		len += scale;
	}
	for (lead = 0; lead < len && buf[lead] == '0'; lead++)
		continue;
	if (len - lead > SIG_DIGITS)
		return -1;
	if (len == 0)
		buf[len++] = '0';
	buf[len++] = 'e';
	buf[len++] = '-';
	buf[len++] = (char)('0' + scale / 10);
	buf[len++] = (char)('0' + scale % 10);
	buf[len] = '\0';
	*out = strtod(buf, NULL);
	/* 999999999999999.99 has 15 whole digits but rounds to 1e15. */
	return *out < 1e15 ? 0 : -1;
}

int
gt_value_parse(const char *in, struct gt_value *v)
{
	const char	*s = in, *e;
	size_t		 n, k;
	int		 neg = 0, minus = 0;

	memset(v, 0, sizeof(*v));
	while (space((unsigned char)*s))
		s++;
	for (e = s + strlen(s); e > s && space((unsigned char)e[-1]); e--)
		continue;
	n = (size_t)(e - s);
	if (in_list(s, n, missing, sizeof(missing) / sizeof(missing[0]), 1)) {
		v->kind = GT_VAL_MISSING;
		return 0;
	}
	if (in_list(s, n, suppressed,
	    sizeof(suppressed) / sizeof(suppressed[0]), 0)) {
		v->kind = GT_VAL_SUPPRESSED;
		return 0;
	}
	if (n > 1 && s[0] == '<') {
		/* "<5", "< 10": a count too small to publish. */
		const char *p = s + 1;
		double d;

		while (*p == ' ')
			p++;
		if (decimal(p, (size_t)(e - p), &d) == -1)
			return -1;
		v->kind = GT_VAL_SUPPRESSED;
		return 0;
	}
	k = sign(s, n, &neg);
	s += k;
	n -= k;
	if (n >= 2 && memcmp(s, POUND, 2) == 0) {
		v->money = 1;
		s += 2;
		n -= 2;
		/* "£ 1,234", as some spreadsheets write it. */
		if (n > 0 && *s == ' ' && k == 0)
			s++, n--;
		if (k == 0 && (k = sign(s, n, &minus)) > 0) {
			neg = minus;
			s += k;
			n -= k;
		}
	}
	if (n > 0 && s[n - 1] == '%') {
		v->percent = 1;
		/* "12.5 %" */
		if (--n > 0 && s[n - 1] == ' ')
			n--;
	}
	/* "£5%" is neither money nor a rate. */
	if ((v->money && v->percent) || decimal(s, n, &v->num) == -1) {
		memset(v, 0, sizeof(*v));
		return -1;
	}
	if (neg && v->num != 0)
		v->num = -v->num;
	v->kind = GT_VAL_NUMBER;
	return 0;
}

int
gt_number_parse(const char *s, double *out)
{
	struct gt_value	 v;

	if (gt_value_parse(s, &v) == -1 || v.kind != GT_VAL_NUMBER ||
	    v.percent || v.money)
		return -1;
	*out = v.num;
	return 0;
}
