#!/bin/sh
# Issue 12: an article interleaved by unit (two French paragraphs, then
# their English; one and one; three, one of them untranslated, then two)
# side by side at 120x40: each unit beside its translation, the
# untranslated paragraph beside an empty cell, every screen line exact.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/lib.sh"

"$DIGLOT" import "$top_srcdir/tests/fixtures/bilingual/unit-fr-en.txt" >"$tui_tmp/import.out" 2>&1 ||
	fail "import failed: $(cat "$tui_tmp/import.out")"

tui_start main 120 40
tui_wait "1 article  1/1"
tui_keys Enter
tui_wait "view: side-by-side"
tui_settle
tui_screen | sed 's/ *$//' >"$tui_tmp/got.txt"
cat >"$tui_tmp/want.txt" <<'SCREEN'
 diglot  Le vieux phare de Pointe-Grise rallumé après trente ans
Le vieux phare de Pointe-Grise rallumé après trente ans
Language: Français + English (fr+en)
Date: 2025-07-12

Français                                                   │ English
───────────────────────────────────────────────────────────┼────────────────────────────────────────────────────────────
Le vieux phare de Pointe-Grise rallumé après trente ans    │ The old Pointe-Grise lighthouse relit after thirty years
                                                           │
Le phare de Pointe-Grise, éteint depuis 1994, a de nouveau │ The Pointe-Grise lighthouse, dark since 1994, lit up the
éclairé la baie samedi soir.                               │ bay again on Saturday evening.
Plusieurs centaines d'habitants s'étaient rassemblés sur   │ Several hundred residents had gathered on the cliff to
la falaise pour assister au moment où la lanterne s'est    │ watch the moment the lantern came on.
allumée.                                                   │
                                                           │
La restauration a duré deux ans.                           │ The restoration took two years.
Les maçons ont refait l'escalier de pierre de cent douze   │ Masons rebuilt the stone staircase of one hundred and
marches et remplacé toutes les vitres de la lanterne.      │ twelve steps and replaced every pane of the lantern.
                                                           │
Le nouveau feu utilise des diodes qui consomment dix fois  │ The new light uses diodes that need ten times less
moins d'électricité que l'ancienne lampe, tout en portant  │ electricity than the old lamp while still reaching more
à plus de vingt kilomètres.                                │ than twenty kilometres.
                                                           │
L'association des Amis du phare organisera des visites     │ The Friends of the Lighthouse association will run guided
guidées tous les dimanches de juillet et d'août, sur       │ tours every Sunday in July and August, to be booked at the
réservation auprès de l'office de tourisme.                │ tourist office.
                                                           │
Les gardiens du phare vivaient autrefois dans la petite    │
maison au pied de la tour, qui deviendra un musée consacré │
à leur vie quotidienne.                                    │
                                                           │
Les fonds récoltés serviront à entretenir la tour et à     │ The money raised will go to the upkeep of the tower and to
former de jeunes guides parmi les lycéens de la commune.   │ training young guides among the town's secondary school
                                                           │ pupils.




 view: side-by-side  lines 1-33/33 100%  (no source)  fr+en

SCREEN
diff -u "$tui_tmp/want.txt" "$tui_tmp/got.txt" || fail "side-by-side screen differs"
tui_quit
echo ok
