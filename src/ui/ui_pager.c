/*
 * ui_pager.c: the article screen.  layout.c turns the article into lines
 * for the width (the same lines `diglot show` prints); the pager paints
 * them by role, colours the side-by-side divider, highlights the words of
 * the current search, and lays out again on resize or `t`.
 */
#include "ui_int.h"

#include <stdlib.h>
#include <string.h>

#include "diglot/story.h"
#include "diglot/width.h"
#include "ui_draw.h"
#include "ui_export.h"
#include "ui_scroll.h"
#include "ui_url.h"

struct pager {
	struct article art;
	struct store_meta meta;
	struct layout lay;
	int lay_width; /* the terminal width lay was made for */
	int view;      /* requested enum layout_view */
	struct scroll sc; /* top: the first line shown */
	char *find;       /* a search in this article ('/' here); NULL: the library's */
	struct store_story_member *members; /* the other articles of its story */
	size_t nmembers;
	char *also;    /* "Also in: fr (2) · it", "" when in no story */
	size_t beside; /* B: shown beside members[beside - 1]; 0: alone */
	struct article both; /* the two side by side (story_beside) */
};

/* The story the article is in: its other articles and the "Also in" line. */
static void pager_story(struct ui *ui, struct pager *p)
{
	free(p->members);
	free(p->also);
	p->members = NULL;
	p->nmembers = 0;
	if (store_story_members(ui->st, p->meta.id, &p->members, &p->nmembers) != DG_OK)
		msg_set(ui, true, "%s", store_error(ui->st));
	const char **langs = xcalloc(2 * p->nmembers + 1, sizeof *langs);
	for (size_t i = 0; i < p->nmembers; i++) {
		langs[2 * i] = p->members[i].lang;
		langs[2 * i + 1] = p->members[i].lang2;
	}
	p->also = story_also_in(langs, 2 * p->nmembers);
	free(langs);
}


/* The words highlighted and found by n: the pager's own search, else
 * the library search the article was opened from. */
static const char *pager_query(const struct ui *ui, const struct pager *p)
{
	return p->find ? p->find : ui->query;
}

static const int view_cycle[] = {VIEW_SIDE, VIEW_ORIGINAL, VIEW_LEFT, VIEW_RIGHT};

static void pager_layout(struct ui *ui, struct pager *p)
{
	int w = MAX(20, ui->cols);
	int view = p->view;
	if (p->beside)
		view = VIEW_SIDE;
	else if (!p->art.lang2[0] && view != VIEW_AUTO)
		view = VIEW_ORIGINAL; /* one language: nothing to split */
	layout_article(&p->lay, p->beside ? &p->both : &p->art, (enum layout_view)view, w);
	story_add_also(&p->lay, p->also ? p->also : "", w);
	p->lay_width = ui->cols;
}

/* The article beside members[at - 1] (at 0: alone), from the top. */
static void pager_show_beside(struct ui *ui, struct pager *p, size_t at)
{
	article_free(&p->both);
	p->beside = at;
	if (p->beside) {
		struct article other = {0};
		struct store_meta m = {0};
		if (store_get(ui->st, p->members[p->beside - 1].id, &other, &m) != DG_OK) {
			msg_set(ui, true, "%s", store_error(ui->st));
			p->beside = 0;
		} else {
			story_beside(&p->art, &other, &p->both);
			msg_set(ui, false, "beside article %lld (%zu of %zu in the story)",
			        (long long)m.id, p->beside, p->nmembers);
		}
		article_free(&other);
		store_meta_free(&m);
	} else {
		msg_set(ui, false, "the article alone");
	}
	p->sc.top = 0;
	pager_layout(ui, p);
}

/* B: beside the next article of the story; after the last, alone again. */
static int pager_beside(struct ui *ui, struct pager *p)
{
	if (!p->nmembers) {
		msg_set(ui, false, "this article is in no story");
		return R_DRAW;
	}
	pager_show_beside(ui, p, (p->beside + 1) % (p->nmembers + 1));
	return R_DRAW;
}

