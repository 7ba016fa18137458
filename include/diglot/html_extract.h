/*
 * html_extract.h: a web page's article: its metadata and the paragraphs
 * of its main text, without navigation, related links, comments, cookie
 * banners, share bars or footers (src/html/html_extract.c).
 */
#ifndef DIGLOT_HTML_EXTRACT_H
#define DIGLOT_HTML_EXTRACT_H

#include "diglot/html.h"

struct html_page {
	char *title;   /* og:title, JSON-LD headline, <h1> or <title> without the
	                * site's name; one clean line, "" when none */
	char *source;  /* og:site_name, JSON-LD publisher.name, else the host as
	                * article_source_from_host names it; "" when none */
	char *author;  /* JSON-LD author, meta author; "" */
	char *url;     /* canonical URL (link rel=canonical, og:url), else the
	                * page's URL; "" */
	char *lang;    /* hint: <html lang>, og:locale, as "en"; "" */
	char date[11]; /* "YYYY-MM-DD" as the page states it (its own time zone);
	                * "" when none */
	int64_t date_unix; /* the same day, midnight UTC; 0 when none */
	char *text;    /* the main text: paragraphs separated by "\n\n", clean
	                * (utf8_clean); its headings stay in place (the headline
	                * too, when the article holds it); "" when none */
	struct html_link *links; /* links inside the main text */
	size_t nlinks;
};

/*
 * Extract the article of a page.  url is where the page came from (may be
 * NULL: relative links stay relative, and no host names the source);
 * charset is the transport's hint (NULL when none).  *out must be
 * zeroed; html_page_free releases it.  Fails only on a page too large.
 */
enum dg_status html_extract(const char *bytes, size_t len, const char *url, const char *charset,
                            struct html_page *out, char **cause);
void html_page_free(struct html_page *p);

#endif
