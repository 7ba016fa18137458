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

struct html_doc {
	GumboOutput *out;
	char *utf8; /* the decoded page gumbo parsed (its nodes point into it) */
	size_t len;
};

/* Decode (html_decode.c) and parse.  *d zeroed; html_doc_free releases. */
enum dg_status html_doc_parse(const char *bytes, size_t len, const char *charset,
                              struct html_doc *d, char **cause);
void html_doc_free(struct html_doc *d);
/* The document's <base href> resolved against base_url, else a copy of
 * base_url (NULL when none).  Caller frees. */
char *html_doc_base(const struct html_doc *d, const char *base_url);

/* Bytes to UTF-8 by the rule of html.h: BOM, hint, <meta> prescan, else
 * utf8_clean's detection.  NUL bytes dropped.  Caller frees. */
char *html_decode(const char *bytes, size_t len, const char *charset, size_t *out_len);
/* The iconv name for a charset label (WHATWG's labels), NULL if unknown. */
const char *html_charset_name(const char *label, size_t n, bool from_meta);
/* The charset a <meta> in the first 1024 bytes declares, or NULL. */
const char *html_prescan_charset(const char *s, size_t n);

/* Tag classes. */
bool html_is_block(GumboTag t);
bool html_is_hidden(const GumboNode *n); /* never text: script, style, head, ... */
const char *html_attr(const GumboNode *n, const char *name); /* NULL when absent */

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
/* Count characters (not bytes: CJK has no spaces) of a UTF-8 string. */
size_t html_chars(const char *s, size_t len);
/* Clean text as article_parse wants it: utf8_clean, empty paragraphs gone. */
char *html_clean_text(const char *s, size_t len);

#endif
