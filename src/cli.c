/* cli.c: STUB */
#include "diglot/common.h"
#include "diglot/cli.h"
int cli_main(int argc, char **argv) { (void)argc; (void)argv; return 0; }
