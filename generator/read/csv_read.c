/* csv_read.c: data files, recognised by their header row, with libcsv. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>

#include "import.h"

enum shape {
	SHAPE_NONE,
	SHAPE_VALUES,		/* measure,period,value[,note][,flag] */
	SHAPE_PROGRESS,		/* action,period,status[,note] */
	SHAPE_COMPARATORS,	/* measure,period,group,value */
	SHAPE_FINANCE,		/* directorate,period,budget,forecast */
	SHAPE_RISKS		/* risk,period,likelihood,impact[,note] */
};

enum col {
	COL_MEASURE, COL_ACTION, COL_DIRECTORATE, COL_PERIOD, COL_VALUE,
	COL_NOTE, COL_FLAG, COL_STATUS, COL_GROUP, COL_BUDGET, COL_FORECAST,
	COL_RESPONSE, COL_RISK, COL_LIKELIHOOD, COL_IMPACT,
	COL_MAX
};

static const char *const colnames[COL_MAX] = {
	"measure", "action", "directorate", "period", "value", "note", "flag",
	"status", "group", "budget", "forecast", "response", "risk",
	"likelihood", "impact"
};

/* The columns each shape needs, and those it may have. */
struct shapedef {
	const char	*name;
	unsigned	 need, may;
};

/* Bytes handed to libcsv at a time; also its buffer growth step. */
#define CHUNK ((size_t)64 * 1024)

#define C(x) (1u << (x))
static const struct shapedef shapes[] = {
	[SHAPE_NONE] = { "", 0, 0 },
	[SHAPE_VALUES] = { "measure values",
	    C(COL_MEASURE) | C(COL_PERIOD) | C(COL_VALUE),
	    C(COL_NOTE) | C(COL_FLAG) | C(COL_RESPONSE) },
	[SHAPE_PROGRESS] = { "action progress",
	    C(COL_ACTION) | C(COL_PERIOD) | C(COL_STATUS), C(COL_NOTE) },
	[SHAPE_COMPARATORS] = { "comparators",
	    C(COL_MEASURE) | C(COL_PERIOD) | C(COL_GROUP) | C(COL_VALUE), 0 },
	[SHAPE_FINANCE] = { "finance",
	    C(COL_DIRECTORATE) | C(COL_PERIOD) | C(COL_BUDGET) |
	    C(COL_FORECAST), 0 },
	[SHAPE_RISKS] = { "risk history",
	    C(COL_RISK) | C(COL_PERIOD) | C(COL_LIKELIHOOD) | C(COL_IMPACT),
	    C(COL_NOTE) },
};

struct reader {
	struct gt_model	*m;
	const char	*file;
	/* Position of the line being fed to libcsv. */
	const char	*linestart;
	int		 line;
	int		 rowline;	/* the line the current row began on */
	size_t		 sent[GT_MSG_MAX];	/* messages made, by id */
	int		 between;	/* no row under way */
	/* The current row. */
	struct gt_csv_field *fields;
	size_t		 nfields, capfields;
	struct gt_buf	 text;		/* their text, each NUL-ended */
	size_t		 rows;
	int		 overflow;	/* a limit was hit: stop */
	/* Set by the header row. */
	int		 have_header;
	enum shape	 shape;
	int		 colix[COL_MAX];	/* field index, or -1 */
	size_t		 ncols;
	/* Or read through an import mapping, after rows above its header. */
	struct gt_import_run *imp;
	int		 skip;
};

/*
 * gt_msg into the reader's set. Past the number a set keeps of one
 * message in a file they are only counted here (a file of a million bad
 * rows), for msg_end to pass on.
 */
