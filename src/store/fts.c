/*
 * fts.c: SQLite FTS5 glue for diglot's tokenizer (tokenize.h).  FTS5
 * calls xTokenize for documents, for query phrases and for snippet();
 * the only difference diglot makes is that query phrases get CJK pairs
 * without the colocated single characters.
 */
#include "diglot/common.h"
#include "fts.h"
#include "diglot/tokenize.h"

#include <limits.h>
#include <sqlite3.h>

/* Nothing to configure: one static object stands for every instance. */
static int fts_dummy;

static int fts_create(void *ctx, const char **argv, int argc, Fts5Tokenizer **out)
{
	(void)ctx, (void)argv, (void)argc;
	*out = (Fts5Tokenizer *)&fts_dummy;
	return SQLITE_OK;
}

static void fts_delete(Fts5Tokenizer *t)
{
	(void)t;
}

struct fts_call {
	void *ctx;
	int (*token)(void *, int, const char *, int, int, int);
};

static int fts_token(void *ctx, int flags, const char *tok, size_t toklen, size_t start,
                     size_t end)
{
	struct fts_call *c = ctx;
	int tflags = (flags & TOKEN_COLOCATED) ? FTS5_TOKEN_COLOCATED : 0;
	return c->token(c->ctx, tflags, tok, (int)toklen, (int)start, (int)end);
}

static int fts_tokenize(Fts5Tokenizer *t, void *ctx, int flags, const char *text, int len,
                        int (*token)(void *, int, const char *, int, int, int))
{
	(void)t;
	struct fts_call c = {ctx, token};
	bool query = (flags & FTS5_TOKENIZE_QUERY) != 0;
	if (!text || len <= 0)
		return SQLITE_OK;
	int rc = query ? tokenize(text, (size_t)len, true, fts_token, &c)
	               : tokenize_index(text, (size_t)len, fts_token, &c);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static fts5_api *fts_api(sqlite3 *db)
{
	fts5_api *api = NULL;
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
	sqlite3_step(st);
	sqlite3_finalize(st);
	return api;
}

int fts_register(struct sqlite3 *db)
{
	static fts5_tokenizer tok = {fts_create, fts_delete, fts_tokenize};
	fts5_api *api = fts_api(db);
	if (!api || api->iVersion < 2)
		return SQLITE_ERROR;
	return api->xCreateTokenizer(api, "diglot", NULL, &tok, NULL);
}
