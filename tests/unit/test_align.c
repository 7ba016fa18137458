/* test_align.c: unit tests of the align module: the Gale & Church beads,
 * anchors rescuing omitted paragraphs, and rows over whole articles. */
#include "t.h"
#include "diglot/align.h"

#include <stdlib.h>

#define MAXSEG 16

struct side {
	const char *p[MAXSEG];
};

static size_t count(const struct side *s)
{
	size_t n = 0;
	while (n < MAXSEG && s->p[n])
		n++;
	return n;
}

static void to_segs(const struct side *s, struct align_seg *out, size_t n)
{
	for (size_t i = 0; i < n; i++)
		out[i] = (struct align_seg){s->p[i], strlen(s->p[i])};
}

/* Rows as text "l0-r0 l1,l2-r1 l3-" for compact comparisons. */
static void rows_str(const struct row *r, size_t n, char *buf, size_t cap)
{
	size_t k = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < n && k + 32 < cap; i++) {
		if (i)
			buf[k++] = ' ';
		for (uint32_t j = 0; j < r[i].nleft; j++)
			k += (size_t)snprintf(buf + k, cap - k, "%s%u", j ? "," : "", r[i].left + j);
		buf[k++] = '-';
		for (uint32_t j = 0; j < r[i].nright; j++)
			k += (size_t)snprintf(buf + k, cap - k, "%s%u", j ? "," : "", r[i].right + j);
		buf[k] = '\0';
	}
}

/* Every segment in exactly one row, in order on each side. */
static bool covers(const struct row *r, size_t n, size_t nl, size_t nr)
{
	uint32_t nextl = 0, nextr = 0;
	for (size_t i = 0; i < n; i++) {
		if (r[i].nleft && r[i].left != nextl)
			return false;
		if (r[i].nright && r[i].right != nextr)
			return false;
		if (!r[i].nleft && !r[i].nright)
			return false;
		nextl += r[i].nleft;
		nextr += r[i].nright;
	}
	return nextl == nl && nextr == nr;
}

static const char EN1[] = "French AI startup Mistral AI announced at a Microsoft event in Paris that it will keep its open-source strategy, despite a joint venture with the tech giant.";
static const char EN2[] = "Musk said on March 11 that he plans to open-source his chatbot Grok to foster the sharing of AI research across the industry.";
static const char EN3[] = "Audrey Herblin-Stoop, head of public affairs, said open source is key to building a European AI ecosystem that can compete with American companies.";
static const char EN4[] = "The company raised 385 million euros in 2023 and now employs about 60 people in Paris and London.";
static const char EN5[] = "Analysts expect the competition in the sector to intensify in 2024.";
static const char ZH1[] = "法国人工智能初创公司Mistral AI近日在微软于巴黎举办的活动中宣布，尽管与这家科技巨头成立了合资企业，仍将坚持开源策略。";
static const char ZH2[] = "马斯克3月11日表示，他计划将聊天机器人Grok开源，以促进人工智能研究的共享。";
static const char ZH3[] = "公共事务主管Audrey Herblin-Stoop表示，开源对于构建能与美国公司竞争的欧洲人工智能生态系统至关重要。";
static const char ZH4[] = "该公司在2023年融资3.85亿欧元，目前在巴黎和伦敦雇有约60名员工。";
static const char ZH5[] = "分析人士预计，该行业的竞争将在2024年加剧。";

/* data/samples/ja-en-typhoon-ferries.txt: the English omits the helicopter
 * paragraph (JA3).  Its 20% of the Japanese text skews the document's length
 * ratio enough that a first pass hides it in a 2-1 bead with JA2, and only
 * the 1-1 beads give the ratio back. */
