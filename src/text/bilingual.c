/*
 * bilingual.c: decide whether one document carries the same article in two
 * languages, from the language langid gave each paragraph.
 *
 * First, paragraphs in two languages are split (bilingual_mixed.c): a paragraph
 * whose lines (hard breaks, or the short block lines the parse joined: two
 * titles on adjacent lines, a caption and its translation) or, where two
 * scripts each hold a good share, sentences (a Chinese sentence, then its
 * English) are in two languages becomes one paragraph per run.  The split
 * is made on a copy and kept only when the document then reads as
 * bilingual, so a monolingual article quoting a foreign sentence keeps its
 * paragraphs whole.
 *
 * Then the layout, from the runs of the two languages with the most
 * letters.  Blocks (A...A [marker] B...B): the change point that best fits
 * a two-segment model, with enough letters on both sides.  Else
 * interleaved, fitted on the paragraphs that read as sentences (or, failing
 * that, on every labelled one, the two heading lines at the top left out
 * first): strict alternation (A B A B), or units (A A B B A B A A A B B ...)
 * when consecutive runs pair up with alike weight for most of the text, so
 * a one-sided note or an omitted paragraph only lengthens a run while a
 * quoted sentence, a short run beside a long one, does not count.  Titles,
 * URL lines and clutter outside the fit are placed by position.
 *
 * Two heading lines of comparable length at the top are the title in each
 * language unless the second reads by itself as the first language (a
 * subtitle): a short title's label is borrowed from the body
 * (langid_article), so its own reading decides; in blocks the second goes
 * to the second half unless that starts with a title that pairs better.
 * Marker lines such as "英语如下:" or "Version française :" only lower the
 * bar; they are dropped from the article when it is bilingual.  Letters are
 * weighted (Han, kana, Hangul 2.5) so that a Chinese half weighs about what its English
 * translation does, and the bars are high enough that a quoted foreign
 * sentence, a byline or Latin brand names in Chinese text never split an
 * article.
 */
#include "diglot/common.h"
#include "diglot/bilingual.h"
#include "diglot/langid.h"
#include "diglot/script.h"
#include "bilingual_int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>
#include <unictype.h>

#define MIN_SHARE 0.30        /* each half's share of the letters: a translation is not a quarter of its original */
#define MIN_SHARE_MARKER 0.10 /* ... when a marker line separates them */
#define MIN_AGREE 0.90        /* letters whose label fits the two blocks */
#define MIN_AGREE_MARKER 0.80
#define MIN_ALTERNATION 0.60  /* interleaved: label changes per step */
#define MIN_CORE_SHARE 0.50   /* interleaved: letters in the alternating paragraphs */
#define MIN_UNIT_PAIRED 0.60  /* by unit: letters in unit pairs of alike weight */
#define UNIT_RATIO 3.0        /* ... at most this ratio between a unit and its translation */
#define TITLE_PAIR_RATIO 2.0  /* two title lines: at most this ratio of letters */
#define TITLE_PAIR_RATIO_OWN 3.0 /* ... when the first reads as its language alone */
#define MARKER_MAX_BYTES 80
#define TITLE_MAX_CHARS 160

struct pinfo {
	double letters; /* weighted letter count */
	int lab;        /* 0 = language A, 1 = B, -1 = other or none */
	bool marker;
};

/* bilingual_int.h */
double bi_letters(const char *s, size_t *nchars)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + strlen(s);
	double w = 0;
	*nchars = 0;
	while (p < end) {
		(*nchars)++;
		if (*p < 0x80) { /* most letters of most news: no table lookup */
			w += bi_ascii_alpha(*p++);
			continue;
		}
		ucs4_t c;
		p += u8_mbtouc(&c, p, (size_t)(end - p));
		if (!uc_is_alpha(c))
			continue;
		w += script_is_cjk(c) ? 2.5 : 1.0;
	}
	return w;
}

/* Does the text end like a sentence (a stop, maybe inside closing quotes
 * or brackets), or is it too long to be a heading anyway? */
