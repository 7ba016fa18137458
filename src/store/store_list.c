/*
 * store_list.c: windows over the article list, counts and positions.
 *
 * Plain lists use keyset pagination: the row the window starts after is
 * turned into its sort key and the query asks for rows beyond that key,
 * which an index answers without walking the rows before it.  Searches
 * are ranked by FTS5's bm25 and paged by offset; a search with more than
 * RANK_MAX_HITS hits lists the newest imported first instead.
 * Counts that the grp aggregates can answer never touch the articles.
 */
#include "diglot/common.h"
#include "diglot/store.h"
#include "diglot/sbuf.h"
#include "diglot/tokenize.h"
#include "store_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define COLS "a.id, a.date, a.lang, a.lang2, a.title, a.source, a.url, a.path, s.read, s.bookmarked," \
	" a.imported_at, (SELECT story FROM story_art WHERE story_art.a = a.id)"
#define FROM " FROM article a JOIN state s ON s.article_id = a.id"
#define FROM_FTS " FROM article_fts f JOIN article a ON a.id = f.rowid" \
	" JOIN state s ON s.article_id = a.id"

/* ---- SQL pieces --------------------------------------------------------- */

static void add_filter(struct sbuf *b, const struct store_filter *f)
{
	if (f->lang)
		sbuf_addstr(b, " AND (a.lang = :lang OR a.lang2 = :lang)");
	if (f->other_lang)
		sbuf_addstr(b, " AND (a.lang = :lang_o OR a.lang2 = :lang_o)");
	if (f->source)
		sbuf_addstr(b, " AND a.source = :source");
	if (f->read >= 0)
		sbuf_addstr(b, " AND s.read = :read");
	if (f->bookmarked)
		sbuf_addstr(b, " AND s.bookmarked = 1");
	if (f->bilingual)
		sbuf_addstr(b, " AND a.lang2 <> ''");
	if (f->feed)
		sbuf_addstr(b, " AND a.id IN (SELECT article_id FROM feed_item WHERE feed_id = :feed)");
	if (f->story)
		sbuf_addstr(b, " AND a.id IN (SELECT a FROM story_art WHERE story = :story)");
	if (f->query)
		sbuf_addstr(b, " AND article_fts MATCH :q");
}

static void bind_text(sqlite3_stmt *s, const char *name, const char *v)
{
	int i = sqlite3_bind_parameter_index(s, name);
	if (i)
		sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
}

static void bind_int(sqlite3_stmt *s, const char *name, int64_t v)
{
	int i = sqlite3_bind_parameter_index(s, name);
	if (i)
		sqlite3_bind_int64(s, i, v);
}

static void bind_filter(sqlite3_stmt *s, const struct store_filter *f, const char *match)
{
	if (f->lang)
		bind_text(s, ":lang", f->lang);
	if (f->other_lang)
		bind_text(s, ":lang_o", f->other_lang);
	if (f->source)
		bind_text(s, ":source", f->source);
	if (f->read >= 0)
		bind_int(s, ":read", f->read ? 1 : 0);
	if (f->feed)
		bind_int(s, ":feed", f->feed);
	if (f->story)
		bind_int(s, ":story", f->story);
	if (match)
		bind_text(s, ":q", match);
}

/* The sort key of one article. */
struct key {
	int64_t id, date;
	char *title_key, *source;
};

static enum dg_status get_key(struct store *st, int64_t id, struct key *k)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT date, title_key, source FROM article WHERE id = ?1");
	if (!s)
		return DG_ERR;
	int rc = store_step_article(st, s, id);
	if (rc != DG_OK)
		return rc;
	k->id = id;
	k->date = sqlite3_column_int64(s, 0);
	k->title_key = xstrdup(store_col_text(s, 1));
	k->source = xstrdup(store_col_text(s, 2));
	sqlite3_reset(s);
	return DG_OK;
}

static void key_free(struct key *k)
{
	free(k->title_key);
	free(k->source);
}

static void bind_key(sqlite3_stmt *s, const struct key *k)
{
	bind_int(s, ":kid", k->id);
	bind_int(s, ":kdate", k->date);
	bind_text(s, ":ktitle", k->title_key);
	bind_text(s, ":ksource", k->source);
}

/* ---- collected rows ------------------------------------------------------ */

struct rowbuf {
	struct store_item *items;
	char **strs; /* 5 owned strings per item: title, source, url, path, snippet */
	size_t n, cap;
};

