/*
 * story_known.c: the story keys looked up on a store handle (story_known.h).
 *
 * An import into a library of 100k articles looked each key up in
 * story_fts once per batch, and most keys of a library of news are held
 * by tens of articles: the same doclists were read again and again (on
 * the benchmark corpus 40 lookups per new key, four fifths of the
 * linking time).  Here each answer is kept and brought up to date with
 * what this handle writes, so a key is looked up once a session.
 * Open addressing over key hashes (0: an empty slot); an entry that
 * grows past KNOWN_IDS_MAX, or does not fit, stops being known.
 */
#include "diglot/common.h"
#include "story_known.h"

#include <stdlib.h>
#include <string.h>

/* Articles held, all keys, per key the set may hold. */
#define KNOWN_IDS_PER_KEY 8

struct known_key {
	int64_t k;    /* 0: an empty slot */
	int64_t *ids; /* NULL with live false: seen once, no longer known */
	uint32_t n, cap;
	bool live;
};

struct story_known {
	struct known_key *e;
	size_t nslot, n; /* slots (a power of two), slots used */
	size_t ids;      /* ids held, all keys */
	size_t max_keys;
	int64_t version;
};

struct story_known *known_new(size_t max_keys)
{
	struct story_known *kn = xcalloc(1, sizeof *kn);
	kn->version = -1;
	kn->max_keys = max_keys;
	return kn;
}

void known_set_max(struct story_known *kn, size_t max_keys)
{
	kn->max_keys = max_keys;
	if (kn->n > max_keys)
		known_clear(kn);
}

void known_clear(struct story_known *kn)
{
	for (size_t i = 0; i < kn->nslot; i++)
		free(kn->e[i].ids);
	free(kn->e);
	kn->e = NULL;
	kn->nslot = kn->n = kn->ids = 0;
}

void known_free(struct story_known *kn)
{
	if (!kn)
		return;
	known_clear(kn);
	free(kn);
}

int64_t known_version(const struct story_known *kn)
{
	return kn->version;
}

void known_set_version(struct story_known *kn, int64_t v)
{
	kn->version = v;
}

static size_t slot_at(const struct known_key *e, size_t nslot, int64_t k)
{
	size_t i = (size_t)((uint64_t)k * 0x9E3779B97F4A7C15ULL >> 20) & (nslot - 1);
	while (e[i].k && e[i].k != k)
		i = (i + 1) & (nslot - 1);
	return i;
}

static struct known_key *find(const struct story_known *kn, int64_t k)
{
	if (!kn->nslot || !k)
		return NULL;
	struct known_key *e = &kn->e[slot_at(kn->e, kn->nslot, k)];
	return e->k ? e : NULL;
}

static void grow(struct story_known *kn)
{
	size_t nslot = kn->nslot ? 2 * kn->nslot : 1024;
	struct known_key *e = xcalloc(nslot, sizeof *e);
	for (size_t i = 0; i < kn->nslot; i++)
		if (kn->e[i].k)
			e[slot_at(e, nslot, kn->e[i].k)] = kn->e[i];
	free(kn->e);
	kn->e = e;
	kn->nslot = nslot;
}

/* The entry stops being known: its key is looked up again when asked. */
static void drop(struct story_known *kn, struct known_key *e)
{
	kn->ids -= e->n;
	free(e->ids);
	e->ids = NULL;
	e->n = e->cap = 0;
	e->live = false;
}

bool known_get(const struct story_known *kn, int64_t k, const int64_t **ids, size_t *n)
{
	const struct known_key *e = find(kn, k);
	if (!e || !e->live)
		return false;
	*ids = e->ids;
	*n = e->n;
	return true;
}

void known_put(struct story_known *kn, int64_t k, const int64_t *ids, size_t n)
{
	if (!k || n > KNOWN_IDS_MAX || kn->max_keys == 0)
		return;
	struct known_key *e = find(kn, k);
	/* full: start again, so what is kept is what was looked up lately */
	if (!e && (kn->n >= kn->max_keys || kn->ids + n > KNOWN_IDS_PER_KEY * kn->max_keys)) {
		int64_t v = kn->version;
		known_clear(kn);
		kn->version = v;
	}
	if (!e) {
		if (2 * (kn->n + 1) > kn->nslot)
			grow(kn);
		e = &kn->e[slot_at(kn->e, kn->nslot, k)];
		e->k = k;
		kn->n++;
	}
	drop(kn, e);
	/* most keys are new, held by no article yet: no array until one is */
	if (n) {
		e->cap = (uint32_t)(n + 4);
		e->ids = xmalloc(e->cap * sizeof *e->ids);
		memcpy(e->ids, ids, n * sizeof *ids);
	}
	e->n = (uint32_t)n;
	e->live = true;
	kn->ids += n;
}

void known_add(struct story_known *kn, int64_t k, int64_t a)
{
	struct known_key *e = find(kn, k);
	if (!e || !e->live)
		return;
	if (e->n >= KNOWN_IDS_MAX || kn->ids >= KNOWN_IDS_PER_KEY * kn->max_keys) {
		drop(kn, e);
		return;
	}
	if (e->n == e->cap) {
		e->cap = e->cap ? 2 * e->cap : 4;
		e->ids = xreallocarray(e->ids, e->cap, sizeof *e->ids);
	}
	e->ids[e->n++] = a;
	kn->ids++;
}

void known_remove(struct story_known *kn, int64_t k, int64_t a)
{
	struct known_key *e = find(kn, k);
	if (!e || !e->live)
		return;
	for (uint32_t i = 0; i < e->n; i++)
		if (e->ids[i] == a) {
			e->ids[i] = e->ids[--e->n];
			kn->ids--;
			return;
		}
}
