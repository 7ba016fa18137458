/*
 * evidence.c: the language-independent keys of an article (evidence.h).
 *
 * One scan per paragraph cuts the text into words, numbers, CJK runs,
 * quotes, URLs and dates.  A capitalised word is a name only when the
 * article also writes it capitalised inside a sentence (a first pass
 * collects those), so "The" or "Dans" opening a sentence and the Title
 * Case of English headlines are not names; acronyms (AI, AFP, OpenAI) and
 * Latin words inside Chinese or Japanese text always are.  Numbers are
 * read with the paragraph language's decimal convention, then their scale
 * word and unit, so every language's writing of one amount gives one key.
 */
#include "diglot/sbuf.h"
#include "diglot/tokenize.h"
#include "evidence_int.h"

#include <math.h>
#include <stdio.h>

/* ---- the key list ------------------------------------------------------ */

void ev_add_key(struct evidence *ev, char kind, const char *v, size_t n)
{
	if (n == 0 || n > 200)
		return;
	if (ev->n == ev->cap) {
		ev->cap = ev->cap ? 2 * ev->cap : 64;
		ev->keys = xrealloc(ev->keys, ev->cap * sizeof *ev->keys);
	}
	char *t = xmalloc(n + 3);
	t[0] = kind;
	t[1] = ':';
	memcpy(t + 2, v, n);
	t[n + 2] = '\0';
	ev->keys[ev->n++] = (struct ev_key){t, 0, 1};
}

static void add_folded(struct evidence *ev, char kind, const char *s, size_t n)
{
	char *f = tokenize_fold(s, n);
	ev_add_key(ev, kind, f, strlen(f));
	free(f);
}

int64_t evidence_hash(const char *key, size_t len)
{
	uint64_t h = 1469598103934665603ULL;
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)key[i]) * 1099511628211ULL;
	return (int64_t)(h >> 16); /* 48 bits: six bytes in an SQLite integer */
}

/* ---- the words the article capitalises inside sentences ---------------- */

#define CAPSET_BITS 10
struct capset {
	int64_t *h; /* open addressing; 0 is empty */
	size_t n, cap;
};

static void capset_add(struct capset *cs, int64_t h)
{
	h |= 1;
	if (2 * (cs->n + 1) > cs->cap) {
		struct capset old = *cs;
		cs->cap = old.cap ? 2 * old.cap : (1u << CAPSET_BITS);
		cs->h = xcalloc(cs->cap, sizeof *cs->h);
		cs->n = 0;
		for (size_t i = 0; i < old.cap; i++)
			if (old.h[i])
				capset_add(cs, old.h[i]);
		free(old.h);
	}
	size_t i = (size_t)h & (cs->cap - 1);
	while (cs->h[i] && cs->h[i] != h)
		i = (i + 1) & (cs->cap - 1);
	if (!cs->h[i]) {
		cs->h[i] = h;
		cs->n++;
	}
}

static bool capset_has(const struct capset *cs, int64_t h)
{
	if (!cs->cap)
		return false;
	h |= 1;
	size_t i = (size_t)h & (cs->cap - 1);
	while (cs->h[i]) {
		if (cs->h[i] == h)
			return true;
		i = (i + 1) & (cs->cap - 1);
	}
	return false;
}

/* ---- paragraph scanning ------------------------------------------------ */


static const char *const de_determiners[] = {
	"der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines",
	"kein", "keine", "jede", "jeder", "diese", "dieser", "dieses", "im", "am", "zum", "zur",
	"vom", "beim", "ins", "mit", "von", "für", "auf", "bei", "nach", "aus", "über", "unter",
	"seine", "ihre", "ihrer", "seiner", "unsere", "neue", "neuen", "ersten",
};

static bool after_de_determiner(const struct scan *sc)
{
	if (sc->de && sc->after_number)
		return true;
	if (!sc->de || !sc->prev.s)
		return false;
	for (size_t i = 0; i < ARRAY_SIZE(de_determiners); i++)
		if (eq_ci(sc->prev.s, sc->prev.n, de_determiners[i]))
			return true;
	return false;
}

/* Capitalised in the middle of sentences, yet no name: months and days
 * (English, German), the English "I". */
