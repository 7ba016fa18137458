#!/bin/sh
# Web pages (issue 15): `diglot import` knows HTML by its content (a file
# without .html too), takes title, source, date and URL from the page's
# metadata (JSON-LD, og:, article:published_time, <time>, the URL, a
# visible date, <title> and <h1>, a "saved from" comment) and keeps only
# the article: no navigation, breadcrumbs, cookie banner, share bar,
# related links, comments, newsletter box, sidebar or footer, and no text
# of scripts, styles, comments or attributes.  Bilingual pages (Chinese
# then English, interleaved, two <div lang> columns) come out bilingual.
. "$top_srcdir/tests/lib.sh"

H=$(cd "$FIX/html" && pwd -P) # stored paths are real paths
expect_status "import" 0 "$DIGLOT" import "$H"
expect_eq "import summary" "$(cat "$T/out")" "imported 8, updated 0, unchanged 0, failed 0"

TAB=$(printf '\t')
expect_eq "list: metadata of every page" "$("$DIGLOT" list | sed "s/$TAB/ | /g")" \
"id | lang | source | read | bookmarked | title | date | url
1 | ja+en |  | 0 | 0 | Typhoon: ferries suspended / 台風でフェリー運休 |  | 
3 | zh+en |  | 0 | 0 | 港口大桥重新通车 | 2024-06-01T00:00:00Z | 
2 | fr+en | Journal du Parc | 0 | 0 | Les abeilles reviennent au parc / Bees return to the park | 2024-04-22T00:00:00Z | 
6 | de | kuestenblatt.example | 0 | 0 | Neue Fähre für die Inseln | 2024-03-05T00:00:00Z | https://www.kuestenblatt.example/lokales/faehre.html
4 | en | The Harbor Gazette | 0 | 0 | Harbor bridge reopens after two years of repairs | 2024-03-05T00:00:00Z | 
5 | fr | Le Courrier du Port | 0 | 0 | Le musée rouvre ses portes | 2023-11-20T00:00:00Z | https://www.courrier-du-port.fr/culture/musee-rouvre.html
7 | en | valley-observer.example | 0 | 0 | Comet seen from the observatory | 2022-08-14T00:00:00Z | https://www.valley-observer.example/science/comet.html
8 | de | nordkueste.example | 0 | 0 | Deiche halten dem Sturm stand | 2021-02-17T00:00:00Z | https://nordkueste.example/2021/02/17/deiche-halten.html"

# One line per paragraph: kind, language, side and its first 30 characters.
paras() {
	"$DIGLOT" show "$1" --format json | python3 -c '
import json, sys
a = json.load(sys.stdin)
for p in a["paragraphs"]:
    print(p["kind"], p["lang"], "-" if p["side"] is None else p["side"], p["text"][:30])
print("rows", len(a.get("rows", [])))'
}

# JSON-LD (headline, datePublished, publisher.name in an @graph) wins over
# <title>; cookie banner, nav, breadcrumb, share bar, related list,
# comments, comment form, sidebar and footer are left out.
expect_eq "json-ld page, every boilerplate kind" "$("$DIGLOT" show 4 --format json)" \
'{"id":4,"title":"Harbor bridge reopens after two years of repairs","source":"The Harbor Gazette","langs":["en"],"bilingual":false,"read":false,"bookmarked":false,"date":"2024-03-05T00:00:00Z","path":"'"$H"'/jsonld-boilerplate.html","url":"","story":null,"author":"Ada Lovelace","paragraphs":[{"lang":"en","side":null,"kind":"title","text":"Harbor bridge reopens after two years of repairs"},{"lang":"en","side":null,"kind":"body","text":"The harbor bridge reopened to traffic on Tuesday morning, two years after engineers closed it because of corrosion in its main cables."},{"lang":"en","side":null,"kind":"body","text":"About 40,000 vehicles are expected to cross it every day, the city'"'"'s transport office said, which should ease the queues that have built up on the ring road since 2022."},{"lang":"en","side":null,"kind":"body","text":"The repairs cost 180 million euros, of which the national government paid half; the work replaced every one of the 1,200 suspender cables and resurfaced the deck."},{"lang":"en","side":null,"kind":"body","text":"Cyclists get a separate lane on the eastern side, and a footpath on the western side will open in May, once the railings are finished."}]}'

# og:title without its " | site", og:site_name, article:published_time,
# a canonical link against <base>, declared windows-1252; menu, share
# links, tags, newsletter box and footer left out.
expect_eq "open graph page" "$(paras 5)" \
"title fr - Le musée rouvre ses portes
body fr - Après trois ans de travaux, le
body fr - Plus de deux mille visiteurs s
body fr - Les travaux, financés par la r
rows 0"

