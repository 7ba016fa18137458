/*
 * store_story.c: story links in the library (store.h, schema v6).
 *
 *   story_fts(k)             a contentless FTS5 index (detail=none) of each
 *                            article's keys, one token per key hash: an
 *                            import batch becomes one segment, where a
 *                            B-tree of (key, article) rows took a random
 *                            page write per key and rewrote itself at
 *                            every commit
 *   story_art(a, story, keys) each linked-or-linkable article: its story
 *                            (NULL: none) and its key hashes, so that an
 *                            update or a delete can take them back out
 *   story_break(a, b)        a link the user broke (a < b): never remade
 *
 * The scoring is the text core's (story.h); this file only finds
 * candidates and keeps the stories.
 */
#include "diglot/common.h"
#include "diglot/story.h"
#include "diglot/sbuf.h"
#include "store_int.h"
#include "story_info.h"
#include "story_known.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define KEY_BYTES 6 /* evidence_hash is 48 bits */
#define TOKEN_SIZE 14 /* "k" and 12 hex digits and the NUL */
#define STORY_CANDIDATES 16 /* candidates scored with their date, best first */

/* The FTS5 token of a key hash, "k%012llx" of its 48 bits, written out
 * by hand: an article's keys are formatted at every link. */
static void key_token(int64_t k, char out[TOKEN_SIZE])
{
	static const char hex[] = "0123456789abcdef";
	uint64_t v = (uint64_t)k;
	out[0] = 'k';
	for (int i = 12; i >= 1; i--, v >>= 4)
		out[i] = hex[v & 15];
	out[13] = '\0';
}

static enum dg_status step_done(struct store *st, sqlite3_stmt *s)
{
	int r = sqlite3_step(s);
	sqlite3_reset(s);
	return r == SQLITE_DONE || r == SQLITE_ROW ? DG_OK : store_sqlerr(st);
}

/* ---- the open batch --------------------------------------------------- */

/*
 * A batch's keys wait here for store_commit: written to story_fts one
 * article at a time, FTS5 flushed them to a segment of their own at each
 * article insert (its triggers open a statement savepoint), and lookups
 * slowed with every segment.  They are looked up here until then.
 */
struct batch_key {
	int64_t k, a;
	int32_t next; /* the next pair with the same slot, -1 none */
};

struct story_batch {
	struct batch_key *p;
	size_t n, cap;
	int32_t *slot; /* key hash -> first pair, -1 empty */
	size_t nslot;
	struct sbuf rows; /* "id<TAB>tokens\n" per article, for story_fts */
};

static struct story_batch *batch_of(struct store *st)
{
	struct story_batch *b = st->story;
	if (!b) {
		b = st->story = xcalloc(1, sizeof *b);
		b->nslot = 1 << 16;
		b->slot = xmalloc(b->nslot * sizeof *b->slot);
		memset(b->slot, 0xff, b->nslot * sizeof *b->slot);
	}
	return b;
}

void store_story_cache(struct store *st, size_t keys)
{
	st->story_cache_keys = keys;
	if (st->story_known)
		known_set_max(st->story_known, keys);
	if (st->story_info)
		info_set_max(st->story_info, keys);
}

/* The keys looked up before on this handle (story_known.c), true for
 * the library as it is unless another connection changed it since. */
static enum dg_status known_of(struct store *st, struct story_known **kn)
{
	if (!st->story_known)
		st->story_known = known_new(st->story_cache_keys);
	if (!st->story_info)
		st->story_info = info_new(st->story_cache_keys);
	int64_t v = store_pragma_int(st, "PRAGMA data_version");
	if (v < 0)
		return store_sqlerr(st);
	if (v != known_version(st->story_known)) {
		known_clear(st->story_known);
		info_clear(st->story_info);
		known_set_version(st->story_known, v);
	}
	*kn = st->story_known;
	return DG_OK;
}

static size_t slot_of(const struct story_batch *b, int64_t k)
{
	return (size_t)((uint64_t)k * 0x9E3779B97F4A7C15ULL >> 17) & (b->nslot - 1);
}

