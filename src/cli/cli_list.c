/*
 * cli_list.c: the commands that print many articles or groups: list,
 * search, langs, sources, stats; and the TSV / JSON row writers.
 */
#include "diglot/common.h"
#include "diglot/cli.h"
#include "diglot/json.h"
#include "diglot/tokenize.h"
#include "diglot/utf8.h"

#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define PAGE_ROWS 1000
#define SEARCH_DEFAULT_LIMIT 100

/* A field for one TSV cell: terminal-safe, tabs and newlines as spaces. */
void cli_tsv_field(const char *s)
{
	char *clean = utf8_sanitize(s, strlen(s), false);
	for (char *p = clean; *p; p++)
		if (*p == '\t' || *p == '\n' || *p == '\r')
			*p = ' ';
	fputs(clean, stdout);
	free(clean);
}

static void item_langs(const struct store_item *it, char out[2 * LANG_CODE_SIZE + 1])
{
	snprintf(out, 2 * LANG_CODE_SIZE + 1, "%s%s%s", it->lang, it->lang2[0] ? "+" : "", it->lang2);
}

/* The columns scripts rely on come first and stay in place; new ones
 * (date, url) were added at the end. */
void cli_tsv_header(void)
{
	fputs("id\tlang\tsource\tread\tbookmarked\ttitle\tdate\turl\n", stdout);
}

