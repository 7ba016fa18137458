/*
 * width.h: display width of UTF-8 text in terminal columns.  Every width
 * in diglot goes through here (libunistring's u8_width and grapheme
 * breaks); byte counts are never used as widths.
 */
#ifndef DIGLOT_WIDTH_H
#define DIGLOT_WIDTH_H

#include "diglot/common.h"
#include "diglot/sbuf.h"

/* Columns taken by s[0..len) (CJK and emoji 2, combining marks 0). */
int width_of(const char *s, size_t len);
int width_cstr(const char *s);

/* The longest prefix of s[0..len) that fits in cols columns without
 * splitting a grapheme cluster; returns its byte length, *used its width. */
size_t width_fit(const char *s, size_t len, int cols, int *used);

/* Append s to b cut to at most cols columns (ending in "…" when cut) and
 * padded with spaces to exactly cols columns. */
void width_append_cell(struct sbuf *b, const char *s, size_t len, int cols);

#endif
