/*
 * article.h: the structure of one news article, and the parser that turns
 * clean text (see utf8.h) into it: title, source, URL, date, paragraphs,
 * with breadcrumbs, duplicated titles and trailing page clutter removed.
 *
 * The same struct carries what the text core adds later: each paragraph's
 * language and side (langid.h, bilingual.h) and the aligned rows (align.h).
 */
#ifndef DIGLOT_ARTICLE_H
#define DIGLOT_ARTICLE_H

#include "diglot/common.h"

#define LANG_CODE_SIZE 4 /* "zh", "en", "und" and the NUL */

enum para_kind {
	PARA_BODY = 0,
	PARA_TITLE = 1, /* a heading: the article title or a bilingual half's title */
	PARA_META = 2,  /* a label line kept for reading, e.g. "**Keywords:** ..." */
};

enum para_side {
	SIDE_NONE = -1, /* monolingual article */
	SIDE_LEFT = 0,  /* primary language: the one that comes first */
	SIDE_RIGHT = 1,
};

/* Where the parse joined a block's lines into one paragraph (two titles
 * on adjacent lines, a caption and its translation, a line-by-line
 * block): byte offsets of the second to last line's starts, valid only
 * while the text is len bytes long.  Never stored: only the bilingual pass reads it. */
#define SOFT_BREAKS_MAX 7   /* a line-by-line block of up to 8 lines */
#define SOFT_BREAKS_SHORT 3 /* up to 4 lines: two titles, a caption and its translation */
struct soft_breaks {
	uint16_t at[SOFT_BREAKS_MAX];
	uint16_t len;
	uint8_t n;
};

struct para {
	char *text;                 /* clean NFC UTF-8; '\n' only as a hard line break, never "\n\n" */
	char lang[LANG_CODE_SIZE];  /* ISO 639-1, "und" when no letters; "" until langid ran */
	signed char side;           /* enum para_side */
	unsigned char kind;         /* enum para_kind */
	struct soft_breaks soft;    /* lines joined by the parse */
};

/* One row of a bilingual article: nleft paragraphs of the left side from
 * paras[left] on beside nright of the right side from paras[right]
 * (row_nth walks them: in an interleaved layout the paragraphs of one
 * side need not be adjacent, so a paragraph merged by the translator can
 * stand beside the two it translates).  nleft or nright is 0 for an
 * unpaired paragraph. */
struct row {
	uint32_t left, nleft;
	uint32_t right, nright;
};

struct article {
	char *title;   /* never NULL after article_parse ("" when none) */
	char *source;  /* outlet name, "" when unknown */
	char *url;     /* the article's URL, "" when unknown */
	char *author;  /* who wrote it, as the page or feed says; NULL or "" when unknown */
	int64_t date;  /* Unix seconds from a date in the text, 0 when none */
	int64_t imported_at; /* set by the store when read back: when it was imported (0 before) */
	struct para *paras;
	size_t npara, cappara;
	char lang[LANG_CODE_SIZE];  /* primary language */
	char lang2[LANG_CODE_SIZE]; /* second language, "" when monolingual */
	struct row *rows;           /* aligned rows, only for bilingual articles */
	size_t nrow;
	bool title_twice; /* the parse dropped the title's second printing (the same
	                   * line again): in a bilingual document, the other
	                   * language's title, which happens to be the same */
};

/*
 * Parse clean text (valid NFC UTF-8, LF line ends, no control characters)
 * into *a, which must be zeroed or freed.  Never fails: text with no
 * structure gives an article whose title is its first line.
 * When the title is a line of the text it stays in place as a paragraph
 * of kind PARA_TITLE (usually paragraph 0, text equal to a->title), so a
 * bilingual article keeps both halves' titles; a title made from the first
 * sentence ("…" when cut) leaves that paragraph PARA_BODY.
 */
void article_parse(struct article *a, const char *text, size_t len);

/* The first date in the line s[0..n) read as article_parse reads dates
 * in text (day first unless the text reads as English): Unix seconds,
 * 0 when none.  No parse: for a line on its own (a page's date line). */
int64_t article_line_date(const char *s, size_t n);

/* Append a paragraph (text copied). */
struct para *article_add_para(struct article *a, const char *text, size_t len, enum para_kind kind);

/* A readable outlet name for a URL's host: "www.barrons.com" -> "Barron's",
 * unknown hosts -> the host without "www." ("example.org"). Caller frees. */
char *article_source_from_host(const char *host);

/* Languages as shown to users: "zh+en", "fr", "" when unknown. */
void article_langs(const struct article *a, char out[2 * LANG_CODE_SIZE + 1]);

/* Free everything inside *a and zero it. */
void article_free(struct article *a);

/* The k-th paragraph of a row's side that starts at paras[from] (from
 * itself for k 0), skipping the other side's; a->npara when there is none. */
size_t row_nth(const struct article *a, size_t from, size_t k);

#endif
