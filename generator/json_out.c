/* json_out.c: JSON text the way jansson writes it (see json_out.h). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "format.h"
#include "json_out.h"

#define INDENT	1	/* JSON_INDENT(1) */

static void
newline(struct gt_buf *b, size_t depth)
{
	gt_buf_putc(b, '\n');
	for (depth *= INDENT; depth > 0; depth--)
		gt_buf_putc(b, ' ');
}

static void
string(struct gt_buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	const char	*run = s, *end = s + n;

	gt_buf_putc(b, '"');
	for (; s < end; s++) {
		unsigned char	 c = (unsigned char)*s;

		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		gt_buf_add(b, run, (size_t)(s - run));
		run = s + 1;
		gt_buf_putc(b, '\\');
		switch (c) {
		case '"':
		case '\\':
			gt_buf_putc(b, (char)c);
			break;
		case '\b':
			gt_buf_putc(b, 'b');
			break;
		case '\f':
			gt_buf_putc(b, 'f');
			break;
		case '\n':
			gt_buf_putc(b, 'n');
			break;
		case '\r':
			gt_buf_putc(b, 'r');
			break;
		case '\t':
			gt_buf_putc(b, 't');
			break;
		default:
			gt_buf_puts(b, "u00");
			gt_buf_putc(b, hex[c >> 4]);
			gt_buf_putc(b, hex[c & 15]);
		}
	}
	gt_buf_add(b, run, (size_t)(end - run));
	gt_buf_putc(b, '"');
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
				gt_buf_puts(b, gt_format_fixed(s, sizeof(s), v,
				    d));
				if (d == 0)
					gt_buf_puts(b, ".0");
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
	gt_buf_add(b, s, (size_t)n);
}

static void
value(struct gt_buf *b, const json_t *j, size_t depth)
{
	const char	*k;
	json_t		*v;
	size_t		 i, n;

	switch (json_typeof(j)) {
	case JSON_OBJECT:
		gt_buf_putc(b, '{');
		if ((n = json_object_size(j)) == 0) {
			gt_buf_putc(b, '}');
			break;
		}
		newline(b, depth + 1);
		i = 0;
		json_object_foreach((json_t *)j, k, v) {
			string(b, k, strlen(k));
			gt_buf_puts(b, ": ");
			value(b, v, depth + 1);
			if (++i < n) {
				gt_buf_putc(b, ',');
				newline(b, depth + 1);
			}
		}
		newline(b, depth);
		gt_buf_putc(b, '}');
		break;
	case JSON_ARRAY:
		gt_buf_putc(b, '[');
		if ((n = json_array_size(j)) == 0) {
			gt_buf_putc(b, ']');
			break;
		}
		newline(b, depth + 1);
		for (i = 0; i < n; i++) {
			value(b, json_array_get(j, i), depth + 1);
			if (i + 1 < n) {
				gt_buf_putc(b, ',');
				newline(b, depth + 1);
			}
		}
		newline(b, depth);
		gt_buf_putc(b, ']');
		break;
	case JSON_STRING:
		string(b, json_string_value(j), json_string_length(j));
		break;
	case JSON_INTEGER:
		gt_buf_printf(b, "%" JSON_INTEGER_FORMAT, json_integer_value(j));
		break;
	case JSON_REAL:
		real(b, json_real_value(j));
		break;
	case JSON_TRUE:
		gt_buf_puts(b, "true");
		break;
	case JSON_FALSE:
		gt_buf_puts(b, "false");
		break;
	case JSON_NULL:
		gt_buf_puts(b, "null");
		break;
	}
}

void
gt_json_out(struct gt_buf *b, const json_t *j)
{
	value(b, j, 0);
}
