/*
 * ui_list.c: the first screen, the sidebar of groups (ui_sidebar.c) and
 * the article list.  The list is a window of rows over store_list (keyset
 * pagination), refetched only when the visible part leaves it, so its
 * cost never grows with the library.
 */
#include "ui_int.h"

#include <stdlib.h>
#include <string.h>

#include "diglot/langid.h"
#include "diglot/utf8.h"
#include "diglot/width.h"
#include "ui_draw.h"
#include "ui_scroll.h"
#include "ui_sidebar.h"
#include "ui_url.h"

struct list_row {
	int64_t id, date;  /* date: the text's, 0 when it had none */
	int64_t imported_at;
	char langs[2 * LANG_CODE_SIZE + 1];
	char *title, *source, *url;
	bool read, bookmarked;
};

enum focus { FOCUS_LIST, FOCUS_SIDEBAR };

struct list {
	struct sidebar sb;
	enum focus focus;
	struct store_filter filter; /* the active group's, and ui->query */
	enum store_order order;
	struct scroll sc;           /* count: rows in the whole list, -1 before counting */
	struct list_row *rows;      /* rows [win, win + nrows) of the list */
	size_t nrows, caprows;
	int64_t win;
	bool first_screen;          /* the window holds only the rows of the first paint */
	int64_t saved_cur;          /* where the cursor was when the search prompt opened */
	int64_t before_search;      /* the article under the cursor before any search; 0 none */
};

static const char *const order_names[] = {"date", "title", "source"};

static int sidebar_width(const struct ui *ui, const struct list *l)
{
	if (!l->sb.on || ui->cols < 70)
		return 0;
	return MIN(ui->set.sidebar_width, ui->cols / 3);
}

static void group_filter(struct ui *ui, struct list *l)
{
	l->filter = sidebar_filter(&l->sb, ui->query);
}

static void rows_clear(struct list *l);

static int sidebar_activate(struct list *l)
{
	struct sidebar *sb = &l->sb;
	const struct sb_item *it = &sb->items[sb->sc.cur];
	sb->group_kind = it->kind;
	free(sb->group_name);
	sb->group_name = it->name ? xstrdup(it->name) : NULL;
	sb->active = (int)sb->sc.cur;
	l->focus = FOCUS_LIST;
	l->sc.cur = l->sc.top = 0;
	rows_clear(l);
	l->sc.count = -1; /* start at the top of the new list */
	return R_RELOAD | R_DRAW;
}

static int sidebar_handle(struct ui *ui, struct list *l, enum request r)
{
	l->sb.sc.count = (int64_t)l->sb.n;
	l->sb.sc.page = ui_body_rows(ui);
	int64_t steps = scroll_delta(&l->sb.sc, r);
	if (steps)
		return sidebar_move(&l->sb, steps);
	switch (r) {
	case REQ_OPEN:
	case REQ_FOCUS_LIST: return sidebar_activate(l);
	default: return R_PASS; /* not a sidebar request: the list's */
	}
}

/* ---- the list window ---------------------------------------------------- */

static void rows_clear(struct list *l)
{
	for (size_t i = 0; i < l->nrows; i++) {
		free(l->rows[i].title);
		free(l->rows[i].source);
		free(l->rows[i].url);
	}
	l->nrows = 0;
}

static int add_row(void *ctx, const struct store_item *it)
{
	struct list *l = ctx;
	xgrow(&l->rows, &l->caprows, l->nrows + 1, sizeof *l->rows);
	struct list_row *r = &l->rows[l->nrows++];
	r->id = it->id;
	r->date = it->date;
	r->imported_at = it->imported_at;
	snprintf(r->langs, sizeof r->langs, "%s%s%s", it->lang, it->lang2[0] ? "+" : "", it->lang2);
	r->title = utf8_sanitize(it->title ? it->title : "", it->title ? strlen(it->title) : 0, false);
	r->source = utf8_sanitize(it->source ? it->source : "", it->source ? strlen(it->source) : 0, false);
	r->url = xstrdup(it->url ? it->url : "");
	r->read = it->read;
	r->bookmarked = it->bookmarked;
	return 0;
}

