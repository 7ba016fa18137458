/*
 * cli_feeds.c: the feed commands: add, feeds, remove, fetch, opml.  fetch
 * is import_fetch.h's in the foreground, its progress on stderr.
 */
#include "diglot/common.h"
#include "diglot/cli.h"
#include "diglot/feed.h"
#include "diglot/fetch.h"
#include "diglot/files.h"
#include "diglot/html.h"
#include "diglot/import_fetch.h"
#include "diglot/import_full.h"
#include "diglot/json.h"
#include "diglot/opml.h"
#include "diglot/settings.h"
#include "diglot/store_feed.h"
#include "diglot/ui.h"
#include "diglot/utf8.h"

#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#define OPML_MAX_INPUT ((size_t)16 << 20)

static bool is_http_url(const char *s)
{
	size_t n = strncasecmp(s, "http://", 7) == 0 ? 7 : strncasecmp(s, "https://", 8) == 0 ? 8 : 0;
	return n && s[n] && s[n] != '/' && !strpbrk(s, " \t\r\n");
}

/* A line of outside text for stderr or stdout, terminal-safe. */
static void put_safe(FILE *f, const char *s)
{
	char *clean = utf8_sanitize(s, strlen(s), false);
	fputs(clean, f);
	free(clean);
}

static void put_tsv(const char *s)
{
	char *clean = utf8_sanitize(s, strlen(s), false);
	for (char *p = clean; *p; p++)
		if (*p == '\t' || *p == '\n' || *p == '\r')
			*p = ' ';
	fputs(clean, stdout);
	free(clean);
}

