#!/bin/sh
# The library as the reader sees it change (issue 11): an empty library
# says how to import; articles imported while the reader is open and
# sorted above the visible rows are announced, not hidden.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/lib.sh"

tui_start empty 120 40
tui_wait "The library is empty."
tui_wait "diglot import PATH..."
tui_wait "diglot --demo"
tui_quit

tui_import
total=$("$DIGLOT" list --format tsv --limit 100000 | tail -n +2 | wc -l)
# 10 rows show 6 articles: after eight moves the top ones are hidden.
tui_start grow 120 10
tui_wait "$total articles  1/$total"
tui_keys j j j j j j j j
tui_wait "$total articles  9/$total"
for n in 1 2 3; do
	printf 'Breaking news number %s from the harbour\n\nThe harbour reopened on Monday, the port authority said in a statement.\n\nDate: 2030-01-0%s\n' \
		"$n" "$n" >"$tui_tmp/new$n.txt"
done
"$DIGLOT" import "$tui_tmp/new1.txt" "$tui_tmp/new2.txt" "$tui_tmp/new3.txt" >/dev/null
tui_wait "3 new articles, g to see them"
# The cursor stayed on its article, three rows further down.
tui_wait "$((total + 3)) articles  12/$((total + 3))"
tui_keys g
tui_wait "Breaking news number 3"
tui_quit
echo ok
