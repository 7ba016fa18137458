/*
 * import_url.c: `diglot import URL`: pages fetched (all at once, over the
 * feeds' fetcher) and imported as one article each, the web page's main
 * text extracted as for a saved page.  Stored under the URL as its path,
 * so that importing it again updates the article, keeping its state.
 */
#include "diglot/import.h"
#include "diglot/fetch.h"
#include "diglot/hash.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

bool import_is_url(const char *s)
{
	size_t n = strncasecmp(s, "http://", 7) == 0 ? 7 : strncasecmp(s, "https://", 8) == 0 ? 8 : 0;
	return n && s[n] && s[n] != '/';
}

struct url_run {
	struct store *st;
	const struct import_opts *o;
	struct import_stats *stats;
	bool in_batch, store_failed;
};

static void url_failed(struct url_run *r, const char *url, const char *why)
{
	if (r->o->on_error)
		r->o->on_error(r->o->ctx, url, 0, why);
	r->stats->failed++;
}

/* The page's article into the open batch. */
static void store_page(struct url_run *r, const char *url, const struct fetch_result *res)
{
	struct article a = {0};
	char *cause = NULL;
	if (import_page(res->body, res->body_len, res->final_url, res->charset[0] ? res->charset : NULL,
	                r->o->source, &a, &cause) != DG_OK) {
		url_failed(r, url, cause ? cause : "no text");
		free(cause);
		return;
	}
	uint8_t sha[32];
	hash_sha256(res->body, res->body_len, sha);
	int64_t id;
	enum store_put what;
	if (!r->in_batch && store_begin(r->st) == DG_OK)
		r->in_batch = true;
	if (!r->in_batch ||
	    store_put_article(r->st, &a, url, sha, HASH_KEY_SIZE, a.date, &id, &what) != DG_OK) {
		url_failed(r, url, store_error(r->st));
		r->store_failed = true;
	} else if (what == PUT_NEW) {
		r->stats->imported++;
	} else if (what == PUT_UPDATED) {
		r->stats->updated++;
	} else {
		r->stats->unchanged++;
	}
	article_free(&a);
}

static void url_done(void *ctx, const struct fetch_result *res)
{
	struct url_run *r = ctx;
	const char *url = res->req->url;
	if (res->error != FETCH_OK) {
		/* the fetcher's message names the URL already */
		if (r->o->on_error)
			r->o->on_error(r->o->ctx, res->message, 0, "not imported");
		r->stats->failed++;
	} else if (res->status != 200) {
		url_failed(r, url, "the server sent no page");
	} else {
		store_page(r, url, res);
	}
}

enum dg_status import_urls(struct store *st, char *const *urls, size_t n,
                           const struct import_opts *o, struct import_stats *stats)
{
	struct fetch_settings set = FETCH_SETTINGS_DEFAULT;
	struct fetch_request *reqs = xcalloc(n + 1, sizeof *reqs);
	for (size_t i = 0; i < n; i++)
		reqs[i] = (struct fetch_request){urls[i], NULL, NULL, NULL};
	struct url_run r = {.st = st, .o = o, .stats = stats};
	struct fetcher *f = NULL;
	char *cause = NULL;
	enum dg_status rc = fetch_new(&f, &set, &cause);
	if (rc == DG_OK)
		rc = fetch_run(f, reqs, n, url_done, NULL, &r, &cause);
	if (rc != DG_OK && o->on_error)
		o->on_error(o->ctx, "import", 0, cause ? cause : "cannot fetch");
	if (r.in_batch && store_commit(st) != DG_OK) {
		if (o->on_error)
			o->on_error(o->ctx, "import", 0, store_error(st));
		r.store_failed = true;
	}
	free(cause);
	fetch_free(&f);
	free(reqs);
	return rc == DG_OK && !r.store_failed && !stats->failed ? DG_OK : DG_ERR;
}
