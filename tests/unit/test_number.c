/* test_number.c: figures as spreadsheets write them. */
#include <criterion/criterion.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "number.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* A figure as written, and what it reads as. */
struct reading {
	const char	*s;
	enum gt_vkind	 kind;
	double		 num;
	int		 percent, money;
};

static void
expect_readings(const struct reading *t, size_t n)
{
	struct gt_value	 v;
	size_t		 i;

	for (i = 0; i < n; i++) {
		cr_expect_eq(gt_value_parse(t[i].s, &v), 0, "'%s'", t[i].s);
		cr_expect_eq(v.kind, t[i].kind, "'%s'", t[i].s);
		if (t[i].kind == GT_VAL_NUMBER)
			cr_expect_eq(v.num, t[i].num, "'%s': %.17g", t[i].s,
			    v.num);
		cr_expect_eq(v.percent, t[i].percent, "'%s'", t[i].s);
		cr_expect_eq(v.money, t[i].money, "'%s'", t[i].s);
	}
}

Test(number, values)
{
	static const struct reading t[] = {
		{ "72.8", GT_VAL_NUMBER, 72.8, 0, 0 },
		{ " 72.8% ", GT_VAL_NUMBER, 72.8, 1, 0 },
		{ "0", GT_VAL_NUMBER, 0, 0, 0 },
		{ "0.0", GT_VAL_NUMBER, 0, 0, 0 },
		{ "007", GT_VAL_NUMBER, 7, 0, 0 },
		{ "00.5", GT_VAL_NUMBER, 0.5, 0, 0 },
		{ "1,234", GT_VAL_NUMBER, 1234, 0, 0 },
		{ "1,000", GT_VAL_NUMBER, 1000, 0, 0 },
		{ "12,345", GT_VAL_NUMBER, 12345, 0, 0 },
		{ "123,456", GT_VAL_NUMBER, 123456, 0, 0 },
		{ "1,234,567", GT_VAL_NUMBER, 1234567, 0, 0 },
		{ "1,234,567.5", GT_VAL_NUMBER, 1234567.5, 0, 0 },
		{ "1,234,567,890", GT_VAL_NUMBER, 1234567890, 0, 0 },
		{ "£1,234", GT_VAL_NUMBER, 1234, 0, 1 },
		{ "£1,234.50", GT_VAL_NUMBER, 1234.5, 0, 1 },
		{ "£0.50", GT_VAL_NUMBER, 0.5, 0, 1 },
		{ "-£5", GT_VAL_NUMBER, -5, 0, 1 },
		{ "£-5", GT_VAL_NUMBER, -5, 0, 1 },
		{ "-£1,234.50", GT_VAL_NUMBER, -1234.5, 0, 1 },
		{ " -£5 ", GT_VAL_NUMBER, -5, 0, 1 },
		{ "-3", GT_VAL_NUMBER, -3, 0, 0 },
		{ "-0", GT_VAL_NUMBER, 0, 0, 0 },
		{ "-0.0", GT_VAL_NUMBER, 0, 0, 0 },
		{ "-5%", GT_VAL_NUMBER, -5, 1, 0 },
		{ "-0.5%", GT_VAL_NUMBER, -0.5, 1, 0 },
		{ "100%", GT_VAL_NUMBER, 100, 1, 0 },
		{ "0%", GT_VAL_NUMBER, 0, 1, 0 },
		{ "1,234.5%", GT_VAL_NUMBER, 1234.5, 1, 0 },
		{ "0.125", GT_VAL_NUMBER, 0.125, 0, 0 },
		{ "\t42\n", GT_VAL_NUMBER, 42, 0, 0 },
		{ "\r\n3.5\r\n", GT_VAL_NUMBER, 3.5, 0, 0 },
		{ "\v\f9\f\v", GT_VAL_NUMBER, 9, 0, 0 },
		/* The limits: 15 digits whole, 17 significant, 20 places. */
		{ "999999999999999", GT_VAL_NUMBER, 999999999999999.0, 0, 0 },
		{ "999,999,999,999,999", GT_VAL_NUMBER, 999999999999999.0, 0,
		    0 },
		{ "000000000000000000001", GT_VAL_NUMBER, 1, 0, 0 },
		{ "123456789012345.67", GT_VAL_NUMBER, 123456789012345.67, 0,
		    0 },
		{ "0.30000000000000004", GT_VAL_NUMBER, 0.30000000000000004, 0,
		    0 },
		{ "72.800000000000011", GT_VAL_NUMBER, 72.800000000000011, 0,
		    0 },
		{ "0.0000000000000001", GT_VAL_NUMBER, 1e-16, 0, 0 },
		{ "0.00000000000000000001", GT_VAL_NUMBER, 1e-20, 0, 0 },
		{ "0.12345678901234567", GT_VAL_NUMBER, 0.12345678901234567, 0,
		    0 },
		{ "1.50000000000000000000000000000", GT_VAL_NUMBER, 1.5, 0, 0 },
		{ "", GT_VAL_MISSING, 0, 0, 0 },
		{ "   ", GT_VAL_MISSING, 0, 0, 0 },
		{ "\t\r\n", GT_VAL_MISSING, 0, 0, 0 },
		{ "NA", GT_VAL_MISSING, 0, 0, 0 },
		{ " NA ", GT_VAL_MISSING, 0, 0, 0 },
		{ "na", GT_VAL_MISSING, 0, 0, 0 },
		{ "n/a", GT_VAL_MISSING, 0, 0, 0 },
		{ "N/A", GT_VAL_MISSING, 0, 0, 0 },
		{ "-", GT_VAL_MISSING, 0, 0, 0 },
		{ " - ", GT_VAL_MISSING, 0, 0, 0 },
		{ "..", GT_VAL_MISSING, 0, 0, 0 },
		{ "[x]", GT_VAL_MISSING, 0, 0, 0 },
		{ "[z]", GT_VAL_MISSING, 0, 0, 0 },
		{ "<5", GT_VAL_SUPPRESSED, 0, 0, 0 },
		{ "< 10", GT_VAL_SUPPRESSED, 0, 0, 0 },
		{ "<1,000", GT_VAL_SUPPRESSED, 0, 0, 0 },
		{ "<0.5", GT_VAL_SUPPRESSED, 0, 0, 0 },
		{ "*", GT_VAL_SUPPRESSED, 0, 0, 0 },
		{ "c", GT_VAL_SUPPRESSED, 0, 0, 0 },
		{ " c ", GT_VAL_SUPPRESSED, 0, 0, 0 },
		{ "[c]", GT_VAL_SUPPRESSED, 0, 0, 0 },
		{ "~", GT_VAL_SUPPRESSED, 0, 0, 0 },
	};

	expect_readings(t, NELEM(t));
}

