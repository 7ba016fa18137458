/*
 * html_prepass.c: the decoded page made smaller before gumbo sees it.
 * gumbo tokenizes character by character and its parse was two thirds of
 * the extraction time; on ../shared/corpora/html scripts and styles are a
 * third of a page's bytes, SVG 6 %, comments 2 %, attributes nobody reads
 * (data-*, src, srcset, onclick ...) and whitespace runs a fifth of the
 * rest.  One pass, following the HTML tokenizer's rules for where a tag,
 * a comment, a script and the raw-text elements end, drops:
 *   - comments, bogus comments (<?xml ...>, <!x ...>), <script> (but
 *     JSON-LD, the metadata), <style>, <template>, <noscript> (but one
 *     that holds the article as HTML: its tags only), and <svg> unless
 *     HTML inside it would close it early;
 *   - the attributes no module reads (html_prepass_tags.c), the <meta> and <link>
 *     elements none reads (unread_head);
 *   - whitespace runs outside <pre>/<listing> (one space or newline stays;
 *     in them, two newlines and a space at most: what the walker keeps),
 *     whitespace between a block's tags;
 *   - for html_extract, the content of <nav>, <aside> and <footer>
 *     (boilerplate, never the article) but metadata;
 *   - elements gumbo need not build (drop_void, drop_pair): bare phrase
 *     elements around text alone, void ones no module reads, the end
 *     tags of void elements;
 *   - end tags that do what the next tag does anyway (html_end_implied):
 *     </td> before <td>, </li> before <li>, </p> before <p> ...;
 *   - runs of plain text become placeholders (html_runs.c), so do links
 *     around text alone (put_link, html_links.c), and the attributes of
 *     most tags are kept apart (html_attrs.c): each given back to the
 *     tree after the parse.
 * Raw-text elements (<title>, <textarea>, <xmp>, <iframe>, <noembed>,
 * <noframes>, <plaintext>, a kept script) are copied as they are.  When
 * in doubt bytes are kept: gumbo then parses them as before.  The same
 * pass cuts the page where it nests deeper than HTML_MAX_DEPTH.
 */
#include "diglot/common.h"
#include "html_prepass_out.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>



/* Text, whitespace runs to one character (a newline when one was there);
 * true when it was all whitespace. */
static void put_pre_space(struct out *o, const char *s, size_t n);

/* Continuation bytes after what went (a tag, a comment) would finish a
 * bad sequence the text before it ended in: "\xC4<br>\x92" is two U+FFFD
 * to gumbo, "\xC4\x92" one letter.  Those at at in the output, after
 * a byte of such a sequence, become \xFF: never UTF-8, one U+FFFD each,
 * as they were. */
static void unjoin(struct out *o, size_t at)
{
	if (!at || (unsigned char)o->s[at - 1] < 0x80)
		return;
	for (size_t k = at; k < o->len && ((unsigned char)o->s[k] & 0xC0) == 0x80; k++)
		o->s[k] = (char)0xFF;
}

static bool put_text(struct out *o, const char *s, size_t n, bool pre)
{
	size_t at = o->len;
	if (pre && o->len == o->pre_open) {
		put(o, s, n);
		unjoin(o, at);
		return false;
	}
	bool text = false;
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && !html_is_ws(s[j]))
			j++;
		if (j > i) {
			put(o, s + i, j - i);
			text = true;
		}
		if (j >= n)
			break;
		i = j;
		bool nl = false;
		while (j < n && html_is_ws(s[j])) {
			nl |= s[j] == '\n' || s[j] == '\r';
			j++;
		}
		if (pre)
			put_pre_space(o, s + i, j - i);
		else
			put(o, j - i == 1 ? s + i : nl ? "\n" : " ", 1);
		i = j;
	}
	unjoin(o, at);
	return !text && !pre;
}

/* A whitespace run s[0..n) in <pre> as the walker reads it: a newline
 * (CR LF is one, as the tokenizer reads them), a second one a paragraph's
 * end, more nothing; spaces one, and next to a newline nothing. */
static void put_pre_space(struct out *o, const char *s, size_t n)
{
	size_t nl = 0;
	for (size_t k = 0; k < n; k++)
		nl += s[k] == '\r' || (s[k] == '\n' && !(k && s[k - 1] == '\r'));
	if (nl)
		put(o, "\n\n", nl > 1 ? 2 : 1);
	else
		put(o, n == 1 ? s : " ", 1);
}


