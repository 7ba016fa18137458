/* ui.c: STUB, to be written (the ncurses reader). */
#include "diglot/common.h"
#include "diglot/ui.h"
#include <stdio.h>

int ui_run(struct store *st, const struct ui_opts *o)
{
	(void)st; (void)o;
	fputs("diglot: the reader is not built yet\n", stderr);
	return 1;
}
