#!/bin/sh
# The pager: a bilingual article side by side shows exactly what
# `diglot show --width 120` prints, scrolls, and `t` cycles the views.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/lib.sh"

tui_import
id=$("$DIGLOT" search 跨海大桥 --format tsv | awk -F'\t' 'NR > 1 && $2 == "zh+en" { print $1; exit }')
[ -n "$id" ] || fail "no bilingual zh+en article about 跨海大桥 in the fixtures"
"$DIGLOT" show "$id" --width 120 | sed 's/ *$//' >"$tui_tmp/show.txt"
nlines=$(wc -l <"$tui_tmp/show.txt")

tui_start main 120 40
tui_wait "articles  1/"
tui_keys /
tui_text 跨海大桥
tui_wait "for '跨海大桥'"
tui_keys Enter
# The first result (line 3) is the bilingual article, unread, with its
# language pair, source, title and date.
tui_wait_line_re 3 '│N  zh\+en 东方晨报 +凯斯湾跨海大桥正式通车 上万市民步行“首渡” +2025-06-14$'
tui_keys Enter
tui_wait "view: side-by-side"

# The body (screen lines 2-38) is the first 37 lines of `diglot show`.
tui_screen | sed -n '2,38p' | sed 's/ *$//' >"$tui_tmp/pager.txt"
head -n 37 "$tui_tmp/show.txt" >"$tui_tmp/want.txt"
diff -u "$tui_tmp/want.txt" "$tui_tmp/pager.txt" || fail "pager differs from diglot show"
tui_screen | grep -q "^中文 .*│ English" || fail "no side-by-side column headers"
tui_screen | grep -q "lines 1-37/$nlines" || fail "status: lines 1-37/$nlines"

# Scrolling: j by one line, space by a page, g back to the top.
tui_keys j
tui_wait "lines 2-38/$nlines"
tui_wait_line 2 "$(sed -n 2p "$tui_tmp/show.txt")"
top=$((nlines - 37)); [ "$top" -gt 37 ] && top=37  # a page is 36 lines, from line 2
[ "$top" -lt 0 ] && top=0
tui_keys Space
tui_wait "lines $((top + 1))-"
tui_keys g
tui_wait "lines 1-37/$nlines"

# t cycles side-by-side -> original -> left -> right -> side-by-side.
tui_keys t
tui_wait "view: original"
tui_keys t
tui_wait "view: left"
tui_screen | grep -q "Walk It" && fail "left view shows English text"
tui_keys t
tui_wait "view: right"
tui_keys t
tui_wait "view: side-by-side"

# Opening marked it read; q goes back to the list, q again quits.
tui_keys q
nres=$("$DIGLOT" search 跨海大桥 --format tsv | tail -n +2 | wc -l)
[ "$nres" -eq 1 ] && plural= || plural=s
tui_wait "$nres result$plural for '跨海大桥'"
"$DIGLOT" list --read --format tsv | cut -f1 | grep -qx "$id" || fail "opening did not mark $id read"
tui_keys q
tui_wait "articles  1/"
tui_keys q
tui_wait "EXIT:0"
