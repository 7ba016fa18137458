/*
 * ui_scroll.c: cursor and view movement shared by the list, the sidebar,
 * the pager and the help screen.  Pure arithmetic, no curses: the screen
 * fetches or paints whatever lines the result asks for.
 */
#include "ui_scroll.h"

int64_t scroll_delta(const struct scroll *s, enum request r)
{
	int64_t page = MAX(1, s->page - s->overlap);
	switch (r) {
	case REQ_MOVE_DOWN: return 1;
	case REQ_MOVE_UP: return -1;
	case REQ_PAGE_DOWN: return page;
	case REQ_PAGE_UP: return -page;
	/* A move by the whole count reaches the end from anywhere. */
	case REQ_MOVE_FIRST: return -MAX(1, s->count);
	case REQ_MOVE_LAST: return MAX(1, s->count);
	default: return 0;
	}
}

bool scroll_cursor(struct scroll *s, enum request r)
{
	int64_t d = scroll_delta(s, r);
	if (!d)
		return false;
	s->cur += d;
	/* A page move keeps the cursor's row on the screen: the view moves too. */
	if (r == REQ_PAGE_DOWN || r == REQ_PAGE_UP)
		s->top += d;
	scroll_follow(s);
	scroll_clamp(s);
	return true;
}

bool scroll_view(struct scroll *s, enum request r)
{
	int64_t d = scroll_delta(s, r);
	if (!d)
		return false;
	s->top += d;
	scroll_clamp(s);
	return true;
}

void scroll_follow(struct scroll *s)
{
	if (s->count <= 0) {
		s->cur = s->top = 0;
		return;
	}
	s->cur = MAX(0, MIN(s->cur, s->count - 1));
	if (s->cur < s->top)
		s->top = s->cur;
	if (s->cur >= s->top + s->page)
		s->top = s->cur - s->page + 1;
}

void scroll_clamp(struct scroll *s)
{
	s->top = MAX(0, MIN(s->top, s->count - s->page));
}
