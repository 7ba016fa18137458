/*
 * html_prepass_out.h: the pre-pass's output and the state it keeps of
 * the tree builder (html_prepass.c), shared with the writing of start
 * tags (html_prepass_tags.c).  Private to those two.
 */
#ifndef DIGLOT_HTML_PREPASS_OUT_H
#define DIGLOT_HTML_PREPASS_OUT_H

#include "html_int.h"
#include "html_tags.h"
#include "html_formatting.h"

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

/* A bare phrase element's start tag, written, waiting for its end tag. */
struct pending {
	size_t at, len; /* in the output */
	bool popped;    /* formatting's before it */
	char name[8];
};
#define PENDING_MAX 16

struct out {
	char *s;
	size_t len, cap;
	struct html_name_memo *memo;
	bool article; /* <nav> emptied */
	struct html_runs *runs; /* NULL: runs, name codes and drops off */
	bool foreign; /* an <svg> or <math> was kept: a <script> or <title> may be one of theirs */
	/* After that, a raw-text element or a bogus comment: the pass may
	 * read the rest otherwise than gumbo (in SVG a <script> holds markup,
	 * <![CDATA[ is text), so runs, codes and drops are off: what it then
	 * writes is the same with them or without. */
	bool misread;
	/* What the tree builder will have done, as far as the drops need it:
	 * the body began (a tag that <head> does not hold, or text), text
	 * outside a <select> (the frameset-ok flag is off), inside one. */
	bool in_body, text_seen, in_select;
	bool select_in_table; /* the <select> opened in a table ("in select in table") */
	struct pending pend[PENDING_MAX]; /* innermost last; only text since */
	size_t npend;
	bool dropped;     /* since the last </form> */
	size_t last_drop; /* where, in the output */
	bool last_img;    /* that was an <img>, a space in its place */
	/* Past the last <pre> or <listing> start tag in the output: a newline
	 * there is the tree builder's to drop, so nothing in front of it goes
	 * and whitespace there stays as it is. */
	size_t pre_open;
	struct formatting fmt;
	size_t col_end; /* past the last <col> or <colgroup> start tag written (SIZE_MAX: none) */
	size_t text_end; /* past the last text written: o.len when text is last */
};

/* Runs and name codes on. */
static inline bool runs_on(const struct out *o)
{
	return o->runs && !o->misread;
}

static inline void put(struct out *o, const char *s, size_t n)
{
	if (n > o->cap - o->len) /* never: the output is never longer */
		n = o->cap - o->len;
	memcpy(o->s + o->len, s, n);
	o->len += n;
}

/* The start tag t at s[i] written without the attributes nobody reads;
 * how many it kept (html_prepass_tags.c). */
size_t prepass_put_tag(struct out *o, const char *s, size_t i, const struct tag *t);
/* The attributes of t that some module reads kept apart, as the set of
 * the tag at the output's end: false when one of them is gumbo's to read
 * (no set then); *kept: how many. */
bool prepass_keep_apart(struct out *o, const char *s, const struct tag *t, size_t *kept);

#endif
