/* test_bilingual.c: unit tests of the bilingual module.  Articles are built
 * by hand with each paragraph's language set, as langid would set it. */
#include "t.h"
#include "diglot/bilingual.h"

#include <stdlib.h>

#define MAXP 16

struct p_ {
	const char *lang, *text;
	unsigned char kind;
};

struct case_ {
	const char *name;
	struct p_ p[MAXP];
	bool bilingual;
	const char *lang, *lang2;
	const char *sides; /* one char per paragraph after the split: L, R or N */
	const char *kinds; /* B, T or M per paragraph, NULL = not checked */
};

static const char ZH1[] = "法国人工智能初创公司Mistral AI近日在微软于巴黎举办的活动中宣布，尽管与这家科技巨头成立了合资企业，仍将坚持开源策略。";
static const char ZH2[] = "马斯克周一表示，他计划将聊天机器人Grok开源，以促进人工智能研究的共享。";
static const char ZH3[] = "公共事务主管Audrey Herblin-Stoop表示，开源对于构建能与美国公司竞争的欧洲人工智能生态系统至关重要。";
static const char EN1[] = "French AI startup Mistral AI announced at a Microsoft event in Paris that it will keep its open-source strategy, despite a joint venture with the tech giant.";
static const char EN2[] = "Musk said on Monday that he plans to open-source his chatbot Grok to foster the sharing of AI research.";
static const char EN3[] = "Audrey Herblin-Stoop, head of public affairs, said open source is key to building a European AI ecosystem that can compete with American companies.";
static const char FR1[] = "La start-up française Mistral AI a annoncé lors d'un événement de Microsoft à Paris qu'elle conserverait sa stratégie open source, malgré une coentreprise avec le géant.";
static const char FR2[] = "Musk a déclaré lundi qu'il comptait ouvrir le code de son robot conversationnel Grok afin de favoriser le partage de la recherche.";
static const char FR3[] = "Audrey Herblin-Stoop, directrice des affaires publiques, a déclaré que l'open source était essentiel pour bâtir un écosystème européen capable de rivaliser avec les entreprises américaines.";
static const char FR4[] = "Selon les analystes, la concurrence dans le secteur devrait s'intensifier l'an prochain, à mesure que les grands groupes américains investissent des milliards dans leurs propres modèles.";

static const struct case_ cases[] = {
	{"blocks with marker", {{"zh", ZH1, 0}, {"zh", ZH2, 0}, {"zh", ZH3, 0}, {"zh", "英语如下:", 0},
	  {"en", "Mistral AI Stays True to Open Source", 0}, {"en", EN1, 0}, {"en", EN2, 0}, {"en", EN3, 0}},
	 true, "zh", "en", "LLLRRRR", "BBBTBBB"},
	{"blocks without marker", {{"zh", "Mistral AI坚持开源", PARA_TITLE}, {"zh", ZH1, 0}, {"zh", ZH2, 0},
	  {"zh", ZH3, 0}, {"en", EN1, 0}, {"en", EN2, 0}, {"en", EN3, 0}},
	 true, "zh", "en", "LLLLRRR", "TBBBBBB"},
	{"fr then en, dashed marker, und between", {{"fr", FR1, 0}, {"fr", FR2, 0}, {"fr", FR3, 0},
	  {"und", "https://example.org/mistral", 0}, {"en", "--- English translation ---", 0},
	  {"en", EN1, 0}, {"en", EN2, 0}, {"en", EN3, 0}},
	 true, "fr", "en", "LLLLRRR", NULL},
	{"interleaved", {{"zh", ZH1, 0}, {"en", EN1, 0}, {"zh", ZH2, 0}, {"en", EN2, 0},
	  {"zh", ZH3, 0}, {"en", EN3, 0}},
	 true, "zh", "en", "LRLRLR", NULL},
	{"interleaved en first with a number line", {{"en", EN1, 0}, {"fr", FR1, 0}, {"und", "2024", 0},
	  {"en", EN2, 0}, {"fr", FR2, 0}, {"en", EN3, 0}, {"fr", FR3, 0}},
	 true, "en", "fr", "LRRLRLR", NULL},
	{"French quoting one English sentence", {{"fr", FR1, 0}, {"fr", FR2, 0},
	  {"en", "\"We will stay open source,\" she said.", 0}, {"fr", FR3, 0}, {"fr", FR4, 0}},
	 false, NULL, "", "NNNNN", NULL},
	{"French ending with an English quote", {{"fr", FR1, 0}, {"fr", FR2, 0}, {"fr", FR3, 0},
	  {"fr", FR4, 0}, {"en", "\"Open source is the way to build an ecosystem that can compete,\" she said.", 0}},
	 false, NULL, "", "NNNNN", NULL},
	{"Chinese full of brand names", {{"zh", "苹果iPhone 15 Pro与三星Galaxy S24 Ultra对比评测", PARA_TITLE},
	  {"zh", "Apple、Samsung、Google和Microsoft都在AI领域投入巨资，ChatGPT、Gemini和Copilot竞争激烈。", 0},
	  {"zh", ZH1, 0}, {"zh", ZH2, 0}},
	 false, NULL, "", "NNNN", NULL},
	{"short foreign title", {{"en", "Open Source Forever", PARA_TITLE}, {"zh", ZH1, 0}, {"zh", ZH2, 0},
	  {"zh", ZH3, 0}},
	 false, NULL, "", "NNNN", NULL},
	{"byline in another language", {{"fr", FR1, 0}, {"fr", FR2, 0}, {"fr", FR3, 0},
	  {"en", "By John Smith, AFP", 0}},
	 false, NULL, "", "NNNN", NULL},
	{"English with one Chinese sentence", {{"en", EN1, 0}, {"en", EN2, 0},
	  {"zh", "开源是未来。", 0}, {"en", EN3, 0}},
	 false, NULL, "", "NNNN", NULL},
	{"one paragraph", {{"zh", ZH1, 0}}, false, NULL, "", "N", NULL},
	{"empty", {{NULL, NULL, 0}}, false, NULL, "", "", NULL},
	{"one paragraph per side", {{"zh", ZH1, 0}, {"en", EN1, 0}}, true, "zh", "en", "LR", "BB"},
	{"only numbers", {{"und", "2024", 0}, {"und", "15 / 2.1", 0}}, false, NULL, "", "NN", NULL},
	{"third language keeps its neighbours' side", {{"zh", ZH1, 0}, {"zh", ZH2, 0}, {"ja", "オープンソース", 0},
	  {"zh", ZH3, 0}, {"en", EN1, 0}, {"en", EN2, 0}, {"de", "Quelle: AFP", 0}, {"en", EN3, 0}},
	 true, "zh", "en", "LLLLRRRR", NULL},
};