static bool sentence_like(const char *text)
{
	if (u8_mbsnlen((const uint8_t *)text, strlen(text)) > TITLE_MAX_CHARS)
		return true;
	const uint8_t *start = (const uint8_t *)text, *p = start + strlen(text);
	while (p > start) {
		ucs4_t c = 0;
		const uint8_t *q = u8_prev(&c, p, start);
		if (!q)
			break;
		p = q;
		if (uc_is_space(c) || uc_is_general_category(c, UC_CATEGORY_Pe) ||
		    uc_is_general_category(c, UC_CATEGORY_Pf) || c == '"' || c == '\'')
			continue; /* closing quote or bracket */
		return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == 0x3002 || c == 0xFF01 ||
		       c == 0xFF0E || c == 0xFF1F;
	}
	return false;
}

/* Marker phrases, compared after removing spaces, dashes, asterisks,
 * equals signs, brackets and a final colon, with ASCII folded to lower case. */
static const char *const marker_phrases[] = {
	"英语如下", "英文如下", "英文版", "英文版本", "英文", "英语", "英译", "译文", "中文",
	"中文如下", "中文版", "中文翻译", "中译", "原文", "翻译", "以下为英文", "以下是英文",
	"englishversion", "englishtranslation", "inenglish", "english", "translation",
	"chineseversion", "chinesetranslation", "versionfrançaise", "traduction",
	"traductionfrançaise", "versionanglaise", "enfrançais", "deutscheversion",
	"deutscheübersetzung", "übersetzung", "aufdeutsch", "versiónenespañol", "traducción",
};

static bool is_marker(const char *text)
{
	size_t n = strlen(text);
	if (n == 0 || n > MARKER_MAX_BYTES)
		return false;
	char buf[MARKER_MAX_BYTES + 1];
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)text[i];
		if (strchr(" -*=_#[]()<>", c))
			continue;
		buf[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	buf[k] = '\0';
	/* a final colon, ASCII or fullwidth (U+FF1A), or an ideographic stop */
	if (k > 0 && (buf[k - 1] == ':' || buf[k - 1] == '.'))
		buf[--k] = '\0';
	else if (k >= 3 && (!memcmp(buf + k - 3, "\xef\xbc\x9a", 3) || !memcmp(buf + k - 3, "\xe3\x80\x82", 3)))
		buf[k -= 3] = '\0';
	for (size_t i = 0; i < ARRAY_SIZE(marker_phrases); i++)
		if (!strcmp(buf, marker_phrases[i]))
			return true;
	return false;
}

/* bilingual_int.h */
bool bi_has_lang(const struct para *p)
{
	return p->lang[0] && strcmp(p->lang, "und") != 0;
}

/* The two languages holding the most letters, as indexes into a->paras
 * (the first paragraph of each); false when there are not two. */
static bool top_two(const struct article *a, const struct pinfo *pi, size_t first[2], double *total)
{
	struct { size_t first; double w; } *langs = xcalloc(a->npara + 1, sizeof *langs);
	size_t nlang = 0;
	*total = 0;
	for (size_t i = 0; i < a->npara; i++) {
		if (pi[i].marker || !bi_has_lang(&a->paras[i]))
			continue;
		*total += pi[i].letters;
		size_t l = 0;
		while (l < nlang && strcmp(a->paras[langs[l].first].lang, a->paras[i].lang))
			l++;
		if (l == nlang)
			langs[nlang++].first = i;
		langs[l].w += pi[i].letters;
	}
	double best[2] = {0, 0};
	first[0] = first[1] = SIZE_MAX;
	for (size_t l = 0; l < nlang; l++) {
		if (langs[l].w > best[0]) {
			best[1] = best[0], first[1] = first[0];
			best[0] = langs[l].w, first[0] = langs[l].first;
		} else if (langs[l].w > best[1]) {
			best[1] = langs[l].w, first[1] = langs[l].first;
		}
	}
	free(langs);
	return first[1] != SIZE_MAX && best[1] > 0;
}

/* Is there a marker between the last labelled paragraph before k and the
 * first labelled one from k on? */
static bool marker_at(const struct pinfo *pi, size_t n, size_t k)
{
	size_t lo = k, hi = k;
	while (lo > 0 && pi[lo - 1].lab < 0)
		lo--;
	while (hi < n && pi[hi].lab < 0)
		hi++;
	for (size_t i = lo; i < hi; i++)
		if (pi[i].marker)
			return true;
	return false;
}

