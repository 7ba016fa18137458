/* bilingual.c: STUB, to be written (bilingual detection). */
#include "diglot/common.h"
#include "diglot/bilingual.h"

bool bilingual_split(struct article *a) { (void)a; return false; }
