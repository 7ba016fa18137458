/* test_width.c: unit tests of the width module: cluster widths, fitting
 * prefixes on grapheme boundaries, and fixed-width cells. */
#include "t.h"
#include "diglot/width.h"

#include <stdlib.h>
#include <unigbrk.h>
#include <unistr.h>

static const struct {
	const char *s;
	int width;
	int clusters;
} widths[] = {
	{"", 0, 0},
	{"hello", 5, 5},
	{"a b~", 4, 4},
	{"中文", 4, 2},
	{"Mistral AI的公共事务", 20, 15},
	{"，。、", 6, 3},                                  /* fullwidth punctuation */
	{"ｱ", 1, 1},                                       /* halfwidth katakana */
	{"\xF0\x9F\x98\x80", 2, 1},                        /* U+1F600 grinning face */
	{"\xE2\x9D\xA4", 1, 1},                            /* U+2764 text presentation */
	{"\xE2\x9D\xA4\xEF\xB8\x8F", 2, 1},                /* U+2764 VS16: emoji presentation */
	{"1\xEF\xB8\x8F\xE2\x83\xA3", 2, 1},               /* keycap 1: 1 VS16 U+20E3 */
	/* family: man ZWJ woman ZWJ girl, one cluster, one glyph */
	{"\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7", 2, 1},
	{"\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD", 2, 1},        /* thumbs up + skin tone */
	{"\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7", 2, 1},        /* flag FR */
	{"\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7\xF0\x9F\x87\xA9\xF0\x9F\x87\xAA", 4, 2}, /* FR DE */
	{"\xF0\x9F\x87\xAB", 1, 1},                        /* lone regional indicator */
	{"e\xCC\x81", 1, 1},                               /* e + U+0301 */
	{"e\xCC\x81\xCC\xA3x", 2, 2},                      /* two marks */
	{"\xCC\x81", 0, 1},                                /* a lone combining mark */
	{"a\xE2\x80\x8B" "b", 2, 3},                       /* ZWSP */
	{"a\xE2\x80\x8D" "b", 2, 2},                       /* ZWJ joins a */
	{"\xEF\xBB\xBFx", 1, 2},                           /* BOM / ZWNBSP */
	{"\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB", 2, 1},    /* Hangul jamo L V T: 한 */
	{"\xED\x95\x9C\xEA\xB8\x80", 4, 2},                /* precomposed 한글 */
	{"\xE0\xA4\x95\xE0\xA4\xBE", 2, 1},                /* Devanagari ka + aa sign */
	{"مرحبا", 5, 5},                                   /* Arabic, logical order */
	{"שָׁלוֹם", 4, 4},                                  /* Hebrew with points */
	{"a\tb\x01\x7f", 2, 5},                            /* control characters: 0 */
	{"\r\n", 0, 1},
	{"\xFF" "a\xC3", 3, 3},                             /* invalid bytes: U+FFFD each */
	{"…│─┼", 4, 4},
};

static void test_widths(void)
{
	for (size_t i = 0; i < ARRAY_SIZE(widths); i++) {
		const char *s = widths[i].s;
		size_t len = strlen(s), pos = 0;
		int n = 0, w, sum = 0;

		CHECK_INT(width_cstr(s), widths[i].width);
		while (pos < len) {
			size_t step = width_cluster(s + pos, len - pos, &w);
			CHECK(step > 0);
			pos += step;
			sum += w;
			n++;
		}
		CHECK_INT(pos, len);
		CHECK_INT(sum, widths[i].width);
		if (n != widths[i].clusters)
			fprintf(stderr, "case %zu \"%s\": %d clusters\n", i, s, n);
		CHECK_INT(n, widths[i].clusters);
	}
}

/* Spacing marks chained past two columns start new clusters, the one
 * place we part from UAX #29: a fuzzed Tai Tham run was one 27-column
 * "cluster" that no line could hold. */
static void test_spacing_mark_chain(void)
{
	const char *s = "\xE1\xA9\xAE\xE1\xA8\x9A\xE1\xA8\x9A\xE1\xA8\x9A\xE1\xA8\x9A";
	size_t len = strlen(s), pos = 0;
	int clusters = 0, w, total = 0;
	while (pos < len) {
		pos += width_cluster(s + pos, len - pos, &w);
		CHECK(w <= 2);
		total += w;
		clusters++;
	}
	CHECK_INT(total, 5);
	CHECK_INT(clusters, 3);
	CHECK_INT(width_of(s, len), 5);
}

/* Our cluster boundaries agree with libunistring's whole-string
 * u8_grapheme_breaks on every valid case. */
