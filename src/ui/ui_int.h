/*
 * ui_int.h: the reader's shared state and the functions its files offer
 * each other.  Files:
 *   ui.c         start-up, terminal checks, signals, the event loop
 *   ui_draw.c    colours from the theme, safe text painting, bars
 *   ui_msg.c     the message line
 *   ui_url.c     copying (OSC 52) and opening ($BROWSER) an article's URL
 *   ui_scroll.c  cursor and view movement for every list-like screen
 *   ui_flag.c    read and bookmark: the one function that changes them
 *   ui_list.c    sidebar groups and the article list (a window over store_list)
 *   ui_pager.c   one article laid out for the width, views, match highlighting
 *   ui_prompt.c  the '/' search prompt with as-you-type results
 *   ui_help.c    the help screen
 * Handlers return enum ui_result bits; only the loop in ui.c paints.
 */
#ifndef DIGLOT_UI_INT_H
#define DIGLOT_UI_INT_H

#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include "diglot/common.h"
#include <curses.h>

#include "diglot/keys.h"
#include "diglot/layout.h"
#include "diglot/sbuf.h"
#include "diglot/settings.h"
#include "diglot/store.h"
#include "diglot/theme.h"
#include "ui_flag.h"
#include "ui_msg.h"
#include "ui_scroll.h"

/* What a handler changed (htop's HandlerResult): the loop redraws that. */
enum ui_result {
	R_NONE = 0,
	R_DRAW = 1,      /* repaint the screen */
	R_RELOAD = 2,    /* counts and list changed in the store: refetch */
	R_RELAYOUT = 4,  /* the article must be laid out again */
	R_QUIT = 8,
	R_FLAGGED = 16,  /* ui->flagged changed in the store: screens follow it */
};

enum ui_mode { MODE_LIST, MODE_PAGER, MODE_HELP };
enum ui_focus { FOCUS_LIST, FOCUS_SIDEBAR };

enum sb_kind { SB_ALL, SB_UNREAD, SB_BOOKMARKED, SB_HEADING, SB_LANG, SB_SOURCE, SB_BILINGUAL };

struct sb_item {
	enum sb_kind kind;
	char *name;  /* language code or source name; NULL otherwise */
	char *label; /* what the sidebar shows */
	int64_t total, unread;
};

struct list_row {
	int64_t id, date;
	char langs[2 * LANG_CODE_SIZE + 1];
	char *title, *source, *url;
	bool read, bookmarked;
};

struct ui {
	struct store *st;
	struct settings set;
	struct theme theme;
	char *config_dir;
	int rows, cols;
	bool utf8;        /* the locale is UTF-8 */
	bool color;
	enum ui_mode mode, help_return;
	enum ui_focus focus;
	bool sidebar_on;  /* the user's choice; hidden anyway when narrow */

	/* Sidebar: the groups, selection and scroll. */
	struct sb_item *sb;
	size_t nsb, capsb;
	struct scroll sb_sc; /* cur: the selected group */
	int sb_active; /* the group the list shows */
	enum sb_kind group_kind; /* ...remembered by kind and name across reloads */
	char *group_name;

	/* The list: filter of the active group, order, a window of rows. */
	struct store_filter filter;
	char *query;             /* the search behind the list; NULL none */
	enum store_order order;
	struct scroll list_sc;   /* count: rows in the whole list, -1 before counting */
	struct list_row *wrows;  /* rows [win, win + nrows) of the list */
	size_t nrows, caprows;
	int64_t win;
	bool first_screen;       /* the window holds only the rows of the first paint */

	/* The pager. */
	struct article art;
	struct store_meta meta;
	bool art_loaded;
	struct layout lay;
	int lay_width;
	int view;     /* requested enum layout_view */
	struct scroll pager_sc; /* top: the first line shown */

	/* Help screen lines. */
	char **help;
	size_t nhelp;
	struct scroll help_sc;

	/* Search prompt. */
	bool prompting;
	struct sbuf edit;
	size_t edit_pos;        /* byte offset of the cursor in edit */
	char *saved_query;      /* the list to restore on Esc */
	int64_t saved_cur;
	bool search_pending;
	int64_t edit_time_ms;

	struct flag_change flagged; /* the last flag changed (R_FLAGGED) */
	struct msgline msg;
};

/* The rows between the title bar and the status and message lines. */
static inline int ui_body_rows(const struct ui *ui)
{
	return MAX(1, ui->rows - 3);
}

/* ui.c */
int64_t ui_now_ms(void);
int ui_sidebar_width(const struct ui *ui);

/* ui_list.c */
void list_init(struct ui *ui);
/* After the first paint: read the rest of the list window, which start
 * left out so that the first screen waits only for the rows it shows. */
void list_fill_window(struct ui *ui);
void list_free(struct ui *ui);
int list_reload(struct ui *ui);     /* keep the current article where possible */
/* ui->flagged happened: update its row and the counts without refetching
 * the list, unless the list filters on flags. */
int list_flag_changed(struct ui *ui);
void list_draw(struct ui *ui);
int list_handle(struct ui *ui, enum request r);
const struct list_row *list_current(const struct ui *ui);
void list_set_query(struct ui *ui, const char *query);
void sidebar_load(struct ui *ui);
void list_status(struct ui *ui, struct sbuf *out);

/* ui_pager.c */
int pager_open(struct ui *ui, int64_t id);
void pager_close(struct ui *ui);
void pager_draw(struct ui *ui);
int pager_handle(struct ui *ui, enum request r);
void pager_flag_changed(struct ui *ui);

/* ui_prompt.c */
int prompt_start(struct ui *ui);
int prompt_key(struct ui *ui, int code);
int prompt_idle(struct ui *ui);
void prompt_draw(struct ui *ui);

/* ui_help.c */
int help_open(struct ui *ui);
void help_draw(struct ui *ui);
int help_handle(struct ui *ui, enum request r);
void help_free(struct ui *ui);

#endif
