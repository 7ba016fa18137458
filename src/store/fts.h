/*
 * fts.h: registers diglot's tokenizer (tokenize.h) with SQLite FTS5 on a
 * connection, under the name "diglot".  Used by store only.
 */
#ifndef DIGLOT_FTS_H
#define DIGLOT_FTS_H

struct sqlite3;

/* Returns SQLITE_OK, or an SQLite error code when FTS5 is missing. */
int fts_register(struct sqlite3 *db);

#endif
