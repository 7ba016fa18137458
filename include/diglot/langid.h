/*
 * langid.h: the language of a piece of text, as an ISO 639-1 code.
 * A script pass (libunistring) decides CJK, Korean, Japanese, Arabic,
 * Greek, Hebrew, Thai and other single-script languages; Latin and
 * Cyrillic text goes to CLD2 through cld2shim.h.
 */
#ifndef DIGLOT_LANGID_H
#define DIGLOT_LANGID_H

#include "diglot/article.h"

struct langid_result {
	char code[LANG_CODE_SIZE]; /* "und" when the text has no letters */
	int confidence;            /* 0..100 */
	bool reliable;
};

void langid_detect(const char *text, size_t len, struct langid_result *res);

/*
 * Label every paragraph of a parsed article and set a->lang to the
 * language holding the most letters.  Short titles take the body's
 * language unless their script disagrees.
 */
void langid_article(struct article *a);

/* Native name of a language for menus: "zh" -> "中文", "fr" -> "Français";
 * the code itself when unknown. */
const char *langid_native_name(const char *code);

#endif
