/*
 * test_feed_date.c: the date forms feeds use, each to its exact Unix
 * time, and the impossible ones refused.
 */
#include "t.h"
#include "diglot/feed_date.h"

static void date(const char *s, int64_t want)
{
	int64_t got = -1;
	bool okay = feed_date_parse(s, &got);
	if (!okay)
		fprintf(stderr, "not parsed: \"%s\"\n", s);
	CHECK(okay);
	CHECK_INT(got, want);
}

static void bad(const char *s)
{
	int64_t got = 12345;
	bool parsed = feed_date_parse(s, &got);
	if (parsed)
		fprintf(stderr, "parsed: \"%s\" as %lld\n", s, (long long)got);
	CHECK(!parsed);
	CHECK_INT(got, 12345);
}

int main(void)
{
	CHECK_INT(feed_date_utc(1970, 1, 1, 0, 0, 0), 0);
	CHECK_INT(feed_date_utc(2000, 2, 29, 0, 0, 0), 951782400);
	CHECK_INT(feed_date_utc(100, 1, 1, 0, 0, 0), -59011459200);

	/* RFC 822 and its variants. */
	date("Sun, 05 May 2024 17:53:44 +0200", 1714924424);
	date("Thu, 01 Jan 2004 19:48:21 GMT", 1072986501);
	date("Thu, 01 Jan 04 19:48:21 GMT", 1072986501);     /* 2-digit year */
	date("01 Jan 2004 19:48:21 GMT", 1072986501);        /* no day name */
	date("THU, 01 JAN 2004 19:48:21 gmt", 1072986501);   /* any case */
	date("Thu, 01 Jan 2004 19:48 GMT", 1072986480);      /* no seconds */
	date("Thu, 01 Jan 2004", 1072915200);                /* no time */
	date("Thu,  1 Jan 2004 19:48:21 EST", 1073004501);   /* named zone */
	date("Thu, 01 Jan 2004 19:48:21 PDT", 1073011701);
	date("Mon, 26 January 2004 16:31:00 ET", 1075152660);
	date("Wed, 19 Feb 2012 22:40:00 GMT-01:01", 1329694860);
	date("Fri,24 Nov 2023 18:28:36 -0000", 1700850516);
	date("Mon, 13 Feb, 2012 06:28:00 UTC", 1329114480);
	date("Thu, 30 Apr 2015 08:57:00 MEST", 1430377020);
	date("Wed, 19 Aug 2009 18:28:00 Etc/GMT", 1250706480);
	date("Tue, 10 Jun 2003 09:41:01.123 GMT", 1055238061); /* fraction */
	date("June 10, 2003 9:41 PM", 1055281260);             /* words and AM/PM */
	/* asctime and JavaScript's Date.toString. */
	date("Sun Jan  4 16:29:06 2004", 1073233746);
	date("Sun Jul 15 01:16:00 +0000 2012", 1342314960);
	date("Thu Aug 30 2012 17:26:16 +0200", 1346340376);
	/* RFC 3339 / W3C-DTF / ISO 8601. */
	date("2003-12-31T10:14:55Z", 1072865695);
	date("2003-12-31T10:14:55-08:00", 1072894495);
	date("2007-04-23T23:25:47.538+10:00", 1177334747);
	date("2003-12-31", 1072828800);
	date("2003-12", 1070236800);
	date("2003", 1041379200);
	date("20031231", 1072828800);
	date("2004-07-08 23:56:58 -00:20", 1089332218);
	date("2004-07-08 23:56:58", 1089331018);
	date("2024-03-01T12:00", 1709294400);
	date("1990-12-31T23:59:60Z", 662688000); /* a leap second */
	date("2003-335", 1070236800);            /* an ordinal day */
	date("1978/07/03", 268272000);
	date("Fri, 2006/09/15 08:19:53 EDT", 1158322793); /* Perforce */
	/* Greek, Hungarian, Korean. */
	date("Κυρ, 11 Ιούλ 2004 12:00:00 EST", 1089565200);
	date("2004-július-13T9:15-05:00", 1089728100);
	date("2004-05-25 오후 11:23:17", 1085494997);
	date("2004년 05월 28일  01:31:15", 1085675475);

	bad("");
	bad("   ");
	bad("yesterday");
	bad("Sun, 16 Dec 2012 1:2:3:4 GMT");
	bad("Sun, 16 zzz 2012 11:47:32 GMT");
	bad("Sun, 16 Dec 2012 11:47:32 +zz:00");
	bad("Sun, 99 Jun 2009 12:00:00 GMT");
	bad("Sat, 31 Jun 2009 12:00:00 GMT");
	bad("2003-12-31T25:14:55Z");
	bad("2003-12-31T10:61:55Z");
	bad("9999-12-31T23:59:59-99:99");
	bad("2013-01-28T11:30:00-06:00Textra");
	bad("2013-01-27-01");
	bad("2013-xx-27");
	bad("2003-02-29");
	return t_done();
}
