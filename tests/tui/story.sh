#!/bin/sh
# Stories in the reader: the pager says which languages the story has
# besides the article ("Also in"), B shows the article beside the next one
# of its story in two columns (paragraphs that share names and numbers
# side by side), B again the one after, then the article alone; S lists
# the story's articles (Enter opens one, B shows the article beside it,
# the pager taking the list's place), from the pager and from the list;
# X takes it out of its story.  Then, in a library with two stories in
# three languages and one in English alone, the sidebar's Stories group
# (those in two languages or more first) and the list of one story.
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

# S: the story's articles, newest first, the one it opened on marked '>'
# (read now: no N); Enter opens another in the pager, whose q goes back
# to the list (the pager was replaced, not piled on).
tui_keys S
tui_wait "story 1: 3 articles in en, fr, it"
tui_settle
tui_screen | sed 's/ *$//' | sed -n '1,6p' >"$tui_tmp/got.txt"
cat >"$tui_tmp/want.txt" <<'SCREEN'
 diglot  story 1: 3 articles in en, fr, it
   Lang  Date       Source           Title
>  fr    2025-10-08 La Dépêche du L… Marvella : le port paralysé par une grève de 48 heures
 N it    2025-10-07 Il Gazzettino d… Porto di Marvella bloccato dallo sciopero dei portuali
 N en    2025-10-07 Coastline Post   Dockworkers shut the port of Marvella in 48-hour strike

SCREEN
diff -u "$tui_tmp/want.txt" "$tui_tmp/got.txt" || fail "story screen differs"
expect_line 29 " 1/3  Enter: open  B: beside this one  q: back"
tui_keys B
tui_wait "this is the article itself: choose another one to see beside it"
tui_keys j Enter
tui_wait "Source: Il Gazzettino del Mare"
expect_line 2 "Porto di Marvella bloccato dallo sciopero dei portuali"
tui_keys q
tui_wait "4 articles"
expect_line 1 " diglot   ?:help  /:search  s:sidebar  o:order  q:quit"
# From the list's row (the French one): S, then B on the English one: the
# French article beside it, in the pager.
tui_keys S
tui_wait "story 1: 3 articles in en, fr, it"
tui_keys G B
tui_wait "beside article 1 (1 of 2 in the story)"
tui_settle
expect_line 3 "Language: Français + English (fr+en)"
expect_line 7 "Français                                         │ English"
# Its q goes back to the list; Esc leaves the story screen for the pager.
tui_keys q
tui_wait "4 articles"
tui_keys Enter
tui_wait "Source: La Dépêche du Littoral"
tui_keys S
tui_wait "story 1: 3 articles in en, fr, it"
tui_keys Escape
tui_wait "Source: La Dépêche du Littoral"
expect_line 2 "Marvella : le port paralysé par une grève de 48 heures"

tui_keys X
tui_wait "taken out of its story"
tui_settle
tui_screen | grep -q "Also in" && fail "Also in still shown after X"
tui_keys B
tui_wait "this article is in no story"
tui_quit

# The sidebar's Stories: a second library with the satellite launch (de,
# es, zh: its distractor, a French contract, stays out) and a second
# English report of the bakery prize, so that a story in one language
# forms last: the two in three languages come first, newest first.
DIGLOT_DB=$tui_tmp/stories.db
export DIGLOT_DB
sed -e 's/Nora Pike, Valley Courier/Ken Adler, Hill Gazette/' -e 's/^Family bakery/Brightwell family bakery/' \
	-e 's/has won/wins/' "$F/en-bakery-award.txt" >"$tui_tmp/en-bakery-again.txt"
