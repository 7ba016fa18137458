/*
 * store_feed.c: the feed and feed_item tables (store_feed.h).  Items are
 * stored through store_put_article under a path of their own,
 * "feed:ID:KEY", so a changed item is the known path with new text: it is
 * updated in place and keeps its state, as a changed file does.
 */
#include "diglot/store_feed.h"
#include "diglot/hash.h"
#include "diglot/sbuf.h"
#include "store_int.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

static enum dg_status step_done(struct store *st, sqlite3_stmt *s)
{
	int r = sqlite3_step(s);
	sqlite3_reset(s);
	return r == SQLITE_DONE ? DG_OK : store_sqlerr(st);
}

static enum dg_status find_feed(struct store *st, const char *url, int64_t *id)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT id FROM feed WHERE url = ?1");
	if (!s)
		return DG_ERR;
	sqlite3_bind_text(s, 1, url, -1, SQLITE_STATIC);
	int r = sqlite3_step(s);
	*id = r == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	sqlite3_reset(s);
	if (r != SQLITE_ROW && r != SQLITE_DONE)
		return store_sqlerr(st);
	return r == SQLITE_ROW ? DG_OK : DG_NOTFOUND;
}

enum dg_status store_feed_by_url(struct store *st, const char *url, int64_t *id)
{
	enum dg_status rc = find_feed(st, url, id);
	if (rc == DG_NOTFOUND)
		return store_fail(st, DG_NOTFOUND, "%s: no such feed", url);
	return rc;
}

enum dg_status store_feed_set_full(struct store *st, int64_t id, bool on)
{
	sqlite3_stmt *s = store_stmt(st, "UPDATE feed SET full = ?2 WHERE id = ?1");
	if (!s)
		return DG_ERR;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int(s, 2, on);
	if (step_done(st, s) != DG_OK)
		return DG_ERR;
	if (sqlite3_changes(st->db) == 0)
		return store_fail(st, DG_NOTFOUND, "no feed with ID %lld", (long long)id);
	return DG_OK;
}

enum dg_status store_feed_add(struct store *st, const char *url, const char *title,
                              const char *category, int64_t *id, bool *existed)
{
	if (existed)
		*existed = false;
	enum dg_status rc = find_feed(st, url, id);
	if (rc != DG_NOTFOUND) {
		if (rc == DG_OK && existed)
			*existed = true;
		return rc;
	}
	sqlite3_stmt *s = store_stmt(st, "INSERT INTO feed(url, title, category, added_at)"
	                                 " VALUES(?1, ?2, ?3, ?4)");
	if (!s)
		return DG_ERR;
	sqlite3_bind_text(s, 1, url, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, title ? title : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, category ? category : "", -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 4, (int64_t)time(NULL));
	if (step_done(st, s) != DG_OK)
		return DG_ERR;
	*id = sqlite3_last_insert_rowid(st->db);
	return DG_OK;
}

enum dg_status store_feed_list(struct store *st, int64_t id, store_feed_fn fn, void *ctx)
{
	/* Counts by the items' links, so an article two feeds carry counts
	 * in both; per feed from the feed_item primary key. */
	sqlite3_stmt *s = store_stmt(st,
		"SELECT f.id, f.url, f.title, f.category, f.etag, f.last_modified, f.last_status,"
		" f.last_error, f.last_fetched, f.next_fetch, f.disabled,"
		" (SELECT count(*) FROM feed_item i WHERE i.feed_id = f.id),"
		" (SELECT count(*) FROM feed_item i JOIN state s ON s.article_id = i.article_id"
		"  WHERE i.feed_id = f.id AND s.read = 0), f.full"
		" FROM feed f WHERE ?1 = 0 OR f.id = ?1 ORDER BY f.id");
	if (!s)
		return DG_ERR;
	sqlite3_bind_int64(s, 1, id);
	int r, n = 0;
	while ((r = sqlite3_step(s)) == SQLITE_ROW) {
		n++;
		struct store_feed f = {
			.id = sqlite3_column_int64(s, 0),
			.url = store_col_text(s, 1),
			.title = store_col_text(s, 2),
			.category = store_col_text(s, 3),
			.etag = store_col_text(s, 4),
			.last_modified = store_col_text(s, 5),
			.last_status = sqlite3_column_int64(s, 6),
			.last_error = store_col_text(s, 7),
			.last_fetched = sqlite3_column_int64(s, 8),
			.next_fetch = sqlite3_column_int64(s, 9),
			.disabled = sqlite3_column_int(s, 10) != 0,
			.articles = sqlite3_column_int64(s, 11),
			.unread = sqlite3_column_int64(s, 12),
			.full = sqlite3_column_int(s, 13) != 0,
		};
		if (fn(ctx, &f)) {
			r = SQLITE_DONE;
			break;
		}
	}
	sqlite3_reset(s);
	if (r != SQLITE_DONE)
		return store_sqlerr(st);
	if (id > 0 && n == 0)
		return store_fail(st, DG_NOTFOUND, "no feed with ID %lld", (long long)id);
	return DG_OK;
}

