/*
 * layout.c: an article as lines of display text for a given width.
 *
 * layout_wrap() breaks one paragraph into lines: UAX #14 break
 * opportunities from libunistring (u8_possible_linebreaks), filled greedily
 * with widths from width.c (grapheme clusters, so a line never splits one).
 * u8_width_linebreaks is not used because it measures code points with
 * uc_width and would disagree with width.c on emoji sequences.
 *
 * layout_article() puts a header (title, source, URL, languages, date)
 * over the body in one of the views of layout.h.  The pager paints these
 * lines and `diglot show --format text` prints them.
 *
 * Right-to-left text is laid out in logical order; the terminal's bidi
 * handling (if any) reorders it when painting.
 */
#include "diglot/common.h"
#include "diglot/layout.h"
#include "diglot/langid.h"
#include "diglot/sbuf.h"
#include "diglot/sentence.h"
#include "diglot/width.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unilbrk.h>

#define MIN_WIDTH 20
#define MIN_SIDE_WIDTH 60 /* below this, side by side stacks each row */
#define DIVIDER " \xE2\x94\x82 " /* " │ " */
#define DIVIDER_COLS 3
#define STACK_INDENT 2

static const char *const view_names[] = {
	[VIEW_AUTO] = "auto",
	[VIEW_ORIGINAL] = "original",
	[VIEW_SIDE] = "side-by-side",
	[VIEW_LEFT] = "left",
	[VIEW_RIGHT] = "right",
};

int layout_view_parse(const char *s)
{
	for (size_t i = 0; i < ARRAY_SIZE(view_names); i++)
		if (strcmp(s, view_names[i]) == 0)
			return (int)i;
	return -1;
}

const char *layout_view_name(enum layout_view v)
{
	if ((unsigned)v < ARRAY_SIZE(view_names))
		return view_names[v];
	return "original";
}

int layout_view_for_lang(const struct article *a, const char *code)
{
	if (!code || !code[0])
		return -1;
	/* Codes are ASCII; `FR` is `fr`. */
	if (a->lang2[0] && strcasecmp(code, a->lang) == 0)
		return VIEW_LEFT;
	if (a->lang2[0] && strcasecmp(code, a->lang2) == 0)
		return VIEW_RIGHT;
	return -1;
}

/* ---- wrapping ------------------------------------------------------------ */

struct brkbuf {
	char *p;
	size_t cap;
};

static void push_line(const char *s, size_t len, char ***lines, size_t *nlines, size_t *cap)
{
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	xgrow(lines, cap, *nlines + 1, sizeof **lines);
	(*lines)[(*nlines)++] = xstrndup(s, len);
}

static bool is_opportunity(char b)
{
	return b == UC_BREAK_POSSIBLE || b == UC_BREAK_HYPHENATION;
}

/*
 * French puts a space inside guillemets: « équilibré ».  UAX #14 before
 * Unicode 15.1 (libunistring 1.0) allows a break after "« ", leaving a
 * lone « at a line end; 15.1's LB15a forbids it.  Apply that rule for
 * the two initial guillemets.
 */
