/*
 * cld2shim.h: the only C++ in diglot.  A C interface to CLD2's
 * DetectLanguage for plain UTF-8 text.
 */
#ifndef DIGLOT_CLD2SHIM_H
#define DIGLOT_CLD2SHIM_H

#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Write the ISO 639-1 code (or "und") into code[4]; *percent is the share
 * of the text in that language, *reliable CLD2's own verdict. */
void cld2_detect(const char *utf8, int len, char code[4], int *percent, bool *reliable);

/* CLD2's three best languages, ISO 639-1 codes ("und" for none). */
struct cld2_top3 {
	char code[3][4];
	int percent[3];
	bool reliable;
};

/*
 * Like cld2_detect, but returning the top three.  best_effort asks CLD2
 * for a guess even on text too short for a reliable one (it answers
 * "und" otherwise); the caller then weighs that guess itself.
 */
void cld2_detect_top3(const char *utf8, int len, bool best_effort, struct cld2_top3 *out);

#ifdef __cplusplus
}
#endif

#endif
