#!/bin/sh
# Moving between articles from the pager (issue 11): J and K open the
# next and previous article and the list's cursor follows; Space at the
# end of an article goes on; n is the next unread article when no search
# is active and the next match while one is; A marks a group read
# (asking when it is more than a screen); D deletes after asking.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/lib.sh"

tui_import
total=$("$DIGLOT" list --format tsv --limit 100000 | tail -n +2 | wc -l)
title() { "$DIGLOT" list --format tsv --limit 100000 | sed -n "$(($1 + 1))p" | cut -f6; }
id_at() { "$DIGLOT" list --format tsv --limit 100000 | sed -n "$(($1 + 1))p" | cut -f1; }

for size in "80 24" "120 40"; do
	set -- $size
	tui_start "j$1" "$1" "$2"
	tui_wait "$total articles  1/$total"
	tui_keys Enter
	tui_wait "view:"
	tui_keys J
	tui_wait "$(title 2 | cut -c1-20)"
	tui_keys J
	tui_wait "$(title 3 | cut -c1-20)"
	tui_keys K
	tui_wait "$(title 2 | cut -c1-20)"
	tui_keys q
	tui_wait "$total articles  2/$total"
	tui_quit
done

# K on the first article, J on the last say so and stay.
tui_start ends 120 40
tui_wait "articles  1/"
tui_keys Enter
tui_wait "view:"
tui_keys K
tui_wait "this is the first article"
tui_keys q G Enter
tui_wait "view:"
tui_keys J
tui_wait "this is the last article"
tui_keys q
tui_wait "$total articles  $total/$total"
tui_quit

# Space at the end goes to the next article (a short one, two pages at most).
tui_start space 120 40
tui_wait "articles  1/"
tui_keys Enter
tui_wait "view:"
tui_keys End
tui_wait_re "lines [0-9]+-([0-9]+)/\1 100%"
tui_keys Space
tui_wait "$(title 2 | cut -c1-20)"
tui_keys q
tui_wait "$total articles  2/$total"
tui_quit

# n: next unread.  Articles 1-3 were read above; mark 4 and 5 read too:
# from the first, n opens the sixth.
"$DIGLOT" read "$(id_at 4)" "$(id_at 5)"
tui_start unread 120 40
tui_wait "articles  1/"
tui_keys n
tui_wait "$(title 6 | cut -c1-20)"
tui_keys n
tui_wait "$(title 7 | cut -c1-20)"
tui_keys q
tui_wait "$total articles  7/$total"
# With a search active in the pager, n is the next match.
tui_keys Enter /
tui_text the
tui_keys Enter
tui_wait_re "match at line|no more matches"
tui_keys g n
tui_wait_re "match at line|no more matches"
tui_screen | grep -q "$(title 8 | cut -c1-20)" && fail "n with a search left the article"
tui_keys q q
tui_quit

# A in a small group marks it read at once; more than a screen asks first.
tui_start markall 120 40
tui_wait "articles  1/"
tui_keys Tab
row=$(tui_screen | grep -n "^   Italiano it" | cut -d: -f1)
i=3
while [ $i -lt "$row" ]; do tui_keys j; i=$((i + 1)); done
tui_keys Enter
tui_wait "1 article  1/1  Italiano it"
tui_keys A
tui_wait "marked 1 article read"
[ "$("$DIGLOT" list --lang it --unread --format tsv | tail -n +2 | wc -l)" -eq 0 ] || fail "A left Italian unread"
tui_quit
# 10 rows show 6 articles: more unread than that asks first.
tui_start markall2 120 10
tui_wait "$total articles  1/$total  All"
unread=$("$DIGLOT" list --unread --format tsv --limit 100000 | tail -n +2 | wc -l)
tui_keys A
tui_wait "Mark $unread articles read? (y/n)"
tui_keys n
tui_wait "cancelled"
[ "$("$DIGLOT" list --unread --format tsv --limit 100000 | tail -n +2 | wc -l)" -eq "$unread" ] || fail "n did not cancel"
tui_keys A
tui_wait "Mark $unread articles read? (y/n)"
tui_keys y
tui_wait "marked $unread articles read"
tui_wait_re "^>All +$total/0"
tui_quit

# D asks, then the article is gone: from the list, the library and the
# pager (which closes); the file is untouched.
tui_start delete 120 40
tui_wait "$total articles  1/$total"
first=$(id_at 1) second=$(id_at 2)
tui_keys D
tui_wait "from the library (its file stays)? (y/n)"
tui_keys n
tui_wait "cancelled"
tui_keys D y
tui_wait "deleted article $first"
tui_wait "$((total - 1)) articles  1/$((total - 1))"
"$DIGLOT" show "$first" >/dev/null 2>&1 && fail "article $first still in the library"
tui_keys Enter
tui_wait "view:"
tui_keys D y
tui_wait "deleted article $second"
tui_wait "$((total - 2)) articles  1/$((total - 2))"
tui_wait_re "^>All +$((total - 2))/"
"$DIGLOT" check >/dev/null || fail "diglot check after delete"
[ "$(ls "$SAMPLES_DIR" | wc -l)" -ge "$total" ] || fail "sample files gone"
tui_quit
