/*
 * ui_list.c: the sidebar of groups and the article list.  The list is a
 * window of rows over store_list (keyset pagination), refetched only when
 * the visible part leaves it, so its cost never grows with the library.
 * Sidebar counts come from store_stats and store_groups (maintained
 * aggregates).
 */
#include "ui_int.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "diglot/langid.h"
#include "diglot/utf8.h"
#include "diglot/width.h"
#include "ui_draw.h"
#include "ui_url.h"

static const char *const order_names[] = {"date", "title", "source"};

/* ---- sidebar ---------------------------------------------------------- */

static void sb_clear(struct ui *ui)
{
	for (size_t i = 0; i < ui->nsb; i++) {
		free(ui->sb[i].name);
		free(ui->sb[i].label);
	}
	ui->nsb = 0;
}

static void sb_add(struct ui *ui, enum sb_kind kind, const char *name, char *label,
                   int64_t total, int64_t unread)
{
	xgrow(&ui->sb, &ui->capsb, ui->nsb + 1, sizeof *ui->sb);
	ui->sb[ui->nsb++] = (struct sb_item){kind, name ? xstrdup(name) : NULL, label, total, unread};
}

static int sb_add_group(void *ctx, const struct store_group_row *g)
{
	struct ui *ui = ctx;
	bool lang = ui->nsb && ui->sb[ui->nsb - 1].kind != SB_SOURCE &&
	            !(ui->sb[ui->nsb - 1].kind == SB_HEADING && ui->sb[ui->nsb - 1].name);
	char *label;
	if (lang)
		label = xasprintf("%s %s", langid_native_name(g->name), g->name);
	else
		label = xstrdup(g->name[0] ? g->name : "(no source)");
	sb_add(ui, lang ? SB_LANG : SB_SOURCE, g->name, label, g->total, g->unread);
	return 0;
}

void sidebar_load(struct ui *ui)
{
	struct store_stats s = {0};
	store_stats(ui->st, &s);
	sb_clear(ui);
	sb_add(ui, SB_ALL, NULL, xstrdup("All"), s.articles, s.unread);
	sb_add(ui, SB_UNREAD, NULL, xstrdup("Unread"), s.unread, -1);
	sb_add(ui, SB_BOOKMARKED, NULL, xstrdup("Bookmarked"), s.bookmarked, -1);
	sb_add(ui, SB_HEADING, NULL, xstrdup("Languages"), -1, -1);
	store_groups(ui->st, GROUP_LANG, sb_add_group, ui);
	/* A heading with a name marks the start of the sources for sb_add_group. */
	sb_add(ui, SB_HEADING, "sources", xstrdup("Sources"), -1, -1);
	store_groups(ui->st, GROUP_SOURCE, sb_add_group, ui);
	sb_add(ui, SB_HEADING, NULL, xstrdup(""), -1, -1);
	sb_add(ui, SB_BILINGUAL, NULL, xstrdup("Bilingual"), s.bilingual, -1);
	/* Find the active group again by kind and name. */
	ui->sb_active = 0;
	for (size_t i = 0; i < ui->nsb; i++)
		if (ui->sb[i].kind == ui->group_kind &&
		    (!ui->group_name || (ui->sb[i].name && !strcmp(ui->sb[i].name, ui->group_name))))
			ui->sb_active = (int)i;
	if (ui->sb_sc.cur >= (int64_t)ui->nsb)
		ui->sb_sc.cur = ui->sb_active;
}

static void group_filter(struct ui *ui)
{
	struct store_filter f = STORE_FILTER_ALL;
	switch (ui->group_kind) {
	case SB_UNREAD: f.read = 0; break;
	case SB_BOOKMARKED: f.bookmarked = true; break;
	case SB_LANG: f.lang = ui->group_name; break;
	case SB_SOURCE: f.source = ui->group_name; break;
	case SB_BILINGUAL: f.bilingual = true; break;
	default: break;
	}
	f.query = ui->query;
	ui->filter = f;
}

