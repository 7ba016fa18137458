/*
 * html_prepass_tags.c: a start tag as the pre-pass writes it for gumbo:
 * only the attributes some module or the tree builder reads, with runs on
 * a class or id that says something as its flags' code, another quoted
 * value as a run, or all of them kept apart from gumbo (html_attrs.c).
 */
#include "diglot/common.h"
#include "html_prepass_out.h"

#include <string.h>
#include <strings.h>

/*
 * Does some module read this attribute?  html_meta (meta's keys and
 * content, <html lang>, canonical <link>, <time>, itemprop), html_feeds
 * (<link>'s rel, type, title, href), html_extract (class and id when
 * they say something, role, itemprop, aria-hidden), html_text (href,
 * hidden, a style that hides, lang); and the tree builder (<input type>,
 * <annotation-xml encoding>, <font>'s in foreign content).
 */
static bool keep_attr(const char *s, size_t n, const struct tag *t, struct html_name_memo *memo,
                      unsigned *flags)
{
	size_t l = 0;
	while (l < n && !html_is_ws(s[l]) && s[l] != '=' && s[l] != '/' && s[l] != '>')
		l++;
	if (l < 2 || l > 11)
		return false;
	char an[12];
	for (size_t k = 0; k < l; k++)
		an[k] = html_ascii_lower(s[k]);
	/* The name an[0..l) is w: a length and a compare of constant size
	 * (every attribute of a page is asked). */
#define IS(w) (l == sizeof(w) - 1 && memcmp(an, w, sizeof(w) - 1) == 0)
	*flags = 0;
	if (IS("class") || IS("id") || IS("style")) {
		size_t vl;
		const char *v = html_attr_value(s, n, l, &vl);
		/* Entities, bytes gumbo replaces: its value is not this one. */
		if (!v || memchr(v, '&', vl) || !html_runs_plain(v, vl))
			return true;
		if (an[0] == 's')
			return html_style_hides(v, vl);
		*flags = html_name_flags_n(memo, v, vl) & ~(unsigned)N_SET;
		return *flags != 0;
	}
	if (IS("href") || IS("hidden") || IS("aria-hidden") || IS("role") || IS("itemprop") ||
	    IS("datetime") || IS("pubdate") || IS("lang") || IS("xml:lang") || IS("content"))
		return true;
	if (t->kind == K_META)
		return IS("name") || IS("property") || IS("charset") || IS("http-equiv");
	if (t->kind == K_LINK)
		return IS("rel") || IS("type") || IS("title");
	if (t->kind == K_INPUT || t->kind == K_SCRIPT) /* JSON-LD's */
		return IS("type");
	if (t->kind == K_FONT)
		return IS("color") || IS("face") || IS("size");
	return !strcmp(t->lname, "annotation-xml") && IS("encoding");
#undef IS
}

/*
 * A kept attribute as[0..al), with runs on in what gumbo reads fastest
 * (it reads a value a character at a time): a class or id that says
 * something as its flags (html_name_code); another quoted value as a
 * run (html_runs.c) but <input type> and <annotation-xml encoding>, which
 * the tree builder reads; as_is: as written.
 */
static bool put_attr(struct out *o, const char *as, size_t al, unsigned flags, bool as_is)
{
	size_t l = 0, vl;
	while (l < al && !html_is_ws(as[l]) && as[l] != '=')
		l++;
	const char *v = runs_on(o) && !as_is ? html_attr_value(as, al, l, &vl) : NULL;
	/* The code or placeholder unquoted: a private-use character ends
	 * no unquoted value, and gumbo reads two characters fewer. */
	char code[HTML_NAME_CODE_MAX];
	size_t cl = v && flags ? html_name_code(o->memo, flags, code) : 0;
	if (cl && al >= l + 1 + cl) { /* never longer: name=X */
		put(o, as, l);
		put(o, "=", 1);
		put(o, code, cl);
		return true;
	}
	size_t w;
	if (v && v + vl + 1 == as + al && (as[al - 1] == '"' || as[al - 1] == '\'') &&
	    !(l == 4 && strncasecmp(as, "type", 4) == 0) &&
	    !(l == 8 && strncasecmp(as, "encoding", 8) == 0) && o->cap - o->len >= al &&
	    (w = html_runs_put(o->runs, RUN_ATTR, v, vl, o->s + o->len + (size_t)(v - as) - 1)) > 0) {
		memmove(o->s + o->len, as, (size_t)(v - as) - 1); /* name=, the placeholder after it */
		o->len += (size_t)(v - as) - 1 + w;
		return true;
	}
	put(o, as, al);
	/* As written: a value without quotes would take a '/' after it in. */
	v = html_attr_value(as, al, l, &vl);
	return v && v[-1] != '"' && v[-1] != '\'';
}

