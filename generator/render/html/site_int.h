/*
 * site_int.h: inside the site's back-end (site.c: the pages' machinery
 * and jobs; site_pages.c: what each kind of page shows). Not for other
 * stages.
 */
#ifndef GT_SITE_INT_H
#define GT_SITE_INT_H

#include <jansson.h>

#include "chart.h"
#include "html_write.h"
#include "render.h"
#include "rows.h"
#include "tmpl.h"

#define PERIODS		64	/* period texts kept (a power of two) */

/* A period's text, kept: see gt_site_period. */
struct period_text {
	struct gt_period	 p;
	int			 set;
	char			 text[GT_WORDS_PERIOD_MAX];
};

struct gt_site {
	const struct gt_model		 *m;
	const struct gt_judgement	 *j;		/* the site's */
	const struct gt_judgement *const *packs;	/* each pack's */
	const struct gt_judgement *const *since;	/* each pack's since */
	struct gt_cache			 *cache;
	struct gt_map			  sparks;	/* measure id: its drawing */
	char				 *layouts;
	char				  layouts_key[65];	/* what they say */
	struct gt_buf			  keybuf;	/* page_key's room */
	struct gt_tmpl			 *t;
	struct gt_html			 *html;		/* charts made ready */
	struct gt_sink			 *sink;		/* the job's */
	/*
	 * Each status as a row shows it, one object shared by every row
	 * (tens of thousands of rows, six statuses): not to be changed.
	 */
	json_t				 *statuses[GT_STATUS_MAX];
	json_t				 *astatuses[GT_ASTATUS_OVERDUE + 1];
	json_t				 *site;		/* every page's "site" */
	json_t				 *description;	/* a page's, unless its own */
	struct period_text		  periods[PERIODS];
	char				 *base_path;	/* base_url's path, or NULL */
	int				  failed;
};

/* One page being made: its data and the Markdown bodies it shows. */
struct page {
	struct gt_site	*s;
	const struct gt_judgement *j;	/* the page is judged by */
	const char	*path;		/* relative to the site root */
	const char	*root;		/* to the site root: rootbuf, or ... */
	char		 rootbuf[3 * GT_MAX_DEPTH + 1];	/* "../" per level */
	json_t		*data;
	cmark_node	**bodies;
	size_t		 nbodies, cap;
	struct gt_buf	 body_keys;	/* their gt_body keys, in order */
};

/* site.c: values, pages, charts. */
json_t	*gt_jstr(const char *);
json_t	*gt_jfmt(const char *, ...) __attribute__((format(printf, 1, 2)));
json_t	*gt_jset(json_t *, const char *key, json_t *);
/* A period in words (gt_period_words) */
void	 gt_site_period(struct gt_site *, const struct gt_period *,
	    char per[GT_WORDS_PERIOD_MAX]);
void	 gt_page_init(struct page *, struct gt_site *, const char *path,
	    const char *title);
void	 gt_page_finish(struct page *, const char *layout, json_t *crumbs);
json_t	*gt_href(const struct page *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
json_t	*gt_page_body(struct page *, const struct gt_body *);
json_t	*gt_crumbs_home(const struct page *);
json_t	*gt_crumbs_thread(const struct page *, const struct gt_priority *,
	    const struct gt_objective *);
json_t	*gt_chart_inline(struct gt_site *, const struct gt_chart *,
	    double w, double h);
json_t	*gt_chart_img(struct page *, const struct gt_chart *,
	    const char *name, const char *alt, double w, double h, int png);

/* site_pages.c: the rows of tables, as the layouts take them. */
json_t	*gt_site_measure_row(struct page *, const struct gt_measure *,
	    int spark);
json_t	*gt_site_measure_rows(struct page *, struct gt_measure *const *,
	    size_t, int spark);
json_t	*gt_site_action_row(struct page *, const struct gt_action *);
json_t	*gt_site_action_rows(struct page *, struct gt_action *const *,
	    size_t);
json_t	*gt_site_objective_ref(const struct page *,
	    const struct gt_objective *);
json_t	*gt_site_summary(const struct gt_rollup *);
json_t	*gt_site_statusbar(struct page *, const char *title,
	    const struct gt_rollup *, const char *name, double w, double h);
/* The report packs, for the reports page and the home page. */
json_t	*gt_site_reports(const struct page *);

/* One function a kind of page: site_pages.c, site_home.c, site_measure.c. */
void	 gt_page_pack(struct gt_site *, size_t pack);
void	 gt_page_home(struct gt_site *);
void	 gt_page_priority(struct gt_site *, const struct gt_priority *);
void	 gt_page_portfolio(struct gt_site *, const char *);
void	 gt_page_objective(struct gt_site *, const struct gt_objective *);
void	 gt_page_risks(struct gt_site *);
void	 gt_page_measure(struct gt_site *, const struct gt_measure *);
void	 gt_page_action(struct gt_site *, const struct gt_action *);
void	 gt_page_how(struct gt_site *);
void	 gt_page_reports(struct gt_site *);
void	 gt_page_data(struct gt_site *);
void	 gt_page_simple(struct gt_site *, const char *path,
	    const char *layout, const char *title);

/*
 * site_report.c: the changes from then to the page's judgement among a
 * scope's members ({words, rows}); a measure's targets for whole years
 * from the page's year on; the finance page.
 */
json_t	*gt_changes_json(const struct page *, const struct gt_judgement *then,
	    const struct gt_scope *);
void	 gt_page_finance(struct gt_site *);

#endif
