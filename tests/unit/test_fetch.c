/*
 * test_fetch.c: the fetcher against tests/net/server.py on 127.0.0.1
 * (tests/net/fetch.sh starts it and passes its port), every case's exact
 * result; and the pure pieces (headers, classification) on tables.
 */
#include "diglot/fetch.h"
#include "fetch_int.h"
#include "t.h"

#include <curl/curl.h>
#include <pthread.h>
#include <time.h>
#include <unistd.h>

static char base[64];

/* A copy of one result, kept after the callback. */
struct rec {
	bool seen;
	enum fetch_error error;
	char *message, *body, *content_type, *charset, *etag, *last_modified, *final_url;
	size_t body_len;
	long status, retry_after;
	int redirects;
	bool permanent;
};

struct run {
	struct rec *recs;
	size_t progress_calls, last_done, last_total;
	struct fetcher *cancel_after_first; /* cancel from the callback */
};

static void on_done(void *ctx, const struct fetch_result *r)
{
	struct run *run = ctx;
	struct rec *c = &run->recs[r->index];
	c->seen = true;
	c->error = r->error;
	c->message = xstrdup(r->message);
	c->body = xstrndup(r->body, r->body_len);
	c->body_len = r->body_len;
	c->content_type = xstrdup(r->content_type);
	c->charset = xstrdup(r->charset);
	c->etag = xstrdup(r->etag);
	c->last_modified = xstrdup(r->last_modified);
	c->final_url = xstrdup(r->final_url);
	c->status = r->status;
	c->retry_after = r->retry_after;
	c->redirects = r->redirects;
	c->permanent = r->permanent;
}

static void on_progress(void *ctx, size_t done, size_t total)
{
	struct run *run = ctx;
	run->progress_calls++;
	run->last_done = done;
	run->last_total = total;
	if (run->cancel_after_first)
		fetch_cancel(run->cancel_after_first);
}

static void free_recs(struct rec *r, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(r[i].message);
		free(r[i].body);
		free(r[i].content_type);
		free(r[i].charset);
		free(r[i].etag);
		free(r[i].last_modified);
		free(r[i].final_url);
	}
	free(r);
}

static char *u(const char *path)
{
	return xasprintf("%s%s", base, path);
}

static char *read_fixture(const char *name, size_t *len)
{
	char *path = xasprintf("%s/tests/net/fixtures/%s", TEST_SRCDIR, name);
	FILE *f = fopen(path, "rb");
	free(path);
	if (!f)
		return NULL;
	char *buf = xmalloc(1 << 20);
	*len = fread(buf, 1, (1 << 20) - 1, f);
	buf[*len] = '\0';
	fclose(f);
	return buf;
}

/* A low-speed window of 3 s, or 12 s under valgrind (fetch.sh says
 * "slow"): there an ordinary answer among 27 at once took over 3 s to
 * arrive on a loaded CI machine, and read as a stalled server. The
 * ordinary answers come with wide windows (wide_settings), the stalling
 * server's cases alone with this one. */
static struct fetch_settings test_settings = {
	.jobs = 8, .per_host = 8, .connect_timeout_ms = 4000, .timeout_ms = 8000,
	.low_speed_limit = 100, .low_speed_time = 3, .max_body = (size_t)1 << 20, .user_agent = NULL,
};

/* The stalling server's cases, sized to outlast the window. */
static const char *slow_path = "/slow/4000/harbour.xml", *trickle_path = "/trickle/60";
static const char *slow_why = "too slow: under 100 bytes/s for 3 s";

static void use_slow_windows(void)
{
	test_settings.connect_timeout_ms = 15000;
	test_settings.timeout_ms = 40000;
	test_settings.low_speed_time = 12;
	slow_path = "/slow/16000/harbour.xml";
	trickle_path = "/trickle/100"; /* 20 s of it */
	slow_why = "too slow: under 100 bytes/s for 12 s";
}

static struct fetch_settings wide_settings(void)
{
	struct fetch_settings s = test_settings;
	s.connect_timeout_ms = 30000;
	s.timeout_ms = 60000;
	s.low_speed_time = 30;
	return s;
}

#define CHECK_MSG(rec, path, why) do { \
	char *m_ = xasprintf("%s%s: %s", base, path, why); \
	CHECK_STR((rec).message, m_); \
	free(m_); \
} while (0)

