/*
 * md_lint.c: what a Markdown body says that would be lost or shown
 * wrongly (see read.h): raw HTML, which is dropped; template tags, a
 * heading with no space after '#' and tables written with pipes, all of
 * which CommonMark prints as they are written.
 */
#include <stdlib.h>
#include <string.h>

#include "read.h"

/* At most this much of what is quoted in a message. */
#define QUOTE	40

/* The first line of s, cut to QUOTE bytes, into buf. */
static const char *
first_line(const char *s, char *buf, size_t sz)
{
	size_t	 n = strcspn(s, "\r\n");

	if (n > QUOTE)
		n = QUOTE;
	if (n >= sz)
		n = sz - 1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	return buf;
}

/* A row that only a pipe table has under its header: "|---|:--:|". */
static int
delimiter_row(const char *s, size_t n)
{
	size_t	 i, pipes = 0, dashes = 0;

	for (i = 0; i < n; i++) {
		if (s[i] == '|')
			pipes++;
		else if (s[i] == '-')
			dashes++;
		else if (s[i] != ':' && s[i] != ' ' && s[i] != '\t' &&
		    s[i] != '\r')
			return 0;
	}
	return pipes > 0 && dashes >= 3;
}

/* Where each line of text starts, once a body: lines[k] is line k + 1. */
struct lines {
	const char	*text, *end;
	const char	**at;
	size_t		 n;
};

static void
index_lines(struct lines *l, const char *text, size_t len)
{
	const char	*p = text, *nl;
	size_t		 cap = 0;

	memset(l, 0, sizeof(*l));
	l->text = text;
	l->end = text + len;
	for (; p <= l->end; p = nl + 1) {
		*GT_PUSH(l->at, l->n, cap) = p;
		if ((nl = memchr(p, '\n', (size_t)(l->end - p))) == NULL)
			break;
	}
}

/*
 * Lines first to last (1-based) of the body: does one of them, after a
 * line with a pipe, look like a table's delimiter row? Its line, or 0.
 */
static int
pipe_table(const struct lines *l, int first, int last)
{
	const char	*p, *nl;
	int		 line, piped = 0;

	for (line = first; line <= last && (size_t)line <= l->n; line++) {
		p = l->at[line - 1];
		if ((nl = memchr(p, '\n', (size_t)(l->end - p))) == NULL)
			nl = l->end;
		if (piped && delimiter_row(p, (size_t)(nl - p)))
			return line - 1;
		piped = memchr(p, '|', (size_t)(nl - p)) != NULL;
	}
	return 0;
}

void
gt_md_lint(struct gt_diag *d, cmark_node *doc, const char *file,
    int bodyline, const char *text, size_t len)
{
	cmark_iter		*it = cmark_iter_new(doc);
	cmark_event_type	 ev;
	cmark_node		*n, *kid;
	struct gt_loc		 loc = { file, 0, 0 };
	const char		*s, *t;
	char			 q[QUOTE + 1];
	struct lines		 lines;
	int			 line;

	/* Only a body with a pipe in it can hold a pipe table. */
	index_lines(&lines, text, memchr(text, '|', len) != NULL ? len : 0);

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		if (ev != CMARK_EVENT_ENTER)
			continue;
		n = cmark_iter_get_node(it);
		loc.line = bodyline - 1 + cmark_node_get_start_line(n);
		loc.col = cmark_node_get_start_column(n);
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_HTML_BLOCK:
		case CMARK_NODE_HTML_INLINE:
			/* "<b>bold</b>" is said once. */
			s = cmark_node_get_literal(n);
			if (strncmp(s, "</", 2) != 0)
				gt_msg(d, GT_W_RAW_HTML, &loc, "'%s'",
				    first_line(s, q, sizeof(q)));
			break;
		case CMARK_NODE_TEXT:
			s = cmark_node_get_literal(n);
			if ((t = strstr(s, "{{")) != NULL ||
			    (t = strstr(s, "{%")) != NULL)
				gt_msg(d, GT_W_TEMPLATE_TAG, &loc, "'%s'",
				    first_line(t, q, sizeof(q)));
			break;
		case CMARK_NODE_PARAGRAPH:
			kid = cmark_node_first_child(n);
			s = kid != NULL && cmark_node_get_type(kid) ==
			    CMARK_NODE_TEXT ? cmark_node_get_literal(kid) : "";
			if (s[0] == '#' && strchr(" \t#", s[strspn(s, "#")]) ==
			    NULL)
				gt_msg(d, GT_W_HEADING_SPACE, &loc, "'%s': write "
				    "'%.*s %s'", first_line(s, q, sizeof(q)),
				    (int)strspn(s, "#"), s, s + strspn(s, "#"));
			if ((line = pipe_table(&lines,
			    cmark_node_get_start_line(n),
			    cmark_node_get_end_line(n))) > 0) {
				loc.line = bodyline - 1 + line;
				gt_msg(d, GT_W_PIPE_TABLE, &loc, "goldthread "
				    "reads CommonMark, which has no tables: "
				    "use a list, or put the figures in a data "
				    "file");
			}
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
	free(lines.at);
}
