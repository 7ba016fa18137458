/*
 * article_source.c: who published an article, and where (passes 4 and 5
 * of article_parse, and the source lines of passes 1 and 3).
 *
 * The outlet comes from source lines ("Source: X", "来源：URL", "Источник:
 * X"...), bylines ("By NAME, OUTLET", "Von", "Por"...), date lines that end
 * with a name, breadcrumbs glued to the title, dateline tags "(AFP)", a
 * bare name line under the title, and lastly the URL's host (the outlets
 * table at the end).  Who names it is ranked: see PRIO_* in article_int.h.
 */
#include "diglot/common.h"
#include "diglot/article.h"
#include "diglot/sbuf.h"
#include "article_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>

/* ---- sources and URLs -------------------------------------------------- */

void art_set_source(struct found *f, const char *s, size_t n, int prio)
{
	trim(&s, &n);
	while (n && strchr(",;:-|()[]", s[n - 1]))
		n--;
	while (n && strchr(",;:-|()[]", s[0])) {
		s++;
		n--;
	}
	trim(&s, &n);
	if (n == 0 || n > 80 || prio <= f->prio)
		return;
	free(f->source);
	f->source = xstrndup(s, n);
	f->prio = prio;
}

/* The first URL in s: start and length, or NULL. */
const char *art_find_url(const char *s, size_t n, size_t *len)
{
	for (size_t i = 0; i + 4 < n; i++) {
		unsigned char c = (unsigned char)s[i] | 0x20;
		if (c != 'h' && c != 'w')
			continue; /* the cheap reject: this runs on every byte of the text */
		if (has_prefix(s + i, n - i, "http://") || has_prefix(s + i, n - i, "https://") ||
		    (has_prefix(s + i, n - i, "www.") && (i == 0 || s[i - 1] == ' ' || (unsigned char)s[i - 1] > 0x7F))) {
			size_t j = i;
			while (j < n && (unsigned char)s[j] > ' ' && (unsigned char)s[j] < 0x80 &&
			       !strchr("<>\"'", s[j]))
				j++;
			while (j > i && strchr(".,;:)]】", s[j - 1]))
				j--;
			*len = j - i;
			return s + i;
		}
	}
	return NULL;
}

char *art_host_of(const char *url, size_t n)
{
	size_t p = has_prefix(url, n, "https://");
	if (!p)
		p = has_prefix(url, n, "http://");
	size_t e = p;
	while (e < n && !strchr("/:?#", url[e]))
		e++;
	return xstrndup(url + p, e - p);
}

static void set_url(struct found *f, const char *u, size_t n)
{
	if (!f->url)
		f->url = xstrndup(u, n);
}

static const char *const source_prefixes[] = {
	"【来源】", "[来源]", "来源：", "来源:", "来源 ：", "来源 :", "出处：", "原文链接：", "原文链接:",
	"原文：", "source:", "source :", "sources:", "fonte:", "fonte :", "quelle:", "quelle :",
	"fuente:", "fuente :", "origine:", "bron:", "bron :", "источник:", "источник :", "出典：",
	"出典:", "出所：", "fonte：", "source url:", "via ", "— ", "– ",
};

/* Is t a source line?  Records its outlet and URL when it is. */
bool art_source_line(struct found *f, const char *t)
{
	size_t n = strlen(t);
	if (n > 300 || memchr(t, '\n', n))
		return false;
	for (size_t i = 0; i < ARRAY_SIZE(source_prefixes); i++) {
		size_t p = has_prefix(t, n, source_prefixes[i]);
		if (!p)
			continue;
		const char *r = t + p;
		size_t rn = n - p, ul = 0;
		trim(&r, &rn);
		const char *u = art_find_url(r, rn, &ul);
		bool weak = source_prefixes[i][0] == 'v' || (unsigned char)source_prefixes[i][0] == 0xE2;
		if (weak && (u ? false : (count_words(r, rn) > 5 || !is_upper_start(r, rn))))
			return false;
		if (rn == 0)
			return false;
		if (u) {
			set_url(f, u, ul);
			struct sbuf b = SBUF_INIT; /* the name is what surrounds the URL */
			sbuf_add(&b, r, (size_t)(u - r));
			sbuf_add(&b, u + ul, rn - (size_t)(u - r) - ul);
			art_set_source(f, b.s ? b.s : "", b.len, PRIO_LINE);
			sbuf_free(&b);
			if (f->prio < PRIO_HOST) {
				char *h = art_host_of(u, ul);
				char *name = article_source_from_host(h);
				art_set_source(f, name, strlen(name), PRIO_HOST);
				free(name);
				free(h);
			}
		} else {
			art_set_source(f, r, rn, PRIO_LINE);
		}
		return true;
	}
	return false;
}

