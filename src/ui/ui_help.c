/*
 * ui_help.c: the help screen, generated from the key table so it always
 * tells the truth.  It opens over any screen on its key (`?`) and the
 * same key closes it.
 */
#include "ui_int.h"

#include <stdlib.h>
#include <string.h>

#include "ui_draw.h"
#include "ui_scroll.h"

struct help {
	char **lines;
	size_t n;
	struct scroll sc;
};

static void help_close(void *state)
{
	struct help *h = state;
	for (size_t i = 0; i < h->n; i++)
		free(h->lines[i]);
	free(h->lines);
	free(h);
}

/* Cut text into h's lines. */
static void help_split(struct help *h, const char *p)
{
	size_t cap = 0;
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		xgrow(&h->lines, &cap, h->n + 1, sizeof *h->lines);
		h->lines[h->n++] = xstrndup(p, n);
		p += n + (nl != NULL);
	}
}

static void *help_open(struct ui *ui, int *res)
{
	struct help *h = xcalloc(1, sizeof *h);
	struct sbuf b = SBUF_INIT;
	/* The file really read: --config, or XDG_CONFIG_HOME's. */
	sbuf_addf(&b, "diglot keys (rebind with 'bind KEY ACTION', M-x too, or 'keys newsboat|vi', in %s)\n\n",
	          ui->config_path ? ui->config_path : "$XDG_CONFIG_HOME/diglot/config");
	keys_help_text(&b);
	sbuf_addstr(&b, "\nIn the search prompt: Enter keeps the results, Esc restores the list,\n"
	                "C-u deletes to the start, C-k to the end, C-w a word, Left/Right move,\n"
	                "Up/Down (C-p/C-n) walk the search history, C-l redraws.\n"
	                "\nMouse: click selects, double click opens, the wheel scrolls ('mouse no' turns it off).\n"
	                "\nPress q to leave this screen.\n");
	help_split(h, sbuf_str(&b));
	sbuf_free(&b);
	h->sc.overlap = 1;
	*res = R_DRAW;
	return h;
}

/* The view over the help lines, for the current terminal size. */
static struct scroll *help_scroll(struct ui *ui, struct help *h)
{
	h->sc.count = (int64_t)h->n;
	h->sc.page = ui_body_rows(ui);
	scroll_clamp(&h->sc);
	return &h->sc;
}

static void help_draw(struct ui *ui, void *state, struct sbuf *title, struct sbuf *status)
{
	struct help *h = state;
	int rows = ui_body_rows(ui);
	int64_t top = help_scroll(ui, h)->top;
	for (int y = 0; y < rows; y++) {
		size_t i = (size_t)(top + y);
		if (i < h->n)
			draw_text(ui, 1 + y, 0, h->lines[i], strlen(h->lines[i]), ui->cols,
			          i == 0 ? draw_attr(ui, EL_TITLE) : A_NORMAL, NULL, 0, 0, true);
		else
			draw_fill(1 + y, 0, ui->cols, A_NORMAL);
	}
	sbuf_addstr(title, " diglot help");
	sbuf_addf(status, " %zu keys and actions", h->n);
}

static int help_handle(struct ui *ui, void *state, enum request r)
{
	if (scroll_view(help_scroll(ui, state), r))
		return R_DRAW;
	switch (r) {
	case REQ_BACK:
	case REQ_ESCAPE:
	case REQ_HELP: return R_BACK;
	default: return R_PASS;
	}
}

const struct screen_ops help_screen = {
	.name = "help",
	.opener = REQ_HELP,
	.open = help_open,
	.close = help_close,
	.draw = help_draw,
	.handle = help_handle,
};
