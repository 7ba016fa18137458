/*
 * feed_xml.c: RSS 0.9x, RSS 1.0 (RDF), RSS 2.0 and Atom 0.3/1.0 through
 * libxml2.  The document is read in recover mode (broken feeds give what
 * can be saved), with no network, no DTD loading and no entity
 * substitution: a reference to an entity stays a node, and this file
 * turns it into text only when it is an HTML character name or an
 * internal entity whose value holds no further reference, so neither an
 * external entity nor an expansion bomb is ever expanded.  Elements are
 * matched by namespace (or by the literal prefix, for feeds that forget
 * to declare one).
 */
#include "feed_int.h"
#include "diglot/feed_date.h"
#include "diglot/utf8.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistr.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#define MAX_DEPTH 64

enum ns { NS_NONE, NS_ATOM, NS_RSS, NS_RDF, NS_DC, NS_DCTERMS, NS_CONTENT, NS_XHTML, NS_OTHER };

struct ctx {
	xmlDoc *doc;
	bool atom; /* an Atom document: un-namespaced elements are Atom's */
	const xmlChar *atom_href; /* a <feed> in a namespace of its own: Atom's */
};

static enum ns ns_of_href(const char *h)
{
	static const struct { const char *href; enum ns ns; } t[] = {
		{"http://www.w3.org/2005/Atom", NS_ATOM}, {"http://purl.org/atom/ns#", NS_ATOM},
		{"http://purl.org/rss/1.0/", NS_RSS}, {"http://my.netscape.com/rdf/simple/0.9/", NS_RSS},
		{"http://backend.userland.com/rss2", NS_RSS}, {"http://blogs.law.harvard.edu/tech/rss", NS_RSS},
		{"http://www.w3.org/1999/02/22-rdf-syntax-ns#", NS_RDF},
		{"http://purl.org/dc/elements/1.1/", NS_DC}, {"http://purl.org/dc/terms/", NS_DCTERMS},
		{"http://purl.org/rss/1.0/modules/content/", NS_CONTENT},
		{"http://www.w3.org/1999/xhtml", NS_XHTML},
	};
	for (size_t i = 0; i < ARRAY_SIZE(t); i++)
		if (strcmp(h, t[i].href) == 0)
			return t[i].ns;
	/* Atom 1.0's namespace written with a trailing slash or in caps. */
	if (strncasecmp(h, "http://www.w3.org/2005/atom", 27) == 0)
		return NS_ATOM;
	return NS_OTHER;
}

/* An element's namespace and local name; an undeclared prefix
 * ("dc:creator" in a feed without xmlns:dc) by its usual meaning. */
static enum ns ns_of(const xmlNode *n, const char **local)
{
	const char *name = (const char *)n->name;
	*local = name;
	if (n->ns && n->ns->href)
		return ns_of_href((const char *)n->ns->href);
	const char *colon = strchr(name, ':');
	if (!colon)
		return NS_NONE;
	*local = colon + 1;
	size_t pl = (size_t)(colon - name);
	static const struct { const char *p; enum ns ns; } t[] = {
		{"atom", NS_ATOM}, {"dc", NS_DC}, {"dcterms", NS_DCTERMS}, {"content", NS_CONTENT},
		{"rdf", NS_RDF}, {"xhtml", NS_XHTML},
	};
	for (size_t i = 0; i < ARRAY_SIZE(t); i++)
		if (strlen(t[i].p) == pl && memcmp(name, t[i].p, pl) == 0)
			return t[i].ns;
	return NS_OTHER;
}

/* Is n the element ns:local?  NS_NONE matches un-namespaced RSS and
 * RSS 1.0's namespace; NS_ATOM also un-namespaced elements of Atom. */
static bool is(const struct ctx *c, const xmlNode *n, enum ns ns, const char *local)
{
	if (!n || n->type != XML_ELEMENT_NODE)
		return false;
	const char *l;
	enum ns got = ns_of(n, &l);
	if (strcmp(l, local) != 0)
		return false;
	if (got == ns)
		return !(ns == NS_NONE && c->atom); /* Atom's own, matched as NS_ATOM */
	if (ns == NS_ATOM && got == NS_OTHER && c->atom_href && n->ns &&
	    xmlStrEqual(n->ns->href, c->atom_href))
		return true;
	if (ns == NS_NONE)
		return got == NS_RSS;
	if (ns == NS_ATOM)
		return got == NS_NONE && c->atom;
	return false;
}

