/*
 * test_feed.c: feed_parse over the fixtures in tests/fixtures/feed: every
 * format, xml:base, encodings (BOM, HTTP charset over the declaration,
 * detection), broken feeds, and the two attacks that must fail: an
 * external entity and an entity-expansion bomb are never expanded.
 */
#include "t.h"
#include "diglot/feed.h"
#include "diglot/files.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#define URL "https://feeds.example.org/dir/feed"

/* Parse a fixture into *f; the status, and the cause in *cause. */
static enum dg_status parse(const char *name, const char *charset, struct feed *f, char **cause)
{
	char path[512];
	snprintf(path, sizeof path, "%s/tests/fixtures/feed/%s", TEST_SRCDIR, name);
	size_t len;
	char *bytes = files_read(path, FEED_MAX_INPUT, &len);
	if (!bytes) {
		fprintf(stderr, "cannot read %s\n", path);
		exit(1);
	}
	memset(f, 0, sizeof *f);
	*cause = NULL;
	enum dg_status st = feed_parse(bytes, len, URL, charset, f, cause);
	free(bytes);
	return st;
}

static void ok(const char *name, const char *charset, struct feed *f)
{
	char *cause;
	enum dg_status st = parse(name, charset, f, &cause);
	if (st != DG_OK)
		fprintf(stderr, "%s: %s\n", name, cause ? cause : "?");
	CHECK_INT(st, DG_OK);
	free(cause);
}

static void test_rss20(void)
{
	struct feed f;
	ok("rss20.xml", NULL, &f);
	CHECK_INT(f.kind, FEED_RSS);
	CHECK_STR(f.title, "Harbor & Bridge News");
	CHECK_STR(f.link, "https://news.example.org/");
	CHECK_STR(f.lang, "en-gb");
	CHECK_STR(f.encoding, "utf-8");
	CHECK_INT(f.nitems, 3);
	if (f.nitems != 3)
		return feed_free(&f);
	const struct feed_item *a = &f.items[0], *b = &f.items[1], *c = &f.items[2];
	CHECK_STR(a->title, "New span opens & traffic flows"); /* escaped HTML title stripped */
	CHECK_STR(a->link, "https://feeds.example.org/2024/05/span.html"); /* against the feed URL */
	CHECK_STR(a->id, "span-2024-05");
	CHECK_STR(a->author, "Ann Writer");
	CHECK_STR(a->source, "Wire Service");
	CHECK_STR(a->lang, "en-gb");
	CHECK_INT(a->date, 1714924424); /* Sun, 05 May 2024 17:53:44 +0200 */
	CHECK_STR(a->content, "<p>The new span <em>opened</em> today.</p>"); /* content:encoded wins */
	CHECK(a->content_html);
	/* A permalink guid is the link; isPermaLink="false" was not. */
	CHECK_STR(b->link, "https://news.example.org/2024/05/second");
	CHECK_INT(b->date, 1714982400);
	CHECK_STR(b->author, "Bea Editor"); /* "address (Name)" */
	CHECK_STR(b->content, "Plain <i>summary</i> only.");
	CHECK_STR(c->title, "");
	CHECK_STR(c->link, "");
	char *k = feed_item_key(a);
	CHECK_STR(k, "span-2024-05");
	free(k);
	k = feed_item_key(b);
	CHECK_STR(k, "//news.example.org/2024/05/second");
	free(k);
	k = feed_item_key(c);
	CHECK_STR(k, "sha256:b826bf97f51e7fc2e90837e5b2b41744fe5dccb197fabb12eabda96ab2915a5b");
	free(k);
	feed_free(&f);
}

static void test_key_scheme(void)
{
	/* http and https give one key; a key with no id or link hashes. */
	struct feed_item a = {0}, b = {0};
	a.link = "http://x.example/1";
	b.link = "https://x.example/1";
	char *ka = feed_item_key(&a), *kb = feed_item_key(&b);
	CHECK_STR(ka, kb);
	CHECK_STR(ka, "//x.example/1");
	free(ka);
	free(kb);
	a.link = "";
	a.id = "";
	a.title = "t";
	a.content = "c";
	b.link = "";
	b.title = "t";
	b.content = "d";
	ka = feed_item_key(&a);
	kb = feed_item_key(&b);
	CHECK(strncmp(ka, "sha256:", 7) == 0 && strlen(ka) == 7 + 64);
	CHECK(strcmp(ka, kb) != 0);
	free(ka);
	free(kb);
}

