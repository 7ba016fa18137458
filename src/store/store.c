/*
 * store.c: the article library in SQLite: opening the file, the
 * statement cache, storing and loading articles.  Read/bookmark state,
 * deletion, group counts and figures live in store_state.c; the schema and
 * its user_version migration ladder in store_schema.c; lists, counts and
 * search in store_list.c.
 *
 * Text is stored once: the FTS5 index is an external-content table over
 * article(title, body), kept in sync by triggers for updates and deletes
 * and by store_commit for new rows (see store_fts_flush).  Sidebar counts come
 * from the grp table, which triggers on article and state maintain, so
 * nothing ever scans the articles to count them.
 */
#include "diglot/common.h"
#include "diglot/store.h"
#include "diglot/files.h"
#include "fts.h"
#include "diglot/hash.h"
#include "diglot/sbuf.h"
#include "diglot/tokenize.h"
#include "store_int.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define BUSY_TIMEOUT_MS 5000

/* ---- errors and statements ------------------------------------------- */

enum dg_status store_fail(struct store *st, int code, const char *fmt, ...)
{
	va_list ap;
	struct sbuf b = SBUF_INIT;
	va_start(ap, fmt);
	sbuf_vaddf(&b, fmt, ap);
	va_end(ap);
	free(st->err);
	st->err = sbuf_detach(&b);
	return code;
}

enum dg_status store_sqlerr(struct store *st)
{
	return store_fail(st, DG_ERR, "%s: %s", st->path, sqlite3_errmsg(st->db));
}

sqlite3_stmt *store_stmt(struct store *st, const char *sql)
{
	for (int i = 0; i < st->ncache; i++) {
		if (strcmp(st->cache[i].sql, sql) == 0) {
			sqlite3_stmt *s = st->cache[i].stmt;
			sqlite3_reset(s);
			sqlite3_clear_bindings(s);
			return s;
		}
	}
	sqlite3_stmt *s = NULL;
	if (sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, NULL) != SQLITE_OK) {
		store_sqlerr(st);
		return NULL;
	}
	/* Full cache (many distinct filter combinations): drop the oldest. */
	if (st->ncache == STORE_CACHE_MAX) {
		sqlite3_finalize(st->cache[0].stmt);
		free(st->cache[0].sql);
		memmove(st->cache, st->cache + 1, (STORE_CACHE_MAX - 1) * sizeof *st->cache);
		st->ncache--;
	}
	st->cache[st->ncache].sql = xstrdup(sql);
	st->cache[st->ncache].stmt = s;
	st->ncache++;
	return s;
}

const char *store_col_text(sqlite3_stmt *s, int col)
{
	const unsigned char *t = sqlite3_column_text(s, col);
	return t ? (const char *)t : "";
}

