/*
 * html_jsonld.c: what html_meta reads of a JSON-LD script: the first
 * object of an article type (schema.org's Article and its kinds,
 * WebPage) with a headline or a date, depth first through arrays and
 * @graph, and its headline, dates, author and publisher.
 *
 * A scanner of our own reads the script in place and keeps only where
 * each value is: jansson's parse, which builds every object, was 0.28M
 * instructions a page (140 a byte).  It accepts and rejects what
 * json_loads(JSON_DECODE_ANY) does (RFC 8259: no NUL in a string, no
 * lone surrogate; the last of a repeated key counts).  Where it could
 * differ it says so (J_UNSURE) and jansson reads the script as before:
 * a number with an exponent or 18 digits and more (jansson fails on
 * overflow), nesting deeper than 64, bytes that are not UTF-8.
 */
#include "diglot/common.h"
#include "html_int.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

/* ---- the scanner ------------------------------------------------------- */

enum { J_OK, J_BAD, J_UNSURE };
enum { J_OTHER, J_STRING, J_ARRAY, J_OBJECT }; /* J_OTHER: number, true, false, null */
#define J_MAX_DEPTH 64

/* One value; a member of an object has its key.  Strings point into the
 * script, between their quotes (esc: with an escape to decode). */
struct jv {
	const char *s, *key;
	uint32_t len, klen;
	uint8_t type;
	bool esc, kesc;
	uint32_t kid, last, next; /* first and last element or member, next sibling; 0 none */
};

struct jscan {
	const char *p;
	struct jv *v; /* v[0] unused: index 0 is "none" */
	size_t n, cap;
	int depth;
};

static void skip_ws(struct jscan *j)
{
	while (*j->p == ' ' || *j->p == '\t' || *j->p == '\n' || *j->p == '\r')
		j->p++;
}

static int hex4(const char *s)
{
	int v = 0;
	for (int i = 0; i < 4; i++) {
		char c = s[i];
		int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
		        : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
		if (d < 0)
			return -1;
		v = v * 16 + d;
	}
	return v;
}

/* A \u escape at s ("\uXXXX", a pair for a surrogate): its code point,
 * *n the bytes it takes; -1 when jansson refuses it (not hex, U+0000,
 * a surrogate alone). */
static long unicode_escape(const char *s, size_t *n)
{
	int v = hex4(s + 2);
	*n = 6;
	if (v <= 0 || (v >= 0xDC00 && v <= 0xDFFF))
		return -1;
	if (v < 0xD800 || v > 0xDBFF)
		return v;
	if (s[6] != '\\' || s[7] != 'u')
		return -1;
	int lo = hex4(s + 8);
	if (lo < 0xDC00 || lo > 0xDFFF)
		return -1;
	*n = 12;
	return ((long)(v - 0xD800) << 10) + (lo - 0xDC00) + 0x10000;
}

/* A string at j->p (after its quote): where it is, up to its closing
 * quote, which it steps over. */
