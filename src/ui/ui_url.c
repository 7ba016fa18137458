/*
 * ui_url.c: copying a URL with OSC 52 (the terminal's clipboard, over ssh
 * too; inside tmux a bare sequence, which tmux takes with set-clipboard
 * on) and opening it with $BROWSER (a ':' list of commands split like
 * shell words, %s the URL; fork and exec, never a shell).  A URL with
 * control characters is refused: it would reach the terminal or another
 * program's argv as is.
 */
#include "ui_int.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ui_msg.h"
#include "ui_url.h"

static void base64(const char *s, size_t len, struct sbuf *out)
{
	static const char tab[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	const unsigned char *u = (const unsigned char *)s;
	for (size_t i = 0; i < len; i += 3) {
		unsigned v = (unsigned)u[i] << 16;
		if (i + 1 < len)
			v |= (unsigned)u[i + 1] << 8;
		if (i + 2 < len)
			v |= u[i + 2];
		sbuf_addc(out, tab[(v >> 18) & 63]);
		sbuf_addc(out, tab[(v >> 12) & 63]);
		sbuf_addc(out, i + 1 < len ? tab[(v >> 6) & 63] : '=');
		sbuf_addc(out, i + 2 < len ? tab[v & 63] : '=');
	}
}

static bool url_ok(struct ui *ui, const char *url)
{
	if (!url || !*url) {
		msg_set(ui, true, "this article has no URL");
		return false;
	}
	for (const char *p = url; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f) {
			msg_set(ui, true, "the URL holds control characters; not used");
			return false;
		}
	return true;
}

/* The OSC 52 sequence for the terminal diglot runs in.  tmux (3.3 and
 * later) drops a DCS passthrough unless allow-passthrough is on, but
 * takes a bare OSC 52 itself when set-clipboard is on (and passes it on
 * to the outer terminal): so inside tmux the bare sequence.  GNU screen
 * passes nothing on by itself: there the DCS wrapper. */
static void osc52(const char *b64, struct sbuf *seq)
{
	const char *tmux = getenv("TMUX"), *sty = getenv("STY");
	bool screen = !(tmux && *tmux) && sty && *sty;
	if (screen)
		sbuf_addstr(seq, "\033P");
	sbuf_addf(seq, "\033]52;c;%s\a", b64);
	if (screen)
		sbuf_addstr(seq, "\033\\");
}

static void write_tty(const struct sbuf *seq)
{
	int fd = open("/dev/tty", O_WRONLY | O_NOCTTY | O_CLOEXEC);
	int out = fd >= 0 ? fd : STDOUT_FILENO;
	size_t off = 0;
	while (off < seq->len) {
		ssize_t n = write(out, seq->s + off, seq->len - off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		off += (size_t)n;
	}
	if (fd >= 0)
		close(fd);
}

int url_copy(struct ui *ui, const char *url)
{
	if (!url_ok(ui, url))
		return R_DRAW;
	struct sbuf seq = SBUF_INIT, b64 = SBUF_INIT;
	base64(url, strlen(url), &b64);
	osc52(sbuf_str(&b64), &seq);
	write_tty(&seq);
	/* The terminal never answers OSC 52: whether the clipboard took it
	 * cannot be known here, so say only what was done. */
	msg_set(ui, false, "sent to the terminal's clipboard (OSC 52): %s", url);
	sbuf_free(&seq);
	sbuf_free(&b64);
	return R_DRAW;
}

/* ---- $BROWSER -------------------------------------------------------------- */

struct argv {
	char **v;
	size_t n, cap;
};

static void argv_add(struct argv *a, char *s)
{
	xgrow(&a->v, &a->cap, a->n + 2, sizeof *a->v);
	a->v[a->n++] = s;
	a->v[a->n] = NULL;
}

static void argv_free(struct argv *a)
{
	for (size_t i = 0; i < a->n; i++)
		free(a->v[i]);
	free(a->v);
	*a = (struct argv){0};
}

/* One word of a shell-like command, from *p: quotes and backslashes as
 * in sh, "%s" the URL (newsboat's convention), "%%" a '%'.  Sets *had_url
 * when the word held %s. */
static char *browser_word(const char **p, const char *url, bool *had_url)
{
	struct sbuf w = SBUF_INIT;
	char quote = 0;
	const char *s = *p;
	for (; *s && (quote || (*s != ' ' && *s != '\t')); s++) {
		if (quote && *s == quote)
			quote = 0;
		else if (!quote && (*s == '\'' || *s == '"'))
			quote = *s;
		else if (*s == '\\' && quote != '\'' && s[1])
			sbuf_addc(&w, *++s);
		else if (*s == '%' && s[1] == 's')
			sbuf_addstr(&w, url), s++, *had_url = true;
		else if (*s == '%' && s[1] == '%')
			sbuf_addc(&w, '%'), s++;
		else
			sbuf_addc(&w, *s);
	}
	*p = s;
	sbuf_addstr(&w, ""); /* a string even when empty ('') */
	return sbuf_detach(&w);
}

/* One entry of $BROWSER as an argv; the URL last unless a word has %s. */
static void browser_argv(const char *cmd, size_t len, const char *url, struct argv *a)
{
	char *c = xstrndup(cmd, len);
	const char *p = c;
	bool had_url = false;
	for (;;) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p)
			break;
		argv_add(a, browser_word(&p, url, &had_url));
	}
	if (a->n && !had_url)
		argv_add(a, xstrdup(url));
	free(c);
}

/* Run argv with the terminal handed over; its exit status, 127 when it
 * could not be run at all. */
static int run_browser(char **argv)
{
	def_prog_mode();
	endwin();
	pid_t pid = fork();
	if (pid == 0) {
		execvp(argv[0], argv);
		_exit(127);
	}
	int status = 0;
	if (pid > 0)
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
	reset_prog_mode();
	refresh();
	if (pid < 0)
		return 127;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

int url_open(struct ui *ui, const char *url)
{
	if (!url_ok(ui, url))
		return R_DRAW;
	const char *env = getenv("BROWSER");
	if (!env || !*env) {
		msg_set(ui, true, "set $BROWSER to open URLs (the URL: %s)", url);
		return R_DRAW;
	}
	/* $BROWSER may list several commands separated by ':' (the BROWSER
	 * convention); the first that can be run is used.  Each is split
	 * like a shell word list, never given to a shell. */
	int rc = 127;
	char *tried = NULL;
	for (const char *p = env; rc == 127 && *p; p += *p == ':') {
		size_t len = strcspn(p, ":");
		struct argv a = {0};
		browser_argv(p, len, url, &a);
		p += len;
		if (!a.n)
			continue;
		free(tried);
		tried = xstrdup(a.v[0]);
		rc = run_browser(a.v);
		argv_free(&a);
	}
	if (rc == 0)
		msg_set(ui, false, "opened %s", url);
	else if (rc == 127)
		msg_set(ui, true, "$BROWSER: could not run %s", tried ? tried : env);
	else
		msg_set(ui, true, "%s: could not open the URL (exit %d)", tried, rc);
	free(tried);
	return R_DRAW;
}