struct split {
	size_t k;   /* first paragraph of the second half */
	int first;  /* label of the first half */
	bool marker;
};

/* Best block change point, or false.  Prefix sums make it linear. */
static bool find_blocks(const struct article *a, const struct pinfo *pi, double total, struct split *out)
{
	size_t n = a->npara;
	/* Titles at the head, two or more (a pair, one in each language,
	 * short enough to be misread), are placed afterwards: the halves are
	 * judged by the text under them.  One title alone still counts. */
	size_t heads = 0;
	while (heads < n && a->paras[heads].kind == PARA_TITLE)
		heads++;
	if (heads < 2)
		heads = 0;
	for (size_t i = 0; i < heads; i++)
		if (!pi[i].marker && bi_has_lang(&a->paras[i]))
			total -= pi[i].letters;
	/* pre[i]: letters of each label and body paragraphs of each label in [0, i) */
	struct { double let[2]; size_t body[2]; } *pre = xcalloc(n + 1, sizeof *pre);
	for (size_t i = 0; i < n; i++) {
		pre[i + 1] = pre[i];
		if (pi[i].lab >= 0 && i >= heads) {
			pre[i + 1].let[pi[i].lab] += pi[i].letters;
			pre[i + 1].body[pi[i].lab] += a->paras[i].kind == PARA_BODY;
		}
	}
	double best = -1;
	for (size_t k = 1; k < n; k++) {
		bool mk = marker_at(pi, n, k);
		double share = mk ? MIN_SHARE_MARKER : MIN_SHARE;
		double need = mk ? MIN_AGREE_MARKER : MIN_AGREE;
		double left = pre[k].let[0] + pre[k].let[1];
		double right = pre[n].let[0] + pre[n].let[1] - left;
		for (int f = 0; f < 2; f++) {
			double agree = pre[k].let[f] + (pre[n].let[!f] - pre[k].let[!f]);
			size_t body_left = pre[k].body[f], body_right = pre[n].body[!f] - pre[k].body[!f];
			if (left < share * total || right < share * total || !body_left || !body_right)
				continue;
			double score = agree / total + (mk ? 0.05 : 0);
			/* ">=" keeps the last of equal change points: paragraphs
			 * without letters between the halves end the first one. */
			if (agree / total >= need && score >= best) {
				best = score;
				*out = (struct split){k, f, mk};
			}
		}
	}
	free(pre);
	return best >= 0;
}

/*
 * Interleaved layout (A B A B ...).  The alternation is fitted on body
 * paragraphs that read as sentences: titles, URL and date lines, and
 * bilingual clutter ("Partager / Share") at the edges are short, often
 * mislabelled, and would break the pattern; they are placed afterwards by
 * position.  core[i] tells which paragraphs the fit used.
 */
static bool alternates(const struct pinfo *pi, const bool *core, size_t n, double total, int *first)
{
	size_t count[2] = {0, 0}, changes = 0, m = 0;
	double letters[2] = {0, 0};
	int prev = -1;
	*first = -1;
	for (size_t i = 0; i < n; i++) {
		if (!core[i])
			continue;
		if (*first < 0)
			*first = pi[i].lab;
		count[pi[i].lab]++;
		letters[pi[i].lab] += pi[i].letters;
		if (prev >= 0 && prev != pi[i].lab)
			changes++;
		prev = pi[i].lab;
		m++;
	}
	if (m < 4 || (double)changes < MIN_ALTERNATION * (double)(m - 1))
		return false;
	if (2 * MIN(count[0], count[1]) < MAX(count[0], count[1]))
		return false;
	/* the alternating paragraphs must be most of the text, not a
	 * bilingual box inside a monolingual article */
	if (letters[0] + letters[1] < MIN_CORE_SHARE * total)
		return false;
	return letters[0] >= MIN_SHARE * total && letters[1] >= MIN_SHARE * total;
}

/*
 * Interleaved by unit (A A B B A B A A A B B B ...): a unit of one to three
 * paragraphs, then its translation, then the next unit.  The labels of the
 * fit form runs; consecutive runs pair up as a unit and its translation, so
 * their letters must weigh alike for most of the text.  A one-sided note
 * or an omitted paragraph only lengthens a run; a quoted foreign sentence
 * makes a short run beside a long one and fails the weight test, so
 * articles with quotes stay monolingual.
 */
