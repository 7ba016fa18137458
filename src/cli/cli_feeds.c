/*
 * cli_feeds.c: the feed commands: add, feeds, remove, fetch, opml.  fetch
 * downloads every feed at once (fetch.h) and stores each as soon as it
 * arrives (import_feed.h), one transaction per feed, while the rest are
 * still downloading.
 */
#include "diglot/common.h"
#include "diglot/cli.h"
#include "diglot/feed.h"
#include "diglot/fetch.h"
#include "diglot/files.h"
#include "diglot/import_feed.h"
#include "diglot/json.h"
#include "diglot/opml.h"
#include "diglot/store_feed.h"
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

/* ---- copies of feed rows ---------------------------------------------- */

struct feed_row {
	int64_t id;
	char *url, *title, *category, *etag, *last_modified;
	bool disabled;
	int64_t next_fetch, articles;
};

struct feed_rows {
	struct feed_row *v;
	size_t n, cap;
};

static int collect_feed(void *ctx, const struct store_feed *f)
{
	struct feed_rows *rows = ctx;
	xgrow(&rows->v, &rows->cap, rows->n + 1, sizeof *rows->v);
	rows->v[rows->n++] = (struct feed_row){
		f->id, xstrdup(f->url), xstrdup(f->title), xstrdup(f->category), xstrdup(f->etag),
		xstrdup(f->last_modified), f->disabled, f->next_fetch, f->articles,
	};
	return 0;
}

static void feed_rows_free(struct feed_rows *rows)
{
	for (size_t i = 0; i < rows->n; i++) {
		free(rows->v[i].url);
		free(rows->v[i].title);
		free(rows->v[i].category);
		free(rows->v[i].etag);
		free(rows->v[i].last_modified);
	}
	free(rows->v);
	*rows = (struct feed_rows){0};
}

/* The feed an argument names, by ID or exact URL, appended to rows;
 * DG_NOTFOUND (said on stderr) when there is none. */
static enum dg_status find_feed(struct store *st, const char *cmd, const char *arg,
                                struct feed_rows *rows)
{
	int64_t id = 0;
	enum dg_status rc;
	if (cli_parse_id(arg, &id))
		rc = store_feed_list(st, id, collect_feed, rows);
	else if ((rc = store_feed_by_url(st, arg, &id)) == DG_OK)
		rc = store_feed_list(st, id, collect_feed, rows);
	if (rc == DG_NOTFOUND) {
		fputs("diglot: ", stderr);
		put_safe(stderr, arg);
		fputs(": no such feed\n", stderr);
	} else if (rc != DG_OK)
		cli_error(EXIT_FAIL, cmd, "%s", store_error(st));
	return rc;
}

/* ---- add ---------------------------------------------------------------- */

int cmd_add(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{"title", required_argument, NULL, 't'},
		{"category", required_argument, NULL, 'c'},
		{NULL, 0, NULL, 0},
	};
	const char *title = "", *category = "";
	int o;
	for (bool first = true; (o = cli_getopt(argc, argv, opts, first)) != -1; first = false) {
		if (o == 't')
			title = optarg;
		else if (o == 'c')
			category = optarg;
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
	char *t = utf8_clean_line(title, strlen(title)), *cat = utf8_clean_line(category, strlen(category));
	int64_t id = 0;
	bool existed = false;
	enum dg_status rc = store_feed_add(st, url, t, cat, &id, &existed);
	free(t);
	free(cat);
	if (rc != DG_OK)
		return cli_error(EXIT_FAIL, "add", "%s", store_error(st));
	printf("%s feed %" PRId64 " ", existed ? "already subscribed:" : "added", id);
	put_safe(stdout, url);
	putchar('\n');
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
	printf("\t%s\n", date);
	return 0;
}

int cmd_feeds(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {{"format", required_argument, NULL, 'f'}, {NULL, 0, NULL, 0}};
	enum cli_format fmt = FORMAT_TSV;
	int o;
	for (bool first = true; (o = cli_getopt(argc, argv, opts, first)) != -1; first = false) {
		if (o != 'f')
			return cli_option_error("feeds", o, argv);
		if (strcmp(optarg, "tsv") == 0)
			fmt = FORMAT_TSV;
		else if (strcmp(optarg, "json") == 0)
			fmt = FORMAT_JSON;
		else
			return cli_error(EXIT_USAGE, "feeds", "unknown format '%s' (tsv or json)", optarg);
	}
	if (optind < argc)
		return cli_error(EXIT_USAGE, "feeds", "unexpected argument '%s'", argv[optind]);
	struct store *st = cli_store_read(c);
	if (!st)
		return EXIT_FAIL;
	if (fmt == FORMAT_TSV)
		fputs("id\turl\ttitle\tcategory\tarticles\tunread\tstatus\terror\tfetched\n", stdout);
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
		struct feed_rows rows = {0};
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
		feed_rows_free(&rows);
	}
	return status;
}

