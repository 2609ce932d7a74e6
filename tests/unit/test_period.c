/* test_period.c: period algebra and dates, table by table. */
#include <criterion/criterion.h>

#include "period.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

static struct gt_calendar
cal(int year_start)
{
	struct gt_calendar	 c;

	gt_calendar_default(&c);
	c.year_start = year_start;
	return c;
}

static struct gt_period
P(const char *s)
{
	struct gt_period	 p;

	cr_assert_eq(gt_period_parse(s, &p), 0, "'%s' should parse", s);
	return p;
}

static const char *
fmt(struct gt_period p)
{
	static char	 buf[4][GT_PERIOD_MAX];
	static int	 i;

	i = (i + 1) % 4;
	gt_period_format(&p, buf[i], sizeof(buf[i]));
	return buf[i];
}

static const char *
dfmt(struct gt_date d)
{
	static char	 buf[4][16];
	static int	 i;

	i = (i + 1) % 4;
	gt_date_format(&d, buf[i], sizeof(buf[i]));
	return buf[i];
}

/* A month index, as the header counts them. */
static int
M(int y, int m)
{
	return y * 12 + m - 1;
}

Test(period, calendar_default)
{
	struct gt_calendar	 c;

	gt_calendar_default(&c);
	cr_expect_eq(c.year_start, 4);
	cr_expect_eq(c.academic_start, 9);
}

Test(period, forms)
{
	static const struct {
		const char	*in, *canon;
		enum gt_ptype	 type;
		int		 year, sub;
	} t[] = {
		{ "2024/25", "2024/25", GT_PERIOD_FYEAR, 2024, 0 },
		{ "2024-25", "2024/25", GT_PERIOD_FYEAR, 2024, 0 },
		{ "2024/2025", "2024/25", GT_PERIOD_FYEAR, 2024, 0 },
		{ "2024-2025", "2024/25", GT_PERIOD_FYEAR, 2024, 0 },
		{ "1999/00", "1999/00", GT_PERIOD_FYEAR, 1999, 0 },
		{ "1999/2000", "1999/00", GT_PERIOD_FYEAR, 1999, 0 },
		{ "2099/00", "2099/00", GT_PERIOD_FYEAR, 2099, 0 },
		{ "2099/2100", "2099/00", GT_PERIOD_FYEAR, 2099, 0 },
		{ "1900/01", "1900/01", GT_PERIOD_FYEAR, 1900, 0 },
		{ "2199/00", "2199/00", GT_PERIOD_FYEAR, 2199, 0 },
		{ "2011/12", "2011/12", GT_PERIOD_FYEAR, 2011, 0 },
		{ "2012-13", "2012/13", GT_PERIOD_FYEAR, 2012, 0 },
		{ "1999-00", "1999/00", GT_PERIOD_FYEAR, 1999, 0 },
		{ "2024/25 Q2", "2024/25 Q2", GT_PERIOD_QUARTER, 2024, 2 },
		{ "2024-25 q4", "2024/25 Q4", GT_PERIOD_QUARTER, 2024, 4 },
		{ "2024/2025 Q1", "2024/25 Q1", GT_PERIOD_QUARTER, 2024, 1 },
		{ "Q1 2024/25", "2024/25 Q1", GT_PERIOD_QUARTER, 2024, 1 },
		{ "q3 2024-25", "2024/25 Q3", GT_PERIOD_QUARTER, 2024, 3 },
		{ "Q4 2024/2025", "2024/25 Q4", GT_PERIOD_QUARTER, 2024, 4 },
		{ "2024-25;Q4", "2024/25 Q4", GT_PERIOD_QUARTER, 2024, 4 },
		{ "FY2024/25", "2024/25", GT_PERIOD_FYEAR, 2024, 0 },
		{ "May-2024", "2024-05", GT_PERIOD_MONTH, 2024, 5 },
		{ "May-24", "2024-05", GT_PERIOD_MONTH, 2024, 5 },
		{ "2024-05-31", "2024-05", GT_PERIOD_MONTH, 2024, 5 },
		/* No month could be meant inside a quarter. */
		{ "2011-12 Q3", "2011/12 Q3", GT_PERIOD_QUARTER, 2011, 3 },
		{ "Q3 2011-12", "2011/12 Q3", GT_PERIOD_QUARTER, 2011, 3 },
		{ "2024-05", "2024-05", GT_PERIOD_MONTH, 2024, 5 },
		{ "2024-01", "2024-01", GT_PERIOD_MONTH, 2024, 1 },
		{ "2024-12", "2024-12", GT_PERIOD_MONTH, 2024, 12 },
		/* Ambiguous with a financial year: always a month. */
		{ "2011-12", "2011-12", GT_PERIOD_MONTH, 2011, 12 },
		{ "2000-01", "2000-01", GT_PERIOD_MONTH, 2000, 1 },
		{ "2009-10", "2009-10", GT_PERIOD_MONTH, 2009, 10 },
		{ "May 2024", "2024-05", GT_PERIOD_MONTH, 2024, 5 },
		{ "sep 2024", "2024-09", GT_PERIOD_MONTH, 2024, 9 },
		{ "Sept 2024", "2024-09", GT_PERIOD_MONTH, 2024, 9 },
		{ "SEPT 2024", "2024-09", GT_PERIOD_MONTH, 2024, 9 },
		{ "September 2024", "2024-09", GT_PERIOD_MONTH, 2024, 9 },
		{ "JANUARY 2024", "2024-01", GT_PERIOD_MONTH, 2024, 1 },
		{ "Jan 2024", "2024-01", GT_PERIOD_MONTH, 2024, 1 },
		{ "feb 2024", "2024-02", GT_PERIOD_MONTH, 2024, 2 },
		{ "March 2024", "2024-03", GT_PERIOD_MONTH, 2024, 3 },
		{ "Apr 2024", "2024-04", GT_PERIOD_MONTH, 2024, 4 },
		{ "June 2024", "2024-06", GT_PERIOD_MONTH, 2024, 6 },
		{ "Jul 2024", "2024-07", GT_PERIOD_MONTH, 2024, 7 },
		{ "August 2024", "2024-08", GT_PERIOD_MONTH, 2024, 8 },
		{ "oct 2024", "2024-10", GT_PERIOD_MONTH, 2024, 10 },
		{ "November 2024", "2024-11", GT_PERIOD_MONTH, 2024, 11 },
		{ "Dec 2024", "2024-12", GT_PERIOD_MONTH, 2024, 12 },
		{ "2024", "2024", GT_PERIOD_YEAR, 2024, 0 },
		{ "1900", "1900", GT_PERIOD_YEAR, 1900, 0 },
		{ "2200", "2200", GT_PERIOD_YEAR, 2200, 0 },
		{ "AY2024/25", "AY2024/25", GT_PERIOD_AYEAR, 2024, 0 },
		{ "AY 2024/25", "AY2024/25", GT_PERIOD_AYEAR, 2024, 0 },
		{ "ay2024/25", "AY2024/25", GT_PERIOD_AYEAR, 2024, 0 },
		{ "AY2024/2025", "AY2024/25", GT_PERIOD_AYEAR, 2024, 0 },
		{ "AY1999/00", "AY1999/00", GT_PERIOD_AYEAR, 1999, 0 },
		{ "  2024/25 Q3 ", "2024/25 Q3", GT_PERIOD_QUARTER, 2024, 3 },
		{ "\t2024\r\n", "2024", GT_PERIOD_YEAR, 2024, 0 },
		{ "\v May 2024\f", "2024-05", GT_PERIOD_MONTH, 2024, 5 },
	};
	size_t	 i;

	for (i = 0; i < NELEM(t); i++) {
		struct gt_period p = P(t[i].in);

		cr_expect_eq(p.type, t[i].type, "%s", t[i].in);
		cr_expect_eq(p.year, t[i].year, "%s", t[i].in);
		cr_expect_eq(p.sub, t[i].sub, "%s", t[i].in);
		cr_expect_str_eq(fmt(p), t[i].canon, "%s", t[i].in);
	}
}