static bool unit_runs(const struct pinfo *pi, const bool *core, size_t n, double total, int *first)
{
	double letters[2] = {0, 0}, run = 0, prev_run = 0, paired = 0;
	size_t nrun = 0, good = 0;
	int lab = -1;
	*first = -1;
	for (size_t i = 0; i <= n; i++) {
		if (i < n && !core[i])
			continue;
		if (i == n || pi[i].lab != lab) {
			/* run nrun-1 just ended: pair it with the one before */
			if (nrun > 0 && nrun % 2 == 0 && prev_run > 0 && run > 0 &&
			    run <= UNIT_RATIO * prev_run && prev_run <= UNIT_RATIO * run) {
				paired += run + prev_run;
				good++;
			}
			if (i == n)
				break;
			prev_run = run;
			run = 0;
			lab = pi[i].lab;
			nrun++;
		}
		if (*first < 0)
			*first = lab;
		run += pi[i].letters;
		letters[lab] += pi[i].letters;
	}
	if (nrun < 4 || letters[0] + letters[1] < MIN_CORE_SHARE * total)
		return false;
	/* one unit alike proves nothing: two misread paragraphs make one */
	if (good < 2 || paired < MIN_UNIT_PAIRED * (letters[0] + letters[1]))
		return false;
	return letters[0] >= MIN_SHARE * total && letters[1] >= MIN_SHARE * total;
}

static bool interleaved_fit(const struct pinfo *pi, const bool *core, size_t n, double total,
                            int *first)
{
	return alternates(pi, core, n, total, first) || unit_runs(pi, core, n, total, first);
}

static bool heading_like(const char *text);

static bool find_interleaved(const struct article *a, const struct pinfo *pi, double total,
                             bool *core, int *first)
{
	size_t n = a->npara;
	for (size_t i = 0; i < n; i++)
		core[i] = pi[i].lab >= 0 && a->paras[i].kind == PARA_BODY && sentence_like(a->paras[i].text);
	if (interleaved_fit(pi, core, n, total, first))
		return true;
	/* short paragraphs without final stops: fit on every labelled one
	 * but two heading lines at the top, the title in each language
	 * (placed by title_pair), whose borrowed labels would start the
	 * alternation on the wrong side */
	if (n > 2 && heading_like(a->paras[0].text) && heading_like(a->paras[1].text)) {
		for (size_t i = 0; i < n; i++)
			core[i] = pi[i].lab >= 0 && i >= 2;
		if (interleaved_fit(pi, core, n, total, first))
			return true;
	}
	for (size_t i = 0; i < n; i++)
		core[i] = pi[i].lab >= 0;
	return interleaved_fit(pi, core, n, total, first);
}

/* A short line that does not end like a sentence reads as a heading. */
static bool heading_like(const char *text)
{
	size_t nchars = u8_mbsnlen((const uint8_t *)text, strlen(text));
	if (nchars == 0 || nchars > TITLE_MAX_CHARS)
		return false;
	/* a URL line is not a heading, whatever its length */
	if (strstr(text, "://") || !strncmp(text, "www.", 4))
		return false;
	size_t n = strlen(text);
	const char *ends[] = {".", "。", "!", "！", "?", "？", ";", "；", ","};
	for (size_t i = 0; i < ARRAY_SIZE(ends); i++) {
		size_t e = strlen(ends[i]);
		if (n >= e && !memcmp(text + n - e, ends[i], e))
			return false;
	}
	return true;
}

static void mark_titles(struct article *a)
{
	for (int s = SIDE_LEFT; s <= SIDE_RIGHT; s++) {
		size_t i = 0, half = 0;
		while (i < a->npara && a->paras[i].side != s)
			i++;
		for (size_t j = i; j < a->npara; j++)
			half += a->paras[j].side == s;
		if (i < a->npara && half > 1 && a->paras[i].kind == PARA_BODY && heading_like(a->paras[i].text))
			a->paras[i].kind = PARA_TITLE;
	}
}

/* Remove marker paragraphs flagged drop[] from a->paras. */
static void drop_paras(struct article *a, const bool *drop)
{
	size_t w = 0;
	for (size_t i = 0; i < a->npara; i++) {
		if (drop[i])
			free(a->paras[i].text);
		else
			a->paras[w++] = a->paras[i];
	}
	a->npara = w;
}

