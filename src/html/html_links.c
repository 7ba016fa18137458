/*
 * html_links.c: the <a> elements made after the parse.  A link around
 * plain text alone (<a href=...>text</a>, 60 a page on
 * ../shared/corpora/html) costs gumbo an element, a formatting element
 * on its list and back, and a text node: about a ninth of its time.
 * Where the tree builder does nothing else with it (no <a> on the list,
 * outside tables, <select> and foreign content: html_prepass.c,
 * put_link), the pre-pass writes a placeholder for the run of its text;
 * here the text node that holds it is cut there, the <a> made with that
 * text and its attributes, as gumbo would have made it: after the text
 * before it (made a node when the start tag came), before the text after.
 */
#include "diglot/common.h"
#include "html_int.h"

#include <stdlib.h>
#include <string.h>

/* Whitespace alone, as gumbo types a text node. */
static bool blank(const char *t)
{
	for (; *t; t++)
		if (*t != ' ' && *t != '\t' && *t != '\n' && *t != '\f' && *t != '\r')
			return false;
	return true;
}

static GumboNode *new_node(GumboNodeType type, GumboNode *parent, const GumboOptions *opt)
{
	GumboNode *n = opt->allocator(opt->userdata, sizeof *n);
	memset(n, 0, sizeof *n);
	n->type = type;
	n->parent = parent;
	return n;
}

static GumboNode *text_node(char *text, GumboNode *parent, const GumboOptions *opt)
{
	GumboNode *n = new_node(blank(text) ? GUMBO_NODE_WHITESPACE : GUMBO_NODE_TEXT, parent, opt);
	n->v.text.text = text;
	return n;
}

/* The <a> of link run k. */
static GumboNode *link_node(const struct html_runs *r, size_t k, GumboNode *parent,
                            const GumboOptions *opt)
{
	GumboNode *a = new_node(GUMBO_NODE_ELEMENT, parent, opt);
	GumboElement *e = &a->v.element;
	e->tag = GUMBO_TAG_A;
	e->tag_namespace = GUMBO_NAMESPACE_HTML;
	if (r->v[k].link != HTML_LINK_BARE)
		html_attrs_fill(r, r->v[k].link - 1, &e->attributes, opt);
	char *text = opt->allocator(opt->userdata, r->v[k].len + 1);
	memcpy(text, r->text.s + r->v[k].off, r->v[k].len);
	text[r->v[k].len] = '\0';
	e->children.data = opt->allocator(opt->userdata, sizeof *e->children.data);
	e->children.capacity = e->children.length = 1;
	e->children.data[0] = text_node(text, a, opt);
	return a;
}

/* n's pieces, in order: text nodes and <a> elements. */
struct pieces {
	GumboNode **v;
	size_t n, cap;
};

static void add(struct pieces *p, GumboNode *node)
{
	xgrow(&p->v, &p->cap, p->n + 1, sizeof *p->v);
	p->v[p->n++] = node;
}

/* Put the pieces in n's place among its parent's children; n goes. */
static void replace(GumboNode *n, const struct pieces *p, const GumboOptions *opt)
{
	GumboVector *kids = &n->parent->v.element.children;
	unsigned at = (unsigned)n->index_within_parent, len = kids->length + (unsigned)p->n - 1;
	void **data = opt->allocator(opt->userdata, len * sizeof *data);
	memcpy(data, kids->data, at * sizeof *data);
	memcpy(data + at, p->v, p->n * sizeof *data);
	memcpy(data + at + p->n, kids->data + at + 1, (kids->length - at - 1) * sizeof *data);
	opt->deallocator(opt->userdata, kids->data);
	kids->data = data;
	kids->length = kids->capacity = len;
	for (unsigned i = at; i < len; i++)
		((GumboNode *)data[i])->index_within_parent = i;
	opt->deallocator(opt->userdata, (void *)n->v.text.text);
	opt->deallocator(opt->userdata, n);
}

bool html_links_split(const struct html_runs *r, GumboNode *n, const GumboOptions *opt)
{
	GumboNode *parent = n->parent;
	if (!parent || (parent->type != GUMBO_NODE_ELEMENT && parent->type != GUMBO_NODE_TEMPLATE))
		return false;
	const char *t = n->v.text.text;
	size_t len = strlen(t), from = 0;
	struct pieces p = {NULL, 0, 0};
	for (size_t i = 0; i < len;) {
		size_t w = 1, k = html_runs_at(r, (const unsigned char *)t + i, len - i, &w);
		if (k == r->n || !r->v[k].link) {
			i += k == r->n ? 1 : w;
			continue;
		}
		if (i > from)
			add(&p, text_node(html_runs_text(r, t + from, i - from, opt), parent, opt));
		add(&p, link_node(r, k, parent, opt));
		i += w;
		from = i;
	}
	if (!p.n)
		return false;
	if (len > from)
		add(&p, text_node(html_runs_text(r, t + from, len - from, opt), parent, opt));
	replace(n, &p, opt);
	free(p.v);
	return true;
}