/* Words that open a byline, per language. */
static const char *const by_words[] = {"by ", "von ", "por ", "par ", "di ", "door ", "от "};

/* Words that make a short line an outlet's name: "Harbor Gazette",
 * "Diario Mirador del Sur", "Der Kieselbote", "WinBuzzer News". */
static const char *const outlet_words[] = {
	"news", "gazette", "times", "post", "herald", "courier", "tribune", "daily", "journal",
	"jornal", "diario", "diário", "gazzetta", "corriere", "giornale", "voce", "stampa",
	"zeitung", "tagblatt", "nachrichten", "rundschau", "courrier", "monde", "presse",
	"nouvelles", "quotidien", "dépêche", "périódico", "periódico", "noticias", "notícias",
	"folha", "correio", "dagblad", "krant", "nieuws", "observer", "chronicle", "telegraph",
	"express", "mirror", "guardian", "weekly", "magazine", "tribuna", "heraldo", "газета",
	"новости", "вести", "известия", "вестник", "правда",
};
/* Ends of compound names: "Kieselbote", "Polderbode", "Abendzeitung". */
static const char *const outlet_suffixes[] = {
	"bote", "blatt", "zeitung", "kurier", "bode", "krant", "courant", "anzeiger", "post",
};
/* Ends of CJK outlet names: 日报, 新報, 新闻, 通讯社, 网. */
static const char *const outlet_cjk_ends[] = {"报", "報", "闻", "聞", "社", "网", "網", "刊"};

static bool outlet_word(const char *w, size_t n)
{
	if (in_list(outlet_words, ARRAY_SIZE(outlet_words), w, n))
		return true;
	for (size_t i = 0; i < ARRAY_SIZE(outlet_suffixes); i++) {
		size_t m = strlen(outlet_suffixes[i]);
		if (n > m + 2 && has_prefix(w + n - m, m, outlet_suffixes[i]) == m)
			return true;
	}
	return false;
}

/* Section names that come before "News" in crumbs: "World News" is a
 * section, "Valley Courier News" an outlet. */
static const char *const section_words[] = {
	"world", "local", "business", "breaking", "latest", "top", "sport", "sports", "tech",
	"science", "politics", "economy", "national", "international", "health", "entertainment",
	"home", "more", "all", "daily", "the", "weekly", "your", "today's", "good",
};

/* True when pred holds for every space-separated word of s[0..n). */
static bool every_word(const char *s, size_t n, bool (*pred)(const char *w, size_t wn))
{
	for (size_t i = 0; i < n;) {
		while (i < n && s[i] == ' ')
			i++;
		size_t j = i;
		while (j < n && s[j] != ' ')
			j++;
		if (j > i && !pred(s + i, j - i))
			return false;
		i = j;
	}
	return true;
}

static bool generic_word(const char *w, size_t wn)
{
	return in_list(section_words, ARRAY_SIZE(section_words), w, wn) ||
	       in_list(outlet_words, ARRAY_SIZE(outlet_words), w, wn);
}

/* Only generic words: "News", "World News", "Noticias", "The Daily". */
static bool generic_name(const char *s, size_t n)
{
	return every_word(s, n, generic_word);
}

static bool not_outlet_word(const char *w, size_t wn)
{
	return !outlet_word(w, wn);
}

/* Does s look like an outlet's name (short, with an outlet word)? */
static bool outlet_like(const char *s, size_t n)
{
	trim(&s, &n);
	if (n == 0 || n > 80 || width_of(s, n) > 40 || count_words(s, n) > 6 || generic_name(s, n))
		return false;
	for (size_t i = 0; i < ARRAY_SIZE(outlet_cjk_ends); i++) {
		size_t m = strlen(outlet_cjk_ends[i]);
		if (n > m && memcmp(s + n - m, outlet_cjk_ends[i], m) == 0 &&
		    script_is_cjk_text(last_cp(s, n - m)))
			return true;
	}
	return !every_word(s, n, not_outlet_word);
}

