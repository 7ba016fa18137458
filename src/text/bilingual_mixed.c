/*
 * bilingual_mixed.c: paragraphs whose lines or sentences are in two
 * languages (two titles on adjacent lines, a caption and its translation,
 * a Chinese sentence then its English), split into their runs for
 * bilingual.c, which keeps the split only when the document then reads
 * as bilingual.
 */
#include "diglot/common.h"
#include "bilingual_int.h"
#include "diglot/langid.h"
#include "diglot/script.h"
#include "diglot/sentence.h"

#include <stdlib.h>
#include <string.h>
#include <unistr.h>
#include <unictype.h>

#define PIECE_MIN_LETTERS 8.0 /* a shorter line or sentence takes its neighbour's language */
#define MIX_MIN_SHARE 0.15    /* sentence split: each script's share of a paragraph's letters */
#define MAX_LINE_PIECES 16    /* longer line blocks are lists or verse, not a title pair */
#define MAX_DOC_LANGS 8

/* Lines of a paragraph: its hard breaks, else where the parse joined a
 * short block's lines (two titles, a caption and its translation). */
static size_t line_pieces(const struct para *p, struct span **out)
{
	size_t len = strlen(p->text), n = 0;
	*out = NULL;
	if (strchr(p->text, '\n')) {
		size_t cap = 0, start = 0;
		for (size_t i = 0; i <= len; i++)
			if (i == len || p->text[i] == '\n') {
				xgrow(out, &cap, n + 1, sizeof **out);
				(*out)[n++] = (struct span){start, i - start};
				start = i + 1;
			}
	} else if (p->soft.n && p->soft.len == len) {
		*out = xcalloc(p->soft.n + 1, sizeof **out);
		size_t start = 0;
		for (size_t k = 0; k <= p->soft.n; k++) {
			size_t end = k < p->soft.n ? p->soft.at[k] : len;
			if (end < start || end > len)
				break;
			(*out)[n++] = (struct span){start, end - start};
			start = end;
		}
	}
	if (n > MAX_LINE_PIECES) {
		free(*out);
		*out = NULL;
		n = 0;
	}
	return n;
}

/* Pieces ending at every full stop, whatever follows it: the sentence
 * splitter wants a capital after ". ", and an English sentence after a
 * Russian one may start with "jsonb" or "iPhone".  Too fine a cut costs
 * nothing here: piece_runs joins neighbours of one language again. */
static size_t stop_pieces(const char *text, struct span **out)
{
	static const char *const cjk_stops[] = {"。", "！", "？"};
	size_t len = strlen(text), n = 0, cap = 0, start = 0;
	*out = NULL;
	for (size_t i = 0; i < len; i++) {
		size_t end = 0;
		if ((text[i] == '.' || text[i] == '!' || text[i] == '?') && i + 1 < len && text[i + 1] == ' ')
			end = i + 1;
		for (size_t k = 0; k < ARRAY_SIZE(cjk_stops) && !end; k++)
			if (!strncmp(text + i, cjk_stops[k], 3))
				end = i + 3;
		if (!end || end >= len)
			continue;
		xgrow(out, &cap, n + 1, sizeof **out);
		(*out)[n++] = (struct span){start, end - start};
		start = end;
		i = end - 1;
	}
	xgrow(out, &cap, n + 1, sizeof **out);
	(*out)[n++] = (struct span){start, len - start};
	return n;
}

/* Sentences of a paragraph where two scripts each hold a good share of
 * the letters (a Chinese sentence, then its English): a change of script
 * is cheap to see, so only such paragraphs pay for a langid per sentence. */
static size_t sentence_pieces(const struct para *p, struct span **out)
{
	const uint8_t *s = (const uint8_t *)p->text, *end = s + strlen(p->text);
	double latin = 0, other = 0;
	*out = NULL;
	while (s < end) {
		if (*s < 0x80) {
			latin += bi_ascii_alpha(*s++);
			continue;
		}
		ucs4_t c;
		s += u8_mbtouc(&c, s, (size_t)(end - s));
		if (!uc_is_alpha(c))
			continue;
		if (script_of(c) == SCRIPT_LATIN)
			latin += 1;
		else
			other += uc_is_property_ideographic(c) ? 2.5 : 1.0;
	}
	double all = latin + other;
	if (all <= 0 || latin < MIX_MIN_SHARE * all || other < MIX_MIN_SHARE * all)
		return 0;
	size_t n = stop_pieces(p->text, out);
	if (n < 2) {
		free(*out);
		*out = NULL;
		n = 0;
	}
	return n;
}

struct piece {
	size_t off, len;
	char lang[LANG_CODE_SIZE];
};

static bool lang_in(const char (*langs)[LANG_CODE_SIZE], size_t n, const char *code)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(langs[i], code))
			return true;
	return false;
}

/*
 * Label each piece and join neighbours of one language into runs.  Only a
 * language some paragraph of the document has counts (a short line read
 * as a third language is noise), unless any_lang; a piece without one
 * takes its neighbour's.  Returns the number of runs when there are two or more.
 */
/* Latin words punctuated the CJK way ("Windows 11、Apple Watch。") are a
 * list of names inside Chinese or Japanese text, not a sentence of a
 * Latin-script language. */
static bool cjk_punctuated(const char *t, size_t n)
{
	const uint8_t *s = (const uint8_t *)t, *end = s + n;
	while (s < end) {
		if (*s < 0x80) {
			s++;
			continue;
		}
		ucs4_t c;
		s += u8_mbtouc(&c, s, (size_t)(end - s));
		if (script_is_cjk_punct(c))
			return true;
	}
	return false;
}

