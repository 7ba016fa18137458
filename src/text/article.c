/*
 * article.c: clean text (utf8.c's output) to struct article.
 *
 * The parse runs in passes over a list of paragraphs:
 *  1. Blocks: blank-line separated.  Inside a block, lines wider than 110
 *     columns or mostly ending a sentence are one paragraph each (files with
 *     no blank lines); short lines (lists, verse) stay one paragraph with
 *     '\n' hard breaks; wrapped prose is joined (with no space between CJK).
 *     Near the start and the end of the text, metadata lines (source,
 *     date, byline, share/comment/counter lines, "Related" headings) are
 *     cut out of their block first, so "Quelle: X\n12.05.2025\nVon Y" is
 *     seen line by line.
 *  2. Labels: "**News Title:** ..." becomes a PARA_TITLE paragraph without
 *     label or quotes, "**News Content:** ..." a body paragraph without the
 *     label, other "**Label:**" lines and "Keywords:" PARA_META.
 *  3. The end of the text: comment forms and counts, view counters, share
 *     lines, editor credits, "Recent News"-style headings with the list
 *     after them, author bios and source lines are removed, last paragraph
 *     first, stopping at the first real paragraph (in many languages).
 *  4. Source lines anywhere ("Source: X", "来源：URL", "Источник: X"...) give
 *     the outlet and URL and are removed; bylines ("By", "Von", "Por"...)
 *     stay as PARA_META; a date line may end with the outlet.  Who names
 *     the outlet is ranked (see PRIO_*): a source line beats a byline or
 *     date line, which beats a breadcrumb, a bare name line, a URL host.
 *  5. The start: a breadcrumb glued to the title ("HomeWinBuzzer NewsTitle
 *     ...", "首页 > 国际 > 正文Title") and a title printed twice ("Title"
 *     then "Title AFP" or "Title Photo X") lose their duplicate; crumbs
 *     name the outlet only when they look like one ("X News", "Der
 *     Kieselbote"), never a section ("Economía").
 *  6. Title: a short first line (kept as paragraph 0, kind PARA_TITLE);
 *     else a labelled title; else the first sentence of the first paragraph,
 *     cut at a word boundary near 100 columns with "…" (that paragraph
 *     stays in the body).  Short heading lines become PARA_TITLE.
 *  7. Date from the first or last few short paragraphs (numeric dates are
 *     day first unless the text reads as English, see numeric_date);
 *     outlet from a dateline tag such as "(AFP)"; lastly the URL's host.
 * Every pass only looks and cuts: none can fail, and all are linear or
 * bounded by a paragraph length cap where they compare strings.
 *
 * This file holds the pipeline (passes 1, 2 and 6, and article_parse,
 * which runs them all) and the public functions; article_clutter.c has
 * pass 3, article_source.c passes 4 and 5 and the hosts table,
 * article_date.c the dates; article_int.h is what they share.
 */
#include "diglot/common.h"
#include "diglot/article.h"
#include "diglot/sbuf.h"
#include "article_int.h"

#include <stdlib.h>
#include <string.h>
#include <uniwidth.h>

/* Only pass 1 adds paragraphs; the other passes cut and rewrite them. */
static void pl_add(struct plist *pl, const char *s, size_t n, enum para_kind kind)
{
	trim(&s, &n);
	if (n == 0)
		return;
	xgrow(&pl->v, &pl->cap, pl->n + 1, sizeof *pl->v);
	pl->v[pl->n].text = xstrndup(s, n);
	pl->v[pl->n].kind = (unsigned char)kind;
	memset(&pl->v[pl->n].soft, 0, sizeof pl->v[pl->n].soft);
	pl->n++;
}

/* ---- pass 1: blocks and lines to paragraphs ---------------------------- */

#define LONG_LINE 110 /* wider lines were never hard-wrapped */
#define SHORT_BLOCK 40 /* blocks whose lines are all narrower: lists, verse */

struct line {
	const char *s;
	size_t n, w;
};

