/* diag.c: the message table, collection, sorting and printing. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "diag.h"
#include "util.h"

#define STR(x)	STR1(x)
#define STR1(x)	#x

struct msgdef {
	const char	*code;	/* stable name for machine-readable output */
	const char	*text;
};

static const struct msgdef msgs[GT_MSG_MAX] = {
	[GT_MSG_OK] =			{ "ok", "ok" },

	[GT_MSG_WARNING] =		{ "warning", "generic warning" },
	[GT_W_UNKNOWN_FIELD] =		{ "unknown-field", "unknown field, ignored" },
	[GT_W_UNKNOWN_COLUMN] =		{ "unknown-column", "unknown column, ignored" },
	[GT_W_CONF_UNKNOWN] =		{ "conf-unknown", "unknown setting, ignored" },
	[GT_W_PRIORITY_EMPTY] =		{ "priority-empty", "priority has no objectives" },
	[GT_W_OBJECTIVE_EMPTY] =	{ "objective-empty", "objective has no measures and no actions" },
	[GT_W_MILESTONE_LATE] =		{ "milestone-late", "milestone is due after its action" },
	[GT_W_CSV_EMPTY] =		{ "csv-empty", "data file has no rows" },
	[GT_W_NO_BODY] =		{ "no-body", "no text after the front matter" },
	[GT_W_HIDDEN_CHAR] =		{ "hidden-character", "text holds an invisible character that can disguise it (a bidirectional control or a zero-width character)" },
	[GT_W_FOLDER_LOOP] =		{ "folder-loop", "folder already read through another link, skipped" },
	[GT_W_NO_COMMENTARY] =		{ "no-commentary", "off-target strategic measure has no commentary (a note or response) for the figure it is judged on" },
	[GT_W_RISK_HISTORY] =		{ "risk-history-differs", "risk's likelihood and impact differ from its latest history row" },
	[GT_W_FRACTION] =		{ "fraction-percentage", "a percentage's figures look like fractions of one" },
	[GT_W_COMPARATOR_SCALE] =	{ "comparator-scale", "comparator is on another scale from the measure's own figures" },
	[GT_W_SOURCE_STATUS] =		{ "source-status", "the source's status differs from goldthread's" },
	[GT_W_SOURCE_DIFFERS] =		{ "source-differs", "the export describes the measure differently" },
	[GT_W_MAP_UNUSED] =		{ "mapping-unused", "the mapping names something the export does not hold" },
	[GT_W_NOT_MD] =			{ "markdown-suffix", "file is not read: Markdown files end in .md" },
	[GT_W_PLAN_EMPTY] =		{ "plan-empty", "the plan has no priorities, so the site would be empty" },
	[GT_W_TEMPLATE_TAG] =		{ "template-tag", "template tag is published as written" },
	[GT_W_RAW_HTML] =		{ "raw-html", "raw HTML is never published: it is dropped" },
	[GT_W_HEADING_SPACE] =		{ "heading-space", "'#' with no space after it makes no heading: it is published as written" },
	[GT_W_PIPE_TABLE] =		{ "pipe-table", "table written with pipes is published as lines of text" },
	[GT_W_CHART_COMPARATOR] =	{ "chart-comparator", "chart_comparators names a group with no figures for this measure" },

	[GT_MSG_ERROR] =		{ "error", "generic error" },
	[GT_E_READ] =			{ "read", "cannot read" },
	[GT_E_LIMIT] =			{ "limit", "input exceeds a limit" },
	[GT_E_UTF8] =			{ "utf8", "text is not valid UTF-8" },
	[GT_E_CONTROL_CHAR] =		{ "control-character", "text holds a character web pages and XML cannot carry (a control character or a Unicode noncharacter)" },
	[GT_E_LINK_OUTSIDE] =		{ "link-outside", "a link or path leads out of the folder it is read from" },
	[GT_E_NOT_REGULAR] =		{ "not-regular-file", "not a regular file (a FIFO, socket or device), not read" },
	[GT_E_FM_MISSING] =		{ "front-matter-missing", "file does not start with front matter (a line '---')" },
	[GT_E_FM_OPEN] =		{ "front-matter-open", "front matter is not closed by a line '---'" },
	[GT_E_YAML] =			{ "yaml", "YAML syntax error" },
	[GT_E_FM_SHAPE] =		{ "front-matter-shape", "front matter must be a mapping of field names to values" },
	[GT_E_FIELD_MISSING] =		{ "field-missing", "required field is missing" },
	[GT_E_FIELD_TYPE] =		{ "field-type", "field has the wrong type" },
	[GT_E_FIELD_TWICE] =		{ "field-twice", "field is given twice" },
	[GT_E_FIELD_CONFLICT] =		{ "field-conflict", "fields cannot be used together" },
	[GT_E_ID_SYNTAX] =		{ "id-syntax", "id must be at most " STR(GT_MAX_ID_BYTES) " bytes, start with a letter or digit and hold only letters, digits, '-', '_' and '.'" },
	[GT_E_ID_DUP] =			{ "id-duplicate", "duplicate id" },
	[GT_E_NAME_CLASH] =		{ "file-name-clash", "two things would be written to one file" },
	[GT_E_UNKNOWN_PRIORITY] =	{ "unknown-priority", "no priority has this id" },
	[GT_E_UNKNOWN_OBJECTIVE] =	{ "unknown-objective", "no objective has this id" },
	[GT_E_UNKNOWN_MEASURE] =	{ "unknown-measure", "no measure has this id" },
	[GT_E_UNKNOWN_ACTION] =		{ "unknown-action", "no action has this id" },
	[GT_E_CYCLE] =			{ "cycle", "objective parents form a cycle" },
	[GT_E_ENUM] =			{ "enum", "unknown value" },
	[GT_E_NUMBER] =			{ "number", "not a number" },
	[GT_E_RANGE] =			{ "range", "value out of range" },
	[GT_E_PERIOD] =			{ "period", "not a period (forms: 2024/25, 2024/25 Q2, 2024-05, 2024, AY2024/25)" },
	[GT_E_PERIOD_FREQ] =		{ "period-frequency", "period does not fit the measure's frequency" },
	[GT_E_PERIOD_MIXED] =		{ "period-mixed", "periods of one measure must all be of one kind" },
	[GT_E_DATE] =			{ "date", "not a valid date (YYYY-MM-DD)" },
	[GT_E_TARGET_KEY] =		{ "target-key", "target key is not a period" },
	[GT_E_TARGET_BAND] =		{ "target-band", "target does not suit the polarity" },
	[GT_E_TOLERANCE] =		{ "tolerance", "tolerance must be a percentage such as 5% or a number such as 2" },
	[GT_E_DUP_VALUE] =		{ "duplicate-value", "second value for the same period" },
	[GT_E_CSV_HEADER] =		{ "csv-header", "header row not recognised" },
	[GT_E_CSV_COLUMNS] =		{ "csv-columns", "row has the wrong number of fields" },
	[GT_E_CSV_QUOTE] =		{ "csv-quote", "quoted field is not closed" },
	[GT_E_CONF_SYNTAX] =		{ "conf-syntax", "site.conf syntax error" },
	[GT_E_CONF_VALUE] =		{ "conf-value", "bad setting" },
	[GT_E_CONF_MISSING] =		{ "conf-missing", "required setting is missing" },
	[GT_E_AS_AT] =			{ "as-at", "bad as-at period" },
	[GT_E_UNKNOWN_PACK_SCOPE] =	{ "pack-scope", "pack scope names nothing defined" },
	[GT_E_NO_PLAN] =		{ "no-plan", "the plan file is missing" },
	[GT_E_WRITE] =			{ "write", "cannot write output" },
	[GT_E_LAYOUT] =			{ "layout", "layout" },
	[GT_E_UNKNOWN_RISK] =		{ "unknown-risk", "no risk has this id" },
	[GT_E_MAPPING] =		{ "mapping", "bad import mapping" },
};