static signed char side_of(int lab, int first)
{
	return lab == first ? SIDE_LEFT : SIDE_RIGHT;
}

/* Does the text, read by itself, say language code?  A short title's
 * label is borrowed from the nearest long paragraph (langid_article), so
 * the second title line of "FR title / EN title / FR text" carries the
 * French label; its own reading tells a translated title from a subtitle. */
static bool reads_as(const char *text, const char *code)
{
	struct langid_result r;
	langid_detect(text, strlen(text), &r);
	return !strcmp(r.code, code);
}

/* Two heading lines of comparable length before the first alternating
 * paragraph (or the first block) are the title in each language, whatever
 * their labels say; a second line that reads by itself as the first
 * language is a subtitle instead.  lang is the first language's code. */
static bool title_pair(const struct article *a, const struct pinfo *pi, size_t lo, const char *lang)
{
	if (lo < 2 || !heading_like(a->paras[0].text) || !heading_like(a->paras[1].text))
		return false;
	if (a->paras[0].kind == PARA_META || a->paras[1].kind == PARA_META)
		return false;
	double l0 = pi[0].letters, l1 = pi[1].letters;
	if (l0 <= 0 || l1 <= 0)
		return false;
	/* A first line that reads by itself as the first language vouches
	 * for the pair: translations of a short title run longer. */
	double ratio = TITLE_PAIR_RATIO;
	if ((l0 > ratio * l1 || l1 > ratio * l0) && reads_as(a->paras[0].text, lang))
		ratio = TITLE_PAIR_RATIO_OWN;
	if (l0 > ratio * l1 || l1 > ratio * l0)
		return false;
	return !reads_as(a->paras[1].text, lang);
}

/* Does paragraph i read as a title that pairs with the first line (the
 * second half's own title), rather than as its first paragraph?  Never
 * when the second line reads as the second language by itself (own): a
 * first half does not carry a subtitle in the other half's language, and
 * where body paragraphs end without stops (lists, messages) any of them
 * would look like a heading. */
static bool second_title_at(const struct article *a, const struct pinfo *pi, size_t i, bool own)
{
	double l0 = pi[0].letters, li = pi[i].letters;
	if (own || !heading_like(a->paras[i].text) || li <= 0 || l0 > TITLE_PAIR_RATIO * li ||
	    li > TITLE_PAIR_RATIO * l0)
		return false;
	return true;
}

/*
 * Sides of an interleaved article.  Paragraphs of the fit take their
 * label's side; the others their own label's when they have one of the
 * two, else their neighbour's (the one before, or after at the start).
 */
static void sides_interleaved(struct article *a, const struct pinfo *pi, const bool *core, int first,
                              const char *lang)
{
	size_t n = a->npara, lo = 0;
	while (lo < n && !core[lo])
		lo++;
	size_t from = 0;
	if (title_pair(a, pi, lo, lang)) {
		a->paras[0].side = SIDE_LEFT;
		a->paras[1].side = SIDE_RIGHT;
		a->paras[0].kind = a->paras[1].kind = PARA_TITLE;
		from = 2;
	}
	int prev = -1;
	for (size_t i = from; i < n; i++) {
		if (pi[i].lab >= 0)
			prev = side_of(pi[i].lab, first);
		a->paras[i].side = (signed char)prev;
	}
	int next = SIDE_LEFT;
	for (size_t i = n; i-- > from;) {
		if (a->paras[i].side >= 0)
			next = a->paras[i].side;
		else
			a->paras[i].side = (signed char)next;
	}
}

static void free_paras(struct para *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].text);
	free(v);
}

static void set_mono(struct article *a)
{
	for (size_t i = 0; i < a->npara; i++)
		a->paras[i].side = SIDE_NONE;
	a->lang2[0] = '\0';
}

static bool split_paras(struct article *a);

/* Paragraph 0, the title, gets a twin of text[0..len) on the other side,
 * just after it; the other side's first paragraph, which the split took
 * for that side's title, is body again. */
