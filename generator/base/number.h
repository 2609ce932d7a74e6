/*
 * number.h: figures as they arrive in spreadsheets and front matter.
 *
 * Accepted: "72.8", "-3", "+3", "\u22123" (a typographic minus), ".5",
 * "72.8%", "12.5 %", "1,234", "£1,234.50", "£ 1,234", "-£5", "£-5",
 * " 12 " (white space trimmed). Missing-value markers (value absent, not
 * yet available), in any case: "", "NA", "N/A", "-", "..", "[x]", "[z]",
 * "null", "NaN", "#N/A", ":". Suppressed (disclosure control; known but
 * withheld, never a number): "<5", "< 10", "*", "c", "[c]", "~".
 *
 * Numbers are plain decimals whatever the locale: the point is always '.',
 * commas only group thousands ("1,234,567"; not "12,34" or "0,123"). No
 * exponent, hex or inf. "12." is refused as a probable slip. At most 15
 * digits before the point, 20 after it (trailing zeros aside) and 17
 * significant in all. White space is ASCII only.
 */
#ifndef GT_NUMBER_H
#define GT_NUMBER_H

enum gt_vkind {
	GT_VAL_MISSING = 0,
	GT_VAL_NUMBER,
	GT_VAL_SUPPRESSED
};

struct gt_value {
	enum gt_vkind	kind;
	double		num;	/* GT_VAL_NUMBER only */
	int		percent; /* written with a trailing % */
	int		money;	/* written with a leading £ */
};

/* Returns 0 and fills *v, or -1 if s is none of the forms above. */
int	gt_value_parse(const char *s, struct gt_value *v);
/* A plain number only (no markers); 0 or -1. */
int	gt_number_parse(const char *s, double *out);

#endif
