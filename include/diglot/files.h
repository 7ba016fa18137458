/*
 * files.h: small file-system steps more than one layer takes.
 */
#ifndef DIGLOT_FILES_H
#define DIGLOT_FILES_H

#include "diglot/common.h"

/* Create the missing folders above path, each 0700 whatever the umask
 * (the library and the state dir are the user's own). */
enum dg_status files_make_parents(const char *path, char **cause);

/* At most max bytes of the file at path, NUL-terminated (*len counts
 * without the NUL); NULL with errno set when it cannot be opened.  Caller
 * frees. */
char *files_read(const char *path, size_t max, size_t *len);

#endif
