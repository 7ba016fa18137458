#!/bin/sh
# Import of every fixture kind: encodings, CRLF, BOM, escape sequences,
# a binary and an empty file reported while the rest lands, idempotent
# re-import, stdin, --source, oversized files.
. "$top_srcdir/tests/lib.sh"

D="$FIX/import"
expect_status "import folder" 1 "$DIGLOT" import "$D"
expect_eq "summary" "$(cat "$T/out")" "imported 8, updated 0, unchanged 0, failed 2"
expect_eq "failures named" "$(cat "$T/err")" "diglot: $D/binary.bin: binary file (contains NUL bytes)
diglot: $D/empty.txt: no text in file"

expect_eq "titles, languages and sources" "$("$DIGLOT" list --order title | cut -f2,3,6)" "lang	source	title
es	Diario del Puerto	El puerto estrena una grúa eléctrica para contenedores
en	Metro Wire Service	Harbour Tunnel Opens Two Months Early
it	La Voce del Lago	Il festival del cinema annuncia il programma
fr	Le Courrier du Soir	Le marché couvert rouvre ses portes après deux ans de travaux
de	Rheinische Abendpost	Neue Fähre verbindet die Inseln im Sommer täglich
en		Storm Warning Issued for the Coast
en		The \"Quoted\" Title with a back\\slash
zh	东方晨报	城市图书馆延长夜间开放时间"

# No escape sequence survives, in any field or paragraph.
all=$("$DIGLOT" list --format json; for id in $("$DIGLOT" list | cut -f1 | tail -n +2); do "$DIGLOT" show "$id" --format json; "$DIGLOT" show "$id" --width 60; done)
checks=$((checks + 1))
if printf '%s' "$all" | LC_ALL=C grep -q "$(printf '[\001-\010\016-\037\177]')"; then
	fail "control characters in output"
fi
expect_match "escape-laden body kept its text" "$all" 'advising boats to stay in port until Sunday\.'

expect_status "re-import" 1 "$DIGLOT" import "$D"
expect_eq "re-import changes nothing" "$(cat "$T/out")" "imported 0, updated 0, unchanged 8, failed 2"

# stdin, and --source for an article that names none.
expect_eq "stdin" "$(printf 'Night Trains Return\n\nThe night train between the two capitals runs again from May, after a pause of four years, with sleeping cars.\n' | "$DIGLOT" import --source "Rail Weekly" -)" \
	"imported 1, updated 0, unchanged 0, failed 0"
expect_eq "stdin article" "$("$DIGLOT" list --source "Rail Weekly" | cut -f3,6)" "source	title
Rail Weekly	Night Trains Return"
expect_eq "stdin path" "$("$DIGLOT" list --source "Rail Weekly" --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["path"])')" "-"
expect_eq "--source does not override a named source" \
	"$("$DIGLOT" import --source Other "$D/en-wire.txt" && "$DIGLOT" list --source Other)" \
	"imported 0, updated 0, unchanged 1, failed 0
id	lang	source	read	bookmarked	title	date	url"

# A file over 16 MiB is refused by its size.
truncate -s 17M "$T/huge.txt"
expect_status "oversized" 1 "$DIGLOT" import "$T/huge.txt"
expect_eq "oversized message" "$(cat "$T/err")" "diglot: $T/huge.txt: file too large (over 16 MiB)"

# Issue 11 #22: one article saved as UTF-8, GB18030 and UTF-16 (and with
# CRLF) is one article: its identity is its cleaned text.  The raw bytes
# still tell a changed file.
E="$T/enc.db"
mkdir "$T/enc"
python3 - "$D/zh-gb18030.txt" "$T/enc" <<'PY'
import sys
text = open(sys.argv[1], 'rb').read().decode('gb18030')
for name, data in (('a-utf8.txt', text.encode('utf-8')), ('b-gb18030.txt', text.encode('gb18030')),
                   ('c-utf16.txt', text.encode('utf-16')),
                   ('d-crlf.txt', text.replace('\n', '\r\n').encode('utf-8'))):
    open(sys.argv[2] + '/' + name, 'wb').write(data)
PY
expect_eq "three encodings, one article" "$("$DIGLOT" --db "$E" import "$T/enc")" \
	"imported 1, updated 0, unchanged 3, failed 0"
expect_eq "one row" "$("$DIGLOT" --db "$E" list | cut -f1,2)" "id	lang
1	zh"
expect_eq "again: unchanged" "$("$DIGLOT" --db "$E" import "$T/enc")" \
	"imported 0, updated 0, unchanged 4, failed 0"
printf '\n\n新增一段文字，说明图书馆的新规定。\n' >>"$T/enc/a-utf8.txt"
expect_eq "a changed file is still an update" "$("$DIGLOT" --db "$E" import "$T/enc/a-utf8.txt")" \
	"imported 0, updated 1, unchanged 0, failed 0"

# Issue 11 #6: no date in the text is no date, not the file's mtime: JSON
# null, shown as the import day marked as such, sorted by import time.
U="$T/undated.db"
printf 'An Undated Note\n\nThe council met again and said nothing new about the harbour.\n' >"$T/undated.txt"
touch -d '2001-02-03 04:05:06' "$T/undated.txt"
"$DIGLOT" --db "$U" import "$top_srcdir/data/samples/nl-storm-dikes.txt" "$T/undated.txt" >/dev/null
expect_eq "undated: json null" "$("$DIGLOT" --db "$U" list --format json | python3 -c '
import json, sys
for l in sys.stdin:
    o = json.loads(l); print(o["path"].split("/")[-1], o["date"])')" "undated.txt None
nl-storm-dikes.txt 2025-03-16T00:00:00Z"
today=$(date -u +%Y-%m-%d)
expect_match "undated: show marks the import day" "$("$DIGLOT" --db "$U" show 2 --width 80)" \
	"^Date: $today \\(imported; no date in the text\\)\$"
expect_eq "dated: show" "$("$DIGLOT" --db "$U" show 1 --width 80 | grep '^Date:')" "Date: 2025-03-16"
printf 'A Later Undated Note\n\nThe ferry timetable was printed again without changes this week.\n' >"$T/undated2.txt"
"$DIGLOT" --db "$U" import "$T/undated2.txt" >/dev/null
expect_eq "undated sort by import time, newest first" "$("$DIGLOT" --db "$U" list | cut -f1)" "id
3
2
1"

# The library is private: 0600 in a 0700 folder.
"$DIGLOT" --db "$T/priv/lib/library.db" stats >/dev/null
expect_eq "library mode" "$(stat -c %a "$T/priv/lib/library.db") $(stat -c %a "$T/priv/lib")" "600 700"

done_testing
