/* test_bilingual.c: unit tests of the bilingual module. */
#include "t.h"

int main(void)
{
	CHECK(1);
	return t_done();
}
