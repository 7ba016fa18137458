/* cli_show.c: STUB */
#include "diglot/common.h"
#include "diglot/cli.h"
