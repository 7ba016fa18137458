/* test_bilingual.c: unit tests of the bilingual module.  Articles are built
 * by hand with each paragraph's language set, as langid would set it. */
#include "t.h"
#include "diglot/align.h"
#include "diglot/bilingual.h"
#include "diglot/langid.h"

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
	/* the brands after a Chinese sentence make a sentence of their own,
	 * but punctuated the Chinese way: names, not English */
	{"Chinese sentences ending in lists of brand names", {{"zh", "新品发布会", PARA_TITLE},
	  {"zh", "该公司周一发布了新款手机和手表。 Apple Watch、Galaxy Watch。", 0},
	  {"zh", "分析人士认为，竞争将在明年进一步加剧。 Windows 11、Google Pixel。", 0},
	  {"zh", "新模型将于三月向所有开发者免费开放。 YouTube Shorts、Netflix。", 0},
	  {"zh", "公司表示，更多细节将在下个月公布。 Microsoft Teams、OpenAI。", 0}},
	 false, NULL, "", "NNNNN", NULL},
	/* every English paragraph is a quotation in quotation marks */
	{"Japanese quoting English paragraphs", {{"ja", "東京で新しい研究所が開設された", PARA_TITLE},
	  {"ja", "同社は月曜日、東京に人工知能の新しい研究所を開設したと発表した。", 0},
	  {"en", "\"We want to build the best models in the world, and Tokyo is the place to do it.\"", 0},
	  {"ja", "研究所では約二百人の研究者が働く予定だという。", 0},
	  {"en", "\"Open research is the only way to earn the trust of the people who use our systems.\"", 0},
	  {"ja", "同社は来年までに研究者の数を倍にする計画だ。", 0}},
	 false, NULL, "", "NNNNNN", NULL},
	{"short foreign title", {{"en", "Open Source Forever", PARA_TITLE}, {"zh", ZH1, 0}, {"zh", ZH2, 0},
	  {"zh", ZH3, 0}},
	 false, NULL, "", "NNNN", NULL},
	{"byline in another language", {{"fr", FR1, 0}, {"fr", FR2, 0}, {"fr", FR3, 0},
	  {"en", "By John Smith, AFP", 0}},
	 false, NULL, "", "NNNN", NULL},
	{"English with one Chinese sentence", {{"en", EN1, 0}, {"en", EN2, 0},
	  {"zh", "开源是未来。", 0}, {"en", EN3, 0}},
	 false, NULL, "", "NNNN", NULL},
	{"blocks under a title in each language", {{"fr", "Mistral AI reste fidèle à l'open source", PARA_TITLE},
	  {"en", "Mistral AI Stays True to Open Source", 0}, {"fr", FR1, 0}, {"fr", FR2, 0}, {"fr", FR3, 0},
	  {"en", EN1, 0}, {"en", EN2, 0}, {"en", EN3, 0}},
	 true, "fr", "en", "LRLLLRRR", "TTBBBBBB"},
	{"blocks under a title and a subtitle", {{"fr", "Mistral AI reste fidèle à l'open source", PARA_TITLE},
	  {"fr", "La start-up française ne change pas de cap", 0}, {"fr", FR1, 0}, {"fr", FR2, 0},
	  {"fr", FR3, 0}, {"en", EN1, 0}, {"en", EN2, 0}, {"en", EN3, 0}},
	 true, "fr", "en", "LLLLLRRR", "TBBBBBBB"},
	{"one paragraph", {{"zh", ZH1, 0}}, false, NULL, "", "N", NULL},
	{"empty", {{NULL, NULL, 0}}, false, NULL, "", "", NULL},
	{"one paragraph per side", {{"zh", ZH1, 0}, {"en", EN1, 0}}, true, "zh", "en", "LR", "BB"},
	/* both titles, and a short Portuguese line, misread as Spanish: the
	 * halves are judged by the text under the titles */
	{"blocks under two misread titles", {{"es", "A nova ponte do porto abre em março", PARA_TITLE},
	  {"es", "El nuevo puente del puerto abre en marzo", PARA_TITLE},
	  {"pt", "A câmara municipal aprovou ontem a abertura da nova ponte sobre o rio para o mês de março.", 0},
	  {"es", "A largura da ponte entre as margens", 0},
	  {"pt", "Os moradores do bairro do porto esperam há mais de dez anos por esta ligação à cidade.", 0},
	  {"pt", "O presidente da câmara disse que as obras terminaram dentro do prazo e do orçamento.", 0},
	  {"es", "El ayuntamiento aprobó ayer la apertura del nuevo puente sobre el río para el mes de marzo.", 0},
	  {"es", "La anchura del puente entre las orillas", 0},
	  {"es", "Los vecinos del barrio del puerto esperan desde hace más de diez años esta conexión.", 0},
	  {"es", "El alcalde dijo que las obras terminaron dentro del plazo y del presupuesto previsto.", 0}},
	 true, "pt", "es", "LRLLLLRRRR", NULL},
	/* a Japanese title is short in letters but not in syllables: its
	 * kana weigh as its Han do, and the English title pairs with it */
	{"blocks under a short Japanese title", {{"ja", "新しい窓を開く", PARA_TITLE},
	  {"en", "Opens a new window for the current page in the background", PARA_TITLE},
	  {"ja", "このボタンを押すと、現在のページが新しいウィンドウで開きます。", 0},
	  {"ja", "新しいウィンドウは、元のウィンドウの後ろに表示されます。", 0},
	  {"ja", "設定画面で、この動作をいつでも変更することができます。", 0},
	  {"en", "When you press this button, the current page opens in a new window.", 0},
	  {"en", "The new window is shown behind the window you started from.", 0},
	  {"en", "You can change this behaviour at any time in the settings.", 0}},
	 true, "ja", "en", "LRLLLRRR", "TTBBBBBB"},
	/* an English quotation, and a last paragraph misread as English: a
	 * quarter of the text is no translation of the rest */
	{"French ending in a paragraph misread as English", {{"fr", FR1, 0}, {"fr", FR2, 0},
	  {"en", "\"We will keep our models open, whatever our partners sell,\" she said.", 0},
	  {"fr", FR3, 0}, {"fr", FR4, 0},
	  {"en", "Supprimer le ou les FICHIERs : -f, --force ignore the nonexistent files and arguments, never prompt; "
	         "-i prompt before every removal; -r, --recursive remove directories and their contents.", 0}},
	 false, NULL, "", "NNNNNN", NULL},
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

