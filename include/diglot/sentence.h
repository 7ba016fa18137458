/*
 * sentence.h: sentences inside one paragraph, and sentence pairs inside
 * one aligned paragraph pair.  Computed on the fly where they are shown
 * (layout, `show --format json`); the store keeps paragraphs only.
 */
#ifndef DIGLOT_SENTENCE_H
#define DIGLOT_SENTENCE_H

#include "diglot/common.h"

/* Bytes [off, off+len) of a text. */
struct span {
	size_t off, len;
};

struct sent_pair {
	struct span left, right;
};

/*
 * Split text[0..len) into sentences: after 。！？ (and ｡ ．, closing quotes
 * and brackets staying with the sentence), after . ! ? … followed by a
 * space and a sentence start (capital or caseless letter, digit, opening
 * quote), not after abbreviations (Mr. e.g. U.S. z.B. ...), initials,
 * short ordinals (3. Oktober), nor inside an open quotation; a hard line
 * break also ends a sentence.  Spans are trimmed of spaces and never
 * empty.  Returns their count (0 for blank text) and sets *out (caller
 * frees; NULL when 0).
 */
size_t sentence_split(const char *text, size_t len, struct span **out);

/*
 * Sentence pairs of the paragraph pair l, r: true only when both split
 * into the same number N >= 2 of sentences, every pair's length agrees
 * with the pair's overall ratio (Gale & Church delta and a relative bound;
 * ratio <= 0 means r's length over l's), and every number or capitalised
 * Latin name found on both sides sits in the same sentence on both.
 * Then *out holds N pairs (caller frees), *n = N.  Otherwise false,
 * *out NULL and *n 0.
 */
bool sentence_pairs(const char *l, size_t ll, const char *r, size_t rl, double ratio,
                    struct sent_pair **out, size_t *n);

#endif
