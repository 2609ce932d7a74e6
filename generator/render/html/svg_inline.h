/*
 * svg_inline.h: a chart's SVG image made ready to go inside a page, once,
 * when it is drawn, so that a page only copies it. The charts' SVG
 * (chart_svg.c) uses a small part of XML: elements, attributes in quotes
 * and text, the five entities, no ids (so nothing to prefix when many
 * share a page). Its drawing is written as HTML's serializer writes the
 * content of an <svg> element (html_write.h); the layout's own <svg>
 * element keeps its attributes and takes the image's viewBox.
 *
 * The result is a text of three parts: the viewBox (empty if none) and a
 * line end, the number of the drawing's top-level nodes (which decides
 * how the <svg> element ends) and a line end, then the drawing.
 */
#ifndef GT_SVG_INLINE_H
#define GT_SVG_INLINE_H

#include "html_write.h"

/* Append svg ready to inline to out; 0, or -1 if it is not such an image. */
int	gt_svg_inline(struct gt_html *, const char *svg, struct gt_buf *out);

/*
 * The parts of what gt_svg_inline wrote: 0 with *viewbox (malloc'd, or
 * NULL), *kids and *body (in s), or -1 if s is not such a text.
 */
int	gt_svg_parts(const char *s, char **viewbox, size_t *kids,
	    const char **body);

#endif