/* The length of a byline's opening word ("By ", "Von "...), or 0. */
static size_t byline_start(const char *t, size_t n)
{
	if (n > 120 || memchr(t, '\n', n) || count_words(t, n) > 8 || is_sentence_end(last_cp(t, n)))
		return 0;
	for (size_t i = 0; i < ARRAY_SIZE(by_words); i++) {
		size_t p = has_prefix(t, n, by_words[i]);
		if (p && is_upper_start(t + p, n - p))
			return p;
	}
	return 0;
}

/* "By NAME, OUTLET" (and Von, Por, Par, di, Door): the outlet, when the
 * part after the comma is not a job title; the name, for the bio check.
 * The line itself stays (as PARA_META). */
bool art_byline(struct found *f, struct item *it)
{
	const char *t = it->text;
	size_t n = strlen(t), p = byline_start(t, n);
	if (!p)
		return false;
	it->kind = PARA_META;
	const char *c = NULL;
	for (const char *q = t; (q = strstr(q, ", ")) != NULL; q += 2)
		c = q;
	if (!f->author) {
		const char *e = strstr(t + p, ", ");
		f->author = xstrndup(t + p, e ? (size_t)(e - t) - p : n - p);
	}
	if (!c)
		return true;
	const char *o = c + 2;
	size_t on = n - (size_t)(o - t);
	static const char *const jobs[] = {"writer", "reporter", "editor", "correspondent",
	                                   "contributor", "staff", "and", "journalist", "redakteur",
	                                   "rédact", "redactor", "redattore", "correspond"};
	char *lo = xstrndup(o, on);
	for (char *q = lo; *q; q++)
		*q = (char)lower((unsigned char)*q);
	bool job = false;
	for (size_t i = 0; i < ARRAY_SIZE(jobs); i++)
		job = job || strstr(lo, jobs[i]) != NULL;
	free(lo);
	if (job)
		return true;
	if (is_upper_start(o, on) && count_words(o, on) <= 5)
		art_set_source(f, o, on, PRIO_BYLINE);
	return true;
}

static const char *const outlet_tags[] = {
	"AFP", "Reuters", "AP", "Bloomberg", "Xinhua", "dpa", "ANSA", "EFE", "Kyodo", "Yonhap",
	"TASS", "UPI", "PA", "CNN", "BBC", "Belga", "APA", "SDA", "Europa Press", "Agencia EFE",
};

bool art_is_outlet_tag(const char *s, size_t n)
{
	for (size_t i = 0; i < ARRAY_SIZE(outlet_tags); i++)
		if (strlen(outlet_tags[i]) == n && memcmp(s, outlet_tags[i], n) == 0)
			return true;
	return false;
}

/* Is this line metadata or clutter (see cut_block)?  Source lines,
 * bylines, short date lines, share/comment/counter lines, list headings. */
bool art_meta_line(const char *s, size_t n)
{
	if (n > 300)
		return false;
	for (size_t i = 0; i < ARRAY_SIZE(source_prefixes); i++) {
		unsigned char c0 = (unsigned char)source_prefixes[i][0];
		if (c0 != 'v' && c0 != 0xE2 && has_prefix(s, n, source_prefixes[i]))
			return true;
	}
	size_t e;
	return byline_start(s, n) || art_clutter_span(s, n, 0) || art_is_related_heading(s, n) ||
	       (width_of(s, n) <= 60 && art_find_date(s, n, false, &e) != 0);
}

/* "2025年7月11日 18:40　港町新報": a date line that ends with the outlet. */
void art_dateline_outlet(struct found *f, const char *t)
{
	size_t n = strlen(t), e;
	if (n > 160 || memchr(t, '\n', n) || !art_find_date(t, n, false, &e))
		return;
	const char *r = t + e;
	size_t rn = n - e;
	art_skip_time(&r, &rn);
	trim(&r, &rn);
	if (rn && is_upper_start(r, rn) && !is_sentence_end(last_cp(r, rn)) && outlet_like(r, rn))
		art_set_source(f, r, rn, PRIO_BYLINE);
}

