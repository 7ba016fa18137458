/*
 * confline.h: the line format shared by the config file and theme files:
 * one directive a line, words separated by blanks, '#' starts a comment,
 * errors reported with the file and line number.
 */
#ifndef DIGLOT_CONFLINE_H
#define DIGLOT_CONFLINE_H

#include "diglot/common.h"


/* Apply one line's words (n >= 1); return NULL, or why the line is wrong. */
typedef const char *(*confline_apply_fn)(void *ctx, char **w, int n);

/*
 * Split text into lines (a trailing CR dropped), each line into at most
 * maxwords words separated by any of seps, up to a word starting with '#',
 * and apply every non-empty line.  Returns the number of bad lines, each
 * reported through err (may be NULL).
 */
int confline_parse(const char *text, size_t len, const char *file, const char *seps, int maxwords,
                   confline_apply_fn apply, void *actx, dg_error_fn err, void *ectx);

/* The first MiB of the file at path (a config never needs more); NULL with
 * errno set when it cannot be opened.  Caller frees. */
char *confline_read(const char *path, size_t *len);

#endif
