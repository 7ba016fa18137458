/*
 * feed_detect.c: the legacy encoding of bytes that are not UTF-8 and
 * declare none (feed_int.h), so that an undeclared Japanese, Korean,
 * Traditional Chinese, Russian, Hebrew or Thai feed is not read as
 * Windows-1252 garbage.  Counts on the bytes, in the manner of Mozilla's
 * detector but far smaller:
 *  - double-byte: the share of high bytes that form valid pairs of each
 *    family, then what only one language's text looks like: Shift_JIS
 *    leads below 0xA0, Big5's ASCII-range trail bytes, EUC-JP's kana rows
 *    (0xA4/0xA5 leads), EUC-KR's Hangul rows (0xB0-0xC8) holding nearly
 *    every lead, GB2312 otherwise;
 *  - single-byte: when most letters are high bytes (a non-Latin
 *    alphabet), Thai (0xA1-0xCE consonants, with vowels 0xD0-0xED),
 *    Hebrew (0xE0-0xFA only), or Cyrillic, KOI8-R or Windows-1251 by
 *    which half holds the lower case letters that dominate any text.
 * The result must also decode strictly (iconv); NULL leaves the choice
 * to utf8_clean (GB18030 or Windows-1252).
 */
#include "feed_int.h"

#include <stdlib.h>
#include <string.h>
#include <uniconv.h>

struct pairs {
	size_t high;     /* bytes >= 0x80 */
	size_t euc;      /* pairs lead A1-FE, trail A1-FE */
	size_t kana;     /* ... with lead A4 or A5 */
	size_t hangul;   /* ... with lead B0-C8 */
	size_t gb2312;   /* ... with lead A1-F7 */
	size_t big5;     /* pairs lead A1-F9, trail 40-7E or A1-FE */
	size_t big5_low; /* ... with trail 40-7E */
	size_t sjis;     /* pairs lead 81-9F/E0-EF, trail 40-7E/80-FC */
	size_t sjis_low; /* ... with lead 81-9F */
};

static void count_pairs(const unsigned char *s, size_t n, struct pairs *p)
{
	memset(p, 0, sizeof *p);
	for (size_t i = 0; i < n; i++)
		p->high += s[i] >= 0x80;
	/* Each family on its own walk: their pairs fall differently. */
	for (size_t i = 0; i + 1 < n; i++) {
		unsigned char a = s[i], b = s[i + 1];
		if (a >= 0xa1 && a <= 0xfe && b >= 0xa1 && b <= 0xfe) {
			p->euc++;
			p->kana += a == 0xa4 || a == 0xa5;
			p->hangul += a >= 0xb0 && a <= 0xc8;
			p->gb2312 += a <= 0xf7;
			i++;
		}
	}
	for (size_t i = 0; i + 1 < n; i++) {
		unsigned char a = s[i], b = s[i + 1];
		if (a >= 0xa1 && a <= 0xf9 && ((b >= 0x40 && b <= 0x7e) || (b >= 0xa1 && b <= 0xfe))) {
			p->big5++;
			p->big5_low += b <= 0x7e;
			i++;
		}
	}
	for (size_t i = 0; i + 1 < n; i++) {
		unsigned char a = s[i], b = s[i + 1];
		if (((a >= 0x81 && a <= 0x9f) || (a >= 0xe0 && a <= 0xef)) &&
		    ((b >= 0x40 && b <= 0x7e) || (b >= 0x80 && b <= 0xfc))) {
			p->sjis++;
			p->sjis_low += a <= 0x9f;
			i++;
		}
	}
}

/* Does the candidate decode the bytes strictly? */
static bool decodes(const char *iconv_name, const char *s, size_t n)
{
	size_t len = 0;
	uint8_t *u = u8_conv_from_encoding(iconv_name, iconveh_error, s, n, NULL, NULL, &len);
	free(u);
	return u != NULL;
}

