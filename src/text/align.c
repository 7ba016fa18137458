/*
 * align.c: paragraph alignment of the two halves of a bilingual article.
 *
 * Gale & Church (1993) dynamic programming: each bead (1-1, 1-0, 0-1, 2-1,
 * 1-2, 2-2) costs -log P(bead) - log P(length difference), with the length
 * ratio taken from the document's own 1-1 beads (an omission skews the
 * whole-document ratio).  Lengths count non-space characters, Han/kana/
 * Hangul weighted 2.5 so that the ratio of a zh/en pair is near 1 and one
 * variance serves every pair of languages.
 *
 * Length alone cannot tell an omitted paragraph from a merged one, so a
 * second score rewards anchors shared by both sides of a bead and charges
 * anchors left without their counterpart: numbers, URLs, and Latin words
 * that are distinctive (inside non-Latin text, or capitalised mid-sentence)
 * and occur on both sides of the document.
 * align_article.c applies it to an article's titles, body units and notes.
 */
#include "diglot/common.h"
#include "diglot/align.h"
#include "align_int.h"
#include "diglot/script.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>
#include <unictype.h>

/*
 * Bead priors (Gale & Church's, with more room for omissions, which
 * paragraph-level translations have more often than sentences) and the
 * weights of the scores.  Tuned on tests/bench/align; each can be
 * overridden with -D there to explore.
 */
#ifndef P_11
#define P_11 0.81
#endif
#ifndef P_10
#define P_10 0.05 /* each of 1-0 and 0-1 */
#endif
#ifndef P_21
#define P_21 0.045 /* each of 2-1 and 1-2 */
#endif
#ifndef P_22
#define P_22 0.001 /* a 2-2 bead is nearly always two 1-1 beads misread (bench: 491 -> 496/540 exact) */
#endif
#ifndef UNIT_CROSS
#define UNIT_CROSS 3.5 /* nats for each unit boundary a row crosses (align_opts.unit) */
#endif
#ifndef VAR_PER_CHAR
#define VAR_PER_CHAR 6.8 /* s^2 of Gale & Church, per weighted character */
#endif
#ifndef ANCHOR_MATCH
#define ANCHOR_MATCH 2.0 /* nats of bonus per shared anchor (weight 1) */
#endif
#ifndef ANCHOR_MISS
#define ANCHOR_MISS 1.0 /* nats of cost per anchor left without its counterpart */
#endif
#ifndef ONE_SIDED
#define ONE_SIDED 0.5 /* weight of a strong anchor missing from the other side */
#endif
#ifndef WEAK_WORD
#define WEAK_WORD 0.5 /* weight of a lower-case word on both sides (a technical term?) */
#endif
#ifndef COGNATE
#define COGNATE 0.3 /* weight of a word start (COGNATE_LETTERS) on both sides */
#endif
#define COGNATE_LETTERS 4
#define RATIO_ROUNDS 2 /* re-estimations of the length ratio: at most 3 DP runs */
#define DP_MAX_CELLS ((size_t)1 << 20) /* cells of the band: ~0.35 s; beyond, pair by position */
#define BAND_MARGIN 32 /* band half-width beyond the difference in paragraph counts */
/* Tables larger than this (about 500 x 500) are aligned once: the ratio
 * rounds refine, and would triple the cost where it is largest. */
#define REESTIMATE_MAX_CELLS ((size_t)256 << 10)

/* ---- anchors ------------------------------------------------------------ */

struct tok {
	uint32_t h;
	bool distinct; /* a name or number, not a common word */
	bool strong;   /* a number, URL or Latin word inside non-Latin text */
	bool word4;    /* a word of four letters or more */
	bool prefix;   /* the first four letters of a longer word: a cognate? */
};

struct seg_info {
	double len;         /* weighted characters */
	struct tok *toks;   /* sorted by h, unique */
	size_t ntok;
	uint32_t *ids;      /* valid anchors: indexes into the document table */
	size_t nid;
};

