/* test_store.c: unit tests of the store module (SQLite library). */
#include "t.h"
#include "fts.h"
#include "diglot/store.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static char tmpdir[64];

static void make_article(struct article *a, const char *title, const char *source,
                         const char *lang, const char *lang2, const char *body)
{
	memset(a, 0, sizeof *a);
	a->title = xstrdup(title);
	a->source = xstrdup(source);
	a->url = xstrdup("https://example.org/x");
	snprintf(a->lang, sizeof a->lang, "%s", lang);
	snprintf(a->lang2, sizeof a->lang2, "%s", lang2);
	struct para *p = article_add_para(a, body, strlen(body), PARA_BODY);
	snprintf(p->lang, sizeof p->lang, "%s", lang);
}

static int64_t put(struct store *st, const char *title, const char *source, const char *lang,
                   const char *lang2, const char *body, const char *path, int64_t date,
                   enum store_put *what)
{
	struct article a;
	enum store_put w;
	int64_t id = 0;
	char hash[64];
	snprintf(hash, sizeof hash, "%08x%s", (unsigned)strlen(body), title); /* test identity */
	make_article(&a, title, source, lang, lang2, body);
	CHECK_INT(store_put_article(st, &a, path, hash, strlen(hash), date, &id, what ? what : &w), DG_OK);
	article_free(&a);
	return id;
}

/* ---- list collection ---- */
struct ids {
	int64_t v[256];
	int n;
	char snip[256];
};

static int collect(void *ctx, const struct store_item *it)
{
	struct ids *x = ctx;
	if (x->n < 256)
		x->v[x->n++] = it->id;
	if (it->snippet && !x->snip[0])
		snprintf(x->snip, sizeof x->snip, "%s", it->snippet);
	return 0;
}

static struct ids list(struct store *st, const struct store_filter *f, enum store_order o,
                       int64_t after, bool backward, int limit)
{
	struct ids x = {0};
	struct store_page pg = {after, backward, 0, limit, false};
	CHECK_INT(store_list(st, f, o, &pg, collect, &x), DG_OK);
	return x;
}

static int search_n(struct store *st, const char *q, const char *lang)
{
	struct store_filter f = STORE_FILTER_ALL;
	f.query = q;
	f.lang = lang;
	struct ids x = list(st, &f, ORDER_DATE, 0, false, 100);
	int64_t n = -1;
	CHECK_INT(store_count(st, &f, &n), DG_OK);
	CHECK_INT(n, x.n);
	return x.n;
}

static void test_open(void)
{
	char *path = xasprintf("%s/a/b/library.db", tmpdir);
	struct store *st = NULL;
	char *err = NULL;
	mode_t old = umask(0);
	CHECK_INT(store_open(&st, path, &err), DG_OK);
	umask(old);
	struct stat sb;
	CHECK(stat(path, &sb) == 0 && (sb.st_mode & 0777) == 0600);
	char *dir = xasprintf("%s/a/b", tmpdir);
	CHECK(stat(dir, &sb) == 0 && (sb.st_mode & 0777) == 0700);
	CHECK_STR(store_path(st), path);
	store_close(&st);
	CHECK(st == NULL);

	sqlite3 *db;
	CHECK_INT(sqlite3_open(path, &db), SQLITE_OK);
	sqlite3_stmt *s;
	sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &s, NULL);
	CHECK(sqlite3_step(s) == SQLITE_ROW && sqlite3_column_int(s, 0) == 10);
	sqlite3_finalize(s);
	sqlite3_close(db);
	/* Reopening an up-to-date library works. */
	CHECK_INT(store_open(&st, path, &err), DG_OK);
	store_close(&st);

	/* Failures name the file. */
	char *bad = xasprintf("%s/notadb", tmpdir);
	FILE *fp = fopen(bad, "w");
	fputs("this is not a database, not at all, really not one at all\n", fp);
	fclose(fp);
	CHECK_INT(store_open(&st, bad, &err), DG_ERR);
	char *want = xasprintf("cannot open %s: ", bad);
	CHECK(err && strncmp(err, want, strlen(want)) == 0);
	free(err);
	free(want);
	free(bad);
	bad = xasprintf("%s/notadb/x/library.db", tmpdir);
	CHECK_INT(store_open(&st, bad, &err), DG_ERR);
	CHECK(err && strstr(err, bad));
	free(err);
	free(bad);
	free(dir);
	free(path);
}