# <title> minus " - Valley Observer" is the <h1>; <time datetime>; the
# canonical URL's host names the source.
expect_eq "time and h1 page" "$(paras 7)" \
"title en - Comet seen from the observator
meta en - By Jo Stargazer, Sunday evenin
body en - Astronomers at the hill observ
body en - It will be visible with binocu
rows 0"

# The date only in og:url's path.
expect_eq "date from the URL" "$(paras 8)" \
"title de - Deiche halten dem Sturm stand
body de - Die Deiche an der Nordküste ha
body de - Die Feuerwehr rückte mehr als 
rows 0"

# No .html: a "saved from url" comment, the date only as visible text.
expect_eq "saved page without extension, visible date" "$(paras 6)" \
"title de - Neue Fähre für die Inseln
body de - Die neue Fähre zwischen dem Fe
body de - Sie fährt mit Flüssiggas und s
rows 0"

expect_eq "Chinese then English (GB2312 page)" "$(paras 3)" \
"title zh 0 港口大桥重新通车
body zh 0 经过两年的维修，港口大桥于星期二上午重新通车。工程师当年因主
body zh 0 市交通局表示，预计每天约有四万辆汽车通过大桥，这将缓解自二〇
title en 1 Harbor bridge reopens to traff
body en 1 The harbor bridge reopened to 
body en 1 About 40,000 vehicles are expe
rows 3"

expect_eq "interleaved paragraphs, a title in each language" "$(paras 2)" \
"title fr 0 Les abeilles reviennent au par
title en 1 Bees return to the park
body fr 0 Une vingtaine de ruches ont ét
body en 1 About twenty hives were set up
body fr 0 Les apiculteurs bénévoles prop
body en 1 Volunteer beekeepers will offe
body fr 0 Le miel sera vendu à la fête d
body en 1 The honey will be sold at the 
rows 4"

expect_eq "two <div lang> columns" "$(paras 1)" \
"title ja 0 台風でフェリーが運休
body ja 0 台風十号の接近に伴い、港を結ぶフェリーは水曜日の全便が運休と
body ja 0 気象台は沿岸部に高潮警報を出し、住民に早めの避難を呼びかけて
title en 1 Typhoon halts ferries
body en 1 All ferries between the ports 
body en 1 The weather office issued a st
rows 3"

# Nothing of the boilerplate, scripts, styles, comments or attributes in
# any article.
all=$(for i in 1 2 3 4 5 6 7 8; do "$DIGLOT" show "$i" --format json; done)
for junk in cookies "Share on" "Email this" "Related" "Ferry timetable" "3 comments" "Finally!" \
	"Post comment" "Most read" "All rights" "Harbor Gazette." "Privacy" "Partager" "lettre d" \
	"Mentions" "Impressum" "teilen" "abonnieren" "Superbe" "版权" "首页" "Advertise" \
	"script text" "style text" "attribute text" "must never" "Accept all"; do
	checks=$((checks + 1))
	case $all in *"$junk"*) fail "boilerplate in an article: $junk" ;; esac
done

# The author (JSON-LD author.name here) is stored and shown in the header.
expect_eq "show: the author in the header" "$("$DIGLOT" show 4 | head -5)" \
"Harbor bridge reopens after two years of repairs
Source: The Harbor Gazette
Author: Ada Lovelace
Language: English (en)
Date: 2024-03-05"

# Importing again changes nothing; a page is known by its bytes.
expect_status "import again" 0 "$DIGLOT" import "$H"
expect_eq "import again: unchanged" "$(cat "$T/out")" "imported 0, updated 0, unchanged 8, failed 0"

# <meta name="author">, its control and bidi characters dropped; a page
# without one has no author line and "author":"" in JSON.
printf '<!DOCTYPE html><html><head><title>Quay works</title><meta name="author" content="Kim \342\200\256Lee\033[31m"></head><body><article><h1>Quay works</h1><p>The quay is being rebuilt this winter, the harbour office said on Monday, and ferries will use the north pier until April.</p><p>The works cost four million euros and should end before the summer season begins.</p></article></body></html>' >"$T/author.html"
expect_status "import a page with an author" 0 "$DIGLOT" import "$T/author.html"
expect_eq "meta author, cleaned" "$("$DIGLOT" show 9 | sed -n 2p)" "$(printf 'Author: Kim Lee\357\277\275[31m')"
expect_eq "meta author in JSON" "$("$DIGLOT" show 9 --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["author"])')" "$(printf 'Kim Lee\357\277\275[31m')"
expect_eq "no author: empty in JSON" "$("$DIGLOT" show 5 --format json | python3 -c 'import json,sys; print(repr(json.load(sys.stdin)["author"]))')" "''"

done_testing
