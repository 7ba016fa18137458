/*
 * tokenize.c: how diglot cuts text into search terms.
 *
 * A scanner by character class.  Letters, digits and combining marks of
 * alphabetic scripts form words, which are case-folded and stripped of
 * accents (NFKD, then the marks dropped), so `Ägypten`, `agypten` and
 * `AGYPTEN` are one term and `Straße` is `strasse`.  CJK text (Han, kana,
 * Hangul) has no spaces between words, so a CJK run is indexed as every
 * overlapping pair of characters, each with the single character at the
 * same position as a colocated token: a query of one character finds the
 * singles, two characters find a pair, and a longer query is a phrase of
 * consecutive pairs.  Everything else separates tokens.
 */
#include "diglot/common.h"
#include "diglot/tokenize.h"
#include "diglot/sbuf.h"
#include "diglot/script.h"

#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

/* Longest folded word kept, in bytes: a gigantic "word" (base64, a URL
 * without spaces) is cut here, the same way in documents and queries. */
#define TOKEN_MAX 128

enum cclass { C_SEP, C_WORD, C_CJK };

static enum cclass classify_slow(ucs4_t c)
{
	if (c == 0xFFFD)
		return C_SEP;
	if (script_is_cjk(c))
		return C_CJK;
	if (uc_is_general_category(c, UC_CATEGORY_L) || uc_is_general_category(c, UC_CATEGORY_N) ||
	    uc_is_general_category(c, UC_CATEGORY_M))
		return C_WORD;
	return C_SEP;
}

/* ASCII and Latin letters answered directly (the same answers
 * classify_slow gives: the category tests are table walks, and this runs
 * on every character of every article imported); script_is_cjk has its
 * own fast paths for the CJK blocks. */
static enum cclass classify(ucs4_t c)
{
	if (c < 0x80) {
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
			return C_WORD;
		return C_SEP;
	}
	if (c >= 0xC0 && c <= 0x24F) /* Latin-1 letters, Latin Extended-A and -B */
		return c == 0xD7 || c == 0xF7 ? C_SEP : C_WORD;
	return classify_slow(c);
}

/* Case-fold and strip accents from s into out (at most cap bytes, cut at
 * a character boundary); returns the length written. */
static size_t fold(const char *s, size_t n, char *out, size_t cap)
{
	size_t o = 0;
	bool ascii = true;
	for (size_t i = 0; i < n && ascii; i++)
		ascii = (unsigned char)s[i] < 0x80;
	if (ascii) {
		for (size_t i = 0; i < n && o < cap; i++)
			out[o++] = (s[i] >= 'A' && s[i] <= 'Z') ? (char)(s[i] - 'A' + 'a') : s[i];
		return o;
	}
	uint8_t stack[512];
	size_t flen = sizeof stack;
	uint8_t *f = u8_casefold((const uint8_t *)s, n, NULL, UNINORM_NFKD, stack, &flen);
	if (!f)
		return 0;
	for (size_t i = 0; i < flen;) {
		ucs4_t c;
		int k = u8_mbtouc_unsafe(&c, f + i, flen - i);
		if (k <= 0)
			k = 1;
		if (!uc_is_general_category(c, UC_CATEGORY_M)) {
			if (o + (size_t)k > cap)
				break;
			memcpy(out + o, f + i, (size_t)k);
			o += (size_t)k;
		}
		i += (size_t)k;
	}
	if (f != stack)
		free(f);
	return o;
}

char *tokenize_fold(const char *s, size_t len)
{
	size_t cap = len * 3 + 16;
	char *out = xmalloc(cap + 1);
	size_t n = fold(s, len, out, cap);
	out[n] = '\0';
	return out;
}

/* Which tokens a CJK run gives: see tokenize.h. */
enum tok_mode { TM_QUERY, TM_INDEX, TM_ALL };

/* Emit the tokens of the CJK run [start, end) of text. */
static int cjk_run(const char *text, size_t start, size_t end, enum tok_mode mode, token_fn fn,
                   void *ctx)
{
	size_t a = start, alen;
	cp_at(text + a, end - a, &alen);
	if (a + alen >= end) /* a one-character run: the character alone */
		return fn(ctx, mode == TM_QUERY ? TOKEN_LONE_CJK : 0, text + a, alen, a, a + alen);
	while (a + alen < end) {
		size_t b = a + alen;
		size_t blen;
		cp_at(text + b, end - b, &blen);
		int rc = fn(ctx, 0, text + a, alen + blen, a, b + blen);
		if (!rc && mode == TM_ALL)
			rc = fn(ctx, TOKEN_COLOCATED, text + a, alen, a, a + alen);
		if (rc)
			return rc;
		a = b;
		alen = blen;
	}
	/* The last character starts no pair: index it alone. */
	return mode == TM_QUERY ? 0 : fn(ctx, 0, text + a, alen, a, a + alen);
}

static int word(const char *text, size_t start, size_t end, token_fn fn, void *ctx)
{
	char buf[TOKEN_MAX];
	size_t n = fold(text + start, end - start, buf, sizeof buf);
	if (n == 0) /* only marks: nothing to search for */
		return 0;
	return fn(ctx, 0, buf, n, start, end);
}

