/*
 * import_fetch.c: subscribed feeds into the library.  fetch.h downloads
 * them all at once; each body is parsed and its items stored as soon as
 * it arrives, in batches, while the rest still download.  A job runs the
 * same on a thread of its own, for the reader.
 */
#include "diglot/import_fetch.h"
#include "diglot/feed.h"
#include "diglot/import_feed.h"
#include "diglot/import_full.h"
#include "diglot/evidence.h"
#include "diglot/store_feed.h"
#include "work_queue.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

/* Feeds are stored in batches: a commit writes the batch's segment of
 * the search index and every page it dirtied, so one per feed cost more
 * than the feed.  A batch closes after this many articles or this long
 * (the reader shows new articles at each commit). */
#define FETCH_BATCH_ARTICLES 1000
#define FETCH_BATCH_NS 500000000LL

/* Feeds are analysed on up to this many threads besides this one, with
 * up to FETCH_QUEUE feeds waiting, analysed or not: about what the
 * connections bring in at once, so that downloads go on while the queue
 * is worked through (a full queue holds the downloads back).  Of those,
 * FETCH_AHEAD per thread may be analysed ahead of the store: a feed's
 * articles take many times its body's memory. */
#define FETCH_THREADS_MAX 4
#define FETCH_QUEUE 16
#define FETCH_AHEAD 4
/* Story keys the store keeps between lookups during a fetch: its default
 * (STORE_STORY_CACHE_KEYS) took a fetch of 1,000 feeds of 50 new items
 * from 30.5 to 36.8 MiB at its peak; with this many, 30.7 MiB. */
#define FETCH_STORY_KEYS ((size_t)1 << 13)

/* ---- one run -------------------------------------------------------------- */

struct fetch_counts {
	unsigned long fetched, added, updated;
};

struct fetch_run {
	struct store *st;
	const struct import_fetch_opts *o;
	struct lexicon *lx; /* the bilingual name lexicon, read by the workers */
	struct work_queue *queue;
	struct fetch_counts done, pending; /* pending: in the open batch */
	struct import_fetch_stats *stats;
	bool in_batch;
	unsigned long batch_feeds, batch_articles;
	int64_t batch_start;
};

static int64_t now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void say(struct fetch_run *r, const char *msg)
{
	if (r->o->on_error)
		r->o->on_error(r->o->ctx, msg, 0, "");
}

static void fail_feed(struct fetch_run *r, const char *msg)
{
	say(r, msg);
	r->stats->failed++;
}