/* Opened by the story screen's B: beside the article it chose. */
static void pager_open_beside(struct ui *ui, struct pager *p, int64_t id)
{
	for (size_t i = 0; i < p->nmembers; i++)
		if (p->members[i].id == id)
			pager_show_beside(ui, p, i + 1);
}

/* X: the article leaves its story, and no import brings it back. */
static int pager_unlink(struct ui *ui, struct pager *p)
{
	int rc = store_story_unlink(ui->st, p->meta.id);
	if (rc != DG_OK) {
		msg_set(ui, rc == DG_ERR, "%s", rc == DG_NOTFOUND ? "this article is in no story" : store_error(ui->st));
		return R_DRAW;
	}
	pager_story(ui, p);
	p->beside = 0;
	article_free(&p->both);
	pager_layout(ui, p);
	msg_set(ui, false, "article %lld taken out of its story", (long long)p->meta.id);
	return R_RELOAD | R_DRAW; /* the sidebar's stories and a story's list under it change */
}

static void pager_close(void *state)
{
	struct pager *p = state;
	article_free(&p->art);
	article_free(&p->both);
	store_meta_free(&p->meta);
	free(p->members);
	free(p->also);
	free(p->find);
	layout_free(&p->lay);
	free(p);
}

static void *pager_open(struct ui *ui, int *res)
{
	struct pager *p = xcalloc(1, sizeof *p);
	int64_t beside = ui->beside; /* the story screen's B: for this opening only */
	ui->beside = 0;
	*res = R_DRAW;
	if (store_get(ui->st, ui->article, &p->art, &p->meta) != DG_OK) {
		msg_set(ui, true, "%s", store_error(ui->st));
		free(p);
		return NULL;
	}
	p->view = ui->set.view;
	p->sc.overlap = 1; /* a page keeps one line of the last */
	pager_story(ui, p);
	pager_layout(ui, p);
	if (beside)
		pager_open_beside(ui, p, beside);
	if (ui->set.mark_read_on_open && !p->meta.read)
		*res |= flag_set(ui, p->meta.id, FLAG_READ, 1);
	return p;
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

static void pager_line(struct ui *ui, int y, const struct layout_line *l, const char *q, size_t **hl,
                       size_t *cap)
{
	attr_t a = draw_attr(ui, role_element(l->role));
	attr_t match = draw_attr(ui, EL_SEARCH_MATCH);
	size_t len = strlen(l->text);
	size_t n = draw_matches(q, l->text, len, hl, cap);
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
static struct scroll *pager_scroll(struct ui *ui, struct pager *p)
{
	p->sc.count = (int64_t)p->lay.n;
	p->sc.page = ui_body_rows(ui);
	scroll_clamp(&p->sc);
	return &p->sc;
}

static void pager_bars(struct ui *ui, const struct pager *p, struct sbuf *title, struct sbuf *status)
{
	char langs[2 * LANG_CODE_SIZE + 1];
	article_langs(&p->art, langs);
	int h = ui_body_rows(ui), n = (int)p->lay.n, top = (int)p->sc.top;
	int last = MIN(n, top + h);
	sbuf_addf(title, " diglot  %s", p->art.title);
	sbuf_addf(status, " view: %s  lines %d-%d/%d %d%%  %s  %s%s%s", layout_view_name(p->lay.view),
	          n ? top + 1 : 0, last, n, n ? 100 * last / n : 100,
	          p->art.source[0] ? p->art.source : "(no source)", langs,
	          p->meta.bookmarked ? "  [bookmarked]" : "", p->meta.read ? "" : "  [unread]");
}

static void pager_draw(struct ui *ui, void *state, struct sbuf *title, struct sbuf *status)
{
	struct pager *p = state;
	if (p->lay_width != ui->cols)
		pager_layout(ui, p);
	int h = ui_body_rows(ui);
	int64_t top = pager_scroll(ui, p)->top;
	size_t *hl = NULL, cap = 0;
	for (int y = 0; y < h; y++) {
		size_t i = (size_t)top + (size_t)y;
		if (i < p->lay.n)
			pager_line(ui, 1 + y, &p->lay.lines[i], pager_query(ui, p), &hl, &cap);
		else
			draw_fill(1 + y, 0, ui->cols, A_NORMAL);
	}
	free(hl);
	pager_bars(ui, p, title, status);
}

/* The next (dir 1) or previous (-1) line holding a match of the search. */
static int pager_find(struct ui *ui, struct pager *p, int dir)
{
	const char *q = pager_query(ui, p);
	if (!q) {
		msg_set(ui, true, "no search: press / first");
		return R_DRAW;
	}
	size_t *hl = NULL, cap = 0;
	for (int i = (int)p->sc.top + dir; i >= 0 && i < (int)p->lay.n; i += dir) {
		const char *t = p->lay.lines[i].text;
		if (draw_matches(q, t, strlen(t), &hl, &cap)) {
			free(hl);
			p->sc.top = i;
			msg_set(ui, false, "match at line %d", i + 1);
			return R_DRAW;
		}
	}
	free(hl);
	msg_set(ui, true, "no more matches for '%s'", q);
	return R_DRAW;
}

static int pager_cycle_view(struct ui *ui, struct pager *p)
{
	if (!p->art.lang2[0]) {
		msg_set(ui, false, "one language: a single view");
		return R_DRAW;
	}
	int cur = p->lay.view, next = view_cycle[0];
	for (size_t i = 0; i < ARRAY_SIZE(view_cycle); i++)
		if (view_cycle[i] == cur)
			next = view_cycle[(i + 1) % ARRAY_SIZE(view_cycle)];
	p->view = next;
	pager_layout(ui, p);
	pager_scroll(ui, p);
	msg_set(ui, false, "view: %s", layout_view_name(p->lay.view));
	return R_DRAW;
}

/* Open the next or previous (or next unread) article of the list. */
static int pager_step(struct ui *ui, int dir, bool unread)
{
	ui->step = (struct step){dir, unread};
	return R_STEP;
}

/* D: after asking, the article leaves the library and the pager closes. */
static int pager_delete(struct ui *ui, struct pager *p)
{
	if (!confirm_given(ui))
		return confirm_ask(ui, REQ_DELETE, "Delete '%.60s' from the library (its file stays)?", p->art.title);
	if (store_delete(ui->st, p->meta.id) != DG_OK) {
		msg_set(ui, true, "%s", store_error(ui->st));
		return R_DRAW;
	}
	msg_set(ui, false, "deleted article %lld", (long long)p->meta.id);
	return R_BACK | R_RELOAD | R_DRAW;
}

/* Requests that leave this article for another; R_PASS for any other. */
static int pager_move_on(struct ui *ui, struct pager *p, enum request r)
{
	struct scroll *sc = pager_scroll(ui, p);
	switch (r) {
	/* Space (page-down) at the end goes on to the next article, as mutt's. */
	case REQ_PAGE_DOWN: return sc->top + sc->page >= sc->count ? pager_step(ui, 1, false) : R_PASS;
	case REQ_NEXT_ARTICLE: return pager_step(ui, 1, false);
	case REQ_PREV_ARTICLE: return pager_step(ui, -1, false);
	case REQ_NEXT_UNREAD: return pager_step(ui, 1, true);
	/* n finds the next match while there is a search, as it always did;
	 * without one it does what a newsboat user expects of it. */
	case REQ_FIND_NEXT: return pager_query(ui, p) ? pager_find(ui, p, 1) : pager_step(ui, 1, true);
	case REQ_DELETE: return pager_delete(ui, p);
	case REQ_SAVE:
		if (!ui->answer)
			return prompt_ask(&ui->prompt, REQ_SAVE, "Save to: ", "~/");
		return export_save(ui, &p->art, p->lay.view, ui->cols, ui->answer);
	case REQ_PIPE:
		if (!ui->answer)
			return prompt_ask(&ui->prompt, REQ_PIPE, "Pipe to: ", "");
		return export_pipe(ui, &p->art, p->lay.view, ui->cols, ui->answer);
	default: return R_PASS;
	}
}

static int pager_handle(struct ui *ui, void *state, enum request r)
{
	struct pager *p = state;
	int res = pager_move_on(ui, p, r);
	if (!(res & R_PASS))
		return res;
	if (scroll_view(pager_scroll(ui, p), r))
		return R_DRAW;
	switch (r) {
	case REQ_BACK:
	case REQ_ESCAPE:
	case REQ_FOCUS_SIDEBAR: return R_BACK;
	case REQ_SEARCH: return prompt_start(&ui->prompt, pager_query(ui, p));
	case REQ_FIND_PREV: return pager_find(ui, p, -1);
	case REQ_VIEW:
		if (!p->beside)
			return pager_cycle_view(ui, p);
		p->beside = p->nmembers; /* t beside another: the article alone again */
		return pager_beside(ui, p);
	case REQ_BESIDE: return pager_beside(ui, p);
	case REQ_UNLINK: return pager_unlink(ui, p);
	case REQ_BOOKMARK: return flag_set(ui, p->meta.id, FLAG_BOOKMARKED, -1);
	case REQ_READ: return flag_set(ui, p->meta.id, FLAG_READ, -1);
	case REQ_COPY_URL: return url_copy(ui, p->art.url);
	case REQ_OPEN_URL: return url_open(ui, p->art.url);
	case REQ_FULL_PAGE: return fetch_page(ui, p->meta.id, p->art.url);
	default: return R_PASS;
	}
}

/* F's fetch of this article's page ended: its text, read again (the
 * page's when it said more), laid out from the top. */
static void pager_reread_text(struct ui *ui, struct pager *p)
{
	struct article a = {0};
	struct store_meta m = {0};
	ui->fetching.page_done = 0;
	if (store_get(ui->st, p->meta.id, &a, &m) != DG_OK) {
		article_free(&a);
		store_meta_free(&m);
		return;
	}
	article_free(&p->art);
	store_meta_free(&p->meta);
	p->art = a;
	p->meta = m;
	p->beside = 0;
	article_free(&p->both);
	p->sc.top = 0;
	pager_layout(ui, p);
}

/* The library changed (another process, C-l, a fetch): the flags may
 * have too, and the text after F. */
static int pager_reread(struct ui *ui, struct pager *p)
{
	if (ui->fetching.page_done == p->meta.id)
		pager_reread_text(ui, p);
	bool read, bm;
	int rc = store_get_state(ui->st, p->meta.id, &read, &bm);
	if (rc == DG_NOTFOUND)
		msg_set(ui, true, "this article was deleted from the library");
	if (rc != DG_OK)
		return R_DRAW;
	p->meta.read = read;
	p->meta.bookmarked = bm;
	return R_DRAW;
}

/* The status bar shows the article's flags: follow a change. */
static int pager_update(struct ui *ui, void *state, int what)
{
	struct pager *p = state;
	const struct flag_change *c = &ui->flagged;
	if (what & R_RELOAD)
		return pager_reread(ui, p);
	if (!(what & R_FLAGGED) || c->id != p->meta.id)
		return R_NONE;
	if (c->flag == FLAG_READ)
		p->meta.read = c->now;
	else
		p->meta.bookmarked = c->now;
	return R_NONE;
}

/* Enter in the prompt: search this article (not the library: the list
 * under the pager keeps its place) and go to the first match below.
 * An empty prompt keeps the search there was. */
static int pager_search(struct ui *ui, void *state, enum search_event ev)
{
	struct pager *p = state;
	const char *text = prompt_text(&ui->prompt);
	if (ev != SEARCH_ENTER)
		return R_DRAW;
	if (*text) {
		free(p->find);
		p->find = xstrdup(text);
	}
	pager_find(ui, p, 1);
	return R_DRAW;
}

static int64_t pager_article(const void *state)
{
	const struct pager *p = state;
	return p->meta.id;
}

const struct screen_ops pager_screen = {
	.name = "pager",
	.opener = REQ_NONE, /* R_OPEN_ARTICLE opens it */
	.live_search = false,
	.open = pager_open,
	.close = pager_close,
	.draw = pager_draw,
	.handle = pager_handle,
	.update = pager_update,
	.search = pager_search,
	.article = pager_article,
};
