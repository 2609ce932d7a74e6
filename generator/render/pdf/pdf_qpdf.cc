/*
 * pdf_qpdf.cc: what goldthread does with libqpdf's C++ API: the tokens of
 * a content stream (pdf_tok.h) and the PDF/UA post-processing (pdf_ua.h).
 *
 * goldthread's one C++ file, for two reasons. libqpdf's C API (qpdf-c.h)
 * cannot read a content stream's tokens, and a tokenizer written by hand
 * is what this avoids. And the C API reaches each object through a table
 * of handles, at about a microsecond a call: walking a pack's structure
 * tree (thousands of elements) through it cost more than typesetting the
 * pack. C callers see C functions only.
 */
#define POINTERHOLDER_TRANSITION 4	/* qpdf 11: no PointerHolder */
#include <qpdf/Buffer.hh>
#include <qpdf/BufferInputSource.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFTokenizer.hh>
#include <qpdf/QPDFWriter.hh>

#include <libxml/entities.h>
#include <libxml/globals.h>
#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <map>
#include <memory>
#include <new>
#include <string>
#include <vector>

#include "pdf_tok.h"
#include "pdf_ua.h"

/* util.h's, which C++ does not read without warnings (-Wshadow). */
extern "C" void	gt_oom(void) __attribute__((noreturn));

typedef QPDFObjectHandle	oh;

/* Tokens ------------------------------------------------------------------- */

/* The token's type, or -1 for the end, 1 for a token that is not PDF. */
static int
tok_type(QPDFTokenizer::token_type_e t, enum gt_pdf_tok_type *out)
{
	switch (t) {
	case QPDFTokenizer::tt_eof:
		return -1;
	case QPDFTokenizer::tt_name:
		*out = GT_TOK_NAME;
		break;
	case QPDFTokenizer::tt_word:
		*out = GT_TOK_WORD;
		break;
	case QPDFTokenizer::tt_bool:
		*out = GT_TOK_BOOL;
		break;
	case QPDFTokenizer::tt_null:
		*out = GT_TOK_NULL;
		break;
	case QPDFTokenizer::tt_integer:
		*out = GT_TOK_INTEGER;
		break;
	case QPDFTokenizer::tt_real:
		*out = GT_TOK_REAL;
		break;
	case QPDFTokenizer::tt_string:
		*out = GT_TOK_STRING;
		break;
	case QPDFTokenizer::tt_dict_open:
		*out = GT_TOK_DICT_OPEN;
		break;
	case QPDFTokenizer::tt_dict_close:
		*out = GT_TOK_DICT_CLOSE;
		break;
	case QPDFTokenizer::tt_array_open:
		*out = GT_TOK_ARRAY_OPEN;
		break;
	case QPDFTokenizer::tt_array_close:
		*out = GT_TOK_ARRAY_CLOSE;
		break;
	case QPDFTokenizer::tt_inline_image:
		*out = GT_TOK_INLINE_IMAGE;
		break;
	case QPDFTokenizer::tt_brace_open:
	case QPDFTokenizer::tt_brace_close:
		*out = GT_TOK_OTHER;
		break;
	default:
		return 1;
	}
	return 0;
}

extern "C" int
gt_pdf_tokens(const unsigned char *s, size_t n,
    int (*fn)(void *, const struct gt_pdf_tok *), void *ctx)
{
	struct gt_pdf_tok	 g;
	int			 rc;

	try {
		/* Read in place: the Buffer borrows s and never writes. */
		Buffer		 buf(const_cast<unsigned char *>(s), n);
		auto		 in = std::make_shared<BufferInputSource>(
				    "content stream", &buf);
		QPDFTokenizer	 t;

		t.allowEOF();
		for (;;) {
			QPDFTokenizer::Token k = t.readToken(in,
			    "content stream", true);

			if ((rc = tok_type(k.getType(), &g.type)) != 0)
				return rc < 0 ? 0 : -1;
			g.off = (size_t)in->getLastOffset();
			g.len = k.getRawValue().size();
			g.value = k.getValue().c_str();
			g.vlen = k.getValue().size();
			if ((rc = fn(ctx, &g)) != 0)
				return rc;
			if (k.isWord("ID"))
				t.expectInlineImage(in);
		}
	} catch (std::bad_alloc &) {
		gt_oom();
	} catch (std::exception &) {
		return -1;
	}
}