struct diag {
	char		*file;
	int		 line, col;
	enum gt_msgid	 id;
	char		*detail;
	size_t		 seq;	/* keeps equal positions in report order */
};

/* How many of one message one file produced, to cap what is kept. */
struct tally {
	char		*key;	/* "id:file" */
	const char	*file;
	enum gt_msgid	 id;
	size_t		 n;
};

struct gt_diag {
	struct diag	*v;		/* those kept, in report order */
	size_t		 n, cap;
	struct tally	**tallies;
	size_t		 ntallies, tallycap;
	struct gt_map	 tallymap;	/* "id:file": its tally */
	size_t		 counts[GT_SEV_ERROR + 1];
	enum gt_sev	 worst;
};

struct gt_diag *
gt_diag_new(void)
{
	return gt_xcalloc(1, sizeof(struct gt_diag));
}

void
gt_diag_free(struct gt_diag *d)
{
	size_t	 i;

	if (d == NULL)
		return;
	for (i = 0; i < d->n; i++) {
		free(d->v[i].file);
		free(d->v[i].detail);
	}
	for (i = 0; i < d->ntallies; i++) {
		free(d->tallies[i]->key);
		free(d->tallies[i]);
	}
	free(d->v);
	free(d->tallies);
	gt_map_free(&d->tallymap);
	free(d);
}

