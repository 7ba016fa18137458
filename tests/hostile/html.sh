#!/bin/sh
# Hostile web pages (issue 15), one batch: 0 bytes, 50 MB, nested 100,000
# deep, text only in <script>, only frames, undeclared GB18030 and
# Windows-1252, NUL bytes, text hidden in styles, comments and
# attributes.  Each bad page is reported by name, nothing crashes, the
# rest of the batch lands, and no hidden text reaches an article.
. "$top_srcdir/tests/lib.sh"

B=$T/batch
mkdir "$B"
: >"$B/empty.html"
# 50 MB: a page saved with its picture inline (a data: URL).
python3 -c '
import sys
head = "<!DOCTYPE html><html><head><title>Big page with a huge picture</title></head><body><article><p>This page carries one very large inline picture, as pages saved with their images do, and one paragraph about it.</p><img src=\"data:image/png;base64,"
sys.stdout.write(head + "QUFB" * (50 * 1000 * 1000 // 4) + "\"></article></body></html>")' >"$B/big.html"
python3 -c '
import sys
sys.stdout.write("<html><body><p>Before the deep part comes one ordinary paragraph of text.</p>" + "<div>" * 100000 + "deep text that is cut off</body></html>")' >"$B/deep.html"
printf '<html><body><script>document.write("only script text here, nothing else")</script></body></html>\n' >"$B/script-only.html"
printf '<html><head><title>Frames</title></head><frameset cols="50%%,50%%"><frame src="a.html"><frame src="b.html"></frameset></html>\n' >"$B/frames.html"
# Undeclared encodings: the detection import uses.
printf '<html><body><h1>\326\320\316\304\320\302\316\305</h1><p>\270\333\277\332\264\363\307\305\323\332\320\307\306\332\266\376\311\317\316\347\326\330\320\302\315\250\263\265\241\243</p></body></html>\n' >"$B/gb18030.html"
printf '<html><body><h1>Le caf\351 du port</h1><p>Le caf\351 a rouvert apr\350s l\222\351t\351, avec une terrasse plus grande \340 c\364t\351 du quai.</p></body></html>\n' >"$B/cp1252.html"
printf '<html><body><h1>Null\000 bytes</h1><p>A page with NUL\000 bytes in\000 its text still reads as one paragraph of words.</p></body></html>\n' >"$B/nul.html"
cat >"$B/hidden.html" <<'HTML'
<!DOCTYPE html><html><head><title>Hidden text</title><style>p::after { content: "STYLETEXT"; }</style>
<script>var s = "SCRIPTTEXT";</script></head>
<body><!-- COMMENTTEXT --><p title="ATTRTEXT" data-x="ATTRTEXT2">The only visible paragraph of this page is this one, and it is long enough.</p>
<template><p>TEMPLATETEXT</p></template><noscript>NOSCRIPTTEXT</noscript><div hidden>HIDDENTEXT</div>
<svg><text>SVGTEXT</text></svg><textarea>TEXTAREATEXT</textarea></body></html>
HTML

expect_status "batch" 1 timeout 120 "$DIGLOT" import "$B"
expect_eq "each bad page named" "$(cat "$T/err")" \
"diglot: $B/empty.html: no text in file
diglot: $B/frames.html: no text in file
diglot: $B/script-only.html: no text in file"
expect_eq "the rest landed" "$(cat "$T/out")" "imported 6, updated 0, unchanged 0, failed 3"

TAB=$(printf '\t')
expect_eq "titles and languages" "$("$DIGLOT" list | cut -f2,6 | sed "s/$TAB/ | /g" | sort)" \
"en | Before the deep part comes one ordinary paragraph of text
en | Big page with a huge picture
en | Hidden text
en | Null bytes
fr | Le café du port
lang | title
zh | 中文新闻"

all=$(for id in $("$DIGLOT" list | cut -f1 | tail -n +2); do "$DIGLOT" show "$id" --format json; done)
for junk in STYLETEXT SCRIPTTEXT COMMENTTEXT ATTRTEXT TEMPLATETEXT NOSCRIPTTEXT HIDDENTEXT SVGTEXT \
	TEXTAREATEXT "deep text" "only script" QUFB; do
	checks=$((checks + 1))
	case $all in *"$junk"*) fail "hidden text in an article: $junk" ;; esac
done
expect_match "GB18030 decoded" "$all" '港口大桥于星期二上午重新通车。'
expect_match "NUL bytes dropped" "$all" "A page with NUL bytes in its text still reads"
expect_match "Windows-1252 decoded" "$all" "Le café a rouvert après l’été, avec une terrasse plus grande à côté du quai."

# Too large: over 64 MiB is refused without reading it.
python3 -c 'import sys; sys.stdout.write("<html><body><p>x</p>" + " " * (65 << 20))' >"$T/huge.html"
expect_status "over 64 MiB" 1 "$DIGLOT" import "$T/huge.html"
expect_eq "over 64 MiB message" "$(cat "$T/err")" "diglot: $T/huge.html: file too large (over 64 MiB)"

done_testing
