#!/bin/sh
# Undated articles (issue 11 #6): an article whose text has no date shows
# the day it was imported, marked: a '~' before the date in the list (the
# column keeps its width), "(imported; no date in the text)" in the
# pager.  Dated rows are unmarked.  At 80x24 the list shows dates with
# the sidebar hidden.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/lib.sh"

printf 'A harbour note that nobody dated\n\nThe ferry timetable changes next week, the harbour office says.\n' >"$tui_tmp/undated.txt"
tui_import "$tui_tmp/undated.txt"
id=$("$DIGLOT" search nobody --format tsv | awk -F'\t' 'NR == 2 { print $1 }')
[ -n "$id" ] || fail "the undated article did not import"
# JSON says null; the import day is today (UTC: lib.sh pins TZ).
"$DIGLOT" show "$id" --format json | grep -q '"date": *null' || fail "JSON date is not null"
today=$(date -u +%Y-%m-%d)

for size in "80 24" "120 40"; do
	set -- $size
	tui_start "u$1" "$1" "$2"
	tui_wait "articles  1/"
	[ "$1" = 80 ] && tui_keys s
	# Sorted by import time: the newest, above the 2025 news.
	tui_wait_line_re 3 "A harbour note that nobody dated +~$today\$"
	tui_line 4 | grep -qE " 2025-[0-9]{2}-[0-9]{2}\$" || fail "dated row: $(tui_line 4)"
	tui_screen | grep -q "~2025" && fail "a dated row is marked"
	tui_keys Enter
	tui_wait "Date: $today (imported; no date in the text)"
	tui_quit
done
