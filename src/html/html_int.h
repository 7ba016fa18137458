/*
 * html_int.h: private to src/html/: the parsed document (gumbo's tree and
 * the decoded bytes it points into) and the walker that turns a subtree
 * into paragraphs, shared by html_to_text and the main-text extractor.
 */
#ifndef DIGLOT_HTML_INT_H
#define DIGLOT_HTML_INT_H

#include "diglot/common.h"
#include "diglot/html.h"
#include "diglot/sbuf.h"

#include <gumbo.h>

/* Elements nested deeper than this are cut off before parsing: gumbo's
 * scope checks walk the stack of open elements, so 30,000 nested <div>
 * took 14 s and 100,000 minutes (measured, gumbo 0.10.1). */
#define HTML_MAX_DEPTH 2000

/* What a class or id value says (html_names.c): N_SET when looked at,
 * with N_BAD (a boilerplate word), N_STRONG (one that outweighs article
 * words), N_GOOD (an article word), N_MARKER (an article body's name),
 * N_DATE (a date's or byline's).  0 for none or "".  Memoized per page:
 * pages repeat their class names thousands of times. */
enum { N_BAD = 1, N_STRONG = 2, N_GOOD = 4, N_MARKER = 8, N_DATE = 16, N_SET = 128 };
#define HTML_NAME_MEMO 4096
struct html_name_memo {
	uint64_t key[HTML_NAME_MEMO];
	uint8_t flags[HTML_NAME_MEMO];
	bool coded; /* the pre-pass wrote values as their flags (html_name_code) */
	bool codes_high; /* as U+10FFC0 + f: the page has characters of U+EF00.. */
};
/* A class or id value written as its flags f (not 0, nor N_SET): one
 * private-use character, U+EF00 + f, or U+10FFC0 + f on a page that has
 * one of U+EF00..U+EFFF (an icon font's, in its style sheet); returns
 * its length. */
#define HTML_NAME_CODE_MAX 4
size_t html_name_code(const struct html_name_memo *memo, unsigned f, char out[HTML_NAME_CODE_MAX]);
unsigned html_name_flags(struct html_name_memo *memo, const char *value);
unsigned html_name_flags_n(struct html_name_memo *memo, const char *value, size_t n);

/* Runs of plain text the pre-pass kept from gumbo (html_runs.c): each
 * run's text (references decoded) at off in text. */
struct html_run {
	size_t off, len;
	/* 0: text; else the text of an <a> made after the parse
	 * (html_links.c): 1 + its attribute set, or HTML_LINK_BARE */
	size_t link;
};
#define HTML_LINK_BARE SIZE_MAX
/* A start tag's attributes kept from gumbo (html_attrs.c): the tag at
 * at in the pre-pass's output, its attributes attr[first..first + n). */
struct html_attr_set {
	size_t at;
	size_t first, n;
};
/* An attribute's name (lower case) and value, each NUL-terminated at its
 * offset in atext. */
struct html_side_attr {
	size_t name, name_len, value, value_len;
};
struct html_runs {
	struct html_run *v;
	size_t n, cap;
	struct sbuf text;
	struct html_attr_set *sets;
	size_t nsets, capsets;
	struct html_side_attr *attr;
	size_t nattr, capattr;
	char *atext;
	size_t natext, capatext;
	size_t nlinks; /* runs that are links */
	/* The first run's number: 0, or past the BMP placeholders on a page
	 * that holds their characters (html_runs_allowed). */
	size_t first;
};
/* s[0..n) is text gumbo keeps byte for byte (valid UTF-8, no CR, no
 * control, C1 or noncharacter it would replace). */
bool html_runs_plain(const char *s, size_t n);
/* May the page s[0..n) have runs replaced: are there placeholders none
 * of its characters is, as such or as a reference?  *first: the first
 * run's number (past the BMP placeholders on a page with one of theirs
 * or of the name codes'); *codes_high: the name codes in plane 16. */
