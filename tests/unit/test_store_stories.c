/* test_store_stories.c: the sidebar's stories (store_stories.h): the
 * newest ones read, those in two languages or more first, the limit and
 * the scan respected, the counts and the earliest article's title. */
#include "t.h"
#include "diglot/files.h"
#include "diglot/hash.h"
#include "diglot/import.h"
#include "diglot/sbuf.h"
#include "diglot/store_stories.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char tmpdir[64];

static int64_t put_text(struct store *st, const char *name, const char *text)
{
	struct article a = {0};
	char *why = NULL;
	if (import_bytes(text, strlen(text), NULL, &a, &why) != DG_OK) {
		fprintf(stderr, "%s: %s\n", name, why);
		free(why);
		return 0;
	}
	uint8_t sha[32];
	hash_sha256(text, strlen(text), sha);
	char *path = xasprintf("%s/%s", tmpdir, name);
	int64_t id = 0;
	enum store_put what;
	struct evidence ev;
	evidence_extract(&a, &ev);
	if (store_put_article(st, &a, path, sha, HASH_KEY_SIZE, a.date, &id, &what) != DG_OK ||
	    store_story_link(st, id, a.date, &ev) != DG_OK) {
		fprintf(stderr, "%s: %s\n", name, store_error(st));
		id = 0;
	}
	evidence_free(&ev);
	article_free(&a);
	free(path);
	return id;
}

/* A file of tests/fixtures/story, stored. */
static int64_t put_fixture(struct store *st, const char *name)
{
	char *path = xasprintf("%s/tests/fixtures/story/%s", TEST_SRCDIR, name);
	size_t len;
	char *text = files_read(path, 1 << 20, &len);
	int64_t id = text ? put_text(st, name, text) : 0;
	if (!text)
		fprintf(stderr, "cannot read %s\n", path);
	free(text);
	free(path);
	return id;
}

struct seen {
	struct sbuf b;
	int calls, stop_after;
};

static int one(void *ctx, const struct store_story_sum *s)
{
	struct seen *v = ctx;
	sbuf_addf(&v->b, "%lld %s %d %lld/%lld %s\n", (long long)s->id, s->langs, s->nlangs,
	          (long long)s->articles, (long long)s->unread, s->title);
	return ++v->calls == v->stop_after;
}

/* What store_stories_recent(limit, scan) gives, one story a line. */
static char *recent(struct store *st, size_t limit, size_t scan, int stop_after)
{
	struct seen v = {SBUF_INIT, 0, stop_after};
	CHECK_INT(store_stories_recent(st, limit, scan, one, &v), DG_OK);
	return sbuf_detach(&v.b);
}

#define CHECK_RECENT(st, limit, scan, stop, want) do { \
	char *got_ = recent(st, limit, scan, stop); \
	CHECK_STR(got_, want); \
	free(got_); \
} while (0)

static void test_recent(void)
{
	char *path = xasprintf("%s/lib.db", tmpdir), *err = NULL;
	struct store *st;
	CHECK_INT(store_open(&st, path, &err), DG_OK);
	/* Story 1, the satellite launch (de, es, zh; the French contract is
	 * its distractor), then 2, the port strike (en, fr, it; March's
	 * stoppage is not in it), then 3, the bakery prize twice in English. */
	static const char *const files[] = {
		"de-orbitra-launch.txt", "en-bakery-award.txt", "en-port-strike-march.txt",
		"en-port-strike.txt", "es-orbitra-launch.txt", "fr-orbitra-contract.txt",
		"fr-port-strike.txt", "it-port-strike.txt", "zh-orbitra-launch.txt",
	};
	int64_t ids[ARRAY_SIZE(files)];
	for (size_t i = 0; i < ARRAY_SIZE(files); i++)
		CHECK((ids[i] = put_fixture(st, files[i])) > 0);
	CHECK_RECENT(st, 10, 10, 0,
	             "2 en,fr,it 3 3/3 Dockworkers shut the port of Marvella in 48-hour strike\n"
	             "1 de,es,zh 3 3/3 Orbitra bringt Wettersatelliten Helix-3 ins All\n");
	CHECK(put_text(st, "bakery-again.txt",
	               "Brightwell family bakery in Brightwell wins national bread prize\n\n"
	               "By Ken Adler, Hill Gazette\nOctober 8, 2025\n\n"
	               "A family bakery in Brightwell wins the national sourdough prize, beating 312 "
	               "entries. Owner Samuel Ortiz said the winning loaf used flour from a mill two "
	               "streets away.") > 0);
	CHECK_INT(store_set_flag(st, ids[1], FLAG_READ, 1, NULL), DG_OK);
	/* The newest story is in English alone: it comes last. */
	CHECK_RECENT(st, 10, 10, 0,
	             "2 en,fr,it 3 3/3 Dockworkers shut the port of Marvella in 48-hour strike\n"
	             "1 de,es,zh 3 3/3 Orbitra bringt Wettersatelliten Helix-3 ins All\n"
	             "3 en 1 2/1 Family bakery in Brightwell wins national bread prize\n");
	/* At most limit: the others first. */
	CHECK_RECENT(st, 2, 10, 0,
	             "2 en,fr,it 3 3/3 Dockworkers shut the port of Marvella in 48-hour strike\n"
	             "1 de,es,zh 3 3/3 Orbitra bringt Wettersatelliten Helix-3 ins All\n");
	/* Only the newest scan are read: the oldest is left out. */
	CHECK_RECENT(st, 10, 2, 0,
	             "2 en,fr,it 3 3/3 Dockworkers shut the port of Marvella in 48-hour strike\n"
	             "3 en 1 2/1 Family bakery in Brightwell wins national bread prize\n");
	CHECK_RECENT(st, 10, 1, 0, "3 en 1 2/1 Family bakery in Brightwell wins national bread prize\n");
	CHECK_RECENT(st, 10, 0, 0, "");
	/* The callback stops it. */
	CHECK_RECENT(st, 10, 10, 1, "2 en,fr,it 3 3/3 Dockworkers shut the port of Marvella in 48-hour strike\n");
	/* A story left with one article is none. */
	CHECK_INT(store_story_unlink(st, ids[1]), DG_OK);
	CHECK_RECENT(st, 10, 10, 0,
	             "2 en,fr,it 3 3/3 Dockworkers shut the port of Marvella in 48-hour strike\n"
	             "1 de,es,zh 3 3/3 Orbitra bringt Wettersatelliten Helix-3 ins All\n");
	store_close(&st);
	free(path);
	free(err);
}

int main(void)
{
	snprintf(tmpdir, sizeof tmpdir, "/tmp/test_store_stories.XXXXXX");
	if (!mkdtemp(tmpdir)) {
		perror("mkdtemp");
		return 1;
	}
	test_recent();
	char *cmd = xasprintf("rm -rf '%s'", tmpdir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", tmpdir);
	free(cmd);
	return t_done();
}
