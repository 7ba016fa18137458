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
 */
#include "diglot/common.h"
#include "diglot/article.h"
#include "diglot/sbuf.h"
#include "article_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <unistr.h>
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
	pl->n++;
}

/* ---- pass 1: blocks and lines to paragraphs ---------------------------- */

#define LONG_LINE 110 /* wider lines were never hard-wrapped */
#define SHORT_BLOCK 40 /* blocks whose lines are all narrower: lists, verse */

struct line {
	const char *s;
	size_t n, w;
};

static void join_lines(struct sbuf *b, const struct line *l, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++) {
		if (b->len > 0) {
			uint32_t prev = last_cp(b->s, b->len);
			size_t k;
			uint32_t next = cp_at(l[i].s, l[i].n, &k);
			bool hyphen = prev == '-' && b->len >= 2 && b->s[b->len - 2] != ' ';
			if (!is_cjk(prev) && !is_cjk(next) && !hyphen)
				sbuf_addc(b, ' ');
		}
		sbuf_add(b, l[i].s, l[i].n);
	}
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
			join_lines(&b, l, start, i + 1);
			pl_add(pl, b.s, b.len, PARA_BODY);
			sbuf_truncate(&b, 0);
			start = i + 1;
		}
	}
	sbuf_free(&b);
}

#define HEAD_LINES 12 /* metadata lines are looked for in the first lines... */
#define TAIL_LINES 30 /* ...and page clutter in the last ones */

