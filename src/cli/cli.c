/*
 * cli.c: global options, the command table, help and errors.  Each
 * command lives in its own cli_*.c file and uses the same store and text
 * functions as the reader.
 */
#include "diglot/common.h"
#include "diglot/cli.h"

#include <getopt.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct cli_command {
	const char *name;
	int (*fn)(struct cli *c, int argc, char **argv);
	const char *usage;
	const char *help;
};

static const struct cli_command commands[] = {
	{"browse", cmd_browse, "browse [--theme NAME|PATH]",
	 "Open the reader on the library."},
	{"import", cmd_import, "import [--source NAME] PATH...",
	 "Import files and folders (recursively); '-' reads one article from stdin.\n"
	 "Prints: imported N, updated N, unchanged N, failed N."},
	{"list", cmd_list, "list [FILTERS] [--format tsv|json] [--limit N] [--order date|title|source]",
	 "List articles, newest first."},
	{"search", cmd_search, "search QUERY [FILTERS] [--format tsv|json] [--limit N]",
	 "Search titles and text, best match first (default limit 100).\n"
	 "Words are all required; \"a phrase\" in order; -word excludes; a OR b either;\n"
	 "a word ending in '*' is a prefix.  Everything else is searched as text."},
	{"show", cmd_show,
	 "show ID [--view auto|original|side-by-side|left|right|LANG] [--width N] [--format text|json]"
	 " [--beside ID2]",
	 "Print one article as the reader's pager shows it, or as JSON.\n"
	 "--beside ID2: the two articles in two columns, corresponding paragraphs side by side."},
	{"stories", cmd_stories, "stories [--format tsv|json]",
	 "One story a line (articles about one event, linked at import): id, languages,\n"
	 "articles, title of the earliest (tsv: with a header).  list --story ID lists one."},
	{"unlink", cmd_unlink, "unlink ID...",
	 "Take articles out of their story; the broken links are never made again."},
	{"bookmark", cmd_flag, "bookmark ID...", "Bookmark articles."},
	{"unbookmark", cmd_flag, "unbookmark ID...", "Remove bookmarks."},
	{"read", cmd_flag, "read ID...", "Mark articles read."},
	{"unread", cmd_flag, "unread ID...", "Mark articles unread."},
	{"delete", cmd_delete, "delete ID...",
	 "Remove articles from the library (text, search index, state); their files are not touched."},
	{"langs", cmd_groups, "langs [--format tsv|json]",
	 "One language a line: code, articles, unread (tsv: with a header)."},
	{"sources", cmd_groups, "sources [--format tsv|json]",
	 "One source a line: name, articles, unread (tsv: with a header)."},
	{"stats", cmd_stats, "stats [--format tsv|json]",
	 "Library path, counts and size (tsv, json: sizes in exact bytes)."},
	{"check", cmd_check, "check [--repair]",
	 "Check the library: the file, the search index against the articles, the counts.\n"
	 "Lists each problem and exits 1 if there is one; --repair rebuilds the index and counts."},
	{"add", cmd_add, "add URL [--title T] [--category C] [--full]",
	 "Subscribe to the feed (RSS, Atom, JSON Feed) at URL; 'diglot fetch' fetches it.\n"
	 "--full: its teasers are always completed from their pages, as by 'fetch --full'."},
	{"feeds", cmd_feeds, "feeds [--format tsv|json] | feeds --full on|off ID|URL...",
	 "One feed a line: id, url, title, category, articles, unread, last status, last error,\n"
	 "last fetched, full (tsv: with a header).  --full on|off: whether fetch always\n"
	 "completes the named feeds' teasers from their pages."},
	{"remove", cmd_remove, "remove ID|URL... [--articles]",
	 "Unsubscribe; the feed's articles stay in the library unless --articles."},
	{"fetch", cmd_fetch, "fetch [ID|URL...] [--jobs N] [--full] [--quiet]",
	 "Fetch every feed (or those named), at most N at once (default 32), and store new and\n"
	 "changed items.  Prints: fetched N, new N, updated N, not modified N, failed N;\n"
	 "one stderr line per failed feed; exits 1 if one failed.  --full: items that are\n"
	 "only a teaser are completed from their pages (completed N from their pages,\n"
	 "failed N); without it, those of the feeds set full (feeds --full on).\n"
	 "--quiet: no summary."},
	{"opml", cmd_opml, "opml import FILE | opml export [FILE]",
	 "Subscribe to the feeds of an OPML file (folders become categories), or write the\n"
	 "subscriptions as OPML 2.0 (to stdout without FILE)."},
};

static const char filters_help[] =
	"FILTERS: --lang CODE  --source NAME  --unread  --read  --bookmarked  --bilingual  --story ID\n";

int cli_error(int status, const char *what, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "diglot: %s: ", what);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return status;
}

int cli_getopt(int argc, char **argv, const struct option *opts, bool first)
{
	if (first) {
		opterr = 0; /* errors are reported by cli_option_error */
		optind = 1;
	}
	return getopt_long(argc, argv, ":", opts, NULL);
}

/* The argument getopt was reading when it stopped on optopt: inside a
 * cluster ("-harbour") optind has not moved on yet, after its last
 * letter it has. */