/* The post-processing -------------------------------------------------------- */

/* An artifact's marked content: its page (object number) and MCID. */
struct mark {
	int			 page, mcid;
	enum gt_pdf_artifact	 kind;

	bool
	operator<(const mark &o) const
	{
		return page != o.page ? page < o.page : mcid < o.mcid;
	}
};

/* One run of gt_pdf_ua_apply(). */
struct ua {
	QPDF			 q;
	const struct gt_pdf_ua	*in;
	size_t			 fig, link, art;	/* met in the tree */
	std::vector<mark>	 marks;
	std::map<int, oh>	 parents;	/* the parent tree's values */
	oh			 column, row;	/* a TH's /A, one for all */
	const oh		*scope;		/* of the TH in the row walked */
	std::string		 why;		/* what went wrong, if not qpdf */
};

/* An element's /S ("/P"), or "" if oh is not a structure element. */
static std::string
elem_type(oh el)
{
	oh	 s;

	if (!el.isDictionary() || !(s = el.getKey("/S")).isName())
		return "";
	return s.getName();
}

static bool
is_artifact(const std::string &type)
{
	return type == "/" GT_PDF_ARTIFACT;
}

/* oh, or an array holding it: for what may be either. */
static oh
as_array(oh v)
{
	return v.isArray() ? v : v.wrapInArray();
}

static void	visit(struct ua *, oh, const std::string &);

/*
 * Note where an artifact's element has its content (an MCID on its /Pg, or
 * an MCR with a page of its own), with the kind the next one was drawn as.
 */
static void
artifact(struct ua *u, oh el)
{
	oh	 k = as_array(el.getKey("/K")), kid;
	int	 i, n = k.getArrayNItems(), page = el.getKey("/Pg").getObjectID();
	mark	 m;

	if (u->art++ >= u->in->narts)
		return;
	m.kind = u->in->arts[u->art - 1];
	for (i = 0; i < n; i++) {
		kid = k.getArrayItem(i);
		m.page = page;
		if (kid.isDictionary()) {
			if (kid.hasKey("/Pg"))
				m.page = kid.getKey("/Pg").getObjectID();
			m.mcid = kid.getKey("/MCID").getIntValueAsInt();
		} else
			m.mcid = kid.getIntValueAsInt();
		u->marks.push_back(m);
	}
}

/*
 * Walk el's kids in order (its /K: one kid or an array of them), taking
 * the elements of artifacts out.
 */
static void
kids(struct ua *u, oh el)
{
	oh		 k = el.getKey("/K"), kid;
	std::string	 type;
	int		 i, n;

	if (!k.isArray()) {
		type = elem_type(k);
		if (is_artifact(type)) {
			artifact(u, k);
			el.removeKey("/K");
		} else if (!type.empty())
			visit(u, k, type);
		return;
	}
	n = k.getArrayNItems();
	for (i = 0; i < n; i++) {
		kid = k.getArrayItem(i);
		type = elem_type(kid);
		if (is_artifact(type)) {
			artifact(u, kid);
			k.eraseItem(i--);
			n--;
		} else if (!type.empty())
			visit(u, kid, type);
	}
}

static void
figure(struct ua *u, oh el)
{
	const struct gt_pdf_figure	*f;
	char				 a[160];

	if (u->fig++ >= u->in->nfigs)
		return;
	f = &u->in->figs[u->fig - 1];
	el.replaceKey("/Alt", oh::newUnicodeString(f->alt));
	snprintf(a, sizeof(a), "<< /O /Layout /Placement /Block "
	    "/BBox [%.2f %.2f %.2f %.2f] >>", f->box[0], f->box[1], f->box[2],
	    f->box[3]);
	el.replaceKey("/A", oh::parse(a));
}