/* ---- fetch ---------------------------------------------------------------- */

/* Feeds are stored in batches: a commit writes the batch's segment of
 * the search index and every page it dirtied, so one per feed cost more
 * than the feed.  A batch closes after this many articles or this long
 * (the reader shows new articles at each commit). */
#define FETCH_BATCH_ARTICLES 1000
#define FETCH_BATCH_NS 500000000LL

struct fetch_counts {
	unsigned long fetched, added, updated;
};

struct fetch_run {
	struct store *st;
	struct import_feed_pool *pool;
	struct fetch_counts done, pending; /* pending: in the open batch */
	unsigned long not_modified, failed;
	bool in_batch, store_failed;
	unsigned long batch_feeds, batch_articles;
	int64_t batch_start;
	bool tty, drawn;
};

static int64_t now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void clear_progress(struct fetch_run *r)
{
	if (r->drawn) {
		fputs("\r\033[K", stderr);
		r->drawn = false;
	}
}

static void on_progress(void *ctx, size_t done, size_t total)
{
	struct fetch_run *r = ctx;
	if (!r->tty)
		return;
	fprintf(stderr, "\rfetching %zu/%zu", done, total);
	r->drawn = done < total;
	if (!r->drawn)
		fputs("\r\033[K", stderr);
}

static void fail_line(struct fetch_run *r, const char *msg)
{
	clear_progress(r);
	fputs("diglot: ", stderr);
	put_safe(stderr, msg);
	fputc('\n', stderr);
	r->failed++;
}

/* The open batch is lost (a write or its commit failed): say so once. */
static void batch_lost(struct fetch_run *r)
{
	clear_progress(r);
	fprintf(stderr, "diglot: %s (%lu feed%s of this batch not stored)\n", store_error(r->st),
	        r->batch_feeds, r->batch_feeds == 1 ? "" : "s");
	store_rollback(r->st);
	r->in_batch = false;
	r->store_failed = true;
	r->pending = (struct fetch_counts){0};
}

static bool batch_open(struct fetch_run *r)
{
	if (r->in_batch)
		return true;
	if (store_begin(r->st) != DG_OK) {
		r->batch_feeds = 0;
		batch_lost(r);
		return false;
	}
	r->in_batch = true;
	r->batch_feeds = r->batch_articles = 0;
	r->batch_start = now_ns();
	return true;
}

static void batch_close(struct fetch_run *r)
{
	if (!r->in_batch)
		return;
	if (store_commit(r->st) != DG_OK) {
		batch_lost(r);
		return;
	}
	r->in_batch = false;
	r->done.fetched += r->pending.fetched;
	r->done.added += r->pending.added;
	r->done.updated += r->pending.updated;
	r->pending = (struct fetch_counts){0};
}

static void batch_step(struct fetch_run *r)
{
	r->batch_feeds++;
	if (r->batch_articles >= FETCH_BATCH_ARTICLES || now_ns() - r->batch_start >= FETCH_BATCH_NS)
		batch_close(r);
}

/* A body: parse it and store its items with the fetch's outcome.
 * Returns the error to record and say (NULL when none). */
static char *store_body(struct fetch_run *r, const struct feed_row *fr,
                        const struct fetch_result *res, struct store_feed_outcome *o)
{
	struct feed f = {0};
	char *why = NULL;
	if (feed_parse(res->body, res->body_len, res->final_url, res->charset[0] ? res->charset : NULL,
	               &f, &why) != DG_OK) {
		char *msg = xasprintf("%s: %s", fr->url, why ? why : "not a feed");
		free(why);
		return msg;
	}
	struct import_feed_stats s = {0};
	o->title = f.title;
	if (import_feed_items(r->st, fr->id, &f, fr->title[0] ? fr->title : f.title, r->pool, &s) !=
	        DG_OK ||
	    store_feed_record(r->st, fr->id, o) != DG_OK) {
		batch_lost(r);
	} else {
		r->pending.fetched++;
		r->pending.added += s.added;
		r->pending.updated += s.updated;
		r->batch_articles += s.added + s.updated;
	}
	o->title = NULL;
	feed_free(&f);
	return NULL;
}