static uint32_t hash_bytes(uint32_t h, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u; /* FNV-1a */
	return h;
}

static bool is_latin_letter(ucs4_t c)
{
	if (c < 0x80)
		return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
	return script_of(c) == SCRIPT_LATIN && uc_is_alpha(c);
}

static ucs4_t ascii_digit(ucs4_t c)
{
	if (c >= 0xFF10 && c <= 0xFF19) /* fullwidth digits */
		return c - 0xFF10 + '0';
	return c;
}

static bool is_digit(ucs4_t c)
{
	c = ascii_digit(c);
	return c >= '0' && c <= '9';
}

double align_seg_length(const char *s, size_t n, bool *nonlatin)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + n;
	double len = 0;
	size_t latin = 0, other = 0;
	while (p < end) {
		ucs4_t c;
		int k = u8_mbtouc(&c, p, (size_t)(end - p));
		p += k;
		if (uc_is_space(c))
			continue;
		if (script_is_cjk(c)) {
			len += 2.5;
			other++;
		} else {
			len += 1;
			if (is_latin_letter(c))
				latin++;
			else if (uc_is_alpha(c))
				other++;
		}
	}
	*nonlatin = other > latin;
	return len;
}

static void tok_push(struct tok **v, size_t *n, size_t *cap, uint32_t h, bool distinct, bool strong,
                     bool word4)
{
	xgrow(v, cap, *n + 1, sizeof **v);
	(*v)[(*n)++] = (struct tok){h, distinct, strong, word4, false};
}

static int tok_cmp(const void *a, const void *b)
{
	const struct tok *x = a, *y = b;
	return (x->h > y->h) - (x->h < y->h);
}

/* Scan a number such as 2024, 2.1, 1,000 or ２０２４ starting at p. */
static const uint8_t *scan_number(const uint8_t *p, const uint8_t *end, uint32_t *h)
{
	*h = hash_bytes(2166136261u, "#", 1);
	while (p < end) {
		ucs4_t c;
		int k = u8_mbtouc(&c, p, (size_t)(end - p));
		if (is_digit(c)) {
			char d = (char)ascii_digit(c);
			*h = hash_bytes(*h, &d, 1);
		} else if ((c == '.' || c == ',') && p + k < end && is_digit(ascii_digit(p[k]))) {
			if (c == '.') /* 1,000 and 1000 are the same anchor; 2.1 is not 21 */
				*h = hash_bytes(*h, ".", 1);
		} else
			break;
		p += k;
	}
	return p;
}

/* Scan a Latin word (letters, inner hyphens and apostrophes), case-folded
 * for ASCII; *caps tells whether it has an upper-case letter. */
static const uint8_t *scan_word(const uint8_t *p, const uint8_t *end, uint32_t *h,
                                uint32_t *h4, bool *caps, size_t *nletters)
{
	*h = *h4 = 2166136261u;
	*caps = false;
	*nletters = 0;
	while (p < end) {
		ucs4_t c;
		int k = u8_mbtouc(&c, p, (size_t)(end - p));
		if (is_latin_letter(c) || is_digit(c)) {
			if (uc_is_upper(c))
				*caps = true;
			if (c < 0x80) {
				char b = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
				*h = hash_bytes(*h, &b, 1);
			} else
				*h = hash_bytes(*h, (const char *)p, (size_t)k);
			if (++*nletters == COGNATE_LETTERS)
				*h4 = hash_bytes(*h, "~", 1);
		} else if ((c == '-' || c == '\'') && p + k < end && is_latin_letter(p[k])) {
			*h = hash_bytes(*h, "-", 1);
		} else
			break;
		p += k;
	}
	return p;
}

/* A URL runs to the next space or non-ASCII character. */
static const uint8_t *scan_url(const uint8_t *p, const uint8_t *end, uint32_t *h)
{
	const uint8_t *s = p;
	while (p < end && *p > ' ' && *p < 0x80)
		p++;
	while (p > s && strchr(".,;:)!?\"'", p[-1]))
		p--;
	*h = hash_bytes(2166136261u, "@", 1);
	*h = hash_bytes(*h, (const char *)s, (size_t)(p - s));
	return p > s ? p : s + 1;
}

