/*
 * store_schema.c: the library's schema and its user_version migration
 * ladder: step i takes a library from version i to i + 1, each in its own
 * transaction, so a library of any age opens, and one made by a newer
 * diglot is refused by name.
 */
#include "diglot/common.h"
#include "diglot/store.h"
#include "diglot/hash.h"
#include "diglot/sbuf.h"
#include "store_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the schema ------------------------------------------------------ */

/*
 * Count (sign +1) or uncount (-1) one article in every group it belongs
 * to.  src is a one-row subquery giving lg, lg2, so, rd, bm: the
 * article's languages, source, read and bookmarked flags.
 */
static void add_members(struct sbuf *b, const char *src, int sign)
{
	sbuf_addf(b,
		"INSERT INTO grp(kind, name, total, unread)\n"
		" SELECT k, n, %d, %d * (1 - rd) FROM (\n"
		"  SELECT 'all' AS k, '' AS n, rd FROM %s\n"
		"  UNION ALL SELECT 'lang', lg, rd FROM %s WHERE lg <> ''\n"
		"  UNION ALL SELECT 'lang', lg2, rd FROM %s WHERE lg2 <> '' AND lg2 <> lg\n"
		"  UNION ALL SELECT 'source', so, rd FROM %s\n"
		"  UNION ALL SELECT 'bilingual', '', rd FROM %s WHERE lg2 <> ''\n"
		"  UNION ALL SELECT 'bookmarked', '', rd FROM %s WHERE bm\n"
		" ) WHERE true\n"
		" ON CONFLICT(kind, name) DO UPDATE SET total = total + excluded.total,\n"
		"  unread = unread + excluded.unread;\n",
		sign, sign, src, src, src, src, src, src);
}

static const char schema_v1[] =
	"CREATE TABLE article(\n"
	" id INTEGER PRIMARY KEY,\n"
	" hash TEXT NOT NULL UNIQUE,\n"
	" path TEXT NOT NULL,\n"
	" title TEXT NOT NULL,\n"
	" title_key TEXT NOT NULL,\n" /* folded title: the A-Z order */
	" source TEXT NOT NULL DEFAULT '',\n"
	" url TEXT NOT NULL DEFAULT '',\n"
	" date INTEGER NOT NULL DEFAULT 0,\n"
	" lang TEXT NOT NULL DEFAULT '',\n"
	" lang2 TEXT NOT NULL DEFAULT '',\n"
	" text_bytes INTEGER NOT NULL DEFAULT 0,\n"
	" imported_at INTEGER NOT NULL DEFAULT 0,\n"
	/* The big columns last: list rows are read without touching the
	 * overflow pages a long body spills into. */
	" para_meta BLOB,\n"          /* per paragraph: length, lang, side, kind */
	" rows BLOB,\n"               /* aligned rows: 4 x uint32 each */
	" body TEXT NOT NULL);\n"     /* paragraphs joined by blank lines */
	"CREATE INDEX article_path ON article(path);\n"
	"CREATE INDEX article_date ON article(date, id);\n"
	"CREATE INDEX article_title ON article(title_key, id);\n"
	"CREATE INDEX article_source ON article(source, date DESC, id DESC);\n"
	"CREATE INDEX article_lang ON article(lang, date, id);\n"
	"CREATE INDEX article_lang2 ON article(lang2, date, id) WHERE lang2 <> '';\n"
	"CREATE TABLE state(\n"
	" article_id INTEGER PRIMARY KEY REFERENCES article(id) ON DELETE CASCADE,\n"
	" read INTEGER NOT NULL DEFAULT 0,\n"
	" bookmarked INTEGER NOT NULL DEFAULT 0,\n"
	" changed_at INTEGER NOT NULL DEFAULT 0);\n"
	"CREATE INDEX state_bookmarked ON state(article_id) WHERE bookmarked = 1;\n"
	"CREATE TABLE grp(\n"
	" kind TEXT NOT NULL, name TEXT NOT NULL,\n"
	" total INTEGER NOT NULL DEFAULT 0, unread INTEGER NOT NULL DEFAULT 0,\n"
	" PRIMARY KEY(kind, name)) WITHOUT ROWID;\n"
	"CREATE VIRTUAL TABLE article_fts USING fts5(title, body,\n"
	" content='article', content_rowid='id', tokenize='diglot');\n"
	/* A match in the title weighs ten times one in the body. */
	"INSERT INTO article_fts(article_fts, rank) VALUES('rank', 'bm25(10.0, 1.0)');\n";