/* The spellings real exports use, each read as its meaning is clear. */
Test(number, export_spellings)
{
	static const struct reading t[] = {
		{ "\xe2\x88\x92" "3", GT_VAL_NUMBER, -3, 0, 0 },
		{ "\xe2\x88\x92" "0.07", GT_VAL_NUMBER, -0.07, 0, 0 },
		{ "\xe2\x88\x92" "£5", GT_VAL_NUMBER, -5, 0, 1 },
		{ "£" "\xe2\x88\x92" "5", GT_VAL_NUMBER, -5, 0, 1 },
		{ "+3", GT_VAL_NUMBER, 3, 0, 0 },
		{ "+2.5%", GT_VAL_NUMBER, 2.5, 1, 0 },
		{ "+£5", GT_VAL_NUMBER, 5, 0, 1 },
		{ "£+5", GT_VAL_NUMBER, 5, 0, 1 },
		{ ".5", GT_VAL_NUMBER, 0.5, 0, 0 },
		{ "-.5", GT_VAL_NUMBER, -0.5, 0, 0 },
		{ "£.5", GT_VAL_NUMBER, 0.5, 0, 1 },
		{ ".05%", GT_VAL_NUMBER, 0.05, 1, 0 },
		{ "12.5 %", GT_VAL_NUMBER, 12.5, 1, 0 },
		{ "-16 %", GT_VAL_NUMBER, -16, 1, 0 },
		{ "£ 1,234", GT_VAL_NUMBER, 1234, 0, 1 },
		{ "£ -5", GT_VAL_NUMBER, -5, 0, 1 },
		{ "100.3%", GT_VAL_NUMBER, 100.3, 1, 0 },
		{ "153%", GT_VAL_NUMBER, 153, 1, 0 },
		{ "null", GT_VAL_MISSING, 0, 0, 0 },
		{ "NULL", GT_VAL_MISSING, 0, 0, 0 },
		{ "Null", GT_VAL_MISSING, 0, 0, 0 },
		{ "NaN", GT_VAL_MISSING, 0, 0, 0 },
		{ "nan", GT_VAL_MISSING, 0, 0, 0 },
		{ "#N/A", GT_VAL_MISSING, 0, 0, 0 },
		{ "#n/a", GT_VAL_MISSING, 0, 0, 0 },
		{ ":", GT_VAL_MISSING, 0, 0, 0 },
		{ " : ", GT_VAL_MISSING, 0, 0, 0 },
		{ "[X]", GT_VAL_MISSING, 0, 0, 0 },
	};

	expect_readings(t, NELEM(t));
}

