/*
 * cli_show.c: `diglot show ID`: the article as the pager lays it out
 * (text), or as one JSON object with paragraphs and aligned rows.
 */
#include "diglot/common.h"
#include "diglot/cli.h"
#include "diglot/json.h"
#include "diglot/layout.h"
#include "diglot/sentence.h"
#include "diglot/story.h"
#include "diglot/utf8.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <unistd.h>

#define SHOW_MIN_WIDTH 20
#define SHOW_MAX_WIDTH 1000

static int terminal_width(void)
{
	struct winsize ws;
	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	const char *cols = getenv("COLUMNS");
	int n = cols ? atoi(cols) : 0;
	return n > 0 ? n : 80;
}

/* The "Also in" line of article id's story, as the pager has it. */
static char *also_in(struct store *st, int64_t id)
{
	struct store_story_member *m;
	size_t n;
	if (!id || store_story_members(st, id, &m, &n) != DG_OK)
		return xstrdup("");
	const char **langs = xcalloc(2 * n + 1, sizeof *langs);
	for (size_t i = 0; i < n; i++) {
		langs[2 * i] = m[i].lang;
		langs[2 * i + 1] = m[i].lang2;
	}
	char *s = story_also_in(langs, 2 * n);
	free(langs);
	free(m);
	return s;
}

static void print_text(const struct article *a, int view, int width, const char *also)
{
	struct layout l = {0};
	layout_article(&l, a, (enum layout_view)view, width);
	story_add_also(&l, also, width);
	for (size_t i = 0; i < l.n; i++) {
		/* layout lines are clean already; sanitising again costs little
		 * and keeps a hostile library from reaching the terminal. */
		char *line = utf8_sanitize(l.lines[i].text, strlen(l.lines[i].text), false);
		puts(line);
		free(line);
	}
	layout_free(&l);
}

/* Text of a row side's n paragraphs from first on (row_nth), joined by blank lines. */
static void json_row_side(struct sbuf *b, const struct article *a, uint32_t first, uint32_t n)
{
	struct sbuf t = SBUF_INIT;
	size_t i = first;
	for (uint32_t k = 0; k < n && i < a->npara; k++, i = row_nth(a, i, 1)) {
		if (k)
			sbuf_addstr(&t, "\n\n");
		sbuf_addstr(&t, a->paras[i].text);
	}
	json_string_n(b, sbuf_str(&t), t.len);
	sbuf_free(&t);
}

/* ,"sentences":[{"left":..,"right":..},..] for a row of one paragraph
 * beside one whose sentences pair with confidence; nothing otherwise. */
static void json_row_sentences(struct sbuf *b, const struct article *a, const struct row *r)
{
	struct sent_pair *v = NULL;
	size_t n = 0;
	if (r->nleft != 1 || r->nright != 1 || r->left >= a->npara || r->right >= a->npara)
		return;
	const char *lt = a->paras[r->left].text, *rt = a->paras[r->right].text;
	if (!sentence_pairs(lt, strlen(lt), rt, strlen(rt), 0, &v, &n))
		return;
	sbuf_addstr(b, ",\"sentences\":[");
	for (size_t k = 0; k < n; k++) {
		sbuf_addstr(b, k ? ",{\"left\":" : "{\"left\":");
		json_string_n(b, lt + v[k].left.off, v[k].left.len);
		sbuf_addstr(b, ",\"right\":");
		json_string_n(b, rt + v[k].right.off, v[k].right.len);
		sbuf_addc(b, '}');
	}
	sbuf_addc(b, ']');
	free(v);
}

static void print_json(const struct article *a, const struct store_meta *m, int64_t story)
{
	struct sbuf b = SBUF_INIT;
	struct store_item it = {0};
	bool first = true;
	it.id = m->id;
	it.date = m->date;
	memcpy(it.lang, a->lang, LANG_CODE_SIZE);
	memcpy(it.lang2, a->lang2, LANG_CODE_SIZE);
	it.title = a->title;
	it.source = a->source;
	it.url = a->url;
	it.path = m->path;
	it.read = m->read;
	it.bookmarked = m->bookmarked;
	it.story = story;

	sbuf_addc(&b, '{');
	cli_item_json_fields(&b, &it, &first);
	json_key(&b, "author", &first);
	json_string(&b, a->author ? a->author : "");
	json_key(&b, "paragraphs", &first);
	sbuf_addc(&b, '[');
	for (size_t i = 0; i < a->npara; i++) {
		const struct para *p = &a->paras[i];
		static const char *kinds[] = {"body", "title", "meta"};
		sbuf_addstr(&b, i ? ",{" : "{");
		bool f2 = true;
		json_key(&b, "lang", &f2);
		json_string(&b, p->lang);
		json_key(&b, "side", &f2);
		if (p->side == SIDE_NONE)
			sbuf_addstr(&b, "null");
		else
			sbuf_addf(&b, "%d", p->side);
		json_key(&b, "kind", &f2);
		json_string(&b, p->kind < ARRAY_SIZE(kinds) ? kinds[p->kind] : "body");
		json_key(&b, "text", &f2);
		json_string(&b, p->text);
		sbuf_addc(&b, '}');
	}
	sbuf_addc(&b, ']');
	if (a->lang2[0]) {
		json_key(&b, "rows", &first);
		sbuf_addc(&b, '[');
		for (size_t i = 0; i < a->nrow; i++) {
			const struct row *r = &a->rows[i];
			sbuf_addstr(&b, i ? ",{\"left\":" : "{\"left\":");
			json_row_side(&b, a, r->left, r->nleft);
			sbuf_addstr(&b, ",\"right\":");
			json_row_side(&b, a, r->right, r->nright);
			json_row_sentences(&b, a, r);
			sbuf_addc(&b, '}');
		}
		sbuf_addc(&b, ']');
	}
	sbuf_addstr(&b, "}\n");
	fputs(sbuf_str(&b), stdout);
	sbuf_free(&b);
}

