#!/bin/sh
# Feeds end to end against tests/net/server.py on 127.0.0.1: add, fetch
# (parallel, conditional: the second run is all 304), read and bookmark
# state across a changed item, 301 moves the URL, 410 disables, 429
# postpones, an HTML page is no feed, a charset header beats the
# declaration, an external entity and an entity bomb stay unexpanded;
# feeds, remove, opml import and export.  Exact output throughout.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/net/lib.sh"

# add checks what the URL serves: a feed is subscribed; one that cannot
# be fetched now is subscribed as given, saying so.  turned.xml serves a
# feed now and a web page from the first fetch on.
cp "$NET/fixtures/lake.atom" "$T/www/turned.xml"
for p in f/harbour.xml f/lake.atom redirect/301/f/moved.xml status/410 status/429 \
	f/turned.xml f/xxe.xml f/bomb.xml latin1/latin1.xml status/500; do
	"$DIGLOT" add "$URL/$p" >>"$T/added"
done
expect_eq "add" "$(cat "$T/added")" "added feed 1 $URL/f/harbour.xml
added feed 2 $URL/f/lake.atom
added feed 3 $URL/redirect/301/f/moved.xml
added feed 4 $URL/status/410 (not checked: $URL/status/410: HTTP 410 (gone))
added feed 5 $URL/status/429 (not checked: $URL/status/429: HTTP 429 (too many requests))
added feed 6 $URL/f/turned.xml
added feed 7 $URL/f/xxe.xml
added feed 8 $URL/f/bomb.xml
added feed 9 $URL/latin1/latin1.xml
added feed 10 $URL/status/500 (not checked: $URL/status/500: HTTP 500 (internal server error))"
cp "$NET/fixtures/site.html" "$T/www/turned.xml"
# A site: the feed its page announces (<link rel="alternate">).
expect_eq "add a site" "$("$DIGLOT" add "$URL/plain/site.html")" \
	"already subscribed: feed 1 $URL/f/harbour.xml (announced by $URL/plain/site.html)"
printf '<!DOCTYPE html><html><head><title>Nothing</title></head><body><p>No feed here.</p></body></html>\n' \
	>"$T/www/nofeed.html"
expect_status "add a page without a feed" 1 "$DIGLOT" add "$URL/plain/nofeed.html"
expect_eq "add a page without a feed: message" "$(cat "$T/err")" \
	"diglot: add: $URL/plain/nofeed.html: a web page that announces no feed"
expect_eq "add again" "$("$DIGLOT" add "$URL/f/harbour.xml" --title Other)" \
	"already subscribed: feed 1 $URL/f/harbour.xml"
expect_status "add: not http" 2 "$DIGLOT" add ftp://127.0.0.1/feed.xml
expect_eq "add: not http message" "$(cat "$T/err")" \
	"diglot: add: 'ftp://127.0.0.1/feed.xml' is not an http or https URL"
expect_status "add: no URL" 2 "$DIGLOT" add
expect_eq "never fetched" "$("$DIGLOT" feeds | sed -n '1p;2p')" \
	"id	url	title	category	articles	unread	status	error	fetched	full
1	$URL/f/harbour.xml			0	0	0			0"

# First fetch: one line, one stderr line per failed feed (in the order
# they complete: sorted here), exit 1.
expect_status "first fetch" 1 "$DIGLOT" fetch --jobs 4
expect_eq "first fetch summary" "$(cat "$T/out")" \
	"fetched 6, new 7, updated 0, not modified 0, failed 4"
expect_eq "first fetch errors" "$(sort "$T/err")" \
	"diglot: $URL/f/turned.xml: not a feed: an HTML page
diglot: $URL/status/410: HTTP 410 (gone): disabled
diglot: $URL/status/429: HTTP 429 (too many requests): not fetched again for 120 s
diglot: $URL/status/500: HTTP 500 (internal server error)"
# 301: the stored URL is the new one; the feed's own title fills an empty one.
expect_eq "feeds after the first fetch" "$("$DIGLOT" feeds | cut -f1-8)" \
	"id	url	title	category	articles	unread	status	error
