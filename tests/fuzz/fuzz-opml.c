/*
 * fuzz-opml.c: outside bytes through opml_parse, and what it reads back
 * through opml_write and opml_parse again.  Invariants: a failure has a
 * reason; every entry has a URL; fields are clean one-line UTF-8; the
 * written document reads back to as many entries with the same URLs.
 */
#include "fuzz.h"
#include "diglot/opml.h"

#include <string.h>
#include <unistr.h>

static void check_line(const char *what, const char *s)
{
	FUZZ_ASSERT(s != NULL, "%s: NULL", what);
	size_t len = strlen(s);
	FUZZ_ASSERT(u8_check((const uint8_t *)s, len) == NULL, "%s: invalid UTF-8", what);
	for (size_t i = 0; i < len; i++)
		FUZZ_ASSERT((unsigned char)s[i] >= 0x20 && s[i] != 0x7f, "%s: control at %zu", what, i);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct opml o;
	memset(&o, 0, sizeof o);
	char *cause = NULL;
	if (opml_parse((const char *)data, size, &o, &cause) != DG_OK) {
		FUZZ_ASSERT(cause && *cause, "opml_parse failed without a reason");
		free(cause);
		return 0;
	}
	check_line("title", o.title);
	for (size_t i = 0; i < o.nentries; i++) {
		FUZZ_ASSERT(o.entries[i].url && *o.entries[i].url, "entry %zu without a URL", i);
		check_line("url", o.entries[i].url);
		check_line("title", o.entries[i].title);
		check_line("site", o.entries[i].site);
		check_line("category", o.entries[i].category);
	}
	struct sbuf b = SBUF_INIT;
	opml_write(&b, o.title, o.entries, o.nentries);
	struct opml back;
	memset(&back, 0, sizeof back);
	FUZZ_ASSERT(opml_parse(b.s, b.len, &back, &cause) == DG_OK, "written OPML does not read back: %s",
	            cause ? cause : "");
	FUZZ_ASSERT(back.nentries == o.nentries, "%zu entries written, %zu read back", o.nentries,
	            back.nentries);
	opml_free(&back);
	sbuf_free(&b);
	opml_free(&o);
	return 0;
}
