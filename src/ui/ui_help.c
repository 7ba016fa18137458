/*
 * ui_help.c: the help screen, generated from the key table so it always
 * tells the truth.
 */
#include "ui_int.h"

#include <stdlib.h>
#include <string.h>

#include "ui_draw.h"

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
	ui->help_sc = (struct scroll){.overlap = 1};
	return R_DRAW;
}

void help_free(struct ui *ui)
{
	for (size_t i = 0; i < ui->nhelp; i++)
		free(ui->help[i]);
	xfree(&ui->help);
	ui->nhelp = 0;
}

/* The view over the help lines, for the current terminal size. */
static struct scroll *help_scroll(struct ui *ui)
{
	ui->help_sc.count = (int64_t)ui->nhelp;
	ui->help_sc.page = ui_body_rows(ui);
	scroll_clamp(&ui->help_sc);
	return &ui->help_sc;
}

void help_draw(struct ui *ui)
{
	int h = ui_body_rows(ui);
	help_scroll(ui);
	for (int y = 0; y < h; y++) {
		size_t i = (size_t)(ui->help_sc.top + y);
		if (i < ui->nhelp)
			draw_text(ui, 1 + y, 0, ui->help[i], strlen(ui->help[i]), ui->cols,
			          i == 0 ? draw_attr(ui, EL_TITLE) : A_NORMAL, NULL, 0, 0, true);
		else
			draw_fill(1 + y, 0, ui->cols, A_NORMAL);
	}
}

int help_handle(struct ui *ui, enum request r)
{
	if (scroll_view(help_scroll(ui), r))
		return R_DRAW;
	switch (r) {
	case REQ_BACK:
	case REQ_HELP:
		ui->mode = ui->help_return;
		help_free(ui);
		break;
	default: return R_NONE;
	}
	return R_DRAW;
}