static void test_rdf(void)
{
	struct feed f;
	ok("rdf.xml", NULL, &f);
	CHECK_INT(f.kind, FEED_RDF);
	CHECK_STR(f.title, "RDF Site");
	CHECK_STR(f.lang, "de");
	CHECK_INT(f.nitems, 1);
	if (f.nitems == 1) {
		CHECK_STR(f.items[0].id, "https://rdf.example.net/a1"); /* rdf:about */
		CHECK_STR(f.items[0].title, "Erster Artikel");
		CHECK_STR(f.items[0].author, "Bernd");
		CHECK_INT(f.items[0].date, 1072894495); /* 2003-12-31T10:14:55-08:00 */
		CHECK_STR(f.items[0].lang, "de");
	}
	feed_free(&f);
}

static void test_atom10(void)
{
	struct feed f;
	ok("atom10.xml", NULL, &f);
	CHECK_INT(f.kind, FEED_ATOM);
	CHECK_STR(f.title, "Le Blog");
	CHECK_STR(f.link, "https://atom.example.com/blog/"); /* rel=alternate, not self */
	CHECK_STR(f.lang, "fr");
	CHECK_INT(f.nitems, 2);
	if (f.nitems != 2)
		return feed_free(&f);
	const struct feed_item *a = &f.items[0], *b = &f.items[1];
	/* Nested xml:base: blog/ then 2024/. */
	CHECK_STR(a->link, "https://atom.example.com/blog/2024/premier.html");
	CHECK_STR(a->id, "tag:atom.example.com,2024:1");
	CHECK_INT(a->date, 1704161045); /* published wins over updated */
	CHECK_STR(a->content, "<p>Un <b>beau</b> jour &amp; <a href=\"x.png\">image</a></p>");
	CHECK(a->content_html);
	CHECK_STR(a->base, "https://atom.example.com/blog/2024/img/");
	CHECK_STR(a->source, "Origine");
	CHECK_STR(a->author, "Claire"); /* the feed's author */
	CHECK_STR(a->lang, "fr");
	CHECK_STR(b->title, "Second entry");
	CHECK_STR(b->link, "https://atom.example.com/absolute/path");
	CHECK_INT(b->date, 1709294400); /* updated, no seconds */
	CHECK_STR(b->content, "<p>Only a summary</p>");
	CHECK_STR(b->author, "Dan");
	CHECK_STR(b->lang, "en");
	feed_free(&f);
}

static void test_atom03(void)
{
	struct feed f;
	ok("atom03.xml", NULL, &f);
	CHECK_INT(f.kind, FEED_ATOM);
	CHECK_STR(f.title, "Old Atom");
	CHECK_INT(f.nitems, 1);
	if (f.nitems == 1) {
		/* mode="escaped" type="text/html": HTML, stripped for the title. */
		CHECK_STR(f.items[0].title, "Escaped <b>title</b>");
		CHECK_STR(f.items[0].content, "<p>Escaped content</p>");
		CHECK(f.items[0].content_html);
		CHECK_INT(f.items[0].date, 1089331018); /* issued */
	}
	feed_free(&f);
}

/* Atom's base64 content: text decoded, binary dropped. */
static void test_base64(void)
{
	static const char doc[] =
		"<feed xmlns=\"http://www.w3.org/2005/Atom\">"
		"<entry><content type=\"application/octet-stream\">RXhhbXBsZSA8Yj5BdG9tPC9iPg==</content></entry>"
		"<entry><content type=\"image/png\">iVBORw0KGgo=</content></entry></feed>";
	struct feed f = {0};
	char *cause = NULL;
	CHECK_INT(feed_parse(doc, sizeof doc - 1, NULL, NULL, &f, &cause), DG_OK);
	CHECK_INT(f.nitems, 2);
	if (f.nitems == 2) {
		CHECK_STR(f.items[0].content, "Example <b>Atom</b>");
		CHECK(!f.items[0].content_html);
		CHECK_STR(f.items[1].content, "");
	}
	feed_free(&f);
}

