/*
 * common.h: included first by every diglot source file.  It holds the
 * configure results, allocation wrappers that never return NULL, small
 * helpers every module uses, and the status type.
 */
#ifndef DIGLOT_COMMON_H
#define DIGLOT_COMMON_H

#include "config.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define MIN(a, b) ((a) < (b) ? (a) : (b))
#define MAX(a, b) ((a) > (b) ? (a) : (b))

/* How many bits of m are set (masks of story keys, of aligned rows). */
static inline int bit_count(uint64_t m)
{
	int n = 0;
	for (; m; m &= m - 1)
		n++;
	return n;
}

#if defined(__GNUC__)
#define DG_PRINTF(f, a) __attribute__((format(printf, f, a)))
#define DG_NORETURN __attribute__((noreturn))
#else
#define DG_PRINTF(f, a)
#define DG_NORETURN
#endif

/*
 * Errors: the one convention.  A function that can fail returns enum
 * dg_status, DG_OK (0) or a negative code, and gives the reason, a
 * message for the user naming the file, article or key involved, in one
 * of two ways:
 *   - a free function takes `char **cause` as its last parameter and on
 *     failure sets *cause to a message the caller frees (tmux's way);
 *     dg_fail() sets it and returns the code in one statement;
 *   - a function of a handle that outlives the call (struct store) keeps
 *     the message in the handle until its next call, read with
 *     store_error() (sqlite3_errmsg's way): callers make many calls on one
 *     handle and report once.
 * Parsers that go on past a bad line (config, themes) or past a bad file
 * (import) report each through a dg_error_fn and carry on.
 * Only the CLI turns a status into a process exit code (cli.h).
 */
enum dg_status {
	DG_OK = 0,
	DG_ERR = -1,      /* failed; a message says why */
	DG_NOTFOUND = -2, /* the named article, group or file does not exist */
	DG_USAGE = -3,    /* the caller's words are wrong */
};

/* Set *cause (when cause is not NULL) to the formatted message and
 * return code: `return dg_fail(cause, DG_ERR, "%s: %s", path, why);` */
enum dg_status dg_fail(char **cause, enum dg_status code, const char *fmt, ...) DG_PRINTF(3, 4);

/* One bad line of file (line 0: the whole file) and why, for a parser
 * or an importer that reports it and goes on. */
typedef void (*dg_error_fn)(void *ctx, const char *file, int line, const char *why);

/* Allocation: on failure print "diglot: out of memory" and exit(1). */
void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t size);
void *xreallocarray(void *p, size_t n, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) DG_PRINTF(1, 2);

/* Grow *arr (holding *cap elements of size) so that it holds at least need. */
void xgrow(void *arr, size_t *cap, size_t need, size_t size);

/* free(*p) and NULL the caller's pointer. */
void xfree(void *pp);

#endif
