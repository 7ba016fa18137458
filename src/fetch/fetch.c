/*
 * fetch.c: a batch of GETs over one curl multi handle.  Transfers are
 * added in a window (a few times the connection cap: curl queues the ones
 * a host cap holds back), so memory does not grow with the batch.  Each
 * finished transfer is classified, handed to the caller's callback and its
 * easy handle reused for the next request.
 */
#include "diglot/fetch.h"
#include "diglot/sbuf.h"
#include "fetch_int.h"

#include <curl/curl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

struct fetcher {
	struct fetch_settings s;
	char *user_agent;
	CURLM *multi;
	atomic_bool cancel;
};

/* One transfer in flight. */
struct xfer {
	CURL *easy;
	struct curl_slist *headers;
	size_t index;
	struct sbuf body;
	bool too_large;
	size_t max_body;
	struct fetch_hdrs h; /* of the current response (reset on each status line) */
	char errbuf[CURL_ERROR_SIZE];
};

static pthread_once_t global_once = PTHREAD_ONCE_INIT;
static CURLcode global_rc;

static void global_init(void)
{
	global_rc = curl_global_init(CURL_GLOBAL_DEFAULT);
}

enum dg_status fetch_new(struct fetcher **out, const struct fetch_settings *s, char **cause)
{
	static const struct fetch_settings defaults = FETCH_SETTINGS_DEFAULT;
	*out = NULL;
	pthread_once(&global_once, global_init);
	if (global_rc != CURLE_OK)
		return dg_fail(cause, DG_ERR, "cannot start libcurl: %s", curl_easy_strerror(global_rc));
	struct fetcher *f = xcalloc(1, sizeof *f);
	f->s = s ? *s : defaults;
	if (f->s.jobs < 1)
		f->s.jobs = 1;
	if (f->s.per_host < 1)
		f->s.per_host = 1;
	if (f->s.user_agent && *f->s.user_agent)
		f->user_agent = xstrdup(f->s.user_agent);
	else if (*PACKAGE_URL)
		f->user_agent = xstrdup("diglot/" PACKAGE_VERSION " (+" PACKAGE_URL ")");
	else
		f->user_agent = xstrdup("diglot/" PACKAGE_VERSION);
	f->s.user_agent = f->user_agent;
	f->multi = curl_multi_init();
	if (!f->multi) {
		free(f->user_agent);
		free(f);
		return dg_fail(cause, DG_ERR, "cannot start libcurl: curl_multi_init failed");
	}
	curl_multi_setopt(f->multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, (long)f->s.jobs);
	curl_multi_setopt(f->multi, CURLMOPT_MAX_HOST_CONNECTIONS, (long)f->s.per_host);
	/* Keep idle connections for every host of the batch (feeds of one site
	 * share them), not curl's default of 4 x the easy handles. */
	curl_multi_setopt(f->multi, CURLMOPT_MAXCONNECTS, (long)f->s.jobs * 2);
	atomic_init(&f->cancel, false);
	*out = f;
	return DG_OK;
}

void fetch_free(struct fetcher **fp)
{
	struct fetcher *f = *fp;
	if (!f)
		return;
	curl_multi_cleanup(f->multi);
	free(f->user_agent);
	free(f);
	*fp = NULL;
}

void fetch_cancel(struct fetcher *f)
{
	atomic_store(&f->cancel, true);
	curl_multi_wakeup(f->multi);
}

static size_t on_body(char *p, size_t size, size_t n, void *ud)
{
	struct xfer *x = ud;
	size_t len = size * n;
	if (x->body.len + len > x->max_body) {
		x->too_large = true;
		return 0; /* curl aborts the transfer: CURLE_WRITE_ERROR */
	}
	sbuf_add(&x->body, p, len);
	return len;
}

static size_t on_header(char *p, size_t size, size_t n, void *ud)
{
	struct xfer *x = ud;
	fetch_hdrs_line(&x->h, p, size * n);
	return size * n;
}