static const char *iso_date(int64_t t, char buf[32])
{
	time_t tt = (time_t)t;
	struct tm tm;
	buf[0] = '\0';
	if (t && gmtime_r(&tt, &tm))
		strftime(buf, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
	return buf;
}

/* The feed an argument names, by ID or exact URL, appended to rows;
 * DG_NOTFOUND (said on stderr) when there is none. */
static enum dg_status find_feed(struct store *st, const char *cmd, const char *arg,
                                struct store_feeds *rows)
{
	int64_t id = 0;
	enum dg_status rc;
	if (cli_parse_id(arg, &id))
		rc = store_feeds_read(st, id, rows);
	else if ((rc = store_feed_by_url(st, arg, &id)) == DG_OK)
		rc = store_feeds_read(st, id, rows);
	if (rc == DG_NOTFOUND) {
		fputs("diglot: ", stderr);
		put_safe(stderr, arg);
		fputs(": no such feed\n", stderr);
	} else if (rc != DG_OK)
		cli_error(EXIT_FAIL, cmd, "%s", store_error(st));
	return rc;
}

/* ---- add ---------------------------------------------------------------- */

struct probe {
	enum fetch_error error;
	long status;
	char *message, *body, *charset, *final_url;
	size_t len;
};

static void probe_done(void *ctx, const struct fetch_result *r)
{
	struct probe *p = ctx;
	p->error = r->error;
	p->status = r->status;
	p->message = xstrdup(r->message);
	p->body = xmalloc(r->body_len + 1);
	memcpy(p->body, r->body, r->body_len + 1); /* the body is NUL-terminated */
	p->len = r->body_len;
	p->charset = xstrdup(r->charset);
	p->final_url = xstrdup(r->final_url);
}

/*
 * What to subscribe to for url: url itself when it serves a feed, the
 * first feed a web page announces (<link rel="alternate">), or NULL with
 * the reason said when it serves neither.  A URL that cannot be fetched
 * now is subscribed as given (*note says why: the next fetch says it
 * again).
 */
static char *feed_for(const char *url, char **note)
{
	struct fetch_settings set = FETCH_SETTINGS_DEFAULT;
	struct fetch_request req = {url, NULL, NULL, NULL};
	struct probe p = {.error = FETCH_FAILED};
	struct fetcher *f = NULL;
	char *cause = NULL, *found = NULL;
	*note = NULL;
	if (fetch_new(&f, &set, &cause) != DG_OK || fetch_run(f, &req, 1, probe_done, NULL, &p, &cause) != DG_OK ||
	    !p.body) {
		*note = xasprintf("not checked: %s", cause ? cause : "no answer");
		found = xstrdup(url);
	} else if (p.error != FETCH_OK || p.status != 200) {
		*note = xasprintf("not checked: %s", p.message[0] ? p.message : "no feed served");
		found = xstrdup(url);
	} else {
		struct feed fd = {0};
		char *why = NULL;
		if (feed_parse(p.body, p.len, p.final_url, p.charset[0] ? p.charset : NULL, &fd, &why) == DG_OK) {
			found = xstrdup(url);
		} else if (html_sniff(p.body, p.len)) {
			struct html_link *links = NULL;
			size_t n = html_feed_links(p.body, p.len, p.final_url, p.charset[0] ? p.charset : NULL, &links);
			if (n) {
				found = xstrdup(links[0].url);
				*note = xasprintf("announced by %s", url);
			} else {
				fputs("diglot: add: ", stderr);
				put_safe(stderr, url);
				fputs(": a web page that announces no feed\n", stderr);
			}
			html_links_free(links, n);
		} else {
			fputs("diglot: add: ", stderr);
			put_safe(stderr, url);
			fputs(": ", stderr);
			put_safe(stderr, why ? why : "not a feed");
			fputc('\n', stderr);
		}
		free(why);
		feed_free(&fd);
	}
	free(cause);
	fetch_free(&f);
	free(p.message);
	free(p.body);
	free(p.charset);
	free(p.final_url);
	return found;
}

int cmd_add(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{"title", required_argument, NULL, 't'},
		{"category", required_argument, NULL, 'c'},
		{"full", no_argument, NULL, 'F'},
		{NULL, 0, NULL, 0},
	};
	const char *title = "", *category = "";
	bool full = false;
	int o;
	for (bool first = true; (o = cli_getopt(argc, argv, opts, first)) != -1; first = false) {
		if (o == 't')
			title = optarg;
		else if (o == 'c')
			category = optarg;
		else if (o == 'F')
			full = true;
		else
			return cli_option_error("add", o, argv);
	}
	if (optind + 1 != argc)
		return cli_error(EXIT_USAGE, "add", optind >= argc ? "needs a URL" : "takes one URL");
	const char *url = argv[optind];
	if (!is_http_url(url)) {
		fputs("diglot: add: '", stderr);
		put_safe(stderr, url);
		fputs("' is not an http or https URL\n", stderr);
		return EXIT_USAGE;
	}
	struct store *st = cli_store(c);
	if (!st)
		return EXIT_FAIL;
	char *note = NULL, *feed = feed_for(url, &note);
	if (!feed)
		return EXIT_FAIL;
	char *t = utf8_clean_line(title, strlen(title)), *cat = utf8_clean_line(category, strlen(category));
	int64_t id = 0;
	bool existed = false;
	enum dg_status rc = store_feed_add(st, feed, t, cat, &id, &existed);
	free(t);
	free(cat);
	/* --full: a feed subscribed already gets it too (its title stays) */
	if (rc == DG_OK && full)
		rc = store_feed_set_full(st, id, true);
	if (rc == DG_OK) {
		printf("%s feed %" PRId64 " ", existed ? "already subscribed:" : "added", id);
		put_safe(stdout, feed);
		if (note) {
			fputs(" (", stdout);
			put_safe(stdout, note);
			putchar(')');
		}
		if (full)
			fputs(", full pages on", stdout);
		putchar('\n');
	}
	free(feed);
	free(note);
	if (rc != DG_OK)
		return cli_error(EXIT_FAIL, "add", "%s", store_error(st));
	return EXIT_OK;
}

/* ---- feeds ---------------------------------------------------------------- */

