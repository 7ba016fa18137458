/*
 * story.h: do two articles report the same event?  The pure half of story
 * linking: how much one shared evidence key (evidence.h) says, given how
 * many articles of the library have it, and whether the keys two articles
 * share, with their dates, make a link.  The store (store_story.c) finds
 * the candidates and keeps the links; this module only scores.
 */
#ifndef DIGLOT_STORY_H
#define DIGLOT_STORY_H

#include "diglot/evidence.h"

/* A key the library holds for more than this many articles (at least 8,
 * at most STORY_DF_MAX, a tenth of the library in between) is too common
 * to find candidates with, and weighs nothing. */
#define STORY_DF_MAX 100
int64_t story_df_cap(int64_t articles);

/* The weight of key text when df articles of a library of articles have
 * it: its kind's weight (a name of two words, an amount with its unit and
 * a URL weigh most, a year least) times its rarity, log((articles+1)/df)
 * over log(articles+1): 1 for a key only one other article has. */
double story_key_weight(const char *key, int64_t df, int64_t articles);

/*
 * The score of a candidate: the sum of w[i] over the keys i of ev it
 * shares (bit i of shared), a single word of a shared name of several
 * words counting a quarter (Mistral in Mistral AI); *units gets the
 * number of independent keys shared.  Times story_date_factor.
 */
double story_score(const struct evidence *ev, const double *w, uint64_t shared, int *units);

/* 1 for articles a few days apart or an unknown date, down to 0.15 for
 * months apart: an earlier event about the same company is not the story. */
double story_date_factor(int64_t date_a, int64_t date_b);

/* The score above which two articles report the same event (tuned on
 * tests/bench/story), and the independent keys it needs. */
#define STORY_LINK_SCORE 2.0
#define STORY_LINK_UNITS 3
/* A story grows no further (by a link or a merge): an event has a few
 * dozen reports in a reader's library; more is a topic, or links
 * chaining one event to the next. */
#define STORY_MAX_ARTICLES 50
bool story_is_link(double score, int units);

/*
 * Article a beside article b as one two-sided article for layout_article's
 * side-by-side view: a's paragraphs on the left, b's on the right (a
 * bilingual article gives its first language's), rows pairing in order the
 * paragraphs that share the most evidence (names, numbers, dates: the
 * aligner's kind of anchors), the rest row by row.  *out is overwritten;
 * free it with article_free.
 */
void story_beside(const struct article *a, const struct article *b, struct article *out);

/* The pager's line for the languages of a story's other articles, n codes
 * (an article's two languages count as one each; "" and "und" skipped):
 * "Also in: fr (2) · it · en", the language with most articles first, then
 * in the order given; "" when there are none.  Caller frees. */
char *story_also_in(const char *const *langs, size_t n);

/* Put that line in a laid-out article (layout.h) under the header's meta
 * lines (source, URL, languages, date), cut to width; nothing for "".
 * The pager and `diglot show` both do, so they print the same lines. */
struct layout;
void story_add_also(struct layout *l, const char *also, int width);

#endif
