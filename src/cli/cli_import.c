/*
 * cli_import.c: `diglot import`, `browse` and `--demo`: the commands that
 * fill the library or open the reader on it.
 */
#include "diglot/common.h"
#include "diglot/cli.h"
#include "diglot/datadir.h"
#include "diglot/import.h"
#include "diglot/ui.h"
#include "diglot/utf8.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define PROGRESS_DELAY_NS 300000000LL /* draw no bar for imports faster than this */

struct progress {
	bool tty;
	bool drawn;
	int64_t start_ns, last_ns;
};

static int64_t now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void clear_bar(struct progress *p)
{
	if (p->drawn) {
		fputs("\r\033[K", stderr);
		p->drawn = false;
	}
}

static void on_error(void *ctx, const char *path, int line, const char *why)
{
	(void)line; /* import reports whole files */
	clear_bar(ctx);
	char *safe = utf8_sanitize(path, strlen(path), false);
	fprintf(stderr, "diglot: %s: %s\n", safe, why);
	free(safe);
}

static void on_notice(void *ctx, const char *path, int line, const char *why)
{
	(void)line;
	clear_bar(ctx);
	char *safe = utf8_sanitize(path, strlen(path), false);
	fprintf(stderr, "diglot: %s: skipped: %s\n", safe, why);
	free(safe);
}

static void on_progress(void *ctx, size_t done, size_t total)
{
	struct progress *p = ctx;
	if (!p->tty || !total)
		return;
	int64_t t = now_ns();
	if (t - p->start_ns < PROGRESS_DELAY_NS || (t - p->last_ns < 50000000LL && done < total))
		return;
	p->last_ns = t;
	const int barw = 30;
	int fill = (int)((double)done / (double)total * barw);
	fprintf(stderr, "\rimporting [%.*s%*s] %zu/%zu", fill, "##############################",
	        barw - fill, "", done, total);
	p->drawn = true;
	if (done == total)
		clear_bar(p);
}

static int import_run(struct cli *c, char **paths, size_t n, const char *source, bool quiet)
{
	struct store *st = cli_store(c);
	if (!st)
		return EXIT_FAIL;
	struct progress prog = {isatty(STDERR_FILENO) && !quiet, false, now_ns(), 0};
	struct import_opts o = {.source = source, .on_error = on_error, .on_notice = on_notice,
	                        .on_progress = on_progress, .ctx = &prog};
	/* URLs are fetched, the rest opened as files and folders */
	char **files = xcalloc(n + 1, sizeof *files), **urls = xcalloc(n + 1, sizeof *urls);
	size_t nf = 0, nu = 0;
	for (size_t i = 0; i < n; i++)
		if (import_is_url(paths[i]))
			urls[nu++] = paths[i];
		else
			files[nf++] = paths[i];
	struct import_stats s = {0};
	int rc = nf ? import_paths(st, files, nf, &o, &s) : DG_OK;
	if (nu && import_urls(st, urls, nu, &o, &s) != DG_OK)
		rc = DG_ERR;
	free(files);
	free(urls);
	clear_bar(&prog);
	if (!quiet)
		printf("imported %lu, updated %lu, unchanged %lu, failed %lu\n",
		       s.imported, s.updated, s.unchanged, s.failed);
	return rc == DG_OK ? EXIT_OK : EXIT_FAIL;
}

int cmd_import(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{"source", required_argument, NULL, 's'},
		{NULL, 0, NULL, 0},
	};
	const char *source = NULL;
	int o;
	for (bool first = true; (o = cli_getopt(argc, argv, opts, first)) != -1; first = false) {
		if (o != 's')
			return cli_option_error("import", o, argv);
		source = optarg;
	}
	if (optind >= argc)
		return cli_error(EXIT_USAGE, "import", "needs at least one PATH (or '-' for stdin)");
	int stdin_count = 0;
	for (int i = optind; i < argc; i++)
		stdin_count += strcmp(argv[i], "-") == 0;
	if (stdin_count > 1)
		return cli_error(EXIT_USAGE, "import", "'-' (stdin) can be given once");
	return import_run(c, argv + optind, (size_t)(argc - optind), source, false);
}

static int parse_browse(int argc, char **argv, struct ui_opts *uo)
{
	static const struct option opts[] = {
		{"theme", required_argument, NULL, 't'},
		{NULL, 0, NULL, 0},
	};
	int o;
	for (bool first = true; (o = cli_getopt(argc, argv, opts, first)) != -1; first = false) {
		if (o != 't')
			return cli_option_error("browse", o, argv);
		uo->theme = optarg;
	}
	if (optind < argc)
		return cli_error(EXIT_USAGE, "browse", "unexpected argument '%s'", argv[optind]);
	return EXIT_OK;
}

int cmd_browse(struct cli *c, int argc, char **argv)
{
	struct ui_opts uo = {NULL, NULL, &cli_fetch_ops};
	int rc = parse_browse(argc, argv, &uo);
	if (rc != EXIT_OK)
		return rc;
	/* The terminal first: a reader that cannot start must not create
	 * the library on its way to saying so. */
	if (ui_check_terminal() < 0)
		return EXIT_FAIL;
	struct store *st = cli_store(c);
	if (!st)
		return EXIT_FAIL;
	return ui_run(st, &uo);
}

/* The bundled samples: $DIGLOT_SAMPLES, else datadir.h's folder. */
static char *samples_dir(void)
{
	const char *env = getenv("DIGLOT_SAMPLES");
	if (env && *env)
		return xstrdup(env);
	return datadir_find("samples");
}

/* The demo library lives in the cache folder, apart from the user's own. */
static char *demo_db_path(void)
{
	const char *cache = getenv("XDG_CACHE_HOME");
	const char *home = getenv("HOME");
	if (cache && *cache)
		return xasprintf("%s/diglot/demo.db", cache);
	if (home && *home)
		return xasprintf("%s/.cache/diglot/demo.db", home);
	return xstrdup("/tmp/diglot-demo.db");
}

int cli_demo(struct cli *c, int argc, char **argv)
{
	struct ui_opts uo = {NULL, NULL, &cli_fetch_ops};
	char *bargv[] = {(char *)"browse", NULL, NULL, NULL};
	if (argc > 2)
		return cli_error(EXIT_USAGE, "--demo", "unexpected argument '%s'", argv[argc - 1]);
	for (int i = 0; i < argc; i++)
		bargv[i + 1] = argv[i];
	int rc = parse_browse(argc + 1, bargv, &uo);
	if (rc != EXIT_OK)
		return rc;
	if (ui_check_terminal() < 0)
		return EXIT_FAIL;
	char *dir = samples_dir();
	if (!dir)
		return cli_error(EXIT_FAIL, "--demo", "the sample library is not installed (set DIGLOT_SAMPLES)");
	char *db = demo_db_path();
	c->db_option = db;
	char *paths[] = {(char *)dir};
	rc = import_run(c, paths, 1, NULL, true);
	if (c->st)
		rc = ui_run(c->st, &uo);
	store_close(&c->st);
	free(db);
	free(dir);
	return rc;
}
