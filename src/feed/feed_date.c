/*
 * feed_date.c: feed dates into Unix seconds (feed_date.h).
 *
 * Two readers, the first that accepts wins:
 *  - iso: a string that starts with a digit or '-' read as ISO 8601 /
 *    W3C-DTF / RFC 3339 (YYYY[-MM[-DD]], YYYYMMDD, YYYY-DDD, YY-MM-DD,
 *    YYMMDD, -YYMM, -YY-MM, YYDDD, Y/M/D, a month name for MM), then an
 *    optional time after 'T' or spaces and a zone; nothing may follow;
 *  - words: everything else as tokens in any order RFC 822's many
 *    writers put them (day names skipped, month names, a number before or
 *    after the month as the day, 4 digits or the second number as the
 *    year, h:m[:s], +hhmm / -hh:mm / zone names, AM/PM, Korean units).
 * Both validate the fields: an impossible date is no date.
 */
#include "diglot/common.h"
#include "diglot/feed_date.h"

#include <ctype.h>
#include <string.h>

int64_t feed_date_utc(int year, int month, int day, int hour, int min, int sec)
{
	/* Howard Hinnant's days_from_civil: exact for every Gregorian year. */
	int64_t y = (int64_t)year - (month <= 2);
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t mp = (month + 9) % 12;
	int64_t doy = (153 * mp + 2) / 5 + day - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	int64_t days = era * 146097 + doe - 719468;
	return days * 86400 + (int64_t)hour * 3600 + (int64_t)min * 60 + sec;
}

static bool leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
	static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return m == 2 && leap(y) ? 29 : d[m - 1];
}

struct when {
	int year, month, day, hour, min, sec;
	int off;       /* seconds east of UTC */
	bool has_year, has_month, has_day, has_time, has_zone;
	int meridiem;  /* 0 none, 1 AM, 2 PM */
	bool korean;   /* Korean markers: default zone KST */
};

static bool finish(struct when *w, int64_t *out)
{
	if (!w->has_year || !w->has_month || w->month < 1 || w->month > 12)
		return false;
	if (!w->has_day)
		w->day = 1;
	if (w->day < 1 || w->day > month_days(w->year, w->month))
		return false;
	if (w->meridiem) {
		if (w->hour < 1 || w->hour > 12)
			return false;
		w->hour = w->hour % 12 + (w->meridiem == 2 ? 12 : 0);
	}
	if (w->hour > 24 || w->min > 59 || w->sec > 60 || (w->hour == 24 && (w->min || w->sec)))
		return false;
	if (!w->has_zone && w->korean)
		w->off = 9 * 3600;
	*out = feed_date_utc(w->year, w->month, w->day, w->hour, w->min, w->sec) - w->off;
	return true;
}

/* ---- names ------------------------------------------------------------- */

struct name { const char *s; int v; };

/* Months: English (full names match by their first three letters),
 * Greek abbreviations, Hungarian, and a few European languages. */
static const struct name months[] = {
	{"jan", 1}, {"feb", 2}, {"mar", 3}, {"apr", 4}, {"may", 5}, {"jun", 6},
	{"jul", 7}, {"aug", 8}, {"sep", 9}, {"oct", 10}, {"nov", 11}, {"dec", 12},
	{"Ιαν", 1}, {"Φεβ", 2}, {"Μάώ", 3}, {"Μαρ", 3}, {"Μάρ", 3}, {"Απρ", 4}, {"Μάι", 5},
	{"Μαΐ", 5}, {"Μαϊ", 5}, {"Ιούν", 6}, {"Ιον", 6}, {"Ιούλ", 7}, {"Ιολ", 7}, {"Αύγ", 8},
	{"Αυγ", 8}, {"Σεπ", 9}, {"Οκτ", 10}, {"Νοέ", 11}, {"Νοε", 11}, {"Δεκ", 12},
	{"január", 1}, {"február", 2}, {"március", 3}, {"április", 4}, {"május", 5},
	{"június", 6}, {"július", 7}, {"augusztus", 8}, {"szeptember", 9},
	{"október", 10}, {"november", 11}, {"december", 12},
	{"mär", 3}, {"mai", 5}, {"okt", 10}, {"dez", 12}, {"janv", 1}, {"févr", 2},
	{"avr", 4}, {"juin", 6}, {"juil", 7}, {"août", 8}, {"déc", 12},
};

static const char *const daynames[] = {
	"mon", "tue", "wed", "thu", "fri", "sat", "sun",
	"Κυρ", "Δευ", "Τρι", "Τετ", "Πεμ", "Παρ", "Σαβ",
};

/* Zones in minutes east of UTC; the American one-letter-less pairs
 * (ET, CT...) as feedparser reads them. */
