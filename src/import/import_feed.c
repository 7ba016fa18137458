/*
 * import_feed.c: feed items into articles.  An item's HTML becomes
 * paragraphs (html.h); its title line and text then go through
 * import_bytes like a file's, and the item's own fields (title, link,
 * date, source) replace what the parse guessed from the text.
 */
#include "diglot/import_feed.h"
#include "diglot/evidence.h"
#include "diglot/html.h"
#include "diglot/import.h"
#include "diglot/sbuf.h"
#include "diglot/store_feed.h"
#include "diglot/utf8.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void set_field(char **field, const char *value)
{
	char *clean = utf8_clean_line(value, strlen(value));
	free(*field);
	*field = clean;
}

enum dg_status import_feed_item(const struct feed_item *it, const char *feed_title,
                                struct article *a, int64_t *date, char **cause)
{
	struct sbuf text = SBUF_INIT;
	if (it->title[0]) {
		sbuf_addstr(&text, it->title);
		sbuf_addstr(&text, "\n\n");
	}
	if (it->content_html) {
		struct html_text ht = {0};
		char *why = NULL;
		const char *base = it->base[0] ? it->base : it->link[0] ? it->link : NULL;
		if (html_to_text(it->content, strlen(it->content), base, "utf-8",
		                 &ht, &why) != DG_OK) {
			sbuf_free(&text);
			enum dg_status rc = dg_fail(cause, DG_ERR, "%s", why ? why : "bad HTML");
			free(why);
			return rc;
		}
		sbuf_addstr(&text, ht.text);
		html_text_free(&ht);
	} else {
		sbuf_addstr(&text, it->content);
	}
	const char *source = it->source[0] ? it->source : feed_title ? feed_title : "";
	enum dg_status rc = import_bytes(text.s ? text.s : "", text.len, source, a, cause);
	sbuf_free(&text);
	if (rc != DG_OK)
		return rc;
	/* The feed says what the text may only suggest. */
	if (it->title[0])
		set_field(&a->title, it->title);
	set_field(&a->source, source);
	set_field(&a->url, it->link);
	if (it->author && it->author[0])
		set_field(&a->author, it->author);
	*date = it->date ? it->date : a->date;
	/* xml:lang is a hint: the text decides, the hint only where the
	 * text says nothing ("fr-CA" gives "fr") */
	size_t hl = strcspn(it->lang, "-_");
	if ((!a->lang[0] || !strcmp(a->lang, "und")) && hl >= 2 && hl < LANG_CODE_SIZE) {
		for (size_t i = 0; i < hl; i++)
			a->lang[i] = (char)(it->lang[i] | 0x20);
		a->lang[hl] = '\0';
	}
	return DG_OK;
}

/* Items are analysed on a pool of threads kept for the whole fetch (the
 * text core is the cost; threads made per feed cost more in stacks and
 * malloc arenas than they saved), then stored in order on the caller's. */
#define FEED_THREADS_MAX 4
#define FEED_ITEMS_PER_THREAD 8

struct analysed {
	struct article a;
	struct evidence ev; /* its story keys, found on the pool's thread */
	int64_t date;
	bool ok;
};

struct analyse_job {
	const struct feed *f;
	const char *title;
	struct analysed *out;
	size_t from, step;
};

struct import_feed_pool;
struct worker_arg {
	struct import_feed_pool *p;
	size_t index; /* its job: jobs[index + 1] */
};

struct import_feed_pool {
	pthread_mutex_t mu;
	pthread_cond_t work, idle;
	pthread_t tids[FEED_THREADS_MAX];
	size_t n;            /* threads besides the caller's */
	uint64_t generation; /* bumped for each feed handed out */
	struct analyse_job jobs[FEED_THREADS_MAX + 1];
	size_t shares;       /* jobs[1..shares) go to the threads */
	size_t busy;
	bool quit;
	struct worker_arg args[FEED_THREADS_MAX];
};

static void analyse_range(struct analyse_job *j)
{
	for (size_t i = j->from; i < j->f->nitems; i += j->step)
	{
		j->out[i].ok = import_feed_item(&j->f->items[i], j->title, &j->out[i].a, &j->out[i].date,
		                                NULL) == DG_OK;
		if (j->out[i].ok)
			evidence_extract(&j->out[i].a, &j->out[i].ev);
	}
}

