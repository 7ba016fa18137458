/*
 * align_int.h: private to src/text/: what align_article.c takes from the
 * aligner in align.c.
 */
#ifndef DIGLOT_ALIGN_INT_H
#define DIGLOT_ALIGN_INT_H

#include "diglot/article.h"

/* Weighted length (non-space characters, Han/kana/Hangul 2.5), and
 * whether most letters are outside Latin script. */
double align_seg_length(const char *s, size_t n, bool *nonlatin);

/* Append r to (*rows, *n, *cap); returns the new count. */
size_t align_push_row(struct row **rows, size_t *n, size_t *cap, struct row r);

#endif
