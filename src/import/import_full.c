/*
 * import_full.c: teasers completed from their pages (import_full.h).  The
 * pages download at once over the feeds' fetcher; each is extracted as a
 * saved page is (import_page) and replaces its teaser in one transaction
 * for the run; its story keys are the page's, and it is linked again.
 */
#include "diglot/import_full.h"
#include "diglot/evidence.h"
#include "diglot/import.h"
#include "diglot/store_feed.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Shorter than this (characters of body text), an item is a teaser. */
#define TEASER_CHARS 600

/* The last body paragraph ends as teasers end: an ellipsis, "[...]", or
 * it is a "read more" link's text. */
static bool ends_as_teaser(const char *t)
{
	static const char *const ends[] = {"…", "...", "[…]", "[...]", "(…)", "(...)"};
	static const char *const more[] = {
		"read more", "continue reading", "read the full", "full story", "lire la suite",
		"weiterlesen", "mehr lesen", "leer más", "seguir leyendo", "leggi tutto", "continua a leggere",
		"阅读全文", "查看全文", "続きを読む",
	};
	size_t n = strlen(t);
	while (n && (t[n - 1] == ' ' || t[n - 1] == '\n'))
		n--;
	for (size_t i = 0; i < ARRAY_SIZE(ends); i++) {
		size_t l = strlen(ends[i]);
		if (n >= l && memcmp(t + n - l, ends[i], l) == 0)
			return true;
	}
	if (n > 80)
		return false;
	for (size_t i = 0; i < ARRAY_SIZE(more); i++) {
		size_t l = strlen(more[i]);
		for (size_t k = 0; k + l <= n; k++)
			if (strncasecmp(t + k, more[i], l) == 0)
				return true;
	}
	return false;
}

/* Characters (not bytes) of the body paragraphs. */
static size_t body_chars(const struct article *a)
{
	size_t n = 0;
	for (size_t i = 0; i < a->npara; i++) {
		if (a->paras[i].kind == PARA_TITLE)
			continue;
		for (const char *p = a->paras[i].text; *p; p++)
			n += ((unsigned char)*p & 0xC0) != 0x80;
	}
	return n;
}

bool import_is_teaser(const struct article *a)
{
	const char *last = NULL;
	for (size_t i = 0; i < a->npara; i++)
		if (a->paras[i].kind == PARA_BODY)
			last = a->paras[i].text;
	return body_chars(a) < TEASER_CHARS || (last && ends_as_teaser(last));
}

struct teaser {
	int64_t id;
	char *url;
	size_t chars;
};

struct full_run {
	struct store *st;
	struct teaser *v;
	size_t n, cap;
	dg_error_fn on_error;
	void *ctx;
	struct import_full_stats *stats;
	struct lexicon *lx; /* the bilingual name lexicon, for the pages' story keys */
	bool in_batch, store_failed;
};

static int collect(void *ctx, int64_t id, const char *url)
{
	struct full_run *r = ctx;
	if (!import_is_url(url))
		return 0;
	xgrow(&r->v, &r->cap, r->n + 1, sizeof *r->v);
	r->v[r->n++] = (struct teaser){id, xstrdup(url), 0};
	return 0;
}

static void page_failed(struct full_run *r, const char *url, const char *why)
{
	if (r->on_error)
		r->on_error(r->ctx, url, 0, why);
	r->stats->failed++;
}

/* The teaser's keys were a few words': the page's replace them, and the
 * article links as a new one would (a link the user broke stays broken). */
static enum dg_status relink(struct full_run *r, int64_t id, const struct article *a)
{
	struct evidence ev = {0};
	evidence_extract(a, &ev);
	evidence_apply_lexicon(a, r->lx, &ev);
	enum dg_status rc = store_story_link(r->st, id, a->date, &ev);
	evidence_free(&ev);
	return rc;
}

