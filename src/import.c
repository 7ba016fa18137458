/*
 * import.c: files and folders into the library.  First the inputs are
 * expanded into a sorted list of files (so progress has a total and the
 * order is stable), then each file is read, cleaned, analysed and stored.
 * Stores are batched in transactions; a failed file is reported and the
 * batch goes on.
 */
#include "diglot/common.h"
#include "diglot/import.h"
#include "diglot/analyse.h"
#include "diglot/hash.h"
#include "diglot/sbuf.h"
#include "diglot/utf8.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define IMPORT_BATCH 256 /* articles per transaction */

struct file_list {
	char **paths;
	size_t n, cap;
};

struct importer {
	struct store *st;
	const struct import_opts *o;
	struct import_stats *stats;
	bool in_batch;
	size_t batch;
};

static void report(const struct importer *im, const char *path, const char *why)
{
	im->stats->failed++;
	if (im->o && im->o->on_error)
		im->o->on_error(im->o->ctx, path, why);
}

static void list_add(struct file_list *l, char *path)
{
	xgrow(&l->paths, &l->cap, l->n + 1, sizeof *l->paths);
	l->paths[l->n++] = path;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Walk a folder: regular files in name order, hidden entries skipped,
 * symbolic links to folders not followed (no cycles). */
static void walk_dir(struct importer *im, const char *dir, struct file_list *out)
{
	DIR *d = opendir(dir);
	if (!d) {
		report(im, dir, strerror(errno));
		return;
	}
	struct file_list names = {0};
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		list_add(&names, xasprintf("%s/%s", dir, e->d_name));
	}
	closedir(d);
	qsort(names.paths, names.n, sizeof *names.paths, cmp_str);
	for (size_t i = 0; i < names.n; i++) {
		struct stat sb, lsb;
		char *p = names.paths[i];
		if (stat(p, &sb) != 0) {
			report(im, p, strerror(errno));
			free(p);
		} else if (S_ISDIR(sb.st_mode)) {
			if (lstat(p, &lsb) == 0 && !S_ISLNK(lsb.st_mode))
				walk_dir(im, p, out);
			free(p);
		} else if (S_ISREG(sb.st_mode)) {
			list_add(out, p);
		} else {
			free(p); /* sockets, fifos, devices: not articles */
		}
	}
	free(names.paths);
}

static void expand_inputs(struct importer *im, char *const *paths, size_t n, struct file_list *out)
{
	for (size_t i = 0; i < n; i++) {
		struct stat sb;
		if (strcmp(paths[i], "-") == 0) {
			list_add(out, xstrdup("-"));
		} else if (stat(paths[i], &sb) != 0) {
			report(im, paths[i], strerror(errno));
		} else if (S_ISDIR(sb.st_mode)) {
			size_t len = strlen(paths[i]);
			while (len > 1 && paths[i][len - 1] == '/')
				len--;
			char *dir = xstrndup(paths[i], len);
			walk_dir(im, dir, out);
			free(dir);
		} else {
			list_add(out, xstrdup(paths[i]));
		}
	}
}

/* Read at most UTF8_MAX_INPUT + 1 bytes, so an oversized stream is seen as such. */
static int read_fd(int fd, struct sbuf *b, const char **why)
{
	char chunk[65536];
	for (;;) {
		ssize_t r = read(fd, chunk, sizeof chunk);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			*why = strerror(errno);
			return DG_ERR;
		}
		if (r == 0)
			return DG_OK;
		sbuf_add(b, chunk, (size_t)r);
		if (b->len > UTF8_MAX_INPUT)
			return DG_OK;
	}
}

static int read_file(const char *path, struct sbuf *b, int64_t *mtime, const char **why)
{
	if (strcmp(path, "-") == 0) {
		*mtime = (int64_t)time(NULL);
		return read_fd(STDIN_FILENO, b, why);
	}
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		*why = strerror(errno);
		return DG_ERR;
	}
	struct stat sb;
	if (fstat(fd, &sb) != 0) {
		*why = strerror(errno);
		close(fd);
		return DG_ERR;
	}
	if (S_ISDIR(sb.st_mode)) {
		*why = "is a folder";
		close(fd);
		return DG_ERR;
	}
	if (sb.st_size > (off_t)UTF8_MAX_INPUT) {
		*why = "file too large (over 16 MiB)";
		close(fd);
		return DG_ERR;
	}
	*mtime = (int64_t)sb.st_mtime;
	int rc = read_fd(fd, b, why);
	close(fd);
	return rc;
}

