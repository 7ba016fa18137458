#!/bin/sh
# Stories in the reader: the pager says which languages the story has
# besides the article ("Also in"), B shows the article beside the next one
# of its story in two columns (paragraphs that share names and numbers
# side by side), B again the one after, then the article alone; X takes
# it out of its story.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/lib.sh"

F="$top_srcdir/tests/fixtures/story"
"$DIGLOT" import "$F/en-port-strike.txt" "$F/fr-port-strike.txt" "$F/it-port-strike.txt" \
	"$F/en-port-strike-march.txt" >"$tui_tmp/import.out" 2>&1 ||
	fail "import failed: $(cat "$tui_tmp/import.out")"

tui_start main 100 30
tui_wait "4 articles"
# Newest first: the French report (8 October) is the first row.
tui_keys Enter
tui_wait "Also in: en"
expect_line() { # N TEXT: screen line N is TEXT (trailing spaces dropped)
	got=$(tui_line "$1" | sed 's/ *$//')
	[ "$got" = "$2" ] || fail "line $1: got '$got', want '$2'"
}
expect_line 2 "Marvella : le port paralysé par une grève de 48 heures"
expect_line 3 "Source: La Dépêche du Littoral"
expect_line 6 "Also in: en · it"

tui_keys B
tui_wait "beside article"
tui_settle
tui_screen | sed 's/ *$//' | sed -n '2,16p' >"$tui_tmp/got.txt"
cat >"$tui_tmp/want.txt" <<'SCREEN'
Marvella : le port paralysé par une grève de 48 heures
Language: Français + English (fr+en)
Date: 2025-10-08
Also in: en · it

Français                                         │ English
─────────────────────────────────────────────────┼──────────────────────────────────────────────────
Marvella : le port paralysé par une grève de 48  │ Dockworkers shut the port of Marvella in 48-hour
heures                                           │ strike
                                                 │
                                                 │ By Tom Ashby, Coastline Post
                                                 │
Les dockers du port de Marvella ont cessé le     │ Dockworkers walked off the job at the port of
travail le 7 octobre 2025 pour une grève de 48   │ Marvella on October 7, 2025, halting traffic at
heures contre le nouveau système de rotation.    │ Europe's busiest container terminal south of the
SCREEN
diff -u "$tui_tmp/want.txt" "$tui_tmp/got.txt" || fail "beside screen differs"
tui_wait "beside article"
tui_keys B
tui_wait "(2 of 2 in the story)"
tui_wait "Italiano"
tui_keys B
tui_wait "the article alone"
tui_wait "Source: La Dépêche du Littoral"

tui_keys X
tui_wait "taken out of its story"
tui_settle
tui_screen | grep -q "Also in" && fail "Also in still shown after X"
tui_keys B
tui_wait "this article is in no story"
tui_quit
