/* fts.c: STUB, to be written (FTS5 tokenizer registration). */
#include "diglot/common.h"
#include "diglot/fts.h"
#include <sqlite3.h>

int fts_register(struct sqlite3 *db) { (void)db; return SQLITE_OK; }
