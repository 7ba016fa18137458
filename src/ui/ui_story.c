/*
 * ui_story.c: the story screen (`S`): the articles of the story of the
 * article it opens on (the list's row, the pager's article), one a row
 * with language, date, source and title, that article marked '>' (N
 * unread, * bookmarked, as in the list).  Enter opens the chosen one in
 * the pager, B shows the article it opened on beside the chosen one (the
 * pager's B view); either way the pager takes this screen's place, and a
 * pager's under it (R_OPEN_ARTICLE | R_BACK), so that pagers never pile
 * up.  r, b and X act on the chosen one as the list's and pager's do.
 * q or Esc goes back.
 */
#include "ui_int.h"

#include <stdlib.h>
#include <string.h>

#include "diglot/utf8.h"
#include "diglot/width.h"
#include "ui_draw.h"
#include "ui_scroll.h"

#define STORY_ROWS_MAX 500 /* a story holds at most STORY_MAX_ARTICLES; merges may pass it a little */

struct story_row {
	int64_t id, date, imported_at;
	char langs[2 * LANG_CODE_SIZE + 1];
	char *source, *title;
	bool read, bookmarked;
};

struct story {
	int64_t base;  /* the article it opened on */
	int64_t id;    /* its story */
	int64_t hand;  /* B: the article the pager opens on; 0: the selected one */
	struct story_row *rows;
	size_t n, cap;
	struct scroll sc; /* cur: the selected row */
	struct sbuf langs; /* "en, fr, it": its languages, for the title */
};

static int add_row(void *ctx, const struct store_item *it)
{
	struct story *k = ctx;
	xgrow(&k->rows, &k->cap, k->n + 1, sizeof *k->rows);
	struct story_row *r = &k->rows[k->n++];
	r->id = it->id;
	r->date = it->date;
	r->imported_at = it->imported_at;
	snprintf(r->langs, sizeof r->langs, "%s%s%s", it->lang, it->lang2[0] ? "+" : "", it->lang2);
	r->source = utf8_sanitize(it->source ? it->source : "", it->source ? strlen(it->source) : 0, false);
	r->title = utf8_sanitize(it->title ? it->title : "", it->title ? strlen(it->title) : 0, false);
	r->read = it->read;
	r->bookmarked = it->bookmarked;
	return 0;
}

static int cmp_lang(const void *a, const void *b)
{
	return strcmp(a, b);
}

/* Its languages, sorted, each once ("en, fr, it"), for the title. */
static void story_langs(struct story *k)
{
	char(*l)[LANG_CODE_SIZE] = xcalloc(2 * k->n + 1, sizeof *l);
	size_t n = 0;
	for (size_t i = 0; i < k->n; i++) {
		const char *s = k->rows[i].langs, *plus = strchr(s, '+');
		snprintf(l[n++], LANG_CODE_SIZE, "%.*s", (int)(plus ? (size_t)(plus - s) : strlen(s)), s);
		if (plus)
			snprintf(l[n++], LANG_CODE_SIZE, "%s", plus + 1);
	}
	qsort(l, n, sizeof *l, cmp_lang);
	for (size_t i = 0; i < n; i++)
		if (l[i][0] && (!i || strcmp(l[i], l[i - 1])))
			sbuf_addf(&k->langs, "%s%s", k->langs.len ? ", " : "", l[i]);
	free(l);
}

static void story_rows_free(struct story *k)
{
	for (size_t i = 0; i < k->n; i++) {
		free(k->rows[i].source);
		free(k->rows[i].title);
	}
	k->n = 0;
	sbuf_free(&k->langs);
}

static void story_close(void *state)
{
	struct story *k = state;
	story_rows_free(k);
	free(k->rows);
	free(k);
}

/* The story's articles, newest first (as the article list and `diglot
 * list --story`), read again; the cursor stays on its article when it is
 * still there, else on its row.  false (said) when the store failed. */
