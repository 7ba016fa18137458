/*
 * perf-bench.c: the in-process parts of tests/bench/run (not run by make
 * check).  Each subcommand prints one JSON object on stdout.
 *
 *   perf-bench insert SRC.db DST.db   bare SQLite insert of SRC's article
 *                                     rows into a fresh library DST (same
 *                                     schema, triggers, FTS5 index, batches
 *                                     of 1024, indexed at each batch's end as
 *                                     the store does): the import's ceiling
 *   perf-bench search DB RUNS Q...    what the reader does on a search:
 *                                     count the hits, fetch the first 40
 *   perf-bench layout FILE... RUNS    analyse the files' text joined as one
 *                                     article, lay it out side by side at
 *                                     200 columns
 */
#include "diglot/common.h"
#include "analyse.h"
#include "diglot/article.h"
#include "fts.h"
#include "diglot/layout.h"
#include "diglot/sbuf.h"
#include "diglot/store.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static void print_runs(const char *name, double *t, int n)
{
	qsort(t, (size_t)n, sizeof *t, cmp_double);
	printf("\"%s\": {\"median\": %.4f, \"min\": %.4f, \"max\": %.4f}", name, t[n / 2], t[0], t[n - 1]);
}

static int die(const char *what, const char *why)
{
	fprintf(stderr, "perf-bench: %s: %s\n", what, why);
	return 1;
}

static int sql(sqlite3 *db, const char *q)
{
	char *err = NULL;
	if (sqlite3_exec(db, q, NULL, NULL, &err) != SQLITE_OK) {
		fprintf(stderr, "perf-bench: %s: %s\n", q, err);
		sqlite3_free(err);
		return -1;
	}
	return 0;
}

static int cmd_insert(const char *src, const char *dst)
{
	struct store *st;
	char *err = NULL;
	remove(dst);
	if (store_open(&st, dst, &err) != DG_OK)
		return die(dst, err);
	store_close(&st);
	sqlite3 *db;
	if (sqlite3_open(dst, &db) != SQLITE_OK)
		return die(dst, "open");
	/* The same connection settings as the store, and its tokenizer. */
	fts_register(db);
	char *att = sqlite3_mprintf("ATTACH %Q AS src", src);
	if (sql(db, "PRAGMA synchronous = NORMAL") || sql(db, att))
		return 1;
	/* store_bulk's settings, as the import runs with them */
	if (sql(db, "PRAGMA main.cache_size = -65536; PRAGMA main.wal_autocheckpoint = 16384"))
		return 1;
	sqlite3_free(att);
	sqlite3_stmt *max, *ins, *fts;
	sqlite3_prepare_v2(db, "SELECT max(id) FROM src.article", -1, &max, NULL);
	sqlite3_step(max);
	int64_t n = sqlite3_column_int64(max, 0);
	sqlite3_finalize(max);
	if (sqlite3_prepare_v2(db, "INSERT INTO main.article(hash, path, title, title_key, source, url,"
	                           " date, lang, lang2, text_bytes, imported_at, para_meta, rows, body)"
	                           " SELECT hash, path, title, title_key, source, url, date, lang, lang2,"
	                           " text_bytes, imported_at, para_meta, rows, body FROM src.article"
	                           " WHERE id = ?1", -1, &ins, NULL) != SQLITE_OK)
		return die("prepare", sqlite3_errmsg(db));
	/* As the store does: a batch's rows enter the FTS index at its end. */
	if (sqlite3_prepare_v2(db, "INSERT INTO article_fts(rowid, title, body)"
	                           " SELECT id, title, body FROM main.article WHERE id >= ?1",
	                       -1, &fts, NULL) != SQLITE_OK)
		return die("prepare", sqlite3_errmsg(db));
	const int64_t batch = 1024; /* IMPORT_BATCH */
	double t0 = now_ms();
	for (int64_t id = 1; id <= n; id++) {
		if ((id - 1) % batch == 0 && sql(db, "BEGIN IMMEDIATE"))
			return 1;
		sqlite3_bind_int64(ins, 1, id);
		if (sqlite3_step(ins) != SQLITE_DONE)
			return die("insert", sqlite3_errmsg(db));
		sqlite3_reset(ins);
		if (id % batch == 0 || id == n) {
			sqlite3_bind_int64(fts, 1, id - (id - 1) % batch);
			if (sqlite3_step(fts) != SQLITE_DONE)
				return die("index", sqlite3_errmsg(db));
			sqlite3_reset(fts);
			if (sql(db, "COMMIT"))
				return 1;
		}
	}
	double t = (now_ms() - t0) / 1e3;
	sqlite3_finalize(ins);
	sqlite3_finalize(fts);
	sqlite3_close(db);
	printf("{\"rows\": %lld, \"seconds\": %.3f, \"per_s\": %.1f}\n", (long long)n, t, n / t);
	return 0;
}

