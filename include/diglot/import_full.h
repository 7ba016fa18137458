/*
 * import_full.h: feed items that are only a teaser completed from their
 * pages (`diglot fetch --full`).  A teaser is short, or ends in "…",
 * "[...]" or a "Read more" line; its page is fetched with the feeds'
 * fetcher and its main text extracted (html_extract.h), and it replaces
 * the teaser when it is longer.  The feed's title, source, URL and date
 * stay; the article keeps its state, and a fetch again of the same
 * teaser leaves it complete.
 */
#ifndef DIGLOT_IMPORT_FULL_H
#define DIGLOT_IMPORT_FULL_H

#include "diglot/article.h"
#include "diglot/fetch.h"
#include "diglot/store.h"

struct import_full_stats {
	unsigned long completed, failed;
};

/* Is a (as stored) only a teaser of its page? */
bool import_is_teaser(const struct article *a);

/*
 * Complete the teasers among the feed articles stored or updated since
 * (Unix seconds); with full_only, only those of the feeds set to be
 * completed always (store_feed_set_full).  The pages come over f (the
 * caller's, which it may cancel from another thread), or with f NULL a
 * fetcher of its own made with set.  A page that fails is said through
 * on_error (its URL and why) and counted; DG_ERR with *cause when the
 * fetcher or the library failed.
 */
enum dg_status import_full(struct store *st, int64_t since, bool full_only, struct fetcher *f,
                           const struct fetch_settings *set,
                           dg_error_fn on_error, void *ctx, struct import_full_stats *stats,
                           char **cause);

/*
 * Article id's page, asked for by the user (the reader's key): fetched
 * from its URL over f (the caller's: it may cancel it from another
 * thread), teaser or not, and its text replaces the article's as
 * import_full's does, when it says more (else stats count nothing).  A
 * page that fails is said through on_error and counted; DG_NOTFOUND
 * with *cause when the article has no http(s) URL, DG_ERR when the
 * fetcher or the library failed.
 */
enum dg_status import_full_article(struct store *st, int64_t id, struct fetcher *f,
                                   dg_error_fn on_error, void *ctx, struct import_full_stats *stats,
                                   char **cause);

#endif
