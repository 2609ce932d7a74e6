/* words.c: the words people read (see words.h). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "words.h"

static const char *const words[GT_WORD_MAX] = {
	[GT_WORD_NO_DATA] = "No data",
	[GT_WORD_NO_FIGURE] = "-",
	[GT_WORD_NOT_KNOWN] = "Not known",
	[GT_WORD_NOT_SET] = "Not set",
	[GT_WORD_NONE] = "None",
	[GT_WORD_NONE_SET] = "None set",
	[GT_WORD_NOT_RATED] = "Not rated",
	[GT_WORD_NONE_LISTED] = "None.",
	[GT_WORD_NO_APPETITE] = "No risk appetite is set.",
	[GT_WORD_STATUS_KEY] = "Status is shown in words and by symbol: "
	    "\u25CF on target, \u25C6 within tolerance, \u25B2 off target, "
	    "\u25A0 no target, \u25CB no data, \u2139 information only.",
	[GT_WORD_NOT_COMPARED] = "Not compared",
	[GT_WORD_NO_COMMENTARY] = "No commentary given.",
	[GT_WORD_NO_CHANGES] = "Nothing has changed.",
	[GT_WORD_NO_FINANCE] = "No finance figures have been reported.",
	[GT_WORD_APPENDIX_EXCEPTIONS] = "Appendix: every exception",
	[GT_WORD_MEASURES_FOR] = "Measures for ",
	[GT_WORD_ACTIONS_FOR] = "Delivery plan actions for ",
	[GT_WORD_STATUS_CHART] = "Bar of measures by status",
	[GT_WORD_HEAT_MAP] = "Heat map of risks by likelihood and impact",
	[GT_WORD_TREND_CHART] = "Trend chart: "
};

static const char *const status_names[GT_STATUS_MAX] = {
	"off-target", "within-tolerance", "on-target", "no-target",
	"suppressed", "no-data", "information-only"
};
static const char *const status_labels[GT_STATUS_MAX] = {
	"Off target", "Within tolerance", "On target", "No target",
	"Suppressed", "No data", "Information only"
};
static const char *const status_symbols[GT_STATUS_MAX] = {
	[GT_STATUS_OFF_TARGET] = "\u25B2 ",
	[GT_STATUS_WITHIN_TOLERANCE] = "\u25C6 ",
	[GT_STATUS_ON_TARGET] = "\u25CF ",
	[GT_STATUS_NO_TARGET] = "\u25A0 ",
	[GT_STATUS_SUPPRESSED] = "\u25A1 ",
	[GT_STATUS_NO_DATA] = "\u25CB ",
	[GT_STATUS_INFO] = "\u2139 "
};
static const char *const status_meanings[GT_STATUS_MAX] = {
	[GT_STATUS_OFF_TARGET] = "The figure misses its target by more than "
	    "the tolerance.",
	[GT_STATUS_WITHIN_TOLERANCE] = "The figure misses its target, but by "
	    "no more than the tolerance.",
	[GT_STATUS_ON_TARGET] = "The figure meets or beats its target.",
	[GT_STATUS_NO_TARGET] = "There is a figure but no target to judge it "
	    "by.",
	[GT_STATUS_SUPPRESSED] = "The figure is withheld, usually because it "
	    "is small enough to identify people.",
	[GT_STATUS_NO_DATA] = "No figure has been reported yet.",
	[GT_STATUS_INFO] = "The figure is for information: neither higher nor "
	    "lower is better, so it is never judged."
};
static const char *const dir_names[GT_DIR_MAX] = {
	"", "improving", "no-change", "worsening"
};
static const char *const dir_labels[GT_DIR_MAX] = {
	"", "Improving", "No change", "Worsening"
};
static const char *const astatus_labels[] = {
	[GT_ASTATUS_NONE] = "Not started",
	[GT_ASTATUS_NOT_STARTED] = "Not started",
	[GT_ASTATUS_ON_TRACK] = "On track",
	[GT_ASTATUS_AT_RISK] = "At risk",
	[GT_ASTATUS_COMPLETE] = "Complete",
	[GT_ASTATUS_OVERDUE] = "Overdue"
};
static const char *const astatus_symbols[] = {
	[GT_ASTATUS_NONE] = "\u25CB ",
	[GT_ASTATUS_NOT_STARTED] = "\u25CB ",
	[GT_ASTATUS_ON_TRACK] = "\u25CF ",
	[GT_ASTATUS_AT_RISK] = "\u25C6 ",
	[GT_ASTATUS_COMPLETE] = "\u2714 ",
	[GT_ASTATUS_OVERDUE] = "\u25B2 "
};
static const char *const freq_labels[] = {
	[GT_FREQ_NONE] = "",
	[GT_FREQ_MONTHLY] = "Monthly",
	[GT_FREQ_QUARTERLY] = "Quarterly",
	[GT_FREQ_ANNUAL] = "Annual",
	[GT_FREQ_BIENNIAL] = "Biennial",
	[GT_FREQ_TRIENNIAL] = "Every three years",
	[GT_FREQ_IRREGULAR] = "Now and then (surveys)"
};
static const char *const budget_names[GT_BUDGET_MAX] = {
	"over", "under", "on", "no-data"
};
static const char *const budget_labels[GT_BUDGET_MAX] = {
	"Over budget", "Under budget", "On budget", "Not available"
};
static const char *const budget_symbols[GT_BUDGET_MAX] = {
	[GT_BUDGET_OVER] = "\u25B2 ",
	[GT_BUDGET_UNDER] = "\u25BC ",
	[GT_BUDGET_ON] = "\u25CF ",
	[GT_BUDGET_NO_DATA] = "\u25CB "
};
static const char *const change_names[GT_CHANGE_MAX] = {
	"status", "late", "restated", "completed", "overdue", "score"
};
static const char *const change_labels[GT_CHANGE_MAX] = {
	"Status changed", "Figures newly late", "Figures restated",
	"Actions completed", "Actions newly overdue", "Risk scores moved"
};
static const char *const section_titles[GT_SECTION_MAX] = {
	"Summary", "Highlights", "Changes since the last report",
	"Exceptions", "Priorities", "Finance", "Risks",
	"Appendix: every measure"
};
static const char *const month_names[12] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"
};

const char *
gt_word(enum gt_word w)
{
	return words[w];
}

const char *
gt_status_name(enum gt_status s)
{
	return status_names[s];
}

const char *
gt_status_label(enum gt_status s)
{
	return status_labels[s];
}

const char *
gt_status_symbol(enum gt_status s)
{
	return status_symbols[s];
}

const char *
gt_status_meaning(enum gt_status s)
{
	return status_meanings[s];
}

const char *
gt_dir_name(enum gt_dir d)
{
	return dir_names[d];
}

const char *
gt_dir_label(enum gt_dir d)
{
	return dir_labels[d];
}

const char *
gt_astatus_label(enum gt_astatus s)
{
	return astatus_labels[s];
}

const char *
gt_astatus_symbol(enum gt_astatus s)
{
	return astatus_symbols[s];
}

const char *
gt_freq_label(enum gt_freq f)
{
	return freq_labels[f];
}

const char *
gt_polarity_label(enum gt_polarity p)
{
	return p == GT_POL_LOWER ? "Lower is better" : p == GT_POL_BAND ?
	    "Within the target range" : p == GT_POL_INFO ?
	    "Neither: for information" : "Higher is better";
}

const char *
gt_polarity_words(enum gt_polarity p)
{
	return p == GT_POL_LOWER ? "lower is better" : p == GT_POL_BAND ?
	    "the target is a range" : p == GT_POL_INFO ?
	    "for information only" : "higher is better";
}

char *
gt_period_words(const struct gt_calendar *cal, const struct gt_period *p,
    char *buf, size_t sz)
{
	int	 first, last;

	switch (p->type) {
	case GT_PERIOD_MONTH:
		snprintf(buf, sz, "%s %d", month_names[p->sub - 1], p->year);
		break;
	case GT_PERIOD_QUARTER:
		first = gt_period_first_month(cal, p);
		last = gt_period_last_month(cal, p);
		if (first / 12 == last / 12)
			snprintf(buf, sz, "%s to %s %d (quarter %d)",
			    month_names[first % 12], month_names[last % 12],
			    last / 12, p->sub);
		else
			snprintf(buf, sz, "%s %d to %s %d (quarter %d)",
			    month_names[first % 12], first / 12,
			    month_names[last % 12], last / 12, p->sub);
		break;
	case GT_PERIOD_AYEAR:
		snprintf(buf, sz, "academic year %d/%02d", p->year,
		    (p->year + 1) % 100);
		break;
	default:
		gt_period_format(p, buf, sz);
		break;
	}
	return buf;
}

char *
gt_period_end_words(const struct gt_calendar *cal,
    const struct gt_period *p, char *buf, size_t sz)
{
	char	 month[GT_WORDS_PERIOD_MAX];

	snprintf(buf, sz, "the end of %s", gt_period_month_words(cal, p,
	    month, sizeof(month)));
	return buf;
}

char *
gt_period_month_words(const struct gt_calendar *cal,
    const struct gt_period *p, char *buf, size_t sz)
{
	int	 last = gt_period_last_month(cal, p);

	snprintf(buf, sz, "%s %d", month_names[last % 12], last / 12);
	return buf;
}

const char *const *
gt_year_period_names(const struct gt_calendar *cal, enum gt_freq f)
{
	static const char *const months[24] = {
		"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug",
		"Sep", "Oct", "Nov", "Dec",
		"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug",
		"Sep", "Oct", "Nov", "Dec"
	};
	static const char *const quarters[4] = { "Q1", "Q2", "Q3", "Q4" };

	if (f == GT_FREQ_MONTHLY)
		return &months[(cal->year_start - 1) % 12];
	return f == GT_FREQ_QUARTERLY ? quarters : NULL;
}

char *
gt_provenance_words(const struct gt_model *m, const struct gt_measure *me,
    const struct gt_period *latest)
{
	char		 month[GT_WORDS_PERIOD_MAX];
	struct gt_buf	 b = { 0 };

	if (me->source != NULL && *me->source != '\0')
		gt_buf_printf(&b, "Source: %s; ", me->source);
	if (m->conf.organisation != NULL && *m->conf.organisation != '\0')
		gt_buf_printf(&b, "%s; ", m->conf.organisation);
	gt_buf_printf(&b, "figures to %s", gt_period_month_words(
	    &m->conf.cal, latest, month, sizeof(month)));
	return gt_buf_steal(&b);
}

char *
gt_date_words(const struct gt_date *d, char *buf, size_t sz)
{
	if (d->d == 0)
		snprintf(buf, sz, "%s %d", month_names[d->m - 1], d->y);
	else
		snprintf(buf, sz, "%d %s %d", d->d, month_names[d->m - 1],
		    d->y);
	return buf;
}

const char *
gt_due_words(const struct gt_date *d, char buf[64])
{
	if (d->y == 0)
		return words[GT_WORD_NOT_SET];
	return gt_date_words(d, buf, 64);
}

char *
gt_figure_at(const struct gt_measure *me, double v, int decimals)
{
	/* Units are free text of any length. */
	size_t	 sz = GT_NUMBER_MAX + (me->unit ? strlen(me->unit) : 0);

	return gt_format_value(gt_xmalloc(sz), sz, v, decimals, me->unit);
}