#define SRC_NEW_FRESH "(SELECT NEW.lang AS lg, NEW.lang2 AS lg2, NEW.source AS so, 0 AS rd, 0 AS bm)"
#define SRC_ART(R) "(SELECT " R ".lang AS lg, " R ".lang2 AS lg2, " R ".source AS so, " \
	"s.read AS rd, s.bookmarked AS bm FROM state s WHERE s.article_id = " R ".id)"
#define SRC_STATE(R) "(SELECT a.lang AS lg, a.lang2 AS lg2, a.source AS so, " \
	R ".read AS rd, " R ".bookmarked AS bm FROM article a WHERE a.id = " R ".article_id)"
#define FTS_DEL "INSERT INTO article_fts(article_fts, rowid, title, body) " \
	"VALUES('delete', OLD.id, OLD.title, OLD.body);\n"
#define FTS_INS "INSERT INTO article_fts(rowid, title, body) VALUES(NEW.id, NEW.title, NEW.body);\n"

static char *schema_v1_triggers(void)
{
	struct sbuf b = SBUF_INIT;
	sbuf_addstr(&b, "CREATE TRIGGER article_ai AFTER INSERT ON article BEGIN\n"
	                " INSERT OR IGNORE INTO state(article_id) VALUES(NEW.id);\n" FTS_INS);
	add_members(&b, SRC_NEW_FRESH, 1);
	sbuf_addstr(&b, "END;\nCREATE TRIGGER article_bd BEFORE DELETE ON article BEGIN\n" FTS_DEL);
	add_members(&b, SRC_ART("OLD"), -1);
	sbuf_addstr(&b, "END;\nCREATE TRIGGER article_au_text AFTER UPDATE OF title, body ON article"
	                " BEGIN\n" FTS_DEL FTS_INS "END;\n");
	sbuf_addstr(&b, "CREATE TRIGGER article_au_group AFTER UPDATE OF lang, lang2, source"
	                " ON article BEGIN\n");
	add_members(&b, SRC_ART("OLD"), -1);
	add_members(&b, SRC_ART("NEW"), 1);
	sbuf_addstr(&b, "END;\nCREATE TRIGGER state_au AFTER UPDATE OF read, bookmarked ON state"
	                " BEGIN\n");
	add_members(&b, SRC_STATE("OLD"), -1);
	add_members(&b, SRC_STATE("NEW"), 1);
	sbuf_addstr(&b, "END;\n");
	return sbuf_detach(&b);
}

static enum dg_status migrate_v1(struct store *st)
{
	char *trig = schema_v1_triggers();
	int rc = store_exec(st, schema_v1);
	if (rc == DG_OK)
		rc = store_exec(st, trig);
	free(trig);
	return rc;
}

/* v2: the text size as an aggregate too, so that store_stats (run when
 * the reader starts) does not read every article row. */
static enum dg_status migrate_v2(struct store *st)
{
	return store_exec(st,
		"INSERT OR REPLACE INTO grp(kind, name, total, unread)"
		" SELECT 'bytes', '', coalesce(sum(text_bytes), 0), 0 FROM article;\n"
		"CREATE TRIGGER article_ai_bytes AFTER INSERT ON article BEGIN\n"
		" UPDATE grp SET total = total + NEW.text_bytes WHERE kind = 'bytes' AND name = '';\n"
		"END;\n"
		"CREATE TRIGGER article_bd_bytes BEFORE DELETE ON article BEGIN\n"
		" UPDATE grp SET total = total - OLD.text_bytes WHERE kind = 'bytes' AND name = '';\n"
		"END;\n"
		"CREATE TRIGGER article_au_bytes AFTER UPDATE OF text_bytes ON article BEGIN\n"
		" UPDATE grp SET total = total - OLD.text_bytes + NEW.text_bytes"
		" WHERE kind = 'bytes' AND name = '';\n"
		"END;\n");
}

