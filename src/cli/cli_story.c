/*
 * cli_story.c: the story commands: `diglot stories` (the articles linked
 * at import as reports of one event) and `diglot unlink` (break a wrong
 * link for good).  `list --story ID` and `show --beside` are in
 * cli_list.c and cli_show.c.
 */
#include "diglot/common.h"
#include "diglot/cli.h"
#include "diglot/json.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int print_story(void *ctx, const struct store_story *s)
{
	const enum cli_format *fmt = ctx;
	if (*fmt != FORMAT_JSON) {
		printf("%" PRId64 "\t", s->id);
		cli_tsv_field(s->langs);
		printf("\t%" PRId64 "\t", s->articles);
		cli_tsv_field(s->title);
		putchar('\n');
		return 0;
	}
	struct sbuf b = SBUF_INIT;
	bool first = true;
	sbuf_addc(&b, '{');
	json_key(&b, "id", &first);
	sbuf_addf(&b, "%" PRId64, s->id);
	json_key(&b, "langs", &first);
	sbuf_addc(&b, '[');
	for (const char *p = s->langs; *p;) {
		size_t n = strcspn(p, ",");
		if (p != s->langs)
			sbuf_addc(&b, ',');
		json_string_n(&b, p, n);
		p += n + (p[n] == ',');
	}
	sbuf_addc(&b, ']');
	json_key(&b, "articles", &first);
	sbuf_addf(&b, "%" PRId64, s->articles);
	json_key(&b, "first", &first);
	sbuf_addf(&b, "%" PRId64, s->first);
	json_key(&b, "title", &first);
	json_string(&b, s->title);
	sbuf_addstr(&b, "}\n");
	fputs(sbuf_str(&b), stdout);
	sbuf_free(&b);
	return 0;
}

int cmd_stories(struct cli *c, int argc, char **argv)
{
	enum cli_format fmt;
	int rc = cli_parse_format_only(argc, argv, &fmt);
	if (rc != EXIT_OK)
		return rc;
	struct store *st = cli_store_read(c);
	if (!st)
		return EXIT_FAIL;
	if (fmt == FORMAT_TSV)
		fputs("story\tlangs\tarticles\ttitle\n", stdout);
	if (store_stories(st, print_story, &fmt) != DG_OK)
		return cli_error(EXIT_FAIL, "stories", "%s", store_error(st));
	return EXIT_OK;
}

static enum dg_status unlink_one(struct store *st, int64_t id, void *ctx)
{
	(void)ctx;
	return store_story_unlink(st, id);
}

int cmd_unlink(struct cli *c, int argc, char **argv)
{
	return cli_for_ids(c, argc, argv, unlink_one, NULL, "in no story");
}