static void batch_add(struct store *st, int64_t id, const struct evidence *ev, const char *toks)
{
	struct story_batch *b = batch_of(st);
	for (size_t i = 0; i < ev->n; i++) {
		xgrow(&b->p, &b->cap, b->n + 1, sizeof *b->p);
		size_t s = slot_of(b, ev->keys[i].hash);
		b->p[b->n] = (struct batch_key){ev->keys[i].hash, id, b->slot[s]};
		b->slot[s] = (int32_t)b->n++;
	}
	sbuf_addf(&b->rows, "%lld\t%s\n", (long long)id, toks);
}

static void batch_free(struct store *st)
{
	struct story_batch *b = st->story;
	if (!b)
		return;
	free(b->p);
	free(b->slot);
	sbuf_free(&b->rows);
	free(b);
	st->story = NULL;
}

void store_story_close(struct store *st)
{
	batch_free(st);
	known_free(st->story_known);
	st->story_known = NULL;
	info_free(st->story_info);
	st->story_info = NULL;
	free(st->story_common);
	st->story_common = NULL;
}

/* A rollback: the batch's keys are gone, and what was added to the
 * known keys may have been taken back. */
void store_story_discard(struct store *st)
{
	batch_free(st);
	if (st->story_known)
		known_clear(st->story_known);
	if (st->story_info)
		info_clear(st->story_info);
}

enum dg_status store_story_flush(struct store *st)
{
	struct story_batch *b = st->story;
	if (!b)
		return DG_OK;
	sqlite3_stmt *k = store_stmt(st, "INSERT INTO story_fts(rowid, k) VALUES(?1, ?2)");
	int rc = k ? DG_OK : DG_ERR;
	for (const char *p = b->rows.s; rc == DG_OK && p && *p;) {
		const char *tab = strchr(p, '\t'), *nl = strchr(tab, '\n');
		sqlite3_bind_int64(k, 1, strtoll(p, NULL, 10));
		sqlite3_bind_text(k, 2, tab + 1, (int)(nl - tab - 1), SQLITE_TRANSIENT);
		rc = step_done(st, k);
		p = nl + 1;
	}
	if (rc != DG_OK)
		return rc;
	if (st->story_known)
		for (size_t i = 0; i < b->n; i++)
			known_add(st->story_known, b->p[i].k, b->p[i].a);
	batch_free(st);
	return DG_OK;
}

/* ---- keys too common to look up --------------------------------------- */

/*
 * The keys found more common than the cap, with the cap then: they are
 * not looked up again while the cap stays (it stops growing at
 * STORY_DF_MAX, a thousand articles in), for the life of the handle.
 */
#define COMMON_SLOTS (1 << 16)
struct story_common {
	int64_t k[COMMON_SLOTS]; /* 0 empty */
	int32_t cap[COMMON_SLOTS];
	size_t n;
};

static size_t common_slot(const struct story_common *c, int64_t k)
{
	size_t i = (size_t)((uint64_t)k * 0x9E3779B97F4A7C15ULL >> 20) & (COMMON_SLOTS - 1);
	while (c->k[i] && c->k[i] != k)
		i = (i + 1) & (COMMON_SLOTS - 1);
	return i;
}

static bool is_common(const struct store *st, int64_t k, int64_t cap)
{
	const struct story_common *c = st->story_common;
	if (!c || !k)
		return false;
	size_t i = common_slot(c, k);
	return c->k[i] == k && c->cap[i] == cap;
}

static void set_common(struct store *st, int64_t k, int64_t cap)
{
	if (!k)
		return;
	if (!st->story_common)
		st->story_common = xcalloc(1, sizeof *st->story_common);
	struct story_common *c = st->story_common;
	if (2 * c->n >= COMMON_SLOTS)
		return; /* half full: enough said */
	size_t i = common_slot(c, k);
	c->n += c->k[i] == 0;
	c->k[i] = k;
	c->cap[i] = (int32_t)cap;
}

/* ---- the candidates -------------------------------------------------- */

struct cand {
	int64_t id;    /* 0: empty slot */
	uint64_t mask; /* the new article's keys it shares */
};

struct cands {
	struct cand *c;
	size_t cap, n;
};

