/* test_import_feed.c: feed items into articles and into the library
 * (import_feed.h): the item's fields win over what the text suggests,
 * HTML content becomes paragraphs, a re-fetch is no duplicate. */
#include "t.h"
#include "diglot/import_feed.h"
#include "diglot/import_full.h"
#include "diglot/store_feed.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static struct feed_item item(const char *id, const char *title, const char *content, bool html)
{
	struct feed_item it = {0};
	it.id = (char *)id;
	it.link = (char *)"http://127.0.0.1/news/tunnel";
	it.title = (char *)title;
	it.author = (char *)"";
	it.source = (char *)"";
	it.lang = (char *)"";
	it.date = 1736152200;
	it.content = (char *)content;
	it.content_html = html;
	it.base = (char *)"http://127.0.0.1/news/";
	return it;
}

static void test_item(void)
{
	struct feed_item it = item("t1", "Harbour Tunnel Opens",
		"<p>The harbour tunnel opened to traffic on <b>Monday</b>, two months early.</p>"
		"<script>alert(1)</script><p>Commuters said the crossing takes eight minutes &amp; "
		"no longer half an hour.</p>", true);
	struct article a = {0};
	int64_t date = 0;
	char *cause = NULL;
	CHECK_INT(import_feed_item(&it, "Harbour Gazette", &a, &date, &cause), DG_OK);
	CHECK_STR(a.title, "Harbour Tunnel Opens");
	CHECK_STR(a.source, "Harbour Gazette");
	CHECK_STR(a.url, "http://127.0.0.1/news/tunnel");
	CHECK_INT(date, 1736152200);
	CHECK_STR(a.lang, "en");
	CHECK_INT(a.npara, 3);
	if (a.npara == 3) {
		CHECK_STR(a.paras[0].text, "Harbour Tunnel Opens");
		CHECK_INT(a.paras[0].kind, PARA_TITLE);
		CHECK_STR(a.paras[1].text,
		          "The harbour tunnel opened to traffic on Monday, two months early.");
		CHECK_STR(a.paras[2].text,
		          "Commuters said the crossing takes eight minutes & no longer half an hour.");
	}
	article_free(&a);

	/* The item names its own source; plain text stays as it is. */
	it = item("t2", "Ferries Change", "Ferries will run every forty minutes from next week.",
	          false);
	it.source = (char *)"Port Authority";
	CHECK_INT(import_feed_item(&it, "Harbour Gazette", &a, &date, NULL), DG_OK);
	CHECK_STR(a.source, "Port Authority");
	CHECK_INT(a.npara, 2);
	article_free(&a);

	/* xml:lang only where the text says nothing; the text wins. */
	it = item("t4", "", "2024 — 12:30 / 14:45", false);
	it.lang = (char *)"fr-CA";
	CHECK_INT(import_feed_item(&it, "Harbour Gazette", &a, &date, NULL), DG_OK);
	CHECK_STR(a.lang, "fr");
	article_free(&a);
	it = item("t5", "", "Ferries will run every forty minutes from next week.", false);
	it.lang = (char *)"de";
	CHECK_INT(import_feed_item(&it, "Harbour Gazette", &a, &date, NULL), DG_OK);
	CHECK_STR(a.lang, "en");
	article_free(&a);

	/* Nothing to read: refused, with a reason. */
	it = item("t3", "", "<p> </p>", true);
	CHECK_INT(import_feed_item(&it, "Harbour Gazette", &a, &date, &cause), DG_ERR);
	CHECK(cause && *cause);
	free(cause);
}

