/*
 * status_text.h: the status back-ends (render.h's shape), one job each,
 * judged at the site's period: status.txt, each measure's latest period,
 * figure, target, status, direction and lateness as a table for a
 * terminal (a long unit is written once, after the target, so the table
 * fits), and status.csv, the same for scripts (plain figures, names, the
 * explanation; csv_write.h): `goldthread status` writes either to its
 * standard output.
 */
#ifndef GT_STATUS_TEXT_H
#define GT_STATUS_TEXT_H

#include "render.h"

extern const struct gt_backend	gt_status_table_backend;
extern const struct gt_backend	gt_status_csv_backend;

#endif
