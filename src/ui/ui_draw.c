/*
 * ui_draw.c: painting for the reader.  Theme elements become curses
 * colour pairs (degraded to the terminal's 8 or 16 colours), and every
 * string reaches the terminal through draw_text, which cuts it by display
 * width and replaces anything unsafe: control characters, invalid UTF-8,
 * and, in a non-UTF-8 locale, everything outside ASCII.
 */
#include "ui_int.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistr.h>

#include "diglot/tokenize.h"
#include "diglot/utf8.h"
#include "diglot/width.h"
#include "ui_draw.h"

void draw_init_colors(struct ui *ui)
{
	ui->color = has_colors() && start_color() == OK;
	if (!ui->color)
		return;
	bool defaults = use_default_colors() == OK;
	int ncolors = COLORS >= 256 ? 256 : COLORS >= 16 ? 16 : 8;
	for (int e = 0; e < EL_COUNT; e++) {
		short fg = theme_degrade(ui->theme.el[e].fg, ncolors);
		short bg = theme_degrade(ui->theme.el[e].bg, ncolors);
		if (!defaults) {
			/* Without default colours assume white on black. */
			if (fg < 0)
				fg = COLOR_WHITE;
			if (bg < 0)
				bg = COLOR_BLACK;
		}
		if (e + 1 < COLOR_PAIRS)
			init_pair((short)(e + 1), fg, bg);
	}
}

attr_t draw_attr(const struct ui *ui, enum theme_element e)
{
	const struct theme_style *s = &ui->theme.el[e];
	attr_t a = A_NORMAL;
	if (s->attr & ATTR_BOLD)
		a |= A_BOLD;
	if (s->attr & ATTR_UNDERLINE)
		a |= A_UNDERLINE;
	if (s->attr & ATTR_REVERSE)
		a |= A_REVERSE;
	if (s->attr & ATTR_DIM)
		a |= A_DIM;
#ifdef A_ITALIC
	if (s->attr & ATTR_ITALIC)
		a |= A_ITALIC;
#endif
	if (ui->color && (int)e + 1 < COLOR_PAIRS)
		a |= COLOR_PAIR(e + 1);
	return a;
}

static bool in_ranges(size_t off, const size_t *hl, size_t nhl)
{
	for (size_t i = 0; i < nhl; i++)
		if (off >= hl[2 * i] && off < hl[2 * i + 1])
			return true;
	return false;
}

/* What to print for the character at s (len bytes left): *out and *outn
 * the bytes, *w their columns.  Returns the bytes of s it stands for. */
static size_t safe_char(const struct ui *ui, const char *s, size_t len, const char **out, size_t *outn,
                        int *w)
{
	ucs4_t uc;
	int n = u8_mbtouc(&uc, (const uint8_t *)s, len);
	if (n <= 0)
		n = 1;
	*out = s;
	*outn = (size_t)n;
	if (uc < 0x20 || uc == 0x7f || (uc >= 0x80 && uc < 0xa0) || uc == 0x2028 || uc == 0x2029)
		*out = " ", *outn = 1, *w = 1; /* never let a control character through */
	else if (utf8_is_hidden(uc))
		*outn = 0, *w = 0; /* bidi controls, soft hyphens...: terminals disagree, none is drawn */
	else if (uc == 0xfffd && !ui->utf8)
		*out = "?", *outn = 1, *w = 1;
	else if (!ui->utf8 && uc >= 0x80) {
		/* No UTF-8 to draw with: one '?' per column the cluster takes,
		 * so that everything after it stays where layout put it. */
		n = (int)width_cluster(s, len, w);
		if (n <= 0)
			n = 1, *w = 1;
		*w = MIN(*w, 2);
		*out = "??", *outn = (size_t)*w;
	} else if (uc == 0xfffd && n == 1)
		*out = "\xef\xbf\xbd", *outn = 3, *w = 1; /* an invalid byte */
	else {
		/* A whole grapheme cluster at once, measured as layout measured
		 * it, so emoji sequences never push a line past its edge. */
		n = (int)width_cluster(s, len, w);
		if (n <= 0)
			n = 1, *w = 1;
		*outn = (size_t)n;
	}
	if (*w < 0)
		*out = "?", *outn = 1, *w = 1;
	return (size_t)n;
}

int draw_text(struct ui *ui, int y, int x, const char *s, size_t len, int cols, attr_t attr,
              const size_t *hl, size_t nhl, attr_t hl_attr, bool pad)
{
	int used = 0;
	size_t i = 0;
	if (cols <= 0)
		return 0;
	move(y, x);
	while (i < len && used < cols) {
		const char *out;
		size_t outn;
		int w;
		size_t n = safe_char(ui, s + i, len - i, &out, &outn, &w);
		if (used + w > cols)
			break;
		attrset(hl && in_ranges(i, hl, nhl) ? hl_attr : attr);
		if (outn)
			addnstr(out, (int)outn);
		used += w;
		i += n;
	}
	attrset(attr);
	if (pad)
		for (; used < cols; used++)
			addch(' ');
	attrset(A_NORMAL);
	return used;
}