static int scan_string(struct jscan *j, const char **s, uint32_t *len, bool *esc)
{
	const char *p = j->p;
	*s = p;
	*esc = false;
	for (;;) {
		unsigned char c = (unsigned char)*p;
		if (c == '"')
			break;
		if (c < 0x20) /* a control, or the end (NUL) */
			return J_BAD;
		if (c == '\\') {
			*esc = true;
			size_t n = 2;
			if (p[1] == 'u') {
				if (unicode_escape(p, &n) < 0)
					return J_BAD;
			} else if (p[1] == '\0' || !strchr("\"\\/bfnrt", p[1])) {
				return J_BAD;
			}
			p += n;
		} else if (c < 0x80) {
			p++;
		} else {
			ucs4_t uc;
			int k = u8_mbtoucr(&uc, (const uint8_t *)p, strnlen(p, 4));
			if (k < 0)
				return J_UNSURE; /* jansson's UTF-8 check decides */
			p += k;
		}
	}
	if (p - *s > UINT32_MAX / 2)
		return J_UNSURE;
	*len = (uint32_t)(p - *s);
	j->p = p + 1;
	return J_OK;
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* A number as jansson's lexer reads one: -?(0|[1-9][0-9]*)(.[0-9]+)?. */
static int scan_number(struct jscan *j)
{
	const char *p = j->p;
	if (*p == '-')
		p++;
	const char *d = p;
	if (*p == '0') {
		p++;
		if (is_digit(*p))
			return J_BAD;
	} else if (is_digit(*p)) {
		while (is_digit(*p))
			p++;
	} else {
		return J_BAD;
	}
	size_t digits = (size_t)(p - d);
	if (*p == '.') {
		p++;
		if (!is_digit(*p))
			return J_BAD;
		while (is_digit(*p))
			p++;
		digits = (size_t)(p - d) - 1;
		if (digits > 300)
			return J_UNSURE; /* strtod could overflow */
	} else if (digits >= 18) {
		return J_UNSURE; /* strtoll could overflow */
	}
	if (*p == 'e' || *p == 'E')
		return J_UNSURE; /* as could any exponent */
	j->p = p;
	return J_OK;
}

/* true, false, null: jansson reads a whole run of letters as one word. */
static int scan_word(struct jscan *j)
{
	const char *p = j->p;
	while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))
		p++;
	size_t n = (size_t)(p - j->p);
	if (!((n == 4 && memcmp(j->p, "true", 4) == 0) || (n == 5 && memcmp(j->p, "false", 5) == 0) ||
	      (n == 4 && memcmp(j->p, "null", 4) == 0)))
		return J_BAD;
	j->p = p;
	return J_OK;
}

static uint32_t new_value(struct jscan *j, uint8_t type)
{
	xgrow(&j->v, &j->cap, j->n + 1, sizeof *j->v);
	j->v[j->n] = (struct jv){.type = type};
	return (uint32_t)j->n++;
}

static void add_kid(struct jscan *j, uint32_t parent, uint32_t kid)
{
	struct jv *p = &j->v[parent];
	if (p->last)
		j->v[p->last].next = kid;
	else
		p->kid = kid;
	p->last = kid;
}

static int scan_value(struct jscan *j, uint32_t *out);

/* The elements of an array or the members of an object, after its
 * bracket, up to its closing one. */
static int scan_items(struct jscan *j, uint32_t parent, bool object)
{
	char close = object ? '}' : ']';
	skip_ws(j);
	if (*j->p == close) {
		j->p++;
		return J_OK;
	}
	for (;;) {
		const char *key = NULL;
		uint32_t klen = 0;
		bool kesc = false;
		if (object) {
			if (*j->p != '"')
				return J_BAD;
			j->p++;
			int r = scan_string(j, &key, &klen, &kesc);
			if (r != J_OK)
				return r;
			skip_ws(j);
			if (*j->p != ':')
				return J_BAD;
			j->p++;
			skip_ws(j);
		}
		uint32_t kid;
		int r = scan_value(j, &kid);
		if (r != J_OK)
			return r;
		j->v[kid].key = key;
		j->v[kid].klen = klen;
		j->v[kid].kesc = kesc;
		add_kid(j, parent, kid);
		skip_ws(j);
		if (*j->p == close) {
			j->p++;
			return J_OK;
		}
		if (*j->p != ',')
			return J_BAD;
		j->p++;
		skip_ws(j);
	}
}

/* A value at j->p (no whitespace before it): *out its index. */
static int scan_value(struct jscan *j, uint32_t *out)
{
	char c = *j->p;
	int r;
	if (c == '"') {
		*out = new_value(j, J_STRING);
		j->p++;
		const char *s;
		uint32_t len;
		bool esc;
		r = scan_string(j, &s, &len, &esc);
		j->v[*out].s = s;
		j->v[*out].len = len;
		j->v[*out].esc = esc;
		return r;
	}
	if (c == '[' || c == '{') {
		if (++j->depth > J_MAX_DEPTH)
			return J_UNSURE;
		*out = new_value(j, c == '[' ? J_ARRAY : J_OBJECT);
		j->p++;
		r = scan_items(j, *out, c == '{');
		j->depth--;
		return r;
	}
	*out = new_value(j, J_OTHER);
	if (c == '-' || is_digit(c))
		return scan_number(j);
	return scan_word(j);
}

