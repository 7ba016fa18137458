/* test_align.c: unit tests of the align module. */
#include "t.h"

int main(void)
{
	CHECK(1);
	return t_done();
}
