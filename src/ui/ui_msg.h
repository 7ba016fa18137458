/*
 * ui_msg.h: the message line, the screen's last line whenever the search
 * prompt does not hold it.  Any screen or helper may set it; the loop
 * paints it.
 */
#ifndef DIGLOT_UI_MSG_H
#define DIGLOT_UI_MSG_H

#include "diglot/common.h"

struct ui;

struct msgline {
	char text[512];
	bool error; /* painted in the theme's error colour */
};

void msg_set(struct ui *ui, bool error, const char *fmt, ...) DG_PRINTF(3, 4);
void msg_draw(struct ui *ui);

#endif
