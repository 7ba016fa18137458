/*
 * ui_fetch.c: feeds fetched in the background.  The fetch itself is the
 * command line's (ui_fetch_ops), on its own thread and library connection;
 * this side starts it, shows its progress and ends it.
 */
#include "ui_fetch.h"
#include "ui_int.h"
#include "ui_msg.h"
#include "diglot/ui.h"
#include "diglot/utf8.h"

#include <stdlib.h>
#include <string.h>

/* Can a fetch start now?  Else the message line says why. */
static bool fetch_free_now(struct ui *ui)
{
	struct ui_fetching *f = &ui->fetching;
	if (!f->ops) {
		msg_set(ui, true, "fetching: not available in this reader");
		return false;
	}
	if (f->job) {
		msg_set(ui, false, "already fetching %s (%zu/%zu)", f->what, f->done, f->total);
		return false;
	}
	return true;
}

/* The job started (rc), named what; or why it did not. */
static bool fetch_started(struct ui *ui, enum dg_status rc, char *cause, const char *what)
{
	struct ui_fetching *f = &ui->fetching;
	if (rc != DG_OK) {
		msg_set(ui, true, "fetching %s: %s", what, cause ? cause : "cannot start");
		free(cause);
		f->job = NULL;
		return false;
	}
	free(f->what);
	f->what = xstrdup(what);
	f->done = f->total = 0;
	f->page = 0;
	return true;
}

int fetch_start(struct ui *ui, const int64_t *ids, size_t n, const char *what)
{
	struct ui_fetching *f = &ui->fetching;
	if (!fetch_free_now(ui))
		return R_DRAW;
	char *cause = NULL;
	enum dg_status rc = f->ops->start(store_path(ui->st), ids, n, &ui->set, &f->job, &cause);
	if (!fetch_started(ui, rc, cause, what))
		return R_DRAW;
	f->started_ms = ui_clock_ms();
	msg_set(ui, false, "fetching %s in the background", what);
	return R_DRAW;
}

int fetch_page(struct ui *ui, int64_t id, const char *url)
{
	struct ui_fetching *f = &ui->fetching;
	if (!url || (strncmp(url, "http://", 7) != 0 && strncmp(url, "https://", 8) != 0)) {
		msg_set(ui, true, "article %lld has no web address to fetch", (long long)id);
		return R_DRAW;
	}
	if (!fetch_free_now(ui))
		return R_DRAW;
	char *cause = NULL;
	enum dg_status rc = f->ops->start_page(store_path(ui->st), id, &ui->set, &f->job, &cause);
	char *what = xasprintf("the page of article %lld", (long long)id);
	bool ok = fetch_started(ui, rc, cause, what);
	free(what);
	if (!ok)
		return R_DRAW;
	f->page = id;
	/* the URL is outside bytes: made terminal-safe */
	char *safe = utf8_sanitize(url, strlen(url), false);
	msg_set(ui, false, "fetching %s%s", safe, ui->utf8 ? "\xe2\x80\xa6" : "...");
	free(safe);
	return R_DRAW;
}

static int fetch_end(struct ui *ui)
{
	struct ui_fetching *f = &ui->fetching;
	char *summary = NULL, *first = NULL;
	unsigned long failed = 0;
	f->ops->join(f->job, &summary, &first, &failed);
	f->job = NULL;
	f->page_done = f->page;
	f->page = 0;
	/* the first failure names a feed's URL and a server's reason:
	 * outside bytes, made terminal-safe */
	char *safe = utf8_sanitize(first, strlen(first), false);
	if (safe[0])
		msg_set(ui, failed > 0, "%s; %s", summary, safe);
	else
		msg_set(ui, false, "%s", summary);
	free(safe);
	free(summary);
	free(first);
	return R_DRAW | R_RELOAD;
}

int fetch_idle(struct ui *ui)
{
	struct ui_fetching *f = &ui->fetching;
	/* the reload that followed a page's fetch is over: a pager opened on
	 * that article later reads it as it opens */
	f->page_done = 0;
	/* fetch-interval: every feed, that many minutes after the last fetch
	 * began (or the reader started) */
	if (!f->job && f->ops && ui->set.fetch_interval > 0) {
		if (!f->started_ms)
			f->started_ms = ui_clock_ms();
		else if (ui_clock_ms() - f->started_ms >= (int64_t)ui->set.fetch_interval * 60000)
			return fetch_start(ui, NULL, 0, "every feed");
	}
	if (!f->job)
		return 0;
	size_t done, total;
	bool finished;
	f->ops->poll(f->job, &done, &total, &finished);
	if (finished)
		return fetch_end(ui);
	if (done == f->done && total == f->total)
		return 0;
	f->done = done;
	f->total = total;
	return R_DRAW;
}

bool fetch_status(const struct ui *ui, struct sbuf *b)
{
	const struct ui_fetching *f = &ui->fetching;
	if (!f->job)
		return false;
	if (f->page)
		sbuf_addf(b, "fetching the page of article %lld", (long long)f->page);
	else
		sbuf_addf(b, "fetching %zu/%zu", f->done, f->total);
	return true;
}

void fetch_stop(struct ui *ui)
{
	struct ui_fetching *f = &ui->fetching;
	if (f->job) {
		char *summary, *first;
		unsigned long failed;
		f->ops->cancel(f->job);
		f->ops->join(f->job, &summary, &first, &failed);
		free(summary);
		free(first);
		f->job = NULL;
	}
	free(f->what);
	f->what = NULL;
}
