/* chart_style.c: the palette, its contrast, and the status shapes. */
#include <math.h>

#include "chart_int.h"

/*
 * Okabe-Ito bluish green, orange, vermillion and blue, moved in lightness
 * until each reaches 3:1 on white while staying apart (CIELAB distance
 * over 15) in simulated protanopia, deuteranopia and tritanopia.
 */
#define GREEN	0x00A352
#define ORANGE	0xE07000
#define RED	0xB8261C
#define BLUE	0x0072B2
#define GREY	0x767676
#define PLUM	0x5A1F66

const uint32_t gt_chart_status_colours[GT_CHART_STATUS_MAX] = {
	[GT_CHART_ON_TARGET] = GREEN,
	[GT_CHART_WITHIN_TOLERANCE] = ORANGE,
	[GT_CHART_OFF_TARGET] = RED,
	[GT_CHART_NO_TARGET] = BLUE,
	[GT_CHART_NO_DATA] = GREY,
	[GT_CHART_SUPPRESSED] = PLUM,
};

const uint32_t gt_chart_action_colours[GT_CHART_ACTION_MAX] = {
	[GT_CHART_NOT_STARTED] = GREY,
	[GT_CHART_ON_TRACK] = BLUE,
	[GT_CHART_AT_RISK] = ORANGE,
	[GT_CHART_OVERDUE] = RED,
	[GT_CHART_COMPLETE] = GREEN,
};

/* Comparators: dark enough for their direct labels (text, 4.5:1). */
#define CMP1	0x7B3F99
#define CMP2	0x8C510A
#define CMP3	0x01665E

const uint32_t gt_chart_compare_colours[GT_NCOMPARE] = { CMP1, CMP2, CMP3 };

/*
 * Risk bands, green to plum. Every entry is 3:1 on white (the gaps between
 * cells) and keeps its luminance out of 0.183-0.221, where neither ink nor
 * white text would reach 4.5:1. Lightness falls as risk rises, so up to
 * five bands stay distinct under colour-vision deficiency too.
 */
const uint32_t gt_chart_heat_ramp[GT_HEAT_RAMP] = {
	0x00A66E, 0x21A32C, 0xAD8200, 0xCC6600, 0xC24E13,
	0xBD3C1C, 0xA62C21, 0x961E1E, 0x70223C, 0x5C1C46
};

/* Named colours, not the tables': a static table's entries are not
   constants to initialise another with (GCC allows it; C and clang do not). */
const struct gt_contrast gt_chart_contrasts[] = {
	{ "text", GT_INK, GT_PAPER, 4.5 },
	{ "secondary text", GT_MUTED, GT_PAPER, 4.5 },
	{ "text in the tolerance zone", GT_INK, GT_TOL_FILL, 4.5 },
	{ "tick text in the target range", GT_MUTED, GT_RANGE_FILL, 4.5 },
	{ "axis line", GT_AXIS, GT_PAPER, 3 },
	{ "measure line and bars", GT_SERIES, GT_PAPER, 3 },
	{ "measure over tolerance zone", GT_SERIES, GT_TOL_FILL, 3 },
	{ "measure over target range", GT_SERIES, GT_RANGE_FILL, 3 },
	{ "latest value label", GT_SERIES, GT_PAPER, 4.5 },
	{ "target line", GT_TARGET, GT_PAPER, 3 },
	{ "target over tolerance zone", GT_TARGET, GT_TOL_FILL, 3 },
	{ "target range edge", GT_TARGET, GT_RANGE_FILL, 3 },
	{ "target label", GT_TARGET, GT_PAPER, 4.5 },
	{ "comparator 1 line and label", CMP1, GT_PAPER, 4.5 },
	{ "comparator 2 line and label", CMP2, GT_PAPER, 4.5 },
	{ "comparator 3 line and label", CMP3, GT_PAPER, 4.5 },
	{ "on target marker", GREEN, GT_PAPER, 3 },
	{ "within tolerance marker", ORANGE,
	    GT_PAPER, 3 },
	{ "off target marker", RED, GT_PAPER, 3 },
	{ "no target marker", BLUE, GT_PAPER, 3 },
	{ "no data marker", GREY, GT_PAPER, 3 },
	{ "suppressed marker", PLUM, GT_PAPER, 3 },
	{ "not started", GREY, GT_PAPER, 3 },
	{ "on track", BLUE, GT_PAPER, 3 },
	{ "at risk", ORANGE, GT_PAPER, 3 },
	{ "overdue", RED, GT_PAPER, 3 },
	{ "complete", GREEN, GT_PAPER, 3 },
	{ "risk id pill outline", GT_INK, GT_PAPER, 3 },
	{ "last year's line and label", GT_LAST_YEAR, GT_PAPER, 4.5 },
	{ "measure over the others' range", GT_SERIES, GT_OTHERS_FILL, 3 },
	{ "last year over the others' range", GT_LAST_YEAR, GT_OTHERS_FILL,
	    3 },
	{ "comparator 1 over the others' range", CMP1, GT_OTHERS_FILL, 3 },
	{ "comparator 2 over the others' range", CMP2, GT_OTHERS_FILL, 3 },
	{ "comparator 3 over the others' range", CMP3, GT_OTHERS_FILL, 3 },
	{ "target over the others' range", GT_TARGET, GT_OTHERS_FILL, 3 },
	{ "value label text in the others' range", GT_SERIES, GT_OTHERS_FILL,
	    4.5 },
};

