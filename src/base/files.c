/* files.c: folders made on the way to a file, a file read whole (files.h). */
#include "diglot/common.h"
#include "diglot/files.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum dg_status files_make_parents(const char *path, char **cause)
{
	char *dir = xstrdup(path);
	enum dg_status rc = DG_OK;
	for (char *p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) == 0)
			chmod(dir, 0700); /* the umask may have taken bits away */
		else if (errno != EEXIST) {
			rc = dg_fail(cause, DG_ERR, "cannot create folder %s: %s", dir, strerror(errno));
			break;
		}
		*p = '/';
	}
	free(dir);
	return rc;
}

char *files_read(const char *path, size_t max, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 0, n = 0, r;
	char *buf = NULL;
	do {
		xgrow(&buf, &cap, MIN(n + 65536, max) + 1, 1);
		r = fread(buf + n, 1, MIN(cap - 1, max) - n, f);
		n += r;
	} while (r > 0 && n < max);
	fclose(f);
	buf[n] = '\0';
	*len = n;
	return buf;
}
