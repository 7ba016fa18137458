/*
 * ui.h: the ncurses reader.  The only module that includes curses; it
 * asks store for rows and layout for lines, and never writes SQL.
 */
#ifndef DIGLOT_UI_H
#define DIGLOT_UI_H

#include "diglot/settings.h"
#include "diglot/store.h"

/*
 * Feeds fetched from the reader.  The command line lends the reader a
 * fetcher that works on a thread of its own with a library connection of
 * its own (import_fetch.h): the ui links no network layer, and stays
 * responsive while it runs.
 */
struct ui_fetch_ops {
	/* Start fetching feeds ids[0..n) (n == 0: every feed) into the
	 * library at db; *job is handed to the others. */
	enum dg_status (*start)(const char *db, const int64_t *ids, size_t n, const struct settings *set,
	                        void **job, char **cause);
	/* Start fetching article id's page into the library at db: its text
	 * replaces the article's when it says more (import_full_article);
	 * polled, cancelled and joined as a fetch of feeds. */
	enum dg_status (*start_page)(const char *db, int64_t id, const struct settings *set, void **job,
	                             char **cause);
	void (*poll)(void *job, size_t *done, size_t *total, bool *finished);
	void (*cancel)(void *job);
	/* Wait for it and free it: the summary line and the first failure
	 * ("" none), both for the caller to free. */
	void (*join)(void *job, char **summary, char **first_error, unsigned long *failed);
};

struct ui_opts {
	const char *theme;  /* --theme NAME|PATH, NULL for the config's or default */
	const char *config; /* config file path, NULL for $XDG_CONFIG_HOME/diglot/config */
	const struct ui_fetch_ops *fetch; /* NULL: the reader cannot fetch */
};

/* Can this terminal run the reader (stdin and stdout a tty, a TERM with
 * a terminfo entry that moves the cursor)?  0 yes; -1 with the reason on
 * stderr.  Commands ask it before opening the library, so that a reader
 * that cannot start creates nothing. */
int ui_check_terminal(void);

/* Run the reader until the user quits.  Returns the process exit status. */
int ui_run(struct store *st, const struct ui_opts *o);

#endif
