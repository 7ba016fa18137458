/*
 * ui_draw.h: painting helpers for every screen: theme colours, safe text,
 * the title and status bars, search-match ranges.
 */
#ifndef DIGLOT_UI_DRAW_H
#define DIGLOT_UI_DRAW_H

#include "ui_int.h"

void draw_init_colors(struct ui *ui);
attr_t draw_attr(const struct ui *ui, enum theme_element e);
/* Paint s (any bytes, made safe here) at y,x in at most cols columns,
 * highlighting the byte ranges [hl[2i], hl[2i+1]) with hl_attr; pads with
 * spaces to cols when pad.  Returns the columns used. */
int draw_text(struct ui *ui, int y, int x, const char *s, size_t len, int cols, attr_t attr,
              const size_t *hl, size_t nhl, attr_t hl_attr, bool pad);
void draw_fill(int y, int x, int cols, attr_t attr);
/* The title bar (top line) and the status bar (second line from the bottom). */
void draw_bars(struct ui *ui, const char *title, const char *status);
/* Byte ranges of s matching the search query (tokenize.h), appended to
 * *hl as pairs; returns the number of pairs. */
size_t draw_matches(const char *query, const char *s, size_t len, size_t **hl, size_t *cap);
/* A date cell of width columns after a separator, appended to b: the
 * local day of date (the text's), else of imported_at marked by a '~' in
 * the separator's place, so that dated and undated rows stay aligned. */
void draw_date_cell(int64_t date, int64_t imported_at, int width, struct sbuf *b);

#endif
