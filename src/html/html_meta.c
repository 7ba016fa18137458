/*
 * html_meta.c: what a page says about itself: <title>, <meta> (Open
 * Graph, article:, Dublin Core, the usual names), <link rel=canonical>,
 * <html lang>, JSON-LD (schema.org Article and its kinds, html_jsonld.c),
 * <time datetime> and dates in the URL; and the title without the site.
 */
#include "diglot/common.h"
#include "html_int.h"
#include "diglot/article.h"
#include "diglot/utf8.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

static int64_t days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static bool set_ymd(int y, int m, int d, char out[11], int64_t *unix_day)
{
	static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return false;
	char b[32];
	snprintf(b, sizeof b, "%04d-%02d-%02d", y, m, d);
	memcpy(out, b, 11);
	*unix_day = days_from_civil(y, m, d) * 86400;
	return true;
}

static int digits(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* A digit of some script in s[0..n): no date is written without one (the
 * article parser is not asked about text that holds none). */
static bool has_numeral(const char *s, size_t n)
{
	static const char *const cjk[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= '0' && c <= '9')
			return true;
		if (c == 0xEF && i + 2 < n && (unsigned char)s[i + 1] == 0xBC &&
		    (unsigned char)s[i + 2] >= 0x90 && (unsigned char)s[i + 2] <= 0x99)
			return true; /* fullwidth */
		if (c >= 0xE3 && c <= 0xE5 && i + 2 < n)
			for (size_t k = 0; k < ARRAY_SIZE(cjk); k++)
				if (memcmp(s + i, cjk[k], 3) == 0)
					return true;
	}
	return false;
}

bool html_meta_date(const char *s, char out[11], int64_t *unix_day)
{
	while (*s == ' ' || *s == '\n' || *s == '\t')
		s++;
	size_t n = strlen(s);
	/* ISO 8601 and its cousins: 2019-05-03, 2019/05/03, 2019.05.03, 20190503 */
	if (n >= 10 && digits(s, 4) >= 0 && (s[4] == '-' || s[4] == '/' || s[4] == '.') &&
	    s[7] == s[4] && digits(s + 5, 2) >= 0 && digits(s + 8, 2) >= 0 &&
	    (n == 10 || !isdigit((unsigned char)s[10])))
		return set_ymd(digits(s, 4), digits(s + 5, 2), digits(s + 8, 2), out, unix_day);
	if (n >= 8 && digits(s, 8) >= 0 && (n == 8 || s[8] == 'T'))
		return set_ymd(digits(s, 4), digits(s + 4, 2), digits(s + 6, 2), out, unix_day);
	if (n == 0 || n > 200 || !has_numeral(s, n))
		return false;
	/* The forms the article parser reads in text ("3. Mai 2019", "May 3,
	 * 2019", "2019年5月3日"), by its date reader: parsing the line as an
	 * article (a title, the line, a body) to read its date was a sixth of
	 * the extraction of a page without a date in its metadata. */
	char *line = utf8_clean_line(s, n);
	int64_t t = article_line_date(line, strlen(line));
	free(line);
	if (t <= 0)
		return false;
	time_t tt = (time_t)t;
	struct tm tm;
	gmtime_r(&tt, &tm);
	return set_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, out, unix_day);
}

static void take(char **field, const char *v)
{
	if (*field || !v)
		return;
	/* Pages put entities in JSON-LD and even in attributes twice. */
	char *plain = strchr(v, '&') ? html_unescape(v) : NULL;
	if (plain)
		v = plain;
	char *c = utf8_clean_line(v, strlen(v));
	free(plain);
	if (*c)
		*field = c;
	else
		free(c);
}

static void date_from(struct html_meta *m, const char *v, int rank)
{
	char d[11];
	int64_t u;
	if (!v || (m->date[0] && m->date_rank <= rank))
		return;
	if (html_meta_date(v, d, &u)) {
		memcpy(m->date, d, sizeof d);
		m->date_unix = u;
		m->date_rank = rank;
	}
}

static void mod_date(struct html_meta *m, const char *v)
{
	if (!m->mod_date[0] && v)
		html_meta_date(v, m->mod_date, &m->mod_unix);
}

/* ---- JSON-LD ------------------------------------------------------------ */

static void read_jsonld(struct html_meta *m, const char *s)
{
	struct html_ld ld;
	if (!html_ld_read(s, &ld))
		return;
	take(&m->ld_headline, ld.headline);
	date_from(m, ld.published, 0);
	mod_date(m, ld.modified);
	take(&m->author, ld.author);
	take(&m->ld_publisher, ld.publisher);
	html_ld_free(&ld);
}