/* ---- pass 5: breadcrumbs and doubled titles ---------------------------- */

static const char *const homes[] = {
	"home page", "homepage", "home", "accueil", "首页", "主页", "inicio", "início", "startseite",
	"ホーム", "главная", "voorpagina",
};

static size_t home_prefix(const char *s, size_t n)
{
	for (size_t i = 0; i < ARRAY_SIZE(homes); i++) {
		size_t p = has_prefix(s, n, homes[i]);
		if (p)
			return p;
	}
	return 0;
}

/* The length of a crumb separator at s, or 0. */
static size_t crumb_sep(const char *s, size_t n)
{
	if (n && strchr(">/|", s[0]))
		return 1;
	size_t p = has_prefix(s, n, "»");
	return p ? p : has_prefix(s, n, "›");
}

/*
 * One crumb, maybe several glued ("Valley Courier NewsScience", "Der
 * KieselboteWissenschaft"): split into words at spaces and where a
 * lowercase letter meets a capital; the outlet runs from the start to the
 * last outlet word of the first run that has one ("Valley Courier News"),
 * and a trailing "News" is dropped ("Valley Courier").  Returns whether an
 * outlet was found.
 */
static bool crumb_name(struct found *f, const char *s, size_t n)
{
	trim(&s, &n);
	size_t end = 0, words = 0, k = 1;
	bool prev_lower = false, in_word = false, word_outlet_seen = false;
	size_t ws = 0;
	for (size_t i = 0; i <= n && words <= 6; i += k) {
		uint32_t c = ' ';
		k = 1;
		if (i < n)
			c = cp_at(s + i, n - i, &k);
		bool boundary = c == ' ' || (prev_lower && uc_is_upper(c));
		if (boundary && in_word) {
			words++;
			if (outlet_word(s + ws, i - ws)) {
				end = i;
				word_outlet_seen = true;
			} else if (word_outlet_seen) {
				break;
			}
			in_word = false;
		}
		if (c != ' ' && !in_word) {
			in_word = true;
			ws = i;
		}
		prev_lower = uc_is_lower(c);
	}
	if (!end || generic_name(s, end))
		return false;
	n = end;
	if (n > 6 && has_prefix(s + n - 5, 5, " news"))
		n -= 5;
	if (n >= 2)
		art_set_source(f, s, n, PRIO_CRUMB);
	return true;
}

/* A breadcrumb ("HomeWinBuzzer News", "首页 > 国际 > 正文"): the first crumb
 * that looks like an outlet names it; sections ("Economía", "Sport") do not. */
static void crumb_outlet(struct found *f, const char *s, size_t n)
{
	size_t p = home_prefix(s, n);
	s += p;
	n -= p;
	while (n) {
		size_t e = 0;
		while (e < n && !crumb_sep(s + e, n - e))
			e++;
		if (crumb_name(f, s, e))
			return;
		if (e == n)
			break;
		e += crumb_sep(s + e, n - e);
		s += e;
		n -= e;
	}
}

/* "首页 > 国际 > 正文凯斯湾大桥通车首周：..." alone (no clean title line after):
 * the title is the last crumb, without a glued "正文". */
static bool crumb_title(struct plist *pl, struct found *f)
{
	const char *a = pl->v[0].text;
	size_t n = strlen(a), p = home_prefix(a, n), k;
	if (!p || n > 600 || memchr(a, '\n', n))
		return false;
	while (p < n && is_space_cp(cp_at(a + p, n - p, &k)))
		p += k;
	if (!crumb_sep(a + p, n - p))
		return false;
	size_t last = p;
	for (size_t i = p; i < n; i++)
		if ((k = crumb_sep(a + i, n - i)) != 0)
			last = i + k;
	const char *t = a + last;
	size_t tn = n - last;
	trim(&t, &tn);
	static const char *const glued[] = {"正文：", "正文:", "正文", "article :", "article:"};
	for (size_t i = 0; i < ARRAY_SIZE(glued); i++) {
		size_t g = has_prefix(t, tn, glued[i]);
		if (g) {
			t += g;
			tn -= g;
			break;
		}
	}
	trim(&t, &tn);
	if (width_of(t, tn) < 8)
		return false;
	crumb_outlet(f, a, (size_t)(t - a));
	pl_set(&pl->v[0], t, tn);
	return true;
}

