/*
 * html_tree.c: the page's elements in document order with the counts the
 * extractor scores by: visible characters (a CJK character counts twice:
 * Chinese and Japanese have no spaces and say more per character), the
 * characters inside links, punctuation.  Built without recursion.
 */
#include "diglot/common.h"
#include "html_int.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistr.h>

static size_t hslot(const GumboNode *n, size_t cap)
{
	uintptr_t h = (uintptr_t)n;
	h ^= h >> 17;
	h *= 0x9E3779B97F4A7C15ull;
	return (size_t)(h >> 7) & (cap - 1);
}

int xtree_find(const struct xtree *t, const GumboNode *n)
{
	if (!t->hcap)
		return -1;
	for (size_t i = hslot(n, t->hcap);; i = (i + 1) & (t->hcap - 1)) {
		if (!t->hkeys[i])
			return -1;
		if (t->hkeys[i] == n)
			return (int)t->hvals[i];
	}
}

static void hash_all(struct xtree *t)
{
	size_t cap = 16;
	while (cap < t->n * 2 + 2)
		cap *= 2;
	t->hcap = cap;
	t->hkeys = xcalloc(cap, sizeof *t->hkeys);
	t->hvals = xcalloc(cap, sizeof *t->hvals);
	for (size_t k = 0; k < t->n; k++) {
		size_t i = hslot(t->v[k].n, cap);
		while (t->hkeys[i])
			i = (i + 1) & (cap - 1);
		t->hkeys[i] = t->v[k].n;
		t->hvals[i] = (uint32_t)k;
	}
}

/* The ASCII punctuation count_text counts, as bits. */
#define ASCII_PUNCT ((1ull << ',') | (1ull << '.') | (1ull << ';'))

/* Eight bytes at a time (ASCII text is most of a page's): each byte's
 * answer is its high bit, 0x80 yes, 0 no, summed by one multiply. */
#define ONES 0x0101010101010101ull
#define HIGHS 0x8080808080808080ull

static uint32_t count_highs(uint64_t m)
{
	return (uint32_t)(((m >> 7) * ONES) >> 56);
}

/* The bytes of w (all ASCII) that are c. */
static uint64_t bytes_eq(uint64_t w, unsigned char c)
{
	uint64_t x = w ^ (ONES * c); /* 0 where c, under 0x80 elsewhere */
	return ~(x + ONES * 0x7F) & HIGHS; /* + 0x7F reaches 0x80 but from 0 */
}

/* Characters (bytes above ' ') and punctuation of eight ASCII bytes. */
static void count_word(uint64_t w, uint32_t *ch, uint32_t *pu)
{
	*ch += count_highs((w + ONES * (0x80 - 0x21)) & HIGHS); /* 0x21 and above reach 0x80 */
	*pu += count_highs(bytes_eq(w, ',') | bytes_eq(w, '.') | bytes_eq(w, ';'));
}

/* Characters, weighted, and punctuation of a text node. */
static void count_text(const char *s, uint32_t *chars, uint32_t *punct)
{
	size_t n = strlen(s);
	uint32_t ch = 0, pu = 0;
	for (size_t i = 0; i < n;) {
		uint64_t w;
		if (i + 8 <= n && (memcpy(&w, s + i, 8), (w & HIGHS) == 0)) {
			count_word(w, &ch, &pu);
			i += 8;
			continue;
		}
		ucs4_t c = (unsigned char)s[i];
		if (c < 0x80) { /* no decoding, no branches */
			ch += c > ' ';
			pu += c < 64 && (ASCII_PUNCT >> c & 1);
			i++;
			continue;
		}
		int k = u8_mbtouc(&c, (const uint8_t *)s + i, n - i);
		i += k > 0 ? (size_t)k : 1;
		if (c == 0xA0 || c == 0x3000)
			continue;
		bool cjk = (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x9FFF) ||
		           (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xF900 && c <= 0xFAFF);
		ch += cjk ? 2 : 1;
		if (c == 0x3001 || c == 0x3002 || c == 0xFF0C || c == 0xFF1B || c == 0xFF0E)
			pu++;
	}
	*chars += ch;
	*punct += pu;
}

/* x->attr: what html_attr gives for each XA_ name, in one pass over the
 * attributes (the extractor asked html_attr nine times an element). */
