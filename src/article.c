/* article.c: STUB, to be written (article structure). */
#include "diglot/common.h"
#include "diglot/article.h"
#include <stdlib.h>
#include <string.h>

struct para *article_add_para(struct article *a, const char *text, size_t len, enum para_kind kind)
{
	xgrow(&a->paras, &a->cappara, a->npara + 1, sizeof *a->paras);
	struct para *p = &a->paras[a->npara++];
	memset(p, 0, sizeof *p);
	p->text = xstrndup(text, len);
	p->side = SIDE_NONE;
	p->kind = (unsigned char)kind;
	return p;
}

void article_parse(struct article *a, const char *text, size_t len)
{
	const char *nl = memchr(text, '\n', len);
	size_t tl = nl ? (size_t)(nl - text) : len;
	a->title = xstrndup(text, tl);
	a->source = xstrdup("");
	a->url = xstrdup("");
	if (nl)
		article_add_para(a, nl + 1, len - tl - 1, PARA_BODY);
}

char *article_source_from_host(const char *host) { return xstrdup(host); }

void article_langs(const struct article *a, char out[2 * LANG_CODE_SIZE + 1])
{
	strcpy(out, a->lang);
	if (a->lang2[0]) {
		strcat(out, "+");
		strcat(out, a->lang2);
	}
}

void article_free(struct article *a)
{
	for (size_t i = 0; i < a->npara; i++)
		free(a->paras[i].text);
	free(a->paras);
	free(a->rows);
	free(a->title);
	free(a->source);
	free(a->url);
	memset(a, 0, sizeof *a);
}
