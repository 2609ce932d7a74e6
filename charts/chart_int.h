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

/* 1 and keep it if b overlaps none of the boxes (with a gap), else 0. */
int		 gt_boxes_claim(struct gt_boxes *, struct gt_box b, double gap);
void		 gt_boxes_free(struct gt_boxes *);

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
 * ticks; bars force a zero baseline.
 */
void		 gt_chart_yaxis(double dlo, double dhi, int max, int bars,
		    struct gt_yaxis *);
/* The unit written on ticks ("%", "£") or NULL; the caption otherwise. */
const char	*gt_chart_tick_unit(const char *unit);
const char	*gt_chart_unit_caption(const char *unit);

/*
 * The x labels of n evenly spaced slots of width slot: which points are
 * labelled and with what (a point's period, or its year when periods
 * crowd; every 1, 2, 5, 10... of them as room allows). Writes labels[i]
 * (borrowed from the points) or NULL.
 */
void		 gt_chart_xlabels(PangoContext *,
		    const struct gt_chart_point *, size_t n, double slot,
		    const char **labels);

/* Trends (chart_trend.c), shared with the sparkline and descriptions. */

/* Index of the latest point with a figure, or -1. */
long		 gt_chart_latest(const struct gt_chart_trend *);
/*
 * The range of the figures and targets, and with extras the tolerance
 * zones and comparators too, into *lo and *hi; returns how many values
 * it saw (0: none, and *lo, *hi untouched).
 */
size_t		 gt_chart_trend_range(const struct gt_chart_trend *,
		    int extras, double *lo, double *hi);
/* Bars rather than a line (the rule in chart.h). */
int		 gt_chart_use_bars(const struct gt_chart_trend *);

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
