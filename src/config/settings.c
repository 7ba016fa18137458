/*
 * settings.c: the config file (settings.h).  Like the theme parser, a bad
 * line is reported with its file and line and the rest still applies.
 */
#include "diglot/common.h"
#include "diglot/settings.h"
#include "confline.h"
#include "diglot/keys.h"
#include "diglot/layout.h"
#include "diglot/sbuf.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void settings_init(struct settings *s)
{
	*s = (struct settings){.view = VIEW_AUTO, .mark_read_on_open = true, .sidebar_width = 24,
	                       .mouse = true};
}

void settings_free(struct settings *s)
{
	xfree(&s->theme);
	xfree(&s->user_agent);
}

/* "NAME N" with N in [lo, hi] into *out; NULL, else the usage line. */
static const char *number(char **w, int n, long lo, long hi, int *out, const char *usage)
{
	char *end = NULL;
	errno = 0;
	long v = n == 2 ? strtol(w[1], &end, 10) : 0;
	if (n != 2 || errno || *end || v < lo || v > hi)
		return usage;
	*out = (int)v;
	return NULL;
}

/* The fetch-* settings and user-agent; "" when the line is none of them. */
static const char *apply_fetch(struct settings *s, char **w, int n)
{
	if (!strcmp(w[0], "fetch-jobs"))
		return number(w, n, 1, 256, &s->fetch_jobs, "usage: fetch-jobs N (1 to 256)");
	if (!strcmp(w[0], "fetch-per-host"))
		return number(w, n, 1, 64, &s->fetch_per_host, "usage: fetch-per-host N (1 to 64)");
	if (!strcmp(w[0], "fetch-timeout"))
		return number(w, n, 1, 3600, &s->fetch_timeout, "usage: fetch-timeout SECONDS (1 to 3600)");
	if (!strcmp(w[0], "fetch-connect-timeout"))
		return number(w, n, 1, 600, &s->fetch_connect_timeout,
		              "usage: fetch-connect-timeout SECONDS (1 to 600)");
	if (!strcmp(w[0], "fetch-max-size"))
		return number(w, n, 1, 64, &s->fetch_max_mib, "usage: fetch-max-size MIB (1 to 64)");
	if (!strcmp(w[0], "fetch-interval"))
		return number(w, n, 0, 10080, &s->fetch_interval,
		              "usage: fetch-interval MINUTES (0 to 10080; 0 never)");
	if (!strcmp(w[0], "user-agent")) {
		if (n < 2)
			return "usage: user-agent TEXT";
		struct sbuf b = SBUF_INIT;
		for (int i = 1; i < n; i++) {
			if (i > 1)
				sbuf_addc(&b, ' ');
			sbuf_addstr(&b, w[i]);
		}
		/* a header value: no control characters (confline split on
		 * spaces, tabs and CR already) */
		for (const char *p = sbuf_str(&b); *p; p++)
			if ((unsigned char)*p < 0x20 || *p == 0x7f) {
				sbuf_free(&b);
				return "user-agent: control characters are not allowed";
			}
		free(s->user_agent);
		s->user_agent = xstrdup(sbuf_str(&b));
		sbuf_free(&b);
		return NULL;
	}
	return "";
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
static const char *apply(void *ctx, char **w, int n)
{
	struct settings *s = ctx;
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
	} else if (!strcmp(w[0], "keys")) {
		/* A preset resets the bindings: bind lines after it adjust it. */
		if (n != 2 || !keys_preset(w[1]))
			return "usage: keys default|newsboat|vi";
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
	} else if (!strcmp(w[0], "mouse")) {
		int b = n == 2 ? parse_bool(w[1]) : -1;
		if (b < 0)
			return "usage: mouse yes|no";
		s->mouse = b;
	} else if (!strcmp(w[0], "sidebar-width")) {
		char *end = NULL;
		long v = n == 2 ? strtol(w[1], &end, 10) : 0;
		if (n != 2 || *end || v < 10 || v > 80)
			return "usage: sidebar-width N (10 to 80)";
		s->sidebar_width = (int)v;
	} else {
		const char *why = apply_fetch(s, w, n);
		return why && !*why ? "unknown setting" : why;
	}
	return NULL;
}

int settings_parse(struct settings *s, const char *text, size_t len, const char *file,
                   dg_error_fn err, void *ctx)
{
	return confline_parse(text, len, file, " \t\r", 8, apply, s, err, ctx);
}

enum dg_status settings_load(struct settings *s, const char *path, dg_error_fn err, void *ctx)
{
	size_t len;
	char *buf = confline_read(path, &len);
	if (!buf)
		return errno == ENOENT ? DG_NOTFOUND : DG_ERR;
	settings_parse(s, buf, len, path, err, ctx);
	free(buf);
	return DG_OK;
}