char *
gt_figure_number(const struct gt_measure *me, double v)
{
	return gt_figure_at(me, v, me->decimals);
}

char *
gt_figure_text(const struct gt_measure *me, const struct gt_value *v)
{
	if (v->kind == GT_VAL_SUPPRESSED)
		return gt_xstrdup("Withheld");
	if (v->kind != GT_VAL_NUMBER)
		return gt_xstrdup("Not available");
	return gt_figure_number(me, v->num);
}

char *
gt_target_text(const struct gt_measure *me, int has, double lo, double hi)
{
	char	*x, *y, *t;

	/* Information only: there is no target to be missing. */
	if (me->polarity == GT_POL_INFO)
		return gt_xstrdup(words[GT_WORD_NO_FIGURE]);
	if (!has)
		return gt_xstrdup(status_labels[GT_STATUS_NO_TARGET]);
	x = gt_figure_number(me, lo);
	if (me->polarity != GT_POL_BAND || lo == hi)
		return x;
	y = gt_figure_number(me, hi);
	t = gt_xasprintf("%s to %s", x, y);
	free(x);
	free(y);
	return t;
}

char *
gt_rollup_words(const struct gt_rollup *r, int more)
{
	struct gt_buf	 b = { 0 };
	const char	*label;
	int		 i, first = 1;

	gt_buf_printf(&b, "%zu measure%s", r->measures,
	    r->measures == 1 ? "" : "s");
	for (i = 0; i < GT_STATUS_MAX; i++) {
		if (r->status[i] == 0)
			continue;
		label = gt_status_label((enum gt_status)i);
		gt_buf_printf(&b, "%s%zu %c%s", first ? ": " : ", ",
		    r->status[i], tolower((unsigned char)label[0]), label + 1);
		first = 0;
	}
	if (more)
		gt_buf_printf(&b, ". %zu improving and %zu worsening since "
		    "the previous period, %zu improving and %zu worsening "
		    "since a year earlier; %zu with figures late",
		    r->dir[GT_DIR_IMPROVING], r->dir[GT_DIR_WORSENING],
		    r->dir_year[GT_DIR_IMPROVING],
		    r->dir_year[GT_DIR_WORSENING], r->late);
	gt_buf_printf(&b, ". %zu action%s", r->actions,
	    r->actions == 1 ? "" : "s");
	if (r->astatus[GT_ASTATUS_OVERDUE] > 0)
		gt_buf_printf(&b, ", %zu overdue",
		    r->astatus[GT_ASTATUS_OVERDUE]);
	gt_buf_puts(&b, ".");
	return gt_buf_steal(&b);
}

