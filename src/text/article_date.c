/*
 * article_date.c: dates in article text, in many languages and scripts
 * (pass 7 of article_parse, and the date lines of passes 1 and 4).
 *
 * Recognised: all-digit dates (2025-07-10, 12.05.2025, 07/02/2025 day or
 * month first, see numeric_date); "5 mars 2024", "5. März 2024", "5 de
 * marzo de 2024", "March 5th, 2024", "5 июля 2025"; 2024年3月5日.  Month
 * names are English, French, German, Spanish, Italian, Dutch, Portuguese
 * and Russian.  A date is midnight UTC of that day, in Unix seconds.
 */
#include "diglot/common.h"
#include "article_int.h"

#include <stdio.h>
#include <string.h>

static int64_t days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static const struct {
	const char *name;
	int month;
} months[] = {
	{"january", 1}, {"february", 2}, {"march", 3}, {"april", 4}, {"may", 5}, {"june", 6},
	{"july", 7}, {"august", 8}, {"september", 9}, {"october", 10}, {"november", 11},
	{"december", 12}, {"jan", 1}, {"feb", 2}, {"mar", 3}, {"apr", 4}, {"jun", 6}, {"jul", 7},
	{"aug", 8}, {"sept", 9}, {"sep", 9}, {"oct", 10}, {"nov", 11}, {"dec", 12},
	{"janvier", 1}, {"février", 2}, {"mars", 3}, {"avril", 4}, {"mai", 5}, {"juin", 6},
	{"juillet", 7}, {"août", 8}, {"septembre", 9}, {"octobre", 10}, {"novembre", 11},
	{"décembre", 12}, {"januar", 1}, {"februar", 2}, {"märz", 3}, {"juni", 6}, {"juli", 7},
	{"oktober", 10}, {"dezember", 12}, {"enero", 1}, {"febrero", 2}, {"marzo", 3},
	{"abril", 4}, {"mayo", 5}, {"junio", 6}, {"julio", 7}, {"agosto", 8}, {"septiembre", 9},
	{"octubre", 10}, {"noviembre", 11}, {"diciembre", 12}, {"gennaio", 1}, {"febbraio", 2},
	{"aprile", 4}, {"maggio", 5}, {"giugno", 6}, {"luglio", 7}, {"settembre", 9},
	{"ottobre", 10}, {"dicembre", 12},
	/* Dutch */
	{"januari", 1}, {"februari", 2}, {"maart", 3}, {"mrt", 3}, {"mei", 5}, {"augustus", 8},
	/* Portuguese */
	{"janeiro", 1}, {"fevereiro", 2}, {"março", 3}, {"maio", 5}, {"junho", 6}, {"julho", 7},
	{"setembro", 9}, {"outubro", 10}, {"novembro", 11}, {"dezembro", 12},
	/* Russian, genitive (as after a day number) and nominative */
	{"января", 1}, {"февраля", 2}, {"марта", 3}, {"апреля", 4}, {"мая", 5}, {"июня", 6},
	{"июля", 7}, {"августа", 8}, {"сентября", 9}, {"октября", 10}, {"ноября", 11},
	{"декабря", 12}, {"январь", 1}, {"февраль", 2}, {"март", 3}, {"апрель", 4}, {"май", 5},
	{"июнь", 6}, {"июль", 7}, {"август", 8}, {"сентябрь", 9}, {"октябрь", 10},
	{"ноябрь", 11}, {"декабрь", 12},
};

static bool is_alpha_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

/* A month name at s (whole word, optional '.'): its number and length. */
static int month_at(const char *s, size_t n, size_t *len)
{
	int best = 0;
	size_t bl = 0, k;
	/* The first letters must match before the full, case-folding compare:
	 * this runs at every word of every article. */
	uint32_t c0 = cp_at(s, n, &k);
	if (c0 >= 0x80)
		c0 = uc_tolower(c0);
	else
		c0 = (uint32_t)lower((int)c0);
	for (size_t i = 0; i < ARRAY_SIZE(months); i++) {
		const char *m = months[i].name;
		/* by the first byte where it decides (an ASCII letter on either
		 * side): no name is measured or decoded at every word */
		unsigned char b = (unsigned char)m[0];
		if (c0 < 0x80 ? b != c0 : b < 0x80 || cp_at(m, strnlen(m, 4), &k) != c0)
			continue;
		size_t p = has_prefix(s, n, m);
		if (p > bl && (p == n || !is_alpha_byte((unsigned char)s[p]))) {
			best = months[i].month;
			bl = p;
		}
	}
	if (best && bl < n && s[bl] == '.')
		bl++;
	*len = bl;
	return best;
}

