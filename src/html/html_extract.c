/*
 * html_extract.c: the main text of a page.  The ideas are readability's
 * and trafilatura's, the code ours:
 *   1. boilerplate containers are marked by tag (nav, aside, footer),
 *      ARIA role and class/id names (comment, share, related, cookie ...);
 *   2. every block that holds a paragraph of its own text scores 1 + its
 *      punctuation + its length (up to 3), given to its parent, half to the
 *      grandparent, a third above; a container's score is cut by its link
 *      density and moved by its class/id names, <article>, <main> and
 *      itemprop=articleBody;
 *   3. the best container is the article, with those of its siblings that
 *      score near it or read as paragraphs;
 *   4. its text is walked leaving out boilerplate and link lists.
 * A page where that finds too little falls back to all text outside
 * boilerplate.
 */
#include "diglot/common.h"
#include "diglot/html_extract.h"
#include "html_int.h"
#include "diglot/article.h"
#include "diglot/utf8.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Both names of an element: the union of their flags; *weight +25 per
 * name with an article word, -25 per one with a boilerplate word. */
static unsigned node_names(struct html_name_memo *memo, const struct xnode *x, int *weight)
{
	unsigned f[2] = {html_name_flags(memo, x->attr[XA_CLASS]), html_name_flags(memo, x->attr[XA_ID])};
	int w = 0;
	for (int k = 0; k < 2; k++)
		w += (f[k] & N_GOOD ? 25 : 0) - (f[k] & N_BAD ? 25 : 0);
	if (weight)
		*weight = w;
	return f[0] | f[1];
}

static bool bad_role(const struct xnode *x)
{
	const char *r = x->attr[XA_ROLE];
	if (!r)
		return false;
	static const char *const roles[] = {"navigation", "banner", "contentinfo", "complementary",
	                                    "search", "dialog", "alertdialog", "menu", "menubar"};
	for (size_t i = 0; i < ARRAY_SIZE(roles); i++)
		if (strcasecmp(r, roles[i]) == 0)
			return true;
	return false;
}

static GumboTag tag_of(const struct xnode *x)
{
	return x->n->type == GUMBO_NODE_ELEMENT ? x->n->v.element.tag : GUMBO_TAG_UNKNOWN;
}

static bool is_body_like(GumboTag t)
{
	return t == GUMBO_TAG_HTML || t == GUMBO_TAG_BODY || t == GUMBO_TAG_MAIN || t == GUMBO_TAG_ARTICLE;
}

static bool body_prop(const struct xnode *x)
{
	const char *ip = x->attr[XA_ITEMPROP];
	return ip && (strcasecmp(ip, "articleBody") == 0 || strcasecmp(ip, "text") == 0);
}

/* Step 1: names, roles and tags. */
static void mark_boiler(struct xtree *t, struct html_name_memo *memo)
{
	/* The page's text outside links: what a reader reads. */
	uint32_t body_chars = t->v[0].chars - t->v[0].link_chars;
	for (size_t i = 1; i < t->n; i++) /* once: the steps below read them */
		t->v[i].names = (uint8_t)node_names(memo, &t->v[i], &t->v[i].weight);
	for (size_t i = t->n - 1; i > 0; i--) { /* children come after parents */
		struct xnode *x = &t->v[i];
		if (!x->body_below && x->chars > 0 && (body_prop(x) || (x->names & N_MARKER)))
			x->body_below = true;
		if (x->body_below && x->parent >= 0)
			t->v[x->parent].body_below = true;
	}
	for (size_t i = 1; i < t->n; i++) {
		struct xnode *x = &t->v[i];
		GumboTag tag = tag_of(x);
		bool strong = x->names & N_STRONG;
		bool is_body = body_prop(x);
		if (is_body)
			x->weight += 50;
		if (is_body_like(tag) || is_body)
			continue;
		/* Names alone never mark a container holding most of the page's
		 * text: layouts are named "two-col-sidebar", "has-comments". */
		if (strong && (x->chars - x->link_chars) * 2 < body_chars && x->weight < 0 && !x->body_below)
			x->boiler = true;
		if (tag == GUMBO_TAG_NAV || tag == GUMBO_TAG_ASIDE || tag == GUMBO_TAG_FOOTER || bad_role(x))
			x->boiler = true;
		/* A form is a comment form or a search box, unless the page
		 * is all one form (ASP.NET). */
		if (tag == GUMBO_TAG_FORM && (x->chars - x->link_chars) * 2 < body_chars)
			x->boiler = true;
		if (x->attr[XA_ARIA_HIDDEN] && strcmp(x->attr[XA_ARIA_HIDDEN], "true") == 0)
			x->boiler = true;
	}
	/* Inherit: below a boilerplate container everything is. */
	for (size_t i = 1; i < t->n; i++)
		if (t->v[i].parent >= 0 && t->v[t->v[i].parent].boiler)
			t->v[i].boiler = true;
}