/* A row of header cells only heads columns; a header cell beside data
   cells heads its row. */
static const oh *
row_scope(struct ua *u, oh tr)
{
	oh	 k = as_array(tr.getKey("/K"));
	int	 i, n = k.getArrayNItems();

	for (i = 0; i < n; i++)
		if (elem_type(k.getArrayItem(i)) == "/TD")
			return &u->row;
	return &u->column;
}

/* A Link's annotations (the /Obj of its OBJR kids) get its words. */
static void
link(struct ua *u, oh el)
{
	const struct gt_pdf_link	*l;
	oh				 k = as_array(el.getKey("/K")), kid;
	int				 i, n = k.getArrayNItems();

	if (u->link++ >= u->in->nlinks)
		return;
	l = &u->in->links[u->link - 1];
	for (i = 0; i < n; i++) {
		kid = k.getArrayItem(i);
		if (kid.isDictionaryOfType("/OBJR"))
			kid.getKey("/Obj").replaceKey("/Contents",
			    oh::newUnicodeString(l->words));
	}
	if (!l->inside)
		el.replaceKey("/Alt", oh::newUnicodeString(l->words));
}

static void
visit(struct ua *u, oh el, const std::string &type)
{
	const oh	*scope = u->scope;

	if (type == "/Figure")
		figure(u, el);
	else if (type == "/Link")
		link(u, el);
	else if (type == "/TR")
		u->scope = row_scope(u, el);
	else if (type == "/TH")
		el.replaceKey("/A", u->scope != nullptr ? *u->scope : u->column);
	kids(u, el);
	u->scope = scope;
}

/*
 * The parent tree (a number tree) maps each page's marked content back to
 * its element: its values by key, from its /Nums and /Kids.
 */
static void
parent_tree(struct ua *u, oh node, int depth)
{
	oh	 nums = node.getKey("/Nums"), kids = node.getKey("/Kids");
	int	 i, n;

	if (depth > 32)
		return;
	n = nums.isArray() ? nums.getArrayNItems() : 0;
	for (i = 0; i + 1 < n; i += 2)
		u->parents[nums.getArrayItem(i).getIntValueAsInt()] =
		    nums.getArrayItem(i + 1);
	n = kids.isArray() ? kids.getArrayNItems() : 0;
	for (i = 0; i < n; i++)
		parent_tree(u, kids.getArrayItem(i), depth + 1);
}

/* The marked content of each kind of artifact, in the enum's order. */
static const char *const artifact_marks[] = {
	"/Artifact << /Type /Layout >> BDC",
	"/Artifact << /Type /Pagination >> BDC",
	"/Artifact << /Type /Pagination /Subtype /Header >> BDC",
	"/Artifact << /Type /Pagination /Subtype /Footer >> BDC"
};

/*
 * A page's content stream copied with each "/Private << /MCID n >> BDC"
 * (Cairo's marked content of an artifact's element) replaced by the
 * marked content of its kind. Reading stops after the page's last
 * artifact: the drawing code draws them first (the tokens of every page
 * would cost more than everything else here).
 */
struct rewrite {
	const struct ua		*u;
	int			 page;
	const unsigned char	*s;
	std::string		 out;
	size_t			 copied;	/* bytes of s dealt with */
	size_t			 operands;	/* where the next operator's start */
	size_t			 nops;		/* and how many it has */
	bool			 artifact;	/* the first is GT_PDF_ARTIFACT */
	bool			 key;		/* the last was /MCID */
	int			 mcid;		/* the integer after it, or -1 */
	size_t			 left;		/* the page's artifacts to come */
};

#define DONE	2		/* rewrite_tok(): the page's artifacts are done */

