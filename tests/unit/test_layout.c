/* test_layout.c: unit tests of the layout module: paragraph wrapping
 * (UAX #14, clusters), view names, and whole articles compared with golden
 * text in tests/fixtures/layout/<case>.<width>.txt.
 *
 * Articles are built by hand (article_add_para, sides, rows) so these
 * tests do not depend on the parser, langid or align.
 * DIGLOT_UPDATE_GOLDEN=1 ./tests/unit/test_layout rewrites the goldens;
 * read every one before committing it. */
#include "t.h"
#include "diglot/layout.h"
#include "diglot/width.h"

#include <stdlib.h>
#include <time.h>

/* ---- layout_wrap ----------------------------------------------------------- */

static const struct {
	const char *text;
	int width;
	const char *want; /* lines joined by '|' */
} wraps[] = {
	{"", 10, ""},
	{"hello world", 11, "hello world"},
	{"hello world", 10, "hello|world"},
	{"hello world", 5, "hello|world"},
	{"aaa   bbb", 4, "aaa|bbb"},              /* spaces trimmed, not carried */
	{"aaa   bbb", 5, "aaa|bbb"},
	{"a well-known fact", 8, "a well-|known|fact"},
	{"state-of-the-art", 10, "state-of-|the-art"},
	{"abcdefghij", 4, "abcd|efgh|ij"},       /* no opportunity: cut at the column */
	{"中文测试文本", 4, "中文|测试|文本"},
	{"中文测试文本", 5, "中文|测试|文本"},
	{"中文，测试。", 4, "中|文，|测|试。"},  /* no line starts with ， or 。 */
	{"一、二、三", 4, "一、|二、|三"},
	{"Mistral AI的公共事务", 12, "Mistral AI的|公共事务"}, /* AL ÷ ID */
	{"Mistral AI的公共事务", 11, "Mistral AI|的公共事务"},
	{"line one\nline two", 20, "line one|line two"},
	{"  kept\n  kept too", 20, "  kept|  kept too"}, /* hard-break indents stay */
	{"one\n\nthree", 20, "one||three"},
	{"trailing   ", 20, "trailing"},
	{"e\u0301" "e\u0301" "e\u0301" "e\u0301", 2,
	 "e\u0301" "e\u0301|e\u0301" "e\u0301"},
	{"\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7", 3,
	 "\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7|\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7"},
	{"un mot !", 6, "un|mot !"},              /* UAX #14: no break before ! */
	{"dit « oui » hier", 6, "dit|« oui|» hier"}, /* no lone « at a line end */
	{"dit «", 4, "dit|«"},
	{"super\xE2\x80\x8B" "cali\xE2\x80\x8B" "fragilistic", 10,
	 "super\xE2\x80\x8B" "cali\xE2\x80\x8B|fragilisti|c"},
	{"see https://example.com/a/b", 12, "see https://|example.com/|a/b"},
	{"see https://example.com/a/b", 11, "see|https://|example.|com/a/b"},
	{"a\tb\x01" "c\x7f\r", 10, "a bc"},       /* controls never reach a line */
	{"a\xC2\x85" "b\xC2\xA0" "c", 10, "ab\xC2\xA0" "c"}, /* C1 NEL dropped, NBSP kept */
	{"x", 1, "x"},
	{"中", 1, "中"},                           /* wider than the line: alone */
};

static char *join(char **lines, size_t n)
{
	struct sbuf b = SBUF_INIT;
	for (size_t i = 0; i < n; i++) {
		if (i)
			sbuf_addc(&b, '|');
		sbuf_addstr(&b, lines[i]);
	}
	return sbuf_detach(&b);
}

