#!/bin/sh
# A bookmark made in the reader survives the reader being killed the
# moment the screen shows it: by SIGHUP (the ssh session dropped) and by
# SIGTERM.  Each state change is committed before it is drawn.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/lib.sh"

tui_import
first=$("$DIGLOT" list --format tsv | sed -n 2p | cut -f1)
second=$("$DIGLOT" list --format tsv | sed -n 3p | cut -f1)

# kill_reader SESSION SIGNAL: signal the diglot the pane runs, at once.
kill_reader() {
	pid=$(tm list-panes -t "$1" -F '#{pane_pid}')
	kill -"$2" $(pgrep -P "$pid" -x diglot) 2>/dev/null || fail "no diglot under pane $1"
}

tui_start hup 120 40
tui_wait "articles  1/"
tui_keys b
tui_wait "bookmarked"
kill_reader hup HUP
tui_wait "EXIT:129"
[ "$("$DIGLOT" list --bookmarked --format tsv | cut -f1 | sed 1d)" = "$first" ] ||
	fail "bookmark of $first lost to SIGHUP"

tui_start term 120 40
tui_wait "articles  1/"
tui_keys j b
tui_wait_re "^ Bookmarked +2│"
kill_reader term TERM
tui_wait "EXIT:143"
[ "$("$DIGLOT" list --bookmarked --format tsv | cut -f1 | sed 1d | sort -n | tr '\n' ' ')" = \
	"$(printf '%s\n%s\n' "$first" "$second" | sort -n | tr '\n' ' ')" ] ||
	fail "bookmark of $second lost to SIGTERM"
echo "1 passed, 0 failed"
