/*
 * feed_enc.c: which encoding a feed's bytes are in, and those bytes as
 * clean UTF-8.  The order is RFC 3023's: a byte order mark (or the
 * UTF-16/32 pattern of "<?" without one), then the HTTP charset, then
 * the XML declaration, then detection: the legacy encodings of
 * feed_detect.c, else the detection import uses (utf8_clean).  A
 * declared charset that does not decode the bytes strictly (a lie, or a
 * name iconv does not know) is passed over, so no text is ever garbage.
 * The result goes through utf8_clean as well: controls, escapes and NULs,
 * which XML forbids and terminals must never see, are gone before
 * libxml2 reads it.
 */
#include "feed_int.h"
#include "diglot/utf8.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <uniconv.h>
#include <unistr.h>

/* Byte order marks, and the first characters "<?" or "{" in UTF-16/32. */
static const char *sniff(const unsigned char *s, size_t n, size_t *skip)
{
	*skip = 0;
	if (n >= 4 && !memcmp(s, "\x00\x00\xfe\xff", 4))
		return *skip = 4, "UTF-32BE";
	if (n >= 4 && !memcmp(s, "\xff\xfe\x00\x00", 4))
		return *skip = 4, "UTF-32LE";
	if (n >= 3 && !memcmp(s, "\xef\xbb\xbf", 3))
		return *skip = 3, "UTF-8";
	if (n >= 2 && !memcmp(s, "\xfe\xff", 2))
		return *skip = 2, "UTF-16BE";
	if (n >= 2 && !memcmp(s, "\xff\xfe", 2))
		return *skip = 2, "UTF-16LE";
	if (n >= 4 && s[0] == 0 && s[1] == 0 && s[2] == 0 && s[3] != 0)
		return "UTF-32BE";
	if (n >= 4 && s[0] != 0 && s[1] == 0 && s[2] == 0 && s[3] == 0)
		return "UTF-32LE";
	if (n >= 4 && s[0] == 0 && s[1] != 0 && s[2] == 0 && s[3] != 0)
		return "UTF-16BE";
	if (n >= 4 && s[0] != 0 && s[1] == 0 && s[2] != 0 && s[3] == 0)
		return "UTF-16LE";
	return NULL;
}

/* The encoding="..." of an ASCII-compatible XML declaration, copied into
 * buf; false when there is none. */
static bool declared(const char *s, size_t n, char *buf, size_t cap)
{
	if (n < 6 || memcmp(s, "<?xml", 5) != 0)
		return false;
	const char *end = memchr(s, '>', MIN(n, 512));
	if (!end)
		return false;
	for (const char *p = s + 5; p + 8 < end; p++) {
		if (memcmp(p, "encoding", 8) != 0)
			continue;
		p += 8;
		while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n' || *p == '='))
			p++;
		if (p >= end || (*p != '"' && *p != '\''))
			return false;
		char q = *p++;
		size_t i = 0;
		while (p < end && *p != q && i + 1 < cap)
			buf[i++] = *p++;
		buf[i] = '\0';
		return i > 0;
	}
	return false;
}

/* iconv's name for a charset label: the Latin-1 labels read as
 * Windows-1252 (as browsers do: its C1 range holds the quotes and dashes
 * such feeds really mean), the Chinese and Korean ones as their
 * supersets.  lower is the label in lower case. */
static const char *iconv_name(const char *lower)
{
	static const struct { const char *label, *name; } alias[] = {
		{"iso-8859-1", "CP1252"}, {"iso8859-1", "CP1252"}, {"latin1", "CP1252"},
		{"latin-1", "CP1252"}, {"us-ascii", "ASCII"}, {"ascii", "ASCII"},
		{"windows-1252", "CP1252"}, {"cp1252", "CP1252"}, {"gb2312", "GB18030"},
		{"gbk", "GB18030"}, {"x-gbk", "GB18030"}, {"euc-kr", "CP949"}, {"ks_c_5601-1987", "CP949"},
		{"shift_jis", "CP932"}, {"sjis", "CP932"}, {"x-sjis", "CP932"}, {"utf8", "UTF-8"},
		{"big5", "BIG5-HKSCS"}, {"tis-620", "CP874"}, {"unicode", "UTF-16"},
	};
	for (size_t i = 0; i < ARRAY_SIZE(alias); i++)
		if (strcmp(lower, alias[i].label) == 0)
			return alias[i].name;
	return lower;
}

/* Strict conversion from label (any case) to UTF-8; NULL when it fails. */
static char *convert(const char *label, const char *s, size_t n, size_t *outlen)
{
	char lower[64];
	size_t i = 0;
	for (; label[i] && i + 1 < sizeof lower; i++)
		lower[i] = (char)tolower((unsigned char)label[i]);
	lower[i] = '\0';
	if (!i || label[i])
		return NULL;
	const char *name = iconv_name(lower);
	if (strcmp(name, "UTF-8") == 0 || strcmp(lower, "utf-8") == 0) {
		/* iconv passes some invalid UTF-8; utf8_clean's census decides. */
		return NULL;
	}
	/* UTF-16 without a BOM: big-endian, as RFC 2781 says. */
	if (strcmp(name, "utf-16") == 0)
		name = "UTF-16BE";
	if (strcmp(name, "utf-32") == 0)
		name = "UTF-32BE";
	size_t len = 0;
	char *u = (char *)u8_conv_from_encoding(name, iconveh_error, s, n, NULL, NULL, &len);
	if (!u)
		return NULL;
	*outlen = len;
	return u;
}

