/*
 * feed_date.h: the dates feeds carry, into Unix seconds UTC.  RFC 822 and
 * its variants (named zones, numeric offsets, missing seconds or day name,
 * 2-digit years, any case, commas anywhere), asctime, RFC 3339 / W3C-DTF
 * and ISO 8601 (partial dates, ordinal days, 2-digit years), Perforce's
 * Y/M/D, and the Greek, Hungarian and Korean forms feedparser knows.
 * A date without a zone is taken as UTC (Korean forms: KST).
 */
#ifndef DIGLOT_FEED_DATE_H
#define DIGLOT_FEED_DATE_H

#include "diglot/common.h"

/* Parse s; true and *out on success, false (and *out untouched) when s is
 * not a date or names an impossible one (31 June, 25:00, offset 99:99). */
bool feed_date_parse(const char *s, int64_t *out);

/* Seconds since 1970 of a proleptic Gregorian UTC date (any year). */
int64_t feed_date_utc(int year, int month, int day, int hour, int min, int sec);

#endif
