/*
 * svg_inline.c: chart images made ready to inline (see svg_inline.h),
 * without a libxml2 tree: the tree was a twentieth of a build, and the
 * images are simple. Anything else, including anything that is not
 * well-formed, is refused; the fuzz harness checks the result against
 * libxml2's reading of the same image, written by html_write.c.
 */
#include <stdlib.h>
#include <string.h>

#include "svg_inline.h"

#define SVG_DEPTH	32

/* XML's white space and name bytes (ASCII, whatever the locale). */
static int
xml_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int
xml_name_start(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static int
svg_name(const char **sp, char *name, size_t sz)
{
	const char	*s = *sp;
	size_t		 n = 0;

	if (!xml_name_start(*s))
		return -1;
	while (xml_name_start(s[n]) || (s[n] >= '0' && s[n] <= '9') ||
	    s[n] == '-' || s[n] == '.')
		n++;
	if (n >= sz || s[n] == ':')
		return -1;
	memcpy(name, s, n);
	name[n] = '\0';
	*sp = s + n;
	return 0;
}

/* Text up to stop, its five entities replaced, into out (reset first). */
static int
svg_chars(const char **sp, int stop, struct gt_buf *out)
{
	static const char *const ents[] = { "amp;&", "lt;<", "gt;>",
	    "quot;\"", "apos;'" };
	const char	*s = *sp, *run = s;
	size_t		 i, n;

	gt_buf_reset(out);
	for (; *s != stop; s++) {
		/* What XML forbids, and what it would change (\r, attribute
		 * values' white space): libxml2's to report or to do. */
		if (((unsigned char)*s < 0x20 && *s != '\t' && *s != '\n') ||
		    *s == '<' || (stop != '<' && (*s == '\t' || *s == '\n')) ||
		    (*s == ']' && strncmp(s, "]]>", 3) == 0) ||
		    strncmp(s, "\xef\xbf\xbe", 3) == 0 ||
		    strncmp(s, "\xef\xbf\xbf", 3) == 0)
			return -1;
		if (*s != '&')
			continue;
		gt_buf_add(out, run, (size_t)(s - run));
		for (i = 0; i < sizeof(ents) / sizeof(ents[0]); i++) {
			n = strlen(ents[i]) - 1;
			if (strncmp(s + 1, ents[i], n) == 0)
				break;
		}
		if (i == sizeof(ents) / sizeof(ents[0]))
			return -1;
		gt_buf_putc(out, ents[i][n]);
		s += n;
		run = s + 1;
	}
	gt_buf_add(out, run, (size_t)(s - run));
	*sp = s;
	return 0;
}

/*
 * The attributes of the start tag at *sp, up to its '>' or "/>" (*empty
 * set): written to out unless root, where only viewBox is kept.
 */
static int
svg_attrs(struct gt_buf *text, const char **sp, const char *el, int root,
    struct gt_buf *out, char **viewbox, int *empty)
{
	char		 names[16][32], name[32];
	const char	*s = *sp;
	size_t		 n = 0, i;
	int		 q;

	for (;;) {
		if (!xml_space(*s)) {
			if (*s == '>' || (*s == '/' && s[1] == '>'))
				break;
			return -1;
		}
		while (xml_space(*s))
			s++;
		if (*s == '>' || (*s == '/' && s[1] == '>'))
			break;
		/* The root's own namespace: HTML knows SVG by name. */
		if (root && strncmp(s, "xmlns", 5) == 0 &&
		    (s[5] == '=' || xml_space(s[5]))) {
			strcpy(name, "xmlns");
			s += 5;
		} else if (svg_name(&s, name, sizeof(name)) == -1 ||
		    strncmp(name, "xmlns", 5) == 0)
			return -1;
		for (i = 0; i < n; i++)
			if (strcmp(names[i], name) == 0)
				return -1;
		if (n == sizeof(names) / sizeof(names[0]))
			return -1;
		strcpy(names[n++], name);
		while (xml_space(*s))
			s++;
		if (*s++ != '=')
			return -1;
		while (xml_space(*s))
			s++;
		if ((q = *s++) != '"' && q != '\'')
			return -1;
		if (svg_chars(&s, q, text) == -1)
			return -1;
		s++;
		if (strcmp(name, "id") == 0 || strcmp(name, "href") == 0 ||
		    strstr(text->data, "url(#") != NULL)
			return -1;	/* ids to prefix: not a chart's */
		if (!root)
			gt_html_attr(out, el, name, text->data, 0);
		else if (strcmp(name, "viewBox") == 0) {
			free(*viewbox);
			*viewbox = gt_xstrdup(text->data);
		}
	}
	*empty = *s == '/';
	*sp = s + (*empty ? 2 : 1);
	return 0;
}

static int
svg_direct(struct gt_html *h, struct gt_buf *text, const char *s,
    struct gt_buf *out, char **viewbox, size_t *kids)
{
	struct {
		char			 name[32];
		const htmlElemDesc	*info;
		size_t			 body, kids;
	} st[SVG_DEPTH];
	static const char *const decls[] = {
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
		"<?xml version=\"1.0\"?>"
	};
	size_t		 depth = 0, len = strlen(s), i;
	int		 empty;

	*viewbox = NULL;
	*kids = 0;
	if (gt_utf8_check(s, len, &(int){ 0 }, &(int){ 0 }) == -1)
		return -1;
	for (i = 0; i < sizeof(decls) / sizeof(decls[0]); i++)
		if (strncmp(s, decls[i], strlen(decls[i])) == 0) {
			s += strlen(decls[i]);
			break;
		}
	while (xml_space(*s))
		s++;
	if (strncmp(s, "<svg", 4) != 0)
		goto fail;
	s += 4;
	if (svg_attrs(text, &s, "svg", 1, out, viewbox, &empty) == -1 || empty)
		goto fail;
	for (;;) {
		if (*s != '<') {
			if (svg_chars(&s, '<', text) == -1)
				goto fail;
			gt_html_escaped(out, text->data, 0);
			*(depth > 0 ? &st[depth - 1].kids : kids) += 1;
			continue;
		}
		if (s[1] == '/') {
			s += 2;
			if (depth == 0) {
				if (strncmp(s, "svg>", 4) != 0)
					goto fail;
				s += 4;
				break;
			}
			depth--;
			len = strlen(st[depth].name);
			if (strncmp(s, st[depth].name, len) != 0 ||
			    s[len] != '>')
				goto fail;
			s += len + 1;
			gt_html_end(out, (const xmlChar *)st[depth].name,
			    st[depth].info, st[depth].kids, st[depth].body);
			continue;
		}
		if (depth == SVG_DEPTH)
			goto fail;
		s++;
		if (svg_name(&s, st[depth].name, sizeof(st[depth].name)) ==
		    -1 || gt_html_is_raw((const xmlChar *)st[depth].name))
			goto fail;
		*(depth > 0 ? &st[depth - 1].kids : kids) += 1;
		st[depth].info = gt_html_tag(h, (const xmlChar *)st[depth].name);
		gt_buf_putc(out, '<');
		gt_buf_puts(out, st[depth].name);
		if (svg_attrs(text, &s, st[depth].name, 0, out, viewbox,
		    &empty) == -1)
			goto fail;
		gt_buf_putc(out, '>');
		st[depth].body = out->len;
		st[depth].kids = 0;
		if (empty)
			gt_html_end(out, (const xmlChar *)st[depth].name,
			    st[depth].info, 0, st[depth].body);
		else
			depth++;
	}
	while (xml_space(*s))
		s++;
	if (*s == '\0')
		return 0;
fail:
	free(*viewbox);
	*viewbox = NULL;
	gt_buf_reset(out);
	return -1;
}

int
gt_svg_inline(struct gt_html *h, const char *svg, struct gt_buf *out)
{
	struct gt_buf	 text = { 0 }, body = { 0 };
	char		*viewbox = NULL;
	size_t		 kids;
	int		 rc;

	if ((rc = svg_direct(h, &text, svg, &body, &viewbox, &kids)) == 0) {
		gt_buf_printf(out, "%s\n%zu\n", viewbox != NULL ? viewbox : "",
		    kids);
		gt_buf_add(out, body.data != NULL ? body.data : "", body.len);
	}
	free(viewbox);
	gt_buf_free(&text);
	gt_buf_free(&body);
	return rc;
}

int
gt_svg_parts(const char *s, char **viewbox, size_t *kids, const char **body)
{
	const char	*nl = strchr(s, '\n'), *p;
	char		*end;

	*viewbox = NULL;
	if (nl == NULL)
		return -1;
	p = nl + 1;
	*kids = (size_t)strtoul(p, &end, 10);
	if (end == p || *end != '\n')
		return -1;
	if (nl > s)
		*viewbox = gt_xstrndup(s, (size_t)(nl - s));
	*body = end + 1;
	return 0;
}
