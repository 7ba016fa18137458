#!/bin/sh
# Hostile text on screen (issue 10 #5, #7): invisible characters in a
# title made its list row one column wider than diglot computed, so the
# date wrapped onto the next row; bidi controls reached the sidebar and
# the Source: line.  Rows must end in their date, on their own line.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/lib.sh"

ZW=$(printf '\342\200\213\302\255\341\240\216\342\201\240')    # U+200B U+00AD U+180E U+2060
RLO=$(printf '\342\200\256') PDF=$(printf '\342\200\254')
title="Zero${ZW}width${ZW}marks${ZW}in${ZW}a${ZW}title${ZW}of${ZW}the${ZW}harbour${ZW}bridge${ZW}story${ZW}again"
printf '%s\n\nSource: %sevil%s Gazette\n\nThe harbour bridge opened on Monday after years of work, the port said.\n\nDate: 2024-05-06\n' \
	"$title" "$RLO" "$PDF" >"$tui_tmp/zw.txt"
tui_import "$tui_tmp/zw.txt"

tui_start main 120 40
tui_wait "articles  1/"
tui_keys End
tui_wait "Zero"
row=$(tui_screen | grep -n 'Zero' | cut -d: -f1)
tui_line "$row" | grep -q 'Zerowidthmarksinatitle' || fail "invisible characters reached the screen: $(tui_line "$row")"
tui_line "$row" | grep -qE '2024-05-06 *$' || fail "the row of the title does not end in its date: $(tui_line "$row")"
tui_line $((row + 1)) | grep -q '2024-05-06' && fail "the date wrapped onto the next row"
tui_screen | grep -q "$RLO\|$PDF" && fail "a bidi control reached the screen"
tui_keys Enter
tui_wait "Source: evil Gazette"
tui_screen | grep -q "$RLO\|$PDF" && fail "a bidi control reached the pager"
tui_quit
echo "1 passed, 0 failed"
