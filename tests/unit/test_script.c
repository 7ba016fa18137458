/* test_script.c: unit tests of the script module: every code point's
 * answers against libunistring's own (script names, Ideographic, blocks,
 * character names for the kana marks), what each caller relies on, spot
 * checks, and the decode helper. */
#include "t.h"
#include "diglot/script.h"

#include <unictype.h>
#include <uniconv.h>
#include <uniname.h>
#include <uniwidth.h>

/* Report only the first few code points that disagree, then a count. */
struct misses {
	const char *what;
	size_t n;
};

static void miss(struct misses *m, ucs4_t c)
{
	if (m->n++ < 5)
		fprintf(stderr, "  %s: U+%04X\n", m->what, (unsigned)c);
}

static void check_misses(struct misses *m)
{
	if (m->n)
		fprintf(stderr, "%s: %zu code points disagree\n", m->what, m->n);
	CHECK_INT(m->n, 0);
}

static const char *uc_name_of(ucs4_t c)
{
	const uc_script_t *s = uc_script(c);
	return s ? s->name : NULL;
}

static bool is(const char *a, const char *b)
{
	return a && strcmp(a, b) == 0;
}

/* Script_Extensions "Hira Kana" letters and marks, found independently of
 * script.c's list: Common or Inherited, named for kana, L, M or Sk (the
 * middle dots and the double hyphen are punctuation, the squared words
 * symbols). */
static bool ref_kana_mark(ucs4_t c, const char *sname)
{
	if (!is(sname, "Common") && !is(sname, "Inherited"))
		return false;
	if (!uc_is_general_category(c, UC_CATEGORY_L) && !uc_is_general_category(c, UC_CATEGORY_M) &&
	    !uc_is_general_category(c, UC_CATEGORY_Sk))
		return false;
	char name[UNINAME_MAX];
	if (!unicode_character_name(c, name))
		return false;
	return strstr(name, "KANA") != NULL;
}

static const char *const cjk_blocks[] = {
	"Ideographic Description Characters", "CJK Symbols and Punctuation", "Kanbun",
	"CJK Strokes", "Enclosed CJK Letters and Months", "CJK Compatibility",
	"Vertical Forms", "CJK Compatibility Forms", "Small Form Variants",
	"Halfwidth and Fullwidth Forms", "Ideographic Symbols and Punctuation",
	"Enclosed Ideographic Supplement",
};

static bool ref_cjk_block(ucs4_t c)
{
	const uc_block_t *b = uc_block(c);
	if (!b)
		return false;
	for (size_t i = 0; i < ARRAY_SIZE(cjk_blocks); i++)
		if (strcmp(b->name, cjk_blocks[i]) == 0)
			return true;
	return false;
}

