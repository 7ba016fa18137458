/* test_html.c: HTML into text (html.h): paragraphs, entities, what never
 * becomes text, encodings, links, URL resolution, sniffing, hostile pages. */
#include "t.h"
#include "diglot/html.h"
#include "html_int.h" /* what the pre-pass gives gumbo */
#include "diglot/html_extract.h"
#include "diglot/sbuf.h"

#include <unistr.h>

static char *text_of(const char *html, const char *base, const char *charset)
{
	struct html_text t = {0};
	char *why = NULL;
	if (html_to_text(html, strlen(html), base, charset, &t, &why) != DG_OK) {
		fprintf(stderr, "html_to_text: %s\n", why);
		free(why);
		return xstrdup("(failed)");
	}
	char *s = xstrdup(t.text);
	html_text_free(&t);
	return s;
}

#define TEXT(html, want) do { char *s_ = text_of(html, NULL, NULL); CHECK_STR(s_, want); free(s_); } while (0)

static void test_paragraphs(void)
{
	TEXT("", "");
	TEXT("plain words", "plain words");
	TEXT("<p>One</p><p>Two</p>", "One\n\nTwo");
	TEXT("<div>a <b>bold</b>  word\n\n and <i>more</i></div>", "a bold word and more");
	TEXT("<p>line one<br>line two<br/></p>", "line one\nline two");
	TEXT("<p>first<br><br>second</p>", "first\n\nsecond");
	TEXT("<h1>Title</h1><ul><li>one</li><li>two</li></ul><p>end", "Title\n\none\n\ntwo\n\nend");
	TEXT("<p>  &amp; &lt;tag&gt; &eacute;t&eacute; &#x4e2d;&#25991; &nbsp; </p>", "& <tag> été 中文");
	TEXT("<p>a<span>b</span>c</p>", "abc");
	TEXT("<table><tr><td>cell1</td><td>cell2</td></tr><tr><td>cell3</td></tr></table>",
	     "cell1 cell2\n\ncell3");
	TEXT("<pre>code  line\nsecond\n\nthird</pre>", "code line\nsecond\n\nthird");
	TEXT("<p>\xe3\x80\x80\xe3\x80\x80中文段落。</p>", "中文段落。");
}

static void test_never_text(void)
{
	TEXT("<html><head><title>T</title><style>p{color:red}</style>"
	     "<script>var x='secret';</script></head><body><p>seen</p>"
	     "<script>alert('no')</script><noscript>enable js</noscript>"
	     "<template><p>tmpl</p></template><!-- a comment -->"
	     "<p title=\"attr text\" data-x=\"y\">also seen</p>"
	     "<div hidden>hidden one</div><div style=\"DISPLAY: none\">hidden two</div>"
	     "<form><input value=\"typed\"><select><option>opt</option></select>"
	     "<textarea>area</textarea><button>Press</button></form>"
	     "<svg><text>svg text</text></svg></body></html>",
	     "seen\n\nalso seen");
	/* No control character or escape reaches the text: gumbo makes them
	 * U+FFFD; &#x85; is the ellipsis, as in Windows-1252 (the standard). */
	TEXT("<p>a\x01" "b\x1b[31mc&#x1b;d&#x85;e</p>", "a\xef\xbf\xbd" "b\xef\xbf\xbd[31mcd\xe2\x80\xa6" "e");
	struct html_text t = {0};
	CHECK_INT(html_to_text("<p>a\0b</p>", 10, NULL, NULL, &t, NULL), DG_OK);
	CHECK_STR(t.text, "ab");
	html_text_free(&t);
}

static void test_encodings(void)
{
	/* windows-1252 declared by <meta charset> and http-equiv */
	TEXT("<meta charset=\"windows-1252\"><p>caf\xe9 \x93q\x94</p>", "café “q”");
	TEXT("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">"
	     "<p>na\xefve \x80</p>", "naïve €");
	/* GB2312 declared: GB18030 */
	TEXT("<meta charset=gb2312><p>\xd6\xd0\xce\xc4</p>", "中文");
	/* the HTTP charset wins over the meta */
	char *s = text_of("<meta charset=utf-8><p>\xd6\xd0\xce\xc4</p>", NULL, "GBK");
	CHECK_STR(s, "中文");
	free(s);
	/* undeclared: the importer's detection */
	TEXT("<p>\xd6\xd0\xb9\xfa\xc8\xcb\xc3\xf1\xd2\xf8\xd0\xd0\xbd\xf1\xcc\xec</p>",
	     "中国人民银行今天");
	TEXT("<p>M\xfcnchen und K\xf6ln</p>", "München und Köln");
	/* BOMs */
	TEXT("\xef\xbb\xbf<p>bom</p>", "bom");
	const char u16[] = "\xff\xfe<\0p\0>\0h\0i\0";
	struct html_text t = {0};
	CHECK_INT(html_to_text(u16, sizeof u16 - 1, NULL, NULL, &t, NULL), DG_OK);
	CHECK_STR(t.text, "hi");
	html_text_free(&t);
	/* a meta saying UTF-16 in ASCII bytes is UTF-8 */
	TEXT("<meta charset=utf-16><p>\xc3\xa9</p>", "é");
}

static void test_links(void)
{
	const char *html = "<head><base href=\"/news/\"></head><body><p><a href=\"a.html\">First\n link</a> "
	                   "<a href=\"https://other.org/x?q=1#f\">Other</a> <a href=\"#top\">top</a> "
	                   "<a href=\"javascript:void(0)\">js</a> <a href=\"a.html\">again</a> "
	                   "<a href=\"../up\"><img alt=\"x\">Up</a></p>";
	struct html_text t = {0};
	CHECK_INT(html_to_text(html, strlen(html), "http://example.com/2024/page.html", NULL, &t, NULL), DG_OK);
	CHECK_STR(t.text, "First link Other top js again Up");
	CHECK_INT(t.nlinks, 3);
	if (t.nlinks == 3) {
		CHECK_STR(t.links[0].url, "http://example.com/news/a.html");
		CHECK_STR(t.links[0].text, "First link");
		CHECK_STR(t.links[1].url, "https://other.org/x?q=1#f");
		CHECK_STR(t.links[2].url, "http://example.com/up");
		CHECK_STR(t.links[2].text, "Up");
	}
	html_text_free(&t);
}

/* References in an attribute's value as the tokenizer reads them there
 * (the pre-pass keeps long values from gumbo): a name then '=' is no
 * reference ("&copy=2", "&region=4"), "&amp;" and "&#38;" are. */
static void test_attr_references(void)
{
	const char *html = "<p><a href=\"https://x.example/a?b=1&copy=2&amp;c=3&#38;d&region=4\" "
	                   "title=\"long title &amp; more\">link text</a></p>";
	struct html_text t = {0};
	CHECK_INT(html_to_text(html, strlen(html), NULL, NULL, &t, NULL), DG_OK);
	CHECK_INT(t.nlinks, 1);
	if (t.nlinks == 1)
		CHECK_STR(t.links[0].url, "https://x.example/a?b=1&copy=2&c=3&d&region=4");
	html_text_free(&t);
	/* No space after a quoted value: the next attribute all the same,
	 * also when the pre-pass drops the one before (rel on <a>). */
	html = "<p><a rel=\"nofollow\"href=\"https://x.example/b\">second link</a></p>";
	CHECK_INT(html_to_text(html, strlen(html), NULL, NULL, &t, NULL), DG_OK);
	CHECK_STR(t.text, "second link");
	CHECK_INT(t.nlinks, 1);
	if (t.nlinks == 1)
		CHECK_STR(t.links[0].url, "https://x.example/b");
	html_text_free(&t);
}

/* The pre-pass's output for page (memo cleared first), NUL-terminated. */
static char *prepass(const char *page, struct html_name_memo *memo, struct html_runs *runs)
{
	memset(memo, 0, sizeof *memo);
	char *out = xmalloc(strlen(page) + 1);
	out[html_prepass(page, strlen(page), out, memo, true, runs)] = '\0';
	return out;
}

