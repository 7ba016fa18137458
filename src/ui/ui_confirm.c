/*
 * ui_confirm.c: the y/n question (ui_confirm.h).  The loop in ui.c reads
 * the answer; this file only asks and tells.
 */
#include "ui_int.h"

#include <stdarg.h>
#include <stdio.h>

#include "ui_confirm.h"
#include "ui_msg.h"

int confirm_ask(struct ui *ui, enum request req, const char *fmt, ...)
{
	char q[400];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(q, sizeof q, fmt, ap);
	va_end(ap);
	msg_set(ui, false, "%s (y/n)", q);
	ui->confirm = (struct confirm){true, false, req};
	return R_DRAW;
}

bool confirm_given(const struct ui *ui)
{
	return ui->confirm.given;
}
