/*
 * stories-bench.c: the reader sidebar's story query timed (not run by
 * make check): `stories-bench DB RUNS [LIMIT SCAN]` runs
 * store_stories_recent (the sidebar's 200 newest of 1000, by default)
 * RUNS times on DB, opened read-only, and prints the mean and worst
 * wall time.  The first run reads from disk, the others from the cache,
 * as the sidebar's reloads (every flag change) do.
 */
#include "diglot/common.h"
#include "diglot/store_stories.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

struct counts {
	size_t stories, multi;
	int64_t articles;
};

static int count(void *ctx, const struct store_story_sum *s)
{
	struct counts *c = ctx;
	c->stories++;
	c->multi += s->nlangs > 1;
	c->articles += s->articles;
	return 0;
}

int main(int argc, char **argv)
{
	if (argc != 3 && argc != 5) {
		fprintf(stderr, "usage: stories-bench DB RUNS [LIMIT SCAN]\n");
		return 2;
	}
	int runs = atoi(argv[2]) > 0 ? atoi(argv[2]) : 100;
	size_t limit = argc == 5 ? (size_t)atol(argv[3]) : 200, scan = argc == 5 ? (size_t)atol(argv[4]) : 1000;
	struct store *st;
	char *cause = NULL;
	if (store_open_read(&st, argv[1], &cause) != DG_OK) {
		fprintf(stderr, "stories-bench: %s\n", cause);
		free(cause);
		return 1;
	}
	double first = 0, total = 0, worst = 0;
	struct counts c = {0};
	for (int r = 0; r < runs; r++) {
		c = (struct counts){0};
		double t0 = now_ms();
		if (store_stories_recent(st, limit, scan, count, &c) != DG_OK) {
			fprintf(stderr, "stories-bench: %s\n", store_error(st));
			store_close(&st);
			return 1;
		}
		double ms = now_ms() - t0;
		if (r == 0)
			first = ms;
		total += ms;
		worst = ms > worst ? ms : worst;
	}
	printf("sidebar stories (%zu of the newest %zu): %zu listed, %zu in two languages or more, %lld articles;"
	       " %d runs: first %.3f ms, mean %.3f ms, worst %.3f ms\n",
	       limit, scan, c.stories, c.multi, (long long)c.articles, runs, first, total / runs, worst);
	store_close(&st);
	return 0;
}
