/* helpers.h: shared by the unit tests: capture diagnostics as text. */
#ifndef GT_TEST_HELPERS_H
#define GT_TEST_HELPERS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"

/* Everything reported since the last reset, as printed; caller frees. */
static inline char *
diag_text(void)
{
	char	*s = NULL;
	size_t	 n = 0;
	FILE	*f = open_memstream(&s, &n);

	gt_diag_print(f, GT_DIAG_TEXT, 0);
	fclose(f);
	return s;
}

#endif