static int
rewrite_tok(void *ctx, const struct gt_pdf_tok *t)
{
	struct rewrite	*r = static_cast<struct rewrite *>(ctx);
	mark		 find;

	if (t->type != GT_TOK_WORD) {
		if (r->nops++ == 0) {
			r->operands = t->off;
			r->artifact = t->type == GT_TOK_NAME &&
			    strcmp(t->value, "/" GT_PDF_ARTIFACT) == 0;
			r->mcid = -1;
		} else if (r->key && t->type == GT_TOK_INTEGER)
			r->mcid = atoi(t->value);
		r->key = t->type == GT_TOK_NAME && strcmp(t->value, "/MCID") == 0;
		return 0;
	}
	if (r->nops > 0 && r->artifact && strcmp(t->value, "BDC") == 0) {
		find.page = r->page;
		find.mcid = r->mcid;
		auto m = std::lower_bound(r->u->marks.begin(),
		    r->u->marks.end(), find);
		if (m == r->u->marks.end() || m->page != find.page ||
		    m->mcid != find.mcid)
			return 1;
		r->out.append((const char *)r->s + r->copied,
		    r->operands - r->copied);
		r->out.append(artifact_marks[m->kind]);
		r->copied = t->off + t->len;
		if (--r->left == 0)
			return DONE;
	}
	r->nops = 0;
	r->key = false;
	return 0;
}

/*
 * Rewrite one content stream of a page, *left of whose artifacts are still
 * to come (none: as it is); 0 or -1.
 */
static int
content(struct ua *u, int page, oh stream, size_t *left)
{
	std::shared_ptr<Buffer>	 data;
	struct rewrite		 r;
	std::string		 z;
	uLongf			 zlen;
	size_t			 n;
	int			 rc;

	if (*left == 0)
		return 0;
	data = stream.getStreamData(qpdf_dl_generalized);
	n = data->getSize();
	r.s = data->getBuffer();
	r.u = u;
	r.page = page;
	r.left = *left;
	r.copied = r.operands = r.nops = 0;
	r.artifact = r.key = false;
	r.mcid = -1;
	r.out.reserve(n);
	if ((rc = gt_pdf_tokens(r.s, n, rewrite_tok, &r)) != 0 && rc != DONE) {
		u->why = "a page's content cannot be read, or holds an "
		    "artifact not drawn as one";
		return -1;
	}
	if (r.left == *left)
		return 0;
	*left = r.left;
	r.out.append((const char *)r.s + r.copied, n - r.copied);
	/* Compressed here, fast: the rest of the file stays as Cairo wrote it. */
	zlen = compressBound(r.out.size());
	z.resize(zlen);
	if (compress2((Bytef *)&z[0], &zlen, (const Bytef *)r.out.data(),
	    r.out.size(), Z_BEST_SPEED) != Z_OK)
		gt_oom();
	z.resize(zlen);
	stream.replaceStreamData(z, oh::newName("/FlateDecode"),
	    oh::newNull());
	return 0;
}

/*
 * Each page's artifacts: out of the parent tree, and marked as such in its
 * content; and /Tabs where it has annotations. 0 or -1.
 */
static int
pages(struct ua *u)
{
	oh	 annots, c;
	mark	 find;
	size_t	 left;
	int	 k, page;

	for (oh pg : u->q.getAllPages()) {
		annots = pg.getKey("/Annots");
		if (annots.isArray() && annots.getArrayNItems() > 0)
			pg.replaceKey("/Tabs", oh::newName("/S"));
		find.page = page = pg.getObjectID();
		find.mcid = -1;
		auto first = std::lower_bound(u->marks.begin(), u->marks.end(),
		    find);
		find.mcid = INT_MAX;
		auto last = std::lower_bound(first, u->marks.end(), find);
		if ((left = last - first) == 0)
			continue;
		auto pt = u->parents.find(
		    pg.getKey("/StructParents").getIntValueAsInt());
		for (auto m = first; pt != u->parents.end() && m != last; ++m)
			if (pt->second.isArray() &&
			    m->mcid < pt->second.getArrayNItems())
				pt->second.setArrayItem(m->mcid, oh::newNull());
		c = as_array(pg.getKey("/Contents"));
		for (k = 0; k < c.getArrayNItems(); k++)
			if (content(u, page, c.getArrayItem(k), &left) == -1)
				return -1;
		if (left > 0) {
			u->why = "a page's artifacts are not as they were drawn";
			return -1;
		}
	}
	return 0;
}

