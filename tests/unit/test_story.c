/* test_story.c: story scoring (story.h) and story links in the store
 * (store_story.c): one event in several languages is one story, the same
 * bank's previous decision and the same company's other news are not,
 * an article bridging two stories merges them, a broken link stays broken. */
#include "t.h"
#include "diglot/hash.h"
#include "diglot/import.h"
#include "diglot/sbuf.h"
#include "diglot/story.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char tmpdir[64];

/* ---- scoring ------------------------------------------------------------- */

static void test_weights(void)
{
	/* A key only one other article of 1000 has weighs its kind's weight. */
	CHECK(fabs(story_key_weight("N:audrey herblin-stoop", 1, 1000) - 1.5) < 1e-9);
	CHECK(fabs(story_key_weight("n:mistral", 1, 1000) - 1.0) < 1e-9);
	CHECK(fabs(story_key_weight("#:1.5e+07€", 1, 1000) - 1.5) < 1e-9);
	CHECK(fabs(story_key_weight("#:2000", 1, 1000) - 0.8) < 1e-9);
	CHECK(fabs(story_key_weight("u:barrons.com/news/x", 1, 1000) - 3.0) < 1e-9);
	CHECK(fabs(story_key_weight("y:2023", 1, 1000) - 0.3) < 1e-9);
	/* Rarer weighs more: a name in 3 articles says more than one in 90 */
	CHECK(story_key_weight("n:herblin-stoop", 3, 1000) > 2 * story_key_weight("n:europe", 90, 1000));
	/* Over the cap (a tenth of the library, at least 8): nothing */
	CHECK_INT(story_df_cap(20), 8);
	CHECK_INT(story_df_cap(500), 50);
	CHECK_INT(story_df_cap(1000000), STORY_DF_MAX);
	CHECK(story_key_weight("n:europe", 101, 1000000) == 0);
	CHECK(story_key_weight("n:europe", 100, 1000000) > 0);

	struct evidence ev;
	evidence_from_text("Then Audrey Herblin-Stoop of Mistral AI spoke, and Mistral AI and Herblin-Stoop "
	                   "were praised.", "en", &ev);
	char *s = evidence_join(&ev);
	CHECK_STR(s, "N:audrey herblin-stoop | N:mistral ai | n:ai | n:audrey | n:herblin-stoop | n:mistral");
	free(s);
	double w[6] = {1, 1, 1, 1, 1, 1};
	int units;
	/* The words of a shared name count a quarter each, and not as units. */
	CHECK(fabs(story_score(&ev, w, 0x3F, &units) - 3.0) < 1e-9);
	CHECK_INT(units, 2);
	/* A single word shared without its name counts whole. */
	CHECK(fabs(story_score(&ev, w, 0x28, &units) - 2.0) < 1e-9);
	CHECK_INT(units, 2);
	evidence_free(&ev);

	CHECK(story_date_factor(0, 86400 * 400) == 1);
	CHECK(story_date_factor(86400 * 10, 86400 * 12) == 1);
	CHECK(story_date_factor(86400 * 10, 86400 * 30) == 0.6);
	CHECK(story_date_factor(86400 * 10, 86400 * 200) == 0.15);
	/* Three independent keys: a governor and a country alone (the same
	 * bank's other decision) are not enough. */
	CHECK(story_is_link(STORY_LINK_SCORE, 3));
	CHECK(!story_is_link(STORY_LINK_SCORE + 5, 2));
	CHECK(!story_is_link(STORY_LINK_SCORE - 0.01, 5));
}

static void test_also_in(void)
{
	const char *l1[] = {"fr", "it", "fr", "en"};
	char *s = story_also_in(l1, 4);
	CHECK_STR(s, "Also in: fr (2) \xc2\xb7 it \xc2\xb7 en");
	free(s);
	const char *l2[] = {"zh", "", "und", "en", "zh", "en"};
	s = story_also_in(l2, 6);
	CHECK_STR(s, "Also in: zh (2) \xc2\xb7 en (2)");
	free(s);
	s = story_also_in(NULL, 0);
	CHECK_STR(s, "");
	free(s);
}

/* Two reports side by side: titles together, paragraphs that share names
 * and numbers together, in order, the rest row by row. */
