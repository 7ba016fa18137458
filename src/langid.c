/*
 * langid.c: the language of a paragraph and of an article.
 *
 * Two passes.  The script pass counts the letters of each script
 * (libunistring's uc_script); a script that belongs to one language
 * (Hangul, kana, Han, Greek, Thai ...) decides by itself.  Latin and
 * Cyrillic text goes to CLD2.  CLD2 is excellent on sentences but guesses
 * wildly on a title of three words, so for short or unreliable Latin text
 * its guess is weighed against small tables of function words and
 * accented letters of the languages a news reader meets most.
 */
#include "diglot/common.h"
#include "diglot/langid.h"
#include "diglot/cld2shim.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <unistr.h>

/* ---- scripts ------------------------------------------------------------ */

enum script {
	SC_LATIN, SC_CYRILLIC, SC_HAN, SC_KANA, SC_HANGUL,
	SC_ARABIC, SC_HEBREW, SC_GREEK, SC_THAI, SC_GEORGIAN, SC_ARMENIAN,
	SC_DEVANAGARI, SC_BENGALI, SC_TAMIL, SC_TELUGU, SC_KANNADA, SC_MALAYALAM,
	SC_GUJARATI, SC_GURMUKHI, SC_ORIYA, SC_SINHALA, SC_ETHIOPIC, SC_KHMER,
	SC_LAO, SC_MYANMAR, SC_TIBETAN, SC_OTHER, SC_COUNT
};

/* The Unicode script name, the language a script alone decides (NULL:
 * ask CLD2, or Han/kana decided together), and whether the script writes
 * words without spaces (then letters, not words, measure the text). */
static const struct {
	const char *name;
	const char *lang;
	bool unspaced;
} scripts[SC_COUNT] = {
	[SC_LATIN] = {"Latin", NULL, false},
	[SC_CYRILLIC] = {"Cyrillic", NULL, false},
	[SC_HAN] = {"Han", "zh", true},
	[SC_KANA] = {"Hiragana", "ja", true},
	[SC_HANGUL] = {"Hangul", "ko", false},
	[SC_ARABIC] = {"Arabic", "ar", false},
	[SC_HEBREW] = {"Hebrew", "he", false},
	[SC_GREEK] = {"Greek", "el", false},
	[SC_THAI] = {"Thai", "th", true},
	[SC_GEORGIAN] = {"Georgian", "ka", false},
	[SC_ARMENIAN] = {"Armenian", "hy", false},
	[SC_DEVANAGARI] = {"Devanagari", "hi", false},
	[SC_BENGALI] = {"Bengali", "bn", false},
	[SC_TAMIL] = {"Tamil", "ta", false},
	[SC_TELUGU] = {"Telugu", "te", false},
	[SC_KANNADA] = {"Kannada", "kn", false},
	[SC_MALAYALAM] = {"Malayalam", "ml", false},
	[SC_GUJARATI] = {"Gujarati", "gu", false},
	[SC_GURMUKHI] = {"Gurmukhi", "pa", false},
	[SC_ORIYA] = {"Oriya", "or", false},
	[SC_SINHALA] = {"Sinhala", "si", false},
	[SC_ETHIOPIC] = {"Ethiopic", "am", false},
	[SC_KHMER] = {"Khmer", "km", true},
	[SC_LAO] = {"Lao", "lo", true},
	[SC_MYANMAR] = {"Myanmar", "my", true},
	[SC_TIBETAN] = {"Tibetan", "bo", true},
	[SC_OTHER] = {"", "und", false},
};

static const uc_script_t *script_ptr[SC_COUNT];
static const uc_script_t *katakana_ptr;
static pthread_once_t script_once = PTHREAD_ONCE_INIT;

static void scripts_init(void)
{
	for (int i = 0; i < SC_OTHER; i++)
		script_ptr[i] = uc_script_byname(scripts[i].name);
	katakana_ptr = uc_script_byname("Katakana");
}

/* The script of a letter; the common blocks are tested first because
 * uc_script is a table walk and most text stays in a few blocks. */
