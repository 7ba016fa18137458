/*
 * html_decode.c: page bytes into the UTF-8 gumbo parses.  The order is
 * the HTML standard's: a BOM, then the transport's charset (HTTP), then
 * a <meta charset> or http-equiv in the first 1024 bytes, else the
 * detection every imported file gets (utf8_clean: UTF-8, GB18030 or
 * Windows-1252).  Then html_prepass (html_prepass.c) drops what gumbo
 * need not parse.
 */
#include "diglot/common.h"
#include "html_int.h"
#include "diglot/utf8.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <uniconv.h>
#include <unistr.h>

/* WHATWG encoding labels we know, to iconv names. Latin-1 and ASCII are
 * Windows-1252 on the web, GB2312 and GBK are GB18030. */
static const struct {
	const char *label, *iconv;
} charsets[] = {
	{"utf-8", "UTF-8"}, {"utf8", "UTF-8"}, {"unicode-1-1-utf-8", "UTF-8"},
	{"utf-16", "UTF-16LE"}, {"utf-16le", "UTF-16LE"}, {"utf-16be", "UTF-16BE"},
	{"us-ascii", "CP1252"}, {"ascii", "CP1252"}, {"iso-8859-1", "CP1252"},
	{"iso8859-1", "CP1252"}, {"iso_8859-1", "CP1252"}, {"latin1", "CP1252"},
	{"l1", "CP1252"}, {"cp819", "CP1252"}, {"windows-1252", "CP1252"},
	{"cp1252", "CP1252"}, {"x-cp1252", "CP1252"},
	{"gb2312", "GB18030"}, {"gbk", "GB18030"}, {"gb18030", "GB18030"},
	{"x-gbk", "GB18030"}, {"csgb2312", "GB18030"}, {"chinese", "GB18030"},
	{"big5", "BIG5-HKSCS"}, {"big5-hkscs", "BIG5-HKSCS"}, {"x-x-big5", "BIG5-HKSCS"},
	{"shift_jis", "CP932"}, {"shift-jis", "CP932"}, {"sjis", "CP932"},
	{"x-sjis", "CP932"}, {"windows-31j", "CP932"}, {"ms_kanji", "CP932"},
	{"euc-jp", "EUC-JP"}, {"x-euc-jp", "EUC-JP"}, {"iso-2022-jp", "ISO-2022-JP"},
	{"euc-kr", "CP949"}, {"ks_c_5601-1987", "CP949"}, {"windows-949", "CP949"},
	{"koi8-r", "KOI8-R"}, {"koi8-u", "KOI8-U"}, {"ibm866", "CP866"},
	{"macintosh", "MACINTOSH"}, {"tis-620", "CP874"}, {"windows-874", "CP874"},
	{"iso-8859-2", "ISO-8859-2"}, {"iso-8859-5", "ISO-8859-5"},
	{"iso-8859-7", "ISO-8859-7"}, {"iso-8859-9", "CP1254"}, {"iso-8859-15", "ISO-8859-15"},
	{"windows-1250", "CP1250"}, {"windows-1251", "CP1251"}, {"windows-1253", "CP1253"},
	{"windows-1254", "CP1254"}, {"windows-1255", "CP1255"}, {"windows-1256", "CP1256"},
	{"windows-1257", "CP1257"}, {"windows-1258", "CP1258"},
};

const char *html_charset_name(const char *label, size_t n, bool from_meta)
{
	while (n && isspace((unsigned char)*label)) {
		label++;
		n--;
	}
	while (n && (isspace((unsigned char)label[n - 1]) || label[n - 1] == '"' ||
	             label[n - 1] == '\'' || label[n - 1] == ';'))
		n--;
	for (size_t i = 0; i < ARRAY_SIZE(charsets); i++) {
		if (strlen(charsets[i].label) == n && strncasecmp(label, charsets[i].label, n) == 0) {
			/* A page that says it is UTF-16 in ASCII bytes is not (the standard). */
			if (from_meta && strncmp(charsets[i].iconv, "UTF-16", 6) == 0)
				return "UTF-8";
			return charsets[i].iconv;
		}
	}
	return NULL;
}

/* The value of charset= in a content-type string, or NULL. */
static const char *charset_param(const char *s, size_t n, size_t *vlen)
{
	for (size_t i = 0; i + 7 < n; i++) {
		if (strncasecmp(s + i, "charset", 7) != 0)
			continue;
		size_t j = i + 7;
		while (j < n && s[j] == ' ')
			j++;
		if (j >= n || s[j] != '=')
			continue;
		j++;
		while (j < n && (s[j] == ' ' || s[j] == '"' || s[j] == '\''))
			j++;
		size_t k = j;
		while (k < n && s[k] != '"' && s[k] != '\'' && s[k] != ';' && s[k] != ' ')
			k++;
		*vlen = k - j;
		return s + j;
	}
	return NULL;
}

