/*
 * ui_scroll.h: one cursor and one view over a list of lines, for every
 * list-like screen (tig's move_view).  A list moves its cursor and the
 * view follows; a text screen (pager, help) has no cursor and moves the
 * view itself.  Positions are absolute: the lines need not be in memory.
 */
#ifndef DIGLOT_UI_SCROLL_H
#define DIGLOT_UI_SCROLL_H

#include "diglot/common.h"
#include "diglot/keys.h"

struct scroll {
	int64_t cur;   /* the cursor's line (unused by text screens) */
	int64_t top;   /* the first line shown */
	int64_t count; /* lines in all; <= 0 when there are none */
	int page;      /* lines shown: the screen sets it before moving or painting */
	int overlap;   /* lines of the old page a page move keeps in view */
};

/* How far request r moves (down positive): a line, a page, or past either
 * end for first and last; 0 when r is not a move. */
int64_t scroll_delta(const struct scroll *s, enum request r);
/* Move the cursor by request r, the view with it on a page move, and keep
 * both in range.  False when r is not a move. */
bool scroll_cursor(struct scroll *s, enum request r);
/* Move the view by request r (a screen without a cursor).  False when r
 * is not a move. */
bool scroll_view(struct scroll *s, enum request r);
/* Keep the cursor on a line and in view. */
void scroll_follow(struct scroll *s);
/* No blank lines after the last one while earlier lines are hidden. */
void scroll_clamp(struct scroll *s);

#endif
