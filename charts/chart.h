/*
 * chart.h: goldthread's charts, drawn once against a cairo_t so the same
 * code makes PNG (1x, 2x), SVG and vector PDF pages.
 *
 * Charts: a measure's trend (line or bars), a sparkline for tables, a
 * status summary bar, a 5x5 risk heat map and an action progress bar. Each
 * has a draw function, a plain-English description (the text alternative)
 * and goes through gt_chart_render() to the bytes of a file.
 *
 * Ownership: the caller owns all input (structs, arrays, strings) and must
 * keep it alive during the call only; nothing is kept. Outputs (descriptions,
 * rendered bytes) are malloc'd and the caller frees them with free().
 * Text in and out is UTF-8. Draw functions leave the cairo_t's state as
 * they found it (they save and restore).
 *
 * Fonts: all text is DejaVu Sans from the Debian package fonts-dejavu-core,
 * loaded into a private fontconfig configuration that holds only its
 * DejaVuSans.ttf and DejaVuSans-Bold.ttf, with hinting off and grey
 * antialiasing, so the system's other fonts and settings never change the
 * output: the same input gives byte-identical PNG, SVG and PDF on machines
 * with the same packages. Not thread-safe: draw from one thread.
 *
 * Sizes are in CSS pixels at 1x (PDF: 1 px = 1 pt). No text is smaller than
 * 12 px. Status is never shown by colour alone: every status has a shape
 * (gt_chart_status_shape) and a label; all colours meet WCAG 2.2 contrast
 * (3:1 for graphics against what they sit on, 4.5:1 for text).
 *
 * Numbers are formatted by format.h (en-GB, "72.8%", "£1,234", "12 days").
 *
 * Y axis rule (trend charts): the axis covers the values, targets,
 * tolerance edges and comparators. It starts at zero unless every value
 * lies on one side of zero and the smallest magnitude is more than half
 * the largest (the data would fill under half the height of a zero-based
 * axis); then it starts at a round value below the data, and the axis
 * shows a break mark at its foot and the key says "Axis starts at 60%, not
 * zero". Bars always start at zero (a bar's length is its value).
 *
 * The axis never goes below zero for figures that are not below zero: a
 * tolerance zone under a target near zero is cut at zero, so a count never
 * shows a negative tick (nor above zero for figures all below it).
 *
 * Line or bars: with GT_CHART_AUTO a measure reported annually or less often
 * (periods_per_year <= 1) with at most 12 periods is drawn as bars, when the
 * y axis rule above would start the axis at zero anyway (so bars never hide
 * a narrow range); anything else is a line.
 *
 * Year to date: a cumulative monthly or quarterly measure (year_to_date,
 * with in_year on its points) is drawn a line per year on one axis of the
 * year's periods ("Apr" to "Mar"), this year against last year, never
 * joined across a year end, with this year's target path; earlier years
 * are left to the table.
 *
 * Comparators: up to GT_NAMED named ones are reference lines, drawn and
 * labelled; with GT_NCOMPARE or fewer in all every one is a line; the rest
 * are shown together as a grey range (lowest to highest; the middle half
 * with 8 or more) and the description gives our rank among them. A
 * comparator on another scale from ours (gt_chart_other_scale) is not
 * drawn on our axis: the key and the description name it.
 *
 * Markers: on the latest figure, on figures judged against a target, on
 * provisional or estimated figures and on a figure with no neighbour;
 * a line with a marker on every point reads as dashed.
 *
 * Labels (the latest figure, bars' values) take the first of several spots
 * around their point that touches no line, marker, target or other label.
 *
 * Layout: the title (up to four lines), a subtitle, the unit above the
 * axis, the plot, the x labels, the key below (or beside, on a wide and
 * short chart, when every item fits whole in a fifth of the width) and
 * the source footer, kept whole.
 */
#ifndef GT_CHART_H
#define GT_CHART_H

