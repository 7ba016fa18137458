/*
 * store_stories.h: the stories the reader's sidebar lists
 * (store_stories.c): the newest ones, read from the story index backward,
 * so that the cost stays the same however large the library grows.
 * store.h's store_stories lists every story, for `diglot stories`.
 */
#ifndef DIGLOT_STORE_STORIES_H
#define DIGLOT_STORE_STORIES_H

#include "diglot/store.h"

/* One story as the sidebar shows it; strings live until the callback returns. */
struct store_story_sum {
	int64_t id;
	const char *langs;  /* its articles' languages, sorted, ',' between */
	int nlangs;         /* how many */
	int64_t articles, unread;
	const char *title;  /* its earliest article's (by date, then id) */
};
typedef int (*store_story_sum_fn)(void *ctx, const struct store_story_sum *s);

/*
 * The newest scan stories of two articles or more (newest: formed last;
 * story ids only grow), those in two languages or more first, then the
 * others, newest first in each part; at most limit reach fn (nonzero
 * stops).  Reads at most scan stories' rows, whatever the library's size.
 */
enum dg_status store_stories_recent(struct store *st, size_t limit, size_t scan, store_story_sum_fn fn,
                                    void *ctx);

#endif
