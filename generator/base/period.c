/* period.c: parsing, ordering and arithmetic of reporting periods. */
#include <stdio.h>
#include <string.h>

#include "period.h"
#include "util.h"

static const char *const month_names[12] = {
	"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december"
};

void
gt_calendar_default(struct gt_calendar *c)
{
	c->year_start = 4;
	c->academic_start = 9;
}

/* Exactly n ASCII digits at s, as a number; -1 otherwise. */
static int
digits(const char *s, int n)
{
	int	 v = 0, i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

/* ASCII white space, whatever the locale says. */
static int
space(int c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

static int
year_ok(int y)
{
	return y >= GT_YEAR_MIN && y <= GT_YEAR_MAX;
}

/*
 * "2024/25", "2024-25" or "2024/2025" at s, exactly len bytes: the start
 * year, or -1. Where the text could also be a month, the dash form with two
 * digits is taken only if they cannot be one ("2011-12" is December 2011).
 */
static int
parse_span(const char *s, size_t len, int could_be_month)
{
	int	 y, e;

	if (len != 7 && len != 9)
		return -1;
	if ((y = digits(s, 4)) == -1 || !year_ok(y) || !year_ok(y + 1))
		return -1;
	if (s[4] != '/' && s[4] != '-')
		return -1;
	if (len == 9)
		return digits(s + 5, 4) == y + 1 ? y : -1;
	if ((e = digits(s + 5, 2)) != (y + 1) % 100)
		return -1;
	if (could_be_month && s[4] == '-' && e >= 1 && e <= 12)
		return -1;
	return y;
}

static int
parse_month_name(const char *s, size_t len)
{
	size_t	 i, k;

	if (len < 3)
		return -1;
	for (i = 0; i < 12; i++) {
		/* The full name, or its first three letters ("Sept" too). */
		if (len > strlen(month_names[i]) ||
		    (len != 3 && len != strlen(month_names[i]) &&
		    !(i == 8 && len == 4)))
			continue;
		for (k = 0; k < len; k++)
			if (lower((unsigned char)s[k]) != month_names[i][k])
				break;
		if (k == len)
			return (int)i + 1;
	}
	return -1;
}

static int
parse_quarter(const char *s, size_t len)
{
	if (len == 2 && lower((unsigned char)s[0]) == 'q' && s[1] >= '1' &&
	    s[1] <= '4')
		return s[1] - '0';
	return -1;
}

static int
set(struct gt_period *p, enum gt_ptype type, int year, int sub)
{
	p->type = type;
	p->year = year;
	p->sub = sub;
	return 0;
}

/* The month that counts from year 0 (year * 12 + month - 1) names. */
static void
set_month(struct gt_period *p, int m)
{
	set(p, GT_PERIOD_MONTH, m / 12, m % 12 + 1);
}

/*
 * The quarter of the financial year holding month m, or -1 if the
 * calendar has no financial year (a reading with none in view).
 */
static int
quarter_of(const struct gt_calendar *c, int m, struct gt_period *p)
{
	if (c == NULL)
		return -1;
	m -= c->year_start - 1;
	return set(p, GT_PERIOD_QUARTER, m / 12, m % 12 / 3 + 1);
}

static int
yearly(enum gt_freq f)
{
	return f == GT_FREQ_ANNUAL || f == GT_FREQ_BIENNIAL ||
	    f == GT_FREQ_TRIENNIAL;
}

/*
 * Month m (from year 0) as a period of frequency f: the quarter or
 * financial year that holds it, else the month itself.
 */
static int
holding(const struct gt_calendar *c, enum gt_freq f, int m,
    struct gt_period *p)
{
	struct gt_period	 mo;

	set_month(&mo, m);
	if (f == GT_FREQ_QUARTERLY)
		return quarter_of(c, m, p);
	if (yearly(f)) {
		if (c == NULL)
			return -1;
		*p = gt_period_fyear_of(c, &mo);
		return 0;
	}
	*p = mo;
	return 0;
}

/*
 * The separator between the two parts of "2024/25 Q2" or "2018-19;Q1":
 * one space, or ';' or ',' with at most one space after it. Its start
 * and end are *a and *b; 0, or -1 if there is none.
 */
static int
separator(const char *s, size_t len, size_t *a, size_t *b)
{
	size_t	 i;

	for (i = 0; i < len && s[i] != ' ' && s[i] != ';' && s[i] != ','; i++)
		continue;
	if (i == 0 || i == len)
		return -1;
	*a = i;
	*b = i + 1;
	if (s[i] != ' ' && *b < len && s[*b] == ' ')
		(*b)++;
	return *b < len ? 0 : -1;
}

/* Two parts: a quarter and a year, a month name and a year. */
static int
read_pair(const char *s, size_t len, const struct gt_calendar *c,
    struct gt_period *p)
{
	const char	*x, *y;
	size_t		 a, b, xl, yl;
	int		 q, mo, yr;

	if (separator(s, len, &a, &b) == -1)
		return -1;
	x = s;
	xl = a;
	y = s + b;
	yl = len - b;
	/* "2024/25 Q2", "Q2 2024/25" */
	if ((q = parse_quarter(y, yl)) != -1 && (yr = parse_span(x, xl,
	    0)) != -1)
		return set(p, GT_PERIOD_QUARTER, yr, q);
	if ((q = parse_quarter(x, xl)) != -1 && (yr = parse_span(y, yl,
	    0)) != -1)
		return set(p, GT_PERIOD_QUARTER, yr, q);
	/*
	 * "2019 Q1", "Q1 2019": a quarter of the calendar year, which is a
	 * quarter of the financial year only if the year starts in January,
	 * April, July or October.
	 */
	if (((q = parse_quarter(y, yl)) != -1 && xl == 4 &&
	    (yr = digits(x, 4)) != -1) || ((q = parse_quarter(x, xl)) != -1 &&
	    yl == 4 && (yr = digits(y, 4)) != -1)) {
		if (!year_ok(yr) || c == NULL || (c->year_start - 1) % 3 != 0)
			return -1;
		return quarter_of(c, yr * 12 + 3 * (q - 1), p);
	}
	/* "May 2024" */
	if (s[a] == ' ' && b == a + 1 && (mo = parse_month_name(x, xl)) !=
	    -1 && yl == 4 && (yr = digits(y, 4)) != -1 && year_ok(yr))
		return set(p, GT_PERIOD_MONTH, yr, mo);
	return -1;
}

/* "Apr-21", "Dec-2021": a month name, a dash and a year (20YY if two digits). */
static int
read_month_dash(const char *s, size_t len, struct gt_period *p)
{
	const char	*d = memchr(s, '-', len);
	size_t		 yl;
	int		 mo, yr;

	if (d == NULL || (mo = parse_month_name(s, (size_t)(d - s))) == -1)
		return -1;
	yl = len - (size_t)(d - s) - 1;
	if (yl == 2 && (yr = digits(d + 1, 2)) != -1)
		yr += 2000;
	else if (yl != 4 || (yr = digits(d + 1, 4)) == -1 || !year_ok(yr))
		return -1;
	return set(p, GT_PERIOD_MONTH, yr, mo);
}

/* "2021-06-30": the period of frequency f that holds the day. */
static int
read_date(const char *s, size_t len, enum gt_freq f,
    const struct gt_calendar *c, struct gt_period *p)
{
	char		 buf[11];
	struct gt_date	 d;

	if (len != 10)
		return -1;
	memcpy(buf, s, 10);
	buf[10] = '\0';
	if (gt_date_parse(buf, &d) == -1 ||
	    holding(c, f, d.y * 12 + d.m - 1, p) == -1)
		return -1;
	return GT_PERIOD_BY_FREQ;
}

int
gt_period_read(const char *in, enum gt_freq f, const struct gt_calendar *c,
    struct gt_period *p)
{
	const char	*s = in, *e;
	size_t		 len, a;
	int		 y, mo, rc = -1;

	memset(p, 0, sizeof(*p));
	while (space((unsigned char)*s))
		s++;
	for (e = s + strlen(s); e > s && space((unsigned char)e[-1]); e--)
		continue;
	len = (size_t)(e - s);
	if (len == 0 || len > 24)
		return -1;

	if (len >= 9 && lower((unsigned char)s[0]) == 'a' &&
	    lower((unsigned char)s[1]) == 'y') {
		a = s[2] == ' ' ? 3 : 2;
		if ((y = parse_span(s + a, len - a, 0)) != -1 &&
		    s[a + 4] == '/')
			rc = set(p, GT_PERIOD_AYEAR, y, 0);
	} else if (len >= 9 && lower((unsigned char)s[0]) == 'f' &&
	    lower((unsigned char)s[1]) == 'y') {
		/* "FY2015/16": no month is meant after "FY". */
		a = s[2] == ' ' ? 3 : 2;
		if ((y = parse_span(s + a, len - a, 0)) != -1)
			rc = set(p, GT_PERIOD_FYEAR, y, 0);
	} else if (len == 4) {
		if ((y = digits(s, 4)) != -1 && year_ok(y))
			rc = set(p, GT_PERIOD_YEAR, y, 0);
	} else if (len == 7 && s[4] == '-' && (y = digits(s, 4)) != -1 &&
	    year_ok(y) && (mo = digits(s + 5, 2)) >= 1 && mo <= 12) {
		/* "2011-12": December 2011, or 2011/12 for a yearly measure. */
		rc = 0;
		if (parse_span(s, len, 0) != -1) {
			rc = GT_PERIOD_BY_FREQ;
			if (yearly(f))
				return set(p, GT_PERIOD_FYEAR, y, 0) +
				    GT_PERIOD_BY_FREQ;
		}
		set(p, GT_PERIOD_MONTH, y, mo);
	} else if ((y = parse_span(s, len, 1)) != -1)
		rc = set(p, GT_PERIOD_FYEAR, y, 0);
	else if (len == 10 && s[4] == '-' && s[7] == '-')
		rc = read_date(s, len, f, c, p);
	else if (memchr(s, ' ', len) != NULL || memchr(s, ';', len) != NULL ||
	    memchr(s, ',', len) != NULL)
		rc = read_pair(s, len, c, p);
	else
		rc = read_month_dash(s, len, p);
	if (rc == -1)
		memset(p, 0, sizeof(*p));
	return rc;
}

int
gt_period_parse(const char *s, struct gt_period *p)
{
	return gt_period_read(s, GT_FREQ_NONE, NULL, p) == -1 ? -1 : 0;
}

int
gt_period_ending(const struct gt_calendar *c, enum gt_freq f, int m,
    struct gt_period *p)
{
	struct gt_period	 y;

	if (holding(c, f == GT_FREQ_IRREGULAR ? GT_FREQ_MONTHLY : f, m,
	    p) == -1)
		return -1;
	if (yearly(f) && gt_period_last_month(c, p) != m && m % 12 == 11) {
		/* Not the financial year's end, but December's. */
		set(&y, GT_PERIOD_YEAR, m / 12, 0);
		*p = y;
	}
	if (gt_period_last_month(c, p) == m)
		return 0;
	memset(p, 0, sizeof(*p));
	return -1;
}

size_t
gt_period_format(const struct gt_period *p, char *buf, size_t sz)
{
	char	 s[GT_PERIOD_MAX];
	size_t	 n = 0;
	int	 fy = p->type == GT_PERIOD_QUARTER || p->type == GT_PERIOD_FYEAR ||
		    p->type == GT_PERIOD_AYEAR;

	/*
	 * Written by hand, not printf: many periods a page. Years are those
	 * that parse (GT_YEAR_MIN..GT_YEAR_MAX) or a year or two either side.
	 */
	if (p->type == GT_PERIOD_NONE)
		return gt_copy_out(buf, sz, "", 0);
	if (p->type == GT_PERIOD_AYEAR) {
		s[n++] = 'A';
		s[n++] = 'Y';
	}
	n += gt_put_uint(s + n, (unsigned)p->year, 4);
	if (fy) {
		s[n++] = '/';
		n += gt_put_uint(s + n, (unsigned)((p->year + 1) % 100), 2);
	}
	if (p->type == GT_PERIOD_MONTH) {
		s[n++] = '-';
		n += gt_put_uint(s + n, (unsigned)p->sub, 2);
	} else if (p->type == GT_PERIOD_QUARTER) {
		s[n++] = ' ';
		s[n++] = 'Q';
		n += gt_put_uint(s + n, (unsigned)p->sub, 0);
	}
	return gt_copy_out(buf, sz, s, n);
}

int
gt_period_first_month(const struct gt_calendar *c, const struct gt_period *p)
{
	switch (p->type) {
	case GT_PERIOD_MONTH:
		return p->year * 12 + p->sub - 1;
	case GT_PERIOD_QUARTER:
		return p->year * 12 + c->year_start - 1 + 3 * (p->sub - 1);
	case GT_PERIOD_FYEAR:
		return p->year * 12 + c->year_start - 1;
	case GT_PERIOD_YEAR:
		return p->year * 12;
	case GT_PERIOD_AYEAR:
		return p->year * 12 + c->academic_start - 1;
	case GT_PERIOD_NONE:
		break;
	}
	return 0;
}

static int
months_in(const struct gt_period *p)
{
	switch (p->type) {
	case GT_PERIOD_MONTH:
		return 1;
	case GT_PERIOD_QUARTER:
		return 3;
	case GT_PERIOD_NONE:
		return 0;
	default:
		return 12;
	}
}

int
gt_period_last_month(const struct gt_calendar *c, const struct gt_period *p)
{
	return gt_period_first_month(c, p) + months_in(p) - 1;
}

int
gt_period_cmp(const struct gt_calendar *c, const struct gt_period *a,
    const struct gt_period *b)
{
	int	 x = gt_period_last_month(c, a), y = gt_period_last_month(c, b);

	if (x != y)
		return x < y ? -1 : 1;
	x = gt_period_first_month(c, a);
	y = gt_period_first_month(c, b);
	if (x != y)
		return x < y ? -1 : 1;
	if (a->type != b->type)
		return a->type < b->type ? -1 : 1;
	return 0;
}

int
gt_period_eq(const struct gt_period *a, const struct gt_period *b)
{
	return a->type == b->type && a->year == b->year && a->sub == b->sub;
}

struct gt_period
gt_period_prev(const struct gt_period *p)
{
	struct gt_period	 r = *p;

	switch (p->type) {
	case GT_PERIOD_MONTH:
		if (--r.sub == 0) {
			r.sub = 12;
			r.year--;
		}
		break;
	case GT_PERIOD_QUARTER:
		if (--r.sub == 0) {
			r.sub = 4;
			r.year--;
		}
		break;
	case GT_PERIOD_NONE:
		break;
	default:
		r.year--;
		break;
	}
	return r;
}

struct gt_period
gt_period_year_ago(const struct gt_period *p)
{
	struct gt_period	 r = *p;

	if (r.type != GT_PERIOD_NONE)
		r.year--;
	return r;
}

struct gt_period
gt_period_fyear_of(const struct gt_calendar *c, const struct gt_period *p)
{
	struct gt_period	 r = { GT_PERIOD_FYEAR, p->year, 0 };

	switch (p->type) {
	case GT_PERIOD_MONTH:
		if (p->sub < c->year_start)
			r.year--;
		break;
	case GT_PERIOD_QUARTER:
	case GT_PERIOD_FYEAR:
		break;
	default:
		r.type = GT_PERIOD_NONE;
		r.year = 0;
		break;
	}
	return r;
}

int
gt_period_index_in_year(const struct gt_calendar *c, const struct gt_period *p)
{
	switch (p->type) {
	case GT_PERIOD_MONTH:
		return (p->sub - c->year_start + 12) % 12 + 1;
	case GT_PERIOD_QUARTER:
		return p->sub;
	default:
		return 1;
	}
}

int
gt_period_fits(enum gt_freq f, const struct gt_period *p)
{
	switch (f) {
	case GT_FREQ_MONTHLY:
		return p->type == GT_PERIOD_MONTH;
	case GT_FREQ_QUARTERLY:
		return p->type == GT_PERIOD_QUARTER;
	case GT_FREQ_ANNUAL:
	case GT_FREQ_BIENNIAL:
	case GT_FREQ_TRIENNIAL:
		return p->type == GT_PERIOD_FYEAR || p->type == GT_PERIOD_YEAR ||
		    p->type == GT_PERIOD_AYEAR;
	case GT_FREQ_IRREGULAR:
		return p->type != GT_PERIOD_NONE;
	case GT_FREQ_NONE:
		break;
	}
	return 0;
}

static const char *const freq_names[] = {
	"", "monthly", "quarterly", "annual", "biennial", "triennial",
	"irregular"
};

enum gt_freq
gt_freq_parse(const char *s)
{
	int	 i;

	for (i = GT_FREQ_MONTHLY; i <= GT_FREQ_IRREGULAR; i++)
		if (strcmp(s, freq_names[i]) == 0)
			return (enum gt_freq)i;
	return GT_FREQ_NONE;
}

const char *
gt_freq_name(enum gt_freq f)
{
	if ((unsigned)f >= sizeof(freq_names) / sizeof(freq_names[0]))
		return "";
	return freq_names[f];
}

/*
 * Biennial and triennial measures are expected like annual ones: the
 * latest year that has ended (plus the lag), whatever its place in the
 * cycle, since a plan does not say which years a survey runs in. Whether
 * such a value is late, being due only every other or third year, is for
 * the status rules to say. Irregular measures are never expected.
 */
struct gt_period
gt_period_expected(const struct gt_calendar *c, enum gt_freq f,
    enum gt_ptype like, const struct gt_period *as_at, int lag_months)
{
	struct gt_period	 r = { GT_PERIOD_NONE, 0, 0 };
	int			 limit, m;

	if (as_at->type == GT_PERIOD_NONE || lag_months < 0)
		return r;
	limit = gt_period_last_month(c, as_at) - lag_months;
	/* Also keeps the divisions below off negative numbers. */
	if (limit < GT_YEAR_MIN * 12)
		return r;
	switch (f) {
	case GT_FREQ_MONTHLY:
		r.type = GT_PERIOD_MONTH;
		r.year = limit / 12;
		r.sub = limit % 12 + 1;
		return r;
	case GT_FREQ_QUARTERLY:
		r.type = GT_PERIOD_QUARTER;
		/* Count quarters from the first financial year of year 0. */
		m = limit - (c->year_start - 1);
		m = (m + 1) / 3 - 1;	/* the last to end by the limit */
		r.year = m / 4;
		r.sub = m % 4 + 1;
		return r;
	case GT_FREQ_ANNUAL:
	case GT_FREQ_BIENNIAL:
	case GT_FREQ_TRIENNIAL:
		r.type = like == GT_PERIOD_YEAR || like == GT_PERIOD_AYEAR ?
		    like : GT_PERIOD_FYEAR;
		r.year = limit / 12 + 1;
		while (gt_period_last_month(c, &r) > limit)
			r.year--;
		return r;
	case GT_FREQ_IRREGULAR:
	case GT_FREQ_NONE:
		break;
	}
	return r;
}

static int
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
days_in(int y, int m)
{
	static const int d[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return m == 2 && leap(y) ? 29 : d[m - 1];
}

/* The first or last day of p; absent (all zero) for NONE. */
static struct gt_date
edge_date(const struct gt_calendar *c, const struct gt_period *p, int last)
{
	struct gt_date	 d = { 0, 0, 0 };
	int		 m;

	m = last ? gt_period_last_month(c, p) : gt_period_first_month(c, p);
	/* A year before 0 would index days_in() out of range. */
	if (p->type == GT_PERIOD_NONE || m < 0)
		return d;
	d.y = m / 12;
	d.m = m % 12 + 1;
	d.d = last ? days_in(d.y, d.m) : 1;
	return d;
}

struct gt_date
gt_period_start_date(const struct gt_calendar *c, const struct gt_period *p)
{
	return edge_date(c, p, 0);
}

struct gt_date
gt_period_end_date(const struct gt_calendar *c, const struct gt_period *p)
{
	return edge_date(c, p, 1);
}

int
gt_date_valid(const struct gt_date *d)
{
	return year_ok(d->y) && d->m >= 1 && d->m <= 12 && d->d >= 1 &&
	    d->d <= days_in(d->y, d->m);
}

int
gt_date_parse(const char *s, struct gt_date *d)
{
	memset(d, 0, sizeof(*d));
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	d->y = digits(s, 4);
	d->m = digits(s + 5, 2);
	d->d = digits(s + 8, 2);
	if (d->y == -1 || d->m == -1 || d->d == -1 || !gt_date_valid(d)) {
		memset(d, 0, sizeof(*d));
		return -1;
	}
	return 0;
}

int
gt_date_cmp(const struct gt_date *a, const struct gt_date *b)
{
	if (a->y != b->y)
		return a->y < b->y ? -1 : 1;
	if (a->m != b->m)
		return a->m < b->m ? -1 : 1;
	if (a->d != b->d)
		return a->d < b->d ? -1 : 1;
	return 0;
}

size_t
gt_date_format(const struct gt_date *d, char *buf, size_t sz)
{
	int	 n = snprintf(buf, sz, "%04d-%02d-%02d", d->y, d->m, d->d);

	return n < 0 ? 0 : (size_t)n;
}

int
gt_period_by(const struct gt_calendar *cal, const struct gt_period *p,
    const struct gt_period *as_at)
{
	return gt_period_last_month(cal, p) <= gt_period_last_month(cal, as_at);
}
