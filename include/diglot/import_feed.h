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

/*
 * A feed's items analysed (import_feed_item each, their story keys and
 * the keys the store will look them up by, as items of feed feed_id),
 * without the store: a fetch runs this on worker threads while its own
 * thread downloads and stores.  lx (NULL: none) is the bilingual name
 * lexicon (store_lex_load), only read.  import_feed_analysed_free frees.
 */
struct import_feed_analysed;
struct lexicon;
struct import_feed_analysed *import_feed_analyse(const struct feed *f, int64_t feed_id,
                                                 const char *feed_title, const struct lexicon *lx);
void import_feed_analysed_free(struct import_feed_analysed **an);

/*
 * Store every item of f, as analysed into an from that same f and
 * feed_id, as an article of feed feed_id (store_feed.h: a known item updated in place,
 * state kept, no duplicates), in the caller's batch if one is open.
 * stats (zeroed by the caller) counts them.  DG_ERR only when the store
 * fails (store_error says why).
 */
enum dg_status import_feed_store(struct store *st, int64_t feed_id, const struct feed *f,
                                 const struct import_feed_analysed *an,
                                 struct import_feed_stats *stats);

/* Both on the caller's thread. */
enum dg_status import_feed_items(struct store *st, int64_t feed_id, const struct feed *f,
                                 const char *feed_title, struct import_feed_stats *stats);

#endif
