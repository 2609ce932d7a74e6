/*
 * genplan.c: write a synthetic council of N measures in the input format,
 * for benchmarks. Deterministic: the same N gives the same files.
 *
 *	genplan N DIR
 *
 * Shape per 10 measures: 5 quarterly, 3 monthly, 2 annual; units mixed;
 * one in 10 cumulative; five years of figures to 2025/26 Q2 with about
 * 2% blanks; 4 measures per objective, 8 objectives per priority (one in
 * four nested under another), an action per 2 measures, a risk per 5.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static unsigned long long rng = 88172645463325252ULL;

/* xorshift64: the same sequence on every machine. */
static double
rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (double)(rng >> 11) / (double)(1ULL << 53);
}

static void
mkdirs(const char *dir)
{
	char	 path[4096];
	char	*p;

	snprintf(path, sizeof(path), "%s/", dir);
	for (p = strchr(path + 1, '/'); p != NULL; p = strchr(p + 1, '/')) {
		*p = '\0';
		if (mkdir(path, 0777) == -1 && errno != EEXIST) {
			perror(path);
			exit(1);
		}
		*p = '/';
	}
}

static FILE *
open_out(const char *dir, const char *name)
{
	char	 path[8192];
	FILE	*f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if ((f = fopen(path, "w")) == NULL) {
		perror(path);
		exit(1);
	}
	return f;
}

