/* test_width.c: unit tests of the width module. */
#include "t.h"

int main(void)
{
	CHECK(1);
	return t_done();
}
