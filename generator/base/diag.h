/*
 * diag.h: every diagnostic goes through gt_msg() and the one message table.
 *
 * Messages are ordered by severity in enum gt_msgid (as in mandoc): those
 * between GT_MSG_WARNING and GT_MSG_ERROR are warnings, those after
 * GT_MSG_ERROR are errors. The worst severity seen becomes the exit status.
 * Diagnostics are collected into a set, then printed sorted by file, line
 * and column.
 */
#ifndef GT_DIAG_H
#define GT_DIAG_H

#include <stdio.h>

/* A place in an input file; file is borrowed (the model's file table owns it). */
struct gt_loc {
	const char	*file;	/* relative to the site folder */
	int		 line;	/* 1-based; 0 for the whole file */
	int		 col;	/* 1-based; 0 for the whole line */
};

enum gt_msgid {
	GT_MSG_OK = 0,

	GT_MSG_WARNING,		/* ===== start of warnings ===== */
	GT_W_UNKNOWN_FIELD,
	GT_W_UNKNOWN_COLUMN,
	GT_W_CONF_UNKNOWN,
	GT_W_PRIORITY_EMPTY,
	GT_W_OBJECTIVE_EMPTY,
	GT_W_MILESTONE_LATE,
	GT_W_CSV_EMPTY,
	GT_W_NO_BODY,
	GT_W_HIDDEN_CHAR,
	GT_W_FOLDER_LOOP,
	GT_W_NO_COMMENTARY,
	GT_W_RISK_HISTORY,
	GT_W_FRACTION,
	GT_W_COMPARATOR_SCALE,
	GT_W_SOURCE_STATUS,
	GT_W_SOURCE_DIFFERS,
	GT_W_MAP_UNUSED,
	GT_W_NOT_MD,
	GT_W_PLAN_EMPTY,
	GT_W_TEMPLATE_TAG,
	GT_W_RAW_HTML,
	GT_W_HEADING_SPACE,
	GT_W_PIPE_TABLE,
	GT_W_CHART_COMPARATOR,

	GT_MSG_ERROR,		/* ===== start of errors ===== */
	GT_E_READ,
	GT_E_LIMIT,
	GT_E_UTF8,
	GT_E_CONTROL_CHAR,
	GT_E_LINK_OUTSIDE,
	GT_E_NOT_REGULAR,
	GT_E_FM_MISSING,
	GT_E_FM_OPEN,
	GT_E_YAML,
	GT_E_FM_SHAPE,
	GT_E_FIELD_MISSING,
	GT_E_FIELD_TYPE,
	GT_E_FIELD_TWICE,
	GT_E_FIELD_CONFLICT,
	GT_E_ID_SYNTAX,
	GT_E_ID_DUP,
	GT_E_NAME_CLASH,
	GT_E_UNKNOWN_PRIORITY,
	GT_E_UNKNOWN_OBJECTIVE,
	GT_E_UNKNOWN_MEASURE,
	GT_E_UNKNOWN_ACTION,
	GT_E_CYCLE,
	GT_E_ENUM,
	GT_E_NUMBER,
	GT_E_RANGE,
	GT_E_PERIOD,
	GT_E_PERIOD_FREQ,
	GT_E_PERIOD_MIXED,
	GT_E_DATE,
	GT_E_TARGET_KEY,
	GT_E_TARGET_BAND,
	GT_E_TOLERANCE,
	GT_E_DUP_VALUE,
	GT_E_CSV_HEADER,
	GT_E_CSV_COLUMNS,
	GT_E_CSV_QUOTE,
	GT_E_CONF_SYNTAX,
	GT_E_CONF_VALUE,
	GT_E_CONF_MISSING,
	GT_E_AS_AT,
	GT_E_UNKNOWN_PACK_SCOPE,
	GT_E_NO_PLAN,
	GT_E_WRITE,
	GT_E_LAYOUT,
	GT_E_UNKNOWN_RISK,
	GT_E_MAPPING,

	GT_MSG_MAX
};

enum gt_sev {
	GT_SEV_OK = 0,
	GT_SEV_WARNING,
	GT_SEV_ERROR
};

enum gt_diag_format {
	GT_DIAG_TEXT = 0,	/* path:line:col: error: message */
	GT_DIAG_JSON,		/* one JSON array, for CI */
	GT_DIAG_GITHUB,		/* GitHub Actions workflow commands */
	GT_DIAG_GITLAB		/* GitLab's Code Quality report (JSON) */
};

/*
 * A set of diagnostics: those of a run, of a thread or of a worker
 * process. Each part of a run reports into the set it is given, and sets
 * are merged (gt_diag_merge) with exact totals: no global state.
 */
struct gt_diag;

struct gt_diag	*gt_diag_new(void);
void		 gt_diag_free(struct gt_diag *);
/* Report msg at loc (NULL for none) into d; fmt adds detail after the base text. */
void		 gt_msg(struct gt_diag *, enum gt_msgid, const struct gt_loc *,
		    const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/*
 * n more of message id in file, past the GT_MAX_DIAGS_KEPT a reader has
 * reported there: counted as gt_msg() counts those, never kept. For
 * readers that would otherwise report millions.
 */
void		 gt_msg_more(struct gt_diag *, enum gt_msgid, const char *file,
		    size_t n);
enum gt_sev	 gt_msg_severity(enum gt_msgid);
const char	*gt_msg_text(enum gt_msgid);
const char	*gt_msg_code(enum gt_msgid);
/* The worst severity reported into d, and how many of a severity. */
enum gt_sev	 gt_diag_worst(const struct gt_diag *);
size_t		 gt_diag_count(const struct gt_diag *, enum gt_sev);
/*
 * Add from's diagnostics to d, after d's own, as if reported there (what
 * from counted past its cap is counted too); from keeps only its counts.
 */
void		 gt_diag_merge(struct gt_diag *, struct gt_diag *from);
/*
 * Pass diagnostics from a worker process to its parent: export writes a
 * set as JSON; import merges what export wrote into d (0, or -1 if the
 * text is not what export wrote).
 */
void		 gt_diag_export(const struct gt_diag *, FILE *);
int		 gt_diag_import(struct gt_diag *, const char *, size_t);
/*
 * Sort and print a set, at most max entries (0: no cap). GitHub's
 * workflow commands (::error file=F,line=L,col=C,title=CODE::message) and
 * GitLab's Code Quality objects (description, check_name, fingerprint,
 * severity, location) annotate the lines in a change; both escape what
 * their syntax needs.
 * File names and details are printed with control characters, line and
 * paragraph separators, bidirectional controls and bytes that are not
 * UTF-8 escaped (\n, \x1b, \u202e): a value never starts a line of its
 * own, in text or in JSON.
 */
void		 gt_diag_print(struct gt_diag *, FILE *, enum gt_diag_format,
		    size_t max);
/* s escaped as gt_diag_print escapes a file name, in b; b's text. */
struct gt_buf;
const char	*gt_diag_escaped(struct gt_buf *, const char *s);

#endif
