/* fuzz_period.c: libFuzzer harness for periods, dates and numbers. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "number.h"
#include "period.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	char			*s = gt_xstrndup((const char *)data, len);
	char			 buf[GT_PERIOD_MAX];
	struct gt_calendar	 cal;
	struct gt_period	 p, q;
	struct gt_value		 v;
	struct gt_date		 d;
	int			 f;

	gt_calendar_default(&cal);
	if (gt_period_parse(s, &p) == 0) {
		/* What is written back must read back as the same period. */
		gt_period_format(&p, buf, sizeof(buf));
		if (gt_period_parse(buf, &q) != 0 || !gt_period_eq(&p, &q))
			abort();
		for (f = GT_FREQ_MONTHLY; f <= GT_FREQ_BIENNIAL; f++)
			gt_period_expected(&cal, (enum gt_freq)f, p.type, &p, 3);
		q = gt_period_prev(&p);
		gt_period_cmp(&cal, &p, &q);
		gt_period_end_date(&cal, &p);
	}
	gt_value_parse(s, &v);
	if (gt_date_parse(s, &d) == 0 && !gt_date_valid(&d))
		abort();
	free(s);
	return 0;
}
