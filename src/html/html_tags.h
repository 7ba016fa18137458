/*
 * html_tags.h: private to src/html/: what the pre-pass knows of an
 * element by its name (html_tags.c): its classes and, for the elements
 * it treats apart, what it is.
 */
#ifndef DIGLOT_HTML_TAGS_H
#define DIGLOT_HTML_TAGS_H

/* What the pass needs to know of an element, by its name. */
enum {
	C_FLAT = 1,    /* void, or closed by the next of its kind: no deeper */
	C_WS_FREE = 2, /* ends a paragraph or holds no text: whitespace beside its tags never shows */
	C_RAW = 4,     /* after_start's: dropped, emptied or raw text */
	C_PHRASE = 8,  /* bare around text alone, no module tells it from its text (drop_pair) */
	C_VOID = 16,   /* void, bare: nothing to any module (drop_void) */
	C_OK_VOID = 32, /* void, nothing to any module, but it ends the frameset-ok flag */
	C_HEAD = 64,   /* goes in <head>: does not start the body */
	C_NO_END = 128, /* void: the tree builder ignores its end tag (</br> it does not) */
	C_BLOCK = 256,  /* a "special" block html_boiler may leave empty by its attributes */
	C_HIDES = 512,  /* holds nothing any module reads (html_is_hidden) */
	C_TABLE_PART = 1024, /* <table>, a row, a cell, a row group, a caption, columns */
};
/* The elements the pass looks at by name. */
enum tag_kind {
	K_OTHER, K_META, K_LINK, K_INPUT, K_SCRIPT, K_FONT, K_IMG, K_STYLE, K_TEMPLATE, K_NOSCRIPT,
	K_SVG, K_NAV, K_PLAINTEXT, K_PRE /* and <listing> */, K_FORM, K_SELECT, K_MATH, K_TITLE,
	K_TEXTAREA, K_XMP, K_IFRAME, K_NOEMBED, K_NOFRAMES, K_TABLE,
	K_OBJECT, /* and <applet>, <marquee>: the tree builder's markers outside tables */
	K_LI, K_P, K_CELL /* <td>, <th> */, K_LIST /* <ul>, <ol> */,
};
#define HTML_FMT_COUNT 14 /* the tree builder's formatting elements: <a>, <b> ... <u> */
struct tag_class {
	const char *name;
	unsigned short c;
	unsigned char kind;
};

/* A lower-case name's entry, NULL when none ("" has none). */
const struct tag_class *html_tag_class(const char *lname);
/* A lower-case name's classes ("" has none). */
unsigned html_tag_classes(const char *lname);


