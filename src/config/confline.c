/* confline.c: reading and splitting config-style files (config, themes). */
#include "diglot/common.h"
#include "confline.h"
#include "diglot/files.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CONFLINE_MAX_BYTES ((size_t)1 << 20)
#define CONFLINE_MAX_WORDS 32

int confline_parse(const char *text, size_t len, const char *file, const char *seps, int maxwords,
                   confline_apply_fn apply, void *actx, dg_error_fn err, void *ectx)
{
	int bad = 0, lineno = 0;
	const char *p = text, *end = text + len;
	char *w[CONFLINE_MAX_WORDS];
	maxwords = MIN(maxwords, CONFLINE_MAX_WORDS);
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		char *line = xstrndup(p, n), *save = NULL;
		int nw = 0;
		lineno++;
		if (n && line[n - 1] == '\r')
			line[n - 1] = '\0';
		for (char *t = strtok_r(line, seps, &save); t && nw < maxwords; t = strtok_r(NULL, seps, &save)) {
			if (t[0] == '#')
				break;
			w[nw++] = t;
		}
		const char *why = nw ? apply(actx, w, nw) : NULL;
		if (why) {
			bad++;
			if (err)
				err(ectx, file, lineno, why);
		}
		free(line);
		p += n + (nl != NULL);
	}
	return bad;
}

char *confline_read(const char *path, size_t *len)
{
	return files_read(path, CONFLINE_MAX_BYTES, len);
}
