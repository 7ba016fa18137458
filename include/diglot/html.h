/*
 * html.h: HTML into text, behind an interface of ours so that the HTML5
 * parser under it (gumbo today, only in src/html/) can be replaced.
 * Decoding: BOM, then the charset hint (HTTP), then <meta charset> or
 * http-equiv, else the detection import uses (utf8.h).
 */
#ifndef DIGLOT_HTML_H
#define DIGLOT_HTML_H

#include "diglot/common.h"

#define HTML_MAX_INPUT ((size_t)64 << 20) /* larger pages are refused */

struct html_link {
	char *url;  /* absolute when a base URL was given */
	char *text; /* the anchor's text, one line; "" */
};

/* A fragment's text: what a feed item's HTML content becomes. */
struct html_text {
	char *text; /* paragraphs (block elements) separated by "\n\n"; entities
	             * decoded; no text of script, style, template, attributes
	             * or comments; "" when none */
	struct html_link *links;
	size_t nlinks;
};

/*
 * Convert an HTML fragment or document into paragraphs and links.
 * base_url resolves relative links (may be NULL); charset is a hint as
 * above (NULL when none).  *out must be zeroed; html_text_free releases it.
 */
enum dg_status html_to_text(const char *bytes, size_t len, const char *base_url,
                            const char *charset, struct html_text *out, char **cause);
void html_text_free(struct html_text *t);

/*
 * Does a file hold HTML?  By content, not name: after a BOM, whitespace,
 * an XML declaration and comments, the first tag is <!doctype html>,
 * <html>, <head> or <body> (or <meta>/<title>, which only HTML starts with).
 */
bool html_sniff(const char *bytes, size_t len);

/* ref resolved against base (RFC 3986, 5.2); ref itself, trimmed, when
 * base is NULL or not absolute.  Caller frees. */
char *html_resolve_url(const char *base, const char *ref);
/* The host of an absolute URL, lower-cased, no port or user; NULL when
 * none.  Caller frees. */
char *html_url_host(const char *url);

/* The feeds a page announces (<link rel="alternate"> of an RSS, Atom or
 * JSON Feed type), absolute against base_url (or the page's <base>), in
 * page order, each once; text is the link's title.  Returns the count;
 * *out for html_links_free. */
size_t html_feed_links(const char *bytes, size_t len, const char *base_url, const char *charset,
                       struct html_link **out);
void html_links_free(struct html_link *v, size_t n);

#endif