/* The plain-text check (html_runs.c) against its definition: valid
 * UTF-8 by libunistring, and none of the bytes gumbo replaces (CR, C0
 * controls but tab, newline and form feed, DEL, C1, noncharacters).
 * Every one- and two-byte string, and three- and four-byte ones around
 * each boundary, alone and after ASCII (the eight-byte fast path). */
static bool plain_by_definition(const unsigned char *u, size_t n)
{
	if (u8_check(u, n) != NULL)
		return false;
	for (size_t i = 0; i < n;) {
		ucs4_t c;
		int k = u8_mbtouc(&c, u + i, n - i);
		if ((c < 0x20 && c != '\t' && c != '\n' && c != '\f') || (c >= 0x7F && c < 0xA0) ||
		    (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE ||
		    /* four bytes ending in FFE or FFF: more than U+nFFFE and
		     * U+nFFFF, harmless (such text goes to gumbo as it is) */
		    (c >= 0x10000 && (c & 0xFFE) == 0xFFE))
			return false;
		i += (size_t)k;
	}
	return true;
}

static void check_plain(const unsigned char *u, size_t n, size_t *wrong)
{
	unsigned char buf[16] = "abcdefghij";
	memcpy(buf + 10, u, n);
	for (int pad = 0; pad < 2; pad++) {
		const unsigned char *s = pad ? buf : u;
		size_t len = pad ? n + 10 : n;
		if (html_runs_plain((const char *)s, len) != plain_by_definition(s, len) && (*wrong)++ < 5)
			fprintf(stderr, "plain: %zu bytes from %02x %02x: %d\n", n, u[0], n > 1 ? u[1] : 0,
			        html_runs_plain((const char *)s, len));
	}
}

static void test_runs_plain(void)
{
	static const unsigned char around[] = {0x00, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xAF, 0xB0,
	                                       0xB7, 0xBD, 0xBE, 0xBF, 0xC0, 0xFF};
	size_t wrong = 0;
	unsigned char u[4];
	for (unsigned a = 0; a < 256; a++) {
		u[0] = (unsigned char)a;
		check_plain(u, 1, &wrong);
		for (unsigned b = 0; b < 256; b++) {
			u[1] = (unsigned char)b;
			check_plain(u, 2, &wrong);
			if (a < 0xE0)
				continue;
			for (size_t c = 0; c < ARRAY_SIZE(around); c++) {
				u[2] = around[c];
				check_plain(u, 3, &wrong);
				if (a < 0xF0)
					continue;
				for (size_t d = 0; d < ARRAY_SIZE(around); d++) {
					u[3] = around[d];
					check_plain(u, 4, &wrong);
				}
			}
		}
	}
	CHECK_INT(wrong, 0);
}

/* What class and id values say (html_names.c): every word found wherever
 * it ends, one inside another ("navbar" and "nav", "entry-content" and
 * "content"), in either case; a strong boilerplate word outweighs an
 * article word; a layout's description ("with-", "has-", "no-", "one-",
 * "two-" right before it) is not boilerplate; a name is read up to 255
 * bytes. */
static void test_name_flags(void)
{
	static const struct {
		const char *name;
		unsigned flags;
	} cases[] = {
		{"entry-content", N_GOOD | N_MARKER},
		{"Entry-Content", N_GOOD | N_MARKER},
		{"article-comments", N_BAD | N_STRONG},
		{"navbar", N_BAD | N_STRONG},
		{"xnavx", N_BAD},
		{"with-sidebar", 0},
		{"NO-SIDEBAR", 0},
		{"withsidebar", N_BAD | N_STRONG},
		{"has-comments two-share", 0},
		{"no-commentsads", N_BAD},
		{"Ad-Slot", N_BAD},
		{"single-post", N_GOOD},
		{"postdate", N_BAD | N_GOOD | N_DATE},
		{"autor author", N_DATE},
		{"StoryBody story-body", N_GOOD | N_MARKER},
		{"StoryBody", N_GOOD},
		{"na", 0},
		{"caf\xc3\xa9-menu", N_BAD | N_STRONG},
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		struct html_name_memo *memo = xcalloc(1, sizeof *memo);
		unsigned got = html_name_flags(memo, cases[i].name);
		if (got != (N_SET | cases[i].flags))
			fprintf(stderr, "name flags of \"%s\"\n", cases[i].name);
		CHECK_INT(got, N_SET | cases[i].flags);
		CHECK_INT(html_name_flags(memo, cases[i].name), got); /* the memo's */
		free(memo);
	}
	struct html_name_memo *memo = xcalloc(1, sizeof *memo);
	char name[300];
	memset(name, 'x', sizeof name - 1);
	memcpy(name + 248, "comment", 7); /* ends at 255 */
	name[sizeof name - 1] = '\0';
	CHECK_INT(html_name_flags(memo, name), N_SET | N_BAD | N_STRONG);
	memset(memo, 0, sizeof *memo);
	memcpy(name + 248, "xcommen", 7);
	memcpy(name + 255, "t", 1); /* past 255 */
	CHECK_INT(html_name_flags(memo, name), N_SET);
	free(memo);
	CHECK_INT(html_name_flags(NULL, NULL), 0);
}

/* What gumbo is given (html_prepass.c): JSON-LD as a run's placeholder
 * (its text as it is: no references in a script), the attributes of most
 * tags kept apart (html_attrs.c: a class that says something as its
 * flags' code, a value's references decoded: "&b=" is none), <input
 * type> as it is (the tree builder reads it); an id that says nothing
 * goes. */
static void test_prepass_output(void)
{
	const char *page = "<div class=\"article-body\" id=\"x-nothing\"><input type=\"hidden-and-long\">"
	                   "<a href=\"https://example.com/long?a=1&b=2\" lang=\"en\">x</a></div>"
	                   "<script type=\"application/ld+json\">{\"a\": \"A &amp; B\"}</script>";
	struct html_name_memo *memo = xcalloc(1, sizeof *memo);
	struct html_runs runs = {0};
	char *out = prepass(page, memo, &runs);
	CHECK_STR(out, "<div><input type=\"hidden-and-long\"><a>x</a></div>"
	               "<script type=\"application/ld+json\">\xee\x80\x80</script>");
	CHECK_INT(html_name_flags_n(memo, "\xee\xbc\x8c", 3), N_SET | N_GOOD | N_MARKER);
	CHECK_INT(runs.n, 1);
	CHECK_STR(sbuf_str(&runs.text), "{\"a\": \"A &amp; B\"}");
	CHECK_INT(runs.nsets, 2);
	CHECK_INT(runs.sets[0].at, 0);
	CHECK_INT(runs.sets[0].n, 1);
	CHECK_INT(runs.sets[1].at, 35); /* the <a> */
	CHECK_INT(runs.sets[1].n, 2);
	if (runs.nattr == 3) {
		CHECK_STR(runs.atext + runs.attr[0].name, "class");
		CHECK_STR(runs.atext + runs.attr[0].value, "\xee\xbc\x8c");
		CHECK_STR(runs.atext + runs.attr[1].name, "href");
		CHECK_STR(runs.atext + runs.attr[1].value, "https://example.com/long?a=1&b=2");
		CHECK_STR(runs.atext + runs.attr[2].name, "lang");
		CHECK_STR(runs.atext + runs.attr[2].value, "en");
	}
	html_runs_free(&runs);
	free(out);
	/* Kept as they are, unquoted, a value before "/>" needs a space: the
	 * '/' would be its. */
	page = "<input class=\"article-body\"/><input id=\"article-body\" />x";
	out = prepass(page, memo, &runs);
	CHECK_STR(out, "<input class=\xee\xbc\x8c /><input id=\xee\xbc\x8c />x");
	html_runs_free(&runs);
	free(out);
	/* So with runs off, where it is as written. */
	page = "<meta charset=utf-8 /><p hidden lang=en title=\"t\" />x";
	out = prepass(page, memo, NULL);
	CHECK_STR(out, "<meta charset=utf-8 /><p hidden lang=en />x");
	html_runs_free(&runs);
	free(out);
	/* A value gumbo would change (an invalid byte: U+FFFD) says what
	 * gumbo's says: it stays as it is. */
	page = "<p class=\"article-body \xff\">x</p>";
	out = prepass(page, memo, &runs);
	CHECK_STR(out, page);
	html_runs_free(&runs);
	free(out);
	/* The common named references are read in a run too. */
	page = "<p>caf&eacute; &ndash; l&rsquo;&eacute;t&eacute; &copy; 2024&hellip;</p>";
	out = prepass(page, memo, &runs);
	CHECK_STR(out, "<p>\xee\x80\x80</p>");
	CHECK_STR(sbuf_str(&runs.text), "café – l’été © 2024…");
	html_runs_free(&runs);
	free(out);
	/* A page with an icon font's characters (U+E900, as such or as a
	 * reference) has its runs numbered in planes 15 and 16: the
	 * placeholders are four bytes, the icons stay in the text. */
	page = "<p>\xee\xa4\x80 Subscribe to our newsletter</p><p>&#xe901; More</p><p>Sign up</p>";
	out = prepass(page, memo, &runs);
	CHECK_STR(out, "<p>\xf3\xb0\x80\x80<p>&#xe901; More<p>\xf3\xb0\x80\x81</p>");
	CHECK_INT(runs.n, 2);
	CHECK_STR(sbuf_str(&runs.text), "\xee\xa4\x80 Subscribe to our newsletter" "Sign up");
	html_runs_free(&runs);
	free(out);
	page = "<p>&#59648;</p><p>Subscribe to our newsletter</p>";
	out = prepass(page, memo, &runs);
	CHECK_STR(out, "<p>&#59648;<p>\xf3\xb0\x80\x80</p>");
	html_runs_free(&runs);
	free(out);
	/* U+EF00.. are the name codes' (an icon font's in a style sheet, as
	 * on two of the 143 pages): the codes go to plane 16 (U+10FFC0 + f),
	 * the runs to planes 15 and 16; U+EF0C is no code there. */
	page = "<style>.i:before{content:\"\xee\xbc\x98\"}</style>"
	       "<p class=\"article-body\">\xee\xbc\x8c Subscribe to our newsletter</p>";
	out = prepass(page, memo, &runs);
	CHECK_STR(out, "<p>\xf3\xb0\x80\x80</p>");
	CHECK_INT(runs.n, 1);
	CHECK_STR(sbuf_str(&runs.text), "\xee\xbc\x8c Subscribe to our newsletter");
	if (runs.nattr == 1)
		CHECK_STR(runs.atext + runs.attr[0].value, "\xf4\x8f\xbf\x8c");
	CHECK_INT(html_name_flags_n(memo, "\xf4\x8f\xbf\x8c", 4), N_SET | N_GOOD | N_MARKER);
	CHECK_INT(html_name_flags_n(memo, "\xee\xbc\x8c", 3), N_SET);
	html_runs_free(&runs);
	free(out);
	/* CR LF and a CR alone are LF in a run, as in the tokenizer's input
	 * stream, and so before a reference is read: "\r&#10;" is two. */
	page = "<p>a\r&#10;b\rc\r\nd and more</p><p>\r\n</p>";
	out = prepass(page, memo, &runs);
	CHECK_STR(out, "<p>\xee\x80\x80<p></p>"); /* whitespace alone: no run, and here none */
	CHECK_INT(runs.n, 1);
	CHECK_STR(sbuf_str(&runs.text), "a\n\nb\nc\nd and more");
	html_runs_free(&runs);
	free(out);
	/* Plane 15 and 16 are the placeholders': no runs, no codes. */
	page = "<p class=\"article-body\">\xf3\xb0\x80\x80 Subscribe to our newsletter</p>";
	out = prepass(page, memo, &runs);
	CHECK_STR(out, page);
	CHECK_INT(runs.n, 0);
	html_runs_free(&runs);
	free(out);
	/* In SVG a <script> holds markup (</p> is a tag there): once an
	 * <svg> is kept, gumbo reads scripts and titles itself. */
	page = "<svg><script type=\"application/ld+json\">{\"headline\": \"</p>\"}</script></svg>";
	out = prepass(page, memo, &runs);
	CHECK_STR(out, page);
	html_runs_free(&runs);
	free(out);
	free(memo);
}

/* The elements of tag below n, in document order, into v (up to max). */
static size_t elements(const GumboNode *n, GumboTag tag, const GumboNode **v, size_t k, size_t max)
{
	const GumboVector *kids;
	if (n->type == GUMBO_NODE_DOCUMENT)
		kids = &n->v.document.children;
	else if (n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE)
		kids = &n->v.element.children;
	else
		return k;
	if (n->type != GUMBO_NODE_DOCUMENT && n->v.element.tag == tag && k < max)
		v[k++] = n;
	for (unsigned i = 0; i < kids->length; i++)
		k = elements(kids->data[i], tag, v, k, max);
	return k;
}

/* Attributes kept from gumbo come back to their elements (html_attrs.c),
 * to the clones the tree builder makes too, as gumbo would give them. */
static void test_attrs_given_back(void)
{
	const char *page = "<html><body><div class=\"article-body\" id=\"main\">"
	                   "<span lang=de LANG=en>x</span>"
	                   "<a href=\"/x?a=1&amp;b=2&c=3\">one<div>two</a>three</div>"
	                   "<b class=\"article-body\">y</b>"
	                   "<a href=\"?x=1&amp;y&hearts;\">z</a></div>";
	struct html_doc d;
	char *cause = NULL;
	CHECK_INT(html_doc_parse(page, strlen(page), NULL, true, &d, &cause), DG_OK);
	if (!d.out)
		return;
	const GumboNode *v[8];
	CHECK_INT(elements(d.out->document, GUMBO_TAG_DIV, v, 0, 8), 2);
	CHECK_INT(html_name_flags(d.memo, html_attr(v[0], "class")), N_SET | N_GOOD | N_MARKER);
	CHECK(html_attr(v[1], "class") == NULL);
	CHECK_INT(elements(d.out->document, GUMBO_TAG_SPAN, v, 0, 8), 1);
	CHECK_STR(html_attr(v[0], "lang"), "de"); /* the first of a name */
	/* The adoption agency's clone of the first <a> holds "two". */
	CHECK_INT(elements(d.out->document, GUMBO_TAG_A, v, 0, 8), 3);
	CHECK_STR(html_attr(v[0], "href"), "/x?a=1&b=2&c=3");
	CHECK_STR(html_attr(v[1], "href"), "/x?a=1&b=2&c=3");
	CHECK_STR(html_attr(v[2], "href"), "?x=1&y\xe2\x99\xa5"); /* gumbo's reference: gumbo read it */
	CHECK_INT(d.runs.nsets, 3); /* the <div>, <span> and first <a> */
	CHECK_INT(elements(d.out->document, GUMBO_TAG_B, v, 0, 8), 1);
	CHECK_INT(html_name_flags(d.memo, html_attr(v[0], "class")), N_SET | N_GOOD | N_MARKER);
	html_doc_free(&d);

	/* A second name without a value: gumbo 0.10.1 glues it to the next
	 * one; the tag is left to it, so the tree is the one it makes of the
	 * page (fuzz-html found it). */
	page = "<meta name=\"author\"name\tcontent>";
	CHECK_INT(html_doc_parse(page, strlen(page), NULL, true, &d, &cause), DG_OK);
	if (!d.out)
		return;
	CHECK_INT(d.runs.nsets, 0);
	CHECK_INT(elements(d.out->document, GUMBO_TAG_META, v, 0, 8), 1);
	CHECK_STR(html_attr(v[0], "name"), "author");
	CHECK_STR(html_attr(v[0], "namecontent"), "");
	html_doc_free(&d);

	/* A link around text alone is made after the parse (html_links.c):
	 * the text node is cut around it, as gumbo would have made them. */
	page = "<html><body><p>see <a href=\"/y\" class=\"article-body\">the story</a> "
	       "<a href=/z>now</a></p>";
	CHECK_INT(html_doc_parse(page, strlen(page), NULL, true, &d, &cause), DG_OK);
	if (!d.out)
		return;
	CHECK_INT(d.runs.nlinks, 2);
	CHECK_INT(elements(d.out->document, GUMBO_TAG_P, v, 0, 8), 1);
	const GumboVector *kids = &v[0]->v.element.children;
	CHECK_INT(kids->length, 4);
	if (kids->length == 4) {
		const GumboNode *k0 = kids->data[0], *k1 = kids->data[1], *k2 = kids->data[2],
		                *k3 = kids->data[3];
		CHECK_INT(k0->type, GUMBO_NODE_TEXT);
		CHECK_STR(k0->v.text.text, "see ");
		CHECK_INT(k1->type, GUMBO_NODE_ELEMENT);
		CHECK_STR(html_attr(k1, "href"), "/y");
		CHECK_INT(html_name_flags(d.memo, html_attr(k1, "class")), N_SET | N_GOOD | N_MARKER);
		CHECK_INT(k1->v.element.children.length, 1);
		CHECK_INT(k1->index_within_parent, 1);
		CHECK(k1->parent == v[0]);
		CHECK_INT(k2->type, GUMBO_NODE_WHITESPACE);
		CHECK_INT(k3->type, GUMBO_NODE_ELEMENT);
		CHECK_STR(html_attr(k3, "href"), "/z");
		CHECK_INT(k3->index_within_parent, 3);
		const GumboNode *t = k1->v.element.children.data[0];
		CHECK_STR(t->v.text.text, "the story");
	}
	html_doc_free(&d);
}

/* Elements gumbo need not build (html_prepass.c): a bare phrase element
 * around text alone and <col> once the body began, <img> (a space stays)
 * and <input> once text was seen too; not where the tree builder would treat them
 * otherwise, nor where the text would join into a tag or a reference; at
 * </form> a <wbr> where the last one went (gumbo leaves the text it
 * holds at </form> to the form's parent). */
static void test_prepass_drops(void)
{
	static const struct {
		const char *page, *want;
	} cases[] = {
		{"<body><p>a <span>b</span> <b>c</b>d<img>e</p>", "<body><p>a b cd e</p>"},
		{"<body><p><span style=\"color: red\"><b>x</b> <i>y</i></span></p>", "<body><p>x y</p>"},
		{"<body><img><input type=text><p>a</p><img><input type=text>",
		 "<body><img><input type=text><p>a</p> "},
		{"<span>x</span><b>y</b>", "<span>x</span>y"}, /* the first starts the body */
		{"<body><pre><span>x</span></pre><span>y</span>", "<body><pre><span>x</span></pre>y"},
		{"<body>&a<span>p;</span>", "<body>&a<span>p;</span>"},
		{"<body>x <<span>b</span>", "<body>x <<span>b</span>"},
		{"<body><span lang=en>a</span><span><a href=y>b</a></span>",
		 "<body><span>a</span><span><a>b</a></span>"}, /* their attributes apart */
		/* (A stray </b> keeps the <select> whole: not left empty.) */
		{"<body>a<select><input></b></select>", "<body>a<select><input></b></select>"},
		/* In a table voids stay (a <col> makes a <colgroup>, an <img>
		 * closes one) but a <col> after a <col> or <colgroup>; outside
		 * it a <col> is nothing. */
		{"<body><table><colgroup><col><col></colgroup></table>a<col>",
		 "<body><table><colgroup></colgroup></table>a"},
		{"<body><table><col>\n<col></col><img><col></table>", "<body><table><col>\n<img><col></table>"},
		/* In a <colgroup> any end tag but </col> closes it; </col> goes
		 * after whitespace too (it parts nothing there). */
		{"<body><table><colgroup><col></img><col></colgroup></table>",
		 "<body><table><colgroup></img><col></colgroup></table>"},
		{"<body><table><colgroup> <col></col> <col></col></colgroup></table>",
		 "<body><table><colgroup> </colgroup></table>"},
		/* Whitespace that meets whitespace when what was between goes:
		 * one. */
		{"<body><p>x</p><div><a href=y>\n<img src=z>\n</a> \n<i></i>\t<p>y", "<body><p>x<div><a>\n</a>\n<p>y"},
		/* In <pre> spaces alone (newlines are text). */
		{"<body>a<pre>x<col> <col>\t<col>y<col>\n<col>\nz</pre>", "<body>a<pre>x y\n\nz</pre>"},
		/* An <a> that </div> closed is cloned by the next <img>: it stays
		 * while one may be waiting; a closed one is not. */
		{"<body><div><a>x</div><div><img></div>", "<body><div><a>x</div><div><img></div>"},
		{"<body>x<a>y</a><img>z", "<body>x<a>y</a> z"},
		{"<body><div><b>x</div><span></span>", "<body><div><b>x</div><span></span>"},
		/* In a table text goes in front of it but whitespace not: no
		 * phrase element goes, its text would join the space after it. */
		{"<body><table><span>x</span> <b>y</b></table>", "<body><table><span>x</span> <b>y</b></table>"},
		/* In a table an ignored end tag parts text from whitespace. */
		{"<body>a<table>xy</img> <col></table>", "<body>a<table>xy</img> <col></table>"},
		{"<body><form>ab<span>x</span>y</form>", "<body><form>abx<wbr>y</form>"},
		{"<body><form>ab<i>x</i></form>", "<body><form>abx<wbr></form>"},
		{"<body><form>ab<img  >x</form>", "<body><form>ab<img>x</form>"},
		{"<body><math><span>x</span></math><b>y</b>", "<body><math><span>x</span></math><b>y</b>"},
		/* In <pre> only what follows its start tag stays (a newline there
		 * is the tree builder's); whitespace as the walker reads it. */
		{"<body>a<pre>\n<span>x</span>  \r\n\n\n  <b>y</b> \r\n <i>z</i>\t \t</pre>",
		 "<body>a<pre>\nx\n\ny\nz </pre>"},
		{"<body>a<pre><span>x</span></pre>", "<body>a<pre><span>x</span></pre>"},
		/* End tags that do what the next tag does anyway (html_end_implied):
		 * a cell's before a cell or </tr> (the whitespace between stays,
		 * in a cell with no formatting element, but a newline in <pre>),
		 * a row's before a row; an <li>'s, a <p>'s before the next when
		 * what was opened since is a phrase element or an <a>. */
		{"<body><table><tr><td>a</td> <td>b</td></tr><tr><th>c</th></tr></table>",
		 "<body><table><tr><td>a <td>b<tr><th>c</tr></table>"},
		{"<body><pre><table><tr><td>a</td> <td>b</td>\n<td>c</td></tr></table></pre>",
		 "<body><pre><table><tr><td>a <td>b</td>\n<td>c</tr></table></pre>"},
		{"<body><table><tr><td><b>a</b></td> <td>b</td><td><i>c</i></td></tr></table>",
		 "<body><table><tr><td><b>a</b></td> <td>b<td><i>c</i></tr></table>"},
		/* A stray </td> after a cell's end stays: the text before it and
		 * the whitespace after it are two texts to the table. */
		{"<body><table><tr><td>a</td>\xc0</td> <td>c</td></tr></table>",
		 "<body><table><tr><td>a</td>\xc0</td> <td>c</tr></table>"},
		/* A formatting element's attributes as they are (the "Noah's Ark"
		 * rule compares them); a <span>'s apart. */
		{"<body><s lang=\"en-GB\">struck</s><span lang=\"en-GB\">spanned</span>",
		 "<body><s lang=\"en-GB\">\xee\x80\x80</s><span>\xee\x80\x81</span>"},
		/* In a <select> a <title> is no element: its content is markup. */
		{"<body><select><title><i a=\"</title>\">v", "<body><select><title><i>v"},
		/* In a <select> an <img> is nothing: no space for it. */
		{"<body>s<select>x<img>e", "<body>s<select>xe"},
		/* No table: <td> is nothing, the space between the texts stays. */
		{"<body><tabqe><tr><td>a</td> <td>b", "<body><tabqe><tr><td>a <td>b"},
		{"<body><ul><li><b>a</b></li><li>b</li><li><section>c</section></li><li><section>d</li><li>e</li></ul>",
		 "<body><ul><li>a<li>b<li><section>c</section></li><li><section>d</li><li>e</li></ul>"},
		{"<body><p>a<a>b</a><img></p><p>c<hr></p><p>d<button>e</p><p>f</p>",
		 "<body><p>a<a>b</a> <p>c<hr></p><p>d<button>e</p><p>f</p>"},
		/* An <li>'s before the end of its own list, not another's. */
		{"<body><ul><li>a</li><li>b</li></ul><ol><li>c</li></ol><ol><li>d</li></ul></ol><div><li>e</li></div><ul><span></span><li>f</li></ul>",
		 "<body><ul><li>a<li>b</ul><ol><li>c</ol><ol><li>d</li></ul></ol><div><li>e</li></div><ul><li>f</li></ul>"},
		/* Not before <table> (in quirks mode it leaves the <p> open) nor
		 * <form> (ignored where one is open). */
		{"<body><p>a</p><h2>b</h2><p>c</p><table></table><p>d</p><form></form>",
		 "<body><p>a<h2>b</h2><p>c</p><table></table><p>d</p><form></form>"},
		/* In a <select> a cell's end tag stays; it closes the <select>
		 * there ("in select in table"), the next one may go. */
		{"<body><table><tr><td><select><option>a</td><td>b</td></tr></table>",
		 "<body><table><tr><td><select><option>a</td><td>b</tr></table>"},
		/* Outside a table a <table> in a <select> is nothing: the <title>
		 * after it neither, its content markup. */
		{"<body><select><table><title>d<!</title>", "<body><select><table><title>d"},
		/* A <select> in a <select> closes it: the <title> after it is one. */
		{"<body><select><select><title><r datetime>x</title>", "<body><select><select><title>\xee\x80\x80</title>"},
		{"<body><svg><td>a</td><td>b</td><p>x", "<body><svg><td>a</td><td>b</td><p>x"},
		/* End tags the tree builder ignores, but </br> (a <br> to it). */
		{"<body>a<br></br><img></img>b</col>", "<body>a<br></br> b"},
		/* Bad UTF-8 around what went stays bad: gumbo reads two U+FFFD
		 * in "\xC4<b>\x92", as in "\xC4\xFF", not "\xC4\x92", a letter. */
		{"<body>a\xC4<b>\x92\x92" "b</b><!-- c -->\x80" "c", "<body>a\xC4\xff\xff" "b\x80" "c"},
	};
	struct html_name_memo *memo = xcalloc(1, sizeof *memo);
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		struct html_runs runs = {0};
		char *out = prepass(cases[i].page, memo, &runs);
		CHECK_STR(out, cases[i].want);
		html_runs_free(&runs);
		free(out);
		/* Runs off (a page with the placeholders' characters): no drops. */
		out = prepass(cases[i].page, memo, NULL);
		if (strstr(cases[i].page, "<body><p>a <span>"))
			CHECK_STR(out, "<body><p>a <span>b</span> <b>c</b>d<img>e</p>");
		free(out);
	}
	free(memo);
}

