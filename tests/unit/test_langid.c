/* test_langid.c: unit tests of the langid module. */
#include "t.h"

int main(void)
{
	CHECK(1);
	return t_done();
}