/* An attribute's value when it is plain text.  One holding an entity
 * reference is not read: libxml2's own readers (xmlGetProp,
 * xmlNodeGetBase, xmlNodeGetLang) expand references recursively, which
 * is the expansion bomb this file must never set off. */
const char *feed_xml_attr(const xmlNode *n, const char *name, bool xml_ns)
{
	for (const xmlAttr *a = n->properties; a; a = a->next) {
		if (!a->name || strcmp((const char *)a->name, name) != 0)
			continue;
		if (xml_ns != (a->ns && a->ns->href && !strcmp((const char *)a->ns->href,
		                                                (const char *)XML_XML_NAMESPACE)))
			continue;
		const xmlNode *t = a->children;
		if (t && t->type == XML_TEXT_NODE && !t->next && t->content)
			return (const char *)t->content;
		return NULL;
	}
	return NULL;
}

static const char *attr(const xmlNode *n, const char *name)
{
	return feed_xml_attr(n, name, false);
}

/* ---- text out of nodes ------------------------------------------------- */

/* An entity reference as text: an HTML name (&nbsp; &eacute; that feeds
 * use without declaring them) or a declared internal entity whose value
 * references nothing further; everything else is dropped. */
static void entity_text(const struct ctx *c, const xmlNode *n, struct sbuf *b)
{
	const char *name = (const char *)n->name;
	if (!name)
		return;
	if (feed_entity(b, name, strlen(name)))
		return;
	xmlEntity *e = xmlGetDocEntity(c->doc, n->name);
	if (e && e->etype == XML_INTERNAL_GENERAL_ENTITY && e->content &&
	    !strchr((const char *)e->content, '&') && e->length < 1024)
		sbuf_addstr(b, (const char *)e->content);
}

static void gather(const struct ctx *c, const xmlNode *n, struct sbuf *b, int depth)
{
	if (depth > MAX_DEPTH)
		return;
	for (const xmlNode *k = n->children; k; k = k->next) {
		if ((k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE) && k->content)
			sbuf_addstr(b, (const char *)k->content);
		else if (k->type == XML_ENTITY_REF_NODE)
			entity_text(c, k, b);
		else if (k->type == XML_ELEMENT_NODE)
			gather(c, k, b, depth + 1);
	}
}

static void escape(struct sbuf *b, const char *s, bool quotes)
{
	for (; *s; s++) {
		if (*s == '&')
			sbuf_addstr(b, "&amp;");
		else if (*s == '<')
			sbuf_addstr(b, "&lt;");
		else if (*s == '>')
			sbuf_addstr(b, "&gt;");
		else if (quotes && *s == '"')
			sbuf_addstr(b, "&quot;");
		else
			sbuf_addc(b, *s);
	}
}

static bool is_void(const char *name)
{
	static const char *const v[] = {"br", "img", "hr", "input", "meta", "link", "area",
	                                "base", "col", "embed", "param", "source", "track", "wbr"};
	for (size_t i = 0; i < ARRAY_SIZE(v); i++)
		if (strcmp(name, v[i]) == 0)
			return true;
	return false;
}

/* n's children as an HTML string.  raw: text nodes are HTML already
 * (escaped HTML), else they are text and get escaped (XHTML). */