static const char *option_arg(char **argv)
{
	const char *prev = argv[optind - 1];
	if (optopt && prev[0] == '-' && prev[1] != '-' && strchr(prev + 1, optopt) &&
	    prev[strlen(prev) - 1] == optopt)
		return prev;
	return optopt && argv[optind] && argv[optind][0] == '-' ? argv[optind] : prev;
}

int cli_option_error(const char *cmd, int o, char **argv)
{
	const char *arg = option_arg(argv);
	if (o == ':')
		return cli_error(EXIT_USAGE, cmd, "option '%s' needs a value", arg);
	if (optopt && strlen(arg) > 2 && arg[1] != '-')
		return cli_error(EXIT_USAGE, cmd, "unknown option '-%c' in '%s' (put '--' before an argument that starts with '-')",
		                 optopt, arg);
	return cli_error(EXIT_USAGE, cmd, "unknown option '%s'", arg);
}

static struct store *open_store(struct cli *c, bool write)
{
	if (c->st)
		return c->st;
	char *path = store_default_path(c->db_option);
	char *err = NULL;
	if ((write ? store_open : store_open_read)(&c->st, path, &err) != DG_OK) {
		fprintf(stderr, "diglot: %s\n", err ? err : path);
		free(err);
		c->st = NULL;
	}
	free(path);
	return c->st;
}

struct store *cli_store(struct cli *c)
{
	return open_store(c, true);
}

struct store *cli_store_read(struct cli *c)
{
	return open_store(c, false);
}

static void usage(FILE *f)
{
	fputs("usage: diglot [--db PATH] [COMMAND [ARGS]]\n"
	      "       diglot --demo | --help | --version\n\n"
	      "A terminal reader for news articles in many languages, with\n"
	      "side-by-side translations.  Without a command, opens the reader.\n\n"
	      "Commands:\n", f);
	for (size_t i = 0; i < ARRAY_SIZE(commands); i++)
		fprintf(f, "  %s\n", commands[i].usage);
	fputs("  --demo [--theme NAME|PATH]  open the reader on the bundled sample library\n\n", f);
	fputs(filters_help, f);
	fputs("\nLibrary: --db PATH, else $DIGLOT_DB, else $XDG_DATA_HOME/diglot/library.db.\n"
	      "'diglot COMMAND --help' describes one command; man diglot has the rest.\n", f);
}

/* A usage error at the top level: one line pointing to --help, then the
 * error last, where a user's eye (and `tail -n 1`) finds it; 25 lines of
 * usage hid it. */
static int top_usage_error(const char *what, const char *why)
{
	fputs("usage: diglot [--db PATH] [COMMAND [ARGS]]; 'diglot --help' lists the commands\n", stderr);
	return cli_error(EXIT_USAGE, what, "%s", why);
}

/* `diglot COMMAND --help`: handled here so every command answers alike. */
static bool wants_help(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			return false;
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
			return true;
	}
	return false;
}

static int command_help(const struct cli_command *cmd)
{
	printf("usage: diglot [--db PATH] %s\n%s\n", cmd->usage, cmd->help);
	if (cmd->fn == cmd_list || cmd->fn == cmd_search)
		fputs(filters_help, stdout);
	return EXIT_OK;
}

int cli_main(int argc, char **argv)
{
	struct cli c = {NULL, "diglot", NULL};
	bool demo = false;
	int i = 1;

	setlocale(LC_ALL, "");
	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (strcmp(argv[i], "--db") == 0) {
			if (++i >= argc)
				return cli_error(EXIT_USAGE, "--db", "needs a PATH");
			c.db_option = argv[i];
		} else if (strncmp(argv[i], "--db=", 5) == 0) {
			c.db_option = argv[i] + 5;
		} else if (strcmp(argv[i], "--demo") == 0) {
			demo = true;
		} else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			usage(stdout);
			return EXIT_OK;
		} else if (strcmp(argv[i], "--version") == 0 || strcmp(argv[i], "-V") == 0) {
			printf("diglot %s\n", PACKAGE_VERSION);
			return EXIT_OK;
		} else if (strcmp(argv[i], "--theme") == 0 || strncmp(argv[i], "--theme=", 8) == 0) {
			break; /* a browse option given without the word browse */
		} else {
			return top_usage_error(argv[i], "unknown option");
		}
	}

	int status;
	if (demo) {
		status = cli_demo(&c, argc - i, argv + i);
	} else if (i >= argc || argv[i][0] == '-') {
		/* No command: browse, passing any browse options on. */
		char **bargv = xcalloc((size_t)(argc - i + 2), sizeof *bargv);
		bargv[0] = (char *)"browse";
		for (int k = i; k < argc; k++)
			bargv[k - i + 1] = argv[k];
		status = wants_help(argc - i + 1, bargv) ? command_help(&commands[0])
		                                          : cmd_browse(&c, argc - i + 1, bargv);
		free(bargv);
	} else {
		const struct cli_command *cmd = NULL;
		for (size_t k = 0; k < ARRAY_SIZE(commands); k++)
			if (strcmp(argv[i], commands[k].name) == 0)
				cmd = &commands[k];
		if (!cmd)
			return top_usage_error(argv[i], "unknown command");
		status = wants_help(argc - i, argv + i) ? command_help(cmd)
		                                        : cmd->fn(&c, argc - i, argv + i);
	}
	store_close(&c.st);
	if (fflush(stdout) != 0 || ferror(stdout))
		return cli_error(EXIT_FAIL, "stdout", "write error");
	return status;
}