static int tokenize_mode(const char *text, size_t len, enum tok_mode mode, token_fn fn, void *ctx)
{
	size_t i = 0;
	while (i < len) {
		size_t k;
		ucs4_t c = cp_at(text + i, len - i, &k);
		enum cclass cl = classify(c);
		if (cl == C_SEP) {
			i += k;
			continue;
		}
		size_t start = i;
		i += k;
		while (i < len) {
			c = cp_at(text + i, len - i, &k);
			if (classify(c) != cl)
				break;
			i += k;
		}
		int rc = cl == C_CJK ? cjk_run(text, start, i, mode, fn, ctx)
		                     : word(text, start, i, fn, ctx);
		if (rc)
			return rc;
	}
	return 0;
}

int tokenize(const char *text, size_t len, bool for_query, token_fn fn, void *ctx)
{
	return tokenize_mode(text, len, for_query ? TM_QUERY : TM_ALL, fn, ctx);
}

int tokenize_index(const char *text, size_t len, token_fn fn, void *ctx)
{
	return tokenize_mode(text, len, TM_INDEX, fn, ctx);
}

struct query_word {
	int ntok;
	bool ends_lone_cjk;
};

static int count_token(void *ctx, int flags, const char *tok, size_t toklen, size_t start,
                       size_t end)
{
	(void)tok, (void)toklen, (void)start, (void)end;
	struct query_word *w = ctx;
	w->ntok++;
	w->ends_lone_cjk = (flags & TOKEN_LONE_CJK) != 0;
	return 0;
}

static bool is_space_at(const char *s, size_t n, size_t *k)
{
	ucs4_t c = cp_at(s, n, k);
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
	       (c >= 0x80 && c != 0xFFFD && uc_is_property_white_space(c));
}

/* The word [w, w+n) as a quoted phrase, a prefix when it ends in '*';
 * false when it holds nothing searchable. */
static bool word_phrase(struct sbuf *b, const char *w, size_t n)
{
	bool prefix = false;
	while (n > 0 && w[n - 1] == '*') {
		prefix = true;
		n--;
	}
	struct query_word qw = {0, false};
	tokenize(w, n, true, count_token, &qw);
	if (qw.ntok == 0) /* punctuation only, e.g. `"` or `-` */
		return false;
	/* The index holds a CJK character alone only at the end of its run;
	 * elsewhere it starts a pair.  As a prefix it finds both. */
	prefix = prefix || qw.ends_lone_cjk;
	sbuf_addc(b, '"');
	for (size_t i = 0; i < n; i++) {
		if (w[i] == '"')
			sbuf_addc(b, '"');
		/* FTS5 reads the phrase up to the closing quote; a NUL would cut it. */
		sbuf_addc(b, w[i] ? w[i] : ' ');
	}
	sbuf_addc(b, '"');
	if (prefix)
		sbuf_add(b, " *", 2);
	return true;
}

enum dg_status tokenize_fts_query(const char *user, char **match, char **cause)
{
	*match = NULL;
	size_t len = user ? strlen(user) : 0, i = 0;
	if (len > TOKENIZE_QUERY_MAX_BYTES)
		return dg_fail(cause, DG_USAGE, "search text too long: %zu bytes (at most %d)", len,
		               TOKENIZE_QUERY_MAX_BYTES);
	char *seen[TOKENIZE_QUERY_MAX_TERMS];
	size_t nseen = 0;
	enum dg_status rc = DG_OK;
	struct sbuf phrase = SBUF_INIT;
	while (i < len && rc == DG_OK) {
		size_t k;
		if (is_space_at(user + i, len - i, &k)) {
			i += k;
			continue;
		}
		size_t start = i;
		while (i < len && !is_space_at(user + i, len - i, &k))
			i += k;
		sbuf_truncate(&phrase, 0);
		if (!word_phrase(&phrase, user + start, i - start))
			continue;
		/* A word twice adds nothing but cost: FTS5's grows with the
		 * square of the number of phrases. */
		bool dup = false;
		for (size_t j = 0; j < nseen && !dup; j++)
			dup = strcmp(seen[j], sbuf_str(&phrase)) == 0;
		if (dup)
			continue;
		if (nseen == TOKENIZE_QUERY_MAX_TERMS)
			rc = dg_fail(cause, DG_USAGE, "too many words to search for (at most %d)",
			             TOKENIZE_QUERY_MAX_TERMS);
		else
			seen[nseen++] = xstrdup(sbuf_str(&phrase));
	}
	sbuf_free(&phrase);
	struct sbuf b = SBUF_INIT;
	for (size_t j = 0; j < nseen; j++) {
		if (rc == DG_OK) {
			if (b.len)
				sbuf_addc(&b, ' ');
			sbuf_addstr(&b, seen[j]);
		}
		free(seen[j]);
	}
	if (rc == DG_OK && b.len)
		*match = sbuf_detach(&b);
	sbuf_free(&b);
	return rc;
}
