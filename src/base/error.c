/* error.c: dg_fail, the one way a free function hands back its reason. */
#include "diglot/common.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

enum dg_status dg_fail(char **cause, enum dg_status code, const char *fmt, ...)
{
	if (!cause)
		return code;
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *msg = xmalloc(n > 0 ? (size_t)n + 1 : 1);
	va_start(ap, fmt);
	vsnprintf(msg, n > 0 ? (size_t)n + 1 : 1, fmt, ap);
	va_end(ap);
	*cause = msg;
	return code;
}
