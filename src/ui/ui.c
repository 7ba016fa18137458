/*
 * ui.c: the reader's start and its one event loop.  Start-up checks that
 * the terminal can run a full-screen program, reads the config and theme,
 * and loads one window of rows plus the sidebar aggregates: nothing that
 * grows with the library.  Handlers (ui_list.c, ui_pager.c...) return
 * what they changed; only this loop reloads and paints.  Signals only set
 * a flag; the loop restores the terminal and returns, and since every
 * state change was committed when it happened, nothing is lost.
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
#define MIN_COLS 20
#define MIN_ROWS 5

static volatile sig_atomic_t got_signal;
static SCREEN *screen;

static void on_signal(int sig)
{
	got_signal = sig;
}

int64_t ui_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int64_t now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

int ui_sidebar_width(const struct ui *ui)
{
	if (!ui->sidebar_on || ui->mode != MODE_LIST || ui->cols < 70)
		return 0;
	return MIN(ui->set.sidebar_width, ui->cols / 3);
}

/* ---- start-up ---------------------------------------------------------------- */

struct errs {
	struct ui *ui;
	int n;
};

/* Config and theme errors: on stderr now, and the first one on the
 * message line once the screen is up (stderr is hidden by then). */
static void report(void *ctx, const char *file, int line, const char *why)
{
	struct errs *e = ctx;
	fprintf(stderr, "diglot: %s:%d: %s\n", file, line, why);
	if (e->n++ == 0)
		msg_set(e->ui, true, "%s:%d: %s", file, line, why);
}

static int check_terminal(void)
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
		fprintf(stderr, "diglot: terminal '%s' cannot run the reader: %s\n", term,
		        err == 0 ? "it cannot move the cursor" : "no terminfo entry for it");
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