/*
 * The spellings of real exports, read for a measure of a frequency
 * (GT_FREQ_NONE: none in view) under a calendar whose year starts in
 * April; by_freq says the reading is one a reader without the frequency
 * must make again.
 */
Test(period, export_spellings)
{
	static const struct {
		const char	*in;
		enum gt_freq	 f;
		const char	*canon;
		int		 by_freq;
	} t[] = {
		/* The measure's frequency says what 2010-11 means. */
		{ "2010-11", GT_FREQ_NONE, "2010-11", 1 },
		{ "2010-11", GT_FREQ_MONTHLY, "2010-11", 1 },
		{ "2010-11", GT_FREQ_ANNUAL, "2010/11", 1 },
		{ "2010-11", GT_FREQ_BIENNIAL, "2010/11", 1 },
		{ "2010-11", GT_FREQ_TRIENNIAL, "2010/11", 1 },
		{ "2012-13", GT_FREQ_ANNUAL, "2012/13", 0 },
		{ "2012-13", GT_FREQ_NONE, "2012/13", 0 },
		{ "2010-12", GT_FREQ_ANNUAL, "2010-12", 0 },
		/* A date is the period that holds it. */
		{ "2021-06-30", GT_FREQ_NONE, "2021-06", 1 },
		{ "2021-06-30", GT_FREQ_MONTHLY, "2021-06", 1 },
		{ "2021-06-30", GT_FREQ_QUARTERLY, "2021/22 Q1", 1 },
		{ "2021-07-01", GT_FREQ_QUARTERLY, "2021/22 Q2", 1 },
		{ "2022-03-31", GT_FREQ_QUARTERLY, "2021/22 Q4", 1 },
		{ "2021-06-30", GT_FREQ_ANNUAL, "2021/22", 1 },
		{ "2022-01-15", GT_FREQ_ANNUAL, "2021/22", 1 },
		{ "2021-06-30", GT_FREQ_IRREGULAR, "2021-06", 1 },
		/* Months with a dash. */
		{ "Apr-21", GT_FREQ_NONE, "2021-04", 0 },
		{ "apr-21", GT_FREQ_MONTHLY, "2021-04", 0 },
		{ "Dec-2021", GT_FREQ_NONE, "2021-12", 0 },
		{ "Sept-2021", GT_FREQ_NONE, "2021-09", 0 },
		{ "September-21", GT_FREQ_NONE, "2021-09", 0 },
		/* Financial years after FY. */
		{ "FY2015/16", GT_FREQ_NONE, "2015/16", 0 },
		{ "FY 2015/16", GT_FREQ_ANNUAL, "2015/16", 0 },
		{ "fy2015-16", GT_FREQ_NONE, "2015/16", 0 },
		{ "FY2011-12", GT_FREQ_NONE, "2011/12", 0 },
		{ "FY2015/2016", GT_FREQ_NONE, "2015/16", 0 },
		/* Quarters of the calendar year. */
		{ "2019 Q1", GT_FREQ_NONE, "2018/19 Q4", 0 },
		{ "2019 Q2", GT_FREQ_QUARTERLY, "2019/20 Q1", 0 },
		{ "Q4 2019", GT_FREQ_QUARTERLY, "2019/20 Q3", 0 },
		/* A quarter after a semicolon or a comma. */
		{ "2018-19;Q1", GT_FREQ_NONE, "2018/19 Q1", 0 },
		{ "2018-19; Q1", GT_FREQ_NONE, "2018/19 Q1", 0 },
		{ "2018/19,Q2", GT_FREQ_QUARTERLY, "2018/19 Q2", 0 },
		{ "2018/19, Q3", GT_FREQ_QUARTERLY, "2018/19 Q3", 0 },
		{ "Q4;2018/19", GT_FREQ_NONE, "2018/19 Q4", 0 },
		{ "2011-12;Q3", GT_FREQ_NONE, "2011/12 Q3", 0 },
	};
	struct gt_calendar	 c = cal(4);
	struct gt_period	 p;
	size_t			 i;
	int			 rc;

	for (i = 0; i < NELEM(t); i++) {
		rc = gt_period_read(t[i].in, t[i].f, &c, &p);
		cr_expect_eq(rc, t[i].by_freq ? GT_PERIOD_BY_FREQ : 0,
		    "'%s' %d: %d", t[i].in, t[i].f, rc);
		cr_expect_str_eq(fmt(p), t[i].canon, "'%s' %d", t[i].in,
		    t[i].f);
	}
}

/* A calendar quarter is one of the financial year only if they line up. */
Test(period, calendar_quarters_need_a_calendar)
{
	struct gt_calendar	 c = cal(4), odd = cal(2), jan = cal(1);
	struct gt_period	 p;

	cr_expect_eq(gt_period_read("2019 Q1", GT_FREQ_NONE, NULL, &p), -1);
	cr_expect_eq(gt_period_parse("2019 Q1", &p), -1);
	cr_expect_eq(gt_period_read("2019 Q1", GT_FREQ_NONE, &odd, &p), -1);
	cr_expect_eq(gt_period_read("2019 Q1", GT_FREQ_NONE, &jan, &p), 0);
	cr_expect_str_eq(fmt(p), "2019/20 Q1");
	cr_expect_eq(gt_period_read("1899 Q4", GT_FREQ_NONE, &c, &p), -1);
	/* A date of a quarterly measure needs the calendar too. */
	cr_expect_eq(gt_period_read("2021-06-30", GT_FREQ_QUARTERLY, NULL,
	    &p), -1);
	cr_expect_eq(gt_period_read("2021-06-30", GT_FREQ_NONE, NULL, &p),
	    GT_PERIOD_BY_FREQ);
	cr_expect_str_eq(fmt(p), "2021-06");
}

