/*
 * layout.h: an article as lines of text for a given width: the header
 * (title, source, URL, languages) then the body, single column or side by
 * side.  Pure text, no curses: the pager paints these lines and
 * `diglot show --format text` prints them, so both always agree.
 * Right-to-left text (Arabic, Hebrew) is laid out in logical order; the
 * terminal's bidi support, if any, reorders it when painting.
 */
#ifndef DIGLOT_LAYOUT_H
#define DIGLOT_LAYOUT_H

#include "diglot/article.h"

enum layout_view {
	VIEW_AUTO,     /* side by side when bilingual, else original */
	VIEW_ORIGINAL, /* every paragraph in document order */
	VIEW_SIDE,     /* two columns, aligned rows start on the same line */
	VIEW_LEFT,     /* the primary language only */
	VIEW_RIGHT,    /* the second language only */
};

enum line_role {
	LINE_BLANK,
	LINE_TITLE,   /* the article title */
	LINE_META,    /* source, URL, languages */
	LINE_HEADER,  /* column headers over a side-by-side body */
	LINE_RULE,    /* a horizontal rule */
	LINE_HEADING, /* a paragraph of kind PARA_TITLE in the body */
	LINE_BODY,
};

/*
 * In a side-by-side body every line, including the blank ones between
 * rows (role LINE_BLANK, text "<spaces> │"), carries the divider " │ ":
 * the left cell is padded to (width - 3) / 2 columns, then space, U+2502,
 * space, then the right cell; a line whose right cell is empty ends at the
 * U+2502.  The header line (LINE_HEADER) names the two languages and the
 * rule (LINE_RULE) has U+253C at the divider column.  A line mixing a
 * heading and body text is LINE_BODY.
 */
struct layout_line {
	char *text;          /* display text, no control characters, no trailing spaces */
	unsigned char role;  /* enum line_role */
	int divider;         /* display column of the side-by-side divider char, -1 when none */
};

struct layout {
	struct layout_line *lines;
	size_t n, cap;
	enum layout_view view; /* the view actually laid out (never VIEW_AUTO) */
};

/* Parse "auto", "original", "side-by-side", "left", "right"; -1 when unknown.
 * A language code (any case) is resolved against the article by
 * layout_view_for_lang: a side of a bilingual article; -1 otherwise. */
int layout_view_parse(const char *s);
int layout_view_for_lang(const struct article *a, const char *code);
const char *layout_view_name(enum layout_view v);

/* Lay out *a at width columns (at least 20) into *out, replacing its lines.
 * No line is wider than width.  VIEW_AUTO is side by side for a bilingual
 * article with rows, else original; side/left/right on a monolingual
 * article (and side without rows) fall back to original.  Below 60
 * columns a side-by-side view stacks each row instead: the left text,
 * then the right text indented by 2.  Paragraphs that no row names are
 * not shown in the side-by-side view. */
void layout_article(struct layout *out, const struct article *a, enum layout_view view, int width);

/* Wrap text (one paragraph, may hold '\n' hard breaks) to width columns:
 * CJK between characters, Latin at spaces and hyphens (UAX #14), over-long
 * tokens cut at the column, never inside a grapheme.  Appends one string
 * per line to *lines (caller frees each and the array); returns how many.
 * Lines have no trailing spaces; wrapped (not hard-broken) lines lose
 * their leading spaces.  Empty text gives one empty line.  A single
 * grapheme wider than width (only possible when width < 2) gets a line
 * of its own. */
size_t layout_wrap(const char *text, size_t len, int width, char ***lines, size_t *nlines, size_t *cap);

/* All lines joined, each ending in '\n' (what `show --format text`
 * prints).  Caller frees. */
char *layout_text(const struct layout *l);

void layout_free(struct layout *l);

#endif
