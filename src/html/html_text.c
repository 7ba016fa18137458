/*
 * html_text.c: a parsed tree into paragraphs: block elements end
 * paragraphs, <br> is a line break (two end the paragraph), whitespace is
 * collapsed; script, style, template, head, forms' controls and hidden
 * elements never give text, nor do comments and attributes (gumbo keeps
 * them apart).  The walk keeps its own stack: pages nest deep.
 */
#include "diglot/common.h"
#include "html_int.h"
#include "diglot/utf8.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistr.h>

bool html_is_block(GumboTag t)
{
	switch (t) {
	case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE:
	case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_BODY: case GUMBO_TAG_CENTER:
	case GUMBO_TAG_DD: case GUMBO_TAG_DETAILS: case GUMBO_TAG_DIR:
	case GUMBO_TAG_DIV: case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_FIELDSET:
	case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FOOTER:
	case GUMBO_TAG_FORM: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
	case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_HEADER:
	case GUMBO_TAG_HGROUP: case GUMBO_TAG_HR: case GUMBO_TAG_HTML: case GUMBO_TAG_LEGEND:
	case GUMBO_TAG_LI: case GUMBO_TAG_LISTING: case GUMBO_TAG_MAIN: case GUMBO_TAG_MENU:
	case GUMBO_TAG_NAV: case GUMBO_TAG_OL: case GUMBO_TAG_P: case GUMBO_TAG_PLAINTEXT:
	case GUMBO_TAG_PRE: case GUMBO_TAG_SECTION: case GUMBO_TAG_SUMMARY:
	case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY: case GUMBO_TAG_TFOOT: case GUMBO_TAG_THEAD:
	case GUMBO_TAG_TR: case GUMBO_TAG_UL: case GUMBO_TAG_XMP: case GUMBO_TAG_CAPTION:
	case GUMBO_TAG_FRAMESET: case GUMBO_TAG_NOFRAMES:
		return true;
	default:
		return false;
	}
}

/* gumbo_get_attribute's answer (the first attribute of that name, any
 * case) without its strcasecmp on every attribute: the first letters
 * compared first (name is lower-case).  2,400 calls a page. */
const char *html_attr(const GumboNode *n, const char *name)
{
	if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_TEMPLATE)
		return NULL;
	const GumboVector *v = &n->v.element.attributes;
	for (unsigned i = 0; i < v->length; i++) {
		const GumboAttribute *a = v->data[i];
		unsigned char c = (unsigned char)a->name[0];
		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		if (c == (unsigned char)name[0] && strcasecmp(a->name, name) == 0)
			return a->value;
	}
	return NULL;
}

bool html_style_hides(const char *st, size_t n)
{
	char c[64];
	size_t k = 0;
	for (size_t i = 0; i < n && k + 1 < sizeof c; i++)
		if (st[i] != ' ')
			c[k++] = (char)(st[i] >= 'A' && st[i] <= 'Z' ? st[i] + 32 : st[i]);
	c[k] = '\0';
	return strstr(c, "display:none") || strstr(c, "visibility:hidden");
}

/* style="display:none" (any spacing and case), the hidden attribute. */
bool html_hidden_by_attrs(const char *hidden, const char *style)
{
	return hidden || (style && html_style_hides(style, strlen(style)));
}

bool html_is_hidden(const GumboNode *n)
{
	int by_tag = html_hidden_by_tag(n);
	if (by_tag >= 0)
		return by_tag;
	return html_hidden_by_attrs(html_attr(n, "hidden"), html_attr(n, "style"));
}

int html_hidden_by_tag(const GumboNode *n)
{
	if (n->type == GUMBO_NODE_COMMENT || n->type == GUMBO_NODE_TEMPLATE)
		return true;
	if (n->type != GUMBO_NODE_ELEMENT)
		return false;
	switch (n->v.element.tag) {
	case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_TEMPLATE:
	case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_HEAD: case GUMBO_TAG_TITLE: case GUMBO_TAG_META:
	case GUMBO_TAG_LINK: case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED:
	case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA:
	case GUMBO_TAG_BUTTON: case GUMBO_TAG_INPUT: case GUMBO_TAG_CANVAS: case GUMBO_TAG_VIDEO:
	case GUMBO_TAG_AUDIO: case GUMBO_TAG_MAP: case GUMBO_TAG_NOFRAMES: case GUMBO_TAG_FRAMESET:
	case GUMBO_TAG_APPLET: case GUMBO_TAG_OPTION: case GUMBO_TAG_DATALIST:
	case GUMBO_TAG_RT: case GUMBO_TAG_RP: /* ruby readings: 子(こ)ども is not the text */
		return true;
	case GUMBO_TAG_UNKNOWN:
		return false;
	default:
		return -1;
	}
}

