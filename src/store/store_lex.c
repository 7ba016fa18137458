/*
 * store_lex.c: the bilingual name lexicon in the library (store.h,
 * schema v8): story_lex(cjk, key, docs), a Han string, the Latin name key
 * bilingual documents pair it with, and how many documents did.
 */
#include "diglot/common.h"
#include "diglot/evidence.h"
#include "store_int.h"

enum dg_status store_lex_learn(struct store *st, const struct lex_pair *p, size_t n)
{
	if (!n)
		return DG_OK;
	sqlite3_stmt *s = store_stmt(st, "INSERT INTO story_lex(cjk, key) VALUES(?1, ?2)"
	                                 " ON CONFLICT(cjk, key) DO UPDATE SET docs = docs + 1");
	if (!s)
		return DG_ERR;
	for (size_t i = 0; i < n; i++) {
		sqlite3_bind_text(s, 1, p[i].cjk, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 2, p[i].key, -1, SQLITE_STATIC);
		int r = sqlite3_step(s);
		sqlite3_reset(s);
		if (r != SQLITE_DONE)
			return store_sqlerr(st);
	}
	return DG_OK;
}

enum dg_status store_lex_load(struct store *st, struct lexicon **out)
{
	*out = lexicon_new();
	sqlite3_stmt *s = store_stmt(st, "SELECT cjk, key FROM story_lex ORDER BY docs DESC, cjk, key");
	if (!s)
		return DG_ERR;
	int r;
	while ((r = sqlite3_step(s)) == SQLITE_ROW)
		lexicon_add(*out, store_col_text(s, 0), store_col_text(s, 1));
	sqlite3_reset(s);
	return r == SQLITE_DONE ? DG_OK : store_sqlerr(st);
}
