/* test_store_feed.c: the feed tables of the store (store_feed.h). */
#include "t.h"
#include "diglot/sbuf.h"
#include "diglot/store_feed.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static char tmpdir[64];

static void make_article(struct article *a, const char *title, const char *body)
{
	memset(a, 0, sizeof *a);
	a->title = xstrdup(title);
	a->source = xstrdup("Harbour Gazette");
	a->url = xstrdup("http://127.0.0.1/x");
	snprintf(a->lang, sizeof a->lang, "en");
	struct para *p = article_add_para(a, body, strlen(body), PARA_BODY);
	snprintf(p->lang, sizeof p->lang, "en");
}

static int64_t put_item(struct store *st, int64_t feed, const char *key, const char *title,
                        const char *body, enum store_put *what)
{
	struct article a;
	int64_t id = 0;
	make_article(&a, title, body);
	CHECK_INT(store_feed_put_item(st, feed, key, &a, 1736150000, &id, what), DG_OK);
	article_free(&a);
	return id;
}

/* The listed feeds, one line each: id url title category articles unread
 * status error disabled etag next_fetch>0. */
static int feed_line(void *ctx, const struct store_feed *f)
{
	struct sbuf *b = ctx;
	sbuf_addf(b, "%lld|%s|%s|%s|%lld|%lld|%lld|%s|%d|%s|%d\n", (long long)f->id, f->url, f->title,
	          f->category, (long long)f->articles, (long long)f->unread, (long long)f->last_status,
	          f->last_error, f->disabled, f->etag, f->next_fetch > 0);
	return 0;
}

static char *feeds(struct store *st, int64_t id)
{
	struct sbuf b = SBUF_INIT;
	CHECK_INT(store_feed_list(st, id, feed_line, &b), DG_OK);
	return sbuf_detach(&b);
}

static void on_problem(void *ctx, const char *part, const char *what)
{
	(void)ctx;
	fprintf(stderr, "check: %s: %s\n", part, what);
}