static void test_default_path(void)
{
	char *p = store_default_path("/x/y.db");
	CHECK_STR(p, "/x/y.db");
	free(p);
	setenv("DIGLOT_DB", "/env.db", 1);
	p = store_default_path(NULL);
	CHECK_STR(p, "/env.db");
	free(p);
	unsetenv("DIGLOT_DB");
	setenv("XDG_DATA_HOME", "/xdg", 1);
	p = store_default_path(NULL);
	CHECK_STR(p, "/xdg/diglot/library.db");
	free(p);
	unsetenv("XDG_DATA_HOME");
	setenv("HOME", "/home/u", 1);
	p = store_default_path(NULL);
	CHECK_STR(p, "/home/u/.local/share/diglot/library.db");
	free(p);
}

static struct store *open_fresh(const char *name)
{
	char *path = xasprintf("%s/%s", tmpdir, name), *err = NULL;
	struct store *st = NULL;
	CHECK_INT(store_open(&st, path, &err), DG_OK);
	free(path);
	free(err);
	return st;
}

static void test_put(void)
{
	struct store *st = open_fresh("put.db");
	enum store_put w;
	int64_t id = put(st, "Title", "Src", "en", "", "body one", "/p/a.txt", 100, &w);
	CHECK_INT(w, PUT_NEW);
	CHECK_INT(store_set_flag(st, id, FLAG_BOOKMARKED, 1, NULL), DG_OK);
	int64_t id2 = put(st, "Title", "Src", "en", "", "body one", "/other.txt", 100, &w);
	CHECK_INT(w, PUT_UNCHANGED);
	CHECK_INT(id2, id);
	id2 = put(st, "Title", "Src2", "fr", "", "body one, changed", "/p/a.txt", 200, &w);
	CHECK_INT(w, PUT_UPDATED);
	CHECK_INT(id2, id);
	struct article a = {0};
	struct store_meta m = {0};
	CHECK_INT(store_get(st, id, &a, &m), DG_OK);
	CHECK(m.bookmarked && !m.read);
	CHECK_STR(a.source, "Src2");
	CHECK_INT(m.date, 200);
	article_free(&a);
	store_meta_free(&m);
	/* stdin articles never update each other by path. */
	put(st, "A", "", "en", "", "stdin one", "-", 1, &w);
	CHECK_INT(w, PUT_NEW);
	put(st, "B", "", "en", "", "stdin two", "-", 1, &w);
	CHECK_INT(w, PUT_NEW);
	/* The groups followed the update: Src is gone, fr is there. */
	int64_t n;
	struct store_filter f = STORE_FILTER_ALL;
	f.source = "Src";
	CHECK_INT(store_count(st, &f, &n), DG_OK);
	CHECK_INT(n, 0);
	f.source = NULL;
	f.lang = "fr";
	CHECK_INT(store_count(st, &f, &n), DG_OK);
	CHECK_INT(n, 1);
	/* A batch rolled back leaves nothing. */
	CHECK_INT(store_begin(st), DG_OK);
	put(st, "C", "", "en", "", "rolled back", "/c", 1, &w);
	store_rollback(st);
	CHECK_INT(store_count(st, &(struct store_filter)STORE_FILTER_ALL, &n), DG_OK);
	CHECK_INT(n, 3);
	store_close(&st);
}

