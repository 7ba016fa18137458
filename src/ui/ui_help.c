/*
 * ui_help.c: the help screen, generated from the key table so it always
 * tells the truth, and the two ways out to the world: copying the
 * article URL with OSC 52 (works over ssh and inside tmux) and opening it
 * with $BROWSER (fork and exec, never a shell).
 */
#include "ui_int.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int help_open(struct ui *ui)
{
	struct sbuf b = SBUF_INIT;
	help_free(ui);
	sbuf_addstr(&b, "diglot keys (rebind with 'bind KEY ACTION' in ~/.config/diglot/config)\n\n");
	keys_help_text(&b);
	sbuf_addstr(&b, "\nIn the search prompt: Enter keeps the results, Esc restores the list,\n"
	                "C-u clears, C-w deletes a word, Left/Right move.\n"
	                "\nPress q to leave this screen.\n");
	size_t cap = 0;
	const char *p = sbuf_str(&b);
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		xgrow(&ui->help, &cap, ui->nhelp + 1, sizeof *ui->help);
		ui->help[ui->nhelp++] = xstrndup(p, n);
		p += n + (nl != NULL);
	}
	sbuf_free(&b);
	ui->help_return = ui->mode;
	ui->mode = MODE_HELP;
	ui->htop = 0;
	return R_DRAW;
}

void help_free(struct ui *ui)
{
	for (size_t i = 0; i < ui->nhelp; i++)
		free(ui->help[i]);
	xfree(&ui->help);
	ui->nhelp = 0;
}

void help_draw(struct ui *ui)
{
	int h = ui_body_rows(ui);
	ui->htop = MAX(0, MIN(ui->htop, (int)ui->nhelp - h));
	for (int y = 0; y < h; y++) {
		size_t i = (size_t)(ui->htop + y);
		if (i < ui->nhelp)
			draw_text(ui, 1 + y, 0, ui->help[i], strlen(ui->help[i]), ui->cols,
			          i == 0 ? draw_attr(ui, EL_TITLE) : A_NORMAL, NULL, 0, 0, true);
		else
			draw_fill(1 + y, 0, ui->cols, A_NORMAL);
	}
}

int help_handle(struct ui *ui, enum request r)
{
	int h = ui_body_rows(ui);
	switch (r) {
	case REQ_MOVE_DOWN: ui->htop++; break;
	case REQ_MOVE_UP: ui->htop--; break;
	case REQ_PAGE_DOWN: ui->htop += h - 1; break;
	case REQ_PAGE_UP: ui->htop -= h - 1; break;
	case REQ_MOVE_FIRST: ui->htop = 0; break;
	case REQ_MOVE_LAST: ui->htop = (int)ui->nhelp; break;
	case REQ_BACK:
	case REQ_HELP:
		ui->mode = ui->help_return;
		help_free(ui);
		break;
	default: return R_NONE;
	}
	return R_DRAW;
}

/* ---- the URL ------------------------------------------------------------- */

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
		ui_message(ui, true, "this article has no URL");
		return false;
	}
	for (const char *p = url; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f) {
			ui_message(ui, true, "the URL holds control characters; not used");
			return false;
		}
	return true;
}

int ui_copy_url(struct ui *ui, const char *url)
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
	ui_message(ui, false, "copied %s", url);
	sbuf_free(&seq);
	sbuf_free(&b64);
	return R_DRAW;
}

int ui_open_url(struct ui *ui, const char *url)
{
	if (!url_ok(ui, url))
		return R_DRAW;
	const char *env = getenv("BROWSER");
	if (!env || !*env) {
		ui_message(ui, true, "set $BROWSER to open URLs (the URL: %s)", url);
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
		ui_message(ui, true, "%s: could not open the URL", prog);
	else
		ui_message(ui, false, "opened %s", url);
	free(prog);
	return R_DRAW;
}
