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

#ifdef __cplusplus
}
#endif

#endif
