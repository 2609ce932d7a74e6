/*
 * chart_int.h: what the chart sources share (not part of the public API;
 * the tests use it too).
 */
#ifndef GT_CHART_INT_H
#define GT_CHART_INT_H

#include <stdint.h>
#include <pango/pangocairo.h>

#include "chart.h"
#include "util.h"

/*
 * Colours, 0xRRGGBB. Graphics meet 3:1 and text 4.5:1 against what they
 * sit on; gt_chart_contrasts lists every pairing the charts draw and the
 * tests check each. Status hues follow Okabe-Ito, adjusted for contrast
 * and kept apart under protanopia, deuteranopia and tritanopia.
 */
#define GT_PAPER	0xFFFFFF
#define GT_INK		0x1A1A1A	/* text */
#define GT_MUTED	0x595959	/* secondary text: ticks, notes */
#define GT_AXIS		0x767676	/* axis lines, outlines */
#define GT_GRID		0xE3E3E3	/* gridlines: decoration, exempt */
#define GT_SERIES	0x1D4E89	/* the measure's own line or bars */
#define GT_TARGET	0x4D4D4D	/* target steps and their label */
#define GT_TOL_FILL	0xFBE3C7	/* tolerance zone: keyed, also in text */
#define GT_RANGE_FILL	0xD3EEDD	/* band target range: edges drawn too */
#define GT_OTHERS_FILL	0xDCDCDC	/* other comparators' range: keyed,
					   also in text */
#define GT_LAST_YEAR	0x55779F	/* last year's line and label (year to
					   date): lighter than the measure's */
#define GT_NCOMPARE	3
#define GT_HEAT_RAMP	10

extern const uint32_t	gt_chart_status_colours[GT_CHART_STATUS_MAX];
extern const uint32_t	gt_chart_action_colours[GT_CHART_ACTION_MAX];
extern const uint32_t	gt_chart_compare_colours[GT_NCOMPARE];
extern const uint32_t	gt_chart_heat_ramp[GT_HEAT_RAMP];

/* One foreground drawn on one background, and the ratio it needs. */
struct gt_contrast {
	const char	*use;
	uint32_t	 fg, bg;
	double		 min;
};
extern const struct gt_contrast	gt_chart_contrasts[];
extern const size_t		gt_chart_ncontrasts;

/* WCAG 2.2 contrast ratio of two colours (1 to 21). */
double		 gt_chart_contrast(uint32_t, uint32_t);
/* Ink or white, whichever reads better on fill. */
uint32_t	 gt_chart_text_on(uint32_t fill);
/* The heat map colour of band i of n (ramp indices spread evenly). */
uint32_t	 gt_chart_band_colour(size_t i, size_t n);
void		 gt_chart_rgb(cairo_t *, uint32_t);

/* Marker shapes, so that no status depends on colour alone. */
enum gt_shape {
	GT_SHAPE_CIRCLE = 0,
	GT_SHAPE_DIAMOND,
	GT_SHAPE_TRIANGLE,
	GT_SHAPE_SQUARE,
	GT_SHAPE_RING,		/* hollow circle */
	GT_SHAPE_BOX,		/* hollow square */
	GT_SHAPE_TICK		/* circle with a tick */
};

enum gt_shape	 gt_chart_status_shape(enum gt_chart_status);
enum gt_shape	 gt_chart_action_shape(enum gt_chart_action);
const char	*gt_chart_status_label(enum gt_chart_status);
const char	*gt_chart_action_label(enum gt_chart_action);
/*
 * A marker of diameter d centred on cx, cy: filled in colour, or, if
 * hollow, white with a colour outline (provisional figures). A white
 * rim keeps it clear of the lines it sits on.
 */
void		 gt_chart_marker(cairo_t *, double cx, double cy, double d,
		    enum gt_shape, uint32_t colour, int hollow);

/* Text (chart_font.c). Sizes are px; none is below GT_TEXT_MIN. */
#define GT_TEXT_MIN	12.0
#define GT_TEXT_TITLE	15.0
#define GT_TEXT_GAP	8.0	/* least space between two labels */

/*
 * A layout of text at size px, bold or not, wrapped to width (<= 0: one
 * line) in at most lines lines, the last ellipsized; unref when done. On
 * gt_chart_pango's context it may be shared with other charts: read it,
 * never change it.
 */
PangoLayout	*gt_chart_text(PangoContext *, const char *, double px,
		    int bold, double width, int lines);
/* The layout's logical size in user units. */
void		 gt_chart_text_size(PangoLayout *, double *w, double *h);
/* The width of text on one line, at size px. */
double		 gt_chart_text_width(PangoContext *, const char *, double px,
		    int bold);
