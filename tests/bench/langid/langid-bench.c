/*
 * langid-bench.c: accuracy and speed of langid_detect on a labelled set.
 *
 * Input: a TSV file of "lang<TAB>paragraph" lines (made by extract.py).
 * Output: per language and overall, the share of paragraphs labelled
 * right on the full text, on the first 40 and on the first 15 characters
 * (characters, not bytes), then paragraphs per second on full text.
 * With -v, every miss is printed to stderr.
 */
#include "diglot/common.h"
#include "diglot/langid.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistr.h>

#define NCUT 3
static const size_t cuts[NCUT] = {0, 40, 15}; /* 0: the whole paragraph */

struct sample {
	char lang[LANG_CODE_SIZE];
	char *text;
	size_t len;
};

struct tally {
	char lang[LANG_CODE_SIZE];
	int n, right[NCUT];
};

/* Bytes of the first nchars characters of s. */
static size_t prefix_bytes(const char *s, size_t len, size_t nchars)
{
	size_t off = 0;
	for (size_t i = 0; i < nchars && off < len; i++) {
		int n = u8_mblen((const uint8_t *)s + off, len - off);
		off += n > 0 ? (size_t)n : 1;
	}
	return off;
}

static struct sample *load(const char *path, size_t *n)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		perror(path);
		exit(2);
	}
	struct sample *v = NULL;
	size_t cap = 0;
	char *line = NULL;
	size_t lcap = 0;
	ssize_t got;
	*n = 0;
	while ((got = getline(&line, &lcap, f)) > 0) {
		char *tab = strchr(line, '\t');
		if (!tab || tab - line >= LANG_CODE_SIZE)
			continue;
		while (got > 0 && (line[got - 1] == '\n' || line[got - 1] == '\r'))
			line[--got] = '\0';
		xgrow(&v, &cap, *n + 1, sizeof *v);
		struct sample *s = &v[(*n)++];
		memcpy(s->lang, line, (size_t)(tab - line));
		s->lang[tab - line] = '\0';
		s->text = xstrdup(tab + 1);
		s->len = strlen(s->text);
	}
	free(line);
	fclose(f);
	return v;
}

static struct tally *tally_for(struct tally *t, size_t *nt, const char *lang)
{
	for (size_t i = 0; i < *nt; i++)
		if (strcmp(t[i].lang, lang) == 0)
			return &t[i];
	memset(&t[*nt], 0, sizeof t[*nt]);
	strcpy(t[*nt].lang, lang);
	return &t[(*nt)++];
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static double pct(int a, int b) { return b ? 100.0 * a / b : 0.0; }

int main(int argc, char **argv)
{
	bool verbose = argc > 1 && strcmp(argv[1], "-v") == 0;
	if (argc != 2 + verbose) {
		fprintf(stderr, "usage: langid-bench [-v] FILE.tsv\n");
		return 2;
	}
	size_t n;
	struct sample *v = load(argv[1 + verbose], &n);
	struct tally *t = xcalloc(n + 1, sizeof *t), all = {"all", 0, {0}};
	size_t nt = 0;
	for (size_t i = 0; i < n; i++) {
		struct tally *lt = tally_for(t, &nt, v[i].lang);
		lt->n++;
		all.n++;
		for (int c = 0; c < NCUT; c++) {
			size_t len = cuts[c] ? prefix_bytes(v[i].text, v[i].len, cuts[c]) : v[i].len;
			struct langid_result r;
			langid_detect(v[i].text, len, &r);
			bool ok = strcmp(r.code, v[i].lang) == 0;
			lt->right[c] += ok;
			all.right[c] += ok;
			if (!ok && verbose)
				fprintf(stderr, "%s->%s [%zu%s] %.*s\n", v[i].lang, r.code, cuts[c],
					r.reliable ? " R" : "", (int)len, v[i].text);
		}
	}
	printf("%-5s %6s %8s %8s %8s\n", "lang", "paras", "full%", "40ch%", "15ch%");
	for (size_t i = 0; i <= nt; i++) {
		struct tally *x = i < nt ? &t[i] : &all;
		printf("%-5s %6d %8.1f %8.1f %8.1f\n", x->lang, x->n, pct(x->right[0], x->n),
		       pct(x->right[1], x->n), pct(x->right[2], x->n));
	}
	/* Speed: whole paragraphs, repeated until a second has passed. */
	size_t done = 0, bytes = 0;
	double t0 = now(), dt;
	do {
		for (size_t i = 0; i < n; i++) {
			struct langid_result r;
			langid_detect(v[i].text, v[i].len, &r);
			bytes += v[i].len;
		}
		done += n;
	} while ((dt = now() - t0) < 1.0 && n);
	printf("speed: %.0f paragraphs/s (%.0f bytes/paragraph, %.1f MB/s)\n", done / dt,
	       done ? (double)bytes / done : 0.0, bytes / dt / 1e6);
	for (size_t i = 0; i < n; i++)
		free(v[i].text);
	free(v);
	free(t);
	return 0;
}
