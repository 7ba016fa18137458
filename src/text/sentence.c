/*
 * sentence.c: sentence boundaries inside a paragraph, and the sentence
 * pairs of an aligned paragraph pair.
 *
 * libunistring 1.0 has word breaks (uniwbrk) but no sentence breaks, so
 * this is a small rule set, tuned to be cautious: a missed boundary only
 * means a paragraph pair stays whole, while a false one can pair a
 * sentence with the wrong translation.  Hence quotations are never split,
 * abbreviations and initials never end a sentence, and sentence_pairs
 * answers yes only when counts, lengths and shared anchors all agree.
 */
#include "diglot/common.h"
#include "diglot/script.h"
#include "diglot/sentence.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <unistr.h>

#define MAX_SENTENCES 256
#define WIDE_WEIGHT 2.5   /* a Han/kana/Hangul character in length units (as align.c) */
#define VAR_PER_CHAR 6.8  /* Gale & Church's s^2 per character */
#define DELTA_MAX 2.0     /* |delta| above this: the pair's lengths disagree */
#define REL_MAX 0.45      /* and the shorter side may not fall below 55% of the longer */
#define REL_SLACK 4.0     /* length units always forgiven (short sentences) */

/* ---- characters ----------------------------------------------------------- */

static bool is_cjk_term(ucs4_t c)
{
	return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF61 || c == 0xFF0E;
}

static bool is_latin_term(ucs4_t c)
{
	return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == 0x203C || c == 0x2047 ||
	       c == 0x2048 || c == 0x2049;
}

/* Quotes and brackets that close: they stay with the sentence before. */
static bool is_closer(ucs4_t c)
{
	switch (c) {
	case '"': case '\'': case ')': case ']': case 0x2019: case 0x201D: case 0x00BB:
	case 0x203A: case 0x300D: case 0x300F: case 0xFF09: case 0x3011: case 0x300B:
	case 0x3009: case 0xFF02: case 0xFF07:
		return true;
	default:
		return false;
	}
}

/* Quotes and brackets that open; quotes among them count for nesting. */
static int opener_kind(ucs4_t c)
{
	switch (c) {
	case 0x201C: case 0x00AB: case 0x300C: case 0x300E: case 0x201E: case 0x2039:
		return 2; /* an opening quotation mark */
	case '(': case '[': case 0x2018: case 0x201A: case 0xFF08: case 0x3010: case 0x300A:
	case 0x3008: case 0x00BF: case 0x00A1:
		return 1;
	default:
		return 0;
	}
}

static bool is_space_cp(ucs4_t c)
{
	return c == ' ' || c == '\n' || c == 0xA0 || c == 0x202F || c == 0x3000 || uc_is_space(c);
}

static bool is_lower(ucs4_t c)
{
	return uc_is_property_lowercase(c);
}

/* Can c start a sentence after ". "?  Capitals, caseless letters (CJK,
 * Arabic), digits. */
static bool starts_sentence(ucs4_t c)
{
	if (c >= '0' && c <= '9')
		return true;
	return uc_is_alpha(c) && !is_lower(c);
}

/* ---- abbreviations --------------------------------------------------------- */

/* Words that end in "." without ending a sentence (compared without the
 * final dot; dotted forms like e.g. U.S. z.B. are caught by shape). */
static const char *const abbrevs[] = {
	"Mr", "Mrs", "Ms", "Messrs", "Dr", "Drs", "St", "Ste", "Mt", "Prof", "Sr", "Sra", "Srta",
	"Jr", "Mme", "Mmes", "Mlle", "Mlles", "Hr", "Hrn", "Fr", "Dott", "Sig", "Gen", "Col",
	"Capt", "Lt", "Sgt", "Gov", "Sen", "Rep", "Rev", "Hon", "Pres", "No", "Nos", "Nr", "Nº",
	"vs", "etc", "cf", "approx", "ca", "bzw", "usw", "vgl", "ggf", "evtl", "inkl", "zzgl",
	"Abs", "Art", "Fig", "fig", "Vol", "vol", "pp", "Jan", "Feb", "Mar", "Apr", "Jun",
	"Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Av", "Avda", "Bd", "Sta", "Sto",
	"tel", "Tel", "ed", "eds", "op", "al", "resp", "Ing", "Dipl", "Univ",
	"г", "гг", "им", "ул", "др", "пр", "см", "т",
};

