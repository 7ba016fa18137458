/*
 * import_fetch.h: subscribed feeds fetched into the library.  Every feed
 * downloads at once (fetch.h); each is parsed and analysed on a worker
 * thread as soon as it arrives (import_feed.h) and stored, in the order
 * they arrived and in batches, while the rest still download.  The
 * command line runs it in the foreground; the reader runs it as a job on
 * a thread of its own (at a lower priority, on Linux) with a library
 * connection of its own.
 */
#ifndef DIGLOT_IMPORT_FETCH_H
#define DIGLOT_IMPORT_FETCH_H

#include "diglot/fetch.h"
#include "diglot/store.h"

struct import_fetch_stats {
	unsigned long fetched, added, updated, not_modified, failed;
	bool store_failed; /* a batch could not be stored (said through on_error) */
};

struct import_fetch_opts {
	struct fetch_settings settings;
	/* A feed failed: its URL and why, one line (outside bytes: sanitise). */
	dg_error_fn on_error;
	void (*on_progress)(void *ctx, size_t done, size_t total);
	void *ctx;
};

/*
 * Fetch feeds ids[0..n) (each fetched even when gone or asked to wait),
 * or with n == 0 every feed but those the server said are gone (410) or
 * asked to wait (Retry-After).  DG_OK when the run went through (failed
 * feeds are counted and reported); DG_ERR with *cause when the fetcher
 * itself failed.
 */
enum dg_status import_fetch(struct store *st, const int64_t *ids, size_t n,
                            const struct import_fetch_opts *o, struct import_fetch_stats *stats,
                            char **cause);

/* The summary line the command prints: "fetched N, new N, updated N, not
 * modified N, failed N".  Caller frees. */
char *import_fetch_summary(const struct import_fetch_stats *s);

/* ---- a fetch in the background ------------------------------------------ */

struct import_fetch_job;

/* Start fetching (ids as above) into the library at db_path on a thread;
 * then the teasers of the feeds set full (store_feed_set_full) are
 * completed from their pages, as import_full does. */
enum dg_status import_fetch_start(const char *db_path, const int64_t *ids, size_t n,
                                  const struct fetch_settings *set, struct import_fetch_job **out,
                                  char **cause);
/* Start fetching article id's page on a thread: its text replaces the
 * article's when it says more (import_full_article).  The job is polled,
 * cancelled and joined as a feeds' one (done 0 then 1 of 1; the summary
 * says what came of it, the first error names the URL). */
enum dg_status import_fetch_start_page(const char *db_path, int64_t id, const struct fetch_settings *set,
                                       struct import_fetch_job **out, char **cause);
/* How far it is; *finished once its thread is done (join it then). */
void import_fetch_poll(struct import_fetch_job *j, size_t *done, size_t *total, bool *finished);
/* Stop it soon (the feeds stored so far stay). */
void import_fetch_cancel(struct import_fetch_job *j);
/* Wait for it and free it: the summary line, and the first failure or a
 * reason it could not run, "" when none (both caller frees). */
void import_fetch_join(struct import_fetch_job **j, char **summary, char **first_error,
                       unsigned long *failed);

#endif
