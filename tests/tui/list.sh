#!/bin/sh
# The list screen: sidebar groups with counts from the library, and list
# columns that stay aligned with CJK, accented and Cyrillic titles.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/lib.sh"

tui_import
total=$("$DIGLOT" list --format tsv --limit 100000 | tail -n +2 | wc -l)
[ "$total" -gt 5 ] || fail "expected some articles, got $total"

tui_start main 120 40
tui_wait "$total articles  1/$total  All  order: date"

# Sidebar: All total/unread, then languages with native names and counts.
tui_screen | grep -qE "^>All +$total/$total│" || fail "sidebar 'All $total/$total'"
tui_screen | grep -qE "^ Unread +$total│" || fail "sidebar Unread"
tui_screen | grep -qE "^ Bookmarked +0│" || fail "sidebar Bookmarked"
tui_screen | grep -q "^ Languages" || fail "sidebar Languages heading"
tui_screen | grep -q "^ Sources" || fail "sidebar Sources heading"
tui_screen | grep -qE "^ Bilingual +[0-9]+│" || fail "sidebar Bilingual"
"$DIGLOT" langs | while IFS='	' read -r code n unread; do
	case $code in zh) name=中文 ;; en) name=English ;; fr) name=Français ;; *) continue ;; esac
	tui_screen | grep -qE "^   $name $code +$n/$unread│" || fail "sidebar '$name $code $n/$unread'"
done || exit 1

# Columns: every article row is exactly 120 columns wide and ends in a
# date, so the columns line up whatever the script of the title.
rows=$(tui_screen | sed -n '3,37p' | grep -E '[0-9]{4}-[0-9]{2}-[0-9]{2}$')
[ "$(printf '%s\n' "$rows" | wc -l)" -eq "$total" ] || fail "not every article row ends in a date"
printf '%s\n' "$rows" | grep -q '凯斯湾' || fail "no CJK title in the list"
printf '%s\n' "$rows" | while IFS= read -r line; do
	w=$(printf '%s\n' "$line" | wc -L)
	[ "$w" -eq 120 ] || fail "row is $w columns, not 120: $line"
done || exit 1
tui_line 2 | grep -q "│   Lang  Source           Title" || fail "column header"

# Order cycles date -> title -> source.
tui_keys o
tui_wait "order: title"
tui_keys o
tui_wait "order: source"
tui_keys o
tui_wait "order: date"

# A language group from the sidebar filters the list.
zh=$("$DIGLOT" list --lang zh --format tsv --limit 100000 | tail -n +2 | wc -l)
tui_keys Tab
row=$(tui_screen | grep -n "^   中文 zh" | cut -d: -f1)
[ -n "$row" ] || fail "no 中文 row"
i=3  # one heading (Languages) is skipped by the cursor
while [ $i -lt "$row" ]; do tui_keys j; i=$((i + 1)); done
tui_keys Enter
tui_wait "$zh articles  1/$zh  中文 zh"
tui_keys G
tui_wait "$zh/$zh  中文 zh"
tui_quit