static void serialize(const struct ctx *c, const xmlNode *n, struct sbuf *b, bool raw, int depth)
{
	if (depth > MAX_DEPTH)
		return;
	for (const xmlNode *k = n->children; k; k = k->next) {
		if ((k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE) && k->content) {
			if (raw)
				sbuf_addstr(b, (const char *)k->content);
			else
				escape(b, (const char *)k->content, false);
		} else if (k->type == XML_ENTITY_REF_NODE) {
			struct sbuf t = SBUF_INIT;
			entity_text(c, k, &t);
			escape(b, sbuf_str(&t), false);
			sbuf_free(&t);
		} else if (k->type == XML_ELEMENT_NODE) {
			const char *local;
			ns_of(k, &local);
			sbuf_addf(b, "<%s", local);
			for (const xmlAttr *a = k->properties; a; a = a->next) {
				struct sbuf v = SBUF_INIT;
				gather(c, (const xmlNode *)a, &v, depth + 1);
				sbuf_addf(b, " %s=\"", (const char *)a->name);
				escape(b, sbuf_str(&v), true);
				sbuf_addc(b, '"');
				sbuf_free(&v);
			}
			if (!k->children && is_void(local)) {
				sbuf_addstr(b, ">");
				continue;
			}
			sbuf_addc(b, '>');
			serialize(c, k, b, raw, depth + 1);
			sbuf_addf(b, "</%s>", local);
		}
	}
}

static bool has_elements(const xmlNode *n)
{
	for (const xmlNode *k = n->children; k; k = k->next)
		if (k->type == XML_ELEMENT_NODE)
			return true;
	return false;
}

static char *text_of(const struct ctx *c, const xmlNode *n)
{
	struct sbuf b = SBUF_INIT;
	gather(c, n, &b, 0);
	return sbuf_detach(&b);
}

/* Base64 of an Atom 0.3 mode="base64" content, decoded. */
static char *unbase64(const char *s)
{
	struct sbuf b = SBUF_INIT;
	uint32_t acc = 0;
	int bits = 0;
	for (; *s && *s != '='; s++) {
		const char *al = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
		const char *p = strchr(al, *s);
		if (!p || !*s)
			continue;
		acc = (acc << 6) | (uint32_t)(p - al);
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			sbuf_addc(&b, (char)((acc >> bits) & 0xff));
		}
	}
	char *raw = sbuf_detach(&b);
	/* Text only: an image or other binary is no article text (and the
	 * bytes are outside bytes: sanitised like any). */
	size_t n = strlen(raw);
	char *clean = u8_check((const uint8_t *)raw, n) == NULL ? utf8_sanitize(raw, n, true) : xstrdup("");
	free(raw);
	return clean;
}

enum ctype { CT_TEXT, CT_HTML, CT_XHTML, CT_OTHER };

/* An Atom text construct's kind, by its type (1.0) or mode (0.3). */
static enum ctype construct_type(const xmlNode *n, bool *b64)
{
	const char *type = attr(n, "type");
	const char *mode = attr(n, "mode");
	*b64 = mode && strcmp(mode, "base64") == 0;
	if (mode && strcmp(mode, "xml") == 0)
		return CT_XHTML;
	if (mode && strcmp(mode, "escaped") == 0 && (!type || strstr(type, "html")))
		return CT_HTML;
	if (!type || !*type || !strcmp(type, "text") || !strcmp(type, "text/plain"))
		return CT_TEXT;
	if (!strcmp(type, "html") || !strcmp(type, "text/html"))
		return CT_HTML;
	if (!strcmp(type, "xhtml") || !strcmp(type, "application/xhtml+xml"))
		return mode && strcmp(mode, "escaped") == 0 ? CT_HTML : CT_XHTML;
	if (strncmp(type, "text/", 5) == 0)
		return CT_TEXT;
	size_t tl = strlen(type);
	if ((tl > 4 && !strcmp(type + tl - 4, "+xml")) || (tl > 4 && !strcmp(type + tl - 4, "/xml")))
		return CT_XHTML;
	/* Any other media type: base64 (RFC 4287 4.1.3.3). */
	*b64 = !mode || strcmp(mode, "escaped") != 0;
	return CT_OTHER;
}

/* An XHTML construct holds one xhtml:div whose content is the value. */
static const xmlNode *xhtml_root(const xmlNode *n)
{
	const xmlNode *only = NULL;
	for (const xmlNode *k = n->children; k; k = k->next) {
		if (k->type == XML_ELEMENT_NODE) {
			if (only)
				return n;
			only = k;
		} else if (k->type == XML_TEXT_NODE && k->content &&
		           strspn((const char *)k->content, " \t\r\n") != strlen((const char *)k->content))
			return n;
	}
	const char *local;
	return only && ns_of(only, &local) == NS_XHTML && strcmp(local, "div") == 0 ? only : n;
}

