/* layout.c: STUB, to be written (article layout). */
#include "diglot/common.h"
#include "diglot/layout.h"
#include <stdlib.h>
#include <string.h>

int layout_view_parse(const char *s)
{
	static const char *names[] = {"auto", "original", "side-by-side", "left", "right"};
	for (size_t i = 0; i < ARRAY_SIZE(names); i++)
		if (strcmp(s, names[i]) == 0)
			return (int)i;
	return -1;
}
int layout_view_for_lang(const struct article *a, const char *code) { (void)a; (void)code; return -1; }
const char *layout_view_name(enum layout_view v) { (void)v; return "original"; }

static void add_line(struct layout *l, const char *s, enum line_role role)
{
	xgrow(&l->lines, &l->cap, l->n + 1, sizeof *l->lines);
	l->lines[l->n++] = (struct layout_line){xstrdup(s), (unsigned char)role, -1};
}

void layout_article(struct layout *out, const struct article *a, enum layout_view view, int width)
{
	(void)view; (void)width;
	layout_free(out);
	add_line(out, a->title, LINE_TITLE);
	for (size_t i = 0; i < a->npara; i++)
		add_line(out, a->paras[i].text, LINE_BODY);
	out->view = VIEW_ORIGINAL;
}

size_t layout_wrap(const char *text, size_t len, int width, char ***lines, size_t *nlines, size_t *cap)
{
	(void)width;
	xgrow(lines, cap, *nlines + 1, sizeof **lines);
	(*lines)[(*nlines)++] = xstrndup(text, len);
	return 1;
}

void layout_free(struct layout *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->lines[i].text);
	free(l->lines);
	l->lines = NULL;
	l->n = l->cap = 0;
}
