/* test_layout.c: unit tests of the layout module. */
#include "t.h"

int main(void)
{
	CHECK(1);
	return t_done();
}
