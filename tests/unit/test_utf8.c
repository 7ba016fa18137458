/* test_utf8.c: unit tests of the utf8 module: encodings, line ends,
 * controls and escape sequences, NFC, refusals, sanitize, and a speed
 * figure (printed, not asserted: machines differ). */
#include "t.h"
#include "diglot/utf8.h"

#include <stdlib.h>
#include <time.h>
#include <unictype.h>
#include <unistr.h>

struct clean_case {
	const char *name;
	const char *in;
	size_t len; /* 0: strlen(in) */
	const char *want;
	int enc;    /* -1: do not check */
};

#define B(s) s, sizeof(s) - 1

static const struct clean_case cases[] = {
	{"empty", "", 0, "", ENC_UTF8},
	{"ascii", "hello world", 0, "hello world", ENC_UTF8},
	{"bom", "\xEF\xBB\xBFhi", 0, "hi", ENC_UTF8_BOM},
	{"crlf", "a\r\nb\rc\n", 0, "a\nb\nc\n", ENC_UTF8},
	{"tab", "a\tb", 0, "a b", ENC_UTF8},
	{"cjk", "中文，测试。", 0, "中文，测试。", ENC_UTF8},
	{"rtl kept", "שלום עולם", 0, "שלום עולם", ENC_UTF8},
	{"emoji", "ok 👍🏽 done", 0, "ok 👍🏽 done", ENC_UTF8},
	{"nfc e-acute", "cafe\xCC\x81", 0, "caf\xC3\xA9", ENC_UTF8},
	{"nfc hangul jamo", "\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB", 0, "한", ENC_UTF8},
	{"nfc singleton", "\xE2\x84\xAB", 0, "\xC3\x85", ENC_UTF8}, /* Angstrom sign -> Å */
	{"combining no precomposed", "q\xCC\x83", 0, "q\xCC\x83", ENC_UTF8},
	{"csi colour", "\x1B[1;31mred\x1B[0m text", 0, "red text", ENC_UTF8},
	{"osc title bel", "a\x1B]0;evil title\x07z", 0, "az", ENC_UTF8},
	{"osc 52 st", "x\x1B]52;c;ZWNobyBoaQ==\x1B\\y", 0, "xy", ENC_UTF8},
	{"osc unterminated stops at line end", "a\x1B]0;t\nb", 0, "a\nb", ENC_UTF8},
	{"esc charset", "a\x1B(Bb\x1B" "c", 0, "ab", ENC_UTF8},
	{"esc at end", "a\x1B", 0, "a", ENC_UTF8},
	{"c1 csi", "a\xC2\x9B" "31mb", 0, "ab", ENC_UTF8},
	{"c1 osc", "a\xC2\x9D" "0;t\xC2\x9C" "b", 0, "ab", ENC_UTF8},
	{"c1 nel removed", "a\xC2\x85" "b", 0, "ab", ENC_UTF8},
	{"controls del", "a\x01\x7F\x08" "b", 0, "ab", ENC_UTF8},
	{"zwnbsp inside", "a\xEF\xBB\xBF" "b", 0, "ab", ENC_UTF8},
	{"line separator", "a\xE2\x80\xA8" "b", 0, "a\nb", ENC_UTF8},
	{"utf16le", B("\xFF\xFEh\0i\0\r\0\n\0-N\x87" "e"), "hi\n中文", ENC_UTF16LE},
	{"utf16be", B("\xFE\xFF\0h\0i\xD8\x3D\xDE\x00"), "hi😀", ENC_UTF16BE},
	{"utf16 lone surrogate", B("\xFF\xFE\x00\xD8" "a\0"), "\xEF\xBF\xBD" "a", ENC_UTF16LE},
	{"utf16 odd length", B("\xFF\xFE" "a\0b"), "a\xEF\xBF\xBD", ENC_UTF16LE},
	{"gb18030", "\xD6\xD0\xCE\xC4\xA3\xAC\xB2\xE2\xCA\xD4", 0, "中文，测试", ENC_GB18030},
	{"cp1252", "caf\xE9 \x93quoted\x94 \x80" "5", 0, "café “quoted” €5", ENC_CP1252},
	{"latin1 pair", "na\xEFve \xE0 la fa\xE7on", 0, "naïve à la façon", ENC_CP1252},
	{"cp1252 unassigned", "a\x81 b", 0, "a b", ENC_CP1252},
	{"high byte before a letter is not GB", "a\x81" "b", 0, "ab", ENC_CP1252},
	{"german cp1252 decodes as GB too", "Neue F\xE4hre t\xE4glich \xFC" "ber", 0,
	 "Neue F\xC3\xA4hre t\xC3\xA4glich \xC3\xBC" "ber", ENC_CP1252},
	/* issue 10 #1: a BOM skips the census, and the buffer was sized len + 1. */
	{"bom invalid byte", "\xEF\xBB\xBFT\n\nx\xFFy\n", 0, "T\n\nx\xEF\xBF\xBDy\n", ENC_UTF8_BOM},
	{"bom invalid only", "\xEF\xBB\xBF\xFF\xFE\x80", 0,
	 "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", ENC_UTF8_BOM},
	/* issue 10: ESC before a space is a bare ESC, not "ESC SP x". */
	{"bare esc before space", "Bare \x1B escape", 0, "Bare  escape", ENC_UTF8},
	/* An ESC inside an unterminated string starts the next sequence. */
	{"osc cut by csi", "a\x1B]0;title\x1B[31mb", 0, "ab", ENC_UTF8},
	/* Bidi controls: gone from a line without right-to-left letters... */
	{"bidi override in latin", "abc\xE2\x80\xAE" "def\xE2\x80\xAC!", 0, "abcdef!", ENC_UTF8},
	{"bidi isolate and mark in latin", "a\xE2\x81\xA7" "b\xE2\x81\xA9" "c\xE2\x80\x8F" "d", 0, "abcd", ENC_UTF8},
	/* ...kept, balanced, in one with them; the next line is untouched. */
	{"bidi embedding closed at line end", "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D \xE2\x80\xAB" "abc\nx\xE2\x80\xAE" "y",
	 0, "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D \xE2\x80\xAB" "abc\xE2\x80\xAC\nxy", ENC_UTF8},
	{"bidi stray closers dropped", "\xD7\xA9\xE2\x81\xA9\xE2\x80\xAC\xE2\x80\x8F" "a", 0,
	 "\xD7\xA9\xE2\x80\x8F" "a", ENC_UTF8},
	{"bidi pdi closes inner embedding", "\xD7\xA9\xE2\x81\xA7" "a\xE2\x80\xAA" "b\xE2\x81\xA9" "c", 0,
	 "\xD7\xA9\xE2\x81\xA7" "a\xE2\x80\xAA" "b\xE2\x80\xAC\xE2\x81\xA9" "c", ENC_UTF8},
	/* Invisible characters terminals disagree on go; joiners stay. */
	{"soft hyphen zero width", "Zei\xC2\xAD" "tung\xE2\x80\x8B \xE1\xA0\x8E" "x\xE2\x81\xA0", 0, "Zeitung x", ENC_UTF8},
	{"joiners kept", "\xD9\x85\xE2\x80\x8C\xD9\x86 \xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9", 0,
	 "\xD9\x85\xE2\x80\x8C\xD9\x86 \xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9", ENC_UTF8},
	{"mostly utf8 repaired",
	 "é é é é é é é é é é é é \xFF end", 0,
	 "é é é é é é é é é é é é \xEF\xBF\xBD end", ENC_UTF8},
};