const char *
gt_budget_name(enum gt_budget b)
{
	return budget_names[b];
}

const char *
gt_budget_label(enum gt_budget b)
{
	return budget_labels[b];
}

const char *
gt_budget_symbol(enum gt_budget b)
{
	return budget_symbols[b];
}

const char *
gt_change_name(enum gt_change_kind k)
{
	return change_names[k];
}

const char *
gt_change_label(enum gt_change_kind k)
{
	return change_labels[k];
}

const char *
gt_pack_for(const struct gt_pack *p)
{
	if (p->meeting != NULL)
		return p->meeting;
	if (p->kind == GT_AUDIENCE_RESIDENTS)
		return "Residents";
	if (p->audience != NULL && gt_strieq(p->audience, "committee"))
		return NULL;
	return p->audience;
}

const char *
gt_section_title(enum gt_section s)
{
	return section_titles[s];
}

char *
gt_exception_words(unsigned why)
{
	struct gt_buf	 b = { 0 };

	if (why & GT_EXC_OFF_TARGET)
		gt_buf_puts(&b, "Off target");
	if (why & GT_EXC_WORSENING)
		gt_buf_puts(&b, b.len > 0 ? "; worsening" : "Worsening");
	if (why & GT_EXC_LATE)
		gt_buf_puts(&b, b.len > 0 ? "; figures late" :
		    "Figures late");
	gt_buf_putc(&b, '\0');
	return gt_buf_steal(&b);
}

