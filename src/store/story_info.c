/*
 * story_info.c: the candidates' stories and dates, and story sizes, kept
 * on a store handle (story_info.h).
 *
 * Linking an article read each candidate's story_art row (its story and
 * date) and counted the articles of each story it could join: on a 100k
 * import these reads were two fifths of the linking.  The rows of a
 * session's articles are written by the session itself, so most answers
 * are known here without a read.  Open addressing over ids (0: empty).
 */
#include "diglot/common.h"
#include "story_info.h"

#include <stdlib.h>

struct info_slot {
	int64_t k; /* article id or story; 0: empty */
	int64_t v, date;
};

struct info_map {
	struct info_slot *e;
	size_t nslot, n;
};

struct story_info {
	struct info_map art, size;
	size_t max;
};

static struct info_slot *map_find(const struct info_map *m, int64_t k)
{
	if (!m->nslot || !k)
		return NULL;
	size_t i = (size_t)((uint64_t)k * 0x9E3779B97F4A7C15ULL >> 20) & (m->nslot - 1);
	while (m->e[i].k && m->e[i].k != k)
		i = (i + 1) & (m->nslot - 1);
	return &m->e[i];
}

static void map_clear(struct info_map *m)
{
	free(m->e);
	*m = (struct info_map){0};
}

static void map_grow(struct info_map *m)
{
	struct info_map g = {xcalloc(m->nslot ? 2 * m->nslot : 1024, sizeof *g.e), m->nslot ? 2 * m->nslot : 1024, m->n};
	for (size_t i = 0; i < m->nslot; i++)
		if (m->e[i].k)
			*map_find(&g, m->e[i].k) = m->e[i];
	free(m->e);
	*m = g;
}

/* Slot for k, made when missing; a full map starts again. */
static struct info_slot *map_put(struct info_map *m, int64_t k, size_t max)
{
	struct info_slot *e = map_find(m, k);
	if (e && e->k)
		return e;
	if (m->n >= max)
		map_clear(m);
	if (2 * (m->n + 1) > m->nslot)
		map_grow(m);
	e = map_find(m, k);
	e->k = k;
	m->n++;
	return e;
}

struct story_info *info_new(size_t max)
{
	struct story_info *in = xcalloc(1, sizeof *in);
	in->max = max;
	return in;
}

void info_set_max(struct story_info *in, size_t max)
{
	in->max = max;
	if (in->art.n > max || in->size.n > max)
		info_clear(in);
}

void info_clear(struct story_info *in)
{
	map_clear(&in->art);
	map_clear(&in->size);
}

void info_free(struct story_info *in)
{
	if (!in)
		return;
	info_clear(in);
	free(in);
}

bool info_get(const struct story_info *in, int64_t a, int64_t *story, int64_t *date)
{
	const struct info_slot *e = map_find(&in->art, a);
	if (!e || !e->k)
		return false;
	*story = e->v;
	*date = e->date;
	return true;
}

void info_put(struct story_info *in, int64_t a, int64_t story, int64_t date)
{
	if (!a || !in->max)
		return;
	struct info_slot *e = map_put(&in->art, a, in->max);
	e->v = story;
	e->date = date;
}

bool info_size(const struct story_info *in, int64_t s, int64_t *n)
{
	const struct info_slot *e = map_find(&in->size, s);
	if (!e || !e->k)
		return false;
	*n = e->v;
	return true;
}

void info_put_size(struct story_info *in, int64_t s, int64_t n)
{
	if (s && in->max)
		map_put(&in->size, s, in->max)->v = n;
}

void info_set_story(struct story_info *in, int64_t a, int64_t old, int64_t s)
{
	if (old == s)
		return;
	struct info_slot *e = map_find(&in->art, a);
	if (e && e->k)
		e->v = s;
	/* a size not known stays so: it is counted when asked */
	if ((e = map_find(&in->size, old)) && e->k)
		e->v--;
	if ((e = map_find(&in->size, s)) && e->k)
		e->v++;
}
