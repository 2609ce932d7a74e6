/*
 * period.h: reporting periods and the calendar they live in.
 *
 * A period is a value type (no allocation). Forms accepted by
 * gt_period_parse(), the canonical form first (gt_period_format() writes it):
 *   financial year  2024/25    (also 2024-25, 2024/2025, FY2024/25)
 *   quarter         2024/25 Q2 (also 2024-25 Q2, Q2 2024/25, 2024-25;Q2,
 *                   "2024/25, Q2")
 *   month           2024-05    (also May 2024, Sep 2024, May-2024, May-24
 *                   (a two-digit year is 20YY), 2024-05-31)
 *   calendar year   2024
 *   academic year   AY2024/25  (also AY 2024/25)
 * gt_period_read() reads these in the light of a calendar and of the
 * frequency of the measure a period belongs to, and also the quarter of
 * a calendar year, "2019 Q1" or "Q1 2019" (January to March 2019: the
 * quarter of the financial year of those months, where the year starts in
 * January, April, July or October):
 *   "2011-12" is December 2011, or 2011/12 for a yearly measure (annual,
 *             biennial, triennial);
 *   a date    is the month that holds it, or for a quarterly or yearly
 *             measure the quarter or financial year that holds it.
 * A financial year starts in the month gt_calendar.year_start; an academic
 * year in gt_calendar.academic_start. Quarters are quarters of the financial
 * year. Months are calendar months and belong to the financial year that
 * contains them. A year is named by the year it starts in, so with
 * year_start 1 the financial year 2024/25 is January to December 2024.
 *
 * Leading and trailing ASCII white space is ignored; month names (English,
 * full or three letters, or "Sept"), "Q", "FY" and "AY" are
 * case-insensitive. Without a yearly measure in view "YYYY-MM" is a month:
 * "2011-12" is December 2011, and the dash form of a financial year is
 * taken only where its two digits cannot be a month ("2024-25"), or after
 * "FY". Inside a quarter there is
 * no doubt, so "2011-12 Q3" is a quarter. Both years of a span must lie in
 * GT_YEAR_MIN..GT_YEAR_MAX.
 */
#ifndef GT_PERIOD_H
#define GT_PERIOD_H

#include <stddef.h>

enum gt_ptype {
	GT_PERIOD_NONE = 0,	/* absent or invalid */
	GT_PERIOD_MONTH,	/* year = calendar year, sub = 1..12 */
	GT_PERIOD_QUARTER,	/* year = FY start year, sub = 1..4 */
	GT_PERIOD_FYEAR,	/* year = start year (2024/25 -> 2024) */
	GT_PERIOD_YEAR,		/* year = calendar year */
	GT_PERIOD_AYEAR		/* year = start year (AY2024/25 -> 2024) */
};

struct gt_period {
	enum gt_ptype	type;
	int		year;
	int		sub;
};

enum gt_freq {
	GT_FREQ_NONE = 0,
	GT_FREQ_MONTHLY,
	GT_FREQ_QUARTERLY,
	GT_FREQ_ANNUAL,
	GT_FREQ_BIENNIAL,
	GT_FREQ_TRIENNIAL,
	GT_FREQ_IRREGULAR	/* surveys: a figure now and then, of any period */
};

struct gt_calendar {
	int	year_start;	/* 1..12, default 4 (April) */
	int	academic_start;	/* 1..12, default 9 (September) */
};

/* A calendar date; all zero means absent. */
struct gt_date {
	int	y, m, d;
};

#define GT_PERIOD_MAX	32	/* buffer size enough for any formatted period */
#define GT_YEAR_MIN	1900	/* years outside this range do not parse */
#define GT_YEAR_MAX	2200

void	gt_calendar_default(struct gt_calendar *);

