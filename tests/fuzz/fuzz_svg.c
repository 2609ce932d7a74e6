/*
 * fuzz_svg.c: libFuzzer harness for inline SVG images (data-svg), a
 * differential one: the input as it is, which tmpl.c writes without a
 * libxml2 tree when it can, and the same with a comment before its root,
 * which makes it take the tree, must give the same page or both fail.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "diag.h"
#include "tmpl.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static struct gt_tmpl	*t;

static char *
page(const char *svg)
{
	json_t		*data = json_object();
	struct gt_buf	 b = { 0 };
	char		*s = NULL;

	/* Unchecked: the page's bytes, valid UTF-8 or not, reach tmpl.c. */
	json_object_set_new(data, "v", json_stringn_nocheck(svg, strlen(svg)));
	if (gt_tmpl_render(t, "p.html", data, NULL, 0, &b) == 0)
		s = gt_buf_steal(&b);
	gt_buf_free(&b);
	json_decref(data);
	return s;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	static char	 dir[] = "/tmp/gt-fuzz-svg-XXXXXX";
	char		*svg, *tree, *a, *b, *path;
	const char	*decl;
	size_t		 k = 0;
	FILE		*f;

	if (t == NULL) {
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
	}
	/* Other values are names of cached images, not images. */
	if (len == 0 || data[0] != '<')
		return 0;
	svg = gt_xstrndup((const char *)data, len);
	/* After the XML declaration, which must come first. */
	if (strncmp(svg, "<?xml", 5) == 0 && (decl = strstr(svg, "?>")) != NULL)
		k = (size_t)(decl + 2 - svg);
	tree = gt_xasprintf("%.*s<!---->%s", (int)k, svg, svg + k);
	gt_diag_reset();
	a = page(svg);
	b = page(tree);
	if ((a == NULL) != (b == NULL) || (a != NULL && strcmp(a, b) != 0)) {
		fprintf(stderr, "direct:\n%s\ntree:\n%s\n", a ? a : "(failed)",
		    b ? b : "(failed)");
		abort();
	}
	free(a);
	free(b);
	free(tree);
	free(svg);
	gt_diag_reset();
	return 0;
}