static bool meta_line(const char *s, size_t n);

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
		if ((no < HEAD_LINES || no + TAIL_LINES >= total) && meta_line(l[i].s, l[i].n)) {
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

/* ---- sources and URLs -------------------------------------------------- */

void art_set_source(struct found *f, const char *s, size_t n, int prio)
{
	trim(&s, &n);
	while (n && strchr(",;:-|()[]", s[n - 1]))
		n--;
	while (n && strchr(",;:-|()[]", s[0])) {
		s++;
		n--;
	}
	trim(&s, &n);
	if (n == 0 || n > 80 || prio <= f->prio)
		return;
	free(f->source);
	f->source = xstrndup(s, n);
	f->prio = prio;
}

/* The first URL in s: start and length, or NULL. */
static const char *find_url(const char *s, size_t n, size_t *len)
{
	for (size_t i = 0; i + 4 < n; i++) {
		if (has_prefix(s + i, n - i, "http://") || has_prefix(s + i, n - i, "https://") ||
		    (has_prefix(s + i, n - i, "www.") && (i == 0 || s[i - 1] == ' ' || (unsigned char)s[i - 1] > 0x7F))) {
			size_t j = i;
			while (j < n && (unsigned char)s[j] > ' ' && (unsigned char)s[j] < 0x80 &&
			       !strchr("<>\"'", s[j]))
				j++;
			while (j > i && strchr(".,;:)]】", s[j - 1]))
				j--;
			*len = j - i;
			return s + i;
		}
	}
	return NULL;
}

static char *host_of(const char *url, size_t n)
{
	size_t p = has_prefix(url, n, "https://");
	if (!p)
		p = has_prefix(url, n, "http://");
	size_t e = p;
	while (e < n && !strchr("/:?#", url[e]))
		e++;
	return xstrndup(url + p, e - p);
}

static void set_url(struct found *f, const char *u, size_t n)
{
	if (!f->url)
		f->url = xstrndup(u, n);
}

static const char *const source_prefixes[] = {
	"【来源】", "[来源]", "来源：", "来源:", "来源 ：", "来源 :", "出处：", "原文链接：", "原文链接:",
	"原文：", "source:", "source :", "sources:", "fonte:", "fonte :", "quelle:", "quelle :",
	"fuente:", "fuente :", "origine:", "bron:", "bron :", "источник:", "источник :", "出典：",
	"出典:", "出所：", "fonte：", "source url:", "via ", "— ", "– ",
};

/* Is t a source line?  Records its outlet and URL when it is. */
bool art_source_line(struct found *f, const char *t)
{
	size_t n = strlen(t);
	if (n > 300 || memchr(t, '\n', n))
		return false;
	for (size_t i = 0; i < ARRAY_SIZE(source_prefixes); i++) {
		size_t p = has_prefix(t, n, source_prefixes[i]);
		if (!p)
			continue;
		const char *r = t + p;
		size_t rn = n - p, ul = 0;
		trim(&r, &rn);
		const char *u = find_url(r, rn, &ul);
		bool weak = source_prefixes[i][0] == 'v' || (unsigned char)source_prefixes[i][0] == 0xE2;
		if (weak && (u ? false : (count_words(r, rn) > 5 || !is_upper_start(r, rn))))
			return false;
		if (rn == 0)
			return false;
		if (u) {
			set_url(f, u, ul);
			struct sbuf b = SBUF_INIT; /* the name is what surrounds the URL */
			sbuf_add(&b, r, (size_t)(u - r));
			sbuf_add(&b, u + ul, rn - (size_t)(u - r) - ul);
			art_set_source(f, b.s ? b.s : "", b.len, PRIO_LINE);
			sbuf_free(&b);
			if (f->prio < PRIO_HOST) {
				char *h = host_of(u, ul);
				char *name = article_source_from_host(h);
				art_set_source(f, name, strlen(name), PRIO_HOST);
				free(name);
				free(h);
			}
		} else {
			art_set_source(f, r, rn, PRIO_LINE);
		}
		return true;
	}
	return false;
}

/* Words that open a byline, per language. */
static const char *const by_words[] = {"by ", "von ", "por ", "par ", "di ", "door ", "от "};

/* Words that make a short line an outlet's name: "Harbor Gazette",
 * "Diario Mirador del Sur", "Der Kieselbote", "WinBuzzer News". */
static const char *const outlet_words[] = {
	"news", "gazette", "times", "post", "herald", "courier", "tribune", "daily", "journal",
	"jornal", "diario", "diário", "gazzetta", "corriere", "giornale", "voce", "stampa",
	"zeitung", "tagblatt", "nachrichten", "rundschau", "courrier", "monde", "presse",
	"nouvelles", "quotidien", "dépêche", "périódico", "periódico", "noticias", "notícias",
	"folha", "correio", "dagblad", "krant", "nieuws", "observer", "chronicle", "telegraph",
	"express", "mirror", "guardian", "weekly", "magazine", "tribuna", "heraldo", "газета",
	"новости", "вести", "известия", "вестник", "правда",
};
/* Ends of compound names: "Kieselbote", "Polderbode", "Abendzeitung". */
static const char *const outlet_suffixes[] = {
	"bote", "blatt", "zeitung", "kurier", "bode", "krant", "courant", "anzeiger", "post",
};
/* Ends of CJK outlet names: 日报, 新報, 新闻, 通讯社, 网. */
static const char *const outlet_cjk_ends[] = {"报", "報", "闻", "聞", "社", "网", "網", "刊"};

static bool outlet_word(const char *w, size_t n)
{
	if (in_list(outlet_words, ARRAY_SIZE(outlet_words), w, n))
		return true;
	for (size_t i = 0; i < ARRAY_SIZE(outlet_suffixes); i++) {
		size_t m = strlen(outlet_suffixes[i]);
		if (n > m + 2 && has_prefix(w + n - m, m, outlet_suffixes[i]) == m)
			return true;
	}
	return false;
}

/* Section names that come before "News" in crumbs: "World News" is a
 * section, "Valley Courier News" an outlet. */
static const char *const section_words[] = {
	"world", "local", "business", "breaking", "latest", "top", "sport", "sports", "tech",
	"science", "politics", "economy", "national", "international", "health", "entertainment",
	"home", "more", "all", "daily", "the", "weekly", "your", "today's", "good",
};

/* Only generic words: "News", "World News", "Noticias", "The Daily". */
static bool generic_name(const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		while (i < n && s[i] == ' ')
			i++;
		size_t j = i;
		while (j < n && s[j] != ' ')
			j++;
		if (j > i && !in_list(section_words, ARRAY_SIZE(section_words), s + i, j - i) &&
		    !in_list(outlet_words, ARRAY_SIZE(outlet_words), s + i, j - i))
			return false;
		i = j;
	}
	return true;
}

