/*
 * model.h: the linked model of a council's plan and data.
 *
 * Ownership: the gt_model owns everything reachable from it (strings,
 * arrays, cmark documents, objects); gt_model_free() releases it all.
 * Pointers between objects (resolved references, child lists) are borrowed.
 * Readers fill the id and loc of every gt_ref; link.c resolves them after
 * all input is in, and nothing downstream runs on a model with errors.
 * After the link pass the model does not change: the judge (judge.h)
 * and every back-end take it const, and what is judged at a period lives
 * in a judgement of its own.
 */
#ifndef GT_MODEL_H
#define GT_MODEL_H

#include <stddef.h>
#include <cmark.h>

#include "diag.h"
#include "number.h"
#include "period.h"
#include "util.h"

struct gt_strlist {
	char	**v;
	size_t	  n;
};

/* A reference by id, resolved by the link pass into a typed pointer elsewhere. */
struct gt_ref {
	char		*id;	/* NULL if absent */
	struct gt_loc	 loc;
};

enum gt_polarity {
	GT_POL_NONE = 0,	/* not given */
	GT_POL_HIGHER,
	GT_POL_LOWER,
	GT_POL_BAND,
	GT_POL_INFO		/* "none": information only, never judged */
};

enum gt_level {
	GT_LEVEL_STRATEGIC = 0,
	GT_LEVEL_OPERATIONAL
};

enum gt_tol_kind {
	GT_TOL_DEFAULT = 0,	/* not given: site.conf [status] tolerance */
	GT_TOL_RELATIVE,	/* "5%": 5% of the target */
	GT_TOL_ABSOLUTE		/* "2": 2 units either side */
};

struct gt_tolerance {
	enum gt_tol_kind kind;
	double		 value;
};

enum gt_flag {
	GT_FLAG_NONE = 0,
	GT_FLAG_PROVISIONAL,
	GT_FLAG_ESTIMATED,
	GT_FLAG_REVISED
};

enum gt_astatus {
	GT_ASTATUS_NONE = 0,
	GT_ASTATUS_NOT_STARTED,
	GT_ASTATUS_ON_TRACK,
	GT_ASTATUS_AT_RISK,
	GT_ASTATUS_COMPLETE,
	GT_ASTATUS_OVERDUE	/* computed, never read */
};

/* Measure status: the order is the order reports list them in. */
enum gt_status {
	GT_STATUS_OFF_TARGET = 0,
	GT_STATUS_WITHIN_TOLERANCE,
	GT_STATUS_ON_TARGET,
	GT_STATUS_NO_TARGET,
	GT_STATUS_SUPPRESSED,
	GT_STATUS_NO_DATA,
	GT_STATUS_INFO,		/* information only: no better direction */
	GT_STATUS_MAX
};

/* Direction of travel. */
enum gt_dir {
	GT_DIR_NONE = 0,	/* nothing to compare with */
	GT_DIR_IMPROVING,
	GT_DIR_NO_CHANGE,
	GT_DIR_WORSENING,
	GT_DIR_MAX
};

#define GT_MAX_BANDS	10	/* risk rating bands in site.conf */

/* The open data's licence unless site.conf names another. */
#define GT_LICENCE_DEFAULT	"Open Government Licence v3.0"
#define GT_LICENCE_DEFAULT_URL	"https://www.nationalarchives.gov.uk/doc/" \
				"open-government-licence/version/3/"


/* Counts under an objective, priority, portfolio, tag or pack. */
struct gt_rollup {
	size_t	 measures;
	size_t	 status[GT_STATUS_MAX];
	size_t	 dir[GT_DIR_MAX];		/* against the previous period */
	size_t	 dir_year[GT_DIR_MAX];		/* against a year earlier */
	size_t	 late;
	size_t	 actions;
	size_t	 astatus[GT_ASTATUS_OVERDUE + 1];
	size_t	 risks;
	size_t	 rating[GT_MAX_BANDS];
	size_t	 above_appetite;
};