static void join_lines(struct sbuf *b, const struct line *l, size_t from, size_t to,
                       struct soft_breaks *soft)
{
	memset(soft, 0, sizeof *soft);
	for (size_t i = from; i < to; i++) {
		if (b->len > 0) {
			uint32_t prev = last_cp(b->s, b->len);
			size_t k;
			uint32_t next = cp_at(l[i].s, l[i].n, &k);
			bool hyphen = prev == '-' && b->len >= 2 && b->s[b->len - 2] != ' ';
			/* CJK text (letters and its punctuation) joins without a space */
			if (!script_is_cjk_text(prev) && !script_is_cjk_text(next) && !hyphen)
				sbuf_addc(b, ' ');
		}
		/* a short block's line starts, for the bilingual pass: two
		 * titles or a caption and its translation join here too */
		if (i > from && to - from <= SOFT_BREAKS_MAX + 1 && b->len < UINT16_MAX)
			soft->at[soft->n++] = (uint16_t)b->len;
		sbuf_add(b, l[i].s, l[i].n);
	}
	soft->len = b->len < UINT16_MAX ? (uint16_t)b->len : 0;
}

/* Is every line of the block a paragraph (no blank lines between them)? */
static bool line_per_para(const struct line *l, size_t n, size_t *maxwp)
{
	size_t maxw = 0, ends = 0;
	for (size_t i = 0; i < n; i++) {
		maxw = MAX(maxw, l[i].w);
		ends += is_sentence_end(last_cp(l[i].s, l[i].n)) ||
		        last_cp(l[i].s, l[i].n) == 0x201D || last_cp(l[i].s, l[i].n) == '"';
	}
	*maxwp = maxw;
	return n == 1 || maxw > LONG_LINE || (maxw >= SHORT_BLOCK && ends * 2 >= n);
}

static void block_to_paras(struct plist *pl, const struct line *l, size_t n)
{
	size_t maxw;
	struct sbuf b = SBUF_INIT;
	if (line_per_para(l, n, &maxw)) {
		for (size_t i = 0; i < n; i++)
			pl_add(pl, l[i].s, l[i].n, PARA_BODY);
		return;
	}
	if (maxw < SHORT_BLOCK) {
		for (size_t i = 0; i < n; i++) {
			if (i)
				sbuf_addc(&b, '\n');
			sbuf_add(&b, l[i].s, l[i].n);
		}
		pl_add(pl, b.s, b.len, PARA_BODY);
		sbuf_free(&b);
		return;
	}
	/* Wrapped prose: a line much shorter than the widest ends a paragraph. */
	size_t start = 0;
	for (size_t i = 0; i < n; i++) {
		if (l[i].w * 10 < maxw * 6 || i == n - 1) {
			struct soft_breaks soft;
			join_lines(&b, l, start, i + 1, &soft);
			size_t before = pl->n;
			pl_add(pl, b.s, b.len, PARA_BODY);
			if (pl->n > before && soft.n && strlen(pl->v[before].text) == b.len)
				pl->v[before].soft = soft;
			sbuf_truncate(&b, 0);
			start = i + 1;
		}
	}
	sbuf_free(&b);
}

#define HEAD_LINES 12 /* metadata lines are looked for in the first lines... */
#define TAIL_LINES 30 /* ...and page clutter in the last ones */

/*
 * A block of lines, with the metadata lines near the start or the end of
 * the text ("Quelle: X" then "12.05.2025, 14:30 Uhr" then "Von Y", or
 * "Teilen:" then "Kommentare (0)") cut out as paragraphs of their own, so
 * later passes see them one by one; the other lines go to block_to_paras
 * in runs, as if the metadata lines were blank.
 */
static void cut_block(struct plist *pl, const struct line *l, size_t n, size_t first_no,
                      size_t total)
{
	size_t start = 0, maxw;
	if (line_per_para(l, n, &maxw)) {
		block_to_paras(pl, l, n); /* each line is cut already */
		return;
	}
	for (size_t i = 0; i < n; i++) {
		size_t no = first_no + i;
		if ((no < HEAD_LINES || no + TAIL_LINES >= total) && art_meta_line(l[i].s, l[i].n)) {
			if (i > start)
				block_to_paras(pl, l + start, i - start);
			block_to_paras(pl, l + i, 1);
			start = i + 1;
		}
	}
	if (n > start)
		block_to_paras(pl, l + start, n - start);
}