/*
 * Draw a layout with its anchor at x, y: ax and ay are 0 (left, top),
 * 0.5 (centre) or 1 (right, bottom) of its box. A halo, if set, is a
 * white outline that keeps it legible over lines.
 */
void		 gt_chart_show(cairo_t *, PangoLayout *, double x, double y,
		    double ax, double ay, uint32_t colour, int halo);
/* A message centred in the box (no data to draw). */
void		 gt_chart_message(cairo_t *, PangoContext *, double x,
		    double y, double w, double h, const char *);
/* The height a heat map needs at width w for cells of two rows of boxes. */
double		 gt_chart_heatmap_height(const struct gt_chart_heatmap *,
		    double w);

/*
 * SVG (chart_svg.c). An SVG chart's cairo_t carries a struct gt_svg under
 * gt_svg_key, and its drawing goes there instead of to its surface: the
 * charts fill and stroke through gt_chart_paint(), which is cairo's
 * own call on any other cairo_t.
 */
struct gt_svg {
	struct gt_buf	 body;	/* the document so far, shapes in order */
	struct gt_buf	 text;	/* <text> elements, drawn over the shapes */
	/* The last path painted with its path kept: where in body. */
	int		 kept_op;	/* 'f' fill, 's' stroke or 0: none */
	size_t		 kept_at, kept_len, kept_cut;
};
extern const cairo_user_data_key_t gt_svg_key;
/*
 * SVG's miter limit, which gt_chart_draw sets on every surface (Cairo's
 * own is 10), so an SVG chart inlined without its root's attributes
 * still joins lines as its PNG and PDF do.
 */
#define GT_MITER_LIMIT	4
/* The cairo_t's struct gt_svg (borrowed), or NULL. */
struct gt_svg	*gt_svg_of(cairo_t *);
/* Start a w x h document (white paper) in s; free with gt_svg_free. */
void		 gt_svg_begin(struct gt_svg *, double w, double h);
/* Finish the document: the caller owns and frees what is returned. */
char		*gt_svg_end(struct gt_svg *, size_t *len);
void		 gt_svg_free(struct gt_svg *);
/* Append v with at most two decimals and no trailing zeros. */
void		 gt_svg_num(struct gt_buf *, double);
/* Fill or stroke the current path, and keep it (cairo_fill_preserve). */
enum {
	GT_FILL = 1,
	GT_STROKE = 2,
	GT_KEEP = 4
};
void		 gt_chart_paint(cairo_t *, int how);

/* Boxes placed so far, for skipping labels that would overlap. */
struct gt_box {
	double	 x0, y0, x1, y1;
};

struct gt_boxes {
	struct gt_box	*v;
	size_t		 n, cap;
};

/* Whether b overlaps any of the boxes (with a gap between). */
int		 gt_boxes_hit(const struct gt_boxes *, struct gt_box b,
		    double gap);
/* 1 and keep it if b overlaps none of the boxes (with a gap), else 0. */
int		 gt_boxes_claim(struct gt_boxes *, struct gt_box b, double gap);
void		 gt_boxes_add(struct gt_boxes *, struct gt_box b);
void		 gt_boxes_free(struct gt_boxes *);

/* Line segments drawn (x0, y0, x1, y1), for labels to keep clear of. */
struct gt_segs {
	double	(*v)[4];
	size_t	 n, cap;
};

void		 gt_segs_add(struct gt_segs *, double x0, double y0,
		    double x1, double y1);
/* Whether a segment passes within pad of the box. */
int		 gt_segs_hit(const struct gt_segs *, struct gt_box b,
		    double pad);
void		 gt_segs_free(struct gt_segs *);

/* Axes (chart_axis.c). */

/* Ticks first, first + step, ... : n of them, step 1, 2 or 5 x 10^k. */
struct gt_ticks {
	double	 first, step;
	int	 n;
	int	 decimals;	/* enough to tell the ticks apart */
};

/*
 * Nice ticks covering lo..hi (lo < hi) with at most max (>= 2) ticks: the
 * smallest 1-2-5 step that covers the range in max ticks or fewer.
 */
void		 gt_chart_ticks(double lo, double hi, int max,
		    struct gt_ticks *);
double		 gt_tick_value(const struct gt_ticks *, int i);
/* A tick label: "60%", "£250k", "1,500". */
void		 gt_chart_tick_label(char *, size_t, double v,
		    const struct gt_ticks *, const char *unit);

/* The y axis after the rule in chart.h. */
struct gt_yaxis {
	double		 lo, hi;	/* the axis range */
	struct gt_ticks	 ticks;
	int		 broken;	/* does not start at zero */
};

