/*
 * utf8.c: raw file bytes to clean text, and the terminal-safety filter.
 *
 * Encoding rule (utf8_clean), first match wins:
 *  1. BOM EF BB BF -> UTF-8 (BOM dropped); FF FE -> UTF-16LE; FE FF -> UTF-16BE.
 *  2. Otherwise a NUL byte anywhere means a binary file: refused.
 *  3. Valid UTF-8 -> UTF-8.
 *  4. "Mostly UTF-8": at least ten valid multi-byte sequences per invalid
 *     byte -> UTF-8 with each invalid byte replaced by U+FFFD (a UTF-8 file
 *     with a corrupt spot; GB18030 text only passes as UTF-8 by accident
 *     for about one character in eight, so it never reaches this ratio).
 *  5. At least 80 % of the two-byte sequences have a high trail byte (as
 *     Chinese does; accented Latin-1 letters are followed by ASCII ones),
 *     strict GB18030 decoding (iconv) succeeds, and at least 70 % of the
 *     non-ASCII characters are CJK ideographs, CJK or fullwidth punctuation
 *     -> GB18030.  Latin-1/CP1252 text rarely decodes strictly, and when it
 *     does it yields rare ideographs mixed with other symbols.
 *  6. Otherwise Windows-1252 (never fails: its 5 unassigned bytes map to
 *     C1 controls, which the filter then removes).
 *
 * Then one filtering pass: CRLF and CR -> LF, tab -> space, C0/C1
 * controls, DEL, invisible characters (utf8_is_hidden) and whole escape
 * sequences (7- and 8-bit CSI, OSC/DCS/SOS/PM/APC strings up to BEL, ST
 * or the end of the line, other ESC x) removed; bidi controls are kept
 * only in right-to-left lines, balanced (bidi_lines).  Finally NFC, applied only to the lines holding a
 * character outside a table of ranges known to be NFC-stable on their
 * own (ASCII, Latin-1, CJK, kana, Hangul syllables...): most text skips
 * u8_normalize entirely, which is what makes the whole ~1 GB/s on ASCII.
 */
#include "diglot/common.h"
#include "diglot/script.h"
#include "diglot/utf8.h"

#include <stdlib.h>
#include <string.h>
#include <uniconv.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

const char *utf8_encoding_name(enum text_encoding enc)
{
	switch (enc) {
	case ENC_UTF8: return "UTF-8";
	case ENC_UTF8_BOM: return "UTF-8 (BOM)";
	case ENC_UTF16LE: return "UTF-16LE";
	case ENC_UTF16BE: return "UTF-16BE";
	case ENC_GB18030: return "GB18030";
	case ENC_CP1252: return "Windows-1252";
	}
	return "unknown";
}

/* ---- decoding one code point ------------------------------------------ */

/*
 * Decode one UTF-8 sequence at s (n > 0 bytes left).  Returns its length;
 * an invalid or truncated sequence gives *cp = U+FFFD and length 1 (so
 * every bad byte becomes one replacement and decoding always advances).
 */