/* Run sql (no rows wanted) uncached. */
enum dg_status store_exec(struct store *st, const char *sql)
{
	if (sqlite3_exec(st->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return store_sqlerr(st);
	return DG_OK;
}

int64_t store_pragma_int(struct store *st, const char *sql)
{
	sqlite3_stmt *s = store_stmt(st, sql);
	if (!s || sqlite3_step(s) != SQLITE_ROW)
		return -1;
	int64_t v = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return v;
}

/* ---- the path -------------------------------------------------------- */

char *store_default_path(const char *db_option)
{
	if (db_option && *db_option)
		return xstrdup(db_option);
	const char *e = getenv("DIGLOT_DB");
	if (e && *e)
		return xstrdup(e);
	e = getenv("XDG_DATA_HOME");
	if (e && *e == '/') /* the XDG spec: relative values are ignored */
		return xasprintf("%s/diglot/library.db", e);
	e = getenv("HOME");
	return xasprintf("%s/.local/share/diglot/library.db", e && *e ? e : ".");
}

/* Create the file 0600 before SQLite opens it: SQLite would use 0644
 * minus the umask, and its -wal and -shm files copy the file's mode. */
static enum dg_status make_file(const char *path, char **cause)
{
	int fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd >= 0) {
		fchmod(fd, 0600);
		close(fd);
		return DG_OK;
	}
	if (errno == EEXIST)
		return DG_OK;
	return dg_fail(cause, DG_ERR, "%s", strerror(errno));
}

/* ---- open and close -------------------------------------------------- */

/*
 * Put a library in WAL mode.  Switching needs an exclusive lock; skip it
 * when done already.  Two processes making a new library at once may
 * both hold the shared lock when they ask to switch: SQLite then answers
 * SQLITE_BUSY at once rather than wait in the busy handler (waiting could
 * deadlock), so wait here, and look again: the other may have switched.
 */
static enum dg_status use_wal(struct store *st)
{
	for (int waited = 0;; waited += 10) {
		sqlite3_stmt *s = store_stmt(st, "PRAGMA journal_mode");
		if (!s || sqlite3_step(s) != SQLITE_ROW)
			return store_sqlerr(st);
		bool wal = strcmp(store_col_text(s, 0), "wal") == 0;
		sqlite3_reset(s);
		if (wal)
			return DG_OK;
		int rc = sqlite3_exec(st->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
		if (rc == SQLITE_OK)
			return DG_OK;
		if ((rc & 0xff) != SQLITE_BUSY || waited >= BUSY_TIMEOUT_MS)
			return store_sqlerr(st);
		sqlite3_sleep(10);
	}
}

static enum dg_status configure(struct store *st)
{
	sqlite3_busy_timeout(st->db, BUSY_TIMEOUT_MS);
	sqlite3_extended_result_codes(st->db, 1);
	if (fts_register(st->db) != SQLITE_OK)
		return store_fail(st, DG_ERR, "%s: SQLite lacks FTS5", st->path);
	/* A new file: 2 KiB pages.  Article rows of 2-6 KiB waste on average
	 * half a page in their last overflow page; measured on synthetic
	 * news text the library was 22 % smaller than with 4 KiB pages. */
	if (store_pragma_int(st, "PRAGMA page_count") == 0 && store_exec(st, "PRAGMA page_size = 2048") != DG_OK)
		return DG_ERR;
	if (use_wal(st) != DG_OK)
		return DG_ERR;
	/* A big import batch grows the WAL; give the space back afterwards. */
	if (store_exec(st, "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;"
	             " PRAGMA journal_size_limit = 8388608") != DG_OK)
		return DG_ERR;
	return store_migrate(st);
}

/*
 * Can this user not write the existing library at path?  Its file, or,
 * when its -wal is not there (no one has it open), its folder: WAL mode
 * creates the -wal and -shm files beside it.  access() asks with the real
 * user, as the person running diglot.
 */
static bool cannot_write(const char *path)
{
	if (access(path, F_OK) != 0)
		return false; /* not there: store_open creates it, or says why not */
	if (access(path, W_OK) != 0)
		return true;
	char *dir = xstrdup(path), *slash = strrchr(dir, '/');
	if (slash)
		slash[slash == dir ? 1 : 0] = '\0';
	char *wal = xasprintf("%s-wal", path);
	bool ro = access(slash ? dir : ".", W_OK) != 0 && access(wal, F_OK) != 0;
	free(wal);
	free(dir);
	return ro;
}

static enum dg_status fail_readonly(const char *path, char **cause)
{
	return dg_fail(cause, DG_ERR, "cannot write %s: the library is read-only", path);
}

enum dg_status store_open(struct store **out, const char *path, char **cause)
{
	char *why = NULL;
	*out = NULL;
	if (files_make_parents(path, &why) != DG_OK || make_file(path, &why) != DG_OK) {
		enum dg_status rc = dg_fail(cause, DG_ERR, "cannot open %s: %s", path, why);
		free(why);
		return rc;
	}
	/* SQLite would open it read-only by itself and fail later with
	 * "attempt to write a readonly database". */
	if (cannot_write(path))
		return fail_readonly(path, cause);
	struct store *st = xcalloc(1, sizeof *st);
	st->story_cache_keys = STORE_STORY_CACHE_KEYS;
	st->path = xstrdup(path);
	int rc = sqlite3_open_v2(path, &st->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		dg_fail(cause, DG_ERR, "cannot open %s: %s", path,
		        st->db ? sqlite3_errmsg(st->db) : sqlite3_errstr(rc));
		store_close(&st);
		return DG_ERR;
	}
	if (configure(st) != DG_OK) {
		/* say it the way the CLI contract does */
		const char *m = store_error_reason(st);
		dg_fail(cause, DG_ERR, "cannot open %s: %s", path, *m ? m : "unknown error");
		store_close(&st);
		return DG_ERR;
	}
	st->data_version = store_pragma_int(st, "PRAGMA data_version");
	*out = st;
	return DG_OK;
}

/* path as a file: URI with SQLite's immutable=1 (bytes outside the
 * unreserved set percent-encoded, so '?' or '#' in a name stay names). */
static char *immutable_uri(const char *path)
{
	struct sbuf b = SBUF_INIT;
	sbuf_addstr(&b, "file:");
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    strchr("/-._~", *p))
			sbuf_addc(&b, (char)*p);
		else
			sbuf_addf(&b, "%%%02X", *p);
	}
	sbuf_addstr(&b, "?immutable=1");
	return sbuf_detach(&b);
}

