#!/bin/sh
# Stories: articles about one event in several languages linked at import
# (tests/fixtures/story: a port strike in en, fr, it and a satellite
# launch in de, es, zh; the same port's strike in March and the same
# company's contract in June as distractors; an unrelated bakery), the
# stories command, list --story, the story field, show --beside, unlink.
. "$top_srcdir/tests/lib.sh"

mkdir -p "$T/in"
cp "$FIX"/story/*.txt "$T/in/"
expect_status "import" 0 "$DIGLOT" import "$T/in"
expect_eq "import summary" "$(cat "$T/out")" "imported 9, updated 0, unchanged 0, failed 0"

id_of() { "$DIGLOT" list | awk -F'\t' -v t="$1" 'index($6, t) == 1 {print $1}'; }
en=$(id_of "Dockworkers shut"); fr=$(id_of "Marvella : le port"); it=$(id_of "Porto di Marvella")
march=$(id_of "Marvella port workers"); contract=$(id_of "Orbitra décroche")
de=$(id_of "Orbitra bringt"); bakery=$(id_of "Family bakery")

expect_eq "stories" "$("$DIGLOT" stories)" "1	de,es,zh	3	Orbitra bringt Wettersatelliten Helix-3 ins All
2	en,fr,it	3	Dockworkers shut the port of Marvella in 48-hour strike"
expect_eq "stories tsv" "$("$DIGLOT" stories --format tsv | head -1)" "story	langs	articles	title"
expect_eq "stories json" "$("$DIGLOT" stories --format json | tail -1)" \
	"{\"id\":2,\"langs\":[\"en\",\"fr\",\"it\"],\"articles\":3,\"first\":$en,\"title\":\"Dockworkers shut the port of Marvella in 48-hour strike\"}"

# The distractors share the port's and company's names, people and places
# but not the facts, and are months away: in no story.
expect_eq "list --story 2" "$("$DIGLOT" list --story 2 --order title | cut -f2,6)" "lang	title
en	Dockworkers shut the port of Marvella in 48-hour strike
fr	Marvella : le port paralysé par une grève de 48 heures
it	Porto di Marvella bloccato dallo sciopero dei portuali"
expect_eq "list --story 1" "$("$DIGLOT" list --story 1 --order title | cut -f2 | tail -n +2 | tr '\n' ' ')" "de es zh "
story_of() { "$DIGLOT" show "$1" --format json | python3 -c 'import json, sys; print(json.load(sys.stdin)["story"])'; }
expect_eq "story field" "$(story_of "$en")" "2"
expect_eq "same port, other strike" "$(story_of "$march")" "None"
expect_eq "same company, other news" "$(story_of "$contract")" "None"
expect_eq "unrelated" "$(story_of "$bakery")" "None"
expect_eq "list json story" "$("$DIGLOT" list --format json --story 1 | python3 -c '
import json, sys
print(sorted(set(json.loads(l)["story"] for l in sys.stdin)))')" "[1]"
expect_status "list --story bad" 2 "$DIGLOT" list --story x
expect_eq "list --story bad message" "$(cat "$T/err")" "diglot: list: --story needs a story ID, not 'x'"

# Two articles of a story side by side, corresponding paragraphs paired
expect_eq "show --beside" "$("$DIGLOT" show "$en" --beside "$fr" --width 80)" "$(cat "$FIX/story/beside-en-fr-80.out")"
expect_status "show --beside missing" 1 "$DIGLOT" show "$en" --beside 999
expect_eq "show --beside missing message" "$(cat "$T/err")" "diglot: 999: no such article"
expect_status "show --beside bad" 2 "$DIGLOT" show "$en" --beside x
expect_eq "show --beside bad message" "$(cat "$T/err")" "diglot: show: --beside needs an article ID, not 'x'"

# Breaking a link: kept when the article changes and is imported again,
# and when a new article links to the rest of the story
expect_status "unlink" 0 "$DIGLOT" unlink "$it"
expect_eq "after unlink" "$("$DIGLOT" stories | cut -f1-3)" "1	de,es,zh	3
2	en,fr	2"
expect_status "unlink again" 1 "$DIGLOT" unlink "$it"
expect_eq "unlink again message" "$(cat "$T/err")" "diglot: $it: in no story"
expect_status "unlink bad" 2 "$DIGLOT" unlink 12x
echo "Il porto resta chiuso anche domani." >>"$T/in/it-port-strike.txt"
expect_status "import changed" 0 "$DIGLOT" import "$T/in"
expect_eq "import changed summary" "$(cat "$T/out")" "imported 0, updated 1, unchanged 8, failed 0"
expect_eq "broken link kept" "$(story_of "$it")" "None"
cat >"$T/new.txt" <<'NEW'
Marvella strike: talks fail on second day

By Ana Ruiz, Harbour Daily
October 8, 2025

Talks between port authority chief Elsa Varga and union leader Dario Kessler broke down on the second day of the 48-hour strike at the port of Marvella. The union, whose 3,400 members walked out on October 7, 2025, wants a 6.5% pay rise; the port puts its losses at €12.5 million a day.
NEW
expect_status "import bridge" 0 "$DIGLOT" import "$T/new.txt"
expect_eq "new article joins" "$("$DIGLOT" stories | cut -f1-3)" "1	de,es,zh	3
2	en,fr	3"
expect_eq "still unlinked" "$(story_of "$it")" "None"

# The German launch report gone: its story holds the other two
expect_status "delete" 0 "$DIGLOT" delete "$de"
expect_eq "after delete" "$("$DIGLOT" stories | cut -f1-3)" "1	es,zh	2
2	en,fr	3"
expect_status "check" 0 "$DIGLOT" check

done_testing