/* An Atom construct's value, *html when it is HTML. */
static char *construct(const struct ctx *c, const xmlNode *n, bool *html)
{
	bool b64;
	enum ctype t = construct_type(n, &b64);
	struct sbuf b = SBUF_INIT;
	*html = false;
	if (b64) {
		gather(c, n, &b, 0);
	} else if (t == CT_XHTML) {
		serialize(c, xhtml_root(n), &b, false, 0);
		*html = true;
	} else if (t == CT_HTML) {
		if (has_elements(n))
			serialize(c, n, &b, true, 0);
		else
			gather(c, n, &b, 0);
		*html = true;
	} else if (t == CT_TEXT) {
		gather(c, n, &b, 0);
	}
	char *s = sbuf_detach(&b);
	if (b64) {
		char *d = unbase64(s);
		free(s);
		s = d;
		*html = t == CT_HTML || t == CT_XHTML;
	}
	return s;
}

/* A title: one plain line. */
static char *title_of(const struct ctx *c, const xmlNode *n, bool atom)
{
	char *s, *line;
	bool html = false;
	if (atom)
		s = construct(c, n, &html);
	else if (has_elements(n)) {
		struct sbuf b = SBUF_INIT;
		serialize(c, n, &b, true, 0);
		s = sbuf_detach(&b);
		html = true;
	} else {
		s = text_of(c, n);
		html = feed_looks_like_html(s);
	}
	/* C1 characters from references are Windows-1252's (feed.c does the
	 * same for every field, but the line cleaning below would drop them). */
	char *d = feed_demoronize(s, strlen(s));
	free(s);
	line = html ? feed_html_to_text(d, strlen(d)) : utf8_clean_line(d, strlen(d));
	free(d);
	return line;
}

/* RSS description or content:encoded: HTML; raw elements serialised. */
static char *rss_html(const struct ctx *c, const xmlNode *n)
{
	struct sbuf b = SBUF_INIT;
	if (has_elements(n))
		serialize(c, n, &b, true, 0);
	else
		gather(c, n, &b, 0);
	return sbuf_detach(&b);
}

/* The base of n (xml:base of it and its ancestors over the document
 * URL, RFC 3986), and ref resolved against it. */
static char *base_of(const struct ctx *c, const xmlNode *n)
{
	const xmlNode *chain[MAX_DEPTH + 1];
	size_t k = 0;
	for (const xmlNode *p = n; p && p->type == XML_ELEMENT_NODE && k < ARRAY_SIZE(chain); p = p->parent)
		chain[k++] = p;
	char *base = xstrdup(c->doc->URL ? (const char *)c->doc->URL : "");
	while (k--) {
		const char *xb = feed_xml_attr(chain[k], "base", true);
		if (xb && *xb) {
			char *t = feed_trim(xb);
			char *r = feed_resolve(base, t);
			free(t);
			free(base);
			base = r;
		}
	}
	return base;
}

static char *resolve_at(const struct ctx *c, const xmlNode *n, const char *ref)
{
	char *t = feed_trim(ref);
	if (!*t)
		return t;
	char *base = base_of(c, n);
	char *r = feed_resolve(base, t);
	free(base);
	free(t);
	return r;
}

static char *lang_of(const xmlNode *n)
{
	for (int d = 0; n && n->type == XML_ELEMENT_NODE && d <= MAX_DEPTH; n = n->parent, d++) {
		const char *l = feed_xml_attr(n, "lang", true);
		if (l)
			return utf8_clean_line(l, strlen(l));
	}
	return xstrdup("");
}

static void set(char **field, char *value)
{
	if (*field && **field) {
		free(value);
		return; /* the first one found wins */
	}
	free(*field);
	*field = value;
}

/* Atom link: rel alternate (or none) gives the item's URL. */
static bool atom_alternate(const xmlNode *n)
{
	const char *rel = attr(n, "rel");
	return !rel || !strcmp(rel, "alternate");
}

/* An alternate link's URL: its href, else its text (as some feeds
 * write it), resolved. */
