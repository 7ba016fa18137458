/*
 * feed-dump.c: the feed parser's result as JSON, for the feed benchmark
 * (tests/bench/feeds/score.py).  Reads lines "PATH<TAB>CHARSET<TAB>URL"
 * on stdin (CHARSET and URL may be empty) and prints one JSON object per
 * line; with --dates, reads date strings and prints the Unix time or "-".
 */
#include "diglot/common.h"
#include "diglot/feed.h"
#include "diglot/feed_date.h"
#include "diglot/json.h"
#include "diglot/sbuf.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	struct sbuf b = SBUF_INIT;
	char buf[65536];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		sbuf_add(&b, buf, n);
	fclose(f);
	*len = b.len;
	return b.s ? b.s : xstrdup("");
}

static void field(struct sbuf *b, const char *k, const char *v, bool *first)
{
	json_key(b, k, first);
	json_string(b, v ? v : "");
}

static void dump(struct sbuf *b, const char *path, const char *charset, const char *url)
{
	size_t len = 0;
	char *bytes = slurp(path, &len);
	bool first = true;
	sbuf_addc(b, '{');
	field(b, "path", path, &first);
	if (!bytes) {
		field(b, "error", "cannot read", &first);
		sbuf_addstr(b, "}\n");
		return;
	}
	struct feed f = {0};
	char *cause = NULL;
	if (feed_parse(bytes, len, *url ? url : NULL, *charset ? charset : NULL, &f, &cause) != DG_OK) {
		field(b, "error", cause, &first);
		free(cause);
	} else {
		static const char *const kinds[] = {"rss", "rdf", "atom", "json"};
		field(b, "kind", kinds[f.kind], &first);
		field(b, "title", f.title, &first);
		field(b, "link", f.link, &first);
		field(b, "lang", f.lang, &first);
		field(b, "encoding", f.encoding, &first);
		json_key(b, "items", &first);
		sbuf_addc(b, '[');
		for (size_t i = 0; i < f.nitems; i++) {
			const struct feed_item *it = &f.items[i];
			bool fi = true;
			sbuf_addstr(b, i ? ",{" : "{");
			field(b, "id", it->id, &fi);
			field(b, "link", it->link, &fi);
			field(b, "title", it->title, &fi);
			field(b, "author", it->author, &fi);
			field(b, "source", it->source, &fi);
			field(b, "lang", it->lang, &fi);
			field(b, "base", it->base, &fi);
			field(b, "content", it->content, &fi);
			json_key(b, "content_html", &fi);
			sbuf_addstr(b, it->content_html ? "true" : "false");
			json_key(b, "date", &fi);
			sbuf_addf(b, "%" PRId64, it->date);
			char *key = feed_item_key(it);
			field(b, "key", key, &fi);
			free(key);
			sbuf_addc(b, '}');
		}
		sbuf_addc(b, ']');
	}
	feed_free(&f);
	free(bytes);
	sbuf_addstr(b, "}\n");
}

int main(int argc, char **argv)
{
	bool dates = argc > 1 && strcmp(argv[1], "--dates") == 0;
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	while ((n = getline(&line, &cap, stdin)) > 0) {
		if (line[n - 1] == '\n')
			line[--n] = '\0';
		struct sbuf b = SBUF_INIT;
		if (dates) {
			int64_t t;
			if (feed_date_parse(line, &t))
				sbuf_addf(&b, "%" PRId64 "\n", t);
			else
				sbuf_addstr(&b, "-\n");
		} else {
			char *path = line, *charset = "", *url = "";
			char *tab = strchr(path, '\t');
			if (tab) {
				*tab = '\0';
				charset = tab + 1;
				if ((tab = strchr(charset, '\t'))) {
					*tab = '\0';
					url = tab + 1;
				}
			}
			dump(&b, path, charset, url);
		}
		fwrite(b.s, 1, b.len, stdout);
		fflush(stdout);
		sbuf_free(&b);
	}
	free(line);
	return 0;
}