static float density(const struct xnode *x)
{
	return x->chars ? (float)x->link_chars / (float)x->chars : 0.0f;
}

/* Step 2: paragraphs score their containers. */
static void score(struct xtree *t)
{
	for (size_t i = 1; i < t->n; i++) {
		struct xnode *x = &t->v[i];
		if (x->boiler || x->own_chars < 25)
			continue;
		float own_ld = (float)x->own_link / (float)x->own_chars;
		if (own_ld > 0.5f)
			continue;
		float s = 1.0f + (float)x->own_punct + MIN((float)x->own_chars / 100.0f, 3.0f);
		x->para_chars += x->own_chars;
		/* The block itself counts (a <div> of bare text is a paragraph
		 * too), then its containers. */
		x->score += s / 2;
		int p = x->parent;
		for (int level = 0; p >= 0 && level < 4; level++, p = t->v[p].parent)
			t->v[p].score += level == 0 ? s : s / (float)(level * 2);
	}
}

/* Paragraph characters summed up the tree (children come after parents). */
static void sum_paras(struct xtree *t)
{
	for (size_t i = t->n - 1; i > 0; i--)
		if (t->v[i].parent >= 0)
			t->v[t->v[i].parent].para_chars += t->v[i].para_chars;
}

/* An article split into blocks (a lead, then the body; sections) has its
 * best-scored block deep inside: up to five levels above it, the highest
 * container with 60 % more paragraph text (measured on the 143 pages: 15 %
 * took in comment prompts and newsletter boxes, 300 % missed leads) and
 * few links. */
static int climb(const struct xtree *t, int win)
{
	int best = win, cur = win;
	for (int level = 0; level < 5; level++) {
		int p = t->v[cur].parent;
		if (p <= 0)
			break;
		const struct xnode *x = &t->v[p];
		GumboTag tag = tag_of(x);
		if (tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_HTML || x->boiler || density(x) > 0.25f)
			break;
		if ((float)x->para_chars >= (float)t->v[best].para_chars * 1.6f)
			best = p;
		cur = p;
	}
	return best;
}

static float final_score(const struct xnode *x)
{
	GumboTag tag = tag_of(x);
	float s = x->score * (1.0f - density(x)) + (float)x->weight;
	if (tag == GUMBO_TAG_ARTICLE)
		s += 15;
	else if (tag == GUMBO_TAG_MAIN)
		s += 5;
	return s;
}

/* Step 3: the best container. */
static int winner(const struct xtree *t)
{
	int best = -1;
	float bs = 0;
	for (size_t i = 1; i < t->n; i++) {
		const struct xnode *x = &t->v[i];
		if (x->boiler || x->score <= 0)
			continue;
		GumboTag tag = tag_of(x);
		if (tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_HEAD)
			continue;
		float s = final_score(x);
		if (best < 0 || s > bs) {
			best = (int)i;
			bs = s;
		}
	}
	return best;
}

struct chosen {
	const struct xtree *t;
	int win;
	bool *take; /* per xnode: a sibling joined to the winner */
};

