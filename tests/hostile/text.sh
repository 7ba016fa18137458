#!/bin/sh
# Hostile text (issue 10): bidi controls, invisible characters, escape
# sequences and control characters in titles, sources, bodies and the
# command line never reach the terminal or the JSON raw.
. "$top_srcdir/tests/lib.sh"

RLO=$(printf '\342\200\256') PDF=$(printf '\342\200\254') LRI=$(printf '\342\201\246')
PDI=$(printf '\342\201\251') ZWSP=$(printf '\342\200\213') SHY=$(printf '\302\255')
ESC=$(printf '\033') BEL=$(printf '\007')

# A Trojan-Source title and source line, and invisible characters.
printf 'Harbour %sgnidaer%s news%s\n\nSource: %sGazette%s of%s the Bay\n\nThe bridge opened to traffic on Monday morning after years of work.\n\nBare %s escape, and a Zei%stung.\n' \
	"$RLO" "$PDF" "$ZWSP" "$LRI" "$PDI" "$SHY" "$ESC" "$SHY" >"$T/trojan.txt"
expect_status "import trojan" 0 "$DIGLOT" import "$T/trojan.txt"
expect_eq "TSV title and source" "$("$DIGLOT" list --format tsv | sed 1d | cut -f3,6)" \
	"Gazette of the Bay	Harbour gnidaer news"
"$DIGLOT" list --format json >"$T/json"
expect_eq "JSON has no raw bidi or invisible bytes" \
	"$(grep -c "$RLO\|$PDF\|$LRI\|$PDI\|$ZWSP\|$SHY" "$T/json")" "0"
expect_match "JSON title" "$(cat "$T/json")" '"title":"Harbour gnidaer news"'
"$DIGLOT" show 1 --width 80 >"$T/show"
expect_eq "show has no raw bidi, invisible or escape bytes" \
	"$(grep -c "$RLO\|$PDF\|$LRI\|$PDI\|$ZWSP\|$SHY\|$ESC" "$T/show")" "0"
expect_match "ESC before a space eats nothing" "$(cat "$T/show")" '^Bare  escape, and a Zeitung\.$'

# Bidi controls inside right-to-left text stay, balanced, and JSON shows
# them escaped.
printf 'Hebrew note\n\nThe council met today to discuss the harbour bridge and its traffic.\n\n%s %s%s\n' \
	"$(printf '\327\251\327\234\327\225\327\235')" "$RLO" "$(printf '\327\242\327\225\327\234\327\235')" >"$T/rtl.txt"
expect_status "import rtl" 0 "$DIGLOT" import "$T/rtl.txt"
expect_match "JSON escapes the kept override and its closer" "$("$DIGLOT" show 2 --format json)" '\\u202e.*\\u202c'

# --source is cleaned like any text.
expect_status "import --source" 0 "$DIGLOT" import --source "${ESC}[31mEvil${BEL} ${RLO}Wire${PDF}  Service " "$FIX/import/en-quotes.txt"
expect_match "--source stored clean" "$("$DIGLOT" sources)" '^Evil Wire Service	1	1$'

# A file of nothing but escape sequences is no article.
printf '%s[31m%s[0m%s]0;title%s%s[2J%s[H\n%s(B\n' "$ESC" "$ESC" "$ESC" "$BEL" "$ESC" "$ESC" "$ESC" >"$T/escapes.txt"
expect_status "escapes only" 1 "$DIGLOT" import "$T/escapes.txt"
expect_eq "escapes only message" "$(cat "$T/err")" "diglot: $T/escapes.txt: no text in file"

done_testing