static bool in_abbrevs(const char *w, size_t n)
{
	for (size_t i = 0; i < ARRAY_SIZE(abbrevs); i++)
		if (strlen(abbrevs[i]) == n && memcmp(abbrevs[i], w, n) == 0)
			return true;
	return false;
}

/*
 * Does the "." at text[dot] end a word that is not a sentence end?  The
 * word is the run of letters and dots before it: an abbreviation from the
 * list, an initial (one letter: J. R. R. Tolkien, M. Dupont), a dotted
 * abbreviation (e.g, i.e, U.S, a.m, z.B), or a short number (German and
 * Scandinavian ordinals: am 3. Oktober).
 */
static bool dot_is_abbrev(const char *text, size_t dot)
{
	size_t start = dot, k;
	while (start > 0) {
		size_t p = start - 1;
		while (p > 0 && ((unsigned char)text[p] & 0xC0) == 0x80)
			p--;
		ucs4_t c = cp_at(text + p, dot - p, &k);
		if (c != '.' && !uc_is_alpha(c) && !(c >= '0' && c <= '9') && !uc_is_general_category(c, UC_CATEGORY_M))
			break;
		if (script_is_cjk(c))
			break; /* "中文Mr." : the word starts after the CJK text */
		start = p;
	}
	const char *w = text + start;
	size_t n = dot - start;
	if (n == 0)
		return false;
	size_t letters = 0, digits = 0, dots = 0, others = 0, run = 0, maxrun = 0;
	for (size_t i = 0; i < n; i += k) {
		ucs4_t c = cp_at(w + i, n - i, &k);
		if (c == '.') {
			dots++;
			run = 0;
		} else if (c >= '0' && c <= '9') {
			digits++;
		} else if (uc_is_alpha(c) || uc_is_general_category(c, UC_CATEGORY_M)) {
			letters += !uc_is_general_category(c, UC_CATEGORY_M);
			maxrun = MAX(maxrun, ++run);
		} else {
			others++;
		}
	}
	if (others)
		return false;
	if (digits && !letters && !dots)
		return digits <= 2;
	if (digits)
		return false;
	if (letters == 1 && !dots)
		return true; /* an initial */
	if (dots && maxrun <= 3)
		return true; /* e.g. U.S. a.m. z.B. p.ej. */
	return !dots && in_abbrevs(w, n);
}

/* ---- splitting ------------------------------------------------------------- */

struct splitter {
	const char *s;
	size_t len;
	struct span *v;
	size_t n, cap;
	size_t start; /* where the current sentence began */
	int depth;    /* open quotation marks */
};

static void emit(struct splitter *sp, size_t end)
{
	size_t a = sp->start, b = end, k;
	while (a < b && is_space_cp(cp_at(sp->s + a, sp->len - a, &k)))
		a += k;
	while (b > a) {
		size_t p = b - 1;
		while (p > a && ((unsigned char)sp->s[p] & 0xC0) == 0x80)
			p--;
		if (!is_space_cp(cp_at(sp->s + p, sp->len - p, &k)))
			break;
		b = p;
	}
	if (b > a) {
		xgrow(&sp->v, &sp->cap, sp->n + 1, sizeof *sp->v);
		sp->v[sp->n++] = (struct span){a, b - a};
	}
	sp->start = end;
}

/* Consume closers from i, tracking quotation depth; return the end.
 * French sets » apart by a (narrow) space: « Non. » */
static size_t eat_closers(struct splitter *sp, size_t i)
{
	size_t k;
	while (i < sp->len) {
		ucs4_t c = cp_at(sp->s + i, sp->len - i, &k);
		if (c == ' ' || c == 0xA0 || c == 0x202F) {
			size_t k2;
			ucs4_t d = i + k < sp->len ? cp_at(sp->s + i + k, sp->len - (i + k), &k2) : 0;
			if (d != 0xBB && d != 0x203A)
				break;
			i += k;
			continue;
		}
		if (!is_closer(c))
			break;
		if (c == '"' || c == 0x201D || c == 0xBB || c == 0x300D || c == 0x300F || c == 0x203A)
			sp->depth = MAX(sp->depth - 1, 0);
		i += k;
	}
	return i;
}

/* After a Latin terminator run ending at i (closers eaten): is there a
 * space then a sentence start? */
