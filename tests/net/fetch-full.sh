#!/bin/sh
# `diglot fetch --full` (issue 15) against tests/net/server.py: a feed
# item that is only a teaser (ending in "…", or a "Read more" line) is
# completed from its page, whose main text is extracted as a saved
# page's; the feed's title and date stay.  A full item's page is not
# fetched; a page no longer than its teaser leaves it; a page that fails
# is named; fetching again without --full leaves the completed article.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/net/lib.sh"

long="The council approved the new harbour wall on Tuesday after a debate of four hours, and work will start in March. "
cat >"$T/www/teasers.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Quay News</title><link>$URL/</link>
<item><title>Harbour Wall Approved</title><link>$URL/plain/wall.html</link><guid>wall</guid>
<pubDate>Tue, 07 Jan 2025 10:00:00 GMT</pubDate>
<description>The council approved the new harbour wall on Tuesday after a long debate…</description></item>
<item><title>Night Market Returns</title><link>$URL/plain/market.html</link><guid>market</guid>
<pubDate>Mon, 06 Jan 2025 10:00:00 GMT</pubDate>
<description>&lt;p&gt;The night market returns to the quay on Friday.&lt;/p&gt;&lt;p&gt;&lt;a href="$URL/plain/market.html"&gt;Read more&lt;/a&gt;&lt;/p&gt;</description></item>
<item><title>Long Item</title><link>$URL/status/500</link><guid>long</guid>
<pubDate>Sun, 05 Jan 2025 10:00:00 GMT</pubDate>
<description>$long$long$long$long$long$long</description></item>
<item><title>Paywalled</title><link>$URL/plain/paywall.html</link><guid>paywall</guid>
<pubDate>Sat, 04 Jan 2025 10:00:00 GMT</pubDate>
<description>Subscribers can read how the ferry company plans to cut its fares next year…</description></item>
<item><title>Gone</title><link>$URL/status/404</link><guid>gone</guid>
<pubDate>Fri, 03 Jan 2025 10:00:00 GMT</pubDate>
<description>A story whose page is gone…</description></item>
</channel></rss>
XML
cat >"$T/www/paywall.html" <<'HTML'
<!DOCTYPE html><html><head><title>Paywalled</title></head><body><main>
<p>Subscribe to read this article.</p></main></body></html>
HTML

# /plain/: no validators, so a fetch again gets the same feed (200).
expect_eq "add" "$("$DIGLOT" add "$URL/plain/teasers.xml")" "added feed 1 $URL/plain/teasers.xml"
expect_status "fetch --full" 1 "$DIGLOT" fetch --full
expect_eq "fetch --full: summaries" "$(cat "$T/out")" \
"fetched 1, new 5, updated 0, not modified 0, failed 0
completed 2 from their pages, failed 1"
expect_eq "fetch --full: the failed page named" "$(cat "$T/err")" \
	"diglot: $URL/status/404: HTTP 404 (not found): not completed"
TAB=$(printf '\t')
expect_eq "list" "$("$DIGLOT" list | cut -f1,6,7 | sed "s/$TAB/ | /g")" \
"id | title | date
1 | Harbour Wall Approved | 2025-01-07T10:00:00Z
2 | Night Market Returns | 2025-01-06T10:00:00Z
3 | Long Item | 2025-01-05T10:00:00Z
4 | Paywalled | 2025-01-04T10:00:00Z
5 | Gone | 2025-01-03T10:00:00Z"
expect_eq "completed: the page's text, the feed's title, the page's author" "$("$DIGLOT" show 1 --width 200)" \
"Harbour Wall Approved
Source: Quay News
Author: Rui Costa
URL: $URL/plain/wall.html
Language: English (en)
Date: 2025-01-07

Harbour wall approved

The council approved the new harbour wall on Tuesday after a debate of four hours, with 31 votes for and 9 against.

The wall, 800 metres long, will protect the old town from the storm surges that flooded it twice last winter.

Work starts in March and should end before the autumn storms, the harbour office said."
expect_eq "a 'Read more' teaser completed" "$("$DIGLOT" show 2 --format json | python3 -c '
import json, sys
for p in json.load(sys.stdin)["paragraphs"]: print(p["text"][:30])')" \
"Night market
The night market returns to th
The organisers moved it from t"
expect_eq "a page no longer than its teaser: the teaser stays" "$("$DIGLOT" show 4 --format json | python3 -c '
import json, sys
for p in json.load(sys.stdin)["paragraphs"]: print(p["text"])')" \
"Paywalled
Subscribers can read how the ferry company plans to cut its fares next year…"

# Fetched again (the feed unchanged): the completed articles stay.
expect_status "fetch again" 0 "$DIGLOT" fetch
expect_eq "fetch again: nothing changed" "$(cat "$T/out")" \
	"fetched 1, new 0, updated 0, not modified 0, failed 0"
