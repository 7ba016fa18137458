/*
 * settings.h: the reader's config file, $XDG_CONFIG_HOME/diglot/config
 * (~/.config/diglot/config).  One setting a line, '#' comments:
 *     theme NAME|PATH
 *     keys default|newsboat|vi (a preset; resets the bindings, so before any bind)
 *     bind KEY ACTION          (see keys.h; "bind KEY none" unbinds; KEY may be M-x)
 *     view auto|original|side-by-side|left|right
 *     mark-read-on-open yes|no
 *     sidebar-width N
 *     mouse yes|no             (click, double-click, wheel; no: the terminal's selection)
 *     fetch-jobs N             (connections at once, 1 to 256; diglot fetch --jobs wins)
 *     fetch-per-host N         (connections at once to one server, 1 to 64)
 *     fetch-timeout SECONDS    (a whole transfer, 1 to 3600)
 *     fetch-connect-timeout SECONDS (1 to 600)
 *     fetch-max-size MIB       (larger bodies are refused, 1 to 64)
 *     fetch-interval MINUTES   (the reader fetches every feed this often; 0 never)
 *     user-agent TEXT...       (the User-Agent header; default diglot/VERSION)
 * Bad lines are reported as FILE:LINE: why and skipped.
 */
#ifndef DIGLOT_SETTINGS_H
#define DIGLOT_SETTINGS_H

#include "diglot/common.h"
#include "diglot/theme.h"

struct settings {
	char *theme;            /* NULL: the built-in default */
	int view;               /* enum layout_view */
	bool mark_read_on_open;
	int sidebar_width;
	bool mouse;
	/* Fetching feeds: 0 (NULL) leaves fetch.h's default. */
	int fetch_jobs, fetch_per_host, fetch_timeout, fetch_connect_timeout, fetch_max_mib;
	int fetch_interval; /* minutes; 0: the reader never fetches by itself */
	char *user_agent;
};

void settings_init(struct settings *s);
void settings_free(struct settings *s);

/* $XDG_CONFIG_HOME/diglot, else ~/.config/diglot; caller frees; NULL
 * when neither is set. */
char *settings_dir(void);

/* Apply the lines of text (bindings go to keys_bind); returns the number
 * of bad lines, each reported through err. */
int settings_parse(struct settings *s, const char *text, size_t len, const char *file,
                   dg_error_fn err, void *ctx);

/* Read and apply path.  A missing file is not an error (DG_NOTFOUND);
 * DG_ERR when it exists but cannot be read. */
enum dg_status settings_load(struct settings *s, const char *path, dg_error_fn err, void *ctx);

#endif