enum {
	C_FEED, C_GZIP, C_301, C_302, C_308_301, C_301_302, C_LOOP, C_404, C_410, C_429, C_503,
	C_500, C_TRUNC, C_BIG, C_BIGCHUNKED, C_HTML, C_LATIN1, C_UA, C_ECHO,
	C_FTP, C_TO_FILE, C_REFUSED, C_TLS, C_LASTMOD, C_MISSING, NCASES
};

static void test_batch(void)
{
	const char *paths[NCASES] = {
		[C_FEED] = "/f/harbour.xml", [C_GZIP] = "/gzip/harbour.xml",
		[C_301] = "/redirect/301/f/harbour.xml", [C_302] = "/redirect/302/f/harbour.xml",
		[C_308_301] = "/redirect/308/redirect/301/f/harbour.xml",
		[C_301_302] = "/redirect/301/redirect/302/f/harbour.xml", [C_LOOP] = "/loop/0",
		[C_404] = "/status/404", [C_410] = "/status/410", [C_429] = "/status/429",
		[C_503] = "/retrydate/503", [C_500] = "/status/500",
		[C_TRUNC] = "/truncated/harbour.xml", [C_BIG] = "/big/2097152",
		[C_BIGCHUNKED] = "/bigchunked/2097152", [C_HTML] = "/plain/site.html",
		[C_LATIN1] = "/latin1/latin1.xml", [C_UA] = "/ua", [C_ECHO] = "/echo",
		[C_TO_FILE] = "/to?url=file:///etc/passwd", [C_LASTMOD] = "/lastmod/harbour.xml",
		[C_MISSING] = "/f/no-such.xml",
	};
	struct fetch_request reqs[NCASES];
	char *urls[NCASES];
	for (int i = 0; i < NCASES; i++)
		urls[i] = paths[i] ? u(paths[i]) : NULL;
	urls[C_FTP] = xstrdup("ftp://127.0.0.1/feed.xml");
	urls[C_REFUSED] = xstrdup("http://127.0.0.1:1/feed.xml");
	urls[C_TLS] = xasprintf("https://127.0.0.1:%s/f/harbour.xml", strrchr(base, ':') + 1);
	for (int i = 0; i < NCASES; i++)
		reqs[i] = (struct fetch_request){urls[i], NULL, NULL, NULL};
	reqs[C_ECHO].etag = "\"abc\"";
	reqs[C_ECHO].last_modified = "Tue, 31 Dec 2024 10:00:00 GMT";

	struct fetch_settings batch_settings = wide_settings();
	struct fetcher *f = NULL;
	char *cause = NULL;
	CHECK_INT(fetch_new(&f, &batch_settings, &cause), DG_OK);
	struct run run = {.recs = xcalloc(NCASES, sizeof(struct rec))};
	CHECK_INT(fetch_run(f, reqs, NCASES, on_done, on_progress, &run, &cause), DG_OK);
	for (int i = 0; i < NCASES; i++)
		if (!run.recs[i].seen)
			fprintf(stderr, "case %d: no result\n", i);
	CHECK_INT(run.progress_calls, NCASES);
	CHECK_INT(run.last_done, NCASES);
	CHECK_INT(run.last_total, NCASES);
	struct rec *r = run.recs;

	size_t flen = 0;
	char *fixture = read_fixture("harbour.xml", &flen);
	CHECK(fixture != NULL);

	CHECK_INT(r[C_FEED].error, FETCH_OK);
	CHECK_INT(r[C_FEED].status, 200);
	CHECK_STR(r[C_FEED].message, "");
	CHECK_INT(r[C_FEED].body_len, flen);
	CHECK(fixture && strcmp(r[C_FEED].body, fixture) == 0);
	CHECK_STR(r[C_FEED].content_type, "application/rss+xml");
	CHECK_STR(r[C_FEED].charset, "");
	CHECK_INT(strlen(r[C_FEED].etag), 18);
	CHECK_STR(r[C_FEED].last_modified, "Wed, 01 Jan 2025 00:00:00 GMT");
	CHECK_INT(r[C_FEED].redirects, 0);
	CHECK(!r[C_FEED].permanent);
	CHECK_STR(r[C_FEED].final_url, urls[C_FEED]);

	CHECK_INT(r[C_GZIP].status, 200);
	CHECK(fixture && strcmp(r[C_GZIP].body, fixture) == 0);

	char *target = u("/f/harbour.xml");
	CHECK_INT(r[C_301].status, 200);
	CHECK_INT(r[C_301].redirects, 1);
	CHECK(r[C_301].permanent);
	CHECK_STR(r[C_301].final_url, target);
	CHECK_INT(r[C_301].body_len, flen);
	CHECK_STR(r[C_301].etag, r[C_FEED].etag); /* the last response's headers */
	CHECK_INT(r[C_302].redirects, 1);
	CHECK(!r[C_302].permanent);
	CHECK_STR(r[C_302].final_url, target);
	CHECK_INT(r[C_308_301].redirects, 2);
	CHECK(r[C_308_301].permanent);
	CHECK_STR(r[C_308_301].final_url, target);
	CHECK_INT(r[C_301_302].redirects, 2);
	CHECK(!r[C_301_302].permanent);
	free(target);

	CHECK_INT(r[C_LOOP].error, FETCH_REDIRECT_LOOP);
	CHECK_MSG(r[C_LOOP], "/loop/0", "redirect loop: more than 10 redirects");
	CHECK_INT(r[C_404].error, FETCH_HTTP);
	CHECK_INT(r[C_404].status, 404);
	CHECK_MSG(r[C_404], "/status/404", "HTTP 404 (not found)");
	CHECK_MSG(r[C_MISSING], "/f/no-such.xml", "HTTP 404 (not found)");
	CHECK_INT(r[C_410].status, 410);
	CHECK_MSG(r[C_410], "/status/410", "HTTP 410 (gone)");
	CHECK_INT(r[C_410].retry_after, 0);
	CHECK_INT(r[C_429].status, 429);
	CHECK_MSG(r[C_429], "/status/429", "HTTP 429 (too many requests)");
	CHECK_INT(r[C_429].retry_after, 120);
	CHECK_INT(r[C_503].status, 503);
	CHECK_MSG(r[C_503], "/retrydate/503", "HTTP 503 (service unavailable)");
	CHECK(r[C_503].retry_after >= 3590 && r[C_503].retry_after <= 3600);
	CHECK_MSG(r[C_500], "/status/500", "HTTP 500 (internal server error)");

	CHECK_INT(r[C_TRUNC].error, FETCH_TRUNCATED);
	CHECK_MSG(r[C_TRUNC], "/truncated/harbour.xml",
	          "truncated: the connection closed before the end of the body");
	CHECK_INT(r[C_BIG].error, FETCH_TOO_LARGE);
	CHECK_MSG(r[C_BIG], "/big/2097152", "too large: over 1 MiB");
	CHECK_INT(r[C_BIGCHUNKED].error, FETCH_TOO_LARGE);
	CHECK_MSG(r[C_BIGCHUNKED], "/bigchunked/2097152", "too large: over 1 MiB");
	CHECK(r[C_BIGCHUNKED].body_len <= ((size_t)1 << 20));

	CHECK_INT(r[C_HTML].error, FETCH_OK);
	CHECK_STR(r[C_HTML].content_type, "text/html");
	CHECK_STR(r[C_HTML].charset, "utf-8");
	CHECK_STR(r[C_LATIN1].content_type, "text/xml");
	CHECK_STR(r[C_LATIN1].charset, "iso-8859-1");
	CHECK_STR(r[C_UA].body, "diglot/" PACKAGE_VERSION "\n");
	CHECK_STR(r[C_ECHO].body,
	          "If-None-Match: \"abc\"\nIf-Modified-Since: Tue, 31 Dec 2024 10:00:00 GMT\n");

	CHECK_INT(r[C_FTP].error, FETCH_BAD_URL);
	CHECK_STR(r[C_FTP].message, "ftp://127.0.0.1/feed.xml: not an http or https URL");
	CHECK_INT(r[C_TO_FILE].error, FETCH_BAD_URL);
	CHECK_MSG(r[C_TO_FILE], "/to?url=file:///etc/passwd", "not an http or https URL");
	CHECK_INT(r[C_REFUSED].error, FETCH_REFUSED);
	CHECK_STR(r[C_REFUSED].message, "http://127.0.0.1:1/feed.xml: connection refused");
	CHECK_INT(r[C_TLS].error, FETCH_TLS);
	char *tls = xasprintf("%s: TLS: ", urls[C_TLS]);
	CHECK(strncmp(r[C_TLS].message, tls, strlen(tls)) == 0);
	free(tls);

	/* Conditional GET with what the first fetch stored. */
	struct fetch_request again[4] = {
		{urls[C_FEED], r[C_FEED].etag, r[C_FEED].last_modified, NULL},
		{urls[C_LASTMOD], NULL, r[C_LASTMOD].last_modified, NULL},
		{urls[C_FEED], "\"stale\"", NULL, NULL},
		{urls[C_GZIP], r[C_GZIP].etag, NULL, NULL},
	};
	CHECK_STR(r[C_LASTMOD].etag, "");
	struct run run2 = {.recs = xcalloc(4, sizeof(struct rec))};
	CHECK_INT(fetch_run(f, again, 4, on_done, NULL, &run2, &cause), DG_OK);
	CHECK_INT(run2.recs[0].status, 304);
	CHECK_INT(run2.recs[0].error, FETCH_OK);
	CHECK_INT(run2.recs[0].body_len, 0);
	CHECK_STR(run2.recs[0].etag, r[C_FEED].etag);
	CHECK_INT(run2.recs[1].status, 304);
	CHECK_INT(run2.recs[2].status, 200);
	CHECK_INT(run2.recs[2].body_len, flen);
	CHECK_INT(run2.recs[3].status, 200); /* the gzip path never answers 304 */
	free_recs(run2.recs, 4);

	free(fixture);
	free_recs(run.recs, NCASES);
	for (int i = 0; i < NCASES; i++)
		free(urls[i]);
	fetch_free(&f);
	CHECK(f == NULL);
}