static int keep_feed(void *ctx, const struct store_feed *f)
{
	struct store_feeds *out = ctx;
	xgrow(&out->v, &out->cap, out->n + 1, sizeof *out->v);
	struct store_feed *k = &out->v[out->n++];
	*k = *f;
	k->url = xstrdup(f->url);
	k->title = xstrdup(f->title);
	k->category = xstrdup(f->category);
	k->etag = xstrdup(f->etag);
	k->last_modified = xstrdup(f->last_modified);
	k->last_error = xstrdup(f->last_error);
	return 0;
}

enum dg_status store_feeds_read(struct store *st, int64_t id, struct store_feeds *out)
{
	return store_feed_list(st, id, keep_feed, out);
}

void store_feeds_free(struct store_feeds *f)
{
	/* the strings are the copies keep_feed made */
	for (size_t i = 0; i < f->n; i++) {
		free((char *)f->v[i].url);
		free((char *)f->v[i].title);
		free((char *)f->v[i].category);
		free((char *)f->v[i].etag);
		free((char *)f->v[i].last_modified);
		free((char *)f->v[i].last_error);
	}
	free(f->v);
	*f = (struct store_feeds){0};
}

/* The articles only this feed carries (another feed's stay). */
static enum dg_status remove_articles(struct store *st, int64_t id, int64_t *removed)
{
	sqlite3_stmt *s = store_stmt(st,
		"SELECT i.article_id FROM feed_item i WHERE i.feed_id = ?1 AND NOT EXISTS"
		" (SELECT 1 FROM feed_item o WHERE o.article_id = i.article_id AND o.feed_id <> ?1)");
	if (!s)
		return DG_ERR;
	sqlite3_bind_int64(s, 1, id);
	int64_t *ids = NULL;
	size_t n = 0, cap = 0;
	int r;
	while ((r = sqlite3_step(s)) == SQLITE_ROW) {
		xgrow(&ids, &cap, n + 1, sizeof *ids);
		ids[n++] = sqlite3_column_int64(s, 0);
	}
	sqlite3_reset(s);
	enum dg_status rc = r == SQLITE_DONE ? DG_OK : store_sqlerr(st);
	for (size_t i = 0; i < n && rc == DG_OK; i++)
		rc = store_delete(st, ids[i]);
	if (rc == DG_OK && removed)
		*removed = (int64_t)n;
	free(ids);
	return rc;
}

enum dg_status store_feed_remove(struct store *st, int64_t id, bool articles, int64_t *removed)
{
	if (removed)
		*removed = 0;
	bool own = !store_in_batch(st);
	if (own && store_begin(st) != DG_OK)
		return DG_ERR;
	enum dg_status rc = articles ? remove_articles(st, id, removed) : DG_OK;
	sqlite3_stmt *s = rc == DG_OK ? store_stmt(st, "DELETE FROM feed WHERE id = ?1") : NULL;
	if (s) {
		sqlite3_bind_int64(s, 1, id);
		rc = step_done(st, s);
		if (rc == DG_OK && sqlite3_changes(st->db) == 0)
			rc = store_fail(st, DG_NOTFOUND, "no feed with ID %lld", (long long)id);
	} else
		rc = DG_ERR;
	if (own) {
		if (rc == DG_OK)
			rc = store_commit(st);
		else
			store_rollback(st);
	}
	return rc;
}

enum dg_status store_feed_record(struct store *st, int64_t id, const struct store_feed_outcome *o)
{
	sqlite3_stmt *s = store_stmt(st,
		"UPDATE feed SET last_fetched = ?2, last_status = ?3, last_error = ?4,"
		" etag = coalesce(?5, etag), last_modified = coalesce(?6, last_modified),"
		" next_fetch = ?7, disabled = ?8,"
		" title = CASE WHEN title = '' THEN coalesce(?9, '') ELSE title END,"
		" url = CASE WHEN ?10 IS NOT NULL AND NOT EXISTS"
		"  (SELECT 1 FROM feed o WHERE o.url = ?10) THEN ?10 ELSE url END"
		" WHERE id = ?1");
	if (!s)
		return DG_ERR;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int64(s, 2, o->fetched_at);
	sqlite3_bind_int64(s, 3, o->status);
	sqlite3_bind_text(s, 4, o->error ? o->error : "", -1, SQLITE_STATIC);
	if (o->etag)
		sqlite3_bind_text(s, 5, o->etag, -1, SQLITE_STATIC);
	if (o->last_modified)
		sqlite3_bind_text(s, 6, o->last_modified, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 7, o->next_fetch);
	sqlite3_bind_int(s, 8, o->disable);
	if (o->title)
		sqlite3_bind_text(s, 9, o->title, -1, SQLITE_STATIC);
	if (o->new_url && *o->new_url)
		sqlite3_bind_text(s, 10, o->new_url, -1, SQLITE_STATIC);
	if (step_done(st, s) != DG_OK)
		return DG_ERR;
	if (sqlite3_changes(st->db) == 0)
		return store_fail(st, DG_NOTFOUND, "no feed with ID %lld", (long long)id);
	return DG_OK;
}

