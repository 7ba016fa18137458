/*
 * ui_msg.c: the message line.  Text is formatted here and made safe when
 * painted (draw_text), so callers may pass store errors and URLs as they
 * come.
 */
#include "ui_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "ui_draw.h"
#include "ui_msg.h"

void msg_set(struct ui *ui, bool error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(ui->msg.text, sizeof ui->msg.text, fmt, ap);
	va_end(ap);
	ui->msg.error = error;
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	ui->msg.set_ms = (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void msg_clear(struct ui *ui)
{
	ui->msg.text[0] = '\0';
	ui->msg.error = false;
}

bool msg_expired(struct ui *ui, int64_t now_ms)
{
	if (!ui->msg.text[0] || ui->msg.error || now_ms - ui->msg.set_ms < MSG_SHOW_MS)
		return false;
	msg_clear(ui);
	return true;
}

void msg_draw(struct ui *ui)
{
	attr_t a = ui->msg.error ? draw_attr(ui, EL_ERROR) : A_NORMAL;
	draw_text(ui, ui->rows - 1, 0, ui->msg.text, strlen(ui->msg.text), ui->cols, a, NULL, 0, 0, true);
}
