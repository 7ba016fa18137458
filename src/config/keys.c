/*
 * keys.c: the action table (keys.h) and the key bindings.  Bindings are a
 * small array of (key, action) pairs searched linearly: there are a few
 * dozen, and a key press happens a few times a second at most.
 */
#include "diglot/common.h"
#include "diglot/keys.h"
#include "diglot/width.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistr.h>

struct req_info {
	const char *name, *keys, *help;
};

static const struct req_info req_info[REQ_COUNT] = {
	[REQ_NONE] = {"none", "", ""},
#define REQ_INFO(id, name, keys, help) [REQ_##id] = {name, keys, help},
	REQ_TABLE(REQ_INFO)
#undef REQ_INFO
};

/* Names of the special keys; the first name of a code is the one shown. */
static const struct {
	const char *name;
	int code;
} key_names[] = {
	{"Up", KEYC_UP}, {"Down", KEYC_DOWN}, {"Left", KEYC_LEFT}, {"Right", KEYC_RIGHT},
	{"PgUp", KEYC_PGUP}, {"PageUp", KEYC_PGUP}, {"PPage", KEYC_PGUP},
	{"PgDn", KEYC_PGDN}, {"PageDown", KEYC_PGDN}, {"NPage", KEYC_PGDN},
	{"Home", KEYC_HOME}, {"End", KEYC_END}, {"Enter", KEYC_ENTER}, {"Return", KEYC_ENTER},
	{"Tab", KEYC_TAB}, {"Backspace", KEYC_BACKSPACE}, {"BSpace", KEYC_BACKSPACE},
	{"Delete", KEYC_DELETE}, {"DC", KEYC_DELETE}, {"Escape", KEYC_ESC}, {"Esc", KEYC_ESC},
	{"Insert", KEYC_INSERT}, {"Space", ' '},
};

struct binding {
	int code;
	enum request req;
};

static struct binding *bindings;
static size_t nbindings, capbindings;
static bool bindings_ready;

const char *request_name(enum request r)
{
	return r > REQ_NONE && r < REQ_COUNT ? req_info[r].name : "none";
}

const char *request_help(enum request r)
{
	return r > REQ_NONE && r < REQ_COUNT ? req_info[r].help : "";
}

enum request request_parse(const char *name)
{
	for (int r = REQ_NONE + 1; r < REQ_COUNT; r++)
		if (strcmp(req_info[r].name, name) == 0)
			return (enum request)r;
	return REQ_NONE;
}

int keys_parse(const char *name)
{
	size_t len = strlen(name);
	if (len == 0)
		return -1;
	/* M-x: Meta and a key; "M-" alone is no key, and Meta once is enough. */
	if (len > 2 && (name[0] == 'M' || name[0] == 'm') && name[1] == '-') {
		int code = keys_parse(name + 2);
		return code < 0 || KEYC_IS_META(code) ? -1 : code | KEYC_META;
	}
	for (size_t i = 0; i < ARRAY_SIZE(key_names); i++)
		if (strcasecmp(key_names[i].name, name) == 0)
			return key_names[i].code;
	/* C-x, ^X: control keys. */
	if ((len == 3 && (name[0] == 'C' || name[0] == 'c') && name[1] == '-') ||
	    (len == 2 && name[0] == '^')) {
		int c = (unsigned char)name[len - 1];
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
			return KEYC_CTRL(c);
		return -1;
	}
	if ((name[0] == 'F' || name[0] == 'f') && len <= 3 && len >= 2) {
		char *end;
		long n = strtol(name + 1, &end, 10);
		if (*end == '\0' && n >= 1 && n <= 12)
			return KEYC_F1 + (int)n - 1;
	}
	/* One printable character, any script. */
	ucs4_t uc;
	int n = u8_mbtoucr(&uc, (const uint8_t *)name, len);
	if (n > 0 && (size_t)n == len && uc >= 0x21 && uc != 0x7f && !(uc >= 0x80 && uc < 0xa0))
		return (int)uc;
	return -1;
}

const char *keys_name(int code, char *buf, size_t size)
{
	if (KEYC_IS_META(code) && size > 2) {
		char inner[16];
		snprintf(buf, size, "M-%s", keys_name(code & ~KEYC_META, inner, sizeof inner));
		return buf;
	}
	for (size_t i = 0; i < ARRAY_SIZE(key_names); i++)
		if (key_names[i].code == code) {
			snprintf(buf, size, "%s", key_names[i].name);
			return buf;
		}
	if (code >= KEYC_F1 && code <= KEYC_F12)
		snprintf(buf, size, "F%d", code - KEYC_F1 + 1);
	else if (code >= 1 && code <= 26)
		snprintf(buf, size, "C-%c", 'a' + code - 1);
	else if (code > 0x20 && code < KEYC_BASE && code != 0x7f) {
		uint8_t u[8];
		int n = u8_uctomb(u, (ucs4_t)code, sizeof u - 1);
		if (n < 0)
			n = 0;
		u[n] = '\0';
		snprintf(buf, size, "%s", (const char *)u);
	} else
		snprintf(buf, size, "<%d>", code);
	return buf;
}

