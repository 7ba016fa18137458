/*
 * import.c: files and folders into the library.  First the inputs are
 * expanded into a sorted list of files (so progress has a total and the
 * order is stable), then each file is read, cleaned and analysed on parse
 * threads and stored, in list order, by the calling thread.
 * Stores are batched in transactions; a failed file is reported and the
 * batch goes on.
 */
#include "diglot/common.h"
#include "diglot/import.h"
#include "analyse.h"
#include "import_html.h"
#include "diglot/evidence.h"
#include "diglot/hash.h"
#include "diglot/html.h"
#include "diglot/sbuf.h"
#include "diglot/utf8.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <unictype.h>
#include <unistr.h>

/* Articles per transaction: each commit writes the batch's segment of the
 * search index and every index page the batch dirtied; the write lock is
 * held about half a second. */
#define IMPORT_BATCH 1024

struct file_list {
	char **paths;
	size_t n, cap;
};

struct importer {
	struct store *st;
	const struct import_opts *o;
	struct import_stats *stats;
	struct import_stats pending; /* stored in the open batch, not yet committed */
	bool in_batch;
	bool stopped; /* a batch was lost: the library cannot take more */
	size_t batch;
};

/* Say what failed, counting nothing. */
static void say(const struct importer *im, const char *path, const char *why)
{
	if (im->o && im->o->on_error)
		im->o->on_error(im->o->ctx, path, 0, why);
}

/* One file failed. */
static void report(const struct importer *im, const char *path, const char *why)
{
	im->stats->failed++;
	say(im, path, why);
}

/* A file left out on purpose: said, not counted as failed. */
static void notice(const struct importer *im, const char *path, const char *why)
{
	if (im->o && im->o->on_notice)
		im->o->on_notice(im->o->ctx, path, 0, why);
}

/* Why a path that is not a folder cannot be an article, or NULL. */
static const char *not_regular(const struct stat *sb)
{
	if (S_ISREG(sb->st_mode))
		return NULL;
	if (S_ISFIFO(sb->st_mode))
		return "not a regular file (a FIFO)";
	if (S_ISSOCK(sb->st_mode))
		return "not a regular file (a socket)";
	if (S_ISCHR(sb->st_mode) || S_ISBLK(sb->st_mode))
		return "not a regular file (a device)";
	return "not a regular file";
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
			notice(im, p, not_regular(&sb)); /* never opened: a FIFO would block */
			free(p);
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
		} else if (not_regular(&sb)) {
			report(im, paths[i], not_regular(&sb));
		} else {
			list_add(out, xstrdup(paths[i]));
		}
	}
}

/* Read at most HTML_MAX_INPUT + 1 bytes (web pages may be larger than
 * text), so an oversized stream is seen as such. */
static enum dg_status read_fd(int fd, struct sbuf *b, char **cause)
{
	char chunk[65536];
	for (;;) {
		ssize_t r = read(fd, chunk, sizeof chunk);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			return dg_fail(cause, DG_ERR, "%s", strerror(errno));
		}
		if (r == 0)
			return DG_OK;
		sbuf_add(b, chunk, (size_t)r);
		if (b->len > HTML_MAX_INPUT)
			return DG_OK;
	}
}

/* A file over the text limit is read only when it is a web page within
 * the page limit. */
static bool big_page(int fd, off_t size)
{
	char head[512];
	ssize_t r = pread(fd, head, sizeof head, 0);
	return size <= (off_t)HTML_MAX_INPUT && r > 0 && html_sniff(head, (size_t)r);
}

/* The limit of what was read: web pages have their own. */
static const char *too_large(const struct sbuf *raw)
{
	if (raw->len > HTML_MAX_INPUT)
		return "file too large (over 64 MiB)";
	if (raw->len > UTF8_MAX_INPUT && !html_sniff(sbuf_str(raw), raw->len))
		return "file too large (over 16 MiB)";
	return NULL;
}

static enum dg_status read_file(const char *path, struct sbuf *b, char **cause)
{
	if (strcmp(path, "-") == 0)
		return read_fd(STDIN_FILENO, b, cause);
	/* O_NONBLOCK: a FIFO put in the file's place since the walk must not
	 * block the open; fstat then refuses it. */
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0)
		return dg_fail(cause, DG_ERR, "%s", strerror(errno));
	struct stat sb;
	enum dg_status rc = DG_ERR;
	if (fstat(fd, &sb) != 0)
		dg_fail(cause, DG_ERR, "%s", strerror(errno));
	else if (S_ISDIR(sb.st_mode))
		dg_fail(cause, DG_ERR, "is a folder");
	else if (not_regular(&sb))
		dg_fail(cause, DG_ERR, "%s", not_regular(&sb));
	else if (fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK) != 0)
		dg_fail(cause, DG_ERR, "%s", strerror(errno));
	else if (sb.st_size > (off_t)UTF8_MAX_INPUT && !big_page(fd, sb.st_size))
		dg_fail(cause, DG_ERR, "file too large (over %zu MiB)",
		        sb.st_size > (off_t)HTML_MAX_INPUT ? HTML_MAX_INPUT >> 20 : UTF8_MAX_INPUT >> 20);
	else
		rc = DG_OK;
	if (rc != DG_OK) {
		close(fd);
		return rc;
	}
	rc = read_fd(fd, b, cause);
	close(fd);
	return rc;
}