/* ---- <meta>, <link>, <title>, <time> ------------------------------------ */

/* The <meta> keys read (property, name or itemprop), by what they give. */
enum { K_TITLE = 1, K_SITE, K_URL, K_LANG, K_AUTHOR, K_DATE, K_MODIFIED, K_DATE2 };
static const struct {
	const char *key;
	int kind;
} meta_keys[] = {
	{"og:title", K_TITLE}, {"twitter:title", K_TITLE},
	{"og:site_name", K_SITE}, {"application-name", K_SITE},
	{"og:url", K_URL},
	{"og:locale", K_LANG}, {"content-language", K_LANG}, {"dc.language", K_LANG},
	{"author", K_AUTHOR}, {"article:author", K_AUTHOR}, {"dc.creator", K_AUTHOR}, {"byl", K_AUTHOR},
	{"article:published_time", K_DATE}, {"og:article:published_time", K_DATE},
	{"datePublished", K_DATE}, {"og:published_time", K_DATE},
	{"article:modified_time", K_MODIFIED}, {"og:updated_time", K_MODIFIED},
	{"dateModified", K_MODIFIED}, {"dateUpdate", K_MODIFIED}, {"last-modified", K_MODIFIED},
	{"date", K_DATE2}, {"pubdate", K_DATE2}, {"publishdate", K_DATE2}, {"publish-date", K_DATE2},
	{"dc.date", K_DATE2}, {"dc.date.issued", K_DATE2}, {"dcterms.date", K_DATE2},
	{"dcterms.created", K_DATE2}, {"sailthru.date", K_DATE2}, {"parsely-pub-date", K_DATE2},
	{"article.published", K_DATE2}, {"dateCreated", K_DATE2}, {"release_date", K_DATE2},
	{"original-publish-date", K_DATE2},
};

int html_meta_key(const char *key, size_t n)
{
	for (size_t i = 0; i < ARRAY_SIZE(meta_keys); i++)
		if (strlen(meta_keys[i].key) == n && strncasecmp(key, meta_keys[i].key, n) == 0)
			return meta_keys[i].kind;
	return 0;
}

static void read_meta(struct html_meta *m, const GumboNode *n)
{
	const char *key = html_attr(n, "property");
	if (!key)
		key = html_attr(n, "name");
	if (!key)
		key = html_attr(n, "itemprop");
	const char *v = html_attr(n, "content");
	if (!key || !v)
		return;
	switch (html_meta_key(key, strlen(key))) {
	case K_TITLE: take(&m->og_title, v); break;
	case K_SITE: take(&m->site_name, v); break;
	case K_URL: take(&m->og_url, v); break;
	case K_LANG: take(&m->lang, v); break;
	case K_AUTHOR: take(&m->author, v); break;
	case K_DATE: date_from(m, v, 1); break;
	case K_MODIFIED: mod_date(m, v); break;
	case K_DATE2: date_from(m, v, 2); break;
	default: break;
	}
}

static const char *text_child(const GumboNode *n)
{
	if (n->v.element.children.length == 0)
		return NULL;
	const GumboNode *c = n->v.element.children.data[0];
	return c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_CDATA ? c->v.text.text : NULL;
}

/* /2019/05/03/, /2019-05-03, /20190503 in the URL path. */
void date_from_url(struct html_meta *m, const char *url)
{
	if (!url)
		return;
	const char *p = strstr(url, "//");
	p = p ? strchr(p + 2, '/') : NULL;
	for (; p && *p; p++) {
		if (!isdigit((unsigned char)p[0]) || (p[-1] != '/' && p[-1] != '-' && p[-1] != '_'))
			continue;
		int y = digits(p, 4);
		if (y < 1990 || y > 2100)
			continue;
		char d[11];
		int64_t u;
		/* p[7] read once p[5] and p[6] are digits: a URL ending in
		 * "/2019-0" has no p[7]. */
		if ((p[4] == '/' || p[4] == '-') && digits(p + 5, 2) >= 0 && p[7] == p[4] &&
		    digits(p + 8, 2) >= 0 && set_ymd(y, digits(p + 5, 2), digits(p + 8, 2), d, &u)) {
			date_from(m, d, 4);
			return;
		}
		if (digits(p, 8) >= 0 && !isdigit((unsigned char)p[8]) &&
		    set_ymd(y, digits(p + 4, 2), digits(p + 6, 2), d, &u)) {
			date_from(m, d, 4);
			return;
		}
	}
}

