/*
 * datadir.h: where the bundled data (sample articles, themes) is.  An
 * installed diglot looks only in $(pkgdatadir).  A diglot that runs from a
 * build tree uses its source tree instead: the tree it was built in when
 * the binary sits in <tree>/src (an in-tree build, as README's first
 * command makes), or the tree $DIGLOT_SRCDIR names (a build elsewhere; the
 * tests set it).  No source path is compiled into the binary.
 */
#ifndef DIGLOT_DATADIR_H
#define DIGLOT_DATADIR_H

/* The folder holding what ("samples" or "themes"), or NULL when there is
 * none.  Caller frees. */
char *datadir_find(const char *what);

#endif