static enum script letter_script(ucs4_t uc)
{
	if (uc < 0x250)
		return SC_LATIN;
	if (uc >= 0x400 && uc < 0x530)
		return SC_CYRILLIC;
	if ((uc >= 0x4E00 && uc <= 0x9FFF) || (uc >= 0x3400 && uc <= 0x4DBF))
		return SC_HAN;
	if (uc >= 0x3041 && uc <= 0x30FA)
		return SC_KANA;
	if (uc >= 0xAC00 && uc <= 0xD7A3)
		return SC_HANGUL;
	const uc_script_t *s = uc_script(uc);
	if (!s)
		return SC_OTHER;
	if (s == katakana_ptr)
		return SC_KANA;
	for (int i = 0; i < SC_OTHER; i++)
		if (s == script_ptr[i])
			return (enum script)i;
	return SC_OTHER;
}

static bool is_letter(ucs4_t uc)
{
	if (uc < 0x80)
		return (uc | 0x20) >= 'a' && (uc | 0x20) <= 'z';
	return uc_is_general_category(uc, UC_CATEGORY_L) ||
	       uc_is_general_category(uc, UC_CATEGORY_Mc); /* Indic vowel signs */
}

struct script_counts {
	size_t letters[SC_COUNT];
	size_t words[SC_COUNT]; /* runs of letters of one script */
	size_t total;
};

static void count_scripts(const char *text, size_t len, struct script_counts *c)
{
	const uint8_t *s = (const uint8_t *)text, *end = s + len;
	enum script prev = SC_COUNT;
	memset(c, 0, sizeof *c);
	while (s < end) {
		ucs4_t uc;
		int n;
		if (*s < 0x80) {
			uc = *s;
			n = 1;
		} else {
			n = u8_mbtouc(&uc, s, (size_t)(end - s));
		}
		s += n;
		if (!is_letter(uc)) {
			prev = SC_COUNT;
			continue;
		}
		enum script sc = uc < 0x80 ? SC_LATIN : letter_script(uc);
		c->letters[sc]++;
		c->total++;
		if (sc != prev)
			c->words[sc]++;
		prev = sc;
	}
}

/*
 * How much text of a script there is, in tenths of a word.  A Han or
 * kana character carries about a word's meaning (weighed 1.5 Latin
 * words), a Latin word of 2-3 Han characters' worth of letters still one
 * word: so Chinese full of
 * Latin brand names stays Chinese, English quoting a name in Han stays
 * English.  Thai and the like are measured in letters (no spaces).
 */
static size_t script_weight(const struct script_counts *c, enum script sc)
{
	if (sc == SC_HAN)
		return c->letters[sc] * 15;
	if (sc == SC_KANA) /* kana never decorate other languages' text */
		return c->letters[sc] * 25;
	if (scripts[sc].unspaced)
		return c->letters[sc] * 3;
	/* Latin identifiers and names sprinkle every language's text; a
	 * Cyrillic or Greek word does not turn up by accident. */
	return c->words[sc] * (sc == SC_LATIN ? 10 : 20);
}

/* Japanese when kana are more than a stray character in a Han text. */
static bool is_japanese(const struct script_counts *c)
{
	size_t kana = c->letters[SC_KANA], han = c->letters[SC_HAN];
	return kana >= 3 || kana * 10 >= han + kana;
}

/* ---- Latin and Cyrillic ---------------------------------------------------- */

/* Below this many letters CLD2 is not trusted even when it says reliable. */
#define SHORT_LETTERS 60

/* Function words of the languages the fallback knows.  Words are matched
 * lower-case; an apostrophe splits "l'option" into "l" and "option". */
