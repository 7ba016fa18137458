/*
 * html_tags.c: tags as the pre-pass (html_prepass.c) reads them: the
 * elements by name (a table hashed once, looked up at every tag), a tag
 * by the tokenizer's states, and where comments, scripts and the
 * elements it skips whole end.
 */
#include "diglot/common.h"
#include "html_int.h"
#include "html_tags.h"

#include <pthread.h>
#include <stdatomic.h>
#include <string.h>
#include <strings.h>

static const struct tag_class classes[] = { /* sorted, for the reader */
	{"a", C_FLAT, K_OTHER}, {"abbr", C_PHRASE, K_OTHER}, {"address", C_WS_FREE, K_OTHER},
	{"applet", 0, K_OBJECT},
	{"area", C_FLAT | C_NO_END, K_OTHER}, {"article", C_WS_FREE, K_OTHER},
	{"aside", C_WS_FREE | C_RAW, K_NAV}, {"b", C_PHRASE, K_OTHER},
	{"base", C_FLAT | C_WS_FREE | C_HEAD | C_NO_END, K_OTHER},
	{"basefont", C_FLAT | C_HEAD | C_NO_END, K_OTHER}, {"bdi", C_PHRASE, K_OTHER},
	{"bdo", C_PHRASE, K_OTHER}, {"bgsound", C_FLAT | C_HEAD | C_NO_END, K_OTHER},
	{"big", C_PHRASE, K_OTHER}, {"blockquote", C_WS_FREE | C_BLOCK, K_OTHER},
	{"body", C_WS_FREE, K_OTHER}, {"button", C_HIDES, K_OTHER}, {"br", C_FLAT, K_OTHER},
	{"caption", C_WS_FREE | C_TABLE_PART, K_OTHER},
	{"center", C_WS_FREE, K_OTHER}, {"cite", C_PHRASE, K_OTHER}, {"code", C_PHRASE, K_OTHER},
	{"col", C_FLAT | C_VOID | C_NO_END | C_TABLE_PART, K_OTHER}, {"colgroup", C_FLAT | C_TABLE_PART, K_OTHER},
	{"data", C_PHRASE, K_OTHER}, {"dd", C_FLAT | C_WS_FREE, K_OTHER},
	{"del", C_PHRASE, K_OTHER}, {"details", C_WS_FREE | C_BLOCK, K_OTHER}, {"dfn", C_PHRASE, K_OTHER},
	{"dir", C_WS_FREE, K_OTHER}, {"div", C_WS_FREE | C_BLOCK, K_OTHER}, {"dl", C_WS_FREE | C_BLOCK, K_OTHER},
	{"dt", C_FLAT | C_WS_FREE, K_OTHER}, {"em", C_PHRASE, K_OTHER},
	{"embed", C_FLAT | C_NO_END, K_OTHER}, {"fieldset", C_WS_FREE, K_OTHER},
	{"figcaption", C_WS_FREE, K_OTHER}, {"figure", C_WS_FREE | C_BLOCK, K_OTHER},
	{"font", C_PHRASE, K_FONT}, {"footer", C_WS_FREE | C_RAW, K_NAV}, {"form", C_WS_FREE | C_BLOCK, K_FORM},
	{"frame", C_FLAT | C_NO_END, K_OTHER}, {"h1", C_WS_FREE, K_OTHER},
	{"h2", C_WS_FREE, K_OTHER}, {"h3", C_WS_FREE, K_OTHER}, {"h4", C_WS_FREE, K_OTHER},
	{"h5", C_WS_FREE, K_OTHER}, {"h6", C_WS_FREE, K_OTHER},
	{"head", C_WS_FREE | C_HEAD, K_OTHER}, {"header", C_WS_FREE | C_BLOCK, K_OTHER},
	{"hgroup", C_WS_FREE, K_OTHER}, {"hr", C_FLAT | C_WS_FREE | C_NO_END, K_OTHER},
	{"html", C_WS_FREE | C_HEAD, K_OTHER}, {"i", C_PHRASE, K_OTHER},
	{"iframe", C_RAW, K_IFRAME}, {"image", C_FLAT | C_NO_END, K_OTHER},
	{"img", C_FLAT | C_OK_VOID | C_NO_END, K_IMG},
	{"input", C_FLAT | C_OK_VOID | C_NO_END, K_INPUT}, {"ins", C_PHRASE, K_OTHER},
	{"kbd", C_PHRASE, K_OTHER}, {"keygen", C_FLAT | C_NO_END, K_OTHER},
	{"label", C_PHRASE, K_OTHER}, {"legend", C_WS_FREE, K_OTHER},
	{"li", C_FLAT | C_WS_FREE, K_LI},
	{"link", C_FLAT | C_WS_FREE | C_RAW | C_HEAD | C_NO_END, K_LINK},
	{"listing", C_WS_FREE, K_PRE}, {"main", C_WS_FREE, K_OTHER}, {"mark", C_PHRASE, K_OTHER},
	{"marquee", 0, K_OBJECT}, {"math", 0, K_MATH}, {"menu", C_WS_FREE, K_OTHER},
	{"meta", C_FLAT | C_WS_FREE | C_RAW | C_HEAD | C_NO_END, K_META},
	{"nav", C_WS_FREE | C_RAW, K_NAV}, {"nobr", 0, K_OTHER},
	{"noembed", C_RAW, K_NOEMBED}, {"noframes", C_RAW | C_HEAD, K_NOFRAMES},
	{"noscript", C_RAW | C_HEAD, K_NOSCRIPT}, {"object", 0, K_OBJECT}, {"ol", C_WS_FREE | C_BLOCK, K_LIST},
	{"optgroup", C_FLAT, K_OTHER}, {"option", C_FLAT, K_OTHER},
	{"p", C_FLAT | C_WS_FREE, K_P}, {"param", C_FLAT | C_NO_END, K_OTHER},
	{"picture", C_PHRASE, K_OTHER}, {"plaintext", C_RAW, K_PLAINTEXT}, {"pre", 0, K_PRE},
	{"q", C_PHRASE, K_OTHER}, {"rp", C_FLAT, K_OTHER}, {"rt", C_FLAT, K_OTHER},
	{"s", C_PHRASE, K_OTHER}, {"samp", C_PHRASE, K_OTHER},
	{"script", C_RAW | C_HEAD, K_SCRIPT}, {"section", C_WS_FREE | C_BLOCK, K_OTHER},
	{"select", C_HIDES, K_SELECT}, {"small", C_PHRASE, K_OTHER},
	{"source", C_FLAT | C_VOID | C_NO_END, K_OTHER}, {"span", C_PHRASE, K_OTHER},
	{"strike", C_PHRASE, K_OTHER}, {"strong", C_PHRASE, K_OTHER},
	{"style", C_RAW | C_HEAD, K_STYLE}, {"sub", C_PHRASE, K_OTHER},
	{"summary", C_WS_FREE, K_OTHER}, {"sup", C_PHRASE, K_OTHER}, {"svg", C_RAW, K_SVG},
	{"table", C_WS_FREE | C_TABLE_PART, K_TABLE}, {"tbody", C_FLAT | C_WS_FREE | C_TABLE_PART, K_OTHER},
	{"td", C_FLAT | C_TABLE_PART, K_CELL}, {"template", C_RAW | C_HEAD, K_TEMPLATE},
	{"textarea", C_RAW, K_TEXTAREA}, {"tfoot", C_FLAT | C_WS_FREE | C_TABLE_PART, K_OTHER},
	{"th", C_FLAT | C_TABLE_PART, K_CELL}, {"thead", C_FLAT | C_WS_FREE | C_TABLE_PART, K_OTHER},
	{"title", C_WS_FREE | C_RAW | C_HEAD, K_TITLE}, {"tr", C_FLAT | C_WS_FREE | C_TABLE_PART, K_OTHER},
	{"track", C_FLAT | C_VOID | C_NO_END, K_OTHER}, {"tt", C_PHRASE, K_OTHER},
	{"u", C_PHRASE, K_OTHER}, {"ul", C_WS_FREE | C_BLOCK, K_LIST}, {"var", C_PHRASE, K_OTHER},
	{"wbr", C_FLAT | C_OK_VOID | C_NO_END, K_OTHER}, {"xmp", C_RAW, K_XMP},
};