static struct cand *cand_at(struct cands *cs, int64_t id)
{
	if (2 * (cs->n + 1) > cs->cap) {
		struct cands old = *cs;
		cs->cap = old.cap ? 2 * old.cap : 256;
		cs->c = xcalloc(cs->cap, sizeof *cs->c);
		cs->n = 0;
		for (size_t i = 0; i < old.cap; i++)
			if (old.c[i].id)
				*cand_at(cs, old.c[i].id) = old.c[i];
		free(old.c);
	}
	size_t i = (size_t)((uint64_t)id * 0x9E3779B97F4A7C15ULL >> 20) & (cs->cap - 1);
	while (cs->c[i].id && cs->c[i].id != id)
		i = (i + 1) & (cs->cap - 1);
	if (!cs->c[i].id) {
		cs->c[i].id = id;
		cs->n++;
	}
	return &cs->c[i];
}

/* The articles holding each key (at most the cap, plus one to tell a
 * common key): their share masks, and each key's weight. */
static enum dg_status find_cands(struct store *st, int64_t id, const struct evidence *ev,
                                 int64_t articles, struct cands *cs, double *w)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT rowid FROM story_fts WHERE story_fts MATCH ?1 LIMIT ?2");
	/* Another connection can have written only before this batch began:
	 * asked at its first article (and at each outside a batch). */
	struct story_known *kn = st->story_known;
	if (!s || ((!st->story || !kn) && known_of(st, &kn) != DG_OK))
		return DG_ERR;
	int64_t cap = story_df_cap(articles);
	int64_t ids[STORY_DF_MAX + 2];
	size_t n = ev->n < 64 ? ev->n : 64;
	for (size_t i = 0; i < n; i++) {
		w[i] = 0;
		int64_t k = ev->keys[i].hash;
		if (is_common(st, k, cap))
			continue;
		int got = 0;
		const int64_t *kids;
		size_t nk;
		if (known_get(kn, k, &kids, &nk)) {
			for (size_t j = 0; j < nk && got <= cap; j++)
				if (kids[j] != id)
					ids[got++] = kids[j];
		} else {
			char tok[TOKEN_SIZE];
			key_token(k, tok);
			sqlite3_bind_text(s, 1, tok, -1, SQLITE_TRANSIENT);
			sqlite3_bind_int64(s, 2, cap + 2); /* the article itself may be there (an update) */
			int r, all = 0;
			int64_t raw[STORY_DF_MAX + 2];
			while ((r = sqlite3_step(s)) == SQLITE_ROW) {
				int64_t a = sqlite3_column_int64(s, 0);
				raw[all++] = a;
				if (a != id)
					ids[got++] = a;
			}
			sqlite3_reset(s);
			if (r != SQLITE_DONE)
				return store_sqlerr(st);
			if (all < cap + 2) /* all of them */
				known_put(kn, k, raw, (size_t)all);
		}
		const struct story_batch *b = st->story;
		for (int32_t j = b ? b->slot[slot_of(b, k)] : -1; j >= 0 && got <= cap; j = b->p[j].next)
			if (b->p[j].k == k && b->p[j].a != id)
				ids[got++] = b->p[j].a;
		if (got > cap)
			set_common(st, k, cap);
		/* df counts the new article too: a key only it has weighs nothing yet. */
		w[i] = got ? story_key_weight(ev->keys[i].text, got + 1, articles) : 0;
		if (w[i] <= 0)
			continue;
		for (int j = 0; j < got; j++)
			cand_at(cs, ids[j])->mask |= 1ULL << i;
	}
	return DG_OK;
}

/* ---- keys in and out --------------------------------------------------- */

/* Take the keys an article was stored with out of the index (a
 * contentless FTS5 table forgets a row given the tokens it was given);
 * *story: its story (0: none, or no row). */
