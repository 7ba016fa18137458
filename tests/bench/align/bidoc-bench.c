/*
 * bidoc-bench.c: detection and paragraph pairs of whole bilingual documents
 * (made by tests/bench/align/mkbidocs.py), through the text core as import
 * runs it: article_parse, langid_article, bilingual_split, align_article.
 *
 * Usage: bidoc-bench [-v|-d] FILE.txt...   each with FILE.gold beside it,
 * named <layout>-<damage>-<pair>-N.txt.  -v names each document with a wrong
 * or missing pair; -d also prints its paragraphs (side, kind, language,
 * the gold units each maps to) and its rows, each marked by its pairs.
 *
 * Scoring pairs the document's own units (its paragraphs, or the lines and
 * sentences of a mixed one): each output paragraph is mapped back to the
 * units it holds (equal text, the first unit of that text not taken, a run of consecutive units, or a piece of
 * one), and a row pairs every unit of its left cell with every unit of its
 * right cell; so a right 2-1 row counts two right pairs.  A gold pair is
 * two units of different sides sharing a message.  An undetected document
 * pairs nothing.  Layouts "quotes" and "brands" are monolingual: only
 * "wrongly split" counts there.  Prints per layout, damage and pair:
 * detected, P, R, F1 over all documents and F1 over the detected ones,
 * then the analysis time.
 */
#include "diglot/common.h"
#include "diglot/files.h"
#include "diglot/align.h"
#include "diglot/article.h"
#include "diglot/bilingual.h"
#include "diglot/langid.h"
#include "diglot/sbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct unit {
	int side;
	int ids[8];
	int nid;
	char *norm; /* text without any space */
};

struct gold {
	struct unit *u;
	size_t n, cap;
};

struct tally {
	char key[40];
	size_t docs, detected, tp, fp, fn, dtp, dfp, dfn;
};

#define MAXKEYS 128
static struct tally tallies[MAXKEYS];
static size_t ntally;
static int verbose; /* 1: -v, 2: -d */

static struct tally *tally_for(const char *key)
{
	for (size_t i = 0; i < ntally; i++)
		if (!strcmp(tallies[i].key, key))
			return &tallies[i];
	if (ntally == MAXKEYS)
		exit(2);
	snprintf(tallies[ntally].key, sizeof tallies[ntally].key, "%s", key);
	return &tallies[ntally++];
}

/* Spaces differ between the document and its paragraphs (joined lines,
 * CJK joined without a space): compare without any. */
static char *normalise(const char *s)
{
	char *o = xmalloc(strlen(s) + 1), *w = o;
	for (; *s; s++)
		if (*s != ' ' && *s != '\n' && *s != '\t')
			*w++ = *s;
	*w = '\0';
	return o;
}

static bool read_gold(const char *path, struct gold *g)
{
	size_t len;
	char *buf = files_read(path, SIZE_MAX - 1, &len);
	if (!buf)
		return false;
	memset(g, 0, sizeof *g);
	for (char *line = buf, *next; line && *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		if (line[0] != 'U' || line[1] != '\t')
			continue;
		char *f[4] = {line};
		for (int k = 1; k < 4 && f[k - 1]; k++) {
			f[k] = strchr(f[k - 1], '\t');
			if (f[k])
				*f[k]++ = '\0';
		}
		if (!f[3])
			continue;
		xgrow(&g->u, &g->cap, g->n + 1, sizeof *g->u);
		struct unit *u = &g->u[g->n++];
		memset(u, 0, sizeof *u);
		u->side = atoi(f[1]);
		for (char *p = f[2]; *p && u->nid < 8;) {
			u->ids[u->nid++] = (int)strtol(p, &p, 10);
			if (*p == ',')
				p++;
		}
		u->norm = normalise(f[3]);
	}
	free(buf);
	return true;
}

static bool gold_pair(const struct gold *g, size_t a, size_t b)
{
	if (g->u[a].side == g->u[b].side)
		return false;
	for (int x = 0; x < g->u[a].nid; x++)
		for (int y = 0; y < g->u[b].nid; y++)
			if (g->u[a].ids[x] == g->u[b].ids[y] && g->u[a].ids[x] >= 0)
				return true;
	return false;
}

/* Units held by one output paragraph, as flags in hit[].  Of units with
 * its very text (two titles that are the same line), the first that no
 * earlier paragraph took (taken[]). */