/* ---- the bundled samples (data/samples) ---------------------------------
 * Each sample's paragraphs as article_parse gives them, with the labels
 * langid gives them today or could give them (a mislabelled title, a
 * quoted sentence labelled as its own language).  The split is checked,
 * then the rows align_article makes of it, as "l-r" pairs of paragraph
 * indexes after the split ("3-" = paragraph 3 alone on the left). */

#define B PARA_BODY
#define T PARA_TITLE
#define M PARA_META

struct sp {
	const char *lang;
	unsigned char kind;
	const char *text;
};

static const struct sp fr_en_museum[] = {
	{"en", T, "Le musée maritime de Kestrel Bay rouvre après deux ans de travaux"},
	{"en", B, "Kestrel Bay Maritime Museum reopens after two years of work"},
	{"en", B, "https://www.journal-belleval.example/culture/2025/07/03/musee-maritime 3 juillet 2025 / July 3, 2025"},
	{"fr", B, "Le musée maritime de Kestrel Bay a rouvert ses portes mercredi, après deux ans de travaux et un budget de 24 millions de dollars. Dès 10 heures, une file de plusieurs centaines de visiteurs s'étirait déjà le long du quai, sous un soleil déjà estival."},
	{"en", B, "The Kestrel Bay Maritime Museum reopened on Wednesday after two years of work and a budget of 24 million dollars. By 10 a.m. a queue of several hundred visitors already stretched along the quay under an early summer sun."},
	{"fr", B, "La pièce maîtresse de la nouvelle exposition est la coque restaurée du Marguerite, un voilier de pêche construit en 1911 et retrouvé échoué dans la vase du port en 2019. Les restaurateurs ont remplacé près de 40 % des bordages en conservant les pièces d'origine chaque fois que c'était possible."},
	{"en", B, "The centrepiece of the new exhibition is the restored hull of the Marguerite, a fishing sailboat built in 1911 and found stranded in the harbour mud in 2019. The restorers replaced nearly 40 percent of the planking, keeping the original timbers wherever they could."},
	{"fr", B, "« Nous voulions que les gens puissent toucher le bois et sentir le goudron », explique la conservatrice, Hélène Marchetti. Une salle entière est consacrée à la construction du nouveau pont, avec une maquette de six mètres et des photos du chantier prises par les ouvriers eux-mêmes."},
	{"en", B, "“We wanted people to be able to touch the wood and smell the tar,” says the curator, Hélène Marchetti. A whole room is devoted to the building of the new bridge, with a six-metre model and photographs of the site taken by the workers themselves."},
	{"fr", B, "Le musée a aussi gagné un café panoramique au dernier étage, avec vue sur la baie. L'entrée reste gratuite pour les moins de 18 ans ; le billet adulte passe de 8 à 12 dollars, une hausse que la direction justifie par le coût de l'entretien de la coque."},
	{"en", B, "The museum has also gained a panoramic café on the top floor, overlooking the bay. Entry remains free for under-18s; the adult ticket rises from 8 to 12 dollars, an increase the management puts down to the cost of looking after the hull."},
	{"fr", B, "Le musée est ouvert du mardi au dimanche, de 10 heures à 18 heures, et jusqu'à 21 heures le jeudi pendant l'été."},
	{"en", B, "The museum is open Tuesday to Sunday from 10 a.m. to 6 p.m., and until 9 p.m. on Thursdays during the summer."},
	{"en", B, "Partager / Share"},
	{"en", T, "Vues : 342"},
	{"en", B, "Laisser un commentaire / Leave a comment"},
};
static const struct sp fr_en_museum_fixed[] = {
	{"fr", T, "Le musée maritime de Kestrel Bay rouvre après deux ans de travaux"},
	{"en", B, "Kestrel Bay Maritime Museum reopens after two years of work"},
	{"und", B, "https://www.journal-belleval.example/culture/2025/07/03/musee-maritime 3 juillet 2025 / July 3, 2025"},
	{"fr", B, "Le musée maritime de Kestrel Bay a rouvert ses portes mercredi, après deux ans de travaux et un budget de 24 millions de dollars. Dès 10 heures, une file de plusieurs centaines de visiteurs s'étirait déjà le long du quai, sous un soleil déjà estival."},
	{"en", B, "The Kestrel Bay Maritime Museum reopened on Wednesday after two years of work and a budget of 24 million dollars. By 10 a.m. a queue of several hundred visitors already stretched along the quay under an early summer sun."},
	{"fr", B, "La pièce maîtresse de la nouvelle exposition est la coque restaurée du Marguerite, un voilier de pêche construit en 1911 et retrouvé échoué dans la vase du port en 2019. Les restaurateurs ont remplacé près de 40 % des bordages en conservant les pièces d'origine chaque fois que c'était possible."},
	{"en", B, "The centrepiece of the new exhibition is the restored hull of the Marguerite, a fishing sailboat built in 1911 and found stranded in the harbour mud in 2019. The restorers replaced nearly 40 percent of the planking, keeping the original timbers wherever they could."},
	{"fr", B, "« Nous voulions que les gens puissent toucher le bois et sentir le goudron », explique la conservatrice, Hélène Marchetti. Une salle entière est consacrée à la construction du nouveau pont, avec une maquette de six mètres et des photos du chantier prises par les ouvriers eux-mêmes."},
	{"en", B, "“We wanted people to be able to touch the wood and smell the tar,” says the curator, Hélène Marchetti. A whole room is devoted to the building of the new bridge, with a six-metre model and photographs of the site taken by the workers themselves."},
	{"fr", B, "Le musée a aussi gagné un café panoramique au dernier étage, avec vue sur la baie. L'entrée reste gratuite pour les moins de 18 ans ; le billet adulte passe de 8 à 12 dollars, une hausse que la direction justifie par le coût de l'entretien de la coque."},
	{"en", B, "The museum has also gained a panoramic café on the top floor, overlooking the bay. Entry remains free for under-18s; the adult ticket rises from 8 to 12 dollars, an increase the management puts down to the cost of looking after the hull."},
	{"fr", B, "Le musée est ouvert du mardi au dimanche, de 10 heures à 18 heures, et jusqu'à 21 heures le jeudi pendant l'été."},
	{"en", B, "The museum is open Tuesday to Sunday from 10 a.m. to 6 p.m., and until 9 p.m. on Thursdays during the summer."},
};
static const struct sp fr_museum_subtitle[] = {
	{"fr", T, "Le musée maritime de Kestrel Bay rouvre après deux ans de travaux"},
	{"fr", B, "Après deux ans de chantier, la coque du Marguerite attend le public"},
	{"en", B, "https://www.journal-belleval.example/culture/2025/07/03/musee-maritime 3 juillet 2025 / July 3, 2025"},
	{"fr", B, "Le musée maritime de Kestrel Bay a rouvert ses portes mercredi, après deux ans de travaux et un budget de 24 millions de dollars. Dès 10 heures, une file de plusieurs centaines de visiteurs s'étirait déjà le long du quai, sous un soleil déjà estival."},
	{"en", B, "The Kestrel Bay Maritime Museum reopened on Wednesday after two years of work and a budget of 24 million dollars. By 10 a.m. a queue of several hundred visitors already stretched along the quay under an early summer sun."},
	{"fr", B, "La pièce maîtresse de la nouvelle exposition est la coque restaurée du Marguerite, un voilier de pêche construit en 1911 et retrouvé échoué dans la vase du port en 2019. Les restaurateurs ont remplacé près de 40 % des bordages en conservant les pièces d'origine chaque fois que c'était possible."},
	{"en", B, "The centrepiece of the new exhibition is the restored hull of the Marguerite, a fishing sailboat built in 1911 and found stranded in the harbour mud in 2019. The restorers replaced nearly 40 percent of the planking, keeping the original timbers wherever they could."},
	{"fr", B, "« Nous voulions que les gens puissent toucher le bois et sentir le goudron », explique la conservatrice, Hélène Marchetti. Une salle entière est consacrée à la construction du nouveau pont, avec une maquette de six mètres et des photos du chantier prises par les ouvriers eux-mêmes."},
	{"en", B, "“We wanted people to be able to touch the wood and smell the tar,” says the curator, Hélène Marchetti. A whole room is devoted to the building of the new bridge, with a six-metre model and photographs of the site taken by the workers themselves."},
	{"fr", B, "Le musée a aussi gagné un café panoramique au dernier étage, avec vue sur la baie. L'entrée reste gratuite pour les moins de 18 ans ; le billet adulte passe de 8 à 12 dollars, une hausse que la direction justifie par le coût de l'entretien de la coque."},
	{"en", B, "The museum has also gained a panoramic café on the top floor, overlooking the bay. Entry remains free for under-18s; the adult ticket rises from 8 to 12 dollars, an increase the management puts down to the cost of looking after the hull."},
	{"fr", B, "Le musée est ouvert du mardi au dimanche, de 10 heures à 18 heures, et jusqu'à 21 heures le jeudi pendant l'été."},
	{"en", B, "The museum is open Tuesday to Sunday from 10 a.m. to 6 p.m., and until 9 p.m. on Thursdays during the summer."},
};
static const struct sp zh_en_bridge[] = {
	{"zh", T, "凯斯湾跨海大桥正式通车 上万市民步行“首渡”"},
	{"zh", B, "来源：东方晨报\n2025年6月14日"},
	{"zh", B, "经过四年零三个月的施工，全长2.4公里的凯斯湾跨海大桥于6月14日上午9时正式通车。当天清晨，约有一万两千名市民提前走上桥面，参加为期三小时的“步行开放日”，成为第一批从南岸走到北岸的行人。"},
	{"zh", B, "凯斯湾市长罗莎·林奎斯特在通车仪式上表示，这座大桥把南北两岸之间的通行时间从原来的四十分钟缩短到八分钟，渡轮不再是唯一的选择。她说：“这座桥属于每天赶早班的人，也属于周末骑车去海边的孩子。”"},
	{"zh", B, "据介绍，大桥采用双层设计，上层为四条机动车道，下层为有轨电车轨道和一条宽4.5米的自行车与步行通道。项目总投资约18亿美元，其中三成来自省级基础设施基金。总工程师阿米莉亚·索恩说，两座主塔高168米，能够抵御每秒55米的强风；施工期间，团队曾因两次台风暂停作业，共计26天。"},
	{"zh", B, "不过，也有部分居民对通车后的噪音和交通压力表示担忧。北岸渔港社区的居民代表提出，希望市政府在桥下增设隔音屏障，并保留每天两班的老渡轮航线。市交通局回应称，渡轮将至少运营到今年年底，之后再根据客流决定去留。"},
	{"zh", B, "按照计划，有轨电车线路将于9月开通，届时大桥每天预计通行车辆3.5万辆次。"},
	{"zh", B, "英语如下:"},
	{"en", B, "Kestrel Bay Harbour Bridge Opens to Traffic After Thousands Walk It First"},
	{"en", M, "Keywords: harbour bridge, Kestrel Bay, tram line, ferry"},
	{"en", B, "After four years and three months of construction, the 2.4-kilometre Kestrel Bay Harbour Bridge opened to traffic at 9 a.m. on 14 June. Early that morning about 12,000 residents walked onto the deck for a three-hour “walking open day”, becoming the first people to cross from the south shore to the north on foot."},
	{"en", B, "Speaking at the opening ceremony, Mayor Rosa Lindqvist said the bridge cuts the journey between the two shores from forty minutes to eight, so the ferry is no longer the only choice. “This bridge belongs to the people who catch the early shift, and to the children who cycle to the beach at the weekend,” she said."},
	{"en", B, "The bridge has two decks: the upper one carries four traffic lanes, the lower one a tram track and a 4.5-metre path for cyclists and pedestrians. The project cost about 1.8 billion dollars, 30 percent of it from a provincial infrastructure fund. Chief engineer Amelia Thorne said the two main towers stand 168 metres high and can withstand winds of 55 metres per second; work was halted for a total of 26 days during two typhoons."},
	{"en", B, "Some residents, however, worry about noise and traffic. Representatives of the fishing-harbour neighbourhood on the north shore asked the city to build noise barriers under the bridge and to keep the old ferry’s two daily crossings. The city transport bureau replied that the ferry will run at least until the end of the year, after which passenger numbers will decide its future."},
	{"en", B, "The tram line is scheduled to open in September, when the bridge is expected to carry 35,000 vehicles a day."},
	{"zh", B, "分享到：微信 微博 QQ空间\n阅读 2381"},
};
static const struct sp de_en_egypt[] = {
	{"de", T, "Forscher entdecken antike Fayence-Werkstatt in Oberägypten"},
	{"de", B, "Quelle: Der Kieselbote\n12.05.2025, 14:30 Uhr\nVon Jonas Brenneisen"},
	{"de", B, "Ein Team der Universität Lindenau hat bei Grabungen nahe Assuan in Ägypten eine rund 3.300 Jahre alte Werkstatt für Fayence-Schmuck freigelegt. In drei Brennöfen fanden die Archäologinnen und Archäologen mehr als 1.400 kleine Perlen, Amulette und Gussformen, viele davon noch mit Resten der typischen türkisblauen Glasur."},
	{"de", B, "„Wir sehen hier zum ersten Mal die gesamte Kette, vom Rohstoff bis zum fertigen Stück“, sagte Grabungsleiterin Prof. Mareike Hollstein. Besonders überrascht habe das Team ein Vorratsgefäß mit gemahlenem Quarz, das offenbar nie benutzt wurde. Die Werkstatt sei vermutlich überstürzt verlassen worden."},
	{"de", B, "Die Grabung ist ein Gemeinschaftsprojekt mit der ägyptischen Antikenverwaltung. Der Kairoer Archäologe Dr. Karim Mansour betonte, alle Funde blieben in Ägypten und sollten ab 2027 in einem neuen Regionalmuseum in Assuan gezeigt werden."},
	{"de", B, "Die Datierung stützt sich auf Keramikscherben und einen gestempelten Krugverschluss aus der Zeit Amenophis’ III. Radiokarbonproben aus Holzkohle werden derzeit in Lindenau untersucht; Ergebnisse werden im Herbst erwartet."},
	{"en", B, "Researchers uncover ancient faience workshop in Upper Egypt"},
	{"en", B, "A team from the University of Lindenau has uncovered a workshop for faience jewellery, about 3,300 years old, during excavations near Aswan in Egypt. In three kilns the archaeologists found more than 1,400 small beads, amulets and moulds, many still bearing traces of the typical turquoise glaze."},
	{"en", B, "“For the first time we can see the whole chain here, from raw material to finished piece,” said excavation leader Prof. Mareike Hollstein. The team was particularly surprised by a storage jar of ground quartz that had apparently never been used. The workshop was probably abandoned in a hurry."},
	{"en", B, "The excavation is a joint project with the Egyptian antiquities authority. Cairo archaeologist Dr Karim Mansour stressed that all finds will remain in Egypt and are to be shown in a new regional museum in Aswan from 2027."},
	{"en", B, "The dating rests on pottery sherds and a stamped jar sealing from the reign of Amenhotep III. Radiocarbon samples from charcoal are currently being analysed in Lindenau; results are expected in the autumn."},
	{"en", B, "Teilen:\nKommentare (0)\nMehr aus Wissenschaft"},
};
static const struct sp de_en_egypt_de_tail[] = {
	{"de", T, "Forscher entdecken antike Fayence-Werkstatt in Oberägypten"},
	{"de", B, "Quelle: Der Kieselbote\n12.05.2025, 14:30 Uhr\nVon Jonas Brenneisen"},
	{"de", B, "Ein Team der Universität Lindenau hat bei Grabungen nahe Assuan in Ägypten eine rund 3.300 Jahre alte Werkstatt für Fayence-Schmuck freigelegt. In drei Brennöfen fanden die Archäologinnen und Archäologen mehr als 1.400 kleine Perlen, Amulette und Gussformen, viele davon noch mit Resten der typischen türkisblauen Glasur."},
	{"de", B, "„Wir sehen hier zum ersten Mal die gesamte Kette, vom Rohstoff bis zum fertigen Stück“, sagte Grabungsleiterin Prof. Mareike Hollstein. Besonders überrascht habe das Team ein Vorratsgefäß mit gemahlenem Quarz, das offenbar nie benutzt wurde. Die Werkstatt sei vermutlich überstürzt verlassen worden."},
	{"de", B, "Die Grabung ist ein Gemeinschaftsprojekt mit der ägyptischen Antikenverwaltung. Der Kairoer Archäologe Dr. Karim Mansour betonte, alle Funde blieben in Ägypten und sollten ab 2027 in einem neuen Regionalmuseum in Assuan gezeigt werden."},
	{"de", B, "Die Datierung stützt sich auf Keramikscherben und einen gestempelten Krugverschluss aus der Zeit Amenophis’ III. Radiokarbonproben aus Holzkohle werden derzeit in Lindenau untersucht; Ergebnisse werden im Herbst erwartet."},
	{"en", B, "Researchers uncover ancient faience workshop in Upper Egypt"},
	{"en", B, "A team from the University of Lindenau has uncovered a workshop for faience jewellery, about 3,300 years old, during excavations near Aswan in Egypt. In three kilns the archaeologists found more than 1,400 small beads, amulets and moulds, many still bearing traces of the typical turquoise glaze."},
	{"en", B, "“For the first time we can see the whole chain here, from raw material to finished piece,” said excavation leader Prof. Mareike Hollstein. The team was particularly surprised by a storage jar of ground quartz that had apparently never been used. The workshop was probably abandoned in a hurry."},
	{"en", B, "The excavation is a joint project with the Egyptian antiquities authority. Cairo archaeologist Dr Karim Mansour stressed that all finds will remain in Egypt and are to be shown in a new regional museum in Aswan from 2027."},
	{"en", B, "The dating rests on pottery sherds and a stamped jar sealing from the reign of Amenhotep III. Radiocarbon samples from charcoal are currently being analysed in Lindenau; results are expected in the autumn."},
	{"de", B, "Teilen:\nKommentare (0)\nMehr aus Wissenschaft"},
};
static const struct sp ja_en_typhoon[] = {
	{"ja", T, "台風4号接近　潮見港の離島フェリーが全便欠航"},
	{"ja", B, "2025年7月11日 18:40　港町新報"},
	{"ja", B, "大型で強い台風4号の接近に伴い、潮見港と沖合の三つの島を結ぶフェリーは11日、始発から全便が欠航した。運航会社の潮見汽船によると、欠航は少なくとも12日午後まで続く見通しで、約1,800人の利用者に影響が出ている。"},
	{"ja", B, "気象台によると、台風は12日未明に最も接近し、最大瞬間風速は45メートルに達するおそれがある。市は沿岸部の約2,300世帯に避難指示を出し、公民館など14か所に避難所を開設した。"},
	{"ja", B, "島に住む高齢者の通院を支えるため、市は医療用ヘリコプター1機を待機させている。鶴島の診療所の看護師は「薬が足りなくなる人がいないよう、前日までに全員に電話した」と話した。"},
	{"ja", B, "港の近くで喫茶店を営む女性は、窓に板を打ち付けながら「台風のたびにこの作業をしているけれど、今年は早すぎる」と苦笑した。"},
	{"ja", B, "潮見汽船は、運航を再開するかどうかを12日正午に発表するとしている。"},
	{"en", B, "English version:"},
	{"en", B, "Typhoon No. 4 approaches: all island ferries from Shiomi cancelled"},
	{"en", B, "All ferries linking Shiomi port with three offshore islands were cancelled from the first sailing on the 11th as the large and strong Typhoon No. 4 approached. According to the operator, Shiomi Kisen, the cancellations are expected to last at least until the afternoon of the 12th, affecting about 1,800 passengers."},
	{"en", B, "According to the meteorological office, the typhoon will come closest before dawn on the 12th, with gusts that could reach 45 metres per second. The city has issued evacuation orders to about 2,300 households along the coast and opened 14 shelters, including community centres."},
	{"en", B, "A woman who runs a coffee shop near the port smiled wryly as she boarded up her windows: “I do this every typhoon, but this year it is far too early.”"},
	{"en", B, "Shiomi Kisen says it will announce at noon on the 12th whether services will resume."},
	{"ja", B, "関連記事\n・潮見市、夏祭りの日程を発表\n・離島航路に新造船、来春就航へ"},
};
static const struct sp it_regatta[] = {
	{"it", T, "Vela, la regata del Lago Verdino va all'equipaggio inglese dopo un finale da brividi"},
	{"it", B, "Fonte: La Voce del Lago\n8 giugno 2025\ndi Marco Bellandi"},
	{"it", B, "Per tre giorni il Lago Verdino è rimasto piatto come uno specchio, e gli organizzatori della 41ª Regata delle Due Rive avevano ormai quasi rinunciato alla prova conclusiva. Poi, domenica poco dopo le 15, è arrivata l'Ora, il vento che da queste parti sale puntuale dalla pianura, e in meno di un'ora la classifica è stata ribaltata."},
	{"it", B, "A vincere è stato l'equipaggio britannico di «Kittiwake», guidato dalla timoniera Eleanor Hale, che alla vigilia dell'ultima giornata era soltanto quinto. Secondo posto per i padroni di casa del Circolo Velico Sant'Ambrogio, terzo un equipaggio svizzero partito da Locarno."},
	{"en", B, "«We had never sailed on water this calm, and then the wind came all at once», ha raccontato Hale ai giornalisti sul pontile, ancora bagnata e sorridente. Poi, in un italiano incerto ma applaudito, ha aggiunto: «Grazie al lago, che alla fine ci ha aspettato»."},
	{"it", B, "Il presidente del comitato organizzatore, Luigi Fantoni, ha parlato di un'edizione record: 63 barche iscritte, 11 nazioni rappresentate e oltre quattromila spettatori lungo la passeggiata a lago tra sabato e domenica. Qualche polemica, invece, per i parcheggi, esauriti già alle dieci del mattino."},
	{"it", B, "Il sindaco di Sant'Ambrogio ha annunciato che dal prossimo anno la regata avrà anche una categoria giovanile, riservata agli under 18, e che i battelli di linea effettueranno corse supplementari nei giorni della manifestazione."},
	{"it", B, "L'appuntamento è per la 42ª edizione, dal 5 al 7 giugno 2026."},
	{"it", B, "Condividi:"},
	{"it", B, "Visualizzazioni: 2.117"},
	{"it", T, "Articoli correlati"},
	{"it", B, "Lavori sul lungolago, chiusa la strada per due settimane Lascia un commento"},
};
static const struct sp en_coffee[] = {
	{"en", T, "Valley roasters feel the pinch as coffee prices hit new highs"},
	{"en", B, "July 9, 2025"},
	{"en", M, "By Daniel Whitcombe, Valley Courier Business Editor"},
	{"en", B, "Small coffee roasters across the valley say they have run out of ways to hide the rising cost of green beans from their customers."},
	{"en", B, "At Millrace Roasting Co., a converted feed store on the river road, owner Beth Carraway has raised the price of a 12-ounce bag twice since January, from $14 to $17.50. \"We held off as long as we could,\" she said. \"But when your main cost goes up by a third in a year, there is nowhere left to absorb it.\""},
	{"en", B, "Wholesale arabica prices have climbed sharply over the past year after frost and drought cut harvests in Brazil, the world's largest producer, while shipping costs have also risen. Roasters say the effect reaches them with a delay of a few months, as older contracts run out."},
	{"pt", B, "Carraway buys part of her beans from a cooperative in the Brazilian highlands and keeps in touch with a grower there by video call. After the latest frost, the farmer sent her a short message that she has pinned above the roaster: \"O café sempre volta, mas a gente precisa aguentar até lá.\" Coffee always comes back, it says, but we have to hold out until then."},
	{"en", B, "Across town, the downtown café Second Cup on Main has taken a different approach, shrinking its standard drink from 16 to 12 ounces instead of raising the price. Its manager, Luis Ortega, said only a handful of regulars noticed."},
	{"en", B, "Economists at the state university expect prices to stay high at least until the next Brazilian harvest is known. For now, Carraway said, she is telling customers the truth. \"Most people understand. They just want to know we're not gouging them.\""},
	{"en", B, "Daniel Whitcombe has covered agriculture and small business for the Valley Courier since 2014."},
	{"en", T, "Related"},
	{"en", B, "Farmers market moves to Saturday evenings for the summer"},
	{"en", B, "County fair announces new food vendors"},
};
static const struct sp zh_tech_expo[] = {
	{"en", T, "凯斯湾消费电子展开幕：Pixora、NovaLink新品扎堆，AI眼镜成焦点"},
	{"zh", B, "来源：东方晨报\n2025年6月27日　记者 王雨桐"},
	{"zh", B, "第十二届凯斯湾消费电子展（KBCE 2025）6月26日在跨海大桥北岸的会展中心开幕，共有来自23个国家和地区的410家企业参展。今年展会的关键词无疑是“AI”，从手机、笔记本电脑到眼镜和耳机，几乎每个展台都在强调端侧大模型。"},
	{"zh", B, "人气最高的展台属于Pixora。该公司发布了新款智能眼镜Pixora Lens 2，重量仅42克，支持实时字幕和翻译，售价399美元。现场体验区排起了长队，不少观众戴上眼镜后和展台工作人员用英语交谈，镜片上几乎同步出现了中文字幕。"},
	{"en", B, "NovaLink则带来了搭载OrbitOS 4.0系统的折叠屏手机NovaLink Fold X，宣称展开后厚度只有4.1毫米，并支持Wi-Fi 7和USB-C接口40Gbps传输。NovaLink亚太区总裁陈启明表示，这款手机将于8月率先登陆东南亚市场，国内版本的上市时间还在评估中。"},
	{"en", B, "笔记本电脑方面，QuantaBook Pro 16和Zentra X5都主打续航，前者官方数据为22小时视频播放。充电配件厂商HelioCharge展示了一款可同时为三台设备供电的140W氮化镓充电器，并与本地共享单车品牌BayRide合作，在大桥下层自行车通道的入口处设置了免费充电桩。"},
	{"zh", B, "业内人士认为，今年展会上AI功能的普及速度超出预期，但隐私和功耗仍是消费者最关心的问题。一位参观者说：“功能很炫，但我更想知道这些数据存在哪里。”"},
	{"zh", B, "展会将持续到6月29日，最后两天向公众开放，门票为每人15美元。"},
	{"zh", T, "（本文图片由KBCE组委会提供）"},
	{"zh", B, "相关阅读：\nNovaLink发布OrbitOS 4.0开发者预览版\n夏季用电高峰将至 凯斯湾电网准备就绪"},
};