static bool latin_next_starts(const struct splitter *sp, size_t i)
{
	size_t k, spaces = 0;
	ucs4_t c = 0;
	while (i < sp->len) {
		c = cp_at(sp->s + i, sp->len - i, &k);
		if (!is_space_cp(c) || c == '\n')
			break;
		spaces++;
		i += k;
	}
	if (i >= sp->len || c == '\n')
		return true; /* end of text or line: the caller ends the sentence anyway */
	if (!spaces)
		return false;
	bool opened = false;
	while (i < sp->len && (opener_kind(c) || c == '"' || c == '\'' || c == 0x2014 || c == '-')) {
		opened = true;
		i += k;
		if (i >= sp->len)
			return false;
		c = cp_at(sp->s + i, sp->len - i, &k);
	}
	return starts_sentence(c) || (opened && !is_lower(c) && !is_space_cp(c));
}

size_t sentence_split(const char *text, size_t len, struct span **out)
{
	struct splitter sp = {text, len, NULL, 0, 0, 0, 0};
	size_t i = 0, k;
	while (i < len) {
		ucs4_t c = cp_at(text + i, len - i, &k);
		size_t at = i;
		i += k;
		if (c == '\n') {
			emit(&sp, at);
			sp.depth = 0;
			continue;
		}
		if (opener_kind(c) == 2) {
			sp.depth++;
			continue;
		}
		if (c == '"') { /* a straight quote opens when no word precedes it */
			bool opens = at == 0 || is_space_cp((unsigned char)text[at - 1]) ||
			             text[at - 1] == '(';
			sp.depth = opens ? sp.depth + 1 : MAX(sp.depth - 1, 0);
			continue;
		}
		if (is_closer(c)) {
			eat_closers(&sp, at);
			continue;
		}
		bool cjk = is_cjk_term(c);
		if (!cjk && !is_latin_term(c))
			continue;
		/* the whole run of terminators: ?!  ...  。」 */
		bool single_dot = c == '.';
		while (i < len) {
			ucs4_t d = cp_at(text + i, len - i, &k);
			if (!is_cjk_term(d) && !is_latin_term(d))
				break;
			cjk |= is_cjk_term(d);
			single_dot = false;
			i += k;
		}
		size_t run_end = i;
		i = eat_closers(&sp, i);
		if (!cjk && at > 0 && i < len) {
			/* "开源." or "吗?" then more Chinese: halfwidth punctuation
			 * in CJK text ends a sentence without a space */
			size_t p = at - 1;
			while (p > 0 && ((unsigned char)text[p] & 0xC0) == 0x80)
				p--;
			size_t kk;
			cjk = script_is_cjk(cp_at(text + p, len - p, &kk)) &&
			      script_is_cjk(cp_at(text + i, len - i, &kk));
		}
		if (sp.depth > 0)
			continue; /* inside a quotation: it is one sentence */
		if (cjk && i > run_end && i < len &&
		    script_of(cp_at(text + i, len - i, &k)) == SCRIPT_HIRAGANA)
			continue; /* 「行くぞ！」と言った: a quoted exclamation inside the sentence */
		if (!cjk) {
			if (!latin_next_starts(&sp, i))
				continue;
			if (single_dot && dot_is_abbrev(text, at))
				continue;
		}
		emit(&sp, i);
	}
	emit(&sp, len);
	if (sp.n == 0) {
		free(sp.v);
		sp.v = NULL;
	}
	*out = sp.v;
	return sp.n;
}

/* ---- pairs ------------------------------------------------------------------ */

/* Length in align.c's units: non-space characters, CJK weighted. */
static double weighted_len(const char *s, size_t n)
{
	double len = 0;
	size_t k;
	for (size_t i = 0; i < n; i += k) {
		ucs4_t c = cp_at(s + i, n - i, &k);
		if (!is_space_cp(c))
			len += script_is_cjk(c) ? WIDE_WEIGHT : 1.0;
	}
	return len;
}

/* Anchors: numbers (2.4, 12,000, 2025) and capitalised Latin words of
 * three letters or more (names), as strings. */
struct anchors {
	char **v;
	size_t *sent; /* which sentence each came from */
	size_t n, cap, scap;
};

static void anchor_add(struct anchors *a, const char *s, size_t n, size_t sent)
{
	xgrow(&a->v, &a->cap, a->n + 1, sizeof *a->v);
	xgrow(&a->sent, &a->scap, a->n + 1, sizeof *a->sent);
	a->v[a->n] = xstrndup(s, n);
	a->sent[a->n++] = sent;
}