static void test_json(void)
{
	struct feed f;
	ok("feed11.json", NULL, &f);
	CHECK_INT(f.kind, FEED_JSON);
	CHECK_STR(f.title, "JSON Journal");
	CHECK_STR(f.link, "https://json.example.org/");
	CHECK_STR(f.lang, "es");
	CHECK_INT(f.nitems, 2);
	if (f.nitems == 2) {
		CHECK_STR(f.items[0].id, "1");
		CHECK_STR(f.items[0].link, "https://json.example.org/posts/1"); /* against feed_url */
		CHECK_STR(f.items[0].title, "Hola <b>mundo</b>"); /* JSON titles are plain text */
		CHECK_STR(f.items[0].content, "<p>Texto</p>");
		CHECK(f.items[0].content_html);
		CHECK_STR(f.items[0].author, "Luis");
		CHECK_INT(f.items[0].date, 1711976400);
		CHECK_STR(f.items[1].id, "2"); /* a number */
		CHECK_STR(f.items[1].content, "Solo texto");
		CHECK(!f.items[1].content_html);
		CHECK_STR(f.items[1].author, "Eva");
		CHECK_STR(f.items[1].lang, "pt");
		CHECK_INT(f.items[1].date, 1712016000); /* date_modified */
	}
	feed_free(&f);
	ok("feed10.json", NULL, &f);
	CHECK_INT(f.nitems, 1);
	if (f.nitems == 1) {
		CHECK_STR(f.items[0].author, "Old Author"); /* 1.0's author */
		CHECK_STR(f.items[0].content, "Just a summary");
	}
	feed_free(&f);
}

static void test_encodings(void)
{
	struct feed f;
	ok("latin1.xml", NULL, &f);
	CHECK_STR(f.title, "Café déjà vu");
	CHECK_STR(f.encoding, "iso-8859-1");
	feed_free(&f);
	/* Declared ISO-8859-1, bytes UTF-8: the HTTP charset wins (RFC 3023),
	 * and without it valid UTF-8 is not read as Latin-1 either. */
	ok("mismatch.xml", "utf-8", &f);
	CHECK_STR(f.title, "Straße – Öl");
	CHECK_STR(f.encoding, "utf-8");
	feed_free(&f);
	ok("mismatch.xml", NULL, &f);
	CHECK_STR(f.title, "Straße – Öl");
	feed_free(&f);
	/* An HTTP charset that cannot decode the bytes is passed over. */
	ok("latin1.xml", "utf-8", &f);
	CHECK_STR(f.title, "Café déjà vu");
	feed_free(&f);
	ok("utf16le-bom.xml", "iso-8859-1", &f); /* the BOM beats the header */
	CHECK_STR(f.title, "Ünïcödé 日本");
	CHECK_STR(f.encoding, "utf-16le");
	feed_free(&f);
	ok("utf16be-nobom.xml", NULL, &f);
	CHECK_STR(f.title, "Grüße");
	CHECK_STR(f.encoding, "utf-16be");
	feed_free(&f);
	ok("undeclared-gbk.xml", NULL, &f); /* no declaration: detected */
	CHECK_STR(f.title, "新闻标题测试中文频道");
	CHECK_STR(f.encoding, "gb2312"); /* every pair in GB2312's range */
	feed_free(&f);
	/* Undeclared legacy encodings: feed_detect.c, never Windows-1252
	 * garbage; Latin text stays Windows-1252. */
	static const struct { const char *file, *enc, *title; } legacy[] = {
		{"undeclared-koi8r.xml", "koi8-r", "Как пережить новогоднюю ночь"},
		{"undeclared-eucjp.xml", "euc-jp", "ゲーム三昧な正月"},
		{"undeclared-sjis.xml", "shift_jis", "記事投稿が反映されない"},
		{"undeclared-latin1.xml", "windows-1252", "Café à Noël"},
	};
	for (size_t i = 0; i < ARRAY_SIZE(legacy); i++) {
		ok(legacy[i].file, NULL, &f);
		CHECK_STR(f.encoding, legacy[i].enc);
		CHECK_STR(f.title, legacy[i].title);
		feed_free(&f);
	}
	/* C1 controls (UTF-8 or character references) are the Windows-1252
	 * characters feeds mean, never terminal controls (&#x9b; is CSI). */
	ok("cp1252-c1.xml", NULL, &f);
	CHECK_INT(f.nitems, 1);
	if (f.nitems == 1) {
		CHECK_STR(f.items[0].title, "don’t “quote”");
		CHECK_STR(f.items[0].content, "it’s ›31m");
	}
	feed_free(&f);
}

