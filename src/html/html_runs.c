/*
 * html_runs.c: text that gumbo need not read (and, the same way, long
 * attribute values and JSON-LD: gumbo reads them a character at a time
 * too; the tree builder reads none of them).  gumbo makes a token of
 * every character of text (about 50 instructions each, measured with
 * callgrind); a run of plain text between two tags means nothing to the
 * tree builder but "some text here".  The pre-pass puts a placeholder in
 * its place, one private-use character that numbers the run (U+E000 +
 * n for the first 3,840, three bytes, then U+F0000 + n and U+100000 + n,
 * four), and keeps where the run was; once the tree is built each text
 * node gets its runs back.  Only plain runs are replaced: no CR
 * (gumbo's newlines), no control, C1, noncharacter or invalid UTF-8
 * (gumbo's to replace), and no character reference but the five of XML,
 * &nbsp; and numeric ones to a plain character (decoded here as the
 * tokenizer does; any other is gumbo's); and only with placeholders no
 * character of the page is, neither as such nor as a numeric character
 * reference.  Icon fonts put theirs at U+E000.. (IcoMoon's U+E900,
 * Material's U+E000..U+EB60: 4 of the 143 pages): such a page has its
 * runs numbered in planes 15 and 16 alone.
 */
#include "diglot/common.h"
#include "html_int.h"
#include "diglot/sbuf.h"

#include <stdlib.h>
#include <string.h>
#include <unistr.h>

/* The placeholders' numbers: U+E000..U+EEFF (U+EF00.. are html_names.c's
 * codes), then planes 15 and 16 without their noncharacters, and in 16
 * short of U+10FFC0.. (the codes where the page has U+EF00..). */
#define RUNS_BMP 0xF00
#define RUNS_PLANE 0xFFFE
#define RUNS_PLANE16 0xFFC0
#define RUNS_MAX (RUNS_BMP + RUNS_PLANE + RUNS_PLANE16)
/* A placeholder is one token to gumbo, a run's text one a character: a
 * run is worth one from as many bytes as its placeholder has. */
#define RUN_MIN 3

/* Is v a placeholder's character (or a name code's)? */
static bool pua(unsigned long v)
{
	return (v >= 0xE000 && v <= 0xEFFF) || (v >= 0xF0000 && v <= 0x10FFFF);
}

/* What a private-use character v means to the runs: 0 nothing (not one
 * of theirs), 1 one of the BMP placeholders' (U+E000..U+EEFF): runs in
 * the planes, 2 one of the name codes' (U+EF00..U+EFFF): codes in plane
 * 16 too, 3 a plane placeholder's: no runs. */
static int pua_class(unsigned long v)
{
	if (v >= 0xE000 && v <= 0xEEFF)
		return 1;
	if (v >= 0xEF00 && v <= 0xEFFF)
		return 2;
	return pua(v) ? 3 : 0;
}

/* The highest pua_class of the numeric character references in s[0..n). */
static int pua_references(const char *s, size_t n)
{
	int worst = 0;
	for (const char *p = s; (p = memchr(p, '&', (size_t)(s + n - p))) != NULL; p++) {
		if (p + 2 >= s + n || p[1] != '#')
			continue;
		const char *q = p + 2;
		bool hex = *q == 'x' || *q == 'X';
		q += hex;
		unsigned long v = 0;
		while (q < s + n && v < 0x110000) {
			unsigned d;
			if (*q >= '0' && *q <= '9')
				d = (unsigned)(*q - '0');
			else if (hex && ((*q | 32) >= 'a' && (*q | 32) <= 'f'))
				d = (unsigned)((*q | 32) - 'a' + 10);
			else
				break;
			v = v * (hex ? 16 : 10) + d;
			q++;
		}
		int c = pua_class(v);
		if (c == 3)
			return 3;
		worst = c > worst ? c : worst;
	}
	return worst;
}

/* The highest pua_class of the characters of s[0..n): U+E000..U+EFFF
 * are 0xEE and two more bytes in UTF-8 (U+EF00.. 0xEE 0xBC..), planes
 * 15 and 16 0xF3 0xB0.. and 0xF4. */