enum gt_sev
gt_msg_severity(enum gt_msgid id)
{
	if (id >= GT_MSG_ERROR)
		return GT_SEV_ERROR;
	if (id >= GT_MSG_WARNING)
		return GT_SEV_WARNING;
	return GT_SEV_OK;
}

const char *
gt_msg_text(enum gt_msgid id)
{
	return msgs[id].text;
}

const char *
gt_msg_code(enum gt_msgid id)
{
	return msgs[id].code;
}

enum gt_sev
gt_diag_worst(const struct gt_diag *d)
{
	return d->worst;
}

size_t
gt_diag_count(const struct gt_diag *d, enum gt_sev sev)
{
	return d->counts[sev];
}

/* Count n of message id in file; how many there were before. */
static size_t
count(struct gt_diag *d, enum gt_msgid id, const char *file, size_t n)
{
	struct tally	*t;
	enum gt_sev	 sev = gt_msg_severity(id);
	char		*key;
	size_t		 before;

	d->counts[sev] += n;
	if (sev > d->worst)
		d->worst = sev;
	key = gt_xasprintf("%d:%s", (int)id, file);
	if ((t = gt_map_get(&d->tallymap, key)) == NULL) {
		t = gt_xcalloc(1, sizeof(*t));
		t->key = key;
		t->id = id;
		t->file = t->key + strcspn(t->key, ":") + 1;
		gt_map_put(&d->tallymap, t->key, t);
		*GT_PUSH(d->tallies, d->ntallies, d->tallycap) = t;
	} else
		free(key);
	before = t->n;
	t->n += n;
	return before;
}

/* Report id at file:line:col with detail (taken, or NULL), unless capped. */
static void
add(struct gt_diag *d, enum gt_msgid id, const char *file, int line, int col,
    char *detail)
{
	struct diag	*x;

	if (count(d, id, file, 1) >= GT_MAX_DIAGS_KEPT) {
		free(detail);
		return;
	}
	x = GT_PUSH(d->v, d->n, d->cap);
	x->file = gt_xstrdup(file);
	x->line = line;
	x->col = col;
	x->id = id;
	x->detail = detail;
	x->seq = d->n;
}

void
gt_msg(struct gt_diag *d, enum gt_msgid id, const struct gt_loc *loc,
    const char *fmt, ...)
{
	va_list	 ap;
	char	*detail = NULL;

	if (fmt != NULL) {
		va_start(ap, fmt);
		detail = gt_xvasprintf(fmt, ap);
		va_end(ap);
	}
	add(d, id, loc != NULL && loc->file != NULL ? loc->file : "",
	    loc != NULL ? loc->line : 0, loc != NULL ? loc->col : 0, detail);
}

void
gt_msg_more(struct gt_diag *d, enum gt_msgid id, const char *file, size_t n)
{
	if (n > 0)
		count(d, id, file != NULL ? file : "", n);
}

