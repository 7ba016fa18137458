/* analyse.c: runs the text core stages in order on one article. */
#include "diglot/common.h"
#include "analyse.h"
#include "diglot/align.h"
#include "diglot/bilingual.h"
#include "diglot/langid.h"

void analyse_text(struct article *a, const char *text, size_t len)
{
	article_parse(a, text, len);
	langid_article(a);
	if (bilingual_split(a))
		align_article(a);
}