static bool sibling_joins(const struct xtree *t, const struct xnode *win, const struct xnode *s)
{
	if (s->boiler || !s->chars)
		return false;
	float ws = final_score(win);
	if (s->score > 0 && final_score(s) >= MAX(10.0f, ws * 0.2f))
		return true;
	GumboTag tag = tag_of(s);
	float ld = density(s);
	(void)t;
	if (tag == GUMBO_TAG_P || tag == GUMBO_TAG_BLOCKQUOTE || tag == GUMBO_TAG_PRE) {
		if (s->chars > 80 && ld < 0.25f)
			return true;
		if (s->chars > 0 && ld == 0 && s->punct > 0)
			return true;
	}
	return false;
}

/* Step 4: what the walk leaves out inside the article. */
static bool skip_node(void *ctx, const GumboNode *n)
{
	const struct chosen *c = ctx;
	if (n->type != GUMBO_NODE_ELEMENT)
		return false; /* not in the tree (its elements and the root) */
	int i = xtree_find(c->t, n);
	if (i < 0)
		return false;
	const struct xnode *x = &c->t->v[i];
	if (x->boiler)
		return true;
	if (i == c->win)
		return false;
	GumboTag tag = tag_of(x);
	float ld = density(x);
	switch (tag) {
	case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION:
	case GUMBO_TAG_TABLE: case GUMBO_TAG_DL: case GUMBO_TAG_HEADER: case GUMBO_TAG_TR:
	case GUMBO_TAG_LI: case GUMBO_TAG_P:
		/* A list of links; a container that names itself boilerplate
		 * and reads as links. */
		if (x->chars && ld > 0.5f && x->weight <= 0)
			return true;
		if (x->chars && ld > 0.25f && x->weight < 0)
			return true;
		if (x->weight < 0 && x->punct == 0 && x->chars < 200)
			return true;
		break;
	case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
	case GUMBO_TAG_H5: case GUMBO_TAG_H6:
		if (x->weight < 0 || ld > 0.5f)
			return true;
		break;
	case GUMBO_TAG_FIGCAPTION:
		/* Captions and photo credits: beside the article, not of it. */
		return true;
	case GUMBO_TAG_FIGURE:
		return x->weight < 0;
	default:
		break;
	}
	return false;
}

/* Text of the chosen nodes, in document order. */
static void collect(struct html_walk *w, struct chosen *c, int parent)
{
	const struct xtree *t = c->t;
	if (parent < 0) {
		html_walk_node(w, t->v[c->win].n);
		return;
	}
	for (size_t i = (size_t)parent + 1; i < t->v[parent].end; i = t->v[i].end) {
		if (c->take[i])
			html_walk_node(w, t->v[i].n);
	}
}

/* Has s at least min characters but spaces and newlines?  Stops there:
 * counting all of an article's was 0.08M instructions a page. */
static bool has_chars(const char *s, uint32_t min)
{
	uint32_t ch = 0;
	for (; *s && ch < min; s++)
		ch += ((unsigned char)*s & 0xC0) != 0x80 && *s != ' ' && *s != '\n';
	return ch >= min;
}

/* The main text and its links into p->text, p->links. */
static int main_text(struct xtree *t, const char *base, struct html_page *p)
{
	struct chosen c = {.t = t, .win = winner(t)};
	if (c.win > 0)
		c.win = climb(t, c.win);
	int win0 = c.win;
	c.take = xcalloc(t->n, sizeof *c.take);
	struct html_walk w = {.max = UTF8_MAX_INPUT, .links_on = true, .base = base,
	                      .skip = skip_node, .ctx = &c};
	int parent = -1;
	if (c.win > 0) {
		parent = t->v[c.win].parent;
		const struct xnode *win = &t->v[c.win];
		if (parent >= 0) {
			for (size_t i = (size_t)parent + 1; i < t->v[parent].end; i = t->v[i].end)
				c.take[i] = (int)i == c.win || sibling_joins(t, win, &t->v[i]);
		}
		collect(&w, &c, parent);
		html_walk_break(&w);
	}
	/* Too little: everything but boilerplate. */
	if (c.win <= 0 || !has_chars(sbuf_str(&w.out), 150)) {
		html_walk_free(&w);
		w = (struct html_walk){.max = UTF8_MAX_INPUT, .links_on = true, .base = base,
		                       .skip = skip_node, .ctx = &c};
		c.win = 0;
		html_walk_node(&w, t->v[0].n);
		html_walk_break(&w);
	}
	p->text = html_clean_text(sbuf_str(&w.out), w.out.len);
	p->links = w.links;
	p->nlinks = w.nlinks;
	w.links = NULL;
	w.nlinks = 0;
	html_walk_free(&w);
	free(c.take);
	return win0;
}

