/*
 * test_opml.c: OPML in (nested folders to categories, newsboat's and
 * newsraft's shapes, broken documents) and out, and the round trip.
 */
#include "t.h"
#include "diglot/opml.h"

#include <stdlib.h>
#include <string.h>

static enum dg_status parse(const char *s, struct opml *o, char **cause)
{
	memset(o, 0, sizeof *o);
	*cause = NULL;
	return opml_parse(s, strlen(s), o, cause);
}

static const char nested[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<opml version=\"1.0\"><head><title>Mine &amp; yours</title></head><body>\n"
	"<outline title=\"tag1\"><outline title=\"tag2\">\n"
	"  <outline type=\"rss\" title=\"CC Test\" xmlUrl=\"http://test1.url.cc/feed.xml\"/>\n"
	"</outline></outline>\n"
	"<outline xmlUrl=\"http://anotherfeed.com/\" title=\"Anotherfeed\" type=\"rss\"/>\n"
	"<outline text=\"News\"><outline xmlUrl=\"https://example.com/five.atom\" text=\"another title\""
	" htmlUrl=\"https://example.com/\"/></outline>\n"
	"<outline type=\"rss\" xmlUrl=\"http://feeds.example/biz.xml\" htmlUrl=\"\" title=\"\""
	" category=\"tag one,tag_two\"/>\n"
	"<outline type=\"rss\" title=\"Birdsite search\" xmlUrl=\"|~/fetch_tweets.py\"/>\n"
	"<outline title=\"empty folder\"/>\n"
	"</body></opml>\n";

static void test_parse(void)
{
	struct opml o;
	char *cause;
	CHECK_INT(parse(nested, &o, &cause), DG_OK);
	CHECK_STR(o.title, "Mine & yours");
	CHECK_INT(o.nentries, 5);
	if (o.nentries == 5) {
		CHECK_STR(o.entries[0].url, "http://test1.url.cc/feed.xml");
		CHECK_STR(o.entries[0].title, "CC Test");
		CHECK_STR(o.entries[0].category, "tag1/tag2");
		CHECK_STR(o.entries[1].category, "");
		CHECK_STR(o.entries[2].title, "another title"); /* text when no title */
		CHECK_STR(o.entries[2].site, "https://example.com/");
		CHECK_STR(o.entries[2].category, "News");
		CHECK_STR(o.entries[3].category, "tag one"); /* newsboat's tags: the first */
		CHECK_STR(o.entries[3].title, "");
		CHECK_STR(o.entries[4].url, "|~/fetch_tweets.py"); /* kept; the caller decides */
	}
	opml_free(&o);
}

static void test_broken(void)
{
	struct opml o;
	char *cause;
	CHECK_INT(parse("<?xml version=\"1.0\"?><opml><head><title>x</title></head></opml>", &o, &cause),
	          DG_ERR);
	CHECK_STR(cause, "not an OPML document: no <body>");
	free(cause);
	CHECK_INT(parse("<not-opml><body><outline xmlUrl=\"http://a/\"/></body></not-opml>", &o, &cause),
	          DG_ERR);
	CHECK_STR(cause, "not an OPML document: the document is <not-opml>");
	free(cause);
	CHECK_INT(parse("", &o, &cause), DG_ERR);
	CHECK_STR(cause, "not an OPML document: no XML element");
	free(cause);
	/* Recover mode: an unclosed document still gives its feeds. */
	CHECK_INT(parse("<opml><body><outline title=\"A\"><outline xmlUrl=\"http://a/x\" title=\"T\">",
	                &o, &cause), DG_OK);
	CHECK_INT(o.nentries, 1);
	if (o.nentries == 1)
		CHECK_STR(o.entries[0].category, "A");
	opml_free(&o);
	static const char bomb[] =
		"<?xml version=\"1.0\"?><!DOCTYPE opml [<!ENTITY a \"aaaaaaaaaa\">"
		"<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
		"<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">"
		"<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
		"<opml><head><title>T&e;&x;</title></head><body>"
		"<outline xmlUrl=\"http://a/&e;\" title=\"&x;&e;\"/><outline xmlUrl=\"http://b/\"/></body></opml>";
	/* libxml2 stops at the bomb's first use: nothing expanded, no body. */
	CHECK_INT(parse(bomb, &o, &cause), DG_ERR);
	CHECK_STR(cause, "not an OPML document: no <body>");
	free(cause);
}

static void test_round_trip(void)
{
	struct opml_entry e[] = {
		{"http://a.example/feed", "A & \"B\" <c>", "http://a.example/", ""},
		{"http://b.example/rss", "B", "", "Tech/Linux"},
		{"http://c.example/rss", "C", "", "Tech"},
		{"http://d.example/rss", "D", "", "Tech/Linux"},
		{"http://e.example/rss", "E\x1b[31m", "", "News/World/Europe"},
	};
	struct sbuf b = SBUF_INIT;
	opml_write(&b, "diglot feeds", e, ARRAY_SIZE(e));
	CHECK_STR(sbuf_str(&b),
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n  <head>\n"
		"    <title>diglot feeds</title>\n  </head>\n  <body>\n"
		"    <outline type=\"rss\" text=\"A &amp; &quot;B&quot; &lt;c&gt;\" title=\"A &amp; &quot;B&quot; &lt;c&gt;\""
		" xmlUrl=\"http://a.example/feed\" htmlUrl=\"http://a.example/\"/>\n"
		"    <outline text=\"Tech\" title=\"Tech\">\n"
		"      <outline text=\"Linux\" title=\"Linux\">\n"
		"        <outline type=\"rss\" text=\"B\" title=\"B\" xmlUrl=\"http://b.example/rss\"/>\n"
		"        <outline type=\"rss\" text=\"D\" title=\"D\" xmlUrl=\"http://d.example/rss\"/>\n"
		"      </outline>\n"
		"      <outline type=\"rss\" text=\"C\" title=\"C\" xmlUrl=\"http://c.example/rss\"/>\n"
		"    </outline>\n"
		"    <outline text=\"News\" title=\"News\">\n"
		"      <outline text=\"World\" title=\"World\">\n"
		"        <outline text=\"Europe\" title=\"Europe\">\n"
		"          <outline type=\"rss\" text=\"E\" title=\"E\" xmlUrl=\"http://e.example/rss\"/>\n"
		"        </outline>\n"
		"      </outline>\n"
		"    </outline>\n"
		"  </body>\n</opml>\n");
	struct opml o;
	char *cause;
	CHECK_INT(parse(sbuf_str(&b), &o, &cause), DG_OK);
	CHECK_STR(o.title, "diglot feeds");
	CHECK_INT(o.nentries, 5);
	/* Read back grouped by category, each entry as it was written. */
	static const size_t order[] = {0, 1, 3, 2, 4};
	for (size_t i = 0; i < o.nentries && i < 5; i++) {
		const struct opml_entry *w = &e[order[i]];
		CHECK_STR(o.entries[i].url, w->url);
		CHECK_STR(o.entries[i].site, w->site);
		CHECK_STR(o.entries[i].category, w->category);
	}
	if (o.nentries == 5) {
		CHECK_STR(o.entries[0].title, "A & \"B\" <c>");
		CHECK_STR(o.entries[4].title, "E"); /* the escape sequence never written */
	}
	opml_free(&o);
	sbuf_free(&b);
}

/* newsboat's and newsraft's exports, when this machine has them. */
static void test_peers(void)
{
	const char *seeds = t_seeds_dir();
	char dir[512];
	if (seeds)
		snprintf(dir, sizeof dir, "%s/../corpora/feeds", seeds);
	else
		snprintf(dir, sizeof dir, "%s/../shared/corpora/feeds", TEST_SRCDIR);
	static const struct { const char *path; size_t n; const char *first_cat; } peers[] = {
		{"newsboat/test/data/example2.opml", 7, ""},
		{"newsboat/test/data/test-urls+.opml", 4, "tag1/tag2"},
		{"newsboat/test/data/category.opml", 1, "tag one"},
		{"newsraft/tests/assets/convert_opml_to_feeds.xml", 13, ""},
		{"newsraft/tests/assets/convert_feeds_to_opml.xml", 13, ""},
	};
	for (size_t i = 0; i < ARRAY_SIZE(peers); i++) {
		char path[1024];
		snprintf(path, sizeof path, "%s/%s", dir, peers[i].path);
		FILE *f = fopen(path, "rb");
		if (!f)
			continue;
		struct sbuf b = SBUF_INIT;
		char buf[4096];
		size_t n;
		while ((n = fread(buf, 1, sizeof buf, f)) > 0)
			sbuf_add(&b, buf, n);
		fclose(f);
		struct opml o = {0};
		char *cause = NULL;
		CHECK_INT(opml_parse(b.s, b.len, &o, &cause), DG_OK);
		CHECK_INT(o.nentries, peers[i].n);
		if (o.nentries)
			CHECK_STR(o.entries[0].category, peers[i].first_cat);
		opml_free(&o);
		free(cause);
		sbuf_free(&b);
	}
}

int main(void)
{
	test_parse();
	test_broken();
	test_round_trip();
	test_peers();
	return t_done();
}
