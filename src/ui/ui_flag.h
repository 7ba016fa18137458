/*
 * ui_flag.h: an article's read and bookmark flags, changed from any
 * screen through one function.  The change is left in ui->flagged and
 * returned as R_FLAGGED; the loop then lets every open screen follow it
 * (the list's row and counts, the pager's status), so no screen calls
 * another.
 */
#ifndef DIGLOT_UI_FLAG_H
#define DIGLOT_UI_FLAG_H

#include "diglot/store.h"

struct ui;

struct flag_change {
	int64_t id;
	enum store_flag flag;
	bool now; /* the flag's new value */
};

/* Set article id's flag to `to` (1 or 0), or toggle it (-1) and say so on
 * the message line.  R_FLAGGED | R_DRAW when the store took it; R_DRAW
 * alone when it failed (a toggle shows the store's error). */
int flag_set(struct ui *ui, int64_t id, enum store_flag flag, int to);

#endif