static void split_paras(struct plist *pl, const char *text, size_t len)
{
	struct line *l = NULL;
	size_t nl = 0, cap = 0, i = 0, no = 0, total = 1, first = 0;
	for (const char *p = text; (p = memchr(p, '\n', len - (size_t)(p - text))) != NULL; p++)
		total++;
	while (i <= len) {
		const char *e = i < len ? memchr(text + i, '\n', len - i) : NULL;
		size_t end = e ? (size_t)(e - text) : len;
		const char *s = text + i;
		size_t n = end - i;
		trim(&s, &n);
		if (n == 0) {
			if (nl)
				cut_block(pl, l, nl, first, total);
			nl = 0;
		} else {
			if (nl == 0)
				first = no;
			xgrow(&l, &cap, nl + 1, sizeof *l);
			l[nl].s = s;
			l[nl].n = n;
			l[nl].w = width_of(s, MIN(n, 4 * LONG_LINE)); /* enough to compare */
			nl++;
		}
		i = end + 1;
		no++;
	}
	if (nl)
		cut_block(pl, l, nl, first, total);
	free(l);
}

/* ---- pass 2: labels ---------------------------------------------------- */

static const char *const title_labels[] = {
	"news title", "title", "headline", "english title", "chinese title", "标题", "新闻标题",
	"titre", "titolo", "título", "titel", "english headline",
};
static const char *const content_labels[] = {
	"news content", "content", "body", "text", "article", "正文", "内容", "新闻内容",
	"contenu", "contenuto", "contenido", "inhalt", "news body",
};
static const char *const meta_labels[] = {
	"keywords", "keyword", "tags", "关键词", "关键字", "标签", "mots-clés", "mots clés",
	"parole chiave", "palabras clave", "schlagwörter", "summary", "摘要",
};

/* Strip one pair of enclosing quotes. */
static void strip_quotes(const char **s, size_t *n)
{
	static const char *const pairs[][2] = {
		{"\"", "\""}, {"“", "”"}, {"«", "»"}, {"「", "」"}, {"『", "』"},
		{"‘", "’"}, {"《", "》"}, {"„", "“"},
	};
	for (size_t i = 0; i < ARRAY_SIZE(pairs); i++) {
		size_t a = strlen(pairs[i][0]), z = strlen(pairs[i][1]);
		if (*n >= a + z && memcmp(*s, pairs[i][0], a) == 0 &&
		    memcmp(*s + *n - z, pairs[i][1], z) == 0 &&
		    !memchr(*s + a, pairs[i][1][0], *n - a - z)) {
			*s += a;
			*n -= a + z;
			trim(s, n);
			return;
		}
	}
}

/*
 * Find a label at the start of t: "**Label:** rest", "**Label**: rest"
 * or, when plain is set, "Label: rest".  Fills the label and the rest.
 */
static bool find_label(const char *t, size_t n, bool plain, const char **lab, size_t *lablen,
                       const char **rest)
{
	if (n > 4 && t[0] == '*' && t[1] == '*') {
		const char *close = NULL;
		for (size_t i = 2; i + 1 < n && i < 64; i++)
			if (t[i] == '*' && t[i + 1] == '*') {
				close = t + i;
				break;
			}
		if (!close)
			return false;
		const char *ls = t + 2;
		size_t ln = (size_t)(close - ls);
		const char *after = close + 2;
		size_t an = n - (size_t)(after - t);
		trim(&ls, &ln);
		if (ln && (ls[ln - 1] == ':')) {
			ln--;
		} else if (ln >= 3 && memcmp(ls + ln - 3, "：", 3) == 0) {
			ln -= 3;
		} else if (an && after[0] == ':') {
			after++;
		} else if (an >= 3 && memcmp(after, "：", 3) == 0) {
			after += 3;
		} else {
			return false;
		}
		trim(&ls, &ln);
		*lab = ls;
		*lablen = ln;
		*rest = after;
		return ln > 0;
	}
	if (!plain)
		return false;
	for (size_t i = 0; i < n && i < 40; i++) {
		if (t[i] == ':' || (i + 3 <= n && memcmp(t + i, "：", 3) == 0)) {
			const char *ls = t;
			size_t ln = i;
			trim(&ls, &ln);
			*lab = ls;
			*lablen = ln;
			*rest = t + i + (t[i] == ':' ? 1 : 3);
			return ln > 0;
		}
	}
	return false;
}