static const char JA1[] = "大型で強い台風4号の接近に伴い、潮見港と沖合の三つの島を結ぶフェリーは11日、始発から全便が欠航した。運航会社の潮見汽船によると、欠航は少なくとも12日午後まで続く見通しで、約1,800人の利用者に影響が出ている。";
static const char JA2[] = "気象台によると、台風は12日未明に最も接近し、最大瞬間風速は45メートルに達するおそれがある。市は沿岸部の約2,300世帯に避難指示を出し、公民館など14か所に避難所を開設した。";
static const char JA3[] = "島に住む高齢者の通院を支えるため、市は医療用ヘリコプター1機を待機させている。鶴島の診療所の看護師は「薬が足りなくなる人がいないよう、前日までに全員に電話した」と話した。";
static const char JA4[] = "港の近くで喫茶店を営む女性は、窓に板を打ち付けながら「台風のたびにこの作業をしているけれど、今年は早すぎる」と苦笑した。";
static const char JA5[] = "潮見汽船は、運航を再開するかどうかを12日正午に発表するとしている。";
static const char JADATE[] = "2025年7月11日 18:40　港町新報";
static const char JE1[] = "All ferries linking Shiomi port with three offshore islands were cancelled from the first sailing on the 11th as the large and strong Typhoon No. 4 approached. According to the operator, Shiomi Kisen, the cancellations are expected to last at least until the afternoon of the 12th, affecting about 1,800 passengers.";
static const char JE2[] = "According to the meteorological office, the typhoon will come closest before dawn on the 12th, with gusts that could reach 45 metres per second. The city has issued evacuation orders to about 2,300 households along the coast and opened 14 shelters, including community centres.";
static const char JE3[] = "A woman who runs a coffee shop near the port smiled wryly as she boarded up her windows: \u201cI do this every typhoon, but this year it is far too early.\u201d";
static const char JE4[] = "Shiomi Kisen says it will announce at noon on the 12th whether services will resume.";

struct case_ {
	const char *name;
	struct side l, r;
	bool anchors;
	const char *want;
};

static const struct case_ cases[] = {
	{"1-1 zh/en", {{ZH1, ZH2, ZH3, ZH4, ZH5}}, {{EN1, EN2, EN3, EN4, EN5}}, true,
	 "0-0 1-1 2-2 3-3 4-4"},
	{"1-1 plain", {{ZH1, ZH2, ZH3, ZH4, ZH5}}, {{EN1, EN2, EN3, EN4, EN5}}, false,
	 "0-0 1-1 2-2 3-3 4-4"},
	{"merged 1-2", {{ZH1, ZH2, ZH3, ZH4, ZH5}},
	 {{EN1, EN2, "Audrey Herblin-Stoop, head of public affairs, said open source is key to building a European AI ecosystem that can compete with American companies. The company raised 385 million euros in 2023 and now employs about 60 people in Paris and London.", EN5}},
	 true, "0-0 1-1 2,3-2 4-3"},
	{"omitted 1-0 anchors", {{ZH1, ZH2, ZH3, ZH4, ZH5}}, {{EN1, EN3, EN4, EN5}}, true,
	 "0-0 1- 2-1 3-2 4-3"},
	{"omitted 0-1 anchors", {{ZH1, ZH2, ZH3, ZH5}}, {{EN1, EN2, EN3, EN4, EN5}}, true,
	 "0-0 1-1 2-2 -3 3-4"},
	{"omitted 1-0 plain", {{ZH1, ZH2, ZH3, ZH4, ZH5}}, {{EN1, EN3, EN4, EN5}}, false,
	 "0-0 1- 2-1 3-2 4-3"},
	{"omitted 0-1 plain", {{ZH1, ZH2, ZH3, ZH5}}, {{EN1, EN2, EN3, EN4, EN5}}, false,
	 "0-0 1-1 2-2 -3 3-4"},
	{"ja/en omitted paragraph, not 2-1", {{JA1, JA2, JA3, JA4, JA5}}, {{JE1, JE2, JE3, JE4}}, true,
	 "0-0 1-1 2- 3-2 4-3"},
	{"ja/en omitted paragraph and date line", {{JADATE, JA1, JA2, JA3, JA4, JA5}},
	 {{JE1, JE2, JE3, JE4}}, true, "0- 1-0 2-1 3- 4-2 5-3"},
	/* the translator merged two paragraphs and the English left the
	 * first of them out: two 1-1 rows, not one 2-2 row pairing the
	 * first paragraph with the wrong one */
	{"merged and omitted, not 2-2", {{ZH1, "马斯克3月11日表示，他计划将聊天机器人Grok开源。公共事务主管Audrey Herblin-Stoop表示，开源对于构建能与美国公司竞争的欧洲人工智能生态系统至关重要。", ZH4, ZH5}},
	 {{EN1, EN3, EN4, EN5}}, false, "0-0 1-1 2-2 3-3"},
	{"one paragraph each", {{ZH1}}, {{EN1}}, true, "0-0"},
	{"left only", {{ZH1, ZH2}}, {{NULL}}, true, "0- 1-"},
	{"right only", {{NULL}}, {{EN1}}, true, "-0"},
	{"empty", {{NULL}}, {{NULL}}, true, ""},
	/* lengths alike and no names: only word starts shared by the two
	 * languages ("selector", "usuario"/"user", "recursos"/"resources")
	 * tell which Spanish paragraph has no English */
	{"es/en omitted paragraph, cognates", {{
	  "Nombre del tema de cursor que utilizar, o NULL para usar el tema predeterminado",
	  "La lista de destinos que soporta este búfer para copiar desde el portapapeles y el origen del DND",
	  "Indica si un selector de archivos en modo distinto a abrir ofrece al usuario la posibilidad de crear carpetas nuevas.",
	  "Indica si deben mostrarse los elementos que apuntan a recursos no disponibles"}},
	 {{"Name of the cursor theme to use, or NULL to use the default theme",
	   "Whether a file chooser not in open mode will offer the user to create new folders.",
	   "Whether the items pointing to unavailable resources should be displayed"}},
	 true, "0-0 1- 2-1 3-2"},
	{"fr/en accents and names", {{
	  "Le président Emmanuel Macron a reçu mardi à l'Élysée les dirigeants de Renault et de Stellantis.",
	  "Les deux constructeurs ont annoncé 12 000 suppressions d'emplois d'ici 2026.",
	  "« Nous ferons tout pour préserver l'industrie », a déclaré le ministre Bruno Le Maire."}},
	 {{"President Emmanuel Macron received the heads of Renault and Stellantis at the Élysée on Tuesday.",
	   "The two carmakers announced 12,000 job cuts by 2026.",
	   "\"We will do everything to preserve industry,\" said minister Bruno Le Maire."}},
	 true, "0-0 1-1 2-2"},
};