static void test_items(void)
{
	char dir[] = "/tmp/diglot-import-feed-XXXXXX";
	CHECK(mkdtemp(dir) != NULL);
	char *path = xasprintf("%s/lib.db", dir);
	struct store *st = NULL;
	CHECK_INT(store_open(&st, path, NULL), DG_OK);
	int64_t feed = 0;
	CHECK_INT(store_feed_add(st, "http://127.0.0.1/feed.xml", "", "", &feed, NULL), DG_OK);
	struct feed_item items[20];
	char titles[20][64], texts[20][160];
	for (int i = 0; i < 20; i++) {
		snprintf(titles[i], sizeof titles[i], "Harbour story number %d", i);
		snprintf(texts[i], sizeof texts[i],
		         "The harbour office published its report number %d on the ferries, the "
		         "tunnel and the bridge this morning.", i);
		items[i] = item("", titles[i], texts[i], false);
		items[i].link = (char *)"";
	}
	items[7] = item("", "", "", false); /* no text: skipped */
	struct feed f = {.kind = FEED_RSS, .title = (char *)"Harbour Gazette", .link = (char *)"",
	                 .lang = (char *)"", .items = items, .nitems = 20};
	/* Analysed apart from the store, as a fetch's worker threads do. */
	struct import_feed_analysed *an = import_feed_analyse(&f, feed, "Harbour Gazette", NULL);
	struct import_feed_stats s = {0};
	CHECK_INT(import_feed_store(st, feed, &f, an, &s), DG_OK);
	import_feed_analysed_free(&an);
	CHECK(an == NULL);
	CHECK_INT(s.added, 19);
	CHECK_INT(s.skipped, 1);
	/* Again, both in one call: the same items, nothing new. */
	struct import_feed_stats again = {0};
	CHECK_INT(import_feed_items(st, feed, &f, "Harbour Gazette", &again), DG_OK);
	CHECK_INT(again.added, 0);
	CHECK_INT(again.unchanged, 19);
	int64_t n = 0;
	struct store_filter all = STORE_FILTER_ALL;
	CHECK_INT(store_count(st, &all, &n), DG_OK);
	CHECK_INT(n, 19);
	store_close(&st);
	char *wal = xasprintf("%s-wal", path), *shm = xasprintf("%s-shm", path);
	unlink(path);
	unlink(wal);
	unlink(shm);
	rmdir(dir);
	free(wal);
	free(shm);
	free(path);
}

/* An article of paragraphs ps (the first a title) for import_is_teaser. */
static bool teaser(const char *const *ps, size_t n)
{
	struct article a = {0};
	for (size_t i = 0; i < n; i++)
		article_add_para(&a, ps[i], strlen(ps[i]), i ? PARA_BODY : PARA_TITLE);
	bool t = import_is_teaser(&a);
	article_free(&a);
	return t;
}

static void test_teaser(void)
{
	static const char long_p[] =
		"The council approved the new harbour wall on Tuesday after a debate of four hours, "
		"with 31 votes for and 9 against; the wall, 800 metres long, will protect the old town "
		"from the storm surges that flooded it twice last winter, and its foundations go down "
		"twelve metres into the clay of the old harbour basin. Work starts in March and should "
		"end before the autumn storms, the harbour office said, and the quay stays open to "
		"walkers on its northern side for the whole time of the works, with a ferry to the "
		"lighthouse every hour from the temporary pier at the fish market.";
	const char *const shortp[] = {"Title", "Short text."};
	const char *const full[] = {"Title", long_p, long_p};
	const char *const ellipsis[] = {"Title", long_p, long_p, "And the mayor said that…"};
	const char *const dots[] = {"Title", long_p, long_p, "More on this [...]"};
	const char *const more[] = {"Title", long_p, long_p, "Continue reading"};
	const char *const one[] = {"Title", long_p}; /* under 600 characters */
	const char *const more_long[] = {"Title", long_p, long_p, long_p};
	CHECK(teaser(shortp, 2));
	CHECK(!teaser(full, 3));
	CHECK(teaser(one, 2));
	CHECK(teaser(ellipsis, 4));
	CHECK(teaser(dots, 4));
	CHECK(teaser(more, 4));
	CHECK(!teaser(more_long, 4));
}

int main(void)
{
	test_teaser();
	test_item();
	test_items();
	return t_done();
}