/* The script's values into j->v (the root at 1). */
static int scan(struct jscan *j, const char *s)
{
	*j = (struct jscan){.p = s};
	new_value(j, J_OTHER); /* index 0: none */
	skip_ws(j);
	uint32_t root;
	int r = scan_value(j, &root);
	if (r != J_OK)
		return r;
	skip_ws(j);
	return *j->p ? J_BAD : J_OK;
}

/* ---- reading the scanned values ---------------------------------------- */

/* s[0..n) with its escapes decoded (scan_string checked them), as
 * jansson gives the string.  Caller frees. */
static char *decode(const char *s, size_t n, bool esc)
{
	if (!esc)
		return xstrndup(s, n);
	char *o = xmalloc(n + 1), *t = o;
	for (size_t i = 0; i < n;) {
		if (s[i] != '\\') {
			*t++ = s[i++];
			continue;
		}
		char c = s[i + 1];
		if (c == 'u') {
			size_t k;
			long cp = unicode_escape(s + i, &k);
			int w = u8_uctomb((uint8_t *)t, (ucs4_t)cp, 4);
			t += w > 0 ? w : 0;
			i += k;
			continue;
		}
		*t++ = c == 'b' ? '\b' : c == 'f' ? '\f' : c == 'n' ? '\n' : c == 'r' ? '\r'
		       : c == 't' ? '\t' : c;
		i += 2;
	}
	*t = '\0';
	return o;
}

/* Object o's member key, the last of that key (as jansson keeps it); 0
 * when none. */
static uint32_t member(const struct jscan *j, uint32_t o, const char *key)
{
	if (!o || j->v[o].type != J_OBJECT)
		return 0;
	size_t kl = strlen(key);
	uint32_t found = 0;
	for (uint32_t k = j->v[o].kid; k; k = j->v[k].next) {
		const struct jv *m = &j->v[k];
		if (m->kesc) {
			char *d = decode(m->key, m->klen, true);
			if (strcmp(d, key) == 0)
				found = k;
			free(d);
		} else if (m->klen == kl && memcmp(m->key, key, kl) == 0) {
			found = k;
		}
	}
	return found;
}

static bool is_type(const struct jscan *j, uint32_t v, uint8_t type)
{
	return v && j->v[v].type == type;
}

/* A string value decoded, NULL for any other value. */
static char *string_of(const struct jscan *j, uint32_t v)
{
	return is_type(j, v, J_STRING) ? decode(j->v[v].s, j->v[v].len, j->v[v].esc) : NULL;
}

/* o's key as a string: the first of an array, an object's name. */
static char *jstr(const struct jscan *j, uint32_t o, const char *key)
{
	uint32_t v = member(j, o, key);
	if (is_type(j, v, J_ARRAY))
		v = j->v[v].kid;
	if (is_type(j, v, J_OBJECT))
		return string_of(j, member(j, v, "name"));
	return string_of(j, v);
}

static bool article_name(const char *s)
{
	return s && (strstr(s, "Article") || strstr(s, "BlogPosting") || strstr(s, "Report") ||
	             strcmp(s, "WebPage") == 0 || strcmp(s, "NewsArticle") == 0);
}

static bool article_type(const struct jscan *j, uint32_t o)
{
	uint32_t t = member(j, o, "@type");
	bool any = false;
	if (is_type(j, t, J_ARRAY)) {
		for (uint32_t e = j->v[t].kid; e && !any; e = j->v[e].next) {
			char *s = string_of(j, e);
			any = article_name(s);
			free(s);
		}
		return any;
	}
	char *s = string_of(j, t);
	any = article_name(s);
	free(s);
	return any;
}