/* A value judged against its target (one row of a measure's history, judge.h). */
struct gt_eval {
	const struct gt_obs	*obs;
	int			 has_target;
	double			 lo, hi;	/* the target; a range if banded */
	int			 profiled;	/* year-to-date share of the year's */
	const struct gt_target	*t;	/* the target set; NULL: none */
	enum gt_status		 status;
};

/* Markdown content: the body of a file, kept as a parsed cmark document. */
struct gt_body {
	cmark_node	*doc;	/* owned; NULL if the file has no body */
	int		 line;	/* file line of the body's first line */
	char		 key[65];	/* SHA-256 of its Markdown, in hex */
};

struct gt_plan {
	struct gt_loc		 loc;
	char			*title;
	char			*organisation;
	char			*period;
	char			*vision;
	struct gt_strlist	 values;
	struct gt_body		 body;
};

struct gt_objective;
struct gt_measure;
struct gt_action;
struct gt_risk;

struct gt_priority {
	struct gt_loc		 loc;
	char			*id;
	char			*title;
	int			 order;
	struct gt_body		 body;
	/* Linked: top-level objectives, in id order. */
	struct gt_objective	**objectives;
	size_t			  nobjectives;
	size_t			  ix;		/* in the model's list */
};

struct gt_objective {
	struct gt_loc		 loc;
	char			*id;
	char			*title;
	struct gt_ref		 priority_ref;	/* exactly one of these two */
	struct gt_ref		 parent_ref;
	char			*portfolio;	/* in NFC, as tags are */
	struct gt_loc		 portfolio_loc;
	char			*lead;
	struct gt_strlist	 tags;
	struct gt_body		 body;
	/* Linked. */
	struct gt_priority	*priority;	/* the one its chain reaches */
	struct gt_objective	*parent;
	int			  depth;	/* 0 for top level */
	struct gt_objective	**children;
	size_t			  nchildren;
	struct gt_measure	**measures;
	size_t			  nmeasures;
	struct gt_action	**actions;
	size_t			  nactions;
	struct gt_risk		**risks;
	size_t			  nrisks;
	int			  linkstate;	/* link pass scratch */
	size_t			  ix;		/* in the model's list */
};

/* A target relative to something else, found when it is judged. */
enum gt_rel {
	GT_REL_NONE = 0,	/* a figure */
	GT_REL_COMPARATOR,	/* "better than England": the group's figure */
	GT_REL_QUARTILE,	/* "top quartile of GROUP": its top quartile's edge */
	GT_REL_LAST_YEAR	/* "10% above last year": a year earlier's, +pct% */
};

struct gt_target {
	struct gt_loc		 loc;
	struct gt_period	 period;
	double			 lo;	/* the target; for band polarity the range */
	double			 hi;	/* equal to lo unless banded */
	enum gt_rel		 rel;
	char			*group;	/* COMPARATOR, QUARTILE; owned */
	double			 pct;	/* LAST_YEAR: 10 above, -10 below */
};

/*
 * How a data row's period was written, where its reading waits for the
 * measure's frequency (link reads it again, gt_period_read): only rows
 * that need it have one.
 */
struct gt_period_src {
	char			*text;	/* as written; NULL: read already */
	int			 ending; /* a month or day names the period
					    ending in it (rolling figures) */
	int			 shift;	/* -1: the period before the one read */
};

/* A status the source of a figure gave it (a RAG column), kept beside ours. */
struct gt_srcstatus {
	struct gt_loc		 loc;
	char			*text;	/* as written, "G", "Amber" */
	enum gt_status		 status;
};

/* One value of a measure in one period (a data row). */
struct gt_obs {
	struct gt_loc		 loc;		/* of the value */
	struct gt_ref		 measure_ref;
	struct gt_period	 period;
	struct gt_loc		 period_loc;
	struct gt_value		 value;
	char			*raw;	/* the value as written */
	char			*note;		/* commentary on the figure */
	char			*response;	/* what is being done about it */
	enum gt_flag		 flag;
	size_t			 seq;	/* read order, for reporting duplicates */
	struct gt_period_src	*psrc;	/* NULL: the period is read */
	struct gt_srcstatus	*source;	/* NULL: none given */
	/* Linked: the figure a later file's different one revised. */
	const struct gt_obs	*earlier;
};