/* "; 2 actions completed", "1 measure's figures newly late" */
static void
count_words(struct gt_buf *b, size_t n, const char *one, const char *many,
    const char *what)
{
	if (n == 0)
		return;
	gt_buf_printf(b, "%s%zu %s %s", b->data[b->len - 1] == ':' ? " " :
	    "; ", n, n == 1 ? one : many, what);
}

char *
gt_changes_words(const struct gt_calendar *cal, const struct gt_changes *c)
{
	struct gt_buf	 b = { 0 };
	char		 per[GT_WORDS_PERIOD_MAX];
	size_t		 i, up = 0, better = 0, worse = 0;

	for (i = 0; i < c->n; i++) {
		if (c->v[i].kind == GT_CHANGE_STATUS) {
			better += c->v[i].better > 0;
			worse += c->v[i].better < 0;
		} else if (c->v[i].kind == GT_CHANGE_SCORE)
			up += c->v[i].to > c->v[i].from;
	}
	gt_buf_printf(&b, "Since %s:", gt_period_words(cal, &c->since, per,
	    sizeof(per)));
	count_words(&b, c->count[GT_CHANGE_STATUS], "measure", "measures",
	    "changed status");
	if (c->count[GT_CHANGE_STATUS] > 0)
		gt_buf_printf(&b, " (%zu better, %zu worse)", better, worse);
	count_words(&b, c->count[GT_CHANGE_LATE], "measure's", "measures'",
	    "figures newly late");
	count_words(&b, c->count[GT_CHANGE_RESTATED], "figure", "figures",
	    "restated");
	count_words(&b, c->count[GT_CHANGE_COMPLETED], "action", "actions",
	    "completed");
	count_words(&b, c->count[GT_CHANGE_OVERDUE], "action", "actions",
	    "newly overdue");
	count_words(&b, c->count[GT_CHANGE_SCORE], "risk's score",
	    "risks' scores", "moved");
	if (c->count[GT_CHANGE_SCORE] > 0)
		gt_buf_printf(&b, " (%zu up, %zu down)", up,
		    c->count[GT_CHANGE_SCORE] - up);
	if (c->n == 0)
		gt_buf_printf(&b, " %c%s", tolower((unsigned char)
		    *words[GT_WORD_NO_CHANGES]), words[GT_WORD_NO_CHANGES] + 1);
	else
		gt_buf_putc(&b, '.');
	return gt_buf_steal(&b);
}

