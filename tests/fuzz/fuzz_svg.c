/*
 * fuzz_svg.c: libFuzzer harness for charts made ready to inline
 * (svg_inline.c), a differential one: whatever gt_svg_inline accepts,
 * libxml2 must read, and html_write.c must write the same from libxml2's
 * tree (svg_ref.h); and a page filled with it must be whole.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "diag.h"
#include "svg_inline.h"
#include "tmpl.h"
#include "util.h"
#include "svg_ref.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static struct gt_tmpl	*t;
static struct gt_html	*h;

static void
setup(void)
{
	static char	 dir[] = "/tmp/gt-fuzz-svg-XXXXXX";
	char		*path;
	FILE		*f;

	if (mkdtemp(dir) == NULL)
		abort();
	path = gt_xasprintf("%s/p.html", dir);
	if ((f = fopen(path, "w")) == NULL)
		abort();
	fputs("<!DOCTYPE html>\n<html lang=\"en\"><head><title>t"
	    "</title></head><body><p><svg data-svg=\"v\"></svg></p>"
	    "</body></html>\n", f);
	fclose(f);
	free(path);
	t = gt_tmpl_new(dir);
	h = gt_html_new();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct gt_buf	 got = { 0 }, page = { 0 };
	struct gt_diag	*d;
	json_t		*v;
	char		*svg, *want;

	if (t == NULL)
		setup();
	svg = gt_xstrndup((const char *)data, len);
	if (gt_svg_inline(h, svg, &got) == 0) {
		want = svg_ref(h, svg);
		if (want == NULL || strcmp(got.data, want) != 0) {
			fprintf(stderr, "made:\n%s\nlibxml2:\n%s\n", got.data,
			    want != NULL ? want : "(refused)");
			abort();
		}
		free(want);
		v = json_object();
		json_object_set_new(v, "v", json_string(got.data));
		d = gt_diag_new();
		if (gt_tmpl_render(t, "p.html", v, NULL, 0, &page, d) == -1)
			abort();
		gt_diag_free(d);
		json_decref(v);
	}
	gt_buf_free(&got);
	gt_buf_free(&page);
	free(svg);
	return 0;
}