static void test_clean_table(void)
{
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		const struct clean_case *c = &cases[i];
		size_t len = c->len ? c->len : strlen(c->in);
		char *out = NULL;
		size_t olen = 99;
		enum text_encoding enc = ENC_CP1252;
		char *why = NULL;
		int rc = utf8_clean(c->in, len, &out, &olen, &enc, &why);
		CHECK_INT(rc, DG_OK);
		if (rc != DG_OK) {
			fprintf(stderr, "  case %s: %s\n", c->name, why ? why : "?");
			free(why);
			continue;
		}
		if (strcmp(out, c->want) != 0)
			fprintf(stderr, "  case %s\n", c->name);
		CHECK_STR(out, c->want);
		CHECK_INT(olen, strlen(c->want));
		if (c->enc >= 0 && (int)enc != c->enc)
			fprintf(stderr, "  case %s: encoding %s\n", c->name, utf8_encoding_name(enc));
		if (c->enc >= 0)
			CHECK_INT(enc, c->enc);
		free(out);
	}
}

static void test_refusals(void)
{
	char *out = NULL;
	size_t olen;
	char *why = NULL;
	CHECK_INT(utf8_clean("ab\0cd", 5, &out, &olen, NULL, &why), DG_ERR);
	CHECK_STR(why, "binary file (contains NUL bytes)");
	free(why);
	CHECK(out == NULL);

	size_t big = UTF8_MAX_INPUT + 1;
	char *buf = xmalloc(big);
	memset(buf, 'a', big);
	why = NULL;
	CHECK_INT(utf8_clean(buf, big, &out, &olen, NULL, &why), DG_ERR);
	CHECK_STR(why, "file too large (over 16 MiB)");
	free(why);
	why = NULL;
	/* Exactly the limit is accepted. */
	CHECK_INT(utf8_clean(buf, UTF8_MAX_INPUT, &out, &olen, NULL, &why), DG_OK);
	CHECK_INT(olen, UTF8_MAX_INPUT);
	free(out);
	free(buf);
}