/* A month or date that names the period ending in it (rolling figures). */
Test(period, ending_in_a_month)
{
	static const struct {
		int		 m;
		enum gt_freq	 f;
		const char	*canon;	/* NULL: none ends then */
	} t[] = {
		{ 6, GT_FREQ_QUARTERLY, "2023/24 Q1" },
		{ 3, GT_FREQ_QUARTERLY, "2022/23 Q4" },
		{ 5, GT_FREQ_QUARTERLY, NULL },
		{ 3, GT_FREQ_ANNUAL, "2022/23" },
		{ 12, GT_FREQ_ANNUAL, "2023" },
		{ 6, GT_FREQ_ANNUAL, NULL },
		{ 5, GT_FREQ_MONTHLY, "2023-05" },
		{ 5, GT_FREQ_IRREGULAR, "2023-05" },
	};
	struct gt_calendar	 c = cal(4);
	struct gt_period	 p;
	size_t			 i;

	for (i = 0; i < NELEM(t); i++) {
		if (t[i].canon == NULL) {
			cr_expect_eq(gt_period_ending(&c, t[i].f, M(2023, t[i].m),
			    &p), -1, "%d %d", t[i].m, t[i].f);
			continue;
		}
		cr_expect_eq(gt_period_ending(&c, t[i].f, M(2023, t[i].m), &p),
		    0, "%d %d", t[i].m, t[i].f);
		cr_expect_str_eq(fmt(p), t[i].canon, "%d %d", t[i].m, t[i].f);
	}
}

Test(period, rejections)
{
	static const char *const bad[] = {
		"", " ", "\t\n", "2024/26", "2024/24", "2024/2026", "2024/025",
		"2024/5", "2024/25/26", "2024.25", "2024\\25", "24/25",
		"2024/25 Q5", "2024/25 Q0", "2024/25 Q", "2024/25 q22",
		"2024/25 X2", "2024/25Q2", "2024/25  Q2", "Q2  2024/25",
		"2024/25\tQ2", "Q2", "Q 2 2024/25", "2024/25 Q2 x", "Q2 2024",
		"2024 Q2", "Q2 2024/26", "Q2-2024/25", "2024/25 Q2 Q3",
		"2024-13", "2024-00", "2024-5", "2024-005", "2024-1a", "2024/05",
		"1899", "2201", "0000", "-2024", "+2024", "20245", "202",
		"1899/00", "1899-1900", "2200/01", "2200/2201", "1899-12",
		"2201-01", "May 1899", "May 2201",
		"Mayy 2024", "May 24", "May 02024", "Ma 2024", "Janu 2024",
		"Septe 2024", "Mays 2024", "May  2024", "May\t2024", "May-",
		"May2024", "May-202", "May-2024-", "-2024", "May--24", "2024 May", "May 2024 Q2", "Q2 May 2024", "May",
		"Juneteenth 2024", "Smarch 2024",
		"AY2024-25", "AY 2024-25", "AY2011-12", "AY2024", "AY  2024/25",
		"AY2024/26", "AY-2024/25", "AY 2024/25 Q1", "AYE2024/25",
		"A Y2024/25", "AY", "FY2024", "FY2024/26", "FY 2024/25 Q1",
		"FY", "FYI2024/25", "2024-02-30", "2024-13-01", "2024-05-1",
		"2024/05/01", "2024/25;", ";Q2", "2024/25;;Q2", "2024/25;  Q2",
		"2024/25 ;Q2", "2024/25,Q2,", "Q2;", "May, 2024", "May;2024", "99999999999999999999", "2024\x01",
		"two thousand", "\xef\xbc\x92\xef\xbc\x90\xef\xbc\x92\xef\xbc\x94",
		"\xff\xfe", "2024/25\xc2\xa0Q2", ("\xc2\xa0" "2024"),
	};
	struct gt_period	 p;
	size_t			 i;

	for (i = 0; i < NELEM(bad); i++) {
		p.type = GT_PERIOD_MONTH;
		cr_expect_eq(gt_period_parse(bad[i], &p), -1, "'%s'", bad[i]);
		cr_expect_eq(p.type, GT_PERIOD_NONE, "'%s'", bad[i]);
	}
}

Test(period, long_input)
{
	static char		 s[100000];
	struct gt_period	 p;

	memset(s, '2', sizeof(s) - 1);
	cr_expect_eq(gt_period_parse(s, &p), -1);
	memset(s, ' ', sizeof(s) - 1);
	cr_expect_eq(gt_period_parse(s, &p), -1);
	memcpy(s + 500, "2024/25", 7);
	cr_expect_eq(gt_period_parse(s, &p), 0, "padded with white space");
	cr_expect_str_eq(fmt(p), "2024/25");
	s[sizeof(s) - 2] = 'x';
	cr_expect_eq(gt_period_parse(s, &p), -1, "junk far behind");
}

/* Everything the formatter writes parses back to itself. */
Test(period, round_trip)
{
	static const enum gt_ptype types[] = {
		GT_PERIOD_MONTH, GT_PERIOD_QUARTER, GT_PERIOD_FYEAR,
		GT_PERIOD_YEAR, GT_PERIOD_AYEAR
	};
	char		 buf[GT_PERIOD_MAX];
	size_t		 i, n;
	int		 y, sub, subs;

	for (i = 0; i < NELEM(types); i++) {
		subs = types[i] == GT_PERIOD_MONTH ? 12 :
		    types[i] == GT_PERIOD_QUARTER ? 4 : 0;
		for (y = GT_YEAR_MIN; y < GT_YEAR_MAX; y++) {
			for (sub = subs ? 1 : 0; sub <= subs; sub++) {
				struct gt_period p = { types[i], y, sub }, q;

				n = gt_period_format(&p, buf, sizeof(buf));
				cr_assert_eq(n, strlen(buf));
				cr_assert_eq(gt_period_parse(buf, &q), 0, "%s",
				    buf);
				cr_assert(gt_period_eq(&p, &q), "%s", buf);
			}
		}
	}
}