bool html_runs_allowed(const char *s, size_t n, size_t *first, bool *codes_high);
/* Where a run is: text (references decoded as the tokenizer does in
 * text), an attribute's value (as it does there: "&copy=" stays), raw
 * text (a script: no references). */
enum html_run_kind { RUN_TEXT, RUN_ATTR, RUN_RAW };
/* The run s[0..n) replaced: its placeholder (6 bytes) into out; 0 when
 * it stays (short, or not plain text). */
size_t html_runs_put(struct html_runs *r, enum html_run_kind kind, const char *s, size_t n,
                     char *out);
/* The value s[0..n) of an attribute (attr) or text decoded as the
 * tokenizer does, into b; false when a reference in it is gumbo's to
 * read (b then as it was). */
bool html_runs_decode(const char *s, size_t n, bool attr, struct sbuf *b);
/* The run s[0..n) as the text of an <a> around it, with attribute set
 * set (HTML_LINK_BARE: none): as html_runs_put. */
size_t html_runs_put_link(struct html_runs *r, const char *s, size_t n, size_t set, char *out);
/* The run the placeholder at u numbers (len bytes left; its bytes into
 * *w), r->n when it is none. */
size_t html_runs_at(const struct html_runs *r, const unsigned char *u, size_t len, size_t *w);
/* t[0..n) with its placeholders replaced by their runs, NUL-terminated,
 * in opt's allocator. */
char *html_runs_text(const struct html_runs *r, const char *t, size_t n, const GumboOptions *opt);
/* Every text node and attribute value below root with its runs back, and
 * each element its attributes kept apart (in opt's allocator); base: the
 * page gumbo parsed. */
void html_runs_expand(const struct html_runs *r, GumboNode *root, const char *base,
                      const GumboOptions *opt);

/* Attributes kept from gumbo (html_attrs.c): the tree builder reads no
 * attribute of most elements, and gumbo spends a fifth of its time on
 * them.  html_attrs_begin starts the set of the start tag at at in the
 * output; html_attrs_add adds one (name as written, value as in the
 * tag, NULL for none; exact: as gumbo would give it, a name code),
 * false when gumbo must read it (a name or a
 * reference the tokenizer reads otherwise, text it would replace);
 * html_attrs_end keeps the set or (keep false) forgets it. */
void html_attrs_begin(struct html_runs *r, size_t at);
bool html_attrs_add(struct html_runs *r, const char *name, size_t nl, const char *v, size_t vl,
                    bool exact);
void html_attrs_end(struct html_runs *r, bool keep);
/* The output moved: sets at from or later forgotten (cut), or moved by
 * add bytes (shift). */
void html_attrs_cut(struct html_runs *r, size_t from);
void html_attrs_shift(struct html_runs *r, size_t from, size_t add);
/* The attributes of set k into v (empty, as gumbo makes it). */
void html_attrs_fill(const struct html_runs *r, size_t k, GumboVector *v, const GumboOptions *opt);
/* The text node n holds links (html_links.c): it is replaced by its
 * text and the <a> elements, runs given back; false when it holds none. */
bool html_links_split(const struct html_runs *r, GumboNode *n, const GumboOptions *opt);
/* Element n's attributes back, when its start tag had them kept (true);
 * *hint: 0 before the first element, then kept between calls. */
bool html_attrs_give_back(const struct html_runs *r, GumboNode *n, const char *base, size_t *hint,
                          const GumboOptions *opt);
void html_runs_free(struct html_runs *r);

/* gumbo's memory: bump allocation in chunks, freed at once (malloc and
 * free were a fifth of the extraction time); past a cap, malloc again. */
struct html_arena {
	char **chunks;
	size_t nchunks, capchunks;
	char *cur;
	size_t used, size, total;
	size_t big; /* blocks malloc'ed past the cap and not freed yet */
	size_t room; /* of the current chunk, arena_alloc's fast path's (0 near the cap) */
};

