/*
 * fuzz-html.c: outside bytes as a web page: html_to_text with and without
 * a base URL and a charset hint, and the sniffer.  Invariants: the text is
 * valid UTF-8 without controls (but newlines), never "\n\n\n", and links
 * are one clean line each.
 */
#include "fuzz.h"
#include "diglot/html.h"

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
	return 0;
}
