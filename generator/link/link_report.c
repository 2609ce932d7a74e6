/*
 * link_report.c: what report packs add to the link pass (see link.h):
 * risks' score histories and the actions that mitigate them, finance
 * rows checked, and each pack's composition and the period it compares
 * with.
 */
#include <stdlib.h>
#include <string.h>

#include "link_int.h"
#include "read.h"

static const struct gt_calendar *sort_cal;

/* By period; equal periods in the order read, so the second is the duplicate. */
static int
riskobs_cmp(const void *va, const void *vb)
{
	const struct gt_riskobs *a = *(struct gt_riskobs *const *)va;
	const struct gt_riskobs *b = *(struct gt_riskobs *const *)vb;
	int c = gt_period_cmp(sort_cal, &a->period, &b->period);

	return c != 0 ? c : (a->seq < b->seq ? -1 : a->seq > b->seq);
}

/*
 * The risk's own likelihood and impact are its current assessment: if
 * its history's latest row is at or before the as-at period, the two
 * must agree (a row for a later period says the history runs ahead).
 */
static void
check_current(struct gt_model *m, const struct gt_risk *r)
{
	const struct gt_riskobs	*h;
	char			 per[GT_PERIOD_MAX];

	if (r->nhistory == 0)
		return;
	h = r->history[r->nhistory - 1];
	if (!gt_period_by(&m->conf.cal, &h->period, &m->conf.as_at) ||
	    (h->likelihood == r->likelihood && h->impact == r->impact))
		return;
	gt_period_format(&h->period, per, sizeof(per));
	gt_msg(m->diag, GT_W_RISK_HISTORY, &r->loc, "'%s' is %d x %d; its "
	    "row for %s (%s:%d) says %d x %d", r->id, r->likelihood,
	    r->impact, per, h->loc.file, h->loc.line, h->likelihood,
	    h->impact);
}

static void
link_history(struct gt_model *m)
{
	struct gt_risk		*r;
	struct gt_riskobs	*h, *prev;
	size_t			 i, k;

	for (i = 0; i < m->nriskobs; i++) {
		h = m->riskobs[i];
		h->seq = i;
		if ((r = gt_risk_get(m, h->risk_ref.id)) == NULL) {
			if (!gt_md_broken(m, GT_KIND_RISK, h->risk_ref.id))
				gt_msg(m->diag, GT_E_UNKNOWN_RISK,
				    &h->risk_ref.loc, "'%s'", h->risk_ref.id);
			continue;
		}
		ADD(r->history, r->nhistory, h);
	}
	sort_cal = &m->conf.cal;
	for (i = 0; i < m->nrisks; i++) {
		r = m->risks[i];
		gt_sort(r->history, r->nhistory, sizeof(h), riskobs_cmp);
		for (k = 1; k < r->nhistory; k++) {
			prev = r->history[k - 1];
			h = r->history[k];
			if (gt_period_eq(&h->period, &prev->period))
				gt_msg(m->diag, GT_E_DUP_VALUE, &h->loc, "score "
				    "of risk '%s': the first is at %s:%d", r->id,
				    prev->loc.file, prev->loc.line);
		}
		check_current(m, r);
	}
}

static void
link_mitigation(struct gt_model *m)
{
	struct gt_risk		*r;
	struct gt_action	*a;
	size_t			 i, k;

	for (i = 0; i < m->nrisks; i++) {
		r = m->risks[i];
		for (k = 0; k < r->naction_refs; k++) {
			if ((a = gt_action_get(m, r->action_refs[k].id)) != NULL)
				ADD(r->actions, r->nactions, a);
			else if (!gt_md_broken(m, GT_KIND_ACTION,
			    r->action_refs[k].id))
				gt_msg(m->diag, GT_E_UNKNOWN_ACTION,
				    &r->action_refs[k].loc, "'%s'",
				    r->action_refs[k].id);
		}
	}
}