/* One attribute of a tag at s[*i] (after the name): name and value
 * spans; false at the tag's end. */
static bool next_attr(const char *s, size_t n, size_t *i, const char **name, size_t *nlen,
                      const char **val, size_t *vlen)
{
	size_t j = *i;
	while (j < n && (isspace((unsigned char)s[j]) || s[j] == '/'))
		j++;
	if (j >= n || s[j] == '>')
		return false;
	*name = s + j;
	while (j < n && !isspace((unsigned char)s[j]) && s[j] != '=' && s[j] != '>' && s[j] != '/')
		j++;
	*nlen = (size_t)(s + j - *name);
	*val = s + j;
	*vlen = 0;
	while (j < n && isspace((unsigned char)s[j]))
		j++;
	if (j < n && s[j] == '=') {
		j++;
		while (j < n && isspace((unsigned char)s[j]))
			j++;
		if (j < n && (s[j] == '"' || s[j] == '\'')) {
			char q = s[j++];
			*val = s + j;
			while (j < n && s[j] != q)
				j++;
			*vlen = (size_t)(s + j - *val);
			if (j < n)
				j++;
		} else {
			*val = s + j;
			while (j < n && !isspace((unsigned char)s[j]) && s[j] != '>')
				j++;
			*vlen = (size_t)(s + j - *val);
		}
	}
	*i = j;
	return true;
}

const char *html_prescan_charset(const char *s, size_t n)
{
	if (n > 1024)
		n = 1024;
	for (size_t i = 0; i + 5 < n; i++) {
		if (s[i] != '<')
			continue;
		if (strncmp(s + i, "<!--", 4) == 0) {
			const char *e = memmem(s + i + 4, n - i - 4, "-->", 3);
			if (!e)
				return NULL;
			i = (size_t)(e - s) + 2;
			continue;
		}
		if (strncasecmp(s + i + 1, "meta", 4) != 0 || !(isspace((unsigned char)s[i + 5]) || s[i + 5] == '/'))
			continue;
		size_t j = i + 5;
		const char *name, *val, *content = NULL, *cs = NULL;
		size_t nlen, vlen, clen = 0, cslen = 0;
		bool http_equiv = false;
		while (next_attr(s, n, &j, &name, &nlen, &val, &vlen)) {
			if (nlen == 7 && strncasecmp(name, "charset", 7) == 0) {
				cs = val;
				cslen = vlen;
			} else if (nlen == 10 && strncasecmp(name, "http-equiv", 10) == 0) {
				http_equiv = vlen == 12 && strncasecmp(val, "content-type", 12) == 0;
			} else if (nlen == 7 && strncasecmp(name, "content", 7) == 0) {
				content = val;
				clen = vlen;
			}
		}
		if (!cs && http_equiv && content)
			cs = charset_param(content, clen, &cslen);
		const char *name_ = cs ? html_charset_name(cs, cslen, true) : NULL;
		if (name_)
			return name_;
		i = j;
	}
	return NULL;
}

/* iconv into UTF-8, U+FFFD for what does not convert; NULL if iconv
 * does not know the encoding. */
static char *convert(const char *from, const char *s, size_t n, size_t *out_len)
{
	size_t len = 0;
	uint8_t *u = u8_conv_from_encoding(from, iconveh_replacement_character, s, n, NULL, NULL,
	                                   &len);
	if (!u)
		return NULL;
	char *o = xmalloc(len + 1);
	memcpy(o, u, len);
	o[len] = '\0';
	free(u);
	*out_len = len;
	return o;
}

/* A copy without NUL bytes (parsers drop them; utf8_clean refuses them). */
static char *without_nul(const char *s, size_t n, size_t *out_len)
{
	char *o = xmalloc(n + 1);
	size_t k = 0;
	for (size_t i = 0; i < n;) {
		const char *z = memchr(s + i, 0, n - i);
		size_t run = z ? (size_t)(z - s) - i : n - i;
		memcpy(o + k, s + i, run);
		k += run;
		i += run + 1;
	}
	o[k] = '\0';
	*out_len = k;
	return o;
}

/* u8_check's answer (is s[0..n) valid UTF-8?), eight ASCII bytes at a
 * time: u8_check's byte by byte was 0.19M instructions a page. */
