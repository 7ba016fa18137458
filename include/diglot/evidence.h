/*
 * evidence.h: what an article says that reads the same in every language,
 * as keys: names ("n:mistral ai", Latin names inside CJK text, Chinese
 * transliterations and katakana names), numbers with their scale and unit
 * whatever the decimal convention ("#6.1%", "#1.5e+07€" from "15 millions
 * d'euros", "15 million euros" and "1500万欧元"), dates ("d:2024-02-26"),
 * years ("y:2023"), cited hosts and URLs ("h:lemonde.fr", "u:lemonde.fr/x")
 * and short quoted words ("q:mistral large").  Story linking (story.h)
 * compares articles by the keys they share.  Pure: no I/O, no SQLite.
 */
#ifndef DIGLOT_EVIDENCE_H
#define DIGLOT_EVIDENCE_H

#include "diglot/article.h"

/* The kind is the key's first byte. */
enum ev_kind {
	EV_NAME = 'n',  /* one capitalised word, a CJK name token */
	EV_NAMES = 'N', /* a name of two words or more */
	EV_NUM = '#',   /* a number with a unit or scale, or a bare number >= 100 */
	EV_DATE = 'd',  /* a day */
	EV_YEAR = 'y',  /* a year alone */
	EV_HOST = 'h',  /* a host cited in the text (not the article's own) */
	EV_URL = 'u',   /* a URL, the article's own included */
	EV_QUOTE = 'q', /* a quoted phrase of one to four words */
};

struct ev_key {
	char *text;     /* "n:mistral", kind byte, ':', normalised value */
	int64_t hash;   /* evidence_hash(text) */
	uint32_t count; /* occurrences in the article */
};

struct evidence {
	struct ev_key *keys; /* sorted by text, unique, at most EVIDENCE_MAX_KEYS */
	size_t n, cap;
};

/* The keys kept per article: the most telling first (names of several
 * words, numbers with units, URLs, dates, then single names by how often
 * the article repeats them). */
#define EVIDENCE_MAX_KEYS 48

/* The keys of an analysed article (paragraph languages set).  *ev must be
 * zeroed or freed. */
void evidence_extract(const struct article *a, struct evidence *ev);
/* The keys of one text in one language ("fr", "zh", "en"...), for tests. */
void evidence_from_text(const char *text, const char *lang, struct evidence *ev);
void evidence_free(struct evidence *ev);

/* A stable 48-bit hash of a key (FNV-1a), the key's identity in the store. */
int64_t evidence_hash(const char *key, size_t len);

/* ---- the bilingual name lexicon (evidence_lex.c) ---------------------------
 * A bilingual document's aligned rows pair a Latin name of one half with
 * the Han string the other half writes in the same rows (Microsoft, 微软);
 * an article whose CJK text holds the string gets the Latin key too. */
struct lex_pair {
	char *cjk; /* "微软" */
	char *key; /* "n:microsoft" */
};
/* The pairs of bilingual article a (a CJK and a Latin-script half, its
 * rows aligned) seen in two rows or more.  Caller frees (lex_pairs_free). */
size_t evidence_lex_pairs(const struct article *a, struct lex_pair **out);
void lex_pairs_free(struct lex_pair *p, size_t n);

struct lexicon;
struct lexicon *lexicon_new(void);
void lexicon_free(struct lexicon *lx);
/* Han string cjk means key; a string already known keeps its first key. */
void lexicon_add(struct lexicon *lx, const char *cjk, const char *key);
size_t lexicon_size(const struct lexicon *lx);
/* Add to ev the keys lx gives the Han strings of a's CJK paragraphs
 * (read only: parse threads share one lexicon). */
void evidence_apply_lexicon(const struct article *a, const struct lexicon *lx, struct evidence *ev);

/* The keys as one line "k1 | k2 | ...", for tests and debugging.  Caller frees. */
char *evidence_join(const struct evidence *ev);

#endif