struct gt_comparator {
	struct gt_loc		 loc;		/* of the value */
	struct gt_ref		 measure_ref;
	struct gt_period	 period;
	struct gt_loc		 period_loc;
	char			*group;
	struct gt_value		 value;
	size_t			 seq;
	struct gt_period_src	*psrc;
};

/*
 * The figures of a comparator group's members for one measure and
 * period (an import mapping's group), ranked with ours when judged.
 */
struct gt_cohort {
	struct gt_loc		 loc;		/* the group in its mapping */
	struct gt_ref		 measure_ref;
	struct gt_period	 period;
	struct gt_period_src	*psrc;
	char			*group;
	double			*values;	/* the members', ours aside */
	size_t			 nvalues;
	size_t			 seq;
};

/* A target from a data file (an import's), added to its measure's by link. */
struct gt_xtarget {
	struct gt_ref		 measure_ref;
	struct gt_period_src	*psrc;
	struct gt_target	 t;		/* loc: where its figure is */
	size_t			 seq;
};

/*
 * What an export says of a measure (its polarity and unit columns), for
 * link to check against the measure's own.
 */
struct gt_claim {
	struct gt_ref		 measure_ref;
	struct gt_loc		 polarity_loc;
	enum gt_polarity	 polarity;	/* NONE: not said */
	struct gt_loc		 unit_loc;
	char			*unit;		/* NULL: not said */
};

struct gt_measure {
	struct gt_loc		 loc;
	char			*id;
	char			*code;	/* published code, for display; NULL */
	struct gt_loc		 code_loc;
	char			*title;
	struct gt_ref		*objective_refs;	/* objective or objectives */
	size_t			 nobjective_refs;
	char			*unit;
	int			 decimals;
	int			 has_min, has_max;	/* a range check */
	double			 min, max;
	enum gt_polarity	 polarity;
	enum gt_freq		 frequency;
	int			 lag;	/* months for figures to come; -1: site's */
	int			 cumulative;
	struct gt_tolerance	 tolerance;
	int			 has_baseline;
	double			 baseline;
	struct gt_period	 baseline_period;
	struct gt_target	*targets;
	size_t			 ntargets;
	char			*source;
	char			*owner;
	char			*chart_title;	/* a message for its chart */
	struct gt_strlist	 chart_comparators;	/* groups drawn as
							   lines (chart.h) */
	struct gt_loc		 chart_comparators_loc;
	enum gt_level		 level;
	int			 headline;	/* shown first on the home page */
	struct gt_strlist	 tags;
	struct gt_body		 body;
	/* Linked. */
	struct gt_objective	**objectives;
	size_t			  nobjectives;
	struct gt_obs		**obs;		/* sorted by period */
	size_t			  nobs;
	struct gt_comparator	**comparators;	/* sorted by group, period */
	size_t			  ncomparators;
	struct gt_cohort	**cohorts;	/* sorted by group, period */
	size_t			  ncohorts;
	size_t			  ix;		/* in the model's list */
};

struct gt_milestone {
	struct gt_loc		 loc;
	char			*title;
	struct gt_date		 due;
};

/* One row of action progress. */
struct gt_progress {
	struct gt_loc		 loc;
	struct gt_ref		 action_ref;
	struct gt_period	 period;
	enum gt_astatus		 status;
	char			*note;
	size_t			 seq;
};

struct gt_action {
	struct gt_loc		 loc;
	char			*id;
	struct gt_ref		 objective_ref;
	char			*title;
	char			*lead;
	struct gt_date		 due;
	struct gt_milestone	*milestones;
	size_t			 nmilestones;
	struct gt_strlist	 tags;
	int			 eia;
	struct gt_body		 body;
	/* Linked. */
	struct gt_objective	*objective;
	struct gt_progress	**progress;	/* sorted by period */
	size_t			  nprogress;
	size_t			  ix;		/* in the model's list */
};

/* One row of a risk's score history (risk,period,likelihood,impact). */
struct gt_riskobs {
	struct gt_loc		 loc;		/* of the likelihood */
	struct gt_ref		 risk_ref;
	struct gt_period	 period;
	struct gt_loc		 period_loc;
	int			 likelihood, impact;
	char			*note;
	size_t			 seq;
};

