/*
 * analyse.h: the whole text core in one call, as import and the tests use
 * it: parse clean text, label languages, split bilingual documents, align.
 */
#ifndef DIGLOT_ANALYSE_H
#define DIGLOT_ANALYSE_H

#include "diglot/article.h"

void analyse_text(struct article *a, const char *text, size_t len);

#endif