static void sidebar_draw(struct ui *ui, int w)
{
	int h = ui_body_rows(ui);
	ui->sb_sc.count = (int64_t)ui->nsb;
	ui->sb_sc.page = h;
	scroll_follow(&ui->sb_sc);
	attr_t base = draw_attr(ui, EL_SIDEBAR);
	for (int y = 0; y < h; y++) {
		int i = (int)ui->sb_sc.top + y;
		if (i >= (int)ui->nsb) {
			draw_fill(1 + y, 0, w - 1, base);
			continue;
		}
		const struct sb_item *it = &ui->sb[i];
		attr_t a = base;
		if (it->kind == SB_HEADING)
			a = draw_attr(ui, EL_SIDEBAR_HEADING);
		if (i == ui->sb_sc.cur && ui->focus == FOCUS_SIDEBAR)
			a = draw_attr(ui, EL_SIDEBAR_SELECTED);
		else if (i == ui->sb_active)
			a |= A_BOLD;
		char count[48] = "";
		if (it->total >= 0 && it->unread >= 0)
			snprintf(count, sizeof count, "%lld/%lld", (long long)it->total, (long long)it->unread);
		else if (it->total >= 0)
			snprintf(count, sizeof count, "%lld", (long long)it->total);
		struct sbuf b = SBUF_INIT;
		int cw = (int)strlen(count);
		int indent = (it->kind == SB_LANG || it->kind == SB_SOURCE) ? 2 : 0;
		int lw = w - 2 - indent - (cw ? cw + 1 : 0);
		sbuf_addc(&b, i == ui->sb_active ? '>' : ' ');
		sbuf_pad(&b, (size_t)indent);
		if (lw > 0)
			width_append_cell(&b, it->label, strlen(it->label), lw);
		if (cw)
			sbuf_addf(&b, " %s", count);
		draw_text(ui, 1 + y, 0, b.s, b.len, w - 1, a, NULL, 0, 0, true);
		sbuf_free(&b);
	}
	/* The vertical line between the sidebar and the list. */
	attr_t d = draw_attr(ui, EL_DIVIDER);
	for (int y = 0; y < h; y++)
		draw_text(ui, 1 + y, w - 1, ui->utf8 ? "\xe2\x94\x82" : "|", ui->utf8 ? 3 : 1, 1, d,
		          NULL, 0, 0, false);
}

/* Move the selection by steps groups, over the headings. */
static int sidebar_move(struct ui *ui, int64_t steps)
{
	int dir = steps < 0 ? -1 : 1;
	int i = (int)ui->sb_sc.cur;
	for (steps = steps < 0 ? -steps : steps; steps > 0; steps--) {
		int j = i + dir;
		while (j >= 0 && j < (int)ui->nsb && ui->sb[j].kind == SB_HEADING)
			j += dir;
		if (j < 0 || j >= (int)ui->nsb)
			break;
		i = j;
	}
	ui->sb_sc.cur = i;
	return R_DRAW;
}

static void rows_clear(struct ui *ui);

static int sidebar_activate(struct ui *ui)
{
	const struct sb_item *it = &ui->sb[ui->sb_sc.cur];
	ui->group_kind = it->kind;
	free(ui->group_name);
	ui->group_name = it->name ? xstrdup(it->name) : NULL;
	ui->sb_active = (int)ui->sb_sc.cur;
	ui->focus = FOCUS_LIST;
	ui->list_sc.cur = ui->list_sc.top = 0;
	rows_clear(ui);
	ui->list_sc.count = -1; /* start at the top of the new list */
	return R_RELOAD | R_DRAW;
}

static int sidebar_handle(struct ui *ui, enum request r)
{
	ui->sb_sc.count = (int64_t)ui->nsb;
	ui->sb_sc.page = ui_body_rows(ui);
	int64_t steps = scroll_delta(&ui->sb_sc, r);
	if (steps)
		return sidebar_move(ui, steps);
	switch (r) {
	case REQ_OPEN:
	case REQ_FOCUS_LIST: return sidebar_activate(ui);
	default: return -1; /* not a sidebar request */
	}
}

