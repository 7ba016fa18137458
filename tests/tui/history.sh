#!/bin/sh
# The search history (issue 11): Up and Down in the '/' prompt walk the
# searches entered before, newest first, the typed text coming back below
# the newest; kept in $XDG_STATE_HOME/diglot/history (else
# ~/.local/state/diglot/history), 100 at most, no search twice in a row;
# the file's bad bytes are cleaned, and it is replaced whole (no
# temporary file left beside it).
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/lib.sh"

XDG_STATE_HOME=$tui_tmp/state
export XDG_STATE_HOME
hist=$XDG_STATE_HOME/diglot/history
mkdir -p "$XDG_STATE_HOME/diglot"
# A damaged file: an escape sequence and an invalid byte.
printf 'mus\303\251e\n\033[31mbridge\033[0m\nbad \377\n' >"$hist"
tui_import

for size in "80 24" "120 40"; do
	set -- $size
	last=$2
	tui_start "h$1" "$1" "$2"
	tui_wait "articles  1/"
	tui_keys /
	tui_wait_line "$last" "/"
	# The second time round, the first round's search is the newest.
	newest="bad �"
	if [ "$1" = 120 ]; then
		newest=大桥
		tui_keys Up
		tui_wait_line "$last" "/大桥"
	fi
	tui_keys Up
	tui_wait_line "$last" "/bad �"
	tui_keys Up
	tui_wait_line "$last" "/bridge"
	tui_keys Up Up Up   # past the oldest: it stays
	tui_wait_line "$last" "/musée"
	tui_keys Down Down Down Down
	tui_wait_line "$last" "/"
	# The text being typed is kept aside while the history shows.
	tui_text 大
	tui_keys Up
	tui_wait_line "$last" "/$newest"
	tui_keys Down
	tui_wait_line "$last" "/大"
	tui_text 桥
	tui_keys Enter
	tui_wait "for '大桥'"
	tui_keys q
	tui_wait_re "^ [0-9]+ articles"
	tui_quit
done

# Entered twice (once at each size): kept once; the bad bytes cleaned.
printf 'musée\nbridge\nbad \357\277\275\n大桥\n' >"$tui_tmp/want"
cmp -s "$tui_tmp/want" "$hist" || fail "history file: $(cat -A "$hist")"
[ "$(ls -A "$XDG_STATE_HOME/diglot")" = history ] || fail "left in the state dir: $(ls -A "$XDG_STATE_HOME/diglot")"

# 100 entries at most, the oldest dropped; ~/.local/state without XDG_STATE_HOME.
unset XDG_STATE_HOME
tm set-environment -gu XDG_STATE_HOME
hist=$HOME/.local/state/diglot/history
mkdir -p "$HOME/.local/state/diglot"
i=1
while [ $i -le 120 ]; do echo "old$i"; i=$((i + 1)); done >"$hist"
tui_start cap 80 24
tui_wait "articles  1/"
tui_keys /
tui_keys Up
tui_wait_line 24 "/old120"
tui_keys C-u
tui_text harbour
tui_keys Enter
tui_wait "for 'harbour'"
[ "$(wc -l <"$hist")" -eq 100 ] || fail "history has $(wc -l <"$hist") lines"
[ "$(head -n 1 "$hist")" = old22 ] || fail "oldest kept: $(head -n 1 "$hist")"
[ "$(tail -n 1 "$hist")" = harbour ] || fail "newest: $(tail -n 1 "$hist")"
tui_quit
