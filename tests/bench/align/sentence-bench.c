/* sentence-bench.c: precision of sentence_pairs on paragraph pairs made of
 * consecutive gettext messages (tests/bench/align/mksent.py OUT [SEED]).
 * A pair is right when both sentences lie in the same message; "swap"
 * documents exchange the last two right messages (every firing is wrong).
 * Build and run from a build dir (not part of make):
 *   python3 ../tests/bench/align/mksent.py /tmp/sent.txt
 *   gcc -O2 -I../include -I. ../tests/bench/align/sentence-bench.c libdiglot.a -lunistring -lm -o sb
 *   ./sb < /tmp/sent.txt */
#include "diglot/common.h"
#include "diglot/sentence.h"
#include "diglot/sbuf.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
struct doc { char lang[8], var[8]; struct sbuf l, r; char **ml, **mr; size_t n; };
static long st[2][4]; /* [plain/swap][docs, fired, correct, splitok] */
static long pairs[2][2];
/* Index of the message holding byte off of the joined text. */
static size_t msg(char **m, size_t n, size_t off) {
	size_t at = 0;
	for (size_t k = 0; k < n; k++) { at += strlen(m[k]); if (off < at) return k; at++; }
	return n;
}
static void finish(struct doc *d) {
	if (!d->n) return;
	int v = strcmp(d->var, "swap") == 0;
	struct sent_pair *p; size_t n;
	st[v][0]++;
	if (sentence_pairs(d->l.s, d->l.len, d->r.s, d->r.len, 0, &p, &n)) {
		st[v][1]++;
		bool ok = true;
		for (size_t k = 0; k < n; k++) {
			bool pk = msg(d->ml, d->n, p[k].left.off) == msg(d->mr, d->n, p[k].right.off) &&
			          msg(d->ml, d->n, p[k].left.off + p[k].left.len - 1) == msg(d->mr, d->n, p[k].right.off + p[k].right.len - 1);
			pairs[v][0]++; pairs[v][1] += pk; ok &= pk;
		}
		st[v][2] += ok;
		if (!ok && getenv("SHOW")) { for (size_t k = 0; k < n; k++) printf("  %.*s\n  = %.*s\n", (int)p[k].left.len, d->l.s + p[k].left.off, (int)p[k].right.len, d->r.s + p[k].right.off); puts("--"); }
		free(p);
	}
	struct span *a, *b;
	size_t na = sentence_split(d->l.s, d->l.len, &a), nb = sentence_split(d->r.s, d->r.len, &b);
	st[v][3] += na == d->n && nb == d->n;
	free(a); free(b);
	for (size_t k = 0; k < d->n; k++) { free(d->ml[k]); free(d->mr[k]); }
	free(d->ml); free(d->mr); sbuf_free(&d->l); sbuf_free(&d->r);
	memset(d, 0, sizeof *d);
}
int main(void) {
	char *line = NULL; size_t cap = 0; ssize_t got; struct doc d = {0};
	while ((got = getline(&line, &cap, stdin)) > 0) {
		line[strcspn(line, "\n")] = 0;
		char *f1 = strchr(line, '\t'); if (!f1) continue; *f1++ = 0;
		char *f2 = strchr(f1, '\t'); if (!f2) continue; *f2++ = 0;
		if (line[0] == 'D') { finish(&d); snprintf(d.lang, 8, "%s", f1); snprintf(d.var, 8, "%s", f2); continue; }
		d.ml = realloc(d.ml, (d.n + 1) * sizeof *d.ml); d.mr = realloc(d.mr, (d.n + 1) * sizeof *d.mr);
		d.ml[d.n] = strdup(f1); d.mr[d.n] = strdup(f2);
		if (d.n) { sbuf_addc(&d.l, ' '); sbuf_addc(&d.r, ' '); }
		sbuf_addstr(&d.l, f1); sbuf_addstr(&d.r, f2); d.n++;
	}
	finish(&d);
	printf("plain: %ld paragraph pairs, both sides split into the messages %ld, fired %ld, all pairs right %ld (paragraph precision %.3f)\n", st[0][0], st[0][3], st[0][1], st[0][2], st[0][1] ? (double)st[0][2] / st[0][1] : 0);
	printf("swap:  %ld paragraph pairs (last two right sentences exchanged), fired %ld (wrong pairs shown)\n", st[1][0], st[1][1]);
	printf("sentence pairs: plain %ld, within one message on both sides %ld (precision %.3f); swap %ld, correct %ld\n", pairs[0][0], pairs[0][1], (double)pairs[0][1] / pairs[0][0], pairs[1][0], pairs[1][1]);
	free(line); return 0;
}
