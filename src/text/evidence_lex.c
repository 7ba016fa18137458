/*
 * evidence_lex.c: the bilingual name lexicon (evidence.h).  A bilingual
 * document already in the library says, row by row, the same thing in a
 * CJK language and a Latin-script one: a Latin name (n:microsoft) found
 * in the rows whose CJK half holds a string of Han characters (微软), and
 * nowhere else, is that string's meaning.  Pairs seen in two rows or more
 * are kept; an article whose CJK text holds the string then gets the
 * Latin key too, and meets the other languages' articles on it.
 */
#include "diglot/common.h"
#include "evidence_int.h"
#include "diglot/sbuf.h"
#include "diglot/tokenize.h"

#include <stdlib.h>
#include <string.h>

#define GRAM_MIN 2     /* Han characters in a string: 微软 */
#define GRAM_MAX 4     /* 英伟达公 is already a name and a word */
#define LEX_ROWS 64    /* rows read per document: one bit each */
#define LEX_MIN_ROWS 3 /* a pair is seen in three rows at least: two were often chance */
#define LEX_MIN_DICE 0.8

static bool cjk_lang(const char *l)
{
	return strcmp(l, "zh") == 0 || strcmp(l, "ja") == 0;
}

static bool is_han(ucs4_t c)
{
	return script_of(c) == SCRIPT_HAN;
}

/* ---- the Han strings of a text ------------------------------------------ */

struct gram {
	int64_t h; /* 0: an empty slot */
	const char *s;
	size_t n;
	uint64_t rows;
};

struct grams {
	struct gram *g;
	size_t cap, n;
};

static struct gram *gram_at(struct grams *gs, const char *s, size_t n)
{
	if (2 * (gs->n + 1) > gs->cap) {
		struct grams old = *gs;
		gs->cap = old.cap ? 2 * old.cap : 1024;
		gs->g = xcalloc(gs->cap, sizeof *gs->g);
		gs->n = 0;
		for (size_t i = 0; i < old.cap; i++)
			if (old.g[i].h)
				*gram_at(gs, old.g[i].s, old.g[i].n) = old.g[i];
		free(old.g);
	}
	int64_t h = evidence_hash(s, n) | 1;
	size_t i = (size_t)((uint64_t)h * 0x9E3779B97F4A7C15ULL >> 20) & (gs->cap - 1);
	while (gs->g[i].h && !(gs->g[i].h == h && gs->g[i].n == n && memcmp(gs->g[i].s, s, n) == 0))
		i = (i + 1) & (gs->cap - 1);
	if (!gs->g[i].h) {
		gs->g[i] = (struct gram){h, s, n, 0};
		gs->n++;
	}
	return &gs->g[i];
}

/* Call fn for each string of GRAM_MIN to GRAM_MAX Han characters in s. */
static void each_gram(const char *s, size_t n, void (*fn)(void *ctx, const char *g, size_t len), void *ctx)
{
	for (size_t i = 0; i < n;) {
		size_t k;
		ucs4_t c = cp_at(s + i, n - i, &k);
		if (!is_han(c)) {
			i += k;
			continue;
		}
		size_t j = i, m = 0;
		while (j < n && m < GRAM_MAX) {
			size_t kj;
			if (!is_han(cp_at(s + j, n - j, &kj)))
				break;
			j += kj;
			if (++m >= GRAM_MIN)
				fn(ctx, s + i, j - i);
		}
		i += k;
	}
}

struct row_ctx {
	struct grams *gs;
	uint64_t bit;
};

static void mark_gram(void *ctx, const char *g, size_t len)
{
	struct row_ctx *r = ctx;
	gram_at(r->gs, g, len)->rows |= r->bit;
}

/* ---- pairs from a bilingual article ------------------------------------- */

static char *side_text(const struct article *a, uint32_t from, uint32_t n)
{
	struct sbuf b = SBUF_INIT;
	for (uint32_t i = from; i < from + n && i < a->npara; i++) {
		sbuf_addstr(&b, a->paras[i].text);
		sbuf_addc(&b, '\n');
	}
	return sbuf_detach(&b);
}

static bool latin_name(const char *key)
{
	if (key[0] != EV_NAME && key[0] != EV_NAMES)
		return false;
	for (const char *p = key + 2; *p; p++)
		if ((unsigned char)*p >= 0xE0)
			return false; /* a CJK or other far code point: not a Latin name */
	return true;
}

