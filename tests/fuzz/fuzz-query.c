/*
 * fuzz-query.c: outside bytes as search text.  The query builder must
 * never let user text become FTS5 syntax: whatever it is given, the MATCH
 * it builds runs (rows or none) and never fails to parse.
 */
#include "fuzz.h"
#include "diglot/tokenize.h"
#include "fts.h"

#include <sqlite3.h>
#include <string.h>

static sqlite3 *db;
static sqlite3_stmt *match;

static void open_index(void)
{
	FUZZ_ASSERT(sqlite3_open(":memory:", &db) == SQLITE_OK, "sqlite3_open");
	FUZZ_ASSERT(fts_register(db) == SQLITE_OK, "fts_register");
	FUZZ_ASSERT(sqlite3_exec(db,
		"CREATE VIRTUAL TABLE t USING fts5(title, body, tokenize='diglot');"
		"INSERT INTO t VALUES('Harbour bridge opens', 'The bridge over the harbour opened.');"
		"INSERT INTO t VALUES('凯斯湾大桥通车', '大桥今天通车，交通繁忙。');"
		"INSERT INTO t VALUES('Ägypten: Ausgrabung', 'Straße und \"Zitate\" AND OR NOT (x) *');",
		NULL, NULL, NULL) == SQLITE_OK, "%s", sqlite3_errmsg(db));
	FUZZ_ASSERT(sqlite3_prepare_v2(db, "SELECT rowid FROM t WHERE t MATCH ?1", -1, &match, NULL) ==
	            SQLITE_OK, "%s", sqlite3_errmsg(db));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!db)
		open_index();
	char *user = xstrndup((const char *)data, size); /* up to the first NUL, as argv would */
	char *q, *cause = NULL;
	if (tokenize_fts_query(user, &q, &cause) != DG_OK) {
		FUZZ_ASSERT(cause && size > 0, "refused without a reason");
		free(cause);
	} else if (q) {
		sqlite3_bind_text(match, 1, q, -1, SQLITE_STATIC);
		int r;
		while ((r = sqlite3_step(match)) == SQLITE_ROW)
			;
		FUZZ_ASSERT(r == SQLITE_DONE, "MATCH %s: %s", q, sqlite3_errmsg(db));
		sqlite3_reset(match);
		sqlite3_clear_bindings(match);
		free(q);
	}
	free(user);
	return 0;
}
