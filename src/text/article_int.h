/*
 * article_int.h: what the article*.c files share and nobody else sees:
 * the small text helpers every pass uses, the working list of paragraphs,
 * and each pass's entry point (see article.c for the order they run in).
 *
 * The helpers are static inline so that their short names (trim, lower,
 * has_prefix...) stay private to the article module instead of becoming
 * global symbols of libdiglot.
 */
#ifndef DIGLOT_ARTICLE_INT_H
#define DIGLOT_ARTICLE_INT_H

#include "diglot/common.h"
#include "diglot/article.h"
#include "diglot/script.h"

#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <unistr.h>
#include <uniwidth.h>

/* ---- small text helpers ------------------------------------------------ */

/* The code point that ends s[0..n). */
static inline uint32_t last_cp(const char *s, size_t n)
{
	if (n == 0)
		return 0;
	size_t i = n - 1;
	while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
		i--;
	size_t k;
	return cp_at(s + i, n - i, &k);
}

static inline bool is_space_cp(uint32_t c)
{
	return c == ' ' || c == 0xA0 || c == 0x3000 || c == 0x2002 || c == 0x2003 ||
	       c == 0x2009 || c == 0x200B;
}

static inline bool is_sentence_end(uint32_t c)
{
	return c == '.' || c == '!' || c == '?' || c == 0x3002 || c == 0xFF01 ||
	       c == 0xFF1F || c == 0x2026;
}

/* Trim spaces (ASCII, no-break, ideographic) at both ends. */
static inline void trim(const char **s, size_t *n)
{
	size_t k;
	while (*n > 0 && is_space_cp(cp_at(*s, *n, &k))) {
		*s += k;
		*n -= k;
	}
	while (*n > 0) {
		size_t i = *n - 1;
		while (i > 0 && ((unsigned char)(*s)[i] & 0xC0) == 0x80)
			i--;
		if (!is_space_cp(cp_at(*s + i, *n - i, &k)))
			break;
		*n = i;
	}
}

static inline size_t width_of(const char *s, size_t n)
{
	size_t w = 0, k;
	for (size_t i = 0; i < n; i += k) {
		int cw = uc_width(cp_at(s + i, n - i, &k), "UTF-8");
		w += cw > 0 ? (size_t)cw : 0;
	}
	return w;
}

static inline int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* Case-insensitive prefix test (simple Unicode lowercase per code point, so
 * "Источник" matches "источник" and "À lire" "à lire"); returns the number
 * of bytes of s the prefix covers, or 0. */
static inline size_t has_prefix(const char *s, size_t n, const char *p)
{
	size_t i = 0, j = 0, m = strlen(p);
	while (j < m) {
		if (i >= n)
			return 0;
		unsigned char a = (unsigned char)s[i], b = (unsigned char)p[j];
		if (a < 0x80 && b < 0x80) {
			if (lower(a) != lower(b))
				return 0;
			i++;
			j++;
			continue;
		}
		size_t ka, kb;
		uint32_t ca = cp_at(s + i, n - i, &ka), cb = cp_at(p + j, m - j, &kb);
		if (ca != cb && uc_tolower(ca) != uc_tolower(cb))
			return 0;
		i += ka;
		j += kb;
	}
	return i;
}

static inline bool eq_ci(const char *s, size_t n, const char *p)
{
	return n > 0 && has_prefix(s, n, p) == n;
}

static inline bool is_upper_start(const char *s, size_t n)
{
	size_t k;
	uint32_t c = n ? cp_at(s, n, &k) : 0;
	/* CJK has no case: its first character counts as a capital */
	return (c >= 'A' && c <= 'Z') || (c >= 0x80 && uc_is_property_uppercase(c)) ||
	       script_is_cjk_text(c);
}

static inline size_t count_words(const char *s, size_t n)
{
	size_t w = 0;
	bool in = false;
	for (size_t i = 0; i < n; i++) {
		bool sp = s[i] == ' ';
		if (!sp && !in)
			w++;
		in = !sp;
	}
	return w;
}

static inline bool in_list(const char *const *list, size_t n, const char *s, size_t len)
{
	for (size_t i = 0; i < n; i++)
		if (eq_ci(s, len, list[i]))
			return true;
	return false;
}


/* ---- the working list of paragraphs ------------------------------------ */

struct item {
	char *text;
	unsigned char kind;
	struct soft_breaks soft; /* where pass 1 joined lines (see article.h) */
};

