/* test_store.c: unit tests of the store module. */
#include "t.h"

int main(void)
{
	CHECK(1);
	return t_done();
}
