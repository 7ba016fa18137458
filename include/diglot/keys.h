/*
 * keys.h: the reader's actions and the keys bound to them.  One X-macro
 * table gives the request enum, the action names used by `bind` in the
 * config file, the default keys and the help text, so the help screen
 * and the man page can never disagree with the keys (the help screen is
 * made from the table; tests/unit/test_keys.c checks doc/diglot.1's KEYS
 * section against it).
 * Pure C: no curses here; the ui translates curses key codes to KEYC_*.
 */
#ifndef DIGLOT_KEYS_H
#define DIGLOT_KEYS_H

#include "diglot/common.h"
#include "diglot/sbuf.h"

/* REQ(enum suffix, action name, default keys (space separated), help text) */
#define REQ_TABLE(REQ) \
	REQ(MOVE_DOWN,     "move-down",       "j Down C-n",     "Move down one line") \
	REQ(MOVE_UP,       "move-up",         "k Up C-p",       "Move up one line") \
	REQ(PAGE_DOWN,     "page-down",       "PgDn Space C-f", "Move down one page") \
	REQ(PAGE_UP,       "page-up",         "PgUp C-b",       "Move up one page") \
	REQ(MOVE_FIRST,    "move-first",      "g Home",         "Go to the first line") \
	REQ(MOVE_LAST,     "move-last",       "G End",          "Go to the last line") \
	REQ(OPEN,          "open",            "Enter",          "Open the article or group") \
	REQ(BACK,          "back",            "q",              "Back to the list; quit from the list") \
	REQ(ESCAPE,        "escape",          "Esc",            "Back like q, but never quits") \
	REQ(QUIT,          "quit",            "Q",              "Quit at once") \
	REQ(FOCUS_TOGGLE,  "focus-toggle",    "Tab",            "Switch focus between sidebar and list") \
	REQ(FOCUS_SIDEBAR, "focus-sidebar",   "h Left",         "Focus the sidebar") \
	REQ(FOCUS_LIST,    "focus-list",      "l Right",        "Focus the article list") \
	REQ(SEARCH,        "search",          "/",              "Search as you type; matches highlighted") \
	REQ(FIND_NEXT,     "next-match",      "n",              "Next search match; without a search, next unread") \
	REQ(FIND_PREV,     "prev-match",      "N",              "Previous search match in the article") \
	REQ(NEXT_ARTICLE,  "next-article",    "J",              "Next article in the list (pager)") \
	REQ(PREV_ARTICLE,  "prev-article",    "K",              "Previous article in the list (pager)") \
	REQ(NEXT_UNREAD,   "next-unread",     "",               "Next unread article (n without a search)") \
	REQ(MARK_ALL_READ, "mark-all-read",   "A",              "Mark every article of the group read") \
	REQ(FETCH_ALL,     "fetch-all",       "R",              "Fetch every feed in the background") \
	REQ(FETCH_FEED,    "fetch-feed",      "C-r",            "Fetch the feed chosen in the sidebar") \
	REQ(DELETE,        "delete",          "D",              "Delete the article from the library") \
	REQ(BOOKMARK,      "toggle-bookmark", "b",              "Bookmark or unbookmark the article") \
	REQ(READ,          "toggle-read",     "r",              "Mark the article read or unread") \
	REQ(VIEW,          "cycle-view",      "t",              "Cycle side-by-side, original, left, right") \
	REQ(ORDER,         "cycle-order",     "o",              "Cycle list order: date, title, source") \
	REQ(SIDEBAR,       "toggle-sidebar",  "s",              "Show or hide the sidebar (list)") \
	REQ(SAVE,          "save",            "s",              "Save the article as text to a file (pager)") \
	REQ(PIPE,          "pipe",            "|",              "Pipe the article as text to a command (pager)") \
	REQ(STORY,         "story-list",      "S",              "List its story's articles: open one or see it beside this one") \
	REQ(BESIDE,        "story-beside",    "B",              "The article beside the next of its story; again: the one after (pager)") \
	REQ(UNLINK,        "story-unlink",    "X",              "Take the article out of its story, for good (pager, story list)") \
	REQ(FULL_PAGE,     "full-page",       "F",              "Fetch the article's page: its text replaces a teaser") \
	REQ(LINKS,         "links",           "u",              "List the article's links: open or copy one") \
	REQ(COPY_URL,      "copy-url",        "y",              "Copy the article URL (OSC 52)") \
	REQ(OPEN_URL,      "open-url",        "O",              "Open the article URL with $BROWSER") \
	REQ(HELP,          "help",            "?",              "Show this help") \
	REQ(REDRAW,        "redraw",          "C-l",            "Redraw and reload from the library")

enum request {
	REQ_NONE = 0,
#define REQ_ENUM(id, name, keys, help) REQ_##id,
	REQ_TABLE(REQ_ENUM)
#undef REQ_ENUM
	REQ_COUNT
};

/*
 * Key codes: a Unicode code point for a character key (1..26 for
 * Ctrl-A..Ctrl-Z), or one of these for the named keys.
 */
enum {
	KEYC_BASE = 0x110000,
	KEYC_UP, KEYC_DOWN, KEYC_LEFT, KEYC_RIGHT,
	KEYC_PGUP, KEYC_PGDN, KEYC_HOME, KEYC_END,
	KEYC_ENTER, KEYC_TAB, KEYC_BACKSPACE, KEYC_DELETE, KEYC_ESC, KEYC_INSERT,
	KEYC_F1, KEYC_F12 = KEYC_F1 + 11,
	KEYC_MOUSE, /* a mouse event: the loop reads it, no binding takes it */
	KEYC_LAST
};
#define KEYC_CTRL(c) ((c) & 0x1f)
/* Meta (Alt) and a key: terminals send ESC before the key (M-x). */
#define KEYC_META 0x400000
#define KEYC_IS_META(c) (((c) & KEYC_META) != 0)

/* "j", "C-l", "Down", "PgDn", "Space", "Enter", "Tab", "F5", "é", and
 * any of these after "M-" (Meta: "M-x", "M-Down")...; -1 when the name
 * means nothing. */
int keys_parse(const char *name);
/* The name of a key code ("C-l", "Down", "中"); buf holds at least 16 bytes. */
const char *keys_name(int code, char *buf, size_t size);

/* "move-down" -> REQ_MOVE_DOWN; REQ_NONE when unknown. */
enum request request_parse(const char *name);
const char *request_name(enum request r);
const char *request_help(enum request r);

/* Bind the default keys (again), dropping user bindings. */
void keys_reset(void);
/* The bindings of a preset, "default", "newsboat" or "vi", on the
 * defaults (user bindings dropped); false when there is no such preset. */
bool keys_preset(const char *name);
/* Bind key to r (REQ_NONE unbinds).  The binding replaces every earlier
 * one of that key (the defaults may give a key two actions; a user's
 * binding gives it one). */
void keys_bind(int code, enum request r);
/* The action of a key; REQ_NONE when unbound.  A key may have one
 * action per screen (s: the list's toggle-sidebar, the pager's save):
 * this is the first in table order. */
enum request keys_lookup(int code);
/* Every action of a key, in table order, into out[0..max); their count.
 * The screen on top takes the first it does not pass on. */
int keys_lookup_all(int code, enum request *out, int max);
/* The keys bound to r, comma separated ("j, Down, C-n"); "" when none. */
void keys_bound(enum request r, struct sbuf *out);

/* The key list as text, one action a line: keys, action name, help text.
 * The help screen shows it; test_keys compares the man page with it. */
void keys_help_text(struct sbuf *out);

#endif
