/* page.c: the paths serve takes and what it adds to pages (see serve.h). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "html_write.h"
#include "serve.h"

static int
hex(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* A byte no path part may hold, written or escaped. */
static int
forbidden(unsigned char c)
{
	return c < 0x20 || c == 0x7f || c == '\\';
}

/* Whether the part of len bytes at p (decoded) is refused. */
static int
bad_part(const char *p, size_t len)
{
	return len == 0 || (len == 1 && p[0] == '.') ||
	    (len == 2 && p[0] == '.' && p[1] == '.');
}

enum gt_serve_path
gt_serve_path(const char *raw, char **rel)
{
	struct gt_buf		 b = { 0 };
	enum gt_serve_path	 rc = GT_SERVE_PATH_OK;
	const char		*s;
	size_t			 part = 0;
	int			 hi, lo, c;

	*rel = NULL;
	if (*raw != '/')
		return GT_SERVE_PATH_BAD;
	gt_buf_add(&b, "", 0);
	for (s = raw + 1; ; s++) {
		if (*s == '/' || *s == '\0') {
			/* Only the last part may be empty: a folder's index. */
			if (*s == '\0' && b.len == part && part > 0 &&
			    b.data[part - 1] == '/')
				break;
			if (*s == '\0' && b.len == 0)
				break;
			if (bad_part(b.data + part, b.len - part))
				goto bad;
			if (b.data[part] == '.')
				rc = GT_SERVE_PATH_HIDDEN;
			if (*s == '\0')
				break;
			gt_buf_putc(&b, '/');
			part = b.len;
			continue;
		}
		c = (unsigned char)*s;
		if (c == '%') {
			if ((hi = hex(s[1])) < 0 || (lo = hex(s[2])) < 0)
				goto bad;
			c = hi << 4 | lo;
			if (c == '/' || c == '\0')
				goto bad;
			s += 2;
		}
		if (forbidden((unsigned char)c))
			goto bad;
		gt_buf_putc(&b, c);
	}
	if (b.len == 0 || b.data[b.len - 1] == '/')
		gt_buf_puts(&b, "index.html");
	*rel = gt_buf_steal(&b);
	return rc;
bad:
	gt_buf_free(&b);
	return GT_SERVE_PATH_BAD;
}

/* Where the tag that starts at p (after its name) ends, past its '>'. */
static const char *
tag_end(const char *p, const char *end)
{
	char	 q = 0;

	for (; p < end; p++) {
		if (q != 0) {
			if (*p == q)
				q = 0;
		} else if (*p == '"' || *p == '\'')
			q = *p;
		else if (*p == '>')
			return p + 1;
	}
	return NULL;
}

/* The first (or last) tag named tag ("<body", "</body") in html, or NULL. */
static const char *
find_tag(const char *html, size_t len, const char *tag, int last)
{
	const char	*p, *found = NULL;
	size_t		 n = strlen(tag);

	for (p = html; p + n < html + len; p++) {
		if (*p != '<' || strncasecmp(p, tag, n) != 0 ||
		    (p[n] != '>' && p[n] != ' ' && p[n] != '\t' &&
		    p[n] != '\n' && p[n] != '\r'))
			continue;
		found = p;
		if (!last)
			break;
	}
	return found;
}

void
gt_serve_page(struct gt_buf *b, const char *html, size_t len,
    const char *banner, unsigned long gen)
{
	const char	*end = html + len, *open, *close;

	/* After <body ...>, or at the start of a page without one. */
	open = find_tag(html, len, "<body", 0);
	if (open == NULL || (open = tag_end(open + 5, end)) == NULL)
		open = html;
	close = find_tag(open, (size_t)(end - open), "</body", 1);
	if (close == NULL)
		close = end;
	gt_buf_add(b, html, (size_t)(open - html));
	if (banner != NULL)
		gt_buf_puts(b, banner);
	gt_buf_add(b, open, (size_t)(close - open));
	gt_buf_printf(b, "<script src=\"" GT_SERVE_PREFIX "reload.js\" "
	    "data-generation=\"%lu\"></script>", gen);
	gt_buf_add(b, close, (size_t)(end - close));
}

char *
gt_serve_banner(const char *diags)
{
	struct gt_buf	 b = { 0 };
	const char	*nl;
	char		*line;

	gt_buf_puts(&b, "<div id=\"goldthread-serve\" role=\"alert\" "
	    "style=\"margin:0;padding:1em;border-bottom:4px solid #a00000;"
	    "background:#fff3f3;color:#1a1a1a;font:16px/1.4 sans-serif;"
	    "text-align:left\"><p style=\"margin:0 0 .5em\"><strong>"
	    "goldthread serve: the last change did not build.</strong> "
	    "This is the last good site; fix these problems and save.</p>"
	    "<ul style=\"margin:0;padding-left:1.5em;font-family:monospace;"
	    "white-space:pre-wrap\">");
	for (; *diags != '\0'; diags = *nl != '\0' ? nl + 1 : nl) {
		nl = diags + strcspn(diags, "\n");
		line = gt_xstrndup(diags, (size_t)(nl - diags));
		gt_buf_puts(&b, "<li>");
		gt_html_escaped(&b, line, 0);
		gt_buf_puts(&b, "</li>");
		free(line);
	}
	gt_buf_puts(&b, "</ul></div>");
	return gt_buf_steal(&b);
}

