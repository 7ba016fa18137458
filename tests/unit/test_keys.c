/* test_keys.c: key names, bindings, the help text, and that the man
 * page's KEYS section names every action of the key table. */
#include "diglot/common.h"
#include "diglot/keys.h"
#include "t.h"

#include <stdlib.h>

static void test_parse(void)
{
	static const struct {
		const char *name;
		int code;
	} cases[] = {
		{"j", 'j'}, {"G", 'G'}, {"/", '/'}, {"?", '?'},
		{"C-l", 12}, {"c-L", 12}, {"^L", 12}, {"C-a", 1},
		{"Down", KEYC_DOWN}, {"down", KEYC_DOWN}, {"PgDn", KEYC_PGDN}, {"PageDown", KEYC_PGDN},
		{"Space", ' '}, {"Enter", KEYC_ENTER}, {"Tab", KEYC_TAB}, {"Esc", KEYC_ESC},
		{"F1", KEYC_F1}, {"F12", KEYC_F12},
		{"é", 0xe9}, {"中", 0x4e2d}, {"ß", 0xdf},
		{"", -1}, {"F13", -1}, {"C-1", -1}, {"jj", -1}, {"中文", -1}, {"\x1b", -1}, {"\xff", -1},
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		int got = keys_parse(cases[i].name);
		if (got != cases[i].code)
			fprintf(stderr, "keys_parse(\"%s\")\n", cases[i].name);
		CHECK_INT(got, cases[i].code);
	}
	char buf[16];
	CHECK_STR(keys_name(12, buf, sizeof buf), "C-l");
	CHECK_STR(keys_name(KEYC_PGDN, buf, sizeof buf), "PgDn");
	CHECK_STR(keys_name(' ', buf, sizeof buf), "Space");
	CHECK_STR(keys_name(0x4e2d, buf, sizeof buf), "中");
	CHECK_STR(keys_name(KEYC_F1 + 4, buf, sizeof buf), "F5");
}

static void test_bindings(void)
{
	keys_reset();
	CHECK_INT(keys_lookup('j'), REQ_MOVE_DOWN);
	CHECK_INT(keys_lookup(KEYC_DOWN), REQ_MOVE_DOWN);
	CHECK_INT(keys_lookup(12), REQ_REDRAW);
	CHECK_INT(keys_lookup('?'), REQ_HELP);
	CHECK_INT(keys_lookup('z'), REQ_NONE);
	keys_bind('z', REQ_MOVE_DOWN);
	keys_bind('j', REQ_NONE);
	CHECK_INT(keys_lookup('z'), REQ_MOVE_DOWN);
	CHECK_INT(keys_lookup('j'), REQ_NONE);
	struct sbuf b = SBUF_INIT;
	keys_bound(REQ_MOVE_DOWN, &b);
	CHECK_STR(sbuf_str(&b), "Down, C-n, z");
	sbuf_free(&b);
	keys_reset();
	CHECK_INT(keys_lookup('j'), REQ_MOVE_DOWN);
	CHECK_INT(keys_lookup('z'), REQ_NONE);
	CHECK_INT(request_parse("toggle-bookmark"), REQ_BOOKMARK);
	CHECK_INT(request_parse("nope"), REQ_NONE);
	CHECK_STR(request_name(REQ_COPY_URL), "copy-url");
}

static void test_help_text(void)
{
	struct sbuf b = SBUF_INIT;
	keys_reset();
	keys_help_text(&b);
	int lines = 0;
	for (const char *p = sbuf_str(&b); *p; p++)
		lines += *p == '\n';
	CHECK_INT(lines, REQ_COUNT - 1);
	CHECK(strstr(sbuf_str(&b), "  j, Down, C-n") != NULL);
	for (int r = REQ_NONE + 1; r < REQ_COUNT; r++)
		CHECK(strstr(sbuf_str(&b), request_name((enum request)r)) != NULL);
	sbuf_free(&b);
}

/* Meta keys: M-x is ESC x from the terminal; names round-trip. */
static void test_meta(void)
{
	char buf[16];
	CHECK_INT(keys_parse("M-x"), KEYC_META | 'x');
	CHECK_INT(keys_parse("m-x"), KEYC_META | 'x');
	CHECK_INT(keys_parse("M-Down"), KEYC_META | KEYC_DOWN);
	CHECK_INT(keys_parse("M-C-b"), KEYC_META | KEYC_CTRL('b'));
	CHECK_INT(keys_parse("M-"), -1);
	CHECK_INT(keys_parse("M-M-x"), -1);
	CHECK_INT(keys_parse("M-nokey"), -1);
	CHECK_INT(keys_parse("M"), 'M'); /* the letter alone is still a key */
	CHECK_STR(keys_name(KEYC_META | 'x', buf, sizeof buf), "M-x");
	CHECK_STR(keys_name(KEYC_META | KEYC_PGDN, buf, sizeof buf), "M-PgDn");
	keys_reset();
	keys_bind(KEYC_META | 'x', REQ_QUIT);
	CHECK_INT(keys_lookup(KEYC_META | 'x'), REQ_QUIT);
	CHECK_INT(keys_lookup('x'), REQ_NONE); /* x itself stays unbound */
	keys_reset();
}

