/* ini_read.c: INI files (site.conf, import mappings) with inih (see read.h). */
#include <stdlib.h>
#include <string.h>

#include <ini.h>

#include "read.h"

/* inih reads a line at a time through us, so we always know the line. */
struct ini_reader {
	struct gt_diag	*diag;
	const char	*file;
	const char	*p, *end;
	int		 line;
	const char	*linetext;	/* the line inih is handling */
	size_t		 linelen;
	char		*lastsection;
	struct gt_strlist keys;		/* names given in lastsection */
	int		 section_line;	/* of the last [section] */
	int		 named;		/* a name was given in this section */
	int		 continued;	/* the line continues a value */
	gt_ini_fn	 fn;
	void		*ctx;
};

/*
 * Whether the n bytes of text at s are a line that inih takes as more of
 * the value of the name before it: an indented line after a name in its
 * section. *named (a name has come since the section's header) is kept
 * up to date.
 */
static int
continues(const char *s, size_t n, int *named)
{
	size_t	 i = 0;
	int	 more;

	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (i == n || strchr(";#\r\n", s[i]) != NULL)
		return 0;
	if (s[i] == '[') {
		*named = 0;
		return 0;
	}
	more = *named && i > 0;
	*named = 1;
	return more;
}

static char *
ini_line(char *buf, int num, void *stream)
{
	struct ini_reader	*ir = stream;
	const char		*nl;
	size_t			 n;

	if (ir->p >= ir->end)
		return NULL;
	nl = memchr(ir->p, '\n', (size_t)(ir->end - ir->p));
	n = nl != NULL ? (size_t)(nl - ir->p) + 1 : (size_t)(ir->end - ir->p);
	ir->line++;
	ir->linetext = ir->p;
	ir->linelen = n;
	ir->p += n;
	if (n > (size_t)num - 1) {
		struct gt_loc loc = { ir->file, ir->line, 0 };

		gt_msg(ir->diag, GT_E_LIMIT, &loc, "line longer than %d bytes",
		    num - 2);
		/* Hand inih a comment so the cut line is not misread. */
		buf[0] = ';';
		buf[1] = '\0';
		return buf;
	}
	memcpy(buf, ir->linetext, n);
	buf[n] = '\0';
	ir->continued = continues(buf, n, &ir->named);
	/* A section header starts a fresh set of names, even if repeated. */
	if (buf[strspn(buf, " \t")] == '[') {
		free(ir->lastsection);
		ir->lastsection = NULL;
		ir->section_line = ir->line;
	}
	return buf;
}

static struct gt_loc
value_loc(const struct ini_reader *ir)
{
	struct gt_loc	 loc = { ir->file, ir->line, 0 };
	const char	*eq = memchr(ir->linetext, '=', ir->linelen);
	const char	*e = ir->linetext + ir->linelen;

	if (eq == NULL)
		eq = memchr(ir->linetext, ':', ir->linelen);
	if (eq != NULL) {
		for (eq++; eq < e && (*eq == ' ' || *eq == '\t'); eq++)
			continue;
		loc.col = (int)(eq - ir->linetext) + 1;
	}
	return loc;
}

static int
on_line(void *user, const char *section, const char *name,
    const char *value)
{
	struct ini_reader	*ir = user;
	struct gt_ini_line	 l;

	if (ir->lastsection == NULL || strcmp(ir->lastsection, section) != 0) {
		free(ir->lastsection);
		ir->lastsection = gt_xstrdup(section);
		gt_strlist_free(&ir->keys);
	}
	l.section = section;
	l.name = name;
	l.value = value;
	l.loc.file = ir->file;
	l.loc.line = ir->line;
	l.loc.col = 1;
	l.value_loc = value_loc(ir);
	l.section_loc.file = ir->file;
	l.section_loc.line = ir->section_line;
	l.section_loc.col = 1;
	l.continued = ir->continued;
	l.again = 0;
	if (!l.continued && !(l.again = gt_strlist_has(&ir->keys, name)))
		gt_strlist_add(&ir->keys, name);
	ir->fn(ir->ctx, &l);
	return 1;
}

