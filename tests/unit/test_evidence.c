/* test_evidence.c: unit tests of the evidence module (story keys). */
#include "t.h"
#include "diglot/evidence.h"
#include "diglot/sbuf.h"

#include <stdlib.h>
#include <string.h>

static char *keys_of(const char *text, const char *lang)
{
	struct evidence ev;
	evidence_from_text(text, lang, &ev);
	char *s = evidence_join(&ev);
	evidence_free(&ev);
	return s;
}

#define CHECK_KEYS(text, lang, want) do { \
	char *got_ = keys_of(text, lang); \
	CHECK_STR(got_, want); \
	free(got_); \
} while (0)

/* One amount written the way each language writes it gives one key. */
static void test_numbers(void)
{
	CHECK_KEYS("Le séisme de magnitude 6,1 a frappé.", "fr", "#:6.1");
	CHECK_KEYS("The magnitude 6.1 quake struck.", "en", "#:6.1");
	CHECK_KEYS("Scossa di magnitudo 6,1.", "it", "#:6.1");
	CHECK_KEYS("Ein Beben der Stärke 6,1 erschütterte.", "de", "#:6.1");
	CHECK_KEYS("发生6.1级地震。", "zh", "#:6.1");
	/* 15 million euros */
	CHECK_KEYS("une prise de 15 millions d'euros", "fr", "#:1.5e+07€");
	CHECK_KEYS("a stake of 15 million euros", "en", "#:1.5e+07€");
	CHECK_KEYS("circa 15 milioni di euro", "it", "#:1.5e+07€");
	CHECK_KEYS("投资1500万欧元", "zh", "#:1.5e+07€");
	CHECK_KEYS("una participación de 15 millones de euros", "es", "#:1.5e+07€");
	CHECK_KEYS("eine Beteiligung von 15 Millionen Euro", "de", "#:1.5e+07€");
	/* 1.5 billion, decimal comma and scale words */
	CHECK_KEYS("un prêt de 1,5 milliard de dollars", "fr", "#:1.5e+09$");
	CHECK_KEYS("a $1.5 billion loan", "en", "#:1.5e+09$");
	CHECK_KEYS("a $1.5bn loan", "en", "#:1.5e+09$");
	CHECK_KEYS("ein Kredit über 1,5 Mrd. Dollar", "de", "#:1.5e+09$");
	CHECK_KEYS("15亿美元的贷款", "zh", "#:1.5e+09$");
	CHECK_KEYS("un préstamo de 1.500 millones de dólares", "es", "#:1.5e+09$");
	/* Thousands separators by convention */
	CHECK_KEYS("2 000 emplois", "fr", "#:2000");
	CHECK_KEYS("2,000 jobs", "en", "#:2000");
	CHECK_KEYS("2.000 Stellen", "de", "#:2000");
	CHECK_KEYS("2.000 posti", "it", "#:2000");
	CHECK_KEYS("€2m grant", "en", "#:2e+06€");
	/* Percentages */
	CHECK_KEYS("inflation at 2.4%", "en", "#:2.4%");
	CHECK_KEYS("l'inflation à 2,4 %", "fr", "#:2.4%");
	CHECK_KEYS("die Inflation lag bei 2,4 Prozent", "de", "#:2.4%");
	CHECK_KEYS("l'inflazione al 2,4 per cento", "it", "#:2.4%");
	CHECK_KEYS("通胀率为2.4%", "zh", "#:2.4%");
	CHECK_KEYS("la inflación del 2,4 por ciento", "es", "#:2.4%");
	/* Small bare numbers say nothing; years are their own kind; times are not amounts */
	CHECK_KEYS("3 people and 42 cars at 10:45, in 2023.", "en", "y:2023");
	CHECK_KEYS("fondée en 2023 avec 150 salariés", "fr", "#:150 | y:2023");
}

/* Dates in a paragraph long enough not to be a dateline. */
#define LONG(s) s " and so on and so forth, and so on and so forth, and so on and so forth."
#define LONGZH(s) s "，此后一切照常进行，此后一切照常进行，此后一切照常进行。"

