/*
 * html_names.c: what a class or id value says about its element: a
 * boilerplate word (strong or weak), an article word, an article body's
 * own name, a date's.  The extractor scores by it; the pre-pass drops
 * the class and id values that say nothing (most of them), so gumbo need
 * not read them.
 */
#include "diglot/common.h"
#include "html_int.h"

#include <ctype.h>
#include <string.h>

/* Class and id words. A boilerplate word marks a container as such unless
 * an article word is there too ("article-comments" stays boilerplate:
 * the strong words win). */
static const char *const strong_bad[] = {
	"comment", "disqus", "respond", "reply", "cookie", "consent", "gdpr", "share", "sharing",
	"social", "related", "recommend", "sidebar", "newsletter", "subscribe", "breadcrumb",
	"promo", "advert", "sponsor", "outbrain", "taboola", "popup", "modal", "footer",
	"masthead", "navbar", "navigation", "menu", "pagination", "pager", "toolbar",
	"signup", "login", "trending", "popular", "most-read", "mostread", "read-more", "readmore",
	"more-stories", "also-read", "author-bio",
};
static const char *const weak_bad[] = {"nav", "meta", "header", "ad-", "ads", "aside", "hidden",
                                       "extra", "links", "caption", "info", "credit", "date",
                                       "widget", "teaser", "tags", "tag-list", "keywords", "rating",
                                       "skip", "print", "syndication", "jump", "carousel",
                                       "slider", "byline", "banner"};
static const char *const good[] = {"article", "content", "post", "entry", "body", "text", "story",
                                   "main", "hentry", "blog", "detail", "news", "page", "single"};

/* s is lower-cased (lower_name). */
static bool has_word(const char *s, const char *w)
{
	return strstr(s, w) != NULL;
}

/* A class or id value s[0..n) lower-cased into buf (names past its size
 * are cut). */
static const char *lower_name(const char *s, size_t n, char *buf, size_t size)
{
	size_t k = 0;
	for (; k < n && k + 1 < size; k++)
		buf[k] = (char)tolower((unsigned char)s[k]);
	buf[k] = '\0';
	return buf;
}

/* w in s, but not as a layout's description: "with-sidebar",
 * "has-comments", "no-sidebar". */
static bool has_bad_word(const char *s, const char *w)
{
	for (const char *p = s; (p = strstr(p, w)) != NULL; p++) {
		size_t back = (size_t)(p - s);
		if ((back >= 5 && strncmp(p - 5, "with", 4) == 0) || (back >= 4 && strncmp(p - 4, "has", 3) == 0) ||
		    (back >= 3 && strncmp(p - 3, "no", 2) == 0) || (back >= 4 && strncmp(p - 4, "one", 3) == 0) ||
		    (back >= 4 && strncmp(p - 4, "two", 3) == 0))
			continue;
		return true;
	}
	return false;
}

/* What article bodies call themselves. */
static const char *const markers[] = {"entry-content", "article-body", "articlebody",
                                      "article-content", "post-content", "post-body",
                                      "story-body", "story-content", "article-text",
                                      "articletext", "main-content", "body-text"};
static const char *const date_words[] = {"date", "time", "publish", "posted", "byline", "meta",
                                         "info", "author"};


/* The pairs of adjacent characters in s, hashed into 4096 bits: a word
 * whose first two are absent is not looked for (most are not there). */
struct pairs {
	uint64_t bit[64];
};

static void pairs_of(const char *s, struct pairs *p)
{
	memset(p, 0, sizeof *p);
	for (; s[0] && s[1]; s++) {
		unsigned h = ((unsigned char)s[0] * 31u + (unsigned char)s[1]) & 4095u;
		p->bit[h >> 6] |= (uint64_t)1 << (h & 63);
	}
}

static bool may_have(const struct pairs *p, const char *w)
{
	unsigned h = ((unsigned char)w[0] * 31u + (unsigned char)w[1]) & 4095u;
	return p->bit[h >> 6] >> (h & 63) & 1;
}

static unsigned name_scan(const char *s)
{
	unsigned f = N_SET;
	struct pairs pr;
	pairs_of(s, &pr);
	for (size_t i = 0; i < ARRAY_SIZE(strong_bad) && !(f & N_STRONG); i++)
		if (may_have(&pr, strong_bad[i]) && has_bad_word(s, strong_bad[i]))
			f |= N_BAD | N_STRONG;
	for (size_t i = 0; !(f & N_BAD) && i < ARRAY_SIZE(weak_bad); i++)
		if (may_have(&pr, weak_bad[i]) && has_bad_word(s, weak_bad[i]))
			f |= N_BAD;
	/* A strong boilerplate word outweighs article words in the same
	 * name: "article-comments". */
	for (size_t i = 0; !(f & N_STRONG) && !(f & N_GOOD) && i < ARRAY_SIZE(good); i++)
		if (may_have(&pr, good[i]) && has_word(s, good[i]))
			f |= N_GOOD;
	for (size_t i = 0; !(f & N_MARKER) && i < ARRAY_SIZE(markers); i++)
		if (may_have(&pr, markers[i]) && has_word(s, markers[i]))
			f |= N_MARKER;
	for (size_t i = 0; !(f & N_DATE) && i < ARRAY_SIZE(date_words); i++)
		if (may_have(&pr, date_words[i]) && has_word(s, date_words[i]))
			f |= N_DATE;
	return f;
}

unsigned html_name_flags(struct html_name_memo *memo, const char *raw)
{
	return raw ? html_name_flags_n(memo, raw, strlen(raw)) : 0;
}

void html_name_code(unsigned f, char out[HTML_NAME_CODE_LEN])
{
	out[0] = (char)0xEE;
	out[1] = (char)0xBC;
	out[2] = (char)(0x80 + (f & 31));
}

unsigned html_name_flags_n(struct html_name_memo *memo, const char *raw, size_t n)
{
	if (!n)
		return 0;
	const unsigned char *u = (const unsigned char *)raw;
	if (memo->coded && n == HTML_NAME_CODE_LEN && u[0] == 0xEE && u[1] == 0xBC && u[2] >= 0x80 &&
	    u[2] < 0xA0)
		return (unsigned)(u[2] - 0x80) | N_SET;
	if (n > 255)
		n = 255; /* what lower_name keeps */
	/* FNV-1a of the value as written: a 64-bit key stands for it (a
	 * value in other case is scanned apart, to the same flags). */
	uint64_t h = 1469598103934665603ull;
	for (size_t k = 0; k < n; k++)
		h = (h ^ (unsigned char)raw[k]) * 1099511628211ull;
	h |= 1;
	size_t i = (size_t)(h >> 20) & (HTML_NAME_MEMO - 1);
	char buf[256];
	for (size_t probe = 0; probe < 8; probe++, i = (i + 1) & (HTML_NAME_MEMO - 1)) {
		if (memo->key[i] == h)
			return memo->flags[i];
		if (!memo->key[i]) {
			memo->key[i] = h;
			memo->flags[i] = (uint8_t)name_scan(lower_name(raw, n, buf, sizeof buf));
			return memo->flags[i];
		}
	}
	return name_scan(lower_name(raw, n, buf, sizeof buf)); /* table crowded: no memo */
}

