/* test_settings.c: the config file: every setting, bindings reaching the
 * key table, and errors reported with file:line while the rest applies. */
#include "diglot/common.h"
#include "diglot/keys.h"
#include "diglot/layout.h"
#include "diglot/settings.h"
#include "t.h"

#include <stdlib.h>

struct errs {
	int n;
	int lines[16];
};

static void on_err(void *ctx, const char *file, int line, const char *why)
{
	struct errs *e = ctx;
	(void)why;
	CHECK_STR(file, "config");
	if (e->n < 16)
		e->lines[e->n] = line;
	e->n++;
}

int main(void)
{
	struct settings s;
	struct errs e = {0, {0}};
	settings_init(&s);
	keys_reset();
	CHECK(s.theme == NULL);
	CHECK_INT(s.view, VIEW_AUTO);
	CHECK(s.mark_read_on_open);
	const char *text =
	    "# diglot config\n"
	    "theme solarized-dark\n"
	    "view side-by-side   # always\n"
	    "mark-read-on-open no\n"
	    "sidebar-width 30\n"
	    "bind x toggle-bookmark\n"
	    "bind C-d page-down\n"
	    "bind b none\n"
	    "bind 中 help\n"
	    "bind x nosuchaction\n"       /* 10 */
	    "bind NoSuchKey help\n"       /* 11 */
	    "view sideways\n"             /* 12 */
	    "sidebar-width 3\n"           /* 13 */
	    "mark-read-on-open maybe\n"   /* 14 */
	    "colour me surprised\n"       /* 15 */
	    "theme\n";                    /* 16 */
	int bad = settings_parse(&s, text, strlen(text), "config", on_err, &e);
	CHECK_INT(bad, 7);
	CHECK_INT(e.n, 7);
	for (int i = 0; i < 7 && i < e.n; i++)
		CHECK_INT(e.lines[i], 10 + i);
	CHECK_STR(s.theme, "solarized-dark");
	CHECK_INT(s.view, VIEW_SIDE);
	CHECK(!s.mark_read_on_open);
	CHECK_INT(s.sidebar_width, 30);
	CHECK_INT(keys_lookup('x'), REQ_BOOKMARK);
	CHECK_INT(keys_lookup(KEYC_CTRL('d')), REQ_PAGE_DOWN);
	CHECK_INT(keys_lookup('b'), REQ_NONE);
	CHECK_INT(keys_lookup(0x4e2d), REQ_HELP);
	CHECK_INT(settings_load(&s, "/nonexistent/diglot/config", on_err, &e), DG_NOTFOUND);
	settings_free(&s);
	CHECK(s.theme == NULL);

	/* A preset, then bindings on it (a Meta key among them). */
	settings_init(&s);
	struct errs e2 = {0, {0}};
	const char *presets =
	    "keys newsboat\n"
	    "bind M-x toggle-bookmark\n"
	    "bind M-r toggle-read\n"
	    "keys emacs\n"           /* 4 */
	    "keys\n"                 /* 5 */
	    "bind M- help\n";        /* 6 */
	CHECK_INT(settings_parse(&s, presets, strlen(presets), "config", on_err, &e2), 3);
	CHECK_INT(e2.lines[0], 4);
	CHECK_INT(e2.lines[2], 6);
	CHECK_INT(keys_lookup('o'), REQ_OPEN_URL);
	CHECK_INT(keys_lookup('N'), REQ_READ);
	CHECK_INT(keys_lookup(KEYC_CTRL('b')), REQ_BOOKMARK);
	CHECK_INT(keys_lookup(KEYC_META | 'x'), REQ_BOOKMARK);
	CHECK_INT(keys_lookup(KEYC_META | 'r'), REQ_READ);
	CHECK(s.mouse); /* on by default */
	const char *mouse = "mouse no\nmouse sometimes\n";
	CHECK_INT(settings_parse(&s, mouse, strlen(mouse), "config", on_err, &e2), 1);
	CHECK(!s.mouse);
	const char *vi = "keys vi\n";
	CHECK_INT(settings_parse(&s, vi, strlen(vi), "config", on_err, &e2), 0);
	CHECK_INT(keys_lookup(KEYC_CTRL('d')), REQ_PAGE_DOWN);
	CHECK_INT(keys_lookup(KEYC_META | 'x'), REQ_NONE); /* a preset drops earlier bindings */
	settings_free(&s);
	keys_reset();

	/* Fetching: every setting, and its bad forms by line. */
	settings_init(&s);
	struct errs e3 = {0, {0}};
	const char *fetch =
	    "fetch-jobs 8\n"
	    "fetch-per-host 2\n"
	    "fetch-timeout 30\n"
	    "fetch-connect-timeout 5\n"
	    "fetch-max-size 4\n"
	    "fetch-interval 15\n"
	    "user-agent diglot-test/1.0 (+https://example.org/bot)\n"
	    "fetch-jobs 0\n"             /* 8 */
	    "fetch-timeout 1h\n"         /* 9 */
	    "fetch-max-size 65\n"        /* 10 */
	    "user-agent\n";              /* 11 */
	CHECK_INT(settings_parse(&s, fetch, strlen(fetch), "config", on_err, &e3), 4);
	for (int i = 0; i < 4; i++)
		CHECK_INT(e3.lines[i], 8 + i);
	CHECK_INT(s.fetch_jobs, 8);
	CHECK_INT(s.fetch_per_host, 2);
	CHECK_INT(s.fetch_timeout, 30);
	CHECK_INT(s.fetch_connect_timeout, 5);
	CHECK_INT(s.fetch_max_mib, 4);
	CHECK_INT(s.fetch_interval, 15);
	CHECK_STR(s.user_agent, "diglot-test/1.0 (+https://example.org/bot)");
	settings_free(&s);
	CHECK(s.user_agent == NULL);

	setenv("XDG_CONFIG_HOME", "/tmp/xdg", 1);
	char *d = settings_dir();
	CHECK_STR(d, "/tmp/xdg/diglot");
	free(d);
	unsetenv("XDG_CONFIG_HOME");
	setenv("HOME", "/home/u", 1);
	d = settings_dir();
	CHECK_STR(d, "/home/u/.config/diglot");
	free(d);
	return t_done();
}