static bool cjk_code(const char *code)
{
	return !strcmp(code, "zh") || !strcmp(code, "ja") || !strcmp(code, "ko");
}

static size_t piece_runs(const char *text, const struct span *sp, size_t n,
                         const char (*langs)[LANG_CODE_SIZE], size_t nlang, bool any_lang,
                         struct piece *runs)
{
	size_t nrun = 0;
	for (size_t i = 0; i < n; i++) {
		size_t nchars;
		char *t = xstrndup(text + sp[i].off, sp[i].len);
		char code[LANG_CODE_SIZE] = "";
		if (bi_letters(t, &nchars) >= PIECE_MIN_LETTERS) {
			struct langid_result r;
			langid_detect(t, sp[i].len, &r);
			if (((any_lang && strcmp(r.code, "und")) || lang_in(langs, nlang, r.code)) &&
			    (cjk_code(r.code) || !cjk_punctuated(t, sp[i].len)))
				memcpy(code, r.code, LANG_CODE_SIZE);
		}
		free(t);
		if (nrun > 0 && (!code[0] || !strcmp(code, runs[nrun - 1].lang) || !runs[nrun - 1].lang[0])) {
			struct piece *r = &runs[nrun - 1];
			r->len = sp[i].off + sp[i].len - r->off;
			if (!r->lang[0])
				memcpy(r->lang, code, LANG_CODE_SIZE);
			continue;
		}
		runs[nrun] = (struct piece){sp[i].off, sp[i].len, ""};
		memcpy(runs[nrun++].lang, code, LANG_CODE_SIZE);
	}
	return nrun >= 2 && runs[0].lang[0] ? nrun : 0;
}

static void push_para(struct para **v, size_t *n, size_t *cap, const struct para *from,
                      const char *text, size_t len, const char *lang)
{
	while (len > 0 && (*text == ' ' || *text == '\n'))
		text++, len--;
	while (len > 0 && (text[len - 1] == ' ' || text[len - 1] == '\n'))
		len--;
	xgrow(v, cap, *n + 1, sizeof **v);
	struct para *p = &(*v)[(*n)++];
	*p = *from;
	memset(&p->soft, 0, sizeof p->soft);
	p->text = xstrndup(text, len);
	memcpy(p->lang, lang, LANG_CODE_SIZE);
}

/* The languages of the document's paragraphs. */
static size_t doc_langs(const struct article *a, char (*langs)[LANG_CODE_SIZE])
{
	size_t n = 0;
	for (size_t i = 0; i < a->npara && n < MAX_DOC_LANGS; i++)
		if (bi_has_lang(&a->paras[i]) && !lang_in((const char (*)[LANG_CODE_SIZE])langs, n, a->paras[i].lang))
			memcpy(langs[n++], a->paras[i].lang, LANG_CODE_SIZE);
	return n;
}

/* The runs of one paragraph's lines or sentences (runs[0..return)); 0
 * when it is in one language. */
static size_t para_runs(const struct para *p, const char (*langs)[LANG_CODE_SIZE], size_t nlang,
                        struct piece **runs)
{
	struct span *sp;
	size_t ns = line_pieces(p, &sp);
	/* sentences across a change of script may bring a language no
	 * whole paragraph has: the script already argues for it */
	bool by_script = ns == 0;
	if (by_script)
		ns = sentence_pieces(p, &sp);
	*runs = xcalloc(ns + 1, sizeof **runs);
	size_t nr = ns ? piece_runs(p->text, sp, ns, langs, nlang, by_script, *runs) : 0;
	free(sp);
	return nr;
}

/* Wrapped prose of more than a few lines: its lines are asked their
 * language only in a document where a shorter paragraph was mixed (a
 * line-by-line block), not in every hard-wrapped article. */
static bool long_wrapped(const struct para *p)
{
	return p->soft.n > SOFT_BREAKS_SHORT && !strchr(p->text, '\n');
}

/* bilingual_int.h */
struct para *bi_split_mixed(const struct article *a, size_t *np, size_t *title)
{
	char langs[MAX_DOC_LANGS][LANG_CODE_SIZE];
	size_t nlang = doc_langs(a, langs), n = 0, cap = 0;
	*title = SIZE_MAX;
	if (nlang < 1)
		return NULL;
	const char (*cl)[LANG_CODE_SIZE] = (const char (*)[LANG_CODE_SIZE])langs;
	struct piece **runs = xcalloc(a->npara, sizeof *runs);
	size_t *nr = xcalloc(a->npara, sizeof *nr);
	bool any = false;
	for (size_t i = 0; i < a->npara; i++)
		if (!long_wrapped(&a->paras[i])) {
			nr[i] = para_runs(&a->paras[i], cl, nlang, &runs[i]);
			any |= nr[i] > 0;
		}
	struct para *v = NULL;
	for (size_t i = 0; i < a->npara && any; i++) {
		const struct para *p = &a->paras[i];
		if (long_wrapped(p))
			nr[i] = para_runs(p, cl, nlang, &runs[i]);
		if (nr[i] && p->kind == PARA_TITLE && !strcmp(p->text, a->title))
			*title = n;
		for (size_t k = 0; k < nr[i]; k++)
			push_para(&v, &n, &cap, p, p->text + runs[i][k].off, runs[i][k].len,
			          runs[i][k].lang[0] ? runs[i][k].lang : p->lang);
		if (!nr[i])
			push_para(&v, &n, &cap, p, p->text, strlen(p->text), p->lang);
	}
	for (size_t i = 0; i < a->npara; i++)
		free(runs[i]);
	free(runs);
	free(nr);
	*np = n;
	return v;
}