Test(period, format_edges)
{
	struct gt_period	 none = { GT_PERIOD_NONE, 0, 0 };
	struct gt_period	 q = { GT_PERIOD_QUARTER, 2024, 2 };
	char			 buf[GT_PERIOD_MAX], small[5];

	strcpy(buf, "junk");
	cr_expect_eq(gt_period_format(&none, buf, sizeof(buf)), 0);
	cr_expect_str_eq(buf, "");
	/* Truncated like snprintf, returning the full length. */
	cr_expect_eq(gt_period_format(&q, small, sizeof(small)), 10);
	cr_expect_str_eq(small, "2024");
}

Test(period, months_of_a_period)
{
	static const struct {
		int		 year_start;
		const char	*p, *first, *last;
	} t[] = {
		{ 4, "2024/25", "2024-04", "2025-03" },
		{ 4, "2024/25 Q1", "2024-04", "2024-06" },
		{ 4, "2024/25 Q2", "2024-07", "2024-09" },
		{ 4, "2024/25 Q3", "2024-10", "2024-12" },
		{ 4, "2024/25 Q4", "2025-01", "2025-03" },
		/* January: the year is named for the calendar year it is. */
		{ 1, "2024/25", "2024-01", "2024-12" },
		{ 1, "2024/25 Q1", "2024-01", "2024-03" },
		{ 1, "2024/25 Q4", "2024-10", "2024-12" },
		{ 7, "2024/25", "2024-07", "2025-06" },
		{ 7, "2024/25 Q2", "2024-10", "2024-12" },
		{ 7, "2024/25 Q3", "2025-01", "2025-03" },
		{ 10, "2024/25", "2024-10", "2025-09" },
		{ 10, "2024/25 Q1", "2024-10", "2024-12" },
		{ 10, "2024/25 Q4", "2025-07", "2025-09" },
		{ 12, "2024/25 Q1", "2024-12", "2025-02" },
		{ 4, "2024", "2024-01", "2024-12" },
		{ 7, "2024", "2024-01", "2024-12" },
		{ 4, "AY2024/25", "2024-09", "2025-08" },
		{ 1, "AY2024/25", "2024-09", "2025-08" },
		{ 4, "2024-05", "2024-05", "2024-05" },
		{ 10, "2024-05", "2024-05", "2024-05" },
	};
	size_t	 i;

	for (i = 0; i < NELEM(t); i++) {
		struct gt_calendar c = cal(t[i].year_start);
		struct gt_period p = P(t[i].p), f = P(t[i].first),
		    l = P(t[i].last);

		cr_expect_eq(gt_period_first_month(&c, &p),
		    gt_period_first_month(&c, &f), "%s first", t[i].p);
		cr_expect_eq(gt_period_last_month(&c, &p),
		    gt_period_last_month(&c, &l), "%s last", t[i].p);
	}
}

Test(period, month_numbers)
{
	struct gt_calendar	 c = cal(4);
	struct gt_period	 p;
	int			 s, q;

	p = P("2024-05");
	cr_expect_eq(gt_period_first_month(&c, &p), 2024 * 12 + 4);
	cr_expect_eq(gt_period_last_month(&c, &p), 2024 * 12 + 4);
	p = P("2024");
	cr_expect_eq(gt_period_first_month(&c, &p), M(2024, 1));
	cr_expect_eq(gt_period_last_month(&c, &p), M(2024, 12));
	/* The header's rule, for every start month and quarter. */
	for (s = 1; s <= 12; s++) {
		c = cal(s);
		for (q = 1; q <= 4; q++) {
			struct gt_period qp = { GT_PERIOD_QUARTER, 2024, q };

			cr_expect_eq(gt_period_first_month(&c, &qp),
			    2024 * 12 + (s - 1) + 3 * (q - 1), "S %d Q%d", s, q);
			cr_expect_eq(gt_period_last_month(&c, &qp),
			    2024 * 12 + (s - 1) + 3 * (q - 1) + 2);
		}
		p = P("2024/25");
		cr_expect_eq(gt_period_first_month(&c, &p), M(2024, s));
		cr_expect_eq(gt_period_last_month(&c, &p), M(2024, s) + 11);
		c.academic_start = s;
		p = P("AY2024/25");
		cr_expect_eq(gt_period_first_month(&c, &p), M(2024, s));
		cr_expect_eq(gt_period_last_month(&c, &p), M(2024, s) + 11);
	}
}

Test(period, previous_and_year_ago)
{
	static const struct {
		const char	*p, *prev, *ago;
	} t[] = {
		{ "2024/25 Q1", "2023/24 Q4", "2023/24 Q1" },
		{ "2024/25 Q2", "2024/25 Q1", "2023/24 Q2" },
		{ "2024/25 Q3", "2024/25 Q2", "2023/24 Q3" },
		{ "2024/25 Q4", "2024/25 Q3", "2023/24 Q4" },
		{ "2000/01 Q1", "1999/00 Q4", "1999/00 Q1" },
		{ "2024-01", "2023-12", "2023-01" },
		{ "2024-04", "2024-03", "2023-04" },
		{ "2024-12", "2024-11", "2023-12" },
		{ "2000-01", "1999-12", "1999-01" },
		{ "2024/25", "2023/24", "2023/24" },
		{ "2000/01", "1999/00", "1999/00" },
		{ "2024", "2023", "2023" },
		{ "2000", "1999", "1999" },
		{ "AY2024/25", "AY2023/24", "AY2023/24" },
		{ "AY2000/01", "AY1999/00", "AY1999/00" },
	};
	size_t	 i;

	for (i = 0; i < NELEM(t); i++) {
		struct gt_period p = P(t[i].p);

		cr_expect_str_eq(fmt(gt_period_prev(&p)), t[i].prev, "%s",
		    t[i].p);
		cr_expect_str_eq(fmt(gt_period_year_ago(&p)), t[i].ago, "%s",
		    t[i].p);
	}
}

Test(period, previous_steps_add_up_to_a_year)
{
	struct gt_period	 none = { GT_PERIOD_NONE, 0, 0 }, r;
	struct gt_period	 p;
	int			 i, m;

	for (m = 1; m <= 12; m++) {
		struct gt_period mp = { GT_PERIOD_MONTH, 2024, m };

		p = mp;
		for (i = 0; i < 12; i++)
			p = gt_period_prev(&p);
		r = gt_period_year_ago(&mp);
		cr_expect(gt_period_eq(&p, &r), "month %d", m);
	}
	for (m = 1; m <= 4; m++) {
		struct gt_period qp = { GT_PERIOD_QUARTER, 2024, m };

		p = qp;
		for (i = 0; i < 4; i++)
			p = gt_period_prev(&p);
		r = gt_period_year_ago(&qp);
		cr_expect(gt_period_eq(&p, &r), "quarter %d", m);
	}
	r = gt_period_prev(&none);
	cr_expect_eq(r.type, GT_PERIOD_NONE);
	r = gt_period_year_ago(&none);
	cr_expect_eq(r.type, GT_PERIOD_NONE);
}