static void build(struct article *a, const struct case_ *c)
{
	memset(a, 0, sizeof *a);
	for (size_t i = 0; i < MAXP && c->p[i].text; i++) {
		struct para *p = article_add_para(a, c->p[i].text, strlen(c->p[i].text), c->p[i].kind);
		snprintf(p->lang, sizeof p->lang, "%s", c->p[i].lang);
	}
	strcpy(a->lang, a->npara ? a->paras[0].lang : "");
}

static void test_cases(void)
{
	for (size_t k = 0; k < ARRAY_SIZE(cases); k++) {
		const struct case_ *c = &cases[k];
		struct article a;
		build(&a, c);
		bool bi = bilingual_split(&a);
		char sides[MAXP + 1] = "", kinds[MAXP + 1] = "";
		for (size_t i = 0; i < a.npara; i++) {
			sides[i] = a.paras[i].side == SIDE_LEFT ? 'L' : a.paras[i].side == SIDE_RIGHT ? 'R' : 'N';
			kinds[i] = "BTM"[a.paras[i].kind];
		}
		sides[a.npara] = kinds[a.npara] = '\0';
		int before = t_fail;
		CHECK_INT(bi, c->bilingual);
		CHECK_STR(sides, c->sides);
		CHECK_STR(a.lang2, c->lang2);
		if (c->lang)
			CHECK_STR(a.lang, c->lang);
		if (c->kinds)
			CHECK_STR(kinds, c->kinds);
		if (t_fail != before)
			fprintf(stderr, "  in case \"%s\"\n", c->name);
		article_free(&a);
	}
}

/* Every marker variant is recognised and dropped. */
static void test_markers(void)
{
	static const char *const markers[] = {
		"英语如下:", "英文如下：", "English version:", "English translation", "Version française :",
		"Traduction :", "--- English translation ---", "译文：", "中文：", "**English Version**",
	};
	for (size_t k = 0; k < ARRAY_SIZE(markers); k++) {
		struct article a = {0};
		const char *const text[] = {ZH1, ZH2, markers[k], EN1, EN2};
		const char *const lang[] = {"zh", "zh", "en", "en", "en"};
		for (size_t i = 0; i < 5; i++)
			strcpy(article_add_para(&a, text[i], strlen(text[i]), PARA_BODY)->lang, lang[i]);
		CHECK(bilingual_split(&a));
		CHECK_INT(a.npara, 4);
		for (size_t i = 0; i < a.npara; i++)
			CHECK(strcmp(a.paras[i].text, markers[k]) != 0);
		article_free(&a);
	}
	/* a marker-like word inside a monolingual article is kept */
	struct article a = {0};
	const char *const text[] = {FR1, "Traduction :", FR2, FR3};
	for (size_t i = 0; i < 4; i++)
		strcpy(article_add_para(&a, text[i], strlen(text[i]), PARA_BODY)->lang, "fr");
	CHECK(!bilingual_split(&a));
	CHECK_INT(a.npara, 4);
	article_free(&a);
}

int main(void)
{
	test_cases();
	test_markers();
	return t_done();
}
