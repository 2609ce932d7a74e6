/* fm_read.c: YAML front matter into a gt_fm tree, with libyaml. */
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "fm.h"
#include "read.h"
#include "util.h"

struct frame {
	struct gt_fm	*node;
	size_t		 cap;
	char		*key;		/* MAP: pending key awaiting its value */
	struct gt_loc	 keyloc;
};

static struct gt_fm *
node_new(enum gt_fm_kind kind, const char *file, const yaml_mark_t *mk,
    int first_line, struct gt_diag *diag)
{
	struct gt_fm	*n = gt_xcalloc(1, sizeof(*n));

	n->diag = diag;

	n->kind = kind;
	n->loc.file = file;
	n->loc.line = (int)mk->line + first_line;
	n->loc.col = (int)mk->column + 1;
	return n;
}

void
gt_fm_free(struct gt_fm *n)
{
	size_t	 i;

	if (n == NULL)
		return;
	for (i = 0; i < n->n; i++) {
		gt_fm_free(n->items[i]);
		if (n->keys != NULL)
			free(n->keys[i]);
	}
	free(n->items);
	free(n->keys);
	free(n->keylocs);
	free(n->used);
	free(n->value);
	free(n);
}

/* Attach child to the container on top of the stack. */
static void
attach(struct frame *top, struct gt_fm *child)
{
	struct gt_fm	*p = top->node;
	size_t		 cap = top->cap;

	p->items = gt_xgrow(p->items, &cap, p->n + 1, sizeof(*p->items));
	if (p->kind == GT_FM_MAP) {
		cap = top->cap;
		p->keys = gt_xgrow(p->keys, &cap, p->n + 1, sizeof(*p->keys));
		cap = top->cap;
		p->keylocs = gt_xgrow(p->keylocs, &cap, p->n + 1,
		    sizeof(*p->keylocs));
		cap = top->cap;
		p->used = gt_xgrow(p->used, &cap, p->n + 1, sizeof(*p->used));
		p->keys[p->n] = top->key;
		p->keylocs[p->n] = top->keyloc;
		p->used[p->n] = 0;
		top->key = NULL;
	}
	top->cap = cap;
	p->items[p->n++] = child;
}

/* The kinds of text fault (gt_text_next) in text, as bits 1 << kind. */
static unsigned
text_kinds(const char *text, size_t len)
{
	struct gt_text_scan	 t;
	enum gt_text_fault	 f;
	unsigned long		 cp;
	unsigned		 kinds = 0;
	int			 line, col;

	gt_text_scan(&t, text, len);
	while ((f = gt_text_next(&t, &line, &col, &cp)) != GT_TEXT_END)
		kinds |= 1u << f;
	return kinds;
}

struct gt_fm *
gt_fm_parse(const char *text, size_t len, const char *file, int first_line,
    struct gt_diag *diag)
{
	yaml_parser_t	 parser;
	yaml_event_t	 ev;
	struct frame	 stack[GT_MAX_DEPTH + 1];
	struct gt_fm	*root = NULL, *n;
	struct gt_loc	 loc;
	size_t		 depth = 0, i;
	int		 done = 0, failed = 0;
	/* Kinds the text holds as written are reported with the file. */
	unsigned	 raw = text_kinds(text, len), found;