static void *worker(void *arg)
{
	struct import_feed_pool *p = ((struct worker_arg *)arg)->p;
	size_t me = ((struct worker_arg *)arg)->index + 1;
	uint64_t seen = 0;
	pthread_mutex_lock(&p->mu);
	for (;;) {
		while (!p->quit && p->generation == seen)
			pthread_cond_wait(&p->work, &p->mu);
		if (p->quit)
			break;
		seen = p->generation;
		if (me >= p->shares)
			continue;
		struct analyse_job j = p->jobs[me];
		pthread_mutex_unlock(&p->mu);
		analyse_range(&j);
		pthread_mutex_lock(&p->mu);
		if (--p->busy == 0)
			pthread_cond_signal(&p->idle);
	}
	pthread_mutex_unlock(&p->mu);
	return NULL;
}
struct import_feed_pool *import_feed_pool_new(void)
{
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	size_t want = cpus > 1 ? MIN((size_t)cpus, (size_t)FEED_THREADS_MAX) - 1 : 0;
	if (want == 0)
		return NULL;
	struct import_feed_pool *p = xcalloc(1, sizeof *p);
	pthread_mutex_init(&p->mu, NULL);
	pthread_cond_init(&p->work, NULL);
	pthread_cond_init(&p->idle, NULL);
	for (size_t t = 0; t < want; t++) {
		p->args[t] = (struct worker_arg){p, t};
		if (pthread_create(&p->tids[t], NULL, worker, &p->args[t]) != 0)
			break;
		p->n++;
	}
	if (p->n == 0) {
		import_feed_pool_free(&p);
		return NULL;
	}
	return p;
}

void import_feed_pool_free(struct import_feed_pool **pp)
{
	struct import_feed_pool *p = *pp;
	if (!p)
		return;
	pthread_mutex_lock(&p->mu);
	p->quit = true;
	pthread_cond_broadcast(&p->work);
	pthread_mutex_unlock(&p->mu);
	for (size_t t = 0; t < p->n; t++)
		pthread_join(p->tids[t], NULL);
	pthread_cond_destroy(&p->work);
	pthread_cond_destroy(&p->idle);
	pthread_mutex_destroy(&p->mu);
	free(p);
	*pp = NULL;
}

/* Every item of f analysed into out[]: this thread takes one share, the
 * pool's threads the others. */
static void analyse_all(struct import_feed_pool *p, const struct feed *f, const char *title,
                        struct analysed *out)
{
	size_t shares = p ? MIN(p->n + 1, MAX((size_t)1, f->nitems / FEED_ITEMS_PER_THREAD)) : 1;
	struct analyse_job mine = {f, title, out, 0, shares};
	if (shares > 1) {
		pthread_mutex_lock(&p->mu);
		for (size_t t = 1; t < shares; t++)
			p->jobs[t] = (struct analyse_job){f, title, out, t, shares};
		p->shares = shares;
		p->busy = shares - 1;
		p->generation++;
		pthread_cond_broadcast(&p->work);
		pthread_mutex_unlock(&p->mu);
	}
	analyse_range(&mine);
	if (shares > 1) {
		pthread_mutex_lock(&p->mu);
		while (p->busy > 0)
			pthread_cond_wait(&p->idle, &p->mu);
		pthread_mutex_unlock(&p->mu);
	}
}

static enum dg_status store_item(struct store *st, int64_t feed_id, const struct feed_item *it,
                                 const struct analysed *an, struct import_feed_stats *stats)
{
	char *key = feed_item_key(it);
	int64_t id = 0;
	enum store_put what;
	enum dg_status rc = store_feed_put_item(st, feed_id, key, &an->a, an->date, &id, &what);
	free(key);
	/* the story it reports, in every language the library holds */
	if (rc == DG_OK && what != PUT_UNCHANGED)
		rc = store_story_link(st, id, an->a.date, &an->ev);
	if (rc == DG_OK && what == PUT_NEW)
		stats->added++;
	else if (rc == DG_OK && what == PUT_UPDATED)
		stats->updated++;
	else if (rc == DG_OK)
		stats->unchanged++;
	return rc;
}

enum dg_status import_feed_items(struct store *st, int64_t feed_id, const struct feed *f,
                                 const char *feed_title, struct import_feed_pool *pool,
                                 struct import_feed_stats *stats)
{
	struct analysed *out = xcalloc(f->nitems ? f->nitems : 1, sizeof *out);
	analyse_all(pool, f, feed_title, out);
	enum dg_status rc = DG_OK;
	for (size_t i = 0; i < f->nitems; i++) {
		if (!out[i].ok)
			stats->skipped++;
		else if (rc == DG_OK)
			rc = store_item(st, feed_id, &f->items[i], &out[i], stats);
		article_free(&out[i].a);
		evidence_free(&out[i].ev);
	}
	free(out);
	return rc;
}