/* out[0..olen) is valid UTF-8 made only of copies of unit. */
static bool all_units(const char *out, size_t olen, const char *unit)
{
	size_t u = strlen(unit);
	if (olen % u || u8_check((const uint8_t *)out, olen))
		return false;
	for (size_t i = 0; i < olen; i += u)
		if (memcmp(out + i, unit, u) != 0)
			return false;
	return true;
}

/* Inputs that expand the most, in each encoding (issue 10 #1): each must
 * give exactly the expected replacements, and ASan checks the buffers. */
static void test_worst_expansion(void)
{
	size_t n = 1000000;
	char *buf = xmalloc(n + 4);
	char *out;
	size_t olen;
	enum text_encoding enc;
	char *why = NULL;

	/* UTF-8 with BOM, every byte invalid: 1 -> 3 bytes. */
	memcpy(buf, "\xEF\xBB\xBF", 3);
	memset(buf + 3, 0xFF, n);
	CHECK_INT(utf8_clean(buf, n + 3, &out, &olen, &enc, &why), DG_OK);
	CHECK_INT(enc, ENC_UTF8_BOM);
	CHECK_INT(olen, 3 * n);
	CHECK(all_units(out, olen, "\xEF\xBF\xBD"));
	free(out);

	/* The same without a BOM is Windows-1252 (U+00FF, 1 -> 2 bytes). */
	CHECK_INT(utf8_clean(buf + 3, n, &out, &olen, &enc, &why), DG_OK);
	CHECK_INT(enc, ENC_CP1252);
	CHECK(all_units(out, olen, "\xC3\xBF"));
	CHECK_INT(olen, 2 * n);
	free(out);

	/* Windows-1252's largest: 0x80 -> U+20AC, 1 -> 3 bytes. */
	memset(buf, 0x80, n);
	CHECK_INT(utf8_clean(buf, n, &out, &olen, &enc, &why), DG_OK);
	CHECK_INT(enc, ENC_CP1252);
	CHECK_INT(olen, 3 * n);
	CHECK(all_units(out, olen, "\xE2\x82\xAC"));
	free(out);

	/* UTF-16LE, all lone high surrogates (2 -> 3 bytes), odd last byte. */
	buf[0] = (char)0xFF;
	buf[1] = (char)0xFE;
	for (size_t i = 2; i + 1 < n + 2; i += 2) {
		buf[i] = 0x00;
		buf[i + 1] = (char)0xD8;
	}
	buf[n + 2] = 'x';
	CHECK_INT(utf8_clean(buf, n + 3, &out, &olen, &enc, &why), DG_OK);
	CHECK_INT(enc, ENC_UTF16LE);
	CHECK_INT(olen, 3 * (n / 2) + 3);
	CHECK(all_units(out, olen, "\xEF\xBF\xBD"));
	free(out);

	/* UTF-16BE, lone low surrogates, a high one cut off at the end. */
	buf[0] = (char)0xFE;
	buf[1] = (char)0xFF;
	for (size_t i = 2; i + 1 < n + 2; i += 2) {
		buf[i] = (char)0xDC;
		buf[i + 1] = 0x00;
	}
	buf[n] = (char)0xD8;
	buf[n + 1] = 0x00;
	CHECK_INT(utf8_clean(buf, n + 2, &out, &olen, &enc, &why), DG_OK);
	CHECK_INT(enc, ENC_UTF16BE);
	CHECK_INT(olen, 3 * (n / 2));
	CHECK(all_units(out, olen, "\xEF\xBF\xBD"));
	free(out);

	/* GB18030 four-byte sequences (U+20000, 4 -> 4 bytes) and two-byte
	 * ones (2 -> 3): its buffer is libunistring's, checked all the same. */
	for (size_t i = 0; i + 4 <= n; i += 4)
		memcpy(buf + i, i % 8 ? "\xD6\xD0\xCE\xC4" : "\x95\x32\x82\x36", 4);
	CHECK_INT(utf8_clean(buf, n, &out, &olen, &enc, &why), DG_OK);
	CHECK_INT(enc, ENC_GB18030);
	CHECK_INT(olen, n / 8 * (4 + 6));
	CHECK(u8_check((const uint8_t *)out, olen) == NULL);
	free(out);

	/* utf8_sanitize: every byte invalid, no newline kept. */
	memset(buf, 0xFF, n);
	out = utf8_sanitize(buf, n, false);
	CHECK(all_units(out, strlen(out), "\xEF\xBF\xBD"));
	CHECK_INT(strlen(out), 3 * n);
	free(out);
	free(buf);
}