Test(period, financial_year_of)
{
	static const struct {
		int		 year_start;
		const char	*p, *fy;
		int		 index;
	} t[] = {
		{ 4, "2025-03", "2024/25", 12 },
		{ 4, "2025-04", "2025/26", 1 },
		{ 4, "2024-12", "2024/25", 9 },
		{ 4, "2025-01", "2024/25", 10 },
		{ 4, "2024/25 Q3", "2024/25", 3 },
		{ 4, "2024/25 Q4", "2024/25", 4 },
		{ 4, "2024/25", "2024/25", 1 },
		{ 1, "2025-01", "2025/26", 1 },
		{ 1, "2025-12", "2025/26", 12 },
		{ 1, "2024/25 Q4", "2024/25", 4 },
		{ 7, "2025-06", "2024/25", 12 },
		{ 7, "2025-07", "2025/26", 1 },
		{ 7, "2025-01", "2024/25", 7 },
		{ 10, "2025-09", "2024/25", 12 },
		{ 10, "2025-10", "2025/26", 1 },
		{ 10, "2025-12", "2025/26", 3 },
		{ 12, "2025-11", "2024/25", 12 },
		{ 12, "2025-12", "2025/26", 1 },
	};
	size_t	 i;

	for (i = 0; i < NELEM(t); i++) {
		struct gt_calendar c = cal(t[i].year_start);
		struct gt_period p = P(t[i].p);

		cr_expect_str_eq(fmt(gt_period_fyear_of(&c, &p)), t[i].fy,
		    "%s", t[i].p);
		if (p.type != GT_PERIOD_FYEAR)
			cr_expect_eq(gt_period_index_in_year(&c, &p),
			    t[i].index, "%s", t[i].p);
	}
}

/* Every month lies inside its financial year, at the place it is said to. */
Test(period, months_in_their_year)
{
	int	 s, y, m;

	for (s = 1; s <= 12; s++) {
		struct gt_calendar c = cal(s);

		for (y = 2023; y <= 2025; y++) {
			for (m = 1; m <= 12; m++) {
				struct gt_period p = { GT_PERIOD_MONTH, y, m };
				struct gt_period fy = gt_period_fyear_of(&c, &p);
				int mi = M(y, m);

				cr_assert_eq(fy.type, GT_PERIOD_FYEAR);
				cr_expect_geq(mi, gt_period_first_month(&c, &fy));
				cr_expect_leq(mi, gt_period_last_month(&c, &fy));
				cr_expect_eq(gt_period_index_in_year(&c, &p),
				    mi - gt_period_first_month(&c, &fy) + 1,
				    "S %d %d-%d", s, y, m);
			}
		}
	}
}

Test(period, financial_year_of_other_years)
{
	struct gt_calendar	 c = cal(4);
	struct gt_period	 y = P("2024"), ay = P("AY2024/25"), r;

	r = gt_period_fyear_of(&c, &y);
	cr_expect_eq(r.type, GT_PERIOD_NONE);
	r = gt_period_fyear_of(&c, &ay);
	cr_expect_eq(r.type, GT_PERIOD_NONE);
}

Test(period, ordering)
{
	/* By last month, then the longer period first. */
	struct gt_calendar	 c = cal(4);
	const char		*sorted[] = {
		"2023/24 Q3", "2023-12", "2023/24", "2023/24 Q4", "2024-03",
		"2024/25 Q1", "AY2023/24", "2024", "2024/25",
	};
	size_t			 i, j;

	for (i = 0; i < NELEM(sorted); i++) {
		for (j = 0; j < NELEM(sorted); j++) {
			struct gt_period a = P(sorted[i]), b = P(sorted[j]);
			int r = gt_period_cmp(&c, &a, &b);

			if (i < j)
				cr_expect_lt(r, 0, "%s < %s", sorted[i],
				    sorted[j]);
			else if (i > j)
				cr_expect_gt(r, 0, "%s > %s", sorted[i],
				    sorted[j]);
			else
				cr_expect_eq(r, 0, "%s", sorted[i]);
		}
	}
}

Test(period, ordering_same_months)
{
	/* With a January year start, a financial and a calendar year coincide. */
	struct gt_calendar	 c = cal(1);
	const char		*sorted[] = {
		"2024/25 Q3", "2024-09", "2024/25", "2024", "2024/25 Q4",
		"2024-12", "AY2024/25",
	};
	struct gt_period	 fy = P("2024/25"), y = P("2024");
	size_t			 i;

	cr_expect_lt(gt_period_cmp(&c, &fy, &y), 0, "then by type");
	cr_expect(!gt_period_eq(&fy, &y));
	for (i = 1; i < NELEM(sorted); i++) {
		struct gt_period a = P(sorted[i - 1]), b = P(sorted[i]);

		cr_expect_lt(gt_period_cmp(&c, &a, &b), 0, "%s < %s",
		    sorted[i - 1], sorted[i]);
		cr_expect_gt(gt_period_cmp(&c, &b, &a), 0);
	}
}

Test(period, equality)
{
	struct gt_period	 a = P("2024/25 Q2"), b = P("Q2 2024-25");
	struct gt_period	 m = P("2024-05"), n = P("May 2024");
	struct gt_period	 y = P("2024"), fy = P("2024/25");

	cr_expect(gt_period_eq(&a, &b));
	cr_expect(gt_period_eq(&m, &n));
	cr_expect(!gt_period_eq(&y, &fy));
	cr_expect(!gt_period_eq(&a, &fy));
}

