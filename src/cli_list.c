/* cli_list.c: STUB */
#include "diglot/common.h"
#include "diglot/cli.h"