/*
 * v3, for import speed and size:
 * - new articles enter the FTS index from store_commit, not from the
 *   insert trigger.  FTS5 flushes its pending terms to disk at every
 *   statement savepoint, and each article insert (its triggers keep the
 *   group counts) opens one: the trigger wrote one tiny segment per article;
 * - CJK single characters are no longer indexed beside every pair
 *   (tokenize_index), so the index is rebuilt;
 * - FTS5 may hold 16 MiB of pending terms (default 1 MiB) before it
 *   writes a segment: an import batch becomes one segment.
 */
static enum dg_status migrate_v3(struct store *st)
{
	struct sbuf b = SBUF_INIT;
	sbuf_addstr(&b, "INSERT INTO article_fts(article_fts, rank) VALUES('hashsize', 16777216);\n"
	                "INSERT INTO article_fts(article_fts) VALUES('rebuild');\n"
	                "DROP TRIGGER article_ai;\n"
	                "CREATE TRIGGER article_ai AFTER INSERT ON article BEGIN\n"
	                " INSERT OR IGNORE INTO state(article_id) VALUES(NEW.id);\n");
	add_members(&b, SRC_NEW_FRESH, 1);
	sbuf_addstr(&b, "END;\n");
	int rc = store_exec(st, sbuf_str(&b));
	sbuf_free(&b);
	return rc;
}

static int hex_digit(int c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/*
 * A migration that gives each row selected by sel_sql (id first) a new
 * key: key_of computes it from the row, or returns false to leave the row
 * as it is; upd_sql binds ?1 id, ?2 the key.
 */
static enum dg_status rekey_rows(struct store *st, const char *sel_sql, const char *upd_sql,
                                 bool (*key_of)(sqlite3_stmt *row, unsigned char key[HASH_KEY_SIZE]))
{
	sqlite3_stmt *sel = store_stmt(st, sel_sql);
	sqlite3_stmt *upd = store_stmt(st, upd_sql);
	if (!sel || !upd)
		return DG_ERR;
	int r;
	while ((r = sqlite3_step(sel)) == SQLITE_ROW) {
		unsigned char key[HASH_KEY_SIZE];
		if (!key_of(sel, key))
			continue;
		sqlite3_bind_int64(upd, 1, sqlite3_column_int64(sel, 0));
		sqlite3_bind_blob(upd, 2, key, HASH_KEY_SIZE, SQLITE_TRANSIENT);
		if (sqlite3_step(upd) != SQLITE_DONE) {
			sqlite3_reset(sel);
			return store_sqlerr(st);
		}
		sqlite3_reset(upd);
	}
	sqlite3_reset(sel);
	return r == SQLITE_DONE ? DG_OK : store_sqlerr(st);
}

/* 64 hex digits to the key's bytes; false for a hash diglot did not write. */
static bool hex_key(sqlite3_stmt *row, unsigned char key[HASH_KEY_SIZE])
{
	const char *hex = store_col_text(row, 1);
	for (size_t i = 0; i < HASH_KEY_SIZE; i++) {
		int hi = hex_digit(hex[2 * i]), lo = hi < 0 ? -1 : hex_digit(hex[2 * i + 1]);
		if (lo < 0)
			return false;
		key[i] = (unsigned char)(hi << 4 | lo);
	}
	return true;
}

/* v4: the identity is the SHA-256's first HASH_KEY_SIZE bytes as a blob,
 * not 64 hex digits (the hash was 6 % of a library, in the row and again
 * in its index). */
static enum dg_status migrate_v4(struct store *st)
{
	return rekey_rows(st, "SELECT id, hash FROM article WHERE typeof(hash) = 'text'",
	                  "UPDATE article SET hash = ?2 WHERE id = ?1", hex_key);
}

static bool row_text_key(sqlite3_stmt *row, unsigned char key[HASH_KEY_SIZE])
{
	store_text_key(store_col_text(row, 1), (size_t)sqlite3_column_bytes(row, 1),
	               store_col_text(row, 2), (size_t)sqlite3_column_bytes(row, 2), key);
	return true;
}

/*
 * v5: an article is identified by its text (text_key) as well as by its
 * raw bytes (hash, which still tells a changed file): the same article
 * saved as UTF-8, GB18030 and UTF-16 imports once.  The column comes
 * last, after body, and is only read through its index.  Not unique: a
 * library imported before may hold such copies already.
 */
static enum dg_status migrate_v5(struct store *st)
{
	/* The column may be there already: a library set back to an older
	 * user_version by hand (the tests do) climbs the ladder again. */
	int64_t has = store_pragma_int(st, "SELECT count(*) FROM pragma_table_info('article')"
	                             " WHERE name = 'text_key'");
	if (has < 0 || (has == 0 && store_exec(st, "ALTER TABLE article ADD COLUMN text_key BLOB") != DG_OK))
		return DG_ERR;
	if (store_exec(st, "CREATE INDEX IF NOT EXISTS article_text_key ON article(text_key)") != DG_OK)
		return DG_ERR;
	return rekey_rows(st, "SELECT id, title, body FROM article",
	                  "UPDATE article SET text_key = ?2 WHERE id = ?1", row_text_key);
}

/* Add a column to table unless it is there (a migration run again
 * after a crash between its ALTER and its user_version). */
static enum dg_status add_column(struct store *st, const char *table, const char *name, const char *decl)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT count(*) FROM pragma_table_info(?2) WHERE name = ?1");
	if (!s)
		return DG_ERR;
	sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, table, -1, SQLITE_STATIC);
	int r = sqlite3_step(s);
	bool has = r == SQLITE_ROW && sqlite3_column_int64(s, 0) > 0;
	sqlite3_reset(s);
	if (r != SQLITE_ROW)
		return store_sqlerr(st);
	if (has)
		return DG_OK;
	char *sql = xasprintf("ALTER TABLE %s ADD COLUMN %s %s", table, name, decl);
	enum dg_status rc = store_exec(st, sql);
	free(sql);
	return rc;
}

