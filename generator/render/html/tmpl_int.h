/*
 * tmpl_int.h: inside the layout engine (tmpl.h): a layout compiled by
 * tmpl_compile.c, filled by tmpl_fill.c. Not for other stages.
 */
#ifndef GT_TMPL_INT_H
#define GT_TMPL_INT_H

#include <libxml/HTMLparser.h>

#include "diag.h"
#include "html_write.h"
#include "tmpl.h"

/*
 * An attribute; value NULL for one written without a value. A compiled
 * element's own; a render's copies borrow them (struct wattrs).
 */
struct cattr {
	const char	*name;
	char		*value;
};

struct clist {
	struct cnode	*v;
	size_t		 n, cap;
};

/*
 * A compiled node: fixed bytes (one or more nodes of the layout) or an
 * element some data reach, at itself or below.
 */
struct cnode {
	char			*bytes;		/* non-NULL: fixed output */
	size_t			 len;
	xmlNodePtr		 el;		/* else the layout's element */
	const htmlElemDesc	*info;		/* HTML's rules for it, if known */
	int			 raw;		/* script, style: text as is */
	char			*stag;		/* no directives: its start tag */
	size_t			 stag_len;
	struct cattr		*attrs;		/* else its attributes */
	size_t			 nattrs;
	struct clist		 kids;
};

struct layout {
	char		*name;
	char		*path;
	htmlDocPtr	 doc;		/* NULL: could not be read */
	char		*doctype;	/* as written before the nodes */
	struct clist	 top;		/* the document's nodes */
	/*
	 * What an include of it takes: [1] the head's nodes, [0] the
	 * body's, [][1] for an element whose text is raw.
	 */
	struct clist	 part[2][2];
	int		 has_part[2];
};

struct gt_tmpl {
	char		*dir;
	struct layout	**v;
	size_t		 n, cap;
	gt_tmpl_svg_fn	 svg;		/* see gt_tmpl_svg_source */
	void		*svg_ctx;
	struct gt_html	*html;
	xmlDocPtr	 scratch;	/* Markdown bodies are built in it */
	struct gt_buf	 svgout;	/* an inline image's drawing */
};

/*
 * Layout name, read and compiled the first time; NULL (reported into
 * diag, at from).
 */
const struct layout	*gt_tmpl_layout(struct gt_tmpl *, const char *name,
			    const struct gt_loc *from, struct gt_diag *);

#endif