void html_meta_read(const struct xtree *t, struct html_meta *m)
{
	memset(m, 0, sizeof *m);
	for (size_t i = 0; i < t->n; i++) {
		const struct xnode *x = &t->v[i];
		const GumboNode *n = x->n;
		if (n->type != GUMBO_NODE_ELEMENT)
			continue;
		const char *v;
		switch (n->v.element.tag) {
		case GUMBO_TAG_HTML:
			take(&m->lang, html_attr(n, "lang") ? html_attr(n, "lang") : html_attr(n, "xml:lang"));
			break;
		case GUMBO_TAG_TITLE:
			if (!m->title_tag) {
				char *s = html_node_line(n);
				if (!*s && text_child(n))
					take(&m->title_tag, text_child(n));
				else
					take(&m->title_tag, s);
				free(s);
			}
			break;
		case GUMBO_TAG_META:
			read_meta(m, n);
			break;
		case GUMBO_TAG_LINK:
			v = html_attr(n, "rel");
			if (v && strcasecmp(v, "canonical") == 0)
				take(&m->canonical, html_attr(n, "href"));
			break;
		case GUMBO_TAG_SCRIPT:
			v = html_attr(n, "type");
			if (v && strcasecmp(v, "application/ld+json") == 0 && text_child(n))
				read_jsonld(m, text_child(n));
			break;
		case GUMBO_TAG_TIME:
			v = html_attr(n, "datetime");
			date_from(m, v, html_attr(n, "pubdate") || html_attr(n, "itemprop") ? 2 : 3);
			break;
		default:
			v = x->attr[XA_ITEMPROP];
			if (v && strcmp(v, "datePublished") == 0) {
				const char *dt = html_attr(n, "datetime") ? html_attr(n, "datetime") : html_attr(n, "content");
				if (dt) {
					date_from(m, dt, 1);
				} else {
					char *s = html_node_line(n);
					date_from(m, s, 2);
					free(s);
				}
			}
			break;
		}
	}
}

/* ---- titles ---------------------------------------------------------- */

/* Between a headline and the site's name. Those without spaces only
 * count next to CJK text or the site's name ("新闻标题-新华网"). */
static const char *const seps[] = {" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " • ",
                                   " ~ ", " _ ", "｜", "|", "_", "-", "»"};
#define SPACED_SEPS 10

/* Lower-case letters and digits only, for comparing names. */
static char *squash(const char *s)
{
	char *o = xmalloc(strlen(s) + 1), *t = o; /* not sbuf_addc a byte */
	for (; *s; s++)
		if (isalnum((unsigned char)*s) || (unsigned char)*s >= 0x80)
			*t++ = (char)tolower((unsigned char)*s);
	*t = '\0';
	return o;
}

/* Does part name the site ("Harbor Gazette", "harborgazette.com")? */
static bool names_site(const char *part, const char *site, const char *host)
{
	const char *names[2] = {site, host};
	bool m = false;
	char *a = squash(part);
	for (int k = 0; k < 2 && !m; k++) {
		if (!names[k] || !*names[k])
			continue;
		/* A host without "www." and its top-level domain. */
		const char *h = names[k];
		if (k == 1 && strncmp(h, "www.", 4) == 0)
			h += 4;
		const char *dot = k == 1 ? strrchr(h, '.') : NULL;
		char *name = dot ? xstrndup(h, (size_t)(dot - h)) : xstrdup(h);
		char *b = squash(name);
		free(name);
		/* One holds the other, and the part is not much more than the
		 * name ("Harbor Gazette" in "The Harbor Gazette"). */
		size_t la = strlen(a), lb = strlen(b);
		m = *a && *b && (strstr(a, b) || strstr(b, a)) && la <= lb + 12;
		free(b);
	}
	free(a);
	return m;
}

static bool all_cjk(const char *s)
{
	bool any = false;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p < 0x80 && *p != ' ')
			return false;
		any = true;
	}
	return any;
}

/* "Section | Headline | Site": bars part names from the headline, the
 * first part unless another is more than twice as long. */
