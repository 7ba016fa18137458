/*
 * sbuf.h: a growable byte string, always NUL-terminated once anything
 * was added.  The one string builder every module uses.
 */
#ifndef DIGLOT_SBUF_H
#define DIGLOT_SBUF_H

#include "diglot/common.h"

#include <stdarg.h>

struct sbuf {
	char *s;    /* NULL until the first add */
	size_t len; /* bytes used, excluding the NUL */
	size_t cap;
};

#define SBUF_INIT {NULL, 0, 0}

void sbuf_add(struct sbuf *b, const char *s, size_t n);
void sbuf_addstr(struct sbuf *b, const char *s);
void sbuf_addc(struct sbuf *b, char c);
void sbuf_addf(struct sbuf *b, const char *fmt, ...) DG_PRINTF(2, 3);
void sbuf_vaddf(struct sbuf *b, const char *fmt, va_list ap) DG_PRINTF(2, 0);
/* Append n spaces. */
void sbuf_pad(struct sbuf *b, size_t n);
void sbuf_truncate(struct sbuf *b, size_t len);
/* Contents as a C string ("" when empty); stays owned by b. */
const char *sbuf_str(const struct sbuf *b);
/* Hand the string to the caller ("" allocated when empty) and reset b. */
char *sbuf_detach(struct sbuf *b);
void sbuf_free(struct sbuf *b);

#endif