static int print_feed(void *ctx, const struct store_feed *f)
{
	enum cli_format fmt = *(enum cli_format *)ctx;
	char date[32], next[32];
	iso_date(f->last_fetched, date);
	if (fmt == FORMAT_JSON) {
		struct sbuf b = SBUF_INIT;
		bool first = true;
		sbuf_addc(&b, '{');
		json_key(&b, "id", &first);
		sbuf_addf(&b, "%" PRId64, f->id);
		json_key(&b, "url", &first);
		json_string(&b, f->url);
		json_key(&b, "title", &first);
		json_string(&b, f->title);
		json_key(&b, "category", &first);
		json_string(&b, f->category);
		json_key(&b, "articles", &first);
		sbuf_addf(&b, "%" PRId64, f->articles);
		json_key(&b, "unread", &first);
		sbuf_addf(&b, "%" PRId64, f->unread);
		json_key(&b, "status", &first);
		sbuf_addf(&b, "%" PRId64, f->last_status);
		json_key(&b, "error", &first);
		json_string(&b, f->last_error);
		json_key(&b, "fetched", &first);
		if (date[0])
			json_string(&b, date);
		else
			sbuf_addstr(&b, "null");
		json_key(&b, "next_fetch", &first);
		if (*iso_date(f->next_fetch, next))
			json_string(&b, next);
		else
			sbuf_addstr(&b, "null");
		json_key(&b, "disabled", &first);
		sbuf_addstr(&b, f->disabled ? "true" : "false");
		json_key(&b, "full", &first);
		sbuf_addstr(&b, f->full ? "true" : "false");
		sbuf_addstr(&b, "}\n");
		fputs(sbuf_str(&b), stdout);
		sbuf_free(&b);
		return 0;
	}
	printf("%" PRId64 "\t", f->id);
	put_tsv(f->url);
	putchar('\t');
	put_tsv(f->title);
	putchar('\t');
	put_tsv(f->category);
	printf("\t%" PRId64 "\t%" PRId64 "\t%" PRId64 "\t", f->articles, f->unread, f->last_status);
	put_tsv(f->last_error);
	printf("\t%s\t%d\n", date, f->full);
	return 0;
}

/* feeds --full on|off ID|URL...: each named feed's setting. */
static int set_full(struct cli *c, int argc, char **argv, int first, bool on)
{
	if (first >= argc)
		return cli_error(EXIT_USAGE, "feeds", "--full needs a feed ID or URL");
	struct store *st = cli_store(c);
	if (!st)
		return EXIT_FAIL;
	int status = EXIT_OK;
	for (int i = first; i < argc; i++) {
		struct store_feeds rows = {0};
		if (find_feed(st, "feeds", argv[i], &rows) != DG_OK) {
			status = EXIT_FAIL;
			continue;
		}
		if (store_feed_set_full(st, rows.v[0].id, on) != DG_OK) {
			status = cli_error(EXIT_FAIL, "feeds", "%s", store_error(st));
		} else {
			printf("feed %" PRId64 " ", rows.v[0].id);
			put_safe(stdout, rows.v[0].url);
			printf(": full pages %s\n", on ? "on" : "off");
		}
		store_feeds_free(&rows);
	}
	return status;
}

