/*
 * pdf_int.h: inside the PDF back-end. pdf_render.c typesets (text kept
 * and set line by line, headings, tables, figures, Markdown bodies, the
 * contents, pages and their furniture) and runs the back-end; pdf_pack.c
 * puts a pack together from its parts (cover, recommendations, foreword,
 * priorities, appendix) in the order its section asks; pdf_sections.c
 * typesets the other parts (summary, highlights, changes, exceptions,
 * finance, risks). Not for other stages.
 */
#ifndef GT_PDF_INT_H
#define GT_PDF_INT_H

#include <pango/pangocairo.h>

#include "chart.h"
#include "judge.h"
#include "pdf_ua.h"
#include "rows.h"

/* A4 in points; the text block leaves 20 mm at the sides. */
#define PAGE_W		595.276
#define PAGE_H		841.890
#define LEFT		56.7
#define TEXT_W		(PAGE_W - 2 * LEFT)
#define TOP		70.0
#define BOTTOM		(PAGE_H - 62.0)
#define BODY_PT		11.0	/* text people read: 11 pt or more */
#define TABLE_PT	10.0	/* table cells, chart descriptions */
#define SMALL_PT	9.0	/* page furniture */
#define GAP		7.0	/* between blocks */
#define KEEP		100.0	/* room a heading needs below it */
#define CHART_H		210.0
#define BAR_H		70.0
#define HEATMAP_H	300.0
#define PLOT_SQUEEZED	90.0	/* a plot's least, to fill a page */
#define INK		0x0B0C0C
#define MUTED		0x484949
#define BRAND		0x1D4E89

/* How gt_pdf_text sets a layout, besides its size and width. */
#define T_MARKUP	0x1	/* the text is Pango markup */
#define T_BOLD		0x2
#define T_RIGHT		0x4	/* aligned right */
#define T_ELLIPSIZE	0x8	/* cut short with an ellipsis */

struct texts;

/* A heading in the contents and the bookmarks. */
struct entry {
	int	 level;		/* 1 or 2 */
	char	*title;
	int	 page;		/* from the previous pass */
	int	 next;		/* found in this pass */
};

/* A rule under a table row, where the measuring pass put it. */
struct rule {
	int	 page;		/* the measuring pass's */
	double	 y;
	int	 head;		/* under the header row */
};

/* One pack's render. */
struct pdf {
	const struct gt_model	*m;
	const struct gt_judgement *j;		/* at the pack's period */
	const struct gt_judgement *then;	/* at the period it compares with */
	const struct gt_pack	*pack;
	const struct gt_scope	*sc;		/* what it covers */
	cairo_surface_t		*surf;
	cairo_t			*cr;
	struct texts		*t;		/* gt_pdf_text's */
	int			 pass;
	int			 draw;		/* the last pass */
	int			 page, npages;
	double			 y;
	struct entry		*toc;
	size_t			 ntoc, captoc, at;
	int			 outline[3];
	int			 hlevel;	/* the last heading's tag */
	int			 shift;		/* the drawing pass's pages ahead */
	struct rule		*rules;		/* in order */
	size_t			 nrules, caprules, rule;	/* the next drawn */
	struct gt_pdf_ua	 ua;		/* what the drawing pass drew */
	char			 as_at[GT_PERIOD_MAX];
	/* "As at 2025/26 Q2"; for residents, "Figures to the end of ..." */
	char			 when[GT_WORDS_PERIOD_MAX + 32];
	char			 date[32];
};

/* One column of a table: heading, share of the width, alignment. */
struct col {
	const char	*head;
	double		 share;
	int		 right;
};

/* pdf_render.c: typesetting. */
/* The layout of s, shaped once and kept; the caller unrefs it. */
PangoLayout	*gt_pdf_text(struct pdf *, const char *s, int flags, double pt,
		    double width);
double		 gt_pdf_height(PangoLayout *);
void		 gt_pdf_new_page(struct pdf *);
/* Start a new page unless h more points fit on this one. */
void		 gt_pdf_need(struct pdf *, double h);
void		 gt_pdf_tag_begin(struct pdf *, const char *tag,
		    const char *attrs);
void		 gt_pdf_tag_end(struct pdf *, const char *tag);
/* Set a layout at x, breaking pages between its lines; consumes it. */
void		 gt_pdf_flow(struct pdf *, PangoLayout *, double x,
		    unsigned colour);
/* A paragraph of plain text (generated, short). */
void		 gt_pdf_para(struct pdf *, const char *, double pt,
		    unsigned colour);
/*
 * A paragraph of text people wrote (a note, a progress report), of any
 * length, after a label in bold ("Commentary: ..."; NULL: none).
 */
void		 gt_pdf_labelled(struct pdf *, const char *label,
		    const char *text);
/*
 * A heading (1 to 3) into the contents and bookmarks (1 and 2). A top-
 * level one starts a new page unless the page is less than half full.
 */
void		 gt_pdf_heading(struct pdf *, int level, const char *title);
/* The same, kept with keep points of what follows (KEEP). */
void		 gt_pdf_heading_keep(struct pdf *, int level,
		    const char *title, double keep);
/* Rows never split; a new page repeats the header row. nrows x ncols. */
void		 gt_pdf_table(struct pdf *, const char *caption,
		    const struct col *, size_t ncols, char *const *cells,
		    size_t nrows);
/*
 * A chart h high with its description (if describe) and a line after it
 * (NULL: none), kept on one page.
 */
void		 gt_pdf_figure(struct pdf *, const struct gt_chart *, double h,
		    int describe, const char *after);
/* A Markdown body; a first heading repeating title is left out. */
void		 gt_pdf_body(struct pdf *, const struct gt_body *,
		    const char *title);
/*
 * A period as the pack's readers write it: the council's own form for a
 * committee ("2025/26 Q2"), words for residents ("July to September
 * 2025 (quarter 2)"). Returns buf.
 */
const char	*gt_pdf_period(const struct pdf *, const struct gt_period *,
		    char buf[GT_WORDS_PERIOD_MAX]);
/* A risk's trend in the pack's periods, or NULL if none (the caller frees). */
char		*gt_pdf_trend(const struct pdf *, const struct gt_rrow *);
/* Free a table's cells (n of them) and the array. */
void		 gt_pdf_cells_free(char **, size_t n);

/* pdf_pack.c: the pack, part by part, in its section's order. */
void		 gt_pdf_cover(struct pdf *);
void		 gt_pdf_parts(struct pdf *);
/* Tables of measures, actions and risks, with or without ids. */
void		 gt_pdf_measure_table(struct pdf *, const char *caption,
		    struct gt_measure *const *, size_t);
void		 gt_pdf_action_table(struct pdf *, const char *caption,
		    struct gt_action *const *, size_t);
void		 gt_pdf_risk_table(struct pdf *, const char *caption,
		    struct gt_risk *const *, size_t);
/* "HS05 Households in temporary accommodation", or the title alone. */
char		*gt_pdf_name(const struct pdf *, const char *id,
		    const char *title);

/* pdf_sections.c: the parts of a pack other than pdf_pack.c's. */
void		 gt_pdf_summary(struct pdf *);
void		 gt_pdf_highlights(struct pdf *);
void		 gt_pdf_changes(struct pdf *);
void		 gt_pdf_exceptions(struct pdf *);
void		 gt_pdf_finance(struct pdf *);
void		 gt_pdf_risks(struct pdf *);

#endif
