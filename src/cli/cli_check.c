/* cli_check.c: `diglot check [--repair]`: is the library whole? */
#include "diglot/common.h"
#include "diglot/cli.h"
#include "diglot/utf8.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct findings {
	bool file_damaged; /* pages or b-trees: repair cannot mend those */
};

static void print_problem(void *ctx, const char *part, const char *what)
{
	struct findings *f = ctx;
	if (strcmp(part, "file") == 0)
		f->file_damaged = true;
	/* a count names a source, which is article text */
	char *safe = utf8_sanitize(what, strlen(what), false);
	printf("%s: %s\n", part, safe);
	free(safe);
}

static int run_check(struct store *st, struct findings *f, int *problems)
{
	memset(f, 0, sizeof *f);
	if (store_check(st, print_problem, f, problems) != DG_OK)
		return cli_error(EXIT_FAIL, "check", "%s", store_error(st));
	return EXIT_OK;
}

static int verdict(struct store *st, int problems, const struct findings *f, bool repaired)
{
	if (problems == 0) {
		printf("%s: ok%s\n", store_path(st), repaired ? " (repaired)" : "");
		return EXIT_OK;
	}
	printf("%s: %d problem%s\n", store_path(st), problems, problems == 1 ? "" : "s");
	if (f->file_damaged)
		fprintf(stderr, "diglot: %s: the file itself is damaged; copy what can be read into a new "
		        "library (sqlite3 %s .recover | sqlite3 NEW.db) and import your files again into "
		        "a fresh one if that fails\n", store_path(st), store_path(st));
	else if (!repaired)
		fprintf(stderr, "diglot: %s: 'diglot check --repair' rebuilds the search index and the counts\n",
		        store_path(st));
	return EXIT_FAIL;
}

int cmd_check(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {{"repair", no_argument, NULL, 'r'}, {NULL, 0, NULL, 0}};
	bool repair = false;
	int o;
	for (bool first = true; (o = cli_getopt(argc, argv, opts, first)) != -1; first = false) {
		if (o == 'r')
			repair = true;
		else
			return cli_option_error("check", o, argv);
	}
	if (optind < argc)
		return cli_error(EXIT_USAGE, "check", "unexpected argument '%s'", argv[optind]);
	/* Opened for reading first, so that a read-only library is checked,
	 * and --repair on one is refused as such, not taken for damage. */
	struct store *st = cli_store_read(c);
	if (st && repair && store_readonly(st)) {
		fprintf(stderr, "diglot: cannot write %s: the library is read-only\n", store_path(st));
		return EXIT_FAIL;
	}
	if (!st) {
		char *path = store_default_path(c->db_option);
		fprintf(stderr, "diglot: %s: cannot be checked or repaired in place; if it is damaged, copy "
		        "what can be read into a new library (sqlite3 %s .recover | sqlite3 NEW.db)\n", path, path);
		free(path);
		return EXIT_FAIL;
	}
	if (store_readonly(st))
		fprintf(stderr, "diglot: %s: the library is read-only: the search index is not checked\n",
		        store_path(st));
	struct findings f;
	int problems, rc = run_check(st, &f, &problems);
	if (rc != EXIT_OK || !repair || problems == 0)
		return rc != EXIT_OK ? rc : verdict(st, problems, &f, false);
	if (store_repair(st) != DG_OK)
		return cli_error(EXIT_FAIL, "check", "repair failed, nothing changed: %s", store_error(st));
	printf("repaired: search index rebuilt, counts recounted; checking again\n");
	rc = run_check(st, &f, &problems);
	return rc != EXIT_OK ? rc : verdict(st, problems, &f, true);
}
