/*
 * svg_ref.h: for the unit tests and the fuzz harness, what gt_svg_inline
 * must write, found the slow way: libxml2 reads the image into a tree,
 * namespaces are dropped (HTML knows SVG by name) and html_write.c writes
 * the root's content. NULL where libxml2 cannot read it as an <svg>.
 */
#ifndef GT_SVG_REF_H
#define GT_SVG_REF_H

#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "html_write.h"

static void
svg_ref_strip(xmlNodePtr n)
{
	xmlNodePtr	 c;
	xmlAttrPtr	 a;

	for (c = n->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			svg_ref_strip(c);
	n->ns = NULL;
	for (a = n->properties; a != NULL; a = a->next)
		a->ns = NULL;
}

/* The image as gt_svg_inline writes it (see svg_inline.h); malloc'd. */
static char *
svg_ref(struct gt_html *h, const char *svg)
{
	xmlDocPtr	 doc = xmlReadMemory(svg, (int)strlen(svg), NULL,
			    "UTF-8", XML_PARSE_NONET | XML_PARSE_NOERROR |
			    XML_PARSE_NOWARNING);
	xmlNodePtr	 root = doc != NULL ? xmlDocGetRootElement(doc) : NULL;
	xmlNodePtr	 c;
	xmlChar		*vb;
	struct gt_buf	 body = { 0 }, out = { 0 };
	size_t		 k;

	if (root == NULL || xmlStrcmp(root->name, (const xmlChar *)"svg")) {
		xmlFreeDoc(doc);
		return NULL;
	}
	for (c = root->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			svg_ref_strip(c);
	k = gt_html_nodes(h, &body, root->children, 0);
	vb = xmlGetProp(root, (const xmlChar *)"viewBox");
	gt_buf_printf(&out, "%s\n%zu\n%s", vb != NULL ? (const char *)vb : "",
	    k, body.data != NULL ? body.data : "");
	xmlFree(vb);
	gt_buf_free(&body);
	xmlFreeDoc(doc);
	return gt_buf_steal(&out);
}

#endif
