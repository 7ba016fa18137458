/* test_theme.c: theme lines, colour names and numbers, error reporting
 * with file:line, degrading 256 colours, and that every shipped theme
 * parses without an error. */
#include "diglot/common.h"
#include "diglot/theme.h"
#include "t.h"

#include <stdlib.h>

struct errs {
	int n, last_line;
	char last[128];
};

static void on_err(void *ctx, const char *file, int line, const char *why)
{
	struct errs *e = ctx;
	e->n++;
	e->last_line = line;
	snprintf(e->last, sizeof e->last, "%s:%d: %s", file, line, why);
}

static void test_colors(void)
{
	static const struct {
		const char *name;
		int c;
	} cases[] = {
		{"default", -1}, {"black", 0}, {"red", 1}, {"white", 7}, {"RED", 1},
		{"bright-red", 9}, {"brightwhite", 15}, {"grey", 8}, {"0", 0}, {"255", 255},
		{"256", -2}, {"-3", -2}, {"pink", -2}, {"12x", -2}, {"bright-", -2},
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++)
		CHECK_INT(theme_color_parse(cases[i].name), cases[i].c);
}

static void test_parse(void)
{
	struct theme t;
	struct errs e = {0, 0, ""};
	theme_default(&t);
	const char *text =
	    "# a comment\n"
	    "\n"
	    "color title red default bold underline\n"
	    "color nosuch red default\n"           /* line 4: unknown element */
	    "color meta pink default\n"            /* line 5: unknown colour */
	    "color status 200 17 reverse # note\n"
	    "colour divider bright-blue default\r\n"
	    "color body red\n"                     /* line 8: too few words */
	    "color lang cyan default blink\n"      /* line 9: unknown attribute */
	    "paint it black\n";                    /* line 10 */
	int bad = theme_parse(&t, text, strlen(text), "x.theme", on_err, &e);
	CHECK_INT(bad, 5);
	CHECK_INT(e.n, 5);
	CHECK_INT(e.last_line, 10);
	CHECK(strncmp(e.last, "x.theme:10: ", 12) == 0);
	CHECK_INT(t.el[EL_TITLE].fg, 1);
	CHECK_INT(t.el[EL_TITLE].bg, COLOR_DEFAULT);
	CHECK_INT(t.el[EL_TITLE].attr, ATTR_BOLD | ATTR_UNDERLINE);
	CHECK_INT(t.el[EL_STATUS].fg, 200);
	CHECK_INT(t.el[EL_STATUS].bg, 17);
	CHECK_INT(t.el[EL_STATUS].attr, ATTR_REVERSE);
	CHECK_INT(t.el[EL_DIVIDER].fg, 12);
	CHECK_INT(theme_element_parse("sidebar-selected"), EL_SIDEBAR_SELECTED);
	CHECK_STR(theme_element_name(EL_SEARCH_MATCH), "search-match");
}

static void test_degrade(void)
{
	CHECK_INT(theme_degrade(-1, 8), -1);
	CHECK_INT(theme_degrade(3, 8), 3);
	CHECK_INT(theme_degrade(9, 8), 1);    /* bright red -> red */
	CHECK_INT(theme_degrade(9, 16), 9);
	CHECK_INT(theme_degrade(196, 16), 9); /* #ff0000 -> bright red */
	CHECK_INT(theme_degrade(196, 8), 1);
	CHECK_INT(theme_degrade(16, 16), 0);  /* #000000 -> black */
	CHECK_INT(theme_degrade(231, 16), 15);
	CHECK_INT(theme_degrade(21, 8), 4);   /* #0000ff -> blue */
	CHECK_INT(theme_degrade(250, 256), 250);
}

static void test_shipped(void)
{
	static const char *names[] = {"default", "light", "dark", "solarized-dark", "high-contrast", "mono"};
	for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
		struct theme t;
		struct errs e = {0, 0, ""};
		char *path = theme_find(names[i], NULL);
		CHECK(path != NULL);
		free(path);
		CHECK_INT(theme_load(&t, names[i], NULL, on_err, &e), DG_OK);
		if (e.n)
			fprintf(stderr, "%s\n", e.last);
		CHECK_INT(e.n, 0);
	}
	struct theme t;
	CHECK_INT(theme_load(&t, "no-such-theme", NULL, on_err, NULL), DG_NOTFOUND);
	CHECK(theme_find("/nonexistent/x.theme", NULL) == NULL);
	char path[1024];
	snprintf(path, sizeof path, "%s/themes/dark.theme", TEST_SRCDIR);
	char *p = theme_find(path, NULL);
	CHECK(p != NULL);
	free(p);
}

int main(void)
{
	test_colors();
	test_parse();
	test_degrade();
	test_shipped();
	return t_done();
}
