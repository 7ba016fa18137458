/* test_langid.c: unit tests of the langid module. */
#include "t.h"
#include "diglot/langid.h"

#include <stdlib.h>

static const char *detect(const char *s)
{
	static struct langid_result r;
	langid_detect(s, strlen(s), &r);
	return r.code;
}

static void test_sentences(void)
{
	static const struct {
		const char *want, *text;
	} cases[] = {
		{"zh", "法国人工智能初创公司近日在巴黎举办的一次活动中宣布将继续保持开源策略。"},
		{"zh", "Mistral AI的公共事务主管Audrey Herblin-Stoop强调"},
		{"zh", "Mistral AI致力于维护一个开放、协作的AI开发环境"},
		{"ja", "東京で開かれた会議で、新しい計画が発表されました。"},
		{"ja", "genfile は GNU paxuti"}, /* one particle among Latin words */
		{"ja", "Sony の PlayStation 5"},
		{"ko", "서울에서 열린 회의에서 새로운 계획이 발표되었습니다."},
		{"en", "The company said on Monday that it would keep its software open to everyone."},
		{"fr", "L'entreprise a annoncé lundi qu'elle continuerait à publier son logiciel librement."},
		{"de", "Das Unternehmen hat am Montag angekündigt, seine Software weiterhin offen zu halten."},
		{"it", "L'azienda ha annunciato lunedì che continuerà a pubblicare il suo software liberamente."},
		{"es", "La empresa anunció el lunes que seguirá publicando su programa de forma libre."},
		{"pt", "A empresa anunciou na segunda-feira que vai continuar a publicar o seu programa."},
		{"nl", "Het bedrijf heeft maandag aangekondigd dat het zijn software vrij blijft publiceren."},
		{"ru", "Компания объявила в понедельник, что продолжит свободно публиковать свои программы."},
		{"ar", "أعلنت الشركة يوم الاثنين أنها ستواصل نشر برامجها بحرية."},
		{"el", "Η εταιρεία ανακοίνωσε τη Δευτέρα ότι θα συνεχίσει να δημοσιεύει το λογισμικό της."},
		{"he", "החברה הודיעה ביום שני כי תמשיך לפרסם את התוכנה שלה באופן חופשי."},
		{"th", "บริษัทประกาศเมื่อวันจันทร์ว่าจะยังคงเผยแพร่ซอฟต์แวร์ต่อไป"},
		{"hi", "कंपनी ने सोमवार को कहा कि वह अपना सॉफ्टवेयर खुला रखेगी।"},
		{"en", "The word 你好 means hello in Chinese, and it is used every day."},
		{"und", "2024-03-01 12:30 1234567"},
		{"und", "😀😀🎉 👍"},
		{"und", ""},
		{"und", "--- *** ..."},
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++)
		CHECK_STR(detect(cases[i].text), cases[i].want);
}

static void test_short(void)
{
	struct langid_result r;
	const char *s = "Les types de";
	langid_detect(s, strlen(s), &r);
	CHECK_STR(r.code, "fr");
	CHECK(!r.reliable); /* a three-word guess is never reliable */
	s = "Всё хорошо";
	langid_detect(s, strlen(s), &r);
	CHECK_STR(r.code, "ru");
	s = "Ці дані є важливими";
	langid_detect(s, strlen(s), &r);
	CHECK_STR(r.code, "uk");
	s = "Die Bibliothek für Scanner";
	langid_detect(s, strlen(s), &r);
	CHECK_STR(r.code, "de");

	/* Short Latin snippets: the n-gram model, not CLD2's English guess. */
	static const struct {
		const char *want, *text;
	} cases[] = {
		{"pt", "Configuração do"},
		{"pt", "não é possível"},
		{"es", "Tamaño máximo de"},
		{"es", "el fichero de bloqueo"},
		{"it", "l'utente non può"},
		{"it", "Il comando pwd stampa la directory"},
		{"fr", "Le musée maritime"},
		{"nl", "het bestand wordt"},
		{"de", "Größe der Datei"},
		{"en", "the size of the file"},
		/* Latin languages outside the model: CLD2 with their own letters. */
		{"pl", "Zażółć gęślą jaźń, powiedział wczoraj minister zdrowia w Warszawie."},
		{"sv", "Regeringen meddelade på måndagen att skatterna höjs nästa år för alla."},
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++)
		CHECK_STR(detect(cases[i].text), cases[i].want);
}

static void add(struct article *a, const char *text, enum para_kind kind)
{
	article_add_para(a, text, strlen(text), kind);
}