static void test_segments(void)
{
	for (size_t c = 0; c < ARRAY_SIZE(cases); c++) {
		const struct case_ *t = &cases[c];
		struct align_seg l[MAXSEG], r[MAXSEG];
		size_t nl = count(&t->l), nr = count(&t->r);
		to_segs(&t->l, l, nl);
		to_segs(&t->r, r, nr);
		struct align_opts o = {.anchors = t->anchors};
		struct row *rows;
		size_t n = align_segments_opts(l, nl, r, nr, &o, &rows);
		char got[512];
		rows_str(rows, n, got, sizeof got);
		if (strcmp(got, t->want))
			fprintf(stderr, "case %s\n", t->name);
		CHECK_STR(got, t->want);
		CHECK(covers(rows, n, nl, nr));
		free(rows);
	}
}

/* Paragraphs of equal length: only the years tell where the gap is, so
 * plain Gale & Church can only guess and anchors must find it. */
static void test_anchor_locates_gap(void)
{
	static const char *years[] = {"2019", "2020", "2021", "2022", "2023"};
	char zh[5][160], en[4][160];
	struct align_seg l[5], r[4];
	for (size_t i = 0, k = 0; i < 5; i++) {
		snprintf(zh[i], sizeof zh[i], "公司在%s年的收入增长了百分之十二，利润同样大幅上升。", years[i]);
		l[i] = (struct align_seg){zh[i], strlen(zh[i])};
		if (i == 2)
			continue; /* 2021 is missing on the right */
		snprintf(en[k], sizeof en[k], "The company's revenue grew by twelve percent in %s, and profit rose sharply.", years[i]);
		r[k] = (struct align_seg){en[k], strlen(en[k])};
		k++;
	}
	struct row *rows;
	size_t n = align_segments(l, 5, r, 4, &rows);
	char got[256];
	rows_str(rows, n, got, sizeof got);
	CHECK_STR(got, "0-0 1-1 2- 3-2 4-3");
	free(rows);
}

static struct article make(const char *const *text, const signed char *side, const unsigned char *kind, size_t n)
{
	struct article a = {0};
	for (size_t i = 0; i < n; i++) {
		struct para *p = article_add_para(&a, text[i], strlen(text[i]), kind[i]);
		p->side = side[i];
	}
	strcpy(a.lang, "zh");
	strcpy(a.lang2, "en");
	return a;
}

