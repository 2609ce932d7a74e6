/* fuzz_conf.c: libFuzzer harness for site.conf. */
#include <stdint.h>
#include <stdlib.h>

#include "link.h"
#include "read.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct gt_model	*m = gt_model_new(".");
	char		*text = gt_xstrndup((const char *)data, len);

	gt_diag_reset();
	gt_conf_read(m, "site.conf", text, len);
	gt_link(m);
	free(text);
	gt_model_free(m);
	gt_diag_reset();
	return 0;
}
