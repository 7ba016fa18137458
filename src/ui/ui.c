/*
 * ui.c: the reader's start and its one event loop.  Start-up checks that
 * the terminal can run a full-screen program, reads the config and theme,
 * and opens the first screen (ui_int.h's SCREEN_TABLE), which loads one
 * window of rows plus the sidebar aggregates: nothing that grows with the
 * library.  Screens are a stack: the top one gets the keys and paints,
 * the ones under it keep their state and hear about changes (R_RELOAD,
 * R_QUERY, R_FLAGGED).  Handlers return what they changed; only this loop
 * opens and closes screens, reloads and paints.  Signals only set a flag;
 * the loop restores the terminal and returns, and since every state
 * change was committed when it happened, nothing is lost.
 * DIGLOT_TRACE=FILE appends a "start" line (the start-up phases in
 * microseconds) and one line per key: its name, handling and painting us;
 * "fill_window US" when a new list's window was topped up after its first
 * paint (start-up, a search).
 */
#include "ui_int.h"

#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <time.h>
#include <unistd.h>

#include "diglot/ui.h"
#include "ui_draw.h"

#define POLL_MS 2000    /* how often another process's changes are looked for */
#define IDLE_MS 500     /* the idle work's turn comes at least this often */
#define MIN_COLS 20
#define MIN_ROWS 5
#define STACK_MAX 8     /* screens open at once; today at most list, pager, story or links, help */

static volatile sig_atomic_t got_signal;

static void on_signal(int sig)
{
	got_signal = sig;
}

static int64_t now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static int64_t now_ms(void)
{
	return now_us() / 1000;
}

/* ---- start-up ---------------------------------------------------------------- */

/* Problems found before the screen is up: stderr is hidden once it is,
 * so the message line gets their count and the first few. */
#define ERRS_SHOWN 3
struct errs {
	struct ui *ui;
	int n;
	struct sbuf first; /* the first ERRS_SHOWN, "; " between them */
};

static void errs_add(struct errs *e, const char *text)
{
	if (e->n++ < ERRS_SHOWN)
		sbuf_addf(&e->first, "%s%s", e->first.len ? "; " : "", text);
}

/* The message line: the one problem, or how many and the first few. */
static void errs_show(struct errs *e)
{
	if (e->n == 1)
		msg_set(e->ui, true, "%s", sbuf_str(&e->first));
	else if (e->n > 1)
		msg_set(e->ui, true, "%d problems (all on stderr after quitting): %s%s", e->n,
		        sbuf_str(&e->first), e->n > ERRS_SHOWN ? "; ..." : "");
	sbuf_free(&e->first);
}

/* The file name alone: the message line is short, stderr has the path. */
static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash && slash[1] ? slash + 1 : path;
}

/* Config and theme errors: on stderr now, on the message line once the
 * screen is up. */
static void report(void *ctx, const char *file, int line, const char *why)
{
	struct errs *e = ctx;
	fprintf(stderr, "diglot: %s:%d: %s\n", file, line, why);
	char *t = xasprintf("%s:%d: %s", base_name(file), line, why);
	errs_add(e, t);
	free(t);
}

int ui_check_terminal(void)
{
	const char *term = getenv("TERM");
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "diglot: the reader needs a terminal: standard input and output must be a tty "
		                "(use 'diglot list' or 'diglot show' in scripts)\n");
		return -1;
	}
	if (!term || !*term) {
		fprintf(stderr, "diglot: terminal '' cannot run the reader: TERM is not set\n");
		return -1;
	}
	int err = 0;
	if (setupterm(NULL, STDOUT_FILENO, &err) != OK) {
		/* err 0: no terminfo entry of that name (or a generic one);
		 * -1: no terminfo database at all. */
		if (err == 0)
			fprintf(stderr, "diglot: unknown terminal type '%s' (no terminfo entry; "
			                "try TERM=xterm-256color)\n", term);
		else
			fprintf(stderr, "diglot: terminal '%s' cannot run the reader: no terminfo database\n",
			        term);
		return -1;
	}
	const char *cup = tigetstr("cup");
	bool ok = cup && cup != (char *)-1;
	del_curterm(cur_term);
	if (!ok) {
		fprintf(stderr, "diglot: terminal '%s' cannot run the reader: it cannot move the cursor\n", term);
		return -1;
	}
	return 0;
}