/* ---- the list window ---------------------------------------------------- */

static void rows_clear(struct ui *ui)
{
	for (size_t i = 0; i < ui->nrows; i++) {
		free(ui->wrows[i].title);
		free(ui->wrows[i].source);
		free(ui->wrows[i].url);
	}
	ui->nrows = 0;
}

static int add_row(void *ctx, const struct store_item *it)
{
	struct ui *ui = ctx;
	xgrow(&ui->wrows, &ui->caprows, ui->nrows + 1, sizeof *ui->wrows);
	struct list_row *r = &ui->wrows[ui->nrows++];
	r->id = it->id;
	r->date = it->date;
	snprintf(r->langs, sizeof r->langs, "%s%s%s", it->lang, it->lang2[0] ? "+" : "", it->lang2);
	r->title = utf8_sanitize(it->title ? it->title : "", it->title ? strlen(it->title) : 0, false);
	r->source = utf8_sanitize(it->source ? it->source : "", it->source ? strlen(it->source) : 0, false);
	r->url = xstrdup(it->url ? it->url : "");
	r->read = it->read;
	r->bookmarked = it->bookmarked;
	return 0;
}

static void fetch(struct ui *ui, int64_t after_id, bool backward, int offset, int limit)
{
	/* The list shows titles only: no snippets. */
	struct store_page page = {after_id, backward, offset, limit, true};
	rows_clear(ui);
	if (store_list(ui->st, &ui->filter, ui->order, &page, add_row, ui) != DG_OK)
		msg_set(ui, true, "%s", store_error(ui->st));
}

/* Rows fetched around the visible ones: a page either way plus a few, so
 * that moving and paging rarely query.  The first screen fetches only
 * what it shows (one row more than the list area). */
static int window_size(const struct ui *ui)
{
	if (ui->first_screen)
		return ui_body_rows(ui);
	return 2 * ui_body_rows(ui) + 16;
}

/* The rows the list shows: one row less for the column header. */
static int list_page(struct ui *ui)
{
	ui->list_sc.page = MAX(1, ui_body_rows(ui) - 1);
	return ui->list_sc.page;
}

/* Keep cur visible and the visible rows inside the fetched window. */
static void list_ensure(struct ui *ui)
{
	int h = list_page(ui);
	int W = window_size(ui);
	if (ui->list_sc.count <= 0) {
		rows_clear(ui);
		ui->list_sc.cur = ui->list_sc.top = ui->win = 0;
		return;
	}
	scroll_follow(&ui->list_sc);
	scroll_clamp(&ui->list_sc);
	int64_t lo = ui->list_sc.top, hi = MIN(ui->list_sc.count, ui->list_sc.top + h);
	int64_t wend = ui->win + (int64_t)ui->nrows;
	if (ui->nrows && ui->win <= lo && wend >= hi)
		return;
	if (ui->query) {
		int64_t start = MAX(0, lo - h);
		fetch(ui, 0, false, (int)start, W);
		ui->win = start;
	} else if (lo == 0) {
		fetch(ui, 0, false, 0, W);
		ui->win = 0;
	} else if (hi >= ui->list_sc.count) {
		fetch(ui, 0, true, 0, W);
		ui->win = ui->list_sc.count - (int64_t)ui->nrows;
	} else if (ui->nrows && lo - 1 >= ui->win && lo - 1 < wend) {
		fetch(ui, ui->wrows[lo - 1 - ui->win].id, false, 0, W);
		ui->win = lo;
	} else if (ui->nrows && hi >= ui->win && hi < wend) {
		fetch(ui, ui->wrows[hi - ui->win].id, true, 0, W);
		ui->win = hi - (int64_t)ui->nrows;
	} else {
		/* No row to anchor on (should not happen): read from the top. */
		fetch(ui, 0, false, 0, (int)MIN(hi + h, INT32_MAX));
		ui->win = 0;
	}
}

