/*
 * store.h: the article library in SQLite.  store owns the only sqlite3
 * handle, the schema and its user_version migration ladder, every SQL
 * string and prepared statement.  Callers get plain structs or callbacks.
 *
 * The library is safe to share: WAL, a busy timeout, and every state
 * change committed at once, so several readers and one importer can use
 * one file at the same time.
 */
#ifndef DIGLOT_STORE_H
#define DIGLOT_STORE_H

#include "diglot/article.h"
#include "diglot/evidence.h"

struct store;

/* --db, else $DIGLOT_DB, else $XDG_DATA_HOME/diglot/library.db, else
 * ~/.local/share/diglot/library.db.  Caller frees. */
char *store_default_path(const char *db_option);

/*
 * Open (creating it, its folder 0700 and the file 0600) and migrate the
 * library at path.  On failure returns DG_ERR and *cause holds a message
 * naming the file ("cannot open /x/library.db: ..."); caller frees it.
 * Every other store_* call that fails leaves its message in the store.
 */
enum dg_status store_open(struct store **out, const char *path, char **cause);
/*
 * Open for reading only (list, search, show...): as store_open, except
 * that a library this user cannot write (another user's file, a folder
 * they cannot write) is opened read-only, not refused; every write to it
 * then fails.  store_open refuses such a library with "cannot write PATH:
 * the library is read-only".
 */
enum dg_status store_open_read(struct store **out, const char *path, char **cause);
bool store_readonly(const struct store *st);
void store_close(struct store **st);
const char *store_path(const struct store *st);
/* The message of the last failed call, naming the article or file. */
const char *store_error(const struct store *st);
/* The same message without the library path it starts with, for a
 * message that names the library already. */
const char *store_error_reason(const struct store *st);

/* ---- import ----------------------------------------------------------- */

/* Batches: import groups many puts in one transaction. */
enum dg_status store_begin(struct store *st);
/* Bulk mode (an import): a 64 MiB page cache and a WAL checkpointed every
 * 32 MiB instead of every 2 MiB, so that index pages dirtied by batch after
 * batch are written back once; off restores the defaults. */
enum dg_status store_bulk(struct store *st, bool on);
/* Many batches in a row within a small memory (a fetch): the WAL
 * checkpointed every 16 MiB, the page cache as it is; off restores. */
enum dg_status store_wal_batches(struct store *st, bool on);
/* The story keys a handle keeps with their articles between lookups, at
 * most (about 100 bytes each): an import keeps STORE_STORY_CACHE_KEYS, a
 * fetch, kept within a small memory, fewer; 0 keeps none. */
#define STORE_STORY_CACHE_KEYS ((size_t)1 << 18)
void store_story_cache(struct store *st, size_t keys);
enum dg_status store_commit(struct store *st);
void store_rollback(struct store *st);
/* Is a batch still open?  SQLite rolls a whole transaction back by itself
 * on some failures (a full disk, an I/O error): then the batch is lost. */
bool store_in_batch(const struct store *st);

enum store_put {
	PUT_NEW,       /* a new article */
	PUT_UPDATED,   /* the file at this path changed; state kept */
	PUT_UNCHANGED, /* same content already in the library */
};

/*
 * Store an analysed article read from path ("-" for stdin).  key (keylen
 * bytes) is the identity of its raw bytes (the importer's is the first
 * HASH_KEY_SIZE bytes of their SHA-256).  An article whose bytes or whose
 * text (title and body: the same article in another encoding) is in the
 * library already is PUT_UNCHANGED; a known path with new text updates
 * that article in place, keeping read/bookmark state.  date is the date
 * in its text (the importer's is a->date), 0 for none: the article then
 * has no date and sorts by its import time.
 */
enum dg_status store_put_article(struct store *st, const struct article *a, const char *path,
                      const void *key, size_t keylen, int64_t date, int64_t *id,
                      enum store_put *what);

/* ---- lists ------------------------------------------------------------ */