/* The table by a hash of the name, open addressing, built once: every
 * tag is looked up (bsearch's strcmp calls were 3 % of an extraction). */
#define CLASS_SLOTS 256
static uint8_t class_slot[CLASS_SLOTS]; /* an index into classes + 1; 0: empty */
/* The tree builder's formatting elements (its list of active ones). */
static const char *const formatting[HTML_FMT_COUNT] = {
	"a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
};
static uint8_t fmt_of[ARRAY_SIZE(classes)]; /* 1 + its index in formatting; 0: not one */
static pthread_once_t class_once = PTHREAD_ONCE_INIT;
static atomic_bool class_ready; /* class_init done */
static uint8_t class_len[ARRAY_SIZE(classes)];

static unsigned name_hash(const char *s)
{
	unsigned h = 0;
	for (; *s; s++)
		h = h * 31u + (unsigned char)*s;
	return h & (CLASS_SLOTS - 1);
}

static void class_init(void)
{
	for (size_t i = 0; i < ARRAY_SIZE(classes); i++) {
		unsigned h = name_hash(classes[i].name);
		while (class_slot[h])
			h = (h + 1) & (CLASS_SLOTS - 1);
		class_slot[h] = (uint8_t)(i + 1);
		class_len[i] = (uint8_t)strlen(classes[i].name);
	}
	for (size_t f = 0; f < ARRAY_SIZE(formatting); f++)
		for (size_t i = 0; i < ARRAY_SIZE(classes); i++)
			if (!strcmp(classes[i].name, formatting[f]))
				fmt_of[i] = (uint8_t)(f + 1);
	atomic_store_explicit(&class_ready, true, memory_order_release);
}

