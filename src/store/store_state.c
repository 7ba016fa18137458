/*
 * store_state.c: what changes an article after it is stored (its read and
 * bookmark flags, its deletion) and what the library holds (the sidebar's
 * group counts, `diglot stats`, whether another process changed it).  The
 * counts come from the grp table, which triggers on article and state keep.
 */
#include "diglot/common.h"
#include "diglot/store.h"
#include "fts.h"
#include "store_int.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

/* ---- state ------------------------------------------------------------ */

enum dg_status store_set_flag(struct store *st, int64_t id, enum store_flag flag, int value, bool *now)
{
	static const char *const sql[] = {
		[FLAG_READ] = "UPDATE state SET read = CASE WHEN ?2 < 0 THEN 1 - read ELSE ?2 END,"
		              " changed_at = ?3 WHERE article_id = ?1",
		[FLAG_BOOKMARKED] = "UPDATE state SET bookmarked = CASE WHEN ?2 < 0 THEN 1 - bookmarked"
		                    " ELSE ?2 END, changed_at = ?3 WHERE article_id = ?1",
	};
	static const char *const get[] = {
		[FLAG_READ] = "SELECT read FROM state WHERE article_id = ?1",
		[FLAG_BOOKMARKED] = "SELECT bookmarked FROM state WHERE article_id = ?1",
	};
	sqlite3_stmt *s = store_stmt(st, sql[flag]);
	if (!s)
		return DG_ERR;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int(s, 2, value < 0 ? -1 : value != 0);
	sqlite3_bind_int64(s, 3, (int64_t)time(NULL));
	int r = sqlite3_step(s);
	sqlite3_reset(s);
	if (r != SQLITE_DONE)
		return store_sqlerr(st);
	if (sqlite3_changes(st->db) == 0)
		return store_no_article(st, id);
	if (now) {
		s = store_stmt(st, get[flag]);
		if (!s)
			return DG_ERR;
		sqlite3_bind_int64(s, 1, id);
		*now = sqlite3_step(s) == SQLITE_ROW && sqlite3_column_int(s, 0);
		sqlite3_reset(s);
	}
	return DG_OK;
}

enum dg_status store_delete(struct store *st, int64_t id)
{
	/* The index must hold what it is asked to forget: a row of a batch
	 * still open enters it at commit. */
	if (store_fts_flush(st) != DG_OK || store_story_forget(st, id) != DG_OK)
		return DG_ERR;
	/* The BEFORE DELETE trigger takes the row out of the index and the
	 * counts (reading its state row); the state row goes by the foreign
	 * key's ON DELETE CASCADE. */
	sqlite3_stmt *s = store_stmt(st, "DELETE FROM article WHERE id = ?1");
	if (!s)
		return DG_ERR;
	sqlite3_bind_int64(s, 1, id);
	int r = sqlite3_step(s);
	sqlite3_reset(s);
	if (r != SQLITE_DONE)
		return store_sqlerr(st);
	return sqlite3_changes(st->db) ? DG_OK : store_no_article(st, id);
}

enum dg_status store_get_state(struct store *st, int64_t id, bool *read, bool *bookmarked)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT read, bookmarked FROM state WHERE article_id = ?1");
	if (!s)
		return DG_ERR;
	int rc = store_step_article(st, s, id);
	if (rc != DG_OK)
		return rc;
	*read = sqlite3_column_int(s, 0) != 0;
	*bookmarked = sqlite3_column_int(s, 1) != 0;
	sqlite3_reset(s);
	return DG_OK;
}

/* ---- groups and figures ----------------------------------------------- */

enum dg_status store_groups(struct store *st, enum store_group g, store_group_fn fn, void *ctx)
{
	sqlite3_stmt *s = store_stmt(st, g == GROUP_LANG
		? "SELECT name, total, unread FROM grp WHERE kind = 'lang' AND total > 0"
		  " ORDER BY total DESC, name"
		: "SELECT name, total, unread FROM grp WHERE kind = 'source' AND total > 0"
		  " ORDER BY name");
	if (!s)
		return DG_ERR;
	int r;
	while ((r = sqlite3_step(s)) == SQLITE_ROW) {
		struct store_group_row row = {store_col_text(s, 0), sqlite3_column_int64(s, 1),
		                              sqlite3_column_int64(s, 2)};
		if (fn(ctx, &row)) {
			r = SQLITE_DONE;
			break;
		}
	}
	sqlite3_reset(s);
	return r == SQLITE_DONE ? DG_OK : store_sqlerr(st);
}

static int64_t file_size(const char *path)
{
	struct stat sb;
	return stat(path, &sb) == 0 ? (int64_t)sb.st_size : 0;
}

enum dg_status store_stats(struct store *st, struct store_stats *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = store_stmt(st,
		"SELECT"
		" (SELECT total FROM grp WHERE kind = 'all' AND name = ''),"
		" (SELECT unread FROM grp WHERE kind = 'all' AND name = ''),"
		" (SELECT total FROM grp WHERE kind = 'bookmarked' AND name = ''),"
		" (SELECT total FROM grp WHERE kind = 'bilingual' AND name = ''),"
		" (SELECT count(*) FROM grp WHERE kind = 'lang' AND total > 0),"
		" (SELECT count(*) FROM grp WHERE kind = 'source' AND total > 0 AND name <> ''),"
		" (SELECT total FROM grp WHERE kind = 'bytes' AND name = '')");
	if (!s)
		return DG_ERR;
	if (sqlite3_step(s) != SQLITE_ROW) {
		sqlite3_reset(s);
		return store_sqlerr(st);
	}
	out->articles = sqlite3_column_int64(s, 0);
	out->unread = sqlite3_column_int64(s, 1);
	out->bookmarked = sqlite3_column_int64(s, 2);
	out->bilingual = sqlite3_column_int64(s, 3);
	out->langs = sqlite3_column_int64(s, 4);
	out->sources = sqlite3_column_int64(s, 5);
	out->text_bytes = sqlite3_column_int64(s, 6);
	sqlite3_reset(s);
	char *wal = xasprintf("%s-wal", st->path);
	out->bytes = file_size(st->path) + file_size(wal);
	free(wal);
	return DG_OK;
}

bool store_changed(struct store *st)
{
	int64_t v = store_pragma_int(st, "PRAGMA data_version");
	if (v < 0 || v == st->data_version)
		return false;
	st->data_version = v;
	return true;
}
