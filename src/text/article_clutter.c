/*
 * article_clutter.c: what web pages leave at the end of an article (pass 3
 * of article_parse): comment forms and counts, view counters, share lines,
 * editor and photo credits, cookie and copyright notices, "Recent News"
 * style headings with the story list after them, and author bios, in
 * many languages.  The same line tests serve pass 1 (see meta_line).
 */
#include "diglot/common.h"
#include "article_int.h"

#include <string.h>

/* Whole lines (case-insensitive, a trailing ':' or '：' ignored). */
static const char *const clutter_exact[] = {
	"leave a reply", "leave a comment", "post a comment", "comments", "comment",
	"read more", "read next", "like this", "tags", "发表回复", "发表评论", "评论", "advertisement",
	"subscribe", "trending", "popular", "print", "laisser un commentaire", "lascia un commento",
	"deja un comentario", "deja tu comentario", "kommentar schreiben", "deixe um comentário",
	"deixe seu comentário", "reageer", "laat een reactie achter", "оставить комментарий",
	"комментарии", "comentarios", "comentários", "kommentare", "reacties", "commenti",
	"commentaires", "コメント", "留言", "publicité", "werbung", "anzeige", "publicidad",
	"pubblicità", "реклама", "广告",
	/* share buttons, each on its own line after "Share this:" */
	"facebook", "twitter", "x", "email", "e-mail", "whatsapp", "linkedin", "telegram",
	"reddit", "pinterest", "微信", "微博", "qq空间", "vk", "вконтакте", "threads", "bluesky",
	"mastodon", "imprimir", "drucken", "imprimer", "stampa", "line", "はてな",
};

/* Line starts. */
static const char *const clutter_prefix[] = {
	"your email address will not be published", "您的邮箱地址不会被公开", "您的电子邮箱地址不会被公开",
	"required fields are marked", "save my name, email", "tags:", "tag:", "filed under",
	"copyright ©", "© 20", "like this:", "you must be logged in",
	"votre adresse e-mail ne sera pas publiée", "il tuo indirizzo email non sarà pubblicato",
	"tu dirección de correo electrónico no será publicada", "o seu endereço de e-mail não será publicado",
	"click to share", "标签：", "etiquetas:", "étiquettes :", "étiquettes:", "schlagworte:",
	"comments are closed", "commenting is closed", "les commentaires sont fermés",
	"i commenti sono chiusi", "los comentarios están cerrados", "kommentare sind geschlossen",
	"comentários encerrados", "комментарии закрыты", "评论已关闭",
	/* editor credits (zh) */
	"责任编辑", "责编：", "责编:", "（编辑", "(编辑", "编辑：", "编辑:", "（责任编辑", "(责任编辑",
	/* author bios */
	"about the author", "über die autorin", "über den autor", "à propos de l'auteur",
	"à propos de l’auteur", "sobre el autor", "sobre la autora", "sobre o autor", "sobre a autora",
	"l'autore", "l’autore", "об авторе", "作者简介",
	/* photo credits (zh) */
	"（本文图片", "(本文图片", "（图片来源", "（图片由", "（图/", "（摄影",
};

/* "Share this:", "Partager / Share", "分享到：微信 微博", "Deel dit artikel". */
static const char *const share_words[] = {
	"share", "partager", "teilen", "condividi", "compartir", "compartilhar", "compartilhe",
	"delen", "deel dit", "поделиться", "分享", "シェア", "udostępnij",
};

/* "Comentarios (4)", "Kommentare: 0", "Views: 12", "Vues : 1 204", "阅读 2381". */
static const char *const counter_words[] = {
	"comments", "comentarios", "comentários", "kommentare", "reacties", "commenti",
	"commentaires", "комментарии", "评论", "コメント", "views", "vues", "visualizzazioni",
	"letture", "просмотров", "просмотры", "阅读", "浏览", "阅读量", "visitas", "lecturas",
	"aufrufe", "weergaven", "gelezen", "visualizações", "閲覧数",
};