/* Returns the index of the first labelled title, or -1. */
static long apply_labels(struct plist *pl)
{
	long title = -1;
	for (size_t i = 0; i < pl->n; i++) {
		struct item *it = &pl->v[i];
		const char *t = it->text, *lab, *rest;
		size_t n = strlen(t), ln;
		if (n >= 2 && t[0] == '#') { /* markdown heading */
			size_t h = 0;
			while (h < n && h < 6 && t[h] == '#')
				h++;
			if (h < n && t[h] == ' ' && !strchr(t, '\n')) {
				pl_set(it, t + h, n - h);
				it->kind = PARA_TITLE;
			}
			continue;
		}
		if (n > 4 && t[0] == '*' && t[1] == '*' && t[n - 1] == '*' && t[n - 2] == '*' &&
		    !memchr(t + 2, '*', n - 4) && !memchr(t, '\n', n)) {
			pl_set(it, t + 2, n - 4); /* "**Heading**" */
			it->kind = PARA_TITLE;
			continue;
		}
		bool plain = !memchr(t, '\n', n);
		if (!find_label(t, n, plain, &lab, &ln, &rest))
			continue;
		size_t rn = n - (size_t)(rest - t);
		bool md = t[0] == '*';
		if (in_list(title_labels, ARRAY_SIZE(title_labels), lab, ln)) {
			trim(&rest, &rn);
			strip_quotes(&rest, &rn);
			if (rn == 0)
				continue;
			pl_set(it, rest, rn);
			it->kind = PARA_TITLE;
			if (title < 0)
				title = (long)i;
		} else if (in_list(content_labels, ARRAY_SIZE(content_labels), lab, ln)) {
			if (rn)
				pl_set(it, rest, rn);
		} else if (md || in_list(meta_labels, ARRAY_SIZE(meta_labels), lab, ln)) {
			if (!md && !in_list(meta_labels, ARRAY_SIZE(meta_labels), lab, ln))
				continue;
			struct sbuf b = SBUF_INIT;
			sbuf_add(&b, lab, ln);
			sbuf_addstr(&b, ": ");
			trim(&rest, &rn);
			sbuf_add(&b, rest, rn);
			pl_set(it, b.s, b.len);
			sbuf_free(&b);
			it->kind = PARA_META;
		}
	}
	return title;
}

/* ---- pass 6: title and headings ---------------------------------------- */

static bool is_url_alone(const char *t)
{
	size_t n = strlen(t), ul;
	const char *u = art_find_url(t, n, &ul);
	return u == t && ul == n;
}

static bool title_like(const char *t)
{
	size_t n = strlen(t);
	if (n == 0 || memchr(t, '\n', n) || width_of(t, MIN(n, 800)) > 160)
		return false;
	uint32_t e = last_cp(t, n);
	return !(e == '.' || e == ':' || e == ';' || e == ',' || e == 0x3002 || e == 0xFF1A ||
	         e == 0xFF1B || e == 0xFF0C);
}

/* The first sentence of t, cut near 100 columns at a word boundary. */
static char *first_sentence(const char *t)
{
	size_t n = strlen(t), end = n, k;
	for (size_t i = 0; i < n; i += k) {
		uint32_t c = cp_at(t + i, n - i, &k);
		if (c == '\n') {
			end = i;
			break;
		}
		if (is_sentence_end(c) && c != 0x2026) {
			bool cjk = c >= 0x3000;
			if (cjk || i + k >= n || t[i + k] == ' ') {
				if (c == '.' && i >= 2 && t[i - 2] == ' ' && t[i - 1] >= 'A' && t[i - 1] <= 'Z')
					continue; /* an initial: "J. Smith" */
				end = (c == '.') ? i : i + k;
				break;
			}
		}
	}
	size_t w = 0, lastsp = 0, cutat = end;
	for (size_t i = 0; i < end; i += k) {
		uint32_t c = cp_at(t + i, end - i, &k);
		int cw = uc_width(c, "UTF-8");
		w += cw > 0 ? (size_t)cw : 0;
		if (c == ' ')
			lastsp = i;
		if (w > 99) {
			cutat = (lastsp > 40) ? lastsp : i;
			break;
		}
	}
	const char *s = t;
	size_t sn = cutat;
	trim(&s, &sn);
	if (cutat == end)
		return xstrndup(s, sn);
	while (sn && strchr(",;:-", s[sn - 1]))
		sn--;
	trim(&s, &sn);
	return xasprintf("%.*s…", (int)sn, s);
}

