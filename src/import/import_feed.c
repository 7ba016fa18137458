/*
 * import_feed.c: feed items into articles.  An item's HTML becomes
 * paragraphs (html.h); its title line and text then go through
 * import_bytes like a file's, and the item's own fields (title, link,
 * date, source) replace what the parse guessed from the text.
 */
#include "diglot/import_feed.h"
#include "diglot/evidence.h"
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
	if (it->author && it->author[0])
		set_field(&a->author, it->author);
	*date = it->date ? it->date : a->date;
	/* xml:lang is a hint: the text decides, the hint only where the
	 * text says nothing ("fr-CA" gives "fr") */
	size_t hl = strcspn(it->lang, "-_");
	if ((!a->lang[0] || !strcmp(a->lang, "und")) && hl >= 2 && hl < LANG_CODE_SIZE) {
		for (size_t i = 0; i < hl; i++)
			a->lang[i] = (char)(it->lang[i] | 0x20);
		a->lang[hl] = '\0';
	}
	return DG_OK;
}

/* An item analysed: its article, story keys and store keys, ready to
 * store. */
struct analysed {
	struct article a;
	struct evidence ev;
	char *key; /* feed_item_key */
	struct store_feed_keys keys;
	int64_t date;
	bool ok;
};

struct import_feed_analysed {
	struct analysed *v;
	size_t n;
};

struct import_feed_analysed *import_feed_analyse(const struct feed *f, int64_t feed_id,
                                                 const char *feed_title, const struct lexicon *lx)
{
	struct import_feed_analysed *an = xcalloc(1, sizeof *an);
	an->n = f->nitems;
	an->v = xcalloc(f->nitems ? f->nitems : 1, sizeof *an->v);
	for (size_t i = 0; i < f->nitems; i++) {
		struct analysed *o = &an->v[i];
		o->ok = import_feed_item(&f->items[i], feed_title, &o->a, &o->date, NULL) == DG_OK;
		if (!o->ok)
			continue;
		evidence_extract(&o->a, &o->ev);
		evidence_apply_lexicon(&o->a, lx, &o->ev);
		o->key = feed_item_key(&f->items[i]);
		store_feed_item_keys(feed_id, o->key, &o->a, &o->keys);
	}
	return an;
}

void import_feed_analysed_free(struct import_feed_analysed **anp)
{
	struct import_feed_analysed *an = *anp;
	if (!an)
		return;
	for (size_t i = 0; i < an->n; i++) {
		article_free(&an->v[i].a);
		evidence_free(&an->v[i].ev);
		free(an->v[i].key);
	}
	free(an->v);
	free(an);
	*anp = NULL;
}

static enum dg_status store_item(struct store *st, int64_t feed_id, const struct analysed *an,
                                 struct import_feed_stats *stats)
{
	int64_t id = 0;
	enum store_put what;
	enum dg_status rc = store_feed_put_keyed(st, feed_id, an->key, &an->a, an->date, &an->keys,
	                                         &id, &what);
	/* the story it reports, in every language the library holds */
	if (rc == DG_OK && what != PUT_UNCHANGED)
		rc = store_story_link(st, id, an->a.date, &an->ev);
	if (rc == DG_OK && what == PUT_NEW)
		stats->added++;
	else if (rc == DG_OK && what == PUT_UPDATED)
		stats->updated++;
	else if (rc == DG_OK)
		stats->unchanged++;
	return rc;
}

enum dg_status import_feed_store(struct store *st, int64_t feed_id, const struct feed *f,
                                 const struct import_feed_analysed *an,
                                 struct import_feed_stats *stats)
{
	enum dg_status rc = DG_OK;
	for (size_t i = 0; i < f->nitems && i < an->n && rc == DG_OK; i++) {
		if (!an->v[i].ok)
			stats->skipped++;
		else
			rc = store_item(st, feed_id, &an->v[i], stats);
	}
	return rc;
}

enum dg_status import_feed_items(struct store *st, int64_t feed_id, const struct feed *f,
                                 const char *feed_title, struct import_feed_stats *stats)
{
	struct lexicon *lx = NULL;
	enum dg_status rc = store_lex_load(st, &lx);
	struct import_feed_analysed *an = import_feed_analyse(f, feed_id, feed_title, lx);
	if (rc == DG_OK)
		rc = import_feed_store(st, feed_id, f, an, stats);
	import_feed_analysed_free(&an);
	lexicon_free(lx);
	return rc;
}