/* Set up x's easy handle for request r; false when curl refused an option. */
static bool xfer_setup(struct fetcher *f, struct xfer *x, const struct fetch_request *r, size_t index)
{
	CURL *e = x->easy;
	curl_easy_reset(e);
	curl_slist_free_all(x->headers);
	x->headers = NULL;
	sbuf_truncate(&x->body, 0);
	x->too_large = false;
	x->max_body = f->s.max_body;
	x->index = index;
	x->errbuf[0] = '\0';
	fetch_hdrs_reset(&x->h);
	x->h.status = 0;
	x->h.responses = 0;
	x->h.permanent = true;
	if (r->etag && *r->etag && !strpbrk(r->etag, "\r\n")) {
		char *h = xasprintf("If-None-Match: %s", r->etag);
		x->headers = curl_slist_append(x->headers, h);
		free(h);
	}
	if (r->last_modified && *r->last_modified && !strpbrk(r->last_modified, "\r\n")) {
		char *h = xasprintf("If-Modified-Since: %s", r->last_modified);
		x->headers = curl_slist_append(x->headers, h);
		free(h);
	}
	bool ok = curl_easy_setopt(e, CURLOPT_URL, r->url) == CURLE_OK;
	curl_easy_setopt(e, CURLOPT_PRIVATE, x);
	curl_easy_setopt(e, CURLOPT_ERRORBUFFER, x->errbuf);
	curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
#if LIBCURL_VERSION_NUM >= 0x075500 /* 7.85: the bitmask options are deprecated */
	curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
#else
	curl_easy_setopt(e, CURLOPT_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
	curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
	curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(e, CURLOPT_MAXREDIRS, (long)FETCH_MAX_REDIRECTS);
	curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, 1L);
	curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, 2L);
	curl_easy_setopt(e, CURLOPT_USERAGENT, f->user_agent);
	curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, f->s.connect_timeout_ms);
	curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, f->s.timeout_ms);
	curl_easy_setopt(e, CURLOPT_LOW_SPEED_LIMIT, f->s.low_speed_limit);
	curl_easy_setopt(e, CURLOPT_LOW_SPEED_TIME, f->s.low_speed_time);
	curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)f->s.max_body);
	curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(e, CURLOPT_WRITEDATA, x);
	curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(e, CURLOPT_HEADERDATA, x);
	if (x->headers)
		curl_easy_setopt(e, CURLOPT_HTTPHEADER, x->headers);
	return ok;
}

/* Fill *res from a finished transfer; strings point into x or scratch. */
static void xfer_result(struct fetcher *f, struct xfer *x, CURLcode rc, const struct fetch_request *r,
                        struct fetch_result *res, struct sbuf *msg)
{
	CURL *e = x->easy;
	memset(res, 0, sizeof *res);
	res->req = r;
	res->index = x->index;
	long status = 0;
	curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &status);
	res->status = status;
	char *eff = NULL;
	curl_easy_getinfo(e, CURLINFO_EFFECTIVE_URL, &eff);
	res->final_url = eff ? eff : r->url;
	long redirects = 0;
	curl_easy_getinfo(e, CURLINFO_REDIRECT_COUNT, &redirects);
	res->redirects = (int)redirects;
	res->permanent = redirects > 0 && x->h.permanent;
	curl_off_t retry = 0;
	if (curl_easy_getinfo(e, CURLINFO_RETRY_AFTER, &retry) == CURLE_OK && retry > 0)
		res->retry_after = (long)retry;
	res->body = sbuf_str(&x->body);
	res->body_len = x->body.len;
	res->content_type = x->h.content_type;
	res->charset = x->h.charset;
	res->etag = x->h.etag;
	res->last_modified = x->h.last_modified;
	sbuf_truncate(msg, 0);
	long os_errno = 0;
	curl_easy_getinfo(e, CURLINFO_OS_ERRNO, &os_errno);
	res->error = fetch_classify(rc, curl_easy_strerror(rc), x->errbuf, os_errno, x->too_large,
	                            status, &f->s, r->url, msg);
	res->message = sbuf_str(msg);
}

struct batch {
	struct fetcher *f;
	const struct fetch_request *reqs;
	size_t n, next, done;
	struct xfer *slots;
	size_t nslots;
	size_t *free_slots, nfree;
	fetch_done_fn on_done;
	fetch_progress_fn on_progress;
	void *ctx;
	struct sbuf msg;
};

static void report(struct batch *b, const struct fetch_result *res)
{
	b->done++;
	if (b->on_done)
		b->on_done(b->ctx, res);
	if (b->on_progress)
		b->on_progress(b->ctx, b->done, b->n);
}