/* Can the schema be read at all?  A WAL library opened read-only needs its
 * -shm file, which no one may create in a folder no one can write. */
static bool schema_readable(sqlite3 *db)
{
	sqlite3_stmt *s = NULL;
	bool ok = sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_master", -1, &s, NULL) == SQLITE_OK &&
	          sqlite3_step(s) == SQLITE_ROW;
	sqlite3_finalize(s);
	return ok;
}

/*
 * Open the library read-only: with the normal locking when SQLite can
 * (someone has it open, so its -shm exists), else as immutable, which
 * needs no -shm: the owner's process is not running then, so a snapshot
 * is what there is to read.  Nothing is migrated: an older schema is
 * refused, since the queries need the current one.
 */
static enum dg_status open_readonly(struct store *st, char **cause)
{
	int flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX;
	int rc = sqlite3_open_v2(st->path, &st->db, flags, NULL);
	if (rc == SQLITE_OK && !schema_readable(st->db)) {
		sqlite3_close(st->db);
		char *uri = immutable_uri(st->path);
		rc = sqlite3_open_v2(uri, &st->db, flags | SQLITE_OPEN_URI, NULL);
		free(uri);
	}
	if (rc == SQLITE_OK && !schema_readable(st->db))
		rc = SQLITE_CANTOPEN;
	if (rc != SQLITE_OK)
		return dg_fail(cause, DG_ERR, "cannot open %s: %s", st->path,
		               st->db ? sqlite3_errmsg(st->db) : sqlite3_errstr(rc));
	sqlite3_busy_timeout(st->db, BUSY_TIMEOUT_MS);
	sqlite3_extended_result_codes(st->db, 1);
	if (fts_register(st->db) != SQLITE_OK)
		return dg_fail(cause, DG_ERR, "cannot open %s: SQLite lacks FTS5", st->path);
	int64_t v = store_pragma_int(st, "PRAGMA user_version");
	if (v != store_schema_version())
		return dg_fail(cause, DG_ERR, "cannot open %s: the library is read-only and its schema (%lld)"
		               " is not this diglot's (%d): open it once with write access",
		               st->path, (long long)v, (int)store_schema_version());
	st->readonly = true;
	return DG_OK;
}

enum dg_status store_open_read(struct store **out, const char *path, char **cause)
{
	if (!cannot_write(path))
		return store_open(out, path, cause);
	struct store *st = xcalloc(1, sizeof *st);
	st->story_cache_keys = STORE_STORY_CACHE_KEYS;
	st->path = xstrdup(path);
	if (open_readonly(st, cause) != DG_OK) {
		store_close(&st);
		*out = NULL;
		return DG_ERR;
	}
	st->data_version = store_pragma_int(st, "PRAGMA data_version");
	*out = st;
	return DG_OK;
}

bool store_readonly(const struct store *st)
{
	return st->readonly;
}

void store_close(struct store **pst)
{
	struct store *st = *pst;
	if (!st)
		return;
	for (int i = 0; i < st->ncache; i++) {
		sqlite3_finalize(st->cache[i].stmt);
		free(st->cache[i].sql);
	}
	store_story_close(st);
	sqlite3_close(st->db);
	free(st->path);
	free(st->err);
	free(st);
	*pst = NULL;
}

const char *store_path(const struct store *st)
{
	return st->path;
}

const char *store_error(const struct store *st)
{
	return st->err ? st->err : "";
}

