/*
 * ui_confirm.h: asking before a request that cannot be undone (delete,
 * mark a whole group read).  The handler asks and returns; the loop takes
 * the next key as the answer and, on y, hands the same request to the
 * same screen again with confirm_given() true.  So no screen waits in a
 * loop of its own, and the question never blocks the library's polling.
 */
#ifndef DIGLOT_UI_CONFIRM_H
#define DIGLOT_UI_CONFIRM_H

#include "diglot/common.h"
#include "diglot/keys.h"

struct ui;

struct confirm {
	bool on;          /* a question is waiting for its answer */
	bool given;       /* the request runs again, answered yes */
	enum request req; /* the request asked about */
};

/* Ask the question (a printf format) on the message line; R_DRAW. */
int confirm_ask(struct ui *ui, enum request req, const char *fmt, ...) DG_PRINTF(3, 4);
/* The request being handled was answered yes. */
bool confirm_given(const struct ui *ui);

#endif