/*
 * v6: feeds: the subscribed
 * feeds with what their last fetch said, and each item's identity in its
 * feed (feed_item: the item key of feed.h -> the article), so a fetch
 * again updates a changed item in place and adds no duplicate.  An
 * article keeps its feed (article.feed_id; NULL when its feed was removed
 * and the article kept).
 */
static enum dg_status migrate_v6(struct store *st)
{
	if (add_column(st, "article", "feed_id", "INTEGER REFERENCES feed(id) ON DELETE SET NULL") != DG_OK)
		return DG_ERR;
	return store_exec(st,
		"CREATE TABLE IF NOT EXISTS feed(\n"
		" id INTEGER PRIMARY KEY,\n"
		" url TEXT NOT NULL UNIQUE,\n"
		" title TEXT NOT NULL DEFAULT '',\n"
		" category TEXT NOT NULL DEFAULT '',\n"
		" etag TEXT NOT NULL DEFAULT '',\n"
		" last_modified TEXT NOT NULL DEFAULT '',\n"
		" last_status INTEGER NOT NULL DEFAULT 0,\n"  /* HTTP status; 0 never fetched or no reply */
		" last_error TEXT NOT NULL DEFAULT '',\n"
		" last_fetched INTEGER NOT NULL DEFAULT 0,\n"
		" next_fetch INTEGER NOT NULL DEFAULT 0,\n"   /* not before (Retry-After) */
		" disabled INTEGER NOT NULL DEFAULT 0,\n"     /* 410 Gone */
		" added_at INTEGER NOT NULL DEFAULT 0);\n"
		"CREATE TABLE IF NOT EXISTS feed_item(\n"
		" feed_id INTEGER NOT NULL REFERENCES feed(id) ON DELETE CASCADE,\n"
		" item_key TEXT NOT NULL,\n"
		" article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,\n"
		" PRIMARY KEY(feed_id, item_key)) WITHOUT ROWID;\n"
		"CREATE INDEX IF NOT EXISTS feed_item_article ON feed_item(article_id);\n"
		"CREATE INDEX IF NOT EXISTS article_feed ON article(feed_id) WHERE feed_id IS NOT NULL;\n");
}

/*
 * v7: story links (store_story.c): which articles hold each evidence key,
 * each article's story and keys, and the links a user broke; the articles
 * already stored get their keys and links, oldest first.
 */
