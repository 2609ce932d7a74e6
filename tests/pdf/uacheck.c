/*
 * uacheck.c: the failure conditions of the Matterhorn Protocol 1.1 for
 * PDF/UA-1 that software can decide and that apply to goldthread's
 * packs, checked in PDF files. Objects are read with libqpdf's C API,
 * page content with qpdf's tokenizer (render/pdf/pdf_tok.h), XMP with
 * libxml2.
 *
 *	uacheck FILE.pdf...
 *
 * Each failure is printed as "FILE: [CHECKPOINT] what" (the first few of
 * each checkpoint, then how many more); exit status 1 if any file fails,
 * 2 if one cannot be read. Checked (Matterhorn index, or the clause):
 *   01-003, 01-004, 01-005  page content is tagged (marked content with an
 *       MCID that the parent tree ties to an element of the tree) or an
 *       artifact, never one inside the other; 01-007 no /Suspects true;
 *       UA1:7.1 /MarkInfo /Marked true, a structure tree
 *   02-001, 02-003, 02-004  structure types standard or role-mapped to one
 *   06-001, 06-002, 06-003  XMP metadata with pdfuaid:part 1 and dc:title
 *   07-001, 07-002  /ViewerPreferences /DisplayDocTitle true
 *   09-004, 09-005, 09-006  tables, lists and contents nest as ISO 32000-1
 *       Tables 333, 336 and 337 say
 *   10-001 (UA1:7.21.7), UA1:7.21.4.1  every font has a ToUnicode map and
 *       an embedded program (Type 3 glyphs are in the file already)
 *   11-001, 11-006  the catalog's /Lang
 *   13-004  every Figure has /Alt; and (the issue's) a /BBox
 *   14-002, 14-003, 14-006, 14-007  headings: H1 first, no level skipped
 *   15-003  every TH has a /Scope
 *   28-002, 28-004, 28-008, 28-009, 28-011, 28-012  annotations: /Tabs /S,
 *       each link in a Link element (through its /StructParent and an
 *       OBJR) with /Contents; and no empty link: the Link element holds
 *       text or has /Alt
 *   the catalog's /PageMode /UseOutlines with bookmarks
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <qpdf/qpdf-c.h>

#include "pdf_tok.h"

#define SHOWN	5	/* failures printed per checkpoint and file */
#define TYPE_MAX	64

static const char *const standard[] = {
	"Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption",
	"TOC", "TOCI", "Index", "NonStruct", "Private", "P", "H", "H1", "H2",
	"H3", "H4", "H5", "H6", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH",
	"TD", "THead", "TBody", "TFoot", "Span", "Quote", "Note", "Reference",
	"BibEntry", "Code", "Link", "Annot", "Ruby", "RB", "RT", "RP",
	"Warichu", "WT", "WP", "Figure", "Formula", "Form"
};

/* Which kids a grouping element may have (ISO 32000-1 Tables 333-337). */
static const struct {
	const char	*parent;
	const char	*kids;		/* " A B C " */
	const char	*cp;
} nesting[] = {
	{ "Table", " TR THead TBody TFoot Caption ", "09-004" },
	{ "THead", " TR ", "09-004" },
	{ "TBody", " TR ", "09-004" },
	{ "TFoot", " TR ", "09-004" },
	{ "TR", " TH TD ", "09-004" },
	{ "L", " LI L Caption ", "09-005" },
	{ "LI", " Lbl LBody ", "09-005" },
	{ "TOC", " TOCI TOC Caption ", "09-006" },
	{ "TOCI", " Lbl Reference NonStruct P TOC ", "09-006" },
};
/* And which parent some elements need. */
static const struct {
	const char	*kid;
	const char	*parents;
	const char	*cp;
} parents[] = {
	{ "TR", " Table THead TBody TFoot ", "09-004" },
	{ "TH", " TR ", "09-004" },
	{ "TD", " TR ", "09-004" },
	{ "THead", " Table ", "09-004" },
	{ "TBody", " Table ", "09-004" },
	{ "TFoot", " Table ", "09-004" },
	{ "LI", " L ", "09-005" },
	{ "LBody", " LI ", "09-005" },
	{ "TOCI", " TOC ", "09-006" },
};

/* A marked-content sequence open in a page's content. */
struct mc {
	int	 tagged;	/* has an MCID tied to an element */
	int	 artifact;
	int	 mcid;
};

