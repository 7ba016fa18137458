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
['bilingual', 'bookmarked', 'date', 'id', 'langs', 'path', 'read', 'source', 'story', 'title', 'url']"
expect_match "raw json escapes quotes" "$json" '"title":"The \\"Quoted\\" Title with a back\\\\slash"'

expect_eq "limit" "$("$DIGLOT" list --limit 1 --order title | cut -f6)" "title
Le marché couvert rouvre ses portes après deux ans de travaux"
expect_eq "order source" "$("$DIGLOT" list --order source | cut -f3)" "source

Le Courrier du Soir
东方晨报"
expect_eq "lang filter" "$("$DIGLOT" list --lang zh | cut -f2,6)" "lang	title
zh	城市图书馆延长夜间开放时间"
expect_eq "no match" "$("$DIGLOT" list --lang ja)" "id	lang	source	read	bookmarked	title	date	url"

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
expect_eq "search with filter" "$("$DIGLOT" search 'title' --lang fr)" "id	lang	source	read	bookmarked	title	date	url"

# Issue 11, CLI parity: TSV rows end with date and url (extended, never
# reordered); an undated article's date is empty.
"$DIGLOT" import "$top_srcdir/data/samples/en-harbor-bridge.txt" >/dev/null
expect_eq "tsv date and url columns" "$("$DIGLOT" list --order title | cut -f6- | head -3)" "title	date	url
City council approves night closures for harbor bridge tram tests	2025-06-19T00:00:00Z	https://www.harborgazette.example/news/2025/06/19/bridge-tram-tests
Le marché couvert rouvre ses portes après deux ans de travaux		"
expect_eq "tsv columns in search" "$("$DIGLOT" search 'tram tests' | head -2 | cut -f1,7)" "id	date
4	2025-06-19T00:00:00Z"

# langs, sources, stats: --format tsv (a header) and json; exact bytes.
expect_eq "langs tsv" "$("$DIGLOT" langs --format tsv)" "lang	articles	unread
en	2	2
fr	1	1
zh	1	1"
expect_eq "langs json" "$("$DIGLOT" langs --format json | head -1)" '{"lang":"en","articles":2,"unread":2}'
expect_eq "langs default unchanged" "$("$DIGLOT" langs | head -1)" "en	2	2"
expect_eq "sources tsv" "$("$DIGLOT" sources --format tsv | head -2)" "source	articles	unread
	1	1"
expect_eq "sources json" "$("$DIGLOT" sources --format json | tail -1)" '{"source":"东方晨报","articles":1,"unread":1}'
expect_status "langs bad format" 2 "$DIGLOT" langs --format xml
bytes=$(($(stat -c %s "$DIGLOT_DB") + $( [ -e "$DIGLOT_DB-wal" ] && stat -c %s "$DIGLOT_DB-wal" || echo 0)))
stats_tsv=$("$DIGLOT" stats --format tsv)
expect_eq "stats tsv header" "$(printf '%s\n' "$stats_tsv" | head -1)" \
	"library	articles	unread	bookmarked	bilingual	languages	sources	text_bytes	bytes"
expect_eq "stats tsv row" "$(printf '%s\n' "$stats_tsv" | tail -1 | cut -f1-8)" "$DIGLOT_DB	4	4	0	0	3	3	$(sqlite3 "$DIGLOT_DB" 'SELECT sum(text_bytes) FROM article' 2>/dev/null || python3 -c "import sqlite3; print(sqlite3.connect('$DIGLOT_DB').execute('SELECT sum(text_bytes) FROM article').fetchone()[0])")"
expect_eq "stats tsv exact bytes" "$(printf '%s\n' "$stats_tsv" | tail -1 | cut -f9)" "$bytes"
expect_eq "stats json" "$("$DIGLOT" stats --format json | python3 -c '
import json, sys
o = json.loads(sys.stdin.read()); print(sorted(o)); print(o["articles"], o["languages"], type(o["bytes"]).__name__)')" \
	"['articles', 'bilingual', 'bookmarked', 'bytes', 'languages', 'library', 'sources', 'text_bytes', 'unread']
4 3 int"
expect_match "stats default unchanged" "$("$DIGLOT" stats)" '^size: +[0-9.]+ MiB$'

# The search syntax: "a phrase", -word, a OR b, prefix*; the rest literal.
H="id	lang	source	read	bookmarked	title	date	url"
expect_eq "phrase" "$("$DIGLOT" search '"tram tests"' | cut -f1)" "id
4"
expect_eq "phrase in order only" "$("$DIGLOT" search '"tests tram"')" "$H"
expect_eq "not" "$("$DIGLOT" search 'tram -council')" "$H"
expect_eq "not another word" "$("$DIGLOT" search 'tram -tentes' | cut -f1)" "id
4"
expect_eq "or" "$("$DIGLOT" search 'tram OR tentes' | cut -f1 | sort)" "2
4
id"
expect_eq "or with and" "$("$DIGLOT" search 'council tram OR tentes' | cut -f1)" "id
4"
expect_eq "prefix phrase" "$("$DIGLOT" search '"tram tes"*' | cut -f1)" "id
4"
expect_status "only exclusions" 0 "$DIGLOT" search -- -tram
expect_eq "only exclusions: nothing" "$(cat "$T/out")" "$H"
expect_eq "lower-case or is a word" "$("$DIGLOT" search 'tram or tentes')" "$H"

# Search asks the store for no more rows than --limit (each row's snippet
# costs a re-read of its article): the limit still holds exactly.
expect_eq "search --limit 1" "$("$DIGLOT" search 'tram OR tentes' --limit 1 --format json | wc -l)" "1"
expect_eq "search --limit 0" "$("$DIGLOT" search 'tram OR tentes' --limit 0)" "$H"
expect_match "json search keeps its snippet" "$("$DIGLOT" search 'tram' --limit 1 --format json)" '"snippet":".*\[tram\]'

done_testing
