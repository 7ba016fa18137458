/*
 * utf8.h: raw file bytes to clean text.  Decides the encoding (UTF-8 with
 * or without BOM, UTF-16 with BOM, else GB18030 or Windows-1252 by the
 * rule in utf8.c), converts to NFC UTF-8, turns CRLF and CR into LF, tabs
 * into spaces, and removes C0/C1 controls and terminal escape sequences.
 * Also the terminal-safety filter used before any article text is shown.
 */
#ifndef DIGLOT_UTF8_H
#define DIGLOT_UTF8_H

#include "diglot/common.h"

#define UTF8_MAX_INPUT ((size_t)16 << 20) /* larger files are refused */

enum text_encoding {
	ENC_UTF8,
	ENC_UTF8_BOM,
	ENC_UTF16LE,
	ENC_UTF16BE,
	ENC_GB18030,
	ENC_CP1252,
};

const char *utf8_encoding_name(enum text_encoding enc);

/*
 * Clean raw bytes into a new NUL-terminated string (*out, *out_len).
 * Returns DG_OK, or DG_ERR with *cause set to a message the caller frees,
 * such as "binary file (contains NUL bytes)" or "file too large (over
 * 16 MiB)"; an empty input gives DG_OK and an empty string.
 */
enum dg_status utf8_clean(const char *bytes, size_t len, char **out, size_t *out_len,
                          enum text_encoding *enc, char **cause);

/*
 * Terminal safety: copy s (any bytes) replacing invalid UTF-8, C0/C1
 * controls (and so every escape sequence introducer), DEL, and the
 * bidi override characters by U+FFFD or a space (tabs, newlines when
 * keep_newlines).  Caller frees.
 */
char *utf8_sanitize(const char *s, size_t len, bool keep_newlines);

#endif
