/* model.c: construction and destruction of the model. */
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "scope.h"

struct gt_model *
gt_model_new(const char *root)
{
	struct gt_model	*m = gt_xcalloc(1, sizeof(*m));

	m->root = gt_xstrdup(root);
	gt_calendar_default(&m->conf.cal);
	return m;
}

const char *
gt_model_file(struct gt_model *m, const char *path)
{
	const char	*s;

	if ((s = gt_map_get(&m->file_ix, path)) != NULL)
		return s;
	gt_strlist_add(&m->files, path);
	s = m->files.v[m->files.n - 1];
	gt_map_put(&m->file_ix, s, m->files.v[m->files.n - 1]);
	return s;
}

void
gt_strlist_add(struct gt_strlist *l, const char *s)
{
	/* Capacity is the next power of two, so it need not be stored. */
	if ((l->n & (l->n - 1)) == 0)
		l->v = gt_xrealloc(l->v, (l->n ? l->n * 2 : 1) * sizeof(*l->v));
	l->v[l->n++] = gt_xstrdup(s);
}

void
gt_strlist_free(struct gt_strlist *l)
{
	size_t	 i;

	if (l == NULL)
		return;
	for (i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

int
gt_strlist_has(const struct gt_strlist *l, const char *s)
{
	size_t	 i;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->v[i], s) == 0)
			return 1;
	return 0;
}

static void
body_free(struct gt_body *b)
{
	if (b->doc != NULL)
		cmark_node_free(b->doc);
}

static void
refs_free(struct gt_ref *r, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		free(r[i].id);
	free(r);
}

static void
priority_free(struct gt_priority *p)
{
	free(p->id);
	free(p->title);
	body_free(&p->body);
	free(p->objectives);
	free(p);
}

static void
objective_free(struct gt_objective *o)
{
	free(o->id);
	free(o->title);
	free(o->priority_ref.id);
	free(o->parent_ref.id);
	free(o->portfolio);
	free(o->lead);
	gt_strlist_free(&o->tags);
	body_free(&o->body);
	free(o->children);
	free(o->measures);
	free(o->actions);
	free(o->risks);
	free(o);
}

static void
measure_free(struct gt_measure *me)
{
	size_t	 i;

	free(me->id);
	free(me->code);
	free(me->title);
	refs_free(me->objective_refs, me->nobjective_refs);
	free(me->unit);
	for (i = 0; i < me->ntargets; i++)
		free(me->targets[i].group);
	free(me->targets);
	free(me->source);
	free(me->owner);
	free(me->chart_title);
	gt_strlist_free(&me->chart_comparators);
	gt_strlist_free(&me->tags);
	body_free(&me->body);
	free(me->objectives);
	free(me->obs);
	free(me->comparators);
	free(me->cohorts);
	free(me);
}

static void
action_free(struct gt_action *a)
{
	size_t	 i;

	free(a->id);
	free(a->objective_ref.id);
	free(a->title);
	free(a->lead);
	for (i = 0; i < a->nmilestones; i++)
		free(a->milestones[i].title);
	free(a->milestones);
	gt_strlist_free(&a->tags);
	body_free(&a->body);
	free(a->progress);
	free(a);
}

static void
risk_free(struct gt_risk *r)
{
	free(r->id);
	free(r->title);
	free(r->owner);
	refs_free(r->objective_refs, r->nobjective_refs);
	refs_free(r->action_refs, r->naction_refs);
	gt_strlist_free(&r->controls);
	body_free(&r->body);
	free(r->objectives);
	free(r->actions);
	free(r->history);
	free(r);
}

static void
conf_free(struct gt_conf *c)
{
	size_t	 i;

	free(c->path);
	free(c->title);
	free(c->organisation);
	free(c->base_url);
	free(c->language);
	free(c->licence);
	free(c->licence_url);
	gt_strlist_free(&c->chart_comparators);
	free(c->as_at_text);
	for (i = 0; i < c->nbands; i++)
		free(c->bands[i].name);
	free(c->bands);
	free(c->content_dir);
	free(c->data_dir);
	free(c->layouts_dir);
	free(c->output_dir);
	for (i = 0; i < c->npacks; i++) {
		struct gt_pack *p = &c->packs[i];

		free(p->name);
		free(p->title);
		free(p->audience);
		refs_free(p->priority_refs, p->npriority_refs);
		gt_strlist_free(&p->portfolios);
		gt_strlist_free(&p->tags);
		free(p->as_at_text);
		free(p->meeting);
		free(p->author);
		free(p->recommendations);
		body_free(&p->recommendations_body);
		free(p->since_text);
		free(p->priorities);
		if (p->scope != NULL) {
			gt_scope_free(p->scope);
			free(p->scope);
		}
	}
	free(c->packs);
}