static bool starts_url(const uint8_t *p, const uint8_t *end)
{
	size_t n = (size_t)(end - p);
	return (n > 8 && !memcmp(p, "https://", 8)) || (n > 7 && !memcmp(p, "http://", 7)) ||
	       (n > 4 && !memcmp(p, "www.", 4));
}

/* Collect the anchor candidates of one segment into si->toks. */
static void seg_tokens(struct seg_info *si, const char *s, size_t n, bool nonlatin)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + n;
	size_t cap = 0;
	bool sentence_start = true;
	while (p < end) {
		ucs4_t c;
		int k = u8_mbtouc(&c, p, (size_t)(end - p));
		uint32_t h;
		if (starts_url(p, end)) {
			p = scan_url(p, end, &h);
			tok_push(&si->toks, &si->ntok, &cap, h, true, true, false);
			sentence_start = false;
		} else if (is_digit(c)) {
			p = scan_number(p, end, &h);
			tok_push(&si->toks, &si->ntok, &cap, h, true, true, false);
			sentence_start = false;
		} else if (is_latin_letter(c)) {
			bool caps;
			size_t nl;
			uint32_t h4;
			p = scan_word(p, end, &h, &h4, &caps, &nl);
			/* Inside CJK text any Latin word is a name; in Latin text a
			 * capital that does not start a sentence marks one. */
			bool distinct = nonlatin || (caps && !sentence_start);
			if (nl >= 2)
				tok_push(&si->toks, &si->ntok, &cap, h, distinct, nonlatin, nl >= 4);
			/* "detalle" and "detail": translations between Latin-script
			 * languages share the start of many words (Simard et al.) */
			if (!nonlatin && !distinct && nl > COGNATE_LETTERS) {
				tok_push(&si->toks, &si->ntok, &cap, h4, false, false, false);
				si->toks[si->ntok - 1].prefix = true;
			}
			sentence_start = false;
		} else {
			if (c == '.' || c == '!' || c == '?' || c == ':' || c == 0x3002 ||
			    c == 0xFF01 || c == 0xFF1F || c == 0xFF1A || c == '*' || c == '"')
				sentence_start = true;
			p += k;
		}
	}
	if (si->ntok == 0)
		return;
	qsort(si->toks, si->ntok, sizeof *si->toks, tok_cmp);
	size_t w = 0;
	for (size_t i = 0; i < si->ntok; i++) {
		if (w > 0 && si->toks[w - 1].h == si->toks[i].h) {
			si->toks[w - 1].distinct |= si->toks[i].distinct;
			si->toks[w - 1].strong |= si->toks[i].strong;
			si->toks[w - 1].word4 |= si->toks[i].word4;
			si->toks[w - 1].prefix |= si->toks[i].prefix;
		} else
			si->toks[w++] = si->toks[i];
	}
	si->ntok = w;
}

/* One anchor of the document: in how many segments of each side. */
struct anchor {
	uint32_t h;
	uint32_t df[2];
	bool distinct, strong, word4, prefix;
	double weight; /* 0 when not a usable anchor */
	bool one_sided; /* strong but found on one side only: argues for an omission */
};

struct doc_anchors {
	struct anchor *v;
	size_t n;
};

static int anchor_cmp(const void *a, const void *b)
{
	const struct anchor *x = a, *y = b;
	return (x->h > y->h) - (x->h < y->h);
}

static struct anchor *anchor_find(struct doc_anchors *d, uint32_t h)
{
	struct anchor key = {.h = h};
	return bsearch(&key, d->v, d->n, sizeof *d->v, anchor_cmp);
}

/* Build the table of anchors over both sides, then give each segment the
 * ids of the anchors that can link it to the other side. */
