/*
 * feed_text.c: the small text jobs of feed parsing: HTML titles into
 * plain lines, character references, RFC 3986 resolution.  Titles only:
 * item content stays HTML for the HTML module, so this strips tags the
 * simple way and never builds a tree.  Entity names come from libxml2's
 * HTML table, URI resolution from its uri.c (RFC 3986).
 */
#include "feed_int.h"
#include "diglot/utf8.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistr.h>
#include <libxml/HTMLparser.h>
#include <libxml/uri.h>

static void add_cp(struct sbuf *b, uint32_t cp)
{
	char o[4];
	size_t n;
	if (cp < 0x80)
		o[0] = (char)cp, n = 1;
	else if (cp < 0x800)
		o[0] = (char)(0xc0 | cp >> 6), o[1] = (char)(0x80 | (cp & 0x3f)), n = 2;
	else if (cp < 0x10000)
		o[0] = (char)(0xe0 | cp >> 12), o[1] = (char)(0x80 | ((cp >> 6) & 0x3f)),
		o[2] = (char)(0x80 | (cp & 0x3f)), n = 3;
	else
		o[0] = (char)(0xf0 | cp >> 18), o[1] = (char)(0x80 | ((cp >> 12) & 0x3f)),
		o[2] = (char)(0x80 | ((cp >> 6) & 0x3f)), o[3] = (char)(0x80 | (cp & 0x3f)), n = 4;
	sbuf_add(b, o, n);
}

/* HTML5's reading of the C1 range: Windows-1252 (5 holes stay). */
static const uint16_t c1[32] = {
	0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030,
	0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c,
	0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d,
	0x017e, 0x0178};

char *feed_demoronize(const char *s, size_t n)
{
	struct sbuf b = SBUF_INIT;
	size_t from = 0;
	for (size_t i = 0; i + 1 < n; i++) {
		unsigned char c = (unsigned char)s[i], d = (unsigned char)s[i + 1];
		if (c == 0xc2 && d >= 0x80 && d < 0xa0) {
			sbuf_add(&b, s + from, i - from);
			add_cp(&b, c1[d - 0x80]);
			from = i + 2;
			i++;
		}
	}
	sbuf_add(&b, s + from, n - from);
	return sbuf_detach(&b);
}

/* Windows-1252's byte for cp, or -1. */
static int cp1252_byte(uint32_t cp)
{
	if (cp < 0x100) /* C1 too: a character reference may have made one */
		return (int)cp;
	for (int i = 0; i < 32; i++)
		if (c1[i] == cp)
			return 0x80 + i;
	return -1;
}

char *feed_undouble(const char *s, size_t n)
{
	/* Every character must be one Windows-1252 byte, and the bytes must
	 * make valid UTF-8 holding a multi-byte sequence: "â€¦" is "…"
	 * encoded twice, while real Latin text never reads as UTF-8. */
	struct sbuf b = SBUF_INIT;
	bool multi = false;
	size_t i = 0;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		uint32_t cp;
		size_t l;
		if (c < 0x80)
			cp = c, l = 1;
		else if ((c & 0xe0) == 0xc0 && i + 1 < n)
			cp = (uint32_t)(c & 0x1f) << 6 | ((unsigned char)s[i + 1] & 0x3f), l = 2;
		else if ((c & 0xf0) == 0xe0 && i + 2 < n)
			cp = (uint32_t)(c & 0x0f) << 12 | (uint32_t)((unsigned char)s[i + 1] & 0x3f) << 6 |
			     ((unsigned char)s[i + 2] & 0x3f), l = 3;
		else
			goto keep;
		int byte = cp1252_byte(cp);
		if (byte < 0)
			goto keep;
		multi |= byte >= 0x80;
		sbuf_addc(&b, (char)byte);
		i += l;
	}
	if (multi && b.len && u8_check((const uint8_t *)b.s, b.len) == NULL)
		return sbuf_detach(&b);
keep:
	sbuf_free(&b);
	return xstrndup(s, n);
}

bool feed_entity(struct sbuf *b, const char *name, size_t n)
{
	if (n == 0 || n > 32)
		return false;
	char buf[40];
	memcpy(buf, name, n);
	buf[n] = '\0';
	if (buf[0] == '#') {
		bool hex = buf[1] == 'x' || buf[1] == 'X';
		const char *d = buf + 1 + hex;
		if (!*d)
			return false;
		uint32_t cp = 0;
		for (; *d; d++) {
			int v = isdigit((unsigned char)*d) ? *d - '0'
			        : hex && isxdigit((unsigned char)*d) ? tolower((unsigned char)*d) - 'a' + 10 : -1;
			if (v < 0)
				return false;
			cp = cp * (hex ? 16 : 10) + (uint32_t)v;
			if (cp > 0x10ffff)
				break;
		}
		/* HTML5's reading: C1 numbers are Windows-1252, the impossible
		 * ones U+FFFD. */
		if (cp >= 0x80 && cp < 0xa0)
			cp = c1[cp - 0x80];
		if (cp == 0 || cp > 0x10ffff || (cp >= 0xd800 && cp < 0xe000))
			cp = 0xfffd;
		add_cp(b, cp);
		return true;
	}
	const htmlEntityDesc *e = htmlEntityLookup((const xmlChar *)buf);
	if (!e)
		return false;
	add_cp(b, e->value);
	return true;
}

