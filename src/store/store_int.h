/*
 * store_int.h: what the store_*.c files share and nobody else sees: the
 * store struct, the prepared-statement cache and error helpers.
 */
#ifndef DIGLOT_STORE_INT_H
#define DIGLOT_STORE_INT_H

#include "diglot/common.h"
#include "diglot/store.h"
#include "diglot/hash.h"

#include <sqlite3.h>

#define STORE_CACHE_MAX 64

struct store_cached {
	char *sql;
	sqlite3_stmt *stmt;
};

struct store {
	sqlite3 *db;
	char *path;
	char *err;
	int64_t data_version;
	bool readonly;    /* opened by store_open_read on a library this user cannot write */
	int64_t fts_from; /* first new article not yet in the FTS index; 0: none */
	struct story_batch *story; /* story keys of the open batch, not yet indexed (store_story.c) */
	struct story_common *story_common; /* keys too common to look up (store_story.c) */
	struct story_known *story_known;   /* keys looked up, with their articles (story_known.c) */
	struct story_info *story_info;     /* articles' stories and dates, story sizes (story_info.c) */
	size_t story_cache_keys;           /* ... at most (store_story_cache) */
	struct store_cached cache[STORE_CACHE_MAX];
	int ncache;
};

/* A statement for sql, prepared once and kept for the life of the store
 * (reset and unbound on each call).  NULL on error, with st->err set. */
sqlite3_stmt *store_stmt(struct store *st, const char *sql);

/* Run sql (no rows wanted), uncached. */
enum dg_status store_exec(struct store *st, const char *sql);
/* The one integer a PRAGMA or SELECT gives; -1 on error. */
int64_t store_pragma_int(struct store *st, const char *sql);

/* Bring the schema up to this diglot's version (store_schema.c). */
enum dg_status store_migrate(struct store *st);
/* The user_version this diglot writes. */
int64_t store_schema_version(void);
/* The identity of an article's content: the first HASH_KEY_SIZE bytes
 * of the SHA-256 of its stored title and body (store.c). */
void store_text_key(const char *title, size_t tlen, const char *body, size_t blen,
                    unsigned char key[HASH_KEY_SIZE]);

/* store_put_article, a new row made the article of feed feed_id (0:
 * none) at once (store_feed.c: no second write of the row); tkey, when
 * not NULL, is store_article_text_key(a), found beforehand. */
enum dg_status store_put_feed_article(struct store *st, const struct article *a, const char *path,
                                      const void *key, size_t keylen, int64_t date,
                                      int64_t feed_id, const unsigned char *tkey, int64_t *id,
                                      enum store_put *what);
/* The text key of an article about to be stored (store_text_key of the
 * text it is stored as). */
void store_article_text_key(const struct article *a, unsigned char key[HASH_KEY_SIZE]);

/* Set st->err to "<path>: <sqlite message>" and return DG_ERR. */
enum dg_status store_sqlerr(struct store *st);
/* Set st->err to the formatted message and return code. */
enum dg_status store_fail(struct store *st, int code, const char *fmt, ...) DG_PRINTF(3, 4);

/* Bind id to ?1 of s and step to its one row: DG_OK on a row, else the
 * statement is reset and DG_NOTFOUND ("no article with ID n") or DG_ERR. */
enum dg_status store_step_article(struct store *st, sqlite3_stmt *s, int64_t id);
/* The "no article with ID n" failure. */
enum dg_status store_no_article(struct store *st, int64_t id);

/* The text's date from the date and imported_at columns: 0 when the text
 * had none (the date column then holds the import time: see store.c). */
static inline int64_t store_text_date(int64_t date, int64_t imported_at)
{
	return date == imported_at ? 0 : date;
}

/* Take article id's evidence keys out of the story index (store_story.c):
 * before the article goes, or its text changes. */
enum dg_status store_story_forget(struct store *st, int64_t id);
/* Index the open batch's story keys (before COMMIT: one FTS5 segment),
 * or forget them (a rollback, a close). */
enum dg_status store_story_flush(struct store *st);
void store_story_discard(struct store *st);
/* Index the articles a batch inserted so far (store.c): before COMMIT and
 * before anything that would touch those rows. */
enum dg_status store_fts_flush(struct store *st);
/* Free what the story code keeps in the handle (store_close). */
void store_story_close(struct store *st);
/* Link every article stored before the library had stories (schema v6). */
enum dg_status store_story_backfill(struct store *st);

/* Copy a text column ("" for NULL); valid until the next step. */
const char *store_col_text(sqlite3_stmt *s, int col);

#endif
