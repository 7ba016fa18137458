/*
 * script.c: scripts and the CJK classes of code points (script.h).
 *
 * libunistring answers every question here; this file maps its answers
 * onto the classes the text core needs and answers the blocks most text
 * stays in without a table walk (tokenize and langid ask for every
 * character imported).  The fast ranges were assigned by Unicode 5.0, so
 * an older libunistring agrees with them too; test_script.c compares
 * everything with libunistring over all of Unicode.
 */
#include "diglot/common.h"
#include "diglot/script.h"

#include <pthread.h>
#include <string.h>
#include <unictype.h>

/* uc_script's names, in the order of enum script. */
static const char *const names[SCRIPT_COUNT] = {
	[SCRIPT_UNKNOWN] = "Unknown", [SCRIPT_COMMON] = "Common",
	[SCRIPT_INHERITED] = "Inherited", [SCRIPT_LATIN] = "Latin",
	[SCRIPT_GREEK] = "Greek", [SCRIPT_CYRILLIC] = "Cyrillic",
	[SCRIPT_ARMENIAN] = "Armenian", [SCRIPT_GEORGIAN] = "Georgian",
	[SCRIPT_HEBREW] = "Hebrew", [SCRIPT_ARABIC] = "Arabic",
	[SCRIPT_ETHIOPIC] = "Ethiopic", [SCRIPT_DEVANAGARI] = "Devanagari",
	[SCRIPT_BENGALI] = "Bengali", [SCRIPT_GURMUKHI] = "Gurmukhi",
	[SCRIPT_GUJARATI] = "Gujarati", [SCRIPT_ORIYA] = "Oriya",
	[SCRIPT_TAMIL] = "Tamil", [SCRIPT_TELUGU] = "Telugu",
	[SCRIPT_KANNADA] = "Kannada", [SCRIPT_MALAYALAM] = "Malayalam",
	[SCRIPT_SINHALA] = "Sinhala", [SCRIPT_THAI] = "Thai", [SCRIPT_LAO] = "Lao",
	[SCRIPT_TIBETAN] = "Tibetan", [SCRIPT_MYANMAR] = "Myanmar",
	[SCRIPT_KHMER] = "Khmer", [SCRIPT_HAN] = "Han", [SCRIPT_BOPOMOFO] = "Bopomofo",
	[SCRIPT_HIRAGANA] = "Hiragana", [SCRIPT_KATAKANA] = "Katakana",
	[SCRIPT_HANGUL] = "Hangul", [SCRIPT_OTHER] = "Other",
};

/* The East Asian punctuation, symbol and compatibility blocks, by name:
 * their ranges come from libunistring (a block a libunistring predates is
 * left out). */
static const char *const cjk_block_names[] = {
	"Ideographic Description Characters", "CJK Symbols and Punctuation", "Kanbun",
	"CJK Strokes", "Enclosed CJK Letters and Months", "CJK Compatibility",
	"Vertical Forms", "CJK Compatibility Forms", "Small Form Variants",
	"Halfwidth and Fullwidth Forms", "Ideographic Symbols and Punctuation",
	"Enclosed Ideographic Supplement",
};

static const uc_script_t *script_ptr[SCRIPT_COUNT];
static struct {
	ucs4_t lo, hi;
} cjk_blocks[ARRAY_SIZE(cjk_block_names)];
static size_t n_cjk_blocks;
static ucs4_t cjk_blocks_lo = 0x110000; /* below this, no CJK block */
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void init(void)
{
	for (int i = SCRIPT_COMMON; i < SCRIPT_OTHER; i++)
		script_ptr[i] = uc_script_byname(names[i]);
	const uc_block_t *all;
	size_t n;
	uc_all_blocks(&all, &n);
	for (size_t j = 0; j < ARRAY_SIZE(cjk_block_names); j++)
		for (size_t i = 0; i < n; i++)
			if (strcmp(all[i].name, cjk_block_names[j]) == 0) {
				cjk_blocks[n_cjk_blocks].lo = all[i].start;
				cjk_blocks[n_cjk_blocks].hi = all[i].end;
				cjk_blocks_lo = MIN(cjk_blocks_lo, all[i].start);
				n_cjk_blocks++;
				break;
			}
}

