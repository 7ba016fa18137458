/* test_sentence.c: unit tests of sentence.c: sentence boundaries in many
 * languages and scripts (table: text -> sentences joined by '|'), and the
 * confidence rules of sentence pairs (counts, lengths, anchors). */
#include "t.h"
#include "diglot/sentence.h"
#include "diglot/sbuf.h"

#include <stdlib.h>

static const struct {
	const char *text;
	const char *want; /* sentences joined by '|' */
} splits[] = {
	{"", ""},
	{"   ", ""},
	{"One sentence only", "One sentence only"},
	{"It rained. Then it stopped.", "It rained.|Then it stopped."},
	{"Really? Yes! Good.", "Really?|Yes!|Good."},
	{"Wait... What happened?", "Wait...|What happened?"},
	{"He paused\xE2\x80\xA6 and went on.", "He paused\xE2\x80\xA6 and went on."},
	{"It ended\xE2\x80\xA6 Nobody spoke.", "It ended\xE2\x80\xA6|Nobody spoke."},
	/* abbreviations, initials, numbers */
	{"Mr. Smith met Dr. Jones at St. Mary's.", "Mr. Smith met Dr. Jones at St. Mary's."},
	{"It opened at 9 a.m. on Monday. Crowds came.", "It opened at 9 a.m. on Monday.|Crowds came."},
	{"Fruit, e.g. Apples, i.e. Food. Done.", "Fruit, e.g. Apples, i.e. Food.|Done."},
	{"He moved to the U.S. Army base.", "He moved to the U.S. Army base."},
	{"Books by J. R. R. Tolkien sold well. Fans queued.",
	 "Books by J. R. R. Tolkien sold well.|Fans queued."},
	{"The bridge is 2.4 km long. It cost 1.8 billion.", "The bridge is 2.4 km long.|It cost 1.8 billion."},
	{"Apples, pears, etc. Were sold. No. 5 won.", "Apples, pears, etc. Were sold.|No. 5 won."},
	{"Team A vs. Team Blue. Final score 3-1.", "Team A vs. Team Blue.|Final score 3-1."},
	{"Plan B. Then", "Plan B. Then"}, /* a capital alone reads as an initial */
	{"Sales rose in 2024. 35 shops opened.", "Sales rose in 2024.|35 shops opened."},
	{"see example.com. Next", "see example.com.|Next"},
	{"it was lower case. and this too", "it was lower case. and this too"},
	/* quotations: closing quotes stay, open quotes are one sentence */
	{"\xE2\x80\x9CThis bridge is ours. It is for everyone,\xE2\x80\x9D she said. People cheered.",
	 "\xE2\x80\x9CThis bridge is ours. It is for everyone,\xE2\x80\x9D she said.|People cheered."},
	{"He said \"Go home.\" Then he left.", "He said \"Go home.\"|Then he left."},
	{"She asked: \xE2\x80\x9CWhy?\xE2\x80\x9D Nobody knew.", "She asked: \xE2\x80\x9CWhy?\xE2\x80\x9D|Nobody knew."},
	{"It ended. \xE2\x80\x9CNever again,\xE2\x80\x9D he said.", "It ended.|\xE2\x80\x9CNever again,\xE2\x80\x9D he said."},
	{"(See below.) The end.", "(See below.)|The end."},
	/* French, German, Spanish, Italian, Russian, Greek */
	{"M. Dupont est arriv\xC3\xA9. Mme Martin aussi.", "M. Dupont est arriv\xC3\xA9.|Mme Martin aussi."},
	{"Il a dit \xC2\xAB Non. Jamais. \xC2\xBB Puis il est parti.",
	 "Il a dit \xC2\xAB Non. Jamais. \xC2\xBB|Puis il est parti."},
	{"Le mus\xC3\xA9" "e rouvre ! \xC3\x80 Paris, la foule attend.",
	 "Le mus\xC3\xA9" "e rouvre !|\xC3\x80 Paris, la foule attend."},
	{"Am 3. Oktober wurde gefeiert. Die Stadt, z.B. Berlin, jubelte.",
	 "Am 3. Oktober wurde gefeiert.|Die Stadt, z.B. Berlin, jubelte."},
	{"\xC2\xBFQu\xC3\xA9 pas\xC3\xB3? \xC2\xA1Nadie lo sabe! La Sra. Garc\xC3\xAD" "a habl\xC3\xB3.",
	 "\xC2\xBFQu\xC3\xA9 pas\xC3\xB3?|\xC2\xA1Nadie lo sabe!|La Sra. Garc\xC3\xAD" "a habl\xC3\xB3."},
	{"Il Dott. Rossi \xC3\xA8 qui. Arriva domani.", "Il Dott. Rossi \xC3\xA8 qui.|Arriva domani."},
	{"\xD0\x9C\xD0\xBE\xD1\x81\xD1\x82 \xD0\xBE\xD1\x82\xD0\xBA\xD1\x80\xD1\x8B\xD1\x82. \xD0\x9B\xD1\x8E\xD0\xB4\xD0\xB8 \xD1\x80\xD0\xB0\xD0\xB4\xD1\x8B.",
	 "\xD0\x9C\xD0\xBE\xD1\x81\xD1\x82 \xD0\xBE\xD1\x82\xD0\xBA\xD1\x80\xD1\x8B\xD1\x82.|\xD0\x9B\xD1\x8E\xD0\xB4\xD0\xB8 \xD1\x80\xD0\xB0\xD0\xB4\xD1\x8B."},
	{"\xCE\x97 \xCE\xB3\xCE\xAD\xCF\x86\xCF\x85\xCF\x81\xCE\xB1 \xCE\xAC\xCE\xBD\xCE\xBF\xCE\xB9\xCE\xBE\xCE\xB5. \xCE\x9F\xCE\xB9 \xCF\x80\xCE\xBF\xCE\xBB\xCE\xAF\xCF\x84\xCE\xB5\xCF\x82 \xCF\x87\xCE\xAC\xCF\x81\xCE\xB7\xCE\xBA\xCE\xB1\xCE\xBD.",
	 "\xCE\x97 \xCE\xB3\xCE\xAD\xCF\x86\xCF\x85\xCF\x81\xCE\xB1 \xCE\xAC\xCE\xBD\xCE\xBF\xCE\xB9\xCE\xBE\xCE\xB5.|\xCE\x9F\xCE\xB9 \xCF\x80\xCE\xBF\xCE\xBB\xCE\xAF\xCF\x84\xCE\xB5\xCF\x82 \xCF\x87\xCE\xAC\xCF\x81\xCE\xB7\xCE\xBA\xCE\xB1\xCE\xBD."},
	/* Arabic (caseless): a full stop then a letter */
	{"\xD8\xA7\xD9\x81\xD8\xAA\xD8\xAA\xD8\xAD \xD8\xA7\xD9\x84\xD8\xAC\xD8\xB3\xD8\xB1. \xD9\x81\xD8\xB1\xD8\xAD \xD8\xA7\xD9\x84\xD9\x86\xD8\xA7\xD8\xB3.",
	 "\xD8\xA7\xD9\x81\xD8\xAA\xD8\xAA\xD8\xAD \xD8\xA7\xD9\x84\xD8\xAC\xD8\xB3\xD8\xB1.|\xD9\x81\xD8\xB1\xD8\xAD \xD8\xA7\xD9\x84\xD9\x86\xD8\xA7\xD8\xB3."},
	/* Chinese and Japanese */
	{"大桥正式通车。市民步行过桥！你去了吗？", "大桥正式通车。|市民步行过桥！|你去了吗？"},
	{"她说：“这座桥属于每天赶早班的人。”市长笑了。", "她说：“这座桥属于每天赶早班的人。”|市长笑了。"},
	{"他问：“你好。我很好吗？”然后走了。", "他问：“你好。我很好吗？”|然后走了。"},
	{"「行くぞ！」と彼は言った。船は出た。", "「行くぞ！」と彼は言った。|船は出た。"},
	{"全长2.4公里。总投资约18亿美元。", "全长2.4公里。|总投资约18亿美元。"},
	{"真的吗？！是的。", "真的吗？！|是的。"},
	{"计划开源.马斯克表示同意!项目启动", "计划开源.|马斯克表示同意!|项目启动"},
	{"Mistral AI的主管Audrey表示同意。Mr. Musk也是。", "Mistral AI的主管Audrey表示同意。|Mr. Musk也是。"},
	/* Korean, with emoji and combining marks */
	{"다리가 개통했다. 시민들이 걸었다.", "다리가 개통했다.|시민들이 걸었다."},
	{"Great day \xF0\x9F\x8E\x89. Everyone came.", "Great day \xF0\x9F\x8E\x89.|Everyone came."},
	{"Cafe\xCC\x81 opened. Cre\xCC\x80me sold out.", "Cafe\xCC\x81 opened.|Cre\xCC\x80me sold out."},
	/* hard line breaks end a sentence */
	{"Line one\nLine two. Three.", "Line one|Line two.|Three."},
};

