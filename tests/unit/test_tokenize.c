/* test_tokenize.c: unit tests of the tokenize module (search terms). */
#include "t.h"
#include "diglot/sbuf.h"
#include "diglot/tokenize.h"

#include <stdlib.h>
#include <string.h>

/* Tokens rendered as "tok@start-end" joined by spaces; a colocated token
 * is written "+tok@start-end". */
static int collect(void *ctx, int flags, const char *tok, size_t toklen, size_t start, size_t end)
{
	struct sbuf *b = ctx;
	if (b->len)
		sbuf_addc(b, ' ');
	if (flags & TOKEN_COLOCATED)
		sbuf_addc(b, '+');
	sbuf_add(b, tok, toklen);
	sbuf_addf(b, "@%zu-%zu", start, end);
	return 0;
}

static char *toks(const char *s, bool q)
{
	struct sbuf b = SBUF_INIT;
	tokenize(s, strlen(s), q, collect, &b);
	return sbuf_detach(&b);
}

static void test_tokens(void)
{
	static const struct {
		const char *in;
		bool query;
		const char *want;
	} cases[] = {
		{"Hello, World!", false, "hello@0-5 world@7-12"},
		{"Ägypten", false, "agypten@0-8"},
		{"AGYPTEN ägypten", false, "agypten@0-7 agypten@8-16"},
		{"Straße", false, "strasse@0-7"},
		{"Cafe\xcc\x81 noir", false, "cafe@0-6 noir@7-11"}, /* e + combining acute */
		{"Ελληνικά ΆΈ", false, "ελληνικα@0-16 αε@17-21"},
		{"Москва ЁЖ", false, "москва@0-12 еж@13-17"},
		{"COVID19 2024", false, "covid19@0-7 2024@8-12"},
		{"ＡＢＣ", false, "abc@0-9"},                         /* fullwidth Latin */
		{"闭", false, "闭@0-3"},
		{"闭源", false, "闭源@0-6 +闭@0-3 源@3-6"},
		{"开源策", false, "开源@0-6 +开@0-3 源策@3-9 +源@3-6 策@6-9"},
		{"开源策略", true, "开源@0-6 源策@3-9 策略@6-12"},
		{"闭", true, "闭@0-3"},
		{"AI芯片", false, "ai@0-2 芯片@2-8 +芯@2-5 片@5-8"},
		{"コーヒー", true, "コー@0-6 ーヒ@3-9 ヒー@6-12"},
		{"한국어", true, "한국@0-6 국어@3-9"},
		{"שלום עולם", false, "שלום@0-8 עולם@9-17"},           /* RTL */
		{"fun 😀 times", false, "fun@0-3 times@9-14"},         /* emoji separate */
		{"\xff\xfe" "abc", false, "abc@2-5"},                 /* invalid bytes */
		{"", false, ""},
		{"-- \"\" ", false, ""},
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		char *got = toks(cases[i].in, cases[i].query);
		CHECK_STR(got, cases[i].want);
		free(got);
	}
}

/* What the search index holds: pairs and each run's last character, no
 * colocated singles. */
static void test_index_tokens(void)
{
	static const struct {
		const char *in, *want;
	} cases[] = {
		{"闭", "闭@0-3"},
		{"闭源", "闭源@0-6 源@3-6"},
		{"开源策", "开源@0-6 源策@3-9 策@6-9"},
		{"AI芯片 Ägypten", "ai@0-2 芯片@2-8 片@5-8 agypten@9-17"},
		{"コーヒー", "コー@0-6 ーヒ@3-9 ヒー@6-12 ー@9-12"},
		{"", ""},
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		struct sbuf b = SBUF_INIT;
		tokenize_index(cases[i].in, strlen(cases[i].in), collect, &b);
		CHECK_STR(sbuf_str(&b), cases[i].want);
		sbuf_free(&b);
	}
}

