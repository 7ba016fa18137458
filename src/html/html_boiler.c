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

/* Does an attribute of t (lower-case name) have a value in list? */
static bool attr_in(const char *s, const struct tag *t, const char *name, const char *const *list,
                    size_t count)
{
	size_t vl;
	const char *v = html_tag_attr(s, t, name, &vl);
	for (size_t k = 0; v && k < count; k++)
		if (strlen(list[k]) == vl && strncasecmp(v, list[k], vl) == 0)
			return true;
	return false;
}

/* Tags that are the document's, content the scan cannot follow. */
static bool document_tag(const struct tag *t)
{
	static const char *const whole[] = {"body", "html", "head", "frameset"};
	if (t->kind == K_MATH || t->kind == K_PLAINTEXT || t->many)
		return true;
	for (size_t k = 0; k < ARRAY_SIZE(whole); k++)
		if (!strcmp(t->lname, whole[k]))
			return true;
	return false;
}

/* Is the element of start tag t something other modules read? */
static bool read_elsewhere(const char *s, const struct tag *t, struct html_name_memo *memo)
{
	static const char *const props[] = {"articleBody", "text", "datePublished"};
	static const char *const rels[] = {"canonical", "alternate"};
	static const char *const ld[] = {"application/ld+json"};
	if (!strcmp(t->lname, "time"))
		return true;
	size_t vl;
	const char *v;
	if (t->kind == K_META) /* one html_meta reads */
		return ((v = html_tag_attr(s, t, "property", &vl)) || (v = html_tag_attr(s, t, "name", &vl)) ||
		        (v = html_tag_attr(s, t, "itemprop", &vl))) &&
		       html_meta_key(v, vl);
	if (t->kind == K_LINK)
		return attr_in(s, t, "rel", rels, ARRAY_SIZE(rels));
	if (t->kind == K_SCRIPT)
		return attr_in(s, t, "type", ld, ARRAY_SIZE(ld));
	if (attr_in(s, t, "itemprop", props, ARRAY_SIZE(props)))
		return true;
	const char *names[2] = {"class", "id"};
	for (int k = 0; k < 2; k++) {
		v = html_tag_attr(s, t, names[k], &vl);
		if (v && (html_name_flags_n(memo, v, vl) & N_MARKER))
			return true;
	}
	return false;
}

/* Past the content and end tag of the raw-text element (or script,
 * template) t, from its start tag's end; 0 when t holds none. */
static size_t past_raw(const char *s, size_t n, const struct tag *t)
{
	static const char *const raw[] = {"style", "title", "textarea", "xmp", "iframe",
	                                  "noembed", "noframes", "noscript"};
	if (t->selfclose && t->kind != K_SCRIPT)
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
		if (!strcmp(o->v[k], t->lname)) {
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
	static const char *const special[] = {"div", "section", "ul", "ol", "dl", "header", "figure",
	                                      "details", "blockquote", "form"};
	if (t->selfclose)
		return BOILER_NONE;
	if (t->kind == K_NAV)
		return BOILER_BY_TAG;
	if (t->kind == K_SELECT || !strcmp(t->lname, "button"))
		return BOILER_HIDDEN;
	if (!t->nattr || !(t->cl & C_WS_FREE) || (t->cl & C_FLAT))
		return BOILER_NONE;
	size_t k = 0;
	while (k < ARRAY_SIZE(special) && strcmp(t->lname, special[k]))
		k++;
	if (k == ARRAY_SIZE(special))
		return BOILER_NONE;
	size_t vl;
	const char *v;
	if (html_tag_attr_span(s, t, "hidden") ||
	    ((v = html_tag_attr(s, t, "style", &vl)) && !memchr(v, '&', vl) && html_style_hides(v, vl)))
		return BOILER_HIDDEN;
	if ((v = html_tag_attr(s, t, "aria-hidden", &vl)) && vl == 4 && !memcmp(v, "true", 4))
		return BOILER_BY_ATTR;
	return attr_in(s, t, "role", roles, ARRAY_SIZE(roles)) ? BOILER_BY_ATTR : BOILER_NONE;
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
		if (!past && !(t.cl & C_NO_END) && strcmp(t.lname, "br") && !push_name(&names, t.lname))
			return 0;
		i = past ? past : t.end;
	}
	return 0;
}
