#!/bin/sh
# The list window: a new list (start-up, a search) fetches only the rows
# of its first screen and appends the rest after the paint.  Paging a
# short terminal through the whole list must show exactly the rows, in
# the order, that a tall terminal shows at once.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/lib.sh"

tui_import
total=$("$DIGLOT" list --format tsv --limit 100000 | tail -n +2 | wc -l)
hits=$("$DIGLOT" search a --format tsv | tail -n +2 | wc -l)
# 8 rows: 4 list rows, a first screen of 5 rows, a window of 26.
[ "$total" -gt 8 ] && [ "$total" -le 26 ] || fail "fixtures: want 9-26 articles, got $total"
[ "$hits" -gt 8 ] && [ "$hits" -le 26 ] || fail "fixtures: want 9-26 hits for 'a', got $hits"

# The list part of screen lines FROM..TO (after the sidebar's divider).
rows() { tui_screen | sed -n "$1,$2p" | sed 's/^[^│]*│//; s/ *$//'; }

# All n rows of the current list in the tall session, one screen.
tall_rows() {
	tui_use tall
	rows 3 $((2 + $1))
}

# page_all N: the short session's rows, each list position once.
page_all() {
	tui_use short
	out=$(rows 3 6)
	top=0
	while [ $((top + 4)) -lt "$1" ]; do
		tui_keys NPage
		tui_wait " $((top + 5))/$1 "
		next=$((top + 4))
		[ $((next + 4)) -gt "$1" ] && next=$(($1 - 4))
		out=$(printf '%s\n%s' "$out" "$(rows 3 6 | sed -n "$((top + 4 - next + 1)),4p")")
		top=$next
	done
	printf '%s\n' "$out"
}

tui_start tall 120 40
tui_start short 120 8
tui_use tall
tui_wait "$total articles  1/$total  All"
tui_use short
tui_wait "$total articles  1/$total  All"

# The whole list, appended by key after the first screen.
want=$(tall_rows "$total")
got=$(page_all "$total")
[ "$got" = "$want" ] || { printf 'want:\n%s\ngot:\n%s\n' "$want" "$got"; fail "paged list differs"; }

# Search results, appended by offset after the first screen.
for s in tall short; do
	tui_use $s
	tui_keys /
	tui_text a
	tui_keys Enter
	tui_wait "$hits results for 'a'  1/$hits"
done
want=$(tall_rows "$hits")
got=$(page_all "$hits")
[ "$got" = "$want" ] || { printf 'want:\n%s\ngot:\n%s\n' "$want" "$got"; fail "paged results differ"; }
tui_use short
tui_quit
tui_use tall
tui_quit
