/*
 * evidence_num.c: the evidence of numbers (read with the paragraph
 * language's decimal mark, then their scale word and unit, so that every
 * language's writing of one amount gives one key), days, and the names
 * of CJK text (evidence.h).
 */
#include "evidence_int.h"

#include <stdio.h>

/* ---- numbers ------------------------------------------------------------ */

struct word_value {
	const char *w;
	double v;
};

/* Scale words, whole words, case-insensitive; longest first where one is a
 * prefix of another. */
static const struct word_value scales[] = {
	{"thousand", 1e3}, {"tausend", 1e3}, {"mille", 1e3}, {"mila", 1e3},
	{"millions", 1e6}, {"million", 1e6}, {"millionen", 1e6}, {"millones", 1e6}, {"millón", 1e6},
	{"milioni", 1e6}, {"milione", 1e6}, {"mln", 1e6}, {"mio.", 1e6}, {"mio", 1e6},
	{"billions", 1e9}, {"billion", 1e9}, {"bn", 1e9}, {"milliards", 1e9}, {"milliard", 1e9},
	{"milliarden", 1e9}, {"milliarde", 1e9}, {"miliardi", 1e9}, {"miliardo", 1e9},
	{"mil millones", 1e9}, {"mrd.", 1e9}, {"mrd", 1e9}, {"trillion", 1e12}, {"mil", 1e3},
	{"百万", 1e6}, {"千万", 1e7}, {"万亿", 1e12}, {"万", 1e4}, {"亿", 1e8}, {"億", 1e8},
	{"千", 1e3}, {"兆", 1e12},
};

struct word_unit {
	const char *w;
	const char *unit; /* as the key writes it */
};

/* Units after the number (and its scale). */
static const struct word_unit units[] = {
	{"%", "%"}, {"％", "%"}, {"per cent", "%"}, {"percent", "%"}, {"pour cent", "%"},
	{"per cento", "%"}, {"prozent", "%"}, {"por ciento", "%"}, {"por cento", "%"},
	{"dollars", "$"}, {"dollar", "$"}, {"dollari", "$"}, {"dollaro", "$"}, {"dólares", "$"},
	{"usd", "$"}, {"美元", "$"}, {"ドル", "$"}, {"$", "$"},
	{"euros", "€"}, {"euro", "€"}, {"eur", "€"}, {"€", "€"}, {"欧元", "€"}, {"ユーロ", "€"},
	{"pounds", "£"}, {"sterling", "£"}, {"£", "£"}, {"英镑", "£"},
	{"yen", "¥"}, {"円", "¥"}, {"日元", "¥"}, {"yuan", "CN¥"}, {"元", "CN¥"}, {"人民币", "CN¥"},
};

/* s[0..n) starts with w, case-insensitive (ASCII), as a whole word. */
static size_t word_at(const char *s, size_t n, const char *w)
{
	size_t m = has_prefix(s, n, w);
	if (!m)
		return 0;
	bool ascii_end = (unsigned char)w[strlen(w) - 1] < 0x80 &&
	                 (((unsigned char)w[strlen(w) - 1] | 0x20) >= 'a' &&
	                  ((unsigned char)w[strlen(w) - 1] | 0x20) <= 'z');
	if (ascii_end && m < n) {
		size_t k;
		if (is_word_cp(cp_at(s + m, n - m, &k)))
			return 0;
	}
	return m;
}

static size_t skip_blank(const char *s, size_t n, size_t i)
{
	size_t k;
	while (i < n && is_space_cp(cp_at(s + i, n - i, &k)))
		i += k;
	return i;
}

/* "de ", "d'", "di " between an amount and its unit. */
static size_t skip_of(const char *s, size_t n, size_t i)
{
	static const char *const of[] = {"de ", "d'", "d\u2019", "di "};
	for (size_t t = 0; t < 4; t++) {
		size_t m = word_at(s + i, n - i, of[t]);
		if (m)
			return skip_blank(s, n, i + m);
	}
	return i;
}

