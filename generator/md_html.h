/*
 * md_html.h: a Markdown body (a parsed cmark document) as HTML elements in
 * a libxml2 tree, for the site's layouts. Raw HTML in the Markdown is
 * dropped, never passed through, and links keep only safe schemes (http,
 * https, mailto, tel, or relative). Body headings sit under the page's
 * own <h1>: "#" becomes <h2>, and so on down to <h6>.
 */
#ifndef GT_MD_HTML_H
#define GT_MD_HTML_H

#include <cmark.h>
#include <libxml/tree.h>

/* Append doc's blocks to parent (borrowed; NULL appends nothing). */
void	gt_md_html(xmlNodePtr parent, cmark_node *doc);
/* 1 if the URL may be linked from a public page. */
int	gt_md_safe_url(const char *);

#endif