/* The open batch is lost (a write or its commit failed): say so once. */
static void batch_lost(struct fetch_run *r)
{
	char *msg = xasprintf("%s (%lu feed%s of this batch not stored)", store_error(r->st),
	                      r->batch_feeds, r->batch_feeds == 1 ? "" : "s");
	say(r, msg);
	free(msg);
	store_rollback(r->st);
	r->in_batch = false;
	r->stats->store_failed = true;
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

/* ---- what arrived, parsed and analysed on a worker ----------------------- */

/*
 * A result of fetch_run lives until its callback returns: what is kept of
 * it waits in the work queue, the body parsed and its items analysed on a
 * worker thread (the text core is most of a fetch), while this thread
 * downloads the rest and stores what is done, in the order it arrived.
 */
struct fetched {
	const struct store_feed *fr;
	enum fetch_error error;
	long status, retry_after;
	bool permanent;
	char *message, *etag, *last_modified, *final_url;
	char *body, *charset; /* charset: NULL for none */
	size_t body_len;
	/* the worker's */
	struct feed f;
	bool parsed;
	char *why; /* not parsed: the error to record and say */
	struct import_feed_analysed *an;
	const struct lexicon *lx;
};

static struct fetched *fetched_copy(const struct fetch_result *res, const struct lexicon *lx)
{
	struct fetched *e = xcalloc(1, sizeof *e);
	e->lx = lx;
	e->fr = res->req->data;
	e->error = res->error;
	e->status = res->status;
	e->retry_after = res->retry_after;
	e->permanent = res->permanent;
	e->message = xstrdup(res->message);
	e->etag = xstrdup(res->etag);
	e->last_modified = xstrdup(res->last_modified);
	e->final_url = xstrdup(res->final_url);
	if (res->error == FETCH_OK && res->status != 304) {
		e->body = xmalloc(res->body_len + 1);
		memcpy(e->body, res->body, res->body_len);
		e->body[res->body_len] = '\0';
		e->body_len = res->body_len;
		/* RFC 3023: text/xml without a charset is US-ASCII (a byte outside
		 * it sends the parser to the declaration, then detection) */
		const char *cs = res->charset[0] ? res->charset
		                 : !strncmp(res->content_type, "text/", 5) ? "us-ascii" : NULL;
		e->charset = cs ? xstrdup(cs) : NULL;
	}
	return e;
}

static void fetched_free(struct fetched *e)
{
	import_feed_analysed_free(&e->an);
	if (e->parsed)
		feed_free(&e->f);
	free(e->why);
	free(e->message);
	free(e->etag);
	free(e->last_modified);
	free(e->final_url);
	free(e->body);
	free(e->charset);
	free(e);
}

/* On a worker: the body into a feed, its items into articles. */
static void analyse(void *item)
{
	struct fetched *e = item;
	char *why = NULL;
	if (feed_parse(e->body, e->body_len, e->final_url, e->charset, &e->f, &why) != DG_OK) {
		e->why = xasprintf("%s: %s", e->fr->url, why ? why : "not a feed");
		free(why);
	} else {
		e->parsed = true;
		const char *title = e->fr->title[0] ? e->fr->title : e->f.title;
		e->an = import_feed_analyse(&e->f, e->fr->id, title, e->lx);
	}
	free(e->body); /* the feed holds its own copies */
	e->body = NULL;
}

/* A parsed body: store its items with the fetch's outcome. */
static void store_body(struct fetch_run *r, const struct fetched *e, struct store_feed_outcome *o)
{
	struct import_feed_stats s = {0};
	o->title = e->f.title;
	if (import_feed_store(r->st, e->fr->id, &e->f, e->an, &s) != DG_OK ||
	    store_feed_record(r->st, e->fr->id, o) != DG_OK) {
		batch_lost(r);
	} else {
		r->pending.fetched++;
		r->pending.added += s.added;
		r->pending.updated += s.updated;
		r->batch_articles += s.added + s.updated;
	}
	o->title = NULL;
}

/* On this thread, in the order the results arrived. */
static void store_fetched(void *ctx, void *item)
{
	struct fetch_run *r = ctx;
	struct fetched *e = item;
	const struct store_feed *fr = e->fr;
	int64_t now = (int64_t)time(NULL);
	struct store_feed_outcome o = {.fetched_at = now, .status = e->status};
	if (e->permanent)
		o.new_url = e->final_url;
	char *msg = NULL;
	if (!batch_open(r)) {
		fetched_free(e);
		return;
	}
	if (e->error == FETCH_OK && e->status == 304) {
		r->stats->not_modified++;
		o.etag = e->etag[0] ? e->etag : NULL;
		o.last_modified = e->last_modified[0] ? e->last_modified : NULL;
	} else if (e->error == FETCH_OK && e->parsed) {
		o.etag = e->etag;
		o.last_modified = e->last_modified;
		store_body(r, e, &o);
		if (r->in_batch)
			batch_step(r);
		fetched_free(e);
		return; /* recorded with its items */
	} else if (e->error == FETCH_OK) {
		msg = e->why; /* not kept: the next fetch must get the body */
		e->why = NULL;
	} else if (e->error == FETCH_HTTP && e->status == 410) {
		o.disable = true;
		msg = xasprintf("%s: disabled", e->message);
	} else if (e->error == FETCH_HTTP && (e->status == 429 || e->status == 503) &&
	           e->retry_after > 0) {
		o.next_fetch = now + e->retry_after;
		msg = xasprintf("%s: not fetched again for %ld s", e->message, e->retry_after);
	} else {
		msg = xstrdup(e->message);
	}
	o.error = msg;
	if (store_feed_record(r->st, fr->id, &o) != DG_OK)
		batch_lost(r);
	else
		batch_step(r);
	if (msg)
		fail_feed(r, msg);
	free(msg);
	fetched_free(e);
}

static void on_done(void *ctx, const struct fetch_result *res)
{
	struct fetch_run *r = ctx;
	struct fetched *e = fetched_copy(res, r->lx);
	work_queue_put(r->queue, e, e->body != NULL);
}

static void on_progress(void *ctx, size_t done, size_t total)
{
	struct fetch_run *r = ctx;
	if (r->o->on_progress)
		r->o->on_progress(r->o->ctx, done, total);
}

/* The fetcher of the running import_fetch, for a job to cancel. */
typedef void (*fetcher_fn)(void *ctx, struct fetcher *f);

static enum dg_status fetch_feeds(struct store *st, const int64_t *ids, size_t n,
                                  const struct import_fetch_opts *o, struct import_fetch_stats *stats,
                                  fetcher_fn on_fetcher, char **cause)
{
	*stats = (struct import_fetch_stats){0};
	struct store_feeds rows = {0};
	enum dg_status rc = DG_OK;
	for (size_t i = 0; i < n && rc == DG_OK; i++)
		rc = store_feeds_read(st, ids[i], &rows);
	if (n == 0)
		rc = store_feeds_read(st, 0, &rows);
	if (rc != DG_OK) {
		store_feeds_free(&rows);
		return dg_fail(cause, DG_ERR, "%s", store_error(st));
	}
	/* All feeds: those gone (410) and those asked to wait (Retry-After)
	 * are left out; a feed named is fetched anyway. */
	int64_t now = (int64_t)time(NULL);
	struct fetch_request *reqs = xcalloc(rows.n ? rows.n : 1, sizeof *reqs);
	size_t nreq = 0;
	for (size_t i = 0; i < rows.n; i++) {
		struct store_feed *fr = &rows.v[i];
		if (n == 0 && (fr->disabled || fr->next_fetch > now))
			continue;
		reqs[nreq++] = (struct fetch_request){fr->url, fr->etag, fr->last_modified, fr};
	}
	/* the total is known now: say it before the first feed is done */
	if (o->on_progress)
		o->on_progress(o->ctx, 0, nreq);
	struct fetch_run run = {.st = st, .o = o, .stats = stats};
	/* the lexicon as it is now: what this fetch teaches serves the next */
	if (store_lex_load(st, &run.lx) != DG_OK) {
		free(reqs);
		store_feeds_free(&rows);
		return dg_fail(cause, DG_ERR, "%s", store_error(st));
	}
	size_t workers = nreq > 1 ? work_queue_threads(FETCH_THREADS_MAX) : 0;
	run.queue = work_queue_new(workers ? FETCH_QUEUE : 1, FETCH_AHEAD * workers, workers,
	                           analyse, store_fetched, &run);
	/* the random-keyed index pages each batch dirties written back once
	 * for several batches, not at every commit (store_bulk's cache would
	 * cost the memory a fetch keeps small) */
	bool wal = nreq > 1 && store_wal_batches(st, true) == DG_OK;
	store_story_cache(st, FETCH_STORY_KEYS);
	struct fetcher *f = NULL;
	rc = fetch_new(&f, &o->settings, cause);
	if (rc == DG_OK) {
		if (on_fetcher)
			on_fetcher(o->ctx, f);
		rc = fetch_run(f, reqs, nreq, on_done, on_progress, &run, cause);
		if (on_fetcher)
			on_fetcher(o->ctx, NULL);
	}
	work_queue_free(&run.queue);
	batch_close(&run);
	lexicon_free(run.lx);
	if (wal)
		store_wal_batches(st, false);
	store_story_cache(st, STORE_STORY_CACHE_KEYS);
	stats->fetched = run.done.fetched;
	stats->added = run.done.added;
	stats->updated = run.done.updated;
	fetch_free(&f);
	free(reqs);
	store_feeds_free(&rows);
	return rc;
}

enum dg_status import_fetch(struct store *st, const int64_t *ids, size_t n,
                            const struct import_fetch_opts *o, struct import_fetch_stats *stats,
                            char **cause)
{
	return fetch_feeds(st, ids, n, o, stats, NULL, cause);
}

char *import_fetch_summary(const struct import_fetch_stats *s)
{
	return xasprintf("fetched %lu, new %lu, updated %lu, not modified %lu, failed %lu", s->fetched,
	                 s->added, s->updated, s->not_modified, s->failed);
}

/* ---- a fetch in the background ------------------------------------------ */

#define JOB_NICE 10

struct import_fetch_job {
	pthread_t thread;
	pthread_mutex_t lock; /* guards what follows */
	char *db_path;
	int64_t *ids;
	size_t nids;
	int64_t page; /* the article whose page is fetched (import_fetch_start_page); 0: feeds */
	struct import_fetch_opts opts;
	struct fetcher *fetcher;
	bool cancelled, finished;
	size_t done, total;
	struct import_fetch_stats stats;
	struct import_full_stats full; /* the pages of the feeds set full, or the one page */
	char *first_error;
};

static void job_error(void *ctx, const char *what, int line, const char *why)
{
	(void)line, (void)why;
	struct import_fetch_job *j = ctx;
	pthread_mutex_lock(&j->lock);
	if (!j->first_error)
		j->first_error = xstrdup(what);
	pthread_mutex_unlock(&j->lock);
}

static void job_progress(void *ctx, size_t done, size_t total)
{
	struct import_fetch_job *j = ctx;
	pthread_mutex_lock(&j->lock);
	j->done = done;
	j->total = total;
	pthread_mutex_unlock(&j->lock);
}

static void job_fetcher(void *ctx, struct fetcher *f)
{
	struct import_fetch_job *j = ctx;
	pthread_mutex_lock(&j->lock);
	j->fetcher = f;
	if (f && j->cancelled)
		fetch_cancel(f);
	pthread_mutex_unlock(&j->lock);
}

/*
 * The job's thread and the analysis threads it starts (they inherit it)
 * yield to the reader's: on two cores they would otherwise keep both
 * busy, and a key waited for a time slice.  Linux gives each thread its
 * own nice value; elsewhere setpriority would renice the whole process,
 * the reader too, so the job runs as it is.
 */
static void job_yield(void)
{
#ifdef __linux__
	setpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid), JOB_NICE);
