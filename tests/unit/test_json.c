/* test_json.c: every string the JSON writer emits is valid JSON. */
#include "t.h"
#include "diglot/json.h"

#include <stdlib.h>

int main(void)
{
	static const struct { const char *in; size_t len; const char *out; } cases[] = {
		{"plain", 5, "\"plain\""},
		{"say \"hi\"", 8, "\"say \\\"hi\\\"\""},
		{"back\\slash", 10, "\"back\\\\slash\""},
		{"line\nbreak\ttab\r", 15, "\"line\\nbreak\\ttab\\r\""},
		{"\x01\x1b[31m\x7f", 7, "\"\\u0001\\u001b[31m\\u007f\""},
		{"nul\0byte", 8, "\"nul\\u0000byte\""},
		{"中文 Ägypten 🙂", 20, "\"中文 Ägypten 🙂\""},
		{"c1 \xc2\x9b x", 7, "\"c1 \\u009b x\""},
		{"bad \xff\xfe utf8", 11, "\"bad \xef\xbf\xbd\xef\xbf\xbd utf8\""},
		{"cut \xe4\xb8", 6, "\"cut \xef\xbf\xbd\""},
		{"ls \xe2\x80\xa8", 6, "\"ls \\u2028\""},
		{"\xef\xbf\xbd", 3, "\"\xef\xbf\xbd\""},
		/* Invisible and bidi characters are escaped so a reader sees them. */
		{"a\xe2\x80\xae" "b", 5, "\"a\\u202eb\""},
		{"\xc2\xad\xe2\x81\xa6", 5, "\"\\u00ad\\u2066\""},
		{"\xf3\xa0\x80\x81", 4, "\"\\udb40\\udc01\""},
		{"", 0, "\"\""},
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		struct sbuf b = SBUF_INIT;
		json_string_n(&b, cases[i].in, cases[i].len);
		CHECK_STR(sbuf_str(&b), cases[i].out);
		sbuf_free(&b);
	}
	struct sbuf b = SBUF_INIT;
	bool first = true;
	sbuf_addc(&b, '{');
	json_key(&b, "a", &first);
	json_string(&b, NULL);
	json_key(&b, "b\"", &first);
	sbuf_addstr(&b, "1}");
	CHECK_STR(sbuf_str(&b), "{\"a\":\"\",\"b\\\"\":1}");
	sbuf_free(&b);
	return t_done();
}
