/* test_sbuf.c: the string builder, the allocation helpers and SHA-256. */
#include "t.h"
#include "diglot/hash.h"
#include "diglot/sbuf.h"

#include <stdlib.h>

static void test_sbuf(void)
{
	struct sbuf b = SBUF_INIT;
	CHECK_STR(sbuf_str(&b), "");
	sbuf_addstr(&b, "中文");
	sbuf_addc(&b, '+');
	sbuf_addf(&b, "%s %d", "en", 42);
	sbuf_pad(&b, 3);
	CHECK_STR(sbuf_str(&b), "中文+en 42   ");
	CHECK_INT(b.len, strlen("中文+en 42   "));
	sbuf_truncate(&b, 6);
	CHECK_STR(sbuf_str(&b), "中文");
	char *s = sbuf_detach(&b);
	CHECK_STR(s, "中文");
	CHECK(b.s == NULL && b.len == 0);
	free(s);
	for (int i = 0; i < 10000; i++)
		sbuf_add(&b, "abc", 3);
	CHECK_INT(b.len, 30000);
	sbuf_free(&b);
	s = sbuf_detach(&b); /* an empty builder still gives a string */
	CHECK_STR(s, "");
	free(s);
}

static void test_hash(void)
{
	static const struct { const char *in; const char *hex; } cases[] = {
		{"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
		{"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
		{"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
		 "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
		{"中文 and English", NULL},
	};
	char hex[HASH_HEX_SIZE];
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		hash_hex(cases[i].in, strlen(cases[i].in), hex);
		if (cases[i].hex)
			CHECK_STR(hex, cases[i].hex);
		else
			CHECK_INT(strlen(hex), 64);
	}
	/* 55, 56 and 64 bytes straddle the padding boundary. */
	char buf[200];
	memset(buf, 'a', sizeof buf);
	hash_hex(buf, 56, hex);
	CHECK_STR(hex, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
	hash_hex(buf, 64, hex);
	CHECK_STR(hex, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
}

int main(void)
{
	test_sbuf();
	test_hash();
	return t_done();
}