/* The entry of lname (len bytes), whose name_hash is h (html_tag_read
 * hashes as it lower-cases).  Every tag is looked up: the table's
 * readiness is one load once it is built, and names compare by length
 * first. */
static const struct tag_class *class_hashed(const char *lname, size_t len, unsigned h)
{
	if (!atomic_load_explicit(&class_ready, memory_order_acquire))
		pthread_once(&class_once, class_init);
	for (; class_slot[h]; h = (h + 1) & (CLASS_SLOTS - 1)) {
		size_t k = class_slot[h] - 1u, j = 0;
		if (class_len[k] != len)
			continue;
		while (j < len && classes[k].name[j] == lname[j]) /* inline: names are short */
			j++;
		if (j == len)
			return &classes[k];
	}
	return NULL;
}

/* A lower-case name's entry, NULL when none ("" has none). */
const struct tag_class *html_tag_class(const char *lname)
{
	return *lname ? class_hashed(lname, strlen(lname), name_hash(lname)) : NULL;
}

/* A lower-case name's classes ("" has none). */
unsigned html_tag_classes(const char *lname)
{
	const struct tag_class *c = html_tag_class(lname);
	return c ? c->c : 0;
}


int html_prepass_drops(const char *lname, bool attrs)
{
	unsigned cl = html_tag_classes(lname);
	if (!strcmp(lname, "input"))
		return 1;
	if (attrs || !(cl & (C_PHRASE | C_VOID | C_OK_VOID)))
		return 0;
	return strcmp(lname, "img") ? 1 : 2;
}

static bool name_in(const char *s, size_t n, const char *const *list, size_t count)
{
	for (size_t i = 0; i < count; i++)
		if (html_lower_is(s, n, list[i]))
			return true;
	return false;
}

/*
 * The tag at s[i] ('<' then a letter, or "</" then a letter), by the
 * tokenizer's tag, attribute name and value states.  False at the end of
 * the input inside the tag (the tokenizer drops such a tag; the bytes are
 * then kept as they are).
 */
/* What ends a tag's name, an attribute's name, an unquoted value: one
 * table load a byte (every tag of a page is read). */
enum { B_WS = 1, B_SLASH = 2, B_GT = 4, B_EQ = 8 };
static const uint8_t tag_byte[256] = {
	[' '] = B_WS, ['\t'] = B_WS, ['\n'] = B_WS, ['\r'] = B_WS, ['\f'] = B_WS,
	['/'] = B_SLASH, ['>'] = B_GT, ['='] = B_EQ,
};

static inline bool ends(char c, unsigned what)
{
	return tag_byte[(unsigned char)c] & what;
}

