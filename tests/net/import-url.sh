#!/bin/sh
# `diglot import URL` (issue 15) against tests/net/server.py on 127.0.0.1:
# a web page is fetched and its article extracted as a saved page's is,
# its URL and host standing in for what it does not say; a text answer is
# an article too; importing again updates nothing; a failure names the
# URL and the rest still lands; files and URLs mix in one command.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/net/lib.sh"

# og-meta.html is windows-1252, said by its <meta> (served as .htm: no
# charset in the header, which would win).
cp "$FIX/html/og-meta.html" "$T/www/og-meta.htm"
cp "$FIX/html/time-h1.html" "$T/www/"
printf 'Quiet Night in the Harbour\n\nThe harbour master reported a quiet night: no ship came in after ten, and the lights along the quay were switched off at midnight as planned.\n' \
	>"$T/www/night.txt"

expect_status "import two pages and a text" 0 "$DIGLOT" import "$URL/plain/og-meta.htm" \
	"$URL/gzip/time-h1.html" "$URL/plain/night.txt"
expect_eq "summary" "$(cat "$T/out")" "imported 3, updated 0, unchanged 0, failed 0"
TAB=$(printf '\t')
expect_eq "list" "$("$DIGLOT" list | cut -f2,3,6,8 | sed "s/$TAB/ | /g")" \
"lang | source | title | url
en | 127.0.0.1 | Quiet Night in the Harbour | $URL/plain/night.txt
fr | Le Courrier du Port | Le musée rouvre ses portes | https://www.courrier-du-port.fr/culture/musee-rouvre.html
en | valley-observer.example | Comet seen from the observatory | https://www.valley-observer.example/science/comet.html"
expect_eq "paths are the URLs" "$("$DIGLOT" list --format json | python3 -c '
import json, sys
for l in sys.stdin: print(json.loads(l)["path"])' | sort)" \
"$URL/gzip/time-h1.html
$URL/plain/night.txt
$URL/plain/og-meta.htm"

expect_status "again" 0 "$DIGLOT" import "$URL/plain/og-meta.htm"
expect_eq "again: unchanged" "$(cat "$T/out")" "imported 0, updated 0, unchanged 1, failed 0"

expect_status "a failure and a file" 1 "$DIGLOT" import "$URL/status/404" "$FIX/html/url-date.html"
expect_eq "a failure names the URL" "$(cat "$T/err")" \
	"diglot: $URL/status/404: HTTP 404 (not found): not imported"
expect_eq "the file still lands" "$(cat "$T/out")" "imported 1, updated 0, unchanged 0, failed 1"
expect_status "not http" 1 "$DIGLOT" import ftp://127.0.0.1/x.html

done_testing
