/*
 * format.h: numbers as residents read them (en-GB), for every output
 * (HTML, PDF, charts, CSV and JSON alike).
 *
 * Thousands are separated by commas, the point is always '.', whatever the
 * locale. The minus sign is ASCII '-' (U+002D), not U+2212: the same text
 * goes into CSV and JSON, where a typographic minus would not read back as
 * a number. Rounding is half away from zero on the figure as written in
 * decimal (72.85 to one place is 72.9, although the binary double is a
 * shade under), and "-0" is never written. The unit decides the form:
 *   "%"            72.8%          (and "% of budget": 1.5% of budget)
 *   "£"            £1,234         (negative: -£1,234)
 *   "count", "rate", "" or none   1,234
 *   "days"         12 days        (1 day)
 *   anything else  3.4 per 1,000 population (the unit after a space)
 * Figures that are not finite or not below 1e18 in size are written "-".
 *
 * All functions write a NUL-terminated string into the caller's buffer
 * (truncated to fit) and return it; GT_NUMBER_MAX bytes always suffice
 * for the number, plus the length of the unit.
 */
#ifndef GT_FORMAT_H
#define GT_FORMAT_H

#include <stddef.h>

#define GT_NUMBER_MAX	64	/* buffer size enough for any formatted figure */

/* Write v with the given decimals (0 to 15) and unit; returns buf. */
char	*gt_format_value(char *buf, size_t sz, double v, int decimals,
	    const char *unit);
/*
 * v rounded (gt_round) to the decimals (0 to 15) as plain digits, for
 * scripts: "-1234.50", no separators; what printf's "%.*f" writes.
 */
char	*gt_format_plain(char *buf, size_t sz, double v, int decimals);
/*
 * r, already rounded to d decimals (0 to 15), as printf's "%.*f" writes
 * it, without printf's cost.
 */
char	*gt_format_fixed(char *buf, size_t sz, double r, int d);
/* The number alone, with separators: "1,234.5". */
char	*gt_format_number(char *buf, size_t sz, double v, int decimals);
/*
 * Short form for axis ticks, where space is tight and the values are
 * round: from 10,000 up in thousands "k", millions "m" or billions "bn"
 * ("£250k", "£1.25m", "3bn"), below that in full ("£7,500", "0.25");
 * trailing zeros after the point are dropped and at most two decimals of
 * the short form are kept. Only the symbol units "%" and "£" are written;
 * any other unit belongs in the axis caption, not on every tick.
 */
char	*gt_format_compact(char *buf, size_t sz, double v, const char *unit);
/* 10^0 to 10^15, each exact. */
extern const double gt_tens[16];
/* Round half away from zero to the given decimals (0 to 15). */
double	 gt_round(double v, int decimals);

#endif