static bool ascii_alpha(unsigned char b)
{
	return (b | 0x20) >= 'a' && (b | 0x20) <= 'z';
}

static void anchors_of(struct anchors *a, const char *s, size_t n, size_t sent)
{
	size_t i = 0;
	while (i < n) {
		unsigned char b = (unsigned char)s[i];
		bool prev_alnum = i > 0 && (ascii_alpha((unsigned char)s[i - 1]) ||
		                            ((unsigned char)s[i - 1] >= '0' && (unsigned char)s[i - 1] <= '9'));
		if (b >= '0' && b <= '9' && !prev_alnum) {
			size_t j = i;
			while (j < n && ((s[j] >= '0' && s[j] <= '9') ||
			                 ((s[j] == '.' || s[j] == ',') && j + 1 < n && s[j + 1] >= '0' &&
			                  s[j + 1] <= '9')))
				j++;
			anchor_add(a, s + i, j - i, sent);
			i = j;
		} else if (b >= 'A' && b <= 'Z' && !prev_alnum) {
			size_t j = i + 1;
			while (j < n && ascii_alpha((unsigned char)s[j]))
				j++;
			/* a name, not a capitalised word of the sentence's language:
			 * only shared words count, so "The" or "Le" never match */
			if (j - i >= 3 && (j >= n || (unsigned char)s[j] < 0x80))
				anchor_add(a, s + i, j - i, sent);
			i = j;
		} else {
			i++;
		}
	}
}

static void anchors_free(struct anchors *a)
{
	for (size_t i = 0; i < a->n; i++)
		free(a->v[i]);
	free(a->v);
	free(a->sent);
}

/* Bitmask (up to 64 sentences; later ones share the last bit) of the
 * sentences holding anchor w. */
static uint64_t where(const struct anchors *a, const char *w)
{
	uint64_t m = 0;
	for (size_t i = 0; i < a->n; i++)
		if (strcmp(a->v[i], w) == 0)
			m |= (uint64_t)1 << MIN(a->sent[i], 63);
	return m;
}

/* Every anchor present on both sides sits in the same sentences. */
static bool anchors_agree(const struct anchors *l, const struct anchors *r)
{
	for (size_t i = 0; i < l->n; i++) {
		uint64_t mr = where(r, l->v[i]);
		if (mr && mr != where(l, l->v[i]))
			return false;
	}
	return true;
}

static bool lengths_agree(double ln, double rn)
{
	double mean = (ln + rn) / 2;
	if (mean <= 0)
		return false;
	double delta = (rn - ln) / sqrt(VAR_PER_CHAR * mean);
	if (fabs(delta) > DELTA_MAX)
		return false;
	return fabs(rn - ln) <= REL_MAX * MAX(ln, rn) + REL_SLACK;
}

bool sentence_pairs(const char *l, size_t ll, const char *r, size_t rl, double ratio,
                    struct sent_pair **out, size_t *n)
{
	struct span *ls = NULL, *rs = NULL;
	size_t nl = sentence_split(l, ll, &ls);
	size_t nr = sentence_split(r, rl, &rs);
	bool ok = nl == nr && nl >= 2 && nl <= MAX_SENTENCES;
	*out = NULL;
	*n = 0;
	if (ok && ratio <= 0) {
		double a = weighted_len(l, ll), b = weighted_len(r, rl);
		ratio = a > 0 && b > 0 ? b / a : 0;
		ok = ratio > 0;
	}
	for (size_t k = 0; ok && k < nl; k++) {
		double a = weighted_len(l + ls[k].off, ls[k].len);
		double b = weighted_len(r + rs[k].off, rs[k].len) / ratio; /* in left units */
		ok = lengths_agree(a, b);
	}
	if (ok) {
		struct anchors al = {0}, ar = {0};
		for (size_t k = 0; k < nl; k++) {
			anchors_of(&al, l + ls[k].off, ls[k].len, k);
			anchors_of(&ar, r + rs[k].off, rs[k].len, k);
		}
		ok = anchors_agree(&al, &ar);
		anchors_free(&al);
		anchors_free(&ar);
	}
	if (ok) {
		*out = xreallocarray(NULL, nl, sizeof **out);
		for (size_t k = 0; k < nl; k++)
			(*out)[k] = (struct sent_pair){ls[k], rs[k]};
		*n = nl;
	}
	free(ls);
	free(rs);
	return ok;
}