static bool valid_utf8(const char *s, size_t n)
{
	const uint8_t *u = (const uint8_t *)s;
	size_t i = 0;
	while (i < n) {
		uint64_t w;
		if (i + 8 <= n && (memcpy(&w, u + i, 8), (w & 0x8080808080808080ull) == 0)) {
			i += 8;
		} else if (u[i] < 0x80) {
			i++;
		} else {
			ucs4_t c;
			int k = u8_mbtoucr(&c, u + i, n - i);
			if (k < 0)
				return false;
			i += (size_t)k;
		}
	}
	return true;
}

/* The page as UTF-8 without NUL bytes: bytes itself when it is that
 * (*owned NULL), else a copy the caller frees (*owned). */
static const char *to_utf8(const char *bytes, size_t len, const char *from, size_t *out_len,
                           char **owned)
{
	char *o = NULL;
	size_t olen = 0;
	*owned = NULL;
	if (from && strcmp(from, "UTF-8") != 0)
		o = convert(from, bytes, len, &olen);
	if (!o) {
		/* Most pages hold no NUL: read in place, not copied. */
		const char *s = bytes;
		size_t n = len;
		char *nonul = memchr(bytes, 0, len) ? without_nul(bytes, len, &n) : NULL;
		if (nonul)
			s = nonul;
		/* Declared UTF-8, or valid UTF-8: as it is (gumbo replaces bad
		 * bytes); else the detection import uses. */
		char *why = NULL;
		enum text_encoding enc;
		if (!from && n <= UTF8_MAX_INPUT && !valid_utf8(s, n) &&
		    utf8_clean(s, n, &o, &olen, &enc, &why) == DG_OK) {
			free(nonul);
		} else {
			free(why);
			*owned = nonul;
			*out_len = n;
			return s;
		}
	}
	if (memchr(o, 0, olen)) { /* UTF-16 may hold U+0000 */
		char *nonul = without_nul(o, olen, &olen);
		free(o);
		o = nonul;
	}
	*owned = o;
	*out_len = olen;
	return o;
}

char *html_decode(const char *bytes, size_t len, const char *charset, size_t *out_len,
                  struct html_name_memo *memo, bool article, struct html_runs *runs)
{
	const unsigned char *u = (const unsigned char *)bytes;
	const char *from = NULL;
	if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
		bytes += 3;
		len -= 3;
		from = "UTF-8";
	} else if (len >= 2 && u[0] == 0xFF && u[1] == 0xFE) {
		bytes += 2;
		len -= 2;
		from = "UTF-16LE";
	} else if (len >= 2 && u[0] == 0xFE && u[1] == 0xFF) {
		bytes += 2;
		len -= 2;
		from = "UTF-16BE";
	}
	if (!from && charset)
		from = html_charset_name(charset, strlen(charset), false);
	if (!from)
		from = html_prescan_charset(bytes, len);
	char *owned;
	size_t olen;
	const char *o = to_utf8(bytes, len, from, &olen, &owned);
	char *small = xmalloc(olen + 1);
	size_t slen = html_prepass(o, olen, small, memo, article, runs);
	free(owned);
	small[slen] = '\0';
	*out_len = slen;
	return small;
}

#define ARENA_CHUNK ((size_t)1 << 20)
#define ARENA_MAX ((size_t)256 << 20)
#define HDR 16 /* keeps gumbo's blocks 16-aligned; the tag is its first byte */

/* Out of line: inlined, it made arena_alloc's fast path save and restore
 * registers on every call. */
#if defined(__GNUC__)
#define ARENA_SLOW __attribute__((noinline))
#else
#define ARENA_SLOW
#endif

/* A block as the arena always placed it (n rounded): malloc'ed past the
 * cap or when large, else from the current chunk or a new one; then the
 * room arena_alloc's fast path may take without these checks. */
static ARENA_SLOW void *arena_alloc_slow(struct html_arena *a, size_t n)
{
	if (a->total + n > ARENA_MAX || n > ARENA_CHUNK / 4) {
		char *p = xmalloc(n);
		p[0] = 1; /* malloc'ed */
		a->big++;
		return p + HDR;
	}
	if (!a->cur || a->used + n > a->size) {
		xgrow(&a->chunks, &a->capchunks, a->nchunks + 1, sizeof *a->chunks);
		a->cur = xmalloc(ARENA_CHUNK);
		a->chunks[a->nchunks++] = a->cur;
		a->used = 0;
		a->size = ARENA_CHUNK;
		a->total += ARENA_CHUNK;
	}
	char *p = a->cur + a->used;
	a->used += n;
	/* None near the cap: there the slow path decides each block. */
	a->room = a->total + ARENA_CHUNK / 4 <= ARENA_MAX ? a->size - a->used : 0;
	p[0] = 0;
	return p + HDR;
}