static void test_wrap(void)
{
	for (size_t i = 0; i < ARRAY_SIZE(wraps); i++) {
		char **lines = NULL;
		size_t n = 0, cap = 0;
		size_t got_n = layout_wrap(wraps[i].text, strlen(wraps[i].text), wraps[i].width,
					   &lines, &n, &cap);
		CHECK_INT(got_n, n);
		char *got = join(lines, n);
		if (strcmp(got, wraps[i].want) != 0)
			fprintf(stderr, "wrap case %zu at %d:\n", i, wraps[i].width);
		CHECK_STR(got, wraps[i].want);
		for (size_t k = 0; k < n; k++)
			if (wraps[i].width > 1)
				CHECK(width_cstr(lines[k]) <= wraps[i].width);
		free(got);
		for (size_t k = 0; k < n; k++)
			free(lines[k]);
		free(lines);
	}
}

/* Random paragraphs from pieces that stress the wrapper: every line fits,
 * none ends in a space, and no text is lost or reordered (the lines joined
 * equal the input once spaces and newlines are removed). */
static const char *const pieces[] = {
	"word", "a", " ", "  ", "-", "well-known", "\n", "中", "文，", "。", "、", "「引」",
	"\xF0\x9F\x98\x80", "\xE2\x9D\xA4\xEF\xB8\x8F", "\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7",
	"\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9", "e\u0301", "\u0301", "\xE2\x80\x8B",
	"\xE2\x80\x8D", "مرحبا", "https://example.org/a/b?c=d", "Donaudampfschifffahrt",
	"« ", " »", "!", "\xE1\x84\x92\xE1\x85\xA1", "\xE0\xA4\x95\xE0\xA4\xBE", "\xFF",
};

#ifndef ROUNDS
#define ROUNDS 3000
#endif
static uint32_t rng_state = 12345;
static uint32_t rng(void)
{
	rng_state = rng_state * 1103515245u + 12345u;
	return rng_state >> 16;
}

static char *squeeze(const char *s)
{
	struct sbuf b = SBUF_INIT;
	for (; *s; s++)
		if (*s != ' ' && *s != '\n')
			sbuf_addc(&b, *s);
	return sbuf_detach(&b);
}

static void test_wrap_random(void)
{
	for (int round = 0; round < ROUNDS; round++) {
		struct sbuf in = SBUF_INIT;
		int npieces = (int)(rng() % 40);
		for (int k = 0; k < npieces; k++)
			sbuf_addstr(&in, pieces[rng() % ARRAY_SIZE(pieces)]);
		int width = 2 + (int)(rng() % 30);
		const char *text = sbuf_str(&in);
		char **lines = NULL;
		size_t n = 0, cap = 0;
		layout_wrap(text, in.len, width, &lines, &n, &cap);
		struct sbuf joined = SBUF_INIT;
		bool ok = n > 0;
		for (size_t k = 0; k < n; k++) {
			size_t len = strlen(lines[k]);
			ok &= width_cstr(lines[k]) <= width;
			ok &= len == 0 || lines[k][len - 1] != ' ';
			sbuf_addstr(&joined, lines[k]);
			sbuf_addc(&joined, '\n');
		}
		char *a = squeeze(text), *b = squeeze(sbuf_str(&joined));
		ok &= strcmp(a, b) == 0;
		if (!ok) {
			fprintf(stderr, "random wrap at %d failed: \"%s\"\n", width, text);
			for (size_t k = 0; k < n; k++)
				fprintf(stderr, "  %2d |%s|\n", width_cstr(lines[k]), lines[k]);
		}
		for (size_t k = 0; k < n; k++)
			free(lines[k]);
		free(lines);
		CHECK(ok);
		free(a);
		free(b);
		sbuf_free(&joined);
		sbuf_free(&in);
		if (!ok)
			break;
	}
}

/* ---- views ----------------------------------------------------------------- */