const struct list_row *list_current(const struct ui *ui)
{
	int64_t i = ui->list_sc.cur - ui->win;
	if (ui->list_sc.count <= 0 || i < 0 || i >= (int64_t)ui->nrows)
		return NULL;
	return &ui->wrows[i];
}

/* Count and fetch the list again; the sidebar's group counts too when
 * the library may have changed (they do not depend on the search). */
static void reload(struct ui *ui, bool sidebar)
{
	const struct list_row *r = list_current(ui);
	int64_t id = r ? r->id : 0, pos = -1;
	if (sidebar)
		sidebar_load(ui);
	group_filter(ui);
	if (store_count(ui->st, &ui->filter, &ui->list_sc.count) != DG_OK)
		ui->list_sc.count = 0;
	if (id && !ui->query && store_position(ui->st, &ui->filter, ui->order, id, &pos) == DG_OK) {
		/* Fetch the rows just before the current one to anchor the window
		 * so that the screen does not jump. */
		int64_t off = MIN(ui->list_sc.cur - ui->list_sc.top, pos);
		ui->list_sc.cur = pos;
		ui->list_sc.top = pos - MAX(0, off);
		rows_clear(ui);
		if (ui->list_sc.top > 0) {
			fetch(ui, id, true, 0, (int)(pos - ui->list_sc.top + 1));
			if (ui->nrows) {
				int64_t anchor = ui->wrows[0].id;
				fetch(ui, anchor, false, 0, window_size(ui));
				ui->win = ui->list_sc.top;
			}
		}
	} else
		rows_clear(ui);
	list_ensure(ui);
}

int list_reload(struct ui *ui)
{
	reload(ui, true);
	return R_DRAW;
}

void list_set_query(struct ui *ui, const char *query)
{
	free(ui->query);
	ui->query = query && *query ? xstrdup(query) : NULL;
	ui->list_sc.cur = ui->list_sc.top = 0;
	rows_clear(ui);
	/* A new list opens at its top: the first paint waits only for the
	 * rows it shows; list_fill_window reads the rest after it. */
	ui->first_screen = true;
	reload(ui, false);
}

/* ---- painting ----------------------------------------------------------- */

struct cols {
	int mark, lang, source, title, date;
};

static struct cols list_columns(int w)
{
	struct cols c = {2, 5, 16, 0, 10};
	if (w < 60)
		c.source = 0, c.date = 0;
	if (w < 34)
		c.lang = 0;
	int fixed = c.mark + 1 + (c.lang ? c.lang + 1 : 0) + (c.source ? c.source + 1 : 0) +
	            (c.date ? c.date + 1 : 0);
	c.title = MAX(1, w - fixed);
	return c;
}

static void format_row(struct ui *ui, const struct list_row *r, const struct cols *c, struct sbuf *b,
                       size_t *title_at)
{
	(void)ui;
	sbuf_addc(b, r->read ? ' ' : 'N');
	sbuf_addc(b, r->bookmarked ? '*' : ' ');
	sbuf_addc(b, ' ');
	if (c->lang) {
		width_append_cell(b, r->langs, strlen(r->langs), c->lang);
		sbuf_addc(b, ' ');
	}
	if (c->source) {
		width_append_cell(b, r->source, strlen(r->source), c->source);
		sbuf_addc(b, ' ');
	}
	*title_at = b->len;
	width_append_cell(b, r->title, strlen(r->title), c->title);
	if (c->date) {
		char d[16] = "";
		time_t t = (time_t)r->date;
		struct tm tm;
		if (r->date > 0 && localtime_r(&t, &tm))
			strftime(d, sizeof d, "%Y-%m-%d", &tm);
		sbuf_addc(b, ' ');
		width_append_cell(b, d, strlen(d), c->date);
	}
}