struct sample {
	const char *name;
	const struct sp *p;
	size_t n;
	bool bilingual;
	const char *lang, *lang2, *sides, *kinds, *rows;
};

#define S(a) a, ARRAY_SIZE(a)
static const struct sample samples[] = {
	/* titles, URL line and clutter mislabelled "en": the French title
	 * pairs with the English one by position, the rest by label */
	{"fr-en museum, langid today", S(fr_en_museum), true, "fr", "en", "LRRLRLRLRLRLRRRR",
	 "TTBBBBBBBBBBBBTB", "0-1 -2 3-4 5-6 7-8 9-10 11-12 -13 -14 -15"},
	{"fr-en museum, title labelled fr, no clutter", S(fr_en_museum_fixed), true, "fr", "en",
	 "LRLLRLRLRLRLR", "TTBBBBBBBBBBB", "0-1 2- 3-4 5-6 7-8 9-10 11-12"},
	/* two French heading lines are a title and a subtitle, not a pair */
	{"fr-en museum, French subtitle", S(fr_museum_subtitle), true, "fr", "en", "LLRLRLRLRLRLR",
	 NULL, NULL},
	{"zh-en bridge, marker dropped", S(zh_en_bridge), true, "zh", "en", "LLLLLLLRRRRRRRR",
	 "TBBBBBBTMBBBBBB", "0-7 1- -8 2-9 3-10 4-11 5-12 6-13 -14"},
	{"de-en excavation, no marker", S(de_en_egypt), true, "de", "en", "LLLLLLRRRRRR",
	 "TBBBBBTBBBBB", "0-6 1- 2-7 3-8 4-9 5-10 -11"},
	{"de-en excavation, German clutter at the end", S(de_en_egypt_de_tail), true, "de", "en",
	 "LLLLLLRRRRRR", "TBBBBBTBBBBB", "0-6 1- 2-7 3-8 4-9 5-10 -11"},
	/* the English half omits the helicopter paragraph (4) */
	{"ja-en typhoon, omitted paragraph", S(ja_en_typhoon), true, "ja", "en", "LLLLLLLRRRRRR",
	 "TBBBBBBTBBBBB", "0-7 1- 2-8 3-9 4- 5-10 6-11 -12"},
	{"it regatta quoting English", S(it_regatta), false, NULL, "", "NNNNNNNNNNNN", NULL, ""},
	{"en coffee quoting Portuguese", S(en_coffee), false, NULL, "", "NNNNNNNNNNNNN", NULL, ""},
	{"zh expo full of brand names", S(zh_tech_expo), false, NULL, "", "NNNNNNNNNN", NULL, ""},
};