/* Every byte pattern must clean to valid UTF-8 with no control left. */
static void test_garbage(void)
{
	unsigned seed = 12345;
	for (int round = 0; round < 4000; round++) {
		unsigned char b[64];
		size_t n = (size_t)(round % 64), i0 = 0;
		if (round >= 2000 && n >= 3) { /* the second half behind a UTF-8 BOM */
			memcpy(b, "\xEF\xBB\xBF", 3);
			i0 = 3;
		}
		for (size_t i = i0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			b[i] = (unsigned char)(seed >> 16);
			if (b[i] == 0)
				b[i] = 0x1B;
		}
		char *out = NULL;
		size_t olen;
		char *why = NULL;
		int rc = utf8_clean((const char *)b, n, &out, &olen, NULL, &why);
		free(why); /* the checks below need only the status */
		why = NULL;
		if (rc != DG_OK && n >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF)))
			continue;
		CHECK_INT(rc, DG_OK);
		if (rc != DG_OK)
			continue;
		bool ok = true;
		for (size_t i = 0; i < olen; i++) {
			unsigned char c = (unsigned char)out[i];
			if ((c < 0x20 && c != '\n') || c == 0x7F)
				ok = false;
		}
		CHECK(ok);
		CHECK(strlen(out) == olen);
		CHECK(u8_check((const uint8_t *)out, olen) == NULL);
		free(out);

		char *san = utf8_sanitize((const char *)b, n, false);
		ok = true;
		for (const unsigned char *p = (const unsigned char *)san; *p; p++)
			if (*p < 0x20 || *p == 0x7F)
				ok = false;
		CHECK(ok);
		free(san);
	}
}