static char *h1_text(const struct xtree *t, size_t i)
{
	const struct xnode *x = &t->v[i];
	if (tag_of(x) != GUMBO_TAG_H1 || x->boiler || !x->chars)
		return NULL;
	char *s = html_node_line(x->n);
	if (*s)
		return s;
	free(s);
	return NULL;
}

/* The headline: the first <h1> in the article, else the last before it
 * (the article's header), else the first of the page; boilerplate's
 * never. */
static char *pick_h1(const struct xtree *t, int win)
{
	char *s = NULL;
	if (win > 0) {
		for (size_t i = (size_t)win; i < t->v[win].end && !s; i++)
			s = h1_text(t, i);
		for (size_t i = (size_t)win; i-- > 1 && !s;)
			s = h1_text(t, i);
	}
	for (size_t i = 1; i < t->n && !s; i++)
		s = h1_text(t, i);
	return s;
}

/* Might s hold a date: a year of four digits (1990-2099) or a CJK date? */
static bool has_year(const char *s)
{
	for (const char *p = s; *p; p++)
		if ((p[0] == '1' && p[1] == '9') || (p[0] == '2' && p[1] == '0'))
			if (p[2] >= '0' && p[2] <= '9' && p[3] >= '0' && p[3] <= '9' &&
			    (p == s || p[-1] < '0' || p[-1] > '9') && (p[4] < '0' || p[4] > '9'))
				return true;
	return false;
}

static bool try_date(const char *s, struct html_meta *m)
{
	return has_year(s) && html_meta_date(s, m->date, &m->date_unix);
}

/* A year in the text right under n (cheap: no walk). */
static bool text_has_year(const GumboNode *n)
{
	const GumboVector *kids = &n->v.element.children;
	for (unsigned i = 0; i < kids->length; i++) {
		const GumboNode *c = kids->data[i];
		if (c->type == GUMBO_NODE_TEXT && has_year(c->v.text.text))
			return true;
	}
	return false;
}

/* Element i of a short subtree as a date, when a year is in its text. */
static bool try_node(const struct xtree *t, size_t i, struct html_meta *m)
{
	bool year = false;
	for (size_t j = i; j < t->v[i].end && !year; j++)
		year = t->v[j].n->type == GUMBO_NODE_ELEMENT && text_has_year(t->v[j].n);
	if (!year)
		return false;
	char *s = html_node_line(t->v[i].n);
	bool ok = try_date(s, m);
	free(s);
	return ok;
}

/* The n-th paragraph of text, when short, as a date. */
static bool try_para(const char *text, size_t from, size_t to, struct html_meta *m)
{
	const char *p = text;
	for (size_t k = 0; *p && k < to; k++) {
		const char *e = strstr(p, "\n\n");
		size_t n = e ? (size_t)(e - p) : strlen(p);
		if (k >= from && n < 120) {
			char *s = xstrndup(p, n);
			bool ok = try_date(s, m);
			free(s);
			if (ok)
				return true;
		}
		p = e ? e + 2 : p + n;
	}
	return false;
}

static size_t count_paras(const char *text)
{
	size_t n = *text != '\0';
	for (const char *p = text; (p = strstr(p, "\n\n")) != NULL; p += 2)
		n++;
	return n;
}

/* A date a reader sees, when the metadata gave none: in an element named
 * for dates, in the first or last short paragraphs of the text, in a
 * short element of the article or just before it, in the title; last,
 * the date the page was modified. */