bool html_tag_read(const char *s, size_t n, size_t i, struct tag *t)
{
	t->closing = t->selfclose = t->many = false;
	t->nattr = 0;
	size_t p = i + 1;
	if (p >= n)
		return false; /* a '<' last: put_link asks of one */
	if (s[p] == '/') {
		t->closing = true;
		p++;
	}
	t->name = s + p;
	/* Lower-cased and hashed as it is read; "" when too long. */
	unsigned h = 0;
	size_t k = 0;
	for (; p < n && !ends(s[p], B_WS | B_SLASH | B_GT); p++, k++) {
		if (k + 1 < sizeof t->lname) {
			char ch = html_ascii_lower(s[p]);
			t->lname[k] = ch;
			h = h * 31u + (unsigned char)ch;
		}
	}
	t->nlen = k;
	t->lname[k < sizeof t->lname ? k : 0] = '\0';
	const struct tag_class *c =
	        t->lname[0] ? class_hashed(t->lname, t->nlen, h & (CLASS_SLOTS - 1)) : NULL;
	t->cl = c ? c->c : 0;
	t->kind = c ? (enum tag_kind)c->kind : K_OTHER;
	t->fmt = c ? fmt_of[c - classes] : 0;
	for (;;) {
		bool sep = false;
		while (p < n && ends(s[p], B_WS | B_SLASH)) {
			if (s[p] == '/' && p + 1 < n && s[p + 1] == '>')
				t->selfclose = true;
			sep = true;
			p++;
		}
		if (p >= n)
			return false;
		if (s[p] == '>') {
			t->end = p + 1;
			return true;
		}
		t->selfclose = false;
		size_t from = p++; /* a name may begin with '=' */
		while (p < n && !ends(s[p], B_WS | B_SLASH | B_GT | B_EQ))
			p++;
		size_t q = p;
		while (q < n && html_is_ws(s[q]))
			q++;
		if (q < n && s[q] == '=') {
			q++;
			while (q < n && html_is_ws(s[q]))
				q++;
			if (q >= n)
				return false;
			if (s[q] == '"' || s[q] == '\'') {
				const char *e = memchr(s + q + 1, s[q], n - q - 1);
				if (!e)
					return false;
				p = (size_t)(e - s) + 1;
			} else {
				p = q;
				while (p < n && !ends(s[p], B_WS | B_GT))
					p++;
			}
		}
		if (t->nattr < ARRAY_SIZE(t->attr))
			t->attr[t->nattr++] = (struct span){from, p, sep};
		else
			t->many = true;
	}
}

/* The value of the tag's attribute name (lower-case), NULL if none. */
const struct span *html_tag_attr_span(const char *s, const struct tag *t, const char *name)
{
	size_t l = strlen(name);
	for (size_t a = 0; a < t->nattr; a++) {
		const char *as = s + t->attr[a].from;
		size_t al = t->attr[a].to - t->attr[a].from;
		if (al >= l && strncasecmp(as, name, l) == 0 &&
		    (al == l || html_is_ws(as[l]) || as[l] == '='))
			return &t->attr[a];
	}
	return NULL;
}

const char *html_tag_attr(const char *s, const struct tag *t, const char *name, size_t *vl)
{
	const struct span *a = html_tag_attr_span(s, t, name);
	return a ? html_attr_value(s + a->from, a->to - a->from, strlen(name), vl) : NULL;
}

/* Where "</name" followed by whitespace, '/' or '>' starts, from s[i]; n
 * when never (the element runs to the end). */
size_t html_find_end_tag(const char *s, size_t n, size_t i, const char *name)
{
	size_t l = strlen(name);
	while (i < n) {
		const char *lt = memchr(s + i, '<', n - i);
		if (!lt)
			return n;
		i = (size_t)(lt - s);
		if (i + 2 + l < n && s[i + 1] == '/' && strncasecmp(s + i + 2, name, l) == 0 &&
		    (html_is_ws(s[i + 2 + l]) || s[i + 2 + l] == '/' || s[i + 2 + l] == '>'))
			return i;
		i++;
	}
	return n;
}

/* s[i..) starts with "<"+name or "</"+name (slash) and a delimiter.
 * Inline, so that each caller's strlen of a literal is a constant: the
 * script and template scanners ask at every '<'. */
static inline bool tag_at(const char *s, size_t n, size_t i, const char *name, bool slash)
{
	size_t l = strlen(name), p = i + 1 + slash;
	return p + l < n && s[i] == '<' && (!slash || s[i + 1] == '/') &&
	       strncasecmp(s + p, name, l) == 0 &&
	       (html_is_ws(s[p + l]) || s[p + l] == '/' || s[p + l] == '>');
}

/*
 * Where a script's content ends ("</script" and a delimiter), from s[i],
 * by the script data states: after "<!--" a "<script" makes the next
 * "</script" part of the script (double escaped) until "-->".
 */
