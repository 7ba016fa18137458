/* cli_state.c: bookmark, unbookmark, read, unread, delete: changes by ID. */
#include "diglot/common.h"
#include "diglot/cli.h"

#include <inttypes.h>
#include <string.h>

int cli_for_ids(struct cli *c, int argc, char **argv, cli_id_fn fn, void *ctx, const char *missing)
{
	const char *cmd = argv[0];
	int status = EXIT_OK, first = 1;
	/* `bookmark -- 3`: '--' ends the options as for every other command
	 * (these take none), so a script that always writes it works. */
	if (argc > 1 && strcmp(argv[1], "--") == 0)
		first = 2;
	if (argc <= first)
		return cli_error(EXIT_USAGE, cmd, "needs at least one article ID");
	/* Check every ID first: a typo must not leave half the work done. */
	for (int i = first; i < argc; i++) {
		int64_t id;
		if (!cli_parse_id(argv[i], &id))
			return cli_error(EXIT_USAGE, cmd, "'%s' is not an article ID", argv[i]);
	}
	struct store *st = cli_store(c);
	if (!st)
		return EXIT_FAIL;
	for (int i = first; i < argc; i++) {
		int64_t id;
		cli_parse_id(argv[i], &id);
		enum dg_status rc = fn(st, id, ctx);
		if (rc == DG_NOTFOUND)
			status = cli_error(EXIT_FAIL, argv[i], "%s", missing);
		else if (rc != DG_OK)
			status = cli_error(EXIT_FAIL, argv[i], "%s", store_error(st));
	}
	return status;
}

struct flag_to {
	enum store_flag flag;
	int value;
};

static enum dg_status set_flag(struct store *st, int64_t id, void *ctx)
{
	const struct flag_to *f = ctx;
	return store_set_flag(st, id, f->flag, f->value, NULL);
}

int cmd_flag(struct cli *c, int argc, char **argv)
{
	struct flag_to f = {strstr(argv[0], "bookmark") ? FLAG_BOOKMARKED : FLAG_READ,
	                    strncmp(argv[0], "un", 2) != 0};
	return cli_for_ids(c, argc, argv, set_flag, &f, "no such article");
}

static enum dg_status delete_one(struct store *st, int64_t id, void *ctx)
{
	(void)ctx;
	return store_delete(st, id);
}

/* delete ID...: the articles leave the library (text, index entries,
 * state); the files they came from are not touched. */
int cmd_delete(struct cli *c, int argc, char **argv)
{
	return cli_for_ids(c, argc, argv, delete_one, NULL, "no such article");
}