static void test_dates(void)
{
	CHECK_KEYS(LONG("It was announced on February 26, 2024."), "en", "d:2024-02-26");
	CHECK_KEYS(LONG("annoncé le 26 février 2024"), "fr", "d:2024-02-26");
	CHECK_KEYS(LONG("annunciato il 26 febbraio 2024"), "it", "d:2024-02-26");
	CHECK_KEYS(LONG("am 26. Februar 2024 angekündigt"), "de", "d:2024-02-26");
	CHECK_KEYS(LONG("anunciado el 26 de febrero de 2024"), "es", "d:2024-02-26");
	CHECK_KEYS(LONGZH("于2024年2月26日宣布"), "zh", "d:2024-02-26");
	CHECK_KEYS(LONGZH("2024年2月26日に発表"), "ja", "d:2024-02-26");
	CHECK_KEYS(LONG("on 02/07/2025"), "en", "d:2025-02-07");
	CHECK_KEYS(LONG("le 02/07/2025"), "fr", "d:2025-07-02");
	/* A dateline (a date and a few words alone) is the article's own date, no evidence */
	CHECK_KEYS("Diario del Sur · 14 de diciembre de 2023", "es", "");
}

static void test_names(void)
{
	/* A sentence's first word is a name only when the text capitalises it elsewhere. */
	CHECK_KEYS("Dans une interview, Microsoft a parlé. Microsoft a ajouté.", "fr", "n:microsoft");
	CHECK_KEYS("The company said on Monday that Microsoft invested.", "en", "n:microsoft");
	/* Names of several words, hyphenated, with elided articles and possessives */
	CHECK_KEYS("la responsable de Mistral AI, Audrey Herblin-Stoop, a déclaré", "fr",
	           "N:audrey herblin-stoop | N:mistral ai | n:ai | n:audrey | n:herblin-stoop | n:mistral");
	CHECK_KEYS("des liens avec l'Union européenne et d'OpenAI", "fr", "n:openai | n:union");
	CHECK_KEYS("as Microsoft's deal with OpenAI's rival grew", "en", "n:microsoft | n:openai");
	/* Latin names inside Chinese text, transliterated names, katakana names */
	CHECK_KEYS("Mistral AI的公共事务主管Audrey Herblin-Stoop强调", "zh",
	           "N:audrey herblin-stoop | N:mistral ai | n:ai | n:audrey | n:herblin-stoop | n:mistral");
	CHECK_KEYS("特斯拉CEO埃隆·马斯克的法律挑战", "zh", "n:ceo | n:特斯拉 | n:马斯克");
	CHECK_KEYS("マイクロソフトは発表した", "ja", "n:マイクロソフト");
	/* German capitalises nouns: after an article they are not names */
	CHECK_KEYS("Die Regierung hat gestern die Regierung gelobt, sagte Siemens.", "de", "n:siemens");
	/* Accents and case fold away */
	CHECK_KEYS("selon Élisabeth Borne et ÉLISABETH BORNE", "fr",
	           "N:elisabeth borne | n:borne | n:elisabeth");
}

static void test_quotes_urls(void)
{
	CHECK_KEYS("le modèle « Le Chat » et \"Mistral Large\" plus \"une phrase entière avec beaucoup de mots\"",
	           "fr", "n:chat | n:large | q:le chat | q:mistral large");
	CHECK_KEYS("see https://www.lemonde.fr/economie/article/x.html?utm=1 and www.afp.com/", "en",
	           "h:afp.com | h:lemonde.fr | u:lemonde.fr/economie/article/x.html");
}

/* The article's own URL is evidence, its host is not (every article of
 * the outlet has it); title case in a headline does not make names. */