static void build_anchors(struct doc_anchors *d, struct seg_info *side[2], const size_t n[2])
{
	size_t cap = 0;
	d->v = NULL;
	d->n = 0;
	for (int s = 0; s < 2; s++)
		for (size_t i = 0; i < n[s]; i++)
			for (size_t t = 0; t < side[s][i].ntok; t++) {
				xgrow(&d->v, &cap, d->n + 1, sizeof *d->v);
				const struct tok *tk = &side[s][i].toks[t];
				d->v[d->n++] = (struct anchor){tk->h, {s == 0, s == 1}, tk->distinct,
				                               tk->strong, tk->word4, tk->prefix, 0, false};
			}
	if (d->n == 0)
		return;
	qsort(d->v, d->n, sizeof *d->v, anchor_cmp);
	size_t w = 0;
	for (size_t i = 0; i < d->n; i++) {
		if (w > 0 && d->v[w - 1].h == d->v[i].h) {
			d->v[w - 1].df[0] += d->v[i].df[0];
			d->v[w - 1].df[1] += d->v[i].df[1];
			d->v[w - 1].distinct |= d->v[i].distinct;
			d->v[w - 1].strong |= d->v[i].strong;
			d->v[w - 1].word4 |= d->v[i].word4;
			d->v[w - 1].prefix |= d->v[i].prefix;
		} else
			d->v[w++] = d->v[i];
	}
	d->n = w;
	for (size_t i = 0; i < d->n; i++) {
		struct anchor *a = &d->v[i];
		/* A word or number in every other paragraph links nothing. */
		if (a->distinct && a->df[0] && a->df[1])
			a->weight = 1.0 / (double)MAX(a->df[0], a->df[1]);
		else if (a->word4 && a->df[0] && a->df[1])
			a->weight = WEAK_WORD / (double)MAX(a->df[0], a->df[1]);
		else if (a->prefix && a->df[0] && a->df[1])
			a->weight = COGNATE / (double)MAX(a->df[0], a->df[1]);
		else if (a->strong) {
			a->one_sided = true;
			a->weight = ONE_SIDED / (double)MAX(a->df[0], a->df[1]);
		}
	}
	for (int s = 0; s < 2; s++)
		for (size_t i = 0; i < n[s]; i++) {
			struct seg_info *si = &side[s][i];
			si->ids = xreallocarray(NULL, si->ntok + 1, sizeof *si->ids);
			for (size_t t = 0; t < si->ntok; t++) {
				struct anchor *a = anchor_find(d, si->toks[t].h);
				if (a && a->weight > 0)
					si->ids[si->nid++] = (uint32_t)(a - d->v);
			}
		}
}

/* ---- the dynamic programme ---------------------------------------------- */

struct bead {
	int dl, dr;
	double prior;
};

static const struct bead beads[] = {
	{1, 1, P_11}, {1, 0, P_10}, {0, 1, P_10}, {2, 1, P_21}, {1, 2, P_21}, {2, 2, P_22},
};

struct aligner {
	struct seg_info *seg[2];
	size_t n[2];
	double ratio; /* right length per left length */
	bool anchors;
	struct doc_anchors doc;
	uint32_t *mark[2]; /* per anchor: stamp of the last group that holds it */
	const uint32_t *unit[2]; /* per segment, or NULL */
	uint32_t stamp;
};

/* -log of the probability that lengths l and r translate each other. */
static double length_cost(const struct aligner *al, double l, double r)
{
	double rn = r / al->ratio; /* right length in left units */
	double mean = (l + rn) / 2;
	double delta = (rn - l) / sqrt(VAR_PER_CHAR * MAX(mean, 1.0));
	double p = erfc(fabs(delta) / sqrt(2.0)); /* two-tailed */
	return -log(MAX(p, 1e-12));
}

static void mark_group(struct aligner *al, int s, size_t from, int count)
{
	for (int k = 0; k < count; k++) {
		const struct seg_info *si = &al->seg[s][from + (size_t)k];
		for (size_t t = 0; t < si->nid; t++)
			al->mark[s][si->ids[t]] = al->stamp;
	}
}