/* show ID --beside ID2: the two articles in two columns (story_beside). */
static int show_beside(struct store *st, const struct article *a, const struct store_meta *m,
                       int64_t id2, const char *arg, bool json, int width)
{
	struct article b = {0}, both;
	struct store_meta m2 = {0};
	int rc = store_get(st, id2, &b, &m2);
	if (rc == DG_NOTFOUND)
		return cli_error(EXIT_FAIL, arg, "no such article");
	if (rc != DG_OK)
		return cli_error(EXIT_FAIL, arg, "%s", store_error(st));
	story_beside(a, &b, &both);
	if (json) {
		print_json(&both, m, 0);
	} else {
		char *also = also_in(st, m->id);
		print_text(&both, VIEW_SIDE, width ? width : terminal_width(), also);
		free(also);
	}
	article_free(&both);
	article_free(&b);
	store_meta_free(&m2);
	return EXIT_OK;
}

int cmd_show(struct cli *c, int argc, char **argv)
{
	enum { O_VIEW = 256, O_WIDTH, O_FORMAT, O_BESIDE };
	static const struct option opts[] = {
		{"view", required_argument, NULL, O_VIEW},
		{"beside", required_argument, NULL, O_BESIDE},
		{"width", required_argument, NULL, O_WIDTH},
		{"format", required_argument, NULL, O_FORMAT},
		{NULL, 0, NULL, 0},
	};
	const char *view_arg = "auto", *beside = NULL;
	int width = 0;
	bool json = false;
	int o;
	for (bool first = true; (o = cli_getopt(argc, argv, opts, first)) != -1; first = false) {
		char *end;
		switch (o) {
		case O_VIEW: view_arg = optarg; break;
		case O_BESIDE: beside = optarg; break;
		case O_WIDTH:
			width = (int)strtol(optarg, &end, 10);
			if (*end || end == optarg || width < SHOW_MIN_WIDTH || width > SHOW_MAX_WIDTH)
				return cli_error(EXIT_USAGE, "show", "--width needs a number from %d to %d, not '%s'",
				                 SHOW_MIN_WIDTH, SHOW_MAX_WIDTH, optarg);
			break;
		case O_FORMAT:
			if (strcmp(optarg, "json") == 0)
				json = true;
			else if (strcmp(optarg, "text") != 0)
				return cli_error(EXIT_USAGE, "show", "unknown format '%s' (text or json)", optarg);
			break;
		default:
			return cli_option_error("show", o, argv);
		}
	}
	if (optind != argc - 1)
		return cli_error(EXIT_USAGE, "show", optind >= argc ? "needs an article ID" : "takes one article ID");
	int64_t id, id2 = 0;
	if (!cli_parse_id(argv[optind], &id))
		return cli_error(EXIT_USAGE, "show", "'%s' is not an article ID", argv[optind]);
	if (beside && !cli_parse_id(beside, &id2))
		return cli_error(EXIT_USAGE, "show", "--beside needs an article ID, not '%s'", beside);

	struct store *st = cli_store_read(c);
	if (!st)
		return EXIT_FAIL;
	struct article a = {0};
	struct store_meta m = {0};
	int rc = store_get(st, id, &a, &m);
	if (rc == DG_NOTFOUND)
		return cli_error(EXIT_FAIL, argv[optind], "no such article");
	if (rc != DG_OK)
		return cli_error(EXIT_FAIL, argv[optind], "%s", store_error(st));

	if (beside) {
		int status = show_beside(st, &a, &m, id2, beside, json, width);
		article_free(&a);
		store_meta_free(&m);
		return status;
	}
	int64_t story = 0;
	if (json && store_story_of(st, id, &story) != DG_OK) {
		article_free(&a);
		store_meta_free(&m);
		return cli_error(EXIT_FAIL, argv[optind], "%s", store_error(st));
	}
	int status = EXIT_OK;
	int view = layout_view_parse(view_arg);
	if (view < 0)
		view = layout_view_for_lang(&a, view_arg);
	/* `--view fr` on a French article: the one side it has is all of it. */
	if (view < 0 && !a.lang2[0] && a.lang[0] && strcasecmp(view_arg, a.lang) == 0)
		view = VIEW_ORIGINAL;
	if (view < 0) {
		status = cli_error(EXIT_USAGE, "show", "unknown view '%s' (auto, original, side-by-side, left, right or a language of the article)", view_arg);
	} else if (json) {
		print_json(&a, &m, story);
	} else {
		char *also = also_in(st, id);
		print_text(&a, view, width ? width : terminal_width(), also);
		free(also);
	}
	article_free(&a);
	store_meta_free(&m);
	return status;
}
