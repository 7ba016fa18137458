/*
 * work_queue.c: a ring of items, three indices into it: head (the next to
 * hand back), claim (the next to work on) and tail (the next free).  The
 * caller's thread owns head; whoever takes an item at claim works on it.
 */
#include "work_queue.h"

#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

#define WORK_THREADS_MAX 8

struct slot {
	void *item;
	bool done;
};

struct work_queue {
	pthread_mutex_t mu;
	pthread_cond_t work; /* an item to work on, or quit */
	pthread_cond_t done; /* an item's work finished */
	struct slot *ring;
	size_t limit, ahead;
	size_t head, claim, tail; /* counts; the slot is the count mod limit */
	bool quit;
	work_fn fn;
	work_done_fn on_done;
	void *ctx;
	pthread_t tids[WORK_THREADS_MAX];
	size_t nthreads;
};

size_t work_queue_threads(size_t max)
{
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	size_t n = cpus > 1 ? (size_t)cpus - 1 : 0;
	return MIN(n, MIN(max, (size_t)WORK_THREADS_MAX));
}

/* The next item for a worker, claimed; NULL when none.  Items put done
 * are passed over.  Workers stop ahead items past the head: what is done
 * waits for the caller's thread, and done items hold more memory than
 * items put (a feed's articles, against its body).  Called locked. */
static struct slot *claim(struct work_queue *q)
{
	while (q->claim < q->tail && q->ring[q->claim % q->limit].done)
		q->claim++;
	if (q->claim == q->tail || q->claim - q->head >= q->ahead)
		return NULL;
	return &q->ring[q->claim++ % q->limit];
}

/* Work on a claimed slot; called locked, returns locked. */
static void run(struct work_queue *q, struct slot *s)
{
	void *item = s->item;
	pthread_mutex_unlock(&q->mu);
	q->fn(item);
	pthread_mutex_lock(&q->mu);
	s->done = true; /* the ring does not move while the item is out: head waits for it */
	pthread_cond_broadcast(&q->done);
}

static void *worker(void *arg)
{
	struct work_queue *q = arg;
	pthread_mutex_lock(&q->mu);
	for (;;) {
		struct slot *s = claim(q);
		if (s) {
			run(q, s);
			continue;
		}
		if (q->quit)
			break;
		pthread_cond_wait(&q->work, &q->mu);
	}
	pthread_mutex_unlock(&q->mu);
	return NULL;
}

struct work_queue *work_queue_new(size_t limit, size_t ahead, size_t workers, work_fn work,
                                  work_done_fn done, void *ctx)
{
	struct work_queue *q = xcalloc(1, sizeof *q);
	q->limit = limit ? limit : 1;
	q->ahead = ahead ? ahead : 1;
	q->ring = xcalloc(q->limit, sizeof *q->ring);
	q->fn = work;
	q->on_done = done;
	q->ctx = ctx;
	pthread_mutex_init(&q->mu, NULL);
	pthread_cond_init(&q->work, NULL);
	pthread_cond_init(&q->done, NULL);
	for (size_t t = 0; t < MIN(workers, (size_t)WORK_THREADS_MAX); t++)
		if (pthread_create(&q->tids[q->nthreads], NULL, worker, q) == 0)
			q->nthreads++;
	return q;
}

/* Hand back the items done at the head; then, while more than keep items
 * are in the queue, work on one or wait.  Called locked. */
static void settle(struct work_queue *q, size_t keep)
{
	for (;;) {
		struct slot *h = &q->ring[q->head % q->limit];
		if (q->head < q->tail && h->done) {
			void *item = h->item;
			q->head++;
			if (q->claim < q->head) /* it was put done: no one claimed it */
				q->claim = q->head;
			pthread_cond_signal(&q->work); /* a worker held back by ahead may go on */
			pthread_mutex_unlock(&q->mu);
			q->on_done(q->ctx, item);
			pthread_mutex_lock(&q->mu);
			continue;
		}
		if (q->tail - q->head <= keep)
			return;
		/* Only the head: nothing can be handed back before it, and the
		 * workers have not taken it.  Any other item this thread took
		 * would keep it from handing back what the workers finish. */
		if (q->claim == q->head) {
			q->claim++;
			run(q, h);
		} else {
			pthread_cond_wait(&q->done, &q->mu);
		}
	}
}

void work_queue_put(struct work_queue *q, void *item, bool needs_work)
{
	pthread_mutex_lock(&q->mu);
	/* there is room: every put leaves at most limit - 1 items */
	q->ring[q->tail % q->limit] = (struct slot){item, !needs_work};
	q->tail++;
	if (needs_work)
		pthread_cond_signal(&q->work);
	/* what is done is handed back now; a full queue is worked on until
	 * its head is done */
	settle(q, q->limit - 1);
	pthread_mutex_unlock(&q->mu);
}

void work_queue_drain(struct work_queue *q)
{
	pthread_mutex_lock(&q->mu);
	settle(q, 0);
	pthread_mutex_unlock(&q->mu);
}

void work_queue_free(struct work_queue **qp)
{
	struct work_queue *q = *qp;
	if (!q)
		return;
	work_queue_drain(q);
	pthread_mutex_lock(&q->mu);
	q->quit = true;
	pthread_cond_broadcast(&q->work);
	pthread_mutex_unlock(&q->mu);
	for (size_t t = 0; t < q->nthreads; t++)
		pthread_join(q->tids[t], NULL);
	pthread_cond_destroy(&q->work);
	pthread_cond_destroy(&q->done);
	pthread_mutex_destroy(&q->mu);
	free(q->ring);
	free(q);
	*qp = NULL;
}