static void test_roundtrip(void)
{
	struct store *st = open_fresh("rt.db");
	struct article a = {0}, b = {0};
	a.title = xstrdup("双语 Title");
	a.source = xstrdup("");
	a.url = xstrdup("");
	a.author = xstrdup("Ada L. 李");
	strcpy(a.lang, "zh");
	strcpy(a.lang2, "en");
	static const char *const texts[] = {"标题", "第一段。\n硬换行", "", "line ends\n",
	                                    "\nstarts with newline", "Title", "Para one.", "emoji 😀 e\xcc\x81"};
	for (size_t i = 0; i < ARRAY_SIZE(texts); i++) {
		struct para *p = article_add_para(&a, texts[i], strlen(texts[i]),
		                                  i == 0 || i == 5 ? PARA_TITLE : i == 7 ? PARA_META : PARA_BODY);
		strcpy(p->lang, i < 5 ? "zh" : "en");
		p->side = i < 5 ? SIDE_LEFT : SIDE_RIGHT;
	}
	a.nrow = 3;
	a.rows = xcalloc(3, sizeof *a.rows);
	a.rows[0] = (struct row){0, 1, 5, 1};
	a.rows[1] = (struct row){1, 2, 6, 1};
	a.rows[2] = (struct row){3, 2, 7, 0};
	int64_t id;
	enum store_put w;
	CHECK_INT(store_put_article(st, &a, "/rt.txt", "h1", 2, 42, &id, &w), DG_OK);
	struct store_meta m = {0};
	CHECK_INT(store_get(st, id, &b, &m), DG_OK);
	CHECK_STR(b.title, a.title);
	CHECK_STR(b.author, "Ada L. 李");
	CHECK_STR(b.lang, "zh");
	CHECK_STR(b.lang2, "en");
	CHECK_INT(b.date, 42);
	CHECK_STR(m.path, "/rt.txt");
	CHECK_INT(b.npara, a.npara);
	for (size_t i = 0; i < a.npara && i < b.npara; i++) {
		CHECK_STR(b.paras[i].text, a.paras[i].text);
		CHECK_STR(b.paras[i].lang, a.paras[i].lang);
		CHECK_INT(b.paras[i].side, a.paras[i].side);
		CHECK_INT(b.paras[i].kind, a.paras[i].kind);
	}
	CHECK_INT(b.nrow, 3);
	CHECK(b.nrow == 3 && memcmp(b.rows, a.rows, 3 * sizeof *a.rows) == 0);
	store_meta_free(&m);
	/* Not found. */
	CHECK_INT(store_get(st, 4242, &b, NULL), DG_NOTFOUND);
	CHECK_STR(store_error(st), "no article with ID 4242");
	CHECK_INT(store_set_flag(st, 4243, FLAG_READ, 1, NULL), DG_NOTFOUND);
	CHECK_STR(store_error(st), "no article with ID 4243");
	article_free(&a);
	article_free(&b);
	store_close(&st);
}

/* 60 articles with tied dates and sources, to page through. */
static void fill_many(struct store *st)
{
	static const char *const src[] = {"", "Alpha", "Beta", "Gamma"};
	static const char *const lang[] = {"en", "fr", "zh", "de", "it"};
	CHECK_INT(store_begin(st), DG_OK);
	for (int i = 0; i < 60; i++) {
		char title[64], body[128], path[32];
		snprintf(title, sizeof title, "%c title %d", 'A' + (i * 7) % 26, i);
		snprintf(body, sizeof body, "body of article number %d word%d", i, i % 3);
		snprintf(path, sizeof path, "/many/%d", i);
		put(st, title, src[i % 4], lang[i % 5], i % 6 == 0 ? "en" : "", body, path,
		    1000 + (i % 10), NULL);
	}
	CHECK_INT(store_commit(st), DG_OK);
}

/* Pages forward then backward must give the full list, in order. */
static void check_paging(struct store *st, const struct store_filter *f, enum store_order o)
{
	struct ids all = list(st, f, o, 0, false, 256);
	int64_t n;
	CHECK_INT(store_count(st, f, &n), DG_OK);
	CHECK_INT(n, all.n);
	struct ids fw = {0};
	int64_t after = 0;
	for (int guard = 0; guard < 100; guard++) {
		struct ids p = list(st, f, o, after, false, 7);
		for (int i = 0; i < p.n; i++)
			fw.v[fw.n++] = p.v[i];
		if (p.n < 7)
			break;
		after = p.v[p.n - 1];
	}
	CHECK_INT(fw.n, all.n);
	CHECK(memcmp(fw.v, all.v, (size_t)all.n * sizeof all.v[0]) == 0);
	/* Backward from the end, prepending each page. */
	struct ids bw = {0};
	int64_t before = 0;
	int got = 0;
	for (int guard = 0; guard < 100; guard++) {
		struct ids p = list(st, f, o, before, true, 5);
		got += p.n;
		for (int i = 0; i < p.n && all.n - got + i >= 0; i++)
			bw.v[all.n - got + i] = p.v[i];
		if (p.n < 5)
			break;
		before = p.v[0];
	}
	CHECK_INT(got, all.n);
	CHECK(memcmp(bw.v, all.v, (size_t)all.n * sizeof all.v[0]) == 0);
	/* Positions agree with the list. */
	for (int i = 0; i < all.n; i += 5) {
		int64_t pos = -1;
		CHECK_INT(store_position(st, f, o, all.v[i], &pos), DG_OK);
		CHECK_INT(pos, i);
	}
}