const char *store_error_reason(const struct store *st)
{
	const char *m = store_error(st);
	size_t n = strlen(st->path);
	return strncmp(m, st->path, n) == 0 && m[n] == ':' && m[n + 1] == ' ' ? m + n + 2 : m;
}

enum dg_status store_begin(struct store *st)
{
	return store_exec(st, "BEGIN IMMEDIATE");
}

/*
 * Index the articles inserted since fts_from, in one statement.  Done
 * just before COMMIT (and before anything that could touch those rows),
 * so that FTS5 writes one segment per batch instead of one per article.
 */
enum dg_status store_fts_flush(struct store *st)
{
	if (!st->fts_from)
		return DG_OK;
	sqlite3_stmt *s = store_stmt(st, "INSERT INTO article_fts(rowid, title, body)"
	                                 " SELECT id, title, body FROM article WHERE id >= ?1");
	if (!s)
		return DG_ERR;
	sqlite3_bind_int64(s, 1, st->fts_from);
	int r = sqlite3_step(s);
	sqlite3_reset(s);
	if (r != SQLITE_DONE)
		return store_sqlerr(st);
	st->fts_from = 0;
	return DG_OK;
}

enum dg_status store_bulk(struct store *st, bool on)
{
	return store_exec(st, on ? "PRAGMA cache_size = -65536; PRAGMA wal_autocheckpoint = 16384"
	                   : "PRAGMA cache_size = -2000; PRAGMA wal_autocheckpoint = 1000");
}

enum dg_status store_wal_batches(struct store *st, bool on)
{
	return store_exec(st, on ? "PRAGMA wal_autocheckpoint = 8192"
	                   : "PRAGMA wal_autocheckpoint = 1000");
}

enum dg_status store_commit(struct store *st)
{
	if (store_fts_flush(st) != DG_OK || store_story_flush(st) != DG_OK)
		return DG_ERR;
	return store_exec(st, "COMMIT");
}

bool store_in_batch(const struct store *st)
{
	return !sqlite3_get_autocommit(st->db);
}

void store_rollback(struct store *st)
{
	st->fts_from = 0;
	store_story_discard(st);
	if (!sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
}

/* ---- encoding paragraphs and rows ------------------------------------ */

#define PARA_META_SIZE 9 /* uint32 length, lang[3], side, kind */

static void put_u32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)v;
	p[1] = (unsigned char)(v >> 8);
	p[2] = (unsigned char)(v >> 16);
	p[3] = (unsigned char)(v >> 24);
}

static uint32_t get_u32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

struct encoded {
	struct sbuf body;
	unsigned char *meta, *rows;
	size_t nmeta, nrows;
};

static void encode(const struct article *a, struct encoded *e)
{
	memset(e, 0, sizeof *e);
	e->nmeta = a->npara * PARA_META_SIZE;
	e->meta = xmalloc(e->nmeta + 1);
	sbuf_addstr(&e->body, "");
	for (size_t i = 0; i < a->npara; i++) {
		const struct para *p = &a->paras[i];
		size_t len = strlen(p->text);
		unsigned char *m = e->meta + i * PARA_META_SIZE;
		if (i)
			sbuf_add(&e->body, "\n\n", 2);
		sbuf_add(&e->body, p->text, len);
		put_u32(m, (uint32_t)len);
		memset(m + 4, 0, 3);
		memcpy(m + 4, p->lang, strnlen(p->lang, 3));
		m[7] = (unsigned char)p->side;
		m[8] = p->kind;
	}
	e->nrows = a->nrow * 16;
	e->rows = xmalloc(e->nrows + 1);
	for (size_t i = 0; i < a->nrow; i++) {
		put_u32(e->rows + i * 16, a->rows[i].left);
		put_u32(e->rows + i * 16 + 4, a->rows[i].nleft);
		put_u32(e->rows + i * 16 + 8, a->rows[i].right);
		put_u32(e->rows + i * 16 + 12, a->rows[i].nright);
	}
}

static void encoded_free(struct encoded *e)
{
	sbuf_free(&e->body);
	free(e->meta);
	free(e->rows);
}

/* Rebuild paragraphs from the body and their metadata; a body that does
 * not fit the lengths (damaged) is kept whole as one paragraph. */
