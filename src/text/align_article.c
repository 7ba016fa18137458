/*
 * align_article.c: an article's rows (align_article, align.h): its title
 * lines paired with each other, its body aligned as two blocks or unit by
 * unit (interleaved layouts), its meta lines where both sides have some.
 * The aligner itself is align.c's.
 */
#include "diglot/common.h"
#include "diglot/align.h"
#include "align_int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- articles ----------------------------------------------------------- */

struct idx_list {
	uint32_t *v;
	size_t n, cap;
};

static void idx_push(struct idx_list *l, size_t i)
{
	xgrow(&l->v, &l->cap, l->n + 1, sizeof *l->v);
	l->v[l->n++] = (uint32_t)i;
}

struct row_out {
	struct article *a;
	struct row *rows;
	size_t n, cap;
	struct idx_list solo[2]; /* meta lines with no counterpart, by side */
	size_t next_solo[2];
};

static void emit_solo_before(struct row_out *o, int s, uint32_t limit)
{
	while (o->next_solo[s] < o->solo[s].n && o->solo[s].v[o->next_solo[s]] < limit) {
		uint32_t p = o->solo[s].v[o->next_solo[s]++];
		align_push_row(&o->rows, &o->n, &o->cap,
		         s ? (struct row){0, 0, p, 1} : (struct row){p, 1, 0, 0});
	}
}

static void emit(struct row_out *o, struct row r)
{
	if (r.nleft)
		emit_solo_before(o, 0, r.left);
	if (r.nright)
		emit_solo_before(o, 1, r.right);
	align_push_row(&o->rows, &o->n, &o->cap, r);
}

/* Are v[from..from+count) the paragraphs of their side one after the
 * other (row_nth), none of that side (a title, a meta line) between? */
static bool side_run(const struct article *a, const uint32_t *v, uint32_t from, uint32_t count)
{
	for (uint32_t k = 1; k < count; k++)
		if (row_nth(a, v[from], k) != v[from + k])
			return false;
	return true;
}

/* Align one group (titles, body, or one unit of it): rows in the group's
 * own indexes, and the path's cost when cost is not NULL.  ratio > 0
 * fixes the length ratio (a unit is too small to estimate its own). */
static size_t group_rows(const struct article *a, const struct idx_list *l, const struct idx_list *r,
                         double ratio, const uint32_t *const unit[2], double *cost, struct row **rows)
{
	struct align_seg *seg[2] = {xcalloc(l->n + 1, sizeof **seg), xcalloc(r->n + 1, sizeof **seg)};
	const struct idx_list *in[2] = {l, r};
	for (int s = 0; s < 2; s++)
		for (size_t i = 0; i < in[s]->n; i++) {
			const char *t = a->paras[in[s]->v[i]].text;
			seg[s][i] = (struct align_seg){t, strlen(t)};
		}
	struct align_opts opts = {.anchors = true, .ratio = ratio, .cost = cost,
	                          .unit = {unit ? unit[0] : NULL, unit ? unit[1] : NULL}};
	size_t n = align_segments_opts(seg[0], l->n, seg[1], r->n, &opts, rows);
	free(seg[0]);
	free(seg[1]);
	return n;
}

/* Emit a group's rows in paragraph indexes.  A bead whose paragraphs are
 * not adjacent in the article (interleaved layout) cannot be one row: it
 * is split, the k-th of each side together. */
static void emit_group(struct row_out *o, const struct idx_list *l, const struct idx_list *r,
                       const struct row *rows, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		struct row b = rows[k];
		bool lc = side_run(o->a, l->v, b.left, b.nleft), rc = side_run(o->a, r->v, b.right, b.nright);
		if (lc && rc) {
			emit(o, (struct row){b.nleft ? l->v[b.left] : 0, b.nleft,
			                     b.nright ? r->v[b.right] : 0, b.nright});
			continue;
		}
		for (uint32_t e = 0; e < 2; e++) {
			struct row x = {0, 0, 0, 0};
			if (lc ? e == 0 && b.nleft : e < b.nleft)
				x = (struct row){l->v[b.left + e], lc ? b.nleft : 1, 0, 0};
			if (rc ? e == 0 && b.nright : e < b.nright) {
				x.right = r->v[b.right + e];
				x.nright = rc ? b.nright : 1;
			}
			if (x.nleft || x.nright)
				emit(o, x);
		}
	}
}