static void keys_add(int code, enum request r)
{
	xgrow(&bindings, &capbindings, nbindings + 1, sizeof *bindings);
	bindings[nbindings++] = (struct binding){code, r};
}

/* The binding replaces all of code's: drop the others, keep the first's
 * place (keys_bound lists keys in binding order). */
static void keys_bind_raw(int code, enum request r)
{
	size_t n = 0;
	bool placed = false;
	for (size_t i = 0; i < nbindings; i++) {
		if (bindings[i].code != code)
			bindings[n++] = bindings[i];
		else if (!placed) {
			bindings[n++] = (struct binding){code, r};
			placed = true;
		}
	}
	nbindings = n;
	if (!placed)
		keys_add(code, r);
}

void keys_reset(void)
{
	nbindings = 0;
	bindings_ready = true;
	for (int r = REQ_NONE + 1; r < REQ_COUNT; r++) {
		char *list = xstrdup(req_info[r].keys), *save = NULL;
		for (char *k = strtok_r(list, " ", &save); k; k = strtok_r(NULL, " ", &save)) {
			int code = keys_parse(k);
			if (code >= 0)
				keys_add(code, (enum request)r); /* a default may share its key */
		}
		free(list);
	}
}

/* Key presets: what a newsboat or vi user's hands expect, on top of the
 * defaults.  Each binding replaces the key's default (keys_bind_raw), so
 * an action whose only key a preset takes gets another one here. */
struct preset_bind {
	const char *key, *action;
};

static const struct preset_bind newsboat_binds[] = {
	{"o", "open-url"},         /* open in browser */
	{"N", "toggle-read"},
	{"r", "fetch-feed"},       /* reload */
	{"R", "fetch-all"},        /* reload all */
	{"C-b", "toggle-bookmark"},
	{"p", "prev-match"},       /* N is toggle-read now */
	{"=", "cycle-order"},      /* o is open-url now */
	{NULL, NULL},
};

static const struct preset_bind vi_binds[] = {
	{"C-d", "page-down"}, {"C-u", "page-up"},  /* half pages in vi; whole ones here */
	{"C-e", "move-down"}, {"C-y", "move-up"},
	{"0", "move-first"},  {"$", "move-last"},
	{NULL, NULL},
};

static const struct {
	const char *name;
	const struct preset_bind *binds;
} presets[] = {
	{"default", NULL},
	{"newsboat", newsboat_binds},
	{"vi", vi_binds},
};

bool keys_preset(const char *name)
{
	for (size_t i = 0; i < ARRAY_SIZE(presets); i++) {
		if (strcmp(presets[i].name, name) != 0)
			continue;
		keys_reset();
		for (const struct preset_bind *b = presets[i].binds; b && b->key; b++) {
			int code = keys_parse(b->key);
			if (code >= 0) /* test_keys checks that every name parses */
				keys_bind_raw(code, request_parse(b->action));
		}
		return true;
	}
	return false;
}

static void keys_ensure(void)
{
	if (!bindings_ready)
		keys_reset();
}

void keys_bind(int code, enum request r)
{
	keys_ensure(); /* the defaults first, so that this binding overrides them */
	keys_bind_raw(code, r);
}

enum request keys_lookup(int code)
{
	keys_ensure();
	for (size_t i = 0; i < nbindings; i++)
		if (bindings[i].code == code)
			return bindings[i].req;
	return REQ_NONE;
}

int keys_lookup_all(int code, enum request *out, int max)
{
	keys_ensure();
	int n = 0;
	for (size_t i = 0; i < nbindings && n < max; i++)
		if (bindings[i].code == code && bindings[i].req != REQ_NONE)
			out[n++] = bindings[i].req;
	return n;
}

void keys_bound(enum request r, struct sbuf *out)
{
	keys_ensure();
	bool first = true;
	for (size_t i = 0; i < nbindings; i++) {
		if (bindings[i].req != r)
			continue;
		char buf[16];
		if (!first)
			sbuf_addstr(out, ", ");
		sbuf_addstr(out, keys_name(bindings[i].code, buf, sizeof buf));
		first = false;
	}
}

#define HELP_KEYS_MIN 16 /* the key column, when no key list is wider */

void keys_help_text(struct sbuf *out)
{
	/* The widest key list sets the column, so that a user binding a
	 * second or third key never pushes an action name out of line. */
	size_t col = HELP_KEYS_MIN;
	for (int r = REQ_NONE + 1; r < REQ_COUNT; r++) {
		struct sbuf k = SBUF_INIT;
		keys_bound((enum request)r, &k);
		col = MAX(col, (size_t)width_cstr(sbuf_str(&k)));
		sbuf_free(&k);
	}
	for (int r = REQ_NONE + 1; r < REQ_COUNT; r++) {
		struct sbuf k = SBUF_INIT;
		keys_bound((enum request)r, &k);
		sbuf_addf(out, "  %s", sbuf_str(&k));
		sbuf_pad(out, col + 2 - (size_t)width_cstr(sbuf_str(&k)));
		sbuf_addf(out, "%-17s %s\n", req_info[r].name, req_info[r].help);
		sbuf_free(&k);
	}
}