size_t html_script_end(const char *s, size_t n, size_t i)
{
	enum { DATA, ESCAPED, DOUBLE } st = DATA;
	while (i < n) {
		if (st == DATA) {
			const char *lt = memchr(s + i, '<', n - i);
			if (!lt)
				return n;
			i = (size_t)(lt - s);
			if (tag_at(s, n, i, "script", true))
				return i;
			if (i + 4 <= n && memcmp(s + i, "<!--", 4) == 0) {
				st = ESCAPED;
				i += 2; /* its dashes may close it: "<!-->" */
				continue;
			}
			i++;
			continue;
		}
		if (i + 3 <= n && memcmp(s + i, "-->", 3) == 0) {
			st = DATA;
			i += 3;
		} else if (tag_at(s, n, i, "script", true)) {
			if (st == ESCAPED)
				return i;
			st = ESCAPED;
			i += 8;
		} else if (st == ESCAPED && tag_at(s, n, i, "script", false)) {
			st = DOUBLE;
			i += 7;
		} else { /* nothing begins but at '<' or '-' */
			for (i++; i < n && s[i] != '<' && s[i] != '-'; i++)
				;
		}
	}
	return n;
}

/* Past the '>' of the end tag at s[i] (n when it never closes). */
size_t html_past_tag(const char *s, size_t n, size_t i)
{
	struct tag t;
	if (i >= n)
		return n;
	if (!html_tag_read(s, n, i, &t))
		return n;
	return t.end;
}

/* Start tags inside <svg> that end it (the foreign content breakout). */
static bool breaks_svg(const char *s, size_t n)
{
	static const char *const out[] = {
		"b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt",
		"em", "embed", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "i", "img", "li",
		"listing", "menu", "meta", "nobr", "ol", "p", "pre", "ruby", "s", "small", "span",
		"strong", "strike", "sub", "sup", "table", "tt", "u", "ul", "var", "font",
	};
	for (const char *lt = s; (lt = memchr(lt, '<', n - (size_t)(lt - s))) != NULL; lt++) {
		size_t i = (size_t)(lt - s);
		if (i + 1 >= n)
			break;
		size_t p = i + 1 + (s[i + 1] == '/');
		size_t q = p;
		while (q < n && html_is_alpha(s[q]))
			q++;
		while (q < n && s[q] >= '1' && s[q] <= '6')
			q++;
		if (q > p && q < n && (html_is_ws(s[q]) || s[q] == '/' || s[q] == '>') &&
		    name_in(s + p, q - p, out, ARRAY_SIZE(out)))
			return true;
	}
	return false;
}

/* Past the <svg> at s[i] whose start tag ends at open_end: its matching
 * "</svg>", nested ones counted; 0 when HTML inside would close it
 * first or it never closes (then it is kept). */
size_t html_svg_end(const char *s, size_t n, size_t open_end)
{
	size_t depth = 1, i = open_end;
	while (i < n) {
		const char *lt = memchr(s + i, '<', n - i);
		if (!lt)
			return 0;
		i = (size_t)(lt - s);
		if (tag_at(s, n, i, "svg", true)) {
			if (--depth == 0) {
				struct tag t;
				if (breaks_svg(s + open_end, i - open_end) || !html_tag_read(s, n, i, &t))
					return 0;
				return t.end;
			}
		} else if (tag_at(s, n, i, "svg", false)) {
			struct tag t;
			if (!html_tag_read(s, n, i, &t))
				return 0;
			depth += !t.selfclose;
		}
		i++;
	}
	return 0;
}

/* Past the <template> content and its end tag, nested ones counted. */
size_t html_template_end(const char *s, size_t n, size_t i)
{
	size_t depth = 1;
	while (i < n) {
		const char *lt = memchr(s + i, '<', n - i);
		if (!lt)
			return n;
		i = (size_t)(lt - s);
		if (tag_at(s, n, i, "template", true) && --depth == 0)
			return html_past_tag(s, n, i);
		if (tag_at(s, n, i, "template", false))
			depth++;
		i++;
	}
	return n;
}

/* The tag at s[i] ("<" or "</" then a name) is ws_free_class's. */
bool html_ws_free_at(const char *s, size_t n, size_t i, bool in_body)
{
	size_t p = i + 1 + (i + 1 < n && s[i + 1] == '/'), k = 0;
	char w[16];
	while (p < n && k + 1 < sizeof w && (html_is_alpha(s[p]) || (s[p] >= '1' && s[p] <= '6')))
		w[k++] = html_ascii_lower(s[p]), p++;
	w[k] = '\0';
	return k && p < n && (html_is_ws(s[p]) || s[p] == '/' || s[p] == '>') && ws_free_class(html_tag_classes(w), in_body);
}

/* The start tag at s[i] closes a <p> in button scope as its first step,
 * whatever the document's mode (not <table>: in quirks mode it does not)
 * and the form pointer (not <form>: with one it is ignored). */