static const struct {
	const char *lang;
	const char *words;
} stopwords[] = {
	{"en", " the of and to in is that for it as with was on are be by this from or an which"
	       " not have has at but can if will you when all their these its into been would"
	       " there should must may only other than more any each used no such"
	       " a does do they he she we his her who what how also so then see following "},
	{"fr", " le la les de des du un une et est en que qui dans pour pas sur au aux par ce"
	       " cette avec sont ne se il elle plus ou être ont son sa ses leur été nous vous"
	       " même l d qu n c s j peut été si tous toutes mais ces donc lorsque"
	       " selon ainsi sans également autre comme votre "},
	{"de", " der die das und ist nicht ein eine einen einer dem den des zu mit von sich auf"
	       " für im in werden wird sind auch als bei oder wenn kann nur dass an aus durch"
	       " zum zur wie es sie er wir ihr diese dieser dieses wurde vom keine kein noch"
	       " nach über unter soll muss mehr alle dann haben hat "},
	{"es", " el la los las de del que y en un una es por con para se no lo al como más su"
	       " sus este esta puede ser si está son entre cuando sobre también pero ha hay"
	       " desde todos sin estos esto le usted otro otra donde "},
	{"it", " il lo la le gli i di del della dei delle che e è un una per con non da al alla"
	       " nel nella sono si come può essere se questo questa anche più o ad degli dal"
	       " dalla sul sulla viene vengono ogni tra ma ha hanno questi quando cui"
	       " l un dell all nell sull "},
	{"pt", " o a os as de do da dos das que e em um uma para com não no na nos nas por se"
	       " ao é são como mais pode ser ou este esta seu sua também pelo pela quando"
	       " isso isto estes sobre entre você foi será todos "},
	{"nl", " de het een en van in is dat op te voor met zijn niet die wordt worden als door"
	       " er aan of bij om ook kan deze dit naar maar dan uit wel geen hun moet nog"
	       " tot alle wat zal waar wanneer heeft zo je u "},
};

/* Letters that mark a language, with weight per occurrence. */
static const struct {
	const char *lang;
	const char *letters;
	int weight;
} letter_cues[] = {
	{"de", "äöüß", 3},
	{"es", "ñ¿¡", 4}, {"es", "áíóú", 1},
	{"pt", "ãõ", 4}, {"pt", "çâêôáíóú", 1},
	{"fr", "çèêàùûîôëœâ", 1}, {"fr", "é", 1}, {"fr", "îûœ", 2},
	{"it", "ìò", 3}, {"it", "àèéù", 1},
	{"nl", "ĳ", 3},
};

/* Languages outside the tables whose own letters make CLD2's short-text
 * guess believable. */
static const struct {
	const char *lang;
	const char *letters;
} other_cues[] = {
	{"pl", "łąęśźżń"}, {"cs", "řěůčšž"}, {"sk", "ľĺŕäčšž"}, {"sv", "åäö"},
	{"da", "æøå"}, {"nb", "æøå"}, {"nn", "æøå"}, {"fi", "äö"}, {"et", "õäöü"},
	{"tr", "şğıİç"}, {"ro", "șțăşţâî"}, {"hu", "őűáé"}, {"is", "ðþæ"},
	{"vi", "ơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ"},
	{"hr", "čćđšž"}, {"sl", "čšž"}, {"lv", "āēīūļķņģ"}, {"lt", "ąčęėįšųūž"},
	{"ca", "àçèéíòóúl·l"}, {"cy", "ŵŷ"},
};

/* Is the UTF-8 character starting at s one of the characters in set? */
static bool char_in(const char *set, const char *s, int n)
{
	for (const char *p = set; *p;) {
		int m = u8_mblen((const uint8_t *)p, strlen(p));
		if (m <= 0)
			return false;
		if (m == n && memcmp(p, s, (size_t)n) == 0)
			return true;
		p += m;
	}
	return false;
}

static bool has_cue(const char *text, size_t len, const char *set)
{
	const char *s = text, *end = text + len;
	while (s < end) {
		int n = *s & 0x80 ? u8_mblen((const uint8_t *)s, (size_t)(end - s)) : 1;
		if (n <= 0)
			n = 1;
		if (n > 1 && char_in(set, s, n))
			return true;
		s += n;
	}
	return false;
}

