/*
 * md_html.h: a Markdown body (a parsed cmark document) as HTML elements in
 * a libxml2 tree, for the site's layouts, through the walk every back-end
 * shares (md_walk.h: raw HTML dropped, links and images to safe addresses
 * only). Body headings sit under the page's own <h1>: "#" becomes <h2>,
 * and so on down to <h6>.
 */
#ifndef GT_MD_HTML_H
#define GT_MD_HTML_H

#include <cmark.h>
#include <libxml/tree.h>

/* Append doc's blocks to parent (borrowed; NULL appends nothing). */
void	gt_md_html(xmlNodePtr parent, cmark_node *doc);

#endif