#endif
}

/* A page that did not complete its article: "URL: why", the first kept. */
static void job_page_error(void *ctx, const char *what, int line, const char *why)
{
	char *both = xasprintf("%s: %s", what, why);
	job_error(ctx, both, line, why);
	free(both);
}

/* The pages fetched over a fetcher cancel can stop: the feeds set full
 * (store_feed_set_full), their teasers of this run completed as `fetch
 * --full` does (page 0); or article page's page. */
static void job_pages(struct import_fetch_job *j, struct store *st, int64_t since, int64_t page, char **cause)
{
	struct fetcher *f = NULL;
	struct import_full_stats fs = {0};
	pthread_mutex_lock(&j->lock);
	bool cancelled = j->cancelled;
	pthread_mutex_unlock(&j->lock);
	if (cancelled || fetch_new(&f, &j->opts.settings, cause) != DG_OK)
		return;
	job_fetcher(j, f);
	if (page)
		import_full_article(st, page, f, job_page_error, j, &fs, cause);
	else
		import_full(st, since, true, f, NULL, job_page_error, j, &fs, cause);
	job_fetcher(j, NULL);
	fetch_free(&f);
	pthread_mutex_lock(&j->lock);
	j->full = fs;
	if (page)
		j->done = 1;
	pthread_mutex_unlock(&j->lock);
}

