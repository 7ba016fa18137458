/* ui_sidebar.c: the sidebar's groups, counts and painting (ui_sidebar.h). */
#include "ui_sidebar.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diglot/langid.h"
#include "diglot/store_feed.h"
#include "diglot/store_stories.h"
#include "diglot/utf8.h"
#include "diglot/width.h"
#include "ui_draw.h"

#define SB_STORIES 100     /* stories listed at most */
#define SB_STORIES_SCAN 400 /* the newest stories read to choose them from, at every
                               * flag change (3 ms at 100k articles, stories-bench) */

void sidebar_clear(struct sidebar *sb)
{
	for (size_t i = 0; i < sb->n; i++) {
		free(sb->items[i].name);
		free(sb->items[i].label);
		free(sb->items[i].error);
	}
	sb->n = 0;
}

static void sb_add(struct sidebar *sb, enum sb_kind kind, const char *name, char *label,
                   int64_t total, int64_t unread)
{
	xgrow(&sb->items, &sb->cap, sb->n + 1, sizeof *sb->items);
	sb->items[sb->n++] = (struct sb_item){kind, name ? xstrdup(name) : NULL, label, total, unread, NULL};
}

static int sb_add_group(void *ctx, const struct store_group_row *g)
{
	struct sidebar *sb = ctx;
	bool lang = sb->n && sb->items[sb->n - 1].kind != SB_SOURCE &&
	            !(sb->items[sb->n - 1].kind == SB_HEADING && sb->items[sb->n - 1].name);
	char *label;
	/* "und" has no name: "unknown" once, not "und und". */
	if (lang && !strcmp(g->name, "und"))
		label = xstrdup("unknown");
	else if (lang)
		label = xasprintf("%s %s", langid_native_name(g->name), g->name);
	else
		label = xstrdup(g->name[0] ? g->name : "(no source)");
	sb_add(sb, lang ? SB_LANG : SB_SOURCE, g->name, label, g->total, g->unread);
	return 0;
}

/* One feed: its title (else its URL), marked '!' when its last fetch
 * failed; the name is its id. */
static int sb_add_feed(void *ctx, const struct store_feed *f)
{
	struct sidebar *sb = ctx;
	if (sb->items[sb->n - 1].kind != SB_FEED && sb->items[sb->n - 1].kind != SB_HEADING)
		sb_add(sb, SB_HEADING, NULL, xstrdup("Feeds"), -1, -1);
	char id[24];
	snprintf(id, sizeof id, "%lld", (long long)f->id);
	const char *name = f->title[0] ? f->title : f->url;
	char *label = f->last_error[0] || f->disabled ? xasprintf("! %s", name) : xstrdup(name);
	sb_add(sb, SB_FEED, id, label, f->articles, f->unread);
	if (f->last_error[0])
		sb->items[sb->n - 1].error = utf8_clean_line(f->last_error, strlen(f->last_error));
	return 0;
}

/* One story: its languages, then its earliest article's title; the
 * name is its id. */
static int sb_add_story(void *ctx, const struct store_story_sum *st)
{
	struct sidebar *sb = ctx;
	if (sb->items[sb->n - 1].kind != SB_STORY)
		sb_add(sb, SB_HEADING, NULL, xstrdup("Stories"), -1, -1);
	char id[24];
	snprintf(id, sizeof id, "%lld", (long long)st->id);
	char *title = utf8_clean_line(st->title, strlen(st->title));
	sb_add(sb, SB_STORY, id, xasprintf("%s %s", st->langs, title), st->articles, st->unread);
	free(title);
	return 0;
}

/* Find the active group again by kind and name.  A group gone (a story
 * dissolved or merged, a feed removed) gives way to All, in the list too. */
static void sidebar_find_active(struct sidebar *sb)
{
	sb->active = -1;
	for (size_t i = 0; i < sb->n; i++)
		if (sb->items[i].kind == sb->group_kind &&
		    (!sb->group_name || (sb->items[i].name && !strcmp(sb->items[i].name, sb->group_name))))
			sb->active = (int)i;
	if (sb->active < 0) {
		sb->active = 0;
		sb->group_kind = SB_ALL;
		xfree(&sb->group_name);
	}
	if (sb->sc.cur >= (int64_t)sb->n)
		sb->sc.cur = sb->active;
}

void sidebar_load(struct ui *ui, struct sidebar *sb)
{
	struct store_stats s = {0};
	store_stats(ui->st, &s);
	sidebar_clear(sb);
	sb_add(sb, SB_ALL, NULL, xstrdup("All"), s.articles, s.unread);
	sb_add(sb, SB_UNREAD, NULL, xstrdup("Unread"), s.unread, -1);
	sb_add(sb, SB_BOOKMARKED, NULL, xstrdup("Bookmarked"), s.bookmarked, -1);
	sb_add(sb, SB_HEADING, NULL, xstrdup("Languages"), -1, -1);
	store_groups(ui->st, GROUP_LANG, sb_add_group, sb);
	/* A heading with a name marks the start of the sources for sb_add_group. */
	sb_add(sb, SB_HEADING, "sources", xstrdup("Sources"), -1, -1);
	store_groups(ui->st, GROUP_SOURCE, sb_add_group, sb);
	sb_add(sb, SB_HEADING, NULL, xstrdup(""), -1, -1);
	sb_add(sb, SB_BILINGUAL, NULL, xstrdup("Bilingual"), s.bilingual, -1);
	store_feed_list(ui->st, 0, sb_add_feed, sb);
	store_stories_recent(ui->st, SB_STORIES, SB_STORIES_SCAN, sb_add_story, sb);
	sidebar_find_active(sb);
}