/* "2025-09-30T00:00:00Z" as "D:20250930000000Z"; -1 if not of that form. */
static int
pdf_date(const char *iso, char out[18])
{
	size_t	 k = 2;

	memcpy(out, "D:", 2);
	for (; *iso != '\0' && *iso != 'Z'; iso++)
		if (isdigit((unsigned char)*iso)) {
			if (k == 16)
				return -1;
			out[k++] = *iso;
		}
	if (k != 16 || strcmp(iso, "Z") != 0)
		return -1;
	memcpy(out + k, "Z", 2);
	return 0;
}

/* An XMP property holding s as XML text. */
static void
xmp_prop(std::string &b, const char *open, const std::string &s,
    const char *close)
{
	xmlChar	*e;

	if ((e = xmlEncodeSpecialChars(nullptr,
	    (const xmlChar *)s.c_str())) == nullptr)
		gt_oom();
	b.append("   ").append(open).append((const char *)e).append(close)
	    .append("\n");
	xmlFree(e);
}

/*
 * XMP metadata from the Info dictionary (its title replaced first if the
 * caller gave one, and its dates given as D: dates), with the language
 * and the PDF/UA identifier; 0 or -1 for a date not as pdf_ua.h says.
 */
static int
metadata(struct ua *u, oh root)
{
	static const struct {
		const char	*key, *open, *close;
	} props[] = {
		{ "/Title", "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">",
		    "</rdf:li></rdf:Alt></dc:title>" },
		{ "/Author", "<dc:creator><rdf:Seq><rdf:li>",
		    "</rdf:li></rdf:Seq></dc:creator>" },
		{ "/Subject", "<dc:description><rdf:Alt>"
		    "<rdf:li xml:lang=\"x-default\">",
		    "</rdf:li></rdf:Alt></dc:description>" },
		{ "/Keywords", "<pdf:Keywords>", "</pdf:Keywords>" },
		{ "/Producer", "<pdf:Producer>", "</pdf:Producer>" },
		{ "/Creator", "<xmp:CreatorTool>", "</xmp:CreatorTool>" },
	};
	oh		 trailer = u->q.getTrailer(), info, v, stream;
	std::string	 b;
	char		 date[18];
	size_t		 i;

	if (pdf_date(u->in->date, date) == -1) {
		u->why = std::string("not a date of the form "
		    "2025-09-30T00:00:00Z: '") + u->in->date + "'";
		return -1;
	}
	info = trailer.getKey("/Info");
	if (!info.isDictionary()) {
		info = u->q.makeIndirectObject(oh::newDictionary());
		trailer.replaceKey("/Info", info);
	}
	if (u->in->title != nullptr)
		info.replaceKey("/Title", oh::newUnicodeString(u->in->title));
	info.replaceKey("/CreationDate", oh::newString(date));
	info.replaceKey("/ModDate", oh::newString(date));
	b = "<?xpacket begin=\"\xef\xbb\xbf\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
	    "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
	    " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
	    "  <rdf:Description rdf:about=\"\"\n"
	    "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
	    "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
	    "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
	    "    xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n"
	    "   <dc:format>application/pdf</dc:format>\n";
	for (i = 0; i < sizeof(props) / sizeof(props[0]); i++)
		if ((v = info.getKey(props[i].key)).isString())
			xmp_prop(b, props[i].open, v.getUTF8Value(),
			    props[i].close);
	xmp_prop(b, "<dc:language><rdf:Bag><rdf:li>", u->in->lang,
	    "</rdf:li></rdf:Bag></dc:language>");
	xmp_prop(b, "<xmp:CreateDate>", u->in->date, "</xmp:CreateDate>");
	xmp_prop(b, "<xmp:ModifyDate>", u->in->date, "</xmp:ModifyDate>");
	xmp_prop(b, "<xmp:MetadataDate>", u->in->date, "</xmp:MetadataDate>");
	b.append("   <pdfuaid:part>1</pdfuaid:part>\n"
	    "  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n"
	    "<?xpacket end=\"w\"?>\n");
	stream = oh::newStream(&u->q, b);
	stream.getDict().replaceKey("/Type", oh::newName("/Metadata"));
	stream.getDict().replaceKey("/Subtype", oh::newName("/XML"));
	root.replaceKey("/Metadata", stream);
	return 0;
}