static void test_feeds(void)
{
	char *path = xasprintf("%s/lib.db", tmpdir);
	struct store *st = NULL;
	char *err = NULL;
	CHECK_INT(store_open(&st, path, &err), DG_OK);

	int64_t a = 0, b = 0, again = 0;
	bool existed = true;
	CHECK_INT(store_feed_add(st, "http://127.0.0.1/a.xml", "", "News", &a, &existed), DG_OK);
	CHECK(!existed);
	CHECK_INT(store_feed_add(st, "http://127.0.0.1/b.xml", "Bee", "", &b, NULL), DG_OK);
	CHECK_INT(store_feed_add(st, "http://127.0.0.1/a.xml", "Other", "", &again, &existed), DG_OK);
	CHECK(existed);
	CHECK_INT(again, a);
	char *l = feeds(st, 0);
	CHECK_STR(l, "1|http://127.0.0.1/a.xml||News|0|0|0||0||0\n"
	             "2|http://127.0.0.1/b.xml|Bee||0|0|0||0||0\n");
	free(l);
	int64_t found = 0;
	CHECK_INT(store_feed_by_url(st, "http://127.0.0.1/b.xml", &found), DG_OK);
	CHECK_INT(found, b);
	CHECK_INT(store_feed_by_url(st, "http://127.0.0.1/c.xml", &found), DG_NOTFOUND);
	CHECK_STR(store_error(st), "http://127.0.0.1/c.xml: no such feed");
	struct sbuf none = SBUF_INIT;
	CHECK_INT(store_feed_list(st, 99, feed_line, &none), DG_NOTFOUND);
	sbuf_free(&none);
	CHECK_STR(store_error(st), "no feed with ID 99");

	/* Items: new, the same again, changed (state kept), shared with another feed. */
	enum store_put w;
	int64_t i1 = put_item(st, a, "tunnel", "Tunnel opens", "The harbour tunnel opened today.", &w);
	CHECK_INT(w, PUT_NEW);
	int64_t i2 = put_item(st, a, "ferries", "Ferries change", "Ferries run less often now.", &w);
	CHECK_INT(w, PUT_NEW);
	CHECK_INT(put_item(st, a, "tunnel", "Tunnel opens", "The harbour tunnel opened today.", &w), i1);
	CHECK_INT(w, PUT_UNCHANGED);
	CHECK_INT(store_set_flag(st, i1, FLAG_READ, 1, NULL), DG_OK);
	CHECK_INT(store_set_flag(st, i1, FLAG_BOOKMARKED, 1, NULL), DG_OK);
	CHECK_INT(put_item(st, a, "tunnel", "Tunnel opens early", "The harbour tunnel opened on Monday.",
	                   &w), i1);
	CHECK_INT(w, PUT_UPDATED);
	bool rd = false, bm = false;
	CHECK_INT(store_get_state(st, i1, &rd, &bm), DG_OK);
	CHECK(rd && bm);
	struct article got = {0};
	CHECK_INT(store_get(st, i1, &got, NULL), DG_OK);
	CHECK_STR(got.title, "Tunnel opens early");
	article_free(&got);
	/* The same story in feed b: linked, not a duplicate. */
	CHECK_INT(put_item(st, b, "other-key", "Ferries change", "Ferries run less often now.", &w), i2);
	CHECK_INT(w, PUT_UNCHANGED);
	int64_t i3 = put_item(st, b, "own", "Bee story", "Only feed b has this one.", &w);
	CHECK_INT(w, PUT_NEW);
	l = feeds(st, 0);
	CHECK_STR(l, "1|http://127.0.0.1/a.xml||News|2|1|0||0||0\n"
	             "2|http://127.0.0.1/b.xml|Bee||2|2|0||0||0\n");
	free(l);

	/* What a fetch found: validators, a new URL, the feed's own title. */
	struct store_feed_outcome o = {.fetched_at = 1736150000, .status = 200, .etag = "\"v1\"",
	                               .last_modified = "Wed, 01 Jan 2025 00:00:00 GMT",
	                               .new_url = "https://127.0.0.1/a.xml", .title = "Harbour Gazette"};
	CHECK_INT(store_feed_record(st, a, &o), DG_OK);
	o = (struct store_feed_outcome){.fetched_at = 1736150100, .status = 304, .title = "Renamed"};
	CHECK_INT(store_feed_record(st, a, &o), DG_OK); /* validators kept, title too */
	o = (struct store_feed_outcome){.fetched_at = 1736150100, .status = 429,
	                                .error = "x: HTTP 429 (too many requests)",
	                                .next_fetch = 1736150220, .new_url = "https://127.0.0.1/a.xml",
	                                .title = "Bee's own"};
	CHECK_INT(store_feed_record(st, b, &o), DG_OK); /* a's URL: b keeps its own */
	l = feeds(st, 0);
	CHECK_STR(l, "1|https://127.0.0.1/a.xml|Harbour Gazette|News|2|1|304||0|\"v1\"|0\n"
	             "2|http://127.0.0.1/b.xml|Bee||2|2|429|x: HTTP 429 (too many requests)|0||1\n");
	free(l);
	o = (struct store_feed_outcome){.fetched_at = 1, .status = 410, .error = "gone", .disable = true};
	CHECK_INT(store_feed_record(st, b, &o), DG_OK);
	l = feeds(st, b);
	CHECK_STR(l, "2|http://127.0.0.1/b.xml|Bee||2|2|410|gone|1||0\n");
	free(l);
	CHECK_INT(store_feed_record(st, 99, &o), DG_NOTFOUND);

	/* Remove b with its articles: its own goes, the one a carries stays. */
	int64_t removed = -1;
	CHECK_INT(store_feed_remove(st, b, true, &removed), DG_OK);
	CHECK_INT(removed, 1);
	CHECK_INT(store_get_state(st, i3, &rd, &bm), DG_NOTFOUND);
	CHECK_INT(store_get_state(st, i2, &rd, &bm), DG_OK);
	/* Remove a alone: its articles stay, out of any feed. */
	CHECK_INT(store_feed_remove(st, a, false, &removed), DG_OK);
	CHECK_INT(removed, 0);
	CHECK_INT(store_get_state(st, i1, &rd, &bm), DG_OK);
	CHECK(rd && bm);
	l = feeds(st, 0);
	CHECK_STR(l, "");
	free(l);
	CHECK_INT(store_feed_remove(st, a, false, NULL), DG_NOTFOUND);
	CHECK_STR(store_error(st), "no feed with ID 1");
	/* Subscribed again, a known story is not a duplicate. */
	int64_t c = 0;
	CHECK_INT(store_feed_add(st, "https://127.0.0.1/a.xml", "", "", &c, NULL), DG_OK);
	CHECK_INT(put_item(st, c, "tunnel", "Tunnel opens early", "The harbour tunnel opened on Monday.",
	                   &w), i1);
	CHECK_INT(w, PUT_UNCHANGED);
	int problems = -1;
	CHECK_INT(store_check(st, on_problem, NULL, &problems), DG_OK);
	CHECK_INT(problems, 0);

	store_close(&st);
	free(err);
	unlink(path);
	char *wal = xasprintf("%s-wal", path), *shm = xasprintf("%s-shm", path);
	unlink(wal);
	unlink(shm);
	free(wal);
	free(shm);
	free(path);
}

int main(void)
{
	snprintf(tmpdir, sizeof tmpdir, "/tmp/diglot-store-feed-XXXXXX");
	if (!mkdtemp(tmpdir)) {
		perror("mkdtemp");
		return 1;
	}
	test_feeds();
	rmdir(tmpdir);
	return t_done();
}
