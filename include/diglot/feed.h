/*
 * feed.h: feed documents into items.  RSS 0.9x, RSS 1.0 (RDF), RSS 2.0,
 * Atom 0.3 and 1.0 (libxml2, recover mode, no network, no entity
 * substitution) and JSON Feed 1.0/1.1 (jansson), on bytes of bounded
 * size.  Pure: no I/O; the fetcher brings the bytes, import stores items.
 */
#ifndef DIGLOT_FEED_H
#define DIGLOT_FEED_H

#include "diglot/common.h"

#define FEED_MAX_INPUT ((size_t)16 << 20) /* larger documents are refused */

enum feed_kind { FEED_RSS, FEED_RDF, FEED_ATOM, FEED_JSON };

struct feed_item {
	char *id;      /* guid, atom:id or JSON id; "" when none */
	char *link;    /* absolute (xml:base, else the feed URL); "" when none */
	char *title;   /* plain one-line text (HTML stripped, entities decoded); "" */
	char *author;  /* "" when none */
	char *source;  /* the outlet the item names (RSS <source>, atom:source); "" */
	char *lang;    /* xml:lang or JSON language, else the feed's; "" (a hint: the text decides) */
	int64_t date;  /* published, else updated: Unix seconds UTC; 0 when none */
	char *content; /* content, else summary/description; "" when none */
	bool content_html; /* content is HTML (else plain text) */
	char *base;    /* absolute base URL of content's relative links (xml:base
	                * of the content element, else the feed URL); "" */
};

struct feed {
	enum feed_kind kind;
	char *title;   /* plain one-line text; "" when none */
	char *link;    /* the site's URL; "" */
	char *lang;    /* "" */
	char *encoding; /* what the bytes were read as, lower case: "utf-8",
	                 * "windows-1252", "big5" (the HTTP or declared name) */
	struct feed_item *items;
	size_t nitems;
};

/*
 * Parse one feed document.  url is where it came from (base of relative
 * links; may be NULL); http_charset the charset of the HTTP Content-Type
 * (NULL when none), which wins over the XML declaration as RFC 3023 says.
 * Broken documents give what can be recovered; DG_ERR with *cause only
 * when nothing is a feed ("not a feed: an HTML page", "empty document").
 * *out must be zeroed; feed_free releases it.
 */
enum dg_status feed_parse(const char *bytes, size_t len, const char *url,
                          const char *http_charset, struct feed *out, char **cause);
void feed_free(struct feed *f);

/* An item's identity within its feed: its id, else its link, else
 * "sha256:" and the hex SHA-256 of title, '\n', content; a leading
 * "http:" or "https:" of the id or link is left out ("//host/path") so a
 * feed moving from http to https keeps its items.  Caller frees. */
char *feed_item_key(const struct feed_item *it);

#endif
