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
 * 亚马逊): a run of three or more of them is taken as a name.  In code
 * point order, for a binary search: a scan of the list for each Han
 * character was two fifths of the key extraction. */
static const uint16_t translit[] = {
	0x4E01, 0x4E07, 0x4E30, 0x4E39, 0x4E4C, 0x4E54, 0x4E9A, 0x4EA8, /* 丁万丰丹乌乔亚亨 */
	0x4EC0, 0x4F0A, 0x4F0D, 0x4F11, 0x4F26, 0x4F2F, 0x4F69, 0x4FC4, /* 什伊伍休伦伯佩俄 */
	0x4FDD, 0x514B, 0x5170, 0x5185, 0x5188, 0x51EF, 0x5207, 0x5229, /* 保克兰内冈凯切利 */
	0x52A0, 0x52AA, 0x52B3, 0x52D2, 0x534E, 0x535A, 0x5361, 0x5362, /* 加努劳勒华博卡卢 */
	0x5384, 0x53E4, 0x53F2, 0x5409, 0x54C8, 0x56E0, 0x56FE, 0x574E, /* 厄古史吉哈因图坎 */
	0x5766, 0x57C3, 0x57FA, 0x5854, 0x585E, 0x591A, 0x5947, 0x5965, /* 坦埃基塔塞多奇奥 */
	0x59AE, 0x59C6, 0x5A01, 0x5A1C, 0x5B89, 0x5C1A, 0x5C24, 0x5C3C, /* 妮姆威娜安尚尤尼 */
	0x5DF4, 0x5E03, 0x5E0C, 0x5E15, 0x5E93, 0x5EB7, 0x5F17, 0x5F7C, /* 巴布希帕库康弗彼 */
	0x5FB7, 0x6069, 0x6208, 0x6234, 0x624E, 0x6258, 0x626C, 0x62C9, /* 德恩戈戴扎托扬拉 */
	0x62DC, 0x65AF, 0x65BD, 0x660E, 0x666E, 0x66FC, 0x6717, 0x672C, /* 拜斯施明普曼朗本 */
	0x675C, 0x6770, 0x677E, 0x6797, 0x67E5, 0x67EF, 0x683C, 0x6885, /* 杜杰松林查柯格梅 */
	0x68EE, 0x6BD4, 0x6BD5, 0x6C49, 0x6C64, 0x6C83, 0x6C99, 0x6CD5, /* 森比毕汉汤沃沙法 */
	0x6CE2, 0x6CF0, 0x6CFD, 0x6D1B, 0x6D3E, 0x6D77, 0x6E29, 0x6ED5, /* 波泰泽洛派海温滕 */
	0x6F58, 0x6FB3, 0x7279, 0x739B, 0x73C0, 0x73ED, 0x7406, 0x7433, /* 潘澳特玛珀班理琳 */
	0x74E6, 0x7518, 0x76AE, 0x76D6, 0x798F, 0x79D1, 0x7A46, 0x7C73, /* 瓦甘皮盖福科穆米 */
	0x7D22, 0x7EA6, 0x7EB3, 0x7EF4, 0x7F57, 0x80AF, 0x80E1, 0x820D, /* 索约纳维罗肯胡舍 */
	0x827E, 0x82AC, 0x82CF, 0x8389, 0x838E, 0x83AB, 0x83B1, 0x83F2, /* 艾芬苏莉莎莫莱菲 */
	0x8428, 0x8482, 0x8499, 0x897F, 0x8A79, 0x8BFA, 0x8C22, 0x8C6A, /* 萨蒂蒙西詹诺谢豪 */
	0x8D1D, 0x8D39, 0x8D3E, 0x8D56, 0x8D6B, 0x8FBE, 0x8FC8, 0x8FEA, /* 贝费贾赖赫达迈迪 */
	0x900A, 0x9053, 0x90A6, 0x91CC, 0x91D1, 0x95E8, 0x963F, 0x9686, /* 逊道邦里金门阿隆 */
	0x96C5, 0x96F7, 0x970D, 0x9A6C, 0x9C81, 0x9C8D, 0x9EA6, 0x9F50, /* 雅雷霍马鲁鲍麦齐 */
};

static int cmp_u16(const void *a, const void *b)
{
	return (int)*(const uint16_t *)a - (int)*(const uint16_t *)b;
}

static bool is_translit(ucs4_t c)
{
	uint16_t u = (uint16_t)c;
	return c <= 0xFFFF && bsearch(&u, translit, ARRAY_SIZE(translit), sizeof *translit, cmp_u16);
}

/* A run of CJK text: transliterated names (zh) and katakana names (ja). */
size_t ev_scan_cjk(struct scan *sc, const char *s, size_t n, size_t i)
{
	size_t j = i, k, tr = i, ka = i;
	size_t ntr = 0, nka = 0;
	for (;;) {
		ucs4_t c = j < n ? cp_at(s + j, n - j, &k) : 0;
		bool cjk = j < n && is_cjk_cp(c);
		bool t = cjk && script_of(c) == SCRIPT_HAN && is_translit(c);
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