static bool is_space_at(const char *s, size_t n, size_t *k)
{
	unsigned char c = (unsigned char)s[0];
	if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
		*k = 1;
		return true;
	}
	if (c == 0xC2 && n >= 2 && (unsigned char)s[1] == 0xA0) { /* no-break space */
		*k = 2;
		return true;
	}
	if (c == 0xE3 && n >= 3 && (unsigned char)s[1] == 0x80 && (unsigned char)s[2] == 0x80) {
		*k = 3; /* ideographic space, Chinese paragraphs' indent */
		return true;
	}
	return false;
}

/* Neither whitespace nor a control, nor the first byte of a no-break or
 * ideographic space or a C1 control: the rest of a word. */
static bool is_word_byte(char ch)
{
	/* c > ' ' && c != 0x7f && c != 0xC2 && c != 0xE3, as bits by c: one
	 * test a byte in the walk's busiest loop. */
	static const uint64_t bits[4] = {
		~0ull << 33,                         /* 0x00-0x3F: above ' ' */
		~(1ull << 63),                       /* 0x40-0x7F: but DEL */
		~0ull,                               /* 0x80-0xBF */
		~((1ull << (0xC2 - 0xC0)) | (1ull << (0xE3 - 0xC0))), /* 0xC0-0xFF */
	};
	unsigned char c = (unsigned char)ch;
	return bits[c >> 6] >> (c & 63) & 1;
}

static void trim_para(struct sbuf *p)
{
	size_t n = p->len;
	while (n && (p->s[n - 1] == ' ' || p->s[n - 1] == '\n'))
		n--;
	sbuf_truncate(p, n);
}

void html_walk_break(struct html_walk *w)
{
	trim_para(&w->para);
	w->space = false;
	w->brs = 0;
	if (!w->para.len)
		return;
	if (!w->max || w->out.len + w->para.len + 2 <= w->max) {
		if (w->out.len)
			sbuf_add(&w->out, "\n\n", 2);
		sbuf_add(&w->out, w->para.s, w->para.len);
	}
	sbuf_truncate(&w->para, 0);
}

/* Whitespace (*space set then) or a control at s[0..n): its bytes, 0
 * for a word's byte. */
static size_t blank_at(const char *s, size_t n, bool *space)
{
	size_t k;
	if (is_space_at(s, n, &k)) {
		*space = true;
		return k;
	}
	unsigned char c = (unsigned char)s[0];
	if (c < 0x20 || c == 0x7f || (c == 0xC2 && n > 1 && (unsigned char)s[1] < 0xA0))
		return c == 0xC2 ? 2 : 1; /* C0, DEL, C1 */
	return 0;
}

/* Text in <pre>: its newlines kept, a blank line ends the paragraph. */
static void add_pre_text(struct html_walk *w, const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		size_t k;
		if (s[i] == '\n') {
			if (w->para.len && w->para.s[w->para.len - 1] == '\n')
				html_walk_break(w); /* a blank line in <pre> */
			else if (w->para.len)
				sbuf_addc(&w->para, '\n');
			w->space = false;
			i++;
			continue;
		}
		if ((k = blank_at(s + i, n - i, &w->space)) > 0) {
			i += k;
			continue;
		}
		if (w->space && w->para.len && w->para.s[w->para.len - 1] != '\n')
			sbuf_addc(&w->para, ' ');
		w->space = false;
		w->brs = 0;
		size_t j = i + 1;
		while (j < n && is_word_byte(s[j]))
			j++;
		sbuf_add(&w->para, s + i, j - i);
		i = j;
	}
}

/* Add text: whitespace runs become one space, controls go.  Outside
 * <pre> the paragraph grows once for all of s and is written in place
 * (sbuf_add a word was a third of the walk): each space written stands
 * for whitespace read, but one for the whitespace before s. */
static void add_text(struct html_walk *w, const char *s, size_t n)
{
	if (w->pre) {
		add_pre_text(w, s, n);
		return;
	}
	struct sbuf *p = &w->para;
	xgrow(&p->s, &p->cap, p->len + n + 2, 1);
	char *o = p->s;
	size_t len = p->len;
	bool space = w->space;
	for (size_t i = 0; i < n;) {
		/* A word byte is neither a space nor a control: tested first. */
		size_t k;
		if (!is_word_byte(s[i]) && (k = blank_at(s + i, n - i, &space)) > 0) {
			i += k;
			continue;
		}
		if (space && len && o[len - 1] != '\n')
			o[len++] = ' ';
		space = false;
		w->brs = 0;
		o[len++] = s[i++];
		while (i < n && is_word_byte(s[i]))
			o[len++] = s[i++];
	}
	o[len] = '\0';
	p->len = len;
	w->space = space;
}