static char *atom_href(const struct ctx *c, const xmlNode *n)
{
	const char *h = attr(n, "href");
	if (h)
		return resolve_at(c, n, h);
	char *t = text_of(c, n);
	char *r = resolve_at(c, n, t);
	free(t);
	return r;
}

static char *person_name(const struct ctx *c, const xmlNode *n)
{
	for (const xmlNode *k = n->children; k; k = k->next)
		if (is(c, k, NS_ATOM, "name")) {
			char *t = text_of(c, k);
			char *l = utf8_clean_line(t, strlen(t));
			free(t);
			return l;
		}
	char *t = text_of(c, n);
	char *l = utf8_clean_line(t, strlen(t));
	free(t);
	return l;
}

/* RSS 2.0's author is an e-mail address: "joe@example.com (Joe Smith)"
 * names Joe Smith, "Joe <joe@example.com>" Joe; anything else stays. */
static char *rss_author(char *s)
{
	char *open = strstr(s, " (");
	size_t n = strlen(s);
	if (open && n && s[n - 1] == ')' && memchr(s, '@', (size_t)(open - s)) &&
	    !memchr(s, ' ', (size_t)(open - s)) && n - (size_t)(open - s) > 3) {
		char *name = xstrndup(open + 2, n - (size_t)(open - s) - 3);
		free(s);
		return name;
	}
	char *lt = strstr(s, " <");
	if (lt && n && s[n - 1] == '>' && strchr(lt, '@')) {
		*lt = '\0';
		return s;
	}
	return s;
}

struct dates { int64_t pub, upd; };

/* The last parseable one wins, as feedparser has it. */
static void date_from(const struct ctx *c, const xmlNode *n, int64_t *slot)
{
	char *t = text_of(c, n);
	int64_t v;
	if (feed_date_parse(t, &v) && v != 0)
		*slot = v;
	free(t);
}

/* ---- one item or entry ---------------------------------------------------- */

struct content_pick {
	char *content;
	bool html;
	int rank; /* 3 content:encoded / atom:content, 2 summary / description */
	const xmlNode *node;
};

static void pick(struct content_pick *p, char *s, bool html, int rank, const xmlNode *n)
{
	if (rank <= p->rank || !*s) {
		free(s);
		return;
	}
	free(p->content);
	p->content = s;
	p->html = html;
	p->rank = rank;
	p->node = n;
}