static void decode_paras(struct article *a, const char *body, size_t blen,
                         const unsigned char *meta, size_t nmeta)
{
	size_t n = nmeta / PARA_META_SIZE, off = 0, need = 0;
	for (size_t i = 0; i < n; i++)
		need += get_u32(meta + i * PARA_META_SIZE) + (i ? 2 : 0);
	if (need != blen) {
		if (blen)
			article_add_para(a, body, blen, PARA_BODY);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		const unsigned char *m = meta + i * PARA_META_SIZE;
		size_t len = get_u32(m);
		struct para *p = article_add_para(a, body + off, len, (enum para_kind)m[8]);
		memcpy(p->lang, m + 4, 3);
		p->lang[3] = '\0';
		p->side = (signed char)m[7];
		off += len + 2;
	}
}

static void decode_rows(struct article *a, const unsigned char *r, size_t n)
{
	a->nrow = n / 16;
	a->rows = a->nrow ? xcalloc(a->nrow, sizeof *a->rows) : NULL;
	for (size_t i = 0; i < a->nrow; i++) {
		a->rows[i].left = get_u32(r + i * 16);
		a->rows[i].nleft = get_u32(r + i * 16 + 4);
		a->rows[i].right = get_u32(r + i * 16 + 8);
		a->rows[i].nright = get_u32(r + i * 16 + 12);
	}
}

/* ---- storing an article ---------------------------------------------- */

/* The id the one-parameter query sql finds for key (a blob of len bytes,
 * or text when len is 0), 0 for none; *rc DG_OK unless SQLite failed. */
static int64_t find_id(struct store *st, const char *sql, const void *key, size_t len, int *rc)
{
	sqlite3_stmt *s = store_stmt(st, sql);
	*rc = DG_ERR;
	if (!s)
		return 0;
	if (len)
		sqlite3_bind_blob(s, 1, key, (int)len, SQLITE_STATIC);
	else
		sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	int r = sqlite3_step(s);
	int64_t id = r == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	sqlite3_reset(s);
	if (r != SQLITE_ROW && r != SQLITE_DONE)
		return store_sqlerr(st), 0;
	*rc = DG_OK;
	return id;
}

static const char sql_insert[] =
	"INSERT INTO article(hash, path, title, title_key, source, url, date, lang, lang2,"
	" body, para_meta, rows, text_bytes, imported_at, text_key, feed_id, author)"
	" VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?16, ?17, ?18)";
static const char sql_update[] =
	"UPDATE article SET hash = ?1, path = ?2, title = ?3, title_key = ?4, source = ?5,"
	" url = ?6, date = ?7, lang = ?8, lang2 = ?9, body = ?10, para_meta = ?11, rows = ?12,"
	" text_bytes = ?13, imported_at = ?14, text_key = ?16, author = ?18 WHERE id = ?15";

/*
 * The date column is the list's sort key: the text's date, or for an
 * article with none its import time, so that undated articles sort by
 * import time.  An article is undated exactly when date = imported_at
 * (a column after body would cost every list row its overflow pages):
 * a text date that falls on the import second moves imported_at one
 * second back to keep that true.
 */
static void article_times(int64_t text_date, int64_t now, int64_t *date, int64_t *imported)
{
	*imported = now;
	*date = text_date ? text_date : now;
	if (text_date == now)
		*imported = now - 1;
}