static const char *const not_names[] = {
	"january", "february", "march", "april", "may", "june", "july", "august", "september",
	"october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
	"saturday", "sunday", "januar", "februar", "märz", "juni", "juli", "oktober", "dezember",
	"montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "i",
	"mr", "mrs", "ms", "dr", "herr", "frau",
};

static bool not_a_name(const struct word *w)
{
	if (w->n > 9)
		return false;
	for (size_t i = 0; i < ARRAY_SIZE(not_names); i++)
		if (eq_ci(w->s, w->n, not_names[i]))
			return true;
	return false;
}

static int64_t word_hash(const struct word *w)
{
	char *f = tokenize_fold(w->s, w->n);
	int64_t h = evidence_hash(f, strlen(f));
	free(f);
	return h;
}

static bool is_name_word(const struct scan *sc, const struct word *w)
{
	if (w->acronym)
		return true;
	if (!w->cap || w->n < 2 || not_a_name(w))
		return false;
	return capset_has(sc->caps, word_hash(w));
}

/* The name read so far ends: "Mistral AI" gives N:mistral ai, n:mistral, n:ai. */
static void flush_name(struct scan *sc)
{
	size_t n = sc->nseq;
	sc->nseq = 0;
	if (sc->collect || n == 0)
		return;
	if (n > 1) {
		struct sbuf b = SBUF_INIT;
		for (size_t i = 0; i < n; i++) {
			if (i)
				sbuf_addc(&b, ' ');
			sbuf_add(&b, sc->seq[i].s, sc->seq[i].n);
		}
		add_folded(sc->ev, EV_NAMES, b.s, b.len);
		sbuf_free(&b);
	}
	for (size_t i = 0; i < n; i++)
		if (sc->seq[i].n >= 3 || sc->seq[i].acronym)
			add_folded(sc->ev, EV_NAME, sc->seq[i].s, sc->seq[i].n);
}

static void take_word(struct scan *sc, struct word w)
{
	if (sc->collect) {
		if (w.cap && !w.sentence && !sc->title && !after_de_determiner(sc))
			capset_add(sc->caps, word_hash(&w));
		sc->prev = w;
		sc->after_number = false;
		return;
	}
	if (sc->cjk_lang || is_name_word(sc, &w)) {
		if (sc->nseq == ARRAY_SIZE(sc->seq))
			flush_name(sc);
		sc->seq[sc->nseq++] = w;
	} else {
		flush_name(sc);
	}
	sc->prev = w;
}

/* A word at s[i]: letters, digits, marks, inner hyphens and apostrophes. */
static size_t scan_word(struct scan *sc, const char *s, size_t n, size_t i, bool sentence)
{
	size_t j = i, k;
	size_t caps = 0, letters = 0;
	bool cap = false;
	size_t apos = 0; /* the end of an elided article: l', d', dell' */
	while (j < n) {
		ucs4_t c = cp_at(s + j, n - j, &k);
		if (is_word_cp(c) || (c < 0x80 && is_digit((char)c))) {
			if (uc_is_upper(c)) {
				caps++;
				if (letters == 0)
					cap = true;
			}
			if (is_word_cp(c))
				letters++;
			j += k;
			continue;
		}
		size_t k2;
		ucs4_t d = j + k < n ? cp_at(s + j + k, n - j - k, &k2) : 0;
		bool next_word = is_word_cp(d) || (d < 0x80 && is_digit((char)d));
		if ((c == '-' || c == 0x2010) && next_word) {
			j += k;
			continue;
		}
		if ((c == '\'' || c == 0x2019) && next_word) {
			if (letters <= 4 && (!cap || letters <= 2) && uc_is_upper(d)) { /* d'OpenAI, dell'Unione, L'Union */
				apos = j + k;
				j += k;
				caps = letters = 0;
				cap = false;
				continue;
			}
			if ((d == 's' || d == 'S') && j + k + 1 >= n) {
				break;
			}
			if ((d == 's' || d == 'S') && !is_word_cp(cp_at(s + j + k + 1, n - j - k - 1, &k2)))
				break; /* Microsoft's */
			j += k;
			continue;
		}
		break;
	}
	size_t st = apos ? apos : i;
	struct word w = {s + st, j - st, cap, caps >= 2, sentence && !apos};
	if (apos) /* "GPT-4 d'OpenAI": the article parts two names */
		flush_name(sc);
	if (letters > 0)
		take_word(sc, w);
	else
		flush_name(sc);
	/* A possessive 's ends the name: "Mistral AI's Public Affairs Director" */
	if (j < n && (s[j] == '\'' || (n - j >= 3 && memcmp(s + j, "\u2019", 3) == 0))) {
		size_t q = s[j] == '\'' ? 1 : 3;
		if (j + q < n && (s[j + q] == 's' || s[j + q] == 'S')) {
			j += q + 1;
			flush_name(sc);
		}
	}
	return j;
}

