/* status_text.c: the status table and CSV (see status_text.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv_write.h"
#include "format.h"
#include "rows.h"
#include "status_text.h"
#include "words.h"

struct status {
	const struct gt_model		*m;
	const struct gt_judgement	*j;
	const struct gt_judgement	*then;	/* --since's, or NULL */
};

/* The period, figure and target of a measure's latest value; v, t malloc'd. */
struct latest {
	char	 p[GT_PERIOD_MAX];
	char	*v, *t;
};

/* For scripts (plain: digits at the measure's decimals) or for people. */
static char *
figure(const struct gt_measure *me, double x, int plain, int unit)
{
	char	 buf[GT_NUMBER_MAX];

	if (plain)
		return gt_xstrdup(gt_format_plain(buf, sizeof(buf), x,
		    me->decimals));
	if (unit)
		return gt_figure_number(me, x);
	return gt_xstrdup(gt_format_value(buf, sizeof(buf), x, me->decimals,
	    NULL));
}

static void
latest_text(const struct gt_jmeasure *jm, const struct gt_measure *me,
    int plain, struct latest *l)
{
	const struct gt_eval	*e = jm->latest;
	int			 once = 1;
	char			*lo, *hi;

	l->p[0] = '\0';
	if (e == NULL) {
		l->v = gt_xstrdup("");
		l->t = gt_xstrdup("");
		return;
	}
	/* A long unit ("per 1,000 population") once, after the target. */
	if (me->unit != NULL && strlen(me->unit) > 5 && e->has_target)
		once = 0;
	gt_period_format(&e->obs->period, l->p, GT_PERIOD_MAX);
	if (e->obs->value.kind == GT_VAL_NUMBER)
		l->v = figure(me, e->obs->value.num, plain, once);
	else
		l->v = gt_xstrdup(e->obs->raw != NULL ? e->obs->raw : "");
	if (!e->has_target) {
		l->t = gt_xstrdup("");
		return;
	}
	hi = figure(me, e->hi, plain, 1);
	if (me->polarity == GT_POL_BAND) {
		lo = figure(me, e->lo, plain, once);
		l->t = gt_xasprintf("%s to %s", lo, hi);
		free(lo);
		free(hi);
	} else
		l->t = hi;
}

static void
latest_free(struct latest *l)
{
	free(l->v);
	free(l->t);
}

static int
write_csv(const struct status *st, struct gt_sink *sink)
{
	const struct gt_model	*m = st->m;
	struct gt_buf		 b = { 0 };
	struct latest		 l;
	size_t			 i;
	int			 rc;

	gt_buf_puts(&b, "measure,period,value,target,status,direction,"
	    "year_ago_direction,late,explanation\r\n");
	for (i = 0; i < m->nmeasures; i++) {
		const struct gt_measure *me = m->measures[i];
		const struct gt_jmeasure *jm = gt_judged_measure(st->j, me);

		latest_text(jm, me, 1, &l);
		gt_csv_field(&b, me->id, 0);
		gt_csv_field(&b, l.p, 0);
		gt_csv_field(&b, l.v, 0);
		gt_csv_field(&b, l.t, 0);
		gt_csv_field(&b, gt_status_name(jm->status), 0);
		gt_csv_field(&b, gt_dir_name(jm->dir_prev), 0);
		gt_csv_field(&b, gt_dir_name(jm->dir_year), 0);
		gt_csv_field(&b, jm->late ? "yes" : "no", 0);
		gt_csv_field(&b, jm->explanation, 1);
		latest_free(&l);
	}
	rc = sink->write(sink->ctx, "status.csv", b.data, b.len);
	gt_buf_free(&b);
	return rc;
}