static void add_br(struct html_walk *w)
{
	trim_para(&w->para);
	if (!w->para.len)
		return;
	if (++w->brs >= 2) {
		html_walk_break(w);
		return;
	}
	sbuf_addc(&w->para, '\n');
	w->space = false;
}

static void add_link(struct html_walk *w, const GumboNode *a)
{
	const char *href = html_attr(a, "href");
	if (!href)
		return;
	while (*href == ' ' || *href == '\t' || *href == '\n' || *href == '\r')
		href++;
	if (!*href || *href == '#' || strncasecmp(href, "javascript:", 11) == 0 ||
	    strncasecmp(href, "data:", 5) == 0)
		return;
	char *url = html_resolve_url(w->base, href);
	char *clean = utf8_clean_line(url, strlen(url));
	free(url);
	for (size_t i = 0; i < w->nlinks; i++) {
		if (strcmp(w->links[i].url, clean) == 0) {
			free(clean);
			return;
		}
	}
	xgrow(&w->links, &w->caplinks, w->nlinks + 1, sizeof *w->links);
	w->links[w->nlinks].url = clean;
	w->links[w->nlinks].text = html_node_line(a);
	w->nlinks++;
}

static void enter(struct html_walk *w, const GumboNode *n)
{
	GumboTag t = n->v.element.tag;
	if (t == GUMBO_TAG_BR) {
		add_br(w);
		return;
	}
	if (html_is_block(t))
		html_walk_break(w);
	else if (t == GUMBO_TAG_TD || t == GUMBO_TAG_TH || t == GUMBO_TAG_IMG)
		w->space = true;
	if (t == GUMBO_TAG_PRE || t == GUMBO_TAG_LISTING)
		w->pre++;
	if (t == GUMBO_TAG_A && w->links_on)
		add_link(w, n);
}

static void leave(struct html_walk *w, const GumboNode *n)
{
	GumboTag t = n->v.element.tag;
	if (t == GUMBO_TAG_PRE || t == GUMBO_TAG_LISTING)
		w->pre--;
	if (html_is_block(t))
		html_walk_break(w);
	else if (t == GUMBO_TAG_TD || t == GUMBO_TAG_TH)
		w->space = true;
}

struct frame {
	const GumboNode *n;
	unsigned i;
};

void html_walk_node(struct html_walk *w, const GumboNode *root)
{
	struct frame *st = NULL;
	size_t depth = 0, cap = 0;
	xgrow(&st, &cap, 1, sizeof *st);
	st[depth++] = (struct frame){root, 0};
	bool first = true;
	while (depth) {
		struct frame *f = &st[depth - 1];
		const GumboNode *n = f->n;
		if (f->i == 0 && first) {
			first = false;
			if (html_is_hidden(n) || (w->skip && w->skip(w->ctx, n))) {
				depth--;
				continue;
			}
			if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA) {
				add_text(w, n->v.text.text, strlen(n->v.text.text));
				depth--;
				continue;
			}
			if (n->type == GUMBO_NODE_WHITESPACE) {
				add_text(w, n->v.text.text, strlen(n->v.text.text));
				depth--;
				continue;
			}
			if (n->type == GUMBO_NODE_ELEMENT)
				enter(w, n);
		}
		const GumboVector *kids = n->type == GUMBO_NODE_DOCUMENT ? &n->v.document.children
		                          : n->type == GUMBO_NODE_ELEMENT ? &n->v.element.children : NULL;
		if (kids && f->i < kids->length) {
			const GumboNode *c = kids->data[f->i++];
			xgrow(&st, &cap, depth + 1, sizeof *st);
			st[depth++] = (struct frame){c, 0};
			first = true;
			continue;
		}
		if (n->type == GUMBO_NODE_ELEMENT)
			leave(w, n);
		depth--;
	}
	free(st);
}

void html_walk_free(struct html_walk *w)
{
	sbuf_free(&w->out);
	sbuf_free(&w->para);
	for (size_t i = 0; i < w->nlinks; i++) {
		free(w->links[i].url);
		free(w->links[i].text);
	}
	free(w->links);
	memset(w, 0, sizeof *w);
}

char *html_node_line(const GumboNode *n)
{
	struct html_walk w = {0};
	html_walk_node(&w, n);
	html_walk_break(&w);
	char *line = utf8_clean_line(sbuf_str(&w.out), w.out.len);
	html_walk_free(&w);
	return line;
}