struct san_case {
	const char *in;
	bool keep_nl;
	const char *want;
};

static const struct san_case san_cases[] = {
	{"plain", false, "plain"},
	{"a\nb", false, "a b"},
	{"a\nb", true, "a\nb"},
	{"a\r\nb", true, "a\nb"},
	{"a\tb", true, "a b"},
	{"bad \xFF\xFE byte", false, "bad \xEF\xBF\xBD\xEF\xBF\xBD byte"},
	{"trunc \xE4\xB8", false, "trunc \xEF\xBF\xBD\xEF\xBF\xBD"},
	{"overlong \xC0\xAF", false, "overlong \xEF\xBF\xBD\xEF\xBF\xBD"},
	{"surrogate \xED\xA0\x80", false, "surrogate \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},
	{"\x1B[2J\x1B[Hclear", false, "clear"},
	{"x\x1B]52;c;ZXZpbA==\x07y", false, "xy"},
	{"rlo \xE2\x80\xAEtxt.exe", false, "rlo txt.exe"},
	{"iso \xE2\x81\xA6x\xE2\x81\xA9", false, "iso x"},
	{"\xC2\x9B" "1mc1", false, "c1"},
	{"עברית and 中文", false, "עברית and 中文"},
	{"ok\x07\x7F", false, "ok"},
};

static void test_sanitize(void)
{
	for (size_t i = 0; i < ARRAY_SIZE(san_cases); i++) {
		const struct san_case *c = &san_cases[i];
		char *o = utf8_sanitize(c->in, strlen(c->in), c->keep_nl);
		CHECK_STR(o, c->want);
		free(o);
	}
	char *o = utf8_sanitize("", 0, true);
	CHECK_STR(o, "");
	free(o);
}

/* One-line fields: no control, escape, bidi control or invisible
 * character; spaces collapsed and trimmed. */
static void test_clean_line(void)
{
	static const struct { const char *in, *want; } lines[] = {
		{"  Harbor\tGazette \x1B[31m\xE2\x80\xAE\n Daily  ", "Harbor Gazette Daily"},
		{"\x07\x1B]0;x\x07" "Evil\xC2\x9B" "2J Corp", "Evil Corp"},
		{"\xE2\x81\xA6\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D\xE2\x81\xA9", "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D"},
		{"\xE2\x80\x8B\xC2\xAD", ""},
		{"", ""},
	};
	for (size_t i = 0; i < ARRAY_SIZE(lines); i++) {
		char *got = utf8_clean_line(lines[i].in, strlen(lines[i].in));
		CHECK_STR(got, lines[i].want);
		free(got);
	}
	CHECK(utf8_is_hidden(0x202E) && utf8_is_bidi_control(0x202E));
	CHECK(utf8_is_hidden(0xAD) && !utf8_is_bidi_control(0xAD));
	CHECK(!utf8_is_hidden(0x200D) && !utf8_is_hidden(0xFE0F) && !utf8_is_hidden(0x4E2D));
	CHECK(utf8_is_hidden(0x115F) && utf8_is_hidden(0xE0001) && !utf8_is_hidden(0xE0041));
	/* Over all of Unicode: libunistring's default-ignorable code points
	 * but the joiners, variation selectors and emoji tags (the fast
	 * rejects must never hide one). */
	int wrong = 0;
	for (uint32_t c = 0; c <= 0x10FFFF; c++) {
		bool keep = c == 0x200C || c == 0x200D || (c >= 0xFE00 && c <= 0xFE0F) ||
		            (c >= 0xE0020 && c <= 0xE007F) || (c >= 0xE0100 && c <= 0xE01EF);
		bool want = !keep && uc_is_property_default_ignorable_code_point(c);
		if (utf8_is_hidden(c) != want && wrong++ < 5)
			fprintf(stderr, "utf8_is_hidden(U+%04X) should be %d\n", (unsigned)c, want);
	}
	CHECK_INT(wrong, 0);
}

static void test_names(void)
{
	CHECK_STR(utf8_encoding_name(ENC_GB18030), "GB18030");
	CHECK_STR(utf8_encoding_name(ENC_CP1252), "Windows-1252");
	CHECK_STR(utf8_encoding_name(ENC_UTF16LE), "UTF-16LE");
}

/* Fixture files under tests/fixtures/clean/ (written once by hand, small). */
static char *slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return NULL;
	char *buf = xmalloc(1 << 16);
	*len = fread(buf, 1, 1 << 16, fp);
	fclose(fp);
	return buf;
}