/* Weight of anchors shared by the two groups minus (scaled) those left
 * without their counterpart, as a cost in nats. */
static double anchor_cost(struct aligner *al, size_t i, int dl, size_t j, int dr)
{
	al->stamp++;
	mark_group(al, 0, i, dl);
	mark_group(al, 1, j, dr);
	double match = 0, miss = 0;
	for (int s = 0; s < 2; s++) {
		size_t from = s ? j : i;
		int count = s ? dr : dl;
		for (int k = 0; k < count; k++) {
			const struct seg_info *si = &al->seg[s][from + (size_t)k];
			for (size_t t = 0; t < si->nid; t++) {
				const struct anchor *a = &al->doc.v[si->ids[t]];
				double w = a->weight;
				if (a->one_sided) {
					if (s ? dl : dr) /* paired with text that lacks it */
						miss += w;
				} else if (al->mark[!s][si->ids[t]] == al->stamp)
					match += w / 2; /* counted once from each side */
				else
					miss += w;
			}
		}
	}
	return ANCHOR_MISS * miss - ANCHOR_MATCH * match;
}

/* How many unit boundaries a bead's segments span (0: all of one unit). */
static uint32_t units_crossed(const struct aligner *al, size_t i, int dl, size_t j, int dr)
{
	uint32_t lo = UINT32_MAX, hi = 0;
	for (int k = 0; k < dl; k++)
		lo = MIN(lo, al->unit[0][i + (size_t)k]), hi = MAX(hi, al->unit[0][i + (size_t)k]);
	for (int k = 0; k < dr; k++)
		lo = MIN(lo, al->unit[1][j + (size_t)k]), hi = MAX(hi, al->unit[1][j + (size_t)k]);
	return hi > lo ? hi - lo : 0;
}

static double bead_cost(struct aligner *al, size_t i, size_t j, const struct bead *b)
{
	double l = 0, r = 0;
	for (int k = 0; k < b->dl; k++)
		l += al->seg[0][i + (size_t)k].len;
	for (int k = 0; k < b->dr; k++)
		r += al->seg[1][j + (size_t)k].len;
	double cost = -log(b->prior);
	/* An omission is not a length mismatch: charge its prior only, so a
	 * long omitted paragraph is not forced into a neighbour's bead. */
	if (b->dl && b->dr)
		cost += length_cost(al, l, r);
	if (al->anchors)
		cost += anchor_cost(al, i, b->dl, j, b->dr);
	if (al->unit[0])
		cost += UNIT_CROSS * units_crossed(al, i, b->dl, j, b->dr);
	return cost;
}

size_t align_push_row(struct row **rows, size_t *n, size_t *cap, struct row r)
{
	xgrow(rows, cap, *n + 1, sizeof **rows);
	(*rows)[(*n)++] = r;
	return *n;
}

/* Too large for the full table: pair by position, the rest unpaired. */
static size_t align_by_position(size_t nl, size_t nr, struct row **rows)
{
	size_t n = 0, cap = 0;
	size_t both = MIN(nl, nr);
	*rows = NULL;
	for (size_t k = 0; k < both; k++)
		align_push_row(rows, &n, &cap, (struct row){(uint32_t)k, 1, (uint32_t)k, 1});
	for (size_t k = both; k < nl; k++)
		align_push_row(rows, &n, &cap, (struct row){(uint32_t)k, 1, 0, 0});
	for (size_t k = both; k < nr; k++)
		align_push_row(rows, &n, &cap, (struct row){0, 0, (uint32_t)k, 1});
	return n;
}

/*
 * The DP runs in a band around the diagonal j = i * nr / nl: a path that
 * strays further than the band from it would need more omissions, merges
 * or one-sided notes than any real pair of halves holds.  The band is as
 * wide as the difference in paragraph counts plus a margin, so short
 * articles see the whole table and long ones cost O(n), not O(n^2)
 * (fuzzing found a 10 KB input that took 14 s in a sanitizer build).
 */
