/*
 * helpers.h: shared by the unit tests: one set of diagnostics a test
 * reports into (through the models it makes), and that set as text.
 */
#ifndef GT_TEST_HELPERS_H
#define GT_TEST_HELPERS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "model.h"

static struct gt_diag	*test_diag;

/* Start again with an empty set. */
static inline void
diag_reset(void)
{
	gt_diag_free(test_diag);
	test_diag = gt_diag_new();
}

/* The set, made if need be. */
static inline struct gt_diag *
diags(void)
{
	if (test_diag == NULL)
		test_diag = gt_diag_new();
	return test_diag;
}

/* A model that reports into the test's set. */
static inline struct gt_model *
test_model(const char *root)
{
	struct gt_model	*m = gt_model_new(root);

	m->diag = diags();
	return m;
}

/* Everything reported since the last reset, as printed; caller frees. */
static inline char *
diag_text(void)
{
	char	*s = NULL;
	size_t	 n = 0;
	FILE	*f = open_memstream(&s, &n);

	gt_diag_print(diags(), f, GT_DIAG_TEXT, 0);
	fclose(f);
	return s;
}

#endif