static void test_beside(void)
{
	struct article a = {0}, b = {0}, both;
	char *why = NULL;
	const char *ta = "Port of Marvella shut by strike\n\n"
	                 "The weather was calm in the bay on Tuesday, and the ferries ran to the islands "
	                 "as they always do at this time of the year.\n\n"
	                 "Dockworkers at the port of Marvella walked out on October 7, 2025, and the "
	                 "union said that 3,400 of its members had joined the strike.\n\n"
	                 "The head of the port authority, Elsa Varga, said that the losses could reach "
	                 "€12.5 million a day if the ships kept waiting.\n";
	const char *tb = "Marvella : grève au port\n\n"
	                 "Les dockers de Marvella ont cessé le travail le 7 octobre 2025 ; 3 400 grévistes.\n\n"
	                 "Un paragraphe sans rien de commun avec l'autre article.\n\n"
	                 "Selon Elsa Varga, les pertes atteignent 12,5 millions d'euros par jour.\n";
	CHECK_INT(import_bytes(ta, strlen(ta), NULL, &a, &why), DG_OK);
	CHECK_INT(import_bytes(tb, strlen(tb), NULL, &b, &why), DG_OK);
	story_beside(&a, &b, &both);
	CHECK_STR(both.lang, "en");
	CHECK_STR(both.lang2, "fr");
	CHECK_INT(both.npara, a.npara + b.npara);
	struct sbuf r = SBUF_INIT;
	for (size_t i = 0; i < both.nrow; i++)
		sbuf_addf(&r, "%u+%u|%u+%u ", both.rows[i].left, both.rows[i].nleft, both.rows[i].right,
		          both.rows[i].nright);
	/* a: title 0, weather 1, strike 2, losses 3; b (from 4): title 4, strike 5, nothing 6, losses 7 */
	CHECK_STR(r.s, "0+1|4+1 1+1|5+0 2+1|5+1 3+0|6+1 3+1|7+1 ");
	sbuf_free(&r);
	article_free(&both);
	article_free(&a);
	article_free(&b);
}

/* ---- linking in the store --------------------------------------------- */

static int64_t put_lex(struct store *st, const char *name, const char *text, const struct lexicon *lx);

static int64_t put(struct store *st, const char *name, const char *text)
{
	return put_lex(st, name, text, NULL);
}

/* Stored and linked as import does: the keys, what the lexicon adds to
 * them, the names a bilingual document teaches it. */
static int64_t put_lex(struct store *st, const char *name, const char *text, const struct lexicon *lx)
{
	struct article a = {0};
	char *why = NULL;
	if (import_bytes(text, strlen(text), NULL, &a, &why) != DG_OK) {
		fprintf(stderr, "%s: %s\n", name, why);
		free(why);
		return 0;
	}
	uint8_t sha[32];
	hash_sha256(text, strlen(text), sha);
	char *path = xasprintf("%s/%s", tmpdir, name);
	int64_t id = 0;
	enum store_put what;
	struct evidence ev;
	evidence_extract(&a, &ev);
	evidence_apply_lexicon(&a, lx, &ev);
	struct lex_pair *pairs;
	size_t np = evidence_lex_pairs(&a, &pairs);
	if (store_put_article(st, &a, path, sha, HASH_KEY_SIZE, a.date, &id, &what) != DG_OK ||
	    store_story_link(st, id, a.date, &ev) != DG_OK || store_lex_learn(st, pairs, np) != DG_OK) {
		fprintf(stderr, "%s: %s\n", name, store_error(st));
		id = 0;
	}
	lex_pairs_free(pairs, np);
	evidence_free(&ev);
	article_free(&a);
	free(path);
	return id;
}

static int64_t story(struct store *st, int64_t id)
{
	int64_t s = -1;
	CHECK_INT(store_story_of(st, id, &s), DG_OK);
	return s;
}

static int one_story(void *ctx, const struct store_story *s)
{
	struct sbuf *b = ctx;
	sbuf_addf(b, "%lld %s %lld %lld %s\n", (long long)s->id, s->langs, (long long)s->articles,
	          (long long)s->first, s->title);
	return 0;
}

