/* fuzz_fm.c: libFuzzer harness for the YAML front matter tree. */
#include <stdint.h>

#include "fm.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct gt_diag	*d = gt_diag_new();
	struct gt_fm	*t;

	t = gt_fm_parse((const char *)data, len, "fuzz.md", 2, d);
	if (t != NULL && t->kind == GT_FM_MAP) {
		gt_fm_get(t, "id");
		gt_fm_unused(t);
	}
	gt_fm_free(t);
	gt_diag_free(d);
	return 0;
}