static void rowbuf_add(struct rowbuf *rb, sqlite3_stmt *s)
{
	if (rb->n == rb->cap) {
		xgrow(&rb->items, &rb->cap, rb->n + 1, sizeof *rb->items);
		rb->strs = xreallocarray(rb->strs, rb->cap * 5, sizeof *rb->strs);
	}
	struct store_item *it = &rb->items[rb->n];
	char **str = rb->strs + rb->n * 5;
	memset(it, 0, sizeof *it);
	it->id = sqlite3_column_int64(s, 0);
	it->imported_at = sqlite3_column_int64(s, 10);
	it->date = store_text_date(sqlite3_column_int64(s, 1), it->imported_at);
	snprintf(it->lang, sizeof it->lang, "%s", store_col_text(s, 2));
	snprintf(it->lang2, sizeof it->lang2, "%s", store_col_text(s, 3));
	for (int i = 0; i < 4; i++)
		str[i] = xstrdup(store_col_text(s, 4 + i));
	str[4] = NULL;
	it->story = sqlite3_column_int64(s, 11);
	if (sqlite3_column_count(s) > 12) { /* a search: the snippet, on one line */
		str[4] = xstrdup(store_col_text(s, 12));
		for (char *p = str[4]; *p; p++)
			if (*p == '\n')
				*p = ' ';
		it->snippet = str[4];
	}
	it->title = str[0];
	it->source = str[1];
	it->url = str[2];
	it->path = str[3];
	it->read = sqlite3_column_int(s, 8) != 0;
	it->bookmarked = sqlite3_column_int(s, 9) != 0;
	rb->n++;
}

static void rowbuf_free(struct rowbuf *rb)
{
	for (size_t i = 0; i < rb->n * 5; i++)
		free(rb->strs[i]);
	free(rb->strs);
	free(rb->items);
	memset(rb, 0, sizeof *rb);
}

/* Run s, appending at most limit rows.  DG_OK or DG_ERR. */
static enum dg_status fill(struct store *st, sqlite3_stmt *s, struct rowbuf *rb, size_t limit)
{
	int r = SQLITE_DONE;
	while (rb->n < limit && (r = sqlite3_step(s)) == SQLITE_ROW)
		rowbuf_add(rb, s);
	if (rb->n < limit && r != SQLITE_DONE) {
		sqlite3_reset(s);
		return store_sqlerr(st);
	}
	sqlite3_reset(s);
	return DG_OK;
}

static enum dg_status deliver(struct rowbuf *rb, bool reverse, store_item_fn fn, void *ctx)
{
	for (size_t i = 0; i < rb->n; i++) {
		const struct store_item *it = &rb->items[reverse ? rb->n - 1 - i : i];
		if (fn(ctx, it))
			break;
	}
	return DG_OK;
}

/* ---- plain lists ---------------------------------------------------------- */

/* ORDER BY clauses: [order][backward]. */
static const char *const order_by[3][2] = {
	[ORDER_DATE] = {" ORDER BY a.date DESC, a.id DESC", " ORDER BY a.date, a.id"},
	[ORDER_TITLE] = {" ORDER BY a.title_key, a.id", " ORDER BY a.title_key DESC, a.id DESC"},
	[ORDER_SOURCE] = {" ORDER BY a.source, a.date DESC, a.id DESC",
	                  " ORDER BY a.source DESC, a.date, a.id"},
};
/* Rows beyond the key in the direction of travel: [order][backward]. */
static const char *const beyond[3][2] = {
	[ORDER_DATE] = {" AND (a.date, a.id) < (:kdate, :kid)", " AND (a.date, a.id) > (:kdate, :kid)"},
	[ORDER_TITLE] = {" AND (a.title_key, a.id) > (:ktitle, :kid)",
	                 " AND (a.title_key, a.id) < (:ktitle, :kid)"},
	/* Source order mixes directions: first the rest of the key's source... */
	[ORDER_SOURCE] = {" AND a.source = :ksource AND (a.date, a.id) < (:kdate, :kid)",
	                  " AND a.source = :ksource AND (a.date, a.id) > (:kdate, :kid)"},
};
/* ...then the following sources. */
static const char *const beyond_source[2] = {" AND a.source > :ksource", " AND a.source < :ksource"};
static const char *const order_in_source[2] = {" ORDER BY a.date DESC, a.id DESC",
                                               " ORDER BY a.date, a.id"};