static void load_settings(struct ui *ui, const struct ui_opts *o, struct errs *e, const char *dir)
{
	settings_init(&ui->set);
	char *path = o && o->config ? xstrdup(o->config) : dir ? xasprintf("%s/config", dir) : NULL;
	if (path && settings_load(&ui->set, path, report, e) == DG_ERR)
		report(e, path, 0, "cannot read the config file");
	ui->config_path = path; /* the help screen names the file really read */
}

static void load_theme(struct ui *ui, const struct ui_opts *o, struct errs *e, const char *dir)
{
	const char *name = o && o->theme ? o->theme : ui->set.theme ? ui->set.theme : "default";
	const char *nc = getenv("NO_COLOR");
	theme_default(&ui->theme);
	if (nc && *nc) {
		theme_mono(&ui->theme);
		return;
	}
	if (!strcmp(name, "mono")) {
		theme_mono(&ui->theme);
		return;
	}
	int rc = theme_load(&ui->theme, name, dir, report, e);
	if (rc != DG_OK && strcmp(name, "default") != 0) {
		const char *why = rc == DG_NOTFOUND ? "not found" : "cannot read it";
		fprintf(stderr, "diglot: theme '%s': %s\n", name, why);
		char *t = xasprintf("theme '%s': %s", name, why);
		errs_add(e, t);
		free(t);
	}
}

static void load_config(struct ui *ui, const struct ui_opts *o, struct errs *e)
{
	char *dir = settings_dir();
	load_settings(ui, o, e, dir);
	load_theme(ui, o, e, dir);
	free(dir);
}

static void install_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0; /* no SA_RESTART: a blocked read returns and the loop sees the flag */
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
}

