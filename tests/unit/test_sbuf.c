/* test_sbuf.c: unit tests of the sbuf module. */
#include "t.h"

int main(void)
{
	CHECK(1);
	return t_done();
}