static int pua_characters(const char *s, size_t n)
{
	if (memchr(s, 0xF4, n))
		return 3;
	for (const char *p = s; (p = memchr(p, 0xF3, (size_t)(s + n - p))) != NULL; p++)
		if (p + 1 < s + n && (unsigned char)p[1] >= 0xB0)
			return 3;
	int worst = 0;
	for (const char *p = s; worst < 2 && (p = memchr(p, 0xEE, (size_t)(s + n - p))) != NULL; p++)
		worst = p + 1 < s + n && (unsigned char)p[1] >= 0xBC ? 2 : 1;
	return worst;
}

bool html_runs_allowed(const char *s, size_t n, size_t *first, bool *codes_high)
{
	int c = pua_characters(s, n);
	if (c < 3) {
		int r = pua_references(s, n);
		c = r > c ? r : c;
	}
	*first = c >= 1 ? RUNS_BMP : 0;
	*codes_high = c == 2;
	return c < 3;
}

/* Eight bytes at u all printable ASCII (0x20..0x7E)? */
static bool printable8(const unsigned char *u)
{
	uint64_t x;
	memcpy(&x, u, 8);
	const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
	/* A byte below 0x20 or above 0x7E (high bit set after adding 1). */
	uint64_t below = (x - ones * 0x20) & ~x & high, above = ((x + ones) | x) & high;
	return !(below | above);
}

/* Is u[0..len) (len 2 to 4, all there) one valid UTF-8 character (RFC
 * 3629: no overlong form, surrogate or code point past U+10FFFF) that
 * gumbo keeps (not C1, not a noncharacter)? */
static bool plain_sequence(const unsigned char *u, size_t len)
{
	for (size_t k = 1; k < len; k++)
		if ((u[k] & 0xC0) != 0x80)
			return false;
	unsigned c = u[0], c1 = u[1];
	if (len == 2)
		return c != 0xC2 || c1 >= 0xA0; /* C1 */
	if (len == 3)
		return !(c == 0xE0 && c1 < 0xA0) && !(c == 0xED && c1 >= 0xA0) &&
		       !(c == 0xEF && ((c1 == 0xB7 && u[2] >= 0x90 && u[2] <= 0xAF) || (c1 == 0xBF && u[2] >= 0xBE)));
	return !(c == 0xF0 && c1 < 0x90) && !(c == 0xF4 && c1 >= 0x90) && !(u[2] == 0xBF && u[3] >= 0xBE);
}

/* One pass, a character a step: a byte loop and then u8_check read CJK
 * text twice, byte by byte (a tenth of the pre-pass).  cr: a CR is plain
 * too (a run's text has it as the tokenizer's input stream makes it). */
static bool plain(const char *s, size_t n, bool cr)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	while (i < n) {
		while (i + 8 <= n && printable8(u + i))
			i += 8;
		if (i >= n)
			break;
		unsigned char c = u[i];
		if (c < 0x80) {
			if ((c < 0x20 && c != '\t' && c != '\n' && c != '\f' && !(cr && c == '\r')) || c == 0x7F)
				return false; /* CR, controls, DEL */
			i++;
			continue;
		}
		size_t len = c < 0xC2 ? 0 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : c < 0xF5 ? 4 : 0;
		if (!len || len > n - i || !plain_sequence(u + i, len))
			return false;
		i += len;
	}
	return true;
}

bool html_runs_plain(const char *s, size_t n)
{
	return plain(s, n, false);
}

/* A numeric reference's value to a plain character (none the tokenizer
 * would replace or remap), else 0. */
static unsigned long plain_char(unsigned long v)
{
	if (v == '\t' || v == '\n' || v == '\f' || (v >= 0x20 && v < 0x7f))
		return v;
	if (v < 0xA0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF) || (v >= 0xFDD0 && v <= 0xFDEF) ||
	    (v & 0xFFFE) == 0xFFFE || pua(v))
		return 0;
	return v;
}

/* In an attribute value a name and '=' after '&' ("?a=1&copy=2") is no
 * reference: the tokenizer keeps the '&' even where a reference's name
 * without ';' ("copy") begins the name (the standard's rule for old
 * URLs; gumbo follows it). */
static bool attr_literal(const char *s, size_t n)
{
	size_t p = 1;
	while (p < n && ((s[p] >= '0' && s[p] <= '9') || ((s[p] | 32) >= 'a' && (s[p] | 32) <= 'z')))
		p++;
	return p > 1 && p < n && s[p] == '=';
}

/* The reference at s[0..n) ('&' first) decoded into b: its length, 0
 * when it is not one of ours (gumbo's then), 1 for a bare '&'. */