static void fetch(struct ui *ui, struct list *l, int64_t after_id, bool backward, int offset, int limit)
{
	/* The list shows titles only: no snippets. */
	struct store_page page = {after_id, backward, offset, limit, true};
	rows_clear(l);
	if (store_list(ui->st, &l->filter, l->order, &page, add_row, l) != DG_OK)
		msg_set(ui, true, "%s", store_error(ui->st));
}

/* Rows fetched around the visible ones: a page either way plus a few, so
 * that moving and paging rarely query.  The first screen fetches only
 * what it shows (one row more than the list area). */
static int window_size(const struct ui *ui, const struct list *l)
{
	if (l->first_screen)
		return ui_body_rows(ui);
	return 2 * ui_body_rows(ui) + 16;
}

/* The rows the list shows: one row less for the column header. */
static int list_page(struct ui *ui, struct list *l)
{
	l->sc.page = MAX(1, ui_body_rows(ui) - 1);
	return l->sc.page;
}

/* Fetch a window holding the visible rows [lo, hi), anchored on a row
 * the old window holds when it can (keyset pagination). */
static void list_refetch(struct ui *ui, struct list *l, int64_t lo, int64_t hi, int h)
{
	int W = window_size(ui, l);
	int64_t wend = l->win + (int64_t)l->nrows;
	if (ui->query) {
		int64_t start = MAX(0, lo - h);
		fetch(ui, l, 0, false, (int)start, W);
		l->win = start;
	} else if (lo == 0) {
		fetch(ui, l, 0, false, 0, W);
		l->win = 0;
	} else if (hi >= l->sc.count) {
		fetch(ui, l, 0, true, 0, W);
		l->win = l->sc.count - (int64_t)l->nrows;
	} else if (l->nrows && lo - 1 >= l->win && lo - 1 < wend) {
		fetch(ui, l, l->rows[lo - 1 - l->win].id, false, 0, W);
		l->win = lo;
	} else if (l->nrows && hi >= l->win && hi < wend) {
		fetch(ui, l, l->rows[hi - l->win].id, true, 0, W);
		l->win = hi - (int64_t)l->nrows;
	} else {
		/* No row to anchor on (should not happen): read from the top. */
		fetch(ui, l, 0, false, 0, (int)MIN(hi + h, INT32_MAX));
		l->win = 0;
	}
}

/* Keep cur visible and the visible rows inside the fetched window. */
static void list_ensure(struct ui *ui, struct list *l)
{
	int h = list_page(ui, l);
	if (l->sc.count <= 0) {
		rows_clear(l);
		l->sc.cur = l->sc.top = l->win = 0;
		return;
	}
	scroll_follow(&l->sc);
	scroll_clamp(&l->sc);
	int64_t lo = l->sc.top, hi = MIN(l->sc.count, l->sc.top + h);
	if (l->nrows && l->win <= lo && l->win + (int64_t)l->nrows >= hi)
		return;
	list_refetch(ui, l, lo, hi, h);
}

static int64_t list_article(const void *state);

static const struct list_row *list_current(const struct list *l)
{
	int64_t i = l->sc.cur - l->win;
	if (l->sc.count <= 0 || i < 0 || i >= (int64_t)l->nrows)
		return NULL;
	return &l->rows[i];
}

/* Fetch the rows just before the current one, at position pos, to anchor
 * the window so that the screen does not jump. */
static void reload_at(struct ui *ui, struct list *l, int64_t id, int64_t pos)
{
	int64_t off = MIN(l->sc.cur - l->sc.top, pos);
	l->sc.cur = pos;
	l->sc.top = pos - MAX(0, off);
	rows_clear(l);
	if (l->sc.top > 0) {
		fetch(ui, l, id, true, 0, (int)(pos - l->sc.top + 1));
		if (l->nrows) {
			int64_t anchor = l->rows[0].id;
			fetch(ui, l, anchor, false, 0, window_size(ui, l));
			l->win = l->sc.top;
		}
	}
}

/* Count and fetch the list again, keeping the current article where it
 * can; the sidebar's group counts too when the library may have changed
 * (they do not depend on the search). */