/* Add the stopword score of one lower-cased word to every language listing it. */
static void score_word(const char *w, size_t n, int *score)
{
	char key[24];
	if (n == 0 || n + 2 >= sizeof key)
		return;
	key[0] = ' ';
	memcpy(key + 1, w, n);
	key[n + 1] = ' ';
	key[n + 2] = '\0';
	bool in[ARRAY_SIZE(stopwords)];
	int nin = 0;
	for (size_t i = 0; i < ARRAY_SIZE(stopwords); i++)
		nin += in[i] = strstr(stopwords[i].words, key) != NULL;
	/* A word only one language uses tells more than "de" or "la". */
	int weight = nin == 1 ? 4 : nin == 2 ? 2 : 1;
	for (size_t i = 0; i < ARRAY_SIZE(stopwords); i++)
		if (in[i])
			score[i] += weight;
}

static void score_letter(const char *s, int n, int *score)
{
	for (size_t k = 0; k < ARRAY_SIZE(letter_cues); k++) {
		if (!char_in(letter_cues[k].letters, s, n))
			continue;
		for (size_t i = 0; i < ARRAY_SIZE(stopwords); i++)
			if (strcmp(stopwords[i].lang, letter_cues[k].lang) == 0)
				score[i] += letter_cues[k].weight;
	}
}

/* Score text against the stopword and letter tables; score[] parallels stopwords[]. */
static void score_tables(const char *text, size_t len, int *score)
{
	const uint8_t *s = (const uint8_t *)text, *end = s + len;
	uint8_t word[64];
	size_t wn = 0;
	memset(score, 0, sizeof(int) * ARRAY_SIZE(stopwords));
	while (s <= end) {
		ucs4_t uc = 0;
		int n = 1;
		if (s < end)
			n = *s < 0x80 ? (uc = *s, 1) : u8_mbtouc(&uc, s, (size_t)(end - s));
		if (s < end && is_letter(uc)) {
			ucs4_t lc = uc_tolower(uc);
			if (n > 1)
				score_letter((const char *)s, n, score);
			if (wn + 6 < sizeof word) {
				int m = u8_uctomb(word + wn, lc, (int)(sizeof word - wn));
				wn += m > 0 ? (size_t)m : 0;
			}
		} else {
			score_word((const char *)word, wn, score);
			wn = 0;
		}
		s += n;
	}
}

static int lang_index(const char *code)
{
	for (size_t i = 0; i < ARRAY_SIZE(stopwords); i++)
		if (strcmp(stopwords[i].lang, code) == 0)
			return (int)i;
	return -1;
}

static size_t best_index(const int *score)
{
	size_t best = 0;
	for (size_t i = 1; i < ARRAY_SIZE(stopwords); i++)
		if (score[i] > score[best])
			best = i;
	return best;
}

/*
 * Weigh CLD2's guesses against the tables for short or unreliable text.
 * CLD2's first guess gets a head start; a language the tables know
 * nothing about keeps CLD2's guess only when its own letters are there.
 */
static void latin_fallback(const char *text, size_t len, const struct cld2_top3 *t,
			   int *score, struct langid_result *res)
{
	for (int k = 0; k < 2; k++) {
		int i = lang_index(t->code[k]);
		if (i >= 0)
			score[i] += k == 0 ? 2 : 1;
	}
	size_t best = best_index(score);
	const char *code = stopwords[best].lang;
	if (lang_index(t->code[0]) < 0 && strcmp(t->code[0], "und") != 0) {
		for (size_t k = 0; k < ARRAY_SIZE(other_cues); k++)
			if (strcmp(other_cues[k].lang, t->code[0]) == 0 &&
			    has_cue(text, len, other_cues[k].letters))
				code = t->code[0];
	}
	memcpy(res->code, code, strlen(code) + 1);
	res->confidence = score[best] > 12 ? 60 : score[best] * 5;
	res->reliable = false;
}

/*
 * Latin text.  CLD2's reliable verdict on enough letters stands unless
 * the tables overrule it by a wide margin: on technical prose full of
 * English terms CLD2 calls Spanish or Italian sentences English.
 */
