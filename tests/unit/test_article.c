/* test_article.c: unit tests of the article module: a table of inline
 * texts, the five seed articles, outlet names and robustness. */
#include "t.h"
#include "diglot/article.h"
#include "diglot/utf8.h"

#include <stdlib.h>

struct acase {
	const char *name;
	const char *text;
	const char *title, *source, *url;
	int npara;           /* -1: do not check */
	const char *first;   /* first paragraph text, NULL: do not check */
	const char *last;    /* last paragraph text */
	int64_t date;        /* -1: do not check */
};

static const struct acase cases[] = {
	{"empty", "", "", "", "", 0, NULL, NULL, 0},
	{"one line", "Hello world", "Hello world", "", "", 1, "Hello world", "Hello world", 0},
	{"source line", "A Title\n\nBody text here.\n\nSource: Reuters\n",
	 "A Title", "Reuters", "", 2, "A Title", "Body text here.", -1},
	{"source fr spaced", "Titre\n\nCorps.\n\nSource : Le Monde", "Titre", "Le Monde", "", 2, NULL, "Corps.", -1},
	{"fonte", "Titolo\n\nTesto.\n\nFonte: ANSA", "Titolo", "ANSA", "", 2, NULL, NULL, -1},
	{"quelle", "Titel\n\nText.\n\nQuelle: dpa", "Titel", "dpa", "", 2, NULL, NULL, -1},
	{"fuente", "Título\n\nTexto.\n\nFuente: EFE", "Título", "EFE", "", 2, NULL, NULL, -1},
	{"laiyuan url", "标题\n\n正文内容。\n\n来源: https://www.nytimes.com/2024/03/05/x.html",
	 "标题", "The New York Times", "https://www.nytimes.com/2024/03/05/x.html", 2, NULL, "正文内容。", -1},
	{"laiyuan name", "标题\n\n正文。\n\n来源：新华社", "标题", "新华社", "", 2, NULL, NULL, -1},
	{"via", "T\n\nBody.\n\nVia The Verge", "T", "The Verge", "", 2, NULL, "Body.", -1},
	{"via sentence kept", "T\n\nBody.\n\nVia a spokesman, the firm said it would sue everyone involved.",
	 "T", "", "", 3, NULL, "Via a spokesman, the firm said it would sue everyone involved.", -1},
	{"dash outlet", "T\n\nBody.\n\n— Bloomberg", "T", "Bloomberg", "", 2, NULL, "Body.", -1},
	{"byline", "Big News\n\nBy Jane Doe, The Guardian\n\nBody text.", "Big News", "The Guardian", "", 3,
	 NULL, "Body text.", -1},
	{"byline job", "Big News\n\nBy Jane Doe, Staff Writer\n\nBody text.", "Big News", "", "", 3, NULL, NULL, -1},
	{"dateline tag", "Title\n\nPARIS (AFP) - Something happened today.", "Title", "AFP", "", 2, NULL, NULL, -1},
	{"url alone", "Title\n\nhttps://bbc.co.uk/news/1\n\nText.", "Title", "BBC", "https://bbc.co.uk/news/1", 3,
	 NULL, NULL, -1},
	{"iso date", "Title\n\n2024-03-05\n\nText.", "Title", "", "", 3, NULL, NULL, 1709596800},
	{"english date", "Title\n\nMarch 5, 2024\n\nText.", "Title", "", "", -1, NULL, NULL, 1709596800},
	{"french date", "Titre\n\nPublié le 5 mars 2024\n\nTexte.", "Titre", "", "", -1, NULL, NULL, 1709596800},
	{"chinese date", "标题\n\n2024年3月5日 10:00\n\n正文。", "标题", "", "", -1, NULL, NULL, 1709596800},
	{"german date", "Titel\n\n5. März 2024\n\nText.", "Titel", "", "", -1, NULL, NULL, 1709596800},
	{"no date from body number", "Title\n\nIn 2023 it grew 5 percent.", "Title", "", "", 2, NULL, NULL, 0},
	{"wrapped prose joined",
	 "Title\n\nThis is a long paragraph of prose that was wrapped by an editor at\n"
	 "seventy-two columns, so its lines must be joined back with spaces\nagain.",
	 "Title", "", "", 2, NULL,
	 "This is a long paragraph of prose that was wrapped by an editor at seventy-two columns, so "
	 "its lines must be joined back with spaces again.", -1},
	{"cjk wrapped joined",
	 "标题\n\n法国人工智能初创公司近日在微软于巴黎举办的一次活动中宣布尽管与微软合作\n"
	 "成立了一家销售其部分软件的合资企业但公司仍坚定承诺将继续保持开源策略这一\n决定。",
	 "标题", "", "", 2, NULL,
	 "法国人工智能初创公司近日在微软于巴黎举办的一次活动中宣布尽管与微软合作成立了一家销售其部分软件"
	 "的合资企业但公司仍坚定承诺将继续保持开源策略这一决定。", -1},
	{"list keeps hard breaks", "Title\n\nShopping:\n- eggs\n- milk\n\nEnd of it.", "Title", "", "", 3,
	 NULL, NULL, -1},
	{"clutter removed", "Title\n\nReal text.\n\nShare this:\n\nLeave a Reply\n\nYour email address will not be published. Required fields are marked *",
	 "Title", "", "", 2, "Title", "Real text.", -1},
	{"clutter word inside kept", "Title\n\nComments\n\nReal text about comments.", "Title", "", "", 3, NULL, NULL, -1},
	{"views counter", "标题\n\n正文。\n\n阅读 1234", "标题", "", "", 2, NULL, "正文。", -1},
	{"markdown heading", "# Big Title\n\nText here.", "Big Title", "", "", 2, "Big Title", NULL, -1},
	{"rtl title", "שלום עולם\n\nזהו טקסט.", "שלום עולם", "", "", 2, "שלום עולם", "זהו טקסט.", -1},
	{"combining marks", "Cafe\xCC\x81 news\n\nText.", "Cafe\xCC\x81 news", "", "", 2, NULL, NULL, -1},
	{"emoji title", "🚀 Launch day\n\nIt flew.", "🚀 Launch day", "", "", 2, NULL, NULL, -1},
	{"only punctuation", "!!! ??? ...", "!!!", "", "", 1, NULL, NULL, -1},
	{"only urls", "https://a.example/x\n\nhttps://b.example/y", "", "a.example", "https://a.example/x", 2, NULL, NULL, -1},
	{"duplicate title exact", "Same Title\nSame Title\n\nBody here.", "Same Title", "", "", 2, NULL, "Body here.", -1},
	{"long first sentence",
	 "The committee, after a very long series of meetings held over several months in various cities, "
	 "finally agreed on a plan. Then more.",
	 "The committee, after a very long series of meetings held over several months in various cities…",
	 "", "", 1, NULL, NULL, -1},
};