/* Rows as text "l0-r0 l1,l2-r1 l3-" for compact comparisons. */
static void rows_str(const struct article *a, char *buf, size_t cap)
{
	size_t k = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < a->nrow && k + 32 < cap; i++) {
		const struct row *r = &a->rows[i];
		if (i)
			buf[k++] = ' ';
		for (uint32_t j = 0; j < r->nleft; j++)
			k += (size_t)snprintf(buf + k, cap - k, "%s%zu", j ? "," : "", row_nth(a, r->left, j));
		buf[k++] = '-';
		for (uint32_t j = 0; j < r->nright; j++)
			k += (size_t)snprintf(buf + k, cap - k, "%s%zu", j ? "," : "", row_nth(a, r->right, j));
		buf[k] = '\0';
	}
}

static void test_samples(void)
{
	for (size_t k = 0; k < ARRAY_SIZE(samples); k++) {
		const struct sample *c = &samples[k];
		struct article a = {0};
		for (size_t i = 0; i < c->n; i++) {
			struct para *p = article_add_para(&a, c->p[i].text, strlen(c->p[i].text), c->p[i].kind);
			snprintf(p->lang, sizeof p->lang, "%s", c->p[i].lang);
		}
		strcpy(a.lang, a.paras[0].lang);
		bool bi = bilingual_split(&a);
		if (bi)
			align_article(&a);
		char sides[64] = "", kinds[64] = "", rows[512];
		for (size_t i = 0; i < a.npara && i < sizeof sides - 1; i++) {
			sides[i] = a.paras[i].side == SIDE_LEFT ? 'L' : a.paras[i].side == SIDE_RIGHT ? 'R' : 'N';
			kinds[i] = "BTM"[a.paras[i].kind];
			sides[i + 1] = kinds[i + 1] = '\0';
		}
		rows_str(&a, rows, sizeof rows);
		int before = t_fail;
		CHECK_INT(bi, c->bilingual);
		CHECK_STR(sides, c->sides);
		CHECK_STR(a.lang2, c->lang2);
		if (c->lang)
			CHECK_STR(a.lang, c->lang);
		if (c->kinds)
			CHECK_STR(kinds, c->kinds);
		if (c->rows)
			CHECK_STR(rows, c->rows);
		if (t_fail != before)
			fprintf(stderr, "  in sample \"%s\"\n", c->name);
		article_free(&a);
	}
}

