/*
 * ui_url.h: the two ways out to the world for an article's URL, for any
 * screen that shows one.  Both report on the message line and return
 * enum ui_result bits.
 */
#ifndef DIGLOT_UI_URL_H
#define DIGLOT_UI_URL_H

struct ui;

/* Copy with OSC 52: the terminal's clipboard, over ssh and inside tmux. */
int url_copy(struct ui *ui, const char *url);
/* Open with the first program of $BROWSER (fork and exec, never a shell). */
int url_open(struct ui *ui, const char *url);

#endif
