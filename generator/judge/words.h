/*
 * words.h: every word, label, symbol and text of a figure or period that
 * people read, in one place, for every output (pages, packs, charts'
 * words, the status table) and for the judge's explanations. A back-end
 * never writes a word of its own for something this layer names.
 *
 * Names ("on-target") are for data and classes; labels ("On target") and
 * words are for people, in en-GB. Functions that return char * return a
 * malloc'd string the caller frees; const char * points at static text.
 */
#ifndef GT_WORDS_H
#define GT_WORDS_H

#include "judge.h"

/* Fixed words, each the one text for what it names. */
enum gt_word {
	GT_WORD_NO_DATA,	/* a measure with no figure: "No data" */
	GT_WORD_NO_FIGURE,	/* where a figure would be: "-" */
	GT_WORD_NOT_KNOWN,	/* a direction that cannot be told */
	GT_WORD_NOT_SET,	/* a date not given */
	GT_WORD_NONE,		/* no milestones */
	GT_WORD_NONE_SET,	/* no target score */
	GT_WORD_NOT_RATED,	/* a score outside every band */
	GT_WORD_NONE_LISTED,	/* an empty list in a report: "None." */
	GT_WORD_NO_APPETITE,	/* "No risk appetite is set." */
	GT_WORD_STATUS_KEY,	/* how statuses are shown, by symbol */
	GT_WORD_NOT_COMPARED,	/* a year-to-date figure against last period */
	GT_WORD_NO_COMMENTARY,	/* an exception nobody has explained */
	GT_WORD_NO_CHANGES,	/* nothing changed since the last report */
	GT_WORD_NO_FINANCE,	/* no finance rows by the as-at period */
	GT_WORD_APPENDIX_EXCEPTIONS,	/* an exceptions-only pack's appendix */
	GT_WORD_MEASURES_FOR,	/* a table's caption, before a title */
	GT_WORD_ACTIONS_FOR,
	GT_WORD_STATUS_CHART,	/* short alt texts of charts described */
	GT_WORD_HEAT_MAP,
	GT_WORD_TREND_CHART,	/* before the measure's title */
	GT_WORD_MAX
};

const char	*gt_word(enum gt_word);

/* Statuses of measures: name, label, symbol (a shape and a space), meaning. */
const char	*gt_status_name(enum gt_status);
const char	*gt_status_label(enum gt_status);
const char	*gt_status_symbol(enum gt_status);
const char	*gt_status_meaning(enum gt_status);
/* Directions: name and label ("" for none: see GT_WORD_NOT_KNOWN). */
const char	*gt_dir_name(enum gt_dir);
const char	*gt_dir_label(enum gt_dir);
/* Actions: "Not started", "On track", ...; the symbol as for measures. */
const char	*gt_astatus_label(enum gt_astatus);
const char	*gt_astatus_symbol(enum gt_astatus);
/* "Monthly"; "Lower is better"; in a sentence, "lower is better". */
const char	*gt_freq_label(enum gt_freq);
const char	*gt_polarity_label(enum gt_polarity);
const char	*gt_polarity_words(enum gt_polarity);

/* Finance against budget: name, label ("Over budget"), symbol. */
const char	*gt_budget_name(enum gt_budget);
const char	*gt_budget_label(enum gt_budget);
const char	*gt_budget_symbol(enum gt_budget);
/* What changed: a name for data ("status") and a heading ("Status changed"). */
const char	*gt_change_name(enum gt_change_kind);
const char	*gt_change_label(enum gt_change_kind);
/*
 * Whom a pack is for, as a page names it: its meeting, else its
 * audience ("Residents" for a residents' report; NULL for a committee's
 * with no name).
 */
const char	*gt_pack_for(const struct gt_pack *);
/* A pack's section as its heading names it ("Exceptions"). */
const char	*gt_section_title(enum gt_section);
/* Why an exception is one: "Off target; worsening; figures late". */
char	*gt_exception_words(unsigned why);
/*
 * Changes in a sentence: "Since July to September 2025 (quarter 2): 4
 * measures changed status (1 better, 3 worse); 2 measures' figures newly
 * late; ..."
 */
char	*gt_changes_words(const struct gt_calendar *,
	    const struct gt_changes *);

/*
 * A measure in a sentence for residents: "82 in September 2025 against a
 * target of 95: off target. Worse than a year earlier."
 */
char	*gt_measure_story(const struct gt_calendar *,
	    const struct gt_judgement *, const struct gt_measure *);

/*
 * A period as residents read it: "September 2025", "July to September
 * 2025 (quarter 2)", "2024/25", "2024", "academic year 2024/25"; its end,
 * "the end of September 2025". A date, "30 September 2025", or with d 0
 * the month alone, "February 2026". buf holds GT_WORDS_PERIOD_MAX bytes.
 */
#define GT_WORDS_PERIOD_MAX	64
char	*gt_period_words(const struct gt_calendar *, const struct gt_period *,
	    char *, size_t);
char	*gt_period_end_words(const struct gt_calendar *,
	    const struct gt_period *, char *, size_t);
/* The month a period ends with: "September 2025" (for 2025/26 Q2). */
char	*gt_period_month_words(const struct gt_calendar *,
	    const struct gt_period *, char *, size_t);
/*
 * The short names of a year's periods in the calendar's order, for a
 * chart's year axis: 12 months from the year's first ("Apr" ... "Mar")
 * or 4 quarters ("Q1" ... "Q4"); NULL for other frequencies. Static.
 */
const char *const *gt_year_period_names(const struct gt_calendar *,
	    enum gt_freq);
/*
 * Where a chart's figures come from, for its footer: "Source: Housing
 * register (H-CLIC); Harrowby Borough Council; figures to September
 * 2025" (without the source part if the measure names none); the
 * latest period shown. The caller frees it.
 */
char	*gt_provenance_words(const struct gt_model *,
	    const struct gt_measure *, const struct gt_period *latest);
char	*gt_date_words(const struct gt_date *, char *, size_t);
/* A due date in words, or GT_WORD_NOT_SET; buf holds 64 bytes. */
const char	*gt_due_words(const struct gt_date *, char buf[64]);

/*
 * Figures as people read them: a number in the measure's unit ("72.8%",
 * at its decimals, or at d); a value, or "Withheld" or "Not available"; a
 * target, a range "60% to 70%" if banded, or "No target" ("-" for a
 * measure for information only).
 */
char	*gt_figure_number(const struct gt_measure *, double);
char	*gt_figure_at(const struct gt_measure *, double, int decimals);
char	*gt_figure_text(const struct gt_measure *, const struct gt_value *);
char	*gt_target_text(const struct gt_measure *, int has, double lo,
	    double hi);
/*
 * A roll-up in words: "14 measures: 5 off target, 6 within tolerance, 3
 * on target. 7 actions, 2 overdue."; with more, directions and late
 * figures too.
 */
char	*gt_rollup_words(const struct gt_rollup *, int more);
/* A file's size: "850 bytes", "48 KB", "1.2 MB"; returns buf. */
char	*gt_size_words(long long bytes, char *buf, size_t sz);
/* "Since the previous period, 12 measures improved and 9 got worse." */
char	*gt_travel_words(const struct gt_rollup *);
/*
 * A risk's score against its assessment before (of score was, in the
 * period named since): "Up from 16 in 2025/26 Q1", "No change since ...".
 */
char	*gt_trend_words(int now, int was, const char *since);
/* A figure's move from the one before: "up from 262 in August 2025". */
char	*gt_change_words(const struct gt_measure *, double now, double then,
	    const char *then_period);

#endif
