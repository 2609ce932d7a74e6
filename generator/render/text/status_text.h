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

/*
 * `goldthread status --since PERIOD`: what changed between the judgement
 * at PERIOD (gt_render_in's since[0]) and the site's (judge.h's changes),
 * as a table (changes.txt) or for scripts (changes.csv:
 * change,id,period,from,to,detail; from and to as names: statuses,
 * "no"/"yes" for lateness, scores; period the figure's, for measures).
 */
extern const struct gt_backend	gt_changes_table_backend;
extern const struct gt_backend	gt_changes_csv_backend;

/*
 * `goldthread packs`: each pack for scripts (packs.csv: pack,as_at,
 * since,audience,title,pdf; pdf is its path in the output folder).
 */
extern const struct gt_backend	gt_packs_csv_backend;

#endif
