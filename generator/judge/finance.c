/* finance.c: budgets, forecasts and their variance at a period (see judge.h). */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "judge.h"
#include "words.h"

/* Finance is judged in whole pounds, as it is shown. */
#define PENCE	0

static void
money(struct gt_buf *b, double v)
{
	char	 s[GT_NUMBER_MAX];

	gt_buf_puts(b, gt_format_value(s, sizeof(s), v, PENCE, "\xc2\xa3"));
}

/* "Forecast £5,710,000 against a budget of £4,620,000: ..." */
static char *
explain(const struct gt_conf *c, const struct gt_jbudget *r)
{
	struct gt_buf	 b = { 0 };
	const char	*label;
	char		 n[GT_NUMBER_MAX];

	if (r->status == GT_BUDGET_NO_DATA)
		return gt_xstrdup("The budget or the forecast is not "
		    "available: no variance.");
	gt_buf_puts(&b, "Forecast ");
	money(&b, r->forecast);
	gt_buf_puts(&b, " against a budget of ");
	money(&b, r->budget);
	gt_buf_puts(&b, ": ");
	if (r->variance == 0)
		gt_buf_puts(&b, "exactly on budget");
	else {
		money(&b, fabs(r->variance));
		if (r->has_percent)
			gt_buf_printf(&b, " (%s%%)", gt_format_number(n,
			    sizeof(n), fabs(r->percent), 1));
		gt_buf_printf(&b, " %s budget, %s the tolerance of ",
		    r->variance > 0 ? "over" : "under", r->status ==
		    GT_BUDGET_ON ? "within" : "more than");
		/* "2%", "2.5%": as few places as the setting has. */
		if (c->budget_tolerance.kind == GT_TOL_RELATIVE)
			gt_buf_printf(&b, "%g%%", c->budget_tolerance.value);
		else
			money(&b, c->budget_tolerance.value);
	}
	label = gt_budget_label(r->status);
	gt_buf_printf(&b, ": %c%s.", tolower((unsigned char)*label), label + 1);
	return gt_buf_steal(&b);
}

static void
judge_row(const struct gt_conf *c, struct gt_jbudget *r)
{
	const struct gt_tolerance *t = &c->budget_tolerance;
	double	 slack;

	r->budget = gt_round(r->budget, PENCE);
	r->forecast = gt_round(r->forecast, PENCE);
	r->variance = r->forecast - r->budget;
	r->has_percent = r->budget != 0;
	r->percent = r->has_percent ? r->variance / fabs(r->budget) * 100 : 0;
	slack = t->kind == GT_TOL_RELATIVE ? fabs(r->budget) * t->value / 100 :
	    t->value;
	/* A hair over the edge in binary is still on the edge. */
	slack += 1e-9 * fmax(1, fabs(r->budget));
	r->status = r->variance > slack ? GT_BUDGET_OVER :
	    r->variance < -slack ? GT_BUDGET_UNDER : GT_BUDGET_ON;
	r->explanation = explain(c, r);
}

void
gt_judge_budget(const struct gt_model *m, const struct gt_finance *x,
    struct gt_jbudget *r)
{
	memset(r, 0, sizeof(*r));
	r->directorate = x->directorate;
	r->row = x;
	if (x->budget.kind != GT_VAL_NUMBER ||
	    x->forecast.kind != GT_VAL_NUMBER) {
		r->status = GT_BUDGET_NO_DATA;
		r->explanation = explain(&m->conf, r);
		return;
	}
	r->budget = x->budget.num;
	r->forecast = x->forecast.num;
	judge_row(&m->conf, r);
}

void
gt_judge_finance(const struct gt_model *m, const struct gt_period *as_at,
    struct gt_jfinance *f)
{
	const struct gt_calendar *cal = &m->conf.cal;
	const struct gt_finance	*x;
	struct gt_jbudget	*r;
	int			 known = 1;
	size_t			 i;

	memset(f, 0, sizeof(*f));
	for (i = 0; i < m->nfinance; i++) {
		x = m->finance[i];
		if (gt_period_by(cal, &x->period, as_at) &&
		    (f->period.type == GT_PERIOD_NONE ||
		    gt_period_cmp(cal, &x->period, &f->period) > 0))
			f->period = x->period;
	}
	f->rows = gt_xcalloc(m->nfinance + 1, sizeof(*f->rows));
	for (i = 0; i < m->nfinance; i++) {
		x = m->finance[i];
		if (f->period.type == GT_PERIOD_NONE ||
		    !gt_period_eq(&x->period, &f->period))
			continue;
		r = &f->rows[f->n++];
		gt_judge_budget(m, x, r);
		if (r->status == GT_BUDGET_NO_DATA) {
			known = 0;
			continue;
		}
		f->total.budget += r->budget;
		f->total.forecast += r->forecast;
	}
	if (f->n == 0)
		return;
	if (!known) {
		f->total.status = GT_BUDGET_NO_DATA;
		f->total.explanation = explain(&m->conf, &f->total);
	} else
		judge_row(&m->conf, &f->total);
}

void
gt_jfinance_free(struct gt_jfinance *f)
{
	size_t	 i;

	for (i = 0; i < f->n; i++)
		free(f->rows[i].explanation);
	free(f->rows);
	free(f->total.explanation);
	memset(f, 0, sizeof(*f));
}