struct store_filter {
	const char *lang;   /* articles with this language on either side; NULL any */
	const char *source; /* exact outlet name ("" = no source); NULL any */
	int read;           /* -1 any, 0 unread only, 1 read only */
	bool bookmarked;    /* only bookmarked */
	bool bilingual;     /* only bilingual */
	const char *query;  /* search text as the user typed it; NULL none */
	const char *other_lang; /* and this language too (a bilingual pair); NULL any */
	int64_t feed;       /* only the articles of this feed (store_feed.h); 0 any */
	int64_t story;      /* only the articles of this story; 0 any */
};
#define STORE_FILTER_ALL {NULL, NULL, -1, false, false, NULL, NULL, 0, 0}

enum store_order {
	ORDER_DATE,   /* newest first */
	ORDER_TITLE,  /* A to Z by case-folded title */
	ORDER_SOURCE, /* by source, then newest first */
};

/* One list row; the strings live until the callback returns. */
struct store_item {
	int64_t id;
	int64_t date;        /* from the text; 0 when it had none */
	int64_t imported_at; /* when it was imported: the date to show, marked, when date is 0 */
	char lang[LANG_CODE_SIZE], lang2[LANG_CODE_SIZE];
	const char *title, *source, *url, *path;
	bool read, bookmarked;
	const char *snippet; /* search only: a few words around the match, matches in [...] */
	int64_t story;       /* its story (store_story_link), 0 when none */
};

/* Return nonzero to stop the iteration. */
typedef int (*store_item_fn)(void *ctx, const struct store_item *it);

/*
 * A window over a list (keyset pagination: cost does not grow with the
 * library).  Without a query: rows after the row with id after_id in
 * order (from the top when 0), or before it when backward (from the end
 * when 0; rows still come in list order).  With a query: best bm25 rank
 * first, skipping offset rows.  At most limit rows.
 */
struct store_page {
	int64_t after_id;
	bool backward;
	int offset;
	int limit;
	bool no_snippet; /* leave store_item.snippet NULL: each snippet reads
	                    and tokenizes its whole article again */
};

enum dg_status store_list(struct store *st, const struct store_filter *f, enum store_order order,
               const struct store_page *page, store_item_fn fn, void *ctx);
enum dg_status store_count(struct store *st, const struct store_filter *f, int64_t *n);
/* Position (0-based) of article id in the list, or DG_NOTFOUND. */
enum dg_status store_position(struct store *st, const struct store_filter *f, enum store_order order,
                   int64_t id, int64_t *pos);

/* ---- one article ------------------------------------------------------ */

struct store_meta {
	int64_t id, date; /* date: from the text, 0 when none (article.imported_at then) */
	bool read, bookmarked;
	char *path; /* caller frees with store_meta_free */
};

/* Article id's text (paragraphs, languages, rows, author, title, source,
 * URL and date) replaced by a's, its state, hash and path kept: a feed
 * item's teaser completed from its page (import_full.h). */
enum dg_status store_replace_text(struct store *st, int64_t id, const struct article *a);

/* Load article id (paragraphs, sides, rows) into *a (zeroed or freed).
 * DG_NOTFOUND with a message naming the ID when there is none. */
enum dg_status store_get(struct store *st, int64_t id, struct article *a, struct store_meta *meta);
void store_meta_free(struct store_meta *m);

enum store_flag { FLAG_READ, FLAG_BOOKMARKED };
/* value 1 set, 0 clear, -1 toggle; *now (may be NULL) gets the new value.
 * Committed before returning.  DG_NOTFOUND for an unknown id. */
enum dg_status store_set_flag(struct store *st, int64_t id, enum store_flag flag, int value, bool *now);

/* Remove article id from the library: its row, text, search index
 * entries and state (the group counts follow by trigger).  The file it
 * was imported from is not touched; importing it again brings it back,
 * unread.  Committed before returning.  DG_NOTFOUND for an unknown id. */
enum dg_status store_delete(struct store *st, int64_t id);

/* Mark read every unread article of the list f describes (a group, a
 * search); *changed (may be NULL) gets how many changed.  One statement,
 * committed before returning. */
enum dg_status store_mark_read(struct store *st, const struct store_filter *f, int64_t *changed);

