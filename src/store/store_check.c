/*
 * store_check.c: `diglot check`: is the library whole?  Three checks, each
 * a query the store can answer without trusting what it checks:
 *   - the file: SQLite's integrity_check (pages, b-trees, indexes);
 *   - the search index against the articles: FTS5's integrity-check with
 *     rank 1, which re-tokenizes every article with our tokenizer and
 *     compares (plain integrity-check only checks the index's own shape);
 *   - the sidebar counts (table grp, kept by triggers) against a recount.
 * Repair rebuilds what is derived from the articles, the index and the
 * counts, in one transaction; a damaged file it cannot mend is said so.
 */
#include "diglot/common.h"
#include "diglot/store.h"
#include "store_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Every group an article belongs to, counted from the articles: the same
 * membership as the triggers' add_members (store.c). */
#define RECOUNT \
	"WITH m(lg, lg2, so, rd, bm, bytes) AS (" \
	" SELECT a.lang, a.lang2, a.source, coalesce(s.read, 0), coalesce(s.bookmarked, 0)," \
	" a.text_bytes FROM article a LEFT JOIN state s ON s.article_id = a.id)," \
	" g(kind, name, rd) AS (" \
	" SELECT 'all', '', rd FROM m" \
	" UNION ALL SELECT 'lang', lg, rd FROM m WHERE lg <> ''" \
	" UNION ALL SELECT 'lang', lg2, rd FROM m WHERE lg2 <> '' AND lg2 <> lg" \
	" UNION ALL SELECT 'source', so, rd FROM m" \
	" UNION ALL SELECT 'bilingual', '', rd FROM m WHERE lg2 <> ''" \
	" UNION ALL SELECT 'bookmarked', '', rd FROM m WHERE bm)," \
	" counted(kind, name, total, unread) AS (" \
	" SELECT kind, name, count(*), sum(1 - rd) FROM g GROUP BY kind, name" \
	" UNION ALL SELECT 'bytes', '', coalesce(sum(bytes), 0), 0 FROM m)"

static const char count_diff_sql[] =
	RECOUNT ", stored AS (SELECT kind, name, total, unread FROM grp"
	" WHERE total <> 0 OR unread <> 0),"
	" live AS (SELECT * FROM counted WHERE total <> 0 OR unread <> 0)"
	" SELECT l.kind, l.name, coalesce(s.total, 0), coalesce(s.unread, 0), l.total, l.unread"
	" FROM live l LEFT JOIN stored s USING (kind, name)"
	" WHERE s.total IS NOT l.total OR s.unread IS NOT l.unread"
	" UNION ALL SELECT s.kind, s.name, s.total, s.unread, 0, 0 FROM stored s"
	" WHERE NOT EXISTS (SELECT 1 FROM live l WHERE l.kind = s.kind AND l.name = s.name)"
	" ORDER BY 1, 2";

static void say(store_problem_fn fn, void *ctx, int *n, const char *part, const char *fmt, ...)
	DG_PRINTF(5, 6);

static void say(store_problem_fn fn, void *ctx, int *n, const char *part, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	(*n)++;
	fn(ctx, part, msg);
}

static enum dg_status check_file(struct store *st, store_problem_fn fn, void *ctx, int *n)
{
	sqlite3_stmt *s = NULL;
	if (sqlite3_prepare_v2(st->db, "PRAGMA integrity_check(100)", -1, &s, NULL) != SQLITE_OK)
		goto broken;
	int r;
	while ((r = sqlite3_step(s)) == SQLITE_ROW) {
		const char *line = store_col_text(s, 0);
		if (strcmp(line, "ok") != 0)
			say(fn, ctx, n, "file", "%s", line);
	}
	if (r != SQLITE_DONE)
		goto broken;
	sqlite3_finalize(s);
	return DG_OK;
broken: /* so damaged that the check itself fails: that is the finding */
	say(fn, ctx, n, "file", "%s", sqlite3_errmsg(st->db));
	sqlite3_finalize(s);
	return DG_OK;
}