struct gt_risk {
	struct gt_loc		 loc;
	char			*id;
	char			*title;
	char			*owner;
	struct gt_ref		*objective_refs;
	size_t			 nobjective_refs;
	int			 likelihood, impact;
	int			 target_likelihood, target_impact;
	struct gt_strlist	 controls;
	struct gt_ref		*action_refs;	/* the actions that mitigate it */
	size_t			 naction_refs;
	struct gt_body		 body;
	/* Linked. */
	struct gt_objective	**objectives;
	size_t			  nobjectives;
	struct gt_action	**actions;
	size_t			  nactions;
	struct gt_riskobs	**history;	/* sorted by period */
	size_t			  nhistory;
	size_t			  ix;		/* in the model's list */
};

struct gt_finance {
	struct gt_loc		 loc;
	char			*directorate;
	struct gt_period	 period;
	struct gt_value		 budget;
	struct gt_value		 forecast;
};

struct gt_band {
	char	*name;
	int	 lo, hi;	/* inclusive range of likelihood x impact */
};

struct gt_scope;

/* Whom a pack is for: what it shows unless its section says otherwise. */
enum gt_audience {
	GT_AUDIENCE_COMMITTEE = 0,	/* exceptions first, ids for reference */
	GT_AUDIENCE_RESIDENTS		/* highlights, plain English, no ids */
};

/* The parts of a pack, in the order a section lists them. */
enum gt_section {
	GT_SECTION_SUMMARY = 0,
	GT_SECTION_HIGHLIGHTS,
	GT_SECTION_CHANGES,
	GT_SECTION_EXCEPTIONS,
	GT_SECTION_PRIORITIES,
	GT_SECTION_FINANCE,
	GT_SECTION_RISKS,
	GT_SECTION_APPENDIX,
	GT_SECTION_MAX
};

/* One [pack NAME] section of site.conf. */
struct gt_pack {
	struct gt_loc		 loc;
	char			*name;
	char			*title;
	char			*audience;
	struct gt_ref		*priority_refs;
	size_t			 npriority_refs;
	struct gt_strlist	 portfolios;
	struct gt_strlist	 tags;
	struct gt_loc		 portfolios_loc, tags_loc;
	char			*as_at_text;	/* NULL: the site's */
	struct gt_period	 as_at;		/* linked: the pack's or the site's */
	struct gt_loc		 as_at_loc;
	/* What it shows (a yes/no or list not given is the audience's). */
	enum gt_audience	 kind;
	enum gt_section		 sections[GT_SECTION_MAX];	/* in order */
	size_t			 nsections;	/* 0 until linked: not given */
	int			 foreword, has_foreword;
	int			 ids, has_ids;	/* show measure ids */
	int			 exceptions_only;
	enum gt_level		 level;
	int			 has_level;	/* only measures of that level */
	char			*meeting, *author;
	struct gt_date		 date;		/* of the meeting; 0: none */
	char			*recommendations;	/* Markdown, as written */
	struct gt_loc		 recommendations_loc;
	struct gt_body		 recommendations_body;
	char			*since_text;	/* NULL: the audience's default */
	struct gt_period	 since;		/* linked: compared with */
	struct gt_loc		 since_loc;
	/* Linked. */
	struct gt_priority	**priorities;	/* priority_refs resolved */
	size_t			  npriorities;
	struct gt_scope		 *scope;	/* what it covers (scope.h) */
};

