/*
 * ui_pager.c: one article on screen.  layout.c turns the article into
 * lines for the width (the same lines `diglot show` prints); the pager
 * paints them by role, colours the side-by-side divider, highlights the
 * words of the current search, and lays out again on resize or `t`.
 */
#include "ui_int.h"

#include <stdlib.h>
#include <string.h>

#include "diglot/width.h"
#include "ui_draw.h"
#include "ui_url.h"

static const int view_cycle[] = {VIEW_SIDE, VIEW_ORIGINAL, VIEW_LEFT, VIEW_RIGHT};

static void pager_layout(struct ui *ui)
{
	int w = MAX(20, ui->cols);
	int view = ui->view;
	if (!ui->art.lang2[0] && view != VIEW_AUTO)
		view = VIEW_ORIGINAL; /* one language: nothing to split */
	layout_article(&ui->lay, &ui->art, (enum layout_view)view, w);
	ui->lay_width = ui->cols;
}

int pager_open(struct ui *ui, int64_t id)
{
	pager_close(ui);
	if (store_get(ui->st, id, &ui->art, &ui->meta) != DG_OK) {
		msg_set(ui, true, "%s", store_error(ui->st));
		return R_DRAW;
	}
	ui->art_loaded = true;
	ui->view = ui->set.view;
	ui->pager_sc = (struct scroll){.overlap = 1}; /* a page keeps one line of the last */
	ui->mode = MODE_PAGER;
	pager_layout(ui);
	int res = R_DRAW;
	if (ui->set.mark_read_on_open && !ui->meta.read)
		res |= flag_set(ui, id, FLAG_READ, 1);
	return res;
}

void pager_close(struct ui *ui)
{
	if (!ui->art_loaded)
		return;
	article_free(&ui->art);
	store_meta_free(&ui->meta);
	layout_free(&ui->lay);
	ui->art_loaded = false;
}

static enum theme_element role_element(int role)
{
	switch (role) {
	case LINE_TITLE: return EL_TITLE;
	case LINE_META: return EL_META;
	case LINE_HEADER: return EL_HEADER;
	case LINE_RULE: return EL_RULE;
	case LINE_HEADING: return EL_HEADING;
	default: return EL_BODY;
	}
}

/* Byte offset in s of display column col (the divider's place). */
static size_t column_offset(const char *s, int col)
{
	int used;
	return width_fit(s, strlen(s), col, &used);
}

static void pager_line(struct ui *ui, int y, const struct layout_line *l, size_t **hl, size_t *cap)
{
	attr_t a = draw_attr(ui, role_element(l->role));
	attr_t match = draw_attr(ui, EL_SEARCH_MATCH);
	size_t len = strlen(l->text);
	size_t n = draw_matches(ui->query, l->text, len, hl, cap);
	draw_text(ui, y, 0, l->text, len, ui->cols, a, *hl, n, match, true);
	if (l->divider >= 0 && l->divider < ui->cols) {
		/* Repaint the divider cell in its own colour. */
		size_t off = column_offset(l->text, l->divider);
		int used;
		size_t cl = off < len ? width_fit(l->text + off, len - off, 1, &used) : 0;
		if (cl && l->text[off] != ' ')
			draw_text(ui, y, l->divider, l->text + off, cl, 1, draw_attr(ui, EL_DIVIDER), NULL, 0, 0,
			          false);
		else
			draw_text(ui, y, l->divider, ui->utf8 ? "\xe2\x94\x82" : "|", ui->utf8 ? 3 : 1, 1,
			          draw_attr(ui, EL_DIVIDER), NULL, 0, 0, false);
	}
}

/* The view over the laid-out lines, for the current terminal size. */
static struct scroll *pager_scroll(struct ui *ui)
{
	ui->pager_sc.count = (int64_t)ui->lay.n;
	ui->pager_sc.page = ui_body_rows(ui);
	scroll_clamp(&ui->pager_sc);
	return &ui->pager_sc;
}

void pager_draw(struct ui *ui)
{
	if (ui->lay_width != ui->cols)
		pager_layout(ui);
	int h = ui_body_rows(ui);
	int64_t top = pager_scroll(ui)->top;
	size_t *hl = NULL, cap = 0;
	for (int y = 0; y < h; y++) {
		size_t i = (size_t)top + (size_t)y;
		if (i < ui->lay.n)
			pager_line(ui, 1 + y, &ui->lay.lines[i], &hl, &cap);
		else
			draw_fill(1 + y, 0, ui->cols, A_NORMAL);
	}
	free(hl);
}

/* The next (dir 1) or previous (-1) line holding a match of the search. */
static int pager_find(struct ui *ui, int dir)
{
	if (!ui->query) {
		msg_set(ui, true, "no search: press / first");
		return R_DRAW;
	}
	size_t *hl = NULL, cap = 0;
	for (int i = (int)ui->pager_sc.top + dir; i >= 0 && i < (int)ui->lay.n; i += dir) {
		const char *t = ui->lay.lines[i].text;
		if (draw_matches(ui->query, t, strlen(t), &hl, &cap)) {
			free(hl);
			ui->pager_sc.top = i;
			msg_set(ui, false, "match at line %d", i + 1);
			return R_DRAW;
		}
	}
	free(hl);
	msg_set(ui, true, "no more matches for '%s'", ui->query);
	return R_DRAW;
}

static int pager_cycle_view(struct ui *ui)
{
	if (!ui->art.lang2[0]) {
		msg_set(ui, false, "one language: a single view");
		return R_DRAW;
	}
	int cur = ui->lay.view, next = view_cycle[0];
	for (size_t i = 0; i < ARRAY_SIZE(view_cycle); i++)
		if (view_cycle[i] == cur)
			next = view_cycle[(i + 1) % ARRAY_SIZE(view_cycle)];
	ui->view = next;
	pager_layout(ui);
	pager_scroll(ui);
	msg_set(ui, false, "view: %s", layout_view_name(ui->lay.view));
	return R_DRAW;
}

void pager_flag_changed(struct ui *ui)
{
	const struct flag_change *c = &ui->flagged;
	if (!ui->art_loaded || c->id != ui->meta.id)
		return;
	if (c->flag == FLAG_READ)
		ui->meta.read = c->now;
	else
		ui->meta.bookmarked = c->now;
}

int pager_handle(struct ui *ui, enum request r)
{
	if (scroll_view(pager_scroll(ui), r))
		return R_DRAW;
	switch (r) {
	case REQ_BACK:
	case REQ_FOCUS_SIDEBAR:
		pager_close(ui);
		ui->mode = MODE_LIST;
		return R_DRAW;
	case REQ_FIND_NEXT: return pager_find(ui, 1);
	case REQ_FIND_PREV: return pager_find(ui, -1);
	case REQ_VIEW: return pager_cycle_view(ui);
	case REQ_BOOKMARK: return flag_set(ui, ui->meta.id, FLAG_BOOKMARKED, -1);
	case REQ_READ: return flag_set(ui, ui->meta.id, FLAG_READ, -1);
	case REQ_COPY_URL: return url_copy(ui, ui->art.url);
	case REQ_OPEN_URL: return url_open(ui, ui->art.url);
	default: return R_NONE;
	}
}