static void detect_latin(const char *text, size_t len, const struct cld2_top3 *t,
			 size_t letters, struct langid_result *res)
{
	int score[ARRAY_SIZE(stopwords)];
	score_tables(text, len, score);
	bool trusted = t->reliable && letters >= SHORT_LETTERS && strcmp(t->code[0], "und") != 0 &&
		       strcmp(t->code[0], "ru") != 0;
	if (!trusted) {
		latin_fallback(text, len, t, score, res);
		return;
	}
	int c = lang_index(t->code[0]);
	size_t b = best_index(score);
	int cs = c >= 0 ? score[c] : 0;
	if ((int)b != c && score[b] >= 2 * cs + 8) {
		memcpy(res->code, stopwords[b].lang, strlen(stopwords[b].lang) + 1);
		res->confidence = 70;
	} else {
		memcpy(res->code, t->code[0], LANG_CODE_SIZE);
		res->confidence = t->percent[0];
	}
	res->reliable = true;
}

/* Cyrillic languages told apart by their own letters when CLD2 hesitates. */
static const struct {
	const char *lang;
	const char *letters;
} cyrillic_cues[] = {
	{"uk", "іїєґІЇЄҐ"}, {"be", "ўЎ"}, {"sr", "ђћЂЋ"}, {"mk", "ѓќѕЃЌЅ"},
	{"kk", "әғқңөұһӘҒҚҢӨҰҺ"},
};

static void cyrillic_fallback(const char *text, size_t len, const struct cld2_top3 *t,
			      struct langid_result *res)
{
	const char *code = "ru";
	for (size_t k = 0; k < ARRAY_SIZE(cyrillic_cues); k++)
		if (has_cue(text, len, cyrillic_cues[k].letters)) {
			code = cyrillic_cues[k].lang;
			break;
		}
	if (strcmp(code, "ru") == 0 && strcmp(t->code[0], "bg") == 0 && !has_cue(text, len, "ыэёЫЭЁ"))
		code = "bg";
	memcpy(res->code, code, strlen(code) + 1);
	res->confidence = 30;
	res->reliable = false;
}

/* Copy text keeping only the letters of one script (others become spaces),
 * so CLD2 judges the Latin part of a mixed paragraph by itself. */
static char *keep_script(const char *text, size_t len, enum script keep, size_t *out_len)
{
	char *out = xmalloc(len + 1);
	const uint8_t *s = (const uint8_t *)text, *end = s + len;
	size_t o = 0;
	while (s < end) {
		ucs4_t uc;
		int n = u8_mbtouc(&uc, s, (size_t)(end - s));
		if (is_letter(uc) && letter_script(uc) != keep)
			out[o++] = ' ';
		else {
			memcpy(out + o, s, (size_t)n);
			o += (size_t)n;
		}
		s += n;
	}
	out[o] = '\0';
	*out_len = o;
	return out;
}

static void detect_alphabetic(const char *text, size_t len, const struct script_counts *c,
			      enum script sc, struct langid_result *res)
{
	char *own = NULL;
	if (c->letters[sc] != c->total)
		text = own = keep_script(text, len, sc, &len);
	struct cld2_top3 t;
	cld2_detect_top3(text, (int)MIN(len, (size_t)INT32_MAX), true, &t);
	if (sc == SC_LATIN) {
		detect_latin(text, len, &t, c->letters[sc], res);
	} else if (t.reliable && strcmp(t.code[0], "und") != 0 && strcmp(t.code[0], "en") != 0 &&
		   c->letters[sc] >= SHORT_LETTERS) {
		memcpy(res->code, t.code[0], LANG_CODE_SIZE);
		res->confidence = t.percent[0];
		res->reliable = true;
	} else {
		cyrillic_fallback(text, len, &t, res);
	}
	free(own);
}

/* ---- public ------------------------------------------------------------ */

/*
 * Arabic script also writes Persian and Urdu, Devanagari also Marathi and
 * Nepali: with enough text, a reliable CLD2 answer other than the
 * script's main language wins.
 */
static bool script_shared(const char *text, size_t len, const struct script_counts *c,
			  enum script sc, struct langid_result *res)
{
	if ((sc != SC_ARABIC && sc != SC_DEVANAGARI) || c->letters[sc] < 20)
		return false;
	struct cld2_top3 t;
	cld2_detect_top3(text, (int)MIN(len, (size_t)INT32_MAX), false, &t);
	if (!t.reliable || strcmp(t.code[0], "und") == 0 || strcmp(t.code[0], "en") == 0)
		return false;
	memcpy(res->code, t.code[0], LANG_CODE_SIZE);
	res->confidence = t.percent[0];
	res->reliable = true;
	return true;
}