static const struct name zones[] = {
	{"ut", 0}, {"utc", 0}, {"gmt", 0}, {"z", 0}, {"etc/gmt", 0}, {"etc/utc", 0},
	{"est", -300}, {"edt", -240}, {"cst", -360}, {"cdt", -300}, {"mst", -420},
	{"mdt", -360}, {"pst", -480}, {"pdt", -420}, {"at", -240}, {"et", -300},
	{"ct", -360}, {"mt", -420}, {"pt", -480}, {"ast", -240}, {"adt", -180},
	{"akst", -540}, {"akdt", -480}, {"hst", -600}, {"nst", -210}, {"ndt", -150},
	{"wet", 0}, {"west", 60}, {"bst", 60}, {"cet", 60}, {"cest", 120}, {"met", 60},
	{"mest", 120}, {"mez", 60}, {"mesz", 120}, {"eet", 120}, {"eest", 180},
	{"msk", 180}, {"ist", 330}, {"sgt", 480}, {"hkt", 480}, {"jst", 540},
	{"kst", 540}, {"aest", 600}, {"aedt", 660}, {"acst", 570}, {"awst", 480},
	{"nzst", 720}, {"nzdt", 780},
};

/* Lower-case ASCII copy of [s, s+n) into buf (bytes above 0x7f kept). */
static void lower(char *buf, size_t cap, const char *s, size_t n)
{
	if (n >= cap)
		n = cap - 1;
	for (size_t i = 0; i < n; i++)
		buf[i] = (char)tolower((unsigned char)s[i]);
	buf[n] = '\0';
}

static int month_of(const char *s, size_t n)
{
	char w[32];
	lower(w, sizeof w, s, n);
	for (size_t i = 0; i < ARRAY_SIZE(months); i++)
		if (strcmp(w, months[i].s) == 0)
			return months[i].v;
	/* English full names and "Sept.": the first three letters decide. */
	if (n > 3 && strlen(w) == n) {
		static const char *const full[] = {"january", "february", "march", "april", "may",
			"june", "july", "august", "september", "october", "november", "december"};
		for (int m = 0; m < 12; m++)
			if (strcmp(w, full[m]) == 0 || (m == 8 && strcmp(w, "sept") == 0))
				return m + 1;
	}
	return 0;
}

static bool is_dayname(const char *s, size_t n)
{
	char w[32];
	lower(w, sizeof w, s, n);
	static const char *const full[] = {"monday", "tuesday", "wednesday", "thursday", "friday",
		"saturday", "sunday"};
	for (size_t i = 0; i < ARRAY_SIZE(daynames); i++)
		if (strcmp(w, daynames[i]) == 0)
			return true;
	for (size_t i = 0; i < ARRAY_SIZE(full); i++)
		if (strcmp(w, full[i]) == 0)
			return true;
	return false;
}

static bool zone_of(const char *s, size_t n, int *off)
{
	char w[32];
	lower(w, sizeof w, s, n);
	for (size_t i = 0; i < ARRAY_SIZE(zones); i++)
		if (strcmp(w, zones[i].s) == 0) {
			*off = zones[i].v * 60;
			return true;
		}
	return false;
}

/* ---- small scanners ------------------------------------------------------ */

static size_t digits(const char *s, size_t max)
{
	size_t n = 0;
	while (n < max && isdigit((unsigned char)s[n]))
		n++;
	return n;
}