static sqlite3_stmt *list_stmt(struct store *st, const struct store_filter *f, const char *cond,
                               const char *order)
{
	struct sbuf b = SBUF_INIT;
	sbuf_addstr(&b, "SELECT " COLS FROM " WHERE 1");
	add_filter(&b, f);
	sbuf_addstr(&b, cond);
	sbuf_addstr(&b, order);
	sbuf_addstr(&b, " LIMIT :limit");
	sqlite3_stmt *s = store_stmt(st, sbuf_str(&b));
	sbuf_free(&b);
	return s;
}

static enum dg_status list_plain(struct store *st, const struct store_filter *f, enum store_order order,
                      const struct store_page *page, struct rowbuf *rb)
{
	int bw = page->backward ? 1 : 0;
	size_t limit = page->limit > 0 ? (size_t)page->limit : 0;
	if (limit == 0)
		return DG_OK;
	struct key k = {0};
	if (page->after_id && get_key(st, page->after_id, &k) != DG_OK)
		return st->err && strncmp(st->err, "no article", 10) == 0 ? DG_NOTFOUND : DG_ERR;
	const char *cond = page->after_id ? beyond[order][bw] : "";
	const char *ord = order == ORDER_SOURCE && page->after_id ? order_in_source[bw]
	                                                          : order_by[order][bw];
	int rc = DG_ERR;
	sqlite3_stmt *s = list_stmt(st, f, cond, ord);
	if (s) {
		bind_filter(s, f, NULL);
		bind_key(s, &k);
		bind_int(s, ":limit", (int64_t)limit);
		rc = fill(st, s, rb, limit);
	}
	if (rc == DG_OK && order == ORDER_SOURCE && page->after_id && rb->n < limit) {
		rc = DG_ERR;
		s = list_stmt(st, f, beyond_source[bw], order_by[order][bw]);
		if (s) {
			bind_filter(s, f, NULL);
			bind_key(s, &k);
			bind_int(s, ":limit", (int64_t)(limit - rb->n));
			rc = fill(st, s, rb, limit);
		}
	}
	key_free(&k);
	return rc;
}

/* ---- search --------------------------------------------------------------- */

/* Above this many hits bm25 is not worth its cost: ranking means scoring
 * and sorting every hit (100+ ms for a common word in 100k articles),
 * while newest-imported first streams straight from the index. */
#define RANK_MAX_HITS 1000

/* Does the match have more than RANK_MAX_HITS hits (before filters)?
 * Stops counting there, so it costs the same for any common word. */
static bool search_big(struct store *st, const char *match)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT count(*) FROM (SELECT rowid FROM article_fts"
	                                 " WHERE article_fts MATCH ?1 LIMIT ?2)");
	if (!s)
		return false;
	sqlite3_bind_text(s, 1, match, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(s, 2, RANK_MAX_HITS + 1);
	bool big = sqlite3_step(s) == SQLITE_ROW && sqlite3_column_int(s, 0) > RANK_MAX_HITS;
	sqlite3_reset(s);
	return big;
}

static sqlite3_stmt *search_stmt(struct store *st, const struct store_filter *f, const char *cols,
                                 bool big)
{
	struct sbuf b = SBUF_INIT;
	sbuf_addf(&b, "SELECT %s" FROM_FTS " WHERE 1", cols);
	add_filter(&b, f);
	sbuf_addstr(&b, big ? " ORDER BY f.rowid DESC LIMIT :limit OFFSET :offset"
	                    : " ORDER BY f.rank LIMIT :limit OFFSET :offset");
	sqlite3_stmt *s = store_stmt(st, sbuf_str(&b));
	sbuf_free(&b);
	return s;
}

static enum dg_status list_search(struct store *st, const struct store_filter *f, const char *match,
                       const struct store_page *page, struct rowbuf *rb)
{
	size_t limit = page->limit > 0 ? (size_t)page->limit : 0;
	/* FTS5 sorts by rank itself and the snippet is made only for the rows
	 * that come out, not for every match. */
	const char *cols = page->no_snippet ? COLS
	                   : COLS ", snippet(article_fts, -1, '[', ']', '\xe2\x80\xa6', 12)";
	sqlite3_stmt *s = search_stmt(st, f, cols, search_big(st, match));
	if (!s)
		return DG_ERR;
	bind_filter(s, f, match);
	bind_int(s, ":limit", (int64_t)limit);
	bind_int(s, ":offset", page->offset > 0 ? page->offset : 0);
	return fill(st, s, rb, limit);
}

/* The MATCH for the user's search text; DG_USAGE, said, over the limits. */
static enum dg_status query_match(struct store *st, const char *query, char **match)
{
	char *cause = NULL;
	if (tokenize_fts_query(query, match, &cause) == DG_OK)
		return DG_OK;
	store_fail(st, DG_USAGE, "%s", cause);
	free(cause);
	return DG_USAGE;
}