static void load_config(struct ui *ui, const struct ui_opts *o, struct errs *e)
{
	settings_init(&ui->set);
	ui->config_dir = settings_dir();
	char *path = o && o->config ? xstrdup(o->config)
	             : ui->config_dir ? xasprintf("%s/config", ui->config_dir) : NULL;
	if (path && settings_load(&ui->set, path, report, e) == DG_ERR)
		report(e, path, 0, "cannot read the config file");
	free(path);

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
	int rc = theme_load(&ui->theme, name, ui->config_dir, report, e);
	if (rc != DG_OK && strcmp(name, "default") != 0) {
		fprintf(stderr, "diglot: theme '%s': %s\n", name, rc == DG_NOTFOUND ? "not found" : "cannot read it");
		if (e->n++ == 0)
			msg_set(ui, true, "theme '%s': %s", name, rc == DG_NOTFOUND ? "not found" : "cannot read it");
	}
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

static void start_curses(struct ui *ui)
{
	screen = newterm(NULL, stdout, stdin);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	draw_init_colors(ui);
	getmaxyx(stdscr, ui->rows, ui->cols);
}

/* ---- keys ------------------------------------------------------------------ */

static int translate(int r, wint_t ch)
{
	if (r == KEY_CODE_YES) {
		switch (ch) {
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

static int dispatch(struct ui *ui, int code)
{
	if (ui->prompting)
		return prompt_key(ui, code);
	enum request r = keys_lookup(code);
	int res = R_NONE;
	switch (r) {
	case REQ_NONE: {
		char buf[16];
		msg_set(ui, false, "%s: not bound (? for help)", keys_name(code, buf, sizeof buf));
		return R_DRAW;
	}
	case REQ_QUIT: return R_QUIT;
	case REQ_HELP:
		return ui->mode == MODE_HELP ? help_handle(ui, r) : help_open(ui);
	case REQ_REDRAW:
		clearok(curscr, TRUE);
		msg_set(ui, false, "%s", "");
		return R_RELOAD | R_DRAW;
	case REQ_SEARCH:
		if (ui->mode != MODE_HELP)
			return prompt_start(ui);
		return R_NONE;
	default: break;
	}
	if (ui->mode == MODE_HELP)
		res = help_handle(ui, r);
	else if (ui->mode == MODE_PAGER)
		res = pager_handle(ui, r);
	else
		res = list_handle(ui, r);
	/* A flag changed: both screens show it. */
	if (res & R_FLAGGED) {
		pager_flag_changed(ui);
		res |= list_flag_changed(ui);
	}
	return res;
}

/* ---- painting -------------------------------------------------------------- */

static void pager_bars(struct ui *ui, struct sbuf *title, struct sbuf *status)
{
	char langs[2 * LANG_CODE_SIZE + 1];
	article_langs(&ui->art, langs);
	int h = ui_body_rows(ui), n = (int)ui->lay.n, top = (int)ui->pager_sc.top;
	int last = MIN(n, top + h);
	sbuf_addf(title, " diglot  %s", ui->art.title);
	sbuf_addf(status, " view: %s  lines %d-%d/%d %d%%  %s  %s%s%s", layout_view_name(ui->lay.view),
	          n ? top + 1 : 0, last, n, n ? 100 * last / n : 100,
	          ui->art.source[0] ? ui->art.source : "(no source)", langs,
	          ui->meta.bookmarked ? "  [bookmarked]" : "", ui->meta.read ? "" : "  [unread]");
}

/* When the last paint was composed, before refresh wrote it out. */
static int64_t composed_us;

static void ui_draw(struct ui *ui)
{
	getmaxyx(stdscr, ui->rows, ui->cols);
	if (ui->rows < MIN_ROWS || ui->cols < MIN_COLS) {
		erase();
		const char *m = "too small";
		draw_text(ui, 0, 0, m, strlen(m), ui->cols, A_BOLD, NULL, 0, 0, false);
		refresh();
		return;
	}
	struct sbuf title = SBUF_INIT, status = SBUF_INIT;
	switch (ui->mode) {
	case MODE_LIST:
		list_draw(ui);
		sbuf_addstr(&title, " diglot   ?:help  /:search  s:sidebar  o:order  q:quit");
		list_status(ui, &status);
		break;
	case MODE_PAGER:
		pager_draw(ui);
		pager_bars(ui, &title, &status);
		break;
	case MODE_HELP:
		help_draw(ui);
		sbuf_addstr(&title, " diglot help");
		sbuf_addf(&status, " %zu keys and actions", ui->nhelp);
		break;
	}
	draw_bars(ui, sbuf_str(&title), sbuf_str(&status));
	/* The last line is the prompt's while it is open; it places the cursor. */
	if (ui->prompting)
		prompt_draw(ui);
	else
		msg_draw(ui);
	sbuf_free(&title);
	sbuf_free(&status);
	curs_set(ui->prompting ? 1 : 0);
	composed_us = now_us();
	refresh();
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

static void ui_loop(struct ui *ui, FILE *trace, struct phases *ph)
{
	int64_t last_poll = ui_now_ms(), handle_us = 0;
	int res = R_DRAW, traced = -1;
	for (;;) {
		int64_t t0 = now_us();
		if (res & R_RELOAD)
			list_reload(ui);
		if (res & (R_DRAW | R_RELOAD | R_RELAYOUT))
			ui_draw(ui);
		if (ph) {
			ph->at[PH_COMPOSE] = composed_us;
			ph->at[PH_REFRESH] = now_us();
			if (trace)
				trace_start(trace, ph);
			ph = NULL;
		}
		if (trace && traced >= 0)
			trace_key(trace, traced, handle_us, now_us() - t0);
		traced = -1;
		/* The screen is out: now read the rest of a new list's window
		 * (start-up, a search), before waiting for the next key.  Its
		 * trace line has two fields, so it never reads as a key. */
		if (ui->first_screen) {
			int64_t t2 = now_us();
			list_fill_window(ui);
			if (trace)
				fprintf(trace, "fill_window %lld\n", (long long)(now_us() - t2));
		}
		timeout(ui->prompting && ui->search_pending ? 50 : 500);
		wint_t ch = 0;
		int r = get_wch(&ch);
		if (got_signal)
			return;
		int64_t t1 = now_us();
		if (r == ERR) {
			res = prompt_idle(ui);
			if (ui_now_ms() - last_poll >= POLL_MS) {
				last_poll = ui_now_ms();
				if (store_changed(ui->st))
					res |= R_RELOAD | R_DRAW;
			}
			continue;
		}
		if (r == KEY_CODE_YES && ch == KEY_RESIZE) {
			clearok(curscr, TRUE);
			res = R_DRAW;
			continue;
		}
		int code = translate(r, ch);
		if (code < 0) {
			res = R_NONE;
			continue;
		}
		res = dispatch(ui, code);
		if (res & R_QUIT)
			return;
		traced = code;
		handle_us = now_us() - t1;
	}
}

int ui_run(struct store *st, const struct ui_opts *o)
{
	struct phases ph = {{now_us()}, cpu_us()};
	setlocale(LC_ALL, "");
	if (check_terminal() < 0)
		return 1;
	struct ui *ui = xcalloc(1, sizeof *ui);
	ui->st = st;
	ui->sidebar_on = true;
	ui->utf8 = strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
	struct errs e = {ui, 0};
	load_config(ui, o, &e);
	if (!ui->utf8) {
		fprintf(stderr, "diglot: the locale's character set is %s, not UTF-8: "
		                "non-ASCII text is shown as '?'\n", nl_langinfo(CODESET));
		if (e.n++ == 0)
			msg_set(ui, true, "locale is not UTF-8: non-ASCII text shown as '?'");
	}
	const char *tp = getenv("DIGLOT_TRACE");
	FILE *trace = tp && *tp ? fopen(tp, "a") : NULL;
	install_signals();
	ph.at[PH_CONFIG] = now_us();
	start_curses(ui);
	ph.at[PH_CURSES] = now_us();
	sbuf_addstr(&ui->edit, "");
	list_init(ui);
	ph.at[PH_LIST] = now_us();
	ui_loop(ui, trace, &ph);
	endwin();
	delscreen(screen);
	if (trace)
		fclose(trace);
	int sig = got_signal;
	pager_close(ui);
	help_free(ui);
	list_free(ui);
	sbuf_free(&ui->edit);
	free(ui->saved_query);
	free(ui->config_dir);
	settings_free(&ui->set);
	free(ui);
	return sig ? 128 + sig : 0;
}
