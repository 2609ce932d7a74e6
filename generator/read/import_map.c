/* import_map.c: an import mapping's INI file (see import.h). */
#include <fnmatch.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "import.h"

static const char *const role_names[GT_ROLE_MAX] = {
	"measure", "period", "value", "area", "area_name", "note", "flag",
	"status", "unit", "polarity", "target", "response"
};

/* The values of [status] and [flags] keys. */
static const char *const status_keys[] = {
	"off target", "within tolerance", "on target"
};
static const char *const flag_keys[] = {
	"", "provisional", "estimated", "revised"
};

struct parse {
	struct gt_diag		*diag;
	struct gt_import	*imp;
	const struct gt_ini_line *l;
	struct gt_import_group	*group;		/* the [group NAME] being read */
};

static void
bad(struct parse *p, const struct gt_loc *loc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
bad(struct parse *p, const struct gt_loc *loc, const char *fmt, ...)
{
	va_list	 ap;
	char	*s;

	va_start(ap, fmt);
	s = gt_xvasprintf(fmt, ap);
	va_end(ap);
	gt_msg(p->diag, GT_E_MAPPING, loc, "%s", s);
	free(s);
	p->imp->broken = 1;
}

static char *
lower_dup(const char *s)
{
	char	*t = gt_xstrdup(s), *c;

	for (c = t; *c != '\0'; c++)
		if (*c >= 'A' && *c <= 'Z')
			*c += 'a' - 'A';
	return t;
}

/*
 * A comma-separated list into l; an item may be quoted ("Bristol, City
 * of"), with "" for a quote in it. Returns -1 for a quote not closed.
 */
static int
split(const char *s, struct gt_strlist *l)
{
	struct gt_buf	 b = { 0 };
	int		 rc = 0;

	while (*s != '\0') {
		while (*s == ' ' || *s == '\t')
			s++;
		gt_buf_reset(&b);
		gt_buf_add(&b, "", 0);
		if (*s == '"') {
			for (s++; *s != '\0' && !(*s == '"' && s[1] != '"');
			    s++) {
				if (*s == '"')
					s++;
				gt_buf_putc(&b, *s);
			}
			if (*s != '"') {
				rc = -1;
				break;
			}
			s++;
			while (*s == ' ' || *s == '\t')
				s++;
		} else
			while (*s != '\0' && *s != ',')
				gt_buf_putc(&b, *s++);
		if (*gt_trim(b.data) != '\0')
			gt_strlist_add(l, b.data);
		if (*s == ',')
			s++;
		else if (*s != '\0') {
			rc = -1;
			break;
		}
	}
	gt_buf_free(&b);
	return rc;
}

/* A setting given again (in a section given twice) replaces the first. */
static void
set_text(char **dst, const char *value)
{
	free(*dst);
	*dst = gt_xstrdup(value);
}

static struct gt_import_entry *
add_entry(struct gt_import_table *t, const char *ours, const char *theirs,
    const struct gt_loc *loc)
{
	struct gt_import_entry	*e = gt_xcalloc(1, sizeof(*e));

	e->ours = gt_xstrdup(ours);
	e->theirs = gt_xstrdup(theirs);
	e->loc = *loc;
	e->n = t->n;
	*GT_PUSH(t->v, t->n, t->cap) = e;
	return e;
}

static void
table_free(struct gt_import_table *t)
{
	size_t	 i;

	for (i = 0; i < t->n; i++) {
		free(t->v[i]->ours);
		free(t->v[i]->theirs);
		free(t->v[i]);
	}
	free(t->v);
	gt_map_free(&t->ix);
}

/* Is there room for n more of a kind limited to max? Else reported. */
static int
room(struct parse *p, size_t have, size_t max, const char *what)
{
	if (have < max)
		return 1;
	gt_msg(p->diag, GT_E_LIMIT, &p->l->loc, "more than %zu %s in a "
	    "mapping", max, what);
	p->imp->broken = 1;
	return 0;
}

/*
 * "ours = theirs" into table t (codes: "ours = a, b", a list of short
 * codes; else one name or code, which may hold commas), each of theirs
 * once (by key: as written, or in lower case where case does not
 * matter, for codes).
 */
static void
add_pairs(struct parse *p, struct gt_import_table *t, const char *ours,
    int what, int codes, size_t max, const char *kind)
{
	struct gt_strlist	 l = { NULL, 0 };
	struct gt_import_entry	*e, *prev;
	size_t			 i;

	if (!codes)
		gt_strlist_add(&l, p->l->value);
	else if (split(p->l->value, &l) == -1 || l.n == 0)
		bad(p, &p->l->value_loc, "%s: expected a list of codes, "
		    "separated by commas", p->l->name);
	for (i = 0; i < l.n; i++) {
		if (!room(p, t->n, max, kind))
			break;
		e = add_entry(t, ours, l.v[i], &p->l->loc);
		e->what = what;
		if (codes) {
			free(e->theirs);
			e->theirs = lower_dup(l.v[i]);
		}
		if ((prev = gt_map_put(&t->ix, e->theirs, e)) != NULL)
			bad(p, &p->l->value_loc, "'%s' is given already, at line "
			    "%d", l.v[i], prev->loc.line);
	}
	gt_strlist_free(&l);
}

static int
index_of(const char *s, const char *const *names, int n)
{
	int	 i;

	for (i = 0; i < n; i++)
		if (gt_strieq(s, names[i]))
			return i;
	return -1;
}

static void
import_key(struct parse *p, const char *name, const char *value)
{
	struct gt_import	*imp = p->imp;
	const struct gt_loc	*vloc = &p->l->value_loc;
	double			 d;
	int			 r;

	if ((r = index_of(name, role_names, GT_ROLE_MAX)) >= 0) {
		set_text(&imp->col[r], value);
		imp->col_loc[r] = *vloc;
	} else if (strcmp(name, "shape") == 0) {
		if (gt_strieq(value, "wide"))
			imp->wide = 1;
		else if (!gt_strieq(value, "long"))
			bad(p, vloc, "shape = %s: expected long or wide", value);
	} else if (strcmp(name, "files") == 0)
		set_text(&imp->files, value);
	else if (strcmp(name, "skip") == 0) {
		if (gt_number_parse(value, &d) == -1 || d < 0 || d > 100 ||
		    d != (int)d)
			bad(p, vloc, "skip = %s: expected the number of rows "
			    "above the header, 0 to 100", value);
		else
			imp->skip = (int)d;
	} else if (strcmp(name, "measure_id") == 0)
		set_text(&imp->measure_id, value);
	else if (strcmp(name, "us") == 0) {
		set_text(&imp->us, value);
		imp->us_loc = *vloc;
	} else if (strcmp(name, "comparators") == 0) {
		if (gt_strieq(value, "named"))
			imp->named = 1;
		else if (!gt_strieq(value, "all"))
			bad(p, vloc, "comparators = %s: expected all (every "
			    "other area) or named (those in [areas])", value);
	} else if (strcmp(name, "scale") == 0) {
		if (gt_number_parse(value, &imp->scale) == -1 ||
		    imp->scale <= 0)
			bad(p, vloc, "scale = %s: expected a number above 0, "
			    "such as 100", value);
	} else if (strcmp(name, "periods") == 0) {
		if (gt_strieq(value, "ending"))
			imp->ending = 1;
		else if (!gt_strieq(value, "holding"))
			bad(p, vloc, "periods = %s: expected holding (a date "
			    "is the period that holds it) or ending (a month "
			    "or date is the period that ends then)", value);
	} else if (strcmp(name, "missing") == 0 ||
	    strcmp(name, "suppressed") == 0) {
		struct gt_strlist	 l = { NULL, 0 };
		size_t			 i;
		char			*lc;

		if (split(value, &l) == -1)
			bad(p, vloc, "%s: a quote is not closed", name);
		for (i = 0; i < l.n; i++) {
			lc = lower_dup(l.v[i]);
			gt_strlist_add(*name == 'm' ? &imp->missing :
			    &imp->suppressed, lc);
			free(lc);
		}
		gt_strlist_free(&l);
	} else
		bad(p, &p->l->loc, "unknown key '%s' in [import]", name);
}

static void
columns_key(struct parse *p, const char *name, const char *value)
{
	struct gt_import	*imp = p->imp;
	struct gt_import_column	*c;
	struct gt_period	 per;
	const char		*period = name;
	enum gt_import_cell	 kind = GT_CELL_VALUE;

	if (!room(p, imp->ncolumns, GT_MAX_MAP_COLUMNS, "columns"))
		return;
	if (gt_strieq(name, "previous")) {
		kind = GT_CELL_PREVIOUS;
		period = NULL;
	} else if (strncasecmp(name, "target ", 7) == 0) {
		kind = GT_CELL_TARGET;
		period += 7;
	}
	if (period != NULL && gt_period_read(period, GT_FREQ_NONE, imp->cal,
	    &per) == -1) {
		bad(p, &p->l->loc, "[columns] %s: expected a period (a column "
		    "of its figures), 'target PERIOD' or 'previous'", name);
		return;
	}
	imp->columns = gt_xrealloc(imp->columns, (imp->ncolumns + 1) *
	    sizeof(*imp->columns));
	c = &imp->columns[imp->ncolumns++];
	c->header = gt_xstrdup(value);
	c->loc = p->l->value_loc;
	c->kind = kind;
	c->period = period != NULL ? gt_xstrdup(period) : NULL;
}

static void
group_key(struct parse *p, const char *name, const char *value)
{
	struct gt_import_group	*g = p->group;
	struct gt_strlist	 l = { NULL, 0 };
	size_t			 i;

	if (strcmp(name, "members") == 0) {
		/* Given again, members add to the list (long lists). */
		if (gt_strieq(value, "all")) {
			g->all = 1;
			return;
		}
		if (split(value, &l) == -1)
			bad(p, &p->l->value_loc, "members: a quote is not closed");
		for (i = 0; i < l.n; i++) {
			if (!room(p, p->imp->nmembers + p->imp->areas.n,
			    GT_MAX_MAP_AREAS, "areas in [areas] and groups"))
				break;
			if (gt_map_get(&g->ix, l.v[i]) != NULL)
				continue;
			gt_strlist_add(&g->members, l.v[i]);
			g->member_locs = gt_xrealloc(g->member_locs,
			    g->members.n * sizeof(*g->member_locs));
			g->member_locs[g->members.n - 1] = p->l->value_loc;
			gt_map_put(&g->ix, g->members.v[g->members.n - 1],
			    (void *)(uintptr_t)g->members.n);
			p->imp->nmembers++;
		}
		gt_strlist_free(&l);
	} else if (p->l->again)
		bad(p, &p->l->loc, "%s is given twice in [group %s]", name,
		    g->name);
	else if (strcmp(name, "average") == 0) {
		if (split(value, &l) == -1)
			gt_strlist_free(&l);
		g->mean = g->median = 0;
		for (i = 0; i < l.n; i++)
			if (gt_strieq(l.v[i], "mean"))
				g->mean = 1;
			else if (gt_strieq(l.v[i], "median"))
				g->median = 1;
			else if (!gt_strieq(l.v[i], "none"))
				break;
		if (i < l.n || l.n == 0)
			bad(p, &p->l->value_loc, "average = %s: expected median, "
			    "mean, both (mean, median) or none", value);
		gt_strlist_free(&l);
	} else
		bad(p, &p->l->loc, "unknown key '%s' in [group %s]", name,
		    g->name);
}

/* The group a [group NAME] line starts, made the first time it is met. */
static struct gt_import_group *
group_for(struct parse *p, const char *name)
{
	struct gt_import	*imp = p->imp;
	struct gt_import_group	*g;
	size_t			 i;

	for (i = 0; i < imp->ngroups; i++)
		if (strcmp(imp->groups[i].name, name) == 0)
			return &imp->groups[i];
	if (!room(p, imp->ngroups, GT_MAX_MAP_GROUPS, "groups"))
		return NULL;
	imp->groups = gt_xrealloc(imp->groups, (imp->ngroups + 1) *
	    sizeof(*imp->groups));
	g = &imp->groups[imp->ngroups++];
	memset(g, 0, sizeof(*g));
	g->name = gt_xstrdup(name);
	g->loc = p->l->section_loc;
	g->median = 1;
	return g;
}

static void
on_line(void *ctx, const struct gt_ini_line *l)
{
	struct parse	*p = ctx;
	const char	*s = l->section, *name = l->name, *value = l->value;
	int		 k;
	double		 d;

	p->l = l;
	if (l->continued) {
		bad(p, &l->loc, "an indented line continues the value of %s; "
		    "a mapping's values take one line each", name);
		return;
	}
	if (l->again && strcmp(s, "import") == 0) {
		bad(p, &l->loc, "%s is given twice in [import]", name);
		return;
	}
	if (strcmp(s, "import") == 0)
		import_key(p, name, value);
	else if (strcmp(s, "measures") == 0) {
		if (!gt_id_valid(name))
			bad(p, &l->loc, "[measures] %s: expected a measure's id "
			    "on the left, its codes in the export on the right",
			    name);
		else
			add_pairs(p, &p->imp->codes, name, 0, 0,
			    GT_MAX_MAP_CODES, "codes in [measures]");
	} else if (strcmp(s, "areas") == 0)
		add_pairs(p, &p->imp->areas, name, 0, 0, GT_MAX_MAP_AREAS -
		    p->imp->nmembers, "areas in [areas] and groups");
	else if (strcmp(s, "status") == 0) {
		if ((k = index_of(name, status_keys, 3)) < 0)
			bad(p, &l->loc, "[status] %s: expected on target, within "
			    "tolerance or off target", name);
		else
			add_pairs(p, &p->imp->statuses, name, k, 1,
			    GT_MAX_MAP_CODES, "status codes");
	} else if (strcmp(s, "flags") == 0) {
		if ((k = index_of(name, flag_keys, 4)) < 1)
			bad(p, &l->loc, "[flags] %s: expected provisional, "
			    "estimated or revised", name);
		else
			add_pairs(p, &p->imp->flags, name, k, 1,
			    GT_MAX_MAP_CODES, "flag codes");
	} else if (strcmp(s, "scale") == 0) {
		if (gt_number_parse(value, &d) == -1 || d <= 0)
			bad(p, &l->value_loc, "[scale] %s = %s: expected a "
			    "number above 0, such as 100", name, value);
		else if (gt_map_get(&p->imp->scales.ix, name) != NULL)
			bad(p, &l->loc, "[scale] %s is given twice", name);
		else if (room(p, p->imp->scales.n, GT_MAX_MAP_CODES,
		    "lines in [scale]")) {
			struct gt_import_entry *e = add_entry(&p->imp->scales,
			    name, value, &l->loc);

			e->num = d;
			gt_map_put(&p->imp->scales.ix, e->ours, e);
		}
	} else if (strcmp(s, "columns") == 0)
		columns_key(p, name, value);
	else if (strcmp(s, "keep") == 0) {
		struct gt_import_keep	*kp;

		if (!room(p, p->imp->nkeeps, GT_MAX_MAP_COLUMNS,
		    "columns in [keep]"))
			return;
		p->imp->keeps = gt_xrealloc(p->imp->keeps,
		    (p->imp->nkeeps + 1) * sizeof(*p->imp->keeps));
		kp = &p->imp->keeps[p->imp->nkeeps++];
		memset(kp, 0, sizeof(*kp));
		kp->header = gt_xstrdup(name);
		kp->loc = l->loc;
		if (split(value, &kp->values) == -1 || kp->values.n == 0)
			bad(p, &l->value_loc, "[keep] %s: expected the values "
			    "of the rows to read, separated by commas", name);
	}
	else if (strncmp(s, "group ", 6) == 0) {
		if (p->group == NULL || strcmp(p->group->name, s + 6) != 0)
			p->group = group_for(p, s + 6);
		if (p->group != NULL)
			group_key(p, name, value);
	} else
		bad(p, &l->loc, "unknown section [%s]: expected [import], "
		    "[measures], [areas], [group NAME], [columns], [keep], "
		    "[scale], [status] or [flags]", s);
}

/* What a whole mapping must say, once every line is read. */
static void
check(struct parse *p, const char *file)
{
	struct gt_import	*imp = p->imp;
	struct gt_loc		 loc = { file, 0, 0 };
	size_t			 i, fixed = 0;

	for (i = 0; i < imp->ncolumns; i++)
		fixed += imp->columns[i].period != NULL &&
		    imp->columns[i].kind == GT_CELL_VALUE;
	if ((imp->col[GT_ROLE_MEASURE] == NULL) == (imp->measure_id == NULL))
		bad(p, &loc, "[import] names the column of measures (measure = "
		    "COLUMN) or one measure for every row (measure_id = ID)");
	if (imp->wide && (imp->col[GT_ROLE_VALUE] != NULL ||
	    imp->col[GT_ROLE_TARGET] != NULL))
		bad(p, &imp->col_loc[imp->col[GT_ROLE_VALUE] != NULL ?
		    GT_ROLE_VALUE : GT_ROLE_TARGET], "a wide file has a column "
		    "a period: name them in [columns] (2024/25 Q1 = Q1, "
		    "target 2024/25 = Target), or let headers that are periods "
		    "say so");
	if (!imp->wide && imp->col[GT_ROLE_VALUE] == NULL && fixed == 0)
		bad(p, &loc, "[import] names the column of figures (value = "
		    "COLUMN), or [columns] a column for each period");
	if (!imp->wide && (imp->col[GT_ROLE_VALUE] != NULL ||
	    imp->col[GT_ROLE_TARGET] != NULL || fixed < imp->ncolumns) &&
	    imp->col[GT_ROLE_PERIOD] == NULL)
		bad(p, &loc, "[import] names the column of periods (period = "
		    "COLUMN)");
	if ((imp->col[GT_ROLE_AREA] != NULL || imp->col[GT_ROLE_AREA_NAME] !=
	    NULL) != (imp->us != NULL))
		bad(p, imp->us != NULL ? &imp->us_loc : &loc, "a file of "
		    "several areas names the column of areas (area = COLUMN) "
		    "and ours (us = CODE or NAME)");
	for (i = 0; i < imp->ngroups; i++)
		if (!imp->groups[i].all && imp->groups[i].members.n == 0)
			bad(p, &imp->groups[i].loc, "[group %s] has no members "
			    "(members = CODES, or members = all)",
			    imp->groups[i].name);
	if (imp->ngroups > 0 && imp->us == NULL)
		bad(p, &imp->groups[0].loc, "groups are of areas: name the "
		    "column of areas and ours");
}

struct gt_import *
gt_import_parse(struct gt_diag *d, const char *file, const char *path,
    const struct gt_calendar *cal, const char *text, size_t len)
{
	struct gt_import	*imp = gt_xcalloc(1, sizeof(*imp));
	struct parse		 p;
	const char		*dot = strrchr(path, '.');
	size_t			 errors = gt_diag_count(d, GT_SEV_ERROR);

	imp->file = file;
	imp->cal = cal;
	imp->scale = 1;
	imp->stem = gt_xstrndup(path, dot != NULL ? (size_t)(dot - path) :
	    strlen(path));
	memset(&p, 0, sizeof(p));
	p.diag = d;
	p.imp = imp;
	if (gt_ini_read(d, GT_E_MAPPING, file, text, len, on_line, &p, NULL) == 0)
		check(&p, file);
	/* Any error in it (a line of the wrong shape too) and it reads nothing. */
	if (gt_diag_count(d, GT_SEV_ERROR) > errors)
		imp->broken = 1;
	return imp;
}

void
gt_import_free(struct gt_import *imp)
{
	size_t	 i;
	int	 r;

	if (imp == NULL)
		return;
	free(imp->stem);
	free(imp->files);
	for (r = 0; r < GT_ROLE_MAX; r++)
		free(imp->col[r]);
	free(imp->measure_id);
	free(imp->us);
	gt_strlist_free(&imp->missing);
	gt_strlist_free(&imp->suppressed);
	table_free(&imp->codes);
	table_free(&imp->areas);
	table_free(&imp->scales);
	table_free(&imp->statuses);
	table_free(&imp->flags);
	for (i = 0; i < imp->ngroups; i++) {
		free(imp->groups[i].name);
		gt_strlist_free(&imp->groups[i].members);
		free(imp->groups[i].member_locs);
		gt_map_free(&imp->groups[i].ix);
	}
	free(imp->groups);
	for (i = 0; i < imp->ncolumns; i++) {
		free(imp->columns[i].header);
		free(imp->columns[i].period);
	}
	free(imp->columns);
	for (i = 0; i < imp->nkeeps; i++) {
		free(imp->keeps[i].header);
		gt_strlist_free(&imp->keeps[i].values);
	}
	free(imp->keeps);
	free(imp);
}

int
gt_import_reads(const struct gt_import *imp, const char *path)
{
	char	*own;
	int	 yes;

	if (imp->files != NULL)
		return fnmatch(imp->files, path, FNM_PATHNAME) == 0;
	own = gt_xasprintf("%s.csv", imp->stem);
	yes = strcmp(own, path) == 0;
	free(own);
	return yes;
}

const char *
gt_import_file(const struct gt_import *imp)
{
	return imp->file;
}

int
gt_import_broken(const struct gt_import *imp)
{
	return imp->broken;
}

int
gt_import_skip(const struct gt_import *imp)
{
	return imp->skip;
}