static void set_result(struct langid_result *res, const char *code, int confidence, bool reliable)
{
	memcpy(res->code, code, strlen(code) + 1);
	res->confidence = confidence;
	res->reliable = reliable;
}

void langid_detect(const char *text, size_t len, struct langid_result *res)
{
	struct script_counts c;
	pthread_once(&script_once, scripts_init);
	count_scripts(text, len, &c);
	if (c.total == 0) {
		set_result(res, "und", 0, false);
		return;
	}
	/* Han and kana are one writing system: Japanese mixes both. */
	size_t w[SC_COUNT], sum = 0;
	for (int i = 0; i < SC_COUNT; i++) {
		w[i] = script_weight(&c, (enum script)i);
		sum += w[i];
	}
	w[SC_HAN] += w[SC_KANA];
	w[SC_KANA] = 0;
	enum script best = SC_HAN; /* ties go to CJK: brand names are Latin */
	for (int i = 0; i < SC_COUNT; i++)
		if (w[i] > w[best])
			best = (enum script)i;
	int share = (int)(w[best] * 100 / (sum ? sum : 1));
	if (best == SC_LATIN || best == SC_CYRILLIC)
		detect_alphabetic(text, len, &c, best, res);
	else if (best == SC_HAN)
		set_result(res, is_japanese(&c) ? "ja" : "zh", share, c.letters[SC_HAN] + c.letters[SC_KANA] >= 4);
	else if (!script_shared(text, len, &c, best, res))
		set_result(res, scripts[best].lang, share, c.letters[best] >= 4);
}

/* ---- articles ------------------------------------------------------------ */

/* Below this many letters (a Han character counting 2.5) a paragraph is a
 * title, byline or label and takes its language from its neighbours. */
#define TITLE_LETTERS 25

struct para_info {
	enum script group; /* the script holding most of its letters */
	size_t weight;     /* letters in halves: Latin 2, Han/kana/Hangul 5 */
	bool solid;        /* long and reliably detected: may lend its language */
};

static void para_info(const char *text, struct langid_result *r, struct para_info *pi)
{
	struct script_counts c;
	count_scripts(text, strlen(text), &c);
	pi->group = SC_OTHER;
	pi->weight = 0;
	size_t most = 0;
	for (int i = 0; i < SC_COUNT; i++) {
		bool cjk = i == SC_HAN || i == SC_KANA || i == SC_HANGUL;
		size_t wi = c.letters[i] * (cjk ? 5 : 2);
		pi->weight += wi;
		enum script g = i == SC_KANA ? SC_HAN : (enum script)i;
		size_t gw = i == SC_HAN ? wi + c.letters[SC_KANA] * 5 : wi;
		if (gw > most) {
			most = gw;
			pi->group = g;
		}
	}
	pi->solid = r->reliable && pi->weight >= 2 * TITLE_LETTERS;
}

/* The language holding the most (weighted) letters; "und" when none. */
static void majority_lang(const struct article *a, const struct para_info *pi, char out[LANG_CODE_SIZE])
{
	size_t best_w = 0;
	strcpy(out, "und");
	for (size_t i = 0; i < a->npara; i++) {
		if (strcmp(a->paras[i].lang, "und") == 0)
			continue;
		size_t w = 0;
		for (size_t j = 0; j < a->npara; j++)
			if (strcmp(a->paras[j].lang, a->paras[i].lang) == 0)
				w += pi[j].weight;
		if (w > best_w) {
			best_w = w;
			memcpy(out, a->paras[i].lang, LANG_CODE_SIZE);
		}
	}
}

/* The nearest solid paragraph in the same script, the next one first
 * (a title stands before its body); NULL when none. */
static const char *neighbour_lang(const struct article *a, const struct para_info *pi, size_t i)
{
	for (size_t d = 1; d < a->npara; d++) {
		if (i + d < a->npara && pi[i + d].solid && pi[i + d].group == pi[i].group)
			return a->paras[i + d].lang;
		if (d <= i && pi[i - d].solid && pi[i - d].group == pi[i].group)
			return a->paras[i - d].lang;
		if (i + d >= a->npara && d > i)
			break;
	}
	return NULL;
}