static bool story_load(struct ui *ui, struct story *k)
{
	int64_t at = k->n ? k->rows[k->sc.cur].id : k->base;
	story_rows_free(k);
	struct store_filter f = STORE_FILTER_ALL;
	f.story = k->id;
	struct store_page page = {0, false, 0, STORY_ROWS_MAX, true};
	if (store_list(ui->st, &f, ORDER_DATE, &page, add_row, k) != DG_OK) {
		msg_set(ui, true, "%s", store_error(ui->st));
		return false;
	}
	k->sc.cur = MIN(k->sc.cur, MAX(0, (int64_t)k->n - 1));
	for (size_t i = 0; i < k->n; i++)
		if (k->rows[i].id == at)
			k->sc.cur = (int64_t)i;
	story_langs(k);
	return true;
}

static void *story_open(struct ui *ui, int *res)
{
	*res = R_DRAW;
	int64_t id = 0;
	if (!ui->article) {
		msg_set(ui, true, "no article here");
		return NULL;
	}
	if (store_story_of(ui->st, ui->article, &id) != DG_OK) {
		msg_set(ui, true, "%s", store_error(ui->st));
		return NULL;
	}
	if (!id) {
		msg_set(ui, false, "this article is in no story");
		return NULL;
	}
	struct story *k = xcalloc(1, sizeof *k);
	k->base = ui->article;
	k->id = id;
	if (!story_load(ui, k)) {
		story_close(k);
		return NULL;
	}
	return k;
}

/* The rows shown: one line less for the column header. */
static struct scroll *story_scroll(struct ui *ui, struct story *k)
{
	k->sc.count = (int64_t)k->n;
	k->sc.page = MAX(1, ui_body_rows(ui) - 1);
	return &k->sc;
}

#define LANG_W 5
#define DATE_W 10
#define SOURCE_W 16

static void story_line(const struct story *k, const struct story_row *r, int w, struct sbuf *b)
{
	sbuf_addc(b, r->id == k->base ? '>' : ' ');
	sbuf_addc(b, r->read ? ' ' : 'N');
	sbuf_addc(b, r->bookmarked ? '*' : ' ');
	width_append_cell(b, r->langs, strlen(r->langs), LANG_W);
	draw_date_cell(r->date, r->imported_at, DATE_W, b);
	sbuf_addc(b, ' ');
	width_append_cell(b, r->source, strlen(r->source), SOURCE_W);
	sbuf_addc(b, ' ');
	int rest = w - (3 + LANG_W + 1 + DATE_W + 1 + SOURCE_W + 1);
	if (rest > 0)
		width_append_cell(b, r->title, strlen(r->title), rest);
}

static void story_draw(struct ui *ui, void *state, struct sbuf *title, struct sbuf *status)
{
	struct story *k = state;
	struct scroll *sc = story_scroll(ui, k);
	scroll_follow(sc);
	static const char header[] = "   Lang  Date       Source           Title";
	draw_text(ui, 1, 0, header, strlen(header), ui->cols, draw_attr(ui, EL_HEADER), NULL, 0, 0, true);
	for (int y = 0; y < sc->page; y++) {
		int64_t i = sc->top + y;
		if (i >= (int64_t)k->n) {
			draw_fill(2 + y, 0, ui->cols, A_NORMAL);
			continue;
		}
		const struct story_row *r = &k->rows[i];
		struct sbuf b = SBUF_INIT;
		story_line(k, r, ui->cols, &b);
		attr_t a = i == sc->cur ? draw_attr(ui, EL_SELECTED)
		           : draw_attr(ui, r->read ? EL_NORMAL : EL_UNREAD);
		draw_text(ui, 2 + y, 0, b.s, b.len, ui->cols, a, NULL, 0, 0, true);
		sbuf_free(&b);
	}
	sbuf_addf(title, " diglot  story %lld: %zu articles in %s", (long long)k->id, k->n, sbuf_str(&k->langs));
	sbuf_addf(status, " %lld/%zu  Enter: open  B: beside this one  q: back", k->n ? (long long)sc->cur + 1 : 0LL,
	          k->n);
}