static enum dg_status forget_keys(struct store *st, int64_t id, int64_t *story)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT keys, story FROM story_art WHERE a = ?1");
	sqlite3_stmt *d = store_stmt(st, "INSERT INTO story_fts(story_fts, rowid, k) VALUES('delete', ?1, ?2)");
	if (!s || !d)
		return DG_ERR;
	sqlite3_bind_int64(s, 1, id);
	*story = 0;
	int r = sqlite3_step(s);
	if (r != SQLITE_ROW) {
		sqlite3_reset(s);
		return r == SQLITE_DONE ? DG_OK : store_sqlerr(st);
	}
	*story = sqlite3_column_int64(s, 1);
	size_t n = (size_t)sqlite3_column_bytes(s, 0);
	unsigned char *b = xmalloc(n + 1);
	if (n)
		memcpy(b, sqlite3_column_blob(s, 0), n);
	sqlite3_reset(s);
	struct sbuf toks = SBUF_INIT;
	for (size_t i = 0; i + KEY_BYTES <= n; i += KEY_BYTES) {
		int64_t k = 0;
		for (int j = KEY_BYTES - 1; j >= 0; j--)
			k = k << 8 | b[i + (size_t)j];
		char tok[TOKEN_SIZE];
		key_token(k, tok);
		if (toks.len)
			sbuf_addc(&toks, ' ');
		sbuf_addstr(&toks, tok);
	}
	/* Its keys may wait in the batch still (stored twice in one batch):
	 * index the batch first. */
	int rc = toks.len && st->story ? store_story_flush(st) : DG_OK;
	if (rc == DG_OK && toks.len) {
		sqlite3_bind_int64(d, 1, id);
		sqlite3_bind_text(d, 2, toks.s, (int)toks.len, SQLITE_TRANSIENT);
		rc = step_done(st, d);
	}
	/* after the flush, which may have added the article to its keys */
	for (size_t i = 0; rc == DG_OK && st->story_known && i + KEY_BYTES <= n; i += KEY_BYTES) {
		int64_t k = 0;
		for (int j = KEY_BYTES - 1; j >= 0; j--)
			k = k << 8 | b[i + (size_t)j];
		known_remove(st->story_known, k, id);
	}
	free(b);
	sbuf_free(&toks);
	return rc;
}

/* Before a delete: the rows and stories it takes away are read again. */
enum dg_status store_story_forget(struct store *st, int64_t id)
{
	int64_t story;
	if (st->story_info)
		info_clear(st->story_info);
	return forget_keys(st, id, &story);
}

/* story: the article's story, which an update keeps. */
static enum dg_status put_keys(struct store *st, int64_t id, int64_t date, int64_t story,
                               const struct evidence *ev)
{
	sqlite3_stmt *a = store_stmt(st, "INSERT INTO story_art(a, keys, date) VALUES(?1, ?2, ?3)"
	                                 " ON CONFLICT(a) DO UPDATE SET keys = excluded.keys, date = excluded.date");
	if (!a)
		return DG_ERR;
	unsigned char *b = xmalloc(ev->n * KEY_BYTES + 1);
	struct sbuf toks = SBUF_INIT;
	int rc = DG_OK;
	for (size_t i = 0; i < ev->n; i++) {
		uint64_t h = (uint64_t)ev->keys[i].hash;
		for (int j = 0; j < KEY_BYTES; j++)
			b[i * KEY_BYTES + (size_t)j] = (unsigned char)(h >> (8 * j));
		char tok[TOKEN_SIZE];
		key_token(ev->keys[i].hash, tok);
		if (toks.len)
			sbuf_addc(&toks, ' ');
		sbuf_addstr(&toks, tok);
	}
	if (toks.len)
		batch_add(st, id, ev, toks.s);
	sbuf_free(&toks);
	if (rc == DG_OK) {
		sqlite3_bind_int64(a, 1, id);
		sqlite3_bind_blob(a, 2, b, (int)(ev->n * KEY_BYTES), SQLITE_TRANSIENT);
		sqlite3_bind_int64(a, 3, date);
		rc = step_done(st, a);
	}
	if (rc == DG_OK && st->story_info)
		info_put(st->story_info, id, story, date);
	free(b);
	return rc;
}

/* ---- stories ------------------------------------------------------------ */

static enum dg_status one_int(struct store *st, sqlite3_stmt *s, int64_t *v, bool *found)
{
	int r = sqlite3_step(s);
	*found = r == SQLITE_ROW;
	*v = *found && sqlite3_column_type(s, 0) != SQLITE_NULL ? sqlite3_column_int64(s, 0) : 0;
	sqlite3_reset(s);
	return r == SQLITE_ROW || r == SQLITE_DONE ? DG_OK : store_sqlerr(st);
}

enum dg_status store_story_of(struct store *st, int64_t id, int64_t *story)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT story FROM story_art WHERE a = ?1");
	if (!s)
		return DG_ERR;
	sqlite3_bind_int64(s, 1, id);
	bool found;
	return one_int(st, s, story, &found);
}

/* The candidates' stories (0 none) and text dates (0 none): those the
 * handle knows (story_info.c), the others in one statement, where one
 * each was a fifth of the linking. */
