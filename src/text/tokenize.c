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

/*
 * The search syntax, parsed into terms: a word, or "a phrase" (to the
 * next quote, or the end), either with a trailing '*' for a prefix and a
 * leading '-' for "not"; and the bare word OR between two terms that are
 * not negated.  Everything else is literal text: each term becomes a
 * quoted FTS5 phrase (word_phrase), so no user text is ever FTS5 syntax;
 * only this code writes the operators.
 */
struct qterm {
	char *phrase; /* the quoted FTS5 phrase, " *" after a prefix; NULL for OR */
	bool neg;
};

struct qterms {
	struct qterm *v;
	size_t n, cap;
};

static void qterms_add(struct qterms *t, char *phrase, bool neg)
{
	xgrow(&t->v, &t->cap, t->n + 1, sizeof *t->v);
	t->v[t->n++] = (struct qterm){phrase, neg};
}

static void qterms_free(struct qterms *t)
{
	for (size_t i = 0; i < t->n; i++)
		free(t->v[i].phrase);
	free(t->v);
}

/* One term from user[*i], which is not a space; moves *i past it.
 * Adds nothing for a term with nothing searchable in it (`"`, `-`). */
static void parse_term(const char *user, size_t len, size_t *i, struct qterms *t)
{
	size_t k, start = *i;
	bool neg = user[start] == '-' && start + 1 < len && !is_space_at(user + start + 1, len - start - 1, &k);
	if (neg)
		start++;
	struct sbuf text = SBUF_INIT;
	if (user[start] == '"') { /* a phrase: spaces inside are kept */
		const char *close = memchr(user + start + 1, '"', len - start - 1);
		size_t end = close ? (size_t)(close - user) : len;
		sbuf_add(&text, user + start + 1, end - start - 1);
		*i = close ? end + 1 : len;
		while (*i < len && user[*i] == '*') { /* "a phrase"* */
			sbuf_addc(&text, '*');
			(*i)++;
		}
	} else {
		*i = start;
		while (*i < len && !is_space_at(user + *i, len - *i, &k))
			*i += k;
		if (!neg && *i - start == 2 && memcmp(user + start, "OR", 2) == 0) {
			qterms_add(t, NULL, false);
			return;
		}
		sbuf_add(&text, user + start, *i - start);
	}
	struct sbuf phrase = SBUF_INIT;
	if (word_phrase(&phrase, sbuf_str(&text), text.len))
		qterms_add(t, sbuf_detach(&phrase), neg);
	sbuf_free(&phrase);
	sbuf_free(&text);
}

/* The literal word OR, where OR joins nothing. */
static char *literal_or(void)
{
	return xstrdup("\"OR\"");
}

/*
 * Group the terms: OR joins the positive terms on either side into
 * "(a OR b)"; an OR with no positive term on one side is the word "or".
 * Each group goes to groups as one string with its sign; a group given
 * twice is kept once.  *nterms counts the phrases kept.
 */
static void group_terms(struct qterms *t, struct qterms *groups, size_t *nterms)
{
	for (size_t i = 0; i < t->n; i++) {
		struct qterm *q = &t->v[i];
		if (!q->phrase) /* an OR that joins nothing is a word */
			q->phrase = literal_or();
		struct sbuf g = SBUF_INIT;
		size_t n = 1;
		sbuf_addstr(&g, q->phrase);
		/* a OR b OR c: every OR followed by a positive term joins it. */
		while (!q->neg && i + 2 < t->n && !t->v[i + 1].phrase && t->v[i + 2].phrase &&
		       !t->v[i + 2].neg) {
			sbuf_addstr(&g, " OR ");
			sbuf_addstr(&g, t->v[i + 2].phrase);
			n++;
			i += 2;
		}
		char *gs = n > 1 ? xasprintf("(%s)", sbuf_str(&g)) : sbuf_detach(&g);
		sbuf_free(&g);
		bool dup = false;
		for (size_t j = 0; j < groups->n && !dup; j++)
			dup = groups->v[j].neg == q->neg && strcmp(groups->v[j].phrase, gs) == 0;
		if (dup) {
			free(gs);
			continue;
		}
		qterms_add(groups, gs, q->neg);
		*nterms += n;
	}
}

/* The MATCH: the positive groups ANDed, then NOT each
 * negative one.  NULL when nothing positive is left: only exclusions
 * find nothing, as an empty search does. */
static char *build_match(const struct qterms *groups)
{
	struct sbuf pos = SBUF_INIT, b = SBUF_INIT;
	size_t npos = 0;
	/* FTS5 takes phrases side by side as AND, but not a parenthesised
	 * group beside anything: then the AND is written out. */
	bool groups_in = false;
	for (size_t j = 0; j < groups->n; j++)
		groups_in = groups_in || (!groups->v[j].neg && groups->v[j].phrase[0] == '(');
	for (size_t j = 0; j < groups->n; j++) {
		if (groups->v[j].neg)
			continue;
		if (pos.len)
			sbuf_addstr(&pos, groups_in ? " AND " : " ");
		sbuf_addstr(&pos, groups->v[j].phrase);
		npos++;
	}
	if (npos == 0) {
		sbuf_free(&pos);
		return NULL;
	}
	bool has_neg = npos < groups->n;
	if (has_neg && npos > 1)
		sbuf_addf(&b, "(%s)", sbuf_str(&pos));
	else
		sbuf_addstr(&b, sbuf_str(&pos));
	for (size_t j = 0; j < groups->n; j++)
		if (groups->v[j].neg)
			sbuf_addf(&b, " NOT %s", groups->v[j].phrase);
	sbuf_free(&pos);
	return sbuf_detach(&b);
}

enum dg_status tokenize_fts_query(const char *user, char **match, char **cause)
{
	*match = NULL;
	size_t len = user ? strlen(user) : 0, i = 0;
	if (len > TOKENIZE_QUERY_MAX_BYTES)
		return dg_fail(cause, DG_USAGE, "search text too long: %zu bytes (at most %d)", len,
		               TOKENIZE_QUERY_MAX_BYTES);
	struct qterms terms = {0}, groups = {0};
	while (i < len) {
		size_t k;
		if (is_space_at(user + i, len - i, &k))
			i += k;
		else
			parse_term(user, len, &i, &terms);
	}
	/* A term twice adds nothing but cost: FTS5's grows with the square
	 * of the number of phrases. */
	size_t nterms = 0;
	group_terms(&terms, &groups, &nterms);
	enum dg_status rc = DG_OK;
	if (nterms > TOKENIZE_QUERY_MAX_TERMS)
		rc = dg_fail(cause, DG_USAGE, "too many words to search for (at most %d)",
		             TOKENIZE_QUERY_MAX_TERMS);
	else
		*match = build_match(&groups);
	qterms_free(&terms);
	qterms_free(&groups);
	return rc;
}
