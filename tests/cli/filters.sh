#!/bin/sh
# Filters that combine (issue 11 #5), language codes in any case (#15),
# and a view naming a monolingual article's language (#14).
. "$top_srcdir/tests/lib.sh"

S="$top_srcdir/data/samples"
"$DIGLOT" import "$S/fr-en-museum-reopening.txt" "$S/fr-harbor-bridge.txt" \
	"$S/en-harbor-bridge.txt" "$S/zh-harbor-bridge-traffic.txt" >/dev/null
path_of() { "$DIGLOT" list --format json | python3 -c "
import json, sys
for l in sys.stdin:
    o = json.loads(l)
    if o['path'].endswith('/$1'): print(o['id'])"; }
fren=$(path_of fr-en-museum-reopening.txt)
fr=$(path_of fr-harbor-bridge.txt)

# Every filter must hold: two languages are the articles in both.
expect_eq "--lang fr --lang en: both" "$("$DIGLOT" list --lang fr --lang en | cut -f1,2)" "id	lang
$fren	fr+en"
expect_eq "--lang en --lang fr: either order" "$("$DIGLOT" list --lang en --lang fr | cut -f1)" "id
$fren"
expect_eq "--lang fr --lang zh: none has both" "$("$DIGLOT" list --lang fr --lang zh)" \
	"$("$DIGLOT" list --lang ja)"
expect_eq "the same language twice is once" "$("$DIGLOT" list --lang fr --lang fr | wc -l)" "3"
expect_status "three languages" 2 "$DIGLOT" list --lang fr --lang en --lang zh
expect_eq "three languages message" "$(cat "$T/err")" \
	"diglot: list: an article has at most two languages (--lang fr, en, zh)"
expect_status "--read --unread" 2 "$DIGLOT" list --read --unread
expect_eq "--read --unread message" "$(cat "$T/err")" "diglot: list: --read and --unread contradict each other"
expect_status "--unread --read in search" 2 "$DIGLOT" search bridge --unread --read
expect_status "two sources" 2 "$DIGLOT" list --source a --source b
expect_eq "two sources message" "$(cat "$T/err")" \
	"diglot: list: an article has one source ('a' and 'b' given)"
expect_status "one source twice" 0 "$DIGLOT" list --source a --source a

# Language codes are case-insensitive.
expect_eq "--lang ZH" "$("$DIGLOT" list --lang ZH | cut -f2)" "lang
zh"
expect_eq "--lang Fr --lang EN" "$("$DIGLOT" list --lang Fr --lang EN | cut -f1)" "id
$fren"
expect_eq "search --lang FR" "$("$DIGLOT" search musée --lang FR | cut -f1)" "id
$fren"
expect_eq "show --view EN" "$("$DIGLOT" show "$fren" --view EN --width 80)" \
	"$("$DIGLOT" show "$fren" --view en --width 80)"

# A view naming a monolingual article's only language is that article.
expect_status "show fr --view fr" 0 "$DIGLOT" show "$fr" --view fr --width 60
expect_eq "show fr --view fr is the article" "$(cat "$T/out")" "$("$DIGLOT" show "$fr" --width 60)"
expect_eq "show fr --view FR" "$("$DIGLOT" show "$fr" --view FR --width 60)" "$("$DIGLOT" show "$fr" --width 60)"
expect_status "show fr --view en" 2 "$DIGLOT" show "$fr" --view en

done_testing
