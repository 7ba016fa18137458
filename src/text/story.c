/*
 * story.c: scoring story links from shared evidence (story.h).  The
 * weights are log-odds in spirit: a key held by df of N articles turns up
 * in an unrelated article with chance about df/N, so its surprise is
 * log(N/df), here over log(N), the surprise of a key no other article
 * has; a link needs the surprise of several keys, not one lucky
 * name, and keys that repeat each other (a name and its words) count once.
 */
#include "diglot/common.h"
#include "diglot/story.h"
#include "diglot/layout.h"
#include "diglot/width.h"
#include "diglot/sbuf.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int64_t story_df_cap(int64_t articles)
{
	int64_t cap = articles / 10;
	return cap < 8 ? 8 : cap > STORY_DF_MAX ? STORY_DF_MAX : cap;
}

static double kind_weight(const char *key)
{
	size_t n = strlen(key);
	switch (key[0]) {
	case EV_NAMES: return 1.5;
	case EV_NAME: return 1.0;
	case EV_NUM: return n && key[n - 1] >= '0' && key[n - 1] <= '9' ? 0.8 : 1.5;
	case EV_DATE: return 1.2;
	case EV_URL: return 3.0;
	case EV_HOST: return 0.6;
	case EV_QUOTE: return 0.8;
	case EV_YEAR: return 0.3;
	default: return 0.5;
	}
}

double story_key_weight(const char *key, int64_t df, int64_t articles)
{
	if (df < 1)
		df = 1;
	if (df > story_df_cap(articles))
		return 0;
	/* Rarity as a share of the rarest a key can be in this library, so
	 * that one threshold serves a library of 20 articles and of a million. */
	double idf = log((double)(articles + 1) / (double)df) / log((double)(articles + 1));
	return idf > 0 ? kind_weight(key) * idf : 0;
}

/* Is the one word of name key w ("n:mistral") a word of names key m
 * ("N:mistral ai")? */
static bool word_of(const char *w, const char *m)
{
	size_t wl = strlen(w + 2);
	const char *p = m + 2;
	while ((p = strstr(p, w + 2)) != NULL) {
		bool start = p == m + 2 || p[-1] == ' ';
		bool end = p[wl] == '\0' || p[wl] == ' ';
		if (start && end)
			return true;
		p++;
	}
	return false;
}

double story_score(const struct evidence *ev, const double *w, uint64_t shared, int *units)
{
	double score = 0;
	int u = 0;
	size_t n = ev->n < 64 ? ev->n : 64;
	for (size_t i = 0; i < n; i++) {
		if (!(shared >> i & 1) || w[i] <= 0)
			continue;
		const char *k = ev->keys[i].text;
		bool nested = false;
		if (k[0] == EV_NAME)
			for (size_t j = 0; j < n && !nested; j++)
				nested = (shared >> j & 1) && ev->keys[j].text[0] == EV_NAMES &&
				         word_of(k, ev->keys[j].text);
		score += nested ? w[i] / 4 : w[i];
		u += !nested && k[0] != EV_YEAR;
	}
	*units = u;
	return score;
}

double story_date_factor(int64_t date_a, int64_t date_b)
{
	if (!date_a || !date_b)
		return 1;
	int64_t d = date_a > date_b ? date_a - date_b : date_b - date_a;
	int64_t days = d / 86400;
	return days <= 3 ? 1 : days <= 7 ? 0.85 : days <= 30 ? 0.6 : days <= 90 ? 0.35 : 0.15;
}

bool story_is_link(double score, int units)
{
	return score >= STORY_LINK_SCORE && units >= STORY_LINK_UNITS;
}

/* ---- two articles side by side ------------------------------------------- */

/* The paragraphs shown of an article beside another: a bilingual one
 * gives its first language's. */
static bool shown(const struct article *a, const struct para *p)
{
	return !a->lang2[0] || p->side != SIDE_RIGHT;
}

/* The keys of each shown paragraph, and the paragraphs' indexes. */
static size_t para_keys(const struct article *a, struct evidence **ev, size_t **idx)
{
	*ev = xcalloc(a->npara ? a->npara : 1, sizeof **ev);
	*idx = xcalloc(a->npara ? a->npara : 1, sizeof **idx);
	size_t n = 0;
	for (size_t i = 0; i < a->npara; i++) {
		if (!shown(a, &a->paras[i]))
			continue;
		const char *lang = a->paras[i].lang[0] ? a->paras[i].lang : a->lang;
		evidence_from_text(a->paras[i].text, lang, &(*ev)[n]);
		(*idx)[n++] = i;
	}
	return n;
}

static int shared_keys(const struct evidence *x, const struct evidence *y)
{
	int n = 0;
	for (size_t i = 0, j = 0; i < x->n && j < y->n;) {
		int c = strcmp(x->keys[i].text, y->keys[j].text);
		if (c == 0)
			n += x->keys[i].text[0] != EV_YEAR, i++, j++;
		else if (c < 0)
			i++;
		else
			j++;
	}
	return n;
}

static void add_row(struct article *out, uint32_t l, uint32_t nl, uint32_t r, uint32_t nr)
{
	out->rows = xreallocarray(out->rows, out->nrow + 1, sizeof *out->rows);
	out->rows[out->nrow++] = (struct row){l, nl, r, nr};
}

/* The unpaired paragraphs between two anchored pairs, row by row. */
static void zip_gap(struct article *out, size_t l0, size_t l1, size_t r0, size_t r1, size_t roff)
{
	while (l0 < l1 || r0 < r1) {
		add_row(out, (uint32_t)l0, l0 < l1, (uint32_t)(roff + r0), r0 < r1);
		l0 += l0 < l1;
		r0 += r0 < r1;
	}
}

