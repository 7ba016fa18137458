/* langid.c: STUB, to be written (language identification). */
#include "diglot/common.h"
#include "diglot/langid.h"
#include "diglot/cld2shim.h"
#include <string.h>

void langid_detect(const char *text, size_t len, struct langid_result *res)
{
	cld2_detect(text, (int)len, res->code, &res->confidence, &res->reliable);
}

void langid_article(struct article *a)
{
	for (size_t i = 0; i < a->npara; i++) {
		struct langid_result r;
		langid_detect(a->paras[i].text, strlen(a->paras[i].text), &r);
		memcpy(a->paras[i].lang, r.code, LANG_CODE_SIZE);
	}
	strcpy(a->lang, a->npara ? a->paras[0].lang : "und");
}

const char *langid_native_name(const char *code) { return code; }
