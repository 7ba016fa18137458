// cld2shim.cc: the only C++ in diglot.  CLD2 has a C++ interface; this
// gives the C code plain functions and turns CLD2's codes into ISO 639-1.
#include <cstdio> // CLD2's header uses FILE without including it
#include <cstring>
#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

#include "cld2shim.h"

// CLD2 still uses some withdrawn ISO codes; these are the current ones.
static const struct {
	const char *cld2, *iso;
} renamed[] = {
	{"iw", "he"}, {"jw", "jv"}, {"in", "id"}, {"ji", "yi"}, {"mo", "ro"},
	{"no", "nb"}, {"tl", "fil"},
};

// "zh-Hant" -> "zh", "sr-ME" -> "sr", "iw" -> "he", "un"/"xx-..." -> "und".
static void iso_code(CLD2::Language lang, char code[4])
{
	const char *c = CLD2::LanguageCode(lang);
	size_t n = c ? std::strcspn(c, "-") : 0;
	if (lang == CLD2::UNKNOWN_LANGUAGE || n < 2 || n > 3 || std::strncmp(c, "un", n) == 0 ||
	    std::strncmp(c, "xx", n) == 0) {
		std::strcpy(code, "und");
		return;
	}
	std::memcpy(code, c, n);
	code[n] = '\0';
	for (const auto &r : renamed) {
		if (std::strcmp(code, r.cld2) == 0) {
			std::strcpy(code, r.iso);
			break;
		}
	}
}

void cld2_detect_top3(const char *utf8, int len, bool best_effort, struct cld2_top3 *out)
{
	CLD2::CLDHints hints = {nullptr, nullptr, CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE};
	CLD2::Language lang3[3];
	int percent3[3];
	double score3[3];
	int text_bytes = 0;
	bool is_reliable = false;
	CLD2::ExtDetectLanguageSummary(utf8, len, true /* plain text */, &hints,
				       best_effort ? CLD2::kCLDFlagBestEffort : 0, lang3, percent3,
				       score3, nullptr, &text_bytes, &is_reliable);
	for (int i = 0; i < 3; i++) {
		iso_code(lang3[i], out->code[i]);
		out->percent[i] = percent3[i];
	}
	out->reliable = is_reliable;
}

void cld2_detect(const char *utf8, int len, char code[4], int *percent, bool *reliable)
{
	struct cld2_top3 t;
	cld2_detect_top3(utf8, len, false, &t);
	std::memcpy(code, t.code[0], 4);
	if (percent)
		*percent = t.percent[0];
	if (reliable)
		*reliable = t.reliable;
}