static void align_group(struct row_out *o, const struct idx_list *l, const struct idx_list *r)
{
	struct row *rows;
	size_t n = group_rows(o->a, l, r, 0, NULL, NULL, &rows);
	emit_group(o, l, r, rows, n);
	free(rows);
}

static double para_length(const struct article *a, uint32_t i)
{
	bool nonlatin;
	return align_seg_length(a->paras[i].text, strlen(a->paras[i].text), &nonlatin);
}

/* Right length per left length over a whole side's paragraphs. */
static double side_ratio(const struct article *a, const struct idx_list body[2])
{
	double len[2] = {0, 0};
	for (int s = 0; s < 2; s++)
		for (size_t i = 0; i < body[s].n; i++)
			len[s] += para_length(a, body[s].v[i]);
	return len[0] > 0 && len[1] > 0 ? len[1] / len[0] : 0;
}

/* Paragraphs of side list l from *x on that come before the next of the
 * other side's list o (from y): one run of a side.  out may be NULL. */
static double take_run(const struct article *a, const struct idx_list *l, size_t *x,
                       const struct idx_list *o, size_t y, struct idx_list *out)
{
	double len = 0;
	while (*x < l->n && (y == o->n || l->v[*x] < o->v[y])) {
		len += para_length(a, l->v[*x]);
		if (out)
			idx_push(out, l->v[*x]);
		(*x)++;
	}
	return len;
}

/* A run of one side and the run of the other after it, aligned. */
struct unit {
	struct idx_list side[2];
	struct row *rows;
	size_t nrow;
};

/* The units of the body when a unit starts with side d.  *ratio becomes
 * the length ratio of the units of one paragraph beside one (the pairs
 * most likely plain translations, as the 1-1 beads of a whole alignment;
 * clutter on one side, share lines or a URL, would skew the total), when
 * there are any.  Returns the count; *out (caller frees with free_units). */
static size_t make_units(const struct article *a, const struct idx_list body[2], int d,
                         double *ratio, struct unit **out)
{
	struct unit *u = xcalloc(body[0].n + body[1].n + 1, sizeof *u);
	size_t at[2] = {0, 0}, nu = 0;
	double one[2] = {0, 0};
	while (at[0] < body[0].n || at[1] < body[1].n) {
		double len[2];
		len[d] = take_run(a, &body[d], &at[d], &body[!d], at[!d], &u[nu].side[d]);
		len[!d] = take_run(a, &body[!d], &at[!d], &body[d], at[d], &u[nu].side[!d]);
		if (u[nu].side[0].n == 1 && u[nu].side[1].n == 1)
			one[0] += len[0], one[1] += len[1];
		nu++;
	}
	if (one[0] > 0 && one[1] > 0)
		*ratio = one[1] / one[0];
	*out = u;
	return nu;
}

static void free_units(struct unit *u, size_t nu)
{
	for (size_t k = 0; k < nu; k++) {
		free(u[k].side[0].v);
		free(u[k].side[1].v);
		free(u[k].rows);
	}
	free(u);
}

/* Align every unit on its own; returns the sum of their paths' costs,
 * what the DP itself thinks of a segmentation, anchors included. */
static double align_each(const struct article *a, struct unit *u, size_t nu, double ratio)
{
	double total = 0;
	for (size_t k = 0; k < nu; k++) {
		double c = 0;
		u[k].nrow = group_rows(a, &u[k].side[0], &u[k].side[1], ratio, NULL, &c, &u[k].rows);
		total += c;
	}
	return total;
}