/* Does s look like an outlet's name (short, with an outlet word)? */
static bool outlet_like(const char *s, size_t n)
{
	trim(&s, &n);
	if (n == 0 || n > 80 || width_of(s, n) > 40 || count_words(s, n) > 6 || generic_name(s, n))
		return false;
	for (size_t i = 0; i < ARRAY_SIZE(outlet_cjk_ends); i++) {
		size_t m = strlen(outlet_cjk_ends[i]);
		if (n > m && memcmp(s + n - m, outlet_cjk_ends[i], m) == 0 && is_cjk(last_cp(s, n - m)))
			return true;
	}
	for (size_t i = 0; i < n;) {
		while (i < n && s[i] == ' ')
			i++;
		size_t j = i;
		while (j < n && s[j] != ' ')
			j++;
		if (j > i && outlet_word(s + i, j - i))
			return true;
		i = j;
	}
	return false;
}

/* The length of a byline's opening word ("By ", "Von "...), or 0. */
static size_t byline_start(const char *t, size_t n)
{
	if (n > 120 || memchr(t, '\n', n) || count_words(t, n) > 8 || is_sentence_end(last_cp(t, n)))
		return 0;
	for (size_t i = 0; i < ARRAY_SIZE(by_words); i++) {
		size_t p = has_prefix(t, n, by_words[i]);
		if (p && is_upper_start(t + p, n - p))
			return p;
	}
	return 0;
}

/* "By NAME, OUTLET" (and Von, Por, Par, di, Door): the outlet, when the
 * part after the comma is not a job title; the name, for the bio check.
 * The line itself stays (as PARA_META). */
static bool byline(struct found *f, struct item *it)
{
	const char *t = it->text;
	size_t n = strlen(t), p = byline_start(t, n);
	if (!p)
		return false;
	it->kind = PARA_META;
	const char *c = NULL;
	for (const char *q = t; (q = strstr(q, ", ")) != NULL; q += 2)
		c = q;
	if (!f->author) {
		const char *e = strstr(t + p, ", ");
		f->author = xstrndup(t + p, e ? (size_t)(e - t) - p : n - p);
	}
	if (!c)
		return true;
	const char *o = c + 2;
	size_t on = n - (size_t)(o - t);
	static const char *const jobs[] = {"writer", "reporter", "editor", "correspondent",
	                                   "contributor", "staff", "and", "journalist", "redakteur",
	                                   "rédact", "redactor", "redattore", "correspond"};
	char *lo = xstrndup(o, on);
	for (char *q = lo; *q; q++)
		*q = (char)lower((unsigned char)*q);
	bool job = false;
	for (size_t i = 0; i < ARRAY_SIZE(jobs); i++)
		job = job || strstr(lo, jobs[i]) != NULL;
	free(lo);
	if (job)
		return true;
	if (is_upper_start(o, on) && count_words(o, on) <= 5)
		art_set_source(f, o, on, PRIO_BYLINE);
	return true;
}

static const char *const outlet_tags[] = {
	"AFP", "Reuters", "AP", "Bloomberg", "Xinhua", "dpa", "ANSA", "EFE", "Kyodo", "Yonhap",
	"TASS", "UPI", "PA", "CNN", "BBC", "Belga", "APA", "SDA", "Europa Press", "Agencia EFE",
};

bool art_is_outlet_tag(const char *s, size_t n)
{
	for (size_t i = 0; i < ARRAY_SIZE(outlet_tags); i++)
		if (strlen(outlet_tags[i]) == n && memcmp(s, outlet_tags[i], n) == 0)
			return true;
	return false;
}

/* Is this line metadata or clutter (see cut_block)?  Source lines,
 * bylines, short date lines, share/comment/counter lines, list headings. */
