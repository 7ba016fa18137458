/*
 * cli.h: the command line, whose contract is the COMMANDS section of
 * doc/diglot.1 (what scripts may rely on).  cli_main parses
 * global options and dispatches to one function per command, each in its
 * own cli_*.c file.  Exit status: 0 ok, 1 some input failed or an ID does
 * not exist, 2 usage error.
 */
#ifndef DIGLOT_CLI_H
#define DIGLOT_CLI_H

#include "diglot/sbuf.h"
#include "diglot/store.h"

enum { EXIT_OK = 0, EXIT_FAIL = 1, EXIT_USAGE = 2 };

/* Shared state of one invocation. */
struct cli {
	const char *db_option; /* --db PATH or NULL */
	const char *prog;      /* "diglot" */
	struct store *st;      /* opened lazily by cli_store() */
};

int cli_main(int argc, char **argv);

/* The fetcher the reader runs feeds with (import_fetch.h on a thread). */
struct ui_fetch_ops;
extern const struct ui_fetch_ops cli_fetch_ops;

/* Open the library once; prints the error and returns NULL on failure. */
struct store *cli_store(struct cli *c);
/* The same for a command that only reads: a library the user cannot
 * write opens read-only (store_open_read). */
struct store *cli_store_read(struct cli *c);

/* Run fn on each article ID of argv[1..] (after an optional "--"), every
 * ID checked before any is touched; DG_NOTFOUND is said as missing ("no
 * such article"), any other failure with the store's error.  argv[0] is
 * the command's name.  Returns the exit status. */
typedef enum dg_status (*cli_id_fn)(struct store *st, int64_t id, void *ctx);
int cli_for_ids(struct cli *c, int argc, char **argv, cli_id_fn fn, void *ctx, const char *missing);

/* "diglot: <what>: <why>" on stderr; returns status for `return cli_error(...)`. */
int cli_error(int status, const char *what, const char *fmt, ...) DG_PRINTF(3, 4);

/* The commands; argv[0] is the command name. */
int cmd_import(struct cli *c, int argc, char **argv);
int cmd_list(struct cli *c, int argc, char **argv);
int cmd_search(struct cli *c, int argc, char **argv);
int cmd_show(struct cli *c, int argc, char **argv);
int cmd_flag(struct cli *c, int argc, char **argv); /* bookmark, unbookmark, read, unread */
int cmd_delete(struct cli *c, int argc, char **argv);
int cmd_groups(struct cli *c, int argc, char **argv); /* langs, sources */
int cmd_stats(struct cli *c, int argc, char **argv);
int cmd_browse(struct cli *c, int argc, char **argv);
int cmd_check(struct cli *c, int argc, char **argv);
/* The feeds (cli_feeds.c). */
int cmd_add(struct cli *c, int argc, char **argv);
int cmd_feeds(struct cli *c, int argc, char **argv);
int cmd_remove(struct cli *c, int argc, char **argv);
int cmd_fetch(struct cli *c, int argc, char **argv);
int cmd_opml(struct cli *c, int argc, char **argv); /* opml import FILE, opml export [FILE] */
int cmd_stories(struct cli *c, int argc, char **argv);
int cmd_unlink(struct cli *c, int argc, char **argv);
/* --demo: the bundled samples imported into a cache library, then browse. */
int cli_demo(struct cli *c, int argc, char **argv);

/* Output of one list row, shared by list, search and show. */
enum cli_format { FORMAT_TSV, FORMAT_JSON, FORMAT_TEXT };
void cli_tsv_header(void);
void cli_item_tsv(const struct store_item *it);
/* One TSV cell: terminal-safe, tabs and newlines as spaces. */
void cli_tsv_field(const char *s);
/* A command whose one option is --format tsv|json (FORMAT_TEXT without). */
int cli_parse_format_only(int argc, char **argv, enum cli_format *fmt);
/* The JSON fields of a row, without the braces, appended to b. */
void cli_item_json_fields(struct sbuf *b, const struct store_item *it, bool *first);

/* getopt_long over a command's own options, from argv[1] on the first
 * call (first = true); -1 at the end.  Errors come back as ':' (value
 * missing) or '?' (unknown option) for cli_option_error. */
struct option;
int cli_getopt(int argc, char **argv, const struct option *opts, bool first);
/* The usage error for ':' or '?' from cli_getopt; returns EXIT_USAGE. */
int cli_option_error(const char *cmd, int o, char **argv);

/* Parse an article ID ("42"); false when it is not one. */
bool cli_parse_id(const char *s, int64_t *id);

#endif
