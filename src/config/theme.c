/*
 * theme.c: theme files (theme.h).  A theme starts from the built-in
 * default and each line overrides one element, so a theme file may set
 * only what it cares about.  Bad lines are reported through a callback
 * and skipped: a typo never costs the user the rest of the theme.
 */
#include "diglot/common.h"
#include "diglot/theme.h"
#include "diglot/datadir.h"
#include "confline.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const element_names[EL_COUNT] = {
#define THEME_NAME(id, name) [EL_##id] = name,
	THEME_ELEMENTS(THEME_NAME)
#undef THEME_NAME
};

static const char *const color_names[8] = {
	"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
};

static const struct {
	const char *name;
	unsigned bit;
} attr_names[] = {
	{"bold", ATTR_BOLD}, {"underline", ATTR_UNDERLINE}, {"reverse", ATTR_REVERSE},
	{"dim", ATTR_DIM}, {"italic", ATTR_ITALIC}, {"normal", 0},
};

const char *theme_element_name(enum theme_element e)
{
	return e < EL_COUNT ? element_names[e] : "?";
}

int theme_element_parse(const char *name)
{
	for (int i = 0; i < EL_COUNT; i++)
		if (strcmp(element_names[i], name) == 0)
			return i;
	return -1;
}

int theme_color_parse(const char *name)
{
	if (strcasecmp(name, "default") == 0 || strcmp(name, "-1") == 0)
		return COLOR_DEFAULT;
	if (name[0] >= '0' && name[0] <= '9') {
		char *end;
		long n = strtol(name, &end, 10);
		return *end == '\0' && n >= 0 && n <= 255 ? (int)n : -2;
	}
	int bright = 0;
	if (strncasecmp(name, "bright-", 7) == 0)
		bright = 8, name += 7;
	else if (strncasecmp(name, "bright", 6) == 0)
		bright = 8, name += 6;
	for (int i = 0; i < 8; i++)
		if (strcasecmp(color_names[i], name) == 0)
			return i + bright;
	if (!bright && (strcasecmp(name, "grey") == 0 || strcasecmp(name, "gray") == 0))
		return 8;
	return -2;
}

static void set(struct theme *t, enum theme_element e, short fg, short bg, unsigned attr)
{
	t->el[e] = (struct theme_style){fg, bg, attr};
}

void theme_mono(struct theme *t)
{
	for (int i = 0; i < EL_COUNT; i++)
		set(t, (enum theme_element)i, COLOR_DEFAULT, COLOR_DEFAULT, 0);
	t->el[EL_TITLE].attr = ATTR_BOLD;
	t->el[EL_HEADING].attr = ATTR_BOLD;
	t->el[EL_HEADER].attr = ATTR_UNDERLINE;
	t->el[EL_META].attr = ATTR_DIM;
	t->el[EL_UNREAD].attr = ATTR_BOLD;
	t->el[EL_SELECTED].attr = ATTR_REVERSE;
	t->el[EL_SIDEBAR_HEADING].attr = ATTR_BOLD;
	t->el[EL_SIDEBAR_SELECTED].attr = ATTR_REVERSE;
	t->el[EL_TITLEBAR].attr = ATTR_REVERSE;
	t->el[EL_STATUS].attr = ATTR_REVERSE;
	t->el[EL_SEARCH_MATCH].attr = ATTR_REVERSE | ATTR_UNDERLINE;
	t->el[EL_PROMPT].attr = ATTR_BOLD;
	t->el[EL_ERROR].attr = ATTR_BOLD;
}

void theme_default(struct theme *t)
{
	theme_mono(t);
	/* A little colour on the terminal's own background. */
	t->el[EL_TITLE].fg = 4;        /* blue */
	t->el[EL_HEADING].fg = 4;
	t->el[EL_DIVIDER].fg = 4;
	t->el[EL_LANG].fg = 6;         /* cyan */
	t->el[EL_BOOKMARK].fg = 3;     /* yellow */
	t->el[EL_SEARCH_MATCH] = (struct theme_style){0, 3, 0};
	t->el[EL_ERROR].fg = 1;        /* red */
}