static void test_article(void)
{
	struct article a;
	memset(&a, 0, sizeof a);
	add(&a, "Open Source Commitment", PARA_TITLE);
	add(&a, "French AI startup Mistral AI recently announced at a Microsoft event in Paris that it "
		"will maintain its open-source strategy, despite forming a joint venture.", PARA_BODY);
	add(&a, "Musk publicly stated on Monday that he plans to open-source his chatbot project, "
		"Grok, to foster widespread sharing of AI research.", PARA_BODY);
	add(&a, "Par Jean Dupont", PARA_BODY);
	add(&a, "中文标题", PARA_TITLE);
	langid_article(&a);
	CHECK_STR(a.paras[0].lang, "en"); /* short title inherits from its body */
	CHECK_STR(a.paras[1].lang, "en");
	CHECK_STR(a.paras[3].lang, "en"); /* byline in Latin script: the neighbour's */
	CHECK_STR(a.paras[4].lang, "zh"); /* script disagrees: keeps its own */
	CHECK_STR(a.lang, "en");
	article_free(&a);

	/* Bilingual: the language with the most letters, Han counting 2.5. */
	memset(&a, 0, sizeof a);
	add(&a, "开源承诺", PARA_TITLE);
	add(&a, "法国人工智能初创公司Mistral AI近日在微软于巴黎举办的一次活动中宣布，尽管与微软合作成立了"
		"一家销售其部分软件的合资企业，但公司仍坚定承诺将继续保持开源策略。", PARA_BODY);
	add(&a, "Mistral AI will maintain its open-source strategy.", PARA_BODY);
	langid_article(&a);
	CHECK_STR(a.paras[0].lang, "zh");
	CHECK_STR(a.paras[1].lang, "zh");
	CHECK_STR(a.paras[2].lang, "en");
	CHECK_STR(a.lang, "zh");
	article_free(&a);

	/* Interleaved: a French title of ten words keeps French beside its
	 * English translation; a date inherits, a names-only byline too. */
	memset(&a, 0, sizeof a);
	add(&a, "Le musée maritime de Kestrel Bay rouvre après deux ans de travaux", PARA_TITLE);
	add(&a, "Kestrel Bay Maritime Museum reopens after two years of work", PARA_TITLE);
	add(&a, "22/06/2025", PARA_BODY);
	add(&a, "Le musée maritime de Kestrel Bay a rouvert ses portes mercredi, après deux ans "
		"de travaux de rénovation et d'agrandissement.", PARA_BODY);
	add(&a, "The Kestrel Bay Maritime Museum reopened on Wednesday after two years of "
		"renovation and expansion work.", PARA_BODY);
	add(&a, "By Jane Okafor, Harbor Gazette", PARA_BODY);
	add(&a, "The museum is open Tuesday to Sunday from 10 a.m. to 6 p.m., and entry is free "
		"for children under twelve.", PARA_BODY);
	langid_article(&a);
	CHECK_STR(a.paras[0].lang, "fr");
	CHECK_STR(a.paras[1].lang, "en");
	CHECK_STR(a.paras[2].lang, "fr"); /* nearest solid paragraph, any script */
	CHECK_STR(a.paras[3].lang, "fr");
	CHECK_STR(a.paras[5].lang, "en");
	article_free(&a);

	/* A paragraph cut in two: its short end stands between its German
	 * start and the English translation, nearer the English; its own
	 * reliable reading, German, is one of its neighbours': kept. */
	memset(&a, 0, sizeof a);
	add(&a, "Notwendige Argumente für Optionen in Langform sind auch", PARA_BODY);
	add(&a, "für die Kurzform notwendig.", PARA_BODY);
	add(&a, "Mandatory arguments to long options are mandatory for short options too.", PARA_BODY);
	add(&a, "Der Name der Klasse wird durch das Anhängen des Namens der Sprache gebildet.", PARA_BODY);
	langid_article(&a);
	CHECK_STR(a.paras[1].lang, "de");
	CHECK_STR(a.paras[2].lang, "en");
	article_free(&a);

	/* A short Chinese line naming Latin terms has more Latin letters than
	 * Han ones, but reads as Chinese: it borrows from Chinese neighbours
	 * or keeps its reading, never the French paragraph's. */
	memset(&a, 0, sizeof a);
	add(&a, "不要替换比归档中副本更新的已存在的文件", PARA_BODY);
	add(&a, "Faire une copie de sauvegarde de chaque fichier avant de le supprimer.", PARA_BODY);
	add(&a, "PATTERN 可以是‘default’或是‘zeros’", PARA_BODY);
	add(&a, "Remplir le fichier avec le motif donné, qui peut être « default » ou « zeros ».", PARA_BODY);
	langid_article(&a);
	CHECK_STR(a.paras[2].lang, "zh");
	article_free(&a);

	/* An Italian paragraph quoting a long English message and some code
	 * is Italian: its own words are. */
	memset(&a, 0, sizeof a);
	add(&a, "Il programma si è fermato ieri sera con `make install`, e sullo schermo del computer c'era soltanto questo messaggio: "
		"\"Could not open the configuration file: permission denied for the current user account, "
		"please check the settings and try again later. If the problem persists, contact the system "
		"administrator and send them the log file that was written to the home directory.\"", PARA_BODY);
	langid_article(&a);
	CHECK_STR(a.paras[0].lang, "it");
	article_free(&a);

	memset(&a, 0, sizeof a);
	langid_article(&a);
	CHECK_STR(a.lang, "und");
	article_free(&a);
}

static void test_native_names(void)
{
	static const struct {
		const char *code, *name;
	} cases[] = {
		{"zh", "中文"}, {"en", "English"}, {"fr", "Français"}, {"it", "Italiano"},
		{"de", "Deutsch"}, {"es", "Español"}, {"pt", "Português"}, {"nl", "Nederlands"},
		{"ja", "日本語"}, {"ko", "한국어"}, {"ru", "Русский"}, {"ar", "العربية"},
		{"xx", "xx"}, {"und", "und"},
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++)
		CHECK_STR(langid_native_name(cases[i].code), cases[i].name);
}

int main(void)
{
	test_sentences();
	test_short();
	test_article();
	test_native_names();
	return t_done();
}
