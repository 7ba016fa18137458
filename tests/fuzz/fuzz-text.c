/*
 * fuzz-text.c: outside bytes through the whole text core, as import and
 * the pager take them: clean, parse, languages, bilingual split, align,
 * then layout at several widths in every view, and the terminal filter.
 * and the story evidence (evidence.h) with the name lexicon its bilingual
 * rows teach.
 * Invariants: the text core gives valid UTF-8 without control characters,
 * no laid-out line is wider than its width, evidence keys are valid UTF-8,
 * sorted, unique and no more than EVIDENCE_MAX_KEYS.
 */
#include "fuzz.h"
#include "diglot/align.h"
#include "diglot/article.h"
#include "diglot/bilingual.h"
#include "diglot/evidence.h"
#include "diglot/langid.h"
#include "diglot/layout.h"
#include "diglot/utf8.h"
#include "diglot/width.h"

#include <string.h>
#include <unistr.h>

/* Valid UTF-8 without C0 controls (but newline where allowed), DEL or C1. */
static void check_clean(const char *what, const char *s, size_t len, bool newlines)
{
	FUZZ_ASSERT(u8_check((const uint8_t *)s, len) == NULL, "%s: invalid UTF-8", what);
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		FUZZ_ASSERT(c >= 0x20 || (newlines && c == '\n'), "%s: control 0x%02x at %zu", what, c, i);
		FUZZ_ASSERT(c != 0x7f, "%s: DEL at %zu", what, i);
		if (c == 0xc2 && i + 1 < len)
			FUZZ_ASSERT((unsigned char)s[i + 1] >= 0xa0, "%s: C1 control at %zu", what, i);
	}
}

static void check_layout(const struct article *a)
{
	/* Below 60 columns a side-by-side view stacks; 20 is the least. */
	static const int widths[] = {20, 41, 59, 60, 80, 133};
	static const enum layout_view views[] = {VIEW_ORIGINAL, VIEW_AUTO, VIEW_SIDE, VIEW_LEFT, VIEW_RIGHT};
	/* Every other view of a monolingual article is the original one. */
	size_t nviews = a->lang2[0] ? ARRAY_SIZE(views) : 1;
	for (size_t w = 0; w < ARRAY_SIZE(widths); w++) {
		for (size_t v = 0; v < nviews; v++) {
			struct layout l = {0};
			layout_article(&l, a, views[v], widths[w]);
			for (size_t i = 0; i < l.n; i++) {
				const char *t = l.lines[i].text;
				check_clean("layout line", t, strlen(t), false);
				FUZZ_ASSERT(width_cstr(t) <= widths[w], "line %zu is %d columns at width %d",
				            i, width_cstr(t), widths[w]);
			}
			layout_free(&l);
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *sane = utf8_sanitize((const char *)data, size, true);
	check_clean("utf8_sanitize", sane, strlen(sane), true);
	free(sane);

	char *text;
	size_t len;
	char *why = NULL;
	if (utf8_clean((const char *)data, size, &text, &len, NULL, &why) != DG_OK) {
		FUZZ_ASSERT(why && *why, "utf8_clean failed without a reason");
		free(why);
		return 0;
	}
	FUZZ_ASSERT(strlen(text) == len, "utf8_clean: length %zu, strlen %zu", len, strlen(text));
	check_clean("utf8_clean", text, len, true);

	struct article a;
	memset(&a, 0, sizeof a);
	article_parse(&a, text, len);
	langid_article(&a);
	if (bilingual_split(&a))
		align_article(&a);
	check_clean("title", a.title, strlen(a.title), false);
	check_clean("source", a.source, strlen(a.source), false);
	for (size_t i = 0; i < a.npara; i++)
		check_clean("paragraph", a.paras[i].text, strlen(a.paras[i].text), true);
	check_layout(&a);
	struct evidence ev;
	evidence_extract(&a, &ev);
	/* the lexicon a bilingual text teaches, given back to it */
	struct lex_pair *pairs;
	size_t np = evidence_lex_pairs(&a, &pairs);
	struct lexicon *lx = lexicon_new();
	for (size_t i = 0; i < np; i++) {
		check_clean("lexicon string", pairs[i].cjk, strlen(pairs[i].cjk), false);
		lexicon_add(lx, pairs[i].cjk, pairs[i].key);
	}
	evidence_apply_lexicon(&a, lx, &ev);
	lexicon_free(lx);
	lex_pairs_free(pairs, np);
	FUZZ_ASSERT(ev.n <= EVIDENCE_MAX_KEYS, "%zu evidence keys", ev.n);
	for (size_t i = 0; i < ev.n; i++) {
		check_clean("evidence key", ev.keys[i].text, strlen(ev.keys[i].text), false);
		FUZZ_ASSERT(i == 0 || strcmp(ev.keys[i - 1].text, ev.keys[i].text) < 0, "keys out of order at %zu", i);
	}
	evidence_free(&ev);
	article_free(&a);
	free(text);
	return 0;
}
