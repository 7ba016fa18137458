# tests/tui/lib.sh: helpers for the reader's screen tests (sourced).
# Each test runs the real binary in a private tmux server with its own
# library, HOME and XDG folders, sends keys, and polls `capture-pane`
# until an expected string shows (never a fixed long sleep).
# Needs $DIGLOT; $TMUX_BIN (else tmux on PATH); exit 77 only without tmux.

: "${DIGLOT:?DIGLOT must name the built binary}"
[ -n "${TMUX_BIN:-}" ] && [ -x "$TMUX_BIN" ] || TMUX_BIN=$(command -v tmux || true)
if [ -z "$TMUX_BIN" ] || [ ! -x "$TMUX_BIN" ]; then
	echo "tmux not found: skipped"
	exit 77
fi
top_srcdir=${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
SAMPLES_DIR=$top_srcdir/data/samples
GOLDEN_DIR=$top_srcdir/tests/tui/golden

# Dates are shown in local time: pin the zone as well as the locale.
LC_ALL=C.UTF-8
TZ=UTC
export LC_ALL TZ
unset TMUX TMUX_PANE NO_COLOR BROWSER DIGLOT_TRACE
tui_tmp=$(mktemp -d "${TMPDIR:-/tmp}/diglot-tui.XXXXXX")
tui_sock=diglot-test-$$
HOME=$tui_tmp/home
XDG_CONFIG_HOME=$tui_tmp/config
XDG_DATA_HOME=$tui_tmp/data
XDG_CACHE_HOME=$tui_tmp/cache
DIGLOT_DB=$tui_tmp/library.db
export HOME XDG_CONFIG_HOME XDG_DATA_HOME XDG_CACHE_HOME DIGLOT_DB
mkdir -p "$HOME" "$XDG_CONFIG_HOME/diglot" "$XDG_DATA_HOME"
tui_target=main

tm() {
	"$TMUX_BIN" -L "$tui_sock" -f /dev/null "$@"
}

tui_cleanup() {
	tm kill-server >/dev/null 2>&1
	rm -rf "$tui_tmp"
}
trap tui_cleanup EXIT
trap 'exit 1' HUP INT TERM

fail() {
	echo "FAIL: $*"
	echo "---- screen of '$tui_target' ----"
	tm capture-pane -p -t "$tui_target" 2>/dev/null
	echo "---- stderr ----"
	cat "$tui_tmp/stderr.$tui_target" 2>/dev/null
	exit 1
}

# tui_import [PATH...]: import the bundled samples (data/samples, 18
# articles, every one dated by its text, so IDs, order and dates are the
# same on every machine), then PATHs, into $DIGLOT_DB.  Only files of the
# repository: the tests pass on a fresh clone without ../shared.
tui_import() {
	"$DIGLOT" import "$SAMPLES_DIR" "$@" >"$tui_tmp/import.out" 2>&1 ||
		fail "import failed: $(cat "$tui_tmp/import.out")"
}

# tui_start NAME COLS ROWS [ARGS...]: start the reader in session NAME.
tui_start() {
	name=$1 cols=$2 rows=$3
	shift 3
	tui_target=$name
	tm new-session -d -s "$name" -x "$cols" -y "$rows" \
		"env TERM=${TUI_TERM:-tmux-256color} '$DIGLOT' $* 2>'$tui_tmp/stderr.$name'; echo \"EXIT:\$?\"; sleep 600" ||
		fail "cannot start tmux"
}

tui_use() { tui_target=$1; }
tui_keys() { tm send-keys -t "$tui_target" "$@"; }
tui_text() { tm send-keys -t "$tui_target" -l "$1"; }
tui_screen() { tm capture-pane -p -t "$tui_target"; }
# tui_line N: line N (1-based) of the screen.
tui_line() { tui_screen | sed -n "${1}p"; }

# tui_poll F|E PATTERN SECONDS: 0 once a screen line matches PATTERN
# (grep -F or -E), 1 when SECONDS pass first.
tui_poll() {
	i=0 limit=$(( $3 * 20 ))
	while [ $i -lt $limit ]; do
		tui_screen | grep -q"$1" -- "$2" && return 0
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}

# tui_wait STRING [SECONDS]: poll until STRING is on the screen.
tui_wait() { tui_poll F "$1" "${2:-10}" || fail "timed out waiting for '$1'"; }

# tui_wait_re REGEX [SECONDS]: poll until a screen line matches REGEX (grep -E).
tui_wait_re() { tui_poll E "$1" "${2:-10}" || fail "timed out waiting for /$1/"; }

# tui_wait_line N STRING: poll until line N is exactly STRING (trailing spaces ignored).
tui_wait_line() {
	i=0
	while [ $i -lt 200 ]; do
		[ "$(tui_line "$1" | sed 's/ *$//')" = "$2" ] && return 0
		sleep 0.05
		i=$((i + 1))
	done
	echo "line $1: want '$2'"
	echo "line $1: got  '$(tui_line "$1")'"
	fail "line $1 differs"
}

# tui_wait_line_re N REGEX: poll until line N matches REGEX (grep -E).
tui_wait_line_re() {
	i=0
	while [ $i -lt 200 ]; do
		tui_line "$1" | grep -qE -- "$2" && return 0
		sleep 0.05
		i=$((i + 1))
	done
	echo "line $1: want /$2/"
	echo "line $1: got  '$(tui_line "$1")'"
	fail "line $1 differs"
}

# tui_settle: wait until the screen stops changing (the same capture
# 0.2 s apart; the list appends rows after its first paint).
tui_settle() {
	i=0 prev=$(tui_screen)
	while [ $i -lt 100 ]; do
		sleep 0.2
		cur=$(tui_screen)
		[ "$cur" = "$prev" ] && return 0
		prev=$cur
		i=$((i + 1))
	done
	fail "the screen did not settle"
}

# tui_golden NAME: the settled screen must equal tests/tui/golden/NAME.screen
# exactly (capture-pane text: no colours, trailing spaces trimmed by tmux).
# On a difference print a diff (want -> got) and fail; with
# DIGLOT_UPDATE_GOLDEN=1 write the screen to the file instead.
tui_golden() {
	tui_settle
	tui_screen >"$tui_tmp/golden.$1"
	if [ "${DIGLOT_UPDATE_GOLDEN:-}" = 1 ]; then
		cp "$tui_tmp/golden.$1" "$GOLDEN_DIR/$1.screen" || fail "cannot write $GOLDEN_DIR/$1.screen"
		echo "updated $GOLDEN_DIR/$1.screen"
		return 0
	fi
	[ -f "$GOLDEN_DIR/$1.screen" ] || fail "no golden file $GOLDEN_DIR/$1.screen (DIGLOT_UPDATE_GOLDEN=1 writes it)"
	diff -u "$GOLDEN_DIR/$1.screen" "$tui_tmp/golden.$1" ||
		fail "screen differs from golden/$1.screen (DIGLOT_UPDATE_GOLDEN=1 rewrites it)"
}

# tui_quit: press Q and wait for the program to exit with status 0.
tui_quit() {
	tui_keys Q
	tui_wait "EXIT:0"
}
