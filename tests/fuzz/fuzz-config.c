/*
 * fuzz-config.c: outside bytes as a config file and as a theme file.
 * Every bad line must be reported and skipped, never crash; the settings
 * stay in range whatever the lines say.
 */
#include "fuzz.h"
#include "diglot/keys.h"
#include "diglot/settings.h"
#include "diglot/theme.h"

static void count_error(void *ctx, const char *file, int line, const char *why)
{
	FUZZ_ASSERT(file && line > 0 && why && *why, "a bad line without file, line or reason");
	(*(int *)ctx)++;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int errors = 0;
	struct settings s;
	settings_init(&s);
	int bad = settings_parse(&s, (const char *)data, size, "config", count_error, &errors);
	FUZZ_ASSERT(bad == errors, "settings_parse said %d bad lines, reported %d", bad, errors);
	FUZZ_ASSERT(s.view >= 0, "view %d", s.view);
	settings_free(&s);
	keys_reset();

	errors = 0;
	struct theme t;
	theme_default(&t);
	bad = theme_parse(&t, (const char *)data, size, "fuzz.theme", count_error, &errors);
	FUZZ_ASSERT(bad == errors, "theme_parse said %d bad lines, reported %d", bad, errors);
	return 0;
}