static SCREEN *start_curses(struct ui *ui)
{
	SCREEN *screen = newterm(NULL, stdout, stdin);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	/* Only what the reader uses: with the mouse off (or any button left
	 * out) the terminal keeps its own selection.  Only a terminal that
	 * reports the mouse itself (xterm, tmux, screen...): on the Linux
	 * console (TERM=linux*) ncurses would dlopen libgpm, the client of a
	 * daemon the reader has no need of (and which leaks under the
	 * sanitizers). */
	const char *term = getenv("TERM");
	if (ui->set.mouse && term && strncmp(term, "linux", 5) != 0)
		mousemask(BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
	draw_init_colors(ui);
	/* A colour theme marks the cursor row by its background alone: on a
	 * terminal without colours that row would look like any unread one. */
	if (!ui->color)
		theme_mono(&ui->theme);
	getmaxyx(stdscr, ui->rows, ui->cols);
	return screen;
}

/* ---- keys ------------------------------------------------------------------ */

static int translate(int r, wint_t ch)
{
	if (r == KEY_CODE_YES) {
		switch (ch) {
		case KEY_MOUSE: return KEYC_MOUSE;
		case KEY_UP: return KEYC_UP;
		case KEY_DOWN: return KEYC_DOWN;
		case KEY_LEFT: return KEYC_LEFT;
		case KEY_RIGHT: return KEYC_RIGHT;
		case KEY_PPAGE: return KEYC_PGUP;
		case KEY_NPAGE: return KEYC_PGDN;
		case KEY_HOME: case KEY_FIND: return KEYC_HOME;
		case KEY_END: case KEY_SELECT: return KEYC_END;
		case KEY_ENTER: return KEYC_ENTER;
		case KEY_BACKSPACE: return KEYC_BACKSPACE;
		case KEY_DC: return KEYC_DELETE;
		case KEY_IC: return KEYC_INSERT;
		case KEY_BTAB: return KEYC_TAB;
		default:
			if (ch >= KEY_F(1) && ch <= KEY_F(12))
				return KEYC_F1 + (int)(ch - KEY_F(1));
			return -1;
		}
	}
	switch (ch) {
	case '\r': case '\n': return KEYC_ENTER;
	case '\t': return KEYC_TAB;
	case 27: return KEYC_ESC;
	case 127: case 8: return KEYC_BACKSPACE;
	default: return (int)ch;
	}
}

/* Meta-x reaches us as ESC then x, in one write of the terminal: a key
 * already waiting after ESC makes the two one key (KEYC_META).  Esc
 * alone stays Esc; in the prompt and a question it is never combined,
 * so Esc there cancels at once whatever is typed next. */
static int with_meta(int esc)
{
	wint_t ch = 0;
	timeout(0);
	int r = get_wch(&ch);
	if (r == ERR)
		return esc;
	int code = translate(r, ch);
	if (code >= 0 && code != KEYC_ESC)
		return code | KEYC_META;
	/* Esc Esc, a resize: not a Meta key; the next read gets it. */
	if (r == KEY_CODE_YES)
		ungetch((int)ch);
	else
		unget_wch((wchar_t)ch);
	return esc;
}

/* ---- the screens ------------------------------------------------------------ */

#define SCREEN_ENTRY(name) &name##_screen,
static const struct screen_ops *const screens[] = {SCREEN_TABLE(SCREEN_ENTRY)};
#undef SCREEN_ENTRY

struct open_screen {
	const struct screen_ops *ops;
	void *state;
};

/* The open screens, the first at the bottom; never empty while the loop runs. */
struct stack {
	struct open_screen s[STACK_MAX];
	int n;
};

static struct open_screen *stack_top(struct stack *s)
{
	return &s->s[s->n - 1];
}

/* Open ops over the top screen, on the article that screen hands over. */
static int push(struct ui *ui, struct stack *s, const struct screen_ops *ops)
{
	if (s->n == STACK_MAX)
		return R_NONE;
	if (s->n) {
		const struct open_screen *t = stack_top(s);
		if (t->ops->article)
			ui->article = t->ops->article(t->state);
	}
	int res = R_NONE;
	void *state = ops->open(ui, &res);
	if (state)
		s->s[s->n++] = (struct open_screen){ops, state};
	return res;
}

static void pop(struct stack *s)
{
	struct open_screen *t = stack_top(s);
	t->ops->close(t->state);
	s->n--;
}

/* A change every open screen may show (R_RELOAD, R_QUERY, R_FLAGGED). */
static int broadcast(struct ui *ui, struct stack *s, int what)
{
	int res = R_NONE;
	for (int i = 0; i < s->n; i++)
		if (s->s[i].ops->update)
			res |= s->s[i].ops->update(ui, s->s[i].state, what);
	return res;
}

static bool opens_screen(enum request r)
{
	for (size_t i = 0; i < ARRAY_SIZE(screens); i++)
		if (r != REQ_NONE && screens[i]->opener == r)
			return true;
	return false;
}

/* A request the top screen passed on: the screen it opens, if any. */
static int open_on(struct ui *ui, struct stack *s, enum request r)
{
	for (size_t i = 0; i < ARRAY_SIZE(screens); i++)
		if (r != REQ_NONE && screens[i]->opener == r)
			return push(ui, s, screens[i]);
	return R_NONE;
}

/* R_OPEN_ARTICLE | R_BACK: the pager just opened takes the place of the
 * screen that opened it, and of a pager under that one (the story
 * screen over a pager): pagers never pile up, and q goes back to the list. */
static void give_way(struct stack *s)
{
	struct open_screen top = s->s[s->n - 1];
	int drop = s->n >= 3 && s->s[s->n - 3].ops == &pager_screen ? 2 : 1;
	for (int i = 0; i < drop; i++) {
		struct open_screen *o = &s->s[s->n - 2 - i];
		o->ops->close(o->state);
	}
	s->n -= drop;
	s->s[s->n - 1] = top;
}

/* R_STEP: the nearest screen under the top one that can move to the
 * next or previous article does, and the pager opens again on it. */
static int step(struct ui *ui, struct stack *s)
{
	const struct open_screen *t = stack_top(s);
	int64_t from = t->ops->article ? t->ops->article(t->state) : 0;
	for (int i = s->n - 2; i >= 0; i--) {
		const struct open_screen *o = &s->s[i];
		if (!o->ops->step)
			continue;
		if (!o->ops->step(ui, o->state, from, &ui->step)) {
			msg_set(ui, false, "%s", ui->step.unread  ? "no more unread articles"
			                         : ui->step.dir > 0 ? "this is the last article"
			                                            : "this is the first article");
			return R_DRAW;
		}
		while (s->n > i + 1)
			pop(s);
		return push(ui, s, &pager_screen) | R_DRAW;
	}
	return R_NONE;
}

/* Act on what a handler returned: open and close screens, and let every
 * open screen follow a change.  Returns what is left for the loop. */
static int settle(struct ui *ui, struct stack *s, enum request r, int res)
{
	if (res & R_STEP)
		res |= step(ui, s);
	if (res & R_PASS)
		res |= open_on(ui, s, r);
	if (res & R_OPEN_ARTICLE) {
		int before = s->n;
		res |= push(ui, s, &pager_screen);
		if ((res & R_BACK) && s->n > before) {
			give_way(s);
			res &= ~R_BACK;
		}
	}
	if ((res & R_BACK) && s->n > 1) {
		pop(s);
		res |= R_DRAW;
	}
	if (res & R_FLAGGED)
		res |= broadcast(ui, s, R_FLAGGED);
	if (res & R_QUERY)
		res |= broadcast(ui, s, R_QUERY);
	return res & ~(R_PASS | R_OPEN_ARTICLE | R_BACK | R_FLAGGED | R_QUERY | R_STEP);
}

/* ---- the search prompt ----------------------------------------------------- */

/* A new search (NULL or "" for none): every open screen follows it. */
static int set_query(struct ui *ui, struct stack *s, const char *text)
{
	char *q = text && *text ? xstrdup(text) : NULL;
	free(ui->query);
	ui->query = q;
	return broadcast(ui, s, R_QUERY);
}

/* A key while the prompt is open.  The query changes here, then the
 * screen under the prompt hears how it closed. */
/* A prompt that asked for a path or a command (prompt_ask) closed: on
 * Enter its request goes to the screen again, the text in ui->answer. */
static int ask_dispatch(struct ui *ui, struct stack *s, enum prompt_event ev)
{
	struct open_screen *t = stack_top(s);
	enum request r = ui->prompt.req;
	if (ev == PROMPT_CANCEL || !*prompt_text(&ui->prompt)) {
		msg_set(ui, false, "cancelled");
		return R_DRAW;
	}
	ui->answer = prompt_text(&ui->prompt);
	int res = t->ops->handle(ui, t->state, r);
	ui->answer = NULL;
	return settle(ui, s, r, res) | R_DRAW;
}

/* A search the user entered goes to the history; a history that cannot
 * be written is said, but the search goes on. */
static void remember(struct ui *ui)
{
	char *cause = NULL;
	if (prompt_remember(&ui->prompt, &cause) != DG_OK) {
		msg_set(ui, true, "search history: %s", cause);
		free(cause);
	}
}

static int prompt_dispatch(struct ui *ui, struct stack *s, int code)
{
	struct open_screen *t = stack_top(s);
	bool live = t->ops->live_search;
	int res = R_DRAW;
	enum prompt_event ev = prompt_key(&ui->prompt, code, now_ms());
	if (ui->prompt.req != REQ_SEARCH && (ev == PROMPT_ENTER || ev == PROMPT_CANCEL))
		return ask_dispatch(ui, s, ev);
	switch (ev) {
	case PROMPT_NONE: return R_NONE;
	case PROMPT_EDITED: return R_DRAW;
	case PROMPT_ENTER:
		remember(ui);
		/* The results typed so far are already shown (the live search
		 * ran this very query): keep them rather than search again. */
		/* Only a live search is the library's: a screen without one (the
		 * pager) searches its own text and takes it from the prompt, so
		 * the list under it keeps its rows and place. */
		if (live && !prompt_shown(&ui->prompt, ui->query))
			res |= set_query(ui, s, prompt_text(&ui->prompt));
		if (t->ops->search)
			res |= t->ops->search(ui, t->state, SEARCH_ENTER);
		return settle(ui, s, REQ_NONE, res);
	case PROMPT_CANCEL:
		/* Only a live search changed the query while the user typed. */
		if (live)
			res |= set_query(ui, s, prompt_saved(&ui->prompt));
		if (t->ops->search)
			res |= t->ops->search(ui, t->state, SEARCH_CANCEL);
		msg_set(ui, false, "%s", "");
		return settle(ui, s, REQ_NONE, res);
	}
	return R_NONE;
}

/* No key came for a while: a live search runs once typing pauses. */
static int prompt_idle(struct ui *ui, struct stack *s)
{
	const char *text;
	if (!stack_top(s)->ops->live_search || ui->prompt.req != REQ_SEARCH ||
	    !prompt_due(&ui->prompt, now_ms(), &text))
		return R_NONE;
	return set_query(ui, s, text) | R_DRAW;
}

/* ---- keys to screens -------------------------------------------------------- */

/* A few requests mean the same on every screen; the rest go to the top one. */
static int redraw(void)
{
	clearok(curscr, TRUE);
	return R_DRAW;
}

/* The key after a question (ui_confirm.h) is its answer: y runs the
 * request again on the screen that asked, anything else drops it. */
static int answer(struct ui *ui, struct stack *s, int code)
{
	struct open_screen *t = stack_top(s);
	enum request r = ui->confirm.req;
	ui->confirm.on = false;
	if (code != 'y' && code != 'Y') {
		msg_set(ui, false, "cancelled");
		return R_DRAW;
	}
	ui->confirm.given = true;
	int res = t->ops->handle(ui, t->state, r);
	ui->confirm.given = false;
	return settle(ui, s, r, res) | R_DRAW;
}

/* ---- the mouse -------------------------------------------------------------- */

#define WHEEL_LINES 3

/* The wheel moves as the arrow keys do, a few lines a notch. */
static int wheel(struct ui *ui, struct stack *s, enum request r)
{
	int res = R_NONE;
	for (int i = 0; i < WHEEL_LINES; i++) {
		struct open_screen *t = stack_top(s);
		res |= settle(ui, s, r, t->ops->handle(ui, t->state, r));
	}
	return res;
}

/* A click puts the top screen's cursor where it was, a double click
 * opens what is there (REQ_OPEN, as Enter); the wheel scrolls. */
static int mouse(struct ui *ui, struct stack *s)
{
	MEVENT ev;
	if (getmouse(&ev) != OK)
		return R_NONE;
	if (ev.bstate & BUTTON4_PRESSED)
		return wheel(ui, s, REQ_MOVE_UP);
	if (ev.bstate & BUTTON5_PRESSED)
		return wheel(ui, s, REQ_MOVE_DOWN);
	struct open_screen *t = stack_top(s);
	if (!(ev.bstate & (BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED)) || !t->ops->click ||
	    !t->ops->click(ui, t->state, ev.y, ev.x))
		return R_NONE;
	if (!(ev.bstate & BUTTON1_DOUBLE_CLICKED))
		return R_DRAW;
	return settle(ui, s, REQ_OPEN, t->ops->handle(ui, t->state, REQ_OPEN)) | R_DRAW;
}

static int dispatch(struct ui *ui, struct stack *s, int code)
{
	/* A message answers the key before: the next key clears it. */
	msg_clear(ui);
	if (ui->confirm.on)
		return answer(ui, s, code);
	/* The prompt edits text, but C-l means redraw there too: no edit
	 * key uses it, and a garbled screen is no place to type. */
	if (code == KEYC_MOUSE) {
		MEVENT ev;
		/* The prompt wants keys: the event is dropped (a question
		 * above took it as its answer: no). */
		if (ui->prompt.on) {
			getmouse(&ev);
			return R_NONE;
		}
		return mouse(ui, s);
	}
	if (ui->prompt.on)
		return keys_lookup(code) == REQ_REDRAW && code < 0x20 ? redraw() : prompt_dispatch(ui, s, code);
	enum request r = keys_lookup(code);
	switch (r) {
	case REQ_NONE: {
		char buf[16];
		msg_set(ui, false, "%s: not bound (? for help)", keys_name(code, buf, sizeof buf));
		return R_DRAW;
	}
	case REQ_QUIT: return R_QUIT;
	case REQ_REDRAW:
		return redraw() | R_RELOAD;
	case REQ_FETCH_ALL:
		return fetch_start(ui, NULL, 0, "every feed");
	default: break;
	}
	/* A key with an action per screen (s: sidebar in the list, save in
	 * the pager): the top screen takes the first it does not pass on, or
	 * one that opens a screen. */
	enum request rs[4];
	int n = keys_lookup_all(code, rs, 4);
	struct open_screen *t = stack_top(s);
	for (int i = 0;; i++) {
		int res = t->ops->handle(ui, t->state, rs[i]);
		if (!(res & R_PASS) || i == n - 1 || opens_screen(rs[i]))
			return settle(ui, s, rs[i], res);
	}
}

/* ---- painting -------------------------------------------------------------- */

/* Paint the top screen, the bars and the last line.  Returns when the
 * paint was composed, before refresh wrote it out (0: too small). */
static int64_t paint(struct ui *ui, struct stack *s)
{
	getmaxyx(stdscr, ui->rows, ui->cols);
	if (ui->rows < MIN_ROWS || ui->cols < MIN_COLS) {
		erase();
		const char *m = "too small";
		draw_text(ui, 0, 0, m, strlen(m), ui->cols, A_BOLD, NULL, 0, 0, false);
		refresh();
		return 0;
	}
	struct sbuf title = SBUF_INIT, status = SBUF_INIT;
	struct open_screen *t = stack_top(s);
	if (fetch_status(ui, &status))
		sbuf_addstr(&status, " · ");
	t->ops->draw(ui, t->state, &title, &status);
	draw_bars(ui, sbuf_str(&title), sbuf_str(&status));
	/* The last line is the prompt's while it is open; it places the cursor. */
	if (ui->prompt.on)
		prompt_draw(ui);
	else
		msg_draw(ui);
	sbuf_free(&title);
	sbuf_free(&status);
	curs_set(ui->prompt.on ? 1 : 0);
	int64_t composed = now_us();
	refresh();
	return composed;
}

/* ---- the loop -------------------------------------------------------------- */

static void trace_key(FILE *trace, int code, int64_t handle_us, int64_t draw_us)
{
	char buf[16];
	fprintf(trace, "%s %lld %lld\n", keys_name(code, buf, sizeof buf), (long long)handle_us,
	        (long long)draw_us);
	fflush(trace);
}

/* Start-up phases, for DIGLOT_TRACE: wall-clock microseconds at each
 * mark from ui_run's entry, and the CPU the process had used on entry
 * (loading, linking and opening the library come before ui_run). */
enum { PH_ENTRY, PH_CONFIG, PH_CURSES, PH_LIST, PH_COMPOSE, PH_REFRESH, PH_COUNT };
static const char *const phase_names[PH_COUNT] = {"entry", "config", "curses", "list", "compose",
                                                  "refresh"};

struct phases {
	int64_t at[PH_COUNT];
	int64_t cpu_before_us;
};

static int64_t cpu_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

/* One line with more than three fields, so it never reads as a key. */
static void trace_start(FILE *trace, const struct phases *ph)
{
	fprintf(trace, "start cpu_before_ui=%lld", (long long)ph->cpu_before_us);
	for (int i = 1; i < PH_COUNT; i++)
		fprintf(trace, " %s=%lld", phase_names[i], (long long)(ph->at[i] - ph->at[i - 1]));
	fprintf(trace, " total=%lld cpu=%lld\n", (long long)(ph->at[PH_COUNT - 1] - ph->at[0]),
	        (long long)cpu_us());
	fflush(trace);
}

/* The screen is out: now screens read what their first paint left out
 * (the list's window at start-up and after a search), before the loop
 * waits for the next key.  The trace line has two fields, so it never
 * reads as a key. */
static void fill(struct ui *ui, struct stack *s, FILE *trace)
{
	for (int i = 0; i < s->n; i++) {
		const struct open_screen *o = &s->s[i];
		int64_t t = now_us();
		if (o->ops->fill && o->ops->fill(ui, o->state) && trace)
			fprintf(trace, "fill_window %lld\n", (long long)(now_us() - t));
	}
}

/* No key: a pending live search, and now and then another process's
 * changes to the library. */
static int idle(struct ui *ui, struct stack *s, int64_t *last_poll, bool typing_paused)
{
	int res = (typing_paused ? prompt_idle(ui, s) : 0) | fetch_idle(ui);
	if (msg_expired(ui, now_ms()))
		res |= R_DRAW;
	if (now_ms() - *last_poll >= POLL_MS) {
		*last_poll = now_ms();
		if (store_changed(ui->st))
			res |= R_RELOAD | R_DRAW;
	}
	return res;
}

/* Reload and paint as res asks; the first time, trace the start-up. */
static void show(struct ui *ui, struct stack *s, int res, FILE *trace, struct phases **ph)
{
	int64_t composed = 0;
	if (res & R_RELOAD)
		broadcast(ui, s, R_RELOAD);
	if (res & (R_DRAW | R_RELOAD | R_RELAYOUT))
		composed = paint(ui, s);
	if (*ph) {
		(*ph)->at[PH_COMPOSE] = composed;
		(*ph)->at[PH_REFRESH] = now_us();
		if (trace)
			trace_start(trace, *ph);
		*ph = NULL;
	}
}

static void ui_loop(struct ui *ui, struct stack *s, FILE *trace, struct phases *ph)
{
	int64_t last_poll = now_ms(), last_idle = now_ms(), handle_us = 0;
	int res = R_DRAW, traced = -1;
	for (;;) {
		int64_t t0 = now_us();
		show(ui, s, res, trace, &ph);
		if (trace && traced >= 0)
			trace_key(trace, traced, handle_us, now_us() - t0);
		traced = -1;
		fill(ui, s, trace);
		/* keys sent faster than the timeout must not starve the idle
		 * work (a fetch's progress and end, others' changes): the wait
		 * ends when it is due, and it runs in a turn of its own, not in
		 * a key's (whose trace it would join) */
		int64_t due = IDLE_MS - (now_ms() - last_idle);
		int wait = prompt_waiting(&ui->prompt) ? 50 : IDLE_MS;
		int waited = due <= 0 ? 0 : (int)MIN((int64_t)wait, due);
		timeout(waited);
		wint_t ch = 0;
		int r = get_wch(&ch);
		if (got_signal)
			return;
		int64_t t1 = now_us();
		if (r == ERR) {
			/* a live search waits for a pause in the typing: a whole wait */
			res = idle(ui, s, &last_poll, waited == wait);
			last_idle = now_ms();
			continue;
		}
		if (r == KEY_CODE_YES && ch == KEY_RESIZE) {
			clearok(curscr, TRUE);
			res = R_DRAW;
			continue;
		}
		int code = translate(r, ch);
		if (code == KEYC_ESC && !ui->prompt.on && !ui->confirm.on)
			code = with_meta(code);
		if (code < 0) {
			res = R_NONE;
			continue;
		}
		res = dispatch(ui, s, code);
		if (res & R_QUIT)
			return;
		traced = code;
		handle_us = now_us() - t1;
	}
}

static bool codeset_utf8(void)
{
	return strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
}

/* The locale the user asked for, by the precedence setlocale uses. */
static const char *asked_locale(void)
{
	static const char *const vars[] = {"LC_ALL", "LC_CTYPE", "LANG"};
	for (size_t i = 0; i < ARRAY_SIZE(vars); i++) {
		const char *v = getenv(vars[i]);
		if (v && *v)
			return v;
	}
	return "C";
}

/* Characters need a UTF-8 LC_CTYPE: LANG=C, or a locale ssh forwarded
 * that this machine lacks, would draw every wide character as one '?'.
 * Try C.UTF-8 (glibc, musl, the BSDs and macOS have one) and say so
 * once; without any, draw_text puts a '?' per column. */
static void choose_ctype(struct ui *ui, struct errs *e)
{
	static const char *const tries[] = {"C.UTF-8", "C.utf8"};
	ui->utf8 = codeset_utf8();
	if (ui->utf8)
		return;
	for (size_t i = 0; i < ARRAY_SIZE(tries) && !ui->utf8; i++)
		ui->utf8 = setlocale(LC_CTYPE, tries[i]) && codeset_utf8();
	char *t;
	if (ui->utf8) {
		t = xasprintf("locale '%s' is not UTF-8 (or missing here): using C.UTF-8 for text",
		              asked_locale());
	} else {
		setlocale(LC_CTYPE, "");
		t = xasprintf("locale '%s' is not UTF-8 and there is no C.UTF-8: non-ASCII text shown as '?'",
		              asked_locale());
	}
	fprintf(stderr, "diglot: %s\n", t);
	errs_add(e, t);
	free(t);
}

/* The shared state, with the config and theme read; problems go to
 * stderr now and their count and the first few to the message line. */
static struct ui *ui_new(struct store *st, const struct ui_opts *o)
{
	struct ui *ui = xcalloc(1, sizeof *ui);
	ui->st = st;
	ui->fetching.ops = o ? o->fetch : NULL;
	struct errs e = {ui, 0, SBUF_INIT};
	choose_ctype(ui, &e);
	load_config(ui, o, &e);
	errs_show(&e);
	return ui;
}

static void ui_free(struct ui *ui, struct stack *s)
{
	while (s->n)
		pop(s);
	free(ui->query);
	prompt_free(&ui->prompt);
	settings_free(&ui->set);
	free(ui->config_path);
	free(ui);
}

int ui_run(struct store *st, const struct ui_opts *o)
{
	struct phases ph = {{now_us()}, cpu_us()};
	setlocale(LC_ALL, "");
	if (ui_check_terminal() < 0)
		return 1;
	struct ui *ui = ui_new(st, o);
	const char *tp = getenv("DIGLOT_TRACE");
	FILE *trace = tp && *tp ? fopen(tp, "a") : NULL;
	install_signals();
	ph.at[PH_CONFIG] = now_us();
	SCREEN *screen = start_curses(ui);
	ph.at[PH_CURSES] = now_us();
	struct stack stack = {.n = 0};
	push(ui, &stack, screens[0]);
	ph.at[PH_LIST] = now_us();
	ui_loop(ui, &stack, trace, &ph);
	endwin();
	delscreen(screen);
	fetch_stop(ui);
	if (trace)
		fclose(trace);
	int sig = got_signal;
	ui_free(ui, &stack);
	return sig ? 128 + sig : 0;
}