static void check_case(const struct acase *c)
{
	struct article a = {0};
	article_parse(&a, c->text, strlen(c->text));
	int before = t_fail;
	CHECK_STR(a.title, c->title);
	CHECK_STR(a.source, c->source);
	CHECK_STR(a.url, c->url);
	if (c->npara >= 0)
		CHECK_INT(a.npara, c->npara);
	if (c->first)
		CHECK_STR(a.npara ? a.paras[0].text : "", c->first);
	if (c->last)
		CHECK_STR(a.npara ? a.paras[a.npara - 1].text : "", c->last);
	if (c->date >= 0)
		CHECK_INT(a.date, c->date);
	for (size_t i = 0; i < a.npara; i++) {
		CHECK(a.paras[i].text[0] != '\0');
		CHECK(strstr(a.paras[i].text, "\n\n") == NULL);
		CHECK(a.paras[i].side == SIDE_NONE);
	}
	if (t_fail != before)
		fprintf(stderr, "  in case \"%s\"\n", c->name);
	article_free(&a);
}

static void test_list_para(void)
{
	struct article a = {0};
	const char *t = "Title\n\nShopping:\n- eggs\n- milk\n\nEnd of it.";
	article_parse(&a, t, strlen(t));
	CHECK_INT(a.npara, 3);
	if (a.npara == 3)
		CHECK_STR(a.paras[1].text, "Shopping:\n- eggs\n- milk");
	article_free(&a);
}

