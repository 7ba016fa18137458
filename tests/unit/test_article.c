/* test_article.c: unit tests of the article module: a table of inline
 * texts, the five seed articles, tables of dates, sources/breadcrumbs and
 * trailing clutter in many languages, outlet names and robustness. */
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
	{"url alone", "Title\n\nhttps://bbc.co.uk/news/1\n\nText.", "Title", "BBC", "https://bbc.co.uk/news/1", 2,
	 NULL, NULL, -1},
	{"iso date", "Title\n\n2024-03-05\n\nText.", "Title", "", "", 2, NULL, "Text.", 1709596800},
	{"date line with time and outlet kept out", "Title\n\n12.05.2025, 14:30 Uhr\n\nDer Text beginnt hier.",
	 "Title", "", "", 2, NULL, "Der Text beginnt hier.", 1747008000},
	{"sentence with a date kept", "Title\n\nOn 5 March 2024 the council met.\n\nMore.", "Title", "", "", 3, NULL, NULL, -1},
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
	if (!t_seeds_dir()) {
		printf("skip: no seed articles (DIGLOT_SEEDS unset)\n");
		return false;
	}
	snprintf(path, sizeof path, "%s/%s", t_seeds_dir(), name);
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
	char *why = NULL;
	if (utf8_clean(buf, n, &clean, &cl, NULL, &why) != DG_OK) {
		printf("%s: %s\n", path, why);
		free(why);
		return false;
	}
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

/* ---- dates: one line under a title, in each language and layout ---- */

static const struct {
	const char *text;
	int64_t date;
} dates[] = {
	{"Titel\n\n12.05.2025, 14:30 Uhr\n\nText.", 1747008000},
	{"Titel\n\nLindenau, 24. Mai 2025\n\nText.", 1748044800},
	{"Título\n\n22/06/2025\n\nTexto.", 1750550400},
	{"Título\n\n02/07/2025 - 07h45\n\nTexto.", 1751414400},    /* day first: not English */
	{"Title\n\n07/02/2025\n\nThe mayor said the bridge and the tram are the future of the city.",
	 1751414400},                                                /* month first: English */
	{"Title\n\n22/06/2025\n\nThe mayor said the bridge and the tram are the future of the city.",
	 1750550400},                                                /* 22 cannot be a month */
	{"Titel\n\nzo 16 maart 2025, 21:10\n\nTekst.", 1742083200},
	{"Заголовок\n\n3 июня 2025\n\nТекст.", 1748908800},
	{"Título\n\n3 de julio de 2025\n\nTexto.", 1751500800},
	{"Título\n\n2 de março de 2025\n\nTexto.", 1740873600},
	{"Titolo\n\n8 giugno 2025\n\nTesto.", 1749340800},
	{"标题\n\n发布时间：2025-07-10 17:30\n\n正文。", 1752105600},
	{"标题\n\n2025/7/10\n\n正文。", 1752105600},
	{"Titre\n\n3 juillet 2025 / July 3, 2025\n\nTexte.", 1751500800},
	{"見出し\n\n2025年6月21日 08:15　港町新報\n\n本文。", 1750464000},
	{"Title\n\n12.05.20251\n\nText.", 0},  /* runs on into more digits */
	{"Title\n\n31/31/2025\n\nText.", 0},   /* no such month */
	{"Title\n\n1.2.3 release\n\nText.", 0}, /* a version number */
};

static void test_dates(void)
{
	for (size_t i = 0; i < ARRAY_SIZE(dates); i++) {
		struct article a = {0};
		article_parse(&a, dates[i].text, strlen(dates[i].text));
		int before = t_fail;
		CHECK_INT(a.date, dates[i].date);
		if (t_fail != before)
			fprintf(stderr, "  in date case %zu\n", i);
		article_free(&a);
	}
}

/* ---- sources: who names the outlet, and the title left by breadcrumbs ---- */

