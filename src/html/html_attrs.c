/*
 * html_attrs.c: the attributes of a start tag kept from gumbo and given
 * back to its element once the tree is built.  The tree builder reads no
 * attribute of most elements, but gumbo reads every one a character at a
 * time and makes a vector, a name and a value of it (on
 * ../shared/corpora/html a fifth of gumbo's instructions, measured with
 * callgrind).  The element finds its set by its original_tag, which
 * points at its start tag in the page gumbo read; a clone the tree
 * builder makes of it (the formatting elements it reopens) points there
 * too, and gets the same attributes, as gumbo would have copied them.
 * The pre-pass decides which tags may (prepass_put_tag, in
 * html_prepass_tags.c): see there.
 */
#include "diglot/common.h"
#include "html_int.h"

#include <string.h>

void html_attrs_begin(struct html_runs *r, size_t at)
{
	xgrow(&r->sets, &r->capsets, r->nsets + 1, sizeof *r->sets);
	r->sets[r->nsets] = (struct html_attr_set){at, r->nattr, 0};
}

/* The name s[0..n) lower-cased into buf (NUL-terminated): false when
 * the tokenizer may read it otherwise (keep_attr, html_prepass_tags.c,
 * passes 2 to 11 bytes). */
static bool plain_name(const char *s, size_t n, char buf[16])
{
	if (!n || n >= 16)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c + 32);
		else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
		           c == ':' || c == '.'))
			return false;
		buf[i] = c;
	}
	buf[n] = '\0';
	return true;
}

/* name, NUL, value, NUL at the end of the attributes' text. */
static void put_pair(struct html_runs *r, const char *name, size_t nl, const char *v, size_t vl)
{
	xgrow(&r->atext, &r->capatext, r->natext + nl + vl + 2, 1);
	char *p = r->atext + r->natext;
	memcpy(p, name, nl);
	p[nl] = '\0';
	if (vl)
		memcpy(p + nl + 1, v, vl);
	p[nl + 1 + vl] = '\0';
	xgrow(&r->attr, &r->capattr, r->nattr + 1, sizeof *r->attr);
	r->attr[r->nattr++] = (struct html_side_attr){r->natext, nl, r->natext + nl + 1, vl};
	r->natext += nl + vl + 2;
}

bool html_attrs_add(struct html_runs *r, const char *name, size_t nl, const char *v, size_t vl,
                    bool exact)
{
	struct html_attr_set *set = &r->sets[r->nsets];
	char lname[16];
	if (!plain_name(name, nl, lname) || (v && vl && !exact && !html_runs_plain(v, vl)))
		return false;
	/* The tokenizer keeps the first of two of a name; but gumbo 0.10.1
	 * without an error list glues a second one without a value to the
	 * next name ("a=1 a b" gives a and "ab"): that tag is gumbo's. */
	for (size_t k = set->first; k < set->first + set->n; k++)
		if (r->attr[k].name_len == nl && memcmp(r->atext + r->attr[k].name, lname, nl) == 0)
			return v != NULL;
	if (v && !exact && memchr(v, '&', vl)) {
		struct sbuf b = SBUF_INIT;
		bool ok = html_runs_decode(v, vl, true, &b);
		if (ok)
			put_pair(r, lname, nl, b.s ? b.s : "", b.len);
		sbuf_free(&b);
		if (!ok)
			return false;
	} else {
		put_pair(r, lname, nl, v, v ? vl : 0);
	}
	set->n++;
	return true;
}

void html_attrs_end(struct html_runs *r, bool keep)
{
	struct html_attr_set *set = &r->sets[r->nsets];
	if (keep && set->n) {
		r->nsets++;
		return;
	}
	if (set->n)
		r->natext = r->attr[set->first].name;
	r->nattr = set->first;
}

void html_attrs_cut(struct html_runs *r, size_t from)
{
	while (r && r->nsets && r->sets[r->nsets - 1].at >= from) {
		r->nattr = r->sets[--r->nsets].first;
		r->natext = r->attr[r->nattr].name;
	}
}

void html_attrs_shift(struct html_runs *r, size_t from, size_t add)
{
	for (size_t k = r ? r->nsets : 0; k > 0 && r->sets[k - 1].at >= from; k--)
		r->sets[k - 1].at += add;
}

/* The set of the start tag at at, or NULL (the sets are in order; the
 * tree is walked in about that order: the one after the last found is
 * tried first). */
static const struct html_attr_set *set_at(const struct html_runs *r, size_t at, size_t *hint)
{
	if (*hint < r->nsets) {
		if (r->sets[*hint].at == at)
			return &r->sets[(*hint)++];
		if (r->sets[*hint].at > at && (!*hint || r->sets[*hint - 1].at < at))
			return NULL;
	}
	size_t lo = 0, hi = r->nsets;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (r->sets[mid].at < at)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < r->nsets && r->sets[lo].at == at) {
		*hint = lo + 1;
		return &r->sets[lo];
	}
	return NULL;
}

static char *copy(const char *s, size_t n, const GumboOptions *opt)
{
	char *c = opt->allocator(opt->userdata, n + 1);
	memcpy(c, s, n + 1);
	return c;
}

bool html_attrs_give_back(const struct html_runs *r, GumboNode *n, const char *base, size_t *hint,
                          const GumboOptions *opt)
{
	const GumboStringPiece *tag = &n->v.element.original_tag;
	if (!r->nsets || !tag->data || tag->data < base || tag->data > base + r->sets[r->nsets - 1].at)
		return false;
	const struct html_attr_set *set = set_at(r, (size_t)(tag->data - base), hint);
	GumboVector *v = &n->v.element.attributes;
	if (!set || v->length) /* none, or gumbo read them */
		return false;
	html_attrs_fill(r, (size_t)(set - r->sets), v, opt);
	return true;
}

void html_attrs_fill(const struct html_runs *r, size_t k, GumboVector *v, const GumboOptions *opt)
{
	const struct html_attr_set *set = &r->sets[k];
	if (v->capacity < set->n) {
		if (v->data)
			opt->deallocator(opt->userdata, v->data);
		v->data = opt->allocator(opt->userdata, set->n * sizeof *v->data);
		v->capacity = (unsigned)set->n;
	}
	for (size_t j = 0; j < set->n; j++) {
		const struct html_side_attr *s = &r->attr[set->first + j];
		GumboAttribute *a = opt->allocator(opt->userdata, sizeof *a);
		memset(a, 0, sizeof *a);
		a->attr_namespace = GUMBO_ATTR_NAMESPACE_NONE;
		a->name = copy(r->atext + s->name, s->name_len, opt);
		a->value = copy(r->atext + s->value, s->value_len, opt);
		v->data[j] = a;
	}
	v->length = (unsigned)set->n;
}
