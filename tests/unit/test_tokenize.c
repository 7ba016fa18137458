/* test_tokenize.c: unit tests of the tokenize module. */
#include "t.h"

int main(void)
{
	CHECK(1);
	return t_done();
}