/* Unrelated articles that give the library its background frequencies. */
static void background(struct store *st)
{
	static const char *const texts[] = {
		"Rain expected in the north\n\nForecasters said rain would reach Northfield on Friday.",
		"Le marché aux fleurs rouvre\n\nLe marché de Belleval rouvre samedi après travaux.",
		"Nuovo ponte a Verdino\n\nIl comune di Verdino ha aperto il ponte pedonale.",
		"Neue Buslinie in Lindenau\n\nDie Stadt Lindenau startet im Juni eine neue Buslinie.",
		"Record crowd at the marathon\n\nAbout 40,000 runners took part in the Harbor City race.",
		"La biblioteca amplía horario\n\nLa biblioteca de Sorrales abrirá también los domingos.",
	};
	for (size_t i = 0; i < ARRAY_SIZE(texts); i++) {
		char name[32];
		snprintf(name, sizeof name, "bg%zu.txt", i);
		CHECK(put(st, name, texts[i]) > 0);
	}
}

static void test_links(void)
{
	char *path = xasprintf("%s/lib.db", tmpdir), *err = NULL;
	struct store *st;
	CHECK_INT(store_open(&st, path, &err), DG_OK);
	background(st);
	/* One event in three languages, written apart */
	int64_t en = put(st, "en.txt",
		"Central Bank of Valdoria holds rates at 3.25%\n\nMarch 14, 2024\n\n"
		"The Central Bank of Valdoria kept its main rate at 3.25% on March 14, 2024, with "
		"inflation at 2.4%. Governor Ines Yamashiro said wages would be watched closely.");
	int64_t fr = put(st, "fr.txt",
		"La banque centrale de Valdoria maintient son taux à 3,25 %\n\n15 mars 2024\n\n"
		"La Banque centrale de Valdoria a maintenu son taux directeur à 3,25 % le 14 mars 2024, "
		"avec une inflation de 2,4 %. Selon la gouverneure Ines Yamashiro, les salaires seront suivis.");
	int64_t it = put(st, "it.txt",
		"Valdoria, tassi fermi al 3,25%\n\n14 marzo 2024\n\n"
		"La Banca centrale di Valdoria ha lasciato il tasso al 3,25% il 14 marzo 2024; "
		"l'inflazione è al 2,4%. La governatrice Ines Yamashiro seguirà i salari.");
	/* The same bank's previous decision, six weeks before: same bank, same governor */
	int64_t prev = put(st, "prev.txt",
		"Central Bank of Valdoria raises rates to 3.25%\n\nJanuary 31, 2024\n\n"
		"The Central Bank of Valdoria raised its main rate to 3.25% on January 31, 2024, with "
		"inflation at 3.1%. Governor Ines Yamashiro said the decision was not unanimous.");
	CHECK(en && fr && it && prev);
	CHECK(story(st, en) > 0);
	CHECK_INT(story(st, fr), story(st, en));
	CHECK_INT(story(st, it), story(st, en));
	CHECK_INT(story(st, prev), 0);

	/* The same company's other announcement does not join its deal */
	int64_t d1 = put(st, "deal-en.txt",
		"Norvia Systems to buy Arkelis Labs for $2.4 billion\n\nMarch 15, 2024\n\n"
		"Norvia Systems said it would acquire Arkelis Labs for $2.4 billion. Chief executive "
		"Victor Halvorsen said the deal would close within nine months; about 12,500 people "
		"will work for the combined company.");
	int64_t d2 = put(st, "deal-de.txt",
		"Norvia Systems kauft Arkelis Labs\n\n16. März 2024\n\n"
		"Der Konzern Norvia Systems übernimmt Arkelis Labs für 2,4 Milliarden Dollar. "
		"Vorstandschef Victor Halvorsen rechnet mit einem Abschluss in neun Monaten; "
		"das Unternehmen wird rund 12.500 Mitarbeiter haben.");
	int64_t launch = put(st, "launch-fr.txt",
		"Norvia Systems dévoile le Norvia Halo\n\n2 septembre 2024\n\n"
		"Norvia Systems a présenté le Norvia Halo, un appareil pliable vendu 1299 euros. "
		"Selon Clara Duval, il arrivera d'abord à Munich.");
	CHECK(story(st, d1) > 0 && story(st, d1) != story(st, en));
	CHECK_INT(story(st, d2), story(st, d1));
	CHECK_INT(story(st, launch), 0);

	/* An article bridging the two stories merges them into the older one */
	int64_t bridge = put(st, "bridge.txt",
		"Valdoria and Norvia\n\nMarch 16, 2024\n\n"
		"The Central Bank of Valdoria, whose rate stands at 3.25% after the March 14, 2024 "
		"decision by Ines Yamashiro, will study the $2.4 billion purchase of Arkelis Labs by "
		"Norvia Systems; Victor Halvorsen said 12,500 jobs were at stake.");
	int64_t bank_story = story(st, en);
	CHECK_INT(story(st, bridge), bank_story);
	CHECK_INT(story(st, d1), bank_story);
	CHECK_INT(story(st, d2), bank_story);

	struct sbuf b = SBUF_INIT;
	CHECK_INT(store_stories(st, one_story, &b), DG_OK);
	char *want = xasprintf("%lld de,en,fr,it 6 %lld Central Bank of Valdoria holds rates at 3.25%%\n",
	                       (long long)bank_story, (long long)en);
	CHECK_STR(b.s, want);
	free(want);
	sbuf_free(&b);

	/* list --story */
	struct store_filter f = STORE_FILTER_ALL;
	f.story = bank_story;
	int64_t n = 0;
	CHECK_INT(store_count(st, &f, &n), DG_OK);
	CHECK_INT(n, 6);

	/* Breaking the bridge's link takes it out; the merged story stays */
	CHECK_INT(store_story_unlink(st, bridge), DG_OK);
	CHECK_INT(story(st, bridge), 0);
	CHECK_INT(story(st, d1), bank_story);
	CHECK_INT(store_story_unlink(st, bridge), DG_NOTFOUND);
	want = xasprintf("article %lld is in no story", (long long)bridge);
	CHECK_STR(store_error(st), want);
	free(want);
	/* Linking it again (its text changed, say) does not remake the broken links */
	struct article a = {0};
	struct evidence ev;
	char *why = NULL;
	const char *again = "Valdoria and Norvia\n\nMarch 16, 2024\n\nThe Central Bank of Valdoria "
	                    "rate is 3.25% after the March 14, 2024 decision by Ines Yamashiro; "
	                    "Norvia Systems pays $2.4 billion for Arkelis Labs, said Victor Halvorsen.";
	CHECK_INT(import_bytes(again, strlen(again), NULL, &a, &why), DG_OK);
	evidence_extract(&a, &ev);
	CHECK_INT(store_begin(st), DG_OK);
	CHECK_INT(store_story_link(st, bridge, a.date, &ev), DG_OK);
	CHECK_INT(store_commit(st), DG_OK);
	CHECK_INT(story(st, bridge), 0);
	evidence_free(&ev);
	article_free(&a);

	/* A story of two loses one: dissolved */
	CHECK_INT(store_story_unlink(st, en), DG_OK);
	CHECK_INT(story(st, en), 0);
	CHECK_INT(story(st, fr), bank_story);

	/* Deleting an article takes its keys and its story row */
	CHECK_INT(store_delete(st, fr), DG_OK);
	CHECK_INT(story(st, fr), 0);
	CHECK_INT(story(st, it), bank_story);
	store_close(&st);
	free(path);
}