static void test_views(void)
{
	static const char *names[] = {"auto", "original", "side-by-side", "left", "right"};
	for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
		CHECK_INT(layout_view_parse(names[i]), (int)i);
		CHECK_STR(layout_view_name((enum layout_view)i), names[i]);
	}
	CHECK_INT(layout_view_parse("side"), -1);
	CHECK_INT(layout_view_parse(""), -1);

	struct article a = {0};
	strcpy(a.lang, "zh");
	CHECK_INT(layout_view_for_lang(&a, "zh"), -1); /* monolingual: nothing to pick */
	strcpy(a.lang2, "en");
	CHECK_INT(layout_view_for_lang(&a, "zh"), VIEW_LEFT);
	CHECK_INT(layout_view_for_lang(&a, "en"), VIEW_RIGHT);
	CHECK_INT(layout_view_for_lang(&a, "fr"), -1);
	CHECK_INT(layout_view_for_lang(&a, ""), -1);
}

/* ---- articles built by hand -------------------------------------------------- */

static void para(struct article *a, const char *text, enum para_kind kind, const char *lang,
		 int side)
{
	struct para *p = article_add_para(a, text, strlen(text), kind);
	strcpy(p->lang, lang);
	p->side = (signed char)side;
}

static void header(struct article *a, const char *title, const char *source, const char *url,
		   const char *lang, const char *lang2, int64_t date)
{
	a->title = xstrdup(title);
	a->source = xstrdup(source);
	a->url = xstrdup(url);
	strcpy(a->lang, lang);
	strcpy(a->lang2, lang2);
	a->date = date;
}

static void add_row(struct article *a, uint32_t l, uint32_t nl, uint32_t r, uint32_t nr)
{
	a->rows = xreallocarray(a->rows, a->nrow + 1, sizeof *a->rows);
	a->rows[a->nrow++] = (struct row){l, nl, r, nr};
}

/* Three paragraphs per side from seeds/000_f5aea57c648a9a8b.txt (the first
 * Chinese one with fullwidth commas), the English title as a heading. */
static const char *const zh_paras[] = {
	"法国人工智能初创公司 Mistral AI 近日在微软于巴黎举办的一次活动中宣布，尽管与微软"
	"合作成立了一家销售其部分软件的合资企业，但公司仍坚定承诺将继续保持开源策略。",
	"马斯克周一公开表示,他计划将自己的聊天机器人项目Grok开源,以实现人工智能研究的广泛共享。",
	"Mistral AI的公共事务主管Audrey Herblin-Stoop强调,开源对于构建一个能够与美国公司竞争的"
	"欧洲人工智能生态系统至关重要。",
};
static const char *const en_paras[] = {
	"French AI startup Mistral AI recently announced at a Microsoft event in Paris that it "
	"will maintain its open-source strategy, despite forming a joint venture with the tech "
	"giant to sell some of its software.",
	"Musk publicly stated on Monday that he plans to open-source his chatbot project, Grok, "
	"to foster widespread sharing of AI research.",
	"Mistral AI\xE2\x80\x99s Public Affairs Director, Audrey Herblin-Stoop, emphasized the "
	"importance of open-source for building a competitive European AI ecosystem alongside "
	"American companies.",
};

static void build_zh_en(struct article *a)
{
	header(a, "Mistral AI 坚持开源承诺 / Mistral AI Stays True to Open-Source Commitment",
	       "Barron's",
	       "https://www.barrons.com/news/french-startup-mistral-ai-vows-to-maintain-open-source-61df8974",
	       "zh", "en", 1710115200 /* 2024-03-11 */);
	for (size_t i = 0; i < ARRAY_SIZE(zh_paras); i++)
		para(a, zh_paras[i], PARA_BODY, "zh", SIDE_LEFT);
	para(a, "Mistral AI Stays True to Open-Source Commitment", PARA_TITLE, "en", SIDE_RIGHT);
	for (size_t i = 0; i < ARRAY_SIZE(en_paras); i++)
		para(a, en_paras[i], PARA_BODY, "en", SIDE_RIGHT);
	add_row(a, 0, 0, 3, 1); /* the English heading, unpaired */
	add_row(a, 0, 2, 4, 2); /* 2-2 */
	add_row(a, 2, 1, 6, 1); /* 1-1 */
}

