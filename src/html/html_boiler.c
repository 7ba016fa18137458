/*
 * html_boiler.c: elements whose content the pre-pass leaves out in an
 * extraction: <nav>, <aside>, <footer> and those boilerplate by their
 * role or aria-hidden (html_extract marks them so whatever they hold),
 * and what is hidden (html_tree never reads in it).  gumbo need not build
 * what is in them (on ../shared/corpora/html a seventh of an extraction's
 * instructions, the output the same).  But the rest of the page reads
 * some of a boilerplate one: metadata (a JSON-LD script, <meta>, <time>,
 * itemprop, an article body's own class name) keeps it whole, as do
 * content the scan cannot follow (MathML, SVG that HTML breaks out of,
 * <plaintext>), tags that are the document's (<body>, <html>, <head>,
 * <frameset>) and an end tag that may close it from outside.  The scan
 * follows the tokenizer where a tag could hide: comments, bogus comments,
 * scripts and the raw-text elements.
 */
#include "diglot/common.h"
#include "html_int.h"
#include "html_tags.h"

#include <string.h>
#include <strings.h>

/* Tags that are the document's, content the scan cannot follow. */
static bool document_tag(const struct tag *t)
{
	if (t->kind == K_MATH || t->kind == K_PLAINTEXT || t->many)
		return true;
	switch (t->lname[0]) {
	case 'b': return !strcmp(t->lname, "body");
	case 'h': return !strcmp(t->lname, "html") || !strcmp(t->lname, "head");
	case 'f': return !strcmp(t->lname, "frameset");
	default: return false;
	}
}

/* The first attributes of t named as in names (lower case), each's value
 * (NULL: none, or no value) into v, vl; *any: one of them was there. */
static void read_attrs(const char *s, const struct tag *t, const char *const *names, size_t count,
                       const char **v, size_t *vl, bool *any)
{
	*any = false;
	for (size_t k = 0; k < count; k++)
		v[k] = NULL, vl[k] = 0;
	bool seen[8] = {false};
	for (size_t a = 0; a < t->nattr; a++) {
		const char *as = s + t->attr[a].from;
		size_t al = t->attr[a].to - t->attr[a].from, l = 0;
		while (l < al && !html_is_ws(as[l]) && as[l] != '=')
			l++;
		for (size_t k = 0; k < count && k < ARRAY_SIZE(seen); k++) {
			if (!seen[k] && html_lower_is(as, l, names[k])) {
				seen[k] = *any = true;
				v[k] = html_attr_value(as, al, l, &vl[k]);
				break;
			}
		}
	}
}

/* Is v[0..n) (case aside) one of list? */
static bool value_in(const char *v, size_t n, const char *const *list, size_t count)
{
	for (size_t k = 0; v && k < count; k++)
		if (strlen(list[k]) == n && strncasecmp(v, list[k], n) == 0)
			return true;
	return false;
}

/* Might a class or id value be an article body's name (N_MARKER)?  All
 * of those hold "body", "content" or "text": the memo is read only then. */
static bool may_be_marker(const char *v, size_t n)
{
	for (size_t i = 0; i + 3 <= n; i++) {
		char b = (char)(v[i + 1] | 32);
		if (b != 'd' && b != 'n' && b != 'x')
			continue; /* most bytes: one test */
		char a = (char)(v[i] | 32), c = (char)(v[i + 2] | 32);
		if ((a == 'o' && b == 'd' && c == 'y') || (a == 'o' && b == 'n' && c == 't') ||
		    (a == 'e' && b == 'x' && c == 't'))
			return true;
	}
	return false;
}

/* Is the element of start tag t something other modules read? */
static bool read_elsewhere(const char *s, const struct tag *t, struct html_name_memo *memo)
{
	static const char *const props[] = {"articleBody", "text", "datePublished"};
	static const char *const rels[] = {"canonical", "alternate"};
	static const char *const ld[] = {"application/ld+json"};
	if (t->lname[0] == 't' && !strcmp(t->lname, "time"))
		return true;
	if (!t->nattr)
		return false;
	size_t vl;
	const char *v;
	if (t->kind == K_META) /* one html_meta reads */
		return ((v = html_tag_attr(s, t, "property", &vl)) || (v = html_tag_attr(s, t, "name", &vl)) ||
		        (v = html_tag_attr(s, t, "itemprop", &vl))) &&
		       html_meta_key(v, vl);
	if (t->kind == K_LINK)
		return (v = html_tag_attr(s, t, "rel", &vl)) && value_in(v, vl, rels, ARRAY_SIZE(rels));
	if (t->kind == K_SCRIPT)
		return (v = html_tag_attr(s, t, "type", &vl)) && value_in(v, vl, ld, ARRAY_SIZE(ld));
	static const char *const names[] = {"itemprop", "class", "id"};
	const char *av[3];
	size_t avl[3];
	bool any;
	read_attrs(s, t, names, 3, av, avl, &any);
	if (!any)
		return false;
	if (av[0] && value_in(av[0], avl[0], props, ARRAY_SIZE(props)))
		return true;
	for (int k = 1; k < 3; k++)
		if (av[k] && may_be_marker(av[k], avl[k]) && (html_name_flags_n(memo, av[k], avl[k]) & N_MARKER))
			return true;
	return false;
}

/* Past the content and end tag of the raw-text element (or script,
 * template) t, from its start tag's end; 0 when t holds none. */