static bool closes_p_at(const char *s, size_t n, size_t i)
{
	static const char *const names[] = {
		"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dd", "dt",
		"blockquote", "figure", "figcaption", "section", "article", "aside", "nav", "header",
		"footer", "main", "address", "center", "details", "dir", "fieldset", "hgroup", "menu",
		"summary", "pre", "listing", "hr",
	};
	size_t p = i + 1, k = p;
	while (k < n && k - p < 11 && (html_is_alpha(s[k]) || (s[k] >= '1' && s[k] <= '6')))
		k++;
	if (k == p || k >= n || !(html_is_ws(s[k]) || s[k] == '/' || s[k] == '>'))
		return false;
	for (size_t j = 0; j < ARRAY_SIZE(names); j++)
		if (html_lower_is(s + p, k - p, names[j]))
			return true;
	return false;
}

/*
 * Where the pass goes on when the end tag t does nothing the tree builder
 * would not do at the next tag anyway, 0 when it stays.  Read mode by
 * mode in the standard's tree construction (gumbo 0.10.1 follows it):
 *   - </td> and </th> before <td>, <th> or </tr>: in a cell those close
 *     it as the end tag does (a </td> in a <th> is ignored, the next tag
 *     closes the <th>); in a row, a table, a caption or the body an end
 *     tag of a cell is ignored and the next tag does what it would;
 *   - </tr> before <tr>: the start tag closes the row first;
 *   - </li> before <li>, or before the </ul> (</ol>) of the list it is a
 *     child of (which would not close it if the list were not in scope),
 *     </p> before <p>, <div>, <h2> ... (a start tag that closes a <p>
 *     first), while every element opened since the start tag is one the
 *     next tag's closing passes (phrase elements, <a>; voids never stay
 *     open: OPEN_LI, OPEN_P): both pop the same elements.
 * Whitespace between a row's, an <li>'s or a <p>'s end and the next tag
 * goes with the end tag, as it would after it (html_prepass), but in
 * <pre>, where it is text.  After a cell's it stays (where the <td> is
 * no cell, in the body, the texts around it would join): in the cell it
 * is a space to the walker as it was in the row; only in a cell where no
 * formatting element was opened (CELL_PLAIN), which it would rebuild
 * there.  Not in foreign content (where <td> is an SVG element).
 */
size_t html_end_implied(const char *s, size_t n, const struct tag *t, bool pre, unsigned open)
{
	size_t at = t->end;
	bool nl = false;
	while (at < n && html_is_ws(s[at])) {
		nl |= s[at] == '\n' || s[at] == '\r' || s[at] == '\f';
		at++;
	}
	if (at + 1 >= n || s[at] != '<')
		return 0;
	bool cell = t->kind == K_CELL;
	if (at > t->end && (cell ? (pre && nl) || !(open & CELL_PLAIN) : pre))
		return 0;
	bool implied;
	if (cell)
		implied = tag_at(s, n, at, "td", false) || tag_at(s, n, at, "th", false) ||
		          tag_at(s, n, at, "tr", true);
	else if (t->lname[0] == 't' && t->lname[1] == 'r' && !t->lname[2])
		implied = tag_at(s, n, at, "tr", false);
	else if (t->kind == K_LI)
		implied = (open & OPEN_LI) &&
		          (tag_at(s, n, at, "li", false) || ((open & LI_IN_UL) && tag_at(s, n, at, "ul", true)) ||
		           ((open & LI_IN_OL) && tag_at(s, n, at, "ol", true)));
	else if (t->kind == K_P)
		implied = (open & OPEN_P) && closes_p_at(s, n, at);
	else
		implied = false;
	return implied ? (cell ? t->end : at) : 0;
}

/* Past a comment at s[i] ("<!--"): "<!-->" and "<!--->" are whole; it
 * ends at "-->" or "--!>", else at the end of the input. */
size_t html_comment_end(const char *s, size_t n, size_t i)
{
	if (i + 5 <= n && s[i + 4] == '>')
		return i + 5;
	if (i + 6 <= n && s[i + 4] == '-' && s[i + 5] == '>')
		return i + 6;
	for (size_t k = i + 4; k + 3 <= n; k++) {
		const char *d = memchr(s + k, '-', n - k);
		if (!d)
			return n;
		k = (size_t)(d - s);
		if (k + 3 <= n && memcmp(s + k, "-->", 3) == 0)
			return k + 3;
		if (k + 4 <= n && memcmp(s + k, "--!>", 4) == 0)
			return k + 4;
	}
	return n;
}

