/*
 * ui_msg.h: the message line, the screen's last line whenever the search
 * prompt does not hold it.  Any screen or helper may set it; the loop
 * paints it.
 */
#ifndef DIGLOT_UI_MSG_H
#define DIGLOT_UI_MSG_H

#include "diglot/common.h"

#define MSG_SHOW_MS 5000

struct ui;

struct msgline {
	char text[512];
	bool error;     /* painted in the theme's error colour */
	int64_t set_ms; /* when it was set (monotonic), for msg_expired */
};

void msg_set(struct ui *ui, bool error, const char *fmt, ...) DG_PRINTF(3, 4);
/* Empty the line: a message answers one key, the next one clears it. */
void msg_clear(struct ui *ui);
/* A note (not an error) shown for MSG_SHOW_MS is cleared: true when it
 * was, so the loop repaints.  Errors wait for a key: they matter. */
bool msg_expired(struct ui *ui, int64_t now_ms);
void msg_draw(struct ui *ui);

#endif