/*
 * May t's attributes be kept from gumbo (html_attrs.c)?  Not where the
 * tree builder reads them: <input>'s type, <font>'s in foreign content,
 * what is in SVG or MathML, what a second <html> or <body> adds to the
 * first, and a formatting element's (the "Noah's Ark" rule compares
 * them; but an <a> is never three times on the list: a new one closes
 * the last); nor a script's (JSON-LD's type is read before the tree).
 */
static bool attrs_apart(const struct out *o, const struct tag *t)
{
	if (!runs_on(o) || o->foreign || !t->nattr || t->kind == K_INPUT || t->kind == K_FONT ||
	    t->kind == K_SCRIPT || t->kind == K_SVG || t->kind == K_MATH)
		return false;
	if (t->fmt && (t->lname[0] != 'a' || t->lname[1]))
		return false;
	switch (t->lname[0]) {
	case 'a': return strcmp(t->lname, "annotation-xml") != 0;
	case 'b': return strcmp(t->lname, "body") != 0;
	case 'f': return strcmp(t->lname, "frameset") != 0;
	case 'h': return strcmp(t->lname, "html") != 0 && strcmp(t->lname, "head") != 0;
	case 'i': return strcmp(t->lname, "isindex") != 0;
	default: return true;
	}
}

bool prepass_keep_apart(struct out *o, const char *s, const struct tag *t, size_t *kept)
{
	html_attrs_begin(o->runs, o->len);
	*kept = 0;
	for (size_t a = 0; a < t->nattr; a++) {
		const char *as = s + t->attr[a].from;
		size_t al = t->attr[a].to - t->attr[a].from;
		unsigned flags;
		if (!keep_attr(as, al, t, o->memo, &flags))
			continue;
		size_t l = 0, vl;
		while (l < al && !html_is_ws(as[l]) && as[l] != '=')
			l++;
		const char *v = html_attr_value(as, al, l, &vl);
		char code[HTML_NAME_CODE_MAX];
		if (v && flags) {
			vl = html_name_code(o->memo, flags, code);
			v = code;
		}
		if (!html_attrs_add(o->runs, as, l, v, vl, v == code)) {
			html_attrs_end(o->runs, false);
			return false;
		}
		++*kept;
	}
	html_attrs_end(o->runs, true);
	return true;
}

/* put_tag with the attributes kept apart: false when one of them is
 * gumbo's to read (nothing written then). */
static bool put_tag_apart(struct out *o, const char *s, size_t i, const struct tag *t, size_t *kept)
{
	if (!prepass_keep_apart(o, s, t, kept))
		return false;
	put(o, s + i, (size_t)(t->name - (s + i)) + t->nlen);
	put(o, t->selfclose ? "/>" : ">", t->selfclose ? 2 : 1);
	return true;
}

/* (The start tags waiting for their end tag now have a tag inside.) */
size_t prepass_put_tag(struct out *o, const char *s, size_t i, const struct tag *t)
{
	o->npend = 0;
	if (t->many) { /* past the attribute table: as it is */
		put(o, s + i, t->end - i);
		return t->nattr;
	}
	size_t kept;
	if (attrs_apart(o, t) && put_tag_apart(o, s, i, t, &kept))
		return kept;
	kept = 0;
	bool unquoted = false; /* the last value: a '/' after it would be part of it */
	put(o, s + i, (size_t)(t->name - (s + i)) + t->nlen);
	bool dropped = false;
	for (size_t a = 0; a < t->nattr; a++) {
		const char *as = s + t->attr[a].from;
		size_t al = t->attr[a].to - t->attr[a].from;
		unsigned flags;
		if (!keep_attr(as, al, t, o->memo, &flags)) {
			dropped = true;
			continue;
		}
		/* An attribute may follow a quoted value without a space
		 * (rel="x"href="y": two attributes to the tokenizer); with the
		 * one before it dropped it would be glued to what comes before
		 * (the name: <ahref=...>), or to a value written unquoted
		 * (href=Xstyle).  The dropped one's bytes, or the quotes, pay. */
		if (t->attr[a].sep || dropped || unquoted)
			put(o, " ", 1);
		dropped = false;
		/* A formatting element's as they are: the "Noah's Ark" rule
		 * compares them (a run's placeholder or a code would tell equal
		 * values apart, or unequal ones not). */
		unquoted = put_attr(o, as, al, flags, t->fmt != 0);
		kept++;
	}
	if (t->selfclose && unquoted)
		put(o, " />", 3); /* the quotes dropped pay for the space */
	else
		put(o, t->selfclose ? "/>" : ">", t->selfclose ? 2 : 1);
	return kept;
}