static size_t reference(const char *s, size_t n, bool attr, struct sbuf *b)
{
	/* The XML five, and the references of European text and typography
	 * most seen in the 143 pages' runs, each with its ';' (without it a
	 * reference is gumbo's to read: "&copy" is one, "&copyx" in a value
	 * not); their characters are gumbo's (checked with gumbo 0.10.1). */
	static const struct {
		const char *ref;
		unsigned cp;
	} named[] = {
		{"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''},
		{"&nbsp;", 0xA0}, {"&copy;", 0xA9}, {"&laquo;", 0xAB}, {"&shy;", 0xAD}, {"&reg;", 0xAE},
		{"&deg;", 0xB0}, {"&middot;", 0xB7}, {"&raquo;", 0xBB}, {"&Auml;", 0xC4},
		{"&Eacute;", 0xC9}, {"&Ouml;", 0xD6}, {"&Uuml;", 0xDC}, {"&szlig;", 0xDF},
		{"&agrave;", 0xE0}, {"&aacute;", 0xE1}, {"&acirc;", 0xE2}, {"&atilde;", 0xE3},
		{"&auml;", 0xE4}, {"&aring;", 0xE5}, {"&aelig;", 0xE6}, {"&ccedil;", 0xE7},
		{"&egrave;", 0xE8}, {"&eacute;", 0xE9}, {"&ecirc;", 0xEA}, {"&euml;", 0xEB},
		{"&iacute;", 0xED}, {"&iuml;", 0xEF}, {"&ntilde;", 0xF1}, {"&oacute;", 0xF3},
		{"&ocirc;", 0xF4}, {"&ouml;", 0xF6}, {"&oslash;", 0xF8}, {"&ugrave;", 0xF9},
		{"&uacute;", 0xFA}, {"&uuml;", 0xFC}, {"&oelig;", 0x153}, {"&thinsp;", 0x2009},
		{"&ndash;", 0x2013}, {"&mdash;", 0x2014}, {"&lsquo;", 0x2018}, {"&rsquo;", 0x2019},
		{"&ldquo;", 0x201C}, {"&rdquo;", 0x201D}, {"&bdquo;", 0x201E}, {"&hellip;", 0x2026},
		{"&euro;", 0x20AC},
	};
	if (n < 2 || (!(s[1] >= '0' && s[1] <= '9') && !((s[1] | 32) >= 'a' && (s[1] | 32) <= 'z') &&
	              s[1] != '#')) {
		sbuf_addc(b, '&'); /* no reference can start here: the tokenizer keeps '&' */
		return 1;
	}
	if (attr && attr_literal(s, n)) {
		sbuf_addc(b, '&');
		return 1;
	}
	if (s[1] != '#') {
		for (size_t i = 0; i < ARRAY_SIZE(named); i++) {
			if (s[1] != named[i].ref[1])
				continue;
			size_t l = strlen(named[i].ref);
			if (n >= l && memcmp(s, named[i].ref, l) == 0) {
				uint8_t u[6];
				int k = u8_uctomb(u, (ucs4_t)named[i].cp, sizeof u);
				sbuf_add(b, (const char *)u, (size_t)k);
				return l;
			}
		}
		return 0;
	}
	size_t p = 2;
	bool hex = p < n && (s[p] == 'x' || s[p] == 'X');
	p += hex;
	unsigned long v = 0;
	size_t d = 0;
	for (; p < n && d < 7; p++, d++) {
		char c = s[p];
		if (c >= '0' && c <= '9')
			v = v * (hex ? 16 : 10) + (unsigned long)(c - '0');
		else if (hex && (c | 32) >= 'a' && (c | 32) <= 'f')
			v = v * 16 + (unsigned long)((c | 32) - 'a' + 10);
		else
			break;
	}
	if (!d || p >= n || s[p] != ';' || !(v = plain_char(v)))
		return 0;
	uint8_t u[6];
	int k = u8_uctomb(u, (ucs4_t)v, sizeof u);
	if (k <= 0)
		return 0;
	sbuf_add(b, (const char *)u, (size_t)k);
	return p + 1;
}

bool html_runs_decode(const char *s, size_t n, bool attr, struct sbuf *b)
{
	size_t mark = b->len;
	for (size_t i = 0; i < n;) {
		const char *amp = memchr(s + i, '&', n - i);
		size_t e = amp ? (size_t)(amp - s) : n;
		sbuf_add(b, s + i, e - i);
		if (e >= n)
			break;
		size_t l = reference(s + e, n - e, attr, b);
		if (!l) {
			sbuf_truncate(b, mark);
			return false;
		}
		i = e + l;
	}
	return true;
}

/* s[0..n) with CR LF and CR as LF, in a new string of *len bytes. */
static char *newlines(const char *s, size_t n, size_t *len)
{
	char *o = xmalloc(n);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] != '\r')
			o[k++] = s[i];
		else if (i + 1 >= n || s[i + 1] != '\n')
			o[k++] = '\n';
	}
	*len = k;
	return o;
}