/*
 * Choose the axis for data from dlo to dhi (dlo <= dhi) with at most max
 * ticks, a step of at least min_step (a figure's precision: a count's
 * ticks are whole numbers); bars force a zero baseline.
 */
void		 gt_chart_yaxis(double dlo, double dhi, int max, int bars,
		    double min_step, struct gt_yaxis *);
/*
 * The unit written on ticks ("%", "£") or NULL; the caption above the
 * axis otherwise ("Number" for a count, "days", "% of budget"), so that
 * every value axis with a unit shows it.
 */
const char	*gt_chart_tick_unit(const char *unit);
const char	*gt_chart_unit_caption(const char *unit);

/*
 * The x labels of a trend's points from first on, in slots of width slot:
 * which points are labelled and with what, the first choice that fits:
 * every period; each year (at its first period, and the first point's
 * year if it fits) with its quarters or some of its periods between
 * ("Jul", "Q3", from slot_names); each year; every 2, 5, 10... years.
 * Writes labels[i - first] (borrowed) or NULL; ticks[i - first] is set
 * where a tick marks a year or a label.
 */
void		 gt_chart_xlabels(PangoContext *,
		    const struct gt_chart_trend *, size_t first, double slot,
		    const char **labels, char *ticks);

/* Comparators (chart_compare.c): what each is drawn as (chart.h). */
enum gt_role {
	GT_ROLE_NONE = 0,	/* no figure among the points drawn */
	GT_ROLE_LINE,		/* a line of its own, labelled */
	GT_ROLE_RANGE,		/* one of the others, in the grey range */
	GT_ROLE_APART		/* on another scale: named, not drawn */
};

struct gt_roles {
	enum gt_role	*role;		/* per comparator */
	size_t		*style;		/* a line's style, 0 to GT_NCOMPARE - 1 */
	size_t		 nline, nrange, napart;
	int		 quartiles;	/* the range is the middle half */
	double		*scratch;	/* ncomparators figures */
};

void		 gt_chart_roles(const struct gt_chart_trend *,
		    struct gt_roles *);
void		 gt_roles_free(struct gt_roles *);
/*
 * The others' range at point i (lowest to highest, or the quartiles):
 * how many figures it is made of; *lo and *hi set if any.
 */
size_t		 gt_chart_range_at(const struct gt_chart_trend *,
		    struct gt_roles *, size_t i, double *lo, double *hi);

/* Trends (chart_trend.c), shared with the sparkline and descriptions. */

/* Index of the latest point with a figure, or -1. */
long		 gt_chart_latest(const struct gt_chart_trend *);
int		 gt_chart_has_value(const struct gt_chart_trend *, size_t);
/*
 * Which points are drawn. A year-to-date trend drawn by year (returns
 * 1): from the start of last year (*first), this year from *this_year.
 * Otherwise (returns 0) every point: both 0.
 */
int		 gt_chart_by_year(const struct gt_chart_trend *,
		    size_t *first, size_t *this_year);
/*
 * The range of the figures and targets drawn, and with extras the
 * tolerance zones (cut at zero when no figure crosses it) and the
 * comparators drawn too, into *lo and *hi; returns how many values it
 * saw (0: none, and *lo, *hi untouched).
 */
size_t		 gt_chart_trend_range(const struct gt_chart_trend *,
		    int extras, double *lo, double *hi);
/* Bars rather than a line (the rule in chart.h). */
int		 gt_chart_use_bars(const struct gt_chart_trend *);

/*
 * A trend chart being laid out and drawn (chart_trend.c, its key in
 * chart_legend.c, its labels in chart_place.c).
 */
struct gt_frame {
	cairo_t				*cr;
	PangoContext			*pc;
	const struct gt_chart_trend	*t;
	struct gt_roles			 roles;
	double				 x, y, w, h;	/* the chart */
	double				 px, py, pw, ph;	/* the plot */
	double				 slot;
	size_t				 nslots;
	size_t				 first;		/* first point drawn */
	size_t				 this_year;	/* by year: its first */
	long				 latest;	/* gt_chart_latest */
	struct gt_yaxis			 ax;
	int				 bars, dense, by_year;
	struct gt_boxes			 boxes;		/* text placed */
	struct gt_boxes			 values;	/* of which value labels */
	struct gt_boxes			 marks;		/* markers drawn */
	struct gt_segs			 lines;		/* lines drawn */
};

#define GT_MARK		9.0	/* marker diameter */

/* The target's edge that the measure aims at (higher: lo; lower: hi). */
double		 gt_target_line(const struct gt_chart_trend *,
		    const struct gt_chart_target *);