struct html_doc {
	GumboOutput *out;
	GumboOptions opt;
	struct html_arena *arena;
	char *utf8; /* the decoded page gumbo parsed (its nodes point into it) */
	size_t len;
	struct html_name_memo *memo; /* class and id values, read by the pre-pass */
	struct html_runs runs;
};

/* Decode (html_decode.c) and parse; article: for html_extract (the
 * pre-pass may drop what it never takes, <nav>).  *d zeroed; html_doc_free releases. */
enum dg_status html_doc_parse(const char *bytes, size_t len, const char *charset, bool article,
                              struct html_doc *d, char **cause);
void html_doc_free(struct html_doc *d);
/* The document's <base href> resolved against base_url, else a copy of
 * base_url (NULL when none).  Caller frees. */
char *html_doc_base(const struct html_doc *d, const char *base_url);

/* Bytes to UTF-8 by the rule of html.h: BOM, hint, <meta> prescan, else
 * utf8_clean's detection.  NUL bytes dropped.  Caller frees. */
char *html_decode(const char *bytes, size_t len, const char *charset, size_t *out_len,
                  struct html_name_memo *memo, bool article, struct html_runs *runs);
/* The decoded page s[0..n) into dst (room for n bytes) without what no
 * module reads: scripts but JSON-LD, styles, comments, SVG, templates,
 * unread attributes, whitespace runs, for an article <nav>'s content; cut where it nests deeper than
 * HTML_MAX_DEPTH (html_prepass.c).  Returns the length written. */
size_t html_prepass(const char *s, size_t n, char *dst, struct html_name_memo *memo,
                    bool article, struct html_runs *runs);
/* May the pre-pass leave out an element named lname (lower case), with
 * attributes or without?  0: never; 1: it may go; 2: a space may stay in
 * its place (<img>).  Its text and children stay, as text around it. */
int html_prepass_drops(const char *lname, bool attrs);
/* The iconv name for a charset label (WHATWG's labels), NULL if unknown. */
const char *html_charset_name(const char *label, size_t n, bool from_meta);
/* The charset a <meta> in the first 1024 bytes declares, or NULL. */
const char *html_prescan_charset(const char *s, size_t n);

/* Tag classes. */
bool html_is_block(GumboTag t);
bool html_is_hidden(const GumboNode *n); /* never text: script, style, head, ... */
/* html_is_hidden in two parts: by its tag (1 hidden, 0 not, -1 up to its
 * attributes), by the values of its hidden and style attributes. */
int html_hidden_by_tag(const GumboNode *n);
bool html_hidden_by_attrs(const char *hidden, const char *style);
/* A style attribute's value s[0..n) hides its element (display:none,
 * visibility:hidden in its first 63 characters but spaces). */
bool html_style_hides(const char *s, size_t n);
/* The value of attribute name (lower-case), NULL when absent. */
const char *html_attr(const GumboNode *n, const char *name);

/*
 * The walker: text of subtrees into paragraphs ("\n\n" between, "\n" for
 * <br>, whitespace collapsed).  skip, when set, leaves out whole subtrees.
 */
struct html_walk {
	struct sbuf out;  /* finished paragraphs */
	struct sbuf para; /* the one being built */
	bool space;       /* whitespace seen since the last character */
	int brs;          /* <br> in a row */
	int pre;          /* inside <pre> */
	size_t max;       /* stop adding paragraphs past this many bytes (0: none) */
	bool (*skip)(void *ctx, const GumboNode *n);
	void *ctx;
	/* Links, when links_on: <a href> resolved against base. */
	bool links_on;
	const char *base;
	struct html_link *links;
	size_t nlinks, caplinks;
};

