/* fuzz_number.c: libFuzzer harness for figures (number.h). */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "number.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	char		*s = gt_xstrndup((const char *)data, len);
	char		 buf[GT_NUMBER_MAX];
	struct gt_value	 v, w;
	double		 d;
	int		 rv, rn;

	rv = gt_value_parse(s, &v);
	rn = gt_number_parse(s, &d);
	if (rv == -1) {
		/* A refusal leaves nothing behind, and refuses plain too. */
		if (v.kind != GT_VAL_MISSING || v.num != 0 || v.percent ||
		    v.money || rn != -1)
			abort();
	} else {
		if (v.kind != GT_VAL_MISSING && v.kind != GT_VAL_NUMBER &&
		    v.kind != GT_VAL_SUPPRESSED)
			abort();
		if (v.kind != GT_VAL_NUMBER &&
		    (v.num != 0 || v.percent || v.money))
			abort();
		if (v.percent && v.money)
			abort();
		if (v.kind == GT_VAL_NUMBER) {
			/* At most 15 digits before the point. */
			if (!isfinite(v.num) || fabs(v.num) >= 1e15)
				abort();
			/* A plain number is the same figure either way. */
			if ((rn == 0) != (!v.percent && !v.money))
				abort();
			if (rn == 0 && d != v.num)
				abort();
			/* What is written back reads back (to 6 places). */
			if (fabs(v.num) >= 1e9)
				goto out;
			gt_format_number(buf, sizeof(buf), v.num, 6);
			if (gt_value_parse(buf, &w) != 0 ||
			    w.kind != GT_VAL_NUMBER ||
			    fabs(w.num - gt_round(v.num, 6)) > 1e-6 *
			    (1 + fabs(v.num)))
				abort();
		} else if (rn != -1)
			abort();
	}
out:
	free(s);
	return 0;
}
