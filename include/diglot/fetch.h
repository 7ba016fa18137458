/*
 * fetch.h: many HTTP(S) GETs at once over one libcurl multi handle (only
 * src/fetch/ includes curl).  Polite: total and per-host connection caps,
 * conditional GET with the stored ETag and Last-Modified, compressed
 * transfers; safe: TLS verified, http and https only (redirects too), a
 * body size cap enforced while receiving, timeouts.  Each request's result
 * goes to a callback as soon as it is complete, so the caller parses and
 * stores while the rest download.
 */
#ifndef DIGLOT_FETCH_H
#define DIGLOT_FETCH_H

#include "diglot/common.h"

#define FETCH_MAX_REDIRECTS 10

struct fetch_settings {
	int jobs;                /* connections at once, in total (32) */
	int per_host;            /* connections at once to one host:port (6) */
	long connect_timeout_ms; /* to connect, TLS included (10 s) */
	long timeout_ms;         /* whole transfer (60 s) */
	long low_speed_limit;    /* bytes/s under which ... (100) */
	long low_speed_time;     /* ... for this many seconds aborts (20) */
	size_t max_body;         /* larger bodies are aborted (16 MiB) */
	const char *user_agent;  /* NULL: "diglot/VERSION (+PACKAGE_URL)", or
	                          * "diglot/VERSION" while configure.ac names no URL */
};

#define FETCH_SETTINGS_DEFAULT {32, 6, 10000, 60000, 100, 20, (size_t)16 << 20, NULL}

struct fetch_request {
	const char *url;
	const char *etag;          /* the stored ETag; NULL or "" when none */
	const char *last_modified; /* the stored Last-Modified; NULL or "" */
	void *data;                /* the caller's, handed back in the result */
};

enum fetch_error {
	FETCH_OK,            /* a response came; see status */
	FETCH_HTTP,          /* a response came with a status other than 2xx and 304 */
	FETCH_TIMEOUT,       /* connect or total timeout */
	FETCH_SLOW,          /* below the low-speed limit for too long */
	FETCH_TOO_LARGE,     /* body over max_body */
	FETCH_TRUNCATED,     /* the connection closed before the body ended */
	FETCH_TLS,           /* handshake or certificate */
	FETCH_DNS,           /* host name not resolved */
	FETCH_REFUSED,       /* could not connect */
	FETCH_REDIRECT_LOOP, /* more than FETCH_MAX_REDIRECTS redirects */
	FETCH_BAD_URL,       /* malformed, or not http/https */
	FETCH_CANCELLED,     /* fetch_cancel before it completed */
	FETCH_FAILED,        /* anything else (curl's reason in message) */
};

/* One request's outcome; everything lives until the callback returns. */
struct fetch_result {
	const struct fetch_request *req;
	size_t index;          /* of req in the batch */
	enum fetch_error error;
	const char *message;   /* error != FETCH_OK: "URL: why", one line; else "" */
	long status;           /* HTTP status of the last response; 0 when none */
	const char *body;      /* NUL-terminated (the NUL not counted); "" */
	size_t body_len;
	const char *content_type; /* media type, lower case, no parameters; "" */
	const char *charset;      /* its charset parameter, lower case; "" */
	const char *etag;         /* of the last response; "" */
	const char *last_modified; /* "" */
	long retry_after;      /* Retry-After in seconds from now (a date too); 0 none */
	const char *final_url; /* after redirects (the request's URL when none) */
	int redirects;         /* how many were followed */
	bool permanent;        /* redirected, and every redirect was 301 or 308:
	                        * final_url may replace the stored URL */
};

typedef void (*fetch_done_fn)(void *ctx, const struct fetch_result *r);
/* done requests out of total, after each completion. */
typedef void (*fetch_progress_fn)(void *ctx, size_t done, size_t total);

struct fetcher;

/* A fetcher with these settings (NULL: the defaults); fetch_free frees. */
enum dg_status fetch_new(struct fetcher **out, const struct fetch_settings *s, char **cause);
void fetch_free(struct fetcher **f);

/*
 * Fetch the n requests, at most s->jobs at once, calling done once per
 * request (in completion order, on the calling thread) and progress after
 * each.  Returns DG_OK when the batch ran (each request's failure is in
 * its result); DG_ERR with *cause when the fetcher itself failed or the
 * batch was cancelled (the requests not completed then get a
 * FETCH_CANCELLED result each).
 */
enum dg_status fetch_run(struct fetcher *f, const struct fetch_request *reqs, size_t n,
                         fetch_done_fn done, fetch_progress_fn progress, void *ctx,
                         char **cause);

/* Stop the running batch soon; safe from another thread or a callback. */
void fetch_cancel(struct fetcher *f);

/* A short reason for an HTTP status ("not found", "gone"); "" if none known. */
const char *fetch_status_reason(long status);

#endif
