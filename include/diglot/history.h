/*
 * history.h: the search prompt's history, one search a line in
 * $XDG_STATE_HOME/diglot/history (~/.local/state/diglot/history).  The
 * newest search is last; at most HISTORY_MAX are kept, never the same
 * search twice in a row.  The file is outside bytes: each line is cleaned
 * (utf8_clean_line) as it is read, and written whole to a temporary file
 * renamed over the old one, so a crash or a full disk never leaves half a
 * history.
 */
#ifndef DIGLOT_HISTORY_H
#define DIGLOT_HISTORY_H

#include "diglot/common.h"

#define HISTORY_MAX 100

struct history {
	char **items; /* oldest first */
	size_t n, cap;
};

/* $XDG_STATE_HOME/diglot/history, else ~/.local/state/diglot/history;
 * NULL when neither is set.  Caller frees. */
char *history_path(void);

/* Replace h's entries with those of text (the file's bytes). */
void history_parse(struct history *h, const char *text, size_t len);
/* history_parse of the file at path; a missing or unreadable file is an
 * empty history (a history is a convenience, never a reason to fail). */
void history_load(struct history *h, const char *path);
/* Append entry (cleaned; ignored when empty or the same as the newest),
 * dropping the oldest beyond HISTORY_MAX. */
void history_add(struct history *h, const char *entry);
/* Write h to path (its folders made 0700): a temporary file beside it,
 * then rename.  DG_ERR with *cause when that fails; path is untouched. */
enum dg_status history_save(const struct history *h, const char *path, char **cause);
void history_free(struct history *h);

#endif