/*
 * Layouts of issue 12, through split and alignment: paragraphs as
 * article_parse gives them, labelled as langid labels whole paragraphs
 * (a mixed paragraph gets one label; the split labels its pieces).
 */
struct layout_case {
	const char *name;
	struct p_ p[MAXP];
	const char *sides, *kinds, *rows;
};

#define ZH1_S "法国人工智能初创公司Mistral AI近日在微软于巴黎举办的活动中宣布，尽管与这家科技巨头成立了合资企业，仍将坚持开源策略。"
#define ZH2_S "马斯克周一表示，他计划将聊天机器人Grok开源，以促进人工智能研究的共享。"
#define ZH3_S "公共事务主管Audrey Herblin-Stoop表示，开源对于构建能与美国公司竞争的欧洲人工智能生态系统至关重要。"
#define EN1_S "French AI startup Mistral AI announced at a Microsoft event in Paris that it will keep its open-source strategy, despite a joint venture with the tech giant."
#define EN2_S "Musk said on Monday that he plans to open-source his chatbot Grok to foster the sharing of AI research."
#define EN3_S "Audrey Herblin-Stoop, head of public affairs, said open source is key to building a European AI ecosystem that can compete with American companies."
#define ZH4_S "分析人士认为，欧洲人工智能企业之间的竞争将在明年进一步加剧。"
#define EN4_S "Analysts expect competition among European artificial intelligence companies to intensify further next year."
#define ZH5_S "该公司表示，新模型将于三月向所有开发者免费开放。"
#define EN5_S "The company said the new model will be available free of charge to all developers in March."
#define ZH_T "Mistral AI坚持开源"
#define EN_T "Mistral AI Stays True to Open Source"
static const struct layout_case layouts[] = {
	{"interleaved by unit: two, then one and one", {{"zh", ZH1, 0}, {"zh", ZH2, 0}, {"en", EN1, 0},
	  {"en", EN2, 0}, {"zh", ZH3, 0}, {"en", EN3, 0}},
	 "LLRRLR", "BBBBBB", "0-2 1-3 4-5"},
	{"interleaved by unit, one paragraph omitted", {{"zh", ZH_T, PARA_TITLE}, {"en", EN_T, PARA_TITLE},
	  {"zh", ZH1, 0}, {"zh", ZH2, 0}, {"en", EN1, 0}, {"en", EN2, 0}, {"zh", ZH3, 0}, {"zh", ZH2, 0},
	  {"en", EN3, 0}},
	 "LRLLRRLLR", "TTBBBBBBB", "0-1 2-4 3-5 6-8 7-"},
	/* the translator merged a unit's translation into the one before:
	 * it stands beside both, a Chinese paragraph between them */
	{"interleaved, two translations merged into one paragraph", {{"zh", ZH4_S, 0}, {"en", EN4_S, 0},
	  {"zh", ZH1, 0}, {"en", EN1_S " " EN2_S, 0}, {"zh", ZH2, 0}, {"zh", ZH3, 0}, {"en", EN3, 0},
	  {"zh", ZH5_S, 0}, {"en", EN5_S, 0}},
	 "LRLRLLRLR", "BBBBBBBBB", "0-1 2,4-3 5-6 7-8"},
	{"two titles on adjacent lines, then blocks", {{"zh", ZH_T "\n" EN_T, PARA_TITLE}, {"zh", ZH1, 0},
	  {"zh", ZH2, 0}, {"zh", ZH3, 0}, {"en", EN1, 0}, {"en", EN2, 0}, {"en", EN3, 0}},
	 "LRLLLRRR", "TTBBBBBB", "0-1 2-5 3-6 4-7"},
	{"a sentence-interleaved paragraph", {{"zh", ZH1_S " " EN1_S " " ZH2_S " " EN2_S " " ZH3_S " " EN3_S, 0}},
	 "LRLRLR", "BBBBBB", "0-1 2-3 4-5"},
	/* an ASCII full stop ends the Chinese sentence and the English one
	 * starts in lower case: no capital to tell the sentence splitter */
	{"sentence-interleaved, a lower-case English sentence after \".\"",
	 {{"zh", "马斯克周一表示，他计划本周开源聊天机器人Grok. xAI will publish the weights of its chatbot Grok this week, Musk said on Monday. " ZH3_S " " EN3_S, 0}},
	 "LRLR", "BBBB", "0-1 2-3"},
	{"line by line: captions and their translations", {{"zh", ZH_T, PARA_TITLE}, {"en", EN_T, PARA_TITLE},
	  {"zh", ZH1_S "\n" EN1_S, 0}, {"zh", ZH2_S "\n" EN2_S "\n" ZH3_S "\n" EN3_S, 0}},
	 "LRLRLRLR", "TTBBBBBB", "0-1 2-3 4-5 6-7"},
};