#include <stddef.h>
#include <cairo.h>
#include <pango/pangocairo.h>

/* Measure status of one period (the order the status bar stacks them). */
enum gt_chart_status {
	GT_CHART_ON_TARGET = 0,		/* filled circle */
	GT_CHART_WITHIN_TOLERANCE,	/* filled diamond */
	GT_CHART_OFF_TARGET,		/* filled triangle */
	GT_CHART_NO_TARGET,		/* filled square */
	GT_CHART_NO_DATA,		/* hollow circle */
	GT_CHART_SUPPRESSED,		/* hollow square */
	GT_CHART_STATUS_MAX
};

/* Action status (progress bar). */
enum gt_chart_action {
	GT_CHART_NOT_STARTED = 0,	/* hollow circle */
	GT_CHART_ON_TRACK,		/* filled circle */
	GT_CHART_AT_RISK,		/* filled diamond */
	GT_CHART_OVERDUE,		/* filled triangle */
	GT_CHART_COMPLETE,		/* circle with a tick */
	GT_CHART_ACTION_MAX
};

enum gt_chart_polarity {
	GT_CHART_HIGHER = 0,	/* higher is better; target is lo */
	GT_CHART_LOWER,		/* lower is better; target is hi */
	GT_CHART_BAND,		/* the target is the range lo..hi */
	GT_CHART_NEITHER	/* for information: no target, no status */
};

enum gt_chart_kind {
	GT_CHART_VALUE = 0,	/* a figure */
	GT_CHART_MISSING,	/* not (yet) available: a gap in the line */
	GT_CHART_WITHHELD,	/* suppressed: known but never shown */
	GT_CHART_AHEAD		/* not reached yet: only its target, the
				   rest of a year-to-date measure's year */
};

enum gt_chart_flag {
	GT_CHART_FINAL = 0,	/* includes revised figures */
	GT_CHART_PROVISIONAL,	/* hollow marker, dashed line to it */
	GT_CHART_ESTIMATED	/* likewise */
};

enum gt_chart_form {
	GT_CHART_AUTO = 0,	/* the rule above */
	GT_CHART_LINE,
	GT_CHART_BARS
};

/* The target for one period. */
struct gt_chart_target {
	int	 set;		/* 0: no target for this period */
	double	 lo, hi;	/* equal unless the polarity is GT_CHART_BAND */
	double	 slack;		/* how far past the target still counts as
				   within tolerance, in units; 0: none */
};

/* One period of a measure, in time order, one per period with none skipped. */
struct gt_chart_point {
	const char		*period;	/* "2024/25 Q2": required */
	const char		*year;		/* the year a month or quarter
						   is in, "2024/25": the axis
						   label when crowded; NULL:
						   none */
	enum gt_chart_kind	 kind;
	double			 value;		/* GT_CHART_VALUE only */
	enum gt_chart_flag	 flag;
	struct gt_chart_target	 target;
	enum gt_chart_status	 status;
	const char		*said;		/* in the description, "July
						   to September 2024 (quarter
						   2)"; NULL: period */
	int			 in_year;	/* its place in its year, 1 to
						   periods_per_year (months,
						   quarters); 0: none */
};

/* Another series for comparison (England average, nearest neighbours). */
struct gt_chart_comparator {
	const char	*name;		/* "England" */
	const double	*values;	/* parallel to the points; NAN: none */
	int		 named;		/* a reference line (see above) */
};

#define GT_NAMED	2	/* named comparators drawn as lines */