static void give_other_title(struct article *a, const char *text, size_t len)
{
	int other = a->paras[0].side == SIDE_LEFT ? SIDE_RIGHT : SIDE_LEFT;
	for (size_t i = 1; i < a->npara; i++)
		if (a->paras[i].side == other) {
			a->paras[i].kind = PARA_BODY;
			break;
		}
	struct para copy = {.text = xstrndup(text, len), .side = (signed char)other, .kind = PARA_TITLE};
	memcpy(copy.lang, other == SIDE_LEFT ? a->lang : a->lang2, LANG_CODE_SIZE);
	xgrow(&a->paras, &a->cappara, a->npara + 1, sizeof *a->paras);
	memmove(&a->paras[2], &a->paras[1], (a->npara - 1) * sizeof *a->paras);
	a->paras[1] = copy;
	a->npara++;
}

/* A bilingual document whose two titles are the same line ("Linux 6.1",
 * a name) lost the second to the parse's de-duplication: give it back, so
 * that the titles stand in one row and no body paragraph pairs with one. */
static void twin_title(struct article *a)
{
	if (a->title_twice && a->paras[0].kind == PARA_TITLE)
		give_other_title(a, a->paras[0].text, strlen(a->paras[0].text));
}

/* The two titles on the two lines of one paragraph, too short (or too alike)
 * for their lines to be told apart by language: the second line is the
 * other side's title, unless it reads by itself as the first language (a
 * subtitle). */
static void title_lines(struct article *a)
{
	struct para *t = &a->paras[0];
	size_t n = strlen(t->text), at;
	const char *nl = strchr(t->text, '\n');
	if (t->kind != PARA_TITLE)
		return;
	if (nl && !strchr(nl + 1, '\n') && !t->soft.n)
		at = (size_t)(nl - t->text) + 1;
	else if (!nl && t->soft.n == 1 && t->soft.len == n)
		at = t->soft.at[0];
	else
		return;
	size_t an = at;
	while (an > 0 && (t->text[an - 1] == ' ' || t->text[an - 1] == '\n'))
		an--;
	char *first = xstrndup(t->text, an), *second = xstrdup(t->text + at);
	size_t c;
	double l0 = bi_letters(first, &c), l1 = bi_letters(second, &c);
	bool same = !strcmp(first, second);
	if (same || (l0 > 0 && l1 > 0 && l0 <= TITLE_PAIR_RATIO * l1 && l1 <= TITLE_PAIR_RATIO * l0 &&
	             heading_like(second) && !reads_as(second, t->side == SIDE_LEFT ? a->lang : a->lang2))) {
		free(t->text);
		t->text = first;
		memset(&t->soft, 0, sizeof t->soft);
		free(a->title);
		a->title = xstrdup(first);
		give_other_title(a, second, strlen(second));
		first = NULL;
	}
	free(first);
	free(second);
}

static bool split_document(struct article *a);

/*
 * Paragraphs whose lines or sentences are in two languages are split
 * first, on a copy: the split is kept only when the document then reads
 * as bilingual, so a monolingual article quoting a foreign sentence keeps
 * its paragraphs whole.  Then the titles are put right.
 */
bool bilingual_split(struct article *a)
{
	if (!split_document(a))
		return false;
	if (a->npara >= 2) {
		twin_title(a);
		title_lines(a);
	}
	return true;
}

static bool split_document(struct article *a)
{
	size_t np, title;
	struct para *v = bi_split_mixed(a, &np, &title);
	if (v) {
		struct article t = *a;
		t.paras = v;
		t.npara = t.cappara = np;
		/* before the split drops marker lines and moves the rest */
		char *first_title = title < np ? xstrdup(v[title].text) : NULL;
		if (split_paras(&t)) {
			free_paras(a->paras, a->npara);
			if (first_title) {
				free(a->title);
				a->title = first_title;
			}
			a->paras = t.paras;
			a->npara = t.npara;
			a->cappara = np;
			memcpy(a->lang, t.lang, LANG_CODE_SIZE);
			memcpy(a->lang2, t.lang2, LANG_CODE_SIZE);
			return true;
		}
		free(first_title);
		free_paras(t.paras, t.npara);
	}
	return split_paras(a);
}

/* The document's paragraphs as they are: blocks, else interleaved. */
/* Is the paragraph one quotation, wholly inside quotation marks (with a
 * stop after the closing one, at most)? */