/* The per-host cap holds: the server counts requests held at once. */
static void test_caps(void)
{
	struct fetch_settings s = wide_settings();
	s.jobs = 8;
	s.per_host = 2;
	struct fetcher *f = NULL;
	CHECK_INT(fetch_new(&f, &s, NULL), DG_OK);
	char *hold = u("/hold/600"); /* long enough that a loaded machine still overlaps them */
	struct fetch_request reqs[6];
	for (int i = 0; i < 6; i++)
		reqs[i] = (struct fetch_request){hold, NULL, NULL, NULL};
	struct run run = {.recs = xcalloc(6, sizeof(struct rec))};
	CHECK_INT(fetch_run(f, reqs, 6, on_done, NULL, &run, NULL), DG_OK);
	for (int i = 0; i < 6; i++)
		CHECK_INT(run.recs[i].status, 200);
	free_recs(run.recs, 6);
	char *maxheld = u("/maxheld");
	struct fetch_request q = {maxheld, NULL, NULL, NULL};
	run.recs = xcalloc(1, sizeof(struct rec));
	CHECK_INT(fetch_run(f, &q, 1, on_done, NULL, &run, NULL), DG_OK);
	CHECK_STR(run.recs[0].body, "2\n");
	free_recs(run.recs, 1);

	/* jobs caps the total the same way */
	fetch_free(&f);
	s.jobs = 3;
	s.per_host = 6;
	CHECK_INT(fetch_new(&f, &s, NULL), DG_OK);
	run.recs = xcalloc(6, sizeof(struct rec));
	CHECK_INT(fetch_run(f, reqs, 6, on_done, NULL, &run, NULL), DG_OK);
	free_recs(run.recs, 6);
	run.recs = xcalloc(1, sizeof(struct rec));
	CHECK_INT(fetch_run(f, &q, 1, on_done, NULL, &run, NULL), DG_OK);
	CHECK_STR(run.recs[0].body, "3\n");
	free_recs(run.recs, 1);
	free(maxheld);
	free(hold);
	fetch_free(&f);
}

