/*
 * script.h: which script a code point belongs to, and the CJK questions
 * the text core asks about it (tokenizing, sentences, line joining,
 * alignment weights, encoding detection, language identification).
 *
 * One module so that every caller gets the same answer: the Unicode
 * Script property comes from libunistring's uc_script, the ideographs
 * from its Ideographic property and the punctuation blocks from uc_block;
 * script.c only adds fast paths for the common blocks, which
 * tests/unit/test_script.c compares with libunistring over all of Unicode.
 * Also the one UTF-8 decode-at helper.  No curses, no SQLite: the ui may
 * use it as well as the text core.
 */
#ifndef DIGLOT_SCRIPT_H
#define DIGLOT_SCRIPT_H

#include "diglot/common.h"

#include <unistr.h>

/* The scripts callers tell apart (Unicode Script property values). */
enum script {
	SCRIPT_UNKNOWN,   /* no script: unassigned, surrogate, private use, > U+10FFFF */
	SCRIPT_COMMON,    /* shared: ASCII punctuation, digits, U+3000, U+30FC, U+FFFD */
	SCRIPT_INHERITED, /* combining marks that take their base's script */
	SCRIPT_LATIN,
	SCRIPT_GREEK,
	SCRIPT_CYRILLIC,
	SCRIPT_ARMENIAN,
	SCRIPT_GEORGIAN,
	SCRIPT_HEBREW,
	SCRIPT_ARABIC,
	SCRIPT_ETHIOPIC,
	SCRIPT_DEVANAGARI,
	SCRIPT_BENGALI,
	SCRIPT_GURMUKHI,
	SCRIPT_GUJARATI,
	SCRIPT_ORIYA,
	SCRIPT_TAMIL,
	SCRIPT_TELUGU,
	SCRIPT_KANNADA,
	SCRIPT_MALAYALAM,
	SCRIPT_SINHALA,
	SCRIPT_THAI,
	SCRIPT_LAO,
	SCRIPT_TIBETAN,
	SCRIPT_MYANMAR,
	SCRIPT_KHMER,
	SCRIPT_HAN,
	SCRIPT_BOPOMOFO,
	SCRIPT_HIRAGANA,
	SCRIPT_KATAKANA,
	SCRIPT_HANGUL,
	SCRIPT_OTHER,     /* a script not listed above (Yi, Tangut, Cherokee...) */
	SCRIPT_COUNT
};

/* The Script property of c, as uc_script answers it.  Thread-safe. */
enum script script_of(ucs4_t c);

/* The Unicode name of a script ("Han", "Latin", as uc_script_t.name);
 * "Unknown" and "Other" for those two. */
const char *script_name(enum script sc);

/* A CJK ideograph: the Ideographic property, but for the ideographs of
 * other scripts (Tangut, Nushu, Khitan): unified, extension and
 * compatibility ideographs, U+3006, U+3007, the Hangzhou numerals.  Not
 * U+3005 (an iteration mark, not an ideograph) nor the radicals. */
bool script_is_cjk_ideograph(ucs4_t c);

/* Hiragana or Katakana script, or one of the length and voicing marks
 * used only with kana (Script_Extensions "Hira Kana" and a letter or
 * mark: U+3031-3035, U+3099-309C, U+30FC, U+FF70, U+FF9E-FF9F). */
bool script_is_kana(ucs4_t c);

/* script_is_cjk past its inline fast path. */
bool script_is_cjk_lookup(ucs4_t c);

/* A letter of CJK writing: Han, Bopomofo, Hangul, or kana as above.  What
 * tokenize indexes as character pairs and align/sentence weigh as 2.5
 * Latin characters.  Not punctuation: see script_is_cjk_text.  Inline
 * for the blocks most CJK text stays in: tokenize asks for every
 * character imported. */
static inline bool script_is_cjk(ucs4_t c)
{
	if (c < 0x2EA) /* Bopomofo's tone marks U+02EA-02EB, the first CJK letters */
		return false;
	if ((c >= 0x4E00 && c <= 0x9FA5) || (c >= 0x3041 && c <= 0x3094) ||
	    (c >= 0x30A1 && c <= 0x30FA) || c == 0x30FC || (c >= 0xAC00 && c <= 0xD7A3))
		return true;
	return script_is_cjk_lookup(c);
}

/* A character of the East Asian punctuation, symbol and compatibility
 * blocks: CJK Symbols and Punctuation (U+3000-303F), Halfwidth and
 * Fullwidth Forms (U+FF00-FFEF, so fullwidth Latin U+FF21 too), Vertical
 * and Compatibility Forms, Small Form Variants, Enclosed CJK, CJK
 * Compatibility, Kanbun, CJK Strokes, Ideographic Description
 * Characters, Ideographic Symbols and Punctuation. */
bool script_is_cjk_punct(ucs4_t c);

/* CJK text: script_is_cjk or script_is_cjk_punct.  Text that needs no
 * space next to it (joining wrapped lines, "开源." ending a sentence). */
bool script_is_cjk_text(ucs4_t c);

/*
 * Decode the code point at s (n > 0 bytes left) and put its length in
 * *len: an invalid or truncated sequence gives U+FFFD and a length of at
 * least 1, so a loop over any bytes always advances.
 */
static inline ucs4_t cp_at(const char *s, size_t n, size_t *len)
{
	ucs4_t c;
	int k = u8_mbtouc(&c, (const uint8_t *)s, n);
	*len = k > 0 ? (size_t)k : 1;
	return c;
}

#endif