static bool meta_line(const char *s, size_t n)
{
	if (n > 300)
		return false;
	for (size_t i = 0; i < ARRAY_SIZE(source_prefixes); i++) {
		unsigned char c0 = (unsigned char)source_prefixes[i][0];
		if (c0 != 'v' && c0 != 0xE2 && has_prefix(s, n, source_prefixes[i]))
			return true;
	}
	size_t e;
	return byline_start(s, n) || art_clutter_span(s, n, 0) || art_is_related_heading(s, n) ||
	       (width_of(s, n) <= 60 && art_find_date(s, n, false, &e) != 0);
}

/* "2025年7月11日 18:40　港町新報": a date line that ends with the outlet. */
static void dateline_outlet(struct found *f, const char *t)
{
	size_t n = strlen(t), e;
	if (n > 160 || memchr(t, '\n', n) || !art_find_date(t, n, false, &e))
		return;
	const char *r = t + e;
	size_t rn = n - e;
	art_skip_time(&r, &rn);
	trim(&r, &rn);
	if (rn && is_upper_start(r, rn) && !is_sentence_end(last_cp(r, rn)) && outlet_like(r, rn))
		art_set_source(f, r, rn, PRIO_BYLINE);
}

/* ---- pass 5: breadcrumbs and doubled titles ---------------------------- */

static const char *const homes[] = {
	"home page", "homepage", "home", "accueil", "首页", "主页", "inicio", "início", "startseite",
	"ホーム", "главная", "voorpagina",
};

static size_t home_prefix(const char *s, size_t n)
{
	for (size_t i = 0; i < ARRAY_SIZE(homes); i++) {
		size_t p = has_prefix(s, n, homes[i]);
		if (p)
			return p;
	}
	return 0;
}

/* The length of a crumb separator at s, or 0. */
static size_t crumb_sep(const char *s, size_t n)
{
	if (n && strchr(">/|", s[0]))
		return 1;
	size_t p = has_prefix(s, n, "»");
	return p ? p : has_prefix(s, n, "›");
}

/*
 * One crumb, maybe several glued ("Valley Courier NewsScience", "Der
 * KieselboteWissenschaft"): split into words at spaces and where a
 * lowercase letter meets a capital; the outlet runs from the start to the
 * last outlet word of the first run that has one ("Valley Courier News"),
 * and a trailing "News" is dropped ("Valley Courier").  Returns whether an
 * outlet was found.
 */
static bool crumb_name(struct found *f, const char *s, size_t n)
{
	trim(&s, &n);
	size_t end = 0, words = 0, k = 1;
	bool prev_lower = false, in_word = false, word_outlet_seen = false;
	size_t ws = 0;
	for (size_t i = 0; i <= n && words <= 6; i += k) {
		uint32_t c = ' ';
		k = 1;
		if (i < n)
			c = cp_at(s + i, n - i, &k);
		bool boundary = c == ' ' || (prev_lower && uc_is_upper(c));
		if (boundary && in_word) {
			words++;
			if (outlet_word(s + ws, i - ws)) {
				end = i;
				word_outlet_seen = true;
			} else if (word_outlet_seen) {
				break;
			}
			in_word = false;
		}
		if (c != ' ' && !in_word) {
			in_word = true;
			ws = i;
		}
		prev_lower = uc_is_lower(c);
	}
	if (!end || generic_name(s, end))
		return false;
	n = end;
	if (n > 6 && has_prefix(s + n - 5, 5, " news"))
		n -= 5;
	if (n >= 2)
		art_set_source(f, s, n, PRIO_CRUMB);
	return true;
}

/* A breadcrumb ("HomeWinBuzzer News", "首页 > 国际 > 正文"): the first crumb
 * that looks like an outlet names it; sections ("Economía", "Sport") do not. */
static void crumb_outlet(struct found *f, const char *s, size_t n)
{
	size_t p = home_prefix(s, n);
	s += p;
	n -= p;
	while (n) {
		size_t e = 0;
		while (e < n && !crumb_sep(s + e, n - e))
			e++;
		if (crumb_name(f, s, e))
			return;
		if (e == n)
			break;
		e += crumb_sep(s + e, n - e);
		s += e;
		n -= e;
	}
}