static void
catalog(struct ua *u, oh root)
{
	oh	 vp = root.getKey("/ViewerPreferences");

	root.replaceKey("/Lang", oh::newUnicodeString(u->in->lang));
	if (!vp.isDictionary())
		vp = oh::newDictionary();
	vp.replaceKey("/DisplayDocTitle", oh::newBool(true));
	root.replaceKey("/ViewerPreferences", vp);
	root.replaceKey("/MarkInfo", oh::parse("<< /Marked true >>"));
	if (root.hasKey("/Outlines"))
		root.replaceKey("/PageMode", oh::newName("/UseOutlines"));
}

/* The work of gt_pdf_ua_apply(); the caller catches what qpdf throws. */
static int
make_ua(struct ua *u, const unsigned char *pdf, size_t n,
    std::shared_ptr<Buffer> *out)
{
	oh	 root, tree;

	u->q.setSuppressWarnings(true);
	u->q.processMemoryFile("PDF", (const char *)pdf, n);
	root = u->q.getRoot();
	tree = root.getKey("/StructTreeRoot");
	if (!tree.isDictionary()) {
		u->why = "the PDF is not tagged";
		return -1;
	}
	u->column = oh::parse("<< /O /Table /Scope /Column >>");
	u->row = oh::parse("<< /O /Table /Scope /Row >>");
	kids(u, tree);
	parent_tree(u, tree.getKey("/ParentTree"), 0);
	if (u->fig != u->in->nfigs || u->link != u->in->nlinks ||
	    u->art != u->in->narts) {
		u->why = "the PDF has " + std::to_string(u->fig) +
		    " figures, " + std::to_string(u->link) + " links and " +
		    std::to_string(u->art) + " artifacts; " +
		    std::to_string(u->in->nfigs) + ", " +
		    std::to_string(u->in->nlinks) + " and " +
		    std::to_string(u->in->narts) + " were drawn";
		return -1;
	}
	std::sort(u->marks.begin(), u->marks.end());
	if (pages(u) == -1 || metadata(u, root) == -1)
		return -1;
	catalog(u, root);
	QPDFWriter	 w(u->q);

	w.setOutputMemory();
	/* Streams as they are: ours are compressed already, the XMP is not. */
	w.setStreamDataMode(qpdf_s_preserve);
	w.setDeterministicID(true);
	w.setMinimumPDFVersion("1.7");
	w.write();
	/* A warning is something qpdf had to mend: not ours to ship. */
	if (u->q.anyWarnings()) {
		u->why = u->q.getWarnings().front().what();
		return -1;
	}
	*out = w.getBufferSharedPointer();
	return 0;
}

extern "C" int
gt_pdf_ua_apply(const struct gt_pdf_ua *in, const unsigned char *pdf, size_t n,
    unsigned char **out, size_t *outlen, char **why)
{
	struct ua		 u;
	std::shared_ptr<Buffer>	 b;
	int			 rc;

	*out = nullptr;
	*outlen = 0;
	*why = nullptr;
	u.in = in;
	u.fig = u.link = u.art = 0;
	u.scope = nullptr;
	try {
		rc = make_ua(&u, pdf, n, &b);
	} catch (std::bad_alloc &) {
		gt_oom();
	} catch (std::exception &e) {
		u.why = e.what();
		rc = -1;
	}
	if (rc == 0) {
		*outlen = b->getSize();
		if ((*out = (unsigned char *)malloc(*outlen + 1)) == nullptr)
			gt_oom();
		memcpy(*out, b->getBuffer(), *outlen);
	} else if ((*why = strdup(u.why.c_str())) == nullptr)
		gt_oom();
	return rc;
}