/* How many of from's kept diagnostics are of the tally t's message and file. */
static size_t
kept_of(const struct gt_diag *from, const struct tally *t)
{
	size_t	 i, k = 0;

	for (i = 0; i < from->n; i++)
		k += from->v[i].id == t->id && strcmp(from->v[i].file,
		    t->file) == 0;
	return k;
}

void
gt_diag_merge(struct gt_diag *d, struct gt_diag *from)
{
	size_t	 i;

	for (i = 0; i < from->n; i++) {
		add(d, from->v[i].id, from->v[i].file, from->v[i].line,
		    from->v[i].col, from->v[i].detail);
		from->v[i].detail = NULL;
	}
	/* What from counted and did not keep is counted here too. */
	for (i = 0; i < from->ntallies; i++)
		gt_msg_more(d, from->tallies[i]->id, from->tallies[i]->file,
		    from->tallies[i]->n - kept_of(from, from->tallies[i]));
}

static int
diag_cmp(const void *va, const void *vb)
{
	const struct diag	*a = va, *b = vb;
	int			 c;

	if ((c = strcmp(a->file, b->file)) != 0)
		return c;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->col != b->col)
		return a->col < b->col ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static const char *
sev_name(enum gt_sev sev)
{
	return sev == GT_SEV_ERROR ? "error" : "warning";
}

/*
 * s as it may be printed (see gt_diag_print), in b: anything that could
 * end a line, move the cursor, reorder what is shown or not be text.
 */
static const char *
escaped(struct gt_buf *b, const char *s)
{
	unsigned long	 c;
	size_t		 n, len = strlen(s);

	gt_buf_reset(b);
	gt_buf_add(b, "", 0);
	while (len > 0) {
		if ((n = gt_utf8_get(s, len, &c)) == 0) {
			gt_buf_printf(b, "\\x%02x", (unsigned char)*s);
			n = 1;
		} else if (c == '\n')
			gt_buf_puts(b, "\\n");
		else if (c == '\r')
			gt_buf_puts(b, "\\r");
		else if (c == '\t')
			gt_buf_puts(b, "\\t");
		else if (c < 0x20 || c == 0x7f)
			gt_buf_printf(b, "\\x%02lx", c);
		else if (c == 0x2028 || c == 0x2029 ||
		    gt_char_fault(c) != GT_TEXT_END)
			gt_buf_printf(b, c > 0xffff ? "\\U%08lx" : "\\u%04lx",
			    c);
		else
			gt_buf_add(b, s, n);
		s += n;
		len -= n;
	}
	return b->data;
}

static void
print_text(FILE *f, const struct diag *d, struct gt_buf *b)
{
	fputs(*d->file == '\0' ? "goldthread" : escaped(b, d->file), f);
	if (d->line > 0) {
		fprintf(f, ":%d", d->line);
		if (d->col > 0)
			fprintf(f, ":%d", d->col);
	}
	fprintf(f, ": %s: %s", sev_name(gt_msg_severity(d->id)),
	    msgs[d->id].text);
	if (d->detail != NULL && *d->detail != '\0')
		fprintf(f, ": %s", escaped(b, d->detail));
	fputc('\n', f);
}

static json_t *
diag_json(const struct diag *d, struct gt_buf *b)
{
	json_t	*o = json_object();

	json_object_set_new(o, "file", json_string(escaped(b, d->file)));
	json_object_set_new(o, "line", json_integer(d->line));
	json_object_set_new(o, "column", json_integer(d->col));
	json_object_set_new(o, "severity",
	    json_string(sev_name(gt_msg_severity(d->id))));
	json_object_set_new(o, "code", json_string(msgs[d->id].code));
	json_object_set_new(o, "message", json_string(msgs[d->id].text));
	json_object_set_new(o, "detail",
	    json_string(escaped(b, d->detail != NULL ? d->detail : "")));
	return o;
}

/*
 * s percent-encoded as a workflow command's message (or, prop, one of
 * its properties) must be: '%', line ends and for properties ':' and ','.
 */
static void
github_put(FILE *f, const char *s, int prop)
{
	for (; *s != '\0'; s++)
		if (*s == '%' || *s == '\r' || *s == '\n' ||
		    (prop && (*s == ':' || *s == ',')))
			fprintf(f, "%%%02X", (unsigned char)*s);
		else
			fputc(*s, f);
}

