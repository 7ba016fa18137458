/*
 * work_queue.h: work on threads, results in order.  The caller's thread
 * puts items; worker threads run a work function on each; the caller's
 * thread is handed every item back, in the order put, once its work is
 * done.  The queue holds at most a few items (memory stays flat however
 * many are put): a put into a full queue waits, and while it waits the
 * caller's thread hands back what is done or works on an item itself, so
 * that both it and the workers stay busy.  Private to src/import/.
 */
#ifndef DIGLOT_WORK_QUEUE_H
#define DIGLOT_WORK_QUEUE_H

#include "diglot/common.h"

typedef void (*work_fn)(void *item);              /* on any thread */
typedef void (*work_done_fn)(void *ctx, void *item); /* on the caller's thread */

struct work_queue;

/* A queue of at most limit items (1 or more), of which workers threads
 * (0: the caller's thread does all the work) take at most ahead items
 * past the one to hand back next. */
struct work_queue *work_queue_new(size_t limit, size_t ahead, size_t workers, work_fn work,
                                  work_done_fn done, void *ctx);
/* Put item (work then runs on it, unless needs_work is false), hand back
 * what is done at the head, and wait while the queue is full. */
void work_queue_put(struct work_queue *q, void *item, bool needs_work);
/* Hand back every item put, waiting for the work on each. */
void work_queue_drain(struct work_queue *q);
/* Drain, stop the threads, free. */
void work_queue_free(struct work_queue **q);

/* How many threads to work a queue: the cores but one (the caller's
 * thread stores), at most max. */
size_t work_queue_threads(size_t max);

#endif