size_t html_runs_put(struct html_runs *r, enum html_run_kind kind, const char *s, size_t n,
                     char *out)
{
	size_t num = r->first + r->n;
	size_t ph = num < RUNS_BMP ? 3 : 4; /* the placeholder's bytes */
	if (n < RUN_MIN || n < ph || num >= RUNS_MAX || !plain(s, n, true))
		return 0;
	size_t k = 0;
	while (k < n && (s[k] == ' ' || s[k] == '\t' || s[k] == '\n' || s[k] == '\f' || s[k] == '\r'))
		k++;
	if (k == n)
		return 0; /* whitespace: the tree builder tells it apart */
	/* CR LF and a CR alone are LF in the tokenizer's input stream, before
	 * any reference is read ("\r&#10;" is two newlines). */
	char *lf = memchr(s, '\r', n) ? newlines(s, n, &n) : NULL;
	if (lf)
		s = lf;
	size_t mark = r->text.len;
	bool ok = true;
	if (kind == RUN_RAW)
		sbuf_add(&r->text, s, n);
	else
		ok = html_runs_decode(s, n, kind == RUN_ATTR, &r->text);
	free(lf);
	if (!ok)
		return 0; /* gumbo's to decode */
	xgrow(&r->v, &r->cap, r->n + 1, sizeof *r->v);
	r->v[r->n++] = (struct html_run){mark, r->text.len - mark, 0};
	if (num < RUNS_BMP) {
		out[0] = (char)0xEE;
		out[1] = (char)(0x80 + (num >> 6));
		out[2] = (char)(0x80 + (num & 63));
		return 3;
	}
	num -= RUNS_BMP;
	unsigned long cp = num < RUNS_PLANE ? 0xF0000 + num : 0x100000 + (num - RUNS_PLANE);
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 63));
	out[2] = (char)(0x80 | ((cp >> 6) & 63));
	out[3] = (char)(0x80 | (cp & 63));
	return 4;
}

/* The run a placeholder at u (len bytes left) numbers, its bytes in *w;
 * RUNS_MAX when none. */
static size_t placeholder(const unsigned char *u, size_t len, size_t *w)
{
	if (u[0] == 0xEE && len >= 3 && u[1] >= 0x80 && u[1] < 0x80 + RUNS_BMP / 64 && u[2] >= 0x80 &&
	    u[2] < 0xC0) {
		*w = 3;
		return (size_t)(u[1] - 0x80) << 6 | (size_t)(u[2] - 0x80);
	}
	if ((u[0] == 0xF3 || u[0] == 0xF4) && len >= 4 && (u[1] & 0xC0) == 0x80 &&
	    (u[2] & 0xC0) == 0x80 && (u[3] & 0xC0) == 0x80) {
		unsigned long cp = (unsigned long)(u[0] & 7) << 18 | (unsigned long)(u[1] & 63) << 12 |
		                   (unsigned long)(u[2] & 63) << 6 | (unsigned long)(u[3] & 63);
		*w = 4;
		if (cp >= 0xF0000 && cp < 0xF0000 + RUNS_PLANE)
			return RUNS_BMP + (cp - 0xF0000);
		if (cp >= 0x100000 && cp < 0x100000 + RUNS_PLANE16)
			return RUNS_BMP + RUNS_PLANE + (cp - 0x100000);
	}
	return RUNS_MAX;
}

/* The run numbered num, r->n when none. */
static size_t run_of(const struct html_runs *r, size_t num)
{
	return num >= r->first && num - r->first < r->n ? num - r->first : r->n;
}

size_t html_runs_at(const struct html_runs *r, const unsigned char *u, size_t len, size_t *w)
{
	return *u == 0xEE || *u == 0xF3 || *u == 0xF4 ? run_of(r, placeholder(u, len, w)) : r->n;
}