/*
 * Elements gumbo need not build (each costs it about 5,000 instructions):
 * a bare phrase element (<span>, <b>, ...) around text alone, and void
 * elements no module reads (<source>, <col>, a bare <img>: the walker's
 * word break, so a space stays).  Where the tree builder treats them
 * otherwise they stay: in SVG and MathML (they end foreign content),
 * first in <pre> (its first newline), before the body (they start it), and
 * <img>, <wbr>, <input> while the frameset-ok flag may still be on (a
 * later <frameset> would replace the body), <input> in a <select> (it
 * closes it), voids in a table, and those that rebuild the formatting
 * elements while one may wait (struct formatting).  fuzz-html checks that
 * the tree is the same but for them.
 */
static bool may_drop(const struct out *o, size_t at)
{
	return o->runs && !o->foreign && o->in_body && at != o->pre_open;
}

static bool spaces_only(const char *s, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (s[k] != ' ' && s[k] != '\t')
			return false;
	return true;
}

static bool is_alnum(char c)
{
	return html_is_alpha(c) || (c >= '0' && c <= '9');
}

/* Does s[0..end) end inside what could be a character reference ('&',
 * then letters, digits, '#'), which text joined to it would continue? */
static bool ref_open(const char *s, size_t end)
{
	for (size_t k = end; k > 0 && end - k < 40; k--) {
		if (s[k - 1] == '&')
			return true;
		if (!is_alnum(s[k - 1]) && s[k - 1] != '#')
			return false;
	}
	return false;
}

/* Only whitespace in the output between the last <col> or <colgroup>
 * start tag and at. */
static bool after_col(const struct out *o, size_t at)
{
	if (o->col_end == SIZE_MAX || o->col_end > at)
		return false;
	for (size_t k = o->col_end; k < at; k++)
		if (!html_is_ws(o->s[k]))
			return false;
	return true;
}

/* A void element's end tag t, which the tree builder ignores, may go
 * where it may drop: outside tables; in one, not after text (it parts the
 * text before it, which goes in front of the table, from whitespace after
 * it); where a <colgroup> may be open (only whitespace since its start
 * tag or a <col>'s) only </col> (any other closes it), after whitespace
 * too (what it parts is all inserted where it is). */
static bool void_end_goes(const struct out *o, const struct tag *t)
{
	if (!o->fmt.tables)
		return true;
	bool col = t->lname[0] == 'c' && !strcmp(t->lname, "col");
	if (after_col(o, o->len))
		return col;
	return o->text_end != o->len;
}

/* The void element's tag just written at at: gone (true) when nothing
 * reads it; waits: formatting_waits before it. */
static bool drop_void(struct out *o, size_t at, unsigned cl, size_t kept, const struct tag *t,
                      bool waits)
{
	if (!(cl & (C_VOID | C_OK_VOID)) || !may_drop(o, at) || ref_open(o->s, at))
		return false;
	bool input = t->kind == K_INPUT;
	if (input ? o->in_select : kept != 0)
		return false;
	if ((cl & C_OK_VOID) && (!o->text_seen || waits))
		return false;
	/* In a table even a void one moves things (a <col> makes a
	 * <colgroup>, anything else in one closes it); but a <col> after a
	 * <colgroup> or a <col> is one more in the same. */
	if (o->fmt.tables && !(t->lname[0] == 'c' && !strcmp(t->lname, "col") && after_col(o, at)))
		return false;
	o->len = at;
	html_attrs_cut(o->runs, at);
	if (o->fmt.tables)
		return true; /* no text but whitespace waits in a <colgroup>: no mark_drop */
	/* (in a <select> the tree builder ignores an <img>: no word break) */
	o->last_img = t->kind == K_IMG && !o->in_select && o->len && !html_is_ws(o->s[o->len - 1]);
	if (o->last_img)
		put(o, " ", 1);
	o->dropped = true;
	o->last_drop = o->len;
	return true;
}


/*
 * gumbo 0.10.1 takes a <form> off its stack at </form> before it places
 * the text it still holds: that text goes to the form's parent.  Text
 * before an element is placed when the element is made, so a dropped one
 * would change what moves: a <wbr> (nothing to any module, dropped from
 * the comparison too) goes where the last one was, or the <img> comes
 * back in place of its space.  That drop pays for the bytes (4 or 5): the
 * output stays behind in_pos, where the pass reads (html_decode passes a
 * page in place).  Returns how many bytes went in, at *at.
 */
