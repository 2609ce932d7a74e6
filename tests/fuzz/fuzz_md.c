/* fuzz_md.c: libFuzzer harness for Markdown files with front matter. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "link.h"
#include "md_walk.h"
#include "read.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* A body as the open data write it (gt_md_text). */
static void
text_of(const struct gt_body *b)
{
	free(gt_md_text(b->doc));
}

/* The first byte picks the kind of file, so every reader is reached. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	static FILE	*null;
	struct gt_model	*m;
	struct gt_diag	*d;
	char		*text;
	size_t		 i;

	if (len == 0)
		return 0;
	m = gt_model_new(".");
	m->diag = d = gt_diag_new();
	text = gt_xstrndup((const char *)data + 1, len - 1);
	gt_md_read(m, (enum gt_kind)(data[0] % (GT_KIND_RISK + 1)), "fuzz.md",
	    text, len - 1);
	gt_link(m);
	if (m->plan != NULL)
		text_of(&m->plan->body);
	for (i = 0; i < m->npriorities; i++)
		text_of(&m->priorities[i]->body);
	for (i = 0; i < m->nobjectives; i++)
		text_of(&m->objectives[i]->body);
	for (i = 0; i < m->nmeasures; i++)
		text_of(&m->measures[i]->body);
	for (i = 0; i < m->nactions; i++)
		text_of(&m->actions[i]->body);
	for (i = 0; i < m->nrisks; i++)
		text_of(&m->risks[i]->body);
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