static void build_fr(struct article *a)
{
	header(a, "Réforme des retraites : le gouvernement présente son projet", "Le Monde", "",
	       "fr", "", 0);
	para(a, "Le gouvernement a présenté mercredi son projet de réforme, c'est-à-dire un texte "
		"que la porte-parole qualifie d'« équilibré » ; les syndicats, eux, dénoncent un "
		"passage en force !", PARA_BODY, "fr", SIDE_NONE);
	para(a, "Ce qu'il faut retenir", PARA_TITLE, "fr", SIDE_NONE);
	para(a, "L'âge légal passerait de 62 à 64 ans.\nLa durée de cotisation serait allongée.",
	     PARA_BODY, "fr", SIDE_NONE);
}

static void build_emoji(struct article *a)
{
	header(a, "Emoji \xF0\x9F\x98\x80 in the news \xE2\x9D\xA4\xEF\xB8\x8F", "", "", "en", "", 0);
	para(a, "Fans waved \xF0\x9F\x87\xAB\xF0\x9F\x87\xB7 and \xF0\x9F\x87\xA9\xF0\x9F\x87\xAA "
		"flags \xF0\x9F\x8E\x89\xF0\x9F\x8E\x89\xF0\x9F\x8E\x89 while the family "
		"\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7 cheered "
		"\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD and sent \xE2\x9D\xA4\xEF\xB8\x8F\xE2\x9D\xA4\xEF\xB8\x8F"
		"\xE2\x9D\xA4\xEF\xB8\x8F to everyone.", PARA_BODY, "en", SIDE_NONE);
	para(a, "\xF0\x9F\x98\x80\xF0\x9F\x98\x81\xF0\x9F\x98\x82\xF0\x9F\x98\x83\xF0\x9F\x98\x84"
		"\xF0\x9F\x98\x85\xF0\x9F\x98\x86\xF0\x9F\x98\x87\xF0\x9F\x98\x88\xF0\x9F\x98\x89"
		"\xF0\x9F\x98\x8A\xF0\x9F\x98\x8B\xF0\x9F\x98\x8C\xF0\x9F\x98\x8D\xF0\x9F\x98\x8E"
		"\xF0\x9F\x98\x8F\xF0\x9F\x98\x90\xF0\x9F\x98\x91\xF0\x9F\x98\x92\xF0\x9F\x98\x93"
		"\xF0\x9F\x98\x94\xF0\x9F\x98\x95\xF0\x9F\x98\x96\xF0\x9F\x98\x97\xF0\x9F\x98\x98",
		PARA_BODY, "und", SIDE_NONE);
}

/* Decomposed accents (e + U+0301) and Vietnamese stacked marks. */
static void build_combining(struct article *a)
{
	header(a, "Cafe\u0301 de\u0301ce\u0301s", "", "", "fr", "", 0);
	para(a, "Le cafe\u0301 du quartier a de\u0301cide\u0301 de fermer ; les "
		"habitue\u0301s regrettent de\u0301ja\u0300 l'ambiance re\u0301tro et "
		"le the\u0301 a\u0300 la menthe.", PARA_BODY, "fr", SIDE_NONE);
	para(a, "Tie\u0302\u0301ng Vie\u0323\u0302t co\u0301 nhie\u0302\u0300u "
		"da\u0302\u0301u chô\u0300ng lên nhau: nguye\u0302\u0303n, "
		"tru\u031Bo\u031B\u0300ng, ngu\u031Bo\u031B\u0300i.",
		PARA_BODY, "vi", SIDE_NONE);
}