/* The module against libunistring, code point by code point. */
static void test_all_of_unicode(void)
{
	struct misses m_script = {"script_of vs uc_script", 0},
	              m_ideo = {"script_is_cjk_ideograph vs Ideographic, Han or Common", 0},
	              m_unified = {"a unified ideograph that is not script_is_cjk_ideograph", 0},
	              m_kana = {"script_is_kana vs Hiragana, Katakana and kana marks", 0},
	              m_cjk = {"script_is_cjk vs Han, Bopomofo, kana, Hangul", 0},
	              m_punct = {"script_is_cjk_punct vs uc_block", 0},
	              m_text = {"script_is_cjk_text vs cjk or punct", 0},
	              m_letter = {"script_is_cjk on a space, control or stray punctuation", 0},
	              m_wide = {"script_is_cjk_ideograph on a narrow character", 0};
	size_t han = 0, kana_marks = 0;
	for (ucs4_t c = 0; c <= 0x10FFFF; c++) {
		const char *sname = uc_name_of(c);
		enum script want = SCRIPT_UNKNOWN;
		if (sname) {
			want = SCRIPT_OTHER;
			for (int i = SCRIPT_COMMON; i < SCRIPT_OTHER; i++)
				if (is(sname, script_name((enum script)i)))
					want = (enum script)i;
		}
		enum script got = script_of(c);
		if (got != want)
			miss(&m_script, c);
		han += got == SCRIPT_HAN;

		bool ideo = uc_is_property_ideographic(c) && (is(sname, "Han") || is(sname, "Common"));
		if (script_is_cjk_ideograph(c) != ideo)
			miss(&m_ideo, c);
		if (uc_is_property_unified_ideograph(c) && !script_is_cjk_ideograph(c))
			miss(&m_unified, c);
		if (ideo && uc_width(c, "UTF-8") != 2) /* width.c draws them in two columns */
			miss(&m_wide, c);

		bool mark = ref_kana_mark(c, sname);
		kana_marks += mark;
		bool kana = is(sname, "Hiragana") || is(sname, "Katakana") || mark;
		if (script_is_kana(c) != kana)
			miss(&m_kana, c);

		bool cjk = kana || is(sname, "Han") || is(sname, "Bopomofo") || is(sname, "Hangul");
		if (script_is_cjk(c) != cjk)
			miss(&m_cjk, c);
		/* tokenize indexes these as words: none may be a space, a
		 * control or punctuation outside the CJK blocks (U+16FE2, a
		 * Han hook mark, is in one) */
		bool punct = ref_cjk_block(c);
		if (cjk && !punct && !uc_is_general_category(c, UC_CATEGORY_L) &&
		    !uc_is_general_category(c, UC_CATEGORY_M) && !uc_is_general_category(c, UC_CATEGORY_N) &&
		    !uc_is_general_category(c, UC_CATEGORY_Sk) && !uc_is_property_radical(c) &&
		    !uc_is_general_category(c, UC_CATEGORY_So))
			miss(&m_letter, c);

		if (script_is_cjk_punct(c) != punct)
			miss(&m_punct, c);
		if (script_is_cjk_text(c) != (cjk || punct))
			miss(&m_text, c);
	}
	check_misses(&m_script);
	check_misses(&m_ideo);
	check_misses(&m_unified);
	check_misses(&m_wide);
	check_misses(&m_kana);
	check_misses(&m_cjk);
	check_misses(&m_letter);
	check_misses(&m_punct);
	check_misses(&m_text);
	CHECK(han > 90000);        /* the walk saw the ideographs */
	CHECK_INT(kana_marks, 13); /* U+3031-3035, U+3099-309C, U+30FC, U+FF70, U+FF9E-FF9F */
	CHECK_INT(script_of(0x110000), SCRIPT_UNKNOWN);
	CHECK(!script_is_cjk_text(0x110000));
}

