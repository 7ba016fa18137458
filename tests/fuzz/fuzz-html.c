/*
 * fuzz-html.c: outside bytes as a web page: html_to_text with and without
 * a base URL and a charset hint, the feeds it announces, html_extract,
 * and the sniffer.
 * Invariants: the text is valid UTF-8 without controls (but newlines),
 * never "\n\n\n"; links, titles, sources, URLs are one clean line each;
 * a date is YYYY-MM-DD or none; the tree gumbo builds from the pre-pass's
 * runs, codes and drops (html_runs.c, html_prepass.c) is the tree it
 * builds without them.
 */
#include "fuzz.h"
#include "diglot/html.h"
#include "diglot/html_extract.h"
#include "html_int.h"

#include <string.h>
#include <unistr.h>

/* The tree as the modules read it: tags, attributes (class and id by
 * what they say), text with its whitespace collapsed (runs keep it as it
 * was, the walker collapses it) and whitespace-only text left out.  The
 * elements the pre-pass may drop are left out too, their text joined to
 * the text around them. */
struct tree_out {
	struct sbuf b;
	struct sbuf text; /* text since the last tag kept */
	struct html_name_memo *memo;
};

static void flush_text(struct tree_out *t)
{
	bool sp = false, any = false;
	size_t mark = t->b.len;
	sbuf_addstr(&t->b, "[");
	for (size_t i = 0; i < t->text.len; i++) {
		char c = t->text.s[i];
		if (c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r') {
			sp = any;
			continue;
		}
		if (sp)
			sbuf_addc(&t->b, ' ');
		sp = false;
		any = true;
		sbuf_addc(&t->b, c);
	}
	if (any)
		sbuf_addstr(&t->b, "]");
	else
		sbuf_truncate(&t->b, mark);
	sbuf_truncate(&t->text, 0);
}

/* The element's name as the pre-pass reads it (lower case). */
static void tag_name(const GumboElement *e, char *name, size_t size)
{
	const char *n = gumbo_normalized_tagname(e->tag);
	size_t k = 0;
	if (e->tag == GUMBO_TAG_UNKNOWN) { /* original_tag is "<name ...>" */
		for (; k + 1 < size && k + 1 < e->original_tag.length; k++) {
			char c = e->original_tag.data[k + 1];
			if (c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '/' || c == '>')
				break;
			name[k] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
		}
	} else {
		for (; k + 1 < size && n[k]; k++)
			name[k] = n[k];
	}
	name[k] = '\0';
}

static void tree_text(struct tree_out *t, const GumboNode *n)
{
	if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA ||
	    n->type == GUMBO_NODE_WHITESPACE) {
		sbuf_addstr(&t->text, n->v.text.text);
		return;
	}
	if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_DOCUMENT &&
	    n->type != GUMBO_NODE_TEMPLATE)
		return;
	const GumboVector *kids = &n->v.document.children;
	bool kept = true;
	if (n->type != GUMBO_NODE_DOCUMENT) {
		const GumboElement *e = &n->v.element;
		char name[32];
		tag_name(e, name, sizeof name);
		int drop = e->tag_namespace == GUMBO_NAMESPACE_HTML
		                   ? html_prepass_drops(name, e->attributes.length > 0)
		                   : 0;
		kept = drop == 0;
		if (drop == 2)
			sbuf_addstr(&t->text, " ");
		if (kept) {
			flush_text(t);
			sbuf_addf(&t->b, "<%s", gumbo_normalized_tagname(e->tag));
			if (e->tag == GUMBO_TAG_UNKNOWN)
				sbuf_addstr(&t->b, name);
			for (unsigned i = 0; i < e->attributes.length; i++) {
				const GumboAttribute *a = e->attributes.data[i];
				if (!strcmp(a->name, "class") || !strcmp(a->name, "id"))
					sbuf_addf(&t->b, " %s=%u", a->name, html_name_flags(t->memo, a->value));
				else
					sbuf_addf(&t->b, " %s=\"%s\"", a->name, a->value);
			}
			sbuf_addstr(&t->b, ">");
		}
		kids = &e->children;
	}
	for (unsigned i = 0; i < kids->length; i++)
		tree_text(t, kids->data[i]);
	if (kept) {
		flush_text(t);
		if (n->type != GUMBO_NODE_DOCUMENT)
			sbuf_addstr(&t->b, "</>");
	}
}

