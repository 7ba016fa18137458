#!/bin/sh
# The five real scraped seed articles (../shared/seeds): titles, sources,
# languages, the bilingual split of 000 and search across both scripts.
. "$top_srcdir/tests/lib.sh"

S=$(seeds_dir) || { echo "seed articles not found (set DIGLOT_SEEDS)"; exit 77; }

expect_status "import seeds" 0 "$DIGLOT" import "$S"
expect_eq "import summary" "$(cat "$T/out")" "imported 5, updated 0, unchanged 0, failed 0"

# Sorted by title so the comparison does not depend on file dates.
expect_eq "seed list" "$("$DIGLOT" list --order title | cut -f2,3,6)" "lang	source	title
fr		Dans le domaine de l'intelligence artificielle, la montée en puissance de Deepseek a attiré…
fr	AFP	Le lancement de ChatGPT et d'autres modèles américains a déclenché une ruée des entreprises européennes pour rattraper leur retard
it		Mistral AI e Microsoft: una Collaborazione Pericolosa per l’AI Open Source
en	WinBuzzer	Mistral AI Maintains Open Source Pledge in the Wake of a Major Microsoft Collaboration
zh+en	Barron's	Mistral AI Stays True to Open-Source Commitment, Partners with Microsoft Without Compromising Principles, Countering AI闭源 Trends"

id_of() { "$DIGLOT" list | awk -F'\t' -v t="$1" 'index($6, t) == 1 {print $1}'; }
zh=$(id_of "Mistral AI Stays True")
afp=$(id_of "Le lancement")

expect_eq "search 闭源" "$("$DIGLOT" search 闭源 | cut -f1)" "id
$zh"
expect_eq "search herblin" "$("$DIGLOT" search herblin | cut -f1 | sort)" "$(printf '%s\n' id "$zh" "$afp" | sort)"

# The Chinese opening paragraph sits beside the English one in the first body row.
json=$("$DIGLOT" show "$zh" --format json)
first_row=$(printf '%s' "$json" | python3 -c '
import json, sys
a = json.load(sys.stdin)
rows = [r for r in a["rows"] if r["left"].startswith("法国人工智能初创公司")]
print(rows[0]["right"][:60] if rows else "none")')
expect_eq "000 first row" "$first_row" "French AI startup Mistral AI recently announced at a Microso"
expect_eq "000 langs" "$(printf '%s' "$json" | python3 -c 'import json,sys; print(json.load(sys.stdin)["langs"])')" "['zh', 'en']"

done_testing
