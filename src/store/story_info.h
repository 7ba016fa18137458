/*
 * story_info.h: the story and text date of the articles a store handle
 * linked or looked at, and the sizes of their stories (private to
 * src/store).  No SQL: store_story.c fills it from story_art and keeps it
 * in step with what it writes; it is cleared with the known keys
 * (story_known.h) and by anything else that writes story_art.
 */
#ifndef DIGLOT_STORY_INFO_H
#define DIGLOT_STORY_INFO_H

#include "diglot/common.h"

struct story_info;

/* An empty cache (never NULL) of at most max articles and max stories;
 * full, it starts again. */
struct story_info *info_new(size_t max);
void info_set_max(struct story_info *in, size_t max);
void info_free(struct story_info *in);
void info_clear(struct story_info *in);

/* Article a's story (0: none) and text date, when known. */
bool info_get(const struct story_info *in, int64_t a, int64_t *story, int64_t *date);
/* Article a's row as story_art has it now. */
void info_put(struct story_info *in, int64_t a, int64_t story, int64_t date);

/* How many articles story s has, when known. */
bool info_size(const struct story_info *in, int64_t s, int64_t *n);
void info_put_size(struct story_info *in, int64_t s, int64_t n);

/* Article a went from story old to story s (0: none), as an UPDATE of
 * story_art did: its entry and both sizes follow. */
void info_set_story(struct story_info *in, int64_t a, int64_t old, int64_t s);

#endif