/* "首页 > 国际 > 正文凯斯湾大桥通车首周：..." alone (no clean title line after):
 * the title is the last crumb, without a glued "正文". */
static bool crumb_title(struct plist *pl, struct found *f)
{
	const char *a = pl->v[0].text;
	size_t n = strlen(a), p = home_prefix(a, n), k;
	if (!p || n > 600 || memchr(a, '\n', n))
		return false;
	while (p < n && is_space_cp(cp_at(a + p, n - p, &k)))
		p += k;
	if (!crumb_sep(a + p, n - p))
		return false;
	size_t last = p;
	for (size_t i = p; i < n; i++)
		if ((k = crumb_sep(a + i, n - i)) != 0)
			last = i + k;
	const char *t = a + last;
	size_t tn = n - last;
	trim(&t, &tn);
	static const char *const glued[] = {"正文：", "正文:", "正文", "article :", "article:"};
	for (size_t i = 0; i < ARRAY_SIZE(glued); i++) {
		size_t g = has_prefix(t, tn, glued[i]);
		if (g) {
			t += g;
			tn -= g;
			break;
		}
	}
	trim(&t, &tn);
	if (width_of(t, tn) < 8)
		return false;
	crumb_outlet(f, a, (size_t)(t - a));
	pl_set(&pl->v[0], t, tn);
	return true;
}

/* "Kestrel Bay inaugure ... Photo Le Courrier du Soir": a photo credit. */
static bool photo_credit(const char *r, size_t n)
{
	static const char *const w[] = {"photo", "foto", "crédit", "credit", "©", "bild:", "图", "фото"};
	for (size_t i = 0; i < ARRAY_SIZE(w); i++)
		if (has_prefix(r, n, w[i]))
			return n <= 80;
	return false;
}

static void strip_head(struct plist *pl, struct found *f)
{
	if (pl->n < 2)
		return;
	const char *a = pl->v[0].text, *b = pl->v[1].text;
	size_t an = strlen(a), bn = strlen(b);
	if (an <= 300 && !strchr(a, '\n') && !strchr(b, '\n')) {
		size_t cut = an;
		if (cut >= 3 && memcmp(a + cut - 3, "...", 3) == 0)
			cut -= 3;
		else if (cut >= 3 && memcmp(a + cut - 3, "…", 3) == 0)
			cut -= 3;
		bool trunc = cut < an;
		for (size_t pos = 0; pos + 15 <= cut; pos++) {
			if (((unsigned char)a[pos] & 0xC0) == 0x80)
				continue;
			size_t m = cut - pos;
			if (m < 15 || m > bn || memcmp(a + pos, b, m) != 0)
				continue;
			if (pos == 0 && !trunc)
				break; /* the title repeated, maybe tagged: handled below */
			crumb_outlet(f, a, pos);
			pl_del(pl, 0);
			return;
		}
	}
	if (crumb_title(pl, f)) {
		a = pl->v[0].text;
		an = strlen(a);
	}
	/* "Title" then "Title AFP" (or the same line twice, or with a photo credit). */
	if (an <= 300 && bn >= an && memcmp(a, b, an) == 0 && !strchr(a, '\n')) {
		const char *r = b + an;
		size_t rn = bn - an;
		trim(&r, &rn);
		if (rn && b[an] == ' ' && photo_credit(r, rn)) {
			pl_del(pl, 1);
		} else if (rn == 0 || (rn <= 40 && count_words(r, rn) <= 3 && !is_sentence_end(last_cp(r, rn)) &&
		                       (b[an] == ' ' || b[an] == '(' || b[an] == '-'))) {
			if (rn)
				art_set_source(f, r, rn, PRIO_TAG);
			pl_del(pl, 1);
		}
	}
}

/* ---- pass 6: title and headings ---------------------------------------- */