struct check {
	const char	*file;
	qpdf_data	 q;
	int		 failed;
	GHashTable	*counts;	/* checkpoint -> failures */
	GHashTable	*elems;		/* object ids of the tree's elements */
	GHashTable	*in_link;	/* annotations in a Link element */
	GHashTable	*text;		/* text_key(): shows text */
	GHashTable	*fonts;		/* fonts and resources checked */
	GHashTable	*parents;	/* StructParents key -> its value */
	GArray		*links;		/* Link elements (object ids) */
	qpdf_oh		 rolemap;
	int		 hlevel;	/* the last numbered heading's */
	int		 h, hn;		/* H and Hn met */
	/* A page's content being walked. */
	int		 page, pageno;
	qpdf_oh		 marks;		/* its parent tree array */
	struct mc	*stack;
	size_t		 depth, cap;
	size_t		 nops;
	char		 op0[TYPE_MAX];	/* the first operand, a name */
	int		 key, mcid;
};

static void	fail(struct check *, const char *, const char *, ...)
		    __attribute__((format(printf, 3, 4)));

static void
fail(struct check *c, const char *cp, const char *fmt, ...)
{
	va_list		 ap;
	int		 n = GPOINTER_TO_INT(g_hash_table_lookup(c->counts, cp));

	c->failed = 1;
	g_hash_table_replace(c->counts, g_strdup(cp), GINT_TO_POINTER(n + 1));
	if (n >= SHOWN)
		return;
	printf("%s: [%s] ", c->file, cp);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

static void
more(gpointer cp, gpointer n, gpointer c)
{
	if (GPOINTER_TO_INT(n) > SHOWN)
		printf("%s: [%s] and %d more\n", ((struct check *)c)->file,
		    (const char *)cp, GPOINTER_TO_INT(n) - SHOWN);
}

static int
in_list(const char *list, const char *word)
{
	char	 w[TYPE_MAX + 2];

	snprintf(w, sizeof(w), " %s ", word);
	return strstr(list, w) != NULL;
}

static int
is_standard(const char *t)
{
	size_t	 i;

	for (i = 0; i < sizeof(standard) / sizeof(standard[0]); i++)
		if (strcmp(t, standard[i]) == 0)
			return 1;
	return 0;
}

/* dict's key, or null if dict is not a dictionary (qpdf would warn). */
static qpdf_oh
get(qpdf_data q, qpdf_oh dict, const char *key)
{
	if (!qpdf_oh_is_dictionary(q, dict))
		return qpdf_oh_new_null(q);
	return qpdf_oh_get_key(q, dict, key);
}

static int
has(qpdf_data q, qpdf_oh dict, const char *key)
{
	return qpdf_oh_is_dictionary(q, dict) && qpdf_oh_has_key(q, dict, key);
}

/* oh's name without its "/" into buf ("" if not a name). */
static void
name_of(qpdf_data q, qpdf_oh oh, char buf[TYPE_MAX])
{
	*buf = '\0';
	if (qpdf_oh_is_name(q, oh))
		snprintf(buf, TYPE_MAX, "%s", qpdf_oh_get_name(q, oh) + 1);
}

static void
key_name(qpdf_data q, qpdf_oh dict, const char *key, char buf[TYPE_MAX])
{
	qpdf_oh	 v = get(q, dict, key);

	name_of(q, v, buf);
	qpdf_oh_release(q, v);
}

/* A text string's UTF-8 (the caller frees), or NULL if key is none. */
static char *
key_text(qpdf_data q, qpdf_oh dict, const char *key)
{
	qpdf_oh	 v = get(q, dict, key);
	char	*s = NULL;

	if (qpdf_oh_is_string(q, v))
		s = g_strdup(qpdf_oh_get_utf8_value(q, v));
	qpdf_oh_release(q, v);
	return s;
}

static int
has_text(qpdf_data q, qpdf_oh dict, const char *key)
{
	char	*s = key_text(q, dict, key);
	int	 yes = s != NULL && *g_strstrip(s) != '\0';

	g_free(s);
	return yes;
}

static qpdf_oh
as_array(qpdf_data q, qpdf_oh oh)
{
	qpdf_oh	 a;

	if (qpdf_oh_is_array(q, oh))
		return oh;
	a = qpdf_oh_wrap_in_array(q, oh);
	qpdf_oh_release(q, oh);
	return a;
}

/* A standard type for t through the role map, or 0 (reported). */
static int
resolve(struct check *c, const char *t, char out[TYPE_MAX])
{
	char	 cur[TYPE_MAX];
	int	 hops;

	snprintf(cur, sizeof(cur), "%s", t);
	for (hops = 0; hops < 32; hops++) {
		if (is_standard(cur)) {
			snprintf(out, TYPE_MAX, "%s", cur);
			return 1;
		}
		if (!qpdf_oh_is_dictionary(c->q, c->rolemap)) {
			fail(c, "02-001", "structure type %s is not standard "
			    "and there is no role map", t);
			return 0;
		}
		{
			char	 key[TYPE_MAX + 1];

			snprintf(key, sizeof(key), "/%s", cur);
			key_name(c->q, c->rolemap, key, cur);
		}
		if (*cur == '\0') {
			fail(c, "02-001", "structure type %s is not mapped to a "
			    "standard one", t);
			return 0;
		}
	}
	fail(c, "02-003", "structure type %s: the role map goes round", t);
	return 0;
}

/* Whether a /A (a dictionary or an array of them) has key for owner o. */
static int
attr(qpdf_data q, qpdf_oh el, const char *o, const char *key)
{
	qpdf_oh	 a = as_array(q, get(q, el, "/A")), d;
	char	 owner[TYPE_MAX];
	int	 i, n = qpdf_oh_get_array_n_items(q, a), yes = 0;

	for (i = 0; i < n && !yes; i++) {
		d = qpdf_oh_get_array_item(q, a, i);
		key_name(q, d, "/O", owner);
		yes = qpdf_oh_is_dictionary(q, d) && strcmp(owner, o) == 0 &&
		    has(q, d, key);
		qpdf_oh_release(q, d);
	}
	qpdf_oh_release(q, a);
	return yes;
}

static void	walk(struct check *, qpdf_oh, const char *, int);

/* The structure tree ------------------------------------------------------ */

static void
heading(struct check *c, const char *t)
{
	int	 level;

	if (strcmp(t, "H") == 0) {
		c->h = 1;
		return;
	}
	if (t[0] != 'H' || t[1] < '1' || t[1] > '6' || t[2] != '\0')
		return;
	level = t[1] - '0';
	c->hn = 1;
	if (c->hlevel == 0 && level != 1)
		fail(c, "14-002", "the first heading is %s, not H1", t);
	else if (c->hlevel > 0 && level > c->hlevel + 1)
		fail(c, "14-003", "%s follows H%d", t, c->hlevel);
	c->hlevel = level;
}

static void
element(struct check *c, qpdf_oh el, const char *type, const char *parent)
{
	qpdf_data	 q = c->q;
	size_t		 i;

	for (i = 0; i < sizeof(parents) / sizeof(parents[0]); i++)
		if (strcmp(type, parents[i].kid) == 0 &&
		    !in_list(parents[i].parents, parent))
			fail(c, parents[i].cp, "%s inside %s", type, parent);
	for (i = 0; i < sizeof(nesting) / sizeof(nesting[0]); i++)
		if (strcmp(parent, nesting[i].parent) == 0 &&
		    !in_list(nesting[i].kids, type))
			fail(c, nesting[i].cp, "%s inside %s", type, parent);
	heading(c, type);
	if (strcmp(type, "Figure") == 0) {
		if (!has_text(q, el, "/Alt") && !has_text(q, el, "/ActualText"))
			fail(c, "13-004", "a Figure without /Alt");
		if (!attr(q, el, "Layout", "/BBox"))
			fail(c, "BBox", "a Figure without a /Layout /BBox");
	} else if (strcmp(type, "TH") == 0 && !attr(q, el, "Table", "/Scope"))
		fail(c, "15-003", "a TH without /Scope");
	else if (strcmp(type, "Link") == 0) {
		int	 id = qpdf_oh_get_object_id(q, el);

		g_array_append_val(c->links, id);
	}
}

/* el's kids: elements walked, OBJRs noted, MCIDs left to the pages. */
static void
kids(struct check *c, qpdf_oh el, const char *type, int depth)
{
	qpdf_data	 q = c->q;
	qpdf_oh		 k = as_array(q, get(q, el, "/K")), kid, obj;
	char		 t[TYPE_MAX];
	int		 i, n = qpdf_oh_get_array_n_items(q, k), hs = 0;

	for (i = 0; i < n; i++) {
		kid = qpdf_oh_get_array_item(q, k, i);
		if (qpdf_oh_is_dictionary_of_type(q, kid, "/OBJR", "")) {
			obj = get(q, kid, "/Obj");
			if (strcmp(type, "Link") == 0)
				g_hash_table_add(c->in_link, GINT_TO_POINTER(
				    qpdf_oh_get_object_id(q, obj)));
			qpdf_oh_release(q, obj);
		} else if (qpdf_oh_is_dictionary(q, kid) &&
		    has(q, kid, "/S")) {
			key_name(q, kid, "/S", t);
			hs += strcmp(t, "H") == 0;
			walk(c, kid, type, depth + 1);
		}
		qpdf_oh_release(q, kid);
	}
	if (hs > 1)
		fail(c, "14-006", "a %s holds %d H elements", type, hs);
	qpdf_oh_release(q, k);
}

static void
walk(struct check *c, qpdf_oh el, const char *parent, int depth)
{
	char	 s[TYPE_MAX], type[TYPE_MAX];
	int	 id = qpdf_oh_get_object_id(c->q, el);

	if (depth > 500 || (id != 0 && g_hash_table_contains(c->elems,
	    GINT_TO_POINTER(id)))) {
		fail(c, "tree", "the structure tree loops or is too deep");
		return;
	}
	if (id != 0)
		g_hash_table_add(c->elems, GINT_TO_POINTER(id));
	key_name(c->q, el, "/S", s);
	if (!resolve(c, s, type))
		snprintf(type, sizeof(type), "%s", s);
	element(c, el, type, parent);
	kids(c, el, type, depth);
}

/* The parent tree's values by key, from its /Nums and /Kids. */
static void
number_tree(struct check *c, qpdf_oh node, int depth)
{
	qpdf_data	 q = c->q;
	qpdf_oh		 nums, kids, k, v;
	int		 i, n;

	if (depth > 32)
		return;
	nums = get(q, node, "/Nums");
	kids = get(q, node, "/Kids");
	n = qpdf_oh_is_array(q, nums) ? qpdf_oh_get_array_n_items(q, nums) : 0;
	for (i = 0; i + 1 < n; i += 2) {
		k = qpdf_oh_get_array_item(q, nums, i);
		v = qpdf_oh_get_array_item(q, nums, i + 1);
		g_hash_table_insert(c->parents, GINT_TO_POINTER(
		    qpdf_oh_get_int_value_as_int(q, k)), GUINT_TO_POINTER(v));
		qpdf_oh_release(q, k);
	}
	n = qpdf_oh_is_array(q, kids) ? qpdf_oh_get_array_n_items(q, kids) : 0;
	for (i = 0; i < n; i++) {
		k = qpdf_oh_get_array_item(q, kids, i);
		number_tree(c, k, depth + 1);
		qpdf_oh_release(q, k);
	}
	qpdf_oh_release(q, nums);
	qpdf_oh_release(q, kids);
}

/* The parent tree's value for key (0: none). */
static qpdf_oh
parent_of(struct check *c, int key)
{
	return GPOINTER_TO_UINT(g_hash_table_lookup(c->parents,
	    GINT_TO_POINTER(key)));
}

/* Whether v is an element of the tree. */
static int
in_tree(struct check *c, qpdf_oh v)
{
	return v != 0 && g_hash_table_contains(c->elems,
	    GINT_TO_POINTER(qpdf_oh_get_object_id(c->q, v)));
}

/* Page content ------------------------------------------------------------- */

static gpointer
text_key(int page, int mcid)
{
	return GSIZE_TO_POINTER((gsize)page << 24 | (gsize)mcid);
}

static void
push(struct check *c, int bdc)
{
	qpdf_data	 q = c->q;
	struct mc	*m = &c->stack[c->depth - 1];
	size_t		 i;
	qpdf_oh		 v;
	int		 inside_tag = 0, inside_art = 0;

	for (i = 0; i + 1 < c->depth; i++) {
		inside_tag |= c->stack[i].tagged;
		inside_art |= c->stack[i].artifact;
	}
	memset(m, 0, sizeof(*m));
	m->mcid = -1;
	if (strcmp(c->op0, "Artifact") == 0) {
		m->artifact = 1;
		if (inside_tag)
			fail(c, "01-003", "page %d: an artifact inside tagged "
			    "content", c->pageno);
	} else if (bdc && c->mcid >= 0) {
		m->mcid = c->mcid;
		v = qpdf_oh_is_array(q, c->marks) ? qpdf_oh_get_array_item(q,
		    c->marks, c->mcid) : 0;
		m->tagged = v != 0 && in_tree(c, v);
		if (!m->tagged)
			fail(c, "01-005", "page %d: MCID %d is tied to no "
			    "element of the tree", c->pageno, c->mcid);
		else if (inside_art)
			fail(c, "01-004", "page %d: tagged content (MCID %d) "
			    "inside an artifact", c->pageno, c->mcid);
		if (v != 0)
			qpdf_oh_release(q, v);
	}
}

static void
paint(struct check *c, const char *op, int text)
{
	size_t	 i;
	int	 mcid = -1, art = 0;

	for (i = 0; i < c->depth; i++) {
		if (c->stack[i].tagged)
			mcid = c->stack[i].mcid;
		art |= c->stack[i].artifact;
	}
	if (mcid < 0 && !art)
		fail(c, "01-005", "page %d: '%s' neither tagged nor an "
		    "artifact", c->pageno, op);
	else if (mcid >= 0 && text)
		g_hash_table_add(c->text, (text_key(c->page,
		    mcid)));
}

static int
content_tok(void *ctx, const struct gt_pdf_tok *t)
{
	static const char *const paints = " S s f F f* B B* b b* Do sh EI ";
	static const char *const texts = " Tj TJ ' \" ";
	struct check	*c = ctx;
	const char	*w = t->value;

	if (t->type != GT_TOK_WORD) {
		if (c->nops++ == 0) {
			*c->op0 = '\0';
			if (t->type == GT_TOK_NAME)
				snprintf(c->op0, sizeof(c->op0), "%s",
				    t->value + 1);
			c->mcid = -1;
		} else if (c->key && t->type == GT_TOK_INTEGER)
			c->mcid = atoi(t->value);
		c->key = t->type == GT_TOK_NAME && strcmp(t->value, "/MCID") == 0;
		return 0;
	}
	if (strcmp(w, "BDC") == 0 || strcmp(w, "BMC") == 0) {
		if (c->depth == c->cap) {
			c->cap = c->cap * 2 + 8;
			c->stack = g_renew(struct mc, c->stack, c->cap);
		}
		c->depth++;
		push(c, w[1] == 'D');
	} else if (strcmp(w, "EMC") == 0) {
		if (c->depth == 0)
			fail(c, "content", "page %d: EMC without BDC or BMC",
			    c->pageno);
		else
			c->depth--;
	} else if (in_list(texts, w))
		paint(c, w, 1);
	else if (in_list(paints, w))
		paint(c, w, 0);
	c->nops = 0;
	c->key = 0;
	return 0;
}

/* A font and, for Type 0, its descendant: program embedded, ToUnicode. */
static void
font(struct check *c, qpdf_oh f)
{
	qpdf_data	 q = c->q;
	qpdf_oh		 d, fd, desc;
	char		 sub[TYPE_MAX], base[TYPE_MAX];

	key_name(q, f, "/Subtype", sub);
	key_name(q, f, "/BaseFont", base);
	if (!has(q, f, "/ToUnicode"))
		fail(c, "10-001", "font %s (%s) has no ToUnicode map", base,
		    sub);
	if (strcmp(sub, "Type3") == 0)
		return;
	if (strcmp(sub, "Type0") == 0) {
		d = get(q, f, "/DescendantFonts");
		desc = qpdf_oh_get_array_item(q, d, 0);
		fd = get(q, desc, "/FontDescriptor");
		qpdf_oh_release(q, desc);
		qpdf_oh_release(q, d);
	} else
		fd = get(q, f, "/FontDescriptor");
	if (!has(q, fd, "/FontFile") &&
	    !has(q, fd, "/FontFile2") &&
	    !has(q, fd, "/FontFile3"))
		fail(c, "UA1:7.21.4.1", "font %s (%s) is not embedded", base,
		    sub);
	qpdf_oh_release(q, fd);
}

/* Each value of a resource dictionary's category, to fn. */
static void
each(struct check *c, qpdf_oh res, const char *cat,
    void (*fn)(struct check *, qpdf_oh))
{
	qpdf_data	 q = c->q;
	qpdf_oh		 d = get(q, res, cat), v;
	GPtrArray	*keys = g_ptr_array_new_with_free_func(g_free);
	guint		 i;
	int		 id;

	if (qpdf_oh_is_dictionary(q, d)) {
		qpdf_oh_begin_dict_key_iter(q, d);
		while (qpdf_oh_dict_more_keys(q))
			g_ptr_array_add(keys, g_strdup(qpdf_oh_dict_next_key(q)));
	}
	for (i = 0; i < keys->len; i++) {
		v = get(q, d, g_ptr_array_index(keys, i));
		/* Each object once; a direct one cannot lead round. */
		id = qpdf_oh_get_object_id(q, v);
		if (id == 0 || !g_hash_table_contains(c->fonts,
		    GINT_TO_POINTER(id))) {
			g_hash_table_add(c->fonts, GINT_TO_POINTER(id));
			fn(c, v);
		}
		qpdf_oh_release(q, v);
	}
	g_ptr_array_free(keys, TRUE);
	qpdf_oh_release(q, d);
}

static void resources(struct check *, qpdf_oh);

/* A form XObject or pattern: the resources of its own. */
static void
inner(struct check *c, qpdf_oh x)
{
	qpdf_oh	 d = qpdf_oh_is_stream(c->q, x) ? qpdf_oh_get_dict(c->q, x) :
		    qpdf_oh_new_object(c->q, x), r;

	r = get(c->q, d, "/Resources");
	resources(c, r);
	qpdf_oh_release(c->q, r);
	qpdf_oh_release(c->q, d);
}

static void
resources(struct check *c, qpdf_oh res)
{
	if (!qpdf_oh_is_dictionary(c->q, res))
		return;
	each(c, res, "/Font", font);
	each(c, res, "/XObject", inner);
	each(c, res, "/Pattern", inner);
}

/* Annotations: /Tabs, in a Link element, with /Contents. */
static void
annotations(struct check *c, qpdf_oh page)
{
	qpdf_data	 q = c->q;
	qpdf_oh		 a = get(q, page, "/Annots"), an, sp, e;
	char		 sub[TYPE_MAX], tabs[TYPE_MAX], t[TYPE_MAX];
	int		 i, n;

	n = qpdf_oh_is_array(q, a) ? qpdf_oh_get_array_n_items(q, a) : 0;
	key_name(q, page, "/Tabs", tabs);
	if (n > 0 && *tabs == '\0')
		fail(c, "28-008", "page %d has annotations and no /Tabs",
		    c->pageno);
	else if (n > 0 && strcmp(tabs, "S") != 0)
		fail(c, "28-009", "page %d: /Tabs /%s, not /S", c->pageno,
		    tabs);
	for (i = 0; i < n; i++) {
		an = qpdf_oh_get_array_item(q, a, i);
		key_name(q, an, "/Subtype", sub);
		sp = get(q, an, "/StructParent");
		e = qpdf_oh_is_integer(q, sp) ? parent_of(c, 
		    qpdf_oh_get_int_value_as_int(q, sp)) : 0;
		*t = '\0';
		if (e != 0)
			key_name(q, e, "/S", t);
		if (strcmp(sub, "Link") == 0) {
			if (!g_hash_table_contains(c->in_link, GINT_TO_POINTER(
			    qpdf_oh_get_object_id(q, an))) || !in_tree(c, e) ||
			    strcmp(t, "Link") != 0)
				fail(c, "28-011", "page %d: a link annotation "
				    "not in a Link element", c->pageno);
			if (!has_text(q, an, "/Contents"))
				fail(c, "28-012", "page %d: a link annotation "
				    "without /Contents", c->pageno);
		} else if (strcmp(sub, "Widget") != 0 &&
		    strcmp(sub, "PrinterMark") != 0) {
			if (!in_tree(c, e) || strcmp(t, "Annot") != 0)
				fail(c, "28-002", "page %d: a %s annotation "
				    "not in an Annot element", c->pageno, sub);
			if (!has_text(q, an, "/Contents") &&
			    !(e != 0 && has_text(q, e, "/Alt")))
				fail(c, "28-004", "page %d: a %s annotation "
				    "without /Contents", c->pageno, sub);
		}
		qpdf_oh_release(q, sp);
		qpdf_oh_release(q, an);
	}
	qpdf_oh_release(q, a);
}

static void
pages(struct check *c)
{
	qpdf_data	 q = c->q;
	qpdf_oh		 page, sp, res;
	unsigned char	*data;
	size_t		 len;
	int		 i, n = qpdf_get_num_pages(q);

	qpdf_push_inherited_attributes_to_page(q);
	for (i = 0; i < n; i++) {
		page = qpdf_get_page_n(q, (size_t)i);
		c->page = qpdf_oh_get_object_id(q, page);
		c->pageno = i + 1;
		annotations(c, page);
		res = get(q, page, "/Resources");
		resources(c, res);
		qpdf_oh_release(q, res);
		sp = get(q, page, "/StructParents");
		c->marks = qpdf_oh_is_integer(q, sp) ? parent_of(c,
		    qpdf_oh_get_int_value_as_int(q, sp)) : 0;
		qpdf_oh_release(q, sp);
		c->depth = c->nops = 0;
		data = NULL;
		if (qpdf_oh_get_page_content_data(q, page, &data, &len) &
		    QPDF_ERRORS)
			fail(c, "content", "page %d: content cannot be read",
			    c->pageno);
		else if (gt_pdf_tokens(data, len, content_tok, c) != 0)
			fail(c, "content", "page %d: content is not PDF",
			    c->pageno);
		else if (c->depth != 0)
			fail(c, "content", "page %d: marked content left open",
			    c->pageno);
		free(data);
		qpdf_oh_release(q, page);
	}
}

/* Every Link element holds text, or says it in /Alt. */
static void
link_text(struct check *c)
{
	qpdf_data	 q = c->q;
	qpdf_oh		 el, k, kid, pg, mc;
	guint		 i;
	int		 j, n, page, text;

	for (i = 0; i < c->links->len; i++) {
		el = qpdf_get_object_by_id(q, g_array_index(c->links, int, i),
		    0);
		text = has_text(q, el, "/Alt");
		pg = get(q, el, "/Pg");
		k = as_array(q, get(q, el, "/K"));
		n = qpdf_oh_get_array_n_items(q, k);
		for (j = 0; j < n && !text; j++) {
			kid = qpdf_oh_get_array_item(q, k, j);
			page = qpdf_oh_get_object_id(q, pg);
			if (qpdf_oh_is_integer(q, kid))
				text = g_hash_table_contains(c->text,
				    (text_key(page,
				    qpdf_oh_get_int_value_as_int(q, kid))));
			else if (qpdf_oh_is_dictionary_of_type(q, kid, "/MCR",
			    "")) {
				mc = get(q, kid, "/Pg");
				if (qpdf_oh_is_dictionary(q, mc))
					page = qpdf_oh_get_object_id(q, mc);
				qpdf_oh_release(q, mc);
				mc = get(q, kid, "/MCID");
				text = g_hash_table_contains(c->text,
				    (text_key(page,
				    qpdf_oh_get_int_value_as_int(q, mc))));
				qpdf_oh_release(q, mc);
			}
			qpdf_oh_release(q, kid);
		}
		if (!text)
			fail(c, "link text", "a Link element with no text and "
			    "no /Alt");
		qpdf_oh_release(q, k);
		qpdf_oh_release(q, pg);
		qpdf_oh_release(q, el);
	}
}

/* The metadata --------------------------------------------------------------- */

/* Whether an element or attribute of namespace ns named name says want
   (NULL: anything but white space) somewhere under n. */
static int
xmp_has(xmlNode *n, const char *ns, const char *name, const char *want)
{
	xmlAttr	*a;
	xmlChar	*s;
	int	 yes = 0;

	for (; n != NULL && !yes; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (n->ns != NULL && strcmp((const char *)n->ns->href, ns) == 0 &&
		    strcmp((const char *)n->name, name) == 0) {
			s = xmlNodeGetContent(n);
			yes = s != NULL && (want != NULL ? strcmp(g_strstrip(
			    (char *)s), want) == 0 : *g_strstrip((char *)s) != 0);
			xmlFree(s);
		}
		for (a = n->properties; a != NULL && !yes; a = a->next)
			if (a->ns != NULL && strcmp((const char *)a->ns->href,
			    ns) == 0 && strcmp((const char *)a->name, name) == 0) {
				s = xmlNodeGetContent((xmlNode *)a);
				yes = s != NULL && (want == NULL ||
				    strcmp((char *)s, want) == 0);
				xmlFree(s);
			}
		yes = yes || xmp_has(n->children, ns, name, want);
	}
	return yes;
}

static void
metadata(struct check *c, qpdf_oh root)
{
	qpdf_data	 q = c->q;
	qpdf_oh		 m = get(q, root, "/Metadata"), d;
	unsigned char	*data = NULL;
	size_t		 len = 0;
	QPDF_BOOL	 filtered;
	char		 sub[TYPE_MAX] = "";
	xmlDoc		*doc = NULL;
	xmlNode		*top;

	if (qpdf_oh_is_stream(q, m)) {
		d = qpdf_oh_get_dict(q, m);
		key_name(q, d, "/Subtype", sub);
		qpdf_oh_release(q, d);
	}
	if (strcmp(sub, "XML") != 0 || (qpdf_oh_get_stream_data(q, m,
	    qpdf_dl_all, &filtered, &data, &len) & QPDF_ERRORS) ||
	    (doc = xmlReadMemory((const char *)data, (int)len, "xmp", NULL,
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING)) ==
	    NULL) {
		fail(c, "06-001", "no XMP metadata stream in the catalog");
		goto out;
	}
	top = xmlDocGetRootElement(doc);
	if (!xmp_has(top, "http://www.aiim.org/pdfua/ns/id/", "part", "1"))
		fail(c, "06-002", "no PDF/UA identifier (pdfuaid:part 1) in "
		    "the XMP metadata");
	if (!xmp_has(top, "http://purl.org/dc/elements/1.1/", "title", NULL))
		fail(c, "06-003", "no dc:title in the XMP metadata");
out:
	xmlFreeDoc(doc);
	free(data);
	qpdf_oh_release(q, m);
}

/* The catalog ----------------------------------------------------------------- */

static void
catalog(struct check *c, qpdf_oh root)
{
	qpdf_data	 q = c->q;
	qpdf_oh		 vp, v, mi;
	char		 mode[TYPE_MAX];

	if (!has_text(q, root, "/Lang"))
		fail(c, "11-001", "no /Lang in the catalog");
	vp = get(q, root, "/ViewerPreferences");
	v = get(q, vp, "/DisplayDocTitle");
	if (!qpdf_oh_is_bool(q, v))
		fail(c, "07-001", "no /DisplayDocTitle in /ViewerPreferences");
	else if (!qpdf_oh_get_bool_value(q, v))
		fail(c, "07-002", "/DisplayDocTitle is false");
	qpdf_oh_release(q, v);
	qpdf_oh_release(q, vp);
	mi = get(q, root, "/MarkInfo");
	v = get(q, mi, "/Marked");
	if (!qpdf_oh_is_bool(q, v) || !qpdf_oh_get_bool_value(q, v))
		fail(c, "UA1:7.1", "/MarkInfo /Marked is not true");
	qpdf_oh_release(q, v);
	v = get(q, mi, "/Suspects");
	if (qpdf_oh_is_bool(q, v) && qpdf_oh_get_bool_value(q, v))
		fail(c, "01-007", "/MarkInfo /Suspects is true");
	qpdf_oh_release(q, v);
	qpdf_oh_release(q, mi);
	key_name(q, root, "/PageMode", mode);
	if (has(q, root, "/Outlines") &&
	    strcmp(mode, "UseOutlines") != 0)
		fail(c, "PageMode", "bookmarks, but /PageMode is not "
		    "/UseOutlines");
	metadata(c, root);
}

static int
check(const char *file)
{
	struct check	 c;
	qpdf_oh		 root, tree, pt;
	int		 rc;

	memset(&c, 0, sizeof(c));
	c.file = file;
	c.q = qpdf_init();
	qpdf_silence_errors(c.q);
	qpdf_set_suppress_warnings(c.q, QPDF_TRUE);
	if (qpdf_read(c.q, file, NULL) & QPDF_ERRORS) {
		printf("%s: cannot be read: %s\n", file,
		    qpdf_get_error_full_text(c.q, qpdf_get_error(c.q)));
		qpdf_cleanup(&c.q);
		return 2;
	}
	c.counts = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	c.elems = g_hash_table_new(NULL, NULL);
	c.in_link = g_hash_table_new(NULL, NULL);
	c.text = g_hash_table_new(NULL, NULL);
	c.fonts = g_hash_table_new(NULL, NULL);
	c.parents = g_hash_table_new(NULL, NULL);
	c.links = g_array_new(FALSE, FALSE, sizeof(int));
	root = qpdf_get_root(c.q);
	catalog(&c, root);
	tree = get(c.q, root, "/StructTreeRoot");
	if (!qpdf_oh_is_dictionary(c.q, tree))
		fail(&c, "UA1:7.1", "no structure tree");
	else {
		c.rolemap = get(c.q, tree, "/RoleMap");
		if (qpdf_oh_is_dictionary(c.q, c.rolemap)) {
			size_t	 i;
			char	 key[TYPE_MAX + 1];

			for (i = 0; i < sizeof(standard) / sizeof(*standard);
			    i++) {
				snprintf(key, sizeof(key), "/%s", standard[i]);
				if (has(c.q, c.rolemap, key))
					fail(&c, "02-004", "the role map maps "
					    "the standard type %s",
					    standard[i]);
			}
		}
		kids(&c, tree, "StructTreeRoot", 0);
		if (c.h && c.hn)
			fail(&c, "14-007", "both H and H1-H6 are used");
		pt = get(c.q, tree, "/ParentTree");
		number_tree(&c, pt, 0);
	}
	pages(&c);
	link_text(&c);
	if (qpdf_has_error(c.q))
		fail(&c, "qpdf", "%s", qpdf_get_error_full_text(c.q,
		    qpdf_get_error(c.q)));
	g_hash_table_foreach(c.counts, more, &c);
	rc = c.failed;
	g_hash_table_destroy(c.counts);
	g_hash_table_destroy(c.elems);
	g_hash_table_destroy(c.in_link);
	g_hash_table_destroy(c.text);
	g_hash_table_destroy(c.fonts);
	g_hash_table_destroy(c.parents);
	g_array_free(c.links, TRUE);
	g_free(c.stack);
	qpdf_cleanup(&c.q);
	return rc;
}

int
main(int argc, char *argv[])
{
	int	 i, rc = 0, r;

	if (argc < 2) {
		fprintf(stderr, "usage: uacheck FILE.pdf...\n");
		return 2;
	}
	for (i = 1; i < argc; i++)
		if ((r = check(argv[i])) > rc)
			rc = r;
	return rc;
}