static const struct {
	const char *name, *text, *source, *title;
} sources[] = {
	{"quelle then date and byline in one block",
	 "Titel\n\nQuelle: Der Kieselbote\n12.05.2025, 14:30 Uhr\nVon Jonas Brenneisen\n\nText.",
	 "Der Kieselbote", "Titel"},
	{"laiyuan then date", "标题\n\n来源：东方晨报\n2025年6月14日\n\n正文。", "东方晨报", "标题"},
	{"fonte then date", "Titolo\n\nFonte: La Voce del Lago\n8 giugno 2025\n\nTesto.", "La Voce del Lago", "Titolo"},
	{"istochnik", "Заголовок\n\nИсточник: Вечерний Причал\n3 июня 2025\n\nТекст.", "Вечерний Причал",
	 "Заголовок"},
	{"bron", "Kop\nBron: De Polderbode\nzo 16 maart 2025, 21:10\nDoor Sanne de Vries\nTekst.",
	 "De Polderbode", "Kop"},
	{"section crumb is no outlet",
	 "InicioEconomíaEl precio del café sube otra vez\n\nEl precio del café sube otra vez\n\nTexto.", "",
	 "El precio del café sube otra vez"},
	{"sport crumb is no outlet", "HomeSportVela, la regata va agli inglesi\n\nVela, la regata va agli inglesi\n\nTesto.",
	 "", "Vela, la regata va agli inglesi"},
	{"glued outlet crumb",
	 "StartseiteDer KieselboteWissenschaftForscher finden eine Werkstatt\n\nForscher finden eine Werkstatt\n\nText.",
	 "Der Kieselbote", "Forscher finden eine Werkstatt"},
	{"news crumb", "HomeValley Courier NewsScienceComet brightens faster\n\nComet brightens faster\n\nText.",
	 "Valley Courier", "Comet brightens faster"},
	{"source line beats crumb",
	 "HomeValley Courier NewsScienceComet brightens faster\n\nComet brightens faster\n\nSource: Other Paper\n\nText.",
	 "Other Paper", "Comet brightens faster"},
	{"byline beats crumb",
	 "HomeCity NewsBridge opens at last\n\nBridge opens at last\n\nBy Jane Okafor, Harbor Gazette\n\nText.",
	 "Harbor Gazette", "Bridge opens at last"},
	{"date line outlet beats url host",
	 "标题\n\n【来源】https://www.example-news.cn/a.htm\n2025年6月21日 08:15　滨江日报\n\n正文。", "滨江日报", "标题"},
	{"url host alone", "标题\n\n【来源】https://www.example-news.cn/a.htm\n\n正文。", "example-news.cn", "标题"},
	{"reporter is no outlet", "标题\n\n2025年6月27日　记者 王雨桐\n\n正文。", "", "标题"},
	{"bare outlet line under the title",
	 "El título\n\nDiario Mirador del Sur\nPor Lucía Arriaga\n3 de julio de 2025\n\nTexto.",
	 "Diario Mirador del Sur", "El título"},
	{"crumb beats bare outlet line",
	 "HomeValley Courier NewsComet brightens faster\n\nComet brightens faster\n\nDiario Mirador del Sur\n\nText.",
	 "Valley Courier", "Comet brightens faster"},
	{"bare line that is no outlet stays", "Title\n\nKestrel Bay\n\nText.", "", "Title"},
	{"zh crumb with glued zhengwen", "首页 > 国际 > 正文凯斯湾大桥通车首周：早高峰拥堵\n\n正文第一段。", "",
	 "凯斯湾大桥通车首周：早高峰拥堵"},
	{"crumb with guillemets", "Home › World › Bridge opens to traffic after four years\n\nText.", "",
	 "Bridge opens to traffic after four years"},
	{"crumb with bars and label", "首页 | 财经 | 正文：股市大涨三个百分点收盘\n\n正文。", "", "股市大涨三个百分点收盘"},
	{"photo credit duplicate", "Le pont est ouvert\nLe pont est ouvert Photo Le Courrier du Soir\n\nTexte.", "",
	 "Le pont est ouvert"},
	{"rtl title kept", "שלום עולם\n\nמקור: הארץ\n\nזהו טקסט.", "", "שלום עולם"},
	{"news section crumb is no outlet",
	 "Home > News > World > Bridge opens at last\n\nBridge opens at last\n\nText.", "", "Bridge opens at last"},
	{"world news crumb is no outlet", "HomeWorld NewsBridge opens at last\n\nBridge opens at last\n\nText.", "",
	 "Bridge opens at last"},
	{"lowercase line is no outlet", "Title\n\nDaily life on the island\n\nText.", "", "Title"},
	{"a sentence with a date names no outlet", "Title\n\nOn 3 June 2025 the Daily News reported it\n\nText.", "",
	 "Title"},
	{"emoji in a title next to a source line", "🚀 Launch day\n\nSource: Orbit Weekly\n\nIt flew.", "Orbit Weekly",
	 "🚀 Launch day"},
};

static void test_sources(void)
{
	for (size_t i = 0; i < ARRAY_SIZE(sources); i++) {
		struct article a = {0};
		article_parse(&a, sources[i].text, strlen(sources[i].text));
		int before = t_fail;
		CHECK_STR(a.source, sources[i].source);
		CHECK_STR(a.title, sources[i].title);
		if (t_fail != before)
			fprintf(stderr, "  in source case \"%s\"\n", sources[i].name);
		article_free(&a);
	}
}