static bool heading_like(const struct item *it, const struct item *next)
{
	const char *t = it->text;
	size_t n = strlen(t);
	if (it->kind != PARA_BODY || next->kind != PARA_BODY || n == 0 || memchr(t, '\n', n) ||
	    n > 200 || strchr("-*•·0123456789", t[0]) || is_url_alone(t) || !is_upper_start(t, n))
		return false;
	size_t w = width_of(t, n), e;
	if (w > 70 || width_of(next->text, MIN(strlen(next->text), 400)) < 2 * w)
		return false;
	if (art_find_date(t, n, false, &e)) /* "June 19, 2025", "Lindenau, 24. Mai 2025" */
		return false;
	uint32_t c = last_cp(t, n);
	return !(is_sentence_end(c) && c != '?') && !strchr(".:;,", (int)(c < 0x80 ? c : 'x')) &&
	       c != 0xFF1A && c != 0xFF0C && c != 0x201D && c != '"';
}

/* ---- article_parse ----------------------------------------------------- */

static void pick_title(struct article *a, struct plist *pl, long labelled)
{
	size_t first = 0;
	while (first < pl->n && (is_url_alone(pl->v[first].text) || pl->v[first].kind == PARA_META))
		first++;
	if (first < pl->n && (pl->v[first].kind == PARA_TITLE || title_like(pl->v[first].text))) {
		const char *t = pl->v[first].text;
		size_t n = strlen(t);
		strip_quotes(&t, &n);
		a->title = xstrndup(t, n);
		pl->v[first].kind = PARA_TITLE;
	} else if (labelled >= 0) {
		a->title = xstrdup(pl->v[labelled].text);
	} else if (first < pl->n) {
		a->title = first_sentence(pl->v[first].text);
	} else {
		a->title = xstrdup("");
	}
	for (size_t i = first + 1; i + 1 < pl->n; i++)
		if (heading_like(&pl->v[i], &pl->v[i + 1]))
			pl->v[i].kind = PARA_TITLE;
}

/* Dates are looked for in the first few and the last few paragraphs. */
static void pick_date(struct article *a, const struct plist *pl, bool mdy)
{
	for (size_t pass = 0; pass < 2 && !a->date; pass++) {
		for (size_t k = 0; k < (pass ? 4u : 6u) && k < pl->n && !a->date; k++) {
			size_t i = pass == 0 ? k : pl->n - 1 - k;
			const char *t = pl->v[i].text;
			size_t n = strlen(t), e;
			if (n <= 200)
				a->date = art_find_date(t, n, mdy, &e);
		}
	}
}

/*
 * The header shows the article's URL and date: a line near the top that
 * holds nothing else (the URL alone, or a date with a time, a weekday or
 * the same date in the other language) would only repeat them.
 */
static bool head_meta_only(const char *t, bool mdy)
{
	size_t n = strlen(t), e;
	if (is_url_alone(t))
		return true;
	return n <= 80 && !strchr(t, '\n') && count_words(t, n) <= 8 &&
	       !is_sentence_end(last_cp(t, n)) && art_find_date(t, n, mdy, &e) != 0;
}

static void strip_head_meta(struct plist *pl, bool mdy)
{
	size_t text = 0; /* paragraphs that are more than a URL or a date */
	for (size_t i = 0; i < pl->n; i++)
		text += !head_meta_only(pl->v[i].text, mdy);
	if (text == 0)
		return; /* nothing else to read: keep what there is */
	for (size_t i = 0; i < pl->n && i < 6;) {
		if (pl->n > 1 && pl->v[i].kind != PARA_TITLE && head_meta_only(pl->v[i].text, mdy))
			pl_del(pl, i);
		else
			i++;
	}
}