static void test_lists(void)
{
	struct store *st = open_fresh("list.db");
	fill_many(st);
	struct store_filter f = STORE_FILTER_ALL;
	for (int o = ORDER_DATE; o <= ORDER_SOURCE; o++)
		check_paging(st, &f, (enum store_order)o);
	/* Date order: newest first, ties by id descending. */
	struct ids all = list(st, &f, ORDER_DATE, 0, false, 3);
	CHECK_INT(all.v[0], 60);
	CHECK_INT(all.v[1], 50);
	struct store_filter fl = STORE_FILTER_ALL;
	fl.lang = "en"; /* en primary (12) plus en second on non-en primaries */
	check_paging(st, &fl, ORDER_SOURCE);
	fl.lang = NULL;
	fl.source = "Beta";
	check_paging(st, &fl, ORDER_DATE);
	fl.source = "";
	check_paging(st, &fl, ORDER_TITLE);
	int64_t n;
	CHECK_INT(store_count(st, &fl, &n), DG_OK);
	CHECK_INT(n, 15);
	fl.source = NULL;
	fl.bilingual = true;
	CHECK_INT(store_count(st, &fl, &n), DG_OK);
	CHECK_INT(n, 10);
	check_paging(st, &fl, ORDER_DATE);
	/* Flags, groups and the read filter. */
	for (int64_t id = 1; id <= 10; id++)
		CHECK_INT(store_set_flag(st, id, FLAG_READ, 1, NULL), DG_OK);
	bool now = false;
	CHECK_INT(store_set_flag(st, 3, FLAG_BOOKMARKED, -1, &now), DG_OK);
	CHECK(now);
	CHECK_INT(store_set_flag(st, 3, FLAG_READ, -1, &now), DG_OK);
	CHECK(!now);
	struct store_filter fu = STORE_FILTER_ALL;
	fu.read = 0;
	CHECK_INT(store_count(st, &fu, &n), DG_OK);
	CHECK_INT(n, 51);
	check_paging(st, &fu, ORDER_TITLE);
	fu.read = 1;
	fu.lang = "fr";
	CHECK_INT(store_count(st, &fu, &n), DG_OK);
	CHECK_INT(n, 2); /* ids 2 and 7 */
	fu.lang = NULL;
	fu.read = -1;
	fu.bookmarked = true;
	CHECK_INT(store_count(st, &fu, &n), DG_OK);
	CHECK_INT(n, 1);
	struct store_stats s;
	CHECK_INT(store_stats(st, &s), DG_OK);
	CHECK_INT(s.articles, 60);
	CHECK_INT(s.unread, 51);
	CHECK_INT(s.bookmarked, 1);
	CHECK_INT(s.bilingual, 10);
	CHECK_INT(s.langs, 5);
	CHECK_INT(s.sources, 3);
	CHECK(s.bytes > 0 && s.text_bytes > 0);
	store_close(&st);
}

struct grp_seen {
	char names[512];
	int64_t en_total, en_unread;
};

static int grp_cb(void *ctx, const struct store_group_row *g)
{
	struct grp_seen *x = ctx;
	size_t l = strlen(x->names);
	snprintf(x->names + l, sizeof x->names - l, "%s%s:%lld/%lld", l ? " " : "",
	         g->name, (long long)g->total, (long long)g->unread);
	return 0;
}

static void test_groups(void)
{
	struct store *st = open_fresh("groups.db");
	int64_t a = put(st, "zh en", "Xinhua", "zh", "en", "中文 and English", "/g1", 1, NULL);
	put(st, "en", "BBC", "en", "", "English", "/g2", 2, NULL);
	put(st, "fr", "", "fr", "", "Français", "/g3", 3, NULL);
	CHECK_INT(store_set_flag(st, a, FLAG_READ, 1, NULL), DG_OK);
	struct grp_seen x = {{0}, 0, 0};
	CHECK_INT(store_groups(st, GROUP_LANG, grp_cb, &x), DG_OK);
	CHECK_STR(x.names, "en:2/1 fr:1/1 zh:1/0");
	x.names[0] = '\0';
	CHECK_INT(store_groups(st, GROUP_SOURCE, grp_cb, &x), DG_OK);
	CHECK_STR(x.names, ":1/1 BBC:1/1 Xinhua:1/0");
	CHECK_INT(store_set_flag(st, a, FLAG_READ, 0, NULL), DG_OK);
	x.names[0] = '\0';
	CHECK_INT(store_groups(st, GROUP_LANG, grp_cb, &x), DG_OK);
	CHECK_STR(x.names, "en:2/2 fr:1/1 zh:1/1");
	store_close(&st);
}

