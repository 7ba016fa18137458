/*
 * ui.h: the ncurses reader.  The only module that includes curses; it
 * asks store for rows and layout for lines, and never writes SQL.
 */
#ifndef DIGLOT_UI_H
#define DIGLOT_UI_H

#include "diglot/store.h"

struct ui_opts {
	const char *theme;  /* --theme NAME|PATH, NULL for the config's or default */
	const char *config; /* config file path, NULL for $XDG_CONFIG_HOME/diglot/config */
};

/* Can this terminal run the reader (stdin and stdout a tty, a TERM with
 * a terminfo entry that moves the cursor)?  0 yes; -1 with the reason on
 * stderr.  Commands ask it before opening the library, so that a reader
 * that cannot start creates nothing. */
int ui_check_terminal(void);

/* Run the reader until the user quits.  Returns the process exit status. */
int ui_run(struct store *st, const struct ui_opts *o);

#endif
