/*
 * ui_export.c: the article as text to a file or a command (ui_export.h).
 * The text is the layout's lines, sanitised again as `diglot show` does,
 * so what the user saves is what the CLI prints.
 */
#include "ui_int.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "diglot/utf8.h"
#include "ui_export.h"
#include "ui_msg.h"

static void article_text(const struct article *a, enum layout_view view, int width, struct sbuf *out)
{
	struct layout l = {0};
	layout_article(&l, a, view, width);
	for (size_t i = 0; i < l.n; i++) {
		char *line = utf8_sanitize(l.lines[i].text, strlen(l.lines[i].text), false);
		sbuf_addstr(out, line);
		sbuf_addc(out, '\n');
		free(line);
	}
	layout_free(&l);
}

static bool write_all(int fd, const char *s, size_t len)
{
	while (len) {
		ssize_t n = write(fd, s, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return false;
		s += n;
		len -= (size_t)n;
	}
	return true;
}

/* "~" and "~/x" are under $HOME; anything else as typed. */
static char *expand_home(const char *path)
{
	const char *home = getenv("HOME");
	if (path[0] == '~' && (path[1] == '/' || !path[1]) && home && *home)
		return xasprintf("%s%s", home, path + 1);
	return xstrdup(path);
}

int export_save(struct ui *ui, const struct article *a, enum layout_view view, int width,
                const char *path)
{
	char *full = expand_home(path);
	/* O_EXCL: a typo must not replace a file the user had. */
	int fd = open(full, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
	if (fd < 0) {
		msg_set(ui, true, "%s: %s", full, errno == EEXIST ? "exists; not overwritten" : strerror(errno));
		free(full);
		return R_DRAW;
	}
	struct sbuf t = SBUF_INIT;
	article_text(a, view, width, &t);
	bool ok = write_all(fd, t.s ? t.s : "", t.len);
	ok = close(fd) == 0 && ok;
	if (ok)
		msg_set(ui, false, "saved to %s", full);
	else
		msg_set(ui, true, "%s: %s", full, strerror(errno));
	sbuf_free(&t);
	free(full);
	return R_DRAW;
}

/* The child: the pipe's read end as stdin, then the user's command. */
static void pipe_child(int in, const char *cmd)
{
	dup2(in, STDIN_FILENO);
	close(in);
	signal(SIGPIPE, SIG_DFL);
	execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
	_exit(127);
}

/* Hand the text to the running child; a command that stops reading
 * early (head) is no error. */
static int pipe_feed(pid_t pid, int out, const struct sbuf *t)
{
	write_all(out, t->s ? t->s : "", t->len);
	close(out);
	int status = 0;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

int export_pipe(struct ui *ui, const struct article *a, enum layout_view view, int width,
                const char *cmd)
{
	int fds[2];
	if (pipe(fds) < 0) {
		msg_set(ui, true, "pipe: %s", strerror(errno));
		return R_DRAW;
	}
	struct sbuf t = SBUF_INIT;
	article_text(a, view, width, &t);
	def_prog_mode();
	endwin();
	pid_t pid = fork();
	if (pid == 0) {
		close(fds[1]);
		pipe_child(fds[0], cmd);
	}
	close(fds[0]);
	int rc = pid < 0 ? 127 : pipe_feed(pid, fds[1], &t);
	if (pid < 0)
		close(fds[1]);
	/* The command's output is on the terminal: let the user read it. */
	fputs("\n[press Enter to return to diglot]", stdout);
	fflush(stdout);
	for (int c; (c = getchar()) != EOF && c != '\n' && c != '\r';)
		;
	reset_prog_mode();
	refresh();
	if (rc == 0)
		msg_set(ui, false, "piped to %s", cmd);
	else
		msg_set(ui, true, "%s: exit %d", cmd, rc);
	sbuf_free(&t);
	return R_DRAW;
}