/* A measure's trend; also the input of the sparkline. */
struct gt_chart_trend {
	const char			 *title;	/* drawn on top if not NULL */
	const char			 *unit;		/* as format.h */
	int				  decimals;
	enum gt_chart_polarity		  polarity;
	int				  periods_per_year; /* 12, 4, 1; 0
							       if less often */
	enum gt_chart_form		  form;
	const struct gt_chart_point	 *points;
	size_t				  npoints;
	const struct gt_chart_comparator *comparators;
	size_t				  ncomparators;
	const char			 *subtitle;	/* under the title
							   (what is measured,
							   when the title is a
							   message); NULL: none */
	const char			 *source;	/* the footer: "Source:
							   ...; Organisation;
							   figures to September
							   2025"; NULL: none */
	int				  year_to_date;	/* see above */
	const char *const		 *slot_names;	/* periods_per_year
							   names of a year's
							   periods in order,
							   "Apr" ... "Mar", "Q1"
							   ... "Q4": the year
							   axis and quarter
							   labels; NULL: none */
};

/* Counts by status under a priority or objective. */
struct gt_chart_statusbar {
	const char	*title;		/* drawn on top if not NULL */
	size_t		 counts[GT_CHART_STATUS_MAX];
};

/* A risk rating band: scores lo..hi (likelihood x impact, inclusive). */
struct gt_chart_band {
	const char	*name;		/* "High" */
	int		 lo, hi;
};

struct gt_chart_risk {
	const char	*id;		/* drawn in the cells */
	const char	*title;		/* for the description; may be NULL */
	int		 likelihood, impact;		/* 1-5 */
	int		 target_likelihood, target_impact; /* 1-5; 0: none */
};

/*
 * Bands in rising order of score; cells take the band's colour from a fixed
 * ramp (lowest green to highest red); a cell in no band stays white.
 */
struct gt_chart_heatmap {
	const char			*title;
	const struct gt_chart_band	*bands;
	size_t				 nbands;	/* at most 10 */
	const struct gt_chart_risk	*risks;
	size_t				 nrisks;
};

struct gt_chart_progress {
	const char		*title;		/* drawn on top if not NULL */
	size_t			 done, total;	/* milestones */
	enum gt_chart_action	 status;
};

/* Draw into the rectangle x, y, w, h of cr (user units). */
void	gt_chart_draw_trend(cairo_t *, double x, double y, double w,
	    double h, const struct gt_chart_trend *);
/* No axes or text: the line, the target and the latest point's marker. */
void	gt_chart_draw_spark(cairo_t *, double x, double y, double w,
	    double h, const struct gt_chart_trend *);
void	gt_chart_draw_statusbar(cairo_t *, double x, double y, double w,
	    double h, const struct gt_chart_statusbar *);
void	gt_chart_draw_heatmap(cairo_t *, double x, double y, double w,
	    double h, const struct gt_chart_heatmap *);
void	gt_chart_draw_progress(cairo_t *, double x, double y, double w,
	    double h, const struct gt_chart_progress *);

/*
 * Whether a comparator's figures are on another scale from ours (a
 * national count beside a council's): the medians of the two series'
 * nonzero magnitudes (NAN skipped) are GT_OTHER_SCALE times apart or more.
 * The trend chart does not draw such a comparator on our axis; a check
 * can warn of it with the same rule.
 */
#define GT_OTHER_SCALE	20.0
int	gt_chart_other_scale(const double *ours, size_t nours,
	    const double *theirs, size_t ntheirs);

/* Plain-English text alternatives; malloc'd, the caller frees. */
char	*gt_chart_describe_trend(const struct gt_chart_trend *);
char	*gt_chart_describe_spark(const struct gt_chart_trend *);
char	*gt_chart_describe_statusbar(const struct gt_chart_statusbar *);
char	*gt_chart_describe_heatmap(const struct gt_chart_heatmap *);
char	*gt_chart_describe_progress(const struct gt_chart_progress *);

/* Any one chart, for the output functions. */
enum gt_chart_type {
	GT_CHART_TREND = 0,
	GT_CHART_SPARK,
	GT_CHART_STATUSBAR,
	GT_CHART_HEATMAP,
	GT_CHART_PROGRESS
};