int cmd_feeds(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{"format", required_argument, NULL, 'f'},
		{"full", required_argument, NULL, 'F'},
		{NULL, 0, NULL, 0},
	};
	enum cli_format fmt = FORMAT_TSV;
	int o, full = -1;
	for (bool first = true; (o = cli_getopt(argc, argv, opts, first)) != -1; first = false) {
		if (o == 'F') {
			if (strcmp(optarg, "on") != 0 && strcmp(optarg, "off") != 0)
				return cli_error(EXIT_USAGE, "feeds", "--full wants on or off, not '%s'", optarg);
			full = strcmp(optarg, "on") == 0;
			continue;
		}
		if (o != 'f')
			return cli_option_error("feeds", o, argv);
		if (strcmp(optarg, "tsv") == 0)
			fmt = FORMAT_TSV;
		else if (strcmp(optarg, "json") == 0)
			fmt = FORMAT_JSON;
		else
			return cli_error(EXIT_USAGE, "feeds", "unknown format '%s' (tsv or json)", optarg);
	}
	if (full >= 0)
		return set_full(c, argc, argv, optind, full);
	if (optind < argc)
		return cli_error(EXIT_USAGE, "feeds", "unexpected argument '%s'", argv[optind]);
	struct store *st = cli_store_read(c);
	if (!st)
		return EXIT_FAIL;
	if (fmt == FORMAT_TSV)
		fputs("id\turl\ttitle\tcategory\tarticles\tunread\tstatus\terror\tfetched\tfull\n", stdout);
	if (store_feed_list(st, 0, print_feed, &fmt) != DG_OK)
		return cli_error(EXIT_FAIL, "feeds", "%s", store_error(st));
	return EXIT_OK;
}

/* ---- remove --------------------------------------------------------------- */

int cmd_remove(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {{"articles", no_argument, NULL, 'a'}, {NULL, 0, NULL, 0}};
	bool articles = false;
	int o;
	for (bool first = true; (o = cli_getopt(argc, argv, opts, first)) != -1; first = false) {
		if (o != 'a')
			return cli_option_error("remove", o, argv);
		articles = true;
	}
	if (optind >= argc)
		return cli_error(EXIT_USAGE, "remove", "needs a feed ID or URL");
	struct store *st = cli_store(c);
	if (!st)
		return EXIT_FAIL;
	int status = EXIT_OK;
	for (int i = optind; i < argc; i++) {
		struct store_feeds rows = {0};
		if (find_feed(st, "remove", argv[i], &rows) != DG_OK) {
			status = EXIT_FAIL;
			continue;
		}
		int64_t removed = 0;
		if (store_feed_remove(st, rows.v[0].id, articles, &removed) != DG_OK) {
			status = cli_error(EXIT_FAIL, "remove", "%s", store_error(st));
		} else {
			printf("removed feed %" PRId64 " ", rows.v[0].id);
			put_safe(stdout, rows.v[0].url);
			if (articles)
				printf(" and %" PRId64 " article%s\n", removed, removed == 1 ? "" : "s");
			else
				printf(" (its %" PRId64 " article%s kept)\n", rows.v[0].articles,
				       rows.v[0].articles == 1 ? "" : "s");
		}
		store_feeds_free(&rows);
	}
	return status;
}

/* ---- fetch ---------------------------------------------------------------- */

/* The config file's fetch settings over fetch.h's defaults. */
static void fetch_settings_from(const struct settings *c, struct fetch_settings *set)
{
	if (c->fetch_jobs)
		set->jobs = c->fetch_jobs;
	if (c->fetch_per_host)
		set->per_host = c->fetch_per_host;
	if (c->fetch_timeout)
		set->timeout_ms = c->fetch_timeout * 1000L;
	if (c->fetch_connect_timeout)
		set->connect_timeout_ms = c->fetch_connect_timeout * 1000L;
	if (c->fetch_max_mib)
		set->max_body = (size_t)c->fetch_max_mib << 20;
	if (c->user_agent)
		set->user_agent = c->user_agent;
}

static void config_error(void *ctx, const char *file, int line, const char *why)
{
	(void)ctx;
	fputs("diglot: ", stderr);
	put_safe(stderr, file);
	fprintf(stderr, ":%d: ", line);
	put_safe(stderr, why);
	fputc('\n', stderr);
}

/* The config file's settings (its bad lines said on stderr). */
static void load_config(struct settings *s)
{
	settings_init(s);
	char *dir = settings_dir();
	if (dir) {
		char *path = xasprintf("%s/config", dir);
		settings_load(s, path, config_error, NULL);
		free(path);
		free(dir);
	}
}

