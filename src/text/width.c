/*
 * width.c: display width of UTF-8 text, one grapheme cluster at a time.
 *
 * Every column count in diglot comes from width_cluster(), so the wrapper,
 * the cell cutter and the pager can never disagree about how wide a piece
 * of text is.  The rules are documented in width.h.
 *
 * libunistring 1.0's pairwise uc_is_grapheme_break() cannot see context,
 * so it splits regional-indicator pairs (flags) and emoji ZWJ sequences;
 * its u8_grapheme_next() inherits that.  width_cluster() applies those two
 * rules (UAX #29 GB11, GB12/GB13) itself and asks libunistring for the rest.
 */
#include "diglot/common.h"
#include "diglot/width.h"

#include <string.h>
#include <unictype.h>
#include <unigbrk.h>
#include <unistr.h>
#include <uniwidth.h>

#define CP_ZWJ 0x200D
#define CP_VS16 0xFE0F

static bool is_ri(ucs4_t c)
{
	return c >= 0x1F1E6 && c <= 0x1F1FF;
}

/* Columns of one code point: control characters (uc_width < 0) take none. */
static int cp_width(ucs4_t c)
{
	int w = uc_width(c, "UTF-8");
	return w < 0 ? 0 : w;
}

/* Decode one code point; invalid bytes come back as U+FFFD, length 1. */
static size_t decode(const char *s, size_t len, ucs4_t *c)
{
	int n = u8_mbtouc(c, (const uint8_t *)s, len);
	return n > 0 ? (size_t)n : 1;
}

/* The slow path of width_cluster(): anything that is not plain ASCII
 * followed by ASCII. */
static size_t cluster_general(const char *s, size_t len, int *w)
{
	ucs4_t base, prev, c;
	size_t pos = decode(s, len, &base);
	int cols = cp_width(base);
	int nri = is_ri(base);
	bool pict = uc_is_property_extended_pictographic(base);
	bool vs16 = false;

	prev = base;
	while (pos < len) {
		size_t n = decode(s + pos, len - pos, &c);
		int gbp = uc_graphemeclusterbreak_property(c);
		bool join;

		if (is_ri(prev) && is_ri(c))
			join = nri % 2 == 1; /* GB12/GB13: pairs only */
		else if (prev == CP_ZWJ && uc_is_property_extended_pictographic(c))
			join = pict; /* GB11: ExtPict Extend* ZWJ x ExtPict */
		else
			join = !uc_is_grapheme_break(prev, c);
		/* Spacing marks can chain without end (fuzzing found 27 columns
		 * in one "cluster"): a mark that would take it past two columns
		 * starts the next one, so a cluster always fits a line. */
		if (join && gbp == GBP_SPACINGMARK && cols + cp_width(c) > 2)
			join = false;
		if (!join)
			break;

		if (is_ri(c))
			nri++;
		if (c == CP_VS16)
			vs16 = true;
		/* Spacing marks (Devanagari vowel signs...) take a column of
		 * their own in wcwidth-based terminals; everything else after
		 * the base (combining marks, ZWJ, emoji modifiers, the parts of
		 * a ZWJ sequence, Hangul V and T jamo) is drawn over it. */
		if (gbp == GBP_SPACINGMARK)
			cols += cp_width(c);
		if (!(gbp == GBP_EXTEND || gbp == GBP_ZWJ ||
		      (prev == CP_ZWJ && uc_is_property_extended_pictographic(c))))
			pict = false;
		prev = c;
		pos += n;
	}
	if (nri == 2)
		cols = 2; /* a flag */
	if (vs16 && cols == 1)
		cols = 2; /* emoji presentation asked for */
	*w = cols;
	return pos;
}

size_t width_cluster(const char *s, size_t len, int *w)
{
	if (len == 0) {
		*w = 0;
		return 0;
	}
	unsigned char c = (unsigned char)s[0];
	/* Fast path: an ASCII byte followed by ASCII (or the end) is a
	 * cluster of its own, except CR LF. */
	if (c < 0x80 && (len == 1 || ((unsigned char)s[1] < 0x80 && !(c == '\r' && s[1] == '\n')))) {
		*w = c >= 0x20 && c < 0x7f;
		return 1;
	}
	return cluster_general(s, len, w);
}

int width_of(const char *s, size_t len)
{
	int total = 0, w;
	size_t pos = 0;

	while (pos < len) {
		pos += width_cluster(s + pos, len - pos, &w);
		total += w;
	}
	return total;
}

int width_cstr(const char *s)
{
	return width_of(s, strlen(s));
}

size_t width_fit(const char *s, size_t len, int cols, int *used)
{
	int total = 0, w;
	size_t pos = 0;

	while (pos < len) {
		size_t n = width_cluster(s + pos, len - pos, &w);
		if (total + w > cols)
			break;
		total += w;
		pos += n;
	}
	*used = total;
	return pos;
}

void width_append_cell(struct sbuf *b, const char *s, size_t len, int cols)
{
	int used;

	if (cols <= 0)
		return;
	size_t n = width_fit(s, len, cols, &used);
	if (n < len) {
		/* Cut: keep one column for the ellipsis.  A wide character that
		 * would straddle it is dropped and leaves a space instead. */
		n = width_fit(s, len, cols - 1, &used);
		sbuf_add(b, s, n);
		sbuf_addstr(b, "…");
		used++;
	} else {
		sbuf_add(b, s, n);
	}
	sbuf_pad(b, (size_t)(cols - used));
}