/* The whole body aligned at once, each paragraph knowing its unit. */
struct across {
	uint32_t *unit[2]; /* per index of body[s] */
	struct row *rows;  /* in body indexes */
	size_t nrow;
	double cost;
};

/* Align the whole body with the units known: a row across units costs
 * extra (align_opts.unit), so units hold unless a merged or a split
 * paragraph makes crossing one clearly better. */
static void align_across(const struct article *a, const struct idx_list body[2], const struct unit *u,
                         size_t nu, struct across *x)
{
	for (int s = 0; s < 2; s++) {
		x->unit[s] = xcalloc(body[s].n + 1, sizeof *x->unit[s]);
		size_t at = 0;
		for (size_t k = 0; k < nu; k++)
			for (size_t e = 0; e < u[k].side[s].n && at < body[s].n; e++)
				x->unit[s][at++] = (uint32_t)k;
	}
	const uint32_t *const cu[2] = {x->unit[0], x->unit[1]};
	/* its own length ratio, from its own 1-1 rows: the units' is skewed
	 * by the very merged paragraph that a row across units repairs */
	x->nrow = group_rows(a, &body[0], &body[1], 0, cu, &x->cost, &x->rows);
}

static void free_across(struct across *x)
{
	free(x->unit[0]);
	free(x->unit[1]);
	free(x->rows);
}

/* The first and last unit of a row of the whole-body alignment. */
static void row_units(const struct row *r, uint32_t *const unit[2], uint32_t *lo, uint32_t *hi)
{
	*lo = UINT32_MAX, *hi = 0;
	for (uint32_t e = 0; e < r->nleft; e++)
		*lo = MIN(*lo, unit[0][r->left + e]), *hi = MAX(*hi, unit[0][r->left + e]);
	for (uint32_t e = 0; e < r->nright; e++)
		*lo = MIN(*lo, unit[1][r->right + e]), *hi = MAX(*hi, unit[1][r->right + e]);
}

/*
 * Each unit's own rows, except where a row of the whole-body alignment
 * crosses units (a paragraph merged by the translator stands beside the
 * two it translates, though a paragraph of the other side lies between):
 * over that span of units the whole-body rows are taken.  Elsewhere the
 * unit's own alignment is kept: its anchors are weighed within the unit.
 */
static void emit_units(struct row_out *o, const struct idx_list body[2], const struct unit *u, size_t nu,
                       const struct across *x)
{
	bool *across = xcalloc(nu + 1, sizeof *across);
	for (size_t k = 0; k < x->nrow; k++) {
		uint32_t lo, hi;
		row_units(&x->rows[k], x->unit, &lo, &hi);
		for (uint32_t i = lo; lo < hi && i <= hi; i++)
			across[i] = true;
	}
	size_t r = 0;
	for (size_t k = 0; k < nu; k++) {
		if (!across[k]) {
			emit_group(o, &u[k].side[0], &u[k].side[1], u[k].rows, u[k].nrow);
			continue;
		}
		size_t end = k;
		while (end + 1 < nu && across[end + 1])
			end++;
		for (; r < x->nrow; r++) {
			uint32_t lo, hi;
			row_units(&x->rows[r], x->unit, &lo, &hi);
			if (lo > end)
				break;
			if (lo >= k)
				emit_group(o, &body[0], &body[1], &x->rows[r], 1);
		}
		k = end;
	}
	free(across);
}

/*
 * The body, unit by unit.  A unit is a run of paragraphs of one side and
 * the run of the other side's after it: in an interleaved article (A A B B
 * A B ...) each unit is aligned on its own, so rows keep within a unit,
 * the strongest anchor there is, unless a merged or a split paragraph
 * makes crossing clearly better (emit_units).  Which side starts a unit is
 * the one whose units align at the lower cost, crossings included (a
 * stray title or note at the top would otherwise shift every unit by one
 * run; units aligned each on its own cannot mend a merged paragraph, so
 * their cost alone could prefer the shift).  Blocks (A...A B...B) are one
 * unit, aligned as a whole.  Units share the document's length ratio: one
 * is too small to estimate its own.
 */