/* <nav>, <aside> and <footer> go empty to gumbo (html_boiler.c): their
 * content is boilerplate to html_extract, tags in comments, scripts and
 * SVG do not end them; what other modules read in them keeps them whole. */
static void test_prepass_boiler(void)
{
	static const struct {
		const char *page, *want;
	} cases[] = {
		{"<body><p>a</p><aside><p>Most read<aside>x</aside><!-- </aside> --></aside><p>b</p>",
		 "<body><p>a</p><aside></aside><p>b</p>"},
		{"<body><footer><script>\"</footer>\"</script><svg><g></g></svg>(c)</footer>b",
		 "<body><footer></footer>b"},
		{"<body><nav><ul><li><a href=\"/\">Home</a></ul></nav>b", "<body><nav></nav>b"},
		{"<body><footer><time datetime=\"2024-05-01\">May</time></footer>",
		 "<body><footer><time datetime=\"2024-05-01\">May</time></footer>"},
		{"<body><aside><span itemprop=\"datePublished\">2024</span></aside>",
		 "<body><aside><span itemprop=\"datePublished\">2024</span></aside>"},
		{"<body><footer><script type=\"application/ld+json\">{}</script></footer>",
		 "<body><footer><script type=\"application/ld+json\">{}</script></footer>"},
		{"<body><aside><meta name=\"author\" content=\"A\"></aside>",
		 "<body><aside><meta name=\"author\" content=\"A\"></aside>"},
		{"<body><aside><svg><p>x</p></svg></aside>", "<body><aside><svg><p>x</p></svg></aside>"},
		{"<body><footer>never closed", "<body><footer>never closed"},
		/* An end tag it does not see opened may close it from outside. */
		{"<body><div><nav>a</div>b</nav>", "<body><div><nav>a</div>b</nav>"},
		{"<body><nav><ul><li>a</ul><p>b</nav>c", "<body><nav></nav>c"},
		/* Hidden, or boilerplate by its attributes. */
		{"<body><div hidden><time>2024</time></div><select><option>a</select>"
		 "<div role=\"navigation\"><div>b</div></div><div aria-hidden=\"true\">c</div>",
		 "<body><div hidden></div><select></select><div role=\"navigation\"></div>"
		 "<div aria-hidden=\"true\"></div>"},
		{"<body><div role=\"complementary\"><time>2024</time></div>",
		 "<body><div role=\"complementary\"><time>2024</time></div>"},
	};
	struct html_name_memo *memo = xcalloc(1, sizeof *memo);
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		char *out = prepass(cases[i].page, memo, NULL);
		CHECK_STR(out, cases[i].want);
		free(out);
	}
	free(memo);
}