/* Presets on the defaults: newsboat's keys, and vi's; every binding of
 * a preset names a real key and action (an unknown one would bind
 * nothing, and these checks would miss it). */
static void test_presets(void)
{
	CHECK(keys_preset("newsboat"));
	CHECK_INT(keys_lookup('o'), REQ_OPEN_URL);
	CHECK_INT(keys_lookup('N'), REQ_READ);
	CHECK_INT(keys_lookup('r'), REQ_FETCH_FEED);
	CHECK_INT(keys_lookup('R'), REQ_FETCH_ALL);
	CHECK_INT(keys_lookup(KEYC_CTRL('b')), REQ_BOOKMARK);
	CHECK_INT(keys_lookup('A'), REQ_MARK_ALL_READ);
	CHECK_INT(keys_lookup('p'), REQ_FIND_PREV);   /* N's action moved */
	CHECK_INT(keys_lookup('='), REQ_ORDER); /* o's action moved */
	CHECK_INT(keys_lookup('j'), REQ_MOVE_DOWN);   /* the rest are the defaults */
	CHECK_INT(keys_lookup(KEYC_PGUP), REQ_PAGE_UP);
	CHECK(keys_preset("vi"));
	CHECK_INT(keys_lookup('o'), REQ_ORDER); /* a preset starts from the defaults */
	CHECK_INT(keys_lookup(KEYC_CTRL('d')), REQ_PAGE_DOWN);
	CHECK_INT(keys_lookup(KEYC_CTRL('u')), REQ_PAGE_UP);
	CHECK_INT(keys_lookup(KEYC_CTRL('f')), REQ_PAGE_DOWN);
	CHECK_INT(keys_lookup(KEYC_CTRL('b')), REQ_PAGE_UP);
	CHECK_INT(keys_lookup(KEYC_CTRL('e')), REQ_MOVE_DOWN);
	CHECK_INT(keys_lookup(KEYC_CTRL('y')), REQ_MOVE_UP);
	CHECK_INT(keys_lookup('0'), REQ_MOVE_FIRST);
	CHECK_INT(keys_lookup('$'), REQ_MOVE_LAST);
	CHECK_INT(keys_lookup('g'), REQ_MOVE_FIRST);
	CHECK_INT(keys_lookup('G'), REQ_MOVE_LAST);
	CHECK(keys_preset("default"));
	CHECK_INT(keys_lookup(KEYC_CTRL('d')), REQ_NONE);
	CHECK(!keys_preset("emacs"));
	keys_reset();
}

/* Issue 11 #9: more keys on one action pushed its name out of the
 * column with no gap; every action name must start in one column, two
 * spaces or more after the keys. */
static void test_help_columns(void)
{
	keys_reset();
	keys_bind('x', REQ_PAGE_DOWN);
	keys_bind('z', REQ_PAGE_DOWN);
	keys_bind(0x4e2d, REQ_OPEN); /* a wide key name */
	struct sbuf b = SBUF_INIT;
	keys_help_text(&b);
	int col = -1;
	for (const char *line = sbuf_str(&b); *line;) {
		const char *nl = strchr(line, '\n');
		for (int r = REQ_NONE + 1; r < REQ_COUNT; r++) {
			char want[64];
			snprintf(want, sizeof want, "  %s ", request_name((enum request)r));
			const char *at = strstr(line, want);
			if (!at || at > nl)
				continue;
			/* The column in display columns: the one wide key counts two. */
			int c = (int)(at - line) + 2 - (strstr(line, "中") && strstr(line, "中") < at ? 1 : 0);
			if (col < 0)
				col = c;
			if (c != col)
				fprintf(stderr, "help: '%s' at column %d, not %d\n", request_name((enum request)r), c, col);
			CHECK_INT(c, col);
			break;
		}
		line = nl + 1;
	}
	CHECK(col > 0);
	sbuf_free(&b);
	keys_reset();
}

/* The man page escapes '-' as "\-": compare with the escapes removed. */
static void test_man_page(void)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/doc/diglot.1", TEST_SRCDIR);
	FILE *f = fopen(path, "r");
	CHECK(f != NULL);
	if (!f)
		return;
	struct sbuf keys = SBUF_INIT;
	char line[1024];
	bool in = false;
	while (fgets(line, sizeof line, f)) {
		if (strstr(line, "KEYS-BEGIN"))
			in = true;
		else if (strstr(line, "KEYS-END"))
			in = false;
		else if (in)
			for (const char *p = line; *p; p++)
				if (!(p[0] == '\\' && p[1] == '-'))
					sbuf_addc(&keys, *p);
	}
	fclose(f);
	CHECK(keys.len > 0);
	for (int r = REQ_NONE + 1; r < REQ_COUNT; r++) {
		const char *name = request_name((enum request)r);
		if (!strstr(sbuf_str(&keys), name))
			fprintf(stderr, "doc/diglot.1 KEYS section does not mention '%s'\n", name);
		CHECK(strstr(sbuf_str(&keys), name) != NULL);
	}
	sbuf_free(&keys);
}

int main(void)
{
	test_parse();
	test_bindings();
	test_help_text();
	test_help_columns();
	test_meta();
	test_presets();
	test_man_page();
	return t_done();
}
