/*
 * import_html.c: a saved web page into an article.  The main text goes
 * through the text core like any file (paragraphs, languages, bilingual
 * split, alignment); the page's own metadata then wins over what the
 * parse guessed from the text: title, source, URL, date.  The language
 * hint (<html lang>) is used only where the text says nothing.
 */
#include "diglot/common.h"
#include "import_html.h"
#include "analyse.h"
#include "diglot/html_extract.h"
#include "diglot/sbuf.h"

#include <stdlib.h>
#include <string.h>

/* Browsers' "Save page as" leave <!-- saved from url=(0042)https://... -->. */
static char *saved_from(const char *s, size_t n)
{
	if (n > 2048)
		n = 2048;
	const char *p = memmem(s, n, "saved from url=(", 16);
	if (!p)
		return NULL;
	p += 16;
	const char *close = memchr(p, ')', n - (size_t)(p - s));
	if (!close)
		return NULL;
	p = close + 1;
	size_t k = 0;
	while (p + k < s + n && p[k] > ' ' && p[k] != '-' && p[k] != '>' && (unsigned char)p[k] < 0x7f)
		k++;
	if (k < 8 || (strncmp(p, "http://", 7) != 0 && strncmp(p, "https://", 8) != 0))
		return NULL;
	return xstrndup(p, k);
}

/* A first paragraph that reads as a heading: short, one line, no
 * sentence end. */
static bool starts_with_heading(const char *text)
{
	const char *e = strstr(text, "\n\n");
	size_t n = e ? (size_t)(e - text) : strlen(text);
	if (n == 0 || n > 120 || memchr(text, '\n', n))
		return false;
	const char *last = text + n - 1;
	while (last > text && ((unsigned char)*last & 0xC0) == 0x80)
		last--;
	return *last != '.' && *last != '!' && *last != '?' && *last != ':' &&
	       strncmp(last, "\xe3\x80\x82", 3) != 0; /* 。 */
}

static void replace(char **field, const char *v)
{
	if (!v || !*v)
		return;
	free(*field);
	*field = xstrdup(v);
}

enum dg_status import_html(const char *bytes, size_t len, const char *from, const char *charset,
                           struct article *a, char **cause)
{
	struct html_page p;
	char *url = from ? xstrdup(from) : saved_from(bytes, len);
	if (html_extract(bytes, len, url, charset, &p, cause) != DG_OK) {
		free(url);
		return DG_ERR;
	}
	free(url);
	/* The title heads the text unless the text has it, or starts with a
	 * heading of its own (two columns, each with its title). */
	struct sbuf b = SBUF_INIT;
	if (p.title[0] && p.text[0] && !strstr(p.text, p.title) && !starts_with_heading(p.text)) {
		/* "Titre / Title": two title lines, which the bilingual pass
		 * gives a side each. */
		for (const char *t = p.title, *sl; *t; t = sl + 3) {
			sl = strstr(t, " / ");
			if (!sl) {
				sbuf_addstr(&b, t);
				break;
			}
			sbuf_add(&b, t, (size_t)(sl - t));
			sbuf_addc(&b, '\n');
		}
		sbuf_add(&b, "\n\n", 2);
	}
	sbuf_addstr(&b, p.text);
	analyse_text(a, sbuf_str(&b), b.len);
	sbuf_free(&b);
	if (p.text[0])
		replace(&a->title, p.title);
	replace(&a->source, p.source);
	replace(&a->url, p.url);
	replace(&a->author, p.author);
	if (p.date_unix)
		a->date = p.date_unix;
	if ((!a->lang[0] || strcmp(a->lang, "und") == 0) && p.lang[0] && strlen(p.lang) < LANG_CODE_SIZE)
		memcpy(a->lang, p.lang, strlen(p.lang) + 1);
	html_page_free(&p);
	return DG_OK;
}