struct band {
	size_t nl, nr, half, w; /* w = 2 * half + 1 cells a row */
};

static struct band band_for(size_t nl, size_t nr)
{
	size_t diff = nl > nr ? nl - nr : nr - nl;
	size_t half = BAND_MARGIN + diff + MAX(nl, nr) / 32;
	struct band b = {nl, nr, half, 0};
	b.w = MIN(2 * half + 1, nr + 1);
	return b;
}

/* First column of row i's band. */
static size_t band_lo(const struct band *b, size_t i)
{
	size_t c = b->nl ? (size_t)((double)i * (double)b->nr / (double)b->nl) : 0;
	size_t lo = c > b->half ? c - b->half : 0;
	return lo + b->w > b->nr + 1 ? b->nr + 1 - b->w : lo;
}

/* Index of cell (i, j) in the banded table, SIZE_MAX outside the band. */
static size_t band_cell(const struct band *b, size_t i, size_t j)
{
	size_t lo = band_lo(b, i);
	return j < lo || j >= lo + b->w ? SIZE_MAX : i * b->w + (j - lo);
}

static size_t run_dp(struct aligner *al, struct row **rows, double *total)
{
	size_t nl = al->n[0], nr = al->n[1];
	struct band bd = band_for(nl, nr);
	double *cost = xreallocarray(NULL, (nl + 1) * bd.w, sizeof *cost);
	unsigned char *back = xcalloc((nl + 1) * bd.w, 1);
	for (size_t i = 0; i <= nl; i++) {
		size_t lo = band_lo(&bd, i);
		for (size_t j = lo; j < lo + bd.w; j++) {
			double best = i || j ? HUGE_VAL : 0;
			size_t here = i * bd.w + (j - lo);
			for (size_t b = 0; b < ARRAY_SIZE(beads); b++) {
				size_t dl = (size_t)beads[b].dl, dr = (size_t)beads[b].dr;
				if (dl > i || dr > j || (dl == 0 && dr == 0))
					continue;
				size_t from = band_cell(&bd, i - dl, j - dr);
				if (from == SIZE_MAX || cost[from] == HUGE_VAL)
					continue;
				double c = cost[from] + bead_cost(al, i - dl, j - dr, &beads[b]);
				if (c < best) {
					best = c;
					back[here] = (unsigned char)b;
				}
			}
			cost[here] = best;
		}
	}
	*total = cost[band_cell(&bd, nl, nr)];
	/* Walk back from the end, then reverse into reading order. */
	size_t n = 0, cap = 0;
	*rows = NULL;
	for (size_t i = nl, j = nr; i || j;) {
		const struct bead *b = &beads[back[band_cell(&bd, i, j)]];
		i -= (size_t)b->dl;
		j -= (size_t)b->dr;
		align_push_row(rows, &n, &cap, (struct row){(uint32_t)i, (uint32_t)b->dl,
		                                      (uint32_t)j, (uint32_t)b->dr});
	}
	for (size_t k = 0; k < n / 2; k++) {
		struct row t = (*rows)[k];
		(*rows)[k] = (*rows)[n - 1 - k];
		(*rows)[n - 1 - k] = t;
	}
	/* Rows with an empty side carry index 0 there, as documented. */
	for (size_t k = 0; k < n; k++) {
		if (!(*rows)[k].nleft)
			(*rows)[k].left = 0;
		if (!(*rows)[k].nright)
			(*rows)[k].right = 0;
	}
	free(cost);
	free(back);
	return n;
}

/* Right length per left length over the 1-1 rows, or over all rows with
 * both sides when there is no 1-1 row; 0 when nothing is paired. */
