/* target_read.c: targets relative to another figure (see read.h). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "read.h"

/* "<number> above last year": the number of a percentage, or -1. */
static int
pct_of(const char *s, size_t n, double *out)
{
	char	*t;
	int	 rc;

	if (n < 2 || s[n - 1] != '%')
		return -1;
	t = gt_xstrndup(s, n - 1);
	rc = gt_number_parse(t, out) == -1 || *out < 0 ? -1 : 0;
	free(t);
	return rc;
}

/* Does s start with word (any case)? Then skip it. */
static int
starts(const char **s, const char *word)
{
	size_t	 n = strlen(word);

	if (strncasecmp(*s, word, n) != 0)
		return 0;
	*s += n;
	return 1;
}

int
gt_target_rel_parse(const char *in, struct gt_target *t)
{
	char		*copy = gt_trim(gt_xstrdup(in));
	const char	*s = copy, *sp;
	int		 rc = -1;

	t->rel = GT_REL_NONE;
	/* "at least" and "at most" say nothing the polarity does not. */
	if (!starts(&s, "at least "))
		starts(&s, "at most ");
	if (strcasecmp(s, "better than last year") == 0) {
		t->rel = GT_REL_LAST_YEAR;
		t->pct = 0;
	} else if ((sp = strchr(s, ' ')) != NULL &&
	    pct_of(s, (size_t)(sp - s), &t->pct) == 0 &&
	    (strcasecmp(sp, " above last year") == 0 ||
	    strcasecmp(sp, " below last year") == 0)) {
		t->rel = GT_REL_LAST_YEAR;
		if (sp[1] == 'b' || sp[1] == 'B')
			t->pct = -t->pct;
	} else if (starts(&s, "better than ") && *s != '\0')
		t->rel = GT_REL_COMPARATOR;
	else if (starts(&s, "top quartile of ") && *s != '\0')
		t->rel = GT_REL_QUARTILE;
	if (t->rel == GT_REL_COMPARATOR || t->rel == GT_REL_QUARTILE)
		t->group = gt_xstrdup(s);
	if (t->rel != GT_REL_NONE) {
		t->lo = t->hi = 0;
		rc = 0;
	}
	free(copy);
	return rc;
}