size_t html_runs_put_link(struct html_runs *r, const char *s, size_t n, size_t set, char *out)
{
	size_t w = html_runs_put(r, RUN_TEXT, s, n, out);
	if (w) {
		r->v[r->n - 1].link = set == HTML_LINK_BARE ? set : set + 1;
		r->nlinks++;
	}
	return w;
}

/* Where t holds a placeholder's first byte, or NULL. */
static const char *has_placeholder(const char *t)
{
	for (const unsigned char *u = (const unsigned char *)t; *u; u++)
		if (*u == 0xEE || *u == 0xF3 || *u == 0xF4)
			return (const char *)u;
	return NULL;
}

void html_runs_free(struct html_runs *r)
{
	free(r->v);
	free(r->sets);
	free(r->attr);
	free(r->atext);
	sbuf_free(&r->text);
	memset(r, 0, sizeof *r);
}

/* t with its placeholders replaced by their runs, in the arena (NULL when
 * it has none). */
static char *expand(const struct html_runs *r, const char *t,
                    void *(*alloc)(void *, size_t), void *ud)
{
	if (!has_placeholder(t))
		return NULL;
	size_t len = strlen(t), out = 0;
	for (int pass = 0; pass < 2; pass++) {
		char *o = pass ? alloc(ud, out + 1) : NULL;
		size_t k = 0;
		for (size_t i = 0; i < len;) {
			const unsigned char *u = (const unsigned char *)t + i;
			size_t w = 0, idx = *u >= 0xEE ? run_of(r, placeholder(u, len - i, &w)) : r->n;
			if (idx < r->n) {
				if (o)
					memcpy(o + k, r->text.s + r->v[idx].off, r->v[idx].len);
				k += r->v[idx].len;
				i += w;
				continue;
			}
			if (o)
				o[k] = t[i];
			k++;
			i++;
		}
		if (o) {
			o[k] = '\0';
			return o;
		}
		out = k;
	}
	return NULL;
}

char *html_runs_text(const struct html_runs *r, const char *t, size_t n, const GumboOptions *opt)
{
	char *c = opt->allocator(opt->userdata, n + 1);
	memcpy(c, t, n);
	c[n] = '\0';
	char *x = expand(r, c, opt->allocator, opt->userdata);
	if (!x)
		return c;
	opt->deallocator(opt->userdata, c);
	return x;
}

static void expand_attrs(const struct html_runs *r, GumboVector *attrs, const GumboOptions *opt)
{
	for (unsigned i = 0; i < attrs->length; i++) {
		GumboAttribute *a = attrs->data[i];
		char *x = expand(r, a->value, opt->allocator, opt->userdata);
		if (x) {
			opt->deallocator(opt->userdata, (void *)a->value);
			a->value = x;
		}
	}
}

void html_runs_expand(const struct html_runs *r, GumboNode *root, const char *base,
                      const GumboOptions *opt)
{
	if (!r->n && !r->nsets)
		return;
	size_t hint = 0;
	GumboNode **st = NULL;
	size_t depth = 0, cap = 0;
	xgrow(&st, &cap, 1, sizeof *st);
	st[depth++] = root;
	while (depth) {
		GumboNode *n = st[--depth];
		if (n->type == GUMBO_NODE_TEXT && r->nlinks && html_links_split(r, n, opt))
			continue;
		if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA) {
			char *x = expand(r, n->v.text.text, opt->allocator, opt->userdata);
			if (x) {
				opt->deallocator(opt->userdata, (void *)n->v.text.text);
				n->v.text.text = x;
			}
			continue;
		}
		if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_DOCUMENT &&
		    n->type != GUMBO_NODE_TEMPLATE)
			continue;
		/* Attributes kept apart hold no placeholder. */
		if (n->type != GUMBO_NODE_DOCUMENT && !html_attrs_give_back(r, n, base, &hint, opt) && r->n)
			expand_attrs(r, &n->v.element.attributes, opt);
		GumboVector *kids = n->type == GUMBO_NODE_DOCUMENT ? &n->v.document.children
		                                                   : &n->v.element.children;
		xgrow(&st, &cap, depth + kids->length, sizeof *st);
		for (unsigned i = kids->length; i-- > 0;)
			st[depth++] = kids->data[i];
	}
	free(st);
}
