/* datadir.c: the source tree a build-tree binary belongs to, else pkgdatadir. */
#include "diglot/common.h"
#include "diglot/datadir.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static bool is_dir(const char *path)
{
	struct stat sb;
	return stat(path, &sb) == 0 && S_ISDIR(sb.st_mode);
}

static bool is_file(const char *path)
{
	struct stat sb;
	return stat(path, &sb) == 0 && S_ISREG(sb.st_mode);
}

/* A source tree is recognised by its own main.c, which no install has. */
static bool is_source_tree(const char *top)
{
	char *marker = xasprintf("%s/src/main.c", top);
	bool yes = is_file(marker);
	free(marker);
	return yes;
}

/* <tree> when this binary is <tree>/src/diglot of an in-tree build. */
static char *own_source_tree(void)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0)
		return NULL;
	exe[n] = '\0';
	for (int up = 0; up < 2; up++) { /* strip "/diglot", then "/src" */
		char *slash = strrchr(exe, '/');
		if (!slash || slash == exe)
			return NULL;
		*slash = '\0';
	}
	return is_source_tree(exe) ? xstrdup(exe) : NULL;
}

static char *in_source_tree(const char *top, const char *what)
{
	/* The tree keeps samples under data/, themes at the top. */
	const char *sub = strcmp(what, "samples") == 0 ? "data/" : "";
	char *dir = xasprintf("%s/%s%s", top, sub, what);
	if (is_dir(dir))
		return dir;
	free(dir);
	return NULL;
}

char *datadir_find(const char *what)
{
	const char *env = getenv("DIGLOT_SRCDIR");
	char *top = env && *env && is_source_tree(env) ? xstrdup(env) : own_source_tree();
	if (top) {
		char *dir = in_source_tree(top, what);
		free(top);
		if (dir)
			return dir;
	}
	char *dir = xasprintf("%s/%s", DIGLOT_PKGDATADIR, what);
	if (is_dir(dir))
		return dir;
	free(dir);
	return NULL;
}