/* One "color ELEMENT FG BG [ATTR...]" line; NULL or why it is wrong. */
static const char *parse_line(void *ctx, char **w, int n)
{
	struct theme *t = ctx;
	if ((strcmp(w[0], "color") != 0 && strcmp(w[0], "colour") != 0) || n < 4)
		return "expected 'color ELEMENT FG BG [ATTR...]'";
	int e = theme_element_parse(w[1]);
	if (e < 0)
		return "unknown element";
	int fg = theme_color_parse(w[2]), bg = theme_color_parse(w[3]);
	if (fg == -2 || bg == -2)
		return "unknown colour (use a name, bright-NAME, default or 0-255)";
	unsigned attr = 0;
	for (int i = 4; i < n; i++) {
		size_t k;
		for (k = 0; k < ARRAY_SIZE(attr_names); k++)
			if (strcasecmp(attr_names[k].name, w[i]) == 0)
				break;
		if (k == ARRAY_SIZE(attr_names))
			return "unknown attribute (bold, underline, reverse, dim, italic)";
		attr |= attr_names[k].bit;
	}
	set(t, (enum theme_element)e, (short)fg, (short)bg, attr);
	return NULL;
}

int theme_parse(struct theme *t, const char *text, size_t len, const char *file,
                dg_error_fn err, void *ctx)
{
	return confline_parse(text, len, file, " \t", 16, parse_line, t, err, ctx);
}

static bool readable(const char *path)
{
	FILE *f = fopen(path, "r");
	if (f)
		fclose(f);
	return f != NULL;
}

char *theme_find(const char *name, const char *config_dir)
{
	size_t len = strlen(name);
	if (strchr(name, '/') || (len > 6 && strcmp(name + len - 6, ".theme") == 0))
		return readable(name) ? xstrdup(name) : NULL;
	if (config_dir) {
		char *path = xasprintf("%s/themes/%s.theme", config_dir, name);
		if (readable(path))
			return path;
		free(path);
	}
	char *dir = datadir_find("themes");
	char *path = dir ? xasprintf("%s/%s.theme", dir, name) : NULL;
	free(dir);
	if (path && readable(path))
		return path;
	free(path);
	return NULL;
}

enum dg_status theme_load(struct theme *t, const char *name, const char *config_dir,
               dg_error_fn err, void *ctx)
{
	char *path = theme_find(name, config_dir);
	if (!path)
		return DG_NOTFOUND;
	size_t len;
	char *buf = confline_read(path, &len);
	if (!buf) {
		free(path);
		return DG_ERR;
	}
	theme_default(t);
	theme_parse(t, buf, len, path, err, ctx);
	free(buf);
	free(path);
	return DG_OK;
}

/* xterm's RGB values for the 16 standard colours. */
static const unsigned char base16[16][3] = {
	{0, 0, 0}, {205, 0, 0}, {0, 205, 0}, {205, 205, 0},
	{0, 0, 238}, {205, 0, 205}, {0, 205, 205}, {229, 229, 229},
	{127, 127, 127}, {255, 0, 0}, {0, 255, 0}, {255, 255, 0},
	{92, 92, 255}, {255, 0, 255}, {0, 255, 255}, {255, 255, 255},
};

static void rgb_of(int c, int rgb[3])
{
	static const int level[6] = {0, 95, 135, 175, 215, 255};
	if (c < 16) {
		for (int i = 0; i < 3; i++)
			rgb[i] = base16[c][i];
	} else if (c < 232) {
		c -= 16;
		rgb[0] = level[c / 36], rgb[1] = level[(c / 6) % 6], rgb[2] = level[c % 6];
	} else
		rgb[0] = rgb[1] = rgb[2] = 8 + 10 * (c - 232);
}

short theme_degrade(short c, int ncolors)
{
	if (c < 0 || c < ncolors)
		return c;
	if (c < 16)
		return (short)(c - 8); /* bright to normal on an 8-colour terminal */
	int rgb[3], best = 0;
	long bestd = -1;
	rgb_of(c, rgb);
	for (int i = 0; i < ncolors && i < 16; i++) {
		long d = 0;
		for (int k = 0; k < 3; k++)
			d += (long)(rgb[k] - base16[i][k]) * (rgb[k] - base16[i][k]);
		if (bestd < 0 || d < bestd)
			bestd = d, best = i;
	}
	return (short)best;
}
