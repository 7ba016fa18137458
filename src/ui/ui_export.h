/*
 * ui_export.h: an article out of the reader as text, the lines
 * `diglot show --width W --view V` prints: saved to a file (`s`) or piped
 * to a command (`|`).  Both report on the message line and return enum
 * ui_result bits.
 */
#ifndef DIGLOT_UI_EXPORT_H
#define DIGLOT_UI_EXPORT_H

#include "diglot/article.h"
#include "diglot/layout.h"

struct ui;

/* Write a laid out for view and width to path ("~/" is $HOME); an
 * existing file is not overwritten. */
int export_save(struct ui *ui, const struct article *a, enum layout_view view, int width,
                const char *path);
/* Run cmd with /bin/sh (a command line the user typed, as mutt's pipe),
 * the text on its standard input, the terminal handed over until it
 * ends and a key is pressed. */
int export_pipe(struct ui *ui, const struct article *a, enum layout_view view, int width,
                const char *cmd);

#endif