/* A heading that opens a list of other stories: it and all after it go. */
static const char *const related_exact[] = {
	"recent news", "recent posts", "related", "related articles", "related posts",
	"related news", "related stories", "more news", "more stories", "you may also like",
	"read also", "see also", "most read", "popular posts", "latest news", "top stories",
	"à lire aussi", "lire aussi", "articles similaires", "sur le même sujet", "les plus lus",
	"articoli correlati", "leggi anche", "potrebbe interessarti", "i più letti",
	"lo más leído", "noticias relacionadas", "te puede interesar", "artículos relacionados",
	"leia também", "veja também", "notícias relacionadas", "mais lidas", "mais lidas da semana",
	"читайте также", "похожие новости", "по теме", "другие новости", "ähnliche artikel",
	"weitere artikel", "das könnte sie auch interessieren", "meistgelesen", "lees ook",
	"gerelateerde artikelen", "meest gelezen", "相关新闻", "相关阅读", "相关文章", "推荐阅读",
	"延伸阅读", "热门推荐", "热门文章", "相关报道", "関連記事", "関連ニュース", "あわせて読みたい",
};
static const char *const related_prefix[] = {
	"mehr aus ", "mehr zum thema", "meer nieuws", "more from ", "plus de ", "altre notizie",
	"más noticias", "mais notícias", "ещё по теме", "еще по теме", "更多",
};

/* t[0..n) without a trailing ':' / '：' and spaces. */
static size_t without_colon(const char *t, size_t n)
{
	for (;;) {
		if (n && (t[n - 1] == ':' || t[n - 1] == ' '))
			n--;
		else if (n >= 3 && memcmp(t + n - 3, "：", 3) == 0)
			n -= 3;
		else
			return n;
	}
}

/* Only a count remains: "12", "(4)", ": 2.117", "1 204" (any spaces). */
static bool only_count(const char *s, size_t n)
{
	size_t k, digits = 0;
	for (size_t i = 0; i < n; i += k) {
		uint32_t c = cp_at(s + i, n - i, &k);
		if (c >= '0' && c <= '9')
			digits++;
		else if (!(is_space_cp(c) || c == 0x202F || strchr(",.:()", (int)(c < 0x80 ? c : 'x')) ||
		           c == 0xFF1A || c == 0xFF08 || c == 0xFF09))
			return false;
	}
	return digits > 0;
}

static bool share_line(const char *t, size_t n)
{
	if (width_of(t, n) > 60 || is_sentence_end(last_cp(t, n)))
		return false;
	for (size_t i = 0; i < ARRAY_SIZE(share_words); i++) {
		size_t p = has_prefix(t, n, share_words[i]);
		if (p && (p == n || !((t[p] | 0x20) >= 'a' && (t[p] | 0x20) <= 'z')))
			return true;
	}
	return false;
}

static bool counter_line(const char *t, size_t n)
{
	for (size_t i = 0; i < ARRAY_SIZE(counter_words); i++) {
		size_t p = has_prefix(t, n, counter_words[i]);
		if (p && p < n && only_count(t + p, n - p))
			return true;
	}
	return false;
}

bool art_is_related_heading(const char *t, size_t n)
{
	if (n > 120 || memchr(t, '\n', n))
		return false;
	size_t m = without_colon(t, n);
	if (in_list(related_exact, ARRAY_SIZE(related_exact), t, m))
		return true;
	for (size_t i = 0; i < ARRAY_SIZE(related_prefix); i++)
		if (has_prefix(t, m, related_prefix[i]) && width_of(t, m) <= 40)
			return true;
	return false;
}

bool art_clutter_span(const char *t, size_t n, int depth)
{
	trim(&t, &n);
	if (n == 0 || n > 400)
		return false;
	size_t m = without_colon(t, n);
	if (in_list(clutter_exact, ARRAY_SIZE(clutter_exact), t, m))
		return true;
	for (size_t i = 0; i < ARRAY_SIZE(clutter_prefix); i++)
		if (has_prefix(t, n, clutter_prefix[i]))
			return true;
	if (share_line(t, n) || counter_line(t, n))
		return true;
	/* Bilingual pages: "Laisser un commentaire / Leave a comment". */
	const char *sl = depth == 0 && n < 120 ? strstr(t, " / ") : NULL;
	if (sl && (size_t)(sl - t) < n)
		return art_clutter_span(t, (size_t)(sl - t), 1) &&
		       art_clutter_span(sl + 3, n - (size_t)(sl - t) - 3, 1);
	if (n < 300 && (strstr(t, "cookie") || strstr(t, "Cookie")) &&
	    (strstr(t, "accept") || strstr(t, "Accept") || strstr(t, "consent") || strstr(t, "use ")))
		return true;
	if (strstr(t, "All rights reserved") || strstr(t, "all rights reserved"))
		return n < 200;
	return false;
}