/* Returns 0 and fills *p, or -1 (and *p type NONE) if s is not a period. */
int	gt_period_parse(const char *s, struct gt_period *p);
/*
 * s read for a measure of frequency f (GT_FREQ_NONE: none in view) under
 * calendar c (NULL: none, so no calendar quarter and no date of a
 * quarterly or yearly measure reads). Fills *p and returns 0, or
 * GT_PERIOD_BY_FREQ if the reading depends on f (a reader without the
 * frequency keeps the text to read again), or -1 (*p type NONE).
 */
#define GT_PERIOD_BY_FREQ	1
int	gt_period_read(const char *s, enum gt_freq f,
	    const struct gt_calendar *c, struct gt_period *p);
/*
 * The period of frequency f that ends in month m (year * 12 + month - 1):
 * that month, the quarter or the financial year ending then (a calendar
 * year if it is December and the financial year does not end then); 0,
 * or -1 if none ends then.
 */
int	gt_period_ending(const struct gt_calendar *, enum gt_freq f, int m,
	    struct gt_period *p);
/* Writes the canonical form; returns its length. NONE writes "". */
size_t	gt_period_format(const struct gt_period *, char *buf, size_t sz);

/*
 * Months are counted as year * 12 + (month - 1). These give the first and
 * last month a period covers under the calendar.
 */
int	gt_period_first_month(const struct gt_calendar *, const struct gt_period *);
int	gt_period_last_month(const struct gt_calendar *, const struct gt_period *);
/* Order by last month, then first month, then type: <0, 0, >0. */
int	gt_period_cmp(const struct gt_calendar *, const struct gt_period *,
	    const struct gt_period *);
int	gt_period_eq(const struct gt_period *, const struct gt_period *);
/* Does p end by the end of as_at (September 2025 is in 2025/26 Q2)? */
int	gt_period_by(const struct gt_calendar *, const struct gt_period *p,
	    const struct gt_period *as_at);

/* The period of the same type just before p, and the same period a year earlier. */
struct gt_period gt_period_prev(const struct gt_period *);
struct gt_period gt_period_year_ago(const struct gt_period *);
/* The financial year a quarter, month or financial year belongs to. */
struct gt_period gt_period_fyear_of(const struct gt_calendar *, const struct gt_period *);
/* 1-based position of a month or quarter within its financial year (month 1..12, quarter 1..4). */
int	gt_period_index_in_year(const struct gt_calendar *, const struct gt_period *);

/* Does a period of this type fit the frequency? */
int	gt_period_fits(enum gt_freq, const struct gt_period *);
/* Parse "monthly", "quarterly", "annual", "biennial", "triennial",
   "irregular"; GT_FREQ_NONE otherwise. */
enum gt_freq gt_freq_parse(const char *);
const char *gt_freq_name(enum gt_freq);

/*
 * The latest period of type `like` that a measure of frequency f should
 * have a value for at as_at, when values arrive lag_months after the period
 * ends. `like` gives the form of year (financial, calendar, academic) for
 * yearly measures (a financial year unless it names a calendar or academic
 * year). Biennial and triennial measures are expected like annual ones, in
 * any year of their cycle; lateness by a cycle is the status rules' call.
 * Type NONE if there is none (an irregular measure), or lag_months is
 * negative.
 */
struct gt_period gt_period_expected(const struct gt_calendar *, enum gt_freq f,
	    enum gt_ptype like, const struct gt_period *as_at, int lag_months);

/* First and last day of a period; all zero for NONE. */
struct gt_date gt_period_start_date(const struct gt_calendar *, const struct gt_period *);
struct gt_date gt_period_end_date(const struct gt_calendar *, const struct gt_period *);

/* Parse YYYY-MM-DD, rejecting impossible dates; 0 or -1. */
int	gt_date_parse(const char *, struct gt_date *);
int	gt_date_cmp(const struct gt_date *, const struct gt_date *);
int	gt_date_valid(const struct gt_date *);
size_t	gt_date_format(const struct gt_date *, char *buf, size_t sz); /* YYYY-MM-DD */

#endif