static void list_header(struct ui *ui, int x, int w, const struct cols *c)
{
	struct sbuf b = SBUF_INIT;
	sbuf_addstr(&b, "   ");
	if (c->lang) {
		width_append_cell(&b, "Lang", 4, c->lang);
		sbuf_addc(&b, ' ');
	}
	if (c->source) {
		width_append_cell(&b, "Source", 6, c->source);
		sbuf_addc(&b, ' ');
	}
	width_append_cell(&b, "Title", 5, c->title);
	if (c->date)
		sbuf_addstr(&b, " Date");
	draw_text(ui, 1, x, b.s, b.len, w, draw_attr(ui, EL_HEADER), NULL, 0, 0, true);
	sbuf_free(&b);
}

void list_draw(struct ui *ui)
{
	int sw = ui_sidebar_width(ui);
	if (sw)
		sidebar_draw(ui, sw);
	int x = sw, w = ui->cols - sw, h = ui_body_rows(ui) - 1;
	struct cols c = list_columns(w);
	list_ensure(ui);
	list_header(ui, x, w, &c);
	size_t *hl = NULL, caphl = 0;
	attr_t match = draw_attr(ui, EL_SEARCH_MATCH);
	for (int y = 0; y < h; y++) {
		int64_t pos = ui->list_sc.top + y, i = pos - ui->win;
		if (pos >= ui->list_sc.count || i < 0 || i >= (int64_t)ui->nrows) {
			draw_fill(2 + y, x, w, A_NORMAL);
			if (y == 0 && ui->list_sc.count == 0) {
				const char *e = ui->query ? "  no matches" : "  no articles here";
				draw_text(ui, 2, x, e, strlen(e), w, draw_attr(ui, EL_META), NULL, 0, 0, true);
			}
			continue;
		}
		const struct list_row *r = &ui->wrows[i];
		struct sbuf b = SBUF_INIT;
		size_t title_at;
		format_row(ui, r, &c, &b, &title_at);
		attr_t a = r->read ? draw_attr(ui, EL_NORMAL) : draw_attr(ui, EL_UNREAD);
		if (pos == ui->list_sc.cur && ui->focus == FOCUS_LIST)
			a = draw_attr(ui, EL_SELECTED);
		size_t n = draw_matches(ui->query, b.s + title_at, b.len - title_at, &hl, &caphl);
		for (size_t k = 0; k < 2 * n; k++)
			hl[k] += title_at;
		draw_text(ui, 2 + y, x, b.s, b.len, w, a, hl, n, match, true);
		if (r->bookmarked && !(pos == ui->list_sc.cur && ui->focus == FOCUS_LIST))
			draw_text(ui, 2 + y, x + 1, "*", 1, 1, draw_attr(ui, EL_BOOKMARK), NULL, 0, 0, false);
		sbuf_free(&b);
	}
	free(hl);
}

void list_status(struct ui *ui, struct sbuf *out)
{
	const char *group = ui->sb_active < (int)ui->nsb ? ui->sb[ui->sb_active].label : "All";
	long long n = (long long)MAX(0, ui->list_sc.count);
	if (ui->query)
		sbuf_addf(out, " %lld result%s for '%s'", n, n == 1 ? "" : "s", ui->query);
	else
		sbuf_addf(out, " %lld article%s", n, n == 1 ? "" : "s");
	sbuf_addf(out, "  %lld/%lld  %s  order: %s", n ? (long long)ui->list_sc.cur + 1 : 0LL, n, group,
	          ui->query ? "rank" : order_names[ui->order]);
}

/* ---- requests ------------------------------------------------------------ */

int list_flag_changed(struct ui *ui)
{
	const struct flag_change *c = &ui->flagged;
	/* In Unread or Bookmarked the row may leave the list: refetch. */
	if (ui->filter.read >= 0 || ui->filter.bookmarked)
		return R_RELOAD | R_DRAW;
	for (size_t i = 0; i < ui->nrows; i++) {
		if (ui->wrows[i].id != c->id)
			continue;
		if (c->flag == FLAG_READ)
			ui->wrows[i].read = c->now;
		else
			ui->wrows[i].bookmarked = c->now;
	}
	sidebar_load(ui); /* counts come from aggregates: no scan */
	return R_DRAW;
}

