/*
 * history.c: the search history file (history.h).
 */
#include "diglot/common.h"
#include "diglot/history.h"
#include "diglot/files.h"
#include "confline.h"
#include "diglot/utf8.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

char *history_path(void)
{
	const char *xdg = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
	if (xdg && xdg[0] == '/') /* the XDG spec: relative values are ignored */
		return xasprintf("%s/diglot/history", xdg);
	if (home && home[0])
		return xasprintf("%s/.local/state/diglot/history", home);
	return NULL;
}

void history_free(struct history *h)
{
	for (size_t i = 0; i < h->n; i++)
		free(h->items[i]);
	free(h->items);
	*h = (struct history){NULL, 0, 0};
}

/* Take ownership of a cleaned entry. */
static void push_clean(struct history *h, char *e)
{
	if (!*e || (h->n && strcmp(h->items[h->n - 1], e) == 0)) {
		free(e);
		return;
	}
	if (h->n == HISTORY_MAX) {
		free(h->items[0]);
		memmove(h->items, h->items + 1, (h->n - 1) * sizeof *h->items);
		h->n--;
	}
	xgrow(&h->items, &h->cap, h->n + 1, sizeof *h->items);
	h->items[h->n++] = e;
}

void history_add(struct history *h, const char *entry)
{
	push_clean(h, utf8_clean_line(entry, strlen(entry)));
}

void history_parse(struct history *h, const char *text, size_t len)
{
	history_free(h);
	size_t i = 0;
	while (i < len) {
		const char *nl = memchr(text + i, '\n', len - i);
		size_t end = nl ? (size_t)(nl - text) : len;
		push_clean(h, utf8_clean_line(text + i, end - i));
		i = end + 1;
	}
}

void history_load(struct history *h, const char *path)
{
	size_t len;
	char *buf = path ? confline_read(path, &len) : NULL;
	if (!buf) {
		history_free(h);
		return;
	}
	history_parse(h, buf, len);
	free(buf);
}

static bool write_all(FILE *f, const struct history *h)
{
	for (size_t i = 0; i < h->n; i++)
		if (fprintf(f, "%s\n", h->items[i]) < 0)
			return false;
	return fflush(f) == 0 && fsync(fileno(f)) == 0;
}

enum dg_status history_save(const struct history *h, const char *path, char **cause)
{
	if (files_make_parents(path, cause) != DG_OK)
		return DG_ERR;
	char *tmp = xasprintf("%s.XXXXXX", path);
	int fd = mkstemp(tmp); /* 0600: searches are nobody else's business */
	FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
	enum dg_status rc = DG_OK;
	if (!f) {
		rc = dg_fail(cause, DG_ERR, "cannot write %s: %s", path, strerror(errno));
		if (fd >= 0)
			close(fd);
	} else {
		bool ok = write_all(f, h);
		ok = fclose(f) == 0 && ok;
		if (!ok || rename(tmp, path) != 0)
			rc = dg_fail(cause, DG_ERR, "cannot write %s: %s", path, strerror(errno));
	}
	if (rc != DG_OK && fd >= 0)
		unlink(tmp);
	free(tmp);
	return rc;
}