static enum dg_status check_index(struct store *st, store_problem_fn fn, void *ctx, int *n)
{
	/* FTS5's integrity-check is an INSERT: it cannot run on a library
	 * opened read-only (the CLI says it was skipped). */
	if (st->readonly)
		return DG_OK;
	if (sqlite3_exec(st->db, "INSERT INTO article_fts(article_fts, rank) VALUES('integrity-check', 1)",
	                 NULL, NULL, NULL) != SQLITE_OK)
		say(fn, ctx, n, "search index", "does not match the articles (%s)", sqlite3_errmsg(st->db));
	return DG_OK;
}

static enum dg_status check_counts(struct store *st, store_problem_fn fn, void *ctx, int *n)
{
	sqlite3_stmt *s = NULL;
	if (sqlite3_prepare_v2(st->db, count_diff_sql, -1, &s, NULL) != SQLITE_OK) {
		say(fn, ctx, n, "counts", "cannot be recounted (%s)", sqlite3_errmsg(st->db));
		return DG_OK;
	}
	int r;
	while ((r = sqlite3_step(s)) == SQLITE_ROW) {
		const char *kind = store_col_text(s, 0), *name = store_col_text(s, 1);
		long long st_total = sqlite3_column_int64(s, 2), st_unread = sqlite3_column_int64(s, 3);
		long long total = sqlite3_column_int64(s, 4), unread = sqlite3_column_int64(s, 5);
		if (strcmp(kind, "bytes") == 0)
			say(fn, ctx, n, "counts", "text size: stored %lld bytes, counted %lld", st_total, total);
		else
			say(fn, ctx, n, "counts", "%s%s%s%s: stored %lld articles (%lld unread), counted %lld (%lld unread)",
			    kind, *name || strcmp(kind, "source") == 0 ? " '" : "", name,
			    *name || strcmp(kind, "source") == 0 ? "'" : "", st_total, st_unread, total, unread);
	}
	if (r != SQLITE_DONE)
		say(fn, ctx, n, "counts", "cannot be recounted (%s)", sqlite3_errmsg(st->db));
	sqlite3_finalize(s);
	s = NULL;
	if (sqlite3_prepare_v2(st->db, "SELECT count(*) FROM article a WHERE NOT EXISTS"
	                       " (SELECT 1 FROM state s WHERE s.article_id = a.id)", -1, &s, NULL) == SQLITE_OK &&
	    sqlite3_step(s) == SQLITE_ROW && sqlite3_column_int64(s, 0) > 0)
		say(fn, ctx, n, "state", "%lld articles have no read/bookmark row",
		    (long long)sqlite3_column_int64(s, 0));
	sqlite3_finalize(s);
	return DG_OK;
}

enum dg_status store_check(struct store *st, store_problem_fn fn, void *ctx, int *problems)
{
	*problems = 0;
	check_file(st, fn, ctx, problems);
	check_index(st, fn, ctx, problems);
	check_counts(st, fn, ctx, problems);
	return DG_OK;
}

enum dg_status store_repair(struct store *st)
{
	if (store_exec(st, "BEGIN IMMEDIATE") != DG_OK)
		return DG_ERR;
	enum dg_status rc = store_exec(st,
		"INSERT OR IGNORE INTO state(article_id) SELECT id FROM article;\n"
		"DELETE FROM grp;\n"
		"INSERT INTO grp(kind, name, total, unread) " RECOUNT " SELECT * FROM counted;\n"
		"INSERT OR IGNORE INTO grp(kind, name, total, unread) VALUES('bytes', '', 0, 0);\n"
		"INSERT INTO article_fts(article_fts) VALUES('rebuild');\n"
		"REINDEX;\n");
	if (rc == DG_OK)
		rc = store_exec(st, "COMMIT");
	if (rc != DG_OK)
		store_rollback(st);
	return rc;
}
