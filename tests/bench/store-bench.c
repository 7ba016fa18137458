/*
 * store-bench.c: how the store behaves at scale (not run by make check).
 * Generates N synthetic articles (English-like words with a Zipf-like
 * spread, Chinese runs, accented French), imports them in batches, then
 * times searches, list pages and counts, and prints the library size
 * against the raw text.
 *
 *   make tests/bench/store-bench && tests/bench/store-bench /tmp/bench.db 100000
 */
#include "diglot/common.h"
#include "diglot/sbuf.h"
#include "diglot/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static uint64_t rng = 88172645463325252ULL;

static uint32_t rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (uint32_t)rng;
}

/* Skewed pick in [0, n): small numbers far more often. */
static uint32_t zipf(uint32_t n)
{
	double u = (rnd() + 1.0) / 4294967297.0;
	return (uint32_t)(n * u * u * u) % n;
}

static void en_word(struct sbuf *b, uint32_t k)
{
	static const char *const syl[] = {"ka", "lo", "mi", "ne", "stra", "tor", "ven", "ul",
	                                  "pe", "ri", "son", "ga", "de", "an", "te", "qu"};
	do {
		sbuf_addstr(b, syl[k % 16]);
		k /= 16;
	} while (k);
}

static void zh_char(struct sbuf *b, uint32_t k)
{
	uint32_t c = 0x4E00 + k % 3000;
	char u[3] = {(char)(0xE0 | (c >> 12)), (char)(0x80 | ((c >> 6) & 0x3F)), (char)(0x80 | (c & 0x3F))};
	sbuf_add(b, u, 3);
}

static void text(struct sbuf *b, int lang, int n)
{
	for (int i = 0; i < n; i++) {
		if (lang == 1) {
			zh_char(b, zipf(3000));
			if (i % 25 == 24)
				sbuf_addstr(b, "。");
		} else {
			if (i)
				sbuf_addc(b, ' ');
			en_word(b, zipf(20000));
			if (lang == 2 && i % 7 == 3)
				sbuf_addstr(b, "é");
		}
	}
}

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec + t.tv_nsec / 1e9;
}

static int count_cb(void *ctx, const struct store_item *it)
{
	(void)it;
	++*(int *)ctx;
	return 0;
}

static void time_search(struct store *st, const char *q)
{
	struct store_filter f = STORE_FILTER_ALL;
	f.query = q;
	struct store_page pg = {0, false, 0, 50, false};
	int n = 0;
	int64_t total = 0;
	double t0 = now();
	store_list(st, &f, ORDER_DATE, &pg, count_cb, &n);
	double t1 = now();
	store_count(st, &f, &total);
	double t2 = now();
	printf("search %-14s first 50 (with snippets): %7.1f ms   count %7lld: %7.1f ms\n", q,
	       (t1 - t0) * 1e3, (long long)total, (t2 - t1) * 1e3);
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: %s DB N\n", argv[0]);
		return 2;
	}
	const char *path = argv[1];
	long n = atol(argv[2]);
	unlink(path);
	struct store *st;
	char *err = NULL;
	if (store_open(&st, path, &err) != DG_OK) {
		fprintf(stderr, "%s\n", err);
		return 1;
	}
	static const char *const langs[] = {"en", "zh", "fr"};
	static const char *const srcs[] = {"Reuters", "AFP", "Xinhua", "BBC", "", "Le Monde"};
	int64_t raw = 0;
	double t0 = now();
	store_begin(st);
	for (long i = 0; i < n; i++) {
		int lang = i % 10 < 6 ? 0 : i % 10 < 9 ? 1 : 2;
		struct article a = {0};
		struct sbuf t = SBUF_INIT, p = SBUF_INIT;
		text(&t, lang, lang == 1 ? 20 : 8);
		a.title = sbuf_detach(&t);
		a.source = xstrdup(srcs[i % 6]);
		a.url = xstrdup("");
		strcpy(a.lang, langs[lang]);
		raw += (int64_t)strlen(a.title);
		for (int k = 0; k < 6; k++) {
			text(&p, lang, lang == 1 ? 100 : 40);
			article_add_para(&a, p.s, p.len, PARA_BODY);
			raw += (int64_t)p.len;
			sbuf_truncate(&p, 0);
		}
		sbuf_free(&p);
		char hash[32], file[32];
		snprintf(hash, sizeof hash, "h%ld", i);
		snprintf(file, sizeof file, "/bench/%ld", i);
		int64_t id;
		enum store_put w;
		if (store_put_article(st, &a, file, hash, strlen(hash), 1700000000 + (int64_t)(rnd() % 10000000), &id, &w)) {
			fprintf(stderr, "%s\n", store_error(st));
			return 1;
		}
		article_free(&a);
		if (i % 1000 == 999) {
			store_commit(st);
			store_begin(st);
		}
	}
	store_commit(st);
	double t1 = now();
	printf("import %ld articles: %.1f s (%.0f/s)\n", n, t1 - t0, n / (t1 - t0));
	/* Close and reopen: the size after the WAL was checkpointed away. */
	store_close(&st);
	if (store_open(&st, path, &err) != DG_OK) {
		fprintf(stderr, "%s\n", err);
		return 1;
	}
	struct store_stats s;
	store_stats(st, &s);
	printf("raw text %.1f MB, library %.1f MB: %.2fx\n", raw / 1e6, s.bytes / 1e6,
	       (double)s.bytes / (double)raw);

	time_search(st, "kaka");       /* very common */
	time_search(st, "lomi stra");  /* two words */
	time_search(st, "tortorka");   /* rare */
	time_search(st, "丁");          /* one CJK char */
	time_search(st, "丁七");        /* a pair */
	time_search(st, "万丈三上");    /* four chars */
	time_search(st, "ven*");

	struct store_filter f = STORE_FILTER_ALL;
	int cnt = 0;
	int64_t last = 0, total;
	struct store_page pg = {0, false, 0, 50, false};
	double a0 = now();
	store_list(st, &f, ORDER_DATE, &pg, count_cb, &cnt);
	double a1 = now();
	pg.after_id = n / 2;
	store_list(st, &f, ORDER_SOURCE, &pg, count_cb, &cnt);
	double a2 = now();
	store_count(st, &f, &total);
	f.read = 0;
	f.lang = "fr";
	store_count(st, &f, &last);
	double a3 = now();
	f.lang = NULL;
	pg.after_id = n / 3;
	store_list(st, &f, ORDER_TITLE, &pg, count_cb, &cnt);
	double a4 = now();
	printf("list first page %.2f ms, source page mid-list %.2f ms, unread title page mid-list "
	       "%.2f ms, counts (all %lld, unread fr %lld) %.2f ms\n",
	       (a1 - a0) * 1e3, (a2 - a1) * 1e3, (a4 - a3) * 1e3, (long long)total, (long long)last,
	       (a3 - a2) * 1e3);
	store_close(&st);
	return 0;
}
