/* test_json_out.c: open data text, byte for byte jansson's. */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include <criterion/criterion.h>

#include "json_out.h"

static uint64_t	 seed = 7;

static uint64_t
rnd(void)
{
	seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
	return seed >> 11;
}

/* Figures as councils write them, and doubles of every other kind. */
static double
figure(void)
{
	static const double p10[] = { 1, 10, 100, 1e3, 1e4, 1e5, 1e6 };
	union {
		uint64_t	 u;
		double		 d;
	} bits;

	switch (rnd() % 6) {
	case 0:
		return (double)((int64_t)(rnd() % 2000000) - 1000000) /
		    p10[rnd() % 7];
	case 1:
		return (double)(rnd() % 100000) / p10[rnd() % 4] * 1e-5;
	case 2:
		return (double)(rnd() % 1000) * 1e12 + (double)(rnd() % 1000);
	case 3:
		return ldexp((double)(rnd() % 1000000), (int)(rnd() % 200) - 100);
	case 4:
		do
			bits.u = rnd() << 11 | rnd() % 2048;
		while (!isfinite(bits.d));
		return bits.d;
	default:
		return rnd() % 2 ? 0.0 : -0.0;
	}
}

static json_t *
tree(int depth)
{
	static const char *const strs[] = { "", "plain", "qu\"ote \\ back",
	    "tab\tnew\nline\r\x01\x1f\b\f", "caf\xc3\xa9 \xe2\x80\x94 / \x7f",
	    "\xf0\x9f\x98\x80" };
	json_t	*j;
	size_t	 i, n;
	char	 key[16];

	switch (depth > 3 ? 2 + rnd() % 6 : rnd() % 8) {
	case 0:
		j = json_object();
		n = rnd() % 5;
		for (i = 0; i < n; i++) {
			snprintf(key, sizeof(key), "k%zu%s", i,
			    i % 2 ? "\"\n" : "");
			json_object_set_new(j, key, tree(depth + 1));
		}
		return j;
	case 1:
		j = json_array();
		n = rnd() % 6;
		for (i = 0; i < n; i++)
			json_array_append_new(j, tree(depth + 1));
		return j;
	case 2:
		return json_string(strs[rnd() % 6]);
	case 3:
		return json_integer((json_int_t)(rnd() % 2000001) - 1000000);
	case 4:
	case 5:
		return json_real(figure());
	case 6:
		return json_boolean(rnd() % 2);
	default:
		return json_null();
	}
}

Test(json_out, same_bytes_as_jansson)
{
	struct gt_buf	 b = { 0 };
	json_t		*j;
	char		*want;
	int		 i, bad = 0;

	for (i = 0; i < 20000 && bad < 5; i++) {
		j = i % 2 ? tree(0) : json_real(figure());
		want = json_dumps(j, JSON_INDENT(1) | JSON_PRESERVE_ORDER |
		    JSON_REAL_PRECISION(15) | JSON_ENCODE_ANY);
		gt_buf_reset(&b);
		gt_json_out(&b, j);
		cr_assert_not_null(want);
		if (strcmp(b.data, want) != 0) {
			cr_expect_fail("got:\n%s\nwant:\n%s", b.data, want);
			bad++;
		}
		free(want);
		json_decref(j);
	}
	gt_buf_free(&b);
}

/* Written as made, with no tree: the same bytes as the tree's. */
Test(json_out, writer_same_bytes_as_tree)
{
	struct gt_buf		 b = { 0 };
	struct gt_json_w	 w = { 0 };
	json_t			*j;
	char			*want;

	j = json_pack("{s:n,s:[],s:{s:f,s:[s,b,i]},s:{}}", "none", "empty",
	    "some", "x", 1.5, "list", "caf\xc3\xa9 \"q\"", 1, 42, "last");
	cr_assert_not_null(j);
	want = json_dumps(j, JSON_INDENT(1) | JSON_PRESERVE_ORDER |
	    JSON_REAL_PRECISION(15));
	w.b = &b;
	gt_jw_begin(&w, '{');
	gt_jw_key(&w, "none");
	gt_jw_str(&w, NULL);
	gt_jw_key(&w, "empty");
	gt_jw_begin(&w, '[');
	gt_jw_end(&w);
	gt_jw_key(&w, "some");
	gt_jw_begin(&w, '{');
	gt_jw_key(&w, "x");
	gt_jw_real(&w, 1.5);
	gt_jw_key(&w, "list");
	gt_jw_begin(&w, '[');
	gt_jw_str(&w, "caf\xc3\xa9 \"q\"");
	gt_jw_bool(&w, 1);
	gt_jw_int(&w, 42);
	gt_jw_end(&w);
	gt_jw_end(&w);
	gt_jw_key(&w, "last");
	gt_jw_begin(&w, '{');
	gt_jw_end(&w);
	gt_jw_end(&w);
	cr_expect_str_eq(b.data, want);
	free(want);
	json_decref(j);
	gt_buf_free(&b);
}
