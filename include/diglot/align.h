/*
 * align.h: which paragraph translates which.  Gale & Church dynamic
 * programming over paragraph lengths (beads 1-1, 1-2, 2-1, 2-2, 1-0, 0-1)
 * with the length ratio taken from the document itself, plus a bonus for
 * shared anchors (digits, Latin words inside CJK text, URLs, names).
 */
#ifndef DIGLOT_ALIGN_H
#define DIGLOT_ALIGN_H

#include "diglot/article.h"

/* Input to the aligner: one segment (paragraph or sentence). */
struct align_seg {
	const char *text;
	size_t len;
};

/* Knobs of the aligner; align_segments() uses the defaults. */
struct align_opts {
	bool anchors; /* score shared anchors (default true); false = plain Gale & Church */
	double ratio; /* right length per left length; 0 (default) = the segments' own */
	double *cost; /* when not NULL: set to the chosen path's cost (nats) */
	/* when not NULL: each segment's unit (interleaved layouts: a run of one
	 * side and the run of the other's after it); a row whose segments are
	 * not all of one unit costs extra, so units hold unless a merged or a
	 * split paragraph makes crossing clearly better */
	const uint32_t *unit[2];
};

/*
 * Align left[0..nl) with right[0..nr).  Returns the number of rows written
 * to *rows (caller frees); indexes in rows are into left and right.  Every
 * segment appears in exactly one row, in order.
 */
size_t align_segments(const struct align_seg *left, size_t nl,
                      const struct align_seg *right, size_t nr,
                      struct row **rows);

/* The same with explicit options (opts NULL = defaults). */
size_t align_segments_opts(const struct align_seg *left, size_t nl,
                           const struct align_seg *right, size_t nr,
                           const struct align_opts *opts, struct row **rows);

/* Fill a->rows for a bilingual article (after bilingual_split). */
void align_article(struct article *a);

#endif