static int num(const char *s, size_t n)
{
	int v = 0;
	for (size_t i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

static int two_digit_year(int y)
{
	return y < 50 ? 2000 + y : 1900 + y; /* RFC 2822's rule */
}

/* A numeric offset at *p: +hh, +hhmm, +hh:mm (sign already seen). */
static bool offset_at(const char **pp, int *off)
{
	const char *p = *pp;
	int sign = *p == '-' ? -1 : 1;
	p++;
	size_t n = digits(p, 5);
	int h, m = 0;
	if (n == 4) {
		h = num(p, 2);
		m = num(p + 2, 2);
		p += 4;
	} else if (n == 1 || n == 2) {
		h = num(p, n);
		p += n;
		if (*p == ':') {
			if (digits(p + 1, 3) != 2)
				return false;
			m = num(p + 1, 2);
			p += 3;
		}
	} else
		return false;
	if (h > 14 || m > 59)
		return false;
	*off = sign * (h * 3600 + m * 60);
	*pp = p;
	return true;
}

/* h:m[:s[.frac]] at *pp; false unless it is one. */
static bool time_at(const char **pp, struct when *w)
{
	const char *p = *pp;
	size_t n = digits(p, 3);
	if (n < 1 || n > 2 || p[n] != ':')
		return false;
	w->hour = num(p, n);
	p += n + 1;
	n = digits(p, 3);
	if (n != 2 && n != 1)
		return false;
	w->min = num(p, n);
	p += n;
	w->sec = 0;
	if (*p == ':') {
		n = digits(p + 1, 3);
		if (n != 2 && n != 1)
			return false;
		w->sec = num(p + 1, n);
		p += n + 1;
		if (*p == ':')
			return false; /* 1:2:3:4 */
		if ((*p == '.' || *p == ',') && isdigit((unsigned char)p[1])) {
			p++;
			while (isdigit((unsigned char)*p))
				p++;
		}
	}
	w->has_time = true;
	*pp = p;
	return true;
}

static const char *skip_space(const char *p)
{
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
	return p;
}

/* Bytes of a word: ASCII letters, '/', and anything non-ASCII. */
static size_t word_len(const char *p)
{
	size_t n = 0;
	while (isalpha((unsigned char)p[n]) || (unsigned char)p[n] >= 0x80 || (n && p[n] == '/'))
		n++;
	return n;
}

static bool word_is(const char *p, size_t n, const char *w)
{
	return strlen(w) == n && memcmp(p, w, n) == 0;
}

/* A zone after a time or date: Z, a name, GMT+hh:mm, or an offset. */
static bool zone_at(const char **pp, struct when *w)
{
	const char *p = skip_space(*pp);
	if (*p == '+' || *p == '-') {
		if (!offset_at(&p, &w->off))
			return false;
		w->has_zone = true;
		*pp = p;
		return true;
	}
	size_t n = word_len(p);
	int off;
	if (n && zone_of(p, n, &off)) {
		p += n;
		w->off = off;
		if ((*p == '+' || *p == '-') && isdigit((unsigned char)p[1]) &&
		    !offset_at(&p, &w->off))
			return false;
		w->has_zone = true;
		*pp = p;
		return true;
	}
	return false;
}

/* ---- ISO 8601 / W3C-DTF ---------------------------------------------------- */

/* The date part; *pp past it. */
static bool iso_date(const char **pp, struct when *w)
{
	const char *p = *pp;
	size_t n;
	if (*p == '-') { /* -YYMM, -YY-MM: year and month of a 2-digit year */
		p++;
		n = digits(p, 5);
		if (n == 4) {
			w->year = two_digit_year(num(p, 2));
			w->month = num(p + 2, 2);
			p += 4;
		} else if (n == 2 && p[2] == '-' && digits(p + 3, 3) == 2) {
			w->year = two_digit_year(num(p, 2));
			w->month = num(p + 3, 2);
			p += 5;
		} else
			return false;
		w->has_year = w->has_month = true;
		*pp = p;
		return true;
	}
	n = digits(p, 9);
	char sep = p[n];
	if (n == 8) { /* YYYYMMDD */
		w->year = num(p, 4), w->month = num(p + 4, 2), w->day = num(p + 6, 2);
		w->has_year = w->has_month = w->has_day = true;
		*pp = p + 8;
		return true;
	}
	if (n == 6 && sep != '-') { /* YYMMDD */
		w->year = two_digit_year(num(p, 2)), w->month = num(p + 2, 2), w->day = num(p + 4, 2);
		w->has_year = w->has_month = w->has_day = true;
		*pp = p + 6;
		return true;
	}
	if (n == 5 && sep != '-') { /* YYDDD: an ordinal day */
		w->year = two_digit_year(num(p, 2));
		int doy = num(p + 2, 3);
		if (doy < 1 || doy > (leap(w->year) ? 366 : 365))
			return false;
		w->month = 1;
		while (doy > month_days(w->year, w->month))
			doy -= month_days(w->year, w->month++);
		w->day = doy;
		w->has_year = w->has_month = w->has_day = true;
		*pp = p + 5;
		return true;
	}
	if (n == 4)
		w->year = num(p, 4);
	else if (n == 2 && (sep == '-' || sep == '/'))
		w->year = two_digit_year(num(p, 2));
	else
		return false;
	w->has_year = true;
	p += n;
	if (*p != '-' && *p != '/') {
		w->month = 1; /* a year alone: its first day */
		w->has_month = true;
		*pp = p;
		return true;
	}
	char dash = *p++;
	n = digits(p, 4);
	size_t wl;
	if (n == 3 && dash == '-' && p[3] != '-') { /* YYYY-DDD */
		int doy = num(p, 3);
		if (doy < 1 || doy > (leap(w->year) ? 366 : 365))
			return false;
		w->month = 1;
		while (doy > month_days(w->year, w->month))
			doy -= month_days(w->year, w->month++);
		w->day = doy;
		w->has_month = w->has_day = true;
		*pp = p + 3;
		return true;
	}
	if (n >= 1 && n <= 3) { /* MM; 1 digit and "012" as the broken forms give it */
		w->month = num(p, n);
		p += n;
	} else if (n == 0 && (wl = word_len(p)) > 0 && month_of(p, wl)) {
		w->month = month_of(p, wl);
		p += wl;
	} else
		return false;
	w->has_month = true;
	if (*p == dash) {
		n = digits(p + 1, 3);
		if (n != 1 && n != 2)
			return false;
		w->day = num(p + 1, n);
		w->has_day = true;
		p += n + 1;
	}
	*pp = p;
	return true;
}

static bool parse_iso(const char *s, int64_t *out)
{
	struct when w = {0};
	const char *p = s;
	if (!iso_date(&p, &w))
		return false;
	if (*p == 'T' || *p == 't' || *p == ' ') {
		const char *q = *p == ' ' ? skip_space(p) : p + 1;
		size_t wl = word_len(q);
		if (word_is(q, wl, "오전") || word_is(q, wl, "오후")) {
			w.meridiem = word_is(q, wl, "오후") ? 2 : 1;
			w.korean = true;
			q = skip_space(q + wl);
		}
		if (time_at(&q, &w))
			p = q;
		else if (*p != ' ')
			return false;
	}
	if (w.has_time)
		zone_at(&p, &w);
	p = skip_space(p);
	if (*p)
		return false; /* trailing words: not this form */
	return finish(&w, out);
}

/* ---- RFC 822 and its relatives, as tokens ---------------------------------- */

static bool parse_words(const char *s, int64_t *out)
{
	struct when w = {0};
	int nums_after_month = 0;
	const char *p = s;
	for (;;) {
		while (*p == ' ' || *p == ',' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '.')
			p++;
		if (!*p)
			break;
		if (isdigit((unsigned char)*p)) {
			if (time_at(&p, &w))
				continue;
			size_t n = digits(p, 6);
			if (p[n] == '/' && n == 4) { /* Perforce's Y/M/D */
				const char *q = p;
				if (!iso_date(&q, &w))
					return false;
				p = q;
				continue;
			}
			int v = num(p, n);
			const char *q = p + n;
			size_t wl = word_len(q);
			p = q;
			if (word_is(q, wl, "년") || word_is(q, wl, "월") || word_is(q, wl, "일")) {
				w.korean = true;
				p = q + wl;
				if (word_is(q, wl, "년"))
					w.year = v, w.has_year = true;
				else if (word_is(q, wl, "월"))
					w.month = v, w.has_month = true;
				else
					w.day = v, w.has_day = true;
				continue;
			}
			if (n == 4 && !w.has_year) {
				w.year = v;
				w.has_year = true;
			} else if (n <= 2 && !w.has_day && (!w.has_month || nums_after_month == 0) &&
			           !(w.has_year && !w.has_month)) {
				w.day = v;
				w.has_day = true;
			} else if (n <= 2 && !w.has_year && w.has_day) {
				w.year = two_digit_year(v);
				w.has_year = true;
			} else
				return false;
			if (w.has_month)
				nums_after_month++;
			continue;
		}
		if ((*p == '+' || *p == '-') && w.has_time && !w.has_zone) {
			if (!offset_at(&p, &w.off))
				return false;
			w.has_zone = true;
			continue;
		}
		size_t n = word_len(p);
		if (!n)
			return false;
		int m, off;
		if (!w.has_month && (m = month_of(p, n))) {
			w.month = m;
			w.has_month = true;
			p += n;
		} else if (is_dayname(p, n)) {
			p += n;
		} else if (word_is(p, n, "오전") || word_is(p, n, "오후")) {
			w.meridiem = word_is(p, n, "오후") ? 2 : 1;
			w.korean = true;
			p += n;
		} else if (n == 2 && (p[1] == 'm' || p[1] == 'M') &&
		           strchr("aApP", p[0]) && w.has_time) {
			w.meridiem = (p[0] == 'p' || p[0] == 'P') ? 2 : 1;
			p += n;
		} else if (!w.has_zone && w.has_time && zone_of(p, n, &off)) {
			if (!zone_at(&p, &w))
				return false;
		} else if ((n == 2 && (p[0] | 0x20) == 'a' && (p[1] | 0x20) == 't') ||
		           (n == 1 && (p[0] | 0x20) == 't')) {
			p += n; /* "June 5, 2004 at 10:00", "... T 10:00" */
		} else
			return false;
	}
	if (!w.has_time && w.has_zone)
		return false;
	return finish(&w, out);
}

bool feed_date_parse(const char *s, int64_t *out)
{
	if (!s)
		return false;
	s = skip_space(s);
	if (!*s || strlen(s) > 128)
		return false;
	int64_t t;
	if ((isdigit((unsigned char)*s) || *s == '-') && parse_iso(s, &t)) {
		*out = t;
		return true;
	}
	if (parse_words(s, &t)) {
		*out = t;
		return true;
	}
	return false;
}
