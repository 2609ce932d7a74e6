/*
 * pdf_ua.c: what the drawing code records for the PDF/UA post-processing
 * (pdf_ua.h), which pdf_qpdf.cc does.
 */
#include <stdlib.h>

#include "pdf_ua.h"
#include "util.h"

void
gt_pdf_ua_figure(struct gt_pdf_ua *ua, const char *alt, double x, double y,
    double w, double h, double page_h)
{
	struct gt_pdf_figure	*f = GT_PUSH(ua->figs, ua->nfigs, ua->capfigs);

	f->alt = gt_xstrdup(alt);
	f->box[0] = x;
	f->box[1] = page_h - (y + h);
	f->box[2] = x + w;
	f->box[3] = page_h - y;
}

void
gt_pdf_ua_link(struct gt_pdf_ua *ua, const char *words, int inside)
{
	struct gt_pdf_link	*l = GT_PUSH(ua->links, ua->nlinks, ua->caplinks);

	l->words = gt_xstrdup(words);
	l->inside = inside;
}

void
gt_pdf_ua_artifact(struct gt_pdf_ua *ua, enum gt_pdf_artifact kind)
{
	*GT_PUSH(ua->arts, ua->narts, ua->caparts) = kind;
}

void
gt_pdf_ua_clear(struct gt_pdf_ua *ua)
{
	size_t	 i;

	if (ua == NULL)
		return;
	for (i = 0; i < ua->nfigs; i++)
		free(ua->figs[i].alt);
	for (i = 0; i < ua->nlinks; i++)
		free(ua->links[i].words);
	free(ua->figs);
	free(ua->links);
	free(ua->arts);
	ua->figs = NULL;
	ua->links = NULL;
	ua->arts = NULL;
	ua->nfigs = ua->capfigs = ua->nlinks = ua->caplinks = 0;
	ua->narts = ua->caparts = 0;
}