Test(period, fits_frequency)
{
	static const struct {
		const char	*p;
		int		 monthly, quarterly, annual;
	} t[] = {
		{ "2024-05", 1, 0, 0 },
		{ "2024/25 Q2", 0, 1, 0 },
		{ "2024/25", 0, 0, 1 },
		{ "2024", 0, 0, 1 },
		{ "AY2024/25", 0, 0, 1 },
	};
	struct gt_period	 none = { GT_PERIOD_NONE, 0, 0 };
	size_t			 i;

	for (i = 0; i < NELEM(t); i++) {
		struct gt_period p = P(t[i].p);

		cr_expect_eq(gt_period_fits(GT_FREQ_MONTHLY, &p), t[i].monthly);
		cr_expect_eq(gt_period_fits(GT_FREQ_QUARTERLY, &p),
		    t[i].quarterly);
		cr_expect_eq(gt_period_fits(GT_FREQ_ANNUAL, &p), t[i].annual);
		cr_expect_eq(gt_period_fits(GT_FREQ_BIENNIAL, &p), t[i].annual);
		cr_expect_eq(gt_period_fits(GT_FREQ_TRIENNIAL, &p),
		    t[i].annual);
		/* An irregular survey's figures may be of any period. */
		cr_expect_eq(gt_period_fits(GT_FREQ_IRREGULAR, &p), 1);
		cr_expect_eq(gt_period_fits(GT_FREQ_NONE, &p), 0);
	}
	cr_expect_eq(gt_period_fits(GT_FREQ_IRREGULAR, &none), 0);
	cr_expect_eq(gt_period_fits(GT_FREQ_MONTHLY, &none), 0);
	cr_expect_eq(gt_period_fits(GT_FREQ_ANNUAL, &none), 0);
}

Test(period, frequency_names)
{
	static const struct {
		const char	*s;
		enum gt_freq	 f;
	} t[] = {
		{ "monthly", GT_FREQ_MONTHLY },
		{ "quarterly", GT_FREQ_QUARTERLY },
		{ "annual", GT_FREQ_ANNUAL },
		{ "biennial", GT_FREQ_BIENNIAL },
		{ "triennial", GT_FREQ_TRIENNIAL },
		{ "irregular", GT_FREQ_IRREGULAR },
		{ "Quarterly", GT_FREQ_NONE },
		{ "MONTHLY", GT_FREQ_NONE },
		{ " monthly", GT_FREQ_NONE },
		{ "monthly ", GT_FREQ_NONE },
		{ "annually", GT_FREQ_NONE },
		{ "yearly", GT_FREQ_NONE },
		{ "month", GT_FREQ_NONE },
		{ "", GT_FREQ_NONE },
	};
	size_t	 i;

	for (i = 0; i < NELEM(t); i++) {
		cr_expect_eq(gt_freq_parse(t[i].s), t[i].f, "'%s'", t[i].s);
		if (t[i].f != GT_FREQ_NONE)
			cr_expect_str_eq(gt_freq_name(t[i].f), t[i].s);
	}
	cr_expect_str_eq(gt_freq_name(GT_FREQ_NONE), "");
	cr_expect_str_eq(gt_freq_name((enum gt_freq)99), "");
}

Test(period, expected_with_lag)
{
	static const struct {
		int		 year_start;
		enum gt_freq	 f;
		const char	*like, *as_at;
		int		 lag;
		const char	*want;
	} t[] = {
		{ 4, GT_FREQ_MONTHLY, "2024-01", "2025/26 Q2", 0, "2025-09" },
		{ 4, GT_FREQ_MONTHLY, "2024-01", "2025/26 Q2", 1, "2025-08" },
		{ 4, GT_FREQ_MONTHLY, "2024-01", "2025-01", 1, "2024-12" },
		{ 4, GT_FREQ_MONTHLY, "2024-01", "2025-01", 13, "2023-12" },
		{ 4, GT_FREQ_MONTHLY, "2024-01", "2025/26", 0, "2026-03" },
		{ 4, GT_FREQ_MONTHLY, "2024-01", "2025", 2, "2025-10" },
		{ 4, GT_FREQ_QUARTERLY, "2024/25 Q1", "2025/26 Q2", 0, "2025/26 Q2" },
		{ 4, GT_FREQ_QUARTERLY, "2024/25 Q1", "2025/26 Q2", 1, "2025/26 Q1" },
		{ 4, GT_FREQ_QUARTERLY, "2024/25 Q1", "2025/26 Q1", 3, "2024/25 Q4" },
		{ 4, GT_FREQ_QUARTERLY, "2024/25 Q1", "2025-05", 0, "2024/25 Q4" },
		{ 4, GT_FREQ_QUARTERLY, "2024/25 Q1", "2025-06", 0, "2025/26 Q1" },
		{ 4, GT_FREQ_QUARTERLY, "2024/25 Q1", "2025-03", 0, "2024/25 Q4" },
		{ 4, GT_FREQ_QUARTERLY, "2024/25 Q1", "2025-03", 1, "2024/25 Q3" },
		{ 4, GT_FREQ_QUARTERLY, "2024/25 Q1", "2025-06", 3, "2024/25 Q4" },
		{ 4, GT_FREQ_ANNUAL, "2024/25", "2025/26 Q2", 6, "2024/25" },
		{ 4, GT_FREQ_ANNUAL, "2024/25", "2025/26 Q2", 7, "2023/24" },
		{ 4, GT_FREQ_ANNUAL, "2024/25", "2025/26 Q4", 0, "2025/26" },
		{ 4, GT_FREQ_ANNUAL, "2024/25", "2025-03", 0, "2024/25" },
		{ 4, GT_FREQ_ANNUAL, "2024/25", "2025-02", 0, "2023/24" },
		{ 4, GT_FREQ_ANNUAL, "2024", "2025/26 Q2", 0, "2024" },
		{ 4, GT_FREQ_ANNUAL, "2024", "2024-12", 0, "2024" },
		{ 4, GT_FREQ_ANNUAL, "2024", "2025-06", 6, "2024" },
		{ 4, GT_FREQ_ANNUAL, "2024", "2025-06", 7, "2023" },
		{ 4, GT_FREQ_ANNUAL, "AY2024/25", "2025/26 Q2", 0, "AY2024/25" },
		{ 4, GT_FREQ_ANNUAL, "AY2024/25", "2025-08", 0, "AY2024/25" },
		{ 4, GT_FREQ_ANNUAL, "AY2024/25", "2025-07", 0, "AY2023/24" },
		/* Monthly and quarterly forms of year mean a financial one. */
		{ 4, GT_FREQ_ANNUAL, "2024-05", "2025-06", 0, "2024/25" },
		{ 4, GT_FREQ_ANNUAL, "2024/25 Q1", "2025-06", 0, "2024/25" },
		/* Biennial: the latest year, odd or even. */
		{ 4, GT_FREQ_BIENNIAL, "2024/25", "2025/26 Q2", 6, "2024/25" },
		{ 4, GT_FREQ_BIENNIAL, "2024/25", "2026/27 Q2", 6, "2025/26" },
		{ 4, GT_FREQ_BIENNIAL, "2024", "2026-01", 0, "2025" },
		{ 1, GT_FREQ_QUARTERLY, "2024/25 Q1", "2025-11", 0, "2025/26 Q3" },
		{ 1, GT_FREQ_QUARTERLY, "2024/25 Q1", "2025-12", 0, "2025/26 Q4" },
		{ 1, GT_FREQ_QUARTERLY, "2024/25 Q1", "2025-02", 0, "2024/25 Q4" },
		{ 1, GT_FREQ_ANNUAL, "2024/25", "2025-12", 0, "2025/26" },
		{ 1, GT_FREQ_ANNUAL, "2024/25", "2025-11", 0, "2024/25" },
		{ 7, GT_FREQ_QUARTERLY, "2024/25 Q1", "2025-09", 0, "2025/26 Q1" },
		{ 7, GT_FREQ_QUARTERLY, "2024/25 Q1", "2025-08", 0, "2024/25 Q4" },
		{ 7, GT_FREQ_ANNUAL, "2024/25", "2025-06", 0, "2024/25" },
		{ 10, GT_FREQ_QUARTERLY, "2024/25 Q1", "2025-12", 0, "2025/26 Q1" },
		{ 10, GT_FREQ_QUARTERLY, "2024/25 Q1", "2025-11", 0, "2024/25 Q4" },
		{ 10, GT_FREQ_ANNUAL, "2024/25", "2025-09", 0, "2024/25" },
		{ 10, GT_FREQ_ANNUAL, "2024/25", "2025-09", 1, "2023/24" },
	};
	size_t	 i;

	for (i = 0; i < NELEM(t); i++) {
		struct gt_calendar c = cal(t[i].year_start);
		struct gt_period like = P(t[i].like), as_at = P(t[i].as_at);
		struct gt_period e = gt_period_expected(&c, t[i].f, like.type,
		    &as_at, t[i].lag);

		cr_expect_str_eq(fmt(e), t[i].want, "case %zu", i);
	}
}

