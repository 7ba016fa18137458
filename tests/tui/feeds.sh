#!/bin/sh
# Feeds from the reader (issue 14), against tests/net/server.py on
# 127.0.0.1: R fetches every feed in the background and the last line
# sums it up as `diglot fetch` does; the sidebar's Feeds group lists each
# feed with its counts, a failed one marked '!' with its error on the
# status line; C-r fetches the chosen feed (all 304 the second time);
# choosing a feed lists its articles, A marks them read; while a fetch
# runs the status line counts the feeds done out of their total.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/lib.sh"
command -v python3 >/dev/null 2>&1 || { echo "no python3: skipped"; exit 77; }

NET=$top_srcdir/tests/net
mkdir -p "$tui_tmp/www"
cp "$NET"/fixtures/* "$tui_tmp/www/"
python3 "$NET/server.py" --root "$tui_tmp/www" --port-file "$tui_tmp/port" &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; tui_cleanup' EXIT
n=0
while [ ! -s "$tui_tmp/port" ]; do
	n=$((n + 1))
	[ "$n" -gt 100 ] && fail "the test server did not start"
	sleep 0.1
done
URL="http://127.0.0.1:$(head -n 1 "$tui_tmp/port")"
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY ALL_PROXY all_proxy
export no_proxy='*' NO_PROXY='*'

"$DIGLOT" add "$URL/f/harbour.xml" >/dev/null || fail "add harbour"
"$DIGLOT" add "$URL/status/500" --title "Broken Wire" >/dev/null || fail "add broken"

tui_start main 140 30
tui_wait "0 articles"
tui_screen | grep -qE "^ Feeds +│" || fail "no Feeds heading in the sidebar"
tui_screen | grep -qE "^   Broken Wire +0/0│" || fail "the broken feed before any fetch"

tui_keys R
tui_wait "fetched 1, new 2, updated 0, not modified 0, failed 1; $URL/status/500: HTTP 500 (internal server error)"
tui_wait "2 articles"
tui_screen | grep -qE "^   Harbour Gazette +2/2│" || fail "the fetched feed's counts"
tui_screen | grep -qE "^   ! Broken Wire +0/0│" || fail "the failed feed is not marked"

# The sidebar: the failed feed's error on the status line while selected.
tui_keys h G
tui_wait "last fetch: $URL/status/500: HTTP 500 (internal server error)"
# The feed above it: Enter lists its articles.
tui_keys k Enter
tui_wait_re "2 articles  1/2  Harbour Gazette"
# C-r fetches that feed alone: nothing changed on the server.
tui_keys C-r
tui_wait "fetched 0, new 0, updated 0, not modified 1, failed 0"
# A marks the feed read.
tui_keys l A
tui_wait "marked 2 articles read"
[ "$("$DIGLOT" feeds --format tsv | sed -n 2p | cut -f6)" = 0 ] || fail "A left unread articles in the feed"
tui_keys q
tui_wait "EXIT:0"

# A feed slow to answer: the status line counts it out of its total
# before it is done, not "0/0".
slow=$tui_tmp/slow.db
"$DIGLOT" --db "$slow" add "$URL/slow/3000/harbour.xml" --title "Slow Harbour" >/dev/null ||
	fail "add slow"
tui_start slow 140 30 --db "'$slow'"
tui_wait "0 articles"
tui_keys R
tui_wait "fetching 0/1"
# Keys sent faster than the reader's idle timeout: the fetch still ends
# on the screen (its articles listed, its progress gone; a key clears its
# summary as soon as it shows).
n=0
until tui_screen | grep -q "^ 2 articles"; do
	n=$((n + 1))
	[ "$n" -gt 150 ] && fail "the fetch's end never showed while keys came"
	tui_keys j
	sleep 0.1
done
tui_screen | grep -q "fetching" && fail "still fetching on the status line"
tui_keys q
tui_wait "EXIT:0"
echo "1 passed, 0 failed"