static enum dg_status cands_info(struct store *st, int64_t *ids, int64_t *story, int64_t *date, size_t n)
{
	_Static_assert(STORY_CANDIDATES == 16, "one placeholder per candidate");
	size_t ask = 0;
	for (size_t i = 0; i < n; i++)
		if (!st->story_info || !info_get(st->story_info, ids[i], &story[i], &date[i]))
			ask++;
	if (!ask)
		return DG_OK;
	sqlite3_stmt *s = store_stmt(st, "SELECT a, story, date FROM story_art WHERE a IN"
	                                 " (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)");
	if (!s)
		return DG_ERR;
	for (size_t i = 0; i < n; i++)
		sqlite3_bind_int64(s, (int)i + 1, ids[i]); /* unbound: NULL, no article */
	int r;
	while ((r = sqlite3_step(s)) == SQLITE_ROW) {
		int64_t a = sqlite3_column_int64(s, 0);
		for (size_t i = 0; i < n; i++)
			if (ids[i] == a) {
				story[i] = sqlite3_column_int64(s, 1);
				date[i] = sqlite3_column_int64(s, 2);
				if (st->story_info)
					info_put(st->story_info, a, story[i], date[i]);
			}
	}
	sqlite3_reset(s);
	return r == SQLITE_DONE ? DG_OK : store_sqlerr(st);
}

/* store_story_of, from what the handle knows when it can. */
static enum dg_status story_of(struct store *st, int64_t id, int64_t *story)
{
	int64_t date;
	return cands_info(st, &id, story, &date, 1);
}

/* Would joining story x (or lone article x when story is 0) and article
 * id's story remake a broken link? */
static enum dg_status broken_between(struct store *st, int64_t a, int64_t sa, int64_t b, int64_t sb,
                                     bool *broken)
{
	/* A side is the story's members, or the article alone.  The broken
	 * links are few and stories can be long: scan the breaks. */
	sqlite3_stmt *s = store_stmt(st,
		"SELECT 1 FROM story_break k\n"
		" JOIN story_art p ON p.a = k.a JOIN story_art q ON q.a = k.b\n"
		" WHERE ((k.a = ?1 OR (?2 <> 0 AND p.story = ?2)) AND (k.b = ?3 OR (?4 <> 0 AND q.story = ?4)))\n"
		"  OR ((k.a = ?3 OR (?4 <> 0 AND p.story = ?4)) AND (k.b = ?1 OR (?2 <> 0 AND q.story = ?2)))\n"
		" LIMIT 1");
	if (!s)
		return DG_ERR;
	sqlite3_bind_int64(s, 1, a);
	sqlite3_bind_int64(s, 2, sa);
	sqlite3_bind_int64(s, 3, b);
	sqlite3_bind_int64(s, 4, sb);
	int64_t v;
	return one_int(st, s, &v, broken);
}

static enum dg_status new_story(struct store *st, int64_t *story)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT story FROM story_art WHERE story IS NOT NULL"
	                                 " ORDER BY story DESC LIMIT 1");
	if (!s)
		return DG_ERR;
	bool found;
	int rc = one_int(st, s, story, &found);
	*story += 1;
	if (rc == DG_OK && st->story_info)
		info_put_size(st->story_info, *story, 0);
	return rc;
}

/* Article id, in story old (0: none), joins story. */
static enum dg_status set_story(struct store *st, int64_t id, int64_t old, int64_t story)
{
	if (old == story)
		return DG_OK;
	sqlite3_stmt *s = store_stmt(st, "UPDATE story_art SET story = ?2 WHERE a = ?1");
	if (!s)
		return DG_ERR;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int64(s, 2, story);
	int rc = step_done(st, s);
	if (rc == DG_OK && st->story_info)
		info_set_story(st->story_info, id, old, story);
	return rc;
}

static enum dg_status merge_story(struct store *st, int64_t from, int64_t into)
{
	sqlite3_stmt *s = store_stmt(st, "UPDATE story_art SET story = ?2 WHERE story = ?1 RETURNING a");
	if (!s)
		return DG_ERR;
	sqlite3_bind_int64(s, 1, from);
	sqlite3_bind_int64(s, 2, into);
	int r;
	while ((r = sqlite3_step(s)) == SQLITE_ROW)
		if (st->story_info)
			info_set_story(st->story_info, sqlite3_column_int64(s, 0), from, into);
	sqlite3_reset(s);
	return r == SQLITE_DONE ? DG_OK : store_sqlerr(st);
}

