/* cli_state.c: bookmark, unbookmark, read, unread, delete: changes by ID. */
#include "diglot/common.h"
#include "diglot/cli.h"

#include <inttypes.h>
#include <string.h>

int cmd_flag(struct cli *c, int argc, char **argv)
{
	const char *cmd = argv[0];
	enum store_flag flag = strstr(cmd, "bookmark") ? FLAG_BOOKMARKED : FLAG_READ;
	int value = strncmp(cmd, "un", 2) != 0;
	int status = EXIT_OK;

	/* `bookmark -- 3`: '--' ends the options as for every other command
	 * (these take none), so a script that always writes it works. */
	if (argc > 1 && strcmp(argv[1], "--") == 0) {
		argv[1] = argv[0];
		argv++;
		argc--;
	}
	if (argc < 2)
		return cli_error(EXIT_USAGE, cmd, "needs at least one article ID");
	/* Check every ID first: a typo must not leave half the work done. */
	for (int i = 1; i < argc; i++) {
		int64_t id;
		if (!cli_parse_id(argv[i], &id))
			return cli_error(EXIT_USAGE, cmd, "'%s' is not an article ID", argv[i]);
	}
	struct store *st = cli_store(c);
	if (!st)
		return EXIT_FAIL;
	for (int i = 1; i < argc; i++) {
		int64_t id;
		cli_parse_id(argv[i], &id);
		int rc = store_set_flag(st, id, flag, value, NULL);
		if (rc == DG_NOTFOUND)
			status = cli_error(EXIT_FAIL, argv[i], "no such article");
		else if (rc != DG_OK)
			status = cli_error(EXIT_FAIL, argv[i], "%s", store_error(st));
	}
	return status;
}

/* delete ID...: the articles leave the library (text, index entries,
 * state); the files they came from are not touched. */
int cmd_delete(struct cli *c, int argc, char **argv)
{
	int status = EXIT_OK, first = 1;
	if (argc > 1 && strcmp(argv[1], "--") == 0)
		first = 2;
	if (argc <= first)
		return cli_error(EXIT_USAGE, "delete", "needs at least one article ID");
	/* Every ID first: a typo must not leave half the work done. */
	for (int i = first; i < argc; i++) {
		int64_t id;
		if (!cli_parse_id(argv[i], &id))
			return cli_error(EXIT_USAGE, "delete", "'%s' is not an article ID", argv[i]);
	}
	struct store *st = cli_store(c);
	if (!st)
		return EXIT_FAIL;
	for (int i = first; i < argc; i++) {
		int64_t id;
		cli_parse_id(argv[i], &id);
		int rc = store_delete(st, id);
		if (rc == DG_NOTFOUND)
			status = cli_error(EXIT_FAIL, argv[i], "no such article");
		else if (rc != DG_OK)
			status = cli_error(EXIT_FAIL, argv[i], "%s", store_error(st));
	}
	return status;
}