/* A new row when id is 0 (of feed_id when not 0), else row id rewritten. */
static enum dg_status write_article(struct store *st, const char *sql, const struct article *a,
                         const char *path, const void *key, size_t keylen,
                         const unsigned char tkey[HASH_KEY_SIZE], int64_t text_date, int64_t id,
                         int64_t feed_id)
{
	sqlite3_stmt *s = store_stmt(st, sql);
	if (!s)
		return DG_ERR;
	struct encoded e;
	encode(a, &e);
	const char *title = a->title ? a->title : "";
	char *title_key = tokenize_fold(title, strlen(title));
	int64_t date, imported;
	article_times(text_date, (int64_t)time(NULL), &date, &imported);
	sqlite3_bind_blob(s, 1, key, (int)keylen, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, path, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, title, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, title_key, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 5, a->source ? a->source : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 6, a->url ? a->url : "", -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 7, date);
	sqlite3_bind_text(s, 8, a->lang, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 9, a->lang2, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 10, sbuf_str(&e.body), (int)e.body.len, SQLITE_STATIC);
	sqlite3_bind_blob(s, 11, e.meta, (int)e.nmeta, SQLITE_STATIC);
	sqlite3_bind_blob(s, 12, e.rows, (int)e.nrows, SQLITE_STATIC);
	sqlite3_bind_int64(s, 13, (int64_t)(strlen(title) + e.body.len));
	sqlite3_bind_int64(s, 14, imported);
	if (id)
		sqlite3_bind_int64(s, 15, id);
	else if (feed_id)
		sqlite3_bind_int64(s, 17, feed_id);
	sqlite3_bind_blob(s, 16, tkey, HASH_KEY_SIZE, SQLITE_STATIC);
	sqlite3_bind_text(s, 18, a->author ? a->author : "", -1, SQLITE_STATIC);
	int r = sqlite3_step(s);
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	encoded_free(&e);
	free(title_key);
	return r == SQLITE_DONE ? DG_OK : store_sqlerr(st);
}

/* The identity of an article's content: its text as stored (title, then
 * body), which is what its cleaned text parses to, whatever bytes and
 * encoding the file had: the first HASH_KEY_SIZE bytes of its SHA-256. */
void store_text_key(const char *title, size_t tlen, const char *body, size_t blen,
                    unsigned char key[HASH_KEY_SIZE])
{
	struct sbuf b = SBUF_INIT;
	uint8_t sha[32];
	sbuf_add(&b, title, tlen);
	sbuf_addc(&b, '\0'); /* no title/body split gives another's key */
	sbuf_add(&b, body, blen);
	hash_sha256(sbuf_str(&b), b.len, sha);
	memcpy(key, sha, HASH_KEY_SIZE);
	sbuf_free(&b);
}

/* The text key of an article about to be stored: of the text encode()
 * will store, so that it equals what migrate_v5 computes from a row. */
void store_article_text_key(const struct article *a, unsigned char key[HASH_KEY_SIZE])
{
	struct encoded e;
	encode(a, &e);
	const char *title = a->title ? a->title : "";
	store_text_key(title, strlen(title), sbuf_str(&e.body), e.body.len, key);
	encoded_free(&e);
}

enum dg_status store_put_article(struct store *st, const struct article *a, const char *path,
                      const void *key, size_t keylen, int64_t date, int64_t *id,
                      enum store_put *what)
{
	return store_put_feed_article(st, a, path, key, keylen, date, 0, NULL, id, what);
}

enum dg_status store_put_feed_article(struct store *st, const struct article *a, const char *path,
                                      const void *key, size_t keylen, int64_t date,
                                      int64_t feed_id, const unsigned char *known_tkey,
                                      int64_t *id, enum store_put *what)
{
	int rc;
	if (keylen == 0)
		return store_fail(st, DG_ERR, "%s: empty article key", path);
	int64_t found = find_id(st, "SELECT id FROM article WHERE hash = ?1", key, keylen, &rc);
	if (rc != DG_OK)
		return rc;
	unsigned char tkey[HASH_KEY_SIZE];
	/* Other bytes, the same text (another encoding, CRLF, a BOM): the
	 * same article. */
	if (!found) {
		if (known_tkey)
			memcpy(tkey, known_tkey, HASH_KEY_SIZE);
		else
			store_article_text_key(a, tkey);
		found = find_id(st, "SELECT id FROM article WHERE text_key = ?1", tkey, HASH_KEY_SIZE, &rc);
		if (rc != DG_OK)
			return rc;
	}
	if (found) {
		*id = found;
		*what = PUT_UNCHANGED;
		return DG_OK;
	}
	if (strcmp(path, "-") != 0) {
		found = find_id(st, "SELECT max(id) FROM article WHERE path = ?1", path, 0, &rc);
		if (rc != DG_OK)
			return rc;
	}
	if (found) {
		/* Its FTS row is replaced by a trigger: it must be there first. */
		if (store_fts_flush(st) != DG_OK)
			return DG_ERR;
		rc = write_article(st, sql_update, a, path, key, keylen, tkey, date, found, 0);
		*id = found;
		*what = PUT_UPDATED;
		return rc;
	}
	rc = write_article(st, sql_insert, a, path, key, keylen, tkey, date, 0, feed_id);
	*id = sqlite3_last_insert_rowid(st->db);
	*what = PUT_NEW;
	if (rc == DG_OK && !st->fts_from)
		st->fts_from = *id;
	/* Outside a transaction the row is already committed: index it now. */
	if (rc == DG_OK && sqlite3_get_autocommit(st->db))
		rc = store_fts_flush(st);
	return rc;
}

