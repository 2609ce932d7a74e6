/*
 * chart_key.c: a chart's identity for caching: a hash of everything that
 * decides its pixels (the input and the output settings), written field
 * by field with lengths, so different charts never share a key.
 */
#include <string.h>

#include "chart.h"
#include "util.h"

static void
put(struct gt_buf *h, const void *p, size_t n)
{
	gt_buf_add(h, p, n);
}

static void
put_int(struct gt_buf *h, long long v)
{
	put(h, &v, sizeof(v));
}

static void
put_num(struct gt_buf *h, double v)
{
	put(h, &v, sizeof(v));
}

static void
put_str(struct gt_buf *h, const char *s)
{
	put_int(h, s == NULL ? -1 : (long long)strlen(s));
	if (s != NULL)
		put(h, s, strlen(s));
}

static void
put_trend(struct gt_buf *h, const struct gt_chart_trend *t)
{
	const struct gt_chart_point	*p;
	size_t				 i, k;

	put_str(h, t->title);
	put_str(h, t->unit);
	put_int(h, t->decimals);
	put_int(h, t->polarity);
	put_int(h, t->periods_per_year);
	put_int(h, t->form);
	put_int(h, (long long)t->npoints);
	for (i = 0; i < t->npoints; i++) {
		p = &t->points[i];
		put_str(h, p->period);
		put_str(h, p->year);
		put_int(h, p->kind);
		put_num(h, p->kind == GT_CHART_VALUE ? p->value : 0);
		put_int(h, p->flag);
		put_int(h, p->target.set);
		put_num(h, p->target.set ? p->target.lo : 0);
		put_num(h, p->target.set ? p->target.hi : 0);
		put_num(h, p->target.set ? p->target.slack : 0);
		put_int(h, p->status);
		put_int(h, p->in_year);
	}
	put_int(h, (long long)t->ncomparators);
	for (k = 0; k < t->ncomparators; k++) {
		put_str(h, t->comparators[k].name);
		put_int(h, t->comparators[k].named);
		put_int(h, t->comparators[k].values != NULL);
		for (i = 0; t->comparators[k].values != NULL &&
		    i < t->npoints; i++)
			put_num(h, t->comparators[k].values[i]);
	}
	put_str(h, t->subtitle);
	put_str(h, t->source);
	put_int(h, t->year_to_date);
	put_int(h, t->slot_names != NULL);
	for (i = 0; t->slot_names != NULL && t->periods_per_year > 0 &&
	    i < (size_t)t->periods_per_year; i++)
		put_str(h, t->slot_names[i]);
}

void
gt_chart_key(const struct gt_chart *c, const struct gt_chart_output *o,
    char hex[65])
{
	struct gt_buf	 b = { 0 }, *h = &b;
	size_t		 i;

	put_int(h, c->type);
	put_int(h, o->format);
	put_num(h, o->width);
	put_num(h, o->height);
	put_num(h, o->scale);
	put_str(h, o->date);
	put_int(h, o->grow);
	switch (c->type) {
	case GT_CHART_TREND:
	case GT_CHART_SPARK:
		put_trend(h, c->u.trend);
		break;
	case GT_CHART_STATUSBAR:
		put_str(h, c->u.statusbar->title);
		for (i = 0; i < GT_CHART_STATUS_MAX; i++)
			put_int(h, (long long)c->u.statusbar->counts[i]);
		break;
	case GT_CHART_HEATMAP:
		put_str(h, c->u.heatmap->title);
		put_int(h, (long long)c->u.heatmap->nbands);
		for (i = 0; i < c->u.heatmap->nbands; i++) {
			put_str(h, c->u.heatmap->bands[i].name);
			put_int(h, c->u.heatmap->bands[i].lo);
			put_int(h, c->u.heatmap->bands[i].hi);
		}
		put_int(h, (long long)c->u.heatmap->nrisks);
		for (i = 0; i < c->u.heatmap->nrisks; i++) {
			const struct gt_chart_risk *r = &c->u.heatmap->risks[i];

			put_str(h, r->id);
			put_str(h, r->title);
			put_int(h, r->likelihood);
			put_int(h, r->impact);
			put_int(h, r->target_likelihood);
			put_int(h, r->target_impact);
		}
		break;
	case GT_CHART_PROGRESS:
		put_str(h, c->u.progress->title);
		put_int(h, (long long)c->u.progress->done);
		put_int(h, (long long)c->u.progress->total);
		put_int(h, c->u.progress->status);
		break;
	}
	gt_hash_hex(b.data, b.len, hex);
	gt_buf_free(&b);
}
