/*
 * test_cases.c: golden diagnostic cases.
 *
 * Each folder tests/cases/NAME is laid over the valid site in
 * tests/cases/_base (files in the case replace or add to the base's; a
 * file "remove" lists base paths to delete), checked with
 * `goldthread check` plus the arguments in "args" if present, and the
 * standard error and exit status compared with "expected", whose last
 * line is "[exit N]". A case with a file "expected-status" is judged
 * too: `goldthread status --format=csv` (with the same arguments) must
 * print it. Set GT_BLESS=1 to write "expected" (and "expected-status")
 * instead.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include <criterion/criterion.h>
#include <criterion/parameterized.h>

#define CASES	"tests/cases"

struct gcase {
	char	name[128];
};

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(((const struct gcase *)a)->name,
	    ((const struct gcase *)b)->name);
}

static void
free_params(struct criterion_test_params *p)
{
	cr_free(p->params);
}

ParameterizedTestParameters(cases, golden)
{
	struct gcase	*cs = NULL;
	size_t		 n = 0, cap = 0;
	DIR		*d;
	struct dirent	*de;

	if ((d = opendir(CASES)) == NULL)
		return cr_make_param_array(struct gcase, NULL, 0);
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.' || de->d_name[0] == '_' ||
		    strlen(de->d_name) >= sizeof(cs->name))
			continue;
		if (n == cap) {
			struct gcase *ncs;

			cap = cap ? cap * 2 : 64;
			ncs = cr_calloc(cap, sizeof(*ncs));
			if (cs != NULL) {
				memcpy(ncs, cs, n * sizeof(*cs));
				cr_free(cs);
			}
			cs = ncs;
		}
		strcpy(cs[n++].name, de->d_name);
	}
	closedir(d);
	qsort(cs, n, sizeof(*cs), name_cmp);
	return cr_make_param_array(struct gcase, cs, n, free_params);
}

static char *
slurp(const char *path)
{
	FILE	*f = fopen(path, "rb");
	char	*s;
	long	 n;

	if (f == NULL)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	s = malloc((size_t)n + 1);
	cr_assert_not_null(s);
	cr_assert_eq(fread(s, 1, (size_t)n, f), (size_t)n);
	s[n] = '\0';
	fclose(f);
	return s;
}

static int
run(const char *cmd)
{
	int	 st = system(cmd);

	return WIFEXITED(st) ? WEXITSTATUS(st) : 128;
}

/* got against the case's file name, or written there with GT_BLESS. */
static void
compare(const struct gcase *c, const char *name, const char *got)
{
	char	 path[512], *want;

	snprintf(path, sizeof(path), CASES "/%s/%s", c->name, name);
	if (getenv("GT_BLESS") != NULL) {
		FILE *f = fopen(path, "w");

		cr_assert_not_null(f);
		fputs(got, f);
		fclose(f);
	}
	want = slurp(path);
	cr_assert_not_null(want, "case %s has no %s file", c->name, name);
	cr_expect_str_eq(got, want, "case %s:\n--- got\n%s--- %s\n%s",
	    c->name, got, name, want);
	free(want);
}

ParameterizedTest(struct gcase *c, cases, golden)
{
	const char	*bin = getenv("GT_BIN");
	char		 tmp[] = "/tmp/gt-case-XXXXXX", cmd[4096], path[512];
	char		*args, *got, *want, *nl;
	int		 status;

	if (bin == NULL)
		bin = "build/goldthread";
	cr_assert_not_null(mkdtemp(tmp));
	snprintf(cmd, sizeof(cmd), "cp -R " CASES "/_base/. %s/ && "
	    "cp -R " CASES "/%s/. %s/ && cd %s && "
	    "rm -f expected expected-status args && "
	    "if [ -f remove ]; then xargs rm -rf < remove && rm remove; fi",
	    tmp, c->name, tmp, tmp);
	cr_assert_eq(run(cmd), 0, "cannot set up case %s", c->name);

	snprintf(path, sizeof(path), CASES "/%s/args", c->name);
	args = slurp(path);
	if (args != NULL && (nl = strchr(args, '\n')) != NULL)
		*nl = '\0';
	snprintf(cmd, sizeof(cmd), "%s check %s %s 2> %s.err", bin, tmp,
	    args != NULL ? args : "", tmp);
	status = run(cmd);
	snprintf(path, sizeof(path), "%s.err", tmp);
	got = slurp(path);
	cr_assert_not_null(got);
	got = realloc(got, strlen(got) + 32);
	sprintf(got + strlen(got), "[exit %d]\n", status);

	compare(c, "expected", got);
	free(got);

	snprintf(path, sizeof(path), CASES "/%s/expected-status", c->name);
	if ((want = slurp(path)) != NULL) {
		snprintf(cmd, sizeof(cmd), "%s status --format=csv %s %s > "
		    "%s.out 2>/dev/null", bin, tmp, args != NULL ? args : "",
		    tmp);
		run(cmd);
		snprintf(path, sizeof(path), "%s.out", tmp);
		got = slurp(path);
		cr_assert_not_null(got);
		compare(c, "expected-status", got);
		free(got);
		free(want);
	}
	snprintf(cmd, sizeof(cmd), "rm -rf %s %s.err %s.out", tmp, tmp, tmp);
	run(cmd);
	free(args);
}
