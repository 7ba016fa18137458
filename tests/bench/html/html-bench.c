/*
 * html-bench.c: html_extract over every page of a folder, as the scorer
 * of ../shared/corpora/html wants it: OUTDIR/NNN_x.txt (the main text)
 * and OUTDIR/NNN_x.meta.json ({"title", "date"}).  Prints the pages and
 * the extraction time (parse and extraction, not reading or writing; per
 * page the best of three runs).
 * usage: html-bench PAGESDIR OUTDIR
 */
#include "diglot/common.h"
#include "diglot/html_extract.h"
#include "diglot/json.h"
#include "diglot/sbuf.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool slurp(const char *path, struct sbuf *b)
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

static void put(const char *path, const char *s)
{
	FILE *f = fopen(path, "wb");
	if (!f) {
		perror(path);
		exit(1);
	}
	fputs(s, f);
	fclose(f);
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: html-bench PAGESDIR OUTDIR\n");
		return 2;
	}
	DIR *d = opendir(argv[1]);
	if (!d) {
		perror(argv[1]);
		return 1;
	}
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		size_t l = strlen(e->d_name);
		if (l > 5 && strcmp(e->d_name + l - 5, ".html") == 0) {
			xgrow(&names, &cap, n + 1, sizeof *names);
			names[n++] = xstrdup(e->d_name);
		}
	}
	closedir(d);
	qsort(names, n, sizeof *names, cmp);
	double total = 0;
	for (size_t i = 0; i < n; i++) {
		char *path = xasprintf("%s/%s", argv[1], names[i]);
		struct sbuf b = SBUF_INIT;
		if (!slurp(path, &b)) {
			perror(path);
			return 1;
		}
		struct html_page p = {0};
		char *why = NULL;
		/* The best of three runs: the machine is shared. */
		double best = 0;
		enum dg_status rc = DG_OK;
		for (int run = 0; run < 3; run++) {
			if (run)
				html_page_free(&p);
			free(why);
			why = NULL;
			double t0 = now();
			rc = html_extract(sbuf_str(&b), b.len, NULL, NULL, &p, &why);
			double dt = now() - t0;
			if (run == 0 || dt < best)
				best = dt;
		}
		total += best;
		names[i][strlen(names[i]) - 5] = '\0';
		char *txt = xasprintf("%s/%s.txt", argv[2], names[i]);
		char *meta = xasprintf("%s/%s.meta.json", argv[2], names[i]);
		if (rc != DG_OK) {
			fprintf(stderr, "%s: %s\n", path, why);
			free(why);
		} else {
			put(txt, p.text);
			struct sbuf j = SBUF_INIT;
			sbuf_addstr(&j, "{\"title\": ");
			json_string(&j, p.title);
			sbuf_addstr(&j, ", \"date\": ");
			json_string(&j, p.date);
			sbuf_addstr(&j, "}\n");
			put(meta, sbuf_str(&j));
			sbuf_free(&j);
		}
		html_page_free(&p);
		free(txt);
		free(meta);
		free(path);
		sbuf_free(&b);
		free(names[i]);
	}
	free(names);
	printf("diglot\t%zu pages\t%.3f s\t%.3f ms/page\n", n, total, n ? total * 1000 / (double)n : 0);
	return 0;
}
