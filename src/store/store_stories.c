/*
 * store_stories.c: the newest stories for the reader's sidebar
 * (store_stories.h).  One statement walks story_art's story index from
 * the highest id down, joining each article's row by key, and the loop
 * stops after scan stories: a sidebar reload (at every flag change)
 * costs the same in a library of a thousand articles or a million.
 */
#include "diglot/common.h"
#include "diglot/sbuf.h"
#include "diglot/store_stories.h"
#include "store_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LANGS_MAX 16 /* languages named per story; more are not counted */

/* A story being read: its rows come together (the index is by story). */
struct sum {
	int64_t id, articles, unread;
	char langs[LANGS_MAX][LANG_CODE_SIZE];
	int nlangs;
	int64_t first_date, first_id;
	char *title;
};

/* The stories read, kept until they are all known. */
struct sums {
	struct sum *s;
	size_t n, cap;
};

static void sum_lang(struct sum *u, const char *l)
{
	if (!l[0])
		return;
	int at = 0;
	while (at < u->nlangs && strcmp(u->langs[at], l) < 0)
		at++;
	if ((at < u->nlangs && !strcmp(u->langs[at], l)) || u->nlangs == LANGS_MAX)
		return;
	memmove(u->langs[at + 1], u->langs[at], (size_t)(u->nlangs - at) * LANG_CODE_SIZE);
	snprintf(u->langs[at], LANG_CODE_SIZE, "%s", l);
	u->nlangs++;
}

/* One row (story, id, lang, lang2, title, date, read) into the story it belongs to. */
static void sum_row(struct sum *u, sqlite3_stmt *s)
{
	int64_t id = sqlite3_column_int64(s, 1), date = sqlite3_column_int64(s, 5);
	u->articles++;
	u->unread += !sqlite3_column_int(s, 6);
	sum_lang(u, store_col_text(s, 2));
	sum_lang(u, store_col_text(s, 3));
	/* The earliest article names the story, as in `diglot stories`. */
	if (!u->title || date < u->first_date || (date == u->first_date && id < u->first_id)) {
		free(u->title);
		u->title = xstrdup(store_col_text(s, 4));
		u->first_date = date;
		u->first_id = id;
	}
}

static int sum_emit(const struct sum *u, store_story_sum_fn fn, void *ctx)
{
	struct sbuf langs = SBUF_INIT;
	for (int i = 0; i < u->nlangs; i++)
		sbuf_addf(&langs, "%s%s", i ? "," : "", u->langs[i]);
	struct store_story_sum out = {u->id, sbuf_str(&langs), u->nlangs, u->articles, u->unread, u->title};
	int stop = fn(ctx, &out);
	sbuf_free(&langs);
	return stop;
}

/* Read the newest scan stories of two articles or more into *all. */
static enum dg_status read_recent(struct store *st, size_t scan, struct sums *all)
{
	sqlite3_stmt *s = store_stmt(st,
		"SELECT m.story, a.id, a.lang, a.lang2, a.title, a.date, s.read FROM story_art m"
		" JOIN article a ON a.id = m.a JOIN state s ON s.article_id = a.id"
		" WHERE m.story IS NOT NULL ORDER BY m.story DESC");
	if (!s)
		return DG_ERR;
	struct sum cur = {0};
	int r;
	for (;;) {
		r = sqlite3_step(s);
		int64_t story = r == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
		if (cur.id && story != cur.id) {
			if (cur.articles > 1) {
				xgrow(&all->s, &all->cap, all->n + 1, sizeof *all->s);
				all->s[all->n++] = cur;
			} else {
				free(cur.title);
			}
			cur = (struct sum){0};
		}
		if (r != SQLITE_ROW || all->n == scan)
			break;
		cur.id = story;
		sum_row(&cur, s);
	}
	free(cur.title);
	sqlite3_reset(s);
	return r == SQLITE_ROW || r == SQLITE_DONE ? DG_OK : store_sqlerr(st);
}

enum dg_status store_stories_recent(struct store *st, size_t limit, size_t scan, store_story_sum_fn fn,
                                    void *ctx)
{
	struct sums all = {0};
	int rc = scan ? read_recent(st, scan, &all) : DG_OK;
	size_t sent = 0;
	/* Two passes: the stories in two languages or more, then the others. */
	for (int multi = 1; rc == DG_OK && multi >= 0; multi--)
		for (size_t i = 0; i < all.n && sent < limit; i++) {
			if ((all.s[i].nlangs > 1) != multi)
				continue;
			sent++;
			if (sum_emit(&all.s[i], fn, ctx))
				sent = limit; /* the caller has enough */
		}
	for (size_t i = 0; i < all.n; i++)
		free(all.s[i].title);
	free(all.s);
	return rc;
}