/* Article id joins candidate c: c's story, or a new one of the two; a
 * second story reached merges into the first. */
static enum dg_status join(struct store *st, int64_t id, int64_t *mine, int64_t c)
{
	int64_t theirs;
	int rc = story_of(st, c, &theirs);
	if (rc != DG_OK || (theirs && theirs == *mine))
		return rc;
	bool broken;
	if ((rc = broken_between(st, id, *mine, c, theirs, &broken)) != DG_OK || broken)
		return rc;
	int64_t was = *mine; /* id's story (a merge moves it with the rest) */
	if (!*mine && !theirs) {
		if ((rc = new_story(st, mine)) != DG_OK || (rc = set_story(st, c, 0, *mine)) != DG_OK)
			return rc;
	} else if (!*mine) {
		*mine = theirs;
	} else if (!theirs) {
		rc = set_story(st, c, 0, *mine);
	} else {
		int64_t lo = theirs < *mine ? theirs : *mine, hi = theirs < *mine ? *mine : theirs;
		rc = merge_story(st, hi, lo);
		*mine = was = lo;
	}
	if (rc == DG_OK)
		rc = set_story(st, id, was, *mine);
	return rc;
}

struct scored {
	int64_t id;
	double score;
	int64_t story; /* the candidate's story, 0 none */
};

static enum dg_status story_size(struct store *st, int64_t story, int64_t *n)
{
	if (st->story_info && info_size(st->story_info, story, n))
		return DG_OK;
	sqlite3_stmt *s = store_stmt(st, "SELECT count(*) FROM story_art WHERE story = ?1");
	if (!s)
		return DG_ERR;
	sqlite3_bind_int64(s, 1, story);
	bool found;
	int rc = one_int(st, s, n, &found);
	if (rc == DG_OK && st->story_info)
		info_put_size(st->story_info, story, *n);
	return rc;
}

/*
 * Join the linked candidates (sc[0..n), best first, scores over
 * STORY_LINK_SCORE; then those over half of it).  A story of three
 * articles or more is joined only when another of its articles is close
 * too (half the link score): one link is enough to chain unrelated events
 * together through an article that mentions both (single-link
 * clustering), two of the story's own seldom are.
 */
static enum dg_status join_all(struct store *st, int64_t id, struct scored *sc, size_t n, size_t all)
{
	int64_t mine = 0;
	int rc = story_of(st, id, &mine);
	for (size_t i = 0; rc == DG_OK && i < n; i++) {
		if (sc[i].story && sc[i].story != mine) {
			int links = 0;
			for (size_t j = 0; j < all; j++)
				links += sc[j].story == sc[i].story;
			int64_t size = 0, have = mine ? 0 : 1;
			if ((rc = story_size(st, sc[i].story, &size)) != DG_OK)
				break;
			if (mine && (rc = story_size(st, mine, &have)) != DG_OK)
				break;
			if ((links < 2 && size >= 3) || size + have > STORY_MAX_ARTICLES)
				continue;
		}
		if (rc == DG_OK)
			rc = join(st, id, &mine, sc[i].id);
	}
	return rc;
}

static int cmp_scored(const void *a, const void *b)
{
	const struct scored *x = a, *y = b;
	return x->score > y->score ? -1 : x->score < y->score ? 1 : (x->id > y->id) - (x->id < y->id);
}

