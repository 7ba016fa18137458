/*
 * import_feed.c: feed items into articles.  An item's HTML becomes
 * paragraphs (html.h); its title line and text then go through
 * import_bytes like a file's, and the item's own fields (title, link,
 * date, source) replace what the parse guessed from the text.
 */
#include "diglot/import_feed.h"
#include "diglot/html.h"
#include "diglot/import.h"
#include "diglot/sbuf.h"
#include "diglot/store_feed.h"
#include "diglot/utf8.h"

#include <stdlib.h>
#include <string.h>

static void set_field(char **field, const char *value)
{
	char *clean = utf8_clean_line(value, strlen(value));
	free(*field);
	*field = clean;
}

enum dg_status import_feed_item(const struct feed_item *it, const char *feed_title,
                                struct article *a, int64_t *date, char **cause)
{
	struct sbuf text = SBUF_INIT;
	if (it->title[0]) {
		sbuf_addstr(&text, it->title);
		sbuf_addstr(&text, "\n\n");
	}
	if (it->content_html) {
		struct html_text ht = {0};
		char *why = NULL;
		const char *base = it->base[0] ? it->base : it->link[0] ? it->link : NULL;
		if (html_to_text(it->content, strlen(it->content), base, "utf-8",
		                 &ht, &why) != DG_OK) {
			sbuf_free(&text);
			enum dg_status rc = dg_fail(cause, DG_ERR, "%s", why ? why : "bad HTML");
			free(why);
			return rc;
		}
		sbuf_addstr(&text, ht.text);
		html_text_free(&ht);
	} else {
		sbuf_addstr(&text, it->content);
	}
	const char *source = it->source[0] ? it->source : feed_title ? feed_title : "";
	enum dg_status rc = import_bytes(text.s ? text.s : "", text.len, source, a, cause);
	sbuf_free(&text);
	if (rc != DG_OK)
		return rc;
	/* The feed says what the text may only suggest. */
	if (it->title[0])
		set_field(&a->title, it->title);
	set_field(&a->source, source);
	set_field(&a->url, it->link);
	*date = it->date ? it->date : a->date;
	return DG_OK;
}

enum dg_status import_feed_items(struct store *st, int64_t feed_id, const struct feed *f,
                                 const char *feed_title, struct import_feed_stats *stats)
{
	for (size_t i = 0; i < f->nitems; i++) {
		const struct feed_item *it = &f->items[i];
		struct article a = {0};
		int64_t date = 0;
		if (import_feed_item(it, feed_title, &a, &date, NULL) != DG_OK) {
			stats->skipped++;
			continue;
		}
		char *key = feed_item_key(it);
		int64_t id = 0;
		enum store_put what;
		enum dg_status rc = store_feed_put_item(st, feed_id, key, &a, date, &id, &what);
		free(key);
		article_free(&a);
		if (rc != DG_OK)
			return rc;
		if (what == PUT_NEW)
			stats->added++;
		else if (what == PUT_UPDATED)
			stats->updated++;
		else
			stats->unchanged++;
	}
	return DG_OK;
}
