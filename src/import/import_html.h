/*
 * import_html.h: a web page file into an article: the extractor's
 * metadata and main text, then the same analysis as any text (private).
 */
#ifndef DIGLOT_IMPORT_HTML_H
#define DIGLOT_IMPORT_HTML_H

#include "diglot/article.h"

/* *a zeroed.  url is where the page came from (NULL: a saved file,
 * whose "saved from" comment may say), charset the HTTP one (NULL none).
 * Fails with the reason (too large, no text). */
enum dg_status import_html(const char *bytes, size_t len, const char *url, const char *charset,
                           struct article *a, char **cause);

#endif