/* ---- quotes and URLs ------------------------------------------------------ */

static const char *const quote_pairs[][2] = {
	{"\"", "\""}, {"“", "”"}, {"„", "“"}, {"«", "»"}, {"「", "」"}, {"『", "』"}, {"‘", "’"},
};

/* A quote of one to four words: q:folded.  Returns the opening's length. */
static size_t scan_quote(struct scan *sc, const char *s, size_t n, size_t i)
{
	unsigned char b = (unsigned char)s[i];
	if (b != '"' && b != 0xC2 && b != 0xE2 && b != 0xE3)
		return 0; /* the first byte of no opening below */
	if (sc->quote_close == i + 1)
		return 0; /* the end of the last quote opens nothing */
	for (size_t q = 0; q < ARRAY_SIZE(quote_pairs); q++) {
		size_t m = has_prefix(s + i, n - i, quote_pairs[q][0]);
		if (!m)
			continue;
		const char *close = quote_pairs[q][1];
		size_t cl = strlen(close), lim = i + m + 60 < n ? i + m + 60 : n;
		for (size_t j = i + m; j + cl <= lim; j++) {
			if (s[j] == '\n')
				break; /* a short quote stays on its line */
			if (memcmp(s + j, close, cl) != 0)
				continue;
			const char *t = s + i + m;
			size_t tn = j - i - m, words = 1;
			for (size_t x = 0; x < tn; x++)
				words += t[x] == ' ';
			trim(&t, &tn);
			bool sentence = tn && is_sentence_end(last_cp(t, tn));
			if (!sc->collect && tn >= 2 && words <= 4 && !sentence)
				add_folded(sc->ev, EV_QUOTE, t, tn);
			sc->quote_close = j + 1;
			break;
		}
		return m;
	}
	return 0;
}

static size_t scan_url(struct scan *sc, const char *s, size_t n, size_t i)
{
	size_t len;
	const char *u = art_find_url(s + i, n - i, &len);
	if (u != s + i)
		return 0;
	if (!sc->collect) {
		char *host = art_host_of(u, len);
		const char *h = host;
		if (has_prefix(h, strlen(h), "www."))
			h += 4;
		if (!sc->own_host || strcmp(h, sc->own_host) != 0)
			add_folded(sc->ev, EV_HOST, h, strlen(h));
		size_t p = has_prefix(u, len, "https://");
		if (!p)
			p = has_prefix(u, len, "http://");
		p += has_prefix(u + p, len - p, "www.");
		size_t e = len;
		for (size_t x = p; x < len; x++)
			if (u[x] == '?' || u[x] == '#') {
				e = x;
				break;
			}
		while (e > p && u[e - 1] == '/')
			e--;
		if (e > p + strlen(h))
			ev_add_key(sc->ev, EV_URL, u + p, e - p);
		free(host);
	}
	return len;
}

/* ---- one paragraph ----------------------------------------------------- */


static bool lang_is(const char *lang, const char *const *list)
{
	for (; *list; list++)
		if (strcmp(lang, *list) == 0)
			return true;
	return false;
}