static inline bool html_is_ws(char c)
{
	return (unsigned char)c <= ' ' && (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f');
}

static inline bool html_is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* c lower-cased as HTML folds names: ASCII only, whatever the locale. */
static inline char html_ascii_lower(char c)
{
	return (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
}

/* s[0..l) is, ASCII case aside, the lower-case w (inline: the hot paths
 * ask it of every attribute, tag or class word). */
static inline bool html_lower_is(const char *s, size_t l, const char *w)
{
	size_t j = 0;
	while (j < l && w[j] && html_ascii_lower(s[j]) == w[j])
		j++;
	return j == l && !w[l];
}

/* One tag as the tokenizer reads it, from its '<'. */
struct tag {
	size_t end;          /* past its '>' */
	const char *name;
	size_t nlen;
	char lname[16]; /* lower-cased, "" when longer */
	unsigned cl;    /* its classes */
	enum tag_kind kind;
	unsigned fmt; /* 1 + its index among the formatting elements; 0: not one */
	bool closing, selfclose;
	size_t nattr;
	struct span { size_t from, to; bool sep; } attr[64]; /* past 64: kept whole */
	bool many;
};

/* An attribute span's value (NULL, 0 when it has none); l: its name's
 * length.  Inline: the pre-pass reads one for most attributes. */
static inline const char *html_attr_value(const char *s, size_t n, size_t l, size_t *vlen)
{
	size_t p = l;
	while (p < n && html_is_ws(s[p]))
		p++;
	*vlen = 0;
	if (p >= n || s[p] != '=')
		return NULL;
	p++;
	while (p < n && html_is_ws(s[p]))
		p++;
	if (p < n && (s[p] == '"' || s[p] == '\'')) {
		*vlen = n - p >= 2 ? n - p - 2 : 0;
		return s + p + 1;
	}
	*vlen = n - p;
	return s + p;
}

/* The tag at s[i] ('<' then a letter, or "</" then a letter), by the
 * tokenizer's states; false when the input ends inside it. */
bool html_tag_read(const char *s, size_t n, size_t i, struct tag *t);
/* The tag's attribute name (lower case), NULL if none. */
const struct span *html_tag_attr_span(const char *s, const struct tag *t, const char *name);
/* The value of the tag's attribute name (lower-case), NULL if none. */
const char *html_tag_attr(const char *s, const struct tag *t, const char *name, size_t *vl);
/* Past the '>' of the end tag at s[i] (n when it never closes). */
size_t html_past_tag(const char *s, size_t n, size_t i);
/* Where "</name" and a delimiter starts, from s[i]; n when never. */
size_t html_find_end_tag(const char *s, size_t n, size_t i, const char *name);
/* Where a script's content ends, from s[i], by the script data states. */
size_t html_script_end(const char *s, size_t n, size_t i);
/* Past a kept <svg>'s matching end tag, 0 when HTML in it closes it first. */
size_t html_svg_end(const char *s, size_t n, size_t open_end);
/* Past a <template>'s content and end tag, nested ones counted. */
size_t html_template_end(const char *s, size_t n, size_t i);
/* What html_extract makes of an element whose content the pre-pass may
 * leave out (html_boiler.c). */
enum html_boiler {
	BOILER_NONE,
	BOILER_BY_TAG,  /* <nav>, <aside>, <footer> */
	BOILER_BY_ATTR, /* role="navigation" ..., aria-hidden="true" */
	BOILER_HIDDEN,  /* hidden: no module reads in it (html_is_hidden) */
};
enum html_boiler html_boiler_kind(const char *s, const struct tag *t);
/* Past the end tag that closes the element of start tag open, 0 when the
 * scan cannot tell or (but hidden ones) it holds what other modules read
 * (metadata). */
size_t html_boiler_end(const char *s, size_t n, const struct tag *open, bool hidden,
                       struct html_name_memo *memo);
/* Whitespace beside a tag of class cl never shows (in_body: the body
 * began; there <meta>, <link> and the head's other tags are no block). */
static inline bool ws_free_class(unsigned cl, bool in_body)
{
	return (cl & C_WS_FREE) && !((cl & C_HEAD) && in_body);
}
/* The tag at s[i] is one ws_free_class says so of. */
bool html_ws_free_at(const char *s, size_t n, size_t i, bool in_body);
/* What html_end_implied is told of the tree builder's state. */
enum {
	OPEN_LI = 1,    /* the <li> the end tag would close is open below phrase elements alone */
	OPEN_P = 2,     /* so is the <p> */
	CELL_PLAIN = 4, /* no formatting element was opened since the last cell's start tag */
	LI_IN_UL = 8,   /* that <li> is a child of a <ul> */
	LI_IN_OL = 16,  /* of an <ol> */
};
/* Where the pass goes on when the end tag t (of a cell, a row, an <li>
 * or a <p>) does only what the next tag does anyway, 0 when it stays;
 * pre: in <pre>; open: OPEN_LI ... */
size_t html_end_implied(const char *s, size_t n, const struct tag *t, bool pre, unsigned open);
/* Past a comment at s[i] ("<!--"). */
size_t html_comment_end(const char *s, size_t n, size_t i);

#endif