/* A thousands separator in this convention (',' or '.', and spaces). */
static size_t group_sep(const char *s, size_t n, size_t j, bool comma_dec, bool *is_thousands)
{
	size_t k;
	ucs4_t c = cp_at(s + j, n - j, &k);
	if (c == ',' || c == '.') {
		*is_thousands = comma_dec ? c == '.' : c == ',';
		return 1;
	}
	if (c == ' ' || c == 0xA0 || c == 0x202F || c == '\'') {
		*is_thousands = true;
		return c == ' ' && !comma_dec ? 0 : k;
	}
	return 0;
}

/*
 * The number at s[i]: digits with separators (1,5 / 1.5 / 2 000 / 2.000),
 * then its scale and unit.  A separator before exactly three digits groups
 * thousands when the language groups with it, else it is the decimal mark.
 */
size_t ev_scan_number(struct scan *sc, const char *s, size_t n, size_t i, const char *prefix_unit)
{
	double v = 0, frac = 0, fscale = 1;
	size_t j = i;
	bool decimal = false;
	size_t ndig = 0;
	while (j < n && is_digit(s[j])) {
		v = v * 10 + (s[j++] - '0');
		ndig++;
	}
	for (;;) {
		bool thou = false;
		size_t sl = j < n ? group_sep(s, n, j, sc->comma_dec, &thou) : 0;
		if (!sl || j + sl >= n || !is_digit(s[j + sl]))
			break;
		size_t g = j + sl, e = g;
		while (e < n && is_digit(s[e]))
			e++;
		if (thou && e - g == 3 && !decimal) {
			for (size_t t = g; t < e; t++)
				v = v * 10 + (s[t] - '0');
			j = e;
			continue;
		}
		if (decimal || (s[j] != ',' && s[j] != '.'))
			break;
		for (size_t t = g; t < e; t++) {
			fscale /= 10;
			frac += (s[t] - '0') * fscale;
		}
		decimal = true;
		j = e;
	}
	v += frac;
	sc->after_number = true;
	if (sc->collect)
		return j;
	size_t after = j;
	size_t m = skip_blank(s, n, j);
	double scale = 1;
	for (size_t t = 0; t < ARRAY_SIZE(scales); t++) {
		size_t w = word_at(s + m, n - m, scales[t].w);
		if (w) {
			scale = scales[t].v;
			if (sc->de && scale == 1e9 && strcmp(scales[t].w, "billion") == 0)
				scale = 1e12;
			m += w;
			break;
		}
	}
	if (scale == 1 && m == j && j < n && (s[j] == 'm' || s[j] == 'k' || s[j] == 'b') &&
	    prefix_unit && (j + 1 >= n || !is_word_cp((unsigned char)s[j + 1]))) {
		scale = s[j] == 'k' ? 1e3 : s[j] == 'm' ? 1e6 : 1e9; /* $2m, €15k */
		m = j + 1;
	}
	if (scale != 1)
		after = m;
	const char *unit = prefix_unit;
	size_t u = skip_of(s, n, skip_blank(s, n, scale != 1 ? m : j));
	for (size_t t = 0; !unit && t < ARRAY_SIZE(units); t++) {
		size_t w = word_at(s + u, n - u, units[t].w);
		if (w) {
			unit = units[t].unit;
			after = u + w;
		}
	}
	v *= scale;
	char buf[48];
	if (!unit && scale == 1 && !decimal) {
		if (ndig == 4 && v >= 1900 && v <= 2100) {
			snprintf(buf, sizeof buf, "%d", (int)v);
			ev_add_key(sc->ev, EV_YEAR, buf, strlen(buf));
			return after;
		}
		if (v < 100 || (j < n && s[j] == ':'))
			return after;
	}
	int len = snprintf(buf, sizeof buf, "%.6g%s", v, unit ? unit : "");
	ev_add_key(sc->ev, EV_NUM, buf, (size_t)len);
	return after;
}

