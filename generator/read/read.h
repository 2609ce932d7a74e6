/*
 * read.h: the read stage. Turns a site folder (site.conf, content/ and the
 * data folder) into an unlinked model, reporting every problem through
 * gt_msg() and carrying on past it, so one run finds all of them.
 *
 * Ownership: gt_read_site() returns a model the caller frees with
 * gt_model_free(); never NULL. The per-file readers add to a model that
 * keeps owning everything they create.
 */
#ifndef GT_READ_H
#define GT_READ_H

#include "model.h"

/* What a Markdown file in content/ describes, from the folder it is in. */
enum gt_kind {
	GT_KIND_PLAN,
	GT_KIND_PRIORITY,
	GT_KIND_OBJECTIVE,
	GT_KIND_MEASURE,
	GT_KIND_ACTION,
	GT_KIND_RISK
};

/*
 * Read the site in folder root, reporting into diag (which the model
 * borrows for the link pass). as_at, if not NULL, overrides site.conf's
 * as_at (the command line's --as-at).
 */
struct gt_model	*gt_read_site(const char *root, const char *as_at,
		    struct gt_diag *);

/*
 * An INI file (site.conf, an import mapping) from memory, through inih, a
 * line at a time: every line of the wrong shape and every section given
 * twice is an error (message syntax) at its place; fn gets each name and value with where
 * they were written, and whether the name was given before in its
 * section. An indented line after a name is more of that name's value:
 * fn gets it with continued set. *found (if not NULL) gets what
 * gt_text_check found in the text. Returns -1 if the text is not UTF-8
 * (reported into d), else 0.
 */
struct gt_ini_line {
	const char	*section, *name, *value;
	struct gt_loc	 loc;		/* the line, column 1 */
	struct gt_loc	 value_loc;	/* where the value starts */
	struct gt_loc	 section_loc;	/* its [section] line (0: none) */
	int		 again;		/* name given before in the section */
	int		 continued;	/* an indented line: more of name's value */
};
typedef void (*gt_ini_fn)(void *ctx, const struct gt_ini_line *);
int	gt_ini_read(struct gt_diag *, enum gt_msgid syntax, const char *file,
	    const char *text, size_t len, gt_ini_fn, void *ctx,
	    unsigned *found);
/* A section's name with one space after its keyword ("pack  x" is "pack x"). */
char	*gt_ini_section(const char *, size_t);

/* site.conf from memory; path is what messages name. */
void	gt_conf_read(struct gt_model *, const char *path, const char *text,
	    size_t len);
/* One Markdown file with front matter, from memory. */
void	gt_md_read(struct gt_model *, enum gt_kind, const char *path,
	    const char *text, size_t len);
/* One CSV data file, from memory; its header row says what it holds. */
void	gt_csv_read(struct gt_model *, const char *path, const char *text,
	    size_t len);

/*
 * gt_csv_read for a thread beside the one reading the rest of the site:
 * the rows and messages go into rows (a model only to hold them, with a
 * set of diagnostics of its own, for the caller to move into the
 * site's), and file is the site model's own name for the file
 * (gt_model_file), since the thread may not change that model.
 */
void	gt_csv_read_apart(struct gt_model *rows, const char *file,
	    const char *text, size_t len);

/*
 * Check a parsed Markdown body that starts at line bodyline of file:
 * what cmark decoded (character references, link destinations) must be
 * text as the file's own characters must (raw: the kinds of fault
 * gt_text_check found in them; decoded: the text has a '&'), and it may
 * nest at most GT_MAX_DEPTH deep. 0, or -1 if it is refused.
 */
int	gt_md_check_body(struct gt_diag *, cmark_node *doc, const char *file,
	    int bodyline, unsigned raw, int decoded);

/*
 * A target relative to another figure, as a measure's targets or an
 * export's target column write it: "better than England", "top quartile
 * of Nearest neighbours", "10% above last year", "5% below last year",
 * "better than last year" (any case; "at least" or "at most" before them
 * changes nothing). Fills t's rel, group (malloc'd) and pct; 0, or -1 if
 * s is none of these.
 */
int	gt_target_rel_parse(const char *s, struct gt_target *t);

/*
 * Warn of what a Markdown body (doc, parsed from the len bytes of text
 * that start at line bodyline of file) says that readers would not see
 * as meant: raw HTML (dropped), template tags, '#' headings with no
 * space and pipe tables (all printed as written).
 */
void	gt_md_lint(struct gt_diag *, cmark_node *doc, const char *file,
	    int bodyline, const char *text, size_t len);

/* Was there a file of this kind with this id that could not be read? */
int	gt_md_broken(const struct gt_model *, enum gt_kind, const char *id);

/*
 * Is s a well-formed id (letters, digits, '-', '_', '.'; at most
 * GT_MAX_ID_BYTES)?
 */
int	gt_id_valid(const char *s);

/*
 * How a reader reports: gt_report_msg() is gt_msg() into the set diag,
 * or with more > 0 gt_msg_more() for loc's file.
 */
typedef void (*gt_report_fn)(void *ctx, enum gt_msgid,
    const struct gt_loc *, const char *detail, size_t more);
void	gt_report_msg(void *diag, enum gt_msgid, const struct gt_loc *,
	    const char *detail, size_t more);

/*
 * Report what gt_text_next() finds in text through fn: bytes that are
 * not UTF-8 (GT_E_UTF8, alone, as the file is most likely not text; the
 * result is -1), else control characters and noncharacters
 * (GT_E_CONTROL_CHAR) and hidden characters (GT_W_HIDDEN_CHAR),
 * GT_MAX_DIAGS_KEPT of each kind, then how many more. With at->line 0,
 * each is reported where it is in the file at->file; else text was
 * decoded from escapes written at *at, where each is reported (bytes
 * that are not UTF-8 as a control character), but only kinds not yet in
 * *found. *found gets 1 << kind for each kind found.
 */
int	gt_text_check(const char *text, size_t len, const struct gt_loc *at,
	    unsigned *found, gt_report_fn fn, void *ctx);

#endif
