/*
 * opml.c: subscription lists (opml.h).  Read with the feed reader's
 * safeguards (feed_decode for the encoding, libxml2 in recover mode with
 * no network and no entity substitution); an outline with an xmlUrl is a
 * feed, any other outline a folder whose name (title, else text) becomes
 * part of the category of the feeds inside, joined with "/".  A feed
 * outside every folder takes the first of newsboat's comma-separated
 * category="..." tags as its category.  Written as OPML 2.0, one folder
 * level per "/" of a category.
 */
#include "feed_int.h"
#include "diglot/opml.h"
#include "diglot/utf8.h"

#include <stdlib.h>
#include <string.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#define MAX_DEPTH 32

/* An attribute as one clean line ("" when absent), entity-free: libxml2
 * leaves an undeclared entity out of the value rather than expanding it. */
static char *attr_line(const xmlNode *n, const char *name)
{
	const char *v = feed_xml_attr(n, name, false);
	return v ? utf8_clean_line(v, strlen(v)) : xstrdup("");
}

/* The head's title: its text, entity references left out (xmlNodeGetContent
 * would expand them). */
static char *title_of(const xmlNode *n)
{
	struct sbuf b = SBUF_INIT;
	for (const xmlNode *k = n->children; k; k = k->next)
		if ((k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE) && k->content)
			sbuf_addstr(&b, (const char *)k->content);
	char *s = utf8_clean_line(sbuf_str(&b), b.len);
	sbuf_free(&b);
	return s;
}