/* Finance rows by directorate and period, then as read. */
static int
finance_cmp(const void *va, const void *vb)
{
	const struct gt_finance *const *a = va, *const *b = vb;
	int c = strcmp((*a)->directorate, (*b)->directorate);

	if (c == 0)
		c = gt_period_cmp(sort_cal, &(*a)->period, &(*b)->period);
	if (c == 0)
		c = strcmp((*a)->loc.file, (*b)->loc.file);
	return c != 0 ? c : ((*a)->loc.line > (*b)->loc.line) -
	    ((*a)->loc.line < (*b)->loc.line);
}

/* One figure a directorate and period, as for measures. */
static void
check_finance(struct gt_model *m)
{
	struct gt_finance	**v;
	char			 per[GT_PERIOD_MAX];
	size_t			 i;

	if (m->nfinance < 2)
		return;
	v = gt_xcalloc(m->nfinance, sizeof(*v));
	memcpy(v, m->finance, m->nfinance * sizeof(*v));
	sort_cal = &m->conf.cal;
	gt_sort(v, m->nfinance, sizeof(*v), finance_cmp);
	for (i = 1; i < m->nfinance; i++)
		if (strcmp(v[i]->directorate, v[i - 1]->directorate) == 0 &&
		    gt_period_eq(&v[i]->period, &v[i - 1]->period)) {
			gt_period_format(&v[i]->period, per, sizeof(per));
			gt_msg(m->diag, GT_E_DUP_VALUE, &v[i]->loc, "finance "
			    "of '%s' for %s: the first is at %s:%d",
			    v[i]->directorate, per, v[i - 1]->loc.file,
			    v[i - 1]->loc.line);
		}
	free(v);
}

/*
 * What a pack shows when its section does not say: a committee's pack
 * puts the exceptions first and gives ids for reference; the residents'
 * report tells each priority's story in plain words.
 */
static void
compose(struct gt_model *m, struct gt_pack *p)
{
	static const enum gt_section committee[] = {
		GT_SECTION_EXCEPTIONS, GT_SECTION_CHANGES, GT_SECTION_SUMMARY,
		GT_SECTION_FINANCE, GT_SECTION_RISKS, GT_SECTION_PRIORITIES
	};
	static const enum gt_section residents[] = {
		GT_SECTION_SUMMARY, GT_SECTION_HIGHLIGHTS,
		GT_SECTION_PRIORITIES, GT_SECTION_FINANCE
	};
	int	 r = p->kind == GT_AUDIENCE_RESIDENTS;
	char	 a[GT_PERIOD_MAX], b[GT_PERIOD_MAX];

	if (p->nsections == 0) {
		p->nsections = r ? sizeof(residents) / sizeof(residents[0]) :
		    sizeof(committee) / sizeof(committee[0]);
		memcpy(p->sections, r ? residents : committee,
		    p->nsections * sizeof(p->sections[0]));
	}
	if (!p->has_foreword)
		p->foreword = r;
	if (!p->has_ids)
		p->ids = !r;
	/* A year's report looks back a year; a quarter's, a quarter. */
	if (p->since_text == NULL) {
		p->since = r ? gt_period_year_ago(&p->as_at) :
		    gt_period_prev(&p->as_at);
		return;
	}
	if (p->since.type != GT_PERIOD_NONE &&
	    gt_period_cmp(&m->conf.cal, &p->since, &p->as_at) >= 0) {
		gt_period_format(&p->since, a, sizeof(a));
		gt_period_format(&p->as_at, b, sizeof(b));
		gt_msg(m->diag, GT_E_CONF_VALUE, &p->since_loc, "since = %s: "
		    "must be before the pack's period, %s", a, b);
	}
}

void
gt_link_report(struct gt_model *m)
{
	size_t	 i;

	link_history(m);
	link_mitigation(m);
	check_finance(m);
	for (i = 0; i < m->conf.npacks; i++)
		compose(m, &m->conf.packs[i]);
}
