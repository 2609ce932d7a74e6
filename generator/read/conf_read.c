/* conf_read.c: site.conf (read by ini_read.c, with inih). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "read.h"

struct conf_reader {
	struct gt_model			*m;
	const char			*file;
	const struct gt_ini_line	*l;	/* the line being read */
};

static void
set_text(char **dst, const char *value)
{
	free(*dst);
	*dst = gt_xstrdup(value);
}

/* A comma-separated list into strings, in NFC as names are compared. */
static void
split_list(const char *value, struct gt_strlist *l)
{
	char	*copy = gt_xstrdup(value), *s, *tok, *save = NULL, *n;

	for (s = copy; (tok = strtok_r(s, ",", &save)) != NULL; s = NULL) {
		n = gt_xnfc(gt_trim(tok));
		if (*n != '\0' && !gt_strlist_has(l, n))
			gt_strlist_add(l, n);
		free(n);
	}
	free(copy);
}

static int
conf_int(const struct conf_reader *cr, const char *name, const char *value,
    int lo, int hi, int *out)
{
	struct gt_loc	 loc = cr->l->value_loc;
	double		 d;

	/* The range first: a huge number must not reach the int cast. */
	if (gt_number_parse(value, &d) == -1 || d < lo || d > hi ||
	    d != (int)d) {
		gt_msg(cr->m->diag, GT_E_CONF_VALUE, &loc, "%s = %s: expected a whole "
		    "number from %d to %d", name, value, lo, hi);
		return -1;
	}
	*out = (int)d;
	return 0;
}