static void keep_guillemets(const char *s, size_t len, char *brk)
{
	for (size_t i = 0; i + 1 < len; i++) {
		size_t q = 0;
		if ((unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xAB)
			q = 2; /* « */
		else if (i + 2 < len && memcmp(s + i, "\xE2\x80\xB9", 3) == 0)
			q = 3; /* ‹ */
		if (!q)
			continue;
		size_t j = i + q;
		while (j < len && s[j] == ' ')
			j++;
		if (j > i + q && j < len)
			brk[j] = UC_BREAK_PROHIBITED;
	}
}

/*
 * Wrap one line without hard breaks, greedily: take clusters while they
 * fit; on overflow break at the last UAX #14 opportunity of the line, or,
 * when the line has none (a URL, a long compound), cut at the column.
 * Spaces may overflow: they are trimmed from the line end anyway.
 */
static size_t wrap_segment(const char *s, size_t len, int width, struct brkbuf *bb,
			   char ***lines, size_t *nlines, size_t *cap)
{
	size_t before = *nlines;
	size_t start = 0, last = 0, i = 0;
	int col = 0, last_col = 0;

	if (len == 0) {
		push_line(s, 0, lines, nlines, cap);
		return 1;
	}
	xgrow(&bb->p, &bb->cap, len, 1);
	u8_possible_linebreaks((const uint8_t *)s, len, "UTF-8", bb->p);
	keep_guillemets(s, len, bb->p);

	while (i < len) {
		int w;
		size_t n = width_cluster(s + i, len - i, &w);
		bool space = n == 1 && s[i] == ' '; /* not a space carrying a mark */

		if (i > start && is_opportunity(bb->p[i])) {
			last = i;
			last_col = col;
		}
		while (!space && i > start && col + w > width) {
			size_t cut;
			if (last > start) {
				cut = last;
				col -= last_col;
			} else {
				cut = i;
				col = 0;
			}
			push_line(s + start, cut - start, lines, nlines, cap);
			start = cut;
			/* a continuation line starts at its first non-space */
			int sw;
			while (start < i && s[start] == ' ' &&
			       width_cluster(s + start, len - start, &sw) == 1) {
				start++;
				col--;
			}
		}
		if (space && i == start && *nlines > before) {
			start += n; /* leading space of a continuation line */
		} else {
			col += w;
		}
		i += n;
	}
	if (start < len || *nlines == before)
		push_line(s + start, len - start, lines, nlines, cap);
	return *nlines - before;
}

static bool is_control_at(const char *s, size_t len, size_t i)
{
	unsigned char c = (unsigned char)s[i];
	if ((c < 0x20 && c != '\n') || c == 0x7f)
		return true;
	/* C1 controls U+0080..U+009F are C2 80..C2 9F */
	return c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] >= 0x80 &&
	       (unsigned char)s[i + 1] <= 0x9F;
}

/*
 * Clean text never holds control characters, but a line handed to a
 * terminal must not either: a tab becomes a space, other controls
 * (C0 but '\n', DEL, C1) are dropped.  Returns NULL when text is clean.
 */
static char *strip_controls(const char *text, size_t len, size_t *outlen)
{
	size_t i = 0;
	while (i < len && !is_control_at(text, len, i))
		i++;
	if (i == len)
		return NULL;
	char *out = xmalloc(len + 1);
	size_t o = 0;
	for (i = 0; i < len; i++) {
		if (!is_control_at(text, len, i))
			out[o++] = text[i];
		else if (text[i] == '\t')
			out[o++] = ' ';
		else if (text[i] == '\xC2')
			i++; /* skip both bytes of a C1 control */
	}
	out[o] = '\0';
	*outlen = o;
	return out;
}

static size_t wrap_with(const char *text, size_t len, int width, struct brkbuf *bb,
			char ***lines, size_t *nlines, size_t *cap)
{
	size_t count = 0;
	char *clean = strip_controls(text, len, &len);
	if (clean)
		text = clean;

	for (;;) {
		const char *nl = memchr(text, '\n', len);
		size_t seg = nl ? (size_t)(nl - text) : len;
		count += wrap_segment(text, seg, width, bb, lines, nlines, cap);
		if (!nl)
			break;
		text += seg + 1;
		len -= seg + 1;
	}
	free(clean);
	return count;
}

size_t layout_wrap(const char *text, size_t len, int width, char ***lines, size_t *nlines, size_t *cap)
{
	struct brkbuf bb = {NULL, 0};
	size_t n = wrap_with(text, len, MAX(width, 1), &bb, lines, nlines, cap);
	free(bb.p);
	return n;
}

/* ---- output lines -------------------------------------------------------- */

/* Take ownership of text; strip trailing spaces. */
static void add_owned(struct layout *l, char *text, enum line_role role, int divider)
{
	size_t len = strlen(text);
	while (len > 0 && text[len - 1] == ' ')
		text[--len] = '\0';
	xgrow(&l->lines, &l->cap, l->n + 1, sizeof *l->lines);
	l->lines[l->n++] = (struct layout_line){text, (unsigned char)role, divider};
}

static void add_blank(struct layout *l)
{
	add_owned(l, xstrdup(""), LINE_BLANK, -1);
}

/* A column of wrapped lines, each with its role. */
struct column {
	char **text;
	size_t n, cap;
	unsigned char *role;
	size_t rcap;
};

static void column_add_n(struct column *c, struct brkbuf *bb, const char *text, size_t len,
			 int width, enum line_role role)
{
	size_t from = c->n;
	wrap_with(text, len, width, bb, &c->text, &c->n, &c->cap);
	xgrow(&c->role, &c->rcap, c->n, 1);
	for (size_t i = from; i < c->n; i++)
		c->role[i] = (unsigned char)role;
}