struct gt_chart {
	enum gt_chart_type	 type;
	union {
		const struct gt_chart_trend	*trend;	/* TREND, SPARK */
		const struct gt_chart_statusbar	*statusbar;
		const struct gt_chart_heatmap	*heatmap;
		const struct gt_chart_progress	*progress;
	} u;
};

void	 gt_chart_draw(cairo_t *, double x, double y, double w, double h,
	    const struct gt_chart *);
char	*gt_chart_describe(const struct gt_chart *);

/*
 * The height to draw a chart at width w, given h: more than h where a
 * trend chart's key, title and footer would leave its plot shorter than
 * GT_PLOT_MIN, or a heat map's cells too small for two rows of risks'
 * boxes (a pack sizes its figures so; gt_chart_output's grow asks
 * gt_chart_render to); h otherwise.
 */
#define GT_PLOT_MIN	110.0
double	gt_chart_height(const struct gt_chart *, double w, double h);

enum gt_chart_format {
	GT_CHART_PNG = 0,
	GT_CHART_SVG,
	GT_CHART_PDF
};

struct gt_chart_output {
	enum gt_chart_format	 format;
	double			 width, height;	/* px at 1x; PDF points */
	double			 scale;		/* PNG pixels per px: 1, 2;
						   0 means 1 */
	const char		*date;		/* PDF creation and change
						   date, ISO 8601 ("2025-04-01"
						   or "2025-04-01T09:00:00Z");
						   NULL: Cairo writes the
						   time of rendering, so the
						   bytes differ run to run */
	int			 grow;		/* height is the least: taller
						   where the chart needs it
						   (gt_chart_height), worked
						   out only when drawn */
};

/*
 * Render a whole chart on a white page (a PDF tagged, for pdf_ua.h: a
 * Document of one Figure, the page's size); returns the file's bytes
 * (malloc'd; the caller frees) and their count in *len, or NULL if the
 * fonts cannot be loaded or Cairo fails. SVG element ids depend only on
 * the chart, not on what else the process has drawn.
 */
unsigned char	*gt_chart_render(const struct gt_chart *,
		    const struct gt_chart_output *, size_t *len);
/* A cairo_write_func_t that appends to the struct gt_buf in closure. */
cairo_status_t	 gt_chart_to_buf(void *closure, const unsigned char *,
		    unsigned int);

/*
 * The chart's key for caching: gt_hash_hex (util.h) of every input that
 * decides its file. The drawing code and fonts are not in it:
 * a cache must be keyed on the program too (cache.h does).
 */
void		 gt_chart_key(const struct gt_chart *,
		    const struct gt_chart_output *, char hex[65]);

/*
 * A Pango context for cr on the pinned fonts (DejaVu Sans, Bold, Oblique,
 * Bold Oblique (fonts-dejavu-extra) and Sans
 * Mono), for every back-end that sets text; NULL if the fonts cannot be
 * loaded. The caller unrefs it.
 */
PangoContext	*gt_chart_pango(cairo_t *);
/*
 * A context of the caller's own, with gt_chart_pango's fonts and options,
 * to be set for a surface with gt_chart_pango_set(); the caller unrefs it.
 * Its layouts are not disturbed by the charts'.
 */
PangoContext	*gt_chart_pango_new(void);
/*
 * What a context was last set for, kept by its owner (zeroed at first,
 * released with gt_chart_pango_seen_free). Pango 1.50 shapes every layout
 * of a context again after each pango_cairo_update_context(), even one
 * that changes nothing: gt_chart_pango_set() calls it only when cr's
 * surface font options or transformation differ from those seen last.
 */
struct gt_pango_seen {
	cairo_font_options_t	*options;
	double			 xx, yx, xy, yy;
};
void		 gt_chart_pango_set(cairo_t *, PangoContext *,
		    struct gt_pango_seen *);
void		 gt_chart_pango_seen_free(struct gt_pango_seen *);

/*
 * Release the private font configuration (for leak checkers at exit); the
 * next drawing loads it again.
 */
void		 gt_chart_cleanup(void);

#endif