static void test_query(void)
{
	static const struct {
		const char *in, *want; /* want NULL: nothing searchable */
	} cases[] = {
		{"hello", "\"hello\""},
		{"hello world", "\"hello\" \"world\""},
		{"agy*", "\"agy\" *"},
		{"\"", NULL},
		{"AND(", "\"AND(\""},
		{"*", NULL},
		{"NEAR", "\"NEAR\""},
		{"NEAR(a b)", "\"NEAR(a\" \"b)\""},
		{"-", NULL},
		{"title:x", "\"title:x\""},
		{"^foo", "\"^foo\""},
		{"a\"b", "\"a\"\"b\""},
		{"  \t ", NULL},
		{"闭源\xe3\x80\x80策略", "\"闭源\" \"策略\""}, /* ideographic space */
		{"OR AND NOT", "\"OR\" \"AND\" \"NOT\""},
		/* A lone CJK character ends a word: a prefix of the indexed pairs. */
		{"闭", "\"闭\" *"},
		{"AI芯", "\"AI芯\" *"},
		{"芯片", "\"芯片\""},
		{"闭 源策", "\"闭\" * \"源策\""},
		/* A word given again is searched once. */
		{"the the bridge the", "\"the\" \"bridge\""},
		{"brid* brid* brid", "\"brid\" * \"brid\""},
		/* The search syntax (issue 11): phrases, -not, OR, prefixes. */
		{"\"harbour bridge\"", "\"harbour bridge\""},
		{"\"harbour bri\"*", "\"harbour bri\" *"},
		{"\"harbour bri*\"", "\"harbour bri\" *"},
		{"\"unclosed phrase", "\"unclosed phrase\""},
		{"\"a\"\"b\"", "\"a\" \"b\""},
		{"bridge -tram", "\"bridge\" NOT \"tram\""},
		{"a b -c", "(\"a\" \"b\") NOT \"c\""},
		{"-\"a b\" c", "\"c\" NOT \"a b\""},
		{"-tram", NULL}, /* only exclusions: nothing to search for */
		{"-a -b", NULL},
		{"-a -a b", "\"b\" NOT \"a\""},
		{"bri* -brid*", "\"bri\" * NOT \"brid\" *"},
		{"a OR b", "(\"a\" OR \"b\")"},
		{"x OR y OR z", "(\"x\" OR \"y\" OR \"z\")"},
		{"x a OR b", "\"x\" AND (\"a\" OR \"b\")"},
		{"a OR b -c", "(\"a\" OR \"b\") NOT \"c\""},
		{"a OR -b", "(\"a\" \"OR\") NOT \"b\""}, /* OR joins no exclusion: a word */
		{"OR a", "\"OR\" \"a\""},
		{"a OR", "\"a\" \"OR\""},
		{"a or b", "\"a\" \"or\" \"b\""},
		{"a-b", "\"a-b\""},
		{"-", NULL},
		{"- a", "\"a\""},
		{"\"NOT\" -\"OR\"", "\"NOT\" NOT \"OR\""},
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		char *got;
		CHECK_INT(tokenize_fts_query(cases[i].in, &got, NULL), DG_OK);
		if (cases[i].want)
			CHECK_STR(got, cases[i].want);
		else
			CHECK(got == NULL);
		free(got);
	}
}

/* Over the limits: refused with the limit named, nothing built. */
static void test_query_limits(void)
{
	struct sbuf b = SBUF_INIT;
	for (int i = 0; i < TOKENIZE_QUERY_MAX_TERMS; i++)
		sbuf_addf(&b, "w%d ", i);
	char *m = NULL, *cause = NULL;
	CHECK_INT(tokenize_fts_query(sbuf_str(&b), &m, &cause), DG_OK);
	CHECK(m != NULL && cause == NULL);
	free(m);
	sbuf_addstr(&b, "w0 w1 one-more");
	CHECK_INT(tokenize_fts_query(sbuf_str(&b), &m, &cause), DG_USAGE);
	CHECK(m == NULL);
	CHECK_STR(cause, "too many words to search for (at most 32)");
	free(cause);
	cause = NULL;
	sbuf_truncate(&b, 0);
	sbuf_pad(&b, TOKENIZE_QUERY_MAX_BYTES + 1);
	CHECK_INT(tokenize_fts_query(sbuf_str(&b), &m, &cause), DG_USAGE);
	CHECK_STR(cause, "search text too long: 1025 bytes (at most 1024)");
	free(cause);
	sbuf_free(&b);
}

static void test_fold(void)
{
	char *s = tokenize_fold("Ärger: Straße", strlen("Ärger: Straße"));
	CHECK_STR(s, "arger: strasse");
	free(s);
}

int main(void)
{
	test_tokens();
	test_index_tokens();
	test_query();
	test_fold();
	test_query_limits();
	return t_done();
}