static void map_para(const struct gold *g, const char *text, bool *hit, bool *taken)
{
	char *p = normalise(text);
	size_t pl = strlen(p);
	memset(hit, 0, g->n * sizeof *hit);
	size_t equal = g->n;
	for (size_t i = 0; i < g->n; i++)
		if (!strcmp(g->u[i].norm, p)) {
			if (equal == g->n)
				equal = i;
			if (!taken[i]) {
				equal = i;
				break;
			}
		}
	if (equal < g->n) {
		hit[equal] = taken[equal] = true;
		free(p);
		return;
	}
	/* a run of consecutive units (merged, or a mixed paragraph left whole) */
	for (size_t i = 0; i < g->n; i++) {
		size_t off = 0, j = i;
		while (j < g->n && !strncmp(p + off, g->u[j].norm, strlen(g->u[j].norm)) &&
		       g->u[j].norm[0]) {
			off += strlen(g->u[j].norm);
			j++;
			if (off == pl) {
				for (size_t k = i; k < j; k++)
					hit[k] = true;
				free(p);
				return;
			}
		}
	}
	/* a piece of one unit, or units inside it (a label cut off) */
	for (size_t i = 0; i < g->n; i++)
		if ((pl >= 6 && strstr(g->u[i].norm, p)) || (strlen(g->u[i].norm) >= 12 && strstr(p, g->u[i].norm)))
			hit[i] = true;
	free(p);
}

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static double analysis_ms;

static void analyse(struct article *a, const char *text, size_t len)
{
	double t0 = now_ms();
	memset(a, 0, sizeof *a);
	article_parse(a, text, len);
	langid_article(a);
	if (bilingual_split(a))
		align_article(a);
	analysis_ms += now_ms() - t0;
}

static void add(const char *key, bool det, size_t tp, size_t fp, size_t fn)
{
	struct tally *t = tally_for(key);
	t->docs++;
	t->detected += det;
	t->tp += tp, t->fp += fp, t->fn += fn;
	if (det)
		t->dtp += tp, t->dfp += fp, t->dfn += fn;
}

/* The first bytes of a text on one line, cut at a character boundary. */
static void print_start(const char *t, size_t max)
{
	size_t n = 0;
	for (; t[n] && n < max; n++)
		;
	while (n > 0 && t[n] && ((unsigned char)t[n] & 0xC0) == 0x80)
		n--;
	for (size_t i = 0; i < n; i++)
		putchar(t[i] == '\n' ? '|' : t[i]);
}

/* Gold units a paragraph maps to, as "u3,u4" (message ids in brackets). */
static void print_units(const struct gold *g, const bool *hit)
{
	int any = 0;
	for (size_t u = 0; u < g->n; u++)
		if (hit[u]) {
			printf("%su%zu[%d]", any++ ? "," : "", u, g->u[u].ids[0]);
		}
	if (!any)
		printf("-");
}

/* -d: the paragraphs as analysed, then the rows; a row is "ok" when all
 * its pairs are gold pairs, "BAD" when none is, "part" between. */
static void dump(const struct article *a, const struct gold *g, bool **hits)
{
	static const char kinds[] = "BTM";
	for (size_t i = 0; i < a->npara; i++) {
		const struct para *p = &a->paras[i];
		printf("  p%-3zu %c %c %-3s ", i, p->side < 0 ? '-' : p->side ? 'R' : 'L',
		       kinds[p->kind % 3], p->lang);
		print_units(g, hits[i]);
		printf("  ");
		print_start(p->text, 60);
		putchar('\n');
	}
	for (size_t r = 0; r < a->nrow; r++) {
		const struct row *row = &a->rows[r];
		size_t good = 0, all = 0;
		for (uint32_t x = 0; x < row->nleft; x++)
			for (uint32_t y = 0; y < row->nright; y++)
				for (size_t u = 0; u < g->n; u++)
					for (size_t v = 0; v < g->n; v++)
						if (hits[row_nth(a, row->left, x)][u] && hits[row_nth(a, row->right, y)][v] && u != v) {
							all++;
							good += gold_pair(g, u, v);
						}
		printf("  row %zu: L", r);
		for (uint32_t x = 0; x < row->nleft; x++)
			printf(" p%zu", row_nth(a, row->left, x));
		printf(" | R");
		for (uint32_t y = 0; y < row->nright; y++)
			printf(" p%zu", row_nth(a, row->right, y));
		printf("  %s\n", !all ? "" : good == all ? "ok" : good ? "part" : "BAD");
	}
}