static bool is_url_alone(const char *t)
{
	size_t n = strlen(t), ul;
	const char *u = find_url(t, n, &ul);
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

static void find_dateline_tag(struct found *f, const struct plist *pl)
{
	for (size_t i = 0; i < pl->n && i < 4; i++) {
		if (pl->v[i].kind != PARA_BODY)
			continue;
		const char *t = pl->v[i].text;
		size_t n = MIN(strlen(t), 120);
		for (size_t j = 0; j < ARRAY_SIZE(outlet_tags); j++) {
			char pat[32];
			snprintf(pat, sizeof pat, "(%s)", outlet_tags[j]);
			const char *p = strstr(t, pat);
			if (p && (size_t)(p - t) < n) {
				art_set_source(f, outlet_tags[j], strlen(outlet_tags[j]), PRIO_TAG);
				return;
			}
		}
		return; /* only the first body paragraph carries a dateline */
	}
}

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
static bool looks_english(const char *t, size_t n)
{
	int hits = 0;
	n = MIN(n, 4096);
	for (size_t i = 0; i + 5 <= n && hits < 3; i++)
		if (t[i] == ' ' && has_prefix(t + i + 1, n - i - 1, "the "))
			hits++;
	return hits >= 3;
}

/* "Diario Mirador del Sur", "Le Courrier du Soir", "滨江日报": every word
 * capitalised but short particles ("Daily life on the island" is no name). */
static bool name_case(const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		while (i < n && s[i] == ' ')
			i++;
		size_t j = i;
		while (j < n && s[j] != ' ')
			j++;
		if (j > i && !is_upper_start(s + i, j - i) && j - i > 3)
			return false;
		i = j;
	}
	return true;
}