void sidebar_free(struct sidebar *sb)
{
	sidebar_clear(sb);
	free(sb->items);
	free(sb->group_name);
}

struct store_filter sidebar_filter(const struct sidebar *sb, const char *query)
{
	struct store_filter f = STORE_FILTER_ALL;
	switch (sb->group_kind) {
	case SB_UNREAD: f.read = 0; break;
	case SB_BOOKMARKED: f.bookmarked = true; break;
	case SB_LANG: f.lang = sb->group_name; break;
	case SB_SOURCE: f.source = sb->group_name; break;
	case SB_BILINGUAL: f.bilingual = true; break;
	case SB_FEED: f.feed = sb->group_name ? strtoll(sb->group_name, NULL, 10) : 0; break;
	case SB_STORY: f.story = sb->group_name ? strtoll(sb->group_name, NULL, 10) : 0; break;
	default: break;
	}
	f.query = query;
	return f;
}

int64_t sidebar_feed(const struct sidebar *sb, const char **label)
{
	const struct sb_item *it = NULL;
	if (sb->sc.cur >= 0 && sb->sc.cur < (int64_t)sb->n && sb->items[sb->sc.cur].kind == SB_FEED)
		it = &sb->items[sb->sc.cur];
	else if (sb->active >= 0 && sb->active < (int)sb->n && sb->items[sb->active].kind == SB_FEED)
		it = &sb->items[sb->active];
	if (!it)
		return 0;
	*label = it->label[0] == '!' ? it->label + 2 : it->label;
	return strtoll(it->name, NULL, 10);
}

const char *sidebar_feed_error(const struct sidebar *sb)
{
	if (sb->sc.cur < 0 || sb->sc.cur >= (int64_t)sb->n)
		return NULL;
	return sb->items[sb->sc.cur].error;
}

/* One group's line: the active mark, the label, its counts. */
static void sidebar_item(const struct sidebar *sb, int i, int w, struct sbuf *b)
{
	const struct sb_item *it = &sb->items[i];
	char count[48] = "";
	if (it->total >= 0 && it->unread >= 0)
		snprintf(count, sizeof count, "%lld/%lld", (long long)it->total, (long long)it->unread);
	else if (it->total >= 0)
		snprintf(count, sizeof count, "%lld", (long long)it->total);
	int cw = (int)strlen(count);
	int indent = (it->kind == SB_LANG || it->kind == SB_SOURCE || it->kind == SB_FEED || it->kind == SB_STORY) ? 2 : 0;
	int lw = w - 2 - indent - (cw ? cw + 1 : 0);
	sbuf_addc(b, i == sb->active ? '>' : ' ');
	sbuf_pad(b, (size_t)indent);
	if (lw > 0)
		width_append_cell(b, it->label, strlen(it->label), lw);
	if (cw)
		sbuf_addf(b, " %s", count);
}

void sidebar_draw(struct ui *ui, struct sidebar *sb, int w, bool focused)
{
	int h = ui_body_rows(ui);
	sb->sc.count = (int64_t)sb->n;
	sb->sc.page = h;
	scroll_follow(&sb->sc);
	attr_t base = draw_attr(ui, EL_SIDEBAR);
	for (int y = 0; y < h; y++) {
		int i = (int)sb->sc.top + y;
		if (i >= (int)sb->n) {
			draw_fill(1 + y, 0, w - 1, base);
			continue;
		}
		attr_t a = base;
		if (sb->items[i].kind == SB_HEADING)
			a = draw_attr(ui, EL_SIDEBAR_HEADING);
		if (i == sb->sc.cur && focused)
			a = draw_attr(ui, EL_SIDEBAR_SELECTED);
		else if (i == sb->active)
			a |= A_BOLD;
		struct sbuf b = SBUF_INIT;
		sidebar_item(sb, i, w, &b);
		draw_text(ui, 1 + y, 0, b.s, b.len, w - 1, a, NULL, 0, 0, true);
		sbuf_free(&b);
	}
	/* The vertical line between the sidebar and the list. */
	attr_t d = draw_attr(ui, EL_DIVIDER);
	for (int y = 0; y < h; y++)
		draw_text(ui, 1 + y, w - 1, ui->utf8 ? "\xe2\x94\x82" : "|", ui->utf8 ? 3 : 1, 1, d,
		          NULL, 0, 0, false);
}

/* Move the selection by steps groups, over the headings. */
int sidebar_move(struct sidebar *sb, int64_t steps)
{
	int dir = steps < 0 ? -1 : 1;
	int i = (int)sb->sc.cur;
	for (steps = steps < 0 ? -steps : steps; steps > 0; steps--) {
		int j = i + dir;
		while (j >= 0 && j < (int)sb->n && sb->items[j].kind == SB_HEADING)
			j += dir;
		if (j < 0 || j >= (int)sb->n)
			break;
		i = j;
	}
	sb->sc.cur = i;
	return R_DRAW;
}
