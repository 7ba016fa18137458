/*
 * feed_int.h: private to src/feed/: the decoding step, text helpers and
 * the readers of each format that feed.c dispatches to.
 */
#ifndef DIGLOT_FEED_INT_H
#define DIGLOT_FEED_INT_H

#include "diglot/feed.h"
#include "diglot/sbuf.h"

/* feed_enc.c: raw bytes to clean NUL-terminated UTF-8 (*out, *outlen):
 * BOM, then http_charset, then the XML declaration, then utf8_clean's
 * detection; a charset that does not decode the bytes strictly is passed
 * over.  *encoding: the name used (caller frees). */
enum dg_status feed_decode(const char *bytes, size_t len, const char *http_charset,
                           char **out, size_t *outlen, char **encoding, char **cause);

/* feed_fixup.c: a copy of UTF-8 XML with what XML forbids but feeds
 * write made what it meant: HTML's named references (&eacute;) that no
 * DTD declares as numeric ones, &#X as &#x, a bare '&' as &amp;.
 * CDATA sections and comments are left alone.  Caller frees. */
char *feed_fixup(const char *s, size_t len, size_t *outlen);

/* feed_detect.c: the legacy encoding of bytes that are not UTF-8 and
 * declare none: its label ("euc-jp", "koi8-r") and *iconv_name, or NULL
 * when no guess is safe (utf8_clean's rule decides then). */
const char *feed_detect(const char *s, size_t n, const char **iconv_name);

/* feed_text.c */
/* Valid UTF-8 with U+0080..U+009F (C1 controls, which feeds write when
 * they mean Windows-1252's quotes and dashes) made those characters;
 * anything else copied.  Caller frees. */
char *feed_demoronize(const char *s, size_t n);
/* Text encoded as UTF-8 twice ("â€¦" for "…": UTF-8 bytes read as
 * Windows-1252, then encoded again) decoded once; other text copied.
 * Valid UTF-8 in, caller frees. */
char *feed_undouble(const char *s, size_t n);
/* Does RSS text look like HTML (a closing tag, <br>, an entity)? */
bool feed_looks_like_html(const char *s);
/* HTML to one plain line: tags removed (script and style with their
 * content), entities decoded, utf8_clean_line'd.  Caller frees. */
char *feed_html_to_text(const char *s, size_t n);
/* Append the UTF-8 of one HTML character reference's name ("amp",
 * "#233", "#xE9") to b; false when it names none. */
bool feed_entity(struct sbuf *b, const char *name, size_t n);
/* ref resolved against base per RFC 3986 (either may be NULL or "");
 * never NULL.  Caller frees. */
char *feed_resolve(const char *base, const char *ref);
/* s trimmed of ASCII white space, copied. */
char *feed_trim(const char *s);

/* feed.c: a new zeroed item at the end of f's list. */
struct feed_item *feed_add_item(struct feed *f);

/* feed_xml.c, feed_json.c: read clean UTF-8 into *out (kind, title, link,
 * lang, items); DG_ERR with *cause when it is no feed. */
enum dg_status feed_parse_xml(const char *s, size_t len, const char *url, struct feed *out,
                              char **cause);
enum dg_status feed_parse_json(const char *s, size_t len, const char *url, struct feed *out,
                               char **cause);

/* feed_xml.c: an attribute's value when it is plain text (no entity
 * reference; libxml2's own readers would expand one), else NULL;
 * xml_ns: the attribute is xml:NAME. */
struct _xmlNode;
/* libxml2 set up, once per process, whichever thread comes first. */
void feed_xml_init(void);
const char *feed_xml_attr(const struct _xmlNode *n, const char *name, bool xml_ns);

#endif