static char *bar_part(const char *title, const char *sep)
{
	size_t sl = strlen(sep), best_len = 0, first_len = 0;
	const char *best = title, *p = title;
	for (bool first = true;; first = false) {
		const char *q = strstr(p, sep);
		size_t n = q ? (size_t)(q - p) : strlen(p);
		size_t ch = html_chars(p, n);
		if (first)
			first_len = ch;
		if (ch > best_len) {
			best_len = ch;
			best = p;
		}
		if (!q)
			break;
		p = q + sl;
	}
	if (first_len * 2 >= best_len)
		best = title;
	const char *end = strstr(best, sep);
	return xstrndup(best, end ? (size_t)(end - best) : strlen(best));
}

/* "Headline | Site" -> "Headline"; "Site » Headline" -> "Headline".  A
 * part is cut when it names the site, or (short_tail) when it is a short
 * last part of a <title>. */
static char *strip_site(const char *title, const char *site, const char *host, bool short_tail)
{
	for (size_t k = 0; k < ARRAY_SIZE(seps); k++) {
		const char *sep = seps[k];
		size_t sl = strlen(sep);
		const char *first = strstr(title, sep);
		if (!first)
			continue;
		const char *last = first;
		for (const char *q; (q = strstr(last + sl, sep)) != NULL;)
			last = q;
		char *head = xstrndup(title, (size_t)(last - title));
		const char *tail = last + sl;
		char *lead = xstrndup(title, (size_t)(first - title));
		const char *rest = first + sl;
		size_t lh = html_chars(head, strlen(head)), lt = html_chars(tail, strlen(tail));
		char *out = NULL;
		bool bar = strchr(sep, '|') || strstr(sep, "｜");
		if (*head && names_site(tail, site, host))
			out = xstrdup(head);
		else if (*rest && names_site(lead, site, host))
			out = xstrdup(rest);
		else if (k >= SPACED_SEPS && all_cjk(tail) && lt <= 8 && lh >= 2 * lt)
			out = xstrdup(head);
		else if (short_tail && k < SPACED_SEPS && lt * 5 <= lh * 2 && lt <= 40)
			out = xstrdup(head);
		else if (bar)
			out = bar_part(title, sep);
		free(head);
		free(lead);
		if (out) {
			char *again = strip_site(out, site, host, short_tail);
			free(out);
			return again;
		}
	}
	return xstrdup(title);
}

/* An <h1> that is the site's name, not the headline: it names the site,
 * or it is one part of a <title> whose other part is longer. */
static bool h1_is_site(const struct html_meta *m, const char *site, const char *host)
{
	const char *h1 = m->h1;
	if (names_site(h1, site, host) && (!site || html_chars(h1, strlen(h1)) <= html_chars(site, strlen(site)) + 4))
		return true;
	const char *tt = m->title_tag;
	size_t n = strlen(h1);
	if (!tt || strcmp(tt, h1) == 0)
		return false;
	for (size_t k = 0; k < ARRAY_SIZE(seps); k++) {
		size_t sl = strlen(seps[k]);
		size_t tl = strlen(tt);
		if (tl > n + sl && strncmp(tt, h1, n) == 0 && strncmp(tt + n, seps[k], sl) == 0)
			return true;
		if (tl > n + sl && strcmp(tt + tl - n, h1) == 0 && strncmp(tt + tl - n - sl, seps[k], sl) == 0)
			return true;
	}
	return false;
}

char *html_meta_title(const struct html_meta *m, const char *site, const char *host)
{
	/* The headline a reader sees, unless it is the site's name. */
	if (m->h1 && html_chars(m->h1, strlen(m->h1)) >= 4 && !h1_is_site(m, site, host)) {
		/* An <h1> with a kicker ("Politics | Headline") holds the
		 * metadata's headline. */
		const char *meta[2] = {m->og_title, m->ld_headline};
		for (int k = 0; k < 2; k++)
			if (meta[k] && strlen(meta[k]) >= 16 && strlen(meta[k]) < strlen(m->h1) && strstr(m->h1, meta[k]))
				return xstrdup(meta[k]);
		return xstrdup(m->h1);
	}
	if (m->og_title)
		return strip_site(m->og_title, site, host, false);
	if (m->ld_headline)
		return strip_site(m->ld_headline, site, host, false);
	if (m->title_tag)
		return strip_site(m->title_tag, site, host, true);
	return xstrdup(m->h1 ? m->h1 : "");
}

void html_meta_free(struct html_meta *m)
{
	free(m->og_title);
	free(m->ld_headline);
	free(m->title_tag);
	free(m->h1);
	free(m->site_name);
	free(m->ld_publisher);
	free(m->author);
	free(m->canonical);
	free(m->og_url);
	free(m->lang);
	memset(m, 0, sizeof *m);
}
