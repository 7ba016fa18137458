/*
 * ui_prompt.c: the '/' search prompt on the bottom line.  UTF-8 editing
 * by whole characters; the list follows the text as the user types,
 * debounced so a fast typist does not run a query per key.  Enter keeps
 * the results, Esc brings back the list that was there before.
 */
#include "ui_int.h"

#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "diglot/width.h"
#include "ui_draw.h"

#define SEARCH_DEBOUNCE_MS 150

int prompt_start(struct ui *ui)
{
	ui->prompting = true;
	sbuf_truncate(&ui->edit, 0);
	sbuf_addstr(&ui->edit, "");
	ui->edit_pos = 0;
	free(ui->saved_query);
	ui->saved_query = ui->query ? xstrdup(ui->query) : NULL;
	ui->saved_cur = ui->list_sc.cur;
	ui->search_pending = false;
	curs_set(1);
	return R_DRAW;
}

static void prompt_end(struct ui *ui)
{
	ui->prompting = false;
	ui->search_pending = false;
	curs_set(0);
}

static size_t prev_char(const struct ui *ui, size_t pos)
{
	const uint8_t *s = (const uint8_t *)ui->edit.s;
	const uint8_t *p = pos ? u8_prev(&(ucs4_t){0}, s + pos, s) : NULL;
	return p ? (size_t)(p - s) : 0;
}

static size_t next_char(const struct ui *ui, size_t pos)
{
	ucs4_t uc;
	if (pos >= ui->edit.len)
		return ui->edit.len;
	int n = u8_mbtouc(&uc, (const uint8_t *)ui->edit.s + pos, ui->edit.len - pos);
	return pos + (size_t)MAX(1, n);
}

static void edit_delete(struct ui *ui, size_t from, size_t to)
{
	memmove(ui->edit.s + from, ui->edit.s + to, ui->edit.len - to + 1);
	ui->edit.len -= to - from;
	ui->edit_pos = from;
}

static void edit_insert(struct ui *ui, int code)
{
	uint8_t u[8];
	int n = u8_uctomb(u, (ucs4_t)code, sizeof u);
	if (n <= 0 || ui->edit.len > 1000)
		return;
	size_t tail = ui->edit.len - ui->edit_pos;
	sbuf_add(&ui->edit, (const char *)u, (size_t)n); /* grow; then shift the tail */
	memmove(ui->edit.s + ui->edit_pos + n, ui->edit.s + ui->edit_pos, tail);
	memcpy(ui->edit.s + ui->edit_pos, u, (size_t)n);
	ui->edit_pos += (size_t)n;
}

static int changed(struct ui *ui)
{
	ui->search_pending = true;
	ui->edit_time_ms = ui_now_ms();
	return R_DRAW;
}

int prompt_key(struct ui *ui, int code)
{
	switch (code) {
	case KEYC_ENTER:
		/* The results typed so far are already shown (prompt_idle ran
		 * this very query): keep them rather than search again. */
		if (ui->mode == MODE_LIST && !ui->search_pending && ui->edit.len && ui->query &&
		    strcmp(ui->query, sbuf_str(&ui->edit)) == 0) {
			prompt_end(ui);
			ui->focus = FOCUS_LIST;
			return R_DRAW;
		}
		prompt_end(ui);
		list_set_query(ui, sbuf_str(&ui->edit));
		if (ui->mode == MODE_PAGER)
			pager_handle(ui, REQ_FIND_NEXT);
		else
			ui->focus = FOCUS_LIST;
		return R_DRAW;
	case KEYC_ESC:
	case KEYC_CTRL('g'):
		prompt_end(ui);
		if (ui->mode == MODE_LIST) {
			list_set_query(ui, ui->saved_query);
			ui->list_sc.cur = ui->saved_cur;
			list_reload(ui);
		}
		msg_set(ui, false, "%s", "");
		return R_DRAW;
	case KEYC_BACKSPACE:
	case 0x7f:
	case KEYC_CTRL('h'):
		if (ui->edit_pos == 0) {
			if (ui->edit.len == 0)
				return prompt_key(ui, KEYC_ESC);
			return R_NONE;
		}
		edit_delete(ui, prev_char(ui, ui->edit_pos), ui->edit_pos);
		return changed(ui);
	case KEYC_DELETE:
		if (ui->edit_pos < ui->edit.len)
			edit_delete(ui, ui->edit_pos, next_char(ui, ui->edit_pos));
		return changed(ui);
	case KEYC_CTRL('u'):
		edit_delete(ui, 0, ui->edit_pos);
		return changed(ui);
	case KEYC_CTRL('w'): {
		size_t p = ui->edit_pos;
		while (p && ui->edit.s[p - 1] == ' ')
			p--;
		while (p && ui->edit.s[p - 1] != ' ')
			p = prev_char(ui, p);
		edit_delete(ui, p, ui->edit_pos);
		return changed(ui);
	}
	case KEYC_LEFT: ui->edit_pos = prev_char(ui, ui->edit_pos); return R_DRAW;
	case KEYC_RIGHT: ui->edit_pos = next_char(ui, ui->edit_pos); return R_DRAW;
	case KEYC_HOME: case KEYC_CTRL('a'): ui->edit_pos = 0; return R_DRAW;
	case KEYC_END: case KEYC_CTRL('e'): ui->edit_pos = ui->edit.len; return R_DRAW;
	default:
		if (code >= 0x20 && code < KEYC_BASE && code != 0x7f && !(code >= 0x80 && code < 0xa0)) {
			edit_insert(ui, code);
			return changed(ui);
		}
		return R_NONE;
	}
}

/* Called when no key came for a while: run the search once typing pauses. */
int prompt_idle(struct ui *ui)
{
	if (!ui->prompting || !ui->search_pending || ui->mode != MODE_LIST)
		return R_NONE;
	if (ui_now_ms() - ui->edit_time_ms < SEARCH_DEBOUNCE_MS)
		return R_NONE;
	ui->search_pending = false;
	list_set_query(ui, ui->edit.len ? sbuf_str(&ui->edit) : ui->saved_query);
	return R_DRAW;
}

void prompt_draw(struct ui *ui)
{
	int y = ui->rows - 1, w = ui->cols;
	attr_t a = draw_attr(ui, EL_PROMPT);
	const char *text = sbuf_str(&ui->edit);
	/* Scroll the text left when the cursor would fall off the line. */
	int before = width_of(text, ui->edit_pos);
	size_t start = 0;
	while (before > w - 3 && start < ui->edit_pos) {
		size_t nx = next_char(ui, start);
		before -= width_of(text + start, nx - start);
		start = nx;
	}
	draw_text(ui, y, 0, "/", 1, 1, a, NULL, 0, 0, false);
	draw_text(ui, y, 1, text + start, ui->edit.len - start, w - 1, a, NULL, 0, 0, true);
	move(y, 1 + before);
}