static bool is_clutter(const char *t)
{
	size_t n = strlen(t);
	return !memchr(t, '\n', n) && art_clutter_span(t, n, 0);
}

/* A person's name on a line of its own: 2 to 4 capitalised words. */
static bool name_line(const char *t)
{
	size_t n = strlen(t), w = count_words(t, n);
	if (n > 40 || w < 2 || w > 4 || !is_upper_start(t, n))
		return false;
	for (const char *p = t; *p; p++)
		if (strchr(".,:;!?()0123456789\n", *p))
			return false;
	return true;
}

static const char *const bio_phrases[] = {
	"has been writing", "has been covering", "writes about", "is a journalist", "is a reporter",
	"is a writer", "is a senior", "is an editor", "is the editor", "is a staff", "covers ",
	"is a freelance", "is a contributor", "est journaliste", "è giornalista", "ist redakteur",
	"has covered", "has reported", "schreibt seit", "schreibt für", "écrit pour", "escribe sobre",
	"escreve sobre", "scrive per", "schrijft voor",
};

/* Is t a bio of the person named on line name? */
static bool bio_of(const char *t, const char *name)
{
	size_t fw = strcspn(name, " ");
	if (strncmp(t, name, fw) != 0 || (t[fw] != ' ' && t[fw] != '\''))
		return false;
	for (size_t i = 0; i < ARRAY_SIZE(bio_phrases); i++)
		if (strstr(t, bio_phrases[i]))
			return true;
	return false;
}

/* A line of a story list under "Recent News": a headline (no full stop at
 * the end, not too wide) or more clutter.  Every line of t must be one. */
static bool list_item(const char *t)
{
	for (const char *l = t; *l;) {
		const char *e = strchr(l, '\n');
		size_t n = e ? (size_t)(e - l) : strlen(l);
		uint32_t c = last_cp(l, n);
		if (!art_clutter_span(l, n, 0) && (width_of(l, MIN(n, 400)) > 120 || c == '.' || c == 0x3002))
			return false;
		l += n + (e != NULL);
	}
	return true;
}

/* A related-stories heading among the last paragraphs, followed only by
 * list items: cut it and everything after it. */
static bool strip_related(struct plist *pl)
{
	size_t lo = pl->n > 12 ? pl->n - 12 : 1;
	for (size_t h = pl->n; h-- > lo;) {
		const char *t = pl->v[h].text;
		if (art_is_related_heading(t, strlen(t))) {
			while (pl->n > h)
				pl_del(pl, pl->n - 1);
			return true;
		}
		if (!list_item(t))
			return false;
	}
	return false;
}

/* "Daniel Whitcombe has covered ..." when the byline named Daniel Whitcombe. */
static bool author_bio(const char *t, const char *author)
{
	size_t an = author ? strlen(author) : 0;
	return an > 3 && strlen(t) < 500 && strncmp(t, author, an) == 0 && t[an] == ' ' &&
	       bio_of(t, author);
}

void art_strip_tail(struct plist *pl, struct found *f)
{
	while (pl->n > 1) {
		size_t last = pl->n - 1;
		const char *t = pl->v[last].text;
		if (is_clutter(t) || art_source_line(f, t) || author_bio(t, f->author)) {
			pl_del(pl, last);
			continue;
		}
		if (art_is_outlet_tag(t, strlen(t))) {
			art_set_source(f, t, strlen(t), PRIO_TAG);
			pl_del(pl, last);
			continue;
		}
		if (strip_related(pl))
			continue;
		/* Author block: "Name" ["Name"] "Name has been writing ..." */
		if (last >= 2 && name_line(pl->v[last - 1].text) && bio_of(t, pl->v[last - 1].text)) {
			bool twice = last >= 3 && strcmp(pl->v[last - 2].text, pl->v[last - 1].text) == 0;
			pl_del(pl, last);
			pl_del(pl, last - 1);
			if (twice)
				pl_del(pl, last - 2);
			continue;
		}
		if (last >= 2 && name_line(t) && strcmp(t, pl->v[last - 1].text) == 0) {
			pl_del(pl, last);
			pl_del(pl, last - 1);
			continue;
		}
		break;
	}
}