/* gumbo's allocator (9,000 calls a page): a block that fits the room
 * left is the slow path's answer too, with two tests. */
static void *arena_alloc(void *ud, size_t n)
{
	struct html_arena *a = ud;
	n = (n + HDR + 15) & ~(size_t)15;
	if (n > a->room || n > ARENA_CHUNK / 4)
		return arena_alloc_slow(a, n);
	char *p = a->cur + a->used;
	a->used += n;
	a->room -= n;
	p[0] = 0;
	return p + HDR;
}

static void arena_free(void *ud, void *ptr)
{
	struct html_arena *a = ud;
	if (!ptr)
		return;
	char *p = (char *)ptr - HDR;
	if (p[0] == 1) {
		free(p);
		a->big--;
	}
}

static void arena_destroy(struct html_arena *a)
{
	for (size_t i = 0; i < a->nchunks; i++)
		free(a->chunks[i]);
	free(a->chunks);
	free(a);
}

enum dg_status html_doc_parse(const char *bytes, size_t len, const char *charset, bool article,
                              struct html_doc *d, char **cause)
{
	memset(d, 0, sizeof *d);
	if (len > HTML_MAX_INPUT)
		return dg_fail(cause, DG_ERR, "page too large (over %zu MiB)", HTML_MAX_INPUT >> 20);
	d->memo = xcalloc(1, sizeof *d->memo);
	d->utf8 = html_decode(bytes, len, charset, &d->len, d->memo, article, &d->runs);
	d->arena = xcalloc(1, sizeof *d->arena);
	d->opt = kGumboDefaultOptions;
	d->opt.max_errors = 0; /* no error list: nobody reads it */
	d->opt.allocator = arena_alloc;
	d->opt.deallocator = arena_free;
	d->opt.userdata = d->arena;
	d->out = gumbo_parse_with_options(&d->opt, d->utf8, d->len);
	if (!d->out) {
		arena_destroy(d->arena);
		free(d->utf8);
		free(d->memo);
		html_runs_free(&d->runs);
		d->utf8 = NULL;
		d->memo = NULL;
		return dg_fail(cause, DG_ERR, "HTML parser failed");
	}
	html_runs_expand(&d->runs, d->out->document, d->utf8, &d->opt);
	return DG_OK;
}

void html_doc_free(struct html_doc *d)
{
	/* gumbo's tree only frees what went past the cap: its walk over every
	 * node (0.08M instructions a page) is for pages that have such blocks. */
	if (d->out && d->arena && d->arena->big)
		gumbo_destroy_output(&d->opt, d->out);
	if (d->arena)
		arena_destroy(d->arena);
	free(d->utf8);
	free(d->memo);
	html_runs_free(&d->runs);
	memset(d, 0, sizeof *d);
}

bool html_sniff(const char *bytes, size_t len)
{
	const unsigned char *u = (const unsigned char *)bytes;
	char head[512];
	size_t n = 0, i = 0;
	/* UTF-16 with a BOM: its ASCII, one byte in two. */
	if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
		size_t off = u[0] == 0xFF ? 2 : 3;
		for (i = off; i < len && n < sizeof head - 1; i += 2)
			head[n++] = (char)u[i];
	} else {
		if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
			i = 3;
		for (; i < len && n < sizeof head - 1; i++)
			head[n++] = (char)u[i];
	}
	head[n] = '\0';
	size_t p = 0;
	for (int guard = 0; guard < 16; guard++) {
		while (p < n && isspace((unsigned char)head[p]))
			p++;
		if (strncmp(head + p, "<!--", 4) == 0 || strncmp(head + p, "<?", 2) == 0) {
			const char *e = strstr(head + p, head[p + 1] == '?' ? "?>" : "-->");
			if (!e)
				return false;
			p = (size_t)(e - head) + (head[p + 1] == '?' ? 2 : 3);
			continue;
		}
		break;
	}
	static const char *const starts[] = {"<!doctype html", "<html", "<head", "<body",
	                                     "<meta", "<title"};
	for (size_t k = 0; k < ARRAY_SIZE(starts); k++) {
		size_t l = strlen(starts[k]);
		if (p + l < n && strncasecmp(head + p, starts[k], l) == 0) {
			char c = head[p + l];
			if (isspace((unsigned char)c) || c == '>' || c == '/')
				return true;
		}
	}
	return false;
}
