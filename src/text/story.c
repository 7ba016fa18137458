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

#include <math.h>
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
