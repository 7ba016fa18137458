/*
 * feed_json.c: JSON Feed 1.0 and 1.1 through jansson (a maintained,
 * fuzzed parser with a depth limit, already a dependency for JSON-LD, so
 * no reader of our own to get wrong).  1.1's authors and language, 1.0's
 * author; content_html, else content_text, else summary.
 */
#include "feed_int.h"
#include "diglot/feed_date.h"
#include "diglot/utf8.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>

static const char *str(const json_t *o, const char *key)
{
	const json_t *v = json_object_get(o, key);
	return json_is_string(v) ? json_string_value(v) : NULL;
}

static char *line(const char *s)
{
	return s ? utf8_clean_line(s, strlen(s)) : xstrdup("");
}

static char *author_of(const json_t *o)
{
	const json_t *a = json_object_get(o, "authors");
	if (json_is_array(a))
		for (size_t i = 0; i < json_array_size(a); i++) {
			const char *n = str(json_array_get(a, i), "name");
			if (n && *n)
				return line(n);
		}
	a = json_object_get(o, "author");
	return line(json_is_object(a) ? str(a, "name") : NULL);
}

static int64_t date_of(const json_t *o, const char *key)
{
	int64_t t;
	const char *s = str(o, key);
	return s && feed_date_parse(s, &t) ? t : 0;
}

static void read_item(const json_t *o, const char *base, const char *lang, const char *author,
                      struct feed *f)
{
	struct feed_item *it = feed_add_item(f);
	const json_t *id = json_object_get(o, "id");
	if (json_is_string(id))
		it->id = feed_trim(json_string_value(id));
	else if (json_is_integer(id))
		it->id = xasprintf("%" PRId64, (int64_t)json_integer_value(id));
	else
		it->id = xstrdup("");
	char *url = feed_trim(str(o, "url"));
	it->link = *url ? feed_resolve(base, url) : xstrdup("");
	free(url);
	const char *t = str(o, "title");
	it->title = line(t);
	const char *html = str(o, "content_html"), *text = str(o, "content_text");
	const char *summary = str(o, "summary");
	if (html && *html) {
		it->content = xstrdup(html);
		it->content_html = true;
	} else
		it->content = xstrdup(text && *text ? text : summary ? summary : "");
	it->author = author_of(o);
	if (!*it->author) {
		free(it->author);
		it->author = xstrdup(author);
	}
	const char *l = str(o, "language");
	it->lang = line(l ? l : lang);
	it->date = date_of(o, "date_published");
	if (!it->date)
		it->date = date_of(o, "date_modified");
	it->base = xstrdup(base ? base : "");
}

enum dg_status feed_parse_json(const char *s, size_t len, const char *url, struct feed *out,
                               char **cause)
{
	json_error_t err;
	json_t *root = json_loadb(s, len, 0, &err);
	if (!json_is_object(root)) {
		enum dg_status st = root ? dg_fail(cause, DG_ERR, "not a feed: JSON but not an object")
		                         : dg_fail(cause, DG_ERR, "not a feed: bad JSON at line %d: %s",
		                                   err.line, err.text);
		json_decref(root);
		return st;
	}
	const char *version = str(root, "version");
	const json_t *items = json_object_get(root, "items");
	if (!(version && strncmp(version, "https://jsonfeed.org/version/", 29) == 0) &&
	    !json_is_array(items)) {
		json_decref(root);
		return dg_fail(cause, DG_ERR, "not a feed: JSON without a version or items");
	}
	out->kind = FEED_JSON;
	out->title = line(str(root, "title"));
	char *home = feed_trim(str(root, "home_page_url"));
	out->link = *home ? feed_resolve(url, home) : xstrdup("");
	free(home);
	out->lang = line(str(root, "language"));
	/* Relative item URLs: against the feed's own URL, as 1.1 says. */
	char *feed_url = feed_trim(str(root, "feed_url"));
	char *base = *feed_url ? feed_resolve(url, feed_url) : xstrdup(url ? url : "");
	free(feed_url);
	char *author = author_of(root);
	for (size_t i = 0; json_is_array(items) && i < json_array_size(items); i++) {
		const json_t *o = json_array_get(items, i);
		if (json_is_object(o))
			read_item(o, base, out->lang, author, out);
	}
	free(author);
	free(base);
	json_decref(root);
	return DG_OK;
}