/* ZWSP as the only break opportunity, ZWJ inside Persian and Devanagari. */
static void build_zw(struct article *a)
{
	header(a, "Zero\xE2\x80\x8Bwidth\xE2\x80\x8Bspaces", "", "", "en", "", 0);
	para(a, "Donau\xE2\x80\x8B" "dampf\xE2\x80\x8B" "schiff\xE2\x80\x8B" "fahrts\xE2\x80\x8B"
		"gesellschafts\xE2\x80\x8B" "kapitäns\xE2\x80\x8B" "mützen\xE2\x80\x8B" "band\xE2\x80\x8B"
		"fabrik\xE2\x80\x8B" "arbeiter\xE2\x80\x8B" "vereinigung is split only at ZWSP.",
		PARA_BODY, "de", SIDE_NONE);
	para(a, "ZWJ: \xD9\x85\xDB\x8C\xE2\x80\x8D\xD8\xAE\xD9\x88\xD8\xA7\xD9\x87\xD9\x85 and "
		"\xE0\xA4\x95\xE0\xA5\x8D\xE2\x80\x8D\xE0\xA4\xB7 stay whole; a\xE2\x80\x8D" "b too.",
		PARA_BODY, "en", SIDE_NONE);
}

/* RTL: laid out in logical order; the terminal reorders when painting. */
static void build_arabic(struct article *a)
{
	header(a, "الذكاء الاصطناعي في أوروبا", "الجزيرة", "", "ar", "", 0);
	para(a, "أعلنت شركة ميسترال الفرنسية الناشئة للذكاء الاصطناعي أنها ستواصل اعتماد "
		"استراتيجية المصدر المفتوح، رغم شراكتها مع مايكروسوفت.", PARA_BODY, "ar", SIDE_NONE);
	para(a, "وقال ماسك يوم الاثنين (11 مارس 2024) إنه يخطط لفتح مصدر مشروعه Grok.",
	     PARA_BODY, "ar", SIDE_NONE);
}

static void build_url(struct article *a)
{
	header(a, "A long URL and a longer compound", "example.org",
	       "https://example.org/2024/03/11/an-extremely-long-article-slug-that-goes-on-and-on-and-on-well-past-any-sensible-terminal-width-even-at-132-columns?utm_source=feed",
	       "en", "", 0);
	para(a, "Read it at https://example.org/2024/03/11/an-extremely-long-article-slug-that-goes-on-and-on-and-on-well-past-any-sensible-terminal-width-even-at-132-columns?utm_source=feed today.",
	     PARA_BODY, "en", SIDE_NONE);
	para(a, "Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetzrindfleischetikettierungsüberwachungsaufgabenübertragungsgesetzrindfleisch is long.",
	     PARA_BODY, "de", SIDE_NONE);
}

/* Sentence pairs (data/samples/zh-en-harbor-bridge.txt): row 0 pairs
 * three sentences a side; row 1 has two Chinese sentences beside one
 * English one and stays one paragraph pair; row 2 is a heading. */
static const char harbor_zh[] =
	"据介绍，大桥采用双层设计，上层为四条机动车道，下层为有轨电车轨道和一条宽4.5米的自行车"
	"与步行通道。项目总投资约18亿美元，其中三成来自省级基础设施基金。总工程师阿米莉亚·索恩说，"
	"两座主塔高168米，能够抵御每秒55米的强风；施工期间，团队曾因两次台风暂停作业，共计26天。";
static const char harbor_en[] =
	"The bridge has two decks: the upper one carries four traffic lanes, the lower one a tram "
	"track and a 4.5-metre path for cyclists and pedestrians. The project cost about 1.8 billion "
	"dollars, 30 percent of it from a provincial infrastructure fund. Chief engineer Amelia Thorne "
	"said the two main towers stand 168 metres high and can withstand winds of 55 metres per "
	"second; work was halted for a total of 26 days during two typhoons.";