static void test_layouts(void)
{
	for (size_t k = 0; k < ARRAY_SIZE(layouts); k++) {
		const struct layout_case *c = &layouts[k];
		struct article a = {0};
		for (size_t i = 0; i < MAXP && c->p[i].text; i++) {
			struct para *p = article_add_para(&a, c->p[i].text, strlen(c->p[i].text), c->p[i].kind);
			snprintf(p->lang, sizeof p->lang, "%s", c->p[i].lang);
		}
		a.title = xstrdup(a.paras[0].text);
		strcpy(a.lang, "zh");
		int before = t_fail;
		CHECK_INT(bilingual_split(&a), true);
		align_article(&a);
		char sides[MAXP + 1] = "", kinds[MAXP + 1] = "", rows[256];
		for (size_t i = 0; i < a.npara && i < MAXP; i++) {
			sides[i] = a.paras[i].side == SIDE_LEFT ? 'L' : a.paras[i].side == SIDE_RIGHT ? 'R' : 'N';
			kinds[i] = "BTM"[a.paras[i].kind];
		}
		sides[MIN(a.npara, MAXP)] = kinds[MIN(a.npara, MAXP)] = '\0';
		rows_str(&a, rows, sizeof rows);
		CHECK_STR(sides, c->sides);
		CHECK_STR(kinds, c->kinds);
		CHECK_STR(rows, c->rows);
		CHECK_STR(a.lang, "zh");
		CHECK_STR(a.lang2, "en");
		if (a.paras[0].kind == PARA_TITLE)
			CHECK_STR(a.title, a.paras[0].text);
		if (t_fail != before)
			fprintf(stderr, "  in layout \"%s\"\n", c->name);
		article_free(&a);
	}
}