static size_t past_raw(const char *s, size_t n, const struct tag *t)
{
	static const char *const raw[] = {"style", "title", "textarea", "xmp", "iframe",
	                                  "noembed", "noframes", "noscript"};
	if (!(t->cl & C_RAW) || (t->selfclose && t->kind != K_SCRIPT))
		return 0;
	if (t->kind == K_SCRIPT)
		return html_past_tag(s, n, html_script_end(s, n, t->end));
	if (t->kind == K_TEMPLATE)
		return html_template_end(s, n, t->end);
	if (t->kind == K_SVG)
		return html_svg_end(s, n, t->end);
	for (size_t k = 0; k < ARRAY_SIZE(raw); k++)
		if (!strcmp(t->lname, raw[k]))
			return html_past_tag(s, n, html_find_end_tag(s, n, t->end, raw[k]));
	return 0;
}

/* The names open in the element, its own first: the end tag that closes
 * it, as the tree builder pops (to the innermost of that name), is the
 * one that finds it first; one that finds none may close it from
 * outside (</section> around it), so the element stays whole. */
struct open_names {
	char v[32][16];
	size_t n;
};

static bool push_name(struct open_names *o, const char *name)
{
	if (o->n == ARRAY_SIZE(o->v))
		return false;
	strcpy(o->v[o->n++], name);
	return true;
}

/* The end tag t: 1 it closes the element, 0 it goes on, -1 it may close
 * it from outside. */
static int pop_name(struct open_names *o, const struct tag *t)
{
	for (size_t k = o->n; k-- > 0;) {
		if (o->v[k][0] == t->lname[0] && !strcmp(o->v[k], t->lname)) {
			o->n = k;
			return k == 0;
		}
	}
	/* Stray.  A block's (</div>, </section>) may close it from
	 * outside, a formatting element's restructures around it; the
	 * others the tree builder ignores at it (all these elements are
	 * "special"), </p> and </br> add an element inside. */
	if (t->fmt)
		return -1;
	if (!strcmp(t->lname, "p") || !strcmp(t->lname, "br"))
		return 0;
	return (t->cl & (C_PHRASE | C_NO_END)) || (!t->cl && t->kind == K_OTHER) ? 0 : -1;
}

/* Does t's element hide what it holds from every module (html_is_hidden,
 * html_tree.c: never descended), or is it boilerplate by its attributes
 * to html_extract (a role, aria-hidden)?  Only "special" elements: an end
 * tag the scan does not see opened stops at them. */
enum html_boiler html_boiler_kind(const char *s, const struct tag *t)
{
	static const char *const roles[] = {"navigation", "banner", "contentinfo", "complementary",
	                                    "search", "dialog", "alertdialog", "menu", "menubar"};
	static const char *const names[] = {"hidden", "style", "aria-hidden", "role"};
	if (t->selfclose)
		return BOILER_NONE;
	if (t->kind == K_NAV)
		return BOILER_BY_TAG;
	if (t->cl & C_HIDES)
		return BOILER_HIDDEN;
	if (!t->nattr || !(t->cl & C_BLOCK))
		return BOILER_NONE;
	const char *v[4];
	size_t vl[4];
	bool any;
	read_attrs(s, t, names, 4, v, vl, &any);
	if (!any)
		return BOILER_NONE;
	if (html_tag_attr_span(s, t, "hidden") ||
	    (v[1] && !memchr(v[1], '&', vl[1]) && html_style_hides(v[1], vl[1])))
		return BOILER_HIDDEN;
	if (v[2] && vl[2] == 4 && !memcmp(v[2], "true", 4))
		return BOILER_BY_ATTR;
	return v[3] && value_in(v[3], vl[3], roles, ARRAY_SIZE(roles)) ? BOILER_BY_ATTR : BOILER_NONE;
}

size_t html_boiler_end(const char *s, size_t n, const struct tag *open, bool hidden,
                       struct html_name_memo *memo)
{
	struct open_names names = {.n = 0};
	if (!*open->lname || !push_name(&names, open->lname))
		return 0;
	for (size_t i = open->end; i < n;) {
		const char *lt = memchr(s + i, '<', n - i);
		if (!lt || (size_t)(lt - s) + 1 >= n)
			return 0;
		i = (size_t)(lt - s);
		char c = s[i + 1];
		if (c == '!' && i + 4 <= n && memcmp(s + i, "<!--", 4) == 0) {
			i = html_comment_end(s, n, i);
			continue;
		}
		bool end = c == '/' && i + 2 < n;
		if (c == '!' || c == '?' || (end && !html_is_alpha(s[i + 2]))) {
			const char *gt = memchr(s + i, '>', n - i); /* a bogus comment */
			if (!gt)
				return 0;
			i = (size_t)(gt - s) + 1;
			continue;
		}
		if (!html_is_alpha(c) && !end) {
			i++;
			continue;
		}
		struct tag t;
		if (!html_tag_read(s, n, i, &t) || !*t.lname)
			return 0;
		if (t.closing) {
			int closes = pop_name(&names, &t);
			if (closes)
				return closes > 0 ? t.end : 0;
			i = t.end;
			continue;
		}
		if (document_tag(&t) || (!hidden && read_elsewhere(s, &t, memo)))
			return 0;
		size_t past = past_raw(s, n, &t);
		if (!past && t.kind == K_SVG && !t.selfclose)
			return 0; /* HTML in it ends it: as gumbo reads it */
		bool br = t.lname[0] == 'b' && t.lname[1] == 'r' && !t.lname[2];
		if (!past && !(t.cl & C_NO_END) && !br && !push_name(&names, t.lname))
			return 0;
		i = past ? past : t.end;
	}
	return 0;
}