static void column_add(struct column *c, struct brkbuf *bb, const char *text, int width,
		       enum line_role role)
{
	column_add_n(c, bb, text, strlen(text), width, role);
}

static void column_add_blank(struct column *c)
{
	xgrow(&c->text, &c->cap, c->n + 1, sizeof *c->text);
	c->text[c->n++] = xstrdup("");
	xgrow(&c->role, &c->rcap, c->n, 1);
	c->role[c->n - 1] = LINE_BLANK;
}

/* Hand the lines of c to l (moving the strings) and empty c. */
static void column_flush(struct layout *l, struct column *c, const char *indent)
{
	for (size_t i = 0; i < c->n; i++) {
		char *t = c->text[i];
		if (indent && t[0]) {
			t = xasprintf("%s%s", indent, t);
			free(c->text[i]);
		}
		add_owned(l, t, c->role[i], -1);
	}
	c->n = 0;
}

static void column_free(struct column *c)
{
	for (size_t i = 0; i < c->n; i++)
		free(c->text[i]);
	free(c->text);
	free(c->role);
	memset(c, 0, sizeof *c);
}

static enum line_role para_role(const struct para *p)
{
	return p->kind == PARA_TITLE ? LINE_HEADING : LINE_BODY;
}

/* ---- header -------------------------------------------------------------- */

static bool nonempty(const char *s)
{
	return s && s[0];
}

static void add_wrapped(struct layout *l, struct brkbuf *bb, const char *text, int width,
			enum line_role role)
{
	struct column c = {0};
	column_add(&c, bb, text, width, role);
	column_flush(l, &c, NULL);
	column_free(&c);
}

/* "中文 + English (zh+en)", "Français (fr)", or just the codes when
 * langid knows no names for them. */
static char *language_label(const struct article *a)
{
	const char *n1 = langid_native_name(a->lang);
	if (!a->lang2[0]) {
		if (strcmp(n1, a->lang) == 0)
			return xasprintf("Language: %s", a->lang);
		return xasprintf("Language: %s (%s)", n1, a->lang);
	}
	const char *n2 = langid_native_name(a->lang2);
	if (strcmp(n1, a->lang) == 0 && strcmp(n2, a->lang2) == 0)
		return xasprintf("Language: %s+%s", a->lang, a->lang2);
	return xasprintf("Language: %s + %s (%s+%s)", n1, n2, a->lang, a->lang2);
}

static void layout_header(struct layout *l, const struct article *a, int width, struct brkbuf *bb)
{
	if (nonempty(a->title))
		add_wrapped(l, bb, a->title, width, LINE_TITLE);
	if (nonempty(a->source)) {
		char *s = xasprintf("Source: %s", a->source);
		add_wrapped(l, bb, s, width, LINE_META);
		free(s);
	}
	if (nonempty(a->author)) {
		char *s = xasprintf("Author: %s", a->author);
		add_wrapped(l, bb, s, width, LINE_META);
		free(s);
	}
	if (nonempty(a->url)) {
		char *s = xasprintf("URL: %s", a->url);
		add_wrapped(l, bb, s, width, LINE_META);
		free(s);
	}
	if (a->lang[0]) {
		char *s = language_label(a);
		add_wrapped(l, bb, s, width, LINE_META);
		free(s);
	}
	/* No date in the text: the import day, said to be one. */
	if (a->date || a->imported_at) {
		time_t t = (time_t)(a->date ? a->date : a->imported_at);
		struct tm tm;
		char buf[96];
		if (gmtime_r(&t, &tm) && strftime(buf, sizeof buf, a->date ? "Date: %Y-%m-%d"
		                                  : "Date: %Y-%m-%d (imported; no date in the text)", &tm))
			add_wrapped(l, bb, buf, width, LINE_META);
	}
	if (l->n > 0)
		add_blank(l);
}

/* ---- bodies -------------------------------------------------------------- */

/* The parser keeps the title line in the body (bilingual alignment pairs
 * the two halves' titles); a single column already shows it in the header. */
static bool repeats_title(const struct article *a, const struct para *p)
{
	return p->kind == PARA_TITLE && strcmp(p->text, a->title) == 0;
}

/* Every paragraph (or those of one side when side != SIDE_NONE), blank
 * lines between them. */
