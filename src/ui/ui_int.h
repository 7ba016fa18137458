/*
 * ui_int.h: the reader's shared state and the table of operations each
 * screen fills.  Files:
 *   ui.c         start-up, terminal checks, signals, the screen stack, the event loop
 *   ui_list.c    screen: the article list (a window over store_list) beside the sidebar
 *   ui_sidebar.c the list screen's sidebar: groups, counts, selection, painting
 *   ui_pager.c   screen: one article laid out for the width, views, match highlighting; its story (Also in, B beside, X unlink)
 *   ui_links.c   screen: the article's URL and the URLs in its text, to open or copy
 *   ui_story.c   screen: the articles of the article's story, to open one, see it beside, flag or unlink it
 *   ui_help.c    screen: the keys and actions, from the key table
 *   ui_draw.c    colours from the theme, safe text painting, bars, match ranges
 *   ui_scroll.c  cursor and view movement for every list-like screen
 *   ui_prompt.c  the '/' search prompt on the last line
 *   ui_msg.c     the message line
 *   ui_confirm.c a y/n question on the message line before a request runs
 *   ui_flag.c    read and bookmark: the one function that changes them
 *   ui_url.c     copying (OSC 52) and opening ($BROWSER) an article's URL
 *   ui_export.c  the article as text to a file (save) or a command (pipe)
 * A screen is one file defining a struct screen_ops, listed once in
 * SCREEN_TABLE.  Screens never call each other: handlers return enum
 * ui_result bits, and only the loop in ui.c opens and closes screens,
 * passes changes around and paints.  Helpers (draw, scroll, prompt, msg,
 * flag, url, confirm) are no screens; any screen may call them.  The
 * sidebar is a part of the list screen, used by it alone.
 */
#ifndef DIGLOT_UI_INT_H
#define DIGLOT_UI_INT_H

#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include "diglot/common.h"
#include <curses.h>
#include <time.h>

#include "diglot/keys.h"
#include "diglot/layout.h"
#include "diglot/sbuf.h"
#include "diglot/settings.h"
#include "diglot/store.h"
#include "diglot/theme.h"
#include "ui_confirm.h"
#include "ui_fetch.h"
#include "ui_flag.h"
#include "ui_msg.h"
#include "ui_prompt.h"

/* What a handler changed or asks for (htop's HandlerResult): the loop acts on it. */
enum ui_result {
	R_NONE = 0,
	R_DRAW = 1,          /* repaint the screen */
	R_RELOAD = 2,        /* the library may have changed: open screens refetch */
	R_RELAYOUT = 4,      /* the article must be laid out again */
	R_QUIT = 8,
	R_FLAGGED = 16,      /* ui->flagged changed in the store: open screens follow it */
	R_QUERY = 32,        /* ui->query changed: open screens follow it */
	R_OPEN_ARTICLE = 64, /* open the article screen on ui->article */
	R_BACK = 128,        /* close this screen, back to the one under it; with R_OPEN_ARTICLE
	                        the pager takes its place (and a pager's under it) */
	R_PASS = 256,        /* not this screen's request: a screen it opens may take it */
	R_STEP = 512,        /* open the next or previous article (ui->step) of the screen below */
};

/* What R_STEP asks for: the screen under the pager moves its cursor. */
struct step {
	int dir;     /* 1 next, -1 previous */
	bool unread; /* to the next unread one */
};

/* The shared state: only what more than one screen or helper reads. */
struct ui {
	struct store *st;
	struct settings set;
	char *config_path;  /* the config file read (or looked for); NULL none */
	struct theme theme;
	int rows, cols;
	bool utf8;          /* the locale is UTF-8 */
	bool color;
	char *query;        /* the library search: the list's results; NULL none */
	int64_t article;    /* the article a screen opens on, handed over by the one below */
	int64_t beside;     /* the article the pager opens beside that one (story screen's B); 0 none */
	struct flag_change flagged; /* the last flag changed (R_FLAGGED) */
	struct step step;           /* the move R_STEP asks for */
	struct confirm confirm;     /* a question waiting for y or n */
	const char *answer;         /* the text a prompt_ask prompt took, while its request runs */
	struct prompt prompt;
	struct msgline msg;
	struct ui_fetching fetching; /* feeds fetched in the background */
};

/* Monotonic milliseconds, for timers (the message line, fetch-interval). */
static inline int64_t ui_clock_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* The rows between the title bar and the status and message lines. */
static inline int ui_body_rows(const struct ui *ui)
{
	return MAX(1, ui->rows - 3);
}

/* How the search prompt closed, for the screen it was opened on. */
enum search_event { SEARCH_ENTER, SEARCH_CANCEL };

/*
 * One screen (tig's view_ops).  State is the screen's own struct, made by
 * open and freed by close; nothing else sees inside it.  Handlers return
 * enum ui_result bits.  Operations marked optional may be NULL.
 */
struct screen_ops {
	const char *name;
	/* The request that opens it over any screen that passes it on
	 * (R_PASS); REQ_NONE when only a result opens it. */
	enum request opener;
	/* The results follow the search prompt as the user types, and Esc
	 * restores the search there was; else the search waits for Enter. */
	bool live_search;
	/* The state, or NULL when it cannot open (the message line says why);
	 * *res gets the result bits of opening. */
	void *(*open)(struct ui *ui, int *res);
	void (*close)(void *state);
	/* Paint the body rows and write the two bars' text. */
	void (*draw)(struct ui *ui, void *state, struct sbuf *title, struct sbuf *status);
	int (*handle)(struct ui *ui, void *state, enum request r);
	/* Optional: follow a change made elsewhere (R_RELOAD, R_QUERY or
	 * R_FLAGGED); every open screen hears it, not only the top one. */
	int (*update)(struct ui *ui, void *state, int what);
	/* Optional: the prompt opened on this screen closed; with live_search
	 * ui->query is set, else the screen reads prompt_text itself. */
	int (*search)(struct ui *ui, void *state, enum search_event ev);
	/* Optional: after a paint, read what the first paint left out; true
	 * when there was something to do (traced as fill_window). */
	bool (*fill)(struct ui *ui, void *state);
	/* Optional: the article a screen opened over this one acts on; 0 none. */
	int64_t (*article)(const void *state);
	/* Optional: R_STEP from a screen opened over this one, which shows
	 * article from: move the cursor to the article after (dir 1) or
	 * before (-1) it, or the next unread one; false when there is none. */
	bool (*step)(struct ui *ui, void *state, int64_t from, const struct step *st);
	/* Optional: a mouse click at screen row y, column x: put the cursor
	 * on what is there; false when nothing is (a double click then opens
	 * nothing: the loop sends REQ_OPEN only after a true). */
	bool (*click)(struct ui *ui, void *state, int y, int x);
};

/* Every screen, the first opening at start-up.  S(name): the file defines
 * name_screen.  A new screen is a new file and a line here. */
#define SCREEN_TABLE(S) \
	S(list) \
	S(pager) \
	S(links) \
	S(story) \
	S(help)

#define SCREEN_EXTERN(name) extern const struct screen_ops name##_screen;
SCREEN_TABLE(SCREEN_EXTERN)
#undef SCREEN_EXTERN

#endif
