/*
 * html_feeds.c: the feeds a web page announces in its <link
 * rel="alternate"> elements (RSS, Atom, JSON Feed), for `diglot add` given
 * a site rather than a feed.
 */
#include "html_int.h"
#include "diglot/utf8.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Is one of the space-separated words of rel "alternate"? */
static bool rel_alternate(const char *rel)
{
	for (const char *p = rel; *p;) {
		while (*p == ' ' || *p == '\t' || *p == '\n')
			p++;
		size_t n = strcspn(p, " \t\n");
		if (n == 9 && !strncasecmp(p, "alternate", 9))
			return true;
		p += n;
	}
	return false;
}

static bool feed_type(const char *type)
{
	static const char *const types[] = {"application/rss+xml", "application/atom+xml",
	                                    "application/feed+json", "application/rdf+xml"};
	size_t n = strcspn(type, " ;");
	for (size_t i = 0; i < ARRAY_SIZE(types); i++)
		if (strlen(types[i]) == n && !strncasecmp(type, types[i], n))
			return true;
	return false;
}

static void add_link(struct html_link **v, size_t *n, size_t *cap, const GumboNode *el,
                     const char *base)
{
	const char *href = html_attr(el, "href"), *title = html_attr(el, "title");
	char *url = href && *href ? html_resolve_url(base, href) : NULL;
	if (!url)
		return;
	for (size_t i = 0; i < *n; i++)
		if (!strcmp((*v)[i].url, url)) {
			free(url);
			return;
		}
	xgrow(v, cap, *n + 1, sizeof **v);
	/* A title is one line: a newline in the attribute is no paragraph. */
	(*v)[(*n)++] = (struct html_link){url, utf8_clean_line(title ? title : "", strlen(title ? title : ""))};
}

size_t html_feed_links(const char *bytes, size_t len, const char *base_url, const char *charset,
                       struct html_link **out)
{
	*out = NULL;
	struct html_doc d = {0};
	char *cause = NULL;
	if (html_doc_parse(bytes, len, charset, false, &d, &cause) != DG_OK) {
		free(cause);
		return 0;
	}
	char *base = html_doc_base(&d, base_url);
	size_t n = 0, cap = 0, sn = 0, scap = 0;
	const GumboNode **stack = NULL;
	xgrow(&stack, &scap, 1, sizeof *stack);
	stack[sn++] = d.out->root;
	/* an explicit stack: pages nest as deep as HTML_MAX_DEPTH */
	while (sn) {
		const GumboNode *node = stack[--sn];
		if (node->type != GUMBO_NODE_ELEMENT)
			continue;
		const GumboElement *el = &node->v.element;
		if (el->tag == GUMBO_TAG_LINK) {
			const char *rel = html_attr(node, "rel"), *type = html_attr(node, "type");
			if (rel && type && rel_alternate(rel) && feed_type(type))
				add_link(out, &n, &cap, node, base);
			continue;
		}
		/* children in reverse, so that they come off in page order */
		for (unsigned i = el->children.length; i-- > 0;) {
			xgrow(&stack, &scap, sn + 1, sizeof *stack);
			stack[sn++] = el->children.data[i];
		}
	}
	free(stack);
	free(base);
	html_doc_free(&d);
	return n;
}

void html_links_free(struct html_link *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].url);
		free(v[i].text);
	}
	free(v);
}
