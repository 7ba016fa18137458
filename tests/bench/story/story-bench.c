/*
 * story-bench.c: story linking measured (tests/bench/story/run).
 *
 *   story-bench pairs FILE...        every pair's score as the store would
 *                                    compute it in a library of these files
 *                                    (key rarity over them), for tuning
 *   story-bench eval DB TRUTH.tsv    pairwise precision, recall and F1 of
 *                                    the links in DB against TRUTH (path TAB
 *                                    event; event "-" for an article of its
 *                                    own), and the distractors joined
 *   story-bench import DB [--no-links] PATH...
 *                                    import, in process, timed
 *   story-bench also DB RUNS         the pager's "Also in" line (the story's
 *                                    other articles and their languages) for
 *                                    RUNS articles of stories and RUNS
 *                                    articles at random: mean, p99, worst
 */
#include "diglot/common.h"
#include "diglot/evidence.h"
#include "diglot/import.h"
#include "diglot/sbuf.h"
#include "diglot/store.h"
#include "diglot/story.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

static double now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

/* CPU time of the process, every thread, in ms: the machine is shared,
 * and wall time says as much about the neighbours as about diglot. */
static double cpu_ms(void)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	return (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
}

/* CPU time of the calling thread, the one that stores (the parse threads
 * run ahead of it): when it is the busier, it sets the rate. */
static double thread_cpu_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
	return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int die(const char *what, const char *why)
{
	fprintf(stderr, "story-bench: %s: %s\n", what, why ? why : "failed");
	return 1;
}

static bool read_all(const char *path, struct sbuf *b)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return false;
	char buf[65536];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		sbuf_add(b, buf, n);
	fclose(f);
	return true;
}

/* ---- pairs --------------------------------------------------------------- */

static int cmd_pairs(char **files, int n)
{
	struct evidence *ev = xcalloc((size_t)n, sizeof *ev);
	int64_t *date = xcalloc((size_t)n, sizeof *date);
	for (int i = 0; i < n; i++) {
		struct sbuf raw = SBUF_INIT;
		struct article a = {0};
		char *why = NULL;
		if (!read_all(files[i], &raw) || import_bytes(raw.s ? raw.s : "", raw.len, NULL, &a, &why) != DG_OK) {
			fprintf(stderr, "%s: %s\n", files[i], why ? why : "unreadable");
			free(why);
		} else {
			evidence_extract(&a, &ev[i]);
			date[i] = a.date;
		}
		article_free(&a);
		sbuf_free(&raw);
	}
	/* df of each key over the files: a linear count is enough here */
	for (int i = 0; i < n; i++) {
		double w[64];
		for (size_t k = 0; k < ev[i].n && k < 64; k++) {
			int64_t df = 0;
			for (int j = 0; j < n; j++)
				for (size_t m = 0; m < ev[j].n; m++)
					if (ev[j].keys[m].hash == ev[i].keys[k].hash) {
						df++;
						break;
					}
			w[k] = df > 1 ? story_key_weight(ev[i].keys[k].text, df, n) : 0;
		}
		for (int j = 0; j < n; j++) {
			if (j == i)
				continue;
			uint64_t mask = 0;
			struct sbuf shared = SBUF_INIT;
			for (size_t k = 0; k < ev[i].n && k < 64; k++)
				for (size_t m = 0; m < ev[j].n; m++)
					if (ev[j].keys[m].hash == ev[i].keys[k].hash && w[k] > 0) {
						mask |= 1ULL << k;
						sbuf_addf(&shared, " %s(%.1f)", ev[i].keys[k].text, w[k]);
					}
			int units;
			double s = story_score(&ev[i], w, mask, &units) * story_date_factor(date[i], date[j]);
			if (mask)
				printf("%.2f\t%d\t%s\t%s\t%s\n", s, units, files[i], files[j], shared.s ? shared.s : "");
			sbuf_free(&shared);
		}
	}
	for (int i = 0; i < n; i++)
		evidence_free(&ev[i]);
	free(ev);
	free(date);
	return 0;
}

/* ---- eval ------------------------------------------------------------------ */

struct truth {
	char **path, **event;
	char **full; /* DIR/articles/PATH made absolute, as the store keeps it */
	int64_t *story;
	size_t n, cap;
};

static int item_story(void *ctx, const struct store_item *it)
{
	struct truth *t = ctx;
	for (size_t i = 0; i < t->n; i++)
		if (strcmp(it->path, t->full[i]) == 0)
			t->story[i] = it->story;
	return 0;
}

