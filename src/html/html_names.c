/*
 * html_names.c: what a class or id value says about its element: a
 * boilerplate word (strong or weak), an article word, an article body's
 * own name, a date's.  The extractor scores by it; the pre-pass drops
 * the class and id values that say nothing (most of them), so gumbo need
 * not read them.
 */
#include "diglot/common.h"
#include "html_int.h"
#include "html_tags.h"

#include <pthread.h>
#include <stdlib.h>
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

/* What article bodies call themselves. */
static const char *const markers[] = {"entry-content", "article-body", "articlebody",
                                      "article-content", "post-content", "post-body",
                                      "story-body", "story-content", "article-text",
                                      "articletext", "main-content", "body-text"};
static const char *const date_words[] = {"date", "time", "publish", "posted", "byline", "meta",
                                         "info", "author"};

/*
 * The words of all lists in one Aho-Corasick automaton over a-z and '-'
 * (no word holds anything else): a name is read once, a byte a step,
 * whatever the number of words (a bucket of words by each position's
 * first two bytes cost 40 instructions a byte).  A state's words are the
 * one ending there and, along the dictionary links, those that are its
 * suffixes.
 */
enum { L_STRONG = 1, L_WEAK = 2, L_GOOD = 4, L_MARKER = 8, L_DATE = 16 };
struct word {
	const char *w;
	uint8_t len, lists;
};
#define WORDS_MAX 160
#define SYMBOLS 28   /* 0: any other byte, 1..26: a-z, 27: '-' */
#define STATES_MAX 1024
static struct word words[WORDS_MAX];
static uint16_t go[STATES_MAX][SYMBOLS]; /* the complete transition function */
static int16_t word_at[STATES_MAX];      /* the word ending at the state, -1: none */
static uint16_t dict[STATES_MAX];        /* the next state on the suffix chain with a word, 0: none */
static uint16_t first_word[STATES_MAX];  /* the state itself if a word ends there, else dict */
static uint8_t symbol[256];
static pthread_once_t words_once = PTHREAD_ONCE_INIT;

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

/* The trie of the words; go[][] 0 where it has no edge (state 0 is the
 * root: no edge leads back to it). */
static size_t build_trie(size_t nwords)
{
	size_t states = 1;
	for (size_t i = 0; i < nwords; i++) {
		unsigned st = 0;
		for (const char *c = words[i].w; *c; c++) {
			uint8_t y = symbol[(unsigned char)*c];
			if (!go[st][y]) {
				if (!y || states == STATES_MAX)
					abort(); /* a word outside a-z and '-', or too many */
				go[st][y] = (uint16_t)states++;
			}
			st = go[st][y];
		}
		word_at[st] = (int16_t)i;
	}
	return states;
}

/* Failure links, breadth first, folded into go[][] and dict[]. */
static void build_links(void)
{
	uint16_t fail[STATES_MAX] = {0}, queue[STATES_MAX];
	size_t head = 0, tail = 0;
	for (unsigned y = 0; y < SYMBOLS; y++)
		if (go[0][y])
			queue[tail++] = go[0][y]; /* fail and dict 0 */
	while (head < tail) {
		unsigned st = queue[head++];
		for (unsigned y = 0; y < SYMBOLS; y++) {
			unsigned nx = go[st][y];
			if (!nx) {
				go[st][y] = go[fail[st]][y];
				continue;
			}
			unsigned f = go[fail[st]][y];
			fail[nx] = (uint16_t)f;
			dict[nx] = (uint16_t)(word_at[f] >= 0 ? f : dict[f]);
			queue[tail++] = (uint16_t)nx;
		}
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
	memcpy(words, tmp, n * sizeof *tmp);
	for (unsigned c = 'a'; c <= 'z'; c++)
		symbol[c] = symbol[c - 32] = (uint8_t)(c - 'a' + 1);
	symbol['-'] = 27;
	for (size_t k = 0; k < STATES_MAX; k++)
		word_at[k] = -1;
	size_t states = build_trie(n);
	build_links();
	for (size_t k = 1; k < states; k++)
		first_word[k] = (uint16_t)(word_at[k] >= 0 ? k : dict[k]);
}

/* A boilerplate word at s + i (of the name s), but as a layout's
 * description: "with-sidebar", "has-comments", "no-sidebar". */
static bool layout_word(const char *s, size_t i)
{
	return (i >= 5 && html_lower_is(s + i - 5, 4, "with")) ||
	       (i >= 4 && html_lower_is(s + i - 4, 3, "has")) ||
	       (i >= 3 && html_lower_is(s + i - 3, 2, "no")) ||
	       (i >= 4 && html_lower_is(s + i - 4, 3, "one")) ||
	       (i >= 4 && html_lower_is(s + i - 4, 3, "two"));
}

/* The lists of the word w, found ending at s[end]. */
static unsigned word_lists(const char *s, size_t end, const struct word *w)
{
	unsigned l = w->lists;
	if ((l & (L_STRONG | L_WEAK)) && layout_word(s, end + 1 - w->len))
		l &= ~(unsigned)(L_STRONG | L_WEAK);
	return l;
}

/* The lists with a word in the name s[0..n) (ASCII case aside: the
 * automaton reads both cases alike). */
static unsigned lists_in(const char *s, size_t n)
{
	pthread_once(&words_once, words_init);
	unsigned lists = 0, st = 0;
	for (size_t i = 0; i < n; i++) {
		st = go[st][symbol[(unsigned char)s[i]]];
		for (unsigned d = first_word[st]; d; d = dict[d])
			lists |= word_lists(s, i, &words[word_at[d]]);
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

size_t html_name_code(const struct html_name_memo *memo, unsigned f, char out[HTML_NAME_CODE_MAX])
{
	if (memo->codes_high) { /* U+10FFC0 + f */
		out[0] = (char)0xF4;
		out[1] = (char)0x8F;
		out[2] = (char)0xBF;
		out[3] = (char)(0x80 + (f & 31));
		return 4;
	}
	out[0] = (char)0xEE; /* U+EF00 + f */
	out[1] = (char)0xBC;
	out[2] = (char)(0x80 + (f & 31));
	return 3;
}

unsigned html_name_flags_n(struct html_name_memo *memo, const char *raw, size_t n)
{
	if (!n)
		return 0;
	const unsigned char *u = (const unsigned char *)raw;
	if (memo->coded && !memo->codes_high && n == 3 && u[0] == 0xEE && u[1] == 0xBC && u[2] >= 0x80 &&
	    u[2] < 0xA0)
		return (unsigned)(u[2] - 0x80) | N_SET;
	if (memo->coded && memo->codes_high && n == 4 && u[0] == 0xF4 && u[1] == 0x8F && u[2] == 0xBF &&
	    u[3] >= 0x80 && u[3] < 0xA0)
		return (unsigned)(u[3] - 0x80) | N_SET;
	if (n > 255)
		n = 255; /* longer names are read that far */
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
	for (size_t probe = 0; probe < 8; probe++, i = (i + 1) & (HTML_NAME_MEMO - 1)) {
		if (memo->key[i] == h)
			return memo->flags[i];
		if (!memo->key[i]) {
			memo->key[i] = h;
			memo->flags[i] = (uint8_t)name_scan(raw, n);
			return memo->flags[i];
		}
	}
	return name_scan(raw, n); /* table crowded: no memo */
}

