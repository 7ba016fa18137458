#!/bin/sh
# diglot show: the text the pager shows (golden files, side by side, stacked
# below 60 columns, one language), and the JSON with paragraphs and rows.
. "$top_srcdir/tests/lib.sh"

S="$top_srcdir/data/samples"
G="$FIX/show"
"$DIGLOT" import "$S/zh-en-harbor-bridge.txt" "$S/fr-en-museum-reopening.txt" "$S/fr-harbor-bridge.txt" >/dev/null
id_of() { "$DIGLOT" list --format json | python3 -c "
import json, sys
for l in sys.stdin:
    o = json.loads(l)
    if o['path'].endswith('/$1'): print(o['id'])"; }
zh=$(id_of zh-en-harbor-bridge.txt)
fren=$(id_of fr-en-museum-reopening.txt)
fr=$(id_of fr-harbor-bridge.txt)

expect_eq "zh+en side by side at 120" "$("$DIGLOT" show "$zh" --width 120)" "$(cat "$G/zh-en-120.txt")"
expect_eq "zh+en stacked at 40" "$("$DIGLOT" show "$zh" --width 40)" "$(cat "$G/zh-en-40.txt")"
expect_eq "one language by code" "$("$DIGLOT" show "$fren" --view en --width 80)" "$(cat "$G/fr-en-right-80.txt")"
expect_eq "right is the second language" "$("$DIGLOT" show "$fren" --view right --width 80)" "$(cat "$G/fr-en-right-80.txt")"
expect_eq "monolingual at 60" "$("$DIGLOT" show "$fr" --width 60)" "$(cat "$G/fr-60.txt")"
expect_eq "auto on monolingual is original" "$("$DIGLOT" show "$fr" --width 60 --view original)" "$(cat "$G/fr-60.txt")"
expect_eq "not a terminal: 80 columns" "$(COLUMNS= "$DIGLOT" show "$zh")" "$("$DIGLOT" show "$zh" --width 80)"

# Every line fits its width, whatever the script.
for w in 40 61 80 132; do
	too_wide=$("$DIGLOT" show "$zh" --width $w | python3 -c "
import sys, unicodedata
def cols(s): return sum(2 if unicodedata.east_asian_width(c) in 'WF' else 0 if unicodedata.combining(c) else 1 for c in s)
print(sum(1 for l in sys.stdin.read().split('\n') if cols(l) > $w))")
	expect_eq "no line wider than $w" "$too_wide" "0"
done

expect_status "unknown view" 2 "$DIGLOT" show "$zh" --view de
expect_eq "unknown view message" "$(cat "$T/err")" "diglot: show: unknown view 'de' (auto, original, side-by-side, left, right or a language of the article)"

# JSON: paragraphs with language and side, rows pairing the two halves.
expect_eq "json rows" "$("$DIGLOT" show "$zh" --format json | python3 -c '
import json, sys
a = json.load(sys.stdin)
print(a["langs"], a["bilingual"], a["source"], len(a["paragraphs"]))
print(sorted(set((p["lang"], p["side"]) for p in a["paragraphs"])))
for r in a["rows"]:
    print(r["left"][:12], "|", r["right"][:24])')" "['zh', 'en'] True 东方晨报 13
[('en', 1), ('zh', 0)]
凯斯湾跨海大桥正式通车  | Kestrel Bay Harbour Brid
 | Keywords: harbour bridge
经过四年零三个月的施工， | After four years and thr
凯斯湾市长罗莎·林奎斯特 | Speaking at the opening 
据介绍，大桥采用双层设计 | The bridge has two decks
不过，也有部分居民对通车 | Some residents, however,
按照计划，有轨电车线路将 | The tram line is schedul"
# Sentence pairs inside 1-1 rows whose sentences match one to one.
expect_eq "json sentence pairs" "$("$DIGLOT" show "$zh" --format json | python3 -c '
import json, sys
a = json.load(sys.stdin)
for r in a["rows"]:
    s = r.get("sentences", [])
    print(len(s), s[-1]["left"][-6:] + "|" + s[-1]["right"][-12:] if s else "-")')" "0 -
0 -
2 北岸的行人。|rth on foot.
2 边的孩子。”|,” she said.
3 共计26天。|wo typhoons.
3 流决定去留。| its future.
0 -"
expect_eq "monolingual json has no rows" "$("$DIGLOT" show "$fr" --format json | python3 -c '
import json, sys
a = json.load(sys.stdin)
print("rows" in a, set(p["side"] for p in a["paragraphs"]), a["langs"])')" "False {None} ['fr']"

done_testing
