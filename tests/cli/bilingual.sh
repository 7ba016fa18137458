#!/bin/sh
# Bilingual documents as people lay them out (issue 12): one document per
# layout in tests/fixtures/bilingual, and which paragraphs `diglot show
# --format json` pairs in each; a monolingual article quoting French stays
# monolingual, with no rows.
. "$top_srcdir/tests/lib.sh"

B="$FIX/bilingual"
expect_status "import" 0 "$DIGLOT" import "$B"
id_of() { "$DIGLOT" list --format json | python3 -c "
import json, sys
for l in sys.stdin:
    o = json.loads(l)
    if o['path'].endswith('/$1'): print(o['id'])"; }

# The languages, the paragraph count, then one line per row: the first
# 18 characters of each paragraph of its left and right cells ('-' for an
# empty cell, ' + ' between the paragraphs of one cell).
rows() {
	"$DIGLOT" show "$(id_of "$1")" --format json | python3 -c '
import json, sys
a = json.load(sys.stdin)
def cell(t):
    return " + ".join(p[:18] for p in t.split("\n\n")) if t else "-"
print(" ".join(a["langs"]), len(a["paragraphs"]), "rows" in a)
for r in a.get("rows", []):
    print(cell(r["left"]), "|", cell(r["right"]))'
}

expect_eq "block: titles, then each paragraph beside its translation" "$(rows block-es-en.txt)" \
"es en 10 True
La biblioteca muni | The city library o
Desde el lunes, la | Since Monday, the 
La ampliación del  | The longer opening
En la primera sema | In the first week,
La concejala de cu | The councillor for"

expect_eq "two titles on adjacent lines: split into one title each" "$(rows titles2-de-en.txt)" \
"de en 8 True
Neue Fähre verbind | New ferry links th
Seit Samstag fährt | Since Saturday, an
Das Schiff bietet  | The boat has room 
Bürgermeisterin Il | Mayor Ilse Brandne"

expect_eq "interleaved by paragraph" "$(rows para-fr-en.txt)" \
"fr en 8 True
Les abeilles revie | Bees return to the
Une vingtaine de r | About twenty hives
Les apiculteurs bé | Volunteer beekeepe
Le miel sera vendu | The honey will be "

# Units of two, one and three French paragraphs, each followed by its
# English; the second paragraph of the last unit is not translated.
expect_eq "interleaved by unit, an omitted paragraph" "$(rows unit-fr-en.txt)" \
"fr en 13 True
Le vieux phare de  | The old Pointe-Gri
Le phare de Pointe | The Pointe-Grise l
La restauration a  | The restoration to
Le nouveau feu uti | The new light uses
L'association des  | The Friends of the
Les gardiens du ph | -
Les fonds récoltés | The money raised w"

# Each block holds an Italian line and its English line.
expect_eq "line-by-line captions: each line beside its translation" "$(rows lines-it-en.txt)" \
"it en 10 True
Fotografie dalla m | Photographs from t
Le barche dei pesc | The fishermen's bo
Una donna ripara l | A woman mends the 
Il mercato del pes | The fish market fi
I gabbiani seguono | The gulls follow t"

# A Chinese sentence, then its English, inside one paragraph.
expect_eq "sentence-interleaved zh/en paragraphs: sentence pairs" "$(rows sent-zh-en.txt)" \
"zh en 12 True
城市公园扩建工程完工 | City park expansio
经过一年半的施工，滨江公园的扩建工程 | After a year and a
新园区面积约十二公顷，种植了三千多棵 | The new area cover
公园新增了两条自行车道和一个儿童游乐 | The park has gaine
周末的游客人数比去年同期增加了一倍。 | Weekend visitor nu
市园林局表示，明年将在公园北侧修建一 | The city parks bur"

# Line pairs (from PostgreSQL's German catalogue, as tests/bench/align's
# generator lays them out) where two units were merged into one paragraph:
# every unit still starts on the German side (units chosen by alignment
# cost; by length fit alone each row was shifted by one run); the merged
# English paragraph (lz4 + VACUUM) stands beside both German lines it
# translates, though an English line lies between them.
expect_eq "line pairs with merged units: no shift, the merged one beside both" "$(rows lines-merged-de-en.txt)" \
"de en 23 True
VACUUM-Option DISA | VACUUM option DISA
nebenläufiges Abtr | cannot detach part
Ein Flush wird aus | Amount of WAL writ
Geben Sie einen Ad | Specify an address
SET TRANSACTION [N | SET TRANSACTION [N
Setzt die Zeit, di | Sets the amount of
Aggregatfunktionen | aggregate function
Diese Funktionalit + Um ein Abschalten  | This functionality
Erzeugen Sie die D | Recreate the datab
Ereignisqualifikat | event qualificatio
Setzt die Zeit, di | Sets the time to w"

expect_eq "monolingual with a French quote: no rows" "$(rows quote-en.txt)" "en 6 False"
expect_eq "the quote stays inside its paragraph" \
	"$("$DIGLOT" show "$(id_of quote-en.txt)" --format json | python3 -c '
import json, sys
a = json.load(sys.stdin)
print(a["bilingual"], sorted(set((p["lang"], p["side"]) for p in a["paragraphs"])))')" \
	"False [('en', None), ('fr', None)]"
expect_eq "list: the languages of each" "$("$DIGLOT" list --format tsv | cut -f2 | tail -n +2 | sort | tr '\n' ' ')" \
	"de+en de+en en es+en fr+en fr+en it+en zh+en "

done_testing