struct counter {
	int n;
};

static int count_row(void *ctx, const struct store_item *it)
{
	(void)it;
	((struct counter *)ctx)->n++;
	return 0;
}

static int cmd_search(const char *path, int runs, char **q, int nq)
{
	struct store *st;
	char *err = NULL;
	if (store_open(&st, path, &err) != DG_OK)
		return die(path, err);
	double *t = xcalloc((size_t)runs, sizeof *t);
	printf("{");
	for (int i = 0; i < nq; i++) {
		struct store_filter f = STORE_FILTER_ALL;
		f.query = q[i];
		int64_t hits = 0;
		struct counter c = {0};
		for (int r = 0; r < runs; r++) {
			struct store_page page = {0, false, 0, 40, true}; /* as the reader: no snippets */
			c.n = 0;
			double t0 = now_ms();
			if (store_count(st, &f, &hits) != DG_OK ||
			    store_list(st, &f, ORDER_DATE, &page, count_row, &c) != DG_OK)
				return die(q[i], store_error(st));
			t[r] = now_ms() - t0;
		}
		printf("%s\"%s\": {\"hits\": %lld, \"shown\": %d, ", i ? ", " : "", q[i], (long long)hits, c.n);
		print_runs("ms", t, runs);
		printf("}");
	}
	printf("}\n");
	free(t);
	store_close(&st);
	return 0;
}

static int cmd_layout(char **files, int nfiles, int runs)
{
	struct sbuf text = SBUF_INIT;
	for (int i = 0; i < nfiles; i++) {
		FILE *f = fopen(files[i], "rb");
		if (!f)
			return die(files[i], "cannot open");
		char buf[65536];
		size_t n;
		while ((n = fread(buf, 1, sizeof buf, f)) > 0)
			sbuf_add(&text, buf, n);
		fclose(f);
		sbuf_addstr(&text, "\n\n");
	}
	struct article a = {0};
	analyse_text(&a, sbuf_str(&text), text.len);
	double *t = xcalloc((size_t)runs, sizeof *t);
	struct layout l = {0};
	for (int r = 0; r < runs; r++) {
		double t0 = now_ms();
		layout_article(&l, &a, VIEW_SIDE, 200);
		t[r] = now_ms() - t0;
	}
	printf("{\"bytes\": %zu, \"lang\": \"%s\", \"lang2\": \"%s\", \"rows\": %zu, \"lines\": %zu, "
	       "\"view\": \"%s\", ", text.len, a.lang, a.lang2, a.nrow, l.n, layout_view_name(l.view));
	print_runs("ms", t, runs);
	printf("}\n");
	layout_free(&l);
	article_free(&a);
	sbuf_free(&text);
	free(t);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc >= 4 && strcmp(argv[1], "insert") == 0)
		return cmd_insert(argv[2], argv[3]);
	if (argc >= 5 && strcmp(argv[1], "search") == 0)
		return cmd_search(argv[2], atoi(argv[3]), argv + 4, argc - 4);
	if (argc >= 4 && strcmp(argv[1], "layout") == 0)
		return cmd_layout(argv + 2, argc - 3, atoi(argv[argc - 1]));
	fprintf(stderr, "usage: perf-bench insert SRC.db DST.db | search DB RUNS QUERY... |"
	                " layout FILE... RUNS\n");
	return 2;
}