/* A Barron's-like bilingual document: the English half's Microsoft and
 * the Chinese half's 微软 in the same rows. */
static const char bilingual[] =
	"Microsoft invests in Mistral\n\n"
	"微软投资米斯特拉尔\n\n"
	"Microsoft said on Monday that it would invest 15 million euros in the French start-up Mistral AI, "
	"which builds open language models.\n\n"
	"微软周一表示，将向法国初创公司米斯特拉尔投资一千五百万欧元，该公司开发开放的语言模型。\n\n"
	"The deal gives Microsoft a stake in one of the few European companies able to train large models.\n\n"
	"这笔交易让微软持有少数能够训练大型模型的欧洲公司之一的股份。\n\n"
	"Analysts in Paris said the agreement would help the company sell its models to more customers.\n\n"
	"巴黎的分析师表示，这项协议将帮助该公司向更多客户销售其模型。\n\n"
	"Microsoft will offer the models on its cloud platform from next month.\n\n"
	"微软将从下个月起在其云平台上提供这些模型。\n";

static void test_lexicon_pairs(void)
{
	struct article a = {0};
	char *why = NULL;
	CHECK_INT(import_bytes(bilingual, strlen(bilingual), NULL, &a, &why), DG_OK);
	CHECK_STR(a.lang2, "zh");
	struct lex_pair *p;
	size_t n = evidence_lex_pairs(&a, &p);
	struct sbuf b = SBUF_INIT;
	for (size_t i = 0; i < n; i++)
		sbuf_addf(&b, "%s=%s;", p[i].cjk, p[i].key);
	CHECK_STR(sbuf_str(&b), "微软=n:microsoft;");
	sbuf_free(&b);
	lex_pairs_free(p, n);
	article_free(&a);
	/* a monolingual article teaches nothing */
	CHECK_INT(import_bytes("Microsoft and OpenAI\n\nMicrosoft said so.", 40, NULL, &a, &why), DG_OK);
	CHECK_INT(evidence_lex_pairs(&a, &p), 0);
	article_free(&a);
}

