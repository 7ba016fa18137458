/*
 * fuzz-html.c: outside bytes as a web page: html_to_text with and without
 * a base URL and a charset hint, the feeds it announces, html_extract,
 * and the sniffer.
 * Invariants: the text is valid UTF-8 without controls (but newlines),
 * never "\n\n\n"; links, titles, sources, URLs are one clean line each;
 * a date is YYYY-MM-DD or none.
 */
#include "fuzz.h"
#include "diglot/html.h"
#include "diglot/html_extract.h"

#include <string.h>
#include <unistr.h>

static void check_clean(const char *what, const char *s, bool newlines)
{
	size_t len = strlen(s);
	FUZZ_ASSERT(u8_check((const uint8_t *)s, len) == NULL, "%s: invalid UTF-8", what);
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		FUZZ_ASSERT(c >= 0x20 || (newlines && c == '\n'), "%s: control 0x%02x at %zu", what, c, i);
		FUZZ_ASSERT(c != 0x7f, "%s: DEL at %zu", what, i);
	}
	if (newlines)
		FUZZ_ASSERT(!strstr(s, "\n\n\n"), "%s: an empty paragraph", what);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const bases[] = {NULL, "http://example.com/a/b?q"};
	static const char *const charsets[] = {NULL, "windows-1252"};
	(void)html_sniff((const char *)data, size);
	for (int k = 0; k < 2; k++) {
		struct html_text t = {0};
		char *why = NULL;
		if (html_to_text((const char *)data, size, bases[k], charsets[k], &t, &why) != DG_OK) {
			FUZZ_ASSERT(why && *why, "html_to_text failed without a reason");
			free(why);
			continue;
		}
		check_clean("text", t.text, true);
		for (size_t i = 0; i < t.nlinks; i++) {
			check_clean("link url", t.links[i].url, false);
			check_clean("link text", t.links[i].text, false);
		}
		html_text_free(&t);
	}
	struct html_link *feeds = NULL;
	size_t nfeeds = html_feed_links((const char *)data, size, bases[1], NULL, &feeds);
	for (size_t i = 0; i < nfeeds; i++) {
		FUZZ_ASSERT(feeds[i].url && *feeds[i].url, "an announced feed without a URL");
		check_clean("feed title", feeds[i].text, false);
	}
	html_links_free(feeds, nfeeds);
	struct html_page p = {0};
	char *why = NULL;
	if (html_extract((const char *)data, size, bases[1], NULL, &p, &why) != DG_OK) {
		FUZZ_ASSERT(why && *why, "html_extract failed without a reason");
		free(why);
		return 0;
	}
	check_clean("main text", p.text, true);
	check_clean("title", p.title, false);
	check_clean("source", p.source, false);
	check_clean("author", p.author, false);
	check_clean("url", p.url, false);
	size_t dl = strlen(p.date);
	FUZZ_ASSERT(dl == 0 || (dl == 10 && p.date[4] == '-' && p.date[7] == '-' && p.date_unix > 0),
	            "date \"%s\"", p.date);
	for (size_t i = 0; i < p.nlinks; i++)
		check_clean("link url", p.links[i].url, false);
	html_page_free(&p);
	return 0;
}