enum dg_status store_replace_text(struct store *st, int64_t id, const struct article *a)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT hash, path FROM article WHERE id = ?1");
	if (!s)
		return DG_ERR;
	int rc = store_step_article(st, s, id);
	if (rc != DG_OK)
		return rc;
	/* Its hash and path stay: they name where it came from (a feed item
	 * fetched again with the same teaser is unchanged). */
	size_t klen = (size_t)sqlite3_column_bytes(s, 0);
	void *key = xmalloc(klen + 1);
	if (klen)
		memcpy(key, sqlite3_column_blob(s, 0), klen);
	char *path = xstrdup(store_col_text(s, 1));
	sqlite3_reset(s);
	unsigned char tkey[HASH_KEY_SIZE];
	store_article_text_key(a, tkey);
	/* Its FTS row is replaced by a trigger: it must be there first. */
	rc = store_fts_flush(st);
	if (rc == DG_OK)
		rc = write_article(st, sql_update, a, path, key, klen, tkey, a->date, id, 0);
	free(key);
	free(path);
	return rc;
}

/* ---- one article ------------------------------------------------------ */

enum dg_status store_no_article(struct store *st, int64_t id)
{
	return store_fail(st, DG_NOTFOUND, "no article with ID %lld", (long long)id);
}

enum dg_status store_step_article(struct store *st, sqlite3_stmt *s, int64_t id)
{
	sqlite3_bind_int64(s, 1, id);
	int r = sqlite3_step(s);
	if (r == SQLITE_ROW)
		return DG_OK;
	sqlite3_reset(s);
	return r == SQLITE_DONE ? store_no_article(st, id) : store_sqlerr(st);
}

enum dg_status store_get(struct store *st, int64_t id, struct article *a, struct store_meta *meta)
{
	sqlite3_stmt *s = store_stmt(st,
		"SELECT a.title, a.source, a.url, a.date, a.lang, a.lang2, a.body, a.para_meta,"
		" a.rows, a.path, s.read, s.bookmarked, a.imported_at, a.author FROM article a"
		" LEFT JOIN state s ON s.article_id = a.id WHERE a.id = ?1");
	if (!s)
		return DG_ERR;
	int rc = store_step_article(st, s, id);
	if (rc != DG_OK)
		return rc;
	article_free(a);
	a->title = xstrdup(store_col_text(s, 0));
	a->source = xstrdup(store_col_text(s, 1));
	a->url = xstrdup(store_col_text(s, 2));
	a->author = xstrdup(store_col_text(s, 13));
	a->imported_at = sqlite3_column_int64(s, 12);
	a->date = store_text_date(sqlite3_column_int64(s, 3), a->imported_at);
	snprintf(a->lang, sizeof a->lang, "%s", store_col_text(s, 4));
	snprintf(a->lang2, sizeof a->lang2, "%s", store_col_text(s, 5));
	const char *body = store_col_text(s, 6);
	size_t blen = (size_t)sqlite3_column_bytes(s, 6);
	const unsigned char *m = sqlite3_column_blob(s, 7);
	decode_paras(a, body, blen, m, m ? (size_t)sqlite3_column_bytes(s, 7) : 0);
	const unsigned char *rows = sqlite3_column_blob(s, 8);
	decode_rows(a, rows, rows ? (size_t)sqlite3_column_bytes(s, 8) : 0);
	if (meta) {
		meta->id = id;
		meta->date = a->date;
		meta->path = xstrdup(store_col_text(s, 9));
		meta->read = sqlite3_column_int(s, 10) != 0;
		meta->bookmarked = sqlite3_column_int(s, 11) != 0;
	}
	sqlite3_reset(s);
	return DG_OK;
}

void store_meta_free(struct store_meta *m)
{
	free(m->path);
	m->path = NULL;
}
