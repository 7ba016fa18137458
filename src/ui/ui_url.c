/*
 * ui_url.c: copying the article URL with OSC 52 (works over ssh and inside
 * tmux) and opening it with $BROWSER (fork and exec, never a shell).  A URL
 * with control characters is refused: it would reach the terminal or
 * another program's argv as is.
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

int url_copy(struct ui *ui, const char *url)
{
	if (!url_ok(ui, url))
		return R_DRAW;
	struct sbuf seq = SBUF_INIT, b64 = SBUF_INIT;
	base64(url, strlen(url), &b64);
	/* Inside tmux the sequence must be wrapped in a DCS passthrough,
	 * with every ESC in it doubled. */
	bool tmux = getenv("TMUX") && *getenv("TMUX");
	if (tmux)
		sbuf_addstr(&seq, "\033Ptmux;\033");
	sbuf_addf(&seq, "\033]52;c;%s\a", sbuf_str(&b64));
	if (tmux)
		sbuf_addstr(&seq, "\033\\");
	int fd = open("/dev/tty", O_WRONLY | O_NOCTTY | O_CLOEXEC);
	int out = fd >= 0 ? fd : STDOUT_FILENO;
	size_t off = 0;
	while (off < seq.len) {
		ssize_t n = write(out, seq.s + off, seq.len - off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		off += (size_t)n;
	}
	if (fd >= 0)
		close(fd);
	msg_set(ui, false, "copied %s", url);
	sbuf_free(&seq);
	sbuf_free(&b64);
	return R_DRAW;
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
	/* $BROWSER may list several programs separated by ':'; use the first. */
	char *prog = xstrndup(env, strcspn(env, ":"));
	def_prog_mode();
	endwin();
	pid_t pid = fork();
	if (pid == 0) {
		char *argv[] = {prog, (char *)url, NULL};
		execvp(prog, argv);
		_exit(127);
	}
	int status = 0;
	if (pid > 0)
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
	reset_prog_mode();
	refresh();
	if (pid < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
		msg_set(ui, true, "%s: could not open the URL", prog);
	else
		msg_set(ui, false, "opened %s", url);
	free(prog);
	return R_DRAW;
}