"$DIGLOT" import "$F"/*.txt "$tui_tmp/en-bakery-again.txt" >"$tui_tmp/import.out" 2>&1 ||
	fail "import failed: $(cat "$tui_tmp/import.out")"
[ "$("$DIGLOT" stories | cut -f1-3)" = "1	de,es,zh	3
2	en,fr,it	3
3	en	2" ] || fail "stories: $("$DIGLOT" stories)"
tui_start side 100 34 --db "$DIGLOT_DB" # the tmux server keeps the first one's environment
tui_wait "10 articles"
tui_wait "Stories"
tui_settle
tui_screen | sed -n '23,28p' | sed 's/│.*/│/' >"$tui_tmp/got.txt"
cat >"$tui_tmp/want.txt" <<'SCREEN'
 Bilingual            0│
 Stories               │
   en,fr,it Dockwo… 3/3│
   de,es,zh Orbitr… 3/3│
   en Family baker… 2/2│
                       │
SCREEN
diff -u "$tui_tmp/want.txt" "$tui_tmp/got.txt" || fail "sidebar stories differ"
# Enter on the Marvella story: the list is its three articles.
tui_keys h G k k Enter
tui_wait "3 articles  1/3  en,fr,it Dockworkers shut the port of Marvella in 48-hour strike  order: date"
tui_screen | sed 's/ *$//' | sed -n '2,6p' | sed 's/^[^│]*//' >"$tui_tmp/got.txt"
cat >"$tui_tmp/want.txt" <<'SCREEN'
│   Lang  Source           Title                                   Date
│N  fr    La Dépêche du L… Marvella : le port paralysé par une gr… 2025-10-08
│N  it    Il Gazzettino d… Porto di Marvella bloccato dallo sciop… 2025-10-07
│N  en    Coastline Post   Dockworkers shut the port of Marvella … 2025-10-07
│
SCREEN
diff -u "$tui_tmp/want.txt" "$tui_tmp/got.txt" || fail "story list differs"
# S on the English report lists the same story; the help names the key.
tui_keys G S
tui_wait "story 2: 3 articles in en, fr, it"
tui_wait_line 5 ">N en    2025-10-07 Coastline Post   Dockworkers shut the port of Marvella in 48-hour strike"
# r and b act on the chosen row, as in the article list: the same
# messages, the row's N and * marks follow, and the library has the
# change at once (another process reads it); again, as they were.
row_state() { # ID: its read and bookmarked columns, as `diglot list` has them
	"$DIGLOT" list --story 2 --format tsv | awk -F'\t' -v id="$1" '$1 == id { print $4 $5 }'
}
en_id=$("$DIGLOT" list --story 2 --lang en --format tsv | sed -n 2p | cut -f1)
tui_keys r
tui_wait "marked read"
tui_wait_line 5 ">  en    2025-10-07 Coastline Post   Dockworkers shut the port of Marvella in 48-hour strike"
[ "$(row_state "$en_id")" = 10 ] || fail "after r: read, bookmarked = $(row_state "$en_id")"
tui_keys b
tui_wait "bookmarked"
tui_wait_line 5 "> *en    2025-10-07 Coastline Post   Dockworkers shut the port of Marvella in 48-hour strike"
[ "$(row_state "$en_id")" = 11 ] || fail "after b: read, bookmarked = $(row_state "$en_id")"
tui_keys r
tui_wait "marked unread"
tui_keys b
tui_wait "bookmark removed"
tui_wait_line 5 ">N en    2025-10-07 Coastline Post   Dockworkers shut the port of Marvella in 48-hour strike"
[ "$(row_state "$en_id")" = 00 ] || fail "after r b again: read, bookmarked = $(row_state "$en_id")"
# The mouse: a click selects a row (the first at screen row 2, 0-based),
# a double click opens it, in the story screen's place.
hex() { printf '%x' "$1"; }
click() { # COL ROW, 0-based: press and release, as tmux-256color sends them (X10)
	tm send-keys -t "$tui_target" -H 1b 5b 4d 20 "$(hex $((33 + $1)))" "$(hex $((33 + $2)))"
	tm send-keys -t "$tui_target" -H 1b 5b 4d 23 "$(hex $((33 + $1)))" "$(hex $((33 + $2)))"
}
click 40 3
tui_wait " 2/3  Enter: open  B: beside this one  q: back"
click 40 3
click 40 3
tui_wait "Source: Il Gazzettino del Mare"
tui_keys q
tui_wait "3 articles  3/3"
tui_keys '?'
tui_wait 'diglot help'
tui_keys G
tui_wait "story-list"
got=$(tui_screen | grep "story-list" | sed 's/ *$//')
[ "$got" = "  S                 story-list        List its story's articles: open one or see it beside this one" ] ||
	fail "help line: '$got'"
