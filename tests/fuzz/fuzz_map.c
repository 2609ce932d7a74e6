/*
 * fuzz_map.c: libFuzzer harness for import mappings: the input is a
 * mapping, then a line "====", then the export it reads. Both are read,
 * the rows linked, and everything freed.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "import.h"
#include "link.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct gt_model		*m = gt_model_new(".");
	struct gt_diag		*d = gt_diag_new();
	struct gt_import	*imp;
	char			*text = gt_xstrndup((const char *)data, len);
	char			*sep = strstr(text, "\n====\n");
	size_t			 maplen = sep != NULL ? (size_t)(sep - text) :
				    strlen(text);
	const char		*csv = sep != NULL ? sep + 6 : "";

	m->diag = d;
	imp = gt_import_parse(d, gt_model_file(m, "x.map"), "x.map",
	    &m->conf.cal, text, maplen);
	if (!gt_import_broken(imp))
		gt_csv_read_mapped(m, gt_model_file(m, "x.csv"), csv,
		    strlen(csv), imp);
	gt_link(m);
	gt_import_free(imp);
	free(text);
	gt_model_free(m);
	gt_diag_free(d);
	return 0;
}