/* The page's text into the stored article, when it says more. */
static void complete(struct full_run *r, const struct teaser *t, const struct fetch_result *res)
{
	struct article page = {0}, a = {0};
	char *why = NULL;
	if (import_page(res->body, res->body_len, res->final_url, res->charset[0] ? res->charset : NULL,
	                NULL, &page, &why) != DG_OK) {
		page_failed(r, t->url, why ? why : "no text");
		free(why);
		return;
	}
	/* A page no longer than the teaser (a paywall, a cookie wall, an
	 * index): the teaser stays. */
	if (body_chars(&page) <= t->chars + t->chars / 5) {
		article_free(&page);
		return;
	}
	if (store_get(r->st, t->id, &a, NULL) != DG_OK) {
		page_failed(r, t->url, store_error(r->st));
		article_free(&page);
		return;
	}
	/* The page's text, languages and rows; the feed's title, source,
	 * URL and date. */
	for (size_t i = 0; i < a.npara; i++)
		free(a.paras[i].text);
	free(a.paras);
	free(a.rows);
	a.paras = page.paras;
	a.npara = page.npara;
	a.cappara = page.cappara;
	a.rows = page.rows;
	a.nrow = page.nrow;
	memcpy(a.lang, page.lang, sizeof a.lang);
	memcpy(a.lang2, page.lang2, sizeof a.lang2);
	if ((!a.author || !a.author[0]) && page.author) {
		free(a.author);
		a.author = page.author;
		page.author = NULL;
	}
	if (!a.date)
		a.date = page.date;
	page.paras = NULL;
	page.npara = 0;
	page.rows = NULL;
	page.nrow = 0;
	article_free(&page);
	if (!r->in_batch && store_begin(r->st) == DG_OK)
		r->in_batch = true;
	if (!r->in_batch || store_replace_text(r->st, t->id, &a) != DG_OK || relink(r, t->id, &a) != DG_OK) {
		page_failed(r, t->url, store_error(r->st));
		r->store_failed = true;
	} else {
		r->stats->completed++;
	}
	article_free(&a);
}

static void on_page(void *ctx, const struct fetch_result *res)
{
	struct full_run *r = ctx;
	const struct teaser *t = res->req->data;
	if (res->error != FETCH_OK)
		page_failed(r, res->message, "not completed");
	else if (res->status != 200)
		page_failed(r, t->url, "the server sent no page");
	else
		complete(r, t, res);
}

/* The pages of r's articles fetched (over fetcher, else one of its own
 * with set), each completing its article. */
static enum dg_status fetch_pages(struct full_run *r, struct fetcher *fetcher, const struct fetch_settings *set,
                                  char **cause)
{
	enum dg_status rc = DG_OK;
	if (r->n && store_lex_load(r->st, &r->lx) != DG_OK)
		rc = dg_fail(cause, DG_ERR, "%s", store_error(r->st));
	if (r->n && rc == DG_OK) {
		struct fetch_request *reqs = xcalloc(r->n, sizeof *reqs);
		for (size_t i = 0; i < r->n; i++)
			reqs[i] = (struct fetch_request){r->v[i].url, NULL, NULL, &r->v[i]};
		struct fetcher *f = fetcher;
		if (!f)
			rc = fetch_new(&f, set, cause);
		if (rc == DG_OK)
			rc = fetch_run(f, reqs, r->n, on_page, NULL, r, cause);
		if (!fetcher)
			fetch_free(&f);
		free(reqs);
	}
	if (r->in_batch && store_commit(r->st) != DG_OK) {
		if (rc == DG_OK)
			rc = dg_fail(cause, DG_ERR, "%s", store_error(r->st));
	} else if (r->store_failed && rc == DG_OK) {
		rc = dg_fail(cause, DG_ERR, "%s", store_error(r->st));
	}
	for (size_t i = 0; i < r->n; i++)
		free(r->v[i].url);
	free(r->v);
	lexicon_free(r->lx);
	return rc;
}

enum dg_status import_full(struct store *st, int64_t since, bool full_only, struct fetcher *f,
                           const struct fetch_settings *set,
                           dg_error_fn on_error, void *ctx, struct import_full_stats *stats,
                           char **cause)
{
	*stats = (struct import_full_stats){0};
	struct full_run r = {.st = st, .on_error = on_error, .ctx = ctx, .stats = stats};
	if (store_feed_articles_since(st, since, full_only, collect, &r) != DG_OK)
		return dg_fail(cause, DG_ERR, "%s", store_error(st));
	/* Only the teasers are fetched. */
	size_t k = 0;
	for (size_t i = 0; i < r.n; i++) {
		struct article a = {0};
		if (store_get(st, r.v[i].id, &a, NULL) == DG_OK && import_is_teaser(&a)) {
			r.v[i].chars = body_chars(&a);
			r.v[k++] = r.v[i];
		} else {
			free(r.v[i].url);
		}
		article_free(&a);
	}
	r.n = k;
	return fetch_pages(&r, f, set, cause);
}

enum dg_status import_full_article(struct store *st, int64_t id, struct fetcher *f,
                                   dg_error_fn on_error, void *ctx, struct import_full_stats *stats,
                                   char **cause)
{
	*stats = (struct import_full_stats){0};
	struct full_run r = {.st = st, .on_error = on_error, .ctx = ctx, .stats = stats};
	struct article a = {0};
	if (store_get(st, id, &a, NULL) != DG_OK)
		return dg_fail(cause, DG_ERR, "%s", store_error(st));
	bool has_url = import_is_url(a.url);
	if (has_url) {
		collect(&r, id, a.url);
		r.v[0].chars = body_chars(&a);
	}
	article_free(&a);
	if (!has_url)
		return dg_fail(cause, DG_NOTFOUND, "article %lld has no web address to fetch", (long long)id);
	return fetch_pages(&r, f, NULL, cause);
}
