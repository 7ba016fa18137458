/*
 * theme.h: colour themes.  A theme file has lines
 *     color ELEMENT FG BG [ATTR...]
 * with colours named (default, black, red, green, yellow, blue, magenta,
 * cyan, white, bright-* or brightred...) or numbered 0-255, attributes
 * bold, underline, reverse, dim, italic, and '#' comments.  Pure C: the ui
 * turns a struct theme into curses colour pairs (degrading 256 colours to
 * 16 or 8 with theme_degrade).
 */
#ifndef DIGLOT_THEME_H
#define DIGLOT_THEME_H

#include "diglot/common.h"

#define THEME_ELEMENTS(E) \
	E(NORMAL, "normal") \
	E(TITLE, "title") \
	E(META, "meta") \
	E(HEADER, "header") \
	E(RULE, "rule") \
	E(HEADING, "heading") \
	E(BODY, "body") \
	E(DIVIDER, "divider") \
	E(SELECTED, "selected") \
	E(UNREAD, "unread") \
	E(BOOKMARK, "bookmark") \
	E(LANG, "lang") \
	E(SOURCE, "source") \
	E(DATE, "date") \
	E(SIDEBAR, "sidebar") \
	E(SIDEBAR_HEADING, "sidebar-heading") \
	E(SIDEBAR_SELECTED, "sidebar-selected") \
	E(TITLEBAR, "titlebar") \
	E(STATUS, "status") \
	E(SEARCH_MATCH, "search-match") \
	E(PROMPT, "prompt") \
	E(ERROR, "error")

enum theme_element {
#define THEME_ENUM(id, name) EL_##id,
	THEME_ELEMENTS(THEME_ENUM)
#undef THEME_ENUM
	EL_COUNT
};

enum theme_attr {
	ATTR_BOLD = 1, ATTR_UNDERLINE = 2, ATTR_REVERSE = 4, ATTR_DIM = 8, ATTR_ITALIC = 16,
};

#define COLOR_DEFAULT (-1)

struct theme_style {
	short fg, bg;   /* COLOR_DEFAULT or 0..255 */
	unsigned attr;  /* enum theme_attr bits */
};

struct theme {
	struct theme_style el[EL_COUNT];
};

const char *theme_element_name(enum theme_element e);
/* -1 when unknown. */
int theme_element_parse(const char *name);
/* A colour name or number: 0..255, COLOR_DEFAULT, or -2 when unknown. */
int theme_color_parse(const char *name);

/* The built-in default: terminal colours, structure shown with attributes. */
void theme_default(struct theme *t);
/* Attributes only, no colours (NO_COLOR, monochrome terminals). */
void theme_mono(struct theme *t);

/* Apply the lines of text to t; bad lines reported and skipped.
 * Returns the number of bad lines. */
int theme_parse(struct theme *t, const char *text, size_t len, const char *file,
                dg_error_fn err, void *ctx);

/*
 * Find a theme: a name containing '/' or ending in ".theme" is a path;
 * otherwise NAME.theme in config_dir/themes (may be NULL), then in the
 * bundled themes (datadir.h).  Caller frees;
 * NULL when not found.
 */
char *theme_find(const char *name, const char *config_dir);

/* theme_find, read, theme_parse onto the default theme.  DG_NOTFOUND
 * when no such theme (t keeps the default), DG_ERR when it cannot be read. */
enum dg_status theme_load(struct theme *t, const char *name, const char *config_dir,
               dg_error_fn err, void *ctx);

/* The nearest of the first ncolors (8 or 16) colours to colour c (0..255). */
short theme_degrade(short c, int ncolors);

#endif