expect_eq "fetch again: still complete" "$("$DIGLOT" show 1 --format json | python3 -c '
import json, sys
print(len(json.load(sys.stdin)["paragraphs"]))')" "4"
# Nothing stored or updated: nothing to complete (the articles of this
# run are those stored from its second on: a second later, none).
sleep 1
expect_status "fetch --full again" 0 "$DIGLOT" fetch --full
expect_eq "fetch --full again" "$(cat "$T/out")" \
"fetched 1, new 0, updated 0, not modified 0, failed 0
completed 0 from their pages, failed 0"

# Per feed (issue 15): a feed added with --full (or set so by `feeds
# --full on`) has its teasers completed by every fetch, without --full;
# the others' stay.  `feeds` shows the setting in a last column.
item() { # GUID TITLE PAGE TEASER
	printf '<item><title>%s</title><link>%s</link><guid>%s</guid><description>%s</description></item>\n' \
		"$2" "$URL/plain/$3" "$1" "$4"
}
feed() { # FILE TITLE ITEMS...
	_f=$1 _t=$2
	shift 2
	{ printf '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>%s</title>\n' "$_t"
	  printf '%s\n' "$@"
	  printf '</channel></rss>\n'; } >"$T/www/$_f"
}
feed always.xml "Always Full" "$(item w1 "Wall Again" wall.html "The council approved the wall…")"
feed never.xml "Never Full" "$(item m1 "Market Again" market.html "The night market returns…")"
expect_eq "add --full" "$("$DIGLOT" add --full "$URL/plain/always.xml")" \
	"added feed 2 $URL/plain/always.xml, full pages on"
expect_eq "add" "$("$DIGLOT" add "$URL/plain/never.xml")" "added feed 3 $URL/plain/never.xml"
expect_eq "feeds: the full column" "$("$DIGLOT" feeds | cut -f1,2,10)" \
"id	url	full
1	$URL/plain/teasers.xml	0
2	$URL/plain/always.xml	1
3	$URL/plain/never.xml	0"
expect_match "feeds json: full" "$("$DIGLOT" feeds --format json | sed -n 2p)" '"disabled":false,"full":true}$'
paras() { # TITLE: how many paragraphs its article has (feeds complete in any order: not by ID)
	_id=$("$DIGLOT" list --format tsv | awk -F'\t' -v t="$1" '$6 == t { print $1 }')
	"$DIGLOT" show "$_id" --format json | python3 -c 'import json, sys; print(len(json.load(sys.stdin)["paragraphs"]))'
}
sleep 1
expect_status "fetch: a full feed without --full" 0 "$DIGLOT" fetch
expect_eq "fetch: a full feed's teaser completed" "$(cat "$T/out")" \
"fetched 3, new 2, updated 0, not modified 0, failed 0
completed 1 from their pages, failed 0"
expect_eq "the full feed's article: the page's text" "$(paras "Wall Again")" 4
expect_eq "the other feed's article: its teaser" "$(paras "Market Again")" 2

# Off again, by ID: a new teaser of that feed stays, and the fetch says
# nothing of pages (no feed is set full).
expect_eq "feeds --full off" "$("$DIGLOT" feeds --full off 2)" "feed 2 $URL/plain/always.xml: full pages off"
feed always.xml "Always Full" "$(item w1 "Wall Again" wall.html "The council approved the wall…")" \
	"$(item w2 "Market Once More" market.html "The market is back…")"
sleep 1
expect_status "fetch: no feed set full" 0 "$DIGLOT" fetch
expect_eq "fetch: no pages fetched" "$(cat "$T/out")" "fetched 3, new 1, updated 0, not modified 0, failed 0"
expect_eq "off: the new teaser stays" "$(paras "Market Once More")" 2
# On, by URL: the next fetch completes that feed's new teaser, not the
# other feed's old ones.
expect_eq "feeds --full on URL" "$("$DIGLOT" feeds --full on "$URL/plain/never.xml")" \
	"feed 3 $URL/plain/never.xml: full pages on"
feed never.xml "Never Full" "$(item m1 "Market Again" market.html "The night market returns…")" \
	"$(item m2 "Wall Once More" wall.html "The wall again…")"
sleep 1
expect_status "fetch: the feed set on" 0 "$DIGLOT" fetch
expect_eq "fetch: the feed set on completes its new teaser" "$(cat "$T/out")" \
"fetched 3, new 1, updated 0, not modified 0, failed 0
completed 1 from their pages, failed 0"
expect_eq "on: the new teaser completed" "$(paras "Wall Once More")" 4
expect_eq "on: the old teaser of this feed not fetched again" "$(paras "Market Again")" 2
expect_status "feeds --full: neither on nor off" 2 "$DIGLOT" feeds --full maybe 3
expect_eq "feeds --full maybe" "$(cat "$T/err")" "diglot: feeds: --full wants on or off, not 'maybe'"
expect_status "feeds --full: no feed" 2 "$DIGLOT" feeds --full on
expect_status "feeds --full: no such feed" 1 "$DIGLOT" feeds --full on 99
expect_eq "feeds --full 99" "$(cat "$T/err")" "diglot: 99: no such feed"

