/* json_out.c: JSON text the way jansson writes it (see json_out.h). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "format.h"
#include "json_out.h"

#define INDENT	1	/* JSON_INDENT(1) */

/* Megabytes of text a character or two at a time: no call per piece. */
static void
put(struct gt_buf *b, char c)
{
	gt_buf_addq(b, &c, 1);
}

static void
text(struct gt_buf *b, const char *s)
{
	gt_buf_addq(b, s, strlen(s));
}

static void
newline(struct gt_buf *b, size_t depth)
{
	static const char	 spaces[] = "                                ";
	size_t			 n;

	put(b, '\n');
	for (depth *= INDENT; depth > 0; depth -= n) {
		n = depth < sizeof(spaces) - 1 ? depth : sizeof(spaces) - 1;
		gt_buf_addq(b, spaces, n);
	}
}

static void
string(struct gt_buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	const char	*run = s, *end = s + n;

	put(b, '"');
	for (; s < end; s++) {
		unsigned char	 c = (unsigned char)*s;

		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		gt_buf_addq(b, run, (size_t)(s - run));
		run = s + 1;
		put(b, '\\');
		switch (c) {
		case '"':
		case '\\':
			put(b, (char)c);
			break;
		case '\b':
			put(b, 'b');
			break;
		case '\f':
			put(b, 'f');
			break;
		case '\n':
			put(b, 'n');
			break;
		case '\r':
			put(b, 'r');
			break;
		case '\t':
			put(b, 't');
			break;
		default:
			text(b, "u00");
			put(b, hex[c >> 4]);
			put(b, hex[c & 15]);
		}
	}
	gt_buf_addq(b, run, (size_t)(end - run));
	put(b, '"');
}

/*
 * "%.15g", then ".0" if that has no '.' or 'e', and no '+' or leading
 * zeros in the exponent, as jansson does. A figure that is the double
 * nearest some R / 10^d with R of at most 15 digits is written from R at
 * the fewest decimals d: "%.15g" gives exactly those digits (the double is
 * nearer to them than half a unit in the 15th digit) in plain notation
 * from 1e-4 to 1e15.
 */
static void
real(struct gt_buf *b, double v)
{
	char		 s[40], *e, *from, *to;
	double		 x = fabs(v);
	int		 d, n;

	if (x >= 1e-4 && x < 1e15)
		for (d = 0; d < 16 && x * gt_tens[d] < 1e15; d++)
			if ((double)llround(x * gt_tens[d]) / gt_tens[d] == x) {
				text(b, gt_format_fixed(s, sizeof(s), v,
				    d));
				if (d == 0)
					text(b, ".0");
				return;
			}
	n = snprintf(s, sizeof(s), "%.15g", v);
	if (strchr(s, '.') == NULL && strchr(s, 'e') == NULL) {
		memcpy(s + n, ".0", 3);
		n += 2;
	}
	if ((e = strchr(s, 'e')) != NULL) {
		to = e + 1;
		if (*to == '-')
			to++;
		for (from = to; *from == '+' || *from == '0'; from++)
			continue;
		memmove(to, from, strlen(from) + 1);
		n = (int)strlen(s);
	}
	gt_buf_addq(b, s, (size_t)n);
}

/* Before a value or a key: its separator and line, unless a key's. */
static void
item(struct gt_json_w *w)
{
	size_t	 d = w->depth < GT_JSON_W_DEPTH ? w->depth : GT_JSON_W_DEPTH - 1;

	if (w->keyed) {
		w->keyed = 0;
		return;
	}
	if (w->depth == 0)
		return;
	if (w->items[d])
		put(w->b, ',');
	w->items[d] = 1;
	newline(w->b, w->depth);
}

void
gt_jw_begin(struct gt_json_w *w, char c)
{
	item(w);
	put(w->b, c);
	w->depth++;
	if (w->depth < GT_JSON_W_DEPTH) {
		w->open[w->depth] = c;
		w->items[w->depth] = 0;
	}
}

void
gt_jw_end(struct gt_json_w *w)
{
	size_t	 d = w->depth < GT_JSON_W_DEPTH ? w->depth : GT_JSON_W_DEPTH - 1;

	w->depth--;
	if (w->items[d])
		newline(w->b, w->depth);
	put(w->b, w->open[d] == '{' ? '}' : ']');
}

void
gt_jw_key(struct gt_json_w *w, const char *k)
{
	item(w);
	string(w->b, k, strlen(k));
	text(w->b, ": ");
	w->keyed = 1;
}

void
gt_jw_str(struct gt_json_w *w, const char *s)
{
	if (s == NULL) {
		gt_jw_null(w);
		return;
	}
	item(w);
	string(w->b, s, strlen(s));
}

void
gt_jw_real(struct gt_json_w *w, double v)
{
	if (!isfinite(v)) {
		gt_jw_null(w);
		return;
	}
	item(w);
	real(w->b, v);
}

void
gt_jw_int(struct gt_json_w *w, long long i)
{
	item(w);
	gt_buf_printf(w->b, "%lld", i);
}

void
gt_jw_bool(struct gt_json_w *w, int t)
{
	item(w);
	text(w->b, t ? "true" : "false");
}

void
gt_jw_null(struct gt_json_w *w)
{
	item(w);
	text(w->b, "null");
}

static void
value(struct gt_json_w *w, json_t *j)
{
	const char	*k;
	json_t		*v;
	size_t		 i;

	switch (json_typeof(j)) {
	case JSON_OBJECT:
		gt_jw_begin(w, '{');
		json_object_foreach(j, k, v) {
			gt_jw_key(w, k);
			value(w, v);
		}
		gt_jw_end(w);
		break;
	case JSON_ARRAY:
		gt_jw_begin(w, '[');
		for (i = 0; i < json_array_size(j); i++)
			value(w, json_array_get(j, i));
		gt_jw_end(w);
		break;
	case JSON_STRING:
		item(w);
		string(w->b, json_string_value(j), json_string_length(j));
		break;
	case JSON_INTEGER:
		gt_jw_int(w, (long long)json_integer_value(j));
		break;
	case JSON_REAL:
		gt_jw_real(w, json_real_value(j));
		break;
	case JSON_TRUE:
	case JSON_FALSE:
		gt_jw_bool(w, json_is_true(j));
		break;
	case JSON_NULL:
		gt_jw_null(w);
		break;
	}
}

void
gt_json_out(struct gt_buf *b, json_t *j)
{
	struct gt_json_w	 w = { 0 };

	w.b = b;
	value(&w, j);
}
