/*
 * store_feed.h: subscribed feeds in the library (store_feed.c).  A feed
 * row keeps what its last fetch said (validators for conditional GET,
 * status, error, when to fetch next); each item is known in its feed by
 * its key (feed.h's feed_item_key), so a fetch again updates a changed
 * item in place, keeping its read and bookmark state, and adds no
 * duplicate.  Every call commits at once unless a batch is open
 * (store_begin).
 */
#ifndef DIGLOT_STORE_FEED_H
#define DIGLOT_STORE_FEED_H

#include "diglot/hash.h"
#include "diglot/store.h"

/* One feed as listed; strings live until the callback returns. */
struct store_feed {
	int64_t id;
	const char *url, *title, *category;
	const char *etag, *last_modified; /* validators; "" none */
	int64_t last_status;  /* HTTP status of the last fetch; 0: none (never, or no reply) */
	const char *last_error; /* "" when the last fetch went well */
	int64_t last_fetched; /* Unix seconds; 0 never */
	int64_t next_fetch;   /* not before this (Retry-After); 0 any time */
	bool disabled;        /* the server said 410 Gone */
	int64_t articles, unread;
	bool full;            /* its teasers are always completed from their pages */
};
typedef int (*store_feed_fn)(void *ctx, const struct store_feed *f);

/* Subscribe to url.  A url subscribed already is not added again: *id
 * gets its id and *existed (may be NULL) true; title and category are
 * then left as they are. */
enum dg_status store_feed_add(struct store *st, const char *url, const char *title,
                              const char *category, int64_t *id, bool *existed);
/* The feed with this exact URL: DG_NOTFOUND naming it when none. */
enum dg_status store_feed_by_url(struct store *st, const char *url, int64_t *id);
/* Its teasers always completed from their pages (on), or only by
 * `fetch --full` (off); DG_NOTFOUND when there is no such feed. */
enum dg_status store_feed_set_full(struct store *st, int64_t id, bool on);
/* Feeds in id order (only feed id when id > 0: DG_NOTFOUND when none). */
enum dg_status store_feed_list(struct store *st, int64_t id, store_feed_fn fn, void *ctx);
/* The same, kept: copies that outlive the call, appended to out->v;
 * store_feeds_free frees them (and empties out). */
struct store_feeds {
	struct store_feed *v;
	size_t n, cap;
};
enum dg_status store_feeds_read(struct store *st, int64_t id, struct store_feeds *out);
void store_feeds_free(struct store_feeds *f);
/* Unsubscribe; with articles, its articles go too (*removed, may be
 * NULL, counts them); else they stay, no longer in a feed. */
enum dg_status store_feed_remove(struct store *st, int64_t id, bool articles, int64_t *removed);

/* The articles of feeds (with full_only, of the feeds set full) stored
 * or updated since (Unix seconds), with their URLs, in id order; fn
 * returns non-zero to stop. */
typedef int (*store_feed_article_fn)(void *ctx, int64_t id, const char *url);
enum dg_status store_feed_articles_since(struct store *st, int64_t since, bool full_only,
                                         store_feed_article_fn fn, void *ctx);

/* What one fetch of a feed found, to keep. */
struct store_feed_outcome {
	int64_t fetched_at;
	int64_t status;            /* HTTP status, 0 when no reply */
	const char *error;         /* "" or NULL when it went well */
	const char *etag, *last_modified; /* NULL: keep the stored ones */
	int64_t next_fetch;        /* 0: any time */
	bool disable;              /* 410 */
	const char *new_url;       /* a permanent redirect's target; NULL none */
	const char *title;         /* the feed's own title: kept when the stored one is "" */
};
/* Record it (disabled as o->disable says: a feed named to fetch after a
 * 410 that answers again is enabled again).  A new_url another feed has
 * already is left out. */
enum dg_status store_feed_record(struct store *st, int64_t id, const struct store_feed_outcome *o);

/*
 * Store item item_key of feed feed_id, analysed into a (date: its date,
 * 0 none).  A known item with the same text is PUT_UNCHANGED; with other
 * text it is updated in place, state kept (PUT_UPDATED); an unknown item
 * whose text the library holds already (the same story in another feed)
 * is linked to that article (PUT_UNCHANGED); else PUT_NEW.  *id gets the
 * article's id.
 */
enum dg_status store_feed_put_item(struct store *st, int64_t feed_id, const char *item_key,
                                   const struct article *a, int64_t date, int64_t *id,
                                   enum store_put *what);

/* What store_feed_put_item hashes of an item, to be found apart from the
 * store (a fetch finds it on its analysis threads): the item's identity
 * (feed, key and text) and its text's (store.h's text key). */
struct store_feed_keys {
	unsigned char item[HASH_KEY_SIZE];
	unsigned char text[HASH_KEY_SIZE];
};
void store_feed_item_keys(int64_t feed_id, const char *item_key, const struct article *a,
                          struct store_feed_keys *k);
/* store_feed_put_item with the keys store_feed_item_keys gave for these
 * same feed_id, item_key and a. */
enum dg_status store_feed_put_keyed(struct store *st, int64_t feed_id, const char *item_key,
                                    const struct article *a, int64_t date,
                                    const struct store_feed_keys *k, int64_t *id,
                                    enum store_put *what);

#endif
