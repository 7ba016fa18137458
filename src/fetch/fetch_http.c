/*
 * fetch_http.c: what the fetcher reads of a response (status lines and the
 * few headers a feed reader keeps) and how a finished transfer is told to
 * the user: one line naming the URL and why.
 */
#include "fetch_int.h"

#include <curl/curl.h>
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

void fetch_hdrs_reset(struct fetch_hdrs *h)
{
	h->content_type[0] = h->charset[0] = h->etag[0] = h->last_modified[0] = '\0';
}

static void trim(const char **s, size_t *len)
{
	while (*len > 0 && (**s == ' ' || **s == '\t')) {
		(*s)++;
		(*len)--;
	}
	while (*len > 0 && ((*s)[*len - 1] == ' ' || (*s)[*len - 1] == '\t' || (*s)[*len - 1] == '\r' ||
	                    (*s)[*len - 1] == '\n'))
		(*len)--;
}

/* Copy a header value into a field when it fits and is printable ASCII. */
static void keep(char *dst, size_t dstsz, const char *v, size_t len)
{
	dst[0] = '\0';
	if (len == 0 || len >= dstsz)
		return;
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)v[i] < 0x20 || (unsigned char)v[i] > 0x7e)
			return;
	memcpy(dst, v, len);
	dst[len] = '\0';
}

static void lower_keep(char *dst, size_t dstsz, const char *v, size_t len)
{
	keep(dst, dstsz, v, len);
	for (char *p = dst; *p; p++)
		*p = (char)tolower((unsigned char)*p);
}

void fetch_content_type(const char *v, size_t len, char *type, size_t typesz, char *charset,
                        size_t charsetsz)
{
	type[0] = charset[0] = '\0';
	const char *semi = memchr(v, ';', len);
	size_t tlen = semi ? (size_t)(semi - v) : len;
	const char *t = v;
	trim(&t, &tlen);
	lower_keep(type, typesz, t, tlen);
	while (semi) {
		const char *p = semi + 1;
		size_t rest = len - (size_t)(p - v);
		semi = memchr(p, ';', rest);
		size_t plen = semi ? (size_t)(semi - p) : rest;
		trim(&p, &plen);
		if (plen > 8 && strncasecmp(p, "charset=", 8) == 0) {
			const char *c = p + 8;
			size_t clen = plen - 8;
			if (clen >= 2 && c[0] == '"' && c[clen - 1] == '"') {
				c++;
				clen -= 2;
			}
			trim(&c, &clen);
			lower_keep(charset, charsetsz, c, clen);
			return;
		}
	}
}

/* "HTTP/1.1 301 Moved" or "HTTP/2 200": a new response begins. */
static void status_line(struct fetch_hdrs *h, const char *s, size_t len)
{
	const char *sp = memchr(s, ' ', len);
	if (!sp)
		return;
	long code = 0;
	for (const char *p = sp + 1; p < s + len && isdigit((unsigned char)*p) && code < 1000; p++)
		code = code * 10 + (*p - '0');
	h->status = code;
	h->responses++;
	fetch_hdrs_reset(h);
	if (code == 302 || code == 303 || code == 307)
		h->permanent = false;
}

void fetch_hdrs_line(struct fetch_hdrs *h, const char *line, size_t len)
{
	if (len >= 5 && memcmp(line, "HTTP/", 5) == 0) {
		status_line(h, line, len);
		return;
	}
	const char *colon = memchr(line, ':', len);
	if (!colon)
		return;
	size_t nlen = (size_t)(colon - line);
	const char *v = colon + 1;
	size_t vlen = len - nlen - 1;
	trim(&v, &vlen);
	if (nlen == 4 && strncasecmp(line, "etag", 4) == 0)
		keep(h->etag, sizeof h->etag, v, vlen);
	else if (nlen == 13 && strncasecmp(line, "last-modified", 13) == 0)
		keep(h->last_modified, sizeof h->last_modified, v, vlen);
	else if (nlen == 12 && strncasecmp(line, "content-type", 12) == 0)
		fetch_content_type(v, vlen, h->content_type, sizeof h->content_type, h->charset,
		                   sizeof h->charset);
}

const char *fetch_status_reason(long status)
{
	switch (status) {
	case 400: return "bad request";
	case 401: return "unauthorized";
	case 403: return "forbidden";
	case 404: return "not found";
	case 405: return "method not allowed";
	case 406: return "not acceptable";
	case 408: return "request timeout";
	case 410: return "gone";
	case 429: return "too many requests";
	case 500: return "internal server error";
	case 501: return "not implemented";
	case 502: return "bad gateway";
	case 503: return "service unavailable";
	case 504: return "gateway timeout";
	default: return "";
	}
}

/* A duration for a message: "10 s", "1.5 s", "250 ms". */
static void add_ms(struct sbuf *b, long ms)
{
	if (ms < 1000)
		sbuf_addf(b, "%ld ms", ms);
	else if (ms % 1000 == 0)
		sbuf_addf(b, "%ld s", ms / 1000);
	else
		sbuf_addf(b, "%.1f s", (double)ms / 1000);
}