struct fetch_ui {
	bool tty, drawn;
};

static void clear_progress(struct fetch_ui *u)
{
	if (u->drawn) {
		fputs("\r\033[K", stderr);
		u->drawn = false;
	}
}

static void on_progress(void *ctx, size_t done, size_t total)
{
	struct fetch_ui *u = ctx;
	if (!u->tty)
		return;
	fprintf(stderr, "\rfetching %zu/%zu", done, total);
	u->drawn = done < total;
	if (!u->drawn)
		fputs("\r\033[K", stderr);
}

static void on_fetch_error(void *ctx, const char *what, int line, const char *why)
{
	(void)line, (void)why;
	clear_progress(ctx);
	fputs("diglot: ", stderr);
	put_safe(stderr, what);
	fputc('\n', stderr);
}

static bool parse_jobs(const char *s, int *jobs)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < 1 || v > 256)
		return false;
	*jobs = (int)v;
	return true;
}

/* Fetch the feeds named by argv[first..argc), or every feed. */
/* A page that did not complete its teaser: "diglot: URL: why". */
static void on_full_error(void *ctx, const char *what, int line, const char *why)
{
	(void)ctx, (void)line;
	fputs("diglot: ", stderr);
	put_safe(stderr, what);
	fputs(": ", stderr);
	put_safe(stderr, why);
	fputc('\n', stderr);
}

/* --full: the teasers this fetch stored, completed from their pages;
 * full_only: those of the feeds set to be completed always. */
static int fetch_full(struct store *st, int64_t since, bool full_only, const struct fetch_settings *set,
                      bool quiet)
{
	struct import_full_stats fs;
	char *cause = NULL;
	int status = EXIT_OK;
	if (import_full(st, since, full_only, NULL, set, on_full_error, NULL, &fs, &cause) != DG_OK) {
		status = cli_error(EXIT_FAIL, "fetch", "%s", cause ? cause : "cannot complete");
		free(cause);
	}
	if (!quiet)
		printf("completed %lu from their pages, failed %lu\n", fs.completed, fs.failed);
	return fs.failed ? EXIT_FAIL : status;
}

/* Is one of the feeds named (rows), or of every feed (none named), set full? */
static bool any_full(struct store *st, const struct store_feeds *named)
{
	struct store_feeds every = {0};
	const struct store_feeds *rows = named;
	if (!named->n && store_feeds_read(st, 0, &every) == DG_OK)
		rows = &every;
	bool any = false;
	for (size_t i = 0; i < rows->n; i++)
		any |= rows->v[i].full;
	store_feeds_free(&every);
	return any;
}

static int fetch_feeds(struct cli *c, int argc, char **argv, int first,
                       const struct fetch_settings *set, bool quiet, bool full)
{
	struct store *st = cli_store(c);
	if (!st)
		return EXIT_FAIL;
	struct store_feeds rows = {0};
	int status = EXIT_OK;
	for (int i = first; i < argc; i++)
		if (find_feed(st, "fetch", argv[i], &rows) != DG_OK)
			status = EXIT_FAIL;
	if (first < argc && rows.n == 0) {
		store_feeds_free(&rows);
		return status;
	}
	int64_t *ids = xcalloc(rows.n + 1, sizeof *ids);
	for (size_t i = 0; i < rows.n; i++)
		ids[i] = rows.v[i].id;
	/* without --full, the feeds set full (feeds --full on) are completed */
	bool some_full = !full && any_full(st, &rows);
	struct fetch_ui u = {.tty = !quiet && isatty(STDERR_FILENO)};
	struct import_fetch_opts fo = {.settings = *set, .on_error = on_fetch_error,
	                               .on_progress = on_progress, .ctx = &u};
	struct import_fetch_stats stats;
	char *cause = NULL;
	/* Stored or updated from this second on: this fetch's (and another
	 * fetch's of the same second, tried again). */
	int64_t since = (int64_t)time(NULL);
	if (import_fetch(st, ids, rows.n, &fo, &stats, &cause) != DG_OK) {
		clear_progress(&u);
		status = cli_error(EXIT_FAIL, "fetch", "%s", cause);
		free(cause);
	}
	clear_progress(&u);
	free(ids);
	store_feeds_free(&rows);
	if (!quiet) {
		char *line = import_fetch_summary(&stats);
		puts(line);
		free(line);
	}
	if ((full || some_full) && !stats.store_failed) {
		int frc = fetch_full(st, since, !full, set, quiet);
		if (frc != EXIT_OK)
			status = frc;
	}
	return stats.failed || stats.store_failed ? EXIT_FAIL : status;
}