static void build_sentences(struct article *a)
{
	header(a, "凯斯湾跨海大桥正式通车", "东方晨报", "", "zh", "en", 0);
	para(a, harbor_zh, PARA_BODY, "zh", SIDE_LEFT);
	para(a, "按照计划，有轨电车线路将于9月开通。届时大桥每天预计通行车辆3.5万辆次。", PARA_BODY,
	     "zh", SIDE_LEFT);
	para(a, "交通", PARA_TITLE, "zh", SIDE_LEFT);
	para(a, harbor_en, PARA_BODY, "en", SIDE_RIGHT);
	para(a, "The tram line is scheduled to open in September, when the bridge is expected to "
		"carry 35,000 vehicles a day.", PARA_BODY, "en", SIDE_RIGHT);
	para(a, "Traffic. Trams", PARA_TITLE, "en", SIDE_RIGHT);
	add_row(a, 0, 1, 3, 1); /* three sentence pairs */
	add_row(a, 1, 1, 4, 1); /* 2 sentences beside 1: one pair */
	add_row(a, 2, 1, 5, 1); /* headings are never split */
}

struct golden_case {
	const char *name;
	void (*build)(struct article *a);
	enum layout_view view;
	enum layout_view want_view;
};

static const struct golden_case cases[] = {
	{"zh-en", build_zh_en, VIEW_AUTO, VIEW_SIDE},
	{"zh-en-left", build_zh_en, VIEW_LEFT, VIEW_LEFT},
	{"zh-en-right", build_zh_en, VIEW_RIGHT, VIEW_RIGHT},
	{"zh-en-original", build_zh_en, VIEW_ORIGINAL, VIEW_ORIGINAL},
	{"fr", build_fr, VIEW_AUTO, VIEW_ORIGINAL},
	{"fr-side", build_fr, VIEW_SIDE, VIEW_ORIGINAL}, /* monolingual: falls back */
	{"emoji", build_emoji, VIEW_AUTO, VIEW_ORIGINAL},
	{"combining", build_combining, VIEW_AUTO, VIEW_ORIGINAL},
	{"zw", build_zw, VIEW_AUTO, VIEW_ORIGINAL},
	{"arabic", build_arabic, VIEW_AUTO, VIEW_ORIGINAL},
	{"url", build_url, VIEW_AUTO, VIEW_ORIGINAL},
	{"sentences", build_sentences, VIEW_AUTO, VIEW_SIDE},
};

static const int golden_widths[] = {40, 80, 132};

/* The display column of byte offset off in s. */
static int column_at(const char *s, size_t off)
{
	return width_of(s, off);
}

/* Rules every laid-out line obeys, whatever the case. */
static void check_lines(const struct layout *l, int width, const char *name)
{
	for (size_t i = 0; i < l->n; i++) {
		const struct layout_line *ln = &l->lines[i];
		size_t len = strlen(ln->text);
		int w = width_cstr(ln->text);
		if (w > width)
			fprintf(stderr, "%s.%d line %zu is %d columns: %s\n", name, width, i + 1, w, ln->text);
		CHECK(w <= width);
		CHECK(len == 0 || ln->text[len - 1] != ' ');
		for (size_t k = 0; k < len; k++)
			CHECK((unsigned char)ln->text[k] >= 0x20 && ln->text[k] != 0x7f);
		if (ln->role == LINE_BLANK && ln->divider < 0)
			CHECK_STR(ln->text, "");
		if (ln->divider >= 0) {
			/* the divider char sits at that display column */
			const char *bar = strstr(ln->text, "\xE2\x94\x82");
			const char *cross = strstr(ln->text, "\xE2\x94\xBC");
			const char *at = bar ? bar : cross;
			CHECK(at != NULL);
			if (at)
				CHECK_INT(column_at(ln->text, (size_t)(at - ln->text)), ln->divider);
		}
	}
}

static char *read_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	struct sbuf b = SBUF_INIT;
	char buf[4096];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		sbuf_add(&b, buf, n);
	fclose(f);
	return sbuf_detach(&b);
}

