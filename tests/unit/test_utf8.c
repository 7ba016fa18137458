/* test_utf8.c: unit tests of the utf8 module. */
#include "t.h"

int main(void)
{
	CHECK(1);
	return t_done();
}