/* ---- trailing clutter: "Title", "Body text.", then the tail ---- */

static const struct {
	const char *tail;
	int npara; /* 2: the tail went; more: it (partly) stays */
} tails[] = {
	{"Teilen:\nKommentare (0)\nMehr aus Wissenschaft", 2},
	{"Compartir en:\nComentarios (4)\nLo más leído", 2},
	{"Etiquetas: ciclismo, Vuelta a la Sierra\nCompartir", 2},
	{"Partager / Share\nVues : 342\nLaisser un commentaire / Leave a comment", 2},
	{"À lire aussi\nCanicule : les piscines ouvertes jusqu'à 22 heures\nPartager :\nVues : 1 204", 2},
	{"Condividi:\nVisualizzazioni: 2.117\nArticoli correlati\nLavori sul lungolago, chiusa la strada\n"
	 "Lascia un commento", 2},
	{"ПОДЕЛИТЬСЯ:\nПросмотров: 874\nЧитайте также\nНавигация по реке откроется раньше", 2},
	{"责任编辑：李晓东\n相关新闻\n· 沿海地区发布台风蓝色预警\n· 市图书馆延长暑期开放时间\n分享到：微信 微博", 2},
	{"（编辑：周敏）\n\n分享到：微信 微博 QQ空间\n阅读 2381", 2},
	{"相关阅读：\nNovaLink发布OrbitOS 4.0开发者预览版\n夏季用电高峰将至 凯斯湾电网准备就绪", 2},
	{"関連記事\n・潮見市、夏祭りの日程を発表\n・離島航路に新造船、来春就航へ", 2},
	{"Share this:\nFacebook\nX\nEmail\n\nLeave a Reply\nYour email address will not be published.\n\n"
	 "Recent News\nStorm warning lifted\nLibrary extends hours", 2},
	{"Comments are closed.\n\nRecent News\nHeat advisory issued for the weekend", 2},
	{"Deel dit artikel\nReacties (7)\nMeer nieuws uit de regio", 2},
	{"Compartilhe:\nLeia também\nFesta do Café volta em agosto\nComentários", 2},
	{"Ähnliche Artikel\nStadtbibliothek verlängert Öffnungszeiten im Sommer\nLeserbriefe", 2},
	{"Über die Autorin: Greta Müßig schreibt seit 2019 für das Tagblatt.", 2},
	{"Share this: 👍 🎉", 2},
	/* real paragraphs stay */
	{"Share prices fell sharply on Monday after the announcement.", 3},
	{"Deel 2 volgt morgen", 3},
	{"Related\n\nThe council will meet again next week to discuss the bridge and the tram line.", 4},
	{"阅读是这座城市的传统，图书馆每天都有很多人。", 3},
	{"זהו טקסט נוסף.", 3},
};

static void test_tails(void)
{
	for (size_t i = 0; i < ARRAY_SIZE(tails); i++) {
		char *t = xasprintf("Title\n\nBody text.\n\n%s\n", tails[i].tail);
		struct article a = {0};
		article_parse(&a, t, strlen(t));
		int before = t_fail;
		CHECK_INT(a.npara, tails[i].npara);
		if (tails[i].npara == 2)
			CHECK_STR(a.npara ? a.paras[a.npara - 1].text : "", "Body text.");
		if (t_fail != before)
			fprintf(stderr, "  in tail case %zu\n", i);
		article_free(&a);
		free(t);
	}
}

/* The same tails in a file with no blank lines (one line, one paragraph),
 * and an author bio named by the byline. */
static void test_tail_lines(void)
{
	const char *t = "Title\nBy Daniel Whitcombe, Valley Courier Business Editor\n"
	                "Small roasters say they have run out of ways to hide rising costs from customers.\n"
	                "Daniel Whitcombe has covered agriculture for the Valley Courier since 2014.\n"
	                "Related\nFarmers market moves to Saturday evenings for the summer\n"
	                "County fair announces new food vendors\nViews: 12\n";
	struct article a = {0};
	article_parse(&a, t, strlen(t));
	CHECK_INT(a.npara, 3);
	CHECK(para_starts(&a, a.npara - 1, "Small roasters"));
	CHECK_STR(a.source, "");
	article_free(&a);
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
	char *why = NULL;
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
	test_dates();
	test_sources();
	test_tails();
	test_tail_lines();
	test_hosts();
	test_robust();
	test_langs();
	return t_done();
}