/* "-0" is zero, not negative zero, so it prints as "0". */
Test(number, no_negative_zero)
{
	struct gt_value	 v;

	cr_assert_eq(gt_value_parse("-0.00", &v), 0);
	cr_expect(!signbit(v.num));
	cr_assert_eq(gt_value_parse("-£0", &v), 0);
	cr_expect(!signbit(v.num));
}

Test(number, rejections)
{
	static const char *const bad[] = {
		/* Commas out of place. */
		"1,23", "12,34", "12,3456", "1,2345", ",123", "123,", ",",
		"1,,234", "1,234,56", "1,234,5678", "1234,567", "0,123",
		"01,234", "000,123", "1,234.5,6", "1.234,5", "1.234.567",
		"1,234.",
		/* Points out of place. */
		"12.", ".", "-.", "1.2.3", "1..2", "..5", ".5.", "1,.5",
		/* Signs and currency out of place. */
		"--5", "-£-5", "£--5", "£-£5", "££5", "£", "-£", "£-", "%",
		"-%", "£%", "5%%", "%5", "£5%", "-£5%", "£-5%", "5£", "5-",
		"(5)", "- 5", "+-5", "-+5", "++5", "\xe2\x88\x92" "-5",
		"\xe2\x88\x92", "\xe2\x88" "5", "5  %", "% 5", "£  5",
		"\xc2", "\xc2" "5", "\xa3" "5", "\xc2\xa4" "5",
		"\xe2\x82\xac" "5", "$5", "5p",
		/* Not plain decimal notation. */
		"1e5", "1E5", "1e-5", "0x10", "0X1A", "inf", "INF", "infinity",
		"nan5", "NaNa", "1_000", "1'000", "1 234", "5 5", "\xef\xbc\x95",
		"1\xc2\xa0" "234", "five", "72.8%%",
		/* Too many digits to hold. */
		"99999999999999999999", "1000000000000000",
		"1,000,000,000,000,000", "123456789012345.678",
		"0.123456789012345678", "0.000000000000000000001",
		"12345678901234567890.5", "999999999999999.99",
		/* Near misses of the markers. */
		"<", "< ", "<x", "<-5", "<5%", "<£5", "<<5", "< 5 5", "[X",
		"C", "[C]", "#N/A!", "::", "nul", "nulls", "n.a.", "NA NA", "N/A/", "na.", "...", "--", "**",
		"~~", "[c", "c]", "[]",
	};
	struct gt_value	 v;
	double		 d;
	size_t		 i;

	for (i = 0; i < NELEM(bad); i++) {
		cr_expect_eq(gt_value_parse(bad[i], &v), -1, "'%s'", bad[i]);
		cr_expect_eq(gt_number_parse(bad[i], &d), -1, "'%s'", bad[i]);
	}
}