static const char *double_byte(const struct pairs *p, bool alphabet, const char **name)
{
	/* Most high bytes must pair up for any double-byte reading. */
	if (p->sjis * 2 >= p->high * 9 / 10 && p->sjis_low * 3 >= p->sjis)
		return *name = "CP932", "shift_jis";
	if (p->big5 * 2 >= p->high * 9 / 10 && p->big5_low * 10 >= p->big5)
		return *name = "BIG5-HKSCS", "big5";
	if (alphabet || p->euc * 2 < p->high * 9 / 10 || !p->euc)
		return NULL;
	if (p->kana * 5 >= p->euc)
		return *name = "EUC-JP", "euc-jp";
	if (p->hangul * 10 >= p->euc * 9)
		return *name = "CP949", "euc-kr";
	if (p->gb2312 == p->euc)
		return *name = "GB18030", "gb2312";
	return *name = "GB18030", "gb18030";
}

static const char *single_byte(const unsigned char *s, size_t n, const char **name)
{
	size_t ascii_letters = 0, high = 0, thai = 0, thai_vowel = 0, hebrew = 0, upper_half = 0,
	       lower_half = 0, top = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = s[i];
		if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
			ascii_letters++;
		if (c < 0x80)
			continue;
		high++;
		thai += c >= 0xa1 && c <= 0xbf; /* consonants; C0-CE are Cyrillic's too */
		thai_vowel += c >= 0xd0 && c <= 0xed;
		hebrew += c >= 0xe0 && c <= 0xfa;
		lower_half += c >= 0xc0 && c <= 0xdf;
		upper_half += c >= 0xe0;
		top += c >= 0xfb;
	}
	/* Latin text (Windows-1252's) has a few accented letters among many
	 * ASCII ones; the other alphabets are mostly high bytes.  The markup
	 * of a feed is ASCII: a third is plenty. */
	if (high < 8 || high * 2 < ascii_letters / 3)
		return NULL;
	if (thai * 4 >= high && thai_vowel * 10 >= high)
		return *name = "CP874", "tis-620";
	if (hebrew * 10 >= high * 9 && top * 50 < high && lower_half * 20 < high)
		return *name = "CP1255", "windows-1255";
	if ((lower_half + upper_half) * 10 >= high * 8) {
		/* KOI8-R puts lower case in C0-DF, Windows-1251 in E0-FF. */
		if (lower_half > upper_half)
			return *name = "KOI8-R", "koi8-r";
		return *name = "CP1251", "windows-1251";
	}
	return NULL;
}

/* Runs of high bytes of odd length: EUC text is pairs of high bytes,
 * alphabets are words of any length (Shift_JIS and Big5 have low trail
 * bytes and are told apart before). */
static bool odd_runs(const unsigned char *s, size_t n)
{
	size_t runs = 0, odd = 0;
	for (size_t i = 0; i < n;) {
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		size_t j = i;
		while (j < n && s[j] >= 0x80)
			j++;
		runs++;
		odd += (j - i) % 2;
		i = j;
	}
	return runs && odd * 5 > runs;
}

/* Mostly UTF-8 (a UTF-8 file with a corrupt spot)?  utf8_clean reads
 * those as UTF-8; no legacy guess then. */
static bool mostly_utf8(const unsigned char *s, size_t n)
{
	size_t good = 0, bad = 0;
	for (size_t i = 0; i < n;) {
		unsigned char c = s[i];
		size_t l = c < 0x80 ? 1 : (c & 0xe0) == 0xc0 ? 2 : (c & 0xf0) == 0xe0 ? 3 : (c & 0xf8) == 0xf0 ? 4 : 0;
		bool ok = l > 0 && i + l <= n;
		for (size_t k = 1; ok && k < l; k++)
			ok = (s[i + k] & 0xc0) == 0x80;
		if (!ok) {
			bad++;
			i++;
		} else {
			good += l > 1;
			i += l;
		}
	}
	return good >= 10 * bad;
}

const char *feed_detect(const char *bytes, size_t n, const char **iconv_name)
{
	const unsigned char *s = (const unsigned char *)bytes;
	if (mostly_utf8(s, n))
		return NULL;
	struct pairs p;
	count_pairs(s, n, &p);
	const char *name = NULL;
	const char *label = double_byte(&p, odd_runs(s, n), &name);
	if (!label || !decodes(name, bytes, n))
		label = single_byte(s, n, &name);
	if (!label || !decodes(name, bytes, n))
		return NULL;
	*iconv_name = name;
	return label;
}