1	$URL/f/harbour.xml	Harbour Gazette		2	2	200	
2	$URL/f/lake.atom	Le Courrier du Lac		1	1	200	
3	$URL/f/moved.xml	Moved Gazette		1	1	200	
4	$URL/status/410			0	0	410	$URL/status/410: HTTP 410 (gone): disabled
5	$URL/status/429			0	0	429	$URL/status/429: HTTP 429 (too many requests): not fetched again for 120 s
6	$URL/f/turned.xml			0	0	200	$URL/f/turned.xml: not a feed: an HTML page
7	$URL/f/xxe.xml	External Entity Test		1	1	200	
8	$URL/f/bomb.xml	Entity Bomb Test		1	1	200	
9	$URL/latin1/latin1.xml	Café Gazette		1	1	200	
10	$URL/status/500			0	0	500	$URL/status/500: HTTP 500 (internal server error)"
expect_match "fetched time" "$("$DIGLOT" feeds | sed -n 2p | cut -f9)" \
	'^20[0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]Z$'
expect_eq "feeds json" "$("$DIGLOT" feeds --format json | sed -n 4p | sed 's/"fetched":"[^"]*"/"fetched":T/; s/"next_fetch":null/N/')" \
	"{\"id\":4,\"url\":\"$URL/status/410\",\"title\":\"\",\"category\":\"\",\"articles\":0,\"unread\":0,\"status\":410,\"error\":\"$URL/status/410: HTTP 410 (gone): disabled\",\"fetched\":T,N,\"disabled\":true,\"full\":false}"
expect_match "429 postponed" "$("$DIGLOT" feeds --format json | sed -n 5p)" \
	'"next_fetch":"20[0-9-]+T[0-9:]+Z","disabled":false,"full":false}$'

# Items are articles like imported files: languages, sources, search.
# (By title: feeds complete in any order, and the undated items sort by
# their import.)
expect_eq "articles" "$("$DIGLOT" list --order title | cut -f2,3,6,7)" \
	"lang	source	title	date
en	Entity Bomb Test	An item with an entity bomb	
en	External Entity Test	An item with an external entity	
en	Harbour Gazette	Ferry Timetable Changes for the Winter	2025-01-05T17:00:00Z
en	Harbour Gazette	Harbour Tunnel Opens Two Months Early	2025-01-06T08:30:00Z
fr	Le Courrier du Lac	La régate du lac reportée à cause du vent	2025-01-06T09:00:00Z
fr	Café Gazette	Le café de la gare rouvre	
en	Moved Gazette	The Gazette Has a New Address	2025-01-04T12:00:00Z"
expect_eq "search" "$("$DIGLOT" search ventilation | cut -f6)" "title
Harbour Tunnel Opens Two Months Early"
art_id() { "$DIGLOT" list --format tsv | awk -F'\t' -v t="$1" '$6 == t { print $1 }'; }
tunnel=$(art_id "Harbour Tunnel Opens Two Months Early")
lake=$(art_id "La régate du lac reportée à cause du vent")
expect_eq "atom: HTML content into paragraphs, relative link resolved" \
	"$("$DIGLOT" show "$lake" --width 72)" "La régate du lac reportée à cause du vent
Source: Le Courrier du Lac
Author: Claire Dumont
URL: $URL/lac/regate
Language: Français (fr)
Date: 2025-01-06

La régate annuelle du lac a été reportée à samedi prochain, car des
rafales de plus de soixante kilomètres par heure sont attendues
dimanche.

Les organisateurs ont prévenu les équipages par message dès vendredi
soir."
# The HTTP charset (iso-8859-1) wins over the declaration (UTF-8).
expect_eq "charset header" "$("$DIGLOT" show "$(art_id "Le café de la gare rouvre")" --width 72 | tail -n 2)" \
	"Le café de la gare a rouvert ses portes lundi après trois mois de
travaux, et les habitués sont revenus dès le premier matin."
# Neither an external entity nor an entity bomb is expanded.
xxe=$("$DIGLOT" show "$(art_id "An item with an external entity")" --width 72)
expect_eq "external entity not expanded" "$(printf '%s\n' "$xxe" | tail -n 2)" \
	"Before the entity. After the entity, the text of the item goes on for a
while so that it reads as an article."
expect_eq "no passwd line" "$(printf '%s\n' "$xxe" | grep -c 'root:')" "0"
bomb=$("$DIGLOT" show "$(art_id "An item with an entity bomb")" --width 72)
expect_match "bomb: the text before it" "$bomb" '^Before the bomb\.'
expect_eq "bomb not expanded" "$(printf '%s\n' "$bomb" | grep -c lol)" "0"

# Second fetch: every feed that answered is 304; the disabled and the
# postponed ones are left out.
"$DIGLOT" read "$tunnel" >/dev/null
"$DIGLOT" bookmark "$tunnel" >/dev/null
expect_status "second fetch" 1 "$DIGLOT" fetch
expect_eq "second fetch summary" "$(cat "$T/out")" \
	"fetched 0, new 0, updated 0, not modified 6, failed 2"
expect_eq "second fetch errors" "$(sort "$T/err")" \
	"diglot: $URL/f/turned.xml: not a feed: an HTML page
diglot: $URL/status/500: HTTP 500 (internal server error)"
expect_eq "304 keeps the counts" "$("$DIGLOT" feeds | sed -n 2p | cut -f5-8)" "2	1	304	"

# A changed item is updated in place, keeping its state; a new one is new.
sed -e 's/two months ahead of schedule/nine weeks ahead of schedule/' \
	-e 's|</channel>|<item><title>Harbour Lights Return</title><guid>harbour-lights</guid><description>The harbour lights were switched on again on Friday evening after a month of repairs to the old cables under the quay.</description></item></channel>|' \
	"$NET/fixtures/harbour.xml" >"$T/www/harbour.xml"
expect_status "fetch the changed feed" 0 "$DIGLOT" fetch 1 "$URL/f/lake.atom"
expect_eq "changed feed summary" "$(cat "$T/out")" \
	"fetched 1, new 1, updated 1, not modified 1, failed 0"
expect_eq "state kept" "$("$DIGLOT" list --bookmarked | cut -f1,4,5,6)" "id	read	bookmarked	title
$tunnel	1	1	Harbour Tunnel Opens Two Months Early"
expect_match "text updated" "$("$DIGLOT" show "$tunnel" --width 200)" 'nine weeks ahead of schedule'
expect_eq "no duplicates" "$("$DIGLOT" list --format tsv | tail -n +2 | wc -l)" "8"
expect_eq "harbour counts" "$("$DIGLOT" feeds | sed -n 2p | cut -f5,6)" "3	2"
expect_status "fetch unknown" 1 "$DIGLOT" fetch 99 --quiet
expect_eq "fetch unknown message" "$(cat "$T/err")" "diglot: 99: no such feed"
expect_eq "quiet" "$(cat "$T/out")" ""
# Named, a disabled feed is fetched; still gone, it stays disabled.
expect_status "fetch the disabled feed by name" 1 "$DIGLOT" fetch 4
expect_eq "disabled by name" "$(cat "$T/out")" \
	"fetched 0, new 0, updated 0, not modified 0, failed 1"
expect_status "bad jobs" 2 "$DIGLOT" fetch --jobs 0
expect_eq "bad jobs message" "$(cat "$T/err")" \
	"diglot: fetch: --jobs wants a number from 1 to 256, not '0'"

# remove: articles stay unless --articles.
expect_eq "remove" "$("$DIGLOT" remove 2)" "removed feed 2 $URL/f/lake.atom (its 1 article kept)"
expect_eq "remove --articles" "$("$DIGLOT" remove --articles "$URL/f/moved.xml")" \
	"removed feed 3 $URL/f/moved.xml and 1 article"
expect_eq "articles after remove" "$("$DIGLOT" list --format tsv | tail -n +2 | wc -l)" "7"
expect_status "remove unknown" 1 "$DIGLOT" remove "$URL/nope.xml"
expect_eq "remove unknown message" "$(cat "$T/err")" "diglot: $URL/nope.xml: no such feed"
expect_status "check" 0 "$DIGLOT" check

# OPML: a newsboat export in, categories from its folders; out as OPML 2.0.
expect_status "opml import" 1 "$DIGLOT" --db "$T/opml.db" opml import "$NET/fixtures/subscriptions.opml"
expect_eq "opml import summary" "$(cat "$T/out")" "added 3, already subscribed 0, failed 1"
expect_eq "opml import error" "$(cat "$T/err")" \
	"diglot: $NET/fixtures/subscriptions.opml: 'ftp://127.0.0.1/d.xml' is not an http or https URL"
expect_eq "opml feeds" "$("$DIGLOT" --db "$T/opml.db" feeds | cut -f1-4)" "id	url	title	category
1	http://127.0.0.1/a.xml	Feed A	News
2	http://127.0.0.1/b.xml	Feed B	News/Lakes
3	https://127.0.0.1/c.xml	Feed C	"
expect_eq "opml import again" "$("$DIGLOT" --db "$T/opml.db" opml import "$NET/fixtures/subscriptions.opml" 2>/dev/null)" \
	"added 0, already subscribed 3, failed 1"
expect_status "opml export" 0 "$DIGLOT" --db "$T/opml.db" opml export "$T/out.opml"
expect_eq "opml export" "$(cat "$T/out.opml")" '<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head>
    <title>diglot feeds</title>
  </head>
  <body>
    <outline text="News" title="News">
      <outline type="rss" text="Feed A" title="Feed A" xmlUrl="http://127.0.0.1/a.xml"/>
      <outline text="Lakes" title="Lakes">
        <outline type="rss" text="Feed B" title="Feed B" xmlUrl="http://127.0.0.1/b.xml"/>
      </outline>
    </outline>
    <outline type="rss" text="Feed C" title="Feed C" xmlUrl="https://127.0.0.1/c.xml"/>
  </body>
</opml>'
expect_eq "opml round trip" "$("$DIGLOT" --db "$T/round.db" opml import "$T/out.opml")" \
	"added 3, already subscribed 0, failed 0"
expect_eq "round trip categories" "$("$DIGLOT" --db "$T/round.db" feeds | cut -f2,4 | tail -n +2)" \
	"http://127.0.0.1/a.xml	News
http://127.0.0.1/b.xml	News/Lakes
https://127.0.0.1/c.xml	"
expect_status "opml usage" 2 "$DIGLOT" opml
expect_status "opml missing file" 1 "$DIGLOT" opml import "$T/none.opml"
expect_eq "opml missing file message" "$(cat "$T/err")" "diglot: $T/none.opml: No such file or directory"

# Feed items join stories like imported files: the port strike told by
# three outlets in three languages, served as one feed's items.
python3 - "$FIX/story" >"$T/www/strike.xml" <<'PY'
import html, sys
print('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Wire</title>')
for i, name in enumerate(["en-port-strike", "fr-port-strike", "it-port-strike"]):
    text = open(sys.argv[1] + "/" + name + ".txt", encoding="utf-8").read()
    title, body = text.split("\n", 1)
    paras = "".join("<p>%s</p>" % html.escape(p) for p in body.split("\n\n") if p.strip())
    print("<item><guid>strike-%d</guid><title>%s</title><description>%s</description></item>"
          % (i, html.escape(title), html.escape(paras)))
print("</channel></rss>")
PY
"$DIGLOT" add "$URL/f/strike.xml" >/dev/null
expect_status "fetch the wire" 0 "$DIGLOT" fetch "$URL/f/strike.xml"
expect_eq "the wire's items form one story" "$("$DIGLOT" stories | cut -f2,3)" "en,fr,it	3"

# The config file's fetch settings: a bad line is said with its file and
# line, the others apply (one connection at a time still fetches).
mkdir -p "$XDG_CONFIG_HOME/diglot"
printf 'fetch-jobs 1\nfetch-timeout forever\n' >"$XDG_CONFIG_HOME/diglot/config"
expect_status "fetch with a config" 0 "$DIGLOT" fetch 1
expect_eq "fetch with a config: the bad line" "$(cat "$T/err")" \
	"diglot: $XDG_CONFIG_HOME/diglot/config:2: usage: fetch-timeout SECONDS (1 to 3600)"
expect_eq "fetch with a config: summary" "$(cat "$T/out")" \
	"fetched 0, new 0, updated 0, not modified 1, failed 0"
rm "$XDG_CONFIG_HOME/diglot/config"

done_testing
