/*
 * width.h: display width of UTF-8 text in terminal columns.  Every width
 * in diglot goes through here (libunistring's u8_width and grapheme
 * breaks); byte counts are never used as widths.
 */
#ifndef DIGLOT_WIDTH_H
#define DIGLOT_WIDTH_H

#include "diglot/common.h"
#include "diglot/sbuf.h"

/*
 * Widths are counted per grapheme cluster (UAX #29 extended clusters):
 *  - a cluster takes the width of its first code point by libunistring's
 *    uc_width with encoding "UTF-8" (East Asian ambiguous = narrow): ASCII
 *    and Latin 1, CJK and wide emoji 2, combining marks, ZWJ, ZWSP, soft
 *    hyphen and other format characters 0, control characters 0;
 *  - spacing marks in the cluster (Devanagari vowel signs...) add their own
 *    width, as wcwidth-based terminals draw them, up to two columns: a mark
 *    that would make it wider starts the next cluster, so that no cluster
 *    is wider than 2 and every one fits a line;
 *  - everything else in the cluster (combining marks, emoji modifiers, the
 *    later parts of a ZWJ sequence, Hangul V/T jamo after L) adds nothing:
 *    the family U+1F468 ZWJ U+1F469 ZWJ U+1F467 is 2, e + U+0301 is 1;
 *  - a cluster holding VS16 (U+FE0F) is at least 2: U+2764 U+FE0F is 2.
 *    Terminals disagree here; counting 2 means a terminal that draws it
 *    narrow leaves a blank column, while counting 1 would let a terminal
 *    that draws it wide push the line past the edge;
 *  - a regional-indicator pair (a flag) is 2, a lone indicator 1.
 * Invalid UTF-8 bytes count as U+FFFD, one column each.
 */

/* Byte length of the grapheme cluster at s (0 only when len is 0) and,
 * in *w, its columns. */
size_t width_cluster(const char *s, size_t len, int *w);

/* Columns taken by s[0..len) (CJK and emoji 2, combining marks 0). */
int width_of(const char *s, size_t len);
int width_cstr(const char *s);

/* The longest prefix of s[0..len) that fits in cols columns without
 * splitting a grapheme cluster; returns its byte length, *used its width.
 * Zero-width clusters right after the last one that fits are included. */
size_t width_fit(const char *s, size_t len, int cols, int *used);

/* Append s to b cut to at most cols columns (ending in "…" when cut) and
 * padded with spaces to exactly cols columns.  A wide character that does
 * not fit before the "…" leaves a space.  Nothing when cols <= 0. */
void width_append_cell(struct sbuf *b, const char *s, size_t len, int cols);

#endif