/* RFC 3986 5.4's examples. */
static void test_resolve(void)
{
	static const char *const cases[][2] = {
		{"g:h", "g:h"}, {"g", "http://a/b/c/g"}, {"./g", "http://a/b/c/g"},
		{"g/", "http://a/b/c/g/"}, {"/g", "http://a/g"}, {"//g", "http://g"},
		{"?y", "http://a/b/c/d;p?y"}, {"g?y", "http://a/b/c/g?y"}, {"#s", "http://a/b/c/d;p?q#s"},
		{"g#s", "http://a/b/c/g#s"}, {"g?y#s", "http://a/b/c/g?y#s"}, {";x", "http://a/b/c/;x"},
		{"g;x", "http://a/b/c/g;x"}, {"", "http://a/b/c/d;p?q"}, {".", "http://a/b/c/"},
		{"./", "http://a/b/c/"}, {"..", "http://a/b/"}, {"../", "http://a/b/"},
		{"../g", "http://a/b/g"}, {"../..", "http://a/"}, {"../../", "http://a/"},
		{"../../g", "http://a/g"}, {"../../../g", "http://a/g"}, {"../../../../g", "http://a/g"},
		{"/./g", "http://a/g"}, {"/../g", "http://a/g"}, {"g.", "http://a/b/c/g."},
		{".g", "http://a/b/c/.g"}, {"g..", "http://a/b/c/g.."}, {"..g", "http://a/b/c/..g"},
		{"./../g", "http://a/b/g"}, {"./g/.", "http://a/b/c/g/"}, {"g/./h", "http://a/b/c/g/h"},
		{"g/../h", "http://a/b/c/h"}, {"g;x=1/./y", "http://a/b/c/g;x=1/y"},
		{"g;x=1/../y", "http://a/b/c/y"}, {"g?y/./x", "http://a/b/c/g?y/./x"},
		{"g#s/../x", "http://a/b/c/g#s/../x"}, {"HTTP:g", "http:g"}, {" g\n", "http://a/b/c/g"},
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		char *r = html_resolve_url("http://a/b/c/d;p?q", cases[i][0]);
		CHECK_STR(r, cases[i][1]);
		free(r);
	}
	char *r = html_resolve_url(NULL, "rel/x");
	CHECK_STR(r, "rel/x");
	free(r);
	r = html_resolve_url("http://example.com", "x");
	CHECK_STR(r, "http://example.com/x");
	free(r);
	char *h = html_url_host("https://user@WWW.Example.COM:8080/p");
	CHECK_STR(h, "www.example.com");
	free(h);
	CHECK(html_url_host("/relative") == NULL);
}