/* A request that never started (cancelled, or curl refused its URL). */
static void report_unstarted(struct batch *b, size_t i, enum fetch_error err, const char *why)
{
	struct fetch_result res = {0};
	res.req = &b->reqs[i];
	res.index = i;
	res.error = err;
	sbuf_truncate(&b->msg, 0);
	sbuf_addf(&b->msg, "%s: %s", b->reqs[i].url, why);
	res.message = sbuf_str(&b->msg);
	res.body = res.content_type = res.charset = res.etag = res.last_modified = "";
	res.final_url = b->reqs[i].url;
	report(b, &res);
}

/* Start requests while slots are free. */
static void fill(struct batch *b)
{
	while (b->nfree > 0 && b->next < b->n) {
		size_t i = b->next++;
		struct xfer *x = &b->slots[b->free_slots[b->nfree - 1]];
		if (!xfer_setup(b->f, x, &b->reqs[i], i) ||
		    curl_multi_add_handle(b->f->multi, x->easy) != CURLM_OK) {
			report_unstarted(b, i, FETCH_BAD_URL, "not a valid URL");
			continue;
		}
		b->nfree--;
	}
}

static void finish(struct batch *b, CURL *e, CURLcode rc)
{
	struct xfer *x = NULL;
	curl_easy_getinfo(e, CURLINFO_PRIVATE, (char **)&x);
	struct fetch_result res;
	xfer_result(b->f, x, rc, &b->reqs[x->index], &res, &b->msg);
	report(b, &res);
	curl_multi_remove_handle(b->f->multi, e);
	b->free_slots[b->nfree++] = (size_t)(x - b->slots);
}

/* Cancelled: every transfer in flight and every one not started. */
static void cancel_rest(struct batch *b)
{
	for (size_t s = 0; s < b->nslots; s++) {
		struct xfer *x = &b->slots[s];
		bool busy = true;
		for (size_t k = 0; k < b->nfree; k++)
			if (b->free_slots[k] == s)
				busy = false;
		if (!busy)
			continue;
		curl_multi_remove_handle(b->f->multi, x->easy);
		report_unstarted(b, x->index, FETCH_CANCELLED, "cancelled");
		b->free_slots[b->nfree++] = s;
	}
	while (b->next < b->n)
		report_unstarted(b, b->next++, FETCH_CANCELLED, "cancelled");
}

enum dg_status fetch_run(struct fetcher *f, const struct fetch_request *reqs, size_t n,
                         fetch_done_fn done, fetch_progress_fn progress, void *ctx, char **cause)
{
	struct batch b = {.f = f, .reqs = reqs, .n = n, .on_done = done, .on_progress = progress,
	                  .ctx = ctx, .msg = SBUF_INIT};
	enum dg_status st = DG_OK;
	atomic_store(&f->cancel, false);
	if (n == 0)
		return DG_OK;
	b.nslots = MIN(n, (size_t)f->s.jobs * 4);
	b.slots = xcalloc(b.nslots, sizeof *b.slots);
	b.free_slots = xcalloc(b.nslots, sizeof *b.free_slots);
	for (size_t s = 0; s < b.nslots; s++) {
		b.slots[s].easy = curl_easy_init();
		if (!b.slots[s].easy) {
			st = dg_fail(cause, DG_ERR, "cannot start libcurl: curl_easy_init failed");
			goto out;
		}
		b.free_slots[b.nfree++] = b.nslots - 1 - s;
	}
	for (;;) {
		fill(&b);
		int running = 0;
		CURLMcode mc = curl_multi_perform(f->multi, &running);
		CURLMsg *m;
		int left;
		while ((m = curl_multi_info_read(f->multi, &left)))
			if (m->msg == CURLMSG_DONE)
				finish(&b, m->easy_handle, m->data.result);
		if (atomic_load(&f->cancel)) {
			cancel_rest(&b);
			st = dg_fail(cause, DG_ERR, "fetch cancelled");
			break;
		}
		if (mc != CURLM_OK) {
			st = dg_fail(cause, DG_ERR, "fetch: %s", curl_multi_strerror(mc));
			cancel_rest(&b);
			break;
		}
		if (b.done == b.n)
			break;
		if (b.nfree > 0 && b.next < b.n)
			continue; /* slots freed: start more before waiting */
		curl_multi_poll(f->multi, NULL, 0, 1000, NULL);
	}
out:
	for (size_t s = 0; s < b.nslots; s++) {
		if (b.slots[s].easy)
			curl_easy_cleanup(b.slots[s].easy);
		curl_slist_free_all(b.slots[s].headers);
		sbuf_free(&b.slots[s].body);
	}
	free(b.slots);
	free(b.free_slots);
	sbuf_free(&b.msg);
	return st;
}
