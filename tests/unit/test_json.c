/* test_json.c: unit tests of the json module. */
#include "t.h"

int main(void)
{
	CHECK(1);
	return t_done();
}