/* Print the first differing line of two texts, with its neighbours. */
static void print_diff(const char *path, const char *want, const char *got)
{
	int line = 1;
	const char *w = want, *g = got;
	while (*w && *w == *g) {
		if (*w == '\n')
			line++;
		w++;
		g++;
	}
	while (w > want && w[-1] != '\n')
		w--;
	while (g > got && g[-1] != '\n')
		g--;
	fprintf(stderr, "%s: differs from line %d\n", path, line);
	for (int k = 0; k < 3 && (*w || *g); k++) {
		const char *we = strchr(w, '\n'), *ge = strchr(g, '\n');
		int wl = we ? (int)(we - w) : (int)strlen(w), gl = ge ? (int)(ge - g) : (int)strlen(g);
		fprintf(stderr, "  -%.*s\n  +%.*s\n", wl, w, gl, g);
		w += wl + (we != NULL);
		g += gl + (ge != NULL);
	}
}

static void test_goldens(void)
{
	bool update = getenv("DIGLOT_UPDATE_GOLDEN") != NULL;
	for (size_t c = 0; c < ARRAY_SIZE(cases); c++) {
		for (size_t k = 0; k < ARRAY_SIZE(golden_widths); k++) {
			struct article a = {0};
			struct layout l = {0};
			int width = golden_widths[k];
			char *path = xasprintf("%s/tests/fixtures/layout/%s.%d.txt", TEST_SRCDIR,
					       cases[c].name, width);
			cases[c].build(&a);
			layout_article(&l, &a, cases[c].view, width);
			CHECK_INT(l.view, cases[c].want_view);
			check_lines(&l, width, cases[c].name);
			char *got = layout_text(&l);
			if (update) {
				FILE *f = fopen(path, "wb");
				CHECK(f != NULL);
				if (f) {
					fputs(got, f);
					fclose(f);
				}
			}
			char *want = read_file(path);
			if (!want)
				fprintf(stderr, "%s: missing (DIGLOT_UPDATE_GOLDEN=1 writes it)\n", path);
			CHECK(want != NULL);
			if (want && strcmp(want, got) != 0) {
				print_diff(path, want, got);
				CHECK(0);
			}
			free(want);
			free(got);
			free(path);
			layout_free(&l);
			article_free(&a);
		}
	}
}

/* ---- structure of the side-by-side view -------------------------------------- */

static void test_side_structure(void)
{
	struct article a = {0};
	struct layout l = {0};
	build_zh_en(&a);
	layout_article(&l, &a, VIEW_AUTO, 80);
	int lw = (80 - 3) / 2;
	size_t header = 0, rule = 0, blank_div = 0;
	for (size_t i = 0; i < l.n; i++) {
		if (l.lines[i].role == LINE_HEADER)
			header++;
		if (l.lines[i].role == LINE_RULE) {
			rule++;
			CHECK_INT(width_cstr(l.lines[i].text), 80);
		}
		if (l.lines[i].role == LINE_BLANK && l.lines[i].divider >= 0)
			blank_div++;
		if (l.lines[i].role == LINE_BODY)
			CHECK_INT(l.lines[i].divider, lw + 1);
	}
	CHECK_INT(header, 1);
	CHECK_INT(rule, 1);
	CHECK_INT(blank_div, a.nrow - 1);
	CHECK_INT(l.lines[0].role, LINE_TITLE);

	/* the side view at 59 columns stacks; 60 is side by side */
	layout_article(&l, &a, VIEW_SIDE, 59);
	for (size_t i = 0; i < l.n; i++)
		CHECK_INT(l.lines[i].divider, -1);
	CHECK_INT(l.view, VIEW_SIDE);
	layout_article(&l, &a, VIEW_SIDE, 60);
	bool any = false;
	for (size_t i = 0; i < l.n; i++)
		any |= l.lines[i].divider == (60 - 3) / 2 + 1;
	CHECK(any);

	/* below the minimum width, 20 columns are used */
	layout_article(&l, &a, VIEW_ORIGINAL, 5);
	for (size_t i = 0; i < l.n; i++)
		CHECK(width_cstr(l.lines[i].text) <= 20);

	/* bilingual without rows: side falls back, left still works */
	free(a.rows);
	a.rows = NULL;
	a.nrow = 0;
	layout_article(&l, &a, VIEW_AUTO, 80);
	CHECK_INT(l.view, VIEW_ORIGINAL);
	layout_article(&l, &a, VIEW_LEFT, 80);
	CHECK_INT(l.view, VIEW_LEFT);

	/* rows pointing past the paragraphs are ignored, not read */
	add_row(&a, 5, 9, 100, 3);
	layout_article(&l, &a, VIEW_SIDE, 80);
	CHECK_INT(l.view, VIEW_SIDE);

	layout_free(&l);
	article_free(&a);
}