# A library of schema v9 (no full column) gets it, 0 for its feeds.
python3 - "$DIGLOT_DB" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
# a copy of the table without the column (DROP COLUMN parses the
# triggers, which name the library's own tokenizer)
# with the keys and constraints the library's own schema gives it
import re
cols = ", ".join(r[1] for r in db.execute("PRAGMA table_info(feed)") if r[1] != "full")
sql = db.execute("SELECT sql FROM sqlite_master WHERE name = 'feed'").fetchone()[0]
v9 = re.sub(r",\s*full\b[^,)]*", "", sql, count=1)
v9 = re.sub(r"^CREATE TABLE( IF NOT EXISTS)? \"?feed\"?", "CREATE TABLE feed_v9", v9)
assert v9 != sql and "full" not in v9, v9
db.executescript("PRAGMA foreign_keys = OFF; PRAGMA legacy_alter_table = ON; BEGIN; %s;"
                 " INSERT INTO feed_v9 SELECT %s FROM feed; DROP TABLE feed;"
                 " ALTER TABLE feed_v9 RENAME TO feed; PRAGMA user_version = 9; COMMIT;" % (v9, cols))
PY
expect_eq "v9 -> v10: full 0" "$("$DIGLOT" feeds | cut -f1,10)" \
"id	full
1	0
2	0
3	0"
expect_eq "v10" "$(python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("PRAGMA user_version").fetchone()[0])' "$DIGLOT_DB")" 10
expect_status "v10: the library is whole" 0 "$DIGLOT" check
expect_status "v10: a fetch stores" 0 "$DIGLOT" fetch

# A completed teaser's story keys are its page's: it links to the
# articles of its event as a new article would (issue 13), and a link
# the user broke stays broken.  In a library of its own, with other
# stories (a key's weight is its rarity in the library).
DIGLOT_DB=$T/story.db
export DIGLOT_DB
expect_status "import other stories" 0 "$DIGLOT" import "$FIX/story/en-bakery-award.txt" \
	"$FIX/story/de-orbitra-launch.txt" "$FIX/story/es-orbitra-launch.txt" "$FIX/story/zh-orbitra-launch.txt"
cp "$FIX/story/en-port-strike.txt" "$FIX/story/it-port-strike.txt" "$T/"
expect_status "import the strike" 0 "$DIGLOT" import "$T/en-port-strike.txt" "$T/it-port-strike.txt"
strike() { "$DIGLOT" stories | awk -F'\t' 'index($4, "Dockworkers") == 1 { print $2 "\t" $3 }'; }
expect_eq "the strike: one story" "$(strike)" "en,it	2"
it=$("$DIGLOT" list | awk -F'\t' 'index($6, "Porto di Marvella") == 1 {print $1}')
expect_status "unlink the Italian report" 0 "$DIGLOT" unlink "$it"
cat >"$T/www/port.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>La Dépêche du Littoral</title><link>$URL/</link>
<item><title>Marvella : le port paralysé</title><link>$URL/plain/port.html</link><guid>port</guid>
<pubDate>Wed, 08 Oct 2025 08:00:00 GMT</pubDate>
<description>Les dockers ont cessé le travail…</description></item>
</channel></rss>
XML
{
	echo '<!DOCTYPE html><html><head><title>Grève</title></head><body><article>'
	tail -n +5 "$FIX/story/fr-port-strike.txt" | sed -n 's/^\(..*\)$/<p>\1<\/p>/p'
	echo '</article></body></html>'
} >"$T/www/port.html"
expect_eq "add the port feed" "$("$DIGLOT" add "$URL/plain/port.xml")" "added feed 1 $URL/plain/port.xml"
expect_status "fetch --full the teaser" 0 "$DIGLOT" fetch --full
expect_eq "fetch --full the teaser: completed" "$(tail -n 1 "$T/out")" "completed 1 from their pages, failed 0"
fr=$("$DIGLOT" list | awk -F'\t' 'index($6, "Marvella : le port") == 1 {print $1}')
expect_eq "the completed teaser joins the strike, not the unlinked report" "$(strike)" "en,fr	2"
expect_eq "the Italian report: in no story" "$("$DIGLOT" show "$it" --format json | python3 -c '
import json, sys
print(json.load(sys.stdin)["story"])')" "None"
sid=$("$DIGLOT" stories | awk -F'\t' 'index($4, "Dockworkers") == 1 { print $1 }')
expect_eq "the French report: in it" "$("$DIGLOT" list --story "$sid" | cut -f1 | tail -n +2 | sort -n | tr '\n' ' ')" \
	"$("$DIGLOT" list | awk -F'\t' 'index($6, "Dockworkers") == 1 || index($6, "Marvella : le port") == 1 {print $1}' | sort -n | tr '\n' ' ')"
expect_status "check" 0 "$DIGLOT" check

done_testing
