/*
 * fuzz-feed.c: outside bytes through feed_parse, as the fetcher hands
 * them over: with and without a URL and an HTTP charset; and the date
 * parser over the same bytes.  Invariants: a failure has a reason; every
 * field is valid UTF-8, one-line fields hold no control character and no
 * newline, content no control but newline; keys are never empty.
 */
#include "fuzz.h"
#include "diglot/feed.h"
#include "diglot/feed_date.h"

#include <string.h>
#include <unistr.h>

static void check_text(const char *what, const char *s, bool newlines)
{
	FUZZ_ASSERT(s != NULL, "%s: NULL", what);
	size_t len = strlen(s);
	FUZZ_ASSERT(u8_check((const uint8_t *)s, len) == NULL, "%s: invalid UTF-8", what);
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		FUZZ_ASSERT(c >= 0x20 || (newlines && c == '\n'), "%s: control 0x%02x at %zu", what, c, i);
		FUZZ_ASSERT(c != 0x7f, "%s: DEL at %zu", what, i);
		if (c == 0xc2 && i + 1 < len)
			FUZZ_ASSERT((unsigned char)s[i + 1] >= 0xa0, "%s: C1 control at %zu", what, i);
	}
}

static void run(const uint8_t *data, size_t size, const char *url, const char *charset)
{
	struct feed f;
	memset(&f, 0, sizeof f);
	char *cause = NULL;
	if (feed_parse((const char *)data, size, url, charset, &f, &cause) != DG_OK) {
		FUZZ_ASSERT(cause && *cause, "feed_parse failed without a reason");
		FUZZ_ASSERT(f.nitems == 0 && !f.items, "failed parse left items");
		free(cause);
		return;
	}
	check_text("feed title", f.title, false);
	check_text("feed link", f.link, false);
	check_text("feed lang", f.lang, false);
	FUZZ_ASSERT(f.encoding && *f.encoding, "no encoding");
	for (size_t i = 0; i < f.nitems; i++) {
		const struct feed_item *it = &f.items[i];
		check_text("id", it->id, false);
		check_text("link", it->link, false);
		check_text("title", it->title, false);
		check_text("author", it->author, false);
		check_text("source", it->source, false);
		check_text("lang", it->lang, false);
		check_text("base", it->base, false);
		check_text("content", it->content, true);
		char *key = feed_item_key(it);
		FUZZ_ASSERT(key && *key, "empty key");
		free(key);
	}
	feed_free(&f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	run(data, size, NULL, NULL);
	run(data, size, "https://fuzz.example/dir/feed.xml", "iso-8859-1");
	if (size < 200) {
		char s[201];
		memcpy(s, data, size);
		s[size] = '\0';
		int64_t t;
		(void)feed_date_parse(s, &t);
	}
	return 0;
}