enum dg_status store_list(struct store *st, const struct store_filter *f, enum store_order order,
               const struct store_page *page, store_item_fn fn, void *ctx)
{
	struct rowbuf rb = {0};
	int rc;
	if (order > ORDER_SOURCE)
		order = ORDER_DATE;
	if (f->query) {
		char *match;
		rc = query_match(st, f->query, &match);
		if (rc == DG_OK && match)
			rc = list_search(st, f, match, page, &rb);
		free(match);
		if (rc == DG_OK)
			deliver(&rb, false, fn, ctx);
	} else {
		rc = list_plain(st, f, order, page, &rb);
		if (rc == DG_OK)
			deliver(&rb, page->backward, fn, ctx);
	}
	rowbuf_free(&rb);
	return rc;
}

/* ---- counts and positions ------------------------------------------------ */

/* Answer from the grp aggregates when one group and perhaps the read flag
 * make the whole filter.  Returns false when a query is needed. */
static bool count_from_groups(struct store *st, const struct store_filter *f, int64_t *n, int *rc)
{
	const char *kind = "all", *name = "";
	int groups = (f->lang != NULL) + (f->other_lang != NULL) + (f->source != NULL) +
	             f->bookmarked + f->bilingual;
	if (f->query || f->story || f->feed || groups > 1)
		return false;
	if (f->lang)
		kind = "lang", name = f->lang;
	else if (f->source)
		kind = "source", name = f->source;
	else if (f->bookmarked)
		kind = "bookmarked";
	else if (f->bilingual)
		kind = "bilingual";
	sqlite3_stmt *s = store_stmt(st, "SELECT total, unread FROM grp WHERE kind = ?1 AND name = ?2");
	if (!s) {
		*rc = DG_ERR;
		return true;
	}
	sqlite3_bind_text(s, 1, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, name, -1, SQLITE_STATIC);
	int r = sqlite3_step(s);
	int64_t total = 0, unread = 0;
	if (r == SQLITE_ROW) {
		total = sqlite3_column_int64(s, 0);
		unread = sqlite3_column_int64(s, 1);
	}
	sqlite3_reset(s);
	*rc = r == SQLITE_ROW || r == SQLITE_DONE ? DG_OK : store_sqlerr(st);
	*n = f->read < 0 ? total : f->read == 0 ? unread : total - unread;
	return true;
}

enum dg_status store_count(struct store *st, const struct store_filter *f, int64_t *n)
{
	int rc = DG_OK;
	*n = 0;
	if (count_from_groups(st, f, n, &rc))
		return rc;
	char *match = NULL;
	if (f->query && ((rc = query_match(st, f->query, &match)) != DG_OK || !match))
		return rc;
	struct sbuf b = SBUF_INIT;
	/* A bare search counts index entries alone: every article has one
	 * index row and one state row, so the joins would only slow it. */
	bool bare = f->query && !f->lang && !f->other_lang && !f->source && f->read < 0 && !f->bookmarked &&
	            !f->bilingual && !f->story && !f->feed;
	sbuf_addstr(&b, bare ? "SELECT count(*) FROM article_fts WHERE article_fts MATCH :q"
	                : f->query ? "SELECT count(*)" FROM_FTS " WHERE 1" : "SELECT count(*)" FROM " WHERE 1");
	if (!bare)
		add_filter(&b, f);
	sqlite3_stmt *s = store_stmt(st, sbuf_str(&b));
	sbuf_free(&b);
	rc = DG_ERR;
	if (s) {
		bind_filter(s, f, match);
		int r = sqlite3_step(s);
		if (r == SQLITE_ROW) {
			*n = sqlite3_column_int64(s, 0);
			rc = DG_OK;
		} else
			rc = store_sqlerr(st);
		sqlite3_reset(s);
	}
	free(match);
	return rc;
}

/* Rows before the key in list order: [order]. */
static const char *const before[3] = {
	[ORDER_DATE] = " AND (a.date, a.id) > (:kdate, :kid)",
	[ORDER_TITLE] = " AND (a.title_key, a.id) < (:ktitle, :kid)",
	/* one string in two pieces: parenthesised, so clang sees no missing comma */
	[ORDER_SOURCE] = (" AND (a.source < :ksource OR (a.source = :ksource"
	                  " AND (a.date, a.id) > (:kdate, :kid)))"),
};

