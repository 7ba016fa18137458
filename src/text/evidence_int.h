/*
 * evidence_int.h: what evidence.c (words, names, quotes, URLs, the scan of
 * a paragraph) and evidence_num.c (numbers, dates, CJK name runs) share.
 */
#ifndef DIGLOT_EVIDENCE_INT_H
#define DIGLOT_EVIDENCE_INT_H

#include "diglot/common.h"
#include "diglot/evidence.h"
#include "article_int.h"

struct capset;

struct word {
	const char *s;
	size_t n;
	bool cap;      /* first letter upper case */
	bool acronym;  /* two capitals or more: AI, AFP, OpenAI, GPT-4 */
	bool sentence; /* first word of a sentence, a quote or a line */
};

struct scan {
	struct evidence *ev;
	struct capset *caps;
	bool collect;   /* pass 1: fill caps; pass 2: emit keys */
	bool title;     /* a title paragraph: its capitals confirm nothing */
	bool cjk_lang;  /* zh, ja: Latin words in the text are names */
	bool de;        /* German: nouns are capitalised */
	bool comma_dec; /* the decimal mark is ',' */
	bool mdy;       /* ambiguous numeric dates are month first */
	const char *own_host;
	struct word seq[4]; /* the name being read */
	size_t nseq;
	struct word prev;   /* the word before, for German determiners */
	bool after_number;  /* German: "2.000 Stellen" is a noun */
	size_t quote_close; /* offset of the closing quote of the last quote, + 1 */
};

static inline bool is_word_cp(ucs4_t c)
{
	if (c < 0x80)
		return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
	enum script sc = script_of(c);
	return (sc == SCRIPT_LATIN || sc == SCRIPT_GREEK || sc == SCRIPT_CYRILLIC ||
	        sc == SCRIPT_INHERITED) && (uc_is_alpha(c) || sc == SCRIPT_INHERITED);
}

static inline bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static inline bool is_cjk_cp(ucs4_t c)
{
	enum script sc = script_of(c);
	return sc == SCRIPT_HAN || sc == SCRIPT_HIRAGANA || sc == SCRIPT_KATAKANA || c == 0x30FC;
}

/* Append key kind:v[0..n) (evidence.c). */
void ev_add_key(struct evidence *ev, char kind, const char *v, size_t n);
/* Sort, merge duplicates, keep the best EVIDENCE_MAX_KEYS, hash them. */
void ev_finish(struct evidence *ev);
/* The number at s[i] with its scale and unit (prefix_unit: a currency sign
 * read before it, or NULL): its key; returns the offset after it. */
size_t ev_scan_number(struct scan *sc, const char *s, size_t n, size_t i, const char *prefix_unit);
/* A currency sign just before a number ("$2", "€ 15", "US$"): its unit and
 * *len the bytes to the digits; NULL when none. */
const char *ev_prefix_unit(const char *s, size_t n, size_t i, size_t *len);
/* A run of CJK text from s[i]: transliterated and katakana names. */
size_t ev_scan_cjk(struct scan *sc, const char *s, size_t n, size_t i);
/* d:YYYY-MM-DD for a midnight in Unix seconds. */
void ev_add_day(struct evidence *ev, int64_t t);

#endif
