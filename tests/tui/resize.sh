#!/bin/sh
# Resizing: 120x40 -> 50x15 (sidebar hidden, fewer columns) -> back,
# a 20x5 terminal still works, and a smaller one shows a notice.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/lib.sh"

tui_import
total=$("$DIGLOT" list --format tsv --limit 100000 | tail -n +2 | wc -l)

tui_start main 120 40
tui_wait ">All"
tm resize-window -t main -x 50 -y 15
tui_wait_line 2 "   Lang  Title"
tui_wait "$total articles  1/$total"
tui_screen | grep -q "All  " && tui_screen | grep -q "^>All" && fail "sidebar shown at 50 columns"
tui_keys j
tui_wait "2/$total"
tm resize-window -t main -x 120 -y 40
tui_wait ">All"
tui_wait "2/$total"
tui_line 2 | grep -q "│   Lang  Source           Title" || fail "columns after resize back"

# Resize inside the pager lays the article out again.
tui_keys Enter
tui_wait "view:"
tm resize-window -t main -x 60 -y 20
tui_wait "view:"
w=$(tui_screen | sed -n '2,17p' | wc -L)
[ "$w" -le 60 ] || fail "pager lines wider than 60 columns after resize ($w)"
tui_keys q

tm resize-window -t main -x 20 -y 5
tui_wait "$total articles"
tui_wait_line 2 "   Title"
tm resize-window -t main -x 15 -y 4
tui_wait "too small"
tm resize-window -t main -x 120 -y 40
tui_wait ">All"
tui_quit

# Starting in a 20x5 terminal.
tui_start small 20 5
tui_wait "$total articles"
tui_line 1 | grep -q "diglot" || fail "title bar at 20x5"
tui_keys Enter
tui_wait "view:"
tui_keys q
tui_wait "$total articles"
tui_quit