enum dg_status store_story_link(struct store *st, int64_t id, int64_t date, const struct evidence *ev)
{
	int64_t articles = store_pragma_int(st, "SELECT total FROM grp WHERE kind = 'all' AND name = ''");
	if (articles < 0)
		return store_sqlerr(st);
	int64_t was; /* its story, kept: an update is linked again */
	int rc = forget_keys(st, id, &was);
	if (rc != DG_OK)
		return rc;
	double w[64];
	struct cands cs = {0};
	struct scored *sc = NULL;
	size_t nsc = 0;
	rc = find_cands(st, id, ev, articles, &cs, w);
	if (rc == DG_OK && cs.n) {
		sc = xcalloc(cs.n, sizeof *sc);
		for (size_t i = 0; i < cs.cap; i++) {
			/* a link needs STORY_LINK_UNITS shared keys at least: most
			 * candidates share one common-ish key, and scoring them cost
			 * more than finding them */
			if (!cs.c[i].id || bit_count(cs.c[i].mask) < STORY_LINK_UNITS)
				continue;
			int units;
			double s = story_score(ev, w, cs.c[i].mask, &units);
			/* the date can only lower it; half the score supports a link */
			if (story_is_link(2 * s, units))
				sc[nsc++] = (struct scored){cs.c[i].id, s, 0};
		}
	}
	/* The best few only: on a library of look-alike texts an article has
	 * hundreds of weak candidates, and each costs a row read. */
	if (nsc > 1) /* sc is NULL when no candidate scored */
		qsort(sc, nsc, sizeof *sc, cmp_scored);
	if (nsc > STORY_CANDIDATES)
		nsc = STORY_CANDIDATES;
	if (rc == DG_OK && nsc) {
		int64_t ids[STORY_CANDIDATES], story[STORY_CANDIDATES] = {0}, d[STORY_CANDIDATES] = {0};
		for (size_t i = 0; i < nsc; i++)
			ids[i] = sc[i].id;
		rc = cands_info(st, ids, story, d, nsc);
		for (size_t i = 0; i < nsc; i++) {
			sc[i].story = story[i];
			sc[i].score *= story_date_factor(date, d[i]);
		}
	}
	if (rc == DG_OK)
		rc = put_keys(st, id, date, was, ev);
	if (rc == DG_OK && nsc) {
		qsort(sc, nsc, sizeof *sc, cmp_scored);
		size_t all = nsc;
		while (all && sc[all - 1].score < STORY_LINK_SCORE / 2)
			all--;
		nsc = all;
		while (nsc && sc[nsc - 1].score < STORY_LINK_SCORE)
			nsc--;
		rc = join_all(st, id, sc, nsc, all);
	}
	free(sc);
	free(cs.c);
	/* Outside a batch the article is stored already: index its keys now. */
	if (rc == DG_OK && sqlite3_get_autocommit(st->db))
		rc = store_story_flush(st);
	return rc;
}

/* ---- listing and unlinking ------------------------------------------------- */

static void add_lang(struct sbuf *langs, const char *l)
{
	if (!l[0])
		return;
	/* langs is ",a,b,": a sorted set small enough to insert into */
	char probe[LANG_CODE_SIZE + 2];
	snprintf(probe, sizeof probe, ",%s,", l);
	if (strstr(sbuf_str(langs), probe))
		return;
	const char *s = sbuf_str(langs);
	size_t at = 1;
	while (at < langs->len) {
		const char *e = strchr(s + at, ',');
		if (strncmp(s + at, l, (size_t)(e - s - (ptrdiff_t)at)) > 0)
			break;
		at = (size_t)(e - s) + 1;
	}
	struct sbuf b = SBUF_INIT;
	sbuf_add(&b, s, at);
	sbuf_addstr(&b, l);
	sbuf_addc(&b, ',');
	sbuf_addstr(&b, s + at);
	sbuf_free(langs);
	*langs = b;
}

enum dg_status store_stories(struct store *st, store_story_fn fn, void *ctx)
{
	sqlite3_stmt *s = store_stmt(st,
		"SELECT s.story, a.id, a.lang, a.lang2, a.title FROM story_art s JOIN article a ON a.id = s.a"
		" WHERE s.story IS NOT NULL ORDER BY s.story, a.date, a.id");
	if (!s)
		return DG_ERR;
	struct sbuf langs = SBUF_INIT;
	char *title = NULL;
	struct store_story cur = {0};
	int r, stop = 0;
	for (;;) {
		r = sqlite3_step(s);
		int64_t story = r == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
		if (cur.id && story != cur.id) {
			langs.s[langs.len - 1] = '\0';
			cur.langs = langs.s + 1;
			cur.title = title;
			if (cur.articles > 1)
				stop = fn(ctx, &cur);
			sbuf_free(&langs);
			free(title);
			title = NULL;
			cur.id = 0;
		}
		if (r != SQLITE_ROW || stop)
			break;
		if (!cur.id) {
			cur = (struct store_story){.id = story, .first = sqlite3_column_int64(s, 1)};
			title = xstrdup(store_col_text(s, 4));
			sbuf_addc(&langs, ',');
		}
		cur.articles++;
		add_lang(&langs, store_col_text(s, 2));
		add_lang(&langs, store_col_text(s, 3));
	}
	sqlite3_reset(s);
	sbuf_free(&langs);
	free(title);
	return r == SQLITE_ROW || r == SQLITE_DONE ? DG_OK : store_sqlerr(st);
}

