#!/bin/sh
# list and search output formats: exact TSV, JSON Lines with escaping,
# filters, --limit, --order.
. "$top_srcdir/tests/lib.sh"

"$DIGLOT" import "$FIX/import/en-quotes.txt" "$FIX/import/fr-bom.txt" "$FIX/import/zh-gb18030.txt" >/dev/null

json=$("$DIGLOT" list --order title --format json)
expect_eq "json lines" "$(printf '%s\n' "$json" | wc -l)" "3"
expect_eq "json escaping and fields" "$(printf '%s\n' "$json" | grep Quoted | python3 -c '
import json, sys
o = json.loads(sys.stdin.read())
print(o["title"]); print(o["langs"], o["bilingual"], o["read"], o["bookmarked"], repr(o["source"]), repr(o["url"]))
print(sorted(o))')" "The \"Quoted\" Title with a back\\slash
['en'] False False False '' ''
['bilingual', 'bookmarked', 'date', 'id', 'langs', 'path', 'read', 'source', 'title', 'url']"
expect_match "raw json escapes quotes" "$json" '"title":"The \\"Quoted\\" Title with a back\\\\slash"'

expect_eq "limit" "$("$DIGLOT" list --limit 1 --order title | cut -f6)" "title
Le marché couvert rouvre ses portes après deux ans de travaux"
expect_eq "order source" "$("$DIGLOT" list --order source | cut -f3)" "source

Le Courrier du Soir
东方晨报"
expect_eq "lang filter" "$("$DIGLOT" list --lang zh | cut -f2,6)" "lang	title
zh	城市图书馆延长夜间开放时间"
expect_eq "no match" "$("$DIGLOT" list --lang ja)" "id	lang	source	read	bookmarked	title"

# search: JSON adds a snippet with the match marked.
snip=$("$DIGLOT" search 'tentes' --format json | python3 -c 'import json,sys; print(json.loads(sys.stdin.read())["snippet"])')
expect_match "snippet marks the match" "$snip" '\[tentes\]'
expect_eq "search is case and accent blind" "$("$DIGLOT" search 'MARCHE' | cut -f6)" "title
Le marché couvert rouvre ses portes après deux ans de travaux"
expect_eq "one Chinese character" "$("$DIGLOT" search '馆' | cut -f2)" "lang
zh"
expect_eq "words are ANDed" "$("$DIGLOT" search 'quotation backslash' | wc -l)" "2"
expect_eq "AND of absent word" "$("$DIGLOT" search 'quotation zebra' | wc -l)" "1"
expect_eq "prefix" "$("$DIGLOT" search 'quot*' | wc -l)" "2"
expect_status "query after --" 0 "$DIGLOT" search -- -x
for q in '"' 'AND(' '*' 'NEAR' 'a:b' '^' "'" '(' ')' 'OR' 'NOT'; do
	expect_status "hostile query $q" 0 "$DIGLOT" search "$q"
done
expect_eq "search with filter" "$("$DIGLOT" search 'title' --lang fr)" "id	lang	source	read	bookmarked	title"

done_testing