int import_bytes(const char *bytes, size_t len, const char *source,
                 struct article *a, const char **why)
{
	char *text;
	size_t tlen;
	if (utf8_clean(bytes, len, &text, &tlen, NULL, why) != DG_OK)
		return DG_ERR;
	analyse_text(a, text, tlen);
	free(text);
	if (a->npara == 0 && !a->title[0]) {
		*why = "no text in file";
		article_free(a);
		return DG_ERR;
	}
	if (!a->source[0] && source && source[0]) {
		free(a->source);
		a->source = xstrdup(source);
	}
	return DG_OK;
}

/* The path stored with an article: absolute, so that importing the same
 * file again from another folder finds it. */
static char *stored_path(const char *path)
{
	if (strcmp(path, "-") == 0)
		return xstrdup("-");
	char *abs = realpath(path, NULL);
	return abs ? abs : xstrdup(path);
}

static int batch_step(struct importer *im)
{
	if (!im->in_batch) {
		if (store_begin(im->st) != DG_OK)
			return DG_ERR;
		im->in_batch = true;
		im->batch = 0;
	}
	return DG_OK;
}

static int batch_flush(struct importer *im)
{
	if (!im->in_batch)
		return DG_OK;
	im->in_batch = false;
	if (store_commit(im->st) != DG_OK) {
		store_rollback(im->st);
		return DG_ERR;
	}
	return DG_OK;
}

static void import_one(struct importer *im, const char *path)
{
	struct sbuf raw = SBUF_INIT;
	struct article a = {0};
	const char *why = NULL;
	int64_t mtime = 0;
	const char *shown = strcmp(path, "-") == 0 ? "(stdin)" : path;

	if (read_file(path, &raw, &mtime, &why) != DG_OK) {
		report(im, shown, why);
		goto out;
	}
	if (raw.len > UTF8_MAX_INPUT) {
		report(im, shown, "file too large (over 16 MiB)");
		goto out;
	}
	if (import_bytes(sbuf_str(&raw), raw.len, im->o ? im->o->source : NULL, &a, &why) != DG_OK) {
		report(im, shown, why);
		goto out;
	}
	char hex[HASH_HEX_SIZE];
	hash_hex(sbuf_str(&raw), raw.len, hex);
	char *spath = stored_path(path);
	enum store_put what;
	int64_t id;
	if (batch_step(im) != DG_OK ||
	    store_put_article(im->st, &a, spath, hex, a.date ? a.date : mtime, &id, &what) != DG_OK) {
		report(im, shown, store_error(im->st));
	} else {
		switch (what) {
		case PUT_NEW: im->stats->imported++; break;
		case PUT_UPDATED: im->stats->updated++; break;
		case PUT_UNCHANGED: im->stats->unchanged++; break;
		}
		if (++im->batch >= IMPORT_BATCH && batch_flush(im) != DG_OK)
			report(im, shown, store_error(im->st));
	}
	free(spath);
out:
	article_free(&a);
	sbuf_free(&raw);
}

int import_paths(struct store *st, char *const *paths, size_t n,
                 const struct import_opts *o, struct import_stats *stats)
{
	struct importer im = {st, o, stats, false, 0};
	struct file_list files = {0};
	memset(stats, 0, sizeof *stats);

	expand_inputs(&im, paths, n, &files);
	for (size_t i = 0; i < files.n; i++) {
		import_one(&im, files.paths[i]);
		if (o && o->on_progress)
			o->on_progress(o->ctx, i + 1, files.n);
	}
	if (batch_flush(&im) != DG_OK)
		report(&im, store_path(st), store_error(st));
	for (size_t i = 0; i < files.n; i++)
		free(files.paths[i]);
	free(files.paths);
	return stats->failed ? DG_ERR : DG_OK;
}