static void
print_github(FILE *f, const struct diag *d, struct gt_buf *b)
{
	const char	*sep = " ";

	fprintf(f, "::%s", sev_name(gt_msg_severity(d->id)));
	if (*d->file != '\0') {
		fputs(" file=", f);
		github_put(f, escaped(b, d->file), 1);
		sep = ",";
	}
	if (d->line > 0) {
		fprintf(f, ",line=%d", d->line);
		if (d->col > 0)
			fprintf(f, ",col=%d", d->col);
	}
	fprintf(f, "%stitle=%s::%s", sep, msgs[d->id].code, msgs[d->id].text);
	if (d->detail != NULL && *d->detail != '\0') {
		fputs(": ", f);
		github_put(f, escaped(b, d->detail), 0);
	}
	fputc('\n', f);
}

static json_t *
diag_gitlab(const struct diag *d, struct gt_buf *b)
{
	json_t	*o;
	char	 key[65];
	char	*id, *text;

	text = gt_xasprintf("%s%s%s", msgs[d->id].text, d->detail != NULL &&
	    *d->detail != '\0' ? ": " : "", d->detail != NULL ?
	    escaped(b, d->detail) : "");
	/* The same problem at the same place keeps its fingerprint. */
	id = gt_xasprintf("%s\n%d\n%d\n%s\n%s", d->file, d->line, d->col,
	    msgs[d->id].code, text);
	gt_sha256_hex(id, strlen(id), key);
	free(id);
	o = json_pack("{s:s,s:s,s:s,s:s,s:{s:s,s:{s:i}}}", "description",
	    text, "check_name", msgs[d->id].code, "fingerprint", key,
	    "severity", gt_msg_severity(d->id) == GT_SEV_ERROR ? "major" :
	    "minor", "location", "path", *d->file != '\0' ?
	    escaped(b, d->file) : "site.conf", "lines", "begin",
	    d->line > 0 ? d->line : 1);
	free(text);
	return o;
}

void
gt_diag_print(struct gt_diag *d, FILE *f, enum gt_diag_format fmt,
    size_t max)
{
	struct gt_buf	 b = { 0 };
	json_t		*arr = NULL, *o;
	char		*note;
	size_t		 i, shown = 0, hidden = 0;

	gt_sort(d->v, d->n, sizeof(*d->v), diag_cmp);
	if (fmt == GT_DIAG_JSON || fmt == GT_DIAG_GITLAB)
		arr = json_array();
	for (i = 0; i < d->n; i++) {
		if (max != 0 && shown >= max) {
			hidden++;
			continue;
		}
		shown++;
		if (fmt == GT_DIAG_GITLAB)
			json_array_append_new(arr, diag_gitlab(&d->v[i], &b));
		else if (arr != NULL)
			json_array_append_new(arr, diag_json(&d->v[i], &b));
		else if (fmt == GT_DIAG_GITHUB)
			print_github(f, &d->v[i], &b);
		else
			print_text(f, &d->v[i], &b);
	}
	/* Messages past the per-file cap were counted, never kept. */
	for (i = 0; i < d->ntallies; i++) {
		const struct tally *t = d->tallies[i];

		if (t->n <= GT_MAX_DIAGS_KEPT)
			continue;
		hidden += t->n - GT_MAX_DIAGS_KEPT;
		if (fmt == GT_DIAG_GITLAB)
			continue;
		if (arr != NULL) {
			o = json_object();
			json_object_set_new(o, "file",
			    json_string(escaped(&b, t->file)));
			json_object_set_new(o, "code",
			    json_string(msgs[t->id].code));
			json_object_set_new(o, "omitted",
			    json_integer((json_int_t)(t->n - GT_MAX_DIAGS_KEPT)));
			json_array_append_new(arr, o);
		} else {
			note = gt_xasprintf("%s: note: %zu more '%s' not shown",
			    *t->file ? escaped(&b, t->file) : "goldthread",
			    t->n - GT_MAX_DIAGS_KEPT, msgs[t->id].text);
			if (fmt == GT_DIAG_GITHUB) {
				fputs("::notice::", f);
				github_put(f, note, 0);
			} else
				fputs(note, f);
			fputc('\n', f);
			free(note);
		}
	}
	if (arr != NULL) {
		json_dumpf(arr, f, JSON_INDENT(2));
		fputc('\n', f);
		json_decref(arr);
	} else if (hidden > 0)
		fprintf(f, "%sgoldthread: note: %zu errors and %zu warnings "
		    "in all; %zu not shown\n", fmt == GT_DIAG_GITHUB ?
		    "::notice::" : "", d->counts[GT_SEV_ERROR],
		    d->counts[GT_SEV_WARNING], hidden);
	gt_buf_free(&b);
}