static void test_sniff(void)
{
	static const struct { const char *s; bool html; } cases[] = {
		{"<!DOCTYPE html><p>x", true}, {"  \n<html lang=en>", true}, {"\xef\xbb\xbf<HTML>", true},
		{"<!-- saved -->\n<html>", true}, {"<?xml version=\"1.0\"?>\n<!DOCTYPE html PUBLIC>", true},
		{"<head><title>x", true}, {"<body>", true}, {"<meta charset=utf-8>", true},
		{"Title\n\n<html> later", false}, {"<htmlx>", false}, {"", false},
		{"<p>a fragment</p>", false}, {"<!-- unterminated", false},
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		if (html_sniff(cases[i].s, strlen(cases[i].s)) != cases[i].html) {
			fprintf(stderr, "sniff case %zu: %s\n", i, cases[i].s);
			CHECK(0);
		} else {
			CHECK(1);
		}
	}
	CHECK(html_sniff("\xff\xfe<\0h\0t\0m\0l\0>\0", 14));
}

static void test_hostile(void)
{
	/* 100,000 nested elements: cut off, quickly, without recursion. */
	struct sbuf b = SBUF_INIT;
	sbuf_addstr(&b, "<p>before</p>");
	for (int i = 0; i < 100000; i++)
		sbuf_addstr(&b, "<div>");
	sbuf_addstr(&b, "deep");
	struct html_text t = {0};
	CHECK_INT(html_to_text(b.s, b.len, NULL, NULL, &t, NULL), DG_OK);
	CHECK_STR(t.text, "before");
	html_text_free(&t);
	sbuf_free(&b);
	/* Nesting gumbo keeps shallow (auto-closed <p>, <li>) is not cut. */
	for (int i = 0; i < 5000; i++)
		sbuf_addstr(&b, "<li>x");
	CHECK_INT(html_to_text(b.s, b.len, NULL, NULL, &t, NULL), DG_OK);
	CHECK_INT(strlen(t.text), 5000 + 4999 * 2);
	html_text_free(&t);
	sbuf_free(&b);
	/* Too large */
	char *why = NULL;
	CHECK_INT(html_to_text("", HTML_MAX_INPUT + 1, NULL, NULL, &t, &why), DG_ERR);
	CHECK_STR(why, "page too large (over 64 MiB)");
	free(why);
	TEXT("<script>only script text</script>", "");
	TEXT("<frameset><frame src=a.html></frameset>", "");
}