static void layout_single(struct layout *l, const struct article *a, int side, int width,
			  struct brkbuf *bb)
{
	bool first = true;
	for (size_t i = 0; i < a->npara; i++) {
		const struct para *p = &a->paras[i];
		if ((side != SIDE_NONE && p->side != side) || repeats_title(a, p))
			continue;
		if (!first)
			add_blank(l);
		first = false;
		add_wrapped(l, bb, p->text, width, para_role(p));
	}
}

/* The n paragraphs of a row's side from paras[from] on (row_nth) wrapped
 * into c, a blank line between paragraphs.  Indexes out of range are
 * ignored. */
static void row_side(struct column *c, const struct article *a, uint32_t from, uint32_t n,
		     int width, struct brkbuf *bb)
{
	size_t i = from;
	for (uint32_t k = 0; k < n && i < a->npara; k++, i = row_nth(a, i, 1)) {
		const struct para *p = &a->paras[i];
		if (k > 0)
			column_add_blank(c);
		column_add(c, bb, p->text, width, para_role(p));
	}
}

/* Sentence pairs of a row that is one body paragraph beside one body
 * paragraph, when sentence.c is confident of them (*v NULL otherwise). */
static size_t row_sentences(const struct article *a, const struct row *row, struct sent_pair **v)
{
	size_t n = 0;
	*v = NULL;
	if (row->nleft != 1 || row->nright != 1 || row->left >= a->npara || row->right >= a->npara)
		return 0;
	const struct para *l = &a->paras[row->left], *r = &a->paras[row->right];
	if (l->kind != PARA_BODY || r->kind != PARA_BODY)
		return 0;
	if (!sentence_pairs(l->text, strlen(l->text), r->text, strlen(r->text), 0, v, &n))
		return 0;
	return n;
}

/* The k-th sentences of both sides into lc and rc, then the shorter
 * column padded so that the next pair starts on the same line. */
static void sentence_cells(struct column *lc, struct column *rc, const struct article *a,
			   const struct row *row, const struct sent_pair *v, size_t n, int lw,
			   int rw, struct brkbuf *bb)
{
	const char *lt = a->paras[row->left].text, *rt = a->paras[row->right].text;
	for (size_t k = 0; k < n; k++) {
		column_add_n(lc, bb, lt + v[k].left.off, v[k].left.len, lw, LINE_BODY);
		column_add_n(rc, bb, rt + v[k].right.off, v[k].right.len, rw, LINE_BODY);
		if (k + 1 == n)
			break;
		while (lc->n < rc->n)
			column_add_blank(lc);
		while (rc->n < lc->n)
			column_add_blank(rc);
	}
}

/* One line of two cells: left padded to lw, the divider, right. */
static char *side_line(const char *left, int lw, const char *right)
{
	struct sbuf b = SBUF_INIT;
	width_append_cell(&b, left, strlen(left), lw);
	sbuf_addstr(&b, DIVIDER);
	sbuf_addstr(&b, right);
	return sbuf_detach(&b);
}

static enum line_role pair_role(const struct column *lc, const struct column *rc, size_t j)
{
	unsigned char r1 = j < lc->n ? lc->role[j] : LINE_BLANK;
	unsigned char r2 = j < rc->n ? rc->role[j] : LINE_BLANK;
	if (r1 == LINE_BODY || r2 == LINE_BODY)
		return LINE_BODY;
	if (r1 == LINE_HEADING || r2 == LINE_HEADING)
		return LINE_HEADING;
	return LINE_BLANK;
}

static void side_header(struct layout *l, const struct article *a, int lw, int rw)
{
	struct sbuf b = SBUF_INIT;
	const char *n2 = langid_native_name(a->lang2);

	width_append_cell(&b, langid_native_name(a->lang), strlen(langid_native_name(a->lang)), lw);
	sbuf_addstr(&b, DIVIDER);
	width_append_cell(&b, n2, strlen(n2), rw);
	add_owned(l, sbuf_detach(&b), LINE_HEADER, lw + 1);

	for (int i = 0; i < lw + 1; i++)
		sbuf_addstr(&b, "─");
	sbuf_addstr(&b, "┼");
	for (int i = 0; i < rw + 1; i++)
		sbuf_addstr(&b, "─");
	add_owned(l, sbuf_detach(&b), LINE_RULE, lw + 1);
}

/* Two columns; each row's two sides start on the same line.  Lines keep
 * the divider even where a side is empty, so it runs unbroken. */
