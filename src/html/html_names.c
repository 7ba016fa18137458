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
#include <pthread.h>
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

/* What article bodies call themselves. */
static const char *const markers[] = {"entry-content", "article-body", "articlebody",
                                      "article-content", "post-content", "post-body",
                                      "story-body", "story-content", "article-text",
                                      "articletext", "main-content", "body-text"};
static const char *const date_words[] = {"date", "time", "publish", "posted", "byline", "meta",
                                         "info", "author"};

/*
 * Every word of the lists by its first two characters, so that a name is
 * read once, position by position, not once a word (strstr for each of
 * 100 words was 6 % of an extraction): a bucket holds the words that
 * begin with its pair, each with the lists it is in.
 */
enum { L_STRONG = 1, L_WEAK = 2, L_GOOD = 4, L_MARKER = 8, L_DATE = 16 };
struct word {
	const char *w;
	uint8_t len, lists;
};
#define PAIR_BUCKETS 1024
#define WORDS_MAX 160
static struct word words[WORDS_MAX];
static uint8_t bucket_first[PAIR_BUCKETS], bucket_n[PAIR_BUCKETS]; /* into words, sorted by bucket */
static pthread_once_t words_once = PTHREAD_ONCE_INIT;

static unsigned pair_hash(const char *s)
{
	return ((unsigned char)s[0] * 31u + (unsigned char)s[1]) & (PAIR_BUCKETS - 1);
}

static void add_list(struct word *tmp, size_t *n, const char *const *list, size_t count,
                     uint8_t bit)
{
	for (size_t i = 0; i < count; i++) {
		size_t k = 0;
		while (k < *n && strcmp(tmp[k].w, list[i]) != 0)
			k++;
		if (k == *n)
			tmp[(*n)++] = (struct word){list[i], (uint8_t)strlen(list[i]), 0};
		tmp[k].lists |= bit;
	}
}

static void words_init(void)
{
	struct word tmp[WORDS_MAX];
	size_t n = 0;
	add_list(tmp, &n, strong_bad, ARRAY_SIZE(strong_bad), L_STRONG);
	add_list(tmp, &n, weak_bad, ARRAY_SIZE(weak_bad), L_WEAK);
	add_list(tmp, &n, good, ARRAY_SIZE(good), L_GOOD);
	add_list(tmp, &n, markers, ARRAY_SIZE(markers), L_MARKER);
	add_list(tmp, &n, date_words, ARRAY_SIZE(date_words), L_DATE);
	size_t k = 0;
	for (unsigned b = 0; b < PAIR_BUCKETS; b++) {
		bucket_first[b] = (uint8_t)k;
		for (size_t i = 0; i < n; i++)
			if (pair_hash(tmp[i].w) == b)
				words[k++] = tmp[i];
		bucket_n[b] = (uint8_t)(k - bucket_first[b]);
	}
}

/* A boilerplate word at s + i (of the name s), but as a layout's
 * description: "with-sidebar", "has-comments", "no-sidebar". */
static bool layout_word(const char *s, size_t i)
{
	return (i >= 5 && strncmp(s + i - 5, "with", 4) == 0) ||
	       (i >= 4 && strncmp(s + i - 4, "has", 3) == 0) ||
	       (i >= 3 && strncmp(s + i - 3, "no", 2) == 0) ||
	       (i >= 4 && strncmp(s + i - 4, "one", 3) == 0) ||
	       (i >= 4 && strncmp(s + i - 4, "two", 3) == 0);
}

/* The lists with a word in the lower-cased name s[0..n). */
static unsigned lists_in(const char *s, size_t n)
{
	pthread_once(&words_once, words_init);
	unsigned lists = 0;
	for (size_t i = 0; i + 1 < n; i++) {
		unsigned b = pair_hash(s + i);
		for (unsigned k = bucket_first[b], e = k + bucket_n[b]; k < e; k++) {
			const struct word *w = &words[k];
			if (w->len > n - i || memcmp(s + i, w->w, w->len) != 0)
				continue;
			unsigned l = w->lists;
			if ((l & (L_STRONG | L_WEAK)) && layout_word(s, i))
				l &= ~(unsigned)(L_STRONG | L_WEAK);
			lists |= l;
		}
	}
	return lists;
}

static unsigned name_scan(const char *s, size_t n)
{
	unsigned l = lists_in(s, n), f = N_SET;
	if (l & L_STRONG)
		f |= N_BAD | N_STRONG;
	if (l & L_WEAK)
		f |= N_BAD;
	/* A strong boilerplate word outweighs article words in the same
	 * name: "article-comments". */
	if ((l & L_GOOD) && !(f & N_STRONG))
		f |= N_GOOD;
	if (l & L_MARKER)
		f |= N_MARKER;
	if (l & L_DATE)
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
	/* A 64-bit hash of the value as written stands for it (a value in
	 * other case is scanned apart, to the same flags): eight bytes a
	 * step, multiplied and folded (FNV-1a a byte a step was a third of
	 * this function). */
	uint64_t h = 1469598103934665603ull ^ n;
	size_t k = 0;
	for (; k + 8 <= n; k += 8) {
		uint64_t w;
		memcpy(&w, raw + k, 8);
		h = (h ^ w) * 0x9E3779B97F4A7C15ull;
		h ^= h >> 29;
	}
	for (; k < n; k++)
		h = (h ^ (unsigned char)raw[k]) * 1099511628211ull;
	h ^= h >> 32;
	h |= 1;
	size_t i = (size_t)(h >> 20) & (HTML_NAME_MEMO - 1);
	char buf[256];
	for (size_t probe = 0; probe < 8; probe++, i = (i + 1) & (HTML_NAME_MEMO - 1)) {
		if (memo->key[i] == h)
			return memo->flags[i];
		if (!memo->key[i]) {
			memo->key[i] = h;
			lower_name(raw, n, buf, sizeof buf);
			memo->flags[i] = (uint8_t)name_scan(buf, n);
			return memo->flags[i];
		}
	}
	lower_name(raw, n, buf, sizeof buf);
	return name_scan(buf, n); /* table crowded: no memo */
}