char *
gt_measure_story(const struct gt_calendar *cal, const struct gt_judgement *j,
    const struct gt_measure *me)
{
	static const char *const year[GT_DIR_MAX] = {
		"", " Better than a year earlier.",
		" The same as a year earlier.", " Worse than a year earlier."
	};
	const struct gt_jmeasure	*jm = gt_judged_measure(j, me);
	const struct gt_eval		*e = jm->latest;
	const char			*label = gt_status_label(jm->status);
	char				*fig, *t, per[GT_WORDS_PERIOD_MAX], *s;

	if (e == NULL)
		return gt_xasprintf("No figure yet.");
	fig = gt_figure_text(me, &e->obs->value);
	gt_period_words(cal, &e->obs->period, per, sizeof(per));
	if (!e->has_target || e->obs->value.kind != GT_VAL_NUMBER)
		s = gt_xasprintf("%s in %s.%s", fig, per, year[jm->dir_year]);
	else {
		t = gt_target_text(me, 1, e->lo, e->hi);
		s = gt_xasprintf("%s in %s against a target of %s: %c%s.%s",
		    fig, per, t, tolower((unsigned char)*label), label + 1,
		    year[jm->dir_year]);
		free(t);
	}
	free(fig);
	return s;
}

char *
gt_travel_words(const struct gt_rollup *r)
{
	size_t	 up = r->dir[GT_DIR_IMPROVING], down = r->dir[GT_DIR_WORSENING];

	return gt_xasprintf("Since the previous period, %zu measure%s "
	    "improved and %zu got worse.", up, up == 1 ? "" : "s", down);
}

char *
gt_trend_words(int now, int was, const char *since)
{
	if (was == now)
		return gt_xasprintf("No change since %s", since);
	return gt_xasprintf("%s from %d in %s", now > was ? "Up" : "Down", was,
	    since);
}

char *
gt_change_words(const struct gt_measure *me, double now, double then,
    const char *then_period)
{
	char	*was = gt_figure_number(me, then), *t;

	t = gt_xasprintf("%s from %s in %s", now > then ? "up" : "down", was,
	    then_period);
	free(was);
	return t;
}

char *
gt_size_words(long long n, char *buf, size_t sz)
{
	if (n < 1024)
		snprintf(buf, sz, "%lld bytes", n);
	else if (n < 1024 * 1024)
		snprintf(buf, sz, "%lld KB", (n + 1023) / 1024);
	else
		snprintf(buf, sz, "%.1f MB", n / (1024.0 * 1024.0));
	return buf;
}