void
gt_model_free(struct gt_model *m)
{
	size_t	 i;

	if (m == NULL)
		return;
	if (m->plan != NULL) {
		free(m->plan->title);
		free(m->plan->organisation);
		free(m->plan->period);
		free(m->plan->vision);
		gt_strlist_free(&m->plan->values);
		body_free(&m->plan->body);
		free(m->plan);
	}
	for (i = 0; i < m->npriorities; i++)
		priority_free(m->priorities[i]);
	for (i = 0; i < m->nobjectives; i++)
		objective_free(m->objectives[i]);
	for (i = 0; i < m->nmeasures; i++)
		measure_free(m->measures[i]);
	for (i = 0; i < m->nactions; i++)
		action_free(m->actions[i]);
	for (i = 0; i < m->nrisks; i++)
		risk_free(m->risks[i]);
	for (i = 0; i < m->nobs; i++) {
		free(m->obs[i]->measure_ref.id);
		free(m->obs[i]->raw);
		free(m->obs[i]->note);
		free(m->obs[i]->response);
		gt_period_src_free(m->obs[i]->psrc);
		if (m->obs[i]->source != NULL)
			free(m->obs[i]->source->text);
		free(m->obs[i]->source);
		free(m->obs[i]);
	}
	for (i = 0; i < m->nprogress; i++) {
		free(m->progress[i]->action_ref.id);
		free(m->progress[i]->note);
		free(m->progress[i]);
	}
	for (i = 0; i < m->ncomparators; i++) {
		free(m->comparators[i]->measure_ref.id);
		free(m->comparators[i]->group);
		gt_period_src_free(m->comparators[i]->psrc);
		free(m->comparators[i]);
	}
	for (i = 0; i < m->ncohorts; i++) {
		free(m->cohorts[i]->measure_ref.id);
		free(m->cohorts[i]->group);
		free(m->cohorts[i]->values);
		gt_period_src_free(m->cohorts[i]->psrc);
		free(m->cohorts[i]);
	}
	for (i = 0; i < m->nxtargets; i++) {
		free(m->xtargets[i]->measure_ref.id);
		free(m->xtargets[i]->t.group);
		gt_period_src_free(m->xtargets[i]->psrc);
		free(m->xtargets[i]);
	}
	for (i = 0; i < m->nclaims; i++) {
		free(m->claims[i]->measure_ref.id);
		free(m->claims[i]->unit);
		free(m->claims[i]);
	}
	for (i = 0; i < m->nfinance; i++) {
		free(m->finance[i]->directorate);
		free(m->finance[i]);
	}
	for (i = 0; i < m->nriskobs; i++) {
		free(m->riskobs[i]->risk_ref.id);
		free(m->riskobs[i]->note);
		free(m->riskobs[i]);
	}
	free(m->priorities);
	free(m->objectives);
	free(m->measures);
	free(m->actions);
	free(m->risks);
	free(m->obs);
	free(m->progress);
	free(m->comparators);
	free(m->finance);
	free(m->riskobs);
	free(m->cohorts);
	free(m->xtargets);
	free(m->claims);
	gt_strlist_free(&m->portfolios);
	gt_map_free(&m->priority_ix);
	gt_map_free(&m->objective_ix);
	gt_map_free(&m->measure_ix);
	gt_map_free(&m->action_ix);
	gt_map_free(&m->risk_ix);
	gt_map_free(&m->code_ix);
	gt_map_free(&m->file_ix);
	gt_map_free(&m->broken_ix);
	gt_strlist_free(&m->broken);
	conf_free(&m->conf);
	gt_strlist_free(&m->files);
	free(m->root);
	free(m);
}

static const char *const polarities[] = {
	"", "higher", "lower", "band", "none"
};
static const char *const flags[] = { "", "provisional", "estimated", "revised" };
static const char *const astatuses[] = {
	"", "not started", "on track", "at risk", "complete", "overdue"
};

const char *
gt_polarity_name(enum gt_polarity p)
{
	return polarities[p];
}

enum gt_polarity
gt_polarity_parse(const char *s)
{
	static const struct {
		const char		*name;
		enum gt_polarity	 p;
	} names[] = {
		{ "higher", GT_POL_HIGHER }, { "high", GT_POL_HIGHER },
		{ "higher is better", GT_POL_HIGHER },
		{ "maximise", GT_POL_HIGHER }, { "aim to maximise", GT_POL_HIGHER },
		{ "asc", GT_POL_HIGHER }, { "ascending", GT_POL_HIGHER },
		{ "lower", GT_POL_LOWER }, { "low", GT_POL_LOWER },
		{ "lower is better", GT_POL_LOWER },
		{ "minimise", GT_POL_LOWER }, { "aim to minimise", GT_POL_LOWER },
		{ "desc", GT_POL_LOWER }, { "descending", GT_POL_LOWER },
		{ "band", GT_POL_BAND },
		{ "none", GT_POL_INFO }, { "n/a", GT_POL_INFO },
		{ "not applicable", GT_POL_INFO },
		{ "information only", GT_POL_INFO },
	};
	char	*t = gt_trim(gt_xstrdup(s));
	size_t	 i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (gt_strieq(t, names[i].name))
			break;
	free(t);
	return i < sizeof(names) / sizeof(names[0]) ? names[i].p :
	    GT_POL_NONE;
}

void
gt_period_src_free(struct gt_period_src *ps)
{
	if (ps == NULL)
		return;
	free(ps->text);
	free(ps);
}

const char *
gt_flag_name(enum gt_flag f)
{
	return flags[f];
}

const char *
gt_astatus_name(enum gt_astatus s)
{
	return astatuses[s];
}

static const char *const sections[GT_SECTION_MAX] = {
	"summary", "highlights", "changes", "exceptions", "priorities",
	"finance", "risks", "appendix"
};

const char *
gt_section_name(enum gt_section s)
{
	return sections[s];
}

int
gt_section_parse(const char *s)
{
	int	 i;

	for (i = 0; i < GT_SECTION_MAX; i++)
		if (gt_strieq(s, sections[i]))
			return i;
	return -1;
}

enum gt_astatus
gt_astatus_parse(const char *s)
{
	int	 i;

	/* "overdue" is computed from dates, never accepted as input. */
	for (i = GT_ASTATUS_NOT_STARTED; i <= GT_ASTATUS_COMPLETE; i++)
		if (gt_strieq(s, astatuses[i]))
			return (enum gt_astatus)i;
	return GT_ASTATUS_NONE;
}
