/*
 * bilingual.h: does one document carry the same article in two languages?
 * Works on paragraphs labelled by langid_article(): finds the change point
 * (block A then block B, with or without a marker line such as "英语如下:")
 * or the alternation (A B A B), and never splits a monolingual article
 * that merely quotes a foreign sentence or names foreign brands.
 */
#ifndef DIGLOT_BILINGUAL_H
#define DIGLOT_BILINGUAL_H

#include "diglot/article.h"

/*
 * On a bilingual article: set a->lang (first language) and a->lang2,
 * each paragraph's side, mark each half's title PARA_TITLE, and drop
 * marker lines.  Returns true when the article is bilingual; otherwise
 * leaves it monolingual (every side SIDE_NONE, lang2 "").
 */
bool bilingual_split(struct article *a);

#endif