char *html_unescape(const char *s)
{
	GumboOptions opt = kGumboDefaultOptions;
	opt.fragment_context = GUMBO_TAG_TITLE; /* RCDATA: entities, no tags */
	opt.fragment_namespace = GUMBO_NAMESPACE_HTML;
	opt.max_errors = 0;
	GumboOutput *o = gumbo_parse_with_options(&opt, s, strlen(s));
	if (!o)
		return xstrdup(s);
	struct sbuf b = SBUF_INIT;
	const GumboVector *kids = &o->root->v.element.children;
	for (unsigned i = 0; i < kids->length; i++) {
		const GumboNode *c = kids->data[i];
		if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_WHITESPACE || c->type == GUMBO_NODE_CDATA)
			sbuf_addstr(&b, c->v.text.text);
	}
	gumbo_destroy_output(&kGumboDefaultOptions, o);
	return sbuf_detach(&b);
}

size_t html_chars(const char *s, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xC0) != 0x80;
	return n;
}

char *html_clean_text(const char *s, size_t len)
{
	char *clean = NULL, *why = NULL;
	size_t clen = 0;
	if (len > UTF8_MAX_INPUT)
		len = UTF8_MAX_INPUT; /* the walk's max keeps it under; a last guard */
	while (len && ((unsigned char)s[len] & 0xC0) == 0x80)
		len--; /* not inside a character */
	if (utf8_clean(s, len, &clean, &clen, NULL, &why) != DG_OK) {
		free(why);
		return xstrdup("");
	}
	/* What the cleaning emptied (a paragraph of invisible characters)
	 * must not leave "\n\n\n\n": paragraphs again, each trimmed. */
	struct sbuf b = SBUF_INIT;
	const char *p = clean, *end = clean + clen;
	while (p < end) {
		const char *q = strstr(p, "\n\n");
		if (!q)
			q = end;
		const char *a = p, *z = q;
		while (a < z && (*a == ' ' || *a == '\n'))
			a++;
		while (z > a && (z[-1] == ' ' || z[-1] == '\n'))
			z--;
		if (z > a) {
			if (b.len)
				sbuf_add(&b, "\n\n", 2);
			sbuf_add(&b, a, (size_t)(z - a));
		}
		p = q < end ? q + 2 : end;
	}
	free(clean);
	return sbuf_detach(&b);
}

/* <base href>, resolved against the page's own URL. */
static char *doc_base(const GumboNode *root, const char *base_url)
{
	const GumboNode *html = NULL;
	for (unsigned i = 0; i < root->v.document.children.length && !html; i++) {
		const GumboNode *c = root->v.document.children.data[i];
		if (c->type == GUMBO_NODE_ELEMENT && c->v.element.tag == GUMBO_TAG_HTML)
			html = c;
	}
	for (unsigned i = 0; html && i < html->v.element.children.length; i++) {
		const GumboNode *head = html->v.element.children.data[i];
		if (head->type != GUMBO_NODE_ELEMENT || head->v.element.tag != GUMBO_TAG_HEAD)
			continue;
		for (unsigned j = 0; j < head->v.element.children.length; j++) {
			const GumboNode *b = head->v.element.children.data[j];
			const char *href;
			if (b->type == GUMBO_NODE_ELEMENT && b->v.element.tag == GUMBO_TAG_BASE &&
			    (href = html_attr(b, "href")) != NULL)
				return html_resolve_url(base_url, href);
		}
	}
	return base_url ? xstrdup(base_url) : NULL;
}

char *html_doc_base(const struct html_doc *d, const char *base_url)
{
	return doc_base(d->out->document, base_url);
}

enum dg_status html_to_text(const char *bytes, size_t len, const char *base_url,
                            const char *charset, struct html_text *out, char **cause)
{
	struct html_doc d;
	if (html_doc_parse(bytes, len, charset, false, &d, cause) != DG_OK)
		return DG_ERR;
	char *base = html_doc_base(&d, base_url);
	struct html_walk w = {.max = UTF8_MAX_INPUT, .links_on = true, .base = base};
	html_walk_node(&w, d.out->document);
	html_walk_break(&w);
	out->text = html_clean_text(sbuf_str(&w.out), w.out.len);
	out->links = w.links;
	out->nlinks = w.nlinks;
	w.links = NULL;
	w.nlinks = 0;
	html_walk_free(&w);
	free(base);
	html_doc_free(&d);
	return DG_OK;
}

void html_text_free(struct html_text *t)
{
	free(t->text);
	for (size_t i = 0; i < t->nlinks; i++) {
		free(t->links[i].url);
		free(t->links[i].text);
	}
	free(t->links);
	memset(t, 0, sizeof *t);
}