static void item_child(const struct ctx *c, const xmlNode *k, struct feed_item *it,
                       struct content_pick *cp, struct dates *d, const xmlNode **guid)
{
	bool html;
	if (is(c, k, NS_NONE, "title") || is(c, k, NS_ATOM, "title") || is(c, k, NS_DC, "title")) {
		bool atom = is(c, k, NS_ATOM, "title");
		set(&it->title, title_of(c, k, atom));
	} else if (is(c, k, NS_NONE, "link")) {
		char *t = text_of(c, k);
		set(&it->link, resolve_at(c, k, t));
		free(t);
	} else if (is(c, k, NS_ATOM, "link") && atom_alternate(k)) {
		set(&it->link, atom_href(c, k));
	} else if (is(c, k, NS_NONE, "guid")) {
		char *t = text_of(c, k);
		set(&it->id, feed_trim(t));
		free(t);
		*guid = k;
	} else if (is(c, k, NS_ATOM, "id") || is(c, k, NS_DC, "identifier")) {
		/* Never resolved: an identity must not change with the feed's URL. */
		char *t = text_of(c, k);
		set(&it->id, feed_trim(t));
		free(t);
	} else if (is(c, k, NS_CONTENT, "encoded") || is(c, k, NS_NONE, "fullitem")) {
		pick(cp, rss_html(c, k), true, 3, k);
	} else if (is(c, k, NS_NONE, "body")) {
		pick(cp, rss_html(c, k), true, 3, k);
	} else if (is(c, k, NS_XHTML, "body") || is(c, k, NS_XHTML, "div")) {
		struct sbuf b = SBUF_INIT;
		serialize(c, k, &b, false, 0);
		pick(cp, sbuf_detach(&b), true, 3, k);
	} else if (is(c, k, NS_ATOM, "content")) {
		char *s = construct(c, k, &html);
		pick(cp, s, html, 3, k);
	} else if (is(c, k, NS_NONE, "description") || is(c, k, NS_DC, "description")) {
		pick(cp, rss_html(c, k), true, 2, k);
	} else if (is(c, k, NS_ATOM, "summary")) {
		char *s = construct(c, k, &html);
		pick(cp, s, html, 2, k);
	} else if (is(c, k, NS_NONE, "author")) {
		set(&it->author, rss_author(person_name(c, k)));
	} else if (is(c, k, NS_ATOM, "author")) {
		set(&it->author, person_name(c, k));
	} else if (is(c, k, NS_DC, "creator") || is(c, k, NS_DC, "author")) {
		set(&it->author, person_name(c, k));
	} else if (is(c, k, NS_NONE, "source")) {
		char *t = text_of(c, k);
		set(&it->source, utf8_clean_line(t, strlen(t)));
		free(t);
	} else if (is(c, k, NS_ATOM, "source")) {
		for (const xmlNode *s = k->children; s; s = s->next)
			if (is(c, s, NS_ATOM, "title"))
				set(&it->source, title_of(c, s, true));
	} else if (is(c, k, NS_NONE, "pubDate") || is(c, k, NS_DC, "date") ||
	           is(c, k, NS_ATOM, "published") || is(c, k, NS_ATOM, "issued") ||
	           is(c, k, NS_DCTERMS, "issued") || is(c, k, NS_ATOM, "created") ||
	           is(c, k, NS_DCTERMS, "created")) {
		date_from(c, k, &d->pub);
	} else if (is(c, k, NS_ATOM, "updated") || is(c, k, NS_ATOM, "modified") ||
	           is(c, k, NS_DCTERMS, "modified")) {
		date_from(c, k, &d->upd);
	} else if (is(c, k, NS_DC, "language")) {
		char *t = text_of(c, k);
		set(&it->lang, utf8_clean_line(t, strlen(t)));
		free(t);
	}
}

static void read_item(const struct ctx *c, const xmlNode *n, struct feed *f, const char *feed_author)
{
	struct feed_item *it = feed_add_item(f);
	struct content_pick cp = {0};
	struct dates d = {0, 0};
	const xmlNode *guid = NULL;
	for (const xmlNode *k = n->children; k; k = k->next)
		item_child(c, k, it, &cp, &d, &guid);
	/* RSS 1.0 names its items by rdf:about. */
	const char *about = attr(n, "about");
	if ((!it->id || !*it->id) && about)
		set(&it->id, feed_trim(about));
	/* A permalink guid is the link of an item without one. */
	if (guid && (!it->link || !*it->link) && it->id && *it->id) {
		const char *perma = attr(guid, "isPermaLink");
		if (!perma || strcmp(perma, "false") != 0)
			set(&it->link, resolve_at(c, guid, it->id));
	}
	if ((!it->author || !*it->author) && feed_author)
		set(&it->author, xstrdup(feed_author));
	it->date = d.pub ? d.pub : d.upd;
	it->content = cp.content ? cp.content : xstrdup("");
	it->content_html = cp.content ? cp.html : false;
	it->base = base_of(c, cp.node ? cp.node : n);
	if (!it->lang || !*it->lang) {
		free(it->lang);
		it->lang = lang_of(cp.node ? cp.node : n);
	}
}

/* ---- the document ---------------------------------------------------------- */

static void read_channel_meta(const struct ctx *c, const xmlNode *ch, struct feed *f, char **author)
{
	for (const xmlNode *k = ch->children; k; k = k->next) {
		if (is(c, k, NS_NONE, "title") || is(c, k, NS_ATOM, "title") || is(c, k, NS_DC, "title"))
			set(&f->title, title_of(c, k, is(c, k, NS_ATOM, "title")));
		else if (is(c, k, NS_NONE, "link")) {
			char *t = text_of(c, k);
			set(&f->link, resolve_at(c, k, t));
			free(t);
		} else if (is(c, k, NS_ATOM, "link") && atom_alternate(k))
			set(&f->link, atom_href(c, k));
		else if (is(c, k, NS_NONE, "language") || is(c, k, NS_DC, "language")) {
			char *t = text_of(c, k);
			set(&f->lang, utf8_clean_line(t, strlen(t)));
			free(t);
		} else if (c->atom && is(c, k, NS_ATOM, "author"))
			set(author, person_name(c, k));
	}
}