static void add_size(struct sbuf *b, size_t n)
{
	if (n >= (1u << 20) && n % (1u << 20) == 0)
		sbuf_addf(b, "%zu MiB", n >> 20);
	else if (n >= 1024 && n % 1024 == 0)
		sbuf_addf(b, "%zu KiB", n >> 10);
	else
		sbuf_addf(b, "%zu bytes", n);
}

/* curl's error text, printable ASCII only, or its generic reason. */
static void add_reason(struct sbuf *b, const char *errbuf, const char *curl_reason)
{
	const char *r = errbuf && *errbuf ? errbuf : curl_reason;
	for (const char *p = r; *p && p - r < 200; p++)
		if ((unsigned char)*p >= 0x20 && (unsigned char)*p <= 0x7e)
			sbuf_addc(b, *p);
}

static bool starts(const char *s, const char *prefix)
{
	return s && strncmp(s, prefix, strlen(prefix)) == 0;
}

enum fetch_error fetch_classify(int curl_code, const char *curl_reason, const char *errbuf,
                                long os_errno, bool too_large, long status, const struct fetch_settings *s,
                                const char *url, struct sbuf *b)
{
	CURLcode rc = (CURLcode)curl_code;
	if (rc == CURLE_OK && ((status >= 200 && status < 300) || status == 304))
		return FETCH_OK;
	sbuf_addf(b, "%s: ", url);
	if (too_large || rc == CURLE_FILESIZE_EXCEEDED) {
		sbuf_addstr(b, "too large: over ");
		add_size(b, s->max_body);
		return FETCH_TOO_LARGE;
	}
	switch (rc) {
	case CURLE_OK: {
		const char *why = fetch_status_reason(status);
		sbuf_addf(b, "HTTP %ld%s%s%s", status, *why ? " (" : "", why, *why ? ")" : "");
		return FETCH_HTTP;
	}
	case CURLE_OPERATION_TIMEDOUT:
		if (starts(errbuf, "Operation too slow")) {
			sbuf_addf(b, "too slow: under %ld bytes/s for %ld s", s->low_speed_limit,
			          s->low_speed_time);
			return FETCH_SLOW;
		}
		if (starts(errbuf, "Connection timed out") || starts(errbuf, "Resolving timed out") ||
		    starts(errbuf, "Failed to connect")) {
			sbuf_addstr(b, "timed out: no connection within ");
			add_ms(b, s->connect_timeout_ms);
			return FETCH_TIMEOUT;
		}
		sbuf_addstr(b, "timed out: not complete within ");
		add_ms(b, s->timeout_ms);
		return FETCH_TIMEOUT;
	case CURLE_PARTIAL_FILE:
		sbuf_addstr(b, "truncated: the connection closed before the end of the body");
		return FETCH_TRUNCATED;
	case CURLE_COULDNT_RESOLVE_HOST:
	case CURLE_COULDNT_RESOLVE_PROXY:
		sbuf_addstr(b, "cannot resolve the host name");
		return FETCH_DNS;
	case CURLE_COULDNT_CONNECT:
		sbuf_addstr(b, os_errno == ECONNREFUSED ? "connection refused" : "cannot connect");
		return FETCH_REFUSED;
	case CURLE_TOO_MANY_REDIRECTS:
		sbuf_addf(b, "redirect loop: more than %d redirects", FETCH_MAX_REDIRECTS);
		return FETCH_REDIRECT_LOOP;
	case CURLE_UNSUPPORTED_PROTOCOL:
		sbuf_addstr(b, "not an http or https URL");
		return FETCH_BAD_URL;
	case CURLE_URL_MALFORMAT:
		sbuf_addstr(b, "malformed URL");
		return FETCH_BAD_URL;
	case CURLE_ABORTED_BY_CALLBACK:
		sbuf_addstr(b, "cancelled");
		return FETCH_CANCELLED;
	case CURLE_GOT_NOTHING:
		sbuf_addstr(b, "empty reply from the server");
		return FETCH_FAILED;
	case CURLE_SSL_CONNECT_ERROR:
	case CURLE_PEER_FAILED_VERIFICATION:
	case CURLE_SSL_CERTPROBLEM:
	case CURLE_SSL_CIPHER:
	case CURLE_SSL_CACERT_BADFILE:
	case CURLE_SSL_ISSUER_ERROR:
	case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
	case CURLE_SSL_INVALIDCERTSTATUS:
	case CURLE_SSL_CRL_BADFILE:
	case CURLE_SSL_ENGINE_NOTFOUND:
	case CURLE_SSL_ENGINE_SETFAILED:
	case CURLE_SSL_ENGINE_INITFAILED:
	case CURLE_USE_SSL_FAILED:
		sbuf_addstr(b, "TLS: ");
		add_reason(b, errbuf, curl_reason);
		return FETCH_TLS;
	default:
		add_reason(b, errbuf, curl_reason);
		return FETCH_FAILED;
	}
}