static int cmd_eval(const char *db, const char *truth_path)
{
	struct sbuf raw = SBUF_INIT;
	if (!read_all(truth_path, &raw))
		return die(truth_path, "cannot read");
	struct truth t = {0};
	for (char *line = strtok(raw.s, "\n"); line; line = strtok(NULL, "\n")) {
		char *tab = strchr(line, '\t');
		if (!tab || line[0] == '#')
			continue;
		*tab = '\0';
		if (t.n == t.cap) {
			t.cap = t.cap ? 2 * t.cap : 64;
			t.path = xreallocarray(t.path, t.cap, sizeof *t.path);
			t.event = xreallocarray(t.event, t.cap, sizeof *t.event);
		}
		t.path[t.n] = line;
		t.event[t.n++] = tab + 1;
	}
	t.story = xcalloc(t.n ? t.n : 1, sizeof *t.story);
	t.full = xcalloc(t.n ? t.n : 1, sizeof *t.full);
	char *dir = realpath(truth_path, NULL);
	if (!dir)
		return die(truth_path, "cannot resolve");
	*strrchr(dir, '/') = '\0';
	for (size_t i = 0; i < t.n; i++)
		t.full[i] = xasprintf("%s/articles/%s", dir, t.path[i]);
	free(dir);
	struct store *st;
	char *cause = NULL;
	if (store_open_read(&st, db, &cause) != DG_OK)
		return die(db, cause);
	struct store_filter f = STORE_FILTER_ALL;
	struct store_page page = {.limit = 1 << 30, .no_snippet = true};
	if (store_list(st, &f, ORDER_DATE, &page, item_story, &t) != DG_OK)
		return die(db, store_error(st));
	long tp = 0, fp = 0, fn = 0, distractors = 0, joined = 0, unrelated = 0, ujoined = 0;
	for (size_t i = 0; i < t.n; i++) {
		bool lone = strcmp(t.event[i], "-") == 0;
		bool alone_in_truth = true;
		for (size_t j = 0; j < t.n; j++) {
			if (j == i)
				continue;
			bool same = !lone && strcmp(t.event[i], t.event[j]) == 0;
			alone_in_truth = alone_in_truth && !same;
			bool linked = t.story[i] && t.story[i] == t.story[j];
			if (j > i) {
				tp += same && linked;
				fp += !same && linked;
				fn += same && !linked;
			}
		}
		/* A distractor ("d:" event): the same bank's previous decision,
		 * the same company's other news...; "u:" an unrelated article. */
		if (alone_in_truth && strncmp(t.event[i], "d:", 2) == 0) {
			distractors++;
			joined += t.story[i] != 0;
		} else if (alone_in_truth && strncmp(t.event[i], "u:", 2) == 0) {
			unrelated++;
			ujoined += t.story[i] != 0;
		}
		if (getenv("STORY_BENCH_VERBOSE"))
			printf("%lld\t%s\t%s\n", (long long)t.story[i], t.event[i], t.path[i]);
	}
	double p = tp + fp ? (double)tp / (double)(tp + fp) : 1, r = tp + fn ? (double)tp / (double)(tp + fn) : 1;
	printf("pairs: tp %ld fp %ld fn %ld\nprecision %.3f\nrecall %.3f\nf1 %.3f\n"
	       "distractors joined %ld of %ld (%.1f %%)\nunrelated joined %ld of %ld\n",
	       tp, fp, fn, p, r, p + r > 0 ? 2 * p * r / (p + r) : 0, joined, distractors,
	       distractors ? 100.0 * (double)joined / (double)distractors : 0, ujoined, unrelated);
	store_close(&st);
	for (size_t i = 0; i < t.n; i++)
		free(t.full[i]);
	free(t.full);
	free(t.path);
	free(t.event);
	free(t.story);
	sbuf_free(&raw);
	return 0;
}

/* ---- import ------------------------------------------------------------------ */

static int cmd_import(const char *db, bool links, char **paths, int n)
{
	struct store *st;
	char *cause = NULL;
	if (store_open(&st, db, &cause) != DG_OK)
		return die(db, cause);
	struct import_opts o = {.no_story_links = !links};
	struct import_stats s;
	double t0 = now_ms(), c0 = cpu_ms(), s0 = thread_cpu_ms();
	import_paths(st, paths, (size_t)n, &o, &s);
	double ms = now_ms() - t0, cpu = cpu_ms() - c0, scpu = thread_cpu_ms() - s0;
	double per = s.imported ? 1.0 / (double)s.imported : 0;
	printf("imported %lu in %.0f ms: %.0f articles/s, %.3f ms per article, %.3f ms CPU per article,"
	       " %.3f ms in the storing thread (%s)\n",
	       s.imported, ms, 1e3 * (double)s.imported / ms, ms * per, cpu * per, scpu * per,
	       links ? "with story links" : "without story links");
	store_close(&st);
	return 0;
}

