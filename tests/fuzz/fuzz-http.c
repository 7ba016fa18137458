/*
 * fuzz-http.c: outside bytes as HTTP response header lines (the fetcher's
 * header callback, src/fetch/fetch_http.c).  Whatever the lines say, the
 * kept values are NUL-terminated printable ASCII within their fields.
 */
#include "fuzz.h"
#include "fetch_int.h"

#include <string.h>

static void printable(const char *s, size_t cap, const char *what)
{
	size_t n = strnlen(s, cap);
	FUZZ_ASSERT(n < cap, "%s not terminated", what);
	for (size_t i = 0; i < n; i++)
		FUZZ_ASSERT((unsigned char)s[i] >= 0x20 && (unsigned char)s[i] <= 0x7e,
		            "%s holds byte 0x%02x", what, (unsigned char)s[i]);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fetch_hdrs h = {0};
	h.permanent = true;
	const char *p = (const char *)data, *end = p + size;
	while (p < end) { /* one call per line, as curl makes them */
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t len = nl ? (size_t)(nl - p) + 1 : (size_t)(end - p);
		fetch_hdrs_line(&h, p, len);
		p += len;
	}
	printable(h.content_type, sizeof h.content_type, "content type");
	printable(h.charset, sizeof h.charset, "charset");
	printable(h.etag, sizeof h.etag, "etag");
	printable(h.last_modified, sizeof h.last_modified, "last-modified");
	FUZZ_ASSERT(h.status >= 0 && h.status < 10000, "status %ld", h.status);
	return 0;
}