static void
conf_bool(const struct conf_reader *cr, const char *name, const char *value,
    int *out)
{
	static const char *const yes[] = { "yes", "true", "on", "1" };
	static const char *const no[] = { "no", "false", "off", "0" };
	struct gt_loc	 loc;
	size_t		 i;

	for (i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
		if (strcasecmp(value, yes[i]) == 0 ||
		    strcasecmp(value, no[i]) == 0) {
			*out = strcasecmp(value, yes[i]) == 0;
			return;
		}
	loc = cr->l->value_loc;
	gt_msg(cr->m->diag, GT_E_CONF_VALUE, &loc, "%s = %s: expected yes or no", name,
	    value);
}

/*
 * A day ("2025-11-14"), or where month is allowed a month alone
 * ("2026-02", "February 2026": d is 0), for the dates the site states.
 */
static void
conf_date(const struct conf_reader *cr, const char *name, const char *value,
    int month, struct gt_date *out)
{
	struct gt_loc		 loc;
	struct gt_period	 p;

	if (gt_date_parse(value, out) == 0)
		return;
	if (month && gt_period_parse(value, &p) == 0 &&
	    p.type == GT_PERIOD_MONTH) {
		out->y = p.year;
		out->m = p.sub;
		out->d = 0;
		return;
	}
	memset(out, 0, sizeof(*out));
	loc = cr->l->value_loc;
	gt_msg(cr->m->diag, GT_E_CONF_VALUE, &loc, "%s = %s: expected a date "
	    "such as 2025-11-14%s", name, value, month ? " or a month such "
	    "as 2026-02" : "");
}

/* "Low 1-4, Medium 5-9, High 10-15, Very high 16-25" */
static void
conf_bands(struct conf_reader *cr, const char *value)
{
	struct gt_conf		*c = &cr->m->conf;
	struct gt_loc		 loc = cr->l->value_loc;
	struct gt_strlist	 parts = { NULL, 0 };
	struct gt_band		*b = NULL;
	size_t			 i, nb = 0;
	int			 next = 1, lo, hi, used;
	char			*sp;

	split_list(value, &parts);
	b = gt_xcalloc(parts.n ? parts.n : 1, sizeof(*b));
	for (i = 0; i < parts.n; i++) {
		sp = strrchr(parts.v[i], ' ');
		if (sp == NULL || sscanf(sp + 1, "%d-%d%n", &lo, &hi,
		    &used) != 2 || sp[1 + used] != '\0' || lo > hi) {
			gt_msg(cr->m->diag, GT_E_CONF_VALUE, &loc, "risk_bands: '%s': "
			    "expected a name and a range, such as 'Low 1-4'",
			    parts.v[i]);
			goto fail;
		}
		if (nb == GT_MAX_BANDS) {
			gt_msg(cr->m->diag, GT_E_CONF_VALUE, &loc, "risk_bands: at most %d "
			    "bands", GT_MAX_BANDS);
			goto fail;
		}
		if (lo != next) {
			gt_msg(cr->m->diag, GT_E_CONF_VALUE, &loc, "risk_bands: '%s' should "
			    "start at %d: bands run from 1 to 25 without gaps "
			    "or overlaps", parts.v[i], next);
			goto fail;
		}
		*sp = '\0';
		b[nb].name = gt_xstrdup(gt_trim(parts.v[i]));
		b[nb].lo = lo;
		b[nb].hi = hi;
		nb++;
		next = hi + 1;
	}
	if (next != 26) {
		gt_msg(cr->m->diag, GT_E_CONF_VALUE, &loc, "risk_bands must end at 25 "
		    "(likelihood 5 x impact 5)");
		goto fail;
	}
	for (i = 0; i < c->nbands; i++)
		free(c->bands[i].name);
	free(c->bands);
	c->bands = b;
	c->nbands = nb;
	gt_strlist_free(&parts);
	return;
fail:
	for (i = 0; i < nb; i++)
		free(b[i].name);
	free(b);
	gt_strlist_free(&parts);
}

/* "5%" (of the target, or budget) or "2" (units; "£50,000" for money). */
static void
conf_tolerance(struct conf_reader *cr, const char *value, int money,
    struct gt_tolerance *t)
{
	struct gt_loc	 loc = cr->l->value_loc;
	struct gt_value	 v;

	if (gt_value_parse(value, &v) == -1 || v.kind != GT_VAL_NUMBER ||
	    (v.money && !money) || v.num < 0) {
		gt_msg(cr->m->diag, GT_E_TOLERANCE, &loc, "'%s'", value);
		return;
	}
	t->kind = v.percent ? GT_TOL_RELATIVE : GT_TOL_ABSOLUTE;
	t->value = v.num;
}

static void
conf_as_at(struct conf_reader *cr, char **text, struct gt_period *p,
    struct gt_loc *where, const char *value)
{
	*where = cr->l->value_loc;
	set_text(text, value);
	if (gt_period_parse(value, p) == -1)
		gt_msg(cr->m->diag, GT_E_AS_AT, where, "'%s' is not a period (forms: "
		    "2024/25, 2024/25 Q2, 2024-05, 2024, AY2024/25)", value);
}

static int
site_key(struct conf_reader *cr, const char *name, const char *value)
{
	struct gt_conf	*c = &cr->m->conf;
	struct gt_loc	 loc;

	if (strcmp(name, "title") == 0)
		set_text(&c->title, value);
	else if (strcmp(name, "organisation") == 0)
		set_text(&c->organisation, value);
	else if (strcmp(name, "base_url") == 0) {
		loc = cr->l->value_loc;
		if (strncmp(value, "https://", 8) != 0 &&
		    strncmp(value, "http://", 7) != 0)
			gt_msg(cr->m->diag, GT_E_CONF_VALUE, &loc, "base_url '%s': expected "
			    "an address starting https://", value);
		else if (value[strlen(value) - 1] != '/')
			c->base_url = (free(c->base_url),
			    gt_xasprintf("%s/", value));
		else
			set_text(&c->base_url, value);
	} else if (strcmp(name, "language") == 0)
		set_text(&c->language, value);
	else if (strcmp(name, "as_at") == 0) {
		if (!c->as_at_cli)
			conf_as_at(cr, &c->as_at_text, &c->as_at,
			    &c->as_at_loc, value);
	} else if (strcmp(name, "year_start") == 0)
		conf_int(cr, name, value, 1, 12, &c->cal.year_start);
	else if (strcmp(name, "academic_year_start") == 0)
		conf_int(cr, name, value, 1, 12, &c->cal.academic_start);
	else if (strcmp(name, "chart_png") == 0)
		conf_bool(cr, name, value, &c->chart_png);
	else if (strcmp(name, "published") == 0)
		conf_date(cr, name, value, 0, &c->published);
	else if (strcmp(name, "next_update") == 0)
		conf_date(cr, name, value, 1, &c->next_update);
	else if (strcmp(name, "licence") == 0)
		set_text(&c->licence, value);
	else if (strcmp(name, "licence_url") == 0)
		set_text(&c->licence_url, value);
	else if (strcmp(name, "indicator_codes") == 0)
		conf_bool(cr, name, value, &c->indicator_codes);
	else if (strcmp(name, "chart_comparators") == 0)
		split_list(value, &c->chart_comparators);
	else
		return 0;
	return 1;
}

static int
status_key(struct conf_reader *cr, const char *name, const char *value)
{
	struct gt_conf	*c = &cr->m->conf;
	struct gt_loc	 loc;
	struct gt_value	 v;
	int		 f;

	if (strcmp(name, "tolerance") == 0)
		conf_tolerance(cr, value, 0, &c->tolerance);
	else if (strcmp(name, "budget_tolerance") == 0)
		conf_tolerance(cr, value, 1, &c->budget_tolerance);
	else if (strcmp(name, "risk_bands") == 0)
		conf_bands(cr, value);
	else if (strcmp(name, "risk_appetite") == 0)
		conf_int(cr, name, value, 1, 25, &c->risk_appetite);
	else if (strcmp(name, "no_change") == 0) {
		loc = cr->l->value_loc;
		if (gt_value_parse(value, &v) == -1 || v.kind != GT_VAL_NUMBER ||
		    v.money || v.num < 0)
			gt_msg(cr->m->diag, GT_E_CONF_VALUE, &loc, "no_change = %s: expected "
			    "a percentage such as 1%%", value);
		else
			c->no_change = v.num;
	} else if (strncmp(name, "lag_", 4) == 0 &&
	    (f = gt_freq_parse(name + 4)) != GT_FREQ_NONE)
		conf_int(cr, name, value, 0, 36, &c->lag_months[f]);
	else
		return 0;
	return 1;
}

static int
paths_key(struct conf_reader *cr, const char *name, const char *value)
{
	struct gt_conf	*c = &cr->m->conf;

	if (strcmp(name, "content") == 0)
		set_text(&c->content_dir, value);
	else if (strcmp(name, "data") == 0)
		set_text(&c->data_dir, value);
	else if (strcmp(name, "layouts") == 0)
		set_text(&c->layouts_dir, value);
	else if (strcmp(name, "output") == 0)
		set_text(&c->output_dir, value);
	else
		return 0;
	return 1;
}

static struct gt_pack *
pack_for(struct conf_reader *cr, const char *name)
{
	struct gt_conf	*c = &cr->m->conf;
	struct gt_pack	*p;
	size_t		 i;

	for (i = 0; i < c->npacks; i++)
		if (strcmp(c->packs[i].name, name) == 0)
			return &c->packs[i];
	c->packs = gt_xrealloc(c->packs, (c->npacks + 1) * sizeof(*c->packs));
	p = &c->packs[c->npacks++];
	memset(p, 0, sizeof(*p));
	p->name = gt_xstrdup(name);
	p->loc = cr->l->loc;
	return p;
}

/* "summary, exceptions, finance": the sections in order, each once. */
static void
pack_sections(struct conf_reader *cr, struct gt_pack *p, const char *value)
{
	struct gt_strlist	 names = { NULL, 0 };
	struct gt_loc		 loc = cr->l->value_loc;
	size_t			 i;
	int			 s;

	split_list(value, &names);
	p->nsections = 0;
	for (i = 0; i < names.n; i++) {
		if ((s = gt_section_parse(names.v[i])) == -1) {
			gt_msg(cr->m->diag, GT_E_CONF_VALUE, &loc, "sections: "
			    "'%s' is not a section (summary, highlights, "
			    "changes, exceptions, priorities, finance, risks, "
			    "appendix)", names.v[i]);
			continue;
		}
		/* split_list gave each name once. */
		p->sections[p->nsections++] = (enum gt_section)s;
	}
	if (names.n == 0)
		gt_msg(cr->m->diag, GT_E_CONF_VALUE, &loc, "sections: name at "
		    "least one section");
	gt_strlist_free(&names);
}

/* What the pack shows and its cover: pack_key's second half. */
static int
pack_shows(struct conf_reader *cr, struct gt_pack *p, const char *name,
    const char *value)
{
	struct gt_loc	 loc = cr->l->value_loc;

	if (strcmp(name, "sections") == 0)
		pack_sections(cr, p, value);
	else if (strcmp(name, "exceptions_only") == 0)
		conf_bool(cr, name, value, &p->exceptions_only);
	else if (strcmp(name, "foreword") == 0) {
		conf_bool(cr, name, value, &p->foreword);
		p->has_foreword = 1;
	} else if (strcmp(name, "ids") == 0) {
		conf_bool(cr, name, value, &p->ids);
		p->has_ids = 1;
	} else if (strcmp(name, "level") == 0) {
		p->has_level = 1;
		if (strcmp(value, "strategic") == 0)
			p->level = GT_LEVEL_STRATEGIC;
		else if (strcmp(value, "operational") == 0)
			p->level = GT_LEVEL_OPERATIONAL;
		else {
			p->has_level = 0;
			gt_msg(cr->m->diag, GT_E_CONF_VALUE, &loc, "level = %s: "
			    "expected strategic or operational", value);
		}
	} else if (strcmp(name, "meeting") == 0)
		set_text(&p->meeting, value);
	else if (strcmp(name, "author") == 0)
		set_text(&p->author, value);
	else if (strcmp(name, "date") == 0) {
		if (gt_date_parse(value, &p->date) == -1)
			gt_msg(cr->m->diag, GT_E_CONF_VALUE, &loc, "date = %s: "
			    "expected a date such as 2025-10-15", value);
	} else if (strcmp(name, "recommendations") == 0) {
		set_text(&p->recommendations, value);
		p->recommendations_loc = loc;
	} else if (strcmp(name, "since") == 0) {
		set_text(&p->since_text, value);
		p->since_loc = loc;
		if (gt_period_parse(value, &p->since) == -1)
			gt_msg(cr->m->diag, GT_E_CONF_VALUE, &loc, "since = %s: "
			    "not a period (forms: 2024/25, 2024/25 Q2, 2024-05, "
			    "2024, AY2024/25)", value);
	} else
		return 0;
	return 1;
}

static int
pack_key(struct conf_reader *cr, struct gt_pack *p, const char *name,
    const char *value)
{
	struct gt_strlist	 ids = { NULL, 0 };
	struct gt_loc		 loc = cr->l->value_loc;
	size_t			 i;

	if (strcmp(name, "title") == 0)
		set_text(&p->title, value);
	else if (strcmp(name, "audience") == 0) {
		set_text(&p->audience, value);
		p->kind = gt_strieq(value, "residents") ?
		    GT_AUDIENCE_RESIDENTS : GT_AUDIENCE_COMMITTEE;
	} else if (strcmp(name, "priorities") == 0) {
		split_list(value, &ids);
		p->priority_refs = gt_xrealloc(p->priority_refs,
		    (p->npriority_refs + ids.n + 1) * sizeof(struct gt_ref));
		for (i = 0; i < ids.n; i++) {
			p->priority_refs[p->npriority_refs].id = ids.v[i];
			p->priority_refs[p->npriority_refs++].loc = loc;
			ids.v[i] = NULL;
		}
		gt_strlist_free(&ids);
	} else if (strcmp(name, "portfolios") == 0) {
		split_list(value, &p->portfolios);
		p->portfolios_loc = loc;
	} else if (strcmp(name, "tags") == 0) {
		split_list(value, &p->tags);
		p->tags_loc = loc;
	} else if (strcmp(name, "as_at") == 0)
		conf_as_at(cr, &p->as_at_text, &p->as_at, &p->as_at_loc,
		    value);
	else
		return pack_shows(cr, p, name, value);
	return 1;
}

/*
 * An indented line: more of the value before it. Only a pack's
 * recommendations (Markdown) run over lines; they are joined with line
 * ends.
 */
static void
conf_more(struct conf_reader *cr, const struct gt_ini_line *l)
{
	const char	*section = l->section;
	struct gt_pack	*p;
	char		*joined;

	if (strncmp(section, "pack ", 5) != 0 ||
	    strcmp(l->name, "recommendations") != 0) {
		gt_msg(cr->m->diag, GT_E_CONF_SYNTAX, &l->loc, "an indented "
		    "line continues the value of %s; only recommendations may "
		    "take more than one line", l->name);
		return;
	}
	for (section += 5; *section == ' '; section++)
		continue;
	if (!gt_id_valid(section))
		return;
	p = pack_for(cr, section);
	joined = gt_xasprintf("%s\n%s", p->recommendations != NULL ?
	    p->recommendations : "", l->value);
	free(p->recommendations);
	p->recommendations = joined;
}

static void
conf_handler(void *user, const struct gt_ini_line *l)
{
	struct conf_reader	*cr = user;
	const char		*section = l->section, *name = l->name;
	const char		*value = l->value;
	int			 known = 0;

	cr->l = l;
	if (l->continued) {
		conf_more(cr, l);
		return;
	}
	/* inih would let the later value win without a word. */
	if (l->again) {
		gt_msg(cr->m->diag, GT_E_FIELD_TWICE, &l->loc, "%s in [%s]", name,
		    section);
		return;
	}
	if (strcmp(section, "site") == 0)
		known = site_key(cr, name, value);
	else if (strcmp(section, "status") == 0)
		known = status_key(cr, name, value);
	else if (strcmp(section, "paths") == 0)
		known = paths_key(cr, name, value);
	else if (strncmp(section, "pack ", 5) == 0) {
		const char *pn = section + 5;

		while (*pn == ' ')
			pn++;
		if (!gt_id_valid(pn)) {
			gt_msg(cr->m->diag, GT_E_ID_SYNTAX, &l->loc, "pack name '%s'",
			    pn);
			return;
		}
		known = pack_key(cr, pack_for(cr, pn), name, value);
	} else {
		gt_msg(cr->m->diag, GT_W_CONF_UNKNOWN, &l->loc, "[%s] %s",
		    section, name);
		return;
	}
	if (!known)
		gt_msg(cr->m->diag, GT_W_CONF_UNKNOWN, &l->loc, "%s in [%s]", name,
		    section);
}

/* Each pack's recommendations, as Markdown, checked as bodies are. */
static void
recommendations(struct gt_model *m, unsigned found)
{
	struct gt_pack	*p;
	struct gt_body	*b;
	size_t		 i, n;

	for (i = 0; i < m->conf.npacks; i++) {
		p = &m->conf.packs[i];
		b = &p->recommendations_body;
		if (p->recommendations == NULL || b->doc != NULL)
			continue;
		n = strlen(p->recommendations);
		/* cmark takes time that grows as the square of some bodies. */
		if (n > (size_t)GT_MAX_BODY_BYTES) {
			gt_msg(m->diag, GT_E_LIMIT, &p->recommendations_loc,
			    "recommendations longer than %ld bytes",
			    (long)GT_MAX_BODY_BYTES);
			continue;
		}
		b->doc = cmark_parse_document(p->recommendations, n,
		    CMARK_OPT_DEFAULT | CMARK_OPT_SOURCEPOS);
		b->line = p->recommendations_loc.line;
		gt_sha256_hex(p->recommendations, n, b->key);
		if (gt_md_check_body(m->diag, b->doc, p->recommendations_loc.file,
		    b->line, found, strchr(p->recommendations, '&') != NULL) ==
		    -1) {
			cmark_node_free(b->doc);
			b->doc = NULL;
		}
	}
}

static void
set_defaults(struct gt_conf *c)
{
	static const struct {
		const char	*name;
		int		 lo, hi;
	} bands[] = {
		{ "Low", 1, 4 }, { "Medium", 5, 9 }, { "High", 10, 15 },
		{ "Very high", 16, 25 }
	};
	size_t	 i;

	set_text(&c->language, "en-GB");
	c->tolerance.kind = GT_TOL_RELATIVE;
	c->tolerance.value = 5;
	c->budget_tolerance.kind = GT_TOL_RELATIVE;
	c->budget_tolerance.value = 2;
	/* Annual figures are commonly published months after the year ends. */
	c->lag_months[GT_FREQ_ANNUAL] = 6;
	c->lag_months[GT_FREQ_BIENNIAL] = 6;
	c->lag_months[GT_FREQ_TRIENNIAL] = 6;
	for (i = 0; i < c->nbands; i++)
		free(c->bands[i].name);
	free(c->bands);
	c->nbands = sizeof(bands) / sizeof(bands[0]);
	c->bands = gt_xcalloc(c->nbands, sizeof(*c->bands));
	for (i = 0; i < c->nbands; i++) {
		c->bands[i].name = gt_xstrdup(bands[i].name);
		c->bands[i].lo = bands[i].lo;
		c->bands[i].hi = bands[i].hi;
	}
	set_text(&c->content_dir, "content");
	set_text(&c->data_dir, "content/data");
	set_text(&c->layouts_dir, "layouts");
	set_text(&c->output_dir, "public");
}

void
gt_conf_read(struct gt_model *m, const char *path, const char *text,
    size_t len)
{
	struct gt_conf		*c = &m->conf;
	struct conf_reader	 cr;
	struct gt_loc		 loc = { NULL, 0, 0 };
	unsigned		 found = 0;

	memset(&cr, 0, sizeof(cr));
	cr.m = m;
	cr.file = gt_model_file(m, path);
	loc.file = cr.file;
	set_text(&c->path, path);
	set_defaults(c);
	if (gt_ini_read(m->diag, GT_E_CONF_SYNTAX, cr.file, text, len,
	    conf_handler, &cr, &found) == -1)
		return;
	recommendations(m, found);
	if (c->title == NULL)
		gt_msg(m->diag, GT_E_CONF_MISSING, &loc, "title in [site]");
	if (c->organisation == NULL)
		gt_msg(m->diag, GT_E_CONF_MISSING, &loc, "organisation in [site]");
	/* Open data are Crown-style public sector information by default. */
	if (c->licence == NULL) {
		set_text(&c->licence, GT_LICENCE_DEFAULT);
		if (c->licence_url == NULL)
			set_text(&c->licence_url, GT_LICENCE_DEFAULT_URL);
	}
}
