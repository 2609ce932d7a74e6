/*
 * pdf_tok.h: the tokens of a PDF content stream, read by qpdf's own
 * tokenizer (QPDFTokenizer, in pdf_qpdf.cc), so that goldthread never
 * parses PDF syntax by hand. The PDF/UA post-processing rewrites the
 * marked content of the packs with it, and the PDF/UA checker
 * (tests/pdf/uacheck.c) walks their pages with it.
 *
 * Inline images (BI ... ID data EI) come as one GT_TOK_INLINE_IMAGE token
 * for their data, between the words ID and EI.
 */
#ifndef GT_PDF_TOK_H
#define GT_PDF_TOK_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

enum gt_pdf_tok_type {
	GT_TOK_NAME,		/* value: "/Name", #xx escapes resolved */
	GT_TOK_WORD,		/* an operator */
	GT_TOK_BOOL,
	GT_TOK_NULL,
	GT_TOK_INTEGER,
	GT_TOK_REAL,
	GT_TOK_STRING,		/* value: the string's bytes */
	GT_TOK_DICT_OPEN,
	GT_TOK_DICT_CLOSE,
	GT_TOK_ARRAY_OPEN,
	GT_TOK_ARRAY_CLOSE,
	GT_TOK_INLINE_IMAGE,	/* value: the image's data */
	GT_TOK_OTHER		/* { or } (PostScript functions) */
};

struct gt_pdf_tok {
	enum gt_pdf_tok_type	 type;
	size_t			 off, len;	/* its bytes in the stream */
	const char		*value;		/* valid during the callback */
	size_t			 vlen;
};

/*
 * Hand each token of the n bytes at s to fn with ctx, in order. Returns
 * 0 at the end, -1 at a token that is not PDF (an unterminated string,
 * a stray ">") or if the tokenizer fails, or the first nonzero value fn
 * returns.
 */
int	gt_pdf_tokens(const unsigned char *s, size_t n,
	    int (*fn)(void *ctx, const struct gt_pdf_tok *), void *ctx);

#ifdef __cplusplus
}
#endif

#endif
