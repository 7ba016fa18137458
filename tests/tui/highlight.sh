#!/bin/sh
# Matches highlighted in the list's titles while a search is active
# (issue 11), at 80x24 and 120x40.  NO_COLOR gives the mono theme, whose
# search-match style is reverse and underline: the capture's escape codes
# show it (the cursor row is reverse already: there the match is
# underlined).  The search syntax's operators are not search words: OR
# must not light up "Orchestra" as a word starting with "or".
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/lib.sh"

NO_COLOR=1
export NO_COLOR
esc=$(printf '\033')
# A match: an SGR with 7 (reverse), any more SGRs, then the word.
matched() { grep -qE -- "$esc\[[0-9;]*7m($esc\[[0-9;]*m)*$1"; }
underlined() { grep -qE -- "$esc\[[0-9;]*4m($esc\[[0-9;]*m)*$1"; }
row() { tm capture-pane -e -p -t "$tui_target" | grep -F -- "$1"; }
# The list's rows, below the title bar and the column header (underlined).
rows() { tm capture-pane -e -p -t "$tui_target" | sed 1,2d; }

printf 'Orchestra plays on the harbour pier\n\nThe city orchestra played on the harbour pier on Sunday, and a comet was seen.\n\nDate: 2025-08-01\n' >"$tui_tmp/orch.txt"
tui_import "$tui_tmp/orch.txt"

for size in "80 24" "120 40"; do
	set -- $size
	tui_start "hl$1" "$1" "$2"
	tui_wait "articles  1/"
	# Before a search no title has a match.
	rows | grep -qE -- "$esc\[[0-9;]*4m" && fail "underline without a search"
	tui_keys /
	tui_text "comet OR harbour"
	tui_wait "for 'comet OR harbour'"
	row "Orchestra plays" | underlined harbour || fail "cursor row: $(row 'Orchestra plays' | cat -v)"
	row "Orchestra plays" | grep -qF "  Orchestra plays on the " || fail "OR lit 'Orchestra': $(row 'Orchestra plays' | cat -v)"
	row "Amateur astronomer" | matched comet || fail "comet row: $(row 'Amateur astronomer' | cat -v)"
	# Chinese: every title holding 大桥, off the cursor row too.
	tui_keys C-u
	tui_text 大桥
	tui_wait "for '大桥'"
	row "凯斯湾跨海" | matched 大桥 || fail "大桥 row: $(row '凯斯湾跨海' | cat -v)"
	# Leaving the search leaves no highlight.
	tui_keys Escape
	tui_wait_re "^ [0-9]+ articles"
	rows | grep -qE -- "$esc\[[0-9;]*4m" && fail "underline after the search"
	tui_quit
done
