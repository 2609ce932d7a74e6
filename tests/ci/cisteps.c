/*
 * cisteps: the commands of a CI recipe, read as its CI reads them (with
 * libyaml), into one shell script a step for tests/ci/run.sh to run.
 *
 *   cisteps github WORKFLOW.yml OUTDIR   each job's steps' run: (but the
 *                                        step with id: install)
 *   cisteps gitlab .gitlab-ci.yml OUTDIR each job's script:, one script
 *
 * OUTDIR/1.sh, 2.sh, ... are written in order; exits 1 if the file is
 * not YAML of that shape or has no command.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

static yaml_document_t	 doc;
static const char	*outdir;
static int		 nsteps;

/* The value of key in mapping node n, or NULL. */
static yaml_node_t *
get(yaml_node_t *n, const char *key)
{
	yaml_node_pair_t	*p;
	yaml_node_t		*k;

	if (n == NULL || n->type != YAML_MAPPING_NODE)
		return NULL;
	for (p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top;
	    p++) {
		k = yaml_document_get_node(&doc, p->key);
		if (k->type == YAML_SCALAR_NODE &&
		    strcmp((char *)k->data.scalar.value, key) == 0)
			return yaml_document_get_node(&doc, p->value);
	}
	return NULL;
}

static const char *
scalar(yaml_node_t *n)
{
	return n != NULL && n->type == YAML_SCALAR_NODE ?
	    (const char *)n->data.scalar.value : NULL;
}

static FILE *
step_file(void)
{
	char	 path[4096];
	FILE	*f;

	snprintf(path, sizeof(path), "%s/%d.sh", outdir, ++nsteps);
	if ((f = fopen(path, "w")) == NULL) {
		perror(path);
		exit(1);
	}
	return f;
}

static void
github(yaml_node_t *root)
{
	yaml_node_t		*jobs = get(root, "jobs"), *steps, *job, *s;
	yaml_node_pair_t	*p;
	yaml_node_item_t	*i;
	const char		*run, *id;
	FILE			*f;

	if (jobs == NULL || jobs->type != YAML_MAPPING_NODE)
		return;
	for (p = jobs->data.mapping.pairs.start;
	    p < jobs->data.mapping.pairs.top; p++) {
		job = yaml_document_get_node(&doc, p->value);
		if ((steps = get(job, "steps")) == NULL ||
		    steps->type != YAML_SEQUENCE_NODE)
			continue;
		for (i = steps->data.sequence.items.start;
		    i < steps->data.sequence.items.top; i++) {
			s = yaml_document_get_node(&doc, *i);
			run = scalar(get(s, "run"));
			id = scalar(get(s, "id"));
			if (run == NULL || (id != NULL &&
			    strcmp(id, "install") == 0))
				continue;
			f = step_file();
			fprintf(f, "%s\n", run);
			fclose(f);
		}
	}
}

static void
gitlab(yaml_node_t *root)
{
	yaml_node_t		*script, *job;
	yaml_node_pair_t	*p;
	yaml_node_item_t	*i;
	const char		*line;
	FILE			*f;

	if (root == NULL || root->type != YAML_MAPPING_NODE)
		return;
	for (p = root->data.mapping.pairs.start;
	    p < root->data.mapping.pairs.top; p++) {
		job = yaml_document_get_node(&doc, p->value);
		if ((script = get(job, "script")) == NULL ||
		    script->type != YAML_SEQUENCE_NODE)
			continue;
		f = step_file();
		for (i = script->data.sequence.items.start;
		    i < script->data.sequence.items.top; i++)
			if ((line = scalar(yaml_document_get_node(&doc, *i))) !=
			    NULL)
				fprintf(f, "%s\n", line);
		fclose(f);
	}
}

int
main(int argc, char *argv[])
{
	yaml_parser_t	 parser;
	FILE		*in;
	int		 ok;

	if (argc != 4 || (strcmp(argv[1], "github") != 0 &&
	    strcmp(argv[1], "gitlab") != 0)) {
		fputs("usage: cisteps github|gitlab FILE OUTDIR\n", stderr);
		return 2;
	}
	if ((in = fopen(argv[2], "r")) == NULL) {
		perror(argv[2]);
		return 1;
	}
	outdir = argv[3];
	yaml_parser_initialize(&parser);
	yaml_parser_set_input_file(&parser, in);
	ok = yaml_parser_load(&parser, &doc);
	fclose(in);
	if (!ok || yaml_document_get_root_node(&doc) == NULL) {
		fprintf(stderr, "cisteps: %s: not YAML: %s\n", argv[2],
		    parser.problem != NULL ? parser.problem : "empty");
		yaml_parser_delete(&parser);
		return 1;
	}
	if (strcmp(argv[1], "github") == 0)
		github(yaml_document_get_root_node(&doc));
	else
		gitlab(yaml_document_get_root_node(&doc));
	yaml_document_delete(&doc);
	yaml_parser_delete(&parser);
	if (nsteps == 0) {
		fprintf(stderr, "cisteps: %s: no commands\n", argv[2]);
		return 1;
	}
	return 0;
}