int cmd_fetch(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{"jobs", required_argument, NULL, 'j'},
		{"quiet", no_argument, NULL, 'q'},
		{"full", no_argument, NULL, 'F'},
		{NULL, 0, NULL, 0},
	};
	struct fetch_settings set = FETCH_SETTINGS_DEFAULT;
	bool quiet = false, full = false;
	int jobs = 0, o;
	for (bool first = true; (o = cli_getopt(argc, argv, opts, first)) != -1; first = false) {
		if (o == 'j') {
			if (!parse_jobs(optarg, &jobs))
				return cli_error(EXIT_USAGE, "fetch", "--jobs wants a number from 1 to 256, not '%s'",
				                 optarg);
		} else if (o == 'q')
			quiet = true;
		else if (o == 'F')
			full = true;
		else
			return cli_option_error("fetch", o, argv);
	}
	/* the config file's fetch settings, then --jobs over them */
	struct settings config;
	load_config(&config);
	fetch_settings_from(&config, &set);
	if (jobs)
		set.jobs = jobs;
	int rc = fetch_feeds(c, argc, argv, optind, &set, quiet, full);
	settings_free(&config);
	return rc;
}

/* ---- opml ---------------------------------------------------------------- */

static int opml_import(struct cli *c, const char *path)
{
	size_t len = 0;
	char *bytes = strcmp(path, "-") == 0 ? NULL : files_read(path, OPML_MAX_INPUT, &len);
	if (strcmp(path, "-") == 0) {
		struct sbuf b = SBUF_INIT;
		char buf[65536];
		size_t k;
		while ((k = fread(buf, 1, sizeof buf, stdin)) > 0 && b.len < OPML_MAX_INPUT)
			sbuf_add(&b, buf, k);
		len = b.len;
		bytes = sbuf_detach(&b);
	} else if (!bytes)
		return cli_error(EXIT_FAIL, path, "%s", strerror(errno));
	struct opml doc = {0};
	char *why = NULL;
	if (opml_parse(bytes, len, &doc, &why) != DG_OK) {
		free(bytes);
		int rc = cli_error(EXIT_FAIL, path, "%s", why ? why : "not an OPML file");
		free(why);
		return rc;
	}
	free(bytes);
	struct store *st = cli_store(c);
	if (!st) {
		opml_free(&doc);
		return EXIT_FAIL;
	}
	unsigned long added = 0, known = 0, failed = 0;
	enum dg_status rc = store_begin(st);
	for (size_t i = 0; i < doc.nentries && rc == DG_OK; i++) {
		const struct opml_entry *e = &doc.entries[i];
		if (!is_http_url(e->url)) {
			fputs("diglot: ", stderr);
			put_safe(stderr, path);
			fputs(": '", stderr);
			put_safe(stderr, e->url);
			fputs("' is not an http or https URL\n", stderr);
			failed++;
			continue;
		}
		char *t = utf8_clean_line(e->title, strlen(e->title));
		char *cat = utf8_clean_line(e->category, strlen(e->category));
		int64_t id;
		bool existed = false;
		rc = store_feed_add(st, e->url, t, cat, &id, &existed);
		free(t);
		free(cat);
		if (rc == DG_OK)
			existed ? known++ : added++;
	}
	opml_free(&doc);
	if (rc == DG_OK)
		rc = store_commit(st);
	if (rc != DG_OK) {
		store_rollback(st);
		return cli_error(EXIT_FAIL, "opml import", "%s", store_error(st));
	}
	printf("added %lu, already subscribed %lu, failed %lu\n", added, known, failed);
	return failed ? EXIT_FAIL : EXIT_OK;
}

