/*
 * fetch_int.h: the pure pieces of the fetcher (response headers, outcome
 * classification), private to src/fetch/ and its unit and fuzz tests.
 */
#ifndef DIGLOT_FETCH_INT_H
#define DIGLOT_FETCH_INT_H

#include "diglot/fetch.h"
#include "diglot/sbuf.h"

/* What the fetcher keeps of one response's headers.  Values too long for
 * their field, or holding anything but printable ASCII, are dropped: a
 * cut ETag would never match again. */
struct fetch_hdrs {
	long status;      /* of the last status line */
	int responses;    /* status lines seen (one per redirect hop, 1xx too) */
	bool permanent;   /* every redirect so far was 301 or 308 */
	char content_type[128];
	char charset[64];
	char etag[256];
	char last_modified[64];
};

/* Forget the fields of the response before (a redirect's). */
void fetch_hdrs_reset(struct fetch_hdrs *h);
/* One raw header line as curl hands it (CRLF included, not NUL-ended). */
void fetch_hdrs_line(struct fetch_hdrs *h, const char *line, size_t len);
/* Split a Content-Type value into a lower-case media type and charset. */
void fetch_content_type(const char *value, size_t len, char *type, size_t typesz, char *charset,
                        size_t charsetsz);

/*
 * The outcome of a finished transfer: curl's code (curl_code, its
 * curl_easy_strerror in curl_reason, its error buffer in errbuf and
 * CURLINFO_OS_ERRNO in os_errno), whether the body cap aborted it and the
 * last HTTP status.  Writes
 * "URL: why" into msg unless FETCH_OK.
 */
enum fetch_error fetch_classify(int curl_code, const char *curl_reason, const char *errbuf,
                                long os_errno, bool too_large, long status, const struct fetch_settings *s,
                                const char *url, struct sbuf *msg);

#endif