void draw_fill(int y, int x, int cols, attr_t attr)
{
	if (cols <= 0)
		return;
	move(y, x);
	attrset(attr);
	for (int i = 0; i < cols; i++)
		addch(' ');
	attrset(A_NORMAL);
}

void draw_bars(struct ui *ui, const char *title, const char *status)
{
	attr_t tb = draw_attr(ui, EL_TITLEBAR), st = draw_attr(ui, EL_STATUS);
	/* A long title (the pager's article title) ends in "…" when cut, so
	 * that the cut shows. */
	struct sbuf t = SBUF_INIT;
	width_append_cell(&t, title, strlen(title), ui->cols);
	draw_text(ui, 0, 0, t.s, t.len, ui->cols, tb, NULL, 0, 0, true);
	sbuf_free(&t);
	if (ui->rows >= 3)
		draw_text(ui, ui->rows - 2, 0, status, strlen(status), ui->cols, st, NULL, 0, 0, true);
}

/* ---- search-match highlighting ---------------------------------------- */

struct qtokens {
	char **tok;
	size_t n, cap;
};

static int add_qtoken(void *ctx, int flags, const char *tok, size_t toklen, size_t start, size_t end)
{
	struct qtokens *q = ctx;
	(void)flags, (void)start, (void)end;
	xgrow(&q->tok, &q->cap, q->n + 1, sizeof *q->tok);
	q->tok[q->n++] = xstrndup(tok, toklen);
	return 0;
}

struct hlctx {
	struct qtokens *q;
	size_t **hl, *cap, n;
};

static int match_token(void *ctx, int flags, const char *tok, size_t toklen, size_t start, size_t end)
{
	struct hlctx *h = ctx;
	(void)flags;
	for (size_t i = 0; i < h->q->n; i++) {
		size_t ql = strlen(h->q->tok[i]);
		/* A Latin query word matches as a prefix, so highlighting keeps
		 * up while the user is still typing the word. */
		bool ascii = (unsigned char)h->q->tok[i][0] < 0x80;
		if (toklen == ql ? memcmp(tok, h->q->tok[i], ql) == 0
		                 : ascii && toklen > ql && memcmp(tok, h->q->tok[i], ql) == 0) {
			xgrow(h->hl, h->cap, 2 * (h->n + 1), sizeof **h->hl);
			(*h->hl)[2 * h->n] = start;
			(*h->hl)[2 * h->n + 1] = end;
			h->n++;
			break;
		}
	}
	return 0;
}

/* The end of the word or "quoted phrase" at q. */
static const char *term_end(const char *q)
{
	if (*q == '"') {
		const char *close = strchr(q + 1, '"');
		return close ? close + 1 : q + strlen(q);
	}
	return q + strcspn(q, " \t");
}

/* The words of the search that a match shows: the search syntax
 * (tokenize.h) without its operators, OR and the -excluded terms, which
 * would otherwise light up every word starting with "or" or the very
 * word the search keeps out.  Caller frees. */
static char *wanted_terms(const char *query)
{
	struct sbuf b = SBUF_INIT;
	sbuf_addstr(&b, "");
	for (const char *q = query; *q;) {
		if (*q == ' ' || *q == '\t') {
			q++;
			continue;
		}
		bool excluded = *q == '-' && q[1] && q[1] != ' ';
		const char *end = term_end(excluded ? q + 1 : q);
		bool op = end - q == 2 && memcmp(q, "OR", 2) == 0;
		if (!excluded && !op) {
			sbuf_add(&b, q, (size_t)(end - q));
			sbuf_addc(&b, ' ');
		}
		q = end;
	}
	return sbuf_detach(&b);
}

size_t draw_matches(const char *query, const char *s, size_t len, size_t **hl, size_t *cap)
{
	if (!query || !*query)
		return 0;
	struct qtokens q = {NULL, 0, 0};
	char *terms = wanted_terms(query);
	tokenize(terms, strlen(terms), true, add_qtoken, &q);
	free(terms);
	struct hlctx h = {&q, hl, cap, 0};
	if (q.n)
		tokenize(s, len, false, match_token, &h);
	for (size_t i = 0; i < q.n; i++)
		free(q.tok[i]);
	free(q.tok);
	return h.n;
}

/* An article whose text had no date shows the day it was imported, marked
 * by a '~' in the separator's place: the column keeps its width, so dated
 * rows (and the golden screens) look as they did. */
void draw_date_cell(int64_t date, int64_t imported_at, int width, struct sbuf *b)
{
	char d[16] = "";
	bool undated = date <= 0;
	time_t t = (time_t)(undated ? imported_at : date);
	struct tm tm;
	if (t > 0 && localtime_r(&t, &tm))
		strftime(d, sizeof d, "%Y-%m-%d", &tm);
	sbuf_addc(b, undated && d[0] ? '~' : ' ');
	width_append_cell(b, d, strlen(d), width);
}