static void reload_on(struct ui *ui, struct list *l, bool sidebar, int64_t id)
{
	int64_t pos = -1;
	if (sidebar)
		sidebar_load(ui, &l->sb);
	group_filter(ui, l);
	if (store_count(ui->st, &l->filter, &l->sc.count) != DG_OK)
		l->sc.count = 0;
	if (id && !ui->query && store_position(ui->st, &l->filter, l->order, id, &pos) == DG_OK)
		reload_at(ui, l, id, pos);
	else
		rows_clear(l);
	list_ensure(ui, l);
}

static void reload(struct ui *ui, struct list *l, bool sidebar)
{
	const struct list_row *r = list_current(l);
	reload_on(ui, l, sidebar, r ? r->id : 0);
}

/* ui->query changed: the new list opens at its top, and its first paint
 * waits only for the rows it shows; list_fill reads the rest after it. */
static void list_new_query(struct ui *ui, struct list *l)
{
	l->sc.cur = l->sc.top = 0;
	rows_clear(l);
	l->first_screen = true;
	/* Leaving the search (q, or Esc back to none) goes back to the
	 * article the cursor was on before it, not to the top. */
	int64_t back = ui->query ? 0 : l->before_search;
	if (!ui->query)
		l->before_search = 0;
	reload_on(ui, l, false, back);
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

static void format_date(const struct list_row *r, const struct cols *c, struct sbuf *b)
{
	draw_date_cell(r->date, r->imported_at, c->date, b);
}

static void format_row(const struct list_row *r, const struct cols *c, struct sbuf *b, size_t *title_at)
{
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
	if (c->date)
		format_date(r, c, b);
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

/* Where a list row is painted, and what with. */
struct row_place {
	int y, x, w;
	const struct cols *c;
	size_t **hl, *caphl;
};

static void list_row_draw(struct ui *ui, const struct list *l, const struct list_row *r, bool at_cursor,
                          const struct row_place *p)
{
	struct sbuf b = SBUF_INIT;
	size_t title_at;
	format_row(r, p->c, &b, &title_at);
	bool selected = at_cursor && l->focus == FOCUS_LIST;
	attr_t a = r->read ? draw_attr(ui, EL_NORMAL) : draw_attr(ui, EL_UNREAD);
	if (selected)
		a = draw_attr(ui, EL_SELECTED);
	size_t n = draw_matches(ui->query, b.s + title_at, b.len - title_at, p->hl, p->caphl);
	for (size_t k = 0; k < 2 * n; k++)
		(*p->hl)[k] += title_at;
	draw_text(ui, p->y, p->x, b.s, b.len, p->w, a, *p->hl, n, draw_attr(ui, EL_SEARCH_MATCH), true);
	if (r->bookmarked && !selected)
		draw_text(ui, p->y, p->x + 1, "*", 1, 1, draw_attr(ui, EL_BOOKMARK), NULL, 0, 0, false);
	sbuf_free(&b);
}

static void list_status(const struct ui *ui, const struct list *l, struct sbuf *out)
{
	const char *group = l->sb.active < (int)l->sb.n ? l->sb.items[l->sb.active].label : "All";
	long long n = (long long)MAX(0, l->sc.count);
	if (ui->query)
		sbuf_addf(out, " %lld result%s for '%s'", n, n == 1 ? "" : "s", ui->query);
	else
		sbuf_addf(out, " %lld article%s", n, n == 1 ? "" : "s");
	sbuf_addf(out, "  %lld/%lld  %s  order: %s", n ? (long long)l->sc.cur + 1 : 0LL, n, group,
	          ui->query ? "rank" : order_names[l->order]);
	const char *err = l->focus == FOCUS_SIDEBAR ? sidebar_feed_error(&l->sb) : NULL;
	if (err)
		sbuf_addf(out, "  last fetch: %s", err);
}

/* An empty list says why; an empty library, how to fill it. */
static void list_empty(struct ui *ui, const struct list *l, int x, int w)
{
	static const char *const lines[] = {
		"  The library is empty.  Import articles (text files, folders) with",
		"      diglot import PATH...",
		"  and press C-l, or try the bundled samples with  diglot --demo",
	};
	attr_t a = draw_attr(ui, EL_META);
	bool library_empty = !ui->query && l->sb.n && l->sb.items[0].total == 0;
	if (!library_empty) {
		const char *e = ui->query ? "  no matches" : "  no articles here";
		draw_text(ui, 2, x, e, strlen(e), w, a, NULL, 0, 0, true);
		return;
	}
	for (int i = 0; i < (int)ARRAY_SIZE(lines) && 2 + i < ui->rows - 2; i++)
		draw_text(ui, 2 + i, x, lines[i], strlen(lines[i]), w, a, NULL, 0, 0, true);
}

static void list_draw(struct ui *ui, void *state, struct sbuf *title, struct sbuf *status)
{
	struct list *l = state;
	int sw = sidebar_width(ui, l);
	if (sw)
		sidebar_draw(ui, &l->sb, sw, l->focus == FOCUS_SIDEBAR);
	int x = sw, w = ui->cols - sw, h = ui_body_rows(ui) - 1;
	struct cols c = list_columns(w);
	list_ensure(ui, l);
	list_header(ui, x, w, &c);
	size_t *hl = NULL, caphl = 0;
	for (int y = 0; y < h; y++) {
		int64_t pos = l->sc.top + y, i = pos - l->win;
		if (pos >= l->sc.count || i < 0 || i >= (int64_t)l->nrows) {
			draw_fill(2 + y, x, w, A_NORMAL);
			continue;
		}
		struct row_place p = {2 + y, x, w, &c, &hl, &caphl};
		list_row_draw(ui, l, &l->rows[i], pos == l->sc.cur, &p);
	}
	free(hl);
	if (l->sc.count == 0)
		list_empty(ui, l, x, w);
	sbuf_addstr(title, " diglot   ?:help  /:search  s:sidebar  o:order  q:quit");
	list_status(ui, l, status);
}

/* ---- the mouse ----------------------------------------------------------- */

/* A click on a group selects it (a double click shows it, as Enter); on
 * a row, puts the cursor there.  Rows are painted from screen row 2 (1
 * is the column header), groups from row 1. */
static bool list_click(struct ui *ui, void *state, int y, int x)
{
	struct list *l = state;
	int sw = sidebar_width(ui, l);
	if (y < 1 || y > ui_body_rows(ui))
		return false;
	if (x < sw - 1) {
		int64_t i = l->sb.sc.top + (y - 1);
		if (i >= (int64_t)l->sb.n || l->sb.items[i].kind == SB_HEADING)
			return false;
		l->sb.sc.cur = i;
		l->focus = FOCUS_SIDEBAR;
		return true;
	}
	int64_t pos = l->sc.top + (y - 2);
	if (x < sw || y < 2 || pos >= l->sc.count)
		return false;
	l->sc.cur = pos;
	l->focus = FOCUS_LIST;
	return true;
}

/* ---- requests ------------------------------------------------------------ */

/* ui->flagged happened: update its row and the counts without refetching
 * the list, unless the list filters on flags. */
static int list_flagged(struct ui *ui, struct list *l)
{
	const struct flag_change *c = &ui->flagged;
	/* In Unread or Bookmarked the row may leave the list: refetch. */
	if (l->filter.read >= 0 || l->filter.bookmarked)
		return R_RELOAD | R_DRAW;
	for (size_t i = 0; i < l->nrows; i++) {
		if (l->rows[i].id != c->id)
			continue;
		if (c->flag == FLAG_READ)
			l->rows[i].read = c->now;
		else
			l->rows[i].bookmarked = c->now;
	}
	sidebar_load(ui, &l->sb); /* counts come from aggregates: no scan */
	return R_DRAW;
}

/* Focus and the sidebar's visibility; R_PASS for any other request. */
static int list_focus(struct ui *ui, struct list *l, enum request r)
{
	switch (r) {
	case REQ_FOCUS_TOGGLE:
		l->focus = l->focus == FOCUS_LIST && sidebar_width(ui, l) ? FOCUS_SIDEBAR : FOCUS_LIST;
		l->sb.sc.cur = l->sb.active;
		return R_DRAW;
	case REQ_FOCUS_SIDEBAR:
		if (!sidebar_width(ui, l))
			l->sb.on = true;
		if (sidebar_width(ui, l)) {
			l->focus = FOCUS_SIDEBAR;
			l->sb.sc.cur = l->sb.active;
		}
		return R_DRAW;
	case REQ_FOCUS_LIST: l->focus = FOCUS_LIST; return R_DRAW;
	case REQ_SIDEBAR:
		l->sb.on = !l->sb.on;
		if (!sidebar_width(ui, l))
			l->focus = FOCUS_LIST;
		return R_DRAW;
	default: return R_PASS;
	}
}

/* The first unread row after position pos of a search's ranked list
 * (paged by offset); -1 when none.  Read in chunks: a search list is
 * short (the results the user asked for). */
static int64_t search_next_unread(struct ui *ui, struct list *l, int64_t pos)
{
	struct list probe = {0};
	int64_t found = -1;
	for (int64_t at = pos + 1; found < 0 && at < l->sc.count; at += 64) {
		struct store_page page = {0, false, (int)at, 64, true};
		rows_clear(&probe);
		if (store_list(ui->st, &l->filter, l->order, &page, add_row, &probe) != DG_OK || !probe.nrows)
			break;
		for (size_t i = 0; i < probe.nrows && found < 0; i++)
			if (!probe.rows[i].read)
				found = at + (int64_t)i;
	}
	rows_clear(&probe);
	free(probe.rows);
	return found;
}

/* The next unread article after article from in the list's order, by
 * key (the Unread filter added): one indexed query however far it is. */
static int64_t plain_next_unread(struct ui *ui, struct list *l, int64_t from)
{
	struct store_filter f = l->filter;
	struct list probe = {0};
	if (f.read == 1)
		return 0; /* the Read group has none */
	f.read = 0;
	struct store_page page = {from, false, 0, 1, true};
	int64_t id = 0;
	if (store_list(ui->st, &f, l->order, &page, add_row, &probe) == DG_OK && probe.nrows)
		id = probe.rows[0].id;
	rows_clear(&probe);
	free(probe.rows);
	return id;
}

/* Move the cursor to the next unread row after article from. */
static bool list_next_unread(struct ui *ui, struct list *l, int64_t from)
{
	if (ui->query) {
		int64_t pos = search_next_unread(ui, l, l->sc.cur);
		if (pos < 0)
			return false;
		l->sc.cur = pos;
		list_ensure(ui, l);
		return true;
	}
	int64_t id = plain_next_unread(ui, l, from);
	if (!id)
		return false;
	reload_on(ui, l, false, id);
	return list_article(l) == id;
}

/* R_STEP from the pager on article from.  When from left the list (read
 * in the Unread group, deleted) the cursor is already on its successor. */
static bool list_step(struct ui *ui, void *state, int64_t from, const struct step *st)
{
	struct list *l = state;
	list_page(ui, l);
	bool here = list_article(l) == from;
	if (st->unread)
		return list_next_unread(ui, l, here || !from ? list_article(l) : from);
	int64_t to = l->sc.cur + (here ? st->dir : st->dir > 0 ? 0 : -1);
	if (to < 0 || to >= l->sc.count)
		return false;
	l->sc.cur = to;
	list_ensure(ui, l);
	return list_current(l) != NULL;
}

/* A: every article of the group (and search) read; asking first when
 * that is more than the screen shows. */
static int list_mark_all(struct ui *ui, struct list *l)
{
	struct store_filter f = l->filter;
	int64_t n = 0;
	if (f.read != 1) {
		f.read = 0;
		store_count(ui->st, &f, &n);
	}
	if (n == 0) {
		msg_set(ui, false, "nothing unread here");
		return R_DRAW;
	}
	if (n > list_page(ui, l) && !confirm_given(ui))
		return confirm_ask(ui, REQ_MARK_ALL_READ, "Mark %lld articles read?", (long long)n);
	if (store_mark_read(ui->st, &l->filter, &n) != DG_OK) {
		msg_set(ui, true, "%s", store_error(ui->st));
		return R_DRAW;
	}
	msg_set(ui, false, "marked %lld article%s read", (long long)n, n == 1 ? "" : "s");
	return R_RELOAD | R_DRAW;
}

/* D: the row under the cursor leaves the library, after asking. */
static int list_delete(struct ui *ui, const struct list_row *row)
{
	if (!confirm_given(ui))
		return confirm_ask(ui, REQ_DELETE, "Delete '%.60s' from the library (its file stays)?", row->title);
	int64_t id = row->id;
	if (store_delete(ui->st, id) != DG_OK) {
		msg_set(ui, true, "%s", store_error(ui->st));
		return R_DRAW;
	}
	msg_set(ui, false, "deleted article %lld", (long long)id);
	return R_RELOAD | R_DRAW;
}

/* Requests on the row under the cursor; R_PASS for any other. */
static int list_row_request(struct ui *ui, struct list *l, enum request r)
{
	const struct list_row *row = list_current(l);
	switch (r) {
	case REQ_OPEN: return row ? R_OPEN_ARTICLE : R_NONE;
	case REQ_BOOKMARK: return row ? flag_set(ui, row->id, FLAG_BOOKMARKED, -1) : R_NONE;
	case REQ_READ: return row ? flag_set(ui, row->id, FLAG_READ, -1) : R_NONE;
	case REQ_COPY_URL: return row ? url_copy(ui, row->url) : R_NONE;
	case REQ_OPEN_URL: return row ? url_open(ui, row->url) : R_NONE;
	case REQ_FULL_PAGE: return row ? fetch_page(ui, row->id, row->url) : R_NONE;
	case REQ_DELETE: return row ? list_delete(ui, row) : R_NONE;
	/* The list has no matches to find: n is newsboat's next unread,
	 * opened. */
	case REQ_FIND_NEXT:
	case REQ_NEXT_UNREAD:
		if (row && list_next_unread(ui, l, row->id))
			return R_OPEN_ARTICLE | R_DRAW;
		msg_set(ui, false, "no more unread articles");
		return R_DRAW;
	default: return R_PASS;
	}
}

/* Cursor moves; R_PASS for any other request. */
static int list_move(struct ui *ui, struct list *l, enum request r)
{
	list_page(ui, l);
	if (!scroll_cursor(&l->sc, r))
		return R_PASS;
	list_ensure(ui, l);
	return R_DRAW;
}

/* Requests on the whole list; R_PASS for any other. */
static int list_request(struct ui *ui, struct list *l, enum request r)
{
	switch (r) {
	case REQ_BACK:
	case REQ_ESCAPE:
		/* Esc is back where there is somewhere to go back to: it leaves
		 * the sidebar and the search, and never quits as q does. */
		if (r == REQ_ESCAPE && l->focus == FOCUS_SIDEBAR) {
			l->focus = FOCUS_LIST;
			return R_DRAW;
		}
		if (!ui->query && r == REQ_ESCAPE) {
			msg_set(ui, false, "q quits");
			return R_DRAW;
		}
		if (!ui->query)
			return R_QUIT;
		xfree(&ui->query); /* q leaves the search first */
		return R_QUERY | R_DRAW;
	case REQ_SEARCH:
		l->saved_cur = l->sc.cur;
		if (!ui->query)
			l->before_search = list_article(l);
		return prompt_start(&ui->prompt, ui->query);
	case REQ_MARK_ALL_READ: return list_mark_all(ui, l);
	case REQ_FETCH_FEED: {
		const char *label = NULL;
		int64_t id = sidebar_feed(&l->sb, &label);
		if (!id) {
			msg_set(ui, false, "choose a feed in the sidebar to fetch it (R fetches every feed)");
			return R_DRAW;
		}
		return fetch_start(ui, &id, 1, label);
	}
	case REQ_ORDER:
		l->order = (enum store_order)((l->order + 1) % 3);
		msg_set(ui, false, "order: %s", order_names[l->order]);
		reload(ui, l, true);
		return R_DRAW;
	default: return R_PASS;
	}
}

/* The sidebar gets the keys first while it has the focus; then each part
 * of the list in turn, until one takes the request. */
static int list_handle(struct ui *ui, void *state, enum request r)
{
	struct list *l = state;
	int res = l->focus == FOCUS_SIDEBAR ? sidebar_handle(ui, l, r) : R_PASS;
	if (res & R_PASS)
		res = list_move(ui, l, r);
	if (res & R_PASS)
		res = list_focus(ui, l, r);
	if (res & R_PASS)
		res = list_row_request(ui, l, r);
	if (res & R_PASS)
		res = list_request(ui, l, r);
	return res;
}

/* ---- the screen ---------------------------------------------------------- */

static void *list_open(struct ui *ui, int *res)
{
	struct list *l = xcalloc(1, sizeof *l);
	l->sb.group_kind = SB_ALL;
	l->sb.on = true;
	l->sb.sc.overlap = 1; /* a page of groups keeps one in view; a page of rows none */
	l->order = ORDER_DATE;
	l->first_screen = true;
	reload(ui, l, true);
	*res = R_DRAW;
	return l;
}

static void list_close(void *state)
{
	struct list *l = state;
	rows_clear(l);
	free(l->rows);
	sidebar_free(&l->sb);
	free(l);
}

/* The library changed: reload keeping the cursor's article, and when
 * rows arrived above the visible ones (an import while the reader is
 * open, newest first) say so rather than let them hide there. */
static void list_reload_grown(struct ui *ui, struct list *l)
{
	int64_t before = l->sc.count;
	reload(ui, l, true);
	int64_t n = l->sc.count - before;
	if (before >= 0 && n > 0 && l->sc.top > 0)
		msg_set(ui, false, "%lld new article%s, g to see %s", (long long)n, n == 1 ? "" : "s",
		        n == 1 ? "it" : "them");
}

static int list_update(struct ui *ui, void *state, int what)
{
	struct list *l = state;
	if (what & R_FLAGGED)
		return list_flagged(ui, l);
	if (what & R_QUERY)
		list_new_query(ui, l);
	else if (what & R_RELOAD)
		list_reload_grown(ui, l);
	return R_DRAW;
}

/* The prompt closed: Enter keeps the results (ui->query, already
 * searched), Esc puts the cursor back where it was. */
static int list_search(struct ui *ui, void *state, enum search_event ev)
{
	struct list *l = state;
	if (ev == SEARCH_ENTER) {
		l->focus = FOCUS_LIST;
		return R_DRAW;
	}
	/* Back to no search: list_new_query found the article again. */
	if (ui->query) {
		l->sc.cur = l->saved_cur;
		reload(ui, l, true);
	}
	return R_DRAW;
}

/* After the first paint of a new list: read the rest of its window, which
 * was left out so that the first screen waits only for the rows it shows. */
static bool list_fill(struct ui *ui, void *state)
{
	struct list *l = state;
	if (!l->first_screen)
		return false;
	l->first_screen = false;
	/* Only a window that starts at the top is topped up: anything else
	 * was fetched by a key, already at full size. */
	size_t n = l->nrows, want = (size_t)window_size(ui, l);
	if (l->sc.count <= 0 || l->win != 0 || n == 0 || (int64_t)n >= l->sc.count || n >= want)
		return true;
	/* Append the rows after the last one held rather than read the
	 * shown ones again: a search by offset, a plain list by key. */
	struct store_page page = {ui->query ? 0 : l->rows[n - 1].id, false,
	                          ui->query ? (int)n : 0, (int)(want - n), true};
	if (store_list(ui->st, &l->filter, l->order, &page, add_row, l) != DG_OK)
		msg_set(ui, true, "%s", store_error(ui->st));
	return true;
}

static int64_t list_article(const void *state)
{
	const struct list_row *r = list_current(state);
	return r ? r->id : 0;
}

const struct screen_ops list_screen = {
	.name = "list",
	.opener = REQ_NONE, /* the first screen, open from start to end */
	.live_search = true,
	.open = list_open,
	.close = list_close,
	.draw = list_draw,
	.handle = list_handle,
	.update = list_update,
	.click = list_click,
	.search = list_search,
	.fill = list_fill,
	.article = list_article,
	.step = list_step,
};