static void count_problem(void *ctx, const char *part, const char *what)
{
	fprintf(stderr, "check: %s: %s\n", part, what);
	(*(int *)ctx)++;
}

/* store_delete: the row, its index entries and state go, the counts
 * follow; store_mark_read: a group's unread, and only those. */
static void test_delete_mark(void)
{
	struct store *st = open_fresh("delete.db");
	int64_t a = put(st, "harbour bridge", "Xinhua", "zh", "en", "中文 and English bridge", "/d1", 1, NULL);
	int64_t b = put(st, "en", "BBC", "en", "", "English bridge", "/d2", 2, NULL);
	put(st, "fr", "", "fr", "", "Français pont", "/d3", 3, NULL);
	CHECK_INT(store_set_flag(st, a, FLAG_BOOKMARKED, 1, NULL), DG_OK);
	CHECK_INT(search_n(st, "bridge", NULL), 2);
	CHECK_INT(store_delete(st, a), DG_OK);
	CHECK_INT(store_delete(st, a), DG_NOTFOUND);
	CHECK_INT(search_n(st, "bridge", NULL), 1);
	struct article art = {0};
	CHECK_INT(store_get(st, a, &art, NULL), DG_NOTFOUND);
	bool r, bm;
	CHECK_INT(store_get_state(st, a, &r, &bm), DG_NOTFOUND);
	struct store_stats ss;
	CHECK_INT(store_stats(st, &ss), DG_OK);
	CHECK_INT(ss.articles, 2);
	CHECK_INT(ss.bookmarked, 0);
	CHECK_INT(ss.bilingual, 0);
	struct grp_seen x = {{0}, 0, 0};
	CHECK_INT(store_groups(st, GROUP_LANG, grp_cb, &x), DG_OK);
	CHECK_STR(x.names, "en:1/1 fr:1/1");
	int problems = 0;
	CHECK_INT(store_check(st, count_problem, &problems, &problems), DG_OK);
	CHECK_INT(problems, 0);

	struct store_filter f = STORE_FILTER_ALL;
	int64_t n = -1;
	f.lang = "en";
	CHECK_INT(store_mark_read(st, &f, &n), DG_OK);
	CHECK_INT(n, 1);
	CHECK_INT(store_get_state(st, b, &r, &bm), DG_OK);
	CHECK(r);
	CHECK_INT(store_stats(st, &ss), DG_OK);
	CHECK_INT(ss.unread, 1);
	CHECK_INT(store_mark_read(st, &f, &n), DG_OK);
	CHECK_INT(n, 0);
	f = (struct store_filter)STORE_FILTER_ALL;
	f.query = "pont";
	CHECK_INT(store_mark_read(st, &f, &n), DG_OK);
	CHECK_INT(n, 1);
	CHECK_INT(store_stats(st, &ss), DG_OK);
	CHECK_INT(ss.unread, 0);
	problems = 0;
	CHECK_INT(store_check(st, count_problem, &problems, &problems), DG_OK);
	CHECK_INT(problems, 0);
	store_close(&st);
}

