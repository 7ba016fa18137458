/*
 * story_known.h: the story keys a store handle has looked up, with the
 * articles holding each (private to src/store).  No SQL: store_story.c
 * fills it from story_fts and keeps it in step with what it writes.
 */
#ifndef DIGLOT_STORY_KNOWN_H
#define DIGLOT_STORY_KNOWN_H

#include "diglot/common.h"

/* The most articles kept for one key: more is a common key, weightless
 * (story.h, STORY_DF_MAX). */
#define KNOWN_IDS_MAX 102

struct story_known;

/* An empty set (never NULL) of at most max_keys keys (about 100 bytes
 * each, with their articles); full, it starts again. */
struct story_known *known_new(size_t max_keys);
void known_set_max(struct story_known *kn, size_t max_keys);
void known_free(struct story_known *kn);
/* Forget everything: another connection changed the library, or a
 * rollback took back what was added. */
void known_clear(struct story_known *kn);

/* The articles holding key k, when it was looked up (true); *ids stays
 * valid until the next call that changes kn. */
bool known_get(const struct story_known *kn, int64_t k, const int64_t **ids, size_t *n);
/* Key k is held by ids[0..n) (n <= KNOWN_IDS_MAX), all of them; ignored
 * when the set is full. */
void known_put(struct story_known *kn, int64_t k, const int64_t *ids, size_t n);
/* Article a now holds key k too: kept only when k is known. */
void known_add(struct story_known *kn, int64_t k, int64_t a);
/* Article a holds key k no more. */
void known_remove(struct story_known *kn, int64_t k, int64_t a);

/* The PRAGMA data_version the set is true for. */
int64_t known_version(const struct story_known *kn);
void known_set_version(struct story_known *kn, int64_t v);

#endif