/* Enter (beside 0) or B: the pager opens in this screen's place. */
static int story_go(struct ui *ui, struct story *k, int64_t beside)
{
	const struct story_row *r = &k->rows[k->sc.cur];
	if (beside && r->id == k->base) {
		msg_set(ui, false, "this is the article itself: choose another one to see beside it");
		return R_DRAW;
	}
	k->hand = beside ? k->base : 0;
	ui->beside = beside;
	return R_OPEN_ARTICLE | R_BACK | R_DRAW;
}

/* X: the selected article leaves the story for good, as the pager's X;
 * the list follows (a story left with one article is no more: back). */
static int story_unlink(struct ui *ui, struct story *k)
{
	int64_t id = k->rows[k->sc.cur].id;
	int rc = store_story_unlink(ui->st, id);
	if (rc != DG_OK) {
		msg_set(ui, rc == DG_ERR, "%s", rc == DG_NOTFOUND ? "this article is in no story" : store_error(ui->st));
		return R_DRAW;
	}
	msg_set(ui, false, "article %lld taken out of its story", (long long)id);
	/* R_RELOAD: the sidebar's stories change, and so do these rows */
	if (story_load(ui, k) && !k->n)
		return R_BACK | R_RELOAD | R_DRAW;
	return R_RELOAD | R_DRAW;
}

/* Requests on the selected row; R_PASS for any other. */
static int story_row_request(struct ui *ui, struct story *k, enum request r)
{
	if (!k->n)
		return r == REQ_OPEN || r == REQ_BESIDE || r == REQ_READ || r == REQ_BOOKMARK ||
		       r == REQ_UNLINK ? R_NONE : R_PASS;
	const struct story_row *row = &k->rows[k->sc.cur];
	switch (r) {
	case REQ_OPEN: return story_go(ui, k, 0);
	case REQ_BESIDE: return story_go(ui, k, row->id);
	case REQ_READ: return flag_set(ui, row->id, FLAG_READ, -1);
	case REQ_BOOKMARK: return flag_set(ui, row->id, FLAG_BOOKMARKED, -1);
	case REQ_UNLINK: return story_unlink(ui, k);
	default: return R_PASS;
	}
}

static int story_handle(struct ui *ui, void *state, enum request r)
{
	struct story *k = state;
	if (scroll_cursor(story_scroll(ui, k), r))
		return R_DRAW;
	switch (r) {
	case REQ_BACK:
	case REQ_ESCAPE:
	case REQ_STORY:
	case REQ_FOCUS_SIDEBAR: return R_BACK;
	default: return story_row_request(ui, k, r);
	}
}

/* A flag changed (here or in a screen over this one): its row follows.
 * The library changed (X, a fetch, another process): the rows are read
 * again, and a story that is no more closes. */
static int story_update(struct ui *ui, void *state, int what)
{
	struct story *k = state;
	const struct flag_change *c = &ui->flagged;
	if (what & R_FLAGGED)
		for (size_t i = 0; i < k->n; i++)
			if (k->rows[i].id == c->id) {
				if (c->flag == FLAG_READ)
					k->rows[i].read = c->now;
				else
					k->rows[i].bookmarked = c->now;
			}
	if (!(what & R_RELOAD))
		return R_DRAW;
	story_load(ui, k);
	return R_DRAW;
}

/* The pager opens on the chosen row, or on the article this screen
 * opened on when B asked for the chosen one beside it; a screen opened
 * over this one (links, help) on the chosen row. */
static int64_t story_article(const void *state)
{
	const struct story *k = state;
	return k->hand ? k->hand : k->n ? k->rows[k->sc.cur].id : 0;
}

/* A click selects a row (rows from screen row 2); a double click opens it. */
static bool story_click(struct ui *ui, void *state, int y, int x)
{
	struct story *k = state;
	int64_t i = story_scroll(ui, k)->top + (y - 2);
	(void)x;
	if (y < 2 || y > ui_body_rows(ui) || i >= (int64_t)k->n)
		return false;
	k->sc.cur = i;
	return true;
}

const struct screen_ops story_screen = {
	.name = "story",
	.opener = REQ_STORY,
	.open = story_open,
	.close = story_close,
	.draw = story_draw,
	.handle = story_handle,
	.update = story_update,
	.article = story_article,
	.click = story_click,
};
