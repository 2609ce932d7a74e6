/*
 * csv_write.h: CSV as goldthread writes it, for every CSV file and stream
 * (the open data, `status --format=csv`): RFC 4180, lines ended by CRLF,
 * a field quoted when it holds a comma, a quote or a line break.
 *
 * A spreadsheet runs a cell that begins with '=', '+', '-', '@', a tab or
 * a carriage return as a formula, so a title such as "=HYPERLINK(...)"
 * could act on the reader's machine. As OWASP advises, such a cell is
 * written with a leading apostrophe (and quoted), so it reads as text;
 * a figure ("-3", "-12.50", "-£1,234", "-2.5%") is left as it is, since
 * no spreadsheet runs one and scripts need it.
 */
#ifndef GT_CSV_WRITE_H
#define GT_CSV_WRITE_H

#include "util.h"

/* Append field s (NULL: empty) and a comma, or CRLF if it is the last. */
void	gt_csv_field(struct gt_buf *, const char *s, int last);

#endif