static enum dg_status position_search(struct store *st, const struct store_filter *f, int64_t id,
                           int64_t *pos)
{
	char *match;
	int qrc = query_match(st, f->query, &match);
	if (qrc != DG_OK)
		return qrc;
	if (!match)
		return store_fail(st, DG_NOTFOUND, "article %lld is not in the list", (long long)id);
	sqlite3_stmt *s = search_stmt(st, f, "a.id", search_big(st, match));
	int rc = DG_ERR;
	if (s) {
		bind_filter(s, f, match);
		bind_int(s, ":limit", -1);
		bind_int(s, ":offset", 0);
		int r;
		int64_t i = 0;
		rc = store_fail(st, DG_NOTFOUND, "article %lld is not in the list", (long long)id);
		while ((r = sqlite3_step(s)) == SQLITE_ROW) {
			if (sqlite3_column_int64(s, 0) == id) {
				*pos = i;
				rc = DG_OK;
				break;
			}
			i++;
		}
		if (r != SQLITE_ROW && r != SQLITE_DONE)
			rc = store_sqlerr(st);
		sqlite3_reset(s);
	}
	free(match);
	return rc;
}

/* Is article id in the filtered list at all? */
static enum dg_status in_list(struct store *st, const struct store_filter *f, int64_t id)
{
	struct sbuf b = SBUF_INIT;
	sbuf_addstr(&b, "SELECT 1" FROM " WHERE a.id = :kid");
	add_filter(&b, f);
	sqlite3_stmt *s = store_stmt(st, sbuf_str(&b));
	sbuf_free(&b);
	if (!s)
		return DG_ERR;
	bind_filter(s, f, NULL);
	bind_int(s, ":kid", id);
	int r = sqlite3_step(s);
	sqlite3_reset(s);
	if (r == SQLITE_ROW)
		return DG_OK;
	if (r == SQLITE_DONE)
		return store_fail(st, DG_NOTFOUND, "article %lld is not in the list", (long long)id);
	return store_sqlerr(st);
}

enum dg_status store_position(struct store *st, const struct store_filter *f, enum store_order order,
                   int64_t id, int64_t *pos)
{
	*pos = 0;
	if (f->query)
		return position_search(st, f, id, pos);
	if (order > ORDER_SOURCE)
		order = ORDER_DATE;
	struct key k = {0};
	int rc = get_key(st, id, &k);
	if (rc == DG_OK)
		rc = in_list(st, f, id);
	if (rc != DG_OK) {
		key_free(&k);
		return rc;
	}
	struct sbuf b = SBUF_INIT;
	sbuf_addstr(&b, "SELECT count(*)" FROM " WHERE 1");
	add_filter(&b, f);
	sbuf_addstr(&b, before[order]);
	sqlite3_stmt *s = store_stmt(st, sbuf_str(&b));
	sbuf_free(&b);
	rc = DG_ERR;
	if (s) {
		bind_filter(s, f, NULL);
		bind_key(s, &k);
		if (sqlite3_step(s) == SQLITE_ROW) {
			*pos = sqlite3_column_int64(s, 0);
			rc = DG_OK;
		} else
			rc = store_sqlerr(st);
		sqlite3_reset(s);
	}
	key_free(&k);
	return rc;
}

/* ---- changing a whole list ------------------------------------------------- */

enum dg_status store_mark_read(struct store *st, const struct store_filter *f, int64_t *changed)
{
	char *match = NULL;
	int rc;
	if (changed)
		*changed = 0;
	if (f->query && ((rc = query_match(st, f->query, &match)) != DG_OK || !match))
		return rc;
	/* The rows of the list, as store_count sees them; the state trigger
	 * moves each one's unread count. */
	struct sbuf b = SBUF_INIT;
	sbuf_addstr(&b, "UPDATE state SET read = 1, changed_at = :now WHERE read = 0 AND article_id IN"
	                " (SELECT a.id");
	sbuf_addstr(&b, f->query ? FROM_FTS " WHERE 1" : FROM " WHERE 1");
	add_filter(&b, f);
	sbuf_addstr(&b, ")");
	sqlite3_stmt *s = store_stmt(st, sbuf_str(&b));
	sbuf_free(&b);
	rc = DG_ERR;
	if (s) {
		bind_filter(s, f, match);
		bind_int(s, ":now", (int64_t)time(NULL));
		int r = sqlite3_step(s);
		sqlite3_reset(s);
		rc = r == SQLITE_DONE ? DG_OK : store_sqlerr(st);
		if (rc == DG_OK && changed)
			*changed = sqlite3_changes(st->db);
	}
	free(match);
	return rc;
}