/* A server that stalls trips the low-speed limit first ... */
static void test_stalls(void)
{
	struct fetcher *f = NULL;
	CHECK_INT(fetch_new(&f, &test_settings, NULL), DG_OK);
	char *slow = u(slow_path), *trickle = u(trickle_path);
	struct fetch_request reqs[2] = {{slow, NULL, NULL, NULL}, {trickle, NULL, NULL, NULL}};
	struct run run = {.recs = xcalloc(2, sizeof(struct rec))};
	CHECK_INT(fetch_run(f, reqs, 2, on_done, NULL, &run, NULL), DG_OK);
	CHECK_INT(run.recs[0].error, FETCH_SLOW);
	CHECK_MSG(run.recs[0], slow_path, slow_why);
	CHECK_INT(run.recs[1].error, FETCH_SLOW);
	CHECK_MSG(run.recs[1], trickle_path, slow_why);
	free_recs(run.recs, 2);
	free(slow);
	free(trickle);
	fetch_free(&f);
}

/* ... and the total timeout when it is shorter. */
static void test_timeout(void)
{
	struct fetch_settings s = test_settings;
	s.timeout_ms = 1500;
	s.low_speed_time = 10;
	struct fetcher *f = NULL;
	CHECK_INT(fetch_new(&f, &s, NULL), DG_OK);
	char *slow = u("/slow/4000/harbour.xml");
	struct fetch_request q = {slow, NULL, NULL, NULL};
	struct run run = {.recs = xcalloc(1, sizeof(struct rec))};
	CHECK_INT(fetch_run(f, &q, 1, on_done, NULL, &run, NULL), DG_OK);
	CHECK_INT(run.recs[0].error, FETCH_TIMEOUT);
	CHECK_MSG(run.recs[0], "/slow/4000/harbour.xml", "timed out: not complete within 1.5 s");
	free_recs(run.recs, 1);
	free(slow);
	fetch_free(&f);
}

