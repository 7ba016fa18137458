/*
 * import.h: files and folders into the library.  Reads bytes, runs the
 * text core, hands articles to store in batched transactions, reports
 * every failed file and goes on with the rest.
 */
#ifndef DIGLOT_IMPORT_H
#define DIGLOT_IMPORT_H

#include "diglot/store.h"

struct import_stats {
	unsigned long imported, updated, unchanged, failed;
};

struct import_opts {
	const char *source; /* --source: outlet for articles that name none */
	/* A file failed: path, line 0 and why (already user-readable). */
	dg_error_fn on_error;
	/* A file inside a folder left out (a FIFO, socket or device): said,
	 * not counted as failed. */
	dg_error_fn on_notice;
	/* Progress: files done out of total (total 0 while still counting). */
	void (*on_progress)(void *ctx, size_t done, size_t total);
	void *ctx;
	/* Leave story links and their keys out (the baseline of
	 * tests/bench/story: an import as it was before stories). */
	bool no_story_links;
};

/* Import each path (file, folder walked recursively, or "-" for one
 * article on stdin).  Returns DG_OK when every input landed, DG_ERR when
 * some failed (they were reported; the rest are stored). */
enum dg_status import_paths(struct store *st, char *const *paths, size_t n,
                 const struct import_opts *o, struct import_stats *stats);

/* Read, clean and analyse one file's bytes; exposed for tests and show. */
enum dg_status import_bytes(const char *bytes, size_t len, const char *source,
                 struct article *a, char **cause);
/* The same for bytes fetched from url (a web page or text), with the
 * HTTP charset (NULL none): the page's URL and host stand in for what it
 * does not say. */
enum dg_status import_page(const char *bytes, size_t len, const char *url, const char *charset,
                           const char *source, struct article *a, char **cause);

/* An http or https URL, which import fetches rather than opens. */
bool import_is_url(const char *s);
/* Fetch the n URLs at once (fetch.h) and import what each serves as one
 * article, stored under its URL (importing it again updates it).  Each
 * failure is reported through o->on_error naming the URL.  Counts go to
 * stats, added to what it holds. */
enum dg_status import_urls(struct store *st, char *const *urls, size_t n,
                           const struct import_opts *o, struct import_stats *stats);

#endif