struct plist {
	struct item *v;
	size_t n, cap;
};

static inline void pl_del(struct plist *pl, size_t i)
{
	free(pl->v[i].text);
	memmove(pl->v + i, pl->v + i + 1, (pl->n - i - 1) * sizeof *pl->v);
	pl->n--;
}

static inline void pl_set(struct item *it, const char *s, size_t n)
{
	trim(&s, &n);
	char *t = xstrndup(s, n);
	free(it->text);
	it->text = t;
}

/* ---- article_date.c ---------------------------------------------------- */

/* The first date in s[0..n): Unix seconds (midnight UTC), and *endp the
 * offset just past it; 0 when none.  mdy: ambiguous numeric dates such as
 * 07/02/2025 are month first (the text reads as English). */
int64_t art_find_date(const char *s, size_t n, bool mdy, size_t *endp);
/* English text writes dates month first (article.c). */
bool art_looks_english(const char *t, size_t n);
/* The date that starts at s[i], if one does (Unix seconds, *endp the offset
 * just past it); 0 when none.  art_find_date tries it at every offset. */
int64_t art_date_at(const char *s, size_t n, size_t i, bool mdy, size_t *endp);
/* After the date on a date line: "08:15　滨江日报" -> "滨江日报",
 * ", 14:30 Uhr" -> "", " - 07h45" -> "". */
void art_skip_time(const char **s, size_t *n);

/* ---- article_source.c -------------------------------------------------  */

/* Who names the outlet, weakest first: the host of a URL; an outlet name
 * alone on a line under the title; a breadcrumb that looks like an outlet;
 * a dateline tag "(AFP)"; a byline or date line ("By X, Harbor Gazette",
 * "2025年6月21日 08:15　滨江日报"); an explicit "Source:" line. */
enum { PRIO_NONE, PRIO_HOST, PRIO_BARE, PRIO_CRUMB, PRIO_TAG, PRIO_BYLINE, PRIO_LINE };

struct found {
	char *source, *url;
	char *author; /* the byline's name, to spot a bio at the end */
	int prio;
	char *url_alone; /* first URL alone on its line */
	bool title_twice; /* the title's exact second printing was dropped */
};

/* Record s[0..n) (trimmed of punctuation) as the outlet if prio beats the
 * current one. */
void art_set_source(struct found *f, const char *s, size_t n, int prio);
/* Is t a source line?  Records its outlet and URL when it is. */
bool art_source_line(struct found *f, const char *t);
/* Is s[0..n) exactly a wire agency's name ("AFP", "Reuters"...)? */
bool art_is_outlet_tag(const char *s, size_t n);

/* The first URL in s: start and length, or NULL. */
const char *art_find_url(const char *s, size_t n, size_t *len);
/* The host part of a URL ("https://www.x.com/a" -> "www.x.com"), allocated. */
char *art_host_of(const char *url, size_t n);
/* Is this line metadata or clutter, to be cut out of its block (pass 1)?
 * Source lines, bylines, short date lines, share/comment/counter lines,
 * list headings. */
bool art_meta_line(const char *s, size_t n);
/* "By NAME, OUTLET": marks it PARA_META, records the outlet and author. */
bool art_byline(struct found *f, struct item *it);
/* "2025年7月11日 18:40　港町新報": a date line that ends with the outlet. */
void art_dateline_outlet(struct found *f, const char *t);
/* Pass 5: a breadcrumb glued to the title and a title printed twice. */
void art_strip_head(struct plist *pl, struct found *f);
/* "Diario Mirador del Sur" alone on a line just under the title. */
void art_bare_outlet(struct plist *pl, struct found *f);
/* "(AFP)" in the first body paragraph. */
void art_find_dateline_tag(struct found *f, const struct plist *pl);

/* ---- article_clutter.c ------------------------------------------------- */

/* Is t[0..n) (one line) clutter: a comment form, counter, share line...?
 * depth is 0 from callers (1 for the halves of "French / English"). */
bool art_clutter_span(const char *t, size_t n, int depth);
/* A heading that opens a list of other stories ("Related", "Lire aussi"). */
bool art_is_related_heading(const char *t, size_t n);
/* Pass 3: cut clutter, source lines and author bios off the end, last
 * paragraph first, stopping at the first real paragraph. */
void art_strip_tail(struct plist *pl, struct found *f);

#endif