static void test_fixtures(void)
{
	static const struct {
		const char *file;
		int enc;
		const char *needle;
	} fx[] = {
		{"utf16le.txt", ENC_UTF16LE, "Héllo 世界\nline two"},
		{"gb18030.txt", ENC_GB18030, "法国人工智能初创公司"},
		{"cp1252.txt", ENC_CP1252, "L’été à Paris — “déjà vu”"},
		{"escapes.txt", ENC_UTF8, "red bold title\nclip\n"},
	};
	for (size_t i = 0; i < ARRAY_SIZE(fx); i++) {
		char path[512];
		snprintf(path, sizeof path, "%s/tests/fixtures/clean/%s", TEST_SRCDIR, fx[i].file);
		size_t len = 0;
		char *b = slurp(path, &len);
		CHECK(b != NULL);
		if (!b)
			continue;
		char *out;
		size_t olen;
		enum text_encoding enc;
		char *why = NULL;
		CHECK_INT(utf8_clean(b, len, &out, &olen, &enc, &why), DG_OK);
		CHECK_INT(enc, fx[i].enc);
		if (!strstr(out, fx[i].needle))
			fprintf(stderr, "%s: got \"%s\"\n", fx[i].file, out);
		CHECK(strstr(out, fx[i].needle) != NULL);
		free(out);
		free(b);
	}
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void bench_one(const char *label, const char *unit, size_t total)
{
	char *buf = xmalloc(total);
	size_t ulen = strlen(unit);
	for (size_t i = 0; i < total; i++)
		buf[i] = unit[i % ulen];
	while (total > 0 && ((unsigned char)buf[total - 1] & 0xC0) == 0x80)
		total--; /* do not cut a character */
	while (total > 0 && (unsigned char)buf[total - 1] >= 0xC0)
		total--;
	double t0 = now();
	char *out;
	size_t olen;
	char *why = NULL;
	int rc = utf8_clean(buf, total, &out, &olen, NULL, &why);
	double dt = now() - t0;
	CHECK_INT(rc, DG_OK);
	if (rc == DG_OK)
		free(out);
	printf("bench %-22s %6.1f MB/s\n", label, (double)total / 1e6 / dt);
	free(buf);
}

static void test_bench(void)
{
	size_t n = 8u << 20;
	bench_one("ascii", "The quick brown fox jumps over the lazy dog.\n\n", n);
	bench_one("french (NFC, accents)", "L'été à Paris, déjà vu: où êtes-vous?\n", n);
	bench_one("chinese", "法国人工智能初创公司近日在微软于巴黎举办的一次活动中宣布。\n", n);
	bench_one("decomposed (NFD)", "cafe\xCC\x81 re\xCC\x81sume\xCC\x81\n", n);
}

int main(void)
{
	test_clean_table();
	test_refusals();
	test_worst_expansion();
	test_garbage();
	test_sanitize();
	test_clean_line();
	test_names();
	test_fixtures();
	if (!getenv("DIGLOT_NO_BENCH"))
		test_bench();
	return t_done();
}