static size_t mark_drop(struct out *o, size_t in_pos, size_t *at)
{
	size_t add = o->last_img ? 4 : 5;
	bool mark = o->dropped && o->text_seen && o->len + add <= in_pos;
	o->dropped = false;
	if (!mark)
		return 0;
	*at = o->last_drop - o->last_img; /* the <img>'s space */
	memmove(o->s + *at + 5, o->s + *at + o->last_img, o->len - *at - o->last_img);
	memcpy(o->s + *at, o->last_img ? "<img>" : "<wbr>", 5);
	o->len += add;
	html_attrs_shift(o->runs, *at, add);
	return add;
}

/* Not whitespace alone: text reconstructs the formatting elements as the
 * start tag would. */
static bool has_text(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!html_is_ws(s[i]))
			return true;
	return false;
}

/* The end tag t of the bare phrase element written last, with only text
 * since: both tags go.  Not when that text would join what is around it
 * into something else: a '<' before or in it would begin a tag, an '&'
 * a reference. */
static bool drop_pair(struct out *o, const struct tag *t, bool popped_before)
{
	/* (In a table text goes in front of it, whitespace in it: the text
	 * in them would join the whitespace after them.) */
	if (!o->npend || o->fmt.tables)
		return false;
	struct pending *p = &o->pend[o->npend - 1];
	size_t body = p->at + p->len;
	if (strcmp(p->name, t->lname) != 0 || p->at == o->pre_open || memchr(o->s + body, '<', o->len - body) ||
	    (!has_text(o->s + body, o->len - body) && p->popped && (o->fmt.total || o->fmt.markers)) ||
	    (p->at && o->s[p->at - 1] == '<') || ref_open(o->s, p->at) ||
	    ref_open(o->s + body, o->len - body))
		return false;
	/* gumbo reads neither tag: text rebuilt the list, or nothing did. */
	o->fmt.popped = has_text(o->s + body, o->len - body) ? popped_before : p->popped;
	memmove(o->s + p->at, o->s + body, o->len - body);
	o->len -= p->len;
	unjoin(o, p->at);
	if (o->len > p->at)
		o->text_end = o->len;
	o->npend--;
	o->dropped = true;
	o->last_drop = o->len;
	o->last_img = false;
	return true;
}

/* A bare phrase element's start tag, just written at at, may go with its
 * end tag. */
static void pend(struct out *o, size_t at, const struct tag *t, bool popped)
{
	if (o->npend >= PENDING_MAX || strlen(t->lname) >= sizeof o->pend[0].name)
		return;
	struct pending *p = &o->pend[o->npend++];
	p->at = at;
	p->len = o->len - at;
	p->popped = popped;
	strcpy(p->name, t->lname);
}

/* A <noscript> that holds the article (pages that render it by script)
 * is read as HTML: only its tags go. */
static bool noscript_holds_text(const char *s, size_t from, size_t to)
{
	return to - from > 500 && memmem(s + from, to - from, "<p", 2);
}

/* A raw-text element as it is: its start tag, content up to e (a run of
 * kind when runs are on and it closes: a <title>'s references are
 * decoded, a script's not), its end tag. */
static size_t put_raw(struct out *o, const char *s, size_t n, size_t i, const struct tag *t,
                      size_t e, int kind)
{
	prepass_put_tag(o, s, i, t);
	size_t w = 0;
	/* In SVG and MathML a script's or title's content is markup: after
	 * one of them was kept, gumbo reads it all; in a <select> a <title>,
	 * <xmp> ... is no element, its content markup. */
	if (kind >= 0 && runs_on(o) && !o->foreign && !o->in_select && e < n && o->cap - o->len >= 6)
		w = html_runs_put(o->runs, (enum html_run_kind)kind, s + t->end, e - t->end, o->s + o->len);
	if (w)
		o->len += w;
	else
		put(o, s + t->end, e - t->end);
	size_t past = html_past_tag(s, n, e);
	if (e < n && past <= n && e + 2 + t->nlen <= n) {
		put(o, s + e, 2 + t->nlen);
		put(o, ">", 1);
	}
	return past;
}