/* ---- seeds ---- */

static bool load_seed(const char *name, struct article *a)
{
	char path[512];
	snprintf(path, sizeof path, "%s/../shared/seeds/%s", TEST_SRCDIR, name);
	FILE *fp = fopen(path, "rb");
	if (!fp) {
		printf("skip: %s missing\n", path);
		return false;
	}
	static char buf[1 << 20];
	size_t n = fread(buf, 1, sizeof buf, fp);
	fclose(fp);
	char *clean;
	size_t cl;
	const char *why;
	if (utf8_clean(buf, n, &clean, &cl, NULL, &why) != DG_OK)
		return false;
	memset(a, 0, sizeof *a);
	article_parse(a, clean, cl);
	free(clean);
	return true;
}

static bool has_para(const struct article *a, const char *text)
{
	for (size_t i = 0; i < a->npara; i++)
		if (strcmp(a->paras[i].text, text) == 0)
			return true;
	return false;
}

static bool para_starts(const struct article *a, size_t i, const char *prefix)
{
	return i < a->npara && strncmp(a->paras[i].text, prefix, strlen(prefix)) == 0;
}

static void test_seeds(void)
{
	struct article a;
	if (load_seed("000_f5aea57c648a9a8b.txt", &a)) {
		CHECK_STR(a.title, "Mistral AI Stays True to Open-Source Commitment, Partners with Microsoft "
		                   "Without Compromising Principles, Countering AI闭源 Trends");
		CHECK_STR(a.source, "Barron's");
		CHECK_STR(a.url, "https://www.barrons.com/news/french-startup-mistral-ai-vows-to-maintain-open-source-61df8974");
		CHECK_INT(a.npara, 10);
		CHECK(para_starts(&a, 0, "法国人工智能初创公司 Mistral AI"));
		CHECK(has_para(&a, "英语如下:"));
		CHECK(para_starts(&a, 4, "Mistral AI Stays True"));
		CHECK_INT(a.npara > 4 ? a.paras[4].kind : -1, PARA_TITLE);
		CHECK_STR(a.npara > 4 ? a.paras[4].text : "", a.title);
		CHECK_STR(a.npara > 5 ? a.paras[5].text : "",
		          "Keywords: Open-source commitment, Musk lawsuit, European AI ecosystem");
		CHECK_INT(a.npara > 5 ? a.paras[5].kind : -1, PARA_META);
		CHECK(para_starts(&a, 6, "French AI startup Mistral AI recently announced"));
		CHECK_INT(a.npara > 6 ? a.paras[6].kind : -1, PARA_BODY);
		CHECK(para_starts(&a, a.npara - 1, "Mistral AI’s choice not only"));
		CHECK(!has_para(&a, "Views: 1"));
		CHECK(!has_para(&a, "发表回复"));
		article_free(&a);
	}
	if (load_seed("001_4cdb21190f5acf95.txt", &a)) {
		CHECK_STR(a.title, "Mistral AI Maintains Open Source Pledge in the Wake of a Major Microsoft Collaboration");
		CHECK_STR(a.source, "WinBuzzer");
		CHECK_INT(a.npara, 8);
		CHECK_STR(a.npara ? a.paras[0].text : "", a.title);
		CHECK(has_para(&a, "Open Source Commitment"));
		CHECK(!has_para(&a, "Luke Jones"));
		CHECK(!has_para(&a, "Recent News"));
		CHECK(para_starts(&a, a.npara - 1, "There's a sentiment"));
		article_free(&a);
	}
	if (load_seed("002_bb499c0e4b2eb1f4.txt", &a)) {
		CHECK_STR(a.title, "Mistral AI e Microsoft: una Collaborazione Pericolosa per l’AI Open Source");
		CHECK_STR(a.source, "");
		CHECK_INT(a.npara, 9); /* the reading list is kept (conservative) */
		CHECK(para_starts(&a, 1, "Un gran vento da Nord-Ovest"));
		CHECK(para_starts(&a, a.npara - 1, "- ‘Furious’"));
		article_free(&a);
	}
	if (load_seed("003_a428979781877de8.txt", &a)) {
		CHECK_STR(a.title, "Dans le domaine de l'intelligence artificielle, la montée en puissance de Deepseek a attiré…");
		CHECK_STR(a.source, "");
		CHECK_INT(a.npara, 6);
		CHECK(para_starts(&a, 0, "Dans le domaine de l'intelligence artificielle"));
		CHECK_INT(a.npara ? a.paras[0].kind : -1, PARA_BODY);
		CHECK(para_starts(&a, a.npara - 1, "En plus de promouvoir"));
		article_free(&a);
	}
	if (load_seed("004_597a4e4c925c446d.txt", &a)) {
		CHECK_STR(a.title, "Le lancement de ChatGPT et d'autres modèles américains a déclenché une "
		                   "ruée des entreprises européennes pour rattraper leur retard");
		CHECK_STR(a.source, "AFP");
		CHECK_INT(a.npara, 12);
		CHECK(para_starts(&a, 1, "La startup française"));
		CHECK(para_starts(&a, a.npara - 1, "Mistral AI a été fondée"));
		article_free(&a);
	}
}