/* Two letters or digits at least: what is left of a file of escape
 * sequences or symbols once they are cleaned away is not an article. */
static bool has_text(const struct article *a)
{
	int n = 0;
	for (size_t p = 0; p <= a->npara && n < 2; p++) {
		const char *t = p < a->npara ? a->paras[p].text : a->title;
		for (size_t i = 0, len = strlen(t); i < len && n < 2;) {
			ucs4_t c;
			int k = u8_mbtouc(&c, (const uint8_t *)t + i, len - i);
			n += uc_is_alnum(c);
			i += k > 0 ? (size_t)k : 1;
		}
	}
	return n >= 2;
}

static void clean_field(char **field)
{
	char *clean = utf8_clean_line(*field, strlen(*field));
	free(*field);
	*field = clean;
}

enum dg_status import_bytes(const char *bytes, size_t len, const char *source,
                 struct article *a, char **cause)
{
	return import_page(bytes, len, NULL, NULL, source, a, cause);
}

enum dg_status import_page(const char *bytes, size_t len, const char *url, const char *charset,
                           const char *source, struct article *a, char **cause)
{
	if (html_sniff(bytes, len)) {
		if (import_html(bytes, len, url, charset, a, cause) != DG_OK)
			return DG_ERR;
	} else {
		char *text;
		size_t tlen;
		if (utf8_clean(bytes, len, &text, &tlen, NULL, cause) != DG_OK)
			return DG_ERR;
		analyse_text(a, text, tlen);
		free(text);
	}
	if (!has_text(a)) {
		article_free(a);
		return dg_fail(cause, DG_ERR, "no text in file");
	}
	/* Titles, sources and URLs are shown on one line everywhere: no bidi
	 * control, invisible or control character survives in them, whatever
	 * the file or the command line said. */
	if (url && !a->url[0]) {
		free(a->url);
		a->url = xstrdup(url);
	}
	/* a fetched text names no outlet: its host does */
	char *host = url && !a->source[0] && !(source && source[0]) ? html_url_host(url) : NULL;
	if (host) {
		free(a->source);
		a->source = article_source_from_host(host);
		free(host);
	}
	clean_field(&a->title);
	clean_field(&a->url);
	if (!a->source[0] && source && source[0]) {
		free(a->source);
		a->source = xstrdup(source);
	}
	clean_field(&a->source);
	if (a->author)
		clean_field(&a->author);
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

static enum dg_status batch_step(struct importer *im)
{
	if (!im->in_batch) {
		if (store_begin(im->st) != DG_OK)
			return DG_ERR;
		im->in_batch = true;
		im->batch = 0;
	}
	return DG_OK;
}

/* The open batch is gone (its commit failed, or SQLite rolled it back):
 * what it held counts as failed, the error is said once, import stops. */
static void batch_lost(struct importer *im)
{
	unsigned long n = im->pending.imported + im->pending.updated + im->pending.unchanged;
	char *why = xasprintf("%s (%lu article%s of this batch not stored; import stopped)",
	                      store_error_reason(im->st), n, n == 1 ? "" : "s");
	store_rollback(im->st);
	im->in_batch = false;
	im->stopped = true;
	say(im, store_path(im->st), why);
	im->stats->failed += n;
	memset(&im->pending, 0, sizeof im->pending);
	free(why);
}

static void batch_flush(struct importer *im)
{
	if (!im->in_batch)
		return;
	if (store_commit(im->st) != DG_OK) {
		batch_lost(im);
		return;
	}
	im->in_batch = false;
	im->stats->imported += im->pending.imported;
	im->stats->updated += im->pending.updated;
	im->stats->unchanged += im->pending.unchanged;
	memset(&im->pending, 0, sizeof im->pending);
}

/* One file read, cleaned, analysed and hashed: everything but storing,
 * so that it can run on a parse thread.  why is owned (NULL: parsed). */
struct parsed {
	struct article a;
	struct evidence ev; /* its story keys, found here on the parse thread */
	struct lex_pair *pairs; /* a bilingual document's names, for the lexicon */
	size_t npairs;
	uint8_t sha[32];
	char *spath;
	char *why;
};

/* Story keys, with what the lexicon adds, and the names a bilingual
 * document teaches it. */
static void story_keys(struct parsed *p, const struct lexicon *lx)
{
	evidence_extract(&p->a, &p->ev);
	evidence_apply_lexicon(&p->a, lx, &p->ev);
	p->npairs = evidence_lex_pairs(&p->a, &p->pairs);
}

static void parse_file(const char *path, const char *source, const struct lexicon *lx, bool keys,
                       struct parsed *p)
{
	struct sbuf raw = SBUF_INIT;
	memset(p, 0, sizeof *p);
	if (read_file(path, &raw, &p->why) == DG_OK) {
		if (too_large(&raw))
			dg_fail(&p->why, DG_ERR, "%s", too_large(&raw));
		else if (import_bytes(sbuf_str(&raw), raw.len, source, &p->a, &p->why) == DG_OK) {
			hash_sha256(sbuf_str(&raw), raw.len, p->sha);
			p->spath = stored_path(path);
			if (keys)
				story_keys(p, lx);
		}
	}
	sbuf_free(&raw);
}

static void parsed_free(struct parsed *p)
{
	article_free(&p->a);
	evidence_free(&p->ev);
	lex_pairs_free(p->pairs, p->npairs);
	free(p->spath);
	free(p->why);
}

static void store_parsed(struct importer *im, const char *path, struct parsed *p)
{
	const char *shown = strcmp(path, "-") == 0 ? "(stdin)" : path;
	if (p->why) {
		report(im, shown, p->why);
		return;
	}
	enum store_put what;
	int64_t id;
	if (batch_step(im) != DG_OK) {
		report(im, shown, store_error(im->st));
		im->stopped = true; /* no transaction can be had: nothing more lands */
		return;
	}
	/* No date in the text is no date: the file's mtime is the day it was
	 * copied, not written (the store sorts it by its import time). */
	if (store_put_article(im->st, &p->a, p->spath, p->sha, HASH_KEY_SIZE, p->a.date, &id,
	                      &what) != DG_OK) {
		report(im, shown, store_error(im->st));
		if (!store_in_batch(im->st))
			batch_lost(im);
		return;
	}
	/* In the same batch: the next article of it can link to this one. */
	if (what != PUT_UNCHANGED && !(im->o && im->o->no_story_links) &&
	    (store_story_link(im->st, id, p->a.date, &p->ev) != DG_OK ||
	     store_lex_learn(im->st, p->pairs, p->npairs) != DG_OK)) {
		report(im, shown, store_error(im->st));
		if (!store_in_batch(im->st))
			batch_lost(im);
		return;
	}
	switch (what) {
	case PUT_NEW: im->pending.imported++; break;
	case PUT_UPDATED: im->pending.updated++; break;
	case PUT_UNCHANGED: im->pending.unchanged++; break;
	}
	if (++im->batch >= IMPORT_BATCH)
		batch_flush(im);
}

/* ---- the parse pipeline ------------------------------------------------ */

/*
 * Parsing (cleaning, language identification, alignment; for a web page
 * its extraction) costs more CPU than SQLite's insert and indexing, so
 * parse threads run ahead of the one thread that stores.  Files are claimed in order and stored in
 * order (slot i % PIPE_SLOTS), so IDs and messages follow the file list
 * exactly as a serial import would.
 */
/* Two batches: while the storing thread indexes one batch at commit (most
 * of its time) the parse threads fill the next.  With 64 slots they sat
 * idle through every commit and import ran at 1.1 cores, not 2. */
#define PIPE_SLOTS (2 * IMPORT_BATCH)
#define PIPE_MAX_THREADS 3

struct pipeline {
	const struct file_list *files;
	const char *source;
	bool keys; /* story keys wanted */
	const struct lexicon *lx; /* read only, shared */
	struct parsed *slot; /* PIPE_SLOTS of each: too big for the stack */
	bool *ready;
	size_t claimed;  /* files handed to parse threads */
	size_t consumed; /* files taken by the storing thread */
	bool stop;       /* the storing thread gave up: claim no more */
	pthread_mutex_t mu;
	pthread_cond_t parsed, space;
};

static void *pipe_worker(void *arg)
{
	struct pipeline *pl = arg;
	pthread_mutex_lock(&pl->mu);
	for (;;) {
		while (!pl->stop && pl->claimed < pl->files->n &&
		       pl->claimed >= pl->consumed + PIPE_SLOTS)
			pthread_cond_wait(&pl->space, &pl->mu);
		if (pl->stop || pl->claimed >= pl->files->n)
			break;
		size_t i = pl->claimed++;
		pthread_mutex_unlock(&pl->mu);
		struct parsed p;
		parse_file(pl->files->paths[i], pl->source, pl->lx, pl->keys, &p);
		pthread_mutex_lock(&pl->mu);
		pl->slot[i % PIPE_SLOTS] = p;
		pl->ready[i % PIPE_SLOTS] = true;
		pthread_cond_broadcast(&pl->parsed);
	}
	pthread_mutex_unlock(&pl->mu);
	return NULL;
}

static void pipe_take(struct pipeline *pl, size_t i, struct parsed *out)
{
	pthread_mutex_lock(&pl->mu);
	while (!pl->ready[i % PIPE_SLOTS])
		pthread_cond_wait(&pl->parsed, &pl->mu);
	*out = pl->slot[i % PIPE_SLOTS];
	pl->ready[i % PIPE_SLOTS] = false;
	pl->consumed = i + 1;
	pthread_cond_broadcast(&pl->space);
	pthread_mutex_unlock(&pl->mu);
}

static void pipe_stop(struct pipeline *pl)
{
	pthread_mutex_lock(&pl->mu);
	pl->stop = true;
	pthread_cond_broadcast(&pl->space);
	pthread_mutex_unlock(&pl->mu);
}

/* One parse thread a core: the storing thread waits for parsed files most
 * of the time, and when it is the slower one the parse threads fill the
 * slots and sleep.  With a core for it kept aside, 10,000 text files took
 * 4.2-5.0 s on two cores, 2.4-2.8 s with two parse threads. */
static int parse_threads(size_t nfiles)
{
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	long n = cpus > 1 ? cpus : 1;
	if (n > PIPE_MAX_THREADS)
		n = PIPE_MAX_THREADS;
	return nfiles < 2 ? 0 : (int)n;
}

/* After a stop, the files not yet stored are failed: said once. */
static void skip_rest(struct importer *im, size_t n)
{
	if (!n)
		return;
	char *why = xasprintf("%zu more file%s not imported", n, n == 1 ? "" : "s");
	say(im, store_path(im->st), why);
	im->stats->failed += n;
	free(why);
}

static void store_all(struct importer *im, const struct file_list *files)
{
	const struct import_opts *o = im->o;
	const char *source = o ? o->source : NULL;
	struct pipeline pl = {.files = files, .source = source, .keys = !(o && o->no_story_links)};
	/* The lexicon as the import began: what this import's bilingual
	 * documents teach serves the next. */
	struct lexicon *lx = NULL;
	if (pl.keys && store_lex_load(im->st, &lx) != DG_OK)
		say(im, store_path(im->st), store_error(im->st)); /* no lexicon: links without it */
	pl.lx = lx;
	pl.slot = xcalloc(PIPE_SLOTS, sizeof *pl.slot);
	pl.ready = xcalloc(PIPE_SLOTS, sizeof *pl.ready);
	pthread_t tid[PIPE_MAX_THREADS];
	int nt = 0, want = parse_threads(files->n);
	pthread_mutex_init(&pl.mu, NULL);
	pthread_cond_init(&pl.parsed, NULL);
	pthread_cond_init(&pl.space, NULL);
	for (int t = 0; t < want; t++)
		if (pthread_create(&tid[nt], NULL, pipe_worker, &pl) == 0)
			nt++;
	for (size_t i = 0; i < files->n; i++) {
		struct parsed p;
		if (nt)
			pipe_take(&pl, i, &p);
		else
			parse_file(files->paths[i], source, pl.lx, pl.keys, &p);
		store_parsed(im, files->paths[i], &p);
		parsed_free(&p);
		if (o && o->on_progress)
			o->on_progress(o->ctx, i + 1, files->n);
		if (im->stopped) {
			skip_rest(im, files->n - i - 1);
			break;
		}
	}
	pipe_stop(&pl);
	for (int t = 0; t < nt; t++)
		pthread_join(tid[t], NULL);
	for (size_t i = 0; i < PIPE_SLOTS; i++) /* parsed ahead of a stop */
		if (pl.ready[i])
			parsed_free(&pl.slot[i]);
	pthread_cond_destroy(&pl.space);
	free(pl.slot);
	free(pl.ready);
	lexicon_free(lx);
	pthread_cond_destroy(&pl.parsed);
	pthread_mutex_destroy(&pl.mu);
}

enum dg_status import_paths(struct store *st, char *const *paths, size_t n,
                 const struct import_opts *o, struct import_stats *stats)
{
	struct importer im = {.st = st, .o = o, .stats = stats};
	struct file_list files = {0};
	memset(stats, 0, sizeof *stats);

	expand_inputs(&im, paths, n, &files);
	bool bulk = files.n >= IMPORT_BATCH && store_bulk(st, true) == DG_OK;
	store_all(&im, &files);
	batch_flush(&im);
	if (bulk)
		store_bulk(st, false);
	for (size_t i = 0; i < files.n; i++)
		free(files.paths[i]);
	free(files.paths);
	return stats->failed ? DG_ERR : DG_OK;
}