/* Text through the text core as import runs it: is it bilingual? */
static bool analyse_bilingual(struct article *a, const char *text)
{
	article_parse(a, text, strlen(text));
	langid_article(a);
	bool bi = bilingual_split(a);
	if (bi)
		align_article(a);
	return bi;
}

/* The parse joins two Latin titles on adjacent lines into one paragraph;
 * the bilingual pass finds the two lines again. */
static void test_adjacent_titles_parsed(void)
{
	static const char text[] =
		"Déclaration universelle des droits de l'homme\n"
		"Universal Declaration of Human Rights\n\n"
		"Considérant que la reconnaissance de la dignité inhérente à tous les membres de la famille humaine et de leurs droits égaux et inaliénables constitue le fondement de la liberté, de la justice et de la paix dans le monde.\n\n"
		"Considérant que la méconnaissance et le mépris des droits de l'homme ont conduit à des actes de barbarie qui révoltent la conscience de l'humanité.\n\n"
		"Whereas recognition of the inherent dignity and of the equal and inalienable rights of all members of the human family is the foundation of freedom, justice and peace in the world.\n\n"
		"Whereas disregard and contempt for human rights have resulted in barbarous acts which have outraged the conscience of mankind.\n";
	struct article a = {0};
	CHECK_INT(analyse_bilingual(&a, text), true);
	CHECK_INT(a.npara, 6);
	CHECK_STR(a.title, "Déclaration universelle des droits de l'homme");
	CHECK_STR(a.paras[1].text, "Universal Declaration of Human Rights");
	CHECK_INT(a.paras[0].side, SIDE_LEFT);
	CHECK_INT(a.paras[1].side, SIDE_RIGHT);
	CHECK_INT(a.paras[1].kind, PARA_TITLE);
	char rows[256];
	rows_str(&a, rows, sizeof rows);
	CHECK_STR(rows, "0-1 2-4 3-5");
	article_free(&a);
}