/* The pre-pass (html_prepass.c) ends what it drops where the tokenizer
 * does, and keeps what it cannot be sure of. */
static void test_prepass(void)
{
	TEXT("<p>a</p><script>x</SCRIPT ><p>b</p>", "a\n\nb");
	TEXT("<p>a</p><script>x</script\t\n><p>b</p>", "a\n\nb");
	TEXT("<p>a</p><script>if (x</scripts) y</script><p>b</p>", "a\n\nb");
	TEXT("<p>a</p><script>never closed</script", "a");
	TEXT("<p>a</p><script>never closed <p>b</p>", "a");
	/* Script data escaped: "<!--" then "<script" makes the next
	 * "</script>" part of the script, until "-->". */
	TEXT("<p>a</p><script><!-- document.write('<script>x</script>'); --></script><p>b</p>",
	     "a\n\nb");
	TEXT("<p>a</p><script><!--></script><p>b</p>", "a\n\nb");
	TEXT("<p>a</p><style>p { content: '</p>' }</style ><p>b</p>", "a\n\nb");
	TEXT("<p>a<!-- x -->b<!-->c<!--->d<!-- y --!>e</p>", "abcde");
	TEXT("<p>a</p><!-- never closed <p>b</p>", "a");
	TEXT("<p>a<?xml version='1.0'?>b<!x c>d</p>", "abd");
	TEXT("<p>a</p><svg><svg><text>in</text></svg><text>in</text></svg><p>b</p>", "a\n\nb");
	TEXT("<p>a</p><svg/><p>b</p>", "a\n\nb");
	/* HTML inside an unclosed <svg> closes it: kept for gumbo. */
	TEXT("<svg><path d=1><p>seen</p>", "seen");
	TEXT("<template><p>t<template>u</template>v</p></template><p>b</p>", "b");
	/* Raw text: no tags inside; "<!--" in a title is text. */
	TEXT("<title>t <!-- x --></title><textarea><b class=x>area</textarea><p>b</p>", "b");
	TEXT("<xmp><!-- <p>raw</p></xmp>", "<!-- <p>raw</p>");
	/* Quoted attribute values may hold ">" and tags; entities stay. */
	TEXT("<p data-x=\"a > <script>\" title='>'>seen</p><p class=\"&amp;\">too</p>", "seen\n\ntoo");
	TEXT("<div style=\"color: red\">shown</div><div style=\"display:none\">not</div>", "shown");
	TEXT("<p>a</p>\n   <p>b  \n  c</p>  <b>d</b> <i>e</i>", "a\n\nb c\n\nd e");
	TEXT("<pre>x   y</pre>", "x y");
	TEXT("<pre>x<col> <img>\t<col>y</pre>", "x y");
	TEXT("<p>cut inside a tag <a href=\"x", "cut inside a tag");
	TEXT("<p>a</></p><p>b", "a\n\nb");
	/* A '<' that is text stays text when what follows it is dropped. */
	TEXT("<p>a<<!-- x -->b c</p><p>x<</>script>y</p>", "a<b c\n\nx<script>y");
	TEXT("<!-- x -->hello", "hello");
	/* Whitespace after a '<' that is text, after a <meta> in the body
	 * (microdata), after a stray </title> joins words as it is. */
	TEXT("<p>< <b>y</b></p>", "< y");
	TEXT("<p>By<meta itemprop=\"author\" content=\"J\"> <span>John</span></p>", "By John");
	TEXT("<p>a</title> <b>c</b></p>", "a c");
	TEXT("o<a>\n<", "o <"); /* a link cut off by the end: a '<' last */
	/* Runs of plain text are kept from gumbo (html_runs.c) and given
	 * back: what gumbo would change stays gumbo's. */
	TEXT("<p>plain text run \x01 with a control</p>", "plain text run \xef\xbf\xbd with a control");
	TEXT("<p>C1 \xc2\x85 and a nonchar \xef\xb7\x90 in a long run</p>",
	     "C1 \xef\xbf\xbd and a nonchar \xef\xbf\xbd in a long run");
	TEXT("<p>windows line\r\nends in a run</p>", "windows line ends in a run");
	TEXT("<pre>\r\nfirst line\r\n\r\nsecond\rthird <b>x</b>\r\nfourth line</pre>",
	     "first line\n\nsecond\nthird x\nfourth line");
	TEXT("<table><tr>long stray text here<td>cell text long</td></tr></table>after the table",
	     "long stray text here\n\ncell text long\n\nafter the table");
	TEXT("<p>a long &amp; entity run</p><p>another long plain run</p>",
	     "a long & entity run\n\nanother long plain run");
	TEXT("<frameset>long text ignored here</frameset>", "");
	/* References decoded in a run as the tokenizer does; others gumbo's. */
	TEXT("<p>it&#39;s &quot;q&quot;, &apos;a&apos; &lt;b&gt; &#x27;x&#x27; AT&T &amp; &#128512;</p>",
	     "it's \"q\", 'a' <b> 'x' AT&T & \xf0\x9f\x98\x80");
	TEXT("<p>long run: &copy; &eacute;&Uuml; &ndash; &rsquo; &hellip; &euro;&thinsp;x</p>",
	     "long run: © éÜ – ’ … €\xe2\x80\x89x");
	TEXT("<p>long text &amp without semicolon, &ampx, &notin; named</p>",
	     "long text & without semicolon, &x, \xe2\x88\x89 named");
	TEXT("<p>long text C1 &#x85;, &#0;, &#xD800;, &#99999999;, &#65 and &; here</p>",
	     "long text C1 \xe2\x80\xa6, \xef\xbf\xbd, \xef\xbf\xbd, \xef\xbf\xbd, A and &; here");
	/* A page with the placeholders' characters: nothing replaced but
	 * by the others. */
	TEXT("<p>&#xE000;&#xE800; then a long plain text run</p>", "\xee\x80\x80\xee\xa0\x80 then a long plain text run");
	TEXT("<p>\xee\x80\x80 then a long plain text run</p><p>&#xEE80; another long run</p>",
	     "\xee\x80\x80 then a long plain text run\n\n\xee\xba\x80 another long run");
	TEXT("<p>&#xEF00; then a long plain text run</p>", "\xee\xbc\x80 then a long plain text run");
	TEXT("<p>&#xF0000; then a long plain text run</p><p>ab</p>",
	     "\xf3\xb0\x80\x80 then a long plain text run\n\nab");
	TEXT("<p>\xf4\x80\x80\x81 then a long plain text run</p><p>ab</p>",
	     "\xf4\x80\x80\x81 then a long plain text run\n\nab");
	/* <noscript> holding the article as HTML: its text is read. */
	struct sbuf b = SBUF_INIT;
	sbuf_addstr(&b, "<noscript><p>");
	for (int i = 0; i < 60; i++)
		sbuf_addstr(&b, "word word ");
	sbuf_addstr(&b, "</p></noscript>");
	char *t = text_of(b.s, NULL, NULL);
	CHECK_INT((long)strlen(t), 599);
	free(t);
	sbuf_free(&b);
}