static void test_boundaries_match_libunistring(void)
{
	for (size_t i = 0; i < ARRAY_SIZE(widths); i++) {
		const char *s = widths[i].s;
		size_t len = strlen(s), pos = 0;
		int w;
		if (len == 0 || u8_check((const uint8_t *)s, len) != NULL)
			continue;
		char *brk = malloc(len);
		u8_grapheme_breaks((const uint8_t *)s, len, brk);
		while (pos < len) {
			size_t next = pos + width_cluster(s + pos, len - pos, &w);
			CHECK_INT(brk[pos], 1);
			for (size_t k = pos + 1; k < next; k++)
				if (brk[k])
					fprintf(stderr, "case %zu: libunistring breaks at %zu\n", i, k);
			pos = next;
		}
		free(brk);
	}
}

/* width_fit at every column count from 0 to past the end: the prefix is
 * the longest one whose width fits, and always ends on a cluster boundary. */
static void test_fit_every_boundary(void)
{
	static const char *cases[] = {
		"abc", "中文字", "a中b文", "e\xCC\x81" "e\xCC\x81x",
		"\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9 ok",
		"\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7\xF0\x9F\x87\xA9\xF0\x9F\x87\xAA",
		"x\xE2\x80\x8By", "\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB" "a",
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		const char *s = cases[i];
		size_t len = strlen(s);
		int total = width_cstr(s);
		for (int cols = 0; cols <= total + 1; cols++) {
			int used = -1;
			size_t n = width_fit(s, len, cols, &used);
			CHECK(used <= cols);
			CHECK_INT(width_of(s, n), used);
			if (n < len) {
				/* the next cluster would not fit */
				int w;
				size_t step = width_cluster(s + n, len - n, &w);
				CHECK(step > 0);
				CHECK(used + w > cols);
			} else {
				CHECK(cols >= total);
			}
			/* n is a boundary: the rest measures the difference */
			CHECK_INT(width_of(s + n, len - n), total - used);
		}
	}
}

static const struct {
	const char *s;
	int cols;
	const char *want;
} fits[] = {
	{"中文字", 0, ""},
	{"中文字", 1, ""},
	{"中文字", 3, "中"},
	{"中文字", 4, "中文"},
	{"a中", 2, "a"},
	{"e\xCC\x81" "f", 1, "e\xCC\x81"},                 /* the mark stays with its base */
	{"ab\xE2\x80\x8B" "c", 2, "ab\xE2\x80\x8B"},       /* trailing zero-width kept */
	{"\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7" "a", 1, ""},   /* a flag is never split */
	{"\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7" "a", 2, "\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7"},
};

static void test_fit(void)
{
	for (size_t i = 0; i < ARRAY_SIZE(fits); i++) {
		int used;
		size_t n = width_fit(fits[i].s, strlen(fits[i].s), fits[i].cols, &used);
		char *got = xstrndup(fits[i].s, n);
		CHECK_STR(got, fits[i].want);
		CHECK_INT(used, width_cstr(fits[i].want));
		free(got);
	}
}

static const struct {
	const char *s;
	int cols;
	const char *want;
} cells[] = {
	{"abc", 5, "abc  "},
	{"abc", 3, "abc"},
	{"abcd", 3, "ab…"},
	{"abcd", 1, "…"},
	{"abcd", 0, ""},
	{"abcd", -3, ""},
	{"", 2, "  "},
	{"中文", 4, "中文"},
	{"中文", 5, "中文 "},
	{"中文字", 4, "中… "},  /* 文 would straddle the last column: a space */
	{"中文字", 5, "中文…"},
	{"中文字", 2, "… "},
	{"e\xCC\x81t\xC3\xA9", 3, "e\xCC\x81t\xC3\xA9"},
	{"e\xCC\x81t\xC3\xA9!", 3, "e\xCC\x81t…"},
	{"\xE2\x9D\xA4\xEF\xB8\x8F\xE2\x9D\xA4\xEF\xB8\x8F", 3, "\xE2\x9D\xA4\xEF\xB8\x8F…"},
};

static void test_cells(void)
{
	for (size_t i = 0; i < ARRAY_SIZE(cells); i++) {
		struct sbuf b = SBUF_INIT;
		width_append_cell(&b, cells[i].s, strlen(cells[i].s), cells[i].cols);
		CHECK_STR(sbuf_str(&b), cells[i].want);
		CHECK_INT(width_cstr(sbuf_str(&b)), MAX(cells[i].cols, 0));
		sbuf_free(&b);
	}
}

int main(void)
{
	test_widths();
	test_boundaries_match_libunistring();
	test_spacing_mark_chain();
	test_fit_every_boundary();
	test_fit();
	test_cells();
	return t_done();
}
