/*
 * fuzz.h: what the fuzz targets share.  Each tests/fuzz/fuzz-*.c defines
 * LLVMFuzzerTestOneInput; with ./configure --enable-fuzzing it links
 * libFuzzer, otherwise driver.c runs it once per file named on the
 * command line, which is how make check replays every corpus.
 * FUZZ_ASSERT aborts, so a broken invariant is a finding like a crash.
 */
#ifndef DIGLOT_FUZZ_H
#define DIGLOT_FUZZ_H

#include "diglot/common.h"

#include <stdio.h>
#include <stdlib.h>

#define FUZZ_ASSERT(cond, ...) do { \
	if (!(cond)) { \
		fprintf(stderr, "%s:%d: invariant broken: %s: ", __FILE__, __LINE__, #cond); \
		fprintf(stderr, __VA_ARGS__); \
		fputc('\n', stderr); \
		abort(); \
	} \
} while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