/* ---- speed -------------------------------------------------------------------- */

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* A ~20 KB bilingual article side by side at 200 columns.  Prints the
 * time; the budget is 2 ms (not enforced here: sanitizer and valgrind
 * builds are slower). */
static void test_speed(void)
{
	struct article a = {0};
	struct layout l = {0};
	size_t bytes = 0;
	header(&a, "Speed", "", "", "zh", "en", 0);
	while (bytes < 20000) {
		for (size_t i = 0; i < ARRAY_SIZE(zh_paras); i++) {
			uint32_t n = (uint32_t)a.npara;
			para(&a, zh_paras[i], PARA_BODY, "zh", SIDE_LEFT);
			para(&a, en_paras[i], PARA_BODY, "en", SIDE_RIGHT);
			add_row(&a, n, 1, n + 1, 1);
			bytes += strlen(zh_paras[i]) + strlen(en_paras[i]);
		}
		uint32_t n = (uint32_t)a.npara; /* a row of three sentence pairs */
		para(&a, harbor_zh, PARA_BODY, "zh", SIDE_LEFT);
		para(&a, harbor_en, PARA_BODY, "en", SIDE_RIGHT);
		add_row(&a, n, 1, n + 1, 1);
		bytes += strlen(harbor_zh) + strlen(harbor_en);
	}
	int runs = 50;
	double best = 1e9, total = 0;
	for (int i = 0; i < runs; i++) {
		double t0 = now_ms();
		layout_article(&l, &a, VIEW_SIDE, 200);
		double ms = now_ms() - t0;
		best = MIN(best, ms);
		total += ms;
	}
	printf("layout: %zu bytes, %zu rows, side by side at 200 columns: best %.3f ms, "
	       "mean %.3f ms over %d runs, %zu lines\n", bytes, a.nrow, best, total / runs, runs, l.n);
	CHECK(l.n > a.nrow);
	layout_free(&l);
	article_free(&a);
}

/* The title line kept in the body is shown once, in the header. */
static void test_title_once(void)
{
	struct article a = {0};
	a.title = xstrdup("Night Trains Return");
	a.source = xstrdup("");
	a.url = xstrdup("");
	strcpy(a.lang, "en");
	article_add_para(&a, "Night Trains Return", 19, PARA_TITLE);
	article_add_para(&a, "The night train runs again.", 27, PARA_BODY);
	article_add_para(&a, "Timetable", 9, PARA_TITLE);
	struct layout l = {0};
	layout_article(&l, &a, VIEW_ORIGINAL, 40);
	char *text = layout_text(&l);
	CHECK_STR(text, "Night Trains Return\nLanguage: English (en)\n\nThe night train runs again.\n\nTimetable\n");
	free(text);
	layout_free(&l);
	article_free(&a);
}

int main(void)
{
	test_title_once();
	test_wrap();
	test_wrap_random();
	test_views();
	test_goldens();
	test_side_structure();
	test_speed();
	return t_done();
}
