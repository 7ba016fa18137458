/* test_work_queue.c: work on threads, handed back in the order put
 * (src/import/work_queue.h), with the queue never over its limit and
 * items put without work passed over. */
#include "t.h"
#include "work_queue.h"

#include <stdatomic.h>
#include <unistd.h>

#define N 400

struct item {
	int index, value;
	bool worked;
};

struct run {
	int next;        /* the index the next handed-back item must have */
	int put, back;   /* items put, handed back */
	int most;        /* the most ever in the queue */
	int wrong_order, wrong_value, unworked, worked_twice;
};

static atomic_int working;

static void work(void *p)
{
	struct item *it = p;
	atomic_fetch_add(&working, 1);
	if (it->worked)
		it->value = -1; /* worked twice */
	usleep((useconds_t)(it->index * 37 % 5) * 100); /* out of order */
	it->value = it->index * 2;
	it->worked = true;
	atomic_fetch_sub(&working, 1);
}

static void done(void *ctx, void *p)
{
	struct run *r = ctx;
	struct item *it = p;
	bool wanted = it->index % 7 != 3;
	r->wrong_order += it->index != r->next;
	r->next = it->index + 1;
	r->unworked += wanted && !it->worked;
	r->worked_twice += it->value == -1;
	r->wrong_value += wanted ? it->value != it->index * 2 : it->worked;
	r->back++;
}

static void run_queue(size_t limit, size_t ahead, size_t workers)
{
	struct run r = {0};
	struct item *items = xcalloc(N, sizeof *items);
	struct work_queue *q = work_queue_new(limit, ahead, workers, work, done, &r);
	for (int i = 0; i < N; i++) {
		items[i].index = i;
		/* every seventh needs no work (a 304, a failure) */
		work_queue_put(q, &items[i], i % 7 != 3);
		r.put++;
		if (r.put - r.back > r.most)
			r.most = r.put - r.back;
	}
	work_queue_drain(q);
	CHECK_INT(r.back, N);
	work_queue_free(&q);
	CHECK(q == NULL);
	CHECK_INT(r.wrong_order, 0);
	CHECK_INT(r.wrong_value, 0);
	CHECK_INT(r.unworked, 0);
	CHECK_INT(r.worked_twice, 0);
	/* every put leaves at most limit - 1 in the queue */
	CHECK(r.most <= (int)(limit > 1 ? limit - 1 : 0));
	free(items);
}

/* Nothing put: drain and free return at once. */
static void test_empty(void)
{
	struct run r = {0};
	struct work_queue *q = work_queue_new(8, 2, 2, work, done, &r);
	work_queue_drain(q);
	work_queue_free(&q);
	CHECK_INT(r.back, 0);
}

int main(void)
{
	run_queue(1, 1, 0);   /* no thread: all on the caller's, one at a time */
	run_queue(16, 4, 0);
	run_queue(16, 4, 1);  /* as a fetch on two cores */
	run_queue(16, 1, 1);
	run_queue(4, 2, 3);
	run_queue(64, 64, 3);
	test_empty();
	CHECK(work_queue_threads(4) <= 4);
	CHECK(work_queue_threads(0) == 0);
	return t_done();
}