const size_t gt_chart_ncontrasts =
    sizeof(gt_chart_contrasts) / sizeof(gt_chart_contrasts[0]);

static double
channel(uint32_t c, int shift)
{
	double	 v = ((c >> shift) & 0xFF) / 255.0;

	return v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4);
}

static double
luminance(uint32_t c)
{
	return 0.2126 * channel(c, 16) + 0.7152 * channel(c, 8) +
	    0.0722 * channel(c, 0);
}

double
gt_chart_contrast(uint32_t a, uint32_t b)
{
	double	 la = luminance(a), lb = luminance(b);

	return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

uint32_t
gt_chart_text_on(uint32_t fill)
{
	return gt_chart_contrast(GT_INK, fill) >=
	    gt_chart_contrast(GT_PAPER, fill) ? GT_INK : GT_PAPER;
}

uint32_t
gt_chart_band_colour(size_t i, size_t n)
{
	if (n <= 1)
		return gt_chart_heat_ramp[0];
	if (n > GT_HEAT_RAMP)
		n = GT_HEAT_RAMP;
	if (i >= n)
		i = n - 1;
	/* Round to nearest, so n = 3 takes the ends and the middle. */
	return gt_chart_heat_ramp[(i * (GT_HEAT_RAMP - 1) * 2 + (n - 1)) /
	    ((n - 1) * 2)];
}

void
gt_chart_rgb(cairo_t *cr, uint32_t c)
{
	cairo_set_source_rgb(cr, ((c >> 16) & 0xFF) / 255.0,
	    ((c >> 8) & 0xFF) / 255.0, (c & 0xFF) / 255.0);
}

enum gt_shape
gt_chart_status_shape(enum gt_chart_status s)
{
	static const enum gt_shape shapes[GT_CHART_STATUS_MAX] = {
		[GT_CHART_ON_TARGET] = GT_SHAPE_CIRCLE,
		[GT_CHART_WITHIN_TOLERANCE] = GT_SHAPE_DIAMOND,
		[GT_CHART_OFF_TARGET] = GT_SHAPE_TRIANGLE,
		[GT_CHART_NO_TARGET] = GT_SHAPE_SQUARE,
		[GT_CHART_NO_DATA] = GT_SHAPE_RING,
		[GT_CHART_SUPPRESSED] = GT_SHAPE_BOX,
	};

	return (unsigned)s < GT_CHART_STATUS_MAX ? shapes[s] : GT_SHAPE_RING;
}

enum gt_shape
gt_chart_action_shape(enum gt_chart_action a)
{
	static const enum gt_shape shapes[GT_CHART_ACTION_MAX] = {
		[GT_CHART_NOT_STARTED] = GT_SHAPE_RING,
		[GT_CHART_ON_TRACK] = GT_SHAPE_CIRCLE,
		[GT_CHART_AT_RISK] = GT_SHAPE_DIAMOND,
		[GT_CHART_OVERDUE] = GT_SHAPE_TRIANGLE,
		[GT_CHART_COMPLETE] = GT_SHAPE_TICK,
	};

	return (unsigned)a < GT_CHART_ACTION_MAX ? shapes[a] : GT_SHAPE_RING;
}

const char *
gt_chart_status_label(enum gt_chart_status s)
{
	static const char *const labels[GT_CHART_STATUS_MAX] = {
		[GT_CHART_ON_TARGET] = "On target",
		[GT_CHART_WITHIN_TOLERANCE] = "Within tolerance",
		[GT_CHART_OFF_TARGET] = "Off target",
		[GT_CHART_NO_TARGET] = "No target",
		[GT_CHART_NO_DATA] = "No data",
		[GT_CHART_SUPPRESSED] = "Suppressed",
	};

	return (unsigned)s < GT_CHART_STATUS_MAX ? labels[s] : "No data";
}

const char *
gt_chart_action_label(enum gt_chart_action a)
{
	static const char *const labels[GT_CHART_ACTION_MAX] = {
		[GT_CHART_NOT_STARTED] = "Not started",
		[GT_CHART_ON_TRACK] = "On track",
		[GT_CHART_AT_RISK] = "At risk",
		[GT_CHART_OVERDUE] = "Overdue",
		[GT_CHART_COMPLETE] = "Complete",
	};

	return (unsigned)a < GT_CHART_ACTION_MAX ? labels[a] : "Not started";
}

/* The outline of a shape of diameter d, centred on cx, cy. */
static void
shape_path(cairo_t *cr, double cx, double cy, double d, enum gt_shape s)
{
	double	 r = d / 2;

	switch (s) {
	case GT_SHAPE_DIAMOND:
		r *= 1.2;	/* same visual weight as the circle */
		cairo_move_to(cr, cx, cy - r);
		cairo_line_to(cr, cx + r, cy);
		cairo_line_to(cr, cx, cy + r);
		cairo_line_to(cr, cx - r, cy);
		cairo_close_path(cr);
		break;
	case GT_SHAPE_TRIANGLE:
		r *= 1.25;
		cairo_move_to(cr, cx, cy - r);
		cairo_line_to(cr, cx + r * 0.95, cy + r * 0.7);
		cairo_line_to(cr, cx - r * 0.95, cy + r * 0.7);
		cairo_close_path(cr);
		break;
	case GT_SHAPE_SQUARE:
	case GT_SHAPE_BOX:
		r *= 0.9;
		cairo_rectangle(cr, cx - r, cy - r, 2 * r, 2 * r);
		break;
	default:
		cairo_new_sub_path(cr);
		cairo_arc(cr, cx, cy, r, 0, 2 * M_PI);
		cairo_close_path(cr);
		break;
	}
}

void
gt_chart_marker(cairo_t *cr, double cx, double cy, double d, enum gt_shape s,
    uint32_t colour, int hollow)
{
	double	 lw = fmax(1.5, d / 6);

	if (s == GT_SHAPE_RING || s == GT_SHAPE_BOX)
		hollow = 1;
	cairo_save(cr);
	cairo_new_path(cr);
	cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER);
	shape_path(cr, cx, cy, d, s);
	gt_chart_rgb(cr, GT_PAPER);
	cairo_set_line_width(cr, lw + 3);
	gt_chart_paint(cr, GT_STROKE | GT_KEEP);
	if (hollow) {
		gt_chart_paint(cr, GT_FILL | GT_KEEP);
		gt_chart_rgb(cr, colour);
		cairo_set_line_width(cr, lw);
		gt_chart_paint(cr, GT_STROKE);
	} else {
		gt_chart_rgb(cr, colour);
		gt_chart_paint(cr, GT_FILL);
	}
	if (s == GT_SHAPE_TICK) {
		gt_chart_rgb(cr, GT_PAPER);
		cairo_set_line_width(cr, fmax(1.5, d / 7));
		cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
		cairo_move_to(cr, cx - d * 0.24, cy + d * 0.02);
		cairo_line_to(cr, cx - d * 0.06, cy + d * 0.2);
		cairo_line_to(cr, cx + d * 0.26, cy - d * 0.18);
		gt_chart_paint(cr, GT_STROKE);
	}
	cairo_restore(cr);
}