/* What the callers rely on, in their own terms. */
static void test_callers(void)
{
	/* utf8.c: every hanzi of GB2312 (rows B0-F7) is a CJK ideograph, and
	 * its CJK punctuation (row A1's 、。〃々 and the brackets) is CJK
	 * punctuation, so GB18030 text passes the 70 % rule. */
	char gb[2 * 94 * 72];
	size_t n = 0;
	for (int hi = 0xB0; hi <= 0xF7; hi++)
		for (int lo = 0xA1; lo <= 0xFE; lo++) {
			if (hi == 0xD7 && lo >= 0xFA) /* the five unassigned at the end of row D7 */
				continue;
			gb[n++] = (char)hi;
			gb[n++] = (char)lo;
		}
	size_t ulen = 0;
	uint8_t *u = u8_conv_from_encoding("GB18030", iconveh_error, gb, n, NULL, NULL, &ulen);
	CHECK(u != NULL);
	size_t hanzi = 0, bad = 0;
	for (size_t i = 0, k; u && i < ulen; i += k) {
		ucs4_t c = cp_at((const char *)u + i, ulen - i, &k);
		hanzi++;
		bad += !script_is_cjk_ideograph(c);
	}
	CHECK_INT(hanzi, n / 2);
	CHECK_INT(bad, 0);
	free(u);
	static const ucs4_t gb_punct[] = {0x3001, 0x3002, 0x3003, 0x300A, 0x300B, 0x300C,
	                                  0x300D, 0x3010, 0x3011, 0xFF0C, 0xFF1A, 0xFF1F};
	for (size_t i = 0; i < ARRAY_SIZE(gb_punct); i++)
		CHECK(script_is_cjk_punct(gb_punct[i]));

	/* tokenize: kana words with the length mark stay one CJK run;
	 * halfwidth katakana with its voicing mark too (ｶﾞ). */
	static const ucs4_t coffee[] = {0x30B3, 0x30FC, 0x30D2, 0x30FC}; /* コーヒー */
	for (size_t i = 0; i < ARRAY_SIZE(coffee); i++)
		CHECK(script_is_cjk(coffee[i]) && script_is_kana(coffee[i]));
	CHECK(script_is_cjk(0xFF76) && script_is_cjk(0xFF9E));

	/* article line joining and sentence ends: CJK punctuation and
	 * fullwidth forms are CJK text, ASCII, Latin and emoji are not. */
	CHECK(script_is_cjk_text(0x3002) && script_is_cjk_text(0xFF0C) && script_is_cjk_text(0x300C));
	CHECK(!script_is_cjk(0x3002) && !script_is_cjk(0xFF0C));
	size_t early = 0;
	for (ucs4_t c = 0; c < 0x2000; c++)
		early += script_is_cjk_text(c);
	CHECK_INT(early, 2 + 256); /* Bopomofo's U+02EA-02EB, Hangul Jamo U+1100-11FF */
	CHECK(!script_is_cjk_text(0x1F600) && !script_is_cjk_text(0x1F44D));

	/* langid: the scripts that decide a language alone. */
	CHECK_INT(script_of(0x05D0), SCRIPT_HEBREW);
	CHECK_INT(script_of(0x0627), SCRIPT_ARABIC);
	CHECK_INT(script_of(0x03B1), SCRIPT_GREEK);
	CHECK_INT(script_of(0x0E01), SCRIPT_THAI);
	CHECK_INT(script_of(0x0915), SCRIPT_DEVANAGARI);
	CHECK_INT(script_of(0x10D0), SCRIPT_GEORGIAN);
	CHECK_INT(script_of(0x0531), SCRIPT_ARMENIAN);
	CHECK_INT(script_of(0x1200), SCRIPT_ETHIOPIC);
	CHECK_INT(script_of(0xA000), SCRIPT_OTHER); /* Yi */
	CHECK_STR(script_name(SCRIPT_KATAKANA), "Katakana");
	CHECK_STR(script_name(SCRIPT_OTHER), "Other");
	CHECK_STR(script_name((enum script)99), "Unknown");
}