static void test_search(void)
{
	struct store *st = open_fresh("search.db");
	put(st, "Mistral 坚持开源策略", "", "zh", "", "法国人工智能公司坚持开源,反对闭源趋势。", "/s1", 1, NULL);
	put(st, "Ägypten heute", "", "de", "", "Die Straße in Kairo ist voll.", "/s2", 2, NULL);
	put(st, "Open source", "", "en", "", "Mistral keeps open weights; not closed.", "/s3", 3, NULL);
	put(st, "双语", "", "zh", "en", "闭门会议 and a closed door", "/s4", 4, NULL);
	CHECK_INT(search_n(st, "闭源", NULL), 1);
	CHECK_INT(search_n(st, "闭", NULL), 2);
	CHECK_INT(search_n(st, "源", NULL), 1); /* inside runs: pairs 源策, 源趋 */
	CHECK_INT(search_n(st, "策", NULL), 1);
	CHECK_INT(search_n(st, "略", NULL), 1); /* a run's last character */
	CHECK_INT(search_n(st, "Mistral坚", NULL), 1);
	CHECK_INT(search_n(st, "Mistral策", NULL), 0);
	CHECK_INT(search_n(st, "开源策略", NULL), 1);
	CHECK_INT(search_n(st, "源策略开", NULL), 0);
	CHECK_INT(search_n(st, "ägypten", NULL), 1);
	CHECK_INT(search_n(st, "agy*", NULL), 1);
	CHECK_INT(search_n(st, "AGYPTEN", NULL), 1);
	CHECK_INT(search_n(st, "strasse", NULL), 1);
	CHECK_INT(search_n(st, "\"", NULL), 0);
	CHECK_INT(search_n(st, "AND(", NULL), 1); /* the word "and" */
	CHECK_INT(search_n(st, "*", NULL), 0);
	CHECK_INT(search_n(st, "NEAR", NULL), 0);
	CHECK_INT(search_n(st, "NEAR(mistral open)", NULL), 0); /* phrase "near mistral" */
	CHECK_INT(search_n(st, "mistral open", NULL), 1);
	CHECK_INT(search_n(st, "mistral", NULL), 2);
	CHECK_INT(search_n(st, "closed", NULL), 2);
	CHECK_INT(search_n(st, "closed", "en"), 2);
	CHECK_INT(search_n(st, "closed", "zh"), 1);
	CHECK_INT(search_n(st, "closed", "de"), 0);
	CHECK_INT(search_n(st, "title:open -x ^y", NULL), 0);
	/* Title matches rank first; snippets mark the match. */
	struct store_filter f = STORE_FILTER_ALL;
	f.query = "open";
	struct ids r = list(st, &f, ORDER_DATE, 0, false, 10);
	CHECK_INT(r.n, 1);
	CHECK(strstr(r.snip, "[Open]") != NULL);
	f.query = "反对闭源";
	r = list(st, &f, ORDER_DATE, 0, false, 10);
	CHECK(r.n == 1 && strstr(r.snip, "[") && strstr(r.snip, "闭源"));
	/* Without snippets: the same rows in the same order, none made. */
	f.query = "mistral";
	r = list(st, &f, ORDER_DATE, 0, false, 10);
	struct ids bare = {0};
	struct store_page nosnip = {0, false, 0, 10, true};
	CHECK_INT(store_list(st, &f, ORDER_DATE, &nosnip, collect, &bare), DG_OK);
	CHECK(r.snip[0] != '\0');
	CHECK_STR(bare.snip, "");
	CHECK_INT(bare.n, r.n);
	CHECK(memcmp(bare.v, r.v, sizeof r.v[0] * (size_t)r.n) == 0);
	int64_t pos = -1;
	f.query = "mistral";
	CHECK_INT(store_position(st, &f, ORDER_DATE, 3, &pos), DG_OK);
	CHECK(pos == 0 || pos == 1);
	CHECK_INT(store_position(st, &f, ORDER_DATE, 2, &pos), DG_NOTFOUND);
	store_close(&st);
}

/* New rows enter the FTS index at commit; an update of a row inserted
 * in the same batch, and a rolled-back batch, leave the index exact. */