/* A date as ISO 8601 UTC into buf; "" for none (0). */
static const char *iso_date(int64_t date, char buf[32])
{
	time_t t = (time_t)date;
	struct tm tm;
	buf[0] = '\0';
	if (date && gmtime_r(&t, &tm))
		strftime(buf, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
	return buf;
}

void cli_item_tsv(const struct store_item *it)
{
	char langs[2 * LANG_CODE_SIZE + 1], date[32];
	item_langs(it, langs);
	printf("%" PRId64 "\t%s\t", it->id, langs);
	cli_tsv_field(it->source ? it->source : "");
	printf("\t%d\t%d\t", it->read, it->bookmarked);
	cli_tsv_field(it->title ? it->title : "");
	printf("\t%s\t", iso_date(it->date, date));
	cli_tsv_field(it->url ? it->url : "");
	putchar('\n');
}

static void json_date(struct sbuf *b, int64_t date)
{
	char buf[32];
	if (!*iso_date(date, buf))
		sbuf_addstr(b, "null");
	else
		json_string(b, buf);
}

void cli_item_json_fields(struct sbuf *b, const struct store_item *it, bool *first)
{
	json_key(b, "id", first);
	sbuf_addf(b, "%" PRId64, it->id);
	json_key(b, "title", first);
	json_string(b, it->title);
	json_key(b, "source", first);
	json_string(b, it->source);
	json_key(b, "langs", first);
	sbuf_addc(b, '[');
	if (it->lang[0])
		json_string(b, it->lang);
	if (it->lang2[0]) {
		sbuf_addc(b, ',');
		json_string(b, it->lang2);
	}
	sbuf_addc(b, ']');
	json_key(b, "bilingual", first);
	sbuf_addstr(b, it->lang2[0] ? "true" : "false");
	json_key(b, "read", first);
	sbuf_addstr(b, it->read ? "true" : "false");
	json_key(b, "bookmarked", first);
	sbuf_addstr(b, it->bookmarked ? "true" : "false");
	json_key(b, "date", first);
	json_date(b, it->date);
	json_key(b, "path", first);
	json_string(b, it->path);
	json_key(b, "url", first);
	json_string(b, it->url);
	json_key(b, "story", first);
	if (it->story)
		sbuf_addf(b, "%" PRId64, it->story);
	else
		sbuf_addstr(b, "null");
	if (it->snippet) {
		json_key(b, "snippet", first);
		json_string(b, it->snippet);
	}
}

bool cli_parse_id(const char *s, int64_t *id)
{
	char *end;
	if (!*s || *s == '-' || *s == '+')
		return false;
	long long v = strtoll(s, &end, 10);
	if (*end || v <= 0)
		return false;
	*id = v;
	return true;
}

/* ---- list and search --------------------------------------------------- */

struct list_args {
	struct store_filter f;
	enum cli_format format;
	long limit; /* -1: none */
	enum store_order order;
};

struct printer {
	enum cli_format format;
	long printed, limit;
	int64_t last_id;
	int rows;
};

static int print_item(void *ctx, const struct store_item *it)
{
	struct printer *p = ctx;
	if (p->limit >= 0 && p->printed >= p->limit)
		return 1;
	if (p->format == FORMAT_JSON) {
		struct sbuf b = SBUF_INIT;
		bool first = true;
		sbuf_addc(&b, '{');
		cli_item_json_fields(&b, it, &first);
		sbuf_addstr(&b, "}\n");
		fputs(sbuf_str(&b), stdout);
		sbuf_free(&b);
	} else {
		cli_item_tsv(it);
	}
	p->printed++;
	p->rows++;
	p->last_id = it->id;
	return 0;
}

/* Language codes are ASCII and stored lower-case; a user may type `ZH`. */
static const char *lower_code(char *code)
{
	for (char *p = code; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	return code;
}

/* --lang again: every filter must hold, so two languages are the
 * articles in both (a bilingual pair); a third can never hold. */
static int add_lang(const char *cmd, struct store_filter *f, char *code)
{
	lower_code(code);
	if (!f->lang || strcmp(f->lang, code) == 0)
		f->lang = code;
	else if (!f->other_lang || strcmp(f->other_lang, code) == 0)
		f->other_lang = code;
	else
		return cli_error(EXIT_USAGE, cmd, "an article has at most two languages (--lang %s, %s, %s)",
		                 f->lang, f->other_lang, code);
	return EXIT_OK;
}

static int add_source(const char *cmd, struct store_filter *f, const char *name)
{
	if (f->source && strcmp(f->source, name) != 0)
		return cli_error(EXIT_USAGE, cmd, "an article has one source ('%s' and '%s' given)",
		                 f->source, name);
	f->source = name;
	return EXIT_OK;
}

/* --read and --unread: no article is both; said rather than silently
 * letting the last one win. */
static int set_read(const char *cmd, struct store_filter *f, int read)
{
	if (f->read >= 0 && f->read != read)
		return cli_error(EXIT_USAGE, cmd, "--read and --unread contradict each other");
	f->read = read;
	return EXIT_OK;
}

/* Options shared by list and search; positional words go to *words. */
static int parse_list_args(const char *cmd, int argc, char **argv, struct list_args *a,
                           bool allow_order, struct sbuf *words)
{
	enum { O_LANG = 256, O_SOURCE, O_UNREAD, O_READ, O_BOOKMARKED, O_BILINGUAL, O_FORMAT, O_LIMIT, O_ORDER,
	       O_STORY };
	static const struct option opts[] = {
		{"lang", required_argument, NULL, O_LANG},
		{"source", required_argument, NULL, O_SOURCE},
		{"unread", no_argument, NULL, O_UNREAD},
		{"read", no_argument, NULL, O_READ},
		{"bookmarked", no_argument, NULL, O_BOOKMARKED},
		{"bilingual", no_argument, NULL, O_BILINGUAL},
		{"format", required_argument, NULL, O_FORMAT},
		{"limit", required_argument, NULL, O_LIMIT},
		{"order", required_argument, NULL, O_ORDER},
		{"story", required_argument, NULL, O_STORY},
		{NULL, 0, NULL, 0},
	};
	int o, rc = EXIT_OK;
	for (bool first = true; rc == EXIT_OK && (o = cli_getopt(argc, argv, opts, first)) != -1;
	     first = false) {
		char *end;
		switch (o) {
		case O_LANG: rc = add_lang(cmd, &a->f, optarg); break;
		case O_SOURCE: rc = add_source(cmd, &a->f, optarg); break;
		case O_UNREAD: rc = set_read(cmd, &a->f, 0); break;
		case O_READ: rc = set_read(cmd, &a->f, 1); break;
		case O_BOOKMARKED: a->f.bookmarked = true; break;
		case O_BILINGUAL: a->f.bilingual = true; break;
		case O_STORY:
			if (!cli_parse_id(optarg, &a->f.story))
				return cli_error(EXIT_USAGE, cmd, "--story needs a story ID, not '%s'", optarg);
			break;
		case O_FORMAT:
			if (strcmp(optarg, "tsv") == 0)
				a->format = FORMAT_TSV;
			else if (strcmp(optarg, "json") == 0)
				a->format = FORMAT_JSON;
			else
				return cli_error(EXIT_USAGE, cmd, "unknown format '%s' (tsv or json)", optarg);
			break;
		case O_LIMIT:
			a->limit = strtol(optarg, &end, 10);
			if (*end || end == optarg || a->limit < 0)
				return cli_error(EXIT_USAGE, cmd, "--limit needs a number, not '%s'", optarg);
			break;
		case O_ORDER:
			if (!allow_order)
				return cli_error(EXIT_USAGE, cmd, "unknown option '--order'");
			if (strcmp(optarg, "date") == 0)
				a->order = ORDER_DATE;
			else if (strcmp(optarg, "title") == 0)
				a->order = ORDER_TITLE;
			else if (strcmp(optarg, "source") == 0)
				a->order = ORDER_SOURCE;
			else
				return cli_error(EXIT_USAGE, cmd, "unknown order '%s' (date, title or source)", optarg);
			break;
		default:
			return cli_option_error(cmd, o, argv);
		}
	}
	if (rc != EXIT_OK)
		return rc;
	for (int i = optind; i < argc; i++) {
		if (!words)
			return cli_error(EXIT_USAGE, cmd, "unexpected argument '%s'", argv[i]);
		if (words->len)
			sbuf_addc(words, ' ');
		sbuf_addstr(words, argv[i]);
	}
	return EXIT_OK;
}

static int run_list(struct cli *c, const struct list_args *a)
{
	struct store *st = cli_store_read(c);
	if (!st)
		return EXIT_FAIL;
	struct printer p = {a->format, 0, a->limit, 0, 0};
	if (a->format == FORMAT_TSV)
		cli_tsv_header();
	/* TSV has no snippet column: making one re-reads and re-tokenizes each
	 * article, most of a search's time. */
	struct store_page page = {0, false, 0, PAGE_ROWS, a->format != FORMAT_JSON};
	do {
		/* Ask for no more rows than --limit leaves: each search row is
		 * read (and its snippet made) before it is printed or dropped. */
		page.limit = p.limit < 0 ? PAGE_ROWS : (int)MIN(PAGE_ROWS, p.limit - p.printed);
		p.rows = 0;
		if (store_list(st, &a->f, a->order, &page, print_item, &p) != DG_OK)
			return cli_error(EXIT_FAIL, "list", "%s", store_error(st));
		page.after_id = p.last_id;
		page.offset += p.rows;
	} while (p.rows == page.limit && page.limit > 0 && (p.limit < 0 || p.printed < p.limit));
	return EXIT_OK;
}

int cmd_list(struct cli *c, int argc, char **argv)
{
	struct list_args a = {STORE_FILTER_ALL, FORMAT_TSV, -1, ORDER_DATE};
	int rc = parse_list_args("list", argc, argv, &a, true, NULL);
	return rc ? rc : run_list(c, &a);
}

int cmd_search(struct cli *c, int argc, char **argv)
{
	struct list_args a = {STORE_FILTER_ALL, FORMAT_TSV, SEARCH_DEFAULT_LIMIT, ORDER_DATE};
	struct sbuf q = SBUF_INIT;
	int rc = parse_list_args("search", argc, argv, &a, false, &q);
	if (rc == EXIT_OK && q.len == 0)
		rc = cli_error(EXIT_USAGE, "search", "needs a QUERY");
	char *match = NULL, *cause = NULL;
	/* Over the limits is a usage error, said before any output. */
	if (rc == EXIT_OK && tokenize_fts_query(sbuf_str(&q), &match, &cause) != DG_OK) {
		rc = cli_error(EXIT_USAGE, "search", "%s", cause);
		free(cause);
	}
	free(match);
	if (rc == EXIT_OK) {
		a.f.query = sbuf_str(&q);
		rc = run_list(c, &a);
	}
	sbuf_free(&q);
	return rc;
}

/* ---- langs, sources, stats ----------------------------------------------- */

/* --format for langs, sources and stats.  Without it they print what
 * they always printed (scripts read it); tsv adds a header, json is one
 * object a line. */
int cli_parse_format_only(int argc, char **argv, enum cli_format *fmt)
{
	static const struct option opts[] = {{"format", required_argument, NULL, 'f'}, {NULL, 0, NULL, 0}};
	int o;
	*fmt = FORMAT_TEXT;
	for (bool first = true; (o = cli_getopt(argc, argv, opts, first)) != -1; first = false) {
		if (o != 'f')
			return cli_option_error(argv[0], o, argv);
		if (strcmp(optarg, "tsv") == 0)
			*fmt = FORMAT_TSV;
		else if (strcmp(optarg, "json") == 0)
			*fmt = FORMAT_JSON;
		else
			return cli_error(EXIT_USAGE, argv[0], "unknown format '%s' (tsv or json)", optarg);
	}
	if (optind < argc)
		return cli_error(EXIT_USAGE, argv[0], "unexpected argument '%s'", argv[optind]);
	return EXIT_OK;
}

struct group_printer {
	enum cli_format format;
	const char *key; /* "lang" or "source" */
};

static int print_group(void *ctx, const struct store_group_row *g)
{
	const struct group_printer *gp = ctx;
	if (gp->format == FORMAT_JSON) {
		struct sbuf b = SBUF_INIT;
		bool first = true;
		sbuf_addc(&b, '{');
		json_key(&b, gp->key, &first);
		json_string(&b, g->name);
		json_key(&b, "articles", &first);
		sbuf_addf(&b, "%" PRId64, g->total);
		json_key(&b, "unread", &first);
		sbuf_addf(&b, "%" PRId64 "}\n", g->unread);
		fputs(sbuf_str(&b), stdout);
		sbuf_free(&b);
		return 0;
	}
	cli_tsv_field(g->name);
	printf("\t%" PRId64 "\t%" PRId64 "\n", g->total, g->unread);
	return 0;
}

int cmd_groups(struct cli *c, int argc, char **argv)
{
	bool langs = strcmp(argv[0], "langs") == 0;
	struct group_printer gp = {FORMAT_TEXT, langs ? "lang" : "source"};
	int rc = cli_parse_format_only(argc, argv, &gp.format);
	if (rc != EXIT_OK)
		return rc;
	struct store *st = cli_store_read(c);
	if (!st)
		return EXIT_FAIL;
	if (gp.format == FORMAT_TSV)
		printf("%s\tarticles\tunread\n", gp.key);
	if (store_groups(st, langs ? GROUP_LANG : GROUP_SOURCE, print_group, &gp) != DG_OK)
		return cli_error(EXIT_FAIL, argv[0], "%s", store_error(st));
	return EXIT_OK;
}

/* The figures of stats in order: the TSV header and the JSON keys. */
static const char *const stats_keys[] = {"articles", "unread", "bookmarked", "bilingual",
                                         "languages", "sources", "text_bytes", "bytes"};

static void stats_values(const struct store_stats *s, int64_t v[ARRAY_SIZE(stats_keys)])
{
	int64_t all[] = {s->articles, s->unread, s->bookmarked, s->bilingual,
	                 s->langs, s->sources, s->text_bytes, s->bytes};
	memcpy(v, all, sizeof all);
}

static void print_stats_machine(const char *path, const struct store_stats *s, enum cli_format fmt)
{
	int64_t v[ARRAY_SIZE(stats_keys)];
	stats_values(s, v);
	if (fmt == FORMAT_TSV) {
		fputs("library", stdout);
		for (size_t i = 0; i < ARRAY_SIZE(stats_keys); i++)
			printf("\t%s", stats_keys[i]);
		putchar('\n');
		cli_tsv_field(path);
		for (size_t i = 0; i < ARRAY_SIZE(stats_keys); i++)
			printf("\t%" PRId64, v[i]);
		putchar('\n');
		return;
	}
	struct sbuf b = SBUF_INIT;
	bool first = true;
	sbuf_addc(&b, '{');
	json_key(&b, "library", &first);
	json_string(&b, path);
	for (size_t i = 0; i < ARRAY_SIZE(stats_keys); i++) {
		json_key(&b, stats_keys[i], &first);
		sbuf_addf(&b, "%" PRId64, v[i]);
	}
	sbuf_addstr(&b, "}\n");
	fputs(sbuf_str(&b), stdout);
	sbuf_free(&b);
}

int cmd_stats(struct cli *c, int argc, char **argv)
{
	enum cli_format fmt;
	int rc = cli_parse_format_only(argc, argv, &fmt);
	if (rc != EXIT_OK)
		return rc;
	struct store *st = cli_store_read(c);
	if (!st)
		return EXIT_FAIL;
	struct store_stats s;
	if (store_stats(st, &s) != DG_OK)
		return cli_error(EXIT_FAIL, "stats", "%s", store_error(st));
	if (fmt != FORMAT_TEXT) {
		print_stats_machine(store_path(st), &s, fmt);
		return EXIT_OK;
	}
	printf("library:    %s\n", store_path(st));
	printf("articles:   %" PRId64 "\n", s.articles);
	printf("unread:     %" PRId64 "\n", s.unread);
	printf("bookmarked: %" PRId64 "\n", s.bookmarked);
	printf("bilingual:  %" PRId64 "\n", s.bilingual);
	printf("languages:  %" PRId64 "\n", s.langs);
	printf("sources:    %" PRId64 "\n", s.sources);
	printf("text:       %.1f MiB\n", (double)s.text_bytes / (1024.0 * 1024.0));
	printf("size:       %.1f MiB\n", (double)s.bytes / (1024.0 * 1024.0));
	return EXIT_OK;
}
