/*
 * feed_fixup.c: what feeds write that XML does not allow, made what they
 * meant before libxml2 reads it (feed_int.h).  Recover mode would drop
 * each of these, and the text around it with them.
 */
#define _GNU_SOURCE /* memmem */
#include "feed_int.h"

#include <stdlib.h>
#include <string.h>
#include <libxml/HTMLparser.h>

/* The names the document's <!ENTITY declarations give, sorted: one
 * pass, so that a document of many references costs no more than one of
 * few (a search per reference would be quadratic). */
struct names {
	char **v;
	size_t n;
};

#define MAX_DECLARED 4096

static int cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void declared_names(const char *s, size_t len, struct names *d)
{
	const char *end = s + len;
	size_t cap = 0;
	d->v = NULL;
	d->n = 0;
	for (const char *p = s; d->n < MAX_DECLARED && (p = memmem(p, (size_t)(end - p), "<!ENTITY", 8));
	     p += 8) {
		const char *q = p + 8;
		while (q < end && (*q == ' ' || *q == '\t' || *q == '\n' || *q == '%'))
			q++;
		const char *e = q;
		while (e < end && e - q < 40 && *e != ' ' && *e != '\t' && *e != '\n')
			e++;
		if (e == q)
			continue;
		xgrow(&d->v, &cap, d->n + 1, sizeof *d->v);
		d->v[d->n++] = xstrndup(q, (size_t)(e - q));
	}
	if (d->n)
		qsort(d->v, d->n, sizeof *d->v, cmp);
}

static bool declared(const struct names *d, const char *name)
{
	return d->n && bsearch(&name, d->v, d->n, sizeof *d->v, cmp);
}

static void names_free(struct names *d)
{
	for (size_t i = 0; i < d->n; i++)
		free(d->v[i]);
	free(d->v);
}

/* What feeds write that XML does not allow, made what they meant before
 * libxml2 (which would drop it) reads them: HTML's named references
 * (&eacute; &nbsp;) used without declaring them as numeric references,
 * &#X as &#x, a bare '&' as &amp;.  CDATA sections and comments are left
 * alone. */
static char *fix(const char *s, size_t len, const struct names *dtd, size_t *outlen)
{
	struct sbuf b = SBUF_INIT;
	const char *p = s, *end = s + len, *from = s;
	while (p < end) {
		/* One pass: to the next '&' or '<', whichever comes first. */
		const char *c = p;
		while (c < end && *c != '&' && *c != '<')
			c++;
		if (c == end)
			break;
		const char *amp = *c == '&' ? c : NULL, *lt = *c == '<' ? c : NULL;
		if (lt && (!amp || lt < amp)) {
			const char *close = NULL;
			if ((size_t)(end - lt) >= 9 && !memcmp(lt, "<![CDATA[", 9))
				close = memmem(lt, (size_t)(end - lt), "]]>", 3);
			else if ((size_t)(end - lt) >= 4 && !memcmp(lt, "<!--", 4))
				close = memmem(lt, (size_t)(end - lt), "-->", 3);
			p = close ? close + 3 : lt + 1;
			if (!close && lt[1] == '!' && (lt[2] == '[' || lt[2] == '-'))
				p = end; /* unterminated: the rest is inside */
			continue;
		}
		if (!amp)
			break;
		if (end - amp > 2 && amp[1] == '#' && amp[2] == 'X') { /* &#X41;: XML wants x */
			sbuf_add(&b, from, (size_t)(amp - from));
			sbuf_addstr(&b, "&#x");
			from = p = amp + 3;
			continue;
		}
		const char *q = amp + 1;
		while (q < end && q - amp < 34 && ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') ||
		                                   (*q >= '0' && *q <= '9')))
			q++;
		size_t n = (size_t)(q - amp - 1);
		p = q;
		if (q >= end || *q != ';' || (n == 0 && !(q > amp + 1))) {
			/* A bare '&' ("a=1&b=2", "Q&A"): what it meant, escaped. */
			if (!(amp + 1 < end && amp[1] == '#')) {
				sbuf_add(&b, from, (size_t)(amp - from));
				sbuf_addstr(&b, "&amp;");
				from = amp + 1;
			}
			continue;
		}
		if (n == 0)
			continue;
		static const char *const xml[] = {"amp", "lt", "gt", "quot", "apos"};
		bool predefined = false;
		for (size_t i = 0; i < ARRAY_SIZE(xml); i++)
			predefined |= strlen(xml[i]) == n && !memcmp(amp + 1, xml[i], n);
		char name[40];
		memcpy(name, amp + 1, n);
		name[n] = '\0';
		const htmlEntityDesc *e = predefined ? NULL : htmlEntityLookup((const xmlChar *)name);
		if (!e || declared(dtd, name))
			continue;
		sbuf_add(&b, from, (size_t)(amp - from));
		sbuf_addf(&b, "&#%u;", e->value);
		from = q + 1;
	}
	sbuf_add(&b, from, (size_t)(end - from));
	*outlen = b.len;
	return sbuf_detach(&b);
}

char *feed_fixup(const char *s, size_t len, size_t *outlen)
{
	struct names dtd;
	declared_names(s, len, &dtd);
	char *out = fix(s, len, &dtd, outlen);
	names_free(&dtd);
	return out;
}