static int set_flag(struct ui *ui, enum store_flag flag)
{
	const struct list_row *r = list_current(ui);
	return r ? flag_set(ui, r->id, flag, -1) : R_NONE;
}

int list_handle(struct ui *ui, enum request r)
{
	const struct list_row *row;
	if (ui->focus == FOCUS_SIDEBAR) {
		int res = sidebar_handle(ui, r);
		if (res >= 0)
			return res;
	}
	list_page(ui);
	if (scroll_cursor(&ui->list_sc, r)) {
		list_ensure(ui);
		return R_DRAW;
	}
	switch (r) {
	case REQ_OPEN:
		row = list_current(ui);
		return row ? pager_open(ui, row->id) : R_NONE;
	case REQ_BACK:
		if (ui->query) {
			list_set_query(ui, NULL);
			return R_DRAW;
		}
		return R_QUIT;
	case REQ_FOCUS_TOGGLE:
		ui->focus = ui->focus == FOCUS_LIST && ui_sidebar_width(ui) ? FOCUS_SIDEBAR : FOCUS_LIST;
		ui->sb_sc.cur = ui->sb_active;
		return R_DRAW;
	case REQ_FOCUS_SIDEBAR:
		if (!ui_sidebar_width(ui))
			ui->sidebar_on = true;
		if (ui_sidebar_width(ui)) {
			ui->focus = FOCUS_SIDEBAR;
			ui->sb_sc.cur = ui->sb_active;
		}
		return R_DRAW;
	case REQ_FOCUS_LIST: ui->focus = FOCUS_LIST; return R_DRAW;
	case REQ_SIDEBAR:
		ui->sidebar_on = !ui->sidebar_on;
		if (!ui_sidebar_width(ui))
			ui->focus = FOCUS_LIST;
		return R_DRAW;
	case REQ_BOOKMARK: return set_flag(ui, FLAG_BOOKMARKED);
	case REQ_READ: return set_flag(ui, FLAG_READ);
	case REQ_ORDER:
		ui->order = (enum store_order)((ui->order + 1) % 3);
		msg_set(ui, false, "order: %s", order_names[ui->order]);
		return list_reload(ui);
	case REQ_COPY_URL:
		row = list_current(ui);
		return row ? url_copy(ui, row->url) : R_NONE;
	case REQ_OPEN_URL:
		row = list_current(ui);
		return row ? url_open(ui, row->url) : R_NONE;
	default: return R_NONE;
	}
}

void list_init(struct ui *ui)
{
	ui->group_kind = SB_ALL;
	ui->sb_sc.overlap = 1; /* a page of groups keeps one in view; a page of rows none */
	ui->order = ORDER_DATE;
	ui->first_screen = true;
	list_reload(ui);
}

void list_fill_window(struct ui *ui)
{
	if (!ui->first_screen)
		return;
	ui->first_screen = false;
	/* Only a window that starts at the top is topped up: anything else
	 * was fetched by a key, already at full size. */
	size_t n = ui->nrows, want = (size_t)window_size(ui);
	if (ui->list_sc.count <= 0 || ui->win != 0 || n == 0 || (int64_t)n >= ui->list_sc.count || n >= want)
		return;
	/* Append the rows after the last one held rather than read the
	 * shown ones again: a search by offset, a plain list by key. */
	struct store_page page = {ui->query ? 0 : ui->wrows[n - 1].id, false,
	                          ui->query ? (int)n : 0, (int)(want - n), true};
	if (store_list(ui->st, &ui->filter, ui->order, &page, add_row, ui) != DG_OK)
		msg_set(ui, true, "%s", store_error(ui->st));
}

void list_free(struct ui *ui)
{
	rows_clear(ui);
	free(ui->wrows);
	sb_clear(ui);
	free(ui->sb);
	free(ui->group_name);
	free(ui->query);
}
