/*
 * import_feed.h: a parsed feed's items into the library, through the same
 * text core as an imported file (clean, parse, languages, bilingual
 * split, alignment, search index): import_feed.c.
 */
#ifndef DIGLOT_IMPORT_FEED_H
#define DIGLOT_IMPORT_FEED_H

#include "diglot/feed.h"
#include "diglot/store.h"

struct import_feed_stats {
	unsigned long added, updated, unchanged, skipped; /* skipped: items with no text */
};

/*
 * One item as an analysed article: its title (plain), link, text (HTML
 * content through html_to_text, links resolved against the item's
 * xml:base, else its link), date (the item's, else one in the text),
 * source (the item's, else feed_title).  DG_ERR with *cause for an item
 * with no text.
 */
enum dg_status import_feed_item(const struct feed_item *it, const char *feed_title,
                                struct article *a, int64_t *date, char **cause);

/* Threads that analyse a feed's items while the caller's thread takes its
 * share; one pool serves a whole fetch.  NULL on a one-core machine (the
 * caller's thread then does it all). */
struct import_feed_pool;
struct import_feed_pool *import_feed_pool_new(void);
void import_feed_pool_free(struct import_feed_pool **p);

/*
 * Store every item of f as an article of feed feed_id (store_feed.h: a
 * known item updated in place, state kept, no duplicates), in the caller's
 * batch if one is open; the items are analysed on pool (NULL: on this
 * thread), stored on this one.  stats (zeroed by the caller) counts them.
 * DG_ERR only when the store fails (store_error says why).
 */
enum dg_status import_feed_items(struct store *st, int64_t feed_id, const struct feed *f,
                                 const char *feed_title, struct import_feed_pool *pool,
                                 struct import_feed_stats *stats);

#endif