static void extract(const char *html, const char *url, struct html_page *p)
{
	memset(p, 0, sizeof *p);
	char *why = NULL;
	if (html_extract(html, strlen(html), url, NULL, p, &why) != DG_OK) {
		fprintf(stderr, "html_extract: %s\n", why);
		free(why);
		CHECK(0);
	}
}

static const char article_ps[] =
	"<p>The harbor bridge reopened to traffic on Tuesday morning, two years after engineers "
	"closed it because of corrosion in its main cables.</p>"
	"<p>About 40,000 vehicles are expected to cross it every day, the transport office said, "
	"which should ease the queues on the ring road.</p>";

/* A page whose style sheet holds an icon font's U+EF18 (the name codes'
 * range: they go to plane 16 there): its classes still tell the comments
 * from the article. */
static void test_extract_icon_codes(void)
{
	struct html_page p;
	struct sbuf b = SBUF_INIT;
	sbuf_addstr(&b, "<html><head><title>Bridge</title><style>.i-tumblr:before{content:\"\xee\xbc\x98\"}"
	                "</style></head><body><div class=\"story-body\"><span class=\"i-tumblr\"></span>");
	sbuf_addstr(&b, article_ps);
	sbuf_addstr(&b, "</div><div class=\"comments\"><p>A reader writes, at some length and with "
	                "punctuation, that the bridge should have stayed closed, and that nobody asked.</p>"
	                "<p>Another reader agrees, and adds that the ring road was never the problem.</p>"
	                "</div></body></html>");
	extract(b.s, "https://www.gazette.example/news/2", &p);
	CHECK(p.text && strncmp(p.text, "The harbor bridge reopened", 26) == 0);
	CHECK(p.text && !strstr(p.text, "reader"));
	html_page_free(&p);
	sbuf_free(&b);
}

static void test_extract_meta(void)
{
	struct html_page p;
	struct sbuf b = SBUF_INIT;
	/* JSON-LD in an @graph, entities in it; og:locale; the author object. */
	sbuf_addstr(&b, "<html><head><title>Bridge | Gazette</title>"
	                "<meta property=\"og:locale\" content=\"en_GB\">"
	                "<script type=\"application/ld+json\">{\"@graph\": [{\"@type\": \"NewsArticle\", "
	                "\"headline\": \"Bridge &amp; tunnel\", \"datePublished\": \"2024-03-05T23:30:00-05:00\", "
	                "\"author\": {\"name\": \"Ada L.\"}, \"publisher\": {\"name\": \"The Gazette\"}}]}"
	                "</script></head><body><div class=\"content\">");
	sbuf_addstr(&b, article_ps);
	sbuf_addstr(&b, "</div></body></html>");
	extract(b.s, "https://www.gazette.example/news/1", &p);
	CHECK_STR(p.title, "Bridge & tunnel");
	CHECK_STR(p.source, "The Gazette");
	CHECK_STR(p.author, "Ada L.");
	CHECK_STR(p.date, "2024-03-05"); /* the page's own day, not UTC's */
	CHECK_INT(p.date_unix, 1709596800);
	CHECK_STR(p.lang, "en");
	CHECK_STR(p.url, "https://www.gazette.example/news/1");
	html_page_free(&p);
	sbuf_free(&b);

	/* No metadata: <title> minus its site part, the <h1>; the host names
	 * the source; the date in the canonical URL; <html lang>. */
	sbuf_addstr(&b, "<html lang=\"de-AT\"><head><title>Brücke offen – Kurier Nord</title>"
	                "<link rel=canonical href=\"/2023/07/01/bruecke.html\"></head><body>"
	                "<div class=\"story\"><h1>Brücke offen</h1>");
	sbuf_addstr(&b, article_ps);
	sbuf_addstr(&b, "</div></body></html>");
	extract(b.s, "http://www.kurier-nord.example/x?id=3", &p);
	CHECK_STR(p.title, "Brücke offen");
	CHECK_STR(p.source, "kurier-nord.example");
	CHECK_STR(p.date, "2023-07-01");
	CHECK_STR(p.url, "http://www.kurier-nord.example/2023/07/01/bruecke.html");
	CHECK_STR(p.lang, "de");
	CHECK_STR(p.author, "");
	html_page_free(&p);
	sbuf_free(&b);

	/* A visible date in an element named for it, read as the article
	 * parser reads dates; a <title> whose site comes first. */
	sbuf_addstr(&b, "<html><head><title>Gazette » Ferry news</title></head><body><main>"
	                "<span class=\"post-date\">12. Mai 2022</span>");
	sbuf_addstr(&b, article_ps);
	sbuf_addstr(&b, "</main></body></html>");
	extract(b.s, NULL, &p);
	CHECK_STR(p.date, "2022-05-12");
	CHECK_STR(p.source, "");
	CHECK_STR(p.url, "");
	html_page_free(&p);
	sbuf_free(&b);

	/* A date line that also names the source and the author: its date
	 * (a parse of it as an article took the line for a source line). */
	sbuf_addstr(&b, "<html><body><article><h1>Forscher entdecken eine Werkstatt</h1>"
	                "<p>Quelle: Der Kieselbote<br>12.05.2025, 14:30 Uhr<br>Von Jonas Brenneisen</p>");
	sbuf_addstr(&b, article_ps);
	sbuf_addstr(&b, "</article></body></html>");
	extract(b.s, NULL, &p);
	CHECK_STR(p.date, "2025-05-12");
	html_page_free(&p);
	sbuf_free(&b);
}

/* html_ld_read: a script's article, as jansson read it (the scanner's
 * answers and jansson's, where the scanner hands over). */