/* A <meta> or <link> no module reads: a <meta> but charset and
 * http-equiv whose key html_meta_key does not know, a <link> but the
 * canonical and the alternate (feeds). */
static bool unread_head(const char *s, const struct tag *t)
{
	size_t vl;
	const char *v;
	if (t->many)
		return false;
	if (t->kind == K_LINK) {
		v = html_tag_attr(s, t, "rel", &vl);
		if (!v || memchr(v, '&', vl))
			return false;
		char rel[64];
		size_t k = 0;
		for (; k < vl && k + 1 < sizeof rel; k++)
			rel[k] = html_ascii_lower(v[k]);
		rel[k] = '\0';
		return k < vl ? false : !strstr(rel, "canonical") && !strstr(rel, "alternate");
	}
	if (html_tag_attr(s, t, "charset", &vl) || html_tag_attr(s, t, "http-equiv", &vl))
		return false;
	if (!(v = html_tag_attr(s, t, "property", &vl)) && !(v = html_tag_attr(s, t, "name", &vl)) &&
	    !(v = html_tag_attr(s, t, "itemprop", &vl)))
		return true; /* no key: html_meta reads none */
	return !memchr(v, '&', vl) && !html_meta_key(v, vl);
}

/*
 * The link t around plain text alone (<a href=...>text</a>): a run that
 * html_links.c makes an <a> of after the parse, the attributes kept
 * apart.  Only where gumbo reads the <a> as nothing but an element
 * around that text: in the body outside tables, <select> and foreign
 * content, with no <a> on the list of formatting elements (a new one
 * would close it); its start tag rebuilds the list as its text does, its
 * end tag takes it off again.  Returns where the input goes on, 0 when
 * it is not such a link.
 */
static size_t put_link(struct out *o, const char *s, size_t n, const struct tag *t)
{
	if (!may_drop(o, o->len) || o->fmt.tables || o->in_select || o->fmt.open[t->fmt - 1] ||
	    t->selfclose || t->many || o->cap - o->len < 4 || (o->len && o->s[o->len - 1] == '<'))
		return 0;
	const char *lt = memchr(s + t->end, '<', n - t->end);
	struct tag c;
	if (!lt || lt == s + t->end || !html_tag_read(s, n, (size_t)(lt - s), &c) || !c.closing ||
	    c.fmt != t->fmt)
		return 0;
	size_t kept = 0, set = HTML_LINK_BARE;
	if (t->nattr) {
		if (!prepass_keep_apart(o, s, t, &kept))
			return 0;
		if (kept)
			set = o->runs->nsets - 1;
	}
	size_t w = html_runs_put_link(o->runs, s + t->end, (size_t)(lt - s) - t->end, set, o->s + o->len);
	if (!w) {
		html_attrs_cut(o->runs, o->len);
		return 0;
	}
	o->len += w;
	o->npend = 0; /* as a tag: the start tags waiting have one inside */
	o->text_end = o->len;
	formatting_text(&o->fmt, o->in_select);
	o->text_seen = true;
	/* At </form> gumbo places the text before it once the form is off
	 * its stack, but text before an element when it makes the element:
	 * a <wbr> in place of its end tag there (mark_drop). */
	o->dropped = true;
	o->last_drop = o->len;
	o->last_img = false;
	return c.end;
}

/* Does the tag t take the tree builder out of the <select> it is in?
 * <input>, <keygen>, <textarea> do, and in a table ("in select in table")
 * a table's tags but its columns'. */
static bool closes_select(const struct out *o, const struct tag *t)
{
	if (!o->in_select)
		return false;
	if (!t->closing && (t->kind == K_INPUT || t->kind == K_TEXTAREA || !strcmp(t->lname, "keygen")))
		return true;
	return o->select_in_table && (t->cl & C_TABLE_PART) && strncmp(t->lname, "col", 3) != 0;
}