static bool wholly_quoted(const char *t)
{
	static const char *const open[] = {"\"", "“", "„", "«", "「", "『", "‘", "'"};
	static const char *const close[] = {"\"", "”", "“", "»", "」", "』", "’", "'"};
	size_t n = strlen(t);
	while (n > 0 && strchr(" .,;!?", t[n - 1]))
		n--;
	bool opens = false;
	for (size_t k = 0; k < ARRAY_SIZE(open) && !opens; k++)
		opens = !strncmp(t, open[k], strlen(open[k]));
	for (size_t k = 0; k < ARRAY_SIZE(close) && opens; k++) {
		size_t c = strlen(close[k]);
		if (n > c && !memcmp(t + n - c, close[k], c))
			return true;
	}
	return false;
}

/* A second language all of whose paragraphs are quotations, beside a
 * first that is not quoted, is quoted, not translated: an article citing
 * foreign sentences. */
static bool quoted_language(const struct article *a, const struct pinfo *pi)
{
	size_t n[2] = {0, 0}, q[2] = {0, 0};
	for (size_t i = 0; i < a->npara; i++)
		if (pi[i].lab >= 0 && a->paras[i].kind == PARA_BODY) {
			n[pi[i].lab]++;
			q[pi[i].lab] += wholly_quoted(a->paras[i].text);
		}
	for (int l = 0; l < 2; l++)
		if (n[l] > 0 && q[l] == n[l] && q[!l] < n[!l])
			return true;
	return false;
}

static bool split_paras(struct article *a)
{
	set_mono(a);
	if (a->npara < 2)
		return false;
	struct pinfo *pi = xcalloc(a->npara, sizeof *pi);
	size_t nchars, first[2];
	double total;
	for (size_t i = 0; i < a->npara; i++) {
		pi[i].letters = bi_letters(a->paras[i].text, &nchars);
		pi[i].marker = is_marker(a->paras[i].text);
		pi[i].lab = -1;
	}
	bool bi = false;
	if (top_two(a, pi, first, &total)) {
		char lang[2][LANG_CODE_SIZE];
		for (int l = 0; l < 2; l++)
			memcpy(lang[l], a->paras[first[l]].lang, LANG_CODE_SIZE);
		for (size_t i = 0; i < a->npara; i++)
			for (int l = 0; l < 2 && !pi[i].marker; l++)
				if (!strcmp(a->paras[i].lang, lang[l]))
					pi[i].lab = l;
		struct split sp = {0, 0, false};
		int f = 0;
		bool *drop = xcalloc(a->npara, sizeof *drop);
		bool *core = xcalloc(a->npara, sizeof *core);
		bool quoted = quoted_language(a, pi);
		if (!quoted && find_blocks(a, pi, total, &sp)) {
			bi = true;
			f = sp.first;
			for (size_t i = 0; i < a->npara; i++)
				a->paras[i].side = i < sp.k ? SIDE_LEFT : SIDE_RIGHT;
			size_t lo = sp.k, hi = sp.k;
			while (lo > 0 && pi[lo - 1].lab < 0)
				lo--;
			while (hi < a->npara && pi[hi].lab < 0)
				hi++;
			for (size_t i = lo; i < hi; i++)
				drop[i] = pi[i].marker;
			/* "FR title, EN title, FR text, EN text": the second title
			 * line belongs to the second half when that has none. */
			if (sp.k > 2 && title_pair(a, pi, 2, lang[f]) && hi < a->npara &&
			    !second_title_at(a, pi, hi, reads_as(a->paras[1].text, lang[!f]))) {
				a->paras[1].side = SIDE_RIGHT;
				a->paras[0].kind = a->paras[1].kind = PARA_TITLE;
			}
		} else if (!quoted && find_interleaved(a, pi, total, core, &f)) {
			bi = true;
			sides_interleaved(a, pi, core, f, lang[f]);
			for (size_t i = 0; i < a->npara; i++)
				drop[i] = pi[i].marker;
		}
		if (bi) {
			memcpy(a->lang, lang[f], LANG_CODE_SIZE);
			memcpy(a->lang2, lang[!f], LANG_CODE_SIZE);
			drop_paras(a, drop);
			mark_titles(a);
		}
		free(drop);
		free(core);
	}
	free(pi);
	return bi;
}