/* "Diario Mirador del Sur" alone on a line just under the title. */
static void bare_outlet(struct plist *pl, struct found *f)
{
	for (size_t i = 1; i < pl->n && i < 4; i++) {
		const char *t = pl->v[i].text;
		size_t n = strlen(t);
		if (pl->v[i].kind != PARA_BODY || memchr(t, '\n', n) || strpbrk(t, "0123456789:,") ||
		    is_sentence_end(last_cp(t, n)) || !is_upper_start(t, n) || !name_case(t, n) ||
		    !outlet_like(t, n))
			continue;
		art_set_source(f, t, n, PRIO_BARE);
		pl_del(pl, i);
		return;
	}
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
			byline(&f, &pl.v[i]);
		if (i < 8)
			dateline_outlet(&f, t);
		i++;
	}
	art_strip_tail(&pl, &f); /* again: the byline named the author of a bio */
	strip_head(&pl, &f);
	bare_outlet(&pl, &f);
	labelled = -1;
	for (size_t i = 0; lt && i < pl.n; i++)
		if (pl.v[i].text == lt)
			labelled = (long)i;
	pick_title(a, &pl, labelled);
	bool mdy = text && looks_english(text, len);
	pick_date(a, &pl, mdy);
	find_dateline_tag(&f, &pl);
	if (!f.url && f.url_alone)
		f.url = xstrdup(f.url_alone);
	if (f.url && f.prio == PRIO_NONE) {
		char *h = host_of(f.url, strlen(f.url));
		char *name = article_source_from_host(h);
		art_set_source(&f, name, strlen(name), PRIO_HOST);
		free(name);
		free(h);
	}
	if (a->date || f.url)
		strip_head_meta(&pl, mdy);
	a->source = f.source ? f.source : xstrdup("");
	a->url = f.url ? f.url : xstrdup("");
	free(f.url_alone);
	free(f.author);
	for (size_t i = 0; i < pl.n; i++) {
		struct para *p = article_add_para(a, "", 0, (enum para_kind)pl.v[i].kind);
		free(p->text);
		p->text = pl.v[i].text; /* hand over, no copy */
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

/* ---- outlets by host --------------------------------------------------- */

static const struct {
	const char *host, *name;
} outlets[] = {
	{"barrons.com", "Barron's"}, {"nytimes.com", "The New York Times"}, {"bbc.co.uk", "BBC"},
	{"bbc.com", "BBC"}, {"reuters.com", "Reuters"}, {"lemonde.fr", "Le Monde"},
	{"xinhuanet.com", "Xinhua"}, {"news.cn", "Xinhua"}, {"winbuzzer.com", "WinBuzzer"},
	{"wsj.com", "The Wall Street Journal"}, {"ft.com", "Financial Times"},
	{"theguardian.com", "The Guardian"}, {"washingtonpost.com", "The Washington Post"},
	{"bloomberg.com", "Bloomberg"}, {"cnn.com", "CNN"}, {"apnews.com", "AP"}, {"afp.com", "AFP"},
	{"lefigaro.fr", "Le Figaro"}, {"liberation.fr", "Libération"}, {"lesechos.fr", "Les Echos"},
	{"france24.com", "France 24"}, {"spiegel.de", "Der Spiegel"}, {"zeit.de", "Die Zeit"},
	{"faz.net", "Frankfurter Allgemeine"}, {"sueddeutsche.de", "Süddeutsche Zeitung"},
	{"heise.de", "heise online"}, {"handelsblatt.com", "Handelsblatt"}, {"dw.com", "DW"},
	{"elpais.com", "El País"}, {"elmundo.es", "El Mundo"}, {"corriere.it", "Corriere della Sera"},
	{"repubblica.it", "la Repubblica"}, {"ilsole24ore.com", "Il Sole 24 Ore"},
	{"economist.com", "The Economist"}, {"techcrunch.com", "TechCrunch"},
	{"theverge.com", "The Verge"}, {"wired.com", "Wired"}, {"arstechnica.com", "Ars Technica"},
	{"cnbc.com", "CNBC"}, {"forbes.com", "Forbes"}, {"businessinsider.com", "Business Insider"},
	{"venturebeat.com", "VentureBeat"}, {"zdnet.com", "ZDNET"}, {"engadget.com", "Engadget"},
	{"axios.com", "Axios"}, {"politico.eu", "Politico Europe"}, {"politico.com", "Politico"},
	{"npr.org", "NPR"}, {"latimes.com", "Los Angeles Times"}, {"aljazeera.com", "Al Jazeera"},
	{"euronews.com", "Euronews"}, {"independent.co.uk", "The Independent"},
	{"telegraph.co.uk", "The Telegraph"}, {"scmp.com", "South China Morning Post"},
	{"chinadaily.com.cn", "China Daily"}, {"people.com.cn", "People's Daily"},
	{"caixin.com", "Caixin"}, {"36kr.com", "36Kr"}, {"sina.com.cn", "Sina"},
	{"ithome.com", "IT之家"}, {"nikkei.com", "Nikkei"}, {"nhk.or.jp", "NHK"},
	{"asahi.com", "The Asahi Shimbun"}, {"yonhapnews.co.kr", "Yonhap"}, {"afr.com", "AFR"},
};

char *article_source_from_host(const char *host)
{
	size_t n = 0;
	if (has_prefix(host, strlen(host), "https://"))
		host += 8;
	else if (has_prefix(host, strlen(host), "http://"))
		host += 7;
	while (host[n] && !strchr("/:?#", host[n]))
		n++;
	char *h = xstrndup(host, n);
	for (char *p = h; *p; p++)
		*p = (char)lower((unsigned char)*p);
	const char *s = h;
	if (strncmp(s, "www.", 4) == 0)
		s += 4;
	size_t sn = strlen(s);
	for (size_t i = 0; i < ARRAY_SIZE(outlets); i++) {
		size_t on = strlen(outlets[i].host);
		if (sn >= on && strcmp(s + sn - on, outlets[i].host) == 0 &&
		    (sn == on || s[sn - on - 1] == '.')) {
			free(h);
			return xstrdup(outlets[i].name);
		}
	}
	char *r = xstrdup(s);
	free(h);
	return r;
}

void article_langs(const struct article *a, char out[2 * LANG_CODE_SIZE + 1])
{
	strcpy(out, a->lang);
	if (a->lang2[0]) {
		strcat(out, "+");
		strcat(out, a->lang2);
	}
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
	memset(a, 0, sizeof *a);
}