static void scan_para(struct scan *sc, const char *s, size_t n, const char *lang)
{
	static const char *const point_dec[] = {"en", "zh", "ja", "ko", "th", "he", "ga", NULL};
	static const char *const cjk[] = {"zh", "ja", NULL};
	sc->comma_dec = !lang_is(lang, point_dec);
	sc->cjk_lang = lang_is(lang, cjk);
	sc->de = strcmp(lang, "de") == 0;
	sc->mdy = strcmp(lang, "en") == 0;
	sc->nseq = 0;
	sc->prev = (struct word){0};
	sc->after_number = false;
	sc->quote_close = 0;
	bool sentence = true;
	size_t i = 0, k;
	while (i < n) {
		ucs4_t c = cp_at(s + i, n - i, &k);
		size_t e, pl;
		bool alnum = c < 0x80 && (is_digit((char)c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'));
		bool url = (c == 'h' && has_prefix(s + i, n - i, "http")) ||
		           (c == 'w' && has_prefix(s + i, n - i, "www."));
		if (url && (e = scan_url(sc, s, n, i))) {
			flush_name(sc);
			i += e;
			continue;
		}
		int64_t day = alnum && (i == 0 || !is_word_cp(last_cp(s, i))) ?
		              art_date_at(s, n, i, sc->mdy, &e) : 0;
		if (day) {
			flush_name(sc);
			if (!sc->collect)
				ev_add_day(sc->ev, day);
			i = e;
			sentence = false;
			continue;
		}
		bool sign = c == '$' || c == 'U' || c == 0x20AC || c == 0xA3 || c == 0xA5 || c == 0xFFE5;
		const char *pu = sign ? ev_prefix_unit(s, n, i, &pl) : NULL;
		if (pu || (c < 0x80 && is_digit((char)c))) {
			flush_name(sc);
			i = ev_scan_number(sc, s, n, pu ? i + pl : i, pu);
			sentence = false;
			continue;
		}
		if (is_word_cp(c)) {
			i = scan_word(sc, s, n, i, sentence);
			sentence = false;
			continue;
		}
		if (is_cjk_cp(c)) {
			flush_name(sc);
			i = ev_scan_cjk(sc, s, n, i);
			continue;
		}
		if ((e = scan_quote(sc, s, n, i))) {
			flush_name(sc);
			i += e;
			sentence = true;
			continue;
		}
		if (!is_space_cp(c) && c != '\n') {
			flush_name(sc);
			if (is_sentence_end(c) || c == ':' || c == 0xFF1A || c == '-' || c == 0x2013 ||
			    c == 0x2014 || c == '(' || c == '*' || c == 0x3010)
				sentence = true;
			else if (c != ',' && c != ';')
				sentence = sentence && c != 0x3001;
		} else if (c == '\n') {
			flush_name(sc);
			sentence = true;
		}
		i += k;
	}
	flush_name(sc);
}

/* ---- choosing and ordering keys ---------------------------------------- */

static int cmp_text(const void *a, const void *b)
{
	return strcmp(((const struct ev_key *)a)->text, ((const struct ev_key *)b)->text);
}

/* How telling a key is, before the library says how rare it is. */
static double key_rank(const struct ev_key *k)
{
	size_t n = strlen(k->text);
	double w;
	switch (k->text[0]) {
	case EV_NAMES: case EV_URL: w = 3; break;
	case EV_NUM: w = is_digit(k->text[n - 1]) ? 1 : 3; break;
	case EV_DATE: w = 2.5; break;
	case EV_NAME: case EV_QUOTE: w = 1.5; break;
	case EV_HOST: w = 1; break;
	default: w = 0.5; break;
	}
	return w * (1 + log((double)k->count));
}

static int cmp_rank(const void *a, const void *b)
{
	double ra = key_rank(a), rb = key_rank(b);
	return ra > rb ? -1 : ra < rb ? 1 : cmp_text(a, b);
}

/* Sort, merge duplicates (counting them), keep the best EVIDENCE_MAX_KEYS. */
void ev_finish(struct evidence *ev)
{
	if (!ev->n)
		return;
	qsort(ev->keys, ev->n, sizeof *ev->keys, cmp_text);
	size_t w = 0;
	for (size_t r = 0; r < ev->n; r++) {
		if (w && strcmp(ev->keys[w - 1].text, ev->keys[r].text) == 0) {
			ev->keys[w - 1].count++;
			free(ev->keys[r].text);
		} else {
			ev->keys[w++] = ev->keys[r];
		}
	}
	ev->n = w;
	if (ev->n > EVIDENCE_MAX_KEYS) {
		qsort(ev->keys, ev->n, sizeof *ev->keys, cmp_rank);
		for (size_t i = EVIDENCE_MAX_KEYS; i < ev->n; i++)
			free(ev->keys[i].text);
		ev->n = EVIDENCE_MAX_KEYS;
		qsort(ev->keys, ev->n, sizeof *ev->keys, cmp_text);
	}
	for (size_t i = 0; i < ev->n; i++)
		ev->keys[i].hash = evidence_hash(ev->keys[i].text, strlen(ev->keys[i].text));
}

static const char *para_lang(const struct article *a, const struct para *p)
{
	return p->lang[0] && strcmp(p->lang, "und") != 0 ? p->lang : a->lang;
}

/* A short line naming the article's own outlet ("Diario del Sur · 14 de
 * diciembre de 2023", "By Jane Okafor, Harbor Gazette"): what every article
 * of the outlet has, and the article's own date, are no evidence. */
static bool byline(const struct article *a, const struct para *p)
{
	size_t n = strlen(p->text), e;
	if (a->source && a->source[0] && n <= 120 && strstr(p->text, a->source) != NULL)
		return true;
	/* a dateline: a date and a few words on a line of its own */
	return n <= 80 && p->kind != PARA_TITLE && art_find_date(p->text, n, false, &e) != 0;
}

/* Drop the keys that only name the article's outlet. */
static void drop_source(struct evidence *ev, const char *source)
{
	if (!source || !source[0])
		return;
	char *f = tokenize_fold(source, strlen(source));
	size_t w = 0, fl = strlen(f);
	for (size_t i = 0; i < ev->n; i++) {
		const char *k = ev->keys[i].text;
		bool drop = false;
		if (k[0] == EV_NAME || k[0] == EV_NAMES) {
			const char *v = k + 2, *p = f;
			size_t vl = strlen(v);
			while (!drop && (p = strstr(p, v)) != NULL) {
				drop = (p == f || p[-1] == ' ') && (p + vl == f + fl || p[vl] == ' ');
				p++;
			}
		}
		if (drop)
			free(ev->keys[i].text);
		else
			ev->keys[w++] = ev->keys[i];
	}
	ev->n = w;
	free(f);
}

void evidence_extract(const struct article *a, struct evidence *ev)
{
	memset(ev, 0, sizeof *ev);
	struct capset caps = {0};
	char *own = NULL;
	if (a->url && a->url[0]) {
		own = art_host_of(a->url, strlen(a->url));
		if (has_prefix(own, strlen(own), "www."))
			memmove(own, own + 4, strlen(own) - 3);
	}
	struct scan sc = {.ev = ev, .caps = &caps, .own_host = own};
	for (int pass = 0; pass < 2; pass++) {
		sc.collect = pass == 0;
		for (size_t i = 0; i < a->npara; i++) {
			const struct para *p = &a->paras[i];
			if (byline(a, p))
				continue;
			sc.title = p->kind == PARA_TITLE;
			scan_para(&sc, p->text, strlen(p->text), para_lang(a, p));
		}
		if (!a->npara && a->title)
			scan_para(&sc, a->title, strlen(a->title), a->lang);
	}
	if (own) { /* the article's own URL is a key, its host is not */
		size_t len;
		const char *u = art_find_url(a->url, strlen(a->url), &len);
		if (u)
			scan_url(&sc, u, len, 0);
	}
	free(own);
	free(caps.h);
	drop_source(ev, a->source);
	ev_finish(ev);
}

void evidence_from_text(const char *text, const char *lang, struct evidence *ev)
{
	struct article a = {0};
	a.title = (char *)"";
	a.url = (char *)"";
	snprintf(a.lang, sizeof a.lang, "%s", lang);
	struct para p = {.text = (char *)text, .side = SIDE_NONE, .kind = PARA_BODY};
	snprintf(p.lang, sizeof p.lang, "%s", lang);
	a.paras = &p;
	a.npara = 1;
	evidence_extract(&a, ev);
}

void evidence_free(struct evidence *ev)
{
	for (size_t i = 0; i < ev->n; i++)
		free(ev->keys[i].text);
	free(ev->keys);
	memset(ev, 0, sizeof *ev);
}

char *evidence_join(const struct evidence *ev)
{
	struct sbuf b = SBUF_INIT;
	for (size_t i = 0; i < ev->n; i++) {
		if (i)
			sbuf_addstr(&b, " | ");
		sbuf_addstr(&b, ev->keys[i].text);
	}
	return b.s ? sbuf_detach(&b) : xstrdup("");
}