static void test_article(void)
{
	struct article a = {0};
	article_parse(&a, "Mistral AI Maintains Open Source Pledge After Microsoft Deal\n\n"
	              "Source: https://winbuzzer.com/2024/03/01/mistral-pledge/\n\n"
	              "The French startup Mistral AI said it will stay open. Its deal with Microsoft "
	              "is worth 15 million euros, winbuzzer.com reported with a link to "
	              "https://winbuzzer.com/other/ and https://www.barrons.com/news/x.\n",
	              strlen("Mistral AI Maintains Open Source Pledge After Microsoft Deal\n\n"
	              "Source: https://winbuzzer.com/2024/03/01/mistral-pledge/\n\n"
	              "The French startup Mistral AI said it will stay open. Its deal with Microsoft "
	              "is worth 15 million euros, winbuzzer.com reported with a link to "
	              "https://winbuzzer.com/other/ and https://www.barrons.com/news/x.\n"));
	for (size_t i = 0; i < a.npara; i++)
		snprintf(a.paras[i].lang, sizeof a.paras[i].lang, "en");
	snprintf(a.lang, sizeof a.lang, "en");
	struct evidence ev;
	evidence_extract(&a, &ev);
	char *s = evidence_join(&ev);
	CHECK_STR(s, "#:1.5e+07€ | N:mistral ai | h:barrons.com | n:ai | n:french | n:microsoft | "
	             "n:mistral | u:barrons.com/news/x | u:winbuzzer.com/2024/03/01/mistral-pledge | "
	             "u:winbuzzer.com/other");
	CHECK(ev.n > 0 && ev.keys[0].hash == evidence_hash(ev.keys[0].text, strlen(ev.keys[0].text)));
	CHECK(evidence_hash("n:a", 3) >= 0);
	free(s);
	evidence_free(&ev);
	article_free(&a);
	/* No more than EVIDENCE_MAX_KEYS, the most telling kept */
	struct sbuf b = SBUF_INIT;
	for (int i = 0; i < 100; i++)
		sbuf_addf(&b, "Then Name%c%c met Person%c%c for %d euros. ", 'a' + i / 26, 'a' + i % 26,
		          'a' + i / 26, 'a' + i % 26, 1000 + i);
	evidence_from_text(b.s, "en", &ev);
	CHECK_INT(ev.n, EVIDENCE_MAX_KEYS);
	size_t multi = 0, money = 0;
	for (size_t i = 0; i < ev.n; i++) {
		multi += ev.keys[i].text[0] == 'N';
		money += strstr(ev.keys[i].text, "€") != NULL;
	}
	CHECK_INT(multi + money, EVIDENCE_MAX_KEYS);
	evidence_free(&ev);
	sbuf_free(&b);
}

static void explore(void)
{
	const char *cases[][2] = {
		{"fr", "La startup française Mistral AI, étoile montante, s'est engagée mardi. Lors d'un événement organisé par Microsoft à Paris, la responsable de Mistral AI, Audrey Herblin-Stoop, a déclaré. L'entreprise, valorisée 2 milliards de dollars, a présenté \"Mistral Large\"."},
		{"zh", "法国人工智能初创公司 Mistral AI 近日在微软于巴黎举办的一次活动中宣布,特斯拉CEO埃隆·马斯克的法律挑战。Mistral AI的公共事务主管Audrey Herblin-Stoop强调。投资1500万欧元，增长6.1%。"},
		{"it", "una partecipazione minoritaria – si parla di circa 15 milioni di euro – di Microsoft nell’azienda francese. Il PIL è cresciuto del 6,1 per cento."},
		{"en", "Microsoft has entered into a $2.1 billion partnership with Mistral. The deal, worth 15 million euros, grew 6.1%. On February 26, 2024 it was announced. See https://www.lemonde.fr/economie/article/2024/02/26/x.html?utm=1 for more."},
		{"de", "Die Regierung hat am 5. März 2024 beschlossen, dass die Deutsche Bank 1,5 Milliarden Euro zahlt. Der Konzern Siemens meldete 2.000 Stellen. Die Bank sagte das."},
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		char *s = keys_of(cases[i][1], cases[i][0]);
		printf("%s: %s\n", cases[i][0], s);
		free(s);
	}
}

int main(void)
{
	if (getenv("EXPLORE"))
		explore();
	test_numbers();
	test_dates();
	test_names();
	test_quotes_urls();
	test_article();
	return t_done();
}