int
main(int argc, char *argv[])
{
	static const char *const units[] = { "%", "count", "days", "\xc2\xa3",
	    "rate" };
	char		 sub[4096], name[256];
	FILE		*f, *data, *prog;
	long		 n, i, k, nobj, npri, nact, nrisk;
	int		 y, q, mo;

	if (argc != 3 || (n = strtol(argv[1], NULL, 10)) < 1) {
		fputs("usage: genplan N DIR\n", stderr);
		return 2;
	}
	nobj = (n + 3) / 4;
	npri = (nobj + 7) / 8;
	nact = n / 2;
	nrisk = n / 5;
	snprintf(sub, sizeof(sub), "%s/content/data", argv[2]);
	mkdirs(sub);
	snprintf(sub, sizeof(sub), "%s/content", argv[2]);
	f = open_out(argv[2], "site.conf");
	fprintf(f, "[site]\ntitle = Benchmark council (%ld measures)\n"
	    "organisation = Benchmark Borough Council\n"
	    "base_url = https://example.org/\nas_at = 2025/26 Q2\n\n"
	    "[pack cabinet]\ntitle = Cabinet pack\naudience = Cabinet\n"
	    "priorities = p1\n", n);
	fclose(f);
	f = open_out(sub, "plan.md");
	fputs("---\ntitle: Benchmark plan\nvision: A place to measure.\n"
	    "values: [Fast]\n---\nA generated plan.\n", f);
	fclose(f);
	snprintf(sub, sizeof(sub), "%s/content/priorities", argv[2]);
	mkdirs(sub);
	for (i = 1; i <= npri; i++) {
		snprintf(name, sizeof(name), "p%ld.md", i);
		f = open_out(sub, name);
		fprintf(f, "---\nid: p%ld\ntitle: Priority %ld\norder: %ld\n---\n"
		    "Why priority %ld matters.\n", i, i, i, i);
		fclose(f);
	}
	snprintf(sub, sizeof(sub), "%s/content/objectives", argv[2]);
	mkdirs(sub);
	for (i = 1; i <= nobj; i++) {
		snprintf(name, sizeof(name), "o%ld.md", i);
		f = open_out(sub, name);
		if (i % 4 == 0)
			fprintf(f, "---\nid: o%ld\nparent: o%ld\n", i, i - 1);
		else
			fprintf(f, "---\nid: o%ld\npriority: p%ld\n", i,
			    (i - 1) / 8 + 1);
		fprintf(f, "title: Objective %ld\nportfolio: Portfolio %ld\n"
		    "lead: Director %ld\ntags: [T%ld]\n---\nObjective %ld.\n",
		    i, i % 6, i % 9, i % 5, i);
		fclose(f);
	}
	snprintf(sub, sizeof(sub), "%s/content/measures", argv[2]);
	mkdirs(sub);
	snprintf(name, sizeof(name), "%s/content/data", argv[2]);
	data = open_out(name, "values.csv");
	fputs("measure,period,value,note,flag\n", data);
	for (i = 1; i <= n; i++) {
		int kind = (int)(i % 10);
		const char *freq = kind < 5 ? "quarterly" : kind < 8 ?
		    "monthly" : "annual";
		const char *unit = units[i % 5];
		int pct = strcmp(unit, "%") == 0;
		int cum = i % 10 == 3 && !pct;
		double base = pct ? 40 + 40 * rnd() : 50 + 1000 * rnd();
		double trend = (rnd() - 0.4) * base * 0.05;
		double target = base + trend * 6;

		if (pct && target > 95)
			target = 95;
		snprintf(name, sizeof(name), "m%ld.md", i);
		f = open_out(sub, name);
		fprintf(f, "---\nid: M%ld\ntitle: Measure %ld\nobjective: o%ld\n"
		    "unit: \"%s\"\ndecimals: 1\npolarity: %s\nfrequency: %s\n"
		    "%stargets:\n  2024/25: %.1f\n  2025/26: %.1f\n"
		    "  2026/27: %.1f\nsource: System %ld\nowner: Officer %ld\n"
		    "---\nDefinition of measure %ld.\n", i, i, (i - 1) / 4 + 1,
		    unit, i % 3 ? "higher" : "lower", freq,
		    cum ? "cumulative: true\n" : "",
		    cum ? target * 4 : target, cum ? target * 4 : target,
		    cum ? target * 4 : target, i % 40, i % 70, i);
		fclose(f);
		for (y = 2020; y <= 2025; y++) {
			for (k = 0; k < (kind < 5 ? 4 : kind < 8 ? 12 : 1); k++) {
				double v = base + trend * (y - 2020 + k / 12.0) +
				    (rnd() - 0.5) * base * 0.04;

				if (pct && v > 100)
					v = 100;
				if (kind < 5) {
					q = (int)k + 1;
					if (y == 2025 && q > 2)
						break;
					fprintf(data, "M%ld,%d/%02d Q%d,", i, y,
					    (y + 1) % 100, q);
				} else if (kind < 8) {
					mo = ((int)k + 3) % 12 + 1;
					if (y == 2025 && k > 5)
						break;
					fprintf(data, "M%ld,%d-%02d,", i,
					    mo < 4 ? y + 1 : y, mo);
				} else {
					if (y == 2025)
						break;
					fprintf(data, "M%ld,%d/%02d,", i, y,
					    (y + 1) % 100);
				}
				if (rnd() < 0.02)
					fputs(",,\n", data);
				else
					fprintf(data, "%.1f,,\n", v);
			}
		}
	}
	fclose(data);
	snprintf(sub, sizeof(sub), "%s/content/actions", argv[2]);
	mkdirs(sub);
	snprintf(name, sizeof(name), "%s/content/data", argv[2]);
	prog = open_out(name, "progress.csv");
	fputs("action,period,status,note\n", prog);
	for (i = 1; i <= nact; i++) {
		snprintf(name, sizeof(name), "a%ld.md", i);
		f = open_out(sub, name);
		fprintf(f, "---\nid: A%ld\nobjective: o%ld\ntitle: Action %ld\n"
		    "lead: Officer %ld\ndue: 2026-03-31\nmilestones:\n"
		    "  - {title: Start, due: 2025-06-30}\n"
		    "  - {title: Finish, due: 2026-03-31}\n---\nAction %ld.\n",
		    i, (i - 1) % nobj + 1, i, i % 50, i);
		fclose(f);
		fprintf(prog, "A%ld,2025/26 Q1,on track,\nA%ld,2025/26 Q2,%s,\n",
		    i, i, i % 5 ? "on track" : "at risk");
	}
	fclose(prog);
	snprintf(sub, sizeof(sub), "%s/content/risks", argv[2]);
	mkdirs(sub);
	for (i = 1; i <= nrisk; i++) {
		snprintf(name, sizeof(name), "r%ld.md", i);
		f = open_out(sub, name);
		fprintf(f, "---\nid: R%ld\ntitle: Risk %ld\nowner: Officer %ld\n"
		    "objectives: [o%ld]\nlikelihood: %ld\nimpact: %ld\n"
		    "target_likelihood: 1\ntarget_impact: 2\n---\nRisk %ld.\n",
		    i, i, i % 30, (i - 1) % nobj + 1, i % 5 + 1, (i / 5) % 5 + 1,
		    i);
		fclose(f);
	}
	return 0;
}
