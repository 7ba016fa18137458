/*
 * ui_sidebar.h: the sidebar of the list screen: its groups (all, unread,
 * bookmarked, each language and source, bilingual) with their counts, the
 * selection and the group the list shows; the newest stories
 * (store_stories.h), those in two languages or more first.  A part of the list screen, not
 * a screen: ui_list.c owns one and decides what choosing a group does.
 */
#ifndef DIGLOT_UI_SIDEBAR_H
#define DIGLOT_UI_SIDEBAR_H

#include "ui_int.h"
#include "ui_scroll.h"

enum sb_kind { SB_ALL, SB_UNREAD, SB_BOOKMARKED, SB_HEADING, SB_LANG, SB_SOURCE, SB_BILINGUAL, SB_FEED, SB_STORY };

struct sb_item {
	enum sb_kind kind;
	char *name;  /* language code, source name, feed or story id; NULL otherwise */
	char *label; /* what the sidebar shows */
	int64_t total, unread;
	char *error; /* a feed's last fetch failed: why (outside bytes); NULL otherwise */
};

struct sidebar {
	struct sb_item *items;
	size_t n, cap;
	struct scroll sc;        /* cur: the selected group */
	int active;              /* the group the list shows */
	enum sb_kind group_kind; /* ...remembered by kind and name across reloads */
	char *group_name;
	bool on;                 /* the user's choice; hidden anyway when narrow */
};

/* Load the groups and their counts (maintained aggregates: no scan),
 * finding the active group again by kind and name. */
void sidebar_load(struct ui *ui, struct sidebar *sb);
void sidebar_clear(struct sidebar *sb);
void sidebar_free(struct sidebar *sb);
/* The filter of the active group, with the search text query (may be NULL). */
struct store_filter sidebar_filter(const struct sidebar *sb, const char *query);
/* Paint it in columns [0, w), the divider in the last; focused: the
 * selection is shown. */
void sidebar_draw(struct ui *ui, struct sidebar *sb, int w, bool focused);
/* The feed the sidebar's selection is, else the active group's: its id
 * and label; 0 when neither is a feed. */
int64_t sidebar_feed(const struct sidebar *sb, const char **label);
/* The selected feed's last error, NULL when none (for the status line). */
const char *sidebar_feed_error(const struct sidebar *sb);
/* Move the selection by steps groups, over the headings; R_DRAW. */
int sidebar_move(struct sidebar *sb, int64_t steps);

#endif