bool feed_looks_like_html(const char *s)
{
	for (const char *p = s; *p; p++) {
		if (*p == '<') {
			const char *q = p + 1 + (p[1] == '/');
			size_t n = 0;
			while (isalpha((unsigned char)q[n]))
				n++;
			if (n && (p[1] == '/' || q[n] == '>' || q[n] == ' ' || q[n] == '/'))
				return true;
		} else if (*p == '&') {
			const char *q = p + 1 + (p[1] == '#');
			size_t n = 0;
			while (isalnum((unsigned char)q[n]))
				n++;
			if (n && q[n] == ';')
				return true;
		}
	}
	return false;
}

/* The tag name at s (after '<' and an optional '/'), lower case. */
static size_t tag_name(const char *s, const char *end, char *buf, size_t cap)
{
	size_t n = 0;
	while (s + n < end && (isalnum((unsigned char)s[n])) && n + 1 < cap) {
		buf[n] = (char)tolower((unsigned char)s[n]);
		n++;
	}
	buf[n] = '\0';
	return n;
}

/* Past the '>' that ends the tag at p (a quoted attribute value may
 * hold one; a quote elsewhere is a character), or NULL when none does. */
static const char *tag_end(const char *p, const char *end)
{
	char q = 0;
	const char *last = NULL; /* the last non-space byte outside quotes */
	for (; p < end; p++) {
		if (q) {
			if (*p == q)
				q = 0;
		} else if ((*p == '"' || *p == '\'') && last && *last == '=')
			q = *p;
		else if (*p == '>')
			return p + 1;
		if (!q && *p != ' ' && *p != '\t' && *p != '\n')
			last = p;
	}
	return NULL;
}

/* Past the closing tag of a script or style at p, or end. */
static const char *skip_raw(const char *p, const char *end, const char *name)
{
	size_t nl = strlen(name);
	for (; p + 2 + nl <= end; p++)
		if (p[0] == '<' && p[1] == '/' && strncasecmp(p + 2, name, nl) == 0) {
			const char *e = tag_end(p, end);
			return e ? e : end;
		}
	return end;
}

char *feed_html_to_text(const char *s, size_t n)
{
	struct sbuf b = SBUF_INIT;
	const char *p = s, *end = s + n;
	while (p < end) {
		if (*p == '<') {
			bool closing = p + 1 < end && p[1] == '/';
			char name[16];
			size_t nl = tag_name(p + 1 + closing, end, name, sizeof name);
			if (!nl && !(p + 1 < end && (p[1] == '!' || p[1] == '?' || closing))) {
				sbuf_addc(&b, *p++); /* "a < b": no tag */
				continue;
			}
			if (p + 3 < end && !memcmp(p, "<!--", 4)) {
				/* A comment never closed ends at the next '>', as
				 * older parsers read it: text after it is not lost. */
				const char *c = strstr(p + 4, "-->");
				if (c && c < end)
					p = c + 3;
				else {
					c = memchr(p + 4, '>', (size_t)(end - p - 4));
					p = c ? c + 1 : end;
				}
				continue;
			}
			const char *e = tag_end(p, end);
			if (!e) { /* "<!DOCTYPE ~" never closed: it was text */
				sbuf_addc(&b, *p++);
				continue;
			}
			p = e;
			if (!closing && (!strcmp(name, "script") || !strcmp(name, "style")))
				p = skip_raw(p, end, name);
			/* A block element or a break separates words. */
			if (strcmp(name, "b") && strcmp(name, "i") && strcmp(name, "em") &&
			    strcmp(name, "strong") && strcmp(name, "span") && strcmp(name, "a") &&
			    strcmp(name, "u") && strcmp(name, "code") && strcmp(name, "small") &&
			    strcmp(name, "sup") && strcmp(name, "sub") && strcmp(name, "font") &&
			    strcmp(name, "abbr") && strcmp(name, "q") && strcmp(name, "cite"))
				sbuf_addc(&b, ' ');
			continue;
		}
		if (*p == '&') {
			const char *q = p + 1;
			while (q < end && q - p < 34 && (isalnum((unsigned char)*q) || *q == '#'))
				q++;
			if (q < end && *q == ';' && feed_entity(&b, p + 1, (size_t)(q - p - 1))) {
				p = q + 1;
				continue;
			}
		}
		sbuf_addc(&b, *p++);
	}
	char *line = utf8_clean_line(sbuf_str(&b), b.len);
	sbuf_free(&b);
	return line;
}

char *feed_resolve(const char *base, const char *ref)
{
	if (!ref)
		ref = "";
	if (!base || !*base)
		return xstrdup(ref);
	if (!*ref)
		return xstrdup(base);
	xmlChar *r = xmlBuildURI((const xmlChar *)ref, (const xmlChar *)base);
	if (!r)
		return xstrdup(ref); /* an unparsable reference stays as written */
	char *out = xstrdup((const char *)r);
	xmlFree(r);
	return out;
}

char *feed_trim(const char *s)
{
	if (!s)
		return xstrdup("");
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r'))
		n--;
	return xstrndup(s, n);
}