static void evaluate(const char *path)
{
	size_t len, plen = strlen(path);
	char *text = files_read(path, SIZE_MAX - 1, &len);
	char *gpath = xmalloc(plen + 2);
	memcpy(gpath, path, plen - 4);
	strcpy(gpath + plen - 4, ".gold");
	struct gold g;
	if (!text || !read_gold(gpath, &g)) {
		perror(path);
		exit(1);
	}
	struct article a;
	analyse(&a, text, len);
	bool det = a.lang2[0] != '\0';
	bool *pred = xcalloc(g.n * g.n + 1, 1);
	bool **hits = xcalloc(a.npara + 1, sizeof *hits);
	bool *taken = xcalloc(g.n + 1, 1);
	for (size_t i = 0; i <= a.npara; i++) { /* hits[npara]: no paragraph (row_nth) */
		hits[i] = xcalloc(g.n + 1, 1);
		if (i < a.npara)
			map_para(&g, a.paras[i].text, hits[i], taken);
	}
	free(taken);
	for (size_t r = 0; det && r < a.nrow; r++) {
		const struct row *row = &a.rows[r];
		for (uint32_t x = 0; x < row->nleft; x++)
			for (uint32_t y = 0; y < row->nright; y++)
				for (size_t u = 0; u < g.n; u++)
					for (size_t v = 0; v < g.n; v++)
						if (hits[row_nth(&a, row->left, x)][u] && hits[row_nth(&a, row->right, y)][v] && u != v)
							pred[MIN(u, v) * g.n + MAX(u, v)] = true;
	}
	size_t tp = 0, fp = 0, fn = 0;
	for (size_t u = 0; u < g.n; u++)
		for (size_t v = u + 1; v < g.n; v++) {
			bool gp = gold_pair(&g, u, v), pp = pred[u * g.n + v];
			tp += gp && pp, fp += !gp && pp, fn += gp && !pp;
		}
	char layout[16] = "?", dmg[16] = "?", pair[16] = "?", key[40];
	const char *base = strrchr(path, '/');
	sscanf(base ? base + 1 : path, "%15[^-]-%15[^-]-%15[^-]", layout, dmg, pair);
	bool mono = !strcmp(layout, "quotes") || !strcmp(layout, "brands");
	if (verbose && (mono ? det : (fp || fn))) {
		printf("%s: %s%s tp %zu fp %zu fn %zu\n", path, a.lang, a.lang2, tp, fp, fn);
		if (verbose > 1)
			dump(&a, &g, hits);
	}
	snprintf(key, sizeof key, "layout %s", layout);
	add(key, det, tp, fp, fn);
	if (!mono) {
		add("all bilingual", det, tp, fp, fn);
		snprintf(key, sizeof key, "damage %s", dmg);
		add(key, det, tp, fp, fn);
		snprintf(key, sizeof key, "pair %s", pair);
		add(key, det, tp, fp, fn);
	}
	for (size_t i = 0; i <= a.npara; i++)
		free(hits[i]);
	free(hits);
	free(pred);
	for (size_t i = 0; i < g.n; i++)
		free(g.u[i].norm);
	free(g.u);
	article_free(&a);
	free(text);
	free(gpath);
}

static int tally_cmp(const void *a, const void *b)
{
	return strcmp(((const struct tally *)a)->key, ((const struct tally *)b)->key);
}

static double f1(size_t tp, size_t fp, size_t fn, double *p, double *r)
{
	*p = tp + fp ? (double)tp / (double)(tp + fp) : 0;
	*r = tp + fn ? (double)tp / (double)(tp + fn) : 0;
	return *p + *r > 0 ? 2 * *p * *r / (*p + *r) : 0;
}

int main(int argc, char **argv)
{
	int first = 1;
	if (argc > 1 && !strcmp(argv[1], "-v"))
		verbose = 1, first = 2;
	else if (argc > 1 && !strcmp(argv[1], "-d"))
		verbose = 2, first = 2;
	if (argc <= first) {
		fprintf(stderr, "usage: bidoc-bench [-v|-d] FILE.txt...\n");
		return 2;
	}
	for (int i = first; i < argc; i++)
		evaluate(argv[i]);
	qsort(tallies, ntally, sizeof *tallies, tally_cmp);
	printf("| %-16s | %5s | %9s | %5s | %5s | %5s | %8s |\n", "subset", "docs", "detected", "P",
	       "R", "F1", "F1 det.");
	printf("|%s|%s|%s|%s|%s|%s|%s|\n", "------------------", "-------", "-----------",
	       "-------", "-------", "-------", "----------");
	for (size_t k = 0; k < ntally; k++) {
		const struct tally *t = &tallies[k];
		double p, r, dp, dr;
		double f = f1(t->tp, t->fp, t->fn, &p, &r), df = f1(t->dtp, t->dfp, t->dfn, &dp, &dr);
		bool mono = strstr(t->key, "quotes") || strstr(t->key, "brands");
		char det[16];
		snprintf(det, sizeof det, "%zu%s", t->detected, mono ? " split" : "");
		if (mono)
			printf("| %-16s | %5zu | %9s | %5s | %5s | %5s | %8s |\n", t->key, t->docs, det, "",
			       "", "", "");
		else
			printf("| %-16s | %5zu | %9s | %5.3f | %5.3f | %5.3f | %8.3f |\n", t->key, t->docs,
			       det, p, r, f, df);
	}
	/* the headline figure unrounded, from its counts */
	struct tally *all = tally_for("all bilingual");
	double ap, ar;
	printf("pairs in detected documents: %zu right, %zu wrong, %zu missed: F1 %.4f\n", all->dtp,
	       all->dfp, all->dfn, f1(all->dtp, all->dfp, all->dfn, &ap, &ar));
	printf("analysis: %.1f ms for %d documents (%.3f ms each)\n", analysis_ms, argc - first,
	       analysis_ms / (argc - first));
	return 0;
}