void langid_article(struct article *a)
{
	struct para_info *pi = xcalloc(a->npara ? a->npara : 1, sizeof *pi);
	for (size_t i = 0; i < a->npara; i++) {
		struct langid_result r;
		langid_detect(a->paras[i].text, strlen(a->paras[i].text), &r);
		memcpy(a->paras[i].lang, r.code, LANG_CODE_SIZE);
		para_info(a->paras[i].text, &r, &pi[i]);
	}
	for (size_t i = 0; i < a->npara; i++) {
		if (pi[i].solid || pi[i].weight == 0)
			continue;
		const char *lang = neighbour_lang(a, pi, i);
		if (lang)
			memcpy(a->paras[i].lang, lang, LANG_CODE_SIZE);
	}
	majority_lang(a, pi, a->lang);
	free(pi);
}

/* Names of languages in themselves, for menus. */
static const struct {
	const char *code, *name;
} native_names[] = {
	{"af", "Afrikaans"}, {"am", "አማርኛ"}, {"ar", "العربية"}, {"az", "Azərbaycan"},
	{"be", "Беларуская"}, {"bg", "Български"}, {"bn", "বাংলা"}, {"bo", "བོད་ཡིག"},
	{"bs", "Bosanski"}, {"ca", "Català"}, {"cs", "Čeština"}, {"cy", "Cymraeg"},
	{"da", "Dansk"}, {"de", "Deutsch"}, {"el", "Ελληνικά"}, {"en", "English"},
	{"eo", "Esperanto"}, {"es", "Español"}, {"et", "Eesti"}, {"eu", "Euskara"},
	{"fa", "فارسی"}, {"fi", "Suomi"}, {"fil", "Filipino"}, {"fr", "Français"},
	{"ga", "Gaeilge"}, {"gl", "Galego"}, {"gu", "ગુજરાતી"}, {"he", "עברית"},
	{"hi", "हिन्दी"}, {"hr", "Hrvatski"}, {"hu", "Magyar"}, {"hy", "Հայերեն"},
	{"id", "Bahasa Indonesia"}, {"is", "Íslenska"}, {"it", "Italiano"}, {"ja", "日本語"},
	{"ka", "ქართული"}, {"kk", "Қазақ"}, {"km", "ខ្មែរ"}, {"kn", "ಕನ್ನಡ"},
	{"ko", "한국어"}, {"la", "Latina"}, {"lo", "ລາວ"}, {"lt", "Lietuvių"},
	{"lv", "Latviešu"}, {"mk", "Македонски"}, {"ml", "മലയാളം"}, {"mn", "Монгол"},
	{"mr", "मराठी"}, {"ms", "Bahasa Melayu"}, {"my", "မြန်မာ"}, {"nb", "Norsk bokmål"},
	{"ne", "नेपाली"}, {"nl", "Nederlands"}, {"nn", "Norsk nynorsk"}, {"or", "ଓଡ଼ିଆ"},
	{"pa", "ਪੰਜਾਬੀ"}, {"pl", "Polski"}, {"pt", "Português"}, {"ro", "Română"},
	{"ru", "Русский"}, {"si", "සිංහල"}, {"sk", "Slovenčina"}, {"sl", "Slovenščina"},
	{"sq", "Shqip"}, {"sr", "Српски"}, {"sv", "Svenska"}, {"sw", "Kiswahili"},
	{"ta", "தமிழ்"}, {"te", "తెలుగు"}, {"th", "ไทย"}, {"tr", "Türkçe"},
	{"uk", "Українська"}, {"ur", "اردو"}, {"uz", "Oʻzbek"}, {"vi", "Tiếng Việt"},
	{"zh", "中文"},
};

const char *langid_native_name(const char *code)
{
	for (size_t i = 0; i < ARRAY_SIZE(native_names); i++)
		if (strcmp(native_names[i].code, code) == 0)
			return native_names[i].name;
	return code;
}
