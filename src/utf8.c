/* utf8.c: STUB, to be written (text cleaning). */
#include "diglot/common.h"
#include "diglot/utf8.h"
#include <string.h>

const char *utf8_encoding_name(enum text_encoding enc) { (void)enc; return "UTF-8"; }

int utf8_clean(const char *bytes, size_t len, char **out, size_t *out_len,
               enum text_encoding *enc, const char **why)
{
	*out = xstrndup(bytes, len);
	*out_len = len;
	if (enc) *enc = ENC_UTF8;
	(void)why;
	return DG_OK;
}

char *utf8_sanitize(const char *s, size_t len, bool keep_newlines)
{
	(void)keep_newlines;
	return xstrndup(s, len);
}
