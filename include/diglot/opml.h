/*
 * opml.h: subscription lists in and out.  Reads OPML 1.0/2.0 (libxml2, no
 * network, no entities; newsboat's and newsraft's exports among them),
 * outline folders becoming categories; writes OPML 2.0.
 */
#ifndef DIGLOT_OPML_H
#define DIGLOT_OPML_H

#include "diglot/common.h"
#include "diglot/sbuf.h"

struct opml_entry {
	char *url;      /* xmlUrl, never "" */
	char *title;    /* title, else text; "" */
	char *site;     /* htmlUrl; "" */
	char *category; /* the enclosing folders' names joined by "/", else the
	                 * first of newsboat's category="a,b" tags; "" */
};

struct opml {
	char *title;
	struct opml_entry *entries;
	size_t nentries;
};

/* Parse; outlines without xmlUrl are folders.  *out zeroed; opml_free.
 * DG_ERR with *cause when it is no OPML ("not an OPML document: no
 * <body>"). */
enum dg_status opml_parse(const char *bytes, size_t len, struct opml *out, char **cause);
void opml_free(struct opml *o);
/* Append an OPML 2.0 document (UTF-8, every value escaped) to b: one
 * folder outline per "/" level of a category, the feeds of a category
 * together in the order of their first appearance. */
void opml_write(struct sbuf *b, const char *title, const struct opml_entry *e, size_t n);

#endif