void story_beside(const struct article *a, const struct article *b, struct article *out)
{
	memset(out, 0, sizeof *out);
	out->title = xstrdup(a->title);
	out->source = xstrdup("");
	out->url = xstrdup("");
	out->date = a->date;
	memcpy(out->lang, a->lang, LANG_CODE_SIZE);
	memcpy(out->lang2, b->lang[0] ? b->lang : "und", LANG_CODE_SIZE);
	struct evidence *ea, *eb;
	size_t *ia, *ib;
	size_t na = para_keys(a, &ea, &ia), nb = para_keys(b, &eb, &ib);
	for (size_t i = 0; i < na; i++) {
		const struct para *p = &a->paras[ia[i]];
		struct para *q = article_add_para(out, p->text, strlen(p->text), p->kind);
		memcpy(q->lang, p->lang, LANG_CODE_SIZE);
		q->side = SIDE_LEFT;
	}
	for (size_t j = 0; j < nb; j++) {
		const struct para *p = &b->paras[ib[j]];
		struct para *q = article_add_para(out, p->text, strlen(p->text), p->kind);
		memcpy(q->lang, p->lang, LANG_CODE_SIZE);
		q->side = SIDE_RIGHT;
	}
	/* The in-order pairing with the most shared anchors (an LCS over
	 * paragraphs, titles pairing with titles). */
	size_t w = nb + 1;
	int *best = xcalloc((na + 1) * w, sizeof *best);
	for (size_t i = 1; i <= na; i++)
		for (size_t j = 1; j <= nb; j++) {
			int s = shared_keys(&ea[i - 1], &eb[j - 1]);
			if (i == 1 && j == 1 && a->paras[ia[0]].kind == PARA_TITLE && b->paras[ib[0]].kind == PARA_TITLE)
				s += 100;
			int v = best[(i - 1) * w + j] > best[i * w + j - 1] ? best[(i - 1) * w + j] : best[i * w + j - 1];
			if (s > 0 && best[(i - 1) * w + j - 1] + s > v)
				v = best[(i - 1) * w + j - 1] + s;
			best[i * w + j] = v;
		}
	size_t *pl = xcalloc(na + nb + 1, sizeof *pl), *pr = xcalloc(na + nb + 1, sizeof *pr), np = 0;
	for (size_t i = na, j = nb; i > 0 && j > 0;) {
		if (best[i * w + j] == best[(i - 1) * w + j])
			i--;
		else if (best[i * w + j] == best[i * w + j - 1])
			j--;
		else {
			pl[np] = i - 1;
			pr[np++] = j - 1;
			i--, j--;
		}
	}
	size_t l = 0, r = 0;
	for (size_t k = np; k-- > 0;) {
		zip_gap(out, l, pl[k], r, pr[k], na);
		add_row(out, (uint32_t)pl[k], 1, (uint32_t)(na + pr[k]), 1);
		l = pl[k] + 1;
		r = pr[k] + 1;
	}
	zip_gap(out, l, na, r, nb, na);
	for (size_t i = 0; i < na; i++)
		evidence_free(&ea[i]);
	for (size_t j = 0; j < nb; j++)
		evidence_free(&eb[j]);
	free(ea);
	free(eb);
	free(ia);
	free(ib);
	free(best);
	free(pl);
	free(pr);
}

/* ---- the pager's "Also in" line ------------------------------------------ */

struct lang_count {
	char code[LANG_CODE_SIZE];
	size_t n, first;
};

static int cmp_lang_count(const void *a, const void *b)
{
	const struct lang_count *x = a, *y = b;
	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	return (x->first > y->first) - (x->first < y->first);
}

char *story_also_in(const char *const *langs, size_t n)
{
	if (!n)
		return xstrdup("");
	struct lang_count *c = xcalloc(n, sizeof *c);
	size_t nc = 0;
	for (size_t i = 0; i < n; i++) {
		if (!langs[i] || !langs[i][0] || strcmp(langs[i], "und") == 0)
			continue;
		size_t j = 0;
		while (j < nc && strcmp(c[j].code, langs[i]) != 0)
			j++;
		if (j == nc) {
			snprintf(c[nc].code, sizeof c[nc].code, "%s", langs[i]);
			c[nc++].first = i;
		}
		c[j].n++;
	}
	qsort(c, nc, sizeof *c, cmp_lang_count);
	struct sbuf b = SBUF_INIT;
	for (size_t j = 0; j < nc; j++) {
		sbuf_addstr(&b, j ? " \xc2\xb7 " : "Also in: ");
		sbuf_addstr(&b, c[j].code);
		if (c[j].n > 1)
			sbuf_addf(&b, " (%zu)", c[j].n);
	}
	free(c);
	return b.s ? sbuf_detach(&b) : xstrdup("");
}

void story_add_also(struct layout *l, const char *also, int width)
{
	if (!also[0] || !l->n)
		return;
	size_t at = 0;
	while (at < l->n && l->lines[at].role == LINE_TITLE)
		at++;
	while (at < l->n && l->lines[at].role == LINE_META)
		at++;
	xgrow(&l->lines, &l->cap, l->n + 1, sizeof *l->lines);
	memmove(&l->lines[at + 1], &l->lines[at], (l->n - at) * sizeof *l->lines);
	int used;
	size_t fit = width_fit(also, strlen(also), width, &used);
	l->lines[at] = (struct layout_line){xstrndup(also, fit), LINE_META, -1};
	l->n++;
}