struct gt_conf {
	char			*path;		/* site.conf, as shown in messages */
	char			*title;
	char			*organisation;
	char			*base_url;
	char			*language;
	char			*as_at_text;
	struct gt_period	 as_at;
	struct gt_loc		 as_at_loc;
	int			 as_at_cli;	/* given on the command line */
	struct gt_calendar	 cal;
	int			 chart_png;	/* PNG copies of trend charts */
	struct gt_date		 published;	/* all zero: not given */
	struct gt_date		 next_update;	/* d 0: a month only */
	char			*licence;	/* of the open data */
	char			*licence_url;	/* NULL: none given */
	int			 indicator_codes;	/* show measures' ids */
	struct gt_strlist	 chart_comparators;	/* groups drawn as
							   lines, unless a
							   measure names its
							   own */
	/* [status] */
	struct gt_tolerance	 tolerance;
	struct gt_band		*bands;
	size_t			 nbands;
	int			 risk_appetite;	/* 0: none set */
	int			 lag_months[GT_FREQ_IRREGULAR + 1];
	double			 no_change;	/* direction threshold, relative % */
	struct gt_tolerance	 budget_tolerance;	/* finance variance */
	/* [paths], relative to the site folder */
	char			*content_dir;
	char			*data_dir;
	char			*layouts_dir;
	char			*output_dir;
	struct gt_pack		*packs;
	size_t			 npacks;
};

struct gt_model {
	char			*root;		/* the site folder */
	struct gt_diag		*diag;		/* where reading reports (borrowed) */
	struct gt_conf		 conf;
	struct gt_strlist	 files;		/* every path a gt_loc names */
	struct gt_map		 file_ix;
	struct gt_plan		*plan;

	struct gt_priority	**priorities;	/* sorted by order, then id */
	size_t			  npriorities, cappriorities;
	struct gt_objective	**objectives;	/* sorted by id */
	size_t			  nobjectives, capobjectives;
	struct gt_measure	**measures;
	size_t			  nmeasures, capmeasures;
	struct gt_action	**actions;
	size_t			  nactions, capactions;
	struct gt_risk		**risks;
	size_t			  nrisks, caprisks;
	struct gt_obs		**obs;
	size_t			  nobs, capobs;
	struct gt_progress	**progress;
	size_t			  nprogress, capprogress;
	struct gt_comparator	**comparators;
	size_t			  ncomparators, capcomparators;
	struct gt_finance	**finance;
	size_t			  nfinance, capfinance;
	struct gt_riskobs	**riskobs;
	size_t			  nriskobs, capriskobs;
	struct gt_cohort	**cohorts;
	size_t			  ncohorts, capcohorts;
	struct gt_xtarget	**xtargets;
	size_t			  nxtargets, capxtargets;
	struct gt_claim		**claims;
	size_t			  nclaims, capclaims;

	/*
	 * Ids of files that could not be read as objects ("kind:id"), so that
	 * references to them do not repeat the file's own error.
	 */
	struct gt_strlist	 broken;
	struct gt_map		 broken_ix;

	/* Linked: every portfolio objectives name, in name order. */
	struct gt_strlist	 portfolios;

	/* Id indexes, filled by the link pass; measures also by code. */
	struct gt_map		 priority_ix, objective_ix, measure_ix,
				 action_ix, risk_ix, code_ix;
};

struct gt_model	*gt_model_new(const char *root);
void		 gt_model_free(struct gt_model *);
/* Keep a copy of path for the model's lifetime; returns the stable copy. */
const char	*gt_model_file(struct gt_model *, const char *path);

void		 gt_strlist_add(struct gt_strlist *, const char *);
void		 gt_strlist_free(struct gt_strlist *);
int		 gt_strlist_has(const struct gt_strlist *, const char *);

const char	*gt_polarity_name(enum gt_polarity);
/*
 * A polarity as measure files and exports write it, in any case:
 * "higher" (also "high", "higher is better", "asc", "ascending",
 * "maximise", "aim to maximise"), "lower" ("low", "lower is better",
 * "desc", "descending", "minimise", "aim to minimise"), "band",
 * "none" ("n/a", "not applicable", "information only"); GT_POL_NONE if
 * none of these.
 */
enum gt_polarity gt_polarity_parse(const char *);
void		 gt_period_src_free(struct gt_period_src *);
const char	*gt_flag_name(enum gt_flag);
const char	*gt_astatus_name(enum gt_astatus);
enum gt_astatus	 gt_astatus_parse(const char *);
/* A pack's section by its name in site.conf ("exceptions"); -1 if none. */
const char	*gt_section_name(enum gt_section);
int		 gt_section_parse(const char *);

#endif
