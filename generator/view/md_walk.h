/*
 * md_walk.h: the one walk of a Markdown body (a parsed cmark document)
 * for every back-end: the site's HTML, the PDF packs, any later one. The
 * walk applies the rules every output shares, once:
 *
 * - Links keep only safe addresses (gt_url_safe): a link to any other
 *   keeps its words and loses the link. A link with no words is left out
 *   (it would be an empty, unnamed link).
 * - Images keep a safe address only; their description is given as alt
 *   text, never walked as text of its own.
 * - Raw HTML, inline or as a block, is dropped.
 * - Containers nested deeper than GT_MAX_DEPTH are not entered: their
 *   text is kept, flattened into the last container entered.
 *
 * A back-end sees enter and leave events for containers (blocks, emphasis,
 * links) and one enter event for leaves (text, code, breaks, rules, code
 * blocks, images), in document order. Node fields are borrowed from the
 * document for the length of the call.
 */
#ifndef GT_MD_WALK_H
#define GT_MD_WALK_H

#include <cmark.h>

enum gt_md_type {
	GT_MD_PARAGRAPH,	/* container; tight in a tight list's item */
	GT_MD_HEADING,		/* container; level 1-6 as written */
	GT_MD_QUOTE,		/* container */
	GT_MD_LIST,		/* container; ordered, start, tight */
	GT_MD_ITEM,		/* container; tight from its list */
	GT_MD_EMPH,		/* container */
	GT_MD_STRONG,		/* container */
	GT_MD_LINK,		/* container; url (safe), title or NULL */
	GT_MD_TEXT,		/* leaf; text */
	GT_MD_CODE,		/* leaf; text */
	GT_MD_CODE_BLOCK,	/* leaf; text */
	GT_MD_SOFTBREAK,	/* leaf */
	GT_MD_LINEBREAK,	/* leaf */
	GT_MD_RULE,		/* leaf */
	GT_MD_IMAGE		/* leaf; url (safe) or NULL, text the alt */
};

struct gt_md_node {
	enum gt_md_type	 type;
	const char	*text;
	const char	*url;
	const char	*title;
	int		 level;
	int		 ordered, start, tight;
};

struct gt_md_ops {
	void	(*enter)(void *, const struct gt_md_node *);
	void	(*leave)(void *, const struct gt_md_node *);
};

/* Walk doc (NULL: nothing), calling ops with ctx. */
void	gt_md_walk(cmark_node *doc, const struct gt_md_ops *, void *ctx);

/*
 * doc as plain text, for data: blocks apart by a blank line (a line in
 * tight lists), list items as "- " or "1. ", a link's address in brackets
 * after its words, images by their alt text. Malloc'd; NULL for NULL.
 */
char	*gt_md_text(cmark_node *doc);

/*
 * Whether an address may be published as a link, in a page or a PDF:
 * http, https and mailto (any case), or a relative path. Not an empty
 * address, one with control characters or spaces, nor one that a
 * browser reads as another host ("//host/x", "/\host", "\\host").
 */
int	gt_url_safe(const char *);

#endif