/* The first object of an article type, depth first (bounded). */
static uint32_t find_article(const struct jscan *j, uint32_t v, int depth)
{
	if (depth > 8)
		return 0;
	if (is_type(j, v, J_ARRAY)) {
		for (uint32_t e = j->v[v].kid; e; e = j->v[e].next) {
			uint32_t f = find_article(j, e, depth + 1);
			if (f)
				return f;
		}
		return 0;
	}
	if (!is_type(j, v, J_OBJECT))
		return 0;
	if (article_type(j, v) && (member(j, v, "headline") || member(j, v, "datePublished")))
		return v;
	uint32_t g = member(j, v, "@graph");
	return g ? find_article(j, g, depth + 1) : 0;
}

static bool read_scanned(const struct jscan *j, struct html_ld *ld)
{
	uint32_t a = find_article(j, 1, 0);
	if (!a)
		return false;
	ld->headline = jstr(j, a, "headline");
	ld->published = jstr(j, a, "datePublished");
	ld->modified = jstr(j, a, "dateModified");
	ld->author = jstr(j, a, "author");
	uint32_t pub = member(j, a, "publisher");
	if (is_type(j, pub, J_OBJECT))
		ld->publisher = jstr(j, pub, "name");
	return true;
}

/* ---- jansson, for what the scanner is not sure of ---------------------- */

static char *jansson_str(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);
	if (json_is_array(v))
		v = json_array_get(v, 0);
	if (json_is_object(v))
		v = json_object_get(v, "name");
	return json_is_string(v) ? xstrdup(json_string_value(v)) : NULL;
}

static bool jansson_article_type(json_t *o)
{
	json_t *t = json_object_get(o, "@type");
	size_t n = json_is_array(t) ? json_array_size(t) : 1;
	for (size_t i = 0; i < n; i++) {
		json_t *e = json_is_array(t) ? json_array_get(t, i) : t;
		if (article_name(json_string_value(e)))
			return true;
	}
	return false;
}

static json_t *jansson_find_article(json_t *v, int depth)
{
	if (depth > 8)
		return NULL;
	if (json_is_array(v)) {
		for (size_t i = 0; i < json_array_size(v); i++) {
			json_t *f = jansson_find_article(json_array_get(v, i), depth + 1);
			if (f)
				return f;
		}
		return NULL;
	}
	if (!json_is_object(v))
		return NULL;
	if (jansson_article_type(v) && (json_object_get(v, "headline") || json_object_get(v, "datePublished")))
		return v;
	json_t *g = json_object_get(v, "@graph");
	return g ? jansson_find_article(g, depth + 1) : NULL;
}

static bool read_jansson(const char *s, struct html_ld *ld)
{
	json_error_t err;
	json_t *root = json_loads(s, JSON_DECODE_ANY, &err);
	if (!root)
		return false;
	json_t *a = jansson_find_article(root, 0);
	if (a) {
		ld->headline = jansson_str(a, "headline");
		ld->published = jansson_str(a, "datePublished");
		ld->modified = jansson_str(a, "dateModified");
		ld->author = jansson_str(a, "author");
		json_t *pub = json_object_get(a, "publisher");
		if (json_is_object(pub))
			ld->publisher = jansson_str(pub, "name");
	}
	json_decref(root);
	return a != NULL;
}

bool html_ld_read(const char *s, struct html_ld *ld)
{
	memset(ld, 0, sizeof *ld);
	struct jscan j;
	int r = scan(&j, s);
	bool found = r == J_OK && read_scanned(&j, ld);
	free(j.v);
	if (r == J_UNSURE)
		found = read_jansson(s, ld);
	return found;
}

void html_ld_free(struct html_ld *ld)
{
	free(ld->headline);
	free(ld->published);
	free(ld->modified);
	free(ld->author);
	free(ld->publisher);
	memset(ld, 0, sizeof *ld);
}
