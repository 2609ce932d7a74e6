/*
 * tmpl.h: layouts. A layout is a plain HTML5 file that a web team can open
 * in a browser and restyle; the generator parses it with libxml2 once,
 * compiles the tree (tmpl_compile.c) and fills that (tmpl_fill.c),
 * writing every inserted text escaped (the bytes libxml2's HTML
 * serializer gave when pages were filled as trees: html_write.h). Data come as a jansson value; the vocabulary is a handful of
 * attributes, removed from the output:
 *
 *   data-text="PATH"     the element's content becomes the value as text
 *   data-md="PATH"       the content becomes a Markdown body (the value is
 *                        an index into the bodies passed to the render)
 *   data-each="PATH"     the element repeats for each item of an array;
 *                        inside, paths start at the item ("." is the item)
 *   data-if="PATH"       the element stays only if the value is truthy:
 *   data-unless="PATH"   (or only if it is not); null, false, 0, "" and
 *                        empty arrays and objects are not truthy
 *   data-attr-NAME="PATH" sets attribute NAME to the value (removed when
 *                        null or false)
 *   data-svg="PATH"      on an <svg>: its content becomes the drawing of
 *                        a chart, the value made ready by gt_svg_inline
 *                        (svg_inline.h) or a name the svg source (below)
 *                        gives it for (null: left empty), with the
 *                        chart's viewBox
 *   data-include="FILE"  the content becomes the <body> of another layout
 *                        file (a partial), itself filled in turn
 *
 * A PATH is a dotted name ("measure.latest.value"); its first name is
 * looked up in the current item, then in each enclosing one out to the
 * page's data. A name found nowhere is a layout error, reported at the
 * layout's line. Links and sources written in a layout are relative to
 * the site root (so the layouts folder works as a site of its own); they
 * are rewritten for the page's depth from the "root" value ("../").
 *
 * Ownership: gt_tmpl owns the parsed layouts and their compiled form
 * (cached by name) and is freed with gt_tmpl_free(); data and bodies are
 * borrowed for one render.
 */
#ifndef GT_TMPL_H
#define GT_TMPL_H

#include <cmark.h>
#include <jansson.h>

#include "diag.h"
#include "util.h"

struct gt_tmpl;

/* Layouts from the folder dir (path shown in messages as given). */
struct gt_tmpl	*gt_tmpl_new(const char *dir);
/*
 * Fill layout name with data and append the HTML to out; 0, or -1 with
 * the problems reported into diag (a missing layout, an unknown name).
 */
int		 gt_tmpl_render(struct gt_tmpl *, const char *name,
		    json_t *data, cmark_node *const *bodies, size_t nbodies,
		    struct gt_buf *out, struct gt_diag *);
/*
 * Where data-svg values that are names (one line; a chart made ready has
 * three) come from: fn(ctx, name) returns the chart (malloc'd; the caller
 * frees it) or NULL, a layout error. Without a source, names are errors.
 */
typedef char	*(*gt_tmpl_svg_fn)(void *, const char *);
void		 gt_tmpl_svg_source(struct gt_tmpl *, gt_tmpl_svg_fn, void *);
void		 gt_tmpl_free(struct gt_tmpl *);

#endif