static char *joined(const char *text, const struct span *v, size_t n)
{
	struct sbuf b = SBUF_INIT;
	for (size_t i = 0; i < n; i++) {
		if (i)
			sbuf_addc(&b, '|');
		sbuf_add(&b, text + v[i].off, v[i].len);
	}
	return sbuf_detach(&b);
}

static void test_split(void)
{
	for (size_t i = 0; i < ARRAY_SIZE(splits); i++) {
		struct span *v = NULL;
		size_t n = sentence_split(splits[i].text, strlen(splits[i].text), &v);
		char *got = joined(splits[i].text, v, n);
		if (strcmp(got, splits[i].want) != 0)
			fprintf(stderr, "split case %zu\n", i);
		CHECK_STR(got, splits[i].want);
		CHECK(n == 0 ? v == NULL : v != NULL);
		free(got);
		free(v);
	}
}

static const struct {
	const char *l, *r;
	int want; /* sentences paired, 0 = not confident */
} pairs[] = {
	{"全长2.4公里的大桥于6月14日通车。约有一万两千名市民走上桥面。",
	 "The 2.4-kilometre bridge opened on 14 June. About 12,000 residents walked onto the deck.", 2},
	{"Le musée rouvre ses portes après trois ans de travaux. Les visiteurs étaient nombreux dès l'ouverture.",
	 "The museum reopens after three years of work. Visitors were numerous from the opening.", 2},
	{"Die Brücke ist 168 Meter hoch. Sie kostete viel Geld. Am 3. Oktober wurde gefeiert.",
	 "The bridge is 168 metres high. It cost a lot of money. There was a party on 3 October.", 3},
	/* one sentence each: the paragraph pair is enough */
	{"大桥通车。", "The bridge opened.", 0},
	/* counts differ */
	{"大桥通车。市民过桥。天气很好。", "The bridge opened. Residents crossed it.", 0},
	/* same count, lengths crossed: a long sentence beside a short one */
	{"The bridge opened to traffic at nine in the morning after four years of construction work. Crowds came.",
	 "Le pont a ouvert. La foule est venue tôt le matin pour traverser à pied pendant trois heures entières.", 0},
	/* lengths fine, but the number 168 is in sentence 1 left, sentence 2 right */
	{"The towers stand 168 metres high today. Work stopped for many days.",
	 "Les tours sont très hautes aujourd'hui. Le chantier a duré 168 jours.", 0},
	/* a shared name in different sentences */
	{"Mayor Lindqvist spoke at the ceremony. The crowd cheered loudly.",
	 "Le maire a parlé pendant la cérémonie. Lindqvist a été applaudie.", 0},
	/* the same name in the same sentence */
	{"Mayor Lindqvist spoke at the ceremony. The crowd cheered loudly.",
	 "La maire Lindqvist a parlé à la cérémonie. La foule a applaudi fort.", 2},
	{"", "", 0},
};

