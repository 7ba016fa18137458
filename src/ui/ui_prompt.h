/*
 * ui_prompt.h: the '/' search prompt on the last line.  It edits text and
 * says what happened (enum prompt_event); what a search means is the
 * screen's business, and the loop's to pass on.
 */
#ifndef DIGLOT_UI_PROMPT_H
#define DIGLOT_UI_PROMPT_H

#include "diglot/common.h"
#include "diglot/history.h"
#include "diglot/keys.h"
#include "diglot/sbuf.h"

struct ui;

struct prompt {
	bool on;
	enum request req;  /* REQ_SEARCH, or the request prompt_ask asks for */
	char label[32];    /* drawn before the text: "/", "Save to: " */
	struct sbuf edit;
	size_t pos;        /* byte offset of the cursor in edit */
	char *saved_query; /* the search there was when the prompt opened */
	bool pending;      /* typed since the text was last searched */
	int64_t edit_ms;   /* when the text last changed */
	struct history hist; /* a search prompt's history, read as it opens */
	size_t hist_pos;     /* the entry shown; hist.n: the user's own text */
	char *draft;         /* the user's own text while an entry is shown */
};

enum prompt_event {
	PROMPT_NONE,   /* nothing to show */
	PROMPT_EDITED, /* the text or its cursor moved */
	PROMPT_ENTER,  /* closed, keeping the text */
	PROMPT_CANCEL, /* closed, dropping it */
};

void prompt_free(struct prompt *p);
/* Open the prompt, empty, over the search query, with the search history
 * (history.h) for Up and Down.  Returns R_DRAW. */
int prompt_start(struct prompt *p, const char *query);
/* Open the prompt for the text request r needs (a path, a command),
 * with label before it and initial text.  On Enter the loop hands r to
 * the screen again with the text in ui->answer.  Returns R_DRAW. */
int prompt_ask(struct prompt *p, enum request r, const char *label, const char *initial);
/* A search prompt closed with Enter: add its text to the history file
 * (re-read first, so that two readers open at once both keep theirs).
 * DG_ERR with *cause when the file cannot be written. */
enum dg_status prompt_remember(struct prompt *p, char **cause);
/* One key while the prompt is open; now_ms times the debounce. */
enum prompt_event prompt_key(struct prompt *p, int code, int64_t now_ms);
/* Typing paused long enough to search as the user types: *text gets what
 * to search for (the search there was when the text is empty). */
bool prompt_due(struct prompt *p, int64_t now_ms, const char **text);
/* Typing waits for a search: the loop polls sooner. */
bool prompt_waiting(const struct prompt *p);
/* The text is query and was searched already (no typing since). */
bool prompt_shown(const struct prompt *p, const char *query);
const char *prompt_text(const struct prompt *p);
const char *prompt_saved(const struct prompt *p);
/* Paint the prompt on the last line and leave the cursor in it. */
void prompt_draw(struct ui *ui);

#endif