static void read_attrs(struct xnode *x)
{
	static const char *const names[XA_COUNT] = {
		[XA_CLASS] = "class", [XA_ID] = "id", [XA_ITEMPROP] = "itemprop",
		[XA_ROLE] = "role", [XA_ARIA_HIDDEN] = "aria-hidden", [XA_HIDDEN] = "hidden",
		[XA_STYLE] = "style",
	};
	const GumboVector *v = &x->n->v.element.attributes;
	for (unsigned i = 0; i < v->length; i++) {
		const GumboAttribute *a = v->data[i];
		unsigned char c = (unsigned char)a->name[0];
		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		for (int k = 0; k < XA_COUNT; k++) {
			/* The first of a name, as gumbo_get_attribute. */
			if (!x->attr[k] && c == (unsigned char)names[k][0] && strcasecmp(a->name, names[k]) == 0) {
				x->attr[k] = a->value;
				break;
			}
		}
	}
}

/* html_is_hidden(x->n), its attributes read from x->attr. */
static bool is_hidden(const struct xnode *x)
{
	int by_tag = html_hidden_by_tag(x->n);
	if (by_tag >= 0)
		return by_tag;
	return html_hidden_by_attrs(x->attr[XA_HIDDEN], x->attr[XA_STYLE]);
}

static bool owns_text(GumboTag t)
{
	return html_is_block(t) || t == GUMBO_TAG_TD || t == GUMBO_TAG_TH;
}

void xtree_build(struct xtree *t, const GumboNode *root)
{
	memset(t, 0, sizeof *t);
	struct frame {
		const GumboNode *n;
		int idx;       /* its xnode */
		int owner;     /* the nearest block at or above it: its paragraph */
		unsigned i;    /* next child */
		bool in_link;
		bool invisible; /* <head>: elements for metadata, no visible text */
	} *st = NULL;
	size_t depth = 0, cap = 0;
	/* Room for most pages' elements at once: growing by doubling from 8
	 * copied the array nine times. */
	xgrow(&t->v, &t->cap, 1024, sizeof *t->v);
	t->v[t->n++] = (struct xnode){.n = root, .parent = -1};
	xgrow(&st, &cap, 1, sizeof *st);
	st[depth++] = (struct frame){root, 0, 0, 0, false, false};
	while (depth) {
		struct frame *f = &st[depth - 1];
		const GumboVector *kids = f->n->type == GUMBO_NODE_DOCUMENT ? &f->n->v.document.children
		                                                           : &f->n->v.element.children;
		if (f->i >= kids->length) {
			struct xnode *x = &t->v[f->idx];
			x->end = (uint32_t)t->n;
			depth--;
			if (depth) { /* the subtree's counts are its parent's too */
				struct xnode *p = &t->v[st[depth - 1].idx];
				p->chars += x->chars;
				p->punct += x->punct;
				p->link_chars += x->link_chars;
			}
			continue;
		}
		const GumboNode *c = kids->data[f->i++];
		if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_CDATA) {
			if (f->invisible)
				continue;
			uint32_t ch = 0, pu = 0;
			count_text(c->v.text.text, &ch, &pu);
			/* Credited to its element, which hands its sums up when
			 * it ends. */
			struct xnode *x = &t->v[f->idx];
			x->chars += ch;
			x->punct += pu;
			if (f->in_link)
				x->link_chars += ch;
			t->v[f->owner].own_chars += ch;
			t->v[f->owner].own_punct += pu;
			if (f->in_link)
				t->v[f->owner].own_link += ch;
			continue;
		}
		if (c->type != GUMBO_NODE_ELEMENT)
			continue;
		GumboTag tag = c->v.element.tag;
		if (t->n == t->cap) /* xgrow called for every element was 0.02M a page */
			xgrow(&t->v, &t->cap, t->n + 1, sizeof *t->v);
		int idx = (int)t->n;
		t->v[t->n++] = (struct xnode){.n = c, .parent = f->idx};
		read_attrs(&t->v[idx]);
		if (tag != GUMBO_TAG_HEAD && is_hidden(&t->v[idx])) {
			t->v[idx].end = (uint32_t)t->n; /* read for metadata, never descended */
			continue;
		}
		if (depth == cap)
			xgrow(&st, &cap, depth + 1, sizeof *st);
		f = &st[depth - 1];
		st[depth] = (struct frame){c, idx, owns_text(tag) ? idx : f->owner, 0,
		                           f->in_link || tag == GUMBO_TAG_A,
		                           f->invisible || tag == GUMBO_TAG_HEAD};
		depth++;
	}
	free(st);
	hash_all(t);
}

void xtree_free(struct xtree *t)
{
	free(t->v);
	free(t->hkeys);
	free(t->hvals);
	memset(t, 0, sizeof *t);
}