Test(period, expected_none)
{
	struct gt_calendar	 c = cal(4);
	struct gt_period	 as_at = P("2025-06"), none = { 0, 0, 0 };
	struct gt_period	 early = P("1900-03"), e;

	e = gt_period_expected(&c, GT_FREQ_NONE, GT_PERIOD_FYEAR, &as_at, 0);
	cr_expect_eq(e.type, GT_PERIOD_NONE);
	/* A survey now and then is never expected. */
	e = gt_period_expected(&c, GT_FREQ_IRREGULAR, GT_PERIOD_FYEAR, &as_at,
	    0);
	cr_expect_eq(e.type, GT_PERIOD_NONE);
	e = gt_period_expected(&c, GT_FREQ_MONTHLY, GT_PERIOD_MONTH, &none, 0);
	cr_expect_eq(e.type, GT_PERIOD_NONE);
	e = gt_period_expected(&c, GT_FREQ_MONTHLY, GT_PERIOD_MONTH, &as_at,
	    -1);
	cr_expect_eq(e.type, GT_PERIOD_NONE, "negative lag");
	e = gt_period_expected(&c, GT_FREQ_QUARTERLY, GT_PERIOD_QUARTER,
	    &as_at, 2147483647);
	cr_expect_eq(e.type, GT_PERIOD_NONE, "lag past every year");
	e = gt_period_expected(&c, GT_FREQ_ANNUAL, GT_PERIOD_FYEAR, &early, 6);
	cr_expect_eq(e.type, GT_PERIOD_NONE, "before the first year");
	e = gt_period_expected(&c, GT_FREQ_MONTHLY, GT_PERIOD_MONTH, &early, 2);
	cr_expect_str_eq(fmt(e), "1900-01");
}

/*
 * Against a search by brute force: the latest period of the type whose
 * last month plus the lag is no later than the last month of as_at.
 */
Test(period, expected_by_search)
{
	static const struct {
		enum gt_freq	 f;
		enum gt_ptype	 like;
	} t[] = {
		{ GT_FREQ_MONTHLY, GT_PERIOD_MONTH },
		{ GT_FREQ_QUARTERLY, GT_PERIOD_QUARTER },
		{ GT_FREQ_ANNUAL, GT_PERIOD_FYEAR },
		{ GT_FREQ_ANNUAL, GT_PERIOD_YEAR },
		{ GT_FREQ_ANNUAL, GT_PERIOD_AYEAR },
		{ GT_FREQ_BIENNIAL, GT_PERIOD_FYEAR },
		{ GT_FREQ_TRIENNIAL, GT_PERIOD_YEAR },
	};
	size_t	 i;
	int	 s, m, lag, y, sub, subs, limit;

	for (i = 0; i < NELEM(t); i++) {
		subs = t[i].like == GT_PERIOD_MONTH ? 12 :
		    t[i].like == GT_PERIOD_QUARTER ? 4 : 0;
		for (s = 1; s <= 12; s++) {
			struct gt_calendar c = cal(s);

			c.academic_start = 13 - s;
			for (m = M(2024, 1); m <= M(2025, 12); m++) {
				struct gt_period as_at = { GT_PERIOD_MONTH,
				    m / 12, m % 12 + 1 };

				for (lag = 0; lag <= 25; lag += 5) {
					struct gt_period best = { 0, 0, 0 }, e;

					limit = m - lag;
					for (y = 2018; y <= 2026; y++)
						for (sub = subs ? 1 : 0;
						    sub <= subs; sub++) {
							struct gt_period p = {
							    t[i].like, y, sub };

							if (gt_period_last_month(
							    &c, &p) <= limit)
								best = p;
						}
					e = gt_period_expected(&c, t[i].f,
					    t[i].like, &as_at, lag);
					cr_assert(gt_period_eq(&e, &best),
					    "f %d like %d S %d %s lag %d: %s, "
					    "want %s", t[i].f, t[i].like, s,
					    fmt(as_at), lag, fmt(e), fmt(best));
				}
			}
		}
	}
}