Test(number, long_input)
{
	static char	 s[100000];
	struct gt_value	 v;

	memset(s, '9', sizeof(s) - 1);
	cr_expect_eq(gt_value_parse(s, &v), -1, "a long run of digits");
	memset(s, '0', sizeof(s) - 1);
	cr_expect_eq(gt_value_parse(s, &v), 0, "a long run of zeros is 0");
	cr_expect_eq(v.num, 0);
	s[sizeof(s) - 2] = '1';
	cr_expect_eq(gt_value_parse(s, &v), 0, "leading zeros are harmless");
	cr_expect_eq(v.num, 1);
	s[1] = '.';
	cr_expect_eq(gt_value_parse(s, &v), -1, "but places are not");
	memset(s, ' ', sizeof(s) - 1);
	cr_expect_eq(gt_value_parse(s, &v), 0);
	cr_expect_eq(v.kind, GT_VAL_MISSING);
	memcpy(s + 5000, "£1,234.5%", 11);
	cr_expect_eq(gt_value_parse(s, &v), -1);
	memcpy(s + 5000, "  -1,234.5%", 11);
	cr_expect_eq(gt_value_parse(s, &v), 0);
	cr_expect_eq(v.num, -1234.5);
	cr_expect_eq(v.percent, 1);
	memset(s, ',', sizeof(s) - 1);
	cr_expect_eq(gt_value_parse(s, &v), -1);
	memset(s, '1', sizeof(s) - 1);
	s[0] = '<';
	cr_expect_eq(gt_value_parse(s, &v), -1);
}

/* The nearest double every time: the same as the C library in "C". */
Test(number, correctly_rounded)
{
	char		 s[64];
	double		 want, x;
	unsigned long	 seed = 12345;
	int		 i, places;

	for (i = 0; i < 100000; i++) {
		seed = seed * 6364136223846793005UL + 1442695040888963407UL;
		/* Up to 14 or 17 significant digits. */
		places = (int)(seed >> 58) % (i % 2 ? 9 : 6);
		x = (double)(seed >> 14) / (double)(1UL << 50) *
		    (i % 2 ? 1e6 : 1e12);
		snprintf(s, sizeof(s), "%.*f", places, x);
		want = strtod(s, NULL);
		cr_assert_eq(gt_number_parse(s, &x), 0, "%s", s);
		cr_assert_eq(x, want, "%s: %.17g, want %.17g", s, x, want);
	}
	/* Every double written with 17 digits comes back as itself. */
	for (i = 0; i < 100000; i++) {
		seed = seed * 6364136223846793005UL + 1442695040888963407UL;
		want = (double)(seed >> 11) / (double)(1UL << 53) * 1000;
		snprintf(s, sizeof(s), "%.17g", want);
		if (strchr(s, 'e') != NULL)
			continue;
		cr_assert_eq(gt_number_parse(s, &x), 0, "%s", s);
		cr_assert_eq(x, want, "%s", s);
	}
}

Test(number, plain_numbers)
{
	static const struct {
		const char	*s;
		double		 d;
	} ok[] = {
		{ "-2.5", -2.5 }, { " 5 ", 5 }, { "1,234", 1234 }, { "0", 0 },
		{ "3", 3 }, { "36", 36 },
	};
	static const char *const bad[] = {
		"5%", "£5", "-£5", "NA", "", "-", "<5", "c", "*", "[x]",
	};
	double	 d;
	size_t	 i;

	for (i = 0; i < NELEM(ok); i++) {
		cr_expect_eq(gt_number_parse(ok[i].s, &d), 0, "'%s'", ok[i].s);
		cr_expect_eq(d, ok[i].d, "'%s'", ok[i].s);
	}
	for (i = 0; i < NELEM(bad); i++)
		cr_expect_eq(gt_number_parse(bad[i], &d), -1, "'%s'", bad[i]);
}

/* Where the machine has a locale with a decimal comma, it changes nothing. */
Test(number, locale)
{
	static const char *const names[] = {
		"de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8", "fr_FR.utf8",
		"nl_NL.UTF-8", "de_DE", "fr_FR",
	};
	struct gt_value	 v;
	size_t		 i;

	for (i = 0; i < NELEM(names); i++)
		if (setlocale(LC_ALL, names[i]) != NULL)
			break;
	if (i == NELEM(names))
		cr_skip_test("no locale with a decimal comma");
	cr_expect_eq(gt_value_parse("72.8", &v), 0);
	cr_expect_eq(v.num, 72.8);
	cr_expect_eq(gt_value_parse("1,234", &v), 0);
	cr_expect_eq(v.num, 1234);
	cr_expect_eq(gt_value_parse("0.30000000000000004", &v), 0);
	cr_expect_eq(v.num, 0.30000000000000004);
	cr_expect_eq(gt_value_parse("72,8", &v), -1);
	setlocale(LC_ALL, "C");
}