	memset(stack, 0, sizeof(stack));
	if (!yaml_parser_initialize(&parser)) {
		fputs("goldthread: out of memory\n", stderr);
		abort();
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	while (!done) {
		if (!yaml_parser_parse(&parser, &ev)) {
			loc.file = file;
			loc.line = (int)parser.problem_mark.line + first_line;
			loc.col = (int)parser.problem_mark.column + 1;
			if (parser.context != NULL)
				gt_msg(diag, GT_E_YAML, &loc, "%s %s that starts at "
				    "line %d", parser.problem, parser.context,
				    (int)parser.context_mark.line + first_line);
			else
				gt_msg(diag, GT_E_YAML, &loc, "%s", parser.problem ?
				    parser.problem : "cannot parse");
			failed = 1;
			break;
		}
		loc.file = file;
		loc.line = (int)ev.start_mark.line + first_line;
		loc.col = (int)ev.start_mark.column + 1;
		n = NULL;
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
			done = 1;
			break;
		case YAML_DOCUMENT_START_EVENT:
			if (root != NULL) {
				gt_msg(diag, GT_E_YAML, &loc,
				    "only one YAML document is allowed");
				failed = done = 1;
			}
			break;
		case YAML_ALIAS_EVENT:
			gt_msg(diag, GT_E_YAML, &loc,
			    "aliases (*name) are not supported");
			failed = done = 1;
			break;
		case YAML_SCALAR_EVENT:
			if (ev.data.scalar.anchor != NULL) {
				gt_msg(diag, GT_E_YAML, &loc,
				    "anchors (&name) are not supported");
				failed = done = 1;
				break;
			}
			if (ev.data.scalar.length > (size_t)GT_MAX_FIELD_BYTES) {
				gt_msg(diag, GT_E_LIMIT, &loc, "value longer than "
				    "%ld bytes", (long)GT_MAX_FIELD_BYTES);
				failed = done = 1;
				break;
			}
			/* What escapes make ("\\e", "\\uFFFF") must be text too. */
			if (ev.data.scalar.style ==
			    YAML_DOUBLE_QUOTED_SCALAR_STYLE) {
				found = raw;
				gt_text_check((const char *)ev.data.scalar.value,
				    ev.data.scalar.length, &loc, &found,
				    gt_report_msg, diag);
			}
			if (depth > 0 && stack[depth - 1].node->kind ==
			    GT_FM_MAP && stack[depth - 1].key == NULL) {
				stack[depth - 1].key = gt_xstrndup(
				    (char *)ev.data.scalar.value,
				    ev.data.scalar.length);
				stack[depth - 1].keyloc = loc;
				break;
			}
			n = node_new(GT_FM_SCALAR, file, &ev.start_mark,
			    first_line, diag);
			n->value = gt_xstrndup((char *)ev.data.scalar.value,
			    ev.data.scalar.length);
			n->plain = ev.data.scalar.style ==
			    YAML_PLAIN_SCALAR_STYLE;
			break;
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT:
			if (depth > 0 && stack[depth - 1].node->kind ==
			    GT_FM_MAP && stack[depth - 1].key == NULL) {
				gt_msg(diag, GT_E_YAML, &loc,
				    "field names must be plain text");
				failed = done = 1;
				break;
			}
			if (depth == GT_MAX_DEPTH) {
				gt_msg(diag, GT_E_LIMIT, &loc, "nested deeper than "
				    "%d levels", GT_MAX_DEPTH);
				failed = done = 1;
				break;
			}
			n = node_new(ev.type == YAML_SEQUENCE_START_EVENT ?
			    GT_FM_SEQ : GT_FM_MAP, file, &ev.start_mark,
			    first_line, diag);
			if (depth > 0)
				attach(&stack[depth - 1], n);
			else
				root = n;
			stack[depth].node = n;
			stack[depth].cap = 0;
			stack[depth].key = NULL;
			depth++;
			n = NULL;
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			depth--;
			break;
		default:
			break;
		}
		yaml_event_delete(&ev);
		if (n != NULL) {
			if (depth > 0)
				attach(&stack[depth - 1], n);
			else if (root == NULL)
				root = n;
			else
				gt_fm_free(n);
		}
	}
	for (i = 0; i < depth; i++)
		free(stack[i].key);
	yaml_parser_delete(&parser);
	if (failed) {
		gt_fm_free(root);
		return NULL;
	}
	if (root == NULL) {
		/* An empty front matter is an empty map. */
		root = gt_xcalloc(1, sizeof(*root));
		root->kind = GT_FM_MAP;
		root->diag = diag;
		root->loc.file = file;
		root->loc.line = first_line;
		root->loc.col = 1;
	}
	return root;
}

struct gt_fm *
gt_fm_get(struct gt_fm *map, const char *key)
{
	struct gt_fm	*found = NULL;
	size_t		 i;

	if (map == NULL || map->kind != GT_FM_MAP)
		return NULL;
	for (i = 0; i < map->n; i++) {
		if (strcmp(map->keys[i], key) != 0)
			continue;
		map->used[i] = 1;
		if (found == NULL)
			found = map->items[i];
		else
			gt_msg(map->diag, GT_E_FIELD_TWICE, &map->keylocs[i], "%s", key);
	}
	return found;
}

void
gt_fm_unused(const struct gt_fm *map)
{
	size_t	 i;

	for (i = 0; i < map->n; i++)
		if (!map->used[i])
			gt_msg(map->diag, GT_W_UNKNOWN_FIELD, &map->keylocs[i], "%s",
			    map->keys[i]);
}

int
gt_fm_is_null(const struct gt_fm *n)
{
	return n->kind == GT_FM_SCALAR && n->plain &&
	    (n->value[0] == '\0' || strcmp(n->value, "~") == 0 ||
	    strcmp(n->value, "null") == 0 || strcmp(n->value, "Null") == 0 ||
	    strcmp(n->value, "NULL") == 0);
}