static void visible_date(const struct xtree *t, int win, const char *text,
                         struct html_meta *m)
{
	if (m->date[0])
		return;
	for (size_t i = 1; i < t->n; i++) {
		const struct xnode *x = &t->v[i];
		if (x->chars && x->chars <= 120 && (x->names & N_DATE) && try_node(t, i, m))
			return;
	}
	size_t np = count_paras(text);
	if (try_para(text, 0, 6, m) || (np > 6 && try_para(text, np - 3, np, m)))
		return;
	if (win > 0) {
		size_t from = (size_t)win > 40 ? (size_t)win - 40 : 1;
		for (size_t i = from; i < t->v[win].end && i < from + 400; i++) {
			const struct xnode *x = &t->v[i];
			if (x->own_chars >= 6 && x->chars <= 80 && !x->boiler && try_node(t, i, m))
				return;
		}
	}
	const char *titles[2] = {m->og_title, m->title_tag};
	for (int k = 0; k < 2; k++)
		if (titles[k] && try_date(titles[k], m))
			return;
	if (m->mod_date[0]) {
		memcpy(m->date, m->mod_date, sizeof m->date);
		m->date_unix = m->mod_unix;
	}
}

/* "en_US", "en-gb", "EN" -> "en"; "" when not a language tag. */
static char *lang_code(const char *s)
{
	char c[4] = "";
	size_t k = 0;
	while (s && isalpha((unsigned char)s[k]) && k < 3) {
		c[k] = (char)tolower((unsigned char)s[k]);
		k++;
	}
	c[k] = '\0';
	if (k < 2 || (s[k] && s[k] != '-' && s[k] != '_'))
		c[0] = '\0';
	return xstrdup(c);
}

static char *dup_or_empty(const char *s)
{
	return xstrdup(s ? s : "");
}

enum dg_status html_extract(const char *bytes, size_t len, const char *url, const char *charset,
                            struct html_page *out, char **cause)
{
	struct html_doc d;
	memset(out, 0, sizeof *out);
	if (html_doc_parse(bytes, len, charset, true, &d, cause) != DG_OK)
		return DG_ERR;
	char *base = html_doc_base(&d, url);
	struct xtree t;
	xtree_build(&t, d.out->document);
	struct html_meta m;
	html_meta_read(&t, &m);
	struct html_name_memo *memo = d.memo;
	mark_boiler(&t, memo);
	score(&t);
	sum_paras(&t);
	int win = main_text(&t, base, out);
	m.h1 = pick_h1(&t, win);

	/* The page's own URL: canonical, og:url, else where it came from
	 * (relative ones against <base>); its host names an unnamed site. */
	const char *canon = m.canonical ? m.canonical : m.og_url ? m.og_url : url;
	char *page_url = canon ? html_resolve_url(base, canon) : NULL;
	date_from_url(&m, page_url);
	const char *site = m.site_name ? m.site_name : m.ld_publisher;
	char *host = page_url ? html_url_host(page_url) : NULL;
	out->source = site ? utf8_clean_line(site, strlen(site))
	              : host ? article_source_from_host(host) : xstrdup("");
	char *title = html_meta_title(&m, site, host);
	out->title = utf8_clean_line(title, strlen(title));
	free(title);
	out->author = dup_or_empty(m.author);
	out->url = page_url ? utf8_clean_line(page_url, strlen(page_url)) : xstrdup("");
	free(page_url);
	out->lang = lang_code(m.lang);
	visible_date(&t, win, out->text, &m);
	memcpy(out->date, m.date, sizeof out->date);
	out->date_unix = m.date_unix;
	free(host);
	html_meta_free(&m);
	xtree_free(&t);
	free(base);
	html_doc_free(&d);
	return DG_OK;
}

void html_page_free(struct html_page *p)
{
	free(p->title);
	free(p->source);
	free(p->author);
	free(p->url);
	free(p->lang);
	free(p->text);
	for (size_t i = 0; i < p->nlinks; i++) {
		free(p->links[i].url);
		free(p->links[i].text);
	}
	free(p->links);
	memset(p, 0, sizeof *p);
}