/* Display width of UTF-8 text, counting code points. */
static int
width(const char *s)
{
	int	 n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

static void
pad(struct gt_buf *b, const char *s, int w, int right)
{
	int	 n = w - width(s);

	if (right)
		gt_buf_printf(b, "%*s%s", n > 0 ? n : 0, "", s);
	else
		gt_buf_printf(b, "%s%*s", s, n > 0 ? n : 0, "");
}

/*
 * A row of n cells, padded to the widths w (right: which columns align
 * right), two spaces apart; the last is not padded.
 */
static void
put_row(struct gt_buf *b, const char *const *cell, const int *w, int n,
    unsigned right)
{
	int	 k;

	for (k = 0; k < n; k++) {
		if (k == n - 1)
			gt_buf_puts(b, cell[k]);
		else
			pad(b, cell[k], w[k], (right >> k) & 1);
		gt_buf_puts(b, k < n - 1 ? "  " : "\n");
	}
}

#define COLS	8
#define RIGHT	(1u << 2 | 1u << 3)	/* the value and target */

/* A measure's row of the status table. */
static void
table_row(const struct status *st, const struct gt_measure *me,
    struct latest *l, const char *cell[COLS])
{
	const struct gt_jmeasure *jm = gt_judged_measure(st->j, me);

	latest_text(jm, me, 0, l);
	cell[0] = me->id;
	cell[1] = l->p;
	cell[2] = l->v;
	cell[3] = l->t;
	cell[4] = gt_status_label(jm->status);
	cell[5] = gt_dir_label(jm->dir_prev);
	cell[6] = gt_dir_label(jm->dir_year);
	cell[7] = jm->late ? "late" : "";
}

static int
write_table(const struct status *st, struct gt_sink *sink)
{
	static const char *const head[COLS] = {
		"Measure", "Period", "Value", "Target", "Status", "Direction",
		"Year on year", "Late"
	};
	const struct gt_model	*m = st->m;
	const char		*cell[COLS];
	struct gt_buf		 b = { 0 };
	struct latest		 l;
	char			 asat[GT_PERIOD_MAX];
	int			 w[COLS], k, rc;
	size_t			 i, late = 0, counts[GT_STATUS_MAX] = { 0 };
	enum gt_status		 s;

	for (k = 0; k < COLS; k++)
		w[k] = width(head[k]);
	for (i = 0; i < m->nmeasures; i++) {
		table_row(st, m->measures[i], &l, cell);
		for (k = 0; k < COLS; k++)
			if (width(cell[k]) > w[k])
				w[k] = width(cell[k]);
		latest_free(&l);
	}
	gt_period_format(gt_judged_as_at(st->j), asat, sizeof(asat));
	gt_buf_printf(&b, "%s: %zu measures as at %s\n\n", m->conf.title ?
	    m->conf.title : "", m->nmeasures, asat);
	/* The header's last cell is padded, as the table always was. */
	for (k = 0; k < COLS; k++) {
		pad(&b, head[k], w[k], (RIGHT >> k) & 1);
		gt_buf_puts(&b, k < COLS - 1 ? "  " : "\n");
	}
	for (i = 0; i < m->nmeasures; i++) {
		const struct gt_measure *me = m->measures[i];

		table_row(st, me, &l, cell);
		put_row(&b, cell, w, COLS, RIGHT);
		latest_free(&l);
		s = gt_judged_measure(st->j, me)->status;
		counts[s]++;
		late += gt_judged_measure(st->j, me)->late != 0;
	}
	gt_buf_putc(&b, '\n');
	for (k = 0; k < GT_STATUS_MAX; k++)
		if (counts[k] > 0)
			gt_buf_printf(&b, "%s: %zu, ",
			    gt_status_label((enum gt_status)k), counts[k]);
	gt_buf_printf(&b, "Late: %zu\n", late);
	rc = sink->write(sink->ctx, "status.txt", b.data, b.len);
	gt_buf_free(&b);
	return rc;
}

/* The names scripts match on: statuses, "yes"/"no", scores. */
static void
change_names(const struct gt_change *c, char from[GT_NUMBER_MAX],
    char to[GT_NUMBER_MAX])
{
	switch (c->kind) {
	case GT_CHANGE_STATUS:
		snprintf(from, GT_NUMBER_MAX, "%s", gt_status_name((enum gt_status)c->from));
		snprintf(to, GT_NUMBER_MAX, "%s", gt_status_name((enum gt_status)c->to));
		break;
	case GT_CHANGE_LATE:
		snprintf(from, GT_NUMBER_MAX, "no");
		snprintf(to, GT_NUMBER_MAX, "yes");
		break;
	case GT_CHANGE_RESTATED:
		from[0] = to[0] = '\0';
		break;
	case GT_CHANGE_COMPLETED:
	case GT_CHANGE_OVERDUE:
		snprintf(from, GT_NUMBER_MAX, "%s", gt_astatus_name(c->from ==
		    GT_ASTATUS_NONE ? GT_ASTATUS_NOT_STARTED :
		    (enum gt_astatus)c->from));
		snprintf(to, GT_NUMBER_MAX, "%s", gt_astatus_name((enum gt_astatus)c->to));
		break;
	default:
		snprintf(from, GT_NUMBER_MAX, "%d", c->from);
		snprintf(to, GT_NUMBER_MAX, "%d", c->to);
		break;
	}
}

static int
changes_csv(const struct status *st, struct gt_sink *sink)
{
	struct gt_changes	 c;
	struct gt_crow		 r;
	struct gt_buf		 b = { 0 };
	char			 from[GT_NUMBER_MAX], to[GT_NUMBER_MAX];
	size_t			 i;
	int			 rc;

	gt_changes(&c, st->j, st->then, NULL);
	gt_buf_puts(&b, "change,id,period,from,to,detail\r\n");
	for (i = 0; i < c.n; i++) {
		gt_crow(&r, st->j, &c.v[i]);
		change_names(&c.v[i], from, to);
		if (c.v[i].kind == GT_CHANGE_RESTATED &&
		    c.v[i].obs->value.kind == GT_VAL_NUMBER)
			gt_format_plain(to, sizeof(to), c.v[i].obs->value.num,
			    c.v[i].me->decimals);
		gt_csv_field(&b, gt_change_name(c.v[i].kind), 0);
		gt_csv_field(&b, r.id, 0);
		gt_csv_field(&b, r.period, 0);
		gt_csv_field(&b, from, 0);
		gt_csv_field(&b, to, 0);
		gt_csv_field(&b, r.detail, 1);
		gt_crow_free(&r);
	}
	gt_changes_free(&c);
	rc = sink->write(sink->ctx, "changes.csv", b.data, b.len);
	gt_buf_free(&b);
	return rc;
}

#define CCOLS	5

static void
change_cells(const struct gt_crow *r, const char *cell[CCOLS])
{
	cell[0] = gt_change_label(r->c->kind);
	cell[1] = r->id;
	cell[2] = r->period;
	cell[3] = r->from;
	cell[4] = r->to;
}

static int
changes_table(const struct status *st, struct gt_sink *sink)
{
	static const char *const head[CCOLS] = {
		"Change", "Id", "Period", "From", "To"
	};
	struct gt_changes	 c;
	struct gt_crow		*r;
	struct gt_buf		 b = { 0 };
	const char		*cell[CCOLS];
	char			*s, now[GT_PERIOD_MAX], then[GT_PERIOD_MAX];
	int			 w[CCOLS], k;
	size_t			 i;
	int			 rc;

	gt_changes(&c, st->j, st->then, NULL);
	r = gt_xcalloc(c.n + 1, sizeof(*r));
	for (k = 0; k < CCOLS; k++)
		w[k] = width(head[k]);
	for (i = 0; i < c.n; i++) {
		gt_crow(&r[i], st->j, &c.v[i]);
		change_cells(&r[i], cell);
		for (k = 0; k < CCOLS; k++)
			if (width(cell[k]) > w[k])
				w[k] = width(cell[k]);
	}
	gt_period_format(&c.as_at, now, sizeof(now));
	gt_period_format(&c.since, then, sizeof(then));
	gt_buf_printf(&b, "%s: changes from %s to %s\n\n", st->m->conf.title ?
	    st->m->conf.title : "", then, now);
	put_row(&b, head, w, CCOLS, 0);
	for (i = 0; i < c.n; i++) {
		change_cells(&r[i], cell);
		put_row(&b, cell, w, CCOLS, 0);
		gt_crow_free(&r[i]);
	}
	s = gt_changes_words(&st->m->conf.cal, &c);
	gt_buf_printf(&b, "\n%s\n", s);
	free(s);
	free(r);
	gt_changes_free(&c);
	rc = sink->write(sink->ctx, "changes.txt", b.data, b.len);
	gt_buf_free(&b);
	return rc;
}

static int
packs_csv(const struct status *st, struct gt_sink *sink)
{
	const struct gt_conf	*c = &st->m->conf;
	struct gt_buf		 b = { 0 }, pdf = { 0 };
	char			 per[GT_PERIOD_MAX];
	size_t			 i;
	int			 rc;

	gt_buf_puts(&b, "pack,as_at,since,audience,title,pdf\r\n");
	for (i = 0; i < c->npacks; i++) {
		const struct gt_pack *p = &c->packs[i];

		gt_csv_field(&b, p->name, 0);
		gt_period_format(&p->as_at, per, sizeof(per));
		gt_csv_field(&b, per, 0);
		gt_period_format(&p->since, per, sizeof(per));
		gt_csv_field(&b, per, 0);
		gt_csv_field(&b, p->kind == GT_AUDIENCE_RESIDENTS ? "residents" :
		    "committee", 0);
		gt_csv_field(&b, p->title, 0);
		gt_buf_reset(&pdf);
		gt_buf_printf(&pdf, "reports/%s.pdf", p->name);
		gt_csv_field(&b, pdf.data, 1);
	}
	rc = sink->write(sink->ctx, "packs.csv", b.data, b.len);
	gt_buf_free(&b);
	gt_buf_free(&pdf);
	return rc;
}

static void *
status_new(const struct gt_render_in *in)
{
	struct status	*st = gt_xcalloc(1, sizeof(*st));

	st->m = in->m;
	st->j = in->site;
	st->then = in->since != NULL ? in->since[0] : NULL;
	return st;
}

static size_t
status_jobs(void *v GT_UNUSED)
{
	return 1;
}

static int
table_render(void *v, size_t job GT_UNUSED, struct gt_sink *sink)
{
	return write_table(v, sink);
}

static int
csv_render(void *v, size_t job GT_UNUSED, struct gt_sink *sink)
{
	return write_csv(v, sink);
}

static void
status_free(void *v)
{
	free(v);
}

const struct gt_backend gt_status_table_backend = {
	"status table", status_new, status_jobs, NULL, table_render,
	status_free
};

static int
changes_table_render(void *v, size_t job GT_UNUSED, struct gt_sink *sink)
{
	return changes_table(v, sink);
}

static int
changes_csv_render(void *v, size_t job GT_UNUSED, struct gt_sink *sink)
{
	return changes_csv(v, sink);
}

const struct gt_backend gt_changes_table_backend = {
	"changes table", status_new, status_jobs, NULL, changes_table_render,
	status_free
};

static int
packs_render(void *v, size_t job GT_UNUSED, struct gt_sink *sink)
{
	return packs_csv(v, sink);
}

const struct gt_backend gt_packs_csv_backend = {
	"packs csv", status_new, status_jobs, NULL, packs_render, status_free
};

const struct gt_backend gt_changes_csv_backend = {
	"changes csv", status_new, status_jobs, NULL, changes_csv_render,
	status_free
};

const struct gt_backend gt_status_csv_backend = {
	"status csv", status_new, status_jobs, NULL, csv_render,
	status_free
};