static bool is_el(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

static void add_entry(struct opml *o, const xmlNode *n, const char *category)
{
	char *url = attr_line(n, "xmlUrl");
	if (!*url) {
		free(url);
		return;
	}
	o->entries = xreallocarray(o->entries, o->nentries + 1, sizeof *o->entries);
	struct opml_entry *e = &o->entries[o->nentries++];
	e->url = url;
	e->title = attr_line(n, "title");
	if (!*e->title) {
		free(e->title);
		e->title = attr_line(n, "text");
	}
	e->site = attr_line(n, "htmlUrl");
	if (*category)
		e->category = xstrdup(category);
	else {
		char *tags = attr_line(n, "category");
		char *comma = strchr(tags, ',');
		if (comma)
			*comma = '\0';
		e->category = feed_trim(tags);
		free(tags);
	}
}

static void walk(struct opml *o, const xmlNode *n, const char *category, int depth)
{
	if (depth > MAX_DEPTH)
		return;
	for (const xmlNode *k = n->children; k; k = k->next) {
		if (!is_el(k, "outline"))
			continue;
		const char *url = feed_xml_attr(k, "xmlUrl", false);
		if (url && *url) {
			add_entry(o, k, category);
			continue;
		}
		char *name = attr_line(k, "title");
		if (!*name) {
			free(name);
			name = attr_line(k, "text");
		}
		char *sub = !*name ? xstrdup(category) : *category ? xasprintf("%s/%s", category, name)
		                                                  : xstrdup(name);
		walk(o, k, sub, depth + 1);
		free(sub);
		free(name);
	}
}

enum dg_status opml_parse(const char *bytes, size_t len, struct opml *out, char **cause)
{
	if (len > FEED_MAX_INPUT)
		return dg_fail(cause, DG_ERR, "OPML file too large (over %zu MiB)", FEED_MAX_INPUT >> 20);
	char *text, *enc = NULL;
	size_t tlen;
	if (feed_decode(bytes, len, NULL, &text, &tlen, &enc, cause) != DG_OK)
		return DG_ERR;
	free(enc);
	feed_xml_init();
	int opts = XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
	           XML_PARSE_IGNORE_ENC;
	xmlDoc *doc = tlen <= INT32_MAX ? xmlReadMemory(text, (int)tlen, NULL, "UTF-8", opts) : NULL;
	free(text);
	const xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
	enum dg_status st = DG_OK;
	if (!root)
		st = dg_fail(cause, DG_ERR, "not an OPML document: no XML element");
	else if (!is_el(root, "opml")) {
		char *name = utf8_clean_line((const char *)root->name, strlen((const char *)root->name));
		st = dg_fail(cause, DG_ERR, "not an OPML document: the document is <%s>", name);
		free(name);
	} else {
		const xmlNode *body = NULL;
		for (const xmlNode *k = root->children; k; k = k->next) {
			if (is_el(k, "body") && !body)
				body = k;
			else if (is_el(k, "head"))
				for (const xmlNode *h = k->children; h; h = h->next)
					if (is_el(h, "title") && !out->title)
						out->title = title_of(h);
		}
		if (!body)
			st = dg_fail(cause, DG_ERR, "not an OPML document: no <body>");
		else
			walk(out, body, "", 0);
	}
	xmlFreeDoc(doc);
	if (!out->title)
		out->title = xstrdup("");
	if (st != DG_OK)
		opml_free(out);
	return st;
}

void opml_free(struct opml *o)
{
	for (size_t i = 0; i < o->nentries; i++) {
		free(o->entries[i].url);
		free(o->entries[i].title);
		free(o->entries[i].site);
		free(o->entries[i].category);
	}
	free(o->entries);
	free(o->title);
	memset(o, 0, sizeof *o);
}

/* An attribute value: XML-escaped and never holding a control byte. */
static void attr_out(struct sbuf *b, const char *name, const char *v)
{
	char *clean = utf8_clean_line(v ? v : "", v ? strlen(v) : 0);
	sbuf_addf(b, " %s=\"", name);
	for (const char *p = clean; *p; p++) {
		switch (*p) {
		case '&': sbuf_addstr(b, "&amp;"); break;
		case '<': sbuf_addstr(b, "&lt;"); break;
		case '>': sbuf_addstr(b, "&gt;"); break;
		case '"': sbuf_addstr(b, "&quot;"); break;
		default: sbuf_addc(b, *p);
		}
	}
	sbuf_addc(b, '"');
	free(clean);
}

static void indent(struct sbuf *b, size_t depth)
{
	sbuf_addstr(b, "    ");
	for (size_t i = 0; i < depth; i++)
		sbuf_addstr(b, "  ");
}

/* The length of the first `levels` "/"-separated folders of a category. */
static size_t prefix_len(const char *cat, size_t levels)
{
	size_t i = 0;
	for (size_t l = 0; l < levels && cat[i]; l++) {
		while (cat[i] && cat[i] != '/')
			i++;
		if (l + 1 < levels && cat[i] == '/')
			i++;
	}
	return i;
}

static size_t levels_of(const char *cat)
{
	if (!*cat)
		return 0;
	size_t n = 1;
	for (const char *p = cat; *p; p++)
		n += *p == '/';
	return n;
}

/* Feeds of one category are written together, in the order of their
 * first appearance; folders open and close around them. */
void opml_write(struct sbuf *b, const char *title, const struct opml_entry *e, size_t n)
{
	sbuf_addstr(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n  <head>\n"
	               "    <title>");
	char *t = utf8_clean_line(title ? title : "", title ? strlen(title) : 0);
	for (const char *p = t; *p; p++) {
		if (*p == '&')
			sbuf_addstr(b, "&amp;");
		else if (*p == '<')
			sbuf_addstr(b, "&lt;");
		else if (*p == '>')
			sbuf_addstr(b, "&gt;");
		else
			sbuf_addc(b, *p);
	}
	free(t);
	sbuf_addstr(b, "</title>\n  </head>\n  <body>\n");
	bool *done = xcalloc(n ? n : 1, sizeof *done);
	const char *open = ""; /* the folders open now */
	size_t open_levels = 0;
	for (size_t i = 0; i < n; i++) {
		if (done[i])
			continue;
		const char *cat = e[i].category ? e[i].category : "";
		size_t lv = levels_of(cat);
		/* Common folders with what is open. */
		size_t common = 0;
		while (common < open_levels && common < lv &&
		       prefix_len(open, common + 1) == prefix_len(cat, common + 1) &&
		       strncmp(open, cat, prefix_len(cat, common + 1)) == 0)
			common++;
		for (size_t l = open_levels; l > common; l--) {
			indent(b, l - 1);
			sbuf_addstr(b, "</outline>\n");
		}
		for (size_t l = common; l < lv; l++) {
			size_t a = l ? prefix_len(cat, l) + 1 : 0, z = prefix_len(cat, l + 1);
			char *name = xstrndup(cat + a, z - a);
			indent(b, l);
			sbuf_addstr(b, "<outline");
			attr_out(b, "text", name);
			attr_out(b, "title", name);
			sbuf_addstr(b, ">\n");
			free(name);
		}
		open = cat;
		open_levels = lv;
		for (size_t j = i; j < n; j++) {
			const char *cj = e[j].category ? e[j].category : "";
			if (done[j] || strcmp(cj, cat) != 0)
				continue;
			done[j] = true;
			indent(b, lv);
			sbuf_addstr(b, "<outline type=\"rss\"");
			attr_out(b, "text", e[j].title);
			attr_out(b, "title", e[j].title);
			attr_out(b, "xmlUrl", e[j].url);
			if (e[j].site && *e[j].site)
				attr_out(b, "htmlUrl", e[j].site);
			sbuf_addstr(b, "/>\n");
		}
	}
	for (size_t l = open_levels; l > 0; l--) {
		indent(b, l - 1);
		sbuf_addstr(b, "</outline>\n");
	}
	free(done);
	sbuf_addstr(b, "  </body>\n</opml>\n");
}
