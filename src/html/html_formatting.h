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
#include <string.h>

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
	bool cell_plain; /* no formatting element opened since the last <td> or <th> */
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
	bool phrase = (t->cl & C_PHRASE) || (t->fmt && t->lname[0] == 'a' && !t->lname[1]);
	bool li = !t->closing && t->lname[0] == 'l' && t->lname[1] == 'i' && !t->lname[2];
	bool p = !t->closing && t->lname[0] == 'p' && !t->lname[1];
	bool is_void = (t->cl & C_NO_END) && !t->closing;
	bool cell = !t->closing && t->lname[0] == 't' && (t->lname[1] == 'd' || t->lname[1] == 'h') &&
	            !t->lname[2];
	f->cell_plain = cell || (f->cell_plain && !(t->fmt && !t->closing));
	f->li_open = li || (f->li_open && (phrase || is_void));
	f->p_open = p || (f->p_open && (phrase || (is_void && strcmp(t->lname, "hr") != 0)));
}

#endif
