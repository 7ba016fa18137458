#!/bin/sh
# The mouse (issue 11): a click puts the cursor on a row (or a sidebar
# group), a double click opens it as Enter does, the wheel scrolls the
# list and the pager; 'mouse no' in the config leaves the mouse to the
# terminal (its selection works: the reader asks for no mouse reports).
# Events are sent as the terminal sends them: tmux-256color's kmous is
# X10's ESC [ M, then button+32, column+33, row+33 (0-based).
# At 80x24 and 120x40.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/lib.sh"

# A long article, the newest: the first row, and more than a screen.
{
	printf 'A long harbour chronicle in many short paragraphs\n\n'
	i=1
	while [ $i -le 60 ]; do printf 'Paragraph %s of the chronicle, about the harbour.\n\n' $i; i=$((i + 1)); done
	printf 'Date: 2030-01-01\n'
} >"$tui_tmp/long.txt"
tui_import "$tui_tmp/long.txt"
total=$("$DIGLOT" list --format tsv --limit 100000 | tail -n +2 | wc -l)

hex() { printf '%x' "$1"; }
# mouse_event BUTTON COL ROW (0-based screen cell)
mouse_event() { tm send-keys -t "$tui_target" -H 1b 5b 4d "$(hex $((32 + $1)))" "$(hex $((33 + $2)))" "$(hex $((33 + $3)))"; }
click() { mouse_event 0 "$1" "$2"; mouse_event 3 "$1" "$2"; }  # press, release
double() { click "$1" "$2"; click "$1" "$2"; }
wheel_down() { mouse_event 65 "$1" "$2"; }
wheel_up() { mouse_event 64 "$1" "$2"; }
mouse_flag() { tm display -p -t "$tui_target" '#{mouse_any_flag}'; }

for size in "80 24" "120 40"; do
	set -- $size
	tui_start "m$1" "$1" "$2"
	tui_wait "$total articles  1/$total"
	[ "$(mouse_flag)" = 1 ] || fail "the reader did not ask for mouse reports"
	# Screen row 6 is the list's fifth row (row 1 is the column header).
	click 40 6
	tui_wait "$total articles  5/$total"
	wheel_down 40 10
	tui_wait "$total articles  8/$total"
	wheel_up 40 10
	tui_wait "$total articles  5/$total"
	# A double click on the first row opens it; the list's cursor is there.
	double 40 2
	tui_wait "view:"
	tui_line 1 | grep -qF "A long harbour chronicle" || fail "opened: $(tui_line 1)"
	# The wheel scrolls the article.
	before=$(tui_screen | sed -n 2,4p)
	wheel_down 40 10
	i=0
	while [ "$(tui_screen | sed -n 2,4p)" = "$before" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
	[ "$(tui_screen | sed -n 2,4p)" != "$before" ] || fail "the wheel did not scroll the article"
	tui_keys q
	tui_wait "$total articles  1/$total"
	# A click in the sidebar selects a group, a double click shows it.
	unread=$("$DIGLOT" list --unread --format tsv --limit 100000 | tail -n +2 | wc -l)
	double 3 2
	tui_wait "$unread articles  1/$unread  Unread"
	tui_quit
done

# mouse no: no mouse reports asked for, so the terminal selects text.
printf 'mouse no\n' >"$XDG_CONFIG_HOME/diglot/config"
tui_start off 80 24
tui_wait "$total articles  1/$total"
[ "$(mouse_flag)" = 0 ] || fail "mouse no still asks for mouse reports"
tui_quit