static void test_hosts(void)
{
	static const char *const h[][2] = {
		{"www.barrons.com", "Barron's"}, {"nytimes.com", "The New York Times"},
		{"www.bbc.co.uk", "BBC"}, {"bbc.com", "BBC"}, {"uk.reuters.com", "Reuters"},
		{"www.lemonde.fr", "Le Monde"}, {"xinhuanet.com", "Xinhua"}, {"winbuzzer.com", "WinBuzzer"},
		{"www.example.org", "example.org"}, {"WWW.Example.ORG", "example.org"},
		{"https://www.reuters.com/world/x", "Reuters"}, {"notbbc.com", "notbbc.com"}, {"", ""},
	};
	for (size_t i = 0; i < ARRAY_SIZE(h); i++) {
		char *s = article_source_from_host(h[i][0]);
		CHECK_STR(s, h[i][1]);
		free(s);
	}
}

/* Nothing may crash or loop: huge single line, only punctuation, etc. */
static void test_robust(void)
{
	size_t n = 2u << 20;
	char *big = xmalloc(n + 1);
	for (size_t i = 0; i < n; i++)
		big[i] = (i % 7 == 6) ? ' ' : 'x';
	big[n] = '\0';
	struct article a = {0};
	article_parse(&a, big, n);
	CHECK_INT(a.npara, 1);
	CHECK(strlen(a.title) < 400);
	article_free(&a);
	memset(big, '\n', n);
	article_parse(&a, big, n);
	CHECK_INT(a.npara, 0);
	CHECK_STR(a.title, "");
	article_free(&a);
	for (size_t i = 0; i < n; i++)
		big[i] = "中文,。\n "[i % 6];
	char *clean;
	size_t cl;
	const char *why;
	CHECK_INT(utf8_clean(big, n - n % 6, &clean, &cl, NULL, &why), DG_OK);
	article_parse(&a, clean, cl);
	CHECK(a.title != NULL);
	article_free(&a);
	free(clean);
	free(big);
	article_parse(&a, NULL, 0);
	CHECK_STR(a.title, "");
	CHECK_STR(a.source, "");
	article_free(&a);
}

static void test_langs(void)
{
	struct article a = {0};
	strcpy(a.lang, "zh");
	strcpy(a.lang2, "en");
	char out[2 * LANG_CODE_SIZE + 1];
	article_langs(&a, out);
	CHECK_STR(out, "zh+en");
	a.lang2[0] = '\0';
	article_langs(&a, out);
	CHECK_STR(out, "zh");
}

int main(void)
{
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++)
		check_case(&cases[i]);
	test_list_para();
	test_seeds();
	test_hosts();
	test_robust();
	test_langs();
	return t_done();
}
