/*
 * tokenize.h: how diglot cuts text into search terms, shared by the FTS5
 * tokenizer (fts.h) and the pager's match highlighting.  Latin, Cyrillic
 * and Greek words are case-folded and stripped of accents; CJK runs give
 * every overlapping pair of characters and the run's last character alone
 * (the index), plus every single character colocated with its pair (for
 * highlighting).
 */
#ifndef DIGLOT_TOKENIZE_H
#define DIGLOT_TOKENIZE_H

#include "diglot/common.h"

enum token_flags {
	TOKEN_COLOCATED = 1, /* same position as the previous token (CJK single char) */
	TOKEN_LONE_CJK = 2,  /* query: a one-character CJK run */
};

/* Called for each token: folded text (not NUL-terminated), and the byte
 * range [start, end) of the source text it came from.  Nonzero stops. */
typedef int (*token_fn)(void *ctx, int flags, const char *tok, size_t toklen,
                        size_t start, size_t end);

/* for_query: CJK runs give only the pairs (or the lone character of a
 * one-character run), as FTS5 expects for a query phrase.  Otherwise every
 * single character too, colocated with its pair: what highlighting needs. */
int tokenize(const char *text, size_t len, bool for_query, token_fn fn, void *ctx);

/* The tokens the search index holds for a document: CJK runs give their
 * pairs and their last character alone, not each single character (that
 * halved the CJK postings); a one-character query is a prefix of those. */
int tokenize_index(const char *text, size_t len, token_fn fn, void *ctx);

/* Search text over these limits is refused, not cut: FTS5's cost grows
 * with the square of the number of phrases. */
#define TOKENIZE_QUERY_MAX_BYTES 1024
#define TOKENIZE_QUERY_MAX_TERMS 32

/*
 * The user's search text as a safe FTS5 MATCH expression: every word a
 * quoted phrase (quotes doubled), words ANDed, a word given twice kept
 * once, a trailing '*' kept as a prefix; and the search syntax: "a
 * phrase" (one quoted FTS5 phrase), -word or -"a phrase" (NOT), a OR b
 * (capital OR between two terms not excluded).  The operators are written
 * by this function only: user text never becomes FTS5 syntax.  *match is
 * NULL when the text holds no searchable word, or only exclusions; caller
 * frees it.  DG_USAGE with *cause over the limits above (terms counted
 * after duplicates are dropped).
 */
enum dg_status tokenize_fts_query(const char *user, char **match, char **cause);

/* s case-folded and stripped of accents as the tokenizer folds words
 * (punctuation and spaces kept): a sort key for titles.  Caller frees. */
char *tokenize_fold(const char *s, size_t len);

#endif
