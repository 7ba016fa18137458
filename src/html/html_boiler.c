/*
 * html_boiler.c: where the content of a <nav>, <aside> or <footer> ends,
 * for the pre-pass to leave it out.  html_extract marks the three
 * boilerplate whatever they hold, so gumbo need not build what is in
 * them (on ../shared/corpora/html a seventh of an extraction's
 * instructions, the output the same).  But the rest of the page reads
 * some of it: metadata (a JSON-LD script, <meta>, <time>, itemprop, an
 * article body's own class name) keeps the element whole, as do content
 * the pass cannot follow (MathML, SVG that HTML breaks out of,
 * <plaintext>) and tags that are the document's (<body>, <html>, <head>,
 * <frameset>).  The scan follows the
 * tokenizer where a tag could hide: comments, bogus comments, scripts and
 * the raw-text elements.
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

/* Is the element of start tag t something other modules read? */
static bool read_elsewhere(const char *s, const struct tag *t, struct html_name_memo *memo)
{
	static const char *const whole[] = {"time", "body", "html", "head", "frameset"};
	static const char *const props[] = {"articleBody", "text", "datePublished"};
	static const char *const rels[] = {"canonical", "alternate"};
	static const char *const ld[] = {"application/ld+json"};
	if (t->kind == K_MATH || t->kind == K_PLAINTEXT || t->many)
		return true;
	for (size_t k = 0; k < ARRAY_SIZE(whole); k++)
		if (!strcmp(t->lname, whole[k]))
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

size_t html_boiler_end(const char *s, size_t n, size_t from, const char *name,
                       struct html_name_memo *memo)
{
	size_t depth = 1;
	for (size_t i = from; i < n;) {
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
		if (!html_tag_read(s, n, i, &t))
			return 0;
		bool same = !strcmp(t.lname, name);
		if (t.closing) {
			if (same && --depth == 0)
				return t.end;
			i = t.end;
			continue;
		}
		if (read_elsewhere(s, &t, memo))
			return 0;
		depth += same;
		size_t past = past_raw(s, n, &t);
		if (!past && t.kind == K_SVG && !t.selfclose)
			return 0; /* HTML in it ends it: as gumbo reads it */
		i = past ? past : t.end;
	}
	return 0;
}
