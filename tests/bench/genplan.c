/*
 * genplan.c: write a synthetic council of N measures in the input format,
 * for benchmarks. Deterministic: the same N gives the same files.
 *
 *	genplan N DIR
 *
 * Shape per 10 measures: 5 quarterly, 3 monthly, 2 annual; units mixed
 * (%, count, days, money, rate, per 1,000); polarity higher, lower and
 * one in 10 a band target; one in 10 cumulative; one in 4 with its own
 * tolerance (relative or absolute); one in 3 quarterly or annual measures
 * with an England comparator. Five years of figures to 2025/26 Q2 with
 * about 2% blanks, 1% suppressed ("<5") counts, a note on one row in 25
 * and the latest figure provisional for one measure in 8. 4 measures per
 * objective, 8 objectives per priority (one in four nested under
 * another), an action per 2 measures (not started, on track, at risk,
 * complete; some due before the as-at date, so overdue), a risk per 5.
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
	    "rate", "per 1,000 population" };
	static const char *const act[] = { "on track", "on track", "at risk",
	    "complete", "not started", "on track" };
	char		 sub[4096], name[256], tol[32];
	FILE		*f, *data, *prog, *cmp;
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
	cmp = open_out(name, "comparators.csv");
	fputs("measure,period,group,value\n", cmp);
	for (i = 1; i <= n; i++) {
		int kind = (int)(i % 10);
		const char *freq = kind < 5 ? "quarterly" : kind < 8 ?
		    "monthly" : "annual";
		const char *unit = units[i % 6];
		int pct = strcmp(unit, "%") == 0;
		int count = strcmp(unit, "count") == 0;
		int cum = i % 10 == 3 && !pct;
		int band = i % 10 == 7 && !cum;
		int compare = kind != 5 && kind != 6 && kind != 7 && i % 3 == 0;
		int prov = i % 8 == 1;
		double base = pct ? 40 + 40 * rnd() : count ? 5 + 200 * rnd() :
		    50 + 1000 * rnd();
		double trend = (rnd() - 0.4) * base * 0.05;
		double target = base + trend * 6;
		double tg[3];
		long last = -1;

		if (pct && target > 95)
			target = 95;
		for (k = 0; k < 3; k++)
			tg[k] = cum ? target * 4 : target;
		if (i % 4 == 1)
			snprintf(tol, sizeof(tol), "tolerance: \"%d%%\"\n",
			    (int)(i % 3) * 5 + 5);
		else if (i % 4 == 2)
			snprintf(tol, sizeof(tol), "tolerance: %.1f\n",
			    base * 0.03);
		else
			tol[0] = '\0';
		snprintf(name, sizeof(name), "m%ld.md", i);
		f = open_out(sub, name);
		fprintf(f, "---\nid: M%ld\ntitle: Measure %ld of the plan, "
		    "%s\nobjective: o%ld\nunit: \"%s\"\ndecimals: %d\n"
		    "polarity: %s\nfrequency: %s\n%s%stargets:\n", i, i, freq,
		    (i - 1) / 4 + 1, unit, count ? 0 : 1,
		    band ? "band" : i % 3 ? "higher" : "lower", freq,
		    cum ? "cumulative: true\n" : "", tol);
		for (k = 0; k < 3; k++) {
			if (band)
				fprintf(f, "  %ld/%02ld: [%.1f, %.1f]\n",
				    2024 + k, (25 + k) % 100, tg[k] * 0.95,
				    tg[k] * 1.05 > 100 && pct ? 100 :
				    tg[k] * 1.05);
			else
				fprintf(f, "  %ld/%02ld: %.1f\n", 2024 + k,
				    (25 + k) % 100, tg[k]);
		}
		fprintf(f, "source: System %ld\nowner: Officer %ld\n"
		    "level: %s\ntags: [T%ld, Pledge %ld]\n---\n"
		    "Definition of measure %ld: what is counted, when and "
		    "by whom.\n\nWhy it matters to residents, and what the "
		    "figures depend on besides the council's own work.\n",
		    i % 40, i % 70, i % 5 ? "strategic" : "operational",
		    i % 7, i % 12 + 1, i);
		fclose(f);
		if (prov) {	/* how many rows the measure has */
			last = kind < 5 ? 5 * 4 + 2 : kind < 8 ? 5 * 12 + 6 :
			    5;
		}
		mo = 0;	/* rows written for this measure */
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
					int mon = ((int)k + 3) % 12 + 1;

					if (y == 2025 && k > 5)
						break;
					fprintf(data, "M%ld,%d-%02d,", i,
					    mon < 4 ? y + 1 : y, mon);
				} else {
					if (y == 2025)
						break;
					fprintf(data, "M%ld,%d/%02d,", i, y,
					    (y + 1) % 100);
				}
				if (compare && kind < 5)
					fprintf(cmp, "M%ld,%d/%02d Q%d,England,"
					    "%.1f\n", i, y, (y + 1) % 100,
					    (int)k + 1, v * (0.95 + 0.1 *
					    rnd()));
				else if (compare)
					fprintf(cmp, "M%ld,%d/%02d,England,"
					    "%.1f\n", i, y, (y + 1) % 100,
					    v * (0.95 + 0.1 * rnd()));
				if (++mo == last)
					fprintf(data, "%.1f,Figure to be "
					    "confirmed,provisional\n", v);
				else if (rnd() < 0.02)
					fputs(",,\n", data);
				else if (count && rnd() < 0.01)
					fputs("<5,Fewer than five,\n", data);
				else if (rnd() < 0.04)
					fprintf(data, "%.1f,\"Includes late "
					    "returns, checked\",\n", v);
				else
					fprintf(data, "%.1f,,\n", v);
			}
		}
	}
	fclose(data);
	fclose(cmp);
	snprintf(sub, sizeof(sub), "%s/content/actions", argv[2]);
	mkdirs(sub);
	snprintf(name, sizeof(name), "%s/content/data", argv[2]);
	prog = open_out(name, "progress.csv");
	fputs("action,period,status,note\n", prog);
	for (i = 1; i <= nact; i++) {
		snprintf(name, sizeof(name), "a%ld.md", i);
		f = open_out(sub, name);
		fprintf(f, "---\nid: A%ld\nobjective: o%ld\ntitle: Action %ld\n"
		    "lead: Officer %ld\ndue: %s\nmilestones:\n"
		    "  - {title: Start, due: 2025-06-30}\n"
		    "  - {title: Finish, due: %s}\n---\nAction %ld.\n",
		    i, (i - 1) % nobj + 1, i, i % 50,
		    i % 7 == 0 ? "2025-07-31" : "2026-03-31",
		    i % 7 == 0 ? "2025-07-31" : "2026-03-31", i);
		fclose(f);
		if (i % 6 != 4)
			fprintf(prog, "A%ld,2025/26 Q1,on track,\n", i);
		if (i % 6 != 4)
			fprintf(prog, "A%ld,2025/26 Q2,%s,%s\n", i,
			    act[i % 6], i % 3 ? "" : "Progress as planned");
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
