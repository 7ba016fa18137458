/*
 * t.h: the unit-test harness.  Each tests/unit/test_<module>.c is one
 * program; checks print "file:line: what" on failure and main ends with
 * `return t_done();`, which prints "N passed, N failed".
 */
#ifndef DIGLOT_T_H
#define DIGLOT_T_H

#include "diglot/common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The source tree: make check exports top_srcdir; by hand, run from it. */
static inline const char *t_srcdir(void)
{
	const char *d = getenv("top_srcdir");
	return d && *d ? d : ".";
}
#define TEST_SRCDIR t_srcdir()

/* The seed articles (../shared/seeds), when this machine has them. */
static inline const char *t_seeds_dir(void)
{
	const char *d = getenv("DIGLOT_SEEDS");
	return d && *d ? d : NULL;
}

static int t_pass, t_fail;

#define CHECK(cond) t_check(!!(cond), __FILE__, __LINE__, #cond)
#define CHECK_INT(got, want) do { \
	long long g_ = (long long)(got), w_ = (long long)(want); \
	if (g_ == w_) t_pass++; else { t_fail++; \
		fprintf(stderr, "%s:%d: %s: got %lld, want %lld\n", __FILE__, __LINE__, #got, g_, w_); } \
} while (0)
#define CHECK_STR(got, want) do { \
	const char *g_ = (got), *w_ = (want); \
	if (g_ && w_ && strcmp(g_, w_) == 0) t_pass++; else { t_fail++; \
		fprintf(stderr, "%s:%d: %s:\n  got  \"%s\"\n  want \"%s\"\n", __FILE__, __LINE__, #got, \
			g_ ? g_ : "(null)", w_ ? w_ : "(null)"); } \
} while (0)

static inline void t_check(int ok, const char *file, int line, const char *what)
{
	if (ok)
		t_pass++;
	else {
		t_fail++;
		fprintf(stderr, "%s:%d: check failed: %s\n", file, line, what);
	}
}

static inline int t_done(void)
{
	printf("%d passed, %d failed\n", t_pass, t_fail);
	return t_fail ? 1 : (t_pass ? 0 : 1); /* a test that checked nothing fails */
}

#endif
