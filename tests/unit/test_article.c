/* test_article.c: unit tests of the article module. */
#include "t.h"

int main(void)
{
	CHECK(1);
	return t_done();
}
