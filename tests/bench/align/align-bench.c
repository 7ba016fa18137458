/*
 * align-bench.c: precision, recall and F1 of paragraph alignment over
 * documents with gold links (made by tests/bench/align/mkdocs.py), for plain
 * Gale & Church (anchors off) and with anchors, per language and variant.
 *
 * Usage: align-bench FILE...   where each FILE is named <lang>-<variant>-N.txt
 * and holds "L\ttext", "R\ttext" and "G\tleft\tright" lines.
 * A link is a (left, right) pair implied by a row: every left paragraph of
 * the row with every right paragraph of it.
 */
#include "diglot/common.h"
#include "diglot/files.h"
#include "diglot/align.h"
#include "diglot/sbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct doc {
	struct align_seg *seg[2];
	size_t n[2], cap[2];
	uint32_t (*gold)[2];
	size_t ngold, capgold;
	char *buf;
};

struct score {
	char key[32];
	size_t tp, fp, fn, docs, perfect;
};

#define MAXKEYS 32
static struct score scores[2][MAXKEYS];
static size_t nkeys;

static struct score *score_for(int anchors, const char *key)
{
	for (size_t i = 0; i < nkeys; i++)
		if (!strcmp(scores[anchors][i].key, key))
			return &scores[anchors][i];
	if (nkeys == MAXKEYS)
		exit(2);
	for (int a = 0; a < 2; a++)
		snprintf(scores[a][nkeys].key, sizeof scores[a][nkeys].key, "%s", key);
	return &scores[anchors][nkeys++];
}

static bool read_doc(const char *path, struct doc *d)
{
	size_t len;
	char *buf = files_read(path, SIZE_MAX - 1, &len);
	if (!buf)
		return false;
	memset(d, 0, sizeof *d);
	d->buf = buf;
	for (char *line = d->buf, *next; line && *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		if ((line[0] == 'L' || line[0] == 'R') && line[1] == '\t') {
			int s = line[0] == 'R';
			xgrow(&d->seg[s], &d->cap[s], d->n[s] + 1, sizeof *d->seg[s]);
			d->seg[s][d->n[s]++] = (struct align_seg){line + 2, strlen(line + 2)};
		} else if (line[0] == 'G') {
			unsigned l, r;
			if (sscanf(line + 2, "%u\t%u", &l, &r) == 2) {
				xgrow(&d->gold, &d->capgold, d->ngold + 1, sizeof *d->gold);
				d->gold[d->ngold][0] = l;
				d->gold[d->ngold++][1] = r;
			}
		}
	}
	return true;
}

static bool is_gold(const struct doc *d, uint32_t l, uint32_t r)
{
	for (size_t i = 0; i < d->ngold; i++)
		if (d->gold[i][0] == l && d->gold[i][1] == r)
			return true;
	return false;
}

static void add(struct score *s, size_t tp, size_t fp, size_t fn)
{
	s->tp += tp;
	s->fp += fp;
	s->fn += fn;
	s->docs++;
	s->perfect += !fp && !fn;
}

static void evaluate(const struct doc *d, int anchors, const char *lang, const char *variant)
{
	struct align_opts o = {.anchors = anchors};
	struct row *rows;
	size_t n = align_segments_opts(d->seg[0], d->n[0], d->seg[1], d->n[1], &o, &rows);
	size_t tp = 0, fp = 0;
	for (size_t i = 0; i < n; i++)
		for (uint32_t a = 0; a < rows[i].nleft; a++)
			for (uint32_t b = 0; b < rows[i].nright; b++) {
				if (is_gold(d, rows[i].left + a, rows[i].right + b))
					tp++;
				else
					fp++;
			}
	free(rows);
	size_t fn = d->ngold - tp;
	char key[32];
	add(score_for(anchors, "all"), tp, fp, fn);
	snprintf(key, sizeof key, "lang %s", lang);
	add(score_for(anchors, key), tp, fp, fn);
	snprintf(key, sizeof key, "variant %s", variant);
	add(score_for(anchors, key), tp, fp, fn);
	snprintf(key, sizeof key, "%s %s", lang, variant);
	add(score_for(anchors, key), tp, fp, fn);
}

static void print_row(const char *name, const struct score *s)
{
	double p = s->tp + s->fp ? (double)s->tp / (double)(s->tp + s->fp) : 0;
	double r = s->tp + s->fn ? (double)s->tp / (double)(s->tp + s->fn) : 0;
	double f = p + r > 0 ? 2 * p * r / (p + r) : 0;
	printf(" %5.3f %5.3f %5.3f %4zu/%-4zu", p, r, f, s->perfect, s->docs);
	(void)name;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: align-bench FILE...\n");
		return 2;
	}
	for (int i = 1; i < argc; i++) {
		struct doc d;
		if (!read_doc(argv[i], &d)) {
			perror(argv[i]);
			return 1;
		}
		const char *base = strrchr(argv[i], '/');
		base = base ? base + 1 : argv[i];
		char lang[8] = "?", variant[16] = "?";
		sscanf(base, "%7[^-]-%15[^-]", lang, variant);
		for (int a = 0; a < 2; a++)
			evaluate(&d, a, lang, variant);
		free(d.seg[0]);
		free(d.seg[1]);
		free(d.gold);
		free(d.buf);
	}
	printf("%-18s | %-31s | %-31s\n", "", "plain Gale & Church", "with anchors");
	printf("%-18s | %5s %5s %5s %9s | %5s %5s %5s %9s\n", "subset", "P", "R", "F1", "exact",
	       "P", "R", "F1", "exact");
	for (size_t k = 0; k < nkeys; k++) {
		printf("%-18s |", scores[0][k].key);
		print_row("plain", &scores[0][k]);
		printf(" |");
		print_row("anchors", &scores[1][k]);
		printf("\n");
	}
	return 0;
}