/*
 * A worker process's diagnostics travel to its parent as JSON: those it
 * kept, in order, and its tallies, so that what it counted and did not
 * keep is counted in the parent too.
 */
void
gt_diag_export(const struct gt_diag *d, FILE *f)
{
	json_t	*kept = json_array(), *tallies = json_array(), *o;
	size_t	 i;

	for (i = 0; i < d->n; i++)
		json_array_append_new(kept, json_pack("{s:i,s:s,s:i,s:i,s:s?}",
		    "id", (int)d->v[i].id, "file", d->v[i].file,
		    "line", d->v[i].line, "col", d->v[i].col,
		    "detail", d->v[i].detail));
	for (i = 0; i < d->ntallies; i++)
		json_array_append_new(tallies, json_pack("{s:i,s:s,s:I}",
		    "id", (int)d->tallies[i]->id, "file",
		    d->tallies[i]->file, "n", (json_int_t)d->tallies[i]->n));
	o = json_pack("{s:o,s:o}", "kept", kept, "tallies", tallies);
	json_dumpf(o, f, JSON_COMPACT);
	json_decref(o);
}

/* How many of message id in file d has counted. */
static size_t
tally_of(const struct gt_diag *d, enum gt_msgid id, const char *file)
{
	struct tally	*t;
	char		*key = gt_xasprintf("%d:%s", (int)id, file);

	t = gt_map_get(&d->tallymap, key);
	free(key);
	return t != NULL ? t->n : 0;
}

static int
valid_id(json_int_t id)
{
	return id > GT_MSG_OK && id < GT_MSG_MAX && id != GT_MSG_WARNING &&
	    id != GT_MSG_ERROR;
}

int
gt_diag_import(struct gt_diag *d, const char *text, size_t len)
{
	json_t		*o = json_loadb(text, len, 0, NULL), *kept, *tallies, *x;
	struct gt_diag	*from;
	const char	*file, *detail;
	json_int_t	 id;
	size_t		 i, n, k;

	kept = json_object_get(o, "kept");
	tallies = json_object_get(o, "tallies");
	if (!json_is_array(kept) || !json_is_array(tallies)) {
		json_decref(o);
		return -1;
	}
	from = gt_diag_new();
	json_array_foreach(kept, i, x) {
		id = json_integer_value(json_object_get(x, "id"));
		file = json_string_value(json_object_get(x, "file"));
		detail = json_string_value(json_object_get(x, "detail"));
		if (valid_id(id) && file != NULL)
			add(from, (enum gt_msgid)id, file, (int)json_integer_value(
			    json_object_get(x, "line")), (int)json_integer_value(
			    json_object_get(x, "col")), detail != NULL ?
			    gt_xstrdup(detail) : NULL);
	}
	json_array_foreach(tallies, i, x) {
		id = json_integer_value(json_object_get(x, "id"));
		file = json_string_value(json_object_get(x, "file"));
		n = (size_t)json_integer_value(json_object_get(x, "n"));
		/* The kept ones are counted already. */
		if (valid_id(id) && file != NULL && n > (k = tally_of(from,
		    (enum gt_msgid)id, file)))
			count(from, (enum gt_msgid)id, file, n - k);
	}
	json_decref(o);
	gt_diag_merge(d, from);
	gt_diag_free(from);
	return 0;
}

const char *
gt_diag_escaped(struct gt_buf *b, const char *s)
{
	return escaped(b, s);
}
