/* tokenize.c: STUB, to be written (search tokens). */
#include "diglot/common.h"
#include "diglot/tokenize.h"
#include "diglot/sbuf.h"
#include <string.h>

int tokenize(const char *text, size_t len, bool for_query, token_fn fn, void *ctx)
{
	(void)for_query;
	return fn(ctx, 0, text, len, 0, len);
}

char *tokenize_fts_query(const char *user)
{
	struct sbuf b = SBUF_INIT;
	sbuf_addc(&b, '"');
	for (const char *p = user; *p; p++) {
		if (*p == '"')
			sbuf_addc(&b, '"');
		sbuf_addc(&b, *p);
	}
	sbuf_addc(&b, '"');
	return sbuf_detach(&b);
}
