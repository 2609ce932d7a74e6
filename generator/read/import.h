/*
 * import.h: import mappings (internal to the read stage). A mapping is a
 * small INI file in the data folder, NAME.map beside the export NAME.csv
 * (or naming the files it reads), that says how to read an export as it
 * was downloaded: which columns hold the measure, area, period and
 * figure, which area is ours, which others are comparators, which form
 * groups whose average and ranks are wanted, and the export's codes. It
 * turns the export into the rows the plain data files give (figures,
 * comparators, targets), so nothing after reading knows the difference.
 * The README's "Bringing in your data" is its manual.
 *
 * Ownership: gt_import_parse() returns a mapping the caller frees with
 * gt_import_free() (NULL-safe), after every run through it has ended.
 * A run reads one file: rows go into its model, which owns them.
 */
#ifndef GT_IMPORT_H
#define GT_IMPORT_H

#include "read.h"

/* A field of a CSV row, as csv_read.c parses it. */
struct gt_csv_field {
	char	*text;	/* in the row's text, set when the row is whole */
	size_t	 at;	/* where it starts there */
	int	 line;	/* where the field starts */
	int	 col;
};

struct gt_import;
struct gt_import_run;

/*
 * The mapping in text, named file in messages (the model's name for it)
 * and path relative to the data folder (it reads NAME.csv unless it
 * names its files); periods it names are read under calendar cal. Never
 * NULL: a mapping with errors (reported) reads nothing, but still keeps
 * the files it names from being read as plain data files.
 */
struct gt_import *gt_import_parse(struct gt_diag *, const char *file,
		    const char *path, const struct gt_calendar *cal,
		    const char *text, size_t len);
void		 gt_import_free(struct gt_import *);
/* Does it read the data file at path (relative to the data folder)? */
int		 gt_import_reads(const struct gt_import *, const char *path);
/* Its file, for messages; whether it has errors; rows before its header. */
const char	*gt_import_file(const struct gt_import *);
int		 gt_import_broken(const struct gt_import *);
int		 gt_import_skip(const struct gt_import *);

/*
 * Reading one file (named file) through a mapping into m, reporting
 * through fn and ctx: its header row, each row after it, and the end
 * (which adds the groups' averages and figures and says what of the
 * mapping the file never used). gt_import_end frees the run.
 */
struct gt_import_run *gt_import_begin(const struct gt_import *,
		    struct gt_model *m, const char *file, gt_report_fn fn,
		    void *ctx);
void		 gt_import_header(struct gt_import_run *,
		    const struct gt_csv_field *, size_t n);
void		 gt_import_row(struct gt_import_run *,
		    const struct gt_csv_field *, size_t n, int line);
void		 gt_import_end(struct gt_import_run *);

/*
 * gt_csv_read_apart (read.h) for a file read through a mapping (NULL:
 * none, a plain data file).
 */
void		 gt_csv_read_mapped(struct gt_model *rows, const char *file,
		    const char *text, size_t len, const struct gt_import *);

/* Internal to import_map.c and import_rows.c: the mapping itself. */
enum gt_import_role {
	GT_ROLE_MEASURE, GT_ROLE_PERIOD, GT_ROLE_VALUE, GT_ROLE_AREA,
	GT_ROLE_AREA_NAME, GT_ROLE_NOTE, GT_ROLE_FLAG, GT_ROLE_STATUS,
	GT_ROLE_UNIT, GT_ROLE_POLARITY, GT_ROLE_TARGET, GT_ROLE_RESPONSE,
	GT_ROLE_MAX
};

/* One line "ours = theirs" of a table ([measures], [areas], ...). */
struct gt_import_entry {
	char		*ours;
	char		*theirs;
	struct gt_loc	 loc;
	size_t		 n;		/* its place in its table */
	double		 num;		/* [scale]: the factor */
	int		 what;		/* [status], [flags]: the value meant */
};

struct gt_import_table {
	struct gt_import_entry	**v;
	size_t			  n, cap;
	struct gt_map		  ix;	/* by theirs ([scale]: by ours) */
};

/* A [columns] line: a column for a period's figure or target, or the one before. */
enum gt_import_cell {
	GT_CELL_VALUE,		/* a figure */
	GT_CELL_TARGET,		/* a target */
	GT_CELL_PREVIOUS	/* the figure for the period before the row's */
};

struct gt_import_column {
	char			*header;
	struct gt_loc		 loc;
	enum gt_import_cell	 kind;
	char			*period;	/* as written; NULL: the row's */
};

/* A [keep] line: only rows whose column holds one of these are read. */
struct gt_import_keep {
	char			*header;
	struct gt_strlist	 values;
	struct gt_loc		 loc;
};

struct gt_import_group {
	char			*name;
	struct gt_loc		 loc;		/* its [group NAME] line */
	struct gt_strlist	 members;	/* codes or names */
	struct gt_loc		*member_locs;
	struct gt_map		 ix;		/* members: their index + 1 */
	int			 all;		/* every area but ours */
	int			 mean, median;	/* the averages wanted */
};

struct gt_import {
	const char		*file;
	char			*stem;		/* NAME of NAME.map */
	int			 broken;
	const struct gt_calendar *cal;
	char			*files;		/* a pattern; NULL: NAME.csv */
	int			 wide;
	int			 skip;
	char			*col[GT_ROLE_MAX];	/* headers */
	struct gt_loc		 col_loc[GT_ROLE_MAX];
	char			*measure_id;	/* every row's measure */
	char			*us;
	struct gt_loc		 us_loc;
	int			 named;		/* comparators: [areas] only */
	double			 scale;
	int			 ending;	/* periods name the month they end */
	struct gt_strlist	 missing, suppressed;	/* in lower case */
	struct gt_import_table	 codes, areas, scales, statuses, flags;
	struct gt_import_group	*groups;
	size_t			 ngroups;
	struct gt_import_column	*columns;
	size_t			 ncolumns;
	struct gt_import_keep	*keeps;
	size_t			 nkeeps;
	size_t			 nmembers;	/* in all groups */
};

#endif
