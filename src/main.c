/* main.c: diglot's entry point; everything happens in cli_main. */
#include "diglot/common.h"
#include "diglot/cli.h"

int main(int argc, char **argv)
{
	return cli_main(argc, argv);
}