static void *job_main(void *arg)
{
	struct import_fetch_job *j = arg;
	job_yield();
	struct store *st = NULL;
	char *cause = NULL;
	struct import_fetch_stats stats = {0};
	int64_t since = (int64_t)time(NULL);
	if (store_open(&st, j->db_path, &cause) == DG_OK) {
		if (!j->page)
			fetch_feeds(st, j->ids, j->nids, &j->opts, &stats, job_fetcher, &cause);
		if (!cause && !stats.store_failed)
			job_pages(j, st, since, j->page, &cause);
		store_close(&st);
	}
	pthread_mutex_lock(&j->lock);
	j->stats = stats;
	if (cause && !j->first_error && !j->cancelled)
		j->first_error = xstrdup(cause);
	j->finished = true;
	pthread_mutex_unlock(&j->lock);
	free(cause);
	return NULL;
}

static enum dg_status job_start(struct import_fetch_job *j, const char *db_path, const struct fetch_settings *set,
                                struct import_fetch_job **out, char **cause)
{
	j->db_path = xstrdup(db_path);
	j->opts = (struct import_fetch_opts){.settings = *set, .on_error = job_error,
	                                     .on_progress = job_progress, .ctx = j};
	pthread_mutex_init(&j->lock, NULL);
	if (pthread_create(&j->thread, NULL, job_main, j) != 0) {
		pthread_mutex_destroy(&j->lock);
		free(j->ids);
		free(j->db_path);
		free(j);
		*out = NULL;
		return dg_fail(cause, DG_ERR, "cannot start a thread to fetch");
	}
	*out = j;
	return DG_OK;
}

