#!/bin/sh
# Read and bookmark state: flags, filters, group counts, and state kept
# when a changed file is imported again.
. "$top_srcdir/tests/lib.sh"

mkdir "$T/in"
cp "$FIX/import/en-wire.txt" "$FIX/import/fr-bom.txt" "$FIX/import/it-crlf.txt" "$T/in/"
"$DIGLOT" import "$T/in" >/dev/null
ids=$("$DIGLOT" list --order title | awk -F'\t' 'NR > 1 {print $1}' | tr '\n' ' ')
set -- $ids
en=$1 it=$2 fr=$3

expect_status "read" 0 "$DIGLOT" read "$en" "$fr"
expect_status "bookmark" 0 "$DIGLOT" bookmark "$fr"
expect_eq "unread list" "$("$DIGLOT" list --unread | cut -f1,4)" "id	read
$it	0"
expect_eq "bookmarked list" "$("$DIGLOT" list --bookmarked | cut -f1,5)" "id	bookmarked
$fr	1"
expect_eq "read + lang" "$("$DIGLOT" list --read --lang fr | cut -f1)" "id
$fr"
expect_eq "langs" "$("$DIGLOT" langs)" "en	1	0
fr	1	0
it	1	1"
expect_eq "sources" "$("$DIGLOT" sources)" "La Voce del Lago	1	1
Le Courrier du Soir	1	0
Metro Wire Service	1	0"
expect_status "unread" 0 "$DIGLOT" unread "$en"
expect_status "unbookmark twice is fine" 0 "$DIGLOT" unbookmark "$fr" "$fr"
expect_eq "langs after unread" "$("$DIGLOT" langs | grep '^en')" "en	1	1"
expect_eq "bookmarks gone" "$("$DIGLOT" list --bookmarked)" "id	lang	source	read	bookmarked	title	date	url"

# A changed file at the same path updates its article and keeps its state.
"$DIGLOT" bookmark "$en"
sed 's/Harbour Tunnel Opens Two Months Early/Harbour Tunnel Opens Ten Weeks Early/' \
	"$FIX/import/en-wire.txt" >"$T/in/en-wire.txt"
expect_eq "re-import changed" "$("$DIGLOT" import "$T/in")" "imported 0, updated 1, unchanged 2, failed 0"
expect_eq "state kept" "$("$DIGLOT" list --bookmarked | cut -f1,4,5,6)" "id	read	bookmarked	title
$en	0	1	Harbour Tunnel Opens Ten Weeks Early"

# delete: the article, its index entries and state go, counts follow,
# the file stays; a bad ID is refused before anything is deleted.
cp "$T/in/en-wire.txt" "$T/en-wire.before"
expect_status "delete bad id" 2 "$DIGLOT" delete "$fr" x1
expect_eq "delete bad id message" "$(cat "$T/err")" "diglot: delete: 'x1' is not an article ID"
expect_eq "nothing deleted on a bad id" "$("$DIGLOT" list --format tsv | tail -n +2 | wc -l)" "3"
expect_status "delete" 0 "$DIGLOT" delete -- "$en"
expect_eq "deleted from the list" "$("$DIGLOT" list --format tsv | cut -f1 | grep -cx "$en")" "0"
expect_eq "deleted from the index" "$("$DIGLOT" search Harbour --format tsv | tail -n +2 | wc -l)" "0"
expect_eq "langs after delete" "$("$DIGLOT" langs | grep -c '^en')" "0"
expect_eq "bookmarked count after delete" "$("$DIGLOT" list --bookmarked --format tsv | tail -n +2 | wc -l)" "0"
expect_status "check after delete" 0 "$DIGLOT" check
expect_status "show deleted" 1 "$DIGLOT" show "$en"
expect_status "delete again" 1 "$DIGLOT" delete "$en"
expect_eq "delete again message" "$(cat "$T/err")" "diglot: $en: no such article"
expect_eq "the file is untouched" "$(cmp "$T/in/en-wire.txt" "$T/en-wire.before" && echo same)" "same"
expect_status "delete without id" 2 "$DIGLOT" delete
# Importing the file again brings it back, unread.
expect_eq "re-import after delete" "$("$DIGLOT" import "$T/in")" "imported 1, updated 0, unchanged 2, failed 0"

done_testing