/*
 * "[pack  x]" is "[pack x]": the name after a section's keyword, in a
 * copy the caller frees.
 */
char *
gt_ini_section(const char *s, size_t n)
{
	char	*name = gt_xstrndup(s, n), *sp;
	size_t	 i;

	if ((sp = strchr(name, ' ')) != NULL) {
		for (i = 1; sp[i] == ' ' || sp[i] == '\t'; i++)
			continue;
		memmove(sp + 1, sp + i, strlen(sp + i) + 1);
	}
	return name;
}

/*
 * inih skips what it cannot parse after counting it; check each line's
 * shape first so that every bad line is reported at its place.
 */
static void
check_syntax(struct gt_diag *d, enum gt_msgid id, const char *file,
    const char *text, size_t len)
{
	const char	*p = text, *end = text + len, *nl, *e, *n, *ne;
	struct gt_loc	 loc = { file, 0, 1 };
	struct gt_strlist seen = { NULL, 0 };
	char		*name;
	size_t		 i;
	int		 named = 0;

	for (; p < end; p = nl + 1) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			nl = end;
		loc.line++;
		for (e = nl; e > p && strchr(" \t\r", e[-1]) != NULL; e--)
			continue;
		if (continues(p, (size_t)(e - p), &named))
			continue;
		while (p < e && (*p == ' ' || *p == '\t'))
			p++;
		if (p == e || *p == ';' || *p == '#')
			continue;
		if (*p == '[') {
			if (e[-1] != ']') {
				gt_msg(d, id, &loc, "section header "
				    "not closed by ']'");
				continue;
			}
			/* Sections given twice would be merged silently. */
			for (n = p + 1; n < e - 1 && (*n == ' ' || *n == '\t'); n++)
				continue;
			for (ne = e - 1; ne > n && (ne[-1] == ' ' ||
			    ne[-1] == '\t'); ne--)
				continue;
			name = gt_ini_section(n, (size_t)(ne - n));
			for (i = 0; i < seen.n; i += 2)
				if (strcmp(seen.v[i], name) == 0)
					break;
			if (i < seen.n)
				gt_msg(d, id, &loc, "section [%s] is "
				    "given twice (first at line %s)", name,
				    seen.v[i + 1]);
			else {
				char *ln = gt_xasprintf("%d", loc.line);

				gt_strlist_add(&seen, name);
				gt_strlist_add(&seen, ln);
				free(ln);
			}
			free(name);
			continue;
		}
		if (memchr(p, '=', (size_t)(e - p)) == NULL &&
		    memchr(p, ':', (size_t)(e - p)) == NULL)
			gt_msg(d, id, &loc, "expected 'name = "
			    "value', a [section] or a ; comment");
	}
	gt_strlist_free(&seen);
}

int
gt_ini_read(struct gt_diag *d, enum gt_msgid syntax, const char *file,
    const char *text, size_t len, gt_ini_fn fn, void *ctx, unsigned *found)
{
	struct ini_reader	 ir;
	struct gt_loc		 loc = { file, 0, 0 };
	unsigned		 seen = 0;

	if (found == NULL)
		found = &seen;
	if (gt_text_check(text, len, &loc, found, gt_report_msg, d) == -1)
		return -1;
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0) {
		text += 3;
		len -= 3;
	}
	check_syntax(d, syntax, file, text, len);
	memset(&ir, 0, sizeof(ir));
	ir.diag = d;
	ir.file = file;
	ir.p = text;
	ir.end = text + len;
	ir.fn = fn;
	ir.ctx = ctx;
	ini_parse_stream(ini_line, &ir, on_line, &ir);
	free(ir.lastsection);
	gt_strlist_free(&ir.keys);
	return 0;
}