static void layout_side(struct layout *l, const struct article *a, int width, struct brkbuf *bb)
{
	int lw = (width - DIVIDER_COLS) / 2;
	int rw = width - DIVIDER_COLS - lw;
	struct column lc = {0}, rc = {0};

	side_header(l, a, lw, rw);
	for (size_t r = 0; r < a->nrow; r++) {
		const struct row *row = &a->rows[r];
		struct sent_pair *v;
		size_t ns = row_sentences(a, row, &v);
		if (r > 0)
			add_owned(l, side_line("", lw, ""), LINE_BLANK, lw + 1);
		if (ns) {
			sentence_cells(&lc, &rc, a, row, v, ns, lw, rw, bb);
		} else {
			row_side(&lc, a, row->left, row->nleft, lw, bb);
			row_side(&rc, a, row->right, row->nright, rw, bb);
		}
		free(v);
		for (size_t j = 0; j < MAX(lc.n, rc.n); j++) {
			char *t = side_line(j < lc.n ? lc.text[j] : "", lw, j < rc.n ? rc.text[j] : "");
			add_owned(l, t, pair_role(&lc, &rc, j), lw + 1);
		}
		column_free(&lc);
		column_free(&rc);
	}
}

/* Side by side on a narrow screen: each row's left text, then its right
 * text indented, a blank line between rows.  A row with sentence pairs
 * alternates them: left sentence, its translation indented, next one. */
static void layout_stacked(struct layout *l, const struct article *a, int width, struct brkbuf *bb)
{
	struct column c = {0};
	for (size_t r = 0; r < a->nrow; r++) {
		const struct row *row = &a->rows[r];
		struct sent_pair *v;
		size_t ns = row_sentences(a, row, &v);
		if (r > 0)
			add_blank(l);
		for (size_t k = 0; k < ns; k++) {
			const struct span *ls = &v[k].left, *rs = &v[k].right;
			column_add_n(&c, bb, a->paras[row->left].text + ls->off, ls->len, width, LINE_BODY);
			column_flush(l, &c, NULL);
			column_add_n(&c, bb, a->paras[row->right].text + rs->off, rs->len,
				     width - STACK_INDENT, LINE_BODY);
			column_flush(l, &c, "  ");
		}
		free(v);
		if (ns)
			continue;
		row_side(&c, a, row->left, row->nleft, width, bb);
		column_flush(l, &c, NULL);
		row_side(&c, a, row->right, row->nright, width - STACK_INDENT, bb);
		column_flush(l, &c, "  ");
	}
	column_free(&c);
}

static enum layout_view resolve_view(const struct article *a, enum layout_view view)
{
	bool bilingual = a->lang2[0] != '\0';
	bool rows = bilingual && a->nrow > 0 && a->rows;

	switch (view) {
	case VIEW_AUTO:
		return rows ? VIEW_SIDE : VIEW_ORIGINAL;
	case VIEW_SIDE:
		return rows ? VIEW_SIDE : VIEW_ORIGINAL;
	case VIEW_LEFT:
	case VIEW_RIGHT:
		return bilingual ? view : VIEW_ORIGINAL;
	case VIEW_ORIGINAL:
	default:
		return VIEW_ORIGINAL;
	}
}

void layout_article(struct layout *out, const struct article *a, enum layout_view view, int width)
{
	struct brkbuf bb = {NULL, 0};

	layout_free(out);
	width = MAX(width, MIN_WIDTH);
	out->view = resolve_view(a, view);
	layout_header(out, a, width, &bb);
	switch (out->view) {
	case VIEW_SIDE:
		if (width >= MIN_SIDE_WIDTH)
			layout_side(out, a, width, &bb);
		else
			layout_stacked(out, a, width, &bb);
		break;
	case VIEW_LEFT:
		layout_single(out, a, SIDE_LEFT, width, &bb);
		break;
	case VIEW_RIGHT:
		layout_single(out, a, SIDE_RIGHT, width, &bb);
		break;
	default:
		layout_single(out, a, SIDE_NONE, width, &bb);
		break;
	}
	free(bb.p);
}

char *layout_text(const struct layout *l)
{
	struct sbuf b = SBUF_INIT;
	for (size_t i = 0; i < l->n; i++) {
		sbuf_addstr(&b, l->lines[i].text);
		sbuf_addc(&b, '\n');
	}
	return sbuf_detach(&b);
}

void layout_free(struct layout *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->lines[i].text);
	free(l->lines);
	l->lines = NULL;
	l->n = l->cap = 0;
}