/* NULs out (utf8_clean refuses text holding one), C1 controls of valid
 * UTF-8 as the Windows-1252 characters they stand for, then the clean
 * pass. */
static enum dg_status clean(char *s, size_t n, char **out, size_t *outlen,
                            enum text_encoding *enc, char **cause)
{
	size_t j = 0;
	for (size_t i = 0; i < n; i++)
		if (s[i])
			s[j++] = s[i];
	if (u8_check((const uint8_t *)s, j) != NULL)
		return utf8_clean(s, j, out, outlen, enc, cause);
	char *d = feed_demoronize(s, j);
	enum dg_status st = utf8_clean(d, strlen(d), out, outlen, enc, cause);
	free(d);
	return st;
}

static bool is_utf8_label(const char *label)
{
	char lower[16];
	size_t i = 0;
	for (; label[i] && i + 1 < sizeof lower; i++)
		lower[i] = (char)tolower((unsigned char)label[i]);
	lower[i] = '\0';
	return !label[i] && (strcmp(lower, "utf-8") == 0 || strcmp(lower, "utf8") == 0);
}

/* A label read as Windows-1252 (iconv_name). */
static bool latin(const char *label)
{
	char lower[16];
	size_t i = 0;
	for (; label[i] && i + 1 < sizeof lower; i++)
		lower[i] = (char)tolower((unsigned char)label[i]);
	lower[i] = '\0';
	return !label[i] && strcmp(iconv_name(lower), "CP1252") == 0;
}

static bool has_utf8_multibyte(const char *s, size_t n)
{
	if (u8_check((const uint8_t *)s, n) != NULL)
		return false;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80)
			return true;
	return false;
}

static char *lower_dup(const char *s)
{
	char *d = xstrdup(s);
	for (char *p = d; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	return d;
}

enum dg_status feed_decode(const char *bytes, size_t len, const char *http_charset,
                           char **out, size_t *outlen, char **encoding, char **cause)
{
	size_t skip;
	const char *family = sniff((const unsigned char *)bytes, len, &skip);
	char decl[64];
	const char *cand[3];
	size_t ncand = 0;
	if (family && skip) /* a BOM: nothing else is believable */
		cand[ncand++] = family;
	else {
		if (http_charset && *http_charset)
			cand[ncand++] = http_charset;
		if (!family && declared(bytes, len, decl, sizeof decl))
			cand[ncand++] = decl;
		if (family)
			cand[ncand++] = family;
	}
	const char *s = bytes + skip;
	size_t n = len - skip;
	for (size_t i = 0; i < ncand; i++) {
		size_t ulen = 0;
		char *u = NULL;
		if (is_utf8_label(cand[i])) {
			/* Declared UTF-8: taken when the bytes are UTF-8, else the
			 * detection below decides. */
			if (u8_check((const uint8_t *)s, n) != NULL)
				continue;
			u = xstrndup(s, n);
			ulen = n;
		} else if (latin(cand[i]) && has_utf8_multibyte(s, n)) {
			/* "ISO-8859-1" over bytes that are valid UTF-8 with
			 * multi-byte sequences: a server's or template's default,
			 * not the truth (Latin-1 text is almost never valid UTF-8). */
			u = xstrndup(s, n);
			ulen = n;
			cand[i] = "utf-8";
		} else if (!(u = convert(cand[i], s, n, &ulen)))
			continue;
		enum dg_status st = clean(u, ulen, out, outlen, NULL, cause);
		free(u);
		if (st == DG_OK) {
			/* Named as what decoded it when that is a superset. */
			char *l = lower_dup(cand[i]);
			if (!strcmp(l, "gb2312") || !strcmp(l, "gbk") || !strcmp(l, "x-gbk")) {
				free(l);
				l = xstrdup("gb18030");
			}
			*encoding = l;
		}
		return st;
	}
	const char *name;
	const char *label = u8_check((const uint8_t *)s, n) ? feed_detect(s, n, &name) : NULL;
	if (label) {
		size_t ulen = 0;
		char *u = (char *)u8_conv_from_encoding(name, iconveh_error, s, n, NULL, NULL, &ulen);
		if (u) {
			enum dg_status st = clean(u, ulen, out, outlen, NULL, cause);
			free(u);
			if (st == DG_OK)
				*encoding = xstrdup(label);
			return st;
		}
	}
	char *copy = xmalloc(n + 1);
	memcpy(copy, s, n);
	enum text_encoding enc = ENC_UTF8;
	enum dg_status st = clean(copy, n, out, outlen, &enc, cause);
	free(copy);
	if (st == DG_OK)
		*encoding = xstrdup(enc == ENC_GB18030 ? "gb18030" : enc == ENC_CP1252 ? "windows-1252"
		                                                                         : "utf-8");
	return st;
}