/* Where point i and value v are drawn. */
double		 gt_frame_x(const struct gt_frame *, size_t i);
double		 gt_frame_y(const struct gt_frame *, double v);
/* Whether point i has a marker (the rule in chart.h). */
int		 gt_trend_marker(const struct gt_frame *, size_t i);
/* A point's status, NO_DATA if out of range. */
enum gt_chart_status gt_chart_status_of(const struct gt_chart_point *);
/* Point i's year ("2024/25"), or dflt. */
const char	*gt_trend_year(const struct gt_chart_trend *, size_t i,
		    const char *dflt);
/* Comparators drawn (chart_compare.c): the others' range, then lines. */
void		 gt_draw_others(struct gt_frame *);
void		 gt_draw_comparators(struct gt_frame *);

/* The key (chart_legend.c): laid out below the plot or beside it. */
struct gt_key_item;
struct gt_key {
	struct gt_key_item	*v;
	size_t			 n, cap;
	double			 w, h;		/* the space it takes; beside,
						   w is its widest item's */
	double			 row;
	int			 beside;	/* a column at the right */
};

void		 gt_key_build(struct gt_frame *, struct gt_key *);
/* Lay it out in rows across w, or (beside) in a column of width w. */
void		 gt_key_place(struct gt_frame *, struct gt_key *, double w,
		    int beside);
void		 gt_key_draw(struct gt_frame *, const struct gt_key *,
		    double x, double y);
void		 gt_key_free(struct gt_key *);
/* A comparator line's colour and dash (chart_legend.c). */
uint32_t	 gt_compare_colour(size_t style);
void		 gt_chart_dash(cairo_t *, int dash);
void		 gt_chart_break_mark(cairo_t *, double x, double y);

/*
 * Labels (chart_place.c). Put l near cx, cy at the first spot of several
 * (the preferred side, the other, right, left, the corners, then further
 * out) that is inside x0..x1 and the plot and touches no text, marker or
 * line; failing that one that touches lines only, then markers too, never
 * other text. With one_side, only the preferred side (a bar's label).
 * Returns 1 and claims the box if drawn.
 */
int		 gt_place_label(struct gt_frame *, PangoLayout *, double cx,
		    double cy, int above, int one_side, double x0, double x1,
		    uint32_t colour);

/* Labels at the right of the plot: the target, lines, last year. */
struct gt_side {
	char		*text;
	uint32_t	 colour;
	double		 want, y, h, w;
	PangoLayout	*l;
};

struct gt_sides {
	struct gt_side	*v;
	size_t		 n;
};

/* Make them, wrapped to width; draw them beside the plot, spread. */
void		 gt_sides_make(struct gt_frame *, struct gt_sides *,
		    double width);
void		 gt_sides_draw(struct gt_frame *, struct gt_sides *);
void		 gt_sides_free(struct gt_sides *);
/* The x labels and ticks (chart_axis.c), by year the year's periods. */
void		 gt_draw_xlabels(struct gt_frame *);

/*
 * What a trend chart placed, for tests: the frame's boxes and segments
 * handed over (free with gt_trend_probe_free).
 */
struct gt_trend_probe {
	struct gt_boxes		 text, values, marks;
	struct gt_segs		 lines;
	struct gt_yaxis		 ax;
	double			 px, py, pw, ph;
	int			 key_beside;
	int			 footer;	/* the source line was drawn */
};

void		 gt_chart_trend_probe(cairo_t *, double x, double y,
		    double w, double h, const struct gt_chart_trend *,
		    struct gt_trend_probe *);
void		 gt_trend_probe_free(struct gt_trend_probe *);

/* PNG (chart_render.c). */

/*
 * How gt_chart_png() compresses: zlib level 0-9, libpng filter mask
 * (PNG_FILTER_NONE ... PNG_ALL_FILTERS; 0 means libpng's default) and
 * zlib strategy (Z_DEFAULT_STRATEGY, Z_FILTERED, Z_RLE...; -1 means
 * libpng's default). GT_PNG_DEFAULT is what the charts use; the bench
 * compares the others.
 */
struct gt_png_opts {
	int	 level;
	int	 filters;
	int	 strategy;
};
extern const struct gt_png_opts	gt_png_default;

/*
 * Append an image surface (RGB24, or ARGB32 unpremultiplied to RGBA) to
 * out as a PNG with only IHDR, IDAT and IEND chunks: no time, no text,
 * so the bytes depend only on the pixels. 0, or -1 (out may then hold a
 * partial file).
 */
int		 gt_chart_png(cairo_surface_t *, const struct gt_png_opts *,
		    struct gt_buf *out);

#endif