static void
msg(struct reader *r, enum gt_msgid id, const struct gt_loc *loc,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void
msg(struct reader *r, enum gt_msgid id, const struct gt_loc *loc,
    const char *fmt, ...)
{
	va_list	 ap;
	char	*detail;

	if (r->sent[id]++ >= GT_MAX_DIAGS_KEPT)
		return;
	if (fmt == NULL) {
		gt_msg(r->m->diag, id, loc, NULL);
		return;
	}
	va_start(ap, fmt);
	detail = gt_xvasprintf(fmt, ap);
	va_end(ap);
	gt_msg(r->m->diag, id, loc, "%s", detail);
	free(detail);
}

/* The messages msg only counted. */
static void
msg_end(struct reader *r)
{
	int	 id;

	for (id = 0; id < GT_MSG_MAX; id++)
		if (r->sent[id] > GT_MAX_DIAGS_KEPT)
			gt_msg_more(r->m->diag, (enum gt_msgid)id, r->file,
			    r->sent[id] - GT_MAX_DIAGS_KEPT);
}

/* msg, as gt_text_check reports. */
static void
text_msg(void *vr, enum gt_msgid id, const struct gt_loc *loc,
    const char *detail, size_t more)
{
	struct reader	*r = vr;

	if (more > 0)
		r->sent[id] += more;
	else if (detail != NULL)
		msg(r, id, loc, "%s", detail);
	else
		msg(r, id, loc, NULL);
}

/*
 * The column (1-based, in bytes) where each field starts, for a row that
 * began on the line at s, in one pass over it: a row of thousands of
 * fields is common. Fields that run onto later lines report column 1.
 */
static void
field_cols(struct reader *r, const char *s)
{
	const char	*p = s;
	size_t		 i;
	int		 q = 0;

	for (i = 0; i < r->nfields; i++) {
		if (i > 0) {
			while (*p != '\0' && *p != '\n' && *p != '\r' &&
			    (*p != ',' || q)) {
				if (*p == '"')
					q = !q;
				p++;
			}
			if (*p != ',')
				break;
			p++;
		}
		r->fields[i].col = (int)(p - s) + 1;
	}
	for (; i < r->nfields; i++)
		r->fields[i].col = 1;
}

/*
 * The end of the line at s: its '\n', or a '\r' not followed by one
 * (old Mac files end lines with CR alone, and libcsv takes it so); NULL
 * for the last line if it has no end.
 */
static const char *
line_end(const char *s, const char *end)
{
	for (; s < end; s++)
		if (*s == '\n' || (*s == '\r' && (s + 1 == end || s[1] != '\n')))
			return s;
	return NULL;
}

static int
field_too_long(struct reader *r, size_t len)
{
	struct gt_loc	 loc = { r->file, r->rowline, 0 };

	if (len <= (size_t)GT_MAX_FIELD_BYTES)
		return 0;
	msg(r, GT_E_LIMIT, &loc, "field longer than %ld bytes",
	    (long)GT_MAX_FIELD_BYTES);
	r->overflow = 1;
	return 1;
}

static void
cb_field(void *data, size_t len, void *vr)
{
	struct reader	*r = vr;
	struct gt_csv_field *f;

	if (r->overflow || field_too_long(r, len))
		return;
	/* One buffer for the row, not an allocation per field. */
	f = GT_PUSH(r->fields, r->nfields, r->capfields);
	f->at = r->text.len;
	gt_buf_add(&r->text, data != NULL ? data : "", len);
	gt_buf_putc(&r->text, '\0');
	f->line = r->rowline;
	f->col = 0;
}

static struct gt_loc
floc(const struct reader *r, enum col c)
{
	struct gt_loc	 loc = { r->file, r->rowline, 0 };
	int		 i = r->colix[c];

	if (i >= 0 && (size_t)i < r->nfields)
		loc.col = r->fields[i].col;
	return loc;
}

/* The trimmed text of column c, or "" if the file has no such column. */
static const char *
ftext(struct reader *r, enum col c)
{
	int	 i = r->colix[c];

	if (i < 0 || (size_t)i >= r->nfields)
		return "";
	return gt_trim(r->fields[i].text);
}

/* The column a header names, or COL_MAX (an empty name, a file of commas: none). */
static int
col_of(const char *name)
{
	int	 c;

	if (*name == '\0')
		return COL_MAX;
	for (c = 0; c < COL_MAX; c++)
		if (gt_strieq(name, colnames[c]))
			break;
	return c;
}

static void
read_header(struct reader *r)
{
	struct gt_loc	 loc = { r->file, r->rowline, 1 };
	unsigned	 have = 0;
	size_t		 i;
	int		 c, s;
	char		*name;

	for (c = 0; c < COL_MAX; c++)
		r->colix[c] = -1;
	for (i = 0; i < r->nfields; i++) {
		name = gt_trim(r->fields[i].text);
		if ((c = col_of(name)) == COL_MAX)
			continue;
		if (have & C(c)) {
			loc.col = r->fields[i].col;
			msg(r, GT_E_CSV_HEADER, &loc, "column '%s' appears "
			    "twice", name);
			r->shape = SHAPE_NONE;
			return;
		}
		have |= C(c);
		r->colix[c] = (int)i;
	}
	if (have & C(COL_GROUP))
		s = SHAPE_COMPARATORS;
	else if (have & C(COL_ACTION))
		s = SHAPE_PROGRESS;
	else if (have & C(COL_DIRECTORATE))
		s = SHAPE_FINANCE;
	else if (have & C(COL_RISK))
		s = SHAPE_RISKS;
	else
		s = SHAPE_VALUES;
	if ((have & shapes[s].need) != shapes[s].need) {
		loc.col = 1;
		msg(r, GT_E_CSV_HEADER, &loc, "expected one of "
		    "'measure,period,value[,note,flag,response]', "
		    "'action,period,status[,note]', "
		    "'measure,period,group,value', "
		    "'directorate,period,budget,forecast' or "
		    "'risk,period,likelihood,impact[,note]'");
		r->shape = SHAPE_NONE;
		return;
	}
	r->shape = (enum shape)s;
	r->ncols = r->nfields;
	for (i = 0; i < r->nfields; i++) {
		name = r->fields[i].text;
		c = col_of(name);
		if (c == COL_MAX || !((shapes[s].need | shapes[s].may) & C(c))) {
			loc.col = r->fields[i].col;
			msg(r, GT_W_UNKNOWN_COLUMN, &loc, "'%s' in a %s file",
			    name, shapes[s].name);
		}
	}
}

/*
 * The row's period as far as it can be read here; *ps (if not NULL) gets
 * what the link pass needs to read it again in the light of its
 * measure's frequency ("2010-11", a date).
 */
static int
row_period(struct reader *r, struct gt_period *p, struct gt_period_src **ps)
{
	struct gt_loc	 loc = floc(r, COL_PERIOD);
	const char	*s = ftext(r, COL_PERIOD);
	int		 rc;

	if ((rc = gt_period_read(s, GT_FREQ_NONE, &r->m->conf.cal, p)) ==
	    -1) {
		msg(r, GT_E_PERIOD, &loc, "'%s'", s);
		return -1;
	}
	if (rc == GT_PERIOD_BY_FREQ && ps != NULL) {
		*ps = gt_xcalloc(1, sizeof(**ps));
		(*ps)->text = gt_xstrdup(s);
	}
	return 0;
}

/* An id; a measure may be named by its published code ("C&L03") too. */
static int
row_id(struct reader *r, enum col c, struct gt_ref *ref)
{
	const char	*s = ftext(r, c);

	ref->loc = floc(r, c);
	if (*s == '\0') {
		msg(r, GT_E_FIELD_MISSING, &ref->loc, "%s", colnames[c]);
		return -1;
	}
	if ((c != COL_MEASURE && !gt_id_valid(s)) ||
	    strlen(s) > GT_MAX_ID_BYTES) {
		msg(r, GT_E_ID_SYNTAX, &ref->loc, "'%s'", s);
		return -1;
	}
	ref->id = gt_xstrdup(s);
	return 0;
}

static int
row_value(struct reader *r, enum col c, struct gt_value *v)
{
	struct gt_loc	 loc = floc(r, c);
	const char	*s = ftext(r, c);

	if (gt_value_parse(s, v) == -1) {
		msg(r, GT_E_NUMBER, &loc, "%s '%s'", colnames[c], s);
		return -1;
	}
	return 0;
}

static char *
opt_text(struct reader *r, enum col c)
{
	const char	*s = ftext(r, c);

	return *s != '\0' ? gt_xstrdup(s) : NULL;
}

static void
row_values(struct reader *r)
{
	struct gt_obs	 o, *op;
	const char	*flag = ftext(r, COL_FLAG);
	struct gt_loc	 loc;
	int		 bad = 0;

	memset(&o, 0, sizeof(o));
	o.loc.file = r->file;
	o.loc.line = r->rowline;
	o.loc.col = 1;
	bad |= row_id(r, COL_MEASURE, &o.measure_ref);
	bad |= row_period(r, &o.period, &o.psrc);
	bad |= row_value(r, COL_VALUE, &o.value);
	if (*flag != '\0') {
		if (gt_strieq(flag, "provisional"))
			o.flag = GT_FLAG_PROVISIONAL;
		else if (gt_strieq(flag, "estimated"))
			o.flag = GT_FLAG_ESTIMATED;
		else if (gt_strieq(flag, "revised"))
			o.flag = GT_FLAG_REVISED;
		else {
			loc = floc(r, COL_FLAG);
			msg(r, GT_E_ENUM, &loc, "flag '%s': expected "
			    "provisional, estimated or revised", flag);
			bad = -1;
		}
	}
	if (bad) {
		free(o.measure_ref.id);
		gt_period_src_free(o.psrc);
		return;
	}
	o.loc = floc(r, COL_VALUE);
	o.period_loc = floc(r, COL_PERIOD);
	o.raw = opt_text(r, COL_VALUE);
	o.note = opt_text(r, COL_NOTE);
	o.response = opt_text(r, COL_RESPONSE);
	op = gt_xmalloc(sizeof(*op));
	*op = o;
	*GT_PUSH(r->m->obs, r->m->nobs, r->m->capobs) = op;
}

static void
row_progress(struct reader *r)
{
	struct gt_progress	 p, *pp;
	const char		*st = ftext(r, COL_STATUS);
	struct gt_loc		 loc;
	int			 bad = 0;

	memset(&p, 0, sizeof(p));
	p.loc.file = r->file;
	p.loc.line = r->rowline;
	p.loc.col = 1;
	bad |= row_id(r, COL_ACTION, &p.action_ref);
	bad |= row_period(r, &p.period, NULL);
	if ((p.status = gt_astatus_parse(st)) == GT_ASTATUS_NONE) {
		loc = floc(r, COL_STATUS);
		msg(r, GT_E_ENUM, &loc, "status '%s': expected not started, "
		    "on track, at risk or complete", st);
		bad = -1;
	}
	if (bad) {
		free(p.action_ref.id);
		return;
	}
	p.loc = floc(r, COL_STATUS);
	p.note = opt_text(r, COL_NOTE);
	pp = gt_xmalloc(sizeof(*pp));
	*pp = p;
	*GT_PUSH(r->m->progress, r->m->nprogress, r->m->capprogress) = pp;
}

static void
row_comparator(struct reader *r)
{
	struct gt_comparator	 c, *cp;
	struct gt_loc		 loc;
	int			 bad = 0;

	memset(&c, 0, sizeof(c));
	bad |= row_id(r, COL_MEASURE, &c.measure_ref);
	bad |= row_period(r, &c.period, &c.psrc);
	bad |= row_value(r, COL_VALUE, &c.value);
	if (*ftext(r, COL_GROUP) == '\0') {
		loc = floc(r, COL_GROUP);
		msg(r, GT_E_FIELD_MISSING, &loc, "group");
		bad = -1;
	}
	if (bad) {
		free(c.measure_ref.id);
		gt_period_src_free(c.psrc);
		return;
	}
	c.loc = floc(r, COL_VALUE);
	c.period_loc = floc(r, COL_PERIOD);
	c.group = opt_text(r, COL_GROUP);
	cp = gt_xmalloc(sizeof(*cp));
	*cp = c;
	*GT_PUSH(r->m->comparators, r->m->ncomparators,
	    r->m->capcomparators) = cp;
}

static void
row_finance(struct reader *r)
{
	struct gt_finance	 f, *fp;
	struct gt_loc		 loc;
	int			 bad = 0;

	memset(&f, 0, sizeof(f));
	f.loc.file = r->file;
	f.loc.line = r->rowline;
	f.loc.col = 1;
	if (*ftext(r, COL_DIRECTORATE) == '\0') {
		loc = floc(r, COL_DIRECTORATE);
		msg(r, GT_E_FIELD_MISSING, &loc, "directorate");
		bad = -1;
	}
	bad |= row_period(r, &f.period, NULL);
	bad |= row_value(r, COL_BUDGET, &f.budget);
	bad |= row_value(r, COL_FORECAST, &f.forecast);
	if (bad)
		return;
	f.directorate = opt_text(r, COL_DIRECTORATE);
	fp = gt_xmalloc(sizeof(*fp));
	*fp = f;
	*GT_PUSH(r->m->finance, r->m->nfinance, r->m->capfinance) = fp;
}

/* A likelihood or impact: a whole number from 1 to 5. */
static int
row_score(struct reader *r, enum col c, int *out)
{
	struct gt_loc	 loc = floc(r, c);
	const char	*s = ftext(r, c);
	struct gt_value	 v;

	if (gt_value_parse(s, &v) == -1 || v.kind != GT_VAL_NUMBER ||
	    v.num < 1 || v.num > 5 || v.num != (int)v.num) {
		msg(r, GT_E_RANGE, &loc, "%s '%s': expected a whole number "
		    "from 1 to 5", colnames[c], s);
		return -1;
	}
	*out = (int)v.num;
	return 0;
}

static void
row_risk(struct reader *r)
{
	struct gt_riskobs	 h, *hp;
	int			 bad = 0;

	memset(&h, 0, sizeof(h));
	bad |= row_id(r, COL_RISK, &h.risk_ref);
	bad |= row_period(r, &h.period, NULL);
	bad |= row_score(r, COL_LIKELIHOOD, &h.likelihood);
	bad |= row_score(r, COL_IMPACT, &h.impact);
	if (bad) {
		free(h.risk_ref.id);
		return;
	}
	h.loc = floc(r, COL_LIKELIHOOD);
	h.period_loc = floc(r, COL_PERIOD);
	h.note = opt_text(r, COL_NOTE);
	hp = gt_xmalloc(sizeof(*hp));
	*hp = h;
	*GT_PUSH(r->m->riskobs, r->m->nriskobs, r->m->capriskobs) = hp;
}

static void
clear_row(struct reader *r)
{
	r->nfields = 0;
	gt_buf_reset(&r->text);
}

static void
cb_row(int term GT_UNUSED, void *vr)
{
	struct reader	*r = vr;
	struct gt_loc	 loc = { r->file, r->rowline, 1 };
	size_t		 i;

	r->between = 1;
	if (r->overflow)
		goto out;
	for (i = 0; i < r->nfields; i++)
		r->fields[i].text = r->text.data + r->fields[i].at;
	field_cols(r, r->linestart);
	/* Rows of nothing but empty fields are blank lines in disguise. */
	for (i = 0; i < r->nfields; i++)
		if (*gt_trim(r->fields[i].text) != '\0')
			break;
	if (i == r->nfields)
		goto out;
	if (r->skip > 0) {
		r->skip--;
		goto out;
	}
	if (!r->have_header) {
		r->have_header = 1;
		if (r->imp != NULL)
			gt_import_header(r->imp, r->fields, r->nfields);
		else
			read_header(r);
		goto out;
	}
	if (r->shape == SHAPE_NONE && r->imp == NULL)
		goto out;
	if (++r->rows > (size_t)GT_MAX_ROWS) {
		msg(r, GT_E_LIMIT, &loc, "more than %ld rows",
		    (long)GT_MAX_ROWS);
		r->overflow = 1;
		goto out;
	}
	/* An export may leave out empty fields at the ends of its rows. */
	if (r->imp != NULL) {
		gt_import_row(r->imp, r->fields, r->nfields, r->rowline);
		goto out;
	}
	if (r->nfields != r->ncols) {
		msg(r, GT_E_CSV_COLUMNS, &loc, "%zu fields, the header has %zu",
		    r->nfields, r->ncols);
		goto out;
	}
	switch (r->shape) {
	case SHAPE_VALUES:
		row_values(r);
		break;
	case SHAPE_PROGRESS:
		row_progress(r);
		break;
	case SHAPE_COMPARATORS:
		row_comparator(r);
		break;
	case SHAPE_FINANCE:
		row_finance(r);
		break;
	case SHAPE_RISKS:
		row_risk(r);
		break;
	case SHAPE_NONE:
		break;
	}
out:
	clear_row(r);
}

void
gt_csv_read_mapped(struct gt_model *m, const char *file, const char *text,
    size_t len, const struct gt_import *imp)
{
	struct csv_parser	 p;
	struct reader		 r;
	struct gt_loc		 loc = { file, 0, 0 };
	const char		*end = text + len, *next, *s;
	const char		*rowtext = NULL;
	size_t			 n, chunk;
	unsigned		 found = 0;

	memset(&r, 0, sizeof(r));
	r.m = m;
	r.file = file;
	if (imp != NULL) {
		r.imp = gt_import_begin(imp, m, file, text_msg, &r);
		r.skip = gt_import_skip(imp);
	}
	if (gt_text_check(text, len, &loc, &found, text_msg, &r) == -1) {
		gt_import_end(r.imp);
		msg_end(&r);
		return;
	}
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		text += 3;
	if (csv_init(&p, CSV_APPEND_NULL | CSV_EMPTY_IS_NULL) != 0) {
		fputs("goldthread: out of memory\n", stderr);
		abort();
	}
	csv_set_blk_size(&p, CHUNK);
	/*
	 * Feed libcsv a line at a time so that each row knows the line it
	 * began on: a row that starts ends a run of blank lines.
	 */
	r.between = 1;
	for (s = text, r.line = 1; s < end && !r.overflow; s = next,
	    r.line++) {
		const char *nl = line_end(s, end);

		next = nl != NULL ? nl + 1 : end;
		n = (size_t)(next - s);
		if (r.between && strspn(s, " \t\r") < n - (nl != NULL)) {
			r.between = 0;
			r.rowline = r.line;
			rowtext = s;
		}
		r.linestart = rowtext != NULL ? rowtext : s;
		/*
		 * libcsv grows a field by a fixed step, so a huge field fed
		 * whole costs quadratic copying: feed long lines in pieces
		 * and stop as soon as the open field passes the limit.
		 */
		for (; n > 0 && !r.overflow; s += chunk, n -= chunk) {
			chunk = n < CHUNK ? n : CHUNK;
			if (csv_parse(&p, s, chunk, cb_field, cb_row, &r) !=
			    chunk) {
				loc.line = r.line;
				loc.col = 0;
				msg(&r, GT_E_READ, &loc, "%s",
				    csv_strerror(csv_error(&p)));
				r.overflow = 1;
			} else if (!r.overflow)
				field_too_long(&r, p.entry_pos);
		}
	}
	if (!r.overflow && !r.between) {
		/*
		 * A quote still open at the end swallowed the rest of the
		 * file (libcsv's state 2 is "inside a field").
		 */
		loc.line = r.rowline;
		loc.col = 0;
		if (p.quoted && p.pstate == 2) {
			msg(&r, GT_E_CSV_QUOTE, &loc, NULL);
			clear_row(&r);
		} else
			csv_fini(&p, cb_field, cb_row, &r);
	}
	if (!r.have_header) {
		loc.line = 0;
		loc.col = 0;
		msg(&r, GT_E_CSV_HEADER, &loc, "the file is empty");
	} else if ((r.shape != SHAPE_NONE || r.imp != NULL) && r.rows == 0 &&
	    !r.overflow) {
		loc.line = 0;
		loc.col = 0;
		msg(&r, GT_W_CSV_EMPTY, &loc, NULL);
	}
	gt_import_end(r.imp);
	msg_end(&r);
	clear_row(&r);
	free(r.fields);
	gt_buf_free(&r.text);
	csv_free(&p);
}

void
gt_csv_read_apart(struct gt_model *m, const char *file, const char *text,
    size_t len)
{
	gt_csv_read_mapped(m, file, text, len, NULL);
}

void
gt_csv_read(struct gt_model *m, const char *path, const char *text,
    size_t len)
{
	gt_csv_read_apart(m, gt_model_file(m, path), text, len);
}