static void test_batch_index(void)
{
	struct store *st = open_fresh("batch.db");
	enum store_put w;
	CHECK_INT(store_begin(st), DG_OK);
	put(st, "One", "", "en", "", "walrus in the harbour", "/b1", 1, &w);
	put(st, "Two", "", "en", "", "penguin on the ice", "/b2", 2, &w);
	put(st, "One", "", "en", "", "heron by the river", "/b1", 3, &w);
	CHECK_INT(w, PUT_UPDATED);
	CHECK_INT(store_commit(st), DG_OK);
	CHECK_INT(search_n(st, "walrus", NULL), 0);
	CHECK_INT(search_n(st, "heron", NULL), 1);
	CHECK_INT(search_n(st, "penguin", NULL), 1);
	CHECK_INT(store_begin(st), DG_OK);
	put(st, "Three", "", "en", "", "gone with the rollback", "/b3", 4, &w);
	store_rollback(st);
	CHECK_INT(store_begin(st), DG_OK);
	put(st, "Four", "", "en", "", "otter in the stream", "/b4", 5, &w);
	CHECK_INT(store_commit(st), DG_OK);
	CHECK_INT(search_n(st, "rollback", NULL), 0);
	CHECK_INT(search_n(st, "otter", NULL), 1);
	/* Outside a batch an article is indexed at once. */
	put(st, "Five", "", "en", "", "badger under the hedge", "/b5", 6, &w);
	CHECK_INT(search_n(st, "badger", NULL), 1);
	char *path = xstrdup(store_path(st));
	store_close(&st);
	sqlite3 *db;
	CHECK_INT(sqlite3_open(path, &db), SQLITE_OK);
	CHECK_INT(fts_register(db), SQLITE_OK);
	CHECK_INT(sqlite3_exec(db, "INSERT INTO article_fts(article_fts) VALUES('integrity-check')",
	                       NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	free(path);
}

/* A v3 library's 64-hex-digit hashes become 16-byte keys: the same file
 * imported again is recognised, not added twice. */
static void test_migrate_keys(void)
{
	struct store *st = open_fresh("keys.db");
	unsigned char key[16];
	for (int i = 0; i < 16; i++)
		key[i] = (unsigned char)(i * 17);
	struct article a;
	enum store_put w;
	int64_t id, id2;
	make_article(&a, "Keyed", "", "en", "", "body");
	CHECK_INT(store_put_article(st, &a, "/k.txt", key, sizeof key, 1, &id, &w), DG_OK);
	char *path = xstrdup(store_path(st));
	store_close(&st);
	sqlite3 *db;
	CHECK_INT(sqlite3_open(path, &db), SQLITE_OK);
	CHECK_INT(sqlite3_exec(db, "UPDATE article SET hash = '00112233445566778899aabbccddeeff"
	                           "0123456789abcdef0123456789abcdef'; PRAGMA user_version = 3",
	                       NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	char *err = NULL;
	CHECK_INT(store_open(&st, path, &err), DG_OK);
	CHECK_INT(store_put_article(st, &a, "/elsewhere.txt", key, sizeof key, 1, &id2, &w), DG_OK);
	CHECK_INT(w, PUT_UNCHANGED);
	CHECK_INT(id2, id);
	article_free(&a);
	store_close(&st);
	free(path);
}

/* v5: a v4 library's articles get their text key, so the same text in
 * other bytes (another encoding) is recognised, not added again. */
static void test_migrate_text_key(void)
{
	struct store *st = open_fresh("textkey.db");
	struct article a;
	enum store_put w;
	int64_t id, id2;
	make_article(&a, "Same text", "", "en", "", "the same body in two encodings");
	CHECK_INT(store_put_article(st, &a, "/utf8.txt", "raw-utf8", 8, 0, &id, &w), DG_OK);
	char *path = xstrdup(store_path(st));
	store_close(&st);
	sqlite3 *db;
	CHECK_INT(sqlite3_open(path, &db), SQLITE_OK);
	CHECK_INT(sqlite3_exec(db, "DROP INDEX article_text_key; UPDATE article SET text_key = NULL;"
	                           " PRAGMA user_version = 4", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	char *err = NULL;
	CHECK_INT(store_open(&st, path, &err), DG_OK);
	CHECK_INT(store_put_article(st, &a, "/utf16.txt", "raw-utf16", 9, 0, &id2, &w), DG_OK);
	CHECK_INT(w, PUT_UNCHANGED);
	CHECK_INT(id2, id);
	article_free(&a);
	store_close(&st);
	free(path);
}

static void test_changed(void)
{
	struct store *a = open_fresh("changed.db"), *b = open_fresh("changed.db");
	CHECK(!store_changed(a));
	int64_t id = put(b, "x", "", "en", "", "y", "/c", 1, NULL);
	CHECK(store_changed(a));
	CHECK(!store_changed(a));
	CHECK_INT(store_set_flag(b, id, FLAG_READ, 1, NULL), DG_OK);
	CHECK(store_changed(a));
	CHECK(!store_changed(b)); /* its own writes do not count */
	store_close(&a);
	store_close(&b);
}

int main(void)
{
	snprintf(tmpdir, sizeof tmpdir, "/tmp/test_store.XXXXXX");
	if (!mkdtemp(tmpdir)) {
		perror("mkdtemp");
		return 1;
	}
	test_open();
	test_default_path();
	test_put();
	test_roundtrip();
	test_lists();
	test_groups();
	test_delete_mark();
	test_search();
	test_batch_index();
	test_migrate_keys();
	test_migrate_text_key();
	test_changed();
	char *cmd = xasprintf("rm -rf '%s'", tmpdir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", tmpdir);
	free(cmd);
	return t_done();
}
