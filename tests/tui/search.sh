#!/bin/sh
# The '/' prompt: results follow the typing, counts agree with
# `diglot search`, Chinese and accented queries work, Enter keeps the
# results, Esc restores the list, and n finds the match in the pager.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/lib.sh"

tui_import
total=$("$DIGLOT" list --format tsv --limit 100000 | tail -n +2 | wc -l)
count() { "$DIGLOT" search "$1" --format tsv | tail -n +2 | wc -l; }
results() { [ "$1" -eq 1 ] && echo "1 result" || echo "$1 results"; }

tui_start main 120 40
tui_wait "$total articles  1/$total  All"

# Chinese, typed as you would: results appear without pressing Enter.
n=$(count 大桥)
[ "$n" -gt 0 ] || fail "fixtures: no article matches 大桥"
tui_keys /
tui_text 大桥
tui_wait "$(results "$n") for '大桥'"
tui_line 40 | grep -q "^/大桥" || fail "prompt line"
# Backspace removes one whole character.
tui_keys BSpace
tui_wait "/大"
tui_wait "$(results "$(count 大)") for '大'"
# Esc brings the whole list back.
tui_keys Escape
tui_wait "$total articles  1/$total  All"

# Accented: musée (the index folds accents; so does the count).
n=$(count musée)
[ "$n" -gt 0 ] || fail "fixtures: no article matches musée"
tui_keys /
tui_text musée
tui_wait "$(results "$n") for 'musée'"
tui_keys Enter
tui_wait "$(results "$n") for 'musée'"
tui_line 3 | grep -qi "mus" || fail "first result should mention the museum"

# n jumps to the next match inside the article.
tui_keys Enter
tui_wait "view:"
tui_keys n
tui_wait "match at line"
tui_keys q
# q on search results goes back to the whole list; then quits.
tui_wait "for 'musée'"
tui_keys q
tui_wait "$total articles"

# Searching inside a group: only that language's matches.
tui_keys Tab
tui_keys j j j   # Unread, Bookmarked, (the Languages heading is skipped) English
tui_keys Enter
en=$("$DIGLOT" list --lang en --format tsv --limit 100000 | tail -n +2 | wc -l)
tui_wait "$en articles  1/$en  English en"
nen=$("$DIGLOT" search bridge --lang en --format tsv | tail -n +2 | wc -l)
tui_keys /
tui_text bridge
tui_wait "$(results "$nen") for 'bridge'  1/$nen  English en"
tui_keys Escape
tui_quit
