/*
 * import_html.h: a web page file into an article: the extractor's
 * metadata and main text, then the same analysis as any text (private).
 */
#ifndef DIGLOT_IMPORT_HTML_H
#define DIGLOT_IMPORT_HTML_H

#include "diglot/article.h"

/* *a zeroed.  Fails with the reason (too large, no text). */
enum dg_status import_html(const char *bytes, size_t len, struct article *a, char **cause);

#endif
