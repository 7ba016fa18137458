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

#if defined(__GNUC__)
#define DG_PRINTF(f, a) __attribute__((format(printf, f, a)))
#define DG_NORETURN __attribute__((noreturn))
#else
#define DG_PRINTF(f, a)
#define DG_NORETURN
#endif

/*
 * Status of an operation that can fail for a reason the user must see.
 * Functions return DG_OK (0) or a negative code and leave a message
 * naming the file, article or key involved where their header says.
 */
enum dg_status {
	DG_OK = 0,
	DG_ERR = -1,      /* failed; a message says why */
	DG_NOTFOUND = -2, /* the named article, group or file does not exist */
	DG_USAGE = -3,    /* the caller's words are wrong */
};

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
