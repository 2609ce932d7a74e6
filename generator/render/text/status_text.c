/* status_text.c: the status table and CSV (see status_text.h). */
#include <stdlib.h>
#include <string.h>

#include "csv_write.h"
#include "format.h"
#include "status_text.h"
#include "words.h"

struct status {
	const struct gt_model		*m;
	const struct gt_judgement	*j;
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

#define COLS	7

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
	cell[6] = jm->late ? "late" : "";
}

static int
write_table(const struct status *st, struct gt_sink *sink)
{
	static const char *const head[COLS] = {
		"Measure", "Period", "Value", "Target", "Status", "Direction",
		"Late"
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
	for (k = 0; k < COLS; k++) {
		pad(&b, head[k], w[k], k == 2 || k == 3);
		gt_buf_puts(&b, k < COLS - 1 ? "  " : "\n");
	}
	for (i = 0; i < m->nmeasures; i++) {
		const struct gt_measure *me = m->measures[i];

		table_row(st, me, &l, cell);
		for (k = 0; k < COLS; k++) {
			if (k == COLS - 1)
				gt_buf_puts(&b, cell[k]);
			else
				pad(&b, cell[k], w[k], k == 2 || k == 3);
			gt_buf_puts(&b, k < COLS - 1 ? "  " : "\n");
		}
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

static void *
status_new(const struct gt_render_in *in)
{
	struct status	*st = gt_xcalloc(1, sizeof(*st));

	st->m = in->m;
	st->j = in->site;
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

const struct gt_backend gt_status_csv_backend = {
	"status csv", status_new, status_jobs, NULL, csv_render,
	status_free
};