/* Each paragraph of the article in exactly one row. */
static bool article_covered(const struct article *a)
{
	unsigned char *seen = calloc(a->npara + 1, 1);
	bool ok = true;
	for (size_t i = 0; i < a->nrow; i++) {
		const struct row *r = &a->rows[i];
		for (uint32_t k = 0; k < r->nleft; k++) {
			size_t p = row_nth(a, r->left, k);
			ok &= p < a->npara && !seen[p]++ && a->paras[p].side == SIDE_LEFT;
		}
		for (uint32_t k = 0; k < r->nright; k++) {
			size_t p = row_nth(a, r->right, k);
			ok &= p < a->npara && !seen[p]++ && a->paras[p].side == SIDE_RIGHT;
		}
	}
	for (size_t i = 0; i < a->npara; i++)
		ok &= seen[i] == 1;
	free(seen);
	return ok;
}

static void test_article_blocks(void)
{
	const char *text[] = {"Mistral AI坚持开源", ZH1, ZH2, ZH3,
	                      "Mistral AI Stays True to Open Source", "**Keywords:** open source, Musk",
	                      EN1, EN2, EN3};
	const signed char side[] = {0, 0, 0, 0, 1, 1, 1, 1, 1};
	const unsigned char kind[] = {PARA_TITLE, 0, 0, 0, PARA_TITLE, PARA_META, 0, 0, 0};
	struct article a = make(text, side, kind, ARRAY_SIZE(text));
	align_article(&a);
	CHECK(article_covered(&a));
	CHECK_INT(a.nrow, 5);
	char got[256];
	rows_str(a.rows, a.nrow, got, sizeof got);
	/* titles first, the lone meta line on its own row where it stands */
	CHECK_STR(got, "0-4 -5 1-6 2-7 3-8");
	article_free(&a);
}

static void test_article_interleaved(void)
{
	const char *text[] = {ZH1, EN1, ZH2, EN2, ZH3, EN3, ZH4, EN4};
	const signed char side[] = {0, 1, 0, 1, 0, 1, 0, 1};
	const unsigned char kind[] = {0, 0, 0, 0, 0, 0, 0, 0};
	struct article a = make(text, side, kind, ARRAY_SIZE(text));
	align_article(&a);
	CHECK(article_covered(&a));
	char got[256];
	rows_str(a.rows, a.nrow, got, sizeof got);
	CHECK_STR(got, "0-1 2-3 4-5 6-7");
	article_free(&a);
}

/* A heading below a side's text (a "Related" box, "Vues : 342" taken for
 * a heading) is not that side's title: it keeps its place at the end. */
static void test_article_late_heading(void)
{
	const char *text[] = {"Mistral AI坚持开源", ZH1, ZH2, "Mistral AI Stays True to Open Source", EN1, EN2,
	                      "Related"};
	const signed char side[] = {0, 0, 0, 1, 1, 1, 1};
	const unsigned char kind[] = {PARA_TITLE, 0, 0, PARA_TITLE, 0, 0, PARA_TITLE};
	struct article a = make(text, side, kind, ARRAY_SIZE(text));
	align_article(&a);
	CHECK(article_covered(&a));
	char got[256];
	rows_str(a.rows, a.nrow, got, sizeof got);
	CHECK_STR(got, "0-3 1-4 2-5 -6");
	article_free(&a);
}

static void test_article_edges(void)
{
	struct article a = {0};
	align_article(&a);
	CHECK_INT(a.nrow, 0);
	article_free(&a);

	const char *text[] = {"单独一段。", "A lone paragraph."};
	const signed char side[] = {0, 1};
	const unsigned char kind[] = {0, 0};
	a = make(text, side, kind, 2);
	align_article(&a);
	CHECK_INT(a.nrow, 1);
	CHECK(article_covered(&a));
	article_free(&a);

	/* emoji, combining marks and RTL text are just characters */
	const char *t2[] = {"مرحبا بالعالم 2024 👋", "e\xcc\x81t\xc3\xa9 2024 👋", "שלום"};
	const signed char s2[] = {0, 1, 1};
	const unsigned char k2[] = {0, 0, 0};
	a = make(t2, s2, k2, 3);
	align_article(&a);
	CHECK(article_covered(&a));
	article_free(&a);
}

int main(void)
{
	test_segments();
	test_anchor_locates_gap();
	test_article_blocks();
	test_article_interleaved();
	test_article_late_heading();
	test_article_edges();
	return t_done();
}