Test(date, parse)
{
	static const struct {
		const char	*s;
		int		 ok;
	} t[] = {
		{ "2024-02-29", 1 }, { "2023-02-29", 0 }, { "1900-02-29", 0 },
		{ "2000-02-29", 1 }, { "2100-02-29", 0 }, { "2096-02-29", 1 },
		{ "2024-02-30", 0 }, { "2023-02-28", 1 },
		{ "2025-04-31", 0 }, { "2025-06-31", 0 }, { "2025-09-31", 0 },
		{ "2025-11-31", 0 }, { "2025-04-30", 1 }, { "2025-01-31", 1 },
		{ "2025-03-31", 1 }, { "2025-05-31", 1 }, { "2025-07-31", 1 },
		{ "2025-08-31", 1 }, { "2025-10-31", 1 }, { "2025-12-31", 1 },
		{ "2025-12-32", 0 }, { "2025-01-00", 0 },
		{ "2025-13-01", 0 }, { "2025-00-10", 0 }, { "2025-1-01", 0 },
		{ "2025-01-1", 0 }, { "25-01-01", 0 }, { "2025-01-01x", 0 },
		{ "2025/01/01", 0 }, { "2025.01.01", 0 }, { "20250101", 0 },
		{ " 2025-01-01", 0 }, { "2025-01-01 ", 0 }, { "+025-01-01", 0 },
		{ "2025-+1-01", 0 }, { "2025-01--1", 0 }, { "2025-0a-01", 0 },
		{ "1900-01-01", 1 }, { "1899-12-31", 0 }, { "2200-12-31", 1 },
		{ "2201-01-01", 0 }, { "", 0 }, { "2025-01", 0 },
	};
	struct gt_date		 d;
	size_t			 i;

	for (i = 0; i < NELEM(t); i++) {
		cr_expect_eq(gt_date_parse(t[i].s, &d) == 0, t[i].ok, "%s",
		    t[i].s);
		if (t[i].ok)
			cr_expect_str_eq(dfmt(d), t[i].s);
		else
			cr_expect(d.y == 0 && d.m == 0 && d.d == 0, "%s",
			    t[i].s);
		cr_expect_eq(gt_date_valid(&d), t[i].ok, "%s", t[i].s);
	}
	cr_assert_eq(gt_date_parse("2024-05-07", &d), 0);
	cr_expect(d.y == 2024 && d.m == 5 && d.d == 7);
}

Test(date, long_input)
{
	static char	 s[100000];
	struct gt_date	 d;

	memset(s, '1', sizeof(s) - 1);
	cr_expect_eq(gt_date_parse(s, &d), -1);
	memcpy(s, "2024-01-01", 10);
	cr_expect_eq(gt_date_parse(s, &d), -1);
}

Test(date, compare_and_format)
{
	const char	*sorted[] = {
		"1999-12-31", "2000-01-01", "2000-01-02", "2000-02-01",
		"2024-02-29", "2024-03-01", "2025-01-01",
	};
	struct gt_date	 absent = { 0, 0, 0 };
	size_t		 i;

	for (i = 1; i < NELEM(sorted); i++) {
		struct gt_date a, b;

		cr_assert_eq(gt_date_parse(sorted[i - 1], &a), 0);
		cr_assert_eq(gt_date_parse(sorted[i], &b), 0);
		cr_expect_lt(gt_date_cmp(&a, &b), 0, "%s", sorted[i]);
		cr_expect_gt(gt_date_cmp(&b, &a), 0, "%s", sorted[i]);
		cr_expect_eq(gt_date_cmp(&a, &a), 0, "%s", sorted[i]);
		cr_expect_lt(gt_date_cmp(&absent, &a), 0);
	}
	cr_expect_eq(gt_date_valid(&absent), 0);
	cr_expect_str_eq(dfmt((struct gt_date){ 2024, 5, 7 }), "2024-05-07");
}

Test(date, period_ranges)
{
	static const struct {
		int		 year_start;
		const char	*p, *start, *end;
	} t[] = {
		{ 4, "2024/25 Q4", "2025-01-01", "2025-03-31" },
		{ 4, "2024/25 Q1", "2024-04-01", "2024-06-30" },
		{ 4, "2024/25 Q2", "2024-07-01", "2024-09-30" },
		{ 4, "2024/25 Q3", "2024-10-01", "2024-12-31" },
		{ 4, "2024/25", "2024-04-01", "2025-03-31" },
		{ 3, "2023/24", "2023-03-01", "2024-02-29" },
		{ 3, "2024/25", "2024-03-01", "2025-02-28" },
		{ 1, "2024/25", "2024-01-01", "2024-12-31" },
		{ 7, "2024/25", "2024-07-01", "2025-06-30" },
		{ 10, "2024/25 Q4", "2025-07-01", "2025-09-30" },
		{ 4, "2024", "2024-01-01", "2024-12-31" },
		{ 4, "AY2024/25", "2024-09-01", "2025-08-31" },
		{ 4, "2024-02", "2024-02-01", "2024-02-29" },
		{ 4, "2023-02", "2023-02-01", "2023-02-28" },
		{ 4, "2000-02", "2000-02-01", "2000-02-29" },
		{ 4, "2100-02", "2100-02-01", "2100-02-28" },
		{ 4, "2024-04", "2024-04-01", "2024-04-30" },
		{ 4, "2024-12", "2024-12-01", "2024-12-31" },
	};
	struct gt_calendar	 c = cal(4);
	struct gt_period	 none = { GT_PERIOD_NONE, 0, 0 };
	struct gt_date		 d;
	size_t			 i;

	for (i = 0; i < NELEM(t); i++) {
		struct gt_calendar ci = cal(t[i].year_start);
		struct gt_period p = P(t[i].p);
		struct gt_date s = gt_period_start_date(&ci, &p);
		struct gt_date e = gt_period_end_date(&ci, &p);

		cr_expect_str_eq(dfmt(s), t[i].start, "%s", t[i].p);
		cr_expect_str_eq(dfmt(e), t[i].end, "%s", t[i].p);
		cr_expect(gt_date_valid(&s) && gt_date_valid(&e));
		cr_expect_lt(gt_date_cmp(&s, &e), 0);
	}
	d = gt_period_start_date(&c, &none);
	cr_expect(d.y == 0 && d.m == 0 && d.d == 0);
	d = gt_period_end_date(&c, &none);
	cr_expect(d.y == 0 && d.m == 0 && d.d == 0);
}

/* Regression: the last month of the as-at quarter was left out of the data. */
Test(period, by_the_end_of_as_at)
{
	static const struct {
		const char	*p;
		int		 by;
	} t[] = {
		{ "2025-09", 1 }, { "2025-07", 1 }, { "2025-10", 0 },
		{ "2025/26 Q1", 1 }, { "2025/26 Q2", 1 }, { "2025/26 Q3", 0 },
		{ "2024/25", 1 }, { "2025/26", 0 },
		{ "2025", 0 },		/* ends in December */
		{ "AY2024/25", 1 },	/* ends in August 2025 */
	};
	struct gt_calendar	 c = cal(4);
	struct gt_period	 q2 = P("2025/26 Q2"), p;
	size_t			 i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		p = P(t[i].p);
		cr_expect_eq(gt_period_by(&c, &p, &q2), t[i].by, "%s", t[i].p);
	}
}
