/* test_history.c: the search history: no repeat in a row, at most
 * HISTORY_MAX, bad bytes cleaned on reading, written by rename. */
#include "diglot/common.h"
#include "diglot/history.h"
#include "t.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static void test_add(void)
{
	struct history h = {0};
	history_add(&h, "bridge");
	history_add(&h, "bridge");   /* the same twice in a row: once */
	history_add(&h, "");         /* nothing to keep */
	history_add(&h, "  大桥  "); /* trimmed as a title is */
	history_add(&h, "bridge");   /* again, but not in a row */
	CHECK_INT(h.n, 3);
	CHECK_STR(h.items[0], "bridge");
	CHECK_STR(h.items[1], "大桥");
	CHECK_STR(h.items[2], "bridge");
	for (int i = 0; i < HISTORY_MAX + 20; i++) {
		char buf[16];
		snprintf(buf, sizeof buf, "q%d", i);
		history_add(&h, buf);
	}
	CHECK_INT(h.n, HISTORY_MAX);
	CHECK_STR(h.items[0], "q20"); /* the oldest went */
	CHECK_STR(h.items[HISTORY_MAX - 1], "q119");
	history_free(&h);
}

static void test_parse(void)
{
	/* Escapes, controls and invalid UTF-8 from a damaged or hostile file. */
	static const char text[] = "musée\n\x1b[31mred\x1b[0m\nbad \xff byte\r\n\n\nbad \xff byte\nlast";
	struct history h = {0};
	history_parse(&h, text, sizeof text - 1);
	CHECK_INT(h.n, 4);
	CHECK_STR(h.items[0], "musée");
	CHECK_STR(h.items[1], "red");
	CHECK_STR(h.items[2], "bad \xef\xbf\xbd byte");
	CHECK_STR(h.items[3], "last"); /* the bad line again after blank lines: a repeat */
	history_free(&h);
}

static void test_save(void)
{
	char dir[] = "/tmp/diglot-history.XXXXXX";
	CHECK(mkdtemp(dir) != NULL);
	char *path = xasprintf("%s/state/diglot/history", dir);
	struct history h = {0}, back = {0};
	history_add(&h, "one");
	history_add(&h, "two");
	char *cause = NULL;
	CHECK_INT(history_save(&h, path, &cause), DG_OK);
	history_load(&back, path);
	CHECK_INT(back.n, 2);
	CHECK_STR(back.items[1], "two");
	struct stat sb;
	CHECK(stat(path, &sb) == 0 && (sb.st_mode & 077) == 0);
	/* A folder where the file should be: an error, and nothing left over. */
	char *blocked = xasprintf("%s/blocked", dir);
	CHECK(mkdir(blocked, 0700) == 0);
	CHECK_INT(history_save(&h, blocked, &cause), DG_ERR);
	CHECK(cause != NULL);
	free(cause);
	history_load(&back, "/nonexistent/history"); /* missing: empty */
	CHECK_INT(back.n, 0);
	char *cmd = xasprintf("rm -rf '%s'", dir);
	CHECK(system(cmd) == 0);
	free(cmd);
	free(blocked);
	free(path);
	history_free(&h);
	history_free(&back);
}

static void test_path(void)
{
	setenv("XDG_STATE_HOME", "/x/state", 1);
	char *p = history_path();
	CHECK_STR(p, "/x/state/diglot/history");
	free(p);
	setenv("XDG_STATE_HOME", "relative", 1); /* ignored, as the XDG spec says */
	setenv("HOME", "/home/u", 1);
	p = history_path();
	CHECK_STR(p, "/home/u/.local/state/diglot/history");
	free(p);
}

int main(void)
{
	test_add();
	test_parse();
	test_save();
	test_path();
	return t_done();
}
