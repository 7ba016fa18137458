/*
 * ui_fetch.h: feeds fetched in the background (R every feed, C-r one)
 * while the reader stays responsive: progress on the status line, the
 * summary on the message line when it ends, new articles shown by the
 * reload that follows each stored batch.  A helper any screen may call,
 * not a screen.
 */
#ifndef DIGLOT_UI_FETCH_H
#define DIGLOT_UI_FETCH_H

#include "diglot/common.h"
#include "diglot/sbuf.h"

struct ui;
struct ui_fetch_ops;

struct ui_fetching {
	const struct ui_fetch_ops *ops; /* NULL: this reader cannot fetch */
	void *job;                       /* the running fetch; NULL none */
	char *what;                      /* "every feed" or the feed's name */
	size_t done, total;
	int64_t started_ms;              /* when the last fetch began (monotonic ms) */
	int64_t page;                    /* the article whose page is fetched; 0: feeds */
	int64_t page_done;               /* the article whose page fetch ended: the pager reads it again */
};

/* Start fetching feeds ids[0..n) (n == 0: every feed) named what for
 * the message line.  R_DRAW; one fetch at a time. */
int fetch_start(struct ui *ui, const int64_t *ids, size_t n, const char *what);
/* Fetch article id's page (at url, named on the message line) in the
 * background: its text replaces the article's when it says more, as
 * `fetch --full` does.  R_DRAW; one fetch (of feeds or a page) at a time. */
int fetch_page(struct ui *ui, int64_t id, const char *url);
/* No key came: follow the running fetch (R_DRAW, and R_RELOAD when it
 * ended); 0 when none runs. */
int fetch_idle(struct ui *ui);
/* "fetching 12/80" while one runs, for the status line; false when none. */
bool fetch_status(const struct ui *ui, struct sbuf *b);
/* The reader quits: stop the running fetch and wait for it. */
void fetch_stop(struct ui *ui);

#endif
