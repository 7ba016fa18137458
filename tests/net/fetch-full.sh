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
cat >"$T/www/wall.html" <<'HTML'
<!DOCTYPE html><html><head><title>Wall | Quay News</title>
<meta name="author" content="Rui Costa"></head><body>
<nav><a href="/">Home</a> <a href="/city">City</a></nav>
<article><h1>Harbour wall approved</h1>
<p>The council approved the new harbour wall on Tuesday after a debate of four hours, with 31 votes for and 9 against.</p>
<p>The wall, 800 metres long, will protect the old town from the storm surges that flooded it twice last winter.</p>
<p>Work starts in March and should end before the autumn storms, the harbour office said.</p>
</article><footer>Quay News, all rights reserved.</footer></body></html>
HTML
cat >"$T/www/market.html" <<'HTML'
<!DOCTYPE html><html><head><title>Night market</title></head><body><main>
<p>The night market returns to the quay on Friday, with forty stalls of food, books and music from six until midnight.</p>
<p>The organisers moved it from the square to the quay because the square is being repaved this spring.</p>
</main></body></html>
HTML
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

# A completed teaser's story keys are its page's: it links to the
# articles of its event as a new article would (issue 13), and a link
# the user broke stays broken.
cp "$FIX/story/en-port-strike.txt" "$FIX/story/it-port-strike.txt" "$T/"
expect_status "import the strike" 0 "$DIGLOT" import "$T/en-port-strike.txt" "$T/it-port-strike.txt"
expect_eq "the strike: one story" "$("$DIGLOT" stories | cut -f2,3)" "en,it	2"
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
expect_eq "add the port feed" "$("$DIGLOT" add "$URL/plain/port.xml")" "added feed 2 $URL/plain/port.xml"
expect_status "fetch --full the teaser" 0 "$DIGLOT" fetch --full
expect_eq "fetch --full the teaser: completed" "$(tail -n 1 "$T/out")" "completed 1 from their pages, failed 0"
fr=$("$DIGLOT" list | awk -F'\t' 'index($6, "Marvella : le port") == 1 {print $1}')
expect_eq "the completed teaser joins the strike, not the unlinked report" \
	"$("$DIGLOT" stories | cut -f2,3)" "en,fr	2"
expect_eq "the Italian report: in no story" "$("$DIGLOT" show "$it" --format json | python3 -c '
import json, sys
print(json.load(sys.stdin)["story"])')" "None"
expect_eq "the French report: in it" "$("$DIGLOT" list --story 1 | cut -f1 | tail -n +2 | sort -n | tr '\n' ' ')" \
	"$("$DIGLOT" list | awk -F'\t' 'index($6, "Dockworkers") == 1 || index($6, "Marvella : le port") == 1 {print $1}' | sort -n | tr '\n' ' ')"
expect_status "check" 0 "$DIGLOT" check

done_testing