enum dg_status import_fetch_start(const char *db_path, const int64_t *ids, size_t n,
                                  const struct fetch_settings *set, struct import_fetch_job **out,
                                  char **cause)
{
	struct import_fetch_job *j = xcalloc(1, sizeof *j);
	j->ids = xcalloc(n + 1, sizeof *j->ids);
	if (n)
		memcpy(j->ids, ids, n * sizeof *ids);
	j->nids = n;
	return job_start(j, db_path, set, out, cause);
}

enum dg_status import_fetch_start_page(const char *db_path, int64_t id, const struct fetch_settings *set,
                                       struct import_fetch_job **out, char **cause)
{
	struct import_fetch_job *j = xcalloc(1, sizeof *j);
	j->page = id;
	j->total = 1;
	return job_start(j, db_path, set, out, cause);
}

void import_fetch_poll(struct import_fetch_job *j, size_t *done, size_t *total, bool *finished)
{
	pthread_mutex_lock(&j->lock);
	*done = j->done;
	*total = j->total;
	*finished = j->finished;
	pthread_mutex_unlock(&j->lock);
}

void import_fetch_cancel(struct import_fetch_job *j)
{
	pthread_mutex_lock(&j->lock);
	j->cancelled = true;
	if (j->fetcher)
		fetch_cancel(j->fetcher);
	pthread_mutex_unlock(&j->lock);
}

/* The feeds' summary line, and what the pages of the feeds set full
 * did when there were any; for a page, what came of it. */
static char *job_summary(const struct import_fetch_job *j)
{
	const struct import_full_stats *fs = &j->full;
	if (j->page && fs->completed)
		return xasprintf("article %lld completed from its page", (long long)j->page);
	if (j->page)
		return xasprintf(j->first_error ? "article %lld not completed"
		                                : "article %lld: its page says no more, the text stays",
		                 (long long)j->page);
	char *line = import_fetch_summary(&j->stats);
	if (!fs->completed && !fs->failed)
		return line;
	char *both = xasprintf("%s; completed %lu from their pages, failed %lu", line, fs->completed, fs->failed);
	free(line);
	return both;
}

void import_fetch_join(struct import_fetch_job **jp, char **summary, char **first_error,
                       unsigned long *failed)
{
	struct import_fetch_job *j = *jp;
	*jp = NULL;
	pthread_join(j->thread, NULL);
	*summary = job_summary(j);
	*first_error = j->first_error ? j->first_error : xstrdup("");
	*failed = j->stats.failed + j->full.failed + (j->page && j->first_error);
	pthread_mutex_destroy(&j->lock);
	free(j->ids);
	free(j->db_path);
	free(j);
}