/* The page (NUL bytes out, as html_decode gives it) pre-passed with or
 * without runs, parsed, its runs given back: as text. */
static char *tree_of(const char *s, size_t n, bool runs_on)
{
	struct html_name_memo *memo = xcalloc(1, sizeof *memo);
	struct html_runs runs = {0};
	char *o = xmalloc(n + 1);
	size_t ol = html_prepass(s, n, o, memo, true, runs_on ? &runs : NULL);
	o[ol] = '\0';
	GumboOptions opt = kGumboDefaultOptions;
	opt.max_errors = 0;
	GumboOutput *g = gumbo_parse_with_options(&opt, o, ol);
	html_runs_expand(&runs, g->document, o, &opt);
	struct tree_out t = {SBUF_INIT, SBUF_INIT, memo};
	tree_text(&t, g->document);
	gumbo_destroy_output(&opt, g);
	free(o);
	free(memo);
	html_runs_free(&runs);
	sbuf_free(&t.text);
	if (!t.b.s)
		sbuf_addstr(&t.b, "");
	return sbuf_detach(&t.b);
}

static void check_clean(const char *what, const char *s, bool newlines)
{
	size_t len = strlen(s);
	FUZZ_ASSERT(u8_check((const uint8_t *)s, len) == NULL, "%s: invalid UTF-8", what);
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		FUZZ_ASSERT(c >= 0x20 || (newlines && c == '\n'), "%s: control 0x%02x at %zu", what, c, i);
		FUZZ_ASSERT(c != 0x7f, "%s: DEL at %zu", what, i);
	}
	if (newlines)
		FUZZ_ASSERT(!strstr(s, "\n\n\n"), "%s: an empty paragraph", what);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const bases[] = {NULL, "http://example.com/a/b?q"};
	static const char *const charsets[] = {NULL, "windows-1252"};
	(void)html_sniff((const char *)data, size);
	for (int k = 0; k < 2; k++) {
		struct html_text t = {0};
		char *why = NULL;
		if (html_to_text((const char *)data, size, bases[k], charsets[k], &t, &why) != DG_OK) {
			FUZZ_ASSERT(why && *why, "html_to_text failed without a reason");
			free(why);
			continue;
		}
		check_clean("text", t.text, true);
		for (size_t i = 0; i < t.nlinks; i++) {
			check_clean("link url", t.links[i].url, false);
			check_clean("link text", t.links[i].text, false);
		}
		html_text_free(&t);
	}
	struct html_link *feeds = NULL;
	size_t nfeeds = html_feed_links((const char *)data, size, bases[1], NULL, &feeds);
	for (size_t i = 0; i < nfeeds; i++) {
		FUZZ_ASSERT(feeds[i].url && *feeds[i].url, "an announced feed without a URL");
		check_clean("feed title", feeds[i].text, false);
	}
	html_links_free(feeds, nfeeds);
	struct html_page p = {0};
	char *why = NULL;
	if (html_extract((const char *)data, size, bases[1], NULL, &p, &why) != DG_OK) {
		FUZZ_ASSERT(why && *why, "html_extract failed without a reason");
		free(why);
		return 0;
	}
	check_clean("main text", p.text, true);
	check_clean("title", p.title, false);
	check_clean("source", p.source, false);
	check_clean("author", p.author, false);
	check_clean("url", p.url, false);
	size_t dl = strlen(p.date);
	FUZZ_ASSERT(dl == 0 || (dl == 10 && p.date[4] == '-' && p.date[7] == '-' && p.date_unix > 0),
	            "date \"%s\"", p.date);
	for (size_t i = 0; i < p.nlinks; i++)
		check_clean("link url", p.links[i].url, false);
	html_page_free(&p);

	char *plain = xmalloc(size + 1);
	size_t k = 0;
	for (size_t i = 0; i < size; i++)
		if (data[i])
			plain[k++] = (char)data[i];
	plain[k] = '\0';
	char *with = tree_of(plain, k, true), *without = tree_of(plain, k, false);
	size_t at = 0;
	while (with[at] && with[at] == without[at])
		at++;
	FUZZ_ASSERT(!strcmp(with, without), "runs change the tree at %zu: \"%.80s\" for \"%.80s\"", at,
	            with + at, without + at);
	free(with);
	free(without);
	free(plain);
	return 0;
}