# X in the pager: the story's list and the sidebar follow; the last link
# broken, the story is gone and the list shows All again.
tui_keys q
tui_wait "3 articles  3/3"
tui_keys Enter
tui_wait "Source: Coastline Post"
tui_keys X
tui_wait "taken out of its story"
tui_keys q
tui_wait "2 articles  2/2  fr,it Porto di Marvella bloccato dallo sciopero dei portuali  order: date"
tui_wait_line 25 ">  fr,it Porto di … 2/1│" # the Italian one read by the double click
tui_keys g Enter
tui_wait "Source: La Dépêche du Littoral"
tui_keys X
tui_wait "taken out of its story"
tui_keys q
tui_wait "10 articles  5/10  All  order: date" # the cursor stays on the French article
tui_screen | sed -n '23,27p' | sed 's/│.*/│/' >"$tui_tmp/got.txt"
cat >"$tui_tmp/want.txt" <<'SCREEN'
 Bilingual            0│
 Stories               │
   de,es,zh Orbitr… 3/3│
   en Family baker… 2/2│
                       │
SCREEN
diff -u "$tui_tmp/want.txt" "$tui_tmp/got.txt" || fail "sidebar stories after X differ"
tui_quit

# X in the story screen takes the chosen article out, as the pager's X:
# the screen's rows and title follow, the library has the broken link at
# once, and no import makes it again; the last link broken, the story is
# no more and the list comes back.
tui_start unlink 100 34 --db "$DIGLOT_DB"
tui_wait "10 articles"
zh_id=$("$DIGLOT" list --story 1 --lang zh --format tsv | sed -n 2p | cut -f1)
[ -n "$zh_id" ] || fail "no zh article in story 1"
tui_keys h G k Enter
tui_wait "3 articles  1/3  de,es,zh"
tui_keys S
tui_wait "story 1: 3 articles in de, es, zh"
while ! tui_screen | sed -n 3,5p | grep -q "^>"; do sleep 0.1; done
# the chosen row: the Chinese one
row=$(tui_screen | grep -n " zh  " | head -1 | cut -d: -f1)
[ -n "$row" ] || fail "no zh row on the story screen"
cur=$(tui_screen | grep -n "^>" | cut -d: -f1)
while [ "$cur" -lt "$row" ]; do tui_keys j; cur=$((cur + 1)); done
while [ "$cur" -gt "$row" ]; do tui_keys k; cur=$((cur - 1)); done
tui_keys X
tui_wait "article $zh_id taken out of its story"
tui_wait "story 1: 2 articles in de, es"
tui_screen | grep -q " zh  " && fail "the zh row still listed after X"
[ "$("$DIGLOT" list --story 1 --format tsv | tail -n +2 | cut -f2 | sort | tr '\n' ' ')" = "de es " ] ||
	fail "story 1 after X: $("$DIGLOT" list --story 1 --format tsv)"
"$DIGLOT" import "$F"/*.txt >/dev/null 2>&1
[ "$("$DIGLOT" list --story 1 --format tsv | tail -n +2 | wc -l)" -eq 2 ] ||
	fail "an import made the broken link again: $("$DIGLOT" list --story 1 --format tsv)"
tui_keys X
tui_wait "taken out of its story"
tui_wait "10 articles"
tui_screen | grep -q "story 1:" && fail "the story screen stayed after its story was dissolved"
tui_quit