/* A currency sign just before a number: "$2", "€ 15", "US$". */
const char *ev_prefix_unit(const char *s, size_t n, size_t i, size_t *len)
{
	static const struct word_unit signs[] = {{"US$", "$"}, {"$", "$"}, {"€", "€"}, {"£", "£"},
	                                         {"¥", "¥"}, {"￥", "¥"}};
	for (size_t t = 0; t < ARRAY_SIZE(signs); t++) {
		size_t m = has_prefix(s + i, n - i, signs[t].w);
		if (m) {
			size_t j = i + m;
			if (j < n && s[j] == ' ')
				j++;
			if (j < n && is_digit(s[j])) {
				*len = j - i;
				return signs[t].unit;
			}
		}
	}
	*len = 0;
	return NULL;
}

/* ---- CJK names ------------------------------------------------------------ */

/* Characters of Chinese transliterations of foreign names (马斯克, 特斯拉,
 * 亚马逊): a run of three or more of them is taken as a name. */
static const char translit[] =
	"阿埃艾安奥澳巴拜班邦保鲍贝本比彼毕波伯博布查达戴丹道德迪蒂丁杜多俄厄恩法菲费芬丰"
	"弗福盖甘冈戈格古哈海汉豪赫亨胡华霍基吉加贾杰金卡凯坎康柯科克肯库拉莱赖兰朗劳勒"
	"雷里理利莉林琳隆卢鲁伦罗洛马玛迈麦曼梅门蒙米明莫姆穆纳娜内尼妮诺努帕派潘佩皮珀"
	"普齐奇乔切萨塞森沙莎尚舍什施史斯松苏索塔泰坦汤特滕图托瓦万威维温沃乌伍西希谢"
	"休雅亚扬伊因尤约泽扎詹逊";

static bool is_translit(const char *s, size_t k)
{
	for (size_t i = 0; i + k <= sizeof translit - 1; i += 3)
		if (memcmp(translit + i, s, k) == 0)
			return true;
	return false;
}

/* A run of CJK text: transliterated names (zh) and katakana names (ja). */
size_t ev_scan_cjk(struct scan *sc, const char *s, size_t n, size_t i)
{
	size_t j = i, k, tr = i, ka = i;
	size_t ntr = 0, nka = 0;
	for (;;) {
		ucs4_t c = j < n ? cp_at(s + j, n - j, &k) : 0;
		bool cjk = j < n && is_cjk_cp(c);
		bool t = cjk && script_of(c) == SCRIPT_HAN && is_translit(s + j, k);
		bool kat = cjk && (script_of(c) == SCRIPT_KATAKANA || c == 0x30FC);
		if (!t) {
			if (ntr >= 3 && !sc->collect)
				ev_add_key(sc->ev, EV_NAME, s + tr, j - tr);
			ntr = 0;
			tr = j + (cjk ? k : 0);
		} else {
			ntr++;
		}
		if (!kat) {
			if (nka >= 3 && !sc->collect)
				ev_add_key(sc->ev, EV_NAME, s + ka, j - ka);
			nka = 0;
			ka = j + (cjk ? k : 0);
		} else {
			nka++;
		}
		if (!cjk)
			break;
		j += k;
	}
	return j;
}

/* d:YYYY-MM-DD of a midnight in Unix seconds (Howard Hinnant's civil_from_days). */
void ev_add_day(struct evidence *ev, int64_t t)
{
	int64_t z = t / 86400 + 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	int d = (int)(doy - (153 * mp + 2) / 5 + 1);
	int m = (int)(mp < 10 ? mp + 3 : mp - 9);
	int y = (int)(yoe + era * 400 + (m <= 2));
	char buf[32];
	int len = snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
	ev_add_key(ev, EV_DATE, buf, (size_t)len);
}