static double paired_ratio(const struct aligner *al, const struct row *rows, size_t n)
{
	double one[2] = {0, 0}, any[2] = {0, 0};
	for (size_t k = 0; k < n; k++) {
		const struct row *r = &rows[k];
		if (!r->nleft || !r->nright)
			continue;
		double l = 0, rt = 0;
		for (uint32_t e = 0; e < r->nleft; e++)
			l += al->seg[0][r->left + e].len;
		for (uint32_t e = 0; e < r->nright; e++)
			rt += al->seg[1][r->right + e].len;
		any[0] += l;
		any[1] += rt;
		if (r->nleft == 1 && r->nright == 1) {
			one[0] += l;
			one[1] += rt;
		}
	}
	const double *use = one[0] > 0 && one[1] > 0 ? one : any;
	return use[0] > 0 && use[1] > 0 ? use[1] / use[0] : 0;
}

size_t align_segments_opts(const struct align_seg *left, size_t nl,
                           const struct align_seg *right, size_t nr,
                           const struct align_opts *opts, struct row **rows)
{
	*rows = NULL;
	if (nl == 0 && nr == 0)
		return 0;
	if ((nl + 1) * band_for(nl, nr).w > DP_MAX_CELLS)
	{
		if (opts && opts->cost)
			*opts->cost = 0;
		return align_by_position(nl, nr, rows);
	}
	struct aligner al = {.n = {nl, nr}, .anchors = opts ? opts->anchors : true,
	                     .unit = {opts ? opts->unit[0] : NULL, opts ? opts->unit[1] : NULL}};
	const struct align_seg *in[2] = {left, right};
	double total[2] = {0, 0};
	for (int s = 0; s < 2; s++) {
		al.seg[s] = xcalloc(al.n[s] + 1, sizeof **al.seg);
		for (size_t i = 0; i < al.n[s]; i++) {
			bool nonlatin;
			al.seg[s][i].len = align_seg_length(in[s][i].text, in[s][i].len, &nonlatin);
			total[s] += al.seg[s][i].len;
			if (al.anchors)
				seg_tokens(&al.seg[s][i], in[s][i].text, in[s][i].len, nonlatin);
		}
	}
	al.ratio = total[0] > 0 && total[1] > 0 ? total[1] / total[0] : 1.0;
	bool fixed = opts && opts->ratio > 0;
	if (fixed)
		al.ratio = opts->ratio;
	if (al.anchors) {
		build_anchors(&al.doc, al.seg, al.n);
		for (int s = 0; s < 2; s++)
			al.mark[s] = xcalloc(al.doc.n + 1, sizeof *al.mark[s]);
	}
	double total_cost;
	size_t n = run_dp(&al, rows, &total_cost);
	/* An omitted paragraph skews the whole-document ratio, and a skewed
	 * ratio can hide the omission in a 2-1 bead, which then confirms the
	 * ratio.  So estimate it again from the 1-1 beads, the pairs most
	 * likely to be plain translations, and align again until it settles
	 * (hard EM; a few rounds suffice, the bound stops any oscillation). */
	int rounds = fixed || (nl + 1) * band_for(nl, nr).w > REESTIMATE_MAX_CELLS ? 0 : RATIO_ROUNDS;
	for (int round = 0; round < rounds; round++) {
		double r = paired_ratio(&al, *rows, n);
		if (r <= 0 || fabs(r - al.ratio) <= 0.01 * al.ratio)
			break;
		al.ratio = r;
		free(*rows);
		n = run_dp(&al, rows, &total_cost);
	}
	if (opts && opts->cost)
		*opts->cost = total_cost;
	for (int s = 0; s < 2; s++) {
		for (size_t i = 0; i < al.n[s]; i++) {
			free(al.seg[s][i].toks);
			free(al.seg[s][i].ids);
		}
		free(al.seg[s]);
		free(al.mark[s]);
	}
	free(al.doc.v);
	return n;
}

size_t align_segments(const struct align_seg *left, size_t nl,
                      const struct align_seg *right, size_t nr, struct row **rows)
{
	return align_segments_opts(left, nl, right, nr, NULL, rows);
}