/* Does folded text t hold folded name v as whole words? */
static bool has_words(const char *t, const char *v)
{
	size_t vl = strlen(v);
	for (const char *p = t; (p = strstr(p, v)) != NULL; p++) {
		bool start = p == t || p[-1] == ' ' || p[-1] == '\n';
		bool end = p[vl] == '\0' || p[vl] == ' ' || p[vl] == '\n';
		if (start && end)
			return true;
	}
	return false;
}

/* The keys of a whole half: a name is told by the document's capitals,
 * not a row's (a row may start with it). */
static void half_keys(const struct article *a, bool right, const char *lang, struct evidence *ev)
{
	struct sbuf b = SBUF_INIT;
	for (size_t i = 0; i < a->npara; i++)
		if ((a->paras[i].side == SIDE_RIGHT) == right) {
			sbuf_addstr(&b, a->paras[i].text);
			sbuf_addstr(&b, "\n\n");
		}
	evidence_from_text(sbuf_str(&b), lang, ev);
	sbuf_free(&b);
}

/* The Han string of the rows the name is in, and in few others; NULL when
 * two different strings fit as well (投资 "invest" and 米斯特拉尔 in the
 * same two rows as Mistral). */
static const struct gram *best_gram(const struct grams *gs, uint64_t rows)
{
	int nl = bit_count(rows);
	const struct gram *best = NULL;
	double best_dice = 0;
	for (size_t j = 0; j < gs->cap; j++) {
		const struct gram *g = &gs->g[j];
		int both = g->h ? bit_count(g->rows & rows) : 0;
		if (both < LEX_MIN_ROWS)
			continue;
		double dice = 2.0 * both / (nl + bit_count(g->rows));
		/* the longest of equals: 微软公司 when the text always says so */
		if (dice > best_dice || (dice == best_dice && g->n > best->n)) {
			best = g;
			best_dice = dice;
		}
	}
	if (!best || best_dice < LEX_MIN_DICE)
		return NULL;
	for (size_t j = 0; j < gs->cap; j++) {
		const struct gram *g = &gs->g[j];
		int both = g->h ? bit_count(g->rows & rows) : 0;
		if (both >= LEX_MIN_ROWS && 2.0 * both / (nl + bit_count(g->rows)) == best_dice &&
		    !memmem(best->s, best->n, g->s, g->n))
			return NULL;
	}
	return best;
}

size_t evidence_lex_pairs(const struct article *a, struct lex_pair **out)
{
	*out = NULL;
	if (!a->lang2[0] || !a->nrow)
		return 0;
	bool left_cjk = cjk_lang(a->lang);
	if (left_cjk == cjk_lang(a->lang2))
		return 0;
	const char *latin_lang = left_cjk ? a->lang2 : a->lang, *cjk_l = left_cjk ? a->lang : a->lang2;
	struct evidence lat_ev, cjk_ev;
	half_keys(a, left_cjk, latin_lang, &lat_ev);
	half_keys(a, !left_cjk, cjk_l, &cjk_ev);
	struct grams gs = {0};
	char **texts = xcalloc(2 * LEX_ROWS, sizeof *texts); /* the grams point into the CJK ones */
	uint64_t *rows = xcalloc(lat_ev.n + 1, sizeof *rows);
	size_t nrow = 0;
	for (size_t r = 0; r < a->nrow && nrow < LEX_ROWS; r++) {
		const struct row *w = &a->rows[r];
		if (!w->nleft || !w->nright)
			continue;
		char *cjk = left_cjk ? side_text(a, w->left, w->nleft) : side_text(a, w->right, w->nright);
		char *lat = left_cjk ? side_text(a, w->right, w->nright) : side_text(a, w->left, w->nleft);
		char *folded = tokenize_fold(lat, strlen(lat));
		free(lat);
		texts[2 * nrow] = cjk;
		texts[2 * nrow + 1] = folded;
		struct row_ctx rc = {&gs, 1ULL << nrow};
		each_gram(cjk, strlen(cjk), mark_gram, &rc);
		for (size_t i = 0; i < lat_ev.n; i++)
			if (latin_name(lat_ev.keys[i].text) && has_words(folded, lat_ev.keys[i].text + 2))
				rows[i] |= 1ULL << nrow;
		nrow++;
	}
	size_t np = 0, capp = 0;
	for (size_t i = 0; i < lat_ev.n; i++) {
		const char *key = lat_ev.keys[i].text;
		bool in_cjk = false; /* written as is in the CJK half too: nothing to learn */
		for (size_t j = 0; j < cjk_ev.n && !in_cjk; j++)
			in_cjk = strcmp(cjk_ev.keys[j].text, key) == 0;
		const struct gram *g = !in_cjk && bit_count(rows[i]) >= LEX_MIN_ROWS ? best_gram(&gs, rows[i]) : NULL;
		if (g) {
			xgrow(out, &capp, np + 1, sizeof **out);
			(*out)[np++] = (struct lex_pair){xstrndup(g->s, g->n), xstrdup(key)};
		}
	}
	evidence_free(&lat_ev);
	evidence_free(&cjk_ev);
	free(rows);
	free(gs.g);
	for (size_t i = 0; i < 2 * nrow; i++)
		free(texts[i]);
	free(texts);
	return np;
}

