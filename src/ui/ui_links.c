/*
 * ui_links.c: the links screen (`u`): the article's URL and every URL in
 * its text, one a row; Enter or O opens one with $BROWSER, y copies it
 * (OSC 52), q or Esc goes back.  It opens over any screen that hands it
 * an article (the list's row, the pager's article).
 */
#include "ui_int.h"

#include <stdlib.h>
#include <string.h>

#include "ui_draw.h"
#include "ui_scroll.h"
#include "ui_url.h"

struct links {
	char **url;
	size_t n, cap;
	char *title;
	struct scroll sc; /* cur: the selected link */
};

static void links_add(struct links *k, const char *s, size_t len)
{
	for (size_t i = 0; i < k->n; i++)
		if (strlen(k->url[i]) == len && !memcmp(k->url[i], s, len))
			return; /* each link once */
	xgrow(&k->url, &k->cap, k->n + 1, sizeof *k->url);
	k->url[k->n++] = xstrndup(s, len);
}

/* Where a URL starting at s ends: at a space or a character no URL in
 * running text holds, and without the punctuation that closes the
 * sentence around it ("see https://x.org/a." ends before the dot). */
static size_t url_length(const char *s)
{
	size_t n = 0;
	while (s[n] && (unsigned char)s[n] > ' ' && !strchr("<>\"'`", s[n]) &&
	       strncmp(s + n, "\xe3\x80", 2) && strncmp(s + n, "\xef\xbc", 2)) /* CJK punctuation */
		n++;
	while (n && strchr(".,;:!?)]}", s[n - 1])) {
		/* A closing bracket the URL opened stays: wiki/Foo_(bar). */
		if (s[n - 1] == ')' && memchr(s, '(', n))
			break;
		n--;
	}
	return n;
}

static void links_scan(struct links *k, const char *text)
{
	for (const char *p = text; (p = strstr(p, "http")) != NULL;) {
		bool scheme = !strncmp(p, "http://", 7) || !strncmp(p, "https://", 8);
		size_t n = scheme ? url_length(p) : 0;
		if (n > 8)
			links_add(k, p, n);
		p += n ? n : 4;
	}
}

static void links_close(void *state)
{
	struct links *k = state;
	for (size_t i = 0; i < k->n; i++)
		free(k->url[i]);
	free(k->url);
	free(k->title);
	free(k);
}

static void *links_open(struct ui *ui, int *res)
{
	struct article a = {0};
	*res = R_DRAW;
	if (!ui->article) {
		msg_set(ui, true, "no article here");
		return NULL;
	}
	if (store_get(ui->st, ui->article, &a, NULL) != DG_OK) {
		msg_set(ui, true, "%s", store_error(ui->st));
		return NULL;
	}
	struct links *k = xcalloc(1, sizeof *k);
	if (a.url && *a.url)
		links_add(k, a.url, strlen(a.url));
	for (size_t i = 0; i < a.npara; i++)
		links_scan(k, a.paras[i].text);
	k->title = xstrdup(a.title ? a.title : "");
	article_free(&a);
	if (!k->n) {
		msg_set(ui, false, "this article has no links");
		links_close(k);
		return NULL;
	}
	return k;
}

static struct scroll *links_scroll(struct ui *ui, struct links *k)
{
	k->sc.count = (int64_t)k->n;
	k->sc.page = ui_body_rows(ui);
	return &k->sc;
}

static void links_draw(struct ui *ui, void *state, struct sbuf *title, struct sbuf *status)
{
	struct links *k = state;
	struct scroll *sc = links_scroll(ui, k);
	scroll_follow(sc);
	for (int y = 0; y < sc->page; y++) {
		int64_t i = sc->top + y;
		if (i >= (int64_t)k->n) {
			draw_fill(1 + y, 0, ui->cols, A_NORMAL);
			continue;
		}
		struct sbuf b = SBUF_INIT;
		sbuf_addf(&b, "%3lld  %s", (long long)i + 1, k->url[i]);
		attr_t a = i == sc->cur ? draw_attr(ui, EL_SELECTED) : draw_attr(ui, EL_NORMAL);
		draw_text(ui, 1 + y, 0, b.s, b.len, ui->cols, a, NULL, 0, 0, true);
		sbuf_free(&b);
	}
	sbuf_addf(title, " diglot  links: %s", k->title);
	sbuf_addf(status, " %zu link%s  %lld/%zu  Enter/O: open  y: copy  q: back", k->n, k->n == 1 ? "" : "s",
	          (long long)sc->cur + 1, k->n);
}

static int links_handle(struct ui *ui, void *state, enum request r)
{
	struct links *k = state;
	if (scroll_cursor(links_scroll(ui, k), r))
		return R_DRAW;
	const char *url = k->url[k->sc.cur];
	switch (r) {
	case REQ_BACK:
	case REQ_ESCAPE:
	case REQ_LINKS:
	case REQ_FOCUS_SIDEBAR: return R_BACK;
	case REQ_OPEN:
	case REQ_OPEN_URL: return url_open(ui, url);
	case REQ_COPY_URL: return url_copy(ui, url);
	default: return R_PASS;
	}
}

/* A click selects a link (rows from screen row 1); a double click opens it. */
static bool links_click(struct ui *ui, void *state, int y, int x)
{
	struct links *k = state;
	int64_t i = links_scroll(ui, k)->top + (y - 1);
	(void)x;
	if (y < 1 || y > ui_body_rows(ui) || i >= (int64_t)k->n)
		return false;
	k->sc.cur = i;
	return true;
}

const struct screen_ops links_screen = {
	.name = "links",
	.opener = REQ_LINKS,
	.open = links_open,
	.close = links_close,
	.draw = links_draw,
	.handle = links_handle,
	.click = links_click,
};
