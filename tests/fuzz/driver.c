/*
 * driver.c: runs a fuzz target once on each file named, without libFuzzer
 * (gcc builds, make check).  Prints "N passed, 0 failed"; a broken
 * invariant or a sanitizer report aborts the run.
 */
#include "fuzz.h"
#include "diglot/files.h"

#include <string.h>

static uint8_t *read_all(const char *path, size_t *len)
{
	char *buf = files_read(path, SIZE_MAX - 1, len);
	if (!buf) {
		perror(path);
		exit(2);
	}
	return (uint8_t *)buf;
}

int main(int argc, char **argv)
{
	int ran = 0;
	for (int i = 1; i < argc; i++) {
		if (argv[i][0] == '-')
			continue; /* libFuzzer flags, meaningless here */
		size_t len;
		uint8_t *data = read_all(argv[i], &len);
		/* A copy of exactly len bytes, so ASan sees reads past the end. */
		uint8_t *exact = xmalloc(len ? len : 1);
		memcpy(exact, data, len);
		free(data);
		LLVMFuzzerTestOneInput(exact, len);
		free(exact);
		ran++;
	}
	printf("%d passed, 0 failed\n", ran);
	return ran ? 0 : 1;
}