#define LD(json, want_headline) do { \
	struct html_ld ld_; \
	bool f_ = html_ld_read(json, &ld_); \
	CHECK_STR(f_ && ld_.headline ? ld_.headline : "(none)", want_headline); \
	html_ld_free(&ld_); \
} while (0)

static void test_jsonld(void)
{
	struct html_ld ld;
	CHECK(html_ld_read("[{\"@type\": \"WebSite\"}, {\"@graph\": [{\"@type\": [\"X\", \"BlogPosting\"], "
	                   "\"headline\": [\"H\\u00e9 \\ud83d\\ude00 \\\"q\\\" \\/\"], \"datePublished\": \"2024-01-02\", "
	                   "\"dateModified\": \"2024-01-03\", \"author\": [{\"name\": \"A\"}], "
	                   "\"publisher\": {\"name\": {\"name\": \"P\"}}, \"n\": [-0, 1.5, true, null]}]}]", &ld));
	CHECK_STR(ld.headline, "H\xc3\xa9 \xf0\x9f\x98\x80 \"q\" /");
	CHECK_STR(ld.published, "2024-01-02");
	CHECK_STR(ld.modified, "2024-01-03");
	CHECK_STR(ld.author, "A");
	CHECK_STR(ld.publisher, "P");
	html_ld_free(&ld);
	/* The last of a repeated key; a key spelt with an escape. */
	LD("{\"@type\": \"Article\", \"headline\": \"a\", \"headline\": \"b\"}", "b");
	LD("{\"@type\": \"Article\", \"head\\u006cine\": \"e\"}", "e");
	/* No article: no type, no headline nor date, not JSON as jansson reads it. */
	LD("{\"headline\": \"x\"}", "(none)");
	LD("{\"@type\": \"NewsArticle\", \"name\": \"x\"}", "(none)");
	LD("{\"@type\": \"Article\", \"headline\": \"x\",}", "(none)");
	LD("{\"@type\": \"Article\", \"headline\": \"x\\u0000\"}", "(none)");
	LD("{\"@type\": \"Article\", \"headline\": \"\\ud800\"}", "(none)");
	LD("{\"@type\": \"Article\", \"headline\": \"x\", \"n\": 01}", "(none)");
	LD("{\"@type\": \"Article\", \"headline\": \"x\"} {}", "(none)");
	LD("{\"@type\": \"Article\", \"headline\": \"tab\there\"}", "(none)");
	/* Numbers jansson refuses on overflow, and those it takes: jansson
	 * reads them (the scanner is not sure). */
	LD("{\"@type\": \"Article\", \"headline\": \"x\", \"n\": 1e999}", "(none)");
	LD("{\"@type\": \"Article\", \"headline\": \"x\", \"n\": 99999999999999999999}", "(none)");
	LD("{\"@type\": \"Article\", \"headline\": \"x\", \"n\": 1e5}", "x");
	LD("{\"@type\": \"Article\", \"headline\": \"x\", \"n\": 123456789012345678}", "x");
}

static void test_extract_body(void)
{
	struct html_page p;
	struct sbuf b = SBUF_INIT;
	sbuf_addstr(&b, "<body><div id=\"cookie-notice\">We use cookies on this site, to measure "
	                "visits and show you adverts, as explained in our policy.</div>"
	                "<ul class=\"nav\"><li><a href=\"/a\">World news</a></li><li><a href=\"/b\">Local news"
	                "</a></li></ul><div class=\"layout with-sidebar\"><div class=\"article-body\">"
	                "<h2>What changes</h2>");
	sbuf_addstr(&b, article_ps);
	sbuf_addstr(&b, "<div class=\"share-buttons\"><a href=\"/s\">Share</a></div>"
	                "<p>Read the <a href=\"/report\">full report</a> of the office.</p></div>"
	                "<div class=\"comments\"><p>Great news, finally, after all these years of waiting "
	                "for it, says a reader in a long comment.</p></div></div>"
	                "<footer><p>Copyright 2024, the Gazette, all rights reserved, since 1901.</p></footer></body>");
	extract(b.s, "https://g.example/n/", &p);
	CHECK_STR(p.text, "What changes\n\nThe harbor bridge reopened to traffic on Tuesday morning, two years "
	                  "after engineers closed it because of corrosion in its main cables.\n\nAbout 40,000 "
	                  "vehicles are expected to cross it every day, the transport office said, which should "
	                  "ease the queues on the ring road.\n\nRead the full report of the office.");
	CHECK_INT(p.nlinks, 1);
	if (p.nlinks == 1)
		CHECK_STR(p.links[0].url, "https://g.example/report");
	html_page_free(&p);
	sbuf_free(&b);

	/* Chinese: no spaces, so lengths are characters; the navigation's
	 * Chinese link text is not the article. */
	extract("<body><div class=\"menu\"><a href=\"/1\">首页</a> <a href=\"/2\">国内新闻</a> "
	        "<a href=\"/3\">国际新闻</a> <a href=\"/4\">财经频道</a></div><div class=\"content\">"
	        "<p>经过两年的维修，港口大桥于星期二上午重新通车。工程师当年因主缆腐蚀而关闭了这座桥。</p>"
	        "<p>市交通局表示，预计每天约有四万辆汽车通过大桥，这将缓解环路上的拥堵。</p></div>"
	        "<div class=\"footer\">版权所有 滨江日报社</div></body>", NULL, &p);
	CHECK_STR(p.text, "经过两年的维修，港口大桥于星期二上午重新通车。工程师当年因主缆腐蚀而关闭了这座桥。\n\n"
	                  "市交通局表示，预计每天约有四万辆汽车通过大桥，这将缓解环路上的拥堵。");
	html_page_free(&p);

	/* Nothing but boilerplate: all text outside it, which is none. */
	extract("<body><nav><a href=\"/\">Home</a></nav><footer>Contact</footer></body>", NULL, &p);
	CHECK_STR(p.text, "");
	CHECK_STR(p.title, "");
	html_page_free(&p);
}

/* The feeds a page announces: alternate links of feed types only, in
 * page order, resolved against <base>, each once. */
static void test_feed_links(void)
{
	const char *page =
	    "<html><head><base href=\"https://news.example/world/\">"
	    "<link rel=\"stylesheet\" type=\"text/css\" href=\"/s.css\">"
	    "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"World &amp;\n more\" href=\"rss.xml\">"
	    "<link rel=\"ALTERNATE home\" type=\"application/atom+xml; charset=utf-8\" href=\"/atom\">"
	    "<link rel=\"alternate\" type=\"text/html\" hreflang=\"fr\" href=\"/fr/\">"
	    "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"rss.xml\">"
	    "</head><body><link rel=\"alternate\" type=\"application/feed+json\" href=\"//cdn.example/f.json\">"
	    "</body></html>";
	struct html_link *v = NULL;
	size_t n = html_feed_links(page, strlen(page), "https://news.example/world/page.html", NULL, &v);
	CHECK_INT(n, 3);
	if (n == 3) {
		CHECK_STR(v[0].url, "https://news.example/world/rss.xml");
		CHECK_STR(v[0].text, "World & more");
		CHECK_STR(v[1].url, "https://news.example/atom");
		CHECK_STR(v[1].text, "");
		CHECK_STR(v[2].url, "https://cdn.example/f.json");
	}
	html_links_free(v, n);
	const char *none = "<p>no head at all</p>";
	CHECK_INT(html_feed_links(none, strlen(none), NULL, NULL, &v), 0);
	html_links_free(v, 0);
}

int main(void)
{
	test_feed_links();
	test_paragraphs();
	test_never_text();
	test_encodings();
	test_links();
	test_resolve();
	test_sniff();
	test_hostile();
	test_prepass();
	test_runs_plain();
	test_name_flags();
	test_prepass_output();
	test_attrs_given_back();
	test_prepass_drops();
	test_prepass_boiler();
	test_attr_references();
	test_extract_meta();
	test_extract_icon_codes();
	test_jsonld();
	test_extract_body();
	return t_done();
}