static enum dg_status migrate_v7(struct store *st)
{
	int rc = store_exec(st,
		"CREATE VIRTUAL TABLE IF NOT EXISTS story_fts USING fts5(k, content='', detail=none,\n"
		" tokenize='ascii');\n"
		"INSERT INTO story_fts(story_fts, rank) VALUES('hashsize', 16777216);\n"
		"CREATE TABLE IF NOT EXISTS story_art(\n"
		" a INTEGER PRIMARY KEY REFERENCES article(id) ON DELETE CASCADE,\n"
		" story INTEGER,\n"
		" date INTEGER NOT NULL DEFAULT 0,\n" /* the text's date: candidates are scored without the article row */
		" keys BLOB);\n"
		"CREATE INDEX IF NOT EXISTS story_art_story ON story_art(story) WHERE story IS NOT NULL;\n"
		"CREATE TABLE IF NOT EXISTS story_break(a INTEGER NOT NULL, b INTEGER NOT NULL,\n"
		" PRIMARY KEY(a, b)) WITHOUT ROWID;\n");
	return rc == DG_OK ? store_story_backfill(st) : rc;
}

/*
 * v8: the bilingual name lexicon (store_lex.c): a Han string and the Latin
 * name key its bilingual documents pair it with, and in how many.  Made
 * empty (a cheap step): the bilingual documents stored from then on teach it.
 */
static enum dg_status migrate_v8(struct store *st)
{
	return store_exec(st,
		"CREATE TABLE IF NOT EXISTS story_lex(cjk TEXT NOT NULL, key TEXT NOT NULL,\n"
		" docs INTEGER NOT NULL DEFAULT 1, PRIMARY KEY(cjk, key)) WITHOUT ROWID;\n");
}

/*
 * v9: the article's author (from a web page's metadata, a feed item), ""
 * when unknown.  After the big columns, as ALTER TABLE puts it: only
 * store_get reads it, which reads the body anyway.
 */
static enum dg_status migrate_v9(struct store *st)
{
	return add_column(st, "article", "author", "TEXT NOT NULL DEFAULT ''");
}

/*
 * v10: a feed whose items are always completed from their pages, as
 * `fetch --full` does for one run (`add --full`, `feeds --full on`);
 * 0 for the feeds there were.
 */
static enum dg_status migrate_v10(struct store *st)
{
	return add_column(st, "feed", "full", "INTEGER NOT NULL DEFAULT 0");
}

/* The ladder: step i takes the schema from user_version i to i + 1. */
static enum dg_status (*const migrations[])(struct store *) = {migrate_v1, migrate_v2, migrate_v3, migrate_v4,
                                                                migrate_v5, migrate_v6, migrate_v7, migrate_v8,
                                                                migrate_v9, migrate_v10};

int64_t store_schema_version(void)
{
	return (int64_t)ARRAY_SIZE(migrations);
}

enum dg_status store_migrate(struct store *st)
{
	for (;;) {
		int64_t v = store_pragma_int(st, "PRAGMA user_version");
		if (v < 0)
			return store_sqlerr(st);
		if (v == (int64_t)ARRAY_SIZE(migrations))
			return DG_OK;
		if (v > (int64_t)ARRAY_SIZE(migrations))
			return store_fail(st, DG_ERR, "%s: made by a newer diglot (schema %lld, this one knows %d)",
			                  st->path, (long long)v, (int)ARRAY_SIZE(migrations));
		if (store_exec(st, "BEGIN IMMEDIATE") != DG_OK)
			return DG_ERR;
		/* Another process may have migrated while we waited for the lock. */
		int64_t now = store_pragma_int(st, "PRAGMA user_version");
		int rc = now == v ? migrations[v](st) : DG_OK;
		if (rc == DG_OK && now == v) {
			char sql[64];
			snprintf(sql, sizeof sql, "PRAGMA user_version = %lld", (long long)v + 1);
			rc = store_exec(st, sql);
		}
		if (rc == DG_OK)
			rc = store_exec(st, "COMMIT");
		if (rc != DG_OK) {
			sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
			return DG_ERR;
		}
	}
}
