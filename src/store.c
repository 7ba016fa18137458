/* store.c: STUB, to be written (SQLite library). */
#include "diglot/common.h"
#include "diglot/store.h"
#include <sqlite3.h>
#include <stdlib.h>

char *store_default_path(const char *db_option) { return xstrdup(db_option ? db_option : "library.db"); }
int store_open(struct store **out, const char *path, char **err)
{
	*out = NULL;
	*err = xasprintf("cannot open %s: not implemented", path);
	return DG_ERR;
}
void store_close(struct store **st) { *st = NULL; }
const char *store_path(const struct store *st) { (void)st; return ""; }
const char *store_error(const struct store *st) { (void)st; return "not implemented"; }
int store_begin(struct store *st) { (void)st; return DG_ERR; }
int store_commit(struct store *st) { (void)st; return DG_ERR; }
void store_rollback(struct store *st) { (void)st; }
int store_put_article(struct store *st, const struct article *a, const char *path,
                      const char *hash, int64_t date, int64_t *id, enum store_put *what)
{ (void)st; (void)a; (void)path; (void)hash; (void)date; (void)id; (void)what; return DG_ERR; }
int store_list(struct store *st, const struct store_filter *f, enum store_order order,
               const struct store_page *page, store_item_fn fn, void *ctx)
{ (void)st; (void)f; (void)order; (void)page; (void)fn; (void)ctx; return DG_ERR; }
int store_count(struct store *st, const struct store_filter *f, int64_t *n) { (void)st; (void)f; *n = 0; return DG_ERR; }
int store_position(struct store *st, const struct store_filter *f, enum store_order order, int64_t id, int64_t *pos)
{ (void)st; (void)f; (void)order; (void)id; *pos = 0; return DG_ERR; }
int store_get(struct store *st, int64_t id, struct article *a, struct store_meta *meta)
{ (void)st; (void)id; (void)a; (void)meta; return DG_ERR; }
void store_meta_free(struct store_meta *m) { free(m->path); m->path = NULL; }
int store_set_flag(struct store *st, int64_t id, enum store_flag flag, int value, bool *now)
{ (void)st; (void)id; (void)flag; (void)value; (void)now; return DG_ERR; }
int store_groups(struct store *st, enum store_group g, store_group_fn fn, void *ctx)
{ (void)st; (void)g; (void)fn; (void)ctx; return DG_ERR; }
int store_stats(struct store *st, struct store_stats *s) { (void)st; (void)s; return DG_ERR; }
bool store_changed(struct store *st) { (void)st; return false; }
