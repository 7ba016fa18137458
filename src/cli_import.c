/* cli_import.c: STUB */
#include "diglot/common.h"
#include "diglot/cli.h"