static size_t read_num(const char *s, size_t n, int *v, size_t maxd)
{
	size_t i = 0;
	*v = 0;
	while (i < n && i < maxd + 1 && s[i] >= '0' && s[i] <= '9')
		*v = *v * 10 + (s[i++] - '0');
	return i > maxd ? 0 : i;
}

static size_t skip_sp(const char *s, size_t n, size_t i)
{
	while (i < n && (s[i] == ' ' || s[i] == ','))
		i++;
	return i;
}

static bool valid_date(int y, int m, int d)
{
	return y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/*
 * All-digit dates at s[i]: 2025-07-10, 2025/7/10, 2025.07.10 (year first);
 * 12.05.2025 (day first, as everywhere that writes dots); a/b/yyyy and
 * a-b-yyyy: day first when a > 12, month first when b > 12, and when both
 * could be a month, month first only if the text reads as English (mdy),
 * day first otherwise (es, pt, fr, it, de, nl... write 02/07/2025 for
 * 2 July).  The date must not run on into more digits.
 */
static bool numeric_date(const char *s, size_t n, size_t i, bool mdy, int *y, int *m, int *d,
                         size_t *end)
{
	int a, b, c;
	size_t k1 = read_num(s + i, n - i, &a, 4), j = i + k1;
	if (k1 == 0 || j + 1 >= n || !strchr("-/.", s[j]))
		return false;
	char sep = s[j];
	size_t k2 = read_num(s + j + 1, n - j - 1, &b, 2);
	j += 1 + k2;
	if (k2 == 0 || j + 1 >= n || s[j] != sep)
		return false;
	size_t k3 = read_num(s + j + 1, n - j - 1, &c, 4);
	j += 1 + k3;
	if (k3 == 0 || (j < n && s[j] >= '0' && s[j] <= '9'))
		return false;
	if (k1 == 4 && k3 <= 2) {
		*y = a, *m = b, *d = c;
	} else if (k1 <= 2 && k3 == 4) {
		*y = c;
		bool month_first = sep != '.' && (b > 12 || (a <= 12 && mdy));
		*m = month_first ? a : b;
		*d = month_first ? b : a;
	} else {
		return false;
	}
	*end = j;
	return valid_date(*y, *m, *d);
}

/* The first date in s[0..n): Unix seconds (midnight UTC), and *endp the
 * offset just past it; 0 when none. */
/* Does a number follow the word at i ("March 5", "Sept. 5")?  Only then
 * can it be a month-first date, and the month table need not be tried. */
static bool digit_after_word(const char *s, size_t n, size_t i)
{
	while (i < n && is_alpha_byte((unsigned char)s[i]))
		i++;
	if (i < n && s[i] == '.')
		i++;
	i = skip_sp(s, n, i);
	return i < n && s[i] >= '0' && s[i] <= '9';
}

int64_t art_date_at(const char *s, size_t n, size_t i, bool mdy, size_t *endp)
{
	{
		bool start = i == 0 || !is_alpha_byte((unsigned char)s[i - 1]);
		bool dstart = i == 0 || !(s[i - 1] >= '0' && s[i - 1] <= '9');
		int y, m, d;
		size_t k, j;
		if (dstart && s[i] >= '0' && s[i] <= '9') {
			k = read_num(s + i, n - i, &y, 4);
			j = i + k;
			if (numeric_date(s, n, i, mdy, &y, &m, &d, &j)) {
				*endp = j;
				return days_from_civil(y, m, d) * 86400;
			}
			if (k == 4 && has_prefix(s + j, n - j, "年")) { /* 2024年3月5日 */
				j += 3;
				size_t a = read_num(s + j, n - j, &m, 2);
				if (a && has_prefix(s + j + a, n - j - a, "月")) {
					j += a + 3;
					size_t b = read_num(s + j, n - j, &d, 2);
					if (b && has_prefix(s + j + b, n - j - b, "日") && valid_date(y, m, d)) {
						*endp = j + b + 3;
						return days_from_civil(y, m, d) * 86400;
					}
				}
			}
			if (k >= 1 && k <= 2) { /* 5 mars 2024, 5. März 2024, 5 de marzo de 2024 */
				d = y;
				j = i + k;
				if (j < n && s[j] == '.')
					j++;
				size_t sfx = has_prefix(s + j, n - j, "er");
				if (!sfx)
					sfx = has_prefix(s + j, n - j, "th");
				if (!sfx)
					sfx = has_prefix(s + j, n - j, "st");
				if (!sfx)
					sfx = has_prefix(s + j, n - j, "nd");
				if (!sfx)
					sfx = has_prefix(s + j, n - j, "rd");
				j = skip_sp(s, n, j + sfx);
				j += has_prefix(s + j, n - j, "de ");
				size_t ml;
				m = j < n ? month_at(s + j, n - j, &ml) : 0;
				if (m) {
					j = skip_sp(s, n, j + ml);
					j += has_prefix(s + j, n - j, "de ");
					if (read_num(s + j, n - j, &y, 4) == 4 && valid_date(y, m, d)) {
						*endp = j + 4;
						return days_from_civil(y, m, d) * 86400;
					}
				}
			}
		}
		if (start && is_alpha_byte((unsigned char)s[i]) && digit_after_word(s, n, i)) {
			/* March 5, 2024 */
			size_t ml;
			m = month_at(s + i, n - i, &ml);
			if (m) {
				j = skip_sp(s, n, i + ml);
				k = read_num(s + j, n - j, &d, 2);
				if (k) {
					j += k;
					j += has_prefix(s + j, n - j, "st") + has_prefix(s + j, n - j, "nd") +
					     has_prefix(s + j, n - j, "rd") + has_prefix(s + j, n - j, "th");
					j = skip_sp(s, n, j);
					if (read_num(s + j, n - j, &y, 4) == 4 && valid_date(y, m, d)) {
						*endp = j + 4;
						return days_from_civil(y, m, d) * 86400;
					}
				}
			}
		}
	}
	return 0;
}

int64_t art_find_date(const char *s, size_t n, bool mdy, size_t *endp)
{
	for (size_t i = 0; i < n; i++) {
		int64_t t = art_date_at(s, n, i, mdy, endp);
		if (t)
			return t;
	}
	return 0;
}

int64_t article_line_date(const char *s, size_t n)
{
	size_t e;
	return art_find_date(s, n, art_looks_english(s, n), &e);
}

/* After the date on a date line: "08:15　滨江日报" -> "滨江日报",
 * ", 14:30 Uhr" -> "", " - 07h45" -> "". */
void art_skip_time(const char **s, size_t *n)
{
	const char *t = *s;
	size_t m = *n, i = 0, k;
	for (int round = 0; round < 2; round++) {
		while (i < m && (strchr(" ,-|/·", t[i]) || is_space_cp(cp_at(t + i, m - i, &k)))) {
			cp_at(t + i, m - i, &k);
			i += strchr(" ,-|/", t[i]) ? 1 : k;
		}
		if (round)
			break;
		int v;
		size_t a = read_num(t + i, m - i, &v, 2);
		if (a && i + a < m && (t[i + a] == ':' || t[i + a] == 'h')) {
			size_t b = read_num(t + i + a + 1, m - i - a - 1, &v, 2);
			if (b == 2) {
				i += a + 1 + b;
				i += has_prefix(t + i, m - i, " uhr");
				i += has_prefix(t + i, m - i, " h");
			}
		}
	}
	*s = t + i;
	*n = m - i;
}
