/* csv_write.c: CSV fields (see csv_write.h). */
#include <string.h>

#include "csv_write.h"

/*
 * A figure as goldthread writes one, which no spreadsheet runs: "-3",
 * "12.50", "-£1,234", "-2.5%": an optional minus and pound sign, digits
 * (commas between them), at most one point, an optional closing "%".
 */
static int
plain_figure(const char *s)
{
	size_t	 digits = 0, points = 0;

	if (*s == '-')
		s++;
	if (strncmp(s, "\xc2\xa3", 2) == 0)
		s += 2;
	for (; *s != '\0'; s++) {
		if (*s >= '0' && *s <= '9')
			digits++;
		else if ((*s == '.' && points++ == 0) ||
		    (*s == ',' && digits > 0 && points == 0))
			continue;
		else if (*s == '%' && s[1] == '\0')
			break;
		else
			return 0;
	}
	return digits > 0;
}

static int
formula_like(const char *s)
{
	return strchr("=+-@\t\r", *s) != NULL && *s != '\0' &&
	    !plain_figure(s);
}

void
gt_csv_field(struct gt_buf *b, const char *s, int last)
{
	const char	*run;
	int		 guard = 0;

	if (s != NULL && ((guard = formula_like(s)) ||
	    strpbrk(s, ",\"\r\n") != NULL)) {
		gt_buf_addq(b, guard ? "\"'" : "\"", guard ? 2 : 1);
		for (run = s; *s != '\0'; s++)
			if (*s == '"') {
				gt_buf_addq(b, run, (size_t)(s - run + 1));
				run = s;
			}
		gt_buf_addq(b, run, (size_t)(s - run));
		gt_buf_addq(b, "\"", 1);
	} else if (s != NULL)
		gt_buf_addq(b, s, strlen(s));
	gt_buf_addq(b, last ? "\r\n" : ",", last ? 2 : 1);
}
