/*
 * settings.c: the config file (settings.h).  Like the theme parser, a bad
 * line is reported with its file and line and the rest still applies.
 */
#include "diglot/common.h"
#include "diglot/settings.h"
#include "diglot/keys.h"
#include "diglot/layout.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void settings_init(struct settings *s)
{
	*s = (struct settings){NULL, VIEW_AUTO, true, 24};
}

void settings_free(struct settings *s)
{
	xfree(&s->theme);
}

char *settings_dir(void)
{
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	if (xdg && xdg[0] == '/')
		return xasprintf("%s/diglot", xdg);
	if (home && home[0])
		return xasprintf("%s/.config/diglot", home);
	return NULL;
}

static int parse_bool(const char *v)
{
	if (!strcmp(v, "yes") || !strcmp(v, "true") || !strcmp(v, "on") || !strcmp(v, "1"))
		return 1;
	if (!strcmp(v, "no") || !strcmp(v, "false") || !strcmp(v, "off") || !strcmp(v, "0"))
		return 0;
	return -1;
}

/* One line split into words; returns NULL on success, else why it is wrong. */
static const char *apply(struct settings *s, char **w, int n)
{
	if (!strcmp(w[0], "theme")) {
		if (n != 2)
			return "usage: theme NAME";
		free(s->theme);
		s->theme = xstrdup(w[1]);
	} else if (!strcmp(w[0], "bind")) {
		if (n != 3)
			return "usage: bind KEY ACTION";
		int code = keys_parse(w[1]);
		if (code < 0)
			return "unknown key name";
		enum request r = request_parse(w[2]);
		if (r == REQ_NONE && strcmp(w[2], "none") != 0)
			return "unknown action (see the help screen, '?')";
		keys_bind(code, r);
	} else if (!strcmp(w[0], "view")) {
		int v = n == 2 ? layout_view_parse(w[1]) : -1;
		if (v < 0)
			return "usage: view auto|original|side-by-side|left|right";
		s->view = v;
	} else if (!strcmp(w[0], "mark-read-on-open")) {
		int b = n == 2 ? parse_bool(w[1]) : -1;
		if (b < 0)
			return "usage: mark-read-on-open yes|no";
		s->mark_read_on_open = b;
	} else if (!strcmp(w[0], "sidebar-width")) {
		char *end = NULL;
		long v = n == 2 ? strtol(w[1], &end, 10) : 0;
		if (n != 2 || *end || v < 10 || v > 80)
			return "usage: sidebar-width N (10 to 80)";
		s->sidebar_width = (int)v;
	} else
		return "unknown setting";
	return NULL;
}

int settings_parse(struct settings *s, const char *text, size_t len, const char *file,
                   theme_error_fn err, void *ctx)
{
	int bad = 0, lineno = 0;
	const char *p = text, *end = text + len;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		char *line = xstrndup(p, n), *save = NULL, *w[8];
		int nw = 0;
		lineno++;
		for (char *t = strtok_r(line, " \t\r", &save); t && nw < 8; t = strtok_r(NULL, " \t\r", &save)) {
			if (t[0] == '#')
				break;
			w[nw++] = t;
		}
		const char *why = nw ? apply(s, w, nw) : NULL;
		if (why) {
			bad++;
			if (err)
				err(ctx, file, lineno, why);
		}
		free(line);
		p += n + (nl != NULL);
	}
	return bad;
}

int settings_load(struct settings *s, const char *path, theme_error_fn err, void *ctx)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return errno == ENOENT ? DG_NOTFOUND : DG_ERR;
	char *buf = NULL;
	size_t len = 0, cap = 0, n;
	do {
		xgrow(&buf, &cap, len + 4096, 1);
		n = fread(buf + len, 1, cap - len, f);
		len += n;
	} while (n > 0 && len < ((size_t)1 << 20));
	fclose(f);
	settings_parse(s, buf, len, path, err, ctx);
	free(buf);
	return DG_OK;
}
