/*
 * json.h: a small JSON writer.  Every string is escaped (quotes,
 * backslashes; control characters and invisible ones, bidi controls among
 * them, as \uXXXX; invalid UTF-8 as U+FFFD).
 */
#ifndef DIGLOT_JSON_H
#define DIGLOT_JSON_H

#include "diglot/sbuf.h"

void json_string(struct sbuf *b, const char *s);
void json_string_n(struct sbuf *b, const char *s, size_t len);
/* "key": — with a comma before it unless first. */
void json_key(struct sbuf *b, const char *key, bool *first);

#endif