/*
 * Reloads the page when a build has changed it or a file it shows (a
 * style sheet, an image, a PDF in a frame), or every page ("*"): after a
 * failed build and the good one after it, and when events were missed.
 * A hidden tab lets its connection go (a browser opens six at most to
 * one server) and asks what it missed when it is shown again.
 */
const char gt_serve_reload_js[] =
    "/* goldthread serve: reload when a build changes this page. Added to\n"
    "   pages as they are served, never to the built site. */\n"
    "(function () {\n"
    "\t'use strict';\n"
    "\tvar me = document.currentScript, es = null;\n"
    "\tvar gen = me ? me.getAttribute('data-generation') : '';\n"
    "\tfunction path(u) {\n"
    "\t\tvar p;\n"
    "\t\ttry {\n"
    "\t\t\tp = decodeURIComponent(new URL(u, location.href).pathname);\n"
    "\t\t} catch (e) {\n"
    "\t\t\treturn '';\n"
    "\t\t}\n"
    "\t\treturn p.charAt(p.length - 1) === '/' ? p + 'index.html' : p;\n"
    "\t}\n"
    "\tfunction shown() {\n"
    "\t\tvar v = [path(location.href)], i, e, els = document."
    "querySelectorAll(\n"
    "\t\t    'link[href], img[src], iframe[src], object[data], "
    "embed[src]');\n"
    "\t\tfor (i = 0; i < els.length; i++) {\n"
    "\t\t\te = els[i];\n"
    "\t\t\tv.push(path(e.href || e.src || e.data));\n"
    "\t\t}\n"
    "\t\treturn v;\n"
    "\t}\n"
    "\tfunction reload(ev) {\n"
    "\t\tvar changed = ev.data.split('\\n'), mine = shown(), i;\n"
    "\t\tgen = ev.lastEventId || gen;\n"
    "\t\tfor (i = 0; i < changed.length; i++)\n"
    "\t\t\tif (changed[i] === '*' || mine.indexOf(changed[i]) >= 0) {\n"
    "\t\t\t\tes.close();\n"
    "\t\t\t\tlocation.reload();\n"
    "\t\t\t\treturn;\n"
    "\t\t\t}\n"
    "\t}\n"
    "\tfunction listen() {\n"
    "\t\tif (document.hidden) {\n"
    "\t\t\tif (es !== null)\n"
    "\t\t\t\tes.close();\n"
    "\t\t\tes = null;\n"
    "\t\t} else if (es === null) {\n"
    "\t\t\tes = new EventSource('" GT_SERVE_PREFIX "events?since=' +\n"
    "\t\t\t    encodeURIComponent(gen));\n"
    "\t\t\tes.addEventListener('reload', reload);\n"
    "\t\t}\n"
    "\t}\n"
    "\tdocument.addEventListener('visibilitychange', listen);\n"
    "\tlisten();\n"
    "})();\n";

/* The start of a page of serve's own, titled title (text). */
static void
page_head(struct gt_buf *b, const char *title)
{
	gt_buf_puts(b, "<!DOCTYPE html>\n<html lang=\"en\"><head>"
	    "<meta charset=\"utf-8\"><meta name=\"viewport\" "
	    "content=\"width=device-width, initial-scale=1\"><title>");
	gt_html_escaped(b, title, 0);
	gt_buf_puts(b, "</title></head><body style=\"margin:0;font:16px/1.4 "
	    "sans-serif\"><main style=\"padding:0 1em\">");
}

void
gt_serve_missing(struct gt_buf *b)
{
	page_head(b, "Not found (goldthread serve)");
	gt_buf_puts(b, "<h1 style=\"font-size:1.25em\">Not found</h1><p>The "
	    "last good build made no file here.</p></main></body></html>\n");
}

void
gt_serve_pack_page(struct gt_buf *b, const char *name, long long size)
{
	char	*title = gt_xasprintf("Preview of the pack %s.pdf", name);

	/* name is an id: letters, digits, '-', '_' and '.' only. */
	page_head(b, title);
	gt_buf_puts(b, "<h1 style=\"font-size:1.25em\">");
	gt_html_escaped(b, title, 0);
	gt_buf_printf(b, "</h1><p><a href=\"/reports/%s.pdf\">%s.pdf</a> "
	    "(%lld KB) &middot; <a href=\"/reports/%s.html\">its page on the "
	    "site</a> &middot; <a href=\"" GT_SERVE_PREFIX "\">every pack</a>"
	    "</p></main><iframe src=\"/reports/%s.pdf\" title=\"%s.pdf\" "
	    "style=\"display:block;width:100%%;height:calc(100vh - 7em);"
	    "border:0;border-top:1px solid #767676\"></iframe></body></html>\n",
	    name, name, (size + 1023) / 1024, name, name, name);
	free(title);
}

void
gt_serve_pack_list(struct gt_buf *b, char *const *names, size_t n)
{
	size_t	 i;

	page_head(b, "Report packs (goldthread serve)");
	gt_buf_puts(b, "<h1 style=\"font-size:1.25em\">Report packs</h1>");
	if (n == 0)
		gt_buf_puts(b, "<p>The last good build has no packs.</p>");
	else
		gt_buf_puts(b, "<ul>");
	for (i = 0; i < n; i++)
		gt_buf_printf(b, "<li><a href=\"" GT_SERVE_PREFIX "pack/%s\">%s"
		    "</a> (<a href=\"/reports/%s.pdf\">PDF</a>)</li>",
		    names[i], names[i], names[i]);
	gt_buf_puts(b, n > 0 ? "</ul></main></body></html>\n" :
	    "</main></body></html>\n");
}
