/* fuzz_md.c: libFuzzer harness for Markdown files with front matter. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "link.h"
#include "read.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* The first byte picks the kind of file, so every reader is reached. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	static FILE	*null;
	struct gt_model	*m;
	struct gt_diag	*d;
	char		*text;

	if (len == 0)
		return 0;
	m = gt_model_new(".");
	m->diag = d = gt_diag_new();
	text = gt_xstrndup((const char *)data + 1, len - 1);
	gt_md_read(m, (enum gt_kind)(data[0] % (GT_KIND_RISK + 1)), "fuzz.md",
	    text, len - 1);
	gt_link(m);
	/* Values reach the diagnostics, printed escaped. */
	if (null == NULL)
		null = fopen("/dev/null", "w");
	if (null != NULL)
		gt_diag_print(d, null, data[0] & 0x80 ? GT_DIAG_JSON :
		    GT_DIAG_TEXT, 0);
	free(text);
	gt_model_free(m);
	gt_diag_free(d);
	return 0;
}
