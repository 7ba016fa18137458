/* import.c: STUB */
#include "diglot/common.h"
#include "diglot/import.h"

int import_paths(struct store *st, char *const *paths, size_t n,
                 const struct import_opts *o, struct import_stats *stats)
{ (void)st; (void)paths; (void)n; (void)o; (void)stats; return DG_ERR; }
int import_bytes(const char *bytes, size_t len, const char *source, struct article *a, const char **why)
{ (void)bytes; (void)len; (void)source; (void)a; (void)why; return DG_ERR; }
