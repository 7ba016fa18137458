/*
 * ui_prompt.c: the '/' search prompt on the bottom line.  UTF-8 editing
 * by whole characters.  A screen with live search follows the text as the
 * user types, debounced so a fast typist does not run a query per key;
 * Enter keeps the results, Esc brings back the search that was there
 * before.  The prompt only reports these events: the loop applies them.
 */
#include "ui_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "diglot/width.h"
#include "ui_draw.h"
#include "ui_prompt.h"

#define SEARCH_DEBOUNCE_MS 150

void prompt_free(struct prompt *p)
{
	sbuf_free(&p->edit);
	xfree(&p->saved_query);
	xfree(&p->draft);
	history_free(&p->hist);
}

/* Open the prompt empty, with no history: prompt_ask's path or command. */
static void prompt_open(struct prompt *p, const char *query)
{
	p->on = true;
	p->req = REQ_SEARCH;
	snprintf(p->label, sizeof p->label, "/");
	sbuf_truncate(&p->edit, 0);
	sbuf_addstr(&p->edit, ""); /* edit.s is a string even before the first key */
	p->pos = 0;
	free(p->saved_query);
	p->saved_query = query ? xstrdup(query) : NULL;
	p->pending = false;
	history_free(&p->hist);
	p->hist_pos = 0;
	xfree(&p->draft);
	curs_set(1);
}

int prompt_start(struct prompt *p, const char *query)
{
	prompt_open(p, query);
	/* Read on every opening: another reader may have added to it. */
	char *path = history_path();
	history_load(&p->hist, path);
	free(path);
	p->hist_pos = p->hist.n;
	return R_DRAW;
}

enum dg_status prompt_remember(struct prompt *p, char **cause)
{
	char *path = history_path();
	if (!path || !p->edit.len) {
		free(path);
		return DG_OK;
	}
	history_load(&p->hist, path);
	history_add(&p->hist, sbuf_str(&p->edit));
	enum dg_status rc = history_save(&p->hist, path, cause);
	free(path);
	return rc;
}

int prompt_ask(struct prompt *p, enum request r, const char *label, const char *initial)
{
	prompt_open(p, NULL);
	p->req = r;
	snprintf(p->label, sizeof p->label, "%s", label);
	sbuf_addstr(&p->edit, initial ? initial : "");
	p->pos = p->edit.len;
	return R_DRAW;
}

/* Close the prompt.  pending stays as it was: prompt_shown asks it after. */
static void prompt_end(struct prompt *p)
{
	p->on = false;
	curs_set(0);
}

static size_t prev_char(const struct prompt *p, size_t pos)
{
	const uint8_t *s = (const uint8_t *)p->edit.s;
	const uint8_t *q = pos ? u8_prev(&(ucs4_t){0}, s + pos, s) : NULL;
	return q ? (size_t)(q - s) : 0;
}

static size_t next_char(const struct prompt *p, size_t pos)
{
	ucs4_t uc;
	if (pos >= p->edit.len)
		return p->edit.len;
	int n = u8_mbtouc(&uc, (const uint8_t *)p->edit.s + pos, p->edit.len - pos);
	return pos + (size_t)MAX(1, n);
}

static void edit_delete(struct prompt *p, size_t from, size_t to)
{
	memmove(p->edit.s + from, p->edit.s + to, p->edit.len - to + 1);
	p->edit.len -= to - from;
	p->pos = from;
}

static void edit_insert(struct prompt *p, int code)
{
	uint8_t u[8];
	int n = u8_uctomb(u, (ucs4_t)code, sizeof u);
	if (n <= 0 || p->edit.len > 1000)
		return;
	size_t tail = p->edit.len - p->pos;
	sbuf_add(&p->edit, (const char *)u, (size_t)n); /* grow; then shift the tail */
	memmove(p->edit.s + p->pos + n, p->edit.s + p->pos, tail);
	memcpy(p->edit.s + p->pos, u, (size_t)n);
	p->pos += (size_t)n;
}

static enum prompt_event changed(struct prompt *p, int64_t now_ms)
{
	p->pending = true;
	p->edit_ms = now_ms;
	return PROMPT_EDITED;
}

/* Keys that edit the text; PROMPT_NONE for any other. */
static enum prompt_event edit_key(struct prompt *p, int code, int64_t now_ms)
{
	switch (code) {
	case KEYC_DELETE:
		if (p->pos < p->edit.len)
			edit_delete(p, p->pos, next_char(p, p->pos));
		return changed(p, now_ms);
	/* As readline: C-u kills to the start of the line, C-k to its end. */
	case KEYC_CTRL('u'):
		edit_delete(p, 0, p->pos);
		return changed(p, now_ms);
	case KEYC_CTRL('k'): {
		size_t at = p->pos;
		edit_delete(p, p->pos, p->edit.len);
		p->pos = at;
		return changed(p, now_ms);
	}
	case KEYC_CTRL('w'): {
		size_t q = p->pos;
		while (q && p->edit.s[q - 1] == ' ')
			q--;
		while (q && p->edit.s[q - 1] != ' ')
			q = prev_char(p, q);
		edit_delete(p, q, p->pos);
		return changed(p, now_ms);
	}
	default:
		if (code >= 0x20 && code < KEYC_BASE && code != 0x7f && !(code >= 0x80 && code < 0xa0)) {
			edit_insert(p, code);
			return changed(p, now_ms);
		}
		return PROMPT_NONE;
	}
}