/* What to do after a start tag: the raw-text element's content. */
static size_t after_start(struct out *o, const char *s, size_t n, size_t i, const struct tag *t,
                          unsigned cl, bool *emit)
{
	static const char *const raw[] = {"title", "textarea", "xmp", "iframe", "noembed", "noframes"};
	size_t open_end = t->end;
	*emit = true;
	/* In a <select> the tree builder ignores every start tag but a few
	 * (<option>, <optgroup>, <script>, <template>; <input>, <textarea>
	 * close it): an ignored one's content is markup, read as the rest is
	 * ("<select><title><i a=\"</title>\">v": no title, an <i>, text). */
	if (o->in_select && t->kind != K_SCRIPT && t->kind != K_TEMPLATE && t->kind != K_TEXTAREA) {
		/* (the pass's idea of the <select> may be wrong: what it reads
		 * next is read alike with runs or without) */
		o->misread |= (cl & C_RAW) != 0;
		return open_end;
	}
	enum html_boiler boiler = o->article ? html_boiler_kind(s, t) : BOILER_NONE;
	if (o->foreign && t->kind != K_NAV)
		boiler = BOILER_NONE;
	if (boiler != BOILER_NONE) {
		/* Navigation, asides, footers, what is hidden: never the article
		 * (html_extract marks them boilerplate, html_tree never reads in
		 * a hidden one); left empty, where they were, unless they hold
		 * metadata (html_boiler.c). */
		size_t e = html_boiler_end(s, n, t, boiler == BOILER_HIDDEN, o->memo);
		if (e) {
			*emit = false;
			prepass_put_tag(o, s, i, t);
			put(o, "</", 2);
			put(o, t->lname, strlen(t->lname));
			put(o, ">", 1);
			return e;
		}
		return open_end;
	}
	if (!(cl & C_RAW))
		return open_end; /* most tags: nothing to look at */
	o->misread |= o->foreign;
	if ((t->kind == K_META || t->kind == K_LINK) && unread_head(s, t)) {
		*emit = false; /* void: nothing more to skip */
		return open_end;
	}
	if (t->kind == K_SCRIPT) {
		*emit = false;
		size_t e = html_script_end(s, n, open_end);
		bool ld = false;
		for (size_t k = i; k + 7 <= open_end && !ld; k++)
			ld = s[k + 2] == '+' && strncasecmp(s + k, "ld+json", 7) == 0;
		if (ld) /* JSON-LD: metadata, as it is */
			return put_raw(o, s, n, i, t, e, RUN_RAW);
		return html_past_tag(s, n, e);
	}
	if (t->kind == K_STYLE) {
		*emit = false;
		return html_past_tag(s, n, html_find_end_tag(s, n, open_end, "style"));
	}
	if (t->kind == K_TEMPLATE) {
		*emit = false;
		return html_template_end(s, n, open_end);
	}
	if (t->kind == K_NOSCRIPT) {
		size_t e = html_find_end_tag(s, n, open_end, "noscript");
		*emit = false;
		if (noscript_holds_text(s, open_end, e))
			return open_end; /* its end tag is dropped too */
		return html_past_tag(s, n, e);
	}
	if (t->kind == K_SVG && !t->selfclose) {
		size_t e = html_svg_end(s, n, open_end);
		if (e) {
			*emit = false;
			return e;
		}
		return open_end;
	}
	if (t->kind == K_PLAINTEXT) {
		prepass_put_tag(o, s, i, t);
		put(o, s + open_end, n - open_end);
		*emit = false;
		return n;
	}
	for (size_t r = 0; r < ARRAY_SIZE(raw); r++) {
		if (strcmp(t->lname, raw[r]) != 0)
			continue;
		*emit = false;
		/* <textarea> drops a newline first in it: as it is. */
		int kind = r == 0 ? RUN_TEXT : r == 1 ? -1 : RUN_RAW;
		return put_raw(o, s, n, i, t, html_find_end_tag(s, n, open_end, raw[r]), kind);
	}
	return open_end;
}