/* "Kestrel Bay inaugure ... Photo Le Courrier du Soir": a photo credit. */
static bool photo_credit(const char *r, size_t n)
{
	static const char *const w[] = {"photo", "foto", "crédit", "credit", "©", "bild:", "图", "фото"};
	for (size_t i = 0; i < ARRAY_SIZE(w); i++)
		if (has_prefix(r, n, w[i]))
			return n <= 80;
	return false;
}

void art_strip_head(struct plist *pl, struct found *f)
{
	if (pl->n < 2)
		return;
	const char *a = pl->v[0].text, *b = pl->v[1].text;
	size_t an = strlen(a), bn = strlen(b);
	if (an <= 300 && !strchr(a, '\n') && !strchr(b, '\n')) {
		size_t cut = an;
		if (cut >= 3 && memcmp(a + cut - 3, "...", 3) == 0)
			cut -= 3;
		else if (cut >= 3 && memcmp(a + cut - 3, "…", 3) == 0)
			cut -= 3;
		bool trunc = cut < an;
		for (size_t pos = 0; pos + 15 <= cut; pos++) {
			if (((unsigned char)a[pos] & 0xC0) == 0x80)
				continue;
			size_t m = cut - pos;
			if (m < 15 || m > bn || memcmp(a + pos, b, m) != 0)
				continue;
			if (pos == 0 && !trunc)
				break; /* the title repeated, maybe tagged: handled below */
			crumb_outlet(f, a, pos);
			pl_del(pl, 0);
			return;
		}
	}
	if (crumb_title(pl, f)) {
		a = pl->v[0].text;
		an = strlen(a);
	}
	/* "Title" then "Title AFP" (or the same line twice, or with a photo credit). */
	if (an <= 300 && bn >= an && memcmp(a, b, an) == 0 && !strchr(a, '\n')) {
		const char *r = b + an;
		size_t rn = bn - an;
		trim(&r, &rn);
		if (rn && b[an] == ' ' && photo_credit(r, rn)) {
			pl_del(pl, 1);
		} else if (rn == 0 || (rn <= 40 && count_words(r, rn) <= 3 && !is_sentence_end(last_cp(r, rn)) &&
		                       (b[an] == ' ' || b[an] == '(' || b[an] == '-'))) {
			if (rn)
				art_set_source(f, r, rn, PRIO_TAG);
			else
				f->title_twice = true;
			pl_del(pl, 1);
		}
	}
}

/* ---- the dateline and a bare name under the title --------------------- */

void art_find_dateline_tag(struct found *f, const struct plist *pl)
{
	for (size_t i = 0; i < pl->n && i < 4; i++) {
		if (pl->v[i].kind != PARA_BODY)
			continue;
		const char *t = pl->v[i].text;
		size_t n = MIN(strlen(t), 120);
		for (size_t j = 0; j < ARRAY_SIZE(outlet_tags); j++) {
			char pat[32];
			snprintf(pat, sizeof pat, "(%s)", outlet_tags[j]);
			const char *p = strstr(t, pat);
			if (p && (size_t)(p - t) < n) {
				art_set_source(f, outlet_tags[j], strlen(outlet_tags[j]), PRIO_TAG);
				return;
			}
		}
		return; /* only the first body paragraph carries a dateline */
	}
}

/* "Diario Mirador del Sur", "Le Courrier du Soir", "滨江日报": every word
 * capitalised but short particles ("Daily life on the island" is no name). */
static bool name_word(const char *w, size_t wn)
{
	return wn <= 3 || is_upper_start(w, wn);
}

static bool name_case(const char *s, size_t n)
{
	return every_word(s, n, name_word);
}

/* "Diario Mirador del Sur" alone on a line just under the title. */
void art_bare_outlet(struct plist *pl, struct found *f)
{
	for (size_t i = 1; i < pl->n && i < 4; i++) {
		const char *t = pl->v[i].text;
		size_t n = strlen(t);
		if (pl->v[i].kind != PARA_BODY || memchr(t, '\n', n) || strpbrk(t, "0123456789:,") ||
		    is_sentence_end(last_cp(t, n)) || !is_upper_start(t, n) || !name_case(t, n) ||
		    !outlet_like(t, n))
			continue;
		art_set_source(f, t, n, PRIO_BARE);
		pl_del(pl, i);
		return;
	}
}