static void test_pairs(void)
{
	for (size_t i = 0; i < ARRAY_SIZE(pairs); i++) {
		struct sent_pair *v = NULL;
		size_t n = 99;
		bool ok = sentence_pairs(pairs[i].l, strlen(pairs[i].l), pairs[i].r, strlen(pairs[i].r), 0,
		                         &v, &n);
		if ((int)n != pairs[i].want)
			fprintf(stderr, "pairs case %zu\n", i);
		CHECK_INT(ok, pairs[i].want > 0);
		CHECK_INT(n, pairs[i].want);
		CHECK(ok ? v != NULL : v == NULL);
		if (ok) { /* spans cover the sentences in order */
			CHECK_INT(v[0].left.off, 0);
			CHECK_INT(v[0].right.off, 0);
			CHECK(v[n - 1].left.off + v[n - 1].left.len == strlen(pairs[i].l));
			for (size_t k = 1; k < n; k++)
				CHECK(v[k].left.off >= v[k - 1].left.off + v[k - 1].left.len);
		}
		free(v);
	}
	/* an explicit ratio far from the pair's own makes every pair disagree */
	struct sent_pair *v = NULL;
	size_t n = 0;
	CHECK(!sentence_pairs(pairs[1].l, strlen(pairs[1].l), pairs[1].r, strlen(pairs[1].r), 5.0, &v, &n));
	CHECK(sentence_pairs(pairs[1].l, strlen(pairs[1].l), pairs[1].r, strlen(pairs[1].r), 0.85, &v, &n));
	free(v);
}

int main(void)
{
	test_split();
	test_pairs();
	return t_done();
}