static void align_units(struct row_out *o, const struct idx_list body[2])
{
	double base = side_ratio(o->a, body);
	struct unit *u[2] = {NULL, NULL};
	size_t nu[2] = {0, 0};
	double ratio[2] = {base, base};
	for (int d = 0; d < 2 && base > 0; d++)
		nu[d] = make_units(o->a, body, d, &ratio[d], &u[d]);
	/* one unit either way round: two blocks */
	if (base <= 0 || nu[0] <= 1 || nu[1] <= 1) {
		align_group(o, &body[0], &body[1]);
	} else {
		struct across x[2];
		for (int d = 0; d < 2; d++) {
			align_each(o->a, u[d], nu[d], ratio[d]);
			align_across(o->a, body, u[d], nu[d], &x[d]);
		}
		int d = x[1].cost < x[0].cost;
		emit_units(o, body, u[d], nu[d], &x[d]);
		free_across(&x[0]);
		free_across(&x[1]);
	}
	for (int d = 0; d < 2; d++)
		if (u[d])
			free_units(u[d], nu[d]);
}

void align_article(struct article *a)
{
	struct idx_list title[2] = {{0}}, body[2] = {{0}}, meta[2] = {{0}};
	struct row_out o = {.a = a};
	bool seen_body[2] = {false, false};
	for (size_t i = 0; i < a->npara; i++) {
		int s = a->paras[i].side == SIDE_RIGHT;
		enum para_kind k = a->paras[i].kind;
		/* Only the headings above a side's text are its title; one further
		 * down (a section heading, a "Related" box) keeps its place. */
		if (k == PARA_TITLE && seen_body[s])
			k = PARA_BODY;
		seen_body[s] |= k == PARA_BODY;
		switch (k) {
		case PARA_TITLE: idx_push(&title[s], i); break;
		case PARA_META: idx_push(&meta[s], i); break;
		default: idx_push(&body[s], i); break;
		}
	}
	/* Each side's title lines pair with the other's; a side with more (a
	 * short first paragraph the parse took for a heading, a subtitle)
	 * gives the last of them back to its body, where the alignment of
	 * the body places them, instead of shifting the body's first row. */
	if (title[0].n && title[1].n && title[0].n != title[1].n) {
		int s = title[1].n > title[0].n;
		size_t keep = title[!s].n, extra = title[s].n - keep;
		struct idx_list merged = {0};
		for (size_t k = keep; k < title[s].n; k++)
			idx_push(&merged, title[s].v[k]);
		for (size_t k = 0; k < body[s].n; k++)
			idx_push(&merged, body[s].v[k]);
		title[s].n -= extra;
		free(body[s].v);
		body[s] = merged;
	}
	/* Meta lines ("**Keywords:** ...") align only when both sides have some;
	 * otherwise they stand alone where they are. */
	bool meta_both = meta[0].n && meta[1].n;
	for (int s = 0; s < 2; s++) {
		if (!meta_both) {
			o.solo[s] = meta[s];
			continue;
		}
		struct idx_list merged = {0};
		size_t x = 0, y = 0;
		while (x < body[s].n || y < meta[s].n)
			if (y >= meta[s].n || (x < body[s].n && body[s].v[x] < meta[s].v[y]))
				idx_push(&merged, body[s].v[x++]);
			else
				idx_push(&merged, meta[s].v[y++]);
		free(body[s].v);
		free(meta[s].v);
		body[s] = merged;
	}
	align_group(&o, &title[0], &title[1]);
	align_units(&o, body);
	emit_solo_before(&o, 0, UINT32_MAX);
	emit_solo_before(&o, 1, UINT32_MAX);
	for (int s = 0; s < 2; s++) {
		free(title[s].v);
		free(body[s].v);
		free(o.solo[s].v);
	}
	free(a->rows);
	a->rows = o.rows;
	a->nrow = o.n;
}