/* Cancelling from a callback: what had not completed is FETCH_CANCELLED. */
static void test_cancel(void)
{
	struct fetch_settings s = wide_settings();
	struct fetcher *f = NULL;
	CHECK_INT(fetch_new(&f, &s, NULL), DG_OK);
	char *quick = u("/f/harbour.xml"), *slow = u("/slow/2500/harbour.xml");
	struct fetch_request reqs[4] = {
		{quick, NULL, NULL, NULL}, {slow, NULL, NULL, NULL},
		{slow, NULL, NULL, NULL}, {slow, NULL, NULL, NULL},
	};
	struct run run = {.recs = xcalloc(4, sizeof(struct rec)), .cancel_after_first = f};
	char *cause = NULL;
	CHECK_INT(fetch_run(f, reqs, 4, on_done, on_progress, &run, &cause), DG_ERR);
	CHECK_STR(cause, "fetch cancelled");
	free(cause);
	CHECK_INT(run.recs[0].status, 200);
	for (int i = 1; i < 4; i++) {
		CHECK_INT(run.recs[i].error, FETCH_CANCELLED);
		char *m = xasprintf("%s: cancelled", slow);
		CHECK_STR(run.recs[i].message, m);
		free(m);
	}
	CHECK_INT(run.last_done, 4);
	free_recs(run.recs, 4);
	/* the fetcher runs again after a cancel */
	run.recs = xcalloc(1, sizeof(struct rec));
	run.cancel_after_first = NULL;
	CHECK_INT(fetch_run(f, reqs, 1, on_done, NULL, &run, NULL), DG_OK);
	CHECK_INT(run.recs[0].status, 200);
	free_recs(run.recs, 1);
	free(quick);
	free(slow);
	fetch_free(&f);
}

static void test_user_agent(void)
{
	struct fetch_settings s = wide_settings();
	s.user_agent = "diglot-test/1 (+http://127.0.0.1/)";
	struct fetcher *f = NULL;
	CHECK_INT(fetch_new(&f, &s, NULL), DG_OK);
	char *ua = u("/ua");
	struct fetch_request q = {ua, NULL, NULL, NULL};
	struct run run = {.recs = xcalloc(1, sizeof(struct rec))};
	CHECK_INT(fetch_run(f, &q, 1, on_done, NULL, &run, NULL), DG_OK);
	CHECK_STR(run.recs[0].body, "diglot-test/1 (+http://127.0.0.1/)\n");
	free_recs(run.recs, 1);
	CHECK_INT(fetch_run(f, &q, 0, on_done, NULL, &run, NULL), DG_OK); /* nothing to do */
	free(ua);
	fetch_free(&f);
}

/* ---- the pure pieces ---------------------------------------------------- */

static void test_content_type(void)
{
	static const struct { const char *in, *type, *charset; } cases[] = {
		{"application/rss+xml", "application/rss+xml", ""},
		{"Text/XML; Charset=ISO-8859-1", "text/xml", "iso-8859-1"},
		{"text/html; foo=bar; charset=\"UTF-8\"", "text/html", "utf-8"},
		{"  text/plain ;charset= koi8-r ", "text/plain", "koi8-r"},
		{"application/xml; charset=", "application/xml", ""},
		{"", "", ""},
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		char type[64], cs[32];
		fetch_content_type(cases[i].in, strlen(cases[i].in), type, sizeof type, cs, sizeof cs);
		CHECK_STR(type, cases[i].type);
		CHECK_STR(cs, cases[i].charset);
	}
}

static void hdr(struct fetch_hdrs *h, const char *line)
{
	fetch_hdrs_line(h, line, strlen(line));
}