static void set_text(struct prompt *p, const char *text)
{
	sbuf_truncate(&p->edit, 0);
	sbuf_addstr(&p->edit, text);
	p->pos = p->edit.len;
}

/* Up and Down walk the history as readline does: the user's own text is
 * kept aside and comes back below the newest entry. */
static enum prompt_event history_key(struct prompt *p, int dir, int64_t now_ms)
{
	if ((dir < 0 && p->hist_pos == 0) || (dir > 0 && p->hist_pos >= p->hist.n))
		return PROMPT_NONE;
	if (p->hist_pos == p->hist.n) {
		free(p->draft);
		p->draft = xstrdup(sbuf_str(&p->edit));
	}
	p->hist_pos = dir < 0 ? p->hist_pos - 1 : p->hist_pos + 1;
	set_text(p, p->hist_pos < p->hist.n ? p->hist.items[p->hist_pos] : p->draft ? p->draft : "");
	return changed(p, now_ms);
}

/* Keys that move the cursor in the text; false for any other. */
static bool move_key(struct prompt *p, int code)
{
	switch (code) {
	case KEYC_LEFT: p->pos = prev_char(p, p->pos); return true;
	case KEYC_RIGHT: p->pos = next_char(p, p->pos); return true;
	case KEYC_HOME: case KEYC_CTRL('a'): p->pos = 0; return true;
	case KEYC_END: case KEYC_CTRL('e'): p->pos = p->edit.len; return true;
	default: return false;
	}
}

enum prompt_event prompt_key(struct prompt *p, int code, int64_t now_ms)
{
	switch (code) {
	case KEYC_ENTER:
		prompt_end(p);
		return PROMPT_ENTER;
	case KEYC_ESC:
	case KEYC_CTRL('g'):
		prompt_end(p);
		return PROMPT_CANCEL;
	case KEYC_BACKSPACE:
	case 0x7f:
	case KEYC_CTRL('h'):
		if (p->pos == 0) {
			if (p->edit.len == 0)
				return prompt_key(p, KEYC_ESC, now_ms);
			return PROMPT_NONE;
		}
		edit_delete(p, prev_char(p, p->pos), p->pos);
		return changed(p, now_ms);
	case KEYC_UP:
	case KEYC_CTRL('p'):
		return history_key(p, -1, now_ms);
	case KEYC_DOWN:
	case KEYC_CTRL('n'):
		return history_key(p, 1, now_ms);
	default:
		return move_key(p, code) ? PROMPT_EDITED : edit_key(p, code, now_ms);
	}
}

bool prompt_due(struct prompt *p, int64_t now_ms, const char **text)
{
	if (!p->on || !p->pending || now_ms - p->edit_ms < SEARCH_DEBOUNCE_MS)
		return false;
	p->pending = false;
	*text = p->edit.len ? sbuf_str(&p->edit) : p->saved_query;
	return true;
}

bool prompt_waiting(const struct prompt *p)
{
	return p->on && p->pending;
}

bool prompt_shown(const struct prompt *p, const char *query)
{
	return !p->pending && p->edit.len && query && strcmp(query, sbuf_str(&p->edit)) == 0;
}

const char *prompt_text(const struct prompt *p)
{
	return sbuf_str(&p->edit);
}

const char *prompt_saved(const struct prompt *p)
{
	return p->saved_query;
}

void prompt_draw(struct ui *ui)
{
	const struct prompt *p = &ui->prompt;
	int y = ui->rows - 1, w = ui->cols;
	attr_t a = draw_attr(ui, EL_PROMPT);
	const char *text = sbuf_str(&p->edit);
	/* Scroll the text left when the cursor would fall off the line. */
	int lw = width_cstr(p->label);
	int before = width_of(text, p->pos);
	size_t start = 0;
	while (before > w - lw - 2 && start < p->pos) {
		size_t nx = next_char(p, start);
		before -= width_of(text + start, nx - start);
		start = nx;
	}
	draw_text(ui, y, 0, p->label, strlen(p->label), lw, a, NULL, 0, 0, false);
	draw_text(ui, y, lw, text + start, p->edit.len - start, w - lw, a, NULL, 0, 0, true);
	move(y, lw + before);
}