void lex_pairs_free(struct lex_pair *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(p[i].cjk);
		free(p[i].key);
	}
	free(p);
}

/* ---- the lexicon ---------------------------------------------------------- */

struct lex_entry {
	int64_t h; /* of the Han string; 0: an empty slot */
	char *cjk, *key;
};

struct lexicon {
	struct lex_entry *e;
	size_t cap, n;
};

struct lexicon *lexicon_new(void)
{
	return xcalloc(1, sizeof(struct lexicon));
}

void lexicon_free(struct lexicon *lx)
{
	if (!lx)
		return;
	for (size_t i = 0; i < lx->cap; i++) {
		free(lx->e[i].cjk);
		free(lx->e[i].key);
	}
	free(lx->e);
	free(lx);
}

size_t lexicon_size(const struct lexicon *lx)
{
	return lx ? lx->n : 0;
}

static size_t lex_slot(const struct lex_entry *e, size_t cap, int64_t h, const char *s, size_t n)
{
	size_t i = (size_t)((uint64_t)h * 0x9E3779B97F4A7C15ULL >> 20) & (cap - 1);
	while (e[i].h && !(e[i].h == h && strlen(e[i].cjk) == n && memcmp(e[i].cjk, s, n) == 0))
		i = (i + 1) & (cap - 1);
	return i;
}

void lexicon_add(struct lexicon *lx, const char *cjk, const char *key)
{
	size_t n = strlen(cjk);
	if (2 * (lx->n + 1) > lx->cap) {
		struct lexicon old = *lx;
		lx->cap = old.cap ? 2 * old.cap : 64;
		lx->e = xcalloc(lx->cap, sizeof *lx->e);
		for (size_t i = 0; i < old.cap; i++)
			if (old.e[i].h)
				lx->e[lex_slot(lx->e, lx->cap, old.e[i].h, old.e[i].cjk, strlen(old.e[i].cjk))] = old.e[i];
		free(old.e);
	}
	int64_t h = evidence_hash(cjk, n) | 1;
	struct lex_entry *e = &lx->e[lex_slot(lx->e, lx->cap, h, cjk, n)];
	if (e->h)
		return; /* the first said wins: the caller gives the best first */
	*e = (struct lex_entry){h, xstrdup(cjk), xstrdup(key)};
	lx->n++;
}

struct apply_ctx {
	const struct lexicon *lx;
	struct evidence *ev;
	size_t added;
};

static void apply_gram(void *ctx, const char *g, size_t len)
{
	struct apply_ctx *ac = ctx;
	const struct lexicon *lx = ac->lx;
	const struct lex_entry *e = &lx->e[lex_slot(lx->e, lx->cap, evidence_hash(g, len) | 1, g, len)];
	if (!e->h)
		return;
	for (size_t i = 0; i < ac->ev->n; i++)
		if (strcmp(ac->ev->keys[i].text, e->key) == 0)
			return;
	ev_add_key(ac->ev, e->key[0], e->key + 2, strlen(e->key + 2));
	ac->added++;
}

void evidence_apply_lexicon(const struct article *a, const struct lexicon *lx, struct evidence *ev)
{
	if (!lexicon_size(lx))
		return;
	struct apply_ctx ac = {lx, ev, 0};
	for (size_t i = 0; i < a->npara; i++) {
		const struct para *p = &a->paras[i];
		if (cjk_lang(p->lang[0] ? p->lang : a->lang))
			each_gram(p->text, strlen(p->text), apply_gram, &ac);
	}
	if (ac.added)
		ev_finish(ev);
}
