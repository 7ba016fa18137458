/*
 * ui_flag.c: the one place the reader changes read and bookmark flags.
 * The store commits the change before it returns, so a crash after it
 * loses nothing.
 */
#include "ui_int.h"

#include "ui_flag.h"
#include "ui_msg.h"

static const char *flag_message(enum store_flag flag, bool now)
{
	if (flag == FLAG_READ)
		return now ? "marked read" : "marked unread";
	return now ? "bookmarked" : "bookmark removed";
}

int flag_set(struct ui *ui, int64_t id, enum store_flag flag, int to)
{
	bool now;
	/* Only a toggle is the user's own request: opening an article marks
	 * it read without a word, and without one when that fails. */
	bool say = to < 0;
	if (store_set_flag(ui->st, id, flag, to, &now) != DG_OK) {
		if (say)
			msg_set(ui, true, "%s", store_error(ui->st));
		return R_DRAW;
	}
	if (say)
		msg_set(ui, false, "%s", flag_message(flag, now));
	ui->flagged = (struct flag_change){id, flag, now};
	return R_FLAGGED | R_DRAW;
}
