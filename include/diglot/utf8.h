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
 * Invisible characters (Unicode's default-ignorable code points: soft
 * hyphen, zero-width space, word joiner, bidi controls, fillers ...) but
 * the joiners and variation selectors a grapheme needs.  Terminals do not
 * agree on their widths, and bidi controls reorder what follows them: no
 * display string holds one, and article text keeps only the bidi controls
 * of right-to-left lines, balanced (utf8_clean).
 */
bool utf8_is_hidden(uint32_t cp);
/* U+202A-U+202E, U+2066-U+2069 (embeddings, overrides, isolates) and the
 * marks U+200E, U+200F, U+061C. */
bool utf8_is_bidi_control(uint32_t cp);

/*
 * A one-line string a file or the user gave (title, source, URL, --source)
 * as it is stored and shown: utf8_sanitize's, newlines as spaces, runs of
 * spaces made one, trimmed.
 * Caller frees.
 */
char *utf8_clean_line(const char *s, size_t len);

/*
 * Terminal safety: copy s (any bytes); invalid UTF-8 becomes U+FFFD;
 * C0/C1 controls, whole escape sequences, DEL and every invisible
 * character (utf8_is_hidden, bidi controls among them) are removed; tabs
 * become spaces, and so do newlines unless keep_newlines.  Caller frees.
 */
char *utf8_sanitize(const char *s, size_t len, bool keep_newlines);

#endif