enum dg_status store_story_unlink(struct store *st, int64_t id)
{
	int64_t story;
	int rc = store_story_of(st, id, &story);
	if (rc != DG_OK)
		return rc;
	if (!story)
		return store_fail(st, DG_NOTFOUND, "article %lld is in no story", (long long)id);
	if (st->story_info)
		info_clear(st->story_info);
	if ((rc = store_exec(st, "BEGIN IMMEDIATE")) != DG_OK)
		return rc;
	sqlite3_stmt *b = store_stmt(st,
		"INSERT OR IGNORE INTO story_break(a, b) SELECT min(a, ?1), max(a, ?1) FROM story_art"
		" WHERE story = ?2 AND a <> ?1");
	sqlite3_stmt *out = store_stmt(st, "UPDATE story_art SET story = NULL WHERE a = ?1");
	sqlite3_stmt *lone = store_stmt(st,
		"UPDATE story_art SET story = NULL WHERE story = ?1"
		" AND (SELECT count(*) FROM story_art WHERE story = ?1) < 2");
	if (!b || !out || !lone)
		rc = DG_ERR;
	if (rc == DG_OK) {
		sqlite3_bind_int64(b, 1, id);
		sqlite3_bind_int64(b, 2, story);
		rc = step_done(st, b);
	}
	if (rc == DG_OK) {
		sqlite3_bind_int64(out, 1, id);
		rc = step_done(st, out);
	}
	if (rc == DG_OK) {
		sqlite3_bind_int64(lone, 1, story);
		rc = step_done(st, lone);
	}
	if (rc == DG_OK)
		rc = store_exec(st, "COMMIT");
	if (rc != DG_OK)
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

/* ---- a library from before stories -------------------------------------- */

enum dg_status store_story_backfill(struct store *st)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT id FROM article WHERE id NOT IN (SELECT a FROM story_art)"
	                                 " ORDER BY id");
	if (!s)
		return DG_ERR;
	int64_t *ids = NULL;
	size_t n = 0, cap = 0;
	int r;
	while ((r = sqlite3_step(s)) == SQLITE_ROW) {
		xgrow(&ids, &cap, n + 1, sizeof *ids);
		ids[n++] = sqlite3_column_int64(s, 0);
	}
	sqlite3_reset(s);
	int rc = r == SQLITE_DONE ? DG_OK : store_sqlerr(st);
	/* In id order, as they were imported: each links to those before. */
	for (size_t i = 0; rc == DG_OK && i < n; i++) {
		struct article a = {0};
		struct store_meta m = {0};
		rc = store_get(st, ids[i], &a, &m);
		if (rc == DG_OK) {
			struct evidence ev;
			evidence_extract(&a, &ev);
			rc = store_story_link(st, ids[i], m.date, &ev);
			evidence_free(&ev);
		}
		/* a segment of the key index every thousand articles, as an import would */
		if (rc == DG_OK && i % 1024 == 1023)
			rc = store_story_flush(st);
		article_free(&a);
		store_meta_free(&m);
	}
	free(ids);
	return rc == DG_OK ? store_story_flush(st) : rc;
}

enum dg_status store_story_members(struct store *st, int64_t id, struct store_story_member **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *s = store_stmt(st,
		"SELECT a.id, a.lang, a.lang2 FROM story_art m JOIN article a ON a.id = m.a"
		" WHERE m.story = (SELECT story FROM story_art WHERE a = ?1) AND m.a <> ?1"
		" ORDER BY a.date, a.id");
	if (!s)
		return DG_ERR;
	sqlite3_bind_int64(s, 1, id);
	size_t cap = 0;
	int r;
	while ((r = sqlite3_step(s)) == SQLITE_ROW) {
		xgrow(out, &cap, *n + 1, sizeof **out);
		struct store_story_member *m = &(*out)[(*n)++];
		m->id = sqlite3_column_int64(s, 0);
		snprintf(m->lang, sizeof m->lang, "%s", store_col_text(s, 1));
		snprintf(m->lang2, sizeof m->lang2, "%s", store_col_text(s, 2));
	}
	sqlite3_reset(s);
	return r == SQLITE_DONE ? DG_OK : store_sqlerr(st);
}