/* ---- outlets by host --------------------------------------------------- */

static const struct {
	const char *host, *name;
} outlets[] = {
	{"barrons.com", "Barron's"}, {"nytimes.com", "The New York Times"}, {"bbc.co.uk", "BBC"},
	{"bbc.com", "BBC"}, {"reuters.com", "Reuters"}, {"lemonde.fr", "Le Monde"},
	{"xinhuanet.com", "Xinhua"}, {"news.cn", "Xinhua"}, {"winbuzzer.com", "WinBuzzer"},
	{"wsj.com", "The Wall Street Journal"}, {"ft.com", "Financial Times"},
	{"theguardian.com", "The Guardian"}, {"washingtonpost.com", "The Washington Post"},
	{"bloomberg.com", "Bloomberg"}, {"cnn.com", "CNN"}, {"apnews.com", "AP"}, {"afp.com", "AFP"},
	{"lefigaro.fr", "Le Figaro"}, {"liberation.fr", "Libération"}, {"lesechos.fr", "Les Echos"},
	{"france24.com", "France 24"}, {"spiegel.de", "Der Spiegel"}, {"zeit.de", "Die Zeit"},
	{"faz.net", "Frankfurter Allgemeine"}, {"sueddeutsche.de", "Süddeutsche Zeitung"},
	{"heise.de", "heise online"}, {"handelsblatt.com", "Handelsblatt"}, {"dw.com", "DW"},
	{"elpais.com", "El País"}, {"elmundo.es", "El Mundo"}, {"corriere.it", "Corriere della Sera"},
	{"repubblica.it", "la Repubblica"}, {"ilsole24ore.com", "Il Sole 24 Ore"},
	{"economist.com", "The Economist"}, {"techcrunch.com", "TechCrunch"},
	{"theverge.com", "The Verge"}, {"wired.com", "Wired"}, {"arstechnica.com", "Ars Technica"},
	{"cnbc.com", "CNBC"}, {"forbes.com", "Forbes"}, {"businessinsider.com", "Business Insider"},
	{"venturebeat.com", "VentureBeat"}, {"zdnet.com", "ZDNET"}, {"engadget.com", "Engadget"},
	{"axios.com", "Axios"}, {"politico.eu", "Politico Europe"}, {"politico.com", "Politico"},
	{"npr.org", "NPR"}, {"latimes.com", "Los Angeles Times"}, {"aljazeera.com", "Al Jazeera"},
	{"euronews.com", "Euronews"}, {"independent.co.uk", "The Independent"},
	{"telegraph.co.uk", "The Telegraph"}, {"scmp.com", "South China Morning Post"},
	{"chinadaily.com.cn", "China Daily"}, {"people.com.cn", "People's Daily"},
	{"caixin.com", "Caixin"}, {"36kr.com", "36Kr"}, {"sina.com.cn", "Sina"},
	{"ithome.com", "IT之家"}, {"nikkei.com", "Nikkei"}, {"nhk.or.jp", "NHK"},
	{"asahi.com", "The Asahi Shimbun"}, {"yonhapnews.co.kr", "Yonhap"}, {"afr.com", "AFR"},
};

char *article_source_from_host(const char *host)
{
	size_t n = 0;
	if (has_prefix(host, strlen(host), "https://"))
		host += 8;
	else if (has_prefix(host, strlen(host), "http://"))
		host += 7;
	while (host[n] && !strchr("/:?#", host[n]))
		n++;
	char *h = xstrndup(host, n);
	for (char *p = h; *p; p++)
		*p = (char)lower((unsigned char)*p);
	const char *s = h;
	if (strncmp(s, "www.", 4) == 0)
		s += 4;
	size_t sn = strlen(s);
	for (size_t i = 0; i < ARRAY_SIZE(outlets); i++) {
		size_t on = strlen(outlets[i].host);
		if (sn >= on && strcmp(s + sn - on, outlets[i].host) == 0 &&
		    (sn == on || s[sn - on - 1] == '.')) {
			free(h);
			return xstrdup(outlets[i].name);
		}
	}
	char *r = xstrdup(s);
	free(h);
	return r;
}