static enum script script_slow(ucs4_t c)
{
	pthread_once(&once, init);
	const uc_script_t *s = uc_script(c);
	if (!s)
		return SCRIPT_UNKNOWN;
	for (int i = SCRIPT_COMMON; i < SCRIPT_OTHER; i++)
		if (s == script_ptr[i])
			return (enum script)i;
	return SCRIPT_OTHER;
}

enum script script_of(ucs4_t c)
{
	if (c < 0x80)
		return (c | 0x20) >= 'a' && (c | 0x20) <= 'z' ? SCRIPT_LATIN : SCRIPT_COMMON;
	if (c >= 0xC0 && c <= 0x24F) /* Latin-1 letters, Latin Extended-A and -B */
		return c == 0xD7 || c == 0xF7 ? SCRIPT_COMMON : SCRIPT_LATIN;
	if (c >= 0x400 && c <= 0x4FF) /* Cyrillic, but for two combining marks */
		return c == 0x485 || c == 0x486 ? SCRIPT_INHERITED : SCRIPT_CYRILLIC;
	if ((c >= 0x4E00 && c <= 0x9FA5) || (c >= 0x3400 && c <= 0x4DB5))
		return SCRIPT_HAN;
	if (c >= 0x3041 && c <= 0x3094)
		return SCRIPT_HIRAGANA;
	if (c >= 0x30A1 && c <= 0x30FA)
		return SCRIPT_KATAKANA;
	if (c >= 0xAC00 && c <= 0xD7A3) /* Hangul syllables: D7A4-D7AF are unassigned */
		return SCRIPT_HANGUL;
	return script_slow(c);
}

const char *script_name(enum script sc)
{
	return (unsigned)sc < SCRIPT_COUNT ? names[sc] : names[SCRIPT_UNKNOWN];
}

bool script_is_cjk_ideograph(ucs4_t c)
{
	if (c >= 0x4E00 && c <= 0x9FA5)
		return true;
	if (c < 0x3006) /* the first ideograph, U+3006 */
		return false;
	/* Ideographic alone would take in Tangut, Nushu and Khitan; U+3006 is
	 * the one ideograph of script Common. */
	if (!uc_is_property_ideographic(c))
		return false;
	enum script s = script_of(c);
	return s == SCRIPT_HAN || s == SCRIPT_COMMON;
}

/* Common or Inherited, yet only ever written with kana: the prolonged
 * sound mark inside katakana words (コーヒー), the voicing marks, the
 * vertical repeat marks. */
static bool is_kana_mark(ucs4_t c)
{
	return (c >= 0x3031 && c <= 0x3035) || (c >= 0x3099 && c <= 0x309C) || c == 0x30FC ||
	       c == 0xFF70 || c == 0xFF9E || c == 0xFF9F;
}

bool script_is_kana(ucs4_t c)
{
	if (c < 0x3031)
		return false;
	if (is_kana_mark(c))
		return true;
	enum script s = script_of(c);
	return s == SCRIPT_HIRAGANA || s == SCRIPT_KATAKANA;
}

bool script_is_cjk_lookup(ucs4_t c)
{
	switch (script_of(c)) {
	case SCRIPT_HAN: case SCRIPT_BOPOMOFO: case SCRIPT_HIRAGANA: case SCRIPT_KATAKANA:
	case SCRIPT_HANGUL:
		return true;
	default:
		return is_kana_mark(c);
	}
}

bool script_is_cjk_punct(ucs4_t c)
{
	if (c < 0x2FF0) /* the first of the blocks; saves the once on Latin text */
		return false;
	pthread_once(&once, init);
	if (c < cjk_blocks_lo)
		return false;
	for (size_t i = 0; i < n_cjk_blocks; i++)
		if (c >= cjk_blocks[i].lo && c <= cjk_blocks[i].hi)
			return true;
	return false;
}

bool script_is_cjk_text(ucs4_t c)
{
	return script_is_cjk(c) || script_is_cjk_punct(c);
}