void html_walk_node(struct html_walk *w, const GumboNode *root);
void html_walk_break(struct html_walk *w); /* end the current paragraph */
void html_walk_free(struct html_walk *w);
/* The text of a subtree on one line (links' text, titles).  Caller frees. */
char *html_node_line(const GumboNode *n);
/* Entities in s decoded as in <title> (text, no tags).  Caller frees. */
char *html_unescape(const char *s);
/* Count characters (not bytes: CJK has no spaces) of a UTF-8 string. */
size_t html_chars(const char *s, size_t len);
/* Clean text as article_parse wants it: utf8_clean, empty paragraphs gone. */
char *html_clean_text(const char *s, size_t len);

#endif

/* ---- the extractor (html_extract.c, html_meta.c) ---------------------- */

/* The attributes the extractor reads of every element, by index into
 * xnode's attr. */
enum { XA_CLASS, XA_ID, XA_ITEMPROP, XA_ROLE, XA_ARIA_HIDDEN, XA_HIDDEN, XA_STYLE, XA_COUNT };

/* One element of the page in document order; a subtree is [i, end). */
struct xnode {
	const GumboNode *n;
	const char *attr[XA_COUNT]; /* html_attr(n, the XA_ name), read once */
	int parent;         /* index, -1 for the root */
	uint32_t end;       /* one past the last node of the subtree */
	uint32_t chars;     /* visible characters below (CJK count twice) */
	uint32_t link_chars; /* of those, inside <a> */
	uint32_t punct;     /* commas, full stops, CJK punctuation */
	uint32_t own_chars, own_punct, own_link; /* the same for the text whose
	                     * nearest block is this one: its own paragraph */
	float score;        /* content score (readability's idea) */
	uint32_t para_chars; /* characters of the paragraphs below that score */
	int weight;         /* from class and id names: + article-like, - boilerplate */
	uint8_t names;      /* what its class and id say (html_name_flags) */
	bool boiler;        /* a boilerplate container: never main text */
	bool body_below;    /* it or an element below names itself the article body */
};

struct xtree {
	struct xnode *v;
	size_t n, cap;
	const GumboNode **hkeys; /* node -> index, open addressing */
	uint32_t *hvals;
	size_t hcap;
};

void xtree_build(struct xtree *t, const GumboNode *root);
int xtree_find(const struct xtree *t, const GumboNode *n); /* -1 if not an element of it */
void xtree_free(struct xtree *t);

struct html_meta {
	char *og_title, *ld_headline, *title_tag, *h1;
	char *site_name, *ld_publisher, *author;
	char *canonical, *og_url, *lang;
	char date[11];
	int date_rank; /* which source gave the date: lower is better */
	int64_t date_unix;
	char mod_date[11]; /* when it was modified: the last resort */
	int64_t mod_unix;
};

/* What a JSON-LD script says of its article (html_jsonld.c): the first
 * object of an article type with a headline or datePublished, its
 * strings (each NULL when absent; publisher: publisher.name).  False when
 * the script holds none or is not JSON.  html_ld_free releases. */
struct html_ld {
	char *headline, *published, *modified, *author, *publisher;
};
bool html_ld_read(const char *s, struct html_ld *ld);
void html_ld_free(struct html_ld *ld);

/* Metadata of the whole page; h1 is filled by the extractor. */
void html_meta_read(const struct xtree *t, struct html_meta *m);
/* What html_meta_read takes from a <meta> with this key (property, name
 * or itemprop): 0 when nothing. */
int html_meta_key(const char *key, size_t n);
/* A date in a URL's path (/2019/05/03/, /2019-05-03, /20190503). */
void date_from_url(struct html_meta *m, const char *url);
/* A date a page gives as text: ISO 8601 and the forms article_parse reads. */
bool html_meta_date(const char *s, char out[11], int64_t *unix_day);
/* The title without the site's name: "Headline | Site" -> "Headline". */
char *html_meta_title(const struct html_meta *m, const char *site, const char *host);
void html_meta_free(struct html_meta *m);