size_t html_prepass(const char *s, size_t n, char *dst, struct html_name_memo *memo,
                    bool article, struct html_runs *runs)
{
	bool codes_high = false;
	if (runs && !html_runs_allowed(s, n, &runs->first, &codes_high))
		runs = NULL;
	struct out o = {.s = dst, .cap = n, .memo = memo, .article = article,
	                .runs = runs, .pre_open = SIZE_MAX, .col_end = SIZE_MAX,
	                .text_end = SIZE_MAX};
	memo->coded = runs != NULL;
	memo->codes_high = codes_high;
	size_t i = 0, depth = 0;
	size_t lt_out = 0, lt_in = 0; /* the last '<' that was text, when lt_text */
	bool lt_text = false;
	int pre = 0;
	bool after_block = true; /* the last tag was ws_free's */
	while (i < n) {
		const char *lt = memchr(s + i, '<', n - i);
		size_t at = lt ? (size_t)(lt - s) : n;
		size_t w;
		if (at > i && lt_text && lt_out + 1 == o.len && i > lt_in + 1 &&
		    (html_is_alpha(s[i]) || s[i] == '/' || s[i] == '!' || s[i] == '?')) {
			/* "<<!-- -->p>": a '<' that was text, then something dropped,
			 * would make a tag of the text after it; as a reference it
			 * stays text (the dropped bytes pay for its length). */
			o.len--;
			put(&o, "&lt;", 4);
			o.text_end = o.len;
		}
		/* In a table whitespace first in a run is the tree builder's: a
		 * <colgroup> holds it, the text after it closes the <colgroup>.
		 * It stays, one space, in front of the placeholder. */
		size_t ws = 0;
		while (o.fmt.tables && i + ws < at && html_is_ws(s[i + ws]))
			ws++;
		size_t lead = ws ? 1 : 0;
		if (at > i && runs_on(&o) && o.len != o.pre_open && o.cap - o.len >= at - i && !(ws && pre) &&
		    (w = html_runs_put(runs, RUN_TEXT, s + i + ws, at - i - ws, o.s + o.len + lead)) > 0) {
			if (lead)
				o.s[o.len] = ' ';
			o.len += lead + w; /* gumbo sees a placeholder (html_runs.c) */
			o.text_end = o.len;
			formatting_text(&o.fmt, o.in_select);
			after_block = false;
			o.in_body = true;
			o.text_seen |= !o.in_select;
		} else if (at > i && pre && o.len && o.len != o.pre_open && html_is_ws(o.s[o.len - 1]) &&
		           spaces_only(s + i, at - i)) {
			/* In <pre> too spaces after whitespace are nothing to the
			 * walker (newlines are). */
		} else if (at > i) {
			size_t mark = o.len;
			/* Whitespace between a block's tags and the next: not text;
			 * after whitespace (what was between went, <col>s in a
			 * <colgroup>): one more token for gumbo, the same text. */
			bool blank = put_text(&o, s + i, at - i, pre > 0);
			if (blank && (after_block || (at < n && html_ws_free_at(s, n, at, o.in_body)) ||
			              (mark && html_is_ws(o.s[mark - 1])))) {
				o.len = mark;
			} else {
				after_block = false;
				o.text_end = o.len;
				if (!blank)
					formatting_text(&o.fmt, o.in_select);
				o.in_body |= !blank;
				o.text_seen |= !blank && !o.in_select;
			}
		}
		i = at;
		if (i + 1 >= n) {
			put(&o, s + i, n - i);
			break;
		}
		char c = s[i + 1];
		if (c == '!' && i + 4 <= n && memcmp(s + i, "<!--", 4) == 0) {
			i = html_comment_end(s, n, i);
			continue;
		}
		if (c == '/' && i + 2 < n && s[i + 2] == '>') { /* "</>": nothing */
			i += 3;
			continue;
		}
		if (c == '!' || c == '?' || (c == '/' && i + 2 < n && !html_is_alpha(s[i + 2]))) {
			o.misread |= o.foreign;
			/* A bogus comment (but the doctype: it sets the mode). */
			const char *gt = memchr(s + i, '>', n - i);
			size_t e = gt ? (size_t)(gt - s) + 1 : n;
			if (i + 9 <= n && strncasecmp(s + i, "<!doctype", 9) == 0)
				put(&o, s + i, e - i);
			i = e;
			continue;
		}
		if (!html_is_alpha(c) && !(c == '/' && i + 2 < n && html_is_alpha(s[i + 2]))) {
			lt_out = o.len;
			lt_in = i;
			lt_text = true;
			put(&o, s + i, 1);
			o.text_end = o.len;
			after_block = false; /* text: whitespace after it shows */
			i++;
			continue;
		}
		struct tag t;
		if (!html_tag_read(s, n, i, &t)) { /* cut off inside a tag: as it is */
			put(&o, s + i, n - i);
			break;
		}
		if (t.closing) {
			bool popped = o.fmt.popped;
			formatting_end(&o.fmt, &t);
			if (t.kind == K_PRE)
				pre -= pre > 0;
			size_t next;
			if (runs_on(&o) && may_drop(&o, o.len) && !o.in_select &&
			    (next = html_end_implied(s, n, &t, pre > 0, formatting_open(&o.fmt))) != 0) {
				depth -= depth > 0; /* the nesting cut where it was */
				after_block = ws_free_class(t.cl, o.in_body);
				o.npend = 0;
				/* The <li> it closed was a child of its list: the next
				 * tag is one of that list's. */
				o.fmt.list = t.kind == K_LI ? o.fmt.li_list : 0;
				o.fmt.li_open = o.fmt.p_open = false;
				o.fmt.cell_plain &= !(t.cl & C_TABLE_PART);
				i = next; /* the next tag does what it did */
				continue;
			}
			formatting_open_after(&o.fmt, &t);
			if ((t.cl & C_NO_END) && may_drop(&o, o.len) && void_end_goes(&o, &t) &&
			    !ref_open(o.s, o.len)) {
				depth -= depth > 0; /* the nesting cut where it was */
				after_block = ws_free_class(t.cl, o.in_body); /* as if it were there */
				i = t.end; /* ignored: gumbo need not read it */
				continue;
			}
			after_block = ws_free_class(t.cl, o.in_body);
			if (t.kind != K_NOSCRIPT) { /* never opened: see after_start */
				depth -= depth > 0;
				if (!drop_pair(&o, &t, popped)) {
					o.npend = 0;
					size_t at_mark, add;
					if (t.kind == K_FORM && (add = mark_drop(&o, i, &at_mark)) && lt_text &&
					    lt_out >= at_mark)
						lt_out += add;
					put(&o, s + i, (size_t)(t.name - (s + i)) + t.nlen);
					put(&o, ">", 1);
				}
			}
			if (t.kind == K_SELECT || closes_select(&o, &t))
				o.in_select = false;
			i = t.end;
			continue;
		}
		bool emit;
		unsigned cl = t.cl;
		size_t before = o.len;
		size_t next = after_start(&o, s, n, i, &t, cl, &emit);
		if (!emit) {
			o.fmt.popped = true; /* a <nav> or <title> written, or nothing */
			if (o.len != before) {
				o.fmt.li_open = o.fmt.p_open = false;
				o.fmt.list = 0;
			}
		}
		size_t past;
		if (emit && t.fmt && t.lname[0] == 'a' && !t.lname[1] && (past = put_link(&o, s, n, &t))) {
			depth -= depth > 0; /* as its end tag does without runs: the nesting cut where it is */
			after_block = false;
			i = past;
			continue;
		}
		if (emit) {
			if (!(cl & C_FLAT) && !t.selfclose && ++depth > HTML_MAX_DEPTH)
				break; /* the nesting cut */
			if (t.kind == K_PRE)
				pre++;
			o.foreign |= !t.selfclose && (t.kind == K_SVG || t.kind == K_MATH);
			bool popped = o.fmt.popped, waits = formatting_waits(&o.fmt);
			formatting_start(&o.fmt, &t, o.in_select);
			size_t tag_at_out = o.len, npend = o.npend;
			size_t kept = prepass_put_tag(&o, s, i, &t);
			if (drop_void(&o, tag_at_out, cl, kept, &t, waits)) {
				o.npend = npend; /* as if it never was */
				o.fmt.popped = popped;
				after_block = false; /* as if it were there: no void is ws_free's */
			} else {
				formatting_open_after(&o.fmt, &t);
				after_block = ws_free_class(cl, o.in_body);
				if ((cl & C_PHRASE) && !kept && may_drop(&o, tag_at_out)) {
					o.npend = npend; /* inside them: they may go if it goes */
					pend(&o, tag_at_out, &t, popped);
				}
				if (t.kind == K_PRE)
					o.pre_open = o.len;
				if (t.lname[0] == 'c' && (!strcmp(t.lname, "col") || !strcmp(t.lname, "colgroup")))
					o.col_end = o.len;
				o.in_body |= !(cl & C_HEAD);
				if (t.kind == K_SELECT) {
					o.in_select = !o.in_select; /* one in a <select> closes it */
					o.select_in_table = o.fmt.tables > 0;
				}
			}
		}
		if (closes_select(&o, &t))
			o.in_select = false;
		i = next;
	}
	return o.len;
}
