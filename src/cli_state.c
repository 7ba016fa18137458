/* cli_state.c: STUB */
#include "diglot/common.h"
#include "diglot/cli.h"