/* The read and bookmark flags of article id as the library has them now
 * (another process may have changed them).  DG_NOTFOUND when it is gone. */
enum dg_status store_get_state(struct store *st, int64_t id, bool *read, bool *bookmarked);

/* ---- groups and figures ------------------------------------------------ */

enum store_group { GROUP_LANG, GROUP_SOURCE };
struct store_group_row {
	const char *name; /* language code or outlet name ("" for no source) */
	int64_t total, unread;
};
typedef int (*store_group_fn)(void *ctx, const struct store_group_row *g);
/* Languages by article count, sources by name; from maintained
 * aggregates, not a scan of the articles. */
enum dg_status store_groups(struct store *st, enum store_group g, store_group_fn fn, void *ctx);

struct store_stats {
	int64_t articles, unread, bookmarked, bilingual, langs, sources;
	int64_t bytes; /* database file plus WAL */
	int64_t text_bytes; /* UTF-8 text of all articles */
};
enum dg_status store_stats(struct store *st, struct store_stats *s);

/* ---- integrity -------------------------------------------------------- */

/* One problem: which part ("file", "search index", "counts", "state") and
 * what is wrong with it. */
typedef void (*store_problem_fn)(void *ctx, const char *part, const char *what);

/* Check the file (SQLite integrity_check), the search index against the
 * articles, and the group counts against a recount; each problem goes to
 * fn and *problems counts them.  DG_OK when the checks ran.  On a library
 * opened read-only the search index is not checked (FTS5's check writes). */
enum dg_status store_check(struct store *st, store_problem_fn fn, void *ctx, int *problems);

/* Rebuild what derives from the articles (search index, counts, indexes,
 * missing state rows) in one transaction; nothing when it fails. */
enum dg_status store_repair(struct store *st);

/* ---- stories ------------------------------------------------------------ */

/*
 * Link article id, just stored (date: its text's date, 0 when none), to
 * the stories of the stored articles that report the same event: the
 * candidates share its rarest evidence keys (found by key, so the cost
 * does not grow with the library), story_score decides.  An article that
 * links two stories merges them, unless the merge would remake a link
 * store_story_unlink broke.  An updated article's old keys are replaced;
 * it stays in its story.  Runs in the caller's batch.
 */
enum dg_status store_story_link(struct store *st, int64_t id, int64_t date, const struct evidence *ev);

/* The story of article id, 0 when it is in none (or unknown). */
enum dg_status store_story_of(struct store *st, int64_t id, int64_t *story);

struct store_story {
	int64_t id;
	const char *langs;   /* its articles' languages, sorted, ',' between */
	int64_t articles;
	int64_t first;       /* its earliest article (by date, then id) */
	const char *title;   /* that article's title */
};
typedef int (*store_story_fn)(void *ctx, const struct store_story *s);
/* Every story (two articles or more), by id. */
enum dg_status store_stories(struct store *st, store_story_fn fn, void *ctx);

/* The other articles of article id's story, earliest first (at most
 * STORY_MAX_ARTICLES): *out (caller frees) and *n, 0 when it is in none. */
struct store_story_member {
	int64_t id;
	char lang[LANG_CODE_SIZE], lang2[LANG_CODE_SIZE];
};
enum dg_status store_story_members(struct store *st, int64_t id, struct store_story_member **out, size_t *n);

/* Take article id out of its story for good: the links to each of its
 * members are remembered as broken, so no import makes them again.  A
 * story left with one article is dissolved.  DG_NOTFOUND when the article
 * is in no story.  Committed before returning. */
enum dg_status store_story_unlink(struct store *st, int64_t id);

/* The bilingual name lexicon (store_lex.c, evidence.h): a bilingual
 * document's pairs are learnt when it is stored; the lexicon is read
 * whole (a few pairs per bilingual document), the most taught first. */
enum dg_status store_lex_learn(struct store *st, const struct lex_pair *p, size_t n);
enum dg_status store_lex_load(struct store *st, struct lexicon **out);

/* True when another connection changed the library since the last call
 * (PRAGMA data_version): the reader refreshes then. */
bool store_changed(struct store *st);

#endif
