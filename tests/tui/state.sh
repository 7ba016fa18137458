#!/bin/sh
# Bookmarks from the reader reach the library at once: `diglot list
# --bookmarked` sees them, and a second reader sees them after Ctrl-L.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/lib.sh"

tui_import
first=$("$DIGLOT" list --format tsv | sed -n 2p | cut -f1)

tui_start one 120 40
tui_wait "articles  1/"
tui_start two 120 40
tui_wait "articles  1/"

tui_use one
tui_keys b
tui_wait "bookmarked"
tui_screen | grep -qE "^ Bookmarked +1│" || fail "sidebar count after b"
tui_line 3 | grep -q "^ Bookmarked" && fail "layout"
"$DIGLOT" list --bookmarked --format tsv | cut -f1 | grep -qx "$first" ||
	fail "diglot list --bookmarked does not show $first"

tui_use two
tui_keys C-l
tui_wait_re "^ Bookmarked +1│"
tui_line 3 | grep -q "│N\*" || fail "second reader's first row lacks the bookmark mark"

# Quit the first reader; the state was committed when b was pressed.
tui_use one
tui_keys q
tui_wait "EXIT:0"
"$DIGLOT" list --bookmarked --format tsv | cut -f1 | grep -qx "$first" || fail "bookmark lost on quit"

# r marks read; SIGTERM restores the terminal and keeps it.
tui_use two
tui_keys r
tui_wait "marked read"
"$DIGLOT" list --read --format tsv | cut -f1 | grep -qx "$first" || fail "r did not mark read"
pid=$(tm list-panes -t two -F '#{pane_pid}')
pkill -TERM -P "$pid" -x diglot 2>/dev/null || kill -TERM $(pgrep -P "$pid") 2>/dev/null
tui_wait "EXIT:143"
