// cld2shim.cc: the only C++ in diglot.  CLD2 has a C++ interface; this
// gives the C code one plain function.
#include <cstdio> // CLD2's header uses FILE without including it
#include <cstring>
#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

#include "diglot/cld2shim.h"

void cld2_detect(const char *utf8, int len, char code[4], int *percent, bool *reliable)
{
	CLD2::Language lang3[3];
	int percent3[3];
	int text_bytes = 0;
	bool is_reliable = false;
	CLD2::Language lang = CLD2::ExtDetectLanguageSummary(
		utf8, len, true /* plain text */, lang3, percent3, &text_bytes, &is_reliable);
	const char *c = CLD2::LanguageCode(lang);
	// CLD2 codes are ISO 639-1 where one exists ("en", "zh", "zh-Hant", "un").
	if (lang == CLD2::UNKNOWN_LANGUAGE || !c || !c[0] || std::strlen(c) < 2 || std::strcmp(c, "un") == 0) {
		std::strcpy(code, "und");
	} else {
		code[0] = c[0];
		code[1] = c[1];
		code[2] = (c[2] && c[2] != '-') ? c[2] : '\0';
		code[3] = '\0';
	}
	if (percent)
		*percent = percent3[0];
	if (reliable)
		*reliable = is_reliable;
}
