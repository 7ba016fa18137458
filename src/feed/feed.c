/*
 * feed.c: feed_parse (feed.h): bound the input, decode it (feed_enc.c),
 * tell JSON from XML and an HTML page from both, read it (feed_xml.c,
 * feed_json.c), then make every field of every item a clean string.
 * Also an item's identity, feed_item_key.
 */
#include "feed_int.h"
#include "diglot/hash.h"
#include "diglot/utf8.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct feed_item *feed_add_item(struct feed *f)
{
	f->items = xreallocarray(f->items, f->nitems + 1, sizeof *f->items);
	struct feed_item *it = &f->items[f->nitems++];
	memset(it, 0, sizeof *it);
	return it;
}

/* NULL fields become "", one-line fields clean lines. */
static void fill(char **s)
{
	if (!*s)
		*s = xstrdup("");
}

static void fill_line(char **s)
{
	if (!*s) {
		*s = xstrdup("");
		return;
	}
	char *l = utf8_clean_line(*s, strlen(*s));
	free(*s);
	*s = l;
}

/* Text encoded twice, and C1 controls from character references (the
 * Windows-1252 characters feeds mean; &#x9b; would be a CSI), made
 * right before the line or text cleaning. */
static void repair(char **s)
{
	if (!*s)
		return;
	char *u = feed_undouble(*s, strlen(*s));
	char *c = feed_demoronize(u, strlen(u));
	free(u);
	free(*s);
	*s = c;
}

static void finish(struct feed *f)
{
	repair(&f->title);
	fill_line(&f->title);
	fill_line(&f->link);
	fill_line(&f->lang);
	for (size_t i = 0; i < f->nitems; i++) {
		struct feed_item *it = &f->items[i];
		repair(&it->title);
		repair(&it->author);
		repair(&it->source);
		repair(&it->content);
		fill_line(&it->id);
		fill_line(&it->link);
		fill_line(&it->title);
		fill_line(&it->author);
		fill_line(&it->source);
		fill_line(&it->lang);
		if (!*it->lang && *f->lang) { /* the feed's language is the item's hint */
			free(it->lang);
			it->lang = xstrdup(f->lang);
		}
		fill_line(&it->base);
		fill(&it->content);
		/* Character references may have brought controls: never raw. */
		char *c = utf8_sanitize(it->content, strlen(it->content), true);
		free(it->content);
		it->content = c;
	}
}

/* The first thing that is not white space, a comment or a declaration. */
static const char *first_markup(const char *s)
{
	for (;;) {
		while (*s == ' ' || *s == '\t' || *s == '\n')
			s++;
		if (!strncmp(s, "<?", 2) || !strncmp(s, "<!--", 4)) {
			const char *e = strstr(s, !strncmp(s, "<?", 2) ? "?>" : "-->");
			if (!e)
				return s;
			s = e + 2 + (s[1] == '!');
			continue;
		}
		if (!strncasecmp(s, "<!doctype", 9)) {
			/* Past its internal subset [...] when it has one. */
			const char *e = strpbrk(s, "[>");
			if (e && *e == '[')
				e = strstr(e, "]>") ? strstr(e, "]>") + 1 : NULL;
			if (!e)
				return s;
			s = e + 1;
			continue;
		}
		return s;
	}
}

enum dg_status feed_parse(const char *bytes, size_t len, const char *url,
                          const char *http_charset, struct feed *out, char **cause)
{
	if (len > FEED_MAX_INPUT)
		return dg_fail(cause, DG_ERR, "feed too large (over %zu MiB)", FEED_MAX_INPUT >> 20);
	char *text;
	size_t tlen;
	char *enc = NULL;
	if (feed_decode(bytes, len, http_charset, &text, &tlen, &enc, cause) != DG_OK)
		return DG_ERR;
	const char *start = first_markup(text);
	enum dg_status st;
	if (!*start)
		st = dg_fail(cause, DG_ERR, "empty document");
	else if (*start == '{')
		st = feed_parse_json(text, tlen, url, out, cause);
	else if (!strncasecmp(start, "<html", 5) && !isalnum((unsigned char)start[5]))
		st = dg_fail(cause, DG_ERR, "not a feed: an HTML page");
	else if (*start != '<')
		st = dg_fail(cause, DG_ERR, "not a feed: no XML or JSON document");
	else
		st = feed_parse_xml(text, tlen, url, out, cause);
	free(text);
	if (st != DG_OK) {
		free(enc);
		feed_free(out);
		return st;
	}
	out->encoding = enc;
	finish(out);
	return DG_OK;
}

void feed_free(struct feed *f)
{
	for (size_t i = 0; i < f->nitems; i++) {
		struct feed_item *it = &f->items[i];
		free(it->id);
		free(it->link);
		free(it->title);
		free(it->author);
		free(it->source);
		free(it->lang);
		free(it->content);
		free(it->base);
	}
	free(f->items);
	free(f->title);
	free(f->link);
	free(f->lang);
	free(f->encoding);
	memset(f, 0, sizeof *f);
}

/* A URL without its http: or https: scheme, so that moving to https
 * keeps an item's identity. */
static char *schemeless(const char *s)
{
	if (!strncasecmp(s, "http://", 7))
		return xstrdup(s + 5);
	if (!strncasecmp(s, "https://", 8))
		return xstrdup(s + 6);
	return xstrdup(s);
}

char *feed_item_key(const struct feed_item *it)
{
	if (it->id && *it->id)
		return schemeless(it->id);
	if (it->link && *it->link)
		return schemeless(it->link);
	struct sbuf b = SBUF_INIT;
	sbuf_addstr(&b, it->title ? it->title : "");
	sbuf_addc(&b, '\n');
	sbuf_addstr(&b, it->content ? it->content : "");
	char hex[HASH_HEX_SIZE];
	hash_hex(b.s, b.len, hex);
	sbuf_free(&b);
	return xasprintf("sha256:%s", hex);
}
