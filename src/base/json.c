/* json.c: escaping JSON writer; every string passes through json_string_n. */
#include "diglot/common.h"
#include "diglot/json.h"

#include <string.h>
#include <unictype.h>
#include <unistr.h>

void json_string_n(struct sbuf *b, const char *s, size_t len)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + len;
	sbuf_addc(b, '"');
	while (p < end) {
		unsigned char c = *p;
		if (c < 0x80) {
			switch (c) {
			case '"': sbuf_add(b, "\\\"", 2); break;
			case '\\': sbuf_add(b, "\\\\", 2); break;
			case '\n': sbuf_add(b, "\\n", 2); break;
			case '\r': sbuf_add(b, "\\r", 2); break;
			case '\t': sbuf_add(b, "\\t", 2); break;
			default:
				if (c < 0x20 || c == 0x7f)
					sbuf_addf(b, "\\u%04x", c);
				else
					sbuf_addc(b, (char)c);
			}
			p++;
			continue;
		}
		ucs4_t uc;
		int n = u8_mbtouc(&uc, p, (size_t)(end - p));
		if (uc == 0xfffd && !(n == 3 && p[0] == 0xef && p[1] == 0xbf && p[2] == 0xbd)) {
			sbuf_add(b, "\xef\xbf\xbd", 3); /* invalid UTF-8 */
		} else if (uc >= 0x80 && uc < 0xa0) {
			sbuf_addf(b, "\\u%04x", (unsigned)uc); /* C1 controls */
		} else if (uc == 0x2028 || uc == 0x2029) {
			sbuf_addf(b, "\\u%04x", (unsigned)uc); /* unsafe in JavaScript */
		} else if (uc_is_property_default_ignorable_code_point(uc)) {
			/* Invisible, and bidi controls reorder what a reader of the
			 * raw JSON sees: escaped, so they show and still decode. */
			if (uc > 0xFFFF)
				sbuf_addf(b, "\\u%04x\\u%04x", 0xD800 + ((unsigned)(uc - 0x10000) >> 10),
				          0xDC00 + ((unsigned)(uc - 0x10000) & 0x3FF));
			else
				sbuf_addf(b, "\\u%04x", (unsigned)uc);
		} else {
			sbuf_add(b, (const char *)p, (size_t)n);
		}
		p += n;
	}
	sbuf_addc(b, '"');
}

void json_string(struct sbuf *b, const char *s)
{
	json_string_n(b, s ? s : "", s ? strlen(s) : 0);
}

void json_key(struct sbuf *b, const char *key, bool *first)
{
	if (!*first)
		sbuf_addc(b, ',');
	*first = false;
	json_string(b, key);
	sbuf_addc(b, ':');
}