static int opml_export(struct cli *c, const char *path)
{
	struct store *st = cli_store_read(c);
	if (!st)
		return EXIT_FAIL;
	struct store_feeds rows = {0};
	if (store_feeds_read(st, 0, &rows) != DG_OK)
		return cli_error(EXIT_FAIL, "opml export", "%s", store_error(st));
	struct opml_entry *e = xcalloc(rows.n ? rows.n : 1, sizeof *e);
	for (size_t i = 0; i < rows.n; i++)
		e[i] = (struct opml_entry){(char *)rows.v[i].url, (char *)rows.v[i].title, (char *)"",
		                            (char *)rows.v[i].category}; /* opml_write only reads */
	struct sbuf b = SBUF_INIT;
	opml_write(&b, "diglot feeds", e, rows.n);
	free(e);
	store_feeds_free(&rows);
	int status = EXIT_OK;
	FILE *out = path ? fopen(path, "w") : stdout;
	if (!out)
		status = cli_error(EXIT_FAIL, path, "%s", strerror(errno));
	else {
		fwrite(b.s ? b.s : "", 1, b.len, out);
		if (path && fclose(out) != 0)
			status = cli_error(EXIT_FAIL, path, "%s", strerror(errno));
	}
	sbuf_free(&b);
	return status;
}

int cmd_opml(struct cli *c, int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "import") == 0) {
		if (argc != 3)
			return cli_error(EXIT_USAGE, "opml import", "needs one FILE ('-' for stdin)");
		return opml_import(c, argv[2]);
	}
	if (argc >= 2 && strcmp(argv[1], "export") == 0) {
		if (argc > 3)
			return cli_error(EXIT_USAGE, "opml export", "takes at most one FILE");
		return opml_export(c, argc == 3 ? argv[2] : NULL);
	}
	return cli_error(EXIT_USAGE, "opml", "'opml import FILE' or 'opml export [FILE]'");
}

/* ---- the reader's fetcher ------------------------------------------------- */

static enum dg_status reader_start(const char *db, const int64_t *ids, size_t n,
                                   const struct settings *config, void **job, char **cause)
{
	struct fetch_settings set = FETCH_SETTINGS_DEFAULT;
	fetch_settings_from(config, &set);
	struct import_fetch_job *j = NULL;
	enum dg_status rc = import_fetch_start(db, ids, n, &set, &j, cause);
	*job = j;
	return rc;
}

static enum dg_status reader_start_page(const char *db, int64_t id, const struct settings *config, void **job,
                                        char **cause)
{
	struct fetch_settings set = FETCH_SETTINGS_DEFAULT;
	fetch_settings_from(config, &set);
	struct import_fetch_job *j = NULL;
	enum dg_status rc = import_fetch_start_page(db, id, &set, &j, cause);
	*job = j;
	return rc;
}

static void reader_poll(void *job, size_t *done, size_t *total, bool *finished)
{
	import_fetch_poll(job, done, total, finished);
}

static void reader_cancel(void *job)
{
	import_fetch_cancel(job);
}

static void reader_join(void *job, char **summary, char **first_error, unsigned long *failed)
{
	struct import_fetch_job *j = job;
	import_fetch_join(&j, summary, first_error, failed);
}

const struct ui_fetch_ops cli_fetch_ops = {reader_start, reader_start_page, reader_poll, reader_cancel,
                                           reader_join};
