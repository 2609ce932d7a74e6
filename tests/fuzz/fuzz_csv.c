/* fuzz_csv.c: libFuzzer harness for the CSV reader. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "link.h"
#include "read.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct gt_model	*m = gt_model_new(".");
	struct gt_diag	*d = gt_diag_new();
	char		*text = gt_xstrndup((const char *)data, len);

	m->diag = d;
	gt_csv_read(m, "fuzz.csv", text, len);
	gt_link(m);
	free(text);
	gt_model_free(m);
	gt_diag_free(d);
	return 0;
}