static bool is_item(const struct ctx *c, const xmlNode *k)
{
	return is(c, k, NS_NONE, "item") || is(c, k, NS_ATOM, "entry");
}

static enum dg_status read_doc(struct ctx *c, xmlNode *root, struct feed *f, char **cause)
{
	const char *local;
	enum ns ns = ns_of(root, &local);
	const xmlNode *channel = root;
	if (!strcmp(local, "rss") && (ns == NS_NONE || ns == NS_RSS)) {
		f->kind = FEED_RSS;
		for (const xmlNode *k = root->children; k; k = k->next)
			if (is(c, k, NS_NONE, "channel")) {
				channel = k;
				break;
			}
	} else if (!strcmp(local, "RDF")) {
		f->kind = FEED_RDF;
		for (const xmlNode *k = root->children; k; k = k->next)
			if (is(c, k, NS_NONE, "channel")) {
				channel = k;
				break;
			}
	} else if (!strcmp(local, "feed")) {
		f->kind = FEED_ATOM;
		c->atom = true;
		if (ns == NS_OTHER)
			c->atom_href = root->ns->href;
	} else if (!strcmp(local, "channel") && ns == NS_NONE) {
		f->kind = FEED_RSS;
	} else if (!strcasecmp(local, "html") || ns == NS_XHTML) {
		return dg_fail(cause, DG_ERR, "not a feed: an HTML page");
	} else {
		char *name = utf8_clean_line(local, strlen(local));
		enum dg_status st = dg_fail(cause, DG_ERR, "not a feed: the document is <%s>", name);
		free(name);
		return st;
	}
	char *author = NULL;
	read_channel_meta(c, channel, f, &author);
	if (!f->lang || !*f->lang) {
		free(f->lang);
		f->lang = lang_of(channel);
	}
	/* Items inside the channel (RSS 2.0, Atom) or beside it (RSS 1.0,
	 * and RSS 2.0 written as if it were). */
	for (const xmlNode *k = channel->children; k; k = k->next)
		if (is_item(c, k))
			read_item(c, k, f, author);
	if (channel != root)
		for (const xmlNode *k = root->children; k; k = k->next)
			if (is_item(c, k))
				read_item(c, k, f, author);
	free(author);
	return DG_OK;
}

static void init_once(void)
{
	xmlInitParser();
}

void feed_xml_init(void)
{
	/* libxml2's global tables must be set up once before threads race
	 * to do it (the fetcher parses on worker threads). */
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, init_once);
}

enum dg_status feed_parse_xml(const char *s0, size_t len0, const char *url, struct feed *out,
                              char **cause)
{
	feed_xml_init();
	size_t len;
	char *s = feed_fixup(s0, len0, &len);
	xmlParserCtxt *ctxt = len <= INT32_MAX ? xmlNewParserCtxt() : NULL;
	if (!ctxt) {
		free(s);
		return dg_fail(cause, DG_ERR, "out of memory reading the feed");
	}
	/* No XML_PARSE_NOENT (no substitution), no DTDLOAD, no HUGE; the
	 * bytes are UTF-8 already (feed_decode), whatever they declare; a
	 * broken feed's errors are no news for the terminal. */
	int opts = XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
	           XML_PARSE_IGNORE_ENC | XML_PARSE_NOCDATA;
	xmlDoc *doc = xmlCtxtReadMemory(ctxt, s, (int)len, url, "UTF-8", opts);
	xmlFreeParserCtxt(ctxt);
	free(s);
	xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
	if (!root) {
		xmlFreeDoc(doc);
		return dg_fail(cause, DG_ERR, "not a feed: no XML element in the document");
	}
	struct ctx c = {doc, false, NULL};
	enum dg_status st = read_doc(&c, root, out, cause);
	xmlFreeDoc(doc);
	return st;
}