/* The zh and en reports of one deal share a date and an amount: two keys,
 * not a link, until the lexicon says 微软 is Microsoft. */
static const char deal_en[] =
	"Microsoft buys Corvane for 2.3 billion dollars\n\nMay 6, 2025\n\n"
	"Shares of Microsoft rose after it agreed on May 6, 2025 to buy a chip designer for 2.3 billion dollars.";
static const char deal_zh[] =
	"微软斥资23亿美元收购芯片公司\n\n2025年5月6日\n\n"
	"微软于2025年5月6日同意以23亿美元收购一家芯片设计公司，交易需要监管部门批准。";

static char *lex_keys(const char *text, const struct lexicon *lx)
{
	struct article a = {0};
	char *why = NULL;
	struct evidence ev;
	CHECK_INT(import_bytes(text, strlen(text), NULL, &a, &why), DG_OK);
	evidence_extract(&a, &ev);
	evidence_apply_lexicon(&a, lx, &ev);
	char *s = evidence_join(&ev);
	evidence_free(&ev);
	article_free(&a);
	return s;
}

static void test_lexicon_links(void)
{
	for (int with = 0; with < 2; with++) {
		char *path = xasprintf("%s/lex%d.db", tmpdir, with), *err = NULL;
		struct store *st;
		CHECK_INT(store_open(&st, path, &err), DG_OK);
		background(st);
		if (with)
			CHECK(put(st, "bilingual.txt", bilingual) > 0);
		struct lexicon *lx;
		CHECK_INT(store_lex_load(st, &lx), DG_OK);
		CHECK_INT(lexicon_size(lx), with ? 1 : 0);
		/* the zh report gets the en report's name */
		char *keys = lex_keys(deal_zh, lx);
		CHECK_STR(keys, with ? "#:2.3e+09$ | d:2025-05-06 | n:microsoft" : "#:2.3e+09$ | d:2025-05-06");
		free(keys);
		keys = lex_keys(deal_en, lx);
		CHECK_STR(keys, "#:2.3e+09$ | d:2025-05-06 | n:microsoft");
		free(keys);
		int64_t en = put_lex(st, "deal-en.txt", deal_en, lx);
		int64_t zh = put_lex(st, "deal-zh.txt", deal_zh, lx);
		CHECK(en > 0 && zh > 0);
		if (with)
			CHECK(story(st, en) != 0 && story(st, en) == story(st, zh));
		else
			CHECK_INT(story(st, zh), 0);
		lexicon_free(lx);
		store_close(&st);
		free(path);
	}
}

int main(void)
{
	snprintf(tmpdir, sizeof tmpdir, "/tmp/test_story.XXXXXX");
	if (!mkdtemp(tmpdir)) {
		perror("mkdtemp");
		return 1;
	}
	test_weights();
	test_also_in();
	test_beside();
	test_links();
	test_lexicon_pairs();
	test_lexicon_links();
	char *cmd = xasprintf("rm -rf '%s'", tmpdir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", tmpdir);
	free(cmd);
	return t_done();
}
