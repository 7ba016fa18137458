/* width.c: STUB, to be written (display width). */
#include "diglot/common.h"
#include "diglot/width.h"
#include <string.h>
#include <uniwidth.h>

int width_of(const char *s, size_t len) { return u8_width((const uint8_t *)s, len, "UTF-8"); }
int width_cstr(const char *s) { return width_of(s, strlen(s)); }
size_t width_fit(const char *s, size_t len, int cols, int *used)
{
	(void)s;
	size_t n = MIN(len, (size_t)cols);
	*used = (int)n;
	return n;
}
void width_append_cell(struct sbuf *b, const char *s, size_t len, int cols)
{
	int used;
	size_t n = width_fit(s, len, cols, &used);
	sbuf_add(b, s, n);
	sbuf_pad(b, (size_t)(cols - used));
}