/* The raw identity store_put_article wants: feed, item and text. */
static void item_hash(int64_t feed_id, const char *item_key, const struct article *a,
                      unsigned char key[HASH_KEY_SIZE])
{
	struct sbuf b = SBUF_INIT;
	sbuf_addf(&b, "feed %lld\n%s\n%s\n%s\n%s\n", (long long)feed_id, item_key, a->title,
	          a->source, a->url);
	for (size_t i = 0; i < a->npara; i++) {
		sbuf_addstr(&b, a->paras[i].text);
		sbuf_addc(&b, '\n');
	}
	unsigned char sha[32];
	hash_sha256(b.s, b.len, sha);
	memcpy(key, sha, HASH_KEY_SIZE);
	sbuf_free(&b);
}

void store_feed_item_keys(int64_t feed_id, const char *item_key, const struct article *a,
                          struct store_feed_keys *k)
{
	item_hash(feed_id, item_key, a, k->item);
	store_article_text_key(a, k->text);
}

enum dg_status store_feed_put_item(struct store *st, int64_t feed_id, const char *item_key,
                                   const struct article *a, int64_t date, int64_t *id,
                                   enum store_put *what)
{
	struct store_feed_keys k;
	store_feed_item_keys(feed_id, item_key, a, &k);
	return store_feed_put_keyed(st, feed_id, item_key, a, date, &k, id, what);
}

enum dg_status store_feed_put_keyed(struct store *st, int64_t feed_id, const char *item_key,
                                    const struct article *a, int64_t date,
                                    const struct store_feed_keys *k, int64_t *id,
                                    enum store_put *what)
{
	char *path = xasprintf("feed:%lld:%s", (long long)feed_id, item_key);
	enum dg_status rc = store_put_feed_article(st, a, path, k->item, HASH_KEY_SIZE, date, feed_id,
	                                           k->text, id, what);
	free(path);
	if (rc != DG_OK)
		return rc;
	/* The item's link to its article (a changed item that now reads like
	 * another article keeps its own), and the article's first feed. */
	sqlite3_stmt *s = store_stmt(st, "INSERT INTO feed_item(feed_id, item_key, article_id)"
	                                 " VALUES(?1, ?2, ?3) ON CONFLICT(feed_id, item_key) DO UPDATE"
	                                 " SET article_id = excluded.article_id"
	                                 " WHERE ?4 <> 0");
	if (!s)
		return DG_ERR;
	sqlite3_bind_int64(s, 1, feed_id);
	sqlite3_bind_text(s, 2, item_key, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 3, *id);
	sqlite3_bind_int(s, 4, *what != PUT_UNCHANGED);
	if (step_done(st, s) != DG_OK)
		return DG_ERR;
	if (*what == PUT_NEW)
		return DG_OK; /* made with its feed */
	s = store_stmt(st, "UPDATE article SET feed_id = ?2 WHERE id = ?1 AND feed_id IS NULL");
	if (!s)
		return DG_ERR;
	sqlite3_bind_int64(s, 1, *id);
	sqlite3_bind_int64(s, 2, feed_id);
	return step_done(st, s);
}

enum dg_status store_feed_articles_since(struct store *st, int64_t since, bool full_only,
                                         store_feed_article_fn fn, void *ctx)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT id, url FROM article WHERE feed_id IS NOT NULL"
	                                 " AND imported_at >= ?1 AND url <> ''"
	                                 " AND (?2 = 0 OR feed_id IN (SELECT id FROM feed WHERE full))"
	                                 " ORDER BY id");
	if (!s)
		return DG_ERR;
	sqlite3_bind_int64(s, 1, since);
	sqlite3_bind_int(s, 2, full_only);
	int r;
	while ((r = sqlite3_step(s)) == SQLITE_ROW)
		if (fn(ctx, sqlite3_column_int64(s, 0), store_col_text(s, 1)))
			break;
	sqlite3_reset(s);
	return r == SQLITE_ROW || r == SQLITE_DONE ? DG_OK : store_sqlerr(st);
}