/* English text writes 07/02/2025 month first: " the " a few times in the
 * first 4 KiB is enough to tell (only ambiguous slash dates depend on it). */
bool art_looks_english(const char *t, size_t n)
{
	int hits = 0;
	n = MIN(n, 4096);
	for (size_t i = 0; i + 5 <= n && hits < 3; i++)
		if (t[i] == ' ' && has_prefix(t + i + 1, n - i - 1, "the "))
			hits++;
	return hits >= 3;
}

void article_parse(struct article *a, const char *text, size_t len)
{
	struct plist pl = {0};
	struct found f = {0};
	if (text && len)
		split_paras(&pl, text, len);
	long labelled = apply_labels(&pl);
	/* Labelled titles are found before deletions: remember by pointer. */
	const char *lt = labelled >= 0 ? pl.v[labelled].text : NULL;
	art_strip_tail(&pl, &f);
	for (size_t i = 0; i < pl.n;) {
		const char *t = pl.v[i].text;
		if (pl.n > 1 && pl.v[i].kind == PARA_BODY && t != lt && art_source_line(&f, t)) {
			pl_del(&pl, i);
			continue;
		}
		if (!f.url_alone && is_url_alone(t))
			f.url_alone = xstrdup(t);
		if (pl.v[i].kind == PARA_BODY)
			art_byline(&f, &pl.v[i]);
		if (i < 8)
			art_dateline_outlet(&f, t);
		i++;
	}
	art_strip_tail(&pl, &f); /* again: the byline named the author of a bio */
	art_strip_head(&pl, &f);
	art_bare_outlet(&pl, &f);
	labelled = -1;
	for (size_t i = 0; lt && i < pl.n; i++)
		if (pl.v[i].text == lt)
			labelled = (long)i;
	pick_title(a, &pl, labelled);
	bool mdy = text && art_looks_english(text, len);
	pick_date(a, &pl, mdy);
	art_find_dateline_tag(&f, &pl);
	if (!f.url && f.url_alone)
		f.url = xstrdup(f.url_alone);
	if (f.url && f.prio == PRIO_NONE) {
		char *h = art_host_of(f.url, strlen(f.url));
		char *name = article_source_from_host(h);
		art_set_source(&f, name, strlen(name), PRIO_HOST);
		free(name);
		free(h);
	}
	if (a->date || f.url)
		strip_head_meta(&pl, mdy);
	a->source = f.source ? f.source : xstrdup("");
	a->url = f.url ? f.url : xstrdup("");
	a->title_twice = f.title_twice;
	free(f.url_alone);
	free(f.author);
	for (size_t i = 0; i < pl.n; i++) {
		struct para *p = article_add_para(a, "", 0, (enum para_kind)pl.v[i].kind);
		free(p->text);
		p->text = pl.v[i].text; /* hand over, no copy */
		p->soft = pl.v[i].soft;
	}
	free(pl.v);
}

struct para *article_add_para(struct article *a, const char *text, size_t len, enum para_kind kind)
{
	xgrow(&a->paras, &a->cappara, a->npara + 1, sizeof *a->paras);
	struct para *p = &a->paras[a->npara++];
	memset(p, 0, sizeof *p);
	p->text = xstrndup(text, len);
	p->side = SIDE_NONE;
	p->kind = (unsigned char)kind;
	return p;
}

void article_langs(const struct article *a, char out[2 * LANG_CODE_SIZE + 1])
{
	strcpy(out, a->lang);
	if (a->lang2[0]) {
		strcat(out, "+");
		strcat(out, a->lang2);
	}
}

size_t row_nth(const struct article *a, size_t from, size_t k)
{
	if (from >= a->npara)
		return a->npara;
	signed char side = a->paras[from].side;
	size_t i = from;
	while (k > 0 && ++i < a->npara)
		if (a->paras[i].side == side)
			k--;
	return i < a->npara ? i : a->npara;
}

void article_free(struct article *a)
{
	for (size_t i = 0; i < a->npara; i++)
		free(a->paras[i].text);
	free(a->paras);
	free(a->rows);
	free(a->title);
	free(a->source);
	free(a->url);
	free(a->author);
	memset(a, 0, sizeof *a);
}