static void test_spots(void)
{
	/* The last Hangul syllable; the block's tail is unassigned; the
	 * jamo after it are Hangul again. */
	CHECK_INT(script_of(0xD7A3), SCRIPT_HANGUL);
	CHECK(script_is_cjk(0xD7A3) && !script_is_cjk_ideograph(0xD7A3));
	CHECK_INT(script_of(0xD7A4), SCRIPT_UNKNOWN);
	CHECK_INT(script_of(0xD7AF), SCRIPT_UNKNOWN);
	CHECK(!script_is_cjk(0xD7AF) && !script_is_cjk_text(0xD7AF));
	CHECK_INT(script_of(0xD7B0), SCRIPT_HANGUL);
	CHECK_INT(script_of(0x1100), SCRIPT_HANGUL);
	CHECK_INT(script_of(0x3131), SCRIPT_HANGUL);

	/* 々: Han, CJK, but an iteration mark, not an ideograph. */
	CHECK_INT(script_of(0x3005), SCRIPT_HAN);
	CHECK(script_is_cjk(0x3005) && !script_is_cjk_ideograph(0x3005));
	CHECK(script_is_cjk_text(0x3005) && script_is_cjk_punct(0x3005)); /* its block */
	CHECK(script_is_cjk_ideograph(0x3006) && script_is_cjk_ideograph(0x3007));

	/* ー: Common, yet kana. */
	CHECK_INT(script_of(0x30FC), SCRIPT_COMMON);
	CHECK(script_is_kana(0x30FC) && script_is_cjk(0x30FC));
	CHECK(!script_is_kana(0x30FB) && !script_is_cjk(0x30FB)); /* ・ is punctuation */
	CHECK(!script_is_kana(0x30A0));                            /* ゠ too */

	/* Ａ: fullwidth Latin, a CJK form but not a CJK letter. */
	CHECK_INT(script_of(0xFF21), SCRIPT_LATIN);
	CHECK(!script_is_cjk(0xFF21) && script_is_cjk_punct(0xFF21) && script_is_cjk_text(0xFF21));

	/* Extension B; the last assigned ideograph of the URO and of Ext A. */
	CHECK_INT(script_of(0x20000), SCRIPT_HAN);
	CHECK(script_is_cjk_ideograph(0x20000) && script_is_cjk(0x20000));
	CHECK(script_is_cjk_ideograph(0x9FFF) && script_is_cjk_ideograph(0x4DBF));
	CHECK(!script_is_cjk_ideograph(0x2E80)); /* a radical: Han, not an ideograph */
	CHECK(script_is_cjk(0x2E80));
	CHECK(!script_is_cjk_ideograph(0x17000)); /* Tangut: Ideographic, not Han */
	CHECK(script_is_cjk_ideograph(0xF900) && script_is_cjk_ideograph(0x2F800));

	/* Surrogates, private use and U+FFFD belong to no CJK class. */
	static const ucs4_t none[] = {0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0xE000, 0xFFFD};
	for (size_t i = 0; i < ARRAY_SIZE(none); i++) {
		CHECK(!script_is_cjk(none[i]) && !script_is_cjk_text(none[i]) &&
		      !script_is_kana(none[i]) && !script_is_cjk_ideograph(none[i]));
		CHECK_INT(script_of(none[i]), none[i] == 0xFFFD ? SCRIPT_COMMON : SCRIPT_UNKNOWN);
	}

	CHECK_INT(script_of('A'), SCRIPT_LATIN);
	CHECK_INT(script_of('1'), SCRIPT_COMMON);
	CHECK_INT(script_of(0xB5), SCRIPT_COMMON); /* µ */
	CHECK_INT(script_of(0xAA), SCRIPT_LATIN);  /* ª */
	CHECK_INT(script_of(0x0301), SCRIPT_INHERITED);
	CHECK_INT(script_of(0x0416), SCRIPT_CYRILLIC);
	CHECK_INT(script_of(0x3105), SCRIPT_BOPOMOFO);
	CHECK_INT(script_of(0x02EA), SCRIPT_BOPOMOFO);
	CHECK(script_is_cjk(0x3105));
	CHECK_INT(script_of(0x3042), SCRIPT_HIRAGANA);
	CHECK_INT(script_of(0x30A2), SCRIPT_KATAKANA);
	CHECK_INT(script_of(0xFF71), SCRIPT_KATAKANA); /* halfwidth ｱ */
}

static void test_cp_at(void)
{
	size_t k;
	CHECK_INT(cp_at("a", 1, &k), 'a');
	CHECK_INT(k, 1);
	CHECK_INT(cp_at("\xC3\xA9x", 3, &k), 0xE9);
	CHECK_INT(k, 2);
	CHECK_INT(cp_at("\xE4\xB8\xAD", 3, &k), 0x4E2D);
	CHECK_INT(k, 3);
	CHECK_INT(cp_at("\xF0\xA0\x80\x80", 4, &k), 0x20000);
	CHECK_INT(k, 4);
	/* Invalid and truncated sequences: U+FFFD, and always a step. */
	CHECK_INT(cp_at("\xFF", 1, &k), 0xFFFD);
	CHECK_INT(k, 1);
	CHECK_INT(cp_at("\x80z", 2, &k), 0xFFFD);
	CHECK_INT(k, 1);
	CHECK_INT(cp_at("\xE4\xB8", 2, &k), 0xFFFD);
	CHECK(k >= 1 && k <= 2);
	CHECK_INT(cp_at("\xED\xA0\x80", 3, &k), 0xFFFD); /* an encoded surrogate */
	CHECK(k >= 1);
	/* Only n bytes are read: a character cut by n is not decoded whole. */
	CHECK_INT(cp_at("\xC3\xA9", 1, &k), 0xFFFD);
	CHECK_INT(k, 1);
}

int main(void)
{
	test_all_of_unicode();
	test_callers();
	test_spots();
	test_cp_at();
	return t_done();
}
