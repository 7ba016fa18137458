/* bilingual_int.h: what bilingual.c and bilingual_mixed.c share. */
#ifndef DIGLOT_BILINGUAL_INT_H
#define DIGLOT_BILINGUAL_INT_H

#include "diglot/article.h"

static inline bool bi_ascii_alpha(uint8_t c)
{
	return (uint8_t)((c | 0x20) - 'a') < 26;
}

/* Weighted letters of s: a CJK character (Han, kana, Hangul) carries
 * about 2.5 Latin letters.  *nchars: its characters. */
double bi_letters(const char *s, size_t *nchars);

/* Has langid given the paragraph a language ("und" is none)? */
bool bi_has_lang(const struct para *p);

/*
 * A copy of the paragraphs with each one whose lines (or, across scripts,
 * sentences) are in two languages split into its runs, each labelled;
 * NULL when no paragraph is.  *title is the copy's index of the first
 * piece of a split paragraph that was the article's title, else SIZE_MAX.
 */
struct para *bi_split_mixed(const struct article *a, size_t *np, size_t *title);

#endif
