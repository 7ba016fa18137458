/*
 * html_url.c: a reference resolved against a base URL (RFC 3986,
 * section 5.2), for links and canonical URLs.
 */
#include "diglot/common.h"
#include "diglot/html.h"
#include "diglot/sbuf.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

struct uri {
	const char *scheme, *auth, *path, *query, *frag;
	size_t lscheme, lauth, lpath, lquery, lfrag;
	bool has_scheme, has_auth, has_query, has_frag;
};

static void uri_split(const char *s, struct uri *u)
{
	memset(u, 0, sizeof *u);
	size_t n = strlen(s), i = 0;
	/* scheme ":" when the first ':' comes before any '/', '?', '#'. */
	if (isalpha((unsigned char)s[0])) {
		size_t j = 1;
		while (j < n && (isalnum((unsigned char)s[j]) || s[j] == '+' || s[j] == '-' || s[j] == '.'))
			j++;
		if (j < n && s[j] == ':') {
			u->has_scheme = true;
			u->scheme = s;
			u->lscheme = j;
			i = j + 1;
		}
	}
	if (i + 1 < n && s[i] == '/' && s[i + 1] == '/') {
		i += 2;
		size_t j = i + strcspn(s + i, "/?#");
		u->has_auth = true;
		u->auth = s + i;
		u->lauth = j - i;
		i = j;
	}
	size_t j = i + strcspn(s + i, "?#");
	u->path = s + i;
	u->lpath = j - i;
	i = j;
	if (s[i] == '?') {
		j = i + 1 + strcspn(s + i + 1, "#");
		u->has_query = true;
		u->query = s + i + 1;
		u->lquery = j - i - 1;
		i = j;
	}
	if (s[i] == '#') {
		u->has_frag = true;
		u->frag = s + i + 1;
		u->lfrag = n - i - 1;
	}
}

/* RFC 3986 5.2.4, on a path built in *b. */
static void remove_dots(const char *in, size_t n, struct sbuf *out)
{
	size_t i = 0;
	while (i < n) {
		const char *p = in + i;
		size_t left = n - i;
		if (left >= 3 && strncmp(p, "../", 3) == 0) {
			i += 3;
		} else if (left >= 2 && strncmp(p, "./", 2) == 0) {
			i += 2;
		} else if (left >= 3 && strncmp(p, "/./", 3) == 0) {
			i += 2;
		} else if (left == 2 && strncmp(p, "/.", 2) == 0) {
			sbuf_addc(out, '/');
			i += 2;
		} else if ((left >= 4 && strncmp(p, "/../", 4) == 0) || (left == 3 && strncmp(p, "/..", 3) == 0)) {
			size_t k = out->len;
			while (k > 0 && out->s[k - 1] != '/')
				k--;
			sbuf_truncate(out, k > 0 ? k - 1 : 0);
			if (left == 3)
				sbuf_addc(out, '/');
			i += 3;
		} else if ((left == 1 && *p == '.') || (left == 2 && strncmp(p, "..", 2) == 0)) {
			i = n;
		} else {
			size_t k = 1;
			while (k < left && p[k] != '/')
				k++;
			sbuf_add(out, p, k);
			i += k;
		}
	}
}

/* Trim the ASCII whitespace and controls HTML allows around a URL, and
 * drop tabs and newlines inside it (the URL standard). */
static char *strip(const char *s)
{
	size_t n = strlen(s);
	while (n && (unsigned char)s[n - 1] <= ' ')
		n--;
	while (n && (unsigned char)*s <= ' ') {
		s++;
		n--;
	}
	char *o = xmalloc(n + 1); /* not sbuf_addc a byte: 30 instructions each */
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
			o[k++] = s[i];
	o[k] = '\0';
	return o;
}

char *html_resolve_url(const char *base, const char *ref)
{
	char *r = strip(ref);
	if (!base || !*base)
		return r;
	char *bs = strip(base);
	struct uri R, B;
	uri_split(r, &R);
	uri_split(bs, &B);
	if (!B.has_scheme) { /* not an absolute base: nothing to resolve against */
		free(bs);
		return r;
	}
	struct sbuf out = SBUF_INIT, path = SBUF_INIT;
	const struct uri *auth_from = &R, *query_from = &R;
	if (R.has_scheme) {
		sbuf_add(&out, R.scheme, R.lscheme);
		remove_dots(R.path, R.lpath, &path);
	} else {
		sbuf_add(&out, B.scheme, B.lscheme);
		if (R.has_auth) {
			remove_dots(R.path, R.lpath, &path);
		} else {
			auth_from = &B;
			if (R.lpath == 0) {
				sbuf_add(&path, B.path, B.lpath);
				if (!R.has_query)
					query_from = &B;
			} else if (R.path[0] == '/') {
				remove_dots(R.path, R.lpath, &path);
			} else {
				struct sbuf merged = SBUF_INIT;
				if (B.has_auth && B.lpath == 0) {
					sbuf_addc(&merged, '/');
				} else {
					size_t k = B.lpath;
					while (k > 0 && B.path[k - 1] != '/')
						k--;
					sbuf_add(&merged, B.path, k);
				}
				sbuf_add(&merged, R.path, R.lpath);
				remove_dots(merged.s, merged.len, &path);
				sbuf_free(&merged);
			}
		}
	}
	for (size_t i = 0; i < out.len; i++) /* schemes are case-insensitive */
		out.s[i] = (char)tolower((unsigned char)out.s[i]);
	sbuf_addc(&out, ':');
	if (auth_from->has_auth) {
		sbuf_addstr(&out, "//");
		sbuf_add(&out, auth_from->auth, auth_from->lauth);
	}
	sbuf_add(&out, sbuf_str(&path), path.len);
	if (query_from->has_query) {
		sbuf_addc(&out, '?');
		sbuf_add(&out, query_from->query, query_from->lquery);
	}
	if (R.has_frag) {
		sbuf_addc(&out, '#');
		sbuf_add(&out, R.frag, R.lfrag);
	}
	sbuf_free(&path);
	free(r);
	free(bs);
	return sbuf_detach(&out);
}

char *html_url_host(const char *url)
{
	struct uri u;
	uri_split(url, &u);
	if (!u.has_auth)
		return NULL;
	const char *a = u.auth;
	size_t n = u.lauth;
	const char *at = memchr(a, '@', n);
	if (at) {
		n -= (size_t)(at + 1 - a);
		a = at + 1;
	}
	size_t k = 0;
	while (k < n && a[k] != ':')
		k++;
	if (k == 0)
		return NULL;
	char *h = xstrndup(a, k);
	for (char *p = h; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	return h;
}