static void test_headers(void)
{
	struct fetch_hdrs h = {0};
	h.permanent = true;
	hdr(&h, "HTTP/1.1 301 Moved Permanently\r\n");
	hdr(&h, "ETag: \"old\"\r\n");
	CHECK_STR(h.etag, "\"old\"");
	hdr(&h, "HTTP/2 200\r\n");
	CHECK_STR(h.etag, ""); /* a new response forgets the redirect's headers */
	CHECK_INT(h.status, 200);
	CHECK_INT(h.responses, 2);
	CHECK(h.permanent);
	hdr(&h, "etag:   W/\"v2\"  \r\n");
	hdr(&h, "Last-Modified: Wed, 01 Jan 2025 00:00:00 GMT\r\n");
	hdr(&h, "Content-Type: application/atom+xml; charset=utf-8\r\n");
	hdr(&h, "X-Other: 1\r\n");
	hdr(&h, "\r\n");
	CHECK_STR(h.etag, "W/\"v2\"");
	CHECK_STR(h.last_modified, "Wed, 01 Jan 2025 00:00:00 GMT");
	CHECK_STR(h.content_type, "application/atom+xml");
	CHECK_STR(h.charset, "utf-8");
	hdr(&h, "ETag: \"bad\x01byte\"\r\n"); /* never stored, never sent back */
	CHECK_STR(h.etag, "");
	char longtag[400];
	memset(longtag, 'a', sizeof longtag);
	memcpy(longtag, "ETag: ", 6);
	fetch_hdrs_line(&h, longtag, sizeof longtag);
	CHECK_STR(h.etag, "");
	hdr(&h, "HTTP/1.1 302 Found\r\n");
	CHECK(!h.permanent);
}

static void test_classify(void)
{
	struct fetch_settings s = FETCH_SETTINGS_DEFAULT;
	static const struct {
		int code;
		const char *errbuf;
		bool too_large;
		long status;
		enum fetch_error want;
		const char *msg;
	} cases[] = {
		{CURLE_OK, "", false, 200, FETCH_OK, ""},
		{CURLE_OK, "", false, 304, FETCH_OK, ""},
		{CURLE_OK, "", false, 418, FETCH_HTTP, "u: HTTP 418"},
		{CURLE_COULDNT_RESOLVE_HOST, "Could not resolve host: x.invalid", false, 0, FETCH_DNS,
		 "u: cannot resolve the host name"},
		{CURLE_OPERATION_TIMEDOUT, "Connection timed out after 10001 milliseconds", false, 0,
		 FETCH_TIMEOUT, "u: timed out: no connection within 10 s"},
		{CURLE_OPERATION_TIMEDOUT, "Operation timed out after 60000 milliseconds", false, 200,
		 FETCH_TIMEOUT, "u: timed out: not complete within 60 s"},
		{CURLE_PEER_FAILED_VERIFICATION, "SSL certificate problem: self-signed certificate",
		 false, 0, FETCH_TLS, "u: TLS: SSL certificate problem: self-signed certificate"},
		{CURLE_WRITE_ERROR, "", true, 200, FETCH_TOO_LARGE, "u: too large: over 16 MiB"},
		{CURLE_COULDNT_CONNECT, "Failed to connect to h port 80: No route to host", false, 0,
		 FETCH_REFUSED, "u: cannot connect"},
		{CURLE_RECV_ERROR, "Recv failure: Connection reset by peer\x1b[31m", false, 0,
		 FETCH_FAILED, "u: Recv failure: Connection reset by peer[31m"},
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		struct sbuf b = SBUF_INIT;
		enum fetch_error e = fetch_classify(cases[i].code, curl_easy_strerror(cases[i].code),
		                                    cases[i].errbuf, 0, cases[i].too_large, cases[i].status,
		                                    &s, "u", &b);
		CHECK_INT(e, cases[i].want);
		CHECK_STR(sbuf_str(&b), cases[i].msg);
		sbuf_free(&b);
	}
	CHECK_STR(fetch_status_reason(410), "gone");
	CHECK_STR(fetch_status_reason(299), "");
}

int main(int argc, char **argv)
{
	test_content_type();
	test_headers();
	test_classify();
	if (argc < 2) {
		printf("no test server port given (tests/net/fetch.sh passes it): network cases skipped\n");
		return t_done();
	}
	snprintf(base, sizeof base, "http://127.0.0.1:%s", argv[1]);
	if (argc > 2 && strcmp(argv[2], "slow") == 0)
		use_slow_windows();
	test_batch();
	test_caps();
	test_stalls();
	test_timeout();
	test_cancel();
	test_user_agent();
	curl_global_cleanup();
	return t_done();
}