static void test_broken(void)
{
	struct feed f;
	ok("broken.xml", NULL, &f);
	CHECK_STR(f.title, "Broken & careless");
	CHECK_INT(f.nitems, 1);
	if (f.nitems >= 1) {
		CHECK_STR(f.items[0].title, "First \xc2\xa0été item");
		CHECK_STR(f.items[0].link, "http://broken.example/1?a=1&b=2");
		CHECK_STR(f.items[0].author, "Undeclared Prefix");
		CHECK_STR(f.items[0].content, "<p>Raw <b>HTML</b> inside</p>\n");
	}
	feed_free(&f);
	char *cause;
	CHECK_INT(parse("page.html", NULL, &f, &cause), DG_ERR);
	CHECK_STR(cause, "not a feed: an HTML page");
	free(cause);
	CHECK_INT(parse("empty.xml", NULL, &f, &cause), DG_ERR);
	CHECK_STR(cause, "empty document");
	free(cause);
	cause = NULL;
	CHECK_INT(feed_parse("{\"a\": 1}", 8, NULL, NULL, &f, &cause), DG_ERR);
	CHECK_STR(cause, "not a feed: JSON without a version or items");
	free(cause);
	cause = NULL;
	CHECK_INT(feed_parse("<svg/>", 6, NULL, NULL, &f, &cause), DG_ERR);
	CHECK_STR(cause, "not a feed: the document is <svg>");
	free(cause);
}

/* Neither attack may be expanded: the entity's text never appears. */
static void test_attacks(void)
{
	struct feed f;
	ok("xxe.xml", NULL, &f);
	CHECK_STR(f.title, "XXE end");
	CHECK_INT(f.nitems, 1);
	if (f.nitems == 1) {
		CHECK_STR(f.items[0].title, "Item");
		CHECK_STR(f.items[0].content, "before  after");
		CHECK(!strstr(f.items[0].content, "root:"));
	}
	feed_free(&f);
	/* An external DTD, parameter entity and http entity: none is read
	 * (no DTD loading, no network; strace shows no open or connect). */
	ok("external-dtd.xml", NULL, &f);
	CHECK_STR(f.title, "T");
	feed_free(&f);
	clock_t t0 = clock();
	ok("bomb.xml", NULL, &f);
	/* libxml2 stops at the first reference of the bomb; what came before
	 * stays, and no "lol" ever reaches a field. */
	CHECK_STR(f.title, "Bomb");
	for (size_t i = 0; i < f.nitems; i++) {
		CHECK(!strstr(f.items[i].title, "lol"));
		CHECK(!strstr(f.items[i].content, "lol"));
		CHECK(strlen(f.items[i].content) < 1000);
	}
	CHECK((double)(clock() - t0) / CLOCKS_PER_SEC < 2.0);
	feed_free(&f);
}

static void test_limits(void)
{
	struct feed f = {0};
	char *cause = NULL;
	CHECK_INT(feed_parse("", FEED_MAX_INPUT + 1, NULL, NULL, &f, &cause), DG_ERR);
	CHECK_STR(cause, "feed too large (over 16 MiB)");
	free(cause);
}

int main(void)
{
	test_rss20();
	test_key_scheme();
	test_rdf();
	test_atom10();
	test_atom03();
	test_base64();
	test_json();
	test_encodings();
	test_broken();
	test_attacks();
	test_limits();
	return t_done();
}
