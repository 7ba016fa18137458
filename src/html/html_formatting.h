/*
 * html_formatting.h: what the tree builder will have done, as far as the
 * pre-pass's drops need it (html_prepass.c): its list of active
 * formatting elements, whether an <li> or a <p> it opened is still the
 * element the next of its kind closes.  Inline: asked at every tag.
 */
#ifndef DIGLOT_HTML_FORMATTING_H
#define DIGLOT_HTML_FORMATTING_H

#include "html_tags.h"

#include <limits.h>
#include <stdbool.h>

/*
 * The tree builder's list of active formatting elements, as far as the
 * drops need it.  Text, <img>, <wbr>, <input> and a phrase element's
 * start tag "reconstruct" the list: its elements that an end tag (</div>,
 * </p>) or a block's start tag took off the stack of open elements come
 * back as clones there.  So they can go only where nothing waits: the
 * list is empty, or nothing took anything off since the last rebuild.
 * The count of formatting elements open can only be too high: an end tag
 * takes its element off only where gumbo surely takes it off the list:
 * outside tables (in a cell the list stops at a marker, in a table an
 * element is out of scope), never after an <object>, <applet> or
 * <marquee> (markers too), with fewer than eight elements opened since
 * (the adoption agency's eight rounds).
 */
struct formatting {
	unsigned open[HTML_FMT_COUNT];
	unsigned total;  /* of open */
	unsigned since;  /* start tags since total was last 0 */
	unsigned tables; /* <table> start tags less end tags */
	bool markers;    /* an <object>, <applet> or <marquee> was seen */
	bool popped;     /* a tag since the last rebuild may have taken one off the stack */
	/* An <li> (a <p>) was the last of its kind written, and what came
	 * since leaves it open below phrase elements alone (html_end_implied). */
	bool li_open, p_open;
	/* A <td> or <th> open, no formatting element opened since its start
	 * tag: no table part's tag came since (</td>, <tr>, </table> ...). */
	bool cell_plain;
	/* 'u' ('o'): the last tag was a <ul> (<ol>) start tag, or an </li>
	 * that closed an <li> of one; li_list: the open <li>'s. */
	char list, li_list;
};

/* Start tags that rebuild the list, as text does (in the body, outside
 * <select> and tables: there it stops at a marker or is not rebuilt). */
static inline bool rebuilds(const struct tag *t)
{
	return t->fmt || (t->cl & (C_PHRASE | C_OK_VOID));
}

/* A start tag gumbo reads; in_select: inside a <select> before it. */
static inline void formatting_start(struct formatting *f, const struct tag *t, bool in_select)
{
	f->popped = !(rebuilds(t) && !in_select && !f->tables);
	if (t->fmt) {
		if (!f->total)
			f->since = 0;
		f->open[t->fmt - 1]++;
		f->total++;
		return;
	}
	if (!(t->cl & C_NO_END) && f->since < UINT_MAX)
		f->since++;
	f->tables += t->kind == K_TABLE;
	f->markers |= t->kind == K_OBJECT;
}

/* An end tag gumbo reads. */
static inline void formatting_end(struct formatting *f, const struct tag *t)
{
	f->popped = true;
	if (t->kind == K_TABLE && f->tables)
		f->tables--;
	if (t->fmt && f->open[t->fmt - 1] && !f->tables && !f->markers && f->since < 8) {
		f->open[t->fmt - 1]--;
		f->total--;
	}
}

/* Text gumbo reads, not whitespace alone. */
static inline void formatting_text(struct formatting *f, bool in_select)
{
	if (!in_select && !f->tables)
		f->popped = false;
}

/* A formatting element may wait to be rebuilt: a tag that rebuilds the
 * list must stay. */
static inline bool formatting_waits(const struct formatting *f)
{
	return f->markers || (f->total && f->popped);
}

/* After the tag t gumbo reads: one that leaves an open <li> or <p> as
 * it was for the tree builder's closing of it is a phrase element's or
 * an <a>'s, or a void one (never left open; but <hr>, which closes a
 * <p>); a cell stays plain until a formatting element's start tag. */
static inline void formatting_open_after(struct formatting *f, const struct tag *t)
{
	bool phrase = (t->cl & C_PHRASE) || t->fmt == 1; /* formatting[0] is <a> */
	if (t->closing) {
		/* after a cell's end a stray one may follow: text before it and
		 * whitespace after it are two texts to a table, not one */
		f->cell_plain &= !(t->cl & C_TABLE_PART);
		f->list = t->kind == K_LI && f->li_open ? f->li_list : 0;
		f->li_open &= phrase;
		f->p_open &= phrase;
		return;
	}
	bool is_void = t->cl & C_NO_END;
	f->cell_plain = t->kind == K_CELL || (f->cell_plain && !t->fmt && !(t->cl & C_TABLE_PART));
	if (t->kind == K_LI)
		f->li_list = f->list;
	f->list = t->kind == K_LIST ? t->lname[0] : 0;
	f->li_open = t->kind == K_LI || (f->li_open && (phrase || is_void));
	f->p_open = t->kind == K_P ||
	            (f->p_open && (phrase || (is_void && !(t->lname[0] == 'h' && t->lname[1] == 'r' && !t->lname[2]))));
}

/* The state html_end_implied reads. */
static inline unsigned formatting_open(const struct formatting *f)
{
	return (f->li_open ? OPEN_LI : 0) | (f->p_open ? OPEN_P : 0) | (f->cell_plain ? CELL_PLAIN : 0) |
	       (f->li_list == 'u' ? LI_IN_UL : 0) | (f->li_list == 'o' ? LI_IN_OL : 0);
}

#endif