/* ---- also ------------------------------------------------------------------ */

static int story_first(void *ctx, const struct store_story *s)
{
	struct sbuf *ids = ctx;
	sbuf_add(ids, (const char *)&s->first, sizeof s->first);
	return 0;
}

/* The pager's work for "Also in" on article id: ms. */
static double time_also(struct store *st, int64_t id, bool *ok)
{
	double t0 = now_ms();
	struct store_story_member *m;
	size_t nm;
	*ok = store_story_members(st, id, &m, &nm) == DG_OK;
	if (!*ok)
		return 0;
	const char **langs = xcalloc(2 * nm + 1, sizeof *langs);
	for (size_t i = 0; i < nm; i++) {
		langs[2 * i] = m[i].lang;
		langs[2 * i + 1] = m[i].lang2;
	}
	char *line = story_also_in(langs, 2 * nm);
	double ms = now_ms() - t0;
	free(line);
	free(langs);
	free(m);
	return ms;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static void say_times(const char *what, double *t, int n)
{
	double total = 0;
	for (int i = 0; i < n; i++)
		total += t[i];
	qsort(t, (size_t)n, sizeof *t, cmp_double);
	printf("%s: mean %.3f ms, p99 %.3f ms, worst %.3f ms\n", what, total / n, t[(n * 99) / 100 < n ? (n * 99) / 100 : n - 1],
	       t[n - 1]);
}

/* RUNS articles of stories (their first articles, spread over all the
 * stories) and RUNS articles at random, each opened once. */
static int cmd_also(const char *db, int runs)
{
	struct store *st;
	char *cause = NULL;
	if (store_open_read(&st, db, &cause) != DG_OK)
		return die(db, cause);
	struct sbuf ids = SBUF_INIT;
	struct store_stats stats;
	if (store_stories(st, story_first, &ids) != DG_OK || store_stats(st, &stats) != DG_OK)
		return die(db, store_error(st));
	size_t n = ids.len / sizeof(int64_t);
	if (!n || stats.articles < 1)
		return die(db, "no stories");
	double *t = xcalloc((size_t)runs, sizeof *t);
	bool ok;
	for (int r = 0; r < runs; r++) {
		int64_t id;
		memcpy(&id, ids.s + (size_t)r * 7919 % n * sizeof id, sizeof id);
		t[r] = time_also(st, id, &ok);
		if (!ok)
			return die(db, store_error(st));
	}
	char what[160];
	snprintf(what, sizeof what, "also-in, %lld articles: %d articles of %zu stories", (long long)stats.articles,
	         runs, n);
	say_times(what, t, runs);
	uint64_t x = 88172645463325252ULL; /* xorshift: the same articles each run */
	for (int r = 0; r < runs; r++) {
		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		t[r] = time_also(st, 1 + (int64_t)(x % (uint64_t)stats.articles), &ok);
		if (!ok)
			return die(db, store_error(st));
	}
	snprintf(what, sizeof what, "also-in, %lld articles: %d articles at random", (long long)stats.articles, runs);
	say_times(what, t, runs);
	free(t);
	sbuf_free(&ids);
	store_close(&st);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 4 && strcmp(argv[1], "also") == 0)
		return cmd_also(argv[2], atoi(argv[3]) > 0 ? atoi(argv[3]) : 100);
	if (argc >= 3 && strcmp(argv[1], "pairs") == 0)
		return cmd_pairs(argv + 2, argc - 2);
	if (argc == 4 && strcmp(argv[1], "eval") == 0)
		return cmd_eval(argv[2], argv[3]);
	if (argc >= 4 && strcmp(argv[1], "import") == 0) {
		bool links = strcmp(argv[3], "--no-links") != 0;
		return cmd_import(argv[2], links, argv + (links ? 3 : 4), argc - (links ? 3 : 4));
	}
	fprintf(stderr, "usage: story-bench pairs FILE... | eval DB TRUTH.tsv | import DB [--no-links] PATH... |"
	                " also DB RUNS\n");
	return 2;
}