static size_t dec_utf8(const unsigned char *s, size_t n, uint32_t *cp)
{
	unsigned c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		if (n >= 2 && (s[1] & 0xC0) == 0x80) {
			*cp = ((c & 0x1Fu) << 6) | (s[1] & 0x3Fu);
			return 2;
		}
	} else if (c >= 0xE0 && c <= 0xEF) {
		if (n >= 3 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80) {
			uint32_t v = ((c & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
			if (v >= 0x800 && (v < 0xD800 || v > 0xDFFF)) {
				*cp = v;
				return 3;
			}
		}
	} else if (c >= 0xF0 && c <= 0xF4) {
		if (n >= 4 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80 &&
		    (s[3] & 0xC0) == 0x80) {
			uint32_t v = ((c & 0x07u) << 18) | ((s[1] & 0x3Fu) << 12) |
			             ((s[2] & 0x3Fu) << 6) | (s[3] & 0x3Fu);
			if (v >= 0x10000 && v <= 0x10FFFF) {
				*cp = v;
				return 4;
			}
		}
	}
	*cp = 0xFFFD;
	return 1;
}

static size_t enc_utf8(uint32_t cp, char *o)
{
	if (cp < 0x80) {
		o[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (char)(0xC0 | (cp >> 6));
		o[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (char)(0xE0 | (cp >> 12));
		o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (char)(0xF0 | (cp >> 18));
	o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

/* Count valid multi-byte sequences and invalid bytes; ASCII is skipped
 * eight bytes at a time. */
static void utf8_census(const unsigned char *s, size_t n, size_t *valid_mb, size_t *invalid)
{
	size_t i = 0, v = 0, bad = 0;
	while (i < n) {
		while (i + 8 <= n) {
			uint64_t w;
			memcpy(&w, s + i, 8);
			if (w & 0x8080808080808080ull)
				break;
			i += 8;
		}
		if (i >= n)
			break;
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		uint32_t cp;
		size_t k = dec_utf8(s + i, n - i, &cp);
		if (k == 1)
			bad++;
		else
			v++;
		i += k;
	}
	*valid_mb = v;
	*invalid = bad;
}

/* ---- the filter: controls, escape sequences, line ends ----------------- */

struct filter {
	bool keep_newlines; /* else '\n' becomes a space */
	bool drop_bidi;     /* remove the bidi controls too (else kept, saw_bidi set) */
	bool needs_nfc;     /* out: a character outside the NFC-stable table was kept */
	bool saw_bidi;      /* out: a bidi control was kept */
};

/* Characters that are NFC and cannot combine with a neighbour: a line of
 * only these is already NFC.  Conservative: anything else goes through
 * u8_normalize. */
static bool nfc_stable(uint32_t cp)
{
	return cp < 0x300 ||
	       (cp >= 0x400 && cp <= 0x482) ||                     /* Cyrillic */
	       (cp >= 0x2002 && cp <= 0x206F) ||                   /* punctuation */
	       (cp >= 0x20A0 && cp <= 0x20C0) ||                   /* currency */
	       (cp >= 0x3000 && cp <= 0x3029) ||                   /* CJK punctuation */
	       (cp >= 0x3030 && cp <= 0x303F) ||
	       (cp >= 0x3041 && cp <= 0x3096) ||                   /* hiragana */
	       (cp >= 0x30A1 && cp <= 0x30FA) ||                   /* katakana */
	       (cp >= 0x3400 && cp <= 0x4DBF) ||                   /* CJK ext A */
	       (cp >= 0x4E00 && cp <= 0x9FFF) ||                   /* CJK */
	       (cp >= 0xAC00 && cp <= 0xD7A3) ||                   /* Hangul syllables */
	       (cp >= 0xFF01 && cp <= 0xFF60) ||                   /* fullwidth forms */
	       cp == 0xFFFD ||
	       (cp >= 0x1F300 && cp <= 0x1FAFF);                   /* emoji */
}

bool utf8_is_bidi_control(uint32_t cp)
{
	return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
	       cp == 0x200E || cp == 0x200F || cp == 0x061C;
}

bool utf8_is_hidden(uint32_t cp)
{
	/* Fast rejects, the gaps between Unicode's default-ignorable ranges
	 * that hold nearly all text: Latin, CJK and its punctuation, kana,
	 * Hangul syllables, fullwidth forms (test_utf8 walks all of Unicode). */
	if (cp < 0xAD || (cp > 0xAD && cp < 0x34F) || (cp >= 0x2070 && cp < 0x3164) ||
	    (cp > 0x3164 && cp < 0xFE00) || (cp >= 0xFE10 && cp < 0xFEFF) ||
	    (cp > 0xFEFF && cp < 0xFFA0) || (cp > 0xFFA0 && cp < 0xFFF0) ||
	    (cp >= 0x20000 && cp < 0xE0000))
		return false;
	/* Joiners shape Arabic and Indic text and join emoji; variation
	 * selectors and tags belong to the grapheme before them. */
	if (cp == 0x200C || cp == 0x200D || (cp >= 0xFE00 && cp <= 0xFE0F) ||
	    (cp >= 0xE0020 && cp <= 0xE007F) || (cp >= 0xE0100 && cp <= 0xE01EF))
		return false;
	return uc_is_property_default_ignorable_code_point(cp);
}

/*
 * Skip the body of a control string (OSC, DCS, SOS, PM, APC) starting at
 * s[i]: it ends at BEL, ESC \, 8-bit ST (U+009C) or, because a text file
 * cannot be trusted to terminate it, just before a line end.
 */
static size_t skip_string(const unsigned char *s, size_t n, size_t i)
{
	while (i < n) {
		unsigned c = s[i];
		if (c == 0x07)
			return i + 1;
		if (c == 0x1B) /* ESC \ ends it; any other ESC starts the next sequence */
			return (i + 1 < n && s[i + 1] == '\\') ? i + 2 : i;
		if (c == 0xC2 && i + 1 < n && s[i + 1] == 0x9C)
			return i + 2;
		if (c == '\n' || c == '\r')
			return i;
		i++;
	}
	return n;
}

/* Skip CSI parameters, intermediates and the final byte from s[i].  A byte
 * out of place ends the sequence without being consumed. */
static size_t skip_csi(const unsigned char *s, size_t n, size_t i)
{
	while (i < n && s[i] >= 0x30 && s[i] <= 0x3F)
		i++;
	while (i < n && s[i] >= 0x20 && s[i] <= 0x2F)
		i++;
	if (i < n && s[i] >= 0x40 && s[i] <= 0x7E)
		i++;
	return i;
}

/* ESC at s[i]: return the index after the whole sequence. */
static size_t skip_escape(const unsigned char *s, size_t n, size_t i)
{
	i++;
	if (i >= n)
		return i;
	switch (s[i]) {
	case '[':
		return skip_csi(s, n, i + 1);
	case ']': case 'P': case 'X': case '^': case '_':
		return skip_string(s, n, i + 1);
	case ' ':
		/* A bare ESC before a space (ESC SP F and its kin announce code
		 * levels no text file needs): drop the ESC, keep the text. */
		return i;
	default:
		break;
	}
	while (i < n && s[i] >= 0x20 && s[i] <= 0x2F) /* intermediates, e.g. ESC ( B */
		i++;
	if (i < n && s[i] >= 0x30 && s[i] <= 0x7E)
		i++;
	return i;
}

/* True when the 8 bytes are all printable ASCII (0x20..0x7E). */
static inline bool plain8(const unsigned char *p)
{
	uint64_t w;
	memcpy(&w, p, 8);
	const uint64_t hi = 0x8080808080808080ull, one = 0x0101010101010101ull;
	uint64_t lt = (w - one * 0x20) & ~w & hi;   /* some byte < 0x20 */
	uint64_t x = w ^ (one * 0x7F);
	uint64_t del = (x - one) & ~x & hi;         /* some byte == 0x7F */
	return ((w & hi) | lt | del) == 0;
}

/*
 * Filter s[0..n) (any bytes; invalid UTF-8 -> U+FFFD) into *op, an xmalloc'ed
 * buffer of *capp >= n + 1 bytes.  Returns the output length; there is
 * always room left for a terminating NUL.
 *
 * Every path copies or shrinks what it consumes except an invalid byte,
 * which becomes a three-byte U+FFFD; so the loop keeps
 * cap - k >= (n - i) + 1 and only that branch has to check (and grow).
 * Callers that know the invalid count size the buffer so it never grows.
 */
static size_t filter_text(const unsigned char *s, size_t n, char **op, size_t *capp,
                          struct filter *f)
{
	size_t i = 0, k = 0;
	char *o = *op;
	while (i < n) {
		while (i + 8 <= n && plain8(s + i)) {
			memcpy(o + k, s + i, 8);
			i += 8;
			k += 8;
		}
		if (i >= n)
			break;
		unsigned c = s[i];
		if (c >= 0x20 && c < 0x7F) {
			o[k++] = (char)c;
			i++;
			continue;
		}
		if (c < 0x80) {
			if (c == '\n' || c == '\r') {
				o[k++] = f->keep_newlines ? '\n' : ' ';
				i += (c == '\r' && i + 1 < n && s[i + 1] == '\n') ? 2 : 1;
			} else if (c == '\t') {
				o[k++] = ' ';
				i++;
			} else if (c == 0x1B) {
				i = skip_escape(s, n, i);
			} else {
				i++; /* other C0 controls and DEL */
			}
			continue;
		}
		uint32_t cp;
		size_t len = dec_utf8(s + i, n - i, &cp);
		i += len;
		if (cp < 0xA0) { /* C1 */
			if (cp == 0x9B)
				i = skip_csi(s, n, i);
			else if (cp == 0x9D || cp == 0x90 || cp == 0x98 || cp == 0x9E || cp == 0x9F)
				i = skip_string(s, n, i);
			continue;
		}
		if (utf8_is_hidden(cp)) {
			if (f->drop_bidi || !utf8_is_bidi_control(cp))
				continue;
			f->saw_bidi = true;
		}
		if (cp == 0x2028 || cp == 0x2029) {
			o[k++] = f->keep_newlines ? '\n' : ' ';
			continue;
		}
		if (!f->needs_nfc && !nfc_stable(cp))
			f->needs_nfc = true;
		if (cp == 0xFFFD && len == 1) {
			if (*capp - k < 3 + (n - i) + 1) {
				xgrow(op, capp, k + 3 + (n - i) + 1, 1);
				o = *op;
			}
			k += enc_utf8(cp, o + k);
		} else {
			memcpy(o + k, s + i - len, len);
			k += len;
		}
	}
	return k;
}

/* ---- the bidi policy for article text ---------------------------------- */

#define BIDI_MAX_DEPTH 125 /* the Unicode bidi algorithm's own limit */

static bool is_rtl_letter(uint32_t cp)
{
	int bc = uc_bidi_class(cp);
	return bc == UC_BIDI_R || bc == UC_BIDI_AL;
}

static bool line_has_rtl(const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		i += dec_utf8((const unsigned char *)s + i, n - i, &cp);
		if (cp >= 0x590 && !utf8_is_bidi_control(cp) && is_rtl_letter(cp)) /* RLM is class R */
			return true;
	}
	return false;
}

/* One line: its bidi controls kept balanced, or all dropped (keep). */
static size_t bidi_line(const char *s, size_t n, bool keep, char *o)
{
	char stack[BIDI_MAX_DEPTH]; /* 'E' embedding or override, 'I' isolate */
	int depth = 0, overflow = 0;
	size_t k = 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t len = dec_utf8((const unsigned char *)s + i, n - i, &cp);
		bool ctl = utf8_is_bidi_control(cp), emit = !ctl;
		if (ctl && keep) {
			bool iso = cp >= 0x2066 && cp <= 0x2068, emb = cp >= 0x202A && cp <= 0x202E && cp != 0x202C;
			if (iso || emb) {
				if (depth < BIDI_MAX_DEPTH) {
					stack[depth++] = iso ? 'I' : 'E';
					emit = true;
				} else
					overflow++;
			} else if (cp == 0x202C || cp == 0x2069) { /* PDF, PDI */
				char want = cp == 0x202C ? 'E' : 'I';
				int open = depth - 1;
				while (open >= 0 && stack[open] != want && want == 'I')
					open--;
				if (overflow > 0)
					overflow--;
				else if (open >= 0 && stack[open] == want) {
					while (depth - 1 > open) { /* a PDI closes what its isolate holds */
						depth--;
						k += enc_utf8(0x202C, o + k);
					}
					depth--;
					emit = true;
				}
			} else {
				emit = true; /* a mark: LRM, RLM, ALM */
			}
		}
		if (emit) {
			memcpy(o + k, s + i, len);
			k += len;
		}
		i += len;
	}
	while (depth > 0)
		k += enc_utf8(stack[--depth] == 'I' ? 0x2069 : 0x202C, o + k);
	return k;
}

/*
 * Bidi controls (embeddings, overrides, isolates, marks) belong in
 * right-to-left text; anywhere else they only make text show in another
 * order than it reads (the "Trojan Source" trick).  A line without a
 * right-to-left letter loses them; a line with one keeps them balanced:
 * a closer with nothing open goes, and what is left open is closed at the
 * line's end, so no line turns the next.  Each kept opener adds at most
 * one three-byte closer: out needs 2n + 1 bytes.
 */
static size_t bidi_lines(const char *s, size_t n, char **out)
{
	char *o = xmalloc(2 * n + 1);
	size_t k = 0;
	for (size_t i = 0; i < n;) {
		const char *nl = memchr(s + i, '\n', n - i);
		size_t end = nl ? (size_t)(nl - s) : n;
		k += bidi_line(s + i, end - i, line_has_rtl(s + i, end - i), o + k);
		if (nl)
			o[k++] = '\n';
		i = end + (nl != NULL);
	}
	o[k] = '\0';
	*out = o;
	return k;
}

/* ---- decoders for the other encodings ---------------------------------- */

static char *decode_utf16(const unsigned char *s, size_t n, bool be, size_t *outlen)
{
	/* Worst case: every unit a BMP character or lone surrogate (2 bytes ->
	 * 3), a pair 4 -> 4, an odd last byte -> U+FFFD (3), plus the NUL. */
	char *o = xmalloc(n / 2 * 3 + 4);
	size_t k = 0;
	for (size_t i = 0; i + 1 < n; i += 2) {
		uint32_t u = be ? (uint32_t)(s[i] << 8 | s[i + 1]) : (uint32_t)(s[i + 1] << 8 | s[i]);
		if (u >= 0xD800 && u <= 0xDBFF && i + 3 < n) {
			uint32_t l = be ? (uint32_t)(s[i + 2] << 8 | s[i + 3])
			                : (uint32_t)(s[i + 3] << 8 | s[i + 2]);
			if (l >= 0xDC00 && l <= 0xDFFF) {
				u = 0x10000 + ((u - 0xD800) << 10) + (l - 0xDC00);
				i += 2;
			}
		}
		if (u >= 0xD800 && u <= 0xDFFF)
			u = 0xFFFD; /* lone surrogate */
		k += enc_utf8(u, o + k);
	}
	if (n % 2)
		k += enc_utf8(0xFFFD, o + k); /* odd trailing byte */
	*outlen = k;
	return o;
}

static const uint16_t cp1252_high[32] = {
	0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
	0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

static char *decode_cp1252(const unsigned char *s, size_t n, size_t *outlen)
{
	/* Each byte is one BMP character: at most 3 bytes (0x80 -> U+20AC). */
	char *o = xmalloc(n * 3 + 1);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		uint32_t c = s[i];
		if (c >= 0x80 && c < 0xA0)
			c = cp1252_high[c - 0x80];
		k += enc_utf8(c, o + k);
	}
	*outlen = k;
	return o;
}

/* What Chinese text is made of: ideographs, CJK and fullwidth
 * punctuation, and the dashes, quotes and ellipsis GB2312 has. */
static bool is_cjkish(uint32_t cp)
{
	return script_is_cjk_ideograph(cp) || script_is_cjk_punct(cp) ||
	       (cp >= 0x2010 && cp <= 0x2027);
}

/*
 * Chinese text in GB18030 is overwhelmingly two high bytes in a row (the
 * GB2312 zone A1-FE A1-FE); Latin-1 text puts an ASCII letter after each
 * accented byte ("F\xe4hre"), which GB18030 also decodes, as rare
 * ideographs.  So at least 80 % of the two-byte sequences must have a
 * high trail byte.
 */
static bool gb_pairs_look_chinese(const unsigned char *s, size_t n)
{
	size_t pairs = 0, high = 0;
	for (size_t i = 0; i < n;) {
		if (s[i] < 0x80 || i + 1 >= n) {
			i++;
			continue;
		}
		if (s[i + 1] >= 0x30 && s[i + 1] <= 0x39) { /* four-byte sequence */
			i += 4;
			continue;
		}
		pairs++;
		high += s[i + 1] >= 0x80;
		i += 2;
	}
	return pairs && high * 10 >= pairs * 8;
}

/* Strict GB18030 decoding; NULL unless it succeeds and looks Chinese. */
static char *decode_gb18030(const unsigned char *s, size_t n, size_t *outlen)
{
	size_t len = 0;
	if (!gb_pairs_look_chinese(s, n))
		return NULL;
	uint8_t *u = u8_conv_from_encoding("GB18030", iconveh_error, (const char *)s, n,
	                                   NULL, NULL, &len);
	if (!u)
		return NULL;
	size_t nonascii = 0, cjk = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		i += dec_utf8(u + i, len - i, &cp);
		if (cp >= 0x80) {
			nonascii++;
			cjk += is_cjkish(cp);
		}
	}
	if (nonascii == 0 || cjk * 10 < nonascii * 7) {
		free(u);
		return NULL;
	}
	/* Hand the buffer over through xmalloc'ed memory of the usual kind. */
	char *o = xmalloc(len + 1);
	memcpy(o, u, len);
	free(u);
	*outlen = len;
	return o;
}

/* ---- NFC, line by line, only where needed ------------------------------ */

static size_t nfc_lines(const char *s, size_t n, char **out)
{
	char *o = xmalloc(n + 1);
	size_t cap = n + 1, k = 0, i = 0;
	while (i < n) {
		const char *nl = memchr(s + i, '\n', n - i);
		size_t end = nl ? (size_t)(nl - s) + 1 : n;
		bool stable = true;
		for (size_t j = i; j < end && stable;) {
			uint32_t cp;
			j += dec_utf8((const unsigned char *)s + j, end - j, &cp);
			stable = nfc_stable(cp);
		}
		const char *src = s + i;
		size_t len = end - i;
		uint8_t *norm = NULL;
		if (!stable)
			norm = u8_normalize(UNINORM_NFC, (const uint8_t *)src, len, NULL, &len);
		if (norm)
			src = (const char *)norm;
		else
			len = end - i; /* normalisation failed (no memory): keep as is */
		if (k + len + 1 > cap)
			xgrow(&o, &cap, k + len + 1, 1);
		memcpy(o + k, src, len);
		k += len;
		free(norm);
		i = end;
	}
	o[k] = '\0';
	*out = o;
	return k;
}

/* ---- public ------------------------------------------------------------ */

enum dg_status utf8_clean(const char *bytes, size_t len, char **out, size_t *out_len,
                          enum text_encoding *enc, char **cause)
{
	const unsigned char *s = (const unsigned char *)bytes;
	enum text_encoding e = ENC_UTF8;
	char *dec = NULL; /* decoded UTF-8 when not the input itself */
	size_t dlen = 0;

	*out = NULL;
	*out_len = 0;
	if (len > UTF8_MAX_INPUT)
		return dg_fail(cause, DG_ERR, "file too large (over 16 MiB)");
	if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
		e = ENC_UTF8_BOM;
		s += 3;
		len -= 3;
	} else if (len >= 2 && s[0] == 0xFF && s[1] == 0xFE) {
		e = ENC_UTF16LE;
		dec = decode_utf16(s + 2, len - 2, false, &dlen);
	} else if (len >= 2 && s[0] == 0xFE && s[1] == 0xFF) {
		e = ENC_UTF16BE;
		dec = decode_utf16(s + 2, len - 2, true, &dlen);
	}
	if (!dec && memchr(s, 0, len))
		return dg_fail(cause, DG_ERR, "binary file (contains NUL bytes)");
	size_t invalid = 0; /* bytes the filter turns into a three-byte U+FFFD */
	if (!dec && e == ENC_UTF8) {
		size_t valid_mb;
		utf8_census(s, len, &valid_mb, &invalid);
		if (invalid > 0 && valid_mb < invalid * 10) {
			dec = decode_gb18030(s, len, &dlen);
			e = ENC_GB18030;
			if (!dec) {
				dec = decode_cp1252(s, len, &dlen);
				e = ENC_CP1252;
			}
			invalid = 0; /* the decoders write valid UTF-8 */
		}
	}
	if (dec) {
		s = (const unsigned char *)dec;
		len = dlen;
	}
	struct filter f = {.keep_newlines = true};
	/* Exact for census-checked input; a BOM file skips the census (it is
	 * UTF-8 whatever it holds), so its invalid bytes grow the buffer. */
	size_t cap = len + 2 * invalid + 1;
	char *tmp = xmalloc(cap);
	size_t tlen = filter_text(s, len, &tmp, &cap, &f);
	free(dec);
	if (f.saw_bidi) {
		char *b;
		tlen = bidi_lines(tmp, tlen, &b);
		free(tmp);
		tmp = b;
	}
	if (f.needs_nfc) {
		*out_len = nfc_lines(tmp, tlen, out);
		free(tmp);
	} else {
		tmp[tlen] = '\0';
		*out = tmp;
		*out_len = tlen;
	}
	if (enc)
		*enc = e;
	return DG_OK;
}

char *utf8_clean_line(const char *s, size_t len)
{
	char *t = utf8_sanitize(s, len, false);
	/* One space for each run of spaces, none at the ends. */
	size_t k = 0;
	for (size_t i = 0; t[i]; i++)
		if (t[i] != ' ' || (k > 0 && t[k - 1] != ' '))
			t[k++] = t[i];
	while (k > 0 && t[k - 1] == ' ')
		k--;
	t[k] = '\0';
	return t;
}

char *utf8_sanitize(const char *s, size_t len, bool keep_newlines)
{
	struct filter f = {.keep_newlines = keep_newlines, .drop_bidi = true};
	/* Display text is nearly always valid: grow only for invalid bytes. */
	size_t cap = len + 1;
	char *o = xmalloc(cap);
	size_t k = filter_text((const unsigned char *)s, len, &o, &cap, &f);
	o[k] = '\0';
	return o;
}
