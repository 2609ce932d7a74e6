/*
 * html_write.h: HTML written byte for byte as libxml2's HTML serializer
 * (2.9, no formatting) writes it, for the layouts' fixed parts, the
 * filled parts and inline images: escaping as xmlEncodeEntitiesReentrant
 * does, attribute values quoted as xmlBufWriteQuotedString does and
 * links %-escaped, boolean attributes without a value, void elements
 * without an end tag, end tags HTML may leave out left out where the
 * serializer leaves them out. The pages were once filled as trees and
 * saved by libxml2; they still read exactly as they did.
 *
 * Ownership: gt_html_new() returns a writer (it keeps HTML's rules for
 * each element name it meets) freed by gt_html_free(); text is appended
 * to the caller's buffers.
 */
#ifndef GT_HTML_WRITE_H
#define GT_HTML_WRITE_H

#include <libxml/HTMLparser.h>

#include "util.h"

struct gt_html;

struct gt_html		*gt_html_new(void);
void			 gt_html_free(struct gt_html *);

/* HTML's rules for an element (htmlTagLookup), or NULL if it has none. */
const htmlElemDesc	*gt_html_tag(struct gt_html *, const xmlChar *name);
/* Whether the element's text is written as it is (script, style). */
int			 gt_html_is_raw(const xmlChar *name);
/* Text (attr: of an attribute) escaped as the serializer escapes it. */
void			 gt_html_escaped(struct gt_buf *, const char *, int attr);
/* s (len bytes) quoted: "..." unless it has '"' and no '\''. */
void			 gt_html_quoted(struct gt_buf *, const char *, size_t);
/*
 * Attribute name of element el, with its space before it; value NULL for
 * one without a value; enc: the value is escaped already.
 */
void			 gt_html_attr(struct gt_buf *, const char *el,
			    const char *name, const char *value, int enc);
/*
 * After an element's content (n nodes, from offset body on): its end
 * tag, none, or (a void element) its content taken away again.
 */
void			 gt_html_end(struct gt_buf *, const xmlChar *name,
			    const htmlElemDesc *, size_t n, size_t body);
/* Element n's start tag. */
void			 gt_html_stag(struct gt_html *, struct gt_buf *,
			    xmlNodePtr n);
/* Node n (of a layout, a Markdown body, an image) and its subtree. */
void			 gt_html_node(struct gt_html *, struct gt_buf *,
			    xmlNodePtr n, int raw);
/* The nodes from n on, with their subtrees; how many there were. */
size_t			 gt_html_nodes(struct gt_html *, struct gt_buf *,
			    xmlNodePtr n, int raw);
/* A document type declaration as htmlDtdDumpOutput writes it; malloc'd. */
char			*gt_html_doctype(xmlDtdPtr);

#endif