static void on_done(void *ctx, const struct fetch_result *res)
{
	struct fetch_run *r = ctx;
	const struct feed_row *fr = res->req->data;
	int64_t now = (int64_t)time(NULL);
	struct store_feed_outcome o = {.fetched_at = now, .status = res->status};
	if (res->permanent)
		o.new_url = res->final_url;
	if (!batch_open(r))
		return;
	char *msg = NULL;
	if (res->error == FETCH_OK && res->status == 304) {
		r->not_modified++;
		o.etag = res->etag[0] ? res->etag : NULL;
		o.last_modified = res->last_modified[0] ? res->last_modified : NULL;
	} else if (res->error == FETCH_OK) {
		o.etag = res->etag;
		o.last_modified = res->last_modified;
		msg = store_body(r, fr, res, &o);
		if (!msg) {
			if (r->in_batch)
				batch_step(r);
			return; /* recorded with its items */
		}
		o.etag = o.last_modified = NULL; /* not kept: the next fetch must get the body */
	} else if (res->error == FETCH_HTTP && res->status == 410) {
		o.disable = true;
		msg = xasprintf("%s: disabled", res->message);
	} else if (res->error == FETCH_HTTP && (res->status == 429 || res->status == 503) &&
	           res->retry_after > 0) {
		o.next_fetch = now + res->retry_after;
		msg = xasprintf("%s: not fetched again for %ld s", res->message, res->retry_after);
	} else {
		msg = xstrdup(res->message);
	}
	o.error = msg;
	if (store_feed_record(r->st, fr->id, &o) != DG_OK)
		batch_lost(r);
	else
		batch_step(r);
	if (msg)
		fail_line(r, msg);
	free(msg);
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

int cmd_fetch(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{"jobs", required_argument, NULL, 'j'},
		{"quiet", no_argument, NULL, 'q'},
		{NULL, 0, NULL, 0},
	};
	struct fetch_settings set = FETCH_SETTINGS_DEFAULT;
	bool quiet = false;
	int o;
	for (bool first = true; (o = cli_getopt(argc, argv, opts, first)) != -1; first = false) {
		if (o == 'j') {
			if (!parse_jobs(optarg, &set.jobs))
				return cli_error(EXIT_USAGE, "fetch", "--jobs wants a number from 1 to 256, not '%s'",
				                 optarg);
		} else if (o == 'q')
			quiet = true;
		else
			return cli_option_error("fetch", o, argv);
	}
	struct store *st = cli_store(c);
	if (!st)
		return EXIT_FAIL;
	struct feed_rows rows = {0};
	int status = EXIT_OK;
	if (optind < argc) {
		for (int i = optind; i < argc; i++)
			if (find_feed(st, "fetch", argv[i], &rows) != DG_OK)
				status = EXIT_FAIL;
	} else if (store_feed_list(st, 0, collect_feed, &rows) != DG_OK) {
		return cli_error(EXIT_FAIL, "fetch", "%s", store_error(st));
	}
	/* All feeds: those gone (410) and those asked to wait (Retry-After)
	 * are left out; a feed named is fetched anyway. */
	int64_t now = (int64_t)time(NULL);
	struct fetch_request *reqs = xcalloc(rows.n ? rows.n : 1, sizeof *reqs);
	size_t n = 0;
	for (size_t i = 0; i < rows.n; i++) {
		struct feed_row *fr = &rows.v[i];
		if (optind >= argc && (fr->disabled || fr->next_fetch > now))
			continue;
		reqs[n++] = (struct fetch_request){fr->url, fr->etag, fr->last_modified, fr};
	}
	struct fetch_run run = {.st = st, .tty = !quiet && isatty(STDERR_FILENO),
	                        .pool = n ? import_feed_pool_new() : NULL};
	struct fetcher *f = NULL;
	char *cause = NULL;
	if (fetch_new(&f, &set, &cause) != DG_OK ||
	    fetch_run(f, reqs, n, on_done, on_progress, &run, &cause) != DG_OK) {
		clear_progress(&run);
		status = cli_error(EXIT_FAIL, "fetch", "%s", cause);
		free(cause);
	}
	batch_close(&run);
	clear_progress(&run);
	import_feed_pool_free(&run.pool);
	fetch_free(&f);
	free(reqs);
	feed_rows_free(&rows);
	if (!quiet)
		printf("fetched %lu, new %lu, updated %lu, not modified %lu, failed %lu\n",
		       run.done.fetched, run.done.added, run.done.updated, run.not_modified, run.failed);
	return run.failed || run.store_failed ? EXIT_FAIL : status;
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
	struct feed_rows rows = {0};
	if (store_feed_list(st, 0, collect_feed, &rows) != DG_OK)
		return cli_error(EXIT_FAIL, "opml export", "%s", store_error(st));
	struct opml_entry *e = xcalloc(rows.n ? rows.n : 1, sizeof *e);
	for (size_t i = 0; i < rows.n; i++)
		e[i] = (struct opml_entry){rows.v[i].url, rows.v[i].title, (char *)"", rows.v[i].category};
	struct sbuf b = SBUF_INIT;
	opml_write(&b, "diglot feeds", e, rows.n);
	free(e);
	feed_rows_free(&rows);
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
