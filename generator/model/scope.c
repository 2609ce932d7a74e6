/* scope.c: sets of measures, actions and risks (see scope.h). */
#include <stdlib.h>
#include <string.h>

#include "scope.h"

static void
members_init(struct gt_members *s, size_t n)
{
	/* One more: the tables of an empty model are never NULL. */
	s->mark = gt_xcalloc(n + 1, sizeof(*s->mark));
	s->v = gt_xcalloc(n + 1, sizeof(*s->v));
	s->n = 0;
	s->size = n;
}

static void
members_free(struct gt_members *s)
{
	free(s->mark);
	free(s->v);
	memset(s, 0, sizeof(*s));
}

/* Add ix unless it is in, or outside the scope this one is within. */
static void
add(struct gt_members *s, unsigned gen, const struct gt_members *within,
    unsigned wgen, size_t ix)
{
	if (s->mark[ix] == gen || (within != NULL && within->mark[ix] != wgen))
		return;
	s->mark[ix] = gen;
	s->v[s->n++] = ix;
}

void
gt_scope_init(struct gt_scope *s, const struct gt_model *m,
    const struct gt_scope *within)
{
	members_init(&s->measures, m->nmeasures);
	members_init(&s->actions, m->nactions);
	members_init(&s->risks, m->nrisks);
	s->gen = 1;
	s->within = within;
}

void
gt_scope_clear(struct gt_scope *s)
{
	s->measures.n = s->actions.n = s->risks.n = 0;
	if (++s->gen != 0)
		return;
	/* Marks from 2^32 clears ago would look new. */
	memset(s->measures.mark, 0, s->measures.size * sizeof(unsigned));
	memset(s->actions.mark, 0, s->actions.size * sizeof(unsigned));
	memset(s->risks.mark, 0, s->risks.size * sizeof(unsigned));
	s->gen = 1;
}

void
gt_scope_free(struct gt_scope *s)
{
	members_free(&s->measures);
	members_free(&s->actions);
	members_free(&s->risks);
}

void
gt_scope_measure(struct gt_scope *s, const struct gt_measure *me)
{
	add(&s->measures, s->gen, s->within ? &s->within->measures : NULL,
	    s->within ? s->within->gen : 0, me->ix);
}

void
gt_scope_action(struct gt_scope *s, const struct gt_action *a)
{
	add(&s->actions, s->gen, s->within ? &s->within->actions : NULL,
	    s->within ? s->within->gen : 0, a->ix);
}

void
gt_scope_risk(struct gt_scope *s, const struct gt_risk *k)
{
	add(&s->risks, s->gen, s->within ? &s->within->risks : NULL,
	    s->within ? s->within->gen : 0, k->ix);
}

void
gt_scope_objective(struct gt_scope *s, const struct gt_objective *o)
{
	size_t	 i;

	for (i = 0; i < o->nmeasures; i++)
		gt_scope_measure(s, o->measures[i]);
	for (i = 0; i < o->nactions; i++)
		gt_scope_action(s, o->actions[i]);
	for (i = 0; i < o->nrisks; i++)
		gt_scope_risk(s, o->risks[i]);
	for (i = 0; i < o->nchildren; i++)
		gt_scope_objective(s, o->children[i]);
}

void
gt_scope_priority(struct gt_scope *s, const struct gt_priority *p)
{
	size_t	 i;

	for (i = 0; i < p->nobjectives; i++)
		gt_scope_objective(s, p->objectives[i]);
}

void
gt_scope_portfolio(struct gt_scope *s, const struct gt_model *m,
    const char *portfolio)
{
	size_t	 i;

	for (i = 0; i < m->nobjectives; i++)
		if (m->objectives[i]->portfolio != NULL &&
		    strcmp(m->objectives[i]->portfolio, portfolio) == 0)
			gt_scope_objective(s, m->objectives[i]);
}

void
gt_scope_tag(struct gt_scope *s, const struct gt_model *m, const char *tag)
{
	size_t	 i;

	for (i = 0; i < m->nobjectives; i++)
		if (gt_strlist_has(&m->objectives[i]->tags, tag))
			gt_scope_objective(s, m->objectives[i]);
	for (i = 0; i < m->nmeasures; i++)
		if (gt_strlist_has(&m->measures[i]->tags, tag))
			gt_scope_measure(s, m->measures[i]);
	for (i = 0; i < m->nactions; i++)
		if (gt_strlist_has(&m->actions[i]->tags, tag))
			gt_scope_action(s, m->actions[i]);
}

static void
pack_members(struct gt_scope *s, const struct gt_model *m,
    const struct gt_pack *p)
{
	size_t	 i;

	for (i = 0; i < p->npriorities; i++)
		gt_scope_priority(s, p->priorities[i]);
	for (i = 0; i < p->portfolios.n; i++)
		gt_scope_portfolio(s, m, p->portfolios.v[i]);
	for (i = 0; i < p->tags.n; i++)
		gt_scope_tag(s, m, p->tags.v[i]);
	if (p->npriority_refs == 0 && p->portfolios.n == 0 &&
	    p->tags.n == 0)
		for (i = 0; i < m->npriorities; i++)
			gt_scope_priority(s, m->priorities[i]);
}

void
gt_scope_pack(struct gt_scope *s, const struct gt_model *m,
    const struct gt_pack *p)
{
	struct gt_scope	 all;
	size_t		 i;

	if (!p->has_level) {
		pack_members(s, m, p);
		return;
	}
	/* A level filters measures; actions and risks have none. */
	gt_scope_init(&all, m, s->within);
	pack_members(&all, m, p);
	for (i = 0; i < all.measures.n; i++)
		if (m->measures[all.measures.v[i]]->level == p->level)
			gt_scope_measure(s, m->measures[all.measures.v[i]]);
	for (i = 0; i < all.actions.n; i++)
		gt_scope_action(s, m->actions[all.actions.v[i]]);
	for (i = 0; i < all.risks.n; i++)
		gt_scope_risk(s, m->risks[all.risks.v[i]]);
	gt_scope_free(&all);
}

int
gt_scope_has_measure(const struct gt_scope *s, const struct gt_measure *me)
{
	return s->measures.mark[me->ix] == s->gen;
}

int
gt_scope_has_action(const struct gt_scope *s, const struct gt_action *a)
{
	return s->actions.mark[a->ix] == s->gen;
}

int
gt_scope_has_risk(const struct gt_scope *s, const struct gt_risk *k)
{
	return s->risks.mark[k->ix] == s->gen;
}

int
gt_scope_has_objective(const struct gt_scope *s, const struct gt_objective *o)
{
	size_t	 i;

	for (i = 0; i < o->nmeasures; i++)
		if (gt_scope_has_measure(s, o->measures[i]))
			return 1;
	for (i = 0; i < o->nactions; i++)
		if (gt_scope_has_action(s, o->actions[i]))
			return 1;
	for (i = 0; i < o->nchildren; i++)
		if (gt_scope_has_objective(s, o->children[i]))
			return 1;
	return 0;
}

int
gt_scope_has_priority(const struct gt_scope *s, const struct gt_priority *p)
{
	size_t	 i;

	for (i = 0; i < p->nobjectives; i++)
		if (gt_scope_has_objective(s, p->objectives[i]))
			return 1;
	return 0;
}