/* Titles the de-duplication or the line split cannot tell apart by
 * language: the same line twice, or two short lines in one paragraph.
 * Each side gets its title, and the first body paragraphs pair. */
static void test_hard_titles_parsed(void)
{
	static const char fr_en[] =
		"Considérant que la reconnaissance de la dignité inhérente à tous les membres de la famille humaine et de leurs droits égaux et inaliénables constitue le fondement de la liberté, de la justice et de la paix dans le monde.\n\n"
		"Considérant que la méconnaissance et le mépris des droits de l'homme ont conduit à des actes de barbarie qui révoltent la conscience de l'humanité.\n\n"
		"Whereas recognition of the inherent dignity and of the equal and inalienable rights of all members of the human family is the foundation of freedom, justice and peace in the world.\n\n"
		"Whereas disregard and contempt for human rights have resulted in barbarous acts which have outraged the conscience of mankind.\n";
	static const char zh_en[] =
		ZH1_S "\n\n" ZH2_S "\n\n" EN1_S "\n\n" EN2_S "\n";
	static const struct {
		const char *head, *body, *t0, *t1;
	} titles[] = {
		{"ONU 1948\n\nONU 1948\n\n", fr_en, "ONU 1948", "ONU 1948"},
		{"ONU 1948\nONU 1948\n\n", fr_en, "ONU 1948", "ONU 1948"},
		{"警告\nWARNING\n\n", zh_en, "警告", "WARNING"},
	};
	for (size_t k = 0; k < ARRAY_SIZE(titles); k++) {
		char text[2048];
		snprintf(text, sizeof text, "%s%s", titles[k].head, titles[k].body);
		struct article a = {0};
		int before = t_fail;
		CHECK_INT(analyse_bilingual(&a, text), true);
		CHECK_INT(a.npara, 6);
		CHECK_STR(a.title, titles[k].t0);
		CHECK_STR(a.paras[0].text, titles[k].t0);
		CHECK_STR(a.paras[1].text, titles[k].t1);
		CHECK_INT(a.paras[0].side, SIDE_LEFT);
		CHECK_INT(a.paras[1].side, SIDE_RIGHT);
		CHECK_INT(a.paras[1].kind, PARA_TITLE);
		CHECK_INT(a.paras[4].kind, PARA_BODY);
		char rows[256];
		rows_str(&a, rows, sizeof rows);
		CHECK_STR(rows, "0-1 2-4 3-5");
		if (t_fail != before)
			fprintf(stderr, "  in titles \"%s\"\n", titles[k].head);
		article_free(&a);
	}
}

/* Line by line, in wrapped paragraphs (lines too wide for a list, and
 * without stops, as messages and captions are) under the two titles: two
 * of two lines, then one of six, longer than a caption pair. */
static void test_line_blocks_parsed(void)
{
	static const char text[] =
		"Une nouvelle ligne de tram pour la ville\n\n"
		"A new tram line for the city\n\n"
		"Le conseil municipal a voté lundi soir le budget de la nouvelle ligne de tram\n"
		"The city council voted on Monday evening for the budget of the new tram line\n\n"
		"Les travaux commenceront au printemps et dureront environ deux ans au total\n"
		"Work will begin in the spring and will last about two years in all, it said\n\n"
		"La ligne reliera la gare centrale au port en passant par le quartier nord\n"
		"The line will link the central station to the port through the north district\n"
		"Le maire a promis que les commerçants seraient aidés pendant tout le chantier\n"
		"The mayor promised that shopkeepers would be helped throughout the building work\n"
		"Une réunion publique aura lieu le mois prochain à la salle des fêtes du centre\n"
		"A public meeting will be held next month in the town hall of the city centre\n";
	struct article a = {0};
	CHECK_INT(analyse_bilingual(&a, text), true);
	CHECK_INT(a.npara, 12);
	char sides[16] = "", rows[256];
	for (size_t i = 0; i < a.npara && i < sizeof sides - 1; i++)
		sides[i] = a.paras[i].side == SIDE_LEFT ? 'L' : 'R';
	CHECK_STR(sides, "LRLRLRLRLRLR");
	CHECK_STR(a.paras[11].text, "A public meeting will be held next month in the town hall of the city centre");
	rows_str(&a, rows, sizeof rows);
	CHECK_STR(rows, "0-1 2-3 4-5 6-7 8-9 10-11");
	article_free(&a);
}

int main(void)
{
	test_cases();
	test_markers();
	test_samples();
	test_layouts();
	test_adjacent_titles_parsed();
	test_hard_titles_parsed();
	test_line_blocks_parsed();
	return t_done();
}
