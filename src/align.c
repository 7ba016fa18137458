/* align.c: STUB, to be written (paragraph alignment). */
#include "diglot/common.h"
#include "diglot/align.h"

size_t align_segments(const struct align_seg *left, size_t nl,
                      const struct align_seg *right, size_t nr, struct row **rows)
{
	(void)left; (void)right; (void)nl; (void)nr;
	*rows = NULL;
	return 0;
}

void align_article(struct article *a) { (void)a; }
